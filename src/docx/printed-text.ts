import type { Image, ImageReference, Nodes } from 'mdast';
import { isListEnd } from '../util/markdown.js';

/*
 * What the DOCX compiler prints for Markdown text, apart from the compiler (which needs the
 * docx library), so that reading a DOCX back (`review`, `import`) compares against it without
 * loading that library.
 */

/** The formatting of a run the Markdown sets (not the layout): bold, italic, struck, code font, link. */
export interface RunMarks {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  code: boolean;
  /** The link's address. */
  link?: string;
}

/** A stretch of printed text and the formatting its Markdown gives it. */
export interface PrintedRun extends RunMarks {
  text: string;
}

const PLAIN: RunMarks = { bold: false, italic: false, strike: false, code: false };

/**
 * The text the runs of a node print, as the DOCX has it (for reading a DOCX back): a hard
 * line break is a line break, an image its `[alternative text]`, a footnote reference nothing.
 */
export function runsText(node: Nodes): string {
  return printedRuns(node).map((run) => run.text).join('');
}

/**
 * The runs a node prints (see {@link runsText}) with the formatting its Markdown sets, as the
 * compiler's inline runs carry it: `**` bold, `*` italic, `~~` struck, inline code in the code
 * font, a link its address (a reference link the address of its definition in `definitions`,
 * by identifier). What the layout adds (a table's bold header row) is not in it.
 */
export function printedRuns(node: Nodes, definitions: ReadonlyMap<string, string> = new Map(), marks: RunMarks = PLAIN): PrintedRun[] {
  const inner = (next: RunMarks): PrintedRun[] => ('children' in node ? node.children.flatMap((child) => printedRuns(child, definitions, next)) : []);
  switch (node.type) {
    case 'html':
      return isListEnd(node) ? [] : [{ ...marks, text: node.value }];
    case 'text':
    case 'code':
      return [{ ...marks, text: node.value }];
    case 'inlineCode':
      return [{ ...marks, code: true, text: node.value }];
    case 'break':
      return [{ ...marks, text: '\n' }];
    case 'image':
    case 'imageReference':
      return [{ ...marks, text: imageText(node) }];
    case 'footnoteReference':
      return [];
    case 'strong':
      return inner({ ...marks, bold: true });
    case 'emphasis':
      return inner({ ...marks, italic: true });
    case 'delete':
      return inner({ ...marks, strike: true });
    case 'link':
      return inner({ ...marks, link: node.url });
    case 'linkReference': {
      const url = definitions.get(node.identifier);
      return inner(url === undefined ? marks : { ...marks, link: url });
    }
    default:
      return inner(marks);
  }
}

/** What the DOCX prints for an image it does not place: its alternative text in brackets. */
export function imageText(node: Image | ImageReference): string {
  return node.alt ? `[${node.alt}]` : '[attēls]';
}
