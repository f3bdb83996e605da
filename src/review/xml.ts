import { saxes } from '../util/on-first-use.js';

/** One XML element: qualified name, attributes, and children in document order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** An element or a piece of text. */
export type XmlNode = XmlElement | string;

/** Thrown by {@link parseXml} when the text is not well-formed XML: where and why. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  /** 1-based line and column (UTF-16 code units) where the parser gave up. */
  readonly line: number;
  readonly column: number;
  /** The parser's reason, e.g. `unexpected close tag.` */
  readonly reason: string;

  constructor(reason: string, line: number, column: number) {
    super(`${line}:${column}: ${reason}`);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

/**
 * The deepest a part's elements may nest. Word nests tables 64 levels at most, a few elements
 * each; the readers walk the tree by recursion, which a few thousand levels overflow.
 */
export const MAX_ELEMENT_DEPTH = 1000;

/** Thrown by {@link parseXml} when elements nest deeper than {@link MAX_ELEMENT_DEPTH}: where. */
export class XmlTooDeepError extends Error {
  override readonly name = 'XmlTooDeepError';
  readonly line: number;
  readonly column: number;

  constructor(line: number, column: number) {
    super(`${line}:${column}: elements nested more than ${MAX_ELEMENT_DEPTH} levels deep`);
    this.line = line;
    this.column = column;
  }
}

/**
 * How many more elements may be parsed: one count shared by the parts of a file, which
 * {@link parseXml} lowers. An element costs the tree a hundred bytes and more, and the readers
 * after it several times that: a part of 250 MB of empty paragraphs (`<w:p/>`, a few hundred
 * kilobytes zipped) ran the process out of memory after a minute.
 */
export interface XmlAllowance {
  elements: number;
}

/** Thrown by {@link parseXml} when the elements go past its {@link XmlAllowance}: where. */
export class XmlTooLargeError extends Error {
  override readonly name = 'XmlTooLargeError';
  readonly line: number;
  readonly column: number;

  constructor(line: number, column: number) {
    super(`${line}:${column}: more elements than allowed`);
    this.line = line;
    this.column = column;
  }
}

/**
 * Parses XML text into a small element tree with saxes (a well-kept, spec-conformant
 * parser). Namespace prefixes stay as written (`w:p`): OOXML parts use fixed prefixes.
 * Text that is not well-formed throws an {@link XmlSyntaxError}; elements nested too deep an
 * {@link XmlTooDeepError}, and more of them than `allowance` leaves an {@link XmlTooLargeError}.
 */
export function parseXml(text: string, allowance: XmlAllowance = { elements: Infinity }): XmlElement {
  const { SaxesParser } = saxes();
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    // saxes puts `line:column: ` before its reason; its column counts characters, columnIndex UTF-16 units as editors do.
    throw new XmlSyntaxError(error.message.replace(/^\d+:\d+: /, ''), parser.line, parser.columnIndex);
  });
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    if (--allowance.elements < 0) throw new XmlTooLargeError(parser.line, parser.columnIndex);
    const attributes: Record<string, string> = { ...tag.attributes };
    const element: XmlElement = { name: tag.name, attributes, children: [] };
    stack.at(-1)?.children.push(element);
    stack.push(element);
    if (stack.length > MAX_ELEMENT_DEPTH + 1) throw new XmlTooDeepError(parser.line, parser.columnIndex);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    stack.at(-1)?.children.push(text);
  });
  parser.write(text).close();
  return root;
}

/** The element children of `element`, optionally only those named `name`. */
export function elements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name));
}

/** The first child element named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element ? elements(element, name)[0] : undefined;
}

/** Every descendant element named `name`, in document order. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const inner of elements(node)) {
      if (inner.name === name) found.push(inner);
      visit(inner);
    }
  };
  visit(element);
  return found;
}

/** The text of an element's `w:t` descendants, paragraphs joined by a line break. */
export function plainText(element: XmlElement): string {
  return descendants(element, 'w:p')
    .map((p) => descendants(p, 'w:t').map((t) => t.children.filter((c): c is string => typeof c === 'string').join('')).join(''))
    .join('\n');
}
