import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { list } from '../src/commands/list.js';
import { formatMeetings, formatPositions } from '../src/list/format.js';
import type { PositionRow } from '../src/list/positions.js';
import { formatTable } from '../src/list/table.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir, writeFile } from './helpers/project.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/list');

function expectGolden(actual: string, name: string): void {
  const path = join(FIXTURES, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function git(dir: string, args: string[], date?: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' };
  execFileSync('git', args, { cwd: dir, env: date ? { ...env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : env, stdio: 'pipe' });
}

const SECOND_MEETING = `date: 2021-05-18
kind: formal
mode: in-person
formation: EYCS
participants: ES izglītības ministri
presidency: Portugāle
topic: Eiropas izglītības telpa un pedagogu loma tās veidošanā, ieskaitot mobilitāti
name:
  nominative: ES Izglītības, jaunatnes, kultūras un sporta padomes sanāksme
  locative: ES Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē
  short_locative: sanāksmē
background: ""
questions:
  - text: Kā stiprināt pedagogu profesiju?
    position: teachers-with-a-rather-long-identifier-for-the-table
  - text: Kā izmantot reformas?
    position: equity-reforms
required_clearances: [AM, FM]
file_code: IZMzin_180521_EDUC
`;

const TEACHERS = `id: teachers-with-a-rather-long-identifier-for-the-table
version: 1
status: draft
owner: { ministry: IZM }
questions: [Pedagogi]
body: ""
clearance:
  AM: { status: objected }
`;

/**
 * A project with history: everything committed on 2021-02-10, equity-reforms changed and
 * committed on 2021-02-16 (LM pending), equity-achievements edited and not committed, a
 * second meeting with a new draft position not committed at all; the example meeting built.
 */
function fixtureRepository(): string {
  const dir = exampleProject();
  git(dir, ['init', '-q']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'first'], '2021-02-10');
  const reforms = 'positions/educ/equity-reforms.yaml';
  writeFile(dir, reforms, exampleFile(reforms).replace(/(  LM:\n    status: )cleared/, '$1pending'));
  git(dir, ['commit', '-q', '-am', 'LM asked again'], '2021-02-16');
  writeFile(dir, 'positions/educ/equity-achievements.yaml', `${exampleFile('positions/educ/equity-achievements.yaml')}# edited\n`);
  writeFile(dir, 'meetings/2021-05-18-educ-council.yaml', SECOND_MEETING);
  writeFile(dir, 'positions/teachers.yaml', TEACHERS);
  // The example meeting was built after its inputs changed: up to date.
  const later = new Date(Date.now() + 60_000);
  for (const name of ['IZMzin_190221_EDUC.md', 'IZMzin_190221_EDUC.docx']) {
    writeFile(dir, `out/${name}`, 'x');
    utimesSync(join(dir, 'out', name), later, later);
  }
  return dir;
}

describe('briefing list', () => {
  // Temporary folders are removed after each test: each test makes its own.
  let dir = '';
  beforeEach(() => {
    dir = fixtureRepository();
  });

  // `briefing list | grep <id>` or `> list.txt`: a long id was cut to 80 columns whatever the user asked (found by the terminal run).
  it('fits a pipe to COLUMNS when that is set, else to 80 columns', () => {
    const wide = runCli(['list'], dir, { COLUMNS: '200' });
    expect(wide.stdout).toMatch(/^teachers-with-a-rather-long-identifier-for-the-table +1 /m);
    const narrow = runCli(['list'], dir, { COLUMNS: '' });
    expect(narrow.stdout).not.toContain('teachers-with-a-rather-long-identifier-for-the-table');
    for (const columns of ['', 'wide', '0', '-5']) expect(runCli(['list'], dir, { COLUMNS: columns }).stdout).toBe(narrow.stdout);
  });

  it('under 60 columns (a magnifier, a split window) gives each position as lines of words, not a table the terminal wraps', () => {
    const run = runCli(['list', '--uncleared'], dir, { COLUMNS: '40' });
    expect(run.stdout).toBe(
      [
        'equity-reforms',
        '  version 2, cleared, meetings',
        '    2021-02-19, 2021-05-18, changed',
        '    2021-02-16',
        '  clearance: AM cleared, LM pending, FM',
        '    not asked',
        // An id is never broken, though it is wider.
        'teachers-with-a-rather-long-identifier-for-the-table',
        '  version 1, draft, meetings 2021-05-18,',
        '    new, not committed',
        '  clearance: AM objected, FM not asked',
        '',
      ].join('\n'),
    );
    const meetings = runCli(['list', 'meetings'], dir, { COLUMNS: '40' }).stdout.split('\n');
    for (const line of meetings) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(meetings.slice(0, 4)).toEqual(['2021-02-19 Vienlīdzīga piekļuve', '    izglītībai – iekļaujoša un uz', '    panākumiem vērsta izglītība', '  positions 3, cleared 2 of 3, output']);
    expect(meetings[4]).toMatch(/^ {4}(not built|built|outdated)$/);
  });

  it('tables positions with clearances, meetings and git dates, in 80 columns', () => {
    const run = runCli(['list'], dir);
    expect(run.status).toBe(0);
    expectGolden(run.stdout, 'positions.txt');
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('filters: --uncleared, --status, --meeting', () => {
    expectGolden(runCli(['list', '--uncleared'], dir).stdout, 'positions-uncleared.txt');
    const drafts = runCli(['list', 'positions', '--status', 'draft', '--json'], dir);
    expect(JSON.parse(drafts.stdout).map((row: { id: string }) => row.id)).toEqual(['teachers-with-a-rather-long-identifier-for-the-table']);
    const used = runCli(['list', '--meeting', EXAMPLE_MEETING, '--json'], dir);
    expect(JSON.parse(used.stdout).map((row: { id: string }) => row.id)).toEqual(['equity-achievements', 'equity-eu-cooperation', 'equity-reforms']);
    // The meeting's name alone, as `list meetings` shows it, from any folder of the project.
    const byName = runCli(['list', '--meeting', '2021-02-19-educ-informal', '--json'], join(dir, 'positions'));
    expect(byName.status, byName.stderr).toBe(0);
    expect(byName.stdout).toBe(used.stdout);
  });

  it('lists both files that claim one id (one was hidden), says so, and exits 1', () => {
    writeFile(dir, 'positions/copy/x.yaml', exampleFile('positions/educ/equity-achievements.yaml').replace(/^id: .*$/m, 'id: equity-reforms'));
    const run = runCli(['list', '--json'], dir);
    expect(run.status).toBe(1);
    const rows = JSON.parse(run.stdout) as { id: string; file: string; version: number }[];
    expect(rows.filter((row) => row.id === 'equity-reforms').map((row) => [row.file, row.version])).toEqual([
      ['positions/copy/x.yaml', 3],
      ['positions/educ/equity-reforms.yaml', 2],
    ]);
    expect(run.stderr).toContain('position/duplicate-id');
  });

  it('prints every field as JSON', () => {
    expectGolden(runCli(['list', '--json'], dir).stdout, 'positions.json');
  });

  it('tables meetings by date with progress and output state', () => {
    const run = runCli(['list', 'meetings'], dir);
    expectGolden(run.stdout, 'meetings.txt');
    expectGolden(runCli(['list', 'meetings', '--json'], dir).stdout, 'meetings.json');
    // Touching a position the example uses makes its output outdated.
    const future = new Date(Date.now() + 120_000);
    utimesSync(join(dir, 'positions/educ/equity-reforms.yaml'), future, future);
    expect(JSON.parse(runCli(['list', 'meetings', '--json'], dir).stdout)[0].build).toBe('outdated');
  });

  it('gives a meeting held over several days its days: within a month, across months and across years', () => {
    const project = exampleProject();
    const text = exampleFile(EXAMPLE_MEETING);
    for (const [file, date, end] of [
      ['2021-05-17-a', '2021-05-17', '2021-05-18'],
      ['2021-05-31-b', '2021-05-31', '2021-06-01'],
      ['2021-12-31-c', '2021-12-31', '2022-01-01'],
    ] as const) {
      writeFile(project, `meetings/${file}.yaml`, text.replace(/^date: 2021-02-19$/m, `date: ${date}\nend_date: ${end}`).replace(/^file_code: .*$/m, `file_code: X_${file.slice(-1)}`));
    }
    const table = runCli(['list', 'meetings'], project).stdout;
    expect(table.split('\n').map((line) => line.split(' ')[0])).toEqual(expect.arrayContaining(['2021-02-19', '2021-05-17–18', '2021-05-31–06-01', '2021-12-31–2022-01-01']));
    const rows = JSON.parse(runCli(['list', 'meetings', '--json'], project).stdout) as { date: string; endDate: string | null }[];
    expect(rows.map((row) => [row.date, row.endDate])).toEqual([
      ['2021-02-19', null],
      ['2021-05-17', '2021-05-18'],
      ['2021-05-31', '2021-06-01'],
      ['2021-12-31', '2022-01-01'],
    ]);
  });

  it('says a report the meeting’s English note built with --template is outdated once the meeting changed since, while its own report is built again', () => {
    const project = exampleProject();
    git(project, ['init', '-q', '-b', 'main']);
    git(project, ['add', '-A']);
    git(project, ['commit', '-q', '-m', 'first']);
    const rows = () => JSON.parse(runCli(['list', 'meetings', '--json'], project).stdout) as { file: string; build: string; otherReports: { template: string; build: string }[] }[];
    expect(runCli(['build', EXAMPLE_MEETING], project).status).toBe(0);
    expect(runCli(['build', EXAMPLE_MEETING, '--template', 'informative-report.en'], project).status).toBe(0);
    expect(rows()[0]).toMatchObject({ build: 'built', otherReports: [{ template: 'informative-report.en', build: 'built' }] });
    expect(runCli(['list', 'meetings'], project).stdout.split('\n')[1]).toMatch(/ built$/);
    writeFile(project, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace(/^topic: .*$/m, 'topic: Cita tēma'));
    git(project, ['commit', '-q', '-am', 'topic']);
    expect(runCli(['build', EXAMPLE_MEETING], project).status).toBe(0);
    expect(rows()[0]).toMatchObject({ build: 'built', otherReports: [{ template: 'informative-report.en', build: 'outdated' }] });
    expect(runCli(['list', 'meetings'], project).stdout.split('\n')[1]).toMatch(/ built; informative-report\.en outdated$/);
    expect(runCli(['list', 'meetings'], project, { COLUMNS: '40' }).stdout.replace(/\s+/g, ' ')).toContain('output built; informative-report.en outdated');
  });

  it('says built or outdated by the manifest’s content as build decides: a file saved again unchanged is no change, a partial of the project’s own is', () => {
    const project = exampleProject();
    const state = () => (JSON.parse(runCli(['list', 'meetings', '--json'], project).stdout) as { file: string; build: string }[]).find((row) => row.file === EXAMPLE_MEETING)?.build;
    expect(state()).toBe('not built');
    expect(runCli(['build', EXAMPLE_MEETING], project).status).toBe(0);
    expect(state()).toBe('built');
    // Saved again as it was (an editor, a checkout): the same bytes, so still built, as build says "unchanged".
    const later = new Date(Date.now() + 120_000);
    utimesSync(join(project, 'positions/educ/equity-reforms.yaml'), later, later);
    expect(state()).toBe('built');
    expect(runCli(['build', EXAMPLE_MEETING], project).stderr).toContain('0 built, 1 unchanged');
    // A partial of the project's own takes the built-in one's place: build would rebuild.
    writeFile(project, 'templates/partials/signature.hbs', `${readFileSync(join(REPO, 'templates/partials/signature.hbs'), 'utf8')}\n`);
    expect(state()).toBe('outdated');
    expect(runCli(['build', EXAMPLE_MEETING], project).stderr).toContain('1 built, 0 unchanged');
    expect(state()).toBe('built');
    // With the registry built into briefing (no ministries.yaml of the project's own), as init sets a project up.
    // The example's registry is the built-in one's text, but the manifest names which registry it was, so build
    // builds again (the CI run's cache fix), and list says so first.
    rmSync(join(project, 'ministries.yaml'));
    expect(state()).toBe('outdated');
    expect(runCli(['build', EXAMPLE_MEETING], project).stderr).toContain('1 built, 0 unchanged');
    expect(state()).toBe('built');
    // Built by another version of briefing (an upgrade since, its files the same): build builds every report again, and list says so first.
    const cache = join(project, '.briefing-cache/build.json');
    writeFileSync(cache, readFileSync(cache, 'utf8').replace(/"tool": ?"[^"]*"/, '"tool":"0.1.0+0000000000000000"'));
    expect(state()).toBe('outdated');
    expect(runCli(['build', EXAMPLE_MEETING], project).stderr).toContain('1 built, 0 unchanged');
    expect(state()).toBe('built');
  });

  it('refuses what it cannot list (exit 2)', () => {
    expect(runCli(['list', 'ministries'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining("'ministries' is invalid for argument 'what'. Allowed choices are positions, meetings.") });
    expect(runCli(['list', 'meetings', '--status', 'draft'], dir).status).toBe(2);
    expect(runCli(['list', '--status', 'final'], dir).status).toBe(2);
    expect(runCli(['list', '--meeting', 'meetings/none.yaml'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('No meeting file meetings/none.yaml.') });
  });

  it('dates each position by the newest commit that changed it, as `git log -1` does: a merge that resolved a conflict in it, in a project below the top of the repository', () => {
    const top = tempDir();
    const project = join(top, 'eu');
    cpSync(exampleProject(), project, { recursive: true });
    const positions = ['equity-achievements', 'equity-eu-cooperation', 'equity-reforms'].map((id) => join(project, `positions/educ/${id}.yaml`));
    const [achievements = '', cooperation = '', reforms = ''] = positions;
    const append = (file: string, line: string) => writeFileSync(file, `${readFileSync(file, 'utf8')}${line}\n`);
    git(top, ['init', '-q', '-b', 'main']);
    git(top, ['add', '-A']);
    git(top, ['commit', '-q', '-m', 'first'], '2021-01-01');
    git(top, ['checkout', '-q', '-b', 'side']);
    append(achievements, '# side');
    git(top, ['commit', '-q', '-am', 'side: achievements'], '2021-01-05');
    append(reforms, '# side');
    git(top, ['commit', '-q', '-am', 'side: reforms'], '2021-01-06');
    git(top, ['checkout', '-q', 'main']);
    append(reforms, '# main');
    append(cooperation, '# main');
    git(top, ['commit', '-q', '-am', 'main: reforms and cooperation'], '2021-01-03');
    expect(() => git(top, ['merge', '-q', 'side', '-m', 'merge'])).toThrow();
    writeFileSync(reforms, `${exampleFile('positions/educ/equity-reforms.yaml')}# both\n`);
    git(top, ['commit', '-q', '-am', 'merge'], '2021-01-10');
    const rows = JSON.parse(runCli(['list', '--json'], project).stdout) as { id: string; lastChanged: string | null }[];
    expect(rows.map((row) => [row.id, row.lastChanged])).toEqual([
      ['equity-achievements', '2021-01-05'],
      ['equity-eu-cooperation', '2021-01-03'],
      ['equity-reforms', '2021-01-10'],
    ]);
    for (const [file, row] of positions.map((file, index) => [file, rows[index]] as const)) {
      expect(execFileSync('git', ['log', '-1', '--format=%cs', '--', file], { cwd: top, encoding: 'utf8' }).trim()).toBe(row?.lastChanged);
    }
  });

  it('works outside git, with no dates', () => {
    const plain = exampleProject();
    const rows = JSON.parse(runCli(['list', '--json'], plain).stdout);
    expect(rows.map((r: { lastChanged: unknown }) => r.lastChanged)).toEqual([null, null, null]);
  });
});

describe('formatPositions', () => {
  const ALL = ['AM', 'AIM', 'EM', 'FM', 'IEM', 'KEM', 'KM', 'LM', 'SM', 'TM', 'VARAM', 'VM', 'ZM', 'VK'];
  function row(id: string, states: Record<string, PositionRow['clearances'][number]['state']>): PositionRow {
    const clearances = ALL.map((ministry) => ({ ministry, state: states[ministry] ?? 'cleared' }));
    return { id, file: `positions/${id}.yaml`, version: 1, status: 'draft', clearances, meetings: [{ file: 'm.yaml', date: '2026-12-10' }], lastChanged: '2026-12-01', uncommitted: false, beforeHistory: false, uncleared: true };
  }

  it('fits 80 columns when a meeting requires every ministry: the cleared ones are counted, the others named', () => {
    // A meeting cleared by 14 ministries made each row 105 characters wide, which a terminal wraps.
    const lines = formatPositions([row('pos-01', {}), row('pos-02', { LM: 'pending', VK: 'objected' })], 80, false);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^pos-01 +1 +draft +14✓ +2026-12-10/);
    expect(lines[2]).toMatch(/^pos-02 +1 +draft +12✓ LM… VK✗ +2026-12-10/);
    expect(lines.join('\n')).toContain('2✓ two ministries cleared: counted, not named, to fit the width');
  });

  it('counts every state when even the ministries not cleared do not fit', () => {
    const pending = Object.fromEntries(ALL.map((code) => [code, 'pending' as const]));
    const lines = formatPositions([row('pos-03', { ...pending, AM: 'cleared', VK: 'objected' }), row('pos-04', { AM: 'withdrawn' })], 80, false);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^pos-03 +1 +draft +1✓ 12… 1✗ +2026-12-10/);
    // Each row as detailed as it fits: the one withdrawal beside it is still named.
    expect(lines[2]).toMatch(/^pos-04 +1 +draft +13✓ AM↩ +2026-12-10/);
  });

  it('keeps its legend within the width too, each mark beside its meaning: at 60 columns its lines were wider, and the terminal broke them inside a word', () => {
    const lines = formatPositions([row('pos-01', {}), row('pos-02', { LM: 'pending', VK: 'objected' })], 60, false);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    const legend = lines.slice(lines.indexOf('') + 1);
    expect(legend).toEqual([
      '✓ cleared  ↻ an earlier version cleared  … pending',
      '✗ objected',
      '↩ withdrawn  – not asked  * not committed',
      '2✓ two ministries cleared: counted, not named, to fit the',
      '   width',
    ]);
    // 80 columns and more: the legend as before.
    expect(formatPositions([row('pos-01', {})], 80, false).slice(-3)).toEqual([
      '✓ cleared  ↻ an earlier version cleared  … pending  ✗ objected',
      '↩ withdrawn  – not asked  * not committed',
      '2✓ two ministries cleared: counted, not named, to fit the width',
    ]);
  });

  it('says what CHANGED shows besides a date, when it shows it: new (never committed), ? (before a shallow clone’s history), – (no git history), which the legend’s – of a ministry not asked is not', () => {
    const at = (id: string, changed: Partial<PositionRow>) => ({ ...row(id, {}), ...changed });
    const legend = (rows: PositionRow[]) => formatPositions(rows, 100, false).filter((line) => line.startsWith('CHANGED')).join('\n');
    expect(legend([at('pos-01', { lastChanged: null, uncommitted: true }), at('pos-02', { lastChanged: null, beforeHistory: true })])).toBe('CHANGED new: never committed  CHANGED ?: before this clone’s history begins');
    expect(legend([at('pos-01', { lastChanged: null })])).toBe('CHANGED –: no git history');
    // Dates only: nothing more to say.
    expect(legend([at('pos-01', {})])).toBe('');
  });

  it('says in words that a position is used by no meeting, as – is the mark of a ministry not asked in the legend under it', () => {
    const lines = formatPositions([{ ...row('pos-05', {}), meetings: [] }], 120, false);
    expect(lines[1]).toMatch(/^pos-05 +1 +draft +.*VK✓ +none +2026-12-01$/);
  });

  it('keeps every code in its place when they fit', () => {
    const lines = formatPositions([row('pos-04', { LM: 'pending' })], 120, false);
    expect(lines[1]).toContain('AM✓ AIM✓ EM✓ FM✓ IEM✓ KEM✓ KM✓ LM… SM✓ TM✓ VARAM✓ VM✓ ZM✓ VK✓');
  });

  it('names each ministry where its cell fits to the column, and counts the cleared ones where that fits to the column', () => {
    // POSITION 8, V 1, STATUS 6, MEETINGS 10, CHANGED 10 and five gaps of 2: 45 columns besides CLEARANCE.
    const clearance = (states: Parameters<typeof row>[1], width: number) => formatPositions([row('pos-04', states)], width, false)[1]?.match(/draft +(.*?) {2}2026-12-10/)?.[1]?.trim();
    expect(clearance({ LM: 'pending' }, 45 + 61)).toBe('AM✓ AIM✓ EM✓ FM✓ IEM✓ KEM✓ KM✓ LM… SM✓ TM✓ VARAM✓ VM✓ ZM✓ VK✓');
    expect(clearance({ LM: 'pending' }, 45 + 60)).toBe('13✓ LM…');
    const four = { AM: 'withdrawn', FM: 'pending', LM: 'pending', VK: 'objected' } as const;
    expect(clearance(four, 45 + 19)).toBe('10✓ AM↩ FM… LM… VK✗');
    expect(clearance(four, 45 + 18)).toBe('10✓ 2… 1✗ 1↩');
  });

  it('says what ? marks when a row cannot be read, and only then: the legend had no word for it', () => {
    const invalid: PositionRow = { ...row('pos-06', {}), version: null, status: 'invalid', clearances: [{ ministry: 'AM', state: 'unknown' }] };
    const lines = formatPositions([row('pos-01', {}), invalid], 100, false);
    expect(lines[2]).toMatch(/^pos-06 +\? +invalid +AM\? +2026-12-10 +2026-12-01$/);
    expect(lines.join('\n')).toContain('↩ withdrawn  – not asked  * not committed  ? not known: the file cannot be read');
    expect(formatPositions([row('pos-01', {})], 100, false).join('\n')).not.toContain('not known');
  });

  it('under 60 columns says in words a version not known and changes not committed since the last commit', () => {
    const invalid: PositionRow = { ...row('pos-06', {}), version: null, status: 'invalid', clearances: [], meetings: [], lastChanged: null };
    const edited: PositionRow = { ...row('pos-07', {}), clearances: [{ ministry: 'AM', state: 'pending' }], uncommitted: true };
    expect(formatPositions([invalid, edited], 50, false)).toEqual([
      'pos-06',
      '  version not known, not known: the file cannot be',
      '    read, no meetings, no git history',
      'pos-07',
      '  version 1, draft, meetings 2026-12-10, changed',
      '    2026-12-01, changes not committed',
      '  clearance: AM pending',
    ]);
  });
});

describe('formatMeetings', () => {
  it('says in words that a meeting is not built: its table has no legend, and a screen reader read the dash that stood there as "en dash"', () => {
    const meeting = { file: 'meetings/m.yaml', date: '2021-05-18', endDate: null, topic: 'Digitālā izglītība', positions: 2, cleared: 1, uncleared: true, otherReports: [] };
    const lines = formatMeetings([{ ...meeting, build: 'not built' }, { ...meeting, build: 'outdated' }], 80, false);
    expect(lines).toEqual([
      'DATE        TOPIC               POSITIONS  CLEARED  OUTPUT',
      '2021-05-18  Digitālā izglītība          2      1/2  not built',
      '2021-05-18  Digitālā izglītība          2      1/2  outdated',
    ]);
  });

  it('says ? for the cleared count of a meeting one of whose positions cannot be read, not a count of none', () => {
    const meeting = { file: 'meetings/m.yaml', date: '2021-05-18', endDate: null, topic: 'Digitālā izglītība', positions: 2, cleared: null, uncleared: true, otherReports: [], build: 'not built' as const };
    expect(formatMeetings([meeting], 80, false)[1]).toBe('2021-05-18  Digitālā izglītība          2      ?/2  not built');
    expect(formatMeetings([meeting], 40, false)).toEqual(['2021-05-18 Digitālā izglītība', '  positions 2, cleared ? of 2, output', '    not built']);
  });

  it('gives a meeting whose end_date is its date (or before it) its one day, not a span of it to itself', () => {
    const meeting = { file: 'meetings/m.yaml', date: '2021-05-18', topic: 'Digitālā izglītība', positions: 2, cleared: 1, uncleared: true, otherReports: [], build: 'not built' as const };
    expect(formatMeetings([{ ...meeting, endDate: '2021-05-18' }, { ...meeting, endDate: '2021-05-17' }], 80, false).slice(1)).toEqual([
      '2021-05-18  Digitālā izglītība          2      1/2  not built',
      '2021-05-18  Digitālā izglītība          2      1/2  not built',
    ]);
  });
});

describe('formatTable', () => {
  it('shortens flexible columns with an ellipsis to fit the width', () => {
    const lines = formatTable([{ title: 'NAME', flexible: true, min: 4 }, { title: 'N', align: 'right' }], [['abcdefghij', '7']], 10);
    expect(lines).toEqual(['NAME     N', 'abcdef…  7']);
  });

  it('shows a control character a cell quotes from a file (a topic with U+009B, which some terminals take for an escape) as an escape', () => {
    // check lets a meeting's topic hold U+009B (XML, and so Word, allows it); list meetings printed it as it was.
    const lines = formatTable([{ title: 'TOPIC' }, { title: 'N' }], [['A\u009b2J\nB', '7']], 40);
    expect(lines).toEqual(['TOPIC         N', 'A\\u009b2J\\nB  7']);
  });
});

it('names a position it cannot read, where and why (exit 1): its row says only `invalid`, which alone does not say what to fix', () => {
  const file = 'positions/educ/equity-reforms.yaml';
  const text = exampleFile(file);
  const dir = exampleProject({ [file]: text.replace(/^version: \d+/m, 'version: two') });
  const line = text.split('\n').findIndex((row) => row.startsWith('version: ')) + 1;
  const run = runCli(['list'], dir);
  expect(run.status).toBe(1);
  expect(run.stdout).toMatch(/equity-reforms\s+\?\s+invalid/);
  expect(run.stderr).toBe(
    `${file}:${line}:10  error  This position cannot be read (\`version\` should be a number, not "two"), so the list shows it as invalid, without its version, status or clearances. Run \`briefing check ${file}\` and fix the file.  list/unreadable-position\n`,
  );
  const json = runCli(['list', '--uncleared', '--json'], dir);
  expect(json.status).toBe(1);
  // Its clearances are not known, as the table's `?` says: not "not recorded" (not asked), which the file may contradict.
  expect(JSON.parse(json.stdout)).toContainEqual(
    expect.objectContaining({ id: 'equity-reforms', status: 'invalid', version: null, clearances: [{ ministry: 'AM', state: 'unknown' }, { ministry: 'LM', state: 'unknown' }] }),
  );
  // The meetings listed, one of them using it: listed, but not completely (exit 1, as the table of exit codes says).
  const meetings = runCli(['list', 'meetings'], dir);
  expect(meetings.status).toBe(1);
  expect(meetings.stderr).toBe(
    `${file}:${line}:10  error  This position cannot be read (\`version\` should be a number, not "two"), so the list cannot tell whether the meetings using it are cleared (shown ?). Run \`briefing check ${file}\` and fix the file.  list/unreadable-position\n`,
  );
});

it('prints its problems in file order, as check does, whichever kind each is', () => {
  const text = exampleFile('positions/educ/equity-reforms.yaml');
  const dir = exampleProject({ 'positions/educ/a-copy.yaml': text, 'positions/educ/zz-broken.yaml': text.replace('id: equity-reforms', 'id: zz-broken').replace(/^version: \d+/m, 'version: two') });
  const run = runCli(['list'], dir);
  expect(run.status).toBe(1);
  const problems = run.stderr.trim().split('\n').map((line) => [line.split(':')[0], line.split('  ').at(-1)]);
  expect(problems).toEqual([
    ['positions/educ/equity-reforms.yaml', 'position/duplicate-id'],
    ['positions/educ/zz-broken.yaml', 'list/unreadable-position'],
  ]);
});

it('names a meeting it cannot read (exit 1): the positions it uses and what it requires are missing from the list, which must not look complete', () => {
  const meeting = exampleFile(EXAMPLE_MEETING);
  const dir = exampleProject({ [EXAMPLE_MEETING]: meeting.replace(/^date: /m, 'date: 2021-02-19\ndate: ') });
  const run = runCli(['list', '--uncleared'], dir);
  expect(run.status).toBe(1);
  const line = meeting.split('\n').findIndex((text) => text.startsWith('date: ')) + 2;
  expect(run.stderr).toContain(
    `${EXAMPLE_MEETING}:${line}:1  error  This meeting cannot be read (The key \`date\` appears twice in the same mapping), so the list leaves out the positions it uses and the clearances it requires. Run \`briefing check ${EXAMPLE_MEETING}\` and fix the file.  list/unreadable-meeting`,
  );
  const meetings = runCli(['list', 'meetings', '--json'], dir);
  expect(meetings.status).toBe(1);
  // Its positions are unknown, not none: null in the JSON, ? in the table.
  expect(JSON.parse(meetings.stdout)).toMatchObject([{ file: EXAMPLE_MEETING, date: null, positions: null, cleared: null, uncleared: true }]);
  expect(runCli(['list', 'meetings'], dir).stdout.split('\n')[1]).toMatch(/\s\?\s+\?\s/);
  // A readable project lists as before, exit 0.
  expect(runCli(['list', '--uncleared'], exampleProject())).toMatchObject({ status: 0, stderr: '' });
  expect(runCli(['list', 'meetings'], exampleProject())).toMatchObject({ status: 0, stderr: '' });
});

it('lists a meeting it cannot read after those it can, whose dates it knows, wherever its file name sorts', () => {
  const broken = exampleFile(EXAMPLE_MEETING).replace(/^date: /m, 'date: 2021-02-19\ndate: ');
  const dir = exampleProject({ 'meetings/2021-01-01-broken.yaml': broken, 'meetings/2021-03-01-educ.yaml': exampleFile(EXAMPLE_MEETING).replace(/^date: .*$/m, 'date: 2021-03-01').replace(/^file_code: .*$/m, 'file_code: educ-2') });
  const rows = JSON.parse(runCli(['list', 'meetings', '--json'], dir).stdout) as { file: string; date: string | null }[];
  expect(rows.map((row) => [row.file, row.date])).toEqual([
    [EXAMPLE_MEETING, '2021-02-19'],
    ['meetings/2021-03-01-educ.yaml', '2021-03-01'],
    ['meetings/2021-01-01-broken.yaml', null],
  ]);
});

it('keeps with --uncleared the meetings still waiting for a clearance, and those with no questions yet; not one whose every position is cleared', () => {
  const example = exampleFile(EXAMPLE_MEETING);
  const questions = example.slice(example.indexOf('questions:\n'), example.indexOf('\n# Ministries'));
  const only = (id: string) => `questions:\n  - text: Kā?\n    position: ${id}\n`;
  const dated = (day: string, code: string, text: string) => text.replace(/^date: .*$/m, `date: ${day}`).replace(/^file_code: .*$/m, `file_code: ${code}`);
  const dir = exampleProject({
    'meetings/2021-03-01-educ.yaml': dated('2021-03-01', 'IZMzin_010321_EDUC', example.replace(questions, only('equity-reforms')).replace('required_clearances: [AM, LM]', 'required_clearances: [AM, LM, FM]')),
    'meetings/2021-04-01-educ.yaml': dated('2021-04-01', 'IZMzin_010421_EDUC', example.replace(questions, 'questions: []\n')),
  });
  const listed = (args: string[]) => (JSON.parse(runCli(['list', 'meetings', '--json', ...args], dir).stdout) as { date: string; positions: number; cleared: number }[]).map((row) => [row.date, row.positions, row.cleared]);
  expect(listed([])).toEqual([
    ['2021-02-19', 3, 3],
    ['2021-03-01', 1, 0],
    ['2021-04-01', 0, 0],
  ]);
  // FM has not cleared equity-reforms, which the meeting of 1 March requires.
  expect(listed(['--uncleared'])).toEqual([
    ['2021-03-01', 1, 0],
    ['2021-04-01', 0, 0],
  ]);
});

it('keeps with --upcoming the meetings whose last day is today or later, and the positions they use: a repository of years lists hundreds that are over', async () => {
  const example = exampleFile(EXAMPLE_MEETING);
  const questions = example.slice(example.indexOf('questions:\n'), example.indexOf('\n# Ministries'));
  const only = (id: string) => `questions:\n  - text: Kā?\n    position: ${id}\n`;
  const dated = (day: string, code: string, text: string) => text.replace(/^date: .*$/m, `date: ${day}`).replace(/^file_code: .*$/m, `file_code: ${code}`);
  const dir = exampleProject({
    // Held over two days: on its last day it is still to come.
    'meetings/2021-03-01-educ.yaml': dated('2021-03-01', 'IZMzin_010321_EDUC', example.replace(questions, only('equity-reforms'))).replace(/^date: .*$/m, '$&\nend_date: 2021-03-02'),
    'meetings/2099-01-15-educ.yaml': dated('2099-01-15', 'IZMzin_150199_EDUC', example.replace(questions, only('equity-achievements'))),
  });
  const rows = async (what: 'positions' | 'meetings', today: string) => (await list({ cwd: dir, what, uncleared: false, upcoming: true, today })).rows.map((row) => ('id' in row ? row.id : row.date));
  expect(await rows('meetings', '2021-02-19')).toEqual(['2021-02-19', '2021-03-01', '2099-01-15']);
  expect(await rows('meetings', '2021-03-02')).toEqual(['2021-03-01', '2099-01-15']);
  expect(await rows('meetings', '2021-03-03')).toEqual(['2099-01-15']);
  expect(await rows('positions', '2021-03-02')).toEqual(['equity-achievements', 'equity-reforms']);
  expect(await rows('positions', '2021-03-03')).toEqual(['equity-achievements']);
  expect(await rows('meetings', '2099-01-16')).toEqual([]);
  // Through the command, on the day BRIEFING_TODAY gives; nothing left says that nothing matches.
  const cli = runCli(['list', 'meetings', '--upcoming', '--json'], dir, { BRIEFING_TODAY: '2021-03-03' });
  expect(cli.status, cli.stderr).toBe(0);
  expect((JSON.parse(cli.stdout) as { file: string }[]).map((row) => row.file)).toEqual(['meetings/2099-01-15-educ.yaml']);
  expect(runCli(['list', 'positions', '--upcoming'], dir, { BRIEFING_TODAY: '2021-03-03' }).stdout.split('\n')[1]).toMatch(/^equity-achievements /);
  expect(runCli(['list', 'meetings', '--upcoming'], dir, { BRIEFING_TODAY: '2099-01-16' }).stdout).toBe('No meetings match.\n');
});

it('names a question whose position does not exist (exit 1): the list has no row for it and must not look complete', () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace('    position: equity-eu-cooperation\n', '    position: equity-eu-cooperation\n  - text: Vēl viens jautājums?\n    position: nosuch\n');
  const dir = exampleProject({ [EXAMPLE_MEETING]: meeting });
  const line = meeting.split('\n').indexOf('    position: nosuch') + 1;
  for (const args of [['list', '--meeting', EXAMPLE_MEETING], ['list', 'meetings']]) {
    const run = runCli(args, dir);
    expect(run.status).toBe(1);
    // At the question's `position`, its value, where check puts it.
    expect(run.stderr).toContain(`${EXAMPLE_MEETING}:${line}:15  error  Question 4 points to the position \`nosuch\`, which does not exist: the list has no row for it.`);
  }
});

it('in a shallow clone, does not date a position by the commit its history begins with: ? and a warning saying how to fetch the rest', () => {
  const dir = exampleProject();
  git(dir, ['init', '-q']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'first'], '2021-01-10');
  writeFile(dir, 'positions/educ/equity-reforms.yaml', exampleFile('positions/educ/equity-reforms.yaml').replace('version: 2', 'version: 3'));
  git(dir, ['commit', '-q', '-am', 'second'], '2021-02-20');
  writeFile(dir, 'positions/educ/equity-eu-cooperation.yaml', exampleFile('positions/educ/equity-eu-cooperation.yaml').replace(/^version: (\d+)/m, 'version: 9'));
  git(dir, ['commit', '-q', '-am', 'third'], '2021-03-01');
  const listed = (clone: string) => {
    const run = runCli(['list', '--json'], clone);
    expect(run.status, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string; lastChanged: string | null; beforeHistory: boolean }[];
    return { rows: rows.map((row) => [row.id, row.lastChanged ?? (row.beforeHistory ? '?' : null)]), stderr: run.stderr };
  };
  const cloned = (depth: number) => {
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', String(depth), `file://${dir}`, clone], { stdio: 'pipe' });
    return clone;
  };
  // One commit held: it shows every file as made then, so no date is known.
  const one = listed(cloned(1));
  expect(one.rows).toEqual([
    ['equity-achievements', '?'],
    ['equity-eu-cooperation', '?'],
    ['equity-reforms', '?'],
  ]);
  expect(one.stderr).toContain('positions  warning  This is a shallow clone: 3 positions last changed before the history it holds begins, so their dates are not known (shown ?).');
  expect(runCli(['list'], cloned(1)).stdout).toMatch(/equity-reforms .* \?\n/);
  // Two held: the newer one dates what it changed.
  const two = listed(cloned(2));
  expect(two.rows).toEqual([
    ['equity-achievements', '?'],
    ['equity-eu-cooperation', '2021-03-01'],
    ['equity-reforms', '?'],
  ]);
  expect(two.stderr).toContain('2 positions last changed before');
  // A clone of a repository's one and only commit holds all of its history: its dates are the files' own.
  const single = exampleProject();
  git(single, ['init', '-q']);
  git(single, ['add', '-A']);
  git(single, ['commit', '-q', '-m', 'first'], '2021-01-10');
  const whole = join(tempDir(), 'whole');
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${single}`, whole], { stdio: 'pipe' });
  expect(listed(whole)).toEqual({ rows: [['equity-achievements', '2021-01-10'], ['equity-eu-cooperation', '2021-01-10'], ['equity-reforms', '2021-01-10']], stderr: '' });
  // The full history dates every file, with no warning.
  expect(listed(dir)).toEqual({
    rows: [
      ['equity-achievements', '2021-01-10'],
      ['equity-eu-cooperation', '2021-03-01'],
      ['equity-reforms', '2021-02-20'],
    ],
    stderr: '',
  });
});

it('in a project with nothing yet, says how to make the first position or meeting, not that nothing "matches"', () => {
  const dir = tempDir();
  expect(runCli(['init', '--ministry', 'IZM', '--tool', 'file:x.tgz'], dir).status).toBe(0);
  expect(runCli(['list'], dir)).toMatchObject({ status: 0, stdout: 'No positions yet: write the first with `briefing new position <id>`.\n' });
  expect(runCli(['list', 'meetings'], dir).stdout).toBe('No meetings yet: start the first with `briefing new meeting <date> <slug>`.\n');
  // A filter that leaves nothing still says so.
  expect(runCli(['list', '--uncleared'], dir).stdout).toBe('No positions match.\n');
  // --meeting naming none: the hint says there is none yet, not an empty list.
  expect(runCli(['list', '--meeting', 'm'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('Meeting files: none yet.') });
});

// Found by the years-of-use run: energy's positions, cleared by EM for the meetings of 2021–2022 and by KEM since 2023,
// were listed by `list --uncleared` for good, waiting for EM, which no meeting still to come asks.
describe('list --uncleared of a position used again, for a meeting still to come', () => {
  const example = exampleFile(EXAMPLE_MEETING);
  const questions = example.slice(example.indexOf('questions:\n'), example.indexOf('\n# Ministries'));
  /** The example, equity-reforms also answering a meeting of 18 May that requires AM alone, and LM's clearance of it of version 1 (the position is version 2). */
  function project(staleAm = false): string {
    const reforms = exampleFile('positions/educ/equity-reforms.yaml')
      .replace(/(  LM:\n    status: cleared\n)/, '$1    version: 1\n')
      .replace(/(  AM:\n    status: cleared\n)/, staleAm ? '$1    version: 1\n' : '$1');
    const may = example
      .replace(questions, 'questions:\n  - text: Kā?\n    position: equity-reforms\n')
      .replace('required_clearances: [AM, LM]', 'required_clearances: [AM]')
      .replace(/^date: .*$/m, 'date: 2021-05-18')
      .replace(/^file_code: .*$/m, 'file_code: IZMzin_180521_EDUC');
    return exampleProject({ 'positions/educ/equity-reforms.yaml': reforms, 'meetings/2021-05-18-educ.yaml': may });
  }
  const uncleared = async (dir: string, today: string) => {
    const result = await list({ cwd: dir, what: 'positions', uncleared: true, today });
    return result.what === 'positions' ? result.rows.map((row) => [row.id, row.clearances.map((c) => `${c.ministry} ${c.state}`).join(', ')]) : [];
  };

  it('waits only for the ministries the meetings to come require, and still shows the others’ state', async () => {
    const dir = project();
    // February's meeting is over: LM, which only it asked, is not waited for.
    expect(await uncleared(dir, '2021-03-01')).toEqual([]);
    // Before it, LM is.
    expect(await uncleared(dir, '2021-02-19')).toEqual([['equity-reforms', 'AM cleared, LM earlier version']]);
    // Once every meeting using it is over, it is listed as before, by what they required.
    expect(await uncleared(dir, '2021-05-19')).toEqual([['equity-reforms', 'AM cleared, LM earlier version']]);
  });

  it('is listed when a meeting to come requires a clearance it lacks', async () => {
    expect(await uncleared(project(true), '2021-03-01')).toEqual([['equity-reforms', 'AM earlier version, LM earlier version']]);
  });
});

// Pinned by the mutation audit: the order of the rows, and no git facts claimed of a project outside git.
describe('list positions, in a project outside git', () => {
  it('sorts by the first meeting using each, then by id, a position no meeting uses last, and says nothing changed or lost to history', async () => {
    const example = exampleFile(EXAMPLE_MEETING);
    const questions = example.slice(example.indexOf('questions:\n'), example.indexOf('\n# Ministries'));
    const january = example
      .replace(questions, 'questions:\n  - text: Kā?\n    position: equity-reforms\n')
      .replace(/^date: .*$/m, 'date: 2021-01-10')
      .replace(/^file_code: .*$/m, 'file_code: IZMzin_100121_EDUC');
    const dir = exampleProject({
      'meetings/2021-01-10-educ.yaml': january,
      'positions/educ/aaa-unused.yaml': exampleFile('positions/educ/equity-reforms.yaml').replace(/^id: .*$/m, 'id: aaa-unused'),
      'positions/educ/zzz-unused.yaml': exampleFile('positions/educ/equity-reforms.yaml').replace(/^id: .*$/m, 'id: zzz-unused'),
    });
    const result = await list({ cwd: dir, what: 'positions', uncleared: false });
    expect(result.exitCode).toBe(0);
    if (result.what !== 'positions') throw new Error('positions listed as meetings');
    expect(result.rows.map((row) => [row.id, row.meetings.map((m) => m.date), row.uncommitted, row.beforeHistory])).toEqual([
      ['equity-reforms', ['2021-01-10', '2021-02-19'], false, false],
      ['equity-achievements', ['2021-02-19'], false, false],
      ['equity-eu-cooperation', ['2021-02-19'], false, false],
      ['aaa-unused', [], false, false],
      ['zzz-unused', [], false, false],
    ]);
  });
});
