import type { Image, ImageReference, Nodes } from 'mdast';
import { isListEnd } from '../util/markdown.js';

/*
 * What the DOCX compiler prints for Markdown text, apart from the compiler (which needs the
 * docx library), so that reading a DOCX back (`review`, `import`) compares against it without
 * loading that library.
 */

/**
 * The text the runs of a node print, as the DOCX has it (for reading a DOCX back): a hard
 * line break is a line break, an image its `[alternative text]`, a footnote reference nothing.
 */
export function runsText(node: Nodes): string {
  switch (node.type) {
    case 'html':
      return isListEnd(node) ? '' : node.value;
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return imageText(node);
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map(runsText).join('') : '';
  }
}

/** What the DOCX prints for an image it does not place: its alternative text in brackets. */
export function imageText(node: Image | ImageReference): string {
  return node.alt ? `[${node.alt}]` : '[attēls]';
}

