/** The rules of a meeting's questions, its positions and its texts, and every meeting rule in the order they run (checkMeeting). */

import { offsetInText, placeInText, unseenHint, unseenNote, withUnseenShown } from '../load/characters.js';
import type { AbsentFile } from '../load/git-changes.js';
import { committedMeetingAt, type Project } from '../load/project.js';
import { meetingTranslationPairs, positionSchema, staleTranslations } from '../model/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkPosition } from './position-rules.js';
import { suggest } from '../util/suggest.js';
import { shellWord } from '../util/shell.js';
import { markdownFieldProblems } from './markdown-rules.js';
import { plainTextTypographyProblems } from './markdown-typography-rules.js';
import { signatureNamesMinistryOfTheDay } from './signature-rules.js';
import { presidencyInOffice } from './presidency-rules.js';
import { fileCodeDated } from './file-code-rules.js';
import { type MeetingRuleContext, withoutFinal, type MeetingRule, includedPositions } from './meeting-rule-context.js';
import { dateAsFileName, formationKnown, endsAfterStart, documentDatedForMeeting, placeFitsMode, nameFitsKind } from './meeting-date-rules.js';
import { requiredMinistriesExist, requiredMinistriesEstablished, issuerNotRequired, requiredClearancesRequested, clearancesComplete, clearedBeforeMeeting, draftNotPast } from './clearance-rules.js';
import { yamlBaseName } from '../load/files.js';

/** Each question must point at a position that exists. */
export const questionsPointToPositions: MeetingRule = ({ project, loaded, meeting }) => {
  const unknown = meeting.questions.flatMap((question, index) => (project.positions.has(question.position) ? [] : [{ question, index }]));
  if (!unknown.length) return [];
  // A position file that cannot be read has no id yet (it is known by its file's name): the one asked for may be in it.
  const unread = [...project.positions.values()].flatMap((position) => (position.hash === '' ? position.diagnostics.filter((d) => d.ruleId === 'input/unreadable') : []));
  return unknown.flatMap(({ question, index }) => {
    const { message, hint } = unread.length
      ? {
          message: `which no position file that could be read has; ${unread.map((problem) => problem.file).join(', ')} cannot be read, and may hold it.`,
          hint: 'Make the file readable (its id is known only then), and build again.',
        }
      : { message: 'which does not exist.', hint: unseenHint(question.position) ?? unknownPositionHint(project, question.position) };
    const place = loaded.file.locate(['questions', index, 'position']);
    const id = `\`${withUnseenShown(question.position)}\`${unseenNote(question.position)}`;
    return [diagnostic(loaded.path, place, 'error', 'meeting/unknown-position', `Question ${index + 1} points to the position ${id}, ${message}`, hint), ...unread];
  });
};

/** What to do about a question whose position no file has: the file named for it has another id, a close id, or how to create it. */
function unknownPositionHint(project: Project, id: string): string {
  const nearest = suggest(id, [...project.positions.keys()]);
  // The file named for the id is there, under another id: say which, rather than "create it".
  const named = project.positionFiles.find((file) => yamlBaseName(file.path) === id);
  if (named) {
    // Pointing the question there helps only when that id is a sound one of that file alone.
    const pointThere = project.positions.get(named.id)?.file.path === named.path && positionSchema.shape.id.safeParse(named.id).success;
    return `${named.path} has the id \`${withUnseenShown(named.id)}\`${unseenNote(named.id)}: give it the id \`${id}\` (by convention a position's id is its file name)${pointThere ? `, or point the question to \`${named.id}\`` : ''}.`;
  }
  // Saved as `<id>.yaml.txt` (Windows hid the extension): renaming it beats bringing the old one back or creating one.
  const asText = project.files.yamlAsText(project.config.paths.positions).find((path) => yamlBaseName(path.replace(/\.txt$/i, '')) === id);
  if (asText) return `${asText} may hold it, but is not read: its name ends in .txt after .yaml. Rename it: \`git mv ${shellWord(asText)} ${shellWord(asText.replace(/\.txt$/i, ''))}\` (or \`mv\`, if git does not have it yet).`;
  // Moved since HEAD with a new id, not yet committed: the file git would bring back is this one, under its old name.
  const moved = project.positionFiles.find((file) => file.committedPath !== undefined && file.id !== id && yamlBaseName(file.committedPath) === id);
  if (moved) return `${moved.committedPath} was renamed to ${moved.path} since ${project.versionsFrom}, and its id is now \`${moved.id}\`: point the question to \`${moved.id}\`.`;
  // git may have the file the working tree lacks: bringing it back beats creating it anew.
  const absent = project.files.absent?.(project.config.paths.positions, id);
  if (absent) return absentHint(absent, undefined, renamedAdvice(project, (newId) => `point the question to \`${newId}\``));
  if (nearest) return `Did you mean \`${nearest}\`?`;
  return positionSchema.shape.id.safeParse(id).success
    ? `Create it with an \`id: ${id}\` under ${project.config.paths.positions}/.`
    : 'Position ids are the letters a–z (no ā or š), digits, ".", "_" and "-" (e.g. `youth-participation`); write the id of an existing position, or create one under such an id.';
}

/**
 * How to bring back a position file git has or had: out of a sparse checkout, deleted since the last
 * commit, or deleted in a commit; for the last, `otherwise` is what else to do (someone meant it gone).
 */
export function absentHint(absent: AbsentFile, otherwise = 'point the question to the position that took its place', renamed?: (path: string) => string | undefined): string {
  const path = shellWord(absent.path);
  // Renamed, with its id changed (else the id would still be found): bringing the old file back would make two of one position.
  const advice = absent.how === 'removed' && absent.renamedTo !== undefined ? renamed?.(absent.renamedTo) : undefined;
  if (advice !== undefined && absent.how === 'removed') return `${absent.path} was renamed to ${absent.renamedTo} in commit ${absent.commit} (${absent.author}, ${absent.date})${advice}.`;
  if (absent.how === 'sparse') {
    return `${absent.path} is in the git repository, but this sparse checkout leaves it out: \`git sparse-checkout add ${shellWord(absent.path.split('/').slice(0, -1).join('/'))}\` brings it in (or \`git sparse-checkout disable\`, every file).`;
  }
  if (absent.how === 'deleted') return `${absent.path} was deleted since the last commit: \`git restore ${path}\` brings it back.`;
  if (absent.how === 'deletion-staged') return `${absent.path} was deleted, and its deletion is staged for the next commit: \`git restore --staged --worktree ${path}\` brings it back.`;
  return `${absent.path} was deleted in commit ${absent.commit} (${absent.author}, ${absent.date}): \`git checkout ${absent.commit}^ -- ${path}\` brings it back; or ${otherwise}.`;
}

/**
 * What to do about a position file renamed in a commit, for {@link absentHint}: `use(id)` says how to
 * take the renamed position by its id now (", whose id is now `x`: …"); undefined when no position
 * file of the project is at `path` now (moved again, or deleted since), whose id could be named.
 */
export function renamedAdvice(project: Project, use: (id: string) => string): (path: string) => string | undefined {
  return (path) => {
    const file = project.positionFiles.find((each) => each.path === path);
    return file ? `, whose id is now \`${file.id}\`: ${use(file.id)}` : undefined;
  };
}

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
          'Add each question with the id of the position that answers it, on lines of their own under `questions:` (in place of its `[]`): `- text: …` and, under `text`, `position: <id>`.',
        ),
      ];

/** A meeting without a background prints the report without one: `new meeting` leaves it empty to be written. */
export const hasBackground: MeetingRule = ({ loaded, meeting, final }) =>
  meeting.background.trim()
    ? []
    : [
        diagnostic(
          loaded.path,
          loaded.file.locate(['background']),
          final ? 'error' : 'warning',
          'meeting/no-background',
          'The meeting has an empty `background`: the report would go from the opening straight to the questions.',
          'Summarise the presidency’s discussion paper (and the acts it builds on) under `background: |`.',
        ),
      ];

/** The included positions' files must be sound: their own problems and rules (see position-rules.ts). */
export const includedPositionsAreSound: MeetingRule = ({ project, meeting, final, command }) =>
  includedPositions(project, meeting)
    .flatMap((loaded) => checkPosition(project, loaded))
    // A final report cannot print a question with no answer under it, nor say an answer changed since was cleared.
    .map((d) => (final && STRICTER_WHEN_FINAL.has(d.ruleId) ? { ...d, severity: 'error' as const, hint: `${d.hint ?? ''} Or ${withoutFinal(command)}.`.trim() } : d));

/** Position rules that are warnings in a draft and errors in a final report. */
const STRICTER_WHEN_FINAL = new Set<string>(['position/empty-answer', 'position/version-not-raised', 'clearance/version-unnamed']);

/**
 * A position printed under two questions of one meeting is usually a copy-paste slip.
 * It is allowed when the position says it answers that many questions (its `questions` list).
 */
export const positionsAnswerOnce: MeetingRule = ({ project, loaded, meeting }) => {
  const uses = new Map<string, number[]>();
  meeting.questions.forEach((question, index) => uses.set(question.position, [...(uses.get(question.position) ?? []), index]));
  return [...uses].flatMap(([id, indexes]) => {
    const answers = project.positions.get(id)?.position?.questions.length ?? 1;
    if (indexes.length <= answers) return [];
    const first = (indexes[0] ?? 0) + 1;
    return indexes.slice(1).map((index) =>
      diagnostic(
        loaded.path,
        loaded.file.locate(['questions', index, 'position']),
        'error',
        'meeting/duplicate-position',
        `Question ${index + 1} uses the position \`${id}\`, which already answers question ${first}.`,
        `Point it to its own position, or list every question the position answers under its \`questions\`.`,
      ),
    );
  });
};

/** A report is signed: without a `signature` it is a warning, an error under `--final`. */
export const isSigned: MeetingRule = ({ loaded, meeting, final }) =>
  meeting.signature
    ? []
    : [
        diagnostic(
          loaded.path,
          undefined,
          final ? 'error' : 'warning',
          'meeting/no-signature',
          'The report has no signature block: the meeting has no `signature`.',
          'Add `signature: { role: …, name: … }` (and `visa:`) to the meeting; `briefing new meeting` takes them from the config.',
        ),
      ];

/**
 * No value is still the `x` that `briefing import` writes where it found nothing: a warning
 * at each one, an error under `--final`.
 */
export const noPlaceholders: MeetingRule = ({ loaded, meeting, final }) =>
  placeholderPaths(meeting).map((path) =>
    diagnostic(
      loaded.path,
      loaded.file.locate(path),
      final ? 'error' : 'warning',
      'meeting/placeholder',
      `\`${path.join('.')}\` is still \`x\`, the mark briefing import leaves where the report did not say.`,
      placeholderHint(path),
    ),
  );

/** What to do about a placeholder: the visa line is optional, so a visa the report had none of may go (no visa line is printed then). */
function placeholderHint([field]: (string | number)[]): string {
  if (field === 'visa') return 'Write who endorses the report (role and name), or delete `visa`: without it the report prints no visa line.';
  if (field === 'signature') return 'Write who signs the report (role and name).';
  return 'Write the real value.';
}

/** The key paths of the string values that are exactly `x`, in the meeting's order. */
function placeholderPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === 'x') return [path];
  if (Array.isArray(value)) return value.flatMap((item: unknown, index) => placeholderPaths(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => placeholderPaths(item, [...path, key]));
  return [];
}

/** The background and the outcome (and their English) as Markdown: every footnote paired with its definition, no raw HTML. */
export const markdownSound: MeetingRule = ({ loaded, meeting }) =>
  markdownFieldProblems(loaded.file, [
    ['background', meeting.background],
    ['background_en', meeting.background_en],
    ['outcome', meeting.outcome],
    ['outcome_en', meeting.outcome_en],
  ]);

/** The plain-text fields the report prints as typed (topic, names, questions): no hyphen for a dash, no typewriter quotes. */
export const plainTextTypography: MeetingRule = ({ loaded, meeting }) =>
  plainTextTypographyProblems(loaded.file, [
    [['topic'], meeting.topic],
    ...Object.entries(meeting.name).map(([form, text]): [string[], string | undefined] => [['name', form], text]),
    ...meeting.questions.map((question, index): [(string | number)[], string] => [['questions', index, 'text'], question.text]),
  ]);

/**
 * A number that opens a question's text, as the presidency's paper numbers its questions: "1.", "2)", "(3)", before the question's
 * capital ("1. Kādi …"); group 1 the mark. An ordinal that opens a sentence is followed by a small letter ("3. valstu pilsoņi …",
 * "2. līmeņa …").
 */
const QUESTION_NUMBER = /^(\(?\d{1,2}[.)])\s+(?=\p{Lu})/u;

/**
 * `meeting/question-number`: a question whose text starts with its number, as copied from the
 * presidency's paper ("1. Kādi ir …"). The report numbers the questions itself, and printed
 * "1. 1. Kādi ir …". A date ("3. februārī …"), a year or an ordinal that opens it is no number of it: a small letter follows.
 */
export const questionsUnnumbered: MeetingRule = ({ loaded, meeting }) =>
  meeting.questions.flatMap((question, index) => {
    const mark = QUESTION_NUMBER.exec(question.text)?.[1];
    if (mark === undefined) return [];
    const value = loaded.file.locate(['questions', index, 'text']);
    const text = loaded.file.text;
    const at = value && text.indexOf(mark, offsetInText(text, value));
    const opening = question.text.split(/\s+/).slice(0, 5).join(' ');
    return [
      diagnostic(
        loaded.path,
        at === undefined || at < 0 ? value : placeInText(text)(at),
        'warning',
        'meeting/question-number',
        `Question ${index + 1} starts with “${mark}”, but the report numbers the questions itself: it prints “${index + 1}. ${opening} …”.`,
        'Leave the number out of the question’s `text`: the report gives each question its number, in the order of `questions`.',
      ),
    ];
  });

/**
 * English texts left behind: the meeting's `topic`, `outcome`, `background`, `name`, `place` or a question's `text`
 * changed since git HEAD (or `check --base`'s revision), re-wrapping aside, while the English one
 * beside it is as committed: an English note would print the translation of the earlier text. A
 * question is compared with the committed one answered by the same position, so questions moved
 * up or down are still matched; one whose position answers two questions is not compared. A
 * warning at each English text, until the change is committed; a typo fixed may leave it.
 */
export const meetingTranslationFollowed: MeetingRule = ({ project, loaded }) => {
  const before = committedMeetingAt(project, loaded.path);
  if (before === undefined) return [];
  return staleTranslations(meetingTranslationPairs(loaded.file.data), before.pairs).map((pair) => {
    // A question's English is named by its key, as each question has one; the meeting's own texts by their path.
    const english = pair.question === undefined ? pair.englishAt.join('.') : 'text_en';
    const latvian = pair.question === undefined ? `\`${pair.id}\`` : `The \`text\` of question ${pair.question}`;
    return diagnostic(
      loaded.path,
      loaded.file.locate(pair.englishAt, 'key'),
      'warning',
      'meeting/translation-stale',
      `${latvian} changed since ${project.versionsFrom}, but its English, \`${english}\`, did not: an English note (informative-report.en) prints the translation of the earlier ${pair.what}.`,
      `Bring the change into \`${english}\` too; a change that alters no meaning (a typo, a comma) needs none.`,
    );
  });
};

/** The rules run for each meeting, in order. */
export const MEETING_RULES: readonly MeetingRule[] = [
  hasQuestions,
  dateAsFileName,
  fileCodeDated,
  formationKnown,
  presidencyInOffice,
  endsAfterStart,
  documentDatedForMeeting,
  placeFitsMode,
  hasBackground,
  isSigned,
  signatureNamesMinistryOfTheDay,
  noPlaceholders,
  markdownSound,
  plainTextTypography,
  questionsUnnumbered,
  questionsPointToPositions,
  positionsAnswerOnce,
  requiredMinistriesExist,
  requiredMinistriesEstablished,
  issuerNotRequired,
  nameFitsKind,
  requiredClearancesRequested,
  includedPositionsAreSound,
  clearancesComplete,
  clearedBeforeMeeting,
  draftNotPast,
  meetingTranslationFollowed,
];

/** Runs every meeting rule and returns all their problems. */
export function checkMeeting(context: MeetingRuleContext): Diagnostic[] {
  return MEETING_RULES.flatMap((rule) => rule(context));
}
