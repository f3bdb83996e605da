import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { fileHashes, projectWithMeetings } from '../helpers/meetings.js';
import { EXAMPLE_MEETING, exampleProject, REPO, runCli, tempDir } from '../helpers/project.js';

const OUTPUTS = ['IZMzin_190221_EDUC.md', 'IZMzin_190221_EDUC.docx'];

describe('reproducible bytes', () => {
  it('gives the same SHA-256 for both files under different time zones and locales', () => {
    const dir = exampleProject();
    const env = { SOURCE_DATE_EPOCH: '' };
    const east = runCli(['build', EXAMPLE_MEETING, '--out', 'east'], dir, { ...env, TZ: 'Pacific/Kiritimati', LANG: 'lv_LV.UTF-8', LC_ALL: 'lv_LV.UTF-8' });
    const west = runCli(['build', EXAMPLE_MEETING, '--out', 'west', '--force'], dir, { ...env, TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' });
    expect([east.status, west.status]).toEqual([0, 0]);
    const a = fileHashes(join(dir, 'east'), OUTPUTS);
    expect(fileHashes(join(dir, 'west'), OUTPUTS)).toEqual(a);
    // And the same as the file checked in beside the example, built by another process on another day.
    expect(readFileSync(join(dir, 'east', OUTPUTS[0] ?? ''), 'utf8')).toBe(readFileSync(join(REPO, 'test/fixtures/example/IZMzin_190221_EDUC.md'), 'utf8'));
  });

  it('gives a meeting the same bytes whether or not another meeting was built before it in the process', async () => {
    const dir = projectWithMeetings({ 'meetings/other.yaml': { fileCode: 'OTHER', positions: ['other-1', 'other-2', 'other-3'] } });
    const alone = tempDir();
    const after = tempDir();
    await build({ cwd: dir, inputs: [EXAMPLE_MEETING], out: alone, final: false, jobs: 1 });
    await build({ cwd: dir, inputs: ['meetings/other.yaml', EXAMPLE_MEETING], out: after, final: false, jobs: 1, force: true });
    expect(fileHashes(after, OUTPUTS)).toEqual(fileHashes(alone, OUTPUTS));
  });
});
