import type { LoadedMeeting } from '../load/meeting.js';
import type { Project } from '../load/project.js';
import type { Meeting } from '../model/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { includedPositions } from './meeting-rules.js';

/** Whether a template writes English: its name ends in `.en`, as `informative-report.en` does. */
export function isEnglishTemplate(name: string): boolean {
  return name.endsWith('.en');
}

/**
 * A meeting built with an English template prints each position's `body_en` and
 * `speaking_points_en`. A position without them is printed in Latvian, marked as not
 * translated: a warning on the position, naming the meeting and the template.
 */
export function untranslatedPositions(project: Project, loaded: LoadedMeeting, meeting: Meeting, template: string): Diagnostic[] {
  if (!isEnglishTemplate(template)) return [];
  return includedPositions(project, meeting).flatMap(({ position, file }) => {
    if (!position) return [];
    const found: Diagnostic[] = [];
    if (!position.body_en?.trim()) {
      found.push(
        diagnostic(
          file.path,
          file.locate(['body']),
          'warning',
          'position/untranslated',
          `The position \`${position.id}\` has no English text (\`body_en\`), and ${loaded.path} is built with the English template \`${template}\`: its answer is printed in Latvian, marked as not translated.`,
          'Add the translation under `body_en: |`.',
        ),
      );
    }
    if (position.speaking_points?.length && !position.speaking_points_en?.length) {
      found.push(
        diagnostic(
          file.path,
          file.locate(['speaking_points']),
          'warning',
          'position/untranslated',
          `The position \`${position.id}\` has speaking points but no \`speaking_points_en\`, and ${loaded.path} is built with the English template \`${template}\`: the note prints none.`,
          'Add the translated points under `speaking_points_en:`.',
        ),
      );
    }
    return found;
  });
}
