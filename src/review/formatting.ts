import type { PrintedRun, RunMarks } from '../docx/printed-text.js';
import type { Piece, Revision } from './reviewed-docx.js';

/*
 * A paragraph is compared with its Markdown on its words and on the formatting Markdown can
 * write of them (bold, italic, struck, code font, link), so that text made bold in Word with
 * track changes off is an edit too. Fonts, sizes and colours, which the layout sets, are not
 * compared; nor is the formatting of white space, and Word may split the runs as it likes.
 */

/**
 * A stretch of text with the formatting Markdown can write of it: read from the DOCX, or printed
 * from the Markdown. `formatUnknown`: read with every change rejected, the text's formatting
 * before a tracked change of it that did not record it (see `Piece.formatBeforeUnknown`): that change.
 */
export type FormattedText = PrintedRun & { formatUnknown?: Revision };

/** How a text reads for comparing: its words, white space as one space, and its formatting. */
interface Reading {
  chars: string[];
  /** Each character's formatting (see {@link marksKey}); '' for a space. */
  marks: string[];
  /** The run each character is read from. */
  runs: FormattedText[];
}

/**
 * A key of `runs` that two texts share when they read the same: the same words, white space
 * taken as one space and none at either end, each word's characters formatted alike. Text
 * without formatting keys as itself, normalised.
 */
export function formattedKey(runs: readonly FormattedText[]): string {
  const { chars, marks } = reading(runs);
  let key = '';
  let open = '';
  chars.forEach((char, at) => {
    const mark = marks[at] ?? '';
    if (char !== ' ' && mark !== open) {
      key += `\u0001${mark}\u0002`;
      open = mark;
    }
    key += char;
  });
  return key;
}

/**
 * The text in `after` whose formatting is not as in `before`, taken to whole words (a word made
 * bold in part is named whole), words next to each other as one phrase, for a text whose words
 * are the same in both (else none: its words show the change).
 */
export function formattingDifferences(before: readonly FormattedText[], after: readonly FormattedText[]): string[] {
  const old = reading(before);
  const now = reading(after);
  if (old.chars.join('') !== now.chars.join('')) return [];
  const { chars } = now;
  const changed = chars.map((char, at) => char !== ' ' && now.marks[at] !== old.marks[at]);
  const inWord = (at: number, next: number): boolean => WORD.test(chars[at] ?? '') && WORD.test(chars[next] ?? '');
  for (let at = 1; at < chars.length; at++) changed[at] ||= Boolean(changed[at - 1]) && inWord(at, at - 1);
  for (let at = chars.length - 2; at >= 0; at--) changed[at] ||= Boolean(changed[at + 1]) && inWord(at, at + 1);
  // The text unchanged (but for spaces) parts the phrases.
  const marked = chars.map((char, at) => (changed[at] || char === ' ' ? char : '\n')).join('');
  return marked.split('\n').flatMap((phrase) => phrase.trim() || []);
}

/** A character of a word: a letter or a digit. */
const WORD = /^[\p{L}\p{N}]$/u;

/** A DOCX paragraph's pieces as formatted text in one reading: rejected, the formatting before a tracked change of it. */
export function piecesFormatted(pieces: readonly Piece[], reading: 'accept' | 'reject'): FormattedText[] {
  const dropped = reading === 'accept' ? 'del' : 'ins';
  return pieces
    .filter((piece) => piece.revision?.kind !== dropped)
    .map((piece) => {
      const { bold, italic, strike, code } = reading === 'reject' && piece.formatBefore ? piece.formatBefore : piece;
      const unknown = reading === 'reject' && piece.formatBeforeUnknown ? piece.formatChanged : null;
      return { text: piece.text, bold, italic, strike, code, ...(piece.link === undefined ? {} : { link: piece.link }), ...(unknown ? { formatUnknown: unknown } : {}) };
    });
}

/**
 * `runs`, a paragraph read with every change rejected, with the formatting the runs of unknown
 * formatting had (see {@link FormattedText}) taken from `source`, the Markdown of the paragraph,
 * character by character, when the two read the same words; else `runs` as they are. So a word
 * LibreOffice made bold, or only coloured, with track changes on reads before as the field has it.
 * `changed` gets each such change that changed what Markdown writes, or may have (the words differ).
 */
export function withSourceFormatting(runs: readonly FormattedText[], source: readonly FormattedText[], changed = new Set<Revision>()): FormattedText[] {
  if (!runs.some((run) => run.formatUnknown)) return [...runs];
  const theirs = reading(source);
  if (reading(runs).chars.join('') !== theirs.chars.join('')) {
    for (const run of runs) if (run.formatUnknown) changed.add(run.formatUnknown);
    return [...runs];
  }
  const result: FormattedText[] = [];
  for (const { run, char, at } of readChars(runs)) {
    // A space left out of the reading takes the formatting before it, as it has none of its own.
    const from = run.formatUnknown ? (at === undefined ? result.at(-1) : theirs.runs[at]) : run;
    const { bold, italic, strike, code } = from ?? run;
    const next: FormattedText = { text: char, bold, italic, strike, code, ...(run.link === undefined ? {} : { link: run.link }) };
    if (run.formatUnknown && !/\s/.test(char) && marksKey(next) !== marksKey(run)) changed.add(run.formatUnknown);
    const last = result.at(-1);
    if (last && marksKey(last) === marksKey(next)) last.text += char;
    else result.push(next);
  }
  return result;
}

/** `runs` with no bold: where the layout sets it (a table's header row), the Markdown's is not seen. */
export function withoutBold(runs: readonly FormattedText[]): FormattedText[] {
  return runs.map((run) => ({ ...run, bold: false }));
}

/** `runs` as plain text: in a code block, which is written as it is, only the characters count. */
export function plain(runs: readonly FormattedText[]): FormattedText[] {
  return runs.map((run) => plainText(run.text));
}

/** `text` with no formatting. */
export function plainText(text: string): FormattedText {
  return { text, bold: false, italic: false, strike: false, code: false };
}

function reading(runs: readonly FormattedText[]): Reading {
  const chars: string[] = [];
  const marks: string[] = [];
  const from: FormattedText[] = [];
  for (const { run, char, at } of readChars(runs)) {
    if (at === undefined) continue;
    const space = /\s/.test(char);
    chars.push(space ? ' ' : char);
    marks.push(space ? '' : marksKey(run));
    from.push(run);
  }
  if (chars.at(-1) === ' ') {
    chars.pop();
    marks.pop();
    from.pop();
  }
  return { chars, marks, runs: from };
}

/**
 * Each character of `runs` with its run and its place in the reading (see {@link Reading}):
 * white space is one space, none at the start, so a space after another has no place (`at`
 * undefined).
 */
function* readChars(runs: readonly FormattedText[]): Generator<{ run: FormattedText; char: string; at: number | undefined }> {
  let count = 0;
  let lastSpace = true;
  for (const run of runs) {
    for (const char of run.text) {
      const space = /\s/.test(char);
      if (space && lastSpace) {
        yield { run, char, at: undefined };
        continue;
      }
      lastSpace = space;
      yield { run, char, at: count++ };
    }
  }
}

function marksKey(marks: RunMarks): string {
  return `${marks.bold ? 'b' : ''}${marks.italic ? 'i' : ''}${marks.strike ? 's' : ''}${marks.code ? 'c' : ''}${marks.link === undefined ? '' : `>${linkKey(marks.link)}`}`;
}

/** A link's address as a URL reads it: LibreOffice, saving a report again, writes `https://a.lv` as `https://a.lv/`. */
export function linkKey(address: string): string {
  return URL.canParse(address) ? new URL(address).href : address;
}
