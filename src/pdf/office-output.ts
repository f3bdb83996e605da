import { constants } from 'node:os';
import { temporaryFolder } from './run-folder.js';

// What LibreOffice writes to its error output, read as the reason a conversion has no PDF (pdf/convert.ts).

/** Lines of LibreOffice's error output given as the reason a run failed: its fatal errors take several. */
const REASON_LINES = 4;

/**
 * Why a run of LibreOffice that ended with an error failed: the last lines of its error output,
 * warnings passed over. A fatal error is a few lines, the last of them a path only, which said
 * nothing alone (`…/profile` for "user installation could not be completed due to insufficient
 * free disk space … at the following location:"). A full disk there is the temporary folder's.
 * A run that wrote warnings alone is told by how it ended: stopped (its signal, or `code` 128 + the
 * signal's number, as the launcher script, a shell, ends when its program is killed), else its exit
 * code before the warnings: its Java warning, given alone as the reason, said nothing of either.
 */
export function runFailure(stderr: string, signal: NodeJS.Signals | null, code: number | null = null): { failure: string; hint?: string } {
  const lines = outputLines(stderr);
  const errors = lines.filter(isNoWarning);
  const stoppedBy = signal ?? signalOfExit(code);
  // A crash is LibreOffice's own: how to see it (the DOCX converted by hand) is the caller's usual advice.
  if (!errors.length && stoppedBy && CRASH_SIGNALS.has(stoppedBy)) return { failure: `it crashed (${stoppedBy}) before it wrote the PDF` };
  if (!errors.length && stoppedBy) {
    return {
      failure: `it was stopped (${stoppedBy}) before it wrote the PDF`,
      hint: 'Another program, or the system when memory runs out, ended LibreOffice: build again, and if it happens again, close other programs or ask for more memory for the machine.',
    };
  }
  const ended = code !== null ? `it stopped with an error (exit code ${code})` : 'it stopped with an error';
  const failure = errors.length ? errors.slice(-REASON_LINES).join(' ') : lines.length ? `${ended}, having written only warnings: ${lines.slice(-REASON_LINES).join(' ')}` : ended;
  if (!/free dis[ck] space/i.test(failure)) return { failure };
  return { failure, hint: `Free some space in ${temporaryFolder()}, where each conversion makes its LibreOffice profile (or set TMPDIR to a folder with room), and build again.` };
}

/** Signals a program gets from its own fault, not from another program or the system stopping it. */
const CRASH_SIGNALS: ReadonlySet<string> = new Set(['SIGSEGV', 'SIGABRT', 'SIGBUS', 'SIGILL', 'SIGFPE', 'SIGTRAP', 'SIGSYS']);

/** The signal a shell's exit code above 128 says ended the program it ran (137: SIGKILL), if it names one. */
function signalOfExit(code: number | null): string | undefined {
  if (code === null || code <= 128) return undefined;
  return Object.entries(constants.signals).find(([, number]) => number === code - 128)?.[0];
}

/** The last line LibreOffice wrote to its error output that is no warning (`Warning: failed to launch javaldx …` comes on every run without Java). */
export function lastError(stderr: string): string | undefined {
  return outputLines(stderr).filter(isNoWarning).at(-1);
}

/** LibreOffice's output as its lines, trimmed, the empty ones left out. */
function outputLines(output: string): string[] {
  return output.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** A line of LibreOffice's output that is no warning (`Warning: …`). */
function isNoWarning(line: string): boolean {
  return !line.startsWith('Warning:');
}
