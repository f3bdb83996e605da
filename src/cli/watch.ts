import { constants } from 'node:os';
import type { BuildFormat } from './flags.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { STOP_SIGNALS } from '../util/process.js';
import { commandsFrom, commandsTypedHere, printProblems, projectRootOrCwd, sourceDateEpoch, today, withCommandsFromHere, type CommandsFromHere, type Io } from './io.js';
import type { WatchEvent } from '../watch/watch-build.js';

/** The flags of `build` that `build --watch` follows. */
export interface WatchFlags {
  out?: string;
  format?: BuildFormat[];
  final: boolean;
  template?: string;
}

/** `build --watch`: hands over to src/watch/ and prints what each rebuild says, until Ctrl-C (or SIGTERM, SIGHUP). */
export async function watchMeeting(io: Io, inputs: string[], flags: WatchFlags): Promise<void> {
  const [meeting, ...more] = inputs;
  if (meeting === undefined || more.length) throw new UsageError('--watch follows one meeting file.', 'For example: briefing build meetings/2021-05-18-educ-council.yaml --watch');
  const { assertOneFile, watchBuild, watchTargetProblem } = await import('../watch/watch-build.js');
  assertOneFile(io.cwd(), meeting);
  // A file that is no meeting is refused as build refuses it, instead of being watched for good.
  const problem = watchTargetProblem(io.cwd(), meeting);
  if (problem) {
    process.exitCode = ExitCode.problems;
    await printProblems(io, { diagnostics: [problem], exitCode: ExitCode.problems }, { format: 'human', report: 'stderr', annotations: 'stdout' });
    return;
  }
  const { formatWatchEvent } = await import('../watch/format.js');
  let stopping = false;
  // A PDF being made when the signal comes: its LibreOffice and its folder go at once, not when the build is done.
  const { stopConversions } = await import('../pdf/conversion-stop.js');
  const stopped = new Promise<NodeJS.Signals>((stop) => {
    for (const signal of STOP_SIGNALS) {
      process.once(signal, () => {
        stopping = true;
        stopConversions();
        stop(signal);
      });
    }
  });
  // The commands in what it says typed as from where the watch was started (`briefing -C …`, `git -C …`), as every other command gives them.
  const commands = commandsFrom(io, await projectRootOrCwd(io.cwd()));
  const watcher = await watchBuild({
    cwd: io.cwd(),
    meeting,
    final: flags.final,
    ...(flags.out ? { out: flags.out } : {}),
    ...(flags.format ? { formats: flags.format } : {}),
    ...(flags.template ? { template: flags.template } : {}),
    ...sourceDateEpoch(),
    today,
    onEvent(event) {
      // What a build finished as the signal came wrote is said; one cut short by it (its LibreOffice stopped) is not a failure to report.
      if (stopping && !(event.kind === 'build' && event.result.status === 'built')) return;
      const time = new Date().toTimeString().slice(0, 8);
      for (const line of formatWatchEvent(fromHere(event, commands), meeting, time, io.out)) (line.stream === 'out' ? console.log : console.error)(line.text);
    },
  });
  if (!stopping) console.log(io.out.dim('Watching for changes; press Ctrl-C to stop.'));
  const signal = await stopped;
  await watcher.close();
  // Ended by the signal, as every other command is (130 for Ctrl-C): a script's `&&` does not go on as if the watch had finished its work.
  process.exitCode = 128 + constants.signals[signal];
}

/** A watch event with the commands of its hints typed from where the watch was started ({@link withCommandsFromHere}). */
function fromHere(event: WatchEvent, commands: CommandsFromHere): WatchEvent {
  if (event.kind === 'build') return { ...event, result: withCommandsFromHere(event.result, commands) };
  if (event.kind === 'unwatched') return { ...event, hint: commandsTypedHere(event.hint, commands) };
  return event.hint === undefined ? event : { ...event, hint: commandsTypedHere(event.hint, commands) };
}
