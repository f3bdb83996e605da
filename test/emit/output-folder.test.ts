import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CHECK_BASE } from '../helpers/corpus.js';
import { REPO, tempDir } from '../helpers/project.js';

/** The built CLI with a time limit: a build that hangs fails the test instead of stalling it. */
function buildWithin(cwd: string, out: string) {
  const run = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', '--all', '--out', out], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 30_000,
  });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

function project(): string {
  const dir = tempDir();
  cpSync(CHECK_BASE, dir, { recursive: true });
  return dir;
}

test('an output folder that cannot be made (under /proc) ends the build with one message, not a hang', () => {
  const run = buildWithin(project(), '/proc/briefing-out');
  expect(run.signal).toBeNull();
  expect(run.status).toBe(2);
  const shown = run.stdout + run.stderr;
  expect(shown).not.toContain('internal error');
  expect(shown).toMatch(/IZMzin_170521_EYCS\.docx {2}error {2}Its folder cannot be created here\. Choose another folder with --out\. {2}output\/write/);
  expect(shown).toContain('1 meeting: 0 built, 0 unchanged, 1 failed (meetings/2021-05-17-youth.yaml); 1 error.');
});

test('a file where an output folder should be is named, with no internal error and no stray file', () => {
  const dir = project();
  writeFileSync(join(dir, 'blocked'), 'not a folder');
  const run = buildWithin(dir, 'blocked/out');
  expect(run.status).toBe(2);
  expect(run.stdout + run.stderr).not.toContain('internal error');
  // Said once for the run, before anything is built, not once for every meeting.
  expect(run.stdout + run.stderr).toContain('blocked  error  A file stands where a folder above the output folder (blocked/out) should be; nothing was built.');
  expect(run.stdout + run.stderr).not.toContain('IZMzin_170521_EYCS');
  expect(existsSync(join(dir, 'blocked/out'))).toBe(false);
});

test('a file where the output folder itself should be is one message for the run, however many meetings there are', () => {
  const dir = project();
  writeFileSync(join(dir, 'meetings/2021-05-18-youth-copy.yaml'), readFileSync(join(dir, 'meetings/2021-05-17-youth.yaml'), 'utf8').replace(/^file_code: .*$/m, 'file_code: COPY'));
  writeFileSync(join(dir, 'out'), 'not a folder');
  const run = buildWithin(dir, 'out');
  expect(run.status).toBe(2);
  expect((run.stdout + run.stderr).match(/output\/write/g)).toHaveLength(1);
  expect(run.stdout + run.stderr).toContain('out  error  A file stands where the output folder should be; nothing was built. Choose another folder with --out, or move the file away.  output/write');
  expect(run.stdout + run.stderr).toContain('Nothing built; 1 error.');
});

test.skipIf(process.platform === 'win32')('a symbolic link that leads nowhere where the output folder should be is named with where it points, once for the run', () => {
  const dir = project();
  writeFileSync(join(dir, 'meetings/2021-05-18-youth-copy.yaml'), readFileSync(join(dir, 'meetings/2021-05-17-youth.yaml'), 'utf8').replace(/^file_code: .*$/m, 'file_code: COPY'));
  // The link to a folder removed since (or on a drive not mounted now): each meeting said its folder "cannot be created here".
  symlinkSync('reports', join(dir, 'out'));
  const run = buildWithin(dir, 'out');
  expect(run.status).toBe(2);
  expect((run.stdout + run.stderr).match(/output\/write/g)).toHaveLength(1);
  expect(run.stdout + run.stderr).toContain(
    'out  error  A symbolic link to reports, which does not exist, stands where the output folder should be; nothing was built. Make the folder it points to, remove the link (the build then makes the folder), or choose another folder with --out.  output/write',
  );
  expect(lstatSync(join(dir, 'out')).isSymbolicLink()).toBe(true);
  expect(existsSync(join(dir, 'reports'))).toBe(false);
});

test.skipIf(process.platform === 'win32')('an output folder that is a link round to itself is said to be one, not as the system code ELOOP', () => {
  const dir = project();
  symlinkSync('out', join(dir, 'out'));
  const run = buildWithin(dir, 'out');
  expect(run.status).toBe(2);
  expect(run.stdout + run.stderr).toMatch(
    /^out\/\S+ {2}error {2}A symbolic link on its way leads back to itself \(links that point at each other\), so there is no folder to write in\. Choose another folder with --out, or point the link at a folder\. {2}output\/write$/m,
  );
  expect(run.stdout + run.stderr).not.toContain('ELOOP');
});
