import type { MeetingRow } from './meetings.js';
import type { ListedClearanceState, PositionRow } from './positions.js';
import { formatTable } from './table.js';

/** `?`: a clearance in a position file that cannot be read. */
const MARKS: Record<ListedClearanceState, string> = {
  cleared: '✓',
  'earlier version': '↻',
  pending: '…',
  objected: '✗',
  withdrawn: '↩',
  'not recorded': '–',
  unknown: '?',
};

/**
 * What an empty list says: that the filters (`filtered`) left nothing, or, in a project that has
 * none yet, how to make the first one, rather than "match" with nothing to match.
 */
const EMPTY = {
  positions: { filtered: 'No positions match.', none: 'No positions yet: write the first with `briefing new position <id>`.' },
  meetings: { filtered: 'No meetings match.', none: 'No meetings yet: start the first with `briefing new meeting <date> <slug>`.' },
};

/** The positions table and its legend, within `width` columns. */
export function formatPositions(rows: readonly PositionRow[], width: number, filtered: boolean): string[] {
  if (!rows.length) return [EMPTY.positions[filtered ? 'filtered' : 'none']];
  const table = formatTable(
    [
      { title: 'POSITION', flexible: true, min: 12 },
      { title: 'V', align: 'right' },
      { title: 'STATUS' },
      { title: 'CLEARANCE' },
      { title: 'MEETINGS' },
      { title: 'CHANGED' },
    ],
    rows.map((row) => [
      row.id,
      row.version === null ? '?' : String(row.version),
      row.status,
      row.clearances.map((c) => `${c.ministry}${MARKS[c.state]}`).join(' '),
      meetingDates(row),
      changed(row),
    ]),
    width,
  );
  const unknown = rows.some((row) => row.status === 'invalid') ? `  ${MARKS.unknown} not known: the file cannot be read` : '';
  return [...table, '', '✓ cleared  ↻ an earlier version cleared  … pending  ✗ objected', `↩ withdrawn  – not asked  * not committed${unknown}`];
}

/** The meetings table, within `width` columns. */
export function formatMeetings(rows: readonly MeetingRow[], width: number, filtered: boolean): string[] {
  if (!rows.length) return [EMPTY.meetings[filtered ? 'filtered' : 'none']];
  return formatTable(
    [
      { title: 'DATE' },
      { title: 'TOPIC', flexible: true, min: 12 },
      { title: 'POSITIONS', align: 'right' },
      { title: 'CLEARED', align: 'right' },
      { title: 'OUTPUT' },
    ],
    rows.map((row) => [
      days(row),
      row.topic ?? `(${row.file}: not valid)`,
      row.positions === null ? '?' : String(row.positions),
      row.positions === null ? '?' : `${row.cleared ?? '?'}/${row.positions}`,
      row.build === 'not built' ? '–' : row.build,
    ]),
    width,
  );
}

/** A meeting's day, or its days: "2021-05-17–18", "2021-05-31–06-01", "2021-12-31–2022-01-01". */
function days(row: MeetingRow): string {
  if (row.date === null) return '?';
  if (row.endDate === null || row.endDate <= row.date) return row.date;
  const shared = row.date.slice(0, 4) !== row.endDate.slice(0, 4) ? 0 : row.date.slice(0, 7) !== row.endDate.slice(0, 7) ? 5 : 8;
  return `${row.date}–${row.endDate.slice(shared)}`;
}

function meetingDates(row: PositionRow): string {
  const [first, ...more] = row.meetings.map((m) => m.date);
  if (first === undefined) return '–';
  return more.length ? `${first} +${more.length}` : first;
}

function changed(row: PositionRow): string {
  if (row.beforeHistory) return `?${row.uncommitted ? '*' : ''}`;
  if (row.lastChanged === null) return row.uncommitted ? 'new' : '–';
  return `${row.lastChanged}${row.uncommitted ? '*' : ''}`;
}
