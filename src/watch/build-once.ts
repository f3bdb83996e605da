import { basename, extname, join, resolve } from 'node:path';
import { OutputError, writeAtomic } from '../emit/write.js';
import { projectPath } from '../load/files.js';
import { loadMeeting } from '../load/meeting.js';
import { CONFIG_FILE, loadProject, type Project } from '../load/project.js';
import { planPdf } from '../pdf/setup.js';
import { generateReport, type Format } from '../pipeline/generate.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';

/** How one meeting is built in watch mode: what `briefing build` takes, for one file. */
export interface WatchBuildOptions {
  cwd: string;
  /** The meeting file, relative to `cwd` or absolute. */
  meeting: string;
  out?: string;
  formats?: readonly Format[];
  final: boolean;
  template?: string;
  sourceDateEpoch?: number;
  /** Ids of position files learnt by the previous rebuild (by `positionIdKey`): not parsed again. */
  knownPositionIds?: ReadonlyMap<string, string>;
  /** Writes one output file; `writeAtomic` unless a test replaces it. */
  write?: typeof writeAtomic;
}

/** An output another program held open, and where the new version went instead. */
export interface HeldOpen {
  target: string;
  writtenTo: string;
}

/** The outcome of one build: what was written, what was held open, every problem. */
export interface BuildOnce {
  status: 'built' | 'failed';
  draft: boolean;
  outputs: string[];
  heldOpen: HeldOpen[];
  diagnostics: Diagnostic[];
  /** Absolute paths of the meeting, config, registry, reference DOCX, included positions and template: what to watch. */
  inputs: string[];
  /** The project, for the watcher to know its folders; absent when it could not be loaded. */
  project: Project;
}

/**
 * Builds the meeting once, from files read afresh. A problem in the data fails the
 * build (nothing written). An output that another program holds open (Word on Windows)
 * is written next to it as `<name>.new.<ext>` instead, and reported.
 */
export async function buildOnce(options: WatchBuildOptions): Promise<BuildOnce> {
  const write = options.write ?? writeAtomic;
  const project = loadProject(options.cwd, {
    committedVersions: true,
    ...(options.knownPositionIds ? { knownPositionIds: options.knownPositionIds } : {}),
  });
  const meetingPath = resolve(options.cwd, options.meeting);
  const reference = project.config.layout.reference_docx;
  const settings = [join(project.root, CONFIG_FILE), join(project.root, project.config.paths.ministries), ...(reference === undefined ? [] : [resolve(project.root, reference)])];
  const result: BuildOnce = { status: 'failed', draft: false, outputs: [], heldOpen: [], diagnostics: [], inputs: [meetingPath, ...settings], project };
  if (hasErrors(project.setupDiagnostics)) {
    result.diagnostics = sortDiagnostics(project.setupDiagnostics);
    return result;
  }
  const loaded = loadMeeting(project.root, meetingPath);
  const pdf = planPdf(options.formats ?? project.config.formats, project.config, options.formats === undefined);
  const report = await generateReport(
    project,
    loaded,
    { final: options.final, formats: pdf.formats, pdf: pdf.pdf, sourceDateEpoch: options.sourceDateEpoch, template: options.template },
    new Map(),
  );
  result.inputs.push(...report.inputs.positions.map((p) => join(project.root, p.path)));
  if (report.inputs.template) result.inputs.push(resolve(project.root, report.inputs.template));
  result.diagnostics = sortDiagnostics([...project.setupDiagnostics, ...report.diagnostics, ...(pdf.problem ? [pdf.problem] : [])]);
  result.draft = report.draft;
  if (hasErrors(report.diagnostics)) return result;

  const outDir = resolve(options.cwd, options.out ?? join(project.root, project.config.output));
  for (const file of report.files) {
    const target = join(outDir, file.name);
    const shown = projectPath(project.root, target);
    try {
      write(target, file.data, shown);
      result.outputs.push(shown);
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      if (error.code !== 'EBUSY' && error.code !== 'EPERM') {
        result.diagnostics.push(diagnostic(error.file, undefined, 'error', 'output/write', error.message, error.hint));
        return result;
      }
      const beside = join(outDir, `${basename(file.name, extname(file.name))}.new${extname(file.name)}`);
      const besideShown = projectPath(project.root, beside);
      try {
        write(beside, file.data, besideShown);
      } catch (besideError) {
        if (!(besideError instanceof OutputError)) throw besideError;
        result.diagnostics.push(diagnostic(error.file, undefined, 'error', 'output/write', error.message, `${besideShown} is held open too. ${error.hint}`));
        return result;
      }
      result.outputs.push(besideShown);
      result.heldOpen.push({ target: shown, writtenTo: besideShown });
    }
  }
  result.status = 'built';
  return result;
}
