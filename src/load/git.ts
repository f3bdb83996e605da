import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../diagnostics/errors.js';
import { projectPath } from './files.js';
import { gitEnvironment } from './git-env.js';
import { commitIdentity, parseBatch, type GitObject } from './git-objects.js';
import { shellWord } from '../util/shell.js';
import { UNSHALLOW_HINT, git, GitFailedError, gitBytes } from './git-failures.js';

/** A git working tree, known by a folder inside it. */
export interface Repository {
  /** Absolute path of the folder git is run in (the one the command started from). */
  cwd: string;
  /** Absolute path of the working tree's top folder, so project paths can be turned into repository paths. */
  readonly top: string;
  /** What to do when there is no repository, or no commit in it, said as the command that asked can do it. */
  advice: RepositoryAdvice;
}

/** The hints of the usage errors for a folder outside git, and for a repository with no commit yet. */
export interface RepositoryAdvice {
  outside: string;
  noCommit: string;
  /** The flag that names the revision to compare with (`--from`, `--base`), for the hint on a branch with no commit yet beside others. */
  revisionFlag: string;
}

/** Said unless the command that needs the repository says it better (diff can compare two files; check can leave --base out). */
const ADVICE: RepositoryAdvice = {
  outside: 'Versions come from git: run briefing inside the repository.',
  noCommit: 'Commit the files first (git add, then git commit).',
  revisionFlag: '--from',
};

/** A commit as a diff shows it. */
export interface Commit {
  /** What the user wrote: `HEAD~1`, a branch, a hash. */
  label: string;
  hash: string;
  /** Committer date, ISO 8601 in UTC. */
  date: string;
  /** The committer's wall clock, YYYY-MM-DDTHH:MM:SS in the committer's own time zone (as `git log` shows it). */
  localTime: string;
  author: string;
  /** Files read together with the commit, by absolute path: the text each had there, or undefined where it did not exist. */
  files: ReadonlyMap<string, string | undefined>;
}

/** The git repository `cwd` is in, asked of git now: a one-line usage error outside one, or without git. */
export function openRepository(cwd: string, advice = ADVICE): Repository {
  return { cwd: resolve(cwd), top: topFolder(cwd, advice), advice };
}

/**
 * The git repository `cwd` is in, taken on trust: git is first asked when something is
 * read from it, and its top folder only when a repository path is needed. Outside a
 * repository, or without git, the first read fails with the same usage error as
 * {@link openRepository}.
 */
export function repositoryAt(cwd: string, advice = ADVICE): Repository {
  let top: string | undefined;
  return {
    cwd: resolve(cwd),
    get top() {
      top ??= topFolder(cwd, advice);
      return top;
    },
    advice,
  };
}

function topFolder(cwd: string, advice: RepositoryAdvice): string {
  return git(cwd, ['rev-parse', '--show-toplevel'], () => new UsageError(`${resolve(cwd)} is not inside a git repository.`, advice.outside)).trim();
}

/** The repository path (`/`-separated, from the top) of an absolute path. */
export function repositoryPath(repo: Repository, absolutePath: string): string {
  return projectPath(repo.top, absolutePath);
}

/**
 * Resolves revisions to their commits (hash, author, committer date) and reads `files`
 * (absolute paths) at each, all in one `git cat-file --batch`: `<revision>^{commit}` gives
 * the raw commit, `<revision>:./<path from the folder git runs in>` each file. A usage error
 * for the first revision, in the order given, that git does not know as a commit.
 */
export function resolveCommits(repo: Repository, revisions: readonly string[], files: readonly string[] = []): Commit[] {
  // A revision is never taken for an option (as `--end-of-options` made sure when it was an argument).
  const asked = revisions.filter((revision) => !revision.startsWith('-'));
  const fileName = (revision: string, file: string) => `${revision}:./${projectPath(repo.cwd, file)}`;
  const objects = readObjects(repo, asked.flatMap((revision) => [`${revision}^{commit}`, ...files.map((file) => fileName(revision, file))]));
  return revisions.map((revision) => {
    const commit = asked.includes(revision) ? objects.get(`${revision}^{commit}`) : undefined;
    if (commit?.type !== 'commit' || !/^[0-9a-f]{40,64}$/.test(commit.hash)) {
      // When git was not asked at all, being outside a repository is what to say.
      void repo.top;
      throw unknownRevision(repo, revision);
    }
    return {
      label: revision,
      hash: commit.hash,
      ...commitIdentity(commit.data),
      files: new Map(files.map((file) => [file, textOf(objects.get(fileName(revision, file)))])),
    };
  });
}

/**
 * Why git does not know a revision, asked of git only then: a repository with no commit yet; a branch
 * that is only the remote's (a CI checkout makes no local branch but its own: `main` is `origin/main`
 * there); a shallow clone (CI checks out one commit by default) whose history stops short of a commit
 * named by its place or hash, or that never fetched a branch or tag named.
 */
function unknownRevision(repo: Repository, revision: string): UsageError {
  if (askGit(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']) === undefined) {
    const other = branchWithCommits(repo);
    if (other === undefined) {
      return new UsageError(
        `Unknown revision \`${revision}\`: this repository has no commit yet.`,
        repo.advice.noCommit,
      );
    }
    if (/^(?:HEAD|@)(?![\w./-])/.test(revision)) return unbornBranch(repo, revision, other);
  }
  const remote = remoteBranch(repo, revision);
  if (remote !== undefined) {
    return new UsageError(
      `Unknown revision \`${revision}\`: there is no branch of that name here, but the remote's is \`${remote}\`.`,
      `Write ${remote} (a clone has a branch of its own only for what it checked out).`,
    );
  }
  if (isShallowClone(repo)) {
    if (/[~^@]|^[0-9a-f]{7,64}$/i.test(revision)) {
      return new UsageError(`Unknown revision \`${revision}\`: this is a shallow clone, whose history stops short of it.`, UNSHALLOW_HINT);
    }
    return new UsageError(
      `Unknown revision \`${revision}\`: this shallow clone has no branch or tag of that name.`,
      `Check the name; if it is another branch, fetch it as the remote's and write origin/${revision}: \`git fetch origin ${revision}:refs/remotes/origin/${revision}\`; if it is a tag, fetch it: \`git fetch origin tag ${revision}\` (or fetch every branch with its history: \`git fetch --unshallow\`; in GitHub Actions, actions/checkout with fetch-depth: 0).`,
    );
  }
  return new UsageError(`Unknown revision \`${revision}\`.`, 'Use a commit, a branch or a tag that `git log --oneline` lists.');
}

/** Whether the repository has no commit at all yet: neither HEAD nor any branch names one. */
export function hasNoCommit(repo: Repository): boolean {
  return askGit(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']) === undefined && branchWithCommits(repo) === undefined;
}

/**
 * HEAD on a branch with no commit yet (`git checkout --orphan`, or a branch whose commits were never
 * made) while other branches have commits: the repository is not empty, only this branch is.
 */
function unbornBranch(repo: Repository, revision: string, other: string): UsageError {
  const branch = askGit(repo, ['symbolic-ref', '--short', '--quiet', 'HEAD']);
  return new UsageError(
    `Unknown revision \`${revision}\`: ${branch ? `the branch \`${branch}\` checked out` : 'the branch checked out'} has no commit yet (a new branch, as \`git checkout --orphan\` makes); other branches have commits.`,
    `Compare with a commit of another branch: ${repo.advice.revisionFlag} ${shellWord(other)} (\`git branch\` lists them); or commit the files on this branch first.`,
  );
}

/** The branch checked out in the repository `cwd` is in; undefined outside one, without git, or on a detached HEAD. */
export function checkedOutBranch(cwd: string): string | undefined {
  return askGit(repositoryAt(cwd), ['symbolic-ref', '--short', '--quiet', 'HEAD']) || undefined;
}

/** A local branch that has commits, to name in a hint: main or master where there is one, else the one committed to last. */
function branchWithCommits(repo: Repository): string | undefined {
  const branches = (askGit(repo, ['for-each-ref', '--sort=-committerdate', '--format=%(refname:short)', 'refs/heads/']) ?? '').split('\n').filter(Boolean);
  return branches.find((name) => name === 'main' || name === 'master') ?? branches[0];
}

/** The remote-tracking branch (`origin/main`) a plain branch name means, when exactly one remote has it. */
function remoteBranch(repo: Repository, name: string): string | undefined {
  if (!/^[\w.-][\w./-]*$/.test(name)) return undefined;
  const found = (askGit(repo, ['for-each-ref', '--format=%(refname:short)', 'refs/remotes/']) ?? '')
    .split('\n')
    .filter((ref) => ref.endsWith(`/${name}`) && ref.indexOf('/') === ref.length - name.length - 1);
  return found.length === 1 ? found[0] : undefined;
}

/** Whether the repository is a shallow clone (CI checks out one commit by default): older commits and the files only they hold are not in it. */
export function isShallowClone(repo: Repository): boolean {
  return askGit(repo, ['rev-parse', '--is-shallow-repository']) === 'true';
}

/** What git answers, trimmed, or undefined when it fails: for questions asked only to explain another failure. */
function askGit(repo: Repository, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: repo.cwd, env: gitEnvironment(repo.cwd), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The text of a file at a commit, or undefined when the file did not exist there. Read
 * through `git cat-file --batch`, which says "missing" itself: no error text to parse.
 */
export function showFile(repo: Repository, commit: Commit, path: string): string | undefined {
  const object = `${commit.hash}:${path}`;
  return readBlobs(repo, [object]).get(object);
}

/**
 * The error for a file that did not exist at a commit, with the hint that fits its history: never
 * committed (commit it first), there now but not then (added or renamed later: `git log --follow`
 * finds its earlier names), or gone (removed or renamed since). Asks git once, only on this path.
 * `path`: the file's repository path; `projectRoot`: the project's folder, which names it in the message and hints.
 */
export function missingAtCommit(repo: Repository, commit: Commit, path: string, absolutePath: string, projectRoot: string, shownAs: string = projectPath(projectRoot, absolutePath)): UsageError {
  // Named from the project's folder, as every message names files; the CLI makes the hints' git commands run there (`git -C <project>`).
  const quoted = shellWord(projectPath(projectRoot, absolutePath) || '.');
  let committed = false;
  try {
    committed = git(repo.top, ['log', '-1', '--format=%h', '--all', '--', path], () => new UsageError('')).trim() !== '';
  } catch {
    // Without an answer the first hint stands.
  }
  const message = `${shownAs} does not exist at ${commit.label}.`;
  if (!committed) return new UsageError(message, `It was never committed: commit it first, or compare two files (\`briefing diff old.yaml new.yaml\`).`);
  if (existsSync(absolutePath)) {
    return new UsageError(
      message,
      `It was added after ${commit.label}, or came to this path by a rename: \`git log --follow --oneline -- ${quoted}\` lists its commits, under earlier names too. A position renamed since is found there by its id, unless its id changed as well.`,
    );
  }
  return new UsageError(message, `It is not in the working tree either (removed or renamed): \`git log --oneline -- ${quoted}\` lists the commits that had it; name one of them with --from and --to.`);
}

/** Every file under `folders` at a commit, as repository paths with their blob ids. */
export function listFiles(repo: Repository, commit: Commit, folders: readonly string[]): { path: string; blob: string }[] {
  if (!folders.length) return [];
  const output = git(repo.top, ['ls-tree', '-r', '-z', '--full-tree', commit.hash, '--', ...folders], () => new UsageError(`Cannot list the files of ${commit.label}.`));
  return output
    .split('\u0000')
    .filter(Boolean)
    .flatMap((line) => {
      const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(line);
      return match?.[1] && match[2] ? [{ blob: match[1], path: match[2] }] : [];
    });
}

/** The names of the files and folders in `folder` (repository-relative; `''` the top) at a commit, as git writes them; none when it has no such folder. */
export function namesAt(repo: Repository, commit: Commit, folder: string): string[] {
  const output = git(repo.top, ['ls-tree', '-z', '--name-only', '--full-tree', commit.hash, ...(folder === '' ? [] : ['--', `${folder}/`])], () => new UsageError(`Cannot list the files of ${commit.label}.`));
  return output
    .split('\u0000')
    .filter(Boolean)
    .map((path) => path.slice(path.lastIndexOf('/') + 1));
}

/**
 * Reads many blobs (named any way `git cat-file` accepts: a blob id, `<commit>:<path>`) in
 * one `git cat-file --batch`; a blob the repository does not hold maps to undefined.
 */
export function readBlobs(repo: Repository, ids: readonly string[]): Map<string, string | undefined> {
  const objects = readObjects(repo, ids);
  return new Map(ids.map((id) => [id, textOf(objects.get(id))]));
}

/**
 * One blob's bytes (named any way `git cat-file` accepts: a blob id, `<commit>:<path>`): a Word
 * file, which its text would mangle; undefined when the repository does not hold it.
 */
export function readBlobBytes(repo: Repository, name: string): Uint8Array | undefined {
  const object = readObjects(repo, [name]).get(name);
  return object?.type === 'blob' ? object.data : undefined;
}

/** The objects named, from one `git cat-file --batch` run in the repository's folder. */
function readObjects(repo: Repository, names: readonly string[]): Map<string, GitObject | undefined> {
  try {
    return catFileBatch(repo.cwd, names);
  } catch (error) {
    // Without git, or outside a repository, asking for the top folder throws the error that says so.
    if (error instanceof UsageError) void repo.top;
    throw error;
  }
}

/** A blob's text; undefined for anything else, or nothing. */
export function textOf(object: GitObject | undefined): string | undefined {
  return object?.type === 'blob' ? object.data.toString('utf8') : undefined;
}

/**
 * Reads objects named any way `git cat-file` accepts (`<blob id>`, `<commit>:<path>`,
 * `HEAD:./<path relative to cwd>`) in one process; an object git does not have maps to
 * undefined (git reports it as missing itself). A name holding a line break, which would
 * be two lines of git's input, is not asked and maps to undefined too.
 */
export function catFileBatch(cwd: string, names: readonly string[]): Map<string, GitObject | undefined> {
  const asked = [...new Set(names)].filter((name) => !name.includes('\n'));
  if (!asked.length) return new Map();
  const { stdout, stderr } = gitBytes(cwd, ['cat-file', '--batch'], asked.map((name) => `${name}\n`).join(''));
  const objects = parseBatch(stdout, asked);
  // An object whose header git cannot read it calls missing, and says why only on its error output.
  const damaged = /^error: unable to unpack .*$/m.exec(stderr)?.[0];
  if (damaged !== undefined && [...objects.values()].includes(undefined)) throw new GitFailedError(damaged);
  return objects;
}

/** The name git would put on a commit made here now, if one is configured. */
export function userName(repo: Repository): string | undefined {
  try {
    return execFileSync('git', ['config', 'user.name'], { cwd: repo.cwd, env: gitEnvironment(repo.cwd), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
