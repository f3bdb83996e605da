import { basename, join } from 'node:path';
import { BROKEN_LINK_HINT, brokenLink, namedPath, projectPath } from '../load/files.js';
import type { LoadedMeeting } from '../load/meeting.js';
import { loadAllMeetings } from '../load/meetings.js';
import { gitGapProblem, noGitProblem } from '../load/committed-versions.js';
import { loadProject, type Project } from '../load/project.js';
import { GitFailedError, gitRefusal, gitUnlinked, UNSHALLOW_HINT } from '../load/git-failures.js';
import { gitMissing, inGitCheckout } from '../load/git-state.js';
import { gitStates } from '../list/git.js';
import { meetingRows, type MeetingRow } from '../list/meetings.js';
import { listedPositions, positionRows, type PositionRow } from '../list/positions.js';
import type { LoadedPosition } from '../load/position-files.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { shellWord } from '../util/shell.js';
import { isToCome } from '../model/index.js';
import { duplicateFileCodes } from '../validate/project-rules.js';

/** Options of `briefing list [positions|meetings]`. */
export interface ListOptions {
  cwd: string;
  what: 'positions' | 'meetings';
  /** Positions only: keep those with this status. */
  status?: 'draft' | 'cleared';
  /** Keep what still waits for a clearance (or has no positions yet, for meetings). */
  uncleared: boolean;
  /** Positions only: keep those a meeting file uses. */
  meeting?: string;
  /** Keep only what a meeting still to come (its last day today or later) is, or uses. */
  upcoming?: boolean;
  /** Today's date (YYYY-MM-DD), given by the caller: with `uncleared`, what meetings already over asked is not waited for; `upcoming` needs it. */
  today?: string;
}

/**
 * The rows, filtered and sorted by date, plus the project's setup problems if any (an error
 * among them means the project could not be read as it should: exit 2), and a problem for each
 * meeting that cannot be read, whose positions and clearances the rows then miss (exit 1).
 */
export type ListResult = { diagnostics: Diagnostic[]; exitCode: number } & (
  | { what: 'positions'; rows: PositionRow[] }
  | { what: 'meetings'; rows: MeetingRow[] }
);

/** Lists the project's positions (with clearances and git dates) or its meetings (with progress). */
export async function list(options: ListOptions): Promise<ListResult> {
  if (options.what === 'meetings' && (options.status || options.meeting)) {
    throw new UsageError('--status and --meeting filter positions, not meetings.', 'For example: briefing list positions --status draft');
  }
  const project = loadProject(options.cwd);
  const meetings = loadAllMeetings(project);
  const coming = comingMeetings(meetings, options);
  const diagnostics = sortDiagnostics([...project.setupDiagnostics, ...meetings.flatMap(unreadableMeeting), ...meetings.flatMap((m) => missingPositions(project, m))]);
  const exitCode = hasErrors(diagnostics) ? ExitCode.problems : ExitCode.ok;
  if (options.what === 'meetings') {
    const unreadable = unreadableUsedPositions(project, meetings);
    const shared = sharedFileCodes(meetings);
    return {
      what: 'meetings',
      rows: meetingRows(project, meetings, options.today).filter((row) => (!options.uncleared || row.uncleared) && (!coming || coming.has(row.file))),
      diagnostics: sortDiagnostics([...diagnostics, ...unreadable, ...shared]),
      exitCode: (unreadable.length || shared.length) && exitCode === ExitCode.ok ? ExitCode.problems : exitCode,
    };
  }
  let only: string | undefined;
  if (options.meeting !== undefined) {
    only = meetingNamed(options.meeting, options.cwd, project.root, meetings);
    if (!meetings.some((m) => m.path === only)) {
      const link = brokenLink(join(project.root, only));
      if (link) throw new UsageError(`${only}: is ${link}: there is no meeting file to list.`, BROKEN_LINK_HINT);
      throw new UsageError(`No meeting file ${only}.`, `Meeting files: ${meetings.map((m) => m.path).join(', ') || 'none yet'}.`);
    }
  }
  const states = await gitStates(project.root, project.positionFiles.map((file) => file.path));
  if (states instanceof GitFailedError) diagnostics.push(gitGapProblem(states));
  const git = states instanceof GitFailedError ? null : states;
  if (states === null && inGitCheckout(project.root)) diagnostics.push(...unusableGit(project.root));
  const files = listedPositions(project);
  const unreadable = files.flatMap(unreadablePosition);
  diagnostics.push(...unreadable);
  const rows = positionRows(files, meetings, git, options.today).filter(
    (row) =>
      (!options.status || row.status === options.status) &&
      (!options.uncleared || row.uncleared) &&
      (only === undefined || row.meetings.some((m) => m.file === only)) &&
      (!coming || row.meetings.some((m) => coming.has(m.file))),
  );
  const cut = [...(git?.values() ?? [])].filter((state) => state.beforeHistory).length;
  if (cut) diagnostics.push(shallowHistory(project.config.paths.positions, cut));
  // Two files claiming one id are both listed; which one a meeting gets is what check reports.
  const duplicates = [...project.positions.values()].flatMap((p) => p.diagnostics.filter((d) => d.ruleId === 'position/duplicate-id'));
  diagnostics.push(...duplicates);
  // Sorted again: the problems found after the first sort go where their files are, as in check's output.
  return { what: 'positions', rows, diagnostics: sortDiagnostics(diagnostics), exitCode: (duplicates.length || unreadable.length) && exitCode === ExitCode.ok ? ExitCode.problems : exitCode };
}

/**
 * With `upcoming`, the files of the meetings still to come: their last day is today or later (none
 * without today). A repository used for years lists hundreds of meetings that are over.
 */
function comingMeetings(meetings: readonly LoadedMeeting[], options: ListOptions): ReadonlySet<string> | undefined {
  if (!options.upcoming) return undefined;
  const today = options.today;
  return new Set(meetings.flatMap((loaded) => (loaded.meeting && today !== undefined && isToCome(loaded.meeting, today) ? [loaded.path] : [])));
}

/**
 * Meetings that share a file code, as check says them: a copy of a meeting beside it (`Copy of …`, `… (1).yaml`)
 * was listed as a second row alike in every column, and neither is built while both are there.
 */
function sharedFileCodes(meetings: readonly LoadedMeeting[]): Diagnostic[] {
  return duplicateFileCodes(meetings.flatMap((loaded) => (loaded.meeting ? [{ meetingPath: loaded.path, fileCode: loaded.meeting.file_code, fileCodePlace: loaded.file.locate(['file_code']) }] : [])));
}

/** Why git gave no dates in a git checkout, when it is one the user can act on: git missing, refusing the repository, or the repository not there. */
function unusableGit(root: string): Diagnostic[] {
  if (gitMissing()) return [noGitProblem()];
  const refused = gitRefusal(root);
  if (refused) return [gitGapProblem(refused)];
  const unlinked = gitUnlinked(root);
  return unlinked ? [gitGapProblem(unlinked)] : [];
}

/** A shallow clone (CI checks out one commit by default) cannot date what changed before its history begins. */
function shallowHistory(folder: string, count: number): Diagnostic {
  return diagnostic(
    folder,
    undefined,
    'warning',
    'list/shallow-history',
    `This is a shallow clone: ${count === 1 ? '1 position' : `${count} positions`} last changed before the history it holds begins, so ${count === 1 ? 'its date is' : 'their dates are'} not known (shown ?).`,
    UNSHALLOW_HINT,
  );
}

/** A question whose position does not exist: the list has no row for it, which must not look complete (exit 1). */
function missingPositions(project: Project, loaded: LoadedMeeting): Diagnostic[] {
  return (loaded.meeting?.questions ?? []).flatMap((question, index) =>
    project.positions.has(question.position)
      ? []
      : [
          diagnostic(
            loaded.path,
            loaded.file.locate(['questions', index, 'position']),
            'error',
            'meeting/unknown-position',
            `Question ${index + 1} points to the position \`${question.position}\`, which does not exist: the list has no row for it.`,
            `Run \`briefing check ${shellWord(loaded.path)}\` for what to do.`,
          ),
        ],
  );
}

/**
 * The meeting `--meeting` names: a path (from the folder the command runs in, else from the root), or the name of a
 * meeting file without its folder or `.yaml` (`2021-02-19-educ-informal`), as the list of meetings
 * and `new meeting` show it.
 */
function meetingNamed(named: string, cwd: string, root: string, meetings: readonly LoadedMeeting[]): string {
  const path = projectPath(root, namedPath(root, cwd, named));
  if (meetings.some((m) => m.path === path)) return path;
  const byName = meetings.filter((m) => basename(m.path).replace(/\.ya?ml$/i, '') === named.replace(/\.ya?ml$/i, ''));
  return byName.length === 1 && byName[0] ? byName[0].path : path;
}

/** A meeting that cannot be read: the list cannot say what it uses or requires, and must not look complete. */
function unreadableMeeting(loaded: LoadedMeeting): Diagnostic[] {
  if (loaded.meeting) return [];
  return [unreadableFile(loaded.path, loaded.diagnostics, 'list/unreadable-meeting', 'meeting', 'the list leaves out the positions it uses and the clearances it requires')];
}

/** A position that cannot be read: its row says `invalid`, with no version, status or clearances, and must say where and why. */
function unreadablePosition(loaded: LoadedPosition): Diagnostic[] {
  if (loaded.position) return [];
  return [unreadableFile(loaded.file.path, loaded.diagnostics, 'list/unreadable-position', 'position', 'the list shows it as invalid, without its version, status or clearances')];
}

/** The positions meetings use that cannot be read: whether those meetings are cleared is not known (`?`), and must not look counted. */
function unreadableUsedPositions(project: Project, meetings: readonly LoadedMeeting[]): Diagnostic[] {
  const used = new Set(meetings.flatMap((loaded) => loaded.meeting?.questions.map((question) => question.position) ?? []));
  return [...project.positions.values()]
    .filter((loaded) => used.has(loaded.id) && !loaded.position)
    .map((loaded) => unreadableFile(loaded.file.path, loaded.diagnostics, 'list/unreadable-position', 'position', 'the list cannot tell whether the meetings using it are cleared (shown ?)'));
}

/** The message for a file that cannot be read, at its first error and quoting it. */
function unreadableFile(path: string, problems: readonly Diagnostic[], ruleId: 'list/unreadable-meeting' | 'list/unreadable-position', kind: string, consequence: string): Diagnostic {
  const first = problems.find((problem) => problem.severity === 'error');
  const place = first?.line === undefined ? undefined : { line: first.line, column: first.column ?? 1 };
  return diagnostic(
    path,
    place,
    'error',
    ruleId,
    `This ${kind} cannot be read${first ? ` (${first.message.replace(/\.$/, '')})` : ''}, so ${consequence}.`,
    `Run \`briefing check ${shellWord(path)}\` and fix the file.`,
  );
}
