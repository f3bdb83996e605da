import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli, tempDir } from '../helpers/project.js';

test('a position a sparse checkout leaves out is named as in the repository, with the git command that brings it in, not as one to create', () => {
  const dir = exampleProject();
  initRepository(dir);
  git(dir, ['sparse-checkout', 'set', 'meetings', 'templates']);
  const run = runCli(['check', EXAMPLE_MEETING], dir);
  expect(run.status).toBe(1);
  expect(run.stdout + run.stderr).toContain(
    `${EXAMPLE_MEETING}:89:15  error  Question 2 points to the position \`equity-reforms\`, which does not exist. positions/educ/equity-reforms.yaml is in the git repository, but this sparse checkout leaves it out: \`git sparse-checkout add positions/educ\` brings it in (or \`git sparse-checkout disable\`, every file).  meeting/unknown-position`,
  );
  expect(run.stdout + run.stderr).not.toContain('Create it');
  // Brought in as the hint says, the meeting checks.
  git(dir, ['sparse-checkout', 'add', 'positions/educ']);
  expect(runCli(['check', EXAMPLE_MEETING], dir).stdout).toContain('no problems');
});

test('a position deleted since the last commit, or in a commit (a colleague’s, merged), is named with the git command that brings it back, not as one to create', () => {
  const dir = exampleProject();
  initRepository(dir);
  const file = 'positions/educ/equity-reforms.yaml';
  rmSync(join(dir, file));
  const deleted = runCli(['check', EXAMPLE_MEETING], dir);
  expect(deleted.stdout).toContain(`Question 2 points to the position \`equity-reforms\`, which does not exist. ${file} was deleted since the last commit: \`git restore ${file}\` brings it back.  meeting/unknown-position`);
  git(dir, ['rm', '-q', file]);
  git(dir, ['commit', '-q', '-m', 'no longer needed'], { author: 'Jānis Bērziņš', date: '2021-02-12T10:00:00Z' });
  const hash = git(dir, ['rev-parse', '--short', 'HEAD']).trim();
  const removed = runCli(['check', EXAMPLE_MEETING], dir);
  expect(removed.stdout).toContain(
    `Question 2 points to the position \`equity-reforms\`, which does not exist. ${file} was deleted in commit ${hash} (Jānis Bērziņš, 2021-02-12): \`git checkout ${hash}^ -- ${file}\` brings it back; or point the question to the position that took its place.  meeting/unknown-position`,
  );
  // Brought back as the hint says, the meeting checks.
  git(dir, ['checkout', `${hash}^`, '--', file]);
  expect(runCli(['check', EXAMPLE_MEETING], dir).stdout).toContain('no problems');
  for (const run of [deleted, removed]) expect(run.stdout).not.toContain('Create it');
});

// `git rm` and then `git commit`, whose pre-commit hook runs check: the deletion is staged, so git's index no
// longer has the file either, and the meeting's position was one to create (found by the terminal and hooks run).
test('a position whose deletion is staged (git rm, in a pre-commit hook) is named as deleted, with the git command that brings it back, not as one to create', () => {
  const dir = exampleProject();
  initRepository(dir);
  const file = 'positions/educ/equity-reforms.yaml';
  git(dir, ['rm', '-q', file]);
  const run = runCli(['check', EXAMPLE_MEETING], dir, { GIT_INDEX_FILE: '.git/index' });
  expect(run.stdout).toContain(
    `Question 2 points to the position \`equity-reforms\`, which does not exist. ${file} was deleted, and its deletion is staged for the next commit: \`git restore --staged --worktree ${file}\` brings it back.  meeting/unknown-position`,
  );
  expect(run.stdout).not.toContain('Create it');
  // Brought back as the hint says, the meeting checks.
  git(dir, ['restore', '--staged', '--worktree', file]);
  expect(runCli(['check', EXAMPLE_MEETING], dir).stdout).toContain('no problems');
});

test('a position renamed in a commit with a new id, which an earlier meeting still names, is named with its new file and id, not as one to bring back', () => {
  const dir = exampleProject();
  initRepository(dir);
  const file = 'positions/educ/equity-reforms.yaml';
  const renamed = 'positions/educ/equity-investments.yaml';
  git(dir, ['mv', file, renamed]);
  writeFileSync(join(dir, renamed), readFileSync(join(dir, renamed), 'utf8').replace(/^id: equity-reforms$/m, 'id: equity-investments'));
  git(dir, ['commit', '-q', '-a', '-m', 'a clearer id'], { author: 'Jānis Bērziņš', date: '2021-11-02T10:00:00Z' });
  const hash = git(dir, ['rev-parse', '--short', 'HEAD']).trim();
  const run = runCli(['check', EXAMPLE_MEETING], dir);
  expect(run.stdout).toContain(
    `Question 2 points to the position \`equity-reforms\`, which does not exist. ${file} was renamed to ${renamed} in commit ${hash} (Jānis Bērziņš, 2021-11-02), whose id is now \`equity-investments\`: point the question to \`equity-investments\`.  meeting/unknown-position`,
  );
  expect(run.stdout).not.toContain('brings it back');
  expect(runCli(['clear', 'equity-reforms', '--ministry', 'AM', '--date', '2021-11-03'], dir)).toMatchObject({
    status: 2,
    stderr:
      'briefing: No position file or id `equity-reforms` in the working tree.\n' +
      `  ${file} was renamed to ${renamed} in commit ${hash} (Jānis Bērziņš, 2021-11-02), whose id is now \`equity-investments\`: clear it by that id, \`briefing clear equity-investments\` with the same options.\n`,
  });
  // Gone since from where it was renamed to: nothing to point to, so the file as it was is what can be brought back.
  git(dir, ['rm', '-q', renamed]);
  git(dir, ['commit', '-q', '-m', 'no longer needed'], { author: 'Jānis Bērziņš', date: '2021-12-01T10:00:00Z' });
  expect(runCli(['check', EXAMPLE_MEETING], dir).stdout).toContain(`${file} was deleted in commit ${hash} (Jānis Bērziņš, 2021-11-02): \`git checkout ${hash}^ -- ${file}\` brings it back`);
});

// A ministry renames a position shared by two meetings (file and id), then runs check before committing, to find
// the questions to point anew: it was told to create the old id, or to bring the old file back (a second copy).
test('a position renamed with a new id since the last commit (git mv), which a meeting still names, is named with its new file and id, not as one to create', () => {
  const dir = exampleProject();
  initRepository(dir);
  const file = 'positions/educ/equity-reforms.yaml';
  const renamed = 'positions/educ/equity-investments.yaml';
  git(dir, ['mv', file, renamed]);
  writeFileSync(join(dir, renamed), readFileSync(join(dir, renamed), 'utf8').replace(/^id: equity-reforms$/m, 'id: equity-investments'));
  const run = runCli(['check', EXAMPLE_MEETING], dir);
  expect(run.stdout).toContain(
    `Question 2 points to the position \`equity-reforms\`, which does not exist. ${file} was renamed to ${renamed} since git HEAD, and its id is now \`equity-investments\`: point the question to \`equity-investments\`.  meeting/unknown-position`,
  );
  expect(run.stdout).not.toContain('Create it');
  // Pointed there as the hint says, the meeting checks.
  const meeting = join(dir, EXAMPLE_MEETING);
  writeFileSync(meeting, readFileSync(meeting, 'utf8').replace('position: equity-reforms', 'position: equity-investments'));
  expect(runCli(['check', EXAMPLE_MEETING], dir).stdout).not.toContain('meeting/unknown-position');
});

test('in a project that is a folder of its repository, the deleted file is named from the project, where the command runs', () => {
  const repo = tempDir();
  const dir = join(repo, 'briefings');
  cpSync(exampleProject(), dir, { recursive: true });
  initRepository(repo);
  const file = 'positions/educ/equity-reforms.yaml';
  git(dir, ['rm', '-q', file]);
  git(dir, ['commit', '-q', '-m', 'no longer needed']);
  const hash = git(dir, ['rev-parse', '--short', 'HEAD']).trim();
  expect(runCli(['check', EXAMPLE_MEETING], dir).stdout).toContain(`${file} was deleted in commit ${hash} (Briefing Tests, 2021-02-10): \`git checkout ${hash}^ -- ${file}\` brings it back`);
});

test('new position refuses an id a sparse checkout hides (the new file would overwrite a colleague’s on commit, or claim its id), and says how to bring it in', () => {
  const dir = exampleProject();
  initRepository(dir);
  git(dir, ['sparse-checkout', 'set', 'meetings', 'templates']);
  for (const folder of ['educ', 'other']) {
    expect(runCli(['new', 'position', 'equity-reforms', '--dir', folder, '--question', 'Kas jādara?'], dir)).toMatchObject({
      status: 2,
      stderr:
        'briefing: The position `equity-reforms` already exists in the git repository: positions/educ/equity-reforms.yaml, which this sparse checkout leaves out; nothing written.\n' +
        '  Bring it in to edit it (`git sparse-checkout add positions/educ`), or choose another id.\n',
    });
  }
  expect(git(dir, ['status', '--short'])).toBe('');
  // Another id is written as ever.
  expect(runCli(['new', 'position', 'equity-digital', '--dir', 'educ', '--question', 'Kas jādara?'], dir).status).toBe(0);
});

test('new meeting refuses a file name a sparse checkout hides, before asking anything', () => {
  const dir = exampleProject();
  initRepository(dir);
  git(dir, ['sparse-checkout', 'set', 'positions', 'templates']);
  expect(runCli(['new', 'meeting', '2021-02-19', 'educ-informal'], dir)).toMatchObject({
    status: 2,
    stderr:
      `briefing: The meeting file already exists in the git repository: ${EXAMPLE_MEETING}, which this sparse checkout leaves out; nothing written.\n` +
      '  Bring it in to edit it (`git sparse-checkout add meetings`), or choose another name.\n',
  });
  expect(git(dir, ['status', '--short'])).toBe('');
});

test('clear of a position git has but the working tree lacks says how to bring it back, not only that there is no such position', () => {
  const dir = exampleProject();
  initRepository(dir);
  rmSync(join(dir, 'positions/educ/equity-reforms.yaml'));
  expect(runCli(['clear', 'equity-reforms', '--ministry', 'AM', '--ref', 'e-pasts'], dir)).toMatchObject({
    status: 2,
    stderr: 'briefing: No position file or id `equity-reforms` in the working tree.\n  positions/educ/equity-reforms.yaml was deleted since the last commit: `git restore positions/educ/equity-reforms.yaml` brings it back.\n',
  });
});

test('import refuses to write files a sparse checkout hides (they would show in git as changes of those files), writing nothing', () => {
  const dir = exampleProject();
  initRepository(dir);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const docx = join(tempDir(), 'report.docx');
  cpSync(join(dir, 'out/IZMzin_190221_EDUC.docx'), docx);
  expect(runCli(['import', docx, '--slug', 'educ-copy'], dir).status).toBe(0);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'imported']);
  git(dir, ['sparse-checkout', 'set', 'templates']);
  const run = runCli(['import', docx, '--slug', 'educ-copy'], dir);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('meetings/2021-02-19-educ-copy.yaml  error  meetings/2021-02-19-educ-copy.yaml exists already in the git repository, though this sparse checkout leaves it out; import writes new files only. Pass another --slug.  import/exists');
  expect(run.stderr).toContain('positions/educ-copy/educ-copy-1.yaml  error  positions/educ-copy/educ-copy-1.yaml exists already in the git repository');
  expect(git(dir, ['status', '--short'])).toBe('');
});
