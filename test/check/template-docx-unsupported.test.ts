import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { EXAMPLE_MEETING, exampleProject, REPO } from '../helpers/project.js';

const TEMPLATE = 'templates/informative-report.lv.md.hbs';
const LOGO = 'templates/partials/logo.hbs';
const builtIn = readFileSync(join(REPO, TEMPLATE), 'utf8');

const unsupported = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.column, d.message]);

test('an image in the template’s own text, or in a partial, is said at its line there, not at the meeting with a line of the generated Markdown', async () => {
  // The ministry's logo, as a desk officer would put it at the top and the annex's scan at the end.
  const dir = exampleProject({
    [TEMPLATE]: builtIn.replace('{{> draft-banner}}', '{{> draft-banner}}\n{{> logo}}\n').replace('{{> signature}}', '{{> signature}}\n\nPielikumā: ![skenēts paziņojums](pielikums.png)\n'),
    [LOGO]: '![VARAM logo](logo.png)\n\n',
  });
  const lines = readFileSync(join(dir, TEMPLATE), 'utf8').split('\n');
  const annex = lines.findIndex((line) => line.startsWith('Pielikumā: ![')) + 1;
  const said = "In the DOCX, from the template's text: an image is not placed, its alternative text is printed in its place. Say in words what it shows; a picture the report needs is put into the copy sent, in Word.";
  const expected = [
    [TEMPLATE, annex, 1, said],
    [LOGO, 1, 1, said],
  ];
  const checked = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
  expect(unsupported(checked.diagnostics)).toEqual(expected);
  const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, out: 'out', formats: ['docx'] });
  expect(unsupported(built.diagnostics)).toEqual(expected);
});
