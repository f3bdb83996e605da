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
    // Text after changes alone begins the line once they are accepted or rejected: it is escaped as a line's start is.
    const start = atStart && nodes.slice(0, index).every((before) => before.type === 'insertion' || before.type === 'deletion');
    const next = nodes[index + 1];
    if (node.type === 'deletion' && next?.type === 'insertion') {
      out += `{~~${inlineMarkdown(node.children, start, isSpace(node.children))}~>${inlineMarkdown(next.children, start, isSpace(next.children))}~~}`;
      return;
    }
    if (node.type === 'insertion' && nodes[index - 1]?.type === 'deletion') return;
    out += piece(node, start, spaceOnly);
  });
  return out;
}

/** Whether a change is of whitespace alone: only then are its spaces and line breaks shown as marks. */
function isSpace(nodes: readonly PhrasingContent[]): boolean {
  const text = (node: PhrasingContent): string => (node.type === 'text' ? node.value : node.type === 'break' ? '\n' : 'children' in node ? node.children.map(text).join('') : 'x');
  return /^\s+$/.test(nodes.map(text).join(''));
}

function piece(node: PhrasingContent, atStart: boolean, spaceOnly: boolean): string {
  switch (node.type) {
    case 'text':
      return escapeMarkdown(shownText(node.value, spaceOnly ? 'insert' : 'equal'), atStart);
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
      return ' ';
    case 'taskBox':
      return node.checked ? '[x] ' : '[ ] ';
    case 'html':
      return escapeMarkdown(node.value, false);
    case 'image':
    case 'imageReference':
      return `[${escapeMarkdown(node.alt ?? '', false)}]`;
    default:
      return '';
  }
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
