import { clearancesNeeded, clearedBy, type Position } from './position.js';

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
