import type { PhrasingContent } from 'mdast';
import type { ChalkInstance } from 'chalk';
import { segmentsOf, type DiffBlock } from '../blocks.js';
import type { DocumentDiff } from '../compare.js';
import { shownText } from '../inline-markdown.js';
import { blocksInView, changeLine, versionLabel } from './labels.js';
import { statTable } from './stat.js';

const CONTEXT = 72;

/**
 * The diff for a terminal: changes of status and clearance, a quiet line for each footnote
 * whose label alone changed, then each changed paragraph with the one before it for context.
 * Colours when `chalk` has them; without, git's word-diff marks: `[-removed-]` and `{+added+}`.
 */
export function formatTerminal(diff: DocumentDiff, stat: boolean, chalk: ChalkInstance): string {
  const lines = [chalk.bold(`diff ${diff.file}`), chalk.dim(`from ${versionLabel(diff.from)}`), chalk.dim(`to   ${versionLabel(diff.to)}`)];
  if (stat) return [...lines, '', ...statTable(diff.stat), ''].join('\n');
  const relabelled = diff.footnoteLabels.map(({ from, to }) => chalk.dim(`footnote [^${from}] is labelled [^${to}] now (labels are not printed)`));
  if (diff.equal) return [...lines, '', 'No changes.', ...relabelled, ''].join('\n');
  if (diff.metadata.length) lines.push('', ...diff.metadata.map((change) => `${chalk.yellow('•')} ${changeLine(change, diff.kind)}`));
  if (relabelled.length) lines.push('', ...relabelled);
  for (const { index, context, gap } of withNoteHeads(diff.blocks, blocksInView(diff.blocks))) {
    const block = diff.blocks[index];
    if (!block) continue;
    lines.push('');
    if (gap) lines.push(chalk.dim('…'), '');
    lines.push(context ? chalk.dim(shorten(prefix(block) + plain(block))) : prefix(block) + marked(block, chalk) + moved(block, chalk));
  }
  lines.push('');
  return lines.join('\n');
}

/**
 * The blocks in view, each later block of a footnote with the note's first block before it,
 * so that the reader sees which note it is in (its label is printed on the first block only).
 */
function withNoteHeads(blocks: readonly DiffBlock[], view: readonly { index: number; context: boolean }[]): { index: number; context: boolean; gap: boolean }[] {
  const shown = new Map(view.map(({ index, context }) => [index, context]));
  for (const { index } of view) {
    let head = index;
    while (head > 0 && blocks[head]?.continued && blocks[head - 1]?.label === blocks[index]?.label) head--;
    if (!shown.has(head)) shown.set(head, true);
  }
  const indices = [...shown.keys()].sort((a, b) => a - b);
  return indices.map((index, at) => ({ index, context: shown.get(index) ?? true, gap: at > 0 && index - 1 > (indices[at - 1] ?? index) }));
}

/** A footnote's label before its first block, its later blocks indented under it (as Markdown writes a note), then the block's own mark. */
function prefix(block: DiffBlock): string {
  const note = block.label === undefined ? '' : block.continued ? '    ' : `[^${block.label}]: `;
  if (block.kind === 'item') return `${note}${'   '.repeat(block.depth)}${block.marker ?? '–'} `;
  if (block.kind === 'note') return `${note}> `;
  return note;
}

function plain(block: DiffBlock): string {
  return segmentsOf(block.content)
    .filter((s) => s.op !== 'delete')
    .map((s) => shownText(s.text, 'equal'))
    .join('');
}

function marked(block: DiffBlock, chalk: ChalkInstance): string {
  if (block.rows) return block.rows.map((row) => row.cells.map((cell) => markedContent(cell, chalk)).join(' | ')).join('\n');
  return markedContent(block.content, chalk);
}

function markedContent(content: readonly PhrasingContent[], chalk: ChalkInstance): string {
  const colour = chalk.level > 0;
  return segmentsOf(content)
    .map((s) => {
      // The same words, or another link address: the Markdown shows what changed.
      const text = s.markdown ?? shownText(s.text, s.op);
      if (s.op === 'insert') return colour ? chalk.green.underline(text) : `{+${text}+}`;
      if (s.op === 'delete') return colour ? chalk.red.strikethrough(text) : `[-${text}-]`;
      return text;
    })
    .join('');
}

function moved(block: DiffBlock, chalk: ChalkInstance): string {
  if (block.moved === 'from') return chalk.cyan('  (moved elsewhere)');
  if (block.moved === 'to') return chalk.cyan('  (moved here)');
  return '';
}

/** The text on one line of at most {@link CONTEXT} characters; the indent it starts with is kept. */
function shorten(text: string): string {
  const indent = /^ */.exec(text)?.[0] ?? '';
  const line = indent + text.slice(indent.length).replace(/\s+/g, ' ');
  return line.length > CONTEXT ? `${line.slice(0, CONTEXT - 1)}…` : line;
}
