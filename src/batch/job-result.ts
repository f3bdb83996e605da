import type { ReportInputs } from '../pipeline/generate.js';
import type { GeneratedFile } from '../model/output.js';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';

/**
 * One meeting generated in memory, as plain data so it can cross from a worker thread:
 * the files to write (none after an error), every problem, and what went into it.
 */
export interface JobResult {
  meetingPath: string;
  fileCode: string | null;
  fileCodePlace: Place | undefined;
  /** The meeting's date, for warnings that depend on today's. */
  date: string | null;
  /** The template the meeting names; with `inputs`, what the cache key is made of. */
  template: string | null;
  draft: boolean;
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  inputs: ReportInputs;
  /** The job could not run at all (an unreadable file, a bug): the build exits with 2. */
  crashed: boolean;
  ms: number;
}

/** The result of a job that could not run: no files, one message, and exit code 2 for the build. */
export function crashedJob(meetingPath: string, problem: Diagnostic, ms = 0): JobResult {
  return {
    meetingPath,
    fileCode: null,
    fileCodePlace: undefined,
    date: null,
    template: null,
    draft: false,
    files: [],
    diagnostics: [problem],
    inputs: { meeting: { path: meetingPath, hash: '' }, positions: [], template: null },
    crashed: true,
    ms,
  };
}
