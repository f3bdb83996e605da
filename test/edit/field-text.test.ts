import { describe, expect, it } from 'vitest';
import { editFieldText } from '../../src/edit/field-text.js';

const POSITION = 'version: 1 # raised by review\nbody: |\n  Latvija atbalsta.\n\n  Otrā rindkopa.\n# end\n';

describe('editFieldText, the YAML review --accept writes', () => {
  it('writes the new text as a literal block and raises the version, every comment kept', () => {
    expect(editFieldText(POSITION, 'body', 'Latvija neatbalsta.\n\nOtrā rindkopa.\n', 2)).toBe('version: 2 # raised by review\nbody: |\n  Latvija neatbalsta.\n\n  Otrā rindkopa.\n# end\n');
    expect(editFieldText(POSITION, 'body', 'Cits.\n')).toBe('version: 1 # raised by review\nbody: |\n  Cits.\n# end\n');
    // A text written plain or quoted before is written as a literal block.
    expect(editFieldText('body: "Latvija atbalsta."\n', 'body', 'Cits.\n')).toBe('body: |\n  Cits.\n');
  });

  it('keeps CRLF line ends, the new lines too', () => {
    const crlf = POSITION.replaceAll('\n', '\r\n');
    expect(editFieldText(crlf, 'body', 'Cits.\n\nOtrs.\n', 2)).toBe('version: 2 # raised by review\r\nbody: |\r\n  Cits.\r\n\r\n  Otrs.\r\n# end\r\n');
    // Not every line CRLF: edited as it is.
    expect(editFieldText(POSITION.replace('\n', '\r\n'), 'body', 'Cits.\n')).toBe('version: 1 # raised by review\r\nbody: |\n  Cits.\n# end\n');
  });

  it('gives way (undefined) where the layout does not allow the edit: no such key, a nested field, a value that is no text, no version to raise', () => {
    expect(editFieldText(POSITION, 'background', 'x\n')).toBeUndefined();
    expect(editFieldText(POSITION, 'body.lv', 'x\n')).toBeUndefined();
    expect(editFieldText('body:\n  lv: x\n', 'body', 'y\n')).toBeUndefined();
    expect(editFieldText('body: |\n  x\n', 'body', 'y\n', 2)).toBeUndefined();
    expect(editFieldText('version:\n  - 1\nbody: |\n  x\n', 'body', 'y\n', 2)).toBeUndefined();
  });

  it('keeps the bytes of a line it leaves alone, decomposed letters too; a changed line decomposed only when the field was so throughout', () => {
    const nfd = 'Otrā rindkopa.'.normalize('NFD');
    const decomposed = `body: |\n  Latvija atbalsta.\n\n  ${nfd}\n`;
    expect(editFieldText(decomposed, 'body', 'Latvija neatbalsta.\n\nOtrā rindkopa.\n')).toBe(`body: |\n  Latvija neatbalsta.\n\n  ${nfd}\n`);
    expect(editFieldText(decomposed, 'body', 'Trešā.\n\nOtrā rindkopa.\n')).toBe(`body: |\n  ${'Trešā.'.normalize('NFD')}\n\n  ${nfd}\n`);
    const mixed = `body: |\n  Pirmā.\n\n  ${nfd}\n`;
    expect(editFieldText(mixed, 'body', 'Trešā.\n\nOtrā rindkopa.\n')).toBe(`body: |\n  Trešā.\n\n  ${nfd}\n`);
    // A field with no letter that composes (its text the same either way) gets the new text composed.
    expect(editFieldText('body: |\n  Latvia.\n', 'body', 'Trešā.\n')).toBe('body: |\n  Trešā.\n');
  });
});
