import { spawnSync } from 'node:child_process';
import { delimiter } from 'node:path';

// The environment LibreOffice runs in (pdf/convert.ts), beyond briefing's own.

/**
 * A UTF-8 locale for LibreOffice where the environment's is none (LC_ALL=C, no LANG: cron, containers,
 * CI): LibreOffice under the C locale, given a temporary folder whose path has a letter beyond ASCII
 * (TMPDIR=/tmp/Ziņojumi), hung without a word until the time limit, and did not even end on SIGTERM.
 * A UTF-8 locale the machine does not have is C to LibreOffice as well (LANG=lv_LV.UTF-8 brought by
 * ssh from a desktop, or set in a container that has only C.UTF-8; macOS's LC_CTYPE=UTF-8): where
 * `locale` can tell, its word decides ({@link localeUsable}). Nothing is changed where the locale is a
 * UTF-8 one the machine has, nor off Linux.
 */
export function utf8Locale(env: NodeJS.ProcessEnv): { LC_ALL?: string } {
  if (process.platform !== 'linux') return {};
  const ctype = env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
  return /utf-?8/i.test(ctype) && localeUsable(env) !== false ? {} : { LC_ALL: 'C.UTF-8' };
}

/** What {@link localeUsable} found, by the variables that name the locale. */
const usableByNames = new Map<string, boolean | undefined>();

/**
 * Whether every locale the environment names is one the machine has, and UTF-8: `locale charmap` says
 * UTF-8 and nothing else (glibc's `locale` warns "Cannot set LC_… to default locale" of one it lacks, and
 * a program then runs in C). Undefined where `locale` cannot be run (a system without it): the name decides.
 */
function localeUsable(env: NodeJS.ProcessEnv): boolean | undefined {
  const names = JSON.stringify(Object.entries(env).filter(([key]) => key === 'LANG' || key === 'LOCPATH' || key.startsWith('LC_')).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (!usableByNames.has(names)) {
    const run = spawnSync('locale', ['charmap'], { env: { ...env, PATH: withSystemFolders(env['PATH']) }, encoding: 'utf8', timeout: 5000 });
    usableByNames.set(names, run.status === 0 ? run.stdout.trim() === 'UTF-8' && run.stderr.trim() === '' : undefined);
  }
  return usableByNames.get(names);
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
