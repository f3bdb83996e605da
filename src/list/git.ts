import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { gitEnvironment } from '../load/git-env.js';

const run = promisify(execFile);

/** When a file last changed according to git. */
export interface GitState {
  /** Committer date of the last commit touching the file (YYYY-MM-DD); null when never committed. */
  lastCommit: string | null;
  /** The working copy differs from the last commit (or the file is new). */
  uncommitted: boolean;
  /**
   * The file last changed before the history this clone holds begins (a shallow clone): `lastCommit`
   * is null, as the first commit held shows every file as made then.
   */
  beforeHistory: boolean;
}

/**
 * The git state of each file (paths relative to `root`), read with the real `git`.
 * Outside a repository, or without git, every file gets `null`.
 */
export async function gitStates(root: string, files: readonly string[]): Promise<Map<string, GitState> | null> {
  const git = async (args: readonly string[]) => (await run('git', [...args], { cwd: root, env: gitEnvironment(root), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })).stdout;
  // The folder's place in the repository comes with the answer: the log names files from the repository's top.
  let prefix: string;
  let shallow: boolean;
  try {
    const [, folder = '', cut = ''] = (await git(['rev-parse', '--is-inside-work-tree', '--show-prefix', '--is-shallow-repository'])).split('\n');
    prefix = folder;
    shallow = cut === 'true';
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
  const last = await lastCommits(git, files, prefix, shallow);
  return new Map(
    files.map((file) => {
      const date = last.get(file);
      return [file, { lastCommit: date === CUT ? null : (date ?? null), uncommitted: changed.has(file), beforeHistory: date === CUT }];
    }),
  );
}

/**
 * What the log of {@link lastCommits} is limited to: the folder that holds all the files, when the
 * history has no merge. Naming each file makes git weigh every entry of every commit's changed folders
 * against each of them: for 1,500 positions over 10,000 commits, 4.7 s of git's CPU time against 0.15 s
 * for their folder. Without merges the folder gives each file the same newest commit (each commit is
 * compared with its one parent, and the other files it names are not looked up). At a merge git
 * follows a parent alone when the merge took that parent's version of every file walked, and that
 * depends on which files are walked: a history with merges is walked with the files themselves.
 */
async function walkedPaths(git: (args: readonly string[]) => Promise<string>, files: readonly string[]): Promise<readonly string[]> {
  try {
    if ((await git(['rev-list', '--merges', '--max-count=1', 'HEAD'])).trim()) return files;
  } catch {
    // No commit yet: the log finds nothing either way.
    return files;
  }
  return [commonFolder(files)];
}

/** The deepest folder (`/`-separated, `.` for the top) that holds every one of `paths`. */
function commonFolder(paths: readonly string[]): string {
  const folders = paths.map((path) => path.split('/').slice(0, -1));
  const first = folders[0] ?? [];
  let depth = 0;
  while (depth < first.length && folders.every((folder) => folder[depth] === first[depth])) depth++;
  return first.slice(0, depth).join('/') || '.';
}

/** Of the commits given (parentless in the log), those whose own object names a parent: a shallow clone's boundary. */
async function boundaryCommits(git: (args: readonly string[]) => Promise<string>, hashes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const hash of hashes) {
    try {
      if (/^parent [0-9a-f]+$/m.test(await git(['cat-file', 'commit', hash]))) found.add(hash);
    } catch {
      found.add(hash); // unreadable: as unknown as the clone's history
    }
  }
  return found;
}

/** What {@link lastCommits} gives a file whose newest commit is where a shallow clone's history begins. */
const CUT = 'before-history';

/**
 * The date of the newest commit that changed each file, from one walk of the history (a `git log`
 * for each file took 3.8 s for 2,000 positions, and longer the longer the history). A merge counts
 * for a file where it differs from every parent (`--cc`), as `git log -1 -- <file>` would show it.
 */
async function lastCommits(git: (args: readonly string[]) => Promise<string>, files: readonly string[], prefix: string, shallow: boolean): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  let log: string;
  try {
    log = await git(['log', '--format=%x01%cs %H %P', '--name-only', '--cc', '-z', '--', ...(await walkedPaths(git, files))]);
  } catch {
    // No commit yet.
    return last;
  }
  // The log names files from the top of the repository (`prefix` is the project's folder there; --relative does not reach a merge's files).
  // Each commit: \x01, its date and parents, NUL, then the files it changed, each after a newline or NUL.
  // In a shallow clone a commit without parents is where the history held begins, not where its files were made.
  const commits = log.split('\x01').slice(1).map((commit) => {
    const [head = '', ...changed] = commit.split('\0');
    const [day = '', hash = '', parents = ''] = head.split(' ');
    return { day, hash, parents, changed };
  });
  // The commits a shallow clone's history begins with, as git grafts them: without parents here. The commit itself
  // still names its parents; one that names none is the repository's first, whose date is the files' own.
  const boundary = shallow ? await boundaryCommits(git, commits.filter((c) => c.parents === '').map((c) => c.hash)) : new Set<string>();
  for (const { day, hash, changed } of commits) {
    const date = boundary.has(hash) ? CUT : day;
    for (const name of changed) {
      const file = name.replace(/^\n/, '');
      if (file.startsWith(prefix) && !last.has(file.slice(prefix.length))) last.set(file.slice(prefix.length), date);
    }
  }
  return last;
}
