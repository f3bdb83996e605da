import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflictIn, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const POSITION = 'positions/educ/equity-reforms.yaml';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };

/** The example, committed and built, with a DOCX a reviewer changed in `context` (a position's body or the meeting's background). */
function reviewedProject(context: string, from: string, to: string): { dir: string; docx: string } {
  const dir = exampleProject();
  initRepository(dir);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const docx = join(dir, 'out/reviewed.docx');
  writeFileSync(docx, new WordEdit(readFileSync(join(dir, DOCX))).replace(context, from, to, ANNA).bytes());
  return { dir, docx };
}

describe('review of a DOCX whose position or meeting git could not merge', () => {
  it('names the conflict in the position, where the reviewer’s change would go, instead of calling the position gone; nothing is written', () => {
    const { dir, docx } = reviewedProject('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms');
    const conflicted = conflictIn(dir, POSITION, /^version: 2$/m, 'version: 3', 'version: 4');
    for (const args of [[], ['--accept'], ['--accept', '--rebase']]) {
      const run = runCli(['review', docx, ...args], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(
        `${POSITION}:8:1  error  The reviewer changed position equity-reforms, but ${POSITION} cannot be read now: Git could not merge this file: lines 8–12 hold two versions, between the conflict markers \`<<<<<<< HEAD\` and \`>>>>>>> theirs\`. Keep the text that should stand (the lines of HEAD after \`<<<<<<<\`, those of theirs after \`=======\`; or join them) and delete the marker lines; then \`git add ${POSITION}\`, and run review again.  review/changed-since-build`,
      );
      expect(run.stderr).not.toContain('no longer in the project');
      expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(conflicted);
    }
  });

  it('names the conflict in the meeting file, not a change since the build that --rebase could merge', () => {
    const { dir, docx } = reviewedProject('Portugāles prezidentūra neformālo', 'neformālo', 'oficiālo');
    const conflicted = conflictIn(dir, EXAMPLE_MEETING, /^participants: .*$/m, 'participants: ES ministri', 'participants: ES izglītības ministri un komisāre');
    for (const args of [[], ['--accept', '--rebase']]) {
      const run = runCli(['review', docx, ...args], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/meetings\/2021-02-19-educ-informal\.yaml:\d+:1 {2}error {2}The reviewer changed the meeting's `background`, but meetings\/2021-02-19-educ-informal\.yaml cannot be read now: Git could not merge this file: /);
      expect(run.stderr).not.toContain('no longer fit');
      expect(run.stderr).not.toContain('--rebase');
      expect(readFileSync(join(dir, EXAMPLE_MEETING), 'utf8')).toBe(conflicted);
    }
  });
});
