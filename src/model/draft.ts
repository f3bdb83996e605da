import { clearanceOf, clearancesNeeded, clearedBy, type Position } from './position.js';

/**
 * The one definition of a draft report: true while the meeting has no position yet (nothing
 * is cleared, not: everything vacuously is), or an included position is itself a draft or
 * lacks one of the required clearances. The report model's `draft` (the PROJEKTS mark) and
 * the `meeting/past-draft` rule both ask this.
 */
export function isDraftReport(included: readonly Position[], requiredClearances: readonly string[]): boolean {
  if (!included.length) return true;
  return included.some((position) => position.status === 'draft' || clearancesNeeded(position, requiredClearances).some((code) => !clearedBy(position, code)));
}

/**
 * Whether a report is archived: its meeting is over (`lastDay`, the meeting's last day, before `today`;
 * never without a `today`) and the report was final for it once, its positions revised since for later
 * meetings. No included position is a draft, each clearance the report needs of them is dated and either
 * given for the position as it is now or given, as cleared, for an earlier version or text (see
 * `clearanceOf`), and at least one is of the latter kind (else the report is simply final). A clearance
 * missing, pending or objected means the report was never final: a forgotten draft, not an archived one.
 * Warning of such a report that it is still a draft, and asking a ministry to clear today's text for a
 * meeting of years ago, is said on every check of a project used for years, and is no advice.
 */
export function isArchivedReport(included: readonly Position[], requiredClearances: readonly string[], lastDay: string, today: string | undefined): boolean {
  if (today === undefined || lastDay >= today || !included.length) return false;
  let movedOn = false;
  for (const position of included) {
    if (position.status === 'draft') return false;
    for (const code of clearancesNeeded(position, requiredClearances)) {
      const { state, stale } = clearanceOf(position, code);
      if (position.clearance[code]?.date === undefined) return false;
      if (stale !== undefined) movedOn = true;
      else if (state !== 'cleared') return false;
    }
  }
  return movedOn;
}

/** A position a report prints whose every clearance it rests on was given after the meeting: `cleared` is the first of them. */
export interface ClearedLater {
  id: string;
  version: number;
  cleared: string;
}

/**
 * The included positions that no ministry cleared, as they are now, by `lastDay` (the meeting's
 * last day): each clearance the report needs of them is current and dated after it. Their text is
 * then most likely a later revision than the meeting had (else every answer came late), as a report
 * prints each position as it is now. A position cleared before the meeting by one ministry and after
 * it by another (a late answer) is not counted, nor one that needs no clearance, nor one with a
 * clearance missing or undated.
 */
export function clearedOnlyAfter(included: readonly Position[], requiredClearances: readonly string[], lastDay: string): ClearedLater[] {
  return included.flatMap((position) => {
    const needed = clearancesNeeded(position, requiredClearances);
    const dates = needed.map((code) => (clearedBy(position, code) ? position.clearance[code]?.date : undefined));
    if (!needed.length || dates.some((date) => date === undefined || date <= lastDay)) return [];
    const cleared = dates.filter((date) => date !== undefined).sort()[0];
    return cleared === undefined ? [] : [{ id: position.id, version: position.version, cleared }];
  });
}
