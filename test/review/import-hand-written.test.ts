import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { handWrittenDocx, type HandBlock, type HandList, type HandParts } from '../helpers/hand-docx.js';
import { emptyProject } from '../helpers/import-report.js';
import { runCli, type CliRun } from '../helpers/project.js';

const TITLE = 'Informatīvais ziņojums par 2022. gada 5. aprīļa Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē izskatāmajiem jautājumiem';
const OPENING = '2022. gada 5. aprīlī Luksemburgā notiks Eiropas Savienības (turpmāk – ES) Izglītības, jaunatnes, kultūras un sporta padomes sanāksme, kurā ministri diskutēs par tēmu “Skolotāju labbūtība”.';
const INVITATION = 'Ņemot vērā augstākminēto, ministri 2022. gada 5. aprīļa Padomes sanāksmē aicināti atbildēt uz šādiem jautājumiem:';
const CLEARED = 'Informatīvā ziņojuma projekts saskaņots ar Finanšu ministriju.';
const SIGNATURE = 'Izglītības un zinātnes ministre\tA. Muižniece';
const MEETING = 'meetings/2022-04-05-hand.yaml';

/** Imports a report typed by hand (see {@link handWrittenDocx}) into an empty project as `--slug hand`. */
function importHandWritten(paragraphs: readonly HandBlock[], parts: HandParts = {}): { run: CliRun; dir: string } {
  const dir = emptyProject();
  writeFileSync(join(dir, 'report.docx'), handWrittenDocx(paragraphs, parts));
  return { run: runCli(['import', 'report.docx', '--slug', 'hand'], dir), dir };
}

function meetingOf(dir: string): Record<string, unknown> {
  return parseDocument(readFileSync(join(dir, MEETING), 'utf8')).toJS();
}

function bodyOf(dir: string, number: number): string {
  return String(parseDocument(readFileSync(join(dir, `positions/hand/hand-${number}.yaml`), 'utf8')).get('body'));
}

/** A paragraph typed with a few words in bold: `before`, `bold`, `after`. */
function partlyBold(before: string, bold: string, after: string): HandBlock {
  const run = (text: string, rPr = '') => `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  return { xml: `<w:p>${run(before)}${run(bold, '<w:rPr><w:b/></w:rPr>')}${run(after)}</w:p>` };
}

describe('briefing import of a report written by hand: nothing of its text is lost', () => {
  it('keeps an opening written otherwise than the template’s in the background, with the background after it', () => {
    const opening = '2022. gada 5. aprīlī Luksemburgā ministri tiksies, lai apspriestu skolotāju labbūtību.';
    const { run, dir } = importHandWritten([TITLE, opening, 'Francijas prezidentūra sagatavojusi diskusiju dokumentu.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Latvija atbalsta atalgojuma pieaugumu.', CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('note: the opening paragraph');
    expect(run.stdout).not.toContain('Could not place');
    // The year's dot escaped, as Markdown needs it at the start of a paragraph (not a list item numbered 2022).
    expect(meetingOf(dir).background).toBe(`${opening.replace('2022.', '2022\\.')}\n\nFrancijas prezidentūra sagatavojusi diskusiju dokumentu.\n`);
    expect(runCli(['check'], dir).status).toBe(0);
    expect(runCli(['build', MEETING], dir).status).toBe(0);
  });

  it('writes the text it could not place whole, as comments at the end of the meeting file, and says where', () => {
    const annex = 'Pielikumā: Francijas prezidentūras diskusiju dokuments un Eiropas Komisijas 2022. gada 10. marta paziņojums par skolotāju labbūtību (angļu valodā).';
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', list: { numId: 1 } }, 'Atbilde.', CLEARED, SIGNATURE, annex], { lists: [{ numId: 1, marker: '%1.' }] });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Could not place (kept whole as comments at the end of ${MEETING}):\n  “Pielikumā: Francijas prezidentūras diskusiju dokuments un Eiropas K…”`);
    const text = readFileSync(join(dir, MEETING), 'utf8');
    expect(text.replace(/\n#   /g, ' ')).toContain(annex);
    expect(runCli(['check'], dir).status).toBe(0);
  });
});

describe('briefing import of questions that neither ask nor are bold', () => {
  const QUESTIONS: HandList[] = [{ numId: 1, marker: '%1.' }];
  const ANSWER_LIST: HandList = { numId: 2, marker: '%1)' };

  it('takes the first paragraph after the invitation as the first question, and the next item of the questions’ Word list as the next', () => {
    const { run, dir } = importHandWritten(
      [
        TITLE,
        OPENING,
        'Fons.',
        INVITATION,
        { text: 'Latvijas nostāja par pedagogu labbūtību', list: { numId: 1 } },
        'Latvija atbalsta prezidentūras pieeju:',
        { text: 'pirmais pasākums;', list: { numId: 2 } },
        { text: 'otrais pasākums.', list: { numId: 2 } },
        { text: 'ES atbalsts dalībvalstīm', list: { numId: 1 } },
        'Latvija atbalsta Erasmus+ skolotāju akadēmijas.',
        CLEARED,
        SIGNATURE,
      ],
      { lists: [...QUESTIONS, ANSWER_LIST] },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Could not place');
    expect(meetingOf(dir).questions).toEqual([
      { text: 'Latvijas nostāja par pedagogu labbūtību', position: 'hand-1' },
      { text: 'ES atbalsts dalībvalstīm', position: 'hand-2' },
    ]);
    expect(bodyOf(dir, 1)).toBe('Latvija atbalsta prezidentūras pieeju:\n\n1) pirmais pasākums;\n2) otrais pasākums.\n');
    expect(bodyOf(dir, 2)).toBe('Latvija atbalsta Erasmus+ skolotāju akadēmijas.\n');
  });

  it('reads questions not numbered at all, each asking and bold as the first, and keeps a bold heading of an answer in it', () => {
    const { run, dir } = importHandWritten([
      TITLE,
      OPENING,
      'Fons.',
      INVITATION,
      { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', bold: true },
      { text: 'Atalgojums', bold: true },
      'Pirmā atbilde. Vai tas pietiek? Nē.',
      'Vai ar to pietiek?',
      { text: 'Kādu atbalstu ES var sniegt?', bold: true },
      'Otrā atbilde.',
      CLEARED,
      SIGNATURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir).questions).toEqual([
      { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', position: 'hand-1' },
      { text: 'Kādu atbalstu ES var sniegt?', position: 'hand-2' },
    ]);
    expect(bodyOf(dir, 1)).toBe('**Atalgojums**\n\nPirmā atbilde. Vai tas pietiek? Nē.\n\nVai ar to pietiek?\n');
    expect(bodyOf(dir, 2)).toBe('Otrā atbilde.\n');
  });

  it('reads questions numbered by their paragraph style (Word’s “List Number”), not by a numbering of their own', () => {
    const styles = '<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Jautajums"><w:name w:val="Jautājums"/><w:basedOn w:val="ListNumber"/></w:style>';
    const question = (text: string) => ({ xml: `<w:p><w:pPr><w:pStyle w:val="Jautajums"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>` });
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, question('Pedagoga profesijas pievilcība'), 'Pirmā atbilde.', question('ES atbalsts dalībvalstīm'), 'Otrā atbilde.', CLEARED, SIGNATURE], { lists: QUESTIONS, styles });
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir).questions).toEqual([
      { text: 'Pedagoga profesijas pievilcība', position: 'hand-1' },
      { text: 'ES atbalsts dalībvalstīm', position: 'hand-2' },
    ]);
    expect(bodyOf(dir, 1)).toBe('Pirmā atbilde.\n');
  });

  it('keeps an answer’s bold numbered headings in the answer, and still reads questions each numbered “1)” by a list of its own', () => {
    const { run, dir } = importHandWritten(
      [
        TITLE,
        OPENING,
        'Fons.',
        INVITATION,
        { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', list: { numId: 1 }, bold: true },
        { text: 'Digitālā izglītība', list: { numId: 2 }, bold: true },
        'Pirmā daļa.',
        { text: 'Pedagogi', list: { numId: 2 }, bold: true },
        'Otrā daļa.',
        { text: 'ES atbalsts dalībvalstīm', list: { numId: 3 }, bold: true },
        'Otrā atbilde.',
        { text: 'Trešais jautājums', list: { numId: 4 }, bold: true },
        'Trešā atbilde.',
        CLEARED,
        SIGNATURE,
      ],
      { lists: [{ numId: 1, marker: '%1)' }, { numId: 2, marker: '%1.' }, { numId: 3, marker: '%1)' }, { numId: 4, marker: '%1)' }] },
    );
    expect(run.status, run.stderr).toBe(0);
    expect((meetingOf(dir).questions as { text: string }[]).map((q) => q.text)).toEqual(['Kā padarīt pedagoga profesiju pievilcīgāku?', 'ES atbalsts dalībvalstīm', 'Trešais jautājums']);
    expect(bodyOf(dir, 1)).toBe('1) **Digitālā izglītība**\n\nPirmā daļa.\n\n2) **Pedagogi**\n\nOtrā daļa.\n');
  });

  it('keeps a question that is only its number (Word’s or typed) a question of its own, text x, its answer its own', () => {
    for (const bare of [{ text: '', list: { numId: 1 } }, '3.']) {
      const { run, dir } = importHandWritten(
        [
          TITLE,
          OPENING,
          'Fons.',
          INVITATION,
          { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', list: { numId: 1 } },
          'Pirmā atbilde.',
          { text: 'Kādu atbalstu ES var sniegt?', list: { numId: 1 } },
          'Otrā atbilde:',
          { text: 'pirmais;', list: { numId: 2 } },
          { text: 'otrais.', list: { numId: 2 } },
          bare,
          'Trešā atbilde.',
          CLEARED,
          SIGNATURE,
        ],
        { lists: [...QUESTIONS, ANSWER_LIST] },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('note: question 3 is only its number in the report, with no text');
      expect(meetingOf(dir).questions).toEqual([
        { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', position: 'hand-1' },
        { text: 'Kādu atbalstu ES var sniegt?', position: 'hand-2' },
        { text: 'x', position: 'hand-3' },
      ]);
      expect(bodyOf(dir, 2)).toBe('Otrā atbilde:\n\n1) pirmais;\n2) otrais.\n');
      expect(bodyOf(dir, 3)).toBe('Trešā atbilde.\n');
      const check = runCli(['check'], dir);
      expect(check.stdout + check.stderr).toMatch(/2022-04-05-hand\.yaml:\d+:\d+ {2}warning {2}`questions\.2\.text` is still `x`/);
      expect(runCli(['build', MEETING], dir).status).toBe(0);
    }
  });

  it('takes a typed "2. Latvijas nostāja" that reads as a heading, not a sentence, as the next question', () => {
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Pedagoga profesijas pievilcība', 'Latvija uzskata:', '1. pirmais;', '2. otrais.', '2. Eiropas Savienības atbalsts dalībvalstīm', 'Otrā atbilde.', CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir).questions).toEqual([
      { text: 'Pedagoga profesijas pievilcība', position: 'hand-1' },
      { text: 'Eiropas Savienības atbalsts dalībvalstīm', position: 'hand-2' },
    ]);
    expect(bodyOf(dir, 1)).toBe('Latvija uzskata:\n\n1\\. pirmais;\n\n2\\. otrais.\n');
    expect(bodyOf(dir, 2)).toBe('Otrā atbilde.\n');
  });

  it('keeps a typed "2." that continues the answer’s own typed list, and "3. punktā …", in the answer', () => {
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Latvija uzskata:', '1. pirmais;', '2. otrais.', '2. punktā noteikts atbalsts.', CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir).questions).toHaveLength(1);
    expect(bodyOf(dir, 1)).toBe('Latvija uzskata:\n\n1\\. pirmais;\n\n2\\. otrais.\n\n2\\. punktā noteikts atbalsts.\n');
  });

  it('keeps a paragraph with a few words in bold in the answer: only a paragraph bold throughout is set as a question', () => {
    // Unnumbered questions, each bold: a sentence of the answer that asks, a few words of it bold, is the answer's.
    const unnumbered = importHandWritten([
      TITLE,
      OPENING,
      'Fons.',
      INVITATION,
      { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', bold: true },
      'Pirmā atbilde.',
      partlyBold('Vai ', 'ar atalgojumu', ' pietiek?'),
      { text: 'Kādu atbalstu ES var sniegt?', bold: true },
      'Otrā atbilde.',
      CLEARED,
      SIGNATURE,
    ]);
    expect(unnumbered.run.status, unnumbered.run.stderr).toBe(0);
    expect((meetingOf(unnumbered.dir).questions as { text: string }[]).map((q) => q.text)).toEqual(['Kā padarīt pedagoga profesiju pievilcīgāku?', 'Kādu atbalstu ES var sniegt?']);
    expect(bodyOf(unnumbered.dir, 1)).toBe('Pirmā atbilde.\n\nVai **ar atalgojumu** pietiek?\n');
    // Typed numbers: a sentence of the answer numbered as the next question, a word of it bold, is the answer's too.
    const typed = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Latvija atbalsta:', partlyBold('2. ', 'Pirmkārt', ', atalgojuma pieaugumu.'), '2. Kādu atbalstu ES var sniegt?', 'Otrā atbilde.', CLEARED, SIGNATURE]);
    expect(typed.run.status, typed.run.stderr).toBe(0);
    expect((meetingOf(typed.dir).questions as { text: string }[]).map((q) => q.text)).toEqual(['Kā padarīt pedagoga profesiju pievilcīgāku?', 'Kādu atbalstu ES var sniegt?']);
    expect(bodyOf(typed.dir, 1)).toContain('**Pirmkārt**, atalgojuma pieaugumu.');
  });

  it('keeps in the answer the items of its Word list numbered “1.”, “2.” as the questions are, and its typed headings “1)”, “2)” numbered on from the question’s', () => {
    const { run, dir } = importHandWritten(
      [
        TITLE,
        OPENING,
        'Fons.',
        INVITATION,
        '1. Kā padarīt pedagoga profesiju pievilcīgāku?',
        'Latvija atbalsta:',
        { text: 'atalgojuma pieaugumu;', list: { numId: 1 } },
        { text: 'mentoru atbalstu.', list: { numId: 1 } },
        '2. Kādu atbalstu ES var sniegt?',
        'Otrā atbilde.',
        CLEARED,
        SIGNATURE,
      ],
      { lists: [{ numId: 1, marker: '%1.' }] },
    );
    expect(run.status, run.stderr).toBe(0);
    expect((meetingOf(dir).questions as { text: string }[]).map((q) => q.text)).toEqual(['Kā padarīt pedagoga profesiju pievilcīgāku?', 'Kādu atbalstu ES var sniegt?']);
    expect(bodyOf(dir, 1)).toBe('Latvija atbalsta:\n\n1) atalgojuma pieaugumu;\n2) mentoru atbalstu.\n');
    expect(bodyOf(dir, 2)).toBe('Otrā atbilde.\n');
    // Typed: "2) Mentori", a heading, after the answer's "1) Atalgojums" goes on with the answer's numbering, not the questions'.
    const typed = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1) Kā padarīt pedagoga profesiju pievilcīgāku?', '1) Atalgojums', 'Pirmā daļa.', '2) Mentori', 'Otrā daļa.', '2) Kādu atbalstu ES var sniegt?', 'Otrā atbilde.', CLEARED, SIGNATURE]);
    expect(typed.run.status, typed.run.stderr).toBe(0);
    expect((meetingOf(typed.dir).questions as { text: string }[]).map((q) => q.text)).toEqual(['Kā padarīt pedagoga profesiju pievilcīgāku?', 'Kādu atbalstu ES var sniegt?']);
    expect(bodyOf(typed.dir, 1)).toBe('1\\) Atalgojums\n\nPirmā daļa.\n\n2\\) Mentori\n\nOtrā daļa.\n');
     // The list's next item after a typed "5. …" of the answer (an article's number) goes on with the list, numbered as the next question or not.
    const between = importHandWritten(
      [
        TITLE,
        OPENING,
        'Fons.',
        INVITATION,
        '1. Kā padarīt pedagoga profesiju pievilcīgāku?',
        { text: 'atalgojuma pieaugumu;', list: { numId: 1 } },
        '5. pants nosaka atbalstu.',
        { text: 'mentoru atbalstu', list: { numId: 1 } },
        '2. Kādu atbalstu ES var sniegt?',
        'Otrā atbilde.',
        CLEARED,
        SIGNATURE,
      ],
      { lists: [{ numId: 1, marker: '%1.' }] },
    );
    expect(between.run.status, between.run.stderr).toBe(0);
    expect((meetingOf(between.dir).questions as { text: string }[]).map((q) => q.text)).toEqual(['Kā padarīt pedagoga profesiju pievilcīgāku?', 'Kādu atbalstu ES var sniegt?']);
    expect(bodyOf(between.dir, 1)).toContain('mentoru atbalstu');
  });
});

describe('briefing import into a project whose config has an error', () => {
  it('says the config’s error alone, exit 1: the report is not read, nothing written', () => {
    const dir = emptyProject();
    appendFileSync(join(dir, 'briefing.config.yaml'), 'issuing_ministy: IZM\n');
    // A report without its signature: read, it would be told of ("Not found in the report … signature").
    writeFileSync(join(dir, 'report.docx'), handWrittenDocx([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED]));
    const run = runCli(['import', 'report.docx', '--slug', 'hand'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^briefing\.config\.yaml:\d+:\d+ +error +.*issuing_ministy/);
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir, 'meetings'))).toBe(false);
  });
});

describe('briefing import of a file that is no DOCX', () => {
  it('says what the file is and what to do, in one line, and writes nothing (exit 1)', () => {
    const docx = handWrittenDocx([TITLE]);
    const cases: [string, Uint8Array, string][] = [
      ['prazdns.docx', new Uint8Array(), 'it is empty, 0 bytes. Copy or download it again from where it came from.'],
      ['vecs.docx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'it is a Word 97–2003 document (.doc), whatever its name says. Open it in Word or LibreOffice and save it as a Word document (.docx), then give that file.'],
      [
        'aizsargats.docx',
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...[...'EncryptedPackage'].flatMap((char) => [char.charCodeAt(0), 0])]),
        'it is protected by a password (encrypted), so briefing cannot read it. Open it in Word, remove the password (File → Info → Protect Document → Encrypt with Password, left empty) and save it; or save a copy without the password from LibreOffice.',
      ],
      ['nogriezts.docx', docx.slice(0, docx.length / 2), 'it is a damaged zip, cut short or altered. Copy or download it again from where it came from (or ask the sender), or open it in Word, which repairs what it can, and save it again.'],
      ['teksts.docx', strToU8('Informatīvais ziņojums\n'), 'it is plain text, not a Word document. Give the Word file (.docx) of the report; if this text is to become one, open it in Word and save it as a Word document (.docx).'],
      ['dati.docx', Uint8Array.from([0x01, 0x02, 0x03]), 'it is not a zip file, as a DOCX is. Open it in Word or LibreOffice and save it as a Word document (.docx), then give that file.'],
      ['tabula.docx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'a zip with no word/document.xml in it. Open it in Word or LibreOffice and save it as a Word document (.docx), then give that file.'],
      ['odt.docx', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') }), 'it is an OpenDocument file (.odt). Open it in Word or LibreOffice and save it as a Word document (.docx), then give that file.'],
    ];
    for (const [name, bytes, what] of cases) {
      const dir = emptyProject();
      writeFileSync(join(dir, name), bytes);
      const run = runCli(['import', name], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(`${name}  error  This file is not a DOCX: ${what}  import/not-a-report\n`);
      expect(run.stdout).toBe('');
      expect(existsSync(join(dir, 'meetings'))).toBe(false);
    }
  });
});

describe('briefing import and review of the lock file Word keeps beside an open document', () => {
  // `~$` and the document's name, its first two letters replaced: Tab completes it as readily as the document.
  const lock = Uint8Array.from([0x0b, ...strToU8('Ilze Desk  '), 0, 0, 0, 0]);
  it.each(['import', 'review'])('%s names it as that, and the document beside it to give instead', (command) => {
    const dir = emptyProject();
    writeFileSync(join(dir, 'Zinojums.docx'), handWrittenDocx([TITLE]));
    writeFileSync(join(dir, '~$nojums.docx'), lock);
    const rule = command === 'import' ? 'import/not-a-report' : 'review/not-built-here';
    const run = runCli([command, '~$nojums.docx'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `~$nojums.docx  error  This file is not a DOCX: it is the lock file Word keeps beside a document while the document is open (its name starts with ~$), not the document. Give the document itself: Zinojums.docx (save it in Word first: the changes made since it was last saved are only in Word).  ${rule}\n`,
    );
    // A lock file whose document is not beside it (moved, or a short name Word prefixed): said so all the same.
    writeFileSync(join(dir, '~$a.docx'), lock);
    expect(runCli([command, '~$a.docx'], dir).stderr).toContain('not the document. Give the document itself, its name without the ~$ (Word replaces the first two letters of a longer name), saved in Word.');
  });
});

describe('briefing import of a title and dates typed otherwise', () => {
  it('reads a title on two lines, in capitals, and dates typed without spaces or in figures', () => {
    const { run, dir } = importHandWritten([
      { text: 'INFORMATĪVAIS ZIŅOJUMS', bold: true },
      { text: 'par 2022.gada 5.aprīļa Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē izskatāmajiem jautājumiem', bold: true },
      OPENING.replace('2022. gada 5. aprīlī', '05.04.2022.'),
      'Fons.',
      INVITATION.replace('2022. gada 5. aprīļa', '2022.gada 5.aprīļa'),
      '1. Kā padarīt pedagoga profesiju pievilcīgāku?',
      'Atbilde.',
      CLEARED,
      SIGNATURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Could not place');
    // The presidency is the one in office on the meeting's day: a fact of the date, as `new meeting` offers it; the formation is the Council's the name names.
    expect(run.stdout).toContain('Not found in the report (filled with x): visa.');
    expect(meetingOf(dir)).toMatchObject({
      presidency: 'Francija',
      date: '2022-04-05',
      topic: 'Skolotāju labbūtība',
      name: {
        nominative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksme',
        locative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē',
        short_locative: 'Padomes sanāksmē',
      },
      background: 'Fons.\n',
    });
  });

  it('leaves every introduction of a short name out of the meeting’s name: “(turpmāk – ES)” and “(turpmāk tekstā – Padome)”', () => {
    const opening = OPENING.replace('padomes sanāksme,', 'padomes (turpmāk tekstā – Padome) sanāksme,');
    const { run, dir } = importHandWritten([TITLE, opening, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir)).toMatchObject({ name: { nominative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksme' } });
  });

  it('reads a title typed on three lines as three paragraphs, and one on two lines broken after the name', () => {
    for (const lines of [
      ['Informatīvais ziņojums', 'par 2022. gada 5. aprīļa Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē', 'izskatāmajiem jautājumiem'],
      ['Informatīvais ziņojums par 2022. gada 5. aprīļa Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē', 'izskatāmajiem jautājumiem'],
    ]) {
      const { run, dir } = importHandWritten([...lines, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout, lines.join(' / ')).not.toContain('Could not place');
      expect(meetingOf(dir).name, lines.join(' / ')).toMatchObject({ locative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē' });
    }
  });

  // The report leaves its own full stop out after a topic that ends with its own mark (“Kā …?”): its opening is read so too (grammar run).
  it('reads an opening whose topic ends with its own question mark or full stop and no full stop after the quotes', () => {
    for (const topic of ['Kā uzlabot skolotāju labbūtību?', 'Skolotāju labbūtība.']) {
      const opening = OPENING.replace('“Skolotāju labbūtība”.', `“${topic}” Rezultātus izmantos Padomes secinājumos.`);
      const { run, dir } = importHandWritten([TITLE, opening, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
      expect(run.status, run.stderr).toBe(0);
      expect(meetingOf(dir), topic).toMatchObject({ date: '2022-04-05', topic, outcome: 'Rezultātus izmantos Padomes secinājumos.', background: 'Fons.\n' });
    }
    // A closing quotation mark inside the topic, after no mark of a sentence's end, is not taken for its end.
    const inner = OPENING.replace('“Skolotāju labbūtība”.', '“Memorands “Jaudīgs internets” skolām”.');
    const { run, dir } = importHandWritten([TITLE, inner, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir)).toMatchObject({ topic: 'Memorands “Jaudīgs internets” skolām', background: 'Fons.\n' });
  });

  it('keeps a one-line title it cannot read among the text not placed, and still reads the opening after it', () => {
    const unread = 'Informatīvais ziņojums par Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes 2022. gada 5. aprīļa sanāksmi';
    const { run, dir } = importHandWritten([unread, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Could not place (kept whole as comments at the end of ${MEETING}):\n  “Informatīvais ziņojums par Eiropas Savienības Izglītības, jaunatnes…”\n`);
    expect(meetingOf(dir)).toMatchObject({ date: '2022-04-05', topic: 'Skolotāju labbūtība', background: 'Fons.\n' });
  });

  it('reads a title in quotes (“Par …”) or ending with a full stop, and a title whose date is in the locative, as a slip of the pen', () => {
    const opening = OPENING.replace('2022. gada 5. aprīlī ', '');
    for (const title of [
      'Informatīvais ziņojums “Par 2022. gada 5. aprīļa Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē izskatāmajiem jautājumiem”',
      'Informatīvais ziņojums "Par 2022. gada 5. aprīļa Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē izskatāmajiem jautājumiem"',
      `${TITLE}.`,
      TITLE.replace('5. aprīļa', '5. aprīlī'),
    ]) {
      const { run, dir } = importHandWritten([title, opening, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
      expect(run.status, `${title}: ${run.stderr}`).toBe(0);
      expect(run.stdout, title).not.toContain('Could not place');
      expect(meetingOf(dir), title).toMatchObject({ date: '2022-04-05', name: { locative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē' } });
    }
  });

  it('reads the days of a meeting typed with a hyphen or a spaced dash between them (“4.-5. aprīlī”, “4. – 5. aprīlī”, “2022.gada 4.-5.aprīlī”)', () => {
    const typed: [string, string][] = [
      ['4.-5. aprīlī', '4.-5. aprīļa'],
      ['4. – 5. aprīlī', '4. – 5. aprīļa'],
      ['2022. gada 31. martā - 1. aprīlī', '2022. gada 31. marta - 1. aprīļa'],
      ['2022.gada 4.-5.aprīlī', '2022.gada 4.-5.aprīļa'],
    ];
    for (const [days, daysOf] of typed) {
      const opening = OPENING.replace('5. aprīlī', days).replace('2022. gada 2022.', '2022.');
      const { run, dir } = importHandWritten([TITLE.replace('5. aprīļa', daysOf).replace('2022. gada 2022.', '2022.'), opening, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
      expect(run.status, `${days}: ${run.stderr}`).toBe(0);
      const [date, endDate] = days.includes('4.') ? ['2022-04-04', '2022-04-05'] : ['2022-03-31', '2022-04-01'];
      const meeting = parseDocument(readFileSync(join(dir, `meetings/${date}-hand.yaml`), 'utf8')).toJS();
      expect(meeting, days).toMatchObject({ date, end_date: endDate, topic: 'Skolotāju labbūtība' });
    }
    // The same day typed twice ("5.-5. aprīlī", a slip of the pen) is one day: no end_date, which would be no later than the date.
    const { run, dir } = importHandWritten([TITLE.replace('5. aprīļa', '5.-5. aprīļa'), OPENING.replace('5. aprīlī', '5.-5. aprīlī'), 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    const meeting = meetingOf(dir);
    expect(meeting.date).toBe('2022-04-05');
    expect(meeting).not.toHaveProperty('end_date');
  });

  it('reads no meeting date from a day the month does not have (“32. aprīļa”, “0.04.2022.”), and refuses the report rather than date it so, naming the day', () => {
    const days: [string, string][] = [
      ['32. aprīļa', '32. aprīlī'],
      ['30. februāra', '30. februārī'],
    ];
    for (const [title, opening] of days) {
      const { run, dir } = importHandWritten([TITLE.replace('5. aprīļa', title), OPENING.replace('5. aprīlī', opening), 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
      expect(run.status, title).toBe(1);
      expect(run.stderr + run.stdout, title).toContain(`The report dates the meeting “2022. gada ${title}”, a day the calendar does not have, and gives no other date: nothing was imported.`);
      expect(run.stderr + run.stdout, title).toContain('Correct the date in the title and the opening paragraph of the DOCX');
      expect(existsSync(join(dir, 'meetings')), title).toBe(false);
    }
    // The day mistyped in the title alone: the opening's date is the meeting's, and nothing is refused.
    const titleOnly = importHandWritten([TITLE.replace('5. aprīļa', '35. aprīļa'), OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
    expect(titleOnly.run.status, titleOnly.run.stderr).toBe(0);
    expect(meetingOf(titleOnly.dir).date).toBe('2022-04-05');
    // A word where the month stands is no mistyped day, but no date: said as any text without one.
    const noMonth = importHandWritten([TITLE.replace('5. aprīļa', '5. Briseles'), OPENING.replace('5. aprīlī Luksemburgā', '5. Briselē'), 'Fons.', INVITATION, '1. Kā?', 'Atbilde.', CLEARED, SIGNATURE]);
    expect(noMonth.run.status).toBe(1);
    expect(noMonth.run.stderr + noMonth.run.stdout).toContain('no meeting date (title or opening paragraph) found');
    expect(noMonth.run.stderr + noMonth.run.stdout).not.toContain('the calendar does not have');
    const figures = importHandWritten([TITLE.replace('2022. gada 5. aprīļa', '0.04.2022.'), OPENING.replace('2022. gada 5. aprīlī', '0.04.2022.'), 'Fons.', INVITATION, '1. Kā?', 'Atbilde.', CLEARED, SIGNATURE]);
    expect(figures.run.status).toBe(1);
    expect(existsSync(join(figures.dir, 'meetings'))).toBe(false);
  });
});

describe('briefing import of a report without questions, or with its invitation worded otherwise', () => {
  it('imports a report that asks nothing, its text the background, with no questions (check only warns)', () => {
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Prezidentūra informēs par darba gaitu.', 'Latvija atbalsta prezidentūras darbu.', CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`created ${MEETING}`);
    expect(run.stdout).toContain('note: no invitation formula');
    expect(run.stdout).not.toContain('Could not place');
    expect(meetingOf(dir)).toMatchObject({ questions: [], background: 'Prezidentūra informēs par darba gaitu.\n\nLatvija atbalsta prezidentūras darbu.\n', required_clearances: ['FM'], signature: { name: 'A. Muižniece' } });
    // Written as the project's files write a list, no spaces inside the brackets.
    expect(readFileSync(join(dir, MEETING), 'utf8')).toMatch(/^required_clearances: \[FM\]$/m);
    const check = runCli(['check'], dir);
    expect(check.status).toBe(0);
    expect(check.stdout + check.stderr).toContain('meeting/no-questions');
    expect(runCli(['build', MEETING], dir).status).toBe(0);
  });

  it('reads the questions after an invitation worded otherwise (“… par sekojošiem jautājumiem:”)', () => {
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', 'Ministri aicināti paust viedokli par sekojošiem jautājumiem:', '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir)).toMatchObject({ background: 'Fons.\n', questions: [{ text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', position: 'hand-1' }] });
    expect(bodyOf(dir, 1)).toBe('Atbilde.\n');
  });

  it('reads the questions after the invitations ministries commonly write instead of the template’s', () => {
    const invitations = [
      'Sanāksmē piedalīsies ES dalībvalstu izglītības ministri, kuri tiks aicināti atbildēt uz diviem jautājumiem:',
      'Ministri aicināti paust viedokli par šādiem diskusijas jautājumiem:',
      'Ministri tiks aicināti atbildēt uz prezidentūras sagatavotajiem jautājumiem:',
      'Diskusijai prezidentūra ir sagatavojusi šādus jautājumus:',
      'Prezidentūras sagatavotie jautājumi diskusijai:',
      'Ministriem tiks lūgts atbildēt uz šādiem jautājumiem.',
      'Ministri aicināti sniegt viedokli par turpmāk minētajiem jautājumiem:',
    ];
    for (const invitation of invitations) {
      const { run, dir } = importHandWritten([TITLE, OPENING, 'Sanāksmē Latviju pārstāvēs izglītības un zinātnes ministre A. Muižniece.', invitation, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout, invitation).not.toContain('no invitation formula');
      expect(meetingOf(dir), invitation).toMatchObject({ background: 'Sanāksmē Latviju pārstāvēs izglītības un zinātnes ministre A. Muižniece.\n', questions: [{ text: 'Kā padarīt pedagoga profesiju pievilcīgāku?' }] });
      expect(bodyOf(dir, 1), invitation).toBe('Atbilde.\n');
    }
  });

  it('takes the meeting’s short name from a dated invitation that says “tiks aicināti” or names the ministers after the date', () => {
    for (const invitation of ['Ministri 2022. gada 5. aprīļa Padomes sanāksmē tiks aicināti atbildēt uz šādiem jautājumiem:', '2022. gada 5. aprīļa Padomes sanāksmē ministri tiks aicināti atbildēt uz šādiem jautājumiem:', '2022. gada 5. aprīļa Padomes sanāksmē ministriem tiks lūgts atbildēt uz šādiem jautājumiem:']) {
      const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', invitation, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
      expect(run.status, run.stderr).toBe(0);
      expect(meetingOf(dir), invitation).toMatchObject({ name: { short_locative: 'Padomes sanāksmē' }, background: 'Fons.\n', questions: [{ text: 'Kā padarīt pedagoga profesiju pievilcīgāku?' }] });
    }
  });

  it('keeps a background paragraph that lists matters, or tells of a past discussion, not questions put to the ministers, in the background', () => {
    const { run, dir } = importHandWritten([
      TITLE,
      OPENING,
      'Padome 2021. gadā pieņēma secinājumus par šādiem jautājumiem: skolotāju labbūtība, digitālā izglītība.',
      'Iepriekšējā sanāksmē ministri diskutēja par vairākiem jautājumiem:',
      'Digitālā izglītība.',
      // A document the presidency prepared, not questions it prepared (found by the read-only review).
      'Prezidentūra ir sagatavojusi diskusiju dokumentu, kurā aplūkoti šādi jautājumi:',
      'Skolotāju trūkums.',
      // A discussion to come, ending with a full stop, asks nothing of the ministers: only a colon leads to questions.
      'Neformālajā daļā ministri diskutēs par digitālās izglītības jautājumiem.',
      INVITATION,
      '1. Kā padarīt pedagoga profesiju pievilcīgāku?',
      'Atbilde.',
      CLEARED,
      SIGNATURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir)).toMatchObject({
      background:
        'Padome 2021. gadā pieņēma secinājumus par šādiem jautājumiem: skolotāju labbūtība, digitālā izglītība.\n\nIepriekšējā sanāksmē ministri diskutēja par vairākiem jautājumiem:\n\nDigitālā izglītība.\n\nPrezidentūra ir sagatavojusi diskusiju dokumentu, kurā aplūkoti šādi jautājumi:\n\nSkolotāju trūkums.\n\nNeformālajā daļā ministri diskutēs par digitālās izglītības jautājumiem.\n',
      questions: [{ text: 'Kā padarīt pedagoga profesiju pievilcīgāku?' }],
    });
  });
});

describe('briefing import of the Council configuration from the meeting’s Latvian name', () => {
  /** A report of the meeting named `genitive` in its title ("… <genitive> sanāksmē …") and `nominative` in its opening. */
  const reportOf = (genitive: string, nominative: string): HandBlock[] => [
    `Informatīvais ziņojums par 2022. gada 5. aprīļa ${genitive} sanāksmē izskatāmajiem jautājumiem`,
    `2022. gada 5. aprīlī Luksemburgā notiks ${nominative}, kurā ministri diskutēs par tēmu “Skolotāju labbūtība”.`,
    'Fons.',
    INVITATION,
    '1. Kā padarīt pedagoga profesiju pievilcīgāku?',
    'Atbilde.',
    CLEARED,
    SIGNATURE,
  ];

  it('takes formation from the Council’s name in the title and opening, in any of its cases, and says so', () => {
    const councils: [string, string, string][] = [
      ['Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes', 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksme', 'EYCS'],
      ['Vispārējo lietu padomes', 'Vispārējo lietu padomes sanāksme', 'GAC'],
      ['ES Ekonomikas un finanšu lietu padomes', 'ES Ekonomikas un finanšu lietu padomes sanāksme', 'ECOFIN'],
      ['Eiropas Savienības Ārlietu padomes', 'Eiropas Savienības Ārlietu padome', 'FAC'],
      ['Vides padomes', 'ES Vides padomes sanāksme', 'ENVI'],
      ['Lauksaimniecības un zivsaimniecības padomes', 'Lauksaimniecības un zivsaimniecības padomes sanāksme', 'AGRIFISH'],
      ['Nodarbinātības, sociālās politikas, veselības un patērētāju tiesību aizsardzības padomes', 'Nodarbinātības, sociālās politikas, veselības un patērētāju tiesību aizsardzības padomes sanāksme', 'EPSCO'],
      ['neformālajā Eiropas Savienības izglītības ministru', 'neformālā Eiropas Savienības izglītības ministru sanāksme', 'EYCS'],
      ['ES Padomes (ECOFIN)', 'ES Padomes (ECOFIN) sanāksme', 'ECOFIN'],
    ];
    for (const [genitive, nominative, formation] of councils) {
      const { run, dir } = importHandWritten(reportOf(genitive, nominative));
      expect(run.status, run.stderr).toBe(0);
      expect(meetingOf(dir).formation, nominative).toBe(formation);
      expect(run.stdout, nominative).not.toContain('(filled with x): formation');
      expect(run.stdout, nominative).toContain(`note: formation ${formation} is guessed from the meeting’s name: check it`);
    }
  });

  it('leaves formation x when the name names no configuration, or more than one', () => {
    for (const [genitive, nominative] of [
      ['Eiropas Savienības', 'Eiropas Savienības sanāksme'],
      ['neformālajā izglītības un pētniecības ministru', 'neformālā izglītības un pētniecības ministru sanāksme'],
    ]) {
      const { run, dir } = importHandWritten(reportOf(genitive ?? '', nominative ?? ''));
      expect(run.status, run.stderr).toBe(0);
      expect(meetingOf(dir).formation, nominative).toBe('x');
      expect(run.stdout, nominative).toContain('(filled with x): formation');
    }
  });
});

describe('briefing import of what a report does not say', () => {
  it('lists a signature and visa it did not find among the fields filled with x', () => {
    const { run } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Not found in the report (filled with x): signature, visa.');
  });

  it('says a visa not found may be deleted, and a report without one builds with no visa line and no placeholder warning', () => {
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('visa: write who endorsed the report (role and name), or delete `visa` from the meeting: without it the report prints no visa line');
    const text = readFileSync(join(dir, MEETING), 'utf8');
    // The config's signer is not the one of an older report, and a visa deleted is no visa line, not the config's.
    expect(text).not.toContain('The defaults come from');
    expect(text).toContain('delete `visa`');
    const check = runCli(['check'], dir);
    expect(check.stdout + check.stderr).toContain('`visa.role` is still `x`, the mark briefing import leaves where the report did not say. Write who endorses the report (role and name), or delete `visa`: without it the report prints no visa line.');
    writeFileSync(join(dir, MEETING), text.replace(/^visa: .*\n/m, ''));
    const after = runCli(['check'], dir);
    expect(after.stdout + after.stderr).not.toContain('meeting/placeholder');
    expect(runCli(['build', MEETING, '--format', 'md'], dir).status).toBe(0);
    const built = readFileSync(join(dir, 'out', `${String(meetingOf(dir).file_code)}.md`), 'utf8');
    expect(built).toContain('A. Muižniece');
    expect(built).not.toContain('Vīza');
  });

  it('dates the clearances on the meeting’s day, not after it, when the DOCX was created after the meeting (converted or saved anew)', () => {
    const paragraphs = [TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE];
    const { run, dir } = importHandWritten(paragraphs, { created: '2024-01-15T09:30:00Z' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('note: the DOCX was created on 2024-01-15, after the meeting: the clearances are dated 2022-04-05');
    expect(parseDocument(readFileSync(join(dir, 'positions/hand/hand-1.yaml'), 'utf8')).toJS()).toMatchObject({ clearance: { FM: { status: 'cleared', date: '2022-04-05' } } });
    const check = runCli(['check'], dir);
    expect(check.stdout + check.stderr).not.toContain('clearance/after-meeting');
    // Without a clearance line there is no clearance to date, and nothing to say of it.
    const uncleared = importHandWritten(paragraphs.filter((paragraph) => paragraph !== CLEARED), { created: '2024-01-15T09:30:00Z' });
    expect(uncleared.run.status, uncleared.run.stderr).toBe(0);
    expect(uncleared.run.stdout).not.toContain('the clearances are dated');
    // Created before the meeting, that day stands.
    const before = importHandWritten(paragraphs, { created: '2022-03-30T12:00:00Z' });
    expect(parseDocument(readFileSync(join(before.dir, 'positions/hand/hand-1.yaml'), 'utf8')).toJS()).toMatchObject({ clearance: { FM: { date: '2022-03-30' } } });
    // Created on the meeting's day, that day stands too, with nothing to say of it.
    const sameDay = importHandWritten(paragraphs, { created: '2022-04-05T08:00:00Z' });
    expect(sameDay.run.status, sameDay.run.stderr).toBe(0);
    expect(sameDay.run.stdout).not.toContain('the clearances are dated');
    expect(parseDocument(readFileSync(join(sameDay.dir, 'positions/hand/hand-1.yaml'), 'utf8')).getIn(['clearance', 'FM', 'date'])).toBe('2022-04-05');
  });

  it('dates the clearances by the day the DOCX was created where it is imported: Word writes the moment in UTC, and 22:30 UTC is the next day in Riga', () => {
    const paragraphs = [TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE];
    const dateIn = (created: string, zone: string) => {
      const dir = emptyProject();
      writeFileSync(join(dir, 'report.docx'), handWrittenDocx(paragraphs, { created }));
      expect(runCli(['import', 'report.docx', '--slug', 'hand'], dir, { TZ: zone }).status).toBe(0);
      return parseDocument(readFileSync(join(dir, 'positions/hand/hand-1.yaml'), 'utf8')).getIn(['clearance', 'FM', 'date']);
    };
    expect(dateIn('2022-03-30T22:30:00Z', 'Europe/Riga')).toBe('2022-03-31');
    expect(dateIn('2022-03-30T22:30:00Z', 'UTC')).toBe('2022-03-30');
    // briefing's own DOCX gives its document's date at midnight UTC: a day, not a moment, the same everywhere.
    expect(dateIn('2022-03-30T00:00:00Z', 'America/New_York')).toBe('2022-03-30');
    // A day without a time, as some programs write it, is that day (found by the read-only review).
    expect(dateIn('2022-03-30', 'America/New_York')).toBe('2022-03-30');
  });
});

describe('briefing import of text that reads as Markdown', () => {
  it('keeps a character entity typed in the report (“&amp;”, “&#169;”) as the text it is, not the character it names', () => {
    const typed = 'Zīmes &amp; un &#169; un &nbsp; rakstītas tā, kā redzamas; A & B paliek.';
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', typed, CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(runCli(['build', MEETING, '--format', 'md'], dir).status).toBe(0);
    const built = readFileSync(join(dir, 'out/IZMzin_050422_HAND.md'), 'utf8');
    expect(built).toContain('Zīmes \\&amp; un \\&#169; un \\&nbsp; rakstītas');
    expect(bodyOf(dir, 1)).toBe('Zīmes \\&amp; un \\&#169; un \\&nbsp; rakstītas tā, kā redzamas; A & B paliek.\n');
  });
});

describe('briefing import of a Word list whose levels are of different kinds', () => {
  it('writes the bulleted items of a numbered list’s second level as bullets, not numbers', () => {
    const { run, dir } = importHandWritten(
      [
        TITLE,
        OPENING,
        'Fons.',
        INVITATION,
        { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', list: { numId: 1 } },
        'Latvija atbalsta:',
        { text: 'atalgojuma pieaugumu;', list: { numId: 1, level: 1 } },
        { text: 'mentoru atbalstu.', list: { numId: 1, level: 1 } },
        { text: 'Kādu atbalstu sniedz ES?', list: { numId: 1 } },
        'Erasmus+.',
        CLEARED,
        SIGNATURE,
      ],
      { lists: [{ numId: 1, marker: '%1.', bulletsBelow: true }] },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(bodyOf(dir, 1)).toBe('Latvija atbalsta:\n\n   - atalgojuma pieaugumu;\n   - mentoru atbalstu.\n');
    expect(bodyOf(dir, 2)).toBe('Erasmus+.\n');
  });
});

describe('briefing import of a clearance line worded otherwise', () => {
  it('reads “… ir saskaņots ar”, “Informatīvais ziņojums saskaņots ar”, and ministries named by their abbreviation, not into the last answer', () => {
    for (const line of [
      'Informatīvā ziņojuma projekts ir saskaņots ar Finanšu ministriju un Ārlietu ministriju.',
      'Informatīvais ziņojums saskaņots ar Finanšu ministriju un Ārlietu ministriju.',
      'Ziņojuma projekts saskaņots ar Finanšu ministriju un Ārlietu ministriju',
      'Informatīvā ziņojuma projekts saskaņots ar FM un ĀM.',
    ]) {
      const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', line, SIGNATURE]);
      expect(run.status, `${line}: ${run.stderr}`).toBe(0);
      expect(run.stdout, line).not.toContain('not in the ministries registry');
      expect(meetingOf(dir).required_clearances, line).toEqual(['FM', 'AM']);
      expect(bodyOf(dir, 1), line).toBe('Atbilde.\n');
    }
  });
});

describe('briefing import of a signature set otherwise than with a tab', () => {
  const REPORT = [TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED];

  it('keeps a footnote on the signature or visa line, with its line, in the meeting file, and says so', () => {
    const note = '<w:r><w:footnoteReference w:id="1"/></w:r>';
    const run_ = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const tab = '<w:r><w:tab/></w:r>';
    for (const [lines, what] of [
      [[{ xml: `<w:p>${run_('Izglītības un zinātnes ministre')}${tab}${run_('A. Muižniece')}${note}</w:p>` }], 'the signature line'],
      [[{ xml: `<w:p>${run_('Izglītības un zinātnes ministre A. Muižniece')}${note}</w:p>` }], 'the signature line'],
      [[SIGNATURE, { xml: `<w:p>${run_('Vīza: valsts sekretāre')}${tab}${run_('J. Volberts')}${note}</w:p>` }], 'the visa line'],
      [[{ xml: `<w:tbl><w:tblPr/><w:tr><w:tc><w:p>${run_('Izglītības un zinātnes ministre')}</w:p></w:tc><w:tc><w:p>${run_('A. Muižniece')}${note}</w:p></w:tc></w:tr></w:tbl>` }], 'the signature line'],
    ] as const) {
      const { run, dir } = importHandWritten([...REPORT, ...lines], { footnotes: ['Ministres vietā paraksta valsts sekretārs.'] });
      expect(run.status, run.stderr).toBe(0);
      expect(meetingOf(dir)).toMatchObject({ signature: { role: 'Izglītības un zinātnes ministre', name: 'A. Muižniece' } });
      expect(run.stdout, what).toContain(`note: ${what} has a footnote, which no field holds`);
      expect(readFileSync(join(dir, MEETING), 'utf8'), what).toContain('Ministres vietā paraksta valsts sekretārs.');
    }
  });

  it('reads, after the clearance line, a signature and visa typed with spaces, or set in a table’s cells', () => {
    for (const lines of [
      ['Izglītības un zinātnes ministre A. Muižniece', 'Vīza: valsts sekretāre J. Volberts'],
      [{ row: ['Izglītības un zinātnes ministre', 'A. Muižniece'] }, { row: ['Vīza: valsts sekretāre', 'J. Volberts'] }],
    ]) {
      const { run, dir } = importHandWritten([...REPORT, ...lines]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).not.toContain('Could not place');
      expect(meetingOf(dir)).toMatchObject({ signature: { role: 'Izglītības un zinātnes ministre', name: 'A. Muižniece' }, visa: { role: 'Valsts sekretāre', name: 'J. Volberts' } });
      expect(bodyOf(dir, 1)).toBe('Atbilde.\n');
    }
  });

  it('reads a visa line with a tab after “Vīza:” as well as before the name', () => {
    const { run, dir } = importHandWritten([...REPORT, SIGNATURE, 'Vīza:\tValsts sekretāre\tJ. Volberts']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Could not place');
    expect(meetingOf(dir)).toMatchObject({ visa: { role: 'Valsts sekretāre', name: 'J. Volberts' } });
  });

  it('keeps the first signature and visa, and the line of who prepared the report after them among the text not placed', () => {
    for (const executor of ['Izpildītāja: A. Bērziņa', 'Izpildītāja:\tA. Bērziņa']) {
      const { run, dir } = importHandWritten([...REPORT, SIGNATURE, 'Vīza: valsts sekretāre\tJ. Volberts', executor, '67047812, anna.berzina@izm.gov.lv']);
      expect(run.status, run.stderr).toBe(0);
      expect(meetingOf(dir)).toMatchObject({ signature: { role: 'Izglītības un zinātnes ministre', name: 'A. Muižniece' }, visa: { name: 'J. Volberts' } });
      expect(run.stdout).toContain('Could not place');
      expect(readFileSync(join(dir, MEETING), 'utf8')).toContain('#   Izpildītāja:');
    }
  });

  it('keeps a table after the clearance line that is no signature, whole, among the text not placed', () => {
    const { run, dir } = importHandWritten([...REPORT, SIGNATURE, { row: ['Pielikums', 'Pasākumu saraksts un to izmaksas 2022. gadā'] }]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('“Pielikums”\n  “Pasākumu saraksts un to izmaksas 2022. gadā”');
    expect(readFileSync(join(dir, MEETING), 'utf8')).toContain('#   | Pielikums | Pasākumu saraksts un to izmaksas 2022. gadā |');
  });
});

describe('briefing import of notes', () => {
  it('reads an endnote as the footnote of the paragraph it is in, numbered within its field with the footnotes', () => {
    const answer = { xml: '<w:p><w:r><w:t>Atbilde</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> un turpinājums</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>' };
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', answer, CLEARED, SIGNATURE], { footnotes: ['Zemsvītras piezīme.'], endnotes: ['Beigu piezīme: ST 5678/22.'] });
    expect(run.status, run.stderr).toBe(0);
    expect(bodyOf(dir, 1)).toBe('Atbilde[^1] un turpinājums[^2].\n\n[^1]: Zemsvītras piezīme.\n\n[^2]: Beigu piezīme: ST 5678/22.\n');
    expect(runCli(['build', MEETING], dir).status).toBe(0);
  });

  it('writes a note that begins with a year as text, its full stop escaped, not as a list numbered from the year', () => {
    const answer = { xml: '<w:p><w:r><w:t>Atbilde</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>' };
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', answer, CLEARED, SIGNATURE], { footnotes: ['2021. gada 5. maija lēmums.'] });
    expect(run.status, run.stderr).toBe(0);
    expect(bodyOf(dir, 1)).toBe('Atbilde[^1].\n\n[^1]: 2021\\. gada 5. maija lēmums.\n');
  });
});

describe('briefing import of what a field cannot hold', () => {
  it('keeps the footnote of the opening’s outcome in outcome, its definition on a line of its own, and the title’s in the meeting file', () => {
    const title = { xml: `<w:p><w:r><w:t>${TITLE}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` };
    const opening = { xml: `<w:p><w:r><w:t xml:space="preserve">${OPENING} Rezultātus izmantos Padomes secinājumos</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>` };
    const { run, dir } = importHandWritten([title, opening, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE], {
      footnotes: ['Virsraksta piezīme par prezidentūras dokumentu.', 'Padomes secinājumu projekts 1234/22.'],
    });
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir)).toMatchObject({ name: { locative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē' }, outcome: 'Rezultātus izmantos Padomes secinājumos[^1].\n\n[^1]: Padomes secinājumu projekts 1234/22.' });
    expect(run.stdout).toContain('note: the title has a footnote');
    expect(readFileSync(join(dir, MEETING), 'utf8')).toContain('#   [^1]: Virsraksta piezīme par prezidentūras dokumentu.');
    const check = runCli(['check'], dir);
    expect(check.stdout + check.stderr).not.toContain('markdown/undefined-footnote');
  });

  it('keeps a footnote on the opening’s topic in the meeting file, and says so, when the opening has an outcome with a footnote of its own', () => {
    const opening = {
      xml: `<w:p><w:r><w:t xml:space="preserve">${OPENING.replace('”.', '”')}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">. Rezultātus izmantos Padomes secinājumos</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`,
    };
    const { run, dir } = importHandWritten([TITLE, opening, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE], {
      footnotes: ['Tēmas piezīme par prezidentūras dokumentu.', 'Padomes secinājumu projekts 1234/22.'],
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('note: the opening paragraph has a footnote');
    expect(readFileSync(join(dir, MEETING), 'utf8')).toContain('Tēmas piezīme par prezidentūras dokumentu.');
    expect(meetingOf(dir)).toMatchObject({ topic: 'Skolotāju labbūtība', outcome: 'Rezultātus izmantos Padomes secinājumos[^2].\n\n[^2]: Padomes secinājumu projekts 1234/22.' });
  });

  it('keeps a footnote on the invitation or the clearance line, with its paragraph, in the meeting file, and says so', () => {
    const invitation = { xml: `<w:p><w:r><w:t>${INVITATION}</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>` };
    const cleared = { xml: `<w:p><w:r><w:t>${CLEARED.replace(/\.$/, '')}</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>` };
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', invitation, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', cleared, SIGNATURE], {
      footnotes: ['Jautājumi no prezidentūras dokumenta ST 5678/22.', 'Finanšu ministrijas 2022. gada 1. aprīļa vēstule Nr. 12.'],
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('note: the invitation to answer has a footnote');
    expect(run.stdout).toContain('note: the clearance line has a footnote');
    const text = readFileSync(join(dir, MEETING), 'utf8');
    expect(text).toContain('Jautājumi no prezidentūras dokumenta ST 5678/22.');
    expect(text).toContain('Finanšu ministrijas 2022. gada 1. aprīļa vēstule Nr. 12.');
    expect(meetingOf(dir)).toMatchObject({ required_clearances: ['FM'], questions: [{ text: 'Kā padarīt pedagoga profesiju pievilcīgāku?' }] });
  });

  it('keeps a question’s footnote, with the question, in the meeting file, and says so', () => {
    const question = { xml: '<w:p><w:r><w:t>1. Kā padarīt pedagoga profesiju pievilcīgāku?</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>' };
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, question, 'Atbilde.', CLEARED, SIGNATURE], { footnotes: ['Jautājums no prezidentūras dokumenta ST 5678/22.'] });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('note: question 1 has a footnote, which a question\'s text cannot hold');
    expect(meetingOf(dir).questions).toEqual([{ text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', position: 'hand-1' }]);
    expect(readFileSync(join(dir, MEETING), 'utf8')).toContain('#   [^1]: Jautājums no prezidentūras dokumenta ST 5678/22.');
  });

  it('keeps a question set in a table with a footnote on its cell’s second paragraph, with the question, in the meeting file', () => {
    const second = { xml: '<w:p><w:r><w:t>(prezidentūras jautājums)</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>' };
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, { rows: [['Jautājums', 'Latvijas nostāja'], [['1. Kā padarīt pedagoga profesiju pievilcīgāku?', second], 'Atalgojums.']] }, CLEARED, SIGNATURE], {
      footnotes: ['Jautājums no prezidentūras dokumenta ST 5678/22.'],
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('note: question 1 has a footnote, which a question\'s text cannot hold');
    expect(readFileSync(join(dir, MEETING), 'utf8')).toContain('Jautājums no prezidentūras dokumenta ST 5678/22.');
  });

  it('keeps a footnote marked on a picture with no text (a chart’s source), in an answer or its table, and one on the draft mark', () => {
    const chart = '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr w:id="1" name="Diagramma"/></wp:inline></w:drawing></w:r><w:r><w:footnoteReference w:id="1"/></w:r>';
    const { run, dir } = importHandWritten(
      [
        { xml: '<w:p><w:r><w:t>PROJEKTS</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p>' },
        TITLE,
        OPENING,
        'Fons.',
        INVITATION,
        '1. Kā padarīt pedagoga profesiju pievilcīgāku?',
        'Atbilde.',
        { xml: `<w:p>${chart}</w:p>` },
        { rows: [['Gads', 'Skaits'], ['2021', { xml: '<w:p><w:r><w:footnoteReference w:id="2"/></w:r></w:p>' }]] },
        CLEARED,
        SIGNATURE,
      ],
      { footnotes: ['Avots: VIIS dati.', 'Dati vēl nav apkopoti.', 'Versija saskaņošanai.'] },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(bodyOf(dir, 1)).toBe('Atbilde.\n\n[^1]\n\n| Gads | Skaits |\n| --- | --- |\n| 2021 | [^2] |\n\n[^1]: Avots: VIIS dati.\n\n[^2]: Dati vēl nav apkopoti.\n');
    expect(run.stdout).toContain('note: the draft mark (“PROJEKTS”) has a footnote, which no field holds');
    expect(readFileSync(join(dir, MEETING), 'utf8')).toContain('Versija saskaņošanai.');
  });

  it('says where a picture, chart or text box stands, which it does not read, and quotes a text box’s text', () => {
    const picture = '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr w:id="1" name="Diagramma"/></wp:inline></w:drawing></w:r></w:p>';
    const textBox =
      '<w:p><w:r><w:t>Atbilde, un blakus tai:</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>53,5 % pedagogu</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>53,5 % pedagogu</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>';
    const { run } = importHandWritten([TITLE, OPENING, 'Fons.', { xml: picture }, INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', { xml: textBox }, CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('note: a picture, chart or text box in the background is not read: add what it shows by hand\n');
    expect(run.stdout).toContain('note: a picture, chart or text box in the answer to question 1 (in the paragraph “Atbilde, un blakus tai:”) is not read: add what it shows by hand; it holds the text “53,5 % pedagogu”\n');
    expect(run.stdout.match(/note: a picture/g)).toHaveLength(2);
  });
});

describe('briefing import of a date Word took for a list number', () => {
  it('reads "2022. gada 5. aprīlī …" numbered 2022 by Word as the opening, and keeps such a date as written in an answer', () => {
    const { run, dir } = importHandWritten(
      [
        TITLE,
        { text: OPENING.replace('2022. ', ''), list: { numId: 3 } },
        'Fons.',
        INVITATION,
        '1. Kā padarīt pedagoga profesiju pievilcīgāku?',
        { text: 'gada 1. septembrī sākās reforma.', list: { numId: 4 } },
        CLEARED,
        SIGNATURE,
      ],
      {
        lists: [
          { numId: 3, marker: '%1.', start: 2022 },
          { numId: 4, marker: '%1.', start: 2020 },
        ],
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('opening paragraph');
    expect(meetingOf(dir)).toMatchObject({ date: '2022-04-05', topic: 'Skolotāju labbūtība', background: 'Fons.\n' });
    expect(bodyOf(dir, 1)).toBe('2020\\. gada 1. septembrī sākās reforma.\n');
  });
});

describe('briefing import of a DOCX that is no report', () => {
  it('refuses it in one line, without notes on parts it was never going to write', () => {
    const { run, dir } = importHandWritten(['Sveiki!', 'Nosūtu vēstuli par sanāksmi.', 'Ar cieņu,\tA. Muižniece']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^report\.docx {2}error {2}This does not read as an informative report: no meeting date \(title or opening paragraph\) found\. .* {2}import\/not-a-report\n$/);
    expect(existsSync(join(dir, 'meetings'))).toBe(false);
  });
});

describe('briefing import of a report whose file name is a sentence', () => {
  it('names the files by the name’s first words, no longer than 40 characters, when no --slug is given', () => {
    const dir = emptyProject();
    const name = 'Informatīvais ziņojums par ES Izglītības, jaunatnes, kultūras un sporta padomes sanāksmi Luksemburgā 2022. gada aprīlī (galīgā redakcija pēc saskaņošanas ar FM un ĀM)';
    writeFileSync(join(dir, `${name}.docx`), handWrittenDocx([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]));
    const run = runCli(['import', `${name}.docx`], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('created meetings/2022-04-05-informativais-zinojums-par-es-izglitibas.yaml\ncreated positions/informativais-zinojums-par-es-izglitibas/informativais-zinojums-par-es-izglitibas-1.yaml\n');
     // A name of 40 characters, the most a slug may have, is taken whole.
    writeFileSync(join(dir, 'Izglītības padome 2022 aprīlis galīgā v1.docx'), handWrittenDocx([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE]));
    const whole = runCli(['import', 'Izglītības padome 2022 aprīlis galīgā v1.docx'], dir);
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stdout).toContain('created meetings/2022-04-05-izglitibas-padome-2022-aprilis-galiga-v1.yaml\n');
  });
});

describe('briefing import of a report’s file code', () => {
  const REPORT = [TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde.', CLEARED, SIGNATURE];

  function fileCodeOf(dir: string): unknown {
    return meetingOf(dir).file_code;
  }

  it('takes it from the file’s name when that is a file code of the meeting’s day, as ministries name their reports', () => {
    const dir = emptyProject();
    writeFileSync(join(dir, 'KMzin_050422_EYCS.docx'), handWrittenDocx(REPORT));
    const run = runCli(['import', 'KMzin_050422_EYCS.docx', '--slug', 'hand'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(fileCodeOf(dir)).toBe('KMzin_050422_EYCS');
  });

  it('takes it from a header, or from a footer after one that holds only the page number', () => {
    expect(fileCodeOf(importHandWritten(REPORT, { headers: ['KMzin_050422_EYCS'] }).dir)).toBe('KMzin_050422_EYCS');
    expect(fileCodeOf(importHandWritten(REPORT, { footers: ['2', 'KMzin_050422_EYCS'] }).dir)).toBe('KMzin_050422_EYCS');
  });

  it('makes one of the ministry, the day and the slug when neither the file nor its name holds one', () => {
    expect(fileCodeOf(importHandWritten(REPORT, { footers: ['2'], headers: ['PROJEKTS'] }).dir)).toBe('IZMzin_050422_HAND');
  });
});

describe('briefing import of questions and answers set in a table', () => {
  it('reads each row as a question and its answer, the table’s heading row kept among the text not placed', () => {
    const { run, dir } = importHandWritten([
      TITLE,
      OPENING,
      'Fons.',
      INVITATION,
      {
        rows: [
          ['Jautājums', 'Latvijas nostāja'],
          ['1. Kā padarīt pedagoga profesiju pievilcīgāku?', ['Latvija atbalsta atalgojuma pieaugumu.', 'Otrā rindkopa.']],
          ['2. Kādu atbalstu sniedz ES?', 'Latvija izmanto Erasmus+ skolotāju akadēmijas.'],
        ],
      },
      CLEARED,
      SIGNATURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Could not place (kept whole as comments at the end of ${MEETING}):\n  “Jautājums”\n  “Latvijas nostāja”`);
    expect(run.stdout).toContain('note: the questions and answers stand in a table');
    expect(readFileSync(join(dir, MEETING), 'utf8')).toContain('#   | Jautājums | Latvijas nostāja |');
    expect(meetingOf(dir)).toMatchObject({
      questions: [
        { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', position: 'hand-1' },
        { text: 'Kādu atbalstu sniedz ES?', position: 'hand-2' },
      ],
    });
    expect(bodyOf(dir, 1)).toBe('Latvija atbalsta atalgojuma pieaugumu.\n\nOtrā rindkopa.\n');
    expect(bodyOf(dir, 2)).toBe('Latvija izmanto Erasmus+ skolotāju akadēmijas.\n');
    expect(existsSync(join(dir, 'positions/hand/hand-3.yaml'))).toBe(false);
    expect(runCli(['check'], dir).status).toBe(0);
  });

  it('reads a table with a column of numbers before the questions, and keeps a table of figures in an answer as the answer’s', () => {
    const { dir } = importHandWritten([
      TITLE,
      OPENING,
      'Fons.',
      INVITATION,
      {
        rows: [
          ['Nr.', 'Jautājums', 'Pozīcija'],
          ['1.', 'Kā padarīt pedagoga profesiju pievilcīgāku?', 'Latvija atbalsta atalgojuma pieaugumu.'],
          ['2.', 'Kādu atbalstu sniedz ES?', 'Erasmus+.'],
        ],
      },
      CLEARED,
      SIGNATURE,
    ]);
    expect(meetingOf(dir)).toMatchObject({ questions: [{ text: 'Kā padarīt pedagoga profesiju pievilcīgāku?' }, { text: 'Kādu atbalstu sniedz ES?' }] });
    expect(bodyOf(dir, 2)).toBe('Erasmus+.\n');
    const figures = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atbilde:', { rows: [['Gads', 'Pedagogi'], ['2021', '25 000']] }, CLEARED, SIGNATURE]);
    // A table of one column, each question in a row over its answer's row: its answers are no questions.
    const column = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, { rows: [['1. Kā padarīt pedagoga profesiju pievilcīgāku?'], ['Latvija atbalsta atalgojuma pieaugumu.'], ['2. Kādu atbalstu sniedz ES?'], ['Erasmus+.']] }, CLEARED, SIGNATURE]);
    expect(column.run.status, column.run.stderr).toBe(0);
    expect(column.run.stdout).not.toContain('stand in a table');
    expect(bodyOf(figures.dir, 1)).toBe('Atbilde:\n\n| Gads | Pedagogi |\n| --- | --- |\n| 2021 | 25 000 |\n');
  });

  it('keeps a question’s own leading number (“1. pīlāra …”) when a column of numbers stands before the questions', () => {
    const { run, dir } = importHandWritten([
      TITLE,
      OPENING,
      'Fons.',
      INVITATION,
      { rows: [['Nr.', 'Jautājums', 'Pozīcija'], ['1.', 'Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atalgojums.'], ['2.', '1. pīlāra finansējums?', 'Erasmus+.']] },
      CLEARED,
      SIGNATURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir)).toMatchObject({ questions: [{ text: 'Kā padarīt pedagoga profesiju pievilcīgāku?' }, { text: '1. pīlāra finansējums?' }] });
  });

  it('says a picture in a table of questions stands in the answer to its row’s question', () => {
    const picture = { xml: '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr w:id="1" name="Diagramma"/></wp:inline></w:drawing></w:r></w:p>' };
    const { run } = importHandWritten([
      TITLE,
      OPENING,
      'Fons.',
      INVITATION,
      { rows: [['Jautājums', 'Latvijas nostāja'], ['1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atalgojums.'], ['2. Kādu atbalstu sniedz ES?', ['Erasmus+.', picture]]] },
      CLEARED,
      SIGNATURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('note: a picture, chart or text box in the answer to question 2 is not read');
  });

  it('reads a table set in an answer’s cell as a table of that answer, and the rows after it as questions still', () => {
    const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const figures = { xml: `${p('Dati:')}<w:tbl><w:tblPr/><w:tr><w:tc>${p('Gads')}</w:tc><w:tc>${p('Pedagogi')}</w:tc></w:tr><w:tr><w:tc>${p('2021')}</w:tc><w:tc>${p('25 000')}</w:tc></w:tr></w:tbl>${p('Avots: VIIS.')}` };
    const { run, dir } = importHandWritten([
      TITLE,
      OPENING,
      'Fons.',
      INVITATION,
      { rows: [['Jautājums', 'Latvijas nostāja'], ['1. Kā padarīt pedagoga profesiju pievilcīgāku?', ['Atalgojums.', figures]], ['2. Kādu atbalstu sniedz ES?', 'Erasmus+.']] },
      CLEARED,
      SIGNATURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir).questions).toEqual([
      { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', position: 'hand-1' },
      { text: 'Kādu atbalstu sniedz ES?', position: 'hand-2' },
    ]);
    expect(bodyOf(dir, 1)).toBe('Atalgojums.\n\nDati:\n\n| Gads | Pedagogi |\n| --- | --- |\n| 2021 | 25 000 |\n\nAvots: VIIS.\n');
    expect(bodyOf(dir, 2)).toBe('Erasmus+.\n');
  });

  it('reads a table set in a cell of an answer’s table as that cell’s text, and says so', () => {
    const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const inner = { xml: `<w:tbl><w:tblPr/><w:tr><w:tc>${p('2021')}</w:tc><w:tc>${p('25 000')}</w:tc></w:tr></w:tbl>${p('Avots: VIIS.')}` };
    const { run, dir } = importHandWritten([TITLE, OPENING, 'Fons.', INVITATION, '1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Dati:', { rows: [['Valsts', 'Pedagogi'], ['Latvija', ['Skaits:', inner]], ['Igaunija', '15 000']] }, CLEARED, SIGNATURE]);
    expect(run.status, run.stderr).toBe(0);
    expect(bodyOf(dir, 1)).toBe('Dati:\n\n| Valsts | Pedagogi |\n| --- | --- |\n| Latvija | Skaits: 2021 25 000 Avots: VIIS. |\n| Igaunija | 15 000 |\n');
    expect(run.stdout).toContain('note: a table set in a table’s cell in the answer to question 1 is read as that cell’s text, its cells one after another (a Markdown table holds no table): set it out by hand');
  });

  it('reads a question set as a picture as a question of text x, and tells of a picture in a question’s cell or the heading row there', () => {
    const picture = { xml: '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr w:id="1" name="Attēls"/></wp:inline></w:drawing></w:r></w:p>' };
    const { run, dir } = importHandWritten([
      TITLE,
      OPENING,
      'Fons.',
      INVITATION,
      picture,
      { rows: [[picture, 'Latvijas nostāja'], [['1. Kā padarīt pedagoga profesiju pievilcīgāku?', picture], 'Atalgojums.'], [picture, 'Erasmus+.']] },
      CLEARED,
      SIGNATURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir).questions).toEqual([
      { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', position: 'hand-1' },
      { text: 'x', position: 'hand-2' },
    ]);
    expect(bodyOf(dir, 1)).toBe('Atalgojums.\n');
    expect(bodyOf(dir, 2)).toBe('Erasmus+.\n');
    expect(run.stdout).toContain('note: a picture, chart or text box between the invitation and the first question is not read');
    expect(run.stdout).toContain('note: a picture, chart or text box in the heading row of the table of questions is not read');
    expect(run.stdout).toContain('note: a picture, chart or text box in question 1 is not read');
    expect(run.stdout).toContain('note: question 2 is a picture in the report, with no text: write its text in the meeting (it is x) and in its position');
    expect(run.stdout).toContain('note: a picture, chart or text box in question 2 is not read');
  });

  it('reads a row whose question cell holds a footnote mark alone as a question, not the mark as a column of numbers', () => {
    const mark = { xml: '<w:p><w:r><w:footnoteReference w:id="1"/></w:r></w:p>' };
    const { run, dir } = importHandWritten(
      [TITLE, OPENING, 'Fons.', INVITATION, { rows: [['Jautājums', 'Latvijas nostāja'], ['1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atalgojums.'], [mark, 'Erasmus+.']] }, CLEARED, SIGNATURE],
      { footnotes: ['Jautājums tiks precizēts.'] },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir).questions).toEqual([
      { text: 'Kā padarīt pedagoga profesiju pievilcīgāku?', position: 'hand-1' },
      { text: 'x', position: 'hand-2' },
    ]);
    // Its note is kept, with the question, in the meeting file's comments.
    expect(run.stdout).toContain("note: question 2 has a footnote, which a question's text cannot hold");
    expect(bodyOf(dir, 1)).toBe('Atalgojums.\n');
    expect(bodyOf(dir, 2)).toBe('Erasmus+.\n');
  });

  it('keeps a table of figures in the answer after a table of questions as the answer’s, not as more questions', () => {
    const { run, dir } = importHandWritten([
      TITLE,
      OPENING,
      'Fons.',
      INVITATION,
      { rows: [['Jautājums', 'Latvijas nostāja'], ['1. Kā padarīt pedagoga profesiju pievilcīgāku?', 'Atalgojums.'], ['2. Kādu atbalstu sniedz ES?', 'Erasmus+.']] },
      'Dati:',
      { rows: [['Gads', 'Pedagogi'], ['2021', '25 000']] },
      'Salīdzinājumam:',
      { rows: [['Nr.', 'Valsts', 'Pedagogi'], ['1.', 'Igaunija', '15 000']] },
      CLEARED,
      SIGNATURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(meetingOf(dir).questions).toHaveLength(2);
    expect(bodyOf(dir, 2)).toBe('Erasmus+.\n\nDati:\n\n| Gads | Pedagogi |\n| --- | --- |\n| 2021 | 25 000 |\n\nSalīdzinājumam:\n\n| Nr. | Valsts | Pedagogi |\n| --- | --- | --- |\n| 1. | Igaunija | 15 000 |\n');
  });
});

describe('briefing import of a briefing draft whose note names a ministry per position', () => {
  it('requires every ministry the note’s sentences name, each by its code, none recorded as cleared', () => {
    const { run, dir } = importHandWritten([
      'PROJEKTS',
      'Pozīcija 1: Labklājības ministrija – atbilde vēl nav saņemta.',
      'Pozīcija 2: Ārlietu ministrija – izteikti iebildumi.',
      TITLE,
      OPENING,
      'Fons.',
      INVITATION,
      '1. Kā padarīt pedagoga profesiju pievilcīgāku?',
      'Atbilde.',
      '2. Kā atbalstīt jaunos skolotājus?',
      'Otrā atbilde.',
      CLEARED,
      SIGNATURE,
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('not in the ministries registry');
    expect(run.stdout).toContain('its note names Labklājības ministrija and Ārlietu ministrija as not having cleared it');
    expect(meetingOf(dir).required_clearances).toEqual(['FM', 'LM', 'AM']);
    const position = parseDocument(readFileSync(join(dir, 'positions/hand/hand-1.yaml'), 'utf8')).toJS();
    expect(position).toMatchObject({ status: 'draft', clearance: { FM: { status: 'cleared' } } });
    // The report names no unit: the skeleton's `unit: x` is not left for check to warn of.
    expect(position.owner).not.toHaveProperty('unit');
  });
});
