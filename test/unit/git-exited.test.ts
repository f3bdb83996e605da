import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { gitExited } from '../../src/load/git-failures.js';

/** The error `run` throws or rejects with, as the process module makes it. */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('it did not fail');
}

// list said "git failed in this repository" of any error at all: a bug of ours, or a log past the output buffer.
describe('gitExited', () => {
  it('is a git command that ran and failed, not an error of ours nor a limit of the output', async () => {
    const run = promisify(execFile);
    expect(gitExited(await thrown(() => run('git', ['no-such-command'])))).toBe(true);
    expect(gitExited(await thrown(() => execFileSync('git', ['no-such-command'], { stdio: 'pipe' })))).toBe(true);
    expect(gitExited(await thrown(() => run('git', ['--version'], { maxBuffer: 4 })))).toBe(false);
    expect(gitExited(await thrown(() => execFileSync('git', ['--version'], { maxBuffer: 4, stdio: 'pipe' })))).toBe(false);
    expect(gitExited(new TypeError("Cannot read properties of undefined (reading 'day')"))).toBe(false);
  });
});
