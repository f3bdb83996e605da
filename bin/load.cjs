'use strict';
// Runs a bundle of dist/ (one CommonJS file each: the CLI, the batch worker) through V8 with a
// code cache that is made after the bundle has done its work, so it holds every function the
// run compiled on the way, not only the top level: the next start neither parses nor compiles
// them again. Node's own compile cache saves a module's code before the module runs, which
// leaves out nearly all of it. Why, what it gives and where the cache lives:
// docs/decisions/0005-code-cache.md.
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { join } = require('node:path');
const vm = require('node:vm');

const DIST = join(__dirname, '..', 'dist');

/**
 * Runs `dist/<name>.cjs` and returns its exports with `save`, which writes the code cache of
 * this run when there was none that fitted (call it once the bundle has done its work; at
 * most once a process). `variant` names the cache: each command compiles other functions.
 */
function runBundle(name, variant) {
  const file = join(DIST, `${name}.cjs`);
  const source = readFileSync(file, 'utf8');
  const cache = cacheOf(name, variant);
  const cachedData = cache === undefined ? undefined : readCache(join(cache.folder, cache.file));
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  let pending = cache !== undefined && (cachedData === undefined || script.cachedDataRejected === true);
  const save = () => {
    if (!pending || cache === undefined) return;
    pending = false;
    writeCache(cache, script);
  };
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, DIST);
  return { exports: module.exports, save };
}

/** The CLI, with its cache written at exit when the command ran (exit code 0 or 1). */
function runCli(args) {
  const { save } = runBundle('cli', commandOf(args));
  process.once('exit', (code) => {
    if (code === 0 || code === 1) save();
  });
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
  return { folder, bundle: `${name}-`, build, file: `${build}${process.version}-${process.arch}-${variant}.bin` };
}

function cacheFolder() {
  const chosen = process.env.BRIEFING_CODE_CACHE;
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ? join(process.env.LOCALAPPDATA, 'briefing', 'code-cache') : undefined;
  const base = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : undefined);
  return base ? join(base, 'briefing', 'code-cache') : undefined;
}

function bundleHash(name) {
  try {
    const hash = JSON.parse(readFileSync(join(DIST, 'build.json'), 'utf8'))[name];
    return typeof hash === 'string' && /^[0-9a-f]+$/.test(hash) ? hash : undefined;
  } catch {
    return undefined;
  }
}

function readCache(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Caches of other builds are removed once this old: two installed versions in use side by side keep theirs. */
const STALE_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * Writes the cache atomically (parallel runs each write a whole file), and removes the
 * caches of other builds of the same bundle written more than two weeks ago. A cache that
 * cannot be written is no failure: the next run compiles as this one did.
 */
function writeCache({ folder, bundle, build, file }, script) {
  const path = join(folder, file);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, path);
    for (const other of readdirSync(folder)) {
      if (!other.startsWith(bundle) || other.startsWith(build)) continue;
      const stale = Date.now() - statSync(join(folder, other)).mtimeMs > STALE_MS;
      if (stale) rmSync(join(folder, other), { force: true });
    }
  } catch {
    // No cache this time.
  }
}

module.exports = { runBundle, runCli, commandOf };
