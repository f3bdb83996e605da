import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../load/package-folder.js';
import type { Project } from '../load/project.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { projectPath } from '../load/files.js';
import type { GeneratedReport, GenerateOptions, TemplateCache } from '../pipeline/build-meeting.js';
import { crashedReport } from './crashed.js';
import { REPORTS_PER_OFFICE_RUN } from '../pdf/convert.js';
import { sharedStop } from '../pdf/conversion-stop.js';
import { addressSpaceLimit } from '../util/process.js';
import type { WorkerSetup, WorkerTask } from './worker.js';

/**
 * A worker thread costs about as much to start as building a few meetings, so each
 * thread is given at least this many; a smaller batch is built on the main thread.
 */
export const MEETINGS_PER_THREAD = 4;

/** How the batch's worker threads run, whatever they run (exported for the test that holds the first point). */
export const WORKER_POOL_SETTINGS = {
  // Between two tasks a worker goes back to its event loop. Piscina's default ('sync')
  // waits for the next task inside the last one, so the worker's job never ends and
  // V8 keeps every object a WeakRef was made for or read through during the job: each
  // position the worker ever parsed (held weakly on purpose) stayed, some 50 KB a meeting.
  atomics: 'async',
  // A young generation as large as the main thread's: smaller ones promote each
  // meeting's short-lived document tree and cost up to twice the CPU; the old one is
  // capped at a few times what a worker keeps alive (docs/performance.md has the figures).
  resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: 128 },
} as const;

/** How to run the jobs of a batch. */
export interface JobsContext {
  project: Project;
  options: GenerateOptions;
  /** Compiled templates, shared with the cache-key computation on the main thread. */
  templates: TemplateCache;
  /** The most worker threads to use (`--jobs`). */
  jobs: number;
}

/**
 * Generates each meeting and hands each result to `onResult` as soon as it is ready (in
 * the order they finish). Uses a pool of worker threads when the batch is large enough
 * to pay for them, else the main thread. Returns how many worker threads it used.
 */
export async function runJobs(paths: readonly string[], context: JobsContext, onResult: (result: GeneratedReport) => void): Promise<number> {
  if (!paths.length) return 0;
  const wanted = Math.min(context.jobs, Math.floor(paths.length / MEETINGS_PER_THREAD));
  // The limit of address space read only for a batch that would start threads: a single build reads no /proc file for it.
  const threads = wanted < 2 ? wanted : Math.min(wanted, threadsWithin(addressSpaceLimit()));
  // The worker's entry runs the worker bundle (dist/worker.cjs) through the code cache.
  const root = packageRoot();
  const workerFile = join(root, 'bin', 'worker.cjs');
  if (threads < 2 || !existsSync(join(root, 'dist', 'worker.cjs'))) return runOnMainThread(paths, context, onResult);
  // Required, not imported: the bundle runs as a script (bin/load.cjs), where an `import()` would need
  // Node's experimental loader hook and print its warning into every batch's output.
  const { Piscina } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
  const setup: WorkerSetup = { root: context.project.root, positionFiles: context.project.positionFiles, committedMeetings: context.project.committedMeetings, options: context.options, stop: sharedStop() };
  let pool: InstanceType<typeof Piscina<WorkerTask, unknown>>;
  try {
    pool = new Piscina<WorkerTask, unknown>({
      ...WORKER_POOL_SETTINGS,
      filename: pathToFileURL(workerFile).href,
      minThreads: threads,
      maxThreads: threads,
      // A worker waiting for LibreOffice builds its next meetings meanwhile, whose PDFs its next office run then makes.
      concurrentTasksPerWorker: makesPdf(context.options) ? REPORTS_PER_OFFICE_RUN : 1,
      workerData: setup,
    });
  } catch (error) {
    if (!workerNotStarted(error)) throw error;
    return runOnMainThread(paths, context, onResult);
  }
  // A thread that could not start leaves its tasks, and those queued behind them, to the main thread: the pool starts no
  // other in its place, and the queue would wait for good. Said on the pool when the thread had no task yet, which,
  // unheard, ended the command as an internal error.
  let stopped: Promise<void> | undefined;
  const stopPool = () => (stopped ??= pool.destroy());
  let threadsFailed = false;
  const giveUpThreads = () => {
    threadsFailed = true;
    void stopPool();
  };
  pool.on('error', (error: unknown) => {
    if (!workerNotStarted(error)) throw error;
    giveUpThreads();
  });
  // Meetings too large for a worker's heap, built again here one at a time.
  let onMainThread: Promise<unknown> = Promise.resolve();
  const buildHere = (path: string): Promise<GeneratedReport> => {
    const built = onMainThread.then(async () => {
      const { runJob } = await import('./job.js');
      return runJob(context.project, path, context.options, context.templates);
    });
    onMainThread = built.catch(() => undefined);
    return built;
  };
  try {
    await Promise.all(
      paths.map(async (path) => {
        try {
          const result = await pool.run({ path });
          onResult(isGeneratedReport(result) ? result : crashed(context.project, path, 'the worker returned no result'));
        } catch (error) {
          if (workerNotStarted(error)) giveUpThreads();
          onResult(threadsFailed || outOfWorkerMemory(error) ? await buildHere(path) : crashed(context.project, path, error instanceof Error ? error.message : String(error)));
        }
      }),
    );
  } finally {
    await stopPool();
  }
  return threadsFailed ? 0 : threads;
}

/** Builds the meetings on this thread, one after another (side by side when their PDFs are made); as {@link runJobs}, with no thread. */
async function runOnMainThread(paths: readonly string[], context: JobsContext, onResult: (result: GeneratedReport) => void): Promise<number> {
  // Imported here, not above: when worker threads build, the main thread never loads the compiler.
  const { runJob } = await import('./job.js');
  if (makesPdf(context.options)) {
    // Side by side, so the meetings' PDFs are made in one run of the office (pdf/convert.ts).
    await inTurns(paths, REPORTS_PER_OFFICE_RUN, async (path) => onResult(await runJob(context.project, path, context.options, context.templates)));
    return 0;
  }
  for (const path of paths) {
    onResult(await runJob(context.project, path, context.options, context.templates));
    // Back to the event loop between meetings: lets the collector take positions no longer used.
    await setImmediate();
  }
  return 0;
}

const GIB = 2 ** 30;

/**
 * How many worker threads fit in a limit of address space (`ulimit -v`): V8 reserves some of it for each thread's isolate,
 * about 0.65 GiB, the main thread's with the rest of the process about 1.4 GiB; counted here as 1 and 1.5, to spare. A
 * worker that found no room ended the process at once ("Fatal process out of memory: Failed to reserve virtual memory for
 * CodeRange", Node.js's stack trace, exit 133), which nothing can catch: so none is started that would not fit.
 */
function threadsWithin(limit: number | undefined): number {
  return limit === undefined ? Number.POSITIVE_INFINITY : Math.floor((limit - 1.5 * GIB) / GIB);
}

/**
 * Whether a worker thread could not be started: the system refused another thread (EAGAIN, at the limit of processes a
 * container or a user may have) or had no file descriptor left for it (EMFILE, `ulimit -n`). The meetings are then built
 * on the main thread, as a small batch is; it was an internal error, "report it as a bug", and nothing was built.
 */
function workerNotStarted(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_INIT_FAILED';
}

/**
 * Whether a worker thread ended at its heap's cap ({@link WORKER_POOL_SETTINGS}): a meeting whose position is a few
 * megabytes (the limit of an input file is 16 MiB) needs more than a worker may take, and every meeting that used it
 * failed as an internal error, exit 2, which `build` of the meeting alone built. Such a meeting is built on the main thread.
 */
function outOfWorkerMemory(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** Whether the meetings' PDFs are made (LibreOffice found and the PDF asked for). */
function makesPdf(options: GenerateOptions): boolean {
  return options.pdf !== undefined && options.formats.includes('pdf');
}

/** Runs `task` for each item, at most `width` at a time, taking the next as soon as one ends. */
async function inTurns<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
}

/** A worker thread that died (out of memory, a bug): the meeting fails, the others go on. */
function crashed(project: Project, absolutePath: string, reason: string): GeneratedReport {
  const meetingPath = projectPath(project.root, absolutePath);
  return crashedReport(
    meetingPath,
    diagnostic(meetingPath, undefined, 'error', 'internal/error', `Internal error in a worker thread: ${reason}`, 'Report it as a bug; --jobs 1 builds without threads.'),
  );
}

function isGeneratedReport(value: unknown): value is GeneratedReport {
  return typeof value === 'object' && value !== null && 'meetingPath' in value && 'files' in value && 'diagnostics' in value && 'crashed' in value;
}
