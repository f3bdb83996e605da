import { readFileSync } from 'node:fs';

/** The signals that stop a command: Ctrl-C, a CI job cancelled or timed out (SIGTERM), the terminal closed. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Whether a process with this id exists (one of another user's counts: signalling it is refused, not failed). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * A process's state letter from `/proc/<pid>/stat` (`R`, `S`, `T`, `Z` for one that has ended and
 * waits for its parent to collect it …); undefined where there is no such process or no /proc. The
 * name in parentheses may hold anything, `)` too: the state follows the last `)`.
 */
export function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

/**
 * The most bytes of address space this process may take (`ulimit -v`, RLIMIT_AS), from /proc/self/limits; undefined where
 * there is no such limit, or no /proc to tell (not Linux).
 */
export function addressSpaceLimit(): number | undefined {
  try {
    const value = Number(/^Max address space\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1]);
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}
