import { Argument, type Command } from 'commander';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { offer } from '../completion/spec.js';
import { UsageError } from '../diagnostics/errors.js';
import type { Io } from './io.js';

/** What bin/client.cjs (plain JavaScript, loaded before the bundle) offers the command. */
interface Client {
  socketPath(env: NodeJS.ProcessEnv): string | undefined;
  startServer(socket: string): void;
}

/** What a server says of itself when asked. */
interface Status {
  pid: number;
  since: number;
  commands: number;
  rss: number;
}

/** `briefing server status|start|stop`: the resident server that runs commands typed on a terminal (docs/server.md). */
export function registerServer(program: Command, io: Io): void {
  program
    .command('server')
    .description('Show, start or stop the resident server that runs build, check, diff and list typed on a terminal without starting the tool again.')
    .addArgument(offer(new Argument('[action]', 'status (the default), start or stop').choices(['status', 'start', 'stop']).default('status'), ['status', 'start', 'stop']))
    .addHelpText(
      'after',
      `
A command typed on a terminal (not in CI) starts a server in the background when there is none;
the next one runs on it, warm, with the same output and exit code. It stops after 15 minutes
without a command. BRIEFING_SERVER=off runs every command in its own process; BRIEFING_SERVER=on
uses the server even without a terminal (a script, a benchmark).`,
    )
    .action(async (action: 'status' | 'start' | 'stop') => {
      // Loaded here, not at start: every other command would pay for loading the project code (and its schemas) first.
      const { packageRoot } = await import('../load/project.js');
      const client = createRequire(join(packageRoot(), 'bin', 'client.cjs'))('./client.cjs') as Client;
      const socket = serverSocket(client);
      const status = await ask(socket, { status: true });
      if (action === 'status') {
        console.log(status ? describe(io, status, socket) : `No server runs for this briefing (${socket}).`);
        return;
      }
      if (action === 'stop') {
        if (!status) return void console.log('No server was running.');
        await ask(socket, { stop: true });
        console.log(`Stopped the server (process ${status.pid}).`);
        return;
      }
      if (status) return void console.log(describe(io, status, socket));
      client.startServer(socket);
      const started = await waitFor(socket, 10_000);
      if (!started) throw new UsageError(`The server did not start within 10 seconds (${socket}).`, 'Commands still run, each in its own process; BRIEFING_SERVER=off says so outright.');
      console.log(`Started a server (process ${started.pid}): ${socket}`);
    });
}

/** This build's socket; a usage error where there can be none (Windows, no folder of the user's own). */
function serverSocket(client: Client): string {
  const socket = client.socketPath(process.env);
  if (socket === undefined) {
    throw new UsageError(
      process.platform === 'win32' ? 'The resident server is not available on Windows.' : 'There is no folder of your own for the server’s socket (XDG_RUNTIME_DIR or the temporary folder), or the socket’s path there would be too long.',
      'Every command runs in its own process, as with BRIEFING_SERVER=off.',
    );
  }
  return socket;
}

function describe(io: Io, status: Status, socket: string): string {
  const since = new Date(status.since).toTimeString().slice(0, 5);
  return `A server runs (process ${status.pid}, since ${since}, ${status.commands} command${status.commands === 1 ? '' : 's'}, ${Math.round(status.rss / 1048576)} MiB): ${io.out.dim(socket)}`;
}

/** Sends one line to the server and reads its one-line answer; undefined when none listens. */
async function ask(socket: string, message: object): Promise<Status | undefined> {
  return new Promise((resolve) => {
    const connection = createConnection(socket);
    let text = '';
    connection.setEncoding('utf8');
    connection.on('connect', () => connection.write(`${JSON.stringify(message)}\n`));
    connection.on('data', (chunk: string) => (text += chunk));
    connection.on('error', () => resolve(undefined));
    connection.on('close', () => {
      try {
        resolve(JSON.parse(text) as Status);
      } catch {
        resolve(undefined);
      }
    });
  });
}

async function waitFor(socket: string, ms: number): Promise<Status | undefined> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const status = await ask(socket, { status: true });
    if (status) return status;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  return undefined;
}
