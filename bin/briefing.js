#!/usr/bin/env node
// The installed `briefing` command (npm links it onto PATH, or writes a .cmd shim on Windows
// that runs it with the `node` on PATH). Written in syntax every Node.js since 12 parses (no
// top-level await, no `?.`), so that an old Node gets one line or a newer Node, never a crash.
// What it decides and why: docs/decisions/0002-launcher-and-startup.md.
import { existsSync, readFileSync, realpathSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const NEEDED = [22, 12];
const RELAUNCHED = 'BRIEFING_RELAUNCHED';
const HANDED_OVER = 'BRIEFING_PROJECT_COPY';
const args = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);
// A project pins the tool (`npm install -D …`): a briefing installed elsewhere (globally) hands the
// command to the project's own copy, so that everyone builds with the version the project chose.
const here = currentFolder();
const projectCopy = here === undefined || process.env[HANDED_OVER] ? undefined : projectTool(here);

if (here === undefined) {
  console.error(
    'briefing: the folder this command was typed in no longer exists (it was removed while the shell was in it, as a git checkout ' +
      'or a sync may do): go to the project again, e.g. `cd "$PWD"` when it was made again in the same place.',
  );
  process.exitCode = 2;
} else if (projectCopy) {
  process.env[HANDED_OVER] = '1';
  import(pathToFileURL(projectCopy).href).catch((error) => {
    console.error(`briefing: could not start the project's copy ${projectCopy}: ${error && error.message ? error.message : error}`);
    process.exitCode = 2;
  });
} else if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // The one answer that needs none of the tool: read it here rather than load the CLI.
  const manifest = JSON.parse(readFileSync(join(dirname(self), '../package.json'), 'utf8'));
  printVersion(`${manifest.version}\n`);
} else if (!newEnough(process.versions.node)) {
  // Only this branch needs these modules; --version and a current Node load none of them.
  Promise.all([import('node:child_process'), import('node:module'), import('node:os')]).then(([childProcess, module, os]) => {
    const found = process.env[RELAUNCHED] ? {} : projectNode(module.createRequire);
    const needs = `briefing: needs Node.js ${NEEDED.join('.')} or newer, this is ${process.version}`;
    if (found.node) relaunch(found.node, childProcess, os.constants.signals);
    else if (found.withoutProgram) {
      console.error(`${needs}, and the \`node\` package ${withoutProgramAdvice(found.withoutProgram)}`);
      process.exitCode = 2;
    } else {
      const manager = lockfileManager(process.cwd());
      console.error(
        manager === 'yarn-berry'
          ? `${needs}: install Node.js 24 LTS from https://nodejs.org (the \`node\` package, which adds it to a project, gets no program under Yarn 2 or later: its install script runs \`node\`, which Yarn points at that missing program).`
          : `${needs}: install Node.js 24 LTS from https://nodejs.org, or add it to this project with ${ADD_NODE[manager]}.`,
      );
      process.exitCode = 2;
    }
  });
} else {
  if (process.env[RELAUNCHED]) endWithLauncher();
  // The bundle runs through a code cache made after an earlier run: bin/load.cjs.
  try {
    createRequire(import.meta.url)('./load.cjs').runCli(args);
  } catch (error) {
    console.error(`briefing: could not start: ${error && error.message ? error.message : error}`);
    process.exitCode = 2;
  }
}

/**
 * The folder the command runs in; undefined when it is gone (removed while the shell stood in it),
 * where every `process.cwd()` fails and the command ended in Node.js's stack trace.
 */
function currentFolder() {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

/**
 * The owner (uid) of the first of `paths` that belongs neither to the user running this nor to root; undefined when
 * none does, or where files have no such owner (Windows). A node_modules another user made in a shared folder
 * (/tmp) or above the project would otherwise run their program as this user, as git refuses a .git of another's.
 */
function otherOwner(paths) {
  if (typeof process.getuid !== 'function') return undefined;
  const me = process.getuid();
  for (const path of paths) {
    let uid;
    try {
      uid = statSync(path).uid;
    } catch {
      continue;
    }
    if (uid !== me && uid !== 0) return uid;
  }
  return undefined;
}

/**
 * The launcher of the project's own briefing (`node_modules/briefing/bin/briefing.js` in the folder the
 * command runs in, `-C <dir>` when given, or a folder above it), when it is another package than this
 * one; undefined when there is none, or this is it (`npx briefing`, `npm link`).
 */
function projectTool(here) {
  let start = here;
  for (let i = 0; i < args.length; i++) {
    if ((args[i] === '-C' || args[i] === '--cwd') && args[i + 1]) start = resolve(here, args[i + 1]);
    else if (args[i].startsWith('--cwd=')) start = resolve(here, args[i].slice('--cwd='.length));
    else if (/^-C./.test(args[i])) start = resolve(here, args[i].slice(2));
  }
  for (let dir = start; ; dir = dirname(dir)) {
    const tool = join(dir, 'node_modules', 'briefing');
    const bin = join(tool, 'bin', 'briefing.js');
    if (existsSync(bin)) {
      try {
        if (realpathSync(bin) === realpathSync(self)) return undefined;
      } catch {
        return undefined;
      }
      const stranger = otherOwner([join(dir, 'node_modules'), tool, dirname(bin), bin]);
      if (stranger === undefined) return bin;
      console.error(
        `briefing: not running the copy in ${tool}: it belongs to another user (uid ${stranger}), who could have put any program there; ` +
          `running the briefing installed at ${dirname(dirname(self))}. If it is your project's, make it yours (chown) or run its copy as \`npx briefing\`.`,
      );
      return undefined;
    }
    if (existsSync(tool)) {
      // The project pins briefing, but its copy is incomplete (an install stopped half way): say so, and run as installed.
      console.error(
        `briefing: the project's copy in ${tool} has no bin/briefing.js (run ${installCommand(lockfileManager(dir))}); running the briefing installed at ${dirname(dirname(self))}.`,
      );
      return undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Writes the version as every command writes its output (bin/load.cjs, onOutputFailure): a reader that
 * stopped early (`briefing --version | :`) ends it quietly, any other failure (`> /dev/full`) in one line
 * and exit 2. `process.stdout.write` ended either in Node.js's stack trace and exit 1.
 */
function printVersion(text) {
  try {
    writeSync(1, text);
  } catch (error) {
    // A reader gone: EPIPE from a pipe, ECONNRESET from a socket (see bin/load.cjs, onOutputFailure).
    if (error && (error.code === 'EPIPE' || error.code === 'ECONNRESET')) return;
    try {
      writeSync(2, `briefing: could not write to stdout: ${error && error.message}\n`);
    } catch {
      // stderr is what failed: the exit code says it.
    }
    process.exitCode = 2;
  }
}

function newEnough(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1]);
}

/**
 * A Node.js from the `node` npm package (which `npm install -D node@24` puts in a project), looked
 * up from the current folder and from where this tool is installed: `node`, its program; else
 * `withoutProgram`, the folder of a `node` package that has none (its install script did not run);
 * else neither.
 */
function projectNode(createRequire) {
  let withoutProgram;
  for (const from of [join(process.cwd(), 'package.json'), self]) {
    let folder;
    try {
      folder = dirname(createRequire(from).resolve('node/package.json'));
    } catch {
      continue;
    }
    // Looked up from the current folder upwards: one another user put in a shared folder (/tmp) would run as this user.
    const stranger = otherOwner([dirname(folder), folder]);
    if (stranger !== undefined) {
      console.error(`briefing: not running the Node.js in ${folder}: it belongs to another user (uid ${stranger}), who could have put any program there.`);
      continue;
    }
    for (const name of ['bin/node', 'bin/node.exe']) {
      const program = join(folder, name);
      if (!existsSync(program)) continue;
      const owner = otherOwner([dirname(program), program]);
      if (owner === undefined) return { node: program };
      console.error(`briefing: not running the Node.js in ${folder}: it belongs to another user (uid ${owner}), who could have put any program there.`);
    }
    if (withoutProgram === undefined) withoutProgram = folder;
  }
  return { withoutProgram };
}

/**
 * How a package manager installs what the project's lockfile holds. A function, not a constant: the launcher asks
 * while this module is still being evaluated (a constant further down is not yet there).
 */
function installCommand(manager) {
  return { npm: 'npm ci', pnpm: 'pnpm install', yarn: 'yarn install', 'yarn-berry': 'yarn install', bun: 'bun install' }[manager];
}

/** How each package manager adds the `node` package, the program fetched (the no-package case of the launcher's advice). */
const ADD_NODE = {
  npm: '`npm install -D node@24`',
  // pnpm 10 runs no install script of a dependency unless allowed; pnpm 9 runs it, and knows no --allow-build.
  pnpm: '`pnpm add -D --allow-build=node node@24` (pnpm 9: without --allow-build)',
  // Yarn 1 checks every package's `engines` against this Node.js, briefing's too.
  yarn: '`yarn add -D --ignore-engines node@24`',
  bun: '`bun add -d node@24`',
};

/**
 * What is wrong with the `node` package at `folder` that has no program, and what to run, for the package manager that
 * installed it (told by where it put it). Its install script fetches the program: npm 12 runs a dependency's install
 * script only when package.json allows it, and where npm's ignore-scripts is set (a .npmrc of the project or the user),
 * `npm rebuild` skips it too unless told otherwise; pnpm 10 runs it only for a package it is told to build; Yarn 2 or
 * later runs it with its own `node` first on PATH, the package's missing program, and it fails.
 */
function withoutProgramAdvice(folder) {
  // The project: the folder that holds node_modules (npm's node_modules/node, pnpm's node_modules/.pnpm/node@…/node_modules/node).
  const pnpm = folder.search(/[\\/]node_modules[\\/]\.pnpm[\\/]/);
  const project = pnpm > 0 ? folder.slice(0, pnpm) : dirname(dirname(folder));
  // Yarn 2 or later keeps it in .yarn (Plug'n'Play: unplugged, or in a zip of its cache), or in node_modules with `nodeLinker: node-modules`.
  const manager = /[\\/]\.yarn[\\/]|\.zip[\\/]/.test(folder) ? 'yarn-berry' : pnpm > 0 ? 'pnpm' : lockfileManager(project);
  if (manager === 'yarn-berry') {
    return (
      'has no program in it, and gets none under Yarn 2 or later (its install script runs `node`, which Yarn points at that missing program): ' +
      'install Node.js 24 LTS from https://nodejs.org, and remove the package with `yarn remove node`.'
    );
  }
  if (manager === 'pnpm') {
    return (
      `in ${project} has no program in it (pnpm did not run its install script): allow the script and run it with ` +
      '`npm pkg set "pnpm.onlyBuiltDependencies[]=node" && pnpm rebuild node`.'
    );
  }
  return (
    `in ${project} has no program in it (npm skipped its install script): allow the script and run it with ` +
    '`npm pkg set allowScripts.node=true --json && npm rebuild node --ignore-scripts=false`.'
  );
}

/**
 * The package manager of the project the command runs in (the nearest folder above with a package.json), by its
 * lockfile: npm, pnpm, yarn (1.x), yarn-berry (2 or later: its settings file, or `__metadata` in its lockfile) or bun.
 */
function lockfileManager(start) {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const has = (file) => existsSync(join(dir, file));
      if (has('package-lock.json')) return 'npm';
      if (has('pnpm-lock.yaml')) return 'pnpm';
      if (has('bun.lock') || has('bun.lockb')) return 'bun';
      if (!has('yarn.lock')) return 'npm';
      if (has('.yarnrc.yml')) return 'yarn-berry';
      try {
        return /^__metadata:/m.test(readFileSync(join(dir, 'yarn.lock'), 'utf8')) ? 'yarn-berry' : 'yarn';
      } catch {
        return 'yarn';
      }
    }
    if (dirname(dir) === dir) return 'npm';
  }
}

/**
 * Whether this process is in the foreground job of its terminal (its process group the terminal's),
 * where the terminal's Ctrl-C and hang-up reach the whole job; false with no terminal, or where
 * `ps` cannot tell.
 */
function foregroundJob(spawnSync) {
  const ps = spawnSync('ps', ['-o', 'pgid=,tpgid=', '-p', String(process.pid)], { encoding: 'utf8' });
  const [group, terminal] = String(ps.stdout || '').trim().split(/\s+/).map(Number);
  return ps.status === 0 && group > 0 && group === terminal;
}

/**
 * Ends this command, run by the launcher under a newer Node.js, as a SIGTERM would when that launcher
 * is gone: killed outright (SIGKILL, a CI job's timeout), it passes on no signal, and a `--watch`
 * went on running alone. Looked at once a second; the timer keeps no command alive.
 */
function endWithLauncher() {
  const launcher = process.ppid;
  setInterval(() => {
    if (process.ppid !== launcher) process.kill(process.pid, 'SIGTERM');
  }, 1000).unref();
}

/** Runs this same command under `node` and ends with its exit code (or its signal). */
function relaunch(node, childProcess, signals) {
  const child = childProcess.spawn(node, [self, ...args], { stdio: 'inherit', env: { ...process.env, [RELAUNCHED]: '1' } });
  // Ctrl-C, or the terminal closing, reaches both processes (one job of the terminal): this one then waits for the
  // other to end, which a second signal would stop half way. Sent to this process alone (`kill -INT <pid>`, a
  // supervisor, no terminal), the signal is passed on: it was ignored, and a SIGHUP left the command running alone.
  const passOn = (signal) => {
    if (!foregroundJob(childProcess.spawnSync)) child.kill(signal);
  };
  process.on('SIGINT', () => passOn('SIGINT'));
  process.on('SIGHUP', () => passOn('SIGHUP'));
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    console.error(`briefing: could not start ${node}: ${error.message}`);
    process.exitCode = 2;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = signal ? 128 + (signals[signal] || 0) : code;
  });
}
