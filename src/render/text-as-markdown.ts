import { toString } from 'mdast-util-to-string';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseAsBuilt, restoreDateMarks } from '../util/markdown-pieces.js';
import { escapeMarkdown } from './escape.js';

/** A plain text a template printed with three braces where it reads as Markdown: the mustache's place, and the text. */
export interface MarkdownPrint {
  /** The template file or partial it is written in. */
  file: string;
  line: number;
  /** 1-based. */
  column: number;
  /** The path as written, `meeting.topic`. */
  field: string;
  /** The mustache as written, `{{{meeting.topic}}}`. */
  written: string;
  /** The text printed. */
  text: string;
}

/**
 * Whether a plain text printed as it is, with three braces, reads as other than its words: its `*`,
 * `_`, `[…](…)`, `&amp;`, a `1.` or `#` at the start of a line, a blank line, made into formatting.
 * Compared as the report prints it, with the same text printed with two braces (escaped): the words
 * each gives differ. A `*` between spaces or a `1.` within a line, which Markdown leaves as they are, do not.
 */
export function readsAsMarkdown(text: string, atLineStart: boolean): boolean {
  const escaped = escapeMarkdown(text, atLineStart);
  if (escaped === text) return false;
  // Within a line, the text follows other text: a `1.` or `#` there starts nothing.
  const before = atLineStart ? '' : 'x ';
  // Spaces of any kind alike: the escaped text keeps numbers and dates together with no-break spaces and joins lines.
  const words = (markdown: string) => restoreDateMarks(toString(parseAsBuilt(markdown))).replace(/\s+/g, ' ');
  return words(before + text) !== words(before + escaped);
}

/** How much of the text a message shows. */
const SHOWN = 40;

/**
 * `template/text-as-markdown`: one warning for each place a plain text was printed with three
 * braces and read as Markdown, with the first such text, in the order they were printed.
 */
export function textAsMarkdownWarnings(found: readonly MarkdownPrint[], meeting: string | undefined): Diagnostic[] {
  const places = new Map<string, MarkdownPrint>();
  for (const one of found) {
    const key = `${one.file}:${one.line}:${one.column}`;
    if (!places.has(key)) places.set(key, one);
  }
  return [...places.values()].map((first) => {
    const oneLine = first.text.replace(/\s+/g, ' ').trim();
    const shown = oneLine.length > SHOWN ? `${oneLine.slice(0, SHOWN).trimEnd()}…` : oneLine;
    return diagnostic(
      first.file,
      { line: first.line, column: first.column },
      'warning',
      'template/text-as-markdown',
      `\`${first.written}\` prints a plain text as Markdown, and for ${meeting ?? 'this meeting'} it reads as formatting: “${shown}” is not printed as written.`,
      `Write ${first.written.replace(/^\{\{\{([\s\S]*)\}\}\}$/, '{{$1}}')} (two braces), which prints a plain text as written, its marks and all; three braces are for the Markdown fields (background, outcome, body).`,
    );
  });
}
