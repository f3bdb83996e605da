import type { Delete, Emphasis, Link, LinkReference, Nodes, PhrasingContent, Strong } from 'mdast';
import { wordSegments } from './segments.js';
import { runsText } from '../docx/printed-text.js';

/** Inline formatting a word sits in: it is part of the word's identity in a diff. */
export type Mark = Omit<Strong, 'children'> | Omit<Emphasis, 'children'> | Omit<Delete, 'children'> | Omit<Link, 'children'> | Omit<LinkReference, 'children'>;

/** One unit of a word-level diff: a word, a run of whitespace, a punctuation mark, or an atom such as a footnote reference. */
export type Token =
  | { kind: 'text'; text: string; space: boolean; marks: Mark[]; key: string }
  | { kind: 'atom'; node: PhrasingContent; marks: Mark[]; key: string };

/**
 * Splits text into words, whitespace runs and punctuation by the Unicode word rules, so
 * that Latvian letters with diacritics (ā, č, ņ, ž …) stay inside their words.
 */
export function splitWords(text: string): string[] {
  const pieces: string[] = [];
  for (const { segment } of wordSegments(text)) {
    const last = pieces.length - 1;
    if (isSpace(segment) && last >= 0 && isSpace(pieces[last] ?? '')) pieces[last] += segment;
    else pieces.push(segment);
  }
  return pieces;
}

/** The words of a text, without whitespace and punctuation: what similarity and word counts use. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of wordSegments(text)) if (isWordLike) words.push(segment);
  return words;
}

/**
 * The words of a block, the blocks in it (paragraphs, items, cells) kept apart: the text of one
 * ends a word and the next one's begins another ('skola' and 'pedagogs' as items are two words,
 * not 'skolapedagogs', as the text of the whole would make them). A hard line break ends a word too.
 */
export function blockWords(node: Nodes): string[] {
  const text = (found: Nodes): string =>
    found.type === 'paragraph' || found.type === 'heading' || found.type === 'tableCell' || !('children' in found) ? runsText(found) : found.children.map(text).join('\n');
  return wordsOf(text(node));
}

/**
 * Flattens Markdown inline content into tokens. Each token remembers the formatting it
 * sits in; with `whitespace` false, every run of whitespace compares equal to any other.
 */
export function tokenize(nodes: readonly PhrasingContent[], whitespace: boolean, marks: Mark[] = []): Token[] {
  return nodes.flatMap((node): Token[] => {
    switch (node.type) {
      case 'text':
        return splitWords(node.value).map((text) => {
          const space = isSpace(text);
          return { kind: 'text', text, space, marks, key: `${marksKey(marks)}\u0000${space && !whitespace ? ' ' : text}` };
        });
      case 'strong':
      case 'emphasis':
      case 'delete':
      case 'link':
      case 'linkReference': {
        const { children, position: _position, ...mark } = node;
        return tokenize(children, whitespace, [...marks, mark]);
      }
      case 'insertion':
      case 'deletion':
        return tokenize(node.children, whitespace, marks);
      default:
        return [{ kind: 'atom', node, marks, key: `${marksKey(marks)}\u0000${nodeKey(node, whitespace)}` }];
    }
  });
}

/** A stable text key of a syntax tree node: its content without source positions. */
export function nodeKey(node: unknown, whitespace: boolean): string {
  return JSON.stringify(node, (name, value: unknown) => {
    if (name === 'position') return undefined;
    if (name === 'value' && typeof value === 'string' && !whitespace) return value.replace(/\s+/g, ' ');
    return value;
  });
}

function marksKey(marks: readonly Mark[]): string {
  return marks.map((mark) => JSON.stringify(mark)).join('>');
}

function isSpace(text: string): boolean {
  return /^\s+$/.test(text);
}
