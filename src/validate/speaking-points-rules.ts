import type { LoadedMeeting } from '../load/meeting.js';
import type { Project } from '../load/project.js';
import type { Meeting } from '../model/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { includedPositions, templateReads, withoutFinal, type RuleCommand, type TemplateTexts } from './meeting-rule-context.js';

/**
 * `position/no-speaking-points`: a meeting built with a template of speaking points (one that prints
 * `position.speakingPoints` or `position.speakingPointsEn` and no answer, as `speaking-points.lv` and
 * `speaking-points.en` do) whose position has none for it. The minister would take into the room a
 * question with a note and no points: a warning, an error under `--final`. A position with Latvian
 * points only, built with an English template, is `position/untranslated`'s.
 */
export function speakingPointsMissing(project: Project, loaded: LoadedMeeting, meeting: Meeting, name: string, template: Pick<TemplateTexts, 'files'>, final: boolean, command: RuleCommand): Diagnostic[] {
  if (!printsPointsOnly(template)) return [];
  const readsLatvian = templateReads(template, /\bspeakingPoints\b/);
  const readsEnglish = templateReads(template, /\bspeakingPointsEn\b/);
  const field = readsLatvian ? 'speaking_points' : 'speaking_points_en';
  return includedPositions(project, meeting).flatMap(({ position, file }) => {
    if (!position) return [];
    const latvian = position.speaking_points?.length ?? 0;
    const english = position.speaking_points_en?.length ?? 0;
    if ((readsLatvian && latvian > 0) || (readsEnglish && (english > 0 || latvian > 0))) return [];
    const hint = `Write the minister's points under \`${field}:\`, one item a point.`;
    return [
      diagnostic(
        file.path,
        file.locate([field]) ?? file.locate(['id']),
        final ? 'error' : 'warning',
        'position/no-speaking-points',
        `The position \`${position.id}\` has no \`${field}\`, and ${loaded.path} is built with \`${name}\`, which prints speaking points: the minister gets none under its question.`,
        final ? `${hint} Or ${withoutFinal(command)}.` : hint,
      ),
    ];
  });
}

/**
 * Whether a template is one of speaking points: it prints `position.speakingPoints` or
 * `position.speakingPointsEn` and no answer. A template that prints the answer (the informative
 * report) prints the points, if any, beside it: there they are optional.
 */
export function printsPointsOnly(template: Pick<TemplateTexts, 'files'>): boolean {
  return (templateReads(template, /\bspeakingPoints\b/) || templateReads(template, /\bspeakingPointsEn\b/)) && !templateReads(template, /\bbody(?:En)?\b/);
}
