import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../diagnostics/errors.js';
import { isDateShaped, isRealDate, localDay } from '../model/date.js';
import { colourAsked, oneLine, paint, useColour } from '../diagnostics/human.js';
import type { LockWaitNotice } from '../emit/lock.js';
import { isCapableTerminal } from '../diagnostics/terminal.js';
import { reportProblems, type MessageFormat } from '../diagnostics/reporter.js';
import type { Prompter } from '../prompt/prompter.js';
import { shellWord } from '../util/shell.js';

/** What the command modules under src/cli/ share of the terminal and the global options. */
export interface Io {
  /** Whether stdout gets colours: a terminal and no NO_COLOR, or as `--color`/`--no-color` says. */
  stdoutColour: boolean;
  /** Colours for what goes to stdout. */
  out: ChalkInstance;
  /** Colours for what goes to stderr. */
  err: ChalkInstance;
  /** The folder to run in: the global `-C <dir>`, else the current folder. */
  cwd(): string;
}

/** The real terminal, and `program`'s global options; `args` are the words after `briefing`. */
export function terminalIo(program: Command, args: readonly string[]): Io {
  const asked = colourAsked(args);
  const stdoutColour = useColour(process.stdout.isTTY, process.env, asked);
  return {
    stdoutColour,
    out: paint(stdoutColour),
    err: paint(useColour(process.stderr.isTTY, process.env, asked)),
    cwd() {
      const value: unknown = program.opts().cwd;
      return typeof value === 'string' ? value : process.cwd();
    },
  };
}

/** Where {@link printProblems} sends its lines. */
export interface ProblemsOutput {
  format: MessageFormat;
  /** The stream for the report; `none` when the command prints its own (build --json). */
  report: 'stdout' | 'stderr' | 'none';
  /** The stream for GitHub annotations; stderr keeps a JSON document or a table on stdout intact. */
  annotations: 'stdout' | 'stderr';
}

/** For commands whose stdout is their result (a file created, a table, a diff): problems and annotations go to stderr. */
export const PROBLEMS_ON_STDERR: ProblemsOutput = { format: 'human', report: 'stderr', annotations: 'stderr' };

/**
 * Prints problems the same way for every command: the report (human lines or JSON),
 * and in GitHub Actions one annotation per problem.
 */
export async function printProblems(
  io: Io,
  result: { diagnostics: readonly Diagnostic[]; exitCode: number; checked?: Record<string, string | string[]> },
  output: ProblemsOutput,
): Promise<void> {
  if (!result.diagnostics.length && (output.format === 'human' || output.report === 'none')) return;
  const root = await projectRootOrCwd(io.cwd());
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const { report, annotations } = reportProblems(withCommandsFromHere(result, commandsFrom(io, root)), {
    format: output.format,
    chalk: output.report === 'stdout' ? io.out : io.err,
    env: process.env,
    workspacePath: (file) => {
      const absolute = resolve(root, file);
      // Not load/files.js's projectPath: this module loads at start-up, and that one brings node:crypto.
      return existsSync(absolute) ? relative(workspace, absolute).split(sep).join('/') : undefined;
    },
  });
  if (output.report !== 'none') for (const line of report) print(output.report, line);
  for (const line of annotations) print(output.annotations, line);
}

/** How a hint's commands are typed from where the user typed briefing: `briefing -C <folder>`, `git -C <project>`. */
export interface CommandsFromHere {
  /** From {@link commandFromHere}. */
  briefing: string;
  /** From {@link gitFromHere}. */
  git: string;
}

/**
 * The problems with the commands their hints give (each set in backticks, `` `briefing clear …` ``,
 * `` `git restore positions/x.yaml` ``) typed as from where the user typed this one: under -C,
 * `briefing -C <folder> clear …`; away from the project's folder, `git -C <project> restore …`. The
 * rules that write the hints know the project, not the folder the command was typed in; pasted as
 * they were, a briefing command finds no project there (or another one), and a git command's
 * project paths name no file (or git finds no repository).
 */
export function withCommandsFromHere<T extends { diagnostics: readonly Diagnostic[] }>(result: T, commands: CommandsFromHere): T {
  if (commands.briefing === 'briefing' && commands.git === 'git') return result;
  const diagnostics = result.diagnostics.map((d) => (d.hint === undefined ? d : { ...d, hint: commandsTypedHere(d.hint, commands) }));
  return { ...result, diagnostics };
}

/** A hint's commands in backticks (`` `briefing …` ``, `` `git …` ``) as typed from here: see {@link withCommandsFromHere}. */
export function commandsTypedHere(hint: string, commands: CommandsFromHere): string {
  // A git command inside another's `$(…)` too: it runs where the user is as well.
  return hint.replace(/`briefing (?!-C )/g, `\`${commands.briefing} `).replace(/(`|\$\()git (?!-C )/g, (_, before: string) => `${before}${commands.git} `);
}

/**
 * The hint of an error that stopped the command (a usage error, exit 2) with its commands typed from
 * where the user typed briefing, as a problem's hint has them ({@link withCommandsFromHere}): those
 * hints too name files from the project's folder, and go out through the failure, not printProblems.
 */
export async function hintFromHere(io: Io, hint: string | undefined): Promise<string | undefined> {
  if (hint === undefined || !/`(?:briefing|git) /.test(hint)) return hint;
  return commandsTypedHere(hint, commandsFrom(io, await projectRootOrCwd(io.cwd())));
}

/** The {@link CommandsFromHere} of a command run through `io` in the project at `projectRoot` (or the folder it ran in, without one). */
export function commandsFrom(io: Io, projectRoot: string): CommandsFromHere {
  return { briefing: commandFromHere(io), git: gitFromHere(projectRoot) };
}

function print(stream: 'stdout' | 'stderr', line: string): void {
  if (stream === 'stdout') console.log(line);
  else console.error(line);
}

/** The project's folder, found from `cwd` upwards; `cwd` itself outside a project. */
export async function projectRootOrCwd(cwd: string): Promise<string> {
  try {
    const { findProjectRoot } = await import('../load/project-root.js');
    return findProjectRoot(cwd);
  } catch {
    return cwd;
  }
}

/** SOURCE_DATE_EPOCH, when set: the date stamped into outputs, for reproducible builds. */
/** 9999-12-31T23:59:59Z, in seconds since 1970: the last moment a document's date can be. */
const LAST_SECOND = 253402300799;

export function sourceDateEpoch(): { sourceDateEpoch?: number } {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return {};
  if (!/^\d+$/.test(raw)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not \`${raw}\`.`);
  const seconds = Number(raw);
  // A DOCX's dates are years 1970 to 9999 (W3C dates have four-digit years).
  if (seconds > LAST_SECOND) throw new UsageError(`SOURCE_DATE_EPOCH \`${raw}\` is after the year 9999, which a document's date cannot hold.`, 'Give the seconds since 1970 of a day up to 9999-12-31, e.g. `date +%s` prints now.');
  return { sourceDateEpoch: seconds };
}

/**
 * Today in the local time zone, YYYY-MM-DD: the clock is read here, at the edge. `BRIEFING_TODAY`, when set,
 * is the day instead (a test, or a look at the project as it stood on a day): a value that is no real day
 * is refused, as SOURCE_DATE_EPOCH is, rather than taken for no day or the clock's.
 */
export function today(): string {
  const given = process.env.BRIEFING_TODAY;
  if (given === undefined || given === '') return localDay(new Date());
  if (!isRealDate(given)) {
    throw new UsageError(
      `BRIEFING_TODAY must be a day written YYYY-MM-DD, not \`${given}\`${isDateShaped(given) ? ', a day no calendar has' : ''}.`,
      'Give the day as YYYY-MM-DD, e.g. BRIEFING_TODAY=2021-02-10, or unset it to take the day from the clock.',
    );
  }
  return given;
}

/**
 * The terminal prompter, only when a person can answer: never in CI or a pipe. The questions go to
 * stdout, or to stderr when only stderr is the terminal: `new position x > log` (or `| tee log`),
 * typed on a terminal, was refused as "standard input is not a terminal", which it was.
 */
export async function terminalPrompter(): Promise<{ prompter?: Prompter }> {
  const screen = process.stdout.isTTY ? 'stdout' : process.stderr.isTTY ? 'stderr' : undefined;
  if (!process.stdin.isTTY || screen === undefined) return {};
  // A terminal (as found above) that prints control sequences as text, TERM=dumb: numbered lists, not ones drawn for the arrow keys.
  if (!isCapableTerminal(true, process.env)) {
    const { plainPrompter } = await import('../prompt/plain.js');
    return { prompter: plainPrompter(process.stdin, screen === 'stdout' ? process.stdout : process.stderr) };
  }
  const { inquirerPrompter, promptsOn } = await import('../prompt/inquirer.js');
  return { prompter: screen === 'stdout' ? inquirerPrompter : promptsOn({ output: process.stderr }) };
}

/**
 * How the user types a git command whose paths are the project's (as every message names files) from
 * where they typed briefing: `git` in the project's folder, else `git -C <project>`, the folder relative
 * to where they are. git takes paths from the folder it runs in, and the project may be a folder of a
 * bigger repository, so only the project's own folder makes those paths right.
 */
export function gitFromHere(projectRoot: string): string {
  const here = resolve(process.cwd());
  return resolve(projectRoot) === here ? 'git' : `git -C ${shellWord(relative(here, projectRoot) || '.')}`;
}

/**
 * How the user types a briefing command from where they typed this one: `briefing`, or
 * `briefing -C <folder>` when they gave -C (a hint without it found no project there). A project
 * file is named from the project's folder, which commands take from any folder inside it.
 */
export function commandFromHere(io: Io): string {
  const typedIn = resolve(io.cwd());
  return typedIn === resolve(process.cwd()) ? 'briefing' : `briefing -C ${shellWord(relative(process.cwd(), typedIn) || '.')}`;
}

/**
 * The columns the output is laid out to: a terminal's (0 for one of no size); in a pipe or a file,
 * `COLUMNS` when it is set to a width (`COLUMNS=200 briefing list > list.txt`, ids whole for a `grep`);
 * undefined when neither says, for the command to choose.
 */
export function outputColumns(terminalColumns: number | undefined, columnsVariable: string | undefined): number | undefined {
  if (terminalColumns !== undefined) return terminalColumns;
  const asked = /^\d+$/.test(columnsVariable?.trim() ?? '') ? Number(columnsVariable) : 0;
  return asked > 0 ? asked : undefined;
}

/** What `clear` and `review --accept` say while another command holds a file they edit: one line, so a wait of up to 15 s is not taken for a hang. */
export function sayLockWait(io: Io): LockWaitNotice {
  return (file, holder, waitMs) => console.error(io.err.dim(oneLine(`Waiting for another briefing command${holder ? ` (${holder})` : ''} to finish editing ${file}, up to ${waitMs / 1000} s…`)));
}
