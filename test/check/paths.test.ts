import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { CHECK_BASE } from '../helpers/corpus.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir, writeFile } from '../helpers/project.js';
import { initRepository } from '../helpers/git.js';

const MEETING = 'meetings/2021-05-17-youth.yaml';
const USED = 'positions/youth/youth-participation.yaml';
const TEMPLATE = 'templates/informative-report.lv.md.hbs';
const PARTIAL = 'templates/partials/signature.hbs';

/** The base project with three mistakes: in a used position, in an unused one, and in a partial. */
function project(): string {
  const dir = tempDir();
  cpSync(CHECK_BASE, dir, { recursive: true });
  writeFile(dir, USED, readFileSync(join(CHECK_BASE, USED), 'utf8').replace('version: 2', 'version: two'));
  writeFile(dir, 'positions/spare/unused.yaml', 'id: unused\nversion: 1\nstatus: draft\nowner: {ministry: IZM}\nquestions: [x]\nbody: y\nnotes: z\n');
  writeFile(dir, PARTIAL, '{{#if meeting.signature}}\n{{meeting.signature.name}}\n');
  return dir;
}

const files = async (dir: string, paths: string[]) => {
  const result = await check({ cwd: dir, paths, final: false });
  return result.diagnostics.map((d) => `${d.file}:${d.line ?? ''} ${d.ruleId}`);
};

describe('check [paths…]', () => {
  test('without paths: the whole project, also the position and partial no meeting reaches', async () => {
    const dir = project();
    expect(await files(dir, [])).toEqual([
      'positions/spare/unused.yaml:7 schema/unknown-key',
      `${USED}:2 schema/type`,
      `${PARTIAL}:1 template/syntax`,
    ]);
    const result = await check({ cwd: dir, paths: [], final: false });
    expect(result.checked).toEqual({
      config: 'briefing.config.yaml',
      ministries: 'ministries.yaml',
      meetings: [MEETING],
      positions: ['positions/spare/unused.yaml', 'positions/youth/youth-organisations.yaml', USED],
      templates: [TEMPLATE, PARTIAL],
    });
  });

  test('a position file: only its own problems', async () => {
    expect(await files(project(), ['positions/spare/unused.yaml'])).toEqual(['positions/spare/unused.yaml:7 schema/unknown-key']);
  });

  test('a position outside the positions folder (init’s examples/position.yaml) is checked as a position, not as a meeting', async () => {
    const dir = project();
    const position = readFileSync(join(dir, 'positions/youth/youth-organisations.yaml'), 'utf8');
    writeFile(dir, 'examples/position.yaml', position);
    writeFile(dir, 'examples/broken.yaml', position.replace(/^version: .*$/m, 'version: two'));
    const result = await check({ cwd: dir, paths: ['examples/'], final: false });
    // Its own problems only: no `schema/required` of a meeting's fields.
    expect(result.diagnostics.map((d) => `${d.file}:${d.line ?? ''} ${d.ruleId}`)).toEqual(['examples/broken.yaml:2 schema/type']);
    expect(result.checked).toMatchObject({ meetings: [], positions: ['examples/broken.yaml', 'examples/position.yaml'] });
  });

  // lint-staged (or a hook) passing every staged `*.{yaml,yml}`: init's own GitHub workflow was checked as a meeting, with a
  // dozen "Missing required field `date` in this meeting" that named no cause (found by the terminal and hooks run).
  test('a YAML file outside the meetings folder with none of a meeting’s fields (a CI workflow, another tool’s config) is named as no briefing file, not checked as a meeting', async () => {
    const dir = project();
    writeFile(dir, '.github/workflows/briefings.yml', 'name: briefings\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n');
    writeFile(dir, '.pre-commit-config.yaml', 'repos:\n  - repo: local\n');
    writeFile(dir, 'drafts/half-written.yaml', 'date: 2021-06-01\ntopic: x\n');
    const result = await check({ cwd: dir, paths: [join(dir, '.github/workflows/briefings.yml'), '.pre-commit-config.yaml', 'drafts/half-written.yaml'], final: false });
    const problems = result.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message}`);
    expect(problems.filter((p) => !p.startsWith('drafts/'))).toEqual([
      '.github/workflows/briefings.yml input/unknown-kind This YAML file is neither a meeting nor a position (it has none of a meeting’s fields, such as `date` or `questions`, and no position `id`): briefing does not check it.',
      '.pre-commit-config.yaml input/unknown-kind This YAML file is neither a meeting nor a position (it has none of a meeting’s fields, such as `date` or `questions`, and no position `id`): briefing does not check it.',
    ]);
    // One with a meeting's field is still a meeting, told what it lacks.
    expect(result.checked.meetings).toEqual(['drafts/half-written.yaml']);
    expect(problems).toContain('drafts/half-written.yaml schema/required Missing required field `questions` in this meeting.');
  });

  test('a meeting file: what build would report for it, its positions and template included', async () => {
    expect(await files(project(), [MEETING])).toEqual([`${USED}:2 schema/type`, `${PARTIAL}:1 template/syntax`]);
  });

  test('a meeting file counts the positions and project templates checked with it', async () => {
    const dir = project();
    const result = await check({ cwd: dir, paths: [MEETING], final: false });
    expect(result.checked.meetings).toEqual([MEETING]);
    // The used position whose YAML is broken counts too: its problems are reported.
    expect(result.checked.positions).toEqual(['positions/youth/youth-organisations.yaml', USED]);
    // A template that does not compile counts by the file its problem is in.
    expect(result.checked.templates).toEqual([PARTIAL]);
    writeFile(dir, PARTIAL, readFileSync(join(CHECK_BASE, PARTIAL), 'utf8'));
    expect((await check({ cwd: dir, paths: [MEETING], final: false })).checked.templates).toEqual([TEMPLATE, PARTIAL]);
  });

  test('a folder or a pattern: the files in it, each by its kind', async () => {
    expect(await files(project(), ['positions/youth'])).toEqual([`${USED}:2 schema/type`]);
    expect(await files(project(), ['templates/**/*.hbs'])).toEqual([`${PARTIAL}:1 template/syntax`]);
  });

  test('paths are relative to the folder check runs in', async () => {
    const dir = project();
    expect(await files(join(dir, 'positions'), ['spare/unused.yaml'])).toEqual(['positions/spare/unused.yaml:7 schema/unknown-key']);
  });

  test('the summary counts templates and partials apart: one template, two partials', () => {
    const dir = tempDir();
    cpSync(CHECK_BASE, dir, { recursive: true });
    writeFile(dir, 'templates/partials/closing.hbs', 'Ar cieņu\n');
    const run = runCli(['check'], dir);
    expect(run.stdout).toBe('Checked 1 meeting, 2 positions, 1 template, 2 partials: no problems.\n');
    expect(run.status).toBe(0);
  });
});

test('a meeting checked alone that shares its file code with a meeting left out is an error, as build says', async () => {
  const dir = tempDir();
  cpSync(CHECK_BASE, dir, { recursive: true });
  const text = readFileSync(join(CHECK_BASE, MEETING), 'utf8');
  writeFile(dir, 'meetings/2021-05-17-youth-copy.yaml', text);
  const result = await check({ cwd: dir, paths: ['meetings/2021-05-17-youth-copy.yaml'], final: false });
  expect(result.exitCode).toBe(1);
  expect(result.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['meetings/2021-05-17-youth-copy.yaml', 'meeting/duplicate-file-code']]);
  expect(result.diagnostics[0]?.message).toContain(`is also used by ${MEETING}`);
  // Written in other letters (the same files on Windows and macOS), and beside meetings of other codes: still said.
  writeFile(dir, 'meetings/2021-05-17-youth-copy.yaml', text.replace('file_code: IZMzin_170521_EYCS', 'file_code: izmZIN_170521_eycs'));
  writeFile(dir, 'meetings/2021-05-18-other.yaml', text.replace('file_code: IZMzin_170521_EYCS', 'file_code: IZMzin_180521_EYCS'));
  const cased = await check({ cwd: dir, paths: ['meetings/2021-05-17-youth-copy.yaml'], final: false });
  expect(cased.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual([
    `meetings/2021-05-17-youth-copy.yaml meeting/duplicate-file-code The file code \`izmZIN_170521_eycs\` is also used by ${MEETING} (as \`IZMzin_170521_EYCS\`); they would write the same files.`,
  ]);
});

test('a project with briefing installed in its node_modules: the built-in templates a meeting uses are not counted as the project\'s', () => {
  const dir = exampleProject();
  const tool = join(dir, 'node_modules/briefing');
  for (const entry of ['bin', 'dist', 'package.json', 'templates', 'schema', 'ministries.yaml']) cpSync(join(REPO, entry), join(tool, entry), { recursive: true });
  const run = runCli(['check'], dir);
  expect(run.stdout).toBe('Checked 1 meeting, 3 positions: no problems.\n');
  const json = runCli(['check', EXAMPLE_MEETING, '--format', 'json'], dir);
  expect(JSON.parse(json.stdout).checked.templates).toEqual([]);
  expect(json.status).toBe(0);
});

describe('the project folder itself named (`check .`, `build .` at its top)', () => {
  test('is the whole project, as no paths are: not refused as outside itself, nor every YAML file under it (an installed package, init’s examples)', () => {
    const dir = exampleProject();
    // What a ministry's repository holds besides its own files: the installed tool, and init's examples.
    cpSync(join(REPO, 'meetings'), join(dir, 'node_modules/briefing/meetings'), { recursive: true });
    cpSync(join(REPO, 'ministries.yaml'), join(dir, 'node_modules/briefing/ministries.yaml'));
    writeFile(dir, 'examples/meeting.yaml', exampleFile(EXAMPLE_MEETING).replace(/position: equity-/g, 'position: example-'));
    const dot = runCli(['check', '.'], dir);
    expect(dot.status, dot.stdout + dot.stderr).toBe(0);
    const none = runCli(['check'], dir);
    expect(dot.stdout + dot.stderr).toBe(none.stdout + none.stderr);
    const built = runCli(['build', '.', '--format', 'md'], dir);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toContain('1 meeting: 1 built');
    // From a folder inside, `..` names the project as well.
    expect(runCli(['build', '..', '--format', 'md'], join(dir, 'positions')).stderr).toContain('1 meeting: 0 built, 1 unchanged');
  });
});

describe('a path named from the top of the git repository, the project in a folder below it', () => {
  test('is said to be that, with the path from where check runs: a hook framework (pre-commit, lefthook) names staged files so', async () => {
    const top = tempDir();
    initRepository(top);
    cpSync(CHECK_BASE, join(top, 'eu/briefings'), { recursive: true });
    const result = await check({ cwd: join(top, 'eu/briefings'), paths: [`eu/briefings/${MEETING}`], final: false });
    expect(result.diagnostics.map((d) => [d.file, d.ruleId, d.message, d.hint])).toEqual([
      [
        `eu/briefings/${MEETING}`,
        'input/not-found',
        'No such file or folder.',
        `Paths are relative to the current folder; this one is there from the top of the git repository, as a hook framework names staged files: from here it is ${MEETING}.`,
      ],
    ]);
  });
});
