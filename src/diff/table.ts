import { alignKeys } from './align.js';
import type { PhrasingContent, Table, TableRow } from 'mdast';
import { hasChanges, markInline, mergeInline } from './inline.js';
import { nodeKey } from './tokens.js';

/** How a block (or a table's row) differs between the two versions. */
export type BlockStatus = 'equal' | 'changed' | 'inserted' | 'deleted';

/** One row of a table as the reports show it: its status and each cell's merged content. */
export interface DiffRow {
  status: BlockStatus;
  cells: PhrasingContent[][];
}

/** The rows of a table found in one version only (or in both, unchanged), as they are. */
export function tableRows(table: Table, status: BlockStatus): DiffRow[] {
  return table.children.map((row) => ({ status, cells: row.children.map((cell) => [...cell.children]) }));
}

/** Whether a deleted table and the inserted one after it are one table changed: the same columns. */
export function sameColumns(before: Table, after: Table): boolean {
  return (before.children[0]?.children.length ?? 0) === (after.children[0]?.children.length ?? 0);
}

/**
 * A deleted table and the inserted one that replaced it, shown as one table: rows found in
 * both are kept, the rows removed and added between two kept ones paired in order and
 * compared cell by cell, word by word; the rest deleted or inserted whole.
 */
export function mergeTableRows(before: Table, after: Table, whitespace: boolean): DiffRow[] {
  const oldRows = before.children.map(unmarked);
  const newRows = after.children.map(unmarked);
  const key = (row: TableRow) => nodeKey(row, whitespace);
  const rows: DiffRow[] = [];
  let removed: TableRow[] = [];
  let added: TableRow[] = [];
  const flush = () => {
    removed.forEach((row, index) => {
      const now = added[index];
      rows.push(now ? pairRows(row, now, whitespace) : marked(row, 'deleted'));
    });
    for (const row of added.slice(removed.length)) rows.push(marked(row, 'inserted'));
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  for (const change of alignKeys(oldRows.map(key), newRows.map(key))) {
    if (change.removed) removed.push(...oldRows.slice(i, (i += change.count)));
    else if (change.added) added.push(...newRows.slice(j, (j += change.count)));
    else {
      flush();
      for (const row of newRows.slice(j, j + change.count)) rows.push({ status: 'equal', cells: row.children.map((cell) => [...cell.children]) });
      i += change.count;
      j += change.count;
    }
  }
  flush();
  return rows;
}

/** The rows of a table the redline has in both versions, each with its status: added or removed whole, changed in its cells, or not. */
export function mergedRows(table: Table): DiffRow[] {
  return table.children.map((row) => {
    const cells = row.children.map((cell) => [...cell.children]);
    const revision = row.data?.revision;
    return { status: revision === 'insert' ? 'inserted' : revision === 'delete' ? 'deleted' : cells.some(hasChanges) ? 'changed' : 'equal', cells };
  });
}

function pairRows(before: TableRow, after: TableRow, whitespace: boolean): DiffRow {
  const cells = mergeCells(before, after, whitespace);
  return { status: cells.some(hasChanges) ? 'changed' : 'equal', cells };
}

/** Two versions of a row, cell by cell (as many as the wider has), each cell's words merged; for the rows of a table found in both versions. */
export function mergeCells(before: TableRow, after: TableRow, whitespace: boolean): PhrasingContent[][] {
  const columns = Math.max(before.children.length, after.children.length);
  return Array.from({ length: columns }, (_, index) => mergeInline(before.children[index]?.children ?? [], after.children[index]?.children ?? [], whitespace));
}

function marked(row: TableRow, status: 'deleted' | 'inserted'): DiffRow {
  return { status, cells: row.children.map((cell) => markInline(cell.children, status === 'inserted' ? 'insert' : 'delete')) };
}

/** A row of a table that the merge marked whole, without its marks. */
function unmarked(row: TableRow): TableRow {
  return {
    ...row,
    children: row.children.map((cell) => ({
      ...cell,
      children: cell.children.flatMap((node) => (node.type === 'insertion' || node.type === 'deletion' ? node.children : [node])),
    })),
  };
}
