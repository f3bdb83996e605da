import { sha256 } from '../load/files.js';
import { UsageError } from '../report/errors.js';

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

/**
 * Whether a meeting belongs to a shard. The part is chosen by a hash of the meeting's
 * project-relative path, so it does not depend on which other meetings exist: adding a
 * meeting never moves the others to another CI job (whose cache then still fits).
 */
export function inShard(meetingPath: string, shard: Shard): boolean {
  const bucket = Number.parseInt(sha256(meetingPath).slice(0, 8), 16) % shard.count;
  return bucket === shard.index - 1;
}
