import { expect, test } from 'vitest';
import { isRealDate, localDay, localTimeOf, readDay, YEAR_PATTERN, YEARS } from '../../src/model/date.js';
import { commitIdentity } from '../../src/load/git-objects.js';

test('isRealDate knows month lengths and leap years', () => {
  expect(['2021-02-28', '2020-02-29', '2000-02-29', '2021-12-31'].map(isRealDate)).toEqual([true, true, true, true]);
  expect(['2021-02-29', '1900-02-29', '2021-02-30', '2021-04-31', '2021-13-01', '2021-00-10', '2021-1-1', 'x'].map(isRealDate)).toEqual(Array(8).fill(false));
});

test('readDay takes YYYY-MM-DD and DD.MM.YYYY, and tells a badly written date from a day that does not exist', () => {
  expect(readDay('2021-02-17')).toEqual({ iso: '2021-02-17' });
  expect(readDay('17.02.2021')).toEqual({ iso: '2021-02-17' });
  expect(readDay(' 7.2.2021. ')).toEqual({ iso: '2021-02-07' });
  expect(readDay('2021-02-30')).toEqual({ problem: '`2021-02-30` is no such day', hint: 'Check the day and the month.' });
  expect(readDay('30.02.2021')).toMatchObject({ problem: '`30.02.2021` is no such day' });
  expect(readDay('17/02/2021')).toEqual({ problem: '`17/02/2021` is not a date', hint: 'Write it YYYY-MM-DD or DD.MM.YYYY, e.g. 2021-05-12 or 12.05.2021.' });
  expect(readDay('2021-02-17T10:00')).toMatchObject({ problem: '`2021-02-17T10:00` is not a date' });
});

test('YEAR_PATTERN, the years the schemas give editors, takes exactly the years of YEARS', () => {
  const taken: number[] = [];
  for (let year = 0; year <= 9999; year++) if (YEAR_PATTERN.test(`${String(year).padStart(4, '0')}-01-01`)) taken.push(year);
  expect([taken[0], taken.at(-1), taken.length]).toEqual([YEARS.first, YEARS.last, YEARS.last - YEARS.first + 1]);
});

test('a commit is dated by its committer\'s clock: the offset in its committer line moves the local time, across a day or a year', () => {
  const commit = (time: string) => Buffer.from(`tree 0\nauthor Anna Bērziņa <a@example.lv> ${time}\ncommitter Anna Bērziņa <a@example.lv> ${time}\n\nx\n`);
  // 2026-12-31T22:30:00Z: 00:30 on New Year's Day in Riga, 14:30 on New Year's Eve at UTC-08:00, 19:00 at -03:30 (an offset with minutes).
  expect(commitIdentity(commit('1798756200 +0200'))).toEqual({ author: 'Anna Bērziņa', date: '2026-12-31T22:30:00Z', localTime: '2027-01-01T00:30:00' });
  expect(commitIdentity(commit('1798756200 -0800')).localTime).toBe('2026-12-31T14:30:00');
  expect(commitIdentity(commit('1798756200 -0330')).localTime).toBe('2026-12-31T19:00:00');
  expect(commitIdentity(commit('1798756200 +0000')).localTime).toBe('2026-12-31T22:30:00');
});

test('localDay and localTimeOf read the local clock (TZ), as today() does', () => {
  const zone = process.env.TZ;
  try {
    process.env.TZ = 'Europe/Riga';
    const moment = new Date('2027-03-27T22:30:00Z');
    // The night summer time starts in Riga: 01:30 on the 28th (UTC+2 until 03:00).
    expect([localDay(moment), localTimeOf(moment)]).toEqual(['2027-03-28', '2027-03-28T00:30:00']);
    process.env.TZ = 'UTC';
    expect([localDay(moment), localTimeOf(moment)]).toEqual(['2027-03-27', '2027-03-27T22:30:00']);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});
