import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { CHECK_BASE } from '../helpers/corpus.js';
import { git } from '../helpers/git.js';
import { REPO, runCli, tempDir } from '../helpers/project.js';

const POSITION = 'positions/youth/youth-participation.yaml';

/** A fresh repository holding the check corpus (in `folder` of it, or at its top), committed once. */
function committedCorpus(folder?: string): string {
  const repo = tempDir('briefing-hook-');
  cpSync(CHECK_BASE, folder === undefined ? repo : join(repo, folder), { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'first']);
  return repo;
}

/** Installs a pre-commit hook in `repo` that runs the built briefing as `command` says (`<briefing>` stands for the command). */
function preCommitHook(repo: string, command: string): void {
  const hook = join(repo, '.git/hooks/pre-commit');
  writeFileSync(hook, `#!/bin/sh\n${command.replace('<briefing>', `exec '${process.execPath}' '${join(REPO, 'bin/briefing.js')}'`)}\n`);
  chmodSync(hook, 0o755);
}

/** `git commit` in `dir` with `args`, as a user runs it (its hooks run), without colours. */
function commitIn(dir: string, args: readonly string[]) {
  return spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-q', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

test('a pre-commit hook running `briefing -C <project> check` in a linked worktree (git sets GIT_DIR for it) compares with HEAD, and stops a changed answer under the same version', () => {
  const repo = committedCorpus('sub');
  preCommitHook(repo, '<briefing> -C sub check --final');
  const worktree = join(tempDir('briefing-hook-'), 'side');
  git(repo, ['worktree', 'add', '-q', '-b', 'side', worktree]);
  const file = join(worktree, 'sub', POSITION);
  const text = readFileSync(file, 'utf8');
  const body = /^body: \|\n {2}(\S+)/m.exec(text);
  expect(body?.[1]).toBeDefined();
  writeFileSync(file, text.replace(`body: |\n  ${body?.[1]}`, `body: |\n  Changed ${body?.[1]}`));
  const commit = commitIn(worktree, ['-a', '-m', 'change']);
  expect(commit.stdout + commit.stderr).toContain(`${POSITION}:2:10  error  The answer changed since git HEAD, but \`version\` is still 2`);
  expect(commit.status).toBe(1);
  expect(git(worktree, ['log', '--oneline']).trim().split('\n')).toHaveLength(1);
});

test('a pre-commit hook that goes into the project’s folder (`cd sub && briefing check`) in a linked worktree compares with HEAD too: git sets GIT_DIR alone there, which makes the folder the hook went into the top for git run in it', () => {
  const repo = committedCorpus('sub');
  preCommitHook(repo, 'cd sub && <briefing> check --final');
  const worktree = join(tempDir('briefing-hook-'), 'side');
  git(repo, ['worktree', 'add', '-q', '-b', 'side', worktree]);
  const file = join(worktree, 'sub', POSITION);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^body: \|\n {2}/m, 'body: |\n  Changed '));
  const commit = commitIn(worktree, ['-a', '-m', 'change']);
  const said = commit.stdout + commit.stderr;
  expect(said).toContain(`${POSITION}:2:10  error  The answer changed since git HEAD, but \`version\` is still 2`);
  expect(said).not.toContain('untracked');
  expect(commit.status).toBe(1);
  expect(git(worktree, ['log', '--oneline']).trim().split('\n')).toHaveLength(1);
});

test('in a pre-commit hook, check names a checked file whose working text is not the staged one the commit takes (input/unstaged); run by hand, it does not', () => {
  const repo = committedCorpus();
  preCommitHook(repo, '<briefing> check');
  const file = join(repo, POSITION);
  const text = readFileSync(file, 'utf8');
  // Staged: the version raised with the new text. Then, in the working tree only, the version put back.
  writeFileSync(file, text.replace('version: 2', 'version: 3').replace('status: cleared', 'status: draft'));
  git(repo, ['add', POSITION]);
  writeFileSync(file, text.replace('status: cleared', 'status: draft'));
  const commit = commitIn(repo, ['-m', 'change']);
  expect(commit.stdout + commit.stderr).toContain(
    `${POSITION}  warning  This file has changes not staged for commit: check read it as it is in the working tree, but the commit takes the staged version, which was not checked. Stage what you checked (\`git add ${POSITION}\`, or commit with \`git commit -a\`), or set the rest aside first (\`git stash push --keep-index\`) and check again.  input/unstaged`,
  );
  // By hand, the working tree is what is asked about.
  const byHand = runCli(['check'], repo);
  expect(byHand.stdout).not.toContain('input/unstaged');
  // With every change staged (git commit -a), nothing to say.
  writeFileSync(file, text.replace('version: 2', 'version: 4').replace('status: cleared', 'status: draft'));
  const all = commitIn(repo, ['-a', '-m', 'all']);
  expect(all.status).toBe(0);
  expect(all.stdout + all.stderr).not.toContain('input/unstaged');
});

test('GIT_DIR set, briefing started outside the repository with -C into it: git takes the project’s folder for the top, as before, not the folder briefing was started in', () => {
  const repo = committedCorpus();
  const listed = runCli(['-C', repo, 'list'], tempDir(), { GIT_DIR: join(repo, '.git') });
  expect(listed.stdout).toMatch(/^youth-participation .* 2021-02-10$/m);
  expect(listed.stdout).not.toMatch(/ new$/m);
});

test('hook after hook in one process (the resident server), git runs with each one’s own environment: a partial commit’s index (GIT_INDEX_FILE) is not the one of the commit before', async () => {
  const repo = committedCorpus();
  const file = join(repo, POSITION);
  writeFileSync(file, readFileSync(file, 'utf8').replace('version: 2', 'version: 3').replace('status: cleared', 'status: draft'));
  // What a commit in a linked worktree's hook has: GIT_DIR, and an index of the commit's own (`git commit <path>` makes next-index-<pid>.lock).
  const staged = join(tempDir('briefing-index-'), 'next-index-1.lock');
  const asCommitted = join(tempDir('briefing-index-'), 'next-index-2.lock');
  copyFileSync(join(repo, '.git/index'), asCommitted);
  git(repo, ['add', POSITION]);
  copyFileSync(join(repo, '.git/index'), staged);
  const unstaged = async (index: string) => {
    const saved = { dir: process.env.GIT_DIR, index: process.env.GIT_INDEX_FILE };
    process.env.GIT_DIR = join(repo, '.git');
    process.env.GIT_INDEX_FILE = index;
    try {
      return (await check({ cwd: repo, paths: [], final: false, inGitHook: true })).diagnostics.filter((d) => d.ruleId === 'input/unstaged').map((d) => d.file);
    } finally {
      for (const [key, value] of [['GIT_DIR', saved.dir], ['GIT_INDEX_FILE', saved.index]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  };
  expect(await unstaged(staged)).toEqual([]);
  expect(await unstaged(asCommitted)).toEqual([POSITION]);
});

// A new position written, the meeting that names it staged, the position not: the hook's check read the position from
// the working tree and passed a commit whose meeting names a position it lacks (found by the terminal and hooks run).
test('in a pre-commit hook, check names a file a checked meeting uses that git does not track, which the commit will not hold; not an untracked file no meeting uses', () => {
  const repo = tempDir('briefing-hook-');
  cpSync(CHECK_BASE, repo, { recursive: true });
  const added = 'positions/youth/youth-organisations.yaml';
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['add', '-A']);
  git(repo, ['rm', '-q', '--cached', added]);
  writeFileSync(join(repo, 'positions/youth/draft.yaml'), readFileSync(join(repo, added), 'utf8').replace(/^id: .*$/m, 'id: a-draft-no-meeting-uses'));
  preCommitHook(repo, '<briefing> check');
  const commit = commitIn(repo, ['-m', 'first']);
  const said = (commit.stdout + commit.stderr).split('\n').filter((line) => line.includes('input/unstaged'));
  expect(said).toEqual([
    `${added}  warning  This file is not in git (untracked): check read it for the meeting that uses it, but the commit will not hold it. Add it (\`git add ${added}\`), or leave the meeting that uses it out of the commit.  input/unstaged`,
  ]);
  // By hand, nothing is said of it.
  expect(runCli(['check'], repo).stdout).not.toContain('input/unstaged');
});

test('a pre-commit hook of a superproject running `briefing -C <submodule> check` and `list` reads the submodule’s own repository, not the superproject’s index git names for the hook', () => {
  const project = committedCorpus();
  const superproject = tempDir('briefing-hook-');
  git(superproject, ['init', '-q', '-b', 'main']);
  git(superproject, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', project, 'briefings']);
  git(superproject, ['commit', '-q', '-m', 'briefings']);
  const hook = join(superproject, '.git/hooks/pre-commit');
  const briefing = `'${process.execPath}' '${join(REPO, 'bin/briefing.js')}'`;
  writeFileSync(hook, `#!/bin/sh\n${briefing} -C briefings list\n${briefing} -C briefings check\n`);
  chmodSync(hook, 0o755);
  const file = join(superproject, 'briefings', POSITION);
  const text = readFileSync(file, 'utf8');
  const body = /^body: \|\n {2}(\S+)/m.exec(text);
  writeFileSync(file, text.replace(`body: |\n  ${body?.[1]}`, `body: |\n  Changed ${body?.[1]}`));
  writeFileSync(join(superproject, 'notes.txt'), 'notes\n');
  git(superproject, ['add', 'notes.txt']);
  const commit = commitIn(superproject, ['-m', 'notes']);
  const said = commit.stdout + commit.stderr;
  expect(said).not.toContain('input/git-failed');
  expect(said).toMatch(/^youth-participation .* 2021-02-10\*$/m);
  expect(said).toContain(`${POSITION}:2:10  warning  The answer changed since git HEAD, but \`version\` is still 2`);
});
