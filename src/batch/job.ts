import type { Project } from '../load/project.js';
import { buildMeeting, type GenerateOptions, type GeneratedReport, type TemplateCache } from '../pipeline/build-meeting.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { crashedReport } from './crashed.js';
import { UsageError } from '../diagnostics/errors.js';
import { projectPath } from '../load/files.js';
import { meetingGoneMeanwhile, unreadableMeeting } from '../load/meeting.js';
import { templateFingerprint } from './fingerprint.js';

/**
 * Generates one meeting (the chain without emit: the main thread writes). Never throws: a
 * file that cannot be read or a bug becomes a message on this meeting, so the other
 * meetings of a batch still build.
 */
export async function runJob(project: Project, absolutePath: string, options: GenerateOptions, templates: TemplateCache): Promise<GeneratedReport> {
  const started = performance.now();
  const meetingPath = projectPath(project.root, absolutePath);
  try {
    const { report } = await buildMeeting(project, absolutePath, options, templates);
    // What crosses to the main thread is plain data: the rendered tree (used by `diff`) stays here.
    const { rendered: _rendered, ...plain } = report;
    const template = report.template === null ? null : (templateFingerprint(project, report.template, templates) ?? null);
    return { ...plain, fingerprints: { settings: project.settingsHash, template }, ms: performance.now() - started };
  } catch (error) {
    const problem =
      error instanceof UsageError
        ? (meetingGoneMeanwhile(absolutePath, meetingPath) ?? unreadableMeeting(meetingPath, error))
        : diagnostic(meetingPath, undefined, 'error', 'internal/error', `Internal error: ${error instanceof Error ? error.message : String(error)}`, 'Report it as a bug, with the meeting file.');
    return crashedReport(meetingPath, problem, performance.now() - started);
  }
}
