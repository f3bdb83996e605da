import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { build } from '../../src/commands/build.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';

/** The example with `copies` more meetings asking the same questions, and one clearance of a shared position pending. */
function sharedPosition(copies: number): string {
  const meetings = Object.fromEntries(
    Array.from({ length: copies }, (_, n) => [`meetings/2021-02-1${n + 1}-copy.yaml`, exampleFile(EXAMPLE_MEETING).replace(/^file_code: .*$/m, `file_code: COPY_${n + 1}`)]),
  );
  return exampleProject({ ...meetings, [POSITION]: exampleFile(POSITION).replace(/(  LM:\n    status: )cleared/, '$1pending') });
}

test('a clearance missing for many meetings is one warning naming them, not one for each meeting', async () => {
  const missing = (await check({ cwd: sharedPosition(4), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'clearance/missing');
  expect(missing.map((d) => [d.file, d.message])).toEqual([
    [
      POSITION,
      'The position `equity-reforms` is not cleared by Labklājības ministrija (LM): the clearance is pending; meetings/2021-02-11-copy.yaml, meetings/2021-02-12-copy.yaml and 3 more meetings require it.',
    ],
  ]);
});

test('two meetings are both named; a build still gives each meeting its own message', async () => {
  const dir = sharedPosition(1);
  const [merged] = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'clearance/missing');
  expect(merged?.message).toMatch(/; meetings\/2021-02-11-copy\.yaml and meetings\/2021-02-19-educ-informal\.yaml require it\.$/);
  const built = await build({ cwd: dir, inputs: ['meetings/*.yaml'], final: false, formats: ['md'] });
  expect(built.meetings.map((m) => m.diagnostics.filter((d) => d.ruleId === 'clearance/missing').map((d) => d.message.split('; ')[1]))).toEqual([
    ['meetings/2021-02-11-copy.yaml requires it.'],
    ['meetings/2021-02-19-educ-informal.yaml requires it.'],
  ]);
});
