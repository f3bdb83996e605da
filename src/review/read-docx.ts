import { fflate } from '../util/on-first-use.js';
import { notAZip } from '../util/not-a-zip.js';
import { unzipWithin, type Unzipped } from '../util/unzip.js';
import { ANCHOR_NAME_PREFIX } from '../docx/anchors.js';
import type { RunMarks } from '../docx/printed-text.js';
import { CODE_FONT } from '../model/reference-docx.js';
import { isRealDate } from '../model/date.js';
import { RunFontReader, themePartName, type RunFonts } from './run-fonts.js';
import { StyleSheet } from './styles.js';
import { isSymbolFont, symbolCharacter } from './symbol-fonts.js';
import { child, descendants, elements, MAX_ELEMENT_DEPTH, parseXml, plainText, XmlSyntaxError, XmlTooDeepError, XmlTooLargeError, type XmlElement } from './xml.js';

/** A tracked change: who made it and when. */
export interface Revision {
  kind: 'ins' | 'del';
  author: string;
  /** ISO 8601 as Word writes it, or '' when the application wrote none or no real date (see {@link dateOf}). */
  date: string;
}

/**
 * The formatting of a run that Markdown can write: bold, italic, struck (`w:strike` or `w:dstrike`:
 * GFM's `~~…~~`), in the font inline code is written in (`CODE_FONT`). A link is the piece's own.
 */
export type CharacterFormat = Omit<RunMarks, 'link'>;

/** A piece of a paragraph's text with its formatting and tracked change, if any. */
export interface Piece extends CharacterFormat {
  text: string;
  /** The target of the hyperlink the text is in. */
  link?: string;
  /** A footnote or endnote reference: the note's id among {@link ReviewedDocument.footnotes} (the text is then empty). */
  footnote?: string;
  /**
   * A character of a symbol font (a `w:sym`, or text in Symbol or Wingdings) that briefing knows
   * no Unicode character for: the font and the code, `Wingdings F0A0`. The text is then
   * {@link UNKNOWN_SYMBOL}, which shows where it stands.
   */
  symbol?: string;
  revision: Revision | null;
  /**
   * The reviewer changed the formatting with track changes on (`w:rPrChange`), and so what
   * Markdown writes of it (see {@link CharacterFormat}): a font, size or colour alone is none.
   */
  formatChanged: Revision | null;
  /**
   * With {@link formatChanged}: the formatting before that change (the `w:rPr` inside `w:rPrChange`);
   * absent when the change does not say, as LibreOffice writes a change it recorded itself (see
   * {@link formatBeforeUnknown}).
   */
  formatBefore?: CharacterFormat;
  /**
   * The formatting was changed with track changes on, but what it was before is not recorded: a
   * `w:rPrChange` without a `w:rPr`, as LibreOffice writes one, which keeps only that the
   * formatting changed. The field's text says what it was (see `withSourceFormatting`).
   */
  formatBeforeUnknown?: true;
}

/** The text of a piece that is a symbol briefing cannot read (see {@link Piece.symbol}): U+FFFD, the replacement character. */
export const UNKNOWN_SYMBOL = '\uFFFD';

/** One paragraph of the body as the reviewer left it. */
export interface ReviewedParagraph {
  pieces: Piece[];
  /** The paragraph mark is a tracked insertion (a split) or deletion (a join). */
  mark: Revision | null;
  /**
   * The mark one reviewer inserted ({@link mark}, a split) another deleted again (a join): Word keeps
   * both on it. It is in neither reading, so the paragraph is one with the next in both.
   */
  markDeleted?: Revision;
  /** Text one reviewer inserted and another deleted again (`w:del` in `w:ins`): in neither reading, kept to name both. */
  withdrawn?: { inserted: Revision; deleted: Revision; text: string }[];
  /** The reviewer changed the paragraph's own properties with track changes on (`w:pPrChange`): its numbering, level or style. */
  layoutChanged: Revision | null;
  /** Numbered or bulleted, as its numbering definition says of its level; null when not in a list. */
  list: 'number' | 'bullet' | null;
  /** How the list writes its number at the paragraph's level, from the numbering definition (`%1.`, `%1)`, `%2.`); '' when not numbered. */
  listMarker: string;
  /** The list level (`w:ilvl`): 0 for a top-level item, 1 for an item of a list inside it, …; 0 when not in a list. */
  level: number;
  /** For a list item, where its number stands from the margin (twips), as its list level's indents set it; absent when they set none. */
  numberAt?: number;
  /** The Word list (`w:numId`) the paragraph is an item of: the compiler writes one for each Markdown list, LibreOffice may write one for each item; '' when not in a list. */
  listId: string;
  /** How Word counts the item, from the numbering definition (see `ItemNumbers`); absent when not in a list or the DOCX has no numbering part. */
  counting?: ListCounting;
  /** The paragraph style's id (`w:pStyle`), '' when it has none. */
  style: string;
  /** The paragraph's own alignment (`w:jc`: `center`, `right`, …), '' when the style's holds. */
  alignment: string;
  /** A bottom border of its own (`w:pBdr/w:bottom`): with no text, the line the compiler draws for a thematic break. */
  rule?: boolean;
  /** Bookmark names open anywhere in the paragraph. */
  bookmarks: string[];
  /** Ids of comments anchored in the paragraph. */
  comments: string[];
  /**
   * Pictures, charts, text boxes and embedded objects in the paragraph (`w:drawing`, `w:pict`,
   * `w:object`), which are not read as text: for each, the text a text box in it holds, '' for none.
   */
  pictures?: string[];
  /** Where the paragraph sits when it is in a table cell: the table (numbered in the body from 1), row and column (from 0). */
  cell?: TableCell;
}

/**
 * How Word counts a list item. A Word list (`w:num`) is made from a definition
 * (`w:abstractNum`), and lists made from one definition share its count at each level: an
 * item continues it, unless its list gives the level a first number of its own
 * (`w:startOverride`), which the list's first item at that level starts from.
 */
export interface ListCounting {
  /** The definition whose count the item continues (`w:abstractNumId`). */
  definition: string;
  /** The level's first number in the definition (`w:start`, 1 when it gives none). */
  start: number;
  /** The list's own first number for the level (`w:startOverride`), if it gives one. */
  restart?: number;
}

/** A paragraph's place in a table. */
export interface TableCell {
  table: number;
  row: number;
  column: number;
  /** The whole row is a tracked insertion or deletion (`w:trPr/w:ins`, `w:trPr/w:del`). */
  rowChange?: 'ins' | 'del';
  /** How far the table is set in from the margin (`w:tblInd`, twips), when it is: the compiler sets a table in a list item in to the item's number. */
  indent?: number;
  /** For a table set in a cell of another (a report written in Word may have one; a built one has none): that cell. */
  outer?: TableCell;
}

/** A comment: author, date and text. */
export interface ReviewComment {
  id: string;
  author: string;
  /** As {@link Revision.date}. */
  date: string;
  text: string;
  /** For a reply, the id of the comment that begins its thread (word/commentsExtended.xml's `w15:paraIdParent`). */
  replyTo?: string;
  /** Marked done (Word's *Resolve*, `w15:done="1"`): on a thread's first comment, the whole thread. */
  resolved?: boolean;
}

/**
 * Comments as threads, in their order: each comment that begins one (a reply whose comment is not
 * among them begins its own), with the replies to it (see {@link ReviewComment.replyTo}).
 */
export function commentThreads(comments: readonly ReviewComment[]): { comment: ReviewComment; replies: ReviewComment[] }[] {
  const ids = new Set(comments.map((comment) => comment.id));
  return comments
    .filter((comment) => comment.replyTo === undefined || !ids.has(comment.replyTo))
    .map((comment) => ({ comment, replies: comments.filter((reply) => reply.replyTo === comment.id) }));
}

/** What `review` reads from a DOCX: custom properties, body paragraphs and comments. */
export interface ReviewedDocument {
  properties: Map<string, string>;
  /** Core properties by element name without prefix: `created`, `keywords`, `title`. */
  core: Map<string, string>;
  paragraphs: ReviewedParagraph[];
  comments: Map<string, ReviewComment>;
  /** Footnotes by id (the `w:id` a body's footnote reference names; an endnote's, read as a footnote, `endnote <w:id>`), each its paragraphs as the reviewer left them. */
  footnotes: Map<string, ReviewedParagraph[]>;
  /** The text of each footer that has any, then of each header that has any: where a report prints its file code. */
  marginTexts: string[];
}

/** The parts of a DOCX that review and import read, besides its footers and headers. */
const READ_PARTS = new Set([
  'word/document.xml',
  // An OpenDocument file names its kind here: said when it is given for a DOCX.
  'mimetype',
  'word/_rels/document.xml.rels',
  'word/numbering.xml',
  'word/styles.xml',
  'word/footnotes.xml',
  'word/_rels/footnotes.xml.rels',
  'word/endnotes.xml',
  'word/_rels/endnotes.xml.rels',
  'word/comments.xml',
  'word/commentsExtended.xml',
  'docProps/custom.xml',
  'docProps/core.xml',
]);
const FOOTER_PART = /^word\/footer\d*\.xml$/;
const HEADER_PART = /^word\/header\d*\.xml$/;
/** The theme (its fonts, which a style or run may name as `minorHAnsi`): the document's relationships say which. */
const THEME_PART = /^word\/theme\/[^/]+\.xml$/;

/**
 * The largest DOCX file `review` and `import` read: twice the parts they unpack, for the pictures
 * a report may hold besides its text.
 */
export const MAX_DOCX_FILE_BYTES = 512 * 2 ** 20;

/** What an endnote's id starts with among the footnotes (see {@link ReviewedDocument.footnotes}): `endnote 2`. */
const ENDNOTE_ID = 'endnote ';

/**
 * The most the parts of a reviewed DOCX that are read may unpack to, one or all together: several
 * times what a report with 10,000 questions unpacks to (a document.xml of 43 MB, 59 MB in all).
 */
const MAX_READ_BYTES = 256 * 2 ** 20;

/**
 * The most elements the parts of a reviewed DOCX may hold together: twice the 1.26 million of a
 * report with 10,000 questions, whose review takes 1.5 GB. Bytes alone do not bound the memory:
 * 256 MB of empty paragraphs are 44 million elements.
 */
const MAX_ELEMENTS = 2_500_000;

/**
 * Thrown when the bytes are not a DOCX at all; the command turns it into a clear message. The
 * message says what the file is instead, when its first bytes tell (see {@link whatFileIs}).
 */
export class NotADocxError extends Error {
  override readonly name = 'NotADocxError';
  /** What to do about it. */
  readonly hint: string;

  constructor(what: string, hint = 'Open it in Word or LibreOffice and save it as a Word document (.docx), then give that file.') {
    super(what);
    this.hint = hint;
  }
}

/** Bytes that are no zip, as what they are instead (see `util/not-a-zip.ts`). */
function notADocx(bytes: Uint8Array): NotADocxError {
  const { what, hint, text } = notAZip(bytes);
  if (text) return new NotADocxError(what, 'Give the Word file (.docx) of the report; if this text is to become one, open it in Word and save it as a Word document (.docx).');
  return hint === undefined ? new NotADocxError(what) : new NotADocxError(what, hint);
}

/**
 * Thrown when a part of the DOCX is not well-formed XML: the file was damaged (cut short,
 * edited by hand, written by a broken tool). The message names the part and the place.
 */
export class DamagedDocxError extends Error {
  override readonly name = 'DamagedDocxError';
  /** The part inside the zip, e.g. `word/document.xml`. */
  readonly part: string;
  /** What to do about it. */
  readonly hint = 'Open the file in Word and save it again (Word repairs what it can), or ask the sender for the file again.';

  /** `problem`: the part's XML error, or what else is wrong with it (said after the part's name). */
  constructor(part: string, problem: XmlSyntaxError | string) {
    super(
      typeof problem === 'string'
        ? `This DOCX cannot be read: its ${part} ${problem}.`
        : `This DOCX is damaged: its ${part} is not well-formed XML at line ${problem.line}, column ${problem.column} (${problem.reason.replace(/\.$/, '')}).`,
    );
    this.part = part;
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A part's bytes as text. A byte that is no UTF-8 (a file damaged on the way) is a
 * DamagedDocxError at its line and column: decoded leniently it came through as U+FFFD,
 * which `--accept` wrote into the position as if the reviewer had typed it.
 */
function partText(name: string, bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    const { line, column } = firstBadByte(bytes);
    throw new DamagedDocxError(name, `has a byte that is not UTF-8 at line ${line}, column ${column} (the file was damaged on the way)`);
  }
}

/** Line and column (1-based, in UTF-16 units) of the first byte of `bytes` that is no UTF-8. */
function firstBadByte(bytes: Uint8Array): { line: number; column: number } {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  // What decodes and encodes back to the same bytes is good UTF-8; the first byte that does not is the bad one.
  const again = new TextEncoder().encode(lenient.decode(bytes));
  let offset = 0;
  while (offset < bytes.length && bytes[offset] === again[offset]) offset++;
  const lines = lenient.decode(bytes.subarray(0, offset)).split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

/**
 * Reads a DOCX as a reviewer left it, tracked changes and comments included. The zip is
 * opened with fflate and each part parsed with saxes: mammoth and its kind resolve
 * tracked changes away, and review needs them.
 */
export function readReviewedDocx(bytes: Uint8Array): ReviewedDocument {
  let unzipped: Unzipped;
  // Only the parts read below are unpacked, and none larger than a report's part can be.
  try {
    unzipped = unzipWithin(bytes, { part: MAX_READ_BYTES, together: MAX_READ_BYTES }, (name) => READ_PARTS.has(name) || FOOTER_PART.test(name) || HEADER_PART.test(name) || THEME_PART.test(name));
  } catch {
    throw notADocx(bytes);
  }
  const { files, tooLarge } = unzipped;
  if (tooLarge) {
    const megabytes = `${Math.round(tooLarge.size / 2 ** 20)} MB`;
    throw new DamagedDocxError(
      tooLarge.name,
      tooLarge.together
        ? `would unpack to ${megabytes}, which takes the parts briefing reads past ${MAX_READ_BYTES / 2 ** 20} MB together`
        : `would unpack to ${megabytes}, more than the ${MAX_READ_BYTES / 2 ** 20} MB briefing reads of one part`,
    );
  }
  // Each part parsed once, however many readers ask (the document's relationships are asked for its links and its theme).
  const parsed = new Map<string, XmlElement | undefined>();
  const allowance = { elements: MAX_ELEMENTS };
  const part = (name: string): XmlElement | undefined => {
    if (parsed.has(name)) return parsed.get(name);
    const entry = files[name];
    try {
      const element = entry ? parseXml(partText(name, entry), allowance) : undefined;
      parsed.set(name, element);
      return element;
    } catch (error) {
      if (error instanceof XmlSyntaxError) throw new DamagedDocxError(name, error);
      if (error instanceof XmlTooDeepError) {
        throw new DamagedDocxError(name, `nests its elements more than ${MAX_ELEMENT_DEPTH} levels deep at line ${error.line}, column ${error.column}, deeper than Word writes`);
      }
      if (error instanceof XmlTooLargeError) {
        throw new DamagedDocxError(name, `takes the parts briefing reads past ${MAX_ELEMENTS.toLocaleString('en')} XML elements together (at line ${error.line}, column ${error.column}), twice what a report of 10,000 questions has`);
      }
      throw error;
    }
  };
  const document = part('word/document.xml');
  if (!document) throw new NotADocxError(files.mimetype && fflate().strFromU8(files.mimetype).startsWith('application/vnd.oasis.opendocument') ? 'it is an OpenDocument file (.odt)' : 'a zip with no word/document.xml in it');
  // Each part has its own relationships: a link in a footnote is in footnotes.xml.rels.
  const relationshipsOf = (name: string) => new Map(descendants(part(`word/_rels/${name}.rels`) ?? emptyPart(), 'Relationship').map((r) => [r.attributes.Id ?? '', r.attributes.Target ?? '']));
  const relationships = relationshipsOf('document.xml');
  const numbering = numberingKinds(part('word/numbering.xml'));
  const theme = themePartName(part('word/_rels/document.xml.rels'));
  const styles = new StyleSheet(part('word/styles.xml'));
  const fonts = new RunFontReader(styles, theme ? part(theme) : undefined);
  const styleLists = styleNumbering(styles);
  const body = descendants(document, 'w:body')[0] ?? emptyPart();
  const footnotes = new Map<string, ReviewedParagraph[]>();
  // Endnotes are read as footnotes (briefing writes only those), under ids of their own: a report written in Word may use either.
  for (const [kind, prefix] of [['footnote', ''], ['endnote', ENDNOTE_ID]] as const) {
    const noteRelationships = relationshipsOf(`${kind}s.xml`);
    for (const note of descendants(part(`word/${kind}s.xml`) ?? emptyPart(), `w:${kind}`)) {
      if (note.attributes['w:type'] && note.attributes['w:type'] !== 'normal') continue;
      footnotes.set(`${prefix}${note.attributes['w:id'] ?? ''}`, new BodyReader(noteRelationships, numbering, fonts, styleLists).read(note));
    }
  }
  const margins = [FOOTER_PART, HEADER_PART].flatMap((kind) => Object.keys(files).filter((name) => kind.test(name)).sort());
  return {
    properties: customProperties(part('docProps/custom.xml')),
    core: coreProperties(part('docProps/core.xml')),
    paragraphs: new BodyReader(relationships, numbering, fonts, styleLists).read(body),
    comments: comments(part('word/comments.xml'), part('word/commentsExtended.xml')),
    footnotes,
    marginTexts: margins.map((name) => plainText(part(name) ?? emptyPart()).trim()).filter(Boolean),
  };
}

function emptyPart(): XmlElement {
  return { name: '#empty', attributes: {}, children: [] };
}

function customProperties(custom: XmlElement | undefined): Map<string, string> {
  const result = new Map<string, string>();
  if (!custom) return result;
  for (const property of descendants(custom, 'property')) {
    const value = elements(property)[0];
    const text = value ? value.children.filter((c): c is string => typeof c === 'string').join('') : '';
    result.set(property.attributes.name ?? '', text);
  }
  return result;
}

function coreProperties(core: XmlElement | undefined): Map<string, string> {
  const result = new Map<string, string>();
  for (const element of elements(elements(core ?? emptyPart())[0] ?? emptyPart())) {
    result.set(element.name.replace(/^[^:]*:/, ''), element.children.filter((c): c is string => typeof c === 'string').join(''));
  }
  return result;
}

/**
 * The comments by id. Word keeps a comment's thread apart, in word/commentsExtended.xml: an entry for
 * each comment, named by the `w14:paraId` of the comment's last paragraph, gives a reply the paragraph
 * of the comment it answers (`w15:paraIdParent`) and says whether the comment is resolved (`w15:done`).
 */
function comments(part: XmlElement | undefined, extended: XmlElement | undefined): Map<string, ReviewComment> {
  const result = new Map<string, ReviewComment>();
  if (!part) return result;
  const threads = new Map(descendants(extended ?? emptyPart(), 'w15:commentEx').map((entry) => [entry.attributes['w15:paraId'] ?? '', entry]));
  const byParagraph = new Map<string, string>();
  const parents = new Map<string, string>();
  for (const comment of descendants(part, 'w:comment')) {
    const id = comment.attributes['w:id'] ?? '';
    const paragraph = descendants(comment, 'w:p').at(-1)?.attributes['w14:paraId'] ?? '';
    const thread = paragraph ? threads.get(paragraph) : undefined;
    if (paragraph) byParagraph.set(paragraph, id);
    const parent = thread?.attributes['w15:paraIdParent'];
    if (parent) parents.set(id, parent);
    const resolved = ['1', 'true', 'on'].includes(thread?.attributes['w15:done'] ?? '');
    result.set(id, { id, author: comment.attributes['w:author'] ?? '', date: dateOf(comment), text: plainText(comment).trim(), ...(resolved ? { resolved } : {}) });
  }
  // A thread is one comment and its replies: a reply to a reply (as LibreOffice may name it) is the thread's
  // too, under its first comment. Replies that name each other in a circle (no editor writes them) stand on their own.
  for (const id of parents.keys()) {
    const comment = result.get(id);
    const first = threadStart(id, (at) => byParagraph.get(parents.get(at) ?? ''));
    if (comment && first !== undefined) comment.replyTo = first;
  }
  return result;
}

/** The first comment of the thread comment `id` answers, following `parentOf` up; undefined when the way up is a circle or leads to no comment. */
function threadStart(id: string, parentOf: (id: string) => string | undefined): string | undefined {
  const seen = new Set([id]);
  let at = parentOf(id);
  while (at !== undefined) {
    if (seen.has(at)) return undefined;
    seen.add(at);
    const up = parentOf(at);
    if (up === undefined) return at;
    at = up;
  }
  return undefined;
}

/** How one Word list (`w:num`) writes each level (bullet or number, and its number text), and how it counts each level. */
interface NumberingKind {
  /** Level → bulleted or numbered, and the number text (`%1.`, '' for a bullet): a list may number its first level and bullet the next. */
  formats: Map<number, ListFormat>;
  definition: string;
  /** Level → the definition's first number (`w:start`). */
  starts: Map<number, number>;
  /** Level → the list's own first number (`w:startOverride`). */
  restarts: Map<number, number>;
  /** Level → where its number stands from the margin (twips: `w:ind` left plus first line, or less hanging). */
  numberAt: Map<number, number>;
}

/** Whether a list level is bulleted or numbered, and how it writes its number (`%1.`; '' for a bullet). */
interface ListFormat {
  kind: 'number' | 'bullet';
  marker: string;
}

/** numId → whether each level is a bullet or a number, its number text (`%1.`), and how its levels count. */
function numberingKinds(numbering: XmlElement | undefined): Map<string, NumberingKind> {
  const result = new Map<string, NumberingKind>();
  if (!numbering) return result;
  const abstract = new Map<string, Omit<NumberingKind, 'restarts'>>();
  for (const definition of descendants(numbering, 'w:abstractNum')) {
    const levels = elements(definition, 'w:lvl');
    const formats = new Map(
      levels.flatMap((level): [number, ListFormat][] => {
        const at = Number(level.attributes['w:ilvl'] ?? '');
        if (!Number.isInteger(at)) return [];
        const bullet = child(level, 'w:numFmt')?.attributes['w:val'] === 'bullet';
        return [[at, bullet ? { kind: 'bullet', marker: '' } : { kind: 'number', marker: child(level, 'w:lvlText')?.attributes['w:val'] ?? '' }]];
      }),
    );
    const id = definition.attributes['w:abstractNumId'] ?? '';
    const starts = new Map(levels.flatMap((level) => numbered(level.attributes['w:ilvl'], child(level, 'w:start')?.attributes['w:val'])));
    const numberAt = new Map(levels.flatMap((level) => numbered(level.attributes['w:ilvl'], String(numberPosition(child(child(level, 'w:pPr'), 'w:ind'))))));
    abstract.set(id, { formats, definition: id, starts, numberAt });
  }
  for (const num of descendants(numbering, 'w:num')) {
    const numId = num.attributes['w:numId'] ?? '';
    const abstractId = child(num, 'w:abstractNumId')?.attributes['w:val'] ?? '';
    const restarts = new Map(elements(num, 'w:lvlOverride').flatMap((override) => numbered(override.attributes['w:ilvl'], child(override, 'w:startOverride')?.attributes['w:val'])));
    // A list whose definition is missing counts on its own.
    result.set(numId, { ...(abstract.get(abstractId) ?? { formats: new Map(), definition: `num ${numId}`, starts: new Map(), numberAt: new Map() }), restarts });
  }
  return result;
}

/** The list a paragraph style puts its paragraphs in (`w:numPr` in the style): its Word list and level, each when the style says. */
interface StyleList {
  numId?: string;
  ilvl?: string;
}

/**
 * Paragraph style → the list it puts its paragraphs in, its bases' when it says nothing itself:
 * Word's "List Number" style, or a numbered heading style, numbers a paragraph that has no
 * `w:numPr` of its own.
 */
function styleNumbering(styles: StyleSheet): Map<string, StyleList> {
  const result = new Map<string, StyleList>();
  for (const style of styles.all()) {
    if (style.type !== 'paragraph') continue;
    const list: StyleList = {};
    // The style's own first, then its bases'.
    for (const level of styles.chain(style.id).reverse()) {
      const numPr = child(level.paragraph, 'w:numPr');
      list.numId ??= child(numPr, 'w:numId')?.attributes['w:val'];
      list.ilvl ??= child(numPr, 'w:ilvl')?.attributes['w:val'];
    }
    if (list.numId !== undefined) result.set(style.id, list);
  }
  return result;
}

/** Where an indent (`w:ind`) puts a paragraph's first line from the margin, in twips; NaN when it sets none. */
function numberPosition(indent: XmlElement | undefined): number {
  if (!indent) return Number.NaN;
  const twips = (name: string) => Number(indent.attributes[name] ?? 0);
  return twips('w:left') + twips('w:firstLine') - twips('w:hanging');
}

/** `[[level, number]]` when both are whole numbers, else nothing. */
function numbered(level: string | undefined, value: string | undefined): [number, number][] {
  const [l, v] = [Number(level), Number(value)];
  return level !== undefined && value !== undefined && Number.isInteger(l) && Number.isInteger(v) ? [[l, v]] : [];
}

interface RunContext {
  revision: Revision | null;
  link?: string;
  /** The tracked insertion or deletion of the table row being read, if the row is one. */
  row?: Revision;
}

/** Walks the body in document order, keeping which bookmarks and comment ranges are open. */
class BodyReader {
  /** Bookmarks open now, id → name. */
  private readonly open = new Map<string, string>();
  /** Every bookmark seen, id → name. */
  private readonly names = new Map<string, string>();
  private readonly openComments = new Set<string>();
  private readonly paragraphs: ReviewedParagraph[] = [];
  private current: ReviewedParagraph | null = null;
  /** Tables begun so far, and the cell being read (the innermost, for a table in a table). */
  private tables = 0;
  private cell: TableCell | undefined;
  /** Field anchors that ended in a cell of a table being read, by table: they end with the table (see {@link bookmarkEnd}). */
  private readonly endingWithTable = new Map<number, string[]>();
  /** Just after a note's own number mark (`w:footnoteRef`): the space or tab that follows it parts the mark from the text, and is none of it. */
  private afterNoteMark = false;
  /**
   * The fields open now (`w:fldChar` begin … separate … end), innermost last: the instruction
   * read so far, and once its result begins, the address when it is a HYPERLINK field.
   */
  private readonly fields: { instruction: string; result: boolean; link?: string }[] = [];

  private readonly relationships: Map<string, string>;
  private readonly numbering: Map<string, NumberingKind>;
  private readonly fonts: RunFontReader;
  private readonly styleLists: Map<string, StyleList>;

  constructor(relationships: Map<string, string>, numbering: Map<string, NumberingKind>, fonts: RunFontReader, styleLists: Map<string, StyleList>) {
    this.relationships = relationships;
    this.numbering = numbering;
    this.fonts = fonts;
    this.styleLists = styleLists;
  }

  read(body: XmlElement): ReviewedParagraph[] {
    this.walk(body, { revision: null });
    return this.paragraphs;
  }

  private walk(element: XmlElement, context: RunContext): void {
    for (const node of elements(element)) this.visit(node, context);
  }

  private visit(node: XmlElement, context: RunContext): void {
    switch (node.name) {
      case 'w:p':
        return this.paragraph(node, context);
      case 'w:r':
        return this.run(node, context);
      case 'w:del':
      case 'w:moveFrom':
        // Text one reviewer inserted and another deleted again is in neither reading: left out, but who did it is kept.
        if (context.revision?.kind === 'ins') {
          const text = descendants(node, 'w:delText').map((t) => t.children.filter((c): c is string => typeof c === 'string').join('')).join('');
          if (this.current) this.current.withdrawn = [...(this.current.withdrawn ?? []), { inserted: context.revision, deleted: revisionOf(node), text }];
          return;
        }
        return this.walk(node, { ...context, revision: revisionOf(node) });
      case 'w:ins':
      case 'w:moveTo':
        // Text inserted in a row deleted after is in neither reading either.
        if (context.row?.kind === 'del') return;
        return this.walk(node, { ...context, revision: revisionOf(node) });
      case 'w:hyperlink': {
        const target = linkAddress(this.relationships.get(node.attributes['r:id'] ?? ''), node.attributes['w:anchor']);
        return this.walk(node, { ...context, ...(target ? { link: target } : {}) });
      }
      case 'w:fldSimple': {
        // A field in one element: a link written as a HYPERLINK field, its text the field's result.
        const target = hyperlinkField(node.attributes['w:instr'] ?? '');
        return this.walk(node, { ...context, ...(target ? { link: target } : {}) });
      }
      case 'w:bookmarkStart':
        return this.bookmarkStart(node.attributes['w:id'] ?? '', node.attributes['w:name'] ?? '');
      case 'w:bookmarkEnd':
        return this.bookmarkEnd(node.attributes['w:id'] ?? '');
      case 'w:commentRangeStart':
        this.openComments.add(node.attributes['w:id'] ?? '');
        this.current?.comments.push(node.attributes['w:id'] ?? '');
        return;
      case 'w:commentRangeEnd':
        this.openComments.delete(node.attributes['w:id'] ?? '');
        return;
      case 'w:tbl': {
        const outer = this.cell;
        const table = ++this.tables;
        const indent = Number(child(child(node, 'w:tblPr'), 'w:tblInd')?.attributes['w:w'] ?? 0);
        this.cell = { table, row: -1, column: -1, ...(indent > 0 ? { indent } : {}), ...(outer ? { outer } : {}) };
        this.walk(node, context);
        this.cell = outer;
        for (const id of this.endingWithTable.get(table) ?? []) this.bookmarkEnd(id);
        this.endingWithTable.delete(table);
        return;
      }
      case 'w:tr':
        return this.row(node, context);
      case 'w:tc':
        if (this.cell) this.cell = { ...this.cell, column: this.cell.column + 1 };
        return this.walk(node, context);
      case 'w:pPr':
      case 'w:rPr':
      case 'w:trPr':
      case 'w:tcPr':
      case 'w:tblPr':
      case 'w:tblGrid':
      case 'w:sectPr':
        return;
      default:
        return this.walk(node, context);
    }
  }

  /**
   * Field anchors do not nest: one starting closes any other. LibreOffice writes a bookmark
   * across paragraphs as a start without an end, then the same name again with an end,
   * so an end closes every open bookmark of its name.
   */
  private bookmarkStart(id: string, name: string): void {
    if (name.startsWith(ANCHOR_NAME_PREFIX)) {
      for (const [openId, openName] of this.open) if (openName.startsWith(ANCHOR_NAME_PREFIX) && openName !== name) this.open.delete(openId);
    }
    this.open.set(id, name);
    this.names.set(id, name);
    this.current?.bookmarks.push(name);
  }

  /**
   * A field anchor that ends in a table cell ends with the table: a table is one unit of a field,
   * and a row the reviewer adds after the last (Tab in its last cell) is written after the end,
   * which stays in the cell it was in.
   */
  private bookmarkEnd(id: string): void {
    const name = this.names.get(id);
    if (this.cell && name?.startsWith(ANCHOR_NAME_PREFIX)) {
      this.endingWithTable.set(this.cell.table, [...(this.endingWithTable.get(this.cell.table) ?? []), id]);
      return;
    }
    for (const [openId, openName] of this.open) if (openId === id || openName === name) this.open.delete(openId);
  }

  /**
   * A table row. A row inserted or deleted with track changes on says so in its properties
   * (`w:trPr/w:ins`, `w:trPr/w:del`), and that is the change: Word marks the cells' text and
   * paragraph marks as well, but other tools may not, and an empty cell has no text to mark.
   * Whatever in the row is not marked itself takes the row's change.
   */
  private row(node: XmlElement, context: RunContext): void {
    const properties = child(node, 'w:trPr');
    const change = child(properties, 'w:ins') ?? child(properties, 'w:del');
    const row = change ? revisionOf(change) : undefined;
    if (this.cell) {
      const { table, indent, outer } = this.cell;
      this.cell = { table, row: this.cell.row + 1, column: -1, ...(indent ? { indent } : {}), ...(row ? { rowChange: row.kind } : {}), ...(outer ? { outer } : {}) };
    }
    this.walk(node, row ? { ...context, revision: context.revision ?? row, row } : context);
  }

  private paragraph(node: XmlElement, context: RunContext): void {
    const properties = child(node, 'w:pPr');
    const mark = child(properties, 'w:rPr');
    const markInserted = child(mark, 'w:ins') ?? child(mark, 'w:moveTo');
    const markRemoved = child(mark, 'w:del') ?? child(mark, 'w:moveFrom');
    const markChange = markInserted ?? markRemoved;
    // The paragraph's own numbering, else its style's (Word's "List Number", a numbered heading).
    const styleList = this.styleLists.get(child(properties, 'w:pStyle')?.attributes['w:val'] ?? '');
    const numId = child(child(properties, 'w:numPr'), 'w:numId')?.attributes['w:val'] ?? styleList?.numId;
    // numId 0 takes a paragraph out of a list.
    const listId = numId && numId !== '0' ? numId : '';
    const ilvl = Number(child(child(properties, 'w:numPr'), 'w:ilvl')?.attributes['w:val'] ?? styleList?.ilvl ?? 0);
    const level = listId && Number.isInteger(ilvl) && ilvl > 0 ? ilvl : 0;
    const numbering = listId ? this.numbering.get(listId) : undefined;
    const restart = numbering?.restarts.get(level);
    // The level's own format; a level the definition leaves out is written as its first level.
    const format = numbering?.formats.get(level) ?? numbering?.formats.get(0);
    const layoutChange = child(properties, 'w:pPrChange');
    const paragraph: ReviewedParagraph = {
      pieces: [],
      mark: markChange ? revisionOf(markChange) : (context.row ?? null),
      ...(markInserted && markRemoved ? { markDeleted: revisionOf(markRemoved) } : {}),
      layoutChanged: layoutChange ? { ...revisionOf(layoutChange), kind: 'ins' } : null,
      list: listId ? (format?.kind ?? 'number') : null,
      listMarker: format?.marker ?? '',
      level,
      ...(numbering?.numberAt.has(level) ? { numberAt: numbering.numberAt.get(level) } : {}),
      listId,
      ...(numbering ? { counting: { definition: numbering.definition, start: numbering.starts.get(level) ?? 1, ...(restart !== undefined ? { restart } : {}) } } : {}),
      style: child(properties, 'w:pStyle')?.attributes['w:val'] ?? '',
      alignment: child(properties, 'w:jc')?.attributes['w:val'] ?? '',
      ...(child(child(properties, 'w:pBdr'), 'w:bottom') ? { rule: true } : {}),
      bookmarks: [...this.open.values()],
      comments: [...this.openComments],
      ...(this.cell ? { cell: this.cell } : {}),
    };
    const outer = this.current;
    this.current = paragraph;
    this.afterNoteMark = false;
    this.paragraphs.push(paragraph);
    this.walk(node, context);
    this.current = outer;
    paragraph.comments = [...new Set(paragraph.comments)];
  }

  /** Follows a field made of runs: `w:fldChar` begin, its instruction (`w:instrText`), separate, its result, end. */
  private field(part: XmlElement): void {
    const open = this.fields.at(-1);
    if (part.name === 'w:instrText') {
      if (open && !open.result) open.instruction += part.children.filter((c): c is string => typeof c === 'string').join('');
      return;
    }
    const type = part.attributes['w:fldCharType'];
    if (type === 'begin') this.fields.push({ instruction: '', result: false });
    else if (type === 'end') this.fields.pop();
    else if (type === 'separate' && open) {
      open.result = true;
      const link = hyperlinkField(open.instruction);
      if (link) open.link = link;
    }
  }

  /** What run properties (`w:rPr`) set of what Markdown can write, their character style's bold, italic and strike included. */
  private characterFormat(properties: XmlElement | undefined): CharacterFormat {
    return characterFormat(properties, this.fonts.characterStyleLevels(properties));
  }

  private run(node: XmlElement, context: RunContext): void {
    const paragraph = this.current;
    if (!paragraph) return;
    const properties = child(node, 'w:rPr');
    // A symbol font may come from the run's style, its paragraph's or the theme; inline code is the run's own font.
    const fonts = this.fonts.fontsOf(paragraph.style, properties);
    const now = this.characterFormat(properties);
    const changed = child(properties, 'w:rPrChange');
    const recorded = child(changed, 'w:rPr');
    // The properties before the change are whole, their character style (Strong taken off) too.
    const before = recorded ? this.characterFormat(recorded) : now;
    // LibreOffice records that it changed, not what it was: a change of what Markdown writes, or not, as the field's text tells.
    const unknown = changed !== undefined && !recorded;
    const formatChanged: Revision | null = changed && (unknown || !sameFormat(before, now)) ? { ...revisionOf(changed), kind: 'ins' } : null;
    const format = { ...now, revision: context.revision, formatChanged, ...(unknown ? { formatBeforeUnknown: true as const } : formatChanged ? { formatBefore: before } : {}) };
    for (const part of elements(node)) {
      if (part.name === 'w:rPr') continue;
      if (part.name === 'w:fldChar' || part.name === 'w:instrText') {
        this.field(part);
        continue;
      }
      // A link is a hyperlink element, or the result of a HYPERLINK field (as Word may save a link it edited).
      const link = context.link ?? this.fields.findLast((field) => field.result)?.link;
      const base = { ...format, ...(link ? { link } : {}) };
      const afterNoteMark = this.afterNoteMark;
      this.afterNoteMark = part.name === 'w:footnoteRef' || part.name === 'w:endnoteRef';
      if (part.name === 't' || part.name === 'w:t' || part.name === 'w:delText') {
        const text = part.children.filter((c): c is string => typeof c === 'string').join('');
        const own = afterNoteMark && /^[ \t]/.test(text) ? text.slice(1) : text;
        if (own !== '' && (isSymbolFont(fonts.ascii) || isSymbolFont(fonts.other))) paragraph.pieces.push(...symbolPieces(base, fonts, own));
        else if (own !== '' || text === '') paragraph.pieces.push({ ...base, text: own });
      } else if (part.name === 'w:sym') {
        // A character inserted from Insert → Symbol: the font and its code, in hex.
        const symbolFont = part.attributes['w:font'] ?? fonts.ascii ?? '';
        const code = part.attributes['w:char'] ?? '';
        paragraph.pieces.push(symbolPiece(base, symbolFont, Number.parseInt(code, 16), code.toUpperCase()));
      } else if (part.name === 'w:tab') {
        if (!afterNoteMark) paragraph.pieces.push({ ...base, text: '\t' });
      } else if (part.name === 'w:br' || part.name === 'w:cr') {
        paragraph.pieces.push({ ...base, text: '\n' });
      } else if (part.name === 'w:noBreakHyphen') {
        paragraph.pieces.push({ ...base, text: '-' });
      } else if (part.name === 'w:footnoteReference' || part.name === 'w:endnoteReference') {
        const prefix = part.name === 'w:endnoteReference' ? ENDNOTE_ID : '';
        paragraph.pieces.push({ ...base, text: '', footnote: `${prefix}${part.attributes['w:id'] ?? ''}` });
      } else if (part.name === 'w:commentReference') {
        paragraph.comments.push(part.attributes['w:id'] ?? '');
      } else if (part.name === 'w:drawing' || part.name === 'w:pict' || part.name === 'w:object' || part.name === 'mc:AlternateContent') {
        // Word writes a drawing twice, in `mc:Choice` and again in `mc:Fallback` for older readers: one picture.
        const drawn = part.name === 'mc:AlternateContent' ? (elements(part)[0] ?? part) : part;
        paragraph.pictures = [...(paragraph.pictures ?? []), plainText(drawn).replace(/\s+/g, ' ').trim()];
      }
    }
  }
}

/**
 * The address a field instruction links to: `HYPERLINK "https://…" \o "tip"`, with the part after
 * `#` that Word may give apart (`\l "merki"`); undefined for another field, or a link within the
 * document (`\l` alone).
 */
function hyperlinkField(instruction: string): string | undefined {
  const match = /^\s*HYPERLINK\s+(?:"([^"]+)"|([^\s"\\]+))/.exec(instruction);
  const location = /\\l\s+(?:"([^"]+)"|([^\s"\\]+))/.exec(instruction);
  return linkAddress(match?.[1] ?? match?.[2], location?.[1] ?? location?.[2]);
}

/**
 * A web link's whole address: its target, and the fragment (`#merki`) that Word keeps apart, in the
 * hyperlink's `w:anchor` (as briefing writes a link too, src/docx/ooxml/body.ts) or a field's `\l`.
 * Read without it, every link to a place in a page came back shortened, and `--accept` wrote it so.
 * A fragment without a target is a place in this document, no address.
 */
function linkAddress(target: string | undefined, fragment: string | undefined): string | undefined {
  if (target === undefined) return undefined;
  return fragment ? `${target}#${fragment}` : target;
}

/** The character `font` draws for `code`, or a piece that says it is one briefing does not know (`written`: the code as the DOCX has it). */
function symbolPiece(base: Omit<Piece, 'text'>, font: string, code: number, written: string): Piece {
  const char = Number.isInteger(code) ? symbolCharacter(font, code) : undefined;
  return char ? { ...base, text: char } : { ...base, text: UNKNOWN_SYMBOL, symbol: `${font || 'a font not named'} ${written || 'without a code'}` };
}

/**
 * The symbol font that draws `code` in a run, if one does: Word draws an ASCII character in the
 * run's `w:ascii` font and any other (Latin-1, the private-use codes F020–F0FF it writes a symbol
 * font's characters at) in its `w:hAnsi` font; a run that names a symbol font only as its
 * `w:ascii` one is taken to mean it for the private-use codes too.
 */
function symbolFontOf(code: number, fonts: RunFonts): string | undefined {
  if (code < 0x80) return isSymbolFont(fonts.ascii) ? fonts.ascii : undefined;
  if (isSymbolFont(fonts.other)) return fonts.other;
  return code >= 0xf020 && code <= 0xf0ff && isSymbolFont(fonts.ascii) ? fonts.ascii : undefined;
}

/**
 * Text in a run set in a symbol font: each character the font draws (see {@link symbolFontOf}) as
 * the character it shows, at its own code (`a` in Symbol is α) or at the private-use one Word
 * writes (F061), each one briefing does not know a piece of its own; white space, and characters
 * beyond the font's codes, as they are.
 */
function symbolPieces(base: Omit<Piece, 'text'>, fonts: RunFonts, text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const font = /\s/.test(char) ? undefined : symbolFontOf(code, fonts);
    // The font's codes: at their own (printable ASCII, Latin-1) or where Word writes them (F020–F0FF).
    const drawn = (code > 0x20 && code < 0x7f) || (code > 0xa0 && code <= 0xff) || (code >= 0xf020 && code <= 0xf0ff);
    const piece = font && drawn ? symbolPiece(base, font, code, code.toString(16).toUpperCase().padStart(4, '0')) : { ...base, text: char };
    const last = pieces.at(-1);
    if (last && last.symbol === undefined && piece.symbol === undefined) last.text += piece.text;
    else pieces.push(piece);
  }
  return pieces;
}

/** A tracked change; a move counts as a deletion where the text was and an insertion where it went. */
function revisionOf(node: XmlElement): Revision {
  return { kind: node.name === 'w:del' || node.name === 'w:moveFrom' ? 'del' : 'ins', author: node.attributes['w:author'] ?? '', date: dateOf(node) };
}

/**
 * The element's `w:date` when it holds a real day, else '': LibreOffice writes
 * `0-00-00T00:00:00Z` for a change or comment it has no date for.
 */
function dateOf(node: XmlElement): string {
  const date = node.attributes['w:date'] ?? '';
  return isRealDate(date.slice(0, 10)) ? date : '';
}

/**
 * What run properties (`w:rPr`) set of what Markdown can write: bold, italic and strike as the run
 * sets them, else as the last of `styleLevels` (its character style's properties, bases first)
 * that does (`<w:b w:val="0"/>` on the run takes a style's bold off); inline code is the code font,
 * the run's own or else its character style's (Word's *HTML Code*), as the ASCII characters' font.
 */
function characterFormat(properties: XmlElement | undefined, styleLevels: readonly XmlElement[]): CharacterFormat {
  const levels = [properties, ...styleLevels.toReversed()];
  const on = (name: string) => isOn(levels.map((level) => child(level, name)).find(Boolean));
  return {
    bold: on('w:b'),
    italic: on('w:i'),
    strike: on('w:strike') || on('w:dstrike'),
    code: levels.map((level) => child(level, 'w:rFonts')?.attributes['w:ascii']).find(Boolean) === CODE_FONT,
  };
}

/** Bold, italic, struck and code alike. */
export function sameFormat(a: CharacterFormat, b: CharacterFormat): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.strike === b.strike && a.code === b.code;
}

/** `<w:b/>` or `<w:b w:val="true"/>` is on; `w:val="false"` or `"0"` is off. */
function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const value = element.attributes['w:val'];
  return value === undefined || !['false', '0', 'off'].includes(value);
}
