import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatAnnotation } from '../../src/diagnostics/annotations.js';
import { colourAsked, oneLine, useColour } from '../../src/diagnostics/human.js';
import { corpusCases, corpusProject, readGolden, type CorpusCase } from '../helpers/corpus.js';
import { exampleFile, exampleProject, REPO, runCli } from '../helpers/project.js';

const cases = new Map(corpusCases('invalid').map((c) => [c.name, c]));
function project(name: string): string {
  const found: CorpusCase | undefined = cases.get(name);
  if (!found) throw new Error(`no corpus case ${name}`);
  return corpusProject(found);
}

describe('check output', () => {
  test('on the example project: exit 0 and nothing but the summary', () => {
    const run = runCli(['check'], REPO);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Checked 1 meeting, 3 positions, \d+ templates, \d+ partials: no problems\.\n$/);
    expect(run.stderr).toBe('');
  });

  test('--format json has a stable, documented shape (golden file)', () => {
    const run = runCli(['check', '--format', 'json', '--final'], project('final-clearance-pending'));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const golden = 'test/fixtures/report/check-final.json';
    expect(run.stdout).toBe(readGolden(`${REPO}/${golden}`, run.stdout));
    const report: unknown = JSON.parse(run.stdout);
    expect(report).toMatchObject({ version: 1, ok: false, exitCode: 1, summary: { errors: 1, warnings: 1 } });
  });

  test('build prints problems exactly as check does', () => {
    const dir = project('meeting-unknown-position');
    const checked = runCli(['check'], dir);
    const built = runCli(['build', 'meetings/2021-05-17-youth.yaml'], dir);
    const problems = (text: string) => text.split('\n').filter((line) => /\s(error|warning)\s/.test(line));
    expect(problems(checked.stdout)).toHaveLength(1);
    expect(problems(built.stderr)).toEqual(problems(checked.stdout));
    expect(built.status).toBe(1);
  });
});

describe('GitHub annotations (GITHUB_ACTIONS=true)', () => {
  test('each problem is also a workflow command, with the path from the repository checkout', () => {
    const dir = project('meeting-unknown-position');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dirname(dir) };
    const run = runCli(['check'], dir, env);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toEqual([
      `::error file=${basename(dir)}/meetings/2021-05-17-youth.yaml,line=17,col=15,title=briefing meeting/unknown-position::Question 1 points to the position \`youth-participaton\`, which does not exist. Did you mean \`youth-participation\`?`,
    ]);
    const build = runCli(['build', 'meetings/2021-05-17-youth.yaml'], dir, env);
    expect(build.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual(annotations);
  });

  test('with --format json, stdout stays pure JSON and the annotations go to stderr', () => {
    const dir = project('yaml-tab-indent');
    const run = runCli(['check', '--format', 'json'], dir, { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir });
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr).toBe(
      '::error file=meetings/2021-05-17-youth.yaml,line=11,col=1,title=briefing yaml/tab::This line is indented with a tab; YAML indents with spaces only. Replace the tab with spaces, as many as the lines around it start with.\n',
    );
  });

  test.each([
    ['list', ['list']],
    ['list --json', ['list', '--json']],
    ['new', ['new', 'position', 'youth-sport', '--question', 'Sports?']],
    ['clear', ['clear', 'positions/youth/youth-organisations.yaml', '--ministry', 'AM', '--date', '2021-05-01']],
    ['diff', ['diff', 'positions/youth/youth-organisations.yaml', 'positions/youth/youth-participation.yaml']],
  ])('%s prints problems as check does, and annotates them on stderr, leaving stdout to its result', (_name, args) => {
    const dir = project('config-unknown-ministry');
    const problem =
      'briefing.config.yaml:2:19  error  The issuing ministry `IZN` is not in the ministries registry. Add it to ministries.yaml, or use one of: AM, IZM, LM, ZM.  config/unknown-ministry';
    const plain = runCli(args, dir, { GITHUB_ACTIONS: '' });
    expect(plain.stderr).toBe(`${problem}\n`);
    const annotated = runCli(args, dir, { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir });
    expect(annotated.stderr).toBe(
      `${problem}\n::error file=briefing.config.yaml,line=2,col=19,title=briefing config/unknown-ministry::The issuing ministry \`IZN\` is not in the ministries registry. Add it to ministries.yaml, or use one of: AM, IZM, LM, ZM.\n`,
    );
    expect(annotated.stdout).toBe(plain.stdout);
    expect(annotated.status).toBe(plain.status);
  });

  test('no annotations outside GitHub Actions', () => {
    const run = runCli(['check'], project('yaml-tab-indent'), { GITHUB_ACTIONS: '' });
    expect(run.stdout).not.toContain('::error');
  });

  test('workflow command syntax is escaped: newlines and % in the message, : and , in properties', () => {
    const line = formatAnnotation(
      { file: 'a,b:c.yaml', line: 2, column: 3, severity: 'warning', ruleId: 'yaml/syntax', message: '100% sure\nsecond line' },
      (file) => file,
    );
    expect(line).toBe('::warning file=a%2Cb%3Ac.yaml,line=2,col=3,title=briefing yaml/syntax::100%25 sure%0Asecond line');
    const noFile = formatAnnotation({ file: 'meetings/*.yaml', severity: 'error', ruleId: 'input/no-match', message: 'No file matches.' }, () => undefined);
    expect(noFile).toBe('::error title=briefing input/no-match::meetings/*.yaml: No file matches.');
  });
});

describe('colour', () => {
  test('only on a terminal, never with NO_COLOR set to something or TERM=dumb; an empty NO_COLOR is unset', () => {
    expect(useColour(true, {})).toBe(true);
    expect(useColour(false, {})).toBe(false);
    expect(useColour(undefined, {})).toBe(false);
    expect(useColour(true, { NO_COLOR: '' })).toBe(true);
    expect(useColour(false, { NO_COLOR: '' })).toBe(false);
    expect(useColour(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColour(true, { NO_COLOR: '0' })).toBe(false);
    expect(useColour(true, { TERM: 'dumb' })).toBe(false);
  });

  test('FORCE_COLOR decides when set: 0 or false none, even on a terminal; any other value colours a pipe too; NO_COLOR still wins', () => {
    expect(useColour(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(useColour(true, { FORCE_COLOR: 'false' })).toBe(false);
    for (const value of ['1', '2', '3', 'true', '']) expect(useColour(false, { FORCE_COLOR: value }), value).toBe(true);
    expect(useColour(false, { FORCE_COLOR: '1', TERM: 'dumb' })).toBe(true);
    expect(useColour(true, { FORCE_COLOR: '3', NO_COLOR: '1' })).toBe(false);
    expect(useColour(true, { FORCE_COLOR: '0' }, colourAsked(['check', '--color']))).toBe(true);
    expect(useColour(false, { FORCE_COLOR: '1' }, colourAsked(['check', '--no-color']))).toBe(false);
  });

  test('--color and --no-color override the terminal and NO_COLOR; the last one before `--` counts', () => {
    expect(useColour(false, {}, colourAsked(['check', '--color']))).toBe(true);
    expect(useColour(true, { NO_COLOR: '1' }, colourAsked(['--color', 'check']))).toBe(true);
    expect(useColour(true, {}, colourAsked(['check', '--no-color']))).toBe(false);
    expect(useColour(true, {}, colourAsked(['--no-color', 'check', '--color']))).toBe(true);
    expect(colourAsked(['new', 'position', '--', '--no-color'])).toBeUndefined();
    expect(useColour(true, {}, colourAsked(['check']))).toBe(true);
  });

  test('the command line: --color paints a piped report, --no-color does not', () => {
    const dir = exampleProject({ 'positions/bad.yaml': 'id: bad\n' });
    const painted = runCli(['check', '--color'], dir);
    expect(painted.status).toBe(1);
    expect(painted.stdout).toContain('\u001b[31merror\u001b[39m');
    const plain = runCli(['--no-color', 'check'], dir);
    expect(plain.status).toBe(1);
    expect(plain.stdout).toContain('positions/bad.yaml:1:1  error  Missing required field `version`');
    expect(plain.stdout).not.toContain('\u001b[');
  });
});

describe('a value with a line break in a message', () => {
  test('stays on its line, escaped: a CI log never gets a line of its own that a file wrote (`::error`, `::add-mask::`)', () => {
    expect(oneLine('IZM\n::error file=x::evil\r\u0007')).toBe('IZM\\n::error file=x::evil\\r\\u0007');
    const dir = exampleProject({ 'meetings/2021-02-19-educ-informal.yaml': exampleFile('meetings/2021-02-19-educ-informal.yaml').replace(/^file_code: .*$/m, 'file_code: "IZM\\n::error file=x::evil, a:b"') });
    const run = runCli(['check'], dir, { GITHUB_ACTIONS: 'true' });
    expect(run.status).toBe(1);
    const lines = `${run.stdout}${run.stderr}`.split('\n');
    expect(lines.filter((line) => line.startsWith('::')).map((line) => line.slice(0, 61))).toEqual(['::error file=meetings/2021-02-19-educ-informal.yaml,line=102,']);
    expect(lines.find((line) => line.includes('schema/format') && !line.startsWith('::'))).toContain('"IZM\\n::error file=x::evil, a:b"');
  });

  test('a file name with a line break starts no line of its own either: build lines, the summary, clear, templates', () => {
    const name = 'meetings/2021-02-19-x\n::error::INJ.yaml';
    const dir = exampleProject({ [name]: exampleFile('meetings/2021-02-19-educ-informal.yaml').replace(/^file_code: .*$/m, '') });
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'a\n::error::INJ2.md.hbs'), '{{meeting.topic}}\n');
    const runs = [runCli(['build', '--all', '--format', 'md'], dir, { GITHUB_ACTIONS: 'true' }), runCli(['templates'], dir, { GITHUB_ACTIONS: 'true' })];
    for (const run of runs) {
      const injected = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /^\s*::error::INJ/.test(line));
      expect(injected).toEqual([]);
    }
    expect(runs[0]?.stderr).toContain('2021-02-19-x\\n::error::INJ.yaml');
  });
});

describe('internal errors', () => {
  /** Runs the CLI with a preload that breaks JSON.stringify, standing in for a bug in the tool. */
  function withBug(args: string[]) {
    const bug = 'data:text/javascript,JSON.stringify = () => { throw new Error("simulated bug"); };';
    return spawnSync(process.execPath, ['--import', bug, join(REPO, 'bin/briefing.js'), ...args], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
  }

  test('print one line and a pointer to --debug, exit 2; --debug adds the stack', () => {
    const run = withBug(['check', '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('briefing: internal error: simulated bug\n  Run with --debug for the stack trace, and report it as a bug.\n');
    const debug = withBug(['check', '--format', 'json', '--debug']);
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/^briefing: internal error: simulated bug\nError: simulated bug\n\s+at /);
  });
});
