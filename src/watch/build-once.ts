import { join, resolve } from 'node:path';
import { formerCodeFiles, type FormerBuild, type HeldOpen } from '../emit/report.js';
import { sweepInterrupted, type writeAllAtomic } from '../emit/write.js';
import { CONFIG_FILE } from '../load/project-root.js';
import { loadProject, outputFolder, type Project } from '../load/project.js';
import { planPdf } from '../pdf/setup.js';
import { buildMeeting, type TemplateCache } from '../pipeline/build-meeting.js';
import { ownReferenceDocx } from '../render/template.js';
import type { Format } from '../model/index.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { keyContext } from '../batch/fingerprint.js';
import { entryName, writeCacheMerged, type BuildCache } from '../batch/cache.js';
import { cacheEntry } from '../batch/outcome.js';
import { isUnchanged, type LastBuild } from '../batch/plan.js';
import { pastReportLaterText, pastReportReplaced } from '../batch/past-report.js';
import { formerFolderLeft } from '../batch/former-folder.js';
import { codeTakenOutside, manifestsIn } from '../batch/file-codes.js';
import { projectPath } from '../load/files.js';

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
  /** Today (YYYY-MM-DD), read at each build (a watch may run past midnight), as `build` reads it: a draft of a past meeting is warned about. */
  today?: () => string;
  /** Ids of position files learnt by the previous rebuild (by `positionIdKey`): not parsed again. */
  knownPositionIds?: ReadonlyMap<string, string>;
  /** The files the last build of this meeting wrote, under its file code and template: removed when this build writes another code's. */
  former?: FormerBuild;
  /** What the meeting's builds with other templates or into other folders last wrote (the build cache's): removed when under another file code (see formerCodeFiles). */
  others?: readonly FormerBuild[];
  /** Writes the report's files as a set; `writeAllAtomic` unless a test replaces it. */
  write?: typeof writeAllAtomic;
  /** What the last clean build read and wrote (its `last`): when the inputs and outputs are all as then, nothing is built. */
  last?: LastBuild;
}

/** The outcome of one build: what was written, what was held open, every problem. */
export interface BuildOnce {
  /** unchanged: every input and output is as the `last` build left them, so nothing was built or written. */
  status: 'built' | 'failed' | 'unchanged';
  draft: boolean;
  outputs: string[];
  heldOpen: HeldOpen[];
  /** An earlier build's outputs this one did not write: removed, or left as out of date (see `emitReport`). */
  removed?: string[];
  left?: string[];
  diagnostics: Diagnostic[];
  /** Absolute paths of the meeting, config, registry, reference DOCX (the config's and the template's), included positions and template: what to watch. */
  inputs: string[];
  /** The ids of the positions the meeting includes. */
  positionIds: string[];
  /** What this build wrote, when it wrote the report. */
  wrote?: FormerBuild;
  /**
   * What tells the next build whether anything changed (the build cache's key, see `isUnchanged`):
   * after a clean build that wrote every file where it belongs. Not after one that wrote beside a
   * file held open: the next save tries to replace that file again.
   */
  last?: LastBuild;
  /** The project, for the watcher to know its folders; absent when it could not be loaded. */
  project: Project;
}

/**
 * Builds the meeting once, from files read afresh. A problem in the data fails the
 * build (nothing written). An output that another program holds open (Word on Windows)
 * is written next to it as `<name>.new.<ext>` instead, and reported.
 */
export async function buildOnce(options: WatchBuildOptions): Promise<BuildOnce> {
  const project = loadProject(options.cwd, {
    committedVersions: true,
    ...(options.knownPositionIds ? { knownPositionIds: options.knownPositionIds } : {}),
  });
  const meetingPath = resolve(options.cwd, options.meeting);
  const reference = project.config.layout.reference_docx;
  const settings = [join(project.root, CONFIG_FILE), join(project.root, project.config.paths.ministries), ...(reference === undefined ? [] : [resolve(project.root, reference)])];
  const result: BuildOnce = { status: 'failed', draft: false, outputs: [], heldOpen: [], diagnostics: [], inputs: [meetingPath, ...settings], positionIds: [], project };
  if (hasErrors(project.setupDiagnostics)) {
    result.diagnostics = sortDiagnostics(project.setupDiagnostics);
    return result;
  }
  const pdf = planPdf(options.formats ?? project.config.formats, project.config, options.formats === undefined);
  const outDir = outputFolder(project, options.cwd, options.out);
  const templates: TemplateCache = new Map();
  const generate = { final: options.final, formats: pdf.formats, pdf: pdf.pdf, sourceDateEpoch: options.sourceDateEpoch, template: options.template, ...(options.today ? { today: options.today() } : {}) };
  // The batch build's key (config, registry, templates, reference DOCX, positions and their versions at git HEAD, flags, tool).
  const keys = keyContext(project, generate, outDir);
  if (options.last && isUnchanged(meetingPath, options.last, keys, templates)) return { ...result, status: 'unchanged' };
  sweepInterrupted(outDir);
  // Read before the files are replaced, as a batch build reads it: the manifest there is the last build's.
  let replaced: Diagnostic | undefined;
  const { report, emitted } = await buildMeeting(project, meetingPath, generate, templates, (generated) => {
    const manifest = generated.files.find((file) => file.format === 'manifest');
    // Another meeting's report stands under this file code (a meeting copied to start the next one): refused as `build` refuses it.
    const taken = manifest ? codeTakenOutside(project.root, manifest.name, generated, { inRun: (path) => path === generated.meetingPath, manifest: manifestsIn(outDir) }) : undefined;
    if (taken) generated.diagnostics.push(taken);
    const before = manifest ? manifestsIn(outDir)(manifest.name) : undefined;
    replaced = manifest ? (pastReportReplaced(generated, before, generate.today, project.root) ?? pastReportLaterText(generated, before, generate.today, project.root)) : undefined;
    return { root: project.root, outDir, heldOpen: 'write-beside', ...(options.write ? { write: options.write } : {}), former: formerCodeFiles(options.former, options.others ?? [], generated) ?? [] };
  });
  result.inputs.push(...report.inputs.positions.map((p) => join(project.root, p.path)));
  result.positionIds = report.inputs.positions.map((p) => p.id);
  if (report.inputs.template) result.inputs.push(resolve(project.root, report.inputs.template));
  result.inputs.push(...templateReferences(project, templates));
  result.diagnostics = sortDiagnostics([...project.setupDiagnostics, ...report.diagnostics, ...(pdf.problem ? [pdf.problem] : [])]);
  result.draft = report.draft;
  if (!emitted) return result;
  result.outputs = emitted.outputs;
  result.heldOpen = emitted.heldOpen;
  if (emitted.removed?.length) result.removed = emitted.removed;
  if (emitted.left?.length) result.left = emitted.left;
  result.diagnostics.push(...emitted.diagnostics);
  if (!emitted.ok) return result;
  if (replaced) result.diagnostics.push(replaced);
  result.status = 'built';
  result.wrote = { fileCode: report.fileCode, template: report.template, outputs: emitted.written };
  const entry = emitted.heldOpen.length ? undefined : cacheEntry(report, emitted.written, keys, templates);
  if (entry) {
    result.last = entry;
    // Recorded in build's cache too, as a build of the meeting alone records it: `build --all` skips what the watch built, and a meeting deleted later takes this report with it.
    const meeting = projectPath(project.root, meetingPath);
    let folderLeft: Diagnostic | undefined;
    const recorded = (cache: BuildCache): BuildCache => {
      // The cache as the last build left it tells where that build wrote: said once, as build says it, when `output` names another folder now.
      folderLeft = formerFolderLeft(project.root, cache, keys, [meeting]);
      return { ...cache, meetings: { ...cache.meetings, [entryName(meeting, keys)]: entry } };
    };
    result.diagnostics.push(...writeCacheMerged(project.root, keys.tool, recorded, { keepOtherTools: true }));
    if (folderLeft) result.diagnostics.push(folderLeft);
  }
  return result;
}

/** Absolute paths of the reference DOCX files the templates of this build name in their front matter. */
function templateReferences(project: Project, templates: TemplateCache): string[] {
  return [...templates.values()].flatMap(({ template }) => {
    const reference = template && ownReferenceDocx(template);
    return reference === undefined ? [] : [resolve(project.root, reference)];
  });
}
