import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { parseMarkdownText } from '../../src/util/markdown.js';
import { CHECK_BASE } from '../helpers/corpus.js';
import { docxParts, part } from '../helpers/docx.js';
import { tempDir, writeFile } from '../helpers/project.js';

const base = (path: string) => readFileSync(join(CHECK_BASE, path), 'utf8');
const FIRST = 'positions/youth/youth-participation.yaml';
const SECOND = 'positions/youth/youth-organisations.yaml';

/** Where each link of a Markdown document leads, as a Markdown reader resolves its references. */
function linkTargets(tree: Nodes): string[] {
  const nodes: Nodes[] = [];
  const walk = (node: Nodes) => {
    nodes.push(node);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(tree);
  const definitions = new Map<string, string>();
  for (const node of nodes) if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  return nodes.flatMap((node) => (node.type === 'link' ? [node.url] : node.type === 'linkReference' ? [definitions.get(node.identifier) ?? '?'] : []));
}

test('link reference definitions belong to their field, in the Markdown and the DOCX', async () => {
  const dir = tempDir();
  cpSync(CHECK_BASE, dir, { recursive: true });
  const body = (url: string, text: string) => `body: |\n  Skatīt [x], [x][] un [ziņojumu][X].\n\n  [x]: ${url}\n  ${text}\n`;
  writeFile(dir, FIRST, base(FIRST).replace(/body: \|\n {2}.*\n/, body('https://one.example/a', 'Pirmā.')));
  writeFile(dir, SECOND, base(SECOND).replace(/body: \|\n {2}.*\n/, body('https://two.example/b', 'Otrā.')));
  const result = await build({ cwd: dir, inputs: ['meetings/2021-05-17-youth.yaml'], final: false, out: 'out', formats: ['md', 'docx'] });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

  const markdown = readFileSync(join(dir, 'out/IZMzin_170521_EYCS.md'), 'utf8');
  expect(linkTargets(parseMarkdownText(markdown))).toEqual([...Array(3).fill('https://one.example/a'), ...Array(3).fill('https://two.example/b')]);
  expect(markdown).toContain('Skatīt [x][youth-participation-x], [x][youth-participation-x] un [ziņojumu][youth-participation-X].');

  const parts = docxParts(readFileSync(join(dir, 'out/IZMzin_170521_EYCS.docx')));
  const rels = part(parts, 'word/_rels/document.xml.rels');
  const document = part(parts, 'word/document.xml');
  const targets = [...document.matchAll(/<w:hyperlink[^>]*r:id="([^"]+)"/g)].map((m) => new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels)?.[1]);
  expect(targets).toEqual([...Array(3).fill('https://one.example/a'), ...Array(3).fill('https://two.example/b')]);
});
