import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleProject, REPO } from '../helpers/project.js';

const TEMPLATE = 'templates/informative-report.lv.md.hbs';
const VISA2 = 'templates/partials/visa2.hbs';
const builtIn = readFileSync(join(REPO, TEMPLATE), 'utf8');

const joined = (diagnostics: readonly { ruleId: string; file: string; line?: number; column?: number; severity: string; message: string; hint?: string }[]) =>
  diagnostics.filter((d) => d.ruleId === 'template/joined-lines').map((d) => [d.file, d.line, d.column, d.severity, d.message, d.hint]);

test('a second visa line written right under the built-in one is a warning at its line: the DOCX would print both on one line', async () => {
  // As a desk officer used to Word adds a second visa: a partial of one line, included under the signature.
  const dir = exampleProject({
    [TEMPLATE]: builtIn.replace('{{> signature}}', '{{> signature}}\n{{> visa2}}'),
    [VISA2]: 'Vīza: Eiropas lietu departamenta direktore\tI. Ozola\n',
  });
  const checked = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
  expect(joined(checked.diagnostics)).toEqual([
    [VISA2, 1, 1, 'warning', expect.stringMatching(/^The line “Vīza: Eiropas lietu departamenta direktore I\. Ozola” follows the line “Vīza: valsts sekretāre L\. Lejiņa” with no blank line between: .*one line/), expect.stringContaining('Leave a blank line')],
  ]);
  expect(checked.exitCode).toBe(0);
  const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, out: 'out', formats: ['md'] });
  expect(joined(built.diagnostics)).toHaveLength(1);
});

test('lines aligned with a tab each in their own paragraph, a line break written `\\`, and lines without a tab joined give no warning', async () => {
  const dir = exampleProject({
    [TEMPLATE]: builtIn
      .replace('{{> signature}}', '{{> signature}}\n\n{{> visa2}}\n\nSagatavoja: J. Ozols\\\nTālr.\t67000000\n\nPielikumā: paziņojums\nuz 12 lp.')
      .replace('Informatīvais ziņojums par\\', 'Informatīvais ziņojums\npar'),
    [VISA2]: 'Vīza: Eiropas lietu departamenta direktore\tI. Ozola\n',
  });
  const checked = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
  expect(joined(checked.diagnostics)).toEqual([]);
  const plain = exampleProject({});
  const example = await check({ cwd: plain, paths: [EXAMPLE_MEETING], final: false });
  expect(joined(example.diagnostics)).toEqual([]);
});
