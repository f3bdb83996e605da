import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';

/** One meeting of a batch of eight whose answer is a position of about `megabytes` MB; the others as in the example. */
function batchWithBigPosition(megabytes: number): string {
  const dir = exampleProject();
  const meeting = readFileSync(join(dir, EXAMPLE_MEETING), 'utf8');
  for (const day of [20, 21, 22, 23, 24, 25, 26]) {
    writeFileSync(join(dir, `meetings/2021-02-${day}-educ-informal.yaml`), meeting.replace('date: 2021-02-19', `date: 2021-02-${day}`).replace('IZMzin_190221_EDUC', `IZMzin_${day}0221_EDUC`));
  }
  writeFileSync(join(dir, EXAMPLE_MEETING), meeting.replace('position: equity-reforms', 'position: big-answer'));
  const template = readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8');
  const body = /^body: \|\n((?: {2}.*\n|\n)+)/m.exec(template)?.[1] ?? '  Teksts.\n';
  const copies = Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(body));
  mkdirSync(join(dir, 'positions/big'));
  writeFileSync(join(dir, 'positions/big/big-answer.yaml'), template.replace(/^id: .*$/m, 'id: big-answer').replace(/^body: \|\n(?: {2}.*\n|\n)+/m, `body: |\n${`${body}\n`.repeat(copies)}`));
  return dir;
}

// A worker's heap is capped (pool.ts): a meeting with a position of a few megabytes (an input may have 16 MiB) ended its
// worker, and failed as an internal error ("Report it as a bug"), exit 2, while `build` of that meeting alone built it.
it('a meeting too large for a worker thread’s heap is built on the main thread: the batch builds every meeting', () => {
  const dir = batchWithBigPosition(4);
  const run = runCli(['build', '--all', '--jobs', '2', '--json'], dir);
  expect(run.stdout).not.toContain('Internal error in a worker thread');
  expect(run.status, run.stderr).toBe(0);
  const report: { threads: number; summary: { built: number; failed: number } } = JSON.parse(run.stdout);
  expect(report.threads).toBe(2);
  expect(report.summary).toMatchObject({ built: 8, failed: 0 });
}, 240_000);
