import { emitReport } from '../emit/report.js';
import { hasErrors, hasUnreadable, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CacheEntry } from './cache.js';
import { codeTakenOutside, type OutsideRun } from './file-codes.js';
import { meetingKey, reportFacts, templateFingerprint, type KeyContext } from './fingerprint.js';
import type { GeneratedReport, TemplateCache } from '../pipeline/build-meeting.js';
import { builtInPath } from '../pipeline/manifest.js';
import { pastReportLaterText, pastReportReplaced } from './past-report.js';
import type { RuleId } from '../diagnostics/rules.js';
import { quietArchived } from '../validate/clearance-rules.js';

/**
 * Warnings that this machine lacks a font the PDF needs. Installing it changes the PDF but none of
 * the report's inputs, so a report built with one is never skipped as unchanged: it would keep the
 * PDF set in another font, and ask for the font again, until `--force`.
 */
const MACHINE_WARNINGS: ReadonlySet<RuleId> = new Set(['output/pdf-font', 'output/pdf-glyph']);

/**
 * Whether the report has a warning that can go without any input changing, which a skipped meeting would show
 * again: one of {@link MACHINE_WARNINGS}, or, for a meeting that is over, a clearance dated after it, which is
 * said only until that day has come (see clearedBeforeMeeting).
 */
function warnsBeyondItsKey(result: GeneratedReport, today: string | undefined): boolean {
  const over = today !== undefined && result.date !== null && result.date < today;
  return result.diagnostics.some((problem) => MACHINE_WARNINGS.has(problem.ruleId) || (over && problem.ruleId === 'clearance/after-meeting'));
}

/** A file that went into a report, with its content hash when it has one. */
export interface InputFile {
  path: string;
  sha256?: string;
  /** A template that comes with the tool: `path` is then its path in the tool's package. */
  built_in?: true;
}

/** What happened to one meeting. */
export interface MeetingOutcome {
  /** Project-relative path of the meeting file. */
  meeting: string;
  /** built: written now; unchanged: skipped, its outputs are up to date; failed: nothing written (outputs lists what a failed write could not put back). */
  status: 'built' | 'unchanged' | 'failed';
  draft: boolean;
  inputs: InputFile[];
  /** Project-relative paths of the files written (or, when unchanged, already there). */
  outputs: string[];
  /** Files an earlier build of the meeting wrote and this one did not (a PDF left out of `--format` now): removed, as they were out of date. */
  removed?: string[];
  /** Such files left where they were, changed since that build or held open: out of date, and said so. */
  left?: string[];
  /** This meeting's problems (for an unchanged meeting, the warnings of its last build). */
  diagnostics: Diagnostic[];
  /** Time spent on this meeting, in milliseconds. */
  ms: number;
}

/** A meeting's outcome, with the cache entry to remember when it built cleanly. */
export interface RecordedMeeting {
  outcome: MeetingOutcome;
  entry?: CacheEntry;
  /** Writing failed, or the job could not run: the build exits with 2. */
  broken: boolean;
}

/** Where and how results are written. */
export interface WriteContext {
  keys: KeyContext;
  templates: TemplateCache;
  outDir: string;
  /** The message when the meeting shares its file code with another of the run: then it is not written. */
  duplicate: Diagnostic | undefined;
  /** What tells whether a meeting left out of the run has the file code too. */
  outside: OutsideRun;
  /** The files the meeting's last build wrote, as the cache remembers them (see EmitOptions.former). */
  former?: readonly { path: string; sha256: string }[] | undefined;
  /** The run builds every meeting (`--all`): an archived meeting's `meeting/past-draft` is not said (see quietArchived). */
  wholeProject?: boolean;
}

/**
 * Writes a generated meeting (unless it has an error or shares its file code with
 * another meeting) and records the outcome and its cache entry.
 */
export function recordGenerated(result: GeneratedReport, context: WriteContext): RecordedMeeting {
  const root = context.keys.project.root;
  // A meeting left out of the run may have this code too: the manifest in the output folder says whose files are there.
  const manifest = result.files.find((file) => file.format === 'manifest');
  const duplicate = context.duplicate ?? (manifest ? codeTakenOutside(root, manifest.name, result, context.outside) : undefined);
  const outcome: MeetingOutcome = {
    meeting: result.meetingPath,
    status: 'failed',
    draft: result.draft,
    inputs: inputFiles(result, root),
    outputs: [],
    diagnostics: [...(context.wholeProject ? quietArchived(result.diagnostics, result.archived) : result.diagnostics), ...(duplicate ? [duplicate] : [])],
    ms: result.ms,
  };
  if (result.crashed || hasErrors(outcome.diagnostics) || !result.fileCode || !result.template) {
    // A position it uses that cannot be read fails the run (exit 2), as the meeting's own file would.
    return { outcome, broken: result.crashed || hasUnreadable(outcome.diagnostics) };
  }

  // Read before the files are replaced: the manifest there is the last build's.
  const before = manifest ? context.outside.manifest(manifest.name) : undefined;
  const replaced = manifest ? (pastReportReplaced(result, before, context.keys.options.today, root) ?? pastReportLaterText(result, before, context.keys.options.today, root)) : undefined;
  const emitted = emitReport(result.files, { root, outDir: context.outDir, heldOpen: 'fail', ...(context.former ? { former: context.former } : {}) });
  if (!emitted.ok) {
    outcome.diagnostics = [...outcome.diagnostics, ...emitted.diagnostics];
    outcome.outputs = emitted.outputs;
    return { outcome, broken: true };
  }
  outcome.status = 'built';
  outcome.outputs = emitted.outputs;
  // Said once, by the build that replaced it: the cache entry keeps the report's own warnings only.
  if (replaced) outcome.diagnostics = [...outcome.diagnostics, replaced];
  if (emitted.removed?.length) outcome.removed = emitted.removed;
  if (emitted.left?.length) outcome.left = emitted.left;
  const entry = cacheEntry(result, emitted.written, context.keys, context.templates, outcome.inputs);
  return { outcome, broken: false, ...(entry ? { entry } : {}) };
}

/**
 * What the build cache records of a report written whole (`written`: its files): undefined when it
 * has no key (it named no template, or the key cannot be made), and is then built again next time.
 * `inputs` are those the outcome already lists, when the caller has them. A report with a warning that
 * can go without its inputs changing gets a key that matches none (see {@link warnsBeyondItsKey}).
 */
export function cacheEntry(result: GeneratedReport, written: CacheEntry['outputs'], keys: KeyContext, templates: TemplateCache, inputs: InputFile[] = inputFiles(result, keys.project.root)): CacheEntry | undefined {
  if (!result.fileCode || !result.template) return undefined;
  const facts = reportFacts(result, result.template);
  // Once for the key and for what the report was made of: in a batch it reads the template's reference DOCX from disk.
  const template = templateFingerprint(keys.project, result.template, templates);
  const key = meetingKey(keys, facts, templates, result.inputs.meeting.path, template);
  if (!key) return undefined;
  return {
    // An empty key matches none: the entry still says which files the build wrote (see readCache).
    key: warnsBeyondItsKey(result, keys.options.today) || readOtherwise(result, keys, template) ? '' : key,
    ...facts,
    fileCode: result.fileCode,
    ...(result.fileCodePlace ? { fileCodePlace: result.fileCodePlace } : {}),
    draft: result.draft,
    ...(result.archived ? { archived: true as const } : {}),
    // Said as a run that names the meeting says them: a run of the whole project leaves out what it does not say (see quietArchived).
    warnings: result.diagnostics,
    inputs,
    outputs: written,
  };
}

/**
 * Whether the thread that generated the report read the settings or the template (`template`: its fingerprint
 * as the key has it) otherwise than the key has them: a worker thread reads them again, so one saved (or checked out) while the batch ran made the report of
 * the new text, which the key of the old would take for up to date once the old text came back.
 */
function readOtherwise(result: GeneratedReport, keys: KeyContext, template: string | undefined): boolean {
  if (!result.fingerprints || !result.template) return false;
  return result.fingerprints.settings !== keys.project.settingsHash || result.fingerprints.template !== (template ?? null);
}

/**
 * The outcome of a meeting the cache says is up to date; failed instead when another meeting
 * of the run now has its file code (the cache keeps its entry, as for any failed meeting: the
 * files on disk are still its own). `wholeProject`: the run builds every meeting (see WriteContext).
 */
export function recordUnchanged(meeting: string, entry: CacheEntry, duplicate: Diagnostic | undefined, wholeProject = false): RecordedMeeting {
  const warnings = wholeProject ? quietArchived(entry.warnings, entry.archived) : entry.warnings;
  const outcome: MeetingOutcome = {
    meeting,
    status: 'unchanged',
    draft: entry.draft,
    inputs: entry.inputs,
    outputs: entry.outputs.map((output) => output.path),
    diagnostics: warnings,
    ms: 0,
  };
  if (duplicate) return { outcome: { ...outcome, status: 'failed', outputs: [], diagnostics: [...warnings, duplicate] }, broken: false };
  return { outcome, entry, broken: false };
}

/** What a report read, for `build --json`: paths from the project's folder, a built-in template's in the tool's package. */
function inputFiles(result: GeneratedReport, root: string): InputFile[] {
  const { meeting, positions, template } = result.inputs;
  const inPackage = template ? builtInPath(root, template) : undefined;
  return [
    meeting.hash ? { path: meeting.path, sha256: meeting.hash } : { path: meeting.path },
    ...positions.map((p) => ({ path: p.path, sha256: p.hash })),
    ...(template ? [inPackage === undefined ? { path: template } : { path: inPackage, built_in: true as const }] : []),
  ];
}
