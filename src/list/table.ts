import { oneLine } from '../diagnostics/human.js';
/** A column of a plain-text table. */
export interface Column {
  title: string;
  align?: 'left' | 'right';
  /** May be shortened (with "…") to fit the width; the others never are. */
  flexible?: boolean;
  /** The narrowest a flexible column gets. */
  min?: number;
}

/** The cells as a table shows them: a control character a cell quotes from a file (U+009B, which some terminals take for an escape) as an escape. */
function shownCells(cellRows: readonly (readonly string[])[]): string[][] {
  return cellRows.map((row) => row.map(oneLine));
}

/** Each column's width before any is shortened: its widest cell as shown, or its title. */
export function naturalWidths(columns: readonly Column[], cellRows: readonly (readonly string[])[]): number[] {
  return widthsOf(columns, shownCells(cellRows));
}

/** {@link naturalWidths} of cells already as shown. */
function widthsOf(columns: readonly Column[], rows: readonly (readonly string[])[]): number[] {
  return columns.map((column, i) => Math.max(column.title.length, ...rows.map((row) => (row[i] ?? '').length)));
}

/**
 * Lays out rows under their titles, two spaces between columns, within `width`
 * characters: flexible columns give up room first, their cells ending in "…".
 */
export function formatTable(columns: readonly Column[], cellRows: readonly (readonly string[])[], width: number): string[] {
  const rows = shownCells(cellRows);
  const widths = widthsOf(columns, rows);
  const total = () => widths.reduce((sum, w) => sum + w, 0) + 2 * (columns.length - 1);
  for (let i = columns.length - 1; i >= 0 && total() > width; i--) {
    const column = columns[i];
    if (!column?.flexible) continue;
    const current = widths[i] ?? 0;
    widths[i] = Math.max(column.min ?? column.title.length, current - (total() - width));
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        const fitted = cell.length > w ? `${cell.slice(0, Math.max(0, w - 1))}…` : cell;
        return columns[i]?.align === 'right' ? fitted.padStart(w) : fitted.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), ...rows.map(line)];
}
