import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FULL_DISK, runCliOnFullDisk } from '../helpers/full-disk.js';
import { emptyProject } from '../helpers/import-report.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };

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

  it('clear leaves the position as it was and no lock behind, says the disk is full, and records the answer once there is room', () => {
    const dir = exampleProject();
    const position = 'positions/educ/equity-reforms.yaml';
    const before = readFileSync(join(dir, position), 'utf8');
    const args = ['clear', position, '--ministry', 'FM', '--date', '2021-02-18'];
    const full = runCliOnFullDisk(args, dir, 'positions/educ');
    expect(full.status, full.stderr).toBe(2);
    expect(full.stderr).toContain('positions/educ/equity-reforms.yaml: cannot be edited, as the disk is full (not even its lock file, .equity-reforms.yaml.lock, can be written); nothing written.');
    expect(readFileSync(join(dir, position), 'utf8')).toBe(before);
    // An empty lock file left there made the next clear wait 15 s for a lock no process held, and fail.
    expect(readdirSync(join(dir, 'positions/educ')).sort()).toEqual(['equity-achievements.yaml', 'equity-eu-cooperation.yaml', 'equity-reforms.yaml']);
    const started = Date.now();
    const again = runCli(args, dir);
    expect(again.status, again.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readFileSync(join(dir, position), 'utf8')).toMatch(/\n {2}FM:\n {4}status: cleared\n {4}date: 2021-02-18\n/);
  });

  it('review --accept writes its positions as one set: one on a full disk leaves the others as they were too (exit 2)', () => {
    const dir = exampleProject();
    // A position in a folder of its own, on the full disk; the others on a disk with room.
    mkdirSync(join(dir, 'positions/more'));
    renameSync(join(dir, 'positions/educ/equity-eu-cooperation.yaml'), join(dir, 'positions/more/equity-eu-cooperation.yaml'));
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const edit = new WordEdit(readFileSync(join(dir, DOCX)))
      .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', ANNA)
      .replace('Nozīmīgākie Latvijas sasniegumi', 'Nozīmīgākie', 'Svarīgākie', ANNA)
      .replace('pandēmija ir parādījusi', 'parādījusi', 'skaidri parādījusi', ANNA);
    writeFileSync(join(dir, 'out/reviewed.docx'), edit.bytes());
    const before = ['positions/educ/equity-reforms.yaml', 'positions/educ/equity-achievements.yaml'].map((path) => readFileSync(join(dir, path), 'utf8'));
    const full = runCliOnFullDisk(['review', 'out/reviewed.docx', '--accept'], dir, 'positions/more');
    expect(full.status, full.stderr).toBe(2);
    // The lock beside the file, which review takes as clear does, is the first thing that does not fit.
    expect(full.stderr).toContain('positions/more/equity-eu-cooperation.yaml  error  Cannot be edited, as the disk is full (not even its lock file, .equity-eu-cooperation.yaml.lock, can be written); nothing written. Free some space and run the command again.  output/write');
    expect(full.stderr).not.toContain('internal error');
    // Written one by one, the two files with room were accepted and the third not: a review half recorded.
    expect(['positions/educ/equity-reforms.yaml', 'positions/educ/equity-achievements.yaml'].map((path) => readFileSync(join(dir, path), 'utf8'))).toEqual(before);
    expect(full.stdout).not.toContain('written as version');
    expect(full.stdout).toContain('note: not written: positions/more/equity-eu-cooperation.yaml cannot be written (see the error)');
    const again = runCli(['review', 'out/reviewed.docx', '--accept'], dir);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout.match(/written as version/g)).toHaveLength(3);
  });
});
