import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../diagnostics/errors.js';
import { errorCode, projectPath, readIfThere } from './files.js';
import { checkoutTop, gitEnvironment } from './git-env.js';
import { commitIdentity, parseBatch, type GitObject } from './git-objects.js';
import { shellWord } from '../util/shell.js';

// Found from the files alone, in git-env.ts; named here too, where the other questions of a checkout are.
export { checkoutTop };

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
      `Check the name; if it is another branch, fetch it as the remote's and write origin/${revision}: \`git fetch origin ${revision}:refs/remotes/origin/${revision}\` (or fetch every branch with its history: \`git fetch --unshallow\`; in GitHub Actions, actions/checkout with fetch-depth: 0).`,
    );
  }
  return new UsageError(`Unknown revision \`${revision}\`.`, 'Use a commit, a branch or a tag that `git log --oneline` lists.');
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
function textOf(object: GitObject | undefined): string | undefined {
  return object?.type === 'blob' ? object.data.toString('utf8') : undefined;
}

/**
 * Reads objects named any way `git cat-file` accepts (`<blob id>`, `<commit>:<path>`,
 * `HEAD:./<path relative to cwd>`) in one process; an object git does not have maps to
 * undefined (git reports it as missing itself). A name holding a line break, which would
 * be two lines of git's input, is not asked and maps to undefined too.
 */
function catFileBatch(cwd: string, names: readonly string[]): Map<string, GitObject | undefined> {
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

const NO_GIT = 'git is not installed or not on the PATH.';

/** What to do in a shallow clone (CI checks out one commit by default) for the history it lacks. */
export const UNSHALLOW_HINT = 'Fetch the whole history: git fetch --unshallow (in GitHub Actions, actions/checkout with fetch-depth: 0).';

/**
 * git will not work in a repository another user owns (its `safe.directory` check, since git 2.35.2):
 * a checkout in a CI container, on a shared drive, or copied as another user. Every command fails
 * then, which must not read as "not a repository", nor pass the rules that compare with git silently.
 */
export class GitRefusedError extends UsageError {
  /** The repository's folder, as git names it. */
  readonly repository: string;

  constructor(repository: string) {
    super(
      `git refuses to work in the repository at ${repository}: it belongs to another user than the one running briefing (git's safe.directory check).`,
      `If you trust it, tell git so: git config --global --add safe.directory ${shellWord(repository)} (in a CI container, in the job's own steps), or run briefing as the repository's owner.`,
    );
    this.repository = repository;
  }
}

/**
 * The checkout's `.git` is a file naming a repository folder that is not there: a linked worktree whose
 * repository was moved or deleted, a worktree's or a submodule's folder copied elsewhere or mounted alone
 * in a container. git then fails at everything, which must not read as "not a repository", nor pass the
 * rules that compare with git silently.
 */
export class GitUnlinkedError extends UsageError {
  /** The fact alone, for a message that goes on with what it keeps from being done: `<top>/.git names the repository folder <gitDir>, which does not exist`. */
  readonly fact: string;

  constructor(top: string, gitDir: string) {
    const fact = `${join(top, '.git')} names the repository folder ${gitDir}, which does not exist`;
    super(
      `${fact}: the repository was moved or deleted, or only this folder was copied or mounted.`,
      `Where the repository has moved, \`git -C <its new folder> worktree repair ${shellWord(top)}\` mends the link; otherwise write the repository's folder in the gitdir: line of ${join(top, '.git')}, or clone the repository afresh. In a container, mount the repository's folder too.`,
    );
    this.fact = fact;
  }
}

/** The checkout `folder` lies in, when its `.git` is a file naming a folder that does not exist ({@link GitUnlinkedError}), known from the files alone. */
export function gitUnlinked(folder: string): GitUnlinkedError | undefined {
  // With GIT_DIR (a hook's, or the user's) git does not read the .git file; the environment git runs with there, which may leave it out (a submodule).
  if (gitEnvironment(folder).GIT_DIR) return undefined;
  const top = checkoutTop(folder);
  if (top === undefined || statSync(join(top, '.git'), { throwIfNoEntry: false })?.isFile() !== true) return undefined;
  const named = ownGitDir(top);
  return named !== undefined && !existsSync(named) ? new GitUnlinkedError(top, named) : undefined;
}

/** The refusal a failed git command's error output states, if it is one of a repository owned by another user. */
function refusal(error: unknown): GitRefusedError | undefined {
  const stderr = stderrOf(error);
  const repository = /dubious ownership in repository at '([^'\n]+)'/.exec(stderr)?.[1];
  return repository === undefined ? undefined : new GitRefusedError(repository);
}

/**
 * The refusal of git to work in the repository `cwd` is in, when it refuses it as owned by another
 * user ({@link GitRefusedError}); undefined when git works there, or fails for another reason.
 */
export function gitRefusal(cwd: string): GitRefusedError | undefined {
  try {
    execFileSync('git', ['rev-parse', '--git-dir'], { cwd, env: gitEnvironment(cwd), stdio: ['ignore', 'ignore', 'pipe'] });
    return undefined;
  } catch (error) {
    return refusal(error);
  }
}

/** git's output; on failure, the error that says why: git missing, refusing, its repository not there, else what `failure` makes of git's own words. */
function git(cwd: string, args: readonly string[], failure: (said: string) => UsageError): string {
  try {
    return execFileSync('git', args, { cwd, env: gitEnvironment(cwd), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw errorCode(error) === 'ENOENT' ? new UsageError(NO_GIT, 'Versions come from git; install it, or compare two files.') : (knownGitFailure(error, cwd) ?? failure(gitSaid(error)));
  }
}

/** A git failure with words of its own: the repository refused (another user's), texts a partial clone could not fetch, a checkout whose repository is gone. */
function knownGitFailure(error: unknown, cwd: string): UsageError | undefined {
  return refusal(error) ?? unfetched(error) ?? gitUnlinked(cwd);
}

/** What a failed git command wrote on its standard error; empty for another failure. */
function stderrOf(error: unknown): string {
  return error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
}

/**
 * Whether `error` is a git command that ran and exited with a failure (not a bug of ours, nor a limit
 * such as the output buffer's): its exit code is `code` from execFile, `status` from execFileSync.
 */
export function gitExited(error: unknown): boolean {
  if (!(error instanceof Error) || !('stderr' in error)) return false;
  return ('code' in error && typeof error.code === 'number') || ('status' in error && typeof error.status === 'number' && !('code' in error && typeof error.code === 'string'));
}

/** The first line of a failed git command's error output that says what failed (`fatal: …`, `error: …`); empty when there is none. */
function gitSaid(error: unknown): string {
  const stderr = stderrOf(error);
  return /^(?:fatal|error): .*$/m.exec(stderr)?.[0].trim() ?? '';
}

/**
 * git fails in a repository it otherwise knows, for a reason of its own: a damaged index (a crash while
 * git wrote it, a cloud drive's sync), a broken object. Not "no commit yet" nor "no repository", which
 * leave nothing to compare: here the rules that compare with git would pass unasked, so it is said.
 */
export class GitFailedError extends UsageError {
  /** git's own words: `fatal: .git/index: index file smaller than expected`. */
  readonly said: string;

  constructor(said: string) {
    super(
      `git failed in this repository (${said}).`,
      gitFailedHint(said),
    );
    this.said = said;
  }
}

/** What to do about a failure of git's own, by git's words: a damaged index, a damaged object, or anything else. */
function gitFailedHint(said: string): string {
  if (/index file (?:smaller than expected|corrupt)|bad (?:signature|index)|unknown index entry/.test(said)) {
    return 'The index git keeps of the files is damaged (after a crash, or a sync by a cloud drive): delete the index file git names and run `git reset`, which makes it again from the last commit and leaves the working files as they are.';
  }
  if (/unable to (?:unpack|stream|read)|corrupt|inflate|bad object|loose object|packfile/.test(said)) {
    return 'A file of the repository’s history under .git/objects is damaged (a disk error, a crash, a sync by a cloud drive): `git fsck` names every damaged object; a fresh clone of the repository from its remote (or the damaged files copied from another clone) brings them back.';
  }
  return '`git status` shows the same failure; once git works here again, so do these checks.';
}

/**
 * git's failure of its own in the repository `cwd` is in (a damaged index, a broken object), as
 * `git status` meets it reading the index, HEAD and the files; undefined where git works, or fails
 * for want of a repository. Asked only to explain another failure: it costs a git process.
 */
export function gitFailedHere(cwd: string): GitFailedError | undefined {
  try {
    execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, env: gitEnvironment(cwd), stdio: ['ignore', 'ignore', 'pipe'] });
    return undefined;
  } catch (error) {
    const said = gitSaid(error);
    return failedItself(said) ? new GitFailedError(said) : undefined;
  }
}

/** The oldest git briefing works with: `%cs` dates (2.21), `git restore` (2.23) and `git sparse-checkout` (2.25) in its hints. */
export const MINIMUM_GIT = '2.25';

/**
 * git older than briefing needs, known by a date it left unexpanded (`%cs`, since git 2.21; Debian 10
 * has 2.20): the output of the `git log` that asked for it tells, so no git process is spent on every
 * run asking its version.
 */
export class GitTooOldError extends UsageError {
  constructor() {
    super(
      `git is older than briefing needs: it printed the date format \`%cs\` as it stands, where git 2.21 and later write the date. briefing needs git ${MINIMUM_GIT} or later.`,
      'Install a newer git (`git --version` shows the version this one is), then run briefing again.',
    );
  }
}

/** A committer day (`%cs`) from `git log`'s output as it is; a {@link GitTooOldError} when git left the format unexpanded. */
export function committerDay(day: string): string {
  if (day.includes('%cs')) throw new GitTooOldError();
  return day;
}

/** The error for a git command that failed as {@link GitFailedError} says, from the command's error; for list, which runs git itself. */
export function gitFailure(error: unknown): GitFailedError {
  return new GitFailedError(gitSaid(error) || 'git stopped without saying why');
}

/** Whether git's words say the revision asked for is not there: no commit yet, or a name that names none. */
export function noSuchRevision(said: string): boolean {
  return /unknown revision|bad revision|ambiguous argument/.test(said);
}

/** Whether git's words (from {@link gitSaid}) tell a failure of its own, not a revision or repository that is not there (nothing to compare). */
function failedItself(said: string): boolean {
  return said !== '' && !noSuchRevision(said) && !said.includes('not a git repository');
}

/** A git command's output and what it said on its error output, which git writes there even when it succeeds. */
function gitBytes(cwd: string, args: readonly string[], input: string): { stdout: Buffer; stderr: string } {
  const run = spawnSync('git', args, { cwd, env: gitEnvironment(cwd), input, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  if (run.error === undefined && run.status === 0) return { stdout: run.stdout, stderr: run.stderr.toString('utf8') };
  const error = run.error ?? Object.assign(new Error(`git ${args.join(' ')} exited with ${run.status ?? run.signal}`), { stderr: run.stderr.toString('utf8') });
  if (errorCode(error) === 'ENOENT') throw new UsageError('git is not installed or not on the PATH.');
  const said = gitSaid(error);
  throw knownGitFailure(error, cwd) ?? (failedItself(said) ? new GitFailedError(said) : new UsageError(`git ${args.join(' ')} failed.`));
}

/**
 * A partial clone (`git clone --filter=blob:none`, actions/checkout's `filter:`) holds the files of
 * its checkout alone and fetches any other version from its remote when asked: away from the network,
 * or with the remote gone, git fails at reading it, which must not read as a bare "git failed".
 */
export class GitUnfetchedError extends UsageError {
  constructor() {
    super(
      'git could not fetch older versions of files from the remote: this is a partial clone (git clone --filter), which fetches them only when they are needed, and the remote could not be read.',
      'Connect to the remote (the network, a VPN) and run briefing again; `git fetch` says what stands in the way.',
    );
  }
}

/** The failure a git command's error output states, if it is a partial clone's fetch of a missing object. */
function unfetched(error: unknown): GitUnfetchedError | undefined {
  const stderr = stderrOf(error);
  return /from promisor remote/.test(stderr) ? new GitUnfetchedError() : undefined;
}

/**
 * The committed text (at git HEAD, or at `revision`) of project files, for rules that compare
 * with it, in one `git cat-file --batch` run from the project root. Files that are untracked or
 * new since then are absent; outside a git repository, without git, or before the first
 * commit the map is empty. The one error: a partial clone that could not fetch the texts
 * ({@link GitUnfetchedError}), whose rules would otherwise pass unasked. A failure of git's own (a
 * damaged object under .git/objects) leaves the map empty too, and comes back as `failed`, so that
 * the caller says which rules went unchecked.
 */
export function readCommittedTexts(root: string, paths: readonly string[], revision = 'HEAD'): CommittedTexts {
  const texts = new Map<string, string>();
  if (!paths.length) return { texts };
  try {
    const blobs = catFileBatch(root, paths.map((path) => `${revision}:./${path}`));
    for (const path of paths) {
      const text = textOf(blobs.get(`${revision}:./${path}`));
      if (text !== undefined) texts.set(path, text);
    }
  } catch (error) {
    if (!(error instanceof UsageError) || error instanceof GitUnfetchedError) throw error;
    if (error instanceof GitFailedError) return { texts: new Map(), failed: error };
  }
  return { texts };
}

/** What {@link readCommittedTexts} read: the texts by path, and git's failure when it could not read them. */
export interface CommittedTexts {
  texts: Map<string, string>;
  failed?: GitFailedError;
}

/** The raw `git diff --name-status` of some folders against a revision, run at the first call and remembered (its error too). */
export type ChangesSince = () => string;

/**
 * One `git diff --name-status` from the project root of the working tree against `revision`, over
 * `folders` (absolute) at once, run when first asked: the positions and the meetings each want
 * theirs on every check and build, and a second git process costs as much as the first.
 */
export function changesSince(root: string, revision: string, folders: readonly string[]): ChangesSince {
  let answer: { output: string } | { error: unknown } | undefined;
  return () => {
    answer ??= (() => {
      try {
        return { output: git(root, ['diff', '--name-status', '--relative', '-M', '-z', revision, '--', ...folders.map((folder) => projectPath(root, folder) || '.')], (said) => (failedItself(said) ? new GitFailedError(said) : new UsageError('No HEAD to compare with.'))) };
      } catch (error) {
        return { error };
      }
    })();
    if ('error' in answer) throw answer.error;
    return answer.output;
  };
}

/** The files under a folder that differ from git HEAD: by their path now, each with its path at HEAD. */
export interface ChangedFiles {
  /** Path now → path at HEAD (the same path, or where a moved file was: `git mv`, or a file deleted there with the same name). */
  changed: Map<string, string>;
  /** git could not be started (not installed, or not on the PATH): nothing could be compared. */
  noGit?: boolean;
  /**
   * git ran but could not answer, and nothing could be compared: it refused the repository as another
   * user's, the checkout's `.git` names a repository folder that is not there, or git failed for a
   * reason of its own (a damaged index).
   */
  gap?: GitRefusedError | GitUnlinkedError | GitFailedError;
  /** Paths at HEAD of files deleted since that no file here was paired with (by path or file name). */
  gone?: string[];
  /** With `gone`: files given as present that git does not track yet (a file moved and renamed without git). */
  untracked?: string[];
}

/**
 * The tracked files under `folder` whose working text differs from git HEAD, or from `revision`
 * (staged or not),
 * in one `git diff` run from the project root (so its paths are already project paths), with
 * where each was at HEAD: a file moved with `git mv` is followed to its old path, and one moved
 * without git (its old path deleted, the new one not yet added) by its file name, which is the
 * position's id. Outside a git repository, without git, or before the first commit: none.
 * `diff` is a run shared with another folder's (see {@link changesSince}); without `listUntracked`
 * the files git does not track are not listed when some are gone (`untracked` stays empty).
 */
export function changedSinceHead(root: string, folder: string, present: readonly string[] = [], revision = 'HEAD', diff: ChangesSince = changesSince(root, revision, [folder]), listUntracked = true): ChangedFiles {
  const changed = new Map<string, string>();
  const under = projectPath(root, folder);
  const inFolder = (path: string) => !under || path === under || path.startsWith(`${under}/`);
  try {
    const deleted = new Map<string, string>();
    for (const { status, from, to } of nameStatusEntries(diff())) {
      // The diff may span other folders too: a file moved in from one of them is new here, one moved out of here is gone.
      const was = inFolder(from);
      const is = inFolder(to);
      if (status === 'D' || (was && !is)) {
        if (was) deleted.set(basename(from), from);
      } else if (is) changed.set(to, was ? from : to);
    }
    // Moved without git: the file now here is not in HEAD, and HEAD's file of its name is gone.
    for (const path of present) {
      const from = deleted.get(basename(path));
      if (from !== undefined && !changed.has(path) && from !== path) changed.set(path, from);
    }
    const gone = [...deleted.values()].filter((path) => ![...changed.values()].includes(path));
    // Files gone from their place at HEAD, and files here git does not know yet: the caller may pair them by content (an id).
    if (gone.length && listUntracked) {
      const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', projectPath(root, folder) || '.'], () => new UsageError('Cannot list the new files.'));
      const known = new Set(present);
      return { changed, gone, untracked: untracked.split('\u0000').filter((path) => path && known.has(path) && !changed.has(path)) };
    }
  } catch (error) {
    // A partial clone that could not fetch the base's texts stops the command, as reading them would (readCommittedTexts).
    if (!(error instanceof UsageError) || error instanceof GitUnfetchedError) throw error;
    if (error.message === NO_GIT) return { changed, noGit: true };
    if (error instanceof GitUnlinkedError || error instanceof GitFailedError) return { changed, gap: error };
    // `git diff` says only "not a git repository" of one it refuses: asked again, on this path alone — where a
    // repository is to be found at all (git refuses only one it finds itself), not for every project outside git.
    const refused = error instanceof GitRefusedError ? error : inGitCheckout(root) ? gitRefusal(root) : undefined;
    if (refused) return { changed, gap: refused };
  }
  return { changed };
}

/**
 * A file git has, or had, that the working tree lacks: kept out by a sparse checkout (`sparse`),
 * deleted since the last commit (`deleted`), its deletion staged for the next commit as `git rm`
 * stages it (`deletion-staged`), or deleted in a commit (`removed`, with that commit).
 */
export type AbsentFile =
  | { path: string; how: 'sparse' }
  | { path: string; how: 'deleted' }
  | { path: string; how: 'deletion-staged' }
  /** `renamedTo`: the commit moved the file there (a project path), as git's rename detection pairs them. */
  | { path: string; how: 'removed'; commit: string; author: string; date: string; renamedTo?: string };

/**
 * The files under `folder` (project paths, from `root`) that git tracks but the working tree lacks:
 * a sparse checkout's (skip-worktree entries), those deleted since the last commit, and those whose
 * deletion is staged (`git rm`, then the pre-commit hook runs `check`), which the index no longer
 * lists. None outside a repository or without git.
 */
export function absentFromCheckout(root: string, folder: string): AbsentFile[] {
  return [...unstagedAbsences(root, folder), ...stagedDeletions(root, folder)];
}

function unstagedAbsences(root: string, folder: string): AbsentFile[] {
  try {
    const listed = git(root, ['ls-files', '-t', '-z', '--cached', '--deleted', '--', folder || '.'], () => new UsageError('Cannot list the tracked files.'));
    return listed.split('\u0000').flatMap((entry): AbsentFile[] => {
      if (entry.startsWith('S ')) return [{ path: entry.slice(2), how: 'sparse' }];
      if (entry.startsWith('R ')) return [{ path: entry.slice(2), how: 'deleted' }];
      return [];
    });
  } catch (error) {
    if (error instanceof UsageError) return [];
    throw error;
  }
}

/** The files under `folder` that HEAD has and the index does not, gone from the working tree too: a deletion staged, not a rename. */
function stagedDeletions(root: string, folder: string): AbsentFile[] {
  try {
    const listed = git(root, ['diff', '--cached', '--name-only', '--diff-filter=D', '--relative', '-z', 'HEAD', '--', folder || '.'], () => new UsageError('Cannot compare the index with HEAD.'));
    return listed
      .split('\u0000')
      .filter((path) => path !== '' && !existsSync(join(root, path)))
      .map((path): AbsentFile => ({ path, how: 'deletion-staged' }));
  } catch (error) {
    if (error instanceof UsageError) return [];
    throw error;
  }
}

/**
 * The newest commit that deleted a file named `<name>.yaml` (or `.yml`) anywhere under `folder`
 * (a project path, from `root`): one merged from a colleague's branch, say. Undefined when none did,
 * outside a repository or without git.
 */
export function removedInCommit(root: string, folder: string, name: string): AbsentFile | undefined {
  const under = folder ? `${folder}/` : '';
  try {
    // --relative: the names as project paths, as the hint's command is run from the project, which may be a folder of the repository.
    const log = git(root, ['log', '-1', '--diff-filter=D', '--relative', '--format=%x01%h%x00%an%x00%cs', '--name-only', '-z', '--', ...['yaml', 'yml'].map((ext) => `:(glob)${under}**/${name}.${ext}`)], () => new UsageError('No history.'));
    const [hash = '', author = '', date = '', ...names] = log.replace(/^\x01/, '').split('\u0000');
    const path = names.map((each) => each.replace(/^\n/, '')).find(Boolean);
    if (!hash || !path) return undefined;
    const renamedTo = renamedIn(root, hash, path);
    return { path, how: 'removed', commit: hash, author, date: committerDay(date), ...(renamedTo ? { renamedTo } : {}) };
  } catch (error) {
    if (error instanceof UsageError && !(error instanceof GitTooOldError)) return undefined;
    throw error;
  }
}

/**
 * The entries of git's `--name-status -z` output: a rename or copy (`R100`, `C75`) names where the
 * file was and where it is; any other status one path, both `from` and `to`.
 */
export function nameStatusEntries(output: string): { status: string; from: string; to: string }[] {
  const fields = output.split('\u0000');
  const entries: { status: string; from: string; to: string }[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? '';
    if (!status) continue;
    const from = fields[i++] ?? '';
    const to = status.startsWith('R') || status.startsWith('C') ? (fields[i++] ?? '') : from;
    entries.push({ status, from, to });
  }
  return entries;
}

/**
 * Where commit `commit` moved the file at `path` (project paths, from `root`), as git's rename
 * detection pairs a deleted file with an added one of like content; undefined when it deleted it
 * outright (or the commit has no parent to compare with).
 */
function renamedIn(root: string, commit: string, path: string): string | undefined {
  try {
    const listed = git(root, ['diff-tree', '-r', '-M', '--relative', '--name-status', '-z', `${commit}^`, commit], () => new UsageError('Cannot compare the commit with its parent.'));
    return nameStatusEntries(listed).find((entry) => entry.status.startsWith('R') && entry.from === path)?.to;
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

/**
 * Where a file no longer at `path` (a project path, from `root`) went, as git's rename detection follows
 * it into `folder` (absolute): moved since HEAD (`git mv`, or by hand, not yet committed), or renamed in
 * the commit that last touched `path`, whose parent still had it. Undefined when git cannot tell.
 */
export function movedTo(root: string, folder: string, path: string, present: readonly string[]): string | undefined {
  let revision = 'HEAD';
  try {
    if (catFileBatch(root, [`HEAD:./${path}`]).get(`HEAD:./${path}`) === undefined) {
      const last = git(root, ['log', '-1', '--format=%H', '--', path], () => new UsageError('No history of the file.')).trim();
      if (!last) return undefined;
      revision = `${last}^`;
    }
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
  const { changed } = changedSinceHead(root, folder, present, revision);
  return [...changed].find(([now, then]) => then === path && now !== path)?.[0];
}

/**
 * The files (project paths, from `root`) among `paths` whose working text differs from what is staged
 * (`git diff`, the index against the working tree): in a pre-commit hook, the files a commit does not
 * take as they are. None outside a repository or without git.
 */
export function unstagedFiles(root: string, paths: readonly string[]): string[] {
  if (!paths.length) return [];
  try {
    const listed = git(root, ['diff', '--name-only', '--relative', '-z', '--', ...paths], () => new UsageError('Cannot compare with the index.'));
    return listed.split('\u0000').filter(Boolean);
  } catch (error) {
    if (error instanceof UsageError) return [];
    throw error;
  }
}

/**
 * The files (project paths, from `root`) among `paths` that git does not track and does not ignore: in a
 * pre-commit hook, files the commit will not hold (`git ls-files --others`, against the commit's index).
 * None outside a repository or without git.
 */
export function untrackedFiles(root: string, paths: readonly string[]): string[] {
  if (!paths.length) return [];
  try {
    const asked = new Set(paths);
    const listed = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...paths], () => new UsageError('Cannot list the untracked files.'));
    return listed.split('\u0000').filter((path) => asked.has(path));
  } catch (error) {
    if (error instanceof UsageError) return [];
    throw error;
  }
}

/** Which side of a merge (or rebase, cherry-pick, revert) stopped at a file deleted on one side and changed on the other deleted it. */
export interface UnfinishedDeletion {
  path: string;
  /** `ours`: HEAD deleted it (the other side's text is in the working tree); `theirs`: the side merged in did. */
  deletedBy: 'ours' | 'theirs';
}

// The files git leaves while a merge, rebase, cherry-pick or revert waits for conflicts to be resolved.
const STOPPED_OPERATIONS = ['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD', 'rebase-merge', 'rebase-apply'];

/**
 * The files among `paths` (project paths, from `root`) that a merge stopped at because one side
 * deleted what the other changed: no conflict markers in them, the working tree holds one side's
 * whole text, and nothing else tells that git waits for `git add` or `git rm`. Asked of git
 * (`git ls-files -u`) only while git's folder shows an operation stopped; none outside git.
 */
export function unfinishedDeletions(root: string, paths: readonly string[]): UnfinishedDeletion[] {
  // In a hook git names its folder in GIT_DIR (relative to where the hook runs): the stop files are looked for there.
  const given = process.env.GIT_DIR;
  const top = given === undefined ? checkoutTop(root) : undefined;
  const own = given !== undefined ? resolve(given) : top === undefined ? undefined : ownGitDir(top);
  const stopped = own !== undefined && STOPPED_OPERATIONS.some((name) => existsSync(join(own, name)));
  if (!stopped || !paths.length) return [];
  try {
    const listed = git(root, ['ls-files', '-u', '-z', '--', ...paths], () => new UsageError('Cannot list the unmerged files.'));
    const stages = new Map<string, Set<string>>();
    for (const entry of listed.split('\u0000')) {
      const match = /^\d+ [0-9a-f]+ ([123])\t(.+)$/.exec(entry);
      if (match?.[1] && match[2]) stages.set(match[2], (stages.get(match[2]) ?? new Set()).add(match[1]));
    }
    return [...stages].flatMap(([path, has]): UnfinishedDeletion[] =>
      has.has('1') && has.has('2') !== has.has('3') ? [{ path, deletedBy: has.has('2') ? 'theirs' : 'ours' }] : [],
    );
  } catch (error) {
    if (error instanceof UsageError) return [];
    throw error;
  }
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

/** Whether any commit of the repository `root` is in has had a file at `path` (a project path): the project's own, once. */
export function everCommitted(root: string, path: string): boolean {
  try {
    return git(root, ['log', '-1', '--all', '--format=%h', '--', path], () => new UsageError('No history of the file.')).trim() !== '';
  } catch (error) {
    if (error instanceof UsageError) return false;
    throw error;
  }
}

/** Whether git cannot be started at all (not installed, or not on the PATH), as opposed to failing at something. */
export function gitMissing(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return false;
  } catch (error) {
    return errorCode(error) === 'ENOENT';
  }
}

/** Whether a folder lies in a git working tree, known from its files alone (for when git itself cannot be run). */
export function inGitCheckout(folder: string): boolean {
  return checkoutTop(folder) !== undefined;
}

/**
 * What git's answer about a working tree's changes since HEAD rests on, other than the files'
 * own texts, read from the files git keeps it in without running git: the commit HEAD names
 * (HEAD and its branch's ref, or packed-refs), the index, the repository's and the user's
 * configuration (line-end conversion), the attributes files, where a shallow clone's history stops
 * (which a lowered version's earlier text is looked for in), and git's environment variables,
 * the PATH among them: another PATH may find another git, or none (then the answer is "no git").
 * The index, refs and configuration are written by renaming a new file into place, so a change
 * is a new inode or size or time. Undefined — ask git — outside a repository, with GIT_DIR or
 * another variable that moves the repository, or for a layout not read here.
 */
export function repositoryState(folder: string): string | undefined {
  if (Object.keys(process.env).some((key) => /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|COMMON_DIR|CEILING_DIRECTORIES|NAMESPACE|REPLACE_REF_BASE|CONFIG.*)$/.test(key))) return undefined;
  try {
    const folders = gitFolders(folder);
    if (folders === undefined) return undefined;
    const { top, own, common } = folders;
    // Refs kept in a reftable (git 2.45's --ref-format=reftable: HEAD names `refs/heads/.invalid`), and a
    // configuration that includes other files, are layouts not read here: a commit or a change in an
    // included file would leave the state as it was.
    const home = process.env.HOME ?? '';
    const xdg = process.env.XDG_CONFIG_HOME || join(home, '.config');
    const userConfigs = [join(home, '.gitconfig'), join(xdg, 'git', 'config'), '/etc/gitconfig'];
    if (existsSync(join(common, 'reftable')) || configIncludes([join(common, 'config'), join(own, 'config.worktree'), ...userConfigs])) return undefined;
    return JSON.stringify([
      top,
      // The git that answers: a command of the resident server typed with another PATH, or with none on it, asks its own.
      process.env.PATH ?? '',
      ...headFiles(own, common),
      // `shallow`: where a shallow clone's history stops, which a lowered version's revert is looked for in; `git fetch --unshallow` removes it.
      ...[join(common, 'packed-refs'), join(own, 'index'), join(common, 'config'), join(own, 'config.worktree'), join(common, 'info', 'attributes'), join(common, 'shallow')].map(fileStamp),
      // The attributes files from the folder up to the top (line ends, filters); not those in its subfolders.
      ...foldersUpTo(resolve(folder), top).map((dir) => fileStamp(join(dir, '.gitattributes'))),
      ...[...userConfigs, join(xdg, 'git', 'attributes')].map(fileStamp),
    ]);
  } catch {
    return undefined;
  }
}

/** The checkout `folder` lies in: its top, its own git folder and the one its linked worktrees share; undefined outside one, or where its `.git` names none. */
function gitFolders(folder: string): { top: string; own: string; common: string } | undefined {
  const top = checkoutTop(folder);
  const own = top === undefined ? undefined : ownGitDir(top);
  return top === undefined || own === undefined ? undefined : { top, own, common: commonGitDir(own) };
}

/** What HEAD names, as its files say it: HEAD's text and its branch's ref file's (empty when it names no branch, or the ref is packed). */
function headFiles(own: string, common: string): [string, string] {
  const head = readFileSync(join(own, 'HEAD'), 'utf8');
  const ref = /^ref: (refs\/\S+)$/m.exec(head)?.[1];
  return [head, ref === undefined ? '' : (readIfThere(join(common, ref)) ?? '')];
}

/** When a file last changed, as its inode, size and times say; `-` when there is none. */
function fileStamp(path: string): string {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` : '-';
}

/** The folder of what a checkout's linked worktrees share (refs, config): its own git folder's `commondir`, or that folder itself. */
function commonGitDir(own: string): string {
  return existsSync(join(own, 'commondir')) ? resolve(own, readFileSync(join(own, 'commondir'), 'utf8').trim()) : own;
}

/**
 * The commit git HEAD of the checkout `folder` is in names, as git's files say it, without running git:
 * HEAD, its branch's ref and when `packed-refs` (where `git gc` moves refs) changed. A commit, checkout,
 * reset, merge or pull changes it; `git add` does not. Undefined outside a repository, with GIT_DIR or
 * the like set, or for refs kept in a reftable.
 */
export function headState(folder: string): string | undefined {
  if (Object.keys(process.env).some((key) => /^GIT_(DIR|WORK_TREE|COMMON_DIR|NAMESPACE)$/.test(key))) return undefined;
  try {
    const folders = gitFolders(folder);
    if (folders === undefined || existsSync(join(folders.common, 'reftable'))) return undefined;
    return JSON.stringify([...headFiles(folders.own, folders.common), fileStamp(join(folders.common, 'packed-refs'))]);
  } catch {
    return undefined;
  }
}

/** Whether one of these git configuration files (those there) includes others (`[include]`, `[includeIf …]`). */
function configIncludes(files: readonly string[]): boolean {
  return files.some((file) => existsSync(file) && /^\s*\[\s*include/im.test(readFileSync(file, 'utf8')));
}

/** `from` and each folder above it up to `top`, which must be `from` or above it. */
function foldersUpTo(from: string, top: string): string[] {
  const folders = [from];
  for (let dir = from; dir !== top && dirname(dir) !== dir; dir = dirname(dir)) folders.push(dirname(dir));
  return folders;
}
