import { BookmarkEnd, BookmarkStart, Paragraph, printedPieces, type FileChild } from './ooxml/body.js';
import { ANCHOR_NAME_PREFIX } from './anchors.js';
import { printedKey } from './printed-keys.js';

/**
 * The keys (`printedKey`) of the body's paragraphs outside every field anchor, in document
 * order, a table's cells row by row: what the DOCX prints that no field holds. A paragraph is
 * inside an anchor from the one its bookmark starts in to the one it ends in.
 */
export function printedOutsideKeys(children: readonly FileChild[]): string[] {
  const keys: string[] = [];
  let open: number | undefined;
  for (const paragraph of paragraphsOf(children)) {
    const start = paragraph.children.find((child) => child instanceof BookmarkStart && child.name.startsWith(ANCHOR_NAME_PREFIX));
    if (open === undefined && start === undefined) {
      const key = printedKey(printedText(paragraph));
      if (key) keys.push(key);
    }
    if (start instanceof BookmarkStart) open = start.id;
    if (paragraph.children.some((child) => child instanceof BookmarkEnd && child.id === open)) open = undefined;
  }
  return keys;
}

function* paragraphsOf(children: readonly FileChild[]): Generator<Paragraph> {
  for (const child of children) {
    if (child instanceof Paragraph) yield child;
    else for (const row of child.options.rows) for (const cell of row.options.children) yield* cell.options.children;
  }
}

/** The text a paragraph prints, a tracked deletion's too (the text as it stood before any change); a footnote's number is not in the text. */
function printedText(paragraph: Paragraph): string {
  let text = '';
  for (const piece of printedPieces(paragraph.children)) if (piece.kind === 'text') text += piece.text;
  return text;
}
