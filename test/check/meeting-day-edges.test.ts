import { expect, test } from 'vitest';
import { baseProject, baseText } from '../helpers/corpus.js';
import { runCli } from '../helpers/project.js';

const MEETING = 'meetings/2021-05-17-youth.yaml';

/** The base project's meeting (held 2021-05-17, its clearances dated 10–12 May) with `change` applied to its text. */
function withMeeting(change: (text: string) => string): string {
  return baseProject({ [MEETING]: change(baseText(MEETING)) });
}

test('a report dated on the meeting’s own day, its last clearance before it, is dated right: no meeting/document-date', () => {
  const dir = withMeeting((text) => text.replace(/^date: 2021-05-17$/m, 'date: 2021-05-17\ndocument_date: 2021-05-17'));
  const run = runCli(['check'], dir);
  expect(run.stdout).toBe('Checked 1 meeting, 2 positions, 1 template, 1 partial: no problems.\n');
  expect(run.status).toBe(0);
  // A day later is after the meeting.
  const after = runCli(['check'], withMeeting((text) => text.replace(/^date: 2021-05-17$/m, 'date: 2021-05-17\ndocument_date: 2021-05-18')));
  expect(after.stdout).toContain('`document_date` 2021-05-18 is after the meeting\'s `date` 2021-05-17');
});

test('a report dated 366 days before its meeting is within the year (only its clearances are later); 367 days is more than a year', () => {
  const dated = (day: string) => runCli(['check'], withMeeting((text) => text.replace(/^date: 2021-05-17$/m, `date: 2021-05-17\ndocument_date: ${day}`))).stdout;
  const within = dated('2020-05-16');
  expect(within).toContain('`document_date` 2020-05-16 is before the clearance of');
  expect(within).not.toContain('more than a year');
  expect(dated('2020-05-15')).toContain('`document_date` 2020-05-15 is more than a year before the meeting\'s `date` 2021-05-17.');
});

test('a meeting in person with no `place`, whose template prints none: nothing to say of the place, and it builds', () => {
  const dir = withMeeting((text) => text.replace(/^mode: videoconference$/m, 'mode: in-person'));
  const run = runCli(['check'], dir);
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('Checked 1 meeting, 2 positions, 1 template, 1 partial: no problems.\n');
  expect(run.status).toBe(0);
  const built = runCli(['build', '--all'], dir);
  expect(built.stdout).toBe('built  meetings/2021-05-17-youth.yaml → out/IZMzin_170521_EYCS.md, out/IZMzin_170521_EYCS.docx, out/IZMzin_170521_EYCS.manifest.json\n');
  expect(built.stderr).toBe('1 meeting: 1 built, 0 unchanged, 0 failed; no problems.\n');
  expect(built.status).toBe(0);
});
