import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { gitStates } from '../src/list/git.js';
import { loggingGitOnPath, REAL_GIT } from './helpers/git.js';
import { tempDir } from './helpers/project.js';

/**
 * `list` dates each position by the newest commit that changed its text (a move with `git mv` is
 * none), from one walk of the history, and one more for the folder a moved project was in before.
 * Naming every position to that walk made git weigh each of them at every entry of every commit:
 * in a repository of 1,500 positions and 10,000 commits, 4.7 s of git's CPU time (bench/history.ts).
 * A `git` on the PATH that notes the paths each `git log` is given counts what the walk is asked.
 */
// One line per `git log`: how many arguments follow its `--`.
const logOf = loggingGitOnPath('if [ "$1" = log ]; then n=0; seen=; for a in "$@"; do [ -n "$seen" ] && n=$((n+1)); [ "$a" = -- ] && seen=1; done; echo "$n" >> "$LOG"; fi');

/** The number of paths each `git log` was given since the last call. */
function logPaths(): number[] {
  const runs = readFileSync(logOf(), 'utf8').split('\n').filter(Boolean).map(Number);
  writeFileSync(logOf(), '');
  return runs;
}

let day = 1;
function commit(dir: string, message: string): void {
  const date = `2021-03-${String(day++).padStart(2, '0')}T12:00:00Z`;
  const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  execFileSync(REAL_GIT, ['add', '-A'], { cwd: dir });
  execFileSync(REAL_GIT, ['commit', '-q', '-m', message], { cwd: dir, env });
}

/**
 * What `git log --follow` dates each file by, the answer `list` gives: its newest commit that is not a
 * move of its text unchanged (`R100`, a `git mv`).
 */
function lastChanged(dir: string, files: readonly string[]): (string | null)[] {
  return files.map((file) => {
    const log = execFileSync(REAL_GIT, ['log', '--follow', '-M100%', '--format=%x01%cs', '--name-status', '--', file], { cwd: dir, encoding: 'utf8' });
    const changed = log.split('\x01').find((commit) => commit && !/^R100\t/m.test(commit));
    return changed?.split('\n')[0] ?? null;
  });
}

/** A branch `side` that does `onSide`, a change of positions/youth/p-4.yaml on main meanwhile, and main merging side. */
function mergedSide(top: string, root: string, onSide: () => void): void {
  execFileSync(REAL_GIT, ['checkout', '-q', '-b', 'side'], { cwd: top });
  onSide();
  commit(top, 'side');
  execFileSync(REAL_GIT, ['checkout', '-q', 'main'], { cwd: top });
  writeFileSync(join(root, 'positions/youth/p-4.yaml'), 'id: p-4\nversion: 9\n');
  commit(top, 'main');
  execFileSync(REAL_GIT, ['merge', '-q', '--no-edit', 'side'], { cwd: top, env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' } });
}

/** A project below the repository's top, with twelve positions in two folders, edited, moved and deleted over its history. */
function project(): { top: string; root: string; files: string[] } {
  day = 1;
  const top = tempDir('briefing-list-git-');
  const root = join(top, 'eu');
  const file = (area: string, n: number) => `positions/${area}/p-${n}.yaml`;
  const all = ['educ', 'youth'].flatMap((area) => [1, 2, 3, 4, 5, 6].map((n) => file(area, n)));
  execFileSync(REAL_GIT, ['init', '-q', '-b', 'main', top]);
  for (const area of ['educ', 'youth', 'old']) mkdirSync(join(root, 'positions', area), { recursive: true });
  for (const each of all) writeFileSync(join(root, each), `id: ${each}\n`);
  writeFileSync(join(root, 'positions/old/p-1.yaml'), 'id: p-old\n');
  commit(top, 'first');
  all.forEach((each, n) => {
    if (n % 3 === 0) {
      writeFileSync(join(root, each), `id: ${each}\nversion: 2\n`);
      commit(top, `edit ${each}`);
    }
  });
  rmSync(join(root, 'positions/old/p-1.yaml'));
  execFileSync(REAL_GIT, ['mv', 'eu/positions/educ/p-2.yaml', 'eu/positions/youth/p-7.yaml'], { cwd: top });
  commit(top, 'moved and deleted');
  const files = all.map((each) => each.replace('educ/p-2.yaml', 'youth/p-7.yaml')).sort();
  return { top, root, files };
}

describe('the dates list gives each position', () => {
  test('come from one walk of the folder that holds them, not of every file by name, in a history without merges', async () => {
    const { top, root, files } = project();
    const states = await gitStates(root, files);
    expect(files.map((file) => (states instanceof Map ? states.get(file) : undefined)?.lastCommit ?? null)).toEqual(lastChanged(top, files.map((file) => `eu/${file}`)));
    expect(logPaths()).toEqual([1]);
  });

  test('are those of `git log --follow` in a history with merges of changes to positions on both sides, from the walk of their folder too', async () => {
    const { top, root, files } = project();
    mergedSide(top, root, () => writeFileSync(join(root, 'positions/educ/p-3.yaml'), 'id: p-3\nversion: 9\n'));
    const states = await gitStates(root, files);
    expect(files.map((file) => (states instanceof Map ? states.get(file) : undefined)?.lastCommit ?? null)).toEqual(lastChanged(top, files.map((file) => `eu/${file}`)));
    expect(logPaths()).toEqual([1]);
  });

  test('are walked by their folder alone where a merge differs from a parent only outside it (a meeting changed on a side): not by each file', async () => {
    const { top, root, files } = project();
    mergedSide(top, root, () => {
      mkdirSync(join(root, 'meetings'), { recursive: true });
      writeFileSync(join(root, 'meetings/2021-03-20-educ.yaml'), 'date: 2021-03-20\n');
    });
    const states = await gitStates(root, files);
    expect(files.map((file) => (states instanceof Map ? states.get(file) : undefined)?.lastCommit ?? null)).toEqual(lastChanged(top, files.map((file) => `eu/${file}`)));
    expect(logPaths()).toEqual([1]);
  });

  test('are walked with the files themselves where a merge differs from a parent only in a path of the folder that is no position (there the walks part)', async () => {
    const { top, root, files } = project();
    writeFileSync(join(root, 'positions/educ/README.md'), 'Pozīcijas.\n');
    commit(top, 'readme');
    mergedSide(top, root, () => rmSync(join(root, 'positions/educ/README.md')));
    const states = await gitStates(root, files);
    expect(files.map((file) => (states instanceof Map ? states.get(file) : undefined)?.lastCommit ?? null)).toEqual(lastChanged(top, files.map((file) => `eu/${file}`)));
    // The files by name leave out where youth/p-7 was moved from unchanged (educ/p-2): a second walk takes that in.
    expect(logPaths()).toEqual([files.length, files.length + 1]);
  });

  test('follow the project’s folder moved (git mv eu eu-2) with one more walk of the folder it was in, not one of each file', async () => {
    const { top, files } = project();
    execFileSync(REAL_GIT, ['mv', 'eu', 'eu-2'], { cwd: top });
    commit(top, 'project moved');
    const states = await gitStates(join(top, 'eu-2'), files);
    expect(files.map((file) => (states instanceof Map ? states.get(file) : undefined)?.lastCommit ?? null)).toEqual(lastChanged(top, files.map((file) => `eu-2/${file}`)));
    expect(files.map((file) => (states instanceof Map ? states.get(file) : undefined)?.lastCommit)).not.toContain(`2021-03-${String(day - 1).padStart(2, '0')}`);
    // positions/, then with it the two folders its files were in before: eu/positions/educ and eu/positions/youth.
    expect(logPaths()).toEqual([1, 3]);
  });
});
