import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { commitAll, initRepository } from '../helpers/git.js';
import { exampleFile, exampleProject, writeFile } from '../helpers/project.js';

const REFORMS = 'positions/educ/equity-reforms.yaml';
const MEETING = 'meetings/2021-02-19-educ-informal.yaml';

/** The example as sent in February (equity-reforms cleared, as `clear` records it, for its version 2), committed. */
function february(): string {
  const dir = exampleProject({ [REFORMS]: exampleFile(REFORMS).replace(/^( {4}status: cleared\n)/gm, '$1    version: 2\n') });
  initRepository(dir, { author: 'Referente', date: '2021-02-17T10:00:00Z' });
  return dir;
}

async function pastDraftHint(dir: string, paths: readonly string[] = []): Promise<(string | undefined)[]> {
  const result = await check({ cwd: dir, paths, final: false, today: '2021-12-01' });
  return result.diagnostics.filter((d) => d.ruleId === 'meeting/past-draft').map((d) => d.hint);
}

describe('a past meeting whose report is a draft now', () => {
  test('says so of a position revised since its clearances, rather than only to finish them (the meeting named: a check of the whole project says nothing)', async () => {
    const dir = february();
    const text = readFileSync(join(dir, REFORMS), 'utf8').replace(/^version: 2$/m, 'version: 3').replace(/^body: \|\n/m, 'body: |\n  Maijā jauna pieeja.\n\n');
    writeFile(dir, REFORMS, text);
    commitAll(dir, 'equity-reforms for May', { author: 'Referente', date: '2021-04-20T10:00:00Z' });
    expect(await pastDraftHint(dir)).toEqual([]);
    expect(await pastDraftHint(dir, [MEETING])).toEqual([
      '`equity-reforms` changed since its clearances (they are of an earlier version or text): if the report was final for the meeting, the position has moved on since, and building the meeting again prints it as now, not as then; otherwise check the date, or finish the clearances.',
    ]);
  });

  test('keeps the plain hint when a clearance is only missing', async () => {
    const dir = february();
    writeFile(dir, REFORMS, readFileSync(join(dir, REFORMS), 'utf8').replace(/(  LM:\n    status: )cleared/, '$1pending'));
    expect(await pastDraftHint(dir)).toEqual(['Check the date, or finish the clearances.']);
  });

  test('is not said on the meeting day; of a meeting of two days, from the day after its last, at end_date', async () => {
    const dir = february();
    writeFile(dir, REFORMS, readFileSync(join(dir, REFORMS), 'utf8').replace(/(  LM:\n    status: )cleared/, '$1pending'));
    const pastDraft = async (today: string) => (await check({ cwd: dir, paths: [], final: false, today })).diagnostics.filter((d) => d.ruleId === 'meeting/past-draft').map((d) => [d.line, d.message]);
    expect(await pastDraft('2021-02-19')).toEqual([]);
    expect(await pastDraft('2021-02-20')).toEqual([[11, 'The meeting date 2021-02-19 is in the past, but its report is still a draft.']]);
    writeFile(dir, MEETING, readFileSync(join(dir, MEETING), 'utf8').replace(/^date: 2021-02-19\n/m, '$&end_date: 2021-02-20\n'));
    expect(await pastDraft('2021-02-20')).toEqual([]);
    expect(await pastDraft('2021-02-21')).toEqual([[12, 'The meeting ended on 2021-02-20, but its report is still a draft.']]);
  });
});

