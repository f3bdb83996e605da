import type { LoadedMeeting } from '../load/meeting.js';
import type { Project } from '../load/project.js';
import { readPositionFile, type LoadedPosition } from '../load/position-files.js';
import type { GitState } from './git.js';
import { clearanceOf, clearancesNeeded, stillToCome, type ClearanceState } from '../model/index.js';
import { compareText } from '../util/text-order.js';

/** Where one ministry stands on a position. */
export type { ClearanceState } from '../model/index.js';

/** Where one ministry stands on a listed position: `unknown` when its file cannot be read (it may record any answer). */
export type ListedClearanceState = ClearanceState | 'unknown';

/** One line of `briefing list positions`. */
export interface PositionRow {
  id: string;
  /** Project-relative path of the file. */
  file: string;
  /** null when the file does not pass its schema. */
  version: number | null;
  status: 'draft' | 'cleared' | 'invalid';
  /** Per ministry that must clear it: those the meetings using it require, else those on record. */
  clearances: { ministry: string; state: ListedClearanceState }[];
  /** Meetings whose questions use it, by date. */
  meetings: { file: string; date: string }[];
  /** Git: last commit date, and whether the file has changes not committed yet. */
  lastChanged: string | null;
  uncommitted: boolean;
  /** Git: the file last changed before the history a shallow clone holds begins, so `lastChanged` is not known (null). */
  beforeHistory: boolean;
  /**
   * Still a draft, or some ministry that must clear it has not. Of a position a meeting not yet over uses, only
   * the ministries such meetings require count: one only meetings already over asked (a ministry that has since
   * handed the area over) is not waited for.
   */
  uncleared: boolean;
}

/** Every position file of the project, loaded: also a second one claiming an id another has (the project keeps the first by id), which is listed, not hidden. */
export function listedPositions(project: Project): LoadedPosition[] {
  return project.positionFiles.map((file) => {
    const kept = project.positions.get(file.id);
    return kept && kept.file.path === file.path ? kept : readPositionFile(project.files, file.path);
  });
}

/**
 * The rows for the `files` of {@link listedPositions}, sorted by the date of the first meeting using each.
 * `today` (YYYY-MM-DD) tells the meetings still to come from those that are over (see `PositionRow.uncleared`).
 */
export function positionRows(files: readonly LoadedPosition[], meetings: readonly LoadedMeeting[], git: ReadonlyMap<string, GitState> | null, today?: string): PositionRow[] {
  const rows = files.map((loaded): PositionRow => {
    const using = meetings
      .flatMap((m) =>
        m.meeting?.questions.some((q) => q.position === loaded.id) ? [{ file: m.path, date: m.meeting.date, end_date: m.meeting.end_date, required: m.meeting.required_clearances }] : [],
      )
      .sort((a, b) => compareText(a.date, b.date) || compareText(a.file, b.file));
    const position = loaded.position;
    const recorded = position?.clearance ?? {};
    // The owner is not asked for its own position's clearance, though the meetings require it of the others.
    const asked = [...new Set(using.flatMap((m) => m.required))];
    const required = using.length ? (position ? clearancesNeeded(position, asked) : asked) : Object.keys(recorded);
    const clearances = required.map((ministry): PositionRow['clearances'][number] => ({ ministry, state: position ? clearanceOf(position, ministry).state : 'unknown' }));
    // A position used again, for a meeting still to come, waits for what that meeting asks, not for what a meeting years ago did.
    const waitedFor = using.length ? new Set(stillToCome(using, today).flatMap((m) => m.required)) : undefined;
    const status = position?.status ?? 'invalid';
    const state = git?.get(loaded.file.path);
    return {
      id: loaded.id,
      file: loaded.file.path,
      version: position?.version ?? null,
      status,
      clearances,
      meetings: using.map(({ file, date }) => ({ file, date })),
      lastChanged: state?.lastCommit ?? null,
      uncommitted: state?.uncommitted ?? false,
      beforeHistory: state?.beforeHistory ?? false,
      uncleared: status !== 'cleared' || clearances.some((c) => c.state !== 'cleared' && (!waitedFor || waitedFor.has(c.ministry))),
    };
  });
  return rows.sort((a, b) => compareText(a.meetings[0]?.date ?? '\uffff', b.meetings[0]?.date ?? '\uffff') || compareText(a.id, b.id));
}
