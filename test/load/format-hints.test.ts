import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { baseProject, baseText as base } from '../helpers/corpus.js';

const MEETING = 'meetings/2021-05-17-youth.yaml';
const POSITION = 'positions/youth/youth-participation.yaml';

/** The errors `check` gives for one file of the base project written so. */
async function errors(path: string, text: string) {
  const found = (await check({ cwd: baseProject({ [path]: text }), paths: [path], final: false })).diagnostics;
  return found.filter((d) => d.ruleId === 'schema/format' || d.ruleId === 'schema/key-format').map((d) => [d.ruleId, d.hint]);
}

// A file code with a stray sign, an id with the comma of a list, a clearance under a code with a sign or a
// ligature in it: the message said what such a value is made of, and no hint said what to write.
test('a value or key its pattern refuses is given a hint: the value with the stray signs left out, when that is one', async () => {
  expect(await errors(MEETING, base(MEETING).replace('file_code: IZMzin_170521_EYCS', 'file_code: "IZMz>in_170521_EYCS"'))).toEqual([
    ['schema/format', 'Did you mean `IZMzin_170521_EYCS`?'],
  ]);
  expect(await errors(POSITION, base(POSITION).replace('id: youth-participation', 'id: youth-participation,'))).toEqual([
    ['schema/format', 'Did you mean `youth-participation`?'],
  ]);
  const codes = 'Write the ministry’s code as the registry has it: ASCII capitals, e.g. AM, LM or IZM (see ministries.yaml, or the registry built into briefing).';
  expect(await errors(POSITION, base(POSITION).replace('\n  AM:', '\n  A|M:').replace('\n  LM:', '\n  \uFB01LM:'))).toEqual([
    ['schema/key-format', 'Did you mean `AM`?'],
    ['schema/key-format', codes],
  ]);
});

test('a value with nothing to offer in its place is told how such a value is written', async () => {
  expect(await errors(MEETING, base(MEETING).replace('file_code: IZMzin_170521_EYCS', 'file_code: "—"'))).toEqual([
    ['schema/format', 'Write the file code with ASCII letters, digits, "_" and "-" only, e.g. IZMzin_190221_EDUC.'],
  ]);
  expect(await errors(MEETING, base(MEETING).replace(/^time: .*$/m, 'time: rītā'))).toEqual([['schema/format', 'Write the time as HH.MM, e.g. "10.00".']]);
});

// A Turkish keyboard's dotless ı has no dot to take off (Unicode gives it no decomposition), so it was left out
// with the signs: "ızm" was offered as `ZM`, and "youth-partıcipation" as `youth-partcipation`.
test('a dotless ı (a Turkish keyboard) is offered as i, not left out of the value', async () => {
  expect(await errors(MEETING, base(MEETING).replace('required_clearances: [AM, LM]', 'required_clearances: [AM, ızm]'))).toEqual([['schema/format', 'Did you mean `IZM`?']]);
  expect(await errors(MEETING, base(MEETING).replace('file_code: IZMzin_170521_EYCS', 'file_code: IZMzın_170521_EYCS'))).toEqual([
    ['schema/format', 'Did you mean `IZMzin_170521_EYCS`?'],
  ]);
  expect(await errors(POSITION, base(POSITION).replace('id: youth-participation', 'id: youth-partıcipation'))).toEqual([['schema/format', 'Did you mean `youth-participation`?']]);
});
