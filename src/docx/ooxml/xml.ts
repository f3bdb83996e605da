/**
 * The XML layer of our own OOXML writer: escaping, declarations, a small element tree and its
 * serialiser, and a parser for a reference DOCX's styles.xml. Every rule here is the one of the
 * `docx` library 9.15.2 (its `src/util/xml/stringify.ts` and `parse.ts`), quirks included, so
 * that the parts we write are byte for byte those `docx` wrote before; but for the characters
 * XML 1.0 does not allow, which are all left out (docx let U+FFFE, U+FFFF and lone surrogates through).
 */

import { FORBIDDEN_CHARACTER, MAY_BE_FORBIDDEN } from '../../model/common.js';

const ESCAPES = new Map([
  ['&', '&amp;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
]);

// docx drops the control characters XML 1.0 does not allow (all below U+0020 except tab, LF, CR).
// It let U+FFFE, U+FFFF and a lone surrogate through, which XML 1.0 does not allow either: a name
// given on the command line (`diff --author`) or by git made a part Word and LibreOffice cannot
// read. They are dropped too: every character briefing's files are refused for (FORBIDDEN_CHARACTER).
const ESCAPED = new RegExp(`[&"'<>]|${FORBIDDEN_CHARACTER.source}`, 'g');
/**
 * A character {@link ESCAPED} may match, any surrogate included: most texts have none. Asked first, a
 * text without is returned in a fifth of the time the replace takes to find nothing (its lookbehind
 * is tried at every character): 25–40 → 5–15 ms for the texts of a 5 MB position's document.
 */
const MAY_ESCAPE = new RegExp(`[&"'<>]|${MAY_BE_FORBIDDEN.source}`);

/**
 * An attribute value as docx writes it (its `escapeAll`): `& " ' < >` as entities, the characters
 * XML 1.0 does not allow left out.
 */
export function escapeAttribute(value: string): string {
  if (!MAY_ESCAPE.test(value)) return value;
  return value.replace(ESCAPED, (char) => ESCAPES.get(char) ?? '');
}

/**
 * Element text as docx writes it: the same as {@link escapeAttribute}, quotes and apostrophes
 * too. docx also has an `escapeText` that leaves quotes alone, but only for re-serialising a
 * parsed tree (`stringifyElement`), which no part of a document goes through; the text of
 * `w:t`, `dc:title`, `vt:lpwstr` and of a reference's imported styles goes through `escapeAll`.
 */
export function escapeText(value: string): string {
  return escapeAttribute(value);
}

/** The declaration of most parts (document, styles, numbering, properties, settings, theme). */
export const DECLARATION_STANDALONE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** The declaration of the relationship parts, content types, endnotes, headers and footers. */
export const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** An element: its name, its attributes in order, and its children (elements and text). */
export interface XmlElement {
  name: string;
  attributes: (readonly [string, string])[];
  children: XmlChild[];
  /** Written `<a></a>` even with no children: docx does so for a style it marks as the default (see styles-xml). */
  neverSelfClosing?: boolean;
}

/** A child of an element: an element or text (not yet escaped). */
export type XmlChild = XmlElement | string;

/** Attribute values as options give them: undefined ones are left out, numbers and booleans written as `String` does. */
export type AttributeValues = Record<string, string | number | boolean | undefined>;

/** An element with the given attributes (in their order, undefined ones left out) and children. */
export function element(name: string, attributes: AttributeValues = {}, children: XmlChild[] = []): XmlElement {
  const written: (readonly [string, string])[] = [];
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) written.push([key, String(value)]);
  return { name, attributes: written, children };
}

/**
 * Writes an element as docx's stringifier does. Its quirk, from the `xml` package it replaced, is
 * kept: text in an element takes the place of the child just before it (`<a><b/>x<c/>y</a>` is
 * written `<a>xy</a>`, `<a>x<b/></a>` as it is); an element with nothing in it is self-closing,
 * one with only empty text is not (`<a></a>`).
 */
export function serialize(node: XmlElement): string {
  const open = `<${node.name}${node.attributes.map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join('')}`;
  if (node.children.length === 0) return node.neverSelfClosing ? `${open}></${node.name}>` : `${open}/>`;
  const content: string[] = [''];
  for (const child of node.children) {
    if (typeof child === 'string') {
      content.pop();
      content.push(escapeText(child));
    } else {
      content.push(serialize(child));
    }
  }
  return `${open}>${content.join('')}</${node.name}>`;
}

const PREDEFINED_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;]*);?/g, (reference, name: string) => {
    if (!reference.endsWith(';')) throw new Error(`Invalid XML: "&" that starts no entity, in "${raw}"`);
    const predefined = PREDEFINED_ENTITIES.get(name);
    if (predefined !== undefined) return predefined;
    const codePoint = /^#x[0-9a-f]+$/i.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]+$/.test(name) ? parseInt(name.slice(1), 10) : NaN;
    if (!(codePoint > 0 && codePoint <= 0x10ffff)) throw new Error(`Invalid XML: unknown entity "${reference}"`);
    return String.fromCodePoint(codePoint);
  });
}

function isWhitespace(char: string | undefined): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r';
}

/**
 * Reads XML as docx's `parseXml` does and keeps what its `convertToXmlComponent` keeps: elements
 * and text. Text that is only whitespace, comments, processing instructions, CDATA sections and a
 * DOCTYPE are dropped; entities are decoded; an attribute given twice keeps its first value.
 * Throws on XML that docx would not read. Returns the elements at the top level.
 */
export function parseXml(text: string): XmlElement[] {
  const top: XmlElement[] = [];
  const open: XmlElement[] = [];
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (position < text.length && isWhitespace(text[position])) position++;

  const appendText = (raw: string): void => {
    if (raw.trim() === '') return;
    const parent = open[open.length - 1];
    if (!parent) throw new Error(`Invalid XML: text outside of the root element, "${raw.trim()}"`);
    parent.children.push(decodeEntities(raw));
  };
  const closingOf = (search: string, from: number, what: string): number => {
    const index = text.indexOf(search, from);
    if (index === -1) throw new Error(`Invalid XML: ${what} that isn't closed`);
    return index;
  };

  while (position < text.length) {
    const tagStart = text.indexOf('<', position);
    appendText(text.slice(position, tagStart === -1 ? text.length : tagStart));
    if (tagStart === -1) break;
    if (text.startsWith('<?', tagStart)) {
      position = closingOf('?>', tagStart + 2, 'processing instruction') + 2;
    } else if (text.startsWith('<!--', tagStart)) {
      position = closingOf('-->', tagStart + 4, 'comment') + 3;
    } else if (text.startsWith('<![CDATA[', tagStart)) {
      position = closingOf(']]>', tagStart + 9, 'CDATA section') + 3;
    } else if (text.startsWith('<!DOCTYPE', tagStart)) {
      position = doctypeEnd(text, tagStart + 9) + 1;
    } else if (text.startsWith('</', tagStart)) {
      const end = closingOf('>', tagStart + 2, 'closing tag');
      const name = text.slice(tagStart + 2, end).trimEnd();
      const node = open.pop();
      if (node?.name !== name) throw new Error(`Invalid XML: closing tag </${name}> doesn't match <${node?.name ?? ''}>`);
      position = end + 1;
    } else {
      const { node, selfClosing, end } = startTag(text, tagStart + 1);
      (open[open.length - 1]?.children ?? top).push(node);
      if (!selfClosing) open.push(node);
      position = end;
    }
  }
  const unclosed = open[open.length - 1];
  if (unclosed) throw new Error(`Invalid XML: <${unclosed.name}> isn't closed`);
  return top;
}

function doctypeEnd(text: string, from: number): number {
  let quote: string | undefined;
  let inSubset = false;
  for (let end = from; end < text.length; end++) {
    const char = text[end];
    if (quote !== undefined) quote = char === quote ? undefined : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '[') inSubset = true;
    else if (char === ']') inSubset = false;
    else if (char === '>' && !inSubset) return end;
  }
  throw new Error("Invalid XML: DOCTYPE that isn't closed");
}

/** Reads a start tag from just after its `<`. */
function startTag(text: string, from: number): { node: XmlElement; selfClosing: boolean; end: number } {
  let nameEnd = from;
  while (nameEnd < text.length && !isWhitespace(text[nameEnd]) && text[nameEnd] !== '/' && text[nameEnd] !== '>') nameEnd++;
  const name = text.slice(from, nameEnd);
  if (name === '') throw new Error('Invalid XML: tag without a name');
  const node: XmlElement = { name, attributes: [], children: [] };
  // The names given so far, for the first value to be kept: looked up in the list itself, one start tag of
  // 2 million attributes (a reference DOCX of 4 MB) held every build up for hours.
  const named = new Set<string>();
  let position = nameEnd;
  for (;;) {
    while (position < text.length && isWhitespace(text[position])) position++;
    if (position >= text.length) throw new Error(`Invalid XML: <${name}> that isn't closed`);
    if (text[position] === '>' || text.startsWith('/>', position)) {
      const selfClosing = text[position] === '/';
      return { node, selfClosing, end: position + (selfClosing ? 2 : 1) };
    }
    const equals = text.indexOf('=', position);
    const attributeName = text.slice(position, equals === -1 ? text.length : equals).trimEnd();
    if (equals === -1 || attributeName === '' || /[\s/>]/.test(attributeName)) throw new Error(`Invalid XML: attribute of <${name}> without a value`);
    let valueStart = equals + 1;
    while (valueStart < text.length && isWhitespace(text[valueStart])) valueStart++;
    const quote = text[valueStart];
    if (quote !== '"' && quote !== "'") throw new Error(`Invalid XML: value of ${attributeName} on <${name}> isn't quoted`);
    const valueEnd = text.indexOf(quote, valueStart + 1);
    if (valueEnd === -1) throw new Error(`Invalid XML: value of ${attributeName} on <${name}> isn't closed`);
    if (!named.has(attributeName)) {
      named.add(attributeName);
      node.attributes.push([attributeName, decodeEntities(text.slice(valueStart + 1, valueEnd))]);
    }
    position = valueEnd + 1;
  }
}
