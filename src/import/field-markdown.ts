import { codeBlock, ItemNumbers, joinBlocks, paragraphLead, quoteJoined, ruleBlock, tableBlock, writtenBlock, type Block } from '../review/markdown-blocks.js';
import { inlineMarkdown, wrap } from '../review/inline-markdown.js';
import { isCode, paragraphUnits } from '../review/paragraph-groups.js';
import type { ReviewedDocument, ReviewedParagraph } from '../review/reviewed-docx.js';
import { nestedTablesFlattened } from './nested-tables.js';

/**
 * Paragraphs → Markdown: blank lines between paragraphs, `1)` items, footnotes numbered from 1 within the field;
 * a table set in a table's cell as that cell's paragraphs, with a note saying where (`where`: "in the background").
 */
export function markdownOf(written: readonly ReviewedParagraph[], document: ReviewedDocument, notes: string[], where = 'in the report'): string {
  const { paragraphs, nested } = nestedTablesFlattened(written);
  if (nested) {
    notes.push(`${nested === 1 ? 'a table set in a table’s cell' : `${nested} tables set in tables’ cells`} ${where} ${nested === 1 ? 'is' : 'are'} read as that cell’s text, its cells one after another (a Markdown table holds no table): set it out by hand`);
  }
  const labels = new Map<string, string>();
  for (const paragraph of paragraphs) {
    for (const piece of paragraph.pieces) if (piece.footnote !== undefined && !labels.has(piece.footnote)) labels.set(piece.footnote, String(labels.size + 1));
  }
  const blocks: Block[] = [];
  const numbers = new ItemNumbers();
  const items = new OpenItems();
  for (const group of paragraphUnits(paragraphs)) {
    const [paragraph] = group;
    if (!paragraph) continue;
    const number = numbers.next(paragraph);
    const inItem = paragraph.cell?.indent ? items.holding(paragraph.cell.indent) : undefined;
    const written = paragraph.cell
      ? tableBlock(group, undefined, labels, notes, undefined, inItem?.lead ?? '')
      : isCode(paragraph)
        ? codeBlock(group, undefined, notes)
        : (ruleBlock(group) ?? writtenBlock(paragraph.pieces, paragraph.list, number, labels, notes, paragraphLead(paragraph)));
    const block = quoteJoined(written, blocks.at(-1));
    if (!block) continue;
    if (inItem) for (const at of inItem.since) blocks.splice(at, 1, ...indentedUnder(blocks[at], inItem.lead));
    blocks.push(block);
    if (block.item) items.opened(paragraph.level, itemTextLead(block.markdown), paragraph.numberAt);
    else if (paragraph.cell && !inItem) items.closed();
    else if (!paragraph.cell) items.margin(blocks.length - 1);
  }
  let markdown = joinBlocks(blocks);
  for (const [id, label] of labels) {
    // A note of several paragraphs stays one: those after its first are indented under it.
    const [first = '', ...rest] = (document.footnotes.get(id) ?? []).map((p) => inlineMarkdown(p.pieces, new Map(), notes).trim()).filter(Boolean);
    markdown += `\n\n${[wrap(`[^${label}]: ${first}`, '    '), ...rest.map((text) => `    ${wrap(text, '    ')}`)].join('\n\n')}`;
  }
  return `${markdown}\n`;
}

/** How far (twips) a table may be set in from where an item's number stands and still be that item's: a cell's margin, which an editor may take off or add. */
const NUMBER_TOLERANCE = 120;

/**
 * The list items open while a field's blocks are written, for placing what the report prints of
 * them at the margin: the compiler prints an item's later paragraphs at the margin, but sets its
 * tables in to where the item's number stands, which shows the item they are in.
 */
class OpenItems {
  /** Outermost first: each item's level, the lead under its text, where its number stands, and the blocks (by index) written at the margin since it. */
  private items: { level: number; lead: string; numberAt: number | undefined; since: number[] }[] = [];

  /** An item was written: it closes the items at its level and deeper. A quote's items hold no table (the compiler prints a quote's table at the margin). */
  opened(level: number, lead: string, numberAt: number | undefined): void {
    this.items = lead.startsWith('>') ? [] : [...this.items.filter((item) => item.level < level), { level, lead, numberAt, since: [] }];
  }

  /** A block was written at the margin, at `at` among the blocks: it may be the last item's. */
  margin(at: number): void {
    this.items.at(-1)?.since.push(at);
  }

  /** A table was written at the margin: the lists ended before it. */
  closed(): void {
    this.items = [];
  }

  /**
   * The item a table set in `indent` from the margin is in: the open item whose number stands
   * there (give or take {@link NUMBER_TOLERANCE}), with the blocks written at the margin since
   * it, which are the item's too; the items in it are closed. Undefined when no open item's
   * number stands there: a table of a report written in Word may be set in a little of itself.
   */
  holding(indent: number): { lead: string; since: number[] } | undefined {
    const index = this.items.findLastIndex((item) => item.numberAt !== undefined && Math.abs(item.numberAt - indent) <= NUMBER_TOLERANCE);
    const item = this.items[index];
    if (!item) return undefined;
    const since = this.items.slice(index).flatMap((open) => open.since);
    this.items = [...this.items.slice(0, index), { ...item, since: [] }];
    return { lead: item.lead, since: since.sort((a, b) => a - b) };
  }
}

/** The lead that puts a line under the text of the item `markdown` starts with: its `>`s, and spaces for its indentation and marker. */
function itemTextLead(markdown: string): string {
  const [, quote = '', marker = ''] = /^((?:\s*>)*)(\s*(?:[-+*]|\d+[.)])\s)/.exec(markdown) ?? [];
  return `${quote}${' '.repeat(marker.length)}`;
}

/** `block` with each of its lines put under an item's text by `lead` (blank lines left blank), as a list to splice in. */
function indentedUnder(block: Block | undefined, lead: string): Block[] {
  return block ? [{ ...block, markdown: block.markdown.replace(/^(?=.)/gm, lead) }] : [];
}
