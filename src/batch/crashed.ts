import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GeneratedReport } from '../pipeline/build-meeting.js';

/**
 * The report of a meeting that could not be generated: no files, one message, and exit
 * code 2 for the build. (Apart from job.ts, so the main thread can say so without loading the compiler.)
 */
export function crashedReport(meetingPath: string, problem: Diagnostic, ms = 0): GeneratedReport {
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
