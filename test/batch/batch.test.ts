import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHashes, projectWithMeetings, type MeetingSpec } from '../helpers/meetings.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli, tempDir, writeFile } from '../helpers/project.js';

const EXAMPLE = ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'] as const;

function specs(count: number): Record<string, MeetingSpec> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, n) => [`meetings/m${n + 1}.yaml`, { fileCode: `M${n + 1}`, positions: EXAMPLE }]),
  );
}

describe('a batch', () => {
  it('builds the other meetings when one fails, exits 1 and names the failure in the summary', () => {
    const dir = projectWithMeetings(specs(2));
    writeFile(dir, 'meetings/m2.yaml', exampleFile(EXAMPLE_MEETING).replace('kind: informal', 'kind: casual'));
    const run = runCli(['build', '--all', '--format', 'md'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      `built  ${EXAMPLE_MEETING} → out/IZMzin_190221_EDUC.md, out/IZMzin_190221_EDUC.manifest.json`,
      'built  meetings/m1.yaml → out/M1.md, out/M1.manifest.json',
      'failed meetings/m2.yaml: nothing written',
      '',
    ]);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^meetings\/m2\.yaml:\d+:\d+  error  .*schema\/enum$/);
    expect(lines.at(-1)).toBe('3 meetings: 2 built, 0 unchanged, 1 failed (meetings/m2.yaml); 1 error.');
    expect(run.stderr).not.toContain('\r'); // no progress line off a terminal
  });

  it('--json prints only a machine-readable report: per meeting inputs, outputs, status, messages, time', () => {
    const dir = projectWithMeetings({});
    const run = runCli(['build', EXAMPLE_MEETING, '--json'], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const report: unknown = JSON.parse(run.stdout);
    expect(report).toEqual({
      version: 1,
      summary: { built: 1, unchanged: 0, failed: 0 },
      exitCode: 0,
      threads: 0,
      meetings: [
        {
          meeting: EXAMPLE_MEETING,
          status: 'built',
          draft: false,
          inputs: [
            { path: EXAMPLE_MEETING, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
            { path: 'positions/educ/equity-achievements.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
            { path: 'positions/educ/equity-reforms.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
            { path: 'positions/educ/equity-eu-cooperation.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
            // The built-in template by its path in the tool's package, wherever the tool is installed (it was `../../…/templates/…`).
            { path: 'templates/informative-report.lv.md.hbs', built_in: true },
          ],
          outputs: ['out/IZMzin_190221_EDUC.md', 'out/IZMzin_190221_EDUC.docx', 'out/IZMzin_190221_EDUC.manifest.json'],
          messages: [],
          ms: expect.any(Number),
        },
      ],
      messages: [],
    });
    const again: unknown = JSON.parse(runCli(['build', EXAMPLE_MEETING, '--json'], dir).stdout);
    expect(again).toMatchObject({ summary: { built: 0, unchanged: 1, failed: 0 }, meetings: [{ status: 'unchanged', inputs: (report as { meetings: { inputs: unknown }[] }).meetings[0]?.inputs }] });
    // The files an earlier build wrote and this one does not are named (docs/ci.md); every message has all its fields.
    const fewer: unknown = JSON.parse(runCli(['build', EXAMPLE_MEETING, '--json', '--format', 'md'], dir).stdout);
    expect(fewer).toMatchObject({ meetings: [{ status: 'built', removed: ['out/IZMzin_190221_EDUC.docx'] }] });
    const none: unknown = JSON.parse(runCli(['build', 'meetings/none-*.yaml', '--json'], dir).stdout);
    expect(none).toMatchObject({ messages: [{ file: 'meetings/none-*.yaml', line: null, column: null, severity: 'error', ruleId: 'input/no-match', hint: expect.any(String) }] });
  });

  it('--json lists each meeting’s messages by file, line, column and rule, as check and the text output do (docs/json-report.md)', () => {
    // The position's warning is found before the meeting's; the report sorts them, as every list of problems is sorted.
    const dir = projectWithMeetings({});
    const reforms = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, reforms, exampleFile(reforms).replace(/^status: cleared/m, 'status: draft'));
    const places = (stdout: string) =>
      (JSON.parse(stdout) as { meetings: { messages: { file: string; line: number; ruleId: string }[] }[] }).meetings[0]?.messages.map((m) => `${m.file}:${m.line} ${m.ruleId}`);
    const expected = [`${EXAMPLE_MEETING}:11 meeting/past-draft`, `${reforms}:9 clearance/position-draft`];
    expect(places(runCli(['build', EXAMPLE_MEETING, '--json', '--format', 'md'], dir).stdout)).toEqual(expected);
    // Unchanged, the meeting's warnings of its last build come back in the same order.
    expect(places(runCli(['build', EXAMPLE_MEETING, '--json', '--format', 'md'], dir).stdout)).toEqual(expected);
  });

  it('gives the same files on worker threads as on the main thread; two meetings with one file code are both refused', () => {
    const dir = projectWithMeetings(specs(8));
    // m9 takes m1's file code: neither may be written, whichever thread finishes first.
    writeFile(dir, 'meetings/m9.yaml', exampleFile(EXAMPLE_MEETING).replace(/^file_code: .*$/m, 'file_code: M1').replace(/^topic: .*$/m, 'topic: Cita tēma'));
    const threaded = runCli(['build', '--all', '--jobs', '2', '--out', 'threaded', '--json'], dir);
    const single = runCli(['build', '--all', '--jobs', '1', '--out', 'single', '--json', '--force'], dir);
    expect([threaded.status, single.status]).toEqual([1, 1]);
    // Everything is in the JSON: nothing else on stderr (once, Node's warning about an experimental loader hook).
    expect([threaded.stderr, single.stderr]).toEqual(['', '']);
    const [a, b]: unknown[] = [JSON.parse(threaded.stdout), JSON.parse(single.stdout)];
    expect(a).toMatchObject({ threads: 2, summary: { built: 8, unchanged: 0, failed: 2 } });
    expect(b).toMatchObject({ threads: 0, summary: { built: 8, unchanged: 0, failed: 2 } });
    const refused = (meeting: string, other: string) =>
      expect.objectContaining({
        meeting,
        status: 'failed',
        outputs: [],
        messages: [expect.objectContaining({ ruleId: 'meeting/duplicate-file-code', line: expect.any(Number), message: expect.stringContaining(other) })],
      });
    expect(a).toMatchObject({ meetings: expect.arrayContaining([refused('meetings/m1.yaml', 'meetings/m9.yaml'), refused('meetings/m9.yaml', 'meetings/m1.yaml')]) });
    const names = [...Array.from({ length: 7 }, (_, n) => [`M${n + 2}.md`, `M${n + 2}.docx`]).flat(), 'IZMzin_190221_EDUC.docx'];
    expect(fileHashes(join(dir, 'threaded'), names)).toEqual(fileHashes(join(dir, 'single'), names));
    expect(readdirSync(join(dir, 'threaded')).filter((name) => name.startsWith('M1.'))).toEqual([]);
  });

  it('refuses a meeting built alone whose file code another meeting left out of the run has, instead of replacing that meeting’s files', () => {
    const dir = projectWithMeetings(specs(1));
    writeFile(dir, 'meetings/m9.yaml', exampleFile(EXAMPLE_MEETING).replace(/^file_code: .*$/m, 'file_code: m1').replace(/^topic: .*$/m, 'topic: Cita tēma'));
    expect(runCli(['build', 'meetings/m1.yaml', '--format', 'md'], dir).status).toBe(0);
    const before = readFileSync(join(dir, 'out/M1.md'), 'utf8');
    const alone = runCli(['build', 'meetings/m9.yaml', '--format', 'md'], dir);
    expect(alone.status).toBe(1);
    expect(alone.stdout + alone.stderr).toMatch(/meetings\/m9\.yaml:102:12 +error +The file code `m1` is also used by meetings\/m1\.yaml \(as `M1`\); they would write the same files\./);
    expect(readFileSync(join(dir, 'out/M1.md'), 'utf8')).toBe(before);
    // Once m1 has another code, the files at M1 are no longer its: m9 may write them.
    writeFile(dir, 'meetings/m1.yaml', readFileSync(join(dir, 'meetings/m1.yaml'), 'utf8').replace(/^file_code: .*$/m, 'file_code: M1_NEW'));
    const after = runCli(['build', 'meetings/m9.yaml', '--format', 'md'], dir);
    expect(after.status, after.stdout + after.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out/m1.md'), 'utf8')).toContain('Cita tēma');
  });

  it('reads no meeting outside the project that a manifest in the output folder names: the meeting built alone still writes its files', () => {
    const dir = projectWithMeetings(specs(1));
    // Another project beside it, whose meeting has the file code M1 too.
    const other = projectWithMeetings(specs(1));
    expect(runCli(['build', 'meetings/m1.yaml', '--format', 'md'], dir).status).toBe(0);
    const manifestPath = join(dir, 'out/M1.manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { meeting: { path: string } };
    manifest.meeting.path = relative(dir, join(other, 'meetings/m1.yaml'));
    expect(manifest.meeting.path).toMatch(/^\.\.\//);
    writeFileSync(manifestPath, JSON.stringify(manifest));
    writeFile(dir, 'meetings/m1.yaml', readFileSync(join(dir, 'meetings/m1.yaml'), 'utf8').replace(/^topic: .*$/m, 'topic: Cita tēma'));
    const run = runCli(['build', 'meetings/m1.yaml', '--format', 'md'], dir);
    expect(run.stdout + run.stderr).not.toContain('also used by');
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'out/M1.md'), 'utf8')).toContain('Cita tēma');
  });

  it('removes the report of a deleted meeting (an edited file is left, a renamed meeting keeps its files) and says so', () => {
    const dir = projectWithMeetings(specs(3));
    expect(runCli(['build', '--all', '--format', 'md'], dir).status).toBe(0);
    rmSync(join(dir, 'meetings/m1.yaml'));
    rmSync(join(dir, 'meetings/m2.yaml'));
    writeFile(dir, 'out/M2.md', `${readFileSync(join(dir, 'out/M2.md'), 'utf8')}\nPiezīme.\n`);
    // m3 renamed: its new name writes the same files, which stay.
    writeFile(dir, 'meetings/m3-renamed.yaml', readFileSync(join(dir, 'meetings/m3.yaml'), 'utf8'));
    rmSync(join(dir, 'meetings/m3.yaml'));
    const run = runCli(['build', '--all', '--format', 'md'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'built  meetings/m3-renamed.yaml → out/M3.md, out/M3.manifest.json',
      'gone   meetings/m1.yaml (the meeting file no longer exists) → removed out/M1.md, out/M1.manifest.json',
      'gone   meetings/m2.yaml (the meeting file no longer exists) → removed out/M2.manifest.json; out/M2.md changed since its last build or held open: left as it is',
      '',
    ]);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md', 'M2.md', 'M3.manifest.json', 'M3.md']);
    expect(readFileSync(join(dir, 'out/M3.manifest.json'), 'utf8')).toContain('meetings/m3-renamed.yaml');
    // Said in the JSON report too, once: the cache has forgotten them since.
    rmSync(join(dir, 'meetings/m3-renamed.yaml'));
    const json: unknown = JSON.parse(runCli(['build', '--all', '--format', 'md', '--json'], dir).stdout);
    expect(json).toMatchObject({ deletedMeetings: [{ meeting: 'meetings/m3-renamed.yaml', removed: ['out/M3.md', 'out/M3.manifest.json'], left: [] }] });
    expect(existsSync(join(dir, 'out/M3.md'))).toBe(false);
    expect(JSON.parse(runCli(['build', '--all', '--format', 'md', '--json'], dir).stdout)).not.toHaveProperty('deletedMeetings');
  });

  it('removes the report of a meeting deleted after a failed build: the report of its last good build is still its own', () => {
    const dir = projectWithMeetings(specs(2));
    expect(runCli(['build', '--all', '--format', 'md'], dir).status).toBe(0);
    writeFile(dir, 'meetings/m1.yaml', readFileSync(join(dir, 'meetings/m1.yaml'), 'utf8').replace(/^date: .*$/m, 'date: 2021-02-31'));
    const failed = runCli(['build', '--all', '--format', 'md'], dir);
    expect(failed.status).toBe(1);
    expect(readdirSync(join(dir, 'out')).sort()).toContain('M1.md');
    rmSync(join(dir, 'meetings/m1.yaml'));
    const run = runCli(['build', '--all', '--format', 'md'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('gone   meetings/m1.yaml (the meeting file no longer exists) → removed out/M1.md, out/M1.manifest.json');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md', 'M2.manifest.json', 'M2.md']);
  });

  it('takes a meeting that failed and is mended back to its last good text as unchanged: its report on disk is that build’s', () => {
    const dir = projectWithMeetings(specs(1));
    expect(runCli(['build', '--all', '--format', 'md'], dir).status).toBe(0);
    const good = readFileSync(join(dir, 'meetings/m1.yaml'), 'utf8');
    writeFile(dir, 'meetings/m1.yaml', good.replace(/^date: .*$/m, 'date: 2021-02-31'));
    expect(runCli(['build', '--all', '--format', 'md'], dir).status).toBe(1);
    writeFile(dir, 'meetings/m1.yaml', good);
    const run = runCli(['build', '--all', '--format', 'md'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('2 meetings: 0 built, 2 unchanged');
  });

  it('removes for a deleted meeting only its manifest and the files that manifest names beside it, whatever the cache says', () => {
    const dir = projectWithMeetings(specs(1));
    expect(runCli(['build', '--all', '--format', 'md'], dir).status).toBe(0);
    // A cache edited to claim a file of the project for the meeting, with that file's true hash.
    const cachePath = join(dir, '.briefing-cache/build.json');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { meetings: Record<string, { outputs: { path: string; sha256: string }[] }> };
    const entry = cache.meetings['meetings/m1.yaml'];
    entry?.outputs.push({ path: 'briefing.config.yaml', sha256: fileHashes(dir, ['briefing.config.yaml'])['briefing.config.yaml'] ?? '' });
    writeFile(dir, '.briefing-cache/build.json', JSON.stringify(cache));
    rmSync(join(dir, 'meetings/m1.yaml'));
    const run = runCli(['build', '--all', '--format', 'md'], dir);
    expect(run.stdout).toContain('gone   meetings/m1.yaml (the meeting file no longer exists) → removed out/M1.md, out/M1.manifest.json\n');
    expect(existsSync(join(dir, 'briefing.config.yaml'))).toBe(true);
  });

  it('removes nothing outside the project for a deleted meeting, whatever manifest the cache names there', () => {
    const dir = projectWithMeetings(specs(1));
    expect(runCli(['build', '--all', '--format', 'md'], dir).status).toBe(0);
    // The report copied out of the project, and the cache edited to name the copies as the meeting's files.
    const outside = tempDir();
    for (const name of ['M1.md', 'M1.manifest.json']) writeFileSync(join(outside, name), readFileSync(join(dir, 'out', name)));
    const cachePath = join(dir, '.briefing-cache/build.json');
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { meetings: Record<string, { outputs: { path: string; sha256: string }[] }> };
    const entry = cache.meetings['meetings/m1.yaml'];
    if (entry) entry.outputs = entry.outputs.map((output) => ({ ...output, path: relative(dir, join(outside, basename(output.path))) }));
    writeFile(dir, '.briefing-cache/build.json', JSON.stringify(cache));
    rmSync(join(dir, 'meetings/m1.yaml'));
    const run = runCli(['build', '--all', '--format', 'md'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('gone');
    expect(readdirSync(outside).sort()).toEqual(['M1.manifest.json', 'M1.md']);
  });

  it('takes a folder as the meeting files in it, as check does (a folder was a crashed meeting, exit 2)', () => {
    const dir = projectWithMeetings(specs(2));
    const run = runCli(['build', 'meetings', '--format', 'md'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/(\d+) meetings: \1 built, 0 unchanged, 0 failed/);
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.md'))).toEqual(expect.arrayContaining(['M1.md', 'M2.md']));
  });

  it('takes every YAML file under the meetings folder as a meeting, one with a position\'s id too: build meetings/, build --all and check fail it alike', () => {
    const dir = projectWithMeetings(specs(1));
    writeFile(dir, 'meetings/2021-03-01-copied.yaml', exampleFile('positions/educ/equity-reforms.yaml'));
    const summaries = [['build', 'meetings', '--json'], ['build', '--all', '--json']].map((args) => {
      const run = runCli([...args, '--format', 'md'], dir);
      const report = JSON.parse(run.stdout) as { exitCode: number; summary: unknown; meetings: { meeting: string; status: string }[] };
      return [run.status, report.exitCode, report.summary, report.meetings.filter((m) => m.status === 'failed').map((m) => m.meeting)];
    });
    // `build meetings` left it out without a word and exited 0, where `build --all` failed it.
    expect(summaries[0]).toEqual([1, 1, { built: 2, unchanged: 0, failed: 1 }, ['meetings/2021-03-01-copied.yaml']]);
    expect(summaries[1]).toEqual([1, 1, { built: 0, unchanged: 2, failed: 1 }, ['meetings/2021-03-01-copied.yaml']]);
    const checked = runCli(['check', 'meetings/'], dir);
    expect(checked.status).toBe(1);
    expect(checked.stderr + checked.stdout).toMatch(/meetings\/2021-03-01-copied\.yaml:\d+:\d+ +error +Unknown field `id` in this meeting\./);
  });

  it('takes a meeting file named .YAML (as Windows tools may write it) as a meeting, with --all, by name and in check', () => {
    const dir = projectWithMeetings(specs(1));
    writeFile(dir, 'meetings/2021-03-01-UPPER.YAML', exampleFile(EXAMPLE_MEETING).replace(/^file_code: .*$/m, 'file_code: UPPER'));
    const all = runCli(['build', '--all', '--format', 'md', '--json'], dir);
    const report = JSON.parse(all.stdout) as { summary: { built: number; failed: number }; meetings: { meeting: string; status: string }[] };
    expect(report.summary.failed).toBe(0);
    expect(report.meetings).toContainEqual(expect.objectContaining({ meeting: 'meetings/2021-03-01-UPPER.YAML', status: 'built' }));
    expect(existsSync(join(dir, 'out/UPPER.md'))).toBe(true);
    // Named alone it was "not a briefing file".
    const alone = runCli(['build', 'meetings/2021-03-01-UPPER.YAML', '--format', 'md'], dir);
    expect(alone.status, alone.stderr).toBe(0);
    expect(runCli(['check'], dir).stdout).toMatch(new RegExp(`^Checked ${report.summary.built} meetings,`, 'm'));
  });

  it('refuses meeting files together with --all, no meetings at all, and a bad --jobs (exit 2)', () => {
    const dir = projectWithMeetings({});
    const both = runCli(['build', EXAMPLE_MEETING, '--all'], dir);
    expect([both.status, both.stderr]).toEqual([2, expect.stringContaining('Give either meeting files or --all, not both.')]);
    const none = runCli(['build'], dir);
    expect([none.status, none.stderr]).toEqual([2, expect.stringContaining('Name the meeting file(s) to build, or use --all.')]);
    const jobs = runCli(['build', '--all', '--jobs', '0'], dir);
    expect([jobs.status, jobs.stderr]).toEqual([2, expect.stringContaining('--jobs needs a whole number of threads, at least 1')]);
  });

  it('gives the commands of its JSON report’s hints as typed from where it ran, as its text does: under -C, `briefing -C <folder> …`', () => {
    const dir = exampleProject();
    rmSync(join(dir, 'meetings'), { recursive: true });
    const run = runCli(['-C', basename(dir), 'build', '--all', '--json'], join(dir, '..'));
    const report = JSON.parse(run.stdout) as { messages: { hint: string }[] };
    expect(report.messages.map((message) => message.hint)).toEqual([
      'Start one with `briefing -C ' + basename(dir) + ' new meeting <date> <slug>` (a file named <date>-<slug>.yaml); paths.meetings in the config names the folder.',
    ]);
  });

  it('with --all and no meeting yet (a project just made) builds nothing, says how to start one and exits 0', () => {
    const dir = exampleProject();
    rmSync(join(dir, 'meetings'), { recursive: true });
    const run = runCli(['build', '--all'], dir);
    expect([run.status, run.stdout]).toEqual([0, '']);
    expect(run.stderr).toBe(
      'meetings  warning  There are no meeting files in this folder. Start one with `briefing new meeting <date> <slug>` (a file named <date>-<slug>.yaml); paths.meetings in the config names the folder.  input/no-meetings\nNothing built; 1 warning.\n',
    );
  });
});
