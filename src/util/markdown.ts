import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The one Markdown parser (remark with GFM), made once: every stage parses Markdown alike. */
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Markdown → syntax tree, with remark and GFM. */
export function parseMarkdownText(markdown: string): Root {
  return parser.parse(markdown);
}

/** Calls `visit` on a node and every node below it, parents first. */
export function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}
