import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { build } from '../../src/commands/build.js';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { mergeTemplateGaps } from '../../src/validate/meeting-date-rules.js';
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

test("a template's missing place or last day is one warning at the first meeting built with it, counting the rest; other templates and rules stay apart", () => {
  const gap = (file: string, ruleId: 'meeting/place-not-printed' | 'meeting/end-date-not-printed', template: string, hint = 'Mend the template.') =>
    diagnostic(file, { line: 2, column: 8 }, 'warning', ruleId, `The meeting …, but the template \`${template}\` never uses \`meeting.${ruleId === 'meeting/place-not-printed' ? 'place' : 'endDate'}\`: ….`, hint);
  const other = diagnostic('meetings/2021-05-01-a.yaml', undefined, 'warning', 'meeting/no-questions', 'The meeting has no questions yet.');
  const merged = mergeTemplateGaps([
    gap('meetings/2021-05-05-e.yaml', 'meeting/place-not-printed', 'old.lv'),
    other,
    ...['d', 'a', 'c', 'b'].map((n) => gap(`meetings/2021-05-0${n.charCodeAt(0) - 96}-${n}.yaml`, 'meeting/place-not-printed', 'old.lv')),
    gap('meetings/2021-05-01-a.yaml', 'meeting/end-date-not-printed', 'old.lv'),
    gap('meetings/2021-05-02-b.yaml', 'meeting/end-date-not-printed', 'old.lv'),
    gap('meetings/2021-05-03-c.yaml', 'meeting/place-not-printed', 'old.en', 'Print the English name.'),
    gap('meetings/2021-05-04-d.yaml', 'meeting/place-not-printed', 'old.lv', 'Another hint.'),
  ]);
  expect(merged.map((d) => [d.file, d.ruleId, d.message.split(': ….')[1]])).toEqual([
    [other.file, 'meeting/no-questions', undefined],
    ['meetings/2021-05-01-a.yaml', 'meeting/place-not-printed', ' The reports of 4 more meetings built with it do the same: meetings/2021-05-02-b.yaml, meetings/2021-05-03-c.yaml and 2 more.'],
    ['meetings/2021-05-01-a.yaml', 'meeting/end-date-not-printed', ' The report of one more meeting built with it does the same: meetings/2021-05-02-b.yaml.'],
    ['meetings/2021-05-03-c.yaml', 'meeting/place-not-printed', ''],
    ['meetings/2021-05-04-d.yaml', 'meeting/place-not-printed', ''],
  ]);
  // Two more are counted as two.
  const two = mergeTemplateGaps(['a', 'b', 'c'].map((n) => gap(`meetings/${n}.yaml`, 'meeting/place-not-printed', 'old.lv')));
  expect(two.map((d) => d.message.split(': ….')[1])).toEqual([' The reports of 2 more meetings built with it do the same: meetings/b.yaml and meetings/c.yaml.']);
  // Warnings of other rules, and one of these rules not naming a template, are never merged, however alike.
  const alike = [
    diagnostic('meetings/a.yaml', undefined, 'warning', 'meeting/no-questions', 'The meeting has no questions yet.'),
    diagnostic('meetings/b.yaml', undefined, 'warning', 'meeting/no-questions', 'The meeting has no questions yet.'),
    diagnostic('meetings/a.yaml', undefined, 'warning', 'meeting/place-not-printed', 'The place is not printed.'),
    diagnostic('meetings/b.yaml', undefined, 'warning', 'meeting/place-not-printed', 'The place is not printed.'),
  ];
  expect(mergeTemplateGaps(alike)).toEqual(alike);
  // Three others are all named.
  const three = mergeTemplateGaps(['a', 'b', 'c', 'd'].map((n) => gap(`meetings/${n}.yaml`, 'meeting/place-not-printed', 'old.lv')));
  expect(three.map((d) => d.message.split(': ….')[1])).toEqual([' The reports of 3 more meetings built with it do the same: meetings/b.yaml, meetings/c.yaml and meetings/d.yaml.']);
});
