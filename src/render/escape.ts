/**
 * Markdown escaping for plain-text values: plain text (a topic, a question) must print as
 * written, a `*` or a leading `#` must not turn into formatting. (Normalising a Markdown
 * field is part of resolving it: resolve/markdown-field.ts.)
 */
import { keepNumbersTogether } from '../resolve/markdown-field.js';

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
