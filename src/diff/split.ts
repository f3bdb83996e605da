import type { Paragraph, PhrasingContent } from 'mdast';
import { mergeInline } from './inline.js';

/**
 * Where one paragraph ends while several are compared as one text: an atom that no Markdown
 * gives (the parser turns NUL into U+FFFD), so that it is always inserted or deleted, never kept.
 */
const PARAGRAPH_END = '\u0000paragraph end';

/**
 * One paragraph split into several in the newer version, as the redline: the newer paragraphs,
 * each merged word by word with its part of the old one, the mark of each but the last inserted
 * (`data.paragraphMark`), and the space the old text had there deleted at the end of the part
 * before it. Rejecting every change joins them again; only the break and changed words show.
 */
export function mergeSplit<P extends Paragraph>(before: Paragraph, after: readonly P[], whitespace: boolean): P[] {
  const parts = cutAtEnds(mergeInline(before.children, joined(after), whitespace), after.length, 'deletion');
  return after.map((paragraph, index) => withMark(paragraph, parts[index] ?? [], index < after.length - 1 ? 'insert' : undefined));
}

/**
 * Several paragraphs joined into one in the newer version, as the redline: one paragraph for each
 * older one, merged word by word with its part of the newer paragraph, the mark of each but the
 * last deleted, the space the new text has there inserted at the end of the part before it.
 */
export function mergeJoin<P extends Paragraph>(before: readonly Paragraph[], after: P, whitespace: boolean): P[] {
  const parts = cutAtEnds(mergeInline(joined(before), after.children, whitespace), before.length, 'insertion');
  return before.map((_, index) => withMark(after, parts[index] ?? [], index < before.length - 1 ? 'delete' : undefined));
}

/** A paragraph with other content, its mark tracked when `mark` is given. */
function withMark<P extends Paragraph>(paragraph: P, children: PhrasingContent[], mark: 'insert' | 'delete' | undefined): P {
  return { ...paragraph, children, ...(mark ? { data: { ...paragraph.data, paragraphMark: mark } } : {}) };
}

/** The paragraphs' content one after another, {@link PARAGRAPH_END} between each two. */
function joined(paragraphs: readonly Paragraph[]): PhrasingContent[] {
  return paragraphs.flatMap((paragraph, index) => (index ? [{ type: 'html', value: PARAGRAPH_END }, ...paragraph.children] : paragraph.children));
}

function isEnd(node: PhrasingContent): boolean {
  return node.type === 'html' && node.value === PARAGRAPH_END;
}

/**
 * Merged content cut into `count` parts where the paragraph ends stand. An end carries no
 * formatting, so the merge leaves it at the top or right inside an insertion or deletion, which is
 * cut in two around it. The changes right after an end that are text of the version where the
 * parts are one paragraph (`joint`: deleted words where a paragraph was split, inserted where
 * joined; the space there among them) go to the end of the part before, with the break.
 */
function cutAtEnds(nodes: readonly PhrasingContent[], count: number, joint: 'insertion' | 'deletion'): PhrasingContent[][] {
  const parts: PhrasingContent[][] = [[]];
  const add = (node: PhrasingContent) => parts[parts.length - 1]?.push(node);
  for (const node of nodes) {
    if (isEnd(node)) parts.push([]);
    else if ((node.type === 'insertion' || node.type === 'deletion') && node.children.some(isEnd)) {
      let run: PhrasingContent[] = [];
      const flush = () => {
        if (run.length) add({ ...node, children: run });
        run = [];
      };
      for (const child of node.children) {
        if (isEnd(child)) {
          flush();
          parts.push([]);
        } else run.push(child);
      }
      flush();
    } else add(node);
  }
  if (parts.length !== count) throw new Error(`mergeSplit: ${count} paragraphs gave ${parts.length} parts`);
  parts.forEach((part, index) => {
    const previous = parts[index - 1];
    while (previous && part[0]?.type === joint) previous.push(...part.splice(0, 1));
  });
  return parts;
}

/** An insertion or deletion of whitespace alone. */
export function isSpaceChange(node: PhrasingContent): boolean {
  return (node.type === 'insertion' || node.type === 'deletion') && node.children.every((child) => child.type === 'text' && /^\s*$/.test(child.value));
}
