import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { editClearance } from '../edit/clearance.js';
import { editFieldText } from '../edit/field-text.js';
import { writeAtomic } from '../emit/write.js';
import { errorCode, projectPath } from '../load/files.js';
import { loadAllMeetings } from '../load/meetings.js';
import { loadProject, type Project } from '../load/project.js';
import type { FieldRef } from '../model/field.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../report/diagnostic.js';
import { ExitCode, UsageError } from '../report/errors.js';
import { acceptedText } from '../review/accepted.js';
import { formattingChanges, splitByField, type OutsideChange } from '../review/fields.js';
import { NotADocxError, readReviewedDocx, type ReviewComment, type ReviewedDocument, type Revision } from '../review/read-docx.js';
import { reviewingMinistry } from '../review/ministry.js';

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
  /** Today (YYYY-MM-DD), for a clearance whose changes carry no date. */
  today: string;
}

/** What the reviewer did in one field, and what `--accept` made of it. */
export interface FieldOutcome {
  field: FieldRef;
  before: string[];
  after: string[];
  revisions: Revision[];
  comments: ReviewComment[];
  /** Text whose formatting the reviewer changed (bold, italic) with track changes on. */
  formatting: string[];
  notes: string[];
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
  const project = loadProject(options.cwd);
  const shown = projectPath(project.root, resolve(options.cwd, options.docx));
  const result: ReviewResult = { docx: shown, meeting: '', ministry: null, fields: [], outside: [], diagnostics: [...project.setupDiagnostics], exitCode: ExitCode.ok };
  if (hasErrors(result.diagnostics)) return finish(result);
  const document = readDocument(resolve(options.cwd, options.docx), shown, result);
  if (!document) return finish(result);
  const meeting = builtMeeting(project, document, result);
  if (!meeting) return finish(result);

  const split = splitByField(document);
  result.outside = split.outside;
  const touched = split.fields.filter((f) => f.revisions.length || f.comments.length);
  for (const field of touched) checkUnchanged(project, document, field.field, shown, result);
  if (hasErrors(result.diagnostics)) return finish(result);

  for (const field of touched) {
    const source = fieldSource(project, field.field);
    const accepted = acceptedText(field.paragraphs, source?.text ?? '');
    result.fields.push({ field: field.field, before: accepted.before, after: accepted.after, revisions: field.revisions, comments: field.comments, formatting: formattingChanges(field.paragraphs), notes: accepted.notes, written: false });
  }
  const authors = [...new Set([...touched.flatMap((f) => f.revisions.map((r) => r.author)), ...touched.flatMap((f) => f.comments.map((c) => c.author)), ...split.outside.flatMap((o) => o.revisions.map((r) => r.author))])];
  result.ministry = options.ministry ?? reviewingMinistry(project, authors);
  if (options.ministry && !project.ministries[options.ministry]) {
    throw new UsageError(`The ministry code \`${options.ministry}\` is not in the ministries registry.`, `Known codes: ${Object.keys(project.ministries).join(', ')}.`);
  }
  if (options.accept) acceptAll(project, options, touched.map((f) => ({ field: f.field, paragraphs: f.paragraphs })), result);
  return finish(result);
}

function finish(result: ReviewResult): ReviewResult {
  result.diagnostics = sortDiagnostics(result.diagnostics);
  if (hasErrors(result.diagnostics)) result.exitCode = ExitCode.problems;
  return result;
}

function readDocument(path: string, shown: string, result: ReviewResult): ReviewedDocument | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`Cannot read ${shown}: ${errorCode(error) === 'ENOENT' ? 'no such file' : String(errorCode(error) ?? error)}.`);
  }
  try {
    return readReviewedDocx(bytes);
  } catch (error) {
    if (!(error instanceof NotADocxError)) throw error;
    result.diagnostics.push(diagnostic(shown, undefined, 'error', 'review/not-built-here', `This file is not a DOCX (${error.message}).`, 'Give the DOCX that `briefing build` wrote, as the reviewer sent it back.'));
    return undefined;
  }
}

/** The meeting the DOCX was built from, when it is this project's. */
function builtMeeting(project: Project, document: ReviewedDocument, result: ReviewResult): string | undefined {
  const path = document.properties.get('Briefing.Meeting');
  if (!path) {
    result.diagnostics.push(diagnostic(result.docx, undefined, 'error', 'review/not-built-here', 'This DOCX was not built by briefing: it has no Briefing.Meeting property.', 'Only a DOCX written by `briefing build` can be read back; for an older report use `briefing import`.'));
    return undefined;
  }
  const meeting = loadAllMeetings(project).find((m) => m.path === path);
  if (!meeting) {
    result.diagnostics.push(diagnostic(result.docx, undefined, 'error', 'review/other-meeting', `This DOCX was built from ${path}, which is not a meeting of this project.`, 'Run review in the project the report was built in (or pass -C <folder>).'));
    return undefined;
  }
  result.meeting = path;
  return path;
}

/** Refuses a field whose file changed since the build: the reviewer read another text. */
function checkUnchanged(project: Project, document: ReviewedDocument, field: FieldRef, shown: string, result: ReviewResult): void {
  if (field.kind === 'meeting') {
    const meeting = loadAllMeetings(project).find((m) => m.path === field.id);
    if (meeting && `sha256:${meeting.hash}` !== document.properties.get('Briefing.MeetingHash')) {
      result.diagnostics.push(diagnostic(shown, undefined, 'error', 'review/changed-since-build', `${field.file} changed after the DOCX was built; the reviewer's changes to \`${field.field}\` were made to the earlier text.`, 'Build the report again and send it for review, or carry the changes over by hand.'));
    }
    return;
  }
  const loaded = project.positions.get(field.id);
  const built = document.properties.get(`Briefing.Position.${field.id}`);
  if (!loaded?.position) {
    result.diagnostics.push(diagnostic(shown, undefined, 'error', 'review/changed-since-build', `The position ${field.id} the reviewer changed is no longer in the project.`));
    return;
  }
  const current = `v${loaded.position.version}`;
  if (built !== current || `sha256:${loaded.hash}` !== document.properties.get(`Briefing.PositionHash.${field.id}`)) {
    const what = built !== current ? `it is ${current} now, the DOCX was built from ${built ?? 'an unknown version'}` : `its file changed after the DOCX was built (same version ${current})`;
    result.diagnostics.push(diagnostic(loaded.file.path, undefined, 'error', 'review/changed-since-build', `The reviewer changed position ${field.id}, but ${what}.`, 'Build the report again and send it for review, or carry the changes over by hand.'));
  }
}

/** The field's current Markdown and the file it lives in. */
function fieldSource(project: Project, field: FieldRef): { text: string; file: string; absolute: string } | undefined {
  const file = field.kind === 'position' ? project.positions.get(field.id)?.file : loadAllMeetings(project).find((m) => m.path === field.id)?.file;
  if (!file) return undefined;
  const value: unknown = parseDocument(file.text).getIn(field.field.split('.'));
  return { text: typeof value === 'string' ? value : '', file: file.path, absolute: join(project.root, file.path) };
}

function acceptAll(project: Project, options: ReviewOptions, touched: { field: FieldRef; paragraphs: Parameters<typeof acceptedText>[0] }[], result: ReviewResult): void {
  const ministry = result.ministry;
  if (!ministry) {
    throw new UsageError('Cannot tell which ministry reviewed the report from the authors of the changes.', 'Name it: --ministry <code>, e.g. --ministry AM.');
  }
  const edited = new Map<string, { text: string; absolute: string }>();
  touched.forEach((field, index) => {
    const outcome = result.fields[index];
    const source = fieldSource(project, field.field);
    if (!outcome || !source) return;
    let text = edited.get(source.file)?.text ?? readFileSync(source.absolute, 'utf8');
    const accepted = acceptedText(field.paragraphs, source.text);
    if (accepted.markdown !== source.text) {
      const position = field.field.kind === 'position' ? project.positions.get(field.field.id)?.position : undefined;
      const newVersion = position ? position.version + 1 : undefined;
      const next = editFieldText(text, field.field.field, accepted.markdown, newVersion);
      if (next === undefined) {
        result.diagnostics.push(diagnostic(source.file, undefined, 'error', 'review/cannot-write', `Cannot write the accepted text of \`${field.field.field}\` into ${source.file}: the field is not a top-level text.`, 'Copy the accepted text from `briefing review --list` by hand.'));
        return;
      }
      text = next;
      if (newVersion !== undefined) outcome.newVersion = newVersion;
      outcome.written = true;
    }
    if (field.field.kind === 'position') {
      const status = options.cleared ? 'cleared' : outcome.revisions.length ? 'objected' : 'pending';
      const dates = [...outcome.revisions.map((r) => r.date), ...outcome.comments.map((c) => c.date)].filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d)).sort();
      const date = dates.at(-1)?.slice(0, 10) ?? options.today;
      const note = outcome.comments.map((c) => c.text.replace(/\s+/g, ' ')).join(' | ');
      const edit = editClearance(text, ministry, { status, date, ...(note ? { note } : {}) });
      text = edit.text;
      outcome.clearance = `${ministry} ${status}`;
      outcome.written = true;
    }
    edited.set(source.file, { text, absolute: source.absolute });
  });
  if (hasErrors(result.diagnostics)) return;
  for (const [file, { text, absolute }] of edited) writeAtomic(absolute, text, file);
}
