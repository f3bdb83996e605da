/** What the user should know once `clear` recorded an answer: what the meetings using the position still wait for, and an answer's date or ministry that looks like a slip. */

import { join } from 'node:path';
import { readText } from '../load/files.js';
import { loadAllMeetings, namesId } from '../load/meetings.js';
import type { Project } from '../load/project.js';
import { parseYaml } from '../load/yaml.js';
import { clearancesNeeded, clearedBy, nominativeOn, stillToCome, type Meeting, type Position } from '../model/index.js';
import { CLEARANCE_RECORD, type ClearanceStatus } from '../model/position.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { clearanceBeforeEstablished } from '../validate/position-rules.js';
import type { ClearEachOptions, ClearResult } from './clear-result.js';

/** What the user should know once the answer is recorded in the position `shown`: notes on the position, and warnings on the answer's date and ministry. */
export function afterRecord(project: Project, shown: string, recorded: Position, using: readonly Meeting[], ministry: string, date: string, options: ClearEachOptions): Pick<ClearResult, 'notes' | 'diagnostics'> {
  const notes = [
    ...(options.status === 'objected' && recorded.clearance[ministry]?.note === undefined ? ['Say what the objection is with --note, for whoever changes the text.'] : []),
    // A clearance is of the text it answered: of an empty one, it stops counting once the answer is written.
    ...(options.status === 'cleared' && !recorded.body.trim() ? [`The answer (\`body\`) is still empty, so ${ministry} has cleared no text: once the answer is written, this clearance no longer counts.`] : []),
    ...(options.onVersion !== undefined && options.onVersion < recorded.version
      ? [`Recorded as ${ministry}'s answer on version ${options.onVersion}: it does not count for version ${recorded.version}, the text now.`]
      : []),
    ...notesOn(recorded, stillToCome(using, options.today)),
  ];
  const registered = project.ministries[ministry];
  const early = registered ? clearanceBeforeEstablished(shown, undefined, ministry, registered, date) : undefined;
  const dated = [...afterMeetings(shown, ministry, date, using, options.status), ...(early ? [early] : [])];
  // At the date as written now: the file was just read and written under the lock.
  const place = dated.length ? parseYaml(shown, readText(join(project.root, shown), shown)).locate(['clearance', ministry, 'date']) : undefined;
  return { notes, diagnostics: [...notRequired(project, shown, ministry, date, using), ...dated.map((d) => (place ? { ...d, line: place.line, column: place.column } : d))] };
}

/**
 * A clearance dated after every meeting that uses the position: probably a wrong date. One dated
 * before a meeting that uses it is for that meeting, whatever earlier ones used the position too
 * (a position cleared again in May for May's meeting was said to be dated after February's).
 */
function afterMeetings(shown: string, ministry: string, date: string, using: readonly Meeting[], status: ClearanceStatus): Diagnostic[] {
  const before = using.filter((meeting) => meeting.date < date).map((meeting) => meeting.date);
  if (status === 'withdrawn' || !before.length || before.length < using.length) return [];
  const meetings = [...new Set(before)].sort();
  // A position used for years lists dozens of days: the first and the last say as much.
  const which =
    meetings.length > 3
      ? `the ${meetings.length} meetings that use this position, from ${meetings[0]} to ${meetings.at(-1)}`
      : `the meeting${meetings.length > 1 ? 's' : ''} on ${meetings.join(', ')} that use${meetings.length > 1 ? '' : 's'} this position`;
  return [
    diagnostic(
      shown,
      undefined,
      'warning',
      'clearance/after-meeting',
      `The ${CLEARANCE_RECORD[status]} by ${ministry} is dated ${date}, after ${which}.`,
      `Check the date (--date); a position is ${status === 'pending' ? 'sent for clearance' : 'cleared'} before the meeting it is used for.`,
    ),
  ];
}

/** Of `meetings`, those whose questions the position `id` answers. */
export function meetingsUsing(meetings: readonly Meeting[], id: string): Meeting[] {
  return meetings.filter((meeting) => meeting.questions.some((q) => q.position === id));
}

/** The meetings whose text names one of `ids` (read and parsed only those). */
export function meetingsNaming(project: Project, ids: readonly string[]): Meeting[] {
  return loadAllMeetings(project, new Set(), (text) => ids.some((id) => namesId(text, id))).flatMap((m) => (m.meeting ? [m.meeting] : []));
}

/** A clearance recorded for a ministry none of the meetings using the position require: probably a slip. The ministry is named as on `date`, the answer's. */
function notRequired(project: Project, shown: string, ministry: string, date: string, using: readonly Meeting[]): Diagnostic[] {
  const required = [...new Set(using.flatMap((m) => m.required_clearances))];
  if (!using.length || required.includes(ministry)) return [];
  return [
    diagnostic(
      shown,
      undefined,
      'warning',
      'clearance/not-required',
      `Recorded, but no meeting using this position requires ${nominativeOn(project.ministries, ministry, date)} (${ministry}); they require ${required.length ? required.join(', ') : 'no clearance'}.`,
      'If that was a slip, correct the ministry code in the file.',
    ),
  ];
}

/** What the meetings using the position still wait for, and whether `status` may now be due. */
function notesOn(position: Position, using: readonly Meeting[]): string[] {
  const required = clearancesNeeded(position, [...new Set(using.flatMap((m) => m.required_clearances))]);
  const missing = required.filter((code) => !clearedBy(position, code));
  if (!required.length) return [];
  if (missing.length) {
    // An objection or withdrawal recorded on a position already marked cleared: its status no longer says where it stands.
    const reopened = position.status === 'cleared' ? ['`status` is `cleared`, but not every ministry the meetings require has cleared the text now: set `status: draft` while it is negotiated again.'] : [];
    return [`Still waiting for: ${missing.join(', ')}.`, ...reopened];
  }
  if (position.status === 'draft') return ['Every ministry the meetings require has cleared it; `status` is still `draft`: set `status: cleared` when the text is final.'];
  return ['Every ministry the meetings require has cleared it.'];
}
