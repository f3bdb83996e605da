/**
 * Latvian forms the reports need that `Intl` does not give: dates in the genitive and
 * locative, list joining with "un", quotes and time of day. Pure functions of their input.
 */
import { daysApart, twoDigits } from '../model/date.js';
import { escapeRegExp } from '../util/regexp.js';

/** The grammatical cases dates are printed in. */
export type DateCase = 'nominative' | 'genitive' | 'locative';

/** Months in the three cases, from the table in BRIEFING-FORMAT.md. */
export const MONTHS_LV: readonly Readonly<Record<DateCase, string>>[] = [
  { nominative: 'janvāris', genitive: 'janvāra', locative: 'janvārī' },
  { nominative: 'februāris', genitive: 'februāra', locative: 'februārī' },
  { nominative: 'marts', genitive: 'marta', locative: 'martā' },
  { nominative: 'aprīlis', genitive: 'aprīļa', locative: 'aprīlī' },
  { nominative: 'maijs', genitive: 'maija', locative: 'maijā' },
  { nominative: 'jūnijs', genitive: 'jūnija', locative: 'jūnijā' },
  { nominative: 'jūlijs', genitive: 'jūlija', locative: 'jūlijā' },
  { nominative: 'augusts', genitive: 'augusta', locative: 'augustā' },
  { nominative: 'septembris', genitive: 'septembra', locative: 'septembrī' },
  { nominative: 'oktobris', genitive: 'oktobra', locative: 'oktobrī' },
  { nominative: 'novembris', genitive: 'novembra', locative: 'novembrī' },
  { nominative: 'decembris', genitive: 'decembra', locative: 'decembrī' },
];

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Non-breaking space: keeps "19. februārī" together on one line. */
export const NBSP = '\u00A0';

/** A calendar date split into numbers, without time zones. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Reads `YYYY-MM-DD` without going through `Date`, so no time zone can shift the day. */
export function parseIsoDate(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not a date in YYYY-MM-DD form: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`not a calendar date: ${iso}`);
  return { year, month, day };
}

/**
 * "2021. gada 19. februārī" (locative, *when*), "2021. gada 19. februāra" (genitive, *of*),
 * "2021. gada 19. februāris" (nominative); a non-breaking space joins day and month.
 */
export function formatDateLv(iso: string, grammaticalCase: DateCase = 'nominative'): string {
  const { year, month, day } = parseIsoDate(iso);
  const monthName = MONTHS_LV[month - 1]?.[grammaticalCase];
  return `${year}. gada ${day}.${NBSP}${monthName}`;
}

/** "19. februāra" — day and month without the year, in the given case. */
export function formatDayMonthLv(iso: string, grammaticalCase: DateCase = 'nominative'): string {
  const { month, day } = parseIsoDate(iso);
  return `${day}.${NBSP}${MONTHS_LV[month - 1]?.[grammaticalCase]}`;
}

/**
 * "šā gada 19. februāra" when the date falls in the year of `documentIso` (the document's
 * own date), else the full form "2021. gada 19. februāra". "Šā", the genitive of "šis" that
 * the norm and legal drafting write, not the everyday "šī".
 */
export function formatDateThisYearLv(iso: string, grammaticalCase: DateCase, documentIso: string): string {
  if (parseIsoDate(iso).year !== parseIsoDate(documentIso).year) return formatDateLv(iso, grammaticalCase);
  return `šā gada ${formatDayMonthLv(iso, grammaticalCase)}`;
}

/** How a Latvian date writes its year: in full, not at all, or "šā gada" when it is the document's year. */
export type YearForm = 'full' | 'none' | 'this';

/** The spaced en dash between two dates of a span, held to the date before it: a line never starts with the dash. */
const SPAN_DASH = `${NBSP}– `;

/**
 * The days of a meeting held over several days, from `startIso` to `endIso`, in the given case:
 * two days joined with "un" ("2021. gada 17. un 18. maijā", "2021. gada 31. maija un 1. jūnija"),
 * more with an en dash ("2021. gada 17.–19. maijā"; spaced between a day and a month, "30. maijā –
 * 1. jūnijā"). The year is written once, or at each end when the days are in two years; `year`
 * as the `date` helper takes it (`this` needs `documentIso`, the document's own date). With `time`,
 * the time the meeting starts follows its first day, which then has its month: "2021. gada 17. maijā
 * plkst. 10.00 un 18. maijā", "17. maijā plkst. 10.00 – 19. maijā".
 */
export function formatDaysLv(startIso: string, endIso: string, grammaticalCase: DateCase, year: YearForm = 'full', documentIso?: string, time?: string): string {
  const [start, end] = [parseIsoDate(startIso), parseIsoDate(endIso)];
  const documentYear = documentIso === undefined ? undefined : parseIsoDate(documentIso).year;
  const yearOf = ({ year: number }: CalendarDate) => (year === 'none' ? '' : year === 'this' && number === documentYear ? 'šā gada ' : `${number}. gada `);
  const twoDays = daysApart(startIso, endIso) === 1;
  // The time the meeting starts goes with its first day, written whole: "17. maijā plkst. 10.00 un 18. maijā", not after both days.
  const at = time === undefined ? '' : ` ${formatTimeLv(time)}`;
  if (start.year === end.year && start.month === end.month && at === '') {
    return `${yearOf(start)}${start.day}.${twoDays ? ' un ' : '–'}${formatDayMonthLv(endIso, grammaticalCase)}`;
  }
  const between = twoDays ? ' un ' : SPAN_DASH;
  const last = `${start.year === end.year ? '' : yearOf(end)}${formatDayMonthLv(endIso, grammaticalCase)}`;
  return `${yearOf(start)}${formatDayMonthLv(startIso, grammaticalCase)}${at}${between}${last}`;
}

/** "17–18 May 2021", "31 May – 1 June 2021", "31 December 2021 – 1 January 2022": the days of a meeting in English. */
export function formatDaysEn(startIso: string, endIso: string): string {
  const [start, end] = [parseIsoDate(startIso), parseIsoDate(endIso)];
  if (start.year !== end.year) return `${formatDateEn(startIso)}${SPAN_DASH}${formatDateEn(endIso)}`;
  if (start.month !== end.month) return `${start.day}${NBSP}${MONTHS_EN[start.month - 1]}${SPAN_DASH}${formatDateEn(endIso)}`;
  return `${start.day}–${formatDateEn(endIso)}`;
}

/** "17.05.2021.–18.05.2021." — the numeric form of a meeting's days. */
export function formatDaysNumericLv(startIso: string, endIso: string): string {
  return `${formatDateNumericLv(startIso)}–${formatDateNumericLv(endIso)}`;
}

/** "19.02.2021." — the numeric form used in references and tables. */
export function formatDateNumericLv(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${twoDigits(day)}.${twoDigits(month)}.${year}.`;
}

/** "17 May": an English day and month without the year. */
export function formatDayMonthEn(iso: string): string {
  const { month, day } = parseIsoDate(iso);
  return `${day}${NBSP}${MONTHS_EN[month - 1]}`;
}

/** "19 February 2021", with a non-breaking space between day and month. */
export function formatDateEn(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${day}${NBSP}${MONTHS_EN[month - 1]} ${year}`;
}

/** "plkst. 10.00" from "10.00" (or "10:00"). */
export function formatTimeLv(time: string): string {
  const [hours = '', minutes = '00'] = time.split(/[.:]/);
  return `plkst.${NBSP}${Number(hours)}.${minutes.padStart(2, '0')}`;
}

export { joinList } from '../util/join-list.js';

/** The quote styles in use: “…” as in the model report, or „…“. */
export type QuoteStyle = 'curly' | 'low-high';

const QUOTES: Record<QuoteStyle, readonly [string, string]> = {
  curly: ['\u201C', '\u201D'],
  'low-high': ['\u201E', '\u201C'],
};

/**
 * A text written whole in one pair of quotation marks, and no other inside: “…”, „…“ or „…” (both
 * written in Latvian texts), "…" or «…». The inner text is the first group that matched.
 */
const QUOTED_WHOLE = /^\s*(?:\u201C([^\u201C\u201D\u201E"]*)\u201D|\u201E([^\u201C\u201D\u201E"]*)[\u201C\u201D]|"([^\u201C\u201D\u201E"]*)"|\u00AB([^\u00AB\u00BB]*)\u00BB)\s*$/u;

/**
 * Wraps text in the configured quotation marks. A text the meeting file already wrote in quotation
 * marks (a topic copied from the presidency's paper as “…”) is wrapped once, in the configured ones,
 * not printed as ““…””.
 */
export function quote(text: string, style: QuoteStyle = 'curly'): string {
  const [open, close] = QUOTES[style];
  const quoted = QUOTED_WHOLE.exec(text);
  const inner = quoted ? quoted.slice(1).find((group) => group !== undefined) : undefined;
  return `${open}${inner ?? text}${close}`;
}

/**
 * The start of an abbreviation's introduction, "(turpmāk – " (or "(turpmāk tekstā – "; a hyphen
 * or an em dash counts too), as a regular expression's source: the short form and ")" follow.
 */
export const INTRODUCTION_START = '\\(turpmāk(?:\\s+tekstā)?\\s*[–—-]\\s*';

/**
 * Introduces abbreviations at their first mention: "Eiropas Savienības" becomes
 * "Eiropas Savienības (turpmāk – ES)". Terms are matched as given (in the case used), as
 * whole words: "Eiropas Savienība" is not found inside "Eiropas Savienības". Each short form
 * is introduced once: not again for a second entry with the same short form, nor when the
 * text already introduces it, nor when `introduced` (shared by the calls of one report) has it.
 */
export function introduceAbbreviations(text: string, abbreviations: readonly { term: string; short: string }[], introduced: Set<string> = new Set()): string {
  let result = text;
  // Entries with one short form (a term in two cases) are one abbreviation: the first mention of any of them is introduced.
  const shorts = [...new Set(abbreviations.map((entry) => entry.short))];
  for (const short of shorts) {
    if (introduced.has(short)) continue;
    if (new RegExp(`${INTRODUCTION_START}${escapeRegExp(short)}\\)`, 'u').test(result)) {
      introduced.add(short);
      continue;
    }
    let first: { index: number; end: number } | undefined;
    for (const { term } of abbreviations.filter((entry) => entry.short === short)) {
      // Any space between the term's words: a name pasted from Word may hold a no-break one ("Eiropas\u00A0Savienības");
      // and a soft hyphen between its letters ("Savie\u00ADnības"), which Word keeps from a hyphenated line and no one sees.
      const words = term
        .trim()
        .split(/\s+/)
        .map((word) => [...word].map(escapeRegExp).join('\\u00AD?'))
        .join('\\s+');
      const found = new RegExp(`(?<![\\p{L}\\p{N}_])${words}(?![\\p{L}\\p{N}_])`, 'u').exec(result);
      if (found && (!first || found.index < first.index)) first = { index: found.index, end: found.index + found[0].length };
    }
    if (!first) continue;
    // A no-break space before the dash: a line does not start with it (“– ES)”), as in the days of a meeting.
    result = `${result.slice(0, first.end)} (turpmāk\u00A0– ${short})${result.slice(first.end)}`;
    introduced.add(short);
  }
  return result;
}
