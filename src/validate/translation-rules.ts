import type { LoadedMeeting } from '../load/meeting.js';
import { isBuiltInTemplate } from '../load/package-folder.js';
import type { Project } from '../load/project.js';
import type { Meeting } from '../model/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { includedPositions, isEnglishTemplate, templateReads, withoutFinal, type RuleCommand } from './meeting-rule-context.js';
import { printsPointsOnly } from './speaking-points-rules.js';
import { placeNamed } from '../model/places.js';
import { joinList } from '../util/join-list.js';

/** The template a meeting is built with, as far as this rule reads it: a render/template.ts Template (which validate may not import). */
interface BuiltTemplate {
  /** Project-relative. */
  path: string;
  /** What it prints for a position with no English text: render/template-checks.ts `englishAnswerOf`. */
  englishAnswer: 'none' | 'latvian' | 'left-out' | 'empty';
  /** Its text and its partials'. */
  files: readonly { text: string }[];
}

/**
 * A meeting built with an English template prints each position's `body_en` and
 * `speaking_points_en`. A position without them: a warning on the position, naming the
 * meeting and the template, and saying what that template prints in their place — the
 * built-in one its Latvian answer marked as not translated, a project's own what its text
 * does with `position.bodyEn` (nothing about it when it never prints `position.bodyEn`).
 */
export function untranslatedPositions(project: Project, loaded: LoadedMeeting, meeting: Meeting, name: string, template: BuiltTemplate, final: boolean, command: RuleCommand): Diagnostic[] {
  if (!isEnglishTemplate(name)) return [];
  const builtIn = isBuiltInTemplate(project.files.root, template.path);
  const answer = template.englishAnswer;
  const instead =
    answer === 'latvian'
      ? builtIn
        ? ': its answer is printed in Latvian, marked as not translated.'
        : ', which prints its Latvian answer (`position.body`) in its place.'
      : answer === 'left-out'
        ? ', which prints `position.bodyEn` only when it is there: this answer is left out of the note.'
        : ', which prints `position.bodyEn`, empty for this position: its answer is left out of the note.';
  const fallback = 'or have the template print the Latvian answer when there is none: {{#if position.bodyEn}}{{{position.bodyEn}}}{{else}}{{{position.body}}}{{/if}}';
  // A template (or a partial of it) that never prints the English points leaves none out.
  const printsEnglishPoints = template.files.some((file) => file.text.includes('speakingPointsEn'));
  // Speaking points (no answer beside them) with none under a question: --final does not hand that to the minister, as `position/no-speaking-points`.
  // A template of its own that prints the Latvian points where there are no English ones prints points all the same.
  const pointsMissingIsError = final && printsPointsOnly(template) && !templateReads(template, /\bspeakingPoints\b/);
  return includedPositions(project, meeting).flatMap(({ position, file }) => {
    if (!position) return [];
    const found: Diagnostic[] = [];
    if (!position.body_en?.trim() && answer !== 'none') {
      found.push(
        diagnostic(
          file.path,
          file.locate(['body']),
          'warning',
          'position/untranslated',
          `The position \`${position.id}\` has no English text (\`body_en\`), and ${loaded.path} is built with the English template \`${name}\`${instead}`,
          answer === 'latvian' ? 'Add the translation under `body_en: |`.' : `Add the translation under \`body_en: |\`; ${fallback}.`,
        ),
      );
    }
    if (position.speaking_points?.length && !position.speaking_points_en?.length && printsEnglishPoints) {
      found.push(
        diagnostic(
          file.path,
          file.locate(['speaking_points']),
          pointsMissingIsError ? 'error' : 'warning',
          'position/untranslated',
          `The position \`${position.id}\` has speaking points but no \`speaking_points_en\`, and ${loaded.path} is built with the English template \`${name}\`: it prints none for this position.`,
          `Add the translated points under \`speaking_points_en:\`${pointsMissingIsError ? `, or ${withoutFinal(command)}` : ''}.`,
        ),
      );
    }
    return found;
  });
}

/**
 * A meeting built with an English template that prints the meeting's English texts — `meeting.topicEn`,
 * `meeting.backgroundEn`, `meeting.outcomeEn`, a question's `textEn` — where the meeting file has not got them: the note
 * prints the Latvian ones in their place. One warning for the meeting, at the first text missing,
 * naming them all (the answers have their own, `position/untranslated`).
 */
export function untranslatedMeeting(project: Project, loaded: LoadedMeeting, meeting: Meeting, name: string, template: BuiltTemplate): Diagnostic[] {
  if (!isEnglishTemplate(name)) return [];
  const missing: { what: string; how: string; path: (string | number)[]; count: number }[] = [];
  if (!meeting.topic_en?.trim() && templateReads(template, /\btopicEn\b/)) missing.push({ what: '`topic_en`', how: '`topic_en:` under `topic`', path: ['topic'], count: 1 });
  if (!meeting.outcome_en?.trim() && meeting.outcome?.trim() && templateReads(template, /\boutcomeEn\b/)) missing.push({ what: '`outcome_en`', how: '`outcome_en:` under `outcome`', path: ['outcome'], count: 1 });
  if (!meeting.background_en?.trim() && meeting.background.trim() && templateReads(template, /\bbackgroundEn\b/)) missing.push({ what: '`background_en`', how: '`background_en: |` under `background`', path: ['background'], count: 1 });
  const questions = meeting.questions.flatMap((question, index) => (question.text_en?.trim() ? [] : [index]));
  const [first] = questions;
  if (first !== undefined && templateReads(template, /\btextEn\b/)) {
    const numbers = questions.map((index) => index + 1);
    missing.push({ what: `\`text_en\` of question${numbers.length === 1 ? '' : 's'} ${joinList(numbers.map(String), 'and')}`, how: `\`text_en:\` under ${numbers.length === 1 ? 'the question’s' : 'each question’s'} \`text\``, path: ['questions', first, 'text'], count: numbers.length });
  }
  const [at] = missing;
  if (at === undefined) return [];
  const list = (texts: string[]) => joinList(texts, 'and');
  const one = missing.length === 1 && at.count === 1;
  // What a project's own template prints in their place only its text says; the built-in one prints the Latvian.
  const instead = isBuiltInTemplate(project.files.root, template.path) ? `the note prints the Latvian text in ${one ? 'its' : 'their'} place` : `the note has no English text for ${one ? 'it' : 'them'}`;
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate(at.path),
      'warning',
      'meeting/untranslated',
      `The meeting has no English text for ${list(missing.map((m) => m.what))}, and it is built with the English template \`${name}\`: ${instead}.`,
      `Add ${one ? 'the translation' : 'the translations'} beside the Latvian: ${list(missing.map((m) => m.how))}.`,
    ),
  ];
}

/**
 * A meeting in person built with an English template that prints `place.english`, whose `place`
 * has none (a place `new meeting` does not know, "Lisabonā", is written without one): the note
 * says "in person" and not where.
 */
export function untranslatedPlace(loaded: LoadedMeeting, meeting: Meeting, name: string, template: BuiltTemplate): Diagnostic[] {
  const place = meeting.place;
  if (!isEnglishTemplate(name) || place === undefined || place.english !== undefined || meeting.mode === 'videoconference') return [];
  if (!templateReads(template, /\bplace\.english\b/)) return [];
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate(['place', 'locative']),
      'warning',
      'meeting/place-untranslated',
      `The meeting's \`place\`, ${place.locative}, has no \`english\`, and it is built with the English template \`${name}\`: the note does not say where the meeting is held.`,
      // A Council seat's English name is known (new meeting writes it); another place's only the author knows.
      `Add the place's English name: \`place: { locative: ${place.locative}, english: ${placeNamed(place.locative).english ?? '…'} }\`.`,
    ),
  ];
}
