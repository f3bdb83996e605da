import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { clear } from '../src/commands/clear.js';
import { answerFingerprint } from '../src/model/index.js';
import { exampleProject } from './helpers/project.js';

const FILE = 'positions/educ/teachers-wellbeing.yaml';
const BEFORE = readFileSync(join(import.meta.dirname, 'fixtures/clear/before.yaml'), 'utf8');
/** The fingerprint of the fixture's answer, which clear records with the clearance. */
const ANSWER = answerFingerprint(parse(BEFORE) as { body?: unknown; body_en?: unknown });

function clearIn(text: string, ministry: string) {
  const dir = exampleProject({ [FILE]: text });
  const result = clear({ cwd: dir, position: FILE, ministry, date: '2021-03-10', status: 'cleared' });
  return { result, text: readFileSync(join(dir, FILE), 'utf8') };
}

describe('clear through YAML anchors and aliases: refused, nothing written', () => {
  const shared = BEFORE.replace(/ {2}AM:\n {4}status: pending # reminder sent on 8 March\n/, '  AM: &asked {status: pending}\n  VM: *asked\n');

  test('clearing the anchored entry would clear the alias too', () => {
    const { result, text } = clearIn(shared, 'AM');
    expect(result.exitCode).toBe(1);
    expect(result.written).toBe(false);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['clearance/shared-value', 25, '`clearance.AM` carries the anchor &asked, which an alias repeats elsewhere: recording a clearance here would change that place too. Nothing written.'],
    ]);
    expect(text).toBe(shared);
  });

  test('clearing the alias is refused with the same kind of message, not an internal error', () => {
    const { result, text } = clearIn(shared, 'VM');
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['clearance/shared-value', 26]]);
    expect(result.diagnostics[0]?.message).toContain('`clearance.VM` is the alias *asked');
    expect(text).toBe(shared);
  });
});

describe('clear changes only the lines it must', () => {
  test('a CRLF file stays CRLF on every line, the new ones too', () => {
    const crlf = BEFORE.replaceAll('\n', '\r\n');
    const { result, text } = clearIn(crlf, 'AM');
    expect(result.written).toBe(true);
    const expected = BEFORE.replace('    status: pending # reminder sent on 8 March\n', `    status: cleared # reminder sent on 8 March\n    date: 2021-03-10\n    version: 2\n    answer: ${ANSWER}\n`).replaceAll('\n', '\r\n');
    expect(text).toBe(expected);
  });

  test('a flow-style clearance entry is edited alone; folded text elsewhere stays folded', () => {
    const flow = BEFORE.replace(/ {2}AM:\n {4}status: pending # reminder sent on 8 March\n/, '  AM: { status: pending }\n');
    const { result, text } = clearIn(flow, 'AM');
    expect(result.written).toBe(true);
    expect(text).toBe(flow.replace('  AM: { status: pending }\n', `  AM: { status: cleared, date: 2021-03-10, version: 2, answer: ${ANSWER} }\n`));
    expect(parse(text).clearance.AM).toEqual({ status: 'cleared', date: '2021-03-10', version: 2, answer: ANSWER });
  });

  test('a comment after a flow-style entry stays once, however often the entry is edited', () => {
    const flow = BEFORE.replace(/ {2}AM:\n {4}status: pending # reminder sent on 8 March\n/, '  AM: { status: pending }  # asked 01.03.\n');
    const once = clearIn(flow, 'AM');
    expect(once.text).toBe(flow.replace('  AM: { status: pending }  # asked 01.03.\n', `  AM: { status: cleared, date: 2021-03-10, version: 2, answer: ${ANSWER} }  # asked 01.03.\n`));
    const again = clearIn(once.text.replace('status: cleared', 'status: pending'), 'AM');
    expect(again.text.match(/# asked 01\.03\./g)).toHaveLength(1);
    const crlf = clearIn(flow.replaceAll('\n', '\r\n'), 'AM');
    expect(crlf.text).toBe(once.text.replaceAll('\n', '\r\n'));
  });
});

test('a clearance written wholly in flow style is edited in flow style; nothing else moves', () => {
  const flow = BEFORE.replace(/\nclearance:\n[\s\S]*?\n\n/, '\nclearance: {AM: {status: pending}, LM: {status: cleared, date: 2021-03-04}}\n\n');
  expect(flow).toContain('clearance: {AM:');
  const { result, text } = clearIn(flow, 'AM');
  expect(result.written).toBe(true);
  expect(text).toBe(flow.replace('{AM: {status: pending},', `{AM: {status: cleared, date: 2021-03-10, version: 2, answer: ${ANSWER}},`));
});

describe('clear --date', () => {
  test('a day that does not exist is called that, not a badly written date', () => {
    const dir = exampleProject({ [FILE]: BEFORE });
    expect(() => clear({ cwd: dir, position: FILE, ministry: 'AM', date: '2021-02-30', status: 'cleared' })).toThrow('--date: `2021-02-30` is no such day.');
    expect(() => clear({ cwd: dir, position: FILE, ministry: 'AM', date: '30.02.2021', status: 'cleared' })).toThrow('--date: `30.02.2021` is no such day.');
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(BEFORE);
  });
});
