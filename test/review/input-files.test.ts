import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/commands/import.js';
import { review } from '../../src/commands/review.js';
import { UsageError } from '../../src/diagnostics/errors.js';
import { readBytesWithin } from '../../src/load/files.js';
import { exampleProject, tempDir } from '../helpers/project.js';

const reviewOf = (cwd: string, docx: string) => review({ cwd, docx, accept: false, cleared: false, rebase: false, today: '2021-02-20' });

describe('the file given to review and import', () => {
  it('is refused when it is larger than 512 MB, before it is read', () => {
    const dir = exampleProject();
    // Sparse: 600 MB on paper, nothing on the disk.
    const descriptor = openSync(join(dir, 'huge.docx'), 'w');
    ftruncateSync(descriptor, 600 * 2 ** 20);
    closeSync(descriptor);
    for (const run of [() => reviewOf(dir, 'huge.docx'), () => importReport({ cwd: dir, docx: 'huge.docx' })]) {
      expect(run).toThrow(UsageError);
      expect(run).toThrow('huge.docx: is larger than 512 MB, more than briefing reads of a DOCX.');
    }
  });

  it('is read no further than 512 MB when it never ends (a link to /dev/zero), and refused', () => {
    // It was read on until Node gave up at 2 GB, for a minute and more.
    const dir = exampleProject();
    symlinkSync('/dev/zero', join(dir, 'reply.docx'));
    for (const run of [() => reviewOf(dir, 'reply.docx'), () => importReport({ cwd: dir, docx: 'reply.docx' })]) {
      expect(run).toThrow('reply.docx: is larger than 512 MB, more than briefing reads of a DOCX.');
    }
  });

  it('is read whole when it is exactly as large as the limit, from a file as from one that says it holds nothing (as the files under /proc do) and is read to its end', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ten.docx'), Buffer.alloc(10, 7));
    expect(Buffer.from(readBytesWithin(join(dir, 'ten.docx'), 'ten.docx', 10, 'a DOCX'))).toEqual(Buffer.alloc(10, 7));
    expect(() => readBytesWithin(join(dir, 'ten.docx'), 'ten.docx', 9, 'a DOCX')).toThrow(/^ten\.docx: is larger than .* MB, more than briefing reads of a DOCX\.$/);
    if (process.platform !== 'linux') return;
    const version = readFileSync('/proc/version');
    expect(statSync('/proc/version').size).toBe(0);
    expect(Buffer.from(readBytesWithin('/proc/version', 'version.docx', version.length, 'a DOCX'))).toEqual(version);
    expect(() => readBytesWithin('/proc/version', 'version.docx', version.length - 1, 'a DOCX')).toThrow('version.docx: is larger than');
  });

  it('is named for what it is when it is no DOCX, with what to do about that kind of file, by review as by import', () => {
    // review said 'Give the DOCX that `briefing build` wrote' of a DOCX protected by a password too, which is one.
    const dir = exampleProject();
    // Word keeps a .doc, and a DOCX protected by a password, in a compound file; the latter as a stream named EncryptedPackage.
    const compound = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    writeFileSync(join(dir, 'protected.docx'), Buffer.concat([compound, Buffer.from('EncryptedPackage', 'utf16le')]));
    writeFileSync(join(dir, 'old.docx'), compound);
    const said = (docx: string) =>
      [reviewOf(dir, docx).diagnostics, importReport({ cwd: dir, docx }).diagnostics].map((diagnostics) => diagnostics.map((d) => [d.message, d.hint]));
    const protectedFile = [
      'This file is not a DOCX: it is protected by a password (encrypted), so briefing cannot read it.',
      'Open it in Word, remove the password (File → Info → Protect Document → Encrypt with Password, left empty) and save it; or save a copy without the password from LibreOffice.',
    ];
    expect(said('protected.docx')).toEqual([[protectedFile], [protectedFile]]);
    const oldWord = ['This file is not a DOCX: it is a Word 97–2003 document (.doc), whatever its name says.', 'Open it in Word or LibreOffice and save it as a Word document (.docx), then give that file.'];
    expect(said('old.docx')).toEqual([[oldWord], [oldWord]]);
  });

  it('is said to be plain text when it is, and a report\'s Markdown or PDF given for it (Tab completes its name no further) names the DOCX beside it', () => {
    const dir = exampleProject();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), '# Informatīvais ziņojums\n');
    writeFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'), '');
    const said = (docx: string) =>
      [reviewOf(dir, docx).diagnostics, importReport({ cwd: dir, docx }).diagnostics].map((diagnostics) => diagnostics.map((d) => [d.message, d.hint]));
    const markdown = ['This file is not a DOCX: it is plain text, not a Word document.', "Give the report's DOCX beside it: out/IZMzin_190221_EDUC.docx."];
    expect(said('out/IZMzin_190221_EDUC.md')).toEqual([[markdown], [markdown]]);
    // A project file given by mistake is not told to be saved as a Word document.
    const meeting = [
      'This file is not a DOCX: it is plain text, not a Word document.',
      'Give the Word file (.docx) of the report; if this text is to become one, open it in Word and save it as a Word document (.docx).',
    ];
    expect(said('meetings/2021-02-19-educ-informal.yaml')).toEqual([[meeting], [meeting]]);
  });
});
