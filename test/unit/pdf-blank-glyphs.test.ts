import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charactersDrawnBlank } from '../../src/pdf/blank-glyphs.js';
import { REPO } from '../helpers/project.js';

describe('charactersDrawnBlank', () => {
  it('names the characters LibreOffice drew with the font’s box for a missing letter, not the ones another font stood in for', () => {
    // LibreOffice 7 made it from the text "A 👍 B 你 C ⟶ D" in Liberation Mono on a machine with no emoji or CJK font: the
    // page shows a box for 👍 and 你, and ⟶ in DejaVu Sans Mono; the text layer holds all three.
    const pdf = readFileSync(join(REPO, 'test/fixtures/pdf/missing-glyphs-mono.pdf'));
    expect(charactersDrawnBlank(pdf)).toEqual(['👍', '你']);
  });

  it('says nothing of a file it cannot read as a PDF from LibreOffice', () => {
    expect(charactersDrawnBlank(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<</FontDescriptor 2 0 R/ToUnicode 3 0 R>>\nendobj\n'))).toEqual([]);
    expect(charactersDrawnBlank(new Uint8Array())).toEqual([]);
  });
});
