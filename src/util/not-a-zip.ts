/** What a file that should be a DOCX is instead, and what to do about it. */
export interface NotAZip {
  /** Said after “cannot be used: ”, e.g. `it is a Word 97–2003 document (.doc), whatever its name says`. */
  what: string;
  /** What to do, where it is not the caller's own advice to save the file as a DOCX. */
  hint?: string;
  /** The file is plain text (a report's Markdown, a YAML file): most likely given for the DOCX by mistake. */
  text?: true;
}

/**
 * What bytes that do not unzip are, by their first bytes: the formats a Word file is found in
 * besides a DOCX (an older Word file given the new name, one protected by a password, RTF, a PDF),
 * an empty file, and a zip cut short or altered. A password-protected DOCX is not a zip at all:
 * Word keeps it encrypted inside a compound file (an `EncryptedPackage` stream), as it keeps a .doc,
 * so saying “.doc” would send the user after the wrong cause. The reference DOCX, `review` and
 * `import` say it alike.
 */
export function notAZip(bytes: Uint8Array): NotAZip {
  const starts = (...signature: number[]): boolean => signature.every((byte, index) => bytes[index] === byte);
  if (bytes.length === 0) return { what: 'it is empty, 0 bytes', hint: 'Copy or download it again from where it came from.' };
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return hasUtf16(bytes, 'EncryptedPackage')
      ? { what: 'it is protected by a password (encrypted), so briefing cannot read it', hint: 'Open it in Word, remove the password (File → Info → Protect Document → Encrypt with Password, left empty) and save it; or save a copy without the password from LibreOffice.' }
      : { what: 'it is a Word 97–2003 document (.doc), whatever its name says' };
  }
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return { what: 'it is an RTF document' };
  if (starts(0x25, 0x50, 0x44, 0x46)) return { what: 'it is a PDF', hint: 'A PDF cannot be read as a Word document: use the Word file the PDF was made from.' };
  if (starts(0x50, 0x4b)) return { what: 'it is a damaged zip, cut short or altered', hint: 'Copy or download it again from where it came from (or ask the sender), or open it in Word, which repairs what it can, and save it again.' };
  if (starts(...Buffer.from(LFS_POINTER, 'latin1'))) {
    return {
      what: 'it is a Git LFS pointer, the few lines git keeps in place of a file stored in Git LFS, not the Word document itself: Git LFS did not fetch it into this checkout',
      hint: 'Install Git LFS and fetch the files: `git lfs install`, then `git lfs pull` (in GitHub Actions, actions/checkout with `lfs: true`).',
    };
  }
  if (isText(bytes)) return { what: 'it is plain text, not a Word document', text: true };
  return { what: 'it is not a zip file, as a DOCX is' };
}

/**
 * The first line of what git leaves in place of a file kept in Git LFS where LFS did not fetch it
 * (not installed, or a CI checkout without it): a ministry's repository often keeps its Word files so.
 */
const LFS_POINTER = 'version https://git-lfs.github.com/spec/';

/** True when the file's first 4 KB read as UTF-8 text with no control character but tab and line ends: Markdown, YAML, a text file renamed. */
function isText(bytes: Uint8Array): boolean {
  const start = bytes.subarray(0, 4096);
  let text: string;
  try {
    // A character cut at the 4 KB mark is no reason to take the file for binary.
    text = new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: start.length < bytes.length });
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/** True when `text` occurs in the bytes as UTF-16LE, as the names of a compound file's streams are kept. */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, 'utf16le'));
}
