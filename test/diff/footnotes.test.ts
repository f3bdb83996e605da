import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { docxParts, part } from '../helpers/docx.js';
import { initRepository } from '../helpers/git.js';
import { exampleProject, REPO, runCli } from '../helpers/project.js';
import { notes } from '../helpers/redline.js';

const POSITION = 'review/notes.yaml';
const SHAPE = readFileSync(join(REPO, 'test/fixtures/diff/footnote-and-emphasis/before.yaml'), 'utf8');
const OLD_A = 'Dati par 2020. gada decembri.';
const NEW_A = 'Dati par 2021. gada janvāri, ministrijas aprēķins.';
const B = 'Ministrijas aprēķins par ierīcēm.';

/** The fixture position with `paragraphs` (Markdown blocks) as its body. */
function position(...paragraphs: string[]): string {
  const body = paragraphs.map((block) => `  ${block}\n`).join('\n');
  return SHAPE.replace(/body: \|\n[\s\S]*?\n(?=clearance:)/, `body: |\n${body}\n`);
}

/**
 * The redline the real command writes between the committed `before` and the working
 * tree's `after`, with each footnote reference of the body (its Word id, and whether it is
 * a tracked insertion or deletion) and the XML of each footnote by id.
 */
function redline(before: string, after: string, status = 1) {
  const dir = exampleProject({ [POSITION]: before });
  initRepository(dir);
  writeFileSync(join(dir, POSITION), after);
  const run = runCli(['diff', POSITION, '--format', 'docx', '--out', 'review.docx'], dir);
  expect(run).toMatchObject({ status, stderr: 'wrote review.docx\n' });
  const bytes = readFileSync(join(dir, 'review.docx'));
  const parts = docxParts(bytes);
  const references = [...part(parts, 'word/document.xml').matchAll(/(<w:(ins|del) [^>]*>)?<w:r>(?:(?!<\/w:r>).)*?<w:footnoteReference w:id="(\d+)"\/>/g)].map(
    (match) => ({ id: match[3], tracked: match[2] ?? null }),
  );
  // Each note's XML without the space after its number mark (the writer puts it there as Word does; it parts the mark from the text and is in no version's words).
  const footnotes = new Map(
    [...part(parts, 'word/footnotes.xml').matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)].map((match) => [
      match[1],
      (match[2] ?? '').replace(/(<w:footnoteRef\/><\/w:r>)<w:r><w:t xml:space="preserve"> <\/w:t><\/w:r>/, '$1'),
    ]),
  );
  return { bytes, references, footnotes, run };
}

/** The text a footnote's XML shows, deleted text included. */
function shown(xml: string | undefined): string {
  return [...(xml ?? '').matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((match) => match[1]).join('');
}

describe('diff --format docx when footnote definitions move between the versions', () => {
  test('two definitions that swap places: each reference keeps its own note, with its text and no tracked change (exit 0: nothing printed changed)', () => {
    const { bytes, references, footnotes } = redline(
      position('Pirmā rindkopa par skolām[^a] un pedagogiem.', `[^a]: ${OLD_A}`, 'Otrā rindkopa par ierīcēm[^b] skolēniem.', `[^b]: ${B}`),
      position('Pirmā rindkopa par skolām[^a] un pedagogiem.', 'Otrā rindkopa par ierīcēm[^b] skolēniem.', `[^b]: ${B}`, `[^a]: ${OLD_A}`),
      0,
    );
    expect(references).toEqual([
      { id: '1', tracked: null },
      { id: '2', tracked: null },
    ]);
    expect(shown(footnotes.get('1'))).toBe(OLD_A);
    expect(shown(footnotes.get('2'))).toBe(B);
    // Where a definition stands in the Markdown does not change the printed note: nothing is tracked in them.
    expect([...footnotes.values()].join('')).not.toMatch(/<w:(ins|del|delText)\b/);
    expect(notes(bytes, 'as-is')).toEqual([OLD_A, B]);
  });

  test('a definition moved and reworded: the note of the reference in both versions tracks the changed words', () => {
    const { bytes, references, footnotes } = redline(
      position('Pirmā rindkopa par skolām[^a] un pedagogiem.', `[^a]: ${OLD_A}`, 'Otrā rindkopa par ierīcēm[^b] skolēniem.', `[^b]: ${B}`),
      position('Pirmā rindkopa par skolām[^a] un pedagogiem.', 'Otrā rindkopa par ierīcēm[^b] skolēniem.', `[^b]: ${B}`, `[^a]: ${NEW_A}`),
    );
    expect(references.map((reference) => reference.id)).toEqual(['1', '2']);
    const note = footnotes.get('1') ?? '';
    expect(note).toMatch(/<w:del [^>]*><w:r><w:delText xml:space="preserve">2020<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">2021<\/w:t><\/w:r><\/w:ins>/);
    expect(note).toContain('<w:t xml:space="preserve">Dati par </w:t>');
    expect(notes(bytes, 'accept')).toEqual([NEW_A, B]);
    expect(notes(bytes, 'reject')).toEqual([OLD_A, B]);
  });

  test('a note deleted with its reference in one place and a new one under the same label added elsewhere: the deleted reference shows the old note deleted, the inserted one the new note inserted', () => {
    const result = redline(
      position('Pirmā rindkopa par skolām[^a] un pedagogiem.', `[^a]: ${OLD_A}`, 'Vidējā rindkopa paliek, kā bija.', 'Otrā rindkopa par ierīcēm skolēniem.'),
      position('Pirmā rindkopa par skolām un pedagogiem.', 'Vidējā rindkopa paliek, kā bija.', 'Otrā rindkopa par ierīcēm[^a] skolēniem.', `[^a]: ${B}`),
    );
    expectOwnVersions(result, OLD_A, B);
  });

  test('the same, with nothing between the two places: the definitions pair as one changed note, and still each reference shows its own version of it', () => {
    const result = redline(
      position('Pirmā rindkopa par skolām[^a] un pedagogiem.', `[^a]: ${OLD_A}`, 'Otrā rindkopa par ierīcēm skolēniem.'),
      position('Pirmā rindkopa par skolām un pedagogiem.', 'Otrā rindkopa par ierīcēm[^a] skolēniem.', `[^a]: ${B}`),
    );
    expectOwnVersions(result, OLD_A, B);
  });

  test('a reference moved within its paragraph, its definition reworded in place: the old place shows the old note deleted, the new place the new note inserted', () => {
    const result = redline(
      position('Pirmā rindkopa par skolām[^a] un pedagogiem.', `[^a]: ${OLD_A}`),
      position('Pirmā rindkopa par skolām un pedagogiem[^a].', `[^a]: ${NEW_A}`),
    );
    expectOwnVersions(result, OLD_A, NEW_A);
  });

  test('the Markdown and terminal diffs show no change for a definition that only moved, and a moved and reworded one once, where it stands now, word by word', () => {
    const dir = exampleProject({
      [POSITION]: position('Pirmā rindkopa par skolām[^a] un pedagogiem.', `[^a]: ${OLD_A}`, 'Otrā rindkopa par ierīcēm[^b] skolēniem.', `[^b]: ${B}`),
    });
    initRepository(dir);
    writeFileSync(join(dir, POSITION), position('Pirmā rindkopa par skolām[^a] un pedagogiem.', 'Otrā rindkopa par ierīcēm[^b] skolēniem.', `[^b]: ${B}`, `[^a]: ${OLD_A}`));
    const moved = runCli(['diff', POSITION, '--format', 'md'], dir);
    expect(moved.status).toBe(0);
    expect(moved.stdout).toContain('\nNo changes.\n');
    writeFileSync(join(dir, POSITION), position('Pirmā rindkopa par skolām[^a] un pedagogiem.', 'Otrā rindkopa par ierīcēm[^b] skolēniem.', `[^b]: ${B}`, `[^a]: ${NEW_A}`));
    const reworded = runCli(['diff', POSITION, '--format', 'md'], dir);
    expect(reworded.status).toBe(1);
    expect(reworded.stdout).toContain(`Otrā rindkopa par ierīcēm[^digital-schools-b] skolēniem.\n\n[^digital-schools-b]: ${B}\n\n[^digital-schools-a]: Dati par {~~2020~>2021~~}. gada {~~decembri~>janvāri, ministrijas aprēķins~~}.\n`);
    expect(reworded.stdout.match(/\[\^digital-schools-a\]:/g)).toHaveLength(1);
    const terminal = runCli(['diff', POSITION, '--format', 'terminal'], dir, { NO_COLOR: '1' });
    expect(terminal.stdout).toContain('[^digital-schools-a]: Dati par [-2020-]{+2021+}. gada [-decembri-]{+janvāri, ministrijas aprēķins+}.');
    expect(terminal.stdout).not.toContain(`[-${OLD_A}-]`);
  });
});

/**
 * A deleted reference and an inserted one, each showing its own version of the note: the old one
 * deleted and nothing inserted, the new one inserted and nothing deleted; accepting every change
 * leaves the new note, rejecting every change the old one.
 */
function expectOwnVersions({ bytes, references, footnotes }: Pick<ReturnType<typeof redline>, 'bytes' | 'references' | 'footnotes'>, old: string, now: string): void {
  expect(references).toEqual([
    { id: '1', tracked: 'del' },
    { id: '2', tracked: 'ins' },
  ]);
  expect(shown(footnotes.get('1'))).toBe(old);
  expect(footnotes.get('1')).not.toMatch(/<w:ins |<w:t /);
  expect(shown(footnotes.get('2'))).toBe(now);
  expect(footnotes.get('2')).not.toMatch(/<w:del |<w:delText/);
  expect(notes(bytes, 'accept')).toEqual([now]);
  expect(notes(bytes, 'reject')).toEqual([old]);
}
