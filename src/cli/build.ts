import { Option, type Command } from 'commander';
import { constants } from 'node:os';
import { extname } from 'node:path';
import { offer, offerFromProject } from '../completion/spec.js';
import type { BuildProgress, BuildResult, MeetingOutcome } from '../commands/build.js';
import { parseShard, type Shard } from '../batch/shard.js';
import { UsageError } from '../diagnostics/errors.js';
import { paint } from '../diagnostics/human.js';
import { nonEmpty, outputFolder, parseFormats, parseJobs, type BuildFormat } from './flags.js';
import { commandsFrom, printProblems, projectRootOrCwd, sayLockWait, sourceDateEpoch, today, withCommandsFromHere, type CommandsFromHere, type Io } from './io.js';
import { watchMeeting } from './watch.js';
import { STOP_SIGNALS } from '../util/process.js';
import { helpNotes } from './help-notes.js';
import { didWork } from './work-done.js';

/** The flags of `briefing build`, as commander parses them. */
interface BuildFlags {
  all: boolean;
  out?: string;
  format?: BuildFormat[];
  final: boolean;
  template?: string;
  watch: boolean;
  jobs?: number;
  force: boolean;
  shard?: Shard;
  upcoming: boolean;
  json: boolean;
}

/** `briefing build [meetings...]`: one meeting, a glob, or --all; --watch hands over to src/cli/watch.ts. */
export function registerBuild(program: Command, io: Io): void {
  program
    .command('build')
    .description('Build the report of each meeting as Markdown, DOCX and PDF; unchanged meetings are skipped.')
    .argument('[meetings...]', 'meeting files or glob patterns, e.g. meetings/2021-02-19-educ-informal.yaml')
    .option('-a, --all', 'build every meeting under the config’s meetings folder', false)
    .option('-o, --out <dir>', 'output folder (default: the config’s `output`, usually out/)', outputFolder('--out'))
    .addOption(offer(new Option('-f, --format <formats>', 'comma-separated formats: md, docx, pdf (pdf needs LibreOffice; default: the config’s `formats`)').argParser(parseFormats), ['md', 'docx', 'pdf', 'md,docx', 'md,docx,pdf']))
    .option('--final', 'refuse to build unless every required ministry cleared every position', false)
    .addOption(offerFromProject(new Option('-t, --template <name>', 'use this template instead of the meeting’s own (see `briefing templates`)').argParser(nonEmpty('--template', 'a template name (see `briefing templates`)')), 'template-names', { files: false }))
    .option('-w, --watch', 'rebuild whenever the meeting, a position, a template or the config changes', false)
    .addOption(new Option('-j, --jobs <n>', 'worker threads for a batch (default: the number of cores; at most 4 per core)').argParser((value: string) => parseJobs(value)))
    .option('--force', 'rebuild meetings the cache (.briefing-cache/) says are unchanged', false)
    .addOption(new Option('--shard <i/n>', 'build only part i of n of the meetings (for a CI matrix)').argParser(parseShard))
    .option('--upcoming', 'leave out the meetings that are over (their last day before today): with --all, the reports still ahead', false)
    .option('--json', 'print a machine-readable report instead of text', false)
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing build meetings/2021-02-19-educ-informal.yaml
  $ briefing build 'meetings/2021-*.yaml' --out public/ --format docx,pdf
  $ briefing build meetings/2021-02-19-educ-informal.yaml --watch
  $ briefing build --all --shard 2/4 --json > report.json

Exit codes: 0 built, 1 problems in the data (nothing written for those meetings), 2 could not run.
SOURCE_DATE_EPOCH, when set, is the date stamped into the DOCX.`),
    )
    .action(async (inputs: string[], flags: BuildFlags) => {
      if (flags.watch) {
        // Watching prints events as they happen: a JSON report, a batch or a shard has no place in it.
        const clash = flags.json ? '--json' : flags.all ? '--all' : flags.shard ? '--shard' : flags.upcoming ? '--upcoming' : undefined;
        if (clash) throw new UsageError(`--watch cannot be combined with ${clash}.`, 'Watch one meeting file, or build without --watch.');
        return watchMeeting(io, inputs, flags);
      }
      const { build } = await import('../commands/build.js');
      // A batch stopped with Ctrl-C leaves no LibreOffice folders behind in the temporary folder.
      const { removeFoldersOnSignal } = await import('../pdf/conversion-stop.js');
      removeFoldersOnSignal();
      const line = flags.json ? undefined : await progressLine();
      // The JSON report's hints give their commands as typed from where briefing ran, as the text's do (printProblems).
      const json = flags.json ? commandsFrom(io, await projectRootOrCwd(io.cwd())) : undefined;
      const stopped = await reportOnSignal(io, json, line);
      const progress = { update: (state: BuildProgress) => (stopped.update(state), line?.update(state)) };
      try {
        const result = await build({
          cwd: io.cwd(),
          inputs,
          all: flags.all,
          final: flags.final,
          force: flags.force,
          ...(flags.template ? { template: flags.template } : {}),
          ...(flags.out ? { out: flags.out } : {}),
          ...(flags.format ? { formats: flags.format } : {}),
          ...(flags.jobs ? { jobs: flags.jobs } : {}),
          ...(flags.shard ? { shard: flags.shard } : {}),
          ...(flags.upcoming ? { upcoming: true } : {}),
          onProgress: progress.update,
          // The progress line goes first: the notice is a line of its own.
          onLockWait: (...wait) => (line?.clear(), sayLockWait(io)(...wait)),
          ...sourceDateEpoch(),
          today: today(),
        });
        line?.clear();
        process.exitCode = result.exitCode;
        await printBuild(io, result, json, stopped);
      } finally {
        // The resident server runs many commands in one process: no listener of this one stays behind.
        stopped.finish();
      }
    });
}

/**
 * Each meeting's outcome on stdout, then the problems and a summary on stderr; or, given the
 * commands typed from here (`--json`), the JSON report.
 */
async function printBuild(io: Io, result: BuildResult, json: CommandsFromHere | undefined, stopped: { finish(): boolean }): Promise<void> {
  const { buildJson, formatDeletedMeeting, formatOutcome, formatSummary } = await import('./build-summary.js');
  // A signal that came while the build's end ran without a turn of the event loop (a wait of up to 15 s for another
  // build's cache lock) is handled now, as a stop: else this report said 0 and the signal ended the process (143).
  // Node hears of a signal in the loop's poll phase: the first immediate may run before it, the second runs after.
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
  // A signal that came while this module loaded has printed the report already, and ends the process.
  if (stopped.finish()) return;
  // What this thread built (worker threads compile their own code, in a cache of their own).
  if (result.threads === 0) for (const meeting of result.meetings) if (meeting.status === 'built') didWork(...meeting.outputs.map((output) => extname(output)));
  if (json) {
    console.log(buildJson(fromHere(result, json)));
    // In GitHub Actions the problems still become annotations (on stderr, beside the JSON).
    await printProblems(io, result, { format: 'json', report: 'none', annotations: 'stderr' });
    return;
  }
  for (const meeting of result.meetings) {
    const line = formatOutcome(meeting, io.out);
    if (line) console.log(line);
  }
  for (const deleted of result.deletedMeetings) console.log(formatDeletedMeeting(deleted, io.out));
  await printProblems(io, result, { format: 'human', report: 'stderr', annotations: 'stdout' });
  console.error(io.err.dim(formatSummary(result, paint(false))));
}

/**
 * A build stopped by a signal still says what it did: with --json its one JSON object (a CI step
 * that publishes the reports of the meetings built reads it), else the lines of the meetings built
 * and the stop as a message on stderr — both the meetings done so far, whose files are written, and
 * the stop as the run's message (`run/stopped`), with the exit code the signal ends the process with
 * (128 + its number). Then the signal goes on to the other handlers (pdf/convert.ts removes its
 * folders and raises it again), or is raised again here. Listens first, before those handlers;
 * told of each meeting through `update`.
 */
async function reportOnSignal(io: Io, json: CommandsFromHere | undefined, line: { clear(): void } | undefined) {
  const { buildJson, formatOutcome } = await import('./build-summary.js');
  const { stoppedBuild } = await import('../commands/build.js');
  const { formatDiagnostic } = await import('../diagnostics/human.js');
  const done: MeetingOutcome[] = [];
  let total: number | undefined;
  let printed = false;
  const onSignal = (signal: NodeJS.Signals) => {
    for (const each of STOP_SIGNALS) process.removeListener(each, onSignal);
    if (!printed) {
      printed = true;
      const result = stoppedBuild(done, signal, 128 + constants.signals[signal], total);
      if (json) process.stdout.write(`${buildJson(fromHere(result, json))}\n`);
      else {
        line?.clear();
        for (const meeting of result.meetings) {
          const shown = formatOutcome(meeting, io.out);
          if (shown) process.stdout.write(`${shown}\n`);
        }
        for (const stop of result.runDiagnostics) process.stderr.write(`${formatDiagnostic(stop, io.err)}\n`);
      }
    }
    if (!process.listenerCount(signal)) process.kill(process.pid, signal);
  };
  for (const signal of STOP_SIGNALS) process.prependListener(signal, onSignal);
  return {
    update(state: BuildProgress) {
      done.push(state.outcome);
      total = state.total;
    },
    /** Stops listening (a signal from now on is the other handlers'); true when a signal has printed the report already. */
    finish() {
      for (const each of STOP_SIGNALS) process.removeListener(each, onSignal);
      const already = printed;
      printed = true;
      return already;
    },
  };
}

/** The result with its hints' commands as typed from where briefing ran ({@link withCommandsFromHere}), for the JSON report. */
function fromHere(result: BuildResult, commands: CommandsFromHere): BuildResult {
  const meetings = result.meetings.map((meeting) => withCommandsFromHere(meeting, commands));
  return { ...result, meetings, runDiagnostics: withCommandsFromHere({ diagnostics: result.runDiagnostics }, commands).diagnostics };
}

/** A progress line on the terminal (stderr), redrawn at most every 100 ms. */
async function progressLine() {
  const { drawsProgress, formatProgress } = await import('../diagnostics/progress.js');
  if (!drawsProgress(process.stderr.isTTY, process.env)) return undefined;
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
