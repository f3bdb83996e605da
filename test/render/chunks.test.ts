import type { Nodes, Root } from 'mdast';
import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { markdownChunks } from '../../src/util/markdown-chunks.js';
import { parseMarkdownTree } from '../../src/docx/fields.js';
import { listKindInSource } from '../../src/docx/list-kind.js';

/** The whole text parsed at once, lists marked with their kind: what the pieces must add up to. */
function wholeParse(text: string): Root {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
  const mark = (node: Nodes) => {
    if (node.type === 'list') node.data = { ...node.data, listKind: listKindInSource(node, text) };
    if ('children' in node) node.children.forEach(mark);
  };
  mark(tree);
  return tree;
}

const BLOCKS = [
  'Vienkāršs teikums ar **treknu** un *slīpu* tekstu.',
  'Rindkopa, kas turpinās\nnākamajā rindā bez atstarpes.',
  '1. pirmais\n2. otrais\nslinka rinda',
  '1) pirmais\n\n2) otrais pēc tukšas rindas',
  '- punkts\n  - iekšējais\n\n  turpinājums punktā',
  '2. turpina sarakstu',
  '2021. gada maijā',
  '2020\\. gadā',
  '```\nkods\n\nnav Markdown\n```',
  '~~~~\nkods\n\n~~~\nvēl kods\n~~~~',
  '<!-- komentārs\n\nar tukšu rindu -->',
  '<pre>\niepriekš\n\nformatēts\n</pre>',
  '<div>\nbloks\n</div>',
  '> citāts\nslinks turpinājums\n\n> otrs citāts',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '# Virsraksts',
  'Setext virsraksts\n================',
  '    atkāpts kods\n\n    vēl',
  '***',
  'Teksts <b>html</b> un `kods` un [saite](https://example.com).',
  '* zvaigzne\n\n* loose',
  '+ plus',
  '   ```\n   atkāpts žogs\n\n   ```',
];

const document = fc
  .array(fc.tuple(fc.constantFrom(...BLOCKS), fc.constantFrom('\n', '\n\n', '\n\n\n')), { minLength: 20, maxLength: 200 })
  .map((parts) => parts.map(([block, gap]) => block + gap).join(''));

test('a long text parsed in pieces gives exactly the tree of the whole text', () => {
  fc.assert(
    fc.property(document, (text) => {
      const pieces = markdownChunks(text, 256).length;
      expect({ pieces, tree: parseMarkdownTree(text, 256) }).toEqual({ pieces, tree: wholeParse(text) });
    }),
    { numRuns: 150, seed: 11, endOnFailure: true },
  );
  const sample = fc.sample(document, { numRuns: 20, seed: 11 });
  expect(sample.filter((text) => markdownChunks(text, 256).length >= 3).length).toBeGreaterThanOrEqual(10);
});

test('texts with link or footnote definitions are parsed whole', () => {
  const text = `${'Teksts.\n\n'.repeat(5000)}[x]: https://example.com\n`;
  expect(markdownChunks(text)).toHaveLength(1);
});
