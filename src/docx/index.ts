import type { Root } from 'mdast';
import { printedProperties } from './printed-keys.js';
import { printedOutsideKeys } from './printed-outside.js';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { ReportSource } from '../render/fields.js';
import { remarkDocx } from './compile.js';
import type { DocxMeta } from './docx-meta.js';
import { spliceReport, type Misplaced } from './fields.js';
import type { FieldAnchor } from './anchors.js';
import { packDocx } from './pack.js';
import { documentParts } from './ooxml/document.js';
import { parseMarkdownText } from '../util/markdown.js';

export type { DocxMeta } from './docx-meta.js';
export { remarkDocx } from './compile.js';
export type { BlockRevision, Deletion, Insertion } from './nodes.js';
export type { FieldRef } from '../model/field.js';
export type { MarkdownField, ReportSource } from '../render/fields.js';
export { keepListsApart, parseReportFields, reportMarkdown, type Misplaced } from './fields.js';
export type { FieldAnchor } from './anchors.js';

/** Something the DOCX cannot show as the Markdown has it: with the Markdown's line, and the field (file and key) it is in, when it is in one. */
export interface DocxWarning {
  reason: string;
  line?: number;
  column?: number;
  field?: { file: string; field: string };
}

/** DOCX bytes plus what the conversion could not carry over. */
export interface DocxResult {
  bytes: Uint8Array;
  /** Things the DOCX cannot show as the Markdown has them (e.g. images), with Markdown line numbers. */
  warnings: DocxWarning[];
  /** The field anchors (hidden bookmarks) written, in document order; empty when no block came from a field. */
  anchors: FieldAnchor[];
}

/**
 * Markdown → DOCX bytes through our unified compiler. `date` is stamped as the
 * document's creation date; nothing else varies between runs.
 */
export function compileDocx(markdown: string, meta: DocxMeta, date: Date): DocxResult {
  const file = new VFile(markdown);
  const document = unified().use(remarkDocx, meta).stringify(parseMarkdownText(markdown), file);
  return docxResult(file, packDocx(document, date, meta.reference));
}

/** The bytes with what the compiler said on the file: its warnings and the field anchors it wrote. */
function docxResult(file: VFile, bytes: Uint8Array): DocxResult {
  return { bytes, ...compilerSays(file) };
}

/** What the compiler said on the file: its warnings and the field anchors it wrote. */
function compilerSays(file: VFile): Omit<DocxResult, 'bytes'> {
  const warnings = file.messages.map((message): DocxWarning => {
    const field: unknown = Reflect.get(message, 'field');
    return {
      reason: message.reason,
      ...(message.line ? { line: message.line } : {}),
      ...(message.column ? { column: message.column } : {}),
      ...(isFieldOf(field) ? { field } : {}),
    };
  });
  return { warnings, anchors: file.data.anchors ?? [] };
}

/**
 * A syntax tree already prepared (e.g. a redline with insertion and deletion nodes) →
 * DOCX bytes. Lists must carry `data.listKind`, as the tree has no source text.
 */
export function compileDocxTree(tree: Root, meta: DocxMeta, date: Date): Uint8Array {
  const document = unified().use(remarkDocx, meta).stringify(tree);
  return packDocx(document, date, meta.reference);
}

/**
 * The syntax tree of a rendered report: the template's skeleton parsed once, each Markdown
 * field parsed on its own and spliced in. Every top-level block that came from a field
 * carries `data.field` (a {@link FieldRef}: which file, which field); lists carry
 * `data.listKind`. This is the tree {@link compileReportDocx} compiles. `fieldTrees`, the
 * fields already parsed (`parseReportFields`), saves parsing them again.
 */
export function reportTree(source: ReportSource, fieldTrees?: readonly Root[], misplaced?: (found: Misplaced) => void): Root {
  return spliceReport(source, fieldTrees, misplaced);
}

/** A rendered report (skeleton and fields) → DOCX bytes, parsed field by field, with the fields the template put where the `.md` reads them otherwise. */
export function compileReportDocx(source: ReportSource, meta: DocxMeta, date: Date, fieldTrees?: readonly Root[]): DocxResult & { misplaced: Misplaced[] } {
  const { file, document, misplaced } = compileReport(source, meta, fieldTrees);
  // What the report prints outside its fields, for review to find edits made with track changes off: a built file's alone (check writes none).
  const printed = file.data.anchors?.length ? printedProperties(printedOutsideKeys(document.children)) : [];
  const recorded = printed.length ? { ...document, customProperties: [...document.customProperties, ...printed] } : document;
  return { ...docxResult(file, packDocx(recorded, date, meta.reference)), misplaced };
}

/**
 * What compiling a rendered report says, for `check`, which writes nothing: the report is
 * compiled and serialised to the package's XML exactly as {@link compileReportDocx} does
 * (so whatever would fail there fails here), but not zipped, which is a tenth of a build.
 */
export function checkReportDocx(source: ReportSource, meta: DocxMeta, fieldTrees?: readonly Root[]): Omit<DocxResult, 'bytes'> & { misplaced: Misplaced[] } {
  const { file, document, misplaced } = compileReport(source, meta, fieldTrees);
  documentParts(document);
  return { ...compilerSays(file), misplaced };
}

/** A rendered report compiled to the package's content, with the file the compiler's messages are on. */
function compileReport(source: ReportSource, meta: DocxMeta, fieldTrees?: readonly Root[]) {
  const file = new VFile();
  const misplaced: Misplaced[] = [];
  const document = unified().use(remarkDocx, meta).stringify(reportTree(source, fieldTrees, (found) => misplaced.push(found)), file);
  return { file, document, misplaced };
}

function isFieldOf(value: unknown): value is { file: string; field: string } {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'file') === 'string' && typeof Reflect.get(value, 'field') === 'string';
}
