import { closeSync, ftruncateSync, openSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/commands/import.js';
import { review } from '../../src/commands/review.js';
import { UsageError } from '../../src/diagnostics/errors.js';
import { exampleProject } from '../helpers/project.js';

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
});
