/** A reviewed field's file now and as the DOCX was built from it: its current text, the committed text it was built from, and why they differ or cannot be read. */

import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { realTarget } from '../load/files.js';
import type { LoadedMeeting } from '../load/meeting.js';
import type { Project } from '../load/project.js';
import type { FieldRef } from '../model/field.js';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';
import type { ReviewedDocument } from './reviewed-docx.js';
import { textWithHash } from '../load/history.js';
import { gitFailedHere, gitRefusal, gitUnlinked, UNSHALLOW_HINT } from '../load/git-failures.js';
import { gitMissing } from '../load/git-state.js';
import { isShallowClone, repositoryAt } from '../load/git.js';
import { movedTo } from '../load/git-changes.js';
import { absentHint } from '../validate/meeting-rules.js';
import { shellWord } from '../util/shell.js';
import { builtFrom } from './built-meeting.js';

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
export function staleness(project: Project, meeting: LoadedMeeting, document: ReviewedDocument, field: FieldRef): Staleness | undefined {
  if (field.kind === 'meeting') {
    if (meeting.path !== field.id || builtFrom(meeting.file, document.properties.get('Briefing.MeetingHash'))) return undefined;
    if (!meeting.meeting) return unreadableSource(`the meeting's \`${field.field}\``, meeting.path, meeting.diagnostics);
    return { file: field.file, message: `${field.file} changed after the DOCX was built; the reviewer's changes to \`${field.field}\` were made to the earlier text.` };
  }
  const loaded = project.positions.get(field.id);
  const built = document.properties.get(`Briefing.Position.${field.id}`);
  if (loaded && !loaded.position) return unreadableSource(`position ${field.id}`, loaded.file.path, loaded.diagnostics);
  if (!loaded?.position) {
    const hint = goneHint(project, field.id, field.file);
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
function goneHint(project: Project, id: string, file: string): string | undefined {
  const absent = project.files.absent?.(project.config.paths.positions, id);
  if (absent) return absentHint(absent, 'carry the reviewer’s changes over by hand');
  // Neither deleted nor renamed in a commit: moved since HEAD with a new id (git mv, not committed yet), where git follows the file the DOCX names.
  const moved = movedTo(project.root, join(project.root, project.config.paths.positions), file, project.positionFiles.map((each) => each.path));
  const now = moved === undefined ? undefined : project.positionFiles.find((each) => each.path === moved);
  if (now && now.id !== id) return `${file} was renamed to ${now.path} since git HEAD, and its id is now \`${now.id}\`: carry the reviewer’s changes over to it by hand, or build the report again and send it for review.`;
  return undefined;
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
export function baseText(project: Project, document: ReviewedDocument, field: FieldRef): string | undefined {
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
export function gitGap(project: Project): { where: string; hint: string } | undefined {
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
export function fieldSource(project: Project, meeting: LoadedMeeting, field: FieldRef): { text: string; file: string; absolute: string; loaded: string } | undefined {
  const file = field.kind === 'position' ? project.positions.get(field.id)?.file : meeting.path === field.id ? meeting.file : undefined;
  if (!file) return undefined;
  const path = join(project.root, file.path);
  return { text: fieldText(file.text, field) ?? '', file: file.path, absolute: realTarget(path) ?? path, loaded: file.bom ? `\uFEFF${file.text}` : file.text };
}
