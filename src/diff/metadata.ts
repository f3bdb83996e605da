import type { Meeting } from '../model/meeting.js';
import { nominativeOn, type Ministries } from '../model/ministries.js';
import type { Clearance, Position } from '../model/position.js';

/** A change outside the printed text: a version, a status, a clearance, the report's state. */
export interface MetadataChange {
  /** What changed: a position id, or `report` for the meeting as a whole. */
  subject: string;
  /** Stable name of the field, e.g. `version`, `clearance.AM`. */
  field: string;
  /** The field as a reviewer reads it, e.g. "Ārlietu ministrija". */
  label: string;
  /** The old value in words; null when there was none. */
  from: string | null;
  /** The new value in words; null when there is none now. */
  to: string | null;
}

/** One line per change: "Ārlietu ministrija: cleared 2021-02-12 → withdrawn". */
export function describeChange(change: MetadataChange): string {
  return `${change.label}: ${change.from ?? '—'} → ${change.to ?? '—'}`;
}

/**
 * What changed in a position besides its text: id, version, status, owner, clearances. Its speaking points are
 * part of the position's diff document (position-document.ts), word by word; a meeting's lists them here.
 * Ministries are named as they were called on `day` (YYYY-MM-DD; see `nameOn`): a renamed one by its name of then.
 */
export function positionChanges(before: Position, after: Position, ministries: Ministries, day: string): MetadataChange[] {
  const subject = after.id;
  const changes: MetadataChange[] = [];
  const add = (field: string, label: string, from: string | null, to: string | null) => {
    if (!sameWords(from, to)) changes.push({ subject, field, label, from, to });
  };
  // A new id is a new name for the meetings to point to: the position renamed, not "no changes".
  add('id', 'id', before.id, after.id);
  add('version', 'version', `v${before.version}`, `v${after.version}`);
  add('status', 'status', before.status, after.status);
  add('owner', 'owner', owner(before, ministries, day), owner(after, ministries, day));
  const codes = [...new Set([...Object.keys(before.clearance), ...Object.keys(after.clearance)])];
  for (const code of codes) {
    const name = nominativeOn(ministries, code, day);
    const from = before.clearance[code];
    const to = after.clearance[code];
    const fromText = from ? clearance(from) : null;
    const toText = to ? clearance(to) : null;
    if (fromText === toText && from && to && record(from) !== record(to)) add(`clearance.${code}.record`, `${name} (record)`, record(from), record(to));
    else add(`clearance.${code}`, name, fromText, toText);
  }
  return changes;
}

/**
 * What changed in a meeting's report besides its text: draft or final, which
 * positions it includes, the required clearances, and each position's own changes. Ministries are
 * named as they were called on the newer version's meeting day.
 */
export function meetingChanges(
  before: { meeting: Meeting; positions: ReadonlyMap<string, Position>; draft: boolean },
  after: { meeting: Meeting; positions: ReadonlyMap<string, Position>; draft: boolean },
  ministries: Ministries,
): MetadataChange[] {
  const changes: MetadataChange[] = [];
  const add = (field: string, label: string, from: string | null, to: string | null) => {
    if (from !== to) changes.push({ subject: 'report', field, label, from, to });
  };
  add('draft', 'report', before.draft ? 'draft' : 'final', after.draft ? 'draft' : 'final');
  const day = after.meeting.date;
  const names = (codes: readonly string[]) => codes.map((code) => nominativeOn(ministries, code, day)).join(', ') || null;
  add('required_clearances', 'required clearances', names(before.meeting.required_clearances), names(after.meeting.required_clearances));
  add('template', 'template', before.meeting.template, after.meeting.template);
  add('file_code', 'file code', before.meeting.file_code, after.meeting.file_code);
  add('document_date', 'document date', before.meeting.document_date ?? null, after.meeting.document_date ?? null);
  const ids = [...new Set([...before.positions.keys(), ...after.positions.keys()])];
  for (const id of ids) {
    const old = before.positions.get(id);
    const now = after.positions.get(id);
    if (old && now) changes.push(...positionChanges(old, now, ministries, day), ...speakingPointChanges(old, now));
    else changes.push({ subject: id, field: 'included', label: 'in the report', from: old ? `v${old.version}` : null, to: now ? `v${now.version}` : null });
  }
  return changes;
}

/**
 * A position's speaking points changed, as counts: a meeting's diff compares the report as its template
 * prints it, which may have no speaking points, and then this line is all a reviewer sees of them.
 */
function speakingPointChanges(before: Position, after: Position): MetadataChange[] {
  const fields = [
    ['speaking_points', 'speaking points'],
    ['speaking_points_en', 'speaking points in English'],
  ] as const;
  return fields.flatMap(([field, label]) => {
    const [from, to] = [before[field] ?? [], after[field] ?? []];
    if (JSON.stringify(from) === JSON.stringify(to)) return [];
    return [{ subject: after.id, field, label, from: count(from.length), to: count(to.length) + (from.length === to.length ? ', reworded' : '') }];
  });
}

/**
 * Whether two values read the same: equal but for their spaces (a no-break space pasted from Word for a
 * space, two for one), as a change of whitespace alone is none in the text either (see unprinted-text.ts).
 */
function sameWords(from: string | null, to: string | null): boolean {
  const spaced = (text: string | null) => text?.replace(/\s+/gu, ' ');
  return spaced(from) === spaced(to);
}

function clearance(entry: Clearance): string {
  return entry.date ? `${entry.status} ${entry.date}` : entry.status;
}

function record(entry: Clearance): string | null {
  return [entry.ref, entry.note].filter(Boolean).join('; ') || null;
}

function owner(position: Position, ministries: Ministries, day: string): string {
  const name = nominativeOn(ministries, position.owner.ministry, day);
  return position.owner.unit ? `${name}, ${position.owner.unit}` : name;
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'point' : 'points'}`;
}
