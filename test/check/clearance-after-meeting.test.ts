import { describe, expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { clear } from '../../src/commands/clear.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, writeFile } from '../helpers/project.js';

const REFORMS = 'positions/educ/equity-reforms.yaml';

/**
 * A position is used again: cleared in February for the meeting of 19 February, cleared again in April
 * for a meeting in May. The April clearance is after February's meeting, and every check of the project
 * said so of it for good, and `clear` said so when recording it for May.
 */
function reusedPosition(): string {
  const may = exampleFile(EXAMPLE_MEETING).replace('date: 2021-02-19', 'date: 2021-05-18').replace('file_code: IZMzin_190221_EDUC', 'file_code: IZMzin_180521_EDUC');
  return exampleProject({
    [REFORMS]: exampleFile(REFORMS).replace('date: 2021-02-15', 'date: 2021-04-10'),
    'meetings/2021-05-18-educ-council.yaml': may,
  });
}

async function afterMeeting(dir: string, today: string): Promise<string[]> {
  const result = await check({ cwd: dir, paths: [], final: false, today });
  return result.diagnostics.filter((d) => d.ruleId === 'clearance/after-meeting').map((d) => d.message);
}

describe('a clearance dated after a meeting that uses the position', () => {
  test('is said while the meeting is not over, or when dated after today; not of a meeting over before a clearance since', async () => {
    const dir = reusedPosition();
    const said = ['The clearance by AM is dated 2021-04-10, after the meeting on 2021-02-19.'];
    // Before February's meeting a clearance dated in April is a mistyped date.
    expect(await afterMeeting(dir, '2021-02-18')).toEqual(said);
    // February's meeting is over, but the clearance is dated after today: a mistyped date still.
    expect(await afterMeeting(dir, '2021-03-01')).toEqual(said);
    // In May, the clearance of April is for May's meeting: February's report was made with February's.
    expect(await afterMeeting(dir, '2021-05-01')).toEqual([]);
  });

  test('is said by clear only when dated after every meeting that uses the position', () => {
    const dir = reusedPosition();
    const late = (date: string) => clear({ cwd: dir, position: 'equity-reforms', ministry: 'LM', date, status: 'cleared' }).diagnostics.filter((d) => d.ruleId === 'clearance/after-meeting').map((d) => d.message);
    expect(late('2021-04-12')).toEqual([]);
    expect(late('2021-06-01')).toEqual(['The clearance by LM is dated 2021-06-01, after the meetings on 2021-02-19, 2021-05-18 that use this position.']);
  });

  // Found by the years-of-use run: a position used by 15 meetings since 2022 had all 15 days listed in the one line.
  test('is said by clear of a position many meetings used with the first and the last day of them', () => {
    const dir = reusedPosition();
    for (const [day, code] of [['2021-03-01', '010321'], ['2021-03-22', '220321'], ['2021-04-12', '120421']]) {
      writeFile(dir, `meetings/${day}-educ.yaml`, exampleFile(EXAMPLE_MEETING).replace('date: 2021-02-19', `date: ${day}`).replace('file_code: IZMzin_190221_EDUC', `file_code: IZMzin_${code}_EDUC`));
    }
    const late = clear({ cwd: dir, position: 'equity-reforms', ministry: 'LM', date: '2021-06-01', status: 'cleared' }).diagnostics.filter((d) => d.ruleId === 'clearance/after-meeting');
    expect(late.map((d) => d.message)).toEqual(['The clearance by LM is dated 2021-06-01, after the 5 meetings that use this position, from 2021-02-19 to 2021-05-18.']);
  });

  // Pinned by the mutation audit: three days are listed, four make a range.
  test('is said by clear of a position three meetings used with each day, of one four used with the first and the last', () => {
    const dir = reusedPosition();
    const late = () => clear({ cwd: dir, position: 'equity-reforms', ministry: 'LM', date: '2021-06-01', status: 'cleared' }).diagnostics.filter((d) => d.ruleId === 'clearance/after-meeting').map((d) => d.message);
    writeFile(dir, 'meetings/2021-03-01-educ.yaml', exampleFile(EXAMPLE_MEETING).replace('date: 2021-02-19', 'date: 2021-03-01').replace('file_code: IZMzin_190221_EDUC', 'file_code: IZMzin_010321_EDUC'));
    expect(late()).toEqual(['The clearance by LM is dated 2021-06-01, after the meetings on 2021-02-19, 2021-03-01, 2021-05-18 that use this position.']);
    writeFile(dir, 'meetings/2021-03-22-educ.yaml', exampleFile(EXAMPLE_MEETING).replace('date: 2021-02-19', 'date: 2021-03-22').replace('file_code: IZMzin_190221_EDUC', 'file_code: IZMzin_220321_EDUC'));
    expect(late()).toEqual(['The clearance by LM is dated 2021-06-01, after the 4 meetings that use this position, from 2021-02-19 to 2021-05-18.']);
  });

  test('is not said by clear of a withdrawal, which comes after the clearance it takes back, nor of a position no meeting uses', () => {
    const dir = reusedPosition();
    writeFile(dir, 'positions/educ/unused.yaml', exampleFile(REFORMS).replace('id: equity-reforms', 'id: unused'));
    const said = (position: string, status: 'cleared' | 'withdrawn') =>
      clear({ cwd: dir, position, ministry: 'AM', date: '2021-06-01', status }).diagnostics.filter((d) => d.ruleId === 'clearance/after-meeting').map((d) => d.message);
    expect(said('equity-reforms', 'withdrawn')).toEqual([]);
    expect(said('unused', 'cleared')).toEqual([]);
    // As a clearance on that day is.
    expect(said('equity-reforms', 'cleared')).toEqual(['The clearance by AM is dated 2021-06-01, after the meetings on 2021-02-19, 2021-05-18 that use this position.']);
  });

  test('is said on the last day of a meeting of two days of a clearance dated on its second, and not of one dated today, the meeting over', async () => {
    const twoDays = exampleProject({
      [EXAMPLE_MEETING]: exampleFile(EXAMPLE_MEETING).replace(/^date: 2021-02-19\n/m, '$&end_date: 2021-02-20\n'),
      [REFORMS]: exampleFile(REFORMS).replace('date: 2021-02-15', 'date: 2021-02-20'),
    });
    const said = ['The clearance by AM is dated 2021-02-20, after the meeting on 2021-02-19.'];
    expect(await afterMeeting(twoDays, '2021-02-20')).toEqual(said);
    expect(await afterMeeting(twoDays, '2021-02-21')).toEqual([]);
    // Dated today, the meeting over: for a later meeting.
    const today = exampleProject({ [REFORMS]: exampleFile(REFORMS).replace('date: 2021-02-15', 'date: 2021-02-25') });
    expect(await afterMeeting(today, '2021-02-25')).toEqual([]);
    expect(await afterMeeting(today, '2021-02-24')).toEqual(['The clearance by AM is dated 2021-02-25, after the meeting on 2021-02-19.']);
  });
});

