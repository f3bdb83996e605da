import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SaxesParser } from 'saxes';
import { expect, test } from 'vitest';
import { diff, type DiffFormat } from '../../src/commands/diff.js';
import { parseMarkdownText, walk } from '../../src/util/markdown.js';
import { docxParts, part } from '../helpers/docx.js';
import { paragraphs, revisions } from '../helpers/redline.js';
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

async function run(before: string, after: string, format: DiffFormat, colour = false) {
  const cwd = exampleProject({ 'review/before.yaml': position(before), 'review/after.yaml': position(after, 2) });
  return diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format, stat: false, whitespace: false, colour, sourceDateEpoch: EPOCH });
}

async function compare(before: string, after: string, format: DiffFormat, colour = false): Promise<string> {
  return String((await run(before, after, format, colour)).output);
}

/** The redline DOCX. */
async function redline(before: string, after: string): Promise<Uint8Array> {
  const { output } = await run(before, after, 'docx');
  if (!(output instanceof Uint8Array)) throw new Error('expected DOCX bytes');
  return output;
}

/** The XML of the redline's body. */
async function redlineXml(before: string, after: string): Promise<string> {
  return part(docxParts(await redline(before, after)), 'word/document.xml');
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

/** The segments of the JSON diff's last block. */
function lastSegments(json: string): { op: string; text: string; markdown?: string }[] {
  const parsed: { blocks: { segments: { op: string; text: string; markdown?: string }[] }[] } = JSON.parse(json);
  return parsed.blocks.at(-1)?.segments ?? [];
}

test('terminal and JSON: a link to another address shows both addresses', async () => {
  const before = 'Skatīt [vietni](https://a.example/x).';
  const after = 'Skatīt [vietni](https://b.example/y).';
  expect(await compare(before, after, 'terminal')).toContain('Skatīt [-[vietni](https://a.example/x)-]{+[vietni](https://b.example/y)+}.');
  expect(lastSegments(await compare(before, after, 'json'))).toEqual([
    { op: 'equal', text: 'Skatīt ' },
    { op: 'delete', text: 'vietni', markdown: '[vietni](https://a.example/x)' },
    { op: 'insert', text: 'vietni', markdown: '[vietni](https://b.example/y)' },
    { op: 'equal', text: '.' },
  ]);
  // Other words and another address: the words show, and so do the addresses.
  expect(await compare(before, 'Skatīt [lapu](https://b.example/y).', 'terminal')).toContain('Skatīt [-[vietni](https://a.example/x)-]{+[lapu](https://b.example/y)+}.');
});

test('terminal and JSON: the same words with other formatting show the formatting', async () => {
  const before = 'Dod *savlaicīgs un individuāls* atbalstu un **ļoti liels** darbu.';
  const after = 'Dod savlaicīgs un individuāls atbalstu un **ļoti** liels darbu.';
  const terminal = await compare(before, after, 'terminal');
  expect(terminal).toContain('Dod [-*savlaicīgs un individuāls*-]{+savlaicīgs un individuāls+} atbalstu un ļoti[- **liels**-]{+ liels+} darbu.');
  expect(lastSegments(await compare(before, after, 'json')).slice(1, 3)).toEqual([
    { op: 'delete', text: 'savlaicīgs un individuāls', markdown: '*savlaicīgs un individuāls*' },
    { op: 'insert', text: 'savlaicīgs un individuāls', markdown: 'savlaicīgs un individuāls' },
  ]);
});

test('terminal and JSON: a change of words alone is shown as words, without Markdown', async () => {
  const segments = lastSegments(await compare('Skatīt [šo vietni](https://a.example/x).', 'Skatīt [šo lapu](https://a.example/x).', 'json'));
  expect(segments.filter((s) => s.op !== 'equal')).toEqual([
    { op: 'delete', text: 'vietni' },
    { op: 'insert', text: 'lapu' },
  ]);
});

test('JSON: a line wrapped in the YAML is a space, a hard line break a newline, so a wrap made a break shows which', async () => {
  const before = 'Latvija atbalsta\nvienlīdzīgu piekļuvi\nizglītībai.';
  const after = 'Latvija atbalsta\\\nvienlīdzīgu piekļuvi\nizglītībai.';
  expect(lastSegments(await compare(before, after, 'json'))).toEqual([
    { op: 'equal', text: 'Latvija atbalsta' },
    { op: 'delete', text: ' ' },
    { op: 'insert', text: '\n' },
    { op: 'equal', text: 'vienlīdzīgu piekļuvi izglītībai.' },
  ]);
  // A code block's lines are its own.
  const code = lastSegments(await compare('Piemērs:\n\n```\na: 1\nb: 2\n```', 'Piemērs:\n\n```\na: 1\nb: 3\n```', 'json'));
  expect(code.map((s) => s.text).join('')).toContain('a: 1\nb: ');
});

const LIST = ['Plāns:', '', '1) stiprināt pedagogu sagatavošanu;', '2) attīstīt digitālo infrastruktūru;', '3) paplašināt atbalstu skolēniem.'].join('\n');
const LIST_AFTER = ['Plāns:', '', '1) stiprināt pedagogu sagatavošanu;', '2) paplašināt atbalstu skolēniem;', '3) uzlabot datu vākšanu.'].join('\n');

test('terminal, md and JSON: list items keep the numbers of their version after one is deleted and another appended', async () => {
  const parsed: { blocks: { kind: string; status: string; marker?: string }[] } = JSON.parse(await compare(LIST, LIST_AFTER, 'json'));
  expect(parsed.blocks.filter((b) => b.kind === 'item').map((b) => [b.marker, b.status])).toEqual([
    ['1)', 'equal'],
    ['2)', 'deleted'],
    ['2)', 'changed'],
    ['3)', 'inserted'],
  ]);
  const terminal = await compare(LIST, LIST_AFTER, 'terminal');
  expect(terminal).toContain('2) [-attīstīt digitālo infrastruktūru;-]');
  expect(terminal).toContain('2) paplašināt atbalstu skolēniem[-.-]{+;+}');
  expect(terminal).toContain('3) {+uzlabot datu vākšanu.+}');
  expect(textPart(await compare(LIST, LIST_AFTER, 'md'))).toContain('3) {++uzlabot datu vākšanu.++}');
});

test('md: a link keeps its title, and an address with spaces or brackets stays one address', async () => {
  const before = 'Skatīt [pētījumu](https://example.org/a "Pētījums par \\"vienlīdzību\\"") un [ziņojumu](<https://example.org/b (2021)>).';
  const md = textPart(await compare(before, `${before} Jauns teikums.`, 'md'));
  expect(md).toContain('[pētījumu](https://example.org/a "Pētījums par \\"vienlīdzību\\"") un [ziņojumu](<https://example.org/b (2021)>).');
  const links: { url: string; title?: string | null }[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link') links.push({ url: node.url, title: node.title });
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdownText(md));
  expect(links).toEqual([
    { url: 'https://example.org/a', title: 'Pētījums par "vienlīdzību"' },
    { url: 'https://example.org/b (2021)', title: null },
  ]);
});

const TABLE = ['Finansējums:', '', '| Pasākums | Finansējums | Gads |', '|---|---:|---|', '| Skola 2030 | 14 milj. EUR | 2021 |', '| PuMPuRS | 31 milj. EUR | 2022 |'].join('\n');
const TABLE_AFTER = TABLE.replace('| PuMPuRS | 31 milj. EUR | 2022 |', '| PuMPuRS | 33 milj. EUR | 2023 |\n| Karjeras atbalsts | 5 milj. EUR | 2023 |');

test('md: a changed table stays a table, its unchanged rows kept and the changed cells marked', async () => {
  const md = textPart(await compare(TABLE, TABLE_AFTER, 'md'));
  expect(md).toContain(
    [
      '| Pasākums | Finansējums | Gads |',
      '| --- | --: | --- |',
      '| Skola 2030 | 14 milj. EUR | 2021 |',
      '| PuMPuRS | {~~31~>33~~} milj. EUR | {~~2022~>2023~~} |',
      '| {++Karjeras atbalsts++} | {++5 milj. EUR++} | {++2023++} |',
    ].join('\n'),
  );
  expect(md).not.toMatch(/^ {4}/m);
  const tables: string[][][] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'table') tables.push(node.children.map((row) => row.children.map((cell) => toString(cell))));
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdownText(md));
  expect(tables).toHaveLength(1);
  // A GFM reader takes `{~~…~~}` for struck-through text; the rows and columns are what matter here.
  expect(tables[0]?.map((row) => row.length)).toEqual([3, 3, 3, 3]);
  expect(tables[0]?.map((row) => row[0])).toEqual(['Pasākums', 'Skola 2030', 'PuMPuRS', '{++Karjeras atbalsts++}']);
});

test('a cell beyond the header row’s columns, which the report does not print, is no part of the comparison', async () => {
  const before = 'Teksts.\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |';
  const after = 'Teksts.\n\n| a | b |\n|---|---|\n| 1 | 2 | 4 |';
  const result = await run(before, after, 'terminal');
  expect(result.exitCode).toBe(1);
  // Only the version differs (the runner gives the newer one version 2): the text is unchanged, the hidden cell nowhere.
  expect(String(result.output).trimEnd().endsWith('• version: v1 → v2')).toBe(true);
  const json = JSON.parse(await compare(before, after, 'json')) as { blocks: { kind: string; status: string; rows?: { cells: unknown[] }[] }[] };
  expect(json.blocks.filter((block) => block.kind === 'table').map((block) => ({ status: block.status, widths: block.rows?.map((row) => row.cells.length) }))).toEqual([{ status: 'equal', widths: [2, 2] }]);
});

test('a footnote never referred to, which the report leaves out, is no part of the comparison', async () => {
  const before = 'Teksts ar atsauci.[^a]\n\n[^a]: Lietotā piezīme.\n\n[^x]: Nekur neizmantota piezīme.';
  const after = 'Teksts ar atsauci.[^a]\n\n[^a]: Lietotā piezīme.\n\n[^x]: Nekur neizmantota mainīta piezīme.';
  expect(String((await run(before, after, 'terminal')).output).trimEnd().endsWith('• version: v1 → v2')).toBe(true);
  const json = JSON.parse(await compare(before, after, 'json')) as { blocks: { label?: string }[] };
  expect(json.blocks.map((block) => block.label).filter((label) => label !== undefined)).toEqual(['p-a']);
});

test('terminal, md and DOCX: a table row removed before a changed one is that row deleted, the changed row paired with its old self by its words, not by its place', async () => {
  const before = 'Teksts.\n\n| Gads | Skolas |\n|---|--:|\n| 2020 | 140 |\n| 2021 | 150 |\n| 2022 | 160 |';
  const after = 'Teksts.\n\n| Gads | Skolas |\n|---|--:|\n| 2020 | 140 |\n| 2022 | 165 |';
  expect(await compare(before, after, 'terminal')).toContain('2020 | 140\n[-2021-] | [-150-]\n2022 | [-160-]{+165+}');
  expect(textPart(await compare(before, after, 'md'))).toContain('| 2020 | 140 |\n| {--2021--} | {--150--} |\n| 2022 | {~~160~>165~~} |');
  const rows = (await redlineXml(before, after)).match(/<w:tr>[^]*?<\/w:tr>/g) ?? [];
  expect(rows.map((row) => (/<w:trPr>(?:(?!<\/w:trPr>).)*<w:del /.test(row) ? 'deleted' : /<w:(?:ins|del) /.test(row) ? 'changed' : 'equal'))).toEqual(['equal', 'equal', 'deleted', 'changed']);
});

test('md and DOCX: a table whose header row was reworded whole keeps one header row, its cells changed, so the table accepted has the new header', async () => {
  const before = 'Teksts.\n\n| Gads | Skolas |\n|---|--:|\n| 2020 | 140 |\n| 2021 | 150 |';
  const after = 'Teksts.\n\n| Periods | Iestādes |\n|---|--:|\n| 2020 | 140 |\n| 2021 | 150 |';
  // Deleted and inserted as rows, the old header stayed the table's header and the new one a body row, once accepted.
  expect(textPart(await compare(before, after, 'md'))).toContain('| {~~Gads~>Periods~~} | {~~Skolas~>Iestādes~~} |\n| --- | --: |\n| 2020 | 140 |');
  const rows = (await redlineXml(before, after)).match(/<w:tr>[^]*?<\/w:tr>/g) ?? [];
  expect(rows.map((row) => [/<w:tblHeader\/>/.test(row), /<w:trPr>(?:(?!<\/w:trPr>).)*<w:(?:ins|del) /.test(row), /<w:(?:ins|del) /.test(row)])).toEqual([
    [true, false, true],
    [false, false, false],
    [false, false, false],
  ]);
});

test('terminal and JSON: a changed table is shown row by row', async () => {
  const terminal = await compare(TABLE, TABLE_AFTER, 'terminal');
  expect(terminal).toContain(
    ['Pasākums | Finansējums | Gads', 'Skola 2030 | 14 milj. EUR | 2021', 'PuMPuRS | [-31-]{+33+} milj. EUR | [-2022-]{+2023+}', '{+Karjeras atbalsts+} | {+5 milj. EUR+} | {+2023+}'].join('\n'),
  );
  const parsed: { blocks: { kind: string; status: string; rows?: { status: string; cells: { op: string; text: string }[][] }[] }[] } = JSON.parse(
    await compare(TABLE, TABLE_AFTER, 'json'),
  );
  const tables = parsed.blocks.filter((b) => b.kind === 'table');
  expect(tables.map((t) => t.status)).toEqual(['changed']);
  expect(tables[0]?.rows?.map((row) => row.status)).toEqual(['equal', 'equal', 'changed', 'inserted']);
  expect(tables[0]?.rows?.[2]?.cells[1]).toEqual([
    { op: 'delete', text: '31' },
    { op: 'insert', text: '33' },
    { op: 'equal', text: ' milj. EUR' },
  ]);
});

test('JSON: a table’s segments give each version’s text, a row added or removed with its separators and line break (redline run)', async () => {
  const joined = (segments: { op: string; text: string }[], skip: string): string =>
    segments
      .filter((segment) => segment.op !== skip)
      .map((segment) => segment.text)
      .join('');
  const text = (table: string): string =>
    table
      .split('\n')
      .filter((line) => line.startsWith('|') && !line.startsWith('|---'))
      .map((line) => line.slice(2, -2))
      .join('\n');
  const removed = TABLE_AFTER.replace('| Skola 2030 | 14 milj. EUR | 2021 |\n', '');
  for (const [before, after] of [
    [TABLE, TABLE_AFTER],
    [TABLE_AFTER, removed],
  ] as const) {
    const parsed: { blocks: { kind: string; segments: { op: string; text: string }[] }[] } = JSON.parse(await compare(before, after, 'json'));
    const table = parsed.blocks.find((block) => block.kind === 'table');
    expect(joined(table?.segments ?? [], 'insert')).toBe(text(before));
    expect(joined(table?.segments ?? [], 'delete')).toBe(text(after));
  }
});

test('DOCX: a changed table with the same columns is one table, a row added tracked as an inserted row and a changed cell word by word, not the table deleted and inserted again', async () => {
  const xml = await redlineXml(TABLE, TABLE_AFTER);
  const tables = xml.match(/<w:tbl>[^]*?<\/w:tbl>/g) ?? [];
  expect(tables).toHaveLength(1);
  const rows = tables[0]?.match(/<w:tr>[^]*?<\/w:tr>/g) ?? [];
  expect(rows).toHaveLength(4);
  // Only the added row is tracked as a row; the unchanged ones are not tracked at all.
  expect(rows.map((row) => /<w:trPr>(?:(?!<\/w:trPr>).)*<w:ins /.test(row))).toEqual([false, false, false, true]);
  expect(rows.slice(0, 2).some((row) => /<w:(?:ins|del) /.test(row))).toBe(false);
  expect(rows[2]).toMatch(/<w:del [^>]*><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:delText xml:space="preserve">31<\/w:delText>/);
  const table = await redline(TABLE, TABLE_AFTER);
  expect(paragraphs(table, 'accept')).toEqual(expect.arrayContaining(['PuMPuRS', '33 milj. EUR', '2023', 'Karjeras atbalsts']));
  expect(paragraphs(table, 'reject')).toEqual(expect.arrayContaining(['PuMPuRS', '31 milj. EUR', '2022']));
  expect(paragraphs(table, 'reject')).not.toContain('Karjeras atbalsts');
});

test('md: a paragraph moved to the end of a field is printed before the field’s footnotes, not among them', async () => {
  const before = 'Teksts ar atsauci[^a].\n\nPārvietojamā rindkopa.\n\nNoslēguma teksts.\n\n[^a]: Pirmā piezīme.\n';
  // The new note shares no word with the old: it is another note, not the old one relabelled and reworded.
  const after = 'Teksts ar atsauci[^c].\n\nNoslēguma teksts.\n\nPārvietojamā rindkopa.\n\n[^c]: Cits avots.\n';
  const text = textPart(await compare(before, after, 'md'));
  const moved = text.indexOf('{++Pārvietojamā rindkopa.++}');
  expect(moved).toBeGreaterThan(text.indexOf('Noslēguma teksts.'));
  expect(moved).toBeLessThan(text.indexOf('[^p-a]: {--Pirmā piezīme.--}'));
  expect(text.indexOf('[^p-a]:')).toBeLessThan(text.indexOf('[^p-c]:'));
});

test('md: a footnote of several paragraphs stays one footnote, its later paragraphs, list and quote indented under it', async () => {
  const note = (word: string) =>
    ['Teksts ar atsauci[^a].', '', `[^a]: Pirmā piezīmes rindkopa.`, '', `    Otrā rindkopa ar ${word} avotu.`, '', '    1) pirmais punkts;', '    2) otrais punkts.', '', '    > Citāts piezīmē.'].join('\n');
  const md = textPart(await compare(note('vienu'), note('citu'), 'md'));
  expect(md).toContain(
    ['[^p-a]: Pirmā piezīmes rindkopa.', '', '    Otrā rindkopa ar {~~vienu~>citu~~} avotu.', '', '    1) pirmais punkts;', '', '    2) otrais punkts.', '', '    > Citāts piezīmē.'].join('\n'),
  );
  const definitions = parseMarkdownText(md).children.filter((node) => node.type === 'footnoteDefinition');
  expect(definitions.map((node) => node.children.map((child) => child.type))).toEqual([['paragraph', 'paragraph', 'list', 'blockquote']]);
  expect(rendered(md, 'paragraph').slice(-1)).toEqual(['Citāts piezīmē.']);
});

test('md: a footnote that starts with a list keeps the list in the note', async () => {
  const note = (word: string) => ['Teksts ar atsauci[^a].', '', '[^a]: 1) pirmais punkts;', `    2) otrais ${word}.`].join('\n');
  const md = textPart(await compare(note('punkts'), note('solis'), 'md'));
  expect(md).toContain(['[^p-a]: 1) pirmais punkts;', '    2) otrais {~~punkts~>solis~~}.'].join('\n'));
  const definitions = parseMarkdownText(md).children.filter((node) => node.type === 'footnoteDefinition');
  expect(definitions.map((node) => node.children.map((child) => child.type))).toEqual([['list']]);
});

test('md: a quote of several paragraphs and a list stays one quote; a list item’s later paragraphs and quote stay in the item', async () => {
  const text = (word: string) =>
    [
      'Ievads.',
      '',
      '> Pirmā citāta rindkopa.',
      '>',
      `> Otrā citāta rindkopa ar ${word}.`,
      '>',
      '> 1) punkts citātā;',
      '> 2) otrs punkts.',
      '',
      '1) stiprināt pedagogu sagatavošanu;',
      '',
      `   Turpinājums punktam ar ${word}.`,
      '',
      '   > Citāts punktā.',
      '',
      '2) attīstīt infrastruktūru.',
    ].join('\n');
  const md = textPart(await compare(text('vienu'), text('citu'), 'md'));
  expect(md).toContain(['> Pirmā citāta rindkopa.', '>', '> Otrā citāta rindkopa ar {~~vienu~>citu~~}.', '>', '> 1) punkts citātā;', '> 2) otrs punkts.'].join('\n'));
  expect(md).toContain(['1) stiprināt pedagogu sagatavošanu;', '', '   Turpinājums punktam ar {~~vienu~>citu~~}.', '', '   > Citāts punktā.', '', '2) attīstīt infrastruktūru.'].join('\n'));
  const tree = parseMarkdownText(md);
  expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'blockquote', 'list']);
  const [quote, list] = tree.children.slice(2);
  expect(quote?.type === 'blockquote' && quote.children.map((child) => child.type)).toEqual(['paragraph', 'paragraph', 'list']);
  expect(list?.type === 'list' && list.children.map((item) => item.children.map((child) => child.type))).toEqual([['paragraph', 'paragraph', 'blockquote'], ['paragraph']]);
});

test('md: a bulleted list is written with `-`, so it stays a list (the terminal shows the report’s dash)', async () => {
  const list = (word: string) => ['Plāns:', '', '- stiprināt pedagogu sagatavošanu;', `- attīstīt ${word} infrastruktūru.`, '  - apakšpunkts.'].join('\n');
  const md = textPart(await compare(list('skolu'), list('digitālo'), 'md'));
  expect(md).toContain(['- stiprināt pedagogu sagatavošanu;', '- attīstīt {~~skolu~>digitālo~~} infrastruktūru.', '  - apakšpunkts.'].join('\n'));
  const lists = parseMarkdownText(md).children.filter((node) => node.type === 'list');
  expect(lists.map((node) => node.children.map((item) => item.children.map((child) => child.type)))).toEqual([[['paragraph'], ['paragraph', 'list']]]);
  // Tight as written (it was written loose, a blank line between items); a loose list stays loose.
  expect(lists.map((node) => node.spread)).toEqual([false]);
  const loose = (word: string) => ['Plāns:', '', '- stiprināt;', '', `- attīstīt ${word}.`].join('\n');
  const looseMd = textPart(await compare(loose('skolu'), loose('ceļus'), 'md'));
  expect(looseMd).toContain(['- stiprināt;', '', '- attīstīt {~~skolu~>ceļus~~}.'].join('\n'));
  expect(await compare(list('skolu'), list('digitālo'), 'terminal')).toContain('– attīstīt [-skolu-]{+digitālo+} infrastruktūru.');
});

test('md: an item whose number is wider than `1.` keeps its nested list and later paragraphs under it', async () => {
  const text = (word: string) =>
    [
      'Plāns:',
      '',
      '9) devītais punkts;',
      '10) desmitais punkts;',
      '',
      `    Turpinājums ar ${word}.`,
      '',
      '    100. apakšpunkts;',
      '',
      `         Apakšpunkta turpinājums ar ${word}.`,
      '',
      '         - dziļāk.',
      '11) vienpadsmitais.',
    ].join('\n');
  const md = textPart(await compare(text('vienu'), text('citu'), 'md'));
  expect(md).toContain(
    [
      '10) desmitais punkts;',
      '',
      '    Turpinājums ar {~~vienu~>citu~~}.',
      '',
      '    100. apakšpunkts;',
      '',
      '         Apakšpunkta turpinājums ar {~~vienu~>citu~~}.',
      '',
      '         - dziļāk.',
      '',
      '11) vienpadsmitais.',
    ].join('\n'),
  );
  const shape = (node: Nodes): unknown =>
    node.type === 'list' ? node.children.map((item) => item.children.map(shape)) : node.type === 'paragraph' ? toString(node).split(' ')[0] : node.type;
  const lists = parseMarkdownText(md).children.filter((node) => node.type === 'list');
  expect(lists.map(shape)).toEqual([[['devītais'], ['desmitais', 'Turpinājums', [['apakšpunkts;', 'Apakšpunkta', [['dziļāk.']]]]], ['vienpadsmitais.']]]);
});

test('terminal: a footnote of several paragraphs is one note, its later paragraphs indented under its label', async () => {
  const note = (word: string) =>
    ['Teksts ar atsauci[^a].', '', '[^a]: Pirmā piezīmes rindkopa.', '', '    Otrā rindkopa.', '', '    Trešā rindkopa.', '', `    Ceturtā rindkopa ar ${word} avotu.`, '', 'Beigas.'].join('\n');
  const terminal = await compare(note('vienu'), note('citu'), 'terminal');
  // The changed paragraph, the one before it for context, and the note's first paragraph, which names it.
  expect(terminal.split('\n').slice(6)).toEqual(['[^p-a]: Pirmā piezīmes rindkopa.', '', '…', '', '    Trešā rindkopa.', '', '    Ceturtā rindkopa ar [-vienu-]{+citu+} avotu.', '']);
  const second = await compare(note('vienu').replace('Otrā rindkopa', 'Otrā vecā rindkopa'), note('vienu'), 'terminal');
  expect(second.split('\n').slice(6)).toEqual(['[^p-a]: Pirmā piezīmes rindkopa.', '', '    Otrā[- vecā-] rindkopa.', '']);
  const list = await compare('Teksts[^a].\n\n[^a]: 1) pirmais punkts;\n    2) otrais punkts.', 'Teksts[^a].\n\n[^a]: 1) pirmais punkts;\n    2) otrais solis.', 'terminal');
  expect(list.split('\n').slice(6)).toEqual(['[^p-a]: 1) pirmais punkts;', '', '    2) otrais [-punkts-]{+solis+}.', '']);
});

test('md, terminal and JSON: a code block or HTML comment that changed is shown deleted and inserted; the md keeps its lines as written, each block in its own fence', async () => {
  const text = (line: string, comment: string) => ['Ievads.', '', '```', 'summa = a*b', line, '```', '', `<!-- ${comment} -->`, '', 'Beigas.'].join('\n');
  const before = text('atlikums = _c_', 'vecā piezīme');
  const after = text('atlikums = _d_', 'jaunā piezīme');
  const md = textPart(await compare(before, after, 'md'));
  expect(md).toContain(['```', '{--summa = a*b', 'atlikums = _c_--}', '```', '', '```', '{--<!-- vecā piezīme -->--}', '```'].join('\n'));
  expect(rendered(md, 'code')).toEqual([
    '{--summa = a*b\natlikums = _c_--}',
    '{--<!-- vecā piezīme -->--}',
    '{++summa = a*b\natlikums = _d_++}',
    '{++<!-- jaunā piezīme -->++}',
  ]);
  const parsed: { blocks: { kind: string; status: string; segments: { op: string }[] }[] } = JSON.parse(await compare(before, after, 'json'));
  expect(parsed.blocks.filter((b) => b.kind === 'code' || b.kind === 'html').map((b) => [b.kind, b.status, b.segments.map((s) => s.op).join()])).toEqual([
    ['code', 'deleted', 'delete'],
    ['html', 'deleted', 'delete'],
    ['code', 'inserted', 'insert'],
    ['html', 'inserted', 'insert'],
  ]);
  expect(await compare(before, after, 'terminal')).toContain('[-<!-- vecā piezīme -->-]');
});

test('md: inline code keeps its backticks and, in a table cell, its pipes in the cell', async () => {
  const table = (cell: string) => ['Tabula:', '', '| Kods | Nozīme |', '|---|---|', `| \`a\\|b\` un \`\` x\`y \`\` | ${cell} |`].join('\n');
  const md = textPart(await compare(table('vecā'), table('jaunā'), 'md'));
  expect(md).toContain('| `a\\|b` un ``x`y`` | {~~vecā~>jaunā~~} |');
  const cells: string[][] = [];
  walk(parseMarkdownText(md), (node) => {
    if (node.type === 'tableRow') cells.push(node.children.map((cell) => cell.children.map((child) => (child.type === 'inlineCode' ? `<${child.value}>` : child.type === 'delete' ? `~~${toString(child)}~~` : toString(child))).join('')));
  });
  expect(cells).toEqual([
    ['Kods', 'Nozīme'],
    ['<a|b> un <x`y>', '{~~vecā~>jaunā~~}'],
  ]);
});

test('md: words that begin a line once a change is accepted or rejected are escaped as a line’s start', async () => {
  const md = textPart(await compare('Ievads.\n\nSkola gadā.\n\nJauns teksts 2020. gadā.', 'Ievads.\n\n2021. gadā.\n\n2020. gadā.', 'md'));
  expect(md).toContain('{~~Skola~>2021\\.~~} gadā.');
  expect(md).toContain('{--Jauns teksts --}2020\\. gadā.');
  // Accepted (the CriticMarkup taken away), each is still one paragraph, not a list.
  const acceptedText = md.replace(/\{~~[^]*?~>([^]*?)~~\}/g, '$1').replace(/\{--[^]*?--\}/g, '');
  expect(parseMarkdownText(acceptedText).children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
});

test('md: a number at a line’s start whose dot or bracket is on the other side of a change is escaped, so neither version reads as a list', async () => {
  const before = 'Ievads.\n\nTagad. gadā sākām.\n\n2020 gadā beidzām.\n\n7 dienas.';
  const after = 'Ievads.\n\n2021\\. gadā sākām.\n\n2020\\. gadā beidzām.\n\n7\\) dienas.';
  const md = textPart(await compare(before, after, 'md'));
  expect(md).toContain('{~~Tagad~>2021~~}\\. gadā sākām.');
  expect(md).toContain('2020{++\\.++} gadā beidzām.');
  expect(md).toContain('7{++\\)++} dienas.');
  const taken = (take: 1 | 2) =>
    md
      .replace(/\{~~([^]*?)~>([^]*?)~~\}/g, `$${take}`)
      .replace(/\{--([^]*?)--\}/g, take === 1 ? '$1' : '')
      .replace(/\{\+\+([^]*?)\+\+\}/g, take === 2 ? '$1' : '');
  for (const version of [taken(1), taken(2)]) expect(parseMarkdownText(version).children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
});

test('terminal, md, JSON and DOCX: a paragraph split in two, in a quote and a footnote too, is its break added and its changed words, not the paragraph deleted and inserted again', async () => {
  const before = 'Ievads.[^1]\n\n> Citāts pirmais teikums ir garš. Otrais teikums arī garš.\n\n[^1]: Piezīmes pirmais teikums šeit. Piezīmes otrais teikums arī.';
  const after = 'Ievads.[^1]\n\n> Citāts pirmais teikums ir garš.\n>\n> Otrais teikums ir ļoti garš.\n\n[^1]: Piezīmes pirmais teikums šeit.\n\n    Piezīmes otrais teikums arī.';
  expect(await compare(before, after, 'terminal')).toContain('> Citāts pirmais teikums ir garš.{+¶+}\n\n> Otrais teikums [-arī-]{+ir ļoti+} garš.');
  const md = textPart(await compare(before, after, 'md'));
  expect(md).toContain('> Citāts pirmais teikums ir garš.{~~ ~>\n>\n> ~~}Otrais teikums {~~arī~>ir ļoti~~} garš.');
  expect(md).toContain('Piezīmes pirmais teikums šeit.{~~ ~>\n\n    ~~}Piezīmes otrais teikums arī.');
  const json = JSON.parse(await compare(before, after, 'json')) as { blocks: { status: string; paragraphMark?: string; segments: { op: string; text: string }[] }[] };
  const split = json.blocks.filter((block) => block.paragraphMark);
  expect(split.map(({ status, paragraphMark, segments }) => ({ status, paragraphMark, last: segments.at(-1) }))).toEqual([
    { status: 'changed', paragraphMark: 'inserted', last: { op: 'delete', text: ' ' } },
    { status: 'changed', paragraphMark: 'inserted', last: { op: 'delete', text: ' ' } },
  ]);
  expect(json.blocks.some((block) => block.status === 'inserted' || block.status === 'deleted')).toBe(false);
  // In the DOCX the first part's mark alone is inserted; its words are not tracked, only the space that joined the two.
  const xml = await redlineXml(before, after);
  expect(xml).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr><w:r><w:t xml:space="preserve">Citāts pirmais teikums ir garš\.<\/w:t><\/w:r><w:del [^>]*><w:r><w:delText xml:space="preserve"> <\/w:delText>/);
  const joined = await redline(after, before);
  expect(paragraphs(joined, 'accept')).toContain('Citāts pirmais teikums ir garš. Otrais teikums arī garš.');
  expect(paragraphs(joined, 'reject')).toEqual(expect.arrayContaining(['Citāts pirmais teikums ir garš.', 'Otrais teikums ir ļoti garš.']));
  expect(textPart(await compare(after, before, 'md'))).toContain('> Citāts pirmais teikums ir garš.{~~\n>\n> ~> ~~}Otrais teikums {~~ir ļoti~>arī~~} garš.');
});

test('terminal, md and DOCX: a list item split in two items, or two joined, is its break and changed words, not an item reworded and another inserted', async () => {
  const one = 'Ievads:\n\n1) pirmais punkts par skolām un otrais punkts par pedagogiem;\n2) trešais punkts par vecākiem.';
  const two = 'Ievads:\n\n1) pirmais punkts par skolām;\n2) otrais punkts par pedagogiem;\n3) trešais punkts par vecākiem.';
  expect(await compare(one, two, 'terminal')).toContain('1) pirmais punkts par skolām[- un -]{+;+}{+¶+}\n\n2) otrais punkts par pedagogiem;');
  expect(textPart(await compare(one, two, 'md'))).toContain('1) pirmais punkts par skolām{~~ un ~>;~~}{++\n2) ++}otrais punkts par pedagogiem;\n3) trešais');
  expect(await compare(two, one, 'terminal')).toContain('1) pirmais punkts par skolām[-;-]{+ un +}[-¶-]\n\n2) otrais punkts par pedagogiem;');
  const split = await redline(one, two);
  expect(paragraphs(split, 'accept')).toEqual(expect.arrayContaining(['pirmais punkts par skolām;', 'otrais punkts par pedagogiem;']));
  expect(paragraphs(split, 'reject')).toContain('pirmais punkts par skolām un otrais punkts par pedagogiem;');
  // The first item's mark inserted, " un " deleted and ";" inserted: nothing else is tracked.
  expect(revisions(split).map((change) => change.kind)).toEqual(['ins', 'del', 'ins']);
});

test('terminal, md and DOCX: an item’s first paragraph split into two paragraphs of the item, or two joined, is its break and changed words', async () => {
  const one = 'Ievads:\n\n1) pirmais punkts par skolām. Tas nozīmē atbalstu pedagogiem.\n2) otrais punkts.';
  const two = 'Ievads:\n\n1) pirmais punkts par skolām.\n\n   Tas nozīmē lielu atbalstu pedagogiem.\n2) otrais punkts.';
  expect(await compare(one, two, 'terminal')).toContain('1) pirmais punkts par skolām.{+¶+}\n\n   Tas nozīmē{+ lielu+} atbalstu pedagogiem.');
  expect(textPart(await compare(one, two, 'md'))).toContain('1) pirmais punkts par skolām.{~~ ~>\n\n   ~~}Tas nozīmē{++ lielu++} atbalstu pedagogiem.');
  expect(await compare(two, one, 'terminal')).toContain('1) pirmais punkts par skolām.[-¶-]\n\n   Tas nozīmē[- lielu-] atbalstu pedagogiem.');
  const split = await redline(one, two);
  expect(paragraphs(split, 'accept')).toEqual(expect.arrayContaining(['pirmais punkts par skolām.', 'Tas nozīmē lielu atbalstu pedagogiem.']));
  expect(paragraphs(split, 'reject')).toContain('pirmais punkts par skolām. Tas nozīmē atbalstu pedagogiem.');
});

test('terminal and md: a list item moved from the end of its list, its full stop now a semicolon, is marked moved in both places', async () => {
  const before = 'Ievads:\n\n1) pirmais punkts par skolām;\n2) otrais punkts par pedagogiem;\n3) trešais punkts par vecākiem.';
  const after = 'Ievads:\n\n1) trešais punkts par vecākiem;\n2) pirmais punkts par skolām;\n3) otrais punkts par pedagogiem.';
  const terminal = await compare(before, after, 'terminal');
  expect(terminal).toContain('1) {+trešais punkts par vecākiem;+}  (moved here)');
  expect(terminal).toContain('3) [-trešais punkts par vecākiem.-]  (moved elsewhere)');
  expect(textPart(await compare(before, after, 'md'))).toContain('1) {++trešais punkts par vecākiem;++} {>>moved here<<}');
});

test('terminal: after an item split in two, or two joined, the items keep the numbers of their version', async () => {
  const one = 'Ievads:\n\n1) pirmais punkts par skolām un otrais punkts par pedagogiem;\n2) trešais punkts par vecākiem;\n3) ceturtais punkts par ministriju.';
  const two = 'Ievads:\n\n1) pirmais punkts par skolām;\n2) otrais punkts par pedagogiem;\n3) trešais punkts par vecākiem.';
  // Split: the new item is 2), the old item 2 is 3) now, and the deleted item was 3) in the older version.
  expect(await compare(one, two, 'terminal')).toContain('2) otrais punkts par pedagogiem;\n\n3) trešais punkts par vecākiem[-;-]{+.+}\n\n3) [-ceturtais punkts par ministriju.-]');
  // Joined: the old item 2 keeps its number, the items after it take theirs in the newer version.
  expect(await compare(two, one, 'terminal')).toContain('2) otrais punkts par pedagogiem;\n\n2) trešais punkts par vecākiem[-.-]{+;+}\n\n3) {+ceturtais punkts par ministriju.+}');
});

test('md: two lists in a row stay two lists, kept apart by an empty comment as the report keeps them', async () => {
  const lists = (word: string) => ['Plāns:', '', '- pirmā saraksta punkts;', `- otrs ${word}.`, '', '<!-- -->', '', '- otrā saraksta punkts.', '  1. apakšpunkts;', '', '  <!-- -->', '', '  1. cits apakšsaraksts.'].join('\n');
  const md = textPart(await compare(lists('punkts'), lists('solis'), 'md'));
  expect(md).toContain(['- otrs {~~punkts~>solis~~}.', '', '<!-- -->', '', '- otrā saraksta punkts.', '', '  1. apakšpunkts;', '', '  <!-- -->', '', '  1. cits apakšsaraksts.'].join('\n'));
  const tree = parseMarkdownText(md);
  expect(tree.children.filter((node) => node.type === 'list').map((node) => node.children.length)).toEqual([2, 1]);
  const nested = tree.children.at(-1);
  expect(nested?.type === 'list' && nested.children[0]?.children.map((child) => child.type)).toEqual(['paragraph', 'list', 'html', 'list']);
  const parsed: { blocks: Record<string, unknown>[] } = JSON.parse(await compare(lists('punkts'), lists('solis'), 'json'));
  expect(parsed.blocks.filter((b) => 'listStart' in b || 'within' in b)).toEqual([]);
});

test('md: a space deleted or inserted with words is written as a space; only a change of whitespace alone shows it as ·', async () => {
  const md = textPart(await compare('Ievads.\n\nTeksts ar `kods` un beigas.', 'Ievads.\n\nTeksts ar un beigas.', 'md'));
  expect(md).toContain('Teksts ar{-- `kods`--} un beigas.');
  expect(await compare('Ievads.\n\nTeksts ar `kods` un beigas.', 'Ievads.\n\nTeksts ar un beigas.', 'terminal')).toContain('Teksts ar[- kods-] un beigas.');
});

test('md: an item that starts with a quote or a code block keeps its number on that block', async () => {
  const list = (word: string) => ['Plāns:', '', '1. > citāts punktā;', '', `   turpinājums ar ${word}.`, '2. ```', '   kods', '   ```', '3. trešais.'].join('\n');
  const md = textPart(await compare(list('vienu'), list('citu'), 'md'));
  expect(md).toContain(['1. > citāts punktā;', '', '   turpinājums ar {~~vienu~>citu~~}.', '', '2. ```', '   kods', '   ```', '', '3. trešais.'].join('\n'));
  const lists = parseMarkdownText(md).children.filter((node) => node.type === 'list');
  expect(lists.map((node) => node.children.map((item) => item.children.map((child) => child.type)))).toEqual([[['blockquote', 'paragraph'], ['code'], ['paragraph']]]);
});

test('terminal: a list of one-word items with one item changed is that list changed, not deleted and inserted whole', async () => {
  const terminal = await compare('Ievads.\n\n- skola\n- pedagogs', 'Ievads.\n\n- skola\n- ģimene', 'terminal');
  expect(terminal.split('\n').slice(6)).toEqual(['– skola', '', '– [-pedagogs-]', '', '– {+ģimene+}', '']);
});

test('terminal: a list item’s later paragraph is indented under it, and a list in a quote keeps the quote’s `>`', async () => {
  const text = (word: string) => ['Ievads.', '', '1) punkts viens;', '', `   Turpinājums ${word}.`, '', '> Citāts:', '>', '> - a punkts', `> - b ${word}`].join('\n');
  const terminal = await compare(text('vecais'), text('jaunais'), 'terminal');
  expect(terminal.split('\n').slice(6)).toEqual(['1) punkts viens;', '', '   Turpinājums [-vecais-]{+jaunais+}.', '', '…', '', '> – a punkts', '', '> – b [-vecais-]{+jaunais+}', '']);
});

test('terminal in colour keeps the marks: a screen reader, a terminal without strikethrough or a reader who tells no red from green still learns what was added and what removed', async () => {
  const coloured = await compare('Pirmais vecais teikums.', 'Pirmais jaunais teikums.', 'terminal', true);
  const plainText = coloured.replace(/\u001b\[\d+m/g, '');
  expect(plainText.split('\n')).toContain('Pirmais [-vecais-]{+jaunais+} teikums.');
  expect(coloured).toContain('\u001b[31m[-\u001b[9mvecais\u001b[29m-]\u001b[39m');
  expect(coloured).toContain('\u001b[32m{+\u001b[4mjaunais\u001b[24m+}\u001b[39m');
});

test('terminal: a thematic break added or removed between paragraphs is shown as a marked line, as the md shows it', async () => {
  const without = 'Ievads.\n\nPirmā rindkopa.\n\nOtrā rindkopa.';
  const withRule = 'Ievads.\n\nPirmā rindkopa.\n\n***\n\nOtrā rindkopa.';
  expect((await run(without, withRule, 'terminal')).exitCode).toBe(1);
  expect((await compare(without, withRule, 'terminal')).split('\n').slice(6)).toEqual(['Pirmā rindkopa.', '', '{+———+}', '']);
  expect((await compare(withRule, without, 'terminal')).split('\n').slice(6)).toEqual(['Pirmā rindkopa.', '', '[-———-]', '']);
  expect(textPart(await compare(without, withRule, 'md'))).toContain('Pirmā rindkopa.\n\n{++———++}\n\nOtrā rindkopa.');
  // In colour, as added and removed words are: green and underlined, red and struck through, inside the same marks.
  expect(await compare(without, withRule, 'terminal', true)).toContain('\u001b[32m{+\u001b[4m———\u001b[24m+}\u001b[39m');
  expect(await compare(withRule, without, 'terminal', true)).toContain('\u001b[31m[-\u001b[9m———\u001b[29m-]\u001b[39m');
  // An unchanged break before a change is its context line, shown as one too.
  const after = withRule.replace('Otrā rindkopa.', 'Otrā jaunā rindkopa.');
  expect((await compare(withRule, after, 'terminal')).split('\n').slice(6)).toEqual(['———', '', 'Otrā{+ jaunā+} rindkopa.', '']);
});

test('terminal, md, JSON and DOCX: an empty item that gets words, or loses them, is that item changed, its words inserted or deleted', async () => {
  const list = (second: string) => ['Plāns:', '', '1) pirmais;', `2)${second}`, '3) trešais.'].join('\n');
  const empty = list('');
  const filled = list(' otrais punkts;');
  for (const [before, after, op, marked, critic] of [
    [empty, filled, 'insert', '{+otrais punkts;+}', '{++otrais punkts;++}'],
    [filled, empty, 'delete', '[-otrais punkts;-]', '{--otrais punkts;--}'],
  ] as const) {
    const terminal = await compare(before, after, 'terminal');
    expect(terminal.split('\n').slice(6)).toEqual(['1) pirmais;', '', `2) ${marked}`, '']);
    expect(textPart(await compare(before, after, 'md'))).toContain(['1) pirmais;', `2) ${critic}`, '3) trešais.'].join('\n'));
    const parsed: { blocks: { kind: string; status: string; marker?: string; segments: { op: string; text: string }[] }[] } = JSON.parse(await compare(before, after, 'json'));
    expect(parsed.blocks.filter((b) => b.status !== 'equal')).toEqual([{ status: 'changed', kind: 'item', depth: 0, marker: '2)', segments: [{ op, text: 'otrais punkts;' }] }]);
    // One numbered paragraph for the item, its words tracked and its mark not: no paragraph deleted beside one inserted.
    const docx = await redline(before, after);
    expect(revisions(docx).map((r) => r.kind)).toEqual([op === 'insert' ? 'ins' : 'del']);
    const items = [...(await redlineXml(before, after)).matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:numPr>(?:(?!<\/w:p>).)*?<\/w:p>/g)];
    expect(items).toHaveLength(3);
  }
});

test('terminal, md, JSON and DOCX: a heading made another level, its words the same, is a change', async () => {
  const before = 'Ievads.\n\n## Skolas un pedagogi\n\nTeksts.\n\n### Atbalsts';
  const after = 'Ievads.\n\n### Skolas un pedagogi\n\nTeksts.\n\n### Atbalsts';
  expect((await run(before, after, 'terminal')).exitCode).toBe(1);
  expect((await compare(before, after, 'terminal')).split('\n').slice(6)).toEqual(['Ievads.', '', '[-##-]{+###+} Skolas un pedagogi', '']);
  // Every heading keeps its level; a changed level is a substitution, which accepted or rejected gives each version's heading.
  const md = textPart(await compare(before, after, 'md'));
  expect(md).toContain(['{~~##~>###~~} Skolas un pedagogi', '', 'Teksts.', '', '### Atbalsts'].join('\n'));
  const depths = (text: string) => parseMarkdownText(text).children.flatMap((node) => (node.type === 'heading' ? [node.depth] : []));
  expect(depths(md.replace(/\{~~([^]*?)~>([^]*?)~~\}/g, '$2'))).toEqual([3, 3]);
  expect(depths(md.replace(/\{~~([^]*?)~>([^]*?)~~\}/g, '$1'))).toEqual([2, 3]);
  const parsed: { blocks: { kind: string; status: string; level?: number; levelBefore?: number }[] } = JSON.parse(await compare(before, after, 'json'));
  expect(parsed.blocks.filter((b) => b.kind === 'heading').map(({ status, level, levelBefore }) => ({ status, level, levelBefore }))).toEqual([
    { status: 'changed', level: 3, levelBefore: 2 },
    { status: 'equal', level: 3, levelBefore: undefined },
  ]);
  // The DOCX prints every heading from `##` down in one style: nothing changes there. A `#` title made a heading changes its style, tracked.
  expect(await redlineXml(before, after)).not.toMatch(/w:pPrChange|w:ins\b|w:del\b/);
  const retitled = await redlineXml('# Skolas un pedagogi\n\nTeksts.', '## Skolas un pedagogi\n\nTeksts.');
  expect(retitled).toMatch(/<w:pStyle w:val="Heading2"\/>.*<w:pPrChange [^>]*><w:pPr><w:pStyle w:val="Title"\/><\/w:pPr><\/w:pPrChange>/);
  expect(retitled).not.toMatch(/w:ins\b|w:del\b/);
});

test('terminal, md, JSON and DOCX: a task box ticked, cleared, added or removed is a change of its item', async () => {
  const before = 'Uzdevumi:\n\n- [ ] pirmais\n- [x] otrais\n- trešais\n- [x] ceturtais';
  const after = 'Uzdevumi:\n\n- [x] pirmais\n- [x] otrais\n- [ ] trešais\n- ceturtais';
  expect((await run(before.replace('- [ ] pirmais', '- [x] pirmais'), before, 'terminal')).exitCode).toBe(1);
  // The terminal shows the boxes as the DOCX prints them.
  expect((await compare(before, after, 'terminal')).split('\n').slice(6)).toEqual(['Uzdevumi:', '', '– [-☐ -]{+☒ +}pirmais', '', '– ☒ otrais', '', '– {+☐ +}trešais', '', '– [-☒ -]ceturtais', '']);
  const md = textPart(await compare(before, after, 'md'));
  expect(md).toContain(['- {~~[ ] ~>[x] ~~}pirmais', '- [x] otrais', '- {++[ ] ++}trešais', '- {--[x] --}ceturtais'].join('\n'));
  const boxes = (text: string) => parseMarkdownText(text).children.flatMap((node) => (node.type === 'list' ? node.children.map((item) => item.checked) : []));
  expect(boxes(md.replace(/\{~~([^]*?)~>([^]*?)~~\}/g, '$2').replace(/\{--[^]*?--\}/g, '').replace(/\{\+\+([^]*?)\+\+\}/g, '$1'))).toEqual([true, true, false, null]);
  expect(boxes(md.replace(/\{~~([^]*?)~>([^]*?)~~\}/g, '$1').replace(/\{\+\+[^]*?\+\+\}/g, '').replace(/\{--([^]*?)--\}/g, '$1'))).toEqual([false, true, null, true]);
  const parsed: { blocks: { kind: string; segments: { op: string; text: string }[] }[] } = JSON.parse(await compare(before, after, 'json'));
  expect(parsed.blocks.filter((b) => b.kind === 'item').map((b) => b.segments.map(({ op, text }) => `${op}:${text}`))).toEqual([
    ['delete:☐ ', 'insert:☒ ', 'equal:pirmais'],
    ['equal:☒ otrais'],
    ['insert:☐ ', 'equal:trešais'],
    ['delete:☒ ', 'equal:ceturtais'],
  ]);
  // Accepting every change in the DOCX gives the newer boxes, rejecting the older ones.
  const docx = await redline(before, after);
  expect(paragraphs(docx, 'accept').slice(-4)).toEqual(['☒ pirmais', '☒ otrais', '☐ trešais', 'ceturtais']);
  expect(paragraphs(docx, 'reject').slice(-4)).toEqual(['☐ pirmais', '☒ otrais', 'trešais', '☒ ceturtais']);
});

test('terminal and md: a hard line break stays a line break, and one added or removed is shown as the change it is', async () => {
  const before = ['Rinda viena  ', 'rinda otrā\\', '\\- nav saraksts', '', '1. punkts ar\\', '   lūzumu', '', 'Beigas tagad.'].join('\n');
  const after = ['Rinda viena', 'rinda otrā\\', '\\- nav saraksts', '', '1. punkts ar\\', '   lūzumu un\\', '   vēl', '', 'Beigas  ', 'tagad.'].join('\n');
  // A line break the newer version has starts a new line; a removed one is marked where it was, and so is an added one.
  expect((await compare(before, after, 'terminal')).split('\n').slice(8)).toEqual([
    'Rinda viena[-↵-]{+ +}rinda otrā',
    '- nav saraksts',
    '',
    '1. punkts ar',
    '   lūzumu{+ un↵+}',
    '   {+vēl+}',
    '',
    'Beigas[- -]{+↵+}',
    'tagad.',
    '',
  ]);
  // The md writes each break with a backslash, a line after it in its item indented and escaped as a line's start.
  const md = textPart(await compare(before, after, 'md'));
  expect(md).toContain(['Rinda viena{~~\\', '~> ~~}rinda otrā\\', '\\- nav saraksts', '', '1. punkts ar\\', '   lūzumu{++ un\\', '   vēl++}', '', 'Beigas{~~ ~>\\', '~~}tagad.'].join('\n'));
  const breaks = (text: string) => {
    const found: string[] = [];
    walk(parseMarkdownText(text), (node) => {
      if (node.type === 'paragraph') found.push(node.children.map((child) => (child.type === 'break' ? '↵' : toString(child).replace(/\s+/g, ' '))).join(''));
    });
    return found;
  };
  const accepted = md.replace(/\{~~([^]*?)~>([^]*?)~~\}/g, '$2').replace(/\{\+\+([^]*?)\+\+\}/g, '$1');
  const rejected = md.replace(/\{~~([^]*?)~>([^]*?)~~\}/g, '$1').replace(/\{\+\+([^]*?)\+\+\}/g, '');
  // After the question, in bold.
  expect(breaks(accepted).slice(1)).toEqual(breaks(after));
  expect(breaks(rejected).slice(1)).toEqual(breaks(before));
});

test('terminal, md and DOCX: a reference link whose definition now gives another address has changed; md writes it with its address', async () => {
  const text = (address: string) => `Skatīt [ziņojumu][zin] un [plānu][].\n\n[zin]: ${address}\n[plānu]: https://example.org/plans "Plāns"`;
  const before = text('https://example.org/z');
  const after = text('https://example.org/cits');
  expect(await compare(before, after, 'terminal')).toContain('Skatīt [-[ziņojumu](https://example.org/z)-]{+[ziņojumu](https://example.org/cits)+} un plānu.');
  // The definitions are not printed: the md writes each link with its address, as a viewer reads it.
  const md = textPart(await compare(before, after, 'md'));
  expect(md).toContain('Skatīt {~~[ziņojumu](https://example.org/z)~>[ziņojumu](https://example.org/cits)~~} un [plānu](https://example.org/plans "Plāns").');
  const links: string[] = [];
  walk(parseMarkdownText(md.replace(/\{~~[^]*?~>([^]*?)~~\}/g, '$1')), (node) => node.type === 'link' && links.push(`${toString(node)} ${node.url}`));
  expect(links).toEqual(['ziņojumu https://example.org/cits', 'plānu https://example.org/plans']);
  // The redline links the deleted words to the old address and the inserted ones to the new.
  const relations = part(docxParts(await redline(before, after)), 'word/_rels/document.xml.rels');
  expect(['https://example.org/z', 'https://example.org/cits'].map((address) => relations.includes(`Target="${address}"`))).toEqual([true, true]);
});

test('terminal and md: an image is written as an image, and one that shows another picture shows both addresses', async () => {
  const before = 'Logotips ![ES karogs](https://a.example/es.png "Karogs") un ![vecs](https://a.example/x.png) attēls.';
  const after = before.replace('https://a.example/x.png', 'https://b.example/y.png');
  const md = textPart(await compare(before, after, 'md'));
  expect(md).toContain('Logotips ![ES karogs](https://a.example/es.png "Karogs") un {~~![vecs](https://a.example/x.png)~>![vecs](https://b.example/y.png)~~} attēls.');
  const images: string[] = [];
  walk(parseMarkdownText(md.replace(/\{~~[^]*?~>([^]*?)~~\}/g, '$1')), (node) => node.type === 'image' && images.push(`${node.alt ?? ''} ${node.url} ${node.title ?? ''}`));
  expect(images).toEqual(['ES karogs https://a.example/es.png Karogs', 'vecs https://b.example/y.png ']);
  // The terminal prints an image as the DOCX does, by its text; the address it changed shows as Markdown.
  expect(await compare(before, after, 'terminal')).toContain('Logotips [ES karogs] un [-![vecs](https://a.example/x.png)-]{+![vecs](https://b.example/y.png)+} attēls.');
});

test('md, JSON and terminal: a code block keeps its language and what follows it after the fence; one given another language is deleted and inserted with each', async () => {
  const text = (language: string) => ['Kods:', '', '```yaml title="a.yaml"', 'a: 1', '```', '', `\`\`\`${language}`, 'b: 2', '```', '', 'Teksts.'].join('\n');
  const md = textPart(await compare(text('yaml'), text('json'), 'md'));
  expect(md).toContain(['```yaml title="a.yaml"', 'a: 1', '```', '', '```yaml', '{--b: 2--}', '```', '', '```json', '{++b: 2++}', '```'].join('\n'));
  const fences: string[] = [];
  walk(parseMarkdownText(md), (node) => node.type === 'code' && fences.push(`${node.lang ?? ''} ${node.meta ?? ''}`));
  expect(fences).toEqual(['yaml title="a.yaml"', 'yaml ', 'json ']);
  const parsed: { blocks: { kind: string; status: string; info?: string }[] } = JSON.parse(await compare(text('yaml'), text('json'), 'json'));
  expect(parsed.blocks.filter((b) => b.kind === 'code').map(({ status, info }) => [status, info])).toEqual([
    ['equal', 'yaml title="a.yaml"'],
    ['deleted', 'yaml'],
    ['inserted', 'json'],
  ]);
  // The terminal shows each block's language as its opening fence does.
  expect((await compare(text('yaml'), text('json'), 'terminal')).split('\n').slice(6)).toEqual(['a: 1', '', '[-```yaml-]', '[-b: 2-]', '', '{+```json+}', '{+b: 2+}', '']);
  // An info string with a backtick is written after a fence of tildes, where it may stand.
  expect(textPart(await compare(['~~~a`b', 'x', '~~~', '', 'Teksts.'].join('\n'), ['~~~a`b', 'x', '~~~', '', 'Cits teksts.'].join('\n'), 'md'))).toContain(['~~~a`b', 'x', '~~~'].join('\n'));
});

test('md: a heading that ends in # keeps it, as written and once a change is taken', async () => {
  const md = textPart(await compare('## Valoda C \\#\n\n## Nr. \\#\n\nTeksts.', '## Valoda C \\#\n\n## Nr. \\# 2 \\#\n\nTeksts.', 'md'));
  expect(md).toContain(['## Valoda C # #', '', '## Nr. #{++ 2 #++} #'].join('\n'));
  const headings = (text: string) => parseMarkdownText(text).children.flatMap((node) => (node.type === 'heading' ? [toString(node)] : []));
  expect(headings(md.replace(/\{\+\+([^]*?)\+\+\}/g, '$1'))).toEqual(['Valoda C #', 'Nr. # 2 #']);
  expect(headings(md.replace(/\{\+\+([^]*?)\+\+\}/g, ''))).toEqual(['Valoda C #', 'Nr. #']);
});

test('md: braces in the text are escaped, so words like `--}` or `{++` are never read as CriticMarkup', async () => {
  const paragraphsOf = (text: string) => parseMarkdownText(text).children.flatMap((node) => (node.type === 'paragraph' ? [toString(node)] : []));
  const accept = (md: string) => md.replace(/\{--([^]*?)--\}/g, '').replace(/\{\+\+([^]*?)\+\+\}/g, '$1').replace(/\{~~([^]*?)~>([^]*?)~~\}/g, '$2');
  const reject = (md: string) => md.replace(/\{--([^]*?)--\}/g, '$1').replace(/\{\+\+([^]*?)\+\+\}/g, '').replace(/\{~~([^]*?)~>([^]*?)~~\}/g, '$1');
  const pairs = [
    ['Dzēst --} to.', 'Dzēst to.'],
    ['Summa {a} te.', 'Summa {a} ++} te.'],
    ['Teksts {++ nav ++} izmaiņa, {--x--} arī.', 'Teksts {++ nav ++} izmaiņa, {--y--} arī.'],
  ];
  for (const [before = '', after = ''] of pairs) {
    const md = textPart(await compare(before, after, 'md'));
    expect(paragraphsOf(accept(md)).at(-1)).toBe(after);
    expect(paragraphsOf(reject(md)).at(-1)).toBe(before);
  }
  expect(textPart(await compare('Dzēst --} to.', 'Dzēst to.', 'md'))).toContain('Dzēst{-- --\\}--} to.');
});

test('a position’s English answer and speaking points are compared too: a change of them alone is a change (exit 1)', async () => {
  const english = (amount: string, point: string) =>
    `${position('Latvija atbalsta.')}body_en: |\n  Latvia supports ${amount} million euro.\nspeaking_points_en:\n  - ${point}\n`;
  const cwd = exampleProject({ 'review/before.yaml': english('10', 'Support.'), 'review/after.yaml': english('12', 'Strong support.') });
  const run = (format: DiffFormat) => diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format, stat: false, whitespace: false, colour: false, sourceDateEpoch: EPOCH });
  const terminal = await run('terminal');
  expect(terminal.exitCode).toBe(1);
  expect(String(terminal.output).split('\n').slice(4)).toEqual([
    'English (body_en)',
    '',
    'Latvia supports [-10-]{+12+} million euro.',
    '',
    'English speaking points (speaking_points_en)',
    '',
    '– [-Support.-]',
    '',
    '– {+Strong support.+}',
    '',
  ]);
  expect(textPart(String((await run('md')).output))).toBe(
    '**Q**\n\nLatvija atbalsta.\n\n**English (body_en)**\n\nLatvia supports {~~10~>12~~} million euro.\n\n**English speaking points (speaking_points_en)**\n\n- {--Support.--}\n\n<!-- -->\n\n- {++Strong support.++}',
  );
});

test('a position’s speaking points are compared word by word as a list after its answer: a point reworded, one removed, one added', async () => {
  const points = (...list: string[]) => `${position('Latvija atbalsta.')}speaking_points:\n${list.map((point) => `  - "${point}"\n`).join('')}`;
  const before = points('Atbalsts skolēniem.', 'Digitālās prasmes.', '*Skola 2030* palīdz.');
  const after = points('Atbalsts visiem skolēniem.', '*Skola 2030* palīdz.', 'Jauns punkts.');
  const cwd = exampleProject({ 'review/before.yaml': before, 'review/after.yaml': after });
  const run = async (format: DiffFormat) =>
    String((await diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format, stat: false, whitespace: false, colour: false, sourceDateEpoch: EPOCH })).output);
  // The words are shown, so no count of points is listed as a change of status.
  expect((await run('terminal')).split('\n').slice(4)).toEqual([
    'Speaking points (speaking_points)',
    '',
    '– Atbalsts{+ visiem+} skolēniem.',
    '',
    '– [-Digitālās prasmes.-]',
    '',
    '– *Skola 2030* palīdz.',
    '',
    '– {+Jauns punkts.+}',
    '',
  ]);
  expect(textPart(await run('md'))).toBe(
    ['**Q**', '', 'Latvija atbalsta.', '', '**Speaking points (speaking_points)**', '', '- Atbalsts{++ visiem++} skolēniem.', '- {--Digitālās prasmes.--}', '- \\*Skola 2030\\* palīdz.', '- {++Jauns punkts.++}'].join('\n'),
  );
  const json: { metadata: unknown[]; blocks: { status: string; kind: string; segments: { op: string; text: string }[] }[] } = JSON.parse(await run('json'));
  expect(json.metadata).toEqual([]);
  expect(json.blocks.slice(2).map(({ status, kind, segments }) => ({ status, kind, segments }))).toEqual([
    { status: 'equal', kind: 'paragraph', segments: [{ op: 'equal', text: 'Speaking points (speaking_points)' }] },
    { status: 'changed', kind: 'item', segments: [{ op: 'equal', text: 'Atbalsts' }, { op: 'insert', text: ' visiem' }, { op: 'equal', text: ' skolēniem.' }] },
    { status: 'deleted', kind: 'item', segments: [{ op: 'delete', text: 'Digitālās prasmes.' }] },
    { status: 'equal', kind: 'item', segments: [{ op: 'equal', text: '*Skola 2030* palīdz.' }] },
    { status: 'inserted', kind: 'item', segments: [{ op: 'insert', text: 'Jauns punkts.' }] },
  ]);
  const { output: docx } = await diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format: 'docx', stat: false, whitespace: false, colour: false, sourceDateEpoch: EPOCH });
  if (!(docx instanceof Uint8Array)) throw new Error('expected DOCX bytes');
  // The redline's list items are its paragraphs: accepting every change gives the new points, rejecting the old.
  expect(paragraphs(docx, 'accept').slice(2)).toEqual(['Speaking points (speaking_points)', 'Atbalsts visiem skolēniem.', '*Skola 2030* palīdz.', 'Jauns punkts.']);
  expect(paragraphs(docx, 'reject').slice(2)).toEqual(['Speaking points (speaking_points)', 'Atbalsts skolēniem.', 'Digitālās prasmes.', '*Skola 2030* palīdz.']);
});

test('terminal: a change in a later speaking point, or a later paragraph of the English answer, shows the bold line of its part, not only the point before it', async () => {
  const whole = (third: string, english: string) =>
    `${position('Latvija atbalsta.\n\nOtrā rindkopa.\n\nTrešā rindkopa.')}speaking_points:\n  - Pirmais.\n  - Otrais.\n  - ${third}\nbody_en: |\n  First.\n\n  Second.\n\n  ${english}\n`;
  const cwd = exampleProject({ 'review/before.yaml': whole('Trešais.', 'Third.'), 'review/after.yaml': whole('Trešais punkts.', 'Third one.') });
  const { output } = await diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format: 'terminal', stat: false, whitespace: false, colour: false, sourceDateEpoch: EPOCH });
  expect(String(output).split('\n').slice(4)).toEqual([
    'Speaking points (speaking_points)',
    '',
    '…',
    '',
    '– Otrais.',
    '',
    '– Trešais{+ punkts+}.',
    '',
    'English (body_en)',
    '',
    '…',
    '',
    'Second.',
    '',
    'Third{+ one+}.',
    '',
  ]);
});

test('DOCX: an author whose name holds characters XML 1.0 does not allow (U+FFFE, U+FFFF, a lone surrogate) still gives XML Word reads', async () => {
  // `--author`, git's user.name or a commit's author reach the redline without the check its files get.
  const cwd = exampleProject({ 'review/before.yaml': position('Pirmais teikums.'), 'review/after.yaml': position('Pirmais mainītais teikums.', 2) });
  const author = 'Anna\uFFFE Ozola\uFFFF\uD800';
  const { output } = await diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format: 'docx', stat: false, whitespace: false, colour: false, sourceDateEpoch: EPOCH, author });
  if (!(output instanceof Uint8Array)) throw new Error('expected DOCX bytes');
  for (const [name, xml] of docxParts(output)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    expect(() => new SaxesParser().write(xml).close(), name).not.toThrow();
  }
  expect(revisions(output).map((change) => change.author)).toEqual(['Anna Ozola']);
  expect(part(docxParts(output), 'word/comments.xml')).toContain('w:author="Anna Ozola"');
});

test('terminal: an unchanged table before a change is shown by its last row, not its rows run together as one', async () => {
  const table = '| Valsts | Summa |\n|---|---|\n| Latvija | 10 |\n| Lietuva | 20 |';
  const lines = (await compare(`Ievads.\n\n${table}\n\nPēdējā rindkopa par naudu.`, `Ievads.\n\n${table}\n\nPēdējā rindkopa par lielāku naudu.`, 'terminal')).split('\n').slice(4);
  expect(lines).toEqual(['• version: v1 → v2', '', '… Lietuva | 20', '', 'Pēdējā rindkopa par{+ lielāku+} naudu.', '']);
});

test('a footnote never referred to, defined in a quote or a list item, is no part of the comparison either', async () => {
  const inQuote = (words: string) => `Teksts ar atsauci.[^a]\n\n> Citāts.\n>\n> [^x]: Nekur neizmantota ${words}.\n\n[^a]: Lietotā piezīme.`;
  const inItem = (words: string) => `Teksts ar atsauci.[^a]\n\n- Punkts.\n\n  [^x]: Nekur neizmantota ${words}.\n\n[^a]: Lietotā piezīme.`;
  for (const text of [inQuote, inItem]) {
    const result = await run(text('piezīme'), text('mainīta piezīme'), 'terminal');
    expect(String(result.output).trimEnd().endsWith('• version: v1 → v2')).toBe(true);
  }
});

test('terminal: a numbered list whose numbers are now written 1) where they were 1. (as the DOCX prints them) is that list deleted and the new one inserted, not its items kept', async () => {
  const terminal = await compare('Ievads:\n\n1. pirmais punkts par skolām;\n2. otrais punkts par pedagogiem.', 'Ievads:\n\n1) pirmais punkts par skolām;\n2) otrais punkts par pedagogiem.', 'terminal');
  expect(terminal.split('\n').slice(6)).toEqual([
    'Ievads:',
    '',
    '1. [-pirmais punkts par skolām;-]  (moved elsewhere)',
    '',
    '2. [-otrais punkts par pedagogiem.-]  (moved elsewhere)',
    '',
    '1) {+pirmais punkts par skolām;+}  (moved here)',
    '',
    '2) {+otrais punkts par pedagogiem.+}  (moved here)',
    '',
  ]);
});

test('terminal: an item’s first paragraph split into six paragraphs of the item, as many as a split is looked for, is its five breaks', async () => {
  const one = 'Ievads:\n\n1) viens divi. trīs četri. pieci seši. septiņi astoņi. deviņi desmit. vienpadsmit divpadsmit.\n2) otrais punkts.';
  const six = 'Ievads:\n\n1) viens divi.\n\n   trīs četri.\n\n   pieci seši.\n\n   septiņi astoņi.\n\n   deviņi desmit.\n\n   vienpadsmit divpadsmit.\n2) otrais punkts.';
  expect((await compare(one, six, 'terminal')).split('\n').slice(6)).toEqual([
    'Ievads:',
    '',
    ...['viens divi.', 'trīs četri.', 'pieci seši.', 'septiņi astoņi.', 'deviņi desmit.'].flatMap((part, index) => [`${index ? '   ' : '1) '}${part}{+¶+}`, '']),
    '   vienpadsmit divpadsmit.',
    '',
  ]);
});

test('terminal and JSON: a table with the same columns whose every row was reworded is one table changed row by row, not a table deleted and another inserted', async () => {
  const before = 'Ievads.\n\n| Skola | Skolēni |\n| --- | --- |\n| Rīgas pirmā | simts |\n| Cēsu otrā | divi simti |';
  const after = 'Ievads.\n\n| Iestāde | Bērni |\n| --- | --- |\n| Valmieras trešā | trīs simti |\n| Liepājas ceturtā | četri simti |';
  const json = JSON.parse(await compare(before, after, 'json')) as { blocks: { kind: string; status: string; rows?: unknown[] }[] };
  expect(json.blocks.filter((block) => block.kind === 'table').map((block) => ({ status: block.status, rows: block.rows?.length }))).toEqual([{ status: 'changed', rows: 3 }]);
});

test('terminal: a heading moved elsewhere in the text, word for word, is marked moved in both places', async () => {
  const heading = '## Skolu tīkla pārmaiņas reģionos';
  const before = `${heading}\n\nPirmā rindkopa par skolām.\n\nOtrā rindkopa par pedagogiem.`;
  const after = `Pirmā rindkopa par skolām.\n\nOtrā rindkopa par pedagogiem.\n\n${heading}`;
  expect((await compare(before, after, 'terminal')).split('\n').slice(6)).toEqual([
    'Q',
    '',
    '[-Skolu tīkla pārmaiņas reģionos-]  (moved elsewhere)',
    '',
    '…',
    '',
    'Otrā rindkopa par pedagogiem.',
    '',
    '{+Skolu tīkla pārmaiņas reģionos+}  (moved here)',
    '',
  ]);
});

test('terminal: a footnote’s words moved into the text, the note taken away, are marked moved in both places', async () => {
  const before = 'Pirmā rindkopa.[^a]\n\n[^a]: Avots ir ministrijas ziņojums par skolām.';
  const after = 'Pirmā rindkopa.\n\nAvots ir ministrijas ziņojums par skolām.';
  expect((await compare(before, after, 'terminal')).split('\n').slice(6)).toEqual([
    'Q',
    '',
    'Pirmā rindkopa.[-[^p-a]-]',
    '',
    '{+Avots ir ministrijas ziņojums par skolām.+}  (moved here)',
    '',
    '[^p-a]: [-Avots ir ministrijas ziņojums par skolām.-]  (moved elsewhere)',
    '',
  ]);
});

test('terminal: an unchanged paragraph shown before a change shows its hard line break as a space, its two lines not run together', async () => {
  const text = (last: string) => `Ievads.\n\nPirmā rinda,\\\notrā rinda.\n\n${last}`;
  expect((await compare(text('Vecais teksts.'), text('Jaunais teksts.'), 'terminal')).split('\n').slice(6)).toEqual(['Pirmā rinda, otrā rinda.', '', '[-Vecais-]{+Jaunais+} teksts.', '']);
});

test('md --stat: the summary is one fenced block, closed after its last line', async () => {
  const cwd = exampleProject({ 'review/before.yaml': position('Ievads.\n\nVecs teksts.'), 'review/after.yaml': position('Ievads.\n\nJauns teksts.', 2) });
  const md = String((await diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format: 'md', stat: true, whitespace: false, colour: false, sourceDateEpoch: EPOCH })).output);
  const lines = md.trimEnd().split('\n');
  expect(lines.filter((line) => line === '```')).toHaveLength(2);
  expect(lines.at(-1)).toBe('```');
  expect(parseMarkdownText(md).children.map((node) => node.type)).toEqual(['heading', 'paragraph', 'code']);
});

test('md: a pipe in a table cell’s words, written `\\|`, stays in its cell', async () => {
  const table = (cell: string) => ['Tabula:', '', '| Kods | Nozīme |', '|---|---|', `| a \\| b | ${cell} |`].join('\n');
  const md = textPart(await compare(table('vecā'), table('jaunā'), 'md'));
  const cells: string[][] = [];
  walk(parseMarkdownText(md), (node) => {
    if (node.type === 'tableRow') cells.push(node.children.map((cell) => toString(cell)));
  });
  expect(cells.map((row) => row.length)).toEqual([2, 2]);
  expect(cells[1]?.[0]).toBe('a | b');
  expect(md).toContain('| a \\| b | {~~vecā~>jaunā~~} |');
});

test('md: a list after an unchanged paragraph that follows another list gets no comment between them', async () => {
  const text = (word: string) => ['Plāns:', '', '- pirmais;', '- otrais.', '', 'Starpteksts.', '', '- trešais;', `- ${word}.`].join('\n');
  const md = textPart(await compare(text('ceturtais'), text('piektais'), 'md'));
  expect(md).not.toContain('<!-- -->');
  expect(md).toContain(['- otrais.', '', 'Starpteksts.', '', '- trešais;'].join('\n'));
});

test('terminal: an item that starts with a quote or a code block shows its number on that block', async () => {
  const list = (word: string) => ['Plāns:', '', '1. > citāts par ' + word + ';', '2. ```', '   kods', '   ```', '3. trešais.'].join('\n');
  const terminal = await compare(list('vienu'), list('citu'), 'terminal');
  expect(terminal).toContain('1. > citāts par [-vienu-]{+citu+};');
});

test('diff refuses no file or three, and --stat with --format docx, saying what to do instead', async () => {
  const cwd = exampleProject({ 'review/a.yaml': position('Viens.'), 'review/b.yaml': position('Divi.', 2), 'review/c.yaml': position('Trīs.', 3) });
  const options = { cwd, whitespace: false, colour: false, sourceDateEpoch: EPOCH } as const;
  await expect(diff({ ...options, files: ['review/a.yaml', 'review/b.yaml', 'review/c.yaml'], format: 'md', stat: false })).rejects.toMatchObject({
    message: 'Name one file to compare between revisions, or two files to compare.',
  });
  await expect(diff({ ...options, files: [], format: 'md', stat: false })).rejects.toMatchObject({ message: 'Name one file to compare between revisions, or two files to compare.' });
  await expect(diff({ ...options, files: ['review/a.yaml', 'review/b.yaml'], format: 'docx', stat: true })).rejects.toMatchObject({
    message: '--stat prints a summary; it has no DOCX form.',
    hint: 'Use --format terminal, md or json with --stat.',
  });
});

test('diff refuses an --out that is a link to a file it compares', async () => {
  const cwd = exampleProject({ 'review/a.yaml': position('Viens.'), 'review/b.yaml': position('Divi.', 2) });
  symlinkSync(join(cwd, 'review/b.yaml'), join(cwd, 'review/link.md'));
  await expect(diff({ cwd, files: ['review/a.yaml', 'review/b.yaml'], format: 'md', stat: false, whitespace: false, colour: false, sourceDateEpoch: EPOCH, out: 'review/link.md' })).rejects.toMatchObject({
    message: '--out review/link.md is a file diff reads: writing the diff there would replace it.',
  });
});
