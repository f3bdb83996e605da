import type { HelperOptions } from 'handlebars';
import type { MinistryRef, ReportModel } from '../resolve/report.js';
import { isRealDate } from '../model/date.js';
import { suggest } from '../util/suggest.js';
import {
  formatDateEn,
  formatDateLv,
  formatDateNumericLv,
  formatDateThisYearLv,
  formatDayMonthEn,
  formatDayMonthLv,
  formatDaysEn,
  formatDaysLv,
  formatDaysNumericLv,
  formatTimeLv,
  introduceAbbreviations,
  joinList,
  quote,
  type DateCase,
  type QuoteStyle,
} from './latvian.js';

/** A helper was called with arguments it cannot use: reported at the template's line. */
export class HelperUsageError extends Error {
  override readonly name = 'HelperUsageError';
  /** Line of the helper call in the template, filled in by {@link locateHelperErrors}. */
  lineNumber: number | undefined;
  /** 0-based column, as Handlebars counts. */
  column: number | undefined;
  /** What to write instead, when the call shows it (the nearest of a helper's choices). */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** Wraps a helper so that a usage error carries the template line it was called from. */
export function locateHelperErrors(helper: Helper): Helper {
  return (...args) => {
    try {
      return helper(...args);
    } catch (error) {
      const options = args[args.length - 1];
      if (error instanceof HelperUsageError && isHelperOptions(options)) {
        const loc: unknown = Reflect.get(options, 'loc');
        const start: unknown = typeof loc === 'object' && loc !== null ? Reflect.get(loc, 'start') : undefined;
        if (typeof start === 'object' && start !== null) {
          const line: unknown = Reflect.get(start, 'line');
          const column: unknown = Reflect.get(start, 'column');
          if (typeof line === 'number') error.lineNumber = line;
          if (typeof column === 'number') error.column = column;
        }
      }
      throw error;
    }
  };
}

/** A template helper: positional arguments, then Handlebars' options object. */
export type Helper = (...args: unknown[]) => unknown;

const DATE_CASES: readonly DateCase[] = ['nominative', 'genitive', 'locative'];
/** How the `date` helper writes the year: always, never, or "šā gada" in the document's year. */
const YEAR_FORMS = ['full', 'none', 'this'] as const;
const NAME_FORMS = ['nominative', 'genitive', 'accusative', 'dative', 'english', 'abbreviation', 'code'] as const;
type NameForm = (typeof NAME_FORMS)[number];
const CLEARANCE_STATES = ['cleared', 'earlier version', 'pending', 'objected', 'withdrawn', 'not recorded'] as const;
/** The Latvian words for each clearance state, as `clearanceStatus` prints them (and import knows them in a draft's note). */
export const CLEARANCE_STATUS_LV: Readonly<Record<(typeof CLEARANCE_STATES)[number], string>> = {
  cleared: 'saskaņots',
  'earlier version': 'saskaņota iepriekšējā versija',
  pending: 'atbilde vēl nav saņemta',
  objected: 'izteikti iebildumi',
  withdrawn: 'saskaņojums atsaukts',
  'not recorded': 'saskaņojums nav pieprasīts',
};

const CLEARANCE_STATUS_EN: Record<(typeof CLEARANCE_STATES)[number], string> = {
  cleared: 'cleared',
  'earlier version': 'an earlier version cleared',
  pending: 'no answer yet',
  objected: 'objections raised',
  withdrawn: 'clearance withdrawn',
  'not recorded': 'not asked',
};
const LANGUAGES = ['lv', 'en'] as const;

/** The `key=value` options a helper takes (`{{date meeting.date "genitive" year="none"}}`); the others take none. */
export const HELPER_OPTIONS: Readonly<Record<string, readonly string[]>> = { date: ['year', 'until', 'at'], dateNumeric: ['until'], dateEn: ['until', 'at'], join: ['quote'] };

/** How many arguments each helper takes, fewest and most, and a call as an example: read when it is called and when a template is checked. */
export const HELPER_ARITY: Readonly<Record<string, readonly [min: number, max: number, example: string]>> = {
  date: [1, 2, '{{date meeting.date "locative"}}'],
  dateNumeric: [1, 1, '{{dateNumeric meeting.date}}'],
  dateEn: [1, 1, '{{dateEn meeting.date}}'],
  time: [1, 1, '{{time meeting.time}}'],
  quote: [1, 2, '{{quote meeting.topic}}'],
  join: [1, 2, '{{join list}}'],
  ministry: [1, 2, '{{ministry ref "accusative"}}'],
  ministries: [1, 3, '{{ministries clearance.cleared "accusative"}}'],
  introduce: [1, 1, '{{introduce meeting.name.nominative}}'],
  eq: [2, 2, '{{#if (eq meeting.kind "informal")}}'],
  lowerFirst: [1, 1, '{{lowerFirst meeting.visa.role}}'],
  clearanceStatus: [1, 2, '{{clearanceStatus status}}'],
  inc: [1, 1, '{{inc @index}}'],
  upperFirst: [1, 1, '{{upperFirst text}}'],
  fullStop: [1, 1, '{{fullStop text}}'],
};

/**
 * The template helpers. Each is pure: it reads its arguments and, for settings such as
 * the quote style, the model at the template's root — never the environment. A new one also
 * needs its entry in HELPER_ARITY (and HELPER_OPTIONS, if it takes any) and a row in the README's
 * table of helpers (docs/contributing.md).
 */
export const HELPERS: Readonly<Record<string, Helper>> = {
  /**
   * `{{date meeting.date "locative"}}` → "2021. gada 19. februārī"; `year="none"` → "19. februārī";
   * `year="this"` → "šā gada 19. februārī" when the date is in the document's year (else the full form).
   * `at=meeting.time` → "2021. gada 19. februārī plkst. 10.00"; over several days the time follows the
   * first: "2021. gada 17. maijā plkst. 10.00 un 18. maijā".
   */
  date: (...args) => {
    const [iso, grammaticalCase = 'nominative'] = positional('date', args);
    const date = day('date', iso);
    const wanted = oneOf('date', grammaticalCase, DATE_CASES);
    const year = oneOf('date (year=)', hashOf(args)['year'] ?? 'full', YEAR_FORMS);
    const documentDate = rootOf(args)?.documentDate;
    if (year === 'this' && documentDate === undefined) throw new HelperUsageError('the helper `date` with year="this" needs the report model (its document date)');
    const until = lastDay('date', date, args);
    const time = startTime('date', args);
    if (until !== undefined) return formatDaysLv(date, until, wanted, year, documentDate, time);
    const at = time === undefined ? '' : ` ${formatTimeLv(time)}`;
    if (year === 'none') return formatDayMonthLv(date, wanted) + at;
    if (year === 'full' || documentDate === undefined) return formatDateLv(date, wanted) + at;
    return formatDateThisYearLv(date, wanted, documentDate) + at;
  },
  /** `{{dateNumeric meeting.date}}` → "19.02.2021."; with `until=meeting.endDate`, "17.05.2021.–18.05.2021.". */
  dateNumeric: (...args) => {
    const date = day('dateNumeric', positional('dateNumeric', args)[0]);
    const until = lastDay('dateNumeric', date, args);
    return until === undefined ? formatDateNumericLv(date) : formatDaysNumericLv(date, until);
  },
  /**
   * `{{dateEn meeting.date}}` → "19 February 2021"; with `until=meeting.endDate`, "17–18 May 2021"; with
   * `at=meeting.time`, "19 February 2021, 10.00", "17–18 May 2021, from 10.00 on 17 May".
   */
  dateEn: (...args) => {
    const date = day('dateEn', positional('dateEn', args)[0]);
    const until = lastDay('dateEn', date, args);
    const time = startTime('dateEn', args);
    const days = until === undefined ? formatDateEn(date) : formatDaysEn(date, until);
    if (time === undefined) return days;
    return until === undefined ? `${days}, ${time}` : `${days}, from ${time} on ${formatDayMonthEn(date)}`;
  },
  /** `{{time meeting.time}}` → "plkst. 10.00". */
  time: (...args) => formatTimeLv(timeOfDay('time', positional('time', args)[0])),
  /**
   * `{{quote meeting.topic}}` → “…” or „…“ per the `quotes` setting, a Latvian text's choice;
   * `{{quote meeting.topicEn "en"}}` → “…” always: English sets „…“ nowhere, so an English note
   * of a project with `quotes: low-high` printed its topic so.
   */
  quote: (...args) => {
    const [value, language = 'lv'] = positional('quote', args);
    return quote(text('quote', value), quoteStyle(args, oneOf('quote', language, LANGUAGES) === 'en'));
  },
  /**
   * `{{join list}}` → "A, B un C"; `{{join list "and"}}` for English. `quote=true` quotes each item as
   * `{{quote}}` does (`“A”, “B” un “C”`), `quote="en"` as `{{quote text "en"}}` does.
   */
  join: (...args) => {
    const [items, conjunction = 'un'] = positional('join', args);
    const quoting = hashOf(args)['quote'];
    const list = textList('join', items);
    if (quoting === undefined || quoting === false) return joinList(list, text('join', conjunction));
    if (quoting !== true && quoting !== 'lv' && quoting !== 'en') throw new HelperUsageError(`the helper \`join\` takes quote=true (or quote="lv"), or quote="en" for English quotation marks, got quote=${JSON.stringify(quoting)}`);
    const style = quoteStyle(args, quoting === 'en');
    return joinList(list.map((item) => quote(item, style)), text('join', conjunction));
  },
  /** `{{ministry ref "accusative"}}` → "Ārlietu ministriju". */
  ministry: (...args) => {
    const [ref, form = 'nominative'] = positional('ministry', args);
    return nameForm('ministry', ministryRef('ministry', ref, rootOf(args)), oneOf('ministry', form, NAME_FORMS));
  },
  /** `{{ministries clearance.cleared "accusative"}}` → "Ārlietu ministriju un Labklājības ministriju". */
  ministries: (...args) => {
    const [refs, form = 'nominative', conjunction = 'un'] = positional('ministries', args);
    if (!Array.isArray(refs)) throw new HelperUsageError('the helper `ministries` needs a list of ministries (such as clearance.cleared)');
    const list: unknown[] = refs;
    const wanted = oneOf('ministries', form, NAME_FORMS);
    const root = rootOf(args);
    return joinList(
      list.map((ref) => nameForm('ministries', ministryRef('ministries', ref, root), wanted)),
      text('ministries', conjunction),
    );
  },
  /** `{{introduce meeting.name.nominative}}` adds "(turpmāk – ES)" at the first mention of each abbreviation. */
  introduce: (...args) => {
    const [value] = positional('introduce', args);
    const root = rootOf(args);
    // Once per report, however often the template introduces: the title and the opening both may.
    let introduced = root ? introducedIn.get(root) : undefined;
    if (root && !introduced) introducedIn.set(root, (introduced = new Set()));
    return introduceAbbreviations(text('introduce', value), root?.abbreviations ?? [], introduced);
  },
  /** `{{#if (eq meeting.kind "informal")}}`. */
  eq: (...args) => {
    const [a, b] = positional('eq', args);
    return a === b;
  },
  /**
   * `{{lowerFirst text}}` lower-cases the first letter ("Vīza: valsts sekretāre"), but not of an
   * abbreviation ("ĀM valsts sekretāra vietnieks", "IeM valsts sekretārs"), a name of several capitalised words
   * ("Latvijas Republikas vēstnieks"), a ministry's name from the registry ("Izglītības un
   * zinātnes ministrijas valsts sekretāre", "Valsts kancelejas direktore") or an institution of the
   * Satversme: the Saeima, the Valsts prezidents, the Ministru kabinets and Ministru prezidents, the
   * Valsts kontrole and the Satversmes tiesa ("Ministru prezidenta biedrs", "Valsts prezidenta padomniece").
   */
  lowerFirst: (...args) => {
    const value = text('lowerFirst', positional('lowerFirst', args)[0]);
    const [first = '', second = ''] = value.split(/\s+/);
    // An abbreviation has a capital after its first letter: ĀM, VARAM, IeM. One as the second word ("Padomniece ES jautājumos") makes
    // no name of the first, unless that is a place's genitive ("Liepājas SEZ pārvaldnieks": -as, -es, as a role's nominative never ends).
    const abbreviation = (word: string) => /^\p{Lu}\S*\p{Lu}/u.test(word);
    // Nor does a place after a role's nominative ("Vēstnieks Beļģijā", "Padomniece Eiropas Savienības jautājumos"): a name of
    // several words starts with a genitive (-as, -es, -u, "Valsts"), a role with -s after a consonant or i, -š or -e.
    const role = first !== 'Valsts' && /(?:[^aeu]s|š|e)$/u.test(first);
    const capitalised = /^\p{Lu}/u.test(second) && (abbreviation(second) ? /(?:as|es)$/u.test(first) : !role);
    const name = abbreviation(first) || capitalised || STATE_OFFICES.test(value) || MINISTRY_NAME.test(value) || startsWithMinistryName(value, rootOf(args));
    return name ? value : value.charAt(0).toLocaleLowerCase('lv') + value.slice(1);
  },
  /** `{{clearanceStatus status}}` → the Latvian words for a clearance state ("atbilde vēl nav saņemta"); `"en"` for English. */
  clearanceStatus: (...args) => {
    const [state, language = 'lv'] = positional('clearanceStatus', args);
    const value = oneOf('clearanceStatus', state, CLEARANCE_STATES);
    return oneOf('clearanceStatus', language, LANGUAGES) === 'en' ? CLEARANCE_STATUS_EN[value] : CLEARANCE_STATUS_LV[value];
  },
  /** `{{inc @index}}` → the 1-based number of a list item. */
  inc: (...args) => {
    const [value] = positional('inc', args);
    if (typeof value !== 'number') throw new HelperUsageError('the helper `inc` needs a number, e.g. @index');
    return value + 1;
  },
  /**
   * `{{fullStop (quote meeting.topic)}}` ends a sentence with the text: adds its full stop, but not after a text that ends with its
   * own full stop, question or exclamation mark or an ellipsis, inside its quotation marks or not (“Kā uzlabot izglītību?”, not
   * “…?”.), as the EU's Latvian style guide (10.1.6) and English write a quoted sentence at a sentence's end.
   */
  fullStop: (...args) => {
    const value = text('fullStop', positional('fullStop', args)[0]);
    return SENTENCE_END.test(value) ? value : `${value}.`;
  },
  /** `{{upperFirst text}}` capitalises the first letter (for a name form starting a sentence). */
  upperFirst: (...args) => {
    const value = text('upperFirst', positional('upperFirst', args)[0]);
    return value.charAt(0).toLocaleUpperCase('lv') + value.slice(1);
  },
};

/** The quotation marks a helper quotes with: “…” in English text, whatever the setting; the project's `quotes` in Latvian. */
function quoteStyle(args: unknown[], english: boolean): QuoteStyle {
  return english ? 'curly' : (rootOf(args)?.settings.quotes ?? 'curly');
}

/** The arguments a helper was given, without Handlebars' trailing options object; as many as {@link HELPER_ARITY} allows. */
function positional(helper: string, args: unknown[]): unknown[] {
  const values = args.slice(0, -1);
  const wrong = arityProblem(helper, values.length);
  if (wrong) throw new HelperUsageError(wrong);
  return values;
}

/**
 * The arguments {@link HELPER_ARITY} gives the helper `name`; undefined for a name that is none of
 * briefing's helpers. Its own entries only: a template's `{{toString}}` or `{{__proto__}}` would
 * otherwise find what every object inherits, and the check read a function as the helper's counts.
 */
export function helperArity(name: string): (typeof HELPER_ARITY)[string] | undefined {
  return Object.hasOwn(HELPER_ARITY, name) ? HELPER_ARITY[name] : undefined;
}

/** What is wrong with calling a helper with `count` arguments (`the helper \`date\` takes 1 or 2 arguments, got 3`); undefined when nothing is. */
export function arityProblem(helper: string, count: number): string | undefined {
  const [min, max] = helperArity(helper) ?? [0, Infinity];
  if (count >= min && count <= max) return undefined;
  const wanted = min === max ? `${min === 1 ? 'one argument' : `${min} arguments`}` : `${min} ${max === min + 1 ? 'or' : 'to'} ${max} arguments`;
  return `the helper \`${helper}\` takes ${wanted}, got ${count}`;
}

/** A text's own end of a sentence, before any closing quotation marks: a full stop, a question or exclamation mark, an ellipsis. */
const SENTENCE_END = /[.?!…][\u201C\u201D\u00BB"]*$/u;

/** The short forms each report (its model, the root of a render) has introduced so far. */
const introducedIn = new WeakMap<ReportModel, Set<string>>();

function rootOf(args: unknown[]): ReportModel | undefined {
  const options = args[args.length - 1];
  if (!isHelperOptions(options)) return undefined;
  const root: unknown = options.data?.root;
  return isReportModel(root) ? root : undefined;
}

/** The `key=value` options a helper was given (`year="none"`). */
function hashOf(args: unknown[]): Record<string, unknown> {
  const options = args[args.length - 1];
  if (!isHelperOptions(options)) return {};
  const hash: unknown = options.hash;
  return typeof hash === 'object' && hash !== null ? Object.fromEntries(Object.entries(hash)) : {};
}

/**
 * Offices of the state written with a capital wherever they stand, as the Satversme writes them,
 * and the place names a role starts with ("Latvijas vēstniece", "Eiropas lietu direktore").
 */
const STATE_OFFICES = /^(?:(?:Ministru (?:prezident|kabinet)|Valsts (?:prezident|kontrol)|Satversmes tiesa|Saeim)\p{L}*|(?:Latvij|Eirop|Rīg|Baltij)(?:a|as|ai|u|ā))(?![\p{L}\p{N}])/u;

/**
 * A ministry's name in the genitive at the start, its own genitives and "un" before "ministrijas" ("Vides aizsardzības un
 * reģionālās attīstības ministrijas valsts sekretārs"): a proper name whether or not the registry holds it on the meeting's
 * day (a former name, one established later, one not listed). A role's nominative ("Padomnieks ministrijas …") ends otherwise.
 */
const MINISTRY_NAME = /^\p{Lu}\p{L}*(?:as|ās|es|ēs|a|u)(?:\s+(?:un|\p{L}+(?:as|ās|es|ēs|a|u)))*\s+ministrijas(?![\p{L}\p{N}])/u;

/** Whether `value` starts with a form of a registry ministry's name, a proper name that keeps its capital. */
function startsWithMinistryName(value: string, root: ReportModel | undefined): boolean {
  // A model made by hand (a test's) may have no registry. The issuer is named even on a day before it was established (a warning, meeting/issuer-not-established).
  const ministries = [...Object.values(root?.registry ?? {}), root?.issuingMinistry].filter((ministry) => ministry !== null && ministry !== undefined);
  return ministries.some((ministry) =>
    [ministry.nominative, ministry.genitive, ministry.accusative, ministry.dative].some(
      (form) => form !== null && form !== '' && value.startsWith(form) && !/^[\p{L}\p{N}]/u.test(value.slice(form.length)),
    ),
  );
}

function isHelperOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'hash' in value;
}

function isReportModel(value: unknown): value is ReportModel {
  return typeof value === 'object' && value !== null && 'settings' in value && 'abbreviations' in value;
}

function text(helper: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new HelperUsageError(`the helper \`${helper}\` needs text, got ${kindOf(value)}`);
}

/** What a value given to a helper is, in the words the template messages use: `questions` is a list, `meeting.name` a mapping. */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list: go through it with {{#each}} and give the helper a field of each item';
  if (typeof value === 'object') return `a mapping: give it one of its fields (${Object.keys(value).join(', ')})`;
  return typeof value === 'boolean' ? 'true or false' : typeof value;
}

/**
 * A day written YYYY-MM-DD that exists (what `meeting.date` holds); anything else is a usage error,
 * which ends with `remedy` when given (what the argument is meant to be given).
 */
function day(helper: string, value: unknown, remedy?: string): string {
  const written = text(helper, value);
  if (!isRealDate(written)) {
    const shaped = /^\d{4}-\d{2}-\d{2}$/.test(written);
    const problem = shaped
      ? `the helper \`${helper}\` got \`${written}\`, which is not a real calendar date`
      : `the helper \`${helper}\` needs a date written YYYY-MM-DD (such as meeting.date), got \`${written}\``;
    throw new HelperUsageError(remedy === undefined ? problem : `${problem}: ${remedy}`);
  }
  return written;
}

/** What a date helper's `until=` is for, said when it is given something else. */
const UNTIL_REMEDY = 'until= takes the last day of a meeting held over several, until=meeting.endDate';

/**
 * The last day of a meeting held over several days, from a date helper's `until=` (the meeting's
 * `end_date`): none when it is not given, is empty (a one-day meeting has no `end_date`) or is the
 * first day itself; a usage error when it is no date or comes before the first day.
 */
function lastDay(helper: string, first: string, args: unknown[]): string | undefined {
  const written = hashOf(args)['until'];
  if (written === undefined || written === null || written === '') return undefined;
  const last = day(`${helper} (until=)`, written, UNTIL_REMEDY);
  if (last < first) throw new HelperUsageError(`the helper \`${helper}\` got until=\`${last}\`, which is before the first day, \`${first}\`: ${UNTIL_REMEDY}`);
  return last === first ? undefined : last;
}

/**
 * The time a meeting starts, from a date helper's `at=` (the meeting's `time`): none when it is not given
 * or is empty (a meeting without a `time`), else as {@link timeOfDay} reads it.
 */
function startTime(helper: string, args: unknown[]): string | undefined {
  const written = hashOf(args)['at'];
  if (written === undefined || written === null || written === '') return undefined;
  return timeOfDay(`${helper} (at=)`, written);
}

/** A time of day written HH.MM or HH:MM (what `meeting.time` holds); anything else is a usage error. */
function timeOfDay(helper: string, value: unknown): string {
  const written = text(helper, value);
  if (!/^([01]?\d|2[0-3])[.:][0-5]\d$/.test(written)) throw new HelperUsageError(`the helper \`${helper}\` needs a time written HH.MM (such as meeting.time), got \`${written}\``);
  return written;
}

function textList(helper: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw new HelperUsageError(`the helper \`${helper}\` needs a list`);
  return value.map((item) => text(helper, item));
}

function oneOf<T extends string>(helper: string, value: unknown, options: readonly T[]): T {
  const found = options.find((option) => option === value);
  if (found === undefined) {
    const nearest = typeof value === 'string' ? suggest(value, options) : undefined;
    throw new HelperUsageError(
      `the helper \`${helper}\` takes one of ${options.join(', ')}, got ${String(value)}`,
      nearest === undefined ? `Write one of them in quotes, e.g. {{${helper} … "${options[0] ?? ''}"}}.` : `Did you mean "${nearest}"? Write the choice in quotes: {{${helper} … "${nearest}"}}.`,
    );
  }
  return found;
}

/** A ministry of the model (`issuingMinistry`, `registry.AM`, an item of `clearance.cleared`); `root` names the registry's empty ones when given none. */
function ministryRef(helper: string, value: unknown, root: ReportModel | undefined): MinistryRef {
  if (typeof value === 'object' && value !== null && 'code' in value && 'nominative' in value && 'accusative' in value) {
    const entries = Object.entries(value);
    const get = (key: string): string | null => {
      const found = entries.find(([k]) => k === key)?.[1];
      return typeof found === 'string' ? found : null;
    };
    return {
      code: get('code') ?? '',
      nominative: get('nominative') ?? '',
      genitive: get('genitive') ?? '',
      accusative: get('accusative') ?? '',
      dative: get('dative'),
      english: get('english') ?? '',
      abbreviation: get('abbreviation'),
    };
  }
  // An empty value: most likely `registry.KEM`, a ministry established after the meeting's date.
  const later = value === null ? Object.entries(root?.registry ?? {}).flatMap(([code, ministry]) => (ministry === null ? [code] : [])) : [];
  const [first] = later;
  if (root && first !== undefined) {
    throw new HelperUsageError(
      `the helper \`${helper}\` got an empty value, not a ministry: ${joinList(later, 'and')} ${later.length === 1 ? 'is' : 'are'} empty in \`registry\` for a meeting on ${root.meeting.date}, established after it (\`established\` in the ministries registry). Print such a ministry only when it is there, {{#if registry.${first}}}…{{/if}}, or name the ministry of the time`,
    );
  }
  throw new HelperUsageError(`the helper \`${helper}\` needs a ministry from the model (e.g. issuingMinistry)`);
}

function nameForm(helper: string, ref: MinistryRef, form: NameForm): string {
  const value = ref[form];
  if (value === null) throw new HelperUsageError(`the helper \`${helper}\`: ${ref.code} has no ${form} form in the registry`);
  return value;
}
