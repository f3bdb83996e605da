import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorCode } from '../load/files.js';
import { UsageError } from '../diagnostics/errors.js';
import { makeFolder } from './folder.js';

/**
 * Creates a new file, refusing to replace one that exists (even one that appeared a
 * moment ago: the check and the write are one system call).
 */
export function createFile(target: string, text: string, shownAs: string): void {
  try {
    makeFolder(dirname(target));
    writeFileSync(target, text, { flag: 'wx' });
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new UsageError(`${shownAs} already exists; nothing written.`, 'Choose another name, or edit the existing file.');
    throw new UsageError(`${shownAs}: cannot be written (${errorCode(error) ?? String(error)}).`);
  }
}
