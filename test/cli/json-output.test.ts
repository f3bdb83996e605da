import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleProject, REPO, runCli, tempDir, writeFile } from '../helpers/project.js';

/** The one object a failed run prints on stdout, parsed: it must be JSON, whatever went wrong. */
function failureReport(args: readonly string[], cwd: string): unknown {
  const run = runCli(args, cwd);
  expect(run.status, run.stderr).toBe(2);
  return JSON.parse(run.stdout);
}

/** The report of `check --format json` for a run that could not start, with its one message. */
function couldNotRun(message: Record<string, unknown>): Record<string, unknown> {
  return { version: 1, ok: false, exitCode: 2, summary: { errors: 1, warnings: 0 }, checked: null, diagnostics: [expect.objectContaining({ severity: 'error', ...message })] };
}

describe('every command with JSON output prints the JSON report when it cannot run (exit 2)', () => {
  it('a bad argument or flag of list, templates and diff', () => {
    const dir = exampleProject();
    const usage = couldNotRun({ file: '(command line)', line: null, column: null, ruleId: 'input/usage' });
    expect(failureReport(['list', 'bogus', '--json'], dir)).toEqual(usage);
    expect(failureReport(['templates', '--json', '--bogus'], dir)).toEqual(usage);
    expect(failureReport(['diff', EXAMPLE_MEETING, '--format', 'json', '--bogus'], dir)).toEqual(usage);
    expect(failureReport(['diff', EXAMPLE_MEETING, '-fjson', '--stat', '--from'], dir)).toEqual(usage);
    expect(failureReport(['list', '--meeting', 'nope.yaml', '--json'], dir)).toEqual(couldNotRun({ ruleId: 'input/usage', message: 'No meeting file nope.yaml.' }));
  });

  it('a mistake commander finds gives the JSON the message and the hint the terminal shows, the suggestion not left in the message', () => {
    const dir = exampleProject();
    const typo = runCli(['list', '--json', '--statuss', 'draft'], dir);
    expect(typo.stderr).toBe("briefing: unknown option '--statuss'\n  Did you mean --status?\n");
    expect(JSON.parse(typo.stdout)).toEqual(couldNotRun({ ruleId: 'input/usage', message: "unknown option '--statuss'", hint: 'Did you mean --status?' }));
    expect(failureReport(['check', '--format', 'json', '--bogus'], dir)).toEqual(couldNotRun({ message: "unknown option '--bogus'", hint: 'See briefing check --help.' }));
  });

  it('outside a project', () => {
    const outside = tempDir();
    const noProject = couldNotRun({ ruleId: 'input/usage', message: expect.stringContaining('No briefing.config.yaml found') });
    expect(failureReport(['list', 'meetings', '--json'], outside)).toEqual(noProject);
    expect(failureReport(['templates', '--json'], outside)).toEqual(noProject);
    expect(failureReport(['diff', 'a.yaml', 'b.yaml', '--format=json'], outside)).toEqual(noProject);
  });

  it('diff: a file missing, or a project whose config cannot be read, is in the report with its place', () => {
    const dir = exampleProject();
    expect(failureReport(['diff', 'positions/nope.yaml', '--format', 'json'], dir)).toEqual(couldNotRun({ file: 'positions/nope.yaml', ruleId: 'input/not-found' }));
    writeFile(dir, 'briefing.config.yaml', 'paths: [oops\n');
    expect(failureReport(['diff', EXAMPLE_MEETING, 'meetings/other.yaml', '--format', 'json'], dir)).toEqual(couldNotRun({ file: 'briefing.config.yaml', line: 1, ruleId: 'yaml/syntax' }));
  });

  it('diff writing JSON to a file leaves stdout empty: the JSON was not meant for it', () => {
    const run = runCli(['diff', 'positions/nope.yaml', '--format', 'json', '--out', 'diff.json'], exampleProject());
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('without JSON asked for, stdout stays empty', () => {
    const run = runCli(['list', 'bogus'], exampleProject());
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });
});

describe('every JSON report that is an object names the version of its shape first, as check’s does', () => {
  it('build --json, diff --format json (with --stat too) and check --format json', () => {
    const dir = exampleProject();
    const other = 'positions/educ/equity-reforms.yaml';
    for (const args of [
      ['build', EXAMPLE_MEETING, '--format', 'md', '--json'],
      ['diff', other, 'positions/educ/equity-achievements.yaml', '--format', 'json'],
      ['diff', other, 'positions/educ/equity-achievements.yaml', '--format', 'json', '--stat'],
      ['check', '--format', 'json'],
    ]) {
      const run = runCli(args, dir);
      const report = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(Object.keys(report)[0], args.join(' ')).toBe('version');
      expect(report.version, args.join(' ')).toBe(1);
    }
  });
});

describe('JSON on stdout stays plain JSON', () => {
  it('with colours forced (FORCE_COLOR, --color), in success and in failure', () => {
    const dir = exampleProject();
    for (const args of [
      ['list', '--json'],
      ['list', 'meetings', '--json'],
      ['templates', '--json'],
      ['check', '--format', 'json'],
      ['build', EXAMPLE_MEETING, '--format', 'md', '--json'],
      ['diff', 'positions/educ/equity-reforms.yaml', 'positions/educ/equity-achievements.yaml', '--format', 'json'],
      ['list', 'bogus', '--json'],
      ['diff', 'positions/nope.yaml', '--format', 'json'],
    ]) {
      const run = runCli(['--color', ...args], dir, { FORCE_COLOR: '3', NO_COLOR: '' });
      expect(run.stdout, args.join(' ')).not.toContain('\u001b');
      expect(() => JSON.parse(run.stdout), args.join(' ')).not.toThrow();
    }
  });

  it('for file names with quotes, a backslash, a newline and Latvian letters, named as they are', () => {
    const text = readFileSync(join(REPO, 'positions/educ/equity-reforms.yaml'), 'utf8');
    const names = ['positions/educ/ūdens "kvalitāte".yaml', 'positions/educ/jauna\nrinda\\x.yaml'];
    const dir = exampleProject(Object.fromEntries(names.map((name, index) => [name, text.replace('id: equity-reforms', `id: copy-${index}`).replace(/^version: \d+/m, 'version: "two"')])));
    const checked = JSON.parse(runCli(['check', '--format', 'json'], dir).stdout) as { checked: { positions: string[] }; diagnostics: { file: string; line: number }[] };
    expect(checked.checked.positions).toEqual(expect.arrayContaining(names));
    expect(checked.diagnostics.filter((d) => names.includes(d.file)).map((d) => d.file)).toEqual([...names].sort());
    const listed = JSON.parse(runCli(['list', '--json'], dir).stdout) as { file: string; status: string }[];
    expect(listed.filter((row) => names.includes(row.file)).map((row) => row.status)).toEqual(['invalid', 'invalid']);
  });
});
