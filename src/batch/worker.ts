import { workerData } from 'node:worker_threads';
import { loadProject, type CommittedMeeting, type PositionFile, type Project } from '../load/project.js';
import type { GeneratedReport, GenerateOptions, TemplateCache } from '../pipeline/build-meeting.js';
import { runJob } from './job.js';
import { joinStop } from '../pdf/conversion-stop.js';

/** What every worker of a batch is started with: the project and how to build. */
export interface WorkerSetup {
  root: string;
  /** The main thread's scan of the positions, so a worker parses only the positions it uses. */
  positionFiles: PositionFile[];
  /** The main thread's changed meetings with their committed texts, so a worker says `meeting/translation-stale` as the main thread would. */
  committedMeetings: readonly CommittedMeeting[];
  options: GenerateOptions;
  /** The main thread's memory that says the process is stopping (pdf/convert.ts): a signal stops this thread's offices too. */
  stop: SharedArrayBuffer;
}

/** One task: a meeting file, absolute. */
export interface WorkerTask {
  path: string;
}

const setup: unknown = workerData;
let project: Project | undefined;
const templates: TemplateCache = new Map();

/**
 * A worker thread of the batch pool (`dist/worker.cjs`, started by `bin/worker.cjs`): loads the project once, then
 * generates one meeting per task. Writes nothing; the main thread writes.
 */
export default async function buildInWorker(task: WorkerTask): Promise<GeneratedReport> {
  if (!isWorkerSetup(setup)) throw new Error('briefing worker started without its setup');
  if (!project) {
    joinStop(setup.stop);
    project = loadProject(setup.root, { positionFiles: setup.positionFiles, committedMeetings: setup.committedMeetings });
  }
  return runJob(project, task.path, setup.options, templates);
}

function isWorkerSetup(value: unknown): value is WorkerSetup {
  return (
    typeof value === 'object' &&
    value !== null &&
    'root' in value &&
    typeof value.root === 'string' &&
    'positionFiles' in value &&
    Array.isArray(value.positionFiles) &&
    'committedMeetings' in value &&
    Array.isArray(value.committedMeetings) &&
    'options' in value &&
    typeof value.options === 'object' &&
    'stop' in value &&
    value.stop instanceof SharedArrayBuffer
  );
}
