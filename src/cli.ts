import { Command, CommanderError, Help } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import packageJson from '../package.json' with { type: 'json' };
import { registerBuild } from './cli/build.js';
import { registerCheck } from './cli/check.js';
import { registerClear } from './cli/clear.js';
import { registerCompletion } from './cli/completion.js';
import { registerDiff } from './cli/diff.js';
import { registerInit } from './cli/init.js';
import { nonEmpty, refuseRepeatedOptions } from './cli/flags.js';
import { hintFromHere, terminalIo } from './cli/io.js';
import { formatHelpItem, helpNotes } from './cli/help-notes.js';
import { registerImport } from './cli/import.js';
import { registerList } from './cli/list.js';
import { registerNew } from './cli/new.js';
import { registerReferenceDocx } from './cli/reference-docx.js';
import { registerReview } from './cli/review.js';
import { registerSchema } from './cli/schema.js';
import { registerServer } from './cli/server-command.js';
import { registerTemplates } from './cli/templates.js';
import { ExitCode, UsageError } from './diagnostics/errors.js';
import { oneLine } from './diagnostics/human.js';
import { diagnostic, type Diagnostic } from './diagnostics/diagnostic.js';
import { formatJsonReport } from './diagnostics/json.js';
import { suggest } from './util/suggest.js';

export { serve } from './cli/server.js';
export { workDone } from './cli/work-done.js';

/**
 * The command line: the program, its global options and its commands (one module each
 * under src/cli/), and the one place that turns failures into messages and exit codes.
 * Only this file and src/cli/ touch the command line, the terminal and the exit code.
 *
 * `main` runs one command line (the words after `briefing`) and leaves its exit code in
 * `process.exitCode`; bin/load.cjs calls it once per process, and the resident server
 * (src/cli/server.ts, docs/server.md) once per command it is sent.
 */
export async function main(args: readonly string[]): Promise<void> {
  const program = new Command();
  const io = terminalIo(program, args);
  const debug = args.includes('--debug');

  program
    .name('briefing')
    .description('Turns EU Council meeting files and cleared positions into a Latvian informative report (Markdown, DOCX and PDF).')
    .version(packageJson.version, '-v, --version')
    .option('-C, --cwd <dir>', 'run as if started in <dir> (default: the current folder)', nonEmpty('--cwd', 'a folder'))
    .option('--debug', 'print stack traces of internal errors')
    .option('--color', 'colours even when the output is not a terminal (a CI log that shows them)')
    .option('--no-color', 'no colours, even on a terminal (as NO_COLOR=1)')
    .showSuggestionAfterError(true)
    // A flag is off unless given: "(default: false)" after each says nothing (commands inherit this).
    .configureHelp({ optionDescription: (option) => new Help().optionDescription(option).replace(' (default: false)', ''), formatItem: formatHelpItem })
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(usageMistake(text)) })
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing build meetings/2021-02-19-educ-informal.yaml
  $ briefing check
  $ briefing diff positions/educ/equity-achievements.yaml --from HEAD~1
  $ briefing new meeting 2021-05-18 educ-council

Plain output (a screen reader, Emacs' shell): with TERM=dumb, new and init ask each question on a line of its own, its choices numbered, and nothing is coloured or redrawn (no progress line); NO_COLOR=1 (or --no-color) turns colours off alone, as nothing is told by colour alone; list --json names each clearance's state in words. More in the README, "Reading the output".`),
    );

  // In the order help lists them: the daily flow first, then the helpers.
  registerInit(program, io);
  registerBuild(program, io);
  registerCheck(program, io);
  registerDiff(program, io);
  registerNew(program, io);
  registerClear(program, io);
  registerReview(program, io);
  registerImport(program, io);
  registerList(program, io);
  registerTemplates(program, io);
  registerSchema(program);
  registerReferenceDocx(program, io);
  registerCompletion(program, io);
  registerServer(program, io);
  refuseRepeatedOptions(program);

  /**
   * A mistake commander found on the command line (`error: unknown option '--formatt'` and its
   * `(Did you mean --format?)`), in the form of every other message: `briefing:`, then a hint.
   */
  function usageMistake(text: string): string {
    const { message, hint } = usageMistakeParts(text);
    return `${io.err.red('briefing:')} ${message}\n  ${io.err.dim(hint)}\n`;
  }

  /** Commander's text of a mistake as a message and a hint: what the terminal shows, and the JSON report carries. */
  function usageMistakeParts(text: string): { message: string; hint: string } {
    const [first = '', ...rest] = text.trim().split('\n');
    const suggestion = rest.map((line) => line.trim().replace(/^\((.*)\)$/, '$1')).filter(Boolean).join(' ');
    // build and list print JSON with --json; check, with problems only to report, with --format json.
    const meant = meantFlagHint(first, args);
    const file = fileTakenForOption(first, io.cwd(), commandPath(program, args));
    const hint = file || suggestion || meant || nearestChoice(first) || `See ${['briefing', ...commandPath(program, args), '--help'].join(' ')}.`;
    return { message: first.replace(/^error: /, ''), hint };
  }

  /** Turns any failure into a one-line message and exit code 2; no stack trace unless --debug. */
  async function fail(error: unknown): Promise<void> {
    if (error instanceof CommanderError) {
      // Help asked for is done (0); help shown for a command line missing its command (`briefing`, `briefing new`) is a usage mistake (2).
      const fine = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || (error.code === 'commander.help' && error.exitCode === 0);
      process.exitCode = fine ? ExitCode.ok : ExitCode.failure;
      if (!fine) {
        const { message, hint } = usageMistakeParts(error.message);
        await printJsonFailure(args, diagnostic('(command line)', undefined, 'error', 'input/usage', message, hint));
      }
      return;
    }
    const chalk = io.err;
    // Its commands as typed from where briefing was, as a problem's hint gives them.
    const hint = error instanceof UsageError ? await hintFromHere(io, error.hint) : undefined;
    if (error instanceof UsageError) await printJsonFailure(args, diagnostic('(command line)', undefined, 'error', 'input/usage', error.message, hint));
    else await printJsonFailure(args, diagnostic('.', undefined, 'error', 'internal/error', `Internal error: ${error instanceof Error ? error.message : String(error)}`, 'Run with --debug for the stack trace, and report it as a bug.'));
    if (error instanceof UsageError) {
      console.error(`${chalk.red('briefing:')} ${oneLine(error.message)}${hint ? `\n  ${chalk.dim(oneLine(hint))}` : ''}`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`${chalk.red('briefing: internal error:')} ${oneLine(message)}`);
      if (debug && error instanceof Error && error.stack) console.error(error.stack);
      else console.error(chalk.dim('  Run with --debug for the stack trace, and report it as a bug.'));
    }
    process.exitCode = (error instanceof UsageError ? error.exitCode : undefined) ?? ExitCode.failure;
  }

  const unknownTopic = unknownHelpTopic(program, args);
  await (unknownTopic ? Promise.reject(unknownTopic) : program.parseAsync(args, { from: 'user' })).catch(fail);
}

/**
 * `briefing help <word>` for a word that is no command: the mistake and the nearest command, as
 * `briefing <word>` says them. Commander printed the whole help on stderr (exit 2) and not a word of
 * what was wrong, so `briefing help bild` looked like the help asked for, but failed a script.
 */
function unknownHelpTopic(program: Command, args: readonly string[]): UsageError | undefined {
  const at = commandIndex(args);
  const topic = at === undefined || args[at] !== 'help' ? undefined : args[at + 1];
  if (topic === undefined || topic.startsWith('-')) return undefined;
  const names = program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
  if (names.includes(topic) || topic === 'help') return undefined;
  const nearest = suggest(topic, names);
  return new UsageError(`unknown command '${topic}'`, nearest ? `Did you mean \`briefing help ${nearest}\`?` : 'See briefing --help for the commands.');
}

/**
 * The names of the command and subcommand a command line runs (`['new', 'meeting']`), as help is
 * asked for them; a global option's value (`-C build`) is no command.
 */
function commandPath(program: Command, args: readonly string[]): string[] {
  const names: string[] = [];
  let command = program;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (command === program && GLOBAL_WITH_VALUE.has(arg)) index++;
    const sub = command.commands.find((one) => one.name() === arg || one.aliases().includes(arg));
    if (sub === undefined) continue;
    names.push(sub.name());
    command = sub;
  }
  return names;
}

/**
 * The flag meant, when one of another command was typed: the flag that prints JSON (`check` has
 * `--format json`, as its human output is a format too; `list` and `templates` have `--json`), and
 * clear's flags for an answer other than cleared, typed as the position file writes it (`--status objected`).
 */
function meantFlagHint(mistake: string, args: readonly string[]): string | undefined {
  if (mistake === "error: unknown option '--json'" && args.includes('check')) return 'check prints JSON with --format json.';
  // `clear --status objected`, as the position file writes the answer: clear takes it as a flag.
  if (/^error: unknown option '--(status|state)(=.*)?'$/.test(mistake) && args.includes('clear')) {
    return 'clear takes the answer as a flag: none for cleared, --pending, --object or --withdraw (e.g. --object --note "what it objects to").';
  }
  const other = ['list', 'templates'].find((command) => args.includes(command));
  return other !== undefined && /^error: unknown option '--format(=.*)?'$/.test(mistake) ? `${other} prints JSON with --json.` : undefined;
}

/**
 * The hint for a value that is none of an option's or argument's choices (`list meetngs`, `--kind
 * formel`): the nearest choice, which commander does not offer for values as it does for flags.
 */
function nearestChoice(mistake: string): string | undefined {
  const found = /argument '(.*)' is invalid\. Allowed choices are (.*)\.$|value '(.*)' is invalid for argument '.*'\. Allowed choices are (.*)\.$/.exec(mistake);
  const value = found?.[1] ?? found?.[3];
  const choices = (found?.[2] ?? found?.[4])?.split(', ');
  if (value === undefined || choices === undefined) return undefined;
  // A choice cut short (`server stat`) is that choice, though another is fewer letters away (start).
  const started = choices.filter((choice) => value !== '' && choice.startsWith(value));
  const nearest = started.length === 1 ? started[0] : suggest(value, choices);
  return nearest === undefined ? undefined : `Did you mean ${nearest}?`;
}

/**
 * The hint for an "unknown option" that is the name of a file in `cwd` (`check -x.yaml`): how to name
 * it so that it is read as a file (`command`: the words of the command it was given to). The nearest flag was no help there, or none was offered.
 */
function fileTakenForOption(mistake: string, cwd: string, command: readonly string[]): string | undefined {
  const name = /^error: unknown option '(-[^=]*)'$/.exec(mistake)?.[1];
  if (name === undefined || !existsSync(resolve(cwd, name))) return undefined;
  return `${name} is a file here: name it ./${name}, or put -- before the files (${['briefing', ...command, '--', name].join(' ')}).`;
}

/** The global options that take a value: the word after them is that value, not the command. */
const GLOBAL_WITH_VALUE = new Set(['-C', '--cwd']);

/**
 * The command a command line names: its first word that is no option nor the value of a global
 * one (`briefing -C reports build` runs `build` in the folder `reports`).
 */
function commandWord(args: readonly string[]): string | undefined {
  const index = commandIndex(args);
  return index === undefined ? undefined : args[index];
}

/** Where {@link commandWord} stands in `args`; undefined when there is none. */
function commandIndex(args: readonly string[]): number | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (GLOBAL_WITH_VALUE.has(arg)) index++;
    else if (!arg.startsWith('-')) return index;
  }
  return undefined;
}

/**
 * When the command line asked for JSON (see {@link asksForJson}), a run that could not start or
 * stopped on an internal error prints it too: one object on stdout with exit code 2 and `problem`
 * as its message (`input/usage` for the command line, `internal/error` for a bug), so that a CI step
 * reading the report does not read an empty file. `build` prints its own report; every other
 * command the JSON report of `check --format json` (docs/json-report.md).
 */
async function printJsonFailure(args: readonly string[], problem: Diagnostic): Promise<void> {
  const command = commandWord(args);
  if (!asksForJson(command, args)) return;
  try {
    // The reports each command prints, with no meeting and this one message.
    const text =
      command === 'build'
        ? (await import('./cli/build-summary.js')).buildJson({ meetings: [], diagnostics: [problem], runDiagnostics: [problem], summary: { built: 0, unchanged: 0, failed: 0 }, deletedMeetings: [], threads: 0, exitCode: ExitCode.failure, over: [] })
        : formatJsonReport({ diagnostics: [problem], exitCode: ExitCode.failure });
    process.stdout.write(`${text}\n`);
  } catch {
    // The failure may be in what writes JSON: the message on stderr is what counts then.
  }
}

/**
 * Whether a command line asks for JSON on stdout: `--json` of build, list and templates, `--format
 * json` of check, and of diff unless `--out` sends it to a file. Read from the words, as the
 * command line may be the very thing that could not be parsed.
 */
function asksForJson(command: string | undefined, args: readonly string[]): boolean {
  const words = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (command === 'build' || command === 'list' || command === 'templates') return words.includes('--json');
  if (command === 'check') return optionValue(words, '--format') === 'json';
  if (command !== 'diff') return false;
  const out = optionValue(words, '--out', '-o');
  return optionValue(words, '--format', '-f') === 'json' && (out === undefined || out === '-');
}

/** The last value a command line gives an option: `--format json`, `--format=json`, `-f json` or `-fjson`. */
function optionValue(words: readonly string[], long: string, short?: string): string | undefined {
  let value: string | undefined;
  words.forEach((word, index) => {
    if (word === long || word === short) value = words[index + 1];
    else if (word.startsWith(`${long}=`)) value = word.slice(long.length + 1);
    else if (short !== undefined && word.startsWith(short) && !word.startsWith('--')) value = word.slice(short.length);
  });
  return value;
}
