import { cpSync, lstatSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, REPO, runCli, tempDir } from '../helpers/project.js';
import { claimUnpackedSize, convertWithOffice, docxParts, itWithOffice, part, placeOf } from '../helpers/docx.js';
import { OfficeEdit } from '../helpers/office-edit.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const REPO_POSITIONS = join(REPO, 'positions/educ');
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
/** Anna's stamp as LibreOffice records it, without a zone. */
const ANNA_IN_OFFICE = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00' };

function built(): string {
  const dir = exampleProject();
  const build = runCli(['build', EXAMPLE_MEETING], dir);
  expect(build.status, build.stderr).toBe(0);
  return dir;
}

function position(dir: string, id: string): { text: string; data: Record<string, unknown> } {
  const text = readFileSync(join(dir, `positions/educ/${id}.yaml`), 'utf8');
  return { text, data: parseDocument(text).toJS() };
}

/** The edits a reviewer makes in Word: a reworded phrase, a comment, a bold word, a split paragraph. */
function reviewed(dir: string): string {
  const edit = new WordEdit(readFileSync(join(dir, DOCX)))
    .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
    .comment('Digitālo risinājumu ieviešana', 'Digitālo risinājumu', 'Lūdzam precizēt, kuri risinājumi domāti.', ANNA)
    .bold('Tikpat svarīgi ir stiprināt', 'svarīgi', ANNA)
    .splitParagraph('Tāpēc Latvija turpinās', 'Tāpēc', ANNA);
  const path = join(dir, 'out/reviewed.docx');
  writeFileSync(path, edit.bytes());
  return path;
}

describe('briefing review', () => {
  it('lists each change under its position with the reviewer, date and comments', () => {
    const dir = built();
    const path = reviewed(dir);
    const run = runCli(['review', path], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('position equity-reforms v2 (positions/educ/equity-reforms.yaml) body');
    expect(run.stdout).toContain('Anna Ozola (AM), 2021-02-16');
    expect(run.stdout).toContain('Tuvākajā laikā [-prioritāri-]{+vispirms+} paredzēts:');
    expect(run.stdout).toContain('comment by Anna Ozola (AM), 2021-02-16: Lūdzam precizēt, kuri risinājumi domāti.');
    expect(run.stdout).not.toContain('equity-achievements');
    // Listing writes nothing.
    expect(position(dir, 'equity-reforms').data.version).toBe(2);
  });

  it('--accept writes exactly the accepted text as a new version and records the clearance, keeping comments', () => {
    const dir = built();
    const before = position(dir, 'equity-reforms');
    const path = reviewed(dir);
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    const after = position(dir, 'equity-reforms');
    expect(after.data.version).toBe(3);
    const oldBody = String(before.data.body);
    const expected = oldBody
      .replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajā laikā vispirms paredzēts:')
      .replace('Tikpat svarīgi ir', 'Tikpat **svarīgi** ir')
      .replace(/ Tāpēc Latvija turpinās/, '\n\nTāpēc Latvija turpinās');
    expect(normaliseWrap(String(after.data.body))).toBe(normaliseWrap(expected));
    // Untouched paragraphs keep their Markdown exactly, line breaks and link included.
    expect(String(after.data.body)).toContain('\n   vietnē [skoluinternets.lv](https://skoluinternets.lv));\n');
    expect(after.data.clearance).toMatchObject({ AM: { status: 'objected', date: '2021-02-16', version: 3, note: 'Lūdzam precizēt, kuri risinājumi domāti.' } });
    // The record is the reviewed file, not the e-mail of AM's earlier clearance.
    expect(after.data.clearance).toMatchObject({ AM: { ref: `briefing review of ${basename(path)}` } });
    // LM cleared version 2, not the changed text: its clearance stays on record, for version 2, and no longer counts.
    expect(after.data.clearance).toMatchObject({ LM: { status: 'cleared', date: '2021-02-17', version: 2 } });
    // Comments of the file stay; the other positions are untouched.
    expect(after.text).toContain('# Clearance by ministry code (see ministries.yaml).');
    expect(after.text).toContain('status: cleared # draft while negotiated');
    expect(position(dir, 'equity-achievements').text).toBe(readFileSync(join(dir, 'positions/educ/equity-achievements.yaml'), 'utf8'));
    // The accepted positions still build.
    expect(runCli(['check'], dir).status).not.toBe(2);
  });

  it('--accept --cleared records a clearance; a comment alone leaves pending without --cleared', () => {
    const dir = built();
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).comment('Digitālo risinājumu ieviešana', 'Digitālo risinājumu', 'Labi.', { author: 'Pēteris Liepa (LM)', date: '2021-02-18T10:00:00Z' });
    const path = join(dir, 'out/lm.docx');
    writeFileSync(path, edit.bytes());
    expect(runCli(['review', path, '--accept'], dir).status).toBe(0);
    const pending = position(dir, 'equity-reforms').data;
    expect(pending.version).toBe(2);
    expect(pending.clearance).toMatchObject({ LM: { status: 'pending', note: 'Labi.' } });
    const again = built();
    const copy = join(again, 'out/lm.docx');
    writeFileSync(copy, edit.bytes());
    expect(runCli(['review', copy, '--accept', '--cleared'], again).status).toBe(0);
    expect(position(again, 'equity-reforms').data.clearance).toMatchObject({ LM: { status: 'cleared', date: '2021-02-18' } });
  });

  it('--accept writes a change to the meeting’s background into the meeting file, without a clearance', () => {
    const dir = built();
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).replace('Visvairāk cietuši izglītojamie', 'Visvairāk', 'Vissmagāk', ANNA);
    const path = join(dir, 'out/background.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('meeting meetings/2021-02-19-educ-informal.yaml background');
    const meeting = readFileSync(join(dir, EXAMPLE_MEETING), 'utf8');
    expect(meeting).toContain('iepriekš. Vissmagāk cietuši izglītojamie');
    expect(meeting).toContain("# Markdown. The desk officer's summary");
    expect(meeting).toContain('  [^1]: Eiropas Komisijas 2020. gada 30. septembra paziņojums');
    expect(position(dir, 'equity-reforms').text).toBe(readFileSync(join(REPO_POSITIONS, 'equity-reforms.yaml'), 'utf8'));
  });

  it('reads an untouched report as unchanged, and keeps a paragraph that starts with a year as written', () => {
    const dir = built();
    const untouched = runCli(['review', join(dir, DOCX)], dir);
    expect(untouched.status, untouched.stderr).toBe(0);
    expect(untouched.stdout).toContain('no tracked changes or comments');
    const original = readFileSync(join(dir, EXAMPLE_MEETING), 'utf8');
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).replace('Visvairāk cietuši izglītojamie', 'Visvairāk', 'Vissmagāk', ANNA);
    const path = join(dir, 'out/background.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('edited without track changes');
    const yearParagraph = original.slice(original.indexOf('  2020. gada 30. septembrī'), original.indexOf('\n\n', original.indexOf('  2020. gada 30. septembrī')));
    expect(readFileSync(join(dir, EXAMPLE_MEETING), 'utf8')).toContain(yearParagraph);
  });

  it('reads a report with items that have no text first (empty, or a list first) as unchanged, and --accept keeps them as written', () => {
    const dir = exampleProject();
    const file = join(dir, 'positions/educ/equity-achievements.yaml');
    const first = '  1) pāreju uz kompetencēs balstītu mācību saturu un pieeju;\n';
    const items = '  2)\n  3) - skolām;\n     - pašvaldībām.\n  4)\n     - vecākiem;\n';
    const text = readFileSync(file, 'utf8').replace(first, first + items).replace('  2) pedagogu', '  5) pedagogu').replace('  3) mērķtiecīgu', '  6) mērķtiecīgu');
    writeFileSync(file, text);
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const untouched = runCli(['review', join(dir, DOCX)], dir);
    expect(untouched.status, untouched.stderr).toBe(0);
    expect(untouched.stdout).toContain('no tracked changes or comments');
    // A comment on the field alone: the field is read, and its text is what it was.
    const commented = join(dir, 'out/commented.docx');
    writeFileSync(commented, new WordEdit(readFileSync(join(dir, DOCX))).comment('Pandēmijas laikā attālināto', 'attālināto', 'Labi.', ANNA).bytes());
    const listed = runCli(['review', commented], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain('without track changes');
    expect(listed.stdout).not.toMatch(/\{\+|\[-/);
    expect(runCli(['review', commented, '--accept'], dir).status).toBe(0);
    expect(position(dir, 'equity-achievements').data.body).toBe(parseDocument(text).toJS().body);
    // A word changed in another paragraph (of the report built again): the items are written back as they were.
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const edited = join(dir, 'out/edited.docx');
    writeFileSync(edited, new WordEdit(readFileSync(join(dir, DOCX))).replace('Pandēmijas laikā attālināto', 'attālināto', 'tālmācības', ANNA).bytes());
    const accepted = runCli(['review', edited, '--accept'], dir);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).not.toContain('without track changes');
    const body = String(position(dir, 'equity-achievements').data.body);
    const expected = String(parseDocument(text).toJS().body).replace('Pandēmijas laikā attālināto', 'Pandēmijas laikā tālmācības');
    expect(normaliseWrap(body)).toBe(normaliseWrap(expected));
    // The changed paragraph is wrapped anew; every other block is as written.
    const others = (markdown: string) => markdown.split('\n\n').filter((block) => !block.startsWith('Pandēmijas'));
    expect(others(body)).toEqual(others(expected));
    expect(body).toContain(`pieeju;\n${items.replace(/^ {2}/gm, '')}5) pedagogu`);
    // Text typed after an item's number alone becomes the item's text, before the list it starts with.
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const typed = join(dir, 'out/typed.docx');
    writeFileSync(typed, new WordEdit(readFileSync(join(dir, DOCX))).typeIntoNext('pāreju uz kompetencēs', 'otrais punkts;', ANNA).typeIntoNext('otrais punkts;', 'skolām un pašvaldībām:', ANNA).bytes());
    expect(runCli(['review', typed], dir).stdout).not.toContain('without track changes');
    expect(runCli(['review', typed, '--accept'], dir).status).toBe(0);
    expect(String(position(dir, 'equity-achievements').data.body)).toContain(
      'pieeju;\n2) otrais punkts;\n3) skolām un pašvaldībām:\n   - skolām;\n   - pašvaldībām.\n4)\n   - vecākiem;\n5) pedagogu',
    );
  });

  it('reads a report built from decomposed letters (NFD) as unchanged: the reviewer’s Word text is the composed one', () => {
    const ids = ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'];
    const files = Object.fromEntries(ids.map((id) => [`positions/educ/${id}.yaml`, readFileSync(join(REPO_POSITIONS, `${id}.yaml`), 'utf8').normalize('NFD')]));
    const dir = exampleProject(files);
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const run = runCli(['review', join(dir, DOCX), '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('without track changes');
    expect(run.stdout).toContain('no tracked changes or comments');
    // Nothing to accept: no answer rewritten in composed letters, no version raised, no clearance touched.
    for (const id of ids) expect(position(dir, id).text).toBe(files[`positions/educ/${id}.yaml`]);
  });

  it('--accept of a tracked edit in a position written with decomposed letters (NFD) changes only the edited line, in the file’s letters', () => {
    const file = 'positions/educ/equity-reforms.yaml';
    const written = readFileSync(join(REPO_POSITIONS, 'equity-reforms.yaml'), 'utf8').normalize('NFD');
    const dir = exampleProject({ [file]: written });
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA);
    const path = join(dir, 'out/reviewed.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    const after = position(dir, 'equity-reforms').text.split('\n');
    const before = written.split('\n');
    // The body's other lines are as they were, byte for byte: every one of them was rewritten composed.
    const body = (lines: string[]) => lines.slice(lines.indexOf('body: |'), lines.findIndex((line) => line.startsWith('# Clearance')));
    const changed = body(after).filter((line, index) => line !== body(before)[index]);
    expect(changed).toEqual(['  Tuvākajā laikā vispirms paredzēts:'.normalize('NFD')]);
  });

  it('keeps the footnote references of a field edited without track changes', () => {
    const dir = built();
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).untracked('Eiropas Komisija publicēja paziņojumu', 'publicēja', 'izdeva');
    const path = join(dir, 'out/untracked.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('a footnote the reviewer added');
    const meeting = readFileSync(join(dir, EXAMPLE_MEETING), 'utf8');
    expect(meeting).toContain('Eiropas Komisija izdeva paziņojumu');
    expect(meeting).toMatch(/2025\.\s+gadam\[\^1\]/);
  });

  it("deletes a footnote's definition with its only mark, and lists the note as deleted (Word deletes the note with its mark)", () => {
    const dir = built();
    const path = join(dir, 'out/note-mark.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).deleteFootnoteMark('1', ANNA).bytes());
    const listed = runCli(['review', path], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('[-[^1]: Eiropas Komisijas 2020. gada 30. septembra paziņojums');
    expect(listed.stdout).toContain('note: footnote [^1]: the reviewer deleted its mark, so its definition is deleted too');
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    const meeting = readFileSync(join(dir, EXAMPLE_MEETING), 'utf8');
    expect(meeting).not.toMatch(/gadam\[\^1\]|^ {2}\[\^1\]:/m);
    expect(meeting).toContain('Eiropas Komisija publicēja paziņojumu');
    const check = runCli(['check'], dir);
    expect(check.stdout + check.stderr).not.toContain('markdown/unused-footnote');
  });

  it('reads text one reviewer inserted and another deleted as no change at all', () => {
    const dir = built();
    const before = position(dir, 'equity-reforms');
    const edit = new WordEdit(readFileSync(join(dir, DOCX)))
      .insertedThenDeleted('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'ļoti ', ANNA, { author: 'Jānis Bērziņš (AM)', date: '2021-02-17T08:00:00Z' })
      .replace('Tikpat svarīgi ir stiprināt', 'svarīgi', 'būtiski', ANNA);
    const path = join(dir, 'out/nested.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('edited without track changes');
    const body = String(position(dir, 'equity-reforms').data.body);
    expect(body).toBe(String(before.data.body).replace('Tikpat svarīgi ir stiprināt', 'Tikpat būtiski ir stiprināt'));
  });

  it('keeps the Markdown of a paragraph the reviewer only added a new list item after, and numbers the items anew', () => {
    const dir = built();
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).insertParagraphAfter('vietnē ', 'nodrošināt skolām datu aizsardzības konsultācijas;', ANNA);
    const path = join(dir, 'out/item.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    const body = String(position(dir, 'equity-reforms').data.body);
    expect(body).toContain('   vietnē [skoluinternets.lv](https://skoluinternets.lv));\n2) nodrošināt skolām datu aizsardzības konsultācijas;\n3) no REACT-EU');
    expect(body).toContain('\n5) paplašināt video stundu');
  });

  it('takes a paragraph added after the last of a position (Enter at its end) as the position’s, though the bookmark ends before it', () => {
    const dir = built();
    const before = String(position(dir, 'equity-reforms').data.body);
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).insertParagraphAfter('kuras kvalitatīvu izglītību nodrošinās arī nākotnē.', 'Latvija atbalstīs arī pašvaldību sadarbību.', ANNA);
    const path = join(dir, 'out/last.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Not applicable');
    expect(run.stdout).toContain('{+Latvija atbalstīs arī pašvaldību sadarbību.+}');
    expect(String(position(dir, 'equity-reforms').data.body)).toBe(`${before}\nLatvija atbalstīs arī pašvaldību sadarbību.\n`);
  });

  itWithOffice('takes a paragraph added after the last of a position in LibreOffice Writer, changes recorded', () => {
    const dir = built();
    const before = String(position(dir, 'equity-reforms').data.body);
    const saved = new OfficeEdit(join(dir, DOCX))
      .paragraphAfter('kuras kvalitatīvu izglītību nodrošinās arī nākotnē.<text:bookmark-end text:name="_Bf3"/></text:p>', 'Latvija atbalstīs arī pašvaldību sadarbību.', ANNA_IN_OFFICE)
      .save();
    const run = runCli(['review', saved, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Not applicable');
    expect(String(position(dir, 'equity-reforms').data.body)).toBe(`${before}\nLatvija atbalstīs arī pašvaldību sadarbību.\n`);
  });

  itWithOffice('takes a paragraph added before the first of a position in LibreOffice Writer (Enter at its start), changes recorded', () => {
    const dir = built();
    const before = String(position(dir, 'equity-reforms').data.body);
    const saved = new OfficeEdit(join(dir, DOCX)).paragraphBefore('<text:p text:style-name="Standard"><text:bookmark-start text:name="_Bf3"/>', 'Latvija rīkosies mērķtiecīgi.', ANNA_IN_OFFICE).save();
    const run = runCli(['review', saved, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Not applicable');
    expect(String(position(dir, 'equity-reforms').data.body)).toBe(`Latvija rīkosies mērķtiecīgi.\n\n${before}`);
  });

  itWithOffice('reads formatting LibreOffice changed with track changes on, which it records without the formatting before, against the field’s: a colour alone is no change', () => {
    const dir = built();
    const reforms = String(position(dir, 'equity-reforms').data.body);
    const cooperation = String(position(dir, 'equity-eu-cooperation').data.body);
    const saved = new OfficeEdit(join(dir, DOCX))
      // Italic on a word of a bold phrase: it was bold before, not plain.
      .format('<text:span text:style-name="T1">koncentrēt investīcijās ar ilgtermiņa ietekmi</text:span>', 'investīcijās', 'briefing-italic', 'fo:font-style="italic"', ANNA_IN_OFFICE)
      // A colour alone on bold words: no change Markdown writes.
      .format('<text:span text:style-name="T1">neradot nesamērīgu administratīvo slogu</text:span>', 'administratīvo', 'briefing-red', 'fo:color="#ff0000"', ANNA_IN_OFFICE)
      // Italic taken off a word: it was italic before, as the field says.
      .format('<text:span text:style-name="T2">savlaicīgs un individuāls</text:span>', 'individuāls', 'briefing-upright', 'fo:font-style="normal"', ANNA_IN_OFFICE)
      .save();
    const run = runCli(['review', saved, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('edited without track changes');
    expect(run.stdout.match(/formatting changed: “investīcijās”/g)).toHaveLength(1);
    expect(String(position(dir, 'equity-reforms').data.body)).toBe(
      reforms.replace('**koncentrēt investīcijās ar ilgtermiņa\nietekmi**', '**koncentrēt** ***investīcijās*** **ar\nilgtermiņa ietekmi**'),
    );
    // The colour is no change: the position is not listed, and AM's clearance stays as it was.
    expect(run.stdout).not.toContain('administratīvo');
    expect(run.stdout).not.toContain('equity-eu-cooperation');
    expect(position(dir, 'equity-eu-cooperation').data).toMatchObject({ version: 2, body: cooperation, clearance: { AM: { status: 'cleared', date: '2021-02-12' } } });
    expect(String(position(dir, 'equity-achievements').data.body)).toContain('vislabākos rezultātus dod *savlaicīgs un* individuāls atbalsts');
  });

  it('does not lose an edit made without track changes: it is listed and accepted like a tracked one', () => {
    const dir = built();
    const docx = readFileSync(join(dir, DOCX));
    const edit = new WordEdit(docx).untracked('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms');
    const path = join(dir, 'out/untracked.docx');
    writeFileSync(path, edit.bytes());
    const list = runCli(['review', path], dir);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('Tuvākajā laikā [-prioritāri-]{+vispirms+} paredzēts:');
    expect(list.stdout).toContain('edited without track changes');
    // No tracked change, so nobody to name: the field's title is followed by the diff, not an empty author line.
    expect(list.stdout).toContain('position equity-reforms v2 (positions/educ/equity-reforms.yaml) body\n  Tuvākajā laikā [-prioritāri-]');
    // The ministry code in any case, as clear takes it.
    expect(runCli(['review', path, '--accept', '--ministry', 'am'], dir).status).toBe(0);
    const after = position(dir, 'equity-reforms').data;
    expect(after.version).toBe(3);
    expect(String(after.body)).toContain('Tuvākajā laikā vispirms paredzēts:');
    expect(after.clearance).toMatchObject({ AM: { status: 'objected' } });
  });

  it('an edit without track changes rewrites only its paragraph: every other line of the field and the file stays as written', () => {
    const dir = built();
    const before = position(dir, 'equity-reforms').text;
    const path = join(dir, 'out/untracked.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).untracked('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms').bytes());
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    const after = position(dir, 'equity-reforms').text;
    // Up to the clearances, only the version and the edited line; from the speaking points on, nothing.
    const upTo = (text: string) => text.slice(0, text.indexOf('# Clearance by ministry'));
    const from = (text: string) => text.slice(text.indexOf('# Short points'));
    expect(upTo(after)).toBe(upTo(before).replace('version: 2', 'version: 3').replace('  Tuvākajā laikā prioritāri paredzēts:\n', '  Tuvākajā laikā vispirms paredzēts:\n'));
    expect(from(after)).toBe(from(before));
    expect(run.stdout).toContain('the paragraphs whose text or formatting changed were written anew');
  });

  it('an edit without track changes inside a list item rewrites only that item: the other items and paragraphs keep their lines', () => {
    const dir = built();
    const before = position(dir, 'equity-reforms').text;
    const path = join(dir, 'out/untracked.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).untracked('novirzīt vairāk nekā 10 milj.', 'vairāk', 'krietni vairāk').bytes());
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('novirzīt {+krietni +}vairāk');
    const after = position(dir, 'equity-reforms').text;
    const upTo = (text: string) => text.slice(0, text.indexOf('# Clearance by ministry'));
    expect(upTo(after)).toBe(upTo(before).replace('version: 2', 'version: 3').replace('  2) no REACT-EU līdzekļiem novirzīt vairāk nekā', '  2) no REACT-EU līdzekļiem novirzīt krietni vairāk nekā'));
  });

  it('shows a comment LibreOffice wrote without a real date (0-00-00) without a date, and --accept dates it today', () => {
    const dir = built();
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).comment('Digitālo risinājumu ieviešana', 'Digitālo risinājumu', 'Labi.', { author: 'Pēteris Liepa (LM)', date: '0-00-00T00:00:00Z' });
    const path = join(dir, 'out/undated.docx');
    writeFileSync(path, edit.bytes());
    const list = runCli(['review', path], dir);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('position equity-reforms v2 (positions/educ/equity-reforms.yaml) body\n  Pēteris Liepa (LM)\n  comment by Pēteris Liepa (LM): Labi.\n');
    expect(list.stdout).not.toContain('0-00');
    expect(runCli(['review', path, '--accept'], dir).status).toBe(0);
    expect(position(dir, 'equity-reforms').data.clearance).toMatchObject({ LM: { status: 'pending', date: expect.stringMatching(/^20\d\d-\d\d-\d\d$/), note: 'Labi.' } });
  });

  it('--accept asks for --ministry when the authors name no ministry or several (exit 2, nothing written)', () => {
    const dir = built();
    const edit = new WordEdit(readFileSync(join(dir, DOCX)))
      .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
      .comment('Digitālo risinājumu ieviešana', 'Digitālo risinājumu', 'Piekrītam.', { author: 'Pēteris Liepa (LM)', date: '2021-02-18T10:00:00Z' });
    const path = join(dir, 'out/two.docx');
    writeFileSync(path, edit.bytes());
    const before = position(dir, 'equity-reforms').text;
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "briefing: The authors of the changes and comments name several ministries (AM, LM): a review records one ministry's answer.\n  Accept one ministry's review at a time: --ministry AM, then --ministry LM --rebase (the changes are written once, each ministry's answer recorded).\n",
    );
    expect(position(dir, 'equity-reforms').text).toBe(before);
    // Named, LM's comment is still LM's: said, and not recorded as AM's.
    const named = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(named.status, named.stderr).toBe(0);
    expect(named.stderr).toContain("Some changes or comments are by reviewers of LM: their changes are written with AM's, but recorded as no ministry's answer yet");
    expect(position(dir, 'equity-reforms').data.clearance).toMatchObject({ AM: { status: 'objected', date: '2021-02-16' } });
    expect(position(dir, 'equity-reforms').text).not.toContain('Piekrītam.');
    // No ministry named at all.
    const fresh = built();
    const nobody = join(fresh, 'out/nobody.docx');
    writeFileSync(nobody, new WordEdit(readFileSync(join(fresh, DOCX))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', { author: 'Anna', date: '2021-02-16T09:30:00Z' }).bytes());
    expect(runCli(['review', nobody, '--accept'], fresh).stderr).toContain('Cannot tell which ministry reviewed the report: no author of a change or comment names one.');
  });

  it('a change to a position deleted since the build is refused with what can be done, not with --rebase, which cannot help', () => {
    const dir = built();
    const path = reviewed(dir);
    rmSync(join(dir, 'positions/educ/equity-reforms.yaml'));
    for (const args of [[], ['--rebase']]) {
      const run = runCli(['review', path, ...args], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('positions/educ/equity-reforms.yaml  error  The position equity-reforms the reviewer changed is no longer in the project. Bring the position back (git log -- <file> shows where it went), or carry the reviewer’s changes over by hand.  review/changed-since-build');
      expect(run.stderr).not.toContain('--rebase');
    }
  });

  it('a change to a position renamed with a new id since the last commit (git mv) names its file and id now, not a file to bring back', () => {
    const dir = built();
    initRepository(dir);
    const path = reviewed(dir);
    const file = 'positions/educ/equity-reforms.yaml';
    const renamed = 'positions/educ/equity-investments.yaml';
    git(dir, ['mv', file, renamed]);
    writeFileSync(join(dir, renamed), readFileSync(join(dir, renamed), 'utf8').replace(/^id: equity-reforms$/m, 'id: equity-investments'));
    const run = runCli(['review', path], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${file}  error  The position equity-reforms the reviewer changed is no longer in the project. ${file} was renamed to ${renamed} since git HEAD, and its id is now \`equity-investments\`: carry the reviewer’s changes over to it by hand, or build the report again and send it for review.  review/changed-since-build`,
    );
    expect(run.stderr).not.toContain('Bring the position back');
  });

  it('a change to a position deleted in a commit names that commit and the command that brings the file back, as meeting/unknown-position does', () => {
    const file = 'positions/educ/equity-reforms.yaml';
    for (const sub of ['', 'briefings']) {
      // The project alone in its repository, or in a folder of a larger one: the command runs in the project.
      const repo = tempDir();
      const dir = join(repo, sub);
      cpSync(built(), dir, { recursive: true });
      initRepository(repo);
      const path = reviewed(dir);
      git(dir, ['rm', '-q', file]);
      git(dir, ['commit', '-q', '-m', 'merged away'], { author: 'Jānis Bērziņš', date: '2021-02-17T10:00:00Z' });
      const hash = git(dir, ['rev-parse', '--short', 'HEAD']).trim();
      const run = runCli(['review', path], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `${file}  error  The position equity-reforms the reviewer changed is no longer in the project. ${file} was deleted in commit ${hash} (Jānis Bērziņš, 2021-02-17): \`git checkout ${hash}^ -- ${file}\` brings it back; or carry the reviewer’s changes over by hand.  review/changed-since-build`,
      );
      // That command does bring it back.
      git(dir, ['checkout', `${hash}^`, '--', file]);
      expect(runCli(['review', path], dir).stderr).not.toContain('no longer in the project');
    }
  });

  it('--cleared without --accept is a usage error (exit 2), not a listing that records nothing', () => {
    const dir = built();
    reviewed(dir);
    const run = runCli(['review', 'out/reviewed.docx', '--cleared', '--ministry', 'AM'], dir);
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: 'briefing: --cleared records a clearance, which only --accept does.\n  Add --accept: briefing review out/reviewed.docx --accept --ministry AM --cleared\n' });
    // The hint's command, as pasted, records the clearance.
    expect(runCli(['review', 'out/reviewed.docx', '--accept', '--cleared', '--ministry', 'AM'], dir).status).toBe(0);
  });

  it('--accept says that a comment on a question (outside every position) was not recorded, and takes its author’s ministry', () => {
    const dir = built();
    const path = join(dir, 'out/question-comment.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).comment('Kādi pasākumi un reformas', 'Kādi pasākumi', 'Atbilde nav saskaņota.', ANNA).bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('A comment outside the positions (on the meeting’s text, a question, the title or the clearance line) was not recorded in any file.');
  });

  it('lists edits outside every position as not applicable', () => {
    const dir = built();
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).replace('Informatīvais ziņojums par', 'ziņojums', 'ziņojumu', ANNA);
    const path = join(dir, 'out/title.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Not applicable');
    expect(run.stdout).toContain('“Informatīvais [-ziņojums-]{+ziņojumu+} par');
  });

  it('says a redline of the meeting from briefing diff is one, not a report of the speaking points whose changes are a reviewer’s', () => {
    const dir = built();
    const other = join(tempDir(), 'meeting.yaml');
    writeFileSync(other, readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace('Portugāles prezidentūra neformālo', 'Portugāles prezidentūra oficiālo'));
    const redline = join(dir, 'out/meeting-redline.docx');
    const diff = runCli(['diff', EXAMPLE_MEETING, other, '--format', 'docx', '--out', redline], dir);
    expect(diff.status, diff.stderr).not.toBe(2);
    const run = runCli(['review', redline], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('review/no-anchors');
    expect(run.stderr).toContain('it is a redline from `briefing diff`');
    expect(run.stderr).not.toContain('speaking points');
  });

  it('refuses a DOCX not built by briefing, from another project, or whose position changed since', () => {
    const dir = built();
    const foreign = join(tempDir(), 'foreign.docx');
    const plain = new WordEdit(readFileSync(join(dir, DOCX))).bytes();
    writeFileSync(foreign, stripCustomProperties(plain));
    const notOurs = runCli(['review', foreign], dir);
    expect(notOurs.status).toBe(1);
    expect(notOurs.stderr).toContain('review/not-built-here');
    // Its footer still prints the meeting's file code: the report, saved by a program that drops custom properties.
    expect(notOurs.stderr).toContain('This DOCX has the file code of meetings/2021-02-19-educ-informal.yaml in its footer (IZMzin_190221_EDUC), but none of the hidden properties');
    expect(notOurs.stderr).toContain('Ask for the file as Word or LibreOffice saved it');
    // Without the code anywhere in its margins, a DOCX of someone else's.
    const stranger = join(tempDir(), 'stranger.docx');
    let margins = stripCustomProperties(plain);
    for (const footer of ['word/footer1.xml', 'word/footer2.xml']) margins = new WordEdit(margins, footer).untracked('IZMzin_190221_EDUC', 'IZMzin_190221_EDUC', 'VMzin_010321_EPSCO').bytes();
    writeFileSync(stranger, stripCustomProperties(margins));
    const strangers = runCli(['review', stranger], dir);
    expect(strangers.status).toBe(1);
    expect(strangers.stderr).toContain('This DOCX was not built by briefing: it has no Briefing.Meeting property.');

    const redline = join(dir, 'out/redline.docx');
    const diff = runCli(['diff', 'positions/educ/equity-reforms.yaml', join(REPO, 'positions/educ/equity-reforms.yaml'), '--format', 'docx', '--out', redline], dir);
    expect(diff.status, diff.stderr).not.toBe(2);
    const fromDiff = runCli(['review', redline], dir);
    expect(fromDiff.status).toBe(1);
    expect(fromDiff.stderr).toContain('review/no-anchors');
    expect(fromDiff.stderr).toContain('it is a redline from `briefing diff`');

    // The speaking points are built by `briefing build` too: not "a redline", but a template none of whose text is read back.
    const points = runCli(['build', EXAMPLE_MEETING, '--template', 'speaking-points.lv', '--format', 'docx'], dir);
    expect(points.status, points.stderr).toBe(0);
    const fromPoints = runCli(['review', 'out/IZMzin_190221_EDUC.speaking-points.lv.docx'], dir);
    expect(fromPoints.status).toBe(1);
    expect(fromPoints.stderr).toContain(
      `This DOCX of ${EXAMPLE_MEETING} prints none of the fields review writes back (the meeting's background and outcome, a position's body): it was built with a template such as the speaking points`,
    );
    expect(fromPoints.stderr).not.toContain('redline');
    expect(fromPoints.stderr).not.toContain('The reviewer');
    // A reviewer's tracked change in a point is named, so that the desk officer can carry it into the position file; --accept writes nothing.
    const pointsPath = join(dir, 'out/IZMzin_190221_EDUC.speaking-points.lv.docx');
    writeFileSync(pointsPath, new WordEdit(readFileSync(pointsPath)).replace('PuMPuRS aptver 80', '80', '85', ANNA).bytes());
    const before = position(dir, 'equity-achievements').text;
    const pointsReviewed = runCli(['review', pointsPath, '--accept'], dir);
    expect(pointsReviewed.status).toBe(1);
    expect(pointsReviewed.stderr).toContain(
      "The reviewer's changes (Anna Ozola (AM)): “Projekts PuMPuRS aptver [-80-]{+85+} % pašvaldību un 78 % skolu un palīdz laikus pamanīt mācību pārtraukšanas risku.”. Make the changes to speaking points in the position files",
    );
    expect(position(dir, 'equity-achievements').text).toBe(before);

    const other = exampleProject();
    renameSync(join(other, EXAMPLE_MEETING), join(other, 'meetings/2021-02-20-educ-other.yaml'));
    const elsewhere = runCli(['review', join(dir, DOCX)], other);
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toContain('review/other-meeting');

    const path = reviewed(dir);
    const file = join(dir, 'positions/educ/equity-reforms.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 2', 'version: 4'));
    const stale = runCli(['review', path, '--accept'], dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('review/changed-since-build');
    expect(stale.stderr).toContain('it is v4 now, the DOCX was built from v2');
    expect(position(dir, 'equity-reforms').data.version).toBe(4);
  });

  it('refuses to read or write a position whose id a second file claims since the build (a copy made to start a draft), naming both (exit 1, nothing written)', () => {
    const dir = built();
    const original = position(dir, 'equity-reforms').text;
    writeFileSync(join(dir, 'positions/educ/equity-reforms-copy.yaml'), original);
    const run = runCli(['review', reviewed(dir), '--accept'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'positions/educ/equity-reforms.yaml  error  The reviewer changed position equity-reforms, whose id positions/educ/equity-reforms-copy.yaml and positions/educ/equity-reforms.yaml both claim: review cannot tell which file to read or write.',
    );
    expect(position(dir, 'equity-reforms').text).toBe(original);
    expect(readFileSync(join(dir, 'positions/educ/equity-reforms-copy.yaml'), 'utf8')).toBe(original);
  });

  it('refuses a DOCX whose field bookmarks were all dropped on saving, instead of reading no change or only changes outside the positions (exit 1)', () => {
    const dir = built();
    const original = position(dir, 'equity-reforms').text;
    const path = join(dir, 'out/lost-bookmarks.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).untracked('Tuvākajā laikā prioritāri', 'Tuvākajā laikā', 'Drīzumā').withoutBookmarks().bytes());
    for (const args of [[], ['--accept']]) {
      const run = runCli(['review', path, ...args], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('out/lost-bookmarks.docx  error  This DOCX has lost the hidden bookmarks that mark where each position’s text is');
      expect(run.stdout).not.toContain('no tracked changes');
    }
    expect(position(dir, 'equity-reforms').text).toBe(original);
  });

  it.skipIf(process.platform === 'win32')('--accept writes a position that is a link (inside the project) through it: the link stays a link, its file gets the new version', () => {
    const dir = built();
    // The position kept in a folder of its own, linked from where the project looks for it.
    const kept = join(dir, 'shared/equity-reforms.yaml');
    cpSync(join(dir, 'positions/educ/equity-reforms.yaml'), kept);
    rmSync(join(dir, 'positions/educ/equity-reforms.yaml'));
    symlinkSync('../../shared/equity-reforms.yaml', join(dir, 'positions/educ/equity-reforms.yaml'));
    const path = reviewed(dir);
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('written as version 3');
    expect(lstatSync(join(dir, 'positions/educ/equity-reforms.yaml')).isSymbolicLink()).toBe(true);
    expect(parseDocument(readFileSync(kept, 'utf8')).toJS()).toMatchObject({ version: 3, clearance: { AM: { status: 'objected', version: 3 } } });
  });

  it('lists a list item the reviewer took out of its list with track changes on, and --accept writes nothing rather than lose it or renumber the list', () => {
    const dir = built();
    const original = position(dir, 'equity-achievements').text;
    const path = join(dir, 'out/unnumbered.docx');
    const edit = new WordEdit(readFileSync(join(dir, DOCX)))
      .unnumber('pedagogu profesionālās kapacitātes', ANNA)
      .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA);
    writeFileSync(path, edit.bytes());
    const listed = runCli(['review', path], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('position equity-achievements v3');
    expect(listed.stdout).toContain('cannot be written: the reviewer changed the numbering or layout of “pedagogu profesionālās kapacitātes');
    const accepted = runCli(['review', path, '--accept'], dir);
    expect(accepted.status).toBe(1);
    expect(accepted.stderr).toContain('review/cannot-write');
    // The hint's command names the DOCX, as `review --list` alone stops at its missing argument.
    expect(accepted.stderr).toContain('`briefing review out/unnumbered.docx --list` shows it');
    expect(position(dir, 'equity-achievements').text).toBe(original);
    // Nothing is written, of the other position either: the listing does not say it was.
    expect(position(dir, 'equity-reforms').data.version).toBe(2);
    expect(accepted.stdout).not.toContain('written as version');
    expect(accepted.stdout).not.toContain('recorded clearance');
    expect(accepted.stdout).toContain('  Tuvākajā laikā [-prioritāri-]{+vispirms+} paredzēts:\n  note: not written: another change of this review cannot be written (see the error)\n');
  });

  it('refuses a DOCX whose word/document.xml is damaged, naming the part, line and column (exit 1, nothing written)', () => {
    const dir = built();
    const before = position(dir, 'equity-reforms').text;
    const bytes = new WordEdit(readFileSync(join(dir, DOCX))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA).unclosedParagraph().bytes();
    const path = join(dir, 'out/damaged.docx');
    writeFileSync(path, bytes);
    const xml = part(docxParts(bytes), 'word/document.xml');
    // The parser gives up at the `>` of `</w:body>`, which closes the body while the paragraph is open.
    const [line, column] = placeOf(xml, xml.indexOf('</w:body>') + '</w:body>'.length);
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `out/damaged.docx  error  This DOCX is damaged: its word/document.xml is not well-formed XML at line ${line}, column ${column} (unexpected close tag). Open the file in Word and save it again (Word repairs what it can), or ask the sender for the file again.  review/not-built-here\n`,
    );
    expect(position(dir, 'equity-reforms').text).toBe(before);
  });

  it('refuses a DOCX whose word/document.xml has a byte that is not UTF-8, naming the part, line and column, rather than write � into a position (exit 1, nothing written)', () => {
    const dir = built();
    const before = position(dir, 'equity-reforms').text;
    const edited = new WordEdit(readFileSync(join(dir, DOCX))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA).bytes();
    // A damaged copy: the second byte of the ā in "laikā" (0xC4 0x81) overwritten, as a bad disk or transfer leaves it.
    const files = fflate.unzipSync(edited);
    const xml = files['word/document.xml'] ?? new Uint8Array();
    const at = Buffer.from(xml).indexOf(Buffer.from('Tuvākajā laikā', 'utf8')) + Buffer.byteLength('Tuvākajā laik', 'utf8') + 1;
    xml[at] = 0x3f;
    const lines = new TextDecoder().decode(xml.subarray(0, at - 1)).split('\n');
    const [line, column] = [lines.length, (lines.at(-1) ?? '').length + 1];
    const path = join(dir, 'out/damaged.docx');
    writeFileSync(path, fflate.zipSync(files));
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `out/damaged.docx  error  This DOCX cannot be read: its word/document.xml has a byte that is not UTF-8 at line ${line}, column ${column} (the file was damaged on the way). Open the file in Word and save it again (Word repairs what it can), or ask the sender for the file again.  review/not-built-here\n`,
    );
    expect(position(dir, 'equity-reforms').text).toBe(before);
  });

  it('refuses a DOCX a part of which would unpack to more than briefing reads (a zip bomb), without unpacking it (exit 1, nothing written)', () => {
    const dir = built();
    const before = position(dir, 'equity-reforms').text;
    const bytes = Uint8Array.from(readFileSync(join(dir, DOCX)));
    claimUnpackedSize(bytes, 'word/document.xml', 300 * 2 ** 20);
    const path = join(dir, 'out/bomb.docx');
    writeFileSync(path, bytes);
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'out/bomb.docx  error  This DOCX cannot be read: its word/document.xml would unpack to 300 MB, more than the 256 MB briefing reads of one part. Open the file in Word and save it again (Word repairs what it can), or ask the sender for the file again.  review/not-built-here\n',
    );
    expect(position(dir, 'equity-reforms').text).toBe(before);
  });

  itWithOffice('reads a reviewed DOCX saved again by LibreOffice', () => {
    const dir = built();
    const path = reviewed(dir);
    const outDir = tempDir();
    const saved = convertWithOffice(path, 'docx:MS Word 2007 XML', outDir);
    const run = runCli(['review', saved, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    const after = position(dir, 'equity-reforms').data;
    expect(after.version).toBe(3);
    expect(String(after.body)).toContain('Tuvākajā laikā vispirms paredzēts:');
    expect(String(after.body)).toContain('Tikpat **svarīgi** ir');
    expect(String(after.body)).toContain('\n\nTāpēc Latvija turpinās');
    expect(after.clearance).toMatchObject({ AM: { status: 'objected' } });
  });

  itWithOffice('a report saved twice by LibreOffice keeps the meeting’s background whole: its first paragraphs are not read as deleted', () => {
    const dir = built();
    const meeting = readFileSync(join(dir, EXAMPLE_MEETING), 'utf8');
    const once = convertWithOffice(reviewed(dir), 'docx:MS Word 2007 XML', tempDir());
    // Saved again, the background's bookmark, written the first time as a start in its first paragraph and the name again around its last, is the last's alone.
    const twice = convertWithOffice(once, 'docx:MS Word 2007 XML', tempDir());
    const run = runCli(['review', twice, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('added with track changes off');
    expect(readFileSync(join(dir, EXAMPLE_MEETING), 'utf8')).toBe(meeting);
    expect(String(position(dir, 'equity-reforms').data.body)).toContain('Tuvākajā laikā vispirms paredzēts:');
  });

  itWithOffice('a comment alone, in a report saved again by LibreOffice, leaves the text as it was: its lists count as in Word', () => {
    const dir = built();
    const before = position(dir, 'equity-eu-cooperation').text;
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).comment('vislielāko pievienoto vērtību', 'vislielāko', 'Lūdzam precizēt.', { author: 'Līga Kalna (LM)', date: '2021-02-17T10:00:00Z' });
    const path = join(dir, 'out/lm.docx');
    writeFileSync(path, edit.bytes());
    const saved = convertWithOffice(path, 'docx:MS Word 2007 XML', tempDir());
    // LibreOffice writes a Word list for each item of the body's `1) … 5)` list; only the first restarts the count.
    const lists = (bytes: Uint8Array) => part(docxParts(bytes), 'word/numbering.xml').match(/<w:num /g)?.length ?? 0;
    expect(lists(readFileSync(saved))).toBeGreaterThan(lists(readFileSync(path)) + 4);
    const run = runCli(['review', saved, '--accept', '--ministry', 'LM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('recorded clearance LM pending');
    expect(run.stdout).not.toContain('written as version');
    const after = position(dir, 'equity-eu-cooperation');
    expect(after.data.version).toBe(2);
    // Everything up to the clearance, the body's list included, byte for byte.
    const upToClearance = (text: string) => text.slice(0, text.indexOf('\nclearance:'));
    expect(upToClearance(after.text)).toBe(upToClearance(before));
    expect(after.data.clearance).toMatchObject({ LM: { status: 'pending', date: '2021-02-17', note: 'Lūdzam precizēt.' } });
  });
});

function normaliseWrap(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .map((block) => block.replace(/\n(?!\d+\) )\s*/g, ' ').trim())
    .join('\n\n');
}

function stripCustomProperties(docx: Uint8Array): Uint8Array {
  return new WordEditWithout(docx).bytes();
}

/** A copy of the DOCX without docProps/custom.xml, as another program would write it. */
class WordEditWithout extends WordEdit {
  override bytes(): Uint8Array {
    const bytes = super.bytes();
    return withoutEntry(bytes, 'docProps/custom.xml');
  }
}

function withoutEntry(docx: Uint8Array, name: string): Uint8Array {
  const { unzipSync, zipSync } = fflate;
  const files = unzipSync(docx);
  delete files[name];
  return zipSync(files);
}

import * as fflate from 'fflate';
