import {
  BookmarkEnd,
  BookmarkStart,
  BorderStyle,
  Paragraph,
  Table,
  TabStopType,
  TextRun,
  type FileChild,
} from './ooxml/body.js';
import type { DocumentOptions, PageOptions } from './ooxml/document.js';
import type { List, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { FieldRef } from '../model/field.js';
import { anchorName, anchorProperties, sameField, type FieldAnchor } from './anchors.js';
import type { PageGeometry } from './layout.js';
import type { BlockRevision } from './nodes.js';
import { DEEPEST_LIST_LEVEL } from './numbering.js';
import { checkBox } from './task-box.js';
import { lastParagraphOrTable, questionLike } from './keep-together.js';
import { settleLastMark } from './last-mark.js';
import { isListEnd } from '../util/markdown.js';
import { documentStyles, Style } from './styles.js';
import type { DocxMeta } from './docx-meta.js';
import type { BlockNode, FootnoteContent } from './compiler-state.js';
import { NestingCompiler } from './compiler-nesting.js';

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

/** The compiler of one document: its blocks in order, lists and footnotes, on the state (compiler-state.ts) and nesting (compiler-nesting.ts) it extends. */
class DocxCompiler extends NestingCompiler {
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
}

/** The page's size as the writer takes it: a page wider than high (a reference DOCX's) is a landscape one. */
function pageSize({ width, height }: PageGeometry): PageOptions['size'] {
  return width > height ? { width: height, height: width, orientation: 'landscape' } : { width, height };
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
