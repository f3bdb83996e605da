import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

const numbered = async (meeting: string) =>
  (await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false })).diagnostics
    .filter((d) => d.ruleId === 'meeting/question-number')
    .map((d) => [d.line, d.column, d.message, d.hint]);

// A question copied from the presidency's paper with its number: the report numbers the questions itself, and printed "2. 2. Kādi pasākumi …".
test('a question whose text starts with a number, as copied from the presidency’s paper, warns: the report prints the number twice', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace('      Kādi pasākumi un reformas ir nepieciešami', '      2) Kādi pasākumi un reformas ir nepieciešami').replace('  - text: >-\n      Kādi ir nozīmīgākie', '  - text: >-\n      1. Kādi ir nozīmīgākie');
  const lines = meeting.split('\n');
  const line = (start: string) => lines.findIndex((one) => one.startsWith(start)) + 1;
  expect(await numbered(meeting)).toEqual([
    [line('      1. Kādi'), 7, 'Question 1 starts with “1.”, but the report numbers the questions itself: it prints “1. 1. Kādi ir nozīmīgākie ES, …”.', 'Leave the number out of the question’s `text`: the report gives each question its number, in the order of `questions`.'],
    [line('      2) Kādi'), 7, 'Question 2 starts with “2)”, but the report numbers the questions itself: it prints “2. 2) Kādi pasākumi un reformas …”.', 'Leave the number out of the question’s `text`: the report gives each question its number, in the order of `questions`.'],
  ]);
  // A year, a date or an ordinal that starts the question is no number of it (the ordinal found by the read-only review).
  for (const start of ['2021. gadā kādi', '3. februārī kādi', '3. valstu pilsoņiem kādi']) {
    const opening = exampleFile(EXAMPLE_MEETING).replace('      Kādi pasākumi un reformas ir nepieciešami', `      ${start} pasākumi un reformas ir nepieciešami`);
    expect(await numbered(opening), start).toEqual([]);
  }
});
