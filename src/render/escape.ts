/**
 * Markdown escaping for plain-text values, and the one normalisation applied to
 * Markdown fields. Plain text (a topic, a question) must print as written: a `*` or a
 * leading `#` must not turn into formatting.
 */

const INLINE = /[\\`*[\]<>|~]/g;
const UNDERSCORE = /_/g;
const BLOCK_START = /^([ \t]*)(#{1,6}(?=\s|$)|[>+=-]|\d{1,9}(?=[.)]))/gm;

/**
 * Escapes text so that Markdown renders it literally. Line breaks fold to spaces.
 * With `atLineStart` false (the value follows other text on its line), markers that
 * only matter at the start of a line ("2021.", "#", "-") are left as they are.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  const oneLine = keepNumbersTogether(text.replace(/\s*\n\s*/g, ' '));
  const inline = oneLine
    .replace(INLINE, '\\$&')
    .replace(UNDERSCORE, (match, offset: number, whole: string) =>
      isWordChar(whole[offset - 1]) && isWordChar(whole[offset + 1]) ? match : '\\_',
    )
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/!(?=\\\[)/g, '\\!');
  if (!atLineStart) return inline;
  return inline.replace(BLOCK_START, (_match, indent: string, marker: string) =>
      /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    );
}

/**
 * Gives the footnote labels of one Markdown field a prefix, so that `[^1]` in the
 * background and `[^1]` in a position stay two footnotes in one document.
 */
export function scopeFootnotes(markdown: string, scope: string): string {
  return markdown.replace(/\[\^([^\]\s]+)\]/g, (_match, label: string) => `[^${scope}-${label}]`);
}

/**
 * Prepares a Markdown field for insertion: trims the trailing newline YAML block
 * scalars leave, and keeps a line that starts with a year ("2020. gada …") from
 * becoming a numbered list — no one numbers a list from 2020.
 */
export function normaliseMarkdown(text: string): string {
  return keepNumbersTogether(text)
    .replace(/\r\n?/g, '\n')
    .replace(/^( {0,3})(1[89]\d\d|2\d\d\d)([.)])(?=[ \t])/gm, '$1$2\\$3')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * Latvian typography: "11 352", "1 000" and "53,5 %" must not break across lines.
 * Spaces inside digit groups and before a percent sign become non-breaking.
 */
export function keepNumbersTogether(text: string): string {
  return text.replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00A0').replace(/(\d) %/g, '$1\u00A0%');
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/**
 * What the rendered report does to every line, fields included: a single trailing space
 * or tab goes (two spaces, a hard break, stay), and runs of blank lines become one.
 */
export function tidyLines(markdown: string): string {
  return markdown.replace(/[ \t]+\n/g, (m) => (m.startsWith('  ') ? m : '\n')).replace(/\n{3,}/g, '\n\n');
}
