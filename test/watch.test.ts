import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, test, vi } from 'vitest';
import { OutputError, writeAtomic } from '../src/emit/write.js';
import { debounce } from '../src/watch/debounce.js';
import { watchBuild, type WatchEvent, type Watcher } from '../src/watch/watch-build.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, writeFile } from './helpers/project.js';

describe('debounce', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands over a burst of changes once, each path once', () => {
    vi.useFakeTimers();
    const flushed: string[][] = [];
    const burst = debounce(200, (paths) => flushed.push(paths));
    burst.add('b.yaml');
    vi.advanceTimersByTime(150);
    burst.add('a.yaml');
    vi.advanceTimersByTime(150);
    burst.add('b.yaml');
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(flushed).toEqual([['a.yaml', 'b.yaml']]);
    burst.add('c.yaml');
    vi.advanceTimersByTime(200);
    expect(flushed).toEqual([['a.yaml', 'b.yaml'], ['c.yaml']]);
  });

  it('forgets what is pending when cancelled', () => {
    vi.useFakeTimers();
    const flushed: string[][] = [];
    const burst = debounce(100, (paths) => flushed.push(paths));
    burst.add('a.yaml');
    burst.cancel();
    vi.advanceTimersByTime(500);
    expect(flushed).toEqual([]);
  });
});

/** Collects watch events; `next()` waits for the next one. */
function recorder() {
  const events: WatchEvent[] = [];
  const waiting: ((event: WatchEvent) => void)[] = [];
  return {
    events,
    onEvent(event: WatchEvent) {
      events.push(event);
      waiting.shift()?.(event);
    },
    next(): Promise<WatchEvent> {
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('build --watch', () => {
  let watcher: Watcher | undefined;
  afterEach(async () => {
    await watcher?.close();
    watcher = undefined;
  });

  it('rebuilds once per burst of changes, reports a broken save and recovers from it', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    const initial = await first;
    expect(initial).toMatchObject({ kind: 'build', run: 1, changed: [], result: { status: 'built', outputs: ['out/IZMzin_190221_EDUC.md', 'out/IZMzin_190221_EDUC.manifest.json'] } });
    const output = join(dir, 'out/IZMzin_190221_EDUC.md');

    // An editor saving three times in a row, plus a file the meeting does not use.
    const rebuilt = log.next();
    const meeting = exampleFile(EXAMPLE_MEETING);
    for (const topic of ['Pirmā', 'Otrā', 'Trešā tēma']) writeFile(dir, EXAMPLE_MEETING, meeting.replace(/^topic: .*$/m, `topic: ${topic}`));
    writeFile(dir, 'positions/unused.yaml', 'id: unused\n');
    expect(await rebuilt).toMatchObject({ kind: 'build', run: 2, changed: [EXAMPLE_MEETING], result: { status: 'built' } });
    await quiet(600);
    expect(log.events).toHaveLength(2);
    expect(readFileSync(output, 'utf8')).toContain('par tēmu “Trešā tēma”');

    // A half-typed position: reported, nothing written, still watching.
    const broken = log.next();
    const position = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, position, `${exampleFile(position)}  - "not closed\n`);
    const failed = await broken;
    expect(failed).toMatchObject({ kind: 'build', run: 3, changed: [position], result: { status: 'failed', outputs: [] } });
    expect(failed.kind === 'build' && failed.result.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual([`${position} yaml/syntax`]);
    expect(readFileSync(output, 'utf8')).toContain('par tēmu “Trešā tēma”');

    const fixed = log.next();
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 160 skolām'));
    expect(await fixed).toMatchObject({ kind: 'build', run: 4, result: { status: 'built' } });
    expect(readFileSync(output, 'utf8')).toContain('vēl 160 skolām');
  });

  it('started in a subfolder, still sees a change to a position outside it', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: join(dir, 'meetings'), meeting: '2021-02-19-educ-informal.yaml', final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
    const rebuilt = log.next();
    const position = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 170 skolām'));
    expect(await rebuilt).toMatchObject({ kind: 'build', run: 2, changed: [position], result: { status: 'built' } });
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('vēl 170 skolām');
  });

  it('writes next to a DOCX that Word holds open, and says so', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    const heldByWord: typeof writeAtomic = (target, data, shown) => {
      if (target.endsWith('IZMzin_190221_EDUC.docx')) throw new OutputError(shown, 'held open', 'Close it.', 'EBUSY');
      writeAtomic(target, data, shown);
    };
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md', 'docx'], write: heldByWord, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({
      result: {
        status: 'built',
        outputs: ['out/IZMzin_190221_EDUC.md', 'out/IZMzin_190221_EDUC.new.docx', 'out/IZMzin_190221_EDUC.manifest.json'],
        heldOpen: [{ target: 'out/IZMzin_190221_EDUC.docx', writtenTo: 'out/IZMzin_190221_EDUC.new.docx' }],
      },
    });
    expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.new.docx'))).toBe(true);
    expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).toBe(false);
  });

  it('waits for a meeting file that is missing instead of exiting', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: 'meetings/none.yaml', final: false, formats: ['md'], debounceMs: 100, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'error', message: 'meetings/none.yaml: no such file.' });
    const second = log.next();
    writeFile(dir, 'meetings/none.yaml', exampleFile(EXAMPLE_MEETING));
    expect(await second).toMatchObject({ kind: 'build', changed: ['meetings/none.yaml'], result: { status: 'built' } });
  });

  it('runs from the command line until Ctrl-C, printing each rebuild', async () => {
    const dir = exampleProject();
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--watch', '--format', 'md'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    const seen = (text: string, times = 1) =>
      new Promise<void>((resolve) => {
        const check = () => stdout.split(text).length - 1 >= times && resolve();
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          check();
        });
        check();
      });
    await seen('Watching for changes');
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('time: "10.00"', 'time: "11.00"'));
    await seen('built  ', 2);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stdout).toMatch(/^\[\d\d:\d\d:\d\d\] changed: meetings\/2021-02-19-educ-informal\.yaml$/m);
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('plkst.\u00A011.00');
  });
});

test('--watch with --json (or --all, --shard) is a usage error, not a watch that ignores the flag', () => {
  const dir = exampleProject();
  for (const [flag, ...rest] of [['--json'], ['--all'], ['--shard', '1/2']]) {
    // With a time limit: the old behaviour was to start watching and never return.
    const run = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--watch', flag ?? '', ...rest], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`--watch cannot be combined with ${flag ?? ''}.`);
  }
});

test('--watch of a position, a README or a file outside the project is refused as build refuses it (exit 1), not watched for good', () => {
  const dir = exampleProject({ 'README.md': '# Briefings\n' });
  const cases = [
    ['positions/educ/equity-reforms.yaml', 'positions/educ/equity-reforms.yaml  error  This is a position, not a meeting: build takes meeting files.'],
    ['README.md', 'README.md  error  This is not a briefing file: build takes meeting files (.yaml).'],
    [join(REPO, 'package.json'), 'error  This file is outside the project folder'],
  ];
  for (const [file, message] of cases) {
    // With a time limit: the old behaviour was to start watching and never return.
    const run = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', file ?? '', '--watch'], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  }
});
