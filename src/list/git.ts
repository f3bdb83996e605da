import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** When a file last changed according to git. */
export interface GitState {
  /** Committer date of the last commit touching the file (YYYY-MM-DD); null when never committed. */
  lastCommit: string | null;
  /** The working copy differs from the last commit (or the file is new). */
  uncommitted: boolean;
}

/**
 * The git state of each file (paths relative to `root`), read with the real `git`.
 * Outside a repository, or without git, every file gets `null`.
 */
export async function gitStates(root: string, files: readonly string[]): Promise<Map<string, GitState> | null> {
  const git = async (args: readonly string[]) => (await run('git', [...args], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })).stdout;
  try {
    await git(['rev-parse', '--is-inside-work-tree']);
  } catch {
    return null;
  }
  const changed = new Set<string>();
  const lines = (text: string) => text.split('\0').filter(Boolean);
  for (const path of lines(await git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...files]))) changed.add(path);
  try {
    for (const path of lines(await git(['diff', '--name-only', '--relative', '-z', 'HEAD', '--', ...files]))) changed.add(path);
  } catch {
    // No commit yet: everything is uncommitted.
    for (const path of files) changed.add(path);
  }
  const states = new Map<string, GitState>();
  await inBatches(files, 8, async (file) => {
    let lastCommit: string | null = null;
    try {
      lastCommit = (await git(['log', '-1', '--format=%cs', '--', file])).trim() || null;
    } catch {
      lastCommit = null;
    }
    states.set(file, { lastCommit, uncommitted: changed.has(file) });
  });
  return states;
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
