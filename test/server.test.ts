import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, cpSync, existsSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findServers, running } from '../src/cli/server-peers.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, tempDir, type CliRun } from './helpers/project.js';

/**
 * The resident server (bin/client.cjs, src/cli/server.ts) with real processes: a command it runs
 * must print, write and exit exactly as the same command run in its own process. Each test uses a
 * socket folder of its own (XDG_RUNTIME_DIR), so no server of the machine's user is touched.
 */
const runtimes: string[] = [];
/** Servers a test started that no socket may reach (one whose socket was taken): ended by their process ids too. */
const unreachable: number[] = [];
afterAll(async () => {
  // Every server in these folders is one of these tests' (of this build, another build or another install): each is ended by its process id.
  for (const runtime of runtimes) {
    for (const server of await findServers(join(runtime, 'briefing'))) process.kill(server.pid, 'SIGTERM');
  }
  for (const pid of unreachable) if (running(pid)) process.kill(pid, 'SIGTERM');
});

/** A folder for the sockets, as a login session's XDG_RUNTIME_DIR is: the user's own. */
function runtimeDir(): string {
  const dir = tempDir('briefing-run-');
  chmodSync(dir, 0o700);
  runtimes.push(dir);
  return dir;
}

/** Runs briefing as installed in `install` (this repository, or a copy of its install). */
function run(args: readonly string[], cwd: string, env: Record<string, string>, install = REPO): CliRun {
  const result = spawnSync(process.execPath, [join(install, 'bin/briefing.js'), ...args], {
    cwd,
    encoding: 'utf8',
    // A server a failed test leaves behind stops within a minute.
    env: { ...process.env, NO_COLOR: '1', BRIEFING_SERVER_IDLE_MS: '60000', ...env },
    // A command that waits for ever (on a server that does not answer) fails its test instead of holding it.
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** How many commands the server of this runtime folder (and install) has run; undefined when none runs. */
function served(runtime: string, install = REPO): number | undefined {
  const status = run(['server', 'status'], REPO, { XDG_RUNTIME_DIR: runtime }, install).stdout;
  const found = /^A server runs \(process \d+, since [\d:]+, (\d+) commands?, /.exec(status);
  return found ? Number(found[1]) : undefined;
}

/** A copy of the installed tool (what npm puts in node_modules/briefing), as a second install or one to update. */
function installCopy(): string {
  const install = tempDir('briefing-install-');
  for (const name of ['bin', 'dist', 'templates', 'schema', 'package.json', 'ministries.yaml']) cpSync(join(REPO, name), join(install, name), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(install, 'node_modules'));
  return install;
}

/** What an update or a rebuild of the install does to the server: its build (dist/build.json's hash, which names its socket) is another. */
function rebuild(install: string): void {
  const file = join(install, 'dist/build.json');
  const build = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  writeFileSync(file, JSON.stringify({ ...build, cli: [...(build.cli ?? '')].reverse().join('') }));
}

/** Makes a position of the example long (`paragraphs` of some 900 characters), for a build that takes a while. */
function lengthen(dir: string, paragraphs: number): void {
  const position = join(dir, 'positions/educ/equity-reforms.yaml');
  const paragraph = `  ${'Latvija plāno mērķtiecīgi apvienot valsts budžeta un ES fondu finansējumu. '.repeat(12)}\n\n`;
  writeFileSync(position, readFileSync(position, 'utf8').replace('body: |\n', `body: |\n${paragraph.repeat(paragraphs)}`));
}

function pidOf(started: CliRun): number {
  return Number(/process (\d+)/.exec(started.stdout)?.[1]);
}

function stopServers(runtime: string): void {
  run(['server', 'stop'], REPO, { XDG_RUNTIME_DIR: runtime });
}

/** The sockets in a socket folder (beside each, its server's pid file). */
function sockets(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.sock'));
}

/** The files of a folder with their bytes, for comparing two builds. */
function filesOf(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}

describe('the resident server', () => {
  it('runs build, check, diff and list as a process of their own would: the same output, files and exit codes', () => {
    const runtime = runtimeDir();
    const dir = exampleProject({ 'positions/educ/broken.yaml': 'id: broken\nquestion: [\n' });
    spawnSync('git', ['init', '-q'], { cwd: dir });
    spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'add', '-A'], { cwd: dir });
    spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'first'], { cwd: dir });
    writeFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8').replace('plāno mērķtiecīgi', 'plāno ļoti mērķtiecīgi'));
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, SOURCE_DATE_EPOCH: '1613700000' };
    const off = { ...on, BRIEFING_SERVER: 'off' };
    expect(run(['server', 'start'], REPO, on)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Started a server \(process \d+\): /) });
    const commands: string[][] = [
      ['build', EXAMPLE_MEETING, '--out', 'out-X'],
      ['build', EXAMPLE_MEETING, '--out', 'out-X', '--json'],
      ['check'],
      ['check', '--format', 'json'],
      ['diff', 'positions/educ/equity-reforms.yaml', '--format', 'md'],
      ['list', 'positions', '--json'],
      ['build', 'meetings/no-such-meeting.yaml'],
      ['check', '--formatt', 'json'],
    ];
    for (const [index, args] of commands.entries()) {
      const local = run(args.map((arg) => arg.replace('X', 'local')), dir, off);
      const remote = run(args.map((arg) => arg.replace('X', 'served')), dir, on);
      expect(served(runtime), args.join(' ')).toBe(index + 1);
      // A check's JSON says how long each meeting took.
      const same = (text: string) => text.replaceAll('out-served', 'out-local').replace(/"ms": \d+/g, '"ms": 0');
      expect({ ...remote, stdout: same(remote.stdout) }, args.join(' ')).toEqual({ ...local, stdout: same(local.stdout) });
    }
    // What each tells: the broken position and a missing meeting (exit 1), a misspelt flag (exit 2).
    expect(run(['check'], dir, on)).toMatchObject({ status: 1, stdout: expect.stringContaining('positions/educ/broken.yaml') });
    const missing = run(['build', 'meetings/no-such-meeting.yaml'], dir, on);
    expect(missing.status).toBe(1);
    expect(missing.stdout + missing.stderr).toContain('no-such-meeting.yaml');
    expect(run(['check', '--formatt', 'json'], dir, on)).toMatchObject({ status: 2, stderr: expect.stringContaining('--formatt') });
    expect(run(['diff', 'positions/educ/equity-reforms.yaml', '--format', 'md'], dir, on).stdout).toContain('ļoti');
    expect(filesOf(join(dir, 'out-served'))).toEqual(filesOf(join(dir, 'out-local')));
    expect(Object.keys(filesOf(join(dir, 'out-served')))).toEqual(expect.arrayContaining(['IZMzin_190221_EDUC.docx', 'IZMzin_190221_EDUC.md']));
  });

  it('waits the usual 15 minutes when BRIEFING_SERVER_IDLE_MS is no wait a timer can take (empty, 15m, a month)', async () => {
    for (const idle of ['', '15m', '2592000000']) {
      const runtime = runtimeDir();
      const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, BRIEFING_SERVER_IDLE_MS: idle };
      expect(run(['server', 'start'], REPO, on), idle).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Started a server/) });
      await new Promise((wait) => setTimeout(wait, 300));
      expect(served(runtime), idle).toBe(0);
      stopServers(runtime);
    }
  });

  it('runs each command in its sender’s folder and environment: -C, a subfolder, SOURCE_DATE_EPOCH, the umask', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    const built = (epoch: string) => {
      const result = run(['build', EXAMPLE_MEETING, '--format', 'docx', '--force', '--out', `out-${epoch}`], dir, { ...on, SOURCE_DATE_EPOCH: epoch });
      expect(result.status).toBe(0);
      return readFileSync(join(dir, `out-${epoch}`, 'IZMzin_190221_EDUC.docx'));
    };
    const first = built('1613700000');
    const second = built('1700000000');
    expect(first.equals(second)).toBe(false);
    const local = run(['build', EXAMPLE_MEETING, '--format', 'docx', '--out', 'out-local'], dir, { ...on, BRIEFING_SERVER: 'off', SOURCE_DATE_EPOCH: '1700000000' });
    expect(local.status).toBe(0);
    expect(readFileSync(join(dir, 'out-local', 'IZMzin_190221_EDUC.docx')).equals(second)).toBe(true);
    // From a subfolder, and from elsewhere with -C: the project is the sender's.
    expect(run(['list', 'meetings'], join(dir, 'positions'), on).stdout).toContain('2021-02-19');
    expect(run(['-C', dir, 'list', 'meetings'], tempDir(), on).stdout).toContain('2021-02-19');
    // Files are made with the sender's umask.
    const umasked = spawnSync('sh', ['-c', `umask 077 && exec "${process.execPath}" "${join(REPO, 'bin/briefing.js')}" build ${EXAMPLE_MEETING} --format md --out out-private`], { cwd: dir, env: { ...process.env, ...on } });
    expect(umasked.status).toBe(0);
    expect(readdirSync(join(dir, 'out-private')).length).toBeGreaterThan(0);
    for (const name of readdirSync(join(dir, 'out-private'))) {
      expect(statSync(join(dir, 'out-private', name)).mode & 0o077, name).toBe(0);
    }
    expect(served(runtime)).toBe(5);
  });

  it.skipIf(process.platform !== 'linux')('leaves the sender’s folder once the command is done: it holds no folder the user may unmount or remove', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    const pid = pidOf(run(['server', 'start'], REPO, on));
    expect(run(['list', 'meetings'], dir, on).stdout).toContain('2021-02-19');
    expect(served(runtime)).toBe(1);
    expect(readlinkSync(`/proc/${pid}/cwd`)).toBe('/');
  });

  it('starts itself after a command typed where there is none, and stops after being idle', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const env = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, BRIEFING_SERVER_IDLE_MS: '1500' };
    expect(run(['list', 'meetings'], dir, env).status).toBe(0);
    const socketFolder = join(runtime, 'briefing');
    await until(() => served(runtime) !== undefined);
    // The socket, and beside it the file naming the server's process (for `server stop`, should it stop answering).
    expect(readdirSync(socketFolder).sort()).toEqual([expect.stringMatching(/^[0-9a-f]{12}-[0-9a-f]{8}\.sock$/), expect.stringMatching(/^[0-9a-f]{12}-[0-9a-f]{8}\.sock\.pid$/)]);
    expect(run(['list', 'meetings'], dir, env).stdout).toContain('2021-02-19');
    expect(served(runtime)).toBe(1);
    await until(() => sockets(socketFolder).length === 0, 8000);
    expect(served(runtime)).toBeUndefined();
  });

  it('writes its code cache once its first command has run, so that the next server starts warm', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const cache = tempDir();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, BRIEFING_CODE_CACHE: cache };
    // Started by a command typed where none runs (`briefing server start` would write a cache of that name itself).
    expect(run(['list', 'meetings'], dir, on).status).toBe(0);
    const asked = { ...on, BRIEFING_CODE_CACHE: 'off' };
    await until(() => /^A server runs \(process \d+, since [\d:]+, 0 commands, /.test(run(['server', 'status'], REPO, asked).stdout));
    const serverCache = () => readdirSync(cache).filter((name) => name.endsWith('-resident.bin'));
    expect(serverCache()).toEqual([]);
    expect(run(['list', 'meetings'], dir, on).stdout).toContain('2021-02-19');
    await until(() => serverCache().length === 1);
  });

  it('keeps a code cache of its own, apart from that of the `briefing server` command: started by `server start`, it still writes one', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const cache = tempDir();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, BRIEFING_CODE_CACHE: cache };
    // Both were named "server": the server loaded the short command's cache and, finding one, never wrote its own.
    pidOf(run(['server', 'start'], REPO, on));
    await until(() => readdirSync(cache).some((name) => name.endsWith('-server.bin')));
    expect(run(['list', 'meetings'], dir, on).stdout).toContain('2021-02-19');
    await until(() => readdirSync(cache).some((name) => name.endsWith('-resident.bin')));
    expect(readdirSync(cache).filter((name) => name.endsWith('.bin')).map((name) => name.replace(/^cli-[0-9a-f]+-v[\d.]+-\w+-/, '')).sort()).toEqual(['resident.bin', 'server.bin']);
  });

  it('keeps serving while commands keep coming: the idle wait counts from the last command, not from its start', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, BRIEFING_SERVER_IDLE_MS: '3000' };
    const started = Date.now();
    const pid = pidOf(run(['server', 'start'], REPO, on));
    // Commands well within the idle wait of each other, for twice that wait in all.
    let commands = 0;
    while (Date.now() - started < 7000) {
      await new Promise((wait) => setTimeout(wait, 300));
      expect(run(['list', 'meetings'], dir, on)).toMatchObject({ status: 0, stdout: expect.stringContaining('2021-02-19') });
      commands++;
    }
    expect(run(['server', 'status'], REPO, on).stdout).toMatch(new RegExp(`^A server runs \\(process ${pid}, since [\\d:]+, ${commands} commands, `));
  });

  it('is not used without a terminal unless asked, with BRIEFING_SERVER=off, for a batch or a watch, or with another locale', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    // Not a terminal (the test's pipes), nothing asked: no server is started.
    expect(run(['list', 'meetings'], dir, { XDG_RUNTIME_DIR: runtime, BRIEFING_SERVER: '' }).status).toBe(0);
    await new Promise((wait) => setTimeout(wait, 500));
    expect(existsSync(join(runtime, 'briefing')) ? readdirSync(join(runtime, 'briefing')) : []).toEqual([]);
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    expect(run(['build', '--all', '--format', 'md'], dir, on).status).toBe(0);
    expect(run(['build', '-a', '--format', 'md'], dir, on).status).toBe(0);
    expect(run(['list', 'meetings'], dir, { ...on, BRIEFING_SERVER: 'off' }).status).toBe(0);
    // Node.js reads the locale once, when it starts: a command in another one runs in its own process.
    expect(run(['list', 'meetings'], dir, { ...on, LC_ALL: 'lv_LV.UTF-8' })).toMatchObject({ status: 0, stdout: expect.stringContaining('2021-02-19') });
    // --jobs with its value run together is a batch too.
    expect(run(['build', EXAMPLE_MEETING, '-j1', '--format', 'md'], dir, on).status).toBe(0);
    expect(served(runtime)).toBe(0);
    expect(run(['list', 'meetings'], dir, on).status).toBe(0);
    expect(served(runtime)).toBe(1);
    // What Node.js does not read at start is no reason to run alone: NODE_ENV, a terminal's LC_TERMINAL.
    expect(run(['list', 'meetings'], dir, { ...on, NODE_ENV: 'production', LC_TERMINAL: 'iTerm2' }).status).toBe(0);
    expect(served(runtime)).toBe(2);
  });

  it('runs the command itself when the socket is one no server listens on, or its folder is not the user’s alone', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    const socketFolder = join(runtime, 'briefing');
    const [socket = ''] = readdirSync(socketFolder);
    stopServers(runtime);
    // A server killed outright leaves its socket file behind.
    writeFileSync(join(socketFolder, socket), '');
    expect(run(['list', 'meetings'], dir, on)).toMatchObject({ status: 0, stdout: expect.stringContaining('2021-02-19'), stderr: '' });
    await until(() => served(runtime) === 0);
    stopServers(runtime);
    // Others may enter the folder: it is not used, and nothing is started.
    chmodSync(socketFolder, 0o755);
    expect(run(['list', 'meetings'], dir, on)).toMatchObject({ status: 0, stdout: expect.stringContaining('2021-02-19') });
    await new Promise((wait) => setTimeout(wait, 500));
    expect(readdirSync(socketFolder)).toEqual([]);
    expect(run(['server', 'status'], REPO, on)).toMatchObject({ status: 2, stderr: expect.stringContaining('no folder of your own') });
  });

  it('closes a connection that sends no command line it knows, and serves on', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    const pid = pidOf(run(['server', 'start'], REPO, on));
    const socket = join(runtime, 'briefing', sockets(join(runtime, 'briefing'))[0] ?? '');
    // A folder without a command line, a command line without a folder or without the sender's environment, no JSON at all.
    // A whole request with one field of the wrong kind: each was run, and may have ended the server outside any command.
    const whole = { briefing: 1, args: ['list'], cwd: '/', env: {}, umask: 18, credentials: '0:0', stdout: { tty: true }, stderr: { tty: false, columns: 80 } };
    const wrong = [{ args: [1] }, { env: { HOME: 1 } }, { env: [] }, { umask: '18' }, { credentials: 0 }, { stdout: { tty: 'yes' } }, { stdout: { tty: true, columns: '80' } }, { stderr: {} }];
    const wrongInOneField = wrong.map((field) => JSON.stringify({ ...whole, ...field }));
    for (const line of ['{"briefing":1,"cwd":"/"}', '{"briefing":1,"args":["list"],"cwd":"/"}', '{"briefing":1,"args":["list"],"cwd":"/","env":{},"umask":18,"credentials":"0:0","stdout":{"tty":true}}', '{"cwd":"/"}', '{"briefing":1,"args":["list"]}', '{"briefing":2,"args":["list"],"cwd":"/"}', 'null', '"status"', 'list meetings', ...wrongInOneField]) {
      const answer = await new Promise<string>((done, fail) => {
        let text = '';
        const connection = createConnection(socket, () => connection.write(`${line}\n`));
        connection.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        connection.on('close', () => done(text)).on('error', fail);
      });
      expect(answer, line).toBe('');
    }
    expect(run(['list', 'meetings'], dir, on).stdout).toContain('2021-02-19');
    expect(run(['server', 'status'], REPO, on).stdout).toMatch(new RegExp(`^A server runs \\(process ${pid}, since [\\d:]+, 1 command, `));
  });

  it('ends quietly, with the command’s exit code, when the reader of its output stops early (check | head -1)', async () => {
    const runtime = runtimeDir();
    // A report longer than a pipe holds, so that the client still writes after the reader has gone.
    const broken = Array.from({ length: 1500 }, (_, index) => [`positions/educ/broken-${index}.yaml`, `id: broken-${index}\nquestion: [\n`]);
    const dir = exampleProject(Object.fromEntries(broken));
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    const firstLine = (env: Record<string, string>) =>
      new Promise<{ code: number | null; first: string; stderr: string }>((done) => {
        const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'check'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env } });
        let first = '';
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
        child.stdout.setEncoding('utf8').once('data', (text: string) => {
          first = text.split('\n')[0] ?? '';
          child.stdout.destroy();
        });
        child.on('close', (code) => done({ code, first, stderr }));
      });
    const local = await firstLine({ ...on, BRIEFING_SERVER: 'off' });
    expect(local).toMatchObject({ code: 1, first: expect.stringContaining('positions/educ/broken-'), stderr: '' });
    expect(await firstLine(on)).toEqual(local);
    expect(served(runtime)).toBe(1);
  });

  it.skipIf(!existsSync('/dev/full'))('says in one line that its output could not be written (a full disk: > /dev/full), exit 2, as a process of its own does', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    const toFullDisk = (env: Record<string, string>) => {
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'check'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', full, 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
        return { status: result.status, stderr: result.stderr };
      } finally {
        closeSync(full);
      }
    };
    const local = toFullDisk({ ...on, BRIEFING_SERVER: 'off' });
    expect(local).toEqual({ status: 2, stderr: 'briefing: could not write to stdout: ENOSPC: no space left on device, write\n' });
    expect(toFullDisk(on)).toEqual(local);
    expect(served(runtime)).toBe(1);
  });

  // util-linux's script gives the command a terminal of its own; `stty cols 0` makes it one of no size.
  const script = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!script)('tells the command the terminal’s width as it is, 0 for a terminal of no size (list fits its narrowest)', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    const onTerminal = (env: Record<string, string>) =>
      spawnSync('script', ['-qc', `stty cols 0 rows 0; exec "${process.execPath}" "${join(REPO, 'bin/briefing.js')}" list positions`, '/dev/null'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, BRIEFING_SERVER_IDLE_MS: '60000', ...env },
      }).stdout;
    const local = onTerminal({ ...on, BRIEFING_SERVER: 'off' });
    // 60 columns: the ids are cut short.
    expect(local).toContain('equity-achievem…  3');
    expect(onTerminal(on)).toBe(local);
    expect(served(runtime)).toBe(1);
  });

  // A mount namespace of its own (unshare, a user namespace where root is not needed) gives the commands an /etc whose
  // localtime the test may change, as setting the computer's time zone does, without touching the machine's.
  const zones = existsSync('/usr/share/zoneinfo/Pacific/Kiritimati') && spawnSync('unshare', ['-rm', 'true']).status === 0;
  it.skipIf(!zones)('reads the time zone again for every command, as a process of its own does: the computer’s zone set anew (/etc/localtime)', () => {
    const runtime = runtimeDir();
    // Today where the day starts last (UTC-11), and tomorrow already where it starts first (UTC+14).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Pago_Pago' }).format(new Date());
    const dir = exampleProject({ [`meetings/${today}-educ.yaml`]: exampleFile(EXAMPLE_MEETING).replace(/^date: .*$/m, `date: ${today}`) });
    rmSync(join(dir, EXAMPLE_MEETING));
    // A report still in draft: past its meeting's day, check warns.
    for (const name of readdirSync(join(dir, 'positions/educ'))) {
      const file = join(dir, 'positions/educ', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^status: cleared/m, 'status: draft'));
    }
    const briefing = `"${process.execPath}" "${join(REPO, 'bin/briefing.js')}"`;
    const script = [
      'mount -t tmpfs tmpfs /etc && ln -s /usr/share/zoneinfo/Pacific/Kiritimati /etc/localtime',
      `${briefing} server start > /dev/null`,
      `${briefing} check > first.txt`,
      'ln -sfn /usr/share/zoneinfo/Pacific/Pago_Pago /etc/localtime',
      `${briefing} check > served.txt`,
      `BRIEFING_SERVER=off ${briefing} check > local.txt`,
      `${briefing} server stop > /dev/null`,
    ].join('\n');
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, BRIEFING_SERVER_IDLE_MS: '60000' };
    delete env.TZ;
    expect(spawnSync('unshare', ['-rm', 'sh', '-ec', script], { cwd: dir, env, encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');
    expect(read('first.txt')).toContain('meeting/past-draft');
    expect(read('served.txt')).not.toContain('meeting/past-draft');
    expect(read('served.txt')).toBe(read('local.txt'));
  });

  it('names the author git has configured now, not the one of its first command (a diff’s JSON and redline)', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir });
    git('init', '-q');
    git('config', 'user.name', 'Anna Bērziņa');
    git('-c', 'user.email=t@example.org', 'add', '-A');
    git('-c', 'user.email=t@example.org', 'commit', '-qm', 'first');
    const position = join(dir, 'positions/educ/equity-reforms.yaml');
    writeFileSync(position, readFileSync(position, 'utf8').replace('plāno mērķtiecīgi', 'plāno ļoti mērķtiecīgi'));
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, SOURCE_DATE_EPOCH: '1613700000' };
    run(['server', 'start'], REPO, on);
    const diff = ['diff', 'positions/educ/equity-reforms.yaml', '--format', 'json'];
    expect(run(diff, dir, on).stdout).toContain('"author": "Anna Bērziņa"');
    git('config', 'user.name', 'Jānis Ozols');
    const renamed = run(diff, dir, on);
    expect(renamed.stdout).toContain('"author": "Jānis Ozols"');
    expect(renamed).toEqual(run(diff, dir, { ...on, BRIEFING_SERVER: 'off' }));
    expect(served(runtime)).toBe(2);
  });

  it('compares with the commit git replace puts in HEAD’s place, and with HEAD’s own under GIT_NO_REPLACE_OBJECTS, as git does', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd: dir });
    const position = join(dir, 'positions/educ/equity-reforms.yaml');
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'first');
    // A commit on another branch with the answer reworded; the working tree has that text, under the same version.
    git('checkout', '-q', '-b', 'side');
    writeFileSync(position, readFileSync(position, 'utf8').replace('plāno mērķtiecīgi', 'plāno ļoti mērķtiecīgi'));
    git('commit', '-qam', 'reworded');
    git('checkout', '-q', 'main');
    git('checkout', 'side', '--', 'positions/educ/equity-reforms.yaml');
    git('reset', '-q');
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, SOURCE_DATE_EPOCH: '1613700000' };
    const off = { ...on, BRIEFING_SERVER: 'off' };
    run(['server', 'start'], REPO, on);
    expect(run(['check'], dir, on).stdout).toContain('position/version-not-raised');
    // HEAD's commit replaced by the reworded one: git compares with its text, so the answer has not changed.
    // Served first: a command in its own process may refresh git's index, which the server would see as a new state.
    git('replace', 'main', 'side');
    const replaced = run(['check'], dir, on);
    expect(replaced.stdout).not.toContain('position/version-not-raised');
    expect(replaced).toEqual(run(['check'], dir, off));
    const own = { GIT_NO_REPLACE_OBJECTS: '1' };
    const unreplaced = run(['check'], dir, { ...on, ...own });
    expect(unreplaced.stdout).toContain('position/version-not-raised');
    expect(unreplaced).toEqual(run(['check'], dir, { ...off, ...own }));
    expect(served(runtime)).toBe(3);
  });

  it('follows a meeting moved with git mv as git does after its text changed: compared with its text before the move once git sees the move again', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd: dir });
    const meeting = join(dir, EXAMPLE_MEETING);
    writeFileSync(meeting, readFileSync(meeting, 'utf8').replace(/^(topic: .*)$/m, '$1\ntopic_en: Equal access to education'));
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'first');
    // Moved with git and its topic changed, its English not: translation-stale, once git pairs the two files.
    const moved = 'meetings/2021-02-19-educ-informal-moved.yaml';
    git('mv', EXAMPLE_MEETING, moved);
    const text = readFileSync(join(dir, moved), 'utf8').replace(/^topic: \S+/m, 'topic: Taisnīga');
    // Comments that make the file more than half new: git sees a new meeting and a deleted one, not a move.
    const comments = Array.from({ length: 400 }, (_, line) => `# ${line} ${'abcdefghij'.repeat(3)}\n`).join('');
    writeFileSync(join(dir, moved), text + comments);
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, SOURCE_DATE_EPOCH: '1613700000' };
    const off = { ...on, BRIEFING_SERVER: 'off' };
    run(['server', 'start'], REPO, on);
    const first = run(['check'], dir, on);
    expect(first).toEqual(run(['check'], dir, off));
    expect(first.stdout).not.toContain('meeting/translation-stale');
    // The comments gone, with nothing staged: git pairs the files again, and the served check must say what its own process says.
    writeFileSync(join(dir, moved), text);
    const local = run(['check'], dir, off);
    expect(local.stdout).toContain('meeting/translation-stale');
    expect(run(['check'], dir, on)).toEqual(local);
    expect(served(runtime)).toBe(2);
  });

  it('runs the command itself when the server is killed under it before it printed anything', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, SOURCE_DATE_EPOCH: '1613700000' };
    const started = run(['server', 'start'], REPO, on);
    const pid = Number(/process (\d+)/.exec(started.stdout)?.[1]);
    // A build long enough to kill its server half way (some 3 s on the server); it prints only at the end.
    lengthen(dir, 12000);
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--format', 'md', '--out', 'out-served'], { cwd: dir, env: on });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    await new Promise((wait) => setTimeout(wait, 700));
    process.kill(pid, 'SIGKILL');
    const code = await new Promise<number | null>((done) => child.on('close', (exit) => done(exit)));
    const local = run(['build', EXAMPLE_MEETING, '--format', 'md', '--out', 'out-local'], dir, { ...on, BRIEFING_SERVER: 'off' });
    expect({ code, stdout: stdout.replaceAll('out-served', 'out-local'), stderr }).toEqual({ code: local.status, stdout: local.stdout, stderr: local.stderr });
    expect(code).toBe(0);
    expect(filesOf(join(dir, 'out-served'))).toEqual(filesOf(join(dir, 'out-local')));
  });

  it('runs the command itself when the server does not answer (stopped, or stuck in a command), and the server, woken, does not run it too', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, SOURCE_DATE_EPOCH: '1613700000' };
    const pid = pidOf(run(['server', 'start'], REPO, on));
    const build = (out: string, env: Record<string, string>) => run(['build', EXAMPLE_MEETING, '--format', 'md', '--out', out], dir, env);
    process.kill(pid, 'SIGSTOP');
    let sent: CliRun;
    try {
      sent = build('out-served', on);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const local = build('out-local', { ...on, BRIEFING_SERVER: 'off' });
    expect({ ...sent, stdout: sent.stdout.replaceAll('out-served', 'out-local') }).toEqual({
      status: 0,
      stdout: local.stdout,
      stderr: `briefing: the resident server has not answered for 5 seconds; the command runs in its own process (\`briefing server stop\` ends that server).\n${local.stderr}`,
    });
    expect(filesOf(join(dir, 'out-served'))).toEqual(filesOf(join(dir, 'out-local')));
    // Woken, it finds the request whose client has gone, and leaves it.
    await new Promise((wait) => setTimeout(wait, 500));
    expect(served(runtime)).toBe(0);
  });

  it('runs a command that names a path of its own process (/dev/stdin, /dev/fd/N, /dev/stdout) itself: the server would open its own', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    const position = 'positions/educ/equity-reforms.yaml';
    const older = join(dir, 'older.yaml');
    writeFileSync(older, exampleFile(position).replace('plāno mērķtiecīgi', 'plāno'));
    // `briefing diff /dev/stdin positions/… < older.yaml` (or `diff -`), as a shell runs it.
    const diff = (env: Record<string, string>, stdin = '/dev/stdin') => {
      const input = openSync(older, 'r');
      try {
        const result = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'diff', stdin, position, '--format', 'md'], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', ...env },
          stdio: [input, 'pipe', 'pipe'],
          timeout: 30_000,
        });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
      } finally {
        closeSync(input);
      }
    };
    const local = diff({ ...on, BRIEFING_SERVER: 'off' });
    expect(local).toMatchObject({ status: 1, stdout: expect.stringContaining('mērķtiecīgi') });
    expect(diff(on)).toEqual(local);
    expect(diff(on, '-')).toEqual(local);
    expect(served(runtime)).toBe(0);
  });

  it('runs a command started under a debugger (node --inspect) itself, where its breakpoints are', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    const debugged = spawnSync(process.execPath, ['--inspect=127.0.0.1:0', join(REPO, 'bin/briefing.js'), 'list', 'meetings'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...on },
      timeout: 30_000,
    });
    expect(debugged).toMatchObject({ status: 0, stdout: expect.stringContaining('2021-02-19'), stderr: expect.stringContaining('Debugger listening') });
    expect(served(runtime)).toBe(0);
    expect(run(['list', 'meetings'], dir, on).status).toBe(0);
    expect(served(runtime)).toBe(1);
  });

  it('runs a command typed with other groups than the server has (after newgrp or sg) itself: the server would read the files with its own', () => {
    const setpriv = spawnSync('setpriv', ['--groups', '4242', '--', 'true']);
    if (setpriv.error !== undefined || setpriv.status !== 0) return; // no util-linux setpriv, or not allowed to set groups
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    const check = spawnSync('setpriv', ['--groups', `${[...(process.getgroups?.() ?? []), 4242].join(',')}`, '--', process.execPath, join(REPO, 'bin/briefing.js'), 'check'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...on },
      timeout: 30_000,
    });
    expect({ status: check.status, stdout: check.stdout, stderr: check.stderr }).toEqual(run(['check'], dir, { ...on, BRIEFING_SERVER: 'off' }));
    expect(served(runtime)).toBe(0);
    // With the server's own groups, it is served.
    expect(run(['check'], dir, on).status).toBe(0);
    expect(served(runtime)).toBe(1);
  });

  it('server status names a server that does not answer, and server stop ends it: neither waits for it for ever', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    const pid = pidOf(run(['server', 'start'], REPO, on));
    process.kill(pid, 'SIGSTOP');
    try {
      const [socket] = sockets(join(runtime, 'briefing'));
      expect(run(['server', 'status'], REPO, on)).toEqual({
        status: 0,
        stdout: `A server does not answer (process ${pid}; stopped, or stuck in a command): ${join(runtime, 'briefing', socket ?? '')}\n`,
        stderr: '',
      });
      expect(run(['server', 'start'], REPO, on)).toMatchObject({ status: 2, stderr: expect.stringContaining(`A server does not answer (process ${pid};`) });
      expect(run(['server', 'stop'], REPO, on)).toEqual({ status: 0, stdout: `Ended the server that did not answer (process ${pid}).\n`, stderr: '' });
    } finally {
      if (running(pid)) process.kill(pid, 'SIGCONT');
    }
    expect(running(pid)).toBe(false);
    expect(readdirSync(join(runtime, 'briefing'))).toEqual([]);
    // The next command runs in its own process and starts a new server, which serves the one after.
    expect(run(['list', 'meetings'], dir, on).status).toBe(0);
    expect(run(['server', 'start'], REPO, on).stdout).toMatch(/^(Started a server|A server runs) \(process \d+/);
    expect(run(['list', 'meetings'], dir, on).status).toBe(0);
    expect(served(runtime)).toBe(1);
  });

  it('server status names the Node.js of a server of this build that runs under another one', async () => {
    const runtime = runtimeDir();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    const own = /\((.*\.sock)\)\.$/m.exec(run(['server', 'status'], REPO, on).stdout)?.[1] ?? '';
    // This build's socket name with another hash of the install and the Node.js: a server as another Node.js starts it, standing in for one.
    const other = own.replace(/-[0-9a-f]{8}\.sock$/, '-00000000.sock');
    expect(other).not.toBe(own);
    const answer = { pid: process.pid, socket: other, since: Date.now(), commands: 3, rss: 50 * 1048576, install: join(REPO, 'dist'), build: 'another', node: 'v98.7.6' };
    const standIn = createServer((connection) => connection.once('data', () => connection.end(`${JSON.stringify(answer)}\n`)));
    await new Promise<void>((done) => standIn.listen(other, done));
    try {
      // Not spawnSync: the stand-in answers from this process.
      const status = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'server', 'status'], { env: { ...process.env, NO_COLOR: '1', ...on } });
      let stdout = '';
      status.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
      expect(await new Promise((done) => status.on('close', done))).toBe(0);
      expect(stdout.split('\n')).toEqual([
        `No server runs for this briefing (${own}).`,
        expect.stringMatching(new RegExp(`^A server of this briefing under Node\\.js v98\\.7\\.6 runs \\(process ${process.pid}, since [\\d:]+, 3 commands, 50 MiB\\): ${other}$`)),
        '',
      ]);
    } finally {
      standIn.close();
    }
  });

  it('server stop says so when a server does not answer and no pid file names its process: exit 2, not a stop that claims nothing was running', () => {
    const runtime = runtimeDir();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    const pid = pidOf(run(['server', 'start'], REPO, on));
    const [socket = ''] = sockets(join(runtime, 'briefing'));
    const path = join(runtime, 'briefing', socket);
    process.kill(pid, 'SIGSTOP');
    try {
      rmSync(`${path}.pid`);
      const stopped = run(['server', 'stop'], REPO, on);
      expect(stopped.status).toBe(2);
      expect(stopped.stdout).toBe('');
      expect(stopped.stderr).toContain(`The server on ${path} does not answer, and which process it is cannot be told.`);
    } finally {
      process.kill(pid, 'SIGKILL');
    }
  });

  it('server stop waits longer than status for an answer: a server that answers after some seconds is stopped, not ended as one that does not answer', async () => {
    const runtime = runtimeDir();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    const pid = pidOf(run(['server', 'start'], REPO, on));
    process.kill(pid, 'SIGSTOP');
    // It answers after seven and a half seconds: later than status waits (5 s), sooner than stop does (10 s).
    const woken = setTimeout(() => process.kill(pid, 'SIGCONT'), 7500);
    try {
      const stop = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'server', 'stop'], { env: { ...process.env, NO_COLOR: '1', ...on } });
      let stdout = '';
      stop.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
      const code = await new Promise<number | null>((done) => stop.on('close', (exit) => done(exit)));
      expect({ code, stdout }).toEqual({ code: 0, stdout: `Stopped the server (process ${pid}).\n` });
    } finally {
      clearTimeout(woken);
      if (running(pid)) process.kill(pid, 'SIGCONT');
    }
  });

  it('removes only its own socket when it stops: not that of a server started after its socket file was removed', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    expect(run(['server', 'start'], REPO, { ...on, BRIEFING_SERVER_IDLE_MS: '1500' }).status).toBe(0);
    const socketFolder = join(runtime, 'briefing');
    const [socket = ''] = sockets(socketFolder);
    // Its socket file goes while it runs (its folder emptied at a logout it outlived), and a new server takes the path.
    rmSync(join(socketFolder, socket));
    expect(run(['server', 'start'], REPO, on)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Started a server/) });
    // The first stops when idle; the second still answers.
    await new Promise((wait) => setTimeout(wait, 2500));
    expect(sockets(socketFolder)).toEqual([socket]);
    expect(run(['list', 'meetings'], dir, on).status).toBe(0);
    expect(served(runtime)).toBe(1);
  });

  it('stops, when told, once the command it runs is done: that command gets all its output and exit code, and the server is gone when stop returns', async () => {
    const runtime = runtimeDir();
    // Nine meetings answered from a long position: a build of some seconds, which waits between meetings (and so answers `stop`).
    const copies = Array.from({ length: 8 }, (_, index) => [
      EXAMPLE_MEETING.replace('.yaml', `-${index}.yaml`),
      exampleFile(EXAMPLE_MEETING).replace(/^file_code: (.*)$/m, `file_code: $1${index}`),
    ]);
    const dir = exampleProject(Object.fromEntries(copies));
    lengthen(dir, 2000);
    const meetings = readdirSync(join(dir, 'meetings')).map((name) => `meetings/${name}`);
    const on = { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, SOURCE_DATE_EPOCH: '1613700000', BRIEFING_SERVER_IDLE_MS: '60000' };
    const pid = pidOf(run(['server', 'start'], REPO, on));
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', ...meetings, '--format', 'md', '--out', 'out-served'], { cwd: dir, env: on });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const code = new Promise<number | null>((done) => child.on('close', (exit) => done(exit)));
    // The server has built the first meetings: the command is in flight there.
    await until(() => existsSync(join(dir, 'out-served')) && readdirSync(join(dir, 'out-served')).length > 0, 10_000);
    expect(run(['server', 'stop'], REPO, on)).toMatchObject({ status: 0, stdout: `Stopped the server (process ${pid}).\n` });
    // Gone when stop returns: its process has ended and its socket is removed.
    expect(running(pid)).toBe(false);
    expect(readdirSync(join(runtime, 'briefing'))).toEqual([]);
    const local = run(['build', ...meetings, '--format', 'md', '--out', 'out-local'], dir, { ...on, BRIEFING_SERVER: 'off' });
    expect({ code: await code, stdout: stdout.replaceAll('out-served', 'out-local'), stderr }).toEqual({ code: local.status, stdout: local.stdout, stderr: local.stderr });
    expect(local.stdout + local.stderr).toContain('9 meetings: 9 built');
    expect(filesOf(join(dir, 'out-served'))).toEqual(filesOf(join(dir, 'out-local')));
  });

  it('ends when another server has taken its socket’s path (two started at once on a stale socket), and that one serves', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    const first = pidOf(run(['server', 'start'], REPO, on));
    unreachable.push(first);
    const socketFolder = join(runtime, 'briefing');
    const socket = join(socketFolder, sockets(socketFolder)[0] ?? '');
    // What the loser of such a race is left with: its socket file removed, and another server's at the path.
    rmSync(socket);
    const second = pidOf(run(['server', 'start'], REPO, on));
    await until(() => !running(first), 10_000);
    expect(run(['list', 'meetings'], dir, on).status).toBe(0);
    expect(run(['server', 'status'], REPO, on).stdout).toMatch(new RegExp(`^A server runs \\(process ${second}, since [\\d:]+, 1 command, `));
    stopServers(runtime);
    // The race itself, a few times: servers started at once on a socket file no server listens on (one killed outright leaves it).
    for (let round = 0; round < 3; round++) {
      writeFileSync(socket, '');
      const racers = Array.from({ length: 8 }, () => spawn(process.execPath, [join(REPO, 'bin/server.cjs'), socket], { env: { ...process.env, ...on, BRIEFING_SERVER_IDLE_MS: '60000' }, stdio: 'ignore' }));
      const pids = racers.map((racer) => racer.pid ?? 0);
      unreachable.push(...pids);
      await until(() => pids.filter(running).length === 1, 10_000);
      expect(run(['server', 'status'], REPO, on).stdout).toMatch(new RegExp(`^A server runs \\(process (${pids.join('|')}), `));
      stopServers(runtime);
    }
  });

  it('ends a command that fails where nothing catches it (a bug) as its own process would: the same message and exit code', () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    // A bug, put in through Node.js's --require: once the meeting is read, an error is thrown outside the command's own
    // handling, with nothing printed before (FAULT=quiet: the client runs the command itself, and meets it again) or a line
    // (FAULT=loud); or by a callback the command leaves behind as it ends (FAULT=after: its own process runs it before it exits).
    // Not at a file written: a run after the server's leaves the report's files that hold their bytes already as they are.
    const fault = join(tempDir(), 'fault.cjs');
    writeFileSync(
      fault,
      `const fs = require('node:fs');
const read = fs.readFileSync;
let fired = false;
fs.readFileSync = function (path, ...rest) {
  const text = read.call(this, path, ...rest);
  if (fired || !['quiet', 'loud'].includes(process.env.FAULT) || !String(path).endsWith('.yaml') || !String(path).includes('meetings')) return text;
  fired = true;
  if (process.env.FAULT === 'loud') console.log('a line before the fault');
  process.nextTick(() => { throw new Error('a fault outside the command'); });
  return text;
};
const error = console.error;
console.error = function (...args) {
  error.apply(this, args);
  if (process.env.FAULT === 'after' && /^1 meeting: /.test(String(args[0]))) setImmediate(() => { throw new Error('a fault outside the command'); });
};
`,
    );
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime, NODE_OPTIONS: `--require ${fault}` };
    const failure = 'briefing: internal error: a fault outside the command\n  Run with --debug for the stack trace, and report it as a bug.\n';
    for (const loudness of ['quiet', 'loud', 'after']) {
      expect(run(['server', 'start'], REPO, on).status).toBe(0);
      const local = run(['build', EXAMPLE_MEETING, '--format', 'md', '--out', `out-local-${loudness}`], dir, { ...on, BRIEFING_SERVER: 'off', FAULT: loudness });
      expect(local, loudness).toMatchObject({ status: 2, stdout: loudness === 'quiet' ? '' : expect.any(String), stderr: expect.stringMatching(new RegExp(`${failure}$`)) });
      if (loudness === 'loud') expect(local.stdout).toBe('a line before the fault\n');
      const remote = run(['build', EXAMPLE_MEETING, '--format', 'md', '--out', `out-served-${loudness}`], dir, { ...on, FAULT: loudness });
      expect({ ...remote, stdout: remote.stdout.replaceAll('out-served', 'out-local') }, loudness).toEqual(local);
      // The server has ended: no later command runs in what the failure left.
      expect(served(runtime), loudness).toBeUndefined();
    }
  });

  it('stops when its install has another build (the tool updated or rebuilt): the new build’s server tells it', async () => {
    const runtime = runtimeDir();
    const install = installCopy();
    const dir = exampleProject();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    const old = pidOf(run(['server', 'start'], REPO, on, install));
    const socketFolder = join(runtime, 'briefing');
    const [oldSocket] = sockets(socketFolder);
    rebuild(install);
    // The first command of the new build runs in its own process and starts the new build's server.
    expect(run(['list', 'meetings'], dir, on, install)).toMatchObject({ status: 0, stdout: expect.stringContaining('2021-02-19') });
    await until(() => !running(old) && sockets(socketFolder).length === 1 && sockets(socketFolder)[0] !== oldSocket);
    expect(served(runtime, install)).toBe(0);
  });

  it('lists every server of the user (this build’s, another build’s, another install’s) and stops those of its install', async () => {
    const runtime = runtimeDir();
    const install = installCopy();
    const other = installCopy();
    const on = { BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    const old = pidOf(run(['server', 'start'], REPO, on, install));
    rebuild(install);
    const elsewhere = pidOf(run(['server', 'start'], REPO, on, other));
    const status = run(['server', 'status'], REPO, on, install);
    expect(status.status).toBe(0);
    expect(status.stdout.split('\n')).toEqual([
      expect.stringMatching(/^No server runs for this briefing \(.*\.sock\)\.$/),
      expect.stringMatching(new RegExp(`^A server of this briefing in another build runs \\(process ${old}, since .*\\): ${runtime}/briefing/.*\\.sock$`)),
      expect.stringMatching(new RegExp(`^A server of the briefing in ${other} runs \\(process ${elsewhere}, `)),
      '',
    ]);
    expect(run(['server', 'stop'], REPO, on, install)).toMatchObject({ status: 0, stdout: `Stopped a server in another build (process ${old}).\n` });
    await until(() => !running(old));
    // Another install's server is another project's: its own `briefing server stop` stops it.
    expect(served(runtime, other)).toBe(0);
    expect(run(['server', 'stop'], REPO, on, other)).toMatchObject({ status: 0, stdout: `Stopped the server (process ${elsewhere}).\n` });
  });

  it('passes Ctrl-C on to the command it runs, which ends as it would have', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { ...process.env, BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    // A long answer: a build long enough to be stopped half way.
    lengthen(dir, 12000);
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--out', 'out-long'], { cwd: dir, env: on, stdio: 'ignore' });
    // Well into the build (some 3 s on the server), after the client has connected.
    await new Promise((wait) => setTimeout(wait, 700));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.on('exit', (exit) => done(exit)));
    // 128 + SIGINT, as a build in its own process ends (its handler stops any PDF's office, then raises the signal again).
    expect(code).toBe(130);
    // The server got the signal as the process running the command would have, and ended.
    await until(() => served(runtime) === undefined, 5000);
  });

  it('stops the command when its client is killed outright (kill -9): it does not build on and write its reports afterwards', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    // An office that takes 3 s to write its PDF: the build waits for it, as for LibreOffice.
    const bin = tempDir('briefing-office-');
    const office = join(bin, 'soffice');
    writeFileSync(office, '#!/bin/sh\nsleep 3\nfor a in "$@"; do [ "$prev" = --outdir ] && out="$a"; prev="$a"; done\nprintf %s %PDF-1.4 > "$out/$(basename "$prev" .docx).pdf"\necho %%EOF >> "$out/$(basename "$prev" .docx).pdf"\n');
    chmodSync(office, 0o755);
    const on = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    run(['server', 'start'], REPO, on);
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--format', 'pdf', '--out', 'out-long'], { cwd: dir, env: on, stdio: 'ignore' });
    // Into the office's run, after the client has connected.
    await new Promise((wait) => setTimeout(wait, 1000));
    child.kill('SIGKILL');
    await new Promise((done) => child.on('exit', done));
    // Its own process killed so would have written nothing: the server ends as at a SIGTERM, its office stopped.
    await until(() => served(runtime) === undefined, 5000);
    await new Promise((wait) => setTimeout(wait, 3500));
    expect(existsSync(join(dir, 'out-long'))).toBe(false);
  });

  it('ends a server that hears no Ctrl-C (stuck in the command) at a Ctrl-C a second after, so the terminal is not held', async () => {
    const runtime = runtimeDir();
    const dir = exampleProject();
    const on = { ...process.env, BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: runtime };
    const pid = pidOf(run(['server', 'start'], REPO, on));
    lengthen(dir, 12000);
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--out', 'out-long'], { cwd: dir, env: on, stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => child.on('exit', (exit) => done(exit)));
    await new Promise((wait) => setTimeout(wait, 700));
    // Stuck as a loop that never ends is: it handles no signal.
    process.kill(pid, 'SIGSTOP');
    child.kill('SIGINT');
    // A quick second Ctrl-C is passed on as the first (a server that hears it stops its office first); one a second later is not.
    await new Promise((wait) => setTimeout(wait, 300));
    child.kill('SIGINT');
    await new Promise((wait) => setTimeout(wait, 1000));
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    const code = await Promise.race([exited, new Promise((wait) => setTimeout(() => wait('still running'), 5000))]);
    if (code === 'still running') process.kill(pid, 'SIGKILL');
    expect(code).toBe(130);
    await until(() => !running(pid));
  });
});

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('waited in vain');
    await new Promise((wait) => setTimeout(wait, 50));
  }
}
