import { join } from 'node:path';
import { committedTranslationPairs, type TranslationPair } from '../model/translation.js';
import { UsageError } from '../diagnostics/errors.js';
import { YAML_FILES } from './files.js';
import { changedSinceHead, readCommittedTexts, type ChangesSince } from './git-changes.js';
import { attributesBelow, inGitCheckout, repositoryState } from './git-state.js';
import type { GitFailedError } from './git-failures.js';
import type { ProjectFiles } from './project-files.js';
import { parseYaml } from './yaml.js';
import { isLongLived } from './process-kind.js';
import { setBounded } from '../util/bounded.js';
import { withoutBom } from '../util/byte-order-mark.js';

/** A meeting file whose text differs from the committed one: its committed texts with an English beside them, fingerprinted. */
export interface CommittedMeeting {
  /** Project-relative. */
  path: string;
  /** Each committed Latvian text that had an English beside it, with the English, fingerprinted. */
  pairs: TranslationPair[];
}

/**
 * The meeting files under `folder` (project-relative) whose text differs from the one committed at
 * `base` (git HEAD, or `check --base`'s revision), each with the fingerprints of its committed
 * Latvian and English texts (see `meetingTranslationPairs`), for `meeting/translation-stale`. A
 * meeting moved since (`git mv`, or by hand under its file name) is compared with its text before
 * the move; new files, and any outside git, are not listed.
 *
 * A command run once asks `git diff` which meetings changed (the positions' run, `diff`, when given:
 * on a clean checkout no other git process runs) and reads those alone with `git cat-file`. A process
 * that loads the project again and again (see `loadsProjectsAgain`) reads every meeting's
 * committed text once per state of the repository instead, and compares texts from then on without
 * git: an edited meeting costs no git process, but for one not committed under its path (new, or
 * moved with `git mv`), whose text git's pairing of moved files rests on. `onUnread` hears of git's failure reading the texts (a
 * damaged object) after its diff worked: those meetings are then not compared.
 */
export function committedMeetings(files: ProjectFiles, folder: string, base = 'HEAD', diff?: ChangesSince, onUnread?: (failed: GitFailedError) => void): CommittedMeeting[] {
  const root = files.root;
  if (!inGitCheckout(root)) return [];
  const paths = files.list(folder, YAML_FILES);
  if (!paths.length) return [];
  // Only a long-lived process keeps what it read, so only one asks what state the repository is in.
  const longLived = isLongLived();
  const state = longLived ? repositoryState(root) : undefined;
  const key = state === undefined ? undefined : JSON.stringify([state, attributesBelow(root, paths.map((path) => join(root, path))), base, root, paths]);
  const known = key === undefined ? undefined : byState.get(key);
  if (known && sameTexts(files, known.added)) return compared(files, paths, known);

  // Meetings moved without git are paired by file name (the untracked files are not listed for it): a meeting
  // whose own path was committed is compared with its own text, not with a deleted one of the same name.
  const { changed, noGit, gap } = changedSinceHead(root, join(root, folder), paths, base, diff, false);
  const moved = new Map([...changed].filter(([now, then]) => now !== then));
  // A long-lived process reads them all, once per state; a command run once the changed ones.
  const asked = longLived ? paths : paths.filter((path) => changed.has(path));
  const read = readCommittedTexts(root, [...new Set(asked.flatMap((path) => [path, moved.get(path) ?? path]))], base);
  // Kept with the texts: those of the meetings not at the base under their own path. git pairs a file moved with `git mv`
  // with its old path by their texts (-M: more than half alike), so an edit, the index untouched, may pair them otherwise.
  const added = key === undefined ? new Map<string, string | undefined>() : new Map(paths.filter((path) => !read.texts.has(path)).map((path) => [path, readOrNone(files, path)]));
  const entry = { texts: read.texts, moved, added };
  // git worked for the diff, then failed reading a committed text (a damaged object): the caller says so.
  if (read.failed && !gap) onUnread?.(read.failed);
  if (key !== undefined && !noGit && !gap && !read.failed) setBounded(byState, key, entry, KEPT_STATES);
  return compared(files, asked, entry);
}

/** What {@link committedMeetings} read for a state of the repository: committed texts by path then, and where moved meetings were. */
interface CommittedTexts {
  texts: ReadonlyMap<string, string>;
  /** Path now → path at the base, for meetings moved since. */
  moved: ReadonlyMap<string, string>;
  /** The texts then of the meetings that had no committed text under their own path, on which git's pairing in `moved` rests. */
  added: ReadonlyMap<string, string | undefined>;
}

/** Whether each of these meetings has the text it had when git was asked: git would pair the moved ones as it did then. */
function sameTexts(files: ProjectFiles, texts: ReadonlyMap<string, string | undefined>): boolean {
  return [...texts].every(([path, text]) => readOrNone(files, path) === text);
}

/** The meetings among `paths` whose text differs from its committed one (its own path's, else where it was moved from). */
function compared(files: ProjectFiles, paths: readonly string[], committed: CommittedTexts): CommittedMeeting[] {
  return paths.flatMap((path) => {
    const before = committed.texts.get(path) ?? committed.texts.get(committed.moved.get(path) ?? path);
    if (before === undefined || sameText(before, readOrNone(files, path))) return [];
    return [{ path, pairs: committedTranslationPairs(parseYaml(path, before).data) }];
  });
}

/**
 * Whether a committed text and the file's text now are the same but for line ends and a byte-order
 * mark: git stores a file checked out with CRLF (core.autocrlf, Git for Windows' default) with LF, so
 * compared byte for byte every meeting of such a checkout differed, and each was parsed on every load.
 */
function sameText(committed: string, now: string | undefined): boolean {
  const plain = (text: string) => withoutBom(text).replace(/\r\n/g, '\n');
  return now !== undefined && (committed === now || plain(committed) === plain(now));
}

/** A file's text now; undefined when it cannot be read (the build or check of it says why). */
function readOrNone(files: ProjectFiles, path: string): string | undefined {
  try {
    return files.readText(path);
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

/** How many states {@link committedMeetings} keeps (a watch or a server sees one project at a time, mostly). */
const KEPT_STATES = 8;
/** The committed meeting texts read, by the repository's state, the revision, the project and its meeting files (one added or removed is read again). */
const byState = new Map<string, CommittedTexts>();
