/** Reads a reviewed DOCX's body, notes and comments into paragraphs of pieces, with their runs' format, links, symbols and tracked changes. */

import { ANCHOR_NAME_PREFIX } from '../docx/anchors.js';
import { CODE_FONT } from '../model/reference-docx.js';
import { isRealDate } from '../model/date.js';
import { RunFontReader, type RunFonts } from './run-fonts.js';
import { isSymbolFont, symbolCharacter } from './symbol-fonts.js';
import { child, descendants, elements, plainText, type XmlElement } from './xml.js';
import { type Revision, type CharacterFormat, type Piece, UNKNOWN_SYMBOL, type ReviewedParagraph, type TableCell } from './reviewed-docx.js';
import type { NumberingKind, StyleList } from './docx-numbering.js';

/** What an endnote's id starts with among the footnotes (see {@link ReviewedDocument.footnotes}): `endnote 2`. */
export const ENDNOTE_ID = 'endnote ';

interface RunContext {
  revision: Revision | null;
  link?: string;
  /** The tracked insertion or deletion of the table row being read, if the row is one. */
  row?: Revision;
}

/** Walks the body in document order, keeping which bookmarks and comment ranges are open. */
export class BodyReader {
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
        // Nor is an insertion nested in a deletion (its text is `w:delText`): the other way round from Word's nesting, but the same edit.
        if (context.revision?.kind === 'del') {
          const text = [...descendants(node, 'w:delText'), ...descendants(node, 'w:t')].map((t) => t.children.filter((c): c is string => typeof c === 'string').join('')).join('');
          if (this.current) this.current.withdrawn = [...(this.current.withdrawn ?? []), { inserted: revisionOf(node), deleted: context.revision, text }];
          return;
        }
        return this.walk(node, { ...context, revision: revisionOf(node) });
      case 'mc:AlternateContent': {
        // The same content for readers that know a newer feature (mc:Choice) and for those that do not (mc:Fallback): read once, the first.
        const chosen = elements(node)[0];
        return chosen ? this.walk(chosen, context) : undefined;
      }
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
    const layoutChange = relaidOut(properties, this.cell !== undefined);
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
    paragraph.pieces = withoutEdgeBreaks(paragraph.pieces);
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

/**
 * The paragraph's tracked change of properties (`w:pPrChange`) when it changed what the Markdown
 * holds: its style (a heading's, a quote's), its numbering or list level, the rule of a thematic
 * break, and in a table the alignment (a column's). Alignment, spacing and indentation elsewhere
 * are the layout's, as a font or colour of a run is: justifying a paragraph with track changes on
 * changes no text. One that does not say what was before (`w:pPr` missing) counts.
 */
function relaidOut(properties: XmlElement | undefined, inTable: boolean): XmlElement | undefined {
  const change = child(properties, 'w:pPrChange');
  const before = child(change, 'w:pPr');
  if (!change || !before) return change;
  const kept = (pPr: XmlElement | undefined): string => {
    const numbering = child(pPr, 'w:numPr');
    return JSON.stringify([
      child(pPr, 'w:pStyle')?.attributes['w:val'] ?? '',
      child(numbering, 'w:numId')?.attributes['w:val'] ?? '',
      child(numbering, 'w:ilvl')?.attributes['w:val'] ?? '',
      child(child(pPr, 'w:pBdr'), 'w:bottom') !== undefined,
      inTable ? (child(pPr, 'w:jc')?.attributes['w:val'] ?? '') : '',
    ]);
  };
  return kept(properties) === kept(before) ? undefined : change;
}

/**
 * The pieces without the line breaks (`w:br`, a page's or a column's too) before the first text and
 * after the last: Word shows an empty line there, which Markdown cannot write (a `\` that ends a
 * paragraph is printed as a backslash), so they are the layout's, as a justified paragraph is.
 */
function withoutEdgeBreaks(pieces: Piece[]): Piece[] {
  const text = (piece: Piece) => piece.text !== '' || piece.footnote !== undefined || piece.symbol !== undefined;
  const first = pieces.findIndex((piece) => text(piece) && piece.text !== '\n');
  const last = pieces.findLastIndex((piece) => text(piece) && piece.text !== '\n');
  return pieces.filter((piece, index) => piece.text !== '\n' || (index > first && index < last && first >= 0));
}

/** A tracked change; a move counts as a deletion where the text was and an insertion where it went. */
function revisionOf(node: XmlElement): Revision {
  return { kind: node.name === 'w:del' || node.name === 'w:moveFrom' ? 'del' : 'ins', author: node.attributes['w:author'] ?? '', date: dateOf(node) };
}

/**
 * The element's `w:date` when it holds a real day, else '': LibreOffice writes
 * `0-00-00T00:00:00Z` for a change or comment it has no date for.
 */
export function dateOf(node: XmlElement): string {
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
