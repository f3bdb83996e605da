/** The positions `clear` records an answer on: each named by file or id, or a meeting file standing for the positions its questions use, but those the answering ministry owns. */

import { existsSync, realpathSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { unseenHint, unseenNote, withUnseenShown } from '../load/characters.js';
import { namedFileProblem } from '../load/links.js';
import { fileKind, wrongKindProblem } from '../load/targets.js';
import { SAME_NAME_COPY_HINT, sameNameOtherLetters, writtenAnotherWay } from '../load/letter-forms.js';
import { BROKEN_LINK_HINT, brokenLink, isInside, namedPath, projectPath, YAML_FILES } from '../load/files.js';
import { filesClaiming, type Project } from '../load/project.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../diagnostics/errors.js';
import { suggest } from '../util/suggest.js';
import { absentHint, renamedAdvice } from '../validate/meeting-rules.js';
import { includedPositions } from '../validate/meeting-rule-context.js';
import { loadMeeting, type LoadedMeeting } from '../load/meeting.js';
import { savedCopyOf } from '../load/saved-copies.js';

/** A position file `clear` edits: where it is, and how the project names it. */
interface TargetFile {
  absolute: string;
  shown: string;
}

/** A position a meeting file stands for: its file, and the ministry that owns it. */
interface MeetingPosition extends TargetFile {
  owner: string;
}

/** The files the targets name, in the order named: positions named, and each meeting named (once) with the positions it stands for. */
interface NamedTargets {
  entries: ({ position: TargetFile } | { meeting: string; positions: MeetingPosition[] })[];
  problems: Diagnostic[];
}

/**
 * The positions and meetings the targets name: a meeting file stands for the positions its questions
 * use. A target that is no position nor meeting, and a meeting with an error, a missing position or
 * no questions, is a problem.
 */
export function namedTargets(project: Project, cwd: string, targets: readonly string[]): NamedTargets {
  const entries: NamedTargets['entries'] = [];
  const problems: Diagnostic[] = [];
  const meetings = new Set<string>();
  const unfound: UsageError[] = [];
  for (const target of targets) {
    const named = foundOrNoted(() => positionFile(project, cwd, target), unfound);
    if (named === undefined) continue;
    const shown = projectPath(project.root, named);
    const outside = namedFileProblem(project.root, named);
    if (!outside && fileKind(project, named) === 'meeting') {
      // A meeting named twice (as `./m.yaml` and `m.yaml`) is read once.
      const real = realpathSync(named);
      if (meetings.has(real)) continue;
      meetings.add(real);
      const loaded = loadMeeting(project.root, named);
      const found = loaded.meeting ? meetingPositions(project, loaded) : { positions: [], problems: loaded.diagnostics.filter((d) => d.severity === 'error') };
      problems.push(...found.problems);
      entries.push({ meeting: shown, positions: found.positions });
      continue;
    }
    const problem = outside ?? wrongKindProblem(project, named, 'position', 'clear', clearHint(project));
    if (problem) problems.push(problem);
    // A link to a file inside the project is written through: the link stays a link.
    else entries.push({ position: { absolute: realpathSync(named), shown } });
  }
  refuseUnfound(unfound, targets.length);
  return { entries, problems };
}

/** What `find` returns, or undefined with its usage error kept in `errors`: every target named is looked for, not the first that fails alone. */
function foundOrNoted(find: () => string, errors: UsageError[]): string | undefined {
  try {
    return find();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    errors.push(error);
    return undefined;
  }
}

/** The usage errors of the targets not found, as one: one alone as it is, several each with its hint, so a second typo is not met on the next try. */
function refuseUnfound(errors: readonly UsageError[], named: number): void {
  const [first] = errors;
  if (!first) return;
  if (errors.length === 1) throw first;
  const each = errors.map((error) => `${error.message.replace(/(?:[.;]? nothing written)?\.?$/i, '.')}${error.hint ? ` ${error.hint}` : ''}`);
  throw new UsageError(`${errors.length} of the ${named} named are not found, or not one position or meeting; nothing written. ${each.join(' ')}`, 'Correct each of them and run the command again.');
}

/** The positions a meeting's questions use, each once; a question's position that does not exist, or no question at all, is a problem. */
function meetingPositions(project: Project, loaded: LoadedMeeting): { positions: MeetingPosition[]; problems: Diagnostic[] } {
  const questions = loaded.meeting?.questions ?? [];
  if (!questions.length) {
    return { positions: [], problems: [diagnostic(loaded.path, loaded.file.locate(['questions']), 'error', 'clearance/nothing-to-record', 'The meeting has no questions yet, so no position to record an answer on. Nothing written.', 'Name the positions by file or id, or list the questions and their positions first.')] };
  }
  const problems: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const [index, question] of questions.entries()) {
    if (project.positions.has(question.position) || seen.has(question.position)) continue;
    seen.add(question.position);
    problems.push(
      diagnostic(
        loaded.path,
        loaded.file.locate(['questions', index, 'position']),
        'error',
        'meeting/unknown-position',
        `Question ${index + 1} points to the position \`${question.position}\`, which does not exist: the answer cannot be recorded on it. Nothing written.`,
        `Create it (briefing new position ${question.position}) or point the question to the position that answers it; briefing check says more.`,
      ),
    );
  }
  const positions = loaded.meeting ? includedPositions(project, loaded.meeting) : [];
  return { positions: positions.map(({ file, position }) => ({ absolute: realpathSync(join(project.root, file.path)), shown: file.path, owner: position?.owner.ministry ?? '' })), problems };
}

/**
 * The position files to edit, each once: those named, and those the meetings named stand for but
 * the ones `ministry` owns (it does not clear its own: a note names them). A meeting whose every
 * position the ministry owns leaves nothing to record: a problem.
 */
export function withoutOwn(named: NamedTargets, ministry: string): { files: TargetFile[]; problems: Diagnostic[]; notes: string[] } {
  const files = new Map<string, TargetFile>();
  const problems: Diagnostic[] = [];
  const notes: string[] = [];
  for (const entry of named.entries) {
    if ('position' in entry) {
      if (!files.has(entry.position.absolute)) files.set(entry.position.absolute, entry.position);
      continue;
    }
    const own = entry.positions.filter((position) => position.owner === ministry);
    if (own.length && own.length === entry.positions.length) {
      problems.push(diagnostic(entry.meeting, undefined, 'error', 'clearance/nothing-to-record', `${ministry} owns every position the meeting uses (${own.map((p) => p.shown).join(', ')}): a ministry does not clear its own positions. Nothing written.`, `Name the ministry that answered (\`--ministry <code>\`); check its code.`));
      continue;
    }
    if (own.length) notes.push(`${entry.meeting}: left out ${own.map((p) => p.shown).join(', ')}, which ${ministry} owns.`);
    for (const position of entry.positions) if (position.owner !== ministry && !files.has(position.absolute)) files.set(position.absolute, position);
  }
  return { files: [...files.values()], problems, notes };
}

/** What to name instead of a file that is not a position. */
function clearHint(project: Project): () => string {
  return () => `Name a position by its id, or its file: the .yaml files under ${project.config.paths.positions}/, or a meeting file for every position it uses.`;
}

/**
 * When every file claiming an id but one is a copy Windows, a browser or a Mac named of that one (`Copy of x.yaml`,
 * `x (1).yaml`): which to keep and which to delete. Naming the file, as for two positions that only share an id,
 * would record the answer in one of the copies, or in the file the meetings use and leave the copies to clash.
 */
function savedCopiesHint(claiming: readonly string[]): string | undefined {
  const copies = claiming.filter((file) => claiming.includes(savedCopyOf(file) ?? ''));
  const original = claiming.find((file) => !copies.includes(file));
  if (original === undefined || copies.length !== claiming.length - 1 || copies.some((copy) => savedCopyOf(copy) !== original)) return undefined;
  return `${copies.join(' and ')} ${copies.length === 1 ? 'is a copy' : 'are copies'} of ${original}, named as Windows, a browser's download or a Mac names copies: keep the text you want in ${original}, delete the ${copies.length === 1 ? 'copy' : 'copies'}, then clear again.`;
}

/** `the first`, `the second`, … `file 6` for a file's place in a list, counted from 0. */
function ordinal(index: number): string {
  return ['the first', 'the second', 'the third', 'the fourth', 'the fifth'][index] ?? `file ${index + 1}`;
}

/** A path to a position file, or the id of a loaded position. */
function positionFile(project: Project, cwd: string, given: string): string {
  const path = namedPath(project.root, cwd, given);
  if (existsSync(path)) return path;
  const byId = project.positions.get(given);
  const claiming = filesClaiming(project, given);
  if (claiming.length > 1) {
    // Two paths that look the same (one name, its letters written two ways) are told apart: each from the first listed before it.
    const apart = (file: string, index: number) => {
      const twin = claiming.slice(0, index).findIndex((earlier) => sameNameOtherLetters(earlier, file) !== undefined);
      return twin < 0 ? undefined : sameNameOtherLetters(claiming[twin] ?? file, file, `in ${ordinal(twin)}`);
    };
    const copies = claiming.filter((file, index) => apart(file, index) !== undefined).length;
    const nameTheFile = 'Name the file to clear instead of the id, and give each position its own id (by convention its file name).';
    throw new UsageError(
      `The id \`${given}\` is claimed by ${claiming.length} position files: ${claiming.map((file, index) => `${file}${apart(file, index) ?? ''}`).join(', ')}. Nothing written.`,
      // The copy's advice alone only when every file but one is a copy of another: else a file still needs naming.
      savedCopiesHint(claiming) ?? (copies === 0 ? nameTheFile : copies === claiming.length - 1 ? SAME_NAME_COPY_HINT : `${SAME_NAME_COPY_HINT} ${nameTheFile}`),
    );
  }
  if (byId) return join(project.root, byId.file.path);
  // A file named as the position list shows it: under the positions folder, without `.yaml`.
  const folder = join(project.root, project.config.paths.positions);
  for (const candidate of [namedPath(project.root, cwd, `${given}.yaml`), join(folder, given), join(folder, `${given}.yaml`)]) {
    if (candidate.endsWith('.yaml') && isInside(folder, candidate) && existsSync(candidate)) return candidate;
  }
  const link = brokenLink(path);
  if (link) throw new UsageError(`${given}: is ${link}: there is no position file to clear; nothing written.`, BROKEN_LINK_HINT);
  const another = writtenAnotherWay(project.root, path);
  if (another) throw new UsageError(`No position file \`${given}\` as typed, ${another.message}`, another.hint);
  // git may have the file the working tree lacks (a sparse checkout, a deletion): how to bring it back.
  const absent = project.files.absent?.(project.config.paths.positions, basename(given).replace(/\.ya?ml$/i, ''));
  if (absent) throw new UsageError(`No position file or id \`${given}\` in the working tree.`, absentHint(absent, undefined, renamedAdvice(project, (id) => `clear it by that id, \`briefing clear ${id}\` with the same options`)));
  const meetings = project.config.paths.meetings;
  if (isInside(join(project.root, meetings), path)) {
    // A meeting stands for its positions: one that is not there is no position.
    const near = suggest(projectPath(project.root, path), project.files.list(meetings, YAML_FILES));
    throw new UsageError(`No meeting file \`${given}\`.`, near ? `Did you mean ${relative(cwd, join(project.root, near))}?` : `Meeting files live in ${meetings}/ (\`briefing list meetings\`).`);
  }
  const nearest = suggest(given, [...project.positions.keys()]) ?? suggest(basename(given).replace(/\.ya?ml$/, ''), [...project.positions.keys()]);
  const otherwise = nearest ? `Did you mean ${nearest}?` : `Position files live in ${project.config.paths.positions}/.`;
  const unseen = unseenHint(given);
  throw new UsageError(`No position file or id \`${withUnseenShown(given)}\`${unseenNote(given)}.`, unseen ? `${unseen} ${otherwise}` : otherwise);
}
