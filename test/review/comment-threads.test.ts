import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const LIGA = { author: 'Līga Ķēniņa (LM)', date: '2021-02-16T14:05:00Z' };
const IEVA = { author: 'Ieva Kalniņa (IZM)', date: '2021-02-17T09:00:00Z' };
const LIGA_AGAIN = { author: 'Līga Ķēniņa (LM)', date: '2021-02-17T15:00:00Z' };

function built(): string {
  const dir = exampleProject();
  const build = runCli(['build', EXAMPLE_MEETING], dir);
  expect(build.status, build.stderr).toBe(0);
  return dir;
}

/** A thread on equity-reforms' answer: Līga asks, the author answers, Līga thanks; `resolved` as Word marks it when resolved. */
function threaded(dir: string, options: { resolved?: boolean; ranges?: boolean }): string {
  const thread = [
    { text: 'Lūdzu norādīt avotu.', stamp: LIGA },
    { text: 'Avots norādīts zemsvītras piezīmē.', stamp: IEVA },
    { text: 'Paldies, pieņemts.', stamp: LIGA_AGAIN },
  ];
  const path = join(dir, 'out/thread.docx');
  writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).commentThread('Digitālo risinājumu ieviešana', 'Digitālo risinājumu', thread, options).bytes());
  return path;
}

describe('briefing review of comments with replies', () => {
  it('lists a reply under the comment it answers, and says when the thread was resolved', () => {
    const dir = built();
    const run = runCli(['review', threaded(dir, { resolved: true })], dir);
    expect(run.status, run.stderr).toBe(0);
    // Each reply was listed as a comment of its own: nothing told that the author had answered, or that the thread was settled.
    expect(run.stdout).toContain(
      [
        '  comment by Līga Ķēniņa (LM), 2021-02-16 (resolved): Lūdzu norādīt avotu.',
        '    reply by Ieva Kalniņa (IZM), 2021-02-17: Avots norādīts zemsvītras piezīmē.',
        '    reply by Līga Ķēniņa (LM), 2021-02-17: Paldies, pieņemts.',
      ].join('\n'),
    );
    // Each reply once, under its comment: not again as a comment of its own.
    expect(run.stdout.match(/Avots norādīts zemsvītras piezīmē\.|Paldies, pieņemts\./g)).toEqual(['Avots norādīts zemsvītras piezīmē.', 'Paldies, pieņemts.']);
  });

  it('--accept of a ministry whose comment threads are all resolved records them as such, and says how to record a clearance', () => {
    const dir = built();
    const run = runCli(['review', threaded(dir, { resolved: true }), '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    // The note read as two open questions of LM's, though Word marked the thread settled.
    const clearance = parseDocument(readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8')).toJS().clearance.LM;
    expect(clearance).toMatchObject({ status: 'pending', date: '2021-02-17', note: 'Lūdzu norādīt avotu. | Paldies, pieņemts. (resolved)' });
    // It said to record the clearance "with --cleared": the review run again with it, once accepted, is refused (the positions changed since the DOCX was built).
    expect(run.stdout).toContain('note: every comment thread of LM here is marked resolved: if LM agreed to the text, record its clearance: briefing clear equity-reforms --ministry LM --date 2021-02-17');
    expect(runCli(['clear', 'equity-reforms', '--ministry', 'LM', '--date', '2021-02-17'], dir)).toMatchObject({ status: 0, stderr: '' });
    // A thread left open: as before.
    const open = built();
    expect(runCli(['review', threaded(open, { resolved: false }), '--accept'], open).stdout).not.toContain('marked resolved');
    expect(parseDocument(readFileSync(join(open, 'positions/educ/equity-reforms.yaml'), 'utf8')).toJS().clearance.LM.note).toBe('Lūdzu norādīt avotu. | Paldies, pieņemts.');
  });

  it('lists a reply saved without a range of its own in the body with its thread, not nowhere', () => {
    const dir = built();
    const run = runCli(['review', threaded(dir, { ranges: false })], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('  comment by Līga Ķēniņa (LM), 2021-02-16: Lūdzu norādīt avotu.\n    reply by Ieva Kalniņa (IZM), 2021-02-17: Avots norādīts zemsvītras piezīmē.\n');
  });

  it('--accept takes the reviewing ministry from a thread the report’s own ministry answered in, and records only the reviewer’s comments as its answer', () => {
    const dir = built();
    const path = join(dir, 'out/answered.docx');
    const thread = [
      { text: 'Lūdzu norādīt avotu.', stamp: LIGA },
      { text: 'Avots norādīts zemsvītras piezīmē.', stamp: IEVA },
    ];
    const edit = new WordEdit(readFileSync(join(dir, DOCX)))
      .commentThread('Digitālo risinājumu ieviešana', 'Digitālo risinājumu', thread)
      // The author's own note on another answer, which LM did not touch.
      .comment('Pandēmijas laikā attālināto', 'attālināto', 'Pārbaudīt skaitļus.', IEVA);
    writeFileSync(path, edit.bytes());
    const before = readFileSync(join(dir, 'positions/educ/equity-achievements.yaml'), 'utf8');
    const run = runCli(['review', path, '--accept'], dir);
    // IZM issues the report and answered in the thread: it was taken for a second reviewing ministry (exit 2, "AM, IZM"),
    // and with --ministry LM its answer was recorded as LM's comment, and LM as pending on an answer only IZM had commented.
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('review/other-ministry');
    const clearance = parseDocument(readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8')).toJS().clearance.LM;
    expect(clearance).toMatchObject({ status: 'pending', date: '2021-02-16', note: 'Lūdzu norādīt avotu.' });
    expect(readFileSync(join(dir, 'positions/educ/equity-achievements.yaml'), 'utf8')).toBe(before);
    expect(run.stdout).toContain('comment by Ieva Kalniņa (IZM), 2021-02-17: Pārbaudīt skaitļus.');
  });

  it('a comment from the end of the background across the first question into its answer is the answer’s: --accept does not call it unrecorded', () => {
    const dir = built();
    const path = join(dir, 'out/from-background.docx');
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).commentAcross(
      'ir mazāks par 9',
      'ir mazāks par 9',
      'Nozīmīgākie Latvijas sasniegumi vienlīdzības',
      'Nozīmīgākie Latvijas sasniegumi',
      'Sasaistīt ar 9 % mērķi.',
      LIGA,
    );
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(parseDocument(readFileSync(join(dir, 'positions/educ/equity-achievements.yaml'), 'utf8')).toJS().clearance.LM).toMatchObject({ status: 'pending', note: 'Sasaistīt ar 9 % mērķi.' });
    // It was written into the answer's note, and then said to be recorded in no file, being the background's too.
    expect(run.stderr).not.toContain('review/not-recorded');
  });

  it('a comment from the end of one answer across its question into the next answer is both answers’, not one on the question left unrecorded', () => {
    const dir = built();
    const path = join(dir, 'out/across.docx');
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).commentAcross(
      'sociālo dienestu sadarbību.',
      'sociālo dienestu sadarbību.',
      'Latvijas rīcību turpmākajos gados',
      'Latvijas rīcību',
      'Abās atbildēs jāmin finansējuma avoti.',
      LIGA,
    );
    writeFileSync(path, edit.bytes());
    const listed = runCli(['review', path], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout.match(/comment by Līga Ķēniņa \(LM\), 2021-02-16: Abās atbildēs jāmin finansējuma avoti\./g)).toHaveLength(2);
    // It was listed a third time, under "Not applicable", for the question it spans …
    expect(listed.stdout).not.toContain('Not applicable');
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    // … and --accept said it was recorded in no file, right after writing it into both answers' notes.
    expect(run.stderr).not.toContain('review/not-recorded');
    for (const id of ['equity-achievements', 'equity-reforms']) {
      expect(parseDocument(readFileSync(join(dir, `positions/educ/${id}.yaml`), 'utf8')).toJS().clearance.LM).toMatchObject({ status: 'pending', note: 'Abās atbildēs jāmin finansējuma avoti.' });
    }
  });

  it('--accept says that a comment on the meeting’s background was recorded in no file, as one on a question is', () => {
    const dir = built();
    const path = join(dir, 'out/background-comment.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).comment('Portugāles prezidentūra neformālo', 'neformālo', 'Vai tas ir no diskusiju dokumenta?', LIGA).bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    // Only comments outside every field were counted: this one went nowhere without a word.
    expect(run.stderr).toContain('A comment outside the positions (on the meeting’s text, a question, the title or the clearance line) was not recorded in any file.');
  });
});
