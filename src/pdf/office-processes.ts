/** LibreOffice's processes, found through /proc and signalled: whether one still runs, the processes one started, and stopping it with them. */

import { readdirSync, readFileSync } from 'node:fs';
import { processState } from '../util/process.js';

/** Stops a process and the processes it started (found through /proc where there is one, as on Linux). */
export function stop(pid: number | undefined): void {
  if (pid !== undefined) send([pid, ...descendants(pid)], 'SIGKILL');
}

/** Sends a signal to each process that is still there. */
export function send(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const each of pids) {
    try {
      process.kill(each, signal);
    } catch {
      // Already gone.
    }
  }
}

/** Whether a process runs: it is there and not a zombie (read from /proc; where there is none, taken as not running). */
export function runs(pid: number): boolean {
  const state = processState(pid);
  return state !== undefined && state !== 'Z';
}

/** The processes started by `pid`, at any depth; none where /proc cannot be read. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const entry of entries) {
    try {
      // The parent is the second field after the command name, which is in parentheses and may hold anything.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Ended meanwhile.
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length; ) {
    const next = queue.flatMap((each) => children.get(each) ?? []);
    found.push(...next);
    queue = next;
  }
  return found;
}
