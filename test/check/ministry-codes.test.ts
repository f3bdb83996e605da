import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

const unknownMinistries = async (dir: string) =>
  (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'meeting/unknown-ministry').map((d) => `${d.message} ${d.hint ?? ''}`);

test('an unknown code in a list is not taken for a code the list already has, and the built-in registry is called so', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^required_clearances: .*$/m, 'required_clearances: [AM, AN]');
  // With the built-in registry (the project has none of its own): AN is nearest to AM, which the list has already.
  const dir = exampleProject({ [EXAMPLE_MEETING]: meeting });
  rmSync(join(dir, 'ministries.yaml'));
  const [problem] = await unknownMinistries(dir);
  expect(problem).toMatch(/^The ministry code `AN` is not in the built-in ministries registry\. /);
  expect(problem).not.toContain('Did you mean `AM`?');
});
