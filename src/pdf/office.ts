import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { realTarget } from '../load/files.js';

/** The Debian/Ubuntu package that gives LibreOffice without a desktop: named when none is found. */
export const OFFICE_PACKAGE = 'libreoffice-writer-nogui';

const NAMES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];

/** Where LibreOffice lands when installed the usual way but not on PATH. */
const USUAL_PLACES = [
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/usr/local/bin/soffice',
  '/snap/bin/libreoffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/**
 * The LibreOffice executable used to make PDFs: `soffice` or `libreoffice` on `path`
 * (the PATH variable's value), else the newest of libreoffice.org's own Linux packages in `opt`,
 * else one of the usual install places; null when there is none.
 */
export function findOffice(path: string | undefined, opt = '/opt'): string | null {
  const folders = (path ?? '').split(delimiter).filter(Boolean);
  for (const folder of folders) {
    for (const name of NAMES) {
      const candidate = join(folder, name);
      if (runnable(candidate)) return candidate;
    }
  }
  return [...versionedInstalls(opt), ...USUAL_PLACES].find(runnable) ?? null;
}

/**
 * Whether `path` is a program that can be run, as the shell looks for one on PATH: a folder named
 * `soffice`, or a file without the right to run it, was taken for LibreOffice and every PDF failed
 * with `spawn … EACCES`, though the real one was further down PATH.
 */
function runnable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The programs of the LibreOffice installs in `folder` named by version, newest first: the DEB and
 * RPM packages of libreoffice.org install into `/opt/libreoffice24.8` and put only `libreoffice24.8`
 * on PATH, so a machine set up as the README says had LibreOffice and was told it had none.
 */
function versionedInstalls(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => /^libreoffice\d+(\.\d+)*$/.test(name));
  } catch {
    return [];
  }
  // The newest first, by version number: 24.10 before 24.8 before 7.6.
  return names.sort((a, b) => b.localeCompare(a, 'en', { numeric: true })).map((name) => join(folder, name, 'program', 'soffice'));
}

/**
 * Whether `office` is the LibreOffice snap: a program in `/snap/`, or a link to the snap launcher
 * (`/snap/bin/libreoffice` leads to `/usr/bin/snap`). A snap runs in a /tmp of its own.
 */
export function isSnap(office: string): boolean {
  return office.startsWith('/snap/') || basename(realTarget(office) ?? '') === 'snap';
}
