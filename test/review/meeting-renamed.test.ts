import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { reviewedExample } from '../helpers/word-edit.js';

const RENAMED = 'meetings/2021-02-19-educ-council.yaml';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };

/** The example committed and built, with a DOCX whose reviewer changed a position's answer and the meeting's background. */
function reviewed(): { dir: string; docx: string } {
  const dir = exampleProject();
  initRepository(dir);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  return { dir, docx: reviewedExample(dir, ANNA) };
}

it('review --accept of a DOCX built from a meeting renamed since (committed with git mv, or moved by hand) writes into the meeting under its name now', () => {
  for (const move of ['git mv, committed', 'mv']) {
    const { dir, docx } = reviewed();
    if (move === 'mv') renameSync(join(dir, EXAMPLE_MEETING), join(dir, RENAMED));
    else {
      git(dir, ['mv', EXAMPLE_MEETING, RENAMED]);
      commitAll(dir, 'renamed');
    }
    const run = runCli(['review', docx, '--accept'], dir);
    expect(run.stderr, move).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`(built from ${RENAMED})`);
    expect(run.stdout).toContain(`meeting ${RENAMED} background`);
    expect(readFileSync(join(dir, RENAMED), 'utf8')).toContain('Portugāles prezidentūra oficiālo ministru');
    expect(readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8')).toContain('version: 3');
  }
});

it('a meeting renamed and changed since the build is found by git’s rename detection, and --rebase finds the built text under its earlier name', () => {
  const { dir, docx } = reviewed();
  git(dir, ['mv', EXAMPLE_MEETING, RENAMED]);
  writeFileSync(join(dir, RENAMED), readFileSync(join(dir, RENAMED), 'utf8').replace('topic: Vienlīdzīga', 'topic: Taisnīga'));
  commitAll(dir, 'renamed, and a new topic');
  const listed = runCli(['review', docx], dir);
  expect(listed.status).toBe(1);
  expect(listed.stderr).toContain(`${RENAMED}  error  ${RENAMED} changed after the DOCX was built; the reviewer's changes to \`background\` were made to the earlier text.`);
  const rebased = runCli(['review', docx, '--accept', '--rebase'], dir);
  expect(rebased.stderr).toBe('');
  expect(rebased.status).toBe(0);
  const now = readFileSync(join(dir, RENAMED), 'utf8');
  expect(now).toContain('Portugāles prezidentūra oficiālo ministru');
  expect(now).toContain('topic: Taisnīga');
});

it('a DOCX of a meeting renamed since is written into that meeting, not into another meeting added in the same commit', () => {
  const { dir, docx } = reviewed();
  // An earlier meeting, added with the rename: git lists it first among the changes since.
  const other = 'meetings/2021-01-15-educ-informal.yaml';
  const otherText = readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace('date: 2021-02-19', 'date: 2021-01-15').replace('IZMzin_190221_EDUC', 'IZMzin_150121_EDUC');
  writeFileSync(join(dir, other), otherText);
  git(dir, ['mv', EXAMPLE_MEETING, RENAMED]);
  commitAll(dir, 'renamed, and another meeting');
  const run = runCli(['review', docx, '--accept'], dir);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`(built from ${RENAMED})`);
  expect(readFileSync(join(dir, RENAMED), 'utf8')).toContain('Portugāles prezidentūra oficiālo ministru');
  expect(readFileSync(join(dir, other), 'utf8')).toBe(otherText);
});
