import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { build } from '../src/commands/build.js';
import { itWithOffice } from './helpers/docx.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, tempDir } from './helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';
const FIRST_LINE = 'Latvijas rīcību turpmākajos gados noteiks Izglītības attīstības pamatnostādnes 2021.–2027. gadam. To centrā ir';

/** The table of the tester's report: a long text column and three of figures, each figure joined by no-break spaces. */
const TABLE = '| A | B | C | K10 |\n|---|--:|--:|--:|\n| Pedagogi ar augstām digitālajām prasmēm visās skolās | 53,5\u00A0% | 11\u00A0352 | 1 |\n| x | 9\u00A0% | 1\u00A0000 | 2 |';

/** The example's PDF, made by LibreOffice, with one position's first paragraph replaced by `markdown`, in `font`. */
async function pdfWith(markdown: string, font: string): Promise<string> {
  const text = exampleFile(POSITION);
  const at = text.indexOf(FIRST_LINE);
  const changed = `${text.slice(0, at)}${markdown.split('\n').join('\n  ')}${text.slice(text.indexOf('\n\n', at))}`;
  const config = exampleFile('briefing.config.yaml').replace('font: Times New Roman', `font: ${font}`);
  const out = tempDir();
  const result = await build({ cwd: exampleProject({ [POSITION]: changed, 'briefing.config.yaml': config }), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['pdf'] });
  expect(result.exitCode, JSON.stringify(result.diagnostics)).toBe(0);
  return join(out, 'IZMzin_190221_EDUC.pdf');
}

/**
 * The PDF's lines as pdftotext lays them out, without blanks: it prints the gap a no-break space
 * leaves in one font as a space and in another as none, and a line is what is asked here.
 */
function lines(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.replace(/[\s\u00A0]+/g, ''));
}

/** Each word of the PDF with its page and box, in points. */
function words(pdf: string): { text: string; page: number; x: number; right: number; y: number }[] {
  const boxes = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return boxes.split('<page ').flatMap((page, index) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(([, x = '', y = '', right = '', text = '']) => ({
      text,
      page: index,
      x: Number(x),
      right: Number(right),
      y: Number(y),
    })),
  );
}

describe('the PDF LibreOffice makes of the DOCX', () => {
  itWithOffice.each(['Times New Roman', 'Arial'])('in %s, prints each figure and heading of a table on one line of its cell (they broke: "53,5" / "%", "K1" / "0", "11 35" / "2")', async (font) => {
    const printed = lines(await pdfWith(TABLE, font));
    // Each row of the table on one line: "A B C K10", "… skolās 53,5 % 11 352 1", "x 9 % 1 000 2".
    expect(printed).toContain('ABCK10');
    expect(printed).toContain('Pedagogiaraugstāmdigitālajāmprasmēmvisāsskolās53,5%113521');
    expect(printed).toContain('x9%10002');
  });

  itWithOffice('sets a note’s text a space after its number, and a quote inside a quote one indent further in', async () => {
    const pdf = await pdfWith('Teksts ar piezīmi.[^p]\n\n> Ārējais citāts.\n>\n> > Ligzdotais citāts.\n\n[^p]: Piezīmes teksts.', 'Times New Roman');
    const page = words(pdf);
    const first = (text: string) => page.find((word) => word.text === text);
    const note = first('Piezīmes');
    // The note's number is the word just before its text, on the same line at the foot of the page.
    const number = page.filter((word) => /^\d+$/.test(word.text) && note && word.page === note.page && Math.abs(word.y - note.y) < 3 && word.right <= note.x).at(-1);
    expect(number && note && note.x - number.right).toBeGreaterThan(2); // a space at 10 pt is 2.5 pt; it was 0
    const outer = first('Ārējais');
    const nested = first('Ligzdotais');
    // One first-line indent (12.5 mm, 35.4 pt) further in.
    expect(outer && nested && nested.x - outer.x).toBeCloseTo(35.4, 0);
  });
});

describe('the title in the PDF LibreOffice makes of the DOCX', () => {
  itWithOffice('is centred between the margins on each of its lines (its first line stood half a first-line indent, 6 mm, right of the centre)', async () => {
    const all = words(await pdfWith('Teksts.', 'Times New Roman'));
    const page = all.filter((word) => word.page === all[0]?.page);
    // A4 with margins of 30 mm on the left and 20 mm on the right: the centre of the text, in points.
    const centre = ((30 + (210 - 20)) / 2) * (72 / 25.4);
    const lineOf = (text: string) => {
      const first = page.find((word) => word.text === text);
      const line = page.filter((word) => first && Math.abs(word.y - first.y) < 2);
      return (Math.min(...line.map((word) => word.x)) + Math.max(...line.map((word) => word.right))) / 2;
    };
    expect(lineOf('Informatīvais')).toBeCloseTo(centre, 0);
    expect(lineOf('izskatāmajiem')).toBeCloseTo(centre, 0);
  });
});

describe('nested blocks in the PDF LibreOffice makes of the DOCX', () => {
  itWithOffice('keep within the margins, a list in a quote and a table in a list item indented as they are nested (a dozen quotes ran past the right margin)', async () => {
    const quotes = Array.from({ length: 13 }, (_, depth) => `${'> '.repeat(depth + 1)}dziļums ${depth + 1} ${'teksts '.repeat(depth)}`.trimEnd()).join('\n');
    const quotedList = '> Ievads:\n>\n> - pirmais punkts;\n>   - ligzdotais punkts;\n> - otrais punkts.';
    const itemTable = '1) punkts ar tabulu:\n\n   | Gads | Summa |\n   |---|--:|\n   | 2021 | 10 000 |';
    const wide = `| ${Array.from({ length: 12 }, (_, column) => `K${column + 1}`).join(' | ')} |\n|${'---|'.repeat(12)}\n| ${['Izglītības', 'attīstības', 'pamatnostādnes', 'https://skoluinternets.lv/lapa', 'finansējumu', '53,5\u00A0%', '11\u00A0352', 'memorands', 'nodrošināt', 'novirzīt', 'modernizēt', 'paplašināt'].join(' | ')} |`;
    const page = words(await pdfWith(`${quotedList}\n\n${itemTable}\n\n${quotes}\n\n${wide}`, 'Times New Roman'));
    // A4 with margins of 30 mm on the left and 20 mm on the right, in points.
    const left = (30 * 72) / 25.4;
    const right = ((210 - 20) * 72) / 25.4;
    expect(page.filter((word) => word.x < left - 0.5 || word.right > right + 0.5).map((word) => word.text)).toEqual([]);
    const first = (text: string) => page.find((word) => word.text === text);
    // The nested item's number one first-line indent (12.5 mm, 35.4 pt) further in; they stood one under the other.
    expect((first('ligzdotais')?.x ?? 0) - (first('pirmais')?.x ?? 0)).toBeCloseTo(35.4, 0);
    // The table's first cell a cell margin (and half the border) right of the item's number; it stood at the margin.
    const number = page.find((word) => word.text === '1)' && word.y < (first('punkts')?.y ?? 0) + 3 && word.y > (first('punkts')?.y ?? 0) - 3);
    expect((first('Gads')?.x ?? 0) - (number?.x ?? 0)).toBeGreaterThan(4);
    expect((first('Gads')?.x ?? 0) - (number?.x ?? 0)).toBeLessThan(8);
  });
});

/** The PDF's structure tree as poppler prints it: one line a tag or a text, indented as nested. */
function structure(pdf: string): string[] {
  return execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8' }).split('\n');
}

describe('the PDF for a screen reader (EN 301 549, tagged PDF)', () => {
  itWithOffice('is tagged, in Latvian: its paragraphs, the table’s header cells and its notes are marked as such (it was an untagged PDF, read as one run of text)', async () => {
    const pdf = await pdfWith('Teksts ar piezīmi.[^p]\n\n| Gads | Summa |\n|---|--:|\n| 2021 | 10 000 |\n\n[^p]: Piezīmes teksts.', 'Times New Roman');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Tagged: +yes$/m);
    const tags = structure(pdf).map((line) => line.trim().split(' ')[0]?.replace(/:$/, ''));
    expect(tags).toEqual(expect.arrayContaining(['Document', 'P', 'Table', 'TR', 'TH', 'TD', 'Note', 'L', 'LI']));
    expect(readFileSync(pdf, 'latin1')).toContain('/Lang(lv-LV)');
  });

  itWithOffice('has the title, the questions and a position’s `###` headings as headings, H1, H2 and H3, and as its bookmarks, each under the one above it', async () => {
    const pdf = await pdfWith('### Digitālā pārveide\n\nTeksts zem virsraksta.', 'Times New Roman');
    const lines = structure(pdf).map((line) => line.trim());
    // The first text after the tag (its attributes come between).
    const textOf = (tag: string) => lines.slice(lines.indexOf(`${tag} (block):`)).find((line) => line.startsWith('"'));
    expect(textOf('H1')).toBe('"Informatīvais ziņojums par"');
    expect(textOf('H3')).toBe('"Digitālā pārveide"');
    expect(lines.filter((line) => line === 'H2 (block):')).toHaveLength(3);
    const outline = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', pdf], { encoding: 'utf8' });
    // Each bookmark with its depth, read with its no-break spaces ("19.\u00A0februāra") as spaces and cut after 40 letters.
    let depth = 0;
    const bookmarks = [...outline.matchAll(/<(\/?)outline>|<item page="\d+">([^<]*)<\/item>/g)].flatMap(([, closing, text]) => {
      if (text === undefined) depth += closing ? -1 : 1;
      return text === undefined ? [] : [`${depth} ${text.replace(/\s/g, ' ').slice(0, 40)}`];
    });
    expect(bookmarks).toEqual([
      '1 Informatīvais ziņojums par 2021. gada 19',
      '2 1. Kādi ir nozīmīgākie ES, valsts, reģio',
      '2 2. Kādi pasākumi un reformas ir nepiecie',
      '3 Digitālā pārveide',
      '2 3. Kā ES sadarbība ilgtermiņā var veicin',
    ]);
  });
});
