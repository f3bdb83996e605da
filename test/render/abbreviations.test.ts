import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

test('a report that uses an abbreviation of the config but never introduces it warns (the example introduces ES at its name)', async () => {
  expect((await check({ cwd: exampleProject(), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
  const shortName = exampleFile(EXAMPLE_MEETING).replace(/^( {2}nominative: ).*$/m, '$1ES izglītības ministru tiešsaistes sanāksme');
  const result = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: shortName }), paths: [EXAMPLE_MEETING], final: false });
  expect(result.diagnostics.map((d) => [d.file, d.severity, d.ruleId, d.message])).toEqual([
    [EXAMPLE_MEETING, 'warning', 'meeting/abbreviation-not-introduced', 'The report uses “ES” but never introduces it: no mention of “Eiropas Savienības” is followed by “(turpmāk – ES)”.'],
  ]);
});
