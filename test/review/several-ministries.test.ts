import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleClearance, exampleProject, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';
import { reviewedExample } from '../helpers/reviewed-example.js';

const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
const PETERIS = { author: 'Pēteris Liepa (LM)', date: '2021-02-17T10:00:00Z' };

describe('briefing review --accept of a DOCX several ministries reviewed together', () => {
  it('records each ministry’s answer only on the positions its own reviewers changed or commented on', () => {
    const { dir, docx } = reviewedExample('circulated', (report) =>
      report
        .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
        .comment('Digitālo risinājumu ieviešana', 'Digitālo risinājumu', 'Kuri risinājumi?', PETERIS)
        .replace('vislielāko pievienoto vērtību', 'vislielāko', 'lielāko', PETERIS),
    );

    const am = runCli(['review', docx, '--accept', '--ministry', 'AM'], dir);
    expect(am.status, am.stderr).toBe(0);
    // LM's change of equity-eu-cooperation was recorded as "AM objected", and LM's comment as AM's note.
    expect(exampleClearance(dir, 'equity-reforms').AM).toMatchObject({ status: 'objected', date: '2021-02-16', version: 3 });
    expect(exampleClearance(dir, 'equity-reforms').AM?.note).toBeUndefined();
    // Only LM changed it: AM's clearance of the text before stays on record, for that version.
    expect(exampleClearance(dir, 'equity-eu-cooperation').AM).toMatchObject({ status: 'cleared', date: '2021-02-12', version: 2 });
    expect(am.stderr).toContain('review/other-ministry');
    // The command in backticks: copied with the full stop after it, `--rebase.` is no flag.
    expect(am.stderr).toContain('Record theirs the same way: `briefing review out/circulated.docx --accept --ministry LM --rebase`.');

    const lm = runCli(['review', docx, '--accept', '--ministry', 'LM', '--rebase'], dir);
    expect(lm.status, lm.stderr).toBe(0);
    expect(exampleClearance(dir, 'equity-eu-cooperation').LM).toMatchObject({ status: 'objected', date: '2021-02-17', version: 3 });
    expect(exampleClearance(dir, 'equity-reforms').LM).toMatchObject({ status: 'pending', date: '2021-02-17', version: 3, note: 'Kuri risinājumi?' });
    expect(exampleClearance(dir, 'equity-reforms').AM).toMatchObject({ status: 'objected', version: 3 });
    expect(runCli(['check', EXAMPLE_MEETING], dir).status).toBe(0);
  });

  it('with three ministries reviewing, says how to record each of the two others: the first with its command, the next by name', () => {
    const { dir, docx } = reviewedExample('circulated', (report) =>
      report
        .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
        .replace('vislielāko pievienoto vērtību', 'vislielāko', 'lielāko', PETERIS)
        .comment('Digitālo risinājumu ieviešana', 'Digitālo risinājumu', 'Kuri risinājumi?', { author: 'Ilze Bērziņa (VK)', date: '2021-02-17T11:00:00Z' }),
    );
    const am = runCli(['review', docx, '--accept', '--ministry', 'AM'], dir);
    expect(am.status, am.stderr).toBe(0);
    expect(am.stderr).toContain('Record theirs the same way: `briefing review out/circulated.docx --accept --ministry LM --rebase`, and the same for VK.');
  });

  it('lists which reviewer made which change of a text several changed, and nothing more for a text one changed', () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const docx = join(dir, 'out/two-hands.docx');
    const edit = new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')))
      .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
      .replace('Tuvākajā laikā ', 'Tuvākajā', 'Drīzākajā', PETERIS)
      .replace('vislielāko pievienoto vērtību', 'vislielāko', 'lielāko', PETERIS);
    writeFileSync(docx, edit.bytes());
    const listed = runCli(['review', docx], dir);
    expect(listed.status, listed.stderr).toBe(0);
    const reforms = listed.stdout.split('\n\n').find((block) => block.startsWith('position equity-reforms')) ?? '';
    // The diff shows both reviewers' changes as one; it did not say whose each was.
    expect(reforms).toContain('  [-Tuvākajā-]{+Drīzākajā+} laikā [-prioritāri-]{+vispirms+} paredzēts:');
    expect(reforms).toContain('\n  changed by Pēteris Liepa (LM): [-Tuvākajā-]{+Drīzākajā+}\n  changed by Anna Ozola (AM): [-prioritāri-]{+vispirms+}');
    const cooperation = listed.stdout.split('\n\n').find((block) => block.startsWith('position equity-eu-cooperation')) ?? '';
    expect(cooperation).toContain('[-vislielāko-]{+lielāko+}');
    expect(cooperation).not.toContain('changed by');
  });

  it('takes the ministry that reviewed the positions for the review’s, not one that only commented on the meeting’s text', () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const docx = join(dir, 'out/commented.docx');
    const ilze = { author: 'Ilze Kalna (VK)', date: '2021-02-16T11:00:00Z' };
    const edit = new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')))
      .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
      .comment('Portugāles prezidentūra neformālo ministru diskusiju', 'diskusiju', 'Vai šis ir pareizais nosaukums?', ilze);
    writeFileSync(docx, edit.bytes());
    // VK's comment on the background records nothing: the review is AM's, and no `--ministry VK --rebase` is suggested.
    const run = runCli(['review', docx, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('review/other-ministry');
    expect(run.stderr).toContain('review/not-recorded');
    expect(exampleClearance(dir, 'equity-reforms').AM).toMatchObject({ status: 'objected', date: '2021-02-16' });
    expect(exampleClearance(dir, 'equity-reforms').VK).toBeUndefined();
  });

  it('reads a paragraph one reviewer split and another joined again as one, and names both', () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const file = join(dir, 'positions/educ/equity-reforms.yaml');
    const before = readFileSync(file, 'utf8');
    const docx = join(dir, 'out/rejoined.docx');
    const edit = new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).splitThenJoined('mācību procesā. Tāpēc Latvija turpinās', 'Tāpēc', ANNA, PETERIS);
    writeFileSync(docx, edit.bytes());
    const listed = runCli(['review', docx], dir);
    expect(listed.status, listed.stderr).toBe(0);
    // The split was read, the join not: --accept wrote a new paragraph that neither reviewer's markup leaves.
    expect(listed.stdout).not.toContain('¶');
    expect(listed.stdout).toContain('Anna Ozola (AM), 2021-02-16; Pēteris Liepa (LM), 2021-02-17');
    expect(runCli(['review', docx, '--accept', '--ministry', 'LM'], dir).status).toBe(0);
    expect(parseDocument(readFileSync(file, 'utf8')).toJS().body).toBe(parseDocument(before).toJS().body);
  });

  it('records no objection of a ministry whose reviewer only took back another reviewer’s change: the text is as it was built', () => {
    const dir = exampleProject();
    initRepository(dir);
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const docx = join(dir, 'out/taken-back.docx');
    const janis = { author: 'Jānis Bērziņš (AM)', date: '2021-02-17T08:00:00Z' };
    const edit = new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')))
      // equity-reforms: AM changes a word, and proposes "ļoti ", which LM strikes out again: LM's only change there.
      .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
      .insertedThenDeleted('Tikpat svarīgi ir stiprināt', 'svarīgi', 'ļoti ', ANNA, PETERIS)
      // equity-eu-cooperation: LM's own change.
      .replace('vislielāko pievienoto vērtību', 'vislielāko', 'lielāko', PETERIS)
      // equity-achievements: one AM reviewer proposes a word, another of AM takes it back: AM leaves the text as it was.
      .insertedThenDeleted('trim savstarpēji papildinošiem', 'trim', 'visiem ', ANNA, janis);
    writeFileSync(docx, edit.bytes());

    const am = runCli(['review', docx, '--accept', '--ministry', 'AM'], dir);
    expect(am.status, am.stderr).toBe(0);
    expect(exampleClearance(dir, 'equity-reforms').AM).toMatchObject({ status: 'objected', date: '2021-02-16', version: 3 });
    // It recorded "AM objected" on equity-achievements, whose text AM's reviewers left as it was.
    expect(exampleClearance(dir, 'equity-achievements').AM).toMatchObject({ status: 'cleared', date: '2021-02-15' });
    expect(am.stdout).toContain('note: AM only took back its own or another reviewer’s tracked changes here');

    const lm = runCli(['review', docx, '--accept', '--ministry', 'LM', '--rebase'], dir);
    expect(lm.status, lm.stderr).toBe(0);
    expect(exampleClearance(dir, 'equity-eu-cooperation').LM).toMatchObject({ status: 'objected', date: '2021-02-17', version: 3 });
    // It recorded "LM objected" on equity-reforms, where LM only struck out AM's proposal: LM's clearance of version 2 stays.
    expect(exampleClearance(dir, 'equity-reforms').LM).toMatchObject({ status: 'cleared', date: '2021-02-17', version: 2 });
    const reforms = lm.stdout.split('\n\n').find((block) => block.startsWith('position equity-reforms')) ?? '';
    expect(reforms).toContain('note: LM only took back its own or another reviewer’s tracked changes here');
    expect(reforms).not.toContain('clearance LM');

    // Said to have cleared (--cleared), LM is recorded so where it took AM's proposal back.
    const again = exampleProject();
    initRepository(again);
    expect(runCli(['build', EXAMPLE_MEETING], again).status).toBe(0);
    writeFileSync(docx.replace(dir, again), edit.bytes());
    expect(runCli(['review', docx.replace(dir, again), '--accept', '--ministry', 'AM'], again).status).toBe(0);
    expect(runCli(['review', docx.replace(dir, again), '--accept', '--ministry', 'LM', '--rebase', '--cleared'], again).status).toBe(0);
    expect(exampleClearance(again, 'equity-reforms').LM).toMatchObject({ status: 'cleared', date: '2021-02-17', version: 3 });

    // A file in which LM only took back AM's proposal: AM's review, no other ministry's to record. It asked for --ministry
    // ("several ministries"), and with it pointed to a --ministry LM run that records nothing.
    const third = exampleProject();
    initRepository(third);
    expect(runCli(['build', EXAMPLE_MEETING], third).status).toBe(0);
    const onlyAm = join(third, 'out/only-am.docx');
    writeFileSync(
      onlyAm,
      new WordEdit(readFileSync(join(third, 'out/IZMzin_190221_EDUC.docx')))
        .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
        .insertedThenDeleted('Tikpat svarīgi ir stiprināt', 'svarīgi', 'ļoti ', ANNA, PETERIS)
        .bytes(),
    );
    const accepted = runCli(['review', onlyAm, '--accept'], third);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stderr).not.toContain('review/other-ministry');
    expect(exampleClearance(third, 'equity-reforms').AM).toMatchObject({ status: 'objected', version: 3 });
  });

  it('names the reviewer who deleted text another had inserted, though the text is in neither reading', () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const docx = join(dir, 'out/withdrawn.docx');
    const edit = new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).insertedThenDeleted('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'ļoti ', ANNA, PETERIS);
    writeFileSync(docx, edit.bytes());
    const listed = runCli(['review', docx], dir);
    expect(listed.status, listed.stderr).toBe(0);
    // It read as "no tracked changes or comments": in Word, LM had struck out AM's proposal.
    expect(listed.stdout).toContain('position equity-reforms v2 (positions/educ/equity-reforms.yaml) body\n  Anna Ozola (AM), 2021-02-16; Pēteris Liepa (LM), 2021-02-17\n');
    expect(listed.stdout).toContain('note: text Anna Ozola (AM) inserted and Pēteris Liepa (LM) deleted again: “ļoti ”');
  });
});
