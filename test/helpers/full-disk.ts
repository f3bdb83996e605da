import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, tempDir, type CliRun } from './project.js';

/**
 * Whether a command can be run on a full disk of its own: a small tmpfs mounted in a mount
 * namespace (`unshare -rm`: root inside a user namespace, so root is not needed where the
 * system allows user namespaces). Tests that need it skip where it cannot be made.
 */
export const FULL_DISK = (() => {
  const mountPoint = tempDir('briefing-full-disk-probe-');
  return spawnSync('unshare', ['-rm', 'sh', '-ec', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', mountPoint]).status === 0;
})();

/**
 * Runs the built CLI in `cwd` with `folder` (project-relative, made if missing) on a disk that is
 * full: a 256 kB tmpfs holding what the folder held, the rest of it taken by a filler file, so a
 * new file can still be created but no byte written. Afterwards the folder holds what the command
 * left on that disk (the filler removed), on the real disk again: the next command runs on it as usual.
 */
export function runCliOnFullDisk(args: readonly string[], cwd: string, folder: string): CliRun {
  const target = join(cwd, folder);
  mkdirSync(target, { recursive: true });
  const [before, after, logs] = [tempDir('briefing-full-disk-'), tempDir('briefing-full-disk-'), tempDir('briefing-full-disk-')];
  const script = [
    'target=$1 before=$2 after=$3 logs=$4; shift 4',
    'cp -a "$target/." "$before/"',
    'mount -t tmpfs -o size=256k tmpfs "$target"',
    'cp -a "$before/." "$target/"',
    'head -c 1000000 /dev/zero > "$target/.filler" 2>/dev/null || true',
    `"${process.execPath}" "${join(REPO, 'bin/briefing.js')}" "$@" > "$logs/stdout" 2> "$logs/stderr" || echo $? > "$logs/status"`,
    'rm -f "$target/.filler"',
    // What the command left on the full disk, on the real disk in its place.
    'cp -a "$target/." "$after/"',
    'umount "$target"',
    'find "$target" -mindepth 1 -delete',
    'cp -a "$after/." "$target/"',
  ].join('\n');
  const run = spawnSync('unshare', ['-rm', 'sh', '-ec', script, 'sh', target, before, after, logs, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (run.status !== 0) throw new Error(`the full disk could not be made: ${run.stderr}`);
  const read = (name: string) => (existsSync(join(logs, name)) ? readFileSync(join(logs, name), 'utf8') : '');
  return { status: Number(read('status').trim() || 0), stdout: read('stdout'), stderr: read('stderr') };
}
