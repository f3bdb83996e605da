import { resolve } from 'node:path';
import { projectPath } from '../load/files.js';
import { loadAllMeetings } from '../load/meetings.js';
import { loadProject } from '../load/project.js';
import { gitStates } from '../list/git.js';
import { meetingRows, type MeetingRow } from '../list/meetings.js';
import { positionRows, type PositionRow } from '../list/positions.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';

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
}

/**
 * The rows, filtered and sorted by date, plus the project's setup problems if any;
 * an error among them means the project could not be read as it should (exit 2).
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
  const diagnostics = sortDiagnostics(project.setupDiagnostics);
  const exitCode = hasErrors(diagnostics) ? ExitCode.failure : ExitCode.ok;
  if (options.what === 'meetings') {
    return { what: 'meetings', rows: meetingRows(project, meetings).filter((row) => !options.uncleared || row.uncleared), diagnostics, exitCode };
  }
  let only: string | undefined;
  if (options.meeting !== undefined) {
    only = projectPath(project.root, resolve(options.cwd, options.meeting));
    if (!meetings.some((m) => m.path === only)) {
      throw new UsageError(`No meeting file ${only}.`, `Meeting files: ${meetings.map((m) => m.path).join(', ') || 'none yet'}.`);
    }
  }
  const files = [...project.positions.values()].map((p) => p.file.path);
  const git = await gitStates(project.root, files);
  const rows = positionRows(project, meetings, git).filter(
    (row) =>
      (!options.status || row.status === options.status) &&
      (!options.uncleared || row.uncleared) &&
      (only === undefined || row.meetings.some((m) => m.file === only)),
  );
  return { what: 'positions', rows, diagnostics, exitCode };
}
