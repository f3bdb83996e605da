import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { docxParts, paragraphTexts, part } from '../helpers/docx.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

const POSITION = 'positions/educ/equity-achievements.yaml';

/** The example position with `lines` put under the first line of its `body` (file line 18 on). */
function withBody(lines: string): Record<string, string> {
  const indented = lines.split('\n').map((line) => (line ? `  ${line}` : '')).join('\n');
  return { [POSITION]: exampleFile(POSITION).replace(/(body: \|\n {2}.*\n)/, `$1${indented}\n`) };
}

const footnoteProblems = (diagnostics: readonly { ruleId: string; severity: string; file: string; line?: number; column?: number; message: string; hint?: string }[]) =>
  diagnostics.filter((d) => d.ruleId.endsWith('-footnote'));

test('a footnote reference with no definition is a warning at its place, and is printed as written', async () => {
  const dir = exampleProject(withBody('\nTeksts ar atsauci[^9].\n'));
  const checked = await check({ cwd: dir, paths: [], final: false });
  expect(footnoteProblems(checked.diagnostics)).toEqual([
    expect.objectContaining({
      ruleId: 'markdown/undefined-footnote',
      severity: 'warning',
      file: POSITION,
      line: 19,
      column: 20,
      message: 'The footnote reference `[^9]` in `body` has no definition in that field: the report prints it as written.',
      hint: "Define it in `body`, on a line of its own: `[^9]: the note's text`; or remove the reference.",
    }),
  ]);
  expect(checked.exitCode).toBe(0);

  const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, out: 'out', formats: ['md', 'docx'] });
  expect(footnoteProblems(built.diagnostics).map((d) => [d.ruleId, d.line, d.column])).toEqual([['markdown/undefined-footnote', 19, 20]]);
  const markdown = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
  expect(markdown).toContain('Teksts ar atsauci[^9].');
  expect(markdown).not.toContain('equity-achievements-9');
  const document = part(docxParts(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))), 'word/document.xml');
  expect(paragraphTexts(document)).toContain('Teksts ar atsauci[^9].');
  expect(document).not.toContain('equity-achievements-9');
});

test('a footnote definition nothing refers to is a warning at the definition; a paired one is fine', async () => {
  const dir = exampleProject(withBody('Teksts[^1] un `[^2]` kodā.\n\n[^1]: Avots.\n[^3]: Neizmantota.\n'));
  const checked = await check({ cwd: dir, paths: [], final: false });
  expect(footnoteProblems(checked.diagnostics).map((d) => [d.ruleId, d.file, d.line, d.column, d.message])).toEqual([
    ['markdown/unused-footnote', POSITION, 21, 3, 'The footnote `[^3]` is defined in `body` but never referred to: the report leaves it out.'],
  ]);
});

test('a footnote referred to twice is a warning at the second reference: the report prints its text at both', async () => {
  const dir = exampleProject(withBody('Atsauce[^a] un vēlreiz uz to pašu[^a].\n\n[^a]: Pirmās piezīmes teksts.\n'));
  const checked = await check({ cwd: dir, paths: [], final: false });
  expect(checked.diagnostics.filter((d) => d.ruleId === 'markdown/footnote-reused')).toEqual([
    expect.objectContaining({
      severity: 'warning',
      file: POSITION,
      line: 18,
      column: 36,
      message: 'The footnote `[^a]` is referred to again here: the report prints a footnote at each reference, so its text appears twice.',
      hint: 'Refer to it once; for the second place write a note of its own (e.g. `[^a-2]: Turpat.`).',
    }),
  ]);
  expect(checked.exitCode).toBe(0);
});

test('in the meeting background too, and in a folded outcome', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING)
    .replace(/(background: \|\n {2}.*\n)/, '$1  Fona teksts[^a].\n')
    .replace(/(outcome: >-\n {2}.*\n)/, '$1  un secinājumi[^b]\n');
  const dir = exampleProject({ [EXAMPLE_MEETING]: meeting });
  const checked = await check({ cwd: dir, paths: [], final: false });
  const lines = meeting.split('\n');
  expect(footnoteProblems(checked.diagnostics).map((d) => [d.file, d.line, d.column])).toEqual([
    [EXAMPLE_MEETING, lines.indexOf('  un secinājumi[^b]') + 1, 16],
    [EXAMPLE_MEETING, lines.indexOf('  Fona teksts[^a].') + 1, 14],
  ]);
});

test('in the DOCX, a note referred to twice is printed at both places, and one nothing refers to is left out', async () => {
  const dir = exampleProject(withBody('Atsauce[^a] un vēlreiz uz to pašu[^a].\n\n[^a]: Pirmās piezīmes teksts.\n[^lieka]: Neizmantota piezīme.\n'));
  const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, out: 'out', formats: ['docx'] });
  expect(built.exitCode).toBe(0);
  const parts = docxParts(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')));
  const document = part(parts, 'word/document.xml');
  const notes = part(parts, 'word/footnotes.xml');
  // The example's own note is 1; each of the two references has a note of its own, with the text of [^a].
  const referenced = [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
  expect(referenced).toEqual(['1', '2', '3']);
  const noteText = (id: string) => paragraphTexts(new RegExp(`<w:footnote w:id="${id}">[\\s\\S]*?</w:footnote>`).exec(notes)?.[0] ?? '').join(' ');
  // Each after the space that parts a note's text from its number.
  expect([noteText('2'), noteText('3')]).toEqual([' Pirmās piezīmes teksts.', ' Pirmās piezīmes teksts.']);
  expect(notes).not.toContain('Neizmantota');
});
