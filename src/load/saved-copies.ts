import { posix } from 'node:path';
import { shellWord } from '../util/shell.js';

/**
 * How a file manager or a browser names a copy of `<name>.<ext>` beside it: Windows Explorer's
 * `Copy of x.yaml` (older Windows) and `x - Copy.yaml` (`x - Kopija.yaml` in Latvian), a download
 * or a copy over a file of the same name `x (1).yaml`, macOS Finder's `x copy.yaml`, `x copy 2.yaml`.
 */
const SAVED_COPY: readonly RegExp[] = [/^Copy (?:\(\d+\) )?of (?<name>.+)(?<ext>\.[^.]+)$/, /^(?<name>.+?)(?: - (?:Copy|Kopija)| copy)(?: \(\d+\)| \d+)?(?<ext>\.[^.]+)$/, /^(?<name>.+?) \(\d+\)(?<ext>\.[^.]+)$/];

/**
 * The file a copy was made of, for a project path named as Windows, a browser or a Mac names copies
 * (`positions/educ/Copy of x.yaml` → `positions/educ/x.yaml`); undefined for any other. Read as a
 * position or a meeting, such a copy claims the id or file code of the file it copies.
 */
export function savedCopyOf(path: string): string | undefined {
  const name = posix.basename(path);
  for (const pattern of SAVED_COPY) {
    const groups = pattern.exec(name)?.groups;
    if (groups?.['name'] !== undefined && groups['ext'] !== undefined) return posix.join(posix.dirname(path), `${groups['name']}${groups['ext']}`);
  }
  return undefined;
}

/** What to do about a copy (see {@link savedCopyOf}) that another file's id or file code clashes with: keep the text wanted in the original, delete the copy. */
export function savedCopyHint(copy: string, original: string): string {
  return `${copy} is a copy of ${original}, named as Windows, a browser's download or a Mac names copies: keep the text you want in ${original} (\`briefing diff ${shellWord(original)} ${shellWord(copy)}\` shows how they differ) and delete ${copy}, or move it out of the project.`;
}
