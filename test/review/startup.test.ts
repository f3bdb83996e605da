import { expect, test } from 'vitest';
import { loadedWith } from '../helpers/imports.js';

test('review and import read a DOCX back without loading the DOCX compiler or the docx library', () => {
  for (const command of ['commands/review.ts', 'commands/import.ts']) {
    const { files, packages } = loadedWith(command);
    expect(files.has('review/paragraph-groups.ts'), command).toBe(true);
    expect(files.has('docx/index.ts'), command).toBe(false);
    expect(files.has('docx/compile.ts'), command).toBe(false);
    expect(packages.has('docx'), command).toBe(false);
  }
});
