import type { FootnoteDefinition, Nodes, RootContent } from 'mdast';
import { printedRuns } from '../docx/printed-text.js';
import { checkBox, taskMarkdown } from '../docx/task-box.js';
import { Style } from '../model/reference-docx.js';
import { parseAsBuilt, restoreDateMarks } from '../util/markdown-pieces.js';
import { firstDefinitions } from '../util/markdown.js';
import { alignKeys } from '../diff/align.js';
import { columnWidths, modelledRow, patchedRow } from './table-row.js';
import { formattedKey, formattingDifferences, linkKey, piecesFormatted, plain, plainText, withoutBold, withSourceFormatting, type FormattedText } from './formatting.js';
import { DEFAULT_STYLE, referenceLink, sourceStyles, WIDTH, type SourceStyle } from './source-style.js';
import type { FieldReview } from './fields.js';
import { sameFormat, type Piece, type ReviewedParagraph, type Revision, type TableCell } from './read-docx.js';

/** The text of a field after accepting every change, and what could not be carried over. */
export interface AcceptedText {
  /** Markdown as it goes into the YAML field, ending with a line break. */
  markdown: string;
  /** The field's text before the review, one entry a paragraph (for the word diff). */
  before: string[];
  /** The field's text after accepting, one entry a paragraph. */
  after: string[];
  /** Sentences about what was approximated (footnotes, a layout the source did not match). */
  notes: string[];
  /**
   * The DOCX with every change rejected reads as the field's Markdown: false when someone
   * edited the field without track changes (or the field changed since the build).
   */
  matched: boolean;
  /** The notes (among `notes`) about a change the accepted Markdown does not hold: `review --accept` refuses the field then. */
  lost: string[];
  /** Words whose formatting (or link) was changed with track changes off, as the DOCX has them. */
  formatting: string[];
  /**
   * The formatting changes LibreOffice recorded without the formatting before (see
   * `Piece.formatBeforeUnknown`) that leave what Markdown writes as the field has it: a colour, a font.
   */
  idleFormatChanges: Revision[];
}

/** One paragraph of the field's Markdown source: a paragraph, a list item's own paragraph, or a whole table. */
interface SourceUnit {
  text: string;
  /** The text with the formatting its Markdown prints it in (see `printedRuns`), to compare with the DOCX's. */
  runs: FormattedText[];
  /** The source, from the start of the unit's first line (indentation and `>` or `#` included). */
  slice: string;
  /** Where `slice` starts and ends in the field's source. */
  start: number;
  end: number;
  item: boolean;
  /** How deep in lists: 0 outside any list and for a top-level item, 1 for an item of a list inside an item, … */
  level: number;
  /**
   * For an item of a numbered list, the number the report shows: the list's first number
   * plus the item's place (Markdown reads only the first item's number: `1) 2) 4)` shows 1, 2, 3).
   */
  number?: number;
  /** What the unit's first line has before its text: indentation, `> `, a heading's `## ` (an item's marker not included). */
  lead: string;
  footnotes: string[];
  /** A paragraph, or an item's own paragraph: text that is wrapped. */
  prose?: boolean;
  /** How the unit is written, for writing it anew the same way (see {@link SourceStyle}). */
  style?: SourceStyle;
  /**
   * For a table: its delimiter row as written (alignment included), how many columns it has,
   * and each row's cells' text as the DOCX prints it (the header row first), as {@link formattedKey} reads it.
   */
  table?: { delimiter: string; columns: number; cells: string[][] };
}


/** A footnote or link definition of the field, as written. */
interface Definition {
  slice: string;
  /** Where it stands in the field's source (from the start of its first line). */
  start: number;
  end: number;
  /** For a footnote definition: its label and its text after `[^label]:`, unindented, as Markdown of its own. */
  footnote?: { label: string; content: string };
}

/**
 * The field's Markdown after accepting every tracked change. The field is read as units, one
 * for each paragraph of the DOCX (a table and a code block are one unit each). A unit nobody
 * touched keeps its Markdown source exactly (line breaks, links, footnotes, indentation); a
 * changed one is written anew from the DOCX: bold `**`, italic `*` (`__`, `_` where the source
 * writes them so), struck `~~`, code, links (a reference where the field defines the address),
 * numbered items `1)`, in its place in a list or quote, lines wrapped at 110 characters (a
 * paragraph written on one line stays on one).
 * `footnotes` holds the notes the field refers to (footnote id → paragraphs): a changed one
 * is written into its `[^label]:` definition the same way.
 */
export function acceptedText(paragraphs: readonly ReviewedParagraph[], source: string, footnotes: ReadonlyMap<string, readonly ReviewedParagraph[]> = new Map()): AcceptedText {
  const notes: string[] = [];
  const lost: string[] = [];
  const gaps = gapsIn(paragraphs);
  const { units, definitions, style } = sourceUnits(source);
  const originals = originalGroups(paragraphs, gaps);
  // Words and the formatting Markdown writes: text made bold with track changes off is an edit too.
  // Formatting LibreOffice changed with track changes on, without saying what it was, was the field's.
  const formatChanges = new Set<Revision>();
  const rejectedRuns = originals.map((group, index) => withSourceFormatting(groupFormatted(group, 'reject'), units[index]?.runs ?? [], formatChanges));
  const rejected = rejectedRuns.map((runs) => normalise(runs.map((run) => run.text).join('')));
  const rejectedKeys = rejectedRuns.map(formattedKey);
  const unitKeys = units.map((unit) => formattedKey(unit.runs));
  const matched = rejectedKeys.length === unitKeys.length && rejectedKeys.every((key, index) => key === unitKeys[index]);
  if (!matched) notes.push('the DOCX, read without the tracked changes, is not the field’s text: it was edited without track changes, so the paragraphs whose text or formatting changed were written anew from the DOCX: check their links and footnotes');
  // Untracked edits are changes too: compare with the field's own text then.
  const before = matched ? rejected : units.map((unit) => normalise(unit.text));
  const unitOf = unitsOfParagraphs(originals);
  // Edited without track changes, a paragraph written anew still takes its place in the field (in an item, a quote) from its unit.
  const placeOf = matched ? undefined : unitsByText(rejected, before);
  // ... and one whose text and formatting are its unit's is that unit, as when the field matched: untouched, it keeps its source.
  const sameText = (group: number | undefined): number | undefined => {
    const unit = group === undefined ? undefined : placeOf?.get(group);
    return unit !== undefined && group !== undefined && rejectedKeys[group] === unitKeys[unit] ? unit : undefined;
  };
  // Words whose formatting alone was changed show in no word diff: they are named.
  const formatting = [...(placeOf ?? [])].flatMap(([group, unit]) => formattingDifferences(units[unit]?.runs ?? [], rejectedRuns[group] ?? []));
  const footnoteLabels = matched ? footnoteMap(originals, units) : footnotesInOrder(originals, units);

  const blocks: Block[] = [];
  const after: string[] = [];
  const numbers = new ItemNumbers();
  let previous: number | undefined;
  // A block whose unit follows the last block's in the source keeps the source's separator
  // when that is only blank and `>` lines (one quote's paragraphs stay one quote), or a line
  // break alone (an item's second paragraph right above the next item).
  // A block on the line of an item's number (`3) - a`, see sourceUnits) follows it there, or on a line of
  // its own under it when the number was given text.
  const push = (block: Block | undefined, index: number | undefined): void => {
    if (!block) return;
    const gap = previous !== undefined && index === previous + 1 ? source.slice(units[previous]?.end ?? 0, units[index]?.start ?? 0) : undefined;
    if (gap === '' && blocks.at(-1)?.markdown) {
      const lead = units[index ?? 0]?.lead ?? '';
      blocks.push({ ...block, markdown: block.markdown.startsWith(lead) ? underMarkers(lead) + block.markdown.slice(lead.length) : block.markdown, gap: '\n' });
    } else blocks.push(gap !== undefined && /^(?:\n(?:[\s>]*\n)?)?$/.test(gap) ? { ...block, gap } : block);
    previous = index;
  };
  // The last block, when it was written by its paragraph's style alone, with no source to place it (see below).
  let styled: Block | undefined;
  for (const group of acceptedGroups(paragraphs, gaps)) {
    const first = group[0];
    if (!first) continue;
    const styledBefore = styled;
    styled = undefined;
    const found = group.map((p) => unitOf.get(p)).find((index) => index !== undefined);
    const index = matched ? found : sameText(found);
    const unit = index === undefined ? undefined : units[index];
    // Where the group stands in the field: its own unit, or (edited without track changes) the unit it pairs with by text.
    const placeIndex = placeOf && found !== undefined ? placeOf.get(found) : index;
    const place = placeIndex === undefined ? undefined : units[placeIndex];
    const number = numbers.next(first);
    after.push(normalise(groupText(group, 'accept')));
    // A table edited without track changes is patched as its unit's, the cells whose text is not the unit's taken as changed.
    if (first.cell) push(tableBlock(group, unit ?? place, footnoteLabels, notes, lost, place?.lead, !unit), placeIndex);
    else if (isCode(first)) push(codeBlock(group, unit, notes, lost, place), placeIndex);
    else if (unit && group.length === 1 && untouched(first)) {
      // Its source number stays unless the item's number changed (an item before it added or deleted).
      const renumbered = unit.number !== undefined && unit.number !== number;
      push({ markdown: renumbered ? unit.slice.replace(/^(\s*)\d+([.)])/, `$1${number}$2`) : unit.slice, item: unit.item }, index);
    } else {
      // With no source to say (a paragraph added without track changes), the paragraph's style and list do: a quote's `> `.
      const lead = place?.lead ?? paragraphLead(first);
      // A numbered item keeps the mark its source has (`1.` or `1)`): another one would start a new list.
      const mark = /^\s*(?:>\s*)*\d+([.)])/.exec(place?.slice ?? '')?.[1] as '.' | ')' | undefined;
      const block = ruleBlock(group) ?? writtenBlock(group.flatMap((p) => p.pieces), first.list, number, footnoteLabels, notes, lead, lost, mark, place?.style ?? style);
      if (!place) styled = block;
      push(place ? block : quoteJoined(block, styledBefore), placeIndex);
    }
  }
  let markdown = joinBlocks(blocks);
  let notesMatched = true;
  for (const [at, definition] of definitions.entries()) {
    const note = definition.footnote ? acceptedFootnote(definition.footnote, footnoteLabels, footnotes) : undefined;
    if (note) {
      before.push(note.before);
      after.push(note.after);
      notes.push(...note.notes);
      lost.push(...note.lost);
      formatting.push(...note.formatting);
      notesMatched &&= note.matched;
    }
    // Definitions written one under the other in the source stay so: only a line break between them.
    const previous = definitions[at - 1];
    const gap = previous ? source.slice(previous.end, definition.start) : '';
    markdown += `${gap === '\n' ? '\n' : '\n\n'}${note?.slice ?? definition.slice}`;
  }
  // A definition not at the field's top level (inside a list item) is not read: its note's changes are named, not lost.
  const read = new Set(definitions.flatMap((definition) => definition.footnote?.label ?? []));
  for (const [id, note] of footnotes) {
    const label = footnoteLabels.get(id);
    if (label && !read.has(label) && note.some((p) => p.mark || !untouched(p))) {
      const sentence = `the change in footnote [^${label}] cannot be carried over: make it in the definition by hand`;
      notes.push(sentence);
      lost.push(sentence);
    }
  }
  const idle = paragraphs.flatMap((p) => p.pieces.flatMap((piece) => (piece.formatBeforeUnknown && piece.formatChanged && !piece.revision && !formatChanges.has(piece.formatChanged) ? [piece.formatChanged] : [])));
  return { markdown: `${markdown}\n`, before, after, notes: [...new Set(notes)], matched: matched && notesMatched, lost: [...new Set(lost)], formatting, idleFormatChanges: idle };
}

/** A footnote definition after accepting the changes in its note: its text as the listing shows it, and its Markdown. */
interface AcceptedFootnote {
  slice: string;
  before: string;
  after: string;
  notes: string[];
  lost: string[];
  formatting: string[];
  matched: boolean;
}

/**
 * `field` without the formatting changes LibreOffice recorded that leave what Markdown writes of the
 * field's text (`source`) as it was (see {@link AcceptedText.idleFormatChanges}): a colour or a font
 * alone is no change, as in a change Word records, which says what the formatting was.
 */
export function withoutIdleFormatting(field: FieldReview, source: string): FieldReview {
  if (!field.paragraphs.some((p) => p.pieces.some((piece) => piece.formatBeforeUnknown))) return field;
  const idle = new Set(acceptedText(field.paragraphs, source, field.footnotes).idleFormatChanges);
  if (!idle.size) return field;
  const paragraphs = field.paragraphs.map((p) => ({ ...p, pieces: p.pieces.map((piece) => (piece.formatChanged && idle.has(piece.formatChanged) ? { ...piece, formatChanged: null } : piece)) }));
  return { ...field, paragraphs, revisions: field.revisions.filter((revision) => !idle.has(revision)) };
}

/**
 * The definition `[^label]:` after accepting the changes in its note, read as a field of
 * its own (untouched paragraphs keep their Markdown, changed ones are written anew), or
 * undefined when no note printed for it was changed. A label referred to twice is printed
 * as two notes: the first changed one is taken.
 */
function acceptedFootnote(definition: { label: string; content: string }, labels: ReadonlyMap<string, string>, footnotes: ReadonlyMap<string, readonly ReviewedParagraph[]>): AcceptedFootnote | undefined {
  const printed = [...labels].flatMap(([id, label]) => (label === definition.label ? [footnotes.get(id) ?? []] : [])).filter((note) => note.length);
  // The note is compared with what the DOCX printed of it: a table in a note is not printed, and read as deleted it was lost on --accept.
  const { content, tables } = withoutTables(definition.content);
  const read = printed.map((note) => ({ note, text: acceptedText(note, content) }));
  const changed = read.filter(({ note, text }) => !text.matched || note.some((p) => p.mark || !untouched(p)));
  const [first] = changed;
  if (!first) return undefined;
  const notes = first.text.notes.map((note) => `footnote [^${definition.label}]: ${note}`);
  const lost = first.text.lost.map((note) => `footnote [^${definition.label}]: ${note}`);
  if (new Set(changed.map(({ text }) => text.markdown)).size > 1) notes.push(`footnote [^${definition.label}] is printed ${printed.length} times and was changed differently: the first changed note was taken`);
  if (tables.length) notes.push(`footnote [^${definition.label}]: its ${tables.length === 1 ? 'table, which the DOCX does not print, is' : 'tables, which the DOCX does not print, are'} kept after the note's text: check where ${tables.length === 1 ? 'it belongs' : 'they belong'}`);
  const lines = [first.text.markdown.trimEnd(), ...tables].join('\n\n').split('\n');
  const slice = `[^${definition.label}]: ${lines.map((line, index) => (index === 0 || !line ? line : `    ${line}`)).join('\n')}`;
  const shown = (texts: readonly string[]) => `[^${definition.label}]: ${texts.join(' ')}`;
  return { slice, before: shown(first.text.before), after: shown(first.text.after), notes, lost, formatting: first.text.formatting, matched: first.text.matched };
}

/** A note's Markdown without its tables, which the DOCX does not print in a note (`docx/unsupported`), and the tables as written. */
function withoutTables(content: string): { content: string; tables: string[] } {
  if (!content.includes('|')) return { content, tables: [] };
  const spans = parseAsBuilt(content).children.flatMap((node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return node.type === 'table' && start !== undefined && end !== undefined ? [{ start, end }] : [];
  });
  if (!spans.length) return { content, tables: [] };
  let rest = content;
  for (const { start, end } of [...spans].reverse()) rest = rest.slice(0, start) + rest.slice(end);
  return { content: rest.replace(/\n{3,}/g, '\n\n').trimEnd(), tables: spans.map(({ start, end }) => content.slice(start, end)) };
}

/**
 * For a field edited without track changes, whose paragraphs no longer read as its units: each
 * paragraph group before the review (`texts`, by index) → the unit it stands for (`units`, their
 * texts), paired by text. Equal texts pair; a run of groups that differ pairs in order with a run
 * of units as long between the same neighbours (paragraphs edited); a group the reviewer added,
 * or a unit deleted, pairs with none.
 */
function unitsByText(texts: readonly string[], units: readonly string[]): Map<number, number> {
  const pairs = new Map<number, number>();
  let text = 0;
  let unit = 0;
  // The run of changes since the last equal texts: how many groups left out, how many units put in.
  let removed = 0;
  let added = 0;
  const closeRun = (): void => {
    if (removed === added) for (let at = 0; at < removed; at++) pairs.set(text - removed + at, unit - added + at);
    removed = 0;
    added = 0;
  };
  for (const change of alignKeys(texts, units)) {
    const count = change.value.length;
    if (change.removed) [removed, text] = [removed + count, text + count];
    else if (change.added) [added, unit] = [added + count, unit + count];
    else {
      closeRun();
      for (let at = 0; at < count; at++) pairs.set(text + at, unit + at);
      text += count;
      unit += count;
    }
  }
  closeRun();
  return pairs;
}

/**
 * Each paragraph before the review → the index of its source unit (the groups and the units
 * pair one to one when the field matched). A paragraph maps to its unit when it alone holds
 * the unit's text: the others in its group, if any, are paragraphs the reviewer added.
 */
function unitsOfParagraphs(originals: readonly ReviewedParagraph[][]): Map<ReviewedParagraph, number> {
  const unitOf = new Map<ReviewedParagraph, number>();
  originals.forEach((group, index) => {
    // A table, or a code block, is one unit: each of its paragraphs (cells, lines) maps to it.
    if (group[0]?.cell || isCode(group[0])) for (const p of group) unitOf.set(p, index);
    const holders = group.filter((p) => textOf(p, 'reject') !== '');
    if (holders.length === 1 && holders[0]) unitOf.set(holders[0], index);
    // A paragraph without text (a thematic break) is its unit when it is alone.
    else if (!holders.length && group.length === 1 && group[0]) unitOf.set(group[0], index);
  });
  return unitOf;
}

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
function underMarkers(lead: string): string {
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

/**
 * The field's units, one for each paragraph the DOCX has of it, in order, with their source
 * text, and the field's footnote and link definitions. A list item's own first paragraph is a
 * unit; the blocks inside it (a nested list, a second paragraph) are units of their own, as
 * they are paragraphs of their own in the DOCX.
 */
function sourceUnits(source: string): { units: SourceUnit[]; definitions: Definition[]; style: SourceStyle } {
  const units: SourceUnit[] = [];
  const definitions: Definition[] = [];
  const lineStart = (offset: number): number => source.lastIndexOf('\n', offset - 1) + 1;
  // From the start of the node's first line: a nested item keeps its indentation, a heading its `#`.
  const lines = (from: Nodes, to: Nodes = from) => {
    const start = lineStart(from.position?.start.offset ?? 0);
    const end = to.position?.end.offset ?? 0;
    return { slice: source.slice(start, end), start, end };
  };
  const lead = (node: Nodes): string => source.slice(lineStart(node.position?.start.offset ?? 0), node.position?.start.offset ?? 0);
  // The line of an item's number when no paragraph follows it there; nothing, at the line's start, when its
  // first block starts on that line (`3) - a`), whose unit, from the line's start, holds the number.
  const numberLine = (item: Nodes, first: Nodes | undefined) => {
    const start = lineStart(item.position?.start.offset ?? 0);
    const firstStart = first?.position?.start.offset;
    if (firstStart !== undefined && lineStart(firstStart) === start) return { slice: '', start, end: start };
    const lineEnd = source.indexOf('\n', item.position?.start.offset ?? 0);
    const end = lineEnd < 0 ? source.length : lineEnd;
    return { slice: source.slice(start, end), start, end };
  };
  const add = (node: RootContent, level: number, inList: boolean): void => {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      if (!inList) definitions.push({ ...lines(node), ...(node.type === 'footnoteDefinition' ? { footnote: { label: node.label ?? node.identifier, content: footnoteContent(source, node) } } : {}) });
    } else if (node.type === 'list') {
      node.children.forEach((item, place) => {
        const [first, ...rest] = item.children;
        const number = node.ordered ? { number: (node.start ?? 1) + place } : {};
        if (first?.type === 'paragraph') {
          // A task item's box is part of its text in the DOCX.
          const box = typeof item.checked === 'boolean' ? [plainText(checkBox(item.checked))] : [];
          units.push({ ...printed([...box, ...runsAsBuilt(first, links)]), ...lines(item, first), item: true, level, ...number, lead: lead(item), footnotes: labelsIn(first), prose: true });
        } else {
          // An item with no paragraph first has its number alone in the DOCX: a paragraph of no text, a unit of its own.
          units.push({ ...printed([]), ...numberLine(item, first), item: true, level, ...number, lead: lead(item), footnotes: [] });
          if (first) add(first, level, true);
        }
        for (const child of rest) add(child, child.type === 'list' ? level + 1 : level, true);
      });
    } else if (node.type === 'blockquote') {
      for (const child of node.children) add(child, level, inList);
    } else if (node.type === 'table') {
      const delimiter = lines(node).slice.split('\n')[1]?.trim() ?? '';
      // The header row is bold by the table's layout, whatever its Markdown says.
      const cells = node.children.map((row, at) =>
        row.children.map((cell) => {
          const runs = runsAsBuilt(cell, links);
          return at === 0 ? withoutBold(runs) : runs;
        }),
      );
      const runs = cells.flat().flatMap((cell, at) => (at === 0 ? cell : [SPACE, ...cell]));
      units.push({ ...printed(runs), ...lines(node), item: false, level, lead: lead(node), footnotes: labelsIn(node), table: { delimiter, columns: node.align?.length ?? 0, cells: cells.map((row) => row.map(formattedKey)) } });
    } else {
      // A code block is written as it is: only its characters count.
      const runs = runsAsBuilt(node, links);
      units.push({ ...printed(node.type === 'code' ? plain(runs) : runs), ...lines(node), item: false, level, lead: leadOf(node, lead(node)), footnotes: labelsIn(node), prose: node.type === 'paragraph' });
    }
  };
  const tree = parseAsBuilt(source);
  // A reference link prints as a link to its definition's address.
  const linkDefinitions = firstDefinitions(tree);
  const links = new Map([...linkDefinitions].map(([identifier, { url }]) => [identifier, url]));
  for (const node of tree.children) add(node, 0, false);
  const styles = sourceStyles(tree, source, units, linkDefinitions);
  for (const unit of units) unit.style = styles.of(unit);
  return { units, definitions, style: styles.field };
}

/**
 * A footnote definition's text as Markdown of its own: from its first block to its end, the
 * lines after the first unindented by the four spaces that keep them in the definition.
 */
function footnoteContent(source: string, node: FootnoteDefinition): string {
  const start = node.children[0]?.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return source
    .slice(start, end)
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.replace(/^ {1,4}/, '')))
    .join('\n');
}

/** What starts a leaf's first line before its text: the indentation, a quote's `>`, a heading's `#`s. */
function leadOf(node: RootContent, before: string): string {
  if (node.type === 'heading') return `${before}${'#'.repeat(node.depth)} `;
  return before;
}

/** A node's text as the DOCX prints it (see `printedRuns`), formatted, with the year and date marks put back. */
function runsAsBuilt(node: Nodes, links: ReadonlyMap<string, string>): FormattedText[] {
  return printedRuns(node, links).map((run) => ({ ...run, text: restoreDateMarks(run.text) }));
}

/** A unit's text and formatted text from its printed runs. */
function printed(runs: FormattedText[]): { text: string; runs: FormattedText[] } {
  return { text: runs.map((run) => run.text).join(''), runs };
}

function labelsIn(node: RootContent): string[] {
  const labels: string[] = [];
  const visit = (inner: RootContent): void => {
    if (inner.type === 'footnoteReference') labels.push(inner.label ?? inner.identifier);
    if ('children' in inner) for (const childNode of inner.children) visit(childNode);
  };
  visit(node);
  return labels;
}


/**
 * A group's text in one reading; a table's paragraphs (its cells) and a code block's (its
 * lines) are separated by a space, as {@link tableText} and the block's text have them, but
 * for a cell's paragraph split with Enter, which before the review was one with the next.
 */
function groupText(group: readonly ReviewedParagraph[], reading: 'accept' | 'reject'): string {
  return groupFormatted(group, reading)
    .map((run) => run.text)
    .join('');
}

/**
 * A group's text in one reading (see {@link groupText}) with its formatting, as the Markdown
 * of its unit prints it: a code block's without any, a table header row's without its bold,
 * which the layout sets.
 */
function groupFormatted(group: readonly ReviewedParagraph[], reading: 'accept' | 'reject'): FormattedText[] {
  if (!group[0]?.cell && !isCode(group[0])) return group.flatMap((p) => piecesFormatted(p.pieces, reading));
  const runs = group.flatMap((p, index) => {
    const next = group[index + 1];
    const split = reading === 'reject' && p.mark?.kind === 'ins' && next !== undefined && p.cell !== undefined && sameCell(p.cell, next.cell);
    const own = piecesFormatted(p.pieces, reading);
    return [...(p.cell?.row === 0 ? withoutBold(own) : own), ...(next === undefined || split ? [] : [SPACE])];
  });
  return isCode(group[0]) ? plain(runs) : runs;
}

/** A space between two cells' or lines' text. */
const SPACE = plainText(' ');

/**
 * A DOCX's paragraphs grouped as the units of a field, with no changes to follow (`import`):
 * one paragraph each, a table's or a code block's together, the compiler's gaps left out.
 */
export function paragraphUnits(paragraphs: readonly ReviewedParagraph[]): ReviewedParagraph[][] {
  return blocksJoined(paragraphs.map((paragraph) => [paragraph]), gapsIn(paragraphs));
}

/** The gap paragraphs among `paragraphs` (see {@link isGap}). */
function gapsIn(paragraphs: readonly ReviewedParagraph[]): Set<ReviewedParagraph> {
  return new Set(paragraphs.filter((paragraph, index) => isGap(paragraph, paragraphs[index - 1], paragraphs[index + 1])));
}

/** The empty paragraph the compiler puts between two tables or two code blocks, as the reviewer left it. */
function isGap(paragraph: ReviewedParagraph, before: ReviewedParagraph | undefined, after: ReviewedParagraph | undefined): boolean {
  // An item's number alone (an item that starts with a code block, between two) is no gap.
  if (paragraph.cell || paragraph.pieces.length || paragraph.mark || paragraph.list !== null) return false;
  const tables = before?.cell !== undefined && after?.cell !== undefined && before.cell.table !== after.cell.table;
  return tables || (isCode(before) && isCode(after));
}

/** A line of a code block: the DOCX has a paragraph of the code style for each. */
export function isCode(paragraph: ReviewedParagraph | undefined): boolean {
  return paragraph?.style === Style.code;
}

/**
 * Paragraphs as they were before the review: a paragraph whose mark was inserted (a split) joins the
 * next; a group of the reviewer's (every mark or all the text inserted) goes. An item's number alone (an
 * item with no paragraph first, see sourceUnits) was there before, whatever was typed after it.
 */
function originalGroups(paragraphs: readonly ReviewedParagraph[], gaps: ReadonlySet<ReviewedParagraph>): ReviewedParagraph[][] {
  const added = (p: ReviewedParagraph) => p.mark?.kind === 'ins' || (allInserted(p) && p.list === null);
  return blocksJoined(groups(paragraphs, 'ins'), gaps).filter((group) => !group.every(added) || group.some((p) => textOf(p, 'reject') !== ''));
}

/** Paragraphs after accepting: a paragraph whose mark was deleted joins the next; wholly deleted paragraphs go, but for a table's cells. */
function acceptedGroups(paragraphs: readonly ReviewedParagraph[], gaps: ReadonlySet<ReviewedParagraph>): ReviewedParagraph[][] {
  return blocksJoined(groups(paragraphs, 'del'), gaps).map((group) => {
    // A table's cells all stay: its rows pair with the source's lines (see tableBlock).
    const kept = group.filter((p) => p.cell || !(markGone(p, 'accept') && textOf(p, 'accept') === ''));
    return kept.length ? kept : group.slice(-1);
  });
}

/**
 * Whether a paragraph's mark is gone in a reading, so that it is one with the next: an inserted
 * mark when the changes are rejected, a deleted one when they are accepted, and one a reviewer
 * inserted and another deleted again in both.
 */
function markGone(paragraph: ReviewedParagraph, reading: 'accept' | 'reject'): boolean {
  if (reading === 'reject') return paragraph.mark?.kind === 'ins';
  return paragraph.mark?.kind === 'del' || paragraph.markDeleted !== undefined;
}

function groups(paragraphs: readonly ReviewedParagraph[], joining: 'ins' | 'del'): ReviewedParagraph[][] {
  const result: ReviewedParagraph[][] = [];
  let current: ReviewedParagraph[] = [];
  paragraphs.forEach((paragraph, index) => {
    current.push(paragraph);
    // The mark of a cell's last paragraph ends the cell: a row added or deleted joins nothing after it.
    if (!markGone(paragraph, joining === 'del' ? 'accept' : 'reject') || index === paragraphs.length - 1 || !sameCell(paragraph.cell, paragraphs[index + 1]?.cell)) {
      result.push(current);
      current = [];
    }
  });
  return result;
}

/**
 * Groups with the paragraphs of one table, or of one code block (its lines), joined into one:
 * each is one unit of a field, as in its Markdown. The compiler's gap paragraphs (`gaps`)
 * only keep two blocks apart and are left out.
 */
function blocksJoined(groups: readonly ReviewedParagraph[][], gaps: ReadonlySet<ReviewedParagraph>): ReviewedParagraph[][] {
  const result: ReviewedParagraph[][] = [];
  let apart = false;
  for (const group of groups) {
    if (group.every((p) => gaps.has(p))) {
      apart = true;
      continue;
    }
    const table = group[0]?.cell?.table;
    const last = result.at(-1);
    const sameTable = table !== undefined && last?.[0]?.cell?.table === table;
    if (!apart && (sameTable || (isCode(group[0]) && isCode(last?.at(-1))))) last?.push(...group);
    else result.push([...group]);
    apart = false;
  }
  return result;
}

/** Both in the same table cell, or both outside any table. */
function sameCell(a: TableCell | undefined, b: TableCell | undefined): boolean {
  return a?.table === b?.table && a?.row === b?.row && a?.column === b?.column;
}

function allInserted(paragraph: ReviewedParagraph): boolean {
  // A paragraph without text (a thematic break) was not inserted unless its mark was.
  return paragraph.pieces.length > 0 && paragraph.pieces.every((piece) => piece.revision?.kind === 'ins');
}

/** No change in the paragraph's text or formatting; an inserted mark (a paragraph added after it) does not count. */
function untouched(paragraph: ReviewedParagraph): boolean {
  return paragraph.mark?.kind !== 'del' && paragraph.pieces.every((piece) => !piece.revision && !piece.formatChanged);
}

/** The paragraph's text after accepting or rejecting every change. */
export function textOf(paragraph: ReviewedParagraph, reading: 'accept' | 'reject'): string {
  const dropped = reading === 'accept' ? 'del' : 'ins';
  return paragraph.pieces
    .filter((piece) => piece.revision?.kind !== dropped)
    .map((piece) => piece.text)
    .join('');
}

function normalise(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** DOCX footnote id → the field's label, pairing the references in order. */
function footnoteMap(originals: readonly ReviewedParagraph[][], units: readonly SourceUnit[]): Map<string, string> {
  const map = new Map<string, string>();
  originals.forEach((group, index) => {
    const ids = group.flatMap((p) => p.pieces.flatMap((piece) => (piece.footnote !== undefined && piece.revision?.kind !== 'ins' ? [piece.footnote] : [])));
    const labels = units[index]?.footnotes ?? [];
    ids.forEach((id, position) => {
      const label = labels[position];
      if (label) map.set(id, label);
    });
  });
  return map;
}

/**
 * DOCX footnote id → the field's label, pairing every original reference of the field with
 * the source's labels in order: for a field edited without track changes, whose paragraphs
 * no longer pair one to one. References beyond the source's count are the reviewer's own.
 */
function footnotesInOrder(originals: readonly ReviewedParagraph[][], units: readonly SourceUnit[]): Map<string, string> {
  const ids = originals.flat().flatMap((p) => p.pieces.flatMap((piece) => (piece.footnote !== undefined && piece.revision?.kind !== 'ins' ? [piece.footnote] : [])));
  const labels = units.flatMap((unit) => unit.footnotes);
  return new Map(ids.flatMap((id, position) => {
    const label = labels[position];
    return label ? [[id, label] satisfies [string, string]] : [];
  }));
}

/**
 * `lost`, when given, also gets the notes about a change the Markdown cannot hold (a footnote the
 * reviewer added). In a table's cell (`cell`), every pipe is escaped, in inline code and link
 * addresses too: GFM ends the cell at any other; a number, `-` or `#` at its start is not, as it
 * would be at a paragraph's.
 */
export function inlineMarkdown(pieces: readonly Piece[], footnotes: Map<string, string>, notes: string[], lost?: string[], cell = false, style: SourceStyle = DEFAULT_STYLE): string {
  let result = '';
  let index = 0;
  while (index < pieces.length) {
    const piece = pieces[index];
    if (!piece) break;
    if (piece.symbol !== undefined) {
      unreadSymbol(piece.symbol, result, notes, lost);
      index += 1;
      continue;
    }
    if (piece.footnote !== undefined) {
      const label = footnotes.get(piece.footnote);
      if (label) result += `[^${label}]`;
      else {
        const sentence = 'a footnote the reviewer added cannot be carried over: add it to the YAML by hand';
        notes.push(sentence);
        lost?.push(sentence);
      }
      index += 1;
      continue;
    }
    const span = linkSpan(pieces, index);
    if (span) {
      // One link around its parts, each written with its own formatting.
      const [, lead = '', text = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(inlineMarkdown(span.parts, footnotes, notes, lost, cell, style)) ?? [];
      result += `${lead}${linked(text, span.link, cell, style, trail ? ' ' : firstCharOf(pieces[span.end]))}${trail}`;
      index = span.end;
      continue;
    }
    let text = '';
    let end = index;
    while (end < pieces.length) {
      const next = pieces[end];
      if (!next || next.footnote !== undefined || next.symbol !== undefined || !sameFormat(next, piece) || next.link !== piece.link) break;
      text += next.text.replace(/\n/g, HARD_BREAK);
      end += 1;
    }
    result += formatted(text.replace(/\u00a0/g, ' '), piece, cell, style, result.slice(-1), firstCharOf(pieces[end]));
    index = end;
  }
  // What would start a list, quote or heading at a paragraph's start is text in a cell, which holds inline content only.
  return cell ? result : result.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+>#])/, '\\$1');
}

/**
 * Says that a symbol briefing cannot read (see `Piece.symbol`) is left out, and where: after the
 * last words of `before`, the text written before it in its paragraph.
 */
function unreadSymbol(symbol: string, before: string, notes: string[], lost?: string[]): void {
  const words = before.replace(/\s+/g, ' ').trim().split(' ').slice(-4).join(' ');
  const place = words ? `after “${words}”` : 'at the start of a paragraph';
  const sentence = `a symbol inserted in Word (${symbol}) ${place} has no Unicode character briefing knows, so it cannot be written into the YAML: type the character meant there by hand`;
  notes.push(sentence);
  lost?.push(sentence);
}

/**
 * `text` of `piece` as Markdown, as `style` writes it: its marks for bold and italic where
 * underscores can stand (`before` and `after`, the characters around it, are no letters or
 * digits: `ped__agogu__` would not be bold), else asterisks; a link as the reference the source
 * writes its address with, else inline.
 */
function formatted(text: string, piece: Piece, cell: boolean, style: SourceStyle, before: string, after: string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  if (!core) return text;
  // An address written as itself is left bare, as GFM's autolinks have it.
  if (piece.link && isAutolink(core, piece.link)) return `${lead}${'angle' in (style.links.get(linkKey(piece.link)) ?? {}) ? `<${core}>` : core}${trail}`;
  let inner = piece.code ? codeSpan(core) : escapeText(core);
  if (piece.code && cell) inner = inner.replaceAll('|', '\\|');
  const apart = (char: string): boolean => char === '' || /[\s\p{P}\p{S}]/u.test(char);
  const { strong, emphasis } = apart(lead ? ' ' : before) && apart(trail ? ' ' : after) ? style : DEFAULT_STYLE;
  if (piece.bold && piece.italic) inner = strong === '**' && emphasis === '*' ? `***${inner}***` : `${strong}${emphasis}${inner}${emphasis}${strong}`;
  else if (piece.bold) inner = `${strong}${inner}${strong}`;
  else if (piece.italic) inner = `${emphasis}${inner}${emphasis}`;
  if (piece.strike) inner = `~~${inner}~~`;
  return `${lead}${piece.link === undefined ? inner : linked(inner, piece.link, cell, style, trail ? ' ' : after)}${trail}`;
}

/**
 * A link around `text` (Markdown): the reference the source writes its address with, else inline,
 * with the destination as the source writes it (its title kept). `next`: the character after it.
 */
function linked(text: string, link: string, cell: boolean, style: SourceStyle, next: string): string {
  const reference = style.references.get(linkKey(link));
  if (reference) return referenceLink(text, reference, next);
  const inline = style.links.get(linkKey(link));
  return `[${text}](${inline && 'destination' in inline ? inline.destination : cell ? link.replaceAll('|', '%7C') : link})`;
}

/**
 * A link whose text is formatted in parts (`[saite ar **treknu**](…)`) from `start`: its address
 * and its pieces without it, to be written inside one link (as pieces of their own, each part
 * would be a link of its own), and where it ends. Undefined when `start` is no link, or its
 * text is formatted alike throughout.
 */
function linkSpan(pieces: readonly Piece[], start: number): { link: string; parts: Piece[]; end: number } | undefined {
  const first = pieces[start];
  const link = first?.link;
  if (!first || link === undefined || first.footnote !== undefined || first.symbol !== undefined) return undefined;
  let end = start;
  while (end < pieces.length && pieces[end]?.link === link && pieces[end]?.footnote === undefined && pieces[end]?.symbol === undefined) end += 1;
  const span = pieces.slice(start, end);
  if (span.every((piece) => sameFormat(piece, first))) return undefined;
  return { link, parts: span.map((piece) => ({ ...piece, link: undefined })), end };
}

/** The first character `piece` writes, for what stands after the text before it: `[` for a footnote reference; '' at the end. */
function firstCharOf(piece: Piece | undefined): string {
  return piece?.footnote !== undefined ? '[' : (piece?.text.charAt(0) ?? '');
}

/** Text as Markdown that reads as that text: every character Markdown could read as syntax escaped, and an `&` that would start a character entity ("&amp;" typed as such). */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/**
 * `markdown` with the text the DOCX printed for an image or raw HTML of the source (`literals`,
 * in order) written as that Markdown again, where it stands as written (escaped, as text is):
 * else `![alt](address)` would come back as the text `\[alt\]`, its address lost, and `<b>` as `\<b\>`.
 */
function withLiterals(markdown: string, literals: SourceStyle['literals']): string {
  let result = markdown;
  let from = 0;
  for (const { printed, markdown: source } of literals) {
    const at = result.indexOf(escapeText(printed), from);
    if (at < 0) continue;
    result = result.slice(0, at) + source + result.slice(at + escapeText(printed).length);
    from = at + source.length;
  }
  return result;
}

/** Whether the link's text is its address as GFM would find it in text: `www.…`, `https://…`, an email. */
function isAutolink(text: string, url: string): boolean {
  if (!/^[\w.\-/:@?=&%#~+]+$/.test(text) || /[.:]$/.test(text)) return false;
  return (url === text && /^https?:\/\//i.test(text)) || (url === `http://${text}` && /^www\./i.test(text)) || (url === `mailto:${text}` && text.includes('@'));
}

/** Inline code in backticks enough that none inside closes it. */
function codeSpan(text: string): string {
  const ticks = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** Stands for a hard line break (a Word line break) in written Markdown until {@link wrap} writes it as `\` at a line's end. */
const HARD_BREAK = '\uE012';

/** The text on one line: a hard line break as a space (a heading or a table cell holds none). */
function oneLine(text: string): string {
  return text.replaceAll(HARD_BREAK, ' ').replace(/\s+/g, ' ');
}

/**
 * Wraps at `width` ({@link WIDTH}; Infinity for a paragraph written on one line) on spaces, never before a word that would start a list or heading, nor
 * inside "28 %" or "11 352"; a hard line break stays one, written as `\` at the line's end.
 * `lead` starts the first line as it is written (a nested item's `>    - `, whose spaces are
 * its place in the quote); `under` starts each line after it: the indentation that puts it under
 * the text, after a quote's `>` (`>      `), so the quote's lines all show it as written ones do.
 */
export function wrap(text: string, under: string, lead = '', width = WIDTH): string {
  return text
    .split(HARD_BREAK)
    .map((part, index) => (index === 0 ? wrapped(part, under, lead, width) : under + wrapped(part.trimStart(), under, '', width)))
    .join('\\\n');
}

function wrapped(text: string, under: string, lead: string, width: number): string {
  const words = text.replace(/[ \t]*\n[ \t]*/g, ' ').split(/ +/);
  const lines: string[] = [];
  let line = lead;
  // Whether the line holds no word yet (only the lead).
  let bare = true;
  for (const word of words) {
    if (bare && !word) continue;
    // A word that would make the next line a block of its own (an item, a heading, a quote, a fence, HTML) stays on this one,
    // and so does one that check would take for a pasted list's mark at a line's start ("–", Word's "o", "a)", "(ii)").
    // An autolink (`<https://…>`) is none: no block starts with a scheme's colon.
    const starts = /^(\d{1,9}[.)]|[-+*]|#{1,6}|=+|-+|[–—o]|\(?[a-z]{1,4}\))$/.test(word) || (/^(>|<|`{3}|~{3})/.test(word) && !/^<[a-z][a-z\d+.-]{1,31}:/i.test(word));
    // "28 %" and "11 352" stay on one line: the report keeps them together only within a line.
    const keptWithPrevious = word.startsWith('%') || (/\d$/.test(line) && /^\d{3}(?!\d)/.test(word));
    if (!bare && line.length + 1 + word.length > width && !starts && !keptWithPrevious) {
      lines.push(line);
      line = under + word;
    } else line = bare ? line + word : `${line} ${word}`;
    bare = false;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
