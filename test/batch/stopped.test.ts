import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectWithMeetings, type MeetingSpec } from '../helpers/meetings.js';
import { REPO } from '../helpers/project.js';
import { stoppedBuild, type MeetingOutcome } from '../../src/commands/build.js';

const EXAMPLE = ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'] as const;

function specs(count: number): Record<string, MeetingSpec> {
  return Object.fromEntries(Array.from({ length: count }, (_, n) => [`meetings/m${n + 1}.yaml`, { fileCode: `M${n + 1}`, positions: EXAMPLE }]));
}

describe('build --json stopped by a signal', () => {
  it('still prints its one JSON object: the meetings written before the stop, the stop as a message, and the exit code of the signal', async () => {
    // Enough meetings that the build is still going when the first one is on disk.
    const dir = projectWithMeetings(specs(150));
    for (const [signal, jobs, code] of [['SIGTERM', '1', 143], ['SIGINT', '2', 130]] as const) {
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', '--all', '--force', '--json', '--format', 'md', '--jobs', jobs], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, got) => resolve(got)));
      const written = () => (existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.manifest.json')).length : 0);
      for (let waited = 0; written() < 2 && waited < 60_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
      child.kill(signal);
      expect(await ended).toBe(signal);

      const report: unknown = JSON.parse(stdout);
      expect(report).toMatchObject({
        exitCode: code,
        threads: 0,
        messages: [{ file: '.', line: null, column: null, severity: 'error', ruleId: 'run/stopped', hint: 'Build again: the meetings listed were written before the stop.' }],
      });
      const { summary, meetings, messages } = report as { summary: { built: number; failed: number }; meetings: { meeting: string; status: string; outputs: string[] }[]; messages: { message: string }[] };
      expect(summary.built).toBeGreaterThan(0);
      expect(summary.built).toBeLessThan(151);
      expect(meetings).toHaveLength(summary.built);
      expect(messages[0]?.message).toBe(`The build was stopped by ${signal} after ${summary.built} meetings; the others were not built.`);
      // Each meeting listed is on disk as the report says.
      for (const meeting of meetings) {
        expect(meeting.status).toBe('built');
        for (const output of meeting.outputs) expect(existsSync(join(dir, output))).toBe(true);
      }
      expect(meetings.map((m) => m.meeting)).toEqual([...meetings.map((m) => m.meeting)].sort());
    }
  }, 120_000);
});

// Under -C the hints of a stopped build's JSON said `briefing clear …`, which pasted where briefing ran acts on no project (or another).
describe('build -C <project> --json stopped by a signal', () => {
  it('gives its hints\' commands as typed from where briefing ran, as a build that ends does', async () => {
    const dir = projectWithMeetings(specs(150));
    // LM cleared an earlier version of one position: each meeting built warns, with `briefing clear …` in the hint.
    const reforms = join(dir, 'positions/educ/equity-reforms.yaml');
    writeFileSync(reforms, readFileSync(reforms, 'utf8').replace(/(  LM:\n    status: cleared\n)/, '$1    version: 1\n'));
    // The meetings still to come (BRIEFING_TODAY): once they are over, their reports were final for them and nothing is asked of LM.
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), '-C', basename(dir), 'build', '--all', '--force', '--json', '--format', 'md', '--jobs', '1'], {
      cwd: dirname(dir),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BRIEFING_TODAY: '2021-02-10' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, got) => resolve(got)));
    const written = () => (existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.manifest.json')).length : 0);
    for (let waited = 0; written() < 2 && waited < 60_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    const { meetings } = JSON.parse(stdout) as { meetings: { messages: { ruleId: string; hint: string }[] }[] };
    const hints = meetings.flatMap((meeting) => meeting.messages.filter((m) => m.ruleId === 'clearance/missing').map((m) => m.hint));
    expect(hints.length).toBeGreaterThan(0);
    for (const hint of hints) expect(hint).toContain(`\`briefing -C ${basename(dir)} clear equity-reforms --ministry LM`);
  }, 120_000);
});

// Without --json, a stopped build printed nothing: no meeting it had written, no word of the stop (found by the interruption run).
describe('build stopped by a signal, without --json', () => {
  it('prints the meetings written before the stop and says it was stopped, with the exit code of the signal', async () => {
    const dir = projectWithMeetings(specs(150));
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', '--all', '--force', '--format', 'md', '--jobs', '1'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, got) => resolve(got)));
    const written = () => (existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.manifest.json')).length : 0);
    for (let waited = 0; written() < 2 && waited < 60_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
    const built = stdout.split('\n').filter((line) => line.startsWith('built '));
    expect(built.length).toBeGreaterThan(0);
    expect(built.length).toBeLessThan(151);
    expect(stderr).toContain(`.  error  The build was stopped by SIGINT after ${built.length} meetings; the others were not built. Build again: the meetings listed were written before the stop.  run/stopped`);
    // Each meeting listed is on disk.
    for (const line of built) expect(existsSync(join(dir, /→ (\S+\.md)/.exec(line)?.[1] ?? 'none'))).toBe(true);
  }, 120_000);
});


// A single meeting stopped before it was written said 'after 0 meetings; the others were not built' (server run).
describe('build stopped before any meeting was written', () => {
  it('says so, without counting meetings or naming others', () => {
    const result = stoppedBuild([], 'SIGINT', 130);
    expect(result.runDiagnostics.map((d) => [d.file, d.ruleId, d.message, d.hint])).toEqual([['.', 'run/stopped', 'The build was stopped by SIGINT before any meeting was written.', 'Build again.']]);
    expect(result.exitCode).toBe(130);
  });
});

describe('build stopped after one meeting', () => {
  const one: MeetingOutcome = { meeting: 'meetings/m1.yaml', status: 'built', draft: false, inputs: [], outputs: ['out/M1.md'], diagnostics: [], ms: 1 };
  const said = (total: number) => stoppedBuild([one], 'SIGTERM', 143, total).runDiagnostics.map((d) => [d.message, d.hint]);

  it('counts one meeting as one, of several to build', () => {
    expect(said(3)).toEqual([['The build was stopped by SIGTERM after 1 meeting; the others were not built.', 'Build again: the meeting listed was written before the stop.']]);
  });

  // It said "after all 1 meeting was done, before it recorded them in its cache", and "the meetings listed were written".
  it('says so of the one meeting it had to build, done before the stop', () => {
    expect(said(1)).toEqual([
      ['The build was stopped by SIGTERM after its one meeting was done, before it recorded it in its cache.', 'Build again: the meeting listed was written, and the next build checks it again.'],
    ]);
  });
});

// Two CI jobs in one workspace: the second waits for the first's cache lock, synchronously, up to 15 s; a cancel then
// came while it waited. Its report said exitCode 0 (a finished build) while the process ended by SIGTERM, 143.
describe('build --json stopped while it waits for another build’s cache lock', () => {
  it('says it was stopped, with the exit code the process ends with', async () => {
    const dir = projectWithMeetings(specs(1));
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      mkdirSync(join(dir, '.briefing-cache'), { recursive: true });
      writeFileSync(join(dir, '.briefing-cache/.build.json.lock'), `${holder.pid ?? 0}\n`);
      const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', '--all', '--json', '--format', 'md'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, got) => resolve(got)));
      // The report on disk: the build waits for the lock now.
      for (let waited = 0; !existsSync(join(dir, 'out/M1.manifest.json')) && waited < 10_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGTERM');
      expect(await ended).toBe('SIGTERM');
      // Every meeting was built (the example's and M1) before the wait: they are listed, and the stop said, as one after them all, not before others.
      expect(JSON.parse(stdout)).toMatchObject({
        exitCode: 143,
        summary: { built: 2 },
        messages: [
          {
            ruleId: 'run/stopped',
            message: 'The build was stopped by SIGTERM after all 2 meetings were done, before it recorded them in its cache.',
            hint: 'Build again: the meetings listed were written, and the next build checks them again.',
          },
        ],
      });
    } finally {
      holder.kill();
    }
  }, 40_000);
});
