import { expect, test } from 'vitest';
import { initRepository } from '../helpers/git.js';
import { exampleFile, exampleProject, runCli, writeFile } from '../helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';

// Pasted from Word or an e-mail, a unit or a clearance reference gets a no-break space for a space: the diff
// listed "owner: … departaments → … departaments", two lines that read the same, as a change.
test('a position whose owner unit or clearance reference changed only in its spaces (a no-break space for a space) lists no change of them', () => {
  const dir = exampleProject();
  initRepository(dir);
  const text = exampleFile(POSITION);
  const unit = /^ {2}unit: (.*\S) (\S+)$/m.exec(text);
  const ref = /^ {4}ref: "(\S+) (.*)"$/m.exec(text);
  expect(unit && ref).toBeTruthy();
  const spaced = text.replace(unit?.[0] ?? '', `  unit: ${unit?.[1] ?? ''}\u00A0${unit?.[2] ?? ''}`).replace(ref?.[0] ?? '', `    ref: "${ref?.[1] ?? ''}\u00A0 ${ref?.[2] ?? ''}"`);
  writeFile(dir, POSITION, spaced);
  const run = runCli(['diff', POSITION, '--format', 'json'], dir);
  expect(run.status, run.stderr).toBe(0);
  const diff: { metadata: unknown[] } = JSON.parse(run.stdout);
  expect(diff.metadata).toEqual([]);
});
