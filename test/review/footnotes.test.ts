import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const POSITION = 'positions/educ/equity-reforms.yaml';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
const FOOTNOTES = 'word/footnotes.xml';

/** The example's position with a footnote whose definition spans two lines and holds a link. */
const DEFINITION = '[^plans]: Skatīt arī [pamatnostādnes](https://example.org/p) 2021.–2027. gadam un to ieviešanas\n    plāns.';
const ACCEPTED_DEFINITION = '[^plans]: Skatīt arī [pamatnostādnes](https://example.org/p) 2021.–2027. gadam un to rīcības plāns.';

function withFootnote(): string {
  const text = exampleFile(POSITION)
    .replace('mehānisma finansējumu.', 'mehānisma finansējumu[^plans].')
    .replace(/\n\n# Clearance/, `\n\n  ${DEFINITION.replace('\n', '\n  ')}\n\n# Clearance`);
  const dir = exampleProject({ [POSITION]: text });
  const build = runCli(['build', EXAMPLE_MEETING], dir);
  expect(build.status, build.stderr).toBe(0);
  return dir;
}

function body(dir: string): { body: string; data: Record<string, unknown> } {
  const data: Record<string, unknown> = parseDocument(readFileSync(join(dir, POSITION), 'utf8')).toJS();
  return { body: String(data.body), data };
}

function save(dir: string, bytes: Uint8Array, name: string): string {
  const path = join(dir, 'out', name);
  writeFileSync(path, bytes);
  return path;
}

/** The position's footnote changed in Word: "ieviešanas" → "rīcības", tracked. */
function noteChanged(docx: Uint8Array): Uint8Array {
  return new WordEdit(docx, FOOTNOTES).replace('un to ieviešanas', 'ieviešanas', 'rīcības', ANNA).bytes();
}

describe('briefing review: tracked changes in footnotes', () => {
  // The DOCX does not print a table in a note (build warns): read as deleted, --accept of an untouched DOCX wrote the next version without it.
  it('keeps a table in a note, which the DOCX does not print: an untouched DOCX has no change, and an edited note keeps its table after its text', () => {
    const table = '| a | b |\n    |---|---|\n    | 1 | 2 |';
    const text = exampleFile(POSITION)
      .replace('mehānisma finansējumu.', 'mehānisma finansējumu[^plans].')
      .replace(/\n\n# Clearance/, `\n\n  [^plans]: Skatīt arī ieviešanas plānu.\n\n      ${table.replaceAll('\n', '\n  ')}\n\n# Clearance`);
    const dir = exampleProject({ [POSITION]: text });
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const untouched = runCli(['review', DOCX], dir);
    expect(untouched.status, untouched.stderr).toBe(0);
    expect(untouched.stdout).toContain('no tracked changes or comments');
    expect(runCli(['review', DOCX, '--accept', '--ministry', 'LM'], dir).status).toBe(0);
    expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(text);

    const path = save(dir, new WordEdit(readFileSync(join(dir, DOCX)), FOOTNOTES).replace('Skatīt arī ieviešanas', 'ieviešanas', 'rīcības', ANNA).bytes(), 'table-note.docx');
    const accept = runCli(['review', path, '--accept'], dir);
    expect(accept.status, accept.stderr).toBe(0);
    expect(body(dir).body).toContain(`[^plans]: Skatīt arī rīcības plānu.\n\n    ${table}\n`);
    expect(accept.stdout + accept.stderr).toContain("its table, which the DOCX does not print, is kept after the note's text");
  });

  it('lists a change made only in a footnote under its position, and --accept writes it into the definition', () => {
    const dir = withFootnote();
    const before = body(dir);
    expect(before.body).toContain(`\n${DEFINITION}\n`);
    const path = save(dir, noteChanged(readFileSync(join(dir, DOCX))), 'footnote.docx');

    const list = runCli(['review', path], dir);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).not.toContain('no tracked changes');
    expect(list.stdout).toContain('position equity-reforms v2 (positions/educ/equity-reforms.yaml) body');
    expect(list.stdout).toContain('Anna Ozola (AM), 2021-02-16');
    expect(list.stdout).toContain('[^plans]: Skatīt arī pamatnostādnes 2021.–2027. gadam un to [-ieviešanas-]{+rīcības+} plāns.');
    expect(body(dir).data.version).toBe(2);

    const accept = runCli(['review', path, '--accept'], dir);
    expect(accept.status, accept.stderr).toBe(0);
    const after = body(dir);
    // Only the definition changed; the link in the note is kept, the rest of the field byte for byte.
    expect(after.body).toBe(before.body.replace(DEFINITION, ACCEPTED_DEFINITION));
    expect(after.data.version).toBe(3);
    expect(after.data.clearance).toMatchObject({ AM: { status: 'objected', date: '2021-02-16' } });
    // The accepted position builds, the note with its new text.
    const rebuilt = runCli(['build', EXAMPLE_MEETING], dir);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(runCli(['review', join(dir, DOCX)], dir).stdout).toContain('no tracked changes or comments');
  });

  it('--accept keeps footnote definitions written one under the other as they are, with no blank line put between them', () => {
    const text = exampleFile(POSITION)
      .replace('mehānisma finansējumu.', 'mehānisma finansējumu[^a][^b].')
      .replace(/\n\n# Clearance/, '\n\n  [^a]: Pirmā piezīme.\n  [^b]: Otrā piezīme.\n\n# Clearance');
    const dir = exampleProject({ [POSITION]: text });
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const before = body(dir);
    expect(before.body).toContain('\n[^a]: Pirmā piezīme.\n[^b]: Otrā piezīme.');
    const edited = new WordEdit(readFileSync(join(dir, DOCX))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA).bytes();
    const run = runCli(['review', save(dir, edited, 'adjacent.docx'), '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(body(dir).body).toBe(before.body.replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajā laikā vispirms paredzēts:'));
  });

  it('--accept writes a footnote change together with a change in the body', () => {
    const dir = withFootnote();
    const before = body(dir);
    const edited = new WordEdit(noteChanged(readFileSync(join(dir, DOCX)))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA).bytes();
    const path = save(dir, edited, 'both.docx');
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Tuvākajā laikā [-prioritāri-]{+vispirms+} paredzēts:');
    expect(run.stdout).toContain('un to [-ieviešanas-]{+rīcības+} plāns.');
    const after = body(dir);
    expect(after.body).toBe(before.body.replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajā laikā vispirms paredzēts:').replace(DEFINITION, ACCEPTED_DEFINITION));
    expect(after.data.version).toBe(3);
  });

  it('finds a footnote edited with track changes off, and writes it', () => {
    const dir = withFootnote();
    const before = body(dir);
    const edited = new WordEdit(readFileSync(join(dir, DOCX)), FOOTNOTES).untracked('un to ieviešanas', 'ieviešanas', 'rīcības').bytes();
    const path = save(dir, edited, 'untracked.docx');
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('un to [-ieviešanas-]{+rīcības+} plāns.');
    expect(run.stdout).toContain('note: footnote [^plans]: the DOCX, read without the tracked changes, is not the field’s text');
    expect(body(dir).body).toBe(before.body.replace(DEFINITION, ACCEPTED_DEFINITION));
  });

  it('--accept writes a change in the meeting background’s footnote into the meeting file', () => {
    const dir = withFootnote();
    const original = readFileSync(join(dir, EXAMPLE_MEETING), 'utf8');
    const edited = new WordEdit(readFileSync(join(dir, DOCX)), FOOTNOTES).replace('COM(2020) 625 final', '625', '626', ANNA).bytes();
    const path = save(dir, edited, 'background-note.docx');
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('meeting meetings/2021-02-19-educ-informal.yaml background');
    expect(run.stdout).toContain('COM(2020) [-625-]{+626+} final.');
    const meeting = readFileSync(join(dir, EXAMPLE_MEETING), 'utf8');
    const background = (text: string) => String(parseDocument(text).get('background'));
    const definition = (text: string) => background(text).slice(background(text).indexOf('[^1]:'));
    // The paragraphs before the definition stay as they were; the definition reads as the note now does.
    expect(background(meeting).slice(0, background(meeting).indexOf('[^1]:'))).toBe(background(original).slice(0, background(original).indexOf('[^1]:')));
    expect(definition(meeting).replace(/\s+/g, ' ')).toBe(definition(original).replace('625 final', '626 final').replace(/\s+/g, ' '));
    expect(definition(meeting)).toMatch(/^\[\^1\]: .*\n {4}\S/);
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    // The positions are untouched: the footnote was the meeting's.
    expect(readFileSync(join(dir, POSITION), 'utf8')).not.toContain('objected');
  });
});

describe('a footnote change review cannot write back', () => {
  it('is not accepted silently: --accept refuses the field, names the change, and writes nothing', () => {
    // The definition inside a list item, not at the field's top level, where review writes definitions.
    const text = exampleFile(POSITION)
      .replace('skolām, kā paredz', 'skolām[^item], kā paredz')
      .replace('vietnē [skoluinternets.lv](https://skoluinternets.lv));', 'vietnē [skoluinternets.lv](https://skoluinternets.lv));\n\n     [^item]: Skatīt memoranda ieviešanas plānu.');
    const dir = exampleProject({ [POSITION]: text });
    const built = runCli(['build', EXAMPLE_MEETING], dir);
    expect(built.status, built.stderr).toBe(0);
    const edited = new WordEdit(readFileSync(join(dir, DOCX)), FOOTNOTES).replace('memoranda ieviešanas plānu', 'ieviešanas', 'izpildes', ANNA).bytes();
    const path = save(dir, edited, 'item-note.docx');
    const before = readFileSync(join(dir, POSITION), 'utf8');
    const accept = runCli(['review', path, '--accept'], dir);
    expect(accept.status).toBe(1);
    expect(accept.stderr).toContain('review/cannot-write');
    expect(accept.stderr).toContain('the change in footnote [^item] cannot be carried over');
    expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(before);
  });
});

describe('a footnote whose formatting alone was changed, with track changes off', () => {
  it('is edited: the definition is written anew with the italic, the rest of the body as it was', () => {
    const dir = withFootnote();
    const before = body(dir).body;
    const path = save(dir, new WordEdit(readFileSync(join(dir, DOCX)), FOOTNOTES).format('to ieviešanas', 'ieviešanas', { add: '<w:i/>' }).bytes(), 'note-italic.docx');
    const accept = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(accept.status, accept.stderr).toBe(0);
    expect(accept.stdout).toContain('  formatting changed: “ieviešanas”\n');
    // One line break is too little to tell the note's width from: wrapped at 110.
    expect(body(dir).body).toBe(before.replace(DEFINITION, '[^plans]: Skatīt arī [pamatnostādnes](https://example.org/p) 2021.–2027. gadam un to *ieviešanas* plāns.'));
  });
});
