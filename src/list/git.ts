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

/** git, run in the project with `args` (and `input` on its standard input), its output. */
type Git = (args: readonly string[], input?: string) => Promise<string>;

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
async function walkedPaths(git: Git, files: readonly string[], prefix: string): Promise<readonly string[]> {
  const folder = commonFolder(files);
  try {
    const merges = (await git(['rev-list', '--merges', '--parents', '--full-history', 'HEAD', '--', folder])).split('\n').filter(Boolean);
    if (!merges.length) return [folder];
    const pairs = merges.flatMap((line) => {
      const [merge = '', ...parents] = line.split(' ');
      return parents.map((parent) => ({ merge, parent }));
    });
    const changed = await git(['diff-tree', '--stdin', '-r', '--name-only', '--always', '-z', '--', folder], pairs.map(({ merge, parent }) => `${merge} ${parent}\n`).join(''));
    const listed = new Set(files.map((file) => prefix + file));
    return sameParents(merges, pairs, changed, listed) ? [folder] : files;
  } catch {
    // No commit yet, or a parent a shallow clone lacks: the files themselves, as git then walks.
    return files;
  }
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

/**
 * The date of the newest commit that changed each file, from one walk of the history (a `git log`
 * for each file took 3.8 s for 2,000 positions, and longer the longer the history). A merge counts
 * for a file where it differs from every parent (`--cc`), as `git log -1 -- <file>` would show it.
 */
async function lastCommits(git: Git, files: readonly string[], prefix: string, shallow: boolean): Promise<Map<string, string>> {
  const last = new Map<string, string>();
  let log: string;
  try {
    log = await git(['log', '--format=%x01%cs %H %P', '--name-only', '--cc', '-z', '--', ...(await walkedPaths(git, files, prefix))]);
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
