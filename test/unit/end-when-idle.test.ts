import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

/** Runs `body` in a Node.js of its own that has bin/load.cjs's `endWhenIdle`, saying how it ended. */
function ending(body: string, input = ''): { stdout: string; status: number | null } {
  const script = `
    const { endWhenIdle } = require(${JSON.stringify(join(REPO, 'bin', 'load.cjs'))});
    const say = (text) => require('node:fs').writeSync(1, text + '\\n');
    process.on('beforeExit', () => say('ended by itself'));
    process.on('exit', (code) => say('exit ' + code));
    ${body}`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', input });
  return { stdout: run.stdout, status: run.status };
}

describe('the end of a command that is done (bin/load.cjs endWhenIdle)', () => {
  it('exits at once with the exit code the command set, its exit handlers run, when nothing keeps the process alive', () => {
    // Node.js ending by itself says 'beforeExit' first, and runs the garbage collection V8 scheduled: 20–30 ms of a check.
    expect(ending('process.exitCode = 1; setImmediate(endWhenIdle);')).toEqual({ stdout: 'exit 1\n', status: 1 });
    // Written to, stdout and stderr (pipes here, a terminal on a desk) count as active: they are the command's own output.
    expect(ending("process.stdout.write('out\\n'); process.stderr.write('err'); setImmediate(endWhenIdle);")).toEqual({ stdout: 'out\nexit 0\n', status: 0 });
  });

  it('waits for what still runs: a timer, a child process, stdin being read, a server', () => {
    expect(ending("setTimeout(() => say('timer'), 50); setImmediate(endWhenIdle);")).toEqual({ stdout: 'timer\nended by itself\nexit 0\n', status: 0 });
    const child = "require('node:child_process').execFile('sh', ['-c', 'sleep 0.05; echo child'], (error, out) => say(out.trim()));";
    expect(ending(`${child} setImmediate(endWhenIdle);`)).toEqual({ stdout: 'child\nended by itself\nexit 0\n', status: 0 });
    const stdin = "process.stdin.on('data', (data) => say('read ' + data)); process.stdin.on('end', () => say('stdin ended'));";
    expect(ending(`${stdin} setImmediate(endWhenIdle);`, 'x')).toEqual({ stdout: 'read x\nstdin ended\nended by itself\nexit 0\n', status: 0 });
    const server = `const server = require('node:net').createServer().listen(0, () => {
      setImmediate(endWhenIdle);
      setTimeout(() => { say('still serving'); server.close(); }, 50).unref();
    });`;
    expect(ending(server)).toEqual({ stdout: 'still serving\nended by itself\nexit 0\n', status: 0 });
  });
});
