/** What `briefing review --accept` writes: each field's accepted text as a new version and the ministry's clearance, all files at once under their locks, or none. */

import { basename } from 'node:path';
import { answerFingerprint, clearedBy } from '../model/index.js';
import { joinList } from '../util/join-list.js';
import { editClearance } from '../edit/clearance.js';
import { editFieldText } from '../edit/field-text.js';
import { OutputError, writeAllAtomic } from '../emit/write.js';
import { LockError, withFileLocks } from '../emit/lock.js';
import { writeProblem } from '../emit/report.js';
import { readIfThere } from '../load/files.js';
import type { LoadedMeeting } from '../load/meeting.js';
import type { Project } from '../load/project.js';
import { diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { ExitCode } from '../diagnostics/errors.js';
import { commentThreads, type ReviewComment, type Revision } from './reviewed-docx.js';
import { ministriesNamed } from './ministry.js';
import { parseYaml } from '../load/yaml.js';
import { isRecord } from '../util/record.js';
import { type ReviewOptions, type FieldOutcome, type ReviewResult, reviewCommand } from './review-result.js';
import { fieldSource } from './field-sources.js';

/** Writes what the review accepted, for `result.ministry`: each field's accepted text (a position as its next version, other ministries' clearances stamped with the text they cleared) and the ministry's answer, all files as one set under their locks; on any failure none, each outcome told why. */
export function acceptAll(project: Project, meeting: LoadedMeeting, options: ReviewOptions, result: ReviewResult): void {
  const ministry = result.ministry;
  if (!ministry) return;
  // Each file's new text, and the text the review read and checked: what it must still be when written.
  const edited = new Map<string, { text: string; absolute: string; loaded: string }>();
  for (const outcome of result.fields) {
    const source = fieldSource(project, meeting, outcome.field);
    if (!source) continue;
    let text = edited.get(source.file)?.text ?? source.loaded;
    // A change the accepted text would lose is not accepted silently: nothing is written.
    if (outcome.lost.length) {
      result.diagnostics.push(diagnostic(source.file, undefined, 'error', 'review/cannot-write', `Cannot write every change of \`${outcome.field.field}\` into ${source.file}: ${outcome.lost.join('; ')}.`, `Make that change in the file by hand; \`${reviewCommand(result.docx, { list: true })}\` shows it.`));
      continue;
    }
    const own = reviewersPart(project, ministry, outcome);
    // A position only other ministries' reviewers (or the report's own ministry) touched is none this one answered on.
    // One that only took changes back has not changed the text: its answer is its comments', or the clearance --cleared says it gave.
    const answers = outcome.field.kind === 'position' && (own.changed || own.comments.length > 0 || (options.cleared && own.revisions.length > 0));
    if (outcome.field.kind === 'position' && own.revisions.length > 0 && !own.changed) {
      const recorded = answers ? '' : `; no answer of ${ministry} is recorded here (what is on record for ${ministry} stays)`;
      outcome.notes.push(`${ministry} only took back its own or another reviewer’s tracked changes here: they leave the text as it was, so they are no objection to the position${recorded}`);
    }
    if (outcome.accepted !== outcome.current) {
      const position = outcome.field.kind === 'position' ? project.positions.get(outcome.field.id)?.position : undefined;
      const newVersion = position ? position.version + 1 : undefined;
      const next = editFieldText(text, outcome.field.field, outcome.accepted, newVersion);
      if (next === undefined) {
        result.diagnostics.push(diagnostic(source.file, undefined, 'error', 'review/cannot-write', `Cannot write the accepted text of \`${outcome.field.field}\` into ${source.file}: the field is not a top-level text.`, `Copy the accepted text from \`${reviewCommand(result.docx, { list: true })}\` by hand.`));
        continue;
      }
      text = next;
      if (newVersion !== undefined && position) {
        outcome.newVersion = newVersion;
        // The other ministries cleared the text before this change: their clearances stay on record, for the old version and text.
        const cleared = answerFingerprint(position);
        const askedAgain = Object.keys(position.clearance).filter((code) => !(code === ministry && answers) && clearedBy(position, code));
        if (outcome.field.field === 'body_en' && askedAgain.length) outcome.notes.push(englishOnlyNote(outcome.field.field, askedAgain, newVersion));
        for (const [code, entry] of Object.entries(position.clearance)) {
          if ((code === ministry && answers) || entry.status !== 'cleared') continue;
          const stamp = { ...(entry.version === undefined ? { version: position.version } : {}), ...(entry.answer === undefined ? { answer: cleared } : {}) };
          if (Object.keys(stamp).length) text = editClearance(text, code, stamp).text;
        }
      }
      outcome.written = true;
    }
    if (answers) {
      const { comments } = own;
      const status = options.cleared ? 'cleared' : own.changed ? 'objected' : 'pending';
      const dates = [...own.revisions.map((r) => r.date), ...comments.map((c) => c.date)].filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d)).sort();
      const date = dates.at(-1)?.slice(0, 10) ?? options.today;
      // A thread marked resolved in Word is settled: said in the note, and of a ministry that only commented, how to record a clearance.
      const settled = resolvedThreadsOnly(outcome.comments, comments);
      const note = `${comments.map((c) => c.text.replace(/\s+/g, ' ')).join(' | ')}${settled ? ' (resolved)' : ''}`.trim();
      // Once accepted, the review is not run again with --cleared (its positions changed since the DOCX was built): `clear` records it.
      if (settled && status === 'pending') outcome.notes.push(`every comment thread of ${ministry} here is marked resolved: if ${ministry} agreed to the text, record its clearance: briefing clear ${outcome.field.id} --ministry ${ministry} --date ${date}`);
      const answeredOn = outcome.newVersion ?? project.positions.get(outcome.field.id)?.position?.version;
      // The record of this answer is the reviewed file: an earlier clearance's e-mail is not.
      const ref = `briefing review of ${basename(options.docx)}`;
      // The answer is on the text as it is now in the file (accepted, when the reviewer changed it).
      const data: unknown = parseYaml(source.file, text).data;
      const answer = answerFingerprint(isRecord(data) ? data : {});
      text = editClearance(text, ministry, { status, date, ...(answeredOn !== undefined ? { version: answeredOn } : {}), answer, ref, ...(note ? { note } : {}) }).text;
      outcome.clearance = `${ministry} ${status}`;
      outcome.written = true;
    }
    edited.set(source.file, { text, absolute: source.absolute, loaded: source.loaded });
  }
  if (hasErrors(result.diagnostics)) {
    nothingWritten(result, 'another change of this review cannot be written (see the error)');
    return;
  }
  // As one set: a file that cannot be written (a full disk, a file held open) leaves every other as it was, not a review half accepted.
  const files = [...edited].map(([file, { text, absolute }]) => ({ target: absolute, data: text, shownAs: file }));
  let moved: string | undefined;
  try {
    // Under the locks `clear` takes too: a `clear` or another review of these files while this one ran is seen, not written over.
    moved = withFileLocks(files, () => {
      const changed = [...edited].find(([, { absolute, loaded }]) => readIfThere(absolute) !== loaded)?.[0];
      if (changed === undefined) writeAllAtomic(files, { again: 'run review --accept again' });
      return changed;
    }, options.onLockWait);
  } catch (error) {
    if (error instanceof OutputError) result.diagnostics.push(writeProblem(error, `None of the review's files was written. ${error.hint}`));
    // Its lock could not be taken: held by another command for too long, or not made on a full disk.
    else if (error instanceof LockError) result.diagnostics.push(writeProblem(error));
    else throw error;
    result.exitCode = ExitCode.failure;
    nothingWritten(result, `${error.file} cannot be written (see the error)`);
    return;
  }
  if (moved === undefined) return;
  result.diagnostics.push(
    diagnostic(moved, undefined, 'error', 'review/changed-since-build', `${moved} changed while this review ran (another command, e.g. \`briefing clear\`, wrote it); nothing written.`, 'Run review --accept again with --rebase: it merges the reviewer’s changes into the file as it is now.'),
  );
  result.exitCode = ExitCode.problems;
  nothingWritten(result, `${moved} changed while the review ran`);
}

/**
 * Why a change to a position's English answer alone asks the ministries again: a clearance's
 * fingerprint is of `body` and `body_en` together (model/position.ts), so those that cleared the
 * text before the change have cleared an earlier version, though the Latvian answer is as it was.
 */
function englishOnlyNote(field: string, codes: readonly string[], version: number): string {
  const cleared = codes.length > 1 ? `the clearances of ${joinList(codes, 'and')} are` : `${codes[0] ?? ''}’s clearance is`;
  return `only the English answer (\`${field}\`) changed, the Latvian one is as it was, but a clearance covers the answer in both languages (\`body\` and \`body_en\`): ${cleared} now of version ${version - 1}, so ask ${codes.length > 1 ? 'them' : codes[0] ?? ''} to clear version ${version}`;
}

/**
 * What in a field is the reviewing ministry's: the tracked changes and comments of every author but
 * those who name only other ministries (another ministry's reviewer who worked in the same file, the
 * report's own ministry answering in a thread), and whether it changed the text: a tracked change
 * of its own that is not taken back (see {@link takenBackChanges}) nor only takes back another, or an
 * edit made with track changes off, which names nobody, where no one tracked any.
 */
function reviewersPart(project: Project, ministry: string, outcome: FieldOutcome): { revisions: Revision[]; comments: ReviewComment[]; changed: boolean } {
  const others = (author: string) => {
    const named = ministriesNamed(project, [author]);
    return named.length > 0 && !named.includes(ministry);
  };
  const revisions = outcome.revisions.filter((revision) => !others(revision.author));
  const comments = outcome.comments.filter((comment) => !others(comment.author));
  // Taking back a change (another reviewer's, or its own ministry's, whole) leaves the text as it was: no change of the ministry's.
  const takingBack = new Set(outcome.takenBack.map(({ by }) => by));
  const takenBackByOwn = new Set(outcome.takenBack.filter(({ by, wholly }) => wholly && !others(by.author)).map(({ change }) => change));
  const changes = revisions.filter((revision) => !takingBack.has(revision) && !takenBackByOwn.has(revision));
  return { revisions, comments, changed: changes.length > 0 || (outcome.revisions.length === 0 && outcome.accepted !== outcome.current) };
}

/** Whether each of `own` comments is in a thread of `all` that Word marks resolved (none: false). */
function resolvedThreadsOnly(all: readonly ReviewComment[], own: readonly ReviewComment[]): boolean {
  const threads = commentThreads(all);
  return own.length > 0 && own.every((comment) => threads.some((thread) => thread.comment.resolved === true && [thread.comment, ...thread.replies].some((each) => each.id === comment.id)));
}

/**
 * Takes back the new versions and clearances --accept worked out, when it wrote none of them
 * after all: the listing said "written as version 3" and "recorded clearance" of files left as
 * they were. A field that had one gets a note saying `why` it was not written.
 */
function nothingWritten(result: ReviewResult, why: string): void {
  for (const outcome of result.fields) {
    if (!outcome.written) continue;
    delete outcome.newVersion;
    delete outcome.clearance;
    outcome.written = false;
    outcome.notes.push(`not written: ${why}`);
  }
}
