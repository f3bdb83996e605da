import { spawn, spawnSync } from 'node:child_process';
import { chownSync, closeSync, cpSync, existsSync, mkdirSync, openSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { exampleProject, REPO, tempDir } from './helpers/project.js';

/** A Node.js older than 22.12 on this machine, if any (Debian 12 and many CI images ship Node 20). */
function oldNode(): string | undefined {
  const which = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' });
  return which.stdout
    .split('\n')
    .filter(Boolean)
    .find((path) => {
      const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
      return /^v(1\d|2[01])\.|^v22\.([0-9]|1[01])\./.test(version);
    });
}

const STACK = /\n\s+at .+:\d+:\d+/;
const old = oldNode();

describe('bin/briefing.js, the installed command', () => {
  it('answers --version from package.json', () => {
    const run = spawnSync(join(REPO, 'bin/briefing.js'), ['--version'], { encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('answers --version quietly to a reader that has gone (--version | :), and in one line, exit 2, to a full disk', async () => {
    const closed = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), '--version']);
      // The reader is gone before the command writes.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      child.on('close', (code) => done({ code, stderr }));
    });
    expect(closed).toEqual({ code: 0, stderr: '' });
    if (!existsSync('/dev/full')) return;
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), '--version'], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      expect(run).toMatchObject({ status: 2, stderr: 'briefing: could not write to stdout: ENOSPC: no space left on device, write\n' });
    } finally {
      closeSync(full);
    }
  });

  it('typed in a folder that was removed meanwhile, says so in one line (exit 2), with the resident server or without', () => {
    const parent = tempDir();
    const runtime = join(tempDir(), 'run');
    mkdirSync(runtime, { mode: 0o700 });
    for (const server of ['on', 'off']) {
      // The shell stands in a folder that is then removed, as a git checkout of another branch may do.
      const run = spawnSync('sh', ['-c', `mkdir gone && cd gone && rmdir ../gone && exec "${process.execPath}" "${join(REPO, 'bin/briefing.js')}" check`], {
        cwd: parent,
        encoding: 'utf8',
        env: { ...process.env, BRIEFING_SERVER: server, XDG_RUNTIME_DIR: runtime },
      });
      expect(run.stderr, server).not.toMatch(STACK);
      expect(run, server).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^briefing: the folder this command was typed in no longer exists .*cd "\$PWD"/) });
    }
  });

  it('installed elsewhere (globally), hands the command to the copy the project pins in node_modules, from a subfolder or -C too; never to itself', () => {
    const project = tempDir();
    const copy = join(project, 'node_modules/briefing/bin');
    mkdirSync(copy, { recursive: true });
    // A stand-in for the project's own (other) version of the tool: it says what it was given.
    writeFileSync(join(copy, 'briefing.js'), "console.log(JSON.stringify({ copy: 'project', args: process.argv.slice(2) }));\n");
    writeFileSync(join(project, 'node_modules/briefing/package.json'), '{ "name": "briefing", "version": "9.9.9", "type": "module" }\n');
    mkdirSync(join(project, 'meetings'));
    const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), ...args], { cwd, encoding: 'utf8' });
    expect(JSON.parse(run(project, 'build', '--all').stdout)).toEqual({ copy: 'project', args: ['build', '--all'] });
    expect(JSON.parse(run(join(project, 'meetings'), '--version').stdout)).toEqual({ copy: 'project', args: ['--version'] });
    expect(JSON.parse(run(tempDir(), '-C', project, 'check').stdout)).toEqual({ copy: 'project', args: ['-C', project, 'check'] });
    expect(JSON.parse(run(tempDir(), `-C${project}`, 'check').stdout)).toEqual({ copy: 'project', args: [`-C${project}`, 'check'] });
    // A copy an install left half made is said, and the installed briefing runs.
    const broken = tempDir();
    mkdirSync(join(broken, 'node_modules/briefing'), { recursive: true });
    const halfway = run(broken, '--version');
    expect(halfway).toMatchObject({ status: 0, stdout: `${packageJson.version}\n` });
    expect(halfway.stderr).toContain("briefing: the project's copy in");
    expect(halfway.stderr).toContain('has no bin/briefing.js (run npm ci)');
    // Installed with pnpm (its lockfile there), the install to run again is pnpm's.
    writeFileSync(join(broken, 'package.json'), '{ "private": true }\n');
    writeFileSync(join(broken, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    expect(run(broken, '--version').stderr).toContain('has no bin/briefing.js (run pnpm install)');
    // The project's copy is this one (npm link, a file: dependency): it runs as it is.
    const linked = tempDir();
    mkdirSync(join(linked, 'node_modules'));
    symlinkSync(REPO, join(linked, 'node_modules/briefing'));
    expect(run(linked, '--version')).toMatchObject({ status: 0, stdout: `${packageJson.version}\n` });
  });

  // As git will not use a .git another user made in a folder above (a shared /tmp, a share), a briefing installed
  // globally does not run a node_modules/briefing another user put in the folder or above it: it would run their code as you.
  it.runIf(process.getuid?.() === 0)('never hands the command to a copy in node_modules that another user owns: says so and runs itself', () => {
    const shared = tempDir();
    const copy = join(shared, 'node_modules/briefing/bin');
    mkdirSync(copy, { recursive: true });
    writeFileSync(join(copy, 'briefing.js'), "console.log('planted');\n");
    for (const path of [join(shared, 'node_modules'), join(shared, 'node_modules/briefing'), copy, join(copy, 'briefing.js')]) chownSync(path, 65534, 65534);
    mkdirSync(join(shared, 'work'));
    const run = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), '--version'], { cwd: join(shared, 'work'), encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stdout: `${packageJson.version}\n` });
    expect(run.stderr).toBe(
      `briefing: not running the copy in ${join(shared, 'node_modules/briefing')}: it belongs to another user (uid 65534), who could have put any program there; running the briefing installed at ${REPO}. If it is your project's, make it yours (chown) or run its copy as \`npx briefing\`.\n`,
    );
  });

  // The `node` package is looked for from the folder the command runs in upwards, as Node resolves it: one another user
  // put in a shared folder (/tmp/node_modules/node) ran as whoever typed briefing under it on an old Node.js.
  it.runIf(old !== undefined && process.getuid?.() === 0)('on an old Node.js, never runs the program of a `node` package another user owns', () => {
    const shared = tempDir();
    const planted = join(shared, 'node_modules/node');
    mkdirSync(join(planted, 'bin'), { recursive: true });
    writeFileSync(join(planted, 'package.json'), '{ "name": "node", "version": "24.0.0" }\n');
    writeFileSync(join(planted, 'bin/node'), '#!/bin/sh\necho planted\n', { mode: 0o755 });
    for (const path of [join(shared, 'node_modules'), planted, join(planted, 'package.json'), join(planted, 'bin'), join(planted, 'bin/node')]) chownSync(path, 65534, 65534);
    mkdirSync(join(shared, 'work'));
    const run = spawnSync(old ?? 'node', [join(REPO, 'bin/briefing.js'), 'check'], { cwd: join(shared, 'work'), encoding: 'utf8' });
    expect(run.stdout).not.toContain('planted');
    expect(run.stderr).toContain(`briefing: not running the Node.js in ${planted}: it belongs to another user (uid 65534), who could have put any program there.\n`);
    // The tool's own `node` package runs the command instead: it finds no project here.
    expect(run.stderr).toMatch(/briefing\.config\.yaml/);
  });

  it.runIf(old !== undefined)('on an old Node.js, runs the command under the Node.js of the `node` package the tool was installed with', () => {
    // This repository has `node` (24) among its packages, as a project does after `npm install -D node@24`.
    const run = spawnSync(old ?? 'node', [join(REPO, 'bin/briefing.js'), 'check'], { cwd: exampleProject(), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Checked 1 meeting, 3 positions\b.*: no problems\.\n$/);
    expect(run.status).toBe(0);
  });

  /**
   * A watch started by the launcher on the old Node.js, which runs it under the newer one: a command
   * that runs until something ends it, in its own process group with no terminal, as under a
   * supervisor. `alive` is the command's state, '' once it is gone (a zombie counts as gone).
   */
  async function watchUnderLauncher(): Promise<{ launcher: ReturnType<typeof spawn>; command: number; alive: () => string }> {
    const launcher = spawn(old ?? 'node', [join(REPO, 'bin/briefing.js'), 'build', 'meetings/2021-02-19-educ-informal.yaml', '--watch', '--format', 'md'], {
      cwd: exampleProject(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BRIEFING_SERVER: 'off' },
    });
    let output = '';
    launcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output, { timeout: 30_000, interval: 100 }).toContain('Watching for changes');
    const command = Number(spawnSync('pgrep', ['-P', String(launcher.pid)], { encoding: 'utf8' }).stdout.trim());
    expect(command).toBeGreaterThan(0);
    const alive = () => spawnSync('ps', ['-o', 'stat=', '-p', String(command)], { encoding: 'utf8' }).stdout.trim().replace(/^Z.*/, '');
    return { launcher, command, alive };
  }

  it.runIf(old !== undefined)('on an old Node.js, a signal sent to the launcher alone (no terminal) reaches the command it runs under the newer one', async () => {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGHUP', 129],
    ] as const) {
      const { launcher, alive } = await watchUnderLauncher();
      const ended = new Promise<number | null>((done) => launcher.on('exit', (status) => done(status)));
      process.kill(launcher.pid ?? 0, signal);
      // Both end, the launcher with the command's code (it ignored SIGINT, and died of SIGHUP leaving the watch running alone).
      expect(await ended, signal).toBe(code);
      await expect.poll(alive, { timeout: 10_000 }).toBe('');
    }
  }, 90_000);

  it.runIf(old !== undefined)('on an old Node.js, the command run under the newer one ends when the launcher is killed outright (SIGKILL)', async () => {
    const { launcher, command, alive } = await watchUnderLauncher();
    process.kill(launcher.pid ?? 0, 'SIGKILL');
    try {
      // It ran on alone, a watch for good, before.
      await expect.poll(alive, { timeout: 10_000 }).toBe('');
    } finally {
      if (alive()) process.kill(command, 'SIGKILL');
    }
  }, 60_000);

  it.runIf(old !== undefined)('on an old Node.js with no newer one in reach, says in one line what to install, exit 2', () => {
    // The launcher alone, as installed somewhere without the `node` package.
    const installed = tempDir();
    mkdirSync(join(installed, 'bin'));
    cpSync(join(REPO, 'bin/briefing.js'), join(installed, 'bin/briefing.js'));
    cpSync(join(REPO, 'package.json'), join(installed, 'package.json'));
    const run = spawnSync(old ?? 'node', [join(installed, 'bin/briefing.js'), 'check'], { cwd: tempDir(), encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^briefing: needs Node\.js 22\.12 or newer, this is v\d+\.\d+\.\d+: install Node\.js 24 LTS from https:\/\/nodejs\.org, or add it to this project with `npm install -D node@24`\.\n$/);
    expect(run.stderr).not.toMatch(STACK);
  });

  it.runIf(old !== undefined)('on an old Node.js whose project has the `node` package without its program (npm skipped its install script), says how to run the script, exit 2', () => {
    const installed = tempDir();
    mkdirSync(join(installed, 'bin'));
    cpSync(join(REPO, 'bin/briefing.js'), join(installed, 'bin/briefing.js'));
    cpSync(join(REPO, 'package.json'), join(installed, 'package.json'));
    // What npm 12 leaves of `npm install -D node@24` unless package.json allows the package's install script, and any npm
    // with ignore-scripts set (a project's or the user's .npmrc), where a plain `npm rebuild node` skips it again.
    const project = tempDir();
    writeFileSync(join(project, 'package.json'), '{ "devDependencies": { "node": "^24.21.0" } }\n');
    mkdirSync(join(project, 'node_modules/node'), { recursive: true });
    cpSync(join(REPO, 'node_modules/node/package.json'), join(project, 'node_modules/node/package.json'));
    const run = spawnSync(old ?? 'node', [join(installed, 'bin/briefing.js'), 'check'], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `briefing: needs Node.js 22.12 or newer, this is ${spawnSync(old ?? 'node', ['--version'], { encoding: 'utf8' }).stdout.trim()}, and the \`node\` package in ${realpathSync(project)} has no program in it ` +
        '(npm skipped its install script): allow the script and run it with `npm pkg set allowScripts.node=true --json && npm rebuild node --ignore-scripts=false`.\n',
    );
  });

  /** The launcher alone, installed outside the project (globally), so the project's own copy takes no part. */
  function lonelyLauncher(): string {
    const installed = tempDir();
    mkdirSync(join(installed, 'bin'));
    cpSync(join(REPO, 'bin/briefing.js'), join(installed, 'bin/briefing.js'));
    cpSync(join(REPO, 'package.json'), join(installed, 'package.json'));
    return join(installed, 'bin/briefing.js');
  }

  // pnpm 10 runs a dependency's install script only for a package it is told to build, and keeps the package in
  // node_modules/.pnpm: the message named node_modules/.pnpm/node@24.21.0 as the project and gave npm's commands.
  // Yarn 2 or later runs the script with its own `node` shim first on PATH, the missing program: it never gets one.
  it.runIf(old !== undefined)('on an old Node.js whose `node` package pnpm or Yarn left without its program, gives that manager’s way, exit 2', () => {
    const launcher = lonelyLauncher();
    const pnpm = realpathSync(tempDir());
    writeFileSync(join(pnpm, 'package.json'), '{ "devDependencies": { "node": "^24.21.0" } }\n');
    writeFileSync(join(pnpm, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    const stored = join(pnpm, 'node_modules/.pnpm/node@24.21.0/node_modules/node');
    mkdirSync(stored, { recursive: true });
    cpSync(join(REPO, 'node_modules/node/package.json'), join(stored, 'package.json'));
    symlinkSync('.pnpm/node@24.21.0/node_modules/node', join(pnpm, 'node_modules/node'));
    const version = spawnSync(old ?? 'node', ['--version'], { encoding: 'utf8' }).stdout.trim();
    const inPnpm = spawnSync(old ?? 'node', [launcher, 'check'], { cwd: pnpm, encoding: 'utf8' });
    expect(inPnpm.status).toBe(2);
    expect(inPnpm.stderr).toBe(
      `briefing: needs Node.js 22.12 or newer, this is ${version}, and the \`node\` package in ${pnpm} has no program in it (pnpm did not run its install script): ` +
        'allow the script and run it with `npm pkg set "pnpm.onlyBuiltDependencies[]=node" && pnpm rebuild node`.\n',
    );

    const yarn = tempDir();
    writeFileSync(join(yarn, 'package.json'), '{ "devDependencies": { "node": "^24.21.0" } }\n');
    writeFileSync(join(yarn, 'yarn.lock'), '__metadata:\n  version: 8\n  cacheKey: 10c0\n');
    writeFileSync(join(yarn, '.yarnrc.yml'), 'nodeLinker: node-modules\n');
    mkdirSync(join(yarn, 'node_modules/node'), { recursive: true });
    cpSync(join(REPO, 'node_modules/node/package.json'), join(yarn, 'node_modules/node/package.json'));
    const inYarn = spawnSync(old ?? 'node', [launcher, 'check'], { cwd: yarn, encoding: 'utf8' });
    expect(inYarn.status).toBe(2);
    expect(inYarn.stderr).toBe(
      `briefing: needs Node.js 22.12 or newer, this is ${version}, and the \`node\` package has no program in it, and gets none under Yarn 2 or later ` +
        '(its install script runs `node`, which Yarn points at that missing program): install Node.js 24 LTS from https://nodejs.org, and remove the package with `yarn remove node`.\n',
    );
  });

  it.runIf(old !== undefined)('on an old Node.js with no newer one in reach, names the command that adds it with the project’s package manager', () => {
    const launcher = lonelyLauncher();
    const advice = (lockFile: string, text: string) => {
      const project = tempDir();
      writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
      writeFileSync(join(project, lockFile), text);
      mkdirSync(join(project, 'sub'));
      const run = spawnSync(old ?? 'node', [launcher, 'check'], { cwd: join(project, 'sub'), encoding: 'utf8' });
      expect(run.status).toBe(2);
      return run.stderr.replace(/^briefing: needs Node\.js 22\.12 or newer, this is v[\d.]+: /, '');
    };
    expect(advice('pnpm-lock.yaml', "lockfileVersion: '9.0'\n")).toBe(
      'install Node.js 24 LTS from https://nodejs.org, or add it to this project with `pnpm add -D --allow-build=node node@24` (pnpm 9: without --allow-build).\n',
    );
    // Yarn 1 checks every package's `engines` with the Node.js it runs on, briefing's 22.12 too: it refused to add.
    expect(advice('yarn.lock', '# yarn lockfile v1\n')).toBe('install Node.js 24 LTS from https://nodejs.org, or add it to this project with `yarn add -D --ignore-engines node@24`.\n');
    expect(advice('yarn.lock', '__metadata:\n  version: 8\n')).toMatch(/^install Node\.js 24 LTS from https:\/\/nodejs\.org \(the `node` package, which adds it to a project, gets no program under Yarn 2 or later: /);
    expect(advice('bun.lock', '{}\n')).toBe('install Node.js 24 LTS from https://nodejs.org, or add it to this project with `bun add -d node@24`.\n');
    expect(advice('package-lock.json', '{}\n')).toBe('install Node.js 24 LTS from https://nodejs.org, or add it to this project with `npm install -D node@24`.\n');
  });
});
