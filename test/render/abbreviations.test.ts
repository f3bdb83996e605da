import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

test('a report that uses an abbreviation of the config but never introduces it warns (the example introduces ES at its name)', async () => {
  expect((await check({ cwd: exampleProject(), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
  const shortName = exampleFile(EXAMPLE_MEETING).replace(/^( {2}nominative: ).*$/m, '$1ES izglītības ministru tiešsaistes sanāksme');
  const result = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: shortName }), paths: [EXAMPLE_MEETING], final: false });
  expect(result.diagnostics.map((d) => [d.file, d.severity, d.ruleId, d.message])).toEqual([
    [EXAMPLE_MEETING, 'warning', 'meeting/abbreviation-not-introduced', 'The report never introduces it: “ES” should first appear as “Eiropas Savienības (turpmāk – ES)” (it first appears on line 5 of the generated Markdown).'],
  ]);
});

test('ES used before its introduction warns; ES only in an address or in code does not count', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING);
  // The title (the locative name) comes before the opening paragraph, which introduces ES.
  const early = meeting.replace(/^( {2}locative: ).*$/m, '$1neformālajā ES izglītības ministru tiešsaistes sanāksmē');
  const before = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: early }), paths: [EXAMPLE_MEETING], final: false });
  expect(before.diagnostics.map((d) => d.message)).toEqual(['The report uses it before it introduces it: “ES” should first appear as “Eiropas Savienības (turpmāk – ES)” (it first appears on line 2 of the generated Markdown).']);
  // An abbreviation printed nowhere but in a link's address and in code is not used.
  const config = exampleFile('briefing.config.yaml').replace('    short: ES\n', '    short: ES\n  - term: Padomes secinājumi\n    short: PS\n');
  const hidden = meeting.replace(
    /^background: \|\n/m,
    'background: |\n  Skatīt [dokumentu](https://example.eu/PS/doc) un `PS` kodu, <https://example.eu/PS>, rakstīt uz PS@example.eu un (sekretariats.PS@example.eu).\n\n',
  );
  const quiet = await check({ cwd: exampleProject({ 'briefing.config.yaml': config, [EXAMPLE_MEETING]: hidden }), paths: [EXAMPLE_MEETING], final: false });
  expect(quiet.diagnostics).toEqual([]);
  const shown = meeting.replace(/^background: \|\n/m, 'background: |\n  PS ir gatavi.\n\n');
  const used = await check({ cwd: exampleProject({ 'briefing.config.yaml': config, [EXAMPLE_MEETING]: shown }), paths: [EXAMPLE_MEETING], final: false });
  // First used in a Markdown field: said at its place in the file, not by the generated Markdown's line.
  const at = shown.split('\n').findIndex((line) => line.startsWith('  PS ir gatavi.')) + 1;
  expect(used.diagnostics.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
    [EXAMPLE_MEETING, at, 3, 'The report never introduces it: “PS” should first appear as “Padomes secinājumi (turpmāk – PS)”; it first appears here, in `background`.'],
  ]);
});
