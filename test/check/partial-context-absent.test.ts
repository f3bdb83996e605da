import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { baseProject, baseText as base } from '../helpers/corpus.js';

const TEMPLATE = 'templates/informative-report.lv.md.hbs';
const MEETING = 'meetings/2021-05-17-youth.yaml';

// A mutant of where the "left out" message applies survived (mutation15): a name alone in a partial given an absent value
// said "`role`: this meeting has no `rol`", a parent cut from a path that has none.
test('a partial given a value the meeting leaves out: its field named as the data not having it, at the partial', async () => {
  const template = base(TEMPLATE).replace('{{quote meeting.topic}}', '{{quote meeting.topic}}{{> sig meeting.signature}}');
  const meeting = base(MEETING).replace(/^signature:.*\n/m, '');
  const result = await check({ cwd: baseProject({ [TEMPLATE]: template, [MEETING]: meeting, 'templates/partials/sig.hbs': 'Paraksta {{role}}\n' }), paths: [], final: false });
  expect(result.diagnostics.filter((d) => d.ruleId.startsWith('template/')).map((d) => [d.file, d.line, d.column, d.ruleId, d.message])).toEqual([
    ['templates/partials/sig.hbs', 1, 12, 'template/missing-field', 'The template uses `role`, which the data does not have.'],
  ]);
});
