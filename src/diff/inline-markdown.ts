import type { PhrasingContent } from 'mdast';
import { escapeMarkdown } from '../render/escape.js';

/**
 * Inline content as Markdown, its changes in CriticMarkup: `{++added++}`, `{--removed--}`,
 * and a removal right before an addition as `{~~old~>new~~}`. `atStart`: the text begins a
 * line, where "1." or "#" must be escaped (in either version: the words after a change there too).
 * `spaceOnly`: the nodes are a change of whitespace alone, which "↵" and "·" show. `lead`: the
 * text of the line before the nodes in each version, when it is known (the line starts in a change around them).
 */
export function inlineMarkdown(nodes: readonly PhrasingContent[], atStart: boolean, spaceOnly = false, lead?: Lead): string {
  const known = lead ?? (atStart ? { newer: '', older: '' } : undefined);
  // The line so far in each version, carried along: read again from the first node for each node, it cost the square of a paragraph's length.
  const line: Lead = { newer: known?.newer, older: known?.older };
  let out = '';
  nodes.forEach((node, index) => {
    const start = beginsLine(nodes, index, atStart);
    const before = { ...line };
    for (const version of ['newer', 'older'] as const) line[version] = lineAfter(line[version], readText(node, version));
    const next = nodes[index + 1];
    if (node.type === 'deletion' && next?.type === 'insertion') {
      // A change of whitespace alone is whitespace on both sides: whitespace replaced by words (a note's mark), by a hard
      // line break, or the reverse, shows the words or the break, and its whitespace is written as it is, so that
      // rejecting the change gives the older text ("skola skola", not "skola·skola").
      const marked = !hasBreak(node.children) && !hasBreak(next.children) && isSpace(node.children) && isSpace(next.children);
      out += `{~~${inlineMarkdown(node.children, start, marked, { older: before.older })}~>${inlineMarkdown(next.children, start, marked, { newer: before.newer })}~~}`;
      return;
    }
    if (node.type === 'insertion' && nodes[index - 1]?.type === 'deletion') return;
    out += piece(node, start, spaceOnly, before);
  });
  return out;
}

/** The text of a line so far, as the newer version reads it (changes accepted) and as the older one does; undefined where not known. */
interface Lead {
  newer?: string | undefined;
  older?: string | undefined;
}

/** The line so far after `text`: from its last hard line break, or else `line` with it (unknown while `line` is). */
function lineAfter(line: string | undefined, text: string): string | undefined {
  const at = text.lastIndexOf('\n');
  if (at >= 0) return text.slice(at + 1);
  return line === undefined ? undefined : line + text;
}

/** A node's text in one version, a hard line break as a newline; what is no text (a note's mark, code) as a letter, which ends no number. */
function readText(node: PhrasingContent, version: 'newer' | 'older'): string {
  if (node.type === 'insertion' && version === 'older') return '';
  if (node.type === 'deletion' && version === 'newer') return '';
  // A line wrapped in the source is a space here: the text is written on one line.
  if (node.type === 'text') return node.value.replace(/\n/g, ' ');
  if (node.type === 'break') return '\n';
  if ('children' in node) return node.children.map((child) => readText(child, version)).join('');
  return 'x';
}

/**
 * Whether a text right after `before` would end a list's number in either version ("2021" then
 * ".", the number changed or the mark added): its first character is then escaped, `2021\.`.
 */
function endsNumber(text: string, before: Lead | undefined): boolean {
  return before !== undefined && /^[.)]/.test(text) && [before.newer, before.older].some((line) => line !== undefined && /^[ \t]*\d{1,9}$/.test(line));
}

/**
 * Whether `nodes[index]` begins a line once changes are accepted or rejected, and is escaped as a
 * line's start is: when only changes stand between it and the start of the text (`atStart`), or
 * between it and a hard line break (a change that ends with one too).
 */
function beginsLine(nodes: readonly PhrasingContent[], index: number, atStart: boolean): boolean {
  for (let at = index - 1; at >= 0; at--) {
    const before = nodes[at];
    if (before?.type === 'break') return true;
    if (before?.type !== 'insertion' && before?.type !== 'deletion') return false;
    if (before.children.at(-1)?.type === 'break') return true;
  }
  return atStart;
}

/** Whether inline content holds a hard line break, at any depth. */
function hasBreak(nodes: readonly PhrasingContent[]): boolean {
  return nodes.some((node) => node.type === 'break' || ('children' in node && hasBreak(node.children)));
}

/** Whether a change is of whitespace alone: only then are its spaces and line breaks shown as marks. */
function isSpace(nodes: readonly PhrasingContent[]): boolean {
  const text = (node: PhrasingContent): string => (node.type === 'text' ? node.value : node.type === 'break' ? '\n' : 'children' in node ? node.children.map(text).join('') : 'x');
  return /^\s+$/.test(nodes.map(text).join(''));
}

function piece(node: PhrasingContent, atStart: boolean, spaceOnly: boolean, before: Lead | undefined): string {
  switch (node.type) {
    case 'text': {
      const text = escapeText(shownText(node.value, spaceOnly ? 'insert' : 'equal'), atStart);
      return endsNumber(text, before) ? `\\${text}` : text;
    }
    case 'insertion':
      // Its text is in the newer version only, a deletion's in the older.
      return `{++${inlineMarkdown(node.children, atStart, isSpace(node.children), { newer: before?.newer })}++}`;
    case 'deletion':
      return `{--${inlineMarkdown(node.children, atStart, isSpace(node.children), { older: before?.older })}--}`;
    case 'strong':
      return `**${inlineMarkdown(node.children, false, spaceOnly)}**`;
    case 'emphasis':
      return `*${inlineMarkdown(node.children, false, spaceOnly)}*`;
    case 'delete':
      return `~~${inlineMarkdown(node.children, false, spaceOnly)}~~`;
    case 'link':
      return `[${inlineMarkdown(node.children, false, spaceOnly)}](${linkDestination(node.url, node.title)})`;
    case 'linkReference':
      return `[${inlineMarkdown(node.children, false, spaceOnly)}][${node.label ?? node.identifier}]`;
    case 'inlineCode':
      return codeSpan(node.value);
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`;
    case 'break':
      // A hard line break as CommonMark writes it without trailing spaces, which editors strip: a backslash at the line's end.
      return '\\\n';
    case 'taskBox':
      return node.checked ? '[x] ' : '[ ] ';
    case 'html':
      return escapeText(node.value, false);
    case 'image':
      return `![${escapeText(node.alt ?? '', false)}](${linkDestination(node.url, node.title)})`;
    case 'imageReference':
      return `![${escapeText(node.alt ?? '', false)}][${node.label ?? node.identifier}]`;
    default:
      return '';
  }
}

/**
 * Text escaped for Markdown, and its braces too: CriticMarkup's marks all begin `{` or end `}`, so
 * with every brace of the text escaped (`\{`, which Markdown reads as `{`), words like `--}` or `{++`
 * can never open or close a change. A brace is rarely in a report's text, so the cost is small.
 */
function escapeText(text: string, atStart: boolean): string {
  return escapeMarkdown(text, atStart).replace(/[{}]/g, '\\$&');
}

/**
 * Inline code as Markdown: fenced by one backtick more than the longest run of backticks in it,
 * with a space inside each fence where the code starts or ends with a backtick, or with a space
 * at both ends (which Markdown would take away).
 */
function codeSpan(value: string): string {
  const fence = '`'.repeat(Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^`|`$/.test(value) || /^ [^]*[^ ][^]* $/.test(value) ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A link's address and title as Markdown writes them: `<…>` around an address with spaces or brackets, the title quoted. */
function linkDestination(url: string, title: string | null | undefined): string {
  const address = /[\s()<>]/.test(url) ? `<${url.replace(/[<>\\]/g, '\\$&')}>` : url;
  return title ? `${address} "${title.replace(/["\\]/g, '\\$&')}"` : address;
}

/**
 * Text as a report shows it: line breaks inside a paragraph read as spaces, except in a
 * change of whitespace alone, where "↵" and "·" show what changed.
 */
export function shownText(text: string, op: 'equal' | 'insert' | 'delete'): string {
  if (op !== 'equal' && /^\s+$/.test(text)) return text.replace(/\n/g, '↵').replace(/[ \t]/g, '·');
  return text.replace(/[ \t]*\n[ \t]*/g, ' ');
}
