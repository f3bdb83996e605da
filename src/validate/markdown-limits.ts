/** What is refused before a Markdown field is parsed: more emphasis and link marks, or deeper nesting, than the parser takes in time. */

import type { YamlFile } from '../load/yaml.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { errorAtLine, lineFrom, type Placer } from './markdown-rule-place.js';

/** What keeps a field from being parsed at all, read from its text: nesting first, then marks. */
export function beforeParse(file: YamlFile, field: readonly PropertyKey[], text: string, place: Placer): Diagnostic | undefined {
  return nestingProblem(file, field, text, place) ?? marksProblem(file, field, text, place);
}

/**
 * The most emphasis, strikethrough and link marks (`*`, `_`, `~`, `[`, `]`) one paragraph may
 * hold. The Markdown parser pairs them up at a cost that grows with the square of their number in
 * a paragraph: 25,000 `*a` in one took it 3 minutes, 2,000 take 30 ms. A report's paragraph has a
 * few dozen.
 */
export const MAX_MARKS = 2000;

/**
 * `markdown/too-complex`: the first paragraph of a field with more than {@link MAX_MARKS} marks,
 * read from its text without parsing it. A paragraph ends at a blank line, so what is counted
 * holds every paragraph, list item and table cell the parser would make of those lines: never
 * fewer marks than the parser pairs up. Escaped marks count too (the count stays a bound). Link
 * definitions that open a block (see {@link isUncountedDefinition}) are not counted: a list of sources
 * written `[x]: url` line under line is no paragraph, and nothing in it is paired; one above a line
 * that may be a table's delimiter row is, as the parser takes it for the table's head.
 */
function marksProblem(file: YamlFile, field: readonly PropertyKey[], text: string, place: Placer): Diagnostic | undefined {
  let offset = 0;
  let start = -1;
  let marks = 0;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      start = -1;
      marks = 0;
    } else if (start !== -1 || !isUncountedDefinition(line, lines[index + 1])) {
      if (start === -1) start = offset;
      for (let i = 0; i < line.length; i++) {
        const code = line.charCodeAt(i);
        if (code === 42 || code === 95 || code === 126 || code === 91 || code === 93) marks++; // * _ ~ [ ]
      }
      if (marks > MAX_MARKS) {
        return errorAtLine(
          file,
          place,
          start,
          lineFrom(text, start),
          'markdown/too-complex',
          `\`${field.join('.')}\` has a paragraph with more than ${MAX_MARKS.toLocaleString('en')} emphasis and link marks (* _ ~ [ ]) from here; a report cannot show it.`,
          'Split it into paragraphs with blank lines, or remove the marks that are not formatting: a paragraph of a report has a few dozen.',
        );
      }
    }
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * A whole link definition on one line, `[x]: https://… "Title"`, in a form the parser always takes
 * for one where a block may start (a definition cannot interrupt a paragraph: after a line of text
 * it is text). Stricter than Markdown (no parentheses nested in the address, no title on its own
 * line): what it refuses is counted, which keeps the count a bound.
 */
function isDefinitionLine(line: string): boolean {
  const found = DEFINITION_LINE.exec(line);
  const label = found?.[1] ?? '';
  return label.length <= 999 && /\S/.test(label);
}

/**
 * Whether a line that opens a block is a link definition the count leaves out: one that is not
 * above a line that may be a table's delimiter row. Exported for the property test.
 */
export function isUncountedDefinition(line: string, next: string | undefined): boolean {
  return isDefinitionLine(line) && !MAY_DELIMIT_TABLE.test(next ?? '');
}

/**
 * A line that may be a table's delimiter row (`| - |`, `:-:|--`), or one much like it: the line
 * above it is then the table's head, not a definition (`[a]: u` over `| -` is a table of one cell).
 */
const MAY_DELIMIT_TABLE = /^[ \t|:-]*-[ \t|:-]*$/;

/** `[label]: destination "title"` alone on a line: a label of up to 999 characters without brackets, an address in `<…>` or without blanks. */
const DEFINITION_LINE =
  /^ {0,3}\[(?!\^)((?:[^\\[\]]|\\[^\n])+)\]:[ \t]*(?:<[^<>\n\\]*>|(?:[^\s<>()\\]|\([^\s()\\]*\))+)(?:[ \t]+(?:"[^"\\]*"|'[^'\\]*'|\([^()\\]*\)))?[ \t]*$/;

/**
 * The deepest nesting of quotes and lists a Markdown field may have. A report shows a few
 * levels at most (Word numbers nine); a few thousand overflow the DOCX compiler's stack, and
 * a few hundred lines that each nest one level deeper take the Markdown parser minutes.
 */
export const MAX_NESTING = 20;

/** One marker that opens a quote, a list item or a footnote. */
const OPENER = />|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|\[\^[^\]\s]+\]:/g;
/** The markers at the start of a line, each with the blanks after it. */
export const OPENERS = new RegExp(`^[ \\t]*(?:(?:${OPENER.source})[ \\t]*)+`);
/** `- - -`, `* * *`: a rule across the page, not lists. */
const THEMATIC_BREAK = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/;

/**
 * The most quotes, lists and footnotes a line can have open, read from its text: one per marker
 * at its start and one per two columns of blanks — all of those before the first marker, which
 * may continue list items of the lines above, and those after each marker beyond its first (a tab
 * counts four). Exported for the property test that holds it to the parser.
 */
export function nestingLevels(line: string): number {
  const lead = OPENERS.exec(line)?.[0];
  if (lead === undefined || THEMATIC_BREAK.test(line)) return 0;
  // The blanks before the first marker, then those after each marker: one column after a marker is the marker's own.
  const [indent = '', ...afterMarkers] = lead.split(OPENER);
  const free = width(indent) + afterMarkers.reduce((sum, blanks) => sum + Math.max(0, width(blanks) - 1), 0);
  return afterMarkers.length + Math.floor(free / 2);
}

/** Columns of blanks, a tab counted as the most it can stand for (4). */
export function width(blanks: string): number {
  let columns = 0;
  for (const char of blanks) columns += char === '\t' ? 4 : 1;
  return columns;
}

/**
 * `markdown/too-deep`: the first line of a field that may open more than {@link MAX_NESTING}
 * quotes and lists, read from its text without parsing it. A line opens at most one level per
 * marker at its start (`>`, `-`, `1.`) and, since a list nests by indentation, one per two
 * columns of blanks beyond the one after each marker: never less than the parser would make.
 */
function nestingProblem(file: YamlFile, field: readonly PropertyKey[], text: string, place: Placer): Diagnostic | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    if (nestingLevels(line) > MAX_NESTING) {
      return errorAtLine(
        file,
        place,
        offset,
        line,
        'markdown/too-deep',
        `\`${field.join('.')}\` nests quotes and lists more than ${MAX_NESTING} levels deep here; a report cannot show it.`,
        'Write the text with a few levels of lists at most: look for `>` or list markers repeated at the start of the line, or indentation that runs away.',
      );
    }
    offset += line.length + 1;
  }
  return undefined;
}
