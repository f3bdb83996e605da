import { Argument, Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './report/diagnostic.js';
import { countProblems, formatDiagnostic, paint, useColour } from './report/human.js';
import { ExitCode, UsageError } from './report/errors.js';
import { reportProblems, type MessageFormat } from './report/reporter.js';
import { parseShard, type Shard } from './batch/shard.js';
import type { NewFileResult } from './commands/new.js';
import type { Prompter } from './prompt/prompter.js';
import type { MeetingFlags } from './scaffold/meeting.js';
import type { PositionFlags } from './scaffold/position.js';

/**
 * The command line: flags → one typed options object → the command, imported lazily.
 * Only this file touches process.argv, the terminal and the exit code.
 */
const stdoutColour = useColour(process.stdout.isTTY, process.env);
const stderrColour = useColour(process.stderr.isTTY, process.env);
const chalk = paint(stderrColour);
let debug = false;

const program = new Command()
  .name('briefing')
  .description('Turns EU Council meeting files and cleared positions into a Latvian informative report (Markdown and DOCX).')
  .version(packageJson.version, '-v, --version')
  .option('-C, --cwd <dir>', 'run as if started in <dir>', process.cwd())
  .option('--debug', 'print stack traces of internal errors')
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(chalk.red(text)) })
  .addHelpText(
    'after',
    `
Examples:
  $ briefing new meeting 2021-05-18 educ-council
  $ briefing list --uncleared
  $ briefing build meetings/2021-02-19-educ-informal.yaml --watch`,
  );

program
  .command('build')
  .description('Build the report of each meeting as Markdown and DOCX; unchanged meetings are skipped.')
  .argument('[meetings...]', 'meeting files or glob patterns, e.g. meetings/2021-02-19-educ-informal.yaml')
  .option('-a, --all', 'build every meeting under the config’s meetings folder', false)
  .option('-o, --out <dir>', 'output folder (default: the config’s `output`, usually out/)')
  .addOption(new Option('-f, --format <formats>', 'comma-separated formats: md, docx (default: the config’s `formats`)').argParser(parseFormats))
  .option('--final', 'refuse to build unless every required ministry cleared every position', false)
  .option('-t, --template <name>', 'use this template instead of the meeting’s own (see `briefing templates`)')
  .option('-w, --watch', 'rebuild whenever the meeting, a position, a template or the config changes', false)
  .addOption(new Option('-j, --jobs <n>', 'worker threads for a batch (default: the number of cores)').argParser(parseJobs))
  .option('--force', 'rebuild meetings the cache (.briefing-cache/) says are unchanged', false)
  .addOption(new Option('--shard <i/n>', 'build only part i of n of the meetings (for a CI matrix)').argParser(parseShard))
  .option('--json', 'print a machine-readable report instead of text', false)
  .addHelpText(
    'after',
    `
Examples:
  $ briefing build meetings/2021-02-19-educ-informal.yaml
  $ briefing build 'meetings/2021-*.yaml' --out public/ --format docx
  $ briefing build meetings/2021-02-19-educ-informal.yaml --watch
  $ briefing build --all --shard 2/4 --json > report.json

Exit codes: 0 built, 1 problems in the data (nothing written for those meetings), 2 could not run.
SOURCE_DATE_EPOCH, when set, is the date stamped into the DOCX.`,
  )
  .action(async (inputs: string[], flags: BuildFlags) => {
    if (flags.watch) return watchMeeting(inputs, flags);
    const { build } = await import('./commands/build.js');
    const { buildJson, formatOutcome, formatSummary } = await import('./report/build-summary.js');
    const progress = !flags.json && process.stderr.isTTY && !process.env.CI ? await progressLine() : undefined;
    const result = await build({
      cwd: globalCwd(),
      inputs,
      all: flags.all,
      final: flags.final,
      force: flags.force,
      ...(flags.template ? { template: flags.template } : {}),
      ...(flags.out ? { out: flags.out } : {}),
      ...(flags.format ? { formats: flags.format } : {}),
      ...(flags.jobs ? { jobs: flags.jobs } : {}),
      ...(flags.shard ? { shard: flags.shard } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
      ...sourceDateEpoch(),
      today: today(),
    });
    progress?.clear();
    process.exitCode = result.exitCode;
    if (flags.json) {
      console.log(buildJson(result));
      // In GitHub Actions the problems still become annotations (on stderr, beside the JSON).
      await printProblems(result, 'json', () => undefined);
      return;
    }
    const out = paint(stdoutColour);
    for (const meeting of result.meetings) {
      const line = formatOutcome(meeting, out);
      if (line) console.log(line);
    }
    await printProblems(result, 'human', console.error);
    console.error(chalk.dim(formatSummary(result, paint(false))));
  });

const create = program
  .command('new')
  .description('Start a new meeting or position file: valid, commented, ready to fill in.')
  .addHelpText(
    'after',
    `
Examples:
  $ briefing new meeting 2021-05-18 educ-council
  $ briefing new meeting 2021-06-10 educ-informal --from meetings/2021-02-19-educ-informal.yaml --topic "…"
  $ briefing new position educ-digital-skills --question "Digitālās prasmes" --clearances AM,LM`,
  );

create
  .command('meeting')
  .description('Write meetings/<date>-<slug>.yaml; asks for what the flags leave out (on a terminal).')
  .argument('<date>', 'day of the meeting, YYYY-MM-DD')
  .argument('<slug>', 'short name for the file, e.g. educ-council')
  .option('--from <file>', 'copy the structure of an earlier meeting (questions and texts left empty)')
  .addOption(new Option('--kind <kind>', 'formal or informal').choices(['formal', 'informal']))
  .addOption(new Option('--mode <mode>', 'how it is held').choices(['in-person', 'videoconference']))
  .option('--time <HH.MM>', 'start time, e.g. 10.00')
  .option('--formation <text>', 'Council configuration, e.g. EYCS')
  .option('--participants <text>', 'who meets, e.g. "ES izglītības ministri"')
  .option('--presidency <text>', 'the presidency (default: the one in office on <date>)')
  .option('--topic <text>', 'topic of the discussion')
  .option('--name <text>', 'the meeting’s name, nominative')
  .option('--name-locative <text>', 'the meeting’s name, locative')
  .option('--short-locative <text>', 'short name, locative (default: sanāksmē)')
  .option('--clearances <codes>', 'ministries that must clear every position, e.g. AM,LM', parseCodes)
  .option('--file-code <code>', 'file code naming the output files (default: e.g. IZMzin_180521_EDUC)')
  .option('--template <name>', 'template (see `briefing templates`)')
  .addHelpText(
    'after',
    `
Examples:
  $ briefing new meeting 2021-05-18 educ-council
  $ briefing new meeting 2021-05-18 educ-council --formation EYCS --participants "ES izglītības ministri" \\
      --topic "Digitālā izglītība" --name "ES Izglītības, jaunatnes, kultūras un sporta padomes sanāksme" \\
      --name-locative "ES Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē" --clearances AM,LM
  $ briefing new meeting 2021-06-10 educ-informal --from meetings/2021-02-19-educ-informal.yaml --topic "…"

Without a terminal (CI, scripts) nothing is asked: a field with no flag and no default is an error (exit 2).`,
  )
  .action(async (date: string, slug: string, flags: { from?: string } & MeetingFlags) => {
    const { newMeeting } = await import('./commands/new.js');
    const { from, ...fields } = flags;
    const result = await newMeeting({ cwd: globalCwd(), date, slug, flags: fields, ...(from ? { from } : {}), ...(await terminalPrompter()) });
    reportNew(result, [
      'Next: write the background and the questions (each with the id of its position), then',
      '  briefing new position <id>     for each answer',
      `  briefing build ${result.file ?? ''} --watch`,
    ]);
  });

create
  .command('position')
  .description('Write positions/[<dir>/]<id>.yaml as a draft; asks for what the flags leave out (on a terminal).')
  .argument('<id>', 'position id, as the meeting’s questions name it')
  .option('--question <text>', 'the question it answers, in short (default: from a meeting that names <id>)')
  .option('--owner <code>', 'ministry that owns it (default: the issuing ministry)')
  .option('--unit <text>', 'department or unit')
  .option('--clearances <codes>', 'ministries asked to clear it (default: those the meetings require)', parseCodes)
  .option('--dir <folder>', 'sub-folder of the positions folder, e.g. educ')
  .addHelpText(
    'after',
    `
Examples:
  $ briefing new position educ-digital-skills
  $ briefing new position educ-digital-skills --dir educ --question "Digitālās prasmes" --clearances AM,LM
  $ briefing new position educ-teachers --unit "Izglītības departaments"`,
  )
  .action(async (id: string, flags: { dir?: string } & PositionFlags) => {
    const { newPosition } = await import('./commands/new.js');
    const { dir, ...fields } = flags;
    const result = await newPosition({ cwd: globalCwd(), id, flags: fields, ...(dir ? { dir } : {}), ...(await terminalPrompter()) });
    reportNew(result, [
      'Next: write the answer under `body: |`, then record each clearance as it arrives:',
      `  briefing clear ${result.file ?? ''} --ministry <code> --ref "…"`,
    ]);
  });

/** The terminal prompter, only when a person can answer: never in CI or a pipe. */
async function terminalPrompter(): Promise<{ prompter?: Prompter }> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return {};
  const { inquirerPrompter } = await import('./prompt/inquirer.js');
  return { prompter: inquirerPrompter };
}

function reportNew(result: NewFileResult, next: string[]): void {
  for (const d of result.diagnostics) console.error(formatDiagnostic(d, chalk));
  if (result.file) {
    console.log(`${paint(stdoutColour).green('created')} ${result.file}`);
    console.log(next.join('\n'));
  }
  process.exitCode = result.exitCode;
}

function parseCodes(value: string): string[] {
  return value.split(',').map((code) => code.trim()).filter(Boolean);
}

program
  .command('clear')
  .description('Record a ministry’s clearance of a position (or its withdrawal), keeping the file’s comments and layout.')
  .argument('<position>', 'position file (or id)')
  .requiredOption('-m, --ministry <code>', 'the ministry that answered, e.g. AM')
  .option('-d, --date <YYYY-MM-DD>', 'day of the answer (default: today)')
  .option('-r, --ref <text>', 'the record: letter number or e-mail')
  .option('--note <text>', 'anything a reviewer should know')
  .option('--withdraw', 'record that the ministry withdrew its clearance', false)
  .addHelpText(
    'after',
    `
Examples:
  $ briefing clear positions/educ/equity-reforms.yaml --ministry AM --ref "ĀM e-pasts, 15.02.2021."
  $ briefing clear equity-reforms --ministry LM --date 2021-02-17
  $ briefing clear equity-reforms --ministry AM --withdraw --note "Jāprecizē 2. punkts"

Changes only clearance.<code>: never status or version. Prints each field it changed.`,
  )
  .action(async (position: string, flags: { ministry: string; date?: string; ref?: string; note?: string; withdraw: boolean }) => {
    const { clear } = await import('./commands/clear.js');
    const result = clear({
      cwd: globalCwd(),
      position,
      ministry: flags.ministry,
      date: flags.date ?? today(),
      withdraw: flags.withdraw,
      ...(flags.ref !== undefined ? { ref: flags.ref } : {}),
      ...(flags.note !== undefined ? { note: flags.note } : {}),
    });
    for (const d of result.diagnostics) console.error(formatDiagnostic(d, chalk));
    const out = paint(stdoutColour);
    if (result.exitCode === ExitCode.ok) {
      console.log(result.written ? `${out.green('updated')} ${result.file}` : `${result.file}: already recorded, nothing changed`);
      const width = Math.max(0, ...result.changes.map((c) => c.field.length));
      for (const c of result.changes) console.log(`  ${c.field.padEnd(width)}  ${c.before ?? '–'} → ${c.after}`);
      for (const note of result.notes) console.log(out.dim(note));
    }
    process.exitCode = result.exitCode;
  });

/** Today in the local time zone, YYYY-MM-DD: the clock is read here, at the edge. */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

program
  .command('list')
  .description('List positions (clearances, meetings, last change in git) or meetings (progress, output).')
  .addArgument(new Argument('[what]', 'positions or meetings').choices(['positions', 'meetings']).default('positions'))
  .addOption(new Option('--status <status>', 'positions with this status').choices(['draft', 'cleared']))
  .option('--uncleared', 'only what still waits for a clearance', false)
  .option('--meeting <file>', 'only the positions this meeting uses')
  .option('--json', 'print JSON instead of a table', false)
  .addHelpText(
    'after',
    `
Examples:
  $ briefing list --uncleared
  $ briefing list positions --meeting meetings/2021-02-19-educ-informal.yaml
  $ briefing list meetings --json`,
  )
  .action(async (what: 'positions' | 'meetings', flags: { status?: 'draft' | 'cleared'; uncleared: boolean; meeting?: string; json: boolean }) => {
    const { list } = await import('./commands/list.js');
    const { formatMeetings, formatPositions } = await import('./list/format.js');
    const result = await list({ cwd: globalCwd(), what, uncleared: flags.uncleared, ...(flags.status ? { status: flags.status } : {}), ...(flags.meeting ? { meeting: flags.meeting } : {}) });
    for (const d of result.diagnostics) console.error(formatDiagnostic(d, chalk));
    const width = process.stdout.isTTY ? Math.max(60, process.stdout.columns) : 80;
    if (flags.json) console.log(JSON.stringify(result.rows, null, 2));
    else console.log((result.what === 'positions' ? formatPositions(result.rows, width) : formatMeetings(result.rows, width)).join('\n'));
    process.exitCode = result.exitCode;
  });

/** `build --watch`: hands over to src/watch/ and prints what each rebuild says, until Ctrl-C. */
async function watchMeeting(inputs: string[], flags: { out?: string; format?: ('md' | 'docx')[]; final: boolean; template?: string }): Promise<void> {
  const [meeting, ...more] = inputs;
  if (meeting === undefined || more.length) throw new UsageError('--watch follows one meeting file.', 'For example: briefing build meetings/2021-05-18-educ-council.yaml --watch');
  const { watchBuild } = await import('./watch/watch-build.js');
  const { formatWatchEvent } = await import('./watch/format.js');
  const out = paint(stdoutColour);
  const watcher = await watchBuild({
    cwd: globalCwd(),
    meeting,
    final: flags.final,
    ...(flags.out ? { out: flags.out } : {}),
    ...(flags.format ? { formats: flags.format } : {}),
    ...(flags.template ? { template: flags.template } : {}),
    ...sourceDateEpoch(),
    onEvent(event) {
      const time = new Date().toTimeString().slice(0, 8);
      for (const line of formatWatchEvent(event, meeting, time, out)) (line.stream === 'out' ? console.log : console.error)(line.text);
    },
  });
  console.log(out.dim('Watching for changes; press Ctrl-C to stop.'));
  await new Promise<void>((stop) => process.once('SIGINT', () => stop()));
  await watcher.close();
  process.exitCode = ExitCode.ok;
}

program
  .command('templates')
  .description('List the templates a meeting’s `template:` (or build --template) can choose.')
  .option('--json', 'print JSON', false)
  .addHelpText(
    'after',
    `
Examples:
  $ briefing templates
  $ briefing build meetings/2021-02-19-educ-informal.yaml --template informative-report.en

Your own templates go in the folder named by paths.templates in briefing.config.yaml (default templates/),
as <name>.md.hbs, with their partials in templates/partials/; a name used by a built-in template replaces it.`,
  )
  .action(async (flags: { json: boolean }) => {
    const { templates } = await import('./commands/templates.js');
    const found = templates({ cwd: globalCwd() });
    if (flags.json) return console.log(JSON.stringify(found, null, 2));
    const width = Math.max(...found.map((t) => t.name.length));
    for (const t of found) {
      const origin = t.source === 'built-in' ? 'built-in' : t.overrides ? `${t.path}, replaces the built-in one` : t.path;
      console.log(`${t.name.padEnd(width)}  ${t.description || '(no description)'} ${paint(stdoutColour).dim(`(${origin})`)}`);
    }
  });

program
  .command('completion')
  .description('Print a shell completion script for bash, zsh or fish.')
  .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
  .addHelpText(
    'after',
    `
Examples:
  $ briefing completion bash > ~/.local/share/bash-completion/completions/briefing
  $ briefing completion zsh > "\${fpath[1]}/_briefing"
  $ briefing completion fish > ~/.config/fish/completions/briefing.fish`,
  )
  .action(async (shell: 'bash' | 'zsh' | 'fish') => {
    const { completion } = await import('./commands/completion.js');
    process.stdout.write(completion(program, shell));
  });

program
  .command('diff')
  .description('Show what changed in a position or a whole report between two versions.')
  .argument('<files...>', 'a meeting or position file (compared between revisions), or two files (compared with each other)')
  .option('--from <rev>', 'older version: a git revision (default: HEAD)')
  .option('--to <rev>', 'newer version: a git revision (default: the working tree)')
  .option('--since <manifest>', 'older version: the inputs of the build that wrote this <file_code>.manifest.json')
  .addOption(new Option('-f, --format <format>', 'terminal, md, docx or json (default: terminal on a terminal, else md; or from --out’s extension)').choices(['terminal', 'md', 'docx', 'json']))
  .option('--stat', 'one line per position instead of the text', false)
  .option('-o, --out <file>', 'write the output to a file instead of printing it')
  .option('--author <name>', 'author of the tracked changes in the DOCX (default: the newer revision’s author)')
  .option('--whitespace', 'count changes of whitespace alone', false)
  .addHelpText(
    'after',
    `
Examples:
  $ briefing diff positions/educ/equity-achievements.yaml --from HEAD~1
  $ briefing diff meetings/2021-02-19-educ-informal.yaml --from HEAD~1 --format docx --out review.docx
  $ briefing diff meetings/2021-02-19-educ-informal.yaml --since out/IZMzin_190221_EDUC.manifest.json --stat
  $ briefing diff old.yaml new.yaml --format md

Exit codes: 0 no changes, 1 changes found, 2 could not compare.`,
  )
  .action(async (files: string[], flags: DiffFlags) => {
    const { diff } = await import('./commands/diff.js');
    const format = flags.format ?? formatOf(flags.out) ?? (process.stdout.isTTY ? 'terminal' : 'md');
    if (format === 'docx' && !flags.out && process.stdout.isTTY) {
      throw new UsageError('A DOCX is not for the terminal.', 'Add --out review.docx (or redirect the output to a file).');
    }
    const result = await diff({
      cwd: globalCwd(),
      files,
      format,
      stat: flags.stat,
      whitespace: flags.whitespace,
      colour: stdoutColour,
      ...(flags.from ? { from: flags.from } : {}),
      ...(flags.to ? { to: flags.to } : {}),
      ...(flags.since ? { since: flags.since } : {}),
      ...(flags.author ? { author: flags.author } : {}),
      ...(flags.out ? { out: flags.out } : {}),
      ...sourceDateEpoch(),
    });
    for (const d of result.diagnostics) console.error(formatDiagnostic(d, chalk));
    if (result.output !== undefined) process.stdout.write(result.output);
    if (result.written) console.error(chalk.dim(`wrote ${result.written}`));
    process.exitCode = result.exitCode;
  });

interface DiffFlags {
  from?: string;
  to?: string;
  since?: string;
  format?: 'terminal' | 'md' | 'docx' | 'json';
  stat: boolean;
  out?: string;
  author?: string;
  whitespace: boolean;
}

function formatOf(out: string | undefined): 'md' | 'docx' | 'json' | undefined {
  const extension = out?.toLowerCase().split('.').at(-1);
  return extension === 'docx' || extension === 'json' || extension === 'md' ? extension : undefined;
}

program
  .command('check')
  .description('Check meetings, positions, the ministries registry, the config and templates, as build would; write nothing.')
  .argument('[paths...]', 'files, folders or glob patterns to check (default: the whole project)')
  .addOption(new Option('--format <format>', 'how to print the problems').choices(['human', 'json']).default('human'))
  .option('--final', 'check as build --final would: every required clearance must be in place', false)
  .addHelpText(
    'after',
    `
Examples:
  $ briefing check
  $ briefing check meetings/2021-02-19-educ-informal.yaml --final
  $ briefing check positions/ --format json

Exit codes: 0 no errors (warnings allowed), 1 problems in the data, 2 could not run.
With GITHUB_ACTIONS=true, problems are also printed as GitHub annotations.`,
  )
  .action(async (paths: string[], flags: { format: 'human' | 'json'; final: boolean }) => {
    const { check } = await import('./commands/check.js');
    const result = await check({ cwd: globalCwd(), paths, final: flags.final, today: today(), ...sourceDateEpoch() });
    await printProblems(result, flags.format, console.log);
    if (flags.format === 'human') {
      const { meetings, positions, templates } = result.checked;
      const counted = [count(meetings.length, 'meeting'), count(positions.length, 'position'), count(templates.length, 'template')];
      console.log(paint(stdoutColour).dim(`Checked ${counted.join(', ')}: ${countProblems(result.diagnostics)}.`));
    }
    process.exitCode = result.exitCode;
  });

program
  .command('schema')
  .description('Print the JSON Schema of one kind of file, as committed under schema/ for editors.')
  .argument('<kind>', 'meeting, position, ministries or config')
  .action(async (kind: string) => {
    const { schema } = await import('./commands/schema.js');
    process.stdout.write(schema({ kind }).text);
  });

/**
 * Prints problems the same way for every command: the report through `write`, and in
 * GitHub Actions the annotations too (on stderr when stdout carries JSON).
 */
async function printProblems(
  result: { diagnostics: readonly Diagnostic[]; exitCode: number; checked?: Record<string, string | string[]> },
  format: MessageFormat,
  write: (line: string) => void,
): Promise<void> {
  const root = await projectRootOrCwd();
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const { report, annotations } = reportProblems(result, {
    format,
    chalk: write === console.log ? paint(stdoutColour) : chalk,
    env: process.env,
    workspacePath: (file) => {
      const absolute = resolve(root, file);
      return existsSync(absolute) ? relative(workspace, absolute).split(sep).join('/') : undefined;
    },
  });
  for (const line of report) write(line);
  for (const line of annotations) (format === 'json' ? console.error : console.log)(line);
}

async function projectRootOrCwd(): Promise<string> {
  try {
    const { findProjectRoot } = await import('./load/project.js');
    return findProjectRoot(globalCwd());
  } catch {
    return globalCwd();
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}



interface BuildFlags {
  all: boolean;
  out?: string;
  format?: ('md' | 'docx')[];
  final: boolean;
  template?: string;
  watch: boolean;
  jobs?: number;
  force: boolean;
  shard?: Shard;
  json: boolean;
}

/** A progress line on the terminal (stderr), redrawn at most every 100 ms. */
async function progressLine() {
  const { formatProgress } = await import('./report/progress.js');
  const started = Date.now();
  let drawn = 0;
  return {
    update(state: { done: number; total: number; meeting: string }) {
      const now = Date.now();
      if (state.total < 2 || (now - drawn < 100 && state.done < state.total)) return;
      drawn = now;
      const width = (process.stderr.columns || 80) - 1;
      process.stderr.write(`\r${formatProgress({ ...state, elapsedMs: now - started }, width)}\x1b[K`);
    },
    clear() {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}

function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs needs a whole number of threads, at least 1, not \`${value}\`.`);
  return Number(value);
}
function globalCwd(): string {
  const value: unknown = program.opts().cwd;
  return typeof value === 'string' ? value : process.cwd();
}

function parseFormats(value: string): ('md' | 'docx')[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const result: ('md' | 'docx')[] = [];
  for (const format of formats) {
    if (format !== 'md' && format !== 'docx') throw new UsageError(`Unknown format \`${format}\`.`, 'Use md, docx or md,docx.');
    result.push(format);
  }
  if (!result.length) throw new UsageError('No format given.', 'Use md, docx or md,docx.');
  return result;
}

function sourceDateEpoch(): { sourceDateEpoch?: number } {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return {};
  if (!/^\d+$/.test(raw)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not \`${raw}\`.`);
  return { sourceDateEpoch: Number(raw) };
}

/** Turns any failure into a one-line message and exit code 2; no stack trace unless --debug. */
function fail(error: unknown): void {
  if (error instanceof CommanderError) {
    const fine = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    process.exitCode = fine ? ExitCode.ok : ExitCode.failure;
    return;
  }
  if (error instanceof UsageError) {
    console.error(`${chalk.red('briefing:')} ${error.message}${error.hint ? `\n  ${chalk.dim(error.hint)}` : ''}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${chalk.red('briefing: internal error:')} ${message}`);
    if (debug && error instanceof Error && error.stack) console.error(error.stack);
    else console.error(chalk.dim('  Run with --debug for the stack trace, and report it as a bug.'));
  }
  process.exitCode = ExitCode.failure;
}

debug = process.argv.includes('--debug');
// A reader that stops early (`briefing check | head`) ends the output quietly, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error instanceof Error && 'code' in error && error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    throw error;
  });
}
try {
  await program.parseAsync(process.argv);
} catch (error) {
  fail(error);
}
