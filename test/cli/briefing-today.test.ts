import { describe, expect, test } from 'vitest';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli } from '../helpers/project.js';

const REFORMS = 'positions/educ/equity-reforms.yaml';

/** The example with LM's answer on equity-reforms still pending: a draft, which is warned about once its meeting (2021-02-19) is over. */
function pendingDraft(): string {
  return exampleProject({ [REFORMS]: exampleFile(REFORMS).replace(/(  LM:\n    status: )cleared/, '$1pending') });
}

const pastDraft = (stdout: string) => stdout.split('\n').filter((line) => line.endsWith('meeting/past-draft'));

describe('BRIEFING_TODAY', () => {
  test('is the day the CLI takes for today, in place of the clock’s', () => {
    const dir = pendingDraft();
    expect(pastDraft(runCli(['check'], dir, { BRIEFING_TODAY: '2021-02-19' }).stdout)).toEqual([]);
    const over = runCli(['check'], dir, { BRIEFING_TODAY: '2021-02-20' });
    expect(over.status).toBe(0);
    expect(pastDraft(over.stdout)).toEqual([`${EXAMPLE_MEETING}:11:7  warning  The meeting date 2021-02-19 is in the past, but its report is still a draft. Check the date, or finish the clearances.  meeting/past-draft`]);
    // Set empty, it is not set: the clock's day, years after the meeting.
    expect(pastDraft(runCli(['check'], dir, { BRIEFING_TODAY: '' }).stdout)).toEqual(pastDraft(over.stdout));
  });

  test('that is no day is refused with one line naming it and the form wanted, exit 2', () => {
    const dir = pendingDraft();
    const cases: [string, string][] = [
      ['19.02.2021', ''],
      ['yesterday', ''],
      ['2021-02-30', ', a day no calendar has'],
    ];
    for (const [value, why] of cases) {
      const run = runCli(['check'], dir, { BRIEFING_TODAY: value });
      expect(run).toMatchObject({ status: 2, stdout: '' });
      expect(run.stderr).toBe(
        `briefing: BRIEFING_TODAY must be a day written YYYY-MM-DD, not \`${value}\`${why}.\n  Give the day as YYYY-MM-DD, e.g. BRIEFING_TODAY=2021-02-10, or unset it to take the day from the clock.\n`,
      );
    }
  });
});
