import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { CACHE_DIR, CACHE_FILE, knownPositionIds } from '../../src/batch/cache.js';
import { toolFingerprint } from '../../src/batch/tool.js';
import { EXAMPLE_MEETING, exampleProject, REPO, runCli, tempDir } from '../helpers/project.js';

/** Makes a file immutable (`chattr +i`, root on a file system that has it): renaming over it fails as over a file held open. */
function immutable(path: string, on: boolean): boolean {
  return spawnSync('chattr', [on ? '+i' : '-i', path]).status === 0;
}

it('a cache that cannot be written is a warning (cache/write) worded as every write failure, and the build still succeeds', async (context) => {
  const dir = exampleProject();
  expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] })).exitCode).toBe(0);
  const cache = join(dir, CACHE_FILE);
  if (!immutable(cache, true)) return context.skip();
  try {
    // A run that changes nothing leaves the cache as it is: nothing to write, nothing to fail.
    expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'], force: true })).runDiagnostics).toEqual([]);
    // A changed meeting changes the cache.
    writeFileSync(join(dir, EXAMPLE_MEETING), readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace('time: "10.00"', 'time: "11.00"'));
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(result.exitCode).toBe(0);
    expect(result.runDiagnostics).toEqual([
      {
        file: CACHE_FILE,
        severity: 'warning',
        ruleId: 'cache/write',
        message: 'The file is locked against changes; it is left as it is. The next build cannot skip unchanged meetings.',
        hint: 'Unlock it (chattr -i; on a Mac, untick Locked in its Get Info), or remove .briefing-cache/; the reports are not affected.',
      },
    ]);
  } finally {
    immutable(cache, false);
  }
});

it('a file where the cache folder should be: the hint says to remove it, not to choose another output folder (--out does not move the cache)', async () => {
  const dir = exampleProject();
  writeFileSync(join(dir, CACHE_DIR), 'not a folder\n');
  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
  expect(result.exitCode).toBe(0);
  expect(result.runDiagnostics).toEqual([
    expect.objectContaining({
      file: CACHE_FILE,
      ruleId: 'cache/write',
      message: 'A file stands where its folder should be. The next build cannot skip unchanged meetings.',
      hint: `Remove whatever stands at ${CACHE_DIR}/ (the build makes the folder anew); the reports are not affected.`,
    }),
  ]);
});

it('a cache folder or file linked out of the project is neither read nor written through: a warning names the link, and the build succeeds', async () => {
  // A pull request may carry a `.briefing-cache` linked to any folder of the machine that builds it: build.json and its lock were written there.
  const dir = exampleProject();
  const elsewhere = tempDir();
  symlinkSync(elsewhere, join(dir, CACHE_DIR));
  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
  expect(result.exitCode).toBe(0);
  expect(result.runDiagnostics).toEqual([
    {
      file: CACHE_DIR,
      severity: 'warning',
      ruleId: 'cache/write',
      message: `This is a symbolic link to ${realpathSync(elsewhere)}, outside the project; the build cache is not read or written through it. The next build cannot skip unchanged meetings.`,
      hint: 'Remove the link: the build writes the cache anew inside the project; the reports are not affected.',
    },
  ]);
  expect(readdirSync(elsewhere)).toEqual([]);
  // The file itself linked out: what it holds is not taken for the cache, and it is left as it is.
  rmSync(join(dir, CACHE_DIR));
  mkdirSync(join(dir, CACHE_DIR));
  const outsideFile = join(elsewhere, 'build.json');
  const foreign = JSON.stringify({ format: 1, tool: toolFingerprint(), positionIds: { 'positions/x.yaml\u0000abc': 'x' }, meetings: {} });
  writeFileSync(outsideFile, foreign);
  symlinkSync(outsideFile, join(dir, CACHE_FILE));
  expect(knownPositionIds(dir).size).toBe(0);
  const again = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
  expect(again.runDiagnostics).toEqual([expect.objectContaining({ file: CACHE_FILE, ruleId: 'cache/write', message: expect.stringContaining(`This is a symbolic link to ${realpathSync(outsideFile)}, outside the project`) })]);
  expect(readFileSync(outsideFile, 'utf8')).toBe(foreign);
  expect(readdirSync(elsewhere)).toEqual(['build.json']);
});

it('two builds at once each keep their meetings in the cache: neither drops what the other recorded', async () => {
  const copies = Object.fromEntries(
    Array.from({ length: 6 }, (_, n) => [
      `meetings/${n < 3 ? 'a' : 'b'}-${n}.yaml`,
      readFileSync(join(REPO, EXAMPLE_MEETING), 'utf8').replace('file_code: IZMzin_190221_EDUC', `file_code: IZMzin_190221_C${n}`),
    ]),
  );
  const dir = exampleProject(copies);
  const run = (pattern: string) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', pattern, '--format', 'md'], { cwd: dir, stdio: 'ignore' });
      child.on('exit', (code) => resolve(code));
    });
  expect(await Promise.all([run('meetings/a-*.yaml'), run('meetings/b-*.yaml')])).toEqual([0, 0]);
  const cached = JSON.parse(readFileSync(join(dir, CACHE_FILE), 'utf8')) as { meetings: Record<string, unknown> };
  expect(Object.keys(cached.meetings).sort()).toEqual(Object.keys(copies).sort());
  const again = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', 'meetings/?-*.yaml', '--format', 'md'], { cwd: dir, encoding: 'utf8' });
  expect(again.stderr).toContain('6 meetings: 0 built, 6 unchanged, 0 failed');
  expect(readdirSync(join(dir, CACHE_DIR)).filter((name) => name.endsWith('.lock'))).toEqual([]);
});

it('a cache lock another build holds too long: the cache is written all the same, and a warning says what that may cost', async () => {
  const dir = exampleProject();
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  try {
    mkdirSync(join(dir, CACHE_DIR), { recursive: true });
    writeFileSync(join(dir, CACHE_DIR, '.build.json.lock'), `${holder.pid ?? 0}\n`);
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(result.exitCode).toBe(0);
    // Said once at the file, not twice ("….json  warning  ….json: another …"), and not "try again": the cache is written.
    expect(result.runDiagnostics.map((d) => [d.file, d.ruleId, d.severity, d.message, d.hint])).toEqual([
      [
        CACHE_FILE,
        'cache/write',
        'warning',
        'Another briefing command kept it locked (.build.json.lock beside it) for 15 s. The cache was written without waiting longer: a build running beside this one may build again what this one recorded.',
        'Run one build at a time in a project (two CI jobs sharing a workspace, a build beside a watch) for the cache to keep what each one built.',
      ],
    ]);
    expect(Object.keys((JSON.parse(readFileSync(join(dir, CACHE_FILE), 'utf8')) as { meetings: object }).meetings)).toEqual([EXAMPLE_MEETING]);
  } finally {
    holder.kill();
  }
}, 40_000);

it('a build kept waiting for the cache lock says so on stderr, once, while --json keeps stdout for the report', () => {
  const dir = exampleProject();
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  try {
    mkdirSync(join(dir, CACHE_DIR), { recursive: true });
    writeFileSync(join(dir, CACHE_DIR, '.build.json.lock'), `${holder.pid ?? 0}\n`);
    const run = runCli(['build', EXAMPLE_MEETING, '--format', 'md', '--json'], dir);
    expect(run.status, run.stderr).toBe(0);
    // Up to 15 s in which the build cannot be stopped: not to be taken for a hang.
    expect(run.stderr.match(/Waiting for another briefing command/g)).toHaveLength(1);
    expect(run.stderr).toContain(`Waiting for another briefing command (process ${holder.pid ?? 0}) to finish editing .briefing-cache/build.json, up to 15 s…`);
    expect(JSON.parse(run.stdout)).toMatchObject({ exitCode: 0, messages: [{ file: CACHE_FILE, ruleId: 'cache/write', severity: 'warning' }] });
  } finally {
    holder.kill();
  }
}, 40_000);

it('the position ids a build learnt are read back for clear and new from this version’s cache only: none from a cache another version wrote or that is no cache', async () => {
  const dir = exampleProject();
  expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] })).exitCode).toBe(0);
  const known = knownPositionIds(dir);
  expect([...known.values()].sort()).toEqual(['equity-achievements', 'equity-eu-cooperation', 'equity-reforms']);
  const cache = join(dir, CACHE_FILE);
  const written = readFileSync(cache, 'utf8');
  writeFileSync(cache, written.replace(/"tool": ?"[^"]*"/, '"tool":"0.1.0+0000000000000000"'));
  expect(knownPositionIds(dir).size).toBe(0);
  writeFileSync(cache, '{"format":1,"positionIds":[]}\n');
  expect(knownPositionIds(dir).size).toBe(0);
});

it('a cache folder that cannot be written into (locked): the warning is the write failure with its hint, not that another build held the lock', async (context) => {
  const dir = exampleProject();
  const folder = join(dir, CACHE_DIR);
  mkdirSync(folder);
  if (!immutable(folder, true)) return context.skip();
  try {
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(result.exitCode).toBe(0);
    // Its lock file cannot be made either: the cache is still tried, and its own failure is what is said.
    expect(result.runDiagnostics.map((d) => [d.ruleId, d.severity, d.message, d.hint])).toEqual([
      [
        'cache/write',
        'warning',
        expect.stringMatching(/^The system does not let you replace the file \(EPERM\).* The next build cannot skip unchanged meetings\.$/),
        'Unlock it (chattr -i; on a Mac, untick Locked in its Get Info), or remove .briefing-cache/; the reports are not affected.',
      ],
    ]);
  } finally {
    immutable(folder, false);
  }
});
