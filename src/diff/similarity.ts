/** How many words two blocks share: the measure the word diff pairs blocks by, and the share below which two paragraphs are a deletion and an insertion. */

/** Below this share of common words two paragraphs are a deletion and an insertion, not one reworded paragraph. */
export const REWORDED = 0.5;

/** How much of their words two blocks share (Dice coefficient over word counts). */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  return (2 * commonWords(a, b)) / (a.length + b.length);
}

/** How many words two lists have in common, each word counted as often as both have it. */
function commonWords(a: readonly string[], b: readonly string[]): number {
  return commonCounted(wordCounts(a), wordCounts(b));
}

/** Each word of a list with how often it comes. */
export function wordCounts(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** {@link commonWords} of two lists from their {@link wordCounts}: each word as often as the one that has it less often. */
export function commonCounted(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [fewer, more] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const [word, count] of fewer) common += Math.min(count, more.get(word) ?? 0);
  return common;
}

/** A share counted only from a threshold on: below it, none. */
export function atLeast(value: number, threshold: number): number {
  return value >= threshold ? value : 0;
}
