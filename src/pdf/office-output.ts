import { temporaryFolder } from './run-folder.js';

// What LibreOffice writes to its error output, read as the reason a conversion has no PDF (pdf/convert.ts).

/** Lines of LibreOffice's error output given as the reason a run failed: its fatal errors take several. */
const REASON_LINES = 4;

/**
 * Why a run of LibreOffice that ended with an error failed: the last lines of its error output,
 * warnings passed over. A fatal error is a few lines, the last of them a path only, which said
 * nothing alone (`…/profile` for "user installation could not be completed due to insufficient
 * free disk space … at the following location:"). A full disk there is the temporary folder's.
 */
export function runFailure(stderr: string, signal: NodeJS.Signals | null): { failure: string; hint?: string } {
  const lines = outputLines(stderr);
  const errors = lines.filter(isNoWarning);
  const failure = (errors.length ? errors : lines).slice(-REASON_LINES).join(' ') || (signal ? `it was stopped (${signal})` : 'it stopped with an error');
  if (!/free dis[ck] space/i.test(failure)) return { failure };
  return { failure, hint: `Free some space in ${temporaryFolder()}, where each conversion makes its LibreOffice profile (or set TMPDIR to a folder with room), and build again.` };
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
