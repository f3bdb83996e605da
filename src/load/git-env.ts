import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { setBounded } from '../util/bounded.js';
import { isInside, sameFolder } from './files.js';

/**
 * The environment to run git with in the folder `runIn`: the process's own, with `GIT_DIR` and
 * `GIT_WORK_TREE` made absolute from the folder briefing was started in.
 *
 * git reads both relative to the folder it runs in, and with `GIT_DIR` alone takes that folder for
 * the top of the working tree. briefing runs git from the project's folder, not from where it was
 * started: in a pre-commit hook of a linked worktree (git sets `GIT_DIR` there) that runs
 * `briefing -C sub check`, git took `sub/` for the top, found none of the project's files at HEAD
 * and compared nothing. Here the top is asked of git once, where briefing started, as the user's
 * own git would see it (`core.worktree` included), and given to git run inside it; a folder outside
 * it (briefing started elsewhere, `-C` into the repository) is left to git's own rule. Without these
 * variables: the process's environment. Either way git's messages are in English ({@link MESSAGES_IN_ENGLISH}).
 */
export function gitEnvironment(runIn: string, env: NodeJS.ProcessEnv = process.env, started: string = process.cwd()): NodeJS.ProcessEnv {
  const own = inRepositoryOfItsOwn(runIn, env, started) ? withoutRepositoryVariables(env) : env;
  return { ...placedEnvironment(runIn, own, started), ...MESSAGES_IN_ENGLISH };
}

/**
 * The variables that name a repository's parts, as `git rev-parse --local-env-vars` lists them but for
 * the configuration ones (GIT_CONFIG_PARAMETERS, GIT_CONFIG_COUNT: settings given on git's command
 * line, which git passes on to a submodule's commands as well): git sets some for a hook
 * (GIT_INDEX_FILE, in a linked worktree GIT_DIR), and clears them for a submodule's git.
 */
const REPOSITORY_VARIABLES = [
  'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_CONFIG', 'GIT_DIR', 'GIT_GRAFT_FILE', 'GIT_IMPLICIT_WORK_TREE', 'GIT_INDEX_FILE',
  'GIT_NO_REPLACE_OBJECTS', 'GIT_OBJECT_DIRECTORY', 'GIT_PREFIX', 'GIT_REPLACE_REF_BASE', 'GIT_SHALLOW_FILE', 'GIT_WORK_TREE',
];

/** The environment without {@link REPOSITORY_VARIABLES}. */
function withoutRepositoryVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !REPOSITORY_VARIABLES.includes(key)));
}

/**
 * Whether `runIn` lies in a checkout of its own (a submodule, a clone kept inside another) below the
 * working tree the environment's variables belong to: a superproject's pre-commit hook running
 * `briefing -C <submodule> check` has the superproject's GIT_INDEX_FILE, which git, run in the
 * submodule, took for the submodule's and failed at ("index file open failed"). git clears them for a
 * submodule's commands itself; so does briefing.
 */
function inRepositoryOfItsOwn(runIn: string, env: NodeJS.ProcessEnv, started: string): boolean {
  if (!REPOSITORY_VARIABLES.some((key) => env[key] !== undefined)) return false;
  const { GIT_DIR: dir, GIT_WORK_TREE: tree } = env;
  const named = tree ? resolve(started, tree) : dir ? topOnce(env, started) : checkoutTop(started);
  const own = checkoutTop(runIn);
  return named !== undefined && own !== undefined && own !== named && isInside(named, own);
}

/** The top folder of the git working tree a folder lies in (the nearest with a `.git`), found from the files alone. */
export function checkoutTop(folder: string): string | undefined {
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * git's messages untranslated: briefing tells a refusal (safe.directory) or a partial clone's failed fetch
 * by git's own words, which a German or Spanish locale (or LANGUAGE) would translate, and the refusal then
 * passed for "no repository". The C locale changes nothing else git says to briefing: paths and texts
 * come as the bytes they are (with -z, unquoted), dates in ISO form.
 */
const MESSAGES_IN_ENGLISH = { LC_ALL: 'C' };

/** The process's environment with `GIT_DIR` and `GIT_WORK_TREE` made absolute, as {@link gitEnvironment} says. */
function placedEnvironment(runIn: string, env: NodeJS.ProcessEnv, started: string): NodeJS.ProcessEnv {
  const { GIT_DIR: dir, GIT_WORK_TREE: tree } = env;
  if (!dir && !tree) return env;
  // Made from this environment every time: the resident server runs hook after hook in one process, and git ran with the
  // first one's (its GIT_INDEX_FILE, a partial commit's next-index-<pid>.lock, gone by the next commit; its PATH).
  const absolute = { ...env, ...(dir ? { GIT_DIR: resolve(started, dir) } : {}), ...(tree ? { GIT_WORK_TREE: resolve(started, tree) } : {}) };
  const top = tree || !dir ? undefined : topOnce(env, started);
  return top !== undefined && (runIn === top || isInside(top, runIn)) ? { ...absolute, GIT_WORK_TREE: top } : absolute;
}

/** The tops git named, by the folder briefing started in and the whole environment git was asked with (its configuration, its PATH). */
const topByStart = new Map<string, { top: string | undefined }>();

/** {@link topWhereStarted}, asked of git once per folder and environment. */
function topOnce(env: NodeJS.ProcessEnv, started: string): string | undefined {
  const key = JSON.stringify([started, Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  let known = topByStart.get(key);
  if (known === undefined) {
    known = { top: topWhereStarted(env, started) };
    setBounded(topByStart, key, known, KEPT_TOPS);
  }
  return known.top;
}

/** How many tops {@link topOnce} keeps: a hook's environment differs from commit to commit (GIT_INDEX_FILE). */
const KEPT_TOPS = 8;

/** The working tree's top as git sees it from `started` with the environment given; undefined when git has none there, or only git's guess. */
function topWhereStarted(env: NodeJS.ProcessEnv, started: string): string | undefined {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: started, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    // With GIT_DIR alone git takes any folder for the top: one it was started in counts only when it is a checkout's own top (a
    // hook's, of a linked worktree), not a folder briefing was merely started in (`GIT_DIR=… briefing -C <repository>` from elsewhere).
    if (!top || !isAbsolute(top)) return undefined;
    return top !== resolve(started) || existsSync(join(top, '.git')) ? top : checkoutOfGitDir(started, env.GIT_DIR);
  } catch {
    return undefined;
  }
}

/**
 * The checkout `folder` lies in, found from its files, when its own git folder is `gitDir`: a hook that
 * goes into a project in a subfolder (`cd eu/briefing && npx briefing check`) keeps the GIT_DIR git set
 * for a linked worktree, and git run there took that subfolder for the top, found none of the project's
 * files at HEAD and compared nothing. The repository is the checkout's own, so its top is the top.
 */
function checkoutOfGitDir(folder: string, gitDir: string | undefined): string | undefined {
  const top = checkoutTop(folder);
  const own = top === undefined ? undefined : ownGitDir(top);
  return gitDir !== undefined && own !== undefined && sameFolder(own, resolve(folder, gitDir)) ? top : undefined;
}

/** The folder git keeps a checkout's own state in: `.git`, or, in a linked worktree or a submodule, the one its `.git` file names. */
export function ownGitDir(top: string): string | undefined {
  try {
    const dotGit = join(top, '.git');
    const named = statSync(dotGit).isDirectory() ? dotGit : /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
    return named === undefined ? undefined : resolve(top, named.trim());
  } catch {
    return undefined;
  }
}
