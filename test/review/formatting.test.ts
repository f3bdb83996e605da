import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleProject, REPO, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const POSITION = 'positions/educ/equity-achievements.yaml';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
/** The paragraph of the position's body the edits below are made in, and its first words. */
const PANDEMIC = 'Pandēmijas laikā attālināto mācību kvalitāti lielā mērā noteica pedagogu digitālās prasmes.';
const SKOLA = '“Skola 2030”';

function built(): string {
  const dir = exampleProject();
  const build = runCli(['build', EXAMPLE_MEETING], dir);
  expect(build.status, build.stderr).toBe(0);
  return dir;
}

function positionText(dir: string): string {
  return readFileSync(join(dir, POSITION), 'utf8');
}

/** The body's paragraph that starts with `start`, as written in the YAML (its lines indented by two spaces). */
function paragraphOf(text: string, start: string): string {
  const at = text.indexOf(`  ${start}`);
  return text.slice(at, text.indexOf('\n\n', at));
}

/** The reviewer's DOCX, edited by `edit`, reviewed and then accepted as AM's: the listing, and the position file before and after. */
function review(edit: (docx: WordEdit) => WordEdit): { listing: string; before: string; after: string } {
  const dir = built();
  const before = positionText(dir);
  const path = join(dir, 'out/reviewed.docx');
  writeFileSync(path, edit(new WordEdit(readFileSync(join(dir, DOCX)))).bytes());
  const list = runCli(['review', path], dir);
  expect(list.status, list.stderr).toBe(0);
  const accept = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
  expect(accept.status, accept.stderr).toBe(0);
  return { listing: list.stdout, before, after: positionText(dir) };
}

/** Up to the clearances, the file as `before` with the version raised and `from` (a paragraph as written) replaced by `to`; after them, unchanged. */
function expectRewritten(result: { before: string; after: string }, from: string, to: string): void {
  const upTo = (text: string) => text.slice(0, text.indexOf('# Clearance by ministry'));
  const rest = (text: string) => text.slice(text.indexOf('# Short points'));
  expect(result.before).toContain(from);
  expect(upTo(result.after)).toBe(upTo(result.before).replace('version: 3', 'version: 4').replace(from, to));
  expect(rest(result.after)).toBe(rest(result.before));
  expect(parseDocument(result.after).getIn(['clearance', 'AM', 'status'])).toBe('objected');
}

describe('formatting changed in Word with track changes off', () => {
  it('words made bold: the paragraph is edited, written anew with **…** around them, every other line as written', () => {
    const result = review((docx) => docx.format(PANDEMIC, 'pedagogu digitālās prasmes', { add: '<w:b/><w:bCs/>' }));
    expect(result.listing).toContain('position equity-achievements v3 (positions/educ/equity-achievements.yaml) body\n  formatting changed: “pedagogu digitālās prasmes”\n');
    expect(result.listing).toContain('edited without track changes');
    expectRewritten(
      result,
      paragraphOf(result.before, 'Pandēmijas laikā'),
      [
        '  Pandēmijas laikā attālināto mācību kvalitāti lielā mērā noteica **pedagogu digitālās prasmes**. Pēdējo triju',
        '  gadu laikā digitālo prasmju pilnveides mācībās ir piedalījušies 53,5 % pedagogu, un augstas digitālās prasmes',
        '  ir 28 % pedagogu. Lai attālinātajās mācībās varētu piedalīties arī skolēni, kuriem mājās nav piemērotas',
        '  tehnikas, ir iegādātas 11 352 viedierīces, ar kurām nodrošināti 5,3 % skolēnu. Savukārt video mācību stundas',
        '  “Tava klase”, kas kopš 2020. gada pavasara ir pieejamas televīzijā un tiešsaistē, ļauj mācīties ikvienam',
        '  skolēnam neatkarīgi no dzīvesvietas un ģimenes iespējām un vienlaikus sniedz atbalstu pedagogiem un vecākiem.',
      ].join('\n'),
    );
  });

  it('bold taken off: the phrase is written plain', () => {
    const result = review((docx) => docx.format(SKOLA, SKOLA, { remove: ['w:b', 'w:bCs'] }));
    expect(result.listing).toContain('  formatting changed: ““Skola 2030””\n');
    expectRewritten(
      result,
      paragraphOf(result.before, 'Kopš 2019. gada'),
      [
        '  Kopš 2019. gada pirmsskolā un kopš 2020./2021. mācību gada vispārējā izglītībā pakāpeniski tiek ieviests',
        '  jaunais mācību saturs, kas izstrādāts Eiropas Sociālā fonda (turpmāk – ESF) projektā “Kompetenču pieeja mācību',
        '  saturā” jeb “Skola 2030”. Tā mērķis ir panākt, lai ikviens skolēns ne tikai apgūtu zināšanas, bet arī prastu',
        '  tās izmantot dažādās dzīves situācijās, sadarbotos ar citiem un spētu patstāvīgi vadīt savu mācīšanos.',
        '  Kompetenču pieeja dod pedagogiem lielāku brīvību pielāgot mācību procesu katra skolēna vajadzībām un spējām,',
        '  tāpēc tā ir arī nozīmīgs iekļaujošas izglītības instruments.',
      ].join('\n'),
    );
  });

  it('italic, struck and code font added, in part of a word too: *…*, ~~…~~ and `…`, the words named whole', () => {
    const result = review((docx) =>
      docx
        .format('Šie pasākumi palīdzēja', 'pasākumi', { add: '<w:i/>' })
        .format('nodrošināt mācību nepārtrauktību', 'mācību', { add: '<w:strike/>' })
        .format('nepārtrauktību arī', 'nepārtrauktību', { add: '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/>' })
        .format('pandēmijas apstākļos', 'apst', { add: '<w:b/>' }),
    );
    expect(result.listing).toContain('  formatting changed: “pasākumi”\n  formatting changed: “mācību nepārtrauktību”\n  formatting changed: “apstākļos”\n');
    expectRewritten(
      result,
      paragraphOf(result.before, 'Šie pasākumi'),
      [
        '  Šie *pasākumi* palīdzēja nodrošināt ~~mācību~~ `nepārtrauktību` arī pandēmijas **apst**ākļos. Gūtā pieredze',
        '  apliecina, ka vislabākos rezultātus dod *savlaicīgs un individuāls* atbalsts, kas balstās uz skolas,',
        '  pašvaldības, ģimenes un sociālo dienestu sadarbību.',
      ].join('\n'),
    );
  });

  it('runs split otherwise, formatting of the spaces, complex-script bold: no change, nothing written', () => {
    const dir = built();
    const before = positionText(dir);
    const path = join(dir, 'out/reviewed.docx');
    const edit = new WordEdit(readFileSync(join(dir, DOCX)))
      .splitIntoWords(PANDEMIC, PANDEMIC)
      .splitIntoWords(SKOLA, SKOLA)
      // A space made bold, as a double click takes in the space after a word.
      .format('(turpmāk – ESF) projektā', ' ', { add: '<w:b/>' })
      .format('iekļaujošas izglītības instruments.', 'iekļaujošas', { add: '<w:bCs/><w:sz w:val="28"/><w:color w:val="FF0000"/>' });
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('out/reviewed.docx: no tracked changes or comments\n');
    expect(positionText(dir)).toBe(before);
  });
});

describe('bold or italic from a character style (the Styles gallery’s Strong, Emphasis)', () => {
  /** Word's character styles: Strong (bold) and Emphasis (italic), based on the default paragraph font, which sets nothing. */
  const wordStyles = (docx: WordEdit) =>
    docx
      .characterStyle('DefaultParagraphFont', '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>')
      .characterStyle('Strong', '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="22"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr>')
      .characterStyle('Emphasis', '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="20"/><w:qFormat/><w:rPr><w:i/><w:iCs/></w:rPr>');
  const PANDEMIC_BOLD = [
    '  Pandēmijas laikā attālināto mācību kvalitāti lielā mērā noteica **pedagogu digitālās prasmes**. Pēdējo triju',
    '  gadu laikā digitālo prasmju pilnveides mācībās ir piedalījušies 53,5 % pedagogu, un augstas digitālās prasmes',
    '  ir 28 % pedagogu. Lai attālinātajās mācībās varētu piedalīties arī skolēni, kuriem mājās nav piemērotas',
    '  tehnikas, ir iegādātas 11 352 viedierīces, ar kurām nodrošināti 5,3 % skolēnu. Savukārt video mācību stundas',
    '  “Tava klase”, kas kopš 2020. gada pavasara ir pieejamas televīzijā un tiešsaistē, ļauj mācīties ikvienam',
    '  skolēnam neatkarīgi no dzīvesvietas un ģimenes iespējām un vienlaikus sniedz atbalstu pedagogiem un vecākiem.',
  ].join('\n');

  it('Strong with track changes off: bold, written with **…**', () => {
    const result = review((docx) => wordStyles(docx).format(PANDEMIC, 'pedagogu digitālās prasmes', { add: '<w:rStyle w:val="Strong"/>' }));
    expect(result.listing).toContain('  formatting changed: “pedagogu digitālās prasmes”\n');
    expect(result.listing).toContain('edited without track changes');
    expectRewritten(result, paragraphOf(result.before, 'Pandēmijas laikā'), PANDEMIC_BOLD);
  });

  it('Emphasis with track changes off: italic, written with *…*; where the run takes the italic off again (w:i w:val="0"), plain', () => {
    const result = review((docx) =>
      wordStyles(docx)
        .format('Šie pasākumi palīdzēja', 'pasākumi', { add: '<w:rStyle w:val="Emphasis"/>' })
        .format('nodrošināt mācību nepārtrauktību', 'mācību', { add: '<w:rStyle w:val="Emphasis"/><w:i w:val="0"/>' }),
    );
    expect(result.listing).toContain('  formatting changed: “pasākumi”\n');
    expect(result.listing).not.toContain('“mācību”');
    expectRewritten(
      result,
      paragraphOf(result.before, 'Šie pasākumi'),
      [
        '  Šie *pasākumi* palīdzēja nodrošināt mācību nepārtrauktību arī pandēmijas apstākļos. Gūtā pieredze apliecina,',
        '  ka vislabākos rezultātus dod *savlaicīgs un individuāls* atbalsts, kas balstās uz skolas, pašvaldības, ģimenes',
        '  un sociālo dienestu sadarbību.',
      ].join('\n'),
    );
  });

  it('HTML Code (a character style in Courier New) with track changes off: code, written with `…`', () => {
    const result = review((docx) =>
      wordStyles(docx)
        .characterStyle('HTMLCode', '<w:name w:val="HTML Code"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="20"/></w:rPr>')
        .format('nepārtrauktību arī', 'nepārtrauktību', { add: '<w:rStyle w:val="HTMLCode"/>' }),
    );
    expect(result.listing).toContain('  formatting changed: “nepārtrauktību”\n');
    expectRewritten(
      result,
      paragraphOf(result.before, 'Šie pasākumi'),
      [
        '  Šie pasākumi palīdzēja nodrošināt mācību `nepārtrauktību` arī pandēmijas apstākļos. Gūtā pieredze apliecina,',
        '  ka vislabākos rezultātus dod *savlaicīgs un individuāls* atbalsts, kas balstās uz skolas, pašvaldības, ģimenes',
        '  un sociālo dienestu sadarbību.',
      ].join('\n'),
    );
  });

  it('Strong with track changes on (its style changed in w:rPrChange): accepted as bold, not taken as edited without track changes', () => {
    const result = review((docx) => wordStyles(docx).format(PANDEMIC, 'pedagogu digitālās prasmes', { add: '<w:rStyle w:val="Strong"/>' }, ANNA));
    expect(result.listing).toContain('  Anna Ozola (AM), 2021-02-16\n  formatting changed: “pedagogu digitālās prasmes”\n');
    expect(result.listing).not.toContain('edited without track changes');
    expectRewritten(result, paragraphOf(result.before, 'Pandēmijas laikā'), PANDEMIC_BOLD);
  });

  it('a report built with a reference DOCX whose Hyperlink style is bold reads back unchanged: the links’ look is the layout’s', () => {
    const dir = exampleProject({ 'briefing.config.yaml': `${readFileSync(join(REPO, 'briefing.config.yaml'), 'utf8')}  reference_docx: ref.docx\n` });
    expect(runCli(['reference-docx', '-o', 'ref.docx'], dir).status).toBe(0);
    const reference = new WordEdit(readFileSync(join(dir, 'ref.docx')));
    writeFileSync(join(dir, 'ref.docx'), reference.characterStyle('Hyperlink', '<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:b/><w:bCs/><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>').bytes());
    const build = runCli(['build', EXAMPLE_MEETING], dir);
    expect(build.status, build.stderr).toBe(0);
    const file = join(dir, 'positions/educ/equity-reforms.yaml');
    const before = readFileSync(file, 'utf8');
    expect(strFromU8(unzipSync(readFileSync(join(dir, DOCX)))['word/styles.xml'] ?? new Uint8Array())).toMatch(/<w:style w:type="character" w:styleId="Hyperlink">.*?<w:b\/>.*?<\/w:style>/);
    const run = runCli(['review', DOCX, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${DOCX}: no tracked changes or comments\n`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('formatting changed in Word with track changes on (w:rPrChange)', () => {
  it('accepted is the new formatting: bold taken off and italic added are written, the field not taken as edited without track changes', () => {
    const result = review((docx) => docx.format(SKOLA, SKOLA, { remove: ['w:b', 'w:bCs'] }, ANNA).format('tāpēc tā ir arī nozīmīgs', 'nozīmīgs', { add: '<w:i/>' }, ANNA));
    expect(result.listing).toContain('  Anna Ozola (AM), 2021-02-16\n  formatting changed: ““Skola 2030””\n  formatting changed: “nozīmīgs”\n');
    expect(result.listing).not.toContain('edited without track changes');
    expectRewritten(
      result,
      paragraphOf(result.before, 'Kopš 2019. gada'),
      [
        '  Kopš 2019. gada pirmsskolā un kopš 2020./2021. mācību gada vispārējā izglītībā pakāpeniski tiek ieviests',
        '  jaunais mācību saturs, kas izstrādāts Eiropas Sociālā fonda (turpmāk – ESF) projektā “Kompetenču pieeja mācību',
        '  saturā” jeb “Skola 2030”. Tā mērķis ir panākt, lai ikviens skolēns ne tikai apgūtu zināšanas, bet arī prastu',
        '  tās izmantot dažādās dzīves situācijās, sadarbotos ar citiem un spētu patstāvīgi vadīt savu mācīšanos.',
        '  Kompetenču pieeja dod pedagogiem lielāku brīvību pielāgot mācību procesu katra skolēna vajadzībām un spējām,',
        '  tāpēc tā ir arī *nozīmīgs* iekļaujošas izglītības instruments.',
      ].join('\n'),
    );
    expect(parseDocument(result.after).getIn(['clearance', 'AM', 'date'])).toBe('2021-02-16');
  });
});

describe('a font, size or colour changed with track changes on (w:rPrChange)', () => {
  it('is nothing Markdown writes: no change, nothing written', () => {
    const dir = built();
    const before = positionText(dir);
    const path = join(dir, 'out/reviewed.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).format('tāpēc tā ir arī nozīmīgs', 'nozīmīgs', { add: '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="28"/><w:color w:val="FF0000"/>' }, ANNA).bytes());
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('out/reviewed.docx: no tracked changes or comments\n');
    expect(positionText(dir)).toBe(before);
  });
});

describe('a link changed in Word', () => {
  it('pointed elsewhere (Edit Hyperlink, which track changes do not record): the item is written anew with the new address', () => {
    const dir = built();
    const file = 'positions/educ/equity-reforms.yaml';
    const before = readFileSync(join(dir, file), 'utf8');
    const path = join(dir, 'out/reviewed.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).relink('https://skoluinternets.lv', 'https://www.skoluinternets.lv/memorands').bytes());
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('  formatting changed: “skoluinternets.lv”\n');
    const upTo = (text: string) => text.slice(0, text.indexOf('# Clearance by ministry'));
    const old = ['  1) līdz 2021. gada 31. martam nodrošināt jaudīgāku interneta pieslēgumu vēl 150 skolām, kā paredz', '     memorands “Jaudīgs internets ikvienai Latvijas skolai” (informācija par tā izpildi pieejama', '     vietnē [skoluinternets.lv](https://skoluinternets.lv));'].join('\n');
    // Written anew, the item is wrapped at 110 characters.
    const now = ['  1) līdz 2021. gada 31. martam nodrošināt jaudīgāku interneta pieslēgumu vēl 150 skolām, kā paredz memorands', '     “Jaudīgs internets ikvienai Latvijas skolai” (informācija par tā izpildi pieejama vietnē', '     [skoluinternets.lv](https://www.skoluinternets.lv/memorands));'].join('\n');
    expect(before).toContain(old);
    expect(upTo(readFileSync(join(dir, file), 'utf8'))).toBe(upTo(before).replace('version: 2', 'version: 3').replace(old, now));
  });
});

/** The example with equity-reforms written as `edit` makes it, built, `change` made in Word with track changes and accepted: its YAML before and after, up to the clearances. */
function acceptedInReforms(edit: (text: string) => string, change: (docx: WordEdit) => WordEdit): { written: string; after: string; stdout: string } {
  const dir = exampleProject();
  const file = join(dir, 'positions/educ/equity-reforms.yaml');
  const written = edit(readFileSync(file, 'utf8'));
  writeFileSync(file, written);
  const build = runCli(['build', EXAMPLE_MEETING], dir);
  expect(build.status, build.stderr).toBe(0);
  const path = join(dir, 'out/reviewed.docx');
  writeFileSync(path, change(new WordEdit(readFileSync(join(dir, DOCX)))).bytes());
  const run = runCli(['review', path, '--accept'], dir);
  expect(run.status, run.stderr).toBe(0);
  const upTo = (text: string) => text.slice(0, text.indexOf('# Clearance by ministry'));
  return { written: upTo(written), after: upTo(readFileSync(file, 'utf8')), stdout: run.stdout };
}

/** The item on 150 schools made 160 with track changes. */
const SCHOOLS = (docx: WordEdit): WordEdit => docx.replace('pieslēgumu vēl 150 skolām', '150', '160', ANNA);

/** `after` is `written` with the version raised and the lines `from` (written there) replaced by `to`, nothing else. */
function expectLinesRewritten({ written, after }: { written: string; after: string }, from: readonly string[], to: readonly string[]): void {
  expect(written).toContain(from.join('\n'));
  expect(after).toBe(written.replace('version: 2', 'version: 3').replace(from.join('\n'), to.join('\n')));
}

describe('a paragraph written anew', () => {
  /** The example with its bold and one italic written with underscores, and the paragraph on pandemic learning on one line, built. */
  function builtInStyle(): { dir: string; before: string } {
    const dir = exampleProject();
    const file = join(dir, POSITION);
    const text = readFileSync(file, 'utf8');
    const pandemic = paragraphOf(text, 'Pandēmijas laikā');
    const oneLine = `  ${pandemic.split('\n').map((line) => line.trim()).join(' ')}`;
    writeFileSync(file, text.replace('**“Skola 2030”**', '__“Skola 2030”__').replace('(*PuMPuRS*)', '(_PuMPuRS_)').replace(pandemic, oneLine));
    const build = runCli(['build', EXAMPLE_MEETING], dir);
    expect(build.status, build.stderr).toBe(0);
    return { dir, before: positionText(dir) };
  }

  it('keeps the source’s marks for bold and italic, its own or else the field’s, and a paragraph on one line on one line', () => {
    const { dir, before } = builtInStyle();
    const path = join(dir, 'out/reviewed.docx');
    const edit = new WordEdit(readFileSync(join(dir, DOCX)))
      .replace('Tā mērķis ir panākt', 'panākt', 'nodrošināt', ANNA)
      .replace('kurā iesaistījušās 95 pašvaldības', '95', '96', ANNA)
      .replace('piedalījušies 53,5', '53,5', '54', ANNA)
      .bold('Šie pasākumi palīdzēja', 'pasākumi', ANNA)
      // Bold in part of a word: underscores there would not be bold.
      .bold('pandēmijas apstākļos', 'apst', ANNA);
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    const after = positionText(dir);
    const upTo = (text: string) => text.slice(0, text.indexOf('# Clearance by ministry'));
    const pandemic = paragraphOf(before, 'Pandēmijas laikā');
    expect(pandemic).not.toContain('\n');
    expect(upTo(after)).toBe(
      upTo(before)
        .replace('version: 3', 'version: 4')
        // Its own bold, with underscores.
        .replace(
          paragraphOf(before, 'Kopš 2019. gada'),
          [
            '  Kopš 2019. gada pirmsskolā un kopš 2020./2021. mācību gada vispārējā izglītībā pakāpeniski tiek ieviests',
            '  jaunais mācību saturs, kas izstrādāts Eiropas Sociālā fonda (turpmāk – ESF) projektā “Kompetenču pieeja mācību',
            '  saturā” jeb __“Skola 2030”__. Tā mērķis ir nodrošināt, lai ikviens skolēns ne tikai apgūtu zināšanas, bet arī',
            '  prastu tās izmantot dažādās dzīves situācijās, sadarbotos ar citiem un spētu patstāvīgi vadīt savu mācīšanos.',
            '  Kompetenču pieeja dod pedagogiem lielāku brīvību pielāgot mācību procesu katra skolēna vajadzībām un spējām,',
            '  tāpēc tā ir arī nozīmīgs iekļaujošas izglītības instruments.',
          ].join('\n'),
        )
        // On one line, as it was.
        .replace(pandemic, pandemic.replace('53,5 %', '54 %'))
        // Its own italic, with underscores.
        .replace('(_PuMPuRS_), kurā iesaistījušās 95 pašvaldības', '(_PuMPuRS_), kurā iesaistījušās 96 pašvaldības')
        // Bold as the field writes it, italic as the paragraph itself does.
        .replace(
          paragraphOf(before, 'Šie pasākumi'),
          [
            '  Šie __pasākumi__ palīdzēja nodrošināt mācību nepārtrauktību arī pandēmijas **apst**ākļos. Gūtā pieredze',
            '  apliecina, ka vislabākos rezultātus dod *savlaicīgs un individuāls* atbalsts, kas balstās uz skolas,',
            '  pašvaldības, ģimenes un sociālo dienestu sadarbību.',
          ].join('\n'),
        ),
    );
  });
});

describe('a paragraph written anew in a field wrapped at another width', () => {
  /** Markdown lines of `text` wrapped at `width` (greedy), the first after `lead`, the rest after as many spaces. */
  function wrapAt(text: string, width: number, lead = ''): string[] {
    const lines: string[] = [];
    let line = lead;
    for (const word of text.split(' ')) {
      if (line.trim() && line.length + 1 + word.length > width) {
        lines.push(line);
        line = ' '.repeat(lead.length) + word;
      } else line = line.trim() ? `${line} ${word}` : `${line}${word}`;
    }
    return [...lines, line];
  }

  /** The position's body with every paragraph and item wrapped at `width`. */
  function bodyWrappedAt(body: string, width: number): string {
    return body
      .split('\n\n')
      .map((block) => {
        const items = block.split(/\n(?=\d+\) )/);
        return items
          .map((item) => {
            const text = item.split('\n').map((line) => line.trim()).join(' ');
            const number = /^\d+\) /.exec(text)?.[0] ?? '';
            return wrapAt(text.slice(number.length), width, number).join('\n');
          })
          .join('\n');
      })
      .join('\n\n');
  }

  it('is wrapped at the field’s width (80), not at 110: the other paragraphs’ lines show it', () => {
    const dir = exampleProject();
    const file = join(dir, POSITION);
    const text = readFileSync(file, 'utf8');
    const body = String(parseDocument(text).get('body'));
    const indent = (markdown: string) => markdown.split('\n').map((line) => (line ? `  ${line}` : '')).join('\n');
    writeFileSync(file, text.replace(indent(body.trimEnd()), indent(bodyWrappedAt(body.trimEnd(), 80))));
    const build = runCli(['build', EXAMPLE_MEETING], dir);
    expect(build.status, build.stderr).toBe(0);
    const before = positionText(dir);
    const path = join(dir, 'out/reviewed.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).replace('piedalījušies 53,5', '53,5', '54', ANNA).bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    const pandemic = paragraphOf(before, 'Pandēmijas laikā');
    const rewrapped = wrapAt(pandemic.split('\n').map((line) => line.trim()).join(' ').replace('53,5 %', '54 %'), 80).map((line) => `  ${line}`);
    expect(pandemic.split('\n').length).toBeGreaterThan(5);
    const upTo = (yaml: string) => yaml.slice(0, yaml.indexOf('# Clearance by ministry'));
    expect(upTo(positionText(dir))).toBe(upTo(before).replace('version: 3', 'version: 4').replace(pandemic, rewrapped.join('\n')));
    expect(Math.max(...rewrapped.map((line) => line.length - 2))).toBeLessThanOrEqual(80);
  });
});

describe('a paragraph with reference links written anew', () => {
  it('keeps them references, in the forms the source writes them (full, shortcut where the text is the label), the definitions as they were', () => {
    const { written, after, stdout } = acceptedInReforms(
      (text) =>
        text
          .replace('kā paredz\n     memorands “Jaudīgs', 'kā paredz\n     [memorands] “Jaudīgs')
          .replace('[skoluinternets.lv](https://skoluinternets.lv)', '[skoluinternets.lv][skola] un [skola]')
          .replace('\n# Clearance by ministry code', '\n  [skola]: https://skoluinternets.lv\n  [memorands]: https://example.lv/memorands\n\n# Clearance by ministry code'),
      SCHOOLS,
    );
    expect(stdout).not.toContain('edited without track changes');
    expectLinesRewritten(
      { written, after },
      ['  1) līdz 2021. gada 31. martam nodrošināt jaudīgāku interneta pieslēgumu vēl 150 skolām, kā paredz', '     [memorands] “Jaudīgs internets ikvienai Latvijas skolai” (informācija par tā izpildi pieejama', '     vietnē [skoluinternets.lv][skola] un [skola]);'],
      ['  1) līdz 2021. gada 31. martam nodrošināt jaudīgāku interneta pieslēgumu vēl 160 skolām, kā paredz [memorands]', '     “Jaudīgs internets ikvienai Latvijas skolai” (informācija par tā izpildi pieejama vietnē', '     [skoluinternets.lv][skola] un [skola]);'],
    );
  });
});

describe('a link Word saved as a HYPERLINK field', () => {
  for (const kind of ['runs', 'simple'] as const) {
    it(`(${kind === 'runs' ? 'fldChar and instrText' : 'fldSimple'}) is still the link: no change, nothing written`, () => {
      const dir = built();
      const file = join(dir, 'positions/educ/equity-reforms.yaml');
      const before = readFileSync(file, 'utf8');
      const path = join(dir, 'out/reviewed.docx');
      writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).linkAsField('https://skoluinternets.lv', kind).bytes());
      const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe('out/reviewed.docx: no tracked changes or comments\n');
      expect(readFileSync(file, 'utf8')).toBe(before);
    });
  }
});

describe('a link to a place in a page (`#merki`), which the DOCX holds apart from its address', () => {
  const ADDRESS = 'https://skoluinternets.lv/par';
  const REFORMS = 'positions/educ/equity-reforms.yaml';
  /** The example with its link to skoluinternets.lv pointing to `#merki` on a page, built; the position's text before. */
  function builtWithFragment(): { dir: string; file: string; before: string } {
    const dir = exampleProject();
    const file = join(dir, REFORMS);
    writeFileSync(file, readFileSync(file, 'utf8').replace('(https://skoluinternets.lv)', `(${ADDRESS}#merki)`));
    const build = runCli(['build', EXAMPLE_MEETING], dir);
    expect(build.status, build.stderr).toBe(0);
    return { dir, file, before: readFileSync(file, 'utf8') };
  }

  it('is written with its fragment as the hyperlink’s w:anchor, as Word writes one', () => {
    const { dir } = builtWithFragment();
    const files = unzipSync(readFileSync(join(dir, DOCX)));
    const rels = strFromU8(files['word/_rels/document.xml.rels'] ?? new Uint8Array());
    const id = new RegExp(`Id="([^"]+)"[^>]*Target="${ADDRESS}" TargetMode="External"`).exec(rels)?.[1];
    expect(id).toBeDefined();
    expect(strFromU8(files['word/document.xml'] ?? new Uint8Array())).toContain(`<w:hyperlink w:history="1" w:anchor="merki" r:id="${id}">`);
  });

  for (const edit of ['none', 'runs', 'simple'] as const) {
    it(`is read back whole${edit === 'none' ? '' : `, saved as a HYPERLINK field with \\l (${edit})`}: no change, nothing written`, () => {
      const { dir, file, before } = builtWithFragment();
      const path = join(dir, 'out/reviewed.docx');
      const docx = new WordEdit(readFileSync(join(dir, DOCX)));
      writeFileSync(path, (edit === 'none' ? docx : docx.linkAsField(ADDRESS, edit, 'merki')).bytes());
      const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe('out/reviewed.docx: no tracked changes or comments\n');
      expect(readFileSync(file, 'utf8')).toBe(before);
    });
  }
});

describe('a link whose text is formatted in part, in a paragraph written anew', () => {
  it('stays one link around its parts, not a link for each', () => {
    expectLinesRewritten(
      acceptedInReforms((text) => text.replace('[skoluinternets.lv](https://skoluinternets.lv)', '[skolu**internets**.lv](https://skoluinternets.lv)'), SCHOOLS),
      ['  1) līdz 2021. gada 31. martam nodrošināt jaudīgāku interneta pieslēgumu vēl 150 skolām, kā paredz', '     memorands “Jaudīgs internets ikvienai Latvijas skolai” (informācija par tā izpildi pieejama', '     vietnē [skolu**internets**.lv](https://skoluinternets.lv));'],
      ['  1) līdz 2021. gada 31. martam nodrošināt jaudīgāku interneta pieslēgumu vēl 160 skolām, kā paredz memorands', '     “Jaudīgs internets ikvienai Latvijas skolai” (informācija par tā izpildi pieejama vietnē', '     [skolu**internets**.lv](https://skoluinternets.lv));'],
    );
  });
});

describe('an inline link with a title, or written <address>, in a paragraph written anew', () => {
  it('keeps the title and the angle brackets, which the DOCX does not hold', () => {
    expectLinesRewritten(
      acceptedInReforms((text) => text.replace('[skoluinternets.lv](https://skoluinternets.lv)', '<https://skoluinternets.lv> un [IZM](https://www.izm.gov.lv "Ministrija")'), SCHOOLS),
      ['  1) līdz 2021. gada 31. martam nodrošināt jaudīgāku interneta pieslēgumu vēl 150 skolām, kā paredz', '     memorands “Jaudīgs internets ikvienai Latvijas skolai” (informācija par tā izpildi pieejama', '     vietnē <https://skoluinternets.lv> un [IZM](https://www.izm.gov.lv "Ministrija"));'],
      // An autolink may start a line: no block starts with `<https:`.
      ['  1) līdz 2021. gada 31. martam nodrošināt jaudīgāku interneta pieslēgumu vēl 160 skolām, kā paredz memorands', '     “Jaudīgs internets ikvienai Latvijas skolai” (informācija par tā izpildi pieejama vietnē', '     <https://skoluinternets.lv> un [IZM](https://www.izm.gov.lv "Ministrija"));'],
    );
  });
});

describe('an image or raw HTML in a paragraph written anew', () => {
  it('is written as in the source, not as the text the DOCX prints for it (`\\[alt\\]`, `\\<b\\>`)', () => {
    const { written, after } = acceptedInReforms(
      (text) => text.replace('  Tuvākajā laikā prioritāri paredzēts:\n', '  Tuvākajā laikā ![plāns](https://example.org/plans.png) prioritāri <b>paredzēts</b>:\n'),
      (docx) => docx.replace(' prioritāri ', 'prioritāri', 'vispirms', ANNA),
    );
    expect(after).toBe(written.replace('version: 2', 'version: 3').replace('png) prioritāri <b>', 'png) vispirms <b>'));
  });
});

describe('formatting changed with track changes on, the formatting before not recorded (w:rPrChange with no w:rPr, as LibreOffice writes it)', () => {
  /** The example built, `change` made on its DOCX, listed and then accepted (as AM's, AM being the stamp's): the listing and the YAML of `id` before and after. */
  function reviewedUnrecorded(id: string, change: (docx: WordEdit) => WordEdit): { listing: string; accepted: string; before: string; after: string } {
    const dir = built();
    const file = join(dir, `positions/educ/${id}.yaml`);
    const before = readFileSync(file, 'utf8');
    const path = join(dir, 'out/reviewed.docx');
    writeFileSync(path, change(new WordEdit(readFileSync(join(dir, DOCX)))).bytes());
    const list = runCli(['review', path], dir);
    expect(list.status, list.stderr).toBe(0);
    const accept = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(accept.status, accept.stderr).toBe(0);
    return { listing: list.stdout, accepted: accept.stdout, before, after: readFileSync(file, 'utf8') };
  }

  it('italic added to a word of a bold phrase: it was bold before, as the field says, so the change is the italic, tracked, and the word is written bold and italic', () => {
    const result = reviewedUnrecorded('equity-reforms', (docx) => docx.format('koncentrēt investīcijās ar ilgtermiņa', 'investīcijās', { add: '<w:i/><w:iCs/>' }, ANNA, false));
    expect(result.listing).toContain('position equity-reforms v2 (positions/educ/equity-reforms.yaml) body\n  Anna Ozola (AM), 2021-02-16\n  formatting changed: “investīcijās”\n');
    expect(result.listing).not.toContain('edited without track changes');
    const upTo = (text: string) => text.slice(0, text.indexOf('# Clearance by ministry'));
    expect(upTo(result.after)).toBe(upTo(result.before).replace('version: 2', 'version: 3').replace('**koncentrēt investīcijās ar ilgtermiņa\n  ietekmi**', '**koncentrēt** ***investīcijās*** **ar\n  ilgtermiņa ietekmi**'));
    expect(parseDocument(result.after).getIn(['clearance', 'AM', 'status'])).toBe('objected');
  });

  it('italic taken off a word of an italic phrase: the word is written plain, the rest of the phrase italic', () => {
    const result = reviewedUnrecorded('equity-achievements', (docx) => docx.format('savlaicīgs un individuāls', 'individuāls', { remove: ['w:i', 'w:iCs'] }, ANNA, false));
    expect(result.listing).toContain('  Anna Ozola (AM), 2021-02-16\n  formatting changed: “individuāls”\n');
    expect(result.listing).not.toContain('edited without track changes');
    expect(result.after).toContain('vislabākos rezultātus dod *savlaicīgs un* individuāls atbalsts');
  });

  it('a colour alone on bold words is no change Markdown writes: nothing listed, the position left as it was', () => {
    const result = reviewedUnrecorded('equity-eu-cooperation', (docx) => docx.format('neradot nesamērīgu administratīvo slogu', 'administratīvo', { add: '<w:color w:val="FF0000"/>' }, ANNA, false));
    expect(result.listing).toBe('out/reviewed.docx: no tracked changes or comments\n');
    expect(result.accepted).toBe('out/reviewed.docx: no tracked changes or comments\n');
    expect(result.after).toBe(result.before);
  });
});
