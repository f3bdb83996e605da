import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODES_COUNT, openFolders, runAsUser } from '../helpers/other-user.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir, writeFile } from '../helpers/project.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const MARKDOWN = 'out/IZMzin_190221_EDUC.md';
const POSITION = 'positions/educ/equity-reforms.yaml';

// In a folder the user may write, a rename replaces any file: a read-only one was replaced all the same.
describe.skipIf(!MODES_COUNT)('a read-only file in a folder that can be written', () => {
  it('is not replaced by build, which writes none of the report then (exit 2), nor by clear', () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    openFolders(dir);
    // The report as sent, kept read-only; then a position changes.
    chmodSync(join(dir, DOCX), 0o444);
    const [docx, markdown] = [readFileSync(join(dir, DOCX)), readFileSync(join(dir, MARKDOWN), 'utf8')];
    writeFile(dir, POSITION, exampleFile(POSITION).replace('vēl 150 skolām', 'vēl 170 skolām'));
    chmodSync(join(dir, POSITION), 0o666);
    const built = runAsUser(['build', EXAMPLE_MEETING], dir);
    expect(built.status, built.out).toBe(2);
    expect(built.out).toContain(`${DOCX}  error  The file is read-only (or not yours to write); it is left as it is. Make it writable (chmod u+w) if it is to be replaced, then build again.  output/write`);
    expect(readFileSync(join(dir, DOCX))).toEqual(docx);
    expect(readFileSync(join(dir, MARKDOWN), 'utf8')).toBe(markdown);

    chmodSync(join(dir, POSITION), 0o444);
    const before = readFileSync(join(dir, POSITION), 'utf8');
    const cleared = runAsUser(['clear', POSITION, '--ministry', 'AM', '--date', '2021-02-18'], dir);
    expect(cleared.status, cleared.out).toBe(2);
    expect(cleared.out).toContain(`${POSITION}  error  The file is read-only (or not yours to write); it is left as it is. Make it writable (chmod u+w) if it is to be replaced, then run the command again.`);
    expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(before);
  });
});

// A folder where a report's file goes is not the user's to write when another user made it (a CI job run as root in a shared workspace).
describe.skipIf(!MODES_COUNT)('another user’s folder where a report’s file should be', () => {
  it('is said to be a folder, not a read-only file to chmod, and none of the report is written (exit 2)', () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    openFolders(dir);
    const markdown = readFileSync(join(dir, MARKDOWN), 'utf8');
    rmSync(join(dir, DOCX));
    mkdirSync(join(dir, DOCX), { mode: 0o755 });
    writeFile(dir, POSITION, exampleFile(POSITION).replace('vēl 150 skolām', 'vēl 170 skolām'));
    chmodSync(join(dir, POSITION), 0o666);
    const built = runAsUser(['build', EXAMPLE_MEETING], dir);
    expect(built.status, built.out).toBe(2);
    expect(built.out).toContain(`${DOCX}  error  A folder stands where this file should be. Move or remove that folder, or choose another folder with --out.  output/write`);
    expect(built.out).not.toContain('chmod');
    expect(readFileSync(join(dir, MARKDOWN), 'utf8')).toBe(markdown);
  });
});

describe.skipIf(!MODES_COUNT)('a position in a folder that cannot be written', () => {
  it('clear says so on the position, not as an absolute path of its lock file with a system code (exit 2)', () => {
    const dir = exampleProject();
    openFolders(dir);
    chmodSync(join(dir, 'positions/educ'), 0o555);
    const before = readFileSync(join(dir, POSITION), 'utf8');
    const cleared = runAsUser(['clear', POSITION, '--ministry', 'AM', '--date', '2021-02-18'], dir);
    expect(cleared.status, cleared.out).toBe(2);
    expect(cleared.out).toContain(`briefing: ${POSITION}: cannot be edited, as its folder cannot be written (its lock file, .equity-reforms.yaml.lock, cannot be made there); nothing written.`);
    expect(cleared.out).not.toContain(dir);
    expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(before);
  });
});

describe.skipIf(process.platform === 'win32')('a file written again', () => {
  it('keeps its permissions: a private position stays private after clear, a report a group shares stays shared after build', () => {
    const dir = exampleProject();
    chmodSync(join(dir, POSITION), 0o600);
    expect(runCli(['clear', POSITION, '--ministry', 'AM', '--date', '2021-02-18'], dir).status).toBe(0);
    expect(statSync(join(dir, POSITION)).mode & 0o777).toBe(0o600);
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    chmodSync(join(dir, MARKDOWN), 0o660);
    writeFile(dir, POSITION, readFileSync(join(dir, POSITION), 'utf8').replace('vēl 150 skolām', 'vēl 170 skolām'));
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    expect(readFileSync(join(dir, MARKDOWN), 'utf8')).toContain('vēl 170 skolām');
    expect(statSync(join(dir, MARKDOWN)).mode & 0o777).toBe(0o660);
  });
});

/** Whether a folder can be mounted read-only for a command (`unshare -rm`, as for the full disk of test/helpers/full-disk.ts). */
const READ_ONLY_DISK = spawnSync('unshare', ['-rm', 'sh', '-ec', 'mount -t tmpfs -o ro,size=64k tmpfs "$1"', 'sh', tempDir('briefing-read-only-probe-')]).status === 0;

describe.skipIf(!READ_ONLY_DISK)('an output folder on a disk mounted read-only', () => {
  it('build says the disk is read-only, not that permissions are to be fixed (which no chmod can), and writes nothing (exit 2)', () => {
    const dir = exampleProject();
    mkdirSync(join(dir, 'out'));
    const run = spawnSync('unshare', ['-rm', 'sh', '-ec', 'mount -t tmpfs -o ro,size=64k tmpfs "$1/out"; shift; exec "$@"', 'sh', dir, process.execPath, join(REPO, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--format', 'md,docx'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^out\/IZMzin_190221_EDUC\.\w+ {2}error {2}The disk it is on is mounted read-only \(a read-only share, a CD, a snapshot\): nothing can be written there\. Choose another folder with --out, or have the disk mounted for writing\. {2}output\/write$/m);
    expect(run.stderr).not.toContain('permissions');
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});

describe.skipIf(!READ_ONLY_DISK)('a positions folder on a disk mounted read-only', () => {
  /** Runs briefing with the project's positions folder mounted read-only (a bind mount of itself). */
  const onReadOnlyPositions = (dir: string, args: string[]) =>
    spawnSync('unshare', ['-rm', 'sh', '-ec', 'mount --bind "$1/positions" "$1/positions"; mount -o remount,bind,ro "$1/positions"; shift; exec "$@"', 'sh', dir, process.execPath, join(REPO, 'bin/briefing.js'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'off' },
    });

  it('new position and clear say the disk is read-only, as build does, not that permissions are to be fixed (exit 2, nothing written)', () => {
    const dir = exampleProject();
    const before = readFileSync(join(dir, POSITION), 'utf8');
    const created = onReadOnlyPositions(dir, ['new', 'position', 'educ-new', '--dir', 'educ', '--question', 'Digitālās prasmes']);
    expect(created.status, created.stderr).toBe(2);
    expect(created.stderr).toContain(
      'briefing: positions/educ/educ-new.yaml cannot be written: the disk it is on is mounted read-only (a read-only share, a CD, a snapshot); nothing written.\n  Have the disk mounted for writing (or work on a copy elsewhere), then run the command again.',
    );
    const cleared = onReadOnlyPositions(dir, ['clear', POSITION, '--ministry', 'AM', '--date', '2021-02-18']);
    expect(cleared.status, cleared.stderr).toBe(2);
    expect(cleared.stderr).toContain(
      `briefing: ${POSITION}: cannot be edited, as the disk it is on is mounted read-only (a read-only share, a CD, a snapshot): not even its lock file, .equity-reforms.yaml.lock, can be made there; nothing written.\n  Have the disk mounted for writing (or work on a copy elsewhere), then run the command again.`,
    );
    for (const run of [created, cleared]) expect(run.stderr).not.toContain('permissions');
    expect(readdirSync(join(dir, 'positions/educ')).sort()).toEqual(['equity-achievements.yaml', 'equity-eu-cooperation.yaml', 'equity-reforms.yaml']);
    expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(before);
  });
});
