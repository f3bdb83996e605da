import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

const presidencyProblems = async (date: string, presidency: string) => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^date: .*$/m, `date: ${date}`).replace(/^presidency: .*$/m, `presidency: ${presidency}`);
  const line = meeting.split('\n').findIndex((text) => text.startsWith('presidency:')) + 1;
  return (await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false })).diagnostics
    .filter((d) => d.ruleId === 'meeting/presidency-not-in-office')
    .map((d) => [d.line === line, d.severity, d.message, d.hint]);
};

test('a presidency that did not hold office on the meeting’s day is a warning at it: a date moved into the next half-year, the presidency kept', async () => {
  expect(await presidencyProblems('2021-07-01', 'Portugāle')).toEqual([
    [true, 'warning', '`presidency` is Portugāle, but on the meeting’s day, 2021-07-01, Slovēnija holds the presidency of the Council (July to December 2021).', 'Write `presidency: Slovēnija`, or check the meeting’s date.'],
  ]);
  expect(await presidencyProblems('2021-06-30', 'Portugāle')).toEqual([]);
  expect(await presidencyProblems('2021-07-01', 'Slovēnija')).toEqual([]);
  expect(await presidencyProblems('2030-12-31', 'Malta')).toEqual([]);
  // Spaces around the name, as a hand-written file may have them, are no other presidency.
  expect(await presidencyProblems('2021-02-19', '" Portugāle"')).toEqual([]);
  // Outside the years the table knows, nothing is said.
  expect(await presidencyProblems('2031-01-01', 'Kipra')).toEqual([]);
  expect(await presidencyProblems('2004-04-30', 'Īrija')).toEqual([]);
});
