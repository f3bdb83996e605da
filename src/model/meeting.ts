import * as z from 'zod';
import { abbreviation, FILE_CODE_PATTERN, isoDate, markdown, matchingNone, ministryCode, notWindowsReserved, plainText, signatory, TIME_PATTERN, WINDOWS_RESERVED } from './common.js';
import { ABSOLUTE_START, UP_SEGMENT } from './paths.js';

/** The longest file code: names stay well within every file system's limit with the folder and `.manifest.json`. */
export const FILE_CODE_MAX = 100;

/** A question put to the ministers, answered by one position. */
export const questionSchema = z.strictObject({
  text: plainText.meta({ description: 'The question as the report prints it.' }),
  text_en: plainText.optional().meta({ description: 'The question in English, for English templates; they print the Latvian `text` without it.' }),
  position: z
    .string()
    .min(1)
    .meta({ description: 'Id of the position (in positions/) that answers this question.' }),
});

/** The meeting's name in the grammatical cases the templates need. */
export const meetingNameSchema = z.strictObject({
  nominative: plainText.meta({ description: 'Who/what: "neformālā Eiropas Savienības izglītības ministru tiešsaistes sanāksme".' }),
  genitive: plainText.optional().meta({ description: 'Of what: "… sanāksmes".' }),
  locative: plainText.meta({ description: 'Where/at: "neformālajā Eiropas Savienības izglītības ministru tiešsaistes sanāksmē".' }),
  short_locative: plainText.meta({ description: 'Short form for the invitation formula: "sanāksmē".' }),
  english: plainText.optional().meta({ description: 'English name for English templates, in small letters and without an article, as it follows "Briefing note for the": "informal videoconference of EU education ministers".' }),
});

/** Where an in-person meeting is held, in the forms the templates print. */
export const placeSchema = z.strictObject({
  locative: plainText.meta({ description: 'Where, as the opening prints it after the date: "Briselē", "Luksemburgā", "Lisabonā".' }),
  english: plainText.optional().meta({ description: 'The place in English, for English templates: "Brussels".' }),
});

/** The ten configurations the Council of the EU meets in: the short names its own calendar uses, and their English names. */
export const COUNCIL_CONFIGURATION_NAMES = {
  GAC: 'General Affairs',
  FAC: 'Foreign Affairs',
  ECOFIN: 'Economic and Financial Affairs',
  JHA: 'Justice and Home Affairs',
  EPSCO: 'Employment, Social Policy, Health and Consumer Affairs',
  COMPET: 'Competitiveness',
  TTE: 'Transport, Telecommunications and Energy',
  AGRIFISH: 'Agriculture and Fisheries',
  ENVI: 'Environment',
  EYCS: 'Education, Youth, Culture and Sport',
} as const;

/** The short names of the Council's configurations, in the order of {@link COUNCIL_CONFIGURATION_NAMES}. */
export const COUNCIL_CONFIGURATIONS = Object.keys(COUNCIL_CONFIGURATION_NAMES) as (keyof typeof COUNCIL_CONFIGURATION_NAMES)[];

/**
 * The European Council's short name in its own calendar: not one of the Council's configurations, but a
 * `formation` a State Chancellery's briefing names. It meets in Brussels in every month.
 */
export const EUROPEAN_COUNCIL = 'EUCO';

/** Whether a meeting's `formation` is the European Council's (`EUCO`, in any case): heads of state or government meet there, not ministers. */
export function isEuropeanCouncil(formation: string | undefined): boolean {
  return formation?.trim().toUpperCase() === EUROPEAN_COUNCIL;
}

/** The English name of a configuration given by its short name in any case (`EYCS`, `eycs`, `Ecofin`), as {@link isEuropeanCouncil} takes `EUCO`; null for any other text. */
export function configurationName(formation: string): string | null {
  const short = formation.toUpperCase();
  return Object.hasOwn(COUNCIL_CONFIGURATION_NAMES, short) ? COUNCIL_CONFIGURATION_NAMES[short as keyof typeof COUNCIL_CONFIGURATION_NAMES] : null;
}

/** One EU Council meeting and the report prepared for it: `meetings/<date>-<slug>.yaml`. */
export const meetingSchema = z
  .strictObject({
    date: isoDate.meta({ description: 'Day of the meeting; its first day when it is held over several.' }),
    end_date: isoDate
      .optional()
      .meta({ description: 'Last day of a meeting held over several days, e.g. 2021-05-18 for 17–18 May (printed "2021. gada 17. un 18. maijā"); none for a one-day meeting.' }),
    place: placeSchema
      .optional()
      .meta({ description: 'Where an in-person meeting is held, printed after the date ("2021. gada 17. maijā Briselē notiks …"); none for a videoconference.' }),
    time: z
      .string()
      .regex(TIME_PATTERN, { error: (issue) => timeProblem(issue.input) })
      .optional()
      .meta({ description: 'Start time in Latvian notation, e.g. "10.00" (printed "plkst. 10.00").', patternErrorMessage: 'Write the time as HH.MM, e.g. 10.00.' }),
    kind: z.enum(['formal', 'informal']).meta({ description: 'Formal Council meeting or informal ministers’ meeting.' }),
    mode: z.enum(['in-person', 'videoconference']).meta({ description: 'How the meeting is held.' }),
    formation: plainText.meta({ description: 'Council configuration, e.g. EYCS (Education, Youth, Culture and Sport).', examples: [...COUNCIL_CONFIGURATIONS] }),
    participants: plainText.optional().meta({ description: 'Who meets, e.g. "ES izglītības ministri": for templates of your own; the built-in ones do not print it (the meeting\'s name says who meets).' }),
    presidency: plainText.meta({ description: 'The presidency, e.g. "Portugāle".' }),
    topic: plainText.meta({ description: 'Topic of the discussion, printed in quotes.' }),
    topic_en: plainText.optional().meta({ description: 'The topic in English, for English templates; they print the Latvian `topic` without it.' }),
    name: meetingNameSchema.meta({ description: 'The meeting’s name in the grammatical cases the templates print.' }),
    abbreviations: z.array(abbreviation).optional().meta({ description: 'Abbreviations introduced at first mention, besides the project’s.' }),
    outcome: markdown.optional().meta({ description: 'What the discussion feeds into; ends the opening paragraph.' }),
    outcome_en: markdown.optional().meta({ description: 'The outcome in English, Markdown, for English templates; they print the Latvian `outcome` without it.' }),
    background: markdown.meta({ description: 'Summary of the discussion paper and earlier acts, in Markdown paragraphs.' }),
    background_en: markdown
      .optional()
      .meta({ description: 'The background in English, Markdown, for English templates; they print the Latvian `background` without it, marked as not translated.' }),
    questions: z
      .array(questionSchema)
      .meta({ description: 'The questions in the order the report answers them; empty while a new meeting is being drafted.' }),
    required_clearances: z
      .array(ministryCode)
      .superRefine((codes, context) => {
        codes.forEach((code, index) => {
          if (codes.indexOf(code) === index) return;
          context.addIssue({
            code: 'custom',
            path: [index],
            message: `${code} is already listed`,
            params: { ruleId: 'meeting/duplicate-clearance', hint: 'List each ministry once.' },
          });
        });
      })
      // The refinement above, as the editors' schema says it.
      .meta({ description: 'Ministries whose clearance every included position needs before the report is final.', uniqueItems: true }),
    template: z
      .string()
      .min(1)
      .default('informative-report.lv')
      // Refused where the template is read (load/templates.ts), links followed; the editors are told the part a name shows.
      .meta({ description: 'Template under templates/, without ".md.hbs"; may name a subfolder, never a folder above nor a path from the top of a disk.', ...matchingNone(UP_SEGMENT, ABSOLUTE_START) }),
    file_code: z
      .string()
      .regex(FILE_CODE_PATTERN, 'a file code is ASCII letters (A–Z, a–z, no ā or š), digits, "_" and "-", e.g. IZMzin_190221_EDUC')
      .max(FILE_CODE_MAX, `a file code is at most ${FILE_CODE_MAX} characters (it names the output files)`)
      .refine((code) => !WINDOWS_RESERVED.test(code), {
        message: 'Windows reserves this name for a device, so no file can be called that there',
        params: { ruleId: 'meeting/reserved-file-code', hint: 'Use a code like IZMzin_190221_EDUC.' },
      })
      .meta({
        description: 'Document file name code, e.g. IZMzin_190221_EDUC: names the output files and the footer.',
        patternErrorMessage: 'A file code is ASCII letters (A–Z, a–z, no ā or š), digits, "_" and "-", e.g. IZMzin_190221_EDUC.',
        ...notWindowsReserved,
      }),
    document_date: isoDate.optional().meta({ description: 'Date stamped into the DOCX properties; defaults to the day of the latest current clearance by a ministry the meeting requires.' }),
    signature: signatory.optional().meta({ description: 'Signature block printed at the end.' }),
    visa: signatory.optional().meta({ description: 'Visa line ("Vīza: …") printed under the signature.' }),
  })
  .meta({ title: 'briefing meeting', description: 'An EU Council meeting and the informative report prepared for it.' });

/** The day a meeting is over: its `end_date` when it is held over several days, else its `date`. */
export function lastDayOf(meeting: { date: string; end_date?: string | undefined }): string {
  return meeting.end_date !== undefined && meeting.end_date > meeting.date ? meeting.end_date : meeting.date;
}

/** Whether a meeting is still to come on `today` (YYYY-MM-DD): its last day is that day or later. */
export function isToCome(meeting: { date: string; end_date?: string | undefined }, today: string): boolean {
  return lastDayOf(meeting) >= today;
}

/**
 * Of the meetings that use a position, those not over on `today`, when there are any; else all of them (none to come,
 * or no `today`). A position used for years waits for what the meetings still to come require, not for what a ministry
 * that has since handed the area over was asked years ago (`list --uncleared`, and what `clear` says is still awaited).
 */
export function stillToCome<T extends { date: string; end_date?: string | undefined }>(meetings: readonly T[], today: string | undefined): readonly T[] {
  const coming = today === undefined ? [] : meetings.filter((meeting) => isToCome(meeting, today));
  return coming.length ? coming : meetings;
}

/** A meeting file as validated: defaults applied. */
export type Meeting = z.output<typeof meetingSchema>;
/** One question of a meeting. */
export type Question = z.output<typeof questionSchema>;

/** Why a meeting's `time` is no time of day: not written HH.MM, or (`25.00`, `9.75`) no time a clock shows. */
function timeProblem(value: unknown): string {
  const written = typeof value === 'string' ? /^\s*(\d{1,2})[.:](\d{2})\s*$/.exec(value) : null;
  if (written && (Number(written[1]) > 23 || Number(written[2]) > 59)) return `there is no ${String(value).trim()} on a clock (hours 0 to 23, minutes 00 to 59): write the time as HH.MM, e.g. 10.00`;
  return 'write the time as HH.MM, e.g. 10.00';
}
