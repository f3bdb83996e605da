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
 * Sends one line to the server at `socket` and reads its answer, which ends when the server closes the
 * connection; undefined when none listens there, or none answered within `ms`.
 */
export function ask(socket: string, message: object, ms?: number): Promise<ServerStatus | undefined> {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    const timer = ms === undefined ? undefined : setTimeout(() => connection.destroy(), ms);
    let text = '';
    connection.setEncoding('utf8');
    connection.on('connect', () => connection.write(`${JSON.stringify(message)}\n`));
    connection.on('data', (chunk: string) => (text += chunk));
    connection.on('error', () => {});
    connection.on('close', () => {
      clearTimeout(timer);
      resolve(statusOf(text, socket));
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
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.sock'));
  } catch {
    return [];
  }
  const found = await Promise.all(names.map((name) => ask(join(folder, name), { status: true })));
  return found.filter((status) => status !== undefined).sort((a, b) => a.since - b.since);
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
