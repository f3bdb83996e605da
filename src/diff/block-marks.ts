/** Marks on the merged tree: a block found in one version only, inserted or deleted with all it holds, and a paragraph that moved. */

import type { List, Nodes, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { BlockRevision } from '../docx/index.js';
import { markInline } from './inline.js';
import { wordsOf } from './tokens.js';

/** Marks a block and everything in it as inserted or deleted. */
export function markBlock<T extends RootContent>(node: T, revision: BlockRevision): T;
export function markBlock(node: RootContent, revision: BlockRevision): RootContent {
  const data = { ...node.data, revision };
  const op = revision === 'insert' ? 'insert' : 'delete';
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return { ...node, data, children: markInline(node.children, op) };
    case 'code':
    case 'html':
    case 'thematicBreak':
      return { ...node, data };
    case 'table':
      return markTable(node, revision);
    case 'tableRow':
      // A row added to or removed from a table found in both versions: the DOCX tracks the row.
      return { ...node, data, children: node.children.map((cell) => ({ ...cell, children: markInline(cell.children, op) })) };
    case 'list':
      return { ...node, children: node.children.map((item) => markBlock(item, revision)) } satisfies List;
    case 'listItem': {
      // The item is marked too: an empty one (`2)` alone on its line) has no paragraph to carry the mark.
      const children = node.children.map((child) => markBlock(child, revision));
      return Object.assign({ ...node, data }, { children });
    }
    case 'blockquote': {
      const children = node.children.map((child) => markBlock(child, revision));
      return Object.assign({ ...node }, { children });
    }
    case 'footnoteDefinition': {
      // The definition is marked too: the DOCX tells by it the old version's note from the new one's.
      const children = node.children.map((child) => markBlock(child, revision));
      return Object.assign({ ...node, data }, { children });
    }
    default:
      return node;
  }
}

function markTable(node: Table, revision: BlockRevision): Table {
  const op = revision === 'insert' ? 'insert' : 'delete';
  return {
    ...node,
    data: { ...node.data, revision },
    children: node.children.map((row) => ({
      ...row,
      children: row.children.map((cell) => ({ ...cell, children: markInline(cell.children, op) })),
    })),
  };
}

/**
 * A paragraph deleted in one place and inserted word for word in another has moved (its
 * punctuation and spacing may differ; both copies are shown in full): both get `data.moved`,
 * so reports can say so instead of showing two unrelated changes.
 */
export function markMoves(root: Root): void {
  const whole = { insert: new Map<string, Nodes[]>(), delete: new Map<string, Nodes[]>() };
  const visit = (node: Nodes): void => {
    // A footnote defined elsewhere now is one note, shown once: its two copies have not moved as paragraphs do.
    if (node.type === 'footnoteDefinition' && node.data?.notes && node.data.revision) return;
    const revision = node.data?.revision;
    if ((node.type === 'paragraph' || node.type === 'heading') && revision) {
      const words = wordsOf(toString(node));
      if (words.length >= 3) {
        // Word for word: a list item moved from the end keeps its words, not its full stop (`;` where it is now).
        const key = words.join(' ');
        const list = whole[revision].get(key) ?? [];
        list.push(node);
        whole[revision].set(key, list);
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  for (const [key, deleted] of whole.delete) {
    const inserted = whole.insert.get(key) ?? [];
    for (let index = 0; index < Math.min(deleted.length, inserted.length); index++) {
      const from = deleted[index];
      const to = inserted[index];
      if (from && to) {
        from.data = { ...from.data, moved: 'from' };
        to.data = { ...to.data, moved: 'to' };
      }
    }
  }
}
