import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as z from 'zod';
import { writeProblem } from '../emit/report.js';
import { OutputError, writeAtomic } from '../emit/write.js';
import { errorCode, fileSha256, outsideLinkOf, projectPath, readIfThere, type OutsideLink } from '../load/files.js';
import { findProjectRoot } from '../load/project-root.js';
import { toolFingerprint } from './tool.js';
import { LockBusyError, WAIT_MS, withFileLocks, type LockWaitNotice } from '../emit/lock.js';
import { UsageError } from '../diagnostics/errors.js';
import { RULE_IDS } from '../diagnostics/rules.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** The cache folder at the project root (git-ignored). */
export const CACHE_DIR = '.briefing-cache';
/** The cache file, project-relative. */
export const CACHE_FILE = `${CACHE_DIR}/build.json`;

const fileRecord = z.object({ path: z.string(), sha256: z.string() });
const inputRecord = z.object({ path: z.string(), sha256: z.string().optional(), built_in: z.literal(true).optional() });

const diagnosticRecord = z.object({
  file: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
  severity: z.enum(['error', 'warning']),
  ruleId: z.enum(RULE_IDS),
  message: z.string(),
  hint: z.string().optional(),
});

const entrySchema = z.object({
  /** Hash of everything that decided the outputs (see meetingKey). */
  key: z.string(),
  meetingHash: z.string(),
  /** What the meeting named, so the key can be checked without parsing it again. */
  template: z.string(),
  positions: z.array(z.string()),
  /** The meeting's last day: whether it is past decides a warning. */
  date: z.string().nullable(),
  fileCode: z.string(),
  fileCodePlace: z.object({ line: z.number(), column: z.number() }).optional(),
  draft: z.boolean(),
  /** The meeting was archived (see isArchived): a run of the whole project leaves out its `meeting/past-draft`. */
  archived: z.literal(true).optional(),
  /** Warnings of the build, shown again when the meeting is skipped. */
  warnings: z.array(diagnosticRecord),
  inputs: z.array(inputRecord),
  outputs: z.array(fileRecord),
});

const cacheSchema = z.object({
  format: z.literal(1),
  tool: z.string(),
  /** Ids of position files by path and content hash: a file seen before need not be parsed to find its id. */
  positionIds: z.record(z.string(), z.string()),
  meetings: z.record(z.string(), entrySchema),
});

/** What decides which files a run writes for a meeting: `--template`, and the output folder beside the config's. */
export interface EntryVariant {
  options: { template?: string | undefined };
  /** Output folder of the run, by its real path from the project's (see keyContext). */
  out: string;
  /** Output folder of the config, named as `out` is. */
  usualOut: string;
}

/**
 * The name under which the cache keeps a meeting's last good build. A meeting built as usual
 * (its own template, into the config's output folder) is kept under its path; one built with
 * `--template` or into another folder writes other files, and is kept under its path, the template
 * and the folder (`meetings/x.yaml\u0000speaking-points.lv\u0000out`). So a run of each kind does not
 * replace the other's entry (which made every run build every meeting again), and a deleted
 * meeting takes each set of its files with it.
 */
export function entryName(meeting: string, variant: EntryVariant): string {
  const template = variant.options.template ?? '';
  return template === '' && variant.out === variant.usualOut ? meeting : [meeting, template, variant.out].join('\u0000');
}

/** The meeting an entry of the cache is of (see {@link entryName}). */
export function entryMeeting(name: string): string {
  return name.split('\u0000', 1)[0] ?? name;
}

/**
 * The cache's entries by meeting, each with its name: a meeting's own template's, and those of its builds
 * with `--template` or `--out` (see {@link entryName}).
 */
export function entriesByMeeting(cache: BuildCache): Map<string, [string, CacheEntry][]> {
  const byMeeting = new Map<string, [string, CacheEntry][]>();
  for (const [name, entry] of Object.entries(cache.meetings)) {
    const meeting = entryMeeting(name);
    byMeeting.set(meeting, [...(byMeeting.get(meeting) ?? []), [name, entry]]);
  }
  return byMeeting;
}

/** The output folder an entry of a build with `--template` or `--out` names; undefined for a usual build's. */
export function entryFolder(name: string): string | undefined {
  const parts = name.split('\u0000');
  return parts.length === 3 ? parts[2] : undefined;
}

/** What the cache remembers of one meeting's last good build. */
export type CacheEntry = z.output<typeof entrySchema>;
/** The whole cache file. */
export type BuildCache = z.output<typeof cacheSchema>;

/**
 * Reads the cache. A missing cache is an empty one: the cache can only save work, never change
 * what is built. One that cannot be read whole (another tool version's, or one this version's
 * schema refuses) keeps what it remembers of each meeting's files, with keys that skip nothing,
 * so a meeting deleted in the run that upgrades still takes its report with it; the position ids
 * it learnt are dropped.
 */
export function readCache(root: string, tool: string): BuildCache {
  return cacheOf(cacheFile(root)?.data, tool);
}

/** The part of the cache a command that uses a few positions reads: {@link knownPositionIds}. */
const positionIdsSchema = cacheSchema.pick({ format: true, tool: true, positionIds: true });

/**
 * The ids of position files the last build of this tool learnt in the project `cwd` is in, by path and content hash (as
 * `LoadProjectOptions.knownPositionIds` takes them), or none. A command that uses one or a few
 * positions (clear, new, review) then parses only those: finding the ids by parsing every file
 * took 0.7 s of a `clear` in a project of 1,500 positions. The meetings' part is not checked.
 */
export function knownPositionIds(cwd: string): ReadonlyMap<string, string> {
  const parsed = positionIdsSchema.safeParse(cacheFile(findProjectRoot(cwd))?.data);
  return new Map(parsed.success && parsed.data.tool === toolFingerprint() ? Object.entries(parsed.data.positionIds) : []);
}

/** The tool that wrote the project's build cache (see `toolFingerprint`); undefined without one that says. */
export function cacheTool(root: string): string | undefined {
  const data = cacheFile(root)?.data;
  return typeof data === 'object' && data !== null && 'tool' in data && typeof data.tool === 'string' ? data.tool : undefined;
}

/**
 * The symbolic link that takes the cache outside the project (the folder, or the file in it), when one does: nothing
 * is read or written through it. A repository that takes pull requests may be sent a `.briefing-cache` linked to
 * any folder of the machine that builds it, where the build wrote build.json and its lock.
 */
function cacheOutside(root: string): OutsideLink | undefined {
  return outsideLinkOf(root, join(root, CACHE_DIR)) ?? outsideLinkOf(root, join(root, CACHE_FILE));
}

/** The cache file's text and what it parses to (undefined when it is no JSON); undefined when it cannot be read, or lies outside the project. */
function cacheFile(root: string): { text: string; data: unknown } | undefined {
  if (cacheOutside(root)) return undefined;
  let text: string;
  try {
    text = readFileSync(join(root, CACHE_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return { text, data: JSON.parse(text) as unknown };
  } catch {
    return { text, data: undefined };
  }
}

/** The cache `data` holds for `tool`; one that cannot be read whole as this tool's, with the files of its meetings alone (see {@link readCache}). */
function cacheOf(data: unknown, tool: string): BuildCache {
  const parsed = cacheSchema.safeParse(data);
  if (parsed.success && parsed.data.tool === tool) return parsed.data;
  return { format: 1, tool, positionIds: {}, meetings: writtenBefore(data) };
}

/** A cache's meetings as far as they are read: of any version, each a record. */
const pastCacheSchema = z.object({ meetings: z.record(z.string(), z.unknown()) });

/**
 * What each meeting's last build wrote, from a cache this tool did not write or cannot read whole
 * (another version's, whose warnings may name rules this one does not know): every entry that reads,
 * its warnings left out and its key emptied, so that it skips nothing and only its files are known.
 * One entry this version cannot read does not make it forget the others' reports.
 */
function writtenBefore(data: unknown): BuildCache['meetings'] {
  const parsed = pastCacheSchema.safeParse(data);
  if (!parsed.success) return {};
  const past = entrySchema.extend({ warnings: z.unknown() });
  return Object.fromEntries(
    Object.entries(parsed.data.meetings).flatMap(([name, entry]) => {
      const read = past.safeParse(entry);
      return read.success ? [[name, { ...read.data, key: '', warnings: [] }]] : [];
    }),
  );
}

/**
 * Writes the cache atomically; a cache that cannot be written is a warning, not a failure.
 * `onDisk` is the file's text as just read, when the caller has it.
 */
export function writeCache(root: string, cache: BuildCache, onDisk: string | undefined = readIfThere(join(root, CACHE_FILE))): Diagnostic[] {
  const text = `${JSON.stringify(cache)}\n`;
  // A run that changed nothing (every meeting unchanged) leaves the file as it is: no write, and none to fail in a read-only checkout.
  if (onDisk === text) return [];
  try {
    writeAtomic(join(root, CACHE_FILE), text, CACHE_FILE);
    return [];
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    const problem = writeProblem(error, cacheHint(error));
    return [{ ...problem, severity: 'warning', ruleId: 'cache/write', message: `${problem.message} The next build cannot skip unchanged meetings.` }];
  }
}

/**
 * Writes the cache as `update` makes it from the cache on disk now, under a lock: two builds
 * running at once (two CI steps, a build beside a watch) each record their own meetings
 * without dropping the other's, which the cache read at the start of a run would. Without a
 * folder the lock can be made in (a read-only checkout), it writes as {@link writeCache} does
 * and says so the same way. With `keepOtherTools` (a watch, which outlives updates of its tool),
 * another tool's cache is left alone: the entries of every other meeting would go. `onLockWait` is told
 * when another command's lock keeps it waiting (up to 15 s, in which the command cannot stop).
 */
export function writeCacheMerged(root: string, tool: string, update: (current: BuildCache) => BuildCache, options: { keepOtherTools?: boolean; onLockWait?: LockWaitNotice } = {}): Diagnostic[] {
  const outside = cacheOutside(root);
  if (outside) {
    return [
      diagnostic(
        projectPath(root, outside.path),
        undefined,
        'warning',
        'cache/write',
        `This is a symbolic link to ${outside.target}, outside the project; the build cache is not read or written through it. The next build cannot skip unchanged meetings.`,
        'Remove the link: the build writes the cache anew inside the project; the reports are not affected.',
      ),
    ];
  }
  const write = () => {
    const file = cacheFile(root);
    const data = file?.data;
    const othersTool = typeof data === 'object' && data !== null && 'tool' in data && typeof data.tool === 'string' && data.tool !== tool;
    return options.keepOtherTools && othersTool ? [] : writeCache(root, update(cacheOf(data, tool)), file?.text);
  };
  try {
    mkdirSync(join(root, CACHE_DIR), { recursive: true });
    return withFileLocks([{ target: join(root, CACHE_FILE), shownAs: CACHE_FILE }], write, options.onLockWait);
  } catch (error) {
    if (!(error instanceof UsageError) && errorCode(error) === undefined) throw error;
    const written = write();
    // Waited for another build's lock in vain: written all the same, and said, as what that build records may be lost.
    if (error instanceof LockBusyError && !written.length) {
      return [
        diagnostic(
          CACHE_FILE,
          undefined,
          'warning',
          'cache/write',
          `Another briefing command kept it locked (.${basename(CACHE_FILE)}.lock beside it) for ${WAIT_MS / 1000} s. The cache was written without waiting longer: a build running beside this one may build again what this one recorded.`,
          'Run one build at a time in a project (two CI jobs sharing a workspace, a build beside a watch) for the cache to keep what each one built.',
        ),
      ];
    }
    return written;
  }
}

/** What to do when the cache cannot be written: `--out` moves the reports, not the cache, so the output hints do not fit. */
function cacheHint(error: OutputError): string {
  const folder = `${CACHE_DIR}/`;
  switch (error.code) {
    case 'EACCES':
      return `Make ${folder} writable, or remove it; the reports are not affected.`;
    case 'EROFS':
      return `Have the disk mounted for writing; the reports are not affected.`;
    case 'EPERM':
      return `Unlock it (chattr -i; on a Mac, untick Locked in its Get Info), or remove ${folder}; the reports are not affected.`;
    case 'ENOENT':
    case 'ENOTDIR':
    case 'EEXIST':
    case 'EISDIR':
      return `Remove whatever stands at ${folder} (the build makes the folder anew); the reports are not affected.`;
    default:
      return error.hint;
  }
}

/** Whether every output of an entry is still on disk with the bytes that were written. */
export function outputsIntact(root: string, entry: Pick<CacheEntry, 'outputs'>): boolean {
  return entry.outputs.every((output) => fileSha256(join(root, output.path)) === output.sha256);
}

