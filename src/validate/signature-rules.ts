import { dayBefore } from '../model/date.js';
import { existsOn, namePeriods, nameOn, type Ministries, type NamePeriod } from '../model/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { MeetingRule } from './meeting-rule-context.js';

/** A name of a registry ministry that a role names: "Vides aizsardzības un reģionālās attīstības ministrs" names VARAM's first name. */
interface NamedMinistry {
  code: string;
  name: NamePeriod;
}

/**
 * The ministry name a role names: its words before "ministrija" followed by a form of "ministrs",
 * "ministre" or "ministrija" ("… ministrijas valsts sekretārs"); the longest such name, so that a
 * name ending in another's words is not taken for the other.
 */
function ministryNamedIn(role: string, ministries: Ministries): NamedMinistry | undefined {
  const written = role.toLocaleLowerCase('lv');
  const found = Object.entries(ministries).flatMap(([code, ministry]) =>
    namePeriods(ministry).flatMap((name) => {
      const stem = /^(.+\s)ministrija$/u.exec(name.nominative.toLocaleLowerCase('lv'))?.[1];
      const at = stem === undefined ? -1 : written.indexOf(`${stem}ministr`);
      const wordStart = at === 0 || (at > 0 && !/[\p{L}\p{N}]/u.test(written.charAt(at - 1)));
      return stem !== undefined && wordStart ? [{ code, name, length: stem.length }] : [];
    }),
  );
  return found.sort((a, b) => b.length - a.length)[0];
}

/** The meeting's fields that name who signs or endorses the report, each with a `role`. */
const SIGNING_FIELDS: readonly ('signature' | 'visa')[] = ['signature', 'visa'];

/** Whether `date` falls in the days a name was in use. */
function inUseOn(name: NamePeriod, date: string): boolean {
  return (name.from === undefined || name.from <= date) && (name.next === undefined || date < name.next);
}

/**
 * `meeting/signature-ministry-name`: who signs the report, or endorses it, named by a ministry's name
 * it did not have on the meeting's day — VARAM's old name on a 2023 report, as the config's "who signs
 * now" kept it after the renaming — or by a ministry not yet established on that day.
 */
export const signatureNamesMinistryOfTheDay: MeetingRule = ({ project, loaded, meeting }) =>
  SIGNING_FIELDS.flatMap((field): Diagnostic[] => {
    const role = meeting[field]?.role;
    const named = role === undefined ? undefined : ministryNamedIn(role, project.ministries);
    const ministry = named === undefined ? undefined : project.ministries[named.code];
    if (named === undefined || ministry === undefined) return [];
    const date = meeting.date;
    const place = loaded.file.locate([field, 'role']);
    const what = `\`${field}.role\` names ${named.name.nominative} (${named.code})`;
    if (!existsOn(ministry, date)) {
      return [diagnostic(loaded.path, place, 'warning', 'meeting/signature-ministry-name', `${what}, established on ${ministry.established}, after the meeting’s day, ${date}.`, 'Check the meeting’s date, or write who signed for the ministry that held the work then.')];
    }
    if (inUseOn(named.name, date)) return [];
    const when = named.name.next !== undefined && named.name.next <= date ? `a name it had until ${dayBefore(named.name.next)}` : `a name it has from ${named.name.from}`;
    return [
      diagnostic(
        loaded.path,
        place,
        'warning',
        'meeting/signature-ministry-name',
        `${what}, ${when}: on the meeting’s day, ${date}, it is ${nameOn(ministry, date).nominative}.`,
        `Write the role with the name of the day; if it came from \`${field}\` in briefing.config.yaml, correct it there too.`,
      ),
    ];
  });
