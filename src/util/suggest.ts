import { distance } from 'fastest-levenshtein';
import { withoutDiacritics } from './ascii.js';

/**
 * The nearest allowed name, when it is close enough to be a likely typo. Names are compared without
 * their marks and case first (`ŽM` is nearest ZM, not the first code one letter away, AM; `izm` is IZM),
 * then by the share of their letters in common (a transposed `MZ` is ZM, not AM or IZM, all two changes
 * away), then without marks as written, then as written (of `Portugāle` and `Portugale`, the one spelt
 * so); the first of equals wins. Close enough: a third of the name's letters differ at most (two in a short one), in
 * either case and with or without their marks, and half the letters of the longer name are in the other.
 */
export function suggest(word: string, options: readonly string[]): string | undefined {
  const plain = withoutDiacritics(word);
  const typed = plain.toLowerCase();
  let best: { option: string; rank: number[] } | undefined;
  for (const option of options) {
    const offered = withoutDiacritics(option);
    const lower = offered.toLowerCase();
    const rank = [distance(typed, lower), -shareOf(typed, lower), distance(plain, offered), distance(word, option)];
    if (best === undefined || before(rank, best.rank)) best = { option, rank };
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(best.option.length / 3));
  const offered = withoutDiacritics(best.option).toLowerCase();
  return distance(typed, offered) <= limit && sharesHalf(typed, offered) ? best.option : undefined;
}

/** Whether one rank comes strictly before another, key by key. */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/**
 * Whether two names have at least half the letters of the longer in common (counted with repeats, in
 * any order): two changes are all of a short code, so `VK` was offered ZM and `LMM` IZM (or AM), names
 * that share one letter or none with what was typed; `AMM` still finds AM, `AIM` AM.
 */
function sharesHalf(a: string, b: string): boolean {
  return shareOf(a, b) >= 0.5;
}

/** The share of the longer name's letters that are in the other. */
function shareOf(a: string, b: string): number {
  return shared(a, b) / Math.max([...a].length, [...b].length, 1);
}

/** How many letters two names have in common, counted with repeats, in any order. */
function shared(a: string, b: string): number {
  const left = [...b];
  let count = 0;
  for (const letter of a) {
    const at = left.indexOf(letter);
    if (at >= 0) {
      left.splice(at, 1);
      count += 1;
    }
  }
  return count;
}
