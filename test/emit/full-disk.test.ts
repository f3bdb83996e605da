import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FULL_DISK, runCliOnFullDisk } from '../helpers/full-disk.js';
import { emptyProject } from '../helpers/import-report.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';

describe.skipIf(!FULL_DISK)('on a full disk', () => {
  it('import leaves no empty file behind, says the disk is full, and imports once there is room', () => {
    const example = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING], example).status).toBe(0);
    const dir = emptyProject();
    const full = runCliOnFullDisk(['import', join(example, DOCX), '--slug', 'educ-informal'], dir, 'positions');
    expect(full.status, full.stderr).toBe(2);
    expect(full.stderr).toContain('positions/educ-informal/educ-informal-1.yaml cannot be written: the disk is full; nothing written.');
    // The position the disk had no room for was created, and is gone again with the rest of the set and the folder
    // made for it: an empty file left there made the next import refuse it as a file that exists.
    expect(existsSync(join(dir, 'positions/educ-informal'))).toBe(false);
    expect(existsSync(join(dir, EXAMPLE_MEETING))).toBe(false);
    const again = runCli(['import', join(example, DOCX), '--slug', 'educ-informal'], dir);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('created positions/educ-informal/educ-informal-1.yaml');
  });
});
