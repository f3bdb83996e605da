/**
 * A whole DOCX package as text: the body (./body.ts) and the parts around it, each part a
 * string, in the order they are zipped. What our compiler (src/docx/compile.ts) gives it is
 * plain data; nothing here depends on a document library.
 */
import { ROOT } from './namespaces.js';
import { Paragraph, type Element, type FileChild, type WriteContext } from './body.js';
import { DECLARATION, DECLARATION_STANDALONE, escapeAttribute } from './xml.js';
import { stylesXml } from './styles-xml.js';
import { setBounded } from '../../util/bounded.js';
import { numberingKey, numberingXml } from './numbering-xml.js';
import type { NumberingDefinition, StylesOptions } from './types.js';
import {
  appXml,
  commentsXml,
  contentTypesXml,
  coreXml,
  customXml,
  emptyRelsXml,
  endnotesXml,
  fontTableXml,
  footnotesXml,
  rootRelsXml,
  settingsXml,
  themeXml,
  type CoreProperties,
} from './package-xml.js';

/** The one comment a redline carries: the summary of what changed, on the first paragraph. */
export interface CommentOptions {
  id: number;
  author: string;
  date: Date;
  children: readonly Paragraph[];
}

export interface PageOptions {
  /**
   * The page's size in twips, as the docx library took it: with `landscape`, `width` is the short
   * side and `height` the long one, and the section says `w:orient="landscape"` with them swapped.
   */
  size: { width: number; height: number; orientation?: 'portrait' | 'landscape' };
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
}

export interface DocumentOptions extends CoreProperties {
  styles: StylesOptions;
  /** A reference DOCX's `word/styles.xml`, which our styles join. */
  externalStyles?: string | undefined;
  numbering: readonly NumberingDefinition[];
  /** The footnotes by id, 1, 2, …: each note's paragraphs. */
  footnotes: readonly (readonly Paragraph[])[];
  customProperties: readonly { name: string; value: string }[];
  /** Track changes on (a redline). */
  trackRevisions: boolean;
  comments: readonly CommentOptions[];
  page: PageOptions;
  headers: { default: readonly Paragraph[]; first: readonly Paragraph[] };
  footers: { default: readonly Paragraph[]; first: readonly Paragraph[] };
  children: readonly FileChild[];
}

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

function relationshipsXml(relationships: readonly Relationship[]): string {
  if (!relationships.length) return emptyRelsXml();
  const items = relationships.map(
    (r) => `<Relationship Id="${escapeAttribute(r.id)}" Type="${r.type}" Target="${escapeAttribute(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/**
 * Numbers list instances in order of first use, from 2 (1 is the default bullet list every
 * package has), across the parts in the order they are written.
 */
class Numbers {
  readonly used: { reference: string; instance: number }[] = [];
  private readonly ids = new Map<string, number>();
  private readonly defined: ReadonlySet<string>;
  constructor(defined: ReadonlySet<string>) {
    this.defined = defined;
  }
  numId(reference: string, instance: number): number {
    const key = numberingKey({ reference, instance });
    let id = this.ids.get(key);
    if (id === undefined) {
      if (!this.defined.has(reference)) throw new Error(`DocxCompiler: the list numbering ${reference} has no definition`);
      id = this.used.length + 2;
      this.used.push({ reference, instance });
      this.ids.set(key, id);
    }
    return id;
  }
}

/**
 * What writing a part needs: list numbers from the package's count, and link relationships
 * added to the part's own list. Link ids count through the package (`rIdL1`, `rIdL2`, …) in the
 * order the parts are written; `zipParts` (src/docx/pack.ts) renumbers them only when a part
 * written later is zipped earlier and holds links too, which ours do not (see documentParts).
 */
function partContext(numbers: Numbers, links: { count: number }, relationships: Relationship[]): WriteContext {
  return {
    numId: (reference, instance) => numbers.numId(reference, instance),
    hyperlink: (target) => {
      links.count += 1;
      const id = `rIdL${links.count}`;
      relationships.push({ id, type: `${RELATIONSHIP}/hyperlink`, target, external: true });
      return id;
    },
  };
}

function writeAll(elements: readonly Element[], context: WriteContext): string {
  let xml = '';
  for (const element of elements) xml += element.write(context);
  return xml;
}

/**
 * A note's number mark, the first run of its first paragraph, and a space after it, as Word puts
 * in a footnote it makes: without it the note read "¹Text". (`review` reads the space as no text.)
 */
const FOOTNOTE_MARK: Element = { write: () => '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>' };

/** A note's paragraphs, the first with the note's number mark before its text. */
function noteXml(paragraphs: readonly Paragraph[], context: WriteContext): string {
  return paragraphs
    .map((paragraph, index) => (index === 0 ? new Paragraph({ ...paragraph.options, children: [FOOTNOTE_MARK, ...paragraph.children] }) : paragraph).write(context))
    .join('');
}

/** The package's parts, by path, in the order they are zipped. */
export function documentParts(options: DocumentOptions): Record<string, string> {
  const numbers = new Numbers(new Set(options.numbering.map((definition) => definition.reference)));
  const hasComments = options.comments.length > 0;

  // The document's relationships, numbered as Word's own files number them.
  const documentRels: Relationship[] = [];
  const add = (type: string, target: string): string => {
    const id = `rId${documentRels.length + 1}`;
    documentRels.push({ id, type: `${RELATIONSHIP}/${type}`, target });
    return id;
  };
  add('styles', 'styles.xml');
  add('numbering', 'numbering.xml');
  add('footnotes', 'footnotes.xml');
  add('endnotes', 'endnotes.xml');
  add('settings', 'settings.xml');
  if (hasComments) add('comments', 'comments.xml');
  const header = { default: add('header', 'header1.xml'), first: add('header', 'header2.xml') };
  const footer = { default: add('footer', 'footer1.xml'), first: add('footer', 'footer2.xml') };
  add('theme', 'theme/theme1.xml');

  // The parts with text, in the order list numbers and links are given out: the document, the
  // comments, the notes, the headers and footers (only the document and the notes hold links).
  const links = { count: 0 };
  const context = (relationships: Relationship[]) => partContext(numbers, links, relationships);
  const body = writeAll(options.children, context(documentRels));
  const commentRels: Relationship[] = [];
  const commentContext = context(commentRels);
  const comments = options.comments.map(({ id, author, date, children }) => ({ id, author, date: date.toISOString(), paragraphsXml: writeAll(children, commentContext) }));
  const footnoteRels: Relationship[] = [];
  const footnoteContext = context(footnoteRels);
  const notes = options.footnotes.map((paragraphs) => noteXml(paragraphs, footnoteContext));
  const headers = [options.headers.default, options.headers.first].map((paragraphs) => {
    const rels: Relationship[] = [];
    return { xml: `${DECLARATION}${ROOT.header}${writeAll(paragraphs, context(rels))}</w:hdr>`, rels };
  });
  const footers = [options.footers.default, options.footers.first].map((paragraphs) => {
    const rels: Relationship[] = [];
    return { xml: `${DECLARATION}${ROOT.footer}${writeAll(paragraphs, context(rels))}</w:ftr>`, rels };
  });
  documentRels.push({ id: `rId${documentRels.length + 1}`, type: `${RELATIONSHIP}/fontTable`, target: 'fontTable.xml' });

  const { page } = options;
  const m = page.margin;
  const section =
    `<w:sectPr><w:headerReference w:type="default" r:id="${header.default}"/><w:headerReference w:type="first" r:id="${header.first}"/>` +
    `<w:footerReference w:type="default" r:id="${footer.default}"/><w:footerReference w:type="first" r:id="${footer.first}"/>` +
    pageSize(page.size) +
    `<w:pgMar w:top="${signed(m.top)}" w:right="${twips(m.right)}" w:bottom="${signed(m.bottom)}" w:left="${twips(m.left)}" w:header="${twips(m.header)}" w:footer="${twips(m.footer)}" w:gutter="0"/>` +
    '<w:pgNumType/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>';

  const parts: Record<string, string> = {
    'word/_rels/document.xml.rels': relationshipsXml(documentRels),
    'word/document.xml': `${DECLARATION_STANDALONE}${ROOT.document}<w:body>${body}${section}</w:body></w:document>`,
    'word/styles.xml': styles(options.styles, options.externalStyles),
    // The dates are the build's: zipParts (src/docx/pack.ts) writes them.
    'docProps/core.xml': coreXml(options, new Date(0)),
    '_rels/.rels': rootRelsXml(),
  };
  headers.forEach((part, index) => (parts[`word/_rels/header${index + 1}.xml.rels`] = relationshipsXml(part.rels)));
  footers.forEach((part, index) => (parts[`word/_rels/footer${index + 1}.xml.rels`] = relationshipsXml(part.rels)));
  headers.forEach((part, index) => (parts[`word/header${index + 1}.xml`] = part.xml));
  footers.forEach((part, index) => (parts[`word/footer${index + 1}.xml`] = part.xml));
  parts['docProps/custom.xml'] = customXml(options.customProperties);
  parts['docProps/app.xml'] = appXml();
  parts['word/footnotes.xml'] = footnotesXml(notes);
  parts['word/_rels/footnotes.xml.rels'] = relationshipsXml(footnoteRels);
  parts['word/endnotes.xml'] = endnotesXml();
  parts['word/_rels/endnotes.xml.rels'] = emptyRelsXml();
  parts['word/settings.xml'] = settingsXml({ ...(options.trackRevisions ? { trackRevisions: true } : {}), doNotExpandShiftReturn: true });
  if (hasComments) {
    parts['word/comments.xml'] = commentsXml(comments);
    parts['word/_rels/comments.xml.rels'] = relationshipsXml(commentRels);
  }
  parts['word/fontTable.xml'] = fontTableXml();
  parts['word/_rels/fontTable.xml.rels'] = emptyRelsXml();
  parts['word/theme/theme1.xml'] = themeXml();
  parts['word/numbering.xml'] = numberingXml(options.numbering, numbers.used);
  parts['[Content_Types].xml'] = contentTypesXml({ headers: 2, footers: 2, comments: hasComments });
  return parts;
}

/** A measure in twips as Word stores it: a whole number, not below zero. */
function twips(value: number): number {
  const whole = Math.floor(value);
  if (!Number.isFinite(value) || whole < 0) throw new Error(`a page measure must be a positive number of twips, not ${value}`);
  return whole;
}

/** A measure that may be below zero (a top or bottom margin text may run into). */
function signed(value: number): number {
  if (!Number.isFinite(value)) throw new Error(`a page measure must be a number of twips, not ${value}`);
  return Math.floor(value);
}

/** The styles of the last few style sets written: a batch's reports share one or two, and writing them is a tenth of a package. */
const writtenStyles = new Map<string, string>();

function styles(options: StylesOptions, external: string | undefined): string {
  const key = `${JSON.stringify(options)}\u0000${external ?? ''}`;
  let xml = writtenStyles.get(key);
  if (xml === undefined) {
    xml = stylesXml(options, external);
    setBounded(writtenStyles, key, xml, 8);
  }
  return xml;
}

/**
 * The section's `w:pgSz`. A landscape page (a reference DOCX's, wider than high) says so: Word
 * prints a page by its orientation, and a wide page marked portrait comes out turned.
 */
function pageSize(size: PageOptions['size']): string {
  const landscape = size.orientation === 'landscape';
  const [w, h] = landscape ? [size.height, size.width] : [size.width, size.height];
  return `<w:pgSz w:w="${twips(w)}" w:h="${twips(h)}" w:orient="${landscape ? 'landscape' : 'portrait'}"/>`;
}
