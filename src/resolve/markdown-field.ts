/**
 * A Markdown field as the report model holds it: normalised, with its footnotes and link
 * labels scoped to the field. Resolving a field happens here; rendering only inserts it.
 */
import { scopeLinkDefinitions } from './link-scope.js';

/** A Markdown field as the report prints it: normalised, its footnotes and link labels its own. */
export function scopeField(markdown: string, scope: string): string {
  return scopeLinkDefinitions(scopeFootnotes(normaliseMarkdown(markdown), scope), scope);
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
    .replace(YEAR_AT_LINE_START, '$1$2\\$3')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * A year that starts a line, followed by "." or ")" and a space ("2020. gada …"): Markdown
 * would start a list numbered from it. Groups: the indent, the year, the mark.
 */
export const YEAR_AT_LINE_START = /^( {0,3})(1[89]\d\d|2\d\d\d)([.)])(?=[ \t])/gm;

/**
 * Latvian typography: "11 352", "1 000" and "53,5 %" must not break across lines.
 * Spaces inside digit groups and before a percent sign become non-breaking.
 */
export function keepNumbersTogether(text: string): string {
  return text.replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u00A0').replace(/(\d) %/g, '$1\u00A0%');
}
