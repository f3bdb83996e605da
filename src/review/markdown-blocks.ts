/** Reviewed paragraphs written as Markdown blocks: paragraphs and list items, quotes, thematic breaks, tables and code, and their joining. */

import { taskMarkdown } from '../docx/task-box.js';
import { Style } from '../model/reference-docx.js';
import { columnWidths, modelledRow, patchedRow } from './table-row.js';
import { formattedKey, piecesFormatted, withoutBold, type FormattedText } from './formatting.js';
import { DEFAULT_STYLE, type SourceStyle } from './source-style.js';
import type { Piece, ReviewedParagraph } from './reviewed-docx.js';
import type { SourceUnit } from './source-units.js';
import { SPACE, markGone, allInserted, untouched, textOf } from './paragraph-groups.js';
import { inlineMarkdown, unreadSymbol, withLiterals, oneLine, wrap } from './inline-markdown.js';

/**
 * The number Word shows for each item, counted as Word counts (see `ListCounting`): lists
 * made from one numbering definition share its count at each level, unless a list gives the
 * level a first number of its own, which its first item there starts from; an item starts
 * the deeper levels' count again. A compiled report has one list with its own first number
 * for each Markdown list; LibreOffice writes one for each item, only the first with its own
 * first number. Items are given in the order of one reading (once accepted, a deleted item
 * does not count).
 */
export class ItemNumbers {
  /** A numbering definition → its count so far at each level. */
  private readonly counts = new Map<string, number[]>();
  /** The lists (`numId` and level) whose own first number was used already. */
  private readonly restarted = new Set<string>();

  /** The paragraph's number if it is an item, else 0. */
  next(paragraph: ReviewedParagraph): number {
    if (paragraph.list === null) return 0;
    const { level, listId } = paragraph;
    // Without a numbering part to say, each Word list counts on its own.
    const counting = paragraph.counting ?? { definition: `num ${listId}`, start: 1 };
    const counts = this.counts.get(counting.definition) ?? [];
    const list = `${listId} ${level}`;
    let number: number;
    if (counting.restart !== undefined && !this.restarted.has(list)) {
      this.restarted.add(list);
      number = counting.restart;
    } else number = (counts[level] ?? counting.start - 1) + 1;
    counts.length = level;
    counts[level] = number;
    this.counts.set(counting.definition, counts);
    return number;
  }
}

/**
 * What a paragraph of this style starts with in Markdown, for a paragraph with no source to
 * say (`import`): a heading's `#`s (Word's built-in heading styles), a quote's `> `.
 */
export function styleLead(style: string): string {
  const heading = /^Heading([1-6])$/.exec(style);
  if (heading) return `${'#'.repeat(Number(heading[1]))} `;
  return style === Style.note || style === 'Quote' || style === 'IntenseQuote' ? '> ' : '';
}

/**
 * What a paragraph starts with in Markdown when no source says (`import`, a paragraph added
 * without track changes): its style's lead (see {@link styleLead}); a list item its nesting
 * (`1) ` is three characters wide), inside a quote's `> ` when its style is a quote's (a list
 * in a quote is printed in the quote's style).
 */
export function paragraphLead(paragraph: ReviewedParagraph): string {
  const style = styleLead(paragraph.style);
  if (paragraph.list === null) return style;
  return (style === '> ' ? style : '') + '   '.repeat(paragraph.level);
}

/**
 * `block` after `before`, each written with `> ` when its style is a quote's: a quote's paragraphs
 * one after another are one quote, a `>` line between them, and its list's items a line break
 * apart; an item in a quote and one out of it are of two lists, a blank line apart.
 */
export function quoteJoined(block: Block | undefined, before: Block | undefined): Block | undefined {
  if (!block || !before) return block;
  const quoted = block.markdown.startsWith('>');
  if (quoted !== before.markdown.startsWith('>')) return block.item && before.item ? { ...block, gap: '\n\n' } : block;
  if (!quoted) return block;
  return { ...block, gap: block.item && before.item ? '\n' : '\n>\n' };
}

/** A thematic break (`---`) for a group that is only the line the compiler draws for one, with no source to keep; else undefined. */
export function ruleBlock(group: readonly ReviewedParagraph[]): Block | undefined {
  const [paragraph, ...rest] = group;
  if (!paragraph?.rule || rest.length || paragraph.list !== null || textOf(paragraph, 'accept') !== '' || markGone(paragraph, 'accept')) return undefined;
  return { markdown: '---', item: false };
}

/** A paragraph or list item of Markdown, as a field is put together. */
export interface Block {
  markdown: string;
  item: boolean;
  /** What separates it from the block before, when the source says (the two are neighbours there). */
  gap?: string;
}

/**
 * A paragraph written as Markdown from the DOCX (the deleted text left out): a `1)` (or, as its
 * source has it, `1.`) or `-` item when it is one, bold, italic (with the marks of `style`) and
 * links, wrapped at the width of `style`; undefined when no text is left.
 */
export function writtenBlock(pieces: readonly Piece[], list: ReviewedParagraph['list'], number: number, footnotes: Map<string, string>, notes: string[], lead = '', lost?: string[], mark: '.' | ')' = ')', style: SourceStyle = DEFAULT_STYLE): Block | undefined {
  const item = list !== null;
  const text = withLiterals(inlineMarkdown(pieces.filter((piece) => piece.revision?.kind !== 'del'), footnotes, notes, lost, false, style), style.literals).trim();
  if (!text) return undefined;
  // `lead` is what the line has before the text (or an item's marker): indentation, `> `, `## `.
  const indent = lead.length - lead.trimStart().length;
  const start = lead.trimStart() + (item ? (list === 'bullet' ? '- ' : `${number}${mark} `) : '');
  const inline = item ? taskMarkdown(text) : text;
  // A heading is one line; anything else is wrapped, its lines indented under the text, in a quote after its `>`.
  const body = start.startsWith('#') ? start + oneLine(inline) : wrap(inline, ' '.repeat(indent) + underMarkers(start), start, style.width);
  return { markdown: ' '.repeat(indent) + body, item };
}

/**
 * A table of the field: its Markdown source when no cell was changed. With cells changed, each
 * row nobody touched keeps its line as written, and a changed row only its changed cells, written
 * from the DOCX and fitted to the room the source gave them, so the rest of the table keeps its
 * padding and alignment; a row the reviewer added is fitted to the row above it, and rows whose
 * every cell was deleted go. When the DOCX's rows or columns no longer pair with the source's
 * (or there is no source, for `import`), the table is written anew from the cells, the source's
 * delimiter row kept while the number of columns is the same, else the columns' alignment read
 * from the header row. Undefined when nothing is left. `edited`: the field was edited without
 * track changes, so a cell whose text is not its source cell's changed too, though nothing marks it.
 */
export function tableBlock(paragraphs: readonly ReviewedParagraph[], unit: SourceUnit | undefined, footnotes: Map<string, string>, notes: string[], lost?: string[], lead = unit?.lead ?? '', edited = false): Block | undefined {
  // A cell split with Enter changed too, though no word of it did.
  if (unit?.table && !edited && paragraphs.every((p) => untouched(p) && !p.mark)) return { markdown: unit.slice, item: false };
  const rows = tableRows(paragraphs, footnotes, notes, lost, unit?.style);
  const columns = Math.max(0, ...rows.map((row) => row.cells.length));
  const patched = unit?.table?.columns === columns ? patchedTable(rows, unit.slice.split('\n'), edited ? unit.table.cells : undefined) : undefined;
  if (patched) return patched.length ? { markdown: patched.join('\n'), item: false } : undefined;
  const lines = rows.map((row) => row.cells).filter((cells) => cells.some(Boolean));
  if (!lines.length) return undefined;
  const row = (cells: readonly string[]) => `| ${Array.from({ length: columns }, (_, column) => cells[column] ?? '').join(' | ')} |`;
  const alignments: string[] = [];
  for (const p of paragraphs) if (p.cell?.row === 0) alignments[p.cell.column] ||= p.alignment;
  const delimiter = unit?.table?.columns === columns ? unit.table.delimiter : row(Array.from({ length: columns }, (_, column) => delimiterCell(alignments[column])));
  const [header = [], ...body] = lines;
  // In a list item or a quote, each row has the place's lead (a first row's item marker only on the first).
  const rest = underMarkers(lead);
  return { markdown: [row(header), delimiter, ...body.map(row)].map((line, at) => (at === 0 ? lead : rest) + line).join('\n'), item: false };
}

/** A line's lead for the line under it in the same place: the item markers in it (`3) `, `- `) blank, the quotes' `>` kept. */
export function underMarkers(lead: string): string {
  return lead.replace(/[-+*]\s|\d+[.)]\s/g, (marker) => ' '.repeat(marker.length));
}

/** A row of a table in the DOCX: its cells as accepted Markdown, which of them the reviewer changed, and whether the reviewer added the row. */
interface TableRow {
  cells: string[];
  /** Each cell's text before the review (every change rejected), as {@link formattedKey} reads it, to compare with its source cell's. */
  keys: string[];
  changed: Set<number>;
  added: boolean;
}

/** `style`: how the table's source writes its bold, italic and links, for the cells written anew. */
function tableRows(paragraphs: readonly ReviewedParagraph[], footnotes: Map<string, string>, notes: string[], lost?: string[], style = DEFAULT_STYLE): TableRow[] {
  const rows = new Map<number, { cells: string[][]; before: FormattedText[][]; changed: Set<number>; paragraphs: ReviewedParagraph[] }>();
  for (const paragraph of paragraphs) {
    if (!paragraph.cell) continue;
    const { row: index, column } = paragraph.cell;
    const row = rows.get(index) ?? { cells: [], before: [], changed: new Set<number>(), paragraphs: [] };
    rows.set(index, row);
    row.paragraphs.push(paragraph);
    if (!untouched(paragraph) || paragraph.mark) row.changed.add(column);
    const kept = paragraph.pieces.filter((piece) => piece.revision?.kind !== 'del');
    // The header row is bold by the table's layout, not by its Markdown.
    const pieces = index === 0 ? kept.map((piece) => ({ ...piece, bold: false })) : kept;
    (row.cells[column] ??= []).push(oneLine(inlineMarkdown(pieces, footnotes, notes, lost, true, style)).trim());
    const before = piecesFormatted(paragraph.pieces, 'reject');
    const cell = (row.before[column] ??= []);
    cell.push(...(cell.length ? [SPACE] : []), ...(index === 0 ? withoutBold(before) : before));
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => ({
      cells: Array.from(row.cells, (cell) => (cell ?? []).filter(Boolean).join(' ')),
      keys: Array.from(row.before, (runs) => formattedKey(runs ?? [])),
      changed: row.changed,
      // The row says it was inserted (`w:trPr/w:ins`), or every paragraph of it is inserted, or empty.
      added: row.paragraphs.some((p) => p.cell?.rowChange === 'ins') || (row.paragraphs.some((p) => p.pieces.length) && row.paragraphs.every((p) => !p.pieces.length || allInserted(p))),
    }));
}

/**
 * The table's lines with only what the reviewer changed written anew (see {@link tableBlock}),
 * or undefined when the DOCX's rows do not pair one to one with the source's (`lines`: the
 * header, the delimiter row, the body rows). `cells`, for a table edited without track changes:
 * the source rows' cells' text (see {@link withUntrackedChanges}).
 */
function patchedTable(pairs: readonly TableRow[], lines: readonly string[], cells?: readonly string[][]): string[] | undefined {
  const [header, delimiter, ...body] = lines;
  if (header === undefined || delimiter === undefined) return undefined;
  const sources = [header, ...body];
  if (pairs.filter((row) => !row.added).length !== sources.length) return undefined;
  const rows = cells ? withUntrackedChanges(pairs, cells) : pairs;
  // Every row deleted, the header too, and none added: the reviewer deleted the table.
  const deleted = (row: TableRow): boolean => row.changed.size > 0 && !row.cells.some(Boolean);
  if (rows.every((row) => (row.added ? !row.cells.some(Boolean) : deleted(row)))) return [];
  const widths = columnWidths(lines);
  const result: string[] = [];
  let next = 0;
  for (const row of rows) {
    if (row.added) {
      if (row.cells.some(Boolean)) result.push(modelledRow(sources[Math.max(0, next - 1)] ?? header, row.cells, widths));
      continue;
    }
    const line = sources[next] ?? '';
    next += 1;
    // A row whose every cell was deleted goes; the header row stays (but for the whole table deleted, above).
    if (next > 1 && deleted(row)) continue;
    const changed = new Map([...row.changed].map((column) => [column, row.cells[column] ?? '']));
    result.push(row.changed.size ? (patchedRow(line, changed, widths) ?? modelledRow(line, row.cells, widths)) : line);
    if (next === 1) result.push(delimiter);
  }
  return result;
}

/**
 * `rows` with each cell whose text before the review is not its source cell's (`cells`, a list
 * for each source row, which the rows the reviewer did not add pair with in order) taken as
 * changed: edited with track changes off, nothing marks it.
 */
function withUntrackedChanges(rows: readonly TableRow[], cells: readonly string[][]): TableRow[] {
  let next = 0;
  return rows.map((row) => {
    if (row.added) return row;
    const source = cells[next] ?? [];
    next += 1;
    const changed = new Set(row.changed);
    row.keys.forEach((key, column) => {
      if (key !== (source[column] ?? '')) changed.add(column);
    });
    return { ...row, changed };
  });
}

/** A delimiter row's cell for a column aligned as the DOCX has it (`w:jc` of its header cell). */
function delimiterCell(alignment: string | undefined): string {
  if (alignment === 'center') return ':---:';
  return alignment === 'right' || alignment === 'end' ? '---:' : '---';
}

/**
 * A code block of the field: its Markdown source when no line was changed, else its lines as
 * accepted, verbatim, inside the source's fences as written (its language too) or new ones,
 * indented as the block in its place (`place`, the unit it stands for: in a list item, under the
 * item's text). A symbol briefing cannot read is left out, and said in `notes` and `lost`.
 */
export function codeBlock(paragraphs: readonly ReviewedParagraph[], unit?: SourceUnit, notes: string[] = [], lost?: string[], place = unit): Block {
  if (unit && paragraphs.every(untouched)) return { markdown: unit.slice, item: false };
  const indent = place?.lead ?? '';
  const { open, close } = fencesOf(place);
  const line = (paragraph: ReviewedParagraph): string =>
    paragraph.pieces
      .filter((piece) => piece.revision?.kind !== 'del')
      .reduce((text, piece) => {
        if (piece.symbol === undefined) return text + piece.text;
        unreadSymbol(piece.symbol, text, notes, lost);
        return text;
      }, '');
  const lines = paragraphs.filter((p) => !(markGone(p, 'accept') && textOf(p, 'accept') === '')).map(line);
  // A block on its item's number line (`2) ```) has the number on its first line only.
  const under = underMarkers(indent);
  return { markdown: [open, ...lines, close].map((line, at) => (line ? (at === 0 ? indent : under) + line : line)).join('\n'), item: false };
}

/**
 * The fences of a code block's source as written, without what stands before them on their
 * lines: the opening one with its info string (```` ```yaml ````), the closing one as long as it
 * is; ```` ``` ```` for a block with none (indented code, or no source).
 */
function fencesOf(unit: SourceUnit | undefined): { open: string; close: string } {
  const lines = unit?.slice.split('\n') ?? [];
  const open = (lines[0] ?? '').slice(unit?.lead.length ?? 0).trimEnd();
  const fence = /^(`{3,}|~{3,})/.exec(open)?.[1];
  if (!fence) return { open: '```', close: '```' };
  const last = lines.length > 1 ? (lines.at(-1) ?? '').replace(/^[\s>]*/, '').trimEnd() : '';
  // An unclosed block (it runs to the field's end) is closed with its opening fence.
  const closing = last.startsWith(fence) && [...last].every((char) => char === fence[0]);
  return { open, close: closing ? last : fence };
}

/** Blocks joined as a field holds them: a blank line between them, a line break between two list items. */
export function joinBlocks(blocks: readonly Block[]): string {
  return blocks.map((block, index) => (index === 0 ? '' : (block.gap ?? (blocks[index - 1]?.item && block.item ? '\n' : '\n\n'))) + block.markdown).join('');
}
