import type { List } from 'mdast';

/** The list kinds Markdown can express: `1.`, `1)` and bullets. */
export type ListKind = 'period' | 'paren' | 'bullet';

/**
 * A list's kind as its source text writes it: `1.`, `1)` or a bullet. Apart from the
 * numbering definitions, which need the docx library: a diff in the terminal marks its
 * lists without loading the DOCX compiler.
 */
export function listKindInSource(node: List, source: string): ListKind {
  if (!node.ordered) return 'bullet';
  const offset = node.children[0]?.position?.start.offset;
  if (offset === undefined) return 'period';
  const marker = /^\d{1,9}([.)])/.exec(source.slice(offset, offset + 11));
  return marker?.[1] === ')' ? 'paren' : 'period';
}
