import type { Meeting } from './meeting.js';
import { clearancesNeeded, clearedBy, type Position } from './position.js';

/** A clearance that dates a report: the ministry's code, the position's id, the day. */
export interface DatingClearance {
  code: string;
  position: string;
  date: string;
}

/**
 * The one definition of the clearance a report is dated by when its meeting gives no `document_date`:
 * the latest a ministry the meeting requires gave an included position (but its owner, who does not
 * clear its own), counting for the text now, dated up to the meeting's first day, that day too. A
 * request, an objection, a withdrawal, a clearance of an earlier text, or by a ministry the meeting
 * does not require, is none the report is built on; one recorded after the meeting, for a later one,
 * does not date it after the meeting it prepares. Of two on the same day, the first in the meeting's
 * order. The report's document date (`documentDate`) and the rule `meeting/document-date` both ask this.
 */
export function latestDatingClearance(meeting: Pick<Meeting, 'date' | 'required_clearances'>, included: readonly Position[]): DatingClearance | undefined {
  let latest: DatingClearance | undefined;
  for (const position of included) {
    for (const code of clearancesNeeded(position, meeting.required_clearances)) {
      const date = position.clearance[code]?.date;
      if (date === undefined || date > meeting.date || !clearedBy(position, code)) continue;
      if (!latest || date > latest.date) latest = { code, position: position.id, date };
    }
  }
  return latest;
}
