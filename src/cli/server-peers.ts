import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { basename, join } from 'node:path';
import { processExists, processState } from '../util/process.js';

/**
 * The resident servers of this user as seen from outside: each answers on a socket of the user's socket
 * folder (bin/client.cjs). `briefing server status` lists them, `stop` stops those of its install, and a
 * server that starts stops those of its install that run another build (docs/server.md).
 */

/** What a server says of itself when asked (`{"status":true}`). */
export interface ServerStatus {
  pid: number;
  /** The socket it was asked on. */
  socket: string;
  since: number;
  commands: number;
  rss: number;
  /** The dist folder it was started from, the build it runs and its Node.js; servers of builds before these were told do not say them. */
  install?: string;
  build?: string;
  node?: string;
}

/**
 * How long a server may take to answer `status`: it answers at once, even while it runs a command, as long
 * as its event loop turns; bin/client.cjs gives a command's server as long before it runs the command itself.
 */
export const ANSWER_MS = 5000;

/** A server that took the connection but did not answer: stopped (SIGSTOP), or stuck in a command that never ends. */
export interface SilentServer {
  socket: string;
  /** Its process, from the file it wrote beside its socket, when that process runs and is a briefing server. */
  pid: number | undefined;
}

/**
 * Sends one line to the server at `socket` and reads its answer, which ends when the server closes the
 * connection; undefined when none listens there, or none answered within `ms`.
 */
export async function ask(socket: string, message: object, ms?: number): Promise<ServerStatus | undefined> {
  return (await exchange(socket, message, ms)).status;
}

/** {@link ask}, telling too whether a server took the connection and said nothing within `ms` (`silent`). */
function exchange(socket: string, message: object, ms?: number): Promise<{ status?: ServerStatus; silent: boolean }> {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    let connected = false;
    let timedOut = false;
    const timer =
      ms === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            connection.destroy();
          }, ms);
    let text = '';
    connection.setEncoding('utf8');
    connection.on('connect', () => {
      connected = true;
      connection.write(`${JSON.stringify(message)}\n`);
    });
    connection.on('data', (chunk: string) => (text += chunk));
    connection.on('error', () => {});
    connection.on('close', () => {
      clearTimeout(timer);
      const status = statusOf(text, socket);
      resolve(status ? { status, silent: false } : { silent: connected && timedOut && text === '' });
    });
  });
}

function statusOf(text: string, socket: string): ServerStatus | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || !('pid' in value) || typeof value.pid !== 'number') return undefined;
    return { ...(value as ServerStatus), socket };
  } catch {
    return undefined;
  }
}

/** The servers that answer on the sockets of `folder`, the oldest first. */
export async function findServers(folder: string): Promise<ServerStatus[]> {
  return (await surveyServers(folder)).servers;
}

/**
 * The servers on the sockets of `folder`: those that answer, the oldest first, and those that took the
 * connection but said nothing within `ms` (asked without a limit, `server status` and `stop` waited for
 * ever on such a server, as every command typed did).
 */
export async function surveyServers(folder: string, ms = ANSWER_MS): Promise<{ servers: ServerStatus[]; silent: SilentServer[] }> {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.sock'));
  } catch {
    return { servers: [], silent: [] };
  }
  const found = await Promise.all(names.map(async (name) => ({ socket: join(folder, name), ...(await exchange(join(folder, name), { status: true }, ms)) })));
  return {
    servers: found.flatMap((each) => (each.status ? [each.status] : [])).sort((a, b) => a.since - b.since),
    silent: found.filter((each) => each.silent).map((each) => ({ socket: each.socket, pid: serverProcess(each.socket) })),
  };
}

/** The file beside a server's socket that names its process: a server that does not answer cannot say it. */
export function pidFile(socket: string): string {
  return `${socket}.pid`;
}

/** The process its pid file names, when it runs and is a briefing server (its title, as `ps` shows it); else undefined. */
function serverProcess(socket: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile(socket), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0 || !processExists(pid)) return undefined;
  return processName(pid) === SERVER_TITLE ? pid : undefined;
}

/** What a server calls its process (src/cli/server.ts sets it; `ps` shows it). */
export const SERVER_TITLE = 'briefing-server';

/** A process's name as `ps` shows it (/proc/<pid>/comm on Linux, else the first word `ps` shows); undefined when it cannot be told. */
function processName(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    try {
      return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split(/\s/)[0];
    } catch {
      return undefined;
    }
  }
}

/**
 * Whether `status` is of a server started from the install folder `install` (of any build, under any
 * Node.js), told by `socket`, this install's own. A server of a build from before servers said their
 * install is told by its socket's name, whose end is a hash of the install folder and the Node.js.
 */
export function fromInstall(status: ServerStatus, install: string, socket: string): boolean {
  if (status.install !== undefined) return status.install === install;
  return socketName(status.socket).install === socketName(socket).install;
}

/** A socket's name (bin/client.cjs makes it): the build's hash, then after a `-` a hash of the install folder and the Node.js. */
export function socketName(path: string): { build: string; install: string } {
  const [build = '', ...rest] = basename(path).replace(/\.sock$/, '').split('-');
  return { build, install: rest.join('-') };
}

/**
 * Tells the server to stop and waits until its process has ended, at most `ms`: it ends once the
 * command it runs is done. Whether it has ended.
 */
export async function stopServer(status: ServerStatus, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  // A server answers as it ends, and the connection closes with its process; one of an earlier build answered at once.
  await ask(status.socket, { stop: true }, ms);
  while (running(status.pid)) {
    if (Date.now() >= until) return false;
    await new Promise((wait) => setTimeout(wait, 20));
  }
  return true;
}

/**
 * Whether the process runs. One that has ended but that its parent has not collected yet (a zombie, as
 * a server whose parent is a container's first process that collects none stays) has ended.
 */
export function running(pid: number): boolean {
  return processExists(pid) && processState(pid) !== 'Z';
}
