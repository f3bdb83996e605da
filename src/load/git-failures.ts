/** Running git, and its failures said as usage errors: git missing, too old, refusing another user's repository, unlinked, damaged, or unable to fetch. */

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../diagnostics/errors.js';
import { errorCode } from './files.js';
import { checkoutTop, gitEnvironment } from './git-env.js';
import { shellWord } from '../util/shell.js';
import { ownGitDir } from './git-state.js';

/** What a git command says when git cannot be started: not installed, or not on the PATH. */
export const NO_GIT = 'git is not installed or not on the PATH.';

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
export function git(cwd: string, args: readonly string[], failure: (said: string) => UsageError): string {
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
export function failedItself(said: string): boolean {
  return said !== '' && !noSuchRevision(said) && !said.includes('not a git repository');
}

/** A git command's output and what it said on its error output, which git writes there even when it succeeds. */
export function gitBytes(cwd: string, args: readonly string[], input: string): { stdout: Buffer; stderr: string } {
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
