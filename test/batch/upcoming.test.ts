import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli } from '../helpers/project.js';

const MARCH = 'meetings/2021-03-01-educ.yaml';
const BROKEN = 'meetings/2021-01-10-broken.yaml';

/** The example (19 February 2021) and a copy of it held over 1–2 March 2021. */
function twoMeetings(files: Record<string, string> = {}): string {
  const march = exampleFile(EXAMPLE_MEETING)
    .replace(/^date: .*$/m, 'date: 2021-03-01\nend_date: 2021-03-02')
    .replace(/^file_code: .*$/m, 'file_code: IZMzin_010321_EDUC');
  return exampleProject({ [MARCH]: march, ...files });
}

const statuses = (result: Awaited<ReturnType<typeof build>>) => result.meetings.map((m) => [m.meeting, m.status]);

describe('build --upcoming', () => {
  it('leaves out the meetings whose last day is before today, names them, and keeps their reports and cache entries', async () => {
    const dir = twoMeetings();
    const all = await build({ cwd: dir, inputs: [], all: true, final: false, formats: ['md'], today: '2021-03-02' });
    expect(statuses(all)).toEqual([
      [EXAMPLE_MEETING, 'built'],
      [MARCH, 'built'],
    ]);
    expect(all.over).toEqual([]);
    const example = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    // On the last day of a meeting held over two days it is still to come.
    const onLastDay = await build({ cwd: dir, inputs: [], all: true, final: false, formats: ['md'], today: '2021-03-02', upcoming: true });
    expect([statuses(onLastDay), onLastDay.over]).toEqual([[[MARCH, 'unchanged']], [EXAMPLE_MEETING]]);
    const after = await build({ cwd: dir, inputs: [], all: true, final: false, formats: ['md'], today: '2021-03-03', upcoming: true });
    expect([statuses(after), after.over, after.deletedMeetings]).toEqual([[], [EXAMPLE_MEETING, MARCH], []]);
    // What was left out is neither removed nor forgotten by the cache: a whole build as on the first day finds both unchanged.
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toBe(example);
    const again = await build({ cwd: dir, inputs: [], all: true, final: false, formats: ['md'], today: '2021-03-02' });
    expect(statuses(again)).toEqual([
      [EXAMPLE_MEETING, 'unchanged'],
      [MARCH, 'unchanged'],
    ]);
  });

  it('keeps a meeting file that cannot be read as a meeting, so its errors are said; a named meeting that is over is left out too', async () => {
    const dir = twoMeetings({ [BROKEN]: 'date: [\n' });
    const result = await build({ cwd: dir, inputs: [], all: true, final: false, formats: ['md'], today: '2021-02-25', upcoming: true });
    expect(statuses(result)).toEqual([
      [BROKEN, 'failed'],
      [MARCH, 'built'],
    ]);
    expect(result.over).toEqual([EXAMPLE_MEETING]);
    const named = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'], today: '2021-02-25', upcoming: true });
    expect([statuses(named), named.over, existsSync(join(dir, 'out/IZMzin_190221_EDUC.md'))]).toEqual([[], [EXAMPLE_MEETING], false]);
  });

  it('is refused without today: no meeting is built, none left out unsaid', async () => {
    const dir = twoMeetings();
    await expect(build({ cwd: dir, inputs: [], all: true, final: false, formats: ['md'], upcoming: true })).rejects.toThrow('Leaving out the meetings that are over needs today’s date.');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('says in the summary and the JSON report how many it left out, and does not watch', () => {
    const dir = twoMeetings();
    const text = runCli(['build', '--all', '--upcoming', '--format', 'md'], dir, { BRIEFING_TODAY: '2021-02-25' });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toBe(`built  ${MARCH} → out/IZMzin_010321_EDUC.md, out/IZMzin_010321_EDUC.manifest.json\n`);
    expect(text.stderr).toContain('1 meeting: 1 built, 0 unchanged, 0 failed; 1 meeting that is over left out (--upcoming); no problems.');
    const none = runCli(['build', '--all', '--upcoming', '--format', 'md'], dir, { BRIEFING_TODAY: '2021-12-01' });
    expect([none.status, none.stdout]).toEqual([0, '']);
    expect(none.stderr).toContain('Nothing built; 2 meetings that are over left out (--upcoming); no problems.');
    const json = runCli(['build', '--all', '--upcoming', '--format', 'md', '--json'], dir, { BRIEFING_TODAY: '2021-02-25' });
    expect(JSON.parse(json.stdout)).toMatchObject({ summary: { built: 0, unchanged: 1, failed: 0 }, over: [EXAMPLE_MEETING] });
    const watch = runCli(['build', MARCH, '--watch', '--upcoming'], dir);
    expect([watch.status, watch.stderr]).toEqual([2, 'briefing: --watch cannot be combined with --upcoming.\n  Watch one meeting file, or build without --watch.\n']);
  });
});
