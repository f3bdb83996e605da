import type { PhrasingContent } from 'mdast';
import { escapeMarkdown } from '../render/escape.js';

/**
 * Inline content as Markdown, its changes in CriticMarkup: `{++added++}`, `{--removed--}`,
 * and a removal right before an addition as `{~~old~>new~~}`. `atStart`: the text begins a
 * line, where "1." or "#" must be escaped (in either version: the words after a change there too).
 * `spaceOnly`: the nodes are a change of whitespace alone, which "↵" and "·" show.
 */
export function inlineMarkdown(nodes: readonly PhrasingContent[], atStart: boolean, spaceOnly = false): string {
  let out = '';
  nodes.forEach((node, index) => {
    const start = beginsLine(nodes, index, atStart);
    const next = nodes[index + 1];
    if (node.type === 'deletion' && next?.type === 'insertion') {
      // Whitespace replaced by a hard line break, or the reverse, is no change of whitespace alone: the break shows.
      const marked = !hasBreak(node.children) && !hasBreak(next.children);
      out += `{~~${inlineMarkdown(node.children, start, marked && isSpace(node.children))}~>${inlineMarkdown(next.children, start, marked && isSpace(next.children))}~~}`;
      return;
    }
    if (node.type === 'insertion' && nodes[index - 1]?.type === 'deletion') return;
    out += piece(node, start, spaceOnly);
  });
  return out;
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

function piece(node: PhrasingContent, atStart: boolean, spaceOnly: boolean): string {
  switch (node.type) {
    case 'text':
      return escapeText(shownText(node.value, spaceOnly ? 'insert' : 'equal'), atStart);
    case 'insertion':
      return `{++${inlineMarkdown(node.children, atStart, isSpace(node.children))}++}`;
    case 'deletion':
      return `{--${inlineMarkdown(node.children, atStart, isSpace(node.children))}--}`;
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
