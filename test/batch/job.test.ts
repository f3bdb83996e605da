import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runJob } from '../../src/batch/job.js';
import { buildMeeting, type TemplateCache } from '../../src/pipeline/build-meeting.js';
import { loadProject } from '../../src/load/project.js';
import { EXAMPLE_MEETING, exampleProject } from '../helpers/project.js';

// The real chain, which one test makes throw what no input causes (a bug), to see the job say it.
vi.mock('../../src/pipeline/build-meeting.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/pipeline/build-meeting.js')>();
  return { ...original, buildMeeting: vi.fn(original.buildMeeting) };
});

const OPTIONS = { final: false, formats: ['md'] as const, sourceDateEpoch: undefined };

describe('one meeting of a batch (runJob)', () => {
  it('gives plain data for the main thread: the files, no rendered tree, and the settings and template as this thread read them', async () => {
    const dir = exampleProject();
    const project = loadProject(dir);
    const report = await runJob(project, join(dir, EXAMPLE_MEETING), OPTIONS, new Map());
    expect(report).toMatchObject({ meetingPath: EXAMPLE_MEETING, fileCode: 'IZMzin_190221_EDUC', crashed: false, template: 'informative-report.lv' });
    expect(report.files.map((file) => file.name)).toEqual(expect.arrayContaining(['IZMzin_190221_EDUC.md']));
    expect(report).not.toHaveProperty('rendered');
    expect(report.fingerprints).toEqual({ settings: project.settingsHash, template: expect.stringMatching(/^[0-9a-f]{16,}$/) });
    expect(report.ms).toBeGreaterThan(0);
  });

  it('says a meeting file gone by its turn on the meeting, as input/unreadable, with no files: the batch goes on', async () => {
    const dir = exampleProject();
    const report = await runJob(loadProject(dir), join(dir, 'meetings/gone.yaml'), OPTIONS, new Map());
    expect(report).toMatchObject({ meetingPath: 'meetings/gone.yaml', crashed: true, files: [], fileCode: null, template: null, draft: false });
    expect(report.inputs).toEqual({ meeting: { path: 'meetings/gone.yaml', hash: '' }, positions: [], template: null });
    expect(report.diagnostics).toEqual([
      {
        file: 'meetings/gone.yaml',
        severity: 'error',
        ruleId: 'input/unreadable',
        message: 'The file was deleted or renamed while this command ran (a git checkout or pull, say), after the build had listed it: its report is not built this time.',
        hint: 'Build again once the change is done.',
      },
    ]);
  });

  it('says a bug met while building the meeting as an internal error on it, to report with the meeting file', async () => {
    const dir = exampleProject();
    const templates: TemplateCache = new Map();
    vi.mocked(buildMeeting).mockRejectedValueOnce(new TypeError('boom'));
    const report = await runJob(loadProject(dir), join(dir, EXAMPLE_MEETING), OPTIONS, templates);
    expect(report).toMatchObject({ meetingPath: EXAMPLE_MEETING, crashed: true, files: [] });
    expect(report.diagnostics).toEqual([
      { file: EXAMPLE_MEETING, severity: 'error', ruleId: 'internal/error', message: 'Internal error: boom', hint: 'Report it as a bug, with the meeting file.' },
    ]);
  });
});
