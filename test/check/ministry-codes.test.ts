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

test('a ministry established after the meeting cannot be required: KEM, first day 2023-01-01, for a meeting of 2022-12-31 is an error at its code, on 2023-01-01 fine', async () => {
  const positions = ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'].map((id) => `positions/educ/${id}.yaml`);
  const kem = '  KEM:\n    status: cleared\n    date: 2021-02-17\n';
  const cleared = Object.fromEntries(positions.map((path) => [path, exampleFile(path).replace(/^clearance:\n/m, `clearance:\n${kem}`)]));
  const meetingOn = (date: string) => exampleFile(EXAMPLE_MEETING).replace(/^date: .*$/m, `date: ${date}`).replace(/^required_clearances: .*$/m, 'required_clearances: [AM, LM, KEM]');
  const problems = async (date: string) =>
    (await check({ cwd: exampleProject({ ...cleared, [EXAMPLE_MEETING]: meetingOn(date) }), paths: [EXAMPLE_MEETING], final: false })).diagnostics
      .filter((d) => d.ruleId === 'meeting/ministry-not-established')
      .map((d) => [d.file, d.line, d.column, d.severity, d.message]);
  const line = meetingOn('2022-12-31').split('\n').findIndex((text) => text.startsWith('required_clearances:')) + 1;
  expect(await problems('2022-12-31')).toEqual([
    [EXAMPLE_MEETING, line, 31, 'error', 'Klimata un enerģētikas ministrija (KEM) was established on 2023-01-01, after the meeting on 2022-12-31: the report cannot be cleared with it.'],
  ]);
  expect(await problems('2023-01-01')).toEqual([]);
});

test('the issuing ministry listed in required_clearances is a warning at its code: the report would say it was cleared with its own ministry', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^required_clearances: .*$/m, 'required_clearances: [AM, IZM, LM]');
  const line = meeting.split('\n').findIndex((text) => text.startsWith('required_clearances:')) + 1;
  const result = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
  expect(result.diagnostics.filter((d) => d.ruleId === 'meeting/issuer-required').map((d) => [d.file, d.line, d.column, d.severity, d.message])).toEqual([
    [EXAMPLE_MEETING, line, 27, 'warning', 'IZM issues the report (`issuing_ministry` in the config), and is listed in required_clearances: the report would say it was cleared with Izglītības un zinātnes ministriju, its own ministry.'],
  ]);
  const example = await check({ cwd: exampleProject(), paths: [EXAMPLE_MEETING], final: false });
  expect(example.diagnostics.filter((d) => d.ruleId === 'meeting/issuer-required')).toEqual([]);
});

test('a report issued by a ministry established after the meeting is a warning at its date (KEM issuing a 2021 report printed "Prepared by: Ministry of Climate and Energy")', async () => {
  const config = exampleFile('briefing.config.yaml').replace(/^issuing_ministry: IZM$/m, 'issuing_ministry: KEM');
  const problems = async (date: string) => {
    const meeting = exampleFile(EXAMPLE_MEETING).replace(/^date: .*$/m, `date: ${date}`);
    const result = await check({ cwd: exampleProject({ 'briefing.config.yaml': config, [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
    const line = meeting.split('\n').findIndex((text) => text.startsWith('date:')) + 1;
    return result.diagnostics.filter((d) => d.ruleId === 'meeting/issuer-not-established').map((d) => [d.line === line, d.severity, d.message]);
  };
  expect(await problems('2021-02-19')).toEqual([
    [true, 'warning', 'The report is issued by Klimata un enerģētikas ministrija (KEM, `issuing_ministry` in the config), established on 2023-01-01, after the meeting on 2021-02-19: its report names a ministry that did not exist yet.'],
  ]);
  expect(await problems('2023-01-01')).toEqual([]);
});

test('a message names a renamed ministry as on the meeting’s day: VARAM required by a 2025 meeting is the Viedās administrācijas … ministrija', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^date: .*$/m, 'date: 2025-03-05').replace(/^required_clearances: .*$/m, 'required_clearances: [AM, LM, VARAM]');
  const result = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
  expect(result.diagnostics.filter((d) => d.ruleId === 'meeting/clearance-never-requested').map((d) => d.message)).toEqual([
    'The meeting requires clearance by Viedās administrācijas un reģionālās attīstības ministrija (VARAM), but none of its positions records any clearance with it.',
  ]);
});

test('an issuing ministry the built-in registry lacks gets the nearest code, not "add it to ministries.yaml", which would replace every ministry with one', async () => {
  const config = exampleFile('briefing.config.yaml').replace(/^issuing_ministry: IZM$/m, 'issuing_ministry: IZN');
  const issuer = async (dir: string) =>
    (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'config/unknown-ministry').map((d) => `${d.message} ${d.hint ?? ''}`);
  const builtIn = exampleProject({ 'briefing.config.yaml': config });
  rmSync(join(builtIn, 'ministries.yaml'));
  const [problem] = await issuer(builtIn);
  expect(problem).toMatch(/^The issuing ministry `IZN` is not in the built-in ministries registry\. Did you mean `IZM`\? The built-in registry lists every ministry; use one of: AM, .*IZM.*\.$/);
  // A project's own registry is the project's to extend.
  const [own] = await issuer(exampleProject({ 'briefing.config.yaml': config }));
  expect(own).toMatch(/^The issuing ministry `IZN` is not in the ministries registry\. Add it to ministries\.yaml, or use one of: /);
});

test('a signature or visa that names a ministry by a name it did not have on the meeting’s day is a warning at the role; the name of the day is not', async () => {
  const signed = (date: string, role: string, visa = 'Valsts sekretāre') =>
    exampleFile(EXAMPLE_MEETING)
      .replace(/^date: .*$/m, `date: ${date}`)
      .replace('role: Izglītības un zinātnes ministre', `role: ${role}`)
      .replace('role: Valsts sekretāre', `role: ${visa}`);
  const problems = async (meeting: string) =>
    (await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false })).diagnostics
      .filter((d) => d.ruleId === 'meeting/signature-ministry-name')
      .map((d) => [d.line, d.severity, d.message]);
  const roleLine = (meeting: string, role: string) => meeting.split('\n').findIndex((text) => text.includes(`role: ${role}`)) + 1;
  // VARAM's name until 2022, signing a 2023 report: the config's "who signs now" not yet updated.
  const old = signed('2023-01-02', 'Vides aizsardzības un reģionālās attīstības ministrs');
  expect(await problems(old)).toEqual([
    [
      roleLine(old, 'Vides'),
      'warning',
      '`signature.role` names Vides aizsardzības un reģionālās attīstības ministrija (VARAM), a name it had until 2022-12-31: on the meeting’s day, 2023-01-02, it is Viedās administrācijas un reģionālās attīstības ministrija.',
    ],
  ]);
  // The new name before the renaming, in the visa line's genitive.
  const early = signed('2022-12-30', 'Izglītības un zinātnes ministre', 'Viedās administrācijas un reģionālās attīstības ministrijas valsts sekretārs');
  expect(await problems(early)).toEqual([
    [
      roleLine(early, 'Viedās'),
      'warning',
      '`visa.role` names Viedās administrācijas un reģionālās attīstības ministrija (VARAM), a name it has from 2023-01-01: on the meeting’s day, 2022-12-30, it is Vides aizsardzības un reģionālās attīstības ministrija.',
    ],
  ]);
  // A ministry not yet established.
  const kem = signed('2022-12-31', 'Klimata un enerģētikas ministrs');
  expect(await problems(kem)).toEqual([
    [roleLine(kem, 'Klimata'), 'warning', '`signature.role` names Klimata un enerģētikas ministrija (KEM), established on 2023-01-01, after the meeting’s day, 2022-12-31.'],
  ]);
  // The names of the day.
  expect(await problems(signed('2023-01-01', 'Viedās administrācijas un reģionālās attīstības ministrs'))).toEqual([]);
  expect(await problems(signed('2022-12-31', 'Vides aizsardzības un reģionālās attīstības ministrs'))).toEqual([]);
  expect(await problems(signed('2023-01-01', 'Klimata un enerģētikas ministrs'))).toEqual([]);
  expect(await problems(exampleFile(EXAMPLE_MEETING))).toEqual([]);
});

test('a clearance dated before its ministry was established is a warning at its date: KEM answering on 2022-12-20, before its first day', async () => {
  const file = 'positions/educ/equity-reforms.yaml';
  const withKem = (date: string) => exampleFile(file).replace(/^clearance:\n/m, `clearance:\n  KEM:\n    status: cleared\n    date: ${date}\n`);
  const problems = async (date: string) => {
    const text = withKem(date);
    const line = text.split('\n').indexOf(`    date: ${date}`) + 1;
    return (await check({ cwd: exampleProject({ [file]: text }), paths: [file], final: false })).diagnostics
      .filter((d) => d.ruleId === 'clearance/before-established')
      .map((d) => [d.file, d.line === line, d.severity, d.message, d.hint]);
  };
  expect(await problems('2022-12-20')).toEqual([
    [
      file,
      true,
      'warning',
      'The clearance by KEM is dated 2022-12-20, before Klimata un enerģētikas ministrija was established, on 2023-01-01.',
      'Check the date; an answer given before then came from another ministry: record it under that ministry’s code.',
    ],
  ]);
  expect(await problems('2023-01-01')).toEqual([]);
});
