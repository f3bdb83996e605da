import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { exampleFile, exampleProject, REPO } from '../helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';

it('compares a version given through a pipe (a shell’s <(git show …), or /dev/stdin), which gives its text only once', () => {
  const dir = exampleProject();
  writeFileSync(join(dir, 'older.yaml'), exampleFile(POSITION).replace('plāno mērķtiecīgi', 'plāno'));
  const briefing = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'bin/briefing.js'))}`;
  const env = { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'off' };
  const stat = 'equity-reforms  v2  +1 −0 words, 1 paragraph';
  const fromFile = spawnSync('bash', ['-c', `${briefing} diff older.yaml ${POSITION} --stat`], { cwd: dir, env, encoding: 'utf8' });
  expect(fromFile).toMatchObject({ status: 1, stdout: expect.stringContaining(stat) });
  for (const older of ['<(cat older.yaml)', '/dev/stdin < older.yaml', '/dev/stdin <<< "$(cat older.yaml)"', '- < older.yaml']) {
    const [path, ...redirect] = older.split(' <');
    const piped = spawnSync('bash', ['-c', `${briefing} diff ${path} ${POSITION} --stat ${redirect.length ? `<${redirect.join(' <')}` : ''}`], { cwd: dir, env, encoding: 'utf8' });
    expect({ status: piped.status, stderr: piped.stderr }, older).toEqual({ status: 1, stderr: '' });
    expect(piped.stdout, older).toContain(stat);
  }
});

it('names a version outside the project where it is (/dev/fd/63, /tmp/…), not by a path climbing out of the project', () => {
  const dir = exampleProject();
  const briefing = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'bin/briefing.js'))}`;
  const env = { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'off' };
  const piped = spawnSync('bash', ['-c', `${briefing} diff /dev/stdin ${POSITION} --format md < ${POSITION}`], { cwd: dir, env, encoding: 'utf8' });
  expect(piped.stdout.split('\n').slice(0, 3)).toEqual([`# Changes in \`/dev/stdin → ${POSITION}\``, '', expect.stringMatching(new RegExp(`^From \`/dev/stdin\` \\(.*\\) to \`${POSITION}\``))]);
});

it('names a piped version where it is in the message that the two files are of other kinds too', () => {
  const dir = exampleProject();
  const briefing = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'bin/briefing.js'))}`;
  const env = { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'off' };
  const run = spawnSync('bash', ['-c', `${briefing} diff /dev/stdin meetings/2021-02-19-educ-informal.yaml < ${POSITION}`], { cwd: dir, env, encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('briefing: /dev/stdin is a position and meetings/2021-02-19-educ-informal.yaml a meeting');
});

it('says standard input is empty when nothing was piped to `-`, and names it where it is when its kind cannot be told', () => {
  const dir = exampleProject();
  const briefing = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(REPO, 'bin/briefing.js'))}`;
  const env = { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'off' };
  const said = (input: string) => spawnSync('bash', ['-c', `${briefing} diff - ${POSITION} < ${input}`], { cwd: dir, env, encoding: 'utf8' });
  expect(said('/dev/null')).toMatchObject({
    status: 2,
    stderr: 'briefing: /dev/stdin is empty: there is no version to compare.\n  Pipe the version in, e.g. `git show HEAD~1:positions/<folder>/<id>.yaml | briefing diff - positions/<folder>/<id>.yaml`.\n',
  });
  writeFileSync(join(dir, 'other.yaml'), 'a: 1\n');
  expect(said('other.yaml')).toMatchObject({
    status: 2,
    stderr: 'briefing: Cannot tell whether /dev/stdin is a meeting or a position.\n  A meeting has `date` and `questions`, a position `body`: pipe in the text of one of them.\n',
  });
});
