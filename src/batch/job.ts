import { loadMeeting } from '../load/meeting.js';
import type { Project } from '../load/project.js';
import { generateReport, type GenerateOptions, type TemplateCache } from '../pipeline/generate.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../diagnostics/errors.js';
import { projectPath } from '../load/files.js';
import { crashedJob, type JobResult } from './job-result.js';

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
      fileCodePlace: report.fileCodePlace,
      date: loaded.meeting?.date ?? null,
      template: loaded.meeting ? (options.template ?? loaded.meeting.template) : null,
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
