/** Why a file cannot be read as a reviewed DOCX: not a DOCX at all, or one whose parts are damaged. */

import { notAZip } from '../util/not-a-zip.js';
import { XmlSyntaxError } from './xml.js';

/**
 * Thrown when the bytes are not a DOCX at all; the command turns it into a clear message. The
 * message says what the file is instead, when its first bytes tell (see {@link whatFileIs}).
 */
export class NotADocxError extends Error {
  override readonly name = 'NotADocxError';
  /** What to do about it. */
  readonly hint: string;

  constructor(what: string, hint = 'Open it in Word or LibreOffice and save it as a Word document (.docx), then give that file.') {
    super(what);
    this.hint = hint;
  }
}

/** Bytes that are no zip, as what they are instead (see `util/not-a-zip.ts`). */
export function notADocx(bytes: Uint8Array): NotADocxError {
  const { what, hint, text } = notAZip(bytes);
  if (text) return new NotADocxError(what, 'Give the Word file (.docx) of the report; if this text is to become one, open it in Word and save it as a Word document (.docx).');
  return hint === undefined ? new NotADocxError(what) : new NotADocxError(what, hint);
}

/**
 * Thrown when a part of the DOCX is not well-formed XML: the file was damaged (cut short,
 * edited by hand, written by a broken tool). The message names the part and the place.
 */
export class DamagedDocxError extends Error {
  override readonly name = 'DamagedDocxError';
  /** The part inside the zip, e.g. `word/document.xml`. */
  readonly part: string;
  /** What to do about it. */
  readonly hint = 'Open the file in Word and save it again (Word repairs what it can), or ask the sender for the file again.';

  /** `problem`: the part's XML error, or what else is wrong with it (said after the part's name). */
  constructor(part: string, problem: XmlSyntaxError | string) {
    super(
      typeof problem === 'string'
        ? `This DOCX cannot be read: its ${part} ${problem}.`
        : `This DOCX is damaged: its ${part} is not well-formed XML at line ${problem.line}, column ${problem.column} (${problem.reason.replace(/\.$/, '')}).`,
    );
    this.part = part;
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A part's bytes as text. A byte that is no UTF-8 (a file damaged on the way) is a
 * DamagedDocxError at its line and column: decoded leniently it came through as U+FFFD,
 * which `--accept` wrote into the position as if the reviewer had typed it.
 */
export function partText(name: string, bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    const { line, column } = firstBadByte(bytes);
    throw new DamagedDocxError(name, `has a byte that is not UTF-8 at line ${line}, column ${column} (the file was damaged on the way)`);
  }
}

/** Line and column (1-based, in UTF-16 units) of the first byte of `bytes` that is no UTF-8. */
function firstBadByte(bytes: Uint8Array): { line: number; column: number } {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  // What decodes and encodes back to the same bytes is good UTF-8; the first byte that does not is the bad one.
  const again = new TextEncoder().encode(lenient.decode(bytes));
  let offset = 0;
  while (offset < bytes.length && bytes[offset] === again[offset]) offset++;
  const lines = lenient.decode(bytes.subarray(0, offset)).split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}
