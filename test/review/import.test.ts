import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { docxParts, itWithOffice, part, placeOf } from '../helpers/docx.js';
import { paragraphs } from '../helpers/redline.js';
import { emptyProject } from '../helpers/import-report.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';


describe('briefing import', () => {
  it('turns the example’s own DOCX into a meeting and positions that build to the same text', () => {
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const dir = emptyProject();
    const run = runCli(['import', join(example, DOCX), '--slug', 'educ-informal'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('created meetings/2021-02-19-educ-informal.yaml');
    expect(run.stdout).toContain('created positions/educ-informal/educ-informal-3.yaml');
    // Everything a meeting file needs is in the report (participants, which no built-in template prints, is optional).
    expect(run.stdout).not.toContain('Not found in the report');
    expect(readdirSync(join(dir, 'positions/educ-informal')).sort()).toEqual(['educ-informal-1.yaml', 'educ-informal-2.yaml', 'educ-informal-3.yaml']);

    const meeting: Record<string, unknown> = parseDocument(readFileSync(join(dir, EXAMPLE_MEETING), 'utf8')).toJS();
    expect(meeting).toMatchObject({ date: '2021-02-19', time: '10.00', kind: 'informal', mode: 'videoconference', formation: 'EYCS', presidency: 'Portugāle', required_clearances: ['AM', 'LM'], file_code: 'IZMzin_190221_EDUC' });

    const build = runCli(['build', EXAMPLE_MEETING], dir);
    expect(build.status, build.stderr).toBe(0);
    const original = readFileSync(join(example, DOCX));
    const rebuilt = readFileSync(join(dir, DOCX));
    expect(paragraphs(rebuilt, 'as-is')).toEqual(paragraphs(original, 'as-is'));
    expect(paragraphs(rebuilt, 'as-is', 'footnotes')).toEqual(paragraphs(original, 'as-is', 'footnotes'));

    const check = runCli(['check', '--final'], dir);
    expect(check.stdout + check.stderr).not.toContain('is still `x`');
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it('reads the days of a meeting held over several (end_date) and its place, as the build prints them, and builds the same text again', () => {
    for (const [date, endDate] of [
      ['2021-02-18', '2021-02-19'],
      ['2021-02-17', '2021-02-19'],
      ['2021-01-31', '2021-02-01'],
      ['2021-01-30', '2021-02-01'],
      ['2020-12-31', '2021-01-01'],
    ]) {
      // In person in Brussels, with a place the opening prints between the days and the time.
      const meeting = readFileSync(join(REPO, EXAMPLE_MEETING), 'utf8')
        .replace(/^date: 2021-02-19$/m, `date: ${date}\nend_date: ${endDate}\nplace: { locative: Briselē, english: Brussels }`)
        .replace(/^mode: videoconference$/m, 'mode: in-person');
      const example = exampleProject({ [EXAMPLE_MEETING]: meeting });
      expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
      // The time after the first day, not after the last, where it reads as the second day's.
      if (date === '2021-02-18') expect(paragraphs(readFileSync(join(example, DOCX)), 'as-is').find((text) => text.includes(' notiks '))).toMatch(/^2021\. gada 18\.\u00A0februārī plkst\.\u00A010\.00 un 19\.\u00A0februārī Briselē notiks /);
      const dir = emptyProject();
      const run = runCli(['import', join(example, DOCX), '--slug', 'days'], dir);
      expect(run.status, run.stderr).toBe(0);
      const imported = `meetings/${date}-days.yaml`;
      expect(parseDocument(readFileSync(join(dir, imported), 'utf8')).toJS()).toMatchObject({ date, end_date: endDate, place: { locative: 'Briselē', english: 'Brussels' }, time: '10.00', name: { short_locative: 'sanāksmē' } });
      expect(readFileSync(join(dir, imported), 'utf8')).toMatch(new RegExp(`^date: ${date}\nend_date: ${endDate}\nplace: `, 'm'));
      expect(runCli(['build', imported], dir).status).toBe(0);
      expect(paragraphs(readFileSync(join(dir, DOCX)), 'as-is').slice(0, 3)).toEqual(paragraphs(readFileSync(join(example, DOCX)), 'as-is').slice(0, 3));
    }
  });

  it('reads a place of several words, or with a small word or a dot in it, with or without a time after it', () => {
    for (const [place, time] of [
      ['Palmā de Maljorkā', true],
      ['Sv. Pēterburgā', false],
      ['Lisabonā', false],
    ] as const) {
      let meeting = readFileSync(join(REPO, EXAMPLE_MEETING), 'utf8')
        .replace(/^date: 2021-02-19$/m, `date: 2021-02-19\nplace: { locative: ${place} }`)
        .replace(/^mode: videoconference$/m, 'mode: in-person');
      if (!time) meeting = meeting.replace(/^time: .*\n/m, '');
      const example = exampleProject({ [EXAMPLE_MEETING]: meeting });
      expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
      const dir = emptyProject();
      const run = runCli(['import', join(example, DOCX), '--slug', 'place'], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).not.toContain('Could not place');
      const imported = parseDocument(readFileSync(join(dir, 'meetings/2021-02-19-place.yaml'), 'utf8')).toJS();
      expect(imported).toMatchObject({ place: { locative: place }, topic: 'Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība' });
      expect(imported.time).toBe(time ? '10.00' : undefined);
      if (!time) continue;
      // A report with the time after the place, as briefing wrote it before 6 December 2026 and desk officers write it.
      const parts = unzipSync(readFileSync(join(example, DOCX)));
      const xml = strFromU8(parts['word/document.xml'] ?? new Uint8Array());
      expect(xml).toContain(`plkst.\u00A010.00 ${place} notiks`);
      parts['word/document.xml'] = strToU8(xml.replace(`plkst.\u00A010.00 ${place} notiks`, `${place} plkst.\u00A010.00 notiks`));
      writeFileSync(join(example, 'out/older.docx'), zipSync(parts));
      const older = emptyProject();
      expect(runCli(['import', join(example, 'out/older.docx'), '--slug', 'place'], older).status).toBe(0);
      expect(parseDocument(readFileSync(join(older, 'meetings/2021-02-19-place.yaml'), 'utf8')).toJS()).toMatchObject({ place: { locative: place }, time: '10.00' });
    }
  });

  it('keeps a footnote of two paragraphs one note of two paragraphs, and a quote of two paragraphs one quote', () => {
    const path = 'positions/educ/equity-achievements.yaml';
    const added = '  > Citāta pirmā rindkopa.\n  >\n  > Citāta otrā rindkopa[^divas].\n\n  [^divas]: Piezīmes pirmā rindkopa.\n\n      Piezīmes otrā rindkopa.\n\n';
    const position = readFileSync(join(REPO, path), 'utf8').replace('\n# Clearance by ministry code', `\n${added}# Clearance by ministry code`);
    const example = exampleProject({ [path]: position });
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const dir = emptyProject();
    expect(runCli(['import', join(example, DOCX), '--slug', 'educ-informal'], dir).status).toBe(0);
    const body = String(parseDocument(readFileSync(join(dir, 'positions/educ-informal/educ-informal-1.yaml'), 'utf8')).get('body'));
    expect(body).toContain('> Citāta pirmā rindkopa.\n>\n> Citāta otrā rindkopa[^1].');
    expect(body).toContain('[^1]: Piezīmes pirmā rindkopa.\n\n    Piezīmes otrā rindkopa.');
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    expect(paragraphs(readFileSync(join(dir, DOCX)), 'as-is', 'footnotes')).toEqual(paragraphs(readFileSync(join(example, DOCX)), 'as-is', 'footnotes'));
  });

  it('reads every ministry of the clearance line, those with “un” in their name too (Vides aizsardzības un reģionālās attīstības ministriju)', () => {
    const positions = ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'].map((id) => `positions/educ/${id}.yaml`);
    const varam = '  VARAM:\n    status: cleared\n    date: 2021-02-17\n    ref: "VARAM e-pasts"\n';
    const files = Object.fromEntries(positions.map((path) => [path, readFileSync(join(REPO, path), 'utf8').replace(/^clearance:\n/m, `clearance:\n${varam}`)]));
    const meeting = readFileSync(join(REPO, EXAMPLE_MEETING), 'utf8').replace('required_clearances: [AM, LM]', 'required_clearances: [AM, VARAM, LM]');
    expect(meeting).toContain('[AM, VARAM, LM]');
    const example = exampleProject({ ...files, [EXAMPLE_MEETING]: meeting });
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const dir = emptyProject();
    const run = runCli(['import', join(example, DOCX), '--slug', 'educ-informal'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('not in the ministries registry');
    const imported: Record<string, unknown> = parseDocument(readFileSync(join(dir, EXAMPLE_MEETING), 'utf8')).toJS();
    expect(imported.required_clearances).toEqual(['AM', 'VARAM', 'LM']);
  });

  it('gives the imported meeting a file code of its own when the report’s is taken, and says so (two meetings with one code both fail to build)', () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const run = runCli(['import', join(dir, DOCX), '--slug', 'educ-copy'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`the file code IZMzin_190221_EDUC is already used by ${EXAMPLE_MEETING}: the imported meeting got IZMzin_190221_EDUC_2`);
    const imported: Record<string, unknown> = parseDocument(readFileSync(join(dir, 'meetings/2021-02-19-educ-copy.yaml'), 'utf8')).toJS();
    expect(imported.file_code).toBe('IZMzin_190221_EDUC_2');
    const check = runCli(['check'], dir);
    expect(check.stdout + check.stderr).not.toContain('meeting/duplicate-file-code');
  });

  it('says a report still under review has tracked changes (read as accepted) and comments, and keeps the comments in the meeting file', () => {
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const anna = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
    const path = join(tempDir(), 'report.docx');
    writeFileSync(
      path,
      new WordEdit(readFileSync(join(example, DOCX)))
        .comment('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'Jāsaskaņo ar FM līdz piektdienai', anna)
        .replace('pieslēgumu vēl 150 skolām', '150', '160', anna)
        .bytes(),
    );
    const dir = emptyProject();
    const run = runCli(['import', path], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("note: the report has tracked changes (by Anna Ozola (AM)), read as if all were accepted: check the positions' text, or accept or reject the changes in Word and import again\n");
    expect(run.stdout).toContain("note: the report has a comment, kept at the end of the meeting file: none is in a position's text\n");
    expect(readFileSync(join(dir, 'positions/report/report-2.yaml'), 'utf8')).toContain('vēl 160 skolām');
    expect(readFileSync(join(dir, 'meetings/2021-02-19-report.yaml'), 'utf8')).toMatch(
      /\n# Comments in the report, not imported: act on them, then delete these lines\.\n# {3}Anna Ozola \(AM\), 2021-02-16: Jāsaskaņo ar FM līdz piektdienai\n# {5}at “Tuvākajā laikā prioritāri paredzēts:”\n$/,
    );
    // A report as built says neither.
    expect(runCli(['import', join(example, DOCX)], emptyProject()).stdout).not.toContain('note: the report has');
  });

  it('leaves out a briefing draft’s note, as it leaves out its draft mark, and keeps the report a draft: the ministries the note names are required, none recorded as cleared', () => {
    const file = 'positions/educ/equity-reforms.yaml';
    const example = exampleProject({ [file]: exampleFile(file).replace(/(  LM:\n    status: )cleared/, '$1pending').replace('status: cleared #', 'status: draft #') });
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const path = join(tempDir(), 'report.docx');
    writeFileSync(path, readFileSync(join(example, DOCX)));
    const dir = emptyProject();
    const run = runCli(['import', path], dir);
    expect(run.status, run.stderr).toBe(0);
    // Its sentences were kept "unplaced", as comments at the end of the meeting file, one per position and ministry.
    expect(run.stdout).not.toContain('Could not place');
    expect(readFileSync(join(dir, 'meetings/2021-02-19-report.yaml'), 'utf8')).not.toMatch(/Pozīcija|projekta stadijā/);
    // The clearance line names AM alone (LM had not answered on one position): the draft was imported as cleared by AM,
    // LM no longer required, and built final. The note's LM is required too, and the positions are drafts.
    const meeting: Record<string, unknown> = parseDocument(readFileSync(join(dir, 'meetings/2021-02-19-report.yaml'), 'utf8')).toJS();
    expect(meeting['required_clearances']).toEqual(['AM', 'LM']);
    for (const index of [1, 2, 3]) {
      const position: Record<string, unknown> = parseDocument(readFileSync(join(dir, `positions/report/report-${index}.yaml`), 'utf8')).toJS();
      expect(position).toMatchObject({ status: 'draft', clearance: { AM: { status: 'cleared' } } });
      expect(position['clearance']).not.toHaveProperty('LM');
    }
    expect(run.stdout).toContain(
      'note: the report is a draft: its note names Labklājības ministrija as not having cleared it (in required_clearances, with no clearance recorded: record each request, `briefing clear report-1 report-2 report-3 --ministry LM --pending`, or the answer given), and its positions are drafts',
    );
    // Recorded as the note says, it builds as the draft it was, and --final refuses it.
    expect(runCli(['clear', 'report-1', 'report-2', 'report-3', '--ministry', 'LM', '--pending', '--date', '2021-02-15'], dir).status).toBe(0);
    expect(runCli(['build', '--all'], dir).stdout).toContain('(draft: not every clearance is in place)');
    const final = runCli(['build', '--all', '--final'], dir);
    expect(final.status).toBe(1);
    expect(final.stderr).toContain('is not cleared by Labklājības ministrija (LM)');
  });

  it('keeps a comment thread together at the end of the meeting file: its replies under it, a resolved one marked', () => {
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const anna = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
    const ieva = { author: 'Ieva Kalniņa (IZM)', date: '2021-02-17T08:00:00Z' };
    const peteris = { author: 'Pēteris Liepa (LM)', date: '2021-02-17T10:00:00Z' };
    const path = join(tempDir(), 'report.docx');
    writeFileSync(
      path,
      new WordEdit(readFileSync(join(example, DOCX)))
        .commentThread('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', [
          { text: 'Jāsaskaņo ar FM līdz piektdienai', stamp: anna },
          { text: 'Saskaņots ar FM.', stamp: ieva },
        ], { resolved: true })
        .comment('pieslēgumu vēl 150 skolām', '150', 'Skaitlis jāpārbauda', peteris)
        .bytes(),
    );
    const dir = emptyProject();
    expect(runCli(['import', path], dir).status).toBe(0);
    // The reply was a comment of its own, with nothing to say it answers Anna's, nor that the thread was resolved.
    expect(readFileSync(join(dir, 'meetings/2021-02-19-report.yaml'), 'utf8').split('\n# Comments in the report')[1]).toBe(
      [
        ', not imported: act on them, then delete these lines.',
        '#   Anna Ozola (AM), 2021-02-16: Jāsaskaņo ar FM līdz piektdienai (resolved)',
        '#     at “Tuvākajā laikā prioritāri paredzēts:”',
        '#     reply by Ieva Kalniņa (IZM), 2021-02-17: Saskaņots ar FM.',
        '#   Pēteris Liepa (LM), 2021-02-17: Skaitlis jāpārbauda',
        '#     at “līdz 2021. gada 31. martam nodrošināt jaudīgāku interneta pi…”',
        '',
      ].join('\n'),
    );
  });

  it('refuses position ids a file of another name already claims, writing nothing (two positions with one id fail every meeting using it)', () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    writeFileSync(join(dir, 'positions/educ/educ-copy-2.yaml'), readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8').replace(/^id: .*$/m, 'id: educ-copy-2'));
    const run = runCli(['import', join(dir, DOCX), '--slug', 'educ-copy'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'positions/educ-copy/educ-copy-2.yaml  error  The position id `educ-copy-2` (question 2) is already used by positions/educ/educ-copy-2.yaml; import writes new positions only. Pass another --slug.  import/exists',
    );
    expect(existsSync(join(dir, 'meetings/2021-02-19-educ-copy.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'positions/educ-copy'))).toBe(false);
  });

  it('reads a visa line written in capitals (a ministry’s own template), not as the signature', () => {
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    // The visa line's run holds a tab between two texts, as the compiler writes it: changed in the XML itself.
    const parts = unzipSync(readFileSync(join(example, DOCX)));
    parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml'] ?? new Uint8Array()).replace('>Vīza: valsts sekretāre<', '>VĪZA: valsts sekretāre<'));
    writeFileSync(join(example, 'out/capitals.docx'), zipSync(parts));
    const dir = emptyProject();
    const run = runCli(['import', join(example, 'out/capitals.docx'), '--slug', 'educ-informal'], dir);
    expect(run.status, run.stderr).toBe(0);
    const meeting: Record<string, unknown> = parseDocument(readFileSync(join(dir, EXAMPLE_MEETING), 'utf8')).toJS();
    expect(meeting).toMatchObject({
      signature: { role: 'Izglītības un zinātnes ministre', name: 'I. Šuplinska' },
      visa: { role: 'Valsts sekretāre', name: 'L. Lejiņa' },
    });
  });

  it('reads a question without its question mark or with closing marks after it, a signature with a title, and several tabs', () => {
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const parts = unzipSync(readFileSync(join(example, DOCX)));
    parts['word/document.xml'] = strToU8(
      strFromU8(parts['word/document.xml'] ?? new Uint8Array())
        .replace('panākumus izglītībā?</w:t>', 'panākumus izglītībā.</w:t>')
        .replace('finansējuma sniegtās iespējas?</w:t>', 'finansējuma sniegtās iespējas?”)</w:t>')
        .replace('I. Šuplinska', 'Dr. I. Šuplinska')
        .replace(/(sekretāre<\/w:t>)<w:tab\/>/, '$1<w:tab/><w:tab/><w:tab/>')
        .replace(/<w:t[^>]*>Informatīvā ziņojuma projekts saskaņots ar [^<]*<\/w:t>/, '<w:t></w:t>'),
    );
    writeFileSync(join(example, 'out/edited.docx'), zipSync(parts));
    const dir = emptyProject();
    const run = runCli(['import', join(example, 'out/edited.docx'), '--slug', 'educ-informal'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Could not place');
    const meeting = parseDocument(readFileSync(join(dir, EXAMPLE_MEETING), 'utf8')).toJS() as { questions: unknown[]; signature: unknown; visa: unknown };
    expect(meeting.questions).toHaveLength(3);
    expect(meeting).toMatchObject({ signature: { name: 'Dr. I. Šuplinska' }, visa: { role: 'Valsts sekretāre', name: 'L. Lejiņa' } });
    // The signature lines are not taken into the last answer.
    expect(readFileSync(join(dir, 'positions/educ-informal/educ-informal-3.yaml'), 'utf8')).not.toMatch(/Šuplinska|Lejiņa/);
  });

  it('refuses a --slug that is not a plain name, and writes nothing', () => {
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const dir = emptyProject();
    for (const slug of ['../../evil', 'Foo Bar']) {
      const run = runCli(['import', join(example, DOCX), '--slug', slug], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`--slug: \`${slug}\` is not a usable name`);
    }
    expect(existsSync(join(dir, 'meetings'))).toBe(false);
    expect(existsSync(join(dir, '..', '..', 'evil-1.yaml'))).toBe(false);
  });

  it('takes no name Windows keeps for a device for the positions\' folder: `con.docx` gives con-imported, and --slug nul is refused', () => {
    // import made positions/con/ of a report sent as con.docx: a folder no colleague on Windows could check out.
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const dir = emptyProject();
    const sent = join(tempDir(), 'con.docx');
    writeFileSync(sent, readFileSync(join(example, DOCX)));
    expect(runCli(['import', sent], dir).status).toBe(0);
    expect(readdirSync(join(dir, 'positions'))).toEqual(['con-imported']);
    expect(existsSync(join(dir, 'meetings/2021-02-19-con-imported.yaml'))).toBe(true);
    const run = runCli(['import', join(example, DOCX), '--slug', 'nul'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--slug: `nul` is a name Windows keeps for a device: a colleague on Windows could not check out the folder positions/nul/ the positions go in.');
    expect(run.stderr).toContain('For example: --slug nul-informal');
    expect(existsSync(join(dir, 'positions/nul'))).toBe(false);
  });

  it('takes no name Windows keeps for a device when it cuts a long file name short: `aux-<a 45-letter word>.docx` gives aux-imported', () => {
    // The name was checked before it was cut: the cut at its last dash within 40 letters left positions/aux/.
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const dir = emptyProject();
    const sent = join(tempDir(), `aux-${'a'.repeat(45)}.docx`);
    writeFileSync(sent, readFileSync(join(example, DOCX)));
    expect(runCli(['import', sent], dir).status).toBe(0);
    expect(readdirSync(join(dir, 'positions'))).toEqual(['aux-imported']);
  });

  it('refuses a DOCX whose word/document.xml is damaged, naming the part, line and column (exit 1, nothing written)', () => {
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const bytes = new WordEdit(readFileSync(join(example, DOCX))).unclosedParagraph().bytes();
    const dir = emptyProject();
    writeFileSync(join(dir, 'damaged.docx'), bytes);
    const xml = part(docxParts(bytes), 'word/document.xml');
    const [line, column] = placeOf(xml, xml.indexOf('</w:body>') + '</w:body>'.length);
    const run = runCli(['import', 'damaged.docx'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `damaged.docx  error  This DOCX is damaged: its word/document.xml is not well-formed XML at line ${line}, column ${column} (unexpected close tag). Open the file in Word and save it again (Word repairs what it can), or ask the sender for the file again.  import/not-a-report\n`,
    );
    expect(existsSync(join(dir, 'meetings'))).toBe(false);
  });

  it('says a missing DOCX or a folder in plain words, with what to do (exit 2), for review as for import', () => {
    const dir = exampleProject();
    for (const command of ['review', 'import']) {
      expect(runCli([command, 'nowhere.docx'], dir)).toMatchObject({ status: 2, stderr: 'briefing: nowhere.docx: no such file.\n  Check the path; paths are relative to the current folder.\n' });
      expect(runCli([command, 'positions'], dir)).toMatchObject({ status: 2, stderr: 'briefing: positions: is a folder, not a file.\n  Give the path of a file, not of a folder.\n' });
      // A pattern that matched nothing, which the shell passed on as it is.
      expect(runCli([command, 'atbildes/*.docx'], dir)).toMatchObject({
        status: 2,
        stderr: 'briefing: atbildes/*.docx: no file matches this pattern.\n  This command takes one file: name it, e.g. with Tab, which completes the names there are.\n',
      });
    }
  });

  it('refuses speaking points and the English note, saying which report it reads', () => {
    const example = exampleProject();
    for (const template of ['speaking-points.lv', 'informative-report.en']) {
      expect(runCli(['build', EXAMPLE_MEETING, '--template', template, '--format', 'docx'], example).status).toBe(0);
      const run = runCli(['import', join(example, `out/IZMzin_190221_EDUC.${template}.docx`)], emptyProject());
      expect(run.status).toBe(1);
      expect(run.stdout + run.stderr).toContain('Speaking points and the English note are not read back: import the informative report of the same meeting.');
    }
  });

  it('tells what it could not place, and refuses a file that is no report', () => {
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const edited = new WordEdit(readFileSync(join(example, DOCX))).paragraphAfter('saskaņots ar', 'Pielikumā: pasākumu saraksts.');
    const path = join(tempDir(), 'IZMzin_190221_EDUC.docx');
    writeFileSync(path, edited.bytes());
    const dir = emptyProject();
    const run = runCli(['import', path], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('created meetings/2021-02-19-izmzin-190221-educ.yaml');
    expect(run.stdout).toContain('Could not place (kept whole as comments at the end of meetings/2021-02-19-izmzin-190221-educ.yaml):\n  “Pielikumā: pasākumu saraksts.”');

    const notReport = runCli(['import', join(dir, 'briefing.config.yaml')], dir);
    expect(notReport.status).toBe(1);
    expect(notReport.stderr).toContain('import/not-a-report');
    const again = runCli(['import', path], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('import/exists');
  });
});

describe('briefing import of answers with numbers at the start of a paragraph', () => {
  it('keeps "12. panta …" and "3. februārī …" in the answer: no question asks anything there', () => {
    const position = 'positions/educ/equity-reforms.yaml';
    const example = exampleProject();
    const text = readFileSync(join(example, position), 'utf8');
    writeFileSync(join(example, position), text.replace(/^body: \|\n/m, 'body: |\n  12\\. panta pirmā daļa nosaka, ka skolām jānodrošina atbalsts.\n\n  3. februārī ministri tikās vēlreiz.\n\n'));
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const dir = emptyProject();
    const run = runCli(['import', join(example, DOCX), '--slug', 'educ-informal'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(dir, 'positions/educ-informal')).sort()).toEqual(['educ-informal-1.yaml', 'educ-informal-2.yaml', 'educ-informal-3.yaml']);
    const body = String(parseDocument(readFileSync(join(dir, 'positions/educ-informal/educ-informal-2.yaml'), 'utf8')).toJS().body);
    expect(body).toContain('panta pirmā daļa nosaka');
    expect(body).toContain('februārī ministri tikās vēlreiz.');
    // Built again, the two stay paragraphs with their own numbers.
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    expect(paragraphs(readFileSync(join(dir, DOCX)), 'as-is')).toEqual(paragraphs(readFileSync(join(example, DOCX)), 'as-is'));
  });
});

describe('briefing import of reports written in Word or LibreOffice, not by briefing', () => {
  /** A flat ODT of the fixtures made into a DOCX by LibreOffice, as a ministry's own report would be. */
  function docxOf(fixture: string): string {
    const out = tempDir();
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(out, 'profile')}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, join(REPO, 'test/fixtures/import', `${fixture}.fodt`)], { stdio: 'ignore' });
    return join(out, `${fixture}.docx`);
  }

  itWithOffice('takes questions numbered 1), keeps an answer’s own "1." list and a paragraph with a tab in the answer', () => {
    const dir = exampleProject();
    const run = runCli(['import', docxOf('questions-paren-list-tab'), '--slug', 'paren'], dir);
    expect(run.status, run.stderr).toBe(0);
    const meeting = parseDocument(readFileSync(join(dir, 'meetings/2022-04-05-paren.yaml'), 'utf8')).toJS() as { questions: { text: string; position: string }[] };
    expect(meeting.questions.map((q) => q.text)).toEqual(['Kādi ir nozīmīgākie sasniegumi izglītībā?', 'Kādi pasākumi ir nepieciešami?', 'Kā ES sadarbība var palīdzēt?']);
    const second = readFileSync(join(dir, 'positions/paren/paren-2.yaml'), 'utf8');
    expect(second).toContain('1) pirmais pasākums;');
    expect(second).toContain('šeit turpinās.');
    expect(run.stdout).not.toContain('Could not place');
  });

  itWithOffice('reads formation and presidency from the keywords of the example’s DOCX saved again by LibreOffice (which drops their commas)', () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'docx'], dir).status).toBe(0);
    const out = tempDir();
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(out, 'profile')}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, join(dir, 'out/IZMzin_190221_EDUC.docx')], { stdio: 'ignore' });
    rmSync(join(dir, 'meetings'), { recursive: true });
    rmSync(join(dir, 'positions'), { recursive: true });
    const run = runCli(['import', join(out, 'IZMzin_190221_EDUC.docx'), '--slug', 'saved'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/Not found in the report.*(formation|presidency)/);
    expect(parseDocument(readFileSync(join(dir, 'meetings/2021-02-19-saved.yaml'), 'utf8')).toJS()).toMatchObject({ formation: 'EYCS', presidency: 'Portugāle' });
  });

  itWithOffice('takes the file code out of a footer with more words in it', () => {
    const dir = exampleProject();
    const run = runCli(['import', docxOf('footer-with-words'), '--slug', 'footer'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'meetings/2022-04-05-footer.yaml'), 'utf8')).toMatch(/^file_code: IZMzin_050422_EDUC$/m);
  });
});
