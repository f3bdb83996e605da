import * as z from 'zod';
import { isoDate, ministryCode, plainText } from './common.js';

/** The forms of a ministry's name, as reports print them. */
const nameForms = {
  nominative: plainText.meta({ description: 'Who: "Ārlietu ministrija".' }),
  genitive: plainText.meta({ description: 'Of whom: "Ārlietu ministrijas".' }),
  accusative: plainText.meta({ description: 'After "ar": "Ārlietu ministriju".' }),
  dative: plainText.optional().meta({ description: 'To whom: "Ārlietu ministrijai".' }),
  english: plainText.meta({ description: 'English name: "Ministry of Foreign Affairs".' }),
};

/** A ministry with the grammatical forms of its name that reports use. */
export const ministrySchema = z.strictObject({
  ...nameForms,
  abbreviation: plainText.optional().meta({ description: 'Latvian abbreviation as printed, e.g. "ĀM".' }),
  established: isoDate
    .optional()
    .meta({ description: 'The ministry’s first day (Klimata un enerģētikas ministrija: 2023-01-01): no report of a meeting before it can be cleared with it.' }),
  renamed: z
    .array(
      z.strictObject({
        from: isoDate.meta({ description: 'The first day of the new name.' }),
        ...nameForms,
        abbreviation: plainText.optional().meta({ description: 'The abbreviation from that day, when the new name has another (else the one in use before stays).' }),
      }),
    )
    .refine((names) => new Set(names.map((name) => name.from)).size === names.length, {
      message: 'two names start on the same day',
      params: { hint: 'Give each renaming its own `from` day.' },
    })
    .optional()
    .meta({
      description:
        'Names the ministry took later, each from a day on (the code stays): a report prints the name in use on its meeting’s date, the forms above before the first.',
    }),
});

/** The ministries registry: `ministries.yaml`, keyed by short code. */
export const ministriesSchema = z
  .record(ministryCode, ministrySchema)
  .meta({ title: 'briefing ministries registry', description: 'Ministries by short code, with their name forms.' });

/** One ministry's entry. */
export type Ministry = z.output<typeof ministrySchema>;

/** The forms of a ministry's name in use on `date` (YYYY-MM-DD): the last renaming on or before it, else the first name. */
export function nameOn(ministry: Ministry, date: string): Omit<Ministry, 'abbreviation' | 'renamed' | 'established'> {
  const later = (ministry.renamed ?? []).filter((name) => name.from <= date).sort((a, b) => (a.from < b.from ? -1 : 1)).at(-1);
  const { nominative, genitive, accusative, dative, english } = later ?? ministry;
  return { nominative, genitive, accusative, ...(dative === undefined ? {} : { dative }), english };
}
/** The ministry's abbreviation in use on `date` (YYYY-MM-DD): of the last renaming on or before it that gives one, else the first. */
export function abbreviationOn(ministry: Ministry, date: string): string | undefined {
  const later = (ministry.renamed ?? []).filter((name) => name.from <= date && name.abbreviation !== undefined).sort((a, b) => (a.from < b.from ? -1 : 1));
  return later.at(-1)?.abbreviation ?? ministry.abbreviation;
}

/** The name of the ministry `code` in use on `date` (YYYY-MM-DD), nominative; the code itself when the registry lacks it. */
export function nominativeOn(ministries: Ministries, code: string, date: string): string {
  const ministry = ministries[code];
  return ministry === undefined ? code : nameOn(ministry, date).nominative;
}

/** Whether the ministry exists on `date` (YYYY-MM-DD): it has no `established` day, or that day is not after it. */
export function existsOn(ministry: Ministry, date: string): boolean {
  return ministry.established === undefined || ministry.established <= date;
}

/** The whole registry. */
export type Ministries = z.output<typeof ministriesSchema>;

/** One of the names a ministry has had: its forms, its first day (none: the first name) and the first day of the next one (none: the name in use). */
export interface NamePeriod {
  nominative: string;
  from: string | undefined;
  next: string | undefined;
}

/** Every name the ministry has had, the first first, each with the days it was in use (see {@link NamePeriod}). */
export function namePeriods(ministry: Ministry): NamePeriod[] {
  const later = [...(ministry.renamed ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
  const starts = [undefined, ...later.map((name) => name.from)];
  return [ministry, ...later].map((name, index) => ({ nominative: name.nominative, from: starts[index], next: later[index]?.from }));
}
