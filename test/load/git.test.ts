import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { repositoryAt, resolveCommits } from '../../src/load/git.js';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { tempDir } from '../helpers/project.js';

/** What `git show` says of a commit: hash, author name and committer date turned to UTC, as the diff showed them. */
function shownByGit(dir: string, revision: string) {
  const [hash = '', author = '', date = ''] = git(dir, ['show', '-s', '--format=%H%x00%an%x00%cI', '--end-of-options', `${revision}^{commit}`]).trim().split('\u0000');
  return { hash, author, date: new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

test('a commit read from its raw object has the author and date `git show -s --format=%an/%cI` gives', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.yaml'), 'a: 1\n');
  initRepository(dir, { author: 'Briefing Tests', date: '2021-02-10T09:00:00Z' });
  // Not UTC, and a day later in UTC; the name's last byte (0xA0 of 'à') is a space to JavaScript's trimEnd.
  writeFileSync(join(dir, 'a.yaml'), 'a: 2\n');
  commitAll(dir, 'second', { author: 'Jānis Ozols-Vilà', date: '2021-02-16T23:30:00-05:00' });
  const [head, first] = resolveCommits(repositoryAt(dir), ['HEAD', 'HEAD~1'], [join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
  expect(head).toMatchObject({ label: 'HEAD', ...shownByGit(dir, 'HEAD') });
  expect(head).toMatchObject({ author: 'Jānis Ozols-Vilà', date: '2021-02-17T04:30:00Z' });
  expect(first).toMatchObject({ label: 'HEAD~1', ...shownByGit(dir, 'HEAD~1') });
  expect([...(head?.files ?? [])]).toEqual([
    [join(dir, 'a.yaml'), 'a: 2\n'],
    [join(dir, 'b.yaml'), undefined],
  ]);
  expect(first?.files.get(join(dir, 'a.yaml'))).toBe('a: 1\n');
});

test('an author recorded in another encoding is shown in UTF-8, as git shows it', () => {
  const dir = tempDir();
  initRepository(dir);
  const tree = git(dir, ['rev-parse', 'HEAD^{tree}']).trim();
  const parent = git(dir, ['rev-parse', 'HEAD']).trim();
  // "Bērziņa" in windows-1257: ē is 0xE7, ņ is 0xF2.
  const name = Buffer.from([0x42, 0xe7, 0x72, 0x7a, 0x69, 0xf2, 0x61]);
  const object = Buffer.concat([
    Buffer.from(`tree ${tree}\nparent ${parent}\nauthor `),
    name,
    Buffer.from(' <b@example.lv> 1613467800 +0200\ncommitter C <c@example.lv> 1613467800 +0200\nencoding windows-1257\n\nencoded\n'),
  ]);
  const hash = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: dir, input: object, encoding: 'utf8' }).trim();
  const [commit] = resolveCommits(repositoryAt(dir), [hash]);
  expect(commit).toMatchObject({ ...shownByGit(dir, hash), author: 'Bērziņa' });
});

test('revisions are answered in the order given: the first unknown one is the error', () => {
  const dir = tempDir();
  initRepository(dir);
  expect(() => resolveCommits(repositoryAt(dir), ['HEAD', 'v98', 'v99'])).toThrow('Unknown revision `v98`.');
  expect(() => resolveCommits(repositoryAt(dir), ['--all'])).toThrow('Unknown revision `--all`.');
  expect(() => resolveCommits(repositoryAt(dir), ['HEAD\nHEAD'])).toThrow('Unknown revision `HEAD\nHEAD`.');
});

test('outside a repository, resolving a revision says that, not that the revision is unknown', () => {
  const dir = tempDir();
  expect(() => resolveCommits(repositoryAt(dir), ['HEAD'])).toThrow('is not inside a git repository.');
  expect(() => resolveCommits(repositoryAt(dir), ['-x'])).toThrow('is not inside a git repository.');
});
