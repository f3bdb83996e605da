import { describe, expect, it } from 'vitest';
import {
  formatDateEn,
  formatDateLv,
  formatDateNumericLv,
  formatDateThisYearLv,
  formatDayMonthLv,
  formatDaysEn,
  formatDaysLv,
  formatDaysNumericLv,
  formatTimeLv,
  introduceAbbreviations,
  joinList,
  NBSP,
  parseIsoDate,
  quote,
} from '../../src/render/latvian.js';

// The month table of BRIEFING-FORMAT.md, typed out again here so the code is checked against the source.
const TABLE = `
1 janvāris janvāra janvārī
2 februāris februāra februārī
3 marts marta martā
4 aprīlis aprīļa aprīlī
5 maijs maija maijā
6 jūnijs jūnija jūnijā
7 jūlijs jūlija jūlijā
8 augusts augusta augustā
9 septembris septembra septembrī
10 oktobris oktobra oktobrī
11 novembris novembra novembrī
12 decembris decembra decembrī`
  .trim()
  .split('\n')
  .map((line) => line.split(' '));

describe('Latvian dates', () => {
  it.each(TABLE)('month %s in all three cases', (month, nominative, genitive, locative) => {
    const iso = `2021-${String(month).padStart(2, '0')}-05`;
    expect(formatDateLv(iso, 'nominative')).toBe(`2021. gada 5.${NBSP}${nominative}`);
    expect(formatDateLv(iso, 'genitive')).toBe(`2021. gada 5.${NBSP}${genitive}`);
    expect(formatDateLv(iso, 'locative')).toBe(`2021. gada 5.${NBSP}${locative}`);
  });

  it.each(TABLE)('month %s without the year, in all three cases', (month, nominative, genitive, locative) => {
    const iso = `2021-${String(month).padStart(2, '0')}-19`;
    expect(formatDayMonthLv(iso, 'nominative')).toBe(`19.${NBSP}${nominative}`);
    expect(formatDayMonthLv(iso, 'genitive')).toBe(`19.${NBSP}${genitive}`);
    expect(formatDayMonthLv(iso, 'locative')).toBe(`19.${NBSP}${locative}`);
  });

  it.each(TABLE)('month %s as "šā gada" in the document’s year, in all three cases', (month, nominative, genitive, locative) => {
    const iso = `2021-${String(month).padStart(2, '0')}-19`;
    expect(formatDateThisYearLv(iso, 'nominative', '2021-12-31')).toBe(`šā gada 19.${NBSP}${nominative}`);
    expect(formatDateThisYearLv(iso, 'genitive', '2021-01-01')).toBe(`šā gada 19.${NBSP}${genitive}`);
    expect(formatDateThisYearLv(iso, 'locative', '2021-02-15')).toBe(`šā gada 19.${NBSP}${locative}`);
  });

  it.each(TABLE)('month %s in another year than the document’s keeps the year', (month, nominative, genitive, locative) => {
    const iso = `2021-${String(month).padStart(2, '0')}-19`;
    expect(formatDateThisYearLv(iso, 'nominative', '2020-12-31')).toBe(`2021. gada 19.${NBSP}${nominative}`);
    expect(formatDateThisYearLv(iso, 'genitive', '2022-01-01')).toBe(`2021. gada 19.${NBSP}${genitive}`);
    expect(formatDateThisYearLv(iso, 'locative', '2020-02-19')).toBe(`2021. gada 19.${NBSP}${locative}`);
  });

  it('writes the model report’s dates', () => {
    expect(formatDateLv('2021-02-19', 'locative')).toBe('2021. gada 19.\u00A0februārī');
    expect(formatDateLv('2021-02-19', 'genitive')).toBe('2021. gada 19.\u00A0februāra');
  });

  it('does not drift with the time zone (no Date involved)', () => {
    expect(formatDateLv('2021-01-01', 'nominative')).toBe('2021. gada 1.\u00A0janvāris');
    expect(formatDateLv('2021-12-31', 'locative')).toBe('2021. gada 31.\u00A0decembrī');
  });

  it('rejects what is not a date, naming it', () => {
    expect(() => formatDateLv('19.02.2021', 'locative')).toThrow(new RangeError('not a date in YYYY-MM-DD form: 19.02.2021'));
    expect(() => formatDateLv('2021-13-01', 'locative')).toThrow(new RangeError('not a calendar date: 2021-13-01'));
    expect(() => formatDateLv('2021-01-00', 'locative')).toThrow(new RangeError('not a calendar date: 2021-01-00'));
    expect(() => formatDateLv('2021-01-32', 'locative')).toThrow(new RangeError('not a calendar date: 2021-01-32'));
  });

  it('writes the nominative when no case is named', () => {
    expect(formatDateLv('2021-02-19')).toBe(`2021. gada 19.${NBSP}februāris`);
    expect(formatDayMonthLv('2021-02-19')).toBe(`19.${NBSP}februāris`);
  });

  it('names every month in English', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    expect(months.map((_, index) => formatDateEn(`2021-${String(index + 1).padStart(2, '0')}-01`))).toEqual(months.map((month) => `1${NBSP}${month} 2021`));
  });

  it('numeric, English and time forms', () => {
    expect(formatDateNumericLv('2021-02-09')).toBe('09.02.2021.');
    expect(formatDateEn('2021-02-19')).toBe('19\u00A0February 2021');
    expect(formatTimeLv('10.00')).toBe('plkst.\u00A010.00');
    expect(formatTimeLv('9:30')).toBe('plkst.\u00A09.30');
    // An hour written with its zero, as the meeting's `time` may be: Latvian writes none (a mutant that survived, mutation14).
    expect(formatTimeLv('09.30')).toBe('plkst.\u00A09.30');
  });

  it('refuses a month or a day out of the calendar, which would print a month named “undefined”', () => {
    expect(() => parseIsoDate('2021-00-10')).toThrow('not a calendar date: 2021-00-10');
    expect(() => parseIsoDate('2021-13-10')).toThrow('not a calendar date: 2021-13-10');
    expect(() => parseIsoDate('2021-02-00')).toThrow('not a calendar date: 2021-02-00');
    expect(parseIsoDate('2021-12-31')).toEqual({ year: 2021, month: 12, day: 31 });
  });
});

describe('the days of a meeting held over several', () => {
  const lv = (start: string, end: string, grammaticalCase: 'nominative' | 'genitive' | 'locative' = 'locative') => formatDaysLv(start, end, grammaticalCase).replaceAll(NBSP, '~');

  it('joins two days with "un", more with an en dash, the month once when it is one', () => {
    expect(lv('2021-05-17', '2021-05-18')).toBe('2021. gada 17. un 18.~maijā');
    expect(lv('2021-05-17', '2021-05-18', 'genitive')).toBe('2021. gada 17. un 18.~maija');
    expect(lv('2021-05-17', '2021-05-19')).toBe('2021. gada 17.–19.~maijā');
    expect(lv('2021-05-17', '2021-05-19', 'nominative')).toBe('2021. gada 17.–19.~maijs');
  });

  it('names both months when the days are in two, and both years when in two', () => {
    expect(lv('2021-05-31', '2021-06-01')).toBe('2021. gada 31.~maijā un 1.~jūnijā');
    expect(lv('2021-05-31', '2021-06-01', 'genitive')).toBe('2021. gada 31.~maija un 1.~jūnija');
    // The dash stays on the line of the date before it, as the day stays with its month.
    expect(lv('2021-05-30', '2021-06-01')).toBe('2021. gada 30.~maijā~– 1.~jūnijā');
    expect(lv('2021-12-31', '2022-01-01')).toBe('2021. gada 31.~decembrī un 2022. gada 1.~janvārī');
    // Leap years and month lengths: 28 February and 1 March are two days in 2021, three in 2024.
    expect(lv('2021-02-28', '2021-03-01')).toBe('2021. gada 28.~februārī un 1.~martā');
    expect(lv('2024-02-28', '2024-03-01')).toBe('2024. gada 28.~februārī~– 1.~martā');
    expect(lv('2021-12-30', '2022-01-01')).toBe('2021. gada 30.~decembrī~– 2022. gada 1.~janvārī');
  });

  it('writes the year as the date helper is told: none, or "šā gada" in the document’s year', () => {
    expect(formatDaysLv('2021-05-17', '2021-05-18', 'locative', 'none')).toBe(`17. un 18.${NBSP}maijā`);
    expect(formatDaysLv('2021-05-17', '2021-05-18', 'genitive', 'this', '2021-05-10')).toBe(`šā gada 17. un 18.${NBSP}maija`);
    expect(formatDaysLv('2021-05-17', '2021-05-18', 'genitive', 'this', '2020-12-10')).toBe(`2021. gada 17. un 18.${NBSP}maija`);
    expect(formatDaysLv('2021-12-31', '2022-01-01', 'locative', 'this', '2021-12-10')).toBe(`šā gada 31.${NBSP}decembrī un 2022. gada 1.${NBSP}janvārī`);
  });

  it('in English and in numbers', () => {
    expect(formatDaysEn('2021-05-17', '2021-05-18')).toBe(`17–18${NBSP}May 2021`);
    expect(formatDaysEn('2021-05-31', '2021-06-01')).toBe(`31${NBSP}May${NBSP}– 1${NBSP}June 2021`);
    expect(formatDaysEn('2021-12-31', '2022-01-01')).toBe(`31${NBSP}December 2021${NBSP}– 1${NBSP}January 2022`);
    expect(formatDaysNumericLv('2021-05-17', '2021-05-18')).toBe('17.05.2021.–18.05.2021.');
  });
});

describe('joinList', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A un B'],
    [['A', 'B', 'C'], 'A, B un C'],
    [['A', 'B', 'C', 'D'], 'A, B, C un D'],
  ])('%j → %j', (items, expected) => {
    expect(joinList(items)).toBe(expected);
  });

  it('takes another conjunction for English', () => {
    expect(joinList(['A', 'B', 'C'], 'and')).toBe('A, B and C');
  });
});

describe('quotes and abbreviations', () => {
  it('uses the configured quote style', () => {
    expect(quote('Skola 2030')).toBe('“Skola 2030”');
    expect(quote('Skola 2030', 'low-high')).toBe('„Skola 2030“');
    // Already written in quotation marks, of any kind: one pair, the configured one.
    for (const written of ['“Skola 2030”', '„Skola 2030“', '„Skola 2030”', '"Skola 2030"', '«Skola 2030»', ' “Skola 2030” ']) {
      expect(quote(written), written).toBe('“Skola 2030”');
      expect(quote(written, 'low-high'), written).toBe('„Skola 2030“');
    }
    // Quotation marks inside the text, or not around all of it, stay.
    expect(quote('Programma “Erasmus+” nākotnē')).toBe('“Programma “Erasmus+” nākotnē”');
    expect(quote('“Erasmus+” un “Apvārsnis Eiropa”')).toBe('““Erasmus+” un “Apvārsnis Eiropa””');
  });

  it('introduces an abbreviation at its first mention only', () => {
    const text = 'Eiropas Savienības ministri un Eiropas Savienības padome';
    expect(introduceAbbreviations(text, [{ term: 'Eiropas Savienības', short: 'ES' }])).toBe(
      'Eiropas Savienības (turpmāk\u00A0– ES) ministri un Eiropas Savienības padome',
    );
    expect(introduceAbbreviations('nekā', [{ term: 'Eiropas Savienības', short: 'ES' }])).toBe('nekā');
  });

  it('finds the term with any space between its words: a name pasted from Word may hold a no-break one', () => {
    expect(introduceAbbreviations('Eiropas\u00A0Savienības padomes sanāksme', [{ term: 'Eiropas Savienības', short: 'ES' }])).toBe('Eiropas\u00A0Savienības (turpmāk\u00A0– ES) padomes sanāksme');
    // And a term written in the configuration with two spaces, or a no-break one, is found with one (a mutant that survived, mutation14).
    expect(introduceAbbreviations('Eiropas Savienības padomes sanāksme', [{ term: 'Eiropas  Savienības', short: 'ES' }])).toBe('Eiropas Savienības (turpmāk\u00A0– ES) padomes sanāksme');
    expect(introduceAbbreviations('Eiropas Savienības padomes sanāksme', [{ term: 'Eiropas\u00A0Savienības', short: 'ES' }])).toBe('Eiropas Savienības (turpmāk\u00A0– ES) padomes sanāksme');
  });

  it('finds the term with a soft hyphen between its letters, as Word keeps one from a hyphenated line', () => {
    // "Savie\u00ADnības" reads "Savienības" in every editor: the introduction was not made, and the check asked for the name written in full.
    expect(introduceAbbreviations('neformālā Eiropas Savie\u00ADnības sanāksme', [{ term: 'Eiropas Savienības', short: 'ES' }])).toBe(
      'neformālā Eiropas Savie\u00ADnības (turpmāk\u00A0– ES) sanāksme',
    );
    // Not a hyphen as typed: "Savie-nības" is another word.
    expect(introduceAbbreviations('Eiropas Savie-nības sanāksme', [{ term: 'Eiropas Savienības', short: 'ES' }])).toBe('Eiropas Savie-nības sanāksme');
  });

  it('introduces whole words only, and each short form once', () => {
    const nominative = [{ term: 'Eiropas Savienība', short: 'ES' }];
    // Not inside a longer word: the check then says the report never introduces ES.
    expect(introduceAbbreviations('neformālā Eiropas Savienības izglītības ministru sanāksme', nominative)).toBe('neformālā Eiropas Savienības izglītības ministru sanāksme');
    // Nor at the end of one (a mutant that survived, mutation14).
    expect(introduceAbbreviations('PanEiropas Savienība un tās dalībvalstis', nominative)).toBe('PanEiropas Savienība un tās dalībvalstis');
    expect(introduceAbbreviations('Eiropas Savienība un tās dalībvalstis', nominative)).toBe('Eiropas Savienība (turpmāk\u00A0– ES) un tās dalībvalstis');
    const twice = [{ term: 'Eiropas Savienības', short: 'ES' }, { term: 'Eiropas Savienība', short: 'ES' }, { term: 'Eiropas Savienības', short: 'ES' }];
    expect(introduceAbbreviations('Eiropas Savienības padome un Eiropas Savienība', twice)).toBe('Eiropas Savienības (turpmāk\u00A0– ES) padome un Eiropas Savienība');
    // Already introduced in the text, or by an earlier call for the same report.
    expect(introduceAbbreviations('Eiropas Savienības (turpmāk – ES) padome', twice)).toBe('Eiropas Savienības (turpmāk – ES) padome');
    expect(introduceAbbreviations('Eiropas Savienības (turpmāk tekstā – ES) padome', twice)).toBe('Eiropas Savienības (turpmāk tekstā – ES) padome');
    // Typed with a hyphen or an em dash, it is one too (check warns of the mark): the report does not introduce ES twice (a mutant that survived, mutation14).
    expect(introduceAbbreviations('Eiropas Savienības (turpmāk - ES) padome', twice)).toBe('Eiropas Savienības (turpmāk - ES) padome');
    expect(introduceAbbreviations('Eiropas Savienības (turpmāk—ES) padome', twice)).toBe('Eiropas Savienības (turpmāk—ES) padome');
    // Of two entries with one short form, the one mentioned first is introduced, whichever is listed first.
    expect(introduceAbbreviations('Eiropas Savienība un Eiropas Savienības padome', twice)).toBe('Eiropas Savienība (turpmāk\u00A0– ES) un Eiropas Savienības padome');
    // The short form in parentheses of another kind is no introduction.
    expect(introduceAbbreviations('Eiropas Savienības padome (sk. arī ES)', twice)).toBe('Eiropas Savienības (turpmāk\u00A0– ES) padome (sk. arī ES)');
    const introduced = new Set<string>();
    expect(introduceAbbreviations('Eiropas Savienības padome', twice, introduced)).toBe('Eiropas Savienības (turpmāk\u00A0– ES) padome');
    expect(introduceAbbreviations('Eiropas Savienības sanāksme', twice, introduced)).toBe('Eiropas Savienības sanāksme');
  });
});
