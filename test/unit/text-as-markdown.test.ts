import { expect, test } from 'vitest';
import { readsAsMarkdown } from '../../src/render/text-as-markdown.js';

test('a plain text with no Markdown marks reads as its words, whatever no-break spaces or line joins the escaped print adds', () => {
  // Escaping keeps numbers and dates together with no-break spaces, and joins lines: no formatting either.
  for (const text of ['Budžets 1 000 eiro', 'Mērķis 53,5 % apmērā', 'Sanāksme 19. februārī', 'plkst. 9.00 sākas', 'Pirmā rinda\notrā rinda']) {
    expect([text, readsAsMarkdown(text, true), readsAsMarkdown(text, false)]).toEqual([text, false, false]);
  }
  // Marks that do format are still found: emphasis, a list number at a line's start, a blank line between paragraphs.
  expect(readsAsMarkdown('Tēma *svarīga* visiem', false)).toBe(true);
  expect(readsAsMarkdown('1. punkts', true)).toBe(true);
  expect(readsAsMarkdown('a\n\nb', false)).toBe(true);
});
