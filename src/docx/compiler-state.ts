/** The DOCX compiler's state over one document and its leaf steps: a paragraph, its runs, a revision's stamp, the header and footer, a footnote's text, a warning. */

import {
  AlignmentType,
  BookmarkStart,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TabStopType,
  TextRun,
  type ParagraphChild,
  type ParagraphOptions,
  type RunChild,
} from './ooxml/body.js';
import type { BlockContent, DefinitionContent, FootnoteDefinition, FootnoteReference, List, Nodes, Paragraph as MarkdownParagraph, PhrasingContent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { fieldLanguageTag, type FieldRef } from '../model/field.js';
import type { FieldAnchor } from './anchors.js';
import { inlineRuns, run, type InlineContext, type RevisionStamp } from './inline.js';
import { deepestIndent, pageGeometry, type PageGeometry } from './layout.js';
import type { BlockRevision } from './nodes.js';
import { listKindInSource, type ListKind } from './list-kind.js';
import { numberingDefinition } from './numbering.js';
import { keptWithNext } from './keep-together.js';
import { OptionalStyle, Style, type StyleSource } from './styles.js';
import type { DocxMeta } from './docx-meta.js';

/** A list being numbered: its kind, its numbering definition and instance, and the number its next item gets. */
export interface ListState {
  kind: ListKind;
  reference: string;
  instance: number;
  /** The number the next item would get, for lists that carry on after a paragraph. */
  next: number;
}

/** A block the compiler turns into paragraphs and tables: the root's, a container's, a definition. */
export type BlockNode = RootContent | BlockContent | DefinitionContent;

/** A block of a footnote's text. */
export type FootnoteContent = FootnoteDefinition['children'][number];

/** The definitions of one footnote label: the first in both versions (all there is outside a redline), the first deleted whole, the first inserted whole. */
export interface FootnoteVersions {
  both?: FootnoteDefinition;
  deleted?: FootnoteDefinition;
  inserted?: FootnoteDefinition;
}

/** A changed footnote's notes for each kind of reference, as the redline gave them (`data.notes`). */
export function notesOf({ both, deleted, inserted }: FootnoteVersions) {
  return both?.data?.notes ?? deleted?.data?.notes ?? inserted?.data?.notes;
}

/** The compiler's state while one document is compiled, and the steps that need no other block compiled: runs, paragraphs, revisions, header, footer, warnings. */
export abstract class CompilerState {
  protected readonly geometry: PageGeometry;
  protected readonly styles: StyleSource;
  private readonly source: string;
  protected readonly definitions = new Map<string, string>();
  /** Each footnote reference's own Word footnote, numbered in order (Word numbers a note per reference), and the note it prints. */
  protected readonly footnotes = new Map<FootnoteReference, { id: number; note: FootnoteContent[]; field: FieldRef | undefined }>();
  /** Footnote definitions by label. */
  protected readonly footnoteNodes = new Map<string, FootnoteVersions>();
  protected readonly numbering = new Map<string, ReturnType<typeof numberingDefinition>>();
  protected readonly instances = new Map<string, number>();
  /**
   * The last top-level list of each kind, so "2." after a paragraph continues "1.": in a redline, only one that
   * numbers its items alike in both versions (see `numbersAlike`).
   */
  protected readonly lastList = new Map<ListKind, ListState | undefined>();
  private readonly inline: InlineContext;
  protected readonly meta: DocxMeta;
  protected readonly file: VFile;
  private nextRevisionId = 1;
  /** Paragraphs of the summary comment, until it is attached to the first paragraph. */
  private pendingComment: string[] | null;
  /** The start of a field anchor, until the field's first paragraph takes it. */
  protected pendingAnchorStart: BookmarkStart | null = null;
  /** The code block each code line's paragraph belongs to: two blocks that touch are kept apart. */
  protected readonly codeLines = new WeakMap<Paragraph, Nodes>();
  /** The paragraph made last: a field's anchor ends in it, in a table's last cell when the field ends with a table. */
  protected lastParagraph: Paragraph | null = null;
  /** The field anchors written so far, in document order. */
  protected readonly anchors: FieldAnchor[] = [];
  /** Each table's tracked change in a redline, for the gap paragraph between two tables. */
  protected readonly tableRevisions = new WeakMap<Table, BlockRevision>();
  /**
   * The Markdown field (a position's answer, the background) whose blocks are being compiled;
   * undefined for the template's own text. A warning names its file.
   */
  protected field: FieldRef | undefined;
  /** The language of the field being compiled where it is not the document's (see {@link languageOf}). */
  private fieldLanguage: string | undefined;
  /** Whether the blocks being compiled are a footnote's (`noteParagraphs`). */
  protected inNote = false;
  /** How many quotes (`>`) the blocks being compiled are in. */
  protected quoteDepth = 0;
  /**
   * The list level of the item the outermost quote is in (0 outside a list): the quote stands under
   * that item's number, and a list in it starts at that level (`list`, `inItem`).
   */
  protected quoteItemLevel = 0;
  /** The list level of the item whose blocks after its first paragraph are being compiled; undefined outside a list. */
  protected itemLevel: number | undefined;
  /** The paragraphs just before the signature block, kept on its page (`markBeforeSignature`). */
  protected readonly beforeSignature = new WeakSet<Nodes>();
  /** The most first-line indents a quote, or a list or table nested in one or in a list, is set in (layout.ts). */
  protected readonly deepest: number;

  constructor(meta: DocxMeta, file: VFile) {
    this.meta = meta;
    this.file = file;
    this.geometry = pageGeometry(meta.layout, meta.reference?.page);
    this.deepest = deepestIndent(this.geometry);
    this.styles = meta.reference ? { kind: 'reference', reference: meta.reference } : meta.starterStyles ? { kind: 'starter' } : { kind: 'built-in' };
    this.source = String(file.value);
    this.inline = {
      footnote: (reference) => this.footnotes.get(reference)?.id,
      inNote: () => (this.inNote ? { textNote: (identifier) => this.textNote(identifier) } : undefined),
      definition: (identifier) => this.definitions.get(identifier),
      warn: (reason, node) => this.warn(reason, node),
      revision: () => this.stamp(),
    };
    this.pendingComment = meta.revisions?.summary.length ? meta.revisions.summary : null;
  }

  /** The note the text gives a label: its first reference's, in the text's order; undefined when the text does not refer to it. */
  private textNote(identifier: string): number | undefined {
    for (const [reference, { id }] of this.footnotes) if (reference.identifier === identifier) return id;
    return undefined;
  }

  /** What a paragraph is kept with across pages: `keptWithNext`, and the signature's page for the paragraph before it. */
  protected keeping(node: MarkdownParagraph, style: string, place?: Parameters<typeof keptWithNext>[2]): Pick<ParagraphOptions, 'keepNext' | 'keepLines'> {
    return { ...keptWithNext(node, style, place), ...(this.beforeSignature.has(node) ? { keepNext: true } : {}) };
  }

  /**
   * What the footnote of a reference prints. Outside a redline, the label's first definition. In a
   * redline a label may have two: the old version's, deleted, and the new version's, inserted,
   * when the definition moved. A deleted reference prints the old note, every word deleted, and
   * an inserted one the new, every word inserted, so accepting or rejecting every change leaves
   * each version's note at its reference; a reference in both versions prints the old note
   * merged with the new, or else the old note's paragraphs, deleted, then the new note's, inserted.
   */
  protected noteOf(identifier: string, revision: BlockRevision | undefined): FootnoteContent[] | undefined {
    const versions = this.footnoteNodes.get(identifier);
    if (!versions) return undefined;
    const { both, deleted, inserted } = versions;
    const notes = notesOf(versions);
    if (revision === 'delete') return notes?.deleted ?? (deleted ?? both ?? inserted)?.children;
    if (revision === 'insert') return notes?.inserted ?? (inserted ?? both ?? deleted)?.children;
    return both?.children ?? notes?.merged ?? [...(deleted?.children ?? []), ...(inserted?.children ?? [])];
  }

  /** A heading's style: a `#` heading of the template is the report's title; one in a position's or meeting's own text never is. */
  protected headingStyle(depth: number): string {
    return depth === 1 && !this.field ? Style.title : Style.heading;
  }

  /** Normal, unless the styles define the optional question or sub-item style. */
  protected listStyle(kind: ListKind): string {
    const wanted = kind === 'period' ? OptionalStyle.question : OptionalStyle.subItem;
    if (this.styles.kind === 'starter') return wanted;
    if (this.styles.kind === 'reference' && this.styles.reference.styleIds.includes(wanted)) return wanted;
    return Style.body;
  }

  protected listKind(node: List): ListKind {
    return node.data?.listKind ?? listKindInSource(node, this.source);
  }

  protected runs(nodes: readonly PhrasingContent[], bold = false): ParagraphChild[] {
    const language = this.fieldLanguage;
    return inlineRuns(nodes, this.inline, { ...(bold ? { bold: true } : {}), ...(language ? { language } : {}) });
  }

  /** Sets the field being compiled (undefined after it), and the language its runs are marked with. */
  protected setField(field: FieldRef | undefined): void {
    this.field = field;
    this.fieldLanguage = field ? this.languageOf(field) : undefined;
  }

  /**
   * The language of a field where it is not the document's, whose language the styles give: a Latvian
   * answer an English note prints untranslated. Marked on its runs, Word checks its spelling as Latvian
   * (it underlined every word) and a screen reader reads it in a Latvian voice.
   */
  private languageOf(field: FieldRef): string | undefined {
    const tag = fieldLanguageTag(field.field);
    const primary = (language: string) => language.toLowerCase().split('-')[0];
    return primary(tag) === primary(this.meta.layout.language) ? undefined : tag;
  }

  /**
   * A body paragraph. A block that exists in one version only has its paragraph mark
   * tracked too, so that accepting or rejecting every change leaves no empty paragraph;
   * so has a paragraph split or joined to the next one, its mark alone (`paragraphMark`).
   * The first paragraph carries the summary comment of a redline.
   */
  protected paragraph(node: Nodes, options: ParagraphOptions): Paragraph {
    const revision = node.data?.revision ?? node.data?.paragraphMark;
    const mark = revision ? { run: this.rowRevision(revision) } : {};
    let children: readonly ParagraphChild[] = options.children ?? [];
    if (this.pendingComment) {
      children = [new CommentRangeStart(0), ...children, new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })];
      this.pendingComment = null;
    }
    const start = this.pendingAnchorStart;
    if (!start) {
      this.lastParagraph = new Paragraph({ ...options, ...mark, children });
      return this.lastParagraph;
    }
    this.pendingAnchorStart = null;
    const paragraph = new Paragraph({ ...options, ...mark, children: [start, ...children] });
    this.lastParagraph = paragraph;
    return paragraph;
  }

  /** A run of literal text (code, raw HTML), tracked when its block is. */
  protected literal(text: string, revision: BlockRevision | undefined): ParagraphChild {
    return run({ text }, revision, this.inline);
  }

  protected rowRevision(revision: BlockRevision | undefined) {
    if (revision === 'insert') return { insertion: this.stamp() };
    if (revision === 'delete') return { deletion: this.stamp() };
    return {};
  }

  protected stamp(): RevisionStamp {
    const revisions = this.meta.revisions;
    if (!revisions) throw new Error('DocxCompiler: a tracked change in a document without revision details');
    return { id: this.nextRevisionId++, author: revisions.author, date: revisions.date };
  }

  protected header(withPageNumber: boolean): Paragraph {
    const children: RunChild[] = [];
    if (withPageNumber) children.push(new Tab(), PageNumber.CURRENT);
    if (this.meta.draftMark) children.push(new Tab(), ...(withPageNumber ? [] : [new Tab()]), this.meta.draftMark);
    const ours = [
      { type: TabStopType.CENTER, position: Math.round(this.geometry.textWidth / 2) },
      { type: TabStopType.RIGHT, position: this.geometry.textWidth },
    ];
    // The reference's Header style may set stops of its own (another page's centre): cleared, so the draft mark goes to the right edge.
    const cleared = (this.meta.reference?.headerTabs ?? []).filter((position) => !ours.some((tab) => tab.position === position)).map((position) => ({ type: TabStopType.CLEAR, position }));
    // Flush left whatever the style's alignment: a centred Header style (a letterhead's) would move the tabbed page number off the centre.
    return new Paragraph({
      style: Style.header,
      tabStops: [...ours, ...cleared].sort((a, b) => a.position - b.position),
      alignment: AlignmentType.LEFT,
      children: children.length ? [new TextRun({ children })] : [],
    });
  }

  protected footer(): Paragraph {
    const text = this.meta.layout.footer_file_code ? this.meta.footerText : null;
    return new Paragraph({ style: Style.footer, children: text ? [new TextRun(text)] : [] });
  }

  /** The field a label's footnote is defined in (each version's the same field's). */
  protected noteField(identifier: string): FieldRef | undefined {
    const versions = this.footnoteNodes.get(identifier);
    return (versions?.both ?? versions?.inserted ?? versions?.deleted)?.data?.field;
  }

  protected warn(reason: string, node: Nodes): void {
    const message = this.file.message(reason, { place: node.position, ruleId: 'unsupported', source: 'docx' });
    message.fatal = false;
    // Said at the file the text came from (a position), where a GitHub annotation then lands.
    if (this.field) Object.assign(message, { field: { file: this.field.file, field: this.field.field } });
  }
}

