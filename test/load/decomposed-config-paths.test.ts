import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { spelledAsThere } from '../../src/load/letter-forms.js';
import { initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';

// A folder or file made on a Mac, or copied through a network share, may have its name written decomposed ("ņ" as "n"
// and a combining cedilla). The config's values are read composed, so the path it names was not found on Linux and in
// CI, though the name is the same to a reader and a Mac finds it: the positions folder "does not exist", a reference
// DOCX "cannot be read", and the reports went into a second output folder that looks like the one already there.

/** The example project's config with `output` and `layout.reference_docx` set, and `more` added. */
function withConfig(dir: string, { output = 'out', reference, more = '' }: { output?: string; reference?: string; more?: string }): void {
  const config = join(dir, 'briefing.config.yaml');
  const text = readFileSync(config, 'utf8')
    .replace(/^output: out$/m, `output: ${output}`)
    .replace('  # reference_docx: reference.docx', reference === undefined ? '' : `  reference_docx: ${reference}`);
  writeFileSync(config, text + more);
}

/** The project committed, a word added to a position in `positions` (the folder as on the disk), and `diff --from HEAD --stat` of the meeting. */
function diffFromCommitted(dir: string, positions: string) {
  initRepository(dir);
  const position = join(dir, positions, 'educ/equity-reforms.yaml');
  writeFileSync(position, readFileSync(position, 'utf8').replace('REACT-EU', 'REACT-EU programmas'));
  return runCli(['diff', EXAMPLE_MEETING, '--from', 'HEAD', '--stat'], dir);
}

test('a positions folder named decomposed on the disk is the one the config names composed', () => {
  const dir = exampleProject();
  renameSync(join(dir, 'positions'), join(dir, 'pozīcijas'.normalize('NFD')));
  withConfig(dir, { more: '\npaths:\n  positions: pozīcijas\n' });
  const run = runCli(['check', EXAMPLE_MEETING], dir);
  expect(run.stdout).not.toContain('config/path');
  expect(run.stdout).toContain('3 positions: no problems');
  expect(run.status).toBe(0);
});

test('the reports go into the output folder already there with its name decomposed, not into a second one beside it', () => {
  const dir = exampleProject();
  const there = 'ziņojumi'.normalize('NFD');
  mkdirSync(join(dir, there));
  withConfig(dir, { output: 'ziņojumi' });
  const run = runCli(['build', EXAMPLE_MEETING], dir);
  expect(run.status).toBe(0);
  expect(existsSync(join(dir, 'ziņojumi'))).toBe(false);
  expect(readdirSync(join(dir, there)).sort()).toEqual(['IZMzin_190221_EDUC.docx', 'IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md']);
});

test('a reference DOCX whose file name is decomposed on the disk is read', () => {
  const dir = exampleProject();
  const made = runCli(['reference-docx', '-o', 'veidne.docx'], dir);
  expect(made.status).toBe(0);
  mkdirSync(join(dir, 'stili'));
  cpSync(join(dir, 'veidne.docx'), join(dir, 'stili', 'ministrijā.docx'.normalize('NFD')));
  withConfig(dir, { reference: 'stili/ministrijā.docx' });
  const run = runCli(['check', EXAMPLE_MEETING], dir);
  expect(run.stdout).not.toContain('reference-docx-missing');
  expect(run.status).toBe(0);
});

// On a Mac (and Windows) `Reference.docx` is found by the name `reference.docx`: the build worked there and CI said
// only that the file "cannot be read", while the desk officer sees it in the folder.
test('a reference DOCX named in another case than the file is said to be there in that case', () => {
  const dir = exampleProject();
  expect(runCli(['reference-docx', '-o', 'stili/Veidne.docx'], dir).status).toBe(0);
  withConfig(dir, { reference: 'stili/veidne.docx' });
  const run = runCli(['check', EXAMPLE_MEETING], dir);
  expect(run.stdout).toContain('The reference DOCX `stili/veidne.docx` cannot be read: there is no file of that name, but `stili/Veidne.docx` is there');
  expect(run.stdout).toContain('Write the name as the file has it, `stili/Veidne.docx`');
  expect(run.status).toBe(1);
});

test('a folder under `paths` named in another case than the folder is said to be there in that case', () => {
  const dir = exampleProject();
  withConfig(dir, { more: '\npaths:\n  positions: Positions\n' });
  const run = runCli(['check', EXAMPLE_MEETING], dir);
  expect(run.stdout).toContain('`paths.positions` is `Positions`, which does not exist: `positions` is there, its name in another case');
  expect(run.status).toBe(1);
});

test('build --out typed with composed letters writes into the folder there with its name decomposed', () => {
  const dir = exampleProject();
  const there = join('izvade', 'ziņojumi'.normalize('NFD'));
  mkdirSync(join(dir, there), { recursive: true });
  const run = runCli(['build', EXAMPLE_MEETING, '--out', 'izvade/ziņojumi'], dir);
  expect(run.status).toBe(0);
  expect(readdirSync(join(dir, 'izvade'))).toEqual(['ziņojumi'.normalize('NFD')]);
  expect(readdirSync(join(dir, there)).sort()).toEqual(['IZMzin_190221_EDUC.docx', 'IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md']);
});

test('diff --out and reference-docx -o into a folder typed composed write into the one there written decomposed', () => {
  const dir = exampleProject();
  const there = 'ziņojumi'.normalize('NFD');
  mkdirSync(join(dir, there));
  expect(runCli(['diff', EXAMPLE_MEETING, EXAMPLE_MEETING, '--format', 'md', '--out', 'ziņojumi/diff.md'], dir).status).toBe(0);
  expect(runCli(['reference-docx', '-o', 'ziņojumi/veidne.docx'], dir).status).toBe(0);
  expect(readdirSync(dir).filter((name) => name.normalize('NFC') === 'ziņojumi')).toEqual([there]);
  expect(readdirSync(join(dir, there)).sort()).toEqual(['diff.md', 'veidne.docx']);
});

test('diff --from a commit whose positions folder is named decomposed reads that version as the working tree is read', () => {
  const dir = exampleProject();
  renameSync(join(dir, 'positions'), join(dir, 'pozīcijas'.normalize('NFD')));
  withConfig(dir, { more: '\npaths:\n  positions: pozīcijas\n' });
  const run = diffFromCommitted(dir, 'pozīcijas'.normalize('NFD'));
  // It said `HEAD:briefing.config.yaml … paths.positions is pozīcijas, which does not exist` and every position unknown, exit 2.
  expect(run.stderr).not.toContain('config/path');
  expect(run.stdout).toMatch(/equity-reforms +v2 +\+1 −0 words/);
  expect(run.status).toBe(1);
});

test('diff --from a commit whose reference DOCX is named decomposed reads it from that commit', () => {
  const dir = exampleProject();
  expect(runCli(['reference-docx', '-o', 'veidne.docx'], dir).status).toBe(0);
  mkdirSync(join(dir, 'stili'));
  renameSync(join(dir, 'veidne.docx'), join(dir, 'stili', 'ministrijā.docx'.normalize('NFD')));
  withConfig(dir, { reference: 'stili/ministrijā.docx' });
  const run = diffFromCommitted(dir, 'positions');
  // It said `HEAD:briefing.config.yaml:…  error  The reference DOCX \`stili/ministrijā.docx\` cannot be read`, exit 2.
  expect(run.stderr).not.toContain('reference-docx-missing');
  expect(run.stdout).toMatch(/equity-reforms +v2 +\+1 −0 words/);
  expect(run.status).toBe(1);
});

test('a path not there that has no letter written two ways is not looked for: no folder is listed for it', () => {
  // `ministries.yaml` and `templates/` are often absent: each cost a listing of the project's folder, at a commit a git process.
  const listed: string[] = [];
  const files = { kind: () => undefined, names: (folder: string) => {
      listed.push(folder);
      return ['Ministries.yaml', 'pozi\u0304cijas'];
    },
  };
  expect(spelledAsThere(files, 'ministries.yaml')).toBe('ministries.yaml');
  expect(spelledAsThere(files, 'templates/partials')).toBe('templates/partials');
  expect(listed).toEqual([]);
  // A name with such a letter still is, either way round.
  expect(spelledAsThere(files, 'pozīcijas')).toBe('pozi\u0304cijas');
  expect(listed).toEqual(['']);
});
