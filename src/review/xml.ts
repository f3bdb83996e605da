import { saxes } from '../util/on-first-use.js';

/** One XML element: qualified name, attributes, and children in document order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** An element or a piece of text. */
export type XmlNode = XmlElement | string;

/** A part refused where the parser was: 1-based line and column (UTF-16 code units), and what is wrong there. */
abstract class XmlPlaceError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(line: number, column: number, what: string) {
    super(`${line}:${column}: ${what}`);
    this.line = line;
    this.column = column;
  }
}

/** Thrown by {@link parseXml} when the text is not well-formed XML: where (where the parser gave up) and why. */
export class XmlSyntaxError extends XmlPlaceError {
  override readonly name = 'XmlSyntaxError';
  /** The parser's reason, e.g. `unexpected close tag.` */
  readonly reason: string;

  constructor(reason: string, line: number, column: number) {
    super(line, column, reason);
    this.reason = reason;
  }
}

/**
 * The deepest a part's elements may nest. Word nests tables 64 levels at most, a few elements
 * each; the readers walk the tree by recursion, which a few thousand levels overflow.
 */
export const MAX_ELEMENT_DEPTH = 1000;

/** Thrown by {@link parseXml} when elements nest deeper than {@link MAX_ELEMENT_DEPTH}: where. */
export class XmlTooDeepError extends XmlPlaceError {
  override readonly name = 'XmlTooDeepError';

  constructor(line: number, column: number) {
    super(line, column, `elements nested more than ${MAX_ELEMENT_DEPTH} levels deep`);
  }
}

/**
 * The most attributes one element may have. Word writes a few dozen at most (the namespaces on a
 * part's root); one start tag of 20 million attributes (a 40 MB file) held review up for more than
 * eight minutes and 3.6 GB before it had parsed the tag.
 */
export const MAX_ELEMENT_ATTRIBUTES = 1000;

/** Thrown by {@link parseXml} when one element has more than {@link MAX_ELEMENT_ATTRIBUTES} attributes: where. */
export class XmlTooManyAttributesError extends XmlPlaceError {
  override readonly name = 'XmlTooManyAttributesError';

  constructor(line: number, column: number) {
    super(line, column, `an element with more than ${MAX_ELEMENT_ATTRIBUTES} attributes`);
  }
}

/**
 * How many more elements and attributes may be parsed: counts shared by the parts of a file,
 * which {@link parseXml} lowers. An element costs the tree a hundred bytes and more, and the
 * readers after it several times that: a part of 250 MB of empty paragraphs (`<w:p/>`, a few
 * hundred kilobytes zipped) ran the process out of memory after a minute. Attributes cost
 * memory too: 250 MB of paragraphs of 30 attributes each (51 million) took 2.4 GB and 35 s.
 */
export interface XmlAllowance {
  elements: number;
  attributes: number;
}

/** Thrown by {@link parseXml} when the elements or the attributes (`counted`) go past its {@link XmlAllowance}: where. */
export class XmlTooLargeError extends XmlPlaceError {
  override readonly name = 'XmlTooLargeError';
  readonly counted: 'elements' | 'attributes';

  constructor(line: number, column: number, counted: 'elements' | 'attributes' = 'elements') {
    super(line, column, `more ${counted} than allowed`);
    this.counted = counted;
  }
}

/**
 * Parses XML text into a small element tree with saxes (a well-kept, spec-conformant
 * parser). Namespace prefixes stay as written (`w:p`): OOXML parts use fixed prefixes.
 * Text that is not well-formed throws an {@link XmlSyntaxError}; elements nested too deep an
 * {@link XmlTooDeepError}; an element with too many attributes an {@link XmlTooManyAttributesError}, as
 * soon as it has one too many (before its tag is parsed whole); and more elements or attributes than
 * `allowance` leaves an {@link XmlTooLargeError}.
 */
export function parseXml(text: string, allowance: XmlAllowance = { elements: Infinity, attributes: Infinity }): XmlElement {
  const { SaxesParser } = saxes();
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    // saxes puts `line:column: ` before its reason; its column counts characters, columnIndex UTF-16 units as editors do.
    throw new XmlSyntaxError(error.message.replace(/^\d+:\d+: /, ''), parser.line, parser.columnIndex);
  });
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  // saxes tells of each attribute as it is read, before the tag it is on: counted then, the tag is not parsed on.
  let attributesOfTag = 0;
  parser.on('attribute', () => {
    if (++attributesOfTag > MAX_ELEMENT_ATTRIBUTES) throw new XmlTooManyAttributesError(parser.line, parser.columnIndex);
    if (--allowance.attributes < 0) throw new XmlTooLargeError(parser.line, parser.columnIndex, 'attributes');
  });
  parser.on('opentag', (tag) => {
    attributesOfTag = 0;
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
