import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';

/**
 * Characters XML 1.0 cannot hold, so no Word document can: C0 controls other than tab,
 * line feed and carriage return (NUL included), U+FFFE, U+FFFF and lone surrogates.
 */
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Offsets of the characters a DOCX cannot hold, in order. */
export function forbiddenCharacterOffsets(text: string): number[] {
  return [...text.matchAll(FORBIDDEN)].map((match) => match.index);
}

/** `U+0001`: how messages name a character. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `file/forbidden-char`: one message per line that holds a character a Word document cannot
 * hold, at its first such character. Such characters come from copying out of PDFs or
 * terminals, or from `\x..`/`\u....` escapes, and would make the DOCX unreadable.
 */
export function forbiddenCharacters(path: string, text: string, placeAt: (offset: number) => Place): Diagnostic[] {
  const lines = new Set<number>();
  const found: Diagnostic[] = [];
  for (const offset of forbiddenCharacterOffsets(text)) {
    const place = placeAt(offset);
    if (lines.has(place.line)) continue;
    lines.add(place.line);
    found.push(forbiddenCharacter(path, place, text.charAt(offset)));
  }
  return found;
}

/** The message for one forbidden character at `place`. */
export function forbiddenCharacter(path: string, place: Place | undefined, char: string): Diagnostic {
  return diagnostic(
    path,
    place,
    'error',
    'file/forbidden-char',
    `The text holds the character ${codePointName(char)}, which a Word document cannot contain.`,
    'Delete it (it is invisible in most editors; it often comes from text copied out of a PDF), or write the character you meant.',
  );
}

/** Offset → line and column (1-based, UTF-16 columns) in `text`; the line index is built on the first call (rarely needed). */
export function placeInText(text: string): (offset: number) => Place {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}
