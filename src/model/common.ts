import * as z from 'zod';
import { withoutDiacritics } from '../util/ascii.js';
import { YEAR_PATTERN, YEARS } from './date.js';

/** A calendar date written `YYYY-MM-DD`, checked for real days (no 30 February). */
export const isoDate = z.iso
  .date()
  // 0000-01-01 is a slip, not a day of a meeting.
  .refine((day) => !/^\d{4}-/.test(day) || YEAR_PATTERN.test(day), {
    message: `a year between ${YEARS.first} and ${YEARS.last} is expected`,
    params: { ruleId: 'schema/date', hint: 'Check the year.' },
  })
  // zod leaves a refinement out of the JSON Schema: the editors are given the same pattern.
  // patternErrorMessage: what the YAML language server says instead of the expression.
  .meta({
    description: 'A date written YYYY-MM-DD, e.g. 2021-02-19.',
    patternErrorMessage: 'Write a day that exists as YYYY-MM-DD, e.g. 2021-02-19.',
    allOf: [{ pattern: jsonPattern(YEAR_PATTERN), patternErrorMessage: `A year between ${YEARS.first} and ${YEARS.last} is expected: check the year.` }],
  });

/** What a file code is written with: ASCII letters, digits, `_` and `-`, from a letter or digit. */
export const FILE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** A meeting's start time as the report prints it: HH.MM, `10.00`. */
export const TIME_PATTERN = /^([01]?\d|2[0-3])\.[0-5]\d$/;

/** What a ministry's code is written with: a capital ASCII letter, then up to nine ASCII letters. */
export const MINISTRY_CODE_PATTERN = /^[A-Z][A-Za-z]{0,9}$/;

/** A ministry's short code from the registry, e.g. `AM` or `IZM`. */
export const ministryCode = z
  .string()
  .regex(MINISTRY_CODE_PATTERN, {
    // Written in small letters (`am`), which `clear --ministry` takes: say so, with the code in capitals.
    // Written as the report prints it (`ĀM`, the foreign ministry's abbreviation): the code has no diacritics.
    error: (issue) => {
      const input = typeof issue.input === 'string' ? issue.input : '';
      if (/^[a-z][A-Za-z]{0,9}$/.test(input)) return `a ministry code is written in capital letters (${input.toUpperCase()}, not ${input})`;
      const ascii = withoutDiacritics(input);
      if (ascii !== input && /^[A-Z][A-Za-z]{0,9}$/.test(ascii)) return `a ministry code is written without diacritics (${ascii}, not ${input})`;
      return 'a ministry code is a short ASCII code such as AM, LM or IZM';
    },
  })
  .meta({ description: 'Short ASCII code of a ministry in the registry, e.g. AM, LM, IZM.', patternErrorMessage: 'A ministry code is a short ASCII code in capital letters, such as AM, LM or IZM.' });

/**
 * A character XML 1.0 cannot hold, so no Word document can: a C0 control other than tab, line
 * feed and carriage return (NUL included), U+FFFE, U+FFFF or a lone surrogate. Refused in every
 * file briefing reads (load/characters.ts), and in every text by the editors' schemas.
 */
export const FORBIDDEN_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A character of one of {@link FORBIDDEN_CHARACTER}'s kinds, paired surrogates too: a text without
 * one has nothing it could find, which this tells in a fraction of the time (a 5 MB position: 5
 * against 20 ms), so a scan for it is asked first.
 */
export const MAY_BE_FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text inserted as Markdown on purpose: paragraphs, emphasis, `1)` lists, footnotes. */
export const markdown = z.string().meta({ description: 'Markdown: paragraphs, **bold**, *italic*, "1)" lists, footnotes.' });

/** A character that prints: not a space or line break (which `trim` takes off), nor a zero-width one. */
const VISIBLE = /[^\s\u200B-\u200D\u2060\uFEFF]/u;

/** A one-line plain-text value; Markdown characters in it are printed as they are. */
export const plainText = z
  .string()
  .trim()
  .min(1)
  // Invisible characters alone (zero-width spaces copied from the web) print nothing either.
  .refine((text) => text === '' || VISIBLE.test(text), { message: 'holds only invisible characters', params: { ruleId: 'schema/too-small', hint: 'Write the text, or remove the field.' } })
  .meta({
    description: 'Plain text; Markdown characters are printed literally. Spaces and line breaks at either end are left out (a `>` or `|` block ends with one).',
    // The schema cannot trim: a text of spaces alone has its minLength. What check asks of the trimmed text, the editors are asked as a pattern.
    pattern: jsonPattern(VISIBLE),
    patternErrorMessage: 'Write the text, or remove the field: spaces and invisible characters alone print nothing.',
  });

/** A person who signs or endorses the report. */
export const signatory = z.strictObject({
  role: plainText.meta({ description: 'Title as printed, e.g. "Izglītības un zinātnes ministre".' }),
  name: plainText.meta({ description: 'Name as printed, e.g. "I. Šuplinska".' }),
});

/** A term and the abbreviation introduced at its first mention ("Eiropas Savienības (turpmāk – ES)"). */
export const abbreviation = z.strictObject({
  term: plainText.meta({ description: 'The words as they appear in the text, in the case used there.' }),
  short: plainText.meta({ description: 'The abbreviation, e.g. ES.' }),
});

/** The names Windows keeps for devices, in small letters, as alternatives of a regular expression. */
const DEVICE_NAMES = 'con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]';

/** Names Windows keeps for devices (any case): `CON.md` or `con.yaml` cannot be created there. */
export const WINDOWS_RESERVED = new RegExp(`^(${DEVICE_NAMES})$`, 'i');

/** JSON Schema (draft 7) refusing {@link WINDOWS_RESERVED}: a pattern takes no `i`, so each letter is written in both cases. */
export const notWindowsReserved = matchingNone(new RegExp(`^(${DEVICE_NAMES.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`)})$`));

/**
 * A regular expression as a JSON Schema `pattern`, which takes no flags: refused for an
 * expression whose flags change what it matches (`i`, `m`, `s`), which would say another rule.
 */
export function jsonPattern(expression: RegExp): string {
  if (/[ims]/.test(expression.flags)) throw new Error(`/${expression.source}/${expression.flags} has flags a JSON Schema pattern cannot carry`);
  return expression.source;
}

/** JSON Schema (draft 7) for a text that matches none of `expressions`. */
export function matchingNone(...expressions: readonly RegExp[]): { allOf: { not: { pattern: string } }[] } {
  return { allOf: expressions.map((expression) => ({ not: { pattern: jsonPattern(expression) } })) };
}
