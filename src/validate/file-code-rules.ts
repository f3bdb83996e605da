import { fileCodeDate } from '../model/date.js';
import { lastDayOf } from '../model/index.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { MeetingRule } from './meeting-rule-context.js';

/** The DDMMYY of a file code such as `IZMzin_170521_EYCS`, between underscores or at its end. */
const CODE_DAY = /_(\d{2})(\d{2})(\d{2})(?=_|$)/;

/** How many years from the meeting's a file code's DDMMYY may be and still be read as a day: a meeting file copied from one some years before keeps that one's code. */
const CODE_YEARS = 10;

/** Whether day, month and a year's two digits read as a day within `years` of `meetingYear`. */
function readsAsDay(day: string, month: string, year: string, meetingYear: number, years: number): boolean {
  const [dayNumber, monthNumber] = [Number(day), Number(month)];
  return dayNumber >= 1 && dayNumber <= 31 && monthNumber >= 1 && monthNumber <= 12 && Math.abs(2000 + Number(year) - meetingYear) <= years;
}

/**
 * The DDMMYY a file code names, when those six digits read as a day within {@link CODE_YEARS} of the
 * meeting's year; not when they are more likely a YYMMDD (read so, a day within a year of the meeting's,
 * where the DDMMYY would be further) or a number.
 */
function dayInCode(fileCode: string, meetingYear: number): { digits: string; printed: string } | undefined {
  const [digits, first = '', second = '', third = ''] = CODE_DAY.exec(fileCode) ?? [];
  if (digits === undefined || !readsAsDay(first, second, third, meetingYear, CODE_YEARS)) return undefined;
  if (!readsAsDay(first, second, third, meetingYear, 1) && readsAsDay(third, second, first, meetingYear, 1)) return undefined;
  return { digits: `${first}${second}${third}`, printed: `${first}.${second}.${2000 + Number(third)}` };
}

/** Every day of the meeting as a file code writes it, from `date` through `end_date`. */
function meetingDaysInCode(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${first}T00:00:00Z`); day.toISOString().slice(0, 10) <= last; day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(fileCodeDate(day.toISOString().slice(0, 10)));
  }
  return days;
}

/**
 * A file code that names another day than the meeting's (`IZMzin_170521_EYCS` for a meeting moved to
 * 18 May): `new meeting` writes the date into the code, and when the date moves the code stays, so the
 * files and every page's footer would name the day it was first planned for.
 */
export const fileCodeDated: MeetingRule = ({ loaded, meeting }) => {
  const named = dayInCode(meeting.file_code, Number(meeting.date.slice(0, 4)));
  if (named === undefined || meetingDaysInCode(meeting.date, lastDayOf(meeting)).includes(named.digits)) return [];
  const corrected = meeting.file_code.replace(CODE_DAY, `_${fileCodeDate(meeting.date)}`);
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate(['file_code']),
      'warning',
      'meeting/file-code-date',
      `The file code ${meeting.file_code} says ${named.printed}, but \`date\` is ${meeting.date}: the report's files and the footer of every page would name another day.`,
      `Write \`file_code: ${corrected}\`, or correct \`date\` if it is the slip.`,
    ),
  ];
};
