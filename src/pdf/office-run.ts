/** One LibreOffice run as a child process: how it ended, stopped with its descendants when it takes too long or the process is stopping. */

import { spawn } from 'node:child_process';
import { utf8Locale, withSystemFolders } from './office-env.js';
import { lastError, runFailure } from './office-output.js';
import { stop } from './office-processes.js';
import { isStopping, STOPPED } from './conversion-stop.js';

/**
 * How a run of LibreOffice ended: why it failed (and what to do, when that is known), or it ended well and `said` is the error it wrote
 * all the same, if any. LibreOffice ends well when it could not load a report ("Error: source file
 * could not be loaded"): only the missing PDF and that line tell.
 */
export type RunEnd = { failure: string; hint?: string; timedOut?: boolean } | { said: string | undefined };

/**
 * Runs LibreOffice; how it ended ({@link RunEnd}). A conversion that does not finish
 * in time is stopped with everything it started (`soffice` is a script that starts the office),
 * not only the script. It stays in briefing's process group, so Ctrl-C reaches it as before.
 * Its temporary files go to `temp`, inside the conversion folder: an office stopped half way (a
 * signal, the time limit) leaves its own `lu…tmp` folders, with pieces of the report, behind, and
 * in the system's temporary folder nothing would remove them.
 */
export function run(office: string, args: readonly string[], temp: string, timeoutMs: number): Promise<RunEnd> {
  return new Promise((settle: (end: RunEnd) => void) => {
    const resolve = (failure: string) => settle({ failure });
    // A signal came between the folder and LibreOffice: none is started, as one started now would run to its end.
    if (isStopping()) {
      resolve(STOPPED);
      return;
    }
    const env = { ...process.env, ...utf8Locale(process.env), PATH: withSystemFolders(process.env['PATH']), TMPDIR: temp, TMP: temp, TEMP: temp };
    const child = spawn(office, args, { env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      stop(child.pid);
      // Done now, not when its output closes: a process it left behind (started in the background, no
      // longer its child, so not stopped) would hold the output, and the build, for as long as it runs.
      child.stderr.destroy();
      settle(timedOutAfter(timeoutMs));
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ENOENT' ? 'the program could not be started' : error.message);
    });
    // Stopped by a signal: done when it has ended, not when every process it started has let go of its
    // output (one that outlived it, orphaned before it was stopped, would hold the build for as long as it runs).
    child.on('exit', () => {
      if (!isStopping()) return;
      clearTimeout(timer);
      child.stderr.destroy();
      resolve(STOPPED);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) settle(timedOutAfter(timeoutMs));
      else if (code === 0) settle({ said: lastError(stderr) });
      else settle(runFailure(stderr, signal, code));
    });
  });
}

/** Why a run stopped at its time limit has no PDF. */
function timedOutAfter(timeoutMs: number): RunEnd {
  return { failure: `it did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`, timedOut: true };
}
