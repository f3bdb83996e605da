import { expect, test } from 'vitest';
import { loadedWith } from '../helpers/imports.js';

test('the diff command loads the DOCX compiler only for a redline or a report, not for a position in the terminal', () => {
  const { files, packages } = loadedWith('commands/diff.ts');
  expect(files.has('diff/positions.ts')).toBe(true);
  expect(files.has('docx/index.ts')).toBe(false);
  expect(packages.has('docx')).toBe(false);
});

test('the diff command does not load the build: no report stage, template or PDF module, nor Handlebars, to read the build cache', () => {
  const { files, packages } = loadedWith('commands/diff.ts');
  // It reads the ids the last build learnt (batch/cache.ts), by the running tool's fingerprint alone.
  expect(files.has('batch/cache.ts')).toBe(true);
  const stages = [...files].filter((file) => /^(pipeline|pdf)\//.test(file) || ['batch/fingerprint.ts', 'render/template.ts', 'docx/fields.ts'].includes(file));
  expect(stages).toEqual([]);
  expect(packages.has('handlebars')).toBe(false);
});
