import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { CHECK_BASE } from '../helpers/corpus.js';
import { exampleProject, runCli, tempDir, writeFile } from '../helpers/project.js';

/** The rule `position/version-decreased`, against a real git repository in a temporary folder. */
const POSITION = 'positions/youth/youth-participation.yaml';

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
}

function commit(dir: string, paths: readonly string[] = ['--all']): void {
  git(dir, 'add', ...paths);
  git(dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '--quiet', '--no-gpg-sign', '-m', 'change');
}

/** The base project inside `sub/project` of a fresh repository, so paths at HEAD carry a prefix. */
function repository(): { repo: string; project: string } {
  const repo = tempDir('briefing-git-');
  const project = join(repo, 'sub', 'project');
  cpSync(CHECK_BASE, project, { recursive: true });
  git(repo, 'init', '--quiet');
  return { repo, project };
}

const withVersion = (version: number) => readFileSync(join(CHECK_BASE, POSITION), 'utf8').replace('version: 2', `version: ${version}`);
const versionProblems = async (project: string) =>
  (await check({ cwd: project, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'position/version-decreased');

describe('a position whose version went down against git HEAD', () => {
  test('is an error at the version line, for a project in a subfolder of the repository', async () => {
    const { repo, project } = repository();
    writeFile(project, POSITION, withVersion(5));
    commit(repo);
    writeFile(project, POSITION, withVersion(4));
    expect(await versionProblems(project)).toEqual([
      {
        file: POSITION,
        line: 2,
        column: 10,
        severity: 'error',
        ruleId: 'position/version-decreased',
        message: 'The version went down from 5 (at git HEAD) to 4.',
        hint: 'Versions only go up: set `version: 6` if the text changed, or restore the committed file.',
      },
    ]);
  });

  test('is fine when the version stays or goes up', async () => {
    const { repo, project } = repository();
    commit(repo);
    expect(await versionProblems(project)).toEqual([]);
    writeFile(project, POSITION, withVersion(3));
    expect(await versionProblems(project)).toEqual([]);
  });

  test('is skipped silently for an untracked file, before the first commit, and outside a repository', async () => {
    const { repo, project } = repository();
    writeFile(project, POSITION, withVersion(1));
    expect(await versionProblems(project)).toEqual([]); // no commit yet
    writeFile(project, 'README.md', 'x');
    commit(repo, ['sub/project/README.md']);
    expect(await versionProblems(project)).toEqual([]); // the position is untracked
    const outside = tempDir();
    cpSync(CHECK_BASE, outside, { recursive: true });
    writeFile(outside, POSITION, withVersion(1));
    const result = await check({ cwd: outside, paths: [], final: false });
    expect(result.diagnostics).toEqual([]);
  });

  test('is skipped when the committed file cannot be read as a position', async () => {
    const { repo, project } = repository();
    writeFile(project, POSITION, 'version: [broken\n');
    commit(repo);
    writeFile(project, POSITION, withVersion(1));
    expect(await versionProblems(project)).toEqual([]);
  });
});

describe('an answer changed since git HEAD under the same version', () => {
  const MEETING = 'meetings/2021-05-17-youth.yaml';
  const reworded = (text: string) => text.replace(/^body: \|\n {2}(\S)/m, 'body: |\n  Pārstrādāts teksts. $1');

  test('warns at the version line in a draft, is an error under --final, and is quiet once the version is raised or the change committed', async () => {
    const { repo, project } = repository();
    commit(repo);
    const committed = readFileSync(join(project, POSITION), 'utf8');
    writeFile(project, POSITION, reworded(committed));
    const problems = async (final: boolean) =>
      (await check({ cwd: project, paths: [MEETING], final })).diagnostics.filter((d) => d.ruleId === 'position/version-not-raised').map((d) => [d.file, d.line, d.severity, d.message]);
    const message = 'The answer changed since git HEAD, but `version` is still 2, the version of the text committed there: two texts would go by one version, and a clearance recorded for either would count for both.';
    expect(await problems(false)).toEqual([[POSITION, 2, 'warning', message]]);
    expect(await problems(true)).toEqual([[POSITION, 2, 'error', message]]);
    const [raise] = (await check({ cwd: project, paths: [MEETING], final: false })).diagnostics.filter((d) => d.ruleId === 'position/version-not-raised');
    expect(raise?.hint).toBe('Raise it to 3 with the change, and have the ministries clear the new text (`briefing clear`); or restore the committed text.');
    // Only the lines re-wrapped (the same words, printed the same): nothing to say.
    writeFile(project, POSITION, committed.replace(/^( {2}\S.*) (\S+)$/m, '$1\n  $2'));
    expect(readFileSync(join(project, POSITION), 'utf8')).not.toBe(committed);
    expect(await problems(true)).toEqual([]);
    // The same letters decomposed (NFD, "a" and a combining macron, as some Mac programs and PDFs paste them): nothing to say.
    const decomposed = committed.normalize('NFD');
    expect(decomposed).not.toBe(committed);
    writeFile(project, POSITION, decomposed);
    expect(await problems(true)).toEqual([]);
    // Spaces made no-break, narrow or doubled, as text pasted from Word or a PDF has them (diff counts it no change): nothing to say.
    const respaced = committed.replace('Latvijā jauniešu viedokli', 'Latvijā\u00A0jauniešu\u202Fviedokli').replace('konsultatīvās padomes', 'konsultatīvās  padomes');
    expect(respaced).not.toBe(committed);
    writeFile(project, POSITION, respaced);
    expect(await problems(true)).toEqual([]);
    // Only a clearance changed: nothing to say.
    writeFile(project, POSITION, committed.replace(/(clearance:\n)/, '$1  VM:\n    status: pending\n'));
    expect(await problems(true)).toEqual([]);
    writeFile(project, POSITION, reworded(committed).replace('version: 2', 'version: 3'));
    expect(await problems(true)).toEqual([]);
    writeFile(project, POSITION, reworded(committed));
    commit(repo);
    expect(await problems(true)).toEqual([]);
  });
});

describe('a position moved to another folder', () => {
  const MEETING = 'meetings/2021-05-17-youth.yaml';
  const MOVED = 'positions/elsewhere/youth-participation.yaml';

  test('is compared with its text at HEAD under the old path, moved with git mv or without git', async () => {
    for (const withGit of [true, false]) {
      const { repo, project } = repository();
      commit(repo);
      const committed = readFileSync(join(project, POSITION), 'utf8');
      if (withGit) {
        execFileSync('mkdir', ['-p', join(project, 'positions/elsewhere')]);
        git(project, 'mv', POSITION, MOVED);
      } else {
        execFileSync('mv', [join(project, POSITION), join(project, 'positions/youth/gone.tmp')]);
        execFileSync('rm', [join(project, 'positions/youth/gone.tmp')]);
      }
      writeFile(project, MOVED, committed.replace(/^body: \|\n {2}(\S)/m, 'body: |\n  Pārstrādāts teksts. $1'));
      const result = await check({ cwd: project, paths: [MEETING], final: true });
      expect(result.diagnostics.filter((d) => d.ruleId === 'position/version-not-raised').map((d) => [d.file, d.severity])).toEqual([[MOVED, 'error']]);
    }
  });

  test('moved and renamed without git (its file name no longer the id), it is found at HEAD by its id', async () => {
    const { repo, project } = repository();
    commit(repo);
    const committed = readFileSync(join(project, POSITION), 'utf8');
    const renamed = 'positions/elsewhere/participation-2021.yaml';
    execFileSync('rm', [join(project, POSITION)]);
    writeFile(project, renamed, committed.replace(/^body: \|\n {2}(\S)/m, 'body: |\n  Pārstrādāts teksts. $1'));
    // An untracked file that claims no id gone from HEAD is left alone.
    writeFile(project, 'positions/elsewhere/new-one.yaml', committed.replace('id: youth-participation', 'id: new-one'));
    const result = await check({ cwd: project, paths: [MEETING], final: true });
    expect(result.diagnostics.filter((d) => d.ruleId === 'position/version-not-raised').map((d) => [d.file, d.severity])).toEqual([[renamed, 'error']]);
  });
});

test('in a git repository with no git to run, check and list say what they cannot tell (input/no-git), instead of passing every version silently', () => {
  const dir = exampleProject();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const noGit = { PATH: tempDir() };
  // A draft is checked with the warning alone; a final report does not vouch for the example's clearances written by hand.
  expect(runCli(['check'], dir, noGit).status).toBe(0);
  const checked = runCli(['check', '--final'], dir, noGit);
  expect(checked.status).toBe(1);
  expect(checked.stdout + checked.stderr).toContain('(input/no-git), so whether the answer or its version changed since AM cleared it cannot be told');
  expect(checked.stdout + checked.stderr).toContain('.  warning  git is not installed or not on the PATH, though this project is a git repository: versions cannot be compared with the committed ones (position/version-not-raised, position/version-decreased, position/translation-stale, clearance/version-unnamed and meeting/translation-stale are not checked), nor last changes dated.');
  expect(runCli(['list'], dir, noGit).stderr).toContain('input/no-git');
  // Outside a repository git is not needed: nothing to say.
  const outside = runCli(['check', '--final'], exampleProject(), noGit);
  expect(outside.stdout + outside.stderr).toContain('no problems');
});

test('in a repository git refuses as another user’s (safe.directory), check, build, list and diff say so and how to let git in, instead of passing every version silently or calling it no repository', () => {
  const dir = exampleProject();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  commit(dir);
  writeFile(dir, 'positions/educ/equity-reforms.yaml', readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8').replace('prioritāri paredzēts', 'galvenokārt paredzēts'));
  // git's own switch for its tests: the repository is taken for another user's, as a CI container's checkout is. No global configuration trusts it.
  const otherOwner = { GIT_TEST_ASSUME_DIFFERENT_OWNER: '1', HOME: tempDir(), XDG_CONFIG_HOME: tempDir(), GIT_CONFIG_NOSYSTEM: '1' };
  const warning = `.  warning  git refuses to work in the repository at ${dir}: it belongs to another user than the one running briefing (git's safe.directory check), so versions cannot be compared with the committed ones (position/version-not-raised, position/version-decreased, position/translation-stale, clearance/version-unnamed and meeting/translation-stale are not checked), nor last changes dated. If you trust it, tell git so: git config --global --add safe.directory ${dir} (in a CI container, in the job's own steps), or run briefing as the repository's owner.  input/git-refused`;
  for (const args of [['check'], ['build', 'meetings/2021-02-19-educ-informal.yaml'], ['list']]) {
    const run = runCli(args, dir, otherOwner);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain(warning);
  }
  expect(runCli(['diff', 'positions/educ/equity-reforms.yaml'], dir, otherOwner)).toMatchObject({
    status: 2,
    stderr: `briefing: git refuses to work in the repository at ${dir}: it belongs to another user than the one running briefing (git's safe.directory check).\n  If you trust it, tell git so: git config --global --add safe.directory ${dir} (in a CI container, in the job's own steps), or run briefing as the repository's owner.\n`,
  });
  // Trusted, the same project has its changed answer flagged.
  const trusted = runCli(['check'], dir);
  expect(trusted.stdout + trusted.stderr).toContain('position/version-not-raised');
  expect(trusted.stdout + trusted.stderr).not.toContain('input/git-refused');
});

test('in a repository git refuses, build --final does not vouch for a clearance written by hand (clearance/unchecked), which only the committed text could check; one recorded by clear, naming its answer, stands', () => {
  const dir = exampleProject();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  // equity-reforms' clearances recorded by clear, naming the answer they cover; the other two positions' are the example's, written by hand.
  for (const ministry of ['AM', 'LM']) expect(runCli(['clear', 'equity-reforms', '--ministry', ministry, '--date', '2021-02-17'], dir).status).toBe(0);
  commit(dir);
  const otherOwner = { GIT_TEST_ASSUME_DIFFERENT_OWNER: '1', HOME: tempDir(), XDG_CONFIG_HOME: tempDir(), GIT_CONFIG_NOSYSTEM: '1' };
  // Built final while git could read the repository: the build cache does not vouch for the report once it cannot.
  expect(runCli(['build', '--all', '--final'], dir).status).toBe(0);
  const batch = runCli(['build', '--all', '--final'], dir, otherOwner);
  expect(batch.status).toBe(1);
  expect(batch.stderr).toContain('0 built, 0 unchanged, 1 failed');
  expect(batch.stdout + batch.stderr).toContain('clearance/unchecked');
  rmSync(join(dir, 'out'), { recursive: true });
  // The answer reworded and the version raised, uncommitted: the hand-written clearances of version 2 would be printed under version 3.
  const path = 'positions/educ/equity-achievements.yaml';
  writeFile(dir, path, readFileSync(join(dir, path), 'utf8').replace('version: 3', 'version: 4').replace(/^body: \|\n {2}(\S)/m, 'body: |\n  Pārstrādāts teksts. $1'));
  const meeting = 'meetings/2021-02-19-educ-informal.yaml';
  const refused = runCli(['build', meeting, '--final'], dir, otherOwner);
  expect(refused.status, refused.stderr).toBe(1);
  const unchecked = (refused.stdout + refused.stderr).split('\n').filter((line) => line.includes('clearance/unchecked'));
  expect(unchecked.map((line) => line.split('  ')[0])).toEqual([
    'positions/educ/equity-achievements.yaml:51:3',
    'positions/educ/equity-achievements.yaml:55:3',
    'positions/educ/equity-eu-cooperation.yaml:48:3',
    'positions/educ/equity-eu-cooperation.yaml:52:3',
  ]);
  expect(unchecked[0]).toContain(
    "error  The clearance by AM is written by hand (it names no answer), and git cannot be asked for the committed text of `equity-achievements` (input/git-refused), so whether the answer or its version changed since AM cleared it cannot be told. Let git read the repository, as that warning says; or, once AM has cleared this text, record it with `briefing clear equity-achievements --ministry AM --date <the day>`, which names the answer; or build without --final.",
  );
  expect(existsSync(join(dir, 'out'))).toBe(false);
  // A draft claims no clearance for good: built, the refusal a warning as before.
  const draft = runCli(['build', meeting], dir, otherOwner);
  expect(draft.status, draft.stderr).toBe(0);
  expect(draft.stdout + draft.stderr).not.toContain('clearance/unchecked');
  // With git let in, the raise is seen for what it is: the clearance of an earlier version, named.
  const trusted = runCli(['build', meeting, '--final'], dir);
  expect(trusted.status).toBe(1);
  expect(trusted.stdout + trusted.stderr).toContain('clearance/version-unnamed');
  expect(trusted.stdout + trusted.stderr).not.toContain('clearance/unchecked');
});

test('positions in a repository of their own (a submodule): check warns that their versions are not compared (input/git-nested), and --final does not print their clearances written by hand as given', () => {
  const positions = tempDir('briefing-positions-');
  cpSync(join(exampleProject(), 'positions/educ'), positions, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: positions });
  commit(positions);
  const dir = exampleProject();
  rmSync(join(dir, 'positions'), { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  git(dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', positions, 'positions');
  commit(dir);
  // An answer reworded under the same version: in the project's own repository, position/version-not-raised.
  const path = 'positions/equity-reforms.yaml';
  writeFile(dir, path, readFileSync(join(dir, path), 'utf8').replace(/^body: \|\n {2}(\S)/m, 'body: |\n  Pārstrādāts teksts. $1'));
  const checked = runCli(['check'], dir);
  expect(checked.status).toBe(0);
  expect(checked.stdout + checked.stderr).toContain(
    ".  warning  The positions folder positions/ is a git repository of its own (a submodule, or a repository inside the project's), whose texts the project's git does not hold, so versions cannot be compared with the committed ones (position/version-not-raised, position/version-decreased, position/translation-stale and clearance/version-unnamed are not checked), and a clearance written by hand is not printed as given in a final report (clearance/unchecked).",
  );
  const final = runCli(['build', 'meetings/2021-02-19-educ-informal.yaml', '--final'], dir);
  expect(final.status).toBe(1);
  const unchecked = (final.stdout + final.stderr).split('\n').filter((line) => line.endsWith('  clearance/unchecked'));
  expect(unchecked).toHaveLength(6);
  expect(unchecked.find((line) => line.startsWith(path))).toContain('(input/git-nested), so whether the answer or its version changed since AM cleared it cannot be told. Keep the positions in the project’s own repository; or, once AM has cleared this text');
  expect(existsSync(join(dir, 'out'))).toBe(false);
});

test('git speaking another language (LANGUAGE=de) is understood all the same: its refusal of another user’s repository is named, not taken for no repository', () => {
  const dir = exampleProject();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  commit(dir);
  writeFile(dir, 'positions/educ/equity-reforms.yaml', readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8').replace('prioritāri paredzēts', 'galvenokārt paredzēts'));
  // A German desk: git's messages in German where its translations are installed (C.UTF-8 is a locale every system has; LANGUAGE picks the messages).
  const german = { LANGUAGE: 'de', LC_ALL: 'C.UTF-8', GIT_TEST_ASSUME_DIFFERENT_OWNER: '1', HOME: tempDir(), XDG_CONFIG_HOME: tempDir(), GIT_CONFIG_NOSYSTEM: '1' };
  for (const args of [['check'], ['list']]) {
    const run = runCli(args, dir, german);
    expect(run.stdout + run.stderr).toContain('input/git-refused');
  }
  const diffed = runCli(['diff', 'positions/educ/equity-reforms.yaml'], dir, german);
  expect(diffed.status).toBe(2);
  expect(diffed.stderr).toContain(`briefing: git refuses to work in the repository at ${dir}`);
});

test('check --base in a partial clone away from its remote says git could not fetch the base’s files, instead of passing every version silently', () => {
  const source = exampleProject();
  execFileSync('git', ['init', '-q'], { cwd: source });
  commit(source);
  const reforms = 'positions/educ/equity-reforms.yaml';
  writeFile(source, reforms, readFileSync(join(source, reforms), 'utf8').replace('prioritāri paredzēts', 'galvenokārt paredzēts'));
  commit(source);
  git(source, 'config', 'uploadpack.allowFilter', 'true');
  const clone = join(tempDir(), 'partial');
  execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${source}`, clone]);
  git(clone, 'remote', 'set-url', 'origin', `file://${join(tempDir(), 'gone')}`);
  expect(runCli(['check', '--base', 'HEAD~1'], clone)).toMatchObject({
    status: 2,
    stderr:
      'briefing: git could not fetch older versions of files from the remote: this is a partial clone (git clone --filter), which fetches them only when they are needed, and the remote could not be read.\n' +
      '  Connect to the remote (the network, a VPN) and run briefing again; `git fetch` says what stands in the way.\n',
  });
  // Against HEAD, whose files the checkout holds, nothing is fetched.
  expect(runCli(['check'], clone).status).toBe(0);
  // A position moved and changed: git's rename detection, too, wants the base's text.
  git(clone, 'mv', reforms, 'positions/reforms.yaml');
  writeFile(clone, 'positions/reforms.yaml', readFileSync(join(clone, 'positions/reforms.yaml'), 'utf8').replace('galvenokārt paredzēts', 'vispirms paredzēts'));
  const moved = runCli(['check', '--base', 'HEAD~1'], clone);
  expect(moved.status).toBe(2);
  expect(moved.stderr).toContain('briefing: git could not fetch older versions of files from the remote: this is a partial clone');
});

test('with a damaged git index, check, build and list say git failed and how to rebuild the index, instead of passing every version silently or stopping with an internal error', () => {
  const dir = exampleProject();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  commit(dir);
  writeFile(dir, 'positions/educ/equity-reforms.yaml', readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8').replace('prioritāri paredzēts', 'galvenokārt paredzēts'));
  // What a crash while git wrote it, or a cloud drive's sync, leaves.
  writeFile(dir, '.git/index', 'garbage\n');
  const warning =
    '.  warning  git failed in this repository (fatal: .git/index: index file smaller than expected), so versions cannot be compared with the committed ones (position/version-not-raised, position/version-decreased, position/translation-stale, clearance/version-unnamed and meeting/translation-stale are not checked), nor last changes dated. ' +
    'The index git keeps of the files is damaged (after a crash, or a sync by a cloud drive): delete the index file git names and run `git reset`, which makes it again from the last commit and leaves the working files as they are.  input/git-failed';
  for (const args of [['check'], ['build', 'meetings/2021-02-19-educ-informal.yaml'], ['list']]) {
    const run = runCli(args, dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain(warning);
  }
  // The hint, followed, works.
  execFileSync('rm', [join(dir, '.git/index')]);
  git(dir, 'reset', '-q');
  const mended = runCli(['check'], dir);
  expect(mended.stdout + mended.stderr).toContain('position/version-not-raised');
});

test('with the committed text of a changed position damaged in .git/objects, check says git failed and which checks it skipped, instead of passing the version silently', () => {
  const dir = exampleProject();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  commit(dir);
  const changed = 'positions/educ/equity-reforms.yaml';
  writeFile(dir, changed, readFileSync(join(dir, changed), 'utf8').replace('prioritāri paredzēts', 'galvenokārt paredzēts'));
  // Its blob at HEAD cut short (a disk error, a cloud drive's sync): git reads its header, then stops in its text.
  const blob = execFileSync('git', ['rev-parse', `HEAD:${changed}`], { cwd: dir, encoding: 'utf8' }).trim();
  const object = join(dir, '.git/objects', blob.slice(0, 2), blob.slice(2));
  const stored = readFileSync(object);
  chmodSync(object, 0o644);
  writeFileSync(object, stored.subarray(0, stored.length / 2));
  const run = runCli(['check'], dir);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain(`.  warning  git failed in this repository (fatal: unable to stream ${blob} to stdout), so the committed texts of the changed positions could not be read (position/version-not-raised, position/version-decreased, position/translation-stale and clearance/version-unnamed are not checked). `);
  expect(run.stdout).toContain('`git fsck` names every damaged object');
  expect(run.stdout).toContain('input/git-failed');
  // Mended, the check it skipped runs again.
  writeFileSync(object, stored);
  expect(runCli(['check'], dir).stdout).toContain('position/version-not-raised');
  // A changed meeting's committed text, damaged the same way: its English texts are not compared, and that is said.
  const meeting = 'meetings/2021-02-19-educ-informal.yaml';
  writeFile(dir, meeting, readFileSync(join(dir, meeting), 'utf8').replace('ietekmi uz', 'ietekmi arī uz'));
  const meetingBlob = execFileSync('git', ['rev-parse', `HEAD:${meeting}`], { cwd: dir, encoding: 'utf8' }).trim();
  const meetingObject = join(dir, '.git/objects', meetingBlob.slice(0, 2), meetingBlob.slice(2));
  const meetingStored = readFileSync(meetingObject);
  chmodSync(meetingObject, 0o644);
  writeFileSync(meetingObject, meetingStored.subarray(0, meetingStored.length / 2));
  const meetingRun = runCli(['check'], dir);
  expect(meetingRun.status, meetingRun.stderr).toBe(0);
  expect(meetingRun.stdout).toContain(`.  warning  git failed in this repository (fatal: unable to stream ${meetingBlob} to stdout), so the committed texts of the changed meetings could not be read (meeting/translation-stale is not checked). `);
});

describe('check --base <rev>: versions compared with the branch a pull request goes into, not HEAD', () => {
  const reworded = (text: string) => text.replace(/^body: \|\n {2}(\S)/m, 'body: |\n  Pārstrādāts teksts. $1');
  const versionProblems = async (project: string, base?: string) =>
    (await check({ cwd: project, paths: [], final: true, ...(base === undefined ? {} : { base }) })).diagnostics
      .filter((d) => d.ruleId.startsWith('position/version'))
      .map((d) => [d.file, d.line, d.ruleId, d.message]);

  test('an answer changed and committed on a branch under the same version is flagged against the base branch, though HEAD is the working tree (as in CI)', async () => {
    const { repo, project } = repository();
    commit(repo);
    git(repo, 'branch', '-M', 'main');
    git(repo, 'checkout', '-q', '-b', 'feature');
    const committed = readFileSync(join(project, POSITION), 'utf8');
    writeFile(project, POSITION, reworded(committed));
    commit(repo);
    // A clean checkout of the branch: against HEAD there is nothing to compare.
    expect(await versionProblems(project)).toEqual([]);
    expect(await versionProblems(project, 'main')).toEqual([[POSITION, 2, 'position/version-not-raised', 'The answer changed since `main`, but `version` is still 2, the version of the text committed there: two texts would go by one version, and a clearance recorded for either would count for both.']]);
    // The version raised in a later commit of the branch (or by amending): the branch as a whole is sound.
    writeFile(project, POSITION, reworded(committed).replace('version: 2', 'version: 3'));
    commit(repo);
    expect(await versionProblems(project, 'main')).toEqual([]);
    // A branch that lowers the version main has.
    writeFile(project, POSITION, committed.replace('version: 2', 'version: 1'));
    commit(repo);
    expect(await versionProblems(project, 'main')).toEqual([[POSITION, 2, 'position/version-decreased', 'The version went down from 2 (at `main`) to 1.']]);
    expect(await versionProblems(project, 'HEAD~3')).toEqual([[POSITION, 2, 'position/version-decreased', 'The version went down from 2 (at `HEAD~3`) to 1.']]);
    // The merge commit a pull request is checked out as: its first parent is the base branch.
    git(repo, 'checkout', '-q', 'main');
    git(repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'merge', '-q', '--no-ff', '--no-edit', 'feature');
    expect(await versionProblems(project, 'HEAD^1')).toEqual([[POSITION, 2, 'position/version-decreased', 'The version went down from 2 (at `HEAD^1`) to 1.']]);
  });

  test('a revision git does not know stops the check (exit 2) with what to use', () => {
    const { repo, project } = repository();
    commit(repo);
    expect(runCli(['check', '--base', 'origin/nowhere'], project)).toMatchObject({
      status: 2,
      stderr: 'briefing: Unknown revision `origin/nowhere`.\n  Use a commit, a branch or a tag that `git log --oneline` lists.\n',
    });
  });

  test('outside a git repository, or in one with no commit, it stops the check (exit 2) with what check can do, not what diff can', () => {
    const project = exampleProject();
    expect(runCli(['check', '--base', 'HEAD'], project)).toMatchObject({
      status: 2,
      stderr: `briefing: ${project} is not inside a git repository.\n  check --base compares the positions' versions with a git revision: run it inside the repository, or leave --base out.\n`,
    });
    const { project: uncommitted } = repository();
    expect(runCli(['check', '--base', 'HEAD'], uncommitted)).toMatchObject({
      status: 2,
      stderr: 'briefing: Unknown revision `HEAD`: this repository has no commit yet.\n  Commit the files first (git add, then git commit); until then, check without --base.\n',
    });
  });
});

describe('a lowered version brought back with the answer it named (a revert)', () => {
  const reworded = (text: string, words: string) => text.replace(/^body: \|\n {2}(\S)/m, `body: |\n  ${words} $1`);
  const versionProblems = async (project: string, base?: string) =>
    (await check({ cwd: project, paths: [], final: true, ...(base === undefined ? {} : { base }) })).diagnostics
      .filter((d) => d.ruleId.startsWith('position/version'))
      .map((d) => [d.line, d.severity, d.ruleId, d.message, d.hint]);
  /** A repository whose position was committed at version 2, then at 3 with a changed answer; the commit of version 2. */
  function raisedOnce(): { repo: string; project: string; cleared: string; v2: string } {
    const { repo, project } = repository();
    commit(repo);
    const v2 = execFileSync('git', ['log', '-1', '--format=%h %cs'], { cwd: repo, encoding: 'utf8' }).trim();
    const cleared = readFileSync(join(project, POSITION), 'utf8');
    writeFile(project, POSITION, reworded(cleared, 'Trešā redakcija.').replace('version: 2', 'version: 3'));
    commit(repo);
    return { repo, project, cleared, v2 };
  }
  const restored = (base: string, v2: string) => [
    2,
    'warning',
    'position/version-restored',
    `The version went back from 3 (at ${base}) to 2, with the answer version 2 had when last committed (${v2.replace(' ', ', ')}): a revert, so the clearances given for that text stand.`,
    'Check that `clearance` records the answers given for version 2; if the text is to change again, raise it to 4.',
  ];

  test('git revert of the raise is noted, not refused: uncommitted against HEAD, committed against check --base', async () => {
    const { repo, project, cleared, v2 } = raisedOnce();
    git(repo, 'revert', '-n', 'HEAD');
    expect(readFileSync(join(project, POSITION), 'utf8')).toBe(cleared);
    expect(await versionProblems(project)).toEqual([restored('git HEAD', v2)]);
    git(repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '--quiet', '--no-gpg-sign', '-m', 'revert');
    expect(await versionProblems(project, 'HEAD~1')).toEqual([restored('`HEAD~1`', v2)]);
    // Only a clearance differs from the text of that commit: the answer is what was cleared.
    writeFile(project, POSITION, cleared.replace(/(clearance:\n)/, '$1  VM:\n    status: pending\n'));
    expect(await versionProblems(project, 'HEAD~1')).toEqual([restored('`HEAD~1`', v2)]);
  });

  test('in a shallow clone that lacks the commit of the text brought back, the refusal says so and how to fetch it; fetched, it is a revert', async () => {
    const { repo, cleared, v2 } = raisedOnce();
    const clone = tempDir('briefing-shallow-');
    git(clone, 'clone', '--quiet', '--depth', '1', `file://${repo}`, '.');
    const project = join(clone, 'sub', 'project');
    writeFile(project, POSITION, cleared);
    const [problem] = await versionProblems(project);
    expect(problem?.[2]).toBe('position/version-decreased');
    expect(problem?.[4]).toBe(
      "Versions only go up: set `version: 4` if the text changed, or restore the committed file. If this is version 2's text brought back (a revert), this shallow clone may lack the commit that had it; fetch the whole history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0) and check again.",
    );
    git(clone, 'fetch', '--quiet', '--unshallow');
    expect(await versionProblems(project)).toEqual([restored('git HEAD', v2)]);
  });

  test('a lowered version with another answer than the one it named is refused as before', async () => {
    const { project, cleared } = raisedOnce();
    writeFile(project, POSITION, reworded(cleared, 'Cits teksts.'));
    expect(await versionProblems(project)).toEqual([
      [2, 'error', 'position/version-decreased', 'The version went down from 3 (at git HEAD) to 2.', 'Versions only go up: set `version: 4` if the text changed, or restore the committed file.'],
    ]);
  });

  test('the answer version 2 had in an earlier commit, not its last, is refused: version 2 last named another text', async () => {
    const { repo, project } = repository();
    commit(repo);
    const first = readFileSync(join(project, POSITION), 'utf8');
    writeFile(project, POSITION, reworded(first, 'Otrā redakcija.'));
    commit(repo);
    writeFile(project, POSITION, reworded(first, 'Trešā redakcija.').replace('version: 2', 'version: 3'));
    commit(repo);
    writeFile(project, POSITION, first);
    expect((await versionProblems(project)).map(([, severity, ruleId]) => [severity, ruleId])).toEqual([['error', 'position/version-decreased']]);
  });
});

test('in a worktree whose repository was moved away, check, build, list and diff say that its .git leads nowhere and how to mend it, instead of passing every version silently or calling it no repository', () => {
  const dir = exampleProject();
  execFileSync('git', ['init', '-q'], { cwd: dir });
  commit(dir);
  const worktree = join(tempDir(), 'desk');
  git(dir, 'worktree', 'add', '-q', worktree);
  writeFile(worktree, 'positions/educ/equity-reforms.yaml', readFileSync(join(worktree, 'positions/educ/equity-reforms.yaml'), 'utf8').replace('prioritāri paredzēts', 'galvenokārt paredzēts'));
  // Linked, the changed answer is flagged.
  const linked = runCli(['check'], worktree);
  expect(linked.stdout + linked.stderr).toContain('position/version-not-raised');
  // Into a temporary folder of its own: beside the project it was left behind in /tmp by every run.
  const moved = join(tempDir(), 'moved');
  renameSync(dir, moved);
  const gitDir = join(dir, '.git/worktrees/desk');
  const said = `${worktree}/.git names the repository folder ${gitDir}, which does not exist: the repository was moved or deleted, or only this folder was copied or mounted`;
  const hint = `Where the repository has moved, \`git -C <its new folder> worktree repair ${worktree}\` mends the link; otherwise write the repository's folder in the gitdir: line of ${worktree}/.git, or clone the repository afresh. In a container, mount the repository's folder too.`;
  const warning = `.  warning  ${said}, so versions cannot be compared with the committed ones (position/version-not-raised, position/version-decreased, position/translation-stale, clearance/version-unnamed and meeting/translation-stale are not checked), nor last changes dated. ${hint}  input/git-unlinked`;
  for (const args of [['check'], ['build', 'meetings/2021-02-19-educ-informal.yaml'], ['list']]) {
    const run = runCli(args, worktree);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain(warning);
  }
  expect(runCli(['diff', 'positions/educ/equity-reforms.yaml'], worktree)).toMatchObject({ status: 2, stderr: `briefing: ${said}.\n  ${hint}\n` });
  expect(runCli(['check', '--base', 'HEAD'], worktree)).toMatchObject({ status: 2, stderr: `briefing: ${said}.\n  ${hint}\n` });
  // Typed elsewhere, its git command still runs in the moved repository, not in this folder (which git cannot open).
  expect(runCli(['-C', worktree, 'check', '--base', 'HEAD'], tempDir())).toMatchObject({ status: 2, stderr: `briefing: ${said}.\n  ${hint}\n` });
  // Mended from where the repository went, the answer is flagged again.
  git(moved, 'worktree', 'repair', worktree);
  const mended = runCli(['check'], worktree);
  expect(mended.stdout + mended.stderr).toContain('position/version-not-raised');
});
