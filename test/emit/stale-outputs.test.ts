import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';

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
  expect(run.stdout).toContain(`; removed ${DOCX} (an earlier build's, out of date)`);
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
