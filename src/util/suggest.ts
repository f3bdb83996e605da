import { distance } from 'fastest-levenshtein';
import { withoutDiacritics } from './ascii.js';

/**
 * The nearest allowed name, when it is close enough to be a likely typo. Names are compared without
 * their marks first (`ŽM` is nearest ZM, not the first code one letter away, AM), then as written (of
 * `Portugāle` and `Portugale`, the one spelt so); the first of equals wins. Close enough: a third of the
 * name's letters differ at most (two in a short one), in either case and with or without their marks.
 */
export function suggest(word: string, options: readonly string[]): string | undefined {
  const plain = withoutDiacritics(word);
  let best: { option: string; plain: number; written: number } | undefined;
  for (const option of options) {
    const near = { option, plain: distance(plain, withoutDiacritics(option)), written: distance(word, option) };
    if (best === undefined || near.plain < best.plain || (near.plain === best.plain && near.written < best.written)) best = near;
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(best.option.length / 3));
  return distance(plain.toLowerCase(), withoutDiacritics(best.option).toLowerCase()) <= limit ? best.option : undefined;
}
