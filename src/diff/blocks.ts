import type { Heading, List, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { hasChanges, markInline, withChildren } from './inline.js';
import { inlineMarkdown } from './inline-markdown.js';
import { mergedRows, mergeTableRows, sameColumns, tableRows, type BlockStatus, type DiffRow } from './table.js';
import { wordsOf, type Mark } from './tokens.js';
import { isListEnd } from '../util/markdown.js';
import { checkBox } from '../docx/task-box.js';
import { isSpaceChange } from './split.js';

/** The mark of an item of a bulleted list, as the report prints it. */
export const BULLET = '–';

/** A thematic break (`***`, `---`) as the diff shows it: a line of dashes, the words it does not have. */
export const RULE = '———';

/** What a block of the document is, as a reader sees it. */
export type BlockKind = 'title' | 'heading' | 'paragraph' | 'item' | 'note' | 'code' | 'table' | 'rule' | 'footnote' | 'html';

/** A piece of a block's text: unchanged, inserted or deleted. */
export interface Segment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /**
   * The Markdown of a removal and of the addition after it when their text alone does not
   * show the change: the same words with other formatting, or a link to another address.
   */
  markdown?: string;
}

/**
 * A block that holds others, as Markdown writes it around them: a quote, a footnote, or a list
 * item after its first paragraph, its nested lists too (`indent`: how far its text starts after
 * the item's own indent, the width of its marker and a space; `marker`: the item's number or bullet,
 * when the item starts with another block than a paragraph, which then carries it). One object per
 * holder, shared by the blocks in it.
 */
export type Container = { kind: 'quote' } | { kind: 'footnote'; label: string; identifier: string } | { kind: 'item'; indent: number; marker?: string };

/** One paragraph-like block of the redline, flattened for reports and tools. */
export interface DiffBlock {
  status: BlockStatus;
  /** Set when a whole paragraph moved: `from` where it was, `to` where it is now. */
  moved?: 'from' | 'to';
  kind: BlockKind;
  /** The number or bullet of a list item as printed: "1.", "2)", "–". */
  marker?: string;
  /**
   * An item's number in the older version, when the item is in both and prints another number
   * because the list starts at another one (`1)` → `3)`). Not set for an item renumbered only by one
   * added or removed before it in a list that starts where it did: that item's change shows already.
   */
  markerBefore?: string;
  /** A heading's level, 1 for `#`, 2 for `##` …: in the newer version, for a deleted heading in the older. */
  level?: Heading['depth'];
  /** A heading's level in the older version, when it was another (`##` made `###`). */
  levelBefore?: Heading['depth'];
  /** Nesting: 0 for top-level blocks, 1 for items of a nested list, … */
  depth: number;
  /** The label of the footnote the block is in: its paragraphs, and its lists, quotes, tables … */
  label?: string;
  /** The block continues a footnote after its first block (in Markdown it is indented under it). */
  continued?: true;
  /** The quotes, footnotes and list items the block is in, outermost first. */
  within?: Container[];
  /** The first item of a list: the Markdown keeps it from joining a list just before it. */
  listStart?: true;
  /** An item of a tight list (no blank line between its items): the Markdown writes it so. */
  tight?: true;
  /**
   * The paragraph's end, when it alone changed: `inserted` where the newer version splits the
   * paragraph here (the older one went on with the next block), `deleted` where it joins the next
   * block to this one. The space between the two parts is in the content, deleted or inserted at its end.
   */
  paragraphMark?: 'inserted' | 'deleted';
  /** The merged inline content, with `insertion` and `deletion` nodes. */
  content: PhrasingContent[];
  /** A table's rows, each with its status and its cells' merged content. */
  rows?: DiffRow[];
  /** A code block's info string, after its opening fence: its language, and what follows it (` ```yaml title=x `). */
  info?: string;
  /** A table's column alignment, as its delimiter row gives it (in the newer version). */
  align?: Table['align'];
}

/**
 * Flattens a redline tree into its blocks in reading order (footnotes where they are defined).
 * A deleted table right before an inserted one with the same columns is shown as one table
 * changed row by row (`whitespace`: whether its cells count whitespace changes).
 */
export function flattenBlocks(root: Root, whitespace = false): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  const visit = (nodes: readonly RootContent[], depth: number, kind: 'paragraph' | 'note', within: readonly Container[]): void => {
    const add = (found: DiffBlock) => blocks.push(within.length ? { ...found, within: [...within] } : found);
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index];
      if (!node) continue;
      switch (node.type) {
        case 'heading': {
          // A heading made another level has changed, its words the same or not.
          const before = node.data?.depthBefore;
          const found = block(node, node.depth === 1 ? 'title' : 'heading', depth, node.children);
          add({ ...found, level: node.depth, ...(before === undefined ? {} : { status: 'changed', levelBefore: before }) });
          break;
        }
        case 'paragraph':
          add(block(node, kind, depth, node.children));
          break;
        case 'blockquote':
          visit(node.children, depth, 'note', [...within, { kind: 'quote' }]);
          break;
        case 'list': {
          const numbers = itemNumbers(node);
          // Tight as CommonMark has it: no blank line between the items, nor between the blocks of one.
          const tight = node.spread === false && node.children.every((item) => item.spread !== true);
          node.children.forEach((item, index) => {
            const number = numbers[index] ?? { now: (node.start ?? 1) + index };
            const itemMarker = marker(node, number.now);
            const renumbered = number.before === undefined ? {} : { status: 'changed' as const, markerBefore: marker(node, number.before) };
            // The item's other blocks, a nested list too, start where its text does: after its marker.
            const inItem: Container = { kind: 'item', indent: itemMarker.length + 1, ...(item.children[0]?.type === 'paragraph' ? {} : { marker: itemMarker }) };
            const itemBlock = (found: DiffBlock): DiffBlock => ({
              ...found,
              marker: itemMarker,
              // A number is no word: an item whose words are the same is changed all the same when it prints another number.
              ...(found.status === 'equal' || found.status === 'changed' ? renumbered : {}),
              ...(index ? {} : { listStart: true }),
              ...(tight ? { tight: true } : {}),
            });
            // An empty item (`2)` alone on its line) is an item of no words: added or removed, it is a change all the same.
            if (!item.children.length) add(itemBlock(block(item, 'item', depth, [])));
            item.children.forEach((child, position) => {
              if (position === 0 && child.type === 'paragraph') add(itemBlock(block(child, 'item', depth, child.children)));
              else visit([child], child.type === 'list' ? depth + 1 : depth, kind, [...within, inItem]);
            });
          });
          break;
        }
        case 'footnoteDefinition': {
          // A definition that moved is one note, printed at its reference wherever it is defined: it is
          // shown once, where it stands now, its old words merged with its new (`data.notes`, from the merge).
          const moved = node.data?.notes;
          if (moved && node.data?.revision === 'delete') break;
          const children = moved && node.data?.revision === 'insert' ? moved.merged : node.children;
          const first = blocks.length;
          const note: Container[] = [...within, { kind: 'footnote', label: node.label ?? node.identifier, identifier: node.identifier }];
          children.forEach((child) => {
            if (child.type === 'paragraph') blocks.push({ ...block(child, 'footnote', depth, child.children), within: note });
            else visit([child], depth, kind, note);
          });
          // Every block of the note names it; those after its first continue it.
          blocks.slice(first).forEach((inNote, index) => {
            inNote.label = node.label ?? node.identifier;
            if (index) inNote.continued = true;
          });
          break;
        }
        case 'code': {
          const info = [node.lang, node.meta].filter((part) => part).join(' ');
          add({ ...block(node, 'code', depth, wholeText(node, node.value)), ...(info ? { info } : {}) });
          break;
        }
        case 'html':
          // An empty comment only keeps two lists apart: it prints nothing, so it is no change either.
          if (!isListEnd(node)) add(block(node, 'html', depth, wholeText(node, node.value)));
          break;
        case 'thematicBreak':
          add(block(node, 'rule', depth, []));
          break;
        case 'table': {
          const next = nodes[index + 1];
          if (node.data?.revision === 'delete' && next?.type === 'table' && next.data?.revision === 'insert' && sameColumns(node, next)) {
            const rows = mergeTableRows(node, next, whitespace);
            const status = rows.every((row) => row.status === 'equal') ? 'equal' : 'changed';
            add({ status, kind: 'table', depth, content: tableContent(rows), rows, align: next.align ?? null });
            index++;
          } else {
            // A table in both versions was merged row by row; one in a single version is its rows, deleted or inserted.
            const revision = revisionStatus(node);
            const rows = revision ? tableRows(node, revision) : mergedRows(node);
            const status = revision ?? (rows.every((row) => row.status === 'equal') ? 'equal' : 'changed');
            add({ ...block(node, 'table', depth, tableContent(rows)), status, rows, align: node.align ?? null });
          }
          break;
        }
        default:
          break;
      }
    }
  };
  visit(root.children, 0, 'paragraph', []);
  return blocks;
}

/**
 * The text of a block's content as plain segments: consecutive pieces with the same op joined.
 * A removal followed by an addition whose text does not show what changed (the same words
 * with other formatting, a link to another address) carries the Markdown of both. `lineBreak`:
 * the text of a hard line break, a newline unless the reader must tell it from a wrapped line.
 * `wrap`, when given: the text of a line wrapped in the source (kept as written otherwise), so
 * that a reader of the text alone can tell it from a hard line break.
 */
export function segmentsOf(content: readonly PhrasingContent[], lineBreak = '\n', wrap?: string): Segment[] {
  const segments = pieceSegments(content, lineBreak, wrap);
  // Whether each removal is followed by an addition that hides what changed.
  const hiding = segments.map(({ op, pieces }, index) => {
    const after = segments[index + 1];
    return op === 'delete' && after?.op === 'insert' && hidesChange(pieces, after.pieces);
  });
  return segments.map(({ op, text, pieces }, index): Segment => (hiding[index] || hiding[index - 1] ? { op, text, markdown: inlineMarkdown(rebuild(pieces, 0), false) } : { op, text }));
}

/** A block's content as segments of plain text, each with the pieces (leaves and their formatting) it was made of. */
function pieceSegments(content: readonly PhrasingContent[], lineBreak = '\n', wrap?: string): { op: Segment['op']; text: string; pieces: Piece[] }[] {
  const segments: { op: Segment['op']; text: string; pieces: Piece[] }[] = [];
  const add = (op: Segment['op'], text: string, piece: Piece) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.op === op) {
      last.text += text;
      last.pieces.push(piece);
    } else segments.push({ op, text, pieces: [piece] });
  };
  const walk = (nodes: readonly PhrasingContent[], op: Segment['op'], marks: readonly Mark[]): void => {
    for (const node of nodes) {
      if (node.type === 'insertion') walk(node.children, 'insert', marks);
      else if (node.type === 'deletion') walk(node.children, 'delete', marks);
      else if (node.type === 'text' || node.type === 'inlineCode') add(op, wrap === undefined ? node.value : node.value.replace(/\r?\n/g, wrap), { node, marks });
      else if (node.type === 'html') add(op, node.value, { node, marks });
      else if (node.type === 'break') add(op, lineBreak, { node, marks });
      else if (node.type === 'taskBox') add(op, checkBox(node.checked), { node, marks });
      else if (node.type === 'footnoteReference') add(op, `[^${node.label ?? node.identifier}]`, { node, marks });
      else if (node.type === 'image' || node.type === 'imageReference') add(op, `[${node.alt ?? ''}]`, { node, marks });
      else if ('children' in node) walk(node.children, op, [...marks, node]);
    }
  };
  walk(content, 'equal', []);
  return segments;
}

/** A leaf of inline content with the formatting around it. */
interface Piece {
  node: PhrasingContent;
  marks: readonly Mark[];
}

/**
 * Whether the text of a removal and the addition after it hides what changed: equal words, or links
 * to other places. A change of whitespace alone hides nothing: its spaces and line breaks are shown
 * as marks (`·`, `↵`), where its Markdown would be a bare space for either.
 */
function hidesChange(removed: readonly Piece[], added: readonly Piece[]): boolean {
  const text = (pieces: readonly Piece[]) => piecesText(pieces).replace(/\s+/g, ' ').trim();
  const links = (pieces: readonly Piece[]) =>
    JSON.stringify(pieces.flatMap(({ marks }) => marks.flatMap((mark) => (mark.type === 'link' ? [[mark.url, mark.title ?? '']] : mark.type === 'linkReference' ? [[mark.identifier]] : []))));
  const spaceOnly = [removed, added].every((pieces) => /^\s+$/.test(piecesText(pieces)));
  return (text(removed) === text(added) && !spaceOnly) || links(removed) !== links(added);
}

/** The pieces' text as a reader sees it: a hard line break shows, where a space would not. */
function piecesText(pieces: readonly Piece[]): string {
  return pieces.map(({ node }) => ('value' in node ? node.value : node.type === 'taskBox' ? checkBox(node.checked) : node.type === 'break' ? '↵' : toString(node))).join('');
}

/** The pieces as inline content again, formatting shared by neighbours wrapped once around them, whitespace at its edges outside. */
function rebuild(pieces: readonly Piece[], depth: number): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  for (let start = 0; start < pieces.length; ) {
    const mark = pieces[start]?.marks[depth];
    let end = start + 1;
    while (end < pieces.length && pieces[end]?.marks[depth] === mark) end++;
    const group = pieces.slice(start, end);
    if (mark) nodes.push(...wrapTrimmed(mark, rebuild(group, depth + 1)));
    else nodes.push(...group.map(({ node }) => node));
    start = end;
  }
  return nodes;
}

/** `mark` around `children`, whitespace at their edges left outside it (`** a**` is no bold). */
function wrapTrimmed(mark: Mark, children: readonly PhrasingContent[]): PhrasingContent[] {
  const inner = children.map((child) => (child.type === 'text' ? { ...child } : child));
  const first = inner[0];
  const lead = first?.type === 'text' ? (/^\s*/.exec(first.value)?.[0] ?? '') : '';
  if (first?.type === 'text') first.value = first.value.slice(lead.length);
  const last = inner.at(-1);
  const tail = last?.type === 'text' ? (/\s*$/.exec(last.value)?.[0] ?? '') : '';
  if (last?.type === 'text') last.value = last.value.slice(0, last.value.length - tail.length);
  const space = (value: string): PhrasingContent[] => (value ? [{ type: 'text', value }] : []);
  return [...space(lead), withChildren(mark, inner), ...space(tail)];
}

/** Words added and removed in a set of blocks. */
export function countWords(blocks: readonly DiffBlock[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const b of blocks) {
    for (const segment of pieceSegments(b.content)) {
      if (segment.op === 'insert') inserted += wordsOf(segment.text).length;
      if (segment.op === 'delete') deleted += wordsOf(segment.text).length;
    }
  }
  return { inserted, deleted };
}

function block(node: Nodes, kind: BlockKind, depth: number, content: PhrasingContent[]): DiffBlock {
  const mark = node.data?.paragraphMark;
  const status: BlockStatus = revisionStatus(node) ?? (mark || hasChanges(content) ? 'changed' : 'equal');
  const result: DiffBlock = { status, kind, depth, content };
  if (node.data?.moved) result.moved = node.data.moved;
  if (mark) result.paragraphMark = mark === 'insert' ? 'inserted' : 'deleted';
  return result;
}

/**
 * A block whose paragraph mark changed, its content without the space that goes with the mark
 * (deleted where a paragraph was split, inserted where two were joined): shown as part of the break,
 * `space` its text. Other blocks as they are.
 */
export function withoutMarkSpace(block: DiffBlock): { content: PhrasingContent[]; space?: string } {
  const last = block.content.at(-1);
  const goes = block.paragraphMark === 'inserted' ? 'deletion' : 'insertion';
  if (!block.paragraphMark || !last || last.type !== goes || !isSpaceChange(last)) return { content: block.content };
  return { content: block.content.slice(0, -1), space: toString(last) };
}

/** The text of a block that is compared whole (code, HTML), inside an insertion or deletion when it is one, as a paragraph's words are. */
function wholeText(node: Nodes, value: string): PhrasingContent[] {
  const revision = revisionStatus(node);
  const text: PhrasingContent[] = [{ type: 'text', value }];
  return revision ? markInline(text, revision === 'inserted' ? 'insert' : 'delete') : text;
}

/** A block the redline added or removed whole; undefined for one that is in both versions. */
function revisionStatus(node: Nodes): 'inserted' | 'deleted' | undefined {
  const revision = node.data?.revision;
  return revision === 'insert' ? 'inserted' : revision === 'delete' ? 'deleted' : undefined;
}

/**
 * A table's text as one block: cells joined by " | ", rows by line breaks. The separators of a row
 * found in one version only, and the line break that starts it in that version, are inserted or
 * deleted with it, so the segments give each version's text.
 */
function tableContent(rows: readonly DiffRow[]): PhrasingContent[] {
  const content: PhrasingContent[] = [];
  const started = { old: false, new: false };
  for (const row of rows) {
    const inOld = row.status !== 'inserted';
    const inNew = row.status !== 'deleted';
    const breakInOld = inOld && started.old;
    const breakInNew = inNew && started.new;
    if (breakInOld || breakInNew) content.push(...markedIn([{ type: 'break' }], breakInOld, breakInNew));
    row.cells.forEach((cell, cellIndex) => {
      if (cellIndex) content.push(...markedIn([{ type: 'text', value: ' | ' }], inOld, inNew));
      content.push(...cell);
    });
    started.old ||= inOld;
    started.new ||= inNew;
  }
  return content;
}

/** Content found in the older version, the newer one or both: deleted, inserted or as it is. */
function markedIn(nodes: PhrasingContent[], inOld: boolean, inNew: boolean): PhrasingContent[] {
  if (inOld && inNew) return nodes;
  return markInline(nodes, inNew ? 'insert' : 'delete');
}

/**
 * Each item's number in its version of the list: a deleted item counts among the old items, from
 * the older version's first number (`data.startBefore` where the versions start the list at
 * different numbers), every other item among the new ones, so the numbers are those each version
 * prints. An item in both versions that prints another number because the list starts at another
 * one has its older number too (`before`); in a list that starts where it did, one renumbered by an
 * item added or removed before it has not: that item's change shows already.
 */
function itemNumbers(list: List): { now: number; before?: number }[] {
  const shift = list.data?.startBefore === undefined ? 0 : (list.start ?? 1) - list.data.startBefore;
  let now = list.start ?? 1;
  let old = list.data?.startBefore ?? now;
  return list.children.map((item, index) => {
    // An empty item has no paragraph: the item itself carries its mark.
    const revision = (item.children[0] ?? item).data?.revision;
    // An item split from the one before it is in the newer version only; one joined to it, in the older.
    const previous = list.children[index - 1];
    const mark = previous?.children.length === 1 ? previous.children[0]?.data?.paragraphMark : undefined;
    if (revision === 'delete' || mark === 'delete') return { now: old++ };
    if (revision === 'insert' || mark === 'insert') return { now: now++ };
    const number = { before: old++, now: now++ };
    return shift && list.ordered && number.before !== number.now ? number : { now: number.now };
  });
}

function marker(list: List, number: number): string {
  const kind = list.data?.listKind ?? (list.ordered ? 'period' : 'bullet');
  if (kind === 'bullet') return BULLET;
  return `${number}${kind === 'paren' ? ')' : '.'}`;
}
