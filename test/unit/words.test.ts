import { expect, test } from 'vitest';
import { splitWords, wordsOf } from '../../src/diff/tokens.js';

test('Latvian letters with diacritics stay inside their words', () => {
  expect(wordsOf('Izglītojamā ģimenē — 53,5 % pedagogu; ES līmenī.')).toEqual(['Izglītojamā', 'ģimenē', '53,5', 'pedagogu', 'ES', 'līmenī']);
  // The naive alternative cuts words at every diacritic:
  expect('Izglītojamā'.match(/\w+/g)).toEqual(['Izgl', 'tojam']);
});

test('whitespace runs are one token, so a re-wrapped line is one change, not several', () => {
  expect(splitWords('un  \n  pašvaldībām')).toEqual(['un', '  \n  ', 'pašvaldībām']);
  expect(splitWords('a b c').join('')).toBe('a b c');
  // At the start of a text too, in text that Intl.Segmenter splits (a Greek name), which gives a line break and the indent after it apart.
  expect(splitWords('\n  Αθήνα')).toEqual(['\n  ', 'Αθήνα']);
});
