import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { describe, expect, it } from 'vitest';
import { WORKER_POOL_SETTINGS } from '../../src/batch/pool.js';
import type { WorkerSetup } from '../../src/batch/worker.js';
import { loadProject } from '../../src/load/project.js';
import type { GeneratedReport } from '../../src/pipeline/build-meeting.js';
import { EXAMPLE_MEETING, exampleProject, REPO } from '../helpers/project.js';

// The batch's own worker (bin/worker.cjs, running dist/worker.cjs), started as the batch starts it, with the setup given here.
const WORKER = pathToFileURL(join(REPO, 'bin/worker.cjs')).href;

/** Runs one task, the example meeting, on a worker started with `setup`. */
async function runOnWorker(setup: unknown, meeting: string): Promise<unknown> {
  const pool = new Piscina({ ...WORKER_POOL_SETTINGS, filename: WORKER, minThreads: 1, maxThreads: 1, workerData: setup });
  try {
    return await pool.run({ path: meeting });
  } finally {
    await pool.destroy();
  }
}

describe('a worker thread of the batch', () => {
  it('builds the meeting of its task from the setup it was started with: the project as the main thread scanned it', async () => {
    const dir = exampleProject();
    const project = loadProject(dir);
    const setup: WorkerSetup = { root: dir, positionFiles: project.positionFiles, committedMeetings: [], options: { final: false, formats: ['md'], sourceDateEpoch: undefined }, stop: new SharedArrayBuffer(4) };
    const report = (await runOnWorker(setup, join(dir, EXAMPLE_MEETING))) as GeneratedReport;
    expect(report).toMatchObject({ meetingPath: EXAMPLE_MEETING, crashed: false, fileCode: 'IZMzin_190221_EDUC', fingerprints: { settings: project.settingsHash } });
    expect(report.files.map((file) => file.name)).toContain('IZMzin_190221_EDUC.md');
  });

  it('refuses a task when started without its whole setup, rather than building from part of it', async () => {
    const dir = exampleProject();
    const project = loadProject(dir);
    const whole = { root: dir, positionFiles: project.positionFiles, committedMeetings: [], options: { final: false, formats: ['md'] }, stop: new SharedArrayBuffer(4) };
    const broken = [
      undefined,
      { ...whole, root: 42 },
      { ...whole, positionFiles: undefined },
      { ...whole, committedMeetings: 'none' },
      { ...whole, options: 'md' },
      { ...whole, stop: new ArrayBuffer(4) },
    ];
    for (const setup of broken) {
      await expect(runOnWorker(setup, join(dir, EXAMPLE_MEETING)), JSON.stringify(setup)).rejects.toThrow('briefing worker started without its setup');
    }
  });
});
