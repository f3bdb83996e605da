import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from '../src/commands/check.js';
import { clear } from '../src/commands/clear.js';
import { newMeeting, newPosition } from '../src/commands/new.js';
import { UsageError } from '../src/diagnostics/errors.js';
import { loadProject } from '../src/load/project.js';
import { ministryChoices } from '../src/scaffold/answers.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir, writeFile } from './helpers/project.js';
import { errorRules, problemsOf, scriptedPrompter } from './helpers/scaffold.js';

const MEETING_FLAGS = {
  formation: 'EYCS',
  participants: 'ES izglītības ministri',
  topic: 'Digitālā izglītība: “prasmes” #1',
  name: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksme',
  nameLocative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē',
  clearances: ['AM', 'LM'],
};

function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

describe('briefing new meeting', () => {
  it('writes a commented meeting from flags that builds with warnings only', async () => {
    const dir = exampleProject();
    const result = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', flags: MEETING_FLAGS });
    expect(result).toEqual({ file: 'meetings/2021-05-18-educ-council.yaml', diagnostics: [], exitCode: 0 });
    const text = read(dir, result.file ?? '');
    // The project has no schema/ folder and no briefing in node_modules: the running tool's schemas.
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${relative(join(dir, 'meetings'), join(REPO, 'schema/meeting.schema.json'))}`);
    expect(text).toContain('# The questions put to the ministers');
    // Who signs and who endorses, each on one line, as the skeleton has them.
    expect(text).toContain('\nsignature: {role: Izglītības un zinātnes ministre, name: I. Šuplinska}\nvisa: {role: Valsts sekretāre, name: L. Lejiņa}\n');
    expect(parse(text)).toEqual({
      date: '2021-05-18',
      place: { locative: 'Briselē', english: 'Brussels' },
      kind: 'formal',
      mode: 'in-person',
      formation: 'EYCS',
      participants: 'ES izglītības ministri',
      presidency: 'Portugāle',
      topic: 'Digitālā izglītība: “prasmes” #1',
      name: { nominative: MEETING_FLAGS.name, locative: MEETING_FLAGS.nameLocative, short_locative: 'sanāksmē' },
      background: '',
      questions: [],
      required_clearances: ['AM', 'LM'],
      template: 'informative-report.lv',
      file_code: 'IZMzin_180521_EDUC',
      signature: { role: 'Izglītības un zinātnes ministre', name: 'I. Šuplinska' },
      visa: { role: 'Valsts sekretāre', name: 'L. Lejiņa' },
    });
    const problems = await problemsOf(dir, result.file ?? '');
    expect(errorRules(problems)).toEqual([]);
    expect(problems.map((d) => d.ruleId)).toEqual(['meeting/no-questions', 'meeting/no-background']);
  });

  it('asks for what the flags leave out, with defaults, and checks each answer', async () => {
    const dir = exampleProject();
    const prompter = scriptedPrompter({
      'Kind of meeting': 'informal',
      'How is it held?': 'videoconference',
      'Start time': '9.30',
      'Council configuration': 'EYCS',
      'Who meets': 'ES izglītības ministri',
      'Topic of the discussion': 'Pedagogu labbūtība',
      'Name of the meeting': 'neformālā ES izglītības ministru sanāksme',
      'Name, locative': 'neformālajā ES izglītības ministru sanāksmē',
      'Ministries that must clear': ['LM'],
      'Visa: name': 'A. Kalniņa',
    });
    const result = await newMeeting({ cwd: dir, date: '2021-09-02', slug: 'educ-informal', flags: { formation: 'EYCS' }, prompter });
    const meeting = parse(read(dir, result.file ?? ''));
    expect(meeting).toMatchObject({
      kind: 'informal',
      mode: 'videoconference',
      time: '9.30',
      presidency: 'Slovēnija',
      required_clearances: ['LM'],
      file_code: 'IZMzin_020921_EDUC',
      signature: { role: 'Izglītības un zinātnes ministre', name: 'I. Šuplinska' },
      visa: { role: 'Valsts sekretāre', name: 'A. Kalniņa' },
    });
    expect(prompter.asked).toContain('Signed by: role (e.g. "Izglītības un zinātnes ministre") (optional)');
    expect(prompter.asked).not.toContain('Council configuration (e.g. EYCS)');
    expect(prompter.asked).toContain('Presidency');
  });

  it('needs no --participants, which no built-in template prints: the meeting is written without it, and builds', async () => {
    const dir = exampleProject();
    const { participants: _left, ...flags } = MEETING_FLAGS;
    const made = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', flags });
    const text = read(dir, made.file ?? '');
    expect(text).not.toContain('participants');
    expect(parse(text).formation).toBe(MEETING_FLAGS.formation);
    const build = runCli(['build', made.file ?? '', '--format', 'md'], dir);
    expect(build.status, build.stderr).toBe(0);
    // Given, it stands after the formation, as the example has it.
    const given = await newMeeting({ cwd: dir, date: '2021-05-19', slug: 'educ-council', flags: MEETING_FLAGS });
    expect(read(dir, given.file ?? '')).toMatch(/^formation: .*\nparticipants: ES izglītības ministri\n/m);
  });

  it('without a terminal, names every missing flag and writes nothing (exit 2)', async () => {
    const dir = exampleProject();
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', flags: { formation: 'EYCS' } })).rejects.toThrow(
      /^Missing --topic, --name, --name-locative: standard input is not a terminal/,
    );
    const run = runCli(['new', 'meeting', '2021-05-18', 'educ-council', '--topic', 'X'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Missing --formation, --name, --name-locative');
    expect(existsSync(join(dir, 'meetings/2021-05-18-educ-council.yaml'))).toBe(false);
  });

  // util-linux's script gives the command a terminal of its own; the test's input is what is typed on it.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('typed on a terminal with its output redirected (> log), asks on stderr and writes the file', () => {
    const dir = exampleProject();
    const command = `"${process.execPath}" "${join(REPO, 'bin/briefing.js')}" new position a-question --owner IZM --unit X --clearances AM > log.txt`;
    const run = spawnSync('script', ['-qc', command, '/dev/null'], { cwd: dir, input: 'Vai šķūnis?\r', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stdout).toContain('The question it answers, in short');
    expect(run.stdout).not.toContain('standard input is not a terminal');
    expect(read(dir, 'positions/a-question.yaml')).toContain('questions:\n  - Vai šķūnis?\n');
    expect(read(dir, 'log.txt')).toMatch(/^created positions\/a-question\.yaml\n/);
  });

  // A question copied from a PDF is pasted with its line breaks: the terminal is asked to mark pastes (and told to
  // stop after), and the position gets the whole question, not its first line.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on a terminal, takes a pasted question of two lines whole, bracketed paste on while asking and off after', () => {
    const dir = exampleProject();
    const command = `"${process.execPath}" "${join(REPO, 'bin/briefing.js')}" new position a-question --owner IZM --unit X --clearances AM`;
    const run = spawnSync('script', ['-qc', command, '/dev/null'], { cwd: dir, input: '\u001b[200~Vai šķūnis\rir jāceļ?\u001b[201~\r', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(read(dir, 'positions/a-question.yaml')).toContain('questions:\n  - Vai šķūnis ir jāceļ?\n');
    expect(run.stdout.indexOf('\u001b[?2004h')).toBeGreaterThanOrEqual(0);
    expect(run.stdout.indexOf('\u001b[?2004l')).toBeGreaterThan(run.stdout.indexOf('\u001b[?2004h'));
  });

  // Emacs' M-x shell and some IDE consoles say TERM=dumb and print control sequences as text: a list drawn for the
  // arrow keys was a screen of ^[[2K^[[1A. There a choice is a numbered list, answered by numbers or values.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on a terminal that says TERM=dumb, asks in plain lines, without a control sequence, and takes the ministries by number or code', () => {
    const dir = exampleProject();
    const command = `"${process.execPath}" "${join(REPO, 'bin/briefing.js')}" new position a-question --owner IZM --unit X`;
    const run = spawnSync('script', ['-qc', command, '/dev/null'], { cwd: dir, input: 'Vai šķūnis?\rx\r1, lm\r', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } });
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toMatch(/^ +1\) AM – Ārlietu ministrija\r?$/m);
    // `x` is neither a number nor a code: asked again.
    expect(run.stdout).toContain('Type numbers from 1 to');
    const written = read(dir, 'positions/a-question.yaml');
    expect(written).toContain('questions:\n  - Vai šķūnis?\n');
    expect(Object.keys(parse(written).clearance)).toEqual(['AM', 'LM']);
  });

  // The Linux text console (TERM=linux) has no glyph for ❯ ◉ ◯ ⏎: the ministries' list was a column of blocks.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on the Linux text console, draws the lists in ASCII', () => {
    const dir = exampleProject();
    const command = `"${process.execPath}" "${join(REPO, 'bin/briefing.js')}" new position a-question --owner IZM --unit X`;
    const run = spawnSync('script', ['-qc', command, '/dev/null'], { cwd: dir, input: 'Vai šķūnis?\r', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TERM: 'linux' } });
    // The input ends at the ministries' list: the command is cancelled there, having drawn it.
    expect(run.stdout).toMatch(/>\( \) AM – Ārlietu ministrija/);
    expect(run.stdout).toContain('Up/Down: navigate, Space: select, Enter: submit, or type codes, e.g. AM');
    expect(run.stdout).not.toMatch(/[❯◉◯⏎↑↓•]/);
  });

  // There Ctrl-C reaches the command as SIGINT from the terminal: it ended with `^C` and not a word, as if it had crashed.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('on a terminal that says TERM=dumb, says Ctrl-C cancelled with nothing written, exit 130', async () => {
    const dir = exampleProject();
    // `exec`: the shell `script` starts would take the SIGINT too. What the command says goes to a file: `script` may end
    // before it has copied the last output of a command that ended at once.
    const said = join(dir, 'said.txt');
    const command = `exec "${process.execPath}" "${join(REPO, 'bin/briefing.js')}" new position a-question --owner IZM --unit X 2>"${said}"`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' } });
    let screen = '';
    let pressed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      // Ctrl-C once the question is asked, as a person would: the terminal sends SIGINT to the command.
      if (!pressed && screen.includes('The question it answers')) {
        pressed = true;
        child.stdin.write('\u0003');
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(readFileSync(said, 'utf8')).toBe('briefing: Cancelled; nothing written.\n');
    expect(status).toBe(130);
    expect(existsSync(join(dir, 'positions/a-question.yaml'))).toBe(false);
  });

  it('takes the date as Latvians write it too, DD.MM.YYYY, and names the file and the meeting by YYYY-MM-DD', async () => {
    const dir = exampleProject();
    const result = await newMeeting({ cwd: dir, date: '18.05.2021', slug: 'educ-council', flags: MEETING_FLAGS });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'meetings/2021-05-18-educ-council.yaml'), 'utf8')).toMatch(/^date: 2021-05-18$/m);
    const run = runCli(['new', 'meeting', '31.04.2021', 'x', '--topic', 'X'], dir);
    expect(run).toMatchObject({ status: 2, stderr: 'briefing: `31.04.2021` is no such day.\n  Check the day and the month.\n' });
    // A year no meeting file may have: said of the argument, not as an internal error of the file it would write.
    expect(runCli(['new', 'meeting', '1979-06-01', 'x', '--topic', 'X'], dir)).toMatchObject({
      status: 2,
      stderr: 'briefing: `1979-06-01` is in the year 1979.\n  A year between 1980 and 2099 is expected: check the year.\n',
    });
    expect(existsSync(join(dir, 'meetings/1979-06-01-x.yaml'))).toBe(false);
  });

  it('writes the last day of a meeting held over several days after its first (--end-date), not an earlier meeting’s', async () => {
    const dir = exampleProject();
    const result = await newMeeting({ cwd: dir, date: '2021-05-17', slug: 'agrifish', flags: { ...MEETING_FLAGS, endDate: '18.05.2021' } });
    expect(result.exitCode).toBe(0);
    const text = read(dir, 'meetings/2021-05-17-agrifish.yaml');
    // The place of a formal meeting in person after the last day, where the skeleton's comment says both go.
    expect(text).toMatch(/^date: 2021-05-17\nend_date: 2021-05-18\nplace: \{locative: Briselē, english: Brussels\}\n/m);
    const built = runCli(['build', 'meetings/2021-05-17-agrifish.yaml', '--format', 'md'], dir);
    expect(built.status).toBe(0);
    expect(read(dir, 'out/IZMzin_170521_AGRIFISH.md')).toContain('2021\\. gada 17. un 18.\u00A0maijā');
    // A meeting made from that one has its own days: the last day is not copied.
    const copied = await newMeeting({ cwd: dir, date: '2021-06-10', slug: 'later', from: 'meetings/2021-05-17-agrifish.yaml', flags: { topic: 'X' } });
    expect(copied.exitCode).toBe(0);
    expect(read(dir, 'meetings/2021-06-10-later.yaml')).not.toMatch(/^end_date:/m);
    for (const [endDate, message] of [
      ['2021-05-17', '--end-date 2021-05-17 is the meeting’s own day.'],
      ['2021-05-16', '--end-date 2021-05-16 is before the meeting’s first day, 2021-05-17.'],
      ['18/05/2021', '--end-date: `18/05/2021` is not a date.'],
    ] as const) {
      await expect(newMeeting({ cwd: dir, date: '2021-05-17', slug: 'x', flags: { ...MEETING_FLAGS, endDate } })).rejects.toThrow(message);
    }
    expect(existsSync(join(dir, 'meetings/2021-05-17-x.yaml'))).toBe(false);
  });

  it('warns of a meeting of more than three days (--end-date) as check does, and writes it all the same (exit 0)', async () => {
    const dir = exampleProject();
    const result = await newMeeting({ cwd: dir, date: '2021-05-17', slug: 'agrifish', flags: { ...MEETING_FLAGS, endDate: '2021-05-21' } });
    expect(result.file).toBe('meetings/2021-05-17-agrifish.yaml');
    expect(result.exitCode).toBe(0);
    const line = read(dir, 'meetings/2021-05-17-agrifish.yaml').split('\n').indexOf('end_date: 2021-05-21') + 1;
    const said = result.diagnostics.map((d) => [d.file, d.line, d.severity, d.ruleId, d.message, d.hint]);
    expect(said).toEqual([
      [
        'meetings/2021-05-17-agrifish.yaml',
        line,
        'warning',
        'meeting/long-meeting',
        'The meeting runs 5 days, from 2021-05-17 to 2021-05-21: a Council meeting takes one to three days.',
        'Check `end_date` (its day, its month, its year).',
      ],
    ]);
    // The same words as check's, at the same place.
    const checked = (await problemsOf(dir, 'meetings/2021-05-17-agrifish.yaml')).filter((d) => d.ruleId === 'meeting/long-meeting');
    expect(checked.map((d) => [d.file, d.line, d.severity, d.ruleId, d.message, d.hint])).toEqual(said);
    // Three days are a Council meeting's usual span: nothing said.
    const three = await newMeeting({ cwd: dir, date: '2021-05-24', slug: 'three', flags: { ...MEETING_FLAGS, endDate: '2021-05-26' } });
    expect(three).toMatchObject({ file: 'meetings/2021-05-24-three.yaml', diagnostics: [], exitCode: 0 });
    // The command line prints it on standard error before the file it created.
    const fields = ['--topic', 'X', '--kind', 'informal', '--mode', 'videoconference', '--time', '', '--formation', 'EYCS', '--participants', 'P', '--name', 'N', '--name-locative', 'NL'];
    const run = runCli(['new', 'meeting', '2021-06-01', 'long', '--end-date', '2021-06-30', ...fields, '--file-code', 'IZMzin_010621_LONG'], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^meetings\/2021-06-01-long\.yaml:\d+:11 {2}warning {2}The meeting runs 30 days, from 2021-06-01 to 2021-06-30: a Council meeting takes one to three days\. Check `end_date`/);
    expect(run.stdout).toContain('created meetings/2021-06-01-long.yaml');
  });

  it('warns, as check does, of the issuing ministry among those that must clear its own report, and writes it all the same (exit 0)', async () => {
    const dir = exampleProject();
    const result = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, clearances: ['AM', 'izm'] } });
    expect(result.exitCode).toBe(0);
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual([
      `${read(dir, result.file ?? '').split('\n').findIndex((line) => line.startsWith('required_clearances:')) + 1}:${'required_clearances: [AM, '.length + 1} warning meeting/issuer-required`,
    ]);
  });

  it('warns, as check does, of a --presidency not in office on the date and of a config signature naming a ministry by a name not of that day, and writes it all the same', async () => {
    const dir = exampleProject({
      'briefing.config.yaml': exampleFile('briefing.config.yaml').replace(/^signature: .*$/m, 'signature: { role: Vides aizsardzības un reģionālās attīstības ministrs, name: A. Bērziņš }'),
    });
    const result = await newMeeting({ cwd: dir, date: '2023-07-03', slug: 'x', flags: { ...MEETING_FLAGS, presidency: 'Zviedrija' } });
    expect(result.exitCode).toBe(0);
    expect(result.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(['warning meeting/presidency-not-in-office', 'warning meeting/signature-ministry-name']);
  });

  it('warns, as check does, of a --place given to a videoconference (the report would say both), and writes it all the same', async () => {
    const dir = exampleProject();
    const result = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, mode: 'videoconference', place: 'Briselē' } });
    expect(result.exitCode).toBe(0);
    expect(result.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(['warning meeting/place-videoconference']);
  });

  it('offers Brussels for a European Council (EUCO) in any month, as it never meets in Luxembourg', async () => {
    const dir = exampleProject();
    const placeOf = (file: string) => (parse(read(dir, `meetings/${file}.yaml`)) as { place?: unknown }).place;
    const result = await newMeeting({ cwd: dir, date: '2021-06-24', slug: 'euco', flags: { ...MEETING_FLAGS, formation: 'EUCO', kind: 'formal', mode: 'in-person' } });
    expect(result.exitCode).toBe(0);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual([]);
    expect(placeOf('2021-06-24-euco')).toEqual({ locative: 'Briselē', english: 'Brussels' });
    await newMeeting({ cwd: dir, date: '2021-10-21', slug: 'euco-october', from: 'meetings/2021-06-24-euco.yaml', flags: { topic: 'X', kind: 'formal', mode: 'in-person' } });
    expect(placeOf('2021-10-21-euco-october')).toEqual({ locative: 'Briselē', english: 'Brussels' });
    // EUCO is the European Council's own short name, not a misspelt Council configuration.
    const checked = runCli(['check', 'meetings/2021-06-24-euco.yaml'], dir);
    expect(checked.stdout + checked.stderr).not.toContain('meeting/unknown-formation');
  });

  it('asks the Council configuration before the place, so a European Council answered at the prompt is offered Brussels in June', async () => {
    const dir = exampleProject();
    const { formation: _asked, ...flags } = { ...MEETING_FLAGS, kind: 'formal', mode: 'in-person' };
    // Every question answered with what it offers, but the configuration and the start time.
    const prompter = scriptedPrompter({ 'Council configuration': 'EUCO', 'Start time': '' });
    expect((await newMeeting({ cwd: dir, date: '2021-06-24', slug: 'euco', flags, prompter })).exitCode).toBe(0);
    expect(prompter.asked.findIndex((m) => m.startsWith('Council configuration'))).toBeLessThan(prompter.asked.findIndex((m) => m.startsWith('Where it is held')));
    expect((parse(read(dir, 'meetings/2021-06-24-euco.yaml')) as { place?: unknown }).place).toEqual({ locative: 'Briselē', english: 'Brussels' });
  });

  it('offers the Council’s seat for a formal meeting in person (Luxembourg in April, June and October), asks no place of a videoconference', async () => {
    const dir = exampleProject();
    const placeOf = (file: string) => (parse(read(dir, `meetings/${file}.yaml`)) as { place?: unknown }).place;
    const formal = { ...MEETING_FLAGS, kind: 'formal', mode: 'in-person' };
    await newMeeting({ cwd: dir, date: '2021-06-14', slug: 'june', flags: formal });
    await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'may', flags: formal });
    await newMeeting({ cwd: dir, date: '2021-05-19', slug: 'online', flags: { ...formal, mode: 'videoconference' } });
    await newMeeting({ cwd: dir, date: '2021-05-20', slug: 'lisbon', flags: { ...formal, kind: 'informal', place: 'Lisabonā' } });
    expect(placeOf('2021-06-14-june')).toEqual({ locative: 'Luksemburgā', english: 'Luxembourg' });
    expect(placeOf('2021-05-18-may')).toEqual({ locative: 'Briselē', english: 'Brussels' });
    expect(placeOf('2021-05-19-online')).toBeUndefined();
    expect(placeOf('2021-05-20-lisbon')).toEqual({ locative: 'Lisabonā' });
    expect(read(dir, 'meetings/2021-05-18-may.yaml')).toMatch(/^date: 2021-05-18\nplace: \{ ?locative: Briselē, english: Brussels ?\}$/m);
    // The report says where, after the date; a meeting made from it does not copy its place.
    expect(runCli(['build', 'meetings/2021-05-18-may.yaml', '--format', 'md'], dir).status).toBe(0);
    expect(read(dir, 'out/IZMzin_180521_MAY.md')).toContain('2021\\. gada 18.\u00A0maijā Briselē notiks');
    await newMeeting({ cwd: dir, date: '2021-05-27', slug: 'copy', from: 'meetings/2021-05-20-lisbon.yaml', flags: { topic: 'X' } });
    expect(placeOf('2021-05-27-copy')).toBeUndefined();
  });

  it('takes an optional flag given empty as none: no place for a formal meeting in person, no time', async () => {
    const dir = exampleProject();
    const written = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'nowhere', flags: { ...MEETING_FLAGS, kind: 'formal', mode: 'in-person', place: '', time: ' ' } });
    expect(written.exitCode).toBe(0);
    const meeting = parse(read(dir, 'meetings/2021-05-18-nowhere.yaml')) as { place?: unknown; time?: unknown };
    expect(meeting.place).toBeUndefined();
    expect(meeting.time).toBeUndefined();
  });

  it('takes a time typed with a colon, `9:00`, and writes it as a meeting file does, 9.00', async () => {
    const dir = exampleProject();
    expect((await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'colon', flags: { ...MEETING_FLAGS, time: '9:00' } })).exitCode).toBe(0);
    expect(read(dir, 'meetings/2021-05-18-colon.yaml')).toMatch(/^time: "9\.00"$/m);
    const prompter = scriptedPrompter({ 'Start time, HH.MM (optional)': '14:30' });
    expect((await newMeeting({ cwd: dir, date: '2021-05-19', slug: 'asked', flags: { ...MEETING_FLAGS, time: undefined }, prompter })).exitCode).toBe(0);
    expect(read(dir, 'meetings/2021-05-19-asked.yaml')).toMatch(/^time: "14\.30"$/m);
    await expect(newMeeting({ cwd: dir, date: '2021-05-20', slug: 'x', flags: { ...MEETING_FLAGS, time: '25:00' } })).rejects.toThrow('--time: there is no 25.00 on a clock (hours 0 to 23, minutes 00 to 59): write the time as HH.MM, e.g. 10.00 (got `25:00`).');
  });

  it('rejects a bad flag value before writing', async () => {
    const dir = exampleProject();
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, kind: 'formel' } })).rejects.toThrow(
      '--kind: `formel` is not one of formal, informal.',
    );
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, time: '25.00' } })).rejects.toThrow(/^--time: there is no 25.00 on a clock/);
    await expect(newMeeting({ cwd: dir, date: '2021-02-30', slug: 'x', flags: MEETING_FLAGS })).rejects.toThrow(UsageError);
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, clearances: ['XX'] } })).rejects.toThrow(
      /--clearances: `XX` is not one of AM, AIM/,
    );
    // A code written as the report prints it, or with a mark, was refused with no hint, as --ministry of clear has one.
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, clearances: ['AM', 'ŽM'] } })).rejects.toMatchObject({
      message: expect.stringMatching(/^--clearances: `ŽM` is not one of AM, AIM/),
      hint: 'Did you mean ZM?',
    });
    // Codes separated by spaces or semicolons: the hint writes them as the flag takes them.
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, clearances: ['AM LM', 'fm'] } })).rejects.toMatchObject({
      message: expect.stringMatching(/^--clearances: `AM LM` is not one of AM, AIM/),
      hint: 'Separate them with commas: --clearances AM,LM,fm',
    });
    // A character a Word document cannot hold is the flag's mistake, not a file that fails its own check.
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, topic: 'a\u0007b' } })).rejects.toThrow(
      /^--topic: holds the character U\+0007, which a Word document cannot contain/,
    );
    await expect(newPosition({ cwd: dir, id: 'x', flags: { question: 'a\u0001b' } })).rejects.toThrow(/^--question: holds the character U\+0001/);
    expect(existsSync(join(dir, 'meetings/2021-05-18-x.yaml')) || existsSync(join(dir, 'positions/x.yaml'))).toBe(false);
  });

  // A letter that did not arrive as UTF-8 (a windows-1257 terminal or script; Backspace on a terminal without IUTF8 erasing
  // half of "ā") reaches briefing as U+FFFD: it was an internal error, "the new meeting does not pass its own schema".
  it('refuses a text with a character that did not arrive as UTF-8 (U+FFFD) as the flag’s mistake, and does not take it as an answer', async () => {
    const dir = exampleProject();
    const notUtf8 = /holds a character that did not arrive as UTF-8 \(shown as �\)/;
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, topic: 'T\uFFFDma' } })).rejects.toThrow(/^--topic: holds a character that did not arrive/);
    await expect(newPosition({ cwd: dir, id: 'x', flags: { question: 'q', unit: 'Departaments\uFFFD' } })).rejects.toThrow(notUtf8);
    const prompter = scriptedPrompter({ 'Start time': '', 'Topic of the discussion': 'T\uFFFDma' });
    const { topic: _, ...flags } = MEETING_FLAGS;
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags, prompter })).rejects.toThrow(notUtf8);
    expect(existsSync(join(dir, 'meetings/2021-05-18-x.yaml')) || existsSync(join(dir, 'positions/x.yaml'))).toBe(false);
  });

  it('offers only the ministries that exist on the meeting’s date, named as they were then; one established later is refused by name', async () => {
    const dir = exampleProject();
    await expect(newMeeting({ cwd: dir, date: '2022-12-31', slug: 'x', flags: { ...MEETING_FLAGS, clearances: ['AM', 'kem'] } })).rejects.toThrow(
      '--clearances: KEM was established on 2023-01-01, after the meeting on 2022-12-31; the report cannot be cleared with it. Nothing written.',
    );
    const codes = (date: string) => ministryChoices(loadProject(dir, { skipPositions: true }).ministries, date).map((choice) => choice.name);
    expect(codes('2022-12-31')).not.toContain('KEM – Klimata un enerģētikas ministrija');
    expect(codes('2022-12-31')).toContain('VARAM – Vides aizsardzības un reģionālās attīstības ministrija');
    expect(codes('2023-01-01')).toContain('KEM – Klimata un enerģētikas ministrija');
    expect(codes('2023-01-01')).toContain('VARAM – Viedās administrācijas un reģionālās attīstības ministrija');
    const meeting = await newMeeting({ cwd: dir, date: '2023-01-02', slug: 'x', flags: { ...MEETING_FLAGS, clearances: ['KEM'] } });
    expect(parse(read(dir, meeting.file ?? ''))).toMatchObject({ required_clearances: ['KEM'] });
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = exampleProject();
    const before = read(dir, EXAMPLE_MEETING);
    await expect(newMeeting({ cwd: dir, date: '2021-02-19', slug: 'educ-informal', flags: MEETING_FLAGS })).rejects.toThrow(
      `${EXAMPLE_MEETING} already exists; nothing written.`,
    );
    expect(read(dir, EXAMPLE_MEETING)).toBe(before);
  });

  it('gives a second meeting of the same day and word a free file code: _2, then _3; check finds no duplicate', async () => {
    const dir = exampleProject();
    const second = await newMeeting({ cwd: dir, date: '2021-02-19', slug: 'educ-council', flags: MEETING_FLAGS });
    const third = await newMeeting({ cwd: dir, date: '2021-02-19', slug: 'educ-followup', flags: MEETING_FLAGS });
    expect(parse(read(dir, second.file ?? '')).file_code).toBe('IZMzin_190221_EDUC_2');
    expect(parse(read(dir, third.file ?? '')).file_code).toBe('IZMzin_190221_EDUC_3');
    const checked = await check({ cwd: dir, paths: [], final: false });
    expect(checked.diagnostics.filter((d) => d.ruleId === 'meeting/duplicate-file-code')).toEqual([]);
  });

  it('needs both parts of who signs once one is given: a role or a name alone is not dropped without a word', async () => {
    // A config that names no one, as init writes it unless told: nothing to offer for the other part.
    const config = exampleFile('briefing.config.yaml').replace(/^(signature|visa): .*\n/gm, '');
    const dir = exampleProject({ 'briefing.config.yaml': config });
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, visaRole: 'Valsts sekretāre' } })).rejects.toThrow(
      /^Missing --visa-name \(--visa-role is given\): standard input is not a terminal/,
    );
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, signatureName: 'A. Muižniece' } })).rejects.toThrow(
      /^Missing --signature-role \(--signature-name is given\)/,
    );
    expect(existsSync(join(dir, 'meetings/2021-05-18-x.yaml'))).toBe(false);
    // On a terminal, the name left empty after a role is asked again.
    const prompter = scriptedPrompter({ 'Start time': '', 'Visa: role': 'Valsts sekretāre', 'Visa: name': '' });
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, signatureRole: 'R', signatureName: 'N' }, prompter })).rejects.toThrow('rejected: an answer is needed');
  });

  it('offers the config’s name only for the config’s role: another role (a deputy) is another person', async () => {
    // The example's config names the visa: Valsts sekretāre, L. Lejiņa.
    const dir = exampleProject();
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, visaRole: 'Valsts sekretāra p.i.' } })).rejects.toThrow(
      /^Missing --visa-name \(--visa-role is given\)/,
    );
    const same = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'y', flags: { ...MEETING_FLAGS, visaRole: 'Valsts sekretāre' } });
    expect(parse(read(dir, same.file ?? '')).visa).toEqual({ role: 'Valsts sekretāre', name: 'L. Lejiņa' });
  });

  it('refuses a --template that briefing templates lists as unusable, with its errors at their lines (exit 1, nothing written)', async () => {
    const dir = exampleProject({ 'templates/mine.md.hbs': '{{!-- Mine --}}\n# {{#if meeting.topic}}\n' });
    const result = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...MEETING_FLAGS, template: 'mine' } });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['templates/mine.md.hbs:2:3 template/syntax']);
    expect(existsSync(join(dir, 'meetings/2021-05-18-x.yaml'))).toBe(false);
  });

  it('makes a file code a file code may be from a slug of one long word (it was an internal error)', async () => {
    const dir = exampleProject();
    const result = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'a'.repeat(120), flags: MEETING_FLAGS });
    expect(parse(read(dir, result.file ?? '')).file_code).toBe(`IZMzin_180521_${'A'.repeat(20)}`);
  });

  it('refuses a --file-code another meeting has (in any case), naming that meeting (exit 2), and re-asks an answer that does', async () => {
    const dir = exampleProject();
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', flags: { ...MEETING_FLAGS, fileCode: 'izmzin_190221_educ' } })).rejects.toThrow(
      `--file-code: \`izmzin_190221_educ\` is already the file code of ${EXAMPLE_MEETING}; two meetings with one code would write the same files. Nothing written.`,
    );
    const flags = ['--topic', 'T', '--formation', 'F', '--participants', 'P', '--name', 'N', '--name-locative', 'NL'];
    const run = runCli(['new', 'meeting', '2021-05-18', 'educ-council', ...flags, '--file-code', 'IZMzin_190221_EDUC'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`is already the file code of ${EXAMPLE_MEETING}`);
    expect(run.stderr).toContain('--file-code IZMzin_190221_EDUC_2');
    expect(existsSync(join(dir, 'meetings/2021-05-18-educ-council.yaml'))).toBe(false);

    const prompter = scriptedPrompter({ 'Start time': '', 'File code': 'IZMzin_190221_EDUC' });
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', flags: MEETING_FLAGS, prompter })).rejects.toThrow(
      `rejected: already the file code of ${EXAMPLE_MEETING}`,
    );
  });

  // A bad flag was refused only where its field came: `--file-code` taken, after a dozen answers typed, all lost.
  it('on a terminal, refuses a bad flag before the first question, not after the answers before its field', async () => {
    const dir = exampleProject();
    const { topic: _, ...flags } = MEETING_FLAGS;
    const prompter = scriptedPrompter({});
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...flags, fileCode: 'IZMzin_190221_EDUC' }, prompter })).rejects.toThrow(/^--file-code: `IZMzin_190221_EDUC` is already the file code/);
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...flags, clearances: ['XX'] }, prompter })).rejects.toThrow(/^--clearances: `XX` is not one of/);
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'x', flags: { ...flags, signatureRole: 'Ministre', signatureName: 'a\u0007' }, prompter })).rejects.toThrow(/^--signature-name: holds the character U\+0007/);
    await expect(newPosition({ cwd: dir, id: 'x', flags: { clearances: ['AM', 'XX'] }, prompter })).rejects.toThrow(/^--clearances: `XX` is not one of/);
    await expect(newPosition({ cwd: dir, id: 'x', flags: { owner: 'XX' }, prompter })).rejects.toThrow(/^--owner: `XX` is not one of AM, AIM, .*, VK\.$/);
    expect(prompter.asked).toEqual([]);
    expect(existsSync(join(dir, 'meetings/2021-05-18-x.yaml')) || existsSync(join(dir, 'positions/x.yaml'))).toBe(false);
  });

  it('--from copies the structure of an earlier meeting, not its content', async () => {
    const dir = exampleProject();
    const result = await newMeeting({
      cwd: dir,
      date: '2021-10-07',
      slug: 'educ-informal',
      from: EXAMPLE_MEETING,
      flags: { topic: 'Pieaugušo izglītība' },
    });
    const earlier = parse(read(dir, EXAMPLE_MEETING));
    const text = read(dir, result.file ?? '');
    const copy = parse(text);
    expect(copy).toEqual({
      ...earlier,
      date: '2021-10-07',
      time: undefined,
      topic: 'Pieaugušo izglītība',
      presidency: 'Slovēnija',
      outcome: undefined,
      background: '',
      questions: [],
      file_code: 'IZMzin_071021_EDUC',
    });
    // Structure and comments stay; the earlier schema line is not doubled.
    expect(text.match(/yaml-language-server/g)).toHaveLength(1);
    expect(text).toContain('# Signature block and visa line at the end of the report.');
    expect(errorRules(await problemsOf(dir, result.file ?? ''))).toEqual([]);
  });

  it('--from leaves out the earlier meeting’s English topic and background, which were its own', async () => {
    const dir = exampleProject();
    const earlier = read(dir, EXAMPLE_MEETING).replace(/^topic: .*$/m, (line) => `${line}\ntopic_en: Equal access to education`).replace(/^background: \|$/m, 'background_en: |\n  The presidency devotes the debate to equal access.\nbackground: |');
    writeFileSync(join(dir, EXAMPLE_MEETING), earlier);
    const result = await newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība' } });
    const copy = parse(read(dir, result.file ?? ''));
    expect(copy.topic).toBe('Pieaugušo izglītība');
    expect(copy).not.toHaveProperty('topic_en');
    expect(copy).not.toHaveProperty('background_en');
  });

  it('--from keeps the earlier meeting’s clearance line in the comment only for the same ministries: over AM and FM it would name Labklājības ministrija', async () => {
    const dir = exampleProject();
    const same = await newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība' } });
    expect(read(dir, same.file ?? '')).toContain('# They are named in the last line: "… saskaņots ar Ārlietu ministriju un Labklājības ministriju."\nrequired_clearances: [AM, LM]');
    const other = await newMeeting({ cwd: dir, date: '2021-10-08', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība', clearances: ['AM', 'FM'] } });
    expect(read(dir, other.file ?? '')).toContain('# They are named in the last line: "… saskaņots ar …"\nrequired_clearances: [AM, FM]');
  });

  it('--from a meeting whose comment quotes the clearance line in „…“ drops its names for other ministries too', async () => {
    const quoted = exampleFile(EXAMPLE_MEETING).replace('"… saskaņots ar Ārlietu ministriju un Labklājības ministriju."', '„… saskaņots ar Ārlietu ministriju un Labklājības ministriju.“');
    expect(quoted).toContain('„… saskaņots ar Ārlietu ministriju un Labklājības ministriju.“\nrequired_clearances: [AM, LM]');
    const dir = exampleProject({ [EXAMPLE_MEETING]: quoted });
    const other = await newMeeting({ cwd: dir, date: '2021-10-08', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība', clearances: ['AM', 'FM'] } });
    expect(read(dir, other.file ?? '')).toContain('# They are named in the last line: „… saskaņots ar …“\nrequired_clearances: [AM, FM]');
  });

  it('--from a meeting with no comment above required_clearances takes other ministries without a word about it', async () => {
    const bare = exampleFile(EXAMPLE_MEETING).replace(/^# Ministries \(codes[^\n]*\n# They are named[^\n]*\n/m, '');
    expect(bare).toContain('\nrequired_clearances: [AM, LM]');
    const dir = exampleProject({ [EXAMPLE_MEETING]: bare });
    const other = await newMeeting({ cwd: dir, date: '2021-10-08', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība', clearances: ['AM', 'FM'] } });
    expect(other).toEqual({ file: 'meetings/2021-10-08-educ-informal.yaml', diagnostics: [], exitCode: 0 });
    const text = read(dir, other.file ?? '');
    expect(parse(text).required_clearances).toEqual(['AM', 'FM']);
    expect(text).not.toContain('saskaņots ar');
  });

  it('--from offers the earlier short name only where it fits the new mode: “tiešsaistes sanāksmē” for a videoconference, “sanāksmē” in person', async () => {
    const earlier = exampleFile(EXAMPLE_MEETING).replace('short_locative: sanāksmē', 'short_locative: tiešsaistes sanāksmē');
    const dir = exampleProject({ [EXAMPLE_MEETING]: earlier });
    const same = await newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība' } });
    expect(parse(read(dir, same.file ?? '')).name.short_locative).toBe('tiešsaistes sanāksmē');
    const name = { name: 'neformālā Eiropas Savienības izglītības ministru sanāksme', nameLocative: 'neformālajā Eiropas Savienības izglītības ministru sanāksmē' };
    const inPerson = await newMeeting({ cwd: dir, date: '2021-10-08', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība', mode: 'in-person', place: 'Lisabonā', ...name } });
    expect(parse(read(dir, inPerson.file ?? '')).name).toEqual({ nominative: name.name, locative: name.nameLocative, short_locative: 'sanāksmē' });
  });

  it('--from keeps who meets only for the same Council configuration: the education ministers are not the participants of AGRIFISH', async () => {
    const dir = exampleProject();
    // Nor the name, which names the education ministers too: asked for, not copied.
    await expect(newMeeting({ cwd: dir, date: '2021-10-07', slug: 'agrifish', from: EXAMPLE_MEETING, flags: { topic: 'Tirgus situācija', formation: 'AGRIFISH' } })).rejects.toThrow(
      /^Missing --name \(the earlier meeting was of another Council configuration, EYCS\)/,
    );
    const name = { name: 'neformālā ES lauksaimniecības un zivsaimniecības ministru tiešsaistes sanāksme', nameLocative: 'neformālajā ES lauksaimniecības un zivsaimniecības ministru tiešsaistes sanāksmē' };
    const other = await newMeeting({ cwd: dir, date: '2021-10-07', slug: 'agrifish', from: EXAMPLE_MEETING, flags: { topic: 'Tirgus situācija', formation: 'AGRIFISH', ...name } });
    const text = read(dir, other.file ?? '');
    expect(text).not.toContain('izglītības');
    expect(parse(text).formation).toBe('AGRIFISH');
    // The example's comment explained EYCS; above AGRIFISH it says what AGRIFISH is.
    expect(text).not.toContain('EYCS');
    expect(text).toContain('# Council configuration: AGRIFISH = Agriculture and Fisheries.\nformation: AGRIFISH');
    expect(text).not.toContain('participants');
    const same = await newMeeting({ cwd: dir, date: '2021-10-08', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība', formation: 'eycs' } });
    expect(parse(read(dir, same.file ?? '')).participants).toBe('ES izglītības ministri');
  });

  it('--from keeps a comment above formation that does not name the earlier configuration; one that does is replaced, with the generic one for a configuration not in the list', async () => {
    const dir = exampleProject();
    const name = { name: 'Eiropadomes sanāksme', nameLocative: 'Eiropadomes sanāksmē' };
    const earlier = read(dir, EXAMPLE_MEETING);
    const own = earlier.replace(/# Council configuration: EYCS[^\n]*\n[^\n]*\n/, '# Mūsu nodaļa raksta šeit konfigurāciju.\n');
    expect(own).not.toBe(earlier);
    writeFileSync(join(dir, 'meetings/own.yaml'), own);
    const kept = read(dir, (await newMeeting({ cwd: dir, date: '2021-10-07', slug: 'euco', from: 'meetings/own.yaml', flags: { topic: 'Tirgus', formation: 'EUCO', ...name } })).file ?? '');
    expect(kept).toContain('# Mūsu nodaļa raksta šeit konfigurāciju.\nformation: EUCO');
    const generic = read(dir, (await newMeeting({ cwd: dir, date: '2021-10-08', slug: 'euco', from: EXAMPLE_MEETING, flags: { topic: 'Tirgus', formation: 'EUCO', ...name } })).file ?? '');
    expect(generic).toContain('# Council configuration, e.g. EYCS (Education, Youth, Culture and Sport).\nformation: EUCO');
    // The earlier meeting's code written in small letters still names the configuration its comment explains.
    writeFileSync(join(dir, 'meetings/small.yaml'), earlier.replace('formation: EYCS', 'formation: eycs'));
    const agrifish = { name: 'ES lauksaimniecības un zivsaimniecības ministru sanāksme', nameLocative: 'ES lauksaimniecības un zivsaimniecības ministru sanāksmē' };
    const fromSmall = read(dir, (await newMeeting({ cwd: dir, date: '2021-10-09', slug: 'agrifish', from: 'meetings/small.yaml', flags: { topic: 'Tirgus', formation: 'AGRIFISH', ...agrifish } })).file ?? '');
    expect(fromSmall).toContain('# Council configuration: AGRIFISH = Agriculture and Fisheries.\nformation: AGRIFISH');
    expect(fromSmall).not.toContain('EYCS');
  });

  it('--from offers the earlier presidency only within its half-year, where the table of presidencies ends', async () => {
    const earlier = exampleFile(EXAMPLE_MEETING).replace(/^date: .*$/m, 'date: 2031-02-10').replace(/^presidency: .*$/m, 'presidency: Kipra');
    const dir = exampleProject({ 'meetings/2031-02-10-educ-informal.yaml': earlier });
    const from = 'meetings/2031-02-10-educ-informal.yaml';
    const same = await newMeeting({ cwd: dir, date: '2031-05-20', slug: 'educ-may', from, flags: { topic: 'T' } });
    expect(parse(read(dir, same.file ?? '')).presidency).toBe('Kipra');
    // Another half-year had another presidency: without a terminal, the flag is needed, and the error says why.
    await expect(newMeeting({ cwd: dir, date: '2031-09-20', slug: 'educ-sept', from, flags: { topic: 'T' } })).rejects.toThrow(
      "Missing --presidency (the earlier meeting's, Kipra, held it in another half-year)",
    );
    expect(existsSync(join(dir, 'meetings/2031-09-20-educ-sept.yaml'))).toBe(false);
  });

  it('--from with a new name does not keep the earlier name’s locative: the title would name the earlier meeting', async () => {
    const dir = exampleProject();
    const name = 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksme';
    const flags = { topic: 'Pieaugušo izglītība', kind: 'formal', mode: 'in-person', name };
    await expect(newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-council', from: EXAMPLE_MEETING, flags })).rejects.toThrow(/^Missing --name-locative:/);
    // On a terminal the question offers no earlier form either: Enter alone would keep it.
    const prompter = scriptedPrompter({ 'Name, locative': 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē', 'File code': 'IZMzin_071021_EDUC', 'Start time': '' });
    const asked = await newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-council', from: EXAMPLE_MEETING, flags, prompter });
    expect(parse(read(dir, asked.file ?? '')).name).toEqual({ nominative: name, locative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē', short_locative: 'sanāksmē' });
    // The same name keeps its locative.
    const same = await newMeeting({ cwd: dir, date: '2021-10-08', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība' } });
    expect(parse(read(dir, same.file ?? '')).name.locative).toBe('neformālajā Eiropas Savienības izglītības ministru tiešsaistes sanāksmē');
  });

  it('--from an informal videoconference with --kind formal or --mode in-person offers not the earlier name, which says the opposite, and says why', async () => {
    const dir = exampleProject();
    const flags = { topic: 'Pieaugušo izglītība', kind: 'formal', mode: 'in-person', place: 'Luksemburgā' };
    await expect(newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-council', from: EXAMPLE_MEETING, flags })).rejects.toThrow(
      'Missing --name (the earlier meeting\'s name says “neformālā” and “tiešsaistes”, which do not fit kind: formal, mode: in-person), --name-locative: standard input is not a terminal',
    );
    // Only the word that does not fit is named: an informal meeting in person may be "neformālā".
    await expect(newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { ...flags, kind: 'informal' } })).rejects.toThrow(
      /^Missing --name \(the earlier meeting's name says “tiešsaistes”, which does not fit mode: in-person\), --name-locative:/,
    );
    expect(existsSync(join(dir, 'meetings/2021-10-07-educ-council.yaml'))).toBe(false);
    // On a terminal the question says why it offers nothing; the name answered is the one written, with no earlier form.
    const name = 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksme';
    const prompter = scriptedPrompter({ 'Name of the meeting': name, 'Name, locative': `${name.slice(0, -1)}ē`, 'File code': 'IZMzin_071021_EDUC', 'Start time': '' });
    const asked = await newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-council', from: EXAMPLE_MEETING, flags, prompter });
    expect(prompter.asked).toContain(
      'Name of the meeting, nominative ("… notiks <name>") — the earlier meeting\'s name says “neformālā” and “tiešsaistes”, which do not fit kind: formal, mode: in-person',
    );
    expect(parse(read(dir, asked.file ?? '')).name).toEqual({ nominative: name, locative: `${name.slice(0, -1)}ē`, short_locative: 'sanāksmē' });
    expect((await problemsOf(dir, asked.file ?? '')).filter((d) => d.ruleId === 'meeting/name-kind-mismatch')).toEqual([]);
    // Kind and mode as the earlier meeting's: its name is offered, as before.
    const same = await newMeeting({ cwd: dir, date: '2021-10-08', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība' } });
    expect(parse(read(dir, same.file ?? '')).name.nominative).toBe('neformālā Eiropas Savienības izglītības ministru tiešsaistes sanāksme');
  });

  it('check warns of a name kept by hand that contradicts the meeting’s kind and mode, at those fields’ lines', async () => {
    const dir = exampleProject();
    const text = read(dir, EXAMPLE_MEETING).replace('kind: informal', 'kind: formal').replace('mode: videoconference', 'mode: in-person');
    writeFile(dir, 'meetings/2021-02-19-educ-formal.yaml', text.replace(/file_code: .*/, 'file_code: IZMzin_190221_EDUC_F'));
    const lineOf = (key: string) => text.split('\n').findIndex((line) => line.startsWith(`${key}:`)) + 1;
    const problems = (await problemsOf(dir, 'meetings/2021-02-19-educ-formal.yaml')).filter((d) => d.ruleId === 'meeting/name-kind-mismatch');
    expect(problems.map((d) => [d.line, d.severity, d.message])).toEqual([
      [lineOf('kind'), 'warning', 'The meeting is `kind: formal`, but its name says “neformālā”: the report\'s title and opening would describe another meeting.'],
      [lineOf('mode'), 'warning', 'The meeting is `mode: in-person`, but its name says “tiešsaistes”: the report\'s title and opening would describe another meeting.'],
    ]);
    // The example itself (informal, by videoconference) fits its name.
    expect((await problemsOf(dir, EXAMPLE_MEETING)).filter((d) => d.ruleId === 'meeting/name-kind-mismatch')).toEqual([]);
  });

  it('--from a position (or another file that is no meeting) is named as such in one message, nothing written', async () => {
    const dir = exampleProject();
    const result = await newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-informal', from: 'positions/educ/equity-reforms.yaml', flags: { topic: 'Pieaugušo izglītība' } });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => [d.file, d.ruleId, d.message, d.hint])).toEqual([
      ['positions/educ/equity-reforms.yaml', 'input/wrong-kind', 'This is a position, not a meeting: new meeting --from takes meeting files.', 'Start from a meeting file: one under meetings/, or examples/meeting.yaml.'],
    ]);
    expect(existsSync(join(dir, 'meetings/2021-10-07-educ-informal.yaml'))).toBe(false);
    // A file that is not there is missing, whatever folder its path names (it was called a position).
    await expect(newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-informal', from: 'positions/educ/gone.yaml', flags: { topic: 'Pieaugušo izglītība' } })).rejects.toThrow(
      'positions/educ/gone.yaml: no such file.',
    );
  });

  it('--from signs as the config says (who signs now), not as the earlier meeting was signed; its signatory only where the config has none', async () => {
    const formerMinister = exampleFile(EXAMPLE_MEETING).replace('name: I. Šuplinska', 'name: K. Šadurskis');
    const dir = exampleProject({ [EXAMPLE_MEETING]: formerMinister });
    const now = await newMeeting({ cwd: dir, date: '2021-10-07', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība' } });
    expect(parse(read(dir, now.file ?? '')).signature).toEqual({ role: 'Izglītības un zinātnes ministre', name: 'I. Šuplinska' });

    const unsigned = exampleProject({ [EXAMPLE_MEETING]: formerMinister, 'briefing.config.yaml': exampleFile('briefing.config.yaml').replace(/^signature: .*\n/m, '') });
    const then = await newMeeting({ cwd: unsigned, date: '2021-10-07', slug: 'educ-informal', from: EXAMPLE_MEETING, flags: { topic: 'Pieaugušo izglītība' } });
    expect(parse(read(unsigned, then.file ?? '')).signature).toEqual({ role: 'Izglītības un zinātnes ministre', name: 'K. Šadurskis' });
  });
});

describe('text pasted with letters written decomposed (a letter and a combining mark, as macOS and PDFs give them)', () => {
  it('is written composed: the file holds one form of each letter, as typed ones are', async () => {
    const dir = exampleProject();
    const flags = { ...MEETING_FLAGS, topic: 'Digitālā izglītība'.normalize('NFD'), signatureRole: 'Izglītības ministre'.normalize('NFD'), signatureName: 'I. Šuplinska'.normalize('NFD') };
    const meeting = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', flags });
    const text = read(dir, meeting.file ?? '');
    expect(text.normalize('NFC')).toBe(text);
    expect(parse(text)).toMatchObject({ topic: 'Digitālā izglītība', signature: { role: 'Izglītības ministre', name: 'I. Šuplinska' } });
    // Asked on a terminal, the answer is written composed too; and --dir names the folder that has the name, not a second one that looks the same.
    writeFile(dir, 'positions/izglītība/.keep', '');
    const prompter = scriptedPrompter({ 'The question': 'Kā stiprināt digitālās prasmes?'.normalize('NFD'), 'Ministry that owns': 'IZM', 'Department': 'Izglītības departaments'.normalize('NFD'), 'Ministries asked': 'AM' });
    const position = await newPosition({ cwd: dir, id: 'educ-digital', dir: 'izglītība'.normalize('NFD'), flags: {}, prompter });
    expect(position.file).toBe('positions/izglītība/educ-digital.yaml');
    const written = read(dir, position.file ?? '');
    expect(written.normalize('NFC')).toBe(written);
    expect(parse(written)).toMatchObject({ questions: ['Kā stiprināt digitālās prasmes?'], owner: { unit: 'Izglītības departaments' } });
  });

  it('new meeting --from a file with Windows line ends (CRLF, a byte-order mark) writes a file of one kind of line end, not CRLF and LF mixed', async () => {
    const dir = exampleProject();
    writeFile(dir, 'examples/windows.yaml', `\uFEFF${exampleFile(EXAMPLE_MEETING).replace(/\n/g, '\r\n')}`);
    const meeting = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', from: 'examples/windows.yaml', flags: MEETING_FLAGS });
    const text = read(dir, meeting.file ?? '');
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\uFEFF');
  });

  it('--dir names a folder already there that differs from it only in the letters\' composition or in case, not a second one beside it that looks the same (or is the same folder on Windows and macOS)', async () => {
    const dir = exampleProject();
    // Copied from a Mac (a zip, a USB stick), the folder's name is decomposed; typed on Linux or Windows, --dir is composed.
    const decomposed = 'izglītība'.normalize('NFD');
    writeFile(dir, `positions/${decomposed}/digital-skills.yaml`, exampleFile('positions/educ/equity-reforms.yaml').replace('id: equity-reforms', 'id: digital-skills'));
    const flags = { question: 'Kā stiprināt digitālās prasmes?', clearances: ['AM'] };
    const composed = await newPosition({ cwd: dir, id: 'educ-digital', dir: 'izglītība', flags });
    expect(composed.file).toBe(`positions/${decomposed}/educ-digital.yaml`);
    const upper = await newPosition({ cwd: dir, id: 'educ-basics', dir: 'EDUC', flags });
    expect(upper.file).toBe('positions/educ/educ-basics.yaml');
    const nested = await newPosition({ cwd: dir, id: 'educ-schools', dir: 'Izglītība/skolas', flags });
    expect(nested.file).toBe(`positions/${decomposed}/skolas/educ-schools.yaml`);
  });
});

describe('briefing new position', () => {
  it('names the schemas of the briefing package.json installs, before `npm install` has put it in node_modules', async () => {
    const dir = exampleProject({ 'package.json': JSON.stringify({ name: 'eu-briefings', private: true, devDependencies: { briefing: '^1.0.0' } }) });
    const meeting = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', flags: MEETING_FLAGS });
    expect(read(dir, meeting.file ?? '').split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/briefing/schema/meeting.schema.json');
    const position = await newPosition({ cwd: dir, id: 'educ-x', dir: 'educ/youth', flags: { question: 'Kā?' } });
    expect(read(dir, position.file ?? '').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../node_modules/briefing/schema/position.schema.json');
  });

  it('names the schemas of a briefing installed in a folder above the project (npm workspaces), where every checkout has it', () => {
    const workspace = tempDir();
    const tool = join(workspace, 'node_modules/briefing');
    for (const entry of ['bin', 'dist', 'package.json', 'templates', 'schema', 'ministries.yaml']) cpSync(join(REPO, entry), join(tool, entry), { recursive: true });
    writeFile(workspace, 'package.json', JSON.stringify({ private: true, workspaces: ['briefings'] }));
    const project = join(workspace, 'briefings');
    writeFile(project, 'package.json', JSON.stringify({ name: 'briefings', devDependencies: { briefing: '^1.0.0' } }));
    writeFile(project, 'briefing.config.yaml', exampleFile('briefing.config.yaml'));
    const flags = ['--topic', 'T', '--name', 'ES sanāksme', '--name-locative', 'ES sanāksmē', '--kind', 'formal', '--mode', 'in-person', '--formation', 'EYCS', '--clearances', 'AM'];
    const run = spawnSync(process.execPath, [join(tool, 'bin/briefing.js'), 'new', 'meeting', '2021-05-18', 'educ', ...flags], { cwd: project, encoding: 'utf8', input: '' });
    expect(run.stderr).toBe('');
    expect(read(project, 'meetings/2021-05-18-educ.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/briefing/schema/meeting.schema.json');
  });

  it('takes the question and ministries from the meeting that names it; the meeting then builds', async () => {
    const dir = exampleProject();
    await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', flags: MEETING_FLAGS });
    const meetingPath = 'meetings/2021-05-18-educ-council.yaml';
    writeFile(dir, meetingPath, read(dir, meetingPath).replace('questions: []', 'questions:\n  - text: Kā stiprināt digitālās prasmes?\n    position: educ-digital-skills'));
    expect(errorRules(await problemsOf(dir, meetingPath))).toEqual([
      'meeting/unknown-position Question 1 points to the position `educ-digital-skills`, which does not exist.',
    ]);

    const result = await newPosition({ cwd: dir, id: 'educ-digital-skills', dir: 'educ', flags: {} });
    expect(result.file).toBe('positions/educ/educ-digital-skills.yaml');
    const text = read(dir, result.file ?? '');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${relative(join(dir, 'positions/educ'), join(REPO, 'schema/position.schema.json'))}`);
    expect(parse(text)).toEqual({
      id: 'educ-digital-skills',
      version: 1,
      status: 'draft',
      owner: { ministry: 'IZM' },
      questions: ['Kā stiprināt digitālās prasmes?'],
      body: '',
      clearance: { AM: { status: 'pending' }, LM: { status: 'pending' } },
    });
    const problems = await problemsOf(dir, meetingPath);
    expect(errorRules(problems)).toEqual([]);
    expect(problems.map((d) => d.ruleId)).toEqual(['meeting/no-background', 'position/empty-answer', 'clearance/position-draft', 'clearance/missing', 'clearance/missing']);
  });

  it('offers on a terminal the ministries by the names they bear today: VARAM by its name since 2023', async () => {
    const scripted = scriptedPrompter({ 'The question': 'Kas?', 'Ministry that owns': 'VARAM', 'Department': '', 'Ministries asked': 'AM' });
    const offered: string[] = [];
    const prompter: typeof scripted = { ...scripted, select: async (question) => (offered.push(...question.choices.map((choice) => choice.name)), scripted.select(question)) };
    const result = await newPosition({ cwd: exampleProject(), id: 'climate', flags: {}, prompter, today: '2026-12-05' });
    expect(result.exitCode).toBe(0);
    expect(offered).toContain('VARAM – Viedās administrācijas un reģionālās attīstības ministrija');
  });

  it('needs --question when no meeting names the id and nothing can be asked', async () => {
    const dir = exampleProject();
    await expect(newPosition({ cwd: dir, id: 'lonely', flags: {} })).rejects.toThrow(/^Missing --question:/);
    const result = await newPosition({ cwd: dir, id: 'lonely', flags: { question: 'Kas?', unit: 'Departaments', owner: 'LM' } });
    expect(parse(read(dir, result.file ?? ''))).toMatchObject({ owner: { ministry: 'LM', unit: 'Departaments' }, clearance: {} });
  });

  it('asks, by default, the ministries the meetings require but the one that owns the position', async () => {
    const dir = exampleProject();
    rmSync(join(dir, 'positions/educ/equity-reforms.yaml'));
    // The meeting requires AM and LM; a position LM owns was written with `LM: pending` and a clearance/by-owner warning.
    const result = await newPosition({ cwd: dir, id: 'equity-reforms', flags: { owner: 'LM', unit: 'Departaments' } });
    expect(result.diagnostics).toEqual([]);
    expect(parse(read(dir, result.file ?? '')).clearance).toEqual({ AM: { status: 'pending' } });
  });

  it('warns at once of the owner among the ministries that clear the position (written all the same)', async () => {
    const dir = exampleProject();
    const result = await newPosition({ cwd: dir, id: 'own', flags: { question: 'Kas?', owner: 'IZM', clearances: ['AM', 'IZM'] } });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(dir, result.file ?? ''))).toBe(true);
    expect(result.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(['warning clearance/by-owner']);
    const other = await newPosition({ cwd: dir, id: 'others', flags: { question: 'Kas?', owner: 'IZM', clearances: ['AM', 'LM'] } });
    expect(other.diagnostics).toEqual([]);
  });

  it('takes ministry codes in any case, as clear -m does', async () => {
    const dir = exampleProject();
    const result = await newPosition({ cwd: dir, id: 'lonely', flags: { question: 'Kas?', owner: 'lm' } });
    expect(parse(read(dir, result.file ?? ''))).toMatchObject({ owner: { ministry: 'LM' } });
    const meeting = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', flags: { ...MEETING_FLAGS, clearances: ['am', 'Lm'], kind: 'FORMAL' } });
    expect(parse(read(dir, meeting.file ?? ''))).toMatchObject({ kind: 'formal', required_clearances: ['AM', 'LM'] });
    await expect(newMeeting({ cwd: dir, date: '2021-05-19', slug: 'x', flags: { ...MEETING_FLAGS, clearances: ['am', 'AM'] } })).rejects.toThrow('--clearances: `AM` is named twice; nothing written.');
  });

  it('refuses an id that is taken or malformed', async () => {
    const dir = exampleProject();
    await expect(newPosition({ cwd: dir, id: 'equity-reforms', flags: { question: 'X' } })).rejects.toThrow(
      'The position `equity-reforms` already exists: positions/educ/equity-reforms.yaml; nothing written.',
    );
    await expect(newPosition({ cwd: dir, id: 'Bad Id', flags: { question: 'X' } })).rejects.toThrow('`Bad Id` is not a usable position id: an id starts with a letter a–z or a digit, then letters a–z (no ā or š), digits, ".", "_" and "-".');
    // Only allowed characters, but a dash first: the message says where an id starts.
    await expect(newPosition({ cwd: dir, id: '-dash', flags: { question: 'X' } })).rejects.toThrow('`-dash` is not a usable position id: an id starts with a letter a–z or a digit');
    // Allowed characters, but a name Windows keeps for a device: the message says that, not which characters to use.
    await expect(newPosition({ cwd: dir, id: 'con', flags: { question: 'X' } })).rejects.toThrow('`con` is not a usable position id: Windows reserves this name for a device');
  });

  it('refuses a file name typed for the id or the slug (x.yaml would be written as x.yaml.yaml) and suggests what was meant', async () => {
    const dir = exampleProject();
    await expect(newPosition({ cwd: dir, id: 'educ-digital.yaml', flags: { question: 'X' } })).rejects.toMatchObject({
      message: '`educ-digital.yaml` is a file name: give the position id alone, without .yaml; the file is named after it.',
      hint: 'For example: briefing new position educ-digital',
    });
    expect(existsSync(join(dir, 'positions/educ-digital.yaml.yaml'))).toBe(false);
    // Latvian letters, capitals and spaces: the id they most likely meant.
    await expect(newPosition({ cwd: dir, id: 'Ēdināšana skolās', flags: { question: 'X' } })).rejects.toMatchObject({ hint: 'For example: edinasana-skolas' });
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'Izglītības-Padome.yml', flags: MEETING_FLAGS })).rejects.toMatchObject({
      message: '`Izglītības-Padome.yml` is not a usable name: use the letters a–z (no ā or š), digits and dashes, without .yml (the file is named <date>-<name>.yaml).',
      hint: 'For example: izglitibas-padome',
    });
  });

  it('refuses a --dir that Windows cannot hold (every clone must), with a name it can, and writes nothing', async () => {
    const dir = exampleProject();
    for (const [given, said, example] of [
      ['educ/a:b', 'the folder name `a:b` holds ":", which Windows does not allow in a name', 'educ/a-b'],
      ['educ ', 'the folder name `educ ` ends in a space or a dot, which Windows drops', 'educ'],
      ['NUL', 'the folder name `NUL` is a name Windows keeps for a device', 'educ'],
    ]) {
      await expect(newPosition({ cwd: dir, id: 'x', dir: given, flags: { question: 'X' } })).rejects.toMatchObject({
        message: `--dir: ${said}, so a colleague on Windows could not check out the repository; nothing written.`,
        hint: `Name the folder with letters, digits and dashes, e.g. \`--dir ${example}\`.`,
      });
    }
    expect(existsSync(join(dir, 'positions/educ/a:b'))).toBe(false);
    // Latvian letters and spaces Windows holds.
    expect((await newPosition({ cwd: dir, id: 'x', dir: 'Ārlietu mape', flags: { question: 'X' } })).file).toBe('positions/Ārlietu mape/x.yaml');
  });

  it('refuses an id or a slug too long for a file name (it was ENAMETOOLONG, or a file clear could not lock), writing nothing', async () => {
    const dir = exampleProject();
    await expect(newPosition({ cwd: dir, id: 'a'.repeat(240), flags: { question: 'X' } })).rejects.toMatchObject({
      message: `The position id is too long: its file name, ${'a'.repeat(40)}…, would be 245 bytes, and a file briefing writes and edits is named in at most 200; nothing written.`,
    });
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: `a${'-x'.repeat(100)}`, flags: MEETING_FLAGS })).rejects.toThrow(/^The name is too long/);
    // The longest that is taken can be cleared: its lock and temporary files fit beside it.
    const longest = 'a'.repeat(195);
    await newPosition({ cwd: dir, id: longest, flags: { question: 'X', clearances: ['AM'] } });
    expect(clear({ cwd: dir, position: longest, ministry: 'AM', date: '2021-03-10', status: 'pending' }).exitCode).toBe(0);
  });

  it('names the file that stands where --dir’s folder should be', async () => {
    const dir = exampleProject();
    await expect(newPosition({ cwd: dir, id: 'educ-new', dir: 'educ/equity-reforms.yaml', flags: { question: 'X' } })).rejects.toThrow(
      'positions/educ/equity-reforms.yaml/educ-new.yaml cannot be written: positions/educ/equity-reforms.yaml is a file, not a folder; nothing written.',
    );
  });

  it('names a --dir that is a symbolic link to nothing, or round to itself, as such, not by the system code (ENOENT, ELOOP)', async () => {
    const dir = exampleProject();
    symlinkSync('../../shared/positions', join(dir, 'positions/shared'));
    symlinkSync('round', join(dir, 'positions/round'));
    const hint = 'Point the link at the folder where it is now, or remove the link.';
    await expect(newPosition({ cwd: dir, id: 'educ-new', dir: 'shared/educ', flags: { question: 'X' } })).rejects.toMatchObject({
      message: 'positions/shared/educ/educ-new.yaml cannot be written: positions/shared is a symbolic link to ../../shared/positions, which does not exist; nothing written.',
      hint,
    });
    await expect(newPosition({ cwd: dir, id: 'educ-new', dir: 'round', flags: { question: 'X' } })).rejects.toMatchObject({
      message: 'positions/round/educ-new.yaml cannot be written: positions/round is a symbolic link to round, which leads back to itself; nothing written.',
      hint,
    });
  });
});

describe('a meeting without a signature', () => {
  it('is written without one when the config has none and no flag gives it; the report then warns, and --final refuses it', async () => {
    const config = exampleFile('briefing.config.yaml').replace(/^(signature|visa): .*\n/gm, '');
    const dir = exampleProject({ 'briefing.config.yaml': config });
    const result = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ-council', flags: MEETING_FLAGS });
    const text = read(dir, result.file ?? '');
    expect(parse(text)).not.toHaveProperty('signature');
    const meeting = exampleFile(EXAMPLE_MEETING).replace(/^signature:\n(  .*\n)+/m, '');
    writeFileSync(join(dir, EXAMPLE_MEETING), meeting);
    const draft = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
    expect(draft.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['meeting/no-signature', 'warning']]);
    const final = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: true });
    expect(final.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['meeting/no-signature', 'error']]);
    expect(final.exitCode).toBe(1);
  });
});

it('prints next steps that work when pasted: a path with spaces quoted, and found from the project root in a subfolder', () => {
  const dir = exampleProject();
  const sub = join(dir, 'positions/educ');
  const created = runCli(['new', 'position', 'sub-test', '--question', 'Jautājums', '--dir', 'izglītība ūdens'], sub);
  expect(created.status, created.stderr).toBe(0);
  const hint = created.stdout.split('\n').find((line) => line.trim().startsWith('briefing clear'));
  expect(hint?.trim()).toBe(`briefing clear 'positions/izglītība ūdens/sub-test.yaml' --ministry <code> --ref "…"`);
  // The hint's command, pasted in the same subfolder (its arguments as a shell splits them).
  const cleared = runCli(['clear', 'positions/izglītība ūdens/sub-test.yaml', '--ministry', 'AM'], sub);
  expect(cleared.status, cleared.stderr).toBe(0);
  expect(cleared.stdout).toContain('updated positions/izglītība ūdens/sub-test.yaml');
  // build and check take paths from the root too, as their messages print them.
  expect(runCli(['check', 'positions/educ/equity-reforms.yaml'], sub).stdout).toContain('Checked 0 meetings, 1 position');
  expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md'], sub).status).toBe(0);
  expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.md'))).toBe(true);
});

describe('the next steps new prints', () => {
  it('are commands that work from where new was typed, after -C too', () => {
    const outer = tempDir();
    cpSync(exampleProject(), join(outer, 'p1'), { recursive: true });
    const flags = ['--unit', 'U', '--question', 'Q', '--clearances', 'AM', '--dir', 'educ'];
    // It printed `briefing clear positions/educ/educ-x.yaml …`, which from here finds no project.
    const withC = runCli(['-C', 'p1', 'new', 'position', 'educ-x', ...flags], outer);
    expect(withC.status, withC.stderr).toBe(0);
    expect(withC.stdout).toContain('\n  briefing -C p1 clear positions/educ/educ-x.yaml --ministry <code> --ref "…"\n');
    expect(runCli(['-C', 'p1', 'clear', 'positions/educ/educ-x.yaml', '--ministry', 'AM'], outer).status).toBe(0);
    // -C to a folder inside the project: the same folder, and the path from the project's folder, which clear finds from there.
    const deeper = runCli(['-C', 'p1/positions', 'new', 'position', 'educ-y', ...flags], outer);
    expect(deeper.stdout).toContain('\n  briefing -C p1/positions clear positions/educ/educ-y.yaml --ministry <code> --ref "…"\n');
    expect(runCli(['-C', 'p1/positions', 'clear', 'positions/educ/educ-y.yaml', '--ministry', 'AM'], outer).status).toBe(0);
    // From the project's folder, as before.
    expect(runCli(['new', 'position', 'educ-z', ...flags], join(outer, 'p1')).stdout).toContain('\n  briefing clear positions/educ/educ-z.yaml --ministry <code>');
  });
});

it('says of a start time no clock shows (25.00, 9.75) that there is none, not only how a time is written', async () => {
  const dir = exampleProject();
  for (const time of ['25:00', '9.75', '24.00']) {
    await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: `t${time.replace(/\D/g, '')}`, flags: { ...MEETING_FLAGS, time } })).rejects.toThrow(/^--time: there is no \d+\.\d+ on a clock \(hours 0 to 23, minutes 00 to 59\): write the time as HH\.MM/);
  }
  await expect(newMeeting({ cwd: dir, date: '2021-05-18', slug: 'comma', flags: { ...MEETING_FLAGS, time: '10,00' } })).rejects.toThrow(/^--time: write the time as HH\.MM, e\.g\. 10\.00/);
});

it('does not suggest, for an id it cannot use, an id that is a position already: it names that file', async () => {
  const dir = exampleProject();
  // `equity-reforms ` (a space typed after it) was answered "For example: equity-reforms", which exists.
  await expect(newPosition({ cwd: dir, id: 'equity-reforms ', flags: {}, today: '2021-02-01' })).rejects.toMatchObject({
    hint: '`equity-reforms`, the id it comes nearest to, is a position already: positions/educ/equity-reforms.yaml. Choose another id, or edit that file.',
  });
  await expect(newPosition({ cwd: dir, id: 'Educ X', flags: {}, today: '2021-02-01' })).rejects.toMatchObject({ hint: 'For example: educ-x' });
});
