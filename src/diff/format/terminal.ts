import type { PhrasingContent } from 'mdast';
import type { ChalkInstance } from 'chalk';
import { RULE, segmentsOf, withoutMarkSpace, type Container, type DiffBlock, type Segment } from '../blocks.js';
import type { DocumentDiff } from '../compare.js';
import { shownText } from '../inline-markdown.js';
import { blockNote, blocksInView, changeLine, unshownNote, versionLabel } from './labels.js';
import { statTable } from './stat.js';
import { PART_TITLES } from '../position-document.js';

const CONTEXT = 72;

/** What a hard line break is in the segments, told apart from a wrapped line (a newline, which is shown as a space): U+2028 LINE SEPARATOR. */
const LINE_BREAK = '\u2028';

/**
 * The diff for a terminal: changes of status and clearance, a quiet line for each footnote
 * whose label alone changed, then each changed paragraph with the one before it for context.
 * Changes between git's word-diff marks, `[-removed-]` and `{+added+}`, coloured when `chalk` has colours.
 */
export function formatTerminal(diff: DocumentDiff, stat: boolean, chalk: ChalkInstance): string {
  const lines = [chalk.bold(`diff ${diff.file}`), chalk.dim(`from ${versionLabel(diff.from)}`), chalk.dim(`to   ${versionLabel(diff.to)}`)];
  if (stat) return [...lines, '', ...statTable(diff.stat), ''].join('\n');
  const relabelled = diff.footnoteLabels.map(({ from, to }) => chalk.dim(`footnote [^${from}] is labelled [^${to}] now (labels are not printed)`));
  if (diff.equal) return [...lines, '', 'No changes.', ...unshownNote(diff.unshown, undefined, diff.unshownFiles).map((line) => chalk.dim(line)), ...relabelled, ''].join('\n');
  if (diff.metadata.length) lines.push('', ...diff.metadata.map((change) => `${chalk.yellow('•')} ${changeLine(change, diff.kind)}`));
  if (relabelled.length) lines.push('', ...relabelled);
  const firsts = firstBlocks(diff.blocks);
  for (const { index, context, gap } of withHeads(diff.blocks, blocksInView(diff.blocks))) {
    const block = diff.blocks[index];
    if (!block) continue;
    lines.push('');
    if (gap) lines.push(chalk.dim('…'), '');
    const { first, rest } = prefixes(block, firsts.get(index));
    if (context) lines.push(chalk.dim(first + shorten(plain(block), CONTEXT - first.length)));
    else lines.push(first + (marked(block, chalk) + note(block, chalk)).split('\n').join(`\n${rest}`));
  }
  lines.push('');
  return lines.join('\n');
}

/**
 * The blocks in view, each later block of a footnote with the note's first block before it,
 * so that the reader sees which note it is in (its label is printed on the first block only),
 * and each block of a position's later part (its speaking points, its English answer) with the
 * part's bold line, so that a changed point is not taken for an item of the answer.
 */
function withHeads(blocks: readonly DiffBlock[], view: readonly { index: number; context: boolean }[]): { index: number; context: boolean; gap: boolean }[] {
  const shown = new Map(view.map(({ index, context }) => [index, context]));
  // A part's line is a paragraph of bold alone (`**Speaking points (speaking_points)**`): only such are read for their text.
  const partHeads = blocks.flatMap((block, index) =>
    block.kind === 'paragraph' && block.depth === 0 && block.content.length === 1 && block.content[0]?.type === 'strong' && PART_TITLES.has(plain(block)) ? [index] : [],
  );
  for (const { index } of view) {
    let head = index;
    while (head > 0 && blocks[head]?.continued && blocks[head - 1]?.label === blocks[index]?.label) head--;
    if (!shown.has(head)) shown.set(head, true);
    const part = partHeads.findLast((at) => at < index);
    if (part !== undefined && !shown.has(part)) shown.set(part, true);
  }
  const indices = [...shown.keys()].sort((a, b) => a - b);
  return indices.map((index, at) => ({ index, context: shown.get(index) ?? true, gap: at > 0 && index - 1 > (indices[at - 1] ?? index) }));
}

/** For each block that is the first in a list item which starts with something other than a paragraph, those items. */
function firstBlocks(blocks: readonly DiffBlock[]): Map<number, Set<Container>> {
  const seen = new Set<Container>();
  const firsts = new Map<number, Set<Container>>();
  blocks.forEach((block, index) => {
    for (const holder of block.within ?? []) {
      if (seen.has(holder)) continue;
      seen.add(holder);
      if (holder.kind === 'item' && holder.marker !== undefined) firsts.set(index, new Set([...(firsts.get(index) ?? []), holder]));
    }
  });
  return firsts;
}

/**
 * What a block's first line and its later lines begin with: the marks of the quotes, notes and
 * items it is in, as Markdown writes them (`> `, a note's label before its first block and four
 * spaces before the others, an item's indent, or its number before its first block when that is no
 * paragraph), then its own (an item's number or dash).
 */
function prefixes(block: DiffBlock, opens: ReadonlySet<Container> = new Set()): { first: string; rest: string } {
  const holders = block.within ?? [];
  const indent = (holder: Container) => (holder.kind === 'quote' ? '> ' : holder.kind === 'footnote' ? '    ' : ' '.repeat(holder.indent));
  const opening = holders.map((holder) => {
    if (holder.kind === 'footnote' && !block.continued) return `[^${holder.label}]: `;
    if (holder.kind === 'item' && holder.marker !== undefined && opens.has(holder)) return `${holder.marker} `;
    return indent(holder);
  });
  const own = block.kind === 'item' ? `${block.marker ?? '–'} ` : '';
  return { first: opening.join('') + own, rest: holders.map(indent).join('') + ' '.repeat(own.length) };
}

function plain(block: DiffBlock): string {
  if (block.kind === 'rule') return RULE;
  // A table's rows would run together on the one line: its last row, the nearest to the change, stands for it.
  const rows = block.rows?.filter((row) => row.status !== 'deleted') ?? [];
  const last = rows.at(-1);
  if (last) return `${rows.length > 1 ? '… ' : ''}${last.cells.map(plainText).join(' | ')}`;
  return plainText(block.content);
}

function plainText(content: DiffBlock['content']): string {
  return segmentsOf(content)
    .filter((s) => s.op !== 'delete')
    .map((s) => shownText(s.text, 'equal'))
    .join('');
}

function marked(block: DiffBlock, chalk: ChalkInstance): string {
  // A thematic break has no words to mark: its line of dashes is marked as the block is.
  if (block.kind === 'rule') return change(blockOp(block.status), RULE, chalk);
  if (block.rows) return block.rows.map((row) => row.cells.map((cell) => markedContent(cell, chalk)).join(' | ')).join('\n');
  return levelChange(block, chalk) + infoLine(block, chalk) + markedContent(withoutMarkSpace(block).content, chalk) + paragraphEnd(block, chalk);
}

/**
 * A paragraph split here or joined to the next one: its end marked `¶`, added or removed. The space
 * the other version has there goes with the break, unmarked; the next part follows as a paragraph of its own.
 */
function paragraphEnd({ paragraphMark }: DiffBlock, chalk: ChalkInstance): string {
  if (!paragraphMark) return '';
  return change(paragraphMark === 'inserted' ? 'insert' : 'delete', '¶', chalk);
}

/** A code block's info string on a line of its own, as its opening fence (` ```yaml `), marked as the block is: another language alone shows. */
function infoLine({ kind, info, status }: DiffBlock, chalk: ChalkInstance): string {
  if (kind !== 'code' || info === undefined) return '';
  return `${change(blockOp(status), `\`\`\`${info}`, chalk)}\n`;
}

/** How a mark of the whole block (a fence's info string, a thematic break's line) is shown: added with an added block, removed with a removed one. */
function blockOp(status: DiffBlock['status']): Segment['op'] {
  return status === 'inserted' ? 'insert' : status === 'deleted' ? 'delete' : 'equal';
}

/** A heading made another level, as its `#`s: `[-##-]{+###+} ` (the words alone would not show it). */
function levelChange({ level, levelBefore }: DiffBlock, chalk: ChalkInstance): string {
  if (level === undefined || levelBefore === undefined) return '';
  return `${change('delete', '#'.repeat(levelBefore), chalk)}${change('insert', '#'.repeat(level), chalk)} `;
}

function markedContent(content: readonly PhrasingContent[], chalk: ChalkInstance): string {
  const segments = segmentsOf(content, LINE_BREAK);
  return segments
    .map((s, index) => {
      // The same words, or another link address: the Markdown shows what changed.
      if (s.markdown !== undefined) return change(s.op, s.markdown, chalk);
      // Whitespace replaced by a hard line break, or the reverse, is no change of whitespace alone (marked ↵, ·): the break shows.
      const partner = s.op === 'delete' ? segments[index + 1] : s.op === 'insert' ? segments[index - 1] : undefined;
      const byBreak = [s, partner].some((found) => found && found.op !== 'equal' && found.text.includes(LINE_BREAK));
      return brokenLines(s.op, shownText(s.text, byBreak ? 'equal' : s.op), chalk);
    })
    .join('');
}

/**
 * Text with its hard line breaks: an unchanged or added one starts a new line, as the newer version
 * prints it, an added one marked `↵` at the end of its line; a removed one is only marked, `↵`.
 */
function brokenLines(op: Segment['op'], text: string, chalk: ChalkInstance): string {
  const lines = text.split(LINE_BREAK);
  if (op === 'delete') return change(op, lines.join('↵'), chalk);
  return lines.map((line, index) => change(op, op === 'insert' && index < lines.length - 1 ? `${line}↵` : line, chalk)).join('\n');
}

/**
 * Text added or removed between git's word-diff marks, in colour too (green and underlined, red and
 * struck through): colour and line alone said nothing to a screen reader, to a terminal that draws
 * no strikethrough (Windows' older console) or to a reader who tells no red from green. Unchanged text as it is.
 */
function change(op: Segment['op'], text: string, chalk: ChalkInstance): string {
  if (!text) return '';
  if (op === 'insert') return chalk.green(`{+${chalk.underline(text)}+}`);
  if (op === 'delete') return chalk.red(`[-${chalk.strikethrough(text)}-]`);
  return text;
}

/** What the block's words cannot show (a move, an empty item added or removed), in brackets after them. */
function note(block: DiffBlock, chalk: ChalkInstance): string {
  const found = blockNote(block);
  return found ? chalk.cyan(`${block.content.length ? '  ' : ''}(${found})`) : '';
}

/** The text on one line of at most `width` characters. */
function shorten(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > width ? `${line.slice(0, Math.max(1, width - 1))}…` : line;
}
