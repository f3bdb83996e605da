import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { UsageError } from '../diagnostics/errors.js';
import { errorCode, projectPath } from './files.js';

/** A git working tree: where it starts, so project paths can be turned into repository paths. */
export interface Repository {
  /** Absolute path of the working tree's top folder. */
  top: string;
}

/** A commit as a diff shows it. */
export interface Commit {
  /** What the user wrote: `HEAD~1`, a branch, a hash. */
  label: string;
  hash: string;
  /** Committer date, ISO 8601 in UTC. */
  date: string;
  author: string;
}

/** The git repository `cwd` is in; a one-line usage error outside one, or without git. */
export function openRepository(cwd: string): Repository {
  const top = git(cwd, ['rev-parse', '--show-toplevel'], () => new UsageError(`${resolve(cwd)} is not inside a git repository.`, 'Versions come from git: run briefing diff inside the repository, or compare two files.')).trim();
  return { top };
}

/** The repository path (`/`-separated, from the top) of an absolute path. */
export function repositoryPath(repo: Repository, absolutePath: string): string {
  return projectPath(repo.top, absolutePath);
}

/**
 * Resolves a revision to its commit, author and date, in one `git show`; a usage error if
 * git does not know it.
 */
export function resolveCommit(repo: Repository, revision: string): Commit {
  const unknown = () => new UsageError(`Unknown revision \`${revision}\`.`, 'Use a commit, a branch or a tag that `git log` shows, e.g. HEAD~1.');
  if (revision.startsWith('-')) throw unknown();
  const [hash = '', author = '', date = ''] = git(repo.top, ['show', '-s', '--format=%H%x00%an%x00%cI', '--end-of-options', `${revision}^{commit}`], unknown)
    .trim()
    .split('\u0000');
  if (!/^[0-9a-f]{40,64}$/.test(hash)) throw unknown();
  return { label: revision, hash, date: new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z'), author };
}

/**
 * The text of a file at a commit, or undefined when the file did not exist there. Read
 * through `git cat-file --batch`, which says "missing" itself: no error text to parse.
 */
export function showFile(repo: Repository, commit: Commit, path: string): string | undefined {
  const object = `${commit.hash}:${path}`;
  return readBlobs(repo, [object]).get(object);
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

/**
 * Reads many blobs in one `git cat-file --batch`; a blob the repository does not hold
 * maps to undefined.
 */
export function readBlobs(repo: Repository, ids: readonly string[]): Map<string, string | undefined> {
  return catFileBatch(repo.top, ids);
}

/**
 * Reads objects named any way `git cat-file` accepts (`<blob id>`, `<commit>:<path>`,
 * `HEAD:./<path relative to cwd>`) in one process; an object git does not have maps to
 * undefined (git reports it as missing itself).
 */
function catFileBatch(cwd: string, objects: readonly string[]): Map<string, string | undefined> {
  const result = new Map<string, string | undefined>();
  if (!objects.length) return result;
  const output = gitBytes(cwd, ['cat-file', '--batch'], objects.map((object) => `${object}\n`).join(''));
  let offset = 0;
  for (const object of objects) {
    const end = output.indexOf(10, offset);
    const header = output.subarray(offset, end).toString('utf8');
    offset = end + 1;
    const match = /^\S+ blob (\d+)$/.exec(header);
    if (!match) {
      result.set(object, undefined);
      continue;
    }
    const size = Number(match[1]);
    result.set(object, output.subarray(offset, offset + size).toString('utf8'));
    offset += size + 1;
  }
  return result;
}

/** The name git would put on a commit made here now, if one is configured. */
export function userName(repo: Repository): string | undefined {
  try {
    return execFileSync('git', ['config', 'user.name'], { cwd: repo.top, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function git(cwd: string, args: readonly string[], failure: () => UsageError): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw errorCode(error) === 'ENOENT' ? new UsageError('git is not installed or not on the PATH.', 'Versions come from git; install it, or compare two files.') : failure();
  }
}

function gitBytes(cwd: string, args: readonly string[], input: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: 256 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    throw errorCode(error) === 'ENOENT' ? new UsageError('git is not installed or not on the PATH.') : new UsageError(`git ${args.join(' ')} failed.`);
  }
}

/**
 * The committed text (at git HEAD) of project files, for rules that compare with it, in
 * one `git cat-file --batch` run from the project root. Files that are untracked or new
 * since HEAD are absent; outside a git repository, without git, or before the first
 * commit the map is empty — never an error.
 */
export function readCommittedTexts(root: string, paths: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  if (!paths.length) return texts;
  try {
    const blobs = catFileBatch(root, paths.map((path) => `HEAD:./${path}`));
    for (const path of paths) {
      const text = blobs.get(`HEAD:./${path}`);
      if (text !== undefined) texts.set(path, text);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
  }
  return texts;
}

/**
 * Project paths of the tracked files under `folder` whose working text differs from git
 * HEAD (staged or not), in one `git diff` run from the project root (so its paths are
 * already project paths). Outside a git repository, without git, or before the first
 * commit: none.
 */
export function changedSinceHead(root: string, folder: string): string[] {
  try {
    const output = git(root, ['diff', '--name-only', '--relative', '--no-renames', '-z', 'HEAD', '--', projectPath(root, folder) || '.'], () => new UsageError('No HEAD to compare with.'));
    return output.split('\u0000').filter(Boolean);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return [];
  }
}
