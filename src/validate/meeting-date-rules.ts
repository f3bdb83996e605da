/** The rules of a meeting's own facts: its dates and file name, its formation, place and name, each one small function. */

import type { LoadedMeeting } from '../load/meeting.js';
import type { Project } from '../load/project.js';
import { COUNCIL_CONFIGURATIONS, EUROPEAN_COUNCIL, lastDayOf, nominativeOn, type Meeting } from '../model/index.js';
import { latestDatingClearance } from '../model/document-date.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../util/suggest.js';
import { compareText } from '../util/text-order.js';
import { daysApart } from '../model/date.js';
import { nameContradictions } from '../model/meeting-name.js';
import { type MeetingRule, type TemplateTexts, isEnglishTemplate, templateReads, includedPositions } from './meeting-rule-context.js';

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
  if (written === undefined) return datedByOldClearance(project, loaded, meeting);
  const problem = documentDateProblem(project, meeting, written);
  if (!problem) return [];
  return [diagnostic(loaded.path, loaded.file.locate(['document_date']), 'warning', 'meeting/document-date', problem.message, problem.hint)];
};

/**
 * A report with no `document_date` is dated by its latest clearance: of positions used again unchanged, one
 * given for an earlier meeting. More than a year before the meeting, the DOCX would say the report was written
 * then (a report of October 2024 dated September 2023): said at the meeting's `date`.
 */
function datedByOldClearance(project: Project, loaded: LoadedMeeting, meeting: Meeting): Diagnostic[] {
  const latest = latestDatingClearance(meeting, includedPositions(project, meeting).flatMap(({ position }) => (position ? [position] : [])));
  if (!latest || daysApart(latest.date, meeting.date) <= MAX_DAYS_BEFORE_MEETING) return [];
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate(['date']),
      'warning',
      'meeting/document-date',
      `The report would be dated ${latest.date}, more than a year before the meeting on ${meeting.date}: with no \`document_date\`, a report is dated by its latest clearance, here that of \`${latest.position}\` by ${nominativeOn(project.ministries, latest.code, meeting.date)} (${latest.code}), most likely given for an earlier meeting.`,
      `Add \`document_date: <the day the report is written>\` to the meeting, or record the ministries' confirmation for this meeting with \`briefing clear ${latest.position} --ministry ${latest.code} --date <the day>\`.`,
    ),
  ];
}

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

/** How the two template rules above name what the template leaves out: group 1 the template. */
const TEMPLATE_GAP = /the template `([^`]+)` never uses `meeting\.(?:place|endDate)`/;

/**
 * The `meeting/place-not-printed` and `meeting/end-date-not-printed` warnings of one template, one for
 * each meeting built with it, as one at the first meeting (by file name) that counts the rest: the
 * template is what to mend, in one place. A project used for years, whose early template had no
 * place, said the same 284 times in every check.
 */
export function mergeTemplateGaps(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const template = d.ruleId === 'meeting/place-not-printed' || d.ruleId === 'meeting/end-date-not-printed' ? TEMPLATE_GAP.exec(d.message)?.[1] : undefined;
    if (template === undefined) continue;
    const key = [d.ruleId, template, d.severity, d.hint].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const lead = new Map<Diagnostic, readonly string[]>();
  const dropped = new Set<Diagnostic>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [first, ...rest] = [...group].sort((a, b) => compareText(a.file, b.file));
    if (!first) continue;
    lead.set(first, rest.map((d) => d.file));
    for (const d of rest) dropped.add(d);
  }
  return diagnostics.flatMap((d) => {
    if (dropped.has(d)) return [];
    const others = lead.get(d);
    if (!others) return [d];
    const named = others.length <= 3 ? others : [...others.slice(0, 2), `${others.length - 2} more`];
    const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
    return [{ ...d, message: `${d.message} ${others.length > 1 ? `The reports of ${others.length} more meetings built with it do` : 'The report of one more meeting built with it does'} the same: ${list}.` }];
  });
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
