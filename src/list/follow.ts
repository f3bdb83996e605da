/**
 * The history `list` dates positions by, read from one `git log --name-status -M100%` and followed
 * through moves: a file moved with its text unchanged (`git mv` of a position, or of the project's
 * folder) last changed where its text did, under its earlier name.
 */

/** One file a commit changed, named from the repository's top. */
export interface LoggedChange {
  /** git's status letter (`A` added, `M` changed, `R100` moved unchanged, …); a merge's has one letter per parent. */
  status: string;
  path: string;
  /** The name it had before, for a file git found moved (`R`). */
  from?: string;
}

/** One commit of the log: its committer day, hash, parents (none for a shallow clone's first) and changes. */
export interface LoggedCommit {
  day: string;
  hash: string;
  parents: readonly string[];
  changes: readonly LoggedChange[];
}

/**
 * The commits of `git log --format=%x01%cs %H %P --name-status --cc -z`. Each commit is \x01, its
 * day, hash and parents, NUL, then its changes, each field after a NUL (the first after a newline):
 * a status and a path, or for a move (`R…`, `C…`) a status and both paths; a merge's (`--cc`) always
 * one path.
 */
export function parseLog(log: string): LoggedCommit[] {
  return log
    .split('\x01')
    .slice(1)
    .map((text) => {
      const [head = '', ...fields] = text.split('\0');
      const [day = '', hash = '', ...parents] = head.split(' ').filter(Boolean);
      return { day, hash, parents, changes: changesOf(fields.map((field) => field.replace(/^\n/, '')).filter(Boolean), parents.length > 1) };
    });
}

/** The changes listed in `fields`, status then path(s). */
function changesOf(fields: readonly string[], merge: boolean): LoggedChange[] {
  const changes: LoggedChange[] = [];
  for (let at = 0; at < fields.length; ) {
    const status = fields[at++] ?? '';
    if (!merge && /^[RC]/.test(status)) {
      const from = fields[at++] ?? '';
      changes.push({ status, path: fields[at++] ?? '', from });
    } else {
      changes.push({ status, path: fields[at++] ?? '' });
    }
  }
  return changes;
}

/**
 * The files each commit moved unchanged, new name → earlier name, from `git diff-tree --stdin -r
 * -M100% --diff-filter=R --name-status -z` of the commits `asked`: each commit's hash, then for each
 * move its status, earlier name and new name (a commit without moves is not listed).
 */
export function parseMoves(output: string, asked: ReadonlySet<string>): Map<string, Map<string, string>> {
  const moves = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  const fields = output.split('\0').filter(Boolean);
  for (let at = 0; at < fields.length; ) {
    const field = fields[at++] ?? '';
    if (asked.has(field)) {
      current = new Map();
      moves.set(field, current);
    } else if (/^R/.test(field)) {
      const from = fields[at++] ?? '';
      const to = fields[at++] ?? '';
      current?.set(to, from);
    }
  }
  return moves;
}

/** The newest change of a file's text, as {@link lastChanges} finds it. */
export interface LastChange {
  day: string;
  hash: string;
  /** The name the file had there, from the repository's top. */
  path: string;
  /**
   * The file appeared there, in a commit of one parent: it may have come unchanged from a path the log
   * did not walk (the project's folder moved), which a look at that commit alone tells.
   */
  added: boolean;
}

/**
 * The newest change of each of `files` (repository path now → what it is called in the answer), walking
 * `commits` newest first: a change to a file's text dates it; a move with the text unchanged (`R100`)
 * does not, and the file is followed under its earlier name from there.
 */
export function lastChanges(commits: readonly LoggedCommit[], files: ReadonlyMap<string, string>): Map<string, LastChange> {
  const followed = new Map(files);
  const found = new Map<string, LastChange>();
  for (const { day, hash, parents, changes } of commits) {
    // A file's earlier name is followed from the commit before: this one's changes are to names it had after.
    const moved: [string, string][] = [];
    for (const { status, path, from } of changes) {
      const file = followed.get(path);
      if (file === undefined || found.has(file)) continue;
      if (status === 'R100' && from !== undefined) moved.push([path, from]);
      else found.set(file, { day, hash, path, added: status === 'A' && parents.length === 1 });
    }
    for (const [path, from] of moved) {
      const file = followed.get(path);
      followed.delete(path);
      if (file !== undefined) followed.set(from, file);
    }
  }
  return found;
}
