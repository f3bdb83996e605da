import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from './project.js';

/** A commit's author and date, fixed so tests can check what the diff reports. */
export interface CommitAs {
  author: string;
  /** ISO 8601 date, used as author and committer date. */
  date: string;
}

/** Runs git in `cwd` with a fixed identity; returns its output. */
export function git(cwd: string, args: readonly string[], as: CommitAs = { author: 'Briefing Tests', date: '2021-02-10T09:00:00Z' }): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: as.author,
      GIT_AUTHOR_EMAIL: 'tests@example.lv',
      GIT_COMMITTER_NAME: as.author,
      GIT_COMMITTER_EMAIL: 'tests@example.lv',
      GIT_AUTHOR_DATE: as.date,
      GIT_COMMITTER_DATE: as.date,
    },
  });
}

/** Makes `dir` a git repository (outputs ignored) with everything in it as the first commit. */
export function initRepository(dir: string, as?: CommitAs): void {
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'user.name', 'Darba Kopija']);
  git(dir, ['config', 'user.email', 'tests@example.lv']);
  execFileSync('sh', ['-c', 'echo out/ > .gitignore'], { cwd: dir });
  commitAll(dir, 'first version', as);
}

/** Commits every change in `dir`. */
export function commitAll(dir: string, message: string, as?: CommitAs): void {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message], as);
}

/** The real git, for a test that puts a logging one first on the PATH ({@link loggingGitOnPath}). */
export const REAL_GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/**
 * For each test of the file: a `git` first on the PATH that notes each run with `note` (shell that
 * appends a line to "$LOG": `echo "$1" >> "$LOG"`) and hands it to the real git, so a test counts
 * what briefing asks git. Returns the log's path for the test running.
 */
export function loggingGitOnPath(note: string): () => string {
  let log = '';
  let path: string | undefined;
  beforeEach(() => {
    const bin = tempDir('briefing-git-bin-');
    log = join(bin, 'runs.log');
    writeFileSync(log, '');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nLOG='${log}'\n${note}\nexec '${REAL_GIT}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
  });
  afterEach(() => {
    process.env.PATH = path;
  });
  return () => log;
}

/**
 * Two branches change `pattern`'s line of `path` (in a repository on `main`) each their own way;
 * merging the other branch into `main` stops with a conflict in it. Returns the file as git left it.
 */
export function conflictIn(dir: string, path: string, pattern: RegExp, ours: string, theirs: string): string {
  const original = readFileSync(join(dir, path), 'utf8');
  git(dir, ['checkout', '-q', '-b', 'theirs']);
  writeFileSync(join(dir, path), original.replace(pattern, theirs));
  commitAll(dir, 'theirs');
  git(dir, ['checkout', '-q', 'main']);
  writeFileSync(join(dir, path), original.replace(pattern, ours));
  commitAll(dir, 'ours');
  try {
    git(dir, ['merge', '-q', 'theirs']);
  } catch {
    return readFileSync(join(dir, path), 'utf8');
  }
  throw new Error(`git merged ${path} without a conflict`);
}
