import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli, tempDir } from '../helpers/project.js';
import { reviewedExample } from '../helpers/word-edit.js';

const POSITION = 'positions/educ/equity-reforms.yaml';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };

/** Lines that end in LF alone, in a file whose lines should all end in CRLF. */
const bareLineFeeds = (text: string) => text.split('\n').slice(0, -1).filter((line) => !line.endsWith('\r')).length;

it('review --accept in a checkout with CRLF line ends (core.autocrlf=true, as on Windows) writes the accepted text and the new version with CRLF too, not a file of mixed ends', () => {
  const origin = exampleProject();
  initRepository(origin);
  const dir = join(tempDir(), 'windows');
  git(origin, ['clone', '-q', '-c', 'core.autocrlf=true', origin, dir]);
  expect(bareLineFeeds(readFileSync(join(dir, POSITION), 'utf8'))).toBe(0);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const docx = reviewedExample(dir, ANNA);
  const run = runCli(['review', docx, '--accept'], dir);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  for (const file of [POSITION, EXAMPLE_MEETING]) {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).toMatch(/vispirms|oficiālo/);
    expect(bareLineFeeds(text), file).toBe(0);
  }
  expect(readFileSync(join(dir, POSITION), 'utf8')).toContain('version: 3\r\n');
  // git sees the change alone, not every line of the file.
  expect(git(dir, ['diff', '--numstat', '--', POSITION]).trim()).toMatch(/^\d\s+\d\s/);
});

it('a DOCX built in a checkout with CRLF line ends is reviewed in one with LF (a colleague on Linux or a Mac, CI), and the other way: the files as committed are no change since the build', () => {
  const origin = exampleProject();
  initRepository(origin);
  for (const [builtWith, reviewedWith] of [
    ['true', 'false'],
    ['false', 'true'],
  ] as const) {
    const built = join(tempDir(), 'built');
    git(origin, ['clone', '-q', '-c', `core.autocrlf=${builtWith}`, origin, built]);
    const reviewed = join(tempDir(), 'reviewed');
    git(origin, ['clone', '-q', '-c', `core.autocrlf=${reviewedWith}`, origin, reviewed]);
    expect(runCli(['build', EXAMPLE_MEETING], built).status).toBe(0);
    const run = runCli(['review', reviewedExample(built, ANNA), '--accept'], reviewed);
    expect(run.stdout).not.toContain('changed after the DOCX was built');
    expect(run.status, run.stdout).toBe(0);
    expect(readFileSync(join(reviewed, POSITION), 'utf8')).toContain('vispirms');
  }
});
