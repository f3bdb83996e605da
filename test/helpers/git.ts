import { execFileSync } from 'node:child_process';

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
