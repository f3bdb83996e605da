import { expect, test } from 'vitest';
import { git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';

test('a position a sparse checkout leaves out is named as in the repository, with the git command that brings it in, not as one to create', () => {
  const dir = exampleProject();
  initRepository(dir);
  git(dir, ['sparse-checkout', 'set', 'meetings', 'templates']);
  const run = runCli(['check', EXAMPLE_MEETING], dir);
  expect(run.status).toBe(1);
  expect(run.stdout + run.stderr).toContain(
    `${EXAMPLE_MEETING}:89:15  error  Question 2 points to the position \`equity-reforms\`, which does not exist. positions/educ/equity-reforms.yaml is in the git repository, but this sparse checkout leaves it out: \`git sparse-checkout add positions/educ\` brings it in (or \`git sparse-checkout disable\`, every file).  meeting/unknown-position`,
  );
  expect(run.stdout + run.stderr).not.toContain('Create it');
  // Brought in as the hint says, the meeting checks.
  git(dir, ['sparse-checkout', 'add', 'positions/educ']);
  expect(runCli(['check', EXAMPLE_MEETING], dir).stdout).toContain('no problems');
});
