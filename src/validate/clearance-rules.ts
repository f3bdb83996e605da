/** The rules of a meeting's ministries and its positions' clearances: required, requested, complete, in time, each one small function. */

import type { Project } from '../load/project.js';
import { clearanceOf, clearancesNeeded, existsOn, lastDayOf, nameOn, nominativeOn, type Meeting } from '../model/index.js';
import { CLEARANCE_RECORD } from '../model/position.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { unknownMinistry } from './position-rules.js';
import { compareText } from '../util/text-order.js';
import { withoutFinal, type MeetingRule, isDraft, includedPositions } from './meeting-rule-context.js';

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
 * Not a warning of an archived meeting's report (see `isArchived`): it was final for its day, and
 * asking a ministry to clear today's text for a meeting that is over is no advice.
 */
export const clearancesComplete: MeetingRule = ({ project, loaded, meeting, final, command, archived }) => {
  if (archived) return [];
  const severity = final ? 'error' : 'warning';
  // A ministry no position records is reported once, by requiredClearancesRequested.
  const recorded = new Set(includedPositions(project, meeting).flatMap((p) => Object.keys(p.position?.clearance ?? {})));
  return includedPositions(project, meeting).flatMap(({ position, file, uncompared }) => {
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
      // Written by hand, a clearance names no answer: only git's committed text tells whether the answer changed since.
      if (standing === 'cleared' && final && uncompared && entry?.answer === undefined) {
        problems.push(
          diagnostic(
            file.path,
            file.locate(['clearance', code], 'key'),
            'error',
            'clearance/unchecked',
            `The clearance by ${code} is written by hand (it names no answer), and git cannot be asked for the committed text of \`${position.id}\` (${uncompared}), so whether the answer or its version changed since ${code} cleared it cannot be told.`,
            `${uncompared === 'input/git-nested' ? 'Keep the positions in the project’s own repository' : 'Let git read the repository, as that warning says'}; or, once ${code} has cleared this text, record it with \`briefing clear ${position.id} --ministry ${code} --date <the day>\`, which names the answer; or ${withoutFinal(command)}.`,
          ),
        );
        continue;
      }
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

/**
 * A report still in draft for a meeting that is over was probably forgotten, or has a wrong date. Also said
 * of an archived meeting's (see `isArchived`), with the hint that its positions moved on since: a check of
 * the whole project and `build --all` leave it out (see `quietArchived`), a run that names the meeting says it.
 */
export const draftNotPast: MeetingRule = ({ project, loaded, meeting, today }) => {
  const last = lastDayOf(meeting);
  if (!today || last >= today || !isDraft(project, meeting)) return [];
  // A position that cannot be read has its own error, and the report is not built: it is no draft, so none "still" left as one.
  if (includedPositions(project, meeting).some((included) => !included.position)) return [];
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

/**
 * A meeting's problems as a run of the whole project (`check` without paths, `build --all`) says them:
 * of an archived meeting (`archived`, see `isArchived`), without its `meeting/past-draft`, which every
 * such run said of every meeting that is over and whose positions were revised since, for good.
 */
export function quietArchived(diagnostics: readonly Diagnostic[], archived: boolean | undefined): Diagnostic[] {
  return archived ? diagnostics.filter((d) => d.ruleId !== 'meeting/past-draft') : [...diagnostics];
}

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
