import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, test, vi } from 'vitest';
import { EDIT_ADVICE, OutputError, SIDE_FILE_AGE_MS, sweepInterrupted, writeAtomic, type WriteAdvice } from '../../src/emit/write.js';
import { EXAMPLE_MEETING, exampleProject, REPO, runCli, tempDir } from '../helpers/project.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, writeFileSync: vi.fn(actual.writeFileSync), renameSync: vi.fn(actual.renameSync), accessSync: vi.fn(actual.accessSync) };
});
const real = await vi.importActual<typeof import('node:fs')>('node:fs');

/** What writeAtomic of 'new' over `target` throws (undefined when it writes). */
function writeFailure(target: string): unknown {
  try {
    writeAtomic(target, 'new', 'out/report.docx');
  } catch (error) {
    return error;
  }
  return undefined;
}

function systemError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('writeAtomic', () => {
  test.skipIf(process.platform === 'win32')('a named pipe (or a device) where the file should be is refused and left as it is, not replaced by a file', async () => {
    const { execFileSync, spawnSync } = await import('node:child_process');
    const dir = tempDir();
    const target = join(dir, 'review.md');
    execFileSync('mkfifo', [target]);
    const thrown = (() => {
      try {
        writeAtomic(target, 'the diff', 'review.md');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(OutputError);
    expect(thrown).toMatchObject({ message: 'review.md: a named pipe stands there, not a file: writing would replace it with one.', hint: 'Write to a file: choose another name or folder with --out.' });
    expect(real.statSync(target).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['review.md']);
    // Through the CLI as a reviewer would meet it: `diff --out` naming the pipe, exit 2.
    const cli = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'diff', join(REPO, 'test/fixtures/diff/one-word/before.yaml'), join(REPO, 'test/fixtures/diff/one-word/after.yaml'), '--out', target], { cwd: REPO, encoding: 'utf8' });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('a named pipe stands there, not a file');
    expect(real.statSync(target).isFIFO()).toBe(true);
  });

  test.skipIf(process.platform === 'win32' || !fs.existsSync('/dev/null'))('a link to a device where the file should be is refused as a device, and the link left as it is', () => {
    const dir = tempDir();
    const target = join(dir, 'review.md');
    real.symlinkSync('/dev/null', target);
    expect(writeFailure(target)).toMatchObject({ message: 'out/report.docx: a device stands there, not a file: writing would replace it with one.' });
    expect(real.readlinkSync(target)).toBe('/dev/null');
    expect(readdirSync(dir)).toEqual(['review.md']);
  });

  test.skipIf(process.platform === 'win32')('a symbolic link where the file should be is refused and left a link, with what it points to unchanged: a rename would put a file in its place', () => {
    const dir = tempDir();
    const synced = join(tempDir(), 'report.docx');
    real.writeFileSync(synced, 'the synced copy');
    const target = join(dir, 'report.docx');
    real.symlinkSync(synced, target);
    expect(writeFailure(target)).toMatchObject({
      message: `out/report.docx: it is a symbolic link (to ${synced}): writing would replace the link with a file, and leave what it points to as it was.`,
      hint: `Remove the link, then build again; or write where it points, with --out (its folder is ${join(synced, '..')}).`,
    });
    expect(real.readlinkSync(target)).toBe(synced);
    expect(readFileSync(synced, 'utf8')).toBe('the synced copy');
    expect(readdirSync(dir)).toEqual(['report.docx']);
    // A link to nothing yet, given relative to its folder, is refused too (and named by where it leads), not written through.
    real.symlinkSync('../elsewhere/notes.md', join(dir, 'notes.md'));
    expect(writeFailure(join(dir, 'notes.md'))).toMatchObject({ message: `out/report.docx: it is a symbolic link (to ${join(dir, '../elsewhere/notes.md')}): writing would replace the link with a file, and leave what it points to as it was.` });
    expect(real.existsSync(join(dir, '../elsewhere'))).toBe(false);
    // A command that edits in place has no --out to offer.
    expect(() => writeAtomic(target, 'new', 'positions/x.yaml', EDIT_ADVICE)).toThrow(expect.objectContaining({ hint: 'Remove the link, then run the command again.' }));
    // Through the CLI, as a desk officer who linked the report into a synced folder meets it: exit 2, and neither file of the set written.
    const project = exampleProject();
    const built = runCli(['build', EXAMPLE_MEETING, '--format', 'md,docx'], project);
    expect(built.status, built.stderr).toBe(0);
    const docx = join(project, 'out/IZMzin_190221_EDUC.docx');
    const markdown = readFileSync(join(project, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    real.renameSync(docx, synced);
    real.symlinkSync(synced, docx);
    real.writeFileSync(join(project, 'positions/educ/equity-reforms.yaml'), readFileSync(join(project, 'positions/educ/equity-reforms.yaml'), 'utf8').replace('Latvija', 'Latvija arī'));
    const again = runCli(['build', EXAMPLE_MEETING, '--format', 'md,docx'], project);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`out/IZMzin_190221_EDUC.docx  error  It is a symbolic link (to ${synced}): writing would replace the link with a file`);
    expect(real.lstatSync(docx).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(project, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toBe(markdown);
  });

  test('a write that fails halfway leaves the previous file whole and no temporary file behind', () => {
    const dir = tempDir();
    const target = join(dir, 'report.docx');
    real.writeFileSync(target, 'the previous, good report');
    vi.mocked(fs.writeFileSync).mockImplementationOnce((path, data) => {
      real.writeFileSync(path, String(data).slice(0, 5)); // some bytes reach the disk, then it fills up
      throw systemError('ENOSPC');
    });
    expect(() => writeAtomic(target, 'the new report, much longer than the old one', 'out/report.docx')).toThrow(OutputError);
    expect(readFileSync(target, 'utf8')).toBe('the previous, good report');
    expect(readdirSync(dir)).toEqual(['report.docx']);
  });

  test('a file held open by another program (EBUSY; EPERM on Windows) gets a one-line message naming it and what to do', () => {
    const dir = tempDir();
    const target = join(dir, 'report.docx');
    real.writeFileSync(target, 'old');
    for (const code of process.platform === 'win32' ? ['EBUSY', 'EPERM'] : ['EBUSY']) {
      vi.mocked(fs.renameSync).mockImplementationOnce(() => {
        throw systemError(code);
      });
      const caught = writeFailure(target);
      expect(caught).toBeInstanceOf(OutputError);
      expect(caught instanceof OutputError && caught.message).toBe('out/report.docx: cannot replace the file; another program holds it open.');
      expect(caught instanceof OutputError && caught.hint).toBe('Close it (e.g. in Word) and build again.');
      expect(readFileSync(target, 'utf8')).toBe('old');
      expect(readdirSync(dir)).toEqual(['report.docx']);
    }
  });

  // Another user's file in a shared folder with the sticky bit: the rename says EPERM, and the user was told to close Word (server run).
  test.skipIf(process.platform === 'win32')('a rename refused with EPERM outside Windows is said to be refused, not taken for a file held open', () => {
    const dir = tempDir();
    const target = join(dir, 'report.docx');
    real.writeFileSync(target, 'old');
    vi.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw systemError('EPERM');
    });
    const caught = writeFailure(target);
    expect(caught instanceof OutputError && [caught.message, caught.hint, caught.code]).toEqual([
      'out/report.docx: the system does not let you replace the file (EPERM): most often it is another user’s, in a shared folder that lets only a file’s owner replace it (the sticky bit, as /tmp has), or, on a Mac, in a folder the terminal has not been given access to (Privacy & Security).',
      'Choose another folder with --out, or ask the file’s owner to remove it.',
      'EPERM',
    ]);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.docx']);
  });

  test.skipIf(process.platform === 'win32')('a file locked against changes (chattr +i; Locked in the Finder) is named so and left as it is, not taken for one Word holds open', () => {
    const dir = tempDir();
    const target = join(dir, 'report.docx');
    real.writeFileSync(target, 'the report as sent');
    // What access(2) says of such a file, to root too; the rename would fail with EPERM, which Windows says of a file held open.
    vi.mocked(fs.accessSync).mockImplementationOnce(() => {
      throw systemError('EPERM');
    });
    const caught = writeFailure(target);
    expect(caught).toBeInstanceOf(OutputError);
    expect(caught instanceof OutputError && [caught.message, caught.hint, caught.code]).toEqual([
      'out/report.docx: the file is locked against changes; it is left as it is.',
      'Unlock it if it is to be replaced (chattr -i; on a Mac, untick Locked in its Get Info), then build again.',
      'EPERM',
    ]);
    expect(readFileSync(target, 'utf8')).toBe('the report as sent');
    expect(readdirSync(dir)).toEqual(['report.docx']);
  });

  // A position that clear or review --accept could not write was told to 'choose another folder with --out', a flag they do not have.
  test('the hint speaks the words of the command that wrote: --out only where the command has it', () => {
    const dir = tempDir();
    const folder = join(dir, 'report.md');
    fs.mkdirSync(folder);
    const blocked = join(dir, 'blocked');
    real.writeFileSync(blocked, 'a file');
    const hints = (advice?: WriteAdvice) =>
      [folder, join(blocked, 'x.yaml')].map((target) => {
        try {
          writeAtomic(target, 'text', 'shown', advice);
        } catch (error) {
          return error instanceof OutputError ? error.hint : String(error);
        }
        return 'written';
      });
    expect(hints()).toEqual(['Move or remove that folder, or choose another folder with --out.', 'Choose another folder with --out.']);
    expect(hints(EDIT_ADVICE)).toEqual(['Move or remove that folder.', 'Move or rename that file, then run the command again.']);
    expect(hints({ again: 'run reference-docx again', elsewhere: 'with -o' })).toEqual(['Move or remove that folder, or choose another folder with -o.', 'Choose another folder with -o.']);
    for (const code of ['EBUSY', 'ENOSPC']) {
      vi.mocked(fs.renameSync).mockImplementationOnce(() => {
        throw systemError(code);
      });
      expect(hints(EDIT_ADVICE)[0]).toBe(code === 'EBUSY' ? 'Close it (e.g. in Word) and run the command again.' : 'Free some space and run the command again.');
    }
  });

  test('a process killed while writing leaves either the old file or the new one, never a part', async () => {
    const dir = tempDir();
    const script = join(dir, 'writer.mjs');
    // The real writeAtomic, bundled for a separate process that can be killed.
    buildSync({ entryPoints: [join(REPO, 'src/emit/write.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'write.mjs'), logLevel: 'silent' });
    writeFileSync(
      script,
      `import { writeAtomic } from './write.mjs';
const size = 16 * 1024 * 1024;
const a = new Uint8Array(size).fill(65), b = new Uint8Array(size).fill(66);
process.stdout.write('ready\\n');
for (let i = 0; ; i++) writeAtomic(process.argv[2], i % 2 ? a : b, 'target');
`,
    );
    const target = join(dir, 'out', 'report.docx');
    fs.mkdirSync(join(dir, 'out'));
    real.writeFileSync(target, new Uint8Array(16 * 1024 * 1024).fill(65));
    for (const delay of [0, 5, 25, 60]) {
      const child = spawn(process.execPath, [script, target], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const bytes = readFileSync(target);
      expect(bytes.length).toBe(16 * 1024 * 1024);
      const first = bytes[0];
      expect(first === 65 || first === 66).toBe(true);
      expect(bytes.every((byte) => byte === first)).toBe(true);
    }
    // What the killed writers left on the side goes with the next sweep (the next build), and only that.
    const left = () => readdirSync(join(dir, 'out')).filter((name) => name !== 'report.docx');
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    const others = [`.report.docx.${alive.pid ?? 0}.0badc0de.old`, '.report.docx.notes.old', 'report.docx.12.0badc0de.tmp'];
    for (const name of others) real.writeFileSync(join(dir, 'out', name), '');
    const ended = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => ended.once('exit', resolve));
    real.writeFileSync(join(dir, 'out', `.report.docx.${ended.pid ?? 0}.0badc0de.old`), '');
    // Named with this process's own id: no write of this process is under way while it sweeps (both are synchronous, on its
    // one writing thread), so it is what another process with the same id left, a build in a container started the same
    // way, its out/ restored from a CI cache: kept, it stayed for good, each run of that job having the same id.
    real.writeFileSync(join(dir, 'out', `.report.docx.${process.pid}.0badc0de.tmp`), '');
    const stale = left().filter((name) => !others.includes(name));
    expect(stale).toEqual(expect.arrayContaining([`.report.docx.${ended.pid ?? 0}.0badc0de.old`, `.report.docx.${process.pid}.0badc0de.tmp`]));
    // Written a moment ago they are left: another machine's build may be writing them into a shared folder.
    expect(sweepInterrupted(join(dir, 'out'))).toEqual([]);
    const old = new Date(Date.now() - 2 * SIDE_FILE_AGE_MS);
    for (const name of [...stale, ...others]) fs.utimesSync(join(dir, 'out', name), old, old);
    expect(sweepInterrupted(join(dir, 'out')).sort()).toEqual(stale.sort());
    expect(left().sort()).toEqual([...others].sort());
    alive.kill();
  });

  test('a folder that cannot be listed has nothing to sweep', () => {
    expect(sweepInterrupted(join(tempDir(), 'none'))).toEqual([]);
  });
});
