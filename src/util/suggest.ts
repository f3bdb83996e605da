import { distance } from 'fastest-levenshtein';
import { withoutDiacritics } from './ascii.js';

/**
 * The nearest allowed name, when it is close enough to be a likely typo. Names are compared without
 * their marks first (`ŽM` is nearest ZM, not the first code one letter away, AM), then as written (of
 * `Portugāle` and `Portugale`, the one spelt so); the first of equals wins. Close enough: a third of the
 * name's letters differ at most (two in a short one), in either case and with or without their marks,
 * and half the letters of the longer name are in the other.
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
  const [typed, offered] = [plain.toLowerCase(), withoutDiacritics(best.option).toLowerCase()];
  return distance(typed, offered) <= limit && sharesHalf(typed, offered) ? best.option : undefined;
}

/**
 * Whether two names have at least half the letters of the longer in common (counted with repeats, in
 * any order): two changes are all of a short code, so `VK` was offered ZM and `LMM` IZM (or AM), names
 * that share one letter or none with what was typed; `AMM` still finds AM, `AIM` AM.
 */
function sharesHalf(a: string, b: string): boolean {
  const left = [...b];
  let shared = 0;
  for (const letter of a) {
    const at = left.indexOf(letter);
    if (at >= 0) {
      left.splice(at, 1);
      shared += 1;
    }
  }
  return shared * 2 >= Math.max([...a].length, [...b].length);
}
