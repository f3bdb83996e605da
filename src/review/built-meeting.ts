/** The meeting a reviewed DOCX was built from: found by the path and hash it recorded, also under a name it was renamed to since. */

import { join } from 'node:path';
import { ANCHOR_PROPERTY_PREFIX } from '../docx/anchors.js';
import type { LoadedMeeting } from '../load/meeting.js';
import { fileCodeOf, loadAllMeetings } from '../load/meetings.js';
import type { Project } from '../load/project.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { markedText, revisionsOf, type FieldReview } from './fields.js';
import type { ReviewedDocument } from './reviewed-docx.js';
import { hasHash } from '../load/history.js';
import { everCommitted, movedTo } from '../load/git-changes.js';
import type { YamlFile } from '../load/yaml.js';
import type { ReviewResult } from './review-result.js';

/** The meeting the DOCX was built from, when it is this project's. */
export function builtMeeting(project: Project, document: ReviewedDocument, result: ReviewResult): LoadedMeeting | undefined {
  const path = document.properties.get('Briefing.Meeting');
  const briefingProperties = [...document.properties.keys()].filter((name) => name.startsWith('Briefing.'));
  if (briefingProperties.length && !briefingProperties.some((name) => name.startsWith(ANCHOR_PROPERTY_PREFIX))) {
    result.diagnostics.push(
      path === undefined || isRedline(document)
        ? diagnostic(result.docx, undefined, 'error', 'review/no-anchors', 'This DOCX was written by briefing but has no field anchors: it is a redline from `briefing diff`, or a report built before anchors were written.', 'Build the report with `briefing build` and send that DOCX for review.')
        : // A report of the meeting, but with no field review writes back: the speaking points print only each position's `speaking_points`.
          diagnostic(
            result.docx,
            undefined,
            'error',
            'review/no-anchors',
            `This DOCX of ${path} prints none of the fields review writes back (the meeting's background and outcome, a position's body): it was built with a template such as the speaking points, whose points review does not read, or by a version of briefing from before field anchors.`,
            `${reviewersChanges(document)}Make the changes to speaking points in the position files (\`speaking_points\`). To have the answers reviewed, build the meeting with the informative report’s template (\`informative-report.lv\`, the default) and send that DOCX.`,
          ),
    );
    return undefined;
  }
  const meetings = loadAllMeetings(project);
  if (!path) {
    const lookalike = briefingProperties.length ? undefined : meetingByFooter(meetings, document);
    result.diagnostics.push(
      lookalike
        ? diagnostic(
            result.docx,
            undefined,
            'error',
            'review/not-built-here',
            `This DOCX has the file code of ${lookalike.path} in its footer (${lookalike.code}), but none of the hidden properties a report briefing builds has for review to read it back: it was saved by a program that drops a document's custom properties (an online editor such as Google Docs), or its text was copied into a new document.`,
            'Ask for the file as Word or LibreOffice saved it (with track changes on), or build the report again and send that for review; the changes in this one can only be made in the position files by hand.',
          )
        : diagnostic(result.docx, undefined, 'error', 'review/not-built-here', 'This DOCX was not built by briefing: it has no Briefing.Meeting property.', 'Only a DOCX written by `briefing build` can be read back; for an older report use `briefing import`.'),
    );
    return undefined;
  }
  const meeting = meetings.find((m) => m.path === path) ?? movedMeeting(project, meetings, path, document.properties.get('Briefing.MeetingHash'));
  if (!meeting) {
    result.diagnostics.push(diagnostic(result.docx, undefined, 'error', 'review/other-meeting', `This DOCX was built from ${path}, which is not a meeting of this project.`, 'Run review in the project the report was built in (or pass -C <folder>).'));
    return undefined;
  }
  result.meeting = meeting.path;
  return meeting;
}

/** The meeting of this project whose file code the DOCX's footer or header prints, if one does: a report of it that lost briefing's properties. */
function meetingByFooter(meetings: readonly LoadedMeeting[], document: ReviewedDocument): { path: string; code: string } | undefined {
  for (const meeting of meetings) {
    const code = fileCodeOf(meeting);
    if (code && document.marginTexts.some((text) => text.split(/\s+/).includes(code))) return { path: meeting.path, code };
  }
  return undefined;
}

/**
 * A redline from `briefing diff`: it says so in the comment on its first paragraph (`briefing diff:
 * <file>`, src/diff/format/docx.ts). One of a meeting records the meeting as a report does, so its
 * own tracked changes were taken for a reviewer's in a report of the speaking points.
 */
function isRedline(document: ReviewedDocument): boolean {
  return [...document.comments.values()].some((comment) => comment.text.startsWith('briefing diff: '));
}

/**
 * The reviewer's tracked changes and comments in a DOCX review does not read back (the speaking
 * points): each paragraph they are in, whole, its changes marked `[-deleted-]{+inserted+}`, a comment
 * after it, and their authors, so that the desk officer can carry them into the position files; ''
 * when it has none.
 */
function reviewersChanges(document: ReviewedDocument): string {
  const authors = new Set<string>();
  const changed = document.paragraphs.flatMap((paragraph) => {
    const revisions = revisionsOf(paragraph);
    const comments = paragraph.comments.map((id) => document.comments.get(id)).filter((comment) => comment !== undefined);
    if (!revisions.length && !comments.length) return [];
    for (const { author } of [...revisions, ...comments]) if (author) authors.add(author);
    const text = markedText(paragraph.pieces).replace(/\s+/g, ' ').trim();
    return [`“${text}”${comments.map((comment) => ` (comment: “${comment.text.replace(/\s+/g, ' ').trim()}”)`).join('')}`];
  });
  if (!changed.length) return '';
  const more = changed.length > 10 ? `, and ${changed.length - 10} more` : '';
  return `The reviewer's changes${authors.size ? ` (${[...authors].join(', ')})` : ''}: ${changed.slice(0, 10).join('; ')}${more}. `;
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
export function underNamesNow(fields: FieldReview[], built: string | undefined, meeting: LoadedMeeting): FieldReview[] {
  if (built === undefined || built === meeting.path) return fields;
  return fields.map((each) => (each.field.kind === 'meeting' && each.field.id === built ? { ...each, field: { ...each.field, id: meeting.path, file: meeting.path } } : each));
}

/**
 * Whether a file holds the text a DOCX recorded the hash of (`sha256:…`), its byte-order mark kept and
 * its line ends aside: a report built in a Windows checkout (CRLF) and reviewed in one with LF, or the
 * other way, was built from the same committed file.
 */
export function builtFrom(file: YamlFile, recorded: string | undefined): boolean {
  if (!recorded?.startsWith('sha256:')) return false;
  return hasHash(`${file.bom ? '\uFEFF' : ''}${file.text}`, recorded.slice('sha256:'.length));
}
