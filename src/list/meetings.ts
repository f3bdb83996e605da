import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedMeeting } from '../load/meeting.js';
import { CONFIG_FILE, type Project } from '../load/project.js';
import { TEMPLATE_SUFFIX } from '../load/templates.js';
import { clearedBy } from '../model/index.js';
import { compare } from './positions.js';

/** Whether a meeting's output files exist and are newer than everything they are made of. */
export type BuildState = 'built' | 'outdated' | 'not built';

/** One line of `briefing list meetings`. */
export interface MeetingRow {
  file: string;
  /** null when the file does not pass its schema. */
  date: string | null;
  topic: string | null;
  /** Distinct positions its questions use. */
  positions: number;
  /** Of those, how many every required ministry has cleared (and are not drafts). */
  cleared: number;
  build: BuildState;
  uncleared: boolean;
}

/** The rows for every meeting, by date. */
export function meetingRows(project: Project, meetings: readonly LoadedMeeting[]): MeetingRow[] {
  const rows = meetings.map((loaded): MeetingRow => {
    const meeting = loaded.meeting;
    const ids = [...new Set(meeting?.questions.map((q) => q.position) ?? [])];
    const cleared = ids.filter((id) => {
      const position = project.positions.get(id)?.position;
      return position?.status === 'cleared' && meeting?.required_clearances.every((code) => clearedBy(position, code));
    }).length;
    return {
      file: loaded.path,
      date: meeting?.date ?? null,
      topic: meeting?.topic ?? null,
      positions: ids.length,
      cleared,
      build: buildState(project, loaded, ids),
      uncleared: !meeting || ids.length === 0 || cleared < ids.length,
    };
  });
  return rows.sort((a, b) => compare(a.date ?? '\uffff', b.date ?? '\uffff') || compare(a.file, b.file));
}

/**
 * Compares modification times: every output file of the configured formats must exist
 * and be at least as new as the meeting, its positions, its template, config and registry.
 */
function buildState(project: Project, loaded: LoadedMeeting, ids: readonly string[]): BuildState {
  const meeting = loaded.meeting;
  if (!meeting) return 'not built';
  const outputs = project.config.formats.map((format) => mtime(join(project.root, project.config.output, `${meeting.file_code}.${format}`)));
  if (outputs.some((t) => t === undefined)) return 'not built';
  const template = project.templateDirs.map((dir) => join(dir, meeting.template + TEMPLATE_SUFFIX)).find((path) => mtime(path) !== undefined);
  const inputs = [
    loaded.absolutePath,
    join(project.root, CONFIG_FILE),
    join(project.root, project.config.paths.ministries),
    ...(template ? [template] : []),
    ...ids.flatMap((id) => {
      const file = project.positions.get(id)?.file.path;
      return file ? [join(project.root, file)] : [];
    }),
  ];
  const oldestOutput = Math.min(...outputs.map((t) => t ?? 0));
  const newestInput = Math.max(...inputs.map((path) => mtime(path) ?? 0));
  return newestInput > oldestOutput ? 'outdated' : 'built';
}

function mtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
