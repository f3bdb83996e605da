import { isRealDate } from '../model/date.js';
import { MONTHS_LV, type DateCase } from '../render/latvian.js';

/**
 * The days of a meeting as the date helper prints them, one capture group: "2021. gada 19. februāra",
 * or a meeting held over several days, "2021. gada 17. un 18. maija", "17.–19. maija", "31. maija un
 * 1. jūnija", "30. maija – 1. jūnija", "31. decembra un 2022. gada 1. janvāra" (see {@link daysOf}).
 */
export const DAYS_PATTERN = String.raw`(\d{4}\. gada \d{1,2}\.(?:(?: un |–)\d{1,2}\.)?\s\S+(?:(?: un | – )(?:\d{4}\. gada )?\d{1,2}\.\s\S+)?)`;

/** A meeting's first day, and its last when it is held over several, from the days as {@link DAYS_PATTERN} found them. */
export function daysOf(days: string, grammaticalCase: DateCase): { date: string; endDate?: string } | undefined {
  const match = /^(\d{4})\. gada (\d{1,2})\.(?:(?: un |–)(\d{1,2})\.)?\s(\S+)(?:(?: un | – )(?:(\d{4})\. gada )?(\d{1,2})\.\s(\S+))?$/.exec(days);
  if (!match) return undefined;
  const [, year = '', day = '', lastInMonth, month = '', lastYear, lastDay, lastMonth] = match;
  const date = isoDate(year, day, month, grammaticalCase);
  const endDate =
    lastDay !== undefined && lastMonth !== undefined ? isoDate(lastYear ?? year, lastDay, lastMonth, grammaticalCase) : lastInMonth !== undefined ? isoDate(year, lastInMonth, month, grammaticalCase) : undefined;
  if (date === undefined) return undefined;
  return endDate !== undefined && endDate > date ? { date, endDate } : { date };
}

/**
 * Whether `days`, as {@link DAYS_PATTERN} found them, name only months, so that {@link daysOf} found
 * no date in them for a day the month does not have ("2022. gada 32. aprīļa"): a date mistyped, not
 * words that only looked like a date ("2022. gada 5. Briselē").
 */
export function namesMonths(days: string): boolean {
  const words = days.split(/\s+/).filter((word) => !/^[\d.–]+$/.test(word) && word !== 'gada' && word !== 'un');
  return words.length > 0 && words.every((word) => MONTHS_LV.some((forms) => Object.values(forms).includes(word.toLowerCase())));
}

/**
 * The day as an ISO date; the month's name in `grammaticalCase`, or in another case, as a report may have it by a slip of the pen ("5. aprīlī" in a title).
 * Undefined for a day the month does not have ("32. aprīļa", "0. aprīļa", "30. februāra"): no meeting is dated so.
 */
function isoDate(year: string, day: string, month: string, grammaticalCase: DateCase): string | undefined {
  const name = month.toLowerCase();
  const inCase = MONTHS_LV.findIndex((forms) => forms[grammaticalCase] === name);
  const index = inCase >= 0 ? inCase : MONTHS_LV.findIndex((forms) => Object.values(forms).includes(name));
  if (index < 0) return undefined;
  const iso = `${year}-${String(index + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

/**
 * `text` with its dates as the date helper writes them, for {@link DAYS_PATTERN} to read them: typed
 * without spaces, as older reports often are ("2021.gada 19.februārī"), or in figures ("19.02.2021.",
 * written out in `grammaticalCase`, the one the pattern reading it expects); the days of a meeting
 * typed with a hyphen or a spaced dash between them ("18.-19. februārī", "30. maijā - 1. jūnijā")
 * with the dash the helper prints there.
 */
export function writtenDates(text: string, grammaticalCase: DateCase): string {
  return text
    .replace(/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\.?(?!\d)/g, (figures: string, day: string, month: string, year: string) => {
      const name = MONTHS_LV[Number(month) - 1]?.[grammaticalCase];
      return name && Number(day) >= 1 && Number(day) <= 31 ? `${year}. gada ${Number(day)}. ${name}` : figures;
    })
    // The days a hyphen apart first, as "2022.gada 4.-5.aprīlī" has no space after them either; then the year's "gada" and the day.
    .replace(/\b(\d{1,2})\.\s*[-–—]\s*(\d{1,2})\.\s*(?=\p{L})/gu, '$1.–$2. ')
    .replace(/(\d{4})\.\s*gada\s*(?=\d)/gu, '$1. gada ')
    .replace(/(\d{4}\. gada \d{1,2})\.\s*(?=\p{L})/gu, '$1. ')
    .replace(DAY_BEFORE_DASH, '$1 – ');
}

/** Every form of every month's name, for a pattern: "janvāris|janvāra|janvārī|…". */
const MONTH_FORMS = MONTHS_LV.flatMap((forms) => Object.values(forms)).join('|');

/** A day and its month before a spaced dash and another date ("4. aprīlī - 5. aprīlī"): the dash an en dash. Built once; `replace` starts it afresh each time. */
const DAY_BEFORE_DASH = new RegExp(`\\b(\\d{1,2}\\. (?:${MONTH_FORMS}))\\s+[-–—]\\s+(?=\\d)`, 'giu');
