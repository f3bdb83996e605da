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
