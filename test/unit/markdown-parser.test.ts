import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdownText } from '../../src/util/markdown.js';

/** The reference: remark-parse with remark-gfm, every GFM construct tried everywhere. */
const remark = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Pieces of Markdown that start, nearly start or interrupt each GFM construct (tables,
 * autolinks of every kind, footnotes, strikethrough, task items) and the CommonMark blocks
 * and spans around them, so that random texts hold each construct's character sometimes
 * and lack it at other times.
 */
const PIECES = [
  'Teksts', 'vārds ', 'ā', ' ', '\n', '\n\n', '\r\n', '&amp;', '&#64;', '&#124;', '  ', '\t', '.', ',', '(', ')', '\\', '*', '**', '_', '`', '```\n', '    kods\n',
  '# ', '> ', '- ', '1. ', '2) ', '* ', '---\n', '===\n', '[a](https://a.lv)', '<https://a.lv>', '[a]', '[a]: https://a.lv\n',
  '|', ' | ', 'a | b\n', '| a | b |\n', '| - | :-: |\n', '--- | ---\n', ':-', '-:', '|---|\n',
  '~', '~~', '~~svītrots~~', '~~~\n',
  '@', 'a@b.lv', 'vards.uzvards@izm.gov.lv', 'mailto:', 'mailto:a@b.lv', 'xmpp:a@b.lv/c', '+', '-',
  'www', 'www.', 'www.izm.gov.lv', 'WWW.A.LV/x?y', 'http', 'http:', 'http://a.lv', 'https://a.lv/b_(c).', 'HTTPS://A.LV',
  '[^', '[^1]', '[^1]: piezīme\n', '[^a b]', ']',
  '[ ] ', '[x] ', '[X]', '- [ ] darbs\n',
];

/**
 * A parse's tree, or the error it raised: in tests the libraries run their development
 * builds, whose assertions fail on a few odd texts (`+\n[x] a`) in remark-gfm as well.
 */
function outcome(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    return { threw: String(error) };
  }
}

describe('the Markdown parser', () => {
  it('gives the trees remark-parse with remark-gfm gives, for texts with and without each GFM construct', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(outcome(() => parseMarkdownText(text))).toEqual(outcome(() => remark.parse(text)));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives remark-gfm’s trees for the example’s kinds of text', () => {
    for (const text of [
      'Latvija atbalsta (turpmāk – ES) 53,5 % un 1 000 skolu, sk. [skoluinternets.lv](https://skoluinternets.lv).\n\n1) pirmais;\n2) otrais.',
      'Rakstiet uz izm@izm.gov.lv vai skatiet www.izm.gov.lv un https://izm.gov.lv/lv.',
      '| Gads | Skolas |\n| ---: | --- |\n| 2021 | 150 |\n\n~~vecais~~ jaunais[^1]\n\n[^1]: Avots.',
      '- [ ] melnraksts\n- [x] saskaņots',
    ]) {
      expect(parseMarkdownText(text)).toEqual(remark.parse(text));
    }
  });
});
