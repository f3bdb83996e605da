import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { entriesByMeeting, entryFolder, entryMeeting, entryName, readCache, writeCacheMerged, type BuildCache, type CacheEntry } from '../batch/cache.js';
import type { LockWaitNotice } from '../emit/lock.js';
import { keyContext, type KeyContext } from '../batch/fingerprint.js';
import { toolFingerprint } from '../batch/tool.js';
import { recordGenerated, recordUnchanged, type MeetingOutcome, type RecordedMeeting } from '../batch/outcome.js';
import { planBuild } from '../batch/plan.js';
import { formerFolderLeft } from '../batch/former-folder.js';
import { fileCodeGate, manifestsIn, type CodedMeeting, type Settled } from '../batch/file-codes.js';
import { runJobs } from '../batch/pool.js';
import { selectMeetings } from '../batch/select.js';
import type { Shard } from '../batch/shard.js';
import { projectPath, realPathAsFar } from '../load/files.js';
import { findProjectRoot } from '../load/project-root.js';
import { loadProject, outputFolder, positionIdKey } from '../load/project.js';
import { planPdf } from '../pdf/setup.js';
import { assertTemplateExists } from '../load/template-catalog.js';
import type { GeneratedReport, GenerateOptions, TemplateCache } from '../pipeline/build-meeting.js';
import type { Format } from '../model/index.js';
import { diagnostic, hasErrors, hasUnreadable, sortDiagnostics, uniqueDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { danglingLink, fileInTheWay } from '../emit/folder.js';
import { formerCodeFiles, removeOrphanedReport, type OrphanedReport } from '../emit/report.js';
import { sweepInterrupted } from '../emit/write.js';
import { mergeRequiredBy } from '../validate/clearance-rules.js';
import { mergeTemplateGaps } from '../validate/meeting-date-rules.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { compareText } from '../util/text-order.js';

export type { MeetingOutcome } from '../batch/outcome.js';

/** Options of `briefing build`, as the CLI parsed them. */
export interface BuildOptions {
  /** Folder the command runs in; the project root is found from here. */
  cwd: string;
  /** Meeting files or glob patterns, relative to `cwd`. */
  inputs: readonly string[];
  /** Every meeting under the config's meetings folder (instead of `inputs`). */
  all?: boolean;
  /** Only this part of the meetings, for a CI matrix. */
  shard?: Shard;
  /** Leave out the meetings that are over on `today` (`--upcoming`): their last day is before it. */
  upcoming?: boolean;
  /** Output folder; defaults to the config's `output`. */
  out?: string;
  /** Formats to write; defaults to the config's `formats`. */
  formats?: readonly Format[];
  /** The LibreOffice that makes PDFs; null when there is none; by default looked up on PATH. */
  office?: string | null;
  /** Refuse to build a report whose positions lack a required clearance. */
  final: boolean;
  /** Use this template instead of each meeting's own. */
  template?: string;
  /** Today's date (YYYY-MM-DD), read by the CLI; without it, date-relative warnings are skipped. */
  today?: string;
  /** From SOURCE_DATE_EPOCH, read by the CLI. */
  sourceDateEpoch?: number;
  /** Most worker threads to use; defaults to the number of cores. */
  jobs?: number;
  /** Rebuild meetings the cache says are unchanged. */
  force?: boolean;
  /** Told after each meeting is done (for a progress bar). */
  onProgress?: (progress: BuildProgress) => void;
  /** Told when another command's lock on the build cache keeps this one waiting (see {@link writeCacheMerged}). */
  onLockWait?: LockWaitNotice;
}

/** How far a batch is. */
export interface BuildProgress {
  done: number;
  total: number;
  /** The meeting just done. */
  meeting: string;
  /** What became of it (written, when built, before it is told). */
  outcome: MeetingOutcome;
}

/** The result of a build: per-meeting outcomes, all problems, and the exit code. */
export interface BuildResult {
  /** In path order. */
  meetings: MeetingOutcome[];
  /** Every problem, the meetings' and the run's, sorted and without repeats. */
  diagnostics: Diagnostic[];
  /** Problems of the run itself, not of one meeting (config, registry, inputs, cache). */
  runDiagnostics: Diagnostic[];
  summary: { built: number; unchanged: number; failed: number };
  /** Meetings whose file is gone since their last build, with the files of theirs this run removed (or left, edited since). */
  deletedMeetings: OrphanedReport[];
  /** Worker threads used; 0 when the meetings were built on the main thread. */
  threads: number;
  exitCode: number;
  /** With `upcoming`: the meetings left out because they are over, project-relative, in path order. */
  over: string[];
}

/**
 * Builds each meeting into Markdown, DOCX and (with LibreOffice) PDF: meetings whose inputs and outputs are as
 * the cache remembers them are skipped, the others are generated (on worker threads for
 * a large batch) and written. A meeting with an error is not written (its earlier output
 * stays as it was); the others still build.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = findProjectRoot(options.cwd);
  const tool = toolFingerprint();
  const cache = readCache(root, tool);
  const project = loadProject(options.cwd, { knownPositionIds: new Map(Object.entries(cache.positionIds)), committedVersions: true });
  // A folder of the project that cannot be listed stops the run as a file that cannot be read does: exit 2, as check says it.
  if (hasErrors(project.setupDiagnostics)) return finish([], project.setupDiagnostics, 0, hasUnreadable(project.setupDiagnostics) ? ExitCode.failure : ExitCode.problems);

  if (options.template !== undefined) assertTemplateExists(project, options.template);
  if (options.upcoming && options.today === undefined) throw new UsageError('Leaving out the meetings that are over needs today’s date.', 'Give `today` with `upcoming`.');
  const selected = selectMeetings(project, options.cwd, {
    inputs: options.inputs,
    all: options.all ?? false,
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.upcoming && options.today !== undefined ? { upcomingFrom: options.today } : {}),
  });
  const outDir = outputFolder(project, options.cwd, options.out);
  // Said once, before anything is built: every meeting would fail on it alike.
  const blocked = fileInTheWay(outDir);
  if (blocked) return finish([], [...project.setupDiagnostics, outputBlocked(root, outDir, blocked)], 0, ExitCode.failure);
  // What a build killed half-way left beside the reports (its own cleanup never ran).
  sweepInterrupted(outDir);
  const pdf = planPdf(options.formats ?? project.config.formats, project.config, options.formats === undefined, options.office);
  // Only the PDF was asked for, and it cannot be made: no meeting is "built" with nothing written.
  if (pdf.problem && !pdf.formats.length) return finish([], [...project.setupDiagnostics, ...selected.diagnostics, pdf.problem], 0, ExitCode.failure);
  const generate: GenerateOptions = {
    final: options.final,
    formats: pdf.formats,
    ...(pdf.pdf ? { pdf: pdf.pdf } : {}),
    sourceDateEpoch: options.sourceDateEpoch,
    template: options.template,
    ...(options.today ? { today: options.today } : {}),
  };
  const templates: TemplateCache = new Map();
  const keys = keyContext(project, generate, outDir);
  const plan = planBuild(selected.paths, cache, keys, templates, options.force ?? false);

  const runPaths = new Set(selected.paths.map((absolute) => projectPath(root, absolute)));
  const outside = { inRun: (path: string) => runPaths.has(path), manifest: manifestsIn(outDir) };
  const recorded: RecordedMeeting[] = [];
  const record = (item: RecordedMeeting) => {
    recorded.push(item);
    options.onProgress?.({ done: recorded.length, total: selected.paths.length, meeting: item.outcome.meeting, outcome: item.outcome });
  };
  const entriesOf = entriesByMeeting(cache);
  const formerFiles = (meetingPath: string, report: { fileCode: string | null; template: string | null }) => {
    const own = entryName(meetingPath, keys);
    const others = (entriesOf.get(meetingPath) ?? []).flatMap(([name, entry]) => (name === own ? [] : [entry]));
    return formerCodeFiles(cache.meetings[own], others, report);
  };
  // `--all`: an archived meeting's meeting/past-draft is not said (see quietArchived); a meeting named is told it.
  const wholeProject = options.all ?? false;
  // Each meeting is recorded (and written) once the run knows whether another shares its file code: see fileCodeGate.
  const recordSettled = (settled: Settled<Arrived>[]) => {
    for (const { meeting, duplicate } of settled) {
      record(
        meeting.entry
          ? recordUnchanged(meeting.meetingPath, meeting.entry, duplicate, wholeProject)
          : recordGenerated(meeting.report, { keys, templates, outDir, duplicate, outside, former: formerFiles(meeting.meetingPath, meeting.report), wholeProject }),
      );
    }
  };
  const unchanged = [...plan.unchanged].map(([meetingPath, entry]): Arrived => ({ meetingPath, fileCode: entry.fileCode, fileCodePlace: entry.fileCodePlace, entry }));
  const gate = fileCodeGate(unchanged, plan.toBuild.map((absolute) => ({ path: projectPath(root, absolute), absolute })));
  recordSettled(gate.start());
  const context = { project, options: generate, templates, jobs: options.jobs ?? availableParallelism() };
  const threads = await runJobs(plan.toBuild, context, (report) => recordSettled(gate.arrive({ ...report, builtFrom: report.inputs.meeting.hash || undefined, report })));

  const final = recorded.sort((a, b) => compareText(a.outcome.meeting, b.outcome.meeting));
  const deletedMeetings = removeOrphans(root, cache, final);
  const folderLeft = formerFolderLeft(root, cache, keys, final.flatMap(({ outcome }) => (outcome.status === 'built' ? [outcome.meeting] : [])));
  const cacheProblems = writeCacheMerged(root, tool, (current) => updatedCache(current, { tool, keys, recorded: final, root }), options.onLockWait ? { onLockWait: options.onLockWait } : {});
  const broken = final.some((item) => item.broken);
  const runDiagnostics = [...project.setupDiagnostics, ...selected.diagnostics, ...cacheProblems, ...(pdf.problem ? [pdf.problem] : []), ...(folderLeft ? [folderLeft] : [])];
  return { ...finish(final.map((item) => item.outcome), runDiagnostics, threads, broken ? ExitCode.failure : undefined), deletedMeetings, over: selected.over };
}

/**
 * Removes the reports of meetings the cache remembers but whose file is gone (deleted or renamed):
 * the cache forgets them after this run, so this is the one run that still knows their files.
 * None written by this run is touched.
 */
function removeOrphans(root: string, cache: BuildCache, recorded: readonly RecordedMeeting[]): OrphanedReport[] {
  const keep = new Set(recorded.flatMap((item) => item.outcome.outputs));
  // One meeting may have several entries (its own template, `--template`, `--out`): one report of it, with all their files.
  const byMeeting = new Map<string, OrphanedReport>();
  for (const [name, entry] of Object.entries(cache.meetings)) {
    const meeting = entryMeeting(name);
    if (existsSync(join(root, meeting))) continue;
    const orphan = removeOrphanedReport(root, meeting, entry.outputs, keep);
    if (!orphan) continue;
    const earlier = byMeeting.get(meeting);
    byMeeting.set(meeting, earlier ? { meeting, removed: [...earlier.removed, ...orphan.removed], left: [...earlier.left, ...orphan.left] } : orphan);
  }
  return [...byMeeting.values()];
}

/** The output folder cannot be made: a file (or a link that leads nowhere) stands at it, or at a folder above it. */
function outputBlocked(root: string, outDir: string, file: string): Diagnostic {
  const where = file === outDir ? 'where the output folder should be' : `where a folder above the output folder (${projectPath(root, outDir)}) should be`;
  const link = danglingLink(file);
  if (link !== undefined) {
    return diagnostic(projectPath(root, file), undefined, 'error', 'output/write', `A symbolic link to ${link}, which does not exist, stands ${where}; nothing was built.`, 'Make the folder it points to, remove the link (the build then makes the folder), or choose another folder with --out.');
  }
  return diagnostic(projectPath(root, file), undefined, 'error', 'output/write', `A file stands ${where}; nothing was built.`, 'Choose another folder with --out, or move the file away.');
}

/** A meeting of the run as the file-code gate holds it: unchanged (with its cache entry) or just generated. */
type Arrived = CodedMeeting & ({ entry: CacheEntry; report?: undefined } | { report: GeneratedReport; entry?: undefined });

/** Whether the output folder an entry's name holds (see `entryName`: from the project's real path) is still there; the usual folder always counts. */
function outputsThere(root: string, name: string): boolean {
  const out = entryFolder(name);
  return out === undefined || existsSync(resolve(realPathAsFar(root), out));
}

/**
 * The cache after this run: entries of clean builds added, of deleted meetings dropped. A failed
 * meeting keeps the entry of its last good build, whose report it leaves on disk: so that report is
 * still removed when the meeting is deleted, and a meeting mended back to that text is unchanged (its
 * key and the outputs' bytes are checked as ever). A meeting built without an entry drops the old one.
 */
function updatedCache(previous: BuildCache, run: { tool: string; keys: KeyContext; recorded: readonly RecordedMeeting[]; root: string }): BuildCache {
  // An entry stays while its meeting does, and one of a build into another folder while that folder does: a CI job
  // that builds into a new folder each run added an entry a meeting a run, for good.
  const meetings = Object.fromEntries(Object.entries(previous.meetings).filter(([name]) => existsSync(join(run.root, entryMeeting(name))) && outputsThere(run.root, name)));
  for (const item of run.recorded) {
    const name = entryName(item.outcome.meeting, run.keys);
    if (item.entry) meetings[name] = item.entry;
    else if (item.outcome.status !== 'failed') delete meetings[name];
  }
  const positionIds = Object.fromEntries(run.keys.project.positionFiles.map((file) => [positionIdKey(file), file.id]));
  return { format: 1, tool: run.tool, positionIds, meetings };
}

/**
 * The result of a build stopped by `signal` before it finished: the meetings done so far (their
 * files written) of the `total` it had to do, and the run's message that says so. The cache was not
 * written, so the next build does them again; `exitCode` is the one the signal ends the process with.
 */
export function stoppedBuild(meetings: readonly MeetingOutcome[], signal: NodeJS.Signals, exitCode: number, total?: number): BuildResult {
  const count = meetings.length;
  const written = count === 1 ? 'the meeting listed was written' : 'the meetings listed were written';
  const stop = !count
    ? diagnostic('.', undefined, 'error', 'run/stopped', `The build was stopped by ${signal} before any meeting was written.`, 'Build again.')
    : count === total
      ? // Every meeting was done, and the stop came as the build recorded them (waiting for another build's lock on the cache).
        diagnostic('.', undefined, 'error', 'run/stopped', `The build was stopped by ${signal} after ${count === 1 ? 'its one meeting was done, before it recorded it' : `all ${count} meetings were done, before it recorded them`} in its cache.`, `Build again: ${written}, and the next build checks ${count === 1 ? 'it' : 'them'} again.`)
      : diagnostic('.', undefined, 'error', 'run/stopped', `The build was stopped by ${signal} after ${count} ${count === 1 ? 'meeting' : 'meetings'}; the others were not built.`, `Build again: ${written} before the stop.`);
  return finish([...meetings].sort((a, b) => compareText(a.meeting, b.meeting)), [stop], 0, exitCode);
}

function finish(meetings: MeetingOutcome[], runDiagnostics: Diagnostic[], threads: number, exitCode?: number): BuildResult {
  const diagnostics = sortDiagnostics(mergeTemplateGaps(mergeRequiredBy(uniqueDiagnostics([...runDiagnostics, ...meetings.flatMap((m) => m.diagnostics)]))));
  const count = (status: MeetingOutcome['status']) => meetings.filter((m) => m.status === status).length;
  return {
    meetings,
    diagnostics,
    runDiagnostics: sortDiagnostics(runDiagnostics),
    summary: { built: count('built'), unchanged: count('unchanged'), failed: count('failed') },
    deletedMeetings: [],
    threads,
    exitCode: exitCode ?? (hasErrors(diagnostics) ? ExitCode.problems : ExitCode.ok),
    over: [],
  };
}
