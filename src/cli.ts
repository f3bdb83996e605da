import { Command, CommanderError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from './report/diagnostic.js';
import { countProblems, paint, useColour } from './report/human.js';
import { ExitCode, UsageError } from './report/errors.js';
import { reportProblems, type MessageFormat } from './report/reporter.js';

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
      today: localToday(),
    });
    await printProblems(result, 'human', console.error);
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
    const result = await check({ cwd: globalCwd(), paths, final: flags.final, today: localToday(), ...sourceDateEpoch() });
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

/** Today's date in the local time zone, YYYY-MM-DD: the clock is read here, at the edge. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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
