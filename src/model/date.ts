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

/** Why a date given on the command line cannot be used, or undefined when it can. */
export function dateProblem(text: string): string | undefined {
  if (!isDateShaped(text)) return `\`${text}\` is not a date written YYYY-MM-DD`;
  if (!isRealDate(text)) return `\`${text}\` is written YYYY-MM-DD, but there is no such day`;
  return undefined;
}
