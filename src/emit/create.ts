import { rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorCode } from '../load/files.js';
import { UsageError } from '../diagnostics/errors.js';
import { makeFolder } from './folder.js';

/**
 * Creates a new file, refusing to replace one that exists (even one that appeared a
 * moment ago: the check and the write are one system call). The folders it makes for it
 * are added to `madeFolders`, outermost first, even when the write then fails.
 */
export function createFile(target: string, text: string, shownAs: string, madeFolders: string[] = []): void {
  try {
    madeFolders.push(...makeFolder(dirname(target)));
    writeFileSync(target, text, { flag: 'wx' });
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new UsageError(`${shownAs} already exists; nothing written.`, 'Choose another name, or edit the existing file.');
    throw new UsageError(`${shownAs}: cannot be written (${errorCode(error) ?? String(error)}).`);
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
