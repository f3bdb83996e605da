import type { Root } from 'mdast';
import { DATE_AT_BLOCK_START, parseMarkdownText, walk } from './markdown.js';
import { markdownChunks } from './markdown-chunks.js';
import { unclosedAtEnd } from './unclosed.js';

/**
 * Markdown → syntax tree, a long text parsed in pieces (see `markdownChunks`), which gives the
 * same tree as one parse at a cost that stays linear in the length. `eachPiece` sees every piece's
 * tree with the piece's own text, before its positions are moved to where it sits in the whole
 * text; `chunkSize` is for tests.
 */
export function parseInPieces(markdown: string, chunkSize?: number, eachPiece?: (tree: Root, text: string) => void): Root {
  const chunks = markdownChunks(markdown, chunkSize);
  const trees: Root[] = [];
  for (let i = 0; i < chunks.length; i++) {
    let chunk = chunks[i];
    if (!chunk) break;
    let tree = parseMarkdownText(chunk.text);
    if (i < chunks.length - 1 && unclosedAtEnd(chunk.text, tree)) {
      // The piece ends inside a code block or HTML block that goes on: parse the rest as one.
      chunk = { ...chunk, text: markdown.slice(chunk.offset) };
      tree = parseMarkdownText(chunk.text);
      i = chunks.length;
    }
    eachPiece?.(tree, chunk.text);
    if (chunk.offset > 0) shiftPoints(tree, chunk.line - 1, chunk.offset);
    trees.push(tree);
  }
  const [first] = trees;
  if (!first || trees.length === 1) return first ?? parseMarkdownText('');
  const start = first.position?.start;
  const end = trees.at(-1)?.position?.end;
  return { type: 'root', children: trees.flatMap((tree) => tree.children), ...(start && end ? { position: { start, end } } : {}) };
}

/** Moves a piece's positions to where the piece sits in the whole text. */
function shiftPoints(tree: Root, lines: number, offset: number): void {
  walk(tree, (node) => {
    if (!node.position) return;
    const { start, end } = node.position;
    node.position = {
      start: { line: start.line + lines, column: start.column, ...(start.offset === undefined ? {} : { offset: start.offset + offset }) },
      end: { line: end.line + lines, column: end.column, ...(end.offset === undefined ? {} : { offset: end.offset + offset }) },
    };
  });
}

/** Stand-ins of the same length for the mark after a year or date that starts a line, so offsets stay the source's. */
const DATE_MARKS: Record<string, string> = { '.': '\uE010', ')': '\uE011' };

/**
 * The field parsed as the build parses it: a line (or an item, a quote) starting with a year or a date is a paragraph,
 * not a list item (`normaliseMarkdown` escapes the mark; here it is swapped for a stand-in of the
 * same length, so the nodes' offsets still slice the source), a long text in pieces.
 * {@link restoreDateMarks} puts the marks back into text taken from the tree.
 */
export function parseAsBuilt(source: string): Root {
  return parseInPieces(source.replace(DATE_AT_BLOCK_START, (_match, lead: string, number: string, mark: string) => `${lead}${number}${DATE_MARKS[mark] ?? mark}`));
}

/** Text from a tree of {@link parseAsBuilt} with the marks after years and dates put back. */
export function restoreDateMarks(text: string): string {
  return text.replace(/\uE010/g, '.').replace(/\uE011/g, ')');
}
