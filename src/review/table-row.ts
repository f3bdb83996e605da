/**
 * A GFM table row as written in a field's source, for changing one cell of it and leaving the
 * rest of the line as it was (padding, alignment, pipes), so that a reviewer's change of one cell
 * is one changed line in the position's git diff.
 */

/** Where a cell's text, its padding included, stands in a row's line: from just after one pipe to the next. */
export interface CellSpan {
  start: number;
  end: number;
}

/**
 * The cells of a table row's line as GFM splits them: on each pipe not escaped by a backslash
 * (inside inline code too), a pipe at either end of the row only closing it. The line's lead
 * (indentation, a quote's `>`) belongs to no cell.
 */
export function cellSpans(line: string): CellSpan[] {
  const lead = /^[ \t>]*/.exec(line)?.[0].length ?? 0;
  const end = line.trimEnd().length;
  const pipes: number[] = [];
  for (let at = lead; at < end; at++) {
    if (line[at] === '\\') at += 1;
    else if (line[at] === '|') pipes.push(at);
  }
  // A pipe at the row's start or end is a border, not a cell's edge inside the row.
  const opening = pipes[0] === lead ? lead : lead - 1;
  const closing = pipes.at(-1) === end - 1 && end - 1 > opening ? end - 1 : end;
  const edges = [opening, ...pipes.filter((at) => at > opening && at < closing), closing];
  return edges.slice(1).map((edge, index) => ({ start: (edges[index] ?? 0) + 1, end: edge }));
}

/**
 * `text` written in the place of `raw` (a cell as its source has it). In a column whose rows are
 * all as wide (`width`: an editor lined the pipes up) it is padded to that width on the side the
 * source padded it (more than one space before its text: right-aligned; on both sides: centred),
 * or overflows it with one space each side when it no longer fits. In a column whose rows are not
 * all as wide, a cell the source padded (more than one space on a side) is padded so to its own
 * width; any other keeps its own margins, at most one space each side.
 */
export function fitted(text: string, raw: string, width?: number): string {
  const blank = raw.trim() === '';
  const before = blank ? 1 : raw.length - raw.trimStart().length;
  const after = blank ? 1 : raw.length - raw.trimEnd().length;
  const left = Math.min(before, 1);
  const right = Math.min(after, 1);
  const own = width ?? (before > 1 || after > 1 ? raw.length : undefined);
  const room = own === undefined ? 0 : own - text.length - left - right;
  if (room < 0) return ` ${text} `;
  if (before > 1 && after > 1) {
    const half = Math.floor(room / 2);
    return `${' '.repeat(left + half)}${text}${' '.repeat(right + room - half)}`;
  }
  if (before > 1) return `${' '.repeat(left + room)}${text}${' '.repeat(right)}`;
  return `${' '.repeat(left)}${text}${' '.repeat(right + room)}`;
}

/** For each column, the width its cells have in every one of `lines` (a table's source), or undefined when they differ. */
export function columnWidths(lines: readonly string[]): (number | undefined)[] {
  const spans = lines.map(cellSpans);
  const columns = Math.max(0, ...spans.map((row) => row.length));
  return Array.from({ length: columns }, (_, column) => {
    const widths = new Set(spans.map((row) => (row[column] ? row[column].end - row[column].start : -1)));
    const [width] = widths;
    return widths.size === 1 && width !== undefined && width >= 0 ? width : undefined;
  });
}

/** `line` with the cells at the given columns (0 first) written anew as `cells` says, fitted (see {@link fitted}); undefined when the line has no such cell. */
export function patchedRow(line: string, cells: ReadonlyMap<number, string>, widths: readonly (number | undefined)[]): string | undefined {
  const spans = cellSpans(line);
  let result = line;
  // From the last cell back, so the earlier cells' places hold.
  for (const [column, text] of [...cells].sort(([a], [b]) => b - a)) {
    const span = spans[column];
    if (!span) return undefined;
    result = result.slice(0, span.start) + fitted(text, line.slice(span.start, span.end), widths[column]) + result.slice(span.end);
  }
  return result;
}

/** A row written for `cells`, each fitted (see {@link fitted}) as the same column's cell in `model` (a row of the source), with `model`'s lead and border pipes (or none). */
export function modelledRow(model: string, cells: readonly string[], widths: readonly (number | undefined)[]): string {
  const spans = cellSpans(model);
  const lead = /^[ \t>]*/.exec(model)?.[0] ?? '';
  const written = cells.map((text, column) => {
    const span = spans[column];
    return span ? fitted(text, model.slice(span.start, span.end), widths[column]) : ` ${text} `;
  });
  // The border pipes are there when the first cell starts after one and the last ends before one.
  const opening = spans[0]?.start === lead.length + 1 ? '|' : '';
  const closing = spans.at(-1)?.end === model.trimEnd().length - 1 ? '|' : '';
  return `${lead}${opening}${written.join('|')}${closing}`;
}
