import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';

/** Where a key met twice is said among the parser's own errors: by its place, so the rules that drop follow-on messages still see it in order. */
describe('a key met twice beside other YAML errors', () => {
  const said = (text: string) => parseYaml('positions/educ/x.yaml', text).diagnostics.map((d) => [d.line, d.column, d.ruleId]);

  test('a key met twice before a syntax error, and after one: each is said, in the order of the file', () => {
    expect(said('a: 1\na: 2\nb: [1\n')).toEqual([
      [2, 1, 'yaml/duplicate-key'],
      [3, 4, 'yaml/syntax'],
    ]);
    expect(said('b: [1\na: 1\na: 2\n')).toEqual([
      [1, 4, 'yaml/syntax'],
      [3, 1, 'yaml/duplicate-key'],
    ]);
    expect(said('a: 1\na: 2\nb: @x\nc: `y\n')).toEqual([
      [2, 1, 'yaml/duplicate-key'],
      [3, 4, 'yaml/syntax'],
      [4, 4, 'yaml/syntax'],
    ]);
  });

  test("at the place of one of the parser's own errors, the parser's is said: `a` whose colon went to the next line", () => {
    expect(said('a: 1\na\n: 2\n')).toEqual([[2, 1, 'yaml/syntax']]);
  });

  test('two keys that are lists are no key met twice: they are refused as keys that are no names', () => {
    expect(said('? [a]\n: 1\n? [b]\n: 2\n')).toEqual([[1, 3, 'yaml/complex-key']]);
  });

  test('a key met twice in the lines misread after a line indented wrongly is not said: the indentation is', () => {
    expect(said('q:\n  id: a\n id: b\n id: c\nr: 1\n')).toEqual([[3, 1, 'yaml/indent']]);
    expect(said('q:\n  id: a\n id: b\n id: c\nr: 1\nr: 2\n')).toEqual([
      [3, 1, 'yaml/indent'],
      [6, 1, 'yaml/duplicate-key'],
    ]);
  });
});
