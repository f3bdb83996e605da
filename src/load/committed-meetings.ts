import { committedTranslationPairs, type TranslationPair } from '../model/index.js';
import { UsageError } from '../diagnostics/errors.js';
import { YAML_FILES } from './files.js';
import { inGitCheckout, readCommittedTexts, repositoryState } from './git.js';
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
 * `base` (git HEAD, or `check --base`'s revision) under the same path, each with the fingerprints of
 * its committed Latvian and English texts (see `meetingTranslationPairs`), for
 * `meeting/translation-stale`. Files as committed, new or moved since, and any outside git, are not
 * listed. One `git cat-file` run, asked once per state of the repository: the committed texts
 * depend on the commit alone.
 */
export function committedMeetings(files: ProjectFiles, folder: string, base = 'HEAD'): CommittedMeeting[] {
  const root = files.root;
  if (!inGitCheckout(root)) return [];
  const paths = files.list(folder, YAML_FILES);
  if (!paths.length) return [];
  const state = repositoryState(root);
  const key = state === undefined ? undefined : JSON.stringify([state, base, root, paths]);
  const known = key === undefined ? undefined : textsByState.get(key);
  const texts = known ?? readCommittedTexts(root, paths, base);
  if (key !== undefined && !known) setBounded(textsByState, key, texts, KEPT_STATES);
  return paths.flatMap((path) => {
    const before = texts.get(path);
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
/** The committed meeting texts by the repository's state, the revision, the project and its meeting files. */
const textsByState = new Map<string, Map<string, string>>();
