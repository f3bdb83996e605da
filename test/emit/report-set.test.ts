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

test('in watch, a DOCX held open gets its new version beside it, and one whose .new.docx is held open too is said so, nothing written', async () => {
  const { emitReport } = await import('../../src/emit/report.js');
  const { OutputError } = await import('../../src/emit/write.js');
  const { sha256 } = await import('../../src/load/files.js');
  const dir = exampleProject();
  const file = (format: 'docx' | 'md', name: string, data: string) => ({ format, name, data, sha256: sha256(Buffer.from(data)) });
  const files = [file('md', 'R.md', '# R\n'), file('docx', 'R.docx', 'docx bytes')];
  const attempts: string[][] = [];
  const heldOpen = (held: (name: string) => boolean) => (outputs: readonly { target: string; shownAs: string }[]) => {
    attempts.push(outputs.map((output) => output.shownAs));
    if (attempts.length > 4) throw new Error(`written again and again: ${JSON.stringify(attempts)}`);
    const open = outputs.find((output) => held(output.shownAs));
    if (open) throw new OutputError(open.shownAs, 'cannot replace the file; another program holds it open.', 'Close it (e.g. in Word) and build again.', 'EBUSY');
  };
  const options = { root: dir, outDir: join(dir, 'out'), heldOpen: 'write-beside' as const };

  const beside = emitReport(files, { ...options, write: heldOpen((name) => name === 'out/R.docx') });
  expect(beside).toMatchObject({ ok: true, outputs: ['out/R.md', 'out/R.new.docx'], heldOpen: [{ target: 'out/R.docx', writtenTo: 'out/R.new.docx' }] });
  expect(attempts).toEqual([['out/R.docx', 'out/R.md'], ['out/R.new.docx', 'out/R.md']]);

  attempts.length = 0;
  const both = emitReport(files, { ...options, write: heldOpen((name) => name.endsWith('.docx')) });
  expect(both).toMatchObject({ ok: false, outputs: [], heldOpen: [] });
  expect(both.diagnostics.map((d) => [d.file, d.message, d.hint])).toEqual([
    ['out/R.new.docx', 'Cannot replace the file; another program holds it open.', 'out/R.new.docx is held open too. Close it (e.g. in Word) and build again.'],
  ]);
  expect(attempts).toEqual([['out/R.docx', 'out/R.md'], ['out/R.new.docx', 'out/R.md']]);
});
