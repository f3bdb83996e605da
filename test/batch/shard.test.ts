import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectMeetings } from '../../src/batch/select.js';
import { parseShard } from '../../src/batch/shard.js';
import { projectPath } from '../../src/load/files.js';
import { loadProject } from '../../src/load/project.js';
import { UsageError } from '../../src/diagnostics/errors.js';
import { projectWithMeetings } from '../helpers/meetings.js';
import { exampleFile, runCli, writeFile } from '../helpers/project.js';

const EXAMPLE = ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'] as const;
const MEETINGS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].map((name) => `meetings/${name}.yaml`);

describe('--shard', () => {
  it('1/3, 2/3 and 3/3 together build every meeting exactly once', () => {
    const dir = projectWithMeetings(
      Object.fromEntries(
        MEETINGS.map((path, n) => [path, { fileCode: `M${n + 1}`, positions: EXAMPLE }]),
      ),
    );
    const every = [...MEETINGS, 'meetings/2021-02-19-educ-informal.yaml'].sort();
    const built: string[][] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const run = runCli(['build', '--all', '--shard', shard, '--format', 'md', '--json'], dir);
      expect(run.status).toBe(0);
      const report: unknown = JSON.parse(run.stdout);
      built.push(builtMeetings(report));
    }
    expect(built.flat().sort()).toEqual(every);
    expect(built.every((part) => part.length < every.length)).toBe(true);
  });

  it('1/1 (a CI matrix of one job) builds every meeting', () => {
    const dir = projectWithMeetings(Object.fromEntries(MEETINGS.slice(0, 2).map((path, n) => [path, { fileCode: `M${n + 1}`, positions: EXAMPLE }])));
    const run = runCli(['build', '--all', '--shard', '1/1', '--format', 'md', '--json'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(builtMeetings(JSON.parse(run.stdout))).toEqual(['meetings/2021-02-19-educ-informal.yaml', 'meetings/m1.yaml', 'meetings/m2.yaml']);
    expect(existsSync(join(dir, 'out/M2.md'))).toBe(true);
  });

  it('keeps each meeting in its shard when meetings are added, so a CI job’s cache still fits', () => {
    const dir = projectWithMeetings(Object.fromEntries(MEETINGS.map((path, n) => [path, { fileCode: `M${n + 1}`, positions: EXAMPLE }])));
    const shards = () =>
      [1, 2, 3].map((index) => {
        const project = loadProject(dir);
        return selectMeetings(project, dir, { inputs: [], all: true, shard: { index, count: 3 } }).paths.map((path) => projectPath(dir, path));
      });
    const before = shards();
    for (let n = 8; n <= 12; n++) writeFile(dir, `meetings/m${n}.yaml`, exampleFile('meetings/2021-02-19-educ-informal.yaml').replace(/^file_code: .*$/m, `file_code: M${n}`));
    const after = shards();
    before.forEach((part, index) => expect(after[index]).toEqual(expect.arrayContaining(part)));
    expect(after.flat()).toHaveLength(13);
  });

  it('reads i/n and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '1/2/3']) expect(() => parseShard(bad)).toThrow(UsageError);
  });

  it('is a usage error (exit 2) on the command line when malformed', () => {
    const run = runCli(['build', '--all', '--shard', '4/3'], projectWithMeetings({}));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Cannot read the shard `4/3`.');
  });

  it('with --json (and check --format json) a run that cannot start still prints its one JSON object, exit 2, so the report file is not empty', () => {
    const dir = projectWithMeetings({});
    const usage = (message: string, hint: string | null) => ({ file: '(command line)', line: null, column: null, severity: 'error', ruleId: 'input/usage', message, hint });
    const shard = runCli(['build', '--all', '--json', '--shard', '4/3'], dir);
    expect(shard.status).toBe(2);
    expect(JSON.parse(shard.stdout)).toEqual({
      version: 1,
      summary: { built: 0, unchanged: 0, failed: 0 },
      exitCode: 2,
      threads: 0,
      meetings: [],
      messages: [usage('Cannot read the shard `4/3`.', 'Write it as i/n with 1 ≤ i ≤ n, e.g. --shard 2/4.')],
    });
    const flag = runCli(['build', '--all', '--json', '--bogus'], dir);
    expect(flag.status).toBe(2);
    expect(JSON.parse(flag.stdout)).toMatchObject({ exitCode: 2, messages: [usage("unknown option '--bogus'", 'See briefing build --help.')] });
    const check = runCli(['check', '--format', 'json', '--bogus'], dir);
    expect(check.status).toBe(2);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: false, exitCode: 2, diagnostics: [usage("unknown option '--bogus'", 'See briefing check --help.')] });
    // Without JSON asked for, stdout stays empty.
    expect(runCli(['build', '--all', '--shard', '4/3'], dir).stdout).toBe('');
  });

  it('refuses an empty --out, --template or -C (a CI variable unset), which built into the default folder, with each meeting\'s own template, here, without a word', () => {
    const dir = projectWithMeetings({});
    for (const [args, flag, what] of [
      [['build', '--all', '--json', '--out', ''], '--out', 'a folder'],
      [['build', '--all', '--json', '--template', ''], '--template', 'a template name (see `briefing templates`)'],
      [['-C', '', 'build', '--all', '--json'], '--cwd', 'a folder'],
    ] as const) {
      const run = runCli(args, dir);
      expect(run.status, flag).toBe(2);
      expect(JSON.parse(run.stdout)).toMatchObject({ exitCode: 2, meetings: [], messages: [{ ruleId: 'input/usage', message: `${flag} was given an empty value.`, hint: `Give ${what}, or drop ${flag}.` }] });
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('finds the command after -C <folder> even when the folder is named like a command, so the JSON of a run that cannot start is still printed', () => {
    const dir = projectWithMeetings({});
    // `-C reports build`: the folder's name is a plain word, as a command's is.
    const parent = mkdtempSync(join(tmpdir(), 'briefing-parent-'));
    symlinkSync(dir, join(parent, 'reports'));
    const build = runCli(['-C', 'reports', 'build', '--all', '--json', '--jobs', '0'], parent);
    expect(build.status).toBe(2);
    expect(JSON.parse(build.stdout)).toMatchObject({ exitCode: 2, meetings: [], messages: [{ ruleId: 'input/usage', message: '--jobs needs a whole number of threads, at least 1, not `0`.' }] });
    const check = runCli(['--cwd', 'reports', 'check', '--format', 'json', '--bogus'], parent);
    expect(check.status).toBe(2);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: false, exitCode: 2, diagnostics: [{ ruleId: 'input/usage', message: "unknown option '--bogus'" }] });
  });
});

function builtMeetings(report: unknown): string[] {
  if (typeof report !== 'object' || report === null || !('meetings' in report) || !Array.isArray(report.meetings)) return [];
  return report.meetings.flatMap((m: unknown) =>
    typeof m === 'object' && m !== null && 'status' in m && m.status === 'built' && 'meeting' in m && typeof m.meeting === 'string' ? [m.meeting] : [],
  );
}
