import { FILE_CODE_PATTERN, MINISTRY_CODE_PATTERN, TIME_PATTERN } from '../model/common.js';
import { LANGUAGE_TAG_PATTERN } from '../model/config.js';
import { ANSWER_FINGERPRINT_PATTERN, POSITION_ID_PATTERN } from '../model/position.js';
import { withoutDiacritics } from '../util/ascii.js';

/** How to mend a value of one pattern: the value made of what the pattern takes, and what to write when that is not enough. */
interface Mend {
  pattern: RegExp;
  /** The value with what the pattern does not take left out, undefined when no such value is worth offering. */
  tidy: (value: string) => string | undefined;
  /** The hint when the tidied value is no good either. */
  otherwise: string;
}

/** Letters as plain ASCII: a ligature copied out of a PDF (`ﬁ`) as its letters, a Latvian letter without its mark. */
function plainLetters(value: string): string {
  return withoutDiacritics(value.normalize('NFKC'));
}

const MENDS: readonly Mend[] = [
  {
    pattern: FILE_CODE_PATTERN,
    tidy: (value) => plainLetters(value).replace(/[^A-Za-z0-9_-]/g, '').replace(/^[_-]+/, ''),
    otherwise: 'Write the file code with ASCII letters, digits, "_" and "-" only, e.g. IZMzin_190221_EDUC.',
  },
  {
    pattern: POSITION_ID_PATTERN,
    tidy: (value) => plainLetters(value).toLowerCase().replace(/[^a-z0-9._-]/g, '').replace(/^[._-]+/, ''),
    otherwise: 'Write the id with small letters a–z, digits, ".", "_" and "-", e.g. equity-reforms (by convention the file’s name).',
  },
  {
    pattern: MINISTRY_CODE_PATTERN,
    // A code in small letters is the code; letters mixed with other signs are a guess worth offering only in capitals already.
    tidy: (value) => {
      const letters = plainLetters(value).replace(/[^A-Za-z]/g, '');
      return letters === letters.toLowerCase() ? letters.toUpperCase() : letters;
    },
    otherwise: 'Write the ministry’s code as the registry has it: ASCII capitals, e.g. AM, LM or IZM (see ministries.yaml, or the registry built into briefing).',
  },
  {
    pattern: LANGUAGE_TAG_PATTERN,
    tidy: (value) => {
      const parts = /^\s*([a-z]{2,3})[-_ ]([a-z]{2})\s*$/i.exec(value);
      return parts ? `${(parts[1] ?? '').toLowerCase()}-${(parts[2] ?? '').toUpperCase()}` : undefined;
    },
    otherwise: 'Write a language tag such as lv-LV or en-GB.',
  },
  {
    pattern: ANSWER_FINGERPRINT_PATTERN,
    tidy: () => undefined,
    otherwise: 'Record the clearance again with `briefing clear`, which writes the fingerprint of the text cleared: leave `answer` to it.',
  },
  { pattern: TIME_PATTERN, tidy: () => undefined, otherwise: 'Write the time as HH.MM, e.g. "10.00".' },
];

/**
 * What to write instead of a value (or key) its pattern (`pattern`, as zod's issue gives it)
 * refuses: the value with what the pattern does not take left out, when that is one the pattern
 * takes (“Did you mean `IZMzin_190221_EDUC`?” for `IZMz>in_190221_EDUC`, `AM` for `A|M`; the message
 * says what such a value is made of); else how such a value is written. Undefined for a pattern not known here.
 */
export function formatHint(pattern: string | undefined, value: unknown): string | undefined {
  const mend = MENDS.find((one) => String(one.pattern) === pattern);
  if (!mend) return undefined;
  const tidy = typeof value === 'string' ? mend.tidy(value) : undefined;
  if (tidy && tidy !== value && mend.pattern.test(tidy)) return `Did you mean \`${tidy}\`?`;
  return mend.otherwise;
}
