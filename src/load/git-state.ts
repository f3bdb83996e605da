/** A checkout's state read from git's own files without running git: where its git folder is, whether git is there, what HEAD and the index are now. */

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { errorCode, readIfThere } from './files.js';
import { checkoutTop, ownGitDir } from './git-env.js';

// Found from the files alone, in git-env.ts; named here too, where the other questions of a checkout are.
export { checkoutTop, ownGitDir };

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
 * (which a lowered version's earlier text is looked for in), the commits replaced (`git replace`, grafts),
 * and git's environment variables,
 * the PATH among them: another PATH may find another git, or none (then the answer is "no git").
 * The index, refs and configuration are written by renaming a new file into place, so a change
 * is a new inode or size or time. Undefined — ask git — outside a repository, with GIT_DIR or
 * another variable that moves the repository, or for a layout not read here.
 */
export function repositoryState(folder: string): string | undefined {
  if (Object.keys(process.env).some((key) => /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|COMMON_DIR|CEILING_DIRECTORIES|NAMESPACE|REPLACE_REF_BASE|NO_REPLACE_OBJECTS|CONFIG.*)$/.test(key))) return undefined;
  try {
    const folders = gitFolders(folder);
    if (folders === undefined) return undefined;
    const { top, own, common } = folders;
    // Refs kept in a reftable (git 2.45's --ref-format=reftable: HEAD names `refs/heads/.invalid`), a
    // configuration that includes other files, and attributes kept in a file of the user's choice
    // (`core.attributesFile`), are layouts not read here: a commit or a change in such a file would leave
    // the state as it was.
    const home = process.env.HOME ?? '';
    const xdg = process.env.XDG_CONFIG_HOME || join(home, '.config');
    const userConfigs = [join(home, '.gitconfig'), join(xdg, 'git', 'config'), '/etc/gitconfig'];
    if (existsSync(join(common, 'reftable')) || configNamesOtherFiles([join(common, 'config'), join(own, 'config.worktree'), ...userConfigs])) return undefined;
    return JSON.stringify([
      top,
      // The git that answers: a command of the resident server typed with another PATH, or with none on it, asks its own.
      process.env.PATH ?? '',
      ...headFiles(own, common),
      // `shallow`: where a shallow clone's history stops, which a lowered version's revert is looked for in; `git fetch --unshallow` removes it.
      // `refs/replace` (the folder: a ref added, changed or removed there is a file renamed into or out of it) and `info/grafts`:
      // a commit `git replace` (or a graft) stands in for is the one git compares with, HEAD's own ref unchanged.
      ...[join(common, 'packed-refs'), join(own, 'index'), join(common, 'config'), join(own, 'config.worktree'), join(common, 'info', 'attributes'), join(common, 'shallow'), join(common, 'refs', 'replace'), join(common, 'info', 'grafts')].map(fileStamp),
      // The attributes files from the folder up to the top (line ends, filters); those in its subfolders are the caller's ({@link attributesBelow}).
      ...foldersUpTo(resolve(folder), top).map((dir) => fileStamp(join(dir, '.gitattributes'))),
      ...[...userConfigs, join(xdg, 'git', 'attributes'), '/etc/gitattributes'].map(fileStamp),
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

/** A git configuration's lines that name a file read here by no other name: an include (`[include]`, `[includeIf …]`), or `attributesFile`. */
const CONFIG_ELSEWHERE = /^\s*(?:\[\s*include|attributesfile\s*=)/im;

/** Whether one of these git configuration files (those there) has such a line. */
function configNamesOtherFiles(files: readonly string[]): boolean {
  return files.some((file) => existsSync(file) && CONFIG_ELSEWHERE.test(readFileSync(file, 'utf8')));
}

/**
 * The `.gitattributes` files below `folder` that git reads for `files` (absolute paths inside it): those of each
 * file's folder and the folders between, stamped as {@link repositoryState} stamps its own (which stop at
 * `folder`). A `positions/youth/.gitattributes` decides how git compares the positions there.
 */
export function attributesBelow(folder: string, files: readonly string[]): string[] {
  const top = resolve(folder);
  const below = new Set(files.flatMap((file) => {
    const own = dirname(resolve(file));
    return own === top || !own.startsWith(top + sep) ? [] : foldersUpTo(own, top).slice(0, -1);
  }));
  return [...below].sort().map((dir) => `${dir}:${fileStamp(join(dir, '.gitattributes'))}`);
}

/** `from` and each folder above it up to `top`, which must be `from` or above it. */
function foldersUpTo(from: string, top: string): string[] {
  const folders = [from];
  for (let dir = from; dir !== top && dirname(dir) !== dir; dir = dirname(dir)) folders.push(dirname(dir));
  return folders;
}
