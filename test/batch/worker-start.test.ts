import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectWithMeetings, type MeetingSpec } from '../helpers/meetings.js';
import { REPO } from '../helpers/project.js';

/** Sixteen meetings of the example's positions: four worker threads' worth (src/batch/pool.ts, MEETINGS_PER_THREAD). */
function sixteenMeetings(): string {
  const meetings: Record<string, MeetingSpec> = {};
  for (let day = 1; day <= 16; day++) {
    const date = `2021-03-${String(day).padStart(2, '0')}`;
    meetings[`meetings/${date}-educ.yaml`] = { fileCode: `M${day}`, positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'] };
  }
  return projectWithMeetings(meetings);
}

/**
 * `build --all --jobs 4 --json` of {@link sixteenMeetings} under the shell's `limit` (a `ulimit`), asserted to have built
 * every meeting on the main thread with exit 0: no thread built any of them, as the JSON report says for a batch too
 * small for threads. The project and what the command wrote on stderr, for what each case looks for there.
 */
function builtOnMainThread(limit: string): { dir: string; stderr: string } {
  const dir = sixteenMeetings();
  const result = spawnSync('sh', ['-c', `${limit} && exec "$0" "$@"`, process.execPath, join(REPO, 'bin/briefing.js'), 'build', '--all', '--jobs', '4', '--json'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BRIEFING_CODE_CACHE: 'off' },
  });
  expect(result.status, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as { summary: unknown; threads: number };
  expect(report.summary).toEqual({ built: 17, unchanged: 0, failed: 0 });
  expect(report.threads).toBe(0);
  return { dir, stderr: result.stderr };
}

// A CI container's limits: few file descriptors (ulimit -n), or few processes (a pids limit), where the system refuses
// the batch's worker threads. Node.js itself needs about 22 descriptors to start; 30 leave none for four more threads.
describe('a batch whose worker threads the system will not start', () => {
  it('is built on the main thread: every meeting written, exit 0, no internal error', () => {
    const { dir, stderr } = builtOnMainThread('ulimit -n 30');
    expect(stderr).not.toContain('internal error');
    for (let day = 1; day <= 16; day++) expect(existsSync(join(dir, `out/M${day}.docx`)), `M${day}`).toBe(true);
  });
});

// An address-space limit (ulimit -v, as on a shared machine or some CI runners): V8 reserves some of it for each thread it
// starts, and a worker that found none ended the whole process, "Fatal process out of memory: Failed to reserve virtual
// memory for CodeRange", Node.js's stack trace and exit 133, before anything was said or written.
describe.runIf(existsSync('/proc/self/limits'))('a batch under a limit of address space too small for its worker threads', () => {
  it('is built on the main thread: every meeting written, exit 0, no crash', () => {
    expect(builtOnMainThread('ulimit -v 3000000').stderr).not.toContain('Fatal process out of memory');
  });
});
