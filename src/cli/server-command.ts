import { Argument, type Command } from 'commander';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { offer } from '../completion/spec.js';
import { UsageError } from '../diagnostics/errors.js';
import { today, type Io } from './io.js';
import { localTimeOf } from '../model/date.js';
import { ANSWER_MS, ask, fromInstall, pidFile, running, SERVER_TITLE, socketName, stopServer, surveyServers, type ServerStatus, type SilentServer } from './server-peers.js';
import { helpNotes } from './help-notes.js';

/** How long `stop` waits for a server to end: it ends once the command it runs is done (a build of many meetings, a PDF). */
const STOP_WAIT_MS = 60_000;

/** How long `stop` waits for a server's answer before it ends the server as one that does not answer. */
const STOP_SILENT_MS = 10_000;

/** What bin/client.cjs (plain JavaScript, loaded before the bundle) offers the command. */
interface Client {
  /** The dist folder this briefing runs from: its servers are the ones `stop` stops. */
  install: string;
  socketPath(env: NodeJS.ProcessEnv): string | undefined;
  startServer(socket: string): void;
}

/** `briefing server status|start|stop`: the resident server that runs commands typed on a terminal (docs/server.md). */
export function registerServer(program: Command, io: Io): void {
  program
    .command('server')
    .description('Show, start or stop the resident server that runs build, check, diff and list typed on a terminal without starting the tool again.')
    .addArgument(offer(new Argument('[action]', 'status (the default), start or stop').choices(['status', 'start', 'stop']).default('status'), ['status', 'start', 'stop']))
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing server
  $ briefing server stop

A command typed on a terminal (not in CI) starts a server in the background when there is none; the next one runs on it, warm, with the same output and exit code. It stops after 15 minutes without a command, or once this briefing is updated or rebuilt. BRIEFING_SERVER=off runs every command in its own process; BRIEFING_SERVER=on uses the server even without a terminal (a script, a benchmark).

status lists every server of yours; stop stops this briefing's (of any build), each once the command it runs is done, and returns when they have ended. A server that does not answer (stopped, or stuck in a command) is named by status and ended outright by stop.`),
    )
    .action(async (action: 'status' | 'start' | 'stop') => {
      // Loaded here, not at start: every other command would pay for loading the project code (and its schemas) first.
      const { packageRoot } = await import('../load/package-folder.js');
      const client = createRequire(join(packageRoot(), 'bin', 'client.cjs'))('./client.cjs') as Client;
      const socket = serverSocket(client);
      if (action === 'start') return start(io, client, socket);
      // One busy with a long stretch of work answers within a second or two; stop ends a silent one, so it waits longer before it calls it that.
      const { servers, silent } = await surveyServers(dirname(socket), action === 'stop' ? STOP_SILENT_MS : ANSWER_MS);
      const current = servers.find((each) => each.socket === socket);
      if (action === 'status') {
        if (current) console.log(describe(io, current, 'A server'));
        else if (!silent.some((each) => each.socket === socket)) console.log(`No server runs for this briefing (${socket}).`);
        for (const each of silent) console.log(describeSilent(io, each));
        for (const other of servers) if (other !== current) console.log(describe(io, other, whose(other, client.install, socket)));
        return;
      }
      // Those of this install: this build's, and any of a build it had before (the tool updated or rebuilt).
      const ours = servers.filter((each) => fromInstall(each, client.install, socket));
      const stuck = silent.filter((each) => socketName(each.socket).install === socketName(socket).install);
      if (ours.length === 0 && stuck.length === 0) return void console.log('No server was running.');
      const ended = await Promise.all(ours.map((each) => stopServer(each, STOP_WAIT_MS)));
      const busy = ours.filter((each, index) => {
        const name = each === current ? 'the server' : `a server ${otherOfInstall(each, socket)}`;
        if (ended[index]) console.log(`Stopped ${name} (process ${each.pid}).`);
        return !ended[index];
      });
      const unknown = (await Promise.all(stuck.map((each) => endSilent(each)))).filter((each) => each !== undefined);
      if (unknown.length > 0) {
        throw new UsageError(
          `The server on ${unknown.join(', ')} does not answer, and which process it is cannot be told.`,
          `End the process named ${SERVER_TITLE} (ps shows it); BRIEFING_SERVER=off runs every command in its own process meanwhile.`,
        );
      }
      if (busy.length > 0) {
        const which = busy.length === 1 ? `The server (process ${busy[0]?.pid}) is` : `The servers (processes ${busy.map((each) => each.pid).join(', ')}) are`;
        throw new UsageError(`${which} still running a command after ${STOP_WAIT_MS / 1000} seconds; each stops once its command is done.`, 'briefing server status shows which still run.');
      }
    });
}

/**
 * Ends a server that does not answer (stopped, or stuck in a command that never ends): no command reaches
 * it, and it would never stop by itself, its timers being as still as the rest. Killed outright, as it reads
 * no signal it handles; its socket and pid file are removed, which it cannot do. Says so; returns the
 * socket when its process is not known.
 */
async function endSilent(server: SilentServer): Promise<string | undefined> {
  if (server.pid === undefined) return server.socket;
  process.kill(server.pid, 'SIGKILL');
  while (running(server.pid)) await new Promise((wait) => setTimeout(wait, 20));
  rmSync(server.socket, { force: true });
  rmSync(pidFile(server.socket), { force: true });
  console.log(`Ended the server that did not answer (process ${server.pid}).`);
  return undefined;
}

/** `briefing server start`: starts this build's server unless it runs, and waits until it answers. */
async function start(io: Io, client: Client, socket: string): Promise<void> {
  const { servers, silent } = await surveyServers(dirname(socket));
  const status = servers.find((each) => each.socket === socket);
  if (status) return void console.log(describe(io, status, 'A server'));
  const stuck = silent.find((each) => each.socket === socket);
  if (stuck) throw new UsageError(`${describeSilent(io, stuck)}.`, 'briefing server stop ends it; a new one starts with the next command.');
  client.startServer(socket);
  const started = await waitFor(socket, 10_000);
  if (!started) throw new UsageError(`The server did not start within 10 seconds (${socket}).`, 'Commands still run, each in its own process; BRIEFING_SERVER=off says so outright.');
  console.log(`Started a server (process ${started.pid}): ${socket}`);
}

/** One line on a server that does not answer. */
function describeSilent(io: Io, server: SilentServer): string {
  const which = server.pid === undefined ? 'its process unknown' : `process ${server.pid}`;
  return `A server does not answer (${which}; stopped, or stuck in a command): ${io.out.dim(server.socket)}`;
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

/** When a server started (`since`, ms since 1970), on the local clock: the time alone when that was `currentDay`, else with its day (a server left running overnight). */
export function startedAt(since: number, currentDay: string): string {
  const [day = '', time = ''] = localTimeOf(new Date(since)).split('T');
  return day === currentDay ? time.slice(0, 5) : `${day} ${time.slice(0, 5)}`;
}

/** One line on a server: `who` runs (process, since, commands, memory): its socket. */
function describe(io: Io, status: ServerStatus, who: string): string {
  const since = startedAt(status.since, today());
  return `${who} runs (process ${status.pid}, since ${since}, ${status.commands} command${status.commands === 1 ? '' : 's'}, ${Math.round(status.rss / 1048576)} MiB): ${io.out.dim(status.socket)}`;
}

/** Whose a server other than this build's is: of this install (another build, or another Node.js), or of another install. */
function whose(status: ServerStatus, install: string, socket: string): string {
  if (fromInstall(status, install, socket)) return `A server of this briefing ${otherOfInstall(status, socket)}`;
  return status.install === undefined ? 'A server of another briefing' : `A server of the briefing in ${dirname(status.install)}`;
}

/** What a server of this install other than this build's runs: another build (the tool updated or rebuilt; it stops by itself), else another Node.js. */
function otherOfInstall(status: ServerStatus, socket: string): string {
  if (socketName(status.socket).build !== socketName(socket).build) return 'in another build';
  return `under ${status.node === undefined ? 'another Node.js' : `Node.js ${status.node}`}`;
}

async function waitFor(socket: string, ms: number): Promise<ServerStatus | undefined> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const status = await ask(socket, { status: true });
    // It answers as it claims its socket, and writes its pid file once it has: until then, should it stop answering, `stop` could not tell its process.
    if (status && pidNamed(socket) === status.pid) return status;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  return undefined;
}

/** The process a server's pid file names, or undefined while it has none. */
function pidNamed(socket: string): number | undefined {
  try {
    return Number(readFileSync(pidFile(socket), 'utf8').trim());
  } catch {
    return undefined;
  }
}
