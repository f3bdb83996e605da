import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli, tempDir } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

const POSITION = 'positions/educ/equity-reforms.yaml';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };

/** The example in a repository, its report reviewed by AM (one word changed), and the position moved on to v3 in a commit since the build. */
function reviewedThenCommitted(): { dir: string; docx: string } {
  const dir = exampleProject();
  initRepository(dir);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const docx = join(tempDir(), 'reviewed.docx');
  writeFileSync(docx, new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA).bytes());
  // The position moves on after the build, and is committed: the repository still has the text the DOCX was built from.
  writeFileSync(join(dir, POSITION), readFileSync(join(dir, POSITION), 'utf8').replace('version: 2', 'version: 3').replace('Latvijas rīcību turpmākajos', 'Latvijas rīcību nākamajos'));
  commitAll(dir, 'version 3');
  return { dir, docx };
}

it('review --rebase finds the text the DOCX was built from in the newest commit, the position edited since and not committed: the reviewer\'s word and the edit both written', () => {
  const dir = exampleProject();
  initRepository(dir);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const docx = join(tempDir(), 'reviewed.docx');
  writeFileSync(docx, new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA).bytes());
  // Edited after the build, not committed: the built text is HEAD's, the only commit.
  writeFileSync(join(dir, POSITION), readFileSync(join(dir, POSITION), 'utf8').replace('version: 2', 'version: 3').replace('Latvijas rīcību turpmākajos', 'Latvijas rīcību nākamajos'));
  const run = runCli(['review', docx, '--rebase', '--accept', '--ministry', 'AM'], dir);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const merged = readFileSync(join(dir, POSITION), 'utf8');
  expect(merged).toContain('Tuvākajā laikā vispirms paredzēts:');
  expect(merged).toContain('Latvijas rīcību nākamajos');
});

it('review --rebase in a shallow clone, without git, or in a repository git refuses, says why git cannot give the built text and what to do, not to commit files first', () => {
  const { dir, docx } = reviewedThenCommitted();
  expect(runCli(['review', docx, '--rebase'], dir).status).toBe(0);
  // CI's checkout, or `git clone --depth 1`: the newest commit alone.
  const shallow = join(tempDir(), 'clone');
  git(dir, ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
  const run = runCli(['review', docx, '--rebase'], shallow);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(
    `${POSITION}  error  The reviewer changed position equity-reforms, but it is v3 now, the DOCX was built from v2. The text the DOCX was built from cannot be read (it is not in this shallow clone, whose history may stop short of it), so the changes cannot be merged. Fetch the whole history: git fetch --unshallow (in GitHub Actions, actions/checkout with fetch-depth: 0).  review/no-base`,
  );
  expect(run.stderr).not.toContain('Commit position files');

  // The full clone, with no git to run, or with git refusing it as another user's: the text is in git, which cannot give it.
  const noGit = runCli(['review', docx, '--rebase'], dir, { PATH: tempDir() });
  expect(noGit.stderr).toContain('The text the DOCX was built from cannot be read (git is not installed or not on the PATH), so the changes cannot be merged. Install git and put it on the PATH, then run review again.  review/no-base');
  const otherOwner = runCli(['review', docx, '--rebase'], dir, { GIT_TEST_ASSUME_DIFFERENT_OWNER: '1', HOME: tempDir(), XDG_CONFIG_HOME: tempDir(), GIT_CONFIG_NOSYSTEM: '1' });
  expect(otherOwner.stderr).toContain(`The text the DOCX was built from cannot be read (git refuses to work in the repository at ${dir}, which belongs to another user), so the changes cannot be merged. If you trust it, tell git so: git config --global --add safe.directory ${dir}`);
  for (const each of [noGit, otherOwner]) expect(each.stderr).not.toContain('Commit position files');
});

it('review --rebase in a checkout whose .git leads to a repository that is not there says so and how to mend it, not to commit files first', () => {
  const { dir, docx } = reviewedThenCommitted();
  // A linked worktree whose repository was moved away.
  const worktree = join(tempDir(), 'desk');
  git(dir, ['worktree', 'add', '-q', worktree]);
  expect(runCli(['review', docx, '--rebase'], worktree).status).toBe(0);
  // Moved into a temporary folder of its own: beside the project it was left behind in /tmp by every run.
  renameSync(dir, join(tempDir(), 'moved'));
  const run = runCli(['review', docx, '--rebase'], worktree);
  expect(run.stderr).toContain(`The text the DOCX was built from cannot be read (${worktree}/.git names the repository folder ${dir}/.git/worktrees/desk, which does not exist), so the changes cannot be merged. Where the repository has moved, \`git -C <its new folder> worktree repair ${worktree}\` mends the link`);
  expect(run.stderr).not.toContain('Commit position files');
});

it('review --rebase in a repository whose index is damaged says git’s own failure and how to mend the index, not only to commit files first', () => {
  const dir = exampleProject();
  initRepository(dir);
  // Built from an edit not yet committed, then edited again: the built text is in no commit.
  const edit = (from: string, to: string, version: string) => writeFileSync(join(dir, POSITION), readFileSync(join(dir, POSITION), 'utf8').replace(/version: \d+/, version).replace(from, to));
  edit('Latvijas rīcību turpmākajos', 'Latvijas rīcību tālākajos', 'version: 3');
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const docx = join(tempDir(), 'reviewed.docx');
  writeFileSync(docx, new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA).bytes());
  edit('Latvijas rīcību tālākajos', 'Latvijas rīcību nākamajos', 'version: 4');
  // A crash while git wrote its index, or a cloud drive's sync: the index cut short, so nothing can be committed either.
  writeFileSync(join(dir, '.git/index'), readFileSync(join(dir, '.git/index')).subarray(0, 20));
  const run = runCli(['review', docx, '--rebase'], dir);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("The text the DOCX was built from is not found in the file's git history, and git fails in this repository (fatal: .git/index: index file smaller than expected), so the changes cannot be merged. The index git keeps of the files is damaged");
  // The hint followed, the index is made again; the text is still in no commit, so the hint is to commit first.
  rmSync(join(dir, '.git/index'));
  git(dir, ['reset', '-q']);
  expect(runCli(['review', docx, '--rebase'], dir).stderr).toContain('Commit position files before building reports for review.');
});

it('review --rebase in a repository with a damaged object says git’s own words and how to find and mend it, not “git cat-file --batch failed” nor to commit files first (exit 2)', () => {
  const { dir, docx } = reviewedThenCommitted();
  // The blob of the text the DOCX was built from, damaged on disk (a disk error, a cloud drive's sync).
  const blob = git(dir, ['rev-parse', `HEAD~1:${POSITION}`]).trim();
  const file = join(dir, '.git/objects', blob.slice(0, 2), blob.slice(2));
  const stored = readFileSync(file);
  chmodSync(file, 0o644);
  // Cut short: git reads its header, then stops in its text.
  writeFileSync(file, stored.subarray(0, stored.length / 2));
  const cut = runCli(['review', docx, '--rebase'], dir);
  expect(cut.status).toBe(2);
  expect(cut.stderr).not.toContain('cat-file');
  expect(cut.stderr).toContain(`briefing: git failed in this repository (fatal: unable to stream ${blob} to stdout).`);
  expect(cut.stderr).toContain('`git fsck` names every damaged object');
  // Not even its header readable: git calls it missing, and says why only on its error output.
  writeFileSync(file, 'not a zlib stream');
  const unreadable = runCli(['review', docx, '--rebase'], dir);
  expect(unreadable.status).toBe(2);
  expect(unreadable.stderr).not.toContain('Commit position files');
  expect(unreadable.stderr).toContain(`briefing: git failed in this repository (error: unable to unpack ${blob} header).`);
  expect(unreadable.stderr).toContain('`git fsck` names every damaged object');
});
