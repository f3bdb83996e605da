import type { PhrasingContent } from 'mdast';
import { escapeMarkdown } from '../../render/escape.js';
import { shownText, type DiffBlock } from '../blocks.js';
import type { DocumentDiff } from '../compare.js';
import { changeLine, versionLabel } from './labels.js';
import { statTable } from './stat.js';

/**
 * The diff as Markdown with CriticMarkup — `{++added++}`, `{--removed--}`,
 * `{~~old~>new~~}` — readable as it is and on a code-review page: the changes of
 * status and clearance first, then the whole document with its changes marked.
 */
export function formatMarkdown(diff: DocumentDiff, stat: boolean): string {
  const code = (text: string) => `\`${text}\``;
  const lines = [`# Changes in ${code(diff.file)}`, '', `From ${versionLabel(diff.from, code)} to ${versionLabel(diff.to, code)}.`, ''];
  if (stat) return [...lines, '```', ...statTable(diff.stat), '```', ''].join('\n');
  if (diff.equal) return [...lines, 'No changes.', ''].join('\n');
  if (diff.metadata.length) {
    lines.push('## Status and clearance', '', ...diff.metadata.map((change) => `- ${escapeMarkdown(changeLine(change, diff.kind), false)}`), '');
  }
  lines.push('## Text', '');
  if (diff.blocks.every((block) => block.status === 'equal')) lines.push('The text is unchanged.', '');
  else for (const block of diff.blocks) lines.push(blockMarkdown(block), '');
  return lines.join('\n');
}

function blockMarkdown(block: DiffBlock): string {
  const moved = block.moved === 'from' ? ' {>>moved elsewhere<<}' : block.moved === 'to' ? ' {>>moved here<<}' : '';
  const text = inline(block.content, true) + moved;
  switch (block.kind) {
    case 'title':
      return `# ${text}`;
    case 'heading':
      return `## ${text}`;
    case 'item':
      return `${'   '.repeat(block.depth)}${block.marker ?? '-'} ${text}`;
    case 'note':
      return `> ${text}`;
    case 'footnote':
      return `[^${block.label ?? ''}]: ${text}`;
    case 'rule':
      return block.status === 'inserted' ? '{++———++}' : block.status === 'deleted' ? '{--———--}' : '---';
    case 'code':
    case 'table':
    case 'html':
      return text.split('\n').map((line) => `    ${line}`).join('\n');
    default:
      return text;
  }
}

function inline(nodes: readonly PhrasingContent[], atStart: boolean, changed = false): string {
  let out = '';
  nodes.forEach((node, index) => {
    const start = atStart && index === 0;
    const next = nodes[index + 1];
    if (node.type === 'deletion' && next?.type === 'insertion') {
      out += `{~~${inline(node.children, start, true)}~>${inline(next.children, false, true)}~~}`;
      return;
    }
    if (node.type === 'insertion' && nodes[index - 1]?.type === 'deletion') return;
    out += piece(node, start, changed);
  });
  return out;
}

function piece(node: PhrasingContent, atStart: boolean, changed: boolean): string {
  switch (node.type) {
    case 'text':
      return escapeMarkdown(shownText(node.value, changed ? 'insert' : 'equal'), atStart);
    case 'insertion':
      return `{++${inline(node.children, atStart, true)}++}`;
    case 'deletion':
      return `{--${inline(node.children, atStart, true)}--}`;
    case 'strong':
      return `**${inline(node.children, false, changed)}**`;
    case 'emphasis':
      return `*${inline(node.children, false, changed)}*`;
    case 'delete':
      return `~~${inline(node.children, false, changed)}~~`;
    case 'link':
      return `[${inline(node.children, false, changed)}](${node.url})`;
    case 'linkReference':
      return `[${inline(node.children, false, changed)}][${node.label ?? node.identifier}]`;
    case 'inlineCode':
      return `\`${node.value}\``;
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`;
    case 'break':
      return ' ';
    case 'html':
      return escapeMarkdown(node.value, false);
    case 'image':
    case 'imageReference':
      return `[${escapeMarkdown(node.alt ?? '', false)}]`;
    default:
      return '';
  }
}
