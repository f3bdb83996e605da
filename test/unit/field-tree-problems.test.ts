import type { Nodes, Root } from 'mdast';
import { expect, test } from 'vitest';
import { fieldTreeProblems, MAX_TREE_DEPTH } from '../../src/docx/field-problems.js';
import { parseMarkdownText } from '../../src/util/markdown.js';

const ref = { kind: 'position' as const, id: 'p', field: 'body', file: 'positions/p.yaml' };

/** A paragraph with `levels` emphases one inside another around a word: its word is `levels + 2` below the root. */
function nested(levels: number): Root {
  let node: Nodes = { type: 'text', value: 'vārds', position: { start: { line: 1, column: levels + 1 }, end: { line: 1, column: levels + 6 } } };
  for (let level = 0; level < levels; level++) node = { type: 'emphasis', children: [node] };
  return { type: 'root', children: [{ type: 'paragraph', children: [node] }] };
}

const problems = (fields: { ref: typeof ref; text: string }[], trees: Root[]) =>
  fieldTreeProblems(fields, trees, () => undefined).map((d) => [d.file, d.ruleId, d.severity]);

test(`markdown/too-deep: a node ${MAX_TREE_DEPTH} levels below the field's root is fine, one a level deeper is not`, () => {
  const field = { ref, text: 'vārds' };
  expect(problems([field], [nested(MAX_TREE_DEPTH - 2)])).toEqual([]);
  expect(problems([field], [nested(MAX_TREE_DEPTH - 1)])).toEqual([['positions/p.yaml', 'markdown/too-deep', 'error']]);
});

test('a field printed twice (a position answering two questions) is said once; another field of the file on its own', () => {
  const unclosed = { ref, text: '<!-- piezīme' };
  const tree = parseMarkdownText(unclosed.text);
  const other = { ref: { ...ref, field: 'speaking_points.0' }, text: '<!-- piezīme' };
  expect(problems([unclosed, unclosed, other], [tree, tree, tree])).toEqual([
    ['positions/p.yaml', 'markdown/unclosed', 'error'],
    ['positions/p.yaml', 'markdown/unclosed', 'error'],
  ]);
  expect(fieldTreeProblems([unclosed, other], [tree, tree], () => undefined).map((d) => d.message)).toEqual([
    '`body` ends inside an HTML comment (`<!--`) that is never closed; it would swallow the rest of the report.',
    '`speaking_points.0` ends inside an HTML comment (`<!--`) that is never closed; it would swallow the rest of the report.',
  ]);
});
