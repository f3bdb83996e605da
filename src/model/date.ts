/** The years a date in a briefing file may have: a DOCX (a zip) stamps its parts with a date from 1980 to 2107. */
export const YEARS = { first: 1980, last: 2099 } as const;

/**
 * The years of {@link YEARS} as a regular expression on the start of a YYYY-MM-DD text,
 * `^(?:19[8-9]\d|20\d\d)-`: JSON Schema compares no numbers inside a text, so the check and
 * the editors' schema both test this one expression.
 */
export const YEAR_PATTERN = new RegExp(`^${digitRange(String(YEARS.first), String(YEARS.last))}-`);

/** A regular expression, unanchored, for the numbers from `low` to `high`, both written with as many digits. */
function digitRange(low: string, high: string): string {
  if (low === high) return low;
  const [first, last] = [Number(low.charAt(0)), Number(high.charAt(0))];
  const [lowRest, highRest] = [low.slice(1), high.slice(1)];
  const digits = (from: number, to: number) => (from === to ? String(from) : `[${from}-${to}]`);
  const any = '\\d'.repeat(lowRest.length);
  // Every number between two first digits: 1980-2099 is 19[8-9]\d or 20\d\d.
  if (/^0*$/.test(lowRest) && /^9*$/.test(highRest)) return `${digits(first, last)}${any}`;
  if (first === last) return `${first}${digitRange(lowRest, highRest)}`;
  const parts = [`${first}${digitRange(lowRest, '9'.repeat(lowRest.length))}`];
  if (last - first > 1) parts.push(`${digits(first + 1, last - 1)}${any}`);
  parts.push(`${last}${digitRange('0'.repeat(highRest.length), highRest)}`);
  return `(?:${parts.join('|')})`;
}

/** True when `text` is written YYYY-MM-DD (the digits only; see {@link isRealDate} for the day). */
export function isDateShaped(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text);
}

/**
 * True when a YYYY-MM-DD text names a day that exists: 2021-02-28 does, 2021-02-30 and
 * 2021-13-01 do not (leap years counted). False for text of any other shape.
 */
export function isRealDate(text: string): boolean {
  if (!isDateShaped(text)) return false;
  const [year, month, day] = text.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The day of `moment` in the local time zone (TZ, else the computer's), YYYY-MM-DD: the day its clock and calendar show. */
export function localDay(moment: Date): string {
  return [moment.getFullYear(), moment.getMonth() + 1, moment.getDate()].map(twoDigits).join('-');
}

/** `moment` in UTC to the second, as the manifest, the DOCX's properties and git's dates are written: `2021-02-17T00:00:00Z`. */
export function utcSeconds(moment: Date): string {
  return moment.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `moment` as the local time zone's clock and calendar show it, YYYY-MM-DDTHH:MM:SS (no zone). */
export function localTimeOf(moment: Date): string {
  return `${localDay(moment)}T${[moment.getHours(), moment.getMinutes(), moment.getSeconds()].map(twoDigits).join(':')}`;
}

/** A number of one or two digits as two (`7` → `07`): a date's month and day, a clock's hours. */
export function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** How many days the day `endIso` is after `startIso`, both YYYY-MM-DD (calendar days, no time zone). */
export function daysApart(startIso: string, endIso: string): number {
  const utc = (iso: string) => {
    const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(endIso) - utc(startIso)) / 86_400_000);
}

/**
 * A day given on the command line, written YYYY-MM-DD or as Latvians write it, DD.MM.YYYY (a
 * final dot allowed, one-digit day and month too): as YYYY-MM-DD, or why it cannot be used and what to do.
 */
export function readDay(given: string): { iso: string } | { problem: string; hint: string } {
  const written = given.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(written);
  const latvian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(written);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : latvian ? [latvian[3], latvian[2], latvian[1]] : [];
  if (year === undefined || month === undefined || day === undefined) {
    return { problem: `\`${given}\` is not a date`, hint: 'Write it YYYY-MM-DD or DD.MM.YYYY, e.g. 2021-05-12 or 12.05.2021.' };
  }
  const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  // Said here, not later as an error of the file the day is written into.
  if (Number(year) < YEARS.first || Number(year) > YEARS.last) return { problem: `\`${given}\` is in the year ${Number(year)}`, hint: `A year between ${YEARS.first} and ${YEARS.last} is expected: check the year.` };
  return isRealDate(text) ? { iso: text } : { problem: `\`${given}\` is no such day`, hint: 'Check the day and the month.' };
}

/** The day before `iso` (YYYY-MM-DD): the last day of a name whose successor starts on `iso`. */
export function dayBefore(iso: string): string {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  const before = new Date(Date.UTC(year, month - 1, day - 1));
  return [before.getUTCFullYear(), before.getUTCMonth() + 1, before.getUTCDate()].map(twoDigits).join('-');
}

/** A file code's date: DDMMYY of a YYYY-MM-DD day (`2021-05-18` → `180521`). */
export function fileCodeDate(date: string): string {
  const [year = '', month = '', day = ''] = date.split('-');
  return `${day}${month}${year.slice(2)}`;
}
