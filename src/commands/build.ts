import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { OutputError, writeAtomic } from '../emit/write.js';
import { projectPath } from '../load/files.js';
import { loadMeeting } from '../load/meeting.js';
import { loadProject, type Project } from '../load/project.js';
import { generateReport, type Format, type GeneratedReport, type TemplateCache } from '../pipeline/generate.js';
import { assertTemplateExists } from '../render/catalog.js';
import { duplicateFileCodes } from '../validate/project-rules.js';
import { diagnostic, hasErrors, sortDiagnostics, uniqueDiagnostics, type Diagnostic } from '../report/diagnostic.js';
import { ExitCode, UsageError } from '../report/errors.js';

/** Options of `briefing build`, as the CLI parsed them. */
export interface BuildOptions {
  /** Folder the command runs in; the project root is found from here. */
  cwd: string;
  /** Meeting files or glob patterns, relative to `cwd`. */
  inputs: readonly string[];
  /** Output folder; defaults to the config's `output`. */
  out?: string;
  /** Formats to write; defaults to the config's `formats`. */
  formats?: readonly Format[];
  /** Refuse to build a report whose positions lack a required clearance. */
  final: boolean;
  /** From SOURCE_DATE_EPOCH, read by the CLI. */
  sourceDateEpoch?: number;
  /** Use this template instead of each meeting's own. */
  template?: string;
  /** Today's date (YYYY-MM-DD), read by the CLI; without it, date-relative warnings are skipped. */
  today?: string;
}

/** What happened to one meeting. */
export interface MeetingOutcome {
  meeting: string;
  status: 'built' | 'failed';
  draft: boolean;
  /** Project-relative paths of the files written. */
  outputs: string[];
}

/** The result of a build: per-meeting outcomes, all problems, and the exit code. */
export interface BuildResult {
  meetings: MeetingOutcome[];
  diagnostics: Diagnostic[];
  exitCode: number;
}

/**
 * Builds each meeting into Markdown and DOCX. A meeting with an error is not written
 * (its earlier output stays as it was); the others still build.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const project = loadProject(options.cwd);
  if (hasErrors(project.setupDiagnostics)) {
    return { meetings: [], diagnostics: sortDiagnostics(project.setupDiagnostics), exitCode: ExitCode.problems };
  }
  if (options.template !== undefined) assertTemplateExists(project, options.template);
  const { paths, diagnostics: inputDiagnostics } = resolveInputs(project, options.cwd, options.inputs);
  const outDir = resolve(options.cwd, options.out ?? join(project.root, project.config.output));
  const formats = options.formats ?? project.config.formats;
  const templates: TemplateCache = new Map();
  const diagnostics: Diagnostic[] = [...project.setupDiagnostics, ...inputDiagnostics];
  const meetings: MeetingOutcome[] = [];
  let outputFailed = false;

  const reports: GeneratedReport[] = [];
  for (const path of paths) {
    const loaded = loadMeeting(project.root, path);
    reports.push(
      await generateReport(
        project,
        loaded,
        { final: options.final, formats, sourceDateEpoch: options.sourceDateEpoch, template: options.template, ...(options.today ? { today: options.today } : {}) },
        templates,
      ),
    );
  }
  diagnostics.push(...duplicateFileCodes(reports));

  for (const report of reports) {
    diagnostics.push(...report.diagnostics);
    const fatal = hasErrors(report.diagnostics) || diagnostics.some((d) => d.ruleId === 'meeting/duplicate-file-code' && d.file === report.meetingPath);
    const outcome: MeetingOutcome = { meeting: report.meetingPath, status: 'failed', draft: report.draft, outputs: [] };
    if (!fatal) {
      try {
        for (const file of report.files) {
          const target = join(outDir, file.name);
          const shown = projectPath(project.root, target);
          writeAtomic(target, file.data, shown);
          outcome.outputs.push(shown);
        }
        outcome.status = 'built';
      } catch (error) {
        if (!(error instanceof OutputError)) throw error;
        outputFailed = true;
        diagnostics.push(diagnostic(error.file, undefined, 'error', 'output/write', error.message, error.hint));
      }
    }
    meetings.push(outcome);
  }

  const all = sortDiagnostics(uniqueDiagnostics(diagnostics));
  const exitCode = outputFailed ? ExitCode.failure : hasErrors(all) ? ExitCode.problems : ExitCode.ok;
  return { meetings, diagnostics: all, exitCode };
}

/** Expands paths and globs into existing meeting files; a missing one is a problem, not a crash. */
function resolveInputs(project: Project, cwd: string, inputs: readonly string[]) {
  if (!inputs.length) {
    throw new UsageError(
      'Name the meeting file(s) to build.',
      `For example: briefing build ${project.config.paths.meetings}/<date>-<slug>.yaml`,
    );
  }
  const paths: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = globSync(input, { cwd, absolute: true }).sort();
      if (!matches.length) {
        diagnostics.push(diagnostic(input, undefined, 'error', 'input/no-match', `No meeting file matches \`${input}\`.`, 'Check the pattern; quote it so the shell does not expand it.'));
      }
      paths.push(...matches);
    } else {
      const absolute = isAbsolute(input) ? input : resolve(cwd, input);
      if (existsSync(absolute)) paths.push(absolute);
      else {
        diagnostics.push(
          diagnostic(projectPath(project.root, absolute), undefined, 'error', 'input/not-found', 'No such meeting file.', `Meeting files live in ${project.config.paths.meetings}/.`),
        );
      }
    }
  }
  return { paths: [...new Set(paths)], diagnostics };
}
