import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleProject, REPO, runCli, tempDir } from './helpers/project.js';

const { commandOf } = createRequire(import.meta.url)('../bin/load.cjs');
const bundleHash: unknown = JSON.parse(readFileSync(join(REPO, 'dist/build.json'), 'utf8')).cli;
const CHECKED = /^Checked 1 meeting, 3 positions: no problems\.\n$/;

function cacheFiles(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

describe('the code cache of the installed command (bin/load.cjs)', () => {
  it('is written after the first run of a command, under the bundle’s hash and the Node.js that made it, and used as it is by the next', () => {
    const cache = tempDir();
    const project = exampleProject();
    const first = runCli(['check'], project, { BRIEFING_CODE_CACHE: cache });
    expect(first).toMatchObject({ status: 0, stderr: '' });
    expect(first.stdout).toMatch(CHECKED);
    const name = `cli-${String(bundleHash)}-${process.version}-${process.arch}-check.bin`;
    expect(cacheFiles(cache)).toEqual([name]);
    const written = statSync(join(cache, name));
    expect(written.size).toBeGreaterThan(100_000); // the compiled functions of a whole check, not only the top level

    const second = runCli(['check'], project, { BRIEFING_CODE_CACHE: cache });
    expect(second).toEqual(first);
    expect(statSync(join(cache, name)).mtimeMs).toBe(written.mtimeMs);
  });

  it('is replaced when V8 refuses it (damaged), and the command runs all the same; other builds’ caches go when two weeks old', () => {
    const cache = tempDir();
    const project = exampleProject();
    const name = `cli-${String(bundleHash)}-${process.version}-${process.arch}-check.bin`;
    writeFileSync(join(cache, name), 'not a code cache'.repeat(100));
    const old = `cli-0000000000000000-${process.version}-${process.arch}-check.bin`;
    const inUse = `cli-1111111111111111-${process.version}-${process.arch}-check.bin`;
    const worker = `worker-2222222222222222-${process.version}-${process.arch}-worker.bin`;
    for (const other of [old, inUse, worker]) writeFileSync(join(cache, other), 'another build');
    const longAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000);
    for (const other of [old, worker]) utimesSync(join(cache, other), longAgo, longAgo);
    const run = runCli(['check'], project, { BRIEFING_CODE_CACHE: cache });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(CHECKED);
    expect(statSync(join(cache, name)).size).toBeGreaterThan(100_000);
    // The other bundle's cache is the worker's business; another build in use keeps its own.
    expect(cacheFiles(cache)).toEqual([inUse, name, worker].sort());
  });

  // A power cut soon after a first run (the file is not flushed before its rename) can leave it at its length with a block of
  // zeros in it, which V8, checking no sum of its data outside a debug build, ran: every later command died in V8 (SIGSEGV or
  // "Fatal error", exit 139 or 133), until the user found and removed the cache folder.
  it('is replaced when a block of it reads as zeros (a power cut after it was written): the command runs all the same', () => {
    const cache = tempDir();
    const project = exampleProject();
    const name = `cli-${String(bundleHash)}-${process.version}-${process.arch}-check.bin`;
    const first = runCli(['check'], project, { BRIEFING_CODE_CACHE: cache });
    expect(first.stdout).toMatch(CHECKED);
    const whole = readFileSync(join(cache, name));
    // A block in the middle, and the last one (the sum's line with it).
    for (const block of [Math.floor(whole.length / 2 / 4096) * 4096, whole.length - 4096]) {
      const bytes = Buffer.from(whole);
      bytes.fill(0, block, block + 4096);
      writeFileSync(join(cache, name), bytes);
      expect(runCli(['check'], project, { BRIEFING_CODE_CACHE: cache })).toEqual(first);
      // Written anew: the next command starts from a whole cache.
      expect(readFileSync(join(cache, name)).equals(bytes)).toBe(false);
      expect(runCli(['check'], project, { BRIEFING_CODE_CACHE: cache })).toEqual(first);
    }
  });

  it('keeps the caches of the eight newest other builds, not of every build ever run (a day of rebuilds left a gigabyte)', () => {
    const cache = tempDir();
    const project = exampleProject();
    const others = Array.from({ length: 10 }, (_, n) => `cli-${String(n).padStart(16, 'a')}-${process.version}-${process.arch}-check.bin`);
    others.forEach((other, n) => {
      writeFileSync(join(cache, other), 'another build');
      const when = new Date(Date.now() - (n + 1) * 60_000);
      utimesSync(join(cache, other), when, when);
    });
    const worker = `worker-2222222222222222-${process.version}-${process.arch}-worker.bin`;
    writeFileSync(join(cache, worker), 'another bundle');
    expect(runCli(['check'], project, { BRIEFING_CODE_CACHE: cache }).status).toBe(0);
    const name = `cli-${String(bundleHash)}-${process.version}-${process.arch}-check.bin`;
    // The two oldest builds went; the other bundle's cache is the worker's business.
    expect(cacheFiles(cache)).toEqual([...others.slice(0, 8), name, worker].sort());
  });

  it('after a run that found problems (exit 1) is a partial cache, which the next clean run replaces with a full one', () => {
    const cache = tempDir();
    const project = exampleProject();
    const base = `cli-${String(bundleHash)}-${process.version}-${process.arch}-check`;
    const broken = join(project, 'meetings/2021-02-19-educ-informal.yaml');
    const text = readFileSync(broken, 'utf8');
    writeFileSync(broken, text.replace('kind: informal', 'kind: casual'));
    expect(runCli(['check'], project, { BRIEFING_CODE_CACHE: cache }).status).toBe(1);
    expect(cacheFiles(cache)).toEqual([`${base}.partial.bin`]);
    const partial = statSync(join(cache, `${base}.partial.bin`));
    // Another run with problems keeps it as it is.
    expect(runCli(['check'], project, { BRIEFING_CODE_CACHE: cache }).status).toBe(1);
    expect(statSync(join(cache, `${base}.partial.bin`)).mtimeMs).toBe(partial.mtimeMs);

    writeFileSync(broken, text);
    expect(runCli(['check'], project, { BRIEFING_CODE_CACHE: cache }).stdout).toMatch(CHECKED);
    expect(cacheFiles(cache)).toEqual([`${base}.bin`]);
    // The clean run compiled more than the one that stopped at the problem, and its cache holds it.
    expect(statSync(join(cache, `${base}.bin`)).size).toBeGreaterThan(partial.size);
    const full = statSync(join(cache, `${base}.bin`));
    expect(runCli(['check'], project, { BRIEFING_CODE_CACHE: cache }).stdout).toMatch(CHECKED);
    expect(statSync(join(cache, `${base}.bin`)).mtimeMs).toBe(full.mtimeMs);
  });

  // A desk officer's first `check` is often of a project with nothing in it yet: its cache lacked the code that reads
  // meetings and positions, and every later check compiled that again (284 ms against 328 of CPU for the example).
  it('made by a run that did less (a check of a project with no meetings yet) is made again by the first run that does more, once', () => {
    const cache = tempDir();
    const project = exampleProject();
    const name = `cli-${String(bundleHash)}-${process.version}-${process.arch}-check.bin`;
    const empty = tempDir();
    writeFileSync(join(empty, 'briefing.config.yaml'), readFileSync(join(project, 'briefing.config.yaml')));
    expect(runCli(['check'], empty, { BRIEFING_CODE_CACHE: cache }).stdout).toMatch(/^Checked 0 meetings, 0 positions: no problems\.\n$/);
    const small = statSync(join(cache, name));

    expect(runCli(['check'], project, { BRIEFING_CODE_CACHE: cache }).stdout).toMatch(CHECKED);
    expect(cacheFiles(cache)).toEqual([name]);
    const grown = statSync(join(cache, name));
    expect(grown.size).toBeGreaterThan(small.size + 100_000);

    // Neither the same work again nor less makes it again.
    expect(runCli(['check'], project, { BRIEFING_CODE_CACHE: cache }).stdout).toMatch(CHECKED);
    expect(runCli(['check'], empty, { BRIEFING_CODE_CACHE: cache }).status).toBe(0);
    expect(statSync(join(cache, name)).mtimeMs).toBe(grown.mtimeMs);
  });

  // A batch on worker threads builds the DOCX there: the main thread's cache, labelled with the DOCX, lacked its code for good.
  it('of a build names only the work done on the main thread: a batch on worker threads leaves the DOCX to the next build that makes one here', () => {
    const cache = tempDir();
    const project = exampleProject();
    const meeting = readFileSync(join(project, 'meetings/2021-02-19-educ-informal.yaml'), 'utf8');
    // Enough meetings for two threads (MEETINGS_PER_THREAD each).
    for (const day of [20, 21, 22, 23, 24, 25, 26]) writeFileSync(join(project, `meetings/2021-02-${day}-educ-informal.yaml`), meeting.replace('date: 2021-02-19', `date: 2021-02-${day}`).replace('IZMzin_190221_EDUC', `IZMzin_${day}0221_EDUC`));
    const name = `cli-${String(bundleHash)}-${process.version}-${process.arch}-build.bin`;
    const header = () => readFileSync(join(cache, name)).subarray(0, 64).toString('latin1').split('\n')[0];
    const batch = runCli(['build', '--all', '--jobs', '2', '--json'], project, { BRIEFING_CODE_CACHE: cache });
    expect(JSON.parse(batch.stdout).threads).toBe(2);
    expect(header()).toBe('briefing-code-cache ');
    const one = runCli(['build', 'meetings/2021-02-19-educ-informal.yaml', '--force'], project, { BRIEFING_CODE_CACHE: cache });
    expect(one.status, one.stderr).toBe(0);
    expect(header()).toBe('briefing-code-cache .docx,.json,.md');
  });

  // An install of an earlier briefing beside this one shares the worker's cache when the worker bundle is the same: it
  // writes V8's data alone, which this one would refuse and write again, and so on in turn.
  it('takes a cache of V8’s data alone, as an earlier briefing writes it, without writing it again', () => {
    const cache = tempDir();
    const project = exampleProject();
    const name = `cli-${String(bundleHash)}-${process.version}-${process.arch}-list.bin`;
    const listed = runCli(['list'], project, { BRIEFING_CODE_CACHE: cache });
    expect(listed.status, listed.stderr).toBe(0);
    const bytes = readFileSync(join(cache, name));
    expect(bytes.subarray(0, 21).toString('latin1')).toBe('briefing-code-cache \n');
    writeFileSync(join(cache, name), bytes.subarray(21));
    const earlier = statSync(join(cache, name));
    expect(runCli(['list'], project, { BRIEFING_CODE_CACHE: cache })).toEqual(listed);
    expect(statSync(join(cache, name)).mtimeMs).toBe(earlier.mtimeMs);
  });

  it('is not written after a run that could not start the command (exit 2), nor when turned off', () => {
    const cache = tempDir();
    expect(runCli(['check', '--no-such-flag'], exampleProject(), { BRIEFING_CODE_CACHE: cache }).status).toBe(2);
    expect(cacheFiles(cache)).toEqual([]);
    const off = runCli(['check'], exampleProject(), { BRIEFING_CODE_CACHE: 'off', HOME: cache, XDG_CACHE_HOME: cache });
    expect(off.stdout).toMatch(CHECKED);
    expect(cacheFiles(cache)).toEqual([]);
  });

  it('is only left out where it cannot be written (the folder is a file): the command runs as ever', () => {
    const notAFolder = join(tempDir(), 'file');
    writeFileSync(notAFolder, 'in the way');
    const run = runCli(['check'], exampleProject(), { BRIEFING_CODE_CACHE: notAFolder });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(CHECKED);
    expect(readFileSync(notAFolder, 'utf8')).toBe('in the way');
  });

  // On a full disk the part written stayed, under a name no run removes, and every run left another: the first one took
  // the last megabyte, so the user's editor could no longer save.
  it('that cannot be written whole (a full disk, a quota) leaves no part of it behind: the command runs as ever', () => {
    const cache = tempDir();
    // A file size limit of 200 KiB: the write fails part-way with EFBIG, as on a disk that fills up during it.
    const run = spawnSync('sh', ['-c', 'ulimit -f 200 && exec "$0" "$@"', process.execPath, join(REPO, 'bin/briefing.js'), 'check'], {
      cwd: exampleProject(),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', BRIEFING_CODE_CACHE: cache },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(CHECKED);
    expect(cacheFiles(cache)).toEqual([]);
  });

  it('is not kept in a relative folder (BRIEFING_CODE_CACHE, or XDG_CACHE_HOME, which the XDG rules say to ignore then), nor where no folder can be made (/proc): the command runs', () => {
    const dir = exampleProject();
    const relative: Record<string, string>[] = [{ BRIEFING_CODE_CACHE: 'cache/here' }, { XDG_CACHE_HOME: 'cache/here', BRIEFING_CODE_CACHE: '' }];
    for (const env of relative) {
      const run = runCli(['check'], dir, env);
      expect(run.status, run.stderr).toBe(0);
      expect(readdirSync(dir)).not.toContain('cache');
    }
    // Node's recursive mkdir never returned under /proc: the command hung.
    const proc = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'check'], { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { ...process.env, BRIEFING_CODE_CACHE: '/proc/briefing-nope' } });
    expect(proc.status, proc.stderr).toBe(0);
  });

  it('names the cache after the command, past -C and its folder', () => {
    expect(commandOf(['build', '--all'])).toBe('build');
    expect(commandOf(['-C', 'some-project', 'check', '--final'])).toBe('check');
    expect(commandOf(['--cwd', 'x', '--debug', 'diff', 'a.yaml'])).toBe('diff');
    expect(commandOf(['--help'])).toBe('main');
    expect(commandOf(['Meetings/Thing.yaml'])).toBe('main');
  });
});

describe('what a command reads besides the bundle', () => {
  it('is the launcher alone: no package of node_modules is required at run time, outside the bundle and its code cache', () => {
    const project = exampleProject();
    // fdir, under tinyglobby, required picomatch from node_modules at its start, for a glob it is never asked for: 6 ms of every command.
    for (const args of [['check'], ['build', 'meetings/2021-02-19-educ-informal.yaml', '--format', 'md'], ['list', 'meetings']]) {
      const run = runCli(args, project, { BRIEFING_SERVER: 'off', NODE_DEBUG: 'module' });
      expect(run.status, run.stderr.slice(-2000)).toBe(0);
      const loaded = [...new Set([...run.stderr.matchAll(/ load "([^"]+)"/g)].map(([, file]) => (file ?? '').slice(REPO.length + 1)))].sort();
      expect(loaded, args.join(' ')).toEqual(['bin/client.cjs', 'bin/load.cjs']);
    }
  });
});
