import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { clear } from '../../src/commands/clear.js';
import { projectWords } from '../../src/completion/project-words.js';
import { diff } from '../../src/commands/diff.js';
import { newPosition } from '../../src/commands/new.js';
import { review } from '../../src/commands/review.js';
import { watchBuild, type Watcher, type WatchEvent } from '../../src/watch/watch-build.js';
import { initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

/** Every position file parsed, by path: the work a command that uses one position should not do for all of them. */
const parsed: string[] = [];
/** Every meeting file parsed, by path. */
const meetingsParsed: string[] = [];
vi.mock('../../src/load/yaml.js', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('../../src/load/yaml.js')>();
  return {
    ...yaml,
    parseYaml: (path: string, ...rest: Parameters<typeof yaml.parseYaml> extends [string, ...infer R] ? R : never) => {
      if (path.startsWith('positions/')) parsed.push(path);
      if (path.startsWith('meetings/')) meetingsParsed.push(path);
      return yaml.parseYaml(path, ...rest);
    },
  };
});

const EXTRA = 20;

/** The watch a test started, stopped when it has built. */
let stop: Watcher | undefined;

/** The example project with twenty more positions, built once, so the build's cache knows every position's id. */
async function builtProject(): Promise<string> {
  const text = exampleFile('positions/educ/equity-reforms.yaml');
  const extra = Object.fromEntries(Array.from({ length: EXTRA }, (_, n) => [`positions/extra/extra-${n}.yaml`, text.replace('id: equity-reforms', `id: extra-${n}`)]));
  const dir = exampleProject(extra);
  const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], formats: ['md', 'docx'], final: false, jobs: 1 });
  expect(built.exitCode).toBe(0);
  return dir;
}

/** How many position files were parsed since the last call. */
function parses(): number {
  const count = parsed.length;
  parsed.length = 0;
  return count;
}

beforeEach(() => {
  parsed.length = 0;
  meetingsParsed.length = 0;
});

describe('a command that uses one position, after a build', () => {
  it('clear parses that position, not every one to learn its id', async () => {
    const dir = await builtProject();
    parses();
    const result = clear({ cwd: dir, position: 'equity-reforms', ministry: 'AM', date: '2021-02-16', status: 'cleared' });
    expect(result.written).toBe(true);
    expect(readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8')).toContain('date: 2021-02-16');
    // The position, the file as read under the lock and as edited: none of the twenty others (23 parses before).
    expect(parses()).toBeLessThanOrEqual(3);
  });

  it('new position learns the ids in use from the build, and still refuses one in use', async () => {
    const dir = await builtProject();
    parses();
    await expect(newPosition({ cwd: dir, id: 'extra-3', flags: { question: 'Q', clearances: ['AM'] } })).rejects.toThrow('already exists');
    // The ids come from the build's cache: at most the file that claims the id is read (23 parses before).
    expect(parses()).toBeLessThanOrEqual(1);
  });

  it('review of the built report parses the positions it prints', async () => {
    const dir = await builtProject();
    parses();
    const result = review({ cwd: dir, docx: 'out/IZMzin_190221_EDUC.docx', accept: false, cleared: false, rebase: false, today: '2021-02-18' });
    expect(result.exitCode).toBe(0);
    // The report's three positions (23 before).
    expect(parses()).toBeLessThanOrEqual(3);
  });

  it('diff of a meeting since its build parses the positions it compares', async () => {
    const dir = await builtProject();
    initRepository(dir);
    parses();
    const result = await diff({ cwd: dir, files: [EXAMPLE_MEETING], since: 'out/IZMzin_190221_EDUC.manifest.json', format: 'md', stat: true, whitespace: false, colour: false });
    expect(result.exitCode).toBe(0);
    // The report's three positions, now and as the build read them (26 parses before).
    expect(parses()).toBeLessThanOrEqual(6);
  });

  it('build --watch builds first from the positions the meeting uses, not every one to learn its id', async () => {
    const dir = await builtProject();
    parses();
    const built = new Promise<WatchEvent>((done) => {
      void watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md', 'docx'], debounceMs: 150, onEvent: done }).then((watcher) => {
        stop = watcher;
      });
    });
    const event = await built;
    await stop?.close();
    expect(event).toMatchObject({ kind: 'build', run: 1, result: { status: 'built', diagnostics: [] } });
    // The report's three positions (23 parses before: 10 s at the start of a watch in a repository of 5,000 positions).
    expect(parses()).toBeLessThanOrEqual(3);
  });

  it('completing a position id on the command line parses no position', async () => {
    const dir = await builtProject();
    parses();
    expect(projectWords(dir, 'position-ids')).toContain('extra-19');
    // 23 parses before.
    expect(parses()).toBe(0);
  });

  it('clear and new position parse the meetings that name the position, not every meeting of the repository', async () => {
    // Ten more meetings, each asking the example's questions of positions of its own.
    const meeting = exampleFile(EXAMPLE_MEETING);
    const others = Object.fromEntries(
      Array.from({ length: 10 }, (_, n) => [`meetings/2021-03-${String(n + 10)}-other.yaml`, meeting.replaceAll(/position: (equity-[a-z-]+)/g, `position: $1-${n}`).replace(/file_code: .*/, `file_code: OTHER${n}`)]),
    );
    const dir = exampleProject(others);
    meetingsParsed.length = 0;
    const cleared = clear({ cwd: dir, position: 'equity-reforms', ministry: 'AM', date: '2021-02-25', status: 'cleared' });
    expect(cleared.written).toBe(true);
    // Still told about the meeting that uses it: dated after the meeting of 19 February.
    expect(cleared.diagnostics.map((d) => d.ruleId)).toContain('clearance/after-meeting');
    expect(meetingsParsed).toEqual([EXAMPLE_MEETING]);
    meetingsParsed.length = 0;
    await newPosition({ cwd: dir, id: 'equity-reforms-3', dir: 'educ', flags: {} });
    expect(meetingsParsed).toEqual(['meetings/2021-03-13-other.yaml']);
    // Its question and the ministries to clear it come from that meeting.
    const written = readFileSync(join(dir, 'positions/educ/equity-reforms-3.yaml'), 'utf8');
    expect(written).toContain('Kādi pasākumi un reformas ir nepieciešami');
    expect(written).toMatch(/LM:/);
    // check of the example meeting reads no other meeting: none has its file code.
    meetingsParsed.length = 0;
    expect((await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false })).diagnostics.filter((d) => d.ruleId === 'meeting/duplicate-file-code')).toEqual([]);
    expect(meetingsParsed).toEqual([EXAMPLE_MEETING]);
  });

  it('check of one position parses that position and no meeting; a second file claiming its id is still said, checked alone', async () => {
    const dir = await builtProject();
    parses();
    meetingsParsed.length = 0;
    const one = await check({ cwd: dir, paths: ['positions/extra/extra-7.yaml'], final: false });
    expect(one.exitCode).toBe(0);
    expect(one.checked.positions).toEqual(['positions/extra/extra-7.yaml']);
    // The file itself (23 positions and the meeting before).
    expect(parsed).toEqual(['positions/extra/extra-7.yaml']);
    expect(meetingsParsed).toEqual([]);
    // A copy under another name claims the same id, and comes first by path: the original checked alone is the second.
    writeFileSync(join(dir, 'positions/extra/extra-7-copy.yaml'), readFileSync(join(dir, 'positions/extra/extra-7.yaml')));
    const again = await check({ cwd: dir, paths: ['positions/extra/extra-7.yaml'], final: false });
    expect(again.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual([
      'positions/extra/extra-7.yaml position/duplicate-id The position id `extra-7` is already used by positions/extra/extra-7-copy.yaml.',
    ]);
  });
});

describe('a first build, whose cache knows no position id', () => {
  it('parses a long position the meeting uses once, held from the scan that learnt its id; a short one is parsed again where it is used', async () => {
    const text = exampleFile('positions/educ/equity-reforms.yaml');
    const body = /^body: \|\n((?: {2}.*\n|\n)+)/m.exec(text)?.[1] ?? '';
    // About 300 KB, past the length from which the scan's parse is held (256 KiB).
    const long = text.replace(/^body: \|\n(?: {2}.*\n|\n)+/m, `body: |\n${`${body}\n`.repeat(Math.ceil(300_000 / body.length))}`);
    expect(long.length).toBeGreaterThan(256 * 1024);
    const dir = exampleProject({ 'positions/educ/equity-reforms.yaml': long });
    parses();
    const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], formats: ['md'], final: false, jobs: 1 });
    expect(built.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8').split('Latvijas rīcību turpmākajos gados').length - 1).toBe(Math.ceil(300_000 / body.length));
    const times = (path: string) => parsed.filter((one) => one === path).length;
    expect(times('positions/educ/equity-reforms.yaml')).toBe(1);
    expect(times('positions/educ/equity-achievements.yaml')).toBe(2);
  });
});
