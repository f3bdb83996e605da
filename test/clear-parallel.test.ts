import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { clear } from '../src/commands/clear.js';
import { exampleProject, REPO, runCli } from './helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';
const MINISTRIES = ['AIM', 'EM', 'FM', 'IEM', 'KEM', 'SM', 'TM', 'VARAM'];

function clearInProcess(cwd: string, ministry: string): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'clear', POSITION, '--ministry', ministry, '--date', '2021-05-14'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

test('eight clear commands on one file at the same time: every one of them is in the file', async () => {
  const dir = exampleProject();
  const files = readdirSync(join(dir, 'positions/educ')).sort();
  const runs = await Promise.all(MINISTRIES.map((ministry) => clearInProcess(dir, ministry)));
  for (const run of runs) {
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`updated ${POSITION}`);
  }
  const clearance: Record<string, { status: string; date: string }> = parse(readFileSync(join(dir, POSITION), 'utf8')).clearance;
  for (const ministry of MINISTRIES) expect(clearance[ministry]).toEqual({ status: 'cleared', date: '2021-05-14', version: 2, answer: expect.stringMatching(/^[0-9a-f]{12}$/) });
  expect(readdirSync(join(dir, 'positions/educ')).sort()).toEqual(files); // no lock or temporary file left
}, 60_000);

test('a lock left by a clear command that died is taken over', () => {
  const dir = exampleProject();
  // A process id far above any Linux pid_max: that process is surely gone.
  writeFileSync(join(dir, 'positions/educ/.equity-reforms.yaml.lock'), '99999999\n');
  const result = clear({ cwd: dir, position: POSITION, ministry: 'AIM', date: '2021-05-14', status: 'cleared' });
  expect(result.written).toBe(true);
  expect(existsSync(join(dir, 'positions/educ/.equity-reforms.yaml.lock'))).toBe(false);
});

test('several positions waiting for a file another command holds: none of them is locked meanwhile, so Ctrl-C leaves no lock behind', async () => {
  const dir = exampleProject();
  const files = readdirSync(join(dir, 'positions/educ')).sort();
  // Another command (a live process) holds the lock of the second file, in the order locks are taken.
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
  writeFileSync(join(dir, 'positions/educ/.equity-reforms.yaml.lock'), `${holder.pid}\n`);
  const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'clear', 'equity-achievements', 'equity-reforms', '--ministry', 'FM', '--pending'], { cwd: dir });
  const closed = new Promise((resolve) => child.on('close', resolve));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  // It held the first file's lock while it waited: a Ctrl-C then left `.equity-achievements.yaml.lock`, which `git add .` commits.
  expect(existsSync(join(dir, 'positions/educ/.equity-achievements.yaml.lock'))).toBe(false);
  child.kill('SIGINT');
  await closed;
  holder.kill();
  expect(readdirSync(join(dir, 'positions/educ')).sort()).toEqual([...files, '.equity-reforms.yaml.lock'].sort());
}, 30_000);

test('several positions, one held by another command until the wait ends: the refusal says none of them was written', () => {
  const dir = exampleProject();
  const before = readdirSync(join(dir, 'positions/educ')).map((name) => readFileSync(join(dir, 'positions/educ', name), 'utf8'));
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    writeFileSync(join(dir, 'positions/educ/.equity-reforms.yaml.lock'), `${holder.pid}\n`);
    const run = runCli(['clear', 'equity-achievements', 'equity-reforms', '--ministry', 'FM', '--pending'], dir);
    // It named the held file alone: whether the other position was written could not be told.
    expect(run).toMatchObject({ status: 2, stderr: expect.stringContaining('positions/educ/equity-reforms.yaml: another briefing command is editing this file; nothing written, in any of the 2 positions.') });
    // While it waited it said so, once, and for whom: 15 s without a word looked like a hang.
    const waiting = `Waiting for another briefing command (process ${holder.pid}) to finish editing positions/educ/equity-reforms.yaml, up to 15 s…`;
    expect(run.stderr.split('\n').filter((line) => line.includes('Waiting for'))).toEqual([waiting]);
    expect(run.stderr.indexOf(waiting)).toBeLessThan(run.stderr.indexOf('another briefing command is editing this file'));
  } finally {
    holder.kill();
  }
  expect(readdirSync(join(dir, 'positions/educ')).filter((name) => !name.startsWith('.')).map((name) => readFileSync(join(dir, 'positions/educ', name), 'utf8'))).toEqual(before);
}, 40_000);

test('a fresh lock of a clear command on another computer (a project on a network share) is waited for, not taken over', async () => {
  const dir = exampleProject();
  const lock = join(dir, 'positions/educ/.equity-reforms.yaml.lock');
  const before = readFileSync(join(dir, POSITION), 'utf8');
  // Its process id means nothing here: on this computer that process is surely gone, on the other it still edits the file.
  writeFileSync(lock, '99999999\nanother-computer.ministry.lan\n');
  const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'clear', POSITION, '--ministry', 'AIM', '--date', '2021-05-14'], { cwd: dir });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  // It took the lock over at once and wrote the file while the other computer's clear was still writing it: one answer lost.
  expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(before);
  expect(readFileSync(lock, 'utf8')).toBe('99999999\nanother-computer.ministry.lan\n');
  rmSync(lock);
  expect(await closed).toBe(0);
  expect(parse(readFileSync(join(dir, POSITION), 'utf8')).clearance.AIM).toMatchObject({ status: 'cleared', date: '2021-05-14' });
}, 30_000);
