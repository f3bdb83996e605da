import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { commitAll, initRepository } from '../helpers/git.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const POSITION = 'positions/educ/equity-reforms.yaml';

/** The example project, its report built with `formats`, then a position's text changed (so the next build rebuilds it). */
async function builtThenChanged(formats: ('md' | 'docx')[]): Promise<string> {
  const dir = exampleProject();
  expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], out: 'out', final: false, formats })).exitCode).toBe(0);
  const text = readFileSync(join(dir, POSITION), 'utf8');
  writeFileSync(join(dir, POSITION), text.replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajā laikā vispirms paredzēts:'));
  return dir;
}

test('a file an earlier build of the report wrote and this one does not is removed, and the build says so', async () => {
  const dir = await builtThenChanged(['md', 'docx']);
  const run = runCli(['build', EXAMPLE_MEETING, '--format', 'md'], dir);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`; removed ${DOCX} (an earlier build's, which this one did not write: name every format you want kept with --format)`);
  expect(existsSync(join(dir, DOCX))).toBe(false);
  const manifest = JSON.parse(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8')) as { outputs: { name: string }[] };
  expect(manifest.outputs.map((o) => o.name)).toEqual(['IZMzin_190221_EDUC.md']);
});

test('such a file changed since that build (someone edited it) is left alone, and the build says it is out of date', async () => {
  const dir = await builtThenChanged(['md', 'docx']);
  writeFileSync(join(dir, DOCX), 'edited by hand');
  const run = runCli(['build', EXAMPLE_MEETING, '--format', 'md'], dir);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`; ${DOCX} is an earlier build's, out of date, and was changed since or is held open: left as it is`);
  expect(readFileSync(join(dir, DOCX), 'utf8')).toBe('edited by hand');
});

test('after the meeting’s file code changes, the files of its last build under the old code are removed, unless changed since or another meeting’s now', () => {
  const renamed = (dir: string, code: string) =>
    writeFileSync(join(dir, EXAMPLE_MEETING), readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace(/^file_code: .*$/m, `file_code: ${code}`));
  const dir = exampleProject();
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  renamed(dir, 'IZMzin_190221_EDUC2');
  const run = runCli(['build', EXAMPLE_MEETING], dir);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain("; removed out/IZMzin_190221_EDUC.md, out/IZMzin_190221_EDUC.docx, out/IZMzin_190221_EDUC.manifest.json (an earlier build's, under the file code the meeting had then)");
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC2.docx', 'IZMzin_190221_EDUC2.manifest.json', 'IZMzin_190221_EDUC2.md']);

  // A file of the old build someone edited stays, and is named.
  renamed(dir, 'IZMzin_190221_EDUC3');
  writeFileSync(join(dir, 'out/IZMzin_190221_EDUC2.md'), 'labots ar roku');
  const edited = runCli(['build', EXAMPLE_MEETING], dir);
  expect(edited.stdout).toContain('out/IZMzin_190221_EDUC2.md is an earlier build');
  expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC2.md'), 'utf8')).toBe('labots ar roku');

  // The old code taken over by another meeting, built first: its files are that meeting's now, and stay.
  const other = exampleProject();
  expect(runCli(['build', EXAMPLE_MEETING], other).status).toBe(0);
  renamed(other, 'IZMzin_190221_EDUC2');
  writeFileSync(join(other, 'meetings/2021-02-20-other.yaml'), readFileSync(join(other, EXAMPLE_MEETING), 'utf8').replace(/^file_code: .*$/m, 'file_code: IZMzin_190221_EDUC'));
  expect(runCli(['build', 'meetings/2021-02-20-other.yaml'], other).status).toBe(0);
  expect(runCli(['build', EXAMPLE_MEETING], other).stdout).not.toContain('removed');
  expect(JSON.parse(readFileSync(join(other, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8'))).toMatchObject({ meeting: { path: 'meetings/2021-02-20-other.yaml' } });
  expect(existsSync(join(other, 'out/IZMzin_190221_EDUC.docx'))).toBe(true);

  // Built into another folder: the old folder is not touched.
  const elsewhere = exampleProject();
  expect(runCli(['build', EXAMPLE_MEETING], elsewhere).status).toBe(0);
  renamed(elsewhere, 'IZMzin_190221_EDUC2');
  expect(runCli(['build', EXAMPLE_MEETING, '--out', 'elsewhere'], elsewhere).status).toBe(0);
  expect(existsSync(join(elsewhere, 'out/IZMzin_190221_EDUC.docx'))).toBe(true);
});

test('the config’s output folder written with a slash at its end (`output: out/`) is the same folder: a new file code removes the old code’s files', () => {
  const dir = exampleProject();
  writeFileSync(join(dir, 'briefing.config.yaml'), readFileSync(join(dir, 'briefing.config.yaml'), 'utf8').replace(/^output: .*$/m, 'output: out/'));
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  writeFileSync(join(dir, EXAMPLE_MEETING), readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace(/^file_code: .*$/m, 'file_code: IZMzin_190221_EDUC2'));
  const run = runCli(['build', EXAMPLE_MEETING], dir);
  expect(run.stdout).toContain("; removed out/IZMzin_190221_EDUC.md, out/IZMzin_190221_EDUC.docx, out/IZMzin_190221_EDUC.manifest.json (an earlier build's, under the file code the meeting had then)");
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC2.docx', 'IZMzin_190221_EDUC2.manifest.json', 'IZMzin_190221_EDUC2.md']);
});

test('after the meeting’s file code changes, its English note built with --template under the old code is removed too, the same way; one of another meeting now stays', () => {
  const dir = exampleProject();
  initRepository(dir);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  expect(runCli(['build', EXAMPLE_MEETING, '--template', 'informative-report.en'], dir).status).toBe(0);
  writeFileSync(join(dir, EXAMPLE_MEETING), readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace(/^file_code: .*$/m, 'file_code: IZMzin_190221_EDUC2'));
  commitAll(dir, 'New file code');
  const run = runCli(['build', EXAMPLE_MEETING], dir);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain(
    "; removed out/IZMzin_190221_EDUC.md, out/IZMzin_190221_EDUC.docx, out/IZMzin_190221_EDUC.manifest.json, out/IZMzin_190221_EDUC.informative-report.en.md, out/IZMzin_190221_EDUC.informative-report.en.docx, out/IZMzin_190221_EDUC.informative-report.en.manifest.json (an earlier build's, under the file code the meeting had then)",
  );
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC2.docx', 'IZMzin_190221_EDUC2.manifest.json', 'IZMzin_190221_EDUC2.md']);
  // The English note built again takes the new code.
  expect(runCli(['build', EXAMPLE_MEETING, '--template', 'informative-report.en'], dir).status).toBe(0);
  expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC2.informative-report.en.docx'))).toBe(true);

  // The old code's English note built since for another meeting that took the code: that meeting's, left as it is.
  const other = exampleProject();
  initRepository(other);
  expect(runCli(['build', EXAMPLE_MEETING, '--template', 'informative-report.en'], other).status).toBe(0);
  writeFileSync(join(other, EXAMPLE_MEETING), readFileSync(join(other, EXAMPLE_MEETING), 'utf8').replace(/^file_code: .*$/m, 'file_code: IZMzin_190221_EDUC2'));
  writeFileSync(join(other, 'meetings/2021-02-20-other.yaml'), readFileSync(join(other, EXAMPLE_MEETING), 'utf8').replace(/^file_code: .*$/m, 'file_code: IZMzin_190221_EDUC'));
  commitAll(other, 'Another meeting with the old code');
  expect(runCli(['build', 'meetings/2021-02-20-other.yaml', '--template', 'informative-report.en'], other).status).toBe(0);
  expect(runCli(['build', EXAMPLE_MEETING], other).stdout).not.toContain('removed');
  expect(existsSync(join(other, 'out/IZMzin_190221_EDUC.informative-report.en.docx'))).toBe(true);
});
