import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** One finished process: wall time, peak memory when the system tells it, exit status, output. */
export interface Run {
  ms: number;
  /** Peak resident set size in MiB (Linux only; undefined elsewhere). */
  peakMiB: number | undefined;
  /**
   * CPU time (user + system, ms) of the process and what it waited for, from this process's
   * children's totals in /proc (Linux; in steps of 10 ms, so only a mean over many runs is
   * worth reading). Unlike wall time it hardly changes when the machine is busy. Wrong when
   * runs overlap (runEach), so left out there.
   */
  cpuMs: number | undefined;
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end and times it, whole process. The peak resident memory is the
 * kernel's high-water mark (`VmHWM` in /proc), read every 20 ms while the process runs.
 */
export async function timed(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let peakKiB: number | undefined;
  const poll = setInterval(() => {
    const now = highWaterMark(child.pid);
    if (now !== undefined) peakKiB = Math.max(peakKiB ?? 0, now);
  }, 20);
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(poll);
  const ms = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return { ms, cpuMs, peakMiB: peakKiB === undefined ? undefined : peakKiB / 1024, status, stdout, stderr };
}

/** Runs a command `count` times, one after another; fails loudly if any run fails. */
export async function repeat(count: number, command: string, args: readonly string[], cwd: string, before?: () => void, env?: NodeJS.ProcessEnv): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < count; i++) {
    before?.();
    const run = await timed(command, args, cwd, env);
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}:\n${run.stderr}`);
    runs.push(run);
  }
  return runs;
}

/**
 * Runs one command per item, `concurrency` at a time (each its own process), and returns
 * the wall time of the whole set.
 */
export async function runEach<T>(items: readonly T[], concurrency: number, commandFor: (item: T) => [string, string[]], cwd: string): Promise<number> {
  const started = performance.now();
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, concurrency) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item === undefined) break;
      const [command, args] = commandFor(item);
      const run = await timed(command, args, cwd);
      if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}:\n${run.stderr}`);
    }
  });
  await Promise.all(lanes);
  return performance.now() - started;
}

/** A program and its arguments. */
export interface Command {
  command: string;
  args: readonly string[];
  /** The environment to run it in, when not this process's. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs two commands `count` times each, interleaved (a b, b a, a b, …) so that a machine
 * getting busier or quieter during the run weighs on both alike. `before` runs before every
 * run (e.g. to remove the outputs of the last one). Fails loudly if any run fails.
 */
export async function paired(count: number, a: Command, b: Command, cwd: string, before?: () => void): Promise<[Run[], Run[]]> {
  const runsA: Run[] = [];
  const runsB: Run[] = [];
  const one = async (command: Command, into: Run[]) => {
    into.push(...(await repeat(1, command.command, command.args, cwd, before, command.env)));
  };
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      await one(a, runsA);
      await one(b, runsB);
    } else {
      await one(b, runsB);
      await one(a, runsA);
    }
  }
  return [runsA, runsB];
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Whether a program can be started (e.g. `pandoc --version`). */
export function available(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.status === 0;
}

/** The mean CPU time of runs, when every run has one. */
export function meanCpu(runs: readonly Run[]): number | undefined {
  const values = runs.map((r) => r.cpuMs);
  if (!values.length || values.some((v) => v === undefined)) return undefined;
  return values.reduce((sum: number, v) => sum + (v ?? 0), 0) / values.length;
}

/** User + system time of a running process so far, in ms (Linux); undefined elsewhere or when it has ended. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** User + system time of this process's finished children, in ms (Linux, 100 clock ticks a second). */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name: state is field 3, cutime 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function highWaterMark(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
