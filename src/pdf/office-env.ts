import { delimiter } from 'node:path';

// The environment LibreOffice runs in (pdf/convert.ts), beyond briefing's own.

/**
 * A UTF-8 locale for LibreOffice where the environment's is none (LC_ALL=C, no LANG: cron, containers,
 * CI): LibreOffice under the C locale, given a temporary folder whose path has a letter beyond ASCII
 * (TMPDIR=/tmp/Ziņojumi), hung without a word until the time limit, and did not even end on SIGTERM.
 * Nothing is changed where the locale is UTF-8 already, nor off Linux.
 */
export function utf8Locale(env: NodeJS.ProcessEnv): { LC_ALL?: string } {
  if (process.platform !== 'linux') return {};
  const ctype = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
  return /utf-?8/i.test(ctype) ? {} : { LC_ALL: 'C.UTF-8' };
}

/** The system's program folders, which LibreOffice's launcher needs (`/usr/bin/dirname`, `sed`, `uname` …). */
const SYSTEM_FOLDERS = ['/usr/bin', '/bin'];

/**
 * `path` (the PATH variable) with the system's program folders after its own, where they are
 * missing: LibreOffice's `soffice` is a shell script that finds its own folder with `dirname`, and
 * under a bare PATH (a service or a container that names only Node.js's folder, where briefing found
 * LibreOffice in its install folder) it looked for its program in the current folder and failed with
 * `exec: ./oosplash: not found`.
 */
export function withSystemFolders(path: string | undefined): string {
  if (process.platform === 'win32') return path ?? '';
  const folders = (path ?? '').split(delimiter).filter(Boolean);
  return [...folders, ...SYSTEM_FOLDERS.filter((folder) => !folders.includes(folder))].join(delimiter);
}
