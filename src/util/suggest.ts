import { closest, distance } from 'fastest-levenshtein';

/** The nearest allowed name, when it is close enough to be a likely typo. */
export function suggest(word: string, options: readonly string[]): string | undefined {
  if (!options.length) return undefined;
  const best = closest(word, [...options]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}
