import { parseAsBuilt } from '../util/markdown-pieces.js';
import { alignKeys } from '../diff/align.js';
import { formattedKey, formattingDifferences, withSourceFormatting } from './formatting.js';
import type { FieldReview } from './fields.js';
import type { ReviewedParagraph, Revision } from './reviewed-docx.js';
import { type SourceUnit, sourceUnits } from './source-units.js';
import { groupText, groupFormatted, gapsIn, isCode, originalGroups, acceptedGroups, untouched, textOf } from './paragraph-groups.js';
import { ItemNumbers, paragraphLead, quoteJoined, ruleBlock, type Block, writtenBlock, tableBlock, underMarkers, codeBlock, joinBlocks } from './markdown-blocks.js';

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
    const label = definition.footnote?.label;
    // Every mark of a note deleted (Word deletes the note with its mark): its definition goes too, and the listing shows it go.
    if (definition.footnote && label !== undefined && units.some((unit) => unit.slice.includes(`[^${label}]`)) && !markdown.includes(`[^${label}]`)) {
      before.push(`[^${label}]: ${normalise(definition.footnote.content)}`);
      notes.push(`footnote [^${label}]: the reviewer deleted its mark, so its definition is deleted too`);
      continue;
    }
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
