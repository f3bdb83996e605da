import {
  DeletedTextRun,
  ExternalHyperlink,
  FootnoteReference,
  FootnoteReferenceRun,
  InsertedTextRun,
  Tab,
  TextRun,
  type ParagraphChild,
  type RunChild,
  type RunOptions,
} from './ooxml/body.js';
import type { FootnoteReference as FootnoteReferenceNode, PhrasingContent } from 'mdast';
import { imageText } from './printed-text.js';
import { checkBox } from './task-box.js';
import { CharacterStyle, CODE_FONT } from '../model/reference-docx.js';
import type { BlockRevision } from './nodes.js';

/** Character formatting carried down the inline tree. */
export interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
  /** The language tag of the text where it is not the document's: a Latvian field printed in an English note. */
  language?: string;
  /** Inside an insertion or deletion: the runs become tracked changes. */
  revision?: BlockRevision;
}

/** Who made a tracked change and when, with the change's unique id. */
export interface RevisionStamp {
  id: number;
  author: string;
  date: string;
}

/** What inline conversion needs from the document being built. */
export interface InlineContext {
  /** The Word footnote of one footnote reference, or undefined if its label has no definition. */
  footnote(reference: FootnoteReferenceNode): number | undefined;
  /**
   * Whether the runs being made are a footnote's, where a reference cannot be a note of its own; and then
   * the number of the note the text gives the label (its first reference's), if the text refers to it.
   */
  inNote(): { textNote: (identifier: string) => number | undefined } | undefined;
  /** URL of a reference-style link definition. */
  definition(identifier: string): string | undefined;
  /** Reports something the DOCX cannot show as written. */
  warn(reason: string, node: PhrasingContent): void;
  /** Stamps the next tracked change; only called for insertions and deletions. */
  revision(): RevisionStamp;
}

/** Converts Markdown inline content (text, emphasis, links, footnotes) into DOCX runs. */
export function inlineRuns(nodes: readonly PhrasingContent[], context: InlineContext, marks: Marks = {}): ParagraphChild[] {
  return nodes.flatMap((node) => inlineRun(node, context, marks));
}

function inlineRun(node: PhrasingContent, context: InlineContext, marks: Marks): ParagraphChild[] {
  switch (node.type) {
    case 'text':
      return textRuns(node.value, marks, context);
    case 'strong':
      return inlineRuns(node.children, context, { ...marks, bold: true });
    case 'emphasis':
      return inlineRuns(node.children, context, { ...marks, italics: true });
    case 'delete':
      return inlineRuns(node.children, context, { ...marks, strike: true });
    case 'inlineCode':
      return textRuns(node.value, { ...marks, code: true }, context);
    case 'break':
      return [run({ break: 1 }, marks.revision, context)];
    case 'link':
      return [hyperlink(node.url, inlineRuns(node.children, context, { ...marks, link: true }))];
    case 'linkReference': {
      const url = context.definition(node.identifier);
      const children = inlineRuns(node.children, context, url ? { ...marks, link: true } : marks);
      return url ? [hyperlink(url, children)] : children;
    }
    case 'footnoteReference': {
      const note = context.inNote();
      if (note) return referenceInNote(node, note.textNote(node.identifier), marks, context);
      const id = context.footnote(node);
      if (id === undefined) {
        context.warn(`footnote [^${node.label ?? node.identifier}] has no definition`, node);
        return textRuns(`[^${node.label ?? node.identifier}]`, marks, context);
      }
      if (marks.revision) return [run({ style: CharacterStyle.noteReference, children: [new FootnoteReference(id)] }, marks.revision, context)];
      return [new FootnoteReferenceRun(id)];
    }
    case 'html':
      return textRuns(node.value, marks, context);
    case 'image':
    case 'imageReference':
      context.warn('an image is not placed, its alternative text is printed in its place. Say in words what it shows; a picture the report needs is put into the copy sent, in Word', node);
      return textRuns(imageText(node), marks, context);
    case 'taskBox':
      return textRuns(checkBox(node.checked), marks, context);
    case 'insertion':
      return inlineRuns(node.children, context, { ...marks, revision: 'insert' });
    case 'deletion':
      return inlineRuns(node.children, context, { ...marks, revision: 'delete' });
    default:
      return [];
  }
}

/**
 * A footnote reference inside a footnote. A note of the DOCX cannot hold a note of its own: Word offers
 * none there, and LibreOffice refused the whole file ("source file could not be loaded"). It is printed
 * as the number of the note the text gives the label, raised as a note's number is; where the text
 * refers to the label nowhere, as the .md writes it (its label scoped to the field), as a reference
 * without a definition is.
 */
function referenceInNote(node: FootnoteReferenceNode, number: number | undefined, marks: Marks, context: InlineContext): ParagraphChild[] {
  const label = `[^${node.label ?? node.identifier}]`;
  const why = 'a note of the DOCX cannot hold a note of its own (LibreOffice cannot open a file with one)';
  if (number === undefined) {
    context.warn(`a footnote reference in a footnote is printed as the .md writes it, ${label}: ${why}, and the text refers to that note nowhere else. Refer to it from the text, or write what it says into this note`, node);
    return textRuns(label, marks, context);
  }
  context.warn(`a footnote reference in a footnote is printed as the number of its note, ${number}, raised: ${why}`, node);
  return [run({ style: CharacterStyle.noteReference, children: [String(number)] }, marks.revision, context)];
}

/** A run per tab-separated piece; soft line breaks become spaces, as Markdown renders them. */
function textRuns(value: string, marks: Marks, context: InlineContext): ParagraphChild[] {
  const text = value.replace(/[ \t]*\n[ \t]*/g, ' ');
  if (!text) return [];
  const children: RunChild[] = [];
  text.split('\t').forEach((piece, index) => {
    if (index > 0) children.push(new Tab());
    if (piece) children.push(piece);
  });
  const options: RunOptions = {
    children,
    bold: marks.bold,
    italics: marks.italics,
    strike: marks.strike,
    ...(marks.code ? { font: CODE_FONT } : {}),
    ...(marks.link ? { style: CharacterStyle.link } : {}),
    ...(marks.language ? { language: { value: marks.language } } : {}),
  };
  return [run(options, marks.revision, context)];
}

/** A run of text: plain, or a tracked insertion or deletion of one when its block is tracked. */
export function run(options: RunOptions, revision: BlockRevision | undefined, context: InlineContext): ParagraphChild {
  if (revision === 'insert') return new InsertedTextRun({ ...options, ...context.revision() });
  if (revision === 'delete') return new DeletedTextRun({ ...options, ...context.revision() });
  return new TextRun(options);
}

function hyperlink(url: string, children: ParagraphChild[]): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children });
}
