import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

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
 * (the PATH variable's value), else one of the usual install places; null when there is none.
 */
export function findOffice(path: string | undefined): string | null {
  const folders = (path ?? '').split(delimiter).filter(Boolean);
  for (const folder of folders) {
    for (const name of NAMES) {
      const candidate = join(folder, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return USUAL_PLACES.find((place) => existsSync(place)) ?? null;
}
