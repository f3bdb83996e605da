import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { realTarget } from '../load/files.js';

/**
 * Files of a LibreOffice install beside its real `soffice` that a new version replaces: the program
 * itself (Linux, macOS), the version file (`versionrc`; `version.ini` on Windows; macOS keeps it in
 * `Resources`, beside `MacOS`).
 */
const INSTALL_FILES = ['soffice.bin', 'versionrc', 'version.ini', '../Resources/versionrc'];

/**
 * What tells one LibreOffice from another without starting it: the real path of the program the
 * build runs (links followed) and the size and time of change of it and of the install's files
 * beside it. An upgrade replaces them, and another `soffice` first on PATH (a wrapper script,
 * another install) is another file: the build cache keys the PDFs by it, which were kept as made by
 * the old one. A few `stat` calls (about 0.05 ms) where `soffice --version` takes 80 ms and more.
 * A wrapper's own target is not followed: changing what it runs means changing the wrapper. `snaps`
 * is where snaps are mounted (`/snap`; a test's folder).
 */
export function officeIdentity(office: string, snaps = '/snap'): string {
  const program = realTarget(office) ?? office;
  const folder = dirname(program);
  const files = [program, ...INSTALL_FILES.map((name) => join(folder, name))];
  return [...files.flatMap((file) => fileStamp(file)), ...snapRevision(office, snaps)].join('\u0000');
}

/**
 * The revision a snap's program runs (`/snap/libreoffice/current` leads to `/snap/libreoffice/312`):
 * `/snap/bin/libreoffice` is a link to the snap launcher, the same file whatever revision a refresh
 * put in place. None for a program that is no snap's.
 */
function snapRevision(office: string, snaps: string): string[] {
  if (dirname(office) !== join(snaps, 'bin')) return [];
  const current = realTarget(join(snaps, basename(office).split('.')[0] ?? '', 'current'));
  return current === undefined ? [] : [current];
}

/** A file's path, size and time of change, as one string; none when it is not there. */
function fileStamp(file: string): string[] {
  try {
    const stat = statSync(file);
    return [`${file} ${stat.size} ${stat.mtimeMs}`];
  } catch {
    return [];
  }
}
