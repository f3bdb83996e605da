import { hash } from 'node:crypto';
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
type Position = NonNullable<Root['position']>;
import type { FieldRef } from '../model/field.js';
import { setBounded } from '../util/bounded.js';
import { LIST_END, walk } from '../util/markdown.js';
import { parseInPieces } from '../util/markdown-pieces.js';
import { tidyLines } from '../render/escape.js';
import { PLACEHOLDER, type MarkdownField, type ReportSource } from '../render/fields.js';
import { listKindInSource } from './list-kind.js';

/** How many parsed fields a process keeps: enough for the positions of a large batch, bounded in memory. */
const CACHE_LIMIT = 512;
/** Fields longer than this are not kept: they are rarely shared, and copying them out of the cache costs more than it saves. */
const CACHE_TEXT_LIMIT = 256 * 1024;
/** How many fields parsed once a process remembers (by fingerprint), to keep the tree when one comes back. */
const SEEN_LIMIT = 8192;
const parsed = new Map<string, Root>();
const seenOnce = new Set<string>();

/**
 * Markdown → syntax tree with remark and GFM, every list marked with its kind
 * (`data.listKind`), so the tree compiles without its source text. A long text is parsed
 * in pieces (see `parseInPieces`; `chunkSize` is for tests), which gives the same tree.
 */
export function parseMarkdownTree(markdown: string, chunkSize?: number): Root {
  return parseInPieces(markdown, chunkSize, markListKinds);
}

/** A field's text as the rendered report prints it: the report's line tidying applied. */
export function fieldText(text: string): string {
  return tidyLines(`${text}\n`).slice(0, -1);
}

const printed = new WeakMap<MarkdownField, string>();

/** {@link fieldText} of a report's field, worked out once per field however many stages ask (a 5 MB field is long). */
export function printedText(field: MarkdownField): string {
  let text = printed.get(field);
  if (text === undefined) {
    text = fieldText(field.text);
    printed.set(field, text);
  }
  return text;
}

/**
 * The parse of one field's text, cached by the text within the process once the text comes
 * back (a batch parses a position that several meetings include twice, not once per
 * meeting). A text seen once is remembered only by its fingerprint: a syntax tree takes
 * some twenty times the memory of its text, and in a batch most fields are used once.
 * Callers must not change the tree: clone it.
 */
export function parseField(text: string): Root {
  const known = parsed.get(text);
  if (known) return known;
  const tree = parseMarkdownTree(text);
  if (text.length > CACHE_TEXT_LIMIT) return tree;
  const key = hash('sha1', text, 'base64');
  if (!seenOnce.delete(key)) {
    remember(seenOnce, key, SEEN_LIMIT);
    return tree;
  }
  setBounded(parsed, text, tree, CACHE_LIMIT);
  return tree;
}

/** Adds to a set that keeps at most `limit` entries, dropping the oldest. */
function remember(set: Set<string>, key: string, limit: number): void {
  if (set.size >= limit) {
    const oldest = set.values().next();
    if (!oldest.done) set.delete(oldest.value);
  }
  set.add(key);
}

/** The tree of each field of a report, in the order of `source.fields` (a field printed twice is parsed once). */
export function parseReportFields(source: ReportSource): Root[] {
  return source.fields.map((field) => parseField(printedText(field)));
}

/**
 * The report's syntax tree: the skeleton parsed once, each field parsed on its own and
 * spliced in where its placeholder stands. A placeholder that is a paragraph of its own
 * becomes the field's blocks, each tagged with `data.field`; one inside a line of text
 * takes the field's first paragraph inline and puts its other blocks after that block.
 * Line numbers are those of the rendered Markdown, so messages point into the `.md`.
 */
export function spliceReport(source: ReportSource, trees: readonly Root[] = parseReportFields(source), misplaced?: (found: Misplaced) => void): Root {
  const texts = source.fields.map(printedText);
  const lines = new LineMap(source.skeleton, texts);
  const tree = takeSkeletonTree(source) ?? parseMarkdownTree(source.skeleton);
  shiftPositions(tree, (line) => lines.reportLine(line));
  const used = new Set<Root>();
  const fieldBlocks = (index: number, at: Position | undefined): RootContent[] => {
    const field = source.fields[index];
    const text = texts[index];
    if (!field || text === undefined) return [];
    const tree = trees[index] ?? parseField(text);
    // A tree the cache holds is shared: change a copy. One placed already has been changed: parse afresh.
    const cached = parsed.get(text) === tree;
    const copy = cached ? structuredClone(tree) : used.has(tree) ? parseMarkdownTree(text) : tree;
    used.add(tree);
    const first = at?.start.line ?? 1; // the skeleton's lines are already report lines
    shiftPositions(copy, (line) => first + line - 1);
    scopeDefinitions(copy, field.ref);
    for (const block of copy.children) block.data = { ...block.data, field: field.ref };
    return copy.children;
  };
  // A report with no fields of its own is one text: whatever looks like a placeholder in it is text.
  if (source.fields.length) expandBlocks(tree, { fieldBlocks, texts, misplaced: misplaced ?? (() => {}) }, false);
  return tree;
}

/**
 * A field the template puts where the `.md` and the DOCX cannot agree on its blocks (the `.md` is
 * one text that Markdown reads line by line; the DOCX takes the field's blocks as they are):
 *
 * - `runs-on`: the template's text goes on right after it, on its last line, and it has more than
 *   one block: the `.md` joins that text to its last block, the DOCX to its first paragraph;
 * - `mid-line`: it starts with something other than a paragraph (a list, a table, a quote) within a
 *   line of the template's text: the `.md` reads the list as that line's text, the DOCX sets it apart;
 * - `nested`: inside a quote, a list item, emphasis or a link, with more than one block: only the
 *   first is inside in the `.md`, all of them in the DOCX.
 */
export interface Misplaced {
  /** The field's number in `source.fields`. */
  index: number;
  how: 'runs-on' | 'mid-line' | 'nested';
  /** The report line the field is put on. */
  line: number | undefined;
  /** The field's first block (e.g. `list`), and how many blocks it has. */
  first: string;
  blocks: number;
}

/** The blocks of a field that are printed where they stand (not link or footnote definitions). */
function printedBlocks(blocks: readonly RootContent[]): RootContent[] {
  return blocks.filter((block) => block.type !== 'definition' && block.type !== 'footnoteDefinition');
}

/** Skeletons parsed by {@link keepListsApart}, each given to the one splice that changes it. */
const skeletonTrees = new WeakMap<ReportSource, Root>();

function takeSkeletonTree(source: ReportSource): Root | undefined {
  const tree = skeletonTrees.get(source);
  skeletonTrees.delete(source);
  return tree;
}

/**
 * The report in parts with an empty HTML comment ({@link LIST_END}) put into the skeleton
 * wherever a field's list would run on into a list beside it in the `.md`: an answer that
 * starts with `1.` items after the question `2.`, or ends with them before the question
 * `3.` (Markdown joins lists of one kind across blank lines, and the numbers of the whole
 * list then run on). The DOCX, made from each field on its own, never joined them; with the
 * comment a parse of the whole `.md` does not either, and a viewer of the `.md` numbers as
 * the DOCX does. Likewise before a field that starts indented (as far as a list item's text) after a list.
 * The source is returned as it was when nothing needs keeping apart.
 */
export function keepListsApart(source: ReportSource, trees: readonly Root[]): ReportSource {
  // Only a field that starts with a list or indented text (code among it), or ends with a list, can run on: most reports have none.
  const texts = source.fields.map(printedText);
  const edges = (tree: Root | undefined, index: number) => tree?.children[0]?.type === 'list' || tree?.children.at(-1)?.type === 'list' || /^[ \t]/.test(texts[index] ?? '');
  if (!trees.some(edges)) return source;
  const skeleton = parseMarkdownTree(source.skeleton);
  // Each top-level block of the skeleton, with the blocks a whole-field placeholder stands for.
  const blocks = skeleton.children.map((block) => {
    const index = wholeField(block);
    const field = index === undefined ? undefined : trees[index];
    if (index === undefined || !field) return { first: block, last: block, text: source.skeleton, field: false };
    return { first: field.children[0], last: field.children.at(-1), text: texts[index] ?? '', field: true };
  });
  const cuts: number[] = [];
  for (let index = 1; index < blocks.length; index++) {
    const before = blocks[index - 1];
    const after = blocks[index];
    const at = skeleton.children[index]?.position?.start.offset;
    if (!before || !after || at === undefined || !(before.field || after.field)) continue;
    if (runsOn(before.last, before.text, after.first, after.text)) cuts.push(source.skeleton.lastIndexOf('\n', at - 1) + 1);
  }
  if (!cuts.length) {
    skeletonTrees.set(source, skeleton);
    return source;
  }
  let text = source.skeleton;
  for (const at of cuts.reverse()) text = `${text.slice(0, at)}${LIST_END}\n\n${text.slice(at)}`;
  return { ...source, skeleton: text };
}

/** Whether a parse of both texts as one would take `after` into the list that `before` is. */
function runsOn(before: RootContent | undefined, beforeText: string, after: RootContent | undefined, afterText: string): boolean {
  if (before?.type !== 'list' || !after) return false;
  if (after.type === 'list' && listMarker(before, beforeText) === listMarker(after, afterText)) return true;
  // Text indented as far as the list item's own text (a paragraph, a list, indented code) is the item's.
  const start = after.position?.start.offset;
  return start !== undefined && /^[ \t]/.test(afterText.slice(afterText.lastIndexOf('\n', start - 1) + 1));
}

/** A list's marker as its text writes it: `.` or `)` after a number, or the bullet. */
function listMarker(list: RootContent & { type: 'list' }, text: string): string {
  const start = list.children[0]?.position?.start.offset ?? 0;
  const marker = /^[ \t]*(?:\d{1,9}([.)])|([-*+]))/.exec(text.slice(start, start + 16));
  return marker?.[1] ?? marker?.[2] ?? '';
}

/** The `.md` of a report in parts: the skeleton with each field's text in place. */
export function reportMarkdown(source: ReportSource): string {
  const texts = source.fields.map(printedText);
  return source.skeleton.replace(PLACEHOLDER, (_match, index: string) => texts[Number(index)] ?? '');
}

interface Splicer {
  fieldBlocks(index: number, at: Position | undefined): RootContent[];
  texts: readonly string[];
  misplaced(found: Misplaced): void;
}

/** Rebuilds a container's children with each field in place (one new array: splicing in place grew with the square of the size). */
function expandBlocks(container: Parent, splicer: Splicer, nested: boolean): void {
  const children: RootContent[] = [];
  for (const child of container.children) {
    const whole = wholeField(child);
    if (whole !== undefined) {
      const blocks = splicer.fieldBlocks(whole, child.position);
      const printed = printedBlocks(blocks);
      if (nested && (printed.length > 1 || (printed[0] && printed[0].type !== 'paragraph'))) {
        splicer.misplaced({ index: whole, how: 'nested', line: child.position?.start.line, first: printed[0]?.type ?? 'paragraph', blocks: printed.length });
      }
      for (const block of blocks) children.push(block);
      continue;
    }
    const overflow: RootContent[] = [];
    expandNode(child, splicer, overflow, nested);
    children.push(child);
    for (const block of overflow) children.push(block);
  }
  container.children = children;
}

/** `nested`: the node is inside a quote, a list item or a footnote, or is inline formatting (a field there has room for one paragraph). */
function expandNode(node: Nodes, splicer: Splicer, overflow: RootContent[], nested: boolean): void {
  if ('value' in node && node.type !== 'text') {
    node.value = node.value.replace(PLACEHOLDER, (_match, index: string) => splicer.texts[Number(index)] ?? '');
  }
  if (!('children' in node)) return;
  if (node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
    expandBlocks(node, splicer, true);
    return;
  }
  if (node.type === 'list' || node.type === 'table' || node.type === 'tableRow') {
    for (const child of node.children) expandNode(child, splicer, overflow, nested);
    return;
  }
  // A heading is one line of the `.md`, and formatting (bold, a link) closes on the line it opened: a field there has room for one paragraph, and no footnote after it.
  const oneLine = node.type !== 'paragraph';
  node.children = expandPhrasing(node.children, splicer, overflow, nested, oneLine);
}

function expandPhrasing(children: PhrasingContent[], splicer: Splicer, overflow: RootContent[], nested: boolean, oneLine: boolean): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  for (const [at, child] of children.entries()) {
    if (child.type !== 'text' || !child.value.includes('\uE000')) {
      expandNode(child, splicer, overflow, true);
      result.push(child);
      continue;
    }
    let last = 0;
    for (const match of child.value.matchAll(PLACEHOLDER)) {
      pushText(result, child.value.slice(last, match.index));
      last = match.index + match[0].length;
      const index = Number(match[1]);
      const blocks = splicer.fieldBlocks(index, child.position);
      const [first, ...rest] = blocks;
      const printed = printedBlocks(blocks);
      // What follows on the line: the template's text, or another field's (a field right after a field is text after it too).
      const following = child.value.slice(last).replace(PLACEHOLDER, (_match, field: string) => splicer.texts[Number(field)] ?? '');
      const after = /\S/.test(following) || children.slice(at + 1).some((node) => node.type !== 'text' || /\S/.test(node.value));
      const found = { index, line: child.position?.start.line, first: first?.type ?? 'paragraph', blocks: blocks.length };
      // A footnote or link definition cannot start within a line either: the `.md` would print it as text.
      if (first && first.type !== 'paragraph') splicer.misplaced({ ...found, how: 'mid-line' });
      else if (after && rest.length) splicer.misplaced({ ...found, how: 'runs-on' });
      else if ((oneLine && rest.length) || (nested && printed.length > 1)) splicer.misplaced({ ...found, how: 'nested', blocks: oneLine ? blocks.length : printed.length });
      if (first?.type === 'paragraph') {
        for (const inline of first.children) {
          if (inline.type === 'text') pushText(result, inline.value);
          else result.push(inline);
        }
        overflow.push(...rest);
      } else overflow.push(...blocks);
    }
    pushText(result, child.value.slice(last));
  }
  return result;
}

/** Adds text, joined to a text just before it, as one parse of the whole line would have it. */
function pushText(result: PhrasingContent[], value: string): void {
  if (value === '') return;
  const previous = result.at(-1);
  if (previous?.type === 'text') previous.value += value;
  else result.push({ type: 'text', value });
}

/** The field number when the node is a paragraph holding nothing but one placeholder. */
function wholeField(node: RootContent): number | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const only = node.children[0];
  if (only?.type !== 'text') return undefined;
  const match = /^\s*\uE000(\d+)\uE001\s*$/.exec(only.value);
  return match ? Number(match[1]) : undefined;
}

/** Link reference definitions belong to their field: `[x]` in one position never uses another's `[x]:`. */
function scopeDefinitions(tree: Root, ref: FieldRef): void {
  const scope = `${ref.kind}:${ref.id}:${ref.field}:`;
  walk(tree, (node) => {
    if (node.type === 'definition' || node.type === 'linkReference' || node.type === 'imageReference') {
      node.identifier = scope + node.identifier;
    }
  });
}

function markListKinds(tree: Root, source: string): void {
  walk(tree, (node) => {
    if (node.type === 'list') node.data = { ...node.data, listKind: listKindInSource(node, source) };
  });
}

function shiftPositions(tree: Root, line: (line: number) => number): void {
  walk(tree, (node) => {
    if (!node.position) return;
    const { start, end } = node.position;
    node.position = { start: { line: line(start.line), column: start.column }, end: { line: line(end.line), column: end.column } };
  });
}

/** The line of the rendered report that skeleton line `line` is: each field printed before it takes its own lines. */
export function reportLineOf(source: ReportSource, line: number): number {
  return new LineMap(source.skeleton, source.fields.map(printedText)).reportLine(line);
}

/** Skeleton line → line of the rendered report, where each field before it takes its own lines. */
class LineMap {
  private readonly starts: number[] = [];
  private readonly extra: number[] = [];

  constructor(skeleton: string, texts: readonly string[]) {
    let line = 1;
    let scanned = 0;
    let added = 0;
    for (const match of skeleton.matchAll(PLACEHOLDER)) {
      line += countLines(skeleton, scanned, match.index);
      scanned = match.index;
      this.starts.push(line);
      this.extra.push(added);
      added += countLines(texts[Number(match[1])] ?? '', 0, Infinity);
    }
    this.starts.push(Infinity);
    this.extra.push(added);
  }

  /** The report line of skeleton line `line`. */
  reportLine(line: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.starts[middle] ?? Infinity) < line) low = middle + 1;
      else high = middle;
    }
    return line + (this.extra[low] ?? 0);
  }
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Where one field's printed text lies in the `.md` of a report in parts. */
export interface FieldSpan {
  /** The field's number in `source.fields`. */
  index: number;
  /** The report line the text starts on, and the column there (a field may start within a line of the template's text). */
  first: number;
  column: number;
  /** The report line the text ends on, and the column just after its last character there. */
  last: number;
  end: number;
}

/** Every place a field is printed in the `.md` of a report in parts, in report order (a field printed twice has two). */
export function fieldSpans(source: ReportSource): FieldSpan[] {
  const texts = source.fields.map(printedText);
  const spans: FieldSpan[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  // Lines the fields before add, and how far a field printed earlier on the same line moved the columns.
  let added = 0;
  let shift = 0;
  for (const match of source.skeleton.matchAll(PLACEHOLDER)) {
    for (let at = source.skeleton.indexOf('\n', scanned); at !== -1 && at < match.index; at = source.skeleton.indexOf('\n', at + 1)) {
      line++;
      lineStart = at + 1;
      shift = 0;
    }
    scanned = match.index;
    const index = Number(match[1]);
    const text = texts[index] ?? '';
    const lines = countLines(text, 0, Infinity);
    const first = line + added;
    const column = match.index - lineStart + 1 + shift;
    // Text after the field on its last line starts after the field's last line, not after the placeholder.
    const lastLine = text.slice(text.lastIndexOf('\n') + 1).length;
    spans.push({ index, first, column, last: first + lines, end: lines ? lastLine + 1 : column + text.length });
    added += lines;
    shift = lines ? lastLine - (match.index + match[0].length - lineStart) : shift + text.length - match[0].length;
  }
  return spans;
}
