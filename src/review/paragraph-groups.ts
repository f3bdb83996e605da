/** A reviewed field's paragraphs grouped as the Markdown paragraphs, items and tables they were built from, before and after the changes. */

import { Style } from '../model/reference-docx.js';
import { piecesFormatted, plain, plainText, withoutBold, type FormattedText } from './formatting.js';
import type { ReviewedParagraph, TableCell } from './reviewed-docx.js';

/**
 * A group's text in one reading; a table's paragraphs (its cells) and a code block's (its
 * lines) are separated by a space, as {@link tableText} and the block's text have them, but
 * for a cell's paragraph split with Enter, which before the review was one with the next.
 */
export function groupText(group: readonly ReviewedParagraph[], reading: 'accept' | 'reject'): string {
  return groupFormatted(group, reading)
    .map((run) => run.text)
    .join('');
}

/**
 * A group's text in one reading (see {@link groupText}) with its formatting, as the Markdown
 * of its unit prints it: a code block's without any, a table header row's without its bold,
 * which the layout sets.
 */
export function groupFormatted(group: readonly ReviewedParagraph[], reading: 'accept' | 'reject'): FormattedText[] {
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
export const SPACE = plainText(' ');

/**
 * A DOCX's paragraphs grouped as the units of a field, with no changes to follow (`import`):
 * one paragraph each, a table's or a code block's together, the compiler's gaps left out.
 */
export function paragraphUnits(paragraphs: readonly ReviewedParagraph[]): ReviewedParagraph[][] {
  return blocksJoined(paragraphs.map((paragraph) => [paragraph]), gapsIn(paragraphs));
}

/** The gap paragraphs among `paragraphs` (see {@link isGap}). */
export function gapsIn(paragraphs: readonly ReviewedParagraph[]): Set<ReviewedParagraph> {
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
export function originalGroups(paragraphs: readonly ReviewedParagraph[], gaps: ReadonlySet<ReviewedParagraph>): ReviewedParagraph[][] {
  const added = (p: ReviewedParagraph) => p.mark?.kind === 'ins' || (allInserted(p) && p.list === null);
  return blocksJoined(groups(paragraphs, 'ins'), gaps).filter((group) => !group.every(added) || group.some((p) => textOf(p, 'reject') !== ''));
}

/** Paragraphs after accepting: a paragraph whose mark was deleted joins the next; wholly deleted paragraphs go, but for a table's cells. */
export function acceptedGroups(paragraphs: readonly ReviewedParagraph[], gaps: ReadonlySet<ReviewedParagraph>): ReviewedParagraph[][] {
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
export function markGone(paragraph: ReviewedParagraph, reading: 'accept' | 'reject'): boolean {
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

/** Every piece of the paragraph inserted with track changes: a paragraph the reviewer added. */
export function allInserted(paragraph: ReviewedParagraph): boolean {
  // A paragraph without text (a thematic break) was not inserted unless its mark was.
  return paragraph.pieces.length > 0 && paragraph.pieces.every((piece) => piece.revision?.kind === 'ins');
}

/** No change in the paragraph's text or formatting; an inserted mark (a paragraph added after it) does not count. */
export function untouched(paragraph: ReviewedParagraph): boolean {
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
