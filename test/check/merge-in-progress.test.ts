import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflictIn, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';

/** Two desk officers' edits of one file, merged with git in a real repository: what the commands say while the merge is not resolved. */
const POSITION = 'positions/educ/equity-reforms.yaml';

/** The example, committed, with a merge stopped at a conflict in a line of the position's `body`. */
function conflictInBody(): { dir: string; conflicted: string } {
  const dir = exampleProject();
  initRepository(dir);
  const conflicted = conflictIn(dir, POSITION, /^ {2}Tuvākajā laikā prioritāri paredzēts:$/m, '  Tuvākajā laikā vispirms paredzēts:', '  Tuvākajā laikā galvenokārt paredzēts:');
  return { dir, conflicted };
}

describe('a merge conflict half resolved', () => {
  it('names the `=======` left when the other two markers were deleted, not an indentation to add (a heading underline in the body)', () => {
    const { dir, conflicted } = conflictInBody();
    const half = conflicted.replace(/^<<<<<<< HEAD\n/m, '').replace(/^>>>>>>> theirs\n/m, '');
    writeFileSync(join(dir, POSITION), half);
    const line = half.split('\n').indexOf('=======') + 1;
    const run = runCli(['check', POSITION], dir);
    expect(run.stdout).toContain(`${POSITION}:${line}:1  error  This line is a marker \`=======\` git writes around a merge conflict, left in the file.`);
    expect(run.stdout).not.toContain('yaml/indent');
    expect(run.status).toBe(1);
    const build = runCli(['build', EXAMPLE_MEETING], dir);
    expect(build.status).toBe(1);
    expect(build.stdout + build.stderr).toContain('file/merge-conflict');
    expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(half);
  });
});
