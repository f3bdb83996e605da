import { expect, test } from 'vitest';
import { dateProblem, isRealDate } from '../../src/model/date.js';

test('isRealDate knows month lengths and leap years', () => {
  expect(['2021-02-28', '2020-02-29', '2000-02-29', '2021-12-31'].map(isRealDate)).toEqual([true, true, true, true]);
  expect(['2021-02-29', '1900-02-29', '2021-02-30', '2021-04-31', '2021-13-01', '2021-00-10', '2021-1-1', 'x'].map(isRealDate)).toEqual(Array(8).fill(false));
});

test('dateProblem tells a badly written date from a day that does not exist', () => {
  expect(dateProblem('2021-02-17')).toBeUndefined();
  expect(dateProblem('2021-02-30')).toBe('`2021-02-30` is written YYYY-MM-DD, but there is no such day');
  expect(dateProblem('17.02.2021')).toBe('`17.02.2021` is not a date written YYYY-MM-DD');
});
