import type { ChalkInstance } from 'chalk';
import { formatDiagnostic, oneLine } from '../diagnostics/human.js';
import type { WatchEvent } from './watch-build.js';
import { failedWritesNote, staleOutputsNote } from '../emit/report.js';

/** The lines one watch event prints, each with where it goes; `time` is the clock, read by the CLI. */
export function formatWatchEvent(event: WatchEvent, meeting: string, time: string, chalk: ChalkInstance): { stream: 'out' | 'err'; text: string }[] {
  if (event.kind === 'unwatched') return [{ stream: 'err', text: `${chalk.yellow('briefing:')} ${oneLine(event.message)}\n  ${chalk.dim(oneLine(event.hint))}` }];
  // One line, as nothing was built: the outputs on disk are those of the inputs as they are; the warnings then still stand.
  if (event.kind === 'build' && event.result.status === 'unchanged') {
    const warnings = event.result.diagnostics.length;
    const standing = warnings ? `; its ${warnings} warning${warnings === 1 ? '' : 's'} still stand${warnings === 1 ? 's' : ''}` : '';
    return [{ stream: 'out', text: chalk.dim(`[${time}] unchanged: ${oneLine(event.changed.join(', '))} (no input changed since the outputs were built${standing})`) }];
  }
  const lines: { stream: 'out' | 'err'; text: string }[] = [];
  const say = (text: string) => lines.push({ stream: 'out', text });
  say(chalk.dim(`[${time}] ${event.changed.length ? `changed: ${oneLine(event.changed.join(', '))}` : `building ${oneLine(meeting)}`}`));
  if (event.kind === 'error') {
    lines.push({ stream: 'err', text: `${chalk.red('briefing:')} ${oneLine(event.message)}${event.hint ? `\n  ${chalk.dim(oneLine(event.hint))}` : ''}` });
    say(chalk.dim(event.gone ? 'Still watching.' : 'Still watching: fix it and save again.'));
    return lines;
  }
  const { result } = event;
  for (const d of result.diagnostics) lines.push({ stream: 'err', text: formatDiagnostic(d, chalk) });
  if (result.status === 'built') {
    const mark = result.draft ? chalk.yellow(' (draft: not every clearance is in place)') : '';
    say(`${chalk.green('built')}  ${meeting} → ${result.outputs.join(', ')}${staleOutputsNote(result.removed, result.left, result.outputs)}${mark}`);
    for (const held of result.heldOpen) {
      say(chalk.yellow(`${held.target} is open in another program (Word?): the new version is ${held.writtenTo}. Close ${held.target} to have it replaced again.`));
    }
  } else {
    say(`${chalk.red('failed')} ${meeting}: ${oneLine(failedWritesNote(result.outputs))}. Still watching: fix it and save again.`);
  }
  return lines;
}
