import { join } from 'node:path';
import { committedTranslationPairs, type TranslationPair } from '../model/index.js';
import { UsageError } from '../diagnostics/errors.js';
import { sha256, YAML_FILES } from './files.js';
import { changedSinceHead, inGitCheckout, readCommittedTexts, repositoryState, type ChangesSince } from './git.js';
import type { ProjectFiles } from './project-files.js';
import { parseYaml } from './yaml.js';
import { setBounded } from '../util/bounded.js';

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
 * the move; new files, and any outside git, are not listed. `git diff` names the changed ones (the
 * positions' run, `diff`, when given: a clean checkout runs no other git process) and `git cat-file`
 * reads those alone; the answer is kept per state of the repository and the meetings' texts.
 */
export function committedMeetings(files: ProjectFiles, folder: string, base = 'HEAD', diff?: ChangesSince): CommittedMeeting[] {
  const root = files.root;
  if (!inGitCheckout(root)) return [];
  const paths = files.list(folder, YAML_FILES);
  if (!paths.length) return [];
  const texts = new Map(paths.map((path) => [path, readOrNone(files, path)]));
  const state = repositoryState(root);
  const key = state === undefined ? undefined : JSON.stringify([state, base, root, paths.map((path) => [path, sha256(texts.get(path) ?? '')])]);
  const known = key === undefined ? undefined : byState.get(key);
  if (known) return known;
  const { changed, noGit, refused } = changedSinceHead(root, join(root, folder), paths, base, diff);
  const listed = paths.filter((path) => changed.has(path));
  const committed = readCommittedTexts(root, listed.map((path) => changed.get(path) ?? path), base);
  const found = listed.flatMap((path) => {
    const before = committed.get(changed.get(path) ?? path);
    if (before === undefined || sameText(before, texts.get(path))) return [];
    return [{ path, pairs: committedTranslationPairs(parseYaml(path, before).data) }];
  });
  if (key !== undefined && !noGit && !refused) setBounded(byState, key, found, KEPT_STATES);
  return found;
}

/**
 * Whether a committed text and the file's text now are the same but for line ends and a byte-order
 * mark: git stores a file checked out with CRLF (core.autocrlf, Git for Windows' default) with LF, so
 * compared byte for byte every meeting of such a checkout differed, and each was parsed on every load.
 */
function sameText(committed: string, now: string | undefined): boolean {
  const plain = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
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
/** The changed meetings by the repository's state, the revision, the project and its meeting files with their texts. */
const byState = new Map<string, CommittedMeeting[]>();
