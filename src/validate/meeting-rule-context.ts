/** What a meeting rule is and is given, and what the rules of a meeting share: its included positions, whether it is a draft (or archived), its template's texts. */

import type { LoadedMeeting } from '../load/meeting.js';
import type { LoadedPosition, Project } from '../load/project.js';
import { lastDayOf, type Meeting, type Position } from '../model/index.js';
import { isArchivedReport, isDraftReport } from '../model/draft.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** What the cross-file rules of one meeting look at. */
export interface MeetingRuleContext {
  project: Project;
  loaded: LoadedMeeting;
  meeting: Meeting;
  /** `--final`: every required clearance must be in place. */
  final: boolean;
  /** The command that runs the rules, named where a hint says to run it without `--final`. */
  command: RuleCommand;
  /** Today's date (YYYY-MM-DD), given by the caller; without it, date-relative rules are skipped. */
  today?: string;
  /** The report is archived (see {@link isArchived}), worked out once by the caller; never with `final`. */
  archived?: boolean;
}

/** The commands that run a meeting's rules: `check`, or `build` (and what builds as it does). */
export type RuleCommand = 'build' | 'check';

/** The way out of a `--final` error a hint names: the command the user ran, as a draft (`check without --final`). */
export function withoutFinal(command: RuleCommand): string {
  return `${command} without --final`;
}

/** A cross-file rule: one small function, returning every problem it finds. */
export type MeetingRule = (context: MeetingRuleContext) => Diagnostic[];

/** A template's name and the texts of its file and partials: what the checks of the fields it prints read. */
export interface TemplateTexts {
  name: string;
  files: readonly { text: string }[];
}

/** Whether a template writes English: its name ends in `.en`, as `informative-report.en` does. */
export function isEnglishTemplate(name: string): boolean {
  return name.endsWith('.en');
}

/** Whether any file of the template (its own or a partial) names what `pattern` finds. */
export function templateReads(template: Pick<TemplateTexts, 'files'>, pattern: RegExp): boolean {
  return template.files.some((file) => pattern.test(file.text));
}

/**
 * Whether the report is a draft, as its model says (see `isDraftReport`). Codes that other
 * rules already report as errors (unknown, never requested) are left out: such a meeting
 * is not built, and its errors say what to fix.
 */
export function isDraft(project: Project, meeting: Meeting): boolean {
  const positions = includedPositions(project, meeting).flatMap((p) => (p.position ? [p.position] : []));
  return isDraftReport(positions, reportClearances(project, meeting, positions));
}

/**
 * Whether the meeting's report is archived on `today` (see `isArchivedReport`): over, and final for it once,
 * its positions revised since. Not while a position it includes cannot be read (whether it was cannot be told),
 * nor while a question names a position that does not exist.
 */
export function isArchived(project: Project, meeting: Meeting, today: string | undefined): boolean {
  // A question whose position is not there (deleted, renamed): the report was never final as it stands, nor is it built.
  if (meeting.questions.some((question) => !project.positions.has(question.position))) return false;
  const included = includedPositions(project, meeting);
  const positions = included.flatMap((p) => (p.position ? [p.position] : []));
  if (positions.length < included.length) return false;
  return isArchivedReport(positions, reportClearances(project, meeting, positions), lastDayOf(meeting), today);
}

/** The required clearances a report rests on, less the codes other rules report as errors (unknown, never requested). */
function reportClearances(project: Project, meeting: Meeting, positions: readonly Position[]): string[] {
  return meeting.required_clearances.filter((code) => project.ministries[code] && positions.some((p) => p.clearance[code]));
}

/** The distinct positions a meeting includes, in question order, skipping unknown ids. */
export function includedPositions(project: Project, meeting: Meeting): LoadedPosition[] {
  const ids = [...new Set(meeting.questions.map((q) => q.position))];
  return ids.flatMap((id) => {
    const found = project.positions.get(id);
    return found ? [found] : [];
  });
}
