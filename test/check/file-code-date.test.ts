import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

/** The messages of meeting/file-code-date for the example meeting moved to `date` with the file code `code`. */
async function dated(date: string, code: string): Promise<string[]> {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^date: .*$/m, `date: ${date}`).replace(/^file_code: .*$/m, `file_code: ${code}`);
  const { diagnostics } = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
  return diagnostics.filter((d) => d.ruleId === 'meeting/file-code-date').map((d) => `${d.message} ${d.hint ?? ''}`);
}

test('a meeting file copied from one years before keeps that one’s file code: said, not only a day or a year off', async () => {
  // Two and five years before: the report's files and footer would name 2021's meeting.
  expect(await dated('2023-03-07', 'IZMzin_190221_EDUC')).toEqual([
    'The file code IZMzin_190221_EDUC says 19.02.2021, but `date` is 2023-03-07: the report\'s files and the footer of every page would name another day. Write `file_code: IZMzin_070323_EDUC`, or correct `date` if it is the slip.',
  ]);
  expect(await dated('2026-02-19', 'IZMzin_190221_EDUC')).toHaveLength(1);
  expect(await dated('2022-02-18', 'IZMzin_190221_EDUC')).toHaveLength(1);
  expect(await dated('2021-02-19', 'IZMzin_190221_EDUC')).toEqual([]);
});

test('six digits that are no day near the meeting’s, or a YYMMDD of its day, are left alone', async () => {
  // A YYMMDD of the meeting's day: read as DDMMYY it is 21.02.2019, two years off, but it is the day written the other way.
  expect(await dated('2021-02-19', 'IZMzin_210219_EDUC')).toEqual([]);
  // A number, not a day: month 34; and a day more than ten years from the meeting's.
  expect(await dated('2021-02-19', 'IZMzin_123456_EDUC')).toEqual([]);
  expect(await dated('2021-02-19', 'IZMzin_190299_EDUC')).toEqual([]);
});
