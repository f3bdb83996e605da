import { basename, join } from 'node:path';
import { docxBesideHint } from './docx-beside.js';
import { ministryCode } from './ministry-code.js';
import { answerFingerprint } from '../model/index.js';
import { parseDocument } from 'yaml';
import { editClearance } from '../edit/clearance.js';
import { editFieldText } from '../edit/field-text.js';
import { ANCHOR_PROPERTY_PREFIX } from '../docx/anchors.js';
import { OutputError, writeAllAtomic } from '../emit/write.js';
import { LockError, withFileLocks, type LockWaitNotice } from '../emit/lock.js';
import { writeProblem } from '../emit/report.js';
import { namedPath, projectPath, readBytesWithin, readIfThere, realTarget } from '../load/files.js';
import type { LoadedMeeting } from '../load/meeting.js';
import { loadAllMeetings } from '../load/meetings.js';
import { filesClaiming, loadProject, type Project } from '../load/project.js';
import { knownPositionIds } from '../batch/cache.js';
import type { FieldRef } from '../model/field.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { acceptedText, withoutIdleFormatting, type AcceptedText } from '../review/accepted.js';
import { changesByAuthor, formattingChanges, layoutChanges, splitByField, takenBackChanges, withdrawnNotes, type AuthorChanges, type FieldReview, type OutsideChange, type TakenBack } from '../review/fields.js';
import { commentThreads, DamagedDocxError, MAX_DOCX_FILE_BYTES, NotADocxError, readReviewedDocx, type ReviewComment, type ReviewedDocument, type Revision } from '../review/read-docx.js';
import { ministriesNamed } from '../review/ministry.js';
import { rebaseText } from '../review/rebase.js';
import { hasHash, textWithHash } from '../load/history.js';
import { everCommitted, movedTo } from '../load/git-changes.js';
import { gitFailedHere, gitRefusal, gitUnlinked, UNSHALLOW_HINT } from '../load/git-failures.js';
import { gitMissing } from '../load/git-state.js';
import { isShallowClone, repositoryAt } from '../load/git.js';
import { parseYaml, type YamlFile } from '../load/yaml.js';
import { absentHint } from '../validate/meeting-rules.js';
import { isRecord } from '../util/record.js';
import { shellWord } from '../util/shell.js';

/** Options of `briefing review <docx>`. */
export interface ReviewOptions {
  cwd: string;
  docx: string;
  /** Write the accepted text and the clearance; otherwise only list. */
  accept: boolean;
  /** The reviewing ministry's code; taken from the authors when they name exactly one. */
  ministry?: string;
  /** Record `cleared` rather than `objected`/`pending`. */
  cleared: boolean;
  /** Merge the changes into fields that changed since the build, instead of refusing. */
  rebase: boolean;
  /** Today (YYYY-MM-DD), for a clearance whose changes carry no date. */
  today: string;
  /** Told once when another command holds a file's lock for more than a second (see `clear`'s). */
  onLockWait?: LockWaitNotice;
}

/** What the reviewer did in one field, and what `--accept` made of it. */
export interface FieldOutcome {
  field: FieldRef;
  before: string[];
  after: string[];
  revisions: Revision[];
  /** Each reviewer's changes to the text (see {@link changesByAuthor}). */
  byAuthor: AuthorChanges[];
  /** The tracked changes another one takes back (see {@link takenBackChanges}): not a change of the text by either. */
  takenBack: TakenBack[];
  comments: ReviewComment[];
  /** Text whose formatting the reviewer changed (bold, italic): with track changes on, and words changed so without. */
  formatting: string[];
  notes: string[];
  /** The notes about a change the accepted text does not hold: --accept refuses the field. */
  lost: string[];
  /** With --rebase: the reviewer's changes that no longer fit the current text (diff lines). */
  conflicts: string[][];
  /** The field's text now, and the text after accepting (merged, with --rebase). */
  current: string;
  accepted: string;
  /** The position's new version, when the accepted text was written. */
  newVersion?: number;
  /** The clearance recorded, e.g. `AM objected`. */
  clearance?: string;
  written: boolean;
}

/** Everything `review` found and did. */
export interface ReviewResult {
  docx: string;
  meeting: string;
  ministry: string | null;
  fields: FieldOutcome[];
  outside: OutsideChange[];
  diagnostics: Diagnostic[];
  exitCode: number;
}

/**
 * Reads a DOCX built by `briefing build` after a reviewer edited it with track changes,
 * maps every change and comment to the field it was made in (through the field anchors
 * the build wrote), and with `accept` writes the accepted text into each position as a
 * new version and records the ministry's clearance.
 */
export function review(options: ReviewOptions): ReviewResult {
  const project = loadProject(options.cwd, { knownPositionIds: knownPositionIds(options.cwd) });
  const docx = namedPath(project.root, options.cwd, options.docx);
  const shown = projectPath(project.root, docx);
  const result: ReviewResult = { docx: shown, meeting: '', ministry: null, fields: [], outside: [], diagnostics: [...project.setupDiagnostics], exitCode: ExitCode.ok };
  if (hasErrors(result.diagnostics)) return finish(result);
  const document = readDocument(docx, shown, result);
  if (!document) return finish(result);
  const meeting = builtMeeting(project, document, result);
  if (!meeting) return finish(result);

  const split = splitByField(document);
  split.fields = underNamesNow(split.fields, document.properties.get('Briefing.Meeting'), meeting);
  // The DOCX says which fields it marked, but none of their bookmarks is left (an editor that drops them on saving):
  // every change would look like one outside the positions, or like no change at all.
  const recorded = [...document.properties.keys()].some((name) => name.startsWith(ANCHOR_PROPERTY_PREFIX));
  if (recorded && !split.fields.length) {
    result.diagnostics.push(
      diagnostic(
        result.docx,
        undefined,
        'error',
        'review/no-anchors',
        'This DOCX has lost the hidden bookmarks that mark where each position’s text is (the program it was last saved with dropped them), so its changes cannot be read by position.',
        'Ask for the file as saved by Word or LibreOffice, or build the report again and send that for review.',
      ),
    );
    return finish(result);
  }
  result.outside = split.outside;
  // Why git did not give a field's built text is the project's, not the field's: asked of git once (up to four git processes).
  let gapFound: { gap: ReturnType<typeof gitGap> } | undefined;
  const gap = () => (gapFound ??= { gap: gitGap(project) }).gap;
  for (const reviewed of split.fields) {
    const claiming = reviewed.field.kind === 'position' ? filesClaiming(project, reviewed.field.id) : [];
    if (claiming.length > 1) {
      const message = `The reviewer changed position ${reviewed.field.id}, whose id ${claiming.join(' and ')} both claim: review cannot tell which file to read or write.`;
      result.diagnostics.push(diagnostic(claiming[1] ?? reviewed.field.file, undefined, 'error', 'position/duplicate-id', message, 'Give each position its own id (by convention its file name), then run review again.'));
      continue;
    }
    const source = fieldSource(project, meeting, reviewed.field);
    // A colour LibreOffice tracked is no change (it does not record the formatting before, so the field's text tells).
    const field = withoutIdleFormatting(reviewed, source?.text ?? '');
    // The field's paragraphs and those of its notes: where formatting, withdrawn text and layout changes are looked for.
    const printed = [...field.paragraphs, ...[...field.footnotes.values()].flat()];
    const stale = staleness(project, meeting, document, field.field);
    if (stale?.gone) {
      // Nothing to merge into: --rebase cannot help. An untracked edit shows against the text it was built from, when git has it.
      const base = field.revisions.length || field.comments.length ? undefined : baseText(project, document, field.field);
      const untracked = base !== undefined && !acceptedText(field.paragraphs, base, field.footnotes).matched;
      if (field.revisions.length || field.comments.length || untracked) {
        result.diagnostics.push(diagnostic(stale.file, stale.place, 'error', 'review/changed-since-build', stale.message, stale.hint ?? 'Bring the position back (git log -- <file> shows where it went), or carry the reviewer’s changes over by hand.'));
      }
      continue;
    }
    let accepted: AcceptedText | undefined;
    if (!field.revisions.length && !field.comments.length) {
      // A field changed without track changes counts too. When its file changed since the build, the DOCX
      // is held to the text it was built from (from git); only without that text can nothing tell.
      const built = stale ? baseText(project, document, field.field) : (source?.text ?? '');
      if (built === undefined) {
        // The DOCX is not the text now either: a change since the build, or an edit of the reviewer's, or both.
        if (stale && !acceptedText(field.paragraphs, source?.text ?? '', field.footnotes).matched) {
          const why = gap();
          result.diagnostics.push(
            diagnostic(
              stale.file,
              undefined,
              'warning',
              'review/no-base',
              `${stale.file} changed after the DOCX was built, and the text it was built from ${why?.where ?? 'is not in its git history'}: an edit made to \`${field.field.field}\` without track changes cannot be told from that change.`,
              `${why ? why.hint.replace(/\.$/, '') : 'Commit position and meeting files before building reports for review'}; read that part of the DOCX by eye.`,
            ),
          );
        }
        continue;
      }
      accepted = acceptedText(field.paragraphs, built, field.footnotes);
      if (accepted.matched) continue;
    }
    const base = stale && options.rebase ? baseText(project, document, field.field) : undefined;
    if (stale && !options.rebase) {
      result.diagnostics.push(diagnostic(stale.file, undefined, 'error', 'review/changed-since-build', stale.message, `Build the report again and send it for review, or ${options.accept ? 'merge the changes' : 'list the changes merged with the text as it is now'}: \`${rebaseCommand(result.docx, options)}\`${options.accept ? '' : ' (with --accept, it writes them)'}.`));
      // Listed all the same, against the text it was built from when git has it: what --rebase would carry over.
      const built = baseText(project, document, field.field) ?? source?.text ?? '';
      const shown = accepted ?? acceptedText(field.paragraphs, built, field.footnotes);
      result.fields.push({
        field: source ? { ...field.field, file: source.file } : field.field,
        before: shown.before,
        after: shown.after,
        revisions: field.revisions,
        byAuthor: changesByAuthor(printed),
        takenBack: takenBackChanges(printed),
        comments: field.comments,
        formatting: [...formattingChanges(printed), ...shown.formatting],
        notes: [...withdrawnNotes(printed), `not written: ${stale.file} changed after the DOCX was built`],
        lost: [],
        conflicts: [],
        current: source?.text ?? '',
        accepted: shown.markdown,
        written: false,
      });
      continue;
    }
    if (stale && base === undefined) {
      const why = gap();
      const where = why?.where ?? "is not in the file's git history";
      result.diagnostics.push(diagnostic(stale.file, undefined, 'error', 'review/no-base', `${stale.message} The text the DOCX was built from ${where}, so the changes cannot be merged.`, why?.hint ?? 'Commit position files before building reports for review.'));
      continue;
    }
    accepted ??= acceptedText(field.paragraphs, base ?? source?.text ?? '', field.footnotes);
    const rebased = base !== undefined ? rebaseText(base, accepted.markdown, source?.text ?? '') : { text: accepted.markdown, conflicts: [] };
    const conflicts = rebased.conflicts.map((c) => c.lines);
    if (conflicts.length && stale) {
      result.diagnostics.push(diagnostic(stale.file, undefined, 'error', 'review/conflict', `${conflicts.length} of the reviewer's changes to \`${field.field.field}\` no longer fit the current text (listed below); nothing was written.`, 'Carry them over by hand, or build the report again and send it for review.'));
    }
    result.fields.push({
      // Where the field is now (a position moved since the build is written where it is).
      field: source ? { ...field.field, file: source.file } : field.field,
      before: accepted.before,
      after: accepted.after,
      revisions: field.revisions,
      byAuthor: changesByAuthor(printed),
      takenBack: takenBackChanges(printed),
      comments: field.comments,
      formatting: [...formattingChanges(printed), ...accepted.formatting],
      notes: [...withdrawnNotes(printed), ...accepted.notes],
      // Word's tracked paragraph changes (numbering removed, a level deeper, another style) are not carried into the Markdown.
      lost: [...accepted.lost, ...layoutChanges(printed).map((text) => `the reviewer changed the numbering or layout of “${text}” (a tracked paragraph change), which is not carried into the text`)],
      conflicts,
      current: source?.text ?? '',
      accepted: rebased.text,
      written: false,
    });
  }
  const authorsOf = (parts: readonly { revisions: readonly { author: string }[]; comments: readonly { author: string }[] }[]) =>
    parts.flatMap((part) => [...part.revisions.map((r) => r.author), ...part.comments.map((c) => c.author)]);
  const authors = [...new Set([...authorsOf(split.fields), ...authorsOf(split.outside)])];
  // In any case, as clear takes it (`am` is AM).
  // The report's own ministry, answering in a reviewer's thread or noting something for itself, does not clear its own report.
  const issuer = project.config.issuing_ministry;
  const namedAll = ministriesNamed(project, authors);
  const named = namedAll.filter((code) => code !== issuer);
  // Only a ministry whose reviewers changed or commented on a position has an answer to record: one that commented on the meeting's
  // text alone has none, nor one whose reviewers only took back tracked changes (struck out another's insertion), which left the text as it was.
  const takingBack = new Set(result.fields.flatMap((outcome) => outcome.takenBack.map(({ by }) => by)));
  const inPositions = split.fields.filter((f) => f.field.kind === 'position').map((f) => ({ revisions: f.revisions.filter((revision) => !takingBack.has(revision)), comments: f.comments }));
  const answering = ministriesNamed(project, authorsOf(inPositions)).filter((code) => code !== issuer);
  const candidates = answering.length ? answering : named;
  // The one the authors name, when they name exactly one; else --ministry must say.
  result.ministry = options.ministry === undefined ? (candidates.length === 1 ? (candidates[0] ?? null) : null) : ministryCode(project, options.ministry);
  if (hasErrors(result.diagnostics)) return finish(result);
  if (options.accept) {
    if (!result.ministry) {
      throw new UsageError(
        candidates.length
          ? `The authors of the changes and comments name several ministries (${candidates.join(', ')}): a review records one ministry's answer.`
          : `Cannot tell which ministry reviewed the report: no author of a change or comment names one${namedAll.includes(issuer) ? ` but ${issuer}, which issues it` : ''}.`,
        candidates.length ? oneAtATime(candidates) : 'Name it: --ministry <code>, e.g. --ministry AM.',
      );
    }
    const others = answering.filter((code) => code !== result.ministry);
    if (others.length) {
      result.diagnostics.push(
        diagnostic(
          result.docx,
          undefined,
          'warning',
          'review/other-ministry',
          `Some changes or comments are by reviewers of ${others.join(', ')}: their changes are written with ${result.ministry}'s, but recorded as no ministry's answer yet (${result.ministry}'s is recorded on the positions its own reviewers changed or commented on).`,
          `Record theirs the same way: \`${reviewCommand(result.docx, { accept: true, ministry: others[0] ?? '<code>', rebase: true })}\`${others.length > 1 ? `, and the same for ${others.slice(1).join(', ')}` : ''}.`,
        ),
      );
    }
    acceptAll(project, meeting, options, result);
    // What --accept writes nowhere: comments and edits outside the positions, a paragraph typed just outside one.
    const notRecorded = (message: string, hint: string) => result.diagnostics.push(diagnostic(result.docx, undefined, 'warning', 'review/not-recorded', message, hint));
    // A meeting's field gets no clearance, so no note: its comments are recorded nowhere either, but for one that runs on into a position (its note has it).
    const inPositions = new Set(split.fields.filter((f) => f.field.kind === 'position').flatMap((f) => f.comments.map((c) => c.id)));
    const onMeeting = split.fields.filter((f) => f.field.kind === 'meeting').flatMap((f) => f.comments.filter((c) => !inPositions.has(c.id)));
    const outside = new Set([...split.outside.flatMap((o) => o.comments), ...onMeeting]).size;
    if (outside) {
      notRecorded(
        `${outside === 1 ? 'A comment' : `${outside} comments`} outside the positions (on the meeting’s text, a question, the title or the clearance line) ${outside === 1 ? 'was' : 'were'} not recorded in any file.`,
        'Read them in the listing (briefing review without --accept), and record what they ask by hand.',
      );
    }
    for (const { untracked: edit, text } of split.outside) {
      const field = edit?.afterField;
      if (!field) continue;
      const name = field.kind === 'position' ? `position ${field.id}` : `the meeting’s ${field.field}`;
      notRecorded(
        `A paragraph typed with track changes off right after the text of ${name} (“${text}”) stands outside it, and was not written into it.`,
        `If it belongs there, add it to ${field.file} by hand, or ask for it typed with track changes on; then build again.`,
      );
    }
    const untracked = split.outside.filter((o) => o.untracked && !o.untracked.afterField).length;
    if (untracked) {
      notRecorded(
        `${untracked === 1 ? 'An edit' : `${untracked} edits`} of the generated text (a question, the title, the opening or the clearance line) made with track changes off ${untracked === 1 ? 'was' : 'were'} not recorded in any file.`,
        'Read them in the listing (briefing review without --accept); where one should stand, make it in the meeting file (its topic, outcome, questions) or the template, and build again.',
      );
    }
  }
  return finish(result);
}

function finish(result: ReviewResult): ReviewResult {
  result.diagnostics = sortDiagnostics(result.diagnostics);
  // A file that could not be written has said exit 2 (the tool could not do it) already.
  if (hasErrors(result.diagnostics) && result.exitCode === ExitCode.ok) result.exitCode = ExitCode.problems;
  return result;
}

function readDocument(path: string, shown: string, result: ReviewResult): ReviewedDocument | undefined {
  const bytes = readBytesWithin(path, shown, MAX_DOCX_FILE_BYTES, 'a DOCX');
  try {
    return readReviewedDocx(bytes);
  } catch (error) {
    if (error instanceof DamagedDocxError) {
      result.diagnostics.push(diagnostic(shown, undefined, 'error', 'review/not-built-here', error.message, error.hint));
      return undefined;
    }
    if (!(error instanceof NotADocxError)) throw error;
    // What to do depends on what the file is (a password to remove, a .doc to save as .docx), as import says it.
    result.diagnostics.push(diagnostic(shown, undefined, 'error', 'review/not-built-here', `This file is not a DOCX: ${error.message}.`, docxBesideHint(path, shown, error.hint)));
    return undefined;
  }
}

/** The meeting the DOCX was built from, when it is this project's. */
function builtMeeting(project: Project, document: ReviewedDocument, result: ReviewResult): LoadedMeeting | undefined {
  const path = document.properties.get('Briefing.Meeting');
  const briefingProperties = [...document.properties.keys()].filter((name) => name.startsWith('Briefing.'));
  if (briefingProperties.length && !briefingProperties.some((name) => name.startsWith(ANCHOR_PROPERTY_PREFIX))) {
    result.diagnostics.push(
      path === undefined
        ? diagnostic(result.docx, undefined, 'error', 'review/no-anchors', 'This DOCX was written by briefing but has no field anchors: it is a redline from `briefing diff`, or a report built before anchors were written.', 'Build the report with `briefing build` and send that DOCX for review.')
        : // A report of the meeting, but with no field review writes back: the speaking points print only each position's `speaking_points`.
          diagnostic(
            result.docx,
            undefined,
            'error',
            'review/no-anchors',
            `This DOCX of ${path} prints none of the fields review writes back (the meeting's background and outcome, a position's body): it was built with a template such as the speaking points, whose points review does not read, or by a version of briefing from before field anchors.`,
            'Make the changes to speaking points in the position files (`speaking_points`). To have the answers reviewed, build the meeting with the informative report’s template (`informative-report.lv`, the default) and send that DOCX.',
          ),
    );
    return undefined;
  }
  if (!path) {
    result.diagnostics.push(diagnostic(result.docx, undefined, 'error', 'review/not-built-here', 'This DOCX was not built by briefing: it has no Briefing.Meeting property.', 'Only a DOCX written by `briefing build` can be read back; for an older report use `briefing import`.'));
    return undefined;
  }
  const meetings = loadAllMeetings(project);
  const meeting = meetings.find((m) => m.path === path) ?? movedMeeting(project, meetings, path, document.properties.get('Briefing.MeetingHash'));
  if (!meeting) {
    result.diagnostics.push(diagnostic(result.docx, undefined, 'error', 'review/other-meeting', `This DOCX was built from ${path}, which is not a meeting of this project.`, 'Run review in the project the report was built in (or pass -C <folder>).'));
    return undefined;
  }
  result.meeting = meeting.path;
  return meeting;
}

/**
 * The meeting a DOCX was built from, renamed since (`git mv`, a new name when its date moved), in the
 * project whose git history has it under the name it was built from: where git's rename detection
 * follows it, or (moved by hand, not yet added) the one meeting with the text it was built from.
 */
function movedMeeting(project: Project, meetings: readonly LoadedMeeting[], built: string, builtHash: string | undefined): LoadedMeeting | undefined {
  const moved = movedTo(project.root, join(project.root, project.config.paths.meetings), built, meetings.map((m) => m.path));
  if (moved !== undefined) return meetings.find((m) => m.path === moved);
  const unchanged = meetings.filter((m) => builtFrom(m.file, builtHash));
  return unchanged.length === 1 && everCommitted(project.root, built) ? unchanged[0] : undefined;
}

/** The DOCX's fields as they are now: the meeting's, built from a file renamed since, are the meeting's under its name now. */
function underNamesNow(fields: FieldReview[], built: string | undefined, meeting: LoadedMeeting): FieldReview[] {
  if (built === undefined || built === meeting.path) return fields;
  return fields.map((each) => (each.field.kind === 'meeting' && each.field.id === built ? { ...each, field: { ...each.field, id: meeting.path, file: meeting.path } } : each));
}

/**
 * Whether a file holds the text a DOCX recorded the hash of (`sha256:…`), its byte-order mark kept and
 * its line ends aside: a report built in a Windows checkout (CRLF) and reviewed in one with LF, or the
 * other way, was built from the same committed file.
 */
function builtFrom(file: YamlFile, recorded: string | undefined): boolean {
  if (!recorded?.startsWith('sha256:')) return false;
  return hasHash(`${file.bom ? '\uFEFF' : ''}${file.text}`, recorded.slice('sha256:'.length));
}

/**
 * How a field's file differs from what the DOCX was built from. `gone` when there is no text to compare
 * with or write into: the position was removed, or its file (or the meeting's) cannot be read now,
 * with `place` and `hint` from its first error.
 */
interface Staleness {
  file: string;
  message: string;
  gone?: boolean;
  place?: Place;
  hint?: string;
}

/** Why a field's file no longer holds the text the DOCX was built from, or undefined when it still does. */
function staleness(project: Project, meeting: LoadedMeeting, document: ReviewedDocument, field: FieldRef): Staleness | undefined {
  if (field.kind === 'meeting') {
    if (meeting.path !== field.id || builtFrom(meeting.file, document.properties.get('Briefing.MeetingHash'))) return undefined;
    if (!meeting.meeting) return unreadableSource(`the meeting's \`${field.field}\``, meeting.path, meeting.diagnostics);
    return { file: field.file, message: `${field.file} changed after the DOCX was built; the reviewer's changes to \`${field.field}\` were made to the earlier text.` };
  }
  const loaded = project.positions.get(field.id);
  const built = document.properties.get(`Briefing.Position.${field.id}`);
  if (loaded && !loaded.position) return unreadableSource(`position ${field.id}`, loaded.file.path, loaded.diagnostics);
  if (!loaded?.position) {
    const hint = goneHint(project, field.id);
    return { file: field.file, message: `The position ${field.id} the reviewer changed is no longer in the project.`, gone: true, ...(hint === undefined ? {} : { hint }) };
  }
  const current = `v${loaded.position.version}`;
  if (built === current && builtFrom(loaded.file, document.properties.get(`Briefing.PositionHash.${field.id}`))) return undefined;
  const what = built !== current ? `it is ${current} now, the DOCX was built from ${built ?? 'an unknown version'}` : `its file changed after the DOCX was built (same version ${current})`;
  return { file: loaded.file.path, message: `The reviewer changed position ${field.id}, but ${what}.` };
}

/**
 * How to bring back a position no file has now, when git has or had it: the commit that deleted it
 * and the command that restores it, as `meeting/unknown-position` says (see {@link absentHint}).
 */
function goneHint(project: Project, id: string): string | undefined {
  const absent = project.files.absent?.(project.config.paths.positions, id);
  return absent && absentHint(absent, 'carry the reviewer’s changes over by hand');
}

/**
 * A field's file that is there but cannot be read now — a merge conflict git left in it, a YAML
 * error — named by its first error: neither compared with the DOCX nor written into until it is fixed.
 */
function unreadableSource(what: string, path: string, problems: readonly Diagnostic[]): Staleness {
  const first = problems.find((problem) => problem.severity === 'error');
  return {
    file: path,
    message: `The reviewer changed ${what}, but ${path} cannot be read now${first ? `: ${first.message}` : '.'}`,
    gone: true,
    ...(first?.line === undefined ? {} : { place: { line: first.line, column: first.column ?? 1 } }),
    hint: `${first?.hint ? first.hint.replace(/\.$/, '') : `Fix it (\`briefing check ${shellWord(path)}\` names the problems)`}, and run review again.`,
  };
}

/** The field's text as the DOCX was built from it: the committed version with the recorded hash. */
function baseText(project: Project, document: ReviewedDocument, field: FieldRef): string | undefined {
  const recorded = field.kind === 'meeting' ? document.properties.get('Briefing.MeetingHash') : document.properties.get(`Briefing.PositionHash.${field.id}`);
  if (!recorded?.startsWith('sha256:')) return undefined;
  const text = textWithHash(project.root, field.file, recorded.slice('sha256:'.length));
  if (text === undefined) return undefined;
  return fieldText(text, field);
}

/**
 * Why git did not give the text a DOCX was built from, when the cause is git's and not only an uncommitted
 * file: git missing, git refusing the repository as another user's, the checkout's repository not
 * there (its `.git` leads nowhere), a shallow clone (CI checks out one commit by default; `git clone
 * --depth 1`) whose history may stop short of that text, or git failing of its own (a damaged index,
 * which keeps files from being committed too). `where` goes on from "the text it was built from".
 */
function gitGap(project: Project): { where: string; hint: string } | undefined {
  const unread = (why: string, hint: string) => ({ where: `cannot be read (${why})`, hint });
  if (gitMissing()) return unread('git is not installed or not on the PATH', 'Install git and put it on the PATH, then run review again.');
  const refused = gitRefusal(project.root);
  if (refused) return unread(`git refuses to work in the repository at ${refused.repository}, which belongs to another user`, refused.hint ?? '');
  const unlinked = gitUnlinked(project.root);
  if (unlinked) return unread(unlinked.fact, unlinked.hint ?? '');
  if (isShallowClone(repositoryAt(project.root))) return unread('it is not in this shallow clone, whose history may stop short of it', UNSHALLOW_HINT);
  const failed = gitFailedHere(project.root);
  if (failed) return { where: `is not found in the file's git history, and git fails in this repository (${failed.said})`, hint: failed.hint ?? '' };
  return undefined;
}

/** A field's text in a position or meeting file, composed as `parseYaml` reads values (the DOCX was built from those). */
function fieldText(text: string, field: FieldRef): string | undefined {
  const value: unknown = parseDocument(text).getIn(field.field.split('.'));
  return typeof value === 'string' ? value.normalize('NFC') : undefined;
}

/**
 * The field's current Markdown and where its text is: the file as the project names it (`file`), and the file itself (`absolute`):
 * through a link (the project reads none that leads outside it), so --accept writes the file the link
 * points at, as `clear` does, and the link stays a link, not replaced by a copy the file no longer follows.
 */
function fieldSource(project: Project, meeting: LoadedMeeting, field: FieldRef): { text: string; file: string; absolute: string; loaded: string } | undefined {
  const file = field.kind === 'position' ? project.positions.get(field.id)?.file : meeting.path === field.id ? meeting.file : undefined;
  if (!file) return undefined;
  const path = join(project.root, file.path);
  return { text: fieldText(file.text, field) ?? '', file: file.path, absolute: realTarget(path) ?? path, loaded: file.bom ? `\uFEFF${file.text}` : file.text };
}

/** The flags of a `briefing review` command a hint gives. */
export interface ReviewCommandFlags {
  list?: boolean;
  accept?: boolean;
  ministry?: string | undefined;
  cleared?: boolean;
  rebase?: boolean;
}

/**
 * A `review` command for a hint, its flags in one order wherever it is given: `briefing` (or how the
 * user typed it, `briefing -C <folder>`), `review <docx>`, then --list or --accept, --ministry,
 * --cleared, --rebase.
 */
export function reviewCommand(docx: string, flags: ReviewCommandFlags, briefing = 'briefing'): string {
  const asked = [flags.list ? '--list' : '', flags.accept ? '--accept' : '', flags.ministry ? `--ministry ${shellWord(flags.ministry)}` : '', flags.cleared ? '--cleared' : '', flags.rebase ? '--rebase' : ''];
  return [`${briefing} review`, shellWord(docx), ...asked.filter(Boolean)].join(' ');
}

/** The command the user ran, with `--rebase`: pasted, it does what was asked (accepts, for whom), not only lists. */
function rebaseCommand(docx: string, options: ReviewOptions): string {
  return reviewCommand(docx, { accept: options.accept, ministry: options.ministry, cleared: options.cleared, rebase: true });
}

function acceptAll(project: Project, meeting: LoadedMeeting, options: ReviewOptions, result: ReviewResult): void {
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
 * How to accept a DOCX several ministries reviewed: the first with `--ministry`, which writes every
 * change; each next one with `--rebase`, which finds them written already and records its answer.
 */
function oneAtATime(named: readonly string[]): string {
  const [first = '<code>', second, ...rest] = named;
  const more = rest.length ? `, and the same for ${rest.join(', ')}` : '';
  return `Accept one ministry's review at a time: --ministry ${first}${second ? `, then --ministry ${second} --rebase${more} (the changes are written once, each ministry's answer recorded)` : ''}.`;
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
