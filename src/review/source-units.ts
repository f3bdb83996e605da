/** A field's Markdown source cut into the units a DOCX prints as paragraphs, with its footnote and link definitions. */

import type { FootnoteDefinition, Nodes, RootContent } from 'mdast';
import { printedRuns } from '../docx/printed-text.js';
import { checkBox } from '../docx/task-box.js';
import { parseAsBuilt, restoreDateMarks } from '../util/markdown-pieces.js';
import { firstDefinitions } from '../util/markdown.js';
import { formattedKey, plain, plainText, withoutBold, type FormattedText } from './formatting.js';
import { sourceStyles, type SourceStyle } from './source-style.js';
import { SPACE } from './paragraph-groups.js';

/** One paragraph of the field's Markdown source: a paragraph, a list item's own paragraph, or a whole table. */
export interface SourceUnit {
  text: string;
  /** The text with the formatting its Markdown prints it in (see `printedRuns`), to compare with the DOCX's. */
  runs: FormattedText[];
  /** The source, from the start of the unit's first line (indentation and `>` or `#` included). */
  slice: string;
  /** Where `slice` starts and ends in the field's source. */
  start: number;
  end: number;
  item: boolean;
  /** How deep in lists: 0 outside any list and for a top-level item, 1 for an item of a list inside an item, … */
  level: number;
  /**
   * For an item of a numbered list, the number the report shows: the list's first number
   * plus the item's place (Markdown reads only the first item's number: `1) 2) 4)` shows 1, 2, 3).
   */
  number?: number;
  /** What the unit's first line has before its text: indentation, `> `, a heading's `## ` (an item's marker not included). */
  lead: string;
  footnotes: string[];
  /** A paragraph, or an item's own paragraph: text that is wrapped. */
  prose?: boolean;
  /** How the unit is written, for writing it anew the same way (see {@link SourceStyle}). */
  style?: SourceStyle;
  /**
   * For a table: its delimiter row as written (alignment included), how many columns it has,
   * and each row's cells' text as the DOCX prints it (the header row first), as {@link formattedKey} reads it.
   */
  table?: { delimiter: string; columns: number; cells: string[][] };
}


/** A footnote or link definition of the field, as written. */
interface Definition {
  slice: string;
  /** Where it stands in the field's source (from the start of its first line). */
  start: number;
  end: number;
  /** For a footnote definition: its label and its text after `[^label]:`, unindented, as Markdown of its own. */
  footnote?: { label: string; content: string };
}

/**
 * The field's units, one for each paragraph the DOCX has of it, in order, with their source
 * text, and the field's footnote and link definitions. A list item's own first paragraph is a
 * unit; the blocks inside it (a nested list, a second paragraph) are units of their own, as
 * they are paragraphs of their own in the DOCX.
 */
export function sourceUnits(source: string): { units: SourceUnit[]; definitions: Definition[]; style: SourceStyle } {
  const units: SourceUnit[] = [];
  const definitions: Definition[] = [];
  const lineStart = (offset: number): number => source.lastIndexOf('\n', offset - 1) + 1;
  // From the start of the node's first line: a nested item keeps its indentation, a heading its `#`.
  const lines = (from: Nodes, to: Nodes = from) => {
    const start = lineStart(from.position?.start.offset ?? 0);
    const end = to.position?.end.offset ?? 0;
    return { slice: source.slice(start, end), start, end };
  };
  const lead = (node: Nodes): string => source.slice(lineStart(node.position?.start.offset ?? 0), node.position?.start.offset ?? 0);
  // The line of an item's number when no paragraph follows it there; nothing, at the line's start, when its
  // first block starts on that line (`3) - a`), whose unit, from the line's start, holds the number.
  const numberLine = (item: Nodes, first: Nodes | undefined) => {
    const start = lineStart(item.position?.start.offset ?? 0);
    const firstStart = first?.position?.start.offset;
    if (firstStart !== undefined && lineStart(firstStart) === start) return { slice: '', start, end: start };
    const lineEnd = source.indexOf('\n', item.position?.start.offset ?? 0);
    const end = lineEnd < 0 ? source.length : lineEnd;
    return { slice: source.slice(start, end), start, end };
  };
  const add = (node: RootContent, level: number, inList: boolean): void => {
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      if (!inList) definitions.push({ ...lines(node), ...(node.type === 'footnoteDefinition' ? { footnote: { label: node.label ?? node.identifier, content: footnoteContent(source, node) } } : {}) });
    } else if (node.type === 'list') {
      node.children.forEach((item, place) => {
        const [first, ...rest] = item.children;
        const number = node.ordered ? { number: (node.start ?? 1) + place } : {};
        if (first?.type === 'paragraph') {
          // A task item's box is part of its text in the DOCX.
          const box = typeof item.checked === 'boolean' ? [plainText(checkBox(item.checked))] : [];
          units.push({ ...printed([...box, ...runsAsBuilt(first, links)]), ...lines(item, first), item: true, level, ...number, lead: lead(item), footnotes: labelsIn(first), prose: true });
        } else {
          // An item with no paragraph first has its number alone in the DOCX: a paragraph of no text, a unit of its own.
          units.push({ ...printed([]), ...numberLine(item, first), item: true, level, ...number, lead: lead(item), footnotes: [] });
          if (first) add(first, level, true);
        }
        for (const child of rest) add(child, child.type === 'list' ? level + 1 : level, true);
      });
    } else if (node.type === 'blockquote') {
      for (const child of node.children) add(child, level, inList);
    } else if (node.type === 'table') {
      const delimiter = lines(node).slice.split('\n')[1]?.trim() ?? '';
      // The header row is bold by the table's layout, whatever its Markdown says.
      const cells = node.children.map((row, at) =>
        row.children.map((cell) => {
          const runs = runsAsBuilt(cell, links);
          return at === 0 ? withoutBold(runs) : runs;
        }),
      );
      const runs = cells.flat().flatMap((cell, at) => (at === 0 ? cell : [SPACE, ...cell]));
      units.push({ ...printed(runs), ...lines(node), item: false, level, lead: lead(node), footnotes: labelsIn(node), table: { delimiter, columns: node.align?.length ?? 0, cells: cells.map((row) => row.map(formattedKey)) } });
    } else {
      // A code block is written as it is: only its characters count.
      const runs = runsAsBuilt(node, links);
      units.push({ ...printed(node.type === 'code' ? plain(runs) : runs), ...lines(node), item: false, level, lead: leadOf(node, lead(node)), footnotes: labelsIn(node), prose: node.type === 'paragraph' });
    }
  };
  const tree = parseAsBuilt(source);
  // A reference link prints as a link to its definition's address.
  const linkDefinitions = firstDefinitions(tree);
  const links = new Map([...linkDefinitions].map(([identifier, { url }]) => [identifier, url]));
  for (const node of tree.children) add(node, 0, false);
  const styles = sourceStyles(tree, source, units, linkDefinitions);
  for (const unit of units) unit.style = styles.of(unit);
  return { units, definitions, style: styles.field };
}

/**
 * A footnote definition's text as Markdown of its own: from its first block to its end, the
 * lines after the first unindented by the four spaces that keep them in the definition.
 */
function footnoteContent(source: string, node: FootnoteDefinition): string {
  const start = node.children[0]?.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return source
    .slice(start, end)
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.replace(/^ {1,4}/, '')))
    .join('\n');
}

/** What starts a leaf's first line before its text: the indentation, a quote's `>`, a heading's `#`s. */
function leadOf(node: RootContent, before: string): string {
  if (node.type === 'heading') return `${before}${'#'.repeat(node.depth)} `;
  return before;
}

/** A node's text as the DOCX prints it (see `printedRuns`), formatted, with the year and date marks put back. */
function runsAsBuilt(node: Nodes, links: ReadonlyMap<string, string>): FormattedText[] {
  return printedRuns(node, links).map((run) => ({ ...run, text: restoreDateMarks(run.text) }));
}

/** A unit's text and formatted text from its printed runs. */
function printed(runs: FormattedText[]): { text: string; runs: FormattedText[] } {
  return { text: runs.map((run) => run.text).join(''), runs };
}

function labelsIn(node: RootContent): string[] {
  const labels: string[] = [];
  const visit = (inner: RootContent): void => {
    if (inner.type === 'footnoteReference') labels.push(inner.label ?? inner.identifier);
    if ('children' in inner) for (const childNode of inner.children) visit(childNode);
  };
  visit(node);
  return labels;
}
