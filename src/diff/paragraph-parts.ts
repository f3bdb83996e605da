/** The splits and joins of paragraphs a hunk may hold: which runs of the other version's paragraphs may be the parts of one paragraph. */

import type { ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { REWORDED, similarity, commonCounted, atLeast } from './similarity.js';

/** The most paragraphs one paragraph is taken to have been split into, or joined from. */
export const MAX_PARTS = 6;

/** Whether a block is a paragraph. */
export function isParagraph<T extends RootContent>(node: T): node is T & Paragraph {
  return node.type === 'paragraph';
}

/** A list item of one paragraph: it splits and joins as a paragraph does. */
export function isSimpleItem<T extends RootContent>(node: T): node is T & ListItem {
  return node.type === 'listItem' && node.children.length === 1 && node.children[0]?.type === 'paragraph';
}

/** A block's words and their counts, each found once for the whole merge. */
interface WordsOfBlocks {
  wordsOf(node: Nodes): string[];
  countsOf(node: Nodes): Map<string, number>;
}

/**
 * The splits and joins of paragraphs a hunk may hold, as `bestAlignment` weighs them: a paragraph
 * with each run of 2 to {@link MAX_PARTS} paragraphs of the other version ending at a given place.
 * A run counts only when each of its paragraphs has at least half of its words in the whole one
 * (a paragraph added beside a reworded one is no part of it), and then as the share of words the
 * whole and the run have in common, as a pair of blocks counts.
 */
export class Parts {
  private readonly words: WordsOfBlocks;
  private readonly removed: readonly RootContent[];
  private readonly added: readonly RootContent[];
  /** Whether each (removed, added) paragraph pair has the part's words in the whole, by the side that is the part: computed once. */
  private readonly inRemoved = new Map<number, boolean>();
  private readonly inAdded = new Map<number, boolean>();

  constructor(words: WordsOfBlocks, removed: readonly RootContent[], added: readonly RootContent[]) {
    this.words = words;
    this.removed = removed;
    this.added = added;
  }

  /** Removed paragraph (or item of one paragraph) `a` split into the added ones before `end`, for each run that may be its parts. */
  splits(a: number, end: number): { count: number; affinity: number }[] {
    const whole = this.removed[a];
    if (!whole || !splittable(whole)) return [];
    return this.runs(whole, this.added, end, (b) => this.memo(this.inRemoved, a * this.added.length + b, () => this.isPart(this.added[b], whole)));
  }

  /** The removed paragraphs (or items of one paragraph) before `end` joined into added one `b`, for each run that may be its parts. */
  joins(end: number, b: number): { count: number; affinity: number }[] {
    const whole = this.added[b];
    if (!whole || !splittable(whole)) return [];
    return this.runs(whole, this.removed, end, (a) => this.memo(this.inAdded, a * this.added.length + b, () => this.isPart(this.removed[a], whole)));
  }

  private runs(whole: RootContent, side: readonly RootContent[], end: number, isPart: (index: number) => boolean): { count: number; affinity: number }[] {
    const found: { count: number; affinity: number }[] = [];
    if (end < 1 || !isPart(end - 1)) return found;
    const words = [...this.words.wordsOf(side[end - 1] ?? whole)];
    for (let count = 2; count <= MAX_PARTS && end - count >= 0 && isPart(end - count); count++) {
      words.unshift(...this.words.wordsOf(side[end - count] ?? whole));
      found.push({ count, affinity: atLeast(similarity(this.words.wordsOf(whole), words), REWORDED) });
    }
    return found;
  }

  /** A block of the whole's kind (a paragraph, an item of one paragraph) with at least half of its words in it. */
  private isPart(node: RootContent | undefined, whole: RootContent): boolean {
    if (!node || node.type !== whole.type || !splittable(node)) return false;
    const words = this.words.wordsOf(node);
    return words.length > 0 && commonCounted(this.words.countsOf(whole), this.words.countsOf(node)) / words.length >= REWORDED;
  }

  private memo(cache: Map<number, boolean>, key: number, compute: () => boolean): boolean {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute();
      cache.set(key, value);
    }
    return value;
  }
}

/** Whether a block may be split or joined as a paragraph is: a paragraph, or a list item of one paragraph. */
function splittable(node: RootContent): boolean {
  return isParagraph(node) || isSimpleItem(node);
}
