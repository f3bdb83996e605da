import type { AlignType, PhrasingContent } from 'mdast';
import { escapeMarkdown } from '../../render/escape.js';
import { BULLET, RULE, segmentsOf, withoutMarkSpace, type Container, type DiffBlock } from '../blocks.js';
import type { DocumentDiff } from '../compare.js';
import { inlineMarkdown } from '../inline-markdown.js';
import type { DiffRow } from '../table.js';
import { blockNote, changeLine, unshownNote, versionLabel } from './labels.js';
import { statTable } from './stat.js';
import { withUniqueLabels } from './unique-labels.js';

/**
 * The diff as Markdown with CriticMarkup — `{++added++}`, `{--removed--}`,
 * `{~~old~>new~~}` — readable as it is and on a code-review page: the changes of
 * status and clearance first, then the whole document with its changes marked.
 */
export function formatMarkdown(diff: DocumentDiff, stat: boolean): string {
  const code = (text: string) => `\`${text}\``;
  const lines = [`# Changes in ${code(diff.file)}`, '', `From ${versionLabel(diff.from, code)} to ${versionLabel(diff.to, code)}.`, ''];
  if (stat) return [...lines, '```', ...statTable(diff.stat), '```', ''].join('\n');
  if (diff.equal) return [...lines, 'No changes.', ...unshownNote(diff.unshown, code, diff.unshownFiles).flatMap((line) => ['', line]), ''].join('\n');
  if (diff.metadata.length) {
    lines.push('## Status and clearance', '', ...diff.metadata.map((change) => `- ${escapeMarkdown(changeLine(change, diff.kind), false)}`), '');
  }
  lines.push('## Text', '');
  if (diff.blocks.every((block) => block.status === 'equal')) lines.push('The text is unchanged.', '');
  else lines.push(...blocksMarkdown(withUniqueLabels(diff.blocks)), '');
  return lines.join('\n');
}

/**
 * The blocks as Markdown lines, a blank line between two, each block kept in the quotes,
 * footnotes and list items it is in: a holder's opening mark (`> `, `[^label]: `) begins its
 * first line, the holder's indent (`> `, four spaces, the item's indent) every line after that,
 * the blank lines between its blocks too (`>`).
 */
function blocksMarkdown(blocks: readonly DiffBlock[]): string[] {
  const opened = new Set<Container>();
  const lines: string[] = [];
  let previous: readonly Container[] = [];
  blocks.forEach((block, index) => {
    const within = block.within ?? [];
    // Items of a tight list follow one another without a blank line, as written (a nested one its item too); a list right after another keeps it, and the comment between.
    const tight = block.tight && blocks[index - 1]?.tight && !(block.listStart && followsList(blocks, index));
    if (lines.length && !tight) {
      let shared = 0;
      while (shared < within.length && within[shared] === previous[shared]) shared++;
      lines.push(within.slice(0, shared).map(indentOf).join('').trimEnd());
    }
    const first = within.map((container) => (opened.has(container) ? indentOf(container) : openingOf(container))).join('');
    const rest = within.map(indentOf).join('');
    // An empty comment ends the list before, as the report writes two lists in a row; the list would go on otherwise.
    if (block.listStart && followsList(blocks, index)) lines.push(`${rest}<!-- -->`, rest.trimEnd());
    within.forEach((container) => opened.add(container));
    blockMarkdown(block, blocks[index - 1])
      .split('\n')
      .forEach((line, index) => {
        const lead = index ? rest : first;
        lines.push(line ? lead + line : lead.trimEnd());
      });
    previous = within;
  });
  return lines;
}

/**
 * Whether the list that starts at `blocks[index]` comes right after another list in the same
 * holders: after one of its items, or a block in one, with only blocks deleted or inserted whole
 * between them (accepting or rejecting the changes would leave the two lists side by side).
 */
function followsList(blocks: readonly DiffBlock[], index: number): boolean {
  const within = blocks[index]?.within ?? [];
  for (let at = index - 1; at >= 0; at--) {
    const before = blocks[at];
    const chain = before?.within ?? [];
    if (!before || !within.every((container, level) => chain[level] === container)) return false;
    if (chain.length === within.length ? before.kind === 'item' : chain[within.length]?.kind === 'item') return true;
    if (before.status !== 'inserted' && before.status !== 'deleted') return false;
  }
  return false;
}

function openingOf(container: Container): string {
  if (container.kind === 'footnote') return `[^${container.label}]: `;
  return container.kind === 'item' && container.marker !== undefined ? `${markdownMarker(container.marker)} ` : indentOf(container);
}

/** An item's mark as Markdown: the report prints a bullet as a dash, which Markdown needs as `-` to read a list. */
function markdownMarker(marker: string | undefined): string {
  return marker === undefined || marker === BULLET ? '-' : marker;
}

function indentOf(container: Container): string {
  if (container.kind === 'quote') return '> ';
  if (container.kind === 'footnote') return '    ';
  return ' '.repeat(container.indent);
}

/** A block as Markdown, its changes in CriticMarkup; `previous`, the block before it, may have broken off the paragraph it goes on. */
function blockMarkdown(block: DiffBlock, previous: DiffBlock | undefined): string {
  const found = blockNote(block);
  const { opening } = paragraphBreak(block);
  const words = inlineMarkdown(withoutMarkSpace(block).content, true);
  const noted = found ? `${words ? ' ' : ''}{>>${found}<<}` : '';
  const text = (previous ? paragraphBreak(previous).closing : '') + words + opening + noted;
  switch (block.kind) {
    case 'title':
    case 'heading':
      // A heading ending in `#`s, as written or once changes are taken, would lose them as its closing marks: it gets marks of its own.
      return `${headingMark(block)} ${text}${text.includes('#') ? ' #' : ''}`;
    case 'item': {
      // A nested item is indented by the items it is in (its `within`), each by its own marker's width; a
      // line after a hard line break, under the item's text.
      const marker = markdownMarker(block.marker);
      return `${marker} ${text.split('\n').join(`\n${' '.repeat(marker.length + 1)}`)}`;
    }
    case 'rule':
      return block.status === 'inserted' ? `{++${RULE}++}` : block.status === 'deleted' ? `{--${RULE}--}` : '---';
    case 'table':
      return tableMarkdown(block.rows ?? [], block.align ?? []) + noted;
    case 'code':
    case 'html':
      return fencedCode(rawMarkdown(block.content) + noted, block.info);
    default:
      return text;
  }
}

/**
 * A paragraph split or joined after `block`, as CriticMarkup around the blank line between the two
 * parts: the break added, `{++` then `++}`, or the space there replaced by it, `{~~ ~>` then `~~}`
 * (as a reader of the older version had it: one space); removed, `{--` and `--}`, or `{~~` and `~> ~~}`.
 */
function paragraphBreak(block: DiffBlock): { opening: string; closing: string } {
  const spaced = withoutMarkSpace(block).space !== undefined;
  if (block.paragraphMark === 'inserted') return spaced ? { opening: '{~~ ~>', closing: '~~}' } : { opening: '{++', closing: '++}' };
  if (block.paragraphMark === 'deleted') return spaced ? { opening: '{~~', closing: '~> ~~}' } : { opening: '{--', closing: '--}' };
  return { opening: '', closing: '' };
}

/** A heading's `#`s, as many as its level; a level changed as a substitution, `{~~##~>###~~}`. */
function headingMark({ level = 2, levelBefore }: DiffBlock): string {
  const mark = (depth: number) => '#'.repeat(depth);
  return levelBefore === undefined ? mark(level) : `{~~${mark(levelBefore)}~>${mark(level)}~~}`;
}

/**
 * Text as it is written, line by line, escapes too, in a fenced code block: its fence longer than any
 * run of its marks in it, so that it closes where the block does (an indented code block would run on
 * into the next one, or into the list item before it), and with the block's info string (its
 * language …) after the opening one, in a fence of tildes when the info string has a backtick.
 */
function fencedCode(text: string, info = ''): string {
  const mark = info.includes('`') ? '~' : '`';
  const fence = mark.repeat(Math.max(2, ...(text.match(mark === '`' ? /`+/g : /~+/g) ?? []).map((run) => run.length)) + 1);
  return [fence + info, text, fence].join('\n');
}

/** Text as written, its changes in CriticMarkup: for a code block, where nothing is escaped and each line stays one. */
function rawMarkdown(content: readonly PhrasingContent[]): string {
  return segmentsOf(content)
    .map(({ op, text }) => (op === 'insert' ? `{++${text}++}` : op === 'delete' ? `{--${text}--}` : text))
    .join('');
}

/** A table as a GFM table, the first row its header, each cell with its changes marked. */
function tableMarkdown(rows: readonly DiffRow[], align: readonly AlignType[]): string {
  const columns = Math.max(1, rows[0]?.cells.length ?? 0);
  const line = (cells: readonly string[]) => `| ${Array.from({ length: columns }, (_, index) => cells[index] ?? '').join(' | ')} |`;
  const delimiter = Array.from({ length: columns }, (_, index) => DELIMITER[align[index] ?? 'none']);
  const [header, ...body] = rows.map((row) => line(row.cells.map((cell) => pipesEscaped(inlineMarkdown(cell, false)))));
  return [header ?? line([]), line(delimiter), ...body].join('\n');
}

/**
 * A cell's Markdown with every pipe that would end the cell escaped: a table splits its rows at
 * each `|` not escaped, in inline code too (where GFM reads `\|` as the pipe itself).
 */
function pipesEscaped(markdown: string): string {
  let out = '';
  for (let at = 0; at < markdown.length; at++) {
    const char = markdown[at] ?? '';
    const next = markdown[at + 1];
    if (char === '\\' && (next === '\\' || next === '|')) {
      out += char + next;
      at++;
    } else out += char === '|' ? '\\|' : char;
  }
  return out;
}

const DELIMITER: Record<'left' | 'center' | 'right' | 'none', string> = { left: ':--', center: ':-:', right: '--:', none: '---' };

