import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ask, findServers, fromInstall, pidFile, SERVER_TITLE } from './server-peers.js';
import { loadsProjectsAgain } from '../load/process-kind.js';
import { isRecord } from '../util/record.js';

/**
 * The resident server: one briefing process that has loaded its code and keeps it warm, running
 * the command lines that `briefing` on a terminal sends it (bin/client.cjs) one at a time, each in
 * the folder, environment, umask and terminal of the process that sent it, with its output and exit
 * code sent back. It stops after {@link IDLE_MS} without a command, when its memory has grown past
 * {@link MOST_RSS}, when its install no longer has its build, or when told to (`briefing server stop`).
 * Why: docs/decisions/0007-resident-server.md.
 */
export interface ServeOptions {
  /** The Unix socket to listen on (its folder is the user's own: bin/client.cjs). */
  socket: string;
  /** Runs one command line and leaves its exit code in `process.exitCode`: the CLI's `main`. */
  run: (args: readonly string[]) => Promise<void>;
  /** The environment variables that must be the same as the server's own (Node.js reads them once, at start), as one text. */
  fixed: (env: NodeJS.ProcessEnv) => string;
  /** The user and groups the server reads and writes files as (bin/client.cjs `credentials`): a request must have the same. */
  credentials: string;
  /** Called once, after the first command has run (the code cache is written then). */
  served?: () => void;
  /** How long the server waits for a command before it stops; {@link IDLE_MS} when not given. */
  idleMs?: number;
  /** The dist folder the server was started from: its servers are those `briefing server stop` there stops. */
  install: string;
  /** The build the server runs (dist/build.json's hash of the CLI bundle). */
  build: string | undefined;
  /** The build its install has now: another one (the tool updated or rebuilt), or none, stops the server. */
  installed: () => string | undefined;
}

/** What a client sends: the command line and everything of its process the command may read. */
export interface ServerRequest {
  briefing: 1;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  umask: number;
  /** The user and groups of the sender (bin/client.cjs `credentials`). */
  credentials: string;
  stdout: Terminal;
  stderr: Terminal;
}

/** What a client's stdout or stderr is: a terminal or not, and its width as Node.js gives it (undefined off a terminal, 0 on a terminal of no size). */
export interface Terminal {
  tty: boolean;
  columns?: number;
}

/** Fifteen minutes: a desk officer's pause between two edits, not a day. */
export const IDLE_MS = 15 * 60 * 1000;
/** A server that has grown past this stops after the command (a batch of thousands of meetings sent to it, or a leak). */
export const MOST_RSS = 768 * 1024 * 1024;
/** How often an idle server asks whether its install still has its build: reading a small file once a minute costs nothing. */
export const CHECK_MS = 60 * 1000;
/** How often an idle server looks whether the socket at its path is still its own (one look at the file). */
export const SOCKET_CHECK_MS = 3 * 1000;

/** Starts the server on `options.socket`; the process ends when the server stops. */
export function serve(options: ServeOptions): void {
  // What `ps` shows.
  process.title = SERVER_TITLE;
  loadsProjectsAgain();
  // The tool it runs is the one it loaded now: its builds are recorded as that tool's, whatever the install has by then.
  void import('../batch/tool.js').then(({ toolFingerprint }) => toolFingerprint());
  const ownFixed = options.fixed(process.env);
  const idleMs = options.idleMs ?? idleFrom(process.env.BRIEFING_SERVER_IDLE_MS);
  const started = Date.now();
  let commands = 0;
  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;
  let running = false;
  let stopping = false;
  let idle: NodeJS.Timeout | undefined;
  // The connection of the command that runs: the one told when the server fails under it.
  let client: Socket | undefined;
  // The socket file this server made: the one it removes when it stops.
  let ownSocket: string | undefined;

  /**
   * Removes this server's socket file, and only it: when the file was removed under a live server (its
   * folder, $XDG_RUNTIME_DIR, emptied at a logout it outlived) a new server listens at the same path, and
   * this one, stopping when idle, took that server's socket away from every command after it. Not with
   * `server.close()`, which removes whatever file is at the path; the process ends right after.
   */
  const removeSocket = () => {
    if (ownSocket === undefined || socketId(options.socket) !== ownSocket) return;
    rmSync(options.socket, { force: true });
    rmSync(pidFile(options.socket), { force: true });
  };
  const stop = () => {
    removeSocket();
    process.exit(0);
  };
  const server = createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('error', () => {});
    socket.on('data', (text: string) => {
      buffer += text;
      const end = buffer.indexOf('\n');
      if (end < 0) return;
      const line = buffer.slice(0, end);
      buffer = '';
      socket.removeAllListeners('data');
      const message = parse(line);
      if (message === 'status') return void socket.end(`${JSON.stringify(status())}\n`);
      if (message === 'stop') return void stopAfterCommand(socket);
      if (message === undefined) return void socket.destroy();
      send(socket, { pid: process.pid });
      waiting++;
      if (idle) clearTimeout(idle);
      queue = queue
        .then(async () => {
          waiting--;
          running = true;
          if (!socket.destroyed) await runOne(socket, message);
          running = false;
          if (process.memoryUsage.rss() > MOST_RSS) stop();
          if (!waiting) idle = setTimeout(() => stop(), idleMs);
        })
        // A command that failed outside main's own handling: the commands waiting behind it must not wait for ever.
        .catch(crash);
    });
  });

  /** What `briefing server status` shows of this server, and tells a server of another build of its install. */
  const status = () => ({
    pid: process.pid,
    socket: options.socket,
    since: started,
    commands,
    rss: process.memoryUsage.rss(),
    install: options.install,
    build: options.build,
    node: process.version,
  });

  /**
   * `briefing server stop`: the server stops once the command it runs is done, and answers the one who
   * asked as it ends, whose connection then closes with the process, so that when `stop` returns the
   * server is gone. No command reaches it meanwhile: its socket goes at once (a command typed now runs in
   * its own process and starts the next server), and those already waiting are sent back to run themselves.
   */
  const stopAfterCommand = (socket: Socket) => {
    stopping = true;
    removeSocket();
    void queue.then(() => {
      if (socket.destroyed) stop();
      else socket.write(`${JSON.stringify({ stopped: process.pid })}\n`, () => stop());
    });
  };

  /** Runs one request as the client's process would, or tells the client to run it itself. */
  async function runOne(socket: Socket, request: ServerRequest): Promise<void> {
    const why = stopping
      ? 'the server is stopping'
      : options.fixed(request.env) !== ownFixed
        ? 'its locale or Node.js settings are not the server’s'
        : request.credentials !== options.credentials
          ? 'its user or groups are not the server’s'
          : enter(request);
    if (why !== undefined) return ended(socket, { local: why });
    send(socket, { start: true });
    client = socket;
    // A client killed outright (kill -9, the out-of-memory killer) passes no signal on, and the command ran on to its end
    // here, writing its reports after the user had stopped it, where its own process would have ended. The server ends
    // as at a SIGTERM (a PDF's office stopped, its folder removed), once its event loop hears the connection close.
    const orphaned = () => {
      if (client === socket) process.kill(process.pid, 'SIGTERM');
    };
    socket.once('close', orphaned);
    const restore = capture(socket, request);
    process.exitCode = undefined;
    try {
      await options.run(request.args);
      // What the command left to run as it ended (a callback, a promise that failed unawaited) runs before it counts
      // as done, as its own process runs it before it exits: an error there is the command's (an internal error, exit 2).
      await new Promise((settle) => setImmediate(settle));
    } finally {
      socket.removeListener('close', orphaned);
      restore();
      client = undefined;
    }
    const code = Number(process.exitCode ?? 0);
    process.exitCode = undefined;
    process.chdir('/');
    await ended(socket, { exit: code });
    if (commands++ === 0) options.served?.();
  }

  /**
   * A command that throws where nothing catches it leaves the process in a state no later command should
   * run in: the server ends, and tells the command's client, which runs the command itself when nothing of
   * it was printed yet, else says what the command's own process would have said (bin/load.cjs).
   */
  const crash = (error: unknown) => {
    // Commands waiting behind this one are sent back to run themselves.
    stopping = true;
    removeSocket();
    const told = client;
    client = undefined;
    if (told === undefined || told.destroyed) process.exit(2);
    const crashed = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
    told.end(`${JSON.stringify({ crashed })}\n`, () => process.exit(2));
    // A client that reads no more must not keep a failed server.
    setTimeout(() => process.exit(2), 1000).unref();
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);

  listen(server, options.socket, async () => {
    ownSocket = await claim(options.socket);
    // Another server took the path as this one started (two started at once on a stale socket): no command would reach this one.
    if (ownSocket === undefined) process.exit(0);
    // Who listens here, for `briefing server stop` to end this server should it ever stop answering (src/cli/server-peers.ts).
    writeFileSync(pidFile(options.socket), `${process.pid}\n`, { mode: 0o600 });
    idle = setTimeout(() => stop(), idleMs);
    void stopOtherBuilds(options);
  });
  // The path is another server's now (its socket file was removed under this one, or another won a race on a stale
  // socket after this one had looked): no command reaches this one again, and the path is not its to remove.
  setInterval(() => {
    if (ownSocket !== undefined && !running && !waiting && socketId(options.socket) !== ownSocket) process.exit(0);
  }, SOCKET_CHECK_MS).unref();
  // The tool updated or rebuilt while no command came: nothing would start a server of the new build to tell this one.
  setInterval(() => {
    if (!running && !waiting && options.installed() !== options.build) stop();
  }, CHECK_MS).unref();
}

/**
 * The socket file this server listens on, told as {@link socketId} tells it; undefined when the path is
 * another server's already. Its file is looked at before asking who answers at the path: the server
 * that answers had its file there already when it was looked at, as nothing makes it again.
 */
async function claim(socket: string): Promise<string | undefined> {
  const id = socketId(socket);
  const answer = await ask(socket, { status: true });
  return answer?.pid === process.pid ? id : undefined;
}

/**
 * Tells the servers of the same install that run another build to stop (each once its command is done):
 * the tool was updated or rebuilt, so no command will reach them again, and each held its memory until
 * it had been idle 15 minutes. Servers of other installs, and of this build under another Node.js, stay.
 */
async function stopOtherBuilds(options: ServeOptions): Promise<void> {
  for (const other of await findServers(dirname(options.socket))) {
    if (other.socket === options.socket || !fromInstall(other, options.install, options.socket) || other.build === options.build) continue;
    void ask(other.socket, { stop: true });
  }
}

/** The longest wait a timer takes: Node.js runs a longer one after 1 ms. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * BRIEFING_SERVER_IDLE_MS as a wait, {@link IDLE_MS} when it is not a whole number of milliseconds a
 * timer can wait (empty, `15m`, 0, a month): such a value made a timer of 1 ms, so every server
 * stopped as it started, `briefing server start` waited 10 seconds in vain and no command was served.
 */
function idleFrom(value: string | undefined): number {
  const ms = value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : 0;
  return ms >= 1 && ms <= LONGEST_TIMER_MS ? ms : IDLE_MS;
}

/** The request, `status` or `stop`; undefined for anything else. */
function parse(line: string): ServerRequest | 'status' | 'stop' | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (!isRecord(value)) return undefined;
    if (value.status === true) return 'status';
    if (value.stop === true) return 'stop';
    return isRequest(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a line has every field of a request, as bin/client.cjs sends it: one with a command line and
 * a folder but no environment (or umask, credentials, terminals) was run, failed in the server outside
 * any command, and ended the server.
 */
function isRequest(value: Record<string, unknown>): value is Record<string, unknown> & ServerRequest {
  const { briefing, args, cwd, env, umask, credentials, stdout, stderr } = value;
  return (
    briefing === 1 &&
    Array.isArray(args) &&
    args.every((arg) => typeof arg === 'string') &&
    typeof cwd === 'string' &&
    isRecord(env) &&
    Object.values(env).every((each) => typeof each === 'string') &&
    typeof umask === 'number' &&
    typeof credentials === 'string' &&
    isTerminal(stdout) &&
    isTerminal(stderr)
  );
}

/** Whether a request's `stdout` or `stderr` is a {@link Terminal}. */
function isTerminal(value: unknown): boolean {
  return isRecord(value) && typeof value.tty === 'boolean' && (value.columns === undefined || typeof value.columns === 'number');
}

/** Sends the last frame; resolves once it is written (or the client has gone), so that the server may stop after it. */
function ended(socket: Socket, frame: object): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    socket.once('close', () => resolve());
    socket.end(`${JSON.stringify(frame)}\n`, () => resolve());
  });
}

function send(socket: Socket, frame: object): void {
  if (!socket.destroyed) socket.write(`${JSON.stringify(frame)}\n`);
}

/** Takes on the client's folder, environment and umask; why not, when its folder cannot be entered. */
function enter(request: ServerRequest): string | undefined {
  try {
    process.chdir(request.cwd);
  } catch {
    return 'its folder cannot be entered';
  }
  // The time zone is read again for every command, as a process of its own reads it at start: deleting TZ
  // (set or not) makes Node.js read it, and setting it again reads the one named. Only a TZ that changed
  // was read before, so the computer's zone set anew (/etc/localtime, on a laptop that travelled) left
  // the server in the old one: another today for check, other local times in a DOCX.
  delete process.env.TZ;
  for (const key of Object.keys(process.env)) if (!(key in request.env)) delete process.env[key];
  for (const [key, value] of Object.entries(request.env)) if (process.env[key] !== value) process.env[key] = value;
  process.umask(request.umask);
  return undefined;
}

/** Sends what the command writes to stdout and stderr to the client, and tells the command what terminal the client has. */
function capture(socket: Socket, request: ServerRequest): () => void {
  const restore = [takeOver(process.stdout, 'out', socket, request.stdout), takeOver(process.stderr, 'err', socket, request.stderr)];
  return () => {
    for (const each of restore) each();
  };
}

function takeOver(stream: NodeJS.WriteStream, kind: 'out' | 'err', socket: Socket, terminal: Terminal): () => void {
  const write = stream.write;
  const shown = { isTTY: Object.getOwnPropertyDescriptor(stream, 'isTTY'), columns: Object.getOwnPropertyDescriptor(stream, 'columns') };
  Object.defineProperty(stream, 'isTTY', { value: terminal.tty, configurable: true, writable: true });
  Object.defineProperty(stream, 'columns', { value: terminal.columns, configurable: true, writable: true });
  stream.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk);
    send(socket, { [kind]: bytes.toString('base64') });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  }) as typeof stream.write;
  return () => {
    stream.write = write;
    for (const [name, descriptor] of Object.entries(shown)) {
      if (descriptor) Object.defineProperty(stream, name, descriptor);
      else delete (stream as unknown as Record<string, unknown>)[name];
    }
  };
}

/**
 * What tells one socket file from another made later at the same path: its device and inode, and its
 * times, as a file made after this one was removed often gets the same inode; undefined when there is none.
 */
function socketId(path: string): string | undefined {
  const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
  return stat === undefined ? undefined : `${stat.dev}:${stat.ino}:${stat.birthtimeNs}:${stat.ctimeNs}`;
}

/**
 * Listens on the socket. One left by a server that has stopped is removed; one a live server
 * listens on means this one is not needed (two commands started a server at once), so it ends.
 */
function listen(server: Server, socket: string, ready: () => void): void {
  server.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') process.exit(2);
    const probe = createConnection(socket);
    probe.once('connect', () => process.exit(0));
    probe.once('error', () => {
      rmSync(socket, { force: true });
      server.once('error', () => process.exit(2));
      server.listen(socket, ready);
    });
  });
  server.listen(socket, ready);
}
