'use strict';
// Runs a bundle of dist/ (one CommonJS file each: the CLI, the batch worker) through V8 with a
// code cache that is made after the bundle has done its work, so it holds every function the
// run compiled on the way, not only the top level: the next start neither parses nor compiles
// them again. Node's own compile cache saves a module's code before the module runs, which
// leaves out nearly all of it. Why, what it gives and where the cache lives:
// docs/decisions/0005-code-cache.md.
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, isAbsolute, join } = require('node:path');
const vm = require('node:vm');
const { crc32 } = require('node:zlib');

const DIST = join(__dirname, '..', 'dist');

/**
 * Runs `dist/<name>.cjs` and returns its exports with `save(complete, work)`, which writes the code
 * cache of this run when there was none that fitted (call it once the bundle has done its work).
 * `variant` names the cache: each command compiles other functions. A run that stopped at a
 * problem (`complete` false) compiled less than a clean one: its cache is kept as a partial one,
 * which the next clean run replaces, so a first run that fails does not leave every later run
 * with half a cache (check was 10 % slower so). So with `work`, the kinds of work the run did
 * (`meetings`, `.docx` …): a full cache made by a run that did less (a `check` of a project with no
 * meetings yet) is made again, holding both, by the first clean run that did work of another kind.
 */
function runBundle(name, variant) {
  const file = join(DIST, `${name}.cjs`);
  const source = readFileSync(file, 'utf8');
  const cache = cacheOf(name, variant);
  const full = cache === undefined ? undefined : readCache(join(cache.folder, cache.file));
  const partial = cache === undefined || full !== undefined ? undefined : readCache(join(cache.folder, cache.partial));
  const cachedData = full || partial;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData: cachedData && cachedData.data });
  const fits = cachedData !== undefined && script.cachedDataRejected !== true;
  // What this process has: a full cache (nothing to write), a partial one, or none; and the work of the runs that made it.
  let has = fits ? (full !== undefined ? 'full' : 'partial') : 'none';
  let held = fits ? cachedData.work : [];
  const save = (complete, work = []) => {
    if (cache === undefined || (has === 'partial' && !complete)) return;
    const more = work.filter((kind) => !held.includes(kind));
    if (has === 'full' && (!complete || !more.length)) return;
    // The code this process compiled holds the cache it started from: the work of both.
    const kinds = has === 'full' ? [...held, ...more].sort() : work;
    if (writeCache(cache, complete ? cache.file : cache.partial, script, kinds) && complete) rmSync(join(cache.folder, cache.partial), { force: true });
    has = complete ? 'full' : 'partial';
    held = kinds;
  };
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, DIST);
  return { exports: module.exports, save };
}

/**
 * Runs a command line: on the resident server when it is one for the server (bin/client.cjs: a
 * short command typed on a terminal), else here.
 */
function runCli(args) {
  const command = commandOf(args);
  const client = require('./client.cjs');
  if (client.wanted(args, command, process.env, () => process.stderr.isTTY)) {
    const socket = client.socketPath(process.env);
    if (socket) return client.runServed(socket, args, () => runHere(args, command));
  }
  return runHere(args, command);
}

/** The CLI in this process, with its cache written at exit when the command ran: exit 0 a full one, exit 1 (problems found) a partial one. */
function runHere(args, command) {
  const { exports: cli, save } = runBundle('cli', command);
  process.once('exit', (code) => {
    if (code === 0 || code === 1) save(code === 0, typeof cli.workDone === 'function' ? cli.workDone() : []);
  });
  // A reader that stops early (`briefing check | head`) ends the command quietly, with the exit code it has by then.
  onOutputFailure(() => process.exit(process.exitCode ?? 0));
  onUncaught(args);
  const ran = cli.main(args);
  ran.then(() => setImmediate(endWhenIdle));
  return ran;
}

/**
 * Ends the process now when the command is done and nothing is left that keeps it alive (no timer,
 * child process, file operation, server or output still being written): the same end it would
 * reach by itself, without the wait. Before exiting by itself, Node.js runs the tasks V8 has
 * scheduled — a garbage collection begun near the heap's first limit, of a heap about to be
 * thrown away — which took 20–30 ms of CPU after a `check` had printed its last line
 * (docs/performance.md, "Work after the last line"). The 'exit' handlers run as ever (the code
 * cache is written), with the exit code the command set.
 */
function endWhenIdle() {
  // The handles of stdout and stderr count as active once written to; any other (stdin read, a socket, a server) keeps the process.
  const handles = typeof process._getActiveHandles === 'function' ? process._getActiveHandles() : [undefined];
  const output = [process.stdout, process.stderr];
  if (!handles.every((handle) => output.includes(handle)) || output.some((stream) => stream.writableLength > 0)) return;
  if (process.getActiveResourcesInfo().every((kind) => kind === 'PipeWrap' || kind === 'TTYWrap')) process.exit();
}

/**
 * An error thrown where nothing catches it (a bug outside main's own handling: a callback, a promise no one
 * awaits) ends the command as main ends on an internal error: one message, exit 2. It was Node.js's
 * stack trace and exit 1, while the same command on the resident server said main's message.
 */
function onUncaught(args) {
  const failed = (error) => {
    try {
      require('node:fs').writeSync(2, internalError(error, args.includes('--debug')));
    } catch {
      // stderr cannot be written: the exit code says it.
    }
    process.exit(2);
  };
  process.on('uncaughtException', failed);
  process.on('unhandledRejection', failed);
}

/**
 * What a command says of an error nothing caught, here and as the resident server's client when the
 * server failed so: main's words for an internal error, with the stack trace under --debug.
 */
function internalError(error, debug) {
  const message = error && typeof error.message === 'string' ? error.message : String(error);
  const more = debug && error && typeof error.stack === 'string' ? error.stack : '  Run with --debug for the stack trace, and report it as a bug.';
  return `briefing: internal error: ${message.replace(/\r?\n/g, '\\n')}\n${more}\n`;
}

/**
 * What a command does when its output cannot be written, here or as the resident server's client:
 * a closed pipe (the reader stopped early) is `closedPipe(stream)`'s to handle, quietly; any other
 * failure (a full disk, `> /dev/full`) leaves the output incomplete, so one line says so, on stderr
 * while that can be written, and the exit code is 2 (it was Node.js's stack trace and 1).
 */
function onOutputFailure(closedPipe) {
  for (const [name, stream] of [
    ['stdout', process.stdout],
    ['stderr', process.stderr],
  ]) {
    stream.on('error', (error) => {
      // A reader gone: EPIPE from a pipe, ECONNRESET from the socket a parent process gave as stdout (Node's spawn does).
      if (error && (error.code === 'EPIPE' || error.code === 'ECONNRESET')) return void closedPipe(stream);
      try {
        require('node:fs').writeSync(2, `briefing: could not write to ${name}: ${error && error.message}\n`);
      } catch {
        // stderr is what failed: the exit code says it.
      }
      process.exit(2);
    });
  }
}

/** The command a run names (`build`, `check`, …), skipping `-C <dir>`; `main` when none. */
function commandOf(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-C' || args[i] === '--cwd') i++;
    else if (/^[a-z][a-z-]{0,19}$/.test(args[i])) return args[i];
    else if (!args[i].startsWith('-')) break;
  }
  return 'main';
}

/**
 * Where the cache of a bundle is kept: a folder of the user's own (BRIEFING_CODE_CACHE, else
 * the user's cache folder), never a shared one, as a cache is code that is run. The file's
 * name starts with its build (`<bundle>-<hash>-`), then the Node.js that made it and the
 * command. Undefined (no cache) when there is no such folder, the bundle's hash is unknown,
 * or BRIEFING_CODE_CACHE is `off`.
 */
function cacheOf(name, variant) {
  const folder = cacheFolder();
  const hash = bundleHash(name);
  if (folder === undefined || hash === undefined) return undefined;
  const build = `${name}-${hash}-`;
  const base = `${build}${process.version}-${process.arch}-${variant}`;
  return { folder, bundle: `${name}-`, build, file: `${base}.bin`, partial: `${base}.partial.bin` };
}

function cacheFolder() {
  const chosen = process.env.BRIEFING_CODE_CACHE;
  if (chosen === 'off') return undefined;
  // A relative folder would put the cache into whatever folder the command runs in.
  if (chosen) return isAbsolute(chosen) ? chosen : undefined;
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ? join(process.env.LOCALAPPDATA, 'briefing', 'code-cache') : undefined;
  // As the XDG rules say, a relative XDG_CACHE_HOME is ignored.
  const xdg = process.env.XDG_CACHE_HOME && isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : undefined;
  const home = homeFolder();
  const base = xdg || (home ? join(home, '.cache') : undefined);
  return base ? join(base, 'briefing', 'code-cache') : undefined;
}

/** The user's home folder; undefined when there is none (HOME unset and no entry in the user database): then there is no cache. */
function homeFolder() {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes the cache folder and those above it that are missing, one at a time: `mkdirSync` with
 * `recursive` never returns for a folder under /proc. Only under a folder that exists and is one.
 */
function makeFolder(folder) {
  const missing = [];
  let at = folder;
  while (!existsSync(at)) {
    missing.unshift(at);
    if (dirname(at) === at || missing.length > 32) return false;
    at = dirname(at);
  }
  if (!statSync(at).isDirectory()) return false;
  for (const each of missing) mkdirSync(each, { mode: 0o700 });
  return statSync(folder).isDirectory();
}

function bundleHash(name) {
  try {
    const hash = JSON.parse(readFileSync(join(DIST, 'build.json'), 'utf8'))[name];
    return typeof hash === 'string' && /^[0-9a-f]+$/.test(hash) ? hash : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A cache file starts with a line of ours, the kinds of work of the runs that made it
 * (`briefing-code-cache meetings,positions`); V8's data follows.
 */
const HEADER = 'briefing-code-cache ';

/**
 * A cache file ends with a line of ours too, the CRC-32 of V8's data (`briefing-code-cache-crc32 1a2b3c4d`).
 * V8 checks no sum of its data outside a debug build: a cache at its length with a block of zeros in it,
 * as a power cut soon after it was written leaves one (the file is not flushed before its rename), made
 * every later start die in V8 (SIGSEGV, or "Fatal error"), until the user found the cache folder and
 * removed it. At the end, where an earlier briefing that shares the worker's cache hands it to V8 with the
 * data, and V8 reads no further than its own.
 */
const SUM = 'briefing-code-cache-crc32 ';
/** The sum's line: {@link SUM}, eight hexadecimal digits and a line end. */
const SUM_LINE = /^briefing-code-cache-crc32 ([0-9a-f]{8})\n$/;
const SUM_LENGTH = SUM.length + 9;

/**
 * The cache at `path`: V8's data and the work that made it; undefined when there is none, or when
 * its data is not the data its sum was made of (damaged: the run writes it anew). A file without
 * the first line is V8's data alone, of no known work: as an earlier briefing writes it (an install
 * of another version shares the worker's cache when its worker bundle is the same), so that the two
 * do not each refuse and write again the other's; it is checked when it has the sum.
 */
function readCache(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  if (bytes.toString('latin1', 0, HEADER.length) !== HEADER) {
    const data = checked(bytes, false);
    return data === undefined ? undefined : { data, work: [] };
  }
  const end = bytes.indexOf(10);
  const work = bytes.toString('latin1', HEADER.length, end < 0 ? HEADER.length : end);
  const data = checked(bytes.subarray(end + 1), true);
  return data === undefined ? undefined : { data, work: work === '' ? [] : work.split(',') };
}

/**
 * V8's data of a cache's `body`, without the sum at its end; undefined when the sum does not fit
 * the data, or is missing where it is `required` (every file with the first line has it: one cut
 * short, or whose last block reads as zeros, has lost it).
 */
function checked(body, required) {
  const sum = SUM_LINE.exec(body.toString('latin1', Math.max(0, body.length - SUM_LENGTH)));
  if (!sum) return required ? undefined : body;
  const data = body.subarray(0, body.length - SUM_LENGTH);
  return crc32(data) === Number.parseInt(sum[1], 16) ? data : undefined;
}

/** Caches of other builds are removed once this old: two installed versions in use side by side keep theirs. */
const STALE_MS = 14 * 24 * 60 * 60 * 1000;
/**
 * How many other builds of a bundle keep their caches (about 15 MB each, a file a command): a few
 * projects pinned to different versions keep theirs, and a developer rebuilding all day does not
 * fill the disk (a day of rebuilds here left a gigabyte in two weeks' worth of files).
 */
const KEPT_BUILDS = 8;

/**
 * Writes the cache atomically (parallel runs each write a whole file), and removes the
 * caches of other builds of the same bundle written more than two weeks ago, and those of all but
 * the {@link KEPT_BUILDS} newest; whether it was written. A cache that cannot be written is no failure: the next run compiles as this one did (and no part of it is left).
 */
function writeCache({ folder, bundle, build }, file, script, work) {
  const path = join(folder, file);
  try {
    if (!makeFolder(folder)) return false;
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const data = script.createCachedData();
    const sum = `${SUM}${crc32(data).toString(16).padStart(8, '0')}\n`;
    try {
      writeFileSync(temporary, Buffer.concat([Buffer.from(`${HEADER}${work.join(',')}\n`, 'latin1'), data, Buffer.from(sum, 'latin1')]), { mode: 0o600 });
      renameSync(temporary, path);
    } catch (error) {
      // A full disk or a quota: the part written stayed, under a name no run removes, and took the room that was left.
      rmSync(temporary, { force: true });
      throw error;
    }
    // Other builds of this bundle: each file goes when two weeks old, and every file of a build past the KEPT_BUILDS newest.
    const builds = new Map();
    for (const other of readdirSync(folder)) {
      if (!other.startsWith(bundle) || other.startsWith(build)) continue;
      const modified = statSync(join(folder, other)).mtimeMs;
      if (Date.now() - modified > STALE_MS) rmSync(join(folder, other), { force: true });
      else {
        const hash = other.slice(bundle.length).split('-')[0];
        const kept = builds.get(hash) ?? { newest: 0, files: [] };
        kept.newest = Math.max(kept.newest, modified);
        kept.files.push(other);
        builds.set(hash, kept);
      }
    }
    const newestFirst = [...builds.values()].sort((a, b) => b.newest - a.newest);
    for (const { files } of newestFirst.slice(KEPT_BUILDS)) for (const other of files) rmSync(join(folder, other), { force: true });
    return true;
  } catch {
    // No cache this time.
    return false;
  }
}

module.exports = { DIST, runBundle, runCli, commandOf, bundleHash, onOutputFailure, internalError, endWhenIdle };
