import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { expect, test } from 'vitest';
import { diff, type DiffFormat } from '../../src/commands/diff.js';
import { parseMarkdownText } from '../../src/util/markdown.js';
import { exampleProject } from '../helpers/project.js';

/** 2021-02-19 00:00 UTC. */
const EPOCH = 1613692800;

/** A position whose body is `body` (indented as a YAML block). */
function position(body: string, version = 1): string {
  const block = body
    .split('\n')
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n');
  return `id: p\nversion: ${version}\nstatus: draft\nowner: { ministry: IZM }\nquestions: [Q]\nbody: |\n${block}\n`;
}

async function compare(before: string, after: string, format: DiffFormat): Promise<string> {
  const cwd = exampleProject({ 'review/before.yaml': position(before), 'review/after.yaml': position(after, 2) });
  const result = await diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format, stat: false, whitespace: false, colour: false, sourceDateEpoch: EPOCH });
  return String(result.output);
}

/** The text under "## Text" of a Markdown diff. */
function textPart(markdown: string): string {
  return markdown.slice(markdown.indexOf('## Text') + '## Text'.length).trim();
}

/** The text of every node of a type in a Markdown text, as a viewer renders it. */
function rendered(markdown: string, type: Nodes['type']): string[] {
  const found: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === type) found.push(toString(node));
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdownText(markdown));
  return found;
}

test('md: bold and italic over several unchanged words stay one span', async () => {
  const before = 'Dod *savlaicīgs un individuāls* atbalstu un **ļoti liels darbs** kopā.';
  const md = textPart(await compare(before, before.replace('kopā.', 'kopā ar citiem.'), 'md'));
  expect(md).toContain('Dod *savlaicīgs un individuāls* atbalstu un **ļoti liels darbs** kopā{++ ar citiem++}.');
  expect(rendered(md, 'emphasis')).toEqual(['savlaicīgs un individuāls']);
  expect(rendered(md, 'strong')).toEqual(['Q', 'ļoti liels darbs']);
});

test('md: a change inside a bold, italic or linked span is marked inside the span', async () => {
  expect(textPart(await compare('Dod *savlaicīgs un individuāls* atbalstu.', 'Dod *savlaicīgs, ļoti individuāls* atbalstu.', 'md'))).toContain(
    'Dod *savlaicīgs{~~ un~>, ļoti~~} individuāls* atbalstu.',
  );
  expect(textPart(await compare('Teksts *a **b c** d* beigas.', 'Teksts *a **b x c** d* beigas.', 'md'))).toContain('Teksts *a **b{++ x++} c** d* beigas.');
  const md = textPart(await compare('Dod **ļoti liels darbs** kopā.', 'Dod **ļoti** darbs kopā.', 'md'));
  expect(md).toContain('Dod **ļoti{-- liels darbs--}**{++ darbs++} kopā.');
  expect(rendered(md, 'strong')).toEqual(['Q', 'ļoti{-- liels darbs--}']);
});

test('md: formatting found on changed words only stays inside the change', async () => {
  const md = textPart(await compare('Dod *savlaicīgs un individuāls* atbalstu.', 'Dod savlaicīgs un individuāls atbalstu.', 'md'));
  expect(md).toContain('Dod {~~*savlaicīgs un individuāls*~>savlaicīgs un individuāls~~} atbalstu.');
});
