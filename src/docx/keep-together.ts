import type { Nodes, Paragraph, PhrasingContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ParagraphOptions } from './ooxml/body.js';
import { Style } from './styles.js';

/**
 * What a paragraph (or a list item's first) is kept with across pages; nothing in a footnote, whose
 * note Word keeps on its reference's page. Read from the Markdown alone, so that the DOCX made from
 * the report's fields and the one made from its .md are the same.
 * - All in bold and no longer than a question (“1. **Kādi …?**”, a heading written in bold): kept whole
 *   and on the page of the next block's first lines, where at a page's foot it stood alone, its answer
 *   on the next page. A longer bold paragraph is text set in bold: kept whole and with the next, it and
 *   the question before it went to the next page together, leaving half a page empty.
 * - Ending with a colon, a lead-in (“… paredzēts:” before a list, “… ir šāds:” before a table, the
 *   invitation before the questions), or a list item ending with one that its own list follows: kept
 *   on the page of the next block's first lines. Items of one list that each end with a colon
 *   (“… paredz:”) are not: kept each with the next, the whole list went to the next page as one.
 *
 * `place` is where the paragraph stands: on its own, as a list item's first paragraph, or as that of
 * an item that holds a list of its own.
 */
export function keptWithNext(node: Paragraph, style: string, place: 'block' | 'item' | 'item with list' = 'block'): Pick<ParagraphOptions, 'keepNext' | 'keepLines'> {
  if (style === Style.footnote) return {};
  const text = toString(node).trimEnd();
  if (allBold(node.children)) return questionLike(node) ? { keepNext: true, keepLines: true } : {};
  return text.endsWith(':') && place !== 'item' ? { keepNext: true } : {};
}

/** The most characters a bold paragraph kept like a question may have: the longest questions of a Council's discussion paper run to some 250. */
const QUESTION_LENGTH = 300;

/** Whether a paragraph reads as a question (“1. **Kādi …?**”): all in bold and no longer than one, as {@link keptWithNext} keeps it. */
export function questionLike(node: Paragraph): boolean {
  return allBold(node.children) && toString(node).trimEnd().length <= QUESTION_LENGTH;
}

/** The paragraph or table a block ends with, in its last list item or quote; none for code or a heading. */
export function lastParagraphOrTable(node: Nodes): Paragraph | Table | undefined {
  if (node.type === 'paragraph' || node.type === 'table') return node;
  if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
    const last = node.children.at(-1);
    return last ? lastParagraphOrTable(last) : undefined;
  }
  return undefined;
}

/** Whether phrasing content is bold throughout (blanks and footnote marks aside), as a question is; in a redline, in either version. */
function allBold(children: readonly PhrasingContent[]): boolean {
  const printed = children.filter((child) => child.type !== 'footnoteReference' && !(child.type === 'text' && child.value.trim() === ''));
  return printed.length > 0 && printed.every((child) => child.type === 'strong' || ((child.type === 'insertion' || child.type === 'deletion') && allBold(child.children)));
}
