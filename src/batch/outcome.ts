import { join } from 'node:path';
import { OutputError, writeAtomic } from '../emit/write.js';
import { projectPath, sha256 } from '../load/files.js';
import { diagnostic, hasErrors, type Diagnostic } from '../report/diagnostic.js';
import type { CacheEntry } from './cache.js';
import type { FileCodeClaims } from './file-codes.js';
import { meetingKey, type KeyContext } from './fingerprint.js';
import type { JobResult } from './job-result.js';
import type { TemplateCache } from '../pipeline/generate.js';

/** A file that went into a report, with its content hash when it has one. */
export interface InputFile {
  path: string;
  sha256?: string;
}

/** What happened to one meeting. */
export interface MeetingOutcome {
  /** Project-relative path of the meeting file. */
  meeting: string;
  /** built: written now; unchanged: skipped, its outputs are up to date; failed: nothing written. */
  status: 'built' | 'unchanged' | 'failed';
  draft: boolean;
  inputs: InputFile[];
  /** Project-relative paths of the files written (or, when unchanged, already there). */
  outputs: string[];
  /** This meeting's problems (for an unchanged meeting, the warnings of its last build). */
  diagnostics: Diagnostic[];
  /** Time spent on this meeting, in milliseconds. */
  ms: number;
}

/** A meeting's outcome, with the cache entry to remember when it built cleanly. */
export interface Recorded {
  outcome: MeetingOutcome;
  entry?: CacheEntry;
  fileCode?: string;
  /** Writing failed, or the job could not run: the build exits with 2. */
  broken: boolean;
}

/** Where and how results are written. */
export interface WriteContext {
  keys: KeyContext;
  templates: TemplateCache;
  outDir: string;
  claims: FileCodeClaims;
}

/**
 * Writes a generated meeting (unless it has an error, or an earlier meeting holds its
 * file code) and records the outcome and its cache entry.
 */
export function recordResult(result: JobResult, context: WriteContext): Recorded {
  const root = context.keys.project.root;
  const outcome: MeetingOutcome = {
    meeting: result.meetingPath,
    status: 'failed',
    draft: result.draft,
    inputs: inputFiles(result),
    outputs: [],
    diagnostics: result.diagnostics,
    ms: result.ms,
  };
  if (result.crashed || hasErrors(result.diagnostics) || !result.fileCode || !result.template) {
    return { outcome, broken: result.crashed };
  }
  context.claims.claim(result.fileCode, result.meetingPath);
  if (!context.claims.mayWrite(result.fileCode, result.meetingPath)) return { outcome, fileCode: result.fileCode, broken: false };

  const written: { path: string; sha256: string }[] = [];
  try {
    for (const file of result.files) {
      const target = join(context.outDir, file.name);
      const shown = projectPath(root, target);
      writeAtomic(target, file.data, shown);
      written.push({ path: shown, sha256: sha256(file.data) });
    }
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    outcome.diagnostics = [...outcome.diagnostics, diagnostic(error.file, undefined, 'error', 'output/write', error.message, error.hint)];
    return { outcome, broken: true };
  }
  outcome.status = 'built';
  outcome.outputs = written.map((file) => file.path);
  const positions = result.inputs.positions.map((p) => p.id);
  const key = meetingKey(context.keys, { meetingHash: result.inputs.meeting.hash, template: result.template, positions }, context.templates);
  const entry: CacheEntry | undefined = key
    ? {
        key,
        meetingHash: result.inputs.meeting.hash,
        template: result.template,
        positions,
        fileCode: result.fileCode,
        draft: result.draft,
        warnings: result.diagnostics,
        inputs: outcome.inputs,
        outputs: written,
      }
    : undefined;
  return { outcome, fileCode: result.fileCode, broken: false, ...(entry ? { entry } : {}) };
}

/** The outcome of a meeting the cache says is up to date. */
export function recordUnchanged(meeting: string, entry: CacheEntry, ms: number): Recorded {
  return {
    outcome: {
      meeting,
      status: 'unchanged',
      draft: entry.draft,
      inputs: entry.inputs,
      outputs: entry.outputs.map((output) => output.path),
      diagnostics: entry.warnings,
      ms,
    },
    entry,
    fileCode: entry.fileCode,
    broken: false,
  };
}

/** Fails a meeting that lost its file code to an earlier one; its cache entry is dropped. */
export function loseFileCode(recorded: Recorded, code: string, winner: string): Recorded {
  const problem = diagnostic(
    recorded.outcome.meeting,
    undefined,
    'error',
    'meeting/duplicate-file-code',
    `The file code \`${code}\` is also used by ${winner}; both would write the same files.`,
    'Give each meeting its own file_code.',
  );
  return {
    outcome: { ...recorded.outcome, status: 'failed', outputs: [], diagnostics: [...recorded.outcome.diagnostics, problem] },
    broken: recorded.broken,
  };
}

function inputFiles(result: JobResult): InputFile[] {
  const { meeting, positions, template } = result.inputs;
  return [
    meeting.hash ? { path: meeting.path, sha256: meeting.hash } : { path: meeting.path },
    ...positions.map((p) => ({ path: p.path, sha256: p.hash })),
    ...(template ? [{ path: template }] : []),
  ];
}
