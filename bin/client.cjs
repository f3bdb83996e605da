'use strict';
// The client of the resident server: a short command (build of one meeting, check, diff, list)
// typed on a terminal is sent to a briefing process that has already loaded and warmed its code,
// instead of loading the tool again; its output and exit code come back as if it had run here.
// Where there is no server the command runs here, and a server is started for the next one.
// The server's side is src/cli/server.ts; why and what it gives: docs/decisions/0007-resident-server.md.
const { existsSync, lstatSync, mkdirSync, readFileSync } = require('node:fs');
const { isAbsolute, join } = require('node:path');
const { DIST, bundleHash, internalError, onOutputFailure } = require('./load.cjs');

/** The commands a server runs: the short ones a desk officer types again and again. */
const SERVED = new Set(['build', 'check', 'diff', 'list']);
/** Flags that make a command long-running or a batch (start-up does not count there), or ask for help. */
const NOT_SERVED = new Set(['-w', '--watch', '-a', '--all', '-j', '--jobs', '--shard', '-h', '--help']);
/**
 * A server whose event loop turns answers a request at once (its process id), even while it runs another
 * terminal's command; one that says nothing for this long is stopped or stuck, and the command runs here.
 * A long stretch of work holds the answer back (1.6 s building an 11 MB position), more on a loaded machine.
 * `briefing server status` waits as long (src/cli/server-peers.ts, ANSWER_MS).
 */
const ANSWER_MS = 5000;
/** A signal passed on to the server this long ago without its ending went unheard: a server that hears one ends well within it. */
const UNHEARD_MS = 1000;
/** A sun_path holds 104 bytes on macOS, 108 on Linux. */
const LONGEST_SOCKET = 100;
/** What a request's environment must share with the server's: Node.js and ICU read them once, at start. */
const FIXED_AT_START = /^(LANG|LANGUAGE|LC_(ALL|CTYPE|COLLATE|MESSAGES|NUMERIC|TIME|MONETARY)|NODE_(?!ENV$)[A-Z_]+|UV_[A-Z_]+|TZDIR)$/;

/**
 * Whether this command line goes to a server: on a terminal outside CI by default, always with
 * BRIEFING_SERVER=on, never with BRIEFING_SERVER=off, on Windows or under a debugger; only the
 * commands above, without the flags above.
 */
function wanted(args, command, env, stderrIsTty) {
  // stderrIsTty is a function: asking makes the stream, which only a served command needs.
  if (process.platform === 'win32' || !SERVED.has(command)) return false;
  const setting = env.BRIEFING_SERVER;
  if (setting === 'off' || setting === '0') return false;
  if (args.some(ownToProcess)) return false;
  // Under a debugger (`node --inspect-brk bin/briefing.js …`) the command must run in the process it stops in.
  if (process.execArgv.some((flag) => /^--inspect(-brk|-wait)?(=|$)/.test(flag))) return false;
  for (const arg of args) {
    if (arg === '--') break;
    const flag = arg.split('=')[0];
    if (NOT_SERVED.has(flag)) return false;
    // Short flags run together (`-aw`), or with their value (`-j4`).
    if (/^-[a-zA-Z]{2,}$/.test(arg) && /[wajh]/.test(arg)) return false;
    if (/^-[wajh]/.test(arg)) return false;
  }
  // CI=false, as some set it, is not CI.
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return setting === 'on' || setting === '1' || (!ci && stderrIsTty() === true);
}

/**
 * Paths that name something of the process that opens them: its descriptors (a shell's process substitution,
 * `diff <(git show HEAD~3:positions/x.yaml) positions/x.yaml`, is /dev/fd/63), its standard streams, its terminal.
 * The server opening them opens its own (none, /dev/null, no terminal): it said "No such file" of a file the
 * command in its own process reads.
 */
const OWN_TO_PROCESS = /^\/(dev\/(fd\/|std(in|out|err)$|tty$)|proc\/(self|thread-self)(\/|$))/;

/** Whether a word of the command line (a path, `--out=<path>`, `-o<path>`) names such a path: the command then runs here. */
function ownToProcess(arg) {
  // `-`: standard input (diff - positions/x.yaml).
  if (arg === '-') return true;
  const value = /^--[^=]+=(.*)$/s.exec(arg)?.[1] ?? /^-[a-zA-Z](\/.*)$/s.exec(arg)?.[1] ?? arg;
  return OWN_TO_PROCESS.test(require('node:path').resolve(value));
}

/**
 * The socket of the server for this build of the tool under this Node.js, in a folder of the user's
 * own (`$XDG_RUNTIME_DIR/briefing`, else `<tmp>/briefing-<uid>`, made with mode 0700 and refused
 * when it is anyone else's or others may enter it); undefined when there is no such folder.
 */
function socketPath(env) {
  const bundle = bundleHash('cli');
  if (bundle === undefined || typeof process.getuid !== 'function') return undefined;
  const uid = process.getuid();
  const runtime = env.XDG_RUNTIME_DIR && isAbsolute(env.XDG_RUNTIME_DIR) ? env.XDG_RUNTIME_DIR : undefined;
  const folder = runtime ? join(runtime, 'briefing') : join(require('node:os').tmpdir(), `briefing-${uid}`);
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if (!error || error.code !== 'EEXIST') return undefined;
  }
  try {
    const stat = lstatSync(folder);
    if (!stat.isDirectory() || stat.uid !== uid || (stat.mode & 0o077) !== 0) return undefined;
  } catch {
    return undefined;
  }
  // Two copies of the same build (two projects' node_modules) each have a server: each reads its own templates.
  const path = join(folder, `${bundle.slice(0, 12)}-${fnv1a(`${DIST}\0${process.version}\0${process.arch}\0${process.execPath}`)}.sock`);
  // The build's own hash is 16 hex digits; twelve name it well enough among a user's installs.
  return bundle.length >= 12 && Buffer.byteLength(path) <= LONGEST_SOCKET ? path : undefined;
}

/** A short name for a text (FNV-1a, 32 bits, hex): not a secret, only a key that differs. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** What the server needs to run the command as this process would: the words, the folder, the environment, the terminal. */
function request(args) {
  const umask = process.umask(0);
  process.umask(umask);
  return {
    briefing: 1,
    args,
    cwd: process.cwd(),
    env: process.env,
    umask,
    credentials: credentials(),
    // The columns as they are: none off a terminal, and 0 on one that has no size (a pty nobody sized), which `list` reads as its narrowest.
    stdout: { tty: process.stdout.isTTY === true, columns: process.stdout.columns },
    stderr: { tty: process.stderr.isTTY === true, columns: process.stderr.columns },
  };
}

/**
 * The user and groups the process reads and writes files as, as one text: a shell after `newgrp` or `sg`, or
 * a login after the user was added to a group, has others than a server started before, which would read the
 * project with the groups it started with (a folder shared with a group: "permission denied").
 */
function credentials() {
  if (typeof process.geteuid !== 'function') return '';
  return [process.geteuid(), process.getegid(), ...process.getgroups().sort((a, b) => a - b)].join(',');
}

/** The environment variables a server and a request must agree on, as one text. */
function fixedAtStart(env) {
  return Object.keys(env)
    .filter((key) => FIXED_AT_START.test(key))
    .sort()
    .map((key) => `${key}=${env[key]}`)
    .join('\0');
}

/**
 * Runs the command on the server at `socket`; `local()` runs it in this process instead (when
 * there is no server, or it declines), and a server is then started for the next command.
 */
function runServed(socket, args, local) {
  if (!existsSync(socket)) return runLocallyAndStart(socket, local);
  const net = require('node:net');
  const connection = net.createConnection(socket);
  let heard = false;
  let started = false;
  let printed = false;
  let finished = false;
  let serverPid;
  let signalled;
  let buffer = '';
  let passedOn;
  const onSignal = (signal) => {
    signalled = signal;
    // Waiting behind another command (nothing ran yet), or the command is done: nothing is to be stopped, and
    // the server may be running another terminal's command by now.
    if (!started || finished) {
      connection.destroy();
      process.exit(128 + require('node:os').constants.signals[signal]);
    }
    // The server runs the command: it gets the signal, as the process running it would (a PDF's office is stopped, its folder removed).
    // Another one a second later or more means the first went unheard (a server stuck in the command handles no signal): the server
    // is ended outright, as a command stuck in its own process ends at Ctrl-C; every Ctrl-C was passed on in vain, the terminal held.
    // A quick second Ctrl-C is passed on as the first, so that the server still stops the office and removes its folder.
    const unheard = passedOn !== undefined && Date.now() - passedOn >= UNHEARD_MS;
    passedOn ??= Date.now();
    try {
      process.kill(serverPid, unheard ? 'SIGKILL' : signal);
    } catch {
      // It has ended already.
    }
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  const done = () => {
    clearTimeout(silent);
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
  const closed = dropOnClosedPipe();
  // Every command typed waited for ever behind a server that had stopped answering (a SIGSTOP, a loop that never ends).
  const silent = setTimeout(() => {
    finished = true;
    connection.destroy();
    done();
    process.stderr.write(`briefing: the resident server has not answered for ${ANSWER_MS / 1000} seconds; the command runs in its own process (\`briefing server stop\` ends that server).\n`);
    local();
  }, ANSWER_MS);
  connection.setEncoding('utf8');
  connection.on('connect', () => connection.write(`${JSON.stringify(request(args))}\n`));
  connection.on('data', (text) => {
    buffer += text;
    let end;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const frame = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      heard = true;
      clearTimeout(silent);
      if (frame.pid !== undefined) serverPid = frame.pid;
      else if (frame.start) started = true;
      else if (frame.out !== undefined) {
        printed = true;
        if (!closed.has(process.stdout)) process.stdout.write(Buffer.from(frame.out, 'base64'));
      } else if (frame.err !== undefined) {
        printed = true;
        if (!closed.has(process.stderr)) process.stderr.write(Buffer.from(frame.err, 'base64'));
      } else if (frame.exit !== undefined) {
        finished = true;
        process.exitCode = frame.exit;
        connection.end();
      } else if (frame.crashed !== undefined) {
        // The server failed under the command where nothing caught it (a bug), and ends. Nothing of the command
        // printed yet: run it here, as when a server is killed under it. Else say what its own process would say.
        finished = true;
        connection.destroy();
        done();
        if (!printed) local();
        else {
          if (!closed.has(process.stderr)) process.stderr.write(internalError(frame.crashed, args.includes('--debug')));
          process.exitCode = 2;
        }
      } else if (frame.local !== undefined) {
        // The server would not run it as this process would (another locale, a folder it cannot enter): run it here.
        finished = true;
        connection.destroy();
        done();
        local();
      }
    }
  });
  connection.on('error', (error) => {
    if (heard) return;
    // A socket left by a server that has stopped: run here, and start a new one.
    finished = true;
    done();
    if (error.code === 'ECONNREFUSED' || error.code === 'ENOENT') runLocallyAndStart(socket, local);
    else local();
  });
  connection.on('close', () => {
    done();
    // Stopped by a signal, a command ends so even when its work was done before the signal was handled.
    if (signalled) process.exitCode = 128 + require('node:os').constants.signals[signalled];
    if (finished || signalled) return;
    if (!started || !printed) {
      // It closed before running anything (it was stopping), or ended under the command before it printed a
      // word (killed, out of memory): run here. Its files are written whole (emit/ renames them into place),
      // so a build that had written some finds them as built.
      finished = true;
      local();
    } else {
      process.stderr.write('briefing: the resident server stopped before the command was done; run it again (BRIEFING_SERVER=off runs it without the server).\n');
      process.exitCode = 2;
    }
  });
}

/**
 * A reader that stops early (`briefing check | head -1`) closes the pipe: what the command writes to
 * that stream afterwards is dropped, and the client still ends with the command's exit code, as the
 * command's own process does (its exit code is set by the time the closed pipe is noticed). Without
 * this the client died of the EPIPE with a stack trace. Returns the streams found closed.
 */
function dropOnClosedPipe() {
  const closed = new Set();
  onOutputFailure((stream) => closed.add(stream));
  return closed;
}

/** Runs the command here and, once it is done, starts a server for the next one. */
function runLocallyAndStart(socket, local) {
  process.once('exit', () => startServer(socket));
  return local();
}

/** Starts a server in the background, in a session of its own (the terminal's Ctrl-C is not for it). */
function startServer(socket) {
  try {
    const child = require('node:child_process').spawn(process.execPath, [join(__dirname, 'server.cjs'), socket], {
      cwd: '/',
      detached: true,
      stdio: 'ignore',
      env: process.env,
    });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No server this time: the next command runs here too.
  }
}

module.exports = { install: DIST, wanted, socketPath, runServed, fixedAtStart, credentials, startServer };
