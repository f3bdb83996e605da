/** Each position's versions as committed at HEAD and at a base, and the problems that leave rules uncompared: no git, a gap in its history, texts it could not read. */

import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { answerFingerprint } from '../model/position.js';
import { positionTextFingerprints } from '../model/translation.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { projectPath, readOrUnreadable } from './files.js';
import type { ProjectFiles } from './project-files.js';
import { joinList } from '../util/join-list.js';
import { changedSinceHead, type ChangesSince, readCommittedTexts } from './git-changes.js';
import { isShallowClone, repositoryAt } from './git.js';
import { isLongLived } from './process-kind.js';
import { attributesBelow, checkoutTop, inGitCheckout, repositoryState } from './git-state.js';
import { type GitFailedError, GitRefusedError, GitUnlinkedError } from './git-failures.js';
import { committedTexts } from './history.js';
import { setBounded } from '../util/bounded.js';
import type { CommittedFields, GitGapRule, PositionFile } from './position-files.js';
import { parseYaml } from './yaml.js';
import { isRecord } from '../util/record.js';

/**
 * Adds the version at git HEAD to each position file whose text differs from the one
 * committed there. A file as committed has its committed version by definition, so only
 * the changed ones are read from git and parsed: none on a clean checkout.
 */
export function withCommittedVersions(project: ProjectFiles, folder: string, files: PositionFile[], problems: Diagnostic[], base = 'HEAD', diff?: ChangesSince): PositionFile[] {
  const root = project.root;
  // Asked of git once per state of the repository and the files, in a process that loads the project again and again:
  // only such a process keeps what it read, so only one asks what state the repository is in (a command run once loads it once).
  const state = isLongLived() ? repositoryState(folder) : undefined;
  const key = state === undefined ? undefined : JSON.stringify([state, attributesBelow(folder, files.map((file) => join(root, file.path))), base, root, folder, files.map((file) => [file.path, file.hash, file.id])]);
  const known = key === undefined ? undefined : committedByState.get(key);
  if (known) return known.map((file) => ({ ...file }));
  const { files: found, kept } = versionsAtHead(project, folder, files, problems, base, diff);
  // Files moved without git are paired through what git leaves untracked, which .gitignore files decide: asked every time.
  if (key !== undefined && kept && !problems.length) setBounded(committedByState, key, found.map((file) => ({ ...file })), KEPT_STATES);
  return found;
}

/** How many states {@link withCommittedVersions} keeps (a watch or a server sees one project at a time, mostly). */
const KEPT_STATES = 8;
/**
 * The position files with their versions at HEAD, by the repository's state ({@link repositoryState})
 * and the files' paths, hashes and ids: running git takes a few milliseconds, most of them the fork
 * of a process as large as a long-lived one (a watch, the resident server).
 */
const committedByState = new Map<string, PositionFile[]>();

/** The files with their versions at HEAD, asking git; `kept` when the answer rests only on what {@link repositoryState} stamps. */
function versionsAtHead(project: ProjectFiles, folder: string, files: PositionFile[], problems: Diagnostic[], base: string, diff?: ChangesSince): { files: PositionFile[]; kept: boolean } {
  const root = project.root;
  // The positions in a repository of their own (a submodule): the project's git holds only a link to its commit, none of their texts.
  const nested = repositoryOfItsOwn(root, folder);
  if (nested !== undefined) {
    problems.push(nestedRepositoryProblem(projectPath(root, folder), projectPath(root, nested)));
    return { files: files.map((file) => ({ ...file, uncompared: 'input/git-nested' })), kept: false };
  }
  const { changed, noGit, gap, gone = [], untracked = [] } = changedSinceHead(root, folder, files.map((file) => file.path), base, diff);
  // In a git checkout without git to run, one git refuses, or one whose repository is not there, "not raised" cannot be told: say so rather than pass every position.
  if (noGit && inGitCheckout(root)) problems.push(noGitProblem());
  if (gap) problems.push(gitGapProblem(gap));
  const paired = gone.length && untracked.length ? pairById(root, files, changed, gone, untracked, base) : undefined;
  const { texts: committed, failed: unread = paired } = readCommittedTexts(root, files.flatMap((file) => changed.get(file.path) ?? []), base);
  // git worked for the diff, then failed reading a committed text (a damaged object): the rules that compare with it are said to be skipped.
  if (unread && !gap) problems.push(unreadTextsProblem(unread));
  // What git could not be asked about: every file when it cannot be run or refuses the repository, the changed ones when their texts could not be read.
  const whole = gap ? gapRule(gap) : noGit && inGitCheckout(root) ? 'input/no-git' : undefined;
  const versioned = files.map((file): PositionFile => {
    const at = changed.get(file.path);
    if (whole) return { ...file, uncompared: whole };
    if (unread && at !== undefined && !committed.has(at)) return { ...file, uncompared: 'input/git-failed' };
    const before = at === undefined ? undefined : committedFacts(committed.get(at), file.path);
    if (at === undefined || before === undefined) return file;
    const text = readOrUnreadable(() => project.readText(file.path), file.path);
    const now = typeof text === 'string' ? committedFacts(text, file.path) : undefined;
    // Only a lowered version asks for the file's history: a revert to a text cleared before.
    const lowered = now !== undefined && now.version < before.version;
    const restored = lowered ? restoredFrom(root, at, base, now) : undefined;
    // A shallow clone (CI fetches a commit or two) may lack the commit a revert brings back: the refusal says so.
    const cut = lowered && !restored && isShallowClone(repositoryAt(root));
    return { ...file, committedVersion: before.version, committedAnswer: before.answer, committedUnnamed: before.unnamed, committedFields: before.fields, ...(restored ? { restoredFrom: restored } : {}), ...(cut ? { historyCut: true as const } : {}), ...(at === file.path ? {} : { committedPath: at }) };
  });
  return { files: versioned, kept: !noGit && !gap && !unread && !gone.length };
}

/**
 * A position moved to a new name without git (`mv`, a file manager): git sees a deleted file and a
 * new one it does not track. The new one is paired with the deleted one that had its id at HEAD,
 * so a changed answer under a new name still has its committed version to be compared with.
 * git's failure reading the deleted ones' texts (a damaged object) is given back.
 */
function pairById(root: string, files: readonly PositionFile[], changed: Map<string, string>, gone: readonly string[], untracked: readonly string[], base: string): GitFailedError | undefined {
  const { texts, failed } = readCommittedTexts(root, [...gone], base);
  const byId = new Map<string, string>();
  for (const path of gone) {
    const data = parseYaml(path, texts.get(path) ?? '').data;
    if (typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string' && !byId.has(data.id)) byId.set(data.id, path);
  }
  const fresh = new Set(untracked);
  for (const file of files) {
    const from = fresh.has(file.path) ? byId.get(file.id) : undefined;
    if (from !== undefined) changed.set(file.path, from);
  }
  return failed;
}

/**
 * The commit at which the file (at `path` in `base`) last had the version `now` has, when it had
 * `now`'s answer there too: a lower version brought back with the text it named, as `git revert`
 * does, whose clearances were given. Undefined when that version last named another answer, or
 * never was committed. One walk of the file's history.
 */
function restoredFrom(root: string, path: string, base: string, now: { version: number; answer: string }): { commit: string; date: string } | undefined {
  const last = committedTexts(root, path, base)
    .map(({ commit, date, text }) => ({ commit, date, facts: committedFacts(text, path) }))
    .find(({ facts }) => facts?.version === now.version);
  return last?.facts?.answer === now.answer ? { commit: last.commit, date: last.date } : undefined;
}

/**
 * The `version` of a position's text (committed, or now), its answer's fingerprint and the ministries
 * whose clearance in it is written by hand, cleared naming neither version nor answer, if that text
 * is readable and has a version.
 */
function committedFacts(text: string | undefined, path: string): { version: number; answer: string; unnamed: string[]; fields: CommittedFields } | undefined {
  if (text === undefined) return undefined;
  const data = parseYaml(path, text).data;
  if (isRecord(data) && Number.isInteger(data.version)) {
    const clearance = isRecord(data.clearance) ? Object.entries(data.clearance) : [];
    const unnamed = clearance.flatMap(([code, entry]) => (isRecord(entry) && entry.status === 'cleared' && !('version' in entry) && !('answer' in entry) ? [code] : []));
    return { version: Number(data.version), answer: answerFingerprint(data), unnamed, fields: positionTextFingerprints(data) };
  }
  return undefined;
}

/** The rules that compare positions, and meetings, with their committed texts: without those texts they are not checked. */
const POSITION_RULES_UNCOMPARED = ['position/version-not-raised', 'position/version-decreased', 'position/translation-stale', 'clearance/version-unnamed'];
const MEETING_RULES_UNCOMPARED = ['meeting/translation-stale'];
/** "A, B and C are not checked" of `rules`. */
function notChecked(rules: readonly string[]): string {
  return `${joinList(rules, 'and')} ${rules.length === 1 ? 'is' : 'are'} not checked`;
}
/** Every one of them, which a project whose git cannot be read goes without. */
const UNCOMPARED = notChecked([...POSITION_RULES_UNCOMPARED, ...MEETING_RULES_UNCOMPARED]);

/**
 * git cannot answer in the project's repository: it refuses it (another user's, `input/git-refused`),
 * the checkout's `.git` names a repository folder that is not there (`input/git-unlinked`), or git
 * failed there for a reason of its own (`input/git-failed`). What cannot be known then, and the
 * error's own hint for what to do.
 */
export function gitGapProblem(gap: GitRefusedError | GitUnlinkedError | GitFailedError): Diagnostic {
  return diagnostic(
    '.',
    undefined,
    'warning',
    gapRule(gap),
    `${gap.message.replace(/\.$/, '')}, so versions cannot be compared with the committed ones (${UNCOMPARED}), nor last changes dated.`,
    gap.hint,
  );
}

/** The rule that says why git cannot answer in the project's repository. */
function gapRule(gap: GitRefusedError | GitUnlinkedError | GitFailedError): GitGapRule {
  return gap instanceof GitRefusedError ? 'input/git-refused' : gap instanceof GitUnlinkedError ? 'input/git-unlinked' : 'input/git-failed';
}

/** The top of the checkout `folder` lies in, when it is another than the project's (a submodule, a repository inside the project's, one a link leads to). */
function repositoryOfItsOwn(root: string, folder: string): string | undefined {
  try {
    const own = checkoutTop(realpathSync(folder));
    const project = checkoutTop(realpathSync(root));
    return own !== undefined && project !== undefined && own !== project ? own : undefined;
  } catch {
    return undefined;
  }
}

/** The positions folder is in a git repository of its own: what cannot be known then, and what to do. */
function nestedRepositoryProblem(folder: string, top: string): Diagnostic {
  const where = top === folder ? 'is a git repository of its own' : `lies in a git repository of its own, ${top}/`;
  return diagnostic(
    '.',
    undefined,
    'warning',
    'input/git-nested',
    `The positions folder ${folder}/ ${where} (a submodule, or a repository inside the project's), whose texts the project's git does not hold, so versions cannot be compared with the committed ones (${notChecked(POSITION_RULES_UNCOMPARED)}), and a clearance written by hand is not printed as given in a final report (clearance/unchecked).`,
    'Keep the positions in the project’s own repository; where they must stay apart, record each clearance with `briefing clear`, which names the answer it covers.',
  );
}

/**
 * git told which files changed, but failed reading their committed texts (a damaged object under
 * .git/objects, as `git cat-file` meets it): the rules that compare a position with its committed
 * text cannot run, which is said rather than passed; the error's hint says how to find and mend it.
 */
export function unreadTextsProblem(failed: GitFailedError, what: 'positions' | 'meetings' = 'positions'): Diagnostic {
  const rules = notChecked(what === 'positions' ? POSITION_RULES_UNCOMPARED : MEETING_RULES_UNCOMPARED);
  return diagnostic('.', undefined, 'warning', 'input/git-failed', `${failed.message.replace(/\.$/, '')}, so the committed texts of the changed ${what} could not be read (${rules}).`, failed.hint);
}

/** The project is a git checkout, but git cannot be run: what cannot be known then. */
export function noGitProblem(): Diagnostic {
  return diagnostic(
    '.',
    undefined,
    'warning',
    'input/no-git',
    `git is not installed or not on the PATH, though this project is a git repository: versions cannot be compared with the committed ones (${UNCOMPARED}), nor last changes dated.`,
    'Install git and put it on the PATH (on Windows, Git for Windows; the git inside GitHub Desktop is not on the PATH).',
  );
}
