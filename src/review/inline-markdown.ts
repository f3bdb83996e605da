/** A reviewed paragraph's pieces written as inline Markdown (formatting, links, footnotes, escapes), and its lines wrapped. */

import { linkKey } from './formatting.js';
import { DEFAULT_STYLE, referenceLink, WIDTH, type SourceStyle } from './source-style.js';
import { sameFormat } from './body-reader.js';
import type { Piece } from './reviewed-docx.js';

/**
 * `lost`, when given, also gets the notes about a change the Markdown cannot hold (a footnote the
 * reviewer added). In a table's cell (`cell`), every pipe is escaped, in inline code and link
 * addresses too: GFM ends the cell at any other; a number, `-` or `#` at its start is not, as it
 * would be at a paragraph's.
 */
export function inlineMarkdown(pieces: readonly Piece[], footnotes: Map<string, string>, notes: string[], lost?: string[], cell = false, style: SourceStyle = DEFAULT_STYLE): string {
  let result = '';
  let index = 0;
  while (index < pieces.length) {
    const piece = pieces[index];
    if (!piece) break;
    if (piece.symbol !== undefined) {
      unreadSymbol(piece.symbol, result, notes, lost);
      index += 1;
      continue;
    }
    if (piece.footnote !== undefined) {
      const label = footnotes.get(piece.footnote);
      if (label) result += `[^${label}]`;
      else {
        const sentence = 'a footnote the reviewer added cannot be carried over: add it to the YAML by hand';
        notes.push(sentence);
        lost?.push(sentence);
      }
      index += 1;
      continue;
    }
    const span = linkSpan(pieces, index);
    if (span) {
      // One link around its parts, each written with its own formatting.
      const [, lead = '', text = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(inlineMarkdown(span.parts, footnotes, notes, lost, cell, style)) ?? [];
      result += `${lead}${linked(text, span.link, cell, style, trail ? ' ' : firstCharOf(pieces[span.end]))}${trail}`;
      index = span.end;
      continue;
    }
    let text = '';
    let end = index;
    while (end < pieces.length) {
      const next = pieces[end];
      if (!next || next.footnote !== undefined || next.symbol !== undefined || !sameFormat(next, piece) || next.link !== piece.link) break;
      text += next.text.replace(/\n/g, HARD_BREAK);
      end += 1;
    }
    result += formatted(text.replace(/\u00a0/g, ' '), piece, cell, style, result.slice(-1), firstCharOf(pieces[end]));
    index = end;
  }
  // What would start a list, quote or heading at a paragraph's start is text in a cell, which holds inline content only.
  return cell ? result : result.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+>#])/, '\\$1');
}

/**
 * Says that a symbol briefing cannot read (see `Piece.symbol`) is left out, and where: after the
 * last words of `before`, the text written before it in its paragraph.
 */
export function unreadSymbol(symbol: string, before: string, notes: string[], lost?: string[]): void {
  const words = before.replace(/\s+/g, ' ').trim().split(' ').slice(-4).join(' ');
  const place = words ? `after “${words}”` : 'at the start of a paragraph';
  const sentence = `a symbol inserted in Word (${symbol}) ${place} has no Unicode character briefing knows, so it cannot be written into the YAML: type the character meant there by hand`;
  notes.push(sentence);
  lost?.push(sentence);
}

/**
 * `text` of `piece` as Markdown, as `style` writes it: its marks for bold and italic where
 * underscores can stand (`before` and `after`, the characters around it, are no letters or
 * digits: `ped__agogu__` would not be bold), else asterisks; a link as the reference the source
 * writes its address with, else inline.
 */
function formatted(text: string, piece: Piece, cell: boolean, style: SourceStyle, before: string, after: string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  if (!core) return text;
  // An address written as itself is left bare, as GFM's autolinks have it.
  if (piece.link && isAutolink(core, piece.link)) return `${lead}${'angle' in (style.links.get(linkKey(piece.link)) ?? {}) ? `<${core}>` : core}${trail}`;
  let inner = piece.code ? codeSpan(core) : escapeText(core);
  if (piece.code && cell) inner = inner.replaceAll('|', '\\|');
  const apart = (char: string): boolean => char === '' || /[\s\p{P}\p{S}]/u.test(char);
  const { strong, emphasis } = apart(lead ? ' ' : before) && apart(trail ? ' ' : after) ? style : DEFAULT_STYLE;
  if (piece.bold && piece.italic) inner = strong === '**' && emphasis === '*' ? `***${inner}***` : `${strong}${emphasis}${inner}${emphasis}${strong}`;
  else if (piece.bold) inner = `${strong}${inner}${strong}`;
  else if (piece.italic) inner = `${emphasis}${inner}${emphasis}`;
  if (piece.strike) inner = `~~${inner}~~`;
  return `${lead}${piece.link === undefined ? inner : linked(inner, piece.link, cell, style, trail ? ' ' : after)}${trail}`;
}

/**
 * A link around `text` (Markdown): the reference the source writes its address with, else inline,
 * with the destination as the source writes it (its title kept). `next`: the character after it.
 */
function linked(text: string, link: string, cell: boolean, style: SourceStyle, next: string): string {
  const reference = style.references.get(linkKey(link));
  if (reference) return referenceLink(text, reference, next);
  const inline = style.links.get(linkKey(link));
  return `[${text}](${inline && 'destination' in inline ? inline.destination : cell ? link.replaceAll('|', '%7C') : link})`;
}

/**
 * A link whose text is formatted in parts (`[saite ar **treknu**](…)`) from `start`: its address
 * and its pieces without it, to be written inside one link (as pieces of their own, each part
 * would be a link of its own), and where it ends. Undefined when `start` is no link, or its
 * text is formatted alike throughout.
 */
function linkSpan(pieces: readonly Piece[], start: number): { link: string; parts: Piece[]; end: number } | undefined {
  const first = pieces[start];
  const link = first?.link;
  if (!first || link === undefined || first.footnote !== undefined || first.symbol !== undefined) return undefined;
  let end = start;
  while (end < pieces.length && pieces[end]?.link === link && pieces[end]?.footnote === undefined && pieces[end]?.symbol === undefined) end += 1;
  const span = pieces.slice(start, end);
  if (span.every((piece) => sameFormat(piece, first))) return undefined;
  return { link, parts: span.map((piece) => ({ ...piece, link: undefined })), end };
}

/** The first character `piece` writes, for what stands after the text before it: `[` for a footnote reference; '' at the end. */
function firstCharOf(piece: Piece | undefined): string {
  return piece?.footnote !== undefined ? '[' : (piece?.text.charAt(0) ?? '');
}

/** Text as Markdown that reads as that text: every character Markdown could read as syntax escaped, and an `&` that would start a character entity ("&amp;" typed as such). */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/**
 * `markdown` with the text the DOCX printed for an image or raw HTML of the source (`literals`,
 * in order) written as that Markdown again, where it stands as written (escaped, as text is):
 * else `![alt](address)` would come back as the text `\[alt\]`, its address lost, and `<b>` as `\<b\>`.
 */
export function withLiterals(markdown: string, literals: SourceStyle['literals']): string {
  let result = markdown;
  let from = 0;
  for (const { printed, markdown: source } of literals) {
    const at = result.indexOf(escapeText(printed), from);
    if (at < 0) continue;
    result = result.slice(0, at) + source + result.slice(at + escapeText(printed).length);
    from = at + source.length;
  }
  return result;
}

/** Whether the link's text is its address as GFM would find it in text: `www.…`, `https://…`, an email. */
function isAutolink(text: string, url: string): boolean {
  if (!/^[\w.\-/:@?=&%#~+]+$/.test(text) || /[.:]$/.test(text)) return false;
  return (url === text && /^https?:\/\//i.test(text)) || (url === `http://${text}` && /^www\./i.test(text)) || (url === `mailto:${text}` && text.includes('@'));
}

/** Inline code in backticks enough that none inside closes it. */
function codeSpan(text: string): string {
  const ticks = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** Stands for a hard line break (a Word line break) in written Markdown until {@link wrap} writes it as `\` at a line's end. */
const HARD_BREAK = '\uE012';

/** The text on one line: a hard line break as a space (a heading or a table cell holds none). */
export function oneLine(text: string): string {
  return text.replaceAll(HARD_BREAK, ' ').replace(/\s+/g, ' ');
}

/**
 * Wraps at `width` ({@link WIDTH}; Infinity for a paragraph written on one line) on spaces, never before a word that would start a list or heading, nor
 * inside "28 %" or "11 352"; a hard line break stays one, written as `\` at the line's end.
 * `lead` starts the first line as it is written (a nested item's `>    - `, whose spaces are
 * its place in the quote); `under` starts each line after it: the indentation that puts it under
 * the text, after a quote's `>` (`>      `), so the quote's lines all show it as written ones do.
 */
export function wrap(text: string, under: string, lead = '', width = WIDTH): string {
  return text
    .split(HARD_BREAK)
    .map((part, index) => (index === 0 ? wrapped(part, under, lead, width) : under + wrapped(part.trimStart(), under, '', width)))
    .join('\\\n');
}

function wrapped(text: string, under: string, lead: string, width: number): string {
  const words = text.replace(/[ \t]*\n[ \t]*/g, ' ').split(/ +/);
  const lines: string[] = [];
  let line = lead;
  // Whether the line holds no word yet (only the lead).
  let bare = true;
  for (const word of words) {
    if (bare && !word) continue;
    // A word that would make the next line a block of its own (an item, a heading, a quote, a fence, HTML) stays on this one,
    // and so does one that check would take for a pasted list's mark at a line's start ("–", Word's "o", "a)", "(ii)").
    // An autolink (`<https://…>`) is none: no block starts with a scheme's colon.
    const starts = /^(\d{1,9}[.)]|[-+*]|#{1,6}|=+|-+|[–—o]|\(?[a-z]{1,4}\))$/.test(word) || (/^(>|<|`{3}|~{3})/.test(word) && !/^<[a-z][a-z\d+.-]{1,31}:/i.test(word));
    // "28 %" and "11 352" stay on one line: the report keeps them together only within a line.
    const keptWithPrevious = word.startsWith('%') || (/\d$/.test(line) && /^\d{3}(?!\d)/.test(word));
    if (!bare && line.length + 1 + word.length > width && !starts && !keptWithPrevious) {
      lines.push(line);
      line = under + word;
    } else line = bare ? line + word : `${line} ${word}`;
    bare = false;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
