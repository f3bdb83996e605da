import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { jsonDiagnostic } from '../diagnostics/json.js';
import type { ChalkInstance } from 'chalk';
import type { BuildResult, MeetingOutcome } from '../commands/build.js';
import { countProblems, oneLine } from '../diagnostics/human.js';
import { failedWritesNote, staleOutputsNote, type OrphanedReport } from '../emit/report.js';

/** One line per meeting that was built or failed; unchanged meetings only count in the summary. */
export function formatOutcome(meeting: MeetingOutcome, chalk: ChalkInstance): string | undefined {
  if (meeting.status === 'built') {
    const mark = meeting.draft ? chalk.yellow(' (draft: not every clearance is in place)') : '';
    return `${chalk.green('built')}  ${oneLine(meeting.meeting)} → ${oneLine(meeting.outputs.join(', '))}${oneLine(staleOutputsNote(meeting.removed, meeting.left, meeting.outputs))}${mark}`;
  }
  if (meeting.status === 'failed') {
    return `${chalk.red('failed')} ${oneLine(meeting.meeting)}: ${oneLine(failedWritesNote(meeting.outputs))}`;
  }
  return undefined;
}

/** The line for a meeting whose file is gone: the files of its last build removed, and those left as edited since. */
export function formatDeletedMeeting(deleted: OrphanedReport, chalk: ChalkInstance): string {
  const removed = deleted.removed.length ? ` → removed ${deleted.removed.join(', ')}` : '';
  const left = deleted.left.length ? `; ${deleted.left.join(', ')} changed since its last build or held open: left as it is` : '';
  return `${chalk.yellow('gone')}   ${oneLine(deleted.meeting)} (the meeting file no longer exists)${oneLine(removed + left)}`;
}

/** "3 meetings: 1 built, 1 unchanged, 1 failed (meetings/x.yaml); 2 errors." */
export function formatSummary(result: BuildResult, chalk: ChalkInstance): string {
  const { built, unchanged, failed } = result.summary;
  const total = result.meetings.length;
  const failedNames = result.meetings.filter((m) => m.status === 'failed').map((m) => oneLine(m.meeting));
  const shown = failedNames.length > 5 ? [...failedNames.slice(0, 5), `${failedNames.length - 5} more`] : failedNames;
  const failures = failed ? chalk.red(`${failed} failed (${shown.join(', ')})`) : '0 failed';
  // With --upcoming, the meetings left out as over are counted, so a run that built none says why.
  const over = result.over.length ? `; ${result.over.length} ${result.over.length === 1 ? 'meeting that is over' : 'meetings that are over'} left out (--upcoming)` : '';
  // Stopped before any meeting (a file of another kind named, the output folder blocked): "0 meetings" would say none was asked for.
  if (!total) return `Nothing built${over}; ${countProblems(result.diagnostics)}.`;
  return `${total} ${total === 1 ? 'meeting' : 'meetings'}: ${built} built, ${unchanged} unchanged, ${failures}${over}; ${countProblems(result.diagnostics)}.`;
}

/**
 * Version of the shape of `build --json`'s report, as `check --format json` has one: raised only
 * when a field changes meaning or goes away (docs/ci.md).
 */
export const BUILD_REPORT_VERSION = 1;

/**
 * The machine-readable report of `build --json`: per meeting its inputs, outputs, status,
 * messages and time; the run's own messages; the summary and the exit code.
 */
export function buildJson(result: BuildResult): string {
  const report = {
    version: BUILD_REPORT_VERSION,
    summary: result.summary,
    exitCode: result.exitCode,
    threads: result.threads,
    meetings: result.meetings.map((m) => ({
      meeting: m.meeting,
      status: m.status,
      draft: m.draft,
      inputs: m.inputs,
      outputs: m.outputs,
      // Files of an earlier build this one took away, and those it left out of date (docs/ci.md).
      ...(m.removed?.length ? { removed: m.removed } : {}),
      ...(m.left?.length ? { left: m.left } : {}),
      // In the order of every list of problems (docs/json-report.md): a meeting's are found rule by rule, not by place.
      messages: sortDiagnostics(m.diagnostics).map(jsonDiagnostic),
      ms: Math.round(m.ms),
    })),
    // Meetings whose file is gone, and what became of their last build's files (docs/ci.md).
    ...(result.deletedMeetings.length ? { deletedMeetings: result.deletedMeetings } : {}),
    // With --upcoming, the meetings left out because they are over (docs/ci.md).
    ...(result.over.length ? { over: result.over } : {}),
    messages: result.runDiagnostics.map(jsonDiagnostic),
  };
  return JSON.stringify(report, null, 2);
}
