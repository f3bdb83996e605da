import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';

/** Text saved in a one-byte code page and read as UTF-8: each byte that is no UTF-8 arrives as U+FFFD (encodings run). */
const read = (bytes: Buffer) => parseYaml('positions/educ/p.yaml', bytes.toString('utf8')).diagnostics.map((d) => [d.line, d.column, d.message]);

describe('a file not in UTF-8', () => {
  it('is said to be in a code page at the first letter it spoils, not at a dash of the code page before it', () => {
    // Windows-1257: – is 0x96, ī 0xEE.
    const bytes = Buffer.from('id: x\n# a \x96 b\nbody: |\n  Izgl\xeet\xeebas ministrija.\n', 'latin1');
    expect(read(bytes)).toEqual([
      [4, 7, 'The file is not UTF-8: its letters beyond a–z (ā, š, ž…) are in a one-byte code page, most likely Windows-1257 (Baltic; Notepad\'s “ANSI” on a Latvian Windows), and cannot be read (“Izgl�t�bas”).'],
    ]);
  });

  it('says a paragraph in a code page pasted into UTF-8 text, with the lines it is on', () => {
    const bytes = Buffer.concat([Buffer.from('id: x\nunit: Nodaļa\nbody: |\n  Pirmā rinda.\n', 'utf8'), Buffer.from('  Jaunie\xf0u rinda.\n  bez burtiem\n  Izgl\xeet\xeebas rinda.\n', 'latin1')]);
    expect(read(bytes)).toEqual([
      [5, 9, 'Part of the file is not UTF-8: letters in a one-byte code page (such as Windows-1257), pasted into its UTF-8 text, cannot be read (“Jaunie�u”), on 2 lines: 5, 7.'],
    ]);
  });

  it('keeps the plain message for bytes that stand in no word', () => {
    expect(read(Buffer.from('id: x\nbody: |\n  Teksts.\n  \xff\xfe\n', 'latin1'))).toEqual([[4, 3, 'The file is not valid UTF-8: some characters cannot be read.']]);
  });
});

describe('a file in UTF-16 without a byte-order mark', () => {
  it.each([
    ['LE', 'LE'],
    ['BE', 'BE'],
  ])('is named UTF-16 %s, with the encoding to reopen it in before saving it as UTF-8', (encoding, order) => {
    const little = Buffer.from('id: x\nversion: 2\n', 'utf16le');
    const bytes = encoding === 'BE' ? Buffer.from(little).swap16() : little;
    expect(read(bytes)).toEqual([
      [1, 1, `The file is UTF-16 ${order} without a byte-order mark, not UTF-8: it cannot be read, and an editor may open it as another encoding, with a gap or a box between every two letters.`],
    ]);
    expect(parseYaml('positions/educ/p.yaml', bytes.toString('utf8')).diagnostics[0]?.hint).toBe(
      `Reopen it as UTF-16, then save it as UTF-8: VS Code: “Reopen with Encoding” → UTF-16 ${order}, then “Save with Encoding” → UTF-8; a terminal: iconv -f UTF-16${order} -t UTF-8.`,
    );
  });

  it('with its byte-order mark (Notepad\'s “Unicode”) is said as before: an editor reads it right and saves it as UTF-8', () => {
    expect(read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: x\n', 'utf16le')]))).toEqual([[1, 1, 'The file is UTF-16 (“Unicode”), not UTF-8: it cannot be read.']]);
  });
});
