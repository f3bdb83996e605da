import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, REPO, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const POSITION = 'positions/educ/equity-reforms.yaml';
const LOCK = 'positions/educ/.equity-reforms.yaml.lock';

/** `briefing review <docx> --accept` in its own process, as a second terminal runs it. */
function acceptInBackground(dir: string, docx: string): { done: Promise<{ status: number | null; stderr: string; stdout: string }>; exited: () => boolean } {
  const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'review', docx, '--accept'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'off' } });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const done = new Promise<{ status: number | null; stderr: string; stdout: string }>((resolve) =>
    child.on('close', (status) => {
      exited = true;
      resolve({ status, stdout, stderr });
    }),
  );
  return { done, exited: () => exited };
}

// review --accept took no lock (found by the interruption run): a `clear` of the same position while a review ran
// was written over, or its version raised twice to the same number.
describe('review --accept and another command editing the same position', () => {
  it('waits for the lock clear takes, and writes nothing over what was written meanwhile', async () => {
    const dir = exampleProject();
    // Committed, as a ministry's positions are: --rebase finds the text the report was built from in git.
    initRepository(dir);
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const docx = join(dir, 'out/reviewed.docx');
    writeFileSync(docx, new WordEdit(readFileSync(join(dir, DOCX))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' }).bytes());
    // Another command holds the position's lock, as `clear` does while it edits (its process: this one, alive).
    writeFileSync(join(dir, LOCK), `${process.pid}\n`);
    const review = acceptInBackground(dir, docx);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(review.exited()).toBe(false);
    // What that command writes before it lets go.
    const meanwhile = readFileSync(join(dir, POSITION), 'utf8').replace(/^( {2}LM:\n {4}status: cleared\n {4}date: 2021-02-17\n)/m, '$1    note: Apstiprināts pa tālruni.\n');
    expect(meanwhile).toContain('note: Apstiprināts pa tālruni.');
    writeFileSync(join(dir, POSITION), meanwhile);
    rmSync(join(dir, LOCK));
    const run = await review.done;
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain(`${POSITION}  error  ${POSITION} changed while this review ran (another command, e.g. \`briefing clear\`, wrote it); nothing written.`);
    expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(meanwhile);
    // Run again with --rebase, it merges the reviewer's change into the file as it is now.
    const again = runCli(['review', docx, '--accept', '--rebase'], dir);
    expect(again.status, again.stderr).toBe(0);
    const now = readFileSync(join(dir, POSITION), 'utf8');
    expect(now).toContain('Tuvākajā laikā vispirms paredzēts:');
    expect(now).toContain('    note: Apstiprināts pa tālruni.\n');
  }, 30_000);
});
