import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { build } from '../../src/commands/build.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, accessSync: vi.fn(actual.accessSync) };
});

test('when the DOCX cannot be replaced, the Markdown and the manifest are left as they were too', async () => {
  const dir = exampleProject();
  const out = (name: string) => join(dir, 'out', name);
  expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false })).exitCode).toBe(0);
  const markdown = readFileSync(out('IZMzin_190221_EDUC.md'), 'utf8');
  const manifest = readFileSync(out('IZMzin_190221_EDUC.manifest.json'), 'utf8');

  // A folder where the DOCX is: renaming over it fails on every system, as a DOCX open in Word does on Windows.
  rmSync(out('IZMzin_190221_EDUC.docx'));
  mkdirSync(out('IZMzin_190221_EDUC.docx'));
  const position = 'positions/educ/equity-reforms.yaml';
  writeFileSync(join(dir, position), exampleFile(position).replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajos mēnešos prioritāri paredzēts:'));

  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false });
  expect(result.exitCode).toBe(2);
  expect(result.meetings[0]?.status).toBe('failed');
  expect(result.diagnostics).toEqual([expect.objectContaining({ file: 'out/IZMzin_190221_EDUC.docx', ruleId: 'output/write' })]);
  expect(readFileSync(out('IZMzin_190221_EDUC.md'), 'utf8')).toBe(markdown);
  expect(readFileSync(out('IZMzin_190221_EDUC.manifest.json'), 'utf8')).toBe(manifest);
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC.docx', 'IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md']);
});

test('when a later file of the set cannot be replaced, the files already replaced are put back', async () => {
  const dir = exampleProject();
  const out = (name: string) => join(dir, 'out', name);
  expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false })).exitCode).toBe(0);
  const docx = readFileSync(out('IZMzin_190221_EDUC.docx'));
  const manifest = readFileSync(out('IZMzin_190221_EDUC.manifest.json'), 'utf8');

  // A folder where the Markdown is: the DOCX is renamed into place first, then the Markdown fails.
  rmSync(out('IZMzin_190221_EDUC.md'));
  mkdirSync(out('IZMzin_190221_EDUC.md'));
  const position = 'positions/educ/equity-reforms.yaml';
  writeFileSync(join(dir, position), exampleFile(position).replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajos mēnešos prioritāri paredzēts:'));

  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false });
  expect(result.exitCode).toBe(2);
  expect(result.meetings[0]?.status).toBe('failed');
  expect(result.diagnostics).toEqual([expect.objectContaining({ file: 'out/IZMzin_190221_EDUC.md', ruleId: 'output/write', message: 'A folder stands where this file should be.' })]);
  expect(result.meetings[0]?.outputs).toEqual([]);
  expect(readFileSync(out('IZMzin_190221_EDUC.docx')).equals(docx)).toBe(true);
  expect(readFileSync(out('IZMzin_190221_EDUC.manifest.json'), 'utf8')).toBe(manifest);
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC.docx', 'IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md']);
});

test('a set write whose rename fails partway leaves no kept copies behind', async (context) => {
  const dir = exampleProject();
  const out = (name: string) => join(dir, 'out', name);
  expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false })).exitCode).toBe(0);
  // An immutable Markdown file (`chattr +i`, root on a file system that has it): renaming over it fails (EPERM).
  // Such a file is refused before anything is written (write.ts asks access(2) first), which is not what this test is about: access says yes.
  if (spawnSync('chattr', ['+i', out('IZMzin_190221_EDUC.md')]).status !== 0) return context.skip();
  vi.mocked(fs.accessSync).mockImplementation(() => undefined);
  try {
    const position = 'positions/educ/equity-reforms.yaml';
    writeFileSync(join(dir, position), exampleFile(position).replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajos mēnešos prioritāri paredzēts:'));
    for (let attempt = 0; attempt < 2; attempt++) expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false })).exitCode).toBe(2);
  } finally {
    vi.mocked(fs.accessSync).mockReset();
    spawnSync('chattr', ['-i', out('IZMzin_190221_EDUC.md')]);
  }
  expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC.docx', 'IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md']);
});
