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
  for (const { index, context, gap } of blocksInView(diff.blocks)) {
    const block = diff.blocks[index];
    if (!block) continue;
    lines.push('');
    if (gap) lines.push(chalk.dim('…'), '');
    lines.push(context ? chalk.dim(shorten(prefix(block) + plain(block))) : prefix(block) + marked(block, chalk) + moved(block, chalk));
  }
  lines.push('');
  return lines.join('\n');
}

function prefix(block: DiffBlock): string {
  if (block.kind === 'item') return `${'   '.repeat(block.depth)}${block.marker ?? '–'} `;
  if (block.kind === 'footnote') return `[^${block.label ?? ''}]: `;
  if (block.kind === 'note') return '> ';
  return '';
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

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > CONTEXT ? `${line.slice(0, CONTEXT - 1)}…` : line;
}
