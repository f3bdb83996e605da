import { describe, expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli, writeFile } from '../helpers/project.js';

const TEMPLATE = 'templates/short-note.lv.md.hbs';
const UNSIGNED = (text: string) => text.replace(/^signature:\n(?: {2}.*\n)+/m, '');

/** The example meeting again on another day of May 2021 (its own file and file code), changed by `change`. */
function addMeeting(dir: string, day: number, change: (text: string) => string = (text) => text): void {
  const dd = String(day).padStart(2, '0');
  const text = exampleFile(EXAMPLE_MEETING)
    .replace('file_code: IZMzin_190221_EDUC', `file_code: IZMzin_${dd}0521_EDUC`)
    .replace(/^date: .*$/m, `date: 2021-05-${dd}`);
  writeFile(dir, `meetings/2021-05-${dd}-educ-council.yaml`, change(text));
}

describe('a project template no meeting of the check uses', () => {
  it('is tried with the three newest meetings: its error is said when all three fail it, not when the third renders it', () => {
    // The example meeting (February) is signed; the newer ones are not.
    const dir = exampleProject({ [TEMPLATE]: '{{!-- Short. --}}\n{{meeting.signature.role}}\n' });
    addMeeting(dir, 18, UNSIGNED);
    addMeeting(dir, 19, UNSIGNED);
    const third = runCli(['check'], dir);
    expect(third.stdout).not.toContain('short-note');
    expect(third.status).toBe(0);
    addMeeting(dir, 20, UNSIGNED);
    const fourth = runCli(['check'], dir);
    expect(fourth.stdout).toContain(`${TEMPLATE}:2:3  error  \`meeting.signature.role\`: this meeting has no \`meeting.signature\``);
    expect(fourth.stdout).toContain('meetings/2021-05-20-educ-council.yaml');
    expect(fourth.status).toBe(1);
  });

  it('has its warnings said as the newest meeting that renders it gives them, not an older one', () => {
    const dir = exampleProject({ [TEMPLATE]: '{{!-- Short. --}}\n# {{meeting.name.locative}}\n\nPlkst. {{meeting.time}}\n' });
    const untimed = (text: string) => text.replace(/^time: .*\n/m, '');
    writeFile(dir, EXAMPLE_MEETING, untimed(exampleFile(EXAMPLE_MEETING)));
    addMeeting(dir, 18, untimed);
    const lines = runCli(['check'], dir).stdout.split('\n').filter((line) => line.includes('template/empty-value') || line.includes('short-note'));
    expect(lines.join('\n')).toContain('meetings/2021-05-18-educ-council.yaml');
    expect(lines.join('\n')).not.toContain(EXAMPLE_MEETING);
  });
});
