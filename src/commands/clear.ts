import { LockError, withFileLocks, type LockWaitNotice } from '../emit/lock.js';
import { writeProblem } from '../emit/report.js';
import { EDIT_ADVICE, OutputError, writeAllAtomic } from '../emit/write.js';
import { readText } from '../load/files.js';
import { loadProject } from '../load/project.js';
import { knownPositionIds } from '../batch/cache.js';
import { readDay } from '../model/date.js';
import { ministryCode } from './ministry-code.js';
import type { Position } from '../model/index.js';
import { clearanceSchema } from '../model/position.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { typedTextProblem } from '../load/characters.js';
import type { ClearOptions, ClearEachOptions, ClearResult, ClearEachResult } from '../edit/clear-result.js';
import { namedTargets, withoutOwn } from '../edit/clear-targets.js';
import { planRecord, refuseWithdrawals } from '../edit/clear-record.js';
import { afterRecord, meetingsUsing, meetingsNaming } from '../edit/clear-notes.js';

/**
 * Records one ministry's clearance (or its withdrawal) in a position file, in place:
 * comments, key order and layout stay. Changes nothing else — not `status`, not
 * `version` — and says so when that may be due.
 */
export function clear(options: ClearOptions): ClearResult {
  const { position, ...rest } = options;
  const each = clearEach({ ...rest, targets: [position] });
  const [only] = each.results;
  return only ? { ...only, notes: [...each.notes, ...only.notes], diagnostics: sortDiagnostics([...each.diagnostics, ...only.diagnostics]) } : { file: '', changes: [], written: false, notes: [], diagnostics: each.diagnostics, exitCode: each.exitCode };
}

/**
 * Records one ministry's answer on each position named, as {@link clear} does on one: a ministry's
 * e-mail that clears the whole report is one command. A meeting file stands for the positions its
 * questions use (but those the ministry owns). All or nothing: a position that cannot take the
 * answer (an error, a usage error) leaves every file as it was.
 */
export function clearEach(options: ClearEachOptions): ClearEachResult {
  const project = loadProject(options.cwd, { knownPositionIds: knownPositionIds(options.cwd) });
  if (hasErrors(project.setupDiagnostics)) return { results: [], diagnostics: sortDiagnostics(project.setupDiagnostics), notes: [], exitCode: ExitCode.problems };
  // The files first, as for one position: one that is not there, or not a position, is said before the flags are read.
  const named = namedTargets(project, options.cwd, options.targets);
  if (named.problems.length) return { results: [], diagnostics: sortDiagnostics(named.problems), notes: [], exitCode: ExitCode.problems };
  const ministry = ministryCode(project, options.ministry);
  const date = readDate(options.date);
  refuseRecordText('ref', options.ref);
  refuseRecordText('note', options.note);
  const found = withoutOwn(named, ministry);
  if (found.problems.length) return { results: [], diagnostics: sortDiagnostics(found.problems), notes: found.notes, exitCode: ExitCode.problems };
  if (options.onVersion !== undefined && found.files.length > 1) {
    throw new UsageError(`--on-version ${options.onVersion} names one position's version, and ${found.files.length} positions are named; nothing written.`, 'Record a late answer on an earlier version one position at a time.');
  }

  // Read, edit and write under the files' locks: parallel `clear` commands on one file each see the last one's result.
  const planned = withAllLocks(
    found.files.map((file) => ({ target: file.absolute, shownAs: file.shown })),
    (): { results: ClearResult[]; recorded: (Position | undefined)[] } | { failed: ClearResult[] } => {
      const plans = found.files.map((file) => ({ file, plan: planRecord(file.shown, readText(file.absolute, file.shown), ministry, date.iso, options) }));
      // Every position with nothing to withdraw is named, not the first alone: the user learns of them all at once.
      refuseWithdrawals(ministry, plans.map(({ file, plan }) => ({ shown: file.shown, takes: plan.edited !== undefined, ...(plan.nothingToWithdraw ? { nothingToWithdraw: plan.nothingToWithdraw } : {}) })));
      const results = plans.map(({ plan }) => plan.result);
      if (plans.some(({ plan }) => plan.edited === undefined)) return { failed: results.map((result) => (result.exitCode === ExitCode.ok ? { ...result, changes: [], written: false } : result)) };
      const writes = plans.flatMap(({ file, plan }) => (plan.edited !== undefined && plan.result.written ? [{ target: file.absolute, data: plan.edited, shownAs: file.shown }] : []));
      try {
        writeAllAtomic(writes, EDIT_ADVICE);
      } catch (error) {
        if (!(error instanceof OutputError)) throw error;
        return { failed: results.map((result) => ({ ...result, changes: [], written: false, ...(result.file === error.file ? { diagnostics: [writeProblem(error)], exitCode: ExitCode.failure } : {}) })) };
      }
      return { results, recorded: plans.map(({ plan }) => plan.recorded) };
    },
    options.onLockWait,
  );
  if ('failed' in planned) {
    const exitCode = Math.max(...planned.failed.map((result) => result.exitCode));
    return { results: planned.failed, diagnostics: [], notes: found.notes, exitCode };
  }
  // What the meetings still wait for is worked out after the locks are released: it reads every meeting.
  // The meetings read once for all the positions recorded (a meeting's 30 positions read every meeting 30 times).
  const meetings = meetingsNaming(project, planned.recorded.flatMap((recorded) => (recorded ? [recorded.id] : [])));
  const results = planned.results.map((result, index) => {
    const recorded = planned.recorded[index];
    if (!recorded) return result;
    const after = afterRecord(project, result.file, recorded, meetingsUsing(meetings, recorded.id), ministry, recorded.clearance[ministry]?.date ?? date.iso, options);
    return { ...result, notes: [...result.notes, ...after.notes], diagnostics: after.diagnostics };
  });
  return { results, diagnostics: [], notes: [...found.notes, ...dateNotes(date.iso, options)], exitCode: ExitCode.ok };
}

/** {@link withFileLocks}, whose refusal (a file another command holds) says, of several files, that none of them was written. */
function withAllLocks<T>(files: readonly { target: string; shownAs: string }[], edit: () => T, onWait?: LockWaitNotice): T {
  try {
    return withFileLocks(files, edit, onWait);
  } catch (error) {
    if (!(error instanceof LockError) || files.length < 2) throw error;
    throw new LockError(error.file, `${error.reason.replace(/\.$/, '')}; nothing written, in any of the ${files.length} positions.`, error.hint ?? '');
  }
}

/** What the user should know of the answer's day, once for all positions: how a DD.MM.YYYY day was read, and one after today. */
function dateNotes(date: string, options: Pick<ClearEachOptions, 'date' | 'today' | 'status'>): string[] {
  // A clearance's mistyped year would also date the report (its document date is the latest clearance's); a request's or an objection's does not.
  const dates = options.status === 'cleared' ? ' (the report is dated by its latest clearance)' : '';
  return [
    ...(date !== options.date ? [`--date ${options.date} read as ${date}.`] : []),
    // No answer comes from the future: a mistyped year.
    ...(options.today !== undefined && date > options.today ? [`--date ${date} is after today, ${options.today}: check the year${dates}.`] : []),
  ];
}

/** What `--ref` and `--note` ask for when one is given empty or unfit for the file. */
const RECORD_TEXT_HINT = {
  ref: 'Give the letter number or the e-mail, or leave --ref out.',
  note: 'Write the note, or leave --note out.',
} as const;

/**
 * A usage error for a `--ref` or `--note` that the clearance entry cannot hold: empty, spaces or
 * invisible characters alone, or a character a DOCX cannot hold. Asked before the file is read,
 * so the edited file never fails its own check.
 */
function refuseRecordText(field: 'ref' | 'note', given: string | undefined): void {
  const problem = given === undefined ? undefined : typedTextProblem(given, clearanceSchema.shape[field]);
  if (problem !== undefined) throw new UsageError(`--${field}: ${problem}; nothing written.`, RECORD_TEXT_HINT[field]);
}

/** A day written YYYY-MM-DD or DD.MM.YYYY, as YYYY-MM-DD; a usage error for anything else or a day that does not exist. */
function readDate(given: string): { iso: string } {
  const day = readDay(given);
  if ('problem' in day) throw new UsageError(`--date: ${day.problem}.`, day.hint);
  return day;
}
