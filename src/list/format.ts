import type { MeetingRow } from './meetings.js';
import type { ListedClearanceState, PositionRow } from './positions.js';
import { oneLine } from '../diagnostics/human.js';
import { formatTable, naturalWidths, type Column } from './table.js';
import { packWords } from '../util/pack-words.js';

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

/** The positions table's columns; CLEARANCE is the fourth. */
const POSITION_COLUMNS: readonly Column[] = [
  { title: 'POSITION', flexible: true, min: 12 },
  { title: 'V', align: 'right' },
  { title: 'STATUS' },
  { title: 'CLEARANCE' },
  { title: 'MEETINGS' },
  { title: 'CHANGED' },
];
const CLEARANCE_COLUMN = 3;

/** The order in which a row counts its ministries' states, when it counts them. */
const STATES: readonly ListedClearanceState[] = ['cleared', 'earlier version', 'pending', 'objected', 'withdrawn', 'not recorded', 'unknown'];

/** What each mark says, in words: the legend's, for a list given in words. */
const WORDS: Record<ListedClearanceState, string> = {
  cleared: 'cleared',
  'earlier version': 'an earlier version cleared',
  pending: 'pending',
  objected: 'objected',
  withdrawn: 'withdrawn',
  'not recorded': 'not asked',
  unknown: 'not known',
};

/** The narrowest a table is laid out: below it, each row is given as lines of words (see {@link positionRecord}). */
export const NARROWEST_TABLE = 60;

/** The positions table and its legend, within `width` columns; under {@link NARROWEST_TABLE}, lines of words. */
export function formatPositions(rows: readonly PositionRow[], width: number, filtered: boolean): string[] {
  if (!rows.length) return [EMPTY.positions[filtered ? 'filtered' : 'none']];
  if (width < NARROWEST_TABLE) return rows.flatMap((row) => positionRecord(row, width));
  const cellRows = rows.map((row) => [row.id, row.version === null ? '?' : String(row.version), row.status, '', meetingDates(row), changed(row)]);
  // The room CLEARANCE has once POSITION is shortened as far as it may be (its ids end in "…" before a code goes unnamed).
  const natural = naturalWidths(POSITION_COLUMNS, cellRows);
  const others = POSITION_COLUMNS.reduce((sum, column, i) => {
    if (i === CLEARANCE_COLUMN) return sum;
    const own = natural[i] ?? 0;
    return sum + (column.flexible ? Math.min(own, column.min ?? own) : own);
  }, 0);
  const clearance = clearanceCells(rows, width - others - 2 * (POSITION_COLUMNS.length - 1));
  const table = formatTable(
    POSITION_COLUMNS,
    cellRows.map((cells, i) => cells.map((cell, column) => (column === CLEARANCE_COLUMN ? (clearance.cells[i] ?? '') : cell))),
    width,
  );
  const unknown = rows.some((row) => row.status === 'invalid') ? [`${MARKS.unknown} not known: the file cannot be read`] : [];
  // What CHANGED says besides a date, told when it says it.
  const shown = new Set(rows.map(changed));
  const changes = [
    ...(shown.has('new') ? ['CHANGED new: never committed'] : []),
    ...([...shown].some((cell) => cell.startsWith('?')) ? ['CHANGED ?: before this clone’s history begins'] : []),
    ...(shown.has('–') ? ['CHANGED –: no git history'] : []),
  ];
  const legend = [
    packWords(['✓ cleared', '↻ an earlier version cleared', '… pending', '✗ objected'], '  ', width),
    packWords(['↩ withdrawn', '– not asked', '* not committed', ...unknown], '  ', width),
    changes.length ? packWords(changes, '  ', width) : [],
    clearance.counted ? packWords('2✓ two ministries cleared: counted, not named, to fit the width'.split(' '), ' ', width, '   ') : [],
  ];
  return [...table, '', ...legend.flat()];
}


/**
 * The CLEARANCE cells, each in the most detailed form that fits `room` characters: each ministry
 * with its mark ("AM✓ LM…"); else the cleared ones counted and the others named ("12✓ LM… VK✗"),
 * as a meeting that requires every ministry needs; else each state counted ("1✓ 12… 1✗").
 */
function clearanceCells(rows: readonly PositionRow[], room: number): { cells: string[]; counted: boolean } {
  const fitting = Math.max(room, POSITION_COLUMNS[CLEARANCE_COLUMN]?.title.length ?? 0);
  let counted = false;
  const cells = rows.map((row) => {
    const named = countedCell(row, () => false);
    if (named.length <= fitting) return named;
    counted = true;
    const clearedCounted = countedCell(row, (state) => state === 'cleared');
    return clearedCounted.length <= fitting ? clearedCounted : countedCell(row, () => true);
  });
  return { cells, counted };
}

/** The states `counts` picks, counted ("12✓"), then every other ministry named with its mark, in the row's order. */
function countedCell(row: PositionRow, counts: (state: ListedClearanceState) => boolean): string {
  const tallies = STATES.filter(counts).flatMap((state) => {
    const n = row.clearances.filter((c) => c.state === state).length;
    return n ? [`${n}${MARKS[state]}`] : [];
  });
  const names = row.clearances.filter((c) => !counts(c.state)).map((c) => `${c.ministry}${MARKS[c.state]}`);
  return [...tallies, ...names].join(' ');
}

/**
 * A position as lines of words within `width` columns: its id, then its version, status, meetings and
 * last change, then each ministry's state, where a table would be wider than a narrow terminal (a
 * magnifier's 40 columns), which broke each of its rows over two lines out of their columns.
 */
function positionRecord(row: PositionRow, width: number): string[] {
  const [first, ...more] = row.meetings.map((m) => m.date);
  const facts = [
    row.version === null ? 'version not known' : `version ${row.version}`,
    row.status === 'invalid' ? 'not known: the file cannot be read' : row.status,
    first === undefined ? 'no meetings' : `meetings ${[first, ...more].join(', ')}`,
    changedInWords(row),
  ];
  const clearance = row.clearances.map((c) => `${c.ministry} ${WORDS[c.state]}`);
  return [oneLine(row.id), ...details(facts.join(', '), width), ...(clearance.length ? details(`clearance: ${clearance.join(', ')}`, width) : [])];
}

/** The CHANGED column in words. */
function changedInWords(row: PositionRow): string {
  if (row.beforeHistory) return 'changed before this clone’s history begins';
  if (row.lastChanged === null) return row.uncommitted ? 'new, not committed' : 'no git history';
  return `changed ${row.lastChanged}${row.uncommitted ? ', changes not committed' : ''}`;
}

/** `text` as the lines of a record under its first: indented two columns, and four where a line goes on. */
function details(text: string, width: number): string[] {
  return packWords(oneLine(text).split(' '), ' ', Math.max(1, width - 2), '  ').map((line) => `  ${line}`);
}

/** The meetings table, within `width` columns; under {@link NARROWEST_TABLE}, lines of words. */
export function formatMeetings(rows: readonly MeetingRow[], width: number, filtered: boolean): string[] {
  if (!rows.length) return [EMPTY.meetings[filtered ? 'filtered' : 'none']];
  if (width < NARROWEST_TABLE) return rows.flatMap((row) => meetingRecord(row, width));
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
      output(row),
    ]),
    width,
  );
}

/** A meeting as lines of words within `width` columns: its days and topic, then its progress and output (see {@link positionRecord}). */
function meetingRecord(row: MeetingRow, width: number): string[] {
  // Its lines go on four columns in, as a detail's do: the details' own start two in.
  const title = packWords(oneLine(`${days(row)} ${row.topic ?? `(${row.file}: not valid)`}`).split(' '), ' ', width, '    ');
  const count = row.positions === null ? 'positions not known' : `positions ${row.positions}, cleared ${row.cleared ?? '?'} of ${row.positions}`;
  return [...title, ...details(`${count}, output ${output(row)}`, width)];
}

/** A meeting's output state, and each report of it another template made (`build --template`) that is outdated: `built; informative-report.en outdated`. */
function output(row: MeetingRow): string {
  const outdated = row.otherReports.filter((report) => report.build === 'outdated').map((report) => report.template);
  return outdated.length ? `${row.build}; ${outdated.join(', ')} outdated` : row.build;
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
  // Not a dash: the legend under the table makes – a ministry not asked.
  if (first === undefined) return 'none';
  return more.length ? `${first} +${more.length}` : first;
}

function changed(row: PositionRow): string {
  if (row.beforeHistory) return `?${row.uncommitted ? '*' : ''}`;
  if (row.lastChanged === null) return row.uncommitted ? 'new' : '–';
  return `${row.lastChanged}${row.uncommitted ? '*' : ''}`;
}
