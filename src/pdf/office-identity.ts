import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
 * A wrapper's own target is not followed: changing what it runs means changing the wrapper.
 */
export function officeIdentity(office: string): string {
  const program = realTarget(office) ?? office;
  const folder = dirname(program);
  const files = [program, ...INSTALL_FILES.map((name) => join(folder, name))];
  return files.flatMap((file) => fileStamp(file)).join('\u0000');
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
