import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { countProblems, formatDiagnostic, paint, useColour } from './report/human.js';
import { ExitCode, UsageError } from './report/errors.js';

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
  .description('Build the report of each meeting as Markdown and DOCX.')
  .argument('<meetings...>', 'meeting files or glob patterns, e.g. meetings/2021-02-19-educ-informal.yaml')
  .option('-o, --out <dir>', 'output folder (default: the config’s `output`, usually out/)')
  .addOption(new Option('-f, --format <formats>', 'comma-separated formats: md, docx (default: the config’s `formats`)').argParser(parseFormats))
  .option('--final', 'refuse to build unless every required ministry cleared every position', false)
  .addHelpText(
    'after',
    `
Examples:
  $ briefing build meetings/2021-02-19-educ-informal.yaml
  $ briefing build 'meetings/2021-*.yaml' --out public/ --format docx
  $ briefing build meetings/2021-02-19-educ-informal.yaml --final

Exit codes: 0 built, 1 problems in the data (nothing written for those meetings), 2 could not run.
SOURCE_DATE_EPOCH, when set, is the date stamped into the DOCX.`,
  )
  .action(async (inputs: string[], flags: { out?: string; format?: ('md' | 'docx')[]; final: boolean }) => {
    const { build } = await import('./commands/build.js');
    const result = await build({
      cwd: globalCwd(),
      inputs,
      final: flags.final,
      ...(flags.out ? { out: flags.out } : {}),
      ...(flags.format ? { formats: flags.format } : {}),
      ...sourceDateEpoch(),
    });
    for (const d of result.diagnostics) console.error(formatDiagnostic(d, chalk));
    const out = paint(stdoutColour);
    for (const meeting of result.meetings) {
      if (meeting.status === 'built') {
        const mark = meeting.draft ? out.yellow(' (draft: not every clearance is in place)') : '';
        console.log(`${out.green('built')}  ${meeting.meeting} → ${meeting.outputs.join(', ')}${mark}`);
      } else {
        console.log(`${out.red('failed')} ${meeting.meeting}: nothing written`);
      }
    }
    const built = result.meetings.filter((m) => m.status === 'built').length;
    console.error(chalk.dim(`${built} of ${result.meetings.length} built; ${countProblems(result.diagnostics)}.`));
    process.exitCode = result.exitCode;
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
