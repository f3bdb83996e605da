import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO } from '../helpers/project.js';

const TEMPLATE = 'templates/informative-report.lv.md.hbs';
const REFORMS = 'positions/educ/equity-reforms.yaml';
const builtIn = readFileSync(join(REPO, TEMPLATE), 'utf8');

const unfinished = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.ruleId === 'meeting/unfinished-text').map((d) => [d.file, d.line, d.column, d.severity, d.message]);

test('a TODO and a value left as “…” in a template of the ministry’s own are warned at their lines, an error under --final, which writes no report', async () => {
  // As a desk officer marks what the next report must still say, in the house template.
  const dir = exampleProject({ [TEMPLATE]: builtIn.replace('{{> signature}}', 'TODO: papildināt ar budžeta ietekmi\n\nIetekme uz budžetu: …\n\n{{> signature}}') });
  const lines = readFileSync(join(dir, TEMPLATE), 'utf8').split('\n');
  const todo = lines.indexOf('TODO: papildināt ar budžeta ietekmi') + 1;
  const budget = lines.indexOf('Ietekme uz budžetu: …') + 1;
  const draft = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
  expect(unfinished(draft.diagnostics)).toEqual([
    [TEMPLATE, todo, 1, 'warning', 'The report still prints “TODO” in the template\'s text, a mark of text still to be written: “TODO: papildināt ar budžeta ietekmi”.'],
    [TEMPLATE, budget, 21, 'warning', 'The report still prints “…” in the template\'s text, a mark of text still to be written: “Ietekme uz budžetu: …”.'],
  ]);
  expect(draft.exitCode).toBe(0);
  const final = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: true });
  expect(unfinished(final.diagnostics).map((one) => one[3])).toEqual(['error', 'error']);
  expect(final.exitCode).toBe(1);
  const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: true, out: 'out', formats: ['md'] });
  expect(built.exitCode).toBe(1);
  expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.md'))).toBe(false);
});

test('a TODO in a position’s answer is said at its line in the position', async () => {
  const text = exampleFile(REFORMS).replace('To centrā ir\n', 'To centrā ir (TODO: skaitļi no FM)\n');
  const dir = exampleProject({ [REFORMS]: text });
  const line = text.split('\n').findIndex((one) => one.includes('TODO')) + 1;
  const checked = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
  expect(unfinished(checked.diagnostics)).toEqual([[REFORMS, line, expect.any(Number), 'warning', expect.stringMatching(/^The report of meetings\/2021-02-19-educ-informal\.yaml still prints “TODO” in `body`/)]]);
});

test('an ellipsis within a sentence, a word with TODO in it and the example’s templates are no such mark', async () => {
  // The Roman thirty before a name ("XXX Olimpiskās spēles", the Games of 2012) is a number, not a mark; XXX alone is one.
  const text = exampleFile(REFORMS).replace('To centrā ir\n', 'To centrā ir skolas, bibliotēkas u. c. … un TODOS ... kopš XXX Olimpiskajām spēlēm\n');
  expect(unfinished((await check({ cwd: exampleProject({ [REFORMS]: text.replace('kopš XXX Olimpiskajām', 'kopš XXX olimpiskajām') }), paths: [EXAMPLE_MEETING], final: false })).diagnostics).map((d) => d[4])).toEqual([
    expect.stringMatching(/still prints “XXX” in `body`/),
  ]);
  const dir = exampleProject({ [REFORMS]: text });
  for (const name of ['informative-report.lv', 'informative-report.en', 'speaking-points.lv', 'speaking-points.en']) {
    const meeting = exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', `template: ${name}`);
    const checked = await check({ cwd: exampleProject({ [REFORMS]: text, [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
    expect(unfinished(checked.diagnostics)).toEqual([]);
  }
  expect(unfinished((await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: true })).diagnostics)).toEqual([]);
});
