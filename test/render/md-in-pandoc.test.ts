import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { docxParts, paragraphTexts, part } from '../helpers/docx.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

// The .md goes into merge requests, wikis and `pandoc -f gfm`: read by pandoc, its paragraphs must be the DOCX's.
const HAS_PANDOC = spawnSync('pandoc', ['--version']).status === 0;

/** A node of pandoc's JSON syntax tree: its type and contents. */
interface PandocNode {
  t: string;
  c?: unknown;
}

function isNode(value: unknown): value is PandocNode {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 't') === 'string';
}

function nodes(value: unknown): PandocNode[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A table's rows, the header's first (pandoc 2.10 and later: head, bodies of head rows and rows). */
function tableRows(table: unknown): unknown[] {
  const head = list(item(item(table, 3), 1));
  return [...head, ...list(item(table, 4)).flatMap((body) => [...list(item(body, 2)), ...list(item(body, 3))])];
}

function item(value: unknown, index: number): unknown {
  return Array.isArray(value) ? value[index] : undefined;
}

/** The text of inline nodes as a reader sees it; a footnote's text left out (the DOCX sets it apart). */
function inlineText(inlines: readonly PandocNode[]): string {
  return inlines
    .map((node) => {
      if (node.t === 'Str') return typeof node.c === 'string' ? node.c : '';
      if (node.t === 'Space' || node.t === 'SoftBreak' || node.t === 'LineBreak') return ' ';
      if (node.t === 'Code' || node.t === 'RawInline') return String(item(node.c, 1));
      if (node.t === 'Link' || node.t === 'Image' || node.t === 'Span') return inlineText(nodes(item(node.c, 1)));
      if (node.t === 'Note') return '';
      return inlineText(nodes(node.c));
    })
    .join('');
}

/** Each paragraph pandoc reads, in order: a list item's, a quote's, a table cell's and a heading's too. */
function blockTexts(blocks: readonly PandocNode[]): string[] {
  return blocks.flatMap((block): string[] => {
    if (block.t === 'Para' || block.t === 'Plain') return [inlineText(nodes(block.c))];
    if (block.t === 'Header') return [inlineText(nodes(item(block.c, 2)))];
    if (block.t === 'BlockQuote') return blockTexts(nodes(block.c));
    if (block.t === 'BulletList') return (Array.isArray(block.c) ? block.c : []).flatMap((entry) => blockTexts(nodes(entry)));
    if (block.t === 'OrderedList') return list(item(block.c, 1)).flatMap((entry) => blockTexts(nodes(entry)));
    if (block.t === 'Table') return tableRows(block.c).flatMap((row) => list(item(row, 1)).flatMap((cell) => blockTexts(nodes(item(cell, 4)))));
    if (block.t === 'RawBlock') return String(item(block.c, 1)).trim() === '<!-- -->' ? [] : [String(item(block.c, 1))];
    return [`(${block.t})`];
  });
}

function normalised(texts: readonly string[]): string[] {
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

describe.runIf(HAS_PANDOC || process.env.REQUIRE_PANDOC === '1')('the .md read by pandoc -f gfm', () => {
  it.each(['informative-report.lv', 'speaking-points.lv', 'informative-report.en', 'speaking-points.en'])('%s has the paragraphs of the DOCX, for plain texts that look like Markdown', async (template) => {
    const meeting = exampleFile(EXAMPLE_MEETING)
      .replace(/^topic: .*$/m, 'topic: "*zvaigzne* un _slīpi_ snake_case_name <b>x</b> &amp; [saite](x) `kods` a|b skat. https://a.lv/x/~u/a*b*c/d beigas\\\\"')
      .replace('role: Izglītības un zinātnes ministre', 'role: "2021. *ministre* # 1) -"');
    const position = 'positions/educ/equity-reforms.yaml';
    const written = ['2021. gadā Latvija.', '- ne saraksts', '1) ne apakšpunkts', '# ne virsraksts', '> ne citāts'];
    const points = written.map((point) => `  - ${JSON.stringify(point)}`).join('\n');
    const body = 'Paredzēts:\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\n  Teksts[^1].\n\n  [^1]: Piezīme.';
    const dir = exampleProject({
      [EXAMPLE_MEETING]: meeting,
      [position]: `${exampleFile(position).replace(/\n# Short points[\s\S]*$/, '\n').replace(/body: \|\n[\s\S]*?\n\n(?=\S)/, `body: |\n  ${body}\n\n`)}\nspeaking_points:\n${points}\nspeaking_points_en:\n${points}\n`,
    });
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md', 'docx'], template });
    const [md = '', docx = ''] = result.meetings[0]?.outputs ?? [];
    const read = spawnSync('pandoc', ['-f', 'gfm', '-t', 'json', join(dir, md)], { encoding: 'utf8' });
    const tree: unknown = JSON.parse(read.stdout);
    const pandoc = blockTexts(nodes(typeof tree === 'object' && tree !== null ? Reflect.get(tree, 'blocks') : undefined));
    // A line break (the title's) read as the space pandoc reads it as.
    const xml = part(docxParts(readFileSync(join(dir, docx))), 'word/document.xml').replace(/<w:sectPr[\s\S]*$/, '').replace(/<w:br\/>/g, '<w:t> </w:t>');
    const paragraphs = paragraphTexts(xml);
    expect(normalised(pandoc)).toEqual(normalised(paragraphs).filter((text) => text !== ''));
    // The speaking points (the Latvian note prints none), each a paragraph as written.
    if (template !== 'informative-report.lv') for (const point of written) expect(pandoc).toContain(point);
  });
});
