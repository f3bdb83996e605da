import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { commitAll, git, initRepository } from './helpers/git.js';
import { REPO, runCli, tempDir } from './helpers/project.js';

/**
 * `list`'s CHANGED is the day a position's text last changed: a move (`git mv`) of the project's
 * folder or of one position carries the text unchanged, so it is no change of the position.
 */
const FIXTURE = join(REPO, 'test/fixtures/check-base');
const ORGANISATIONS = 'positions/youth/youth-organisations.yaml';

/** The CHANGED column of each position row of `list`, by id. */
function changedDays(stdout: string): Record<string, string> {
  const rows = stdout.split('\n').filter((line) => /^youth-/.test(line));
  return Object.fromEntries(rows.map((line) => [line.split(/\s+/)[0] ?? '', line.trim().split(/\s+/).at(-1) ?? '']));
}

/** A repository with the check-base project in eu/briefings, committed on 2021-01-10. */
function movedLater(): string {
  const top = tempDir('briefing-list-renamed-');
  initRepository(top, { author: 'A', date: '2021-01-10T10:00:00Z' });
  mkdirSync(join(top, 'eu'));
  cpSync(FIXTURE, join(top, 'eu/briefings'), { recursive: true });
  commitAll(top, 'project', { author: 'A', date: '2021-01-10T10:00:00Z' });
  return top;
}

it('a project whose folder was moved (git mv eu/briefings eu/z) dates each position by its last change of text, not by the move', () => {
  const top = movedLater();
  git(top, ['mv', 'eu/briefings', 'eu/z']);
  commitAll(top, 'moved', { author: 'A', date: '2021-03-10T10:00:00Z' });
  const run = runCli(['list'], join(top, 'eu/z'));
  expect(run.stderr).toBe('');
  expect(changedDays(run.stdout)).toEqual({ 'youth-organisations': '2021-01-10', 'youth-participation': '2021-01-10' });
});

it('a position moved in its folder (git mv) keeps the day of its text; one moved and edited in one commit takes that commit’s day', () => {
  const top = movedLater();
  const project = join(top, 'eu/briefings');
  git(project, ['mv', ORGANISATIONS, 'positions/organisations.yaml']);
  commitAll(top, 'moved', { author: 'A', date: '2021-03-10T10:00:00Z' });
  git(project, ['mv', 'positions/youth/youth-participation.yaml', 'positions/participation.yaml']);
  writeFileSync(join(project, 'positions/participation.yaml'), '# edited\n', { flag: 'a' });
  commitAll(top, 'moved and edited', { author: 'A', date: '2021-04-10T10:00:00Z' });
  // Moved again, with the project: the text is still that of the first commit.
  git(top, ['mv', 'eu/briefings', 'eu/z']);
  commitAll(top, 'project moved', { author: 'A', date: '2021-05-10T10:00:00Z' });
  const run = runCli(['list'], join(top, 'eu/z'));
  expect(run.stderr).toBe('');
  expect(changedDays(run.stdout)).toEqual({ 'youth-organisations': '2021-01-10', 'youth-participation': '2021-04-10' });
});

it('a position moved with git mv and not committed yet keeps the day of its text, marked not committed, not “new”', () => {
  const top = movedLater();
  const project = join(top, 'eu/briefings');
  mkdirSync(join(project, 'positions/izglītība'));
  git(project, ['mv', ORGANISATIONS, 'positions/izglītība/organisations.yaml']);
  git(project, ['mv', 'positions/youth/youth-participation.yaml', 'positions/youth/participation.yaml']);
  const run = runCli(['list'], project);
  expect(run.stderr).toBe('');
  expect(changedDays(run.stdout)).toEqual({ 'youth-organisations': '2021-01-10*', 'youth-participation': '2021-01-10*' });
});
