import fc from 'fast-check';
import { expect, test } from 'vitest';
import { similarity } from '../../src/diff/similarity.js';

/** The words two lists share, each as often as both have it, counted by taking them off one by one: what the merge counted before it counted each block's words once. */
function sharedOneByOne(a: readonly string[], b: readonly string[]): number {
  const left = [...a];
  let common = 0;
  for (const word of b) {
    const at = left.indexOf(word);
    if (at >= 0) {
      common++;
      left.splice(at, 1);
    }
  }
  return common;
}

test('similarity is the share of words two lists have in common, repeats counted as often as both have them', () => {
  expect(similarity([], [])).toBe(1);
  expect(similarity(['a', 'a', 'b'], ['a', 'c'])).toBe(2 / 5);
  const words = fc.array(fc.constantFrom('un', 'ir', 'ES', 'skola', 'Latvija', 'ā'), { maxLength: 30 });
  fc.assert(
    fc.property(words, words, (a, b) => {
      expect(similarity(a, b)).toBe(a.length + b.length ? (2 * sharedOneByOne(a, b)) / (a.length + b.length) : 1);
    }),
    { numRuns: 1000 },
  );
});
