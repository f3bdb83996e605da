import { segmentsOf } from '../blocks.js';
import type { DocumentDiff } from '../compare.js';
import { withUniqueLabels } from './unique-labels.js';

/**
 * Version of the shape of `diff --format json`, as `check --format json` has one: raised only when
 * a field changes meaning or goes away (docs/diff.md).
 */
export const DIFF_JSON_VERSION = 1;

/**
 * The structured diff for tools: versions, metadata changes, the stat, and every
 * block with its status and text segments (a table's cells too, row by row). Joining a
 * block's `equal` and `insert` segments gives its new text; `equal` and `delete`, its old text.
 * Each note has a label of its own, as in the Markdown (see {@link withUniqueLabels}).
 */
export function formatJson(diff: DocumentDiff, stat: boolean): string {
  const { tree: _tree, blocks, ...rest } = diff;
  // The same head as the full form, `kind` too: a tool tells a meeting's stat (with its `report` line) from a position's.
  if (stat) return `${JSON.stringify({ version: DIFF_JSON_VERSION, kind: diff.kind, file: diff.file, from: diff.from, to: diff.to, equal: diff.equal, stat: diff.stat }, null, 2)}\n`;
  // `within`, `listStart` and `tight` are for the Markdown: its holders are objects shared by the blocks in them.
  const flat = withUniqueLabels(blocks).map(({ content, rows, within: _within, listStart: _listStart, tight: _tight, ...block }) => ({
    ...block,
    // A line wrapped in the YAML is a space, as the report reads it; "\n" is a hard line break. A code block's lines are its own.
    segments: segmentsOf(content, '\n', block.kind === 'code' ? undefined : ' '),
    ...(rows ? { rows: rows.map((row) => ({ status: row.status, cells: row.cells.map((cell) => segmentsOf(cell, '\n', ' ')) })) } : {}),
  }));
  return `${JSON.stringify({ version: DIFF_JSON_VERSION, ...rest, blocks: flat }, null, 2)}\n`;
}
