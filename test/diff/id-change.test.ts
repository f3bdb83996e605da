import { expect, test } from 'vitest';
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
