import { execFileSync } from 'node:child_process';
import { isAbsolute, resolve } from 'node:path';

/**
 * The environment to run git with from any folder: the process's own, with `GIT_DIR` and
 * `GIT_WORK_TREE` made absolute from the folder briefing was started in.
 *
 * git reads both relative to the folder it runs in, and with `GIT_DIR` alone takes that folder for
 * the top of the working tree. briefing runs git from the project's folder, not from where it was
 * started: in a pre-commit hook of a linked worktree (git sets `GIT_DIR` there) that runs
 * `briefing -C sub check`, git took `sub/` for the top, found none of the project's files at HEAD
 * and compared nothing. Here the top is asked of git once, where briefing started, as the user's
 * own git would see it (`core.worktree` included). Without these variables: the process's environment.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv = process.env, started: string = process.cwd()): NodeJS.ProcessEnv {
  const { GIT_DIR: dir, GIT_WORK_TREE: tree } = env;
  if (!dir && !tree) return env;
  const key = JSON.stringify([dir, tree, started]);
  let pinned = pinnedByStart.get(key);
  if (!pinned) {
    pinned = { ...env };
    if (dir) pinned.GIT_DIR = resolve(started, dir);
    if (tree) pinned.GIT_WORK_TREE = resolve(started, tree);
    else if (dir) {
      const top = topWhereStarted(env, started);
      if (top !== undefined) pinned.GIT_WORK_TREE = top;
    }
    pinnedByStart.set(key, pinned);
  }
  return pinned;
}

const pinnedByStart = new Map<string, NodeJS.ProcessEnv>();

/** The working tree's top as git sees it from `started` with the environment given; undefined when git has none there. */
function topWhereStarted(env: NodeJS.ProcessEnv, started: string): string | undefined {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: started, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return top && isAbsolute(top) ? top : undefined;
  } catch {
    return undefined;
  }
}
