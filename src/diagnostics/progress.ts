import { isCapableTerminal } from './terminal.js';

/**
 * Whether a build draws its progress line on standard error: a terminal that can redraw a line
 * (not `TERM=dumb`: Emacs' shell, some IDE consoles), outside CI. `CI=false` (some set it on a
 * desktop), `CI=0` or an empty `CI` is not CI, as the resident server's client reads it (bin/client.cjs).
 */
export function drawsProgress(stderrIsTty: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && !['', 'false', '0'].includes(env.CI);
  return isCapableTerminal(stderrIsTty, env) && !ci;
}

/** Where a batch is, for the progress line. */
export interface ProgressState {
  done: number;
  total: number;
  meeting: string;
  /** Milliseconds since the batch started. */
  elapsedMs: number;
}

/**
 * One progress line, at most `width` characters: a bar, the count, the time left
 * (from the pace so far) and the meeting just done, its path shortened from the left.
 */
export function formatProgress(state: ProgressState, width: number): string {
  const { done, total, meeting, elapsedMs } = state;
  const share = total ? done / total : 1;
  const barWidth = 20;
  const filled = Math.round(share * barWidth);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]`;
  const left = done && done < total ? ` ETA ${formatSeconds(((total - done) * elapsedMs) / done)}` : '';
  const head = `${bar} ${done}/${total}${left} `;
  const room = Math.max(0, width - head.length);
  const name = meeting.length > room ? `…${meeting.slice(meeting.length - room + 1)}` : meeting;
  return `${head}${room ? name : ''}`;
}

function formatSeconds(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
