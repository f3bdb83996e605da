import { UsageError } from '../diagnostics/errors.js';

/*
 * Kept free of hashing (node:crypto): the CLI imports `parseShard` at start-up.
 * Which shard a meeting is in is decided in select.ts.
 */

/** One of `count` parts of the meetings, numbered from 1, as in `--shard 2/4`. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `i/n` (1 ≤ i ≤ n); anything else is a usage error. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Cannot read the shard \`${text}\`.`, 'Write it as i/n with 1 ≤ i ≤ n, e.g. --shard 2/4.');
  }
  return { index, count };
}
