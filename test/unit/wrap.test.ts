import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withLiterals, wrap } from '../../src/review/inline-markdown.js';
import { parseMarkdownText } from '../../src/util/markdown.js';

/** Words of a reworded paragraph, some of which would open a block of their own at a line's start. */
const WORDS = ['vārds', 'teksts', 'ilgtermiņā', '*Erasmus+*', '**svarīgi**', '*ES*', '+5', '-10', '#1', '=', '-', '–', '+', '*', '1.', '2)', '2021.', '#', '##', '>', '>citāts', '<b>', '```', '~~~', '---', '===', '%', '352', '11', 'www.izm.gov.lv', '(ES)'];

/** The text of a parsed paragraph: every block's words, in order. */
function blocks(markdown: string): { types: string[]; words: string[] } {
  const tree = parseMarkdownText(markdown);
  return { types: tree.children.map((node) => node.type), words: markdown.split(/\s+/).filter(Boolean) };
}

describe('wrap (a reworded paragraph written back into the YAML)', () => {
  it('keeps one paragraph whatever words it breaks at, and stays within 110 characters a line unless one word cannot', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 80 }), (words) => {
        const text = ['Sākums', ...words].join(' ');
        const wrapped = wrap(text, '');
        expect(blocks(wrapped)).toEqual({ types: blocks(text).types, words: blocks(text).words });
        for (const line of wrapped.split('\n')) {
          // A line may only run over when a word that must not start the next line follows.
          if (line.length > 110) expect(line.split(' ').slice(-1)[0]).toMatch(/^(\d{1,9}[.)]|[-+*]|#{1,6}|=+|-+|[–—o]|\(?[a-z]{1,4}\)|%.*|\d{3}|>.*|<.*|`{3}.*|~{3}.*)$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a line of exactly 110 characters whole, and breaks one of 111', () => {
    const words = (length: number) => `${'a'.repeat(50)} ${'b'.repeat(length - 51)}`;
    expect(wrap(words(110), '')).toBe(words(110));
    expect(wrap(words(111), '   ')).toBe(`${'a'.repeat(50)}\n   ${'b'.repeat(60)}`);
  });

  it('breaks before an emphasised word: `*Erasmus+*` at a line’s start is no list item', () => {
    const text = `${'vārds '.repeat(17).trim()} *Erasmus+* programmu.`;
    expect(wrap(text, '').split('\n').every((line) => line.length <= 110)).toBe(true);
    expect(parseMarkdownText(wrap(text, '')).children.map((node) => node.type)).toEqual(['paragraph']);
  });

  // check's markdown/pasted-bullet takes a line that starts so for a list pasted as text (found by the read-only review).
  it('keeps a dash, Word’s “o” and a lettered mark off a line’s start, where check would take it for a pasted list', () => {
    for (const mark of ['–', '—', 'o', 'a)', '(ii)']) {
      const lines = wrap(`${'a'.repeat(109)} ${mark} tā sauktā telpa, kas ${'b'.repeat(100)} ${mark} turpinās`, '').split('\n');
      expect(lines.filter((line) => line.startsWith(`${mark} `)), mark).toEqual([]);
    }
  });
});

describe('withLiterals (an image’s or raw HTML’s printed text in a reworded paragraph)', () => {
  it('writes each as its Markdown again where it stands, and leaves the text alone where the reviewer deleted it', () => {
    const literals = [
      { printed: '[logo]', markdown: '![logo](logo.png)' },
      { printed: '<b>', markdown: '<b>' },
    ];
    expect(withLiterals('Attēls \\[logo\\] un \\<b\\>teksts.', literals)).toBe('Attēls ![logo](logo.png) un <b>teksts.');
    // The image deleted: the HTML after it is still found, and nothing else is touched.
    expect(withLiterals('Attēla vairs nav, \\<b\\>teksts.', literals)).toBe('Attēla vairs nav, <b>teksts.');
  });
});
