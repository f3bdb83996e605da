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
  const inline = escapeAddresses(oneLine)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/!(?=\\\[)/g, '\\!');
  if (!atLineStart) return inline;
  return inline.replace(BLOCK_START, (_match, indent: string, marker: string) =>
      /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    );
}

/**
 * A web address as GFM links it in running text (`https://…`, `www.…`), after a space or `(` within the
 * text (what a template prints before the text is not known): a plain ASCII domain, which every reader
 * links, then all up to a space or `<`.
 */
const WEB_ADDRESS = /(?<=[\s(])(?:https?:\/\/|www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s<]*/g;

/** What GFM leaves out of a link at the end of a web address: punctuation, quotes and a closing parenthesis. */
const TRAILING = /[?!.,:;*_~)"']+$/;

/**
 * Whether an address is printed as it is: written with a URI's characters only, none of which needs
 * escaping but `_`, `*` and `~` (a reader may end the link at a backslash, or at a `{`), and none of
 * those in the punctuation it ends with, which the link leaves out.
 */
function printedAsIs(address: string): boolean {
  return URI_CHARACTERS.test(address) && !/&#?[A-Za-z0-9]+;/.test(address) && !/[*_~]/.test(TRAILING.exec(address)?.[0] ?? '');
}

/** An address of the characters a URI is written with (RFC 3986): one of others (`{`, `\\`, `|`) pandoc ends the link before. */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+$/;

/**
 * The text with its inline marks escaped, but for a web address's `_`, `*` and `~`: escaped, the link
 * took the backslashes into its text and address ("https://a.lv/\\_x\\_" in the DOCX), and pandoc
 * ended the link at the first of them. Unescaped there, none of them starts emphasis, as the link
 * takes them in; an address that would need another escape is escaped whole, as the rest of the text.
 */
function escapeAddresses(line: string): string {
  let escaped = '';
  let from = 0;
  for (const address of line.matchAll(WEB_ADDRESS)) {
    if (!printedAsIs(address[0])) continue;
    escaped += escapeMarks(line.slice(from, address.index)) + address[0];
    from = address.index + address[0].length;
  }
  return escaped + escapeMarks(line.slice(from));
}

/** Every inline mark escaped; an underscore inside a word (`IZMzin_190221_EDUC`) left, as it starts no emphasis. */
function escapeMarks(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(UNDERSCORE, (match, offset: number, whole: string) => (isWordChar(whole[offset - 1]) && isWordChar(whole[offset + 1]) ? match : '\\_'));
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
