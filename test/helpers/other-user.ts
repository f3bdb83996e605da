import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, tempDir } from './project.js';

/** Root reads and writes any file: as root the CLI runs as `nobody` (setpriv), for whom file modes count. */
export const AS_ROOT = process.getuid?.() === 0;
const SETPRIV = spawnSync('setpriv', ['--version']).status === 0;
/**
 * Whether the CLI can be run as a user for whom file modes count: this user when it is not root, else
 * `nobody`, who must be able to reach the tool at all (a clone made with `mktemp -d`, mode 0700, as the
 * README's check from a fresh clone makes one, is its owner's alone, and the CLI could not even start).
 */
export const MODES_COUNT = !AS_ROOT || (SETPRIV && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'test', '-r', join(REPO, 'bin/briefing.js')]).status === 0);

/** Runs the built CLI as a user for whom file modes count (see {@link MODES_COUNT}). */
export function runAsUser(args: readonly string[], cwd: string): { status: number | null; out: string } {
  const home = tempDir();
  for (const dir of [home, cwd]) chmodSync(dir, 0o777);
  const command = AS_ROOT ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
  const result = spawnSync(command[0] ?? '', [...command.slice(1), join(REPO, 'bin/briefing.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, HOME: home, NO_COLOR: '1' } });
  return { status: result.status, out: result.stdout + result.stderr };
}

/** Lets every user into the project's folders, and write the files in them (a temporary folder is its owner's alone). */
export function openFolders(dir: string): void {
  chmodSync(dir, 0o777);
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) chmodSync(join(dir, name), statSync(join(dir, name)).isDirectory() ? 0o777 : 0o666);
}
