/**
 * Cutting a long Markdown text into pieces that parse to the same blocks one by one as
 * the whole text does. micromark's time grows faster than the length of one document
 * (each closed container rescans the events before it), so a report of 10,000 questions
 * or a 5 MB position is parsed in pieces of a bounded size, and the time stays linear.
 */

/** One piece of a Markdown text, with where it starts in the whole. */
export interface MarkdownChunk {
  text: string;
  /** Offset of the piece's first character in the whole text. */
  offset: number;
  /** 1-based line of the piece's first line in the whole text. */
  line: number;
}

/** Pieces are cut once they reach this many characters, at the next possible place. */
const CHUNK_SIZE = 16_384;

/** A definition anywhere (`[x]: …`, `[^1]: …`) applies to the whole document: such texts are parsed whole. */
const DEFINITION = /^ {0,3}\[(?:[^\\\]]|\\.)+\]:/m;

/**
 * Splits `text` after a blank line, before a line at the margin that cannot continue a list
 * or a quote. There every block has ended except a fenced code block or an HTML block that
 * only its end marker closes; the caller checks each piece for those and joins it with
 * the rest when it ends inside one. A text with link or footnote definitions, or a short
 * one, is one piece. `size` is for tests.
 */
export function markdownChunks(text: string, size = CHUNK_SIZE): MarkdownChunk[] {
  if (text.length <= size || DEFINITION.test(text)) return [{ text, offset: 0, line: 1 }];
  const chunks: MarkdownChunk[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  let previousBlank = false;
  for (let at = 0; at < text.length; line++) {
    const found = text.indexOf('\n', at);
    const end = found === -1 ? text.length : found;
    const content = text.slice(at, end);
    if (at - start >= size && previousBlank && startsFreshBlock(content)) {
      chunks.push({ text: text.slice(start, at), offset: start, line: startLine });
      start = at;
      startLine = line;
    }
    previousBlank = content.trim() === '';
    at = end + 1;
  }
  chunks.push({ text: text.slice(start), offset: start, line: startLine });
  return chunks;
}

/** A line at the margin that starts a new block and continues nothing: not indented, no list marker, no quote. */
function startsFreshBlock(line: string): boolean {
  return /^[^\s>*+\-\d|]/.test(line) || /^\d+(?![.)\d])/.test(line);
}
