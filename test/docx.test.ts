import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { convertWithOffice, docxParts, itWithOffice, paragraphTexts, part, readText } from './helpers/docx.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir } from './helpers/project.js';

let out: string;
let bytes: Uint8Array;
let parts: Map<string, string>;

beforeAll(async () => {
  out = tempDir('briefing-docx-');
  const result = await build({ cwd: REPO, inputs: [EXAMPLE_MEETING], out, final: true, formats: ['docx'] });
  expect(result.exitCode).toBe(0);
  bytes = readFileSync(join(out, 'IZMzin_190221_EDUC.docx'));
  parts = docxParts(bytes);
});

describe('the example DOCX, read back from its XML', () => {
  it('is A4 with margins left 30 mm, right/top/bottom 20 mm, and a different first page', () => {
    const body = part(parts, 'word/document.xml');
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(body).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/);
    expect(body).toContain('<w:titlePg/>');
  });

  it('sets Times New Roman 12 pt, Latvian, and a justified body with a first-line indent', () => {
    const styles = part(parts, 'word/styles.xml');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="24"\/>/);
    expect(styles).toContain('<w:lang w:val="lv-LV"/>');
    const normal = /<w:style w:type="paragraph" w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(normal).toContain('w:firstLine="709"');
    const title = /<w:style w:type="paragraph" w:styleId="Title"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('<w:b/>');
  });

  it('has the title, the questions and the clearance line as paragraphs, in order', () => {
    const texts = paragraphTexts(part(parts, 'word/document.xml'));
    expect(texts[0]).toBe(
      'Informatīvais ziņojums par2021. gada 19.\u00A0februāra neformālajā Eiropas Savienības izglītības ministru tiešsaistes sanāksmē izskatāmajiem jautājumiem',
    );
    const question = (start: string) => texts.findIndex((t) => t.startsWith(start));
    const q1 = question('Kādi ir nozīmīgākie');
    const q2 = question('Kādi pasākumi un reformas');
    const q3 = question('Kā ES sadarbība ilgtermiņā');
    const clearance = texts.indexOf('Informatīvā ziņojuma projekts saskaņots ar Ārlietu ministriju un Labklājības ministriju.');
    expect([q1, q2, q3, clearance].every((i) => i > 0)).toBe(true);
    expect(q1 < q2 && q2 < q3 && q3 < clearance).toBe(true);
    expect(texts.slice(-2)).toEqual(['Izglītības un zinātnes ministre\tI. Šuplinska', 'Vīza: valsts sekretāre\tL. Lejiņa']);
  });

  it('numbers questions "1." in one Word list and restarts "1)" sub-items in each answer', () => {
    const body = part(parts, 'word/document.xml');
    const numbering = part(parts, 'word/numbering.xml');
    const numIdOf = (startOfText: string): string => {
      const paragraph = [...body.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => paragraphTexts(p)[0]?.startsWith(startOfText));
      return /<w:numId w:val="(\d+)"\/>/.exec(paragraph ?? '')?.[1] ?? 'none';
    };
    const questionIds = ['Kādi ir nozīmīgākie', 'Kādi pasākumi un reformas', 'Kā ES sadarbība ilgtermiņā'].map(numIdOf);
    expect(new Set(questionIds).size).toBe(1);
    const subItemIds = ['pāreju uz kompetencēs', 'līdz 2021. gada 31.', 'savstarpējā mācīšanās'].map(numIdOf);
    expect(new Set(subItemIds).size).toBe(3);
    const abstractOf = (numId: string) =>
      new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`).exec(numbering)?.[1];
    const levelText = (abstractId: string | undefined) =>
      new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[^>]*>[\\s\\S]*?<w:lvlText w:val="([^"]+)"/>`).exec(numbering)?.[1];
    expect(levelText(abstractOf(questionIds[0] ?? ''))).toBe('%1.');
    for (const id of subItemIds) expect(levelText(abstractOf(id))).toBe('%1)');
  });

  it('puts the page number in the header from page 2 and the file code in every footer', () => {
    const body = part(parts, 'word/document.xml');
    const relationships = part(parts, 'word/_rels/document.xml.rels');
    const target = (type: string, kind: string) => {
      const id = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="([^"]+)"/>`).exec(body)?.[1];
      const file = new RegExp(`Id="${id}" [^>]*Target="([^"]+)"`).exec(relationships)?.[1];
      return part(parts, `word/${file}`);
    };
    expect(target('default', 'header')).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(target('first', 'header')).not.toContain('PAGE');
    for (const type of ['default', 'first']) expect(paragraphTexts(target(type, 'footer'))).toEqual(['IZMzin_190221_EDUC']);
  });

  it('carries the document properties and each position’s id and version', () => {
    const core = part(parts, 'docProps/core.xml');
    expect(core).toContain('<dc:creator>Izglītības un zinātnes ministrija</dc:creator>');
    expect(core).toContain('<dc:title>Informatīvais ziņojums par 2021. gada 19. februāra neformālajā');
    expect(core).toContain('>2021-02-17T00:00:00Z</dcterms:created>');
    const custom = part(parts, 'docProps/custom.xml');
    for (const [id, version] of [['equity-achievements', 'v3'], ['equity-reforms', 'v2'], ['equity-eu-cooperation', 'v2']]) {
      expect(custom).toContain(`name="Briefing.Position.${id}"><vt:lpwstr>${version}</vt:lpwstr>`);
      expect(custom).toMatch(new RegExp(`name="Briefing.PositionHash.${id}"><vt:lpwstr>sha256:[0-9a-f]{64}<`));
    }
    expect(custom).toContain('name="Briefing.Draft"><vt:lpwstr>false</vt:lpwstr>');
  });

  it('says a draft is one in its title too, which a PDF viewer shows in its window bar: PROJEKTS, or DRAFT for an English note', async () => {
    const dir = exampleProject({
      'positions/educ/equity-reforms.yaml': exampleFile('positions/educ/equity-reforms.yaml').replace(/(  LM:\n    status: )cleared/, '$1pending').replace('status: cleared', 'status: draft'),
    });
    const out = tempDir();
    for (const template of ['informative-report.lv', 'informative-report.en']) {
      expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], out, final: false, formats: ['docx'], template })).exitCode).toBe(0);
    }
    const title = (file: string) => /<dc:title>([^<]*)<\/dc:title>/.exec(part(docxParts(readFileSync(join(out, file))), 'docProps/core.xml'))?.[1];
    expect(title('IZMzin_190221_EDUC.docx')).toBe('PROJEKTS – Informatīvais ziņojums par 2021. gada 19. februāra neformālajā Eiropas Savienības izglītības ministru tiešsaistes sanāksmē izskatāmajiem jautājumiem');
    expect(title('IZMzin_190221_EDUC.informative-report.en.docx')).toMatch(/^DRAFT – Briefing note /);
  });

  it('names the ministry, the topic and the presidency in English in the properties of an English note (its PDF’s author, subject and keywords), the Latvian topic while there is no topic_en', async () => {
    const meeting = readFileSync(join(REPO, EXAMPLE_MEETING), 'utf8');
    for (const [text, subject] of [
      [meeting, 'Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība'],
      [meeting.replace(/^topic: .*$/m, '$&\ntopic_en: Equal access to education'), 'Equal access to education'],
    ] as const) {
      const out = tempDir();
      const result = await build({ cwd: exampleProject({ [EXAMPLE_MEETING]: text }), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['docx'], template: 'informative-report.en' });
      expect(result.exitCode).toBe(0);
      const core = part(docxParts(readFileSync(join(out, 'IZMzin_190221_EDUC.informative-report.en.docx'))), 'docProps/core.xml');
      expect(core).toContain('<dc:creator>Ministry of Education and Science</dc:creator>');
      expect(core).toContain(`<dc:subject>${subject}</dc:subject>`);
      // The presidency too, in the keywords: a country's name in Latvian is a word the English note never prints.
      expect(core).toContain('<cp:keywords>EYCS, Portugal, 2021-02-19</cp:keywords>');
    }
  });

  it('keeps the footnote of the background as a Word footnote', () => {
    expect(paragraphTexts(part(parts, 'word/footnotes.xml')).join('\n')).toContain('COM(2020) 625 final.');
    expect(part(parts, 'word/document.xml')).toMatch(/<w:footnoteReference w:id="1"\/>/);
  });

  it('is byte-identical when built again, and independent of the time zone', async () => {
    const again = tempDir();
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      await build({ cwd: REPO, inputs: [EXAMPLE_MEETING], out: again, final: true, formats: ['docx'] });
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(readFileSync(join(again, 'IZMzin_190221_EDUC.docx')).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('the example DOCX, read by LibreOffice', () => {
  itWithOffice('shows every question, the answers with their numbering, and the clearance line', () => {
    const text = readText(convertWithOffice(join(out, 'IZMzin_190221_EDUC.docx'), 'txt:Text (encoded):UTF8', tempDir()));
    const lines = text.split(/\r?\n/).map((line) => line.trim());
    expect(lines).toContain('Informatīvais ziņojums par');
    expect(lines.some((l) => /^1\. Kādi ir nozīmīgākie ES, valsts/.test(l))).toBe(true);
    expect(lines.some((l) => /^2\. Kādi pasākumi un reformas/.test(l))).toBe(true);
    expect(lines.some((l) => /^3\. Kā ES sadarbība ilgtermiņā/.test(l))).toBe(true);
    for (const item of ['1) pāreju uz kompetencēs', '3) mērķtiecīgu atbalstu', '1) līdz 2021. gada 31.', '4) paplašināt video stundu', '5) mentālās veselības atbalsts']) {
      expect(lines.some((l) => l.startsWith(item)), item).toBe(true);
    }
    for (const figure of ['53,5\u00A0% pedagogu', '11\u00A0352 viedierīces', '95 pašvaldības (80\u00A0%)', '20\u00A0000 datoru']) {
      expect(text).toContain(figure);
    }
    expect(lines).toContain('Informatīvā ziņojuma projekts saskaņots ar Ārlietu ministriju un Labklājības ministriju.');
  });

  itWithOffice('lays the report out on three A4 pages', () => {
    const pdf = readFileSync(convertWithOffice(join(out, 'IZMzin_190221_EDUC.docx'), 'pdf', tempDir()), 'latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(3);
    // A4 is 595.3 × 841.9 points.
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([595, 842]);
  });
});

describe('a line that ends in a hard break, in a justified paragraph', () => {
  const LINE = 'Rinda ar cietu';
  /** The example with a paragraph whose first line ends in a hard break, built as DOCX. */
  function built(): string {
    const dir = exampleProject();
    const path = join(dir, 'positions/educ/equity-reforms.yaml');
    const long = 'pārnesumu, kas turpinās nākamajā rindā un ir gana gara, lai aizņemtu vairāk nekā vienu rindu lapā.';
    writeFileSync(path, readFileSync(path, 'utf8').replace('\n# Clearance by ministry code', `\n  ${LINE}  \n  ${long}\n# Clearance by ministry code`));
    const run = runCli(['build', EXAMPLE_MEETING, '--format', 'docx'], dir);
    expect(run.status, run.stderr).toBe(0);
    return join(dir, 'out/IZMzin_190221_EDUC.docx');
  }

  it('is not stretched: the DOCX tells Word not to spread such a line across the page', () => {
    expect(part(docxParts(readFileSync(built())), 'word/settings.xml')).toMatch(/<w:compat>.*<w:doNotExpandShiftReturn\/>.*<\/w:compat>/);
  });

  itWithOffice('is set with its words as written in the PDF LibreOffice makes (it was spread across the width)', () => {
    const pdf = convertWithOffice(built(), 'pdf', tempDir());
    const line = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.includes('Rinda'));
    expect(line?.trim()).toBe(LINE);
  }, 120_000);
});
