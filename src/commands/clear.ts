import { existsSync, realpathSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { editClearance, sharedValueOnPath, type FieldChange, type SharedValue } from '../edit/clearance.js';
import { LockError, withFileLocks, type LockWaitNotice } from '../emit/lock.js';
import { writeProblem } from '../emit/report.js';
import { EDIT_ADVICE, OutputError, writeAllAtomic } from '../emit/write.js';
import { namedFileProblem } from '../load/links.js';
import { fileKind, wrongKindProblem } from '../load/targets.js';
import { SAME_NAME_COPY_HINT, sameNameOtherLetters, writtenAnotherWay } from '../load/letter-forms.js';
import { BROKEN_LINK_HINT, brokenLink, isInside, namedPath, projectPath, readText, YAML_FILES } from '../load/files.js';
import { loadAllMeetings, namesId } from '../load/meetings.js';
import { filesClaiming, loadProject, type Project } from '../load/project.js';
import { knownPositionIds } from '../batch/cache.js';
import { parseYaml } from '../load/yaml.js';
import { readDay } from '../model/date.js';
import { ministryCode } from './ministry-code.js';
import { answerFingerprint, clearancesNeeded, clearedBy, namesAnswer, nominativeOn, positionSchema, type Meeting, type Position } from '../model/index.js';
import { CLEARANCE_RECORD, clearanceSchema, type Clearance, type ClearanceStatus } from '../model/position.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { clearanceBeforeEstablished } from '../validate/position-rules.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { checkSchema } from '../load/shape.js';
import { typedTextProblem } from '../load/characters.js';
import { suggest } from '../util/suggest.js';
import { shellWord } from '../util/shell.js';
import { absentHint, renamedAdvice } from '../validate/meeting-rules.js';
import { includedPositions } from '../validate/meeting-rule-context.js';
import { loadMeeting, type LoadedMeeting } from '../load/meeting.js';

/** Options of `briefing clear <position> --ministry <code>`. */
export interface ClearOptions {
  cwd: string;
  /** A position file, or a position id. */
  position: string;
  ministry: string;
  /** The day of the answer, YYYY-MM-DD or DD.MM.YYYY (the CLI passes today when --date is not given). */
  date: string;
  /** Today, YYYY-MM-DD: an answer dated later (a mistyped year) is said to be. Without it, dates are not compared. */
  today?: string;
  ref?: string;
  note?: string;
  /** What the ministry's answer is: a clearance, a request sent with no answer yet, an objection, or a clearance taken back. */
  status: ClearanceStatus;
  /**
   * The position's version the answer was given on, when not the version now (`--on-version`): a late
   * answer on an earlier text, recorded as such so that it never counts for the text now. Not later than now.
   */
  onVersion?: number;
  /** Told once when another command holds a position's lock for more than a second (the CLI says it is waiting, and for whom). */
  onLockWait?: LockWaitNotice;
}

/** Options of `briefing clear <position…> --ministry <code>`: one answer recorded on several positions. */
export interface ClearEachOptions extends Omit<ClearOptions, 'position'> {
  /** Position files or ids, and meeting files, each standing for the positions its questions use. */
  targets: readonly string[];
}

/** What `clear` changed, and what the user should know about the position now. */
export interface ClearResult {
  /** Project-relative path of the position file. */
  file: string;
  changes: FieldChange[];
  written: boolean;
  /** Sentences for the user, e.g. that `status` is still `draft`. */
  notes: string[];
  diagnostics: Diagnostic[];
  exitCode: number;
}

/** What `clear` of several positions did: each position's result, the problems of none in particular, and the exit code of the whole. */
export interface ClearEachResult {
  results: ClearResult[];
  /** Problems of the project or of a meeting named, not of one position. */
  diagnostics: Diagnostic[];
  /** Sentences for the user about the run as a whole, e.g. positions a meeting uses that were left out. */
  notes: string[];
  exitCode: number;
}

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
    return recorded ? { ...result, ...afterRecord(project, result.file, recorded, meetingsUsing(meetings, recorded.id), ministry, date.iso, options) } : result;
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
function namedTargets(project: Project, cwd: string, targets: readonly string[]): NamedTargets {
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
function withoutOwn(named: NamedTargets, ministry: string): { files: TargetFile[]; problems: Diagnostic[]; notes: string[] } {
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

/** The answer recorded in one position's text: the edited text (undefined when it cannot take it) and the result to show. */
function planRecord(shown: string, text: string, ministry: string, date: string, options: ClearEachOptions): { edited?: string; recorded?: Position; result: ClearResult; nothingToWithdraw?: WithdrawnNothing } {
  const refused = (diagnostics: Diagnostic[]) => ({ result: { file: shown, changes: [], written: false, notes: [], diagnostics, exitCode: ExitCode.problems } });
  const before = checked(shown, text);
  if (!before.position) return refused(sortDiagnostics(before.diagnostics));
  if (ministry === before.position.owner.ministry) return refused([ownerProblem(shown, ministry, before.position.id)]);
  const shared = sharedValueOnPath(text, ministry);
  if (shared) return refused([sharedValueProblem(shown, text, shared)]);
  const status = options.status;
  // An answer on another version, or another answer than the last (a clearance after an objection, an
  // objection after a request), is a new record: the earlier one's ref and note are not its record and
  // go, unless given anew. A withdrawal keeps the ref of the clearance it takes back.
  const earlier = before.position.clearance[ministry];
  // A withdrawal recorded again is the same record (nothing changes, or its date): as any answer given twice.
  if (status === 'withdrawn' && earlier?.status !== 'cleared' && earlier?.status !== 'withdrawn') return { ...refused([]), nothingToWithdraw: earlier?.status ?? 'none' };
  // A withdrawal takes back the clearance on record: of its version and text, not of a later text the ministry never saw.
  const onRecord = earlier?.version !== undefined && earlier.version <= before.position.version ? earlier.version : undefined;
  const taken = options.onVersion ?? (status === 'withdrawn' ? onRecord : undefined);
  const version = answeredVersion(shown, before.position.version, taken, earlier, ministry);
  // Of an earlier version the text answered on is not the one in the file (its version alone keeps it from counting now):
  // only an answer on record for that same version still names it.
  const answer = version === before.position.version ? answerFingerprint(before.position) : earlier?.version === version ? (earlier.answer ?? null) : null;
  const newAnswer =
    earlier !== undefined &&
    ((earlier.version !== undefined && earlier.version !== version) ||
      (earlier.answer !== undefined && earlier.answer !== answer && !(version === before.position.version && namesAnswer(earlier.answer, before.position))) ||
      (status !== 'withdrawn' && earlier.status !== status));
  const edit = editClearance(text, ministry, {
    status,
    date,
    // The version and the text answered on: a later version, or a changed text, is not cleared by it.
    version,
    answer,
    // Composed, as `new` writes what it is given: a reference pasted from a PDF may write "ā" as "a" and a combining macron.
    ...(options.ref !== undefined ? { ref: options.ref.normalize('NFC') } : newAnswer ? { ref: null } : {}),
    ...(options.note !== undefined ? { note: options.note.normalize('NFC') } : newAnswer ? { note: null } : {}),
  });
  const after = checked(shown, edit.text);
  if (!after.position) throw new Error(`the edited ${shown} no longer passes its schema: ${after.diagnostics.map((d) => d.message).join(' ')}`);
  return { edited: edit.text, recorded: after.position, result: { file: shown, changes: edit.changes, written: edit.changes.length > 0, notes: [], diagnostics: [], exitCode: ExitCode.ok } };
}

/** What the user should know once the answer is recorded in the position `shown`: notes on the position, and warnings on the answer's date and ministry. */
function afterRecord(project: Project, shown: string, recorded: Position, using: readonly Meeting[], ministry: string, date: string, options: ClearEachOptions): Pick<ClearResult, 'notes' | 'diagnostics'> {
  const notes = [
    ...(options.status === 'objected' && recorded.clearance[ministry]?.note === undefined ? ['Say what the objection is with --note, for whoever changes the text.'] : []),
    // A clearance is of the text it answered: of an empty one, it stops counting once the answer is written.
    ...(options.status === 'cleared' && !recorded.body.trim() ? [`The answer (\`body\`) is still empty, so ${ministry} has cleared no text: once the answer is written, this clearance no longer counts.`] : []),
    ...(options.onVersion !== undefined && options.onVersion < recorded.version
      ? [`Recorded as ${ministry}'s answer on version ${options.onVersion}: it does not count for version ${recorded.version}, the text now.`]
      : []),
    ...notesOn(recorded, using),
  ];
  const registered = project.ministries[ministry];
  const early = registered ? clearanceBeforeEstablished(shown, undefined, ministry, registered, date) : undefined;
  const dated = [...afterMeetings(shown, ministry, date, using, options.status), ...(early ? [early] : [])];
  // At the date as written now: the file was just read and written under the lock.
  const place = dated.length ? parseYaml(shown, readText(join(project.root, shown), shown)).locate(['clearance', ministry, 'date']) : undefined;
  return { notes, diagnostics: [...notRequired(project, shown, ministry, date, using), ...dated.map((d) => (place ? { ...d, line: place.line, column: place.column } : d))] };
}

/** The version an answer is recorded for: `--on-version` when given, else the position's; a usage error for a version after the position's. */
function answeredVersion(shown: string, current: number, given: number | undefined, earlier: Clearance | undefined, ministry: string): number {
  if (given === undefined) return current;
  if (given > current) {
    throw new UsageError(
      `--on-version ${given}: ${shown} is at version ${current}, so no answer can be on version ${given}; nothing written.`,
      `Give the version the ministry answered on (${current} or earlier), or leave --on-version out for version ${current}.`,
    );
  }
  // A late answer on an older text must not take the place of the ministry's answer on a newer one: the report would lose it.
  if (earlier?.version !== undefined && earlier.version > given) {
    throw new UsageError(
      `--on-version ${given}: ${ministry} already answered version ${earlier.version} of ${shown} (${earlier.status}${earlier.date ? `, ${earlier.date}` : ''}); an answer on version ${given} would replace it; nothing written.`,
      `Keep the answer on version ${earlier.version}; note the late one in its \`--note\` if it matters.`,
    );
  }
  return given;
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
  return [
    diagnostic(
      shown,
      undefined,
      'warning',
      'clearance/after-meeting',
      `The ${CLEARANCE_RECORD[status]} by ${ministry} is dated ${date}, after the meeting${meetings.length > 1 ? 's' : ''} on ${meetings.join(', ')} that use${meetings.length > 1 ? '' : 's'} this position.`,
      `Check the date (--date); a position is ${status === 'pending' ? 'sent for clearance' : 'cleared'} before the meeting it is used for.`,
    ),
  ];
}


/** What a ministry has on record instead of a clearance to withdraw: asked and not answered, objected, or nothing. */
type WithdrawnNothing = 'pending' | 'objected' | 'none';

/**
 * A usage error for `--withdraw` of a ministry that has no clearance on record to take back
 * (asked and not answered, objected, or never asked) in one or more of the positions: most likely
 * another ministry was meant, or an objection. Recorded, it would read as a clearance once given and
 * now withdrawn. Each such position is named, and those that can take the withdrawal (`takes`).
 */
function refuseWithdrawals(ministry: string, positions: readonly { shown: string; takes: boolean; nothingToWithdraw?: WithdrawnNothing }[]): void {
  const refused = positions.flatMap(({ shown, nothingToWithdraw }) => (nothingToWithdraw ? [{ shown, said: WITHDRAWN_NOTHING[nothingToWithdraw] }] : []));
  const [first] = refused;
  if (!first) return;
  const files = (list: readonly { shown: string }[]) => list.map(({ shown }) => shellWord(shown)).join(' ');
  const cleared = positions.filter(({ takes }) => takes);
  const message =
    refused.length === 1
      ? `${ministry} has not cleared ${first.shown} (it ${first.said}): there is no clearance to withdraw; nothing written.`
      : `${ministry} has not cleared ${refused.length} of the ${positions.length} positions: ${refused.map(({ shown, said }) => `${shown} (it ${said})`).join(', ')}: there is no clearance to withdraw there; nothing written.`;
  const object = `Name the ministry that cleared ${refused.length === 1 ? 'it' : 'them'}, or record an objection: briefing clear ${files(refused)} --ministry ${ministry} --object --note "…"`;
  const elsewhere = cleared.length ? `; to withdraw the clearance where ${ministry} gave it, name only ${cleared.length === 1 ? 'that position' : 'those'}: briefing clear ${files(cleared)} --ministry ${ministry} --withdraw` : '';
  throw new UsageError(message, `${object}${elsewhere}`);
}

/** How a refused withdrawal says what the ministry has on record. */
const WITHDRAWN_NOTHING: Readonly<Record<WithdrawnNothing, string>> = {
  none: 'has no answer on record',
  pending: 'was asked and has not answered',
  objected: 'objected',
};

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

/** Of `meetings`, those whose questions the position `id` answers. */
function meetingsUsing(meetings: readonly Meeting[], id: string): Meeting[] {
  return meetings.filter((meeting) => meeting.questions.some((q) => q.position === id));
}

/** The meetings whose text names one of `ids` (read and parsed only those). */
function meetingsNaming(project: Project, ids: readonly string[]): Meeting[] {
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

/** A clearance by the position's own ministry, which `check` warns of (`clearance/by-owner`): a slip for another code, not written. */
function ownerProblem(shown: string, ministry: string, id: string): Diagnostic {
  return diagnostic(
    shown,
    undefined,
    'error',
    'clearance/by-owner',
    `${ministry} owns the position (\`owner.ministry\`): a ministry does not clear its own position. Nothing written.`,
    `Record the other ministries' answers; if you meant another ministry, check its code (\`briefing clear ${id} --ministry <code>\`).`,
  );
}

/** What to name instead of a file that is not a position. */
function clearHint(project: Project): () => string {
  return () => `Name a position by its id, or its file: the .yaml files under ${project.config.paths.positions}/, or a meeting file for every position it uses.`;
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
      copies === 0 ? nameTheFile : copies === claiming.length - 1 ? SAME_NAME_COPY_HINT : `${SAME_NAME_COPY_HINT} ${nameTheFile}`,
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
  throw new UsageError(`No position file or id \`${given}\`.`, nearest ? `Did you mean ${nearest}?` : `Position files live in ${project.config.paths.positions}/.`);
}

/** Why `clear` does not edit through a YAML anchor or alias, at the line of the shared value. */
function sharedValueProblem(shown: string, text: string, shared: SharedValue): Diagnostic {
  const where = shared.path.join('.');
  const message = shared.mark.startsWith('*')
    ? `\`${where}\` is the alias ${shared.mark}: it repeats a value written elsewhere, so recording a clearance here would change that value too. Nothing written.`
    : `\`${where}\` carries the anchor ${shared.mark}, which an alias repeats elsewhere: recording a clearance here would change that place too. Nothing written.`;
  return diagnostic(shown, parseYaml(shown, text).locate(shared.path), 'error', 'clearance/shared-value', message, 'Write each ministry’s clearance out in full (without & and *), then run clear again.');
}

function checked(shown: string, text: string): { position?: Position; diagnostics: Diagnostic[] } {
  const file = parseYaml(shown, text);
  const result = checkSchema(file, positionSchema, 'position');
  const diagnostics = [...file.diagnostics, ...result.diagnostics];
  return result.value && !hasErrors(diagnostics) ? { position: result.value, diagnostics } : { diagnostics };
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
