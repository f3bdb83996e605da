import type { Nodes, Root } from 'mdast';
import { fieldSpans, printedText, type FieldSpan } from './fields.js';
import { unclosedAtEnd } from '../util/unclosed.js';
import { composedText } from '../util/composed.js';
import type { YamlFile } from '../load/yaml.js';
import { fieldKeyPath, type FieldRef } from '../model/field.js';
import { fieldScope, unscopedLine } from '../resolve/markdown-field.js';
import type { MarkdownField, ReportSource } from '../render/fields.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';

/** A Markdown field with the file it was written in and its text as written there. */
export interface FieldSource {
  file: YamlFile;
  /** The field's value as loaded, before the report's normalisation. */
  raw: string;
}

/** A problem in one field's tree: where in the printed field, the text to find that line by in the file, and what to say. */
interface Finding {
  line: number;
  column: number;
  opening: string;
  ruleId: 'markdown/unclosed' | 'markdown/too-deep';
  message: string;
  hint: string;
}

/**
 * The problems of each field's own tree, as errors at their place in the field's file, each
 * field once (a position answering two questions is printed twice):
 *
 * - `markdown/unclosed`: a field that ends inside a fenced code block, an HTML comment or
 *   another HTML block that only its own end marker closes. In the Markdown report it would
 *   swallow the questions, the clearance line and the signature after it; the error is at the
 *   line where the construct opens.
 * - `markdown/too-deep`: a field whose tree nests deeper than {@link MAX_TREE_DEPTH} levels,
 *   such as emphasis inside emphasis a thousand times, at the line where it goes too deep.
 */
export function fieldTreeProblems(
  fields: readonly MarkdownField[],
  trees: readonly Root[],
  sourceOf: (ref: FieldRef) => FieldSource | undefined,
): Diagnostic[] {
  const seen = new Set<string>();
  const problems: Diagnostic[] = [];
  fields.forEach((field, index) => {
    const { ref, text } = field;
    const key = `${ref.file}\u0000${ref.field}`;
    const tree = trees[index];
    if (seen.has(key) || !tree) return;
    seen.add(key);
    for (const found of [unclosed(field, tree), tooDeep(field, tree)]) {
      if (!found) continue;
      const source = sourceOf(ref);
      const place = source ? placeInFile(source, ref, { line: originalLine(text, found.line), column: found.column }, found.opening) : undefined;
      problems.push(diagnostic(ref.file, place, 'error', found.ruleId, found.message, found.hint));
    }
  });
  return problems;
}

function unclosed(field: MarkdownField, tree: Root): Finding | undefined {
  const found = unclosedAtEnd(printedText(field), tree);
  if (!found) return undefined;
  const name = field.ref.field;
  return {
    line: found.line,
    column: found.column,
    opening: (printedText(field).split('\n')[found.line - 1] ?? '').trim(),
    ruleId: 'markdown/unclosed',
    message: `\`${name}\` ends inside ${found.what} that is never closed; it would swallow the rest of the report.`,
    hint: `Close it with ${found.close} before the end of \`${name}\`, or remove it.`,
  };
}

/**
 * The deepest a field's syntax tree may go: blocks, quotes and lists (at most 20 levels of
 * those, `markdown/too-deep` before parsing) and the formatting inside them. The compilers
 * recurse once per level, and a few thousand overflow their stack.
 */
export const MAX_TREE_DEPTH = 100;

/** The first node (in reading order) deeper than {@link MAX_TREE_DEPTH}, measured with a stack of its own so that any depth is measured. */
function tooDeep(field: MarkdownField, tree: Root): Finding | undefined {
  const deep = deepestNode(tree);
  if (!deep) return undefined;
  const line = deep.position?.start.line ?? 1;
  return {
    line,
    column: deep.position?.start.column ?? 1,
    opening: (printedText(field).split('\n')[line - 1] ?? '').trim().slice(0, 20),
    ruleId: 'markdown/too-deep',
    message: `\`${field.ref.field}\` nests formatting, quotes or lists more than ${MAX_TREE_DEPTH} levels deep here; a report cannot show it.`,
    hint: 'Look for emphasis (`*`, `_`) or links opened again and again before they close, and write the text with a few levels at most.',
  };
}

/** The first node (in reading order) deeper than {@link MAX_TREE_DEPTH}, if any. */
function deepestNode(tree: Root): Nodes | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > MAX_TREE_DEPTH) return node;
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push([node.children[index] as Nodes, depth + 1]);
  }
  return undefined;
}

/** A place in a report's generated `.md` that a Markdown field printed: the field's file, and the place in it. */
export interface FieldPlace {
  ref: FieldRef;
  /** Undefined when the field's value cannot be found in its file. */
  place: Place | undefined;
}

/**
 * Where in its YAML file the text at `line` of the generated `.md` was written, when a Markdown
 * field printed that line; undefined for the template's own text. `column` is the report's, or,
 * with `fieldColumn`, the field's own (as the field's syntax tree has it). With `field`, only that
 * field's places are looked at (the compiler knows which field a block came from).
 */
export function placeOfReportLine(
  source: ReportSource,
  at: { line: number; column: number; fieldColumn?: boolean; field?: { file: string; field: string } | undefined },
  sourceOf: (ref: FieldRef) => FieldSource | undefined,
): FieldPlace | undefined {
  const span = fieldSpans(source).find((one) => {
    const ref = source.fields[one.index]?.ref;
    if (at.field && (ref?.file !== at.field.file || ref.field !== at.field.field)) return false;
    return at.fieldColumn ? at.line >= one.first && at.line <= one.last : holds(one, at);
  });
  const field = span && source.fields[span.index];
  if (!span || !field) return undefined;
  const line = at.line - span.first + 1;
  const column = line === 1 && !at.fieldColumn ? at.column - span.column + 1 : at.column;
  const text = printedText(field).split('\n')[line - 1] ?? '';
  const fieldSource = sourceOf(field.ref);
  if (!fieldSource) return { ref: field.ref, place: undefined };
  // A block scalar's line is found by its text: the column is counted from where that text starts.
  const indent = text.length - text.trimStart().length;
  const place = placeInFile(fieldSource, field.ref, { line: originalLine(field.text, line), column }, text.trim(), text.slice(indent, Math.max(indent, column - 1)));
  return { ref: field.ref, place };
}

/** Whether a field's span holds a place of the report: a field may share its first and last lines with the template's text, and the column tells whose it is. */
function holds(span: FieldSpan, at: { line: number; column: number }): boolean {
  if (at.line < span.first || at.line > span.last) return false;
  return (at.line > span.first || at.column >= span.column) && (at.line < span.last || at.column < span.end);
}

/**
 * The field printed at places of the report asked in report order (each after the one before): its number in
 * `source.fields`, or undefined for the template's own text. Walks the spans once, however many places are asked.
 */
export function fieldsInReportOrder(source: ReportSource): (at: { line: number; column: number }) => number | undefined {
  const spans = fieldSpans(source);
  let next = 0;
  return (at) => {
    for (; next < spans.length; next++) {
      const span = spans[next];
      if (span && (span.last > at.line || (span.last === at.line && span.end > at.column))) break;
    }
    const span = spans[next];
    return span && holds(span, at) ? span.index : undefined;
  };
}

/** Line `line` of the printed field (runs of blank lines made one) → line of the field as normalised. */
function originalLine(normalised: string, line: number): number {
  let removed = 0;
  for (const run of normalised.matchAll(/\n{3,}/g)) {
    const runLine = lineAt(normalised, run.index) - removed;
    if (runLine >= line) break;
    removed += run[0].length - 2;
  }
  return line + removed;
}

/**
 * Where a place in a field's text sits in its YAML file: under a block scalar's indicator
 * (`|`, `>`), the line that holds `opening` (the construct's first line), after `before` (the
 * printed text from where `opening` starts to the place); a plain or quoted value at its column on the key's line (a
 * plain one continued on the lines under the key on the line the place is on), a quoted one's later paragraph at its start.
 * Both texts are the report's: their footnote and link labels are read as the file writes them.
 */
function placeInFile(source: FieldSource, ref: FieldRef, at: Place, printedOpening: string, printedBefore = ''): Place | undefined {
  const value = source.file.locate(fieldKeyPath(ref.field));
  if (!value) return undefined;
  const fileLines = source.file.text.split(/\r?\n/);
  const indicator = fileLines[value.line - 1]?.slice(value.column - 1) ?? '';
  if (!/^[|>]/.test(indicator)) {
    const quoted = /^["']/.test(indicator);
    // A quoted scalar's text starts after its quote, a plain one's at its first letter.
    const textStart = quoted ? value.column + 1 : value.column;
    if (at.line !== 1) return value;
    return quoted ? { line: value.line, column: textStart + at.column - 1 } : placeInPlain(fileLines, value.line, textStart, at.column);
  }
  const opening = unscopedLine(printedOpening, fieldScope(ref));
  const before = unscopedLine(printedBefore, fieldScope(ref));
  const leadingNewlines = /^\n*/.exec(source.raw.replace(/\r\n?/g, '\n'))?.[0].length ?? 0;
  const wanted = asPrinted(opening).text;
  let fileLine = value.line + leadingNewlines + at.line;
  // A folded scalar (`>`) joins lines, and the report's text gains a blank line before a table right under a
  // paragraph, so its lines are not the field's: find the opening line itself, the one nearest where it was looked for.
  const beforeText = asPrinted(before).text;
  if (startIn(asPrinted(fileLines[fileLine - 1] ?? '').text, wanted) === undefined) {
    const nearest = nearestLineStarting(fileLines, wanted, value.line, fileLine);
    // A paragraph a folded scalar wrote over several lines is none of them: the place is in the line `before` reaches.
    const folded = nearest === undefined && indicator.startsWith('>') ? placeInFolded(fileLines, wanted, beforeText, value.line, fileLine) : undefined;
    if (folded) return folded;
    fileLine = nearest ?? fileLine;
  }
  const line = asPrinted(fileLines[fileLine - 1] ?? '');
  const start = startIn(line.text, wanted) ?? 0;
  const end = writtenEnd(line.text, start, beforeText) ?? start + beforeText.length;
  const offset = line.offsets[end] ?? line.offsets.at(-1) ?? 0;
  return { line: fileLine, column: offset + 1 };
}

/** Where printed text starts in a line of the file (see {@link writtenEnd}): where the text before its first bracket is, or the line's text starts. */
function startIn(text: string, printed: string): number | undefined {
  const exact = text.indexOf(printed);
  if (exact !== -1) return exact;
  const bracket = printed.indexOf('[');
  const head = bracket === -1 ? printed : printed.slice(0, bracket);
  const start = head ? text.indexOf(head) : text.search(/\S/);
  return start !== -1 && writtenEnd(text, start, printed) !== undefined ? start : undefined;
}

/** A link reference as scoping writes every one out, `[x][x]` once unscoped, at the sticky regex's `lastIndex`. */
const FULL_REFERENCE = /\[([^[\]]*)\]\[\1\]/y;

/**
 * The end in `text` (a line of the file) of `printed` read from `from`, undefined when it is not
 * there. A link reference the report writes `[x][x]` is written `[x][x]`, `[x][]` or `[x]`
 * in the file: the report's scoping (resolve/link-scope.ts) writes shortcut and collapsed references out in full.
 */
function writtenEnd(text: string, from: number, printed: string): number | undefined {
  let at = from;
  for (let index = 0; index < printed.length; ) {
    FULL_REFERENCE.lastIndex = index;
    const reference = printed[index] === '[' ? FULL_REFERENCE.exec(printed) : null;
    if (reference) {
      const label = reference[1] ?? '';
      const form = [reference[0], `[${label}][]`, `[${label}]`].find((one) => text.startsWith(one, at));
      if (form === undefined) return undefined;
      at += form.length;
      index += reference[0].length;
    } else if (text[at] === printed[index]) {
      at++;
      index++;
    } else return undefined;
  }
  return at;
}

/**
 * Where column `column` of the text of a plain value starting at `line`, `start` lies in the file: a plain value
 * continued on the lines under its key, indented further, is printed as one line, its lines joined by spaces.
 */
function placeInPlain(fileLines: readonly string[], line: number, start: number, column: number): Place {
  const keyIndent = /^ */.exec(fileLines[line - 1] ?? '')?.[0].length ?? 0;
  let left = column - 1;
  let at = { line, from: start - 1 };
  for (;;) {
    const written = (fileLines[at.line - 1] ?? '').slice(at.from);
    // A comment (` #`) ends the value: no part of it, and no line after it continues it.
    const text = written.replace(/\s+#.*$/, '').trimEnd();
    const next = fileLines[at.line] ?? '';
    const continued = text.length === written.trimEnd().length && next.trim() !== '' && (/^ */.exec(next)?.[0].length ?? 0) > keyIndent && !next.trim().startsWith('#');
    if (left <= text.length || !continued) return { line: at.line, column: at.from + left + 1 };
    // The space the fold put between this line and the next.
    left -= text.length + 1;
    at = { line: at.line + 1, from: next.search(/\S/) };
  }
}

/**
 * A folded scalar (`>`) prints a paragraph written over several lines as one line, its lines joined by
 * spaces: the place `before` (the printed text from the paragraph's start) reaches, in the run of lines
 * after line `after`, nearest line `guess`, that so joined starts with `wanted`.
 */
function placeInFolded(fileLines: readonly string[], wanted: string, before: string, after: number, guess: number): Place | undefined {
  let nearest: number[] | undefined;
  for (let first = after + 1; first <= fileLines.length; first++) {
    const run = foldedRun(fileLines, first, wanted);
    if (run && (nearest?.[0] === undefined || Math.abs(first - guess) < Math.abs(nearest[0] - guess))) nearest = run;
  }
  let left = before.length;
  for (const [index, line] of (nearest ?? []).entries()) {
    const printed = asPrinted(fileLines[line - 1] ?? '');
    const start = printed.text.search(/\S/);
    const length = printed.text.trim().length;
    if (left <= length || index === (nearest ?? []).length - 1) return { line, column: (printed.offsets[start + Math.min(left, length)] ?? printed.offsets.at(-1) ?? 0) + 1 };
    // The space the fold put between this line and the next.
    left -= length + 1;
  }
  return undefined;
}

/** The lines from line `first` on that a folded scalar joins into text starting with `wanted`: two or more, else undefined. */
function foldedRun(fileLines: readonly string[], first: number, wanted: string): number[] | undefined {
  const run: number[] = [];
  let joined = '';
  for (let line = first; line <= fileLines.length && joined.length < wanted.length; line++) {
    const text = asPrinted(fileLines[line - 1] ?? '').text.trim();
    joined = joined ? `${joined} ${text}` : text;
    if (!text || !(wanted.startsWith(joined) || joined.startsWith(wanted))) return undefined;
    run.push(line);
  }
  return run.length > 1 && joined.startsWith(wanted) ? run : undefined;
}

/** The 1-based number of the line after line `after` whose printed text starts with `wanted`, the one nearest line `guess`. */
function nearestLineStarting(fileLines: readonly string[], wanted: string, after: number, guess: number): number | undefined {
  let nearest: number | undefined;
  fileLines.forEach((text, index) => {
    const line = index + 1;
    if (line <= after || !asPrinted(text).text.trim().startsWith(wanted)) return;
    if (nearest === undefined || Math.abs(line - guess) < Math.abs(nearest - guess)) nearest = line;
  });
  return nearest;
}

/**
 * A line of a field's file as the report prints it, to find printed text in it: its letters
 * composed (see {@link composedText}), non-breaking spaces as spaces (the report keeps a day with its
 * month and a number with its thousands so) and backslashes left out (a year at a line's start
 * is escaped, "2021\."); with the offset in the line as written of each character.
 */
function asPrinted(written: string): { text: string; offsets: number[] } {
  return composedText(written, (letter) => letter.replace(/\u00A0/g, ' ').replace(/\\/g, ''));
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
