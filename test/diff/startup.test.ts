import { expect, test } from 'vitest';
import { loadedWith } from '../helpers/imports.js';

test('the diff command loads the DOCX compiler only for a redline or a report, not for a position in the terminal', () => {
  const { files, packages } = loadedWith('commands/diff.ts');
  expect(files.has('diff/positions.ts')).toBe(true);
  expect(files.has('docx/index.ts')).toBe(false);
  expect(packages.has('docx')).toBe(false);
});
