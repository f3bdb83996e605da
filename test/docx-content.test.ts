import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { docxParts, part } from './helpers/docx.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, tempDir } from './helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';
const FIRST_LINE = 'Latvijas rīcību turpmākajos gados noteiks Izglītības attīstības pamatnostādnes 2021.–2027. gadam. To centrā ir';

/** The example built with one position's first paragraph replaced by `markdown` (indented as the body's lines are). */
async function buildWithAnswer(markdown: string): Promise<{ body: string; md: string; warnings: string[] }> {
  const text = exampleFile(POSITION);
  const at = text.indexOf(FIRST_LINE);
  const end = text.indexOf('\n\n', at);
  const changed = `${text.slice(0, at)}${markdown.split('\n').join('\n  ')}${text.slice(end)}`;
  const dir = exampleProject({ [POSITION]: changed });
  const out = tempDir();
  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], out, final: false, formats: ['md', 'docx'] });
  expect(result.exitCode).toBe(0);
  return {
    body: part(docxParts(readFileSync(join(out, 'IZMzin_190221_EDUC.docx'))), 'word/document.xml'),
    md: readFileSync(join(out, 'IZMzin_190221_EDUC.md'), 'utf8'),
    warnings: result.diagnostics.map((d) => d.message),
  };
}

/** The paragraphs of the DOCX body with their style, as [style, text]. */
function styledParagraphs(body: string): [string, string][] {
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, inner = '']) => [
    /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? '',
    [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join(''),
  ]);
}

describe('what a position’s own text becomes in the DOCX', () => {
  it('a tab in an answer stays a tab in a body paragraph: only the template’s lines with a tab are signatures', async () => {
    const { body } = await buildWithAnswer('Otrā\trindkopa ar tabulācijas zīmi.');
    const paragraphs = styledParagraphs(body);
    expect(paragraphs).toContainEqual(['Normal', 'Otrā\trindkopa ar tabulācijas zīmi.']);
    // The signature and the visa still are.
    expect(paragraphs.filter(([style]) => style === 'BriefingSignature').map(([, text]) => text)).toEqual([
      'Izglītības un zinātnes ministre\tI. Šuplinska',
      'Vīza: valsts sekretāre\tL. Lejiņa',
    ]);
  });

  it('a list inside a quote is quoted too; a table there is printed as it is, with a warning', async () => {
    const { body, warnings } = await buildWithAnswer('> Prezidentūra raksta:\n>\n> 1) pirmais punkts;\n> 2) otrais punkts.\n>\n> | A | B |\n> |---|---|\n> | c | d |');
    const paragraphs = styledParagraphs(body);
    expect(paragraphs).toContainEqual(['BriefingNote', 'Prezidentūra raksta:']);
    expect(paragraphs).toContainEqual(['BriefingNote', 'pirmais punkts;']);
    expect(paragraphs).toContainEqual(['BriefingNote', 'otrais punkts.']);
    expect(warnings).toContainEqual(expect.stringContaining('a table inside a quote (`>`) is printed as a table of its own'));
  });

  it('a heading in an answer, # or =====, is a heading: never a second title of the report', async () => {
    const { body } = await buildWithAnswer('# Pirmā līmeņa virsraksts\n\nTeksts.\n\nOtrs virsraksts\n===============\n\n## Otrā līmeņa virsraksts');
    const paragraphs = styledParagraphs(body);
    expect(paragraphs).toContainEqual(['Heading2', 'Pirmā līmeņa virsraksts']);
    expect(paragraphs).toContainEqual(['Heading2', 'Otrs virsraksts']);
    expect(paragraphs).toContainEqual(['Heading2', 'Otrā līmeņa virsraksts']);
    expect(paragraphs.filter(([style]) => style === 'Title')).toHaveLength(1);
  });

  it('a table’s columns are as wide as their text needs: a short column narrow, a long one wide, each at least as wide as its longest word', async () => {
    const grid = (body: string) => [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const { body } = await buildWithAnswer('| Pasākums | Apraksts |\n|---|---|\n| REACT-EU | Vairāk nekā 10 milj. euro aptuveni 20 000 datoru iegādei, lai skolēniem un pedagogiem būtu piemēroti rīki |\n| Tava klase | Video stundas |');
    const [short = 0, long = 0] = grid(body);
    expect(short + long).toBe(9071);
    expect(short).toBeLessThan(2000);
    // "REACT-EU" (8 characters) still fits on one line at 12 pt.
    expect(short).toBeGreaterThan(8 * 24 * 10 * 0.5);
    const even = await buildWithAnswer('| A | B | C |\n|---|---|---|\n| Cēsis | Talsi | Ogres |');
    expect(grid(even.body)).toEqual([3023, 3023, 3025]);
    // A digit group joined by a non-breaking space is one word.
    const digits = await buildWithAnswer('| Skolēni | Piezīmes |\n|--:|---|\n| 215\u00A0000 | Pēc Izglītības ministrijas datiem, kas apkopoti 2021. gada janvārī un februārī |');
    expect(grid(digits.body)[0]).toBeGreaterThan(7 * 24 * 10 * 0.5);
  });

  it('a list or a quote inside a footnote keeps the footnote’s style, not the body’s', async () => {
    const text = 'Teksts ar piezīmi.[^p]\n\n[^p]: Avoti:\n\n    1) pirmais;\n    2) otrais.\n\n    > citāts\n';
    const dir = exampleProject({ [POSITION]: exampleFile(POSITION).replace(FIRST_LINE, text.split('\n').join('\n  ')) });
    const out = tempDir();
    expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], out, final: false, formats: ['docx'] })).exitCode).toBe(0);
    const notes = styledParagraphs(part(docxParts(readFileSync(join(out, 'IZMzin_190221_EDUC.docx'))), 'word/footnotes.xml'));
    for (const line of ['pirmais;', 'otrais.', 'citāts']) expect(notes).toContainEqual(['FootnoteText', line]);
  });

  it('a table row with more cells than the header loses the extra ones, as in the Markdown', async () => {
    const { body, md } = await buildWithAnswer('| Valsts | Skolas |\n|---|--:|\n| Lietuva | 45 | lieks |');
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(body)?.[0] ?? '';
    expect(table.match(/<w:gridCol /g)).toHaveLength(2);
    expect(table).not.toContain('lieks');
    expect(md).toContain('| Lietuva | 45 |');
  });
});
