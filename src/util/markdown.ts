import type { Definition, Nodes, Root } from 'mdast';
import { fromMarkdown, type Extension as MdastExtension } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Construct, Extension } from 'micromark-util-types';

/** A GFM construct with the test of whether a text can hold it. */
interface GfmPart {
  /** Whether the text can hold this construct. */
  within: (text: string) => boolean;
  syntax: Extension;
  tree: MdastExtension | MdastExtension[];
}

const noEmail: Extension = withoutConstruct(gfmAutolinkLiteral(), 'emailAutolink');
const autolinkTree: MdastExtension = onlyWhereLinkable(gfmAutolinkLiteralFromMarkdown());

/** In remark-gfm's order, which the order of constructs that share a character follows. */
const PARTS: readonly GfmPart[] = [
  { within: (text) => text.includes('@'), syntax: gfmAutolinkLiteral(), tree: autolinkTree },
  // Web addresses only (`www.`, `http:`, `https:`): the same construct, but no email.
  { within: (text) => !text.includes('@') && /www|http/i.test(text), syntax: noEmail, tree: autolinkTree },
  { within: (text) => text.includes('[^'), syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown() },
  { within: (text) => text.includes('~'), syntax: gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown() },
  // A table's delimiter row has a `|`, or is one cell with a colon (`:-`, `-:`).
  { within: (text) => text.includes('|') || text.includes(':-') || text.includes('-:'), syntax: gfmTable(), tree: gfmTableFromMarkdown() },
  { within: (text) => text.includes('['), syntax: gfmTaskListItem(), tree: gfmTaskListItemFromMarkdown() },
];

/** The parser options for each set of parts (a bit per part), made when first needed. */
const variants = new Map<number, { extensions: Extension[]; mdastExtensions: MdastExtension[] }>();

/**
 * Markdown → syntax tree: the one Markdown parser, CommonMark with GitHub's extensions,
 * giving the trees remark-parse with remark-gfm gives, so every stage parses alike.
 *
 * It is faster than remark-gfm on the texts this tool reads, because it leaves out each GFM
 * construct that a text cannot hold: each needs a character (or a pair) that is not in the
 * text, and a construct that cannot match leaves no trace in the tree. The costly one is the
 * email autolink, which micromark tries at every letter and digit; a text without `@` has
 * none. On a 5 MB position this halves the parse. `test/unit/markdown-parser.test.ts` holds the
 * trees equal to remark-gfm's on random texts with and without each character.
 */
export function parseMarkdownText(markdown: string): Root {
  let key = 0;
  PARTS.forEach((part, bit) => {
    if (part.within(markdown)) key |= 1 << bit;
  });
  let options = variants.get(key);
  if (!options) {
    const parts = PARTS.filter((_, bit) => key & (1 << bit));
    options = { extensions: [combineExtensions(parts.map((part) => part.syntax))], mdastExtensions: parts.flatMap((part) => part.tree) };
    variants.set(key, options);
  }
  return fromMarkdown(markdown, options);
}

/** `extension` without the constructs of one name (micromark's constructs carry their names). */
function withoutConstruct(extension: Extension, name: string): Extension {
  const text: Record<number, Construct | Construct[]> = {};
  for (const [code, constructs] of Object.entries(extension.text ?? {})) {
    const kept = [constructs].flat().filter((construct): construct is Construct => construct !== undefined && construct.name !== name);
    if (kept.length) text[Number(code)] = kept;
  }
  return { ...extension, text };
}

/**
 * The autolink extension, with its tree transform (which looks for addresses micromark left
 * in text, with four regular expressions on every text node) run only on a tree where some
 * text holds what each of them needs: `www`, `http` or `@`. A text may hold an address only
 * in a link's destination, which is not text; this saves the walk then (a tenth of parsing a
 * 5 MB position whose every piece has one link).
 */
function onlyWhereLinkable(extension: MdastExtension): MdastExtension {
  const transforms = (extension.transforms ?? []).map((transform) => (tree: Root) => {
    if (someText(tree, (value) => /www|http|@/i.test(value))) return transform(tree);
    return undefined;
  });
  return { ...extension, transforms };
}

/** Whether `test` holds for the value of any text node in the tree. */
function someText(node: Nodes, test: (value: string) => boolean): boolean {
  if (node.type === 'text') return test(node.value);
  return 'children' in node && node.children.some((child) => someText(child, test));
}

/** An empty HTML comment: the way Markdown ends a list before another of its kind. It prints nothing, in the DOCX neither. */
export const LIST_END = '<!-- -->';

/**
 * Where a text node of `source`'s tree holds a `<!--` written as such (not `\<!--`): its offset in
 * `source`; undefined when it holds none. Markdown reads a comment only where it closes within its
 * paragraph or starts a line, so this one is printed as text, and the words after it.
 */
export function commentOpenedAsText(source: string, node: Nodes): number | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (node.type !== 'text' || start === undefined || end === undefined) return undefined;
  const found = /(?<!\\)<!--/.exec(source.slice(start, end));
  return found ? start + found.index : undefined;
}

/** Whether a node is an empty HTML comment, {@link LIST_END} however spaced. */
export function isListEnd(node: Nodes): boolean {
  return node.type === 'html' && /^<!--\s*-->$/.test(node.value);
}

/** A tree's link definitions by identifier: the first of each label, the one CommonMark uses. */
export function firstDefinitions(tree: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  walk(tree, (node) => {
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  return definitions;
}

/** Calls `visit` on a node and every node below it, parents first. */
export function walk(node: Nodes, visit: (node: Nodes) => void): void {
  // With a stack of its own, not recursion: a tree of any depth is walked without overflowing the call stack.
  const stack: Nodes[] = [node];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    visit(next);
    if ('children' in next) for (let index = next.children.length - 1; index >= 0; index--) stack.push(next.children[index] as Nodes);
  }
}

/** A day of a month, 1 to 31, as a regular expression's source. */
export const DAY_OF_MONTH = '(?:[1-9]|[12]\\d|3[01])';
/** The start of a month's name in any of its forms (janvāris, janvāra, janvārī …), as a regular expression's source. */
export const MONTH_NAME = '(?:janvār|februār|mart|aprī[lļ]|maij|jūnij|jūlij|august|septembr|oktobr|novembr|decembr)';

/**
 * A year, or the day of a date, that starts a line, followed by "." or ")" and a space: "2020.
 * gada …", "3. februārī …", "19. februāra …" (a day only before a month's name, in any of its
 * forms). Markdown would start a list numbered from it. Groups: the indent, the number, the mark.
 */
export const DATE_AT_LINE_START = new RegExp(`^( {0,3})(1[89]\\d\\d|2\\d\\d\\d|${DAY_OF_MONTH}(?=[.)][ \\t]+${MONTH_NAME}))([.)])(?=[ \\t])`, 'gm');

/**
 * A year, or the day of a date, followed by its mark, where a block's text starts: at a line's start
 * as {@link DATE_AT_LINE_START}, or after the marks of the quotes and list items the line opens,
 * "1) 2021. gada …", "- 3. februārī …", "> 2020. gadā …" (else the item holds a list numbered from
 * 2021, and the report printed the item without its own number). Groups: the line's lead up to the
 * number (indent and marks), the number, the mark.
 */
export const DATE_AT_BLOCK_START = new RegExp(
  // Each mark's trailing blanks belong to what follows it alone, so a line of many marks is read in linear time.
  `^((?:[ \\t]*(?:>|(?:[-+*]|\\d{1,9}[.)])(?=[ \\t])))*[ \\t]{0,3})(1[89]\\d\\d|2\\d\\d\\d|${DAY_OF_MONTH}(?=[.)][ \\t]+${MONTH_NAME}))([.)])(?=[ \\t])`,
  'gm',
);

/** Whether `text` starts with a year or a date followed by its mark ({@link DATE_AT_LINE_START}). */
export function startsWithDate(text: string): boolean {
  return DATE_ONCE.test(text);
}

const DATE_ONCE = new RegExp(DATE_AT_LINE_START.source);
