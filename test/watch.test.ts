import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, test, vi } from 'vitest';
import { today } from '../src/cli/io.js';
import { referenceDocx } from '../src/commands/reference-docx.js';
import { OutputError, writeAllAtomic } from '../src/emit/write.js';
import { debounce } from '../src/watch/debounce.js';
import { unwatched } from '../src/watch/unwatched.js';
import { watchBuild, watchTargetProblem, type WatchEvent, type Watcher } from '../src/watch/watch-build.js';
import { formatWatchEvent } from '../src/watch/format.js';
import { Chalk } from 'chalk';
import { docxParts, part } from './helpers/docx.js';
import { commitAll, git, initRepository } from './helpers/git.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir, writeFile } from './helpers/project.js';

describe('debounce', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands over a burst of changes once, each path once', () => {
    vi.useFakeTimers();
    const flushed: string[][] = [];
    const burst = debounce(200, (paths) => flushed.push(paths));
    burst.add('b.yaml');
    vi.advanceTimersByTime(150);
    burst.add('a.yaml');
    vi.advanceTimersByTime(150);
    burst.add('b.yaml');
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(flushed).toEqual([['a.yaml', 'b.yaml']]);
    burst.add('c.yaml');
    vi.advanceTimersByTime(200);
    expect(flushed).toEqual([['a.yaml', 'b.yaml'], ['c.yaml']]);
  });

  it('forgets what is pending when cancelled', () => {
    vi.useFakeTimers();
    const flushed: string[][] = [];
    const burst = debounce(100, (paths) => flushed.push(paths));
    burst.add('a.yaml');
    burst.cancel();
    vi.advanceTimersByTime(500);
    expect(flushed).toEqual([]);
  });
});

test('the limit on watched files is said once for all paths, with what to do', () => {
  const full = Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC', path: '/p/positions/educ' });
  const said = unwatched(full, (path) => path.replace('/p/', ''));
  expect(said).toEqual({
    key: 'ENOSPC',
    message: "positions/educ (and perhaps other folders after it) is not watched: the system's limit on watched files is reached, so changes there are not seen.",
    hint: 'Raise the limit (sudo sysctl fs.inotify.max_user_watches=524288), or close other programs that watch many files; then start the watch again.',
  });
  expect(unwatched(Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/p/private' }), (path) => path.replace('/p/', ''))).toMatchObject({
    message: 'private is not watched: there is no permission to read it. The watch goes on without it.',
  });
});

/** Collects watch events; `next()` waits for the next one. */
function recorder() {
  const events: WatchEvent[] = [];
  const waiting: ((event: WatchEvent) => void)[] = [];
  return {
    events,
    onEvent(event: WatchEvent) {
      events.push(event);
      waiting.shift()?.(event);
    },
    next(): Promise<WatchEvent> {
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('build --watch', () => {
  let watcher: Watcher | undefined;
  afterEach(async () => {
    await watcher?.close();
    watcher = undefined;
  });

  it('rebuilds once per burst of changes, reports a broken save and recovers from it', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    const initial = await first;
    expect(initial).toMatchObject({ kind: 'build', run: 1, changed: [], result: { status: 'built', outputs: ['out/IZMzin_190221_EDUC.md', 'out/IZMzin_190221_EDUC.manifest.json'] } });
    const output = join(dir, 'out/IZMzin_190221_EDUC.md');

    // An editor saving three times in a row, plus a file the meeting does not use.
    const rebuilt = log.next();
    const meeting = exampleFile(EXAMPLE_MEETING);
    for (const topic of ['Pirmā', 'Otrā', 'Trešā tēma']) writeFile(dir, EXAMPLE_MEETING, meeting.replace(/^topic: .*$/m, `topic: ${topic}`));
    writeFile(dir, 'positions/unused.yaml', 'id: unused\n');
    expect(await rebuilt).toMatchObject({ kind: 'build', run: 2, changed: [EXAMPLE_MEETING], result: { status: 'built' } });
    await quiet(600);
    expect(log.events).toHaveLength(2);
    expect(readFileSync(output, 'utf8')).toContain('par tēmu “Trešā tēma”');

    // A half-typed position: reported, nothing written, still watching.
    const broken = log.next();
    const position = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, position, `${exampleFile(position)}  - "not closed\n`);
    const failed = await broken;
    expect(failed).toMatchObject({ kind: 'build', run: 3, changed: [position], result: { status: 'failed', outputs: [] } });
    expect(failed.kind === 'build' && failed.result.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual([`${position} yaml/syntax`]);
    expect(readFileSync(output, 'utf8')).toContain('par tēmu “Trešā tēma”');

    const fixed = log.next();
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 160 skolām'));
    expect(await fixed).toMatchObject({ kind: 'build', run: 4, result: { status: 'built' } });
    expect(readFileSync(output, 'utf8')).toContain('vēl 160 skolām');
  });

  it('records what it built in build’s cache: build --all then skips the meeting, and removes its report once the meeting is deleted', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    // As the command passes it: the day decides whether a draft's meeting is past, which build's key holds.
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], today, debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built', diagnostics: [] } });
    const rebuilt = log.next();
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace(/^topic: .*$/m, 'topic: Cita tēma'));
    expect(await rebuilt).toMatchObject({ kind: 'build', run: 2, result: { status: 'built' } });
    await watcher.close();
    watcher = undefined;
    const batch = runCli(['build', '--all', '--format', 'md'], dir);
    expect(batch.status, batch.stderr).toBe(0);
    expect(batch.stderr).toContain('1 meeting: 0 built, 1 unchanged');
    rmSync(join(dir, EXAMPLE_MEETING));
    expect(runCli(['build', '--all', '--format', 'md'], dir).stdout).toContain(`gone   ${EXAMPLE_MEETING} (the meeting file no longer exists) → removed out/IZMzin_190221_EDUC.md, out/IZMzin_190221_EDUC.manifest.json`);
  });

  it('says once, as build does, that the reports left in the folder `output` named before are out of date', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built', diagnostics: [] } });
    const said = (event: WatchEvent) => (event.kind === 'build' ? event.result.diagnostics.filter((d) => d.ruleId === 'output/folder-changed').map((d) => [d.file, d.severity, d.message]) : []);
    const moved = log.next();
    const config = join(dir, 'briefing.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^output: out$/m, 'output: reports'));
    const event = await moved;
    expect(event).toMatchObject({ kind: 'build', run: 2, result: { status: 'built', outputs: ['reports/IZMzin_190221_EDUC.md', 'reports/IZMzin_190221_EDUC.manifest.json'] } });
    expect(said(event)).toEqual([
      ['briefing.config.yaml', 'warning', 'The output folder is reports now, and the reports of 1 meeting the last build wrote into out are left there as they were, out of date: this build wrote the current ones into reports.'],
    ]);
    expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.md'))).toBe(true);
    // Said once: the next rebuild writes into reports as the last one did.
    const again = log.next();
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace(/^topic: .*$/m, 'topic: Cita tēma'));
    const next = await again;
    expect(next).toMatchObject({ kind: 'build', run: 3, result: { status: 'built' } });
    expect(said(next)).toEqual([]);
  });

  // A desk officer watching a past meeting's report: each save after the first replaced the watch's own output, and was said to replace the sent one.
  it('says once, by the rebuild that replaces it, that a past meeting’s final report was replaced; not again for each save after it', async () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING, '--final', '--format', 'md'], dir).status).toBe(0);
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], today: () => '2021-04-21', debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    const replaced = (event: WatchEvent) => (event.kind === 'build' ? event.result.diagnostics.filter((d) => d.ruleId === 'output/past-report-replaced').length : -1);
    // The same text as the final report: nothing replaced yet.
    expect(replaced(await first)).toBe(0);
    const position = 'positions/educ/equity-reforms.yaml';
    for (const [run, number, count] of [[2, '160', 1], [3, '170', 0], [4, '180', 0]] as const) {
      const next = log.next();
      writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', `vēl ${number} skolām`));
      const event = await next;
      expect(event).toMatchObject({ kind: 'build', run, result: { status: 'built' } });
      expect(replaced(event)).toBe(count);
    }
  });

  it('started in a subfolder, still sees a change to a position outside it', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: join(dir, 'meetings'), meeting: '2021-02-19-educ-informal.yaml', final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
    const rebuilt = log.next();
    const position = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 170 skolām'));
    expect(await rebuilt).toMatchObject({ kind: 'build', run: 2, changed: [position], result: { status: 'built' } });
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('vēl 170 skolām');
  });

  it('a rebuild that cannot write one of its files writes none: the report stays one build’s, and its line says nothing was written', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md', 'docx'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
    const markdown = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    // A folder where the DOCX should be: written one by one, the Markdown before it was the new version and the manifest the old.
    rmSync(join(dir, 'out/IZMzin_190221_EDUC.docx'));
    mkdirSync(join(dir, 'out/IZMzin_190221_EDUC.docx'));
    const rebuilt = log.next();
    const position = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 170 skolām'));
    const event = await rebuilt;
    expect(event).toMatchObject({ kind: 'build', run: 2, result: { status: 'failed', outputs: [] } });
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toBe(markdown);
    const lines = formatWatchEvent(event, EXAMPLE_MEETING, '10:00:00', new Chalk({ level: 0 })).map((line) => line.text);
    expect(lines).toContain(`failed ${EXAMPLE_MEETING}: nothing written. Still watching: fix it and save again.`);
    expect(lines.join('\n')).toContain('out/IZMzin_190221_EDUC.docx  error  A folder stands where this file should be.');
    // Once the folder is gone, the next save writes the whole set.
    rmSync(join(dir, 'out/IZMzin_190221_EDUC.docx'), { recursive: true });
    const again = log.next();
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 180 skolām'));
    expect(await again).toMatchObject({ kind: 'build', run: 3, result: { status: 'built' } });
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('vēl 180 skolām');
  });

  it('writes next to a DOCX that Word holds open, and says so', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    const orders: string[][] = [];
    const heldByWord: typeof writeAllAtomic = (files) => {
      orders.push(files.map((file) => basename(file.target)));
      const held = files.find((file) => file.target.endsWith('IZMzin_190221_EDUC.docx'));
      if (held) throw new OutputError(held.shownAs, 'held open', 'Close it.', 'EBUSY');
      writeAllAtomic(files);
    };
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md', 'docx'], write: heldByWord, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({
      result: {
        status: 'built',
        outputs: ['out/IZMzin_190221_EDUC.md', 'out/IZMzin_190221_EDUC.new.docx', 'out/IZMzin_190221_EDUC.manifest.json'],
        heldOpen: [{ target: 'out/IZMzin_190221_EDUC.docx', writtenTo: 'out/IZMzin_190221_EDUC.new.docx' }],
      },
    });
    expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.new.docx'))).toBe(true);
    expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).toBe(false);
    // The DOCX first, as a build writes a set: held open, it fails before the Markdown is replaced and put back (found by the read-only review).
    expect(orders[0]).toEqual(['IZMzin_190221_EDUC.docx', 'IZMzin_190221_EDUC.md', 'IZMzin_190221_EDUC.manifest.json']);
  });

  it('waits for a meeting file that is missing instead of exiting', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: 'meetings/none.yaml', final: false, formats: ['md'], debounceMs: 100, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'error', message: 'meetings/none.yaml: no such file.' });
    const second = log.next();
    writeFile(dir, 'meetings/none.yaml', exampleFile(EXAMPLE_MEETING));
    expect(await second).toMatchObject({ kind: 'build', changed: ['meetings/none.yaml'], result: { status: 'built' } });
  });

  it('a meeting with another meeting’s file code is refused as build refuses it, and that meeting’s report is left as it was', async () => {
    const dir = exampleProject();
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md,docx'], dir).status).toBe(0);
    const theirs = readdirSync(join(dir, 'out')).map((name) => [name, readFileSync(join(dir, 'out', name), 'utf8')]);
    // A copy made to start the next meeting, its file_code not changed yet.
    writeFile(dir, 'meetings/2021-03-19-educ-informal.yaml', exampleFile(EXAMPLE_MEETING).replaceAll('2021-02-19', '2021-03-19'));
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: 'meetings/2021-03-19-educ-informal.yaml', final: false, formats: ['md'], debounceMs: 100, onEvent: (e) => log.onEvent(e) });
    const built = await first;
    expect(built).toMatchObject({ kind: 'build', result: { status: 'failed', outputs: [] } });
    // The copy's file code still names the first meeting's day, which is said too (meeting/file-code-date).
    expect(built.kind === 'build' && built.result.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['meetings/2021-03-19-educ-informal.yaml meeting/duplicate-file-code', 'meetings/2021-03-19-educ-informal.yaml meeting/file-code-date']);
    expect(readdirSync(join(dir, 'out')).map((name) => [name, readFileSync(join(dir, 'out', name), 'utf8')])).toEqual(theirs);
  });

  it('follows the reference DOCX, removes the files of a changed file code, and sees a copy of a position it uses', async () => {
    const config = exampleFile('briefing.config.yaml').replace('layout:\n', 'layout:\n  reference_docx: ministry.docx\n');
    const dir = exampleProject({ 'briefing.config.yaml': config });
    copyFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx'), join(dir, 'ministry.docx'));
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md', 'docx'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });

    // The report opened in LibreOffice (its lock file) and in Word (its owner file, a .docx too): nothing to build.
    writeFileSync(join(dir, 'out/.~lock.IZMzin_190221_EDUC.docx#'), 'user,host;\n');
    writeFileSync(join(dir, 'out/~$Mzin_190221_EDUC.docx'), 'owner');
    await quiet(800);
    expect(log.events).toHaveLength(1);
    for (const name of ['.~lock.IZMzin_190221_EDUC.docx#', '~$Mzin_190221_EDUC.docx']) rmSync(join(dir, 'out', name));

    // The ministry's Word template saved with other styles (saved as it was, it would build nothing).
    const restyled = log.next();
    writeFileSync(join(dir, 'ministry.docx'), referenceDocx().bytes);
    expect(await restyled).toMatchObject({ kind: 'build', run: 2, changed: ['ministry.docx'], result: { status: 'built' } });

    // A new file code: the old code's files go, as `build` removes them.
    const renamed = log.next();
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('file_code: IZMzin_190221_EDUC', 'file_code: IZMzin_190221_NEW'));
    const built = await renamed;
    expect(built).toMatchObject({ kind: 'build', run: 3, result: { status: 'built' } });
    expect(built.kind === 'build' && built.result.removed).toEqual(['out/IZMzin_190221_EDUC.md', 'out/IZMzin_190221_EDUC.docx', 'out/IZMzin_190221_EDUC.manifest.json']);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_NEW.docx', 'IZMzin_190221_NEW.manifest.json', 'IZMzin_190221_NEW.md']);

    // A copy of a position the meeting uses claims its id too: the next build says so.
    const copied = log.next();
    writeFile(dir, 'positions/educ/copy.yaml', exampleFile('positions/educ/equity-reforms.yaml'));
    const refused = await copied;
    expect(refused).toMatchObject({ kind: 'build', run: 4, changed: ['positions/educ/copy.yaml'], result: { status: 'failed' } });
    expect(refused.kind === 'build' && refused.result.diagnostics.map((d) => d.ruleId)).toContain('position/duplicate-id');
  });

  it('removes the English note build --template wrote under the file code the meeting had, once the watch builds it with a new one', async () => {
    const dir = exampleProject();
    initRepository(dir);
    expect(runCli(['build', EXAMPLE_MEETING, '--template', 'informative-report.en'], dir).status).toBe(0);
    expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.informative-report.en.docx'))).toBe(true);
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md', 'docx'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
    const renamed = log.next();
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('file_code: IZMzin_190221_EDUC', 'file_code: IZMzin_190221_NEW'));
    const built = await renamed;
    expect(built.kind === 'build' && built.result.removed).toEqual([
      'out/IZMzin_190221_EDUC.md',
      'out/IZMzin_190221_EDUC.docx',
      'out/IZMzin_190221_EDUC.manifest.json',
      'out/IZMzin_190221_EDUC.informative-report.en.md',
      'out/IZMzin_190221_EDUC.informative-report.en.docx',
      'out/IZMzin_190221_EDUC.informative-report.en.manifest.json',
    ]);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_NEW.docx', 'IZMzin_190221_NEW.manifest.json', 'IZMzin_190221_NEW.md']);
  });

  it("follows the reference DOCX a template's front matter names, and takes it as it is now, not as an earlier build read it", async () => {
    const template = `---\nlayout: { reference_docx: styles/speech.docx }\n---\n${exampleFile('templates/informative-report.lv.md.hbs')}`;
    const dir = exampleProject({ 'templates/informative-report.lv.md.hbs': template });
    mkdirSync(join(dir, 'styles'));
    writeFileSync(join(dir, 'styles/speech.docx'), referenceDocx().bytes);
    const stylesOfReport = () => part(docxParts(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))), 'word/styles.xml');
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['docx'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
    expect(stylesOfReport()).not.toContain('Arial');

    // The ministry's styles (set in Arial) saved over it: the report is rebuilt with them.
    const restyled = log.next();
    copyFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx'), join(dir, 'styles/speech.docx'));
    expect(await restyled).toMatchObject({ kind: 'build', run: 2, changed: ['styles/speech.docx'], result: { status: 'built' } });
    expect(stylesOfReport()).toContain('Arial');

    // Saved again as it was, then the meeting saved too: the next build reads it again rather than keeping what it read before.
    await quiet(600);
    const rebuilt = log.next();
    writeFileSync(join(dir, 'styles/speech.docx'), referenceDocx().bytes);
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('time: "10.00"', 'time: "11.00"'));
    expect(await rebuilt).toMatchObject({ kind: 'build', run: 3, changed: [EXAMPLE_MEETING, 'styles/speech.docx'], result: { status: 'built' } });
    expect(stylesOfReport()).not.toContain('Arial');
  });

  it('a change that comes while a build runs is weighed by that build: a position the meeting has just started to use', async () => {
    // A stand-in for LibreOffice that takes its time, so that the build is still running when the position changes.
    const bin = tempDir();
    writeFileSync(join(bin, 'soffice'), `#!/bin/sh\nsleep 1.5\nfor a in "$@"; do last="$a"; done\nprintf '%%PDF-1.7 fake' > "\${last%.docx}.pdf"\necho '%%EOF' >> "\${last%.docx}.pdf"\n`);
    chmodSync(join(bin, 'soffice'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
    try {
      const meeting = exampleFile(EXAMPLE_MEETING);
      const onlyFirst = meeting.replace(/questions:\n[\s\S]*?\n(?=\S)/, (questions) => questions.split('\n  - ').slice(0, 2).join('\n  - ') + '\n');
      expect(onlyFirst).not.toBe(meeting);
      const dir = exampleProject({ [EXAMPLE_MEETING]: onlyFirst });
      const log = recorder();
      const first = log.next();
      watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md', 'pdf'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
      expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
      expect(log.events[0]?.kind === 'build' && log.events[0].result.positionIds).toEqual(['equity-achievements']);
      const file = 'positions/educ/equity-reforms.yaml';

      // The meeting asks every question again; while that build converts, the position it now uses changes.
      const second = log.next();
      writeFile(dir, EXAMPLE_MEETING, meeting);
      await quiet(600);
      writeFile(dir, file, exampleFile(file).replace(/^(body: [|>][-+]?\n {2})/m, '$1ZĪMOGS '));
      expect(await second).toMatchObject({ kind: 'build', run: 2, changed: [EXAMPLE_MEETING] });
      const third = await log.next();
      expect(third).toMatchObject({ kind: 'build', run: 3, changed: [file], result: { status: 'built' } });
      expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('ZĪMOGS');
    } finally {
      process.env.PATH = path;
    }
  });

  it('sees a reference DOCX saved while the build that first names it runs', async () => {
    const bin = tempDir();
    // It leaves a mark when it starts: the build has read the reference by then.
    writeFileSync(join(bin, 'soffice'), `#!/bin/sh\ntouch "${join(bin, 'converting')}"\nsleep 1.5\nfor a in "$@"; do last="$a"; done\nprintf '%%PDF-1.7 fake' > "\${last%.docx}.pdf"\necho '%%EOF' >> "\${last%.docx}.pdf"\n`);
    chmodSync(join(bin, 'soffice'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
    try {
      const dir = exampleProject();
      writeFileSync(join(dir, 'ministry.docx'), referenceDocx().bytes);
      const stylesOfReport = () => part(docxParts(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))), 'word/styles.xml');
      const log = recorder();
      const first = log.next();
      watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['docx', 'pdf'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
      expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
      rmSync(join(bin, 'converting'));

      // The config names the reference; while that build converts, the ministry's styles are saved over the reference.
      const second = log.next();
      writeFile(dir, 'briefing.config.yaml', exampleFile('briefing.config.yaml').replace('layout:\n', 'layout:\n  reference_docx: ministry.docx\n'));
      for (let waited = 0; !existsSync(join(bin, 'converting')) && waited < 30_000; waited += 50) await quiet(50);
      copyFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx'), join(dir, 'ministry.docx'));
      expect(await second).toMatchObject({ kind: 'build', run: 2, changed: ['briefing.config.yaml'], result: { status: 'built' } });
      const third = await log.next();
      expect(third).toMatchObject({ kind: 'build', run: 3, changed: ['ministry.docx'], result: { status: 'built' } });
      expect(stylesOfReport()).toContain('Arial');
    } finally {
      process.env.PATH = path;
    }
  });

  it('after a failed build, a new folder alone rebuilds nothing; the position written in it does, named alone', async () => {
    const meeting = exampleFile(EXAMPLE_MEETING).replace('    position: equity-eu-cooperation\n', '    position: equity-eu-cooperation\n  - text: Jauns jautājums?\n    position: brand-new\n');
    const dir = exampleProject({ [EXAMPLE_MEETING]: meeting });
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    const failed = await first;
    expect(failed).toMatchObject({ kind: 'build', run: 1, result: { status: 'failed' } });
    expect(failed.kind === 'build' && failed.result.diagnostics.map((d) => d.ruleId)).toContain('meeting/unknown-position');

    mkdirSync(join(dir, 'positions/new'));
    await quiet(800);
    expect(log.events).toHaveLength(1);
    const built = log.next();
    const text = exampleFile('positions/educ/equity-reforms.yaml').replace('id: equity-reforms', 'id: brand-new').replace('vēl 150 skolām', 'JAUNS TEKSTS');
    writeFile(dir, 'positions/new/brand-new.yaml', text);
    expect(await built).toMatchObject({ kind: 'build', run: 2, changed: ['positions/new/brand-new.yaml'], result: { status: 'built' } });
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('JAUNS TEKSTS');
  });

  it('watches the project folder again once it is back after being moved away (renamed, or cloned anew in its place)', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', result: { status: 'built' } });
    const away = `${dir}-away`;
    const gone = log.next();
    renameSync(dir, away);
    expect(await gone).toMatchObject({ kind: 'error' });
    // Back: a build of the project as it is there (nothing changed in it).
    const back = log.next();
    renameSync(away, dir);
    expect(await back).toMatchObject({ kind: 'build', changed: [EXAMPLE_MEETING], result: { status: 'unchanged' } });
    // And a save there is seen.
    const saved = log.next();
    const position = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 170 skolām'));
    expect(await saved).toMatchObject({ kind: 'build', changed: [position], result: { status: 'built' } });
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('vēl 170 skolām');
  });

  it('sees a save made as soon as the build of the project folder back is said, however long its folders take to watch', async () => {
    // A project of many folders: watching them all anew takes longer than the build. A save made as the build was said went unseen.
    const dir = exampleProject();
    for (let i = 0; i < 3000; i++) mkdirSync(join(dir, `positions/f${i}`));
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 50, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', result: { status: 'built' } });
    const gone = log.next();
    renameSync(dir, `${dir}-away`);
    expect(await gone).toMatchObject({ kind: 'error' });
    const back = log.next();
    renameSync(`${dir}-away`, dir);
    expect(await back).toMatchObject({ kind: 'build', result: { status: 'unchanged' } });
    const saved = log.next();
    const position = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 190 skolām'));
    expect(await saved).toMatchObject({ kind: 'build', changed: [position], result: { status: 'built' } });
  });

  it('says which file it cannot watch (a symbolic link that loops) and goes on watching the rest', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
    const said = log.next();
    symlinkSync('loop', join(dir, 'positions/loop'));
    expect(await said).toEqual({
      kind: 'unwatched',
      message: 'positions/loop is not watched: it is a symbolic link that leads back to itself. The watch goes on without it.',
      hint: 'Remove the link, or point it at a file that is there.',
    });
    const rebuilt = log.next();
    const position = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 180 skolām'));
    expect(await rebuilt).toMatchObject({ kind: 'build', run: 2, changed: [position], result: { status: 'built' } });
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('vēl 180 skolām');
  });

  /** A watch of the example in a repository, a position's text changed and not committed (its version not raised), and its first build. */
  async function watchUncommittedChange(final: boolean) {
    const dir = exampleProject();
    initRepository(dir);
    const position = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 150 ģimnāzijām'));
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    return { dir, log, first: await first };
  }

  const rules = (event: WatchEvent) => (event.kind === 'build' ? event.result.diagnostics.map((d) => d.ruleId) : []);

  it('a save that leaves the files as they were still rebuilds when git HEAD has moved: the build reads the versions committed there', async () => {
    const { dir, log, first: built } = await watchUncommittedChange(false);
    expect(rules(built)).toContain('position/version-not-raised');

    const touched = log.next();
    utimesSync(join(dir, EXAMPLE_MEETING), new Date(), new Date());
    expect(await touched).toMatchObject({ kind: 'build', run: 2, changed: [EXAMPLE_MEETING], result: { status: 'unchanged' } });

    // Committed: the answer is the one at HEAD now, and the warning goes with the next build.
    commitAll(dir, 'new answer');
    const rebuilt = log.next();
    utimesSync(join(dir, EXAMPLE_MEETING), new Date(), new Date());
    const after = await rebuilt;
    expect(after).toMatchObject({ kind: 'build', run: 3, result: { status: 'built' } });
    expect(rules(after)).not.toContain('position/version-not-raised');
  });

  it('builds again when a commit moves git HEAD, with no file saved: a warning that compared with HEAD goes (or, with --final, the report is written); a commit of nothing it reads says nothing', async () => {
    const { dir, log, first: failed } = await watchUncommittedChange(true);
    expect(failed).toMatchObject({ kind: 'build', run: 1, result: { status: 'failed' } });
    expect(rules(failed)).toContain('position/version-not-raised');

    // Committed in another terminal: the error is gone, and the final report is written without waiting for a save.
    const rebuilt = log.next();
    commitAll(dir, 'new answer');
    const after = await rebuilt;
    expect(after).toMatchObject({ kind: 'build', run: 2, changed: ['git HEAD'], result: { status: 'built' } });
    expect(rules(after)).not.toContain('position/version-not-raised');

    // A commit of a file the meeting does not read changes nothing it shows: no line.
    writeFile(dir, 'notes.txt', 'piezīmes\n');
    commitAll(dir, 'notes');
    await quiet(2500);
    expect(log.events).toHaveLength(2);
  });

  it('says the meeting file is gone, and where a pull moved it, not that its path is mistyped', async () => {
    const dir = exampleProject();
    initRepository(dir);
    const moved = 'meetings/2021-02-19-educ.yaml';
    git(dir, ['checkout', '-q', '-b', 'colleague']);
    git(dir, ['mv', EXAMPLE_MEETING, moved]);
    commitAll(dir, 'a shorter name');
    git(dir, ['checkout', '-q', 'main']);
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', result: { status: 'built' } });
    const gone = log.next();
    git(dir, ['merge', '-q', '--ff-only', 'colleague']);
    const said = await gone;
    expect(said).toMatchObject({
      kind: 'error',
      message: `${EXAMPLE_MEETING} is gone: deleted, or moved (a git pull or checkout, git mv).`,
      hint: `${moved} came in the same change: to follow it, stop this watch (Ctrl-C) and run \`briefing build ${moved} --watch\`. This one builds ${EXAMPLE_MEETING} again if it comes back.`,
    });
    expect(formatWatchEvent(said, EXAMPLE_MEETING, '10:00:00', new Chalk({ level: 0 })).at(-1)?.text).toBe('Still watching.');
  });

  it('a position file that has an id the meeting uses only inside a longer word (equity-reforms-b, xequity-reforms) rebuilds nothing', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
    writeFile(dir, 'positions/educ/lookalike.yaml', exampleFile('positions/educ/equity-reforms.yaml').replace('id: equity-reforms', 'id: equity-reforms-b\n# not xequity-reforms'));
    await quiet(800);
    expect(log.events).toHaveLength(1);
    // The next build is of the meeting saved, the look-alike not among the changes.
    const saved = log.next();
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace(/^topic: .*$/m, 'topic: Cita tēma'));
    expect(await saved).toMatchObject({ kind: 'build', run: 2, changed: [EXAMPLE_MEETING] });
  });

  it('a save that changes nothing says again what the last build warned of', async () => {
    const meeting = exampleFile(EXAMPLE_MEETING).replace(/^date: (.*)$/m, 'date: $1\ndocument_date: 2021-02-16');
    const dir = exampleProject({ [EXAMPLE_MEETING]: meeting });
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    const warned = (event: WatchEvent) => (event.kind === 'build' ? event.result.diagnostics.map((d) => `${d.file} ${d.severity} ${d.ruleId}`) : []);
    const initial = await first;
    expect(initial).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
    expect(warned(initial)).toEqual([`${EXAMPLE_MEETING} warning meeting/document-date`]);
    // Saved as it was: nothing is built, and the warning still holds.
    const touched = log.next();
    writeFile(dir, EXAMPLE_MEETING, meeting);
    const again = await touched;
    expect(again).toMatchObject({ kind: 'build', run: 2, changed: [EXAMPLE_MEETING], result: { status: 'unchanged' } });
    expect(warned(again)).toEqual([`${EXAMPLE_MEETING} warning meeting/document-date`]);
  });

  it('says the meeting file is gone and names each meeting file that came in the same change, when more than one did', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 400, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', result: { status: 'built' } });
    const gone = log.next();
    renameSync(join(dir, EXAMPLE_MEETING), join(dir, 'meetings/a.yaml'));
    writeFile(dir, 'meetings/b.yaml', exampleFile(EXAMPLE_MEETING));
    expect(await gone).toMatchObject({
      kind: 'error',
      message: `${EXAMPLE_MEETING} is gone: deleted, or moved (a git pull or checkout, git mv).`,
      hint: `If it was moved, stop this watch (Ctrl-C) and start it on the meeting's new path (meetings/a.yaml, meetings/b.yaml came in the same change). This one builds ${EXAMPLE_MEETING} again if it comes back.`,
    });
  });

  it('builds again when a template or partial is saved that the last build did not read (one its template may name next)', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', run: 1, result: { status: 'built' } });
    const saved = log.next();
    writeFile(dir, 'templates/partials/closing.hbs', 'Sagatavoja: birojs\n');
    expect(await saved).toMatchObject({ kind: 'build', run: 2, changed: ['templates/partials/closing.hbs'] });
  });

  it('says the config is gone when it is deleted while it watches, not that there is no project and to start one with init', async () => {
    const dir = exampleProject();
    const log = recorder();
    const first = log.next();
    watcher = await watchBuild({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, formats: ['md'], debounceMs: 150, onEvent: (e) => log.onEvent(e) });
    expect(await first).toMatchObject({ kind: 'build', result: { status: 'built' } });
    const gone = log.next();
    rmSync(join(dir, 'briefing.config.yaml'));
    expect(await gone).toMatchObject({
      kind: 'error',
      message: 'briefing.config.yaml is gone: deleted, or moved (a git pull or checkout); without it the project cannot be read.',
      hint: 'Put it back (`git checkout -- briefing.config.yaml`, if it was committed); this watch builds again when it comes back.',
    });
  });

  it('gives the commands of its hints as typed from where it was started: under -C, `briefing -C <folder> …`', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), '-C', 'empty', 'build', 'meetings/x.yaml', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let said = '';
    await new Promise<void>((resolve) => {
      for (const stream of [child.stdout, child.stderr]) {
        stream.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          if (said.includes('Still watching')) resolve();
        });
      }
    });
    const exit = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    await exit;
    // It said `briefing init`, which pasted here starts a project in this folder, not in empty/.
    expect(said).toContain('to start one in that folder: `briefing -C empty init`.');
  });

  it('runs from the command line until Ctrl-C, printing each rebuild', async () => {
    const dir = exampleProject();
    const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--watch', '--format', 'md'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    const seen = (text: string, times = 1) =>
      new Promise<void>((resolve) => {
        const check = () => stdout.split(text).length - 1 >= times && resolve();
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          check();
        });
        check();
      });
    await seen('Watching for changes');
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('time: "10.00"', 'time: "11.00"'));
    await seen('built  ', 2);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    // Ended by Ctrl-C, as any command: 128 + 2.
    expect(await exit).toBe(130);
    expect(stdout).toMatch(/^\[\d\d:\d\d:\d\d\] changed: meetings\/2021-02-19-educ-informal\.yaml$/m);
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('plkst.\u00A011.00');
    // Recorded in build's cache with the same key as build's own (the day read as build reads it): nothing to build.
    expect(runCli(['build', '--all', '--format', 'md'], dir).stderr).toContain('1 meeting: 0 built, 1 unchanged');
  });
});

/** An install of the tool (as npm puts it in node_modules/briefing), to be updated while a watch from it runs. */
function installCopy(): string {
  const install = tempDir('briefing-install-');
  for (const name of ['bin', 'dist', 'templates', 'schema', 'package.json', 'ministries.yaml']) cpSync(join(REPO, name), join(install, name), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(install, 'node_modules'));
  return install;
}

/**
 * A watch of the example meeting (md) by the tool in `install` (an install copy, or the repository), in `dir`, once it
 * says it watches: `seen` waits for a text in its output (so many times), `output` is all of it, `stop` ends it.
 */
async function watchFrom(install: string, dir: string, env: NodeJS.ProcessEnv): Promise<{ seen: (text: string, times?: number) => Promise<void>; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(install, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--watch', '--format', 'md'], { cwd: dir, env });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const seen = async (text: string, times = 1) => {
    for (let waited = 0; stdout.split(text).length - 1 < times; waited += 50) {
      if (waited > 30_000) throw new Error(`Not seen ${times}× in 30 s: ${text}\n${stdout}`);
      await quiet(50);
    }
  };
  const stop = async () => {
    const exit = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    await exit;
  };
  await seen('Watching for changes').catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { seen, output: () => stdout, stop };
}

test('a save that changes nothing (a touch) builds and writes nothing; a changed word, or an output deleted, rebuilds', async () => {
  const dir = exampleProject();
  const { seen, output, stop } = await watchFrom(REPO, dir, { ...process.env, NO_COLOR: '1' });
  const touch = (path: string) => utimesSync(join(dir, path), new Date(), new Date());
  try {
    const out = join(dir, 'out');
    const state = () => readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8'), statSync(join(out, name)).mtimeMs]);
    const before = state();
    await quiet(50);
    touch(EXAMPLE_MEETING);
    await seen('unchanged: ');
    expect(output()).toMatch(/^\[\d\d:\d\d:\d\d\] unchanged: meetings\/2021-02-19-educ-informal\.yaml \(no input changed since the outputs were built\)$/m);
    expect(output().split('built  ').length - 1).toBe(1);
    expect(state()).toEqual(before);

    const position = 'positions/educ/equity-reforms.yaml';
    writeFile(dir, position, exampleFile(position).replace('vēl 150 skolām', 'vēl 150 ģimnāzijām'));
    await seen('built  ', 2);
    const report = join(out, 'IZMzin_190221_EDUC.md');
    expect(readFileSync(report, 'utf8')).toContain('vēl 150 ģimnāzijām');

    // An output deleted (or edited) since: the same inputs build it again.
    rmSync(report);
    touch(EXAMPLE_MEETING);
    await seen('built  ', 3);
    expect(readFileSync(report, 'utf8')).toContain('vēl 150 ģimnāzijām');
    expect(output().split('unchanged: ').length - 1).toBe(1);

    // A build that warns (no signature), then a touch: the one line says its warning still stands.
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('signature:\n  role: Izglītības un zinātnes ministre\n  name: I. Šuplinska\n', ''));
    await seen('built  ', 4);
    touch(EXAMPLE_MEETING);
    await seen('unchanged: ', 2);
    expect(output()).toMatch(/^\[\d\d:\d\d:\d\d\] unchanged: meetings\/2021-02-19-educ-informal\.yaml \(no input changed since the outputs were built; its 1 warning still stands\)$/m);
  } finally {
    await stop();
  }
}, 90_000);

test('a watch stopped with SIGTERM while a PDF is made stops LibreOffice, removes its folder, writes nothing half, and says no build failed (exit 143)', async () => {
  const bin = tempDir();
  // A stand-in for LibreOffice that takes long enough to be stopped.
  writeFileSync(join(bin, 'soffice'), `#!/bin/sh\nsleep 30\nfor a in "$@"; do last="$a"; done\nprintf '%%PDF-1.7 fake' > "\${last%.docx}.pdf"\necho '%%EOF' >> "\${last%.docx}.pdf"\n`);
  chmodSync(join(bin, 'soffice'), 0o755);
  const dir = exampleProject();
  const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--watch', '--format', 'md,pdf'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const prefix = `briefing-pdf-${child.pid}-`;
  const folders = () => readdirSync(tmpdir()).filter((name) => name.startsWith(prefix));
  for (let waited = 0; !folders().length && waited < 30_000; waited += 50) await quiet(50);
  expect(folders().length).toBe(1);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const signalled = Date.now();
  child.kill('SIGTERM');
  expect(await exit).toBe(143);
  // Stopped, not waited for: the stand-in would have taken 30 s more (a first build's conversion was waited out).
  expect(Date.now() - signalled).toBeLessThan(20_000);
  await quiet(500);
  expect(folders()).toEqual([]);
  expect(output).not.toMatch(/failed|error/);
  // The first build was cut short before writing: no report, and no temporary file left beside where it would be.
  expect(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : []).toEqual([]);
});

test('--watch with --json (or --all, --shard) is a usage error, not a watch that ignores the flag', () => {
  const dir = exampleProject();
  for (const [flag, ...rest] of [['--json'], ['--all'], ['--shard', '1/2']]) {
    // With a time limit: the old behaviour was to start watching and never return.
    const run = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--watch', flag ?? '', ...rest], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status).toBe(2);
    // With --json the refusal is the one JSON object a CI step reads.
    if (flag === '--json') expect(JSON.parse(run.stdout)).toMatchObject({ exitCode: 2, messages: [{ ruleId: 'input/usage', message: '--watch cannot be combined with --json.' }] });
    else expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`--watch cannot be combined with ${flag ?? ''}.`);
  }
});

test('--watch of a position, a README or a file outside the project is refused as build refuses it (exit 1), not watched for good', () => {
  const dir = exampleProject({ 'README.md': '# Briefings\n' });
  const cases = [
    ['positions/educ/equity-reforms.yaml', 'positions/educ/equity-reforms.yaml  error  This is a position, not a meeting: build takes meeting files.'],
    ['README.md', 'README.md  error  This is not a briefing file: build takes meeting files (.yaml).'],
    [join(REPO, 'package.json'), 'error  This file is outside the project folder'],
  ];
  for (const [file, message] of cases) {
    // With a time limit: the old behaviour was to start watching and never return.
    const run = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', file ?? '', '--watch'], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  }
});

test('--watch of a folder or a pattern is a usage error (exit 2), not a wait for a file that can never come', () => {
  const dir = exampleProject();
  const cases = [
    ['meetings', '--watch follows one meeting file, and meetings is a folder.'],
    ['meetings/*.yaml', '--watch follows one meeting file, and meetings/*.yaml is a pattern.'],
  ];
  for (const [input, message] of cases) {
    // With a time limit: the old behaviour was to say "no such file" (or "is a folder") and wait for good.
    const run = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', input ?? '', '--watch'], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`briefing: ${message ?? ''}`);
  }
});

test('a meeting file named to --watch that is not there (yet) is waited for, not refused as build refuses it', () => {
  const dir = exampleProject();
  expect(watchTargetProblem(dir, 'meetings/2021-03-01-next.yaml')).toBeUndefined();
  expect(watchTargetProblem(dir, 'positions/educ/equity-reforms.yaml')).toMatchObject({ severity: 'error', file: 'positions/educ/equity-reforms.yaml' });
});

test('a watch that outlives an update of its tool records its builds as the code it runs, so the updated tool builds them again', async () => {
  const install = installCopy();
  const dir = exampleProject();
  const env = { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'off' };
  const { seen, stop } = await watchFrom(install, dir, env);
  // The update: code that prints the time otherwise, and its build's hash (dist/build.json) with it.
  const bundle = join(install, 'dist/cli.cjs');
  const updated = readFileSync(bundle, 'utf8').replace('return`plkst.${', 'return`PLKST.${');
  expect(updated).toContain('PLKST');
  writeFileSync(bundle, updated);
  const builds = JSON.parse(readFileSync(join(install, 'dist/build.json'), 'utf8')) as Record<string, string>;
  writeFileSync(join(install, 'dist/build.json'), JSON.stringify({ ...builds, cli: createHash('sha256').update(updated).digest('hex').slice(0, 16) }));
  // The watch, running the code it loaded, builds a save.
  writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('time: "10.00"', 'time: "11.00"'));
  await seen('built  ', 2);
  await stop();
  const report = join(dir, 'out/IZMzin_190221_EDUC.md');
  expect(readFileSync(report, 'utf8')).toContain('plkst.\u00A011.00');
  // The updated tool does not take that report for its own.
  const built = spawnSync(process.execPath, [join(install, 'bin/briefing.js'), 'build', EXAMPLE_MEETING, '--format', 'md'], { cwd: dir, env, encoding: 'utf8' });
  expect(built.stderr).toContain('1 meeting: 1 built, 0 unchanged');
  expect(readFileSync(report, 'utf8')).toContain('PLKST.\u00A011.00');
});

test('a watch that outlives an update of its tool leaves the updated tool’s cache alone: its other meetings stay unchanged', async () => {
  const install = installCopy();
  const other = 'meetings/2021-02-20-other.yaml';
  const dir = exampleProject({ [other]: exampleFile(EXAMPLE_MEETING).replace(/^file_code: .*$/m, 'file_code: OTHER').replace(/^date: .*$/m, 'date: 2021-02-20') });
  const env = { ...process.env, NO_COLOR: '1', BRIEFING_SERVER: 'off' };
  const tool = (args: string[]) => spawnSync(process.execPath, [join(install, 'bin/briefing.js'), ...args], { cwd: dir, env, encoding: 'utf8' });
  const { seen, stop } = await watchFrom(install, dir, env);
  // The update (its build's hash), then a build of every meeting by the updated tool.
  const builds = JSON.parse(readFileSync(join(install, 'dist/build.json'), 'utf8')) as Record<string, string>;
  writeFileSync(join(install, 'dist/build.json'), JSON.stringify({ ...builds, cli: 'updated' }));
  expect(tool(['build', '--all', '--format', 'md']).stderr).toContain('2 meetings: 2 built, 0 unchanged');
  // The old watch builds a save; the updated tool's cache keeps the other meeting.
  writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('time: "10.00"', 'time: "11.00"'));
  await seen('built  ', 2);
  await stop();
  expect(tool(['build', '--all', '--format', 'md']).stderr).toContain('2 meetings: 1 built, 1 unchanged');
});
