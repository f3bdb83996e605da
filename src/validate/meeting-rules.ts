import { offsetInText, placeInText, unseenHint, unseenNote, withUnseenShown } from '../load/characters.js';
import type { LoadedMeeting } from '../load/meeting.js';
import type { AbsentFile } from '../load/git-changes.js';
import { committedMeetingAt, type LoadedPosition, type Project } from '../load/project.js';
import { clearanceOf, clearancesNeeded, COUNCIL_CONFIGURATIONS, EUROPEAN_COUNCIL, existsOn, lastDayOf, meetingTranslationPairs, nameOn, nominativeOn, positionSchema, staleTranslations, type Meeting } from '../model/index.js';
import { CLEARANCE_RECORD } from '../model/position.js';
import { isDraftReport } from '../model/draft.js';
import { latestDatingClearance } from '../model/document-date.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkPosition, unknownMinistry } from './position-rules.js';
import { suggest } from '../util/suggest.js';
import { shellWord } from '../util/shell.js';
import { markdownFieldProblems, plainTextTypographyProblems } from './markdown-rules.js';
import { daysApart } from '../model/date.js';
import { nameContradictions } from '../model/meeting-name.js';
import { signatureNamesMinistryOfTheDay } from './signature-rules.js';
import { presidencyInOffice } from './presidency-rules.js';
import { fileCodeDated } from './file-code-rules.js';
import { compareText } from '../util/text-order.js';

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
}

/** The commands that run a meeting's rules: `check`, or `build` (and what builds as it does). */
export type RuleCommand = 'build' | 'check';

/** The way out of a `--final` error a hint names: the command the user ran, as a draft (`check without --final`). */
export function withoutFinal(command: RuleCommand): string {
  return `${command} without --final`;
}

/** A cross-file rule: one small function, returning every problem it finds. */
export type MeetingRule = (context: MeetingRuleContext) => Diagnostic[];

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
  const named = project.positionFiles.find((file) => (file.path.split('/').at(-1) ?? '').replace(/\.ya?ml$/i, '') === id);
  if (named) {
    // Pointing the question there helps only when that id is a sound one of that file alone.
    const pointThere = project.positions.get(named.id)?.file.path === named.path && positionSchema.shape.id.safeParse(named.id).success;
    return `${named.path} has the id \`${named.id}\`: give it the id \`${id}\` (by convention a position's id is its file name)${pointThere ? `, or point the question to \`${named.id}\`` : ''}.`;
  }
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

/**
 * A meeting file named for one day (`2021-02-19-educ-informal.yaml`, as `new meeting` names it)
 * whose `date` is another: one of the two is a slip, and lists sort meetings by the name.
 */
export const dateAsFileName: MeetingRule = ({ loaded, meeting }) => {
  const named = /^(\d{4}-\d{2}-\d{2})(?=[-_.]|$)/.exec(loaded.path.split('/').at(-1) ?? '')?.[1];
  if (named === undefined || named === meeting.date) return [];
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate(['date']),
      'warning',
      'meeting/date-not-file-name',
      `The file name says ${named}, but \`date\` is ${meeting.date}.`,
      `Correct the date, or rename the file to start with ${meeting.date}.`,
    ),
  ];
};

/**
 * A `formation` written as a short name (capitals alone, as `EYCS`) that is none of the Council's:
 * a slip the English report prints as given ("Council configuration: EYC"). Written out in words,
 * it is the ministry's own to choose.
 */
export const formationKnown: MeetingRule = ({ loaded, meeting }) => {
  const formation = meeting.formation.trim();
  if (!/^[A-Z]{2,10}$/.test(formation) || formation === EUROPEAN_COUNCIL || (COUNCIL_CONFIGURATIONS as readonly string[]).includes(formation)) return [];
  const nearest = suggest(formation, COUNCIL_CONFIGURATIONS);
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate(['formation']),
      'warning',
      'meeting/unknown-formation',
      `\`formation\` is ${formation}, which is none of the Council’s configurations (${COUNCIL_CONFIGURATIONS.join(', ')}).`,
      nearest ? `Did you mean ${nearest}?` : 'Write the configuration’s short name, or its name in words.',
    ),
  ];
};

/** The longest an EU Council meeting runs, in days (formal ones take one or two, an informal one up to three). */
const LONGEST_MEETING_DAYS = 3;

/**
 * A meeting held over several days ends after it starts, and within three days: an `end_date` on or
 * before `date` is a slip the report would print ("17.–17. maijā"), and a later one most likely a
 * wrong day or month.
 */
export const endsAfterStart: MeetingRule = ({ loaded, meeting }) => {
  if (meeting.end_date === undefined) return [];
  const days = daysApart(meeting.date, meeting.end_date);
  const place = loaded.file.locate(['end_date']);
  if (days <= 0) {
    return [
      diagnostic(
        loaded.path,
        place,
        'error',
        'meeting/end-not-after-start',
        `\`end_date\` ${meeting.end_date} is ${days === 0 ? 'the same day as' : 'before'} \`date\` ${meeting.date}.`,
        days === 0 ? 'Leave `end_date` out for a one-day meeting.' : 'Write the first day as `date` and the last as `end_date`.',
      ),
    ];
  }
  if (days + 1 <= LONGEST_MEETING_DAYS) return [];
  return [
    diagnostic(
      loaded.path,
      place,
      'warning',
      'meeting/long-meeting',
      `The meeting runs ${days + 1} days, from ${meeting.date} to ${meeting.end_date}: a Council meeting takes one to three days.`,
      'Check `end_date` (its day, its month, its year).',
    ),
  ];
};

/** How long before its meeting a report may be written: the agenda of a Council meeting is known months, not years, ahead. */
const MAX_DAYS_BEFORE_MEETING = 366;

/**
 * `meeting/document-date`: a `document_date` after the meeting's first day, or more than a year
 * before it, is most likely a wrong day, month or year: the DOCX would say the report was written
 * after the meeting it prepares, or years before; one before a clearance the report is built on
 * dates it before that ministry had cleared.
 */
export const documentDatedForMeeting: MeetingRule = ({ project, loaded, meeting }) => {
  const written = meeting.document_date;
  if (written === undefined) return [];
  const problem = documentDateProblem(project, meeting, written);
  if (!problem) return [];
  return [diagnostic(loaded.path, loaded.file.locate(['document_date']), 'warning', 'meeting/document-date', problem.message, problem.hint)];
};

/** What is wrong with `document_date` `written`, if anything: after the meeting, a year before it, or before a clearance the report is built on. */
function documentDateProblem(project: Project, meeting: Meeting, written: string): { message: string; hint: string } | undefined {
  const days = daysApart(written, meeting.date);
  if (days < 0 || days > MAX_DAYS_BEFORE_MEETING) {
    return {
      message:
        days < 0
          ? `\`document_date\` ${written} is after the meeting's \`date\` ${meeting.date}: the DOCX would say the report was written after the meeting it prepares.`
          : `\`document_date\` ${written} is more than a year before the meeting's \`date\` ${meeting.date}.`,
      hint: 'Check `document_date` (its day, its month, its year), or leave it out: the report is then dated by its latest clearance.',
    };
  }
  const later = latestDatingClearance(meeting, includedPositions(project, meeting).flatMap(({ position }) => (position ? [position] : [])));
  if (!later || later.date <= written) return undefined;
  return {
    message: `\`document_date\` ${written} is before the clearance of \`${later.position}\` by ${nominativeOn(project.ministries, later.code, meeting.date)} (${later.code}) on ${later.date}: the DOCX would be dated before a clearance it is built on.`,
    hint: 'Check `document_date`, or leave it out: the report is then dated by its latest clearance.',
  };
}

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
 * A meeting held over several days whose template never reads `meeting.endDate` (a project's own
 * template written before there was one): its report would give the first day alone.
 */
export function lastDayPrinted(loaded: LoadedMeeting, meeting: Meeting, template: TemplateTexts): Diagnostic[] {
  if (lastDayOf(meeting) === meeting.date || templateReads(template, /\bendDate\b/)) return [];
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate(['end_date']),
      'warning',
      'meeting/end-date-not-printed',
      `The meeting runs from ${meeting.date} to ${meeting.end_date}, but the template \`${template.name}\` never uses \`meeting.endDate\`: the report gives the first day alone.`,
      isEnglishTemplate(template.name)
        ? 'Give the date helpers the last day, as the built-in English templates do: {{dateEn meeting.date until=meeting.endDate}}.'
        : 'Give the date helpers the last day, as the built-in templates do: {{date meeting.date "locative" until=meeting.endDate}}.',
    ),
  ];
}

/**
 * An in-person meeting with a `place` whose template never reads it (a project's own template
 * written before there was one): its report would leave out where the meeting is held, without a word.
 */
export function placePrinted(loaded: LoadedMeeting, meeting: Meeting, template: TemplateTexts): Diagnostic[] {
  // A videoconference's place is meeting/place-videoconference's: leaving it out is what that rule asks.
  if (meeting.place === undefined || meeting.mode === 'videoconference') return [];
  if (templateReads(template, /\bplace\.(?:locative|english)\b|\bmeeting\.place\b/)) return [];
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate(['place']),
      'warning',
      'meeting/place-not-printed',
      `The meeting has a \`place\`, ${meeting.place.locative}, but the template \`${template.name}\` never uses \`meeting.place\`: the report does not say where.`,
      // An English note prints the place's English name, as `meeting/place-untranslated` asks for: its locative is Latvian.
      isEnglishTemplate(template.name)
        ? "Print the place's English name after the days, as the built-in English templates do: {{dateEn meeting.date until=meeting.endDate}}{{#if meeting.place}}{{#if meeting.place.english}} in {{meeting.place.english}}{{/if}}{{/if}}."
        : 'Print the place after the days, as the built-in templates do: {{date meeting.date "locative" until=meeting.endDate}}{{#if meeting.place}} {{meeting.place.locative}}{{/if}}.',
    ),
  ];
}

/** A videoconference held somewhere: the report would say both ("… Briselē notiks …" and "by videoconference"). */
export const placeFitsMode: MeetingRule = ({ loaded, meeting }) =>
  meeting.place !== undefined && meeting.mode === 'videoconference'
    ? [
        diagnostic(
          loaded.path,
          loaded.file.locate(['place']),
          'warning',
          'meeting/place-videoconference',
          `The meeting is held by videoconference, but has a \`place\`, ${meeting.place.locative}: the report would say both.`,
          'Leave `place` out for a videoconference, or set `mode: in-person`.',
        ),
      ]
    : [];

/** Required ministries must be in the registry. */
export const requiredMinistriesExist: MeetingRule = ({ project, loaded, meeting }) =>
  meeting.required_clearances.flatMap((code, index) =>
    project.ministries[code]
      ? []
      : [unknownMinistry(project, loaded.path, loaded.file.locate(['required_clearances', index]), code, 'meeting/unknown-ministry', meeting.required_clearances)],
  );

/**
 * A required ministry must exist on the meeting's day: a report of a 2022 meeting "saskaņots ar
 * Klimata un enerģētikas ministriju" names a ministry established in 2023 (its `established`).
 */
export const requiredMinistriesEstablished: MeetingRule = ({ project, loaded, meeting }) =>
  meeting.required_clearances.flatMap((code, index) => {
    const ministry = project.ministries[code];
    if (ministry?.established === undefined || existsOn(ministry, meeting.date)) return [];
    return [
      diagnostic(
        loaded.path,
        loaded.file.locate(['required_clearances', index]),
        'error',
        'meeting/ministry-not-established',
        `${nameOn(ministry, ministry.established).nominative} (${code}) was established on ${ministry.established}, after the meeting on ${meeting.date}: the report cannot be cleared with it.`,
        `Remove ${code} from required_clearances (the ministry that held its work before then clears instead), or check the meeting's date.`,
      ),
    ];
  });

/**
 * The issuing ministry does not clear its own report: listed in `required_clearances`, the
 * clearance line would read "saskaņots ar Izglītības un zinātnes ministriju" in a report of that
 * ministry (usually a meeting copied from another ministry's project). Nor does it issue a report
 * of a meeting before its first day (`established`).
 */
export const issuerNotRequired: MeetingRule = ({ project, loaded, meeting }) => {
  const issuer = project.config.issuing_ministry;
  const index = meeting.required_clearances.indexOf(issuer);
  const ministry = project.ministries[issuer];
  if (!ministry) return [];
  if (ministry.established !== undefined && !existsOn(ministry, meeting.date)) {
    return [
      diagnostic(
        loaded.path,
        loaded.file.locate(['date']),
        'warning',
        'meeting/issuer-not-established',
        `The report is issued by ${nameOn(ministry, ministry.established).nominative} (${issuer}, \`issuing_ministry\` in the config), established on ${ministry.established}, after the meeting on ${meeting.date}: its report names a ministry that did not exist yet.`,
        'Check the meeting’s date; a meeting of the ministry that held the work then belongs to that ministry’s project.',
      ),
    ];
  }
  if (index < 0) return [];
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate(['required_clearances', index]),
      'warning',
      'meeting/issuer-required',
      `${issuer} issues the report (\`issuing_ministry\` in the config), and is listed in required_clearances: the report would say it was cleared with ${nameOn(ministry, meeting.date).accusative}, its own ministry.`,
      `Remove ${issuer} from required_clearances; list the other ministries whose areas the positions touch.`,
    ),
  ];
};

/**
 * The meeting's name must not say the opposite of its `kind` and `mode` (see `nameContradictions`;
 * usual when `new meeting --from` an informal videoconference kept its name): the title and the
 * opening would describe another kind of meeting than the English note and the file say.
 */
export const nameFitsKind: MeetingRule = ({ loaded, meeting }) =>
  nameContradictions(meeting.name, meeting.kind, meeting.mode).map(({ field, word, fits }) =>
    diagnostic(
      loaded.path,
      loaded.file.locate([field]),
      'warning',
      'meeting/name-kind-mismatch',
      `The meeting is \`${field}: ${meeting[field]}\`, but its name says “${word}”: the report's title and opening would describe another meeting.`,
      `Write this meeting's name under \`name\` (each of its forms), or set \`${field}: ${fits}\`.`,
    ),
  );

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

/** `briefing clear … --pending` for the meeting's positions, one command for them all, as a hint can say it. */
function requestCommand(ids: readonly string[], code: string): string {
  return `\`briefing clear ${[...new Set(ids)].join(' ')} --ministry ${code} --pending\``;
}

/**
 * A required ministry that none of the meeting's positions records in its clearance was
 * never asked: usually a wrong code in `required_clearances`.
 */
export const requiredClearancesRequested: MeetingRule = ({ project, loaded, meeting }) => {
  const positions = includedPositions(project, meeting).flatMap((p) => (p.position ? [p.position] : []));
  if (!positions.length) return [];
  return meeting.required_clearances.flatMap((code, index) => {
    if (!project.ministries[code] || positions.some((p) => p.clearance[code])) return [];
    const asked = positions.filter((p) => clearancesNeeded(p, [code]).length > 0).map((p) => p.id);
    return [
      diagnostic(
        loaded.path,
        loaded.file.locate(['required_clearances', index]),
        'error',
        'meeting/clearance-never-requested',
        `The meeting requires clearance by ${nominativeOn(project.ministries, code, meeting.date)} (${code}), but none of its positions records any clearance with it.`,
        // Not of a position the ministry owns: `clear` refuses it, and with it every other position of the command.
        asked.length ? `Check the code, or record the request in each position: ${requestCommand(asked, code)}.` : `Check the code: ${code} owns every position the meeting uses.`,
      ),
    ];
  });
};

/**
 * Every included position must be cleared by every required ministry: an error under
 * `--final` (which refuses to build), a warning in a draft (which is marked as such).
 */
export const clearancesComplete: MeetingRule = ({ project, loaded, meeting, final, command }) => {
  const severity = final ? 'error' : 'warning';
  // A ministry no position records is reported once, by requiredClearancesRequested.
  const recorded = new Set(includedPositions(project, meeting).flatMap((p) => Object.keys(p.position?.clearance ?? {})));
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
          final ? `Set \`status: cleared\` once every ministry has cleared it, or ${withoutFinal(command)}.` : undefined,
        ),
      );
    }
    for (const code of clearancesNeeded(position, meeting.required_clearances).filter((c) => recorded.has(c))) {
      const entry = position.clearance[code];
      const { state: standing, stale } = clearanceOf(position, code);
      if (standing === 'cleared') continue;
      // Named as the report on this meeting names it (a ministry renamed since is named as it was then).
      const name = nominativeOn(project.ministries, code, meeting.date);
      const state =
        stale === 'version'
          ? `is of version ${entry?.version}, and the position is now version ${position.version}`
          : stale === 'answer'
            ? 'was given for another text: the answer changed since'
            : entry?.status === 'objected'
              ? `was refused: ${code} objected${entry.note === undefined ? '' : ` (“${entry.note}”)`}`
              : entry
                ? `is ${entry.status}`
                : 'is not recorded';
      // With the day of the clearance: without --date, clear records today, which may be after the meeting.
      const again = `record it with \`briefing clear ${position.id} --ministry ${code} --date <the day>\`${final ? `, or ${withoutFinal(command)}` : ''}.`;
      problems.push(
        diagnostic(
          file.path,
          file.locate(entry ? ['clearance', code, stale ?? 'status'] : ['clearance'], entry ? 'value' : 'key'),
          severity,
          'clearance/missing',
          `The position \`${position.id}\` is not cleared by ${name} (${code}): the clearance ${state}; ${loaded.path} requires it.`,
          stale === 'version'
            ? `Ask ${code} to clear version ${position.version} and ${again}`
            : stale === 'answer'
              ? `Raise \`version\` to ${position.version + 1} for the changed text, ask ${code} to clear it and ${again}`
              : final && entry?.status === 'objected'
                ? `Change the text as ${code} asks, raise \`version\` to ${position.version + 1}, and once ${code} has cleared it, ${again}`
                : final
                  ? `Once ${code} has cleared it, ${again}`
                  : undefined,
        ),
      );
    }
    return problems;
  });
};

/**
 * A clearance dated after the meeting cannot have been in place for it: likely a mistyped date.
 * Not said for a meeting that is over of a clearance dated since, up to today: a position is used
 * again, cleared again for a later meeting, and every check said so of each earlier one, for good.
 */
export const clearedBeforeMeeting: MeetingRule = ({ project, meeting, today }) =>
  includedPositions(project, meeting).flatMap(({ position, file }) =>
    Object.entries(position?.clearance ?? {}).flatMap(([code, entry]) =>
      entry.date && entry.date > meeting.date && !(today !== undefined && lastDayOf(meeting) < today && entry.date <= today)
        ? [
            diagnostic(
              file.path,
              file.locate(['clearance', code, 'date']),
              'warning',
              'clearance/after-meeting',
              `The ${CLEARANCE_RECORD[entry.status]} by ${code} is dated ${entry.date}, after the meeting on ${meeting.date}.`,
              `Check the date; a position is ${entry.status === 'pending' ? 'sent for clearance' : 'cleared'} before the meeting it is used for.`,
            ),
          ]
        : [],
    ),
  );

/** A report still in draft for a meeting that is over was probably forgotten, or has a wrong date. */
export const draftNotPast: MeetingRule = ({ project, loaded, meeting, today }) => {
  const last = lastDayOf(meeting);
  if (!today || last >= today || !isDraft(project, meeting)) return [];
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate([last === meeting.date ? 'date' : 'end_date']),
      'warning',
      'meeting/past-draft',
      last === meeting.date ? `The meeting date ${meeting.date} is in the past, but its report is still a draft.` : `The meeting ended on ${last}, but its report is still a draft.`,
      movedOnHint(project, meeting) ?? 'Check the date, or finish the clearances.',
    ),
  ];
};

/**
 * For a past meeting's draft: the positions whose clearances are of an earlier version or text, when
 * there are any. Then the report may well have been final for the meeting and the positions were
 * revised since, for a later one: clearing them anew would not make the old report what it was.
 */
function movedOnHint(project: Project, meeting: Meeting): string | undefined {
  const moved = includedPositions(project, meeting).flatMap(({ position }) =>
    position && clearancesNeeded(position, meeting.required_clearances).some((code) => clearanceOf(position, code).stale !== undefined) ? [`\`${position.id}\``] : [],
  );
  if (!moved.length) return undefined;
  return `${moved.join(', ')} changed since ${moved.length > 1 ? 'their' : 'its'} clearances (they are of an earlier version or text): if the report was final for the meeting, the position${moved.length > 1 ? 's have' : ' has'} moved on since, and building the meeting again prints ${moved.length > 1 ? 'them' : 'it'} as now, not as then; otherwise check the date, or finish the clearances.`;
}

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

/** How a clearance/missing message ends: the meeting that requires the clearance. */
const REQUIRED_BY = /^(.*); (\S+) requires it\.$/s;

/**
 * The clearance/missing warnings of one position and ministry, one for each meeting that
 * requires the clearance, as one message naming the meetings: a position used by fifty
 * meetings said the same fifty times.
 */
export function mergeRequiredBy(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, { lead: string; meetings: string[] }>();
  const groupOf = new Map<Diagnostic, { lead: string; meetings: string[] }>();
  const merged: Diagnostic[] = [];
  for (const d of diagnostics) {
    const parts = d.ruleId === 'clearance/missing' ? REQUIRED_BY.exec(d.message) : null;
    if (!parts) {
      merged.push(d);
      continue;
    }
    const [, lead = '', meeting = ''] = parts;
    const key = [d.file, d.line, d.column, d.severity, lead, d.hint].join('\u0000');
    const group = groups.get(key);
    if (group) {
      if (!group.meetings.includes(meeting)) group.meetings.push(meeting);
      continue;
    }
    const fresh = { lead, meetings: [meeting] };
    groups.set(key, fresh);
    groupOf.set(d, fresh);
    merged.push(d);
  }
  return merged.map((d) => {
    const group = groupOf.get(d);
    if (!group || group.meetings.length < 2) return d;
    const names = [...group.meetings].sort(compareText);
    const who = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more meeting${names.length > 3 ? 's' : ''}`;
    return { ...d, message: `${group.lead}; ${who} require it.` };
  });
}

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

/**
 * Whether the report is a draft, as its model says (see `isDraftReport`). Codes that other
 * rules already report as errors (unknown, never requested) are left out: such a meeting
 * is not built, and its errors say what to fix.
 */
export function isDraft(project: Project, meeting: Meeting): boolean {
  const positions = includedPositions(project, meeting).flatMap((p) => (p.position ? [p.position] : []));
  const codes = meeting.required_clearances.filter((code) => project.ministries[code] && positions.some((p) => p.clearance[code]));
  return isDraftReport(positions, codes);
}

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
