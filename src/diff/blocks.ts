import type { List, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { wordsOf } from './tokens.js';

/** What a block of the document is, as a reader sees it. */
export type BlockKind = 'title' | 'heading' | 'paragraph' | 'item' | 'note' | 'code' | 'table' | 'rule' | 'footnote' | 'html';

/** How a block differs between the two versions. */
export type BlockStatus = 'equal' | 'changed' | 'inserted' | 'deleted';

/** A piece of a block's text: unchanged, inserted or deleted. */
export interface Segment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** One paragraph-like block of the redline, flattened for reports and tools. */
export interface DiffBlock {
  status: BlockStatus;
  /** Set when a whole paragraph moved: `from` where it was, `to` where it is now. */
  moved?: 'from' | 'to';
  kind: BlockKind;
  /** The number or bullet of a list item as printed: "1.", "2)", "–". */
  marker?: string;
  /** Nesting: 0 for top-level blocks, 1 for items of a nested list, … */
  depth: number;
  /** Footnote label, for footnotes. */
  label?: string;
  /** The merged inline content, with `insertion` and `deletion` nodes. */
  content: PhrasingContent[];
}

/** Flattens a redline tree into its blocks in reading order (footnotes where they are defined). */
export function flattenBlocks(root: Root): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  const visit = (nodes: readonly RootContent[], depth: number, kind: 'paragraph' | 'note'): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading':
          blocks.push(block(node, node.depth === 1 ? 'title' : 'heading', depth, node.children));
          break;
        case 'paragraph':
          blocks.push(block(node, kind, depth, node.children));
          break;
        case 'blockquote':
          visit(node.children, depth, 'note');
          break;
        case 'list':
          node.children.forEach((item, index) => {
            item.children.forEach((child, position) => {
              if (position === 0 && child.type === 'paragraph') {
                blocks.push({ ...block(child, 'item', depth, child.children), marker: marker(node, index) });
              } else visit([child], child.type === 'list' ? depth + 1 : depth, kind);
            });
          });
          break;
        case 'footnoteDefinition':
          node.children.forEach((child) => {
            if (child.type === 'paragraph') blocks.push({ ...block(child, 'footnote', depth, child.children), label: node.label ?? node.identifier });
            else visit([child], depth, kind);
          });
          break;
        case 'code':
          blocks.push(block(node, 'code', depth, [{ type: 'text', value: node.value }]));
          break;
        case 'html':
          blocks.push(block(node, 'html', depth, [{ type: 'text', value: node.value }]));
          break;
        case 'thematicBreak':
          blocks.push(block(node, 'rule', depth, []));
          break;
        case 'table':
          blocks.push(block(node, 'table', depth, tableContent(node)));
          break;
        default:
          break;
      }
    }
  };
  visit(root.children, 0, 'paragraph');
  return blocks;
}

/** The text of a block's content as plain segments: consecutive pieces with the same op joined. */
export function segmentsOf(content: readonly PhrasingContent[]): Segment[] {
  const segments: Segment[] = [];
  const add = (op: Segment['op'], text: string) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.op === op) last.text += text;
    else segments.push({ op, text });
  };
  const walk = (nodes: readonly PhrasingContent[], op: Segment['op']): void => {
    for (const node of nodes) {
      if (node.type === 'insertion') walk(node.children, 'insert');
      else if (node.type === 'deletion') walk(node.children, 'delete');
      else if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html') add(op, node.value);
      else if (node.type === 'break') add(op, '\n');
      else if (node.type === 'footnoteReference') add(op, `[^${node.label ?? node.identifier}]`);
      else if (node.type === 'image' || node.type === 'imageReference') add(op, `[${node.alt ?? ''}]`);
      else if ('children' in node) walk(node.children, op);
    }
  };
  walk(content, 'equal');
  return segments;
}

/**
 * Text as a report shows it: line breaks inside a paragraph read as spaces, except in a
 * change of whitespace alone, where "↵" and "·" show what changed.
 */
export function shownText(text: string, op: Segment['op']): string {
  if (op !== 'equal' && /^\s+$/.test(text)) return text.replace(/\n/g, '↵').replace(/[ \t]/g, '·');
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
}

/** Words added and removed in a set of blocks. */
export function countWords(blocks: readonly DiffBlock[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const b of blocks) {
    for (const segment of segmentsOf(b.content)) {
      if (segment.op === 'insert') inserted += wordsOf(segment.text).length;
      if (segment.op === 'delete') deleted += wordsOf(segment.text).length;
    }
  }
  return { inserted, deleted };
}

function block(node: Nodes, kind: BlockKind, depth: number, content: PhrasingContent[]): DiffBlock {
  const revision = node.data?.revision;
  const status: BlockStatus = revision === 'insert' ? 'inserted' : revision === 'delete' ? 'deleted' : hasChanges(content) ? 'changed' : 'equal';
  const result: DiffBlock = { status, kind, depth, content };
  if (node.data?.moved) result.moved = node.data.moved;
  return result;
}

/** A table as one block: cells joined by " | ", rows by line breaks. */
function tableContent(table: Table): PhrasingContent[] {
  const content: PhrasingContent[] = [];
  table.children.forEach((row, rowIndex) => {
    if (rowIndex) content.push({ type: 'break' });
    row.children.forEach((cell, cellIndex) => {
      if (cellIndex) content.push({ type: 'text', value: ' | ' });
      content.push(...cell.children);
    });
  });
  return content;
}

function hasChanges(nodes: readonly PhrasingContent[]): boolean {
  return nodes.some((node) => node.type === 'insertion' || node.type === 'deletion' || ('children' in node && hasChanges(node.children)));
}

function marker(list: List, index: number): string {
  const kind = list.data?.listKind ?? (list.ordered ? 'period' : 'bullet');
  if (kind === 'bullet') return '–';
  return `${(list.start ?? 1) + index}${kind === 'paren' ? ')' : '.'}`;
}
