import { loadMeeting } from '../load/meeting.js';
import type { Project } from '../load/project.js';
import { generateReport, type GenerateOptions, type GeneratedFile, type ReportInputs, type TemplateCache } from '../pipeline/generate.js';
import { diagnostic, type Diagnostic } from '../report/diagnostic.js';
import { UsageError } from '../report/errors.js';
import { projectPath } from '../load/files.js';

/**
 * One meeting generated in memory, as plain data so it can cross from a worker thread:
 * the files to write (none after an error), every problem, and what went into it.
 */
export interface JobResult {
  meetingPath: string;
  fileCode: string | null;
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

/**
 * Loads and generates one meeting. Never throws: a file that cannot be read or a bug
 * becomes a message on this meeting, so the other meetings of a batch still build.
 */
export async function runJob(project: Project, absolutePath: string, options: GenerateOptions, templates: TemplateCache): Promise<JobResult> {
  const started = performance.now();
  const meetingPath = projectPath(project.root, absolutePath);
  try {
    const loaded = loadMeeting(project.root, absolutePath);
    const report = await generateReport(project, loaded, options, templates);
    return {
      meetingPath: report.meetingPath,
      fileCode: report.fileCode,
      template: loaded.meeting?.template ?? null,
      draft: report.draft,
      files: report.files,
      diagnostics: report.diagnostics,
      inputs: report.inputs,
      crashed: false,
      ms: performance.now() - started,
    };
  } catch (error) {
    const problem =
      error instanceof UsageError
        ? diagnostic(meetingPath, undefined, 'error', 'input/unreadable', error.message, error.hint)
        : diagnostic(meetingPath, undefined, 'error', 'internal/error', `Internal error: ${error instanceof Error ? error.message : String(error)}`, 'Report it as a bug, with the meeting file.');
    return crashedJob(meetingPath, problem, performance.now() - started);
  }
}

/** The result of a job that could not run: no files, one message, and exit code 2 for the build. */
export function crashedJob(meetingPath: string, problem: Diagnostic, ms = 0): JobResult {
  return {
    meetingPath,
    fileCode: null,
    template: null,
    draft: false,
    files: [],
    diagnostics: [problem],
    inputs: { meeting: { path: meetingPath, hash: '' }, positions: [], template: null },
    crashed: true,
    ms,
  };
}
