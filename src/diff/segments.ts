/** A piece of text as `Intl.Segmenter` splits it by words: the piece, and whether it is a word. */
export interface WordSegment {
  segment: string;
  isWordLike: boolean;
}

/**
 * The characters whose word boundaries a regular expression can tell exactly as the Unicode
 * rules (UAX #29) do: Latin letters, ASCII digits, punctuation and whitespace, and the
 * typographic marks of Latvian text, but not `_` (ICU makes `__` a word, and `_` alone none). Nearly every briefing is written in them; other text
 * goes to `Intl.Segmenter`, whose word rules (ICU) take 8–12 ms to load — more than a
 * position's whole word diff.
 */
const PLAIN = /^[\p{Script=Latin}0-9\s!-/:-@[-^`{-~\u00a0«»°§€–—‘’“”„…]*$/u;

/**
 * A word: letters and digits, joined across `:` `.` `'` `‘` `’` between letters and across
 * `,` `;` `.` `'` `‘` `’` between digits (UAX #29 rules WB6–WB12). Anything else is a
 * segment of its own, a run of whitespace too (the callers treat whitespace as one).
 */
const SEGMENT = /(?:[\p{L}0-9]|(?<=\p{L})[:.'‘’](?=\p{L})|(?<=[0-9])[,;.'‘’](?=[0-9]))+|\s+|[^]/gu;
const WORD_LIKE = /[\p{L}0-9]/u;

let segmenter: Intl.Segmenter | undefined;

/** The text split by words, as `Intl.Segmenter` with word granularity splits it (whitespace runs may come as one). */
export function wordSegments(text: string): WordSegment[] {
  if (!PLAIN.test(text)) {
    segmenter ??= new Intl.Segmenter('lv', { granularity: 'word' });
    return [...segmenter.segment(text)].map(({ segment, isWordLike }) => ({ segment, isWordLike: isWordLike === true }));
  }
  return (text.match(SEGMENT) ?? []).map((segment) => ({ segment, isWordLike: WORD_LIKE.test(segment) }));
}
