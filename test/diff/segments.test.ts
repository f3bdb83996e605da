import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordSegments } from '../../src/diff/segments.js';

const icu = new Intl.Segmenter('lv', { granularity: 'word' });

/** What Intl.Segmenter says, with whitespace runs taken as one piece (as every caller takes them). */
function byIcu(text: string): { segment: string; isWordLike: boolean }[] {
  return joinSpaces([...icu.segment(text)].map(({ segment, isWordLike }) => ({ segment, isWordLike: isWordLike === true })));
}

function joinSpaces(segments: { segment: string; isWordLike: boolean }[]): { segment: string; isWordLike: boolean }[] {
  const joined: { segment: string; isWordLike: boolean }[] = [];
  for (const piece of segments) {
    const last = joined.at(-1);
    if (last && /^\s+$/.test(last.segment) && /^\s+$/.test(piece.segment)) last.segment += piece.segment;
    else joined.push({ ...piece });
  }
  return joined;
}

/** The characters of Latvian briefings, with every mark the word rules treat specially among them. */
const ALPHABET = [...'aāAĀbcčČdeēfgģhiīIjkķlļmnņoprsšStuūvzžZxyqwW0123456789ßæŉªºﬀＡǅȸ', ' ', ' ', '\n', '\t', '\u00a0', ...".,;:'‘’_-–—!?()[]{}/\\\"%§€°«»“”„…*#@&+=<>|~^`$"];

describe('word segments (the diff’s words)', () => {
  it('are those of Intl.Segmenter for any text in the characters of Latvian briefings', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(joinSpaces(wordSegments(text))).toEqual(byIcu(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('are those of Intl.Segmenter for the example’s kinds of text, and for other scripts through it', () => {
    for (const text of [
      'Tuvākajā laikā prioritāri paredzēts: 53,5 % skolēnu; 1 000 skolu (turpmāk – ES).',
      'e-pasts, COVID-19, 2021. gada 19. februārī, u.c., t.sk., Latvijas’ – „citāts”',
      'Ελληνικά και кириллица, 日本語のテキスト, ไทย',
      'don\'t a.b.c 3.14 1,5;2 x_y a:b 1:2',
    ]) {
      expect(joinSpaces(wordSegments(text))).toEqual(byIcu(text));
    }
  });
});
