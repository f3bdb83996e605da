import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, copyFileSync, linkSync, lstatSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { errorCode } from '../load/files.js';
import { makeFolder } from './folder.js';
import { processExists } from '../util/process.js';

/** An output file could not be written; names the file and what to do. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly file: string;
  /** What went wrong, without the file's name (the message is the file's name, then this). */
  readonly reason: string;
  readonly hint: string;
  /** The system error code (EBUSY, EACCES, …): tells a file held open from the rest. */
  readonly code: string | undefined;
  /** Files of the set left replaced because their old version could not be put back (rare). */
  readonly replaced: readonly string[];

  constructor(file: string, reason: string, hint: string, code?: string, replaced: readonly string[] = []) {
    super(`${file}: ${reason}`);
    this.file = file;
    this.reason = reason;
    this.hint = hint;
    this.code = code;
    this.replaced = replaced;
  }
}

/**
 * Writes a file atomically: the bytes go to a temporary file in the same folder, which
 * then replaces the target in one rename. An interrupted build leaves the previous
 * file whole, never a truncated DOCX.
 *
 * The temporary file is not fsync'ed: the rename already gives what a build promises
 * (old file or new file, never half of one), and every output can be rebuilt from the
 * sources in git. Flushing cost about 4 ms a file, 12 of a single build's ~220 ms.
 */
export function writeAtomic(target: string, data: string | Uint8Array, shownAs: string, advice: WriteAdvice = BUILD_ADVICE): void {
  writeAllAtomic([{ target, data, shownAs }], advice);
}

/**
 * What a write error's hint tells the user to do, in the words of the command that wrote: how to run
 * it again (`build again`), and how to write somewhere else, when the command can (`with --out`);
 * `clear` and `review` write a position where it is, so a hint naming `--out` would send them to a
 * flag they do not have.
 */
export interface WriteAdvice {
  again: string;
  elsewhere?: string | undefined;
}

/** A build's words: `build again`, another folder `with --out`. */
export const BUILD_ADVICE: WriteAdvice = { again: 'build again', elsewhere: 'with --out' };

/** The words of a command that edits a project's file in its place (clear, review, init). */
export const EDIT_ADVICE: WriteAdvice = { again: 'run the command again' };

/** One file of a set written together. */
export interface OutputFile {
  target: string;
  data: string | Uint8Array;
  /** The path as messages show it. */
  shownAs: string;
}

/**
 * Writes the files of one report as a set: every file is first written in full beside its
 * target, and only then are they renamed into place, in the order given. Before a file is
 * replaced, its old version is kept under a second name (a hard link: no copy, and the
 * target never goes missing); if any rename fails, the files already replaced get their
 * old versions back, so a failure leaves every old file as it was. Put the file most likely
 * to be held open (the DOCX, in Word) first: then a failure usually has nothing to undo.
 */
export function writeAllAtomic(files: readonly OutputFile[], advice: WriteAdvice = BUILD_ADVICE): void {
  const found = files.map((file) => statQuietly(file.target));
  for (const [index, file] of files.entries()) {
    const special = specialFile(found[index]);
    if (special) {
      throw new OutputError(file.shownAs, `${special} stands there, not a file: writing would replace it with one.`, `Write to a file${advice.elsewhere ? `: choose another name or folder ${advice.elsewhere}` : ''}.`);
    }
    const link = linkAt(file.target);
    if (link !== undefined) {
      const end = resolve(dirname(file.target), link);
      throw new OutputError(
        file.shownAs,
        `it is a symbolic link (to ${end}): writing would replace the link with a file, and leave what it points to as it was.`,
        `Remove the link, then ${advice.again}${advice.elsewhere ? `; or write where it points, ${advice.elsewhere} (its folder is ${dirname(end)})` : ''}.`,
      );
    }
    // A folder fails the rename, and is said to be one: access(2) refuses another user's folder, which is no read-only file to chmod.
    const refused = found[index]?.isDirectory() ? undefined : refusedWrite(file.target);
    if (refused === 'locked') {
      throw new OutputError(file.shownAs, 'the file is locked against changes; it is left as it is.', `Unlock it if it is to be replaced (chattr -i; on a Mac, untick Locked in its Get Info), then ${advice.again}.`, 'EPERM');
    }
    if (refused === 'read-only') {
      throw new OutputError(file.shownAs, 'the file is read-only (or not yours to write); it is left as it is.', `Make it writable (chmod u+w) if it is to be replaced, then ${advice.again}.`, 'EACCES');
    }
  }
  const staged = files.map((file) => ({ file, temporary: sideName(file.target, 'tmp') }));
  const discard = () => staged.forEach(({ temporary }) => removeQuietly(temporary));
  for (const [index, { file, temporary }] of staged.entries()) {
    try {
      makeFolder(dirname(file.target));
      writeFileSync(temporary, file.data);
      keepMode(found[index], temporary);
    } catch (error) {
      discard();
      throw outputError(file.shownAs, error, [], advice);
    }
  }
  const replaced: Replaced[] = [];
  for (const [index, { file, temporary }] of staged.entries()) {
    try {
      const last = index === staged.length - 1;
      const backup = last ? undefined : keepOldVersion(file.target);
      replaced.push({ file, backup });
      renameSync(temporary, file.target);
    } catch (error) {
      // This file was not replaced: its second name (if any) is no longer needed.
      const failed = replaced.pop();
      if (failed?.backup) removeQuietly(failed.backup);
      discard();
      const notRestored = restore(replaced);
      throw outputError(file.shownAs, error, notRestored, advice);
    }
  }
  for (const { backup } of replaced) if (backup) removeQuietly(backup);
}

/**
 * What a target that is a symbolic link points to; none for any other (or nothing there). A report
 * linked into a synced folder (`out/report.docx -> ~/OneDrive/EU/report.docx`) was replaced by a file,
 * and the synced copy silently stayed the old one. Writing through the link instead would let a link
 * committed in a repository (a pull request's `out/report.md -> ~/.bashrc`) write wherever it points.
 */
function linkAt(target: string): string | undefined {
  try {
    return lstatSync(target).isSymbolicLink() ? readlinkSync(target) : undefined;
  } catch {
    return undefined;
  }
}

/** What stands at a path, followed through links; none when nothing is there (or it cannot be read). */
function statQuietly(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * What stands at a target when it is neither a file nor a folder (a folder fails the rename, and is
 * said so): a device (`/dev/full`), a named pipe or a socket, the link's end for a symbolic link
 * (`/dev/stdout`). The rename that replaces a file would put a file in its place, where its owner
 * may write it (root owns /dev).
 */
function specialFile(found: Stats | undefined): string | undefined {
  if (found?.isCharacterDevice() || found?.isBlockDevice()) return 'a device';
  if (found?.isFIFO()) return 'a named pipe';
  if (found?.isSocket()) return 'a socket';
  return undefined;
}

/**
 * Why this user may not write the file there, if so: a rename in a folder they may write replaces any
 * file in it, so a report or position made read-only (a sent version kept as it was), or another
 * user's, was replaced all the same, with a file of this user's. `locked`: marked unchangeable
 * (chattr +i; Locked in the Finder), which access(2) says with EPERM, to root too; the rename then
 * failed with EPERM, and the file was taken for one Word holds open. A missing file is neither.
 */
function refusedWrite(target: string): 'read-only' | 'locked' | undefined {
  try {
    accessSync(target, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = errorCode(error);
    // Windows says EPERM for a file with the read-only attribute: read as "held open in Word", it got that hint.
    if (code === 'EACCES' || (process.platform === 'win32' && code === 'EPERM')) return 'read-only';
    return code === 'EPERM' ? 'locked' : undefined;
  }
}

/**
 * Gives the new version the old file's permissions: the rename puts a new file in its place, made as
 * the umask makes files, so a position kept private (0600) became readable by every user, and one a
 * group shares (0664) writable by its writer alone. Where there was no file, or modes cannot be set,
 * the new file keeps its own.
 */
function keepMode(old: Stats | undefined, temporary: string): void {
  if (!old) return;
  try {
    chmodSync(temporary, old.mode & 0o7777);
  } catch {
    // a file system without modes
  }
}

/** The name of a file written on the side (see {@link sideName}): group 1 the process that wrote it. */
const SIDE_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.(?:tmp|old)$/;

/**
 * Removes the side files (`.<name>.<pid>.<hex>.tmp` and `.old`) that a build or an edit (clear, review) stopped without a
 * chance to clean up (SIGKILL, a power cut) left in a folder: those of a process that no longer
 * runs (or that had this process's id), written more than a minute ago. Returns their names. A folder that cannot be listed has
 * none to remove. (An `.old` is a second name of a report's earlier file; a build killed between
 * two renames left a set the next build writes again, as its cache was not written.)
 */
export function sweepInterrupted(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const now = Date.now();
  return names.filter((name) => {
    const pid = Number(SIDE_FILE.exec(name)?.[1] ?? Number.NaN);
    // This process's own id is another's that had it (a container's build started the same way, its out/ restored from a CI
    // cache): no write of this process is under way while it sweeps, both being synchronous on its one writing thread.
    if (!Number.isSafeInteger(pid) || (pid !== process.pid && processExists(pid))) return false;
    // A build writes and renames within seconds: a fresh one may be another machine's, in a shared folder.
    if (now - modified(join(folder, name)) < SIDE_FILE_AGE_MS) return false;
    removeQuietly(join(folder, name));
    return true;
  });
}

/** How old a side file must be before a sweep takes it (see {@link sweepInterrupted}). */
export const SIDE_FILE_AGE_MS = 60_000;

/** When a file was last written, in ms since the epoch; now when that cannot be read. */
function modified(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

/** Removes a file of ours if it is there; a folder that cannot even be listed has none. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // nothing was written there
  }
}

interface Replaced {
  file: OutputFile;
  /** Where the old version is kept; none when there was no old file. */
  backup: string | undefined;
}

function sideName(target: string, kind: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.${kind}`);
}

/** A second name for the target's current content, or none when there is no such file. */
function keepOldVersion(target: string): string | undefined {
  const backup = sideName(target, 'old');
  try {
    linkSync(target, backup);
    return backup;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR' || (code === 'EPERM' && lstatSync(target).isDirectory())) return undefined; // the rename fails next
    copyFileSync(target, backup); // a file system without hard links
    return backup;
  }
}

/** Puts old versions back, newest first; the files that could not be put back. */
function restore(replaced: readonly Replaced[]): string[] {
  const failed: string[] = [];
  for (const { file, backup } of [...replaced].reverse()) {
    try {
      if (backup) renameSync(backup, file.target);
      else rmSync(file.target, { force: true });
    } catch {
      failed.push(file.shownAs);
    }
  }
  return failed;
}

/**
 * Whether a failed replace means a program holds the file open: EBUSY, and on Windows EPERM, which
 * it says of a file Word has open. Elsewhere EPERM is a rename the folder refuses (another user's file
 * under the sticky bit), which no closing of Word mends.
 */
export function heldOpen(code: string | undefined): boolean {
  return code === 'EBUSY' || (code === 'EPERM' && process.platform === 'win32');
}

/** Why nothing can be written on a disk mounted read-only (EROFS), as every command says it: no change of permissions helps there, not even root's. */
export const READ_ONLY_DISK = 'the disk it is on is mounted read-only (a read-only share, a CD, a snapshot)';

function outputError(shownAs: string, error: unknown, notRestored: readonly string[], advice: WriteAdvice): OutputError {
  const code = errorCode(error);
  const [reason, hint] = explain(code, error, advice);
  const left = notRestored.length ? ` ${notRestored.join(', ')} could not be put back and ${notRestored.length === 1 ? 'is' : 'are'} already the new version.` : '';
  return new OutputError(shownAs, `${reason}${left}`, hint, code, notRestored);
}

function explain(code: string | undefined, error: unknown, { again, elsewhere }: WriteAdvice): [string, string] {
  const another = elsewhere ? `Choose another folder ${elsewhere}` : undefined;
  if (heldOpen(code)) return ['cannot replace the file; another program holds it open.', `Close it (e.g. in Word) and ${again}.`];
  switch (code) {
    case 'EPERM':
      return [
        'the system does not let you replace the file (EPERM): most often it is another user’s, in a shared folder that lets only a file’s owner replace it (the sticky bit, as /tmp has), or, on a Mac, in a folder the terminal has not been given access to (Privacy & Security).',
        another ? `${another}, or ask the file’s owner to remove it.` : `Ask the file’s owner to remove it, then ${again}.`,
      ];
    case 'EACCES':
      return ['not allowed to write here.', another ? `${another}, or fix the folder’s permissions.` : `Make the folder writable for you (or ask its owner), then ${again}.`];
    case 'EROFS':
      // No change of permissions helps there, not even root's.
      return [
        `${READ_ONLY_DISK}: nothing can be written there.`,
        another ? `${another}, or have the disk mounted for writing.` : `Have the disk mounted for writing (or work on a copy elsewhere), then ${again}.`,
      ];
    case 'ENOSPC':
      return ['the disk is full.', `Free some space and ${again}.`];
    case 'EDQUOT':
      return ['your disk quota is used up.', `Free some space and ${again}.`];
    case 'ENOENT':
      return ['its folder cannot be created here.', another ? `${another}.` : `Check that its folder exists and can be entered, then ${again}.`];
    case 'ENOTDIR':
    case 'EEXIST':
      return ['a file stands where its folder should be.', another ? `${another}.` : `Move or rename that file, then ${again}.`];
    case 'ELOOP':
      return [
        'a symbolic link on its way leads back to itself (links that point at each other), so there is no folder to write in.',
        another ? `${another}, or point the link at a folder.` : `Point the link at a folder, or remove it, then ${again}.`,
      ];
    case 'EISDIR':
      return ['a folder stands where this file should be.', `Move or remove that folder${another ? `, or ${another.charAt(0).toLowerCase()}${another.slice(1)}` : ''}.`];
    default:
      return [`cannot be written (${code ?? String(error)}).`, `Check the ${elsewhere ? 'output folder' : 'file and its folder'} and ${again}.`];
  }
}
