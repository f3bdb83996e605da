import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli } from '../helpers/project.js';

const REFORMS = 'positions/educ/equity-reforms.yaml';
const AFTER = '2021-12-01';
const BEFORE = '2021-02-10';

/**
 * The example as a ministry's repository has it months after the meeting (no git): equity-reforms was cleared, as `clear`
 * records it, for its version 2, and has since been raised to version 3 for a later meeting. `lm` changes LM's answer.
 */
function revisedSince(lm?: (text: string) => string): string {
  let text = exampleFile(REFORMS)
    .replace(/^( {4}status: cleared\n)/gm, '$1    version: 2\n')
    .replace(/^version: 2$/m, 'version: 3');
  if (lm) text = lm(text);
  return exampleProject({ [REFORMS]: text });
}

const rules = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.ruleId === 'clearance/missing' || d.ruleId === 'meeting/past-draft').map((d) => [d.ruleId, d.file, d.line]);

const MOVED_ON =
  '`equity-reforms` changed since its clearances (they are of an earlier version or text): if the report was final for the meeting, the position has moved on since, and building the meeting again prints it as now, not as then; otherwise check the date, or finish the clearances.';

describe('a meeting that is over whose report was final for it, its positions revised since (archived)', () => {
  test('is neither a draft nor asked to be cleared again in a check of the whole project, and is counted', async () => {
    const dir = revisedSince();
    const result = await check({ cwd: dir, paths: [], final: false, today: AFTER });
    expect(rules(result.diagnostics)).toEqual([]);
    expect(result.archived).toEqual([EXAMPLE_MEETING]);
    expect(result.exitCode).toBe(0);
    // The project's folder named is the whole project too.
    const dot = await check({ cwd: dir, paths: ['.'], final: false, today: AFTER });
    expect([rules(dot.diagnostics), dot.archived]).toEqual([[], [EXAMPLE_MEETING]]);
    // While the meeting is still to come, the clearances of version 2 are what the report lacks.
    const before = await check({ cwd: dir, paths: [], final: false, today: BEFORE });
    expect(rules(before.diagnostics)).toEqual([
      ['clearance/missing', REFORMS, 52],
      ['clearance/missing', REFORMS, 57],
    ]);
    expect(before.archived).toEqual([]);
  });

  test('named, is said once to be a draft whose positions moved on, and no clearance is asked for', async () => {
    const dir = revisedSince();
    const result = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false, today: AFTER });
    expect(result.diagnostics.filter((d) => d.ruleId === 'meeting/past-draft').map((d) => [d.file, d.line, d.message, d.hint])).toEqual([
      [EXAMPLE_MEETING, 11, 'The meeting date 2021-02-19 is in the past, but its report is still a draft.', MOVED_ON],
    ]);
    expect(rules(result.diagnostics)).toEqual([['meeting/past-draft', EXAMPLE_MEETING, 11]]);
    expect(result.archived).toEqual([]);
  });

  test('is not one whose clearance is pending: that past draft is warned about as before', async () => {
    const dir = revisedSince((text) => text.replace(/(  LM:\n    status: )cleared/, '$1pending'));
    const result = await check({ cwd: dir, paths: [], final: false, today: AFTER });
    expect(rules(result.diagnostics)).toEqual([
      ['meeting/past-draft', EXAMPLE_MEETING, 11],
      ['clearance/missing', REFORMS, 52],
      ['clearance/missing', REFORMS, 56],
    ]);
    expect(result.diagnostics.find((d) => d.ruleId === 'clearance/missing' && d.line === 56)?.message).toBe(
      `The position \`equity-reforms\` is not cleared by Labklājības ministrija (LM): the clearance is pending; ${EXAMPLE_MEETING} requires it.`,
    );
    expect(result.archived).toEqual([]);
  });

  test('is not one while a position it includes cannot be read: whether that one was cleared cannot be told', async () => {
    const achievements = 'positions/educ/equity-achievements.yaml';
    const dir = revisedSince();
    writeFileSync(join(dir, achievements), exampleFile(achievements).replace(/^version: 3$/m, 'version: [3'));
    const result = await check({ cwd: dir, paths: [], final: false, today: AFTER });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.ruleId, d.file, d.line])).toEqual([['yaml/syntax', achievements, 8]]);
    expect(rules(result.diagnostics)).toEqual([
      ['clearance/missing', REFORMS, 52],
      ['clearance/missing', REFORMS, 57],
    ]);
    expect(result.archived).toEqual([]);
  });

  test('is one still when the meeting also requires a ministry never asked, or one the project does not know: only those errors are said', async () => {
    const meeting = (codes: string) => exampleFile(EXAMPLE_MEETING).replace('required_clearances: [AM, LM]', `required_clearances: [${codes}]`);
    const neverAsked = revisedSince();
    writeFileSync(join(neverAsked, EXAMPLE_MEETING), meeting('AM, LM, EM'));
    const asked = await check({ cwd: neverAsked, paths: [], final: false, today: AFTER });
    expect(asked.diagnostics.map((d) => [d.ruleId, d.file, d.line])).toEqual([['meeting/clearance-never-requested', EXAMPLE_MEETING, 97]]);
    expect(asked.archived).toEqual([EXAMPLE_MEETING]);
    const unknown = revisedSince();
    writeFileSync(join(unknown, EXAMPLE_MEETING), meeting('AM, LM, XX'));
    const known = await check({ cwd: unknown, paths: [], final: false, today: AFTER });
    expect(known.diagnostics.map((d) => [d.ruleId, d.file, d.line])).toEqual([['meeting/unknown-ministry', EXAMPLE_MEETING, 97]]);
    expect(known.archived).toEqual([EXAMPLE_MEETING]);
    // Though a position records an answer of that unknown ministry, pending: the answer is an error of its own, not what the report waits for.
    writeFileSync(join(unknown, REFORMS), readFileSync(join(unknown, REFORMS), 'utf8').replace(/^clearance:\n/m, 'clearance:\n  XX:\n    status: pending\n'));
    const recorded = await check({ cwd: unknown, paths: [], final: false, today: AFTER });
    expect(recorded.diagnostics.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['meeting/unknown-ministry', EXAMPLE_MEETING, 97],
      ['position/unknown-ministry', REFORMS, 50],
    ]);
    expect(recorded.archived).toEqual([EXAMPLE_MEETING]);
  });

  test('with --final, the report must rest on today’s clearances: the errors and the warning stay', async () => {
    const dir = revisedSince();
    const result = await check({ cwd: dir, paths: [], final: true, today: AFTER });
    expect(result.diagnostics.filter((d) => d.ruleId === 'clearance/missing' || d.ruleId === 'meeting/past-draft').map((d) => [d.ruleId, d.severity, d.line])).toEqual([
      ['meeting/past-draft', 'warning', 11],
      ['clearance/missing', 'error', 52],
      ['clearance/missing', 'error', 57],
    ]);
    expect(result.diagnostics.find((d) => d.line === 52)?.hint).toBe('Ask AM to clear version 3 and record it with `briefing clear equity-reforms --ministry AM --date <the day>`, or check without --final.');
    expect(result.archived).toEqual([]);
    expect(result.exitCode).toBe(1);
  });

  test('is not said to be a draft by build --all, built or unchanged, but is by a build that names it', async () => {
    const dir = revisedSince();
    const all = () => build({ cwd: dir, inputs: [], all: true, final: false, formats: ['md'], today: AFTER });
    const first = await all();
    expect(first.meetings.map((m) => [m.meeting, m.status])).toEqual([[EXAMPLE_MEETING, 'built']]);
    expect(rules(first.diagnostics)).toEqual([]);
    const named = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'], today: AFTER });
    expect(named.meetings.map((m) => m.status)).toEqual(['unchanged']);
    expect(named.diagnostics.filter((d) => d.ruleId === 'meeting/past-draft').map((d) => d.hint)).toEqual([MOVED_ON]);
    expect(rules(named.diagnostics)).toEqual([['meeting/past-draft', EXAMPLE_MEETING, 11]]);
    const again = await all();
    expect(again.meetings.map((m) => m.status)).toEqual(['unchanged']);
    expect(rules(again.diagnostics)).toEqual([]);
  });
});

describe('check of the whole project, from the command line', () => {
  test('says how many archived meetings it did not call drafts, under the counts (BRIEFING_TODAY as today)', () => {
    const dir = revisedSince();
    const coming = runCli(['check'], dir, { BRIEFING_TODAY: BEFORE });
    expect(coming.status).toBe(0);
    expect(coming.stdout).toContain(`${REFORMS}:57:14  warning  The position \`equity-reforms\` is not cleared by Labklājības ministrija (LM): the clearance is of version 2, and the position is now version 3; ${EXAMPLE_MEETING} requires it.`);
    expect(coming.stdout).not.toContain('final for its day');
    const over = runCli(['check'], dir, { BRIEFING_TODAY: AFTER });
    expect(over).toMatchObject({ status: 0, stderr: '' });
    expect(over.stdout).toBe(
      'Checked 1 meeting, 3 positions: no problems.\n1 meeting that is over was final for its day, its positions revised since: not called a draft, nor its clearances asked for again (check it by name to see which positions moved on).\n',
    );
  });
});

test('list meetings --uncleared leaves out an archived meeting, which waits for nothing; before the meeting, and with a clearance pending, it keeps it', () => {
  const uncleared = (dir: string, today: string) => {
    const run = runCli(['list', 'meetings', '--uncleared', '--json'], dir, { BRIEFING_TODAY: today });
    expect(run.status, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as { file: string; cleared: number }[]).map((row) => [row.file, row.cleared]);
  };
  const dir = revisedSince();
  expect(uncleared(dir, AFTER)).toEqual([]);
  expect(uncleared(dir, BEFORE)).toEqual([[EXAMPLE_MEETING, 2]]);
  const pending = revisedSince((text) => text.replace(/(  LM:\n    status: )cleared/, '$1pending'));
  expect(uncleared(pending, AFTER)).toEqual([[EXAMPLE_MEETING, 2]]);
});

test('a meeting that is over with a question whose position does not exist is not archived: its report was never final as it stands', async () => {
  const dir = revisedSince();
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^questions:\n/m, 'questions:\n  - text: Kas notika ar šo?\n    position: equity-gone\n');
  writeFileSync(join(dir, EXAMPLE_MEETING), meeting);
  const result = await check({ cwd: dir, paths: [], final: false, today: AFTER });
  expect(result.archived).toEqual([]);
  expect(result.diagnostics.filter((d) => d.ruleId === 'meeting/past-draft' || d.ruleId === 'meeting/unknown-position').map((d) => d.ruleId)).toEqual(['meeting/past-draft', 'meeting/unknown-position']);
  const listed = runCli(['list', 'meetings', '--uncleared', '--json'], dir, { BRIEFING_TODAY: AFTER });
  expect(listed.status).toBe(1);
  expect((JSON.parse(listed.stdout) as { file: string }[]).map((row) => row.file)).toEqual([EXAMPLE_MEETING]);
});
