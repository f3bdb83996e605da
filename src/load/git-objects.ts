import { utcSeconds } from '../model/date.js';

/** One object as `git cat-file --batch` gave it. */
export interface GitObject {
  /** The object's id. */
  hash: string;
  /** `blob`, `tree`, `commit` or `tag`. */
  type: string;
  data: Buffer;
}

/**
 * Splits what `git cat-file --batch` printed into one answer per name asked, in the order
 * asked: the object, or undefined where git answered `<name> missing` (or `ambiguous`).
 */
export function parseBatch(output: Buffer, names: readonly string[]): Map<string, GitObject | undefined> {
  const result = new Map<string, GitObject | undefined>();
  let offset = 0;
  for (const name of names) {
    const end = output.indexOf(10, offset);
    if (end < 0) break;
    const header = /^([0-9a-f]+) (\S+) (\d+)$/.exec(output.subarray(offset, end).toString('utf8'));
    offset = end + 1;
    if (!header?.[1] || !header[2]) {
      result.set(name, undefined);
      continue;
    }
    const size = Number(header[3]);
    result.set(name, { hash: header[1], type: header[2], data: output.subarray(offset, offset + size) });
    offset += size + 1;
  }
  return result;
}

/**
 * The author's name, the committer date (ISO 8601 in UTC, whole seconds) and the committer's wall
 * clock (YYYY-MM-DDTHH:MM:SS in the committer's own time zone) of a raw commit object: what `git
 * show -s --format=%an`, `%cI` (turned to UTC) and `%cI` (without its zone) say of it, read the way
 * git reads an identity line — the name before the first `<`, the time and its zone after the last `>`.
 */
export function commitIdentity(data: Buffer): { author: string; date: string; localTime: string } {
  const end = data.indexOf('\n\n');
  // latin1 keeps one character per byte, so the name's bytes can be decoded afterwards.
  const headers = (end < 0 ? data : data.subarray(0, end)).toString('latin1').split('\n');
  const header = (key: string) => headers.find((line) => line.startsWith(`${key} `))?.slice(key.length + 1);
  const author = header('author') ?? '';
  // git's own idea of a space (not trimEnd's: U+00A0 is the last byte of a UTF-8 'à').
  const name = author.includes('<') ? author.slice(0, author.indexOf('<')).replace(/[ \t\n\r]+$/, '') : '';
  const committer = header('committer') ?? '';
  const time = committer.includes('>') ? /^[ \t\n\r]*(\d+)(?:[ \t]+([+-])(\d\d)(\d\d))?/.exec(committer.slice(committer.lastIndexOf('>') + 1)) : null;
  const seconds = Number(time?.[1] ?? 0);
  // A commit made at 00:30 in Riga is of that day, as `git log` shows it, though it is the evening before in UTC.
  const offsetMinutes = (time?.[2] === '-' ? -1 : 1) * (Number(time?.[3] ?? 0) * 60 + Number(time?.[4] ?? 0));
  return {
    author: decoded(Buffer.from(name, 'latin1'), header('encoding')),
    date: utcSeconds(new Date(seconds * 1000)),
    localTime: new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19),
  };
}

/** Text in a commit's declared encoding (git shows it re-encoded to UTF-8), UTF-8 when none or unknown. */
function decoded(bytes: Buffer, encoding: string | undefined): string {
  if (encoding !== undefined) {
    try {
      return new TextDecoder(encoding).decode(bytes);
    } catch {
      // An encoding the runtime does not know: shown as UTF-8, as git does when it cannot convert.
    }
  }
  return bytes.toString('utf8');
}
