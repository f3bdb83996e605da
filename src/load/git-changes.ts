/** The working tree against git: committed texts, and the files changed, deleted, renamed, unstaged or untracked since a commit. */

import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../diagnostics/errors.js';
import { projectPath } from './files.js';
import { checkoutTop } from './git-env.js';
import { textOf, catFileBatch } from './git.js';
import { NO_GIT, GitRefusedError, GitUnlinkedError, gitRefusal, git, GitFailedError, GitTooOldError, committerDay, failedItself, GitUnfetchedError } from './git-failures.js';
import { ownGitDir, inGitCheckout } from './git-state.js';

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
 * The files under `folder` (absolute) that git's rename detection pairs between two revisions (`to`
 * undefined: the working tree, a `git mv` staged or not yet committed): by their path in `to`, each
 * with its path in `from` (project paths, from `root`). Empty outside a repository, without git, or
 * when git cannot compare the two.
 */
export function renamedBetween(root: string, folder: string, from: string, to?: string): Map<string, string> {
  try {
    const revisions = to === undefined ? [from] : [from, to];
    const listed = git(root, ['diff', '--name-status', '--relative', '-M', '-z', ...revisions, '--', projectPath(root, folder) || '.'], () => new UsageError('Cannot compare the two versions.'));
    return new Map(nameStatusEntries(listed).flatMap(({ status, from: then, to: now }): [string, string][] => (status.startsWith('R') ? [[now, then]] : [])));
  } catch (error) {
    if (error instanceof UsageError && !(error instanceof GitUnfetchedError)) return new Map();
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

/** Whether any commit of the repository `root` is in has had a file at `path` (a project path): the project's own, once. */
export function everCommitted(root: string, path: string): boolean {
  try {
    return git(root, ['log', '-1', '--all', '--format=%h', '--', path], () => new UsageError('No history of the file.')).trim() !== '';
  } catch (error) {
    if (error instanceof UsageError) return false;
    throw error;
  }
}
