import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/batch/job.js';
import { loadProject } from '../../src/load/project.js';
import type { TemplateCache } from '../../src/pipeline/build-meeting.js';
import { projectWithMeetings } from '../helpers/meetings.js';

const B = 'meetings/b.yaml';

describe('a meeting file deleted after the batch listed it', () => {
  it('is said to be gone while the command ran, not to be a path to check (the build never had one typed)', async () => {
    const dir = projectWithMeetings({ [B]: { fileCode: 'B', positions: ['achievements-b', 'equity-reforms', 'cooperation-b'] } });
    const project = loadProject(dir);
    // A git checkout or pull in the workspace while `build --all` runs: listed, then gone by its turn.
    rmSync(join(dir, B));
    const report = await runJob(project, join(dir, B), { final: false, formats: ['md', 'docx'], sourceDateEpoch: undefined }, new Map() satisfies TemplateCache);
    expect(report.files).toEqual([]);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        file: B,
        severity: 'error',
        ruleId: 'input/unreadable',
        message: 'The file was deleted or renamed while this command ran (a git checkout or pull, say), after the build had listed it: its report is not built this time.',
        hint: 'Build again once the change is done.',
      }),
    ]);
    expect(JSON.stringify(report.diagnostics)).not.toContain('Check the path');
  });
});
