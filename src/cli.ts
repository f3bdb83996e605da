import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { countProblems, formatDiagnostic, paint, useColour } from './report/human.js';
import { ExitCode, UsageError } from './report/errors.js';
import { parseShard, type Shard } from './batch/shard.js';

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
  .configureOutput({ outputError: (text, write) => write(chalk.red(text)) });

program
  .command('build')
  .description('Build the report of each meeting as Markdown and DOCX; unchanged meetings are skipped.')
  .argument('[meetings...]', 'meeting files or glob patterns, e.g. meetings/2021-02-19-educ-informal.yaml')
  .option('-a, --all', 'build every meeting under the config’s meetings folder', false)
  .option('-o, --out <dir>', 'output folder (default: the config’s `output`, usually out/)')
  .addOption(new Option('-f, --format <formats>', 'comma-separated formats: md, docx (default: the config’s `formats`)').argParser(parseFormats))
  .option('--final', 'refuse to build unless every required ministry cleared every position', false)
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
  $ briefing build --all --shard 2/4 --json > report.json

Exit codes: 0 built, 1 problems in the data (nothing written for those meetings), 2 could not run.
SOURCE_DATE_EPOCH, when set, is the date stamped into the DOCX.`,
  )
  .action(async (inputs: string[], flags: BuildFlags) => {
    const { build } = await import('./commands/build.js');
    const { buildJson, formatOutcome, formatSummary } = await import('./report/build-summary.js');
    const progress = !flags.json && process.stderr.isTTY && !process.env.CI ? await progressLine() : undefined;
    const result = await build({
      cwd: globalCwd(),
      inputs,
      all: flags.all,
      final: flags.final,
      force: flags.force,
      ...(flags.out ? { out: flags.out } : {}),
      ...(flags.format ? { formats: flags.format } : {}),
      ...(flags.jobs ? { jobs: flags.jobs } : {}),
      ...(flags.shard ? { shard: flags.shard } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
      ...sourceDateEpoch(),
    });
    progress?.clear();
    process.exitCode = result.exitCode;
    if (flags.json) {
      console.log(buildJson(result));
      return;
    }
    const out = paint(stdoutColour);
    for (const meeting of result.meetings) {
      const line = formatOutcome(meeting, out);
      if (line) console.log(line);
    }
    for (const d of result.diagnostics) console.error(formatDiagnostic(d, chalk));
    console.error(chalk.dim(formatSummary(result, paint(false))));
  });

interface BuildFlags {
  all: boolean;
  out?: string;
  format?: ('md' | 'docx')[];
  final: boolean;
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
try {
  await program.parseAsync(process.argv);
} catch (error) {
  fail(error);
}
