/** The rules of a field's typography: a hyphen for a dash, words split at a line's end, em dashes and straight quotes in Latvian text, notes side by side. */

import type { Root } from 'mdast';
import type { YamlFile } from '../load/yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';
import { walk } from '../util/markdown.js';
import { lineFrom, moreInField, fieldLabel, isEnglish, type Placer, placer } from './markdown-rule-place.js';

/** A hyphen, or two, with a space on each side between two words: in Latvian text, a dash typed as hyphens. */
export const SPACED_HYPHEN = /(?<=\S) --? (?=\S)/;
const SPACED_HYPHENS = new RegExp(SPACED_HYPHEN.source, 'g');

/**
 * `markdown/spaced-hyphen`: a hyphen (or two, "--", as some type a dash) with a space on each side
 * in running text ("kvalitāte - tas ir…", "(turpmāk -- ES)"), which Latvian writes with a spaced en
 * dash " – " and the report prints as typed. Said once a field, at the first, with how many more
 * there are; code is left alone.
 */
export function spacedHyphenProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  return spacedHyphenWarning(file, field, text, runningTextMatches(text, tree, SPACED_HYPHENS), place);
}

/** The `markdown/spaced-hyphen` warning of a field whose spaced hyphens were `found` (offsets in `text`), at the first. */
function spacedHyphenWarning(file: YamlFile, field: readonly PropertyKey[], text: string, found: readonly number[], place: Placer): Diagnostic[] {
  const [first] = found;
  if (first === undefined) return [];
  // "-" or "--", as typed; two words on each side, on its line.
  const hyphens = text.startsWith('--', first + 1) ? '--' : '-';
  const before = text.slice(text.lastIndexOf('\n', first) + 1, first).split(/\s+/).slice(-2).join(' ');
  const after = lineFrom(text, first + hyphens.length + 2).split(/\s+/).slice(0, 2).join(' ');
  const more = moreInField(found.length);
  return [
    diagnostic(
      file.path,
      place(first + 1, hyphens),
      'warning',
      'markdown/spaced-hyphen',
      `${fieldLabel(field)} has ${hyphens === '-' ? 'a hyphen' : 'two hyphens'} between spaces, “${before} ${hyphens} ${after}”${more}: the report prints ${hyphens === '-' ? 'it' : 'them'} as typed, where Latvian writes a dash.`,
      'Write an en dash with a space on each side, “ – ” (e.g. “(turpmāk – ES)”); a range is written with an en dash and no spaces, “2021–2027”.',
    ),
  ];
}

/**
 * Where `pattern` (global) matches in the running text of a field: in the whole text, so that what stands beside bold, a
 * link or code is seen with it ("**ES** - tas", "tas - `kods`"), kept where the match starts in a text node (not in code, a
 * link's address or an HTML tag): what these patterns match holds no mark of Markdown's, so it ends in the node it starts in.
 * Offsets in `text`, in order.
 */
function runningTextMatches(text: string, tree: Root, pattern: RegExp): number[] {
  const spans = textSpans(tree).sort(([a], [b]) => a - b);
  // The matches come in order, and each asks after the one before: the span looked at only moves on.
  let span = 0;
  const inText = (offset: number): boolean => {
    while (span < spans.length && (spans[span]?.[1] ?? 0) <= offset) span++;
    return (spans[span]?.[0] ?? Infinity) <= offset;
  };
  return [...text.matchAll(pattern)].map((match) => match.index).filter(inText);
}

/**
 * A word broken at a line's end with a hyphen, as a PDF breaks words to fit its lines and keeps
 * the hyphen when its text is copied: two small letters, the hyphen, and a small letter opening the
 * next line. Not before a conjunction, where the hyphen leaves a word for later ("pirms- un
 * pēcskolas").
 */
// The hyphen first, its letters looked behind from it: a pattern that opened with the look-behind tried two letter classes at every character.
export const SPLIT_WORD = new RegExp(`-(?<=\\p{Ll}\\p{Ll}-)\\n[ \\t]*${splitWordEnd()}`, 'u');
const SPLIT_WORDS = new RegExp(SPLIT_WORD.source, 'gu');

/** The same in a plain (folded) value, whose line ends YAML has made spaces: "izglī- tībai". */
const SPLIT_WORDS_FOLDED = new RegExp(`-(?<=\\p{Ll}\\p{Ll}-) ${splitWordEnd()}`, 'gu');

/** What follows a broken word's hyphen: a small letter, not a conjunction. */
function splitWordEnd(): string {
  return '(?=\\p{Ll})(?!(?:un|vai|ne|nevis|kā|and|or|nor|to)(?!\\p{L}))';
}

/**
 * `markdown/split-word`: a word broken across two lines with a hyphen ("izglī-" and "tībai"), as
 * text copied from a PDF keeps it. Markdown joins a paragraph's lines with a space, so the report
 * printed "izglī- tībai". Said once a field, at the first, with how many more there are; code is
 * left alone.
 */
export function splitWordProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  return splitWordWarning(file, field, text, runningTextMatches(text, tree, SPLIT_WORDS), place, 'Markdown joins the lines of a paragraph so');
}

/** The `markdown/split-word` warning of a field whose broken words were `found` (offsets of their hyphens in `text`), at the first; `joins` says who put the space there. */
function splitWordWarning(file: YamlFile, field: readonly PropertyKey[], text: string, found: readonly number[], place: Placer, joins: string): Diagnostic[] {
  const [first] = found;
  if (first === undefined) return [];
  const head = /\S*$/.exec(text.slice(0, first))?.[0] ?? '';
  const tail = /^\s*(\S*?)[.,;:!?)]*(?:\s|$)/.exec(text.slice(first + 1))?.[1] ?? '';
  const more = moreInField(found.length);
  return [
    diagnostic(
      file.path,
      // The word with its hyphen: a hyphen alone is found first in `>-` before a folded value.
      place(first - head.length, `${head}-`, head.length),
      'warning',
      'markdown/split-word',
      `${fieldLabel(field)} has a word broken at a line’s end, “${head}-” and “${tail}”${more}: the report prints it “${head}- ${tail}”, with a space, as ${joins}.`,
      `Write the word on one line: “${head}${tail}” where a PDF broke it only to fit its line, “${head}-${tail}” where the hyphen is the word’s own (“long-term”).`,
    ),
  ];
}

/** An em dash, as English text and Word's AutoCorrect write a dash. */
const EM_DASHES = /—/g;

/**
 * `markdown/em-dash`: an em dash in the running text of a Latvian field ("viedoklis — tas ir",
 * "2021—2027"), which Latvian writes as an en dash, spaced in a sentence and unspaced in a range,
 * and the report prints as typed. Said once a field, at the first, with how many more there are;
 * code, and an English field (`…_en`), are left alone.
 */
export function emDashProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  if (isEnglish(field)) return [];
  return emDashWarning(file, field, text, runningTextMatches(text, tree, EM_DASHES), place);
}

/** The `markdown/em-dash` warning of a field whose em dashes were `found` (offsets in `text`), at the first. */
function emDashWarning(file: YamlFile, field: readonly PropertyKey[], text: string, found: readonly number[], place: Placer): Diagnostic[] {
  const [first] = found;
  if (first === undefined) return [];
  const before = text.slice(text.lastIndexOf('\n', first - 1) + 1, first).split(/\s+/).slice(-2).join(' ');
  const after = lineFrom(text, first + 1).split(/\s+/).slice(0, 3).join(' ');
  const more = moreInField(found.length);
  return [
    diagnostic(
      file.path,
      place(first, '—'),
      'warning',
      'markdown/em-dash',
      `${fieldLabel(field)} has an em dash, “${`${before}—${after}`.trim()}”${more}: the report prints it as typed, where Latvian writes an en dash.`,
      'Write an en dash, “–”: with a space on each side in a sentence (“viedoklis – tas ir”), without spaces in a range (“2021–2027”).',
    ),
  ];
}

/**
 * A hyphen between two years, the later one second, as a keyboard types a range ("2021-2027", "2021.-2027. gadam"): not a date
 * written ISO's way ("2021-02-19"), nor a number of more parts ("2021-2027-1"). Group 1 the first year, 2 the hyphen's offset in the match.
 */
const YEAR_RANGES = /(?<![\p{L}\p{N}./-])((?:19|20)\d\d)(\.?)-((?:19|20)\d\d)(?![\p{N}-])/gu;

/** Where the running text has a hyphen in a range of years, each at the hyphen's offset in the field, with the range as read. */
function yearRangeHyphens(runs: readonly Run[]): { at: number; typed: string }[] {
  return runs.flatMap((run) =>
    [...run.text.matchAll(YEAR_RANGES)]
      .filter((match) => Number(match[3]) > Number(match[1]))
      .map((match) => ({ at: inSource(run, match.index + (match[1] ?? '').length + (match[2] ?? '').length), typed: match[0] })),
  );
}

/**
 * `markdown/range-hyphen`: a hyphen between two years in the running text of a Latvian field ("2021-2027", "plānu 2021.-2027.
 * gadam"), which Latvian writes with an unspaced en dash, "2021–2027", and the report prints as typed. Said once a field, at the
 * first, with how many more there are; code, a date written YYYY-MM-DD, and an English field (`…_en`) are left alone.
 */
export function rangeHyphenProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  if (isEnglish(field)) return [];
  return rangeHyphenWarning(file, field, yearRangeHyphens(runningRuns(text, tree)), place);
}

/** The `markdown/range-hyphen` warning of a field whose ranges of years were `found` with a hyphen, at the first. */
function rangeHyphenWarning(file: YamlFile, field: readonly PropertyKey[], found: readonly { at: number; typed: string }[], place: Placer): Diagnostic[] {
  const [first] = found;
  if (first === undefined) return [];
  return [
    diagnostic(
      file.path,
      place(first.at, '-'),
      'warning',
      'markdown/range-hyphen',
      `${fieldLabel(field)} has a hyphen between two years, “${first.typed}”${moreInField(found.length)}: the report prints it as typed, where Latvian writes a range with an en dash.`,
      `Write an en dash without spaces: “${first.typed.replace('-', '–')}”.`,
    ),
  ];
}

/** A per cent, a time or a number in a field as read, at its offset, and as Latvian writes it; `written`, as the field's Markdown has it ("**53,5**%"). */
interface Miswritten {
  at: number;
  typed: string;
  written: string;
  latvian: string;
}

/** The warning `rule` of a field whose `found` are written otherwise than Latvian writes them, at the first: its message and hint from `say`. */
function firstMiswritten(file: YamlFile, found: readonly Miswritten[], place: Placer, rule: RuleId, say: (first: Miswritten, more: string) => [message: string, hint: string]): Diagnostic[] {
  const [first] = found;
  if (first === undefined) return [];
  const [message, hint] = say(first, moreInField(found.length));
  return [diagnostic(file.path, place(first.at, first.written), 'warning', rule, message, hint)];
}

/**
 * A number and its per cent sign: groups 1 the number, 2 the space between (none, or one of any kind). Not an address's escape,
 * "%20" in a link written bare (https://…/50%20x), which two hexadecimal digits follow.
 */
const PERCENTS = /(?<![\p{L}\p{N}.,])(\d+(?:[.,]\d+)?)(\s?)%(?![0-9A-Fa-f]{2})/gu;

/** Where the running text writes a per cent as Latvian does not, "53,5%" or "53.5 %", each at the number, with the form as read and as written. */
function percentMiswritten(runs: readonly Run[]): Miswritten[] {
  return runs.flatMap((run) =>
    [...run.text.matchAll(PERCENTS)].flatMap((match) => {
      const [, number = '', space = ''] = match;
      const latvian = `${number.replace('.', ',')} %`;
      return space !== '' && !number.includes('.') ? [] : [{ ...found(run, match), latvian }];
    }),
  );
}

/** The offsets of the text nodes of a field's tree, where its running text is: not code, a link's address or an HTML tag. */
function textSpans(tree: Root): [number, number][] {
  const spans: [number, number][] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'text' && start !== undefined && end !== undefined) spans.push([start, end]);
  });
  return spans;
}

/**
 * A stretch of running text as a reader reads it: text nodes only emphasis marks part (`**53,5**%`, `*2021*-2027`) joined,
 * so that a rule sees the number with its sign, the year with its range. `pieces` says where in the field's text, `source`,
 * each joined text node starts (`at`, its offset in `text`). Code, a link's address, a footnote's mark or an HTML tag between
 * two text nodes part them.
 */
interface Run {
  text: string;
  pieces: { at: number; offset: number }[];
  source: string;
}

/** The field's running text as {@link Run}s. */
function runningRuns(text: string, tree: Root): Run[] {
  const runs: Run[] = [];
  let last: { run: Run; end: number } | undefined;
  for (const [start, end] of textSpans(tree).sort(([a], [b]) => a - b)) {
    if (last && last.end <= start && /^[*_~]+$/.test(text.slice(last.end, start))) {
      last.run.pieces.push({ at: last.run.text.length, offset: start });
      last.run.text += text.slice(start, end);
      last.end = end;
    } else {
      last = { run: { text: text.slice(start, end), pieces: [{ at: 0, offset: start }], source: text }, end };
      runs.push(last.run);
    }
  }
  return runs;
}

/** A plain-text field's whole text as one {@link Run}. */
function wholeRun(text: string): Run[] {
  return [{ text, pieces: [{ at: 0, offset: 0 }], source: text }];
}

/** Where the character at `index` of a run's text is in the field's text. */
function inSource(run: Run, index: number): number {
  const piece = run.pieces.findLast((each) => each.at <= index) ?? { at: 0, offset: 0 };
  return piece.offset + index - piece.at;
}

/** A match in a run: at its first character's offset in the field, as read, and as the field writes it (marks between kept). */
function found(run: Run, match: RegExpMatchArray): { at: number; typed: string; written: string } {
  const start = match.index ?? 0;
  const at = inSource(run, start);
  return { at, typed: match[0], written: run.source.slice(at, inSource(run, start + match[0].length - 1) + 1) };
}

/**
 * `markdown/percent-form`: a per cent in the running text of a Latvian field written without a space before its sign ("53,5%")
 * or with a decimal point ("53.5 %"), which the report prints as typed, where Latvian writes "53,5 %". Said once a field, at the
 * first, with how many more there are; code and an English field (`…_en`) are left alone.
 */
export function percentFormProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  if (isEnglish(field)) return [];
  return percentFormWarning(file, field, percentMiswritten(runningRuns(text, tree)), place);
}

/** The `markdown/percent-form` warning of a field whose per cents were `found` written otherwise than Latvian writes them, at the first. */
function percentFormWarning(file: YamlFile, field: readonly PropertyKey[], found: readonly Miswritten[], place: Placer): Diagnostic[] {
  return firstMiswritten(file, found, place, 'markdown/percent-form', (first, more) => {
    const point = first.typed.includes('.');
    return [
      `${fieldLabel(field)} writes a per cent with ${point ? 'a decimal point' : 'no space before the per cent sign'}, “${first.typed}”${more}: the report prints it as typed, where Latvian writes “${first.latvian}”.`,
      `Write “${first.latvian}”: ${point ? 'a decimal comma, and a space' : 'a space'} before the per cent sign (the report keeps the number and its sign on one line).`,
    ];
  });
}

/**
 * "plkst." and a time after it: groups 1 the space after "plkst." (none, or one of any kind), 2 the hours, 3 the mark between, 4
 * the minutes. Not a time of more parts ("plkst. 10:00:30"), nor a number that goes on.
 */
const CLOCK_TIMES = /(?<!\p{L})[Pp]lkst\.(\s?)(\d{1,2})([.:])(\d\d)(?![\p{N}:])/gu;

/** Where the running text writes a time after "plkst." as the report does not ("plkst. 9:00", "plkst. 09.00", "plkst.9.00"), each at "plkst.", with the time as read and as written. */
function timesMiswritten(runs: readonly Run[]): Miswritten[] {
  return runs.flatMap((run) =>
    [...run.text.matchAll(CLOCK_TIMES)].flatMap((match) => {
      const [typed, space = '', hours = '', mark = '', minutes = ''] = match;
      if (Number(hours) > 24 || Number(minutes) > 59) return [];
      const latvian = `${typed.slice(0, 'plkst.'.length)} ${Number(hours)}.${minutes}`;
      return space !== '' && mark === '.' && !hours.startsWith('0') ? [] : [{ ...found(run, match), latvian }];
    }),
  );
}

/**
 * `markdown/time-form`: a time after "plkst." in the running text of a Latvian field written with a colon ("plkst. 9:00"),
 * with a leading zero ("plkst. 09.00") or without a space after "plkst.", which the report prints as typed, where Latvian
 * writes "plkst. 9.00", as the report prints the meeting's own `time`. Said once a field, at the first, with how many more
 * there are; code and an English field (`…_en`) are left alone.
 */
export function timeFormProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  if (isEnglish(field)) return [];
  return timeFormWarning(file, field, timesMiswritten(runningRuns(text, tree)), place);
}

/** The `markdown/time-form` warning of a field whose times were `found` written otherwise than the report writes them, at the first. */
function timeFormWarning(file: YamlFile, field: readonly PropertyKey[], found: readonly Miswritten[], place: Placer): Diagnostic[] {
  return firstMiswritten(file, found, place, 'markdown/time-form', (first, more) => [
    `${fieldLabel(field)} writes a time as “${first.typed}”${more}: the report prints it as typed, where Latvian writes “${first.latvian}”, as the report prints the meeting's own time.`,
    `Write “${first.latvian}”: a space after “plkst.”, the hour without a leading zero, and a full stop before the minutes.`,
  ]);
}

/**
 * A whole number of five to nine digits written without groups ("12400", "5000000"): not a part of a code or a reference
 * (letters, digits, "/", "-" or "." beside it: "13587/21", "LV-1050", "32021R0241", "1.5"), not one with a leading zero, nor one
 * after "Nr.", "tālr." or "tel." or a country's calling code, which are numbers of their own.
 */
const UNGROUPED = /(?<![\p{L}\p{N}./\\-]|(?:[Nn]r|[Tt]ālr|[Tt]el)\.\s?|\+\d{3}\s?)([1-9]\d{4,8})(?![\p{L}\p{N}/-]|[.:]\d)/gu;

/** Where the running text writes a number of five or more digits without grouping them, each at the number, with it as read and as Latvian writes it. */
function ungroupedNumbers(runs: readonly Run[]): Miswritten[] {
  return runs.flatMap((run) => [...run.text.matchAll(UNGROUPED)].map((match) => ({ ...found(run, match), latvian: match[0].replace(/\B(?=(?:\d{3})+$)/g, ' ') })));
}

/**
 * `markdown/digit-group`: a number of five or more digits in the running text of a Latvian field written without its digits
 * grouped ("12400 personām"), which the report prints as typed, where Latvian groups them in threes with a space ("12 400",
 * as the model report's "11 352"). Said once a field, at the first, with how many more there are; a four-digit number (a year),
 * a code or reference, a number after "Nr.", "tālr." or "tel.", code and an English field (`…_en`) are left alone.
 */
export function digitGroupProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  if (isEnglish(field)) return [];
  return digitGroupWarning(file, field, ungroupedNumbers(runningRuns(text, tree)), place);
}

/** The `markdown/digit-group` warning of a field whose numbers were `found` without their digits grouped, at the first. */
function digitGroupWarning(file: YamlFile, field: readonly PropertyKey[], found: readonly Miswritten[], place: Placer): Diagnostic[] {
  return firstMiswritten(file, found, place, 'markdown/digit-group', (first, more) => [
    `${fieldLabel(field)} writes a number of ${first.typed.length} digits without grouping them, “${first.typed}”${more}: the report prints it as typed, where Latvian groups the digits in threes with a space, “${first.latvian}”.`,
    `Write “${first.latvian}” (the report keeps the groups on one line). A number that is an identifier rather than an amount (a registration or document number) can stay as it is: write “Nr.” before it.`,
  ]);
}

/** A typewriter double quotation mark, as a keyboard types it. */
const STRAIGHT_QUOTES = /"/g;

/**
 * `markdown/straight-quote`: a typewriter quotation mark `"` in the running text of a Latvian field
 * (`"Skola 2030"`), which the report prints as typed beside its own “…” (or „…“, the config's
 * `quotes`): a Latvian keyboard has no curly quotes, so a pasted or typed title gets these. Said once
 * a field, at the first, with how many more there are; code, and an English field (`…_en`), are left alone.
 */
export function straightQuoteProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  if (isEnglish(field)) return [];
  return straightQuoteWarning(file, field, text, runningTextMatches(text, tree, STRAIGHT_QUOTES), place);
}

/** The `markdown/straight-quote` warning of a field whose typewriter quotes were `found` (offsets in `text`), at the first. */
function straightQuoteWarning(file: YamlFile, field: readonly PropertyKey[], text: string, found: readonly number[], place: Placer): Diagnostic[] {
  const [first] = found;
  if (first === undefined) return [];
  // The quoted words: up to the next mark on the line, or the few words after this one.
  const line = lineFrom(text, first);
  const close = line.indexOf('"', 1);
  const shown = close === -1 ? line.split(/\s+/).slice(0, 3).join(' ') : line.slice(0, close + 1);
  const more = found.length > 1 ? ` (${found.length} in this field)` : '';
  return [
    diagnostic(
      file.path,
      place(first, '"'),
      'warning',
      'markdown/straight-quote',
      `${fieldLabel(field)} has typewriter quotation marks, \`${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}\`${more}: the report prints them as typed, beside its own “…”.`,
      'Write Latvian quotation marks, “…” as the model report has them (or „…“, where `quotes: low-high` in briefing.config.yaml sets those), e.g. “Skola 2030”.',
    ),
  ];
}

/**
 * `markdown/adjacent-footnotes`: two footnote marks side by side (`[^2][^3]`), whose numbers the report
 * sets as one raised number, “²³”, which a reader takes for note 23. Said once a field, at the first
 * pair, with how many there are; marks parted by a space or a word are not reported.
 */
export function adjacentNoteProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const pairs: number[] = [];
  walk(tree, (node) => {
    if (!('children' in node)) return;
    node.children.forEach((child, index) => {
      const next = node.children[index + 1];
      const at = next?.position?.start.offset;
      if (child.type === 'footnoteReference' && next?.type === 'footnoteReference' && at !== undefined) pairs.push(at);
    });
  });
  const [first] = pairs.sort((a, b) => a - b);
  if (first === undefined) return [];
  const marks = /^\[\^[^\]]*\]/.exec(text.slice(first))?.[0] ?? '[^';
  const before = text.slice(0, first).match(/\[\^[^\]]*\]$/)?.[0] ?? '';
  const more = moreInField(pairs.length);
  return [
    diagnostic(
      file.path,
      place(first, marks),
      'warning',
      'markdown/adjacent-footnotes',
      `${fieldLabel(field)} has two footnote marks side by side, \`${before}${marks}\`${more}: the report sets their numbers together, as one raised number (“²³” reads as note 23).`,
      'Put each mark after the word it is about, or write one note that says both; marks parted by a comma, `[^2],[^3]`, print “²,³”.',
    ),
  ];
}

/**
 * `markdown/spaced-hyphen`, `markdown/em-dash`, `markdown/straight-quote`, `markdown/range-hyphen`, `markdown/percent-form`, `markdown/time-form`,
 * `markdown/digit-group` and `markdown/split-word` in plain-text fields the report prints as
 * they are (a meeting's topic, names and questions): all their text is running text.
 */
export function plainTextTypographyProblems(file: YamlFile, fields: readonly (readonly [readonly PropertyKey[], string | undefined])[]): Diagnostic[] {
  return fields.flatMap(([field, text]) => {
    if (text === undefined || isEnglish(field)) return [];
    const place = placer(file, field, text);
    const offsets = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match.index);
    return [
      ...spacedHyphenWarning(file, field, text, offsets(SPACED_HYPHENS), place),
      ...emDashWarning(file, field, text, offsets(EM_DASHES), place),
      ...straightQuoteWarning(file, field, text, offsets(STRAIGHT_QUOTES), place),
      ...rangeHyphenWarning(file, field, yearRangeHyphens(wholeRun(text)), place),
      ...percentFormWarning(file, field, percentMiswritten(wholeRun(text)), place),
      ...timeFormWarning(file, field, timesMiswritten(wholeRun(text)), place),
      ...digitGroupWarning(file, field, ungroupedNumbers(wholeRun(text)), place),
      ...splitWordWarning(file, field, text, offsets(SPLIT_WORDS_FOLDED), place, 'YAML joins the lines of a value so'),
    ];
  });
}
