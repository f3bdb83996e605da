import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commitAll, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';
import { reviewedExample } from '../helpers/reviewed-example.js';

const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
const FILE = 'positions/educ/equity-reforms.yaml';

/** Built from a committed project, reviewed in Word, and then the position changed and committed again. */
function reviewedThenChanged(change: (text: string) => string): { dir: string; docx: string } {
  const dir = exampleProject();
  initRepository(dir);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const docx = join(dir, 'out/reviewed.docx');
  writeFileSync(docx, new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA).bytes());
  writeFileSync(join(dir, FILE), change(readFileSync(join(dir, FILE), 'utf8')).replace('version: 2', 'version: 3'));
  commitAll(dir, 'version 3');
  return { dir, docx };
}

function body(dir: string): { version: unknown; body: string } {
  const data: Record<string, unknown> = parseDocument(readFileSync(join(dir, FILE), 'utf8')).toJS();
  return { version: data.version, body: String(data.body) };
}

describe('briefing review --rebase', () => {
  it('merges the reviewer’s changes into a position changed since the build', () => {
    const { dir, docx } = reviewedThenChanged((text) => text.replace('Tikpat svarīgi ir', 'Ne mazāk svarīgi ir'));
    const refused = runCli(['review', docx, '--accept'], dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('it is v3 now, the DOCX was built from v2');
    expect(refused.stderr).toContain('--rebase');
    // The refused position is listed all the same, with its reviewer and what --rebase would carry over.
    expect(refused.stdout).toContain('out/reviewed.docx (built from meetings/2021-02-19-educ-informal.yaml), reviewed by AM');
    expect(refused.stdout).toContain(`position equity-reforms v2 (${FILE}) body`);
    expect(refused.stdout).toContain('[-prioritāri-]{+vispirms+}');
    expect(refused.stdout).toContain(`note: not written: ${FILE} changed after the DOCX was built`);

    const run = runCli(['review', docx, '--accept', '--rebase'], dir);
    expect(run.status, run.stderr).toBe(0);
    const after = body(dir);
    expect(after.version).toBe(4);
    expect(after.body).toContain('Tuvākajā laikā vispirms paredzēts:');
    expect(after.body).toContain('Ne mazāk svarīgi ir');
  });

  it('accepts a DOCX several ministries reviewed one ministry at a time: the next one with --rebase finds the changes already written, not conflicts', () => {
    const { dir, docx } = reviewedExample('circulated', (report) =>
      report
        .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
        .replace('Tikpat svarīgi ir stiprināt', 'Tikpat', 'Ne mazāk', { author: 'Pēteris Liepa (LM)', date: '2021-02-17T10:00:00Z' }),
    );
    const several = runCli(['review', docx, '--accept'], dir);
    expect(several.status).toBe(2);
    expect(several.stderr).toContain('--ministry LM --rebase');
    expect(runCli(['review', docx, '--accept', '--ministry', 'AM'], dir).status).toBe(0);
    const first = readFileSync(join(dir, FILE), 'utf8');
    // The second ministry's turn: every change of the DOCX is in the text already. It was a conflict for each, and nothing written.
    const run = runCli(['review', docx, '--accept', '--ministry', 'LM', '--rebase'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('conflict');
    const after = parseDocument(readFileSync(join(dir, FILE), 'utf8')).toJS();
    expect(after.version).toBe(3);
    expect(after.body).toBe(parseDocument(first).toJS().body);
    expect(after.clearance.LM).toMatchObject({ status: 'objected', date: '2021-02-17', version: 3 });
    expect(after.clearance.AM).toMatchObject({ status: 'objected', version: 3 });
  });

  it('finds an edit made without track changes in a position changed since the build, and merges it too', () => {
    const dir = exampleProject();
    initRepository(dir);
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const docx = join(dir, 'out/untracked.docx');
    writeFileSync(docx, new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).untracked('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms').bytes());
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), 'utf8').replace('Tikpat svarīgi ir', 'Ne mazāk svarīgi ir').replace('version: 2', 'version: 3'));
    commitAll(dir, 'version 3');
    // It was read as "no tracked changes or comments": the reviewer's edit was lost without a word.
    const refused = runCli(['review', docx], dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('review/changed-since-build');
    // Pasted, it lists, as was asked; that it writes nothing without --accept is said ("merge the changes" read as if it wrote them).
    expect(refused.stderr).toContain('or list the changes merged with the text as it is now: `briefing review out/untracked.docx --rebase` (with --accept, it writes them).');
    // The hint repeats what was asked: pasted, it accepts, rather than only lists.
    const acceptRefused = runCli(['review', docx, '--accept', '--ministry', 'AM'], dir);
    expect(acceptRefused.status).toBe(1);
    expect(acceptRefused.stderr).toContain('or merge the changes: `briefing review out/untracked.docx --accept --ministry AM --rebase`.');
    const run = runCli(['review', docx, '--accept', '--ministry', 'AM', '--rebase'], dir);
    expect(run.status, run.stderr).toBe(0);
    const after = body(dir);
    expect(after.body).toContain('Tuvākajā laikā vispirms paredzēts:');
    expect(after.body).toContain('Ne mazāk svarīgi ir');
    // A field of that position the reviewer left as it was built is no change, though the file changed.
    const untouched = join(dir, 'out/untouched.docx');
    writeFileSync(untouched, readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')));
    const quiet = runCli(['review', untouched], dir);
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stdout).toContain('no tracked changes or comments');
  });

  it('says when it cannot tell: the position changed since the build and the text it was built from was never committed', () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const docx = join(dir, 'out/untracked.docx');
    writeFileSync(docx, new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).untracked('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms').bytes());
    writeFileSync(join(dir, FILE), readFileSync(join(dir, FILE), 'utf8').replace('Tikpat svarīgi ir', 'Ne mazāk svarīgi ir'));
    const run = runCli(['review', docx], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${FILE}  warning  ${FILE} changed after the DOCX was built, and the text it was built from is not in its git history: an edit made to \`body\` without track changes cannot be told from that change.`);
    expect(run.stderr).toContain('review/no-base');
  });

  it('lists a change that no longer fits as a conflict and writes nothing', () => {
    const { dir, docx } = reviewedThenChanged((text) => text.replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajos gados prioritāri paredzēts:'));
    const before = readFileSync(join(dir, FILE), 'utf8');
    const run = runCli(['review', docx, '--accept', '--rebase'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('review/conflict');
    expect(run.stdout).toContain('conflict: this change no longer fits the current text:');
    expect(run.stdout).toContain('+Tuvākajā laikā vispirms paredzēts:');
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(before);
  });
});
