import { diffArrays, type ArrayChange } from 'diff';

/**
 * About how many steps of the diff algorithm one comparison may take (well under a second). Its
 * cost grows with the length of the two sequences times the number of edits between them, and
 * for sequences that repeat (`a b a b …` against `b a c b a c …`) every step is taken: a
 * paragraph of 60 KB took 14 s.
 */
const STEPS = 20_000_000;

/**
 * The changes that turn `before` into `after`, as `diffArrays` finds them, as long as that takes
 * no more than {@link STEPS}; beyond that, all of `before` removed and all of `after` added,
 * which is what two sequences that far apart are to a reader. Deterministic: the limit is on
 * the number of edits, not on time, so the same inputs give the same diff on every machine.
 */
export function alignKeys(before: readonly string[], after: readonly string[]): ArrayChange<string>[] {
  const changes = diffArrays([...before], [...after], { maxEditLength: editLimit(before.length + after.length) });
  if (changes) return changes;
  return [
    ...(before.length ? [{ value: [...before], count: before.length, added: false, removed: true }] : []),
    ...(after.length ? [{ value: [...after], count: after.length, added: true, removed: false }] : []),
  ];
}

/** The most edits jsdiff may look for between two sequences of `length` units together, to stay within {@link STEPS}. */
export function editLimit(length: number): number {
  return Math.max(1000, Math.floor(STEPS / (length + 1)));
}
