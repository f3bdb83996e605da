import type { LoadedMeeting } from '../load/meeting.js';
import type { LoadedPosition, Project } from '../load/project.js';
import type { Meeting } from '../model/index.js';
import { diagnostic, type Diagnostic } from '../report/diagnostic.js';
import { suggest } from './schema.js';

/** What the cross-file rules of one meeting look at. */
export interface MeetingRuleContext {
  project: Project;
  loaded: LoadedMeeting;
  meeting: Meeting;
  /** `--final`: every required clearance must be in place. */
  final: boolean;
}

/** A cross-file rule: one small function, returning every problem it finds. */
export type MeetingRule = (context: MeetingRuleContext) => Diagnostic[];

/** Each question must point at a position that exists. */
export const questionsPointToPositions: MeetingRule = ({ project, loaded, meeting }) =>
  meeting.questions.flatMap((question, index) => {
    if (project.positions.has(question.position)) return [];
    const nearest = suggest(question.position, [...project.positions.keys()]);
    return [
      diagnostic(
        loaded.path,
        loaded.file.locate(['questions', index, 'position']),
        'error',
        'meeting/unknown-position',
        `Question ${index + 1} points to the position \`${question.position}\`, which does not exist.`,
        nearest
          ? `Did you mean \`${nearest}\`?`
          : `Create it with an \`id: ${question.position}\` under ${project.config.paths.positions}/.`,
      ),
    ];
  });

/** A meeting without questions is a draft just scaffolded: a warning, an error under `--final`. */
export const hasQuestions: MeetingRule = ({ loaded, meeting, final }) =>
  meeting.questions.length
    ? []
    : [
        diagnostic(
          loaded.path,
          loaded.file.locate(['questions']),
          final ? 'error' : 'warning',
          'meeting/no-questions',
          'The meeting has no questions yet, so the report has no answers.',
          'Add each question with the id of the position that answers it: `- text: …` and `position: <id>`.',
        ),
      ];

/** Required ministries must be in the registry. */
export const requiredMinistriesExist: MeetingRule = ({ project, loaded, meeting }) =>
  meeting.required_clearances.flatMap((code, index) =>
    project.ministries[code]
      ? []
      : [unknownMinistry(project, loaded.path, loaded.file.locate(['required_clearances', index]), code, 'meeting/unknown-ministry')],
  );

/** The included positions' files must be sound, and their ministry codes known. */
export const includedPositionsAreSound: MeetingRule = ({ project, meeting }) =>
  includedPositions(project, meeting).flatMap((loaded) => {
    const own = loaded.diagnostics;
    const position = loaded.position;
    if (!position) return own;
    const codes: [string, readonly PropertyKey[]][] = [
      [position.owner.ministry, ['owner', 'ministry']],
      ...Object.keys(position.clearance).map((code): [string, readonly PropertyKey[]] => [code, ['clearance', code]]),
    ];
    const unknown = codes
      .filter(([code]) => !project.ministries[code])
      .map(([code, path]) =>
        unknownMinistry(project, loaded.file.path, loaded.file.locate(path, 'key'), code, 'position/unknown-ministry'),
      );
    return [...own, ...unknown];
  });

/**
 * Every included position must be cleared by every required ministry: an error under
 * `--final` (which refuses to build), a warning in a draft (which is marked as such).
 */
export const clearancesComplete: MeetingRule = ({ project, loaded, meeting, final }) => {
  const severity = final ? 'error' : 'warning';
  return includedPositions(project, meeting).flatMap(({ position, file }) => {
    if (!position) return [];
    const problems: Diagnostic[] = [];
    if (position.status === 'draft') {
      problems.push(
        diagnostic(
          file.path,
          file.locate(['status']),
          severity,
          'clearance/position-draft',
          `The position \`${position.id}\` is still a draft.`,
          final ? 'Set `status: cleared` once every ministry has cleared it, or build without --final.' : undefined,
        ),
      );
    }
    for (const code of meeting.required_clearances) {
      const entry = position.clearance[code];
      if (entry?.status === 'cleared') continue;
      const name = project.ministries[code]?.nominative ?? code;
      const state = entry ? `is ${entry.status}` : 'is not recorded';
      problems.push(
        diagnostic(
          file.path,
          file.locate(entry ? ['clearance', code, 'status'] : ['clearance'], entry ? 'value' : 'key'),
          severity,
          'clearance/missing',
          `The position \`${position.id}\` is not cleared by ${name} (${code}): the clearance ${state}; ${loaded.path} requires it.`,
          final ? `Record the clearance with \`clearance: ${code}: status: cleared\` and its date, or build without --final.` : undefined,
        ),
      );
    }
    return problems;
  });
};

/** The rules run for each meeting, in order. */
export const MEETING_RULES: readonly MeetingRule[] = [
  hasQuestions,
  questionsPointToPositions,
  requiredMinistriesExist,
  includedPositionsAreSound,
  clearancesComplete,
];

/** Runs every meeting rule and returns all their problems. */
export function checkMeeting(context: MeetingRuleContext): Diagnostic[] {
  return MEETING_RULES.flatMap((rule) => rule(context));
}

/** The distinct positions a meeting includes, in question order, skipping unknown ids. */
export function includedPositions(project: Project, meeting: Meeting): LoadedPosition[] {
  const ids = [...new Set(meeting.questions.map((q) => q.position))];
  return ids.flatMap((id) => {
    const found = project.positions.get(id);
    return found ? [found] : [];
  });
}

function unknownMinistry(
  project: Project,
  file: string,
  place: { line: number; column: number } | undefined,
  code: string,
  ruleId: string,
): Diagnostic {
  const codes = Object.keys(project.ministries);
  const nearest = suggest(code, codes);
  return diagnostic(
    file,
    place,
    'error',
    ruleId,
    `The ministry code \`${code}\` is not in the ministries registry (${project.ministriesFile.path}).`,
    nearest ? `Did you mean \`${nearest}\`?` : `Known codes: ${codes.join(', ')}.`,
  );
}
