/**
 * The oracle of the differential tests (test/docx-oracle.test.ts): the `docx` library, which wrote
 * every DOCX before our own writer (src/docx/ooxml, decisions/0006) took its place. Our compiler's
 * output (`DocumentOptions`, a tree of our elements) is handed to `docx` element by element, and
 * `docx`'s compiler writes the package: the writer must give the same bytes for the same tree.
 */
import * as docx from 'docx';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkDocx } from '../../src/docx/compile.js';
import type { DocxMeta } from '../../src/docx/docx-meta.js';
import * as ours from '../../src/docx/ooxml/body.js';
import type { DocumentOptions } from '../../src/docx/ooxml/document.js';
import { zipParts } from '../../src/docx/pack.js';
import { withReferenceParts } from '../../src/docx/reference-parts.js';

/** The DOCX bytes `docx` writes for what our compiler makes of a syntax tree (`source`: the Markdown it came from, if any). */
export function oracleDocx(tree: Root, meta: DocxMeta, date: Date, source = ''): Uint8Array {
  const options = unified().use(remarkDocx, meta).stringify(tree, new VFile(source));
  const parts = compiled(document(options));
  return zipParts(meta.reference ? withReferenceParts(parts, meta.reference) : parts, date);
}

function compiled(document: docx.Document): Record<string, string | Uint8Array> {
  const compiler = Reflect.get(docx.Packer, 'compiler') as { compile: (...args: unknown[]) => Map<string, string | Uint8Array> };
  return Object.fromEntries(compiler.compile(document, undefined, []));
}

function document(options: DocumentOptions): docx.Document {
  const paragraphs = (list: readonly ours.Paragraph[]) => list.map(paragraph);
  return new docx.Document({
    title: options.title,
    subject: options.subject,
    creator: options.creator,
    lastModifiedBy: options.lastModifiedBy,
    description: options.description,
    keywords: options.keywords,
    revision: options.revision,
    styles: options.styles as docx.IStylesOptions,
    ...(options.externalStyles === undefined ? {} : { externalStyles: options.externalStyles }),
    numbering: { config: options.numbering as docx.INumberingOptions['config'] },
    compatibility: { doNotExpandShiftReturn: true },
    footnotes: Object.fromEntries(options.footnotes.map((note, index) => [String(index + 1), { children: noteParagraphs(note) }])),
    ...(options.trackRevisions
      ? {
          features: { trackRevisions: true },
          comments: { children: options.comments.map((comment) => ({ id: comment.id, author: comment.author, date: comment.date, children: paragraphs(comment.children) })) },
        }
      : {}),
    customProperties: [...options.customProperties],
    sections: [
      {
        properties: { titlePage: true, page: options.page },
        headers: { first: new docx.Header({ children: paragraphs(options.headers.first) }), default: new docx.Header({ children: paragraphs(options.headers.default) }) },
        footers: { first: new docx.Footer({ children: paragraphs(options.footers.first) }), default: new docx.Footer({ children: paragraphs(options.footers.default) }) },
        children: options.children.map((child) => (child instanceof ours.Table ? table(child) : paragraph(child))),
      },
    ],
  });
}

/**
 * A note's paragraphs, with the space our writer puts after the note's number mark (as Word does;
 * `docx` put none, and the note read "¹Text"): docx puts its mark before the first paragraph's
 * first run, here the space.
 */
function noteParagraphs(note: readonly ours.Paragraph[]): docx.Paragraph[] {
  return note.map((element, index) => {
    const written = paragraph(element);
    if (index === 0) written.addRunToFront(new docx.TextRun(' '));
    return written;
  });
}

function paragraph(element: ours.Paragraph): docx.Paragraph {
  const { children: _children, styleChange, ...options } = element.options;
  // The properties before a tracked change of them (`w:pPrChange`) are docx's `revision`.
  const revision = styleChange ? { revision: { ...styleChange.stamp, style: styleChange.style, numbering: styleChange.numbering, indent: styleChange.indent } } : {};
  const result = new docx.Paragraph({ ...(options as docx.IParagraphOptions), ...(revision as Pick<docx.IParagraphOptions, 'revision'>), children: [] });
  // Added one by one: `docx` takes no bookmark start among a paragraph's children.
  for (const child of element.children) result.addChildElement(inline(child) as docx.XmlComponent);
  return result;
}

function inline(element: ours.Element): docx.ParagraphChild {
  if (element instanceof ours.FootnoteReferenceRun) return new docx.FootnoteReferenceRun(footnoteId(element));
  if (element instanceof ours.TextRun) return new docx.TextRun(run(element.options));
  if (element instanceof ours.InsertedTextRun) return new docx.InsertedTextRun(run(element.options) as ConstructorParameters<typeof docx.InsertedTextRun>[0]);
  if (element instanceof ours.DeletedTextRun) return new docx.DeletedTextRun(run(element.options) as ConstructorParameters<typeof docx.DeletedTextRun>[0]);
  if (element instanceof ours.ExternalHyperlink) return new docx.ExternalHyperlink({ link: element.options.link, children: element.options.children.map(inline) });
  if (element instanceof ours.BookmarkStart) return new docx.BookmarkStart(element.name, element.id) as unknown as docx.ParagraphChild;
  if (element instanceof ours.BookmarkEnd) return new docx.BookmarkEnd(element.id) as unknown as docx.ParagraphChild;
  if (element instanceof ours.CommentRangeStart) return new docx.CommentRangeStart(element.id);
  if (element instanceof ours.CommentRangeEnd) return new docx.CommentRangeEnd(element.id);
  throw new Error(`the oracle cannot hand ${element.constructor.name} to docx`);
}

function footnoteId(element: ours.FootnoteReferenceRun): number {
  const reference = element.options.children?.[0];
  if (!(reference instanceof ours.FootnoteReference)) throw new Error('a footnote reference run without its reference');
  return reference.id;
}

function run<T extends ours.RunOptions>(options: T): docx.IRunOptions {
  const children = options.children?.map((child) => {
    if (typeof child === 'string') return child;
    if (child === ours.PageNumber.CURRENT) return docx.PageNumber.CURRENT;
    if (child instanceof ours.Tab) return new docx.Tab();
    if (child instanceof ours.FootnoteReference) return new docx.FootnoteReference(child.id);
    if (child instanceof ours.CommentReference) return new docx.CommentReference(child.id);
    throw new Error('the oracle cannot hand this run child to docx');
  });
  return { ...options, ...(children ? { children } : {}) } as docx.IRunOptions;
}

function table(element: ours.Table): docx.Table {
  const { rows, ...options } = element.options;
  return new docx.Table({
    ...(options as Omit<docx.ITableOptions, 'rows'>),
    rows: rows.map(({ options: { children, ...row } }) => new docx.TableRow({ ...row, children: children.map(({ options: cell }) => new docx.TableCell({ ...(cell as Omit<docx.ITableCellOptions, 'children'>), children: cell.children.map(paragraph) })) })),
  });
}
