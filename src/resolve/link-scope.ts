import { parseMarkdownText, walk } from '../util/markdown.js';
import { spliceAll, type TextEdit } from '../util/splice.js';

/** A line that may define a link reference: `[label]: destination`. */
const MAY_DEFINE = /^ {0,3}\[(?!\^)(?:[^\\\]]|\\.)+\]:/m;

/**
 * Gives the link reference labels one Markdown field defines a prefix, so `[x]` in one
 * position and `[x]` in another stay two links in the report (the first definition in a
 * document would win otherwise). References to labels the field does not define are left
 * as written. Shortcut and collapsed references (`[x]`, `[x][]`) become full ones
 * (`[x][scope-x]`), which print the same text.
 */
export function scopeLinkDefinitions(markdown: string, scope: string): string {
  if (!MAY_DEFINE.test(markdown)) return markdown;
  const tree = parseMarkdownText(markdown);
  const edits: TextEdit[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'definition') {
      const label = /^ {0,3}\[((?:[^\\\]]|\\.)*)\]:/.exec(markdown.slice(start, end));
      if (label?.[1] !== undefined) {
        const open = markdown.indexOf('[', start);
        edits.push({ from: open, to: open + label[1].length + 2, text: `[${scope}-${label[1]}]` });
      }
    } else if (node.type === 'linkReference' || node.type === 'imageReference') {
      const label = node.label ?? '';
      if (node.referenceType === 'shortcut') edits.push({ from: end, to: end, text: `[${scope}-${label}]` });
      else if (node.referenceType === 'collapsed') edits.push({ from: end - 2, to: end, text: `[${scope}-${label}]` });
      else {
        const open = markdown.lastIndexOf('[', end - 1);
        edits.push({ from: open, to: end, text: `[${scope}-${label}]` });
      }
    }
  });
  return spliceAll(markdown, edits);
}
