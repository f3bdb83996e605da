import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * What review and import say of a file given them that is no DOCX (`problem`, as the DOCX reader found it): Word's
 * lock file named as such, with the document beside it; else the reader's words, and the hint {@link docxBesideHint} gives.
 */
export function notADocx(absolute: string, shown: string, problem: { message: string; hint: string }): { message: string; hint: string } {
  const lock = wordLockFile(absolute, shown);
  return { message: `This file is not a DOCX: ${lock?.what ?? problem.message}.`, hint: lock?.hint ?? docxBesideHint(absolute, shown, problem.hint) };
}

/**
 * The hint for a file given to review or import that is no DOCX: where it is a report's Markdown or
 * PDF (Tab completes `out/IZMzin_190221_EDUC.` no further, the three files sharing the name) with a
 * DOCX of the same name beside it, that one; else `hint`, what to do about the file itself.
 */
function docxBesideHint(absolute: string, shown: string, hint: string): string {
  const extension = /\.(md|pdf|manifest\.json)$/i.exec(absolute)?.[0];
  if (extension === undefined || !existsSync(`${absolute.slice(0, -extension.length)}.docx`)) return hint;
  return `Give the report's DOCX beside it: ${shown.slice(0, -extension.length)}.docx.`;
}

/**
 * What a file given to review or import is when it is the lock file Word keeps beside a document it has
 * open (`~$` and the document's name, the first two letters of a longer name replaced: `~$Mzin_190221_EDUC.docx`
 * for `IZMzin_190221_EDUC.docx`), which Tab completes as readily as the document: a few bytes naming who has
 * it open, no document. With the document's name when one beside it fits; undefined for any other file.
 */
function wordLockFile(absolute: string, shown: string): { what: string; hint: string } | undefined {
  const name = basename(absolute);
  if (!name.startsWith('~$')) return undefined;
  const rest = name.slice(2);
  let beside: string[] = [];
  try {
    beside = readdirSync(dirname(absolute)).filter((other) => !other.startsWith('~$') && (other === rest || (other.length === rest.length + 2 && other.endsWith(rest))));
  } catch {
    // The folder cannot be listed: the lock file is named all the same.
  }
  const folder = shown.slice(0, shown.length - name.length);
  const [document] = beside;
  return {
    what: 'it is the lock file Word keeps beside a document while the document is open (its name starts with ~$), not the document',
    hint:
      beside.length === 1 && document !== undefined
        ? `Give the document itself: ${join(folder, document).split('\\').join('/')} (save it in Word first: the changes made since it was last saved are only in Word).`
        : 'Give the document itself, its name without the ~$ (Word replaces the first two letters of a longer name), saved in Word.',
  };
}
