/**
 * The body of a DOCX written as text: paragraphs, runs, tables, links, bookmarks, footnote
 * references, comments and tracked changes. The classes take the options our compiler gives
 * them (src/docx/compile.ts, inline.ts) and write WordprocessingML straight to a string, in
 * the element and attribute order Word expects and the `docx` library wrote before them, so
 * a report's bytes did not change when they replaced it (test/docx-oracle.test.ts). What each
 * element holds is public and read-only, so a test can hand the same tree to `docx` to compare.
 */
import type { AlignmentType } from './types.js';
import { escapeAttribute as attribute, escapeText as text } from './xml.js';

export { AlignmentType, BorderStyle, TabStopType, WidthType } from './types.js';

/** What writing an element needs from the part it is in. */
export interface WriteContext {
  /** The `w:numId` of one use (instance) of a numbering definition, numbered in order of first use in the package. */
  numId(reference: string, instance: number): number;
  /** Adds an external link to the part's relationships; returns its relationship id. */
  hyperlink(target: string): string;
}

/** Anything in a paragraph, a table cell or a part's body. */
export interface Element {
  write(context: WriteContext): string;
}

/** Who made a tracked change and when, with its unique id. */
export interface ChangeStamp {
  id: number;
  author: string;
  date: string;
}

function change(name: 'ins' | 'del', stamp: ChangeStamp): string {
  return `<w:${name} w:id="${stamp.id}" w:author="${attribute(stamp.author)}" w:date="${attribute(stamp.date)}"/>`;
}

function changeOpen(name: 'ins' | 'del' | 'pPrChange', stamp: ChangeStamp): string {
  return `<w:${name} w:id="${stamp.id}" w:author="${attribute(stamp.author)}" w:date="${attribute(stamp.date)}">`;
}

// ---------------------------------------------------------------------------------------------
// Runs

export class Tab implements Element {
  write(): string {
    return '<w:tab/>';
  }
}

export class FootnoteReference implements Element {
  readonly id: number;
  constructor(id: number) {
    this.id = id;
  }
  write(): string {
    return `<w:footnoteReference w:id="${this.id}"/>`;
  }
}

export class CommentReference implements Element {
  readonly id: number;
  constructor(id: number) {
    this.id = id;
  }
  write(): string {
    return `<w:commentReference w:id="${this.id}"/>`;
  }
}

/** The current page number, as a field (begin, `PAGE`, separate, end). */
export const PageNumber = { CURRENT: { pageNumber: true } } as const;
type PageNumberField = (typeof PageNumber)['CURRENT'];

export type RunChild = string | Tab | FootnoteReference | CommentReference | PageNumberField;

export interface RunOptions {
  text?: string;
  children?: readonly RunChild[];
  /** Line breaks before the run's content. */
  break?: number;
  bold?: boolean | undefined;
  italics?: boolean | undefined;
  strike?: boolean | undefined;
  /** One font for every script. */
  font?: string;
  /** A character style id. */
  style?: string;
  /** The language of the text where it is not the document's (`w:lang`), in the shape docx took it. */
  language?: { value: string };
}

function onOff(name: string, value: boolean): string {
  return value ? `<w:${name}/>` : `<w:${name} w:val="false"/>`;
}

/** `w:rPr`, or nothing when the run has no formatting of its own. */
function runProperties(options: RunOptions, mark = ''): string {
  let props = '';
  if (options.style) props += `<w:rStyle w:val="${attribute(options.style)}"/>`;
  if (options.font) {
    const font = attribute(options.font);
    props += `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>`;
  }
  if (options.bold !== undefined) props += onOff('b', options.bold) + onOff('bCs', options.bold);
  if (options.italics !== undefined) props += onOff('i', options.italics) + onOff('iCs', options.italics);
  if (options.strike !== undefined) props += onOff('strike', options.strike);
  if (options.language) props += `<w:lang w:val="${attribute(options.language.value)}"/>`;
  props += mark;
  return props ? `<w:rPr>${props}</w:rPr>` : '';
}

const FIELD = ['<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve">PAGE</w:instrText>', '<w:fldChar w:fldCharType="separate"/>', '<w:fldChar w:fldCharType="end"/>'];

function isPageNumber(child: RunChild): child is PageNumberField {
  return typeof child === 'object' && 'pageNumber' in child;
}

/**
 * A run's content. A page number splits the run: the field's four parts each take a run of
 * their own with the same formatting, and what follows the field one more; the field's
 * beginning stays in the run when nothing comes before it.
 */
function runs(options: RunOptions, textElement: (value: string) => string, breaks: number): string {
  const props = runProperties(options);
  let content = '<w:br/>'.repeat(breaks);
  const children = options.children ?? (options.text !== undefined ? [options.text] : []);
  for (const [index, child] of children.entries()) {
    if (isPageNumber(child)) {
      const beginsHere = content === '';
      const parts = beginsHere ? FIELD.slice(1) : FIELD;
      if (beginsHere) content = FIELD[0] ?? '';
      const rest = children.slice(index + 1);
      return (
        element('w:r', props + content) +
        parts.map((part) => element('w:r', props + part)).join('') +
        (rest.length ? runs({ ...options, children: rest }, textElement, 0) : '')
      );
    }
    content += typeof child === 'string' ? textElement(child) : child.write();
  }
  return element('w:r', props + content);
}

function element(name: string, content: string): string {
  return content ? `<${name}>${content}</${name}>` : `<${name}/>`;
}

const plainText = (value: string) => `<w:t xml:space="preserve">${text(value)}</w:t>`;
const deletedText = (value: string) => `<w:delText xml:space="preserve">${text(value)}</w:delText>`;

export class TextRun implements Element {
  readonly options: RunOptions;
  constructor(options: RunOptions | string) {
    this.options = typeof options === 'string' ? { text: options } : options;
  }
  write(): string {
    return runs(this.options, plainText, this.options.break ?? 0);
  }
}

/** A run that was added: a tracked insertion. */
export class InsertedTextRun implements Element {
  readonly options: RunOptions & ChangeStamp;
  constructor(options: RunOptions & ChangeStamp) {
    this.options = options;
  }
  write(): string {
    return `${changeOpen('ins', this.options)}${runs(this.options, plainText, this.options.break ?? 0)}</w:ins>`;
  }
}

/** A run that was removed: a tracked deletion, its text as `w:delText`. */
export class DeletedTextRun implements Element {
  readonly options: RunOptions & ChangeStamp;
  constructor(options: RunOptions & ChangeStamp) {
    this.options = options;
  }
  write(): string {
    return `${changeOpen('del', this.options)}${runs(this.options, deletedText, this.options.break ?? 0)}</w:del>`;
  }
}

/** The run of a footnote reference in the text: the reference style and the note's number. */
export class FootnoteReferenceRun extends TextRun {
  constructor(id: number) {
    super({ style: 'FootnoteReference', children: [new FootnoteReference(id)] });
  }
}

// ---------------------------------------------------------------------------------------------
// Things between runs

/** A link to a web address. A fragment (`#…`) of up to 255 characters becomes the link's anchor. */
export class ExternalHyperlink implements Element {
  readonly options: { link: string; children: readonly Element[] };
  constructor(options: { link: string; children: readonly Element[] }) {
    this.options = options;
  }
  write(context: WriteContext): string {
    const { link } = this.options;
    const hash = link.indexOf('#');
    const fragment = link.length - hash - 1;
    const anchored = hash > 0 && fragment > 0 && fragment <= 255;
    const id = context.hyperlink(anchored ? link.slice(0, hash) : link);
    const anchor = anchored ? ` w:anchor="${attribute(link.slice(hash + 1))}"` : '';
    const children = this.options.children.map((child) => child.write(context)).join('');
    const open = `<w:hyperlink w:history="1"${anchor} r:id="${id}"`;
    return children ? `${open}>${children}</w:hyperlink>` : `${open}/>`;
  }
}

export class BookmarkStart implements Element {
  readonly name: string;
  readonly id: number;
  constructor(name: string, id: number) {
    this.name = name;
    this.id = id;
  }
  write(): string {
    return `<w:bookmarkStart w:name="${attribute(this.name)}" w:id="${this.id}"/>`;
  }
}

export class BookmarkEnd implements Element {
  readonly id: number;
  constructor(id: number) {
    this.id = id;
  }
  write(): string {
    return `<w:bookmarkEnd w:id="${this.id}"/>`;
  }
}

export class CommentRangeStart implements Element {
  readonly id: number;
  constructor(id: number) {
    this.id = id;
  }
  write(): string {
    return `<w:commentRangeStart w:id="${this.id}"/>`;
  }
}

export class CommentRangeEnd implements Element {
  readonly id: number;
  constructor(id: number) {
    this.id = id;
  }
  write(): string {
    return `<w:commentRangeEnd w:id="${this.id}"/>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

export interface BorderOptions {
  style: string;
  size: number;
  color: string;
  space?: number;
}

export interface ParagraphOptions {
  style?: string;
  children?: readonly Element[];
  alignment?: AlignmentType;
  tabStops?: readonly { type: string; position: number }[];
  numbering?: { reference: string; level: number; instance: number; custom?: boolean };
  /** Kept on one page with the next paragraph (`w:keepNext`). */
  keepNext?: boolean;
  /** Not split across pages (`w:keepLines`). */
  keepLines?: boolean;
  /** The paragraph's level in the document's outline, 0 for the first (`w:outlineLvl`): a heading's in Word's navigation pane, a PDF's bookmarks and tags. */
  outlineLevel?: number;
  border?: { bottom: BorderOptions };
  /**
   * A left indent of the paragraph's own, in twips, and a first-line one, over its style's and its
   * list level's (the indents it does not give stay the style's).
   */
  indent?: { left: number; firstLine?: number };
  /** The paragraph mark's tracked change, when the whole block was added or removed. */
  run?: { insertion?: ChangeStamp; deletion?: ChangeStamp };
  /**
   * The style and list the paragraph had before a tracked change of its properties (`w:pPrChange`):
   * a redline's heading made another level, an item of a list that starts at another number now,
   * the last paragraph of a redline that takes the properties of the paragraph joined to it (last-mark.ts).
   */
  styleChange?: { stamp: ChangeStamp; style: string; numbering?: ParagraphOptions['numbering']; indent?: ParagraphOptions['indent'] };
}

function border(name: string, options: BorderOptions): string {
  const space = options.space === undefined ? '' : ` w:space="${options.space}"`;
  return `<w:${name} w:val="${attribute(options.style)}" w:color="${attribute(options.color)}" w:sz="${options.size}"${space}/>`;
}

/** A paragraph's own indents (`w:ind`). */
function indentProperties({ left, firstLine }: NonNullable<ParagraphOptions['indent']>): string {
  return `<w:ind w:left="${left}"${firstLine === undefined ? '' : ` w:firstLine="${firstLine}"`}/>`;
}

/** A paragraph's list and level (`w:numPr`). */
function numberingProperties({ reference, instance, level }: NonNullable<ParagraphOptions['numbering']>, context: WriteContext): string {
  // OOXML has list levels 0–8 (ST_DecimalNumber, but Word and LibreOffice read no others).
  if (!Number.isInteger(level) || level < 0 || level > 8) throw new Error(`Paragraph: list level ${level} is not one of Word's 0–8`);
  return `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${context.numId(reference, instance)}"/></w:numPr>`;
}

export class Paragraph implements Element {
  readonly options: ParagraphOptions;
  readonly children: Element[];
  constructor(options: ParagraphOptions) {
    this.options = options;
    this.children = [...(options.children ?? [])];
  }

  addChildElement(child: Element): this {
    this.children.push(child);
    return this;
  }

  write(context: WriteContext): string {
    const { options } = this;
    let props = '';
    if (options.style) props += `<w:pStyle w:val="${attribute(options.style)}"/>`;
    if (options.keepNext) props += '<w:keepNext/>';
    if (options.keepLines) props += '<w:keepLines/>';
    if (options.numbering) props += numberingProperties(options.numbering, context);
    if (options.border) props += `<w:pBdr>${border('bottom', options.border.bottom)}</w:pBdr>`;
    if (options.tabStops?.length) props += `<w:tabs>${options.tabStops.map((tab) => `<w:tab w:val="${tab.type}" w:pos="${tab.position}"/>`).join('')}</w:tabs>`;
    if (options.indent) props += indentProperties(options.indent);
    if (options.alignment) props += `<w:jc w:val="${options.alignment}"/>`;
    if (options.outlineLevel !== undefined) props += `<w:outlineLvl w:val="${options.outlineLevel}"/>`;
    const mark = options.run;
    if (mark?.insertion || mark?.deletion) {
      props += `<w:rPr>${mark.insertion ? change('ins', mark.insertion) : ''}${mark.deletion ? change('del', mark.deletion) : ''}</w:rPr>`;
    }
    // The earlier properties come last in `w:pPr`; only the style and the list change here.
    const restyled = options.styleChange;
    if (restyled) {
      const numbering = restyled.numbering ? numberingProperties(restyled.numbering, context) : '';
      const indent = restyled.indent ? indentProperties(restyled.indent) : '';
      props += `${changeOpen('pPrChange', restyled.stamp)}<w:pPr><w:pStyle w:val="${attribute(restyled.style)}"/>${numbering}${indent}</w:pPr></w:pPrChange>`;
    }
    let content = props ? `<w:pPr>${props}</w:pPr>` : '';
    for (const child of this.children) content += child.write(context);
    return element('w:p', content);
  }
}

/** A piece of what a paragraph prints (see {@link printedPieces}). */
export interface PrintedPiece {
  /** Text; a tab as `\t`; a footnote reference as its number; '' for a line break. */
  text: string;
  kind: 'text' | 'break' | 'footnote';
  /** The run the piece is in. */
  run: RunOptions;
}

/**
 * What the elements of a paragraph print, in order, piece by piece: each run's line breaks, then
 * its text, tabs and footnote numbers, inside links too, tracked insertions and deletions alike.
 * Comments, bookmarks and page numbers print nothing here.
 */
export function* printedPieces(children: readonly Element[]): Generator<PrintedPiece> {
  for (const element of children) {
    if (element instanceof ExternalHyperlink) {
      yield* printedPieces(element.options.children);
      continue;
    }
    if (!(element instanceof TextRun || element instanceof InsertedTextRun || element instanceof DeletedTextRun)) continue;
    const run = element.options;
    for (let count = 0; count < (run.break ?? 0); count++) yield { text: '', kind: 'break', run };
    for (const child of run.children ?? (run.text === undefined ? [] : [run.text])) {
      if (typeof child === 'string') yield { text: child, kind: 'text', run };
      else if (child instanceof Tab) yield { text: '\t', kind: 'text', run };
      else if (child instanceof FootnoteReference) yield { text: String(child.id), kind: 'footnote', run };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface Width {
  size: number;
  type: string;
}

export class TableCell implements Element {
  readonly options: { width: Width; children: readonly Paragraph[] };
  constructor(options: { width: Width; children: readonly Paragraph[] }) {
    this.options = options;
  }
  write(context: WriteContext): string {
    const { width, children } = this.options;
    return `<w:tc><w:tcPr><w:tcW w:type="${width.type}" w:w="${width.size}"/></w:tcPr>${children.map((child) => child.write(context)).join('')}</w:tc>`;
  }
}

/** A table row: `cantSplit` keeps it whole on one page (`w:cantSplit`), `tableHeader` repeats it at the top of each page. */
export interface TableRowOptions {
  cantSplit?: boolean;
  tableHeader: boolean;
  children: readonly TableCell[];
  insertion?: ChangeStamp;
  deletion?: ChangeStamp;
}

export class TableRow implements Element {
  readonly options: TableRowOptions;
  constructor(options: TableRowOptions) {
    this.options = options;
  }
  write(context: WriteContext): string {
    const { cantSplit, tableHeader, insertion, deletion, children } = this.options;
    const props =
      (cantSplit ? '<w:cantSplit/>' : '') + (tableHeader ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>') + (insertion ? change('ins', insertion) : '') + (deletion ? change('del', deletion) : '');
    return `<w:tr><w:trPr>${props}</w:trPr>${children.map((cell) => cell.write(context)).join('')}</w:tr>`;
  }
}

type TableBorders = Record<'top' | 'bottom' | 'left' | 'right' | 'insideHorizontal' | 'insideVertical', BorderOptions>;

export interface TableOptions {
  width: Width;
  /** How far in from the left margin the table's left edge is (`w:tblInd`): under a list item's text. */
  indent?: Width;
  columnWidths: readonly number[];
  borders: TableBorders;
  rows: readonly TableRow[];
}

export class Table implements Element {
  readonly options: TableOptions;
  constructor(options: TableOptions) {
    this.options = options;
  }
  write(context: WriteContext): string {
    const { width, indent, columnWidths, borders, rows } = this.options;
    const edges = border('top', borders.top) + border('left', borders.left) + border('bottom', borders.bottom) + border('right', borders.right);
    const inside = border('insideH', borders.insideHorizontal) + border('insideV', borders.insideVertical);
    const indentation = indent ? `<w:tblInd w:type="${indent.type}" w:w="${indent.size}"/>` : '';
    return (
      `<w:tbl><w:tblPr><w:tblW w:type="${width.type}" w:w="${width.size}"/>${indentation}<w:tblBorders>${edges}${inside}</w:tblBorders></w:tblPr>` +
      `<w:tblGrid>${columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
      `${rows.map((row) => row.write(context)).join('')}</w:tbl>`
    );
  }
}

/** What a part's body may hold at its top level. */
export type FileChild = Paragraph | Table;
export type ParagraphChild = Element;
