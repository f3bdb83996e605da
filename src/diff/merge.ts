import { alignKeys } from './align.js';
import type { FootnoteDefinition, ListItem, Nodes, Paragraph, Root, RootContent, Table, TableCell } from 'mdast';
import type { BlockRevision } from '../docx/index.js';
import { listKindInSource } from '../docx/list-kind.js';
import { walk } from '../util/markdown.js';
import { mergeInline } from './inline.js';
import { resolveReferences } from './references.js';
import { mergeJoin, mergeSplit } from './split.js';
import { mergeCells, sameColumns } from './table.js';
import { blockWords, nodeKey } from './tokens.js';
import { REWORDED, wordCounts, commonCounted, atLeast } from './similarity.js';
import { MAX_PARTS, isParagraph, isSimpleItem, Parts } from './paragraph-parts.js';
import { markBlock, markMoves } from './block-marks.js';

declare module 'mdast' {
  interface Data {
    /** A whole block that moved: deleted here and inserted, word for word, elsewhere (or the reverse). */
    moved?: 'from' | 'to';
  }
}

/** How to compare. */
export interface MergeOptions {
  /** Count changes of whitespace alone (re-wrapped lines, doubled spaces) as changes. */
  whitespace: boolean;
}
/** Lists, list items and quotes are paired more readily: their parts are compared one by one anyway. */
const RESTRUCTURED = 0.3;
/**
 * How an empty list item (`2)` alone on its line) pairs with an item of words, which shares none of
 * them: barely, so that any pairing with words in common comes first, but at all, so that an item
 * that got its words, or lost them, is that item changed and not one deleted beside one inserted.
 */
const FILLED = 1e-9;
/**
 * The most removed-by-added block pairs a hunk weighs for the best alignment (500 by 500): its table
 * grows with their product, and 20,000 rewritten paragraphs would need 3 GB and minutes.
 */
const MAX_PAIRINGS = 250_000;

/**
 * Blocks of the two versions that the merge takes together, `removed` blocks from `a` on and
 * `added` ones from `b` on: one with one (a reworded paragraph …), one paragraph with several (split
 * in the newer version), or several with one (joined).
 */
interface Group {
  a: number;
  removed: number;
  b: number;
  added: number;
}

/**
 * Merges two versions of a Markdown document into one tree, the redline: unchanged
 * blocks once, reworded paragraphs with word-level `insertion`/`deletion` nodes, whole
 * blocks found in one version only marked with `data.revision`, and moved paragraphs
 * with `data.moved`. Accepting every change gives `after`; rejecting every change, `before`.
 * Both trees need the Markdown they were parsed from, to tell `1.` lists from `1)` lists.
 */
export function mergeDocuments(
  before: { tree: Root; markdown: string },
  after: { tree: Root; markdown: string },
  options: MergeOptions,
): Root {
  const merger = new Merger(options);
  const root: Root = { type: 'root', children: merger.children(prepare(before), prepare(after)) };
  merger.mergeMovedNotes();
  markMoves(root);
  return root;
}

/**
 * Copies a tree without source positions, with each list's kind written into its data, each task
 * item's box into its text and each reference link or image as a link or image to its address,
 * and without what the report does not print: footnotes never referred to, cells past a table's columns.
 */
function prepare({ tree, markdown }: { tree: Root; markdown: string }): RootContent[] {
  const copy = structuredClone(tree);
  resolveReferences(copy);
  const referred = new Set<string>();
  walk(copy, (node) => node.type === 'footnoteReference' && referred.add(node.identifier));
  const visit = (node: Nodes): void => {
    if (node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem') {
      node.children = node.children.filter((child) => child.type !== 'footnoteDefinition' || referred.has(child.identifier));
    }
    if (node.type === 'list') node.data = { ...node.data, listKind: listKindInSource(node, markdown) };
    if (node.type === 'listItem') boxIntoText(node);
    if (node.type === 'table') withoutHiddenCells(node);
    if ('children' in node) for (const child of node.children) visit(child);
    delete node.position;
  };
  visit(copy);
  return copy.children;
}

/**
 * Drops the cells a row has beyond the header row's: as GFM reads a table, the header sets its
 * columns and the report prints no more (the DOCX leaves them out), so a change there is no change.
 */
function withoutHiddenCells(table: Table): void {
  const columns = table.children[0]?.children.length ?? 0;
  for (const row of table.children) row.children = row.children.slice(0, columns);
}

/**
 * Moves a task item's box (`[x]`, `[ ]`) to the start of its first paragraph, as a {@link TaskBox}:
 * a box ticked, cleared, added or removed is then a change of the item's words, which every format
 * shows; on the item, it was no part of what is compared.
 */
function boxIntoText(item: ListItem): void {
  const first = item.children[0];
  if (typeof item.checked !== 'boolean' || first?.type !== 'paragraph') return;
  first.children.unshift({ type: 'taskBox', checked: item.checked });
  item.checked = null;
}

class Merger {
  private readonly options: MergeOptions;
  /** Each block's words, split once: `hunk` compares every removed block with every added one. */
  private readonly words = new WeakMap<Nodes, string[]>();
  /** Each block's words counted, once: what two blocks have in common is found from the counts, without a table per pair. */
  private readonly counts = new WeakMap<Nodes, Map<string, number>>();
  /** The footnote definitions deleted or inserted whole so far, each as found in its version and as marked. */
  private readonly wholeNotes: { found: FootnoteDefinition; marked: FootnoteDefinition; revision: BlockRevision }[] = [];

  constructor(options: MergeOptions) {
    this.options = options;
  }

  /** Merges two lists of sibling blocks. */
  children<T extends RootContent>(before: readonly T[], after: readonly T[]): T[] {
    const changes = alignKeys(
      before.map((node) => this.key(node)),
      after.map((node) => this.key(node)),
    );
    const result: T[] = [];
    let i = 0;
    let j = 0;
    let removed: T[] = [];
    let added: T[] = [];
    const flush = () => {
      result.push(...this.hunk(removed, added));
      removed = [];
      added = [];
    };
    for (const change of changes) {
      if (change.removed) {
        removed.push(...before.slice(i, i + change.count));
        i += change.count;
      } else if (change.added) {
        added.push(...after.slice(j, j + change.count));
        j += change.count;
      } else {
        flush();
        result.push(...after.slice(j, j + change.count));
        i += change.count;
        j += change.count;
      }
    }
    flush();
    return result;
  }

  /**
   * Blocks removed and added between two unchanged ones. Pairs that belong together
   * (the same kind of block, enough words in common), and a paragraph split into several or
   * several joined into one, are merged, in order, by the alignment with the most words in
   * common; the rest are deleted or inserted whole.
   */
  private hunk<T extends RootContent>(removed: readonly T[], added: readonly T[]): T[] {
    const m = removed.length;
    const n = added.length;
    const groups = m * n > MAX_PAIRINGS ? this.inOrder(removed, added) : this.bestAlignment(removed, added);
    const result: T[] = [];
    let a = 0;
    let b = 0;
    const end: Group = { a: m, removed: 0, b: n, added: 0 };
    for (const group of [...groups, end]) {
      const [pa, pb] = [group.a, group.b];
      // Footnote definitions close a field: those at the end of a gap come after the gap's other blocks, the
      // removed ones first, so a paragraph added there is not printed among the notes. Each side keeps its order.
      const deleted = removed.slice(a, pa);
      const inserted = added.slice(b, pb);
      const notesFrom = (blocks: readonly T[]) => {
        let at = blocks.length;
        while (at > 0 && blocks[at - 1]?.type === 'footnoteDefinition') at--;
        return at;
      };
      const d = notesFrom(deleted);
      const i = notesFrom(inserted);
      for (const block of deleted.slice(0, d)) result.push(this.whole(block, 'delete'));
      for (const block of inserted.slice(0, i)) result.push(this.whole(block, 'insert'));
      for (const block of deleted.slice(d)) result.push(this.whole(block, 'delete'));
      for (const block of inserted.slice(i)) result.push(this.whole(block, 'insert'));
      if (group !== end) result.push(...this.merge(removed.slice(pa, pa + group.removed), added.slice(pb, pb + group.added)));
      a = pa + group.removed;
      b = pb + group.added;
    }
    return result;
  }

  /**
   * The groups of the ordered alignment with the most words in common (a table of every removed
   * block against every added one): pairs, and paragraphs split or joined where the parts together
   * have more words in common with the whole than any one of them has.
   */
  private bestAlignment(removed: readonly RootContent[], added: readonly RootContent[]): Group[] {
    const m = removed.length;
    const n = added.length;
    // score(a, b): the most common words over any ordered grouping of removed[0..a) and added[0..b);
    // taken: how many removed and added blocks the best grouping ending there takes last (one of them 0: none paired).
    const table = new Float64Array((m + 1) * (n + 1));
    const takenRemoved = new Uint8Array((m + 1) * (n + 1));
    const takenAdded = new Uint8Array((m + 1) * (n + 1));
    const score = (a: number, b: number) => table[a * (n + 1) + b] ?? 0;
    const parts = new Parts(this, removed, added);
    for (let a = 1; a <= m; a++) {
      for (let b = 1; b <= n; b++) {
        // Ties go as they always did: a removed block left alone, then an added one, then a pair; a split or join must do better.
        let best = { score: score(a - 1, b), removed: 1, added: 0 };
        const consider = (found: number, from: number, removedCount: number, addedCount: number) => {
          if (found > 0 && from + found > best.score) best = { score: from + found, removed: removedCount, added: addedCount };
        };
        if (score(a, b - 1) > best.score) best = { score: score(a, b - 1), removed: 0, added: 1 };
        consider(this.affinity(removed[a - 1], added[b - 1]), score(a - 1, b - 1), 1, 1);
        for (const { count, affinity } of parts.splits(a - 1, b)) consider(affinity, score(a - 1, b - count), 1, count);
        for (const { count, affinity } of parts.joins(a, b - 1)) consider(affinity, score(a - count, b - 1), count, 1);
        table[a * (n + 1) + b] = best.score;
        takenRemoved[a * (n + 1) + b] = best.removed;
        takenAdded[a * (n + 1) + b] = best.added;
      }
    }
    const groups: Group[] = [];
    for (let a = m, b = n; a > 0 && b > 0; ) {
      const removedCount = takenRemoved[a * (n + 1) + b] ?? 1;
      const addedCount = takenAdded[a * (n + 1) + b] ?? 0;
      if (removedCount && addedCount) groups.unshift({ a: a - removedCount, removed: removedCount, b: b - addedCount, added: addedCount });
      a -= removedCount;
      b -= addedCount;
    }
    return groups;
  }

  /** Too many blocks for the table: the k-th removed block pairs with the k-th added one where the two pair at all. */
  private inOrder(removed: readonly RootContent[], added: readonly RootContent[]): Group[] {
    const groups: Group[] = [];
    for (let k = 0; k < Math.min(removed.length, added.length); k++) if (this.affinity(removed[k], added[k]) > 0) groups.push({ a: k, removed: 1, b: k, added: 1 });
    return groups;
  }

  /** Merges the blocks of a group: a pair, or a paragraph split into several, or several joined into one. */
  private merge<T extends RootContent>(before: readonly T[], after: readonly T[]): T[] {
    const [first] = before;
    const [firstAfter] = after;
    if (before.length === 1 && after.length === 1 && first && firstAfter) return [this.pair(first, firstAfter)];
    // Only paragraphs, and list items of one paragraph, are grouped so (see Parts).
    const paragraphs = { before: before.filter(isParagraph), after: after.filter(isParagraph) };
    const [whole] = paragraphs.after;
    if (before.length === 1 && first?.type === 'paragraph' && paragraphs.after.length === after.length) return mergeSplit(first, paragraphs.after, this.options.whitespace);
    if (after.length === 1 && whole && paragraphs.before.length === before.length) return mergeJoin(paragraphs.before, whole, this.options.whitespace);
    // An item split in two (or more) items, or items joined: their paragraphs are, in the items as they are now.
    const items = { before: before.filter(isSimpleItem), after: after.filter(isSimpleItem) };
    const [oldItem] = items.before;
    const [newItem] = items.after;
    if (items.before.length !== before.length || items.after.length !== after.length || !oldItem || !newItem) throw new Error(`mergeDocuments: cannot group ${before.length} blocks with ${after.length}`);
    if (items.before.length === 1) {
      const parts = mergeSplit(paragraphOf(oldItem), items.after.map(paragraphOf), this.options.whitespace);
      return items.after.map((item, index) => withParagraph(item, parts[index]));
    }
    return mergeJoin(items.before.map(paragraphOf), paragraphOf(newItem), this.options.whitespace).map((paragraph) => withParagraph(newItem, paragraph));
  }

  /** How well two blocks pair up: 0 when they do not, else their share of common words. */
  private affinity(before: RootContent | undefined, after: RootContent | undefined): number {
    if (!before || !after || before.type !== after.type) return 0;
    switch (before.type) {
      case 'paragraph':
        return atLeast(this.similarity(before, after), REWORDED);
      case 'heading':
        // A heading made one level higher or lower is that heading changed, as a reworded one is.
        return atLeast(this.similarity(before, after), REWORDED);
      case 'list':
        return after.type === 'list' && before.ordered === after.ordered && before.data?.listKind === after.data?.listKind
          ? atLeast(this.similarity(before, after), RESTRUCTURED)
          : 0;
      case 'listItem':
        if (after.type === 'listItem' && emptyAndWords(before, after)) return FILLED;
        return atLeast(this.similarity(before, after), RESTRUCTURED);
      case 'blockquote':
        return atLeast(this.similarity(before, after), RESTRUCTURED);
      case 'footnoteDefinition':
        return after.type === 'footnoteDefinition' && before.identifier === after.identifier ? 1 : 0;
      case 'table':
        // A table with the same columns is compared row by row: a row added, removed or changed is that table changed.
        return after.type === 'table' && sameColumns(before, after) ? atLeast(this.similarity(before, after), RESTRUCTURED) : 0;
      case 'tableRow':
        // A row is compared cell by cell with the row that shares the most of its words, as an item is.
        return atLeast(this.similarity(before, after), RESTRUCTURED);
      default:
        return 0;
    }
  }

  private similarity(before: Nodes, after: Nodes): number {
    const total = this.wordsOf(before).length + this.wordsOf(after).length;
    return total ? (2 * commonCounted(this.countsOf(before), this.countsOf(after))) / total : 1;
  }

  /** A block's words, split once. */
  wordsOf(node: Nodes): string[] {
    let words = this.words.get(node);
    if (!words) {
      words = blockWords(node);
      this.words.set(node, words);
    }
    return words;
  }

  /** A block's words with how often each comes, counted once. */
  countsOf(node: Nodes): Map<string, number> {
    let counts = this.counts.get(node);
    if (!counts) {
      counts = wordCounts(this.wordsOf(node));
      this.counts.set(node, counts);
    }
    return counts;
  }

  /** Merges two blocks that `affinity` paired: the same type by construction. */
  private pair<T extends RootContent>(before: T, after: T): T {
    if (before.type === 'paragraph' && after.type === 'paragraph') {
      return { ...after, children: mergeInline(before.children, after.children, this.options.whitespace) };
    }
    if (before.type === 'heading' && after.type === 'heading') {
      const level = before.depth === after.depth ? {} : { data: { ...after.data, depthBefore: before.depth } };
      return { ...after, ...level, children: mergeInline(before.children, after.children, this.options.whitespace) };
    }
    if (before.type === 'list' && after.type === 'list') {
      // Markdown numbers a list from its first number alone: one that starts elsewhere now is renumbered, a change the DOCX tracks.
      const renumbered = before.ordered && (before.start ?? 1) !== (after.start ?? 1) ? { data: { ...after.data, startBefore: before.start ?? 1 } } : {};
      return { ...after, ...renumbered, children: this.children(before.children, after.children) };
    }
    if (before.type === 'listItem' && after.type === 'listItem') return { ...after, children: this.listItem(before, after) };
    if (before.type === 'blockquote' && after.type === 'blockquote') return { ...after, children: this.children(before.children, after.children) };
    if (before.type === 'table' && after.type === 'table') {
      // The header row heads the table in either version: the two always pair, as an item's first paragraphs do.
      const [headBefore, ...restBefore] = before.children;
      const [headAfter, ...restAfter] = after.children;
      const head = headBefore && headAfter ? [this.pair(headBefore, headAfter)] : [];
      return { ...after, children: [...head, ...this.children(restBefore, restAfter)] };
    }
    if (before.type === 'tableRow' && after.type === 'tableRow') {
      const cells = mergeCells(before, after, this.options.whitespace).map((children): TableCell => ({ type: 'tableCell', children }));
      return { ...after, children: cells };
    }
    if (before.type === 'footnoteDefinition' && after.type === 'footnoteDefinition') {
      const children = this.children(before.children, after.children);
      const notes = { deleted: markBlock<FootnoteDefinition>(before, 'delete').children, inserted: markBlock<FootnoteDefinition>(after, 'insert').children, merged: children };
      return { ...after, data: { ...after.data, notes }, children };
    }
    throw new Error(`mergeDocuments: cannot pair ${before.type} with ${after.type}`);
  }

  /**
   * A list item's first paragraph carries its number: the two first paragraphs always pair. An empty
   * item has a paragraph of no words here, so that the words the other one has are inserted or deleted in it.
   */
  private listItem(before: ListItem, after: ListItem): ListItem['children'] {
    const filled = emptyAndWords(before, after);
    const blocks = { before: filled ? withEmptyParagraph(before) : before.children, after: filled ? withEmptyParagraph(after) : after.children };
    const [firstBefore, ...restBefore] = blocks.before;
    const [firstAfter, ...restAfter] = blocks.after;
    if (firstBefore?.type === 'paragraph' && firstAfter?.type === 'paragraph') {
      // The first paragraph split into the paragraphs after it in the item, or those joined into it.
      const { removed, added } = this.leadingGroup(blocks.before, blocks.after, this.similarity(firstBefore, firstAfter));
      if (removed > 1 || added > 1) return [...this.merge(blocks.before.slice(0, removed), blocks.after.slice(0, added)), ...this.children(blocks.before.slice(removed), blocks.after.slice(added))];
      const first = { ...firstAfter, children: mergeInline(firstBefore.children, firstAfter.children, this.options.whitespace) };
      return [first, ...this.children(restBefore, restAfter)];
    }
    return this.children(before.children, after.children);
  }

  /**
   * How many of an item's blocks, from its first paragraph on, go together in each version: one
   * with one, unless the first paragraph was split into it and the paragraphs after it (or they
   * were joined into it) with more words in common than the two first paragraphs have (`paired`).
   */
  private leadingGroup(before: readonly RootContent[], after: readonly RootContent[], paired: number): { removed: number; added: number } {
    const parts = new Parts(this, before, after);
    let best = { score: paired, removed: 1, added: 1 };
    for (let end = 2; end <= MAX_PARTS; end++) {
      for (const { count, affinity } of parts.splits(0, end)) if (count === end && affinity > best.score) best = { score: affinity, removed: 1, added: count };
      for (const { count, affinity } of parts.joins(end, 0)) if (count === end && affinity > best.score) best = { score: affinity, removed: count, added: 1 };
    }
    return best;
  }

  /** A block found in one version only, with every paragraph in it marked. */
  private whole<T extends RootContent>(node: T | undefined, revision: BlockRevision): T {
    if (!node) throw new Error('mergeDocuments: no block to mark');
    const marked = markBlock(node, revision);
    if (node.type === 'footnoteDefinition' && marked.type === 'footnoteDefinition') this.wholeNotes.push({ found: node, marked, revision });
    return marked;
  }

  /**
   * A footnote is printed at its reference, wherever its definition stands. A definition deleted
   * whole in one place and inserted whole with the same label in another (moved, and maybe
   * reworded) is one note that changed: both copies get `data.notes`, with the old copy merged
   * with the new word by word, which the DOCX prints for a reference found in both versions.
   * Copies pair in order, as moved paragraphs do.
   */
  mergeMovedNotes(): void {
    const inserted = new Map<string, FootnoteDefinition[]>();
    for (const note of this.wholeNotes) {
      if (note.revision === 'insert') inserted.set(note.found.identifier, [...(inserted.get(note.found.identifier) ?? []), note.found]);
    }
    const markedCopy = new Map(this.wholeNotes.map((note) => [note.found, note.marked]));
    for (const note of this.wholeNotes) {
      if (note.revision !== 'delete') continue;
      const [after, ...rest] = inserted.get(note.found.identifier) ?? [];
      const copy = after && markedCopy.get(after);
      if (!after || !copy) continue;
      inserted.set(note.found.identifier, rest);
      const notes = { deleted: note.marked.children, inserted: copy.children, merged: this.pair(note.found, after).children };
      note.marked.data = { ...note.marked.data, notes };
      copy.data = { ...copy.data, notes };
    }
  }

  private key(node: RootContent): string {
    return nodeKey(node, this.options.whitespace);
  }
}

/** Whether one of two items is empty (`2)` alone on its line) and the other starts with words: a paragraph. */
function emptyAndWords(before: ListItem, after: ListItem): boolean {
  const [first, second] = [before.children[0], after.children[0]];
  return (!first && second?.type === 'paragraph') || (first?.type === 'paragraph' && !second);
}

/** An item's blocks, an empty item's as one paragraph of no words. */
function withEmptyParagraph(item: ListItem): ListItem['children'] {
  return item.children.length ? item.children : [{ type: 'paragraph', children: [] }];
}

/** The paragraph of a list item of one paragraph ({@link isSimpleItem}). */
function paragraphOf(item: ListItem): Paragraph {
  const [paragraph] = item.children;
  return paragraph?.type === 'paragraph' ? paragraph : { type: 'paragraph', children: [] };
}

/** A list item holding `paragraph` alone. */
function withParagraph<I extends ListItem>(item: I, paragraph: Paragraph | undefined): I {
  return { ...item, children: paragraph ? [paragraph] : [] };
}
