import { closeSync, openSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { brokenLink, errorCode } from '../load/files.js';
import { UsageError } from '../diagnostics/errors.js';
import { fileInTheWay, makeFolder } from './folder.js';
import { READ_ONLY_DISK } from './write.js';

/**
 * Creates a new file, refusing to replace one that exists (even one that appeared a
 * moment ago: the check and the write are one system call). The folders it makes for it
 * are added to `madeFolders`, outermost first, even when the write then fails.
 */
export function createFile(target: string, text: string, shownAs: string, madeFolders: string[] = []): void {
  try {
    madeFolders.push(...makeFolder(dirname(target)));
    writeNewFile(target, text);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') throw new UsageError(`${shownAs} already exists; nothing written.`, 'Choose another name, or edit the existing file.');
    // A folder on the way, shown as the target is: the target's shown path without what follows the folder.
    const shownPart = (part: string) => shownAs.slice(0, Math.max(0, shownAs.length - (target.length - part.length))) || part;
    const blocked = fileInTheWay(dirname(target));
    if (code === 'ENOTDIR' && blocked) {
      throw new UsageError(`${shownAs} cannot be written: ${shownPart(blocked)} is a file, not a folder; nothing written.`, 'Name a folder (or a new one) instead of a file.');
    }
    if (code === 'ELOOP' || code === 'ENOENT') {
      // A folder that is a link to nothing (`--dir` naming one): said as check says such a link, not as the system's code.
      for (let folder = dirname(target); dirname(folder) !== folder; folder = dirname(folder)) {
        const link = brokenLink(folder);
        if (link) throw new UsageError(`${shownAs} cannot be written: ${shownPart(folder)} is ${link}; nothing written.`, 'Point the link at the folder where it is now, or remove the link.');
      }
    }
    if (code === 'EROFS') throw new UsageError(`${shownAs} cannot be written: ${READ_ONLY_DISK}; nothing written.`, 'Have the disk mounted for writing (or work on a copy elsewhere), then run the command again.');
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${shownAs} cannot be written: not allowed to write there; nothing written.`, 'Fix the folder’s permissions, or write elsewhere.');
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new UsageError(`${shownAs} cannot be written: the disk is full; nothing written.`, 'Free some space and run the command again.');
    throw new UsageError(`${shownAs}: cannot be written (${code ?? String(error)}).`);
  }
}

/**
 * Writes `text` to a new file at `target`, refusing one that exists (created only if absent: the
 * check and the creation are one system call). A write that fails once the file is made (a full
 * disk: making a file takes no room, its bytes do) removes it again: an empty or cut-off file
 * left there would be taken for the user's, and refused as one that exists by the next try.
 */
export function writeNewFile(target: string, text: string): void {
  const descriptor = openSync(target, 'wx');
  let written = false;
  try {
    writeFileSync(descriptor, text);
    // A file system may say at the close that the bytes did not fit (a quota on NFS): only then is the file whole.
    closeSync(descriptor);
    written = true;
  } finally {
    if (!written) {
      try {
        closeSync(descriptor);
      } catch {
        // closed already, or failing again: the file goes either way
      }
      rmSync(target, { force: true });
    }
  }
}

/** A new file of a set, as {@link createFiles} takes it. */
export interface NewFile {
  target: string;
  text: string;
  shownAs: string;
}

/**
 * Creates new files as a set: when one cannot be written, the files already created and the
 * folders made for them are removed again, so a failure leaves the place as it was. Returns
 * what undoes the whole set, for a step after it that fails.
 */
export function createFiles(files: readonly NewFile[]): () => void {
  const created: string[] = [];
  const folders: string[] = [];
  const undo = (): void => {
    for (const file of [...created].reverse()) rmSync(file, { force: true });
    for (const folder of [...folders].reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // not empty (something else is there now) or already gone: leave it
      }
    }
  };
  try {
    for (const file of files) {
      createFile(file.target, file.text, file.shownAs, folders);
      created.push(file.target);
    }
  } catch (error) {
    undo();
    throw error;
  }
  return undo;
}
