import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

interface Recorded {
  path: string;
  sha256: string;
  git_blob: string;
  built_in?: boolean;
}

test('the manifest records each input as git stores it, byte-order marks included', async () => {
  const dir = exampleProject();
  // Saved by an editor that writes a byte-order mark: the config and one position.
  writeFileSync(join(dir, 'briefing.config.yaml'), `\uFEFF${exampleFile('briefing.config.yaml')}`);
  writeFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), `\uFEFF${exampleFile('positions/educ/equity-reforms.yaml')}`);
  initRepository(dir);
  expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false })).exitCode).toBe(0);

  const manifest: { meeting: Recorded; positions: Recorded[]; settings: Recorded[] } = JSON.parse(
    readFileSync(join(dir, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8'),
  );
  const records = [manifest.meeting, ...manifest.positions, ...manifest.settings];
  expect(records.map((r) => r.path)).toEqual([
    EXAMPLE_MEETING,
    'positions/educ/equity-achievements.yaml',
    'positions/educ/equity-reforms.yaml',
    'positions/educ/equity-eu-cooperation.yaml',
    'briefing.config.yaml',
    'ministries.yaml',
  ]);
  for (const record of records) {
    expect(record.git_blob, record.path).toBe(git(dir, ['hash-object', record.path]).trim());
    expect(record.sha256, record.path).toBe(createHash('sha256').update(readFileSync(join(dir, record.path))).digest('hex'));
  }
});
