import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compareMarkdown } from '../src/diff/compare.js';
import { compileDocx, compileDocxTree, type DocxMeta } from '../src/docx/index.js';
import { configSchema, type Layout } from '../src/model/index.js';
import { readReferenceDocx } from '../src/load/reference-docx-parts.js';
import { parseMarkdownText } from '../src/util/markdown.js';
import { oracleDocx } from './oracle/index.js';
import { REPO } from './helpers/project.js';

/**
 * Our OOXML writer (src/docx/ooxml) took the place of the `docx` library's object model and
 * serialiser. It must write the same bytes for every document: reports already built and
 * archived must come out byte for byte the same, and `review` reads them back. The oracle is
 * the compiler as it was on `docx` (test/oracle).
 */

const LAYOUT: Layout = configSchema.parse({ issuing_ministry: 'IZM' }).layout;
const DATE = new Date(Date.UTC(2021, 1, 17));

function meta(overrides: Partial<DocxMeta> = {}): DocxMeta {
  return { creator: 'Izglītības un zinātnes ministrija', footerText: 'IZMzin_190221_EDUC', draftMark: null, customProperties: [], layout: LAYOUT, ...overrides };
}

/** The first part whose text differs, to say where the bytes part ways. */
function firstDifference(ours: Uint8Array, theirs: Uint8Array): string {
  const a = unzipSync(ours);
  const b = unzipSync(theirs);
  const names = [Object.keys(a).join(' '), Object.keys(b).join(' ')];
  if (names[0] !== names[1]) return `parts: ${names[0]}\n   vs: ${names[1]}`;
  for (const name of Object.keys(a)) {
    const x = strFromU8(a[name] ?? new Uint8Array());
    const y = strFromU8(b[name] ?? new Uint8Array());
    if (x === y) continue;
    let at = 0;
    while (x[at] === y[at]) at++;
    return `${name} at ${at}:\n ours: …${x.slice(Math.max(0, at - 80), at + 120)}\n docx: …${y.slice(Math.max(0, at - 80), at + 120)}`;
  }
  return 'same parts, different zip bytes';
}

async function expectSame(markdown: string, docxMeta: DocxMeta): Promise<void> {
  const ours = compileDocx(markdown, docxMeta, DATE).bytes;
  const theirs = oracleDocx(parseMarkdownText(markdown), docxMeta, DATE, markdown);
  if (Buffer.compare(Buffer.from(ours), Buffer.from(theirs)) !== 0) expect.fail(`${JSON.stringify(markdown.slice(0, 300))}\n${firstDifference(ours, theirs)}`);
}

const EXAMPLE = readFileSync(join(REPO, 'test/fixtures/example/IZMzin_190221_EDUC.md'), 'utf8');

/** Pieces that start, nearly start or end each construct the compiler writes differently. */
const PIECES = [
  'Teksts', 'vārds ', ' ', '\n', '\n\n', '  \n', '\t', '.', 'ā', '&', '<', '>', '"', "'", '&amp;', '\u0001', '\u000b', '\u00a0', '“', '…',
  '*', '**', '_', '`', '~~', '~~svītrots~~', '**trekns**', '*slīps*', '`kods`',
  '# ', '## ', '### ', '> ', '- ', '* ', '1. ', '2. ', '5) ', '1) ', '  - ', '    1. ', '- [ ] ', '- [x] ',
  '```\n', '```\nrinda\n\nvēl\n```\n', '    atkāpts\n', '---\n', '***\n',
  '| a | b |\n| - | -: |\n| 1 | 2 |\n', '| x |\n|:-:|\n| y |\n', 'a | b | c\n--- | :-- | ---\n1 | 2\n',
  '[saite](https://a.lv/b?c=1&d=2)', '[enkurs](https://a.lv/lapa#sadala)', '<https://izm.gov.lv>', 'www.izm.gov.lv', 'a@b.lv', '[tukša]()', '[](https://a.lv)',
  '[a][r]', '\n\n[r]: https://r.lv "Virsraksts"\n', '[^1]', '[^2]', '[^x]', '\n\n[^1]: Piezīme ar **treknu**.\n', '\n\n[^2]: Otrā\n\n    ar otru rindkopu.\n', '[^3]', '\n\n[^3]: Skat. [vietni](https://x.lv#a) un [citu](https://y.lv).\n',
  '![attēls](a.png)', '<b>html</b>', '<!-- komentārs -->\n', '\\', 'Vīza: sekretāre\tL. Lejiņa',
];

const layouts: fc.Arbitrary<Partial<DocxMeta>> = fc.record({
  draftMark: fc.constantFrom(null, 'PROJEKTS', 'Projekts & <melnraksts>'),
  footerText: fc.constantFrom(null, 'IZMzin_190221_EDUC', 'A&B "kods"'),
  title: fc.constantFrom(undefined, 'Nosaukums & <cits>'),
  subject: fc.constantFrom(undefined, 'Temats'),
  keywords: fc.constantFrom(undefined, 'EYCS, 2021'),
  description: fc.constantFrom(undefined, 'Apraksts'),
  customProperties: fc.constantFrom([], [{ name: 'Briefing.Meeting', value: 'meetings/a&b.yaml' }], [{ name: 'a', value: '1' }, { name: 'b"', value: "'2'" }]),
  starterStyles: fc.boolean(),
  layout: fc.record({
    page_numbers: fc.boolean(),
    footer_file_code: fc.boolean(),
    font: fc.constantFrom('Times New Roman', 'Arial', 'Font & "Co"'),
    font_size_pt: fc.constantFrom(12, 11, 10.5),
    paper: fc.constantFrom('A4' as const, 'Letter' as const),
  }).map((l) => ({ ...LAYOUT, ...l })),
});

describe('the OOXML writer gives the bytes the docx library gave', () => {
  it('for the example report, draft and final', async () => {
    await expectSame(EXAMPLE, meta());
    await expectSame(EXAMPLE, meta({ draftMark: 'PROJEKTS', customProperties: [{ name: 'Briefing.Draft', value: 'true' }] }));
  });

  it('for a quote in a quote (its own indent) and a list nested past Word’s nine levels (kept at the ninth)', async () => {
    await expectSame('> piezīme\n>\n> > ligzdota[^1]\n>\n> > > vēl dziļāk\n\n[^1]: Avots.\n', meta());
    await expectSame(Array.from({ length: 12 }, (_, depth) => `${'  '.repeat(depth)}- ${depth}`).join('\n'), meta());
  });

  it('for a list in a quote and a table in a list item (their own indents), and quotes nested past the deepest indent', async () => {
    await expectSame('> - punkts\n>   - ligzdots\n>\n> > 1) citātā citātā\n', meta());
    await expectSame('1) punkts:\n\n   | a | b |\n   |---|--:|\n   | 1 | 2 |\n\n   - apakšpunkts:\n\n     | c |\n     |---|\n     | d |\n', meta());
    await expectSame(Array.from({ length: 12 }, (_, depth) => `${'> '.repeat(depth + 1)}${depth}`).join('\n'), meta());
  });

  it('for a Latvian field in an English note, its runs marked lv-LV (bold, a link and a note too)', async () => {
    const tree = parseMarkdownText('Teksts **trekns**[^1] un [saite](https://a.lv).\n\n| a |\n|---|\n| *b* |\n\n[^1]: Piezīme.\n');
    for (const node of tree.children) node.data = { field: { kind: 'position', id: 'p', version: 1, field: 'body', file: 'positions/p.yaml' } };
    const english = meta({ layout: { ...LAYOUT, language: 'en-GB' } });
    const ours = compileDocxTree(structuredClone(tree), english, DATE);
    const theirs = oracleDocx(structuredClone(tree), english, DATE);
    if (Buffer.compare(Buffer.from(ours), Buffer.from(theirs)) !== 0) expect.fail(firstDifference(ours, theirs));
    // "Teksts ", "trekns", " un ", "saite", "." and the table's two cells; the note's text in its own part.
    expect(strFromU8(unzipSync(ours)['word/document.xml'] ?? new Uint8Array()).match(/<w:lang w:val="lv-LV"\/>/g)).toHaveLength(7);
    expect(strFromU8(unzipSync(ours)['word/footnotes.xml'] ?? new Uint8Array())).toContain('<w:lang w:val="lv-LV"/></w:rPr><w:t xml:space="preserve">Piezīme.</w:t>');
  });

  it('for random Markdown with every construct, under random layouts and properties', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), layouts, async (pieces, overrides) => {
        await expectSame(pieces.join(''), meta(overrides));
      }),
      { numRuns: 400 },
    );
  });

  it('for redlines: tracked insertions and deletions, paragraph marks, rows, and the summary comment', async () => {
    const words = fc.array(fc.constantFrom('skola', 'un', '**ES**', '[saite](https://a.lv)', 'mācības[^1]', '`kods`', '&', '1) punkts'), { minLength: 1, maxLength: 8 });
    const blocks = fc.array(
      fc.oneof(
        words.map((w) => w.join(' ')),
        words.map((w) => w.map((x) => `- ${x}`).join('\n')),
        words.map((w) => `| a | b |\n|-|-|\n| ${w.join(' ')} | x |`),
        words.map((w) => `\`\`\`\n${w.join('\n')}\n\`\`\``),
      ),
      { minLength: 1, maxLength: 5 },
    );
    await fc.assert(
      fc.asyncProperty(blocks, blocks, fc.constantFrom<string[]>([], ['briefing diff: a.yaml', 'v1 → v2 & <x>']), async (before, after, summary) => {
        const note = '\n\n[^1]: Avots.\n';
        const { tree } = compareMarkdown(`${before.join('\n\n')}${note}`, `${after.join('\n\n')}${note}`, { whitespace: false });
        const redline = meta({ revisions: { author: 'A. Bērziņa & Co', date: '2021-02-19T10:00:00Z', summary } });
        const ours = compileDocxTree(structuredClone(tree), redline, DATE);
        const theirs = oracleDocx(structuredClone(tree), redline, DATE);
        if (Buffer.compare(Buffer.from(ours), Buffer.from(theirs)) !== 0) expect.fail(firstDifference(ours, theirs));
      }),
      { numRuns: 150 },
    );
  });

  it('with a ministry reference DOCX: its styles, numbering, theme, page and letterhead', async () => {
    const read = readReferenceDocx(readFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx')));
    if ('unreadable' in read) throw new Error(read.unreadable);
    const reference = read;
    await expectSame(EXAMPLE, meta({ reference }));
    await expectSame('1. jautājums\n\n- punkts\n\n> piezīme\n', meta({ reference, draftMark: 'PROJEKTS' }));
    // A landscape page, and Header style tab stops the header clears.
    const page = reference.page && { ...reference.page, width: reference.page.height, height: reference.page.width };
    await expectSame(EXAMPLE, meta({ reference: { ...reference, page, headerTabs: [4680, 9360] }, draftMark: 'PROJEKTS' }));
  });
});

describe('where the docx library wrote something else than the text, the writer writes the text', () => {
  it('keeps a text that reads CURRENT, SECTION or {list-1-1} as text (docx made fields and list numbers of them)', async () => {
    const markdown = 'CURRENT\n\nSee {period-1-1} and\tSECTION\n\n1. TOTAL_PAGES\n';
    const body = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
    const ours = body(compileDocx(markdown, meta(), DATE).bytes);
    expect(ours).toContain('<w:t xml:space="preserve">CURRENT</w:t>');
    expect(ours).toContain('<w:t xml:space="preserve">See {period-1-1} and</w:t><w:tab/><w:t xml:space="preserve">SECTION</w:t>');
    expect(ours).toContain('<w:t xml:space="preserve">TOTAL_PAGES</w:t>');
    expect(ours).not.toContain('w:instrText');
    // What the docx library made of the same text: a page number, a section number, and "2".
    const theirs = body(oracleDocx(parseMarkdownText(markdown), meta(), DATE, markdown));
    expect(theirs).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(theirs).toContain('See 2 and');
  });
});

describe('what the compiler writes that the oracle, measuring with the same code, cannot tell apart', () => {
  it('clears the tab stops the reference\'s Header style sets where ours are not, so the draft mark stands at the right edge', () => {
    const read = readReferenceDocx(readFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx')));
    if ('unreadable' in read) throw new Error(read.unreadable);
    const { bytes } = compileDocx('Teksts.\n', meta({ reference: { ...read, headerTabs: [1234, 2345] }, draftMark: 'PROJEKTS' }), new Date(0));
    const headers = Object.entries(unzipSync(bytes)).filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, data]) => strFromU8(data));
    expect(headers.length).toBeGreaterThan(0);
    // The oracle above measures with the same stops, so only the header's own XML shows what is cleared.
    for (const header of headers) {
      expect(header).toContain('<w:tab w:val="clear" w:pos="1234"/>');
      expect(header).toContain('<w:tab w:val="clear" w:pos="2345"/>');
    }
  });

  it('sets the header flush left, so a reference whose Header style is centred still prints the page number at the centre stop', () => {
    // A ministry's letterhead is often centred in its Header style; a centred "⇥2" would put the number right of the centre.
    const read = readReferenceDocx(readFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx')));
    if ('unreadable' in read) throw new Error(read.unreadable);
    const { bytes } = compileDocx('Teksts.\n', meta({ reference: read, draftMark: 'PROJEKTS' }), new Date(0));
    const headers = Object.entries(unzipSync(bytes)).filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, data]) => strFromU8(data));
    const ours = headers.filter((header) => header.includes('<w:pStyle w:val="Header"/><w:tabs>'));
    expect(ours.length).toBe(2);
    for (const header of ours) expect(header).toMatch(/<w:pStyle w:val="Header"\/><w:tabs>(<w:tab [^>]*>)+<\/w:tabs><w:jc w:val="left"\/><\/w:pPr>/);
  });

  it('sets inline code in the code font', () => {
    const { bytes } = compileDocx('Izsauc `kods()` šeit.\n', meta(), new Date(0));
    const body = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
    expect(body).toContain('<w:r><w:rPr><w:rFonts w:ascii="Courier New" w:cs="Courier New" w:eastAsia="Courier New" w:hAnsi="Courier New"/></w:rPr><w:t xml:space="preserve">kods()</w:t></w:r>');
  });

  it('prints a footnote reference whose definition the tree does not hold as written, with no note made for it', () => {
    // Markdown reads a reference without a definition as text; a report's tree can hold one whose definition was left out.
    const tree = parseMarkdownText('Teksts[^x].\n\n[^x]: Piezīme.\n');
    tree.children = tree.children.filter((node) => node.type !== 'footnoteDefinition');
    const body = strFromU8(unzipSync(compileDocxTree(tree, meta(), new Date(0)))['word/document.xml'] ?? new Uint8Array());
    expect(body).toContain('[^x]</w:t>');
    expect(body).not.toContain('w:footnoteReference');
  });
});
