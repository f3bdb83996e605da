import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { loadsProjectsAgain } from '../../src/load/process-kind.js';
import { CHECK_BASE } from '../helpers/corpus.js';
import { loggingGitOnPath, REAL_GIT } from '../helpers/git.js';
import { runCli, tempDir, writeFile } from '../helpers/project.js';

/**
 * A process that loads a project again and again (watch, the resident server) asks git about the
 * positions' versions at HEAD once per state of the repository (src/load/committed-versions.ts, repositoryState):
 * every change git's answer rests on must be seen, in a real repository, and an unchanged state must
 * not run git again. A `git` on the PATH that notes each run and hands it to the real one counts them.
 */
const POSITION = 'positions/youth/youth-participation.yaml';
const logOf = loggingGitOnPath('echo "$1" >> "$LOG"');

/** How many times `git diff` ran since the last call. */
function diffs(): number {
  const runs = readFileSync(logOf(), 'utf8').split('\n').filter((line) => line === 'diff').length;
  writeFileSync(logOf(), '');
  return runs;
}

function git(dir: string, ...args: string[]): void {
  execFileSync(REAL_GIT, ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: dir, stdio: 'ignore' });
}

/** A copy of the corpus in a new repository (in `below` a folder of it, when given), committed once. */
function committedCopy(below = ''): { top: string; project: string } {
  const top = tempDir('briefing-git-');
  const project = join(top, below);
  cpSync(CHECK_BASE, project, { recursive: true });
  git(top, 'init', '--quiet', '--initial-branch=main');
  git(top, 'add', '--all');
  git(top, 'commit', '--quiet', '--no-gpg-sign', '-m', 'first');
  return { top, project };
}

/** The answer of {@link POSITION} changed, its version not. */
function editAnswer(project: string): void {
  writeFile(project, POSITION, readFileSync(join(project, POSITION), 'utf8').replace(/^(body: [|>]-?\n {2})/m, '$1Jauns teikums. '));
}

const notRaised = async (project: string) => (await check({ cwd: project, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'position/version-not-raised').map((d) => d.file);

describe('the versions at git HEAD, in a process that checks again and again', () => {
  // As the resident server and a watch say they are.
  beforeAll(() => loadsProjectsAgain());

  test('follow edits, the index, commits, branches, packed refs, attributes and configuration, and ask git only when one changed', async () => {
    const { project } = committedCopy();
    const text = readFileSync(join(project, POSITION), 'utf8');
    const edited = text.replace(/^(body: [|>]-?\n {2})/m, '$1Jauns teikums. ');
    expect(edited).not.toBe(text);

    expect(await notRaised(project)).toEqual([]);
    expect(diffs()).toBe(1);
    expect(await notRaised(project)).toEqual([]);
    expect(diffs()).toBe(0);
    // The answer changed, the version did not.
    writeFile(project, POSITION, edited);
    expect(await notRaised(project)).toEqual([POSITION]);
    expect(diffs()).toBe(1);
    expect(await notRaised(project)).toEqual([POSITION]);
    expect(diffs()).toBe(0);
    // Staged: the index changed, the answer against HEAD did not.
    git(project, 'add', POSITION);
    expect(await notRaised(project)).toEqual([POSITION]);
    expect(diffs()).toBe(1);
    // Committed: HEAD's branch moved.
    git(project, 'commit', '--quiet', '--no-gpg-sign', '-m', 'second');
    expect(await notRaised(project)).toEqual([]);
    expect(diffs()).toBe(1);
    // Another branch whose HEAD has the first text: the same files, another HEAD.
    git(project, 'branch', 'old', 'HEAD~1');
    git(project, 'symbolic-ref', 'HEAD', 'refs/heads/old');
    expect(await notRaised(project)).toEqual([POSITION]);
    expect(diffs()).toBe(1);
    git(project, 'symbolic-ref', 'HEAD', 'refs/heads/main');
    expect(await notRaised(project)).toEqual([]);
    // Packed refs: the branch's commit read from packed-refs.
    git(project, 'pack-refs', '--all');
    expect(await notRaised(project)).toEqual([]);
    git(project, 'update-ref', 'refs/heads/main', 'HEAD~1');
    git(project, 'pack-refs', '--all');
    expect(await notRaised(project)).toEqual([POSITION]);
    diffs();
    // Attributes (line ends, filters) decide what git compares: a new .gitattributes asks again.
    writeFile(project, '.gitattributes', '*.yaml text eol=lf\n');
    expect(await notRaised(project)).toEqual([POSITION]);
    expect(diffs()).toBe(1);
    // So does the user's configuration.
    writeFile(project, '.git/config', `${readFileSync(join(project, '.git/config'), 'utf8')}[core]\n\tautocrlf = false\n`);
    expect(await notRaised(project)).toEqual([POSITION]);
    expect(diffs()).toBe(1);
  });

  test('ask git again when a .gitattributes changes in a folder above the project, up to the top of the repository', async () => {
    const { top, project } = committedCopy('eu/briefings');
    editAnswer(project);
    diffs();
    expect(await notRaised(project)).toEqual([POSITION]);
    expect(diffs()).toBe(1);
    expect(await notRaised(project)).toEqual([POSITION]);
    expect(diffs()).toBe(0);
    for (const folder of [top, join(top, 'eu')]) {
      writeFile(folder, '.gitattributes', '*.yaml text eol=lf\n');
      expect(await notRaised(project)).toEqual([POSITION]);
      expect(diffs()).toBe(1);
    }
  });

  test('ask git again when a .gitattributes changes in a folder of the positions, below the project', async () => {
    const { project } = committedCopy();
    editAnswer(project);
    diffs();
    expect(await notRaised(project)).toEqual([POSITION]);
    expect(await notRaised(project)).toEqual([POSITION]);
    expect(diffs()).toBe(1);
    // The folder of the position, and one between: each decides how git compares it.
    for (const folder of ['positions/youth', 'positions']) {
      writeFile(project, `${folder}/.gitattributes`, '*.yaml text eol=lf\n');
      expect(await notRaised(project)).toEqual([POSITION]);
      expect(await notRaised(project)).toEqual([POSITION]);
      expect(diffs()).toBe(1);
    }
  });

  test('ask git again under another PATH: with no git on it, a served check says so as its own process does, not the answer of the git before', async () => {
    const { project } = committedCopy();
    editAnswer(project);
    expect(await notRaised(project)).toEqual([POSITION]);
    const path = process.env.PATH;
    process.env.PATH = tempDir('briefing-no-git-');
    try {
      const checked = await check({ cwd: project, paths: [], final: false });
      expect(checked.diagnostics.map((d) => d.ruleId)).toContain('input/no-git');
      expect(checked.diagnostics.filter((d) => d.ruleId === 'position/version-not-raised')).toEqual([]);
    } finally {
      process.env.PATH = path;
    }
    expect(await notRaised(project)).toEqual([POSITION]);
  });

  test('ask git every time where the state cannot be read from the files: refs in a reftable, a configuration that includes others or names an attributes file', async () => {
    const { project } = committedCopy();
    await notRaised(project);
    diffs();
    await notRaised(project);
    expect(diffs()).toBe(0);
    // A file git includes in its configuration (core.autocrlf set there) may change unseen.
    writeFileSync(join(project, '.git/extra.config'), '[core]\n\tautocrlf = false\n');
    writeFile(project, '.git/config', `${readFileSync(join(project, '.git/config'), 'utf8')}[include]\n\tpath = extra.config\n`);
    await notRaised(project);
    await notRaised(project);
    expect(diffs()).toBe(2);
    // So may one the user's own configuration includes (includeIf is written in ~/.gitconfig).
    const home = process.env.HOME;
    process.env.HOME = tempDir('briefing-home-');
    try {
      writeFileSync(join(process.env.HOME, '.gitconfig'), '[includeIf "gitdir:~/work/"]\n\tpath = work.config\n');
      await notRaised(project);
      await notRaised(project);
      expect(diffs()).toBe(2);
    } finally {
      process.env.HOME = home;
    }
    writeFile(project, '.git/config', readFileSync(join(project, '.git/config'), 'utf8').replace('[include]\n\tpath = extra.config\n', ''));
    // Attributes in a file of the user's choice (core.attributesFile), which a change to leaves the configuration as it was.
    writeFileSync(join(project, '.git/my-attributes'), '*.yaml text eol=lf\n');
    writeFile(project, '.git/config', `${readFileSync(join(project, '.git/config'), 'utf8')}[core]\n\tattributesFile = .git/my-attributes\n`);
    await notRaised(project);
    diffs();
    await notRaised(project);
    await notRaised(project);
    expect(diffs()).toBe(2);
    writeFile(project, '.git/config', readFileSync(join(project, '.git/config'), 'utf8').replace('[core]\n\tattributesFile = .git/my-attributes\n', ''));
    // git 2.45's reftable keeps the refs in .git/reftable (HEAD names refs/heads/.invalid): a commit changes no file read here.
    await notRaised(project);
    diffs();
    execFileSync('mkdir', [join(project, '.git/reftable')]);
    await notRaised(project);
    await notRaised(project);
    expect(diffs()).toBe(2);
  });

  test('a position moved to a new name without git is paired with its committed one as git lists it now: one .gitignore left out, then lets in, is compared', async () => {
    const { project } = committedCopy();
    const text = readFileSync(join(project, POSITION), 'utf8');
    // Moved by hand to a new name, its answer changed under the same version.
    const renamed = 'positions/youth/jauniesu-lidzdaliba.yaml';
    rmSync(join(project, POSITION));
    writeFile(project, renamed, text.replace(/^(body: [|>]-?\n {2})/m, '$1Jauns teikums. '));
    writeFile(project, '.gitignore', 'positions/youth/jauniesu-*.yaml\n');
    expect(await notRaised(project)).toEqual([]);
    // The rule taken out of .gitignore: git lists the file, which is paired with the deleted one by its id, and the
    // changed answer is said, though neither git's index, HEAD nor the position's text changed.
    writeFile(project, '.gitignore', '');
    expect(await notRaised(project)).toEqual([renamed]);
  });
  test("the meetings' committed texts (meeting/translation-stale) are read once per state, with the positions' git diff, and an edited meeting is compared without git", async () => {
    const { project, meeting, text, stale } = youthProject();
    const runs = gitRuns(logOf);
    runs();
    expect(await stale()).toEqual([]);
    expect(runs()).toEqual(['diff', 'cat-file']);
    expect(await stale()).toEqual([]);
    expect(runs()).toEqual([]);
    writeFile(project, meeting, text.replace('topic: Jauniešu līdzdalība', 'topic: Jauniešu iesaiste'));
    expect(await stale()).toEqual([meeting]);
    expect(runs()).toEqual([]);
    git(project, 'commit', '--quiet', '--no-gpg-sign', '--all', '-m', 'second');
    expect(await stale()).toEqual([]);
    expect(runs()).toEqual(['diff', 'cat-file']);
    // Moved with git and edited: compared with its text before the move.
    const moved = 'meetings/2021/2021-05-17-youth.yaml';
    execFileSync('mkdir', [join(project, 'meetings/2021')]);
    git(project, 'mv', meeting, moved);
    writeFile(project, moved, readFileSync(join(project, moved), 'utf8').replace('topic: Jauniešu iesaiste', 'topic: Jauniešu līdzdalība'));
    expect(await stale()).toEqual([moved]);
    runs();
    expect(await stale()).toEqual([moved]);
    expect(runs()).toEqual([]);
    // A .gitattributes in the meetings' subfolder decides how git compares the meeting there.
    writeFile(project, 'meetings/2021/.gitattributes', '*.yaml text eol=lf\n');
    expect(await stale()).toEqual([moved]);
    expect(runs()).toContain('diff');
  });
});

describe('the versions at git HEAD, in a command run once', () => {
  test("a clean check runs one git process, the positions' and meetings' git diff; an edited meeting one more, to read its committed text alone", () => {
    const { project, meeting, text } = youthProject();
    const runs = gitRuns(logOf);
    const stale = () => runCli(['check', '--format', 'json'], project).stdout;
    runs();
    expect(stale()).not.toContain('meeting/translation-stale');
    expect(runs()).toEqual(['diff']);
    writeFile(project, meeting, text.replace('topic: Jauniešu līdzdalība', 'topic: Jauniešu iesaiste'));
    expect(stale()).toContain('meeting/translation-stale');
    expect(runs()).toEqual(['diff', 'cat-file']);
  });

  test('an unchanged meeting is compared with its own committed text, not with a deleted meeting of the same file name', () => {
    const { project, meeting, text } = youthProject();
    // Two meetings of one file name in two folders; the one in a/ is deleted, b/'s is as committed.
    execFileSync('mkdir', ['-p', join(project, 'meetings/a'), join(project, 'meetings/b')]);
    git(project, 'mv', meeting, 'meetings/a/2021-05-17-youth.yaml');
    writeFile(project, 'meetings/b/2021-05-17-youth.yaml', text.replace('topic: Jauniešu līdzdalība', 'topic: Jauniešu iesaiste').replace('IZMzin_170521_EYCS', 'IZMzin_170521_EYCS_2'));
    git(project, 'add', '--all');
    git(project, 'commit', '--quiet', '--no-gpg-sign', '-m', 'two');
    git(project, 'rm', '--quiet', 'meetings/a/2021-05-17-youth.yaml');
    expect(runCli(['check', '--format', 'json'], project).stdout).not.toContain('meeting/translation-stale');
  });
});

/** The check base with an English topic beside the youth meeting's Latvian one, committed in a new repository. */
function youthProject() {
  const project = tempDir('briefing-git-');
  cpSync(CHECK_BASE, project, { recursive: true });
  const meeting = 'meetings/2021-05-17-youth.yaml';
  const text = readFileSync(join(project, meeting), 'utf8').replace(/^(topic: .*\n)/m, '$1topic_en: Youth participation in decision-making\n');
  writeFile(project, meeting, text);
  git(project, 'init', '--quiet', '--initial-branch=main');
  git(project, 'add', '--all');
  git(project, 'commit', '--quiet', '--no-gpg-sign', '-m', 'first');
  const stale = async () => (await check({ cwd: project, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'meeting/translation-stale').map((d) => d.file);
  return { project, meeting, text, stale };
}

/** The git commands run since the last call, in order. */
function gitRuns(log: () => string): () => string[] {
  return () => {
    const ran = readFileSync(log(), 'utf8').split('\n').filter(Boolean);
    writeFileSync(log(), '');
    return ran;
  };
}
