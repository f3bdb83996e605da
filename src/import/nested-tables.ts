import type { ReviewedParagraph, TableCell } from '../review/reviewed-docx.js';

/** The cell of the outermost table a paragraph is in (the cell itself when its table is set in no other); undefined outside tables. */
export function outermostCell(paragraph: ReviewedParagraph): TableCell | undefined {
  let cell = paragraph.cell;
  while (cell?.outer) cell = cell.outer;
  return cell;
}

/**
 * The paragraph taken out of its outermost table, as an answer's paragraph out of a table of questions:
 * out of any table when it was in one only; in a table set in that table's cell, in that table still.
 */
export function outOfOutermostTable(paragraph: ReviewedParagraph): ReviewedParagraph {
  const { cell, ...rest } = paragraph;
  const inner = cell ? withoutOutermost(cell) : undefined;
  return inner ? { ...rest, cell: inner } : rest;
}

function withoutOutermost(cell: TableCell): TableCell | undefined {
  if (!cell.outer) return undefined;
  const { outer, ...rest } = cell;
  const within = withoutOutermost(outer);
  return within ? { ...rest, outer: within } : rest;
}

/**
 * Paragraphs of a field as Markdown can hold them: a Markdown table has no table in its cells, so the
 * paragraphs of a table set in another's cell are that cell's, one after another; `nested` is how
 * many such tables there were, for a note.
 */
export function nestedTablesFlattened(paragraphs: readonly ReviewedParagraph[]): { paragraphs: ReviewedParagraph[]; nested: number } {
  const tables = new Set<number>();
  const flat = paragraphs.map((paragraph) => {
    const outermost = outermostCell(paragraph);
    if (!paragraph.cell?.outer || !outermost) return paragraph;
    tables.add(paragraph.cell.table);
    return { ...paragraph, cell: outermost };
  });
  return { paragraphs: flat, nested: tables.size };
}
