import { expect, test } from 'vitest';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { exampleFile, exampleProject, runCli, writeFile } from '../helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';

// A position renamed with a new id (its meetings must point to it anew) compared with its file as it was:
// the diff said "No changes" and exited 0, so a script or a reviewer took the two for the same position.
test('two versions of a position whose id changed list the change of id, and the diff exits 1', () => {
  const dir = exampleProject();
  writeFile(dir, 'positions/educ/equity-investments.yaml', exampleFile(POSITION).replace(/^id: equity-reforms$/m, 'id: equity-investments'));
  const files = [POSITION, 'positions/educ/equity-investments.yaml'];
  const json = runCli(['diff', ...files, '--format', 'json'], dir);
  expect(json.status, json.stderr).toBe(1);
  const diff: { equal: boolean; metadata: unknown[] } = JSON.parse(json.stdout);
  expect(diff.equal).toBe(false);
  expect(diff.metadata).toEqual([{ subject: 'equity-investments', field: 'id', label: 'id', from: 'equity-reforms', to: 'equity-investments' }]);
  const markdown = runCli(['diff', ...files, '--format', 'md'], dir);
  expect(markdown.stdout).toContain('- id: equity-reforms → equity-investments');
  expect(markdown.stdout).not.toContain('No changes');
});

// `briefing diff` of the renamed file, before the rename is committed (git mv), to see what the rename did:
// "does not exist at HEAD. It was never committed", as the file is found at HEAD only by its id, which changed.
test('a position renamed with a new id since the last commit (git mv) is compared with its file at HEAD, as git pairs them', () => {
  const dir = exampleProject();
  initRepository(dir);
  const renamed = 'positions/educ/equity-investments.yaml';
  git(dir, ['mv', POSITION, renamed]);
  writeFile(dir, renamed, exampleFile(POSITION).replace(/^id: equity-reforms$/m, 'id: equity-investments'));
  const run = runCli(['diff', renamed, '--format', 'md'], dir);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(run.stdout).toContain(`From \`HEAD\``);
  expect(run.stdout).toContain('- id: equity-reforms → equity-investments');
});

// The same rename committed, compared between the two commits: 'does not exist at HEAD~1', the id that finds a renamed position changed too.
test('a position renamed with a new id in a commit is compared between that commit and the one before, as git pairs them', () => {
  const dir = exampleProject();
  initRepository(dir);
  const renamed = 'positions/educ/equity-investments.yaml';
  git(dir, ['mv', POSITION, renamed]);
  writeFile(dir, renamed, exampleFile(POSITION).replace(/^id: equity-reforms$/m, 'id: equity-investments').replace('600 jaunas', '650 jaunas'));
  commitAll(dir, 'equity-reforms renamed equity-investments');
  const run = runCli(['diff', renamed, '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'md'], dir);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(run.stdout).toContain(`# Changes in \`${POSITION} → ${renamed}\``);
  expect(run.stdout).toContain('- id: equity-reforms → equity-investments');
  expect(run.stdout).toContain('{~~600~>650~~} jaunas');
});
