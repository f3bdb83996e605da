import type { ChalkInstance } from 'chalk';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../report/diagnostic.js';
import { UsageError } from '../report/errors.js';
import { paint, useColour } from '../report/human.js';
import { reportProblems, type MessageFormat } from '../report/reporter.js';

/** What the command modules under src/cli/ share of the terminal and the global options. */
export interface Io {
  /** Whether stdout gets colours: a terminal, and no NO_COLOR. */
  stdoutColour: boolean;
  /** Colours for what goes to stdout. */
  out: ChalkInstance;
  /** Colours for what goes to stderr. */
  err: ChalkInstance;
  /** The folder to run in: the global `-C <dir>`, else the current folder. */
  cwd(): string;
}

/** The real terminal, and `program`'s global options. */
export function terminalIo(program: Command): Io {
  const stdoutColour = useColour(process.stdout.isTTY, process.env);
  return {
    stdoutColour,
    out: paint(stdoutColour),
    err: paint(useColour(process.stderr.isTTY, process.env)),
    cwd() {
      const value: unknown = program.opts().cwd;
      return typeof value === 'string' ? value : process.cwd();
    },
  };
}

/**
 * Prints problems the same way for every command: the report through `write`, and in
 * GitHub Actions the annotations too (on stderr when stdout carries JSON).
 */
export async function printProblems(
  io: Io,
  result: { diagnostics: readonly Diagnostic[]; exitCode: number; checked?: Record<string, string | string[]> },
  format: MessageFormat,
  write: (line: string) => void,
): Promise<void> {
  const root = await projectRootOrCwd(io.cwd());
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const { report, annotations } = reportProblems(result, {
    format,
    chalk: write === console.log ? io.out : io.err,
    env: process.env,
    workspacePath: (file) => {
      const absolute = resolve(root, file);
      return existsSync(absolute) ? relative(workspace, absolute).split(sep).join('/') : undefined;
    },
  });
  for (const line of report) write(line);
  for (const line of annotations) (format === 'json' ? console.error : console.log)(line);
}

async function projectRootOrCwd(cwd: string): Promise<string> {
  try {
    const { findProjectRoot } = await import('../load/project.js');
    return findProjectRoot(cwd);
  } catch {
    return cwd;
  }
}

/** SOURCE_DATE_EPOCH, when set: the date stamped into outputs, for reproducible builds. */
export function sourceDateEpoch(): { sourceDateEpoch?: number } {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return {};
  if (!/^\d+$/.test(raw)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not \`${raw}\`.`);
  return { sourceDateEpoch: Number(raw) };
}

/** Today in the local time zone, YYYY-MM-DD: the clock is read here, at the edge. */
export function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}
