/**
 * A Markdown field as the report model holds it: normalised, with its footnotes and link
 * labels scoped to the field. Resolving a field happens here; rendering only inserts it.
 */
import { scopeLinkDefinitions } from './link-scope.js';
import { DATE_AT_BLOCK_START, DAY_OF_MONTH, MONTH_NAME, parseMarkdownText, walk } from '../util/markdown.js';
import { spliceAll, type TextEdit } from '../util/splice.js';

/** A Markdown field as the report prints it: normalised, its footnotes and link labels its own. */
export function scopeField(markdown: string, scope: string): string {
  return scopeLinkDefinitions(scopeFootnotes(normaliseMarkdown(markdown), scope), scope);
}

/**
 * The prefix {@link scopeField} gives the labels of one field of the report: the position's id for
 * its `body`, with `-en` for `body_en`; the field's name for a meeting's (`outcome`, `background-en`).
 */
export function fieldScope(ref: { kind: 'position' | 'meeting'; id: string; field: string }): string {
  if (ref.kind === 'position') return ref.field === 'body_en' ? `${ref.id}-en` : ref.id;
  return ref.field.replace(/_en$/, '-en');
}

/**
 * A line of a scoped field with its footnote and link labels as the field's file writes them
 * (`[^a]`, `[x]:` for `[^equity-reforms-a]`, `[equity-reforms-x]:`), to find the line in the file.
 * A shortcut reference the scoping wrote out in full (`[x][x]` for `[x]`) stays so.
 */
export function unscopedLine(line: string, scope: string): string {
  return line.replaceAll(`[^${scope}-`, '[^').replaceAll(`[${scope}-`, '[');
}

/**
 * Gives the footnote labels of one Markdown field a prefix, so that `[^1]` in the
 * background and `[^1]` in a position stay two footnotes in one document. Only footnotes
 * are renamed: a reference the field does not define is text, as GFM reads it, and stays
 * as written, like a `[^1]` inside code.
 */
export function scopeFootnotes(markdown: string, scope: string): string {
  if (!MAY_DEFINE_FOOTNOTE.test(markdown)) return markdown;
  const edits: TextEdit[] = [];
  walk(parseMarkdownText(markdown), (node) => {
    if (node.type !== 'footnoteReference' && node.type !== 'footnoteDefinition') return;
    const start = node.position?.start.offset;
    const label = node.label ?? node.identifier;
    // A definition or reference starts with its `[^label]`, as written.
    if (start !== undefined && markdown.startsWith(`[^${label}]`, start)) edits.push({ from: start, to: start + label.length + 3, text: `[^${scope}-${label}]` });
  });
  return spliceAll(markdown, edits);
}

/** A footnote definition, `[^label]:`; without one a field has no footnotes. A label holds no bracket (see UNRESOLVED in validate/markdown-rules). */
const MAY_DEFINE_FOOTNOTE = /\[\^[^[\]\s]+\]:/;

/**
 * Prepares a Markdown field for insertion: trims the trailing newline YAML block
 * scalars leave, and keeps a line, a list item or a quote that starts with a year ("2020. gada …",
 * "1) 2021. gada …") or a date ("3. februārī …") from becoming a numbered list — no one numbers a list from 2020, and a
 * list that took in "3. februārī" after "12. panta …" printed it as "13. februārī".
 */
export function normaliseMarkdown(text: string): string {
  return separateTables(
    keepNumbersTogether(
      text
        .replace(/\r\n?/g, '\n')
        .replace(DATE_AT_BLOCK_START, '$1$2\\$3')
        .replace(/^\n+|\n+$/g, ''),
    ),
  );
}

/** A table's delimiter row, `|---|:-:|`, after any quote marks and indent. */
const DELIMITER_ROW = /^[ \t>]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*(?::?-+:?[ \t]*)?)*$/;

/** Whether a line of text, then a line with a `|`, then a delimiter row stand together: a table that may be right under a paragraph. */
function mayHaveTableUnderText(lines: readonly string[]): boolean {
  return lines.some((line, index) => index >= 2 && DELIMITER_ROW.test(line) && (lines[index - 1] ?? '').includes('|') && (lines[index - 2] ?? '').trim() !== '');
}

/**
 * A blank line between a paragraph and a table that starts on the next line (`Paredzēts:` and then
 * `| … |`): GFM on GitHub, and the DOCX, take the table as a table, but pandoc, markdig and MD4C
 * read both as one paragraph of pipes. Inside a quote the blank line keeps the quote's `>`.
 */
function separateTables(markdown: string): string {
  if (!markdown.includes('|')) return markdown;
  const lines = markdown.split('\n');
  if (!mayHaveTableUnderText(lines)) return markdown;
  const before = new Set<number>();
  walk(parseMarkdownText(markdown), (node) => {
    if (!('children' in node)) return;
    node.children.forEach((child, index) => {
      const previous = node.children[index - 1];
      const start = child.position?.start;
      if (child.type === 'table' && previous?.type === 'paragraph' && start && previous.position?.end.line === start.line - 1) before.add(start.line);
    });
  });
  for (const line of [...before].sort((a, b) => b - a)) {
    lines.splice(line - 1, 0, /^[ \t>]*/.exec(lines[line - 1] ?? '')?.[0].trimEnd() ?? '');
  }
  return lines.join('\n');
}

/**
 * Latvian typography: "11 352", "1 000", "53,5 %", a day and its month ("31. decembrim", as the
 * `date` helper prints it) and "plkst. 9.00" must not break across lines. Those spaces become
 * non-breaking (after a date's mark escaped at a line start, `3\. februārī`, too) — and so does a
 * line end between them, where a YAML file wrapped its text ("mazāks par 9" / "%"): Markdown reads
 * it as a space, a line could break there.
 */
export function keepNumbersTogether(text: string): string {
  return text.replace(DIGIT_GROUP, '$1\u00A0').replace(PERCENT, '$1\u00A0%').replace(DAY_AND_MONTH, '$1\u00A0').replace(TIME, '$1\u00A0');
}

/**
 * The space between two words, or the end of a line and the next line's indent (a soft break,
 * read as a space): not a blank line, nor a hard break (two spaces or a backslash before the end).
 */
const GAP = '(?: |\\n[ \\t]*)';

/** A group of three digits after a number: "11 352", "1 000" — on the next line, not a list item's number ("100) …"). */
const DIGIT_GROUP = /(\d)(?: |\n[ \t]*(?!\d{3}[.)]\s))(?=\d{3}(?!\d))/g;

/** A number and its per cent sign: "53,5 %". */
const PERCENT = new RegExp(`(\\d)${GAP}%`, 'g');

/** "plkst." and the time after it. */
const TIME = new RegExp(`(?<!\\p{L})([Pp]lkst\\.)${GAP}(?=\\d)`, 'gu');

/** A day of the month and the space before its month's name: "31. decembrim", "3\. februārī". */
const DAY_AND_MONTH = new RegExp(`(?<![\\p{L}\\p{N}.,])(${DAY_OF_MONTH}\\\\?\\.)${GAP}(?=${MONTH_NAME}\\p{L})`, 'gu');
