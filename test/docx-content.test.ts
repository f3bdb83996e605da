import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { docxParts, part } from './helpers/docx.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, tempDir } from './helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';
const FIRST_LINE = 'Latvijas rīcību turpmākajos gados noteiks Izglītības attīstības pamatnostādnes 2021.–2027. gadam. To centrā ir';

/** The example built with one position's first paragraph replaced by `markdown` (indented as the body's lines are), its config changed by `config`. */
async function buildWithAnswer(
  markdown: string,
  config: (text: string) => string = (text) => text,
): Promise<{ body: string; md: string; warnings: string[]; parts: Map<string, string>; diagnostics: Diagnostic[]; position: string }> {
  const text = exampleFile(POSITION);
  const at = text.indexOf(FIRST_LINE);
  const end = text.indexOf('\n\n', at);
  const changed = `${text.slice(0, at)}${markdown.split('\n').join('\n  ')}${text.slice(end)}`;
  const dir = exampleProject({ [POSITION]: changed, 'briefing.config.yaml': config(exampleFile('briefing.config.yaml')) });
  const out = tempDir();
  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], out, final: false, formats: ['md', 'docx'] });
  expect(result.exitCode).toBe(0);
  const parts = docxParts(readFileSync(join(out, 'IZMzin_190221_EDUC.docx')));
  return {
    body: part(parts, 'word/document.xml'),
    md: readFileSync(join(out, 'IZMzin_190221_EDUC.md'), 'utf8'),
    warnings: result.diagnostics.map((d) => d.message),
    parts,
    diagnostics: result.diagnostics,
    position: changed,
  };
}

/** The paragraphs of the DOCX body with their style, as [style, text]. */
function styledParagraphs(body: string): [string, string][] {
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, inner = '']) => [
    /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? '',
    [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => m[1] ?? '\t').join(''),
  ]);
}

/** The levels each `w:abstractNum` of a numbering part defines, as [ilvl, lvlText, left indent, first-line indent], by abstractNumId. */
function numberingLevels(numbering: string): Map<string, [number, string, number, number][]> {
  return new Map(
    [...numbering.matchAll(/<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)].map(([, id = '', inner = '']) => [
      id,
      [...inner.matchAll(/<w:lvl w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)].map(([, ilvl = '', lvl = '']): [number, string, number, number] => [
        Number(ilvl),
        /<w:lvlText w:val="([^"]*)"/.exec(lvl)?.[1] ?? '',
        Number(/<w:ind [^>]*w:left="(\d+)"/.exec(lvl)?.[1] ?? NaN),
        Number(/<w:ind [^>]*w:firstLine="(\d+)"/.exec(lvl)?.[1] ?? NaN),
      ]),
    ]),
  );
}

/** Each list paragraph of a body with its text, `w:ilvl` and `w:numId`. */
function listParagraphs(body: string): { text: string; ilvl: number; numId: string }[] {
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].flatMap(([, inner = '']) => {
    const numbering = /<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(inner);
    if (!numbering) return [];
    const text = [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    return [{ text, ilvl: Number(numbering[1]), numId: numbering[2] ?? '' }];
  });
}

/** The paragraphs with these texts, in order, with their own left and first-line indents (`w:ind`), or the style’s. */
function paragraphIndents(body: string, texts: readonly string[]): [string, string, string][] {
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].flatMap(([, inner = '']): [string, string, string][] => {
    const text = [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    if (!texts.includes(text)) return [];
    const indent = /<w:ind [^>]*\/>/.exec(inner)?.[0] ?? '';
    return [[text, /w:left="(\d+)"/.exec(indent)?.[1] ?? 'the style’s', /w:firstLine="(\d+)"/.exec(indent)?.[1] ?? 'the style’s']];
  });
}

describe('what a position’s own text becomes in the DOCX', () => {
  it('a day and its month, a number and %, and plkst. and the time are kept on one line, in the DOCX and the .md (a date at a line start stays no list item)', async () => {
    const nbsp = '\u00A0';
    const { body, md } = await buildWithAnswer('Līdz 31. decembrim 53,5 % skolu, plkst. 9.00; arī 2021. gada 1. jūlijā un 1.–3. aprīlī.\n3. februārī sāksies.');
    const kept = `Līdz 31.${nbsp}decembrim 53,5${nbsp}% skolu, plkst.${nbsp}9.00; arī 2021. gada 1.${nbsp}jūlijā un 1.–3.${nbsp}aprīlī.`;
    expect(body).toContain(`${kept} 3.${nbsp}februārī sāksies.`);
    expect(md).toContain(`${kept}\n3\\.${nbsp}februārī sāksies.`);
    // Not a date: a number with a period before another word.
    const other = await buildWithAnswer('Punkts 12. pants un 2. punkts; 32. martā nav.');
    expect(other.body).toContain('Punkts 12. pants un 2. punkts; 32. martā nav.');
  });

  it('an item that is empty or starts with a list still has its number, on a line of its own: the items after it are numbered as in the Markdown, and check warns of both', async () => {
    const { body, diagnostics } = await buildWithAnswer('1) pirmais;\n2)\n3) trešais;\n4) - iekšējais;\n   - vēl viens.\n5)\n   - cits;\n6) sestais.');
    const items = listParagraphs(body).filter((item) => item.ilvl === 0 && ['pirmais;', '', 'trešais;', 'sestais.'].includes(item.text));
    // One numbered paragraph for each of the six items, the empty and the list-led ones with no text of their own, all of one list.
    expect(items.map((item) => item.text)).toEqual(['pirmais;', '', 'trešais;', '', '', 'sestais.']);
    expect(new Set(items.map((item) => item.numId)).size).toBe(1);
    expect(listParagraphs(body).filter((item) => item.ilvl === 1).map((item) => item.text)).toEqual(['iekšējais;', 'vēl viens.', 'cits;']);
    expect(diagnostics.filter((d) => d.ruleId === 'markdown/empty-item').map((d) => [d.message, d.hint])).toEqual([
      ['The list item `2)` in `body` is empty: the report prints its number with nothing after it.', 'Write its text after the mark, or delete the line (the items after it are then numbered one less).'],
      [
        'The list item `4)` in `body` starts with a list: the report prints its number on a line of its own, above the list.',
        'Write a line of text after the mark first (e.g. what the list below is about), or make the list the item itself.',
      ],
      [
        'The list item `5)` in `body` starts with a list: the report prints its number on a line of its own, above the list.',
        'Write a line of text after the mark first (e.g. what the list below is about), or make the list the item itself.',
      ],
    ]);
  });

  it('a list item, a nested one or a quote that starts with a year or a date is that text, not a list numbered from the year: each item keeps its number', async () => {
    const { body, md } = await buildWithAnswer('1) 2021. gada 30. septembrī Komisija publicēja paziņojumu;\n2) 3. februārī notika sanāksme;\n   - 2020. gadā sākts;\n3) trešais.\n\n> 2019. gada pētījums.');
    const ours = listParagraphs(body)
      .map((item) => ({ ...item, text: item.text.replaceAll('\u00A0', ' ') }))
      .filter((item) => /Komisija publicēja|notika sanāksme|sākts|^trešais/.test(item.text));
    expect(ours.map((item) => [item.text, item.ilvl])).toEqual([
      ['2021. gada 30. septembrī Komisija publicēja paziņojumu;', 0],
      ['3. februārī notika sanāksme;', 0],
      ['2020. gadā sākts;', 1],
      ['trešais.', 0],
    ]);
    expect(new Set(ours.filter((item) => item.ilvl === 0).map((item) => item.numId)).size).toBe(1);
    expect(styledParagraphs(body)).toContainEqual([expect.any(String), '2019. gada pētījums.']);
    expect(md).toContain('1) 2021\\. gada 30.\u00A0septembrī Komisija publicēja paziņojumu;\n2) 3\\.\u00A0februārī notika sanāksme;\n   - 2020\\. gadā sākts;');
  });

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

  it('a heading in a list item is set in as the item’s paragraphs are, and said at, as Word takes it for a heading of the report whose section the items after it fall in (under a nested item it stood at the margin, unsaid)', async () => {
    const { body, diagnostics, position } = await buildWithAnswer('1) pirmais:\n\n   ## Augšējā virsraksts\n\n   - ligzdotais:\n\n     ## Ligzdotā virsraksts\n\n     teksts.\n2) otrais.\n\n## Ārpus saraksta');
    expect(styledParagraphs(body).filter(([style]) => style === 'Heading2').map(([, text]) => text)).toEqual(['Augšējā virsraksts', 'Ligzdotā virsraksts', 'Ārpus saraksta']);
    // The items' wrapped lines are 709 twips further in at each level; the first line as far again as the style sets it.
    expect(paragraphIndents(body, ['Augšējā virsraksts', 'Ligzdotā virsraksts', 'teksts.', 'Ārpus saraksta'])).toEqual([
      ['Augšējā virsraksts', 'the style’s', 'the style’s'],
      ['Ligzdotā virsraksts', '709', 'the style’s'],
      ['teksts.', '709', 'the style’s'],
      ['Ārpus saraksta', 'the style’s', 'the style’s'],
    ]);
    const lines = position.split('\n');
    const at = (text: string) => lines.findIndex((line) => line.endsWith(text)) + 1;
    const heading = 'In the DOCX, from `body`: a heading in a list item is printed under the item, yet Word takes it for a heading of the report: its navigation pane and a table of contents list it, and the items after it fall in its section. Write it as a paragraph in bold (**…**), or put the heading before the list.';
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.message])).toEqual([
      [POSITION, at('## Augšējā virsraksts'), heading],
      [POSITION, at('## Ligzdotā virsraksts'), heading],
    ]);
  });

  it('a heading in a quote is said, at the heading: it is printed as a heading of the report, not marked as quoted, as a table there is (nothing said so)', async () => {
    const { body, diagnostics, position } = await buildWithAnswer('> a\n>\n> ## Citāta virsraksts\n>\n> b\n\n- punkts:\n\n  > ## Virsraksts citātā punktā');
    expect(styledParagraphs(body).filter(([, text]) => ['a', 'Citāta virsraksts', 'b', 'Virsraksts citātā punktā'].includes(text))).toEqual([
      ['BriefingNote', 'a'],
      ['Heading2', 'Citāta virsraksts'],
      ['BriefingNote', 'b'],
      ['Heading2', 'Virsraksts citātā punktā'],
    ]);
    const lines = position.split('\n');
    const at = (text: string) => lines.findIndex((line) => line.endsWith(text)) + 1;
    const quoted = 'In the DOCX, from `body`: a heading inside a quote (`>`) is printed as a heading of the report, not marked as quoted. Write it as a paragraph in bold (**…**) to keep it in the quote.';
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.message])).toEqual([
      [POSITION, at('## Citāta virsraksts'), quoted],
      [POSITION, at('## Virsraksts citātā punktā'), quoted],
    ]);
  });

  it('a list nested 5 to 9 levels deep gets its own marker and indent at each level; deeper ones stay at the ninth, with a warning at the list', async () => {
    const words = ['viens', 'divi', 'trīs', 'četri', 'pieci', 'seši', 'septiņi', 'astoņi', 'deviņi', 'desmit', 'vienpadsmit'];
    const bullets = words.map((word, depth) => `${'  '.repeat(depth)}- ${word}`).join('\n');
    const parens = ['a', 'b', 'c', 'd', 'e', 'f'].map((word, depth) => `${'   '.repeat(depth)}1) ${word}`).join('\n');
    const { body, parts, diagnostics, position } = await buildWithAnswer(`${bullets}\n\n${parens}`);
    const abstract = numberingLevels(part(parts, 'word/numbering.xml'));
    const numbering = part(parts, 'word/numbering.xml');
    const abstractOf = (numId: string) => new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1] ?? '';
    const indent = 709; // first_line_indent_mm 12.5
    // Every list the writer defines (abstractNum 1 is the docx library's unused default bullet list) has Word's nine levels.
    expect(abstract.size).toBeGreaterThan(2);
    for (const [id, levels] of abstract) {
      if (id === '1') continue;
      expect(levels.map(([ilvl]) => ilvl)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      expect(levels.map(([, , left, firstLine]) => [left, firstLine])).toEqual(levels.map(([ilvl]) => [ilvl * indent, indent]));
    }
    const items = listParagraphs(body);
    const item = (text: string) => items.find((candidate) => candidate.text === text);
    // No paragraph names a level Word does not have, or one its numbering does not define.
    for (const { text, ilvl, numId } of items) {
      expect(ilvl, text).toBeLessThanOrEqual(8);
      expect(abstract.get(abstractOf(numId))?.some(([level]) => level === ilvl), text).toBe(true);
    }
    const bulletLevels = abstract.get(abstractOf(item('viens')?.numId ?? '')) ?? [];
    expect(bulletLevels.map(([, text]) => text)).toEqual(Array(9).fill('–'));
    expect(words.map((word) => item(word)?.ilvl)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8]);
    const parenLevels = abstract.get(abstractOf(item('a')?.numId ?? '')) ?? [];
    expect(parenLevels.map(([, text]) => text)).toEqual(['%1)', '%2)', '%3)', '%4)', '%5)', '%6)', '%7)', '%8)', '%9)']);
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((word) => item(word)?.ilvl)).toEqual([0, 1, 2, 3, 4, 5]);
    // One warning, at the list nested past the ninth level, in the position's file.
    const deep = diagnostics.filter((d) => d.ruleId === 'docx/unsupported');
    const line = position.split('\n').findIndex((text) => text.endsWith('- desmit')) + 1;
    expect(deep.map((d) => [d.file, d.line, d.column, d.severity, d.message])).toEqual([
      [POSITION, line, 21, 'warning', 'In the DOCX, from `body`: a list nested more than 9 levels deep is printed at the 9th level, as Word numbers no deeper.'],
    ]);
  });

  it('a table in a footnote, which a note of the DOCX cannot hold, is said at its line in the position (it was left out without a word)', async () => {
    const { parts, diagnostics, position } = await buildWithAnswer(
      'Skolu skaits pieauga[^skolas].\n\n[^skolas]: Avots:\n\n    | Gads | Skolas |\n    |---|---|\n    | 2021 | 150 |\n\n    Teksts pēc tabulas.',
    );
    const note = /<w:footnote w:id="\d+">(?:(?!<\/w:footnote>).)*Avots:.*?<\/w:footnote>/.exec(part(parts, 'word/footnotes.xml'))?.[0] ?? '';
    expect(note).toContain('Teksts pēc tabulas.');
    expect(note).not.toContain('<w:tbl>');
    const line = position.split('\n').findIndex((text) => text.includes('| Gads |')) + 1;
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.column, d.severity, d.message])).toEqual([
      [POSITION, line, 7, 'warning', 'In the DOCX, from `body`: a table in a footnote is not printed: a note of the DOCX holds paragraphs only. Put the table in the text, or write its rows as a list in the note.'],
    ]);
  });

  it('a footnote that refers to another is no note inside a note, which LibreOffice cannot open: it prints the other note’s number, or the reference as written, and says so at its line', async () => {
    const { parts, diagnostics, position } = await buildWithAnswer(
      'Pamatnostādnes[^a] un plāns[^b].\n\n[^a]: Apstiprinātas 2021. gadā[^b]; sk. arī[^c].\n\n[^b]: Rīcības plāns.\n\n[^c]: Tikai piezīmē minēts avots.',
    );
    const notes = part(parts, 'word/footnotes.xml');
    // No note holds a reference to a note: LibreOffice refused the whole file ("source file could not be loaded").
    expect(notes).not.toContain('w:footnoteReference');
    const noteA = /<w:footnote w:id="(\d+)">(?:(?!<\/w:footnote>).)*Apstiprinātas.*?<\/w:footnote>/.exec(notes)?.[0] ?? '';
    const printed = [...noteA.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    // [^b] is the report's third note (the background has the first, [^a] the second); [^c] is referred to from no text, so it is printed as the .md has it.
    expect(printed).toBe(' Apstiprinātas 2021. gadā3; sk. arī[^equity-reforms-c].');
    expect(part(parts, 'word/document.xml').match(/<w:footnoteReference /g)).toHaveLength(3);
    const lines = position.split('\n');
    const line = lines.findIndex((text) => text.includes('[^a]: Apstiprinātas')) + 1;
    const written = lines[line - 1] ?? '';
    // The columns are those of the position file, which writes the labels unscoped (`[^a]`, not the .md's `[^equity-reforms-a]`).
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      [POSITION, line, written.indexOf('[^b]') + 1, 'In the DOCX, from `body`: a footnote reference in a footnote is printed as the number of its note, 3, raised: a note of the DOCX cannot hold a note of its own (LibreOffice cannot open a file with one).'],
      [POSITION, line, written.indexOf('[^c]') + 1, 'In the DOCX, from `body`: a footnote reference in a footnote is printed as the .md writes it, [^equity-reforms-c]: a note of the DOCX cannot hold a note of its own (LibreOffice cannot open a file with one), and the text refers to that note nowhere else. Refer to it from the text, or write what it says into this note.'],
    ]);
  });

  it('a DOCX warning after a link reference on its line is at its column in the position file, whichever way the reference is written', async () => {
    const { diagnostics, position } = await buildWithAnswer(
      'Sk. [avots] ![shēma](a.png), [avots][] ![b](b.png), [teksts][avots] ![c](c.png).\n\n[avots]: https://example.org/avots',
    );
    const lines = position.split('\n');
    const line = lines.findIndex((text) => text.includes('Sk. [avots]')) + 1;
    const written = lines[line - 1] ?? '';
    // The .md writes the first two `[avots][body-avots]`, scoped: the columns were 5 and 10 too far on.
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.line, d.column])).toEqual(
      ['![shēma]', '![b]', '![c]'].map((image) => [line, written.indexOf(image) + 1]),
    );
  });

  it('a table in a footnote is said at its own line when the same table stands earlier, right under a paragraph (it was said at the earlier one)', async () => {
    const table = '| Gads | Skolas |\n|---|---|\n| 2021 | 150 |';
    const { diagnostics, position } = await buildWithAnswer(`Skolu skaits:\n${table}\n\nTas pieauga[^skolas].\n\n[^skolas]: Avots:\n\n    ${table.split('\n').join('\n    ')}`);
    const lines = position.split('\n').flatMap((text, index) => (text.includes('| Gads |') ? [index + 1] : []));
    expect(lines).toHaveLength(2);
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.line, d.column])).toEqual([[lines[1], 7]]);
  });

  it('a nested numbered list that starts at 5 starts at 5 at the level it is nested at (it printed 1. and 2.)', async () => {
    const { body, parts } = await buildWithAnswer('1. pirmais:\n   - apakšpunkts;\n\n   5. pieci;\n   6. seši.\n2. otrais.');
    const numbering = part(parts, 'word/numbering.xml');
    const items = listParagraphs(body);
    const five = items.find((item) => item.text === 'pieci;');
    expect(five?.ilvl).toBe(1);
    expect(items.find((item) => item.text === 'seši.')).toMatchObject({ ilvl: 1, numId: five?.numId });
    // The instance's start at the items' own level, and its definition's.
    const instance = new RegExp(`<w:num w:numId="${five?.numId}">([\\s\\S]*?)</w:num>`).exec(numbering)?.[1] ?? '';
    expect(instance).toContain('<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride>');
    const abstractId = /<w:abstractNumId w:val="(\d+)"\/>/.exec(instance)?.[1];
    const definition = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>([\\s\\S]*?)</w:abstractNum>`).exec(numbering)?.[1] ?? '';
    expect(/<w:lvl w:ilvl="1"[^>]*><w:start w:val="(\d+)"\/>/.exec(definition)?.[1]).toBe('5');
    // The top-level list still starts at 1.
    const first = items.find((item) => item.text === 'pirmais:');
    const top = new RegExp(`<w:num w:numId="${first?.numId}">([\\s\\S]*?)</w:num>`).exec(numbering)?.[1] ?? '';
    expect(top).toContain('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>');
  });

  it('a note’s text is parted from its number mark by a space, as in a footnote Word makes (it read “¹Piezīmes”)', async () => {
    const { parts } = await buildWithAnswer('Teksts ar piezīmi.[^p]\n\n[^p]: Piezīmes teksts.');
    const notes = part(parts, 'word/footnotes.xml');
    // The notes (ids from 1; -1 and 0 are the separator lines).
    const written = [...notes.matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)].map((m) => m[2] ?? '');
    expect(written.find((xml) => xml.includes('Piezīmes teksts.'))).toContain(
      '<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t xml:space="preserve">Piezīmes teksts.</w:t></w:r>',
    );
    // Every note, the example's own too.
    expect(written.length).toBe(2);
    for (const xml of written) expect(xml).toContain('<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>');
  });

  it('a quote inside a quote is one first-line indent further in than the quote around it', async () => {
    const { body } = await buildWithAnswer('> Ārējais citāts.\n>\n> > Ligzdots citāts.\n> >\n> > > Vēl dziļāks.\n>\n> Atkal ārējais.');
    const quotes = [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].flatMap(([, inner = '']) => {
      if (!inner.includes('<w:pStyle w:val="BriefingNote"/>')) return [];
      const text = [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      return [[text, /<w:ind w:left="(\d+)"\/>/.exec(inner)?.[1] ?? 'the style’s']];
    });
    // The note style indents the outer quote by one first-line indent (709 twips).
    expect(quotes).toEqual([
      ['Ārējais citāts.', 'the style’s'],
      ['Ligzdots citāts.', '1418'],
      ['Vēl dziļāks.', '2127'],
      ['Atkal ārējais.', 'the style’s'],
    ]);
  });

  it('a list in a quote is laid out from the quote’s edge, each nested level’s number one indent further in (the items sat at one indent, the quote’s own)', async () => {
    const { body, warnings } = await buildWithAnswer('> Ievads:\n>\n> - pirmais;\n>   - ligzdotais;\n>     1) dziļākais;\n> - otrais.\n>\n> > - citātā citātā.');
    // The quote's bar is at the paragraph's left edge: every item keeps the quote's, so the bar runs on unbroken.
    expect(paragraphIndents(body, ['Ievads:', 'pirmais;', 'ligzdotais;', 'dziļākais;', 'otrais.', 'citātā citātā.'])).toEqual([
      ['Ievads:', 'the style’s', 'the style’s'],
      ['pirmais;', '709', '709'],
      ['ligzdotais;', '709', '1418'],
      ['dziļākais;', '709', '2127'],
      ['otrais.', '709', '709'],
      ['citātā citātā.', '1418', '709'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('a list in a quote inside a list item is numbered on its own: the items after it go on 2), 3) (they printed 4), 5), the quoted ones 2), 3); then, numbered apart with the same definition, 3), 4) in LibreOffice)', async () => {
    const { body, parts } = await buildWithAnswer('1) pirmais;\n\n   > 1) citēts;\n   > 2) otrs citēts.\n\n2) otrais;\n3) trešais.\n\nTeksts.\n\n4) ceturtais.');
    const items = listParagraphs(body);
    const numId = (text: string) => items.find((item) => item.text === text)?.numId;
    // The outer list, after the paragraph between too, is one numbering; the quoted list is one of its own.
    const outer = ['pirmais;', 'otrais;', 'trešais.', 'ceturtais.'];
    expect(items.filter((item) => item.numId === numId('pirmais;')).map((item) => item.text)).toEqual(outer);
    expect(items.filter((item) => item.numId === numId('citēts;')).map((item) => item.text)).toEqual(['citēts;', 'otrs citēts.']);
    expect(numId('citēts;')).not.toBe(numId('pirmais;'));
    // Of a definition of its own: lists of one definition share their count in LibreOffice, which printed the items after it 3), 4).
    const numbering = part(parts, 'word/numbering.xml');
    const abstractOf = (id: string | undefined) => new RegExp(`<w:num w:numId="${id}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
    expect(abstractOf(numId('citēts;'))).not.toBe(abstractOf(numId('pirmais;')));
    // So in a nested item: the items of its level after the quote go on from the ones before it.
    const inNested = await buildWithAnswer('1) a\n   1) b\n\n      > 1) q1\n      > 2) q2\n\n   2) c\n2) d');
    const nested = listParagraphs(inNested.body);
    const nestedId = (text: string) => nested.find((item) => item.text === text)?.numId;
    expect(nested.filter((item) => item.numId === nestedId('b')).map((item) => item.text)).toEqual(['b', 'c']);
    expect(nested.filter((item) => item.numId === nestedId('q1')).map((item) => item.text)).toEqual(['q1', 'q2']);
    const nestedNumbering = part(inNested.parts, 'word/numbering.xml');
    const nestedAbstract = (id: string | undefined) => new RegExp(`<w:num w:numId="${id}"><w:abstractNumId w:val="(\\d+)"/>`).exec(nestedNumbering)?.[1];
    expect(nestedAbstract(nestedId('q1'))).not.toBe(nestedAbstract(nestedId('b')));
  });

  it('a list item’s later paragraph is set in as far as the item’s own lines, its first line where the item’s number is (under a nested item it stood at the margin)', async () => {
    const { body, warnings } = await buildWithAnswer('1) pirmais;\n\n   pirmā turpinājums.\n2) otrais:\n   - ligzdotais;\n\n     ligzdotā turpinājums.\n     1) trešais;\n\n        trešā turpinājums.\n3) ceturtais.');
    // The items' numbering puts their wrapped lines 709 twips further in at each level, the first line 709 more (as the body style does).
    expect(paragraphIndents(body, ['pirmā turpinājums.', 'ligzdotā turpinājums.', 'trešā turpinājums.'])).toEqual([
      ['pirmā turpinājums.', 'the style’s', 'the style’s'],
      ['ligzdotā turpinājums.', '709', 'the style’s'],
      ['trešā turpinājums.', '1418', 'the style’s'],
    ]);
    const items = ['pirmais;', 'otrais:', 'ligzdotais;', 'trešais;', 'ceturtais.'];
    expect(listParagraphs(body).filter(({ text }) => items.includes(text)).map(({ text, ilvl }) => [text, ilvl])).toEqual([
      ['pirmais;', 0],
      ['otrais:', 0],
      ['ligzdotais;', 1],
      ['trešais;', 2],
      ['ceturtais.', 0],
    ]);
    expect(warnings).toEqual([]);
  });

  it('a quote in a nested list item stands under the item’s number, as one under a top-level item does, its quotes and lists in it from there (it stood at one indent, left of the item’s lines)', async () => {
    const { body, warnings } = await buildWithAnswer(
      '1) pirmais:\n\n   > augšējā citāts.\n   - ligzdotais:\n\n     > ligzdotā citāts.\n     >\n     > > citāts citātā.\n     >\n     > - citēts punkts;\n     >   - citēts ligzdots.\n     1) trešais:\n\n        > trešā citāts.\n2) otrais.',
    );
    // The note style sets a quote in by one first-line indent (709 twips): under a top-level item's number.
    expect(paragraphIndents(body, ['augšējā citāts.', 'ligzdotā citāts.', 'citāts citātā.', 'citēts punkts;', 'citēts ligzdots.', 'trešā citāts.'])).toEqual([
      ['augšējā citāts.', 'the style’s', 'the style’s'],
      ['ligzdotā citāts.', '1418', 'the style’s'],
      ['citāts citātā.', '2127', 'the style’s'],
      ['citēts punkts;', '1418', '709'],
      ['citēts ligzdots.', '1418', '1418'],
      ['trešā citāts.', '2127', 'the style’s'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('a quote in a nested list item goes no further in than the seventh indent: one that would is said, once, at the quote that reaches past it', async () => {
    const nested = Array.from({ length: 7 }, (_, level) => `${'  '.repeat(level)}- punkts ${level + 1}`).join('\n');
    const quotes = ['', '> septītā līmeņa citāts.', '>', '> > citāts citātā.'].map((line) => `${'  '.repeat(7)}${line}`.trimEnd()).join('\n');
    const { body, diagnostics, position } = await buildWithAnswer(`${nested}\n${quotes}`);
    // The seventh level's number is at the seventh indent (7 × 709), where the quote stays.
    expect(paragraphIndents(body, ['septītā līmeņa citāts.', 'citāts citātā.']).map(([text, left]) => [text, left])).toEqual([
      ['septītā līmeņa citāts.', '4963'],
      ['citāts citātā.', '4963'],
    ]);
    const lines = position.split('\n');
    const at = (text: string) => lines.findIndex((line) => line.endsWith(text)) + 1;
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.message])).toEqual([
      [POSITION, at('> > citāts citātā.'), 'In the DOCX, from `body`: a quote in a list item nested this deep is printed as far in as the 7th indent, short of the item’s number, so that its text keeps a third of the width between the margins. Put the quote after the list, or nest the list less deep.'],
    ]);
  });

  it('a code block in a nested list item stands under the item’s number, as one under a top-level item does; in a quote, at the quote’s rule (it stood at one indent, left of the item’s lines)', async () => {
    const { body, warnings } = await buildWithAnswer(
      '1) pirmais:\n\n   ```\n   augšējā kods\n   ```\n   - ligzdotais:\n\n     ```\n     ligzdotā kods\n     otrā rinda\n     ```\n     1) trešais:\n\n        ```\n        trešā kods\n        ```\n\n        > citāts:\n        >\n        > ```\n        > citētais kods\n        > ```\n2) otrais.\n\n> > ```\n> > kods citātā citātā\n> > ```',
    );
    // The code style sets a block in by one first-line indent (709 twips): under a top-level item's number.
    expect(paragraphIndents(body, ['augšējā kods', 'ligzdotā kods', 'otrā rinda', 'trešā kods', 'citāts:', 'citētais kods', 'kods citātā citātā'])).toEqual([
      ['augšējā kods', 'the style’s', 'the style’s'],
      ['ligzdotā kods', '1418', 'the style’s'],
      ['otrā rinda', '1418', 'the style’s'],
      ['trešā kods', '2127', 'the style’s'],
      ['citāts:', '2127', 'the style’s'],
      ['citētais kods', '2127', 'the style’s'],
      ['kods citātā citātā', '1418', 'the style’s'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('a code block in a list item nested past the deepest indent stands at the seventh indent, short of the item’s number, and is said, as a table there is (it went on past it, unsaid)', async () => {
    const nested = (depth: number, name: string) =>
      [...Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- ${name} ${level + 1}`), '', ...['```', `${name} kods`, '```', '', `${name} turpinājums.`].map((line) => `${'  '.repeat(depth)}${line}`)].join('\n');
    const { body, diagnostics, position } = await buildWithAnswer(`${nested(7, 'septiņi')}\n\nStarp.\n\n${nested(8, 'astoņi')}\n\nStarp.\n\n${nested(10, 'desmit')}`);
    // Seven deep, the code is under its item's number (the seventh indent, 7 × 709); deeper, it stays there.
    // An item's later paragraph keeps to the item's own wrapped lines, as far in as Word's nine list levels go.
    expect(paragraphIndents(body, ['septiņi kods', 'septiņi turpinājums.', 'astoņi kods', 'astoņi turpinājums.', 'desmit kods', 'desmit turpinājums.'])).toEqual([
      ['septiņi kods', '4963', 'the style’s'],
      ['septiņi turpinājums.', '4254', 'the style’s'],
      ['astoņi kods', '4963', 'the style’s'],
      ['astoņi turpinājums.', '4963', 'the style’s'],
      ['desmit kods', '4963', 'the style’s'],
      ['desmit turpinājums.', '5672', 'the style’s'],
    ]);
    const lines = position.split('\n');
    // A code block is placed at its opening fence, the line above its code.
    const code = (name: string) => lines.findIndex((line) => line.endsWith(`${name} kods`));
    const list = (text: string) => lines.findIndex((line) => line.endsWith(text)) + 1;
    const deep = 'In the DOCX, from `body`: a code block in a list item nested this deep starts at the 7th indent, short of the item’s number, so that it keeps a third of the width between the margins. Put the code block after the list, or nest the list less deep.';
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.message])).toEqual([
      [POSITION, code('astoņi'), deep],
      [POSITION, list('- desmit 10'), 'In the DOCX, from `body`: a list nested more than 9 levels deep is printed at the 9th level, as Word numbers no deeper.'],
      [POSITION, code('desmit'), deep],
    ]);
  });

  it('a thematic break in a nested list item runs from the item’s lines to the margin, as one in a top-level item does from the margin (it ran from the margin, across the item)', async () => {
    const { body, warnings } = await buildWithAnswer('1) pirmais:\n\n   ***\n   - ligzdotais:\n\n     ***\n     1) trešais:\n\n        ***\n2) otrais.\n\n***');
    // Each break is an empty paragraph with a bottom border, which runs between its left and right indents.
    const breaks = [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].flatMap(([, inner = '']) => (inner.includes('<w:pBdr><w:bottom') ? [/<w:ind w:left="(\d+)"\/>/.exec(inner)?.[1] ?? 'the style’s'] : []));
    // The items' wrapped lines are 709 twips further in at each level.
    expect(breaks).toEqual(['the style’s', '709', '1418', 'the style’s']);
    expect(warnings).toEqual([]);
  });

  it('a thematic break in a footnote is a paragraph of the note, in the footnote text style, in a quote in the note too (it took the body’s size and spacing)', async () => {
    const { body, parts, warnings } = await buildWithAnswer('Teksts ar piezīmi.[^p]\n\n***\n\n[^p]: Pirmā daļa.\n\n    ***\n\n    > Citāts.\n    >\n    > ***\n\n    Otrā daļa.');
    // Each break is an empty paragraph with a bottom border: its style gives its height and the space around it.
    const breaks = (xml: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].flatMap(([, inner = '']) => (inner.includes('<w:pBdr><w:bottom') ? [/<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1]] : []));
    expect(breaks(part(parts, 'word/footnotes.xml'))).toEqual(['FootnoteText', 'FootnoteText']);
    expect(styledParagraphs(part(parts, 'word/footnotes.xml')).filter(([, text]) => /daļa|Citāts/.test(text))).toEqual([
      ['FootnoteText', ' Pirmā daļa.'],
      ['FootnoteText', 'Citāts.'],
      ['FootnoteText', 'Otrā daļa.'],
    ]);
    // One in the body keeps the body's style.
    expect(breaks(body)).toEqual(['Normal']);
    expect(warnings).toEqual([]);
  });

  it('a thematic break in a quote is a line of the quote, between its text’s edges with the quote’s rule on its left, in a quote in a quote or in a list item too (it ran from margin to margin, across the rule)', async () => {
    const { body, warnings } = await buildWithAnswer('> a\n>\n> ***\n>\n> b\n>\n> > c\n> >\n> > ***\n\n- punkts:\n  - ligzdotais:\n\n    > d\n    >\n    > ***\n\n***');
    // Each break is an empty paragraph with a bottom border, which runs between its left and right indents.
    const breaks = [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].flatMap(([, inner = '']) =>
      inner.includes('<w:pBdr><w:bottom') ? [[/<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1], /<w:ind w:left="(\d+)"\/>/.exec(inner)?.[1] ?? 'the style’s']] : [],
    );
    // The note style sets a quote in by one first-line indent (709 twips), draws its rule and stops one short of the right margin.
    expect(breaks).toEqual([
      ['BriefingNote', 'the style’s'],
      ['BriefingNote', '1418'],
      ['BriefingNote', '1418'],
      ['Normal', 'the style’s'],
    ]);
    expect(paragraphIndents(body, ['a', 'b', 'c', 'd'])).toEqual([
      ['a', 'the style’s', 'the style’s'],
      ['b', 'the style’s', 'the style’s'],
      ['c', '1418', 'the style’s'],
      ['d', '1418', 'the style’s'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('an HTML block is set in as a paragraph is: in a nested list item as far as the item’s own lines, in a quote in a quote at its edge (it stood at the margin, or at the outer quote’s edge)', async () => {
    const { body, diagnostics } = await buildWithAnswer('- punkts:\n\n  <div>augšējā</div>\n\n  - ligzdotais:\n\n    <div>ligzdotā</div>\n\n> <div>citātā</div>\n>\n> > <div>citātā citātā</div>');
    // The items' wrapped lines are 709 twips further in at each level; a quote in a quote is 709 further in than the note style sets it.
    // The tags are printed as text, escaped in the XML.
    const html = (text: string) => `&lt;div&gt;${text}&lt;/div&gt;`;
    expect(paragraphIndents(body, ['augšējā', 'ligzdotā', 'citātā', 'citātā citātā'].map(html))).toEqual([
      [html('augšējā'), 'the style’s', 'the style’s'],
      [html('ligzdotā'), '709', 'the style’s'],
      [html('citātā'), 'the style’s', 'the style’s'],
      [html('citātā citātā'), '1418', 'the style’s'],
    ]);
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported')).toEqual([]);
  });

  it('a table in a list item stands under the item’s number, its right edge at the margin still (it stood at the left margin)', async () => {
    const { body } = await buildWithAnswer('1) pirmais:\n\n   | Gads | Summa |\n   |---|--:|\n   | 2021 | 10 000 |\n\n   - apakšpunkts:\n\n     | A | B |\n     |---|---|\n     | c | d |\n\n| Ārpus | saraksta |\n|---|---|\n| e | f |');
    const tables = [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, inner = '']) => ({
      indent: /<w:tblInd w:type="dxa" w:w="(\d+)"\/>/.exec(inner)?.[1] ?? 'none',
      width: Number(/<w:tblW w:type="dxa" w:w="(\d+)"\/>/.exec(inner)?.[1]),
      columns: [...inner.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((sum, m) => sum + Number(m[1]), 0),
    }));
    // 9071 twips between the margins; the item's number one first-line indent (709) in at each level.
    expect(tables).toEqual([
      { indent: '709', width: 9071 - 709, columns: 9071 - 709 },
      { indent: '1418', width: 9071 - 1418, columns: 9071 - 1418 },
      { indent: 'none', width: 9071, columns: 9071 },
    ]);
  });

  it('a table in a list item nested past the deepest indent is said, at the table: it stands short of the item’s number, at the seventh indent (it was said of no such table)', async () => {
    const nested = (depth: number, name: string) =>
      [...Array.from({ length: depth }, (_, level) => `${'  '.repeat(level)}- ${name} ${level + 1}`), '', ...['| A | B |', '|---|---|', `| ${name} | d |`].map((row) => `${'  '.repeat(depth)}${row}`)].join('\n');
    // Six quotes, then a nested list: its second item's number is at the eighth indent.
    const quoted = ['- a', '  - b', '', '    | A | B |', '    |---|---|', '    | citātā | d |'].map((line) => `${'> '.repeat(6)}${line}`).join('\n');
    const { body, diagnostics, position } = await buildWithAnswer(`${nested(7, 'septiņi')}\n\nStarp.\n\n${nested(8, 'astoņi')}\n\nStarp.\n\n${nested(10, 'desmit')}\n\nStarp.\n\n${quoted}`);
    const tables = [...body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, inner = '']) => /<w:tblInd w:type="dxa" w:w="(\d+)"\/>/.exec(inner)?.[1]);
    // Seven deep, the table is under its item's number (the seventh indent, 7 × 709); deeper, it stays there.
    expect(tables).toEqual(['4963', '4963', '4963', '4963']);
    const lines = position.split('\n');
    // A table is placed at its header row, two lines above its row of text.
    const table = (name: string) => lines.findIndex((line) => line.endsWith(`| ${name} | d |`)) - 1;
    const list = (text: string) => lines.findIndex((line) => line.endsWith(text)) + 1;
    const deep = 'In the DOCX, from `body`: a table in a list item nested this deep starts at the 7th indent, short of the item’s number, so that it keeps a third of the width between the margins. Put the table after the list, or nest the list less deep.';
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.message])).toEqual([
      [POSITION, table('astoņi'), deep],
      [POSITION, list('- desmit 10'), 'In the DOCX, from `body`: a list nested more than 9 levels deep is printed at the 9th level, as Word numbers no deeper.'],
      [POSITION, table('desmit'), deep],
      [POSITION, table('citātā'), 'In the DOCX, from `body`: a table inside a quote (`>`) is printed as a table of its own, not marked as quoted.'],
      [POSITION, table('citātā'), deep],
    ]);
  });

  it('a quote nested past the seventh is set at the seventh’s indent, with a warning at it, so its text stays on the page (a dozen ran past the right margin)', async () => {
    const depths = Array.from({ length: 13 }, (_, depth) => `${'> '.repeat(depth + 1)}dziļums ${depth + 1}`).join('\n');
    const { body, diagnostics, position } = await buildWithAnswer(`${depths}\n\n${'> '.repeat(6)}- a\n${'> '.repeat(6)}  - b\n${'> '.repeat(6)}    - c`);
    const texts = Array.from({ length: 13 }, (_, depth) => `dziļums ${depth + 1}`);
    expect(paragraphIndents(body, texts).map(([, left]) => left)).toEqual(['the style’s', '1418', '2127', '2836', '3545', '4254', '4963', '4963', '4963', '4963', '4963', '4963', '4963']);
    // A list in a quote six deep: its second level reaches the seventh indent, its third stays there.
    expect(paragraphIndents(body, ['a', 'b', 'c'])).toEqual([
      ['a', '4254', '709'],
      ['b', '4254', '1418'],
      ['c', '4254', '1418'],
    ]);
    const lines = position.split('\n');
    const at = (text: string) => lines.findIndex((line) => line.endsWith(text)) + 1;
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      [POSITION, at('dziļums 8'), 'warning', "In the DOCX, from `body`: a quote nested more than 7 deep is printed as far in as the 7th, so that its text keeps a third of the width between the margins."],
      [POSITION, at('- c'), 'warning', "In the DOCX, from `body`: a list nested this deep in a quote (`>`) is printed no further in than a quote nested 7 deep, so that its text keeps a third of the width between the margins."],
    ]);
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

  it('a table whose every text fits on one line with room to spare has its columns alike, as far as each holds its longest line: a header of a few words does not take the rest of the width', async () => {
    const grid = (body: string) => [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const { body } = await buildWithAnswer('| Pasākums | Finansējums, milj. EUR | Daļa |\n| --- | ---: | ---: |\n| Ekoshēmas | 181,4 | 25\u00A0% |\n| Agrovide | 96,0 | 13\u00A0% |');
    // "Finansējums, milj. EUR" in bold at 12 pt is narrower than a third of the width: it needs no more.
    expect(grid(body)).toEqual([3023, 3023, 3025]);
  });

  it('a table whose words cannot all fit keeps its narrow columns whole and narrows the widest (a long web address), not every column alike', async () => {
    const grid = (body: string) => [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const address = `https://eur-lex.europa.eu/legal-content/LV/TXT/?uri=CELEX:52020DC0624&from=EN&${'x'.repeat(60)}`;
    const fits = await buildWithAnswer('| Gads | Summa | Avots |\n|---|--:|---|\n| 2019 | 11\u00A0352 | eur-lex |');
    const squeezed = await buildWithAnswer(`| Gads | Summa | Avots |\n|---|--:|---|\n| 2019 | 11\u00A0352 | ${address} |`);
    const [year = 0, sum = 0, source = 0] = grid(squeezed.body);
    expect(year + sum + source).toBe(9071);
    // The year and the figure columns keep their longest words whole: as wide as the same columns need
    // where everything fits, that is "Gads" bold and "11 352" (Times New Roman 12 pt) plus the cell margins.
    const twips = (units: number) => (units * 240) / 2048;
    const margins = 2 * 108 + 10;
    expect(year).toBeGreaterThanOrEqual(Math.floor(twips(1479 + 1024 + 1139 + 797) + margins));
    expect(sum).toBeGreaterThanOrEqual(Math.floor(twips(5 * 1024 + 512) + margins));
    expect(grid(fits.body).reduce((a, b) => a + b, 0)).toBe(9071);
    expect(source).toBe(9071 - year - sum);
  });

  it('a table of so many columns that a letter of their text does not fit in one is said, at the table (LibreOffice left its cells blank); one of 12 is said only to break its words', async () => {
    const table = (columns: number, word: string) => `| ${Array.from({ length: columns }, (_, column) => `K${column + 1}`).join(' | ')} |\n|${'---|'.repeat(columns)}\n| ${Array(columns).fill(word).join(' | ')} |`;
    const { diagnostics, position } = await buildWithAnswer(`${table(12, 'pamatnostādnes')}\n\n${table(45, 'Izglītības')}`);
    const line = (columns: number) => position.split('\n').findIndex((text) => text.includes(`| K${columns} |`)) + 1;
    expect(diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      [
        POSITION,
        line(12),
        'warning',
        'In the DOCX, from `body`: a table of 12 columns is too wide for its words: “pamatnostādnes” (column 1), “pamatnostādnes” (column 2), “pamatnostādnes” (column 3) and 9 more are wider than their columns and break inside, across two lines. Split it into tables of fewer columns, or shorten those words (a heading may be abbreviated and explained below the table).',
      ],
      [POSITION, line(45), 'warning', 'In the DOCX, from `body`: a table of 45 columns is too wide for the page: its columns are too narrow to hold a letter of their text, which is then printed past the cell or not at all. Split it into tables of fewer columns.'],
    ]);
  });

  it('a table whose columns cannot all hold their longest word is said, naming the words that break inside (“Programm” / “a” in a cell, unsaid); one whose words fit, or whose web address is a link’s text, is not', async () => {
    const wide =
      '| Programma | Finansējuma avots | 2021. gads, EUR | 2022. gads, EUR | 2023. gads, EUR | Kopā, EUR | Atbildīgā institūcija |\n|---|---|--:|--:|--:|--:|---|\n' +
      '| PuMPuRS (priekšlaicīgas mācību pārtraukšanas samazināšana) | ESF, valsts budžets | 4\u00A0512\u00A0000 | 5\u00A0100\u00A0500 | 3\u00A0999\u00A0999 | 13\u00A0612\u00A0499 | Izglītības kvalitātes valsts dienests, https://www.ikvd.gov.lv/lv/pumpurs |';
    const said = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => d.message);
    expect(said((await buildWithAnswer(wide)).diagnostics)).toEqual([
      'In the DOCX, from `body`: a table of 7 columns is too wide for its words: “(priekšlaicīgas” (column 1), “Finansējuma” (column 2), “https://www.ikvd.gov.lv/lv/pumpurs” (column 7) are wider than their columns and break inside, across two lines. Split it into tables of fewer columns, or shorten those words (a heading may be abbreviated and explained below the table); write a web address as a link with a short text, [vietne](https://…).',
    ]);
    expect(said((await buildWithAnswer('| Programma | Avots | 2021, EUR |\n|---|---|--:|\n| PuMPuRS | ESF, [vietne](https://www.ikvd.gov.lv/lv/pumpurs) | 4\u00A0512\u00A0000 |')).diagnostics)).toEqual([]);
  });

  it('a column is at least as wide as its widest word or figure in the font and size used, bold in the header row, plus the cell margins', async () => {
    const grid = (body: string) => [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const table = '| A | B | C | K10 |\n|---|--:|--:|--:|\n| Pedagogi ar augstām digitālajām prasmēm visās skolās, tehnikumos un profesionālās izglītības iestādēs | 53,5\u00A0% | 11\u00A0352 | 1 |\n| x | 9\u00A0% | 1\u00A0000 | 2 |';
    // Twips at 12 pt of each column's widest run, from the fonts' advance widths (2048 units an em; Liberation Serif
    // and Sans have those of Times New Roman and Arial): "53,5 %" 3 digits, a comma, a no-break space and %;
    // "11 352" 5 digits and a no-break space; "K10" bold, in the header.
    const twips = (units: number) => (units * 240) / 2048;
    const runs = {
      'Times New Roman': [twips(3 * 1024 + 512 + 512 + 1706), twips(5 * 1024 + 512), twips(1593 + 2 * 1024)],
      Arial: [twips(3 * 1139 + 569 + 569 + 1821), twips(5 * 1139 + 569), twips(1479 + 2 * 1139)],
    };
    const margins = 2 * 108;
    const border = 10; // half of each ½ pt side
    const built: number[][] = [];
    for (const [font, [percent = 0, figure = 0, header = 0]] of Object.entries(runs)) {
      const { body } = await buildWithAnswer(table, (text) => text.replace('font: Times New Roman', `font: ${font}`));
      const [first = 0, b = 0, c = 0, k = 0] = grid(body);
      expect(first + b + c + k, font).toBe(9071);
      expect(b, `${font}: "53,5 %"`).toBeGreaterThanOrEqual(percent + margins + border);
      expect(c, `${font}: "11 352"`).toBeGreaterThanOrEqual(figure + margins + border);
      expect(k, `${font}: "K10" in bold`).toBeGreaterThanOrEqual(header + margins + border);
      // Not much more: the rest of the width went to the column of long text.
      const columns: [number, number][] = [[b, percent], [c, figure], [k, header]];
      for (const [width, run] of columns) expect(width, font).toBeLessThan(run + margins + 60);
      built.push([first, b, c, k]);
    }
    // Arial is wider than Times New Roman: so are the figures' columns.
    expect(built[1]?.slice(1).every((width, index) => width > (built[0]?.[index + 1] ?? Infinity))).toBe(true);
  });

  it('a header word is not broken inside for a font wider or narrower than Times New Roman: DejaVu Serif and Sans, Calibri and Cambria are measured; another font is taken as wide as the widest of them', async () => {
    const grid = (body: string) => [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const table = '| Dalībnieki | Piezīmes |\n|---|---|\n| ES | Vairāk nekā 10 milj. euro aptuveni 20 000 datoru iegādei, lai skolēniem un pedagogiem būtu piemēroti rīki |';
    // "Dalībnieki" in bold at 12 pt, from each font's advance widths (2048 units an em; Carlito and Caladea
    // have those of Calibri and Cambria): DejaVu Serif 22 % wider than Arial, which the other fonts were taken as.
    const twips = (units: number) => (units * 240) / 2048;
    const dejaVuSerif = twips(1776 + 1327 + 778 + 778 + 1432 + 1489 + 778 + 1303 + 1419 + 778);
    const word = {
      'DejaVu Serif': dejaVuSerif,
      'DejaVu Sans': twips(1700 + 1382 + 702 + 702 + 1466 + 1458 + 702 + 1389 + 1362 + 702),
      Calibri: twips(1291 + 1011 + 503 + 503 + 1099 + 1099 + 503 + 1031 + 983 + 503),
      Cambria: twips(1360 + 1076 + 637 + 631 + 1164 + 1237 + 631 + 1051 + 1207 + 631),
      // Unmeasured: as wide as the widest measured font, here DejaVu Serif.
      Verdana: dejaVuSerif,
    };
    const margins = 2 * 108 + 10;
    for (const [font, width] of Object.entries(word)) {
      const { body, warnings } = await buildWithAnswer(table, (text) => text.replace('font: Times New Roman', `font: ${font}`));
      const [first = 0, second = 0] = grid(body);
      expect(first + second, font).toBe(9071);
      expect(first, `${font}: "Dalībnieki" in bold`).toBeGreaterThanOrEqual(width + margins);
      // No wider than it needs: the rest of the width went to the column of long text.
      expect(first, font).toBeLessThan(width + margins + 40);
      expect(warnings, font).toEqual([]);
    }
  });

  it('a column is as wide for a word that is a link’s text, or has a footnote’s number after it, as for the word written plainly', async () => {
    const grid = (body: string) => [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const table = (cell: string) => `| Avots | Apraksts |\n|---|---|\n| ${cell} | Vairāk nekā 10 milj. euro aptuveni 20 000 datoru iegādei, lai skolēniem un pedagogiem būtu piemēroti rīki |`;
    const plain = grid((await buildWithAnswer(table('Pamatnostādnes'))).body);
    // The first column holds its longest word whole: wider than the header's "Avots".
    expect(plain[0]).toBeGreaterThan(grid((await buildWithAnswer(table('ESF'))).body)[0] ?? Infinity);
    expect(grid((await buildWithAnswer(table('[Pamatnostādnes](https://www.izm.gov.lv/lv/pamatnostadnes)'))).body)).toEqual(plain);
    // A footnote's number is measured at full size, as a digit of the word it follows.
    const numbered = grid((await buildWithAnswer(`${table('Pamatnostādnes[^p]')}\n\n[^p]: Avots.`)).body);
    expect(numbered).toEqual(grid((await buildWithAnswer(table('Pamatnostādnes1'))).body));
    expect(numbered[0]).toBeGreaterThan(plain[0] ?? Infinity);
  });

  it('a list or a quote inside a footnote keeps the footnote’s style, not the body’s', async () => {
    const text = 'Teksts ar piezīmi.[^p]\n\n[^p]: Avoti:\n\n    1) pirmais;\n    2) otrais.\n\n    > citāts\n';
    const dir = exampleProject({ [POSITION]: exampleFile(POSITION).replace(FIRST_LINE, text.split('\n').join('\n  ')) });
    const out = tempDir();
    expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], out, final: false, formats: ['docx'] })).exitCode).toBe(0);
    const notes = styledParagraphs(part(docxParts(readFileSync(join(out, 'IZMzin_190221_EDUC.docx'))), 'word/footnotes.xml'));
    for (const line of ['pirmais;', 'otrais.', 'citāts']) expect(notes).toContainEqual(['FootnoteText', line]);
  });

  it('each table row is kept whole on one page, the header row repeated on each (a tall row broke across a page, read as two rows with the header between)', async () => {
    const { body } = await buildWithAnswer('| Programma | Piezīmes |\n|---|---|\n| Skola 2030 | Valsts izglītības satura centrs |\n| PuMPuRS | IKVD |');
    const rows = [...(/<w:tbl>[\s\S]*?<\/w:tbl>/.exec(body)?.[0] ?? '').matchAll(/<w:trPr>(.*?)<\/w:trPr>/g)].map((m) => m[1]);
    expect(rows).toEqual(['<w:cantSplit/><w:tblHeader/>', '<w:cantSplit/><w:tblHeader w:val="off"/>', '<w:cantSplit/><w:tblHeader w:val="off"/>']);
  });

  it('a table row with more cells than the header loses the extra ones, as in the Markdown', async () => {
    const { body, md } = await buildWithAnswer('| Valsts | Skolas |\n|---|--:|\n| Lietuva | 45 | lieks |');
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(body)?.[0] ?? '';
    expect(table.match(/<w:gridCol /g)).toHaveLength(2);
    expect(table).not.toContain('lieks');
    expect(md).toContain('| Lietuva | 45 |');
  });
});

/** Each paragraph of a body whose text starts with one of `starts`, with whether it is kept with the next (`w:keepNext`) and kept whole (`w:keepLines`). */
function keptParagraphs(body: string, starts: readonly string[]): [string, boolean, boolean][] {
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].flatMap(([, inner = '']): [string, boolean, boolean][] => {
    const text = [...inner.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const start = starts.find((s) => text.startsWith(s));
    return start ? [[start, inner.includes('<w:keepNext/>'), inner.includes('<w:keepLines/>')]] : [];
  });
}

describe('what the DOCX keeps together across pages', () => {
  it('each question, and any paragraph all in bold, is kept whole and on the page of the next block’s first lines (a question at a page’s foot stood alone, its answer on the next page); an answer’s own 1. items are not', async () => {
    const { body } = await buildWithAnswer('1. Pirmais punkts.\n2. Otrais punkts.\n\n**Vispārējā izglītība**\n\nDaļa **treknā** teksta.');
    const starts = ['Kādi ir nozīmīgākie', 'Kādi pasākumi un reformas', 'Kā ES sadarbība', 'Pirmais punkts', 'Otrais punkts', 'Vispārējā izglītība', 'Daļa treknā'];
    expect(keptParagraphs(body, starts)).toEqual([
      ['Kādi ir nozīmīgākie', true, true],
      ['Kādi pasākumi un reformas', true, true],
      ['Pirmais punkts', false, false],
      ['Otrais punkts', false, false],
      ['Vispārējā izglītība', true, true],
      ['Daļa treknā', false, false],
      ['Kā ES sadarbība', true, true],
    ]);
  });

  it('a paragraph or list item ending with a colon is kept with what it introduces (a lead-in stood alone at a page’s foot, its list on the next page); other paragraphs and footnotes are not', async () => {
    const { body, parts } = await buildWithAnswer(
      'Vispirms paredzēts:\n\n1) digitālā infrastruktūra:\n   - skolu internets;\n2) mācību saturs.\n\nFinansējums ir šāds:[^k]\n\n| Gads | EUR |\n|---|--:|\n| 2021 | 10 |\n\nLatvija atbalsta: to.\n\n[^k]: Avoti:',
    );
    const starts = ['Ņemot vērā augstākminēto', 'Vispirms paredzēts', 'digitālā infrastruktūra', 'skolu internets', 'mācību saturs', 'Finansējums ir šāds', 'Latvija atbalsta: to'];
    expect(keptParagraphs(body, starts).map(([text, next]) => [text, next])).toEqual([
      ['Ņemot vērā augstākminēto', true],
      ['Vispirms paredzēts', true],
      ['digitālā infrastruktūra', true],
      ['skolu internets', false],
      ['mācību saturs', false],
      ['Finansējums ir šāds', true],
      ['Latvija atbalsta: to', false],
    ]);
    expect(part(parts, 'word/footnotes.xml')).not.toContain('<w:keepNext/>');
  });

  it('keeps neither a long paragraph in bold nor the items of a list that each end with a colon: kept together, they went to the next page as one block and left half a page empty', async () => {
    const long = `**${'Mūsuprāt iekļaujošas izglītības pasākumi jāturpina arī pēc pandēmijas beigām. '.repeat(5).trim()}**`;
    const { body } = await buildWithAnswer(`${long}\n\nGalvenie pasākumi ir šādi:\n\n1) skolām paredz:\n2) pašvaldībām paredz:\n3) ministrijai paredz:`);
    const starts = ['Mūsuprāt iekļaujošas', 'Galvenie pasākumi', 'skolām paredz', 'pašvaldībām paredz', 'ministrijai paredz'];
    expect(keptParagraphs(body, starts)).toEqual([
      ['Mūsuprāt iekļaujošas', false, false],
      ['Galvenie pasākumi', true, false],
      ['skolām paredz', false, false],
      ['pašvaldībām paredz', false, false],
      ['ministrijai paredz', false, false],
    ]);
  });

  it('the paragraph before the signature, the clearance line or else the answer’s last paragraph or list item, is kept on the signature’s page (a report whose text filled its last page put the signature alone on the next)', async () => {
    const keptBefore = async (files: Record<string, string>, start: string) => {
      const out = tempDir();
      const result = await build({ cwd: exampleProject(files), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['docx'] });
      expect(result.exitCode).toBe(0);
      return keptParagraphs(part(docxParts(readFileSync(join(out, 'IZMzin_190221_EDUC.docx'))), 'word/document.xml'), [start, 'Latvija atbalsta to, ka Padomes']);
    };
    expect(await keptBefore({}, 'Informatīvā ziņojuma projekts')).toEqual([
      ['Latvija atbalsta to, ka Padomes', false, false],
      ['Informatīvā ziņojuma projekts', true, false],
    ]);
    // No ministry required, so no clearance line; the last answer ends with a list.
    const cooperation = 'positions/educ/equity-eu-cooperation.yaml';
    const endsWithList = exampleFile(cooperation).replace('  centieni, **neradot nesamērīgu administratīvo slogu**.\n', '  centieni:\n\n  1) neradot slogu;\n  2) ievērojot subsidiaritāti.\n');
    const noClearances = exampleFile(EXAMPLE_MEETING).replace('required_clearances: [AM, LM]', 'required_clearances: []');
    expect(await keptBefore({ [cooperation]: endsWithList, [EXAMPLE_MEETING]: noClearances }, 'ievērojot subsidiaritāti')).toEqual([
      ['Latvija atbalsta to, ka Padomes', true, false],
      ['ievērojot subsidiaritāti', true, false],
    ]);
  });

  it('an answer that ends with a table, no clearance line after it, keeps the table’s last row on the signature’s page (the signature stood alone on a page of its own)', async () => {
    const out = tempDir();
    const cooperation = 'positions/educ/equity-eu-cooperation.yaml';
    const endsWithTable = exampleFile(cooperation).replace('  centieni, **neradot nesamērīgu administratīvo slogu**.\n', '  centieni:\n\n  | Rādītājs | Vērtība |\n  |---|---|\n  | Skolas | 534 |\n  | Pašvaldības | 95 |\n');
    const noClearances = exampleFile(EXAMPLE_MEETING).replace('required_clearances: [AM, LM]', 'required_clearances: []');
    const result = await build({ cwd: exampleProject({ [cooperation]: endsWithTable, [EXAMPLE_MEETING]: noClearances }), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['docx'] });
    expect(result.exitCode).toBe(0);
    const body = part(docxParts(readFileSync(join(out, 'IZMzin_190221_EDUC.docx'))), 'word/document.xml');
    // Each cell of the last row kept with the next paragraph; the rows above it are not, so only that row goes over with the signature.
    expect(keptParagraphs(body, ['Rādītājs', 'Vērtība', 'Skolas', '534', 'Pašvaldības', '95'])).toEqual([
      ['Rādītājs', false, false],
      ['Vērtība', false, false],
      ['Skolas', false, false],
      ['534', false, false],
      ['Pašvaldības', true, false],
      ['95', true, false],
    ]);
  });
});
