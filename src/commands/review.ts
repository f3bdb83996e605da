import { notADocx } from './docx-beside.js';
import { ministryCode } from './ministry-code.js';
import { ANCHOR_PROPERTY_PREFIX } from '../docx/anchors.js';
import { namedPath, projectPath, readBytesWithin } from '../load/files.js';
import type { LoadedMeeting } from '../load/meeting.js';
import { filesClaiming, loadProject, type Project } from '../load/project.js';
import { knownPositionIds } from '../batch/cache.js';
import { diagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { acceptedText, withoutIdleFormatting, type AcceptedText } from '../review/accepted.js';
import { changesByAuthor, formattingChanges, layoutChanges, splitByField, takenBackChanges, withdrawnNotes, type FieldReview, type FieldSplit } from '../review/fields.js';
import { DamagedDocxError, NotADocxError } from '../review/docx-errors.js';
import { MAX_DOCX_FILE_BYTES, readReviewedDocx } from '../review/read-docx.js';
import type { ReviewedDocument, ReviewedParagraph } from '../review/reviewed-docx.js';
import { ministriesNamed } from '../review/ministry.js';
import { rebaseText } from '../review/rebase.js';
import { type FieldOutcome, type ReviewOptions, type ReviewResult, reviewCommand } from '../review/review-result.js';
import { builtMeeting, underNamesNow } from '../review/built-meeting.js';
import { staleness, baseText, gitGap, fieldSource } from '../review/field-sources.js';
import { acceptAll } from '../review/accept-review.js';

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
  const unreliable = anchorsUnreliable(document, split);
  if (unreliable) {
    result.diagnostics.push(diagnostic(result.docx, undefined, 'error', 'review/no-anchors', unreliable.message, unreliable.hint));
    return finish(result);
  }
  result.outside = split.outside;
  // Why git did not give a field's built text is the project's, not the field's: asked of git once (up to four git processes).
  let gapFound: { gap: ReturnType<typeof gitGap> } | undefined;
  const context: FieldContext = { project, meeting, document, options, result, gap: () => (gapFound ??= { gap: gitGap(project) }).gap };
  for (const reviewed of split.fields) reviewField(context, reviewed);
  const { answering, candidates, issuerNamed } = reviewingMinistries(project, split, result.fields);
  // The one the authors name, when they name exactly one; else --ministry must say.
  result.ministry = options.ministry === undefined ? (candidates.length === 1 ? (candidates[0] ?? null) : null) : ministryCode(project, options.ministry);
  if (hasErrors(result.diagnostics)) return finish(result);
  if (options.accept) {
    if (!result.ministry) {
      throw new UsageError(
        candidates.length
          ? `The authors of the changes and comments name several ministries (${candidates.join(', ')}): a review records one ministry's answer.`
          : `Cannot tell which ministry reviewed the report: no author of a change or comment names one${issuerNamed ? ` but ${project.config.issuing_ministry}, which issues it` : ''}.`,
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
    notRecordedWarnings(split, result);
  }
  return finish(result);
}

/**
 * The ministries the authors of the reviewer's changes and comments name, but the issuing ministry:
 * `answering`, those whose reviewers changed or commented on a position; `candidates`, one of which
 * the review records (those answering, or if none, every one named).
 */
function reviewingMinistries(project: Project, split: FieldSplit, fields: readonly FieldOutcome[]): { answering: string[]; candidates: string[]; issuerNamed: boolean } {
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
  const takingBack = new Set(fields.flatMap((outcome) => outcome.takenBack.map(({ by }) => by)));
  const inPositions = split.fields.filter((f) => f.field.kind === 'position').map((f) => ({ revisions: f.revisions.filter((revision) => !takingBack.has(revision)), comments: f.comments }));
  const answering = ministriesNamed(project, authorsOf(inPositions)).filter((code) => code !== issuer);
  return { answering, candidates: answering.length ? answering : named, issuerNamed: namedAll.includes(issuer) };
}

/** Warnings of what --accept writes nowhere: comments and edits outside the positions, a paragraph typed just outside one. */
function notRecordedWarnings(split: FieldSplit, result: ReviewResult): void {
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

/** What reviewing one field needs of the review as a whole. */
interface FieldContext {
  project: Project;
  meeting: LoadedMeeting;
  document: ReviewedDocument;
  options: ReviewOptions;
  result: ReviewResult;
  /** Why git did not give a field's built text (asked once, by the first field that needs it). */
  gap: () => ReturnType<typeof gitGap>;
}

/** What the reviewer did in one field, merged with its text as it is now: its outcome and problems added to `result`. */
function reviewField({ project, meeting, document, options, result, gap }: FieldContext, reviewed: FieldReview): void {
  const claiming = reviewed.field.kind === 'position' ? filesClaiming(project, reviewed.field.id) : [];
  if (claiming.length > 1) {
    const message = `The reviewer changed position ${reviewed.field.id}, whose id ${claiming.join(' and ')} both claim: review cannot tell which file to read or write.`;
    result.diagnostics.push(diagnostic(claiming[1] ?? reviewed.field.file, undefined, 'error', 'position/duplicate-id', message, 'Give each position its own id (by convention its file name), then run review again.'));
    return;
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
    return;
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
      return;
    }
    accepted = acceptedText(field.paragraphs, built, field.footnotes);
    if (accepted.matched) return;
  }
  const base = stale && options.rebase ? baseText(project, document, field.field) : undefined;
  if (stale && !options.rebase) {
    result.diagnostics.push(diagnostic(stale.file, undefined, 'error', 'review/changed-since-build', stale.message, `Build the report again and send it for review, or ${options.accept ? 'merge the changes' : 'list the changes merged with the text as it is now'}: \`${rebaseCommand(result.docx, options)}\`${options.accept ? '' : ' (with --accept, it writes them)'}.`));
    // Listed all the same, against the text it was built from when git has it: what --rebase would carry over.
    const built = baseText(project, document, field.field) ?? source?.text ?? '';
    const shown = accepted ?? acceptedText(field.paragraphs, built, field.footnotes);
    result.fields.push(outcome(field, source, printed, shown, { notes: [`not written: ${stale.file} changed after the DOCX was built`], lost: [], conflicts: [], accepted: shown.markdown }));
    return;
  }
  if (stale && base === undefined) {
    const why = gap();
    const where = why?.where ?? "is not in the file's git history";
    result.diagnostics.push(diagnostic(stale.file, undefined, 'error', 'review/no-base', `${stale.message} The text the DOCX was built from ${where}, so the changes cannot be merged.`, why?.hint ?? 'Commit position files before building reports for review.'));
    return;
  }
  accepted ??= acceptedText(field.paragraphs, base ?? source?.text ?? '', field.footnotes);
  const rebased = base !== undefined ? rebaseText(base, accepted.markdown, source?.text ?? '') : { text: accepted.markdown, conflicts: [] };
  const conflicts = rebased.conflicts.map((c) => c.lines);
  if (conflicts.length && stale) {
    result.diagnostics.push(diagnostic(stale.file, undefined, 'error', 'review/conflict', `${conflicts.length} of the reviewer's changes to \`${field.field.field}\` no longer fit the current text (listed below); nothing was written.`, 'Carry them over by hand, or build the report again and send it for review.'));
  }
  result.fields.push(
    outcome(field, source, printed, accepted, {
      notes: accepted.notes,
      // Word's tracked paragraph changes (numbering removed, a level deeper, another style) are not carried into the Markdown.
      lost: [
        ...accepted.lost,
        ...layoutChanges(printed).map((text) => `the reviewer changed the numbering or layout of “${text}” (a tracked paragraph change), which is not carried into the text`),
        ...(field.joinedOutside ? [`${field.joinedOutside}, which no file can hold`] : []),
      ],
      conflicts,
      accepted: rebased.text,
    }),
  );
}

/**
 * A field's outcome as listed and, with --accept, written: the reviewer's changes in `printed` (the
 * field's paragraphs and its notes') and the text `shown` accepted; `rest` what only the caller knows.
 */
function outcome(
  field: FieldReview,
  source: { text: string; file: string } | undefined,
  printed: readonly ReviewedParagraph[],
  shown: AcceptedText,
  rest: Pick<FieldOutcome, 'notes' | 'lost' | 'conflicts' | 'accepted'>,
): FieldOutcome {
  return {
    // Where the field is now (a position moved since the build is written where it is).
    field: source ? { ...field.field, file: source.file } : field.field,
    before: shown.before,
    after: shown.after,
    revisions: field.revisions,
    byAuthor: changesByAuthor(printed),
    takenBack: takenBackChanges(printed),
    comments: field.comments,
    formatting: [...formattingChanges(printed), ...shown.formatting],
    notes: [...withdrawnNotes(printed), ...rest.notes],
    lost: rest.lost,
    conflicts: rest.conflicts,
    current: source?.text ?? '',
    accepted: rest.accepted,
    written: false,
  };
}

/**
 * Why the field anchors of the DOCX cannot tell whose text a paragraph is, if they cannot: the DOCX says which fields
 * it marked, but none of their bookmarks is left (an editor that drops them on saving: every change would look like
 * one outside the positions, or like no change at all), or some are broken ({@link FieldSplit.broken}).
 */
function anchorsUnreliable(document: ReviewedDocument, split: FieldSplit): { message: string; hint: string } | undefined {
  const recorded = [...document.properties.keys()].some((name) => name.startsWith(ANCHOR_PROPERTY_PREFIX));
  if (recorded && !split.fields.length) {
    return {
      message: 'This DOCX has lost the hidden bookmarks that mark where each position’s text is (the program it was last saved with dropped them), so its changes cannot be read by position.',
      hint: 'Ask for the file as saved by Word or LibreOffice, or build the report again and send that for review.',
    };
  }
  if (!split.broken.length) return undefined;
  return {
    message: `The hidden bookmarks that mark where each position’s text is cannot be relied on in this DOCX: ${split.broken.join('; ')}. Its changes cannot be read by position.`,
    hint: 'Ask for the file again as the reviewer saved it in Word or LibreOffice (a deleted answer deleted with track changes on), or build the report again and send that for review.',
  };
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
    const said = notADocx(path, shown, error);
    result.diagnostics.push(diagnostic(shown, undefined, 'error', 'review/not-built-here', said.message, said.hint));
    return undefined;
  }
}

/** The command the user ran, with `--rebase`: pasted, it does what was asked (accepts, for whom), not only lists. */
function rebaseCommand(docx: string, options: ReviewOptions): string {
  return reviewCommand(docx, { accept: options.accept, ministry: options.ministry, cleared: options.cleared, rebase: true });
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
