import {
  AlignmentType,
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
  type ParagraphChild,
  type ParagraphOptions,
  type RunChild,
} from './ooxml/body.js';
import type { DocumentOptions, PageOptions } from './ooxml/document.js';
import type { AlignType, BlockContent, DefinitionContent, FootnoteDefinition, FootnoteReference, List, Nodes, Paragraph as MarkdownParagraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { fieldLanguageTag, type FieldRef } from '../model/field.js';
import type { Layout } from '../model/index.js';
import { anchorName, anchorProperties, sameField, type FieldAnchor } from './anchors.js';
import { inlineRuns, run, type InlineContext, type RevisionStamp } from './inline.js';
import { deepestIndent, pageGeometry, type PageGeometry } from './layout.js';
import type { BlockRevision } from './nodes.js';
import { listKindInSource, type ListKind } from './list-kind.js';
import { DEEPEST_LIST_LEVEL, numberingDefinition, numberingReference } from './numbering.js';
import { checkBox } from './task-box.js';
import { keptWithNext, lastParagraphOrTable, questionLike } from './keep-together.js';
import { settleLastMark } from './last-mark.js';
import { columnWidths } from './table-widths.js';
import { isListEnd } from '../util/markdown.js';
import type { ReferenceDocx } from '../model/reference-docx.js';
import { documentStyles, OptionalStyle, Style, type StyleSource } from './styles.js';

declare module 'unified' {
  interface CompileResultMap {
    DocxDocument: DocumentOptions;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The field anchors the compiler wrote, in document order (for the manifest). */
    anchors: FieldAnchor[];
  }
}

/** What the DOCX carries besides the Markdown body: properties, header, footer, layout. */
export interface DocxMeta {
  /** Document title property; defaults to the text of the first level-1 heading. */
  title?: string;
  subject?: string;
  creator: string;
  description?: string;
  keywords?: string;
  /** Printed in the footer of every page, e.g. `IZMzin_190221_EDUC`; null for none. */
  footerText: string | null;
  /** Printed at the top right of every page while the document is a draft; null when final. */
  draftMark: string | null;
  /** Custom document properties: included positions and their versions, hashes. */
  customProperties: { name: string; value: string }[];
  layout: Layout;
  /** A ministry's reference DOCX: its styles, page set-up and first-page header and footer are used. */
  reference?: ReferenceDocx | undefined;
  /** Adds the optional styles (question, sub-item) with built-in looks: for `briefing reference-docx`. */
  starterStyles?: boolean;
  /**
   * Only for a redline: tracked changes are stamped with this author and date (ISO 8601),
   * Word opens with track changes on, and `summary` (if any) becomes a comment on the first paragraph.
   */
  revisions?: { author: string; date: string; summary: string[] };
}

/**
 * unified compiler plugin: Markdown syntax tree → the DOCX package's content (./ooxml/document.ts).
 * Deterministic: the same tree and meta always give the same document.
 */
export const remarkDocx: Plugin<[DocxMeta], Root, DocumentOptions> = function remarkDocx(meta) {
  this.compiler = (tree, file) => {
    if (!isRoot(tree)) throw new Error('remarkDocx: expected a Markdown root node');
    return new DocxCompiler(meta, file).compile(tree);
  };
};

function isRoot(node: { type: string }): node is Root {
  return node.type === 'root' && 'children' in node;
}

interface ListState {
  kind: ListKind;
  reference: string;
  instance: number;
  /** The number the next item would get, for lists that carry on after a paragraph. */
  next: number;
}

type BlockNode = RootContent | BlockContent | DefinitionContent;

/** A block of a footnote's text. */
type FootnoteContent = FootnoteDefinition['children'][number];

/** The definitions of one footnote label: the first in both versions (all there is outside a redline), the first deleted whole, the first inserted whole. */
interface FootnoteVersions {
  both?: FootnoteDefinition;
  deleted?: FootnoteDefinition;
  inserted?: FootnoteDefinition;
}

class DocxCompiler {
  private readonly geometry: PageGeometry;
  private readonly styles: StyleSource;
  private readonly source: string;
  private readonly definitions = new Map<string, string>();
  /** Each footnote reference's own Word footnote, numbered in order (Word numbers a note per reference), and the note it prints. */
  private readonly footnotes = new Map<FootnoteReference, { id: number; note: FootnoteContent[]; field: FieldRef | undefined }>();
  /** Footnote definitions by label. */
  private readonly footnoteNodes = new Map<string, FootnoteVersions>();
  private readonly numbering = new Map<string, ReturnType<typeof numberingDefinition>>();
  private readonly instances = new Map<string, number>();
  /**
   * The last top-level list of each kind, so "2." after a paragraph continues "1.": in a redline, only one that
   * numbers its items alike in both versions (see `numbersAlike`).
   */
  private readonly lastList = new Map<ListKind, ListState | undefined>();
  private readonly inline: InlineContext;
  private readonly meta: DocxMeta;
  private readonly file: VFile;
  private nextRevisionId = 1;
  /** Paragraphs of the summary comment, until it is attached to the first paragraph. */
  private pendingComment: string[] | null;
  /** The start of a field anchor, until the field's first paragraph takes it. */
  private pendingAnchorStart: BookmarkStart | null = null;
  /** The code block each code line's paragraph belongs to: two blocks that touch are kept apart. */
  private readonly codeLines = new WeakMap<Paragraph, Nodes>();
  /** The paragraph made last: a field's anchor ends in it, in a table's last cell when the field ends with a table. */
  private lastParagraph: Paragraph | null = null;
  /** The field anchors written so far, in document order. */
  private readonly anchors: FieldAnchor[] = [];
  /** Each table's tracked change in a redline, for the gap paragraph between two tables. */
  private readonly tableRevisions = new WeakMap<Table, BlockRevision>();
  /**
   * The Markdown field (a position's answer, the background) whose blocks are being compiled;
   * undefined for the template's own text. A warning names its file.
   */
  private field: FieldRef | undefined;
  /** The language of the field being compiled where it is not the document's (see {@link languageOf}). */
  private fieldLanguage: string | undefined;
  /** Whether the blocks being compiled are a footnote's (`noteParagraphs`). */
  private inNote = false;
  /** How many quotes (`>`) the blocks being compiled are in. */
  private quoteDepth = 0;
  /**
   * The list level of the item the outermost quote is in (0 outside a list): the quote stands under
   * that item's number, and a list in it starts at that level (`list`, `inItem`).
   */
  private quoteItemLevel = 0;
  /** The list level of the item whose blocks after its first paragraph are being compiled; undefined outside a list. */
  private itemLevel: number | undefined;
  /** The paragraphs just before the signature block, kept on its page (`markBeforeSignature`). */
  private readonly beforeSignature = new WeakSet<Nodes>();
  /** The most first-line indents a quote, or a list or table nested in one or in a list, is set in (layout.ts). */
  private readonly deepest: number;

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

  compile(tree: Root): DocumentOptions {
    this.collect(tree);
    this.markBeforeSignature(tree.children);
    const body = this.topLevel(tree.children);
    const children = this.meta.revisions ? settleLastMark(body, () => this.stamp()) : body;
    this.file.data.anchors = [...this.anchors];
    // A note for each reference (one referred to twice is printed twice, as Word numbers it twice); a definition nothing refers to is left out.
    const footnotes = [...this.footnotes.values()].map(({ note, field }) => this.noteParagraphs(note, field));
    const { meta, geometry } = this;
    const revisions = meta.revisions;
    return {
      // A draft says so in its title too, which a PDF viewer shows in its window's bar and systems that file documents by: else only the page header told it from the final.
      title: meta.draftMark ? `${meta.draftMark} – ${meta.title ?? titleOf(tree)}` : (meta.title ?? titleOf(tree)),
      subject: meta.subject,
      creator: meta.creator,
      lastModifiedBy: meta.creator,
      description: meta.description,
      keywords: meta.keywords,
      revision: 1,
      styles: documentStyles(meta.layout, geometry, this.styles),
      externalStyles: meta.reference?.styles,
      numbering: [...this.numbering.values()],
      footnotes,
      customProperties: [...meta.customProperties, ...this.anchors.flatMap(anchorProperties)],
      trackRevisions: revisions !== undefined,
      comments: revisions?.summary.length
        ? [{ id: 0, author: revisions.author, date: new Date(revisions.date), children: revisions.summary.map((text) => new Paragraph({ style: Style.tableText, children: [new TextRun(text)] })) }]
        : [],
      page: { size: pageSize(geometry), margin: geometry.margins },
      headers: { first: [this.header(false)], default: [this.header(meta.layout.page_numbers)] },
      footers: { first: [this.footer()], default: [this.footer()] },
      children,
    };
  }

  /** Link definitions and footnote definitions can appear anywhere; number footnotes in order of first reference. */
  private collect(tree: Root): void {
    const visit = (node: Nodes): void => {
      if (node.type === 'definition') this.definitions.set(node.identifier, node.url);
      if (node.type === 'footnoteDefinition') {
        const versions = this.footnoteNodes.get(node.identifier) ?? {};
        const kind = node.data?.revision === 'delete' ? 'deleted' : node.data?.revision === 'insert' ? 'inserted' : 'both';
        versions[kind] ??= node;
        this.footnoteNodes.set(node.identifier, versions);
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
    // References are numbered once the definitions are known: one with no definition gets no note (and a warning).
    const number = (node: Nodes, revision: BlockRevision | undefined): void => {
      const inside = node.type === 'insertion' ? 'insert' : node.type === 'deletion' ? 'delete' : revision;
      // A reference in a note that two renderings of the note share is numbered once.
      if (node.type === 'footnoteReference' && !this.footnotes.has(node)) {
        const note = this.noteOf(node.identifier, inside);
        if (note) this.footnotes.set(node, { id: this.footnotes.size + 1, note, field: this.noteField(node.identifier) });
      }
      if (node.type === 'footnoteDefinition') return;
      if ('children' in node) for (const child of node.children) number(child, inside);
    };
    // A reference inside a note gets no note of its own (see referenceInNote in inline.ts).
    number(tree, undefined);
  }

  /** The note the text gives a label: its first reference's, in the text's order; undefined when the text does not refer to it. */
  private textNote(identifier: string): number | undefined {
    for (const [reference, { id }] of this.footnotes) if (reference.identifier === identifier) return id;
    return undefined;
  }

  /**
   * The last paragraph before the signature block (the clearance line, or the answer's last paragraph or
   * list item where there is none) is kept on the signature's page: a signature alone on a page, the text
   * it signs on the page before, was what a report whose text just filled its last page ended with. An
   * answer that ends with a table keeps the table's last row there (`table`).
   */
  private markBeforeSignature(nodes: readonly RootContent[]): void {
    nodes.forEach((node, index) => {
      const next = nodes[index + 1];
      if (!next || next.type !== 'paragraph' || next.data?.field || !hasTab(next.children)) return;
      const last = lastParagraphOrTable(node);
      if (last) this.beforeSignature.add(last);
    });
  }

  /** What a paragraph is kept with across pages: `keptWithNext`, and the signature's page for the paragraph before it. */
  private keeping(node: MarkdownParagraph, style: string, place?: Parameters<typeof keptWithNext>[2]): Pick<ParagraphOptions, 'keepNext' | 'keepLines'> {
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
  private noteOf(identifier: string, revision: BlockRevision | undefined): FootnoteContent[] | undefined {
    const versions = this.footnoteNodes.get(identifier);
    if (!versions) return undefined;
    const { both, deleted, inserted } = versions;
    const notes = notesOf(versions);
    if (revision === 'delete') return notes?.deleted ?? (deleted ?? both ?? inserted)?.children;
    if (revision === 'insert') return notes?.inserted ?? (inserted ?? both ?? deleted)?.children;
    return both?.children ?? notes?.merged ?? [...(deleted?.children ?? []), ...(inserted?.children ?? [])];
  }

  /** The top-level blocks, each run of blocks from one Markdown field inside a field anchor. */
  private topLevel(nodes: readonly RootContent[]): FileChild[] {
    return this.apart(this.fieldRuns(nodes));
  }

  /**
   * The body with an empty paragraph between two blocks that would read as one where they
   * touch: two tables (Word and LibreOffice join them when they open or save the file) and two
   * code blocks (a paragraph of the code style for each line). `review` passes over it: `isGap`.
   */
  private apart(children: readonly FileChild[]): FileChild[] {
    const codeOf = (child: FileChild | undefined) => (child instanceof Paragraph ? this.codeLines.get(child) : undefined);
    const revisionOf = (child: FileChild | undefined) => (child instanceof Table ? this.tableRevisions.get(child) : codeOf(child)?.data?.revision);
    return children.flatMap((child, index) => {
      const previous = children[index - 1];
      const tables = child instanceof Table && previous instanceof Table;
      const code = codeOf(child) !== undefined && codeOf(previous) !== undefined && codeOf(child) !== codeOf(previous);
      if (!tables && !code) return [child];
      // In a redline the gap goes with the blocks around it: tracked as inserted when either was
      // (rejecting every change then leaves the old text exactly), as deleted when either was (so
      // does accepting), and as both between a deleted block and an inserted one, which never stand
      // together outside the redline: the gap is then gone whether the changes are accepted or rejected.
      const around = [revisionOf(previous), revisionOf(child)];
      const inserted = around.includes('insert');
      const deleted = around.includes('delete');
      const run = inserted && deleted ? { ...this.rowRevision('insert'), ...this.rowRevision('delete') } : this.rowRevision(inserted ? 'insert' : deleted ? 'delete' : undefined);
      return [new Paragraph({ style: Style.body, ...(inserted || deleted ? { run } : {}) }), child];
    });
  }

  private fieldRuns(nodes: readonly RootContent[]): FileChild[] {
    const result: FileChild[] = [];
    let index = 0;
    while (index < nodes.length) {
      const field = nodes[index]?.data?.field;
      let end = index + 1;
      while (field && end < nodes.length && sameField(nodes[end]?.data?.field, field)) end += 1;
      const run = nodes.slice(index, end);
      result.push(...(field ? this.anchored(run, field) : this.blocks(run, 0)));
      index = end;
    }
    return result;
  }

  /**
   * The blocks of one field between a bookmark start (in their first paragraph) and a
   * bookmark end (after their last paragraph's text). Ids count from 1 in each document,
   * so the bytes stay the same from one build to the next.
   */
  private anchored(nodes: readonly RootContent[], field: FieldRef): FileChild[] {
    const id = this.anchors.length + 1;
    const name = anchorName(id);
    this.pendingAnchorStart = new BookmarkStart(name, id);
    const before = this.lastParagraph;
    this.setField(field);
    const children = this.blocks(nodes, 0);
    this.setField(undefined);
    const started = this.pendingAnchorStart === null;
    this.pendingAnchorStart = null;
    // The field's last paragraph, in a table's last cell when the field ends with a table.
    const last = this.lastParagraph === before ? null : this.lastParagraph;
    if (!started || !last) return children;
    last.addChildElement(new BookmarkEnd(id));
    this.anchors.push({ name, field });
    return children;
  }

  private blocks(nodes: readonly BlockNode[], level: number, style: string = Style.body): FileChild[] {
    return nodes.flatMap((node) => this.block(node, level, style));
  }

  private block(node: BlockNode, level: number, style: string): FileChild[] {
    switch (node.type) {
      case 'heading': {
        const heading = this.headingStyle(node.depth);
        // A redline's heading made another level is tracked as a change of style where that changes its style (`w:pPrChange`).
        const before = node.data?.depthBefore === undefined ? heading : this.headingStyle(node.data.depthBefore);
        if (style === Style.note) {
          // A heading style has no quote's rule: the heading stands as one of the report's, as a table in a quote does.
          this.warn('a heading inside a quote (`>`) is printed as a heading of the report, not marked as quoted. Write it as a paragraph in bold (**…**) to keep it in the quote', node);
        } else if (this.itemLevel !== undefined) {
          // Word takes a heading for one of the report's: its navigation pane and a table of contents list it, and what
          // follows, the rest of the list too, falls in its section (collapsing the heading hides it). Said, so that the
          // author can write a paragraph in bold instead; printed under the item meanwhile, where the Markdown has it.
          this.warn(
            'a heading in a list item is printed under the item, yet Word takes it for a heading of the report: its navigation pane and a table of contents list it, and the items after it fall in its section. Write it as a paragraph in bold (**…**), or put the heading before the list',
            node,
          );
        }
        return [
          this.paragraph(node, {
            style: heading,
            // A `###` heading or deeper is a level below the report's questions in the outline, where `##` stands beside them
            // (Heading2's level, whose looks all take); from the Markdown alone, as the DOCX of the .md is the same.
            ...(node.depth >= 3 ? { outlineLevel: 2 } : {}),
            ...(before === heading ? {} : { styleChange: { stamp: this.stamp(), style: before } }),
            // In a list item set in as the item's paragraphs are (under a nested one it stood at the margin).
            ...this.itemIndent(style),
            children: this.runs(node.children),
          }),
        ];
      }
      case 'paragraph': {
        // A line of the template with a tab is a signature (role, then the name flush right); a
        // tab in a position's or meeting's own text is only a tab.
        if (style === Style.body && !this.field && hasTab(node.children)) {
          return [
            this.paragraph(node, {
              style: Style.signature,
              tabStops: [{ type: TabStopType.RIGHT, position: this.geometry.textWidth }],
              children: this.runs(node.children),
            }),
          ];
        }
        return [this.paragraph(node, { style, ...this.keeping(node, style), ...this.quoteIndent(style), ...this.itemIndent(style), children: this.runs(node.children) })];
      }
      case 'list':
        return this.list(node, level, style);
      case 'blockquote': {
        // A quote in a footnote stays in the footnote's type.
        const outerItemLevel = this.quoteItemLevel;
        if (this.quoteDepth === 0) this.quoteItemLevel = this.itemLevel ?? 0;
        this.quoteDepth += 1;
        if (style !== Style.footnote) this.warnQuotePastDeepest(node);
        const quoted = this.blocks(node.children, level, style === Style.footnote ? Style.footnote : Style.note);
        this.quoteDepth -= 1;
        this.quoteItemLevel = outerItemLevel;
        return quoted;
      }
      case 'code': {
        // In a quote at the quote's rule, where its text starts; in a list item under the item's number.
        const indent = style === Style.note ? this.quoteIndent(style) : this.codeIndent(node);
        return node.value.split('\n').map((line) => {
          const paragraph = this.paragraph(node, { style: Style.code, ...indent, children: [this.literal(line, node.data?.revision)] });
          this.codeLines.set(paragraph, node);
          return paragraph;
        });
      }
      case 'thematicBreak':
        // In a list item from the item's lines to the margin (under a nested one it ran across the item).
        // In a quote a paragraph of the quote, its line between the quote's text edges, the quote's rule
        // on its left (it ran from margin to margin, across the rule, as though the quote had ended).
        // In a footnote a paragraph of the note: the body's size and spacing left a tall gap above its line.
        return [
          this.paragraph(node, {
            style,
            ...this.quoteIndent(style),
            ...this.itemIndent(style),
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 1 } },
          }),
        ];
      case 'table':
        // A note is written from its paragraphs (its number mark goes into the first): a table in one was left out without a word.
        if (style === Style.footnote) {
          this.warn('a table in a footnote is not printed: a note of the DOCX holds paragraphs only. Put the table in the text, or write its rows as a list in the note', node);
          return [];
        }
        if (style === Style.note) this.warn('a table inside a quote (`>`) is printed as a table of its own, not marked as quoted', node);
        return [this.table(node, style === Style.note)];
      case 'html':
        if (isListEnd(node)) return [];
        // Set as a paragraph is: in a quote in a quote at its edge, in a nested list item under the item
        // (it stood at the margin there, or at the outermost quote's edge, as though they had ended).
        return [this.paragraph(node, { style, ...this.quoteIndent(style), ...this.itemIndent(style), children: [this.literal(node.value, node.data?.revision)] })];
      case 'definition':
      case 'footnoteDefinition':
        return [];
      default:
        this.warn(`Markdown ${node.type} is not supported in the DOCX`, node);
        return [];
    }
  }

  /** A heading's style: a `#` heading of the template is the report's title; one in a position's or meeting's own text never is. */
  private headingStyle(depth: number): string {
    return depth === 1 && !this.field ? Style.title : Style.heading;
  }

  /** A list; inside a quote its items are quoted too (the note style), so a quoted list does not read as the ministry's own. */
  private list(node: List, level: number, style: string = Style.body): FileChild[] {
    const quoted = style === Style.note;
    // In a footnote a list keeps the footnote's small type: the body's would stand out of the note.
    const itemStyle = quoted ? Style.note : style === Style.footnote ? Style.footnote : undefined;
    const kind = this.listKind(node);
    const start = node.start ?? 1;
    // A list in a quote (or another block) inside an item is at the item's own level, not one further in as a nested list is:
    // it is numbered on its own, with a definition of its own, not as that level's next items.
    const inItem = this.itemLevel !== undefined && level === this.itemLevel;
    // Only a list of the report's own flow goes on from the one before it.
    const ownFlow = level === 0 && !inItem;
    const previous = ownFlow ? this.lastList.get(kind) : undefined;
    const state = previous && node.ordered && start === previous.next ? previous : this.newList(kind, node.ordered ? start : 1, inItem);
    // In a redline, a list after one whose items the versions number otherwise is numbered from its own start: going
    // on from it, rejecting (or accepting) every change would count it on from items that are gone.
    if (ownFlow) this.lastList.set(kind, numbersAlike(node) ? state : undefined);
    // A redline's list that starts at another number now: the items of the older version are numbered in a list of
    // their own from the older start, the kept ones moved to it by a tracked change of their list, so that
    // rejecting every change numbers them as before (one list would give them the newer numbers).
    const older = node.data?.startBefore === undefined ? undefined : this.newList(kind, node.data.startBefore, inItem, true);
    // Word has nine list levels: a list nested deeper is printed at the ninth (said once, at the outermost such list).
    if (level === DEEPEST_LIST_LEVEL + 1) this.warn(`a list nested more than ${DEEPEST_LIST_LEVEL + 1} levels deep is printed at the ${DEEPEST_LIST_LEVEL + 1}th level, as Word numbers no deeper`, node);
    const ilvl = Math.min(level, DEEPEST_LIST_LEVEL);
    const indent = quoted ? this.quotedListIndent(node, ilvl) : {};
    const result: FileChild[] = [];
    const outerItem = this.itemLevel;
    this.itemLevel = ilvl;
    // The report's numbered questions ("1. **Kādi …?**": an item of a `1.` list of the report's own flow, all in bold and no longer
    // than a question) are the second level of its outline, under the title: Word's navigation pane and the PDF's bookmarks and
    // tags lead to each, as to a heading. Read from the Markdown alone, as what keeps them together is (keep-together.ts).
    const questions = ownFlow && node.ordered && kind === 'period' && !quoted && itemStyle === undefined;
    for (const item of node.children) {
      const first = item.children[0];
      const outline = questions && first?.type === 'paragraph' && questionLike(first) ? { outlineLevel: 1 } : {};
      const numbered = () => ({ ...this.itemNumbering(item.data?.revision, itemStyle ?? this.listStyle(kind), ilvl, state, older), ...indent, ...outline });
      // The item's number stands before its first paragraph. An item with none first (empty, or starting with a
      // list or a code block) gets a numbered paragraph of no text, its number alone, as a browser shows it: without
      // it Word numbers the items after it one less than the Markdown. `review` reads it as the item's own unit
      // (see sourceUnits). In a redline the first block may differ between the versions (`1) a` made `1) - a`):
      // each version's first paragraph carries the number, and where a version's first block is no paragraph its
      // number stands alone just before that block, tracked as that version's alone (an empty item's with the item).
      const leads = { old: item.children.find((child) => wholeRevision(child) !== 'insert'), new: item.children.find((child) => wholeRevision(child) !== 'delete') };
      const numberAlone = (revision: BlockRevision | undefined) => result.push(this.paragraph({ type: 'paragraph', children: [], data: { revision } }, numbered()));
      if (!item.children.length) numberAlone(item.data?.revision);
      item.children.forEach((child) => {
        const lead = child === leads.old || child === leads.new;
        if (lead && child.type !== 'paragraph') numberAlone(item.data?.revision ?? (leads.old === leads.new ? undefined : child === leads.new ? 'insert' : 'delete'));
        if (lead && child.type === 'paragraph') {
          result.push(
            this.paragraph(child, {
              ...numbered(),
              ...this.keeping(child, itemStyle ?? Style.body, item.children.some((block) => block.type === 'list') ? 'item with list' : 'item'),
              children: [...(typeof item.checked === 'boolean' ? [this.literal(checkBox(item.checked), item.data?.revision)] : []), ...this.runs(child.children)],
            }),
          );
        } else {
          result.push(...this.block(child, child.type === 'list' ? level + 1 : level, itemStyle ?? Style.body));
        }
      });
      state.next += 1;
    }
    this.itemLevel = outerItem;
    return result;
  }

  /**
   * The style and numbering of an item's numbered paragraph: in its list, or in a redline's list that starts at
   * another number now (`older`, see `list`), a deleted item in the older version's list, a kept one in the newer
   * one with the older one tracked as its list before (`w:pPrChange`, a change of its own each time).
   */
  private itemNumbering(revision: BlockRevision | undefined, style: string, level: number, list: ListState, older: ListState | undefined): Pick<ParagraphOptions, 'style' | 'numbering' | 'styleChange'> {
    const numberingIn = ({ reference, instance }: ListState) => ({ reference, level, instance, custom: true });
    if (!older || revision === 'insert') return { style, numbering: numberingIn(list) };
    if (revision === 'delete') return { style, numbering: numberingIn(older) };
    return { style, numbering: numberingIn(list), styleChange: { stamp: this.stamp(), style, numbering: numberingIn(older) } };
  }

  /** A list that numbers its items from `start` on, with a numbering definition of its kind and start (made at its first use; `older`: a redline's list of the older version's numbers, whose definition is apart). */
  private newList(kind: ListKind, start: number, inItem: boolean, older = false): ListState {
    const reference = numberingReference(kind, start, inItem, older);
    if (!this.numbering.has(reference)) this.numbering.set(reference, numberingDefinition(kind, start, this.geometry, inItem, older));
    const instance = (this.instances.get(reference) ?? 0) + 1;
    this.instances.set(reference, instance);
    return { kind, reference, instance, next: start };
  }

  /**
   * A quoted list's items: at the quote's left edge, where its bar is (a line further in would
   * read as a quote in the quote), the number one first-line indent further in at each level, as
   * the list's levels set it from the margin. The list level's own indents put every level's
   * number one indent in from the quote's edge, the nested items no further in than the others.
   */
  private quotedListIndent(node: List, ilvl: number): Pick<ParagraphOptions, 'indent'> {
    const quotes = this.quoteEdge();
    // Its levels counted from the quote's: a list in a quote in an item starts at the item's level.
    const inQuote = ilvl - this.quoteItemLevel;
    // Said once, at the list that goes past it; a quote nested past it has said so already.
    if (this.quoteDepth + this.quoteItemLevel <= this.deepest && quotes + inQuote === this.deepest + 1) {
      this.warn(`a list nested this deep in a quote (\`>\`) is printed no further in than a quote nested ${this.deepest} deep, so that its text keeps a third of the width between the margins`, node);
    }
    const levels = Math.min(quotes + inQuote, this.deepest) - quotes;
    const { firstLineIndent } = this.geometry;
    return { indent: { left: quotes * firstLineIndent, firstLine: (levels + 1) * firstLineIndent } };
  }

  /**
   * A paragraph of a quote inside a quote: one first-line indent further in for each quote it is
   * in beyond the first, whose indent the note style gives (the nested quote read as the outer one).
   * A quote in a list item stands under the item's number, as the note style sets one in a
   * top-level item: in a nested item one indent further in at each level (it stood at one indent,
   * left of the item's own lines).
   */
  private quoteIndent(style: string): Pick<ParagraphOptions, 'indent'> {
    const edge = this.quoteEdge();
    if (style !== Style.note || edge < 2) return {};
    return { indent: { left: edge * this.geometry.firstLineIndent } };
  }

  /**
   * How many first-line indents in the quote being compiled stands, where its rule is: one for each
   * quote and one for each level of the item the outermost quote is in, no further in than the deepest.
   */
  private quoteEdge(): number {
    return Math.min(this.quoteDepth + this.quoteItemLevel, this.deepest);
  }

  /**
   * Said once, at the quote that first goes past the deepest indent: nested in other quotes, or in
   * a list item nested so deep that the quote could not stand under the item's number.
   */
  private warnQuotePastDeepest(node: Nodes): void {
    const past = (depth: number) => depth + this.quoteItemLevel > this.deepest;
    if (!past(this.quoteDepth) || (this.quoteDepth > 1 && past(this.quoteDepth - 1))) return;
    if (this.quoteItemLevel === 0) {
      this.warn(`a quote nested more than ${this.deepest} deep is printed as far in as the ${ordinal(this.deepest)}, so that its text keeps a third of the width between the margins`, node);
    } else {
      this.warn(
        `a quote in a list item nested this deep is printed as far in as the ${ordinal(this.deepest)} indent, short of the item’s number, so that its text keeps a third of the width between the margins. Put the quote after the list, or nest the list less deep`,
        node,
      );
    }
  }

  /**
   * A paragraph of a list item after its first (a blank line, then indented under the item in the
   * Markdown): its lines as far in as the item's own wrapped lines, its first line as far again as its
   * style sets it (the body's, where the item's number sits). It stood at the margin under a nested
   * item, as though the item had ended. A quoted list's items, and so their paragraphs, keep the
   * quote's edge (`quotedListIndent`, `quoteIndent`).
   */
  private itemIndent(style: string): Pick<ParagraphOptions, 'indent'> {
    if (style === Style.note || !this.itemLevel) return {};
    return { indent: { left: this.itemLevel * this.geometry.firstLineIndent } };
  }

  /**
   * A code block's lines in a list item: under the item's number, where the code style's own indent
   * sets them under a top-level item (under a nested one they stood left of the item's lines), and
   * no further in than the deepest indent, as a table there (they went on past it, unsaid).
   */
  private codeIndent(node: Nodes): Pick<ParagraphOptions, 'indent'> {
    if (!this.itemLevel) return {};
    return { indent: { left: this.underItemNumber(node, false, 'code block') * this.geometry.firstLineIndent } };
  }

  /**
   * How many first-line indents in a block of a list item starts: under the item's number, one
   * level's indent further in than the item's wrapped lines (and the quote's when the list is
   * quoted), 0 outside a list. No further in than the deepest indent, so that the block keeps a
   * third of the width: in an item nested deeper it stands short of the number, which is said at
   * each such block, as at a quote held back so.
   */
  private underItemNumber(node: Nodes, quoted: boolean, block: string): number {
    const underNumber = this.itemLevel === undefined ? 0 : (quoted ? Math.min(this.quoteDepth, this.deepest) : 0) + this.itemLevel + 1;
    const steps = Math.min(underNumber, this.deepest);
    if (underNumber > steps) {
      this.warn(
        `a ${block} in a list item nested this deep starts at the ${ordinal(steps)} indent, short of the item’s number, so that it keeps a third of the width between the margins. Put the ${block} after the list, or nest the list less deep`,
        node,
      );
    }
    return steps;
  }

  /** Normal, unless the styles define the optional question or sub-item style. */
  private listStyle(kind: ListKind): string {
    const wanted = kind === 'period' ? OptionalStyle.question : OptionalStyle.subItem;
    if (this.styles.kind === 'starter') return wanted;
    if (this.styles.kind === 'reference' && this.styles.reference.styleIds.includes(wanted)) return wanted;
    return Style.body;
  }

  private listKind(node: List): ListKind {
    return node.data?.listKind ?? listKindInSource(node, this.source);
  }

  /**
   * A table; in a list item, its left edge under the item's number (`underItemNumber`), and its
   * right edge at the margin still.
   */
  private table(node: Extract<BlockNode, { type: 'table' }>, quoted: boolean): Table {
    const indent = this.underItemNumber(node, quoted, 'table') * this.geometry.firstLineIndent;
    const width = this.geometry.textWidth - indent;
    // As GFM reads a table: the header row sets the columns; a row's cells beyond them are left out.
    const columns = Math.max(1, node.children[0]?.children.length ?? 0);
    // Each cell's paragraph first, row by row (tracked changes are numbered in that order), then the columns sized to what they print.
    // In a redline a row may be tracked alone (added or removed in a table found in both versions), or with its whole table.
    const lastRow = node.children.length - 1;
    const rows = node.children.map((row, rowIndex) => ({
      revision: this.rowRevision(row.data?.revision ?? node.data?.revision),
      cells: Array.from({ length: columns }, (_, cellIndex) => {
        const cell = row.children[cellIndex];
        return this.paragraph(row.data?.revision ? row : node, {
          style: Style.tableText,
          ...cellAlignment(node.align?.[cellIndex]),
          // Word and LibreOffice keep a row whose paragraphs are kept with the next on the page of the paragraph after the table.
          ...(rowIndex === lastRow && this.beforeSignature.has(node) ? { keepNext: true } : {}),
          children: cell ? this.runs(cell.children, rowIndex === 0) : [],
        });
      }),
    }));
    const { widths, cramped, broken } = columnWidths(
      rows.map(({ cells }) => cells),
      columns,
      width,
      { font: this.meta.reference?.tableText.font ?? this.meta.layout.font, halfPoints: this.meta.reference?.tableText.halfPoints ?? this.geometry.fontSize },
    );
    if (cramped.length > 0) {
      const which = cramped.length === columns ? 'its columns are' : `${cramped.length} of its columns are`;
      this.warn(`a table of ${columns} columns is too wide for the page: ${which} too narrow to hold a letter of their text, which is then printed past the cell or not at all. Split it into tables of fewer columns`, node);
    } else if (broken.length > 0) {
      this.warn(brokenWordsReason(columns, broken), node);
    }
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    const table = new Table({
      width: { size: width, type: WidthType.DXA },
      ...(indent > 0 ? { indent: { size: indent, type: WidthType.DXA } } : {}),
      columnWidths: widths,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: rows.map(
        ({ revision, cells }, rowIndex) =>
          new TableRow({
            // Whole on one page: a row broken across a page read as two rows, the header repeated between its halves.
            cantSplit: true,
            tableHeader: rowIndex === 0,
            ...revision,
            children: cells.map((paragraph, cellIndex) => new TableCell({ width: { size: widths[cellIndex] ?? 0, type: WidthType.DXA }, children: [paragraph] })),
          }),
      ),
    });
    const revision = node.data?.revision;
    if (revision) this.tableRevisions.set(table, revision);
    return table;
  }

  private runs(nodes: readonly PhrasingContent[], bold = false): ParagraphChild[] {
    const language = this.fieldLanguage;
    return inlineRuns(nodes, this.inline, { ...(bold ? { bold: true } : {}), ...(language ? { language } : {}) });
  }

  /** Sets the field being compiled (undefined after it), and the language its runs are marked with. */
  private setField(field: FieldRef | undefined): void {
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
  private paragraph(node: Nodes, options: ParagraphOptions): Paragraph {
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
  private literal(text: string, revision: BlockRevision | undefined): ParagraphChild {
    return run({ text }, revision, this.inline);
  }

  private rowRevision(revision: BlockRevision | undefined) {
    if (revision === 'insert') return { insertion: this.stamp() };
    if (revision === 'delete') return { deletion: this.stamp() };
    return {};
  }

  private stamp(): RevisionStamp {
    const revisions = this.meta.revisions;
    if (!revisions) throw new Error('DocxCompiler: a tracked change in a document without revision details');
    return { id: this.nextRevisionId++, author: revisions.author, date: revisions.date };
  }

  private header(withPageNumber: boolean): Paragraph {
    const children: RunChild[] = [];
    if (withPageNumber) children.push(new Tab(), PageNumber.CURRENT);
    if (this.meta.draftMark) children.push(new Tab(), ...(withPageNumber ? [] : [new Tab()]), this.meta.draftMark);
    const ours = [
      { type: TabStopType.CENTER, position: Math.round(this.geometry.textWidth / 2) },
      { type: TabStopType.RIGHT, position: this.geometry.textWidth },
    ];
    // The reference's Header style may set stops of its own (another page's centre): cleared, so the draft mark goes to the right edge.
    const cleared = (this.meta.reference?.headerTabs ?? []).filter((position) => !ours.some((tab) => tab.position === position)).map((position) => ({ type: TabStopType.CLEAR, position }));
    return new Paragraph({
      style: Style.header,
      tabStops: [...ours, ...cleared].sort((a, b) => a.position - b.position),
      children: children.length ? [new TextRun({ children })] : [],
    });
  }

  private footer(): Paragraph {
    const text = this.meta.layout.footer_file_code ? this.meta.footerText : null;
    return new Paragraph({ style: Style.footer, children: text ? [new TextRun(text)] : [] });
  }

  /**
   * A note's paragraphs, written as the field its definition came from (the notes are written after the
   * body): what is said of them is said at that field's file and line, not at the meeting.
   */
  private noteParagraphs(note: FootnoteContent[], field: FieldRef | undefined): Paragraph[] {
    this.setField(field);
    this.inNote = true;
    const blocks = this.blocks(note, 0, Style.footnote);
    this.inNote = false;
    this.setField(undefined);
    // A note's last paragraph mark stays as the body's does, whatever is accepted or rejected.
    const children = this.meta.revisions ? settleLastMark(blocks, () => this.stamp()) : blocks;
    return children.filter((child): child is Paragraph => child instanceof Paragraph);
  }

  /** The field a label's footnote is defined in (each version's the same field's). */
  private noteField(identifier: string): FieldRef | undefined {
    const versions = this.footnoteNodes.get(identifier);
    return (versions?.both ?? versions?.inserted ?? versions?.deleted)?.data?.field;
  }

  private warn(reason: string, node: Nodes): void {
    const message = this.file.message(reason, { place: node.position, ruleId: 'unsupported', source: 'docx' });
    message.fatal = false;
    // Said at the file the text came from (a position), where a GitHub annotation then lands.
    if (this.field) Object.assign(message, { field: { file: this.field.file, field: this.field.field } });
  }
}

/** The page's size as the writer takes it: a page wider than high (a reference DOCX's) is a landscape one. */
function pageSize({ width, height }: PageGeometry): PageOptions['size'] {
  return width > height ? { width: height, height: width, orientation: 'landscape' } : { width, height };
}

/**
 * What is said of a table whose columns cannot all hold their longest word: those words break inside,
 * a letter or two on a line of their own ("Programm" / "a"), which a reader takes for a typing error.
 */
function brokenWordsReason(columns: number, broken: readonly { column: number; word: string }[]): string {
  const shown = broken.slice(0, 3).map(({ column, word }) => `“${word.length > 40 ? `${word.slice(0, 40)}…` : word}” (column ${column + 1})`);
  const more = broken.length > 3 ? ` and ${broken.length - 3} more` : '';
  const address = broken.some(({ word }) => /^\(?(?:https?:\/\/|www\.)/.test(word));
  return (
    `a table of ${columns} columns is too wide for its words: ${shown.join(', ')}${more} ${broken.length > 1 ? 'are' : 'is'} wider than ${broken.length > 1 ? 'their columns' : 'its column'} and break${broken.length > 1 ? '' : 's'} inside, across two lines. ` +
    `Split it into tables of fewer columns, or shorten those words (a heading may be abbreviated and explained below the table)${address ? '; write a web address as a link with a short text, [vietne](https://…)' : ''}`
  );
}

/** A changed footnote's notes for each kind of reference, as the redline gave them (`data.notes`). */
function notesOf({ both, deleted, inserted }: FootnoteVersions) {
  return both?.data?.notes ?? deleted?.data?.notes ?? inserted?.data?.notes;
}

/** A column's alignment from the table's delimiter row (`:--`, `:-:`, `--:`); left is the style's own. */
function cellAlignment(align: AlignType | undefined): Pick<ParagraphOptions, 'alignment'> {
  if (align === 'center') return { alignment: AlignmentType.CENTER };
  if (align === 'right') return { alignment: AlignmentType.RIGHT };
  return {};
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function titleOf(tree: Root): string {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  if (!heading || heading.type !== 'heading') return '';
  return heading.children
    .map((child) => (child.type === 'break' ? ' ' : toString(child)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function hasTab(children: readonly PhrasingContent[]): boolean {
  return children.some(
    (child) =>
      (child.type === 'text' && child.value.includes('\t')) ||
      ((child.type === 'insertion' || child.type === 'deletion') && hasTab(child.children)),
  );
}

/** A block's revision in a redline: its own, or for a list whose every item was inserted (or deleted) that one. */
function wholeRevision(node: Nodes): BlockRevision | undefined {
  if (node.data?.revision || node.type !== 'list' || !node.children.length) return node.data?.revision;
  const first = node.children[0]?.data?.revision;
  return first && node.children.every((item) => item.data?.revision === first) ? first : undefined;
}

/** Whether a list numbers its items alike in both versions of a redline: none of them, nor the list, inserted or deleted, nor the list renumbered. */
function numbersAlike(list: List): boolean {
  if (list.data?.revision || list.data?.startBefore !== undefined) return false;
  return list.children.every((item) => !item.data?.revision && !(item.children[0] ?? item).data?.revision && !item.children.some((child) => child.type === 'paragraph' && child.data?.paragraphMark));
}
