import type { AlignType } from 'mdast';
import { escapeMarkdown } from '../../render/escape.js';
import type { DiffBlock } from '../blocks.js';
import type { DocumentDiff } from '../compare.js';
import { inlineMarkdown } from '../inline-markdown.js';
import type { DiffRow } from '../table.js';
import { changeLine, versionLabel } from './labels.js';
import { statTable } from './stat.js';

/**
 * The diff as Markdown with CriticMarkup — `{++added++}`, `{--removed--}`,
 * `{~~old~>new~~}` — readable as it is and on a code-review page: the changes of
 * status and clearance first, then the whole document with its changes marked.
 */
export function formatMarkdown(diff: DocumentDiff, stat: boolean): string {
  const code = (text: string) => `\`${text}\``;
  const lines = [`# Changes in ${code(diff.file)}`, '', `From ${versionLabel(diff.from, code)} to ${versionLabel(diff.to, code)}.`, ''];
  if (stat) return [...lines, '```', ...statTable(diff.stat), '```', ''].join('\n');
  if (diff.equal) return [...lines, 'No changes.', ''].join('\n');
  if (diff.metadata.length) {
    lines.push('## Status and clearance', '', ...diff.metadata.map((change) => `- ${escapeMarkdown(changeLine(change, diff.kind), false)}`), '');
  }
  lines.push('## Text', '');
  if (diff.blocks.every((block) => block.status === 'equal')) lines.push('The text is unchanged.', '');
  else for (const block of diff.blocks) lines.push(inNote(block, blockMarkdown(block)), '');
  return lines.join('\n');
}

/**
 * A block of a footnote as Markdown keeps it in the note: the note's first block after its
 * `[^label]: `, each line after that and every later block indented by four spaces.
 */
function inNote(block: DiffBlock, markdown: string): string {
  if (block.label === undefined) return markdown;
  const [first = '', ...rest] = markdown.split('\n');
  const indent = (line: string) => (line ? `    ${line}` : line);
  return [block.continued ? indent(first) : `[^${block.label}]: ${first}`, ...rest.map(indent)].join('\n');
}

function blockMarkdown(block: DiffBlock): string {
  const moved = block.moved === 'from' ? ' {>>moved elsewhere<<}' : block.moved === 'to' ? ' {>>moved here<<}' : '';
  const text = inlineMarkdown(block.content, true) + moved;
  switch (block.kind) {
    case 'title':
      return `# ${text}`;
    case 'heading':
      return `## ${text}`;
    case 'item':
      return `${'   '.repeat(block.depth)}${block.marker ?? '-'} ${text}`;
    case 'note':
      return `> ${text}`;
    case 'rule':
      return block.status === 'inserted' ? '{++———++}' : block.status === 'deleted' ? '{--———--}' : '---';
    case 'table':
      return tableMarkdown(block.rows ?? [], block.align ?? []) + moved;
    case 'code':
    case 'html':
      return text.split('\n').map((line) => `    ${line}`).join('\n');
    default:
      return text;
  }
}

/** A table as a GFM table, the first row its header, each cell with its changes marked. */
function tableMarkdown(rows: readonly DiffRow[], align: readonly AlignType[]): string {
  const columns = Math.max(1, rows[0]?.cells.length ?? 0);
  const line = (cells: readonly string[]) => `| ${Array.from({ length: columns }, (_, index) => cells[index] ?? '').join(' | ')} |`;
  const delimiter = Array.from({ length: columns }, (_, index) => DELIMITER[align[index] ?? 'none']);
  const [header, ...body] = rows.map((row) => line(row.cells.map((cell) => inlineMarkdown(cell, false))));
  return [header ?? line([]), line(delimiter), ...body].join('\n');
}

const DELIMITER: Record<'left' | 'center' | 'right' | 'none', string> = { left: ':--', center: ':-:', right: '--:', none: '---' };
