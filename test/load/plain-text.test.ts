import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, tempDir } from '../helpers/project.js';

/** The example meeting with its first question written as YAML block `style` (`>`, `|`, …) over two lines. */
function meetingWithQuestion(style: string): string {
  return exampleFile(EXAMPLE_MEETING).replace(/^ {2}- text: >-\n/m, `  - text: ${style}\n`);
}

test('a question written as a `>` or `|` block is printed without the line break YAML keeps at its end', async () => {
  for (const style of ['>', '|', '>+']) {
    const dir = exampleProject({ [EXAMPLE_MEETING]: meetingWithQuestion(style) });
    const out = tempDir();
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], out, final: false, formats: ['md'] });
    expect(result.exitCode).toBe(0);
    const md = readFileSync(join(out, 'IZMzin_190221_EDUC.md'), 'utf8');
    // Bold only works when the text ends right before the closing `**`.
    expect(md).toMatch(/^1\. \*\*Kādi ir nozīmīgākie [^*]*izglītībā\?\*\*$/m);
  }
});

test('a question whose text is only spaces is empty, as an empty one is', async () => {
  const dir = exampleProject({ [EXAMPLE_MEETING]: exampleFile(EXAMPLE_MEETING).replace(/^ {2}- text: >-\n(?: {6}.*\n)+/m, '  - text: "   "\n') });
  const result = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
  expect(result.exitCode).toBe(1);
  expect(result.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['schema/too-small', '`questions[0].text` (question 1) is empty.']]);
});

test('a question of invisible characters only (a zero-width space copied from the web) is an error', async () => {
  const dir = exampleProject({ [EXAMPLE_MEETING]: exampleFile(EXAMPLE_MEETING).replace(/^ {2}- text: >-\n(?: {6}.*\n)+/m, '  - text: "\\u200B\\u00A0"\n') });
  const result = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
  expect(result.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['schema/too-small', '`questions[0].text` (question 1): holds only invisible characters.']]);
});
