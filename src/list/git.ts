import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { posix } from 'node:path';
import { gitEnvironment } from '../load/git-env.js';
import { committerDay, gitExited, gitFailure, GitTooOldError, noSuchRevision, type GitFailedError } from '../load/git-failures.js';
import { nameStatusEntries } from '../load/git-changes.js';
import { lastChanges, parseLog, parseMoves, type LastChange, type LoggedCommit } from './follow.js';

const run = promisify(execFile);

/** When a file last changed according to git. */
export interface GitState {
  /** Committer date of the last commit that changed the file's text (YYYY-MM-DD), under an earlier name when it was moved unchanged (`git mv`); null when never committed. */
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
 * Outside a repository, or without git, every file gets `null`; in a repository where git fails
 * for a reason of its own (a damaged index), what it said.
 */
export async function gitStates(root: string, files: readonly string[]): Promise<Map<string, GitState> | GitFailedError | null> {
  const git: Git = async (args, input) => {
    const running = run('git', [...args], { cwd: root, env: gitEnvironment(root), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (input !== undefined) running.child.stdin?.end(input);
    return (await running).stdout;
  };
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
  try {
    return await statesIn(git, files, prefix, shallow);
  } catch (error) {
    // Only git's own failure is said as one: a bug of ours, or output past the buffer, is no "git failed in this repository".
    if (error instanceof GitTooOldError || !gitExited(error)) throw error;
    return gitFailure(error);
  }
}

/** {@link gitStates} in a repository git works in: the project's folder there is `prefix`. */
async function statesIn(git: Git, files: readonly string[], prefix: string, shallow: boolean): Promise<Map<string, GitState>> {
  const changed = new Set<string>();
  const lines = (text: string) => text.split('\0').filter(Boolean);
  for (const path of lines(await git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...files]))) changed.add(path);
  let staged = new Map<string, string>();
  try {
    const since = await changesSinceHead(git, files);
    for (const path of since.changed) changed.add(path);
    staged = since.moved;
  } catch (error) {
    // A failure of git's own is said; no commit yet, everything is uncommitted.
    const failure = gitFailure(error);
    if (!noSuchRevision(failure.message)) throw error;
    for (const path of files) changed.add(path);
  }
  const last = await lastCommits(git, files, prefix, shallow, staged);
  return new Map(
    files.map((file) => {
      const date = last.get(file);
      return [file, { lastCommit: date === CUT ? null : (date ?? null), uncommitted: changed.has(file), beforeHistory: date === CUT }];
    }),
  );
}

/** git, run in the project with `args` (and `input` on its standard input), its output. */
type Git = (args: readonly string[], input?: string) => Promise<string>;

/**
 * The files among `files` that differ from HEAD (staged or not), and those moved since HEAD with
 * `git mv` and not committed yet, each with the path it had there (project paths): the move is in no
 * commit, so the file's history is under that path. One `git diff -M HEAD` over the files and the
 * paths they may have come from (the whole project's folder, as a move may come from anywhere in it).
 */
async function changesSinceHead(git: Git, files: readonly string[]): Promise<{ changed: string[]; moved: Map<string, string> }> {
  const asked = new Set(files);
  const changed: string[] = [];
  const moved = new Map<string, string>();
  for (const { status, from, to } of nameStatusEntries(await git(['diff', '--name-status', '-M', '--relative', '-z', 'HEAD', '--', '.']))) {
    if (!asked.has(to)) continue;
    changed.push(to);
    if (status.startsWith('R')) moved.set(to, from);
  }
  return { changed, moved };
}

/**
 * What the log of {@link lastCommits} is limited to: the folder that holds all the files, when that
 * walk is the walk of the files. Naming each file makes git weigh every entry of every commit's changed
 * folders against each of them: for 1,500 positions over 10,000 commits, 4.7 s of git's CPU time against
 * 0.15 s for their folder. The two walks differ only at a merge: git follows a parent alone when the
 * merge has that parent's version of every path walked, and the folder holds paths the files are not
 * (a file deleted, a README). So each merge that changed the folder is compared with each parent (one
 * `git diff-tree --stdin`): where the folder would follow another parent than the files, the history
 * is walked with the files themselves. A merge of a pull request, which changed positions on both
 * sides, is followed alike by both.
 */
async function walkedPaths(git: Git, files: readonly string[], prefix: string): Promise<Walked> {
  const folder = commonFolder(files);
  const byFolder = { paths: [folder], byFolder: true };
  const byFile = { paths: files, byFolder: false };
  try {
    const merges = (await git(['rev-list', '--merges', '--parents', '--full-history', 'HEAD', '--', folder])).split('\n').filter(Boolean);
    if (!merges.length) return byFolder;
    const pairs = merges.flatMap((line) => {
      const [merge = '', ...parents] = line.split(' ');
      return parents.map((parent) => ({ merge, parent }));
    });
    const changed = await git(['diff-tree', '--stdin', '-r', '--name-only', '--always', '-z', '--', folder], pairs.map(({ merge, parent }) => `${merge} ${parent}\n`).join(''));
    const listed = new Set(files.map((file) => prefix + file));
    return sameParents(merges, pairs, changed, listed) ? byFolder : byFile;
  } catch {
    // No commit yet, or a parent a shallow clone lacks: the files themselves, as git then walks.
    return byFile;
  }
}

/** The paths (from the project's folder) {@link walkedPaths} limits the log to: the files' folder, or the files themselves. */
interface Walked {
  paths: readonly string[];
  byFolder: boolean;
}

/**
 * Whether at every merge the folder's walk follows the parents the files' walk follows: the first
 * parent the merge does not differ from in the walked paths, or all when it differs from each.
 * `changed` is `git diff-tree --stdin --always -z` of `pairs`: each pair's merge, then the paths.
 */
function sameParents(merges: readonly string[], pairs: readonly { merge: string; parent: string }[], changed: string, listed: ReadonlySet<string>): boolean {
  const fields = changed.split('\u0000');
  const differing: string[][] = [];
  let at = 0;
  for (const { merge } of pairs) {
    if (fields[at] !== merge) return false;
    at++;
    const paths: string[] = [];
    while (at < fields.length && fields[at] !== '' && fields[at] !== pairs[differing.length + 1]?.merge) paths.push(fields[at++] ?? '');
    differing.push(paths);
  }
  let pair = 0;
  for (const line of merges) {
    const count = line.split(' ').length - 1;
    const sides = differing.slice(pair, pair + count);
    pair += count;
    const folderFollows = sides.findIndex((paths) => paths.length === 0);
    const filesFollow = sides.findIndex((paths) => !paths.some((path) => listed.has(path)));
    if (folderFollows !== filesFollow) return false;
  }
  return true;
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
async function boundaryCommits(git: Git, hashes: readonly string[]): Promise<Set<string>> {
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

/** The most walks of the history {@link lastCommits} makes: each after the first takes in the paths files were moved from. */
const MOST_WALKS = 6;

/**
 * The date of the newest commit that changed each file's text, from one walk of the history (a `git log`
 * for each file took 3.8 s for 2,000 positions, and longer the longer the history). A merge counts
 * for a file where it differs from every parent (`--cc`), as `git log -1 -- <file>` would show it.
 * A file moved with its text unchanged (`git mv`) is dated by its text under its earlier name: a move
 * inside the walked paths is in the log (`-M100%`); one from outside them (the project's folder moved)
 * is found by a look at the commits that added files, and the history walked again with those paths.
 * A file moved and not committed yet (`staged`: its path now → its path at HEAD) is walked under its path at HEAD.
 */
async function lastCommits(git: Git, files: readonly string[], prefix: string, shallow: boolean, staged: ReadonlyMap<string, string> = new Map()): Promise<Map<string, string>> {
  const walked = await walkedPaths(git, files, prefix);
  // The log names files from the top of the repository (`prefix` is the project's folder there; --relative does not reach a merge's files).
  // A file moved and not committed yet is in the history under the path it had at HEAD.
  const now = new Map(files.map((file) => [prefix + (staged.get(file) ?? file), file]));
  const earlier: string[] = [...new Set(staged.values())];
  for (let walk = 1; ; walk++) {
    let log: string;
    try {
      log = await git(['log', '--format=%x01%cs %H %P', '--name-status', '-M100%', '--cc', '-z', '--', ...walked.paths, ...earlier]);
    } catch {
      // No commit yet.
      return new Map();
    }
    const commits = parseLog(log);
    // A git older than 2.21 writes `%cs` as it stands: said, not shown as every position's date.
    if (commits[0]) committerDay(commits[0].day);
    const found = lastChanges(commits, now);
    const moved = walk < MOST_WALKS ? await movedFrom(git, [...found.values()]) : [];
    const wider = [...new Set(moved.map((path) => fromFolder(prefix, walked.byFolder ? posix.dirname(path) : path)))].filter((path) => !earlier.includes(path));
    if (!wider.length) return await datesOf(git, found, commits, shallow);
    earlier.push(...wider);
  }
}

/**
 * The day of each file's change, {@link CUT} where a shallow clone's history begins: a commit without
 * parents there is the one git grafts, not where its files were made. The commit itself still names its
 * parents; one that names none is the repository's first, whose date is the files' own.
 */
async function datesOf(git: Git, found: ReadonlyMap<string, LastChange>, commits: readonly LoggedCommit[], shallow: boolean): Promise<Map<string, string>> {
  const boundary = shallow ? await boundaryCommits(git, commits.filter((c) => !c.parents.length).map((c) => c.hash)) : new Set<string>();
  return new Map([...found].map(([file, change]) => [file, boundary.has(change.hash) ? CUT : change.day]));
}

/**
 * Of the `changes` that added a file, those whose commit moved it there unchanged from elsewhere (from
 * outside the paths walked): the earlier names, from the repository's top. One `git diff-tree` for all.
 */
async function movedFrom(git: Git, changes: readonly LastChange[]): Promise<string[]> {
  const added = changes.filter((change) => change.added);
  if (!added.length) return [];
  const asked = new Set(added.map((change) => change.hash));
  let output: string;
  try {
    output = await git(['diff-tree', '--stdin', '-r', '-M100%', '--diff-filter=R', '--name-status', '-z'], [...asked].map((hash) => `${hash}\n`).join(''));
  } catch {
    return [];
  }
  const moves = parseMoves(output, asked);
  return added.flatMap((change) => {
    const from = moves.get(change.hash)?.get(change.path);
    return from === undefined ? [] : [from];
  });
}

/** `path` (from the repository's top) as a pathspec from the project's folder `prefix` (`eu/z/`, or empty at the top). */
function fromFolder(prefix: string, path: string): string {
  return posix.relative(prefix, path) || '.';
}
