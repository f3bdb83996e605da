import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { selectMeetings } from '../batch/select.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { watch, type FSWatcher } from 'chokidar';
import { builtInTemplatesDir } from '../load/package-folder.js';
import { CONFIG_FILE, findProjectRoot } from '../load/project-root.js';
import { loadProject, positionIdKey, type Project } from '../load/project.js';
import { UsageError } from '../diagnostics/errors.js';
import { buildOnce, type BuildOnce, type WatchBuildOptions } from './build-once.js';
import type { LastBuild } from '../batch/plan.js';
import type { FormerBuild } from '../emit/report.js';
import { entriesByMeeting, readCache } from '../batch/cache.js';
import { toolFingerprint } from '../batch/tool.js';
import { projectPath } from '../load/files.js';
import { debounce } from './debounce.js';
import { HEAD_MOVED, watchHead } from './head-moves.js';
import { unwatched } from './unwatched.js';
import { loadsProjectsAgain } from '../load/process-kind.js';
import { shellWord } from '../util/shell.js';

/** Something the watcher has to tell the user. */
export type WatchEvent =
  | { kind: 'build'; run: number; changed: string[]; result: BuildOnce }
  /** The build could not even start (no config, the meeting file gone): waits for the next change. */
  | { kind: 'error'; run: number; changed: string[]; message: string; hint?: string | undefined; /** The meeting file a build found was deleted or moved: nothing to fix in it. */ gone?: true }
  /** A file or folder the watcher cannot follow (see `unwatched`): said once, and the watch goes on without it. */
  | { kind: 'unwatched'; message: string; hint: string };

/** Options of the watch loop: the build's options plus how to report and how long a burst lasts. */
export interface WatchOptions extends WatchBuildOptions {
  onEvent(event: WatchEvent): void;
  /** Quiet time after the last change before rebuilding; 250 ms unless given. */
  debounceMs?: number;
}

/** A running watch loop. */
export interface Watcher {
  /** Stops watching; resolves when no build is running any more. */
  close(): Promise<void>;
}

// DOCX files too, though few of them are inputs: a reference DOCX must be seen from the start, not once a build names
// it, or a save of it while that build runs (or before the watcher has added it) is missed. Which changes matter, `relevanceOf` says.
const WATCHED_FILES = /\.(ya?ml|hbs|docx)$/i;
const IGNORED_FOLDERS = /(^|[/\\])(\.git|node_modules|\.briefing-cache)([/\\]|$)/;

/**
 * Refuses a folder or a pattern named to `build --watch` (a usage error): it follows one meeting
 * file, and neither can ever become one, so waiting for it would wait for good.
 */
export function assertOneFile(cwd: string, meeting: string): void {
  const absolute = resolve(cwd, meeting);
  const example = 'For example: briefing build meetings/2021-05-18-educ-council.yaml --watch';
  if (existsSync(absolute)) {
    if (statSync(absolute).isDirectory()) throw new UsageError(`--watch follows one meeting file, and ${meeting} is a folder.`, `Name one of its meetings. ${example}`);
  } else if (isDynamicPattern(meeting)) {
    throw new UsageError(`--watch follows one meeting file, and ${meeting} is a pattern.`, `Name the meeting file itself. ${example}`);
  }
}

/**
 * Why the file named to `build --watch` can never be built, as `build` says it: a position, a
 * README, a file outside the project. Undefined when it is a meeting, or is not there (yet): a
 * missing meeting file, or a project without a config, is waited for.
 */
export function watchTargetProblem(cwd: string, meeting: string): Diagnostic | undefined {
  const absolute = resolve(cwd, meeting);
  if (!existsSync(absolute) || isDynamicPattern(meeting)) return undefined;
  let project: Project;
  try {
    project = loadProject(cwd, { skipPositions: true });
  } catch {
    return undefined;
  }
  return selectMeetings(project, cwd, { inputs: [meeting], all: false }).diagnostics.find((problem) => problem.severity === 'error');
}

/**
 * Builds the meeting, then rebuilds it whenever the meeting, a position, a template or
 * partial, the config or the registry changes, once per burst of changes. Problems are
 * reported and the loop goes on: a half-typed file is reported and waited out.
 */
export async function watchBuild(options: WatchOptions): Promise<Watcher> {
  loadsProjectsAgain();
  let run = 0;
  let running: Promise<void> = Promise.resolve();
  let relevant = (_path: string): boolean => true;
  const root = projectRootOr(options.cwd);
  // What the last `build` left in its cache, read once.
  const cache = readCache(root, toolFingerprint());
  // Position ids by path and content, as build's cache keeps them: a save re-parses only what changed, and the
  // first build, after a `build`, only the positions the meeting uses (every one of 5,000 took it 10 s).
  let knownPositionIds: ReadonlyMap<string, string> | undefined = Object.keys(cache.positionIds).length ? new Map(Object.entries(cache.positionIds)) : undefined;
  // What the last build wrote (at first, what `build` last wrote, from its cache): a new file code removes the old files.
  const meetingPath = projectPath(root, resolve(options.cwd, options.meeting));
  let former: FormerBuild | undefined = cache.meetings[meetingPath];
  // What `build --template` (or `--out`) last wrote of the meeting: under a file code it no longer has, removed too.
  const others = (entriesByMeeting(cache).get(meetingPath) ?? []).flatMap(([name, entry]) => (name === meetingPath ? [] : [entry]));
  // Inputs whose kind the watcher leaves out otherwise (a registry not named .yaml): watched once a build names them.
  const extra = new Set<string>();
  // Changes seen while a build runs wait for it: which of them matter is known from that build.
  let waiting = new Set<string>();
  // What the last clean build read and wrote: a save that changes nothing (a touch, a save-all, a checkout and back) builds nothing.
  let last: LastBuild | undefined;
  /** What the build that left `last` said (warnings only: it built): still true while nothing changes. */
  let lastSaid: BuildOnce['diagnostics'] = [];
  // Whether a build found the meeting file: once it has, a missing one was deleted or moved, not mistyped.
  let found = false;
  // Whether a build of this watch replaced a past meeting's final report: the reports it replaces after that are its own.
  let replacedPast = false;

  const rebuild = (first: boolean) => {
    running = running.then(async () => {
      const paths = [...waiting].sort();
      waiting = new Set();
      const changed = paths.filter((path) => relevant(path));
      if (!first && !changed.length) return;
      run += 1;
      const shownChanged = changed.map((path) => shown(root, path));
      try {
        const result = await buildOnce({ ...options, ...(knownPositionIds ? { knownPositionIds } : {}), ...(former ? { former } : {}), others, ...(last ? { last } : {}) });
        found = true;
        knownPositionIds = new Map(result.project.positionFiles.map((file) => [positionIdKey(file), file.id]));
        if (result.status === 'unchanged') {
          // A commit of nothing the meeting reads: no line for it.
          if (changed.length === 1 && changed[0] === HEAD_MOVED) return;
          // Read and written as by the last build: what it said is still true.
          options.onEvent({ kind: 'build', run, changed: shownChanged, result: { ...result, diagnostics: lastSaid } });
          return;
        }
        relevant = relevanceOf(result);
        if (result.wrote) former = result.wrote;
        const past = (d: Diagnostic) => d.ruleId === 'output/past-report-replaced' || d.ruleId === 'output/past-report-later-text';
        // Said by the build that replaced the report that was there before the watch: each save after it replaces the watch's own.
        const said = replacedPast ? { ...result, diagnostics: result.diagnostics.filter((d) => !past(d)) } : result;
        if (result.status === 'built' && result.diagnostics.some(past)) replacedPast = true;
        // A failed build wrote nothing, so the last clean one still tells: saving a file back as it was is no change.
        if (result.status === 'built') {
          last = result.last;
          // Said once, by the build that replaced a past meeting's report: no longer true of the outputs it wrote.
          lastSaid = result.diagnostics.filter((d) => !past(d));
        }
        for (const input of result.inputs) {
          if (WATCHED_FILES.test(input) || extra.has(input)) continue;
          extra.add(input);
          watcher.add(input);
        }
        options.onEvent({ kind: 'build', run, changed: shownChanged, result: said });
      } catch (error) {
        const meeting = resolve(options.cwd, options.meeting);
        if (error instanceof UsageError && found && !existsSync(meeting)) {
          options.onEvent({ kind: 'error', run, changed: shownChanged, ...meetingGone(options.meeting, arrivedBeside(meeting, paths, options.cwd)) });
        } else if (error instanceof UsageError && found && !existsSync(resolve(root, CONFIG_FILE))) {
          options.onEvent({ kind: 'error', run, changed: shownChanged, ...configGone(relative(options.cwd, resolve(root, CONFIG_FILE)).split(sep).join('/')) });
        } else if (error instanceof UsageError) options.onEvent({ kind: 'error', run, changed: shownChanged, message: error.message, hint: error.hint });
        else options.onEvent({ kind: 'error', run, changed: shownChanged, message: `internal error: ${error instanceof Error ? error.message : String(error)}` });
      }
    });
    return running;
  };

  const burst = debounce(options.debounceMs ?? 250, (paths) => {
    for (const path of paths) waiting.add(path);
    void rebuild(false);
  });
  // Without a listener, such an error ended the whole watch as an internal error.
  const said = new Set<string>();
  /** A watcher of `paths` whose changes come to this watch: every one made has the same rules and listeners. */
  const watching = (paths: string[]): FSWatcher =>
    watch(paths, {
      ignoreInitial: true,
      ignored: (path, stats) =>
        (path.startsWith(root) && IGNORED_FOLDERS.test(path.slice(root.length))) || (stats?.isFile() === true && !WATCHED_FILES.test(path) && !extra.has(resolve(path))),
    })
      // A folder made or removed changes nothing by itself; the files in it come (or go) with their own events.
      .on('all', (event, path) => event !== 'addDir' && event !== 'unlinkDir' && burst.add(path))
      .on('error', (error) => {
        const problem = unwatched(error, (path) => shown(root, path));
        if (said.has(problem.key)) return;
        said.add(problem.key);
        options.onEvent({ kind: 'unwatched', message: problem.message, hint: problem.hint });
      });
  const watcher = watching([root, builtInTemplatesDir()]);
  // The project folder back after it went away: followed by a watcher of its own (the one of its last return closed).
  let again: FSWatcher | undefined;
  const rewatch = (): FSWatcher => {
    // Kept in `again` at once, so that a close of the watch meanwhile closes it too.
    const fresh = watching([root]);
    void again?.close();
    again = fresh;
    return fresh;
  };
  const returning = watchForReturn(watcher, root, rewatch, () => burst.add(resolve(options.cwd, options.meeting)));
  const head = watchHead(root, () => burst.add(HEAD_MOVED));
  await ready(watcher);
  await rebuild(true);
  return {
    async close() {
      burst.cancel();
      returning.cancel();
      head.cancel();
      await Promise.all([watcher.close(), again?.close()]);
      await running;
    },
  };
}

/** Once `watcher` watches every file and folder it was given: their changes are seen from then on. */
function ready(watcher: FSWatcher): Promise<void> {
  return new Promise((resolve) => watcher.once('ready', () => resolve()));
}

const MEETING_FILE = /\.ya?ml$/i;

/** The YAML files of a burst of changes that are there now, in the folder of the meeting file gone: as paths from `cwd`. */
function arrivedBeside(meeting: string, changed: readonly string[], cwd: string): string[] {
  const here = changed.filter((path) => path !== meeting && dirname(path) === dirname(meeting) && MEETING_FILE.test(path) && existsSync(path));
  return here.map((path) => relative(cwd, path).split(sep).join('/'));
}

/**
 * The meeting file a build found is gone: a `git pull` or checkout that renamed it, `git mv`, or a
 * delete. Said so, with the meeting files that came in the same change (where it was moved to, most
 * likely) — not "no such file, check the path", as of a path mistyped, while the watch waits for a
 * file that may never come back. Paths as the user gives them, from the folder the watch runs in.
 */
function meetingGone(meeting: string, arrived: readonly string[]): { message: string; hint: string; gone: true } {
  const back = `This one builds ${meeting} again if it comes back.`;
  const [only] = arrived;
  return {
    gone: true,
    message: `${meeting} is gone: deleted, or moved (a git pull or checkout, git mv).`,
    hint:
      only !== undefined && arrived.length === 1
        ? `${only} came in the same change: to follow it, stop this watch (Ctrl-C) and run \`briefing build ${shellWord(only)} --watch\`. ${back}`
        : `If it was moved, stop this watch (Ctrl-C) and start it on the meeting's new path${arrived.length ? ` (${arrived.join(', ')} came in the same change)` : ''}. ${back}`,
  };
}

/**
 * The project's config is gone while the watch ran (deleted, a checkout of a branch without it): said so,
 * not "No briefing.config.yaml found … to start one, \`briefing init\`", as to one who never had a project.
 */
function configGone(config: string): { message: string; hint: string } {
  return {
    message: `${config} is gone: deleted, or moved (a git pull or checkout); without it the project cannot be read.`,
    hint: `Put it back (\`git checkout -- ${shellWord(config)}\`, if it was committed); this watch builds again when it comes back.`,
  };
}

/** How often a watch whose project folder went away looks whether it is back. */
const RETURN_POLL_MS = 500;

/**
 * The project folder itself moved away or removed (renamed in a file manager and back, a fresh clone put in its
 * place): the watcher follows that folder no more, and the watch went on saying "Still watching" while it saw
 * no save again. Once a folder is at the path again, `rewatch()` watches it anew, and when every folder in it
 * is watched, `back()` asks for a build: a save made as soon as that build is said is seen. (It was added to
 * the first watcher, whose `add` says nothing when it is done: a save right after the build, on a busy
 * machine, could come before its folder was watched, and was never built.)
 */
function watchForReturn(first: FSWatcher, root: string, rewatch: () => FSWatcher, back: () => void): { cancel(): void } {
  let polling: NodeJS.Timeout | undefined;
  let cancelled = false;
  const follow = (watcher: FSWatcher): void => {
    watcher.on('unlinkDir', (path) => {
      if (resolve(path) !== root || polling !== undefined) return;
      polling = setInterval(() => {
        if (!isFolder(root)) return;
        clearInterval(polling);
        polling = undefined;
        // Followed at once: gone again before it is ready, it is looked for again.
        const fresh = rewatch();
        follow(fresh);
        void ready(fresh).then(() => cancelled || back());
      }, RETURN_POLL_MS);
    });
  };
  follow(first);
  return {
    cancel: () => {
      cancelled = true;
      clearInterval(polling);
    },
  };
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/**
 * Which changed files call for a rebuild after this build: its inputs, any template or
 * partial, any config, a move of git HEAD; a position file only if the meeting uses it — or if the build
 * failed, since a new or renamed position may be what it was missing.
 */
function relevanceOf(result: BuildOnce): (path: string) => boolean {
  const inputs = new Set(result.inputs.map((p) => resolve(p)));
  const positions = resolve(result.project.root, result.project.config.paths.positions);
  return (path) => {
    // The build read the positions and the meeting at HEAD: the key says whether the commit changed them.
    if (path === HEAD_MOVED) return true;
    const absolute = resolve(path);
    if (inputs.has(absolute)) return true;
    if (absolute.endsWith('.hbs')) return true;
    if (!absolute.startsWith(positions + sep)) return false;
    if (result.status === 'failed' || result.diagnostics.some((d) => d.ruleId === 'meeting/unknown-position')) return true;
    // Another file that names an id the meeting uses may claim it too (a copy of a position): the build says whether it does.
    return namesAny(absolute, result.positionIds);
  };
}

/** Whether the file (if it is there) has one of `ids` as a word of its own. */
function namesAny(path: string, ids: readonly string[]): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  return ids.some((id) => {
    for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + 1)) {
      if (!ID_CHARACTER.test(text[at - 1] ?? '') && !ID_CHARACTER.test(text[at + id.length] ?? '')) return true;
    }
    return false;
  });
}

const ID_CHARACTER = /[\p{L}\p{N}_-]/u;

/** The project root, so that positions and config outside the current folder are watched too. */
function projectRootOr(cwd: string): string {
  try {
    return findProjectRoot(cwd);
  } catch (error) {
    if (error instanceof UsageError) return resolve(cwd); // the first build reports it
    throw error;
  }
}

function shown(root: string, path: string): string {
  const relative = path.startsWith(root) ? path.slice(root.length + 1) : path;
  return relative.split('\\').join('/');
}
