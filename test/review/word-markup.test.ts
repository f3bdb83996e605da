import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

/** Markup Word writes that a reviewed report may come back with, and what it does to `review`. */

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
const PETERIS = { author: 'Pēteris Liepa (LM)', date: '2021-02-17T10:00:00Z' };
const REFORMS = 'positions/educ/equity-reforms.yaml';

function built(): string {
  const dir = exampleProject();
  const build = runCli(['build', EXAMPLE_MEETING], dir);
  expect(build.status, build.stderr).toBe(0);
  return dir;
}

function saved(dir: string, edit: (word: WordEdit) => WordEdit): string {
  writeFileSync(join(dir, 'out/reviewed.docx'), edit(new WordEdit(readFileSync(join(dir, DOCX)))).bytes());
  return 'out/reviewed.docx';
}

function body(dir: string, file = REFORMS): string {
  return String(parseDocument(readFileSync(join(dir, file), 'utf8')).get('body'));
}

describe('review of the markup Word writes', () => {
  it('reads a tracked insertion Word wrote in mc:AlternateContent once, not from both its Choice and its Fallback', () => {
    const dir = built();
    const docx = saved(dir, (word) => word.insertAlternateContent('Tuvākajā laikā prioritāri paredzēts:', 'paredzēts', 'vēl ', ANNA));
    const listed = runCli(['review', docx], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('Tuvākajā laikā prioritāri {+vēl +}paredzēts:');
    const accepted = runCli(['review', docx, '--accept'], dir);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(body(dir)).toContain('\nTuvākajā laikā prioritāri vēl paredzēts:\n');
  });

  it('takes an insertion nested in another reviewer’s deletion (w:ins inside w:del) for deleted again, as Word’s w:del inside w:ins', () => {
    const dir = built();
    const docx = saved(dir, (word) =>
      word.replace('Tikpat svarīgi ir stiprināt', 'svarīgi', 'būtiski', ANNA).insertionInsideDeletion(' ir stiprināt iekļaujošas', 'ir', 'ļoti ', PETERIS, ANNA),
    );
    const listed = runCli(['review', docx], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('Tikpat [-svarīgi-]{+būtiski+} ir stiprināt');
    expect(listed.stdout).toContain('note: text Pēteris Liepa (LM) inserted and Anna Ozola (AM) deleted again: “ļoti ”');
    const accepted = runCli(['review', docx, '--accept', '--ministry', 'AM'], dir);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(body(dir)).toContain('\nTikpat būtiski ir stiprināt');
    expect(body(dir)).not.toContain('ļoti');
  });

  it('a line or page break typed at a paragraph’s end is no text: --accept writes no backslash, which the report would print', () => {
    const dir = built();
    const before = body(dir);
    const docx = saved(dir, (word) =>
      word
        .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
        .breakAfter(' paredzēts:', ANNA)
        .breakAfter('risinājumi tiek turpināti arī pēc projekta beigām.', ANNA, 'page'),
    );
    const listed = runCli(['review', docx], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('Tuvākajā laikā [-prioritāri-]{+vispirms+} paredzēts:\n');
    const accepted = runCli(['review', docx, '--accept'], dir);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(body(dir)).toBe(before.replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajā laikā vispirms paredzēts:'));
  });

  it('an answer’s last paragraph joined with the question after it cannot be written, nor is it recorded as a change of nothing', () => {
    const dir = built();
    const before = readFileSync(join(dir, 'positions/educ/equity-achievements.yaml'), 'utf8');
    const docx = saved(dir, (word) => word.joinWithNext('sociālo dienestu sadarbību.', ANNA));
    const listed = runCli(['review', docx], dir);
    expect(listed.stdout).toContain('cannot be written: the reviewer joined “Šie pasākumi palīdzēja nodrošināt mācību nepārtrauktību a…” with the paragraph after it, outside the field');
    const accepted = runCli(['review', docx, '--accept'], dir);
    expect(accepted.status).toBe(1);
    expect(accepted.stderr).toContain('review/cannot-write');
    expect(readFileSync(join(dir, 'positions/educ/equity-achievements.yaml'), 'utf8')).toBe(before);
  });

  it('a paragraph justified, spaced or indented with track changes on is no change of its text: the review’s other changes are written', () => {
    const dir = built();
    const before = body(dir);
    const docx = saved(dir, (word) =>
      word
        .relayout('Tikpat svarīgi ir stiprināt', '<w:pStyle w:val="Normal"/><w:jc w:val="both"/><w:spacing w:after="240"/><w:ind w:firstLine="567"/>', ANNA)
        .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA),
    );
    const listed = runCli(['review', docx], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain('cannot be written');
    const accepted = runCli(['review', docx, '--accept'], dir);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(body(dir)).toBe(before.replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajā laikā vispirms paredzēts:'));
  });

  it('a paragraph given a heading’s style with track changes on still cannot be written', () => {
    const dir = built();
    const docx = saved(dir, (word) => word.relayout('Tikpat svarīgi ir stiprināt', '<w:pStyle w:val="Heading3"/>', ANNA));
    const accepted = runCli(['review', docx, '--accept'], dir);
    expect(accepted.status).toBe(1);
    expect(accepted.stderr).toContain('review/cannot-write');
  });
});

describe('review of a DOCX whose field anchors were tampered with', () => {
  function refused(dir: string, docx: string): string {
    const before = readFileSync(join(dir, REFORMS), 'utf8');
    const achievements = readFileSync(join(dir, 'positions/educ/equity-achievements.yaml'), 'utf8');
    for (const args of [[], ['--accept']]) {
      const run = runCli(['review', docx, ...args], dir);
      expect(run.status, run.stdout).toBe(1);
      expect(run.stderr).toContain('review/no-anchors');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      if (args.length) {
        expect(readFileSync(join(dir, REFORMS), 'utf8')).toBe(before);
        expect(readFileSync(join(dir, 'positions/educ/equity-achievements.yaml'), 'utf8')).toBe(achievements);
      }
      if (!args.length) return run.stderr;
    }
    return '';
  }

  it('refuses a field anchor whose bookmark marks a second answer too, rather than write that answer into the first position', () => {
    const dir = built();
    const docx = saved(dir, (word) => word.renameBookmark('_Bf3', '_Bf2').replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA));
    const message = refused(dir, docx);
    expect(message).toContain('the text of position equity-achievements (its hidden bookmark _Bf2) is marked in two places, at “Nozīmīgākie Latvijas sasniegumi');
    expect(message).toContain('and at “Latvijas rīcību turpmākajos gados');
  });

  it('refuses a DOCX that lost one answer’s bookmark, rather than list its changes as the generated text’s', () => {
    const dir = built();
    const docx = saved(dir, (word) => word.withoutBookmark('_Bf3').replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA));
    expect(refused(dir, docx)).toContain('the hidden bookmark _Bf3 that marks the text of position equity-reforms is gone');
  });

  it('refuses a DOCX whose property recording one anchor’s field was removed', () => {
    const dir = built();
    const docx = saved(dir, (word) => word.withoutProperty('Briefing.Field._Bf3').replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA));
    expect(refused(dir, docx)).toContain('the hidden bookmark _Bf3 marks text whose field no property of the file records');
  });
});
