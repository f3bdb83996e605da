import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { errorCode } from '../load/files.js';
import { processState, STOP_SIGNALS } from '../util/process.js';
import { utf8Locale, withSystemFolders } from './office-env.js';
import { isSnap, OFFICE_PACKAGE } from './office.js';
import { lastError, runFailure } from './office-output.js';
import { folderPrefix, profileUrl, removeAbandonedFolders, removeRunFolder, temporaryFolder } from './run-folder.js';

/** How long one conversion may take before LibreOffice is stopped (a hung office never ends a build). */
const TIMEOUT_MS = 120_000;

/** How to make a PDF: which LibreOffice, and whether to make PDF/A-2b. */
export interface PdfOptions {
  office: string;
  pdfA: boolean;
  /** Milliseconds before LibreOffice is stopped; two minutes unless a test says otherwise. */
  timeoutMs?: number;
}

/** The outcome of one conversion: the PDF's bytes, or why there are none (and what to do, when the usual advice would not help). */
export type PdfResult = { bytes: Uint8Array } | { failure: string; hint?: string; timedOut?: boolean };

/**
 * The most reports one LibreOffice converts in one run. Starting the office takes about a second
 * (1.1–1.4 s on a 2-core machine), converting a three-page report in a running one a tenth of it:
 * eight reports took 1.5 s in one run against 9 s in eight. More per run would save little more and
 * would hold more reports in memory, waiting.
 */
export const REPORTS_PER_OFFICE_RUN = 16;

/** How much longer a run may take for each report after its first, before it is taken as hung. */
const FURTHER_REPORT_MS = 20_000;

/** A report waiting for its PDF. */
interface Waiting {
  docx: Uint8Array;
  options: PdfOptions;
  resolve: (result: PdfResult) => void;
  reject: (error: unknown) => void;
}

/** The reports of this thread waiting for an office run, in the order they came. */
const waiting: Waiting[] = [];

/** Whether this thread's office runs are under way (one at a time: each is a process of its own). */
let converting = false;

/**
 * Turns DOCX bytes into PDF bytes with LibreOffice headless. Reports asked for while this
 * thread's office is busy, or in the same turn of the event loop, are converted together in
 * its next run (up to {@link REPORTS_PER_OFFICE_RUN}): a batch building several meetings at once
 * starts the office once for many reports instead of once for each, and a single build is
 * converted at once, as before. Each run has its own temporary folder and LibreOffice profile
 * (`-env:UserInstallation`), so runs side by side (worker threads of a batch, two builds at once)
 * never share a profile, which LibreOffice does not allow; the folder is removed afterwards. A
 * report the run did not convert, or a run that failed, is converted again on its own, so one
 * broken report costs the others nothing and its failure is its own.
 */
export function convertToPdf(docx: Uint8Array, options: PdfOptions): Promise<PdfResult> {
  if (isStopping()) return Promise.resolve({ failure: STOPPED });
  return new Promise((resolve, reject) => {
    waiting.push({ docx, options, resolve, reject });
    if (!converting) {
      converting = true;
      void convertWaiting();
    }
  });
}

/** Runs the office for what waits, run after run, until nothing does. */
async function convertWaiting(): Promise<void> {
  try {
    // Meetings built beside this one (tasks of the same worker) reach their PDF within a turn or two of the event loop.
    for (let seen = -1; seen !== waiting.length && waiting.length < REPORTS_PER_OFFICE_RUN; ) {
      seen = waiting.length;
      await setImmediate();
    }
    while (waiting.length) {
      const first = waiting[0] as Waiting;
      const together = waiting.filter((each) => sameOffice(each.options, first.options)).slice(0, REPORTS_PER_OFFICE_RUN);
      for (const each of together) waiting.splice(waiting.indexOf(each), 1);
      await convertGroup(together);
    }
  } finally {
    converting = false;
  }
}

/** Whether two reports can be converted in one run: the same office, the same PDF, the same patience. */
function sameOffice(a: PdfOptions, b: PdfOptions): boolean {
  return a.office === b.office && a.pdfA === b.pdfA && a.timeoutMs === b.timeoutMs;
}

/** Converts reports in one run, and any it did not convert again on its own; settles each report's promise. */
async function convertGroup(group: readonly Waiting[]): Promise<void> {
  let results: PdfResult[];
  try {
    results = await convertInOneRun(
      group.map((each) => each.docx),
      group[0]?.options as PdfOptions,
    );
  } catch (error) {
    for (const each of group) each.reject(error);
    return;
  }
  for (const [index, each] of group.entries()) {
    const result = results[index] as PdfResult;
    if (group.length === 1 || 'bytes' in result || isStopping()) {
      each.resolve(result);
      continue;
    }
    try {
      each.resolve((await convertInOneRun([each.docx], each.options))[0] as PdfResult);
    } catch (error) {
      each.reject(error);
    }
  }
}

/** How many reports in a row LibreOffice must have failed to convert on its own in time before it is taken as hung. */
const HUNG_AFTER = 2;

/**
 * For each build (its {@link PdfOptions}, one object per build and thread): how many reports in a
 * row timed out in a run of their own. A hung office hangs on every report: a batch of 40 meetings
 * waited two minutes for each, on top of each run of several, most of an hour before it failed. A
 * single report that hangs the office is still told from a hung office, as the next report ends in time.
 */
const timeoutsInARow = new WeakMap<PdfOptions, number>();

/** Why a report has no PDF when the office is taken as hung (see {@link timeoutsInARow}): it was not tried. */
function hungOffice(options: PdfOptions): PdfResult {
  return {
    failure: `not tried, as LibreOffice did not finish ${HUNG_AFTER} reports in a row within ${Math.round((options.timeoutMs ?? TIMEOUT_MS) / 1000)} s each in this build: it seems to hang on this machine`,
    hint: `Check that \`${options.office} --headless --convert-to pdf\` ends on a DOCX here (a LibreOffice left running, a broken install), then build again.`,
  };
}

/** Converts the reports with one run of LibreOffice, or none when it hangs ({@link timeoutsInARow}): each report's PDF or why there is none. */
async function convertInOneRun(reports: readonly Uint8Array[], options: PdfOptions): Promise<PdfResult[]> {
  if ((timeoutsInARow.get(options) ?? 0) >= HUNG_AFTER) return reports.map(() => hungOffice(options));
  const results = await convertInOwnFolder(reports, options);
  const [alone] = results;
  if (results.length === 1 && alone) timeoutsInARow.set(options, 'failure' in alone && alone.timedOut ? (timeoutsInARow.get(options) ?? 0) + 1 : 0);
  return results;
}

/** The builds (by their options) that have removed the folders killed runs left behind. */
const swept = new WeakSet<PdfOptions>();

/** Converts the reports with one run of LibreOffice, in a folder of its own: each report's PDF or why there is none. */
async function convertInOwnFolder(reports: readonly Uint8Array[], options: PdfOptions): Promise<PdfResult[]> {
  // One report keeps the name it always had; several are numbered.
  const names = reports.length === 1 ? ['report'] : reports.map((_, index) => `report-${index + 1}`);
  // Once a build (its options), not before every run: listing the temporary folder each time cost a batch one listing a run.
  if (!swept.has(options)) {
    swept.add(options);
    removeAbandonedFolders();
  }
  let started: StartedRun | undefined;
  try {
    started = unlessStopping(() => startRun(reports, names, options));
  } catch (error) {
    // The folder was removed under it (by a stop that did not wait that long): the process is stopping.
    if (!isStopping()) return reports.map(() => noWorkingFolder(error));
  }
  if (!started) return reports.map(() => ({ failure: STOPPED }));
  try {
    const end = await started.ended;
    const { folder } = started;
    return names.map((name) => ('failure' in end ? end : asAsked(seenBySnap(readPdf(join(folder, `${name}.pdf`), end.said), options.office), options)));
  } finally {
    removeRunFolder(started.folder);
  }
}

/** A run of LibreOffice under way: its folder, and its end. */
interface StartedRun {
  folder: string;
  ended: Promise<RunEnd>;
}

/**
 * How a run of LibreOffice ended: why it failed (and what to do, when that is known), or it ended well and `said` is the error it wrote
 * all the same, if any. LibreOffice ends well when it could not load a report ("Error: source file
 * could not be loaded"): only the missing PDF and that line tell.
 */
type RunEnd = { failure: string; hint?: string; timedOut?: boolean } | { said: string | undefined };

/** Makes a run's folder with the reports in it, named as given, and starts LibreOffice on them. */
function startRun(reports: readonly Uint8Array[], names: readonly string[], options: PdfOptions): StartedRun {
  const folder = mkdtempSync(join(temporaryFolder(), folderPrefix()));
  try {
    mkdirSync(join(folder, 'tmp'));
    for (const [index, name] of names.entries()) writeFileSync(join(folder, `${name}.docx`), reports[index] as Uint8Array);
    mkdirSync(join(folder, 'profile', 'user'), { recursive: true });
    writeFileSync(join(folder, 'profile', 'user', 'registrymodifications.xcu'), pdfSettings(options.pdfA));
    const filter = 'pdf:writer_pdf_Export';
    const inputs = names.map((name) => join(folder, `${name}.docx`));
    const args = [`-env:UserInstallation=${profileUrl(folder)}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', folder, ...inputs];
    const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
    return { folder, ended: run(options.office, args, join(folder, 'tmp'), timeoutMs + (reports.length - 1) * Math.min(timeoutMs, FURTHER_REPORT_MS)) };
  } catch (error) {
    removeRunFolder(folder);
    throw error;
  }
}

/**
 * Why there is no PDF when the run's folder could not be made or filled: TMPDIR names a folder
 * that is not there or cannot be written, or the disk is full. Nothing is wrong with the report.
 */
function noWorkingFolder(error: unknown): PdfResult {
  const code = errorCode(error);
  // TMPDIR naming a file: the folder is not missing, as "no such folder" said, but a file.
  const aFile = code === 'ENOTDIR' && isFile(temporaryFolder());
  const why = code === 'ENOSPC' ? 'the disk is full' : aFile ? 'it is a file, not a folder' : code === 'ENOENT' || code === 'ENOTDIR' ? 'there is no such folder' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'it cannot be written' : (code ?? String(error));
  const fix = code === 'ENOSPC' ? 'Free some space there' : 'Set TMPDIR to a folder that exists and can be written (or unset it)';
  return { failure: `the temporary folder ${temporaryFolder()} cannot hold the report while it is converted: ${why}`, hint: `${fix} and build again.` };
}

/** Whether `path` is a file (not a folder, not missing). */
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The PDF LibreOffice wrote, or why it is none (with what it `said`, when it wrote an error). */
function readPdf(path: string, said: string | undefined): PdfResult {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return { failure: `LibreOffice finished without writing a PDF${said ? ` (it said: ${said})` : ''}` };
  }
  // A full disk or a broken office can leave an empty file: that is no PDF to publish.
  if (new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') return { failure: `LibreOffice wrote ${bytes.length ? 'a file that is not a PDF' : 'an empty file'} instead of the PDF` };
  return { bytes };
}

/**
 * The profile's PDF export settings: always a tagged PDF, and PDF/A-2b when asked. Given in the
 * profile, which each run makes afresh, because LibreOffice before 7.4 (Ubuntu 22.04 has 7.3) does
 * not read export settings given on the command line, and wrote a plain PDF under a config asking
 * for PDF/A. Tagged, the PDF says what each block is (a heading, a paragraph, a list, a table's
 * header cell, a note) and in which order it is read, which a screen reader needs and which the
 * accessibility rules for public bodies' documents (EN 301 549) ask; untagged, it was one run of text.
 * With them, the locale LibreOffice takes for its own ({@link OFFICE_LOCALE}).
 */
function pdfSettings(pdfA: boolean): string {
  const settings = [setting('UseTaggedPDF', 'true'), ...(pdfA ? [setting('SelectPdfVersion', '2')] : []), officeLocale()];
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${settings.join('\n')}
</oor:items>
`;
}

/**
 * The locale LibreOffice takes for its own, whatever the machine's (`LANG`): under a Chinese, Japanese or
 * Korean one, or an Arabic or Hindi one, it took the report for one in that script and declared the
 * PDF's language (`/Lang`, which a screen reader reads it in) to be Japanese (`ja-JP`) or Arabic, the
 * Latvian text marked `lv-LV` span by span, as the DOCX names no language for those scripts. Any
 * locale of the Latin script does; LibreOffice's own default, en-US, is the one it takes under `C`.
 */
const OFFICE_LOCALE = 'en-US';

/** The profile's setting of the locale LibreOffice takes for its own ({@link OFFICE_LOCALE}), as registrymodifications.xcu holds it. */
function officeLocale(): string {
  return `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${OFFICE_LOCALE}</value></prop></item>`;
}

/** One setting of LibreOffice's PDF export, as a profile's registrymodifications.xcu holds it. */
function setting(name: string, value: string): string {
  return `<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;
}

/**
 * The result, with what to do when the LibreOffice snap did not find the report: a snap has a /tmp
 * (and /var/tmp) of its own, so the conversion folder made in the system's is not there for it, and it
 * ends well, saying only that the source file could not be loaded, while the advice to convert the DOCX
 * by hand in the output folder works (the snap sees the home folder).
 */
function seenBySnap(result: PdfResult, office: string): PdfResult {
  const folder = temporaryFolder();
  if (!('failure' in result) || result.hint || !/source file could not be loaded/i.test(result.failure) || !/^\/(?:var\/)?tmp(?:\/|$)/.test(folder) || !isSnap(office)) return result;
  return {
    ...result,
    hint: `This LibreOffice is a snap, which has a /tmp of its own and does not see the report in ${folder}. Set TMPDIR to a folder in your home for the build (\`mkdir -p ~/briefing-tmp && TMPDIR=~/briefing-tmp briefing build …\`), or install LibreOffice from the system's packages (Debian/Ubuntu: apt-get install ${OFFICE_PACKAGE}), and build again.`,
  };
}

/** How a PDF/A-2 names itself in its XMP metadata, which PDF/A keeps unpacked in the file. */
const PDF_A_2 = '<pdfaid:part>2</pdfaid:part>';

/**
 * The PDF, unless PDF/A was asked for and it is none: a LibreOffice that did not follow its
 * profile's setting ({@link pdfSettings}) must not pass a plain PDF off as one for archiving.
 */
function asAsked(result: PdfResult, options: PdfOptions): PdfResult {
  if (!options.pdfA || !('bytes' in result) || Buffer.from(result.bytes).includes(PDF_A_2)) return result;
  return {
    failure: 'it wrote a PDF that is not PDF/A-2, though the config asks for PDF/A (pdf_a: true)',
    hint: `This LibreOffice did not follow the PDF/A setting of its profile: use another LibreOffice than ${options.office} (a current one from libreoffice.org), or set pdf_a: false in briefing.config.yaml.`,
  };
}

let removingOnSignal = false;

/**
 * Memory every thread of the process shares (a worker joins it, {@link joinStop}): at {@link STOPPING},
 * 1 once this process is stopping (a signal), after which no conversion starts nor is one tried
 * again; at {@link STARTING}, how many threads are making a conversion's folder and starting its
 * office right now. The signal comes to the main thread, which stops every office: a worker thread
 * that did not know took its run stopped for a broken report and converted each of its reports again
 * on its own; one that started its office just after the main thread had looked for offices left it
 * running after the process ended, writing its profile into a folder made again.
 */
let stopMemory = new SharedArrayBuffer(8);
let stopFlag = new Int32Array(stopMemory);
const STOPPING = 0;
const STARTING = 1;

/** The memory that says this process is stopping, for the worker threads it starts (handed to {@link joinStop}). */
export function sharedStop(): SharedArrayBuffer {
  return stopMemory;
}

/** Makes this worker thread stop its conversions when the thread that started it stops the process's. */
export function joinStop(memory: SharedArrayBuffer): void {
  stopMemory = memory;
  stopFlag = new Int32Array(memory);
}

/** Whether this process is stopping, as any of its threads has said. */
function isStopping(): boolean {
  return Atomics.load(stopFlag, STOPPING) === 1;
}

/**
 * Runs `start` (a conversion's folder and office) unless this process is stopping; undefined if it
 * is. A stop waits for a `start` under way ({@link stopConversions}), so what it makes is there to
 * be stopped and removed: said starting before the stopping flag is read, and the flag set before the
 * starters are counted, either this thread sees the flag or the stop sees this thread.
 */
function unlessStopping<T>(start: () => T): T | undefined {
  Atomics.add(stopFlag, STARTING, 1);
  try {
    return isStopping() ? undefined : start();
  } finally {
    Atomics.sub(stopFlag, STARTING, 1);
    Atomics.notify(stopFlag, STARTING);
  }
}

/** Why a conversion cut short by the process stopping has no PDF. */
const STOPPED = 'it was stopped, as briefing was';

/**
 * Makes Ctrl-C (or a CI job's SIGTERM) remove the conversion folders of this process before it
 * stops: each holds a copy of a report and a LibreOffice profile, and a stopped batch left
 * them in the temporary folder for good. Call it on the main thread (only it gets signals);
 * the signal is then raised again, so the process ends as it would have.
 */
export function removeFoldersOnSignal(): void {
  if (removingOnSignal) return;
  removingOnSignal = true;
  const onSignal = (signal: NodeJS.Signals) => {
    stopConversions();
    for (const each of STOP_SIGNALS) process.removeListener(each, onSignal);
    process.kill(process.pid, signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
}

/**
 * Runs LibreOffice; how it ended ({@link RunEnd}). A conversion that does not finish
 * in time is stopped with everything it started (`soffice` is a script that starts the office),
 * not only the script. It stays in briefing's process group, so Ctrl-C reaches it as before.
 * Its temporary files go to `temp`, inside the conversion folder: an office stopped half way (a
 * signal, the time limit) leaves its own `lu…tmp` folders, with pieces of the report, behind, and
 * in the system's temporary folder nothing would remove them.
 */
function run(office: string, args: readonly string[], temp: string, timeoutMs: number): Promise<RunEnd> {
  return new Promise((settle: (end: RunEnd) => void) => {
    const resolve = (failure: string) => settle({ failure });
    // A signal came between the folder and LibreOffice: none is started, as one started now would run to its end.
    if (isStopping()) {
      resolve(STOPPED);
      return;
    }
    const env = { ...process.env, ...utf8Locale(process.env), PATH: withSystemFolders(process.env['PATH']), TMPDIR: temp, TMP: temp, TEMP: temp };
    const child = spawn(office, args, { env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      stop(child.pid);
      // Done now, not when its output closes: a process it left behind (started in the background, no
      // longer its child, so not stopped) would hold the output, and the build, for as long as it runs.
      child.stderr.destroy();
      settle(timedOutAfter(timeoutMs));
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ENOENT' ? 'the program could not be started' : error.message);
    });
    // Stopped by a signal: done when it has ended, not when every process it started has let go of its
    // output (one that outlived it, orphaned before it was stopped, would hold the build for as long as it runs).
    child.on('exit', () => {
      if (!isStopping()) return;
      clearTimeout(timer);
      child.stderr.destroy();
      resolve(STOPPED);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) settle(timedOutAfter(timeoutMs));
      else if (code === 0) settle({ said: lastError(stderr) });
      else settle(runFailure(stderr, signal, code));
    });
  });
}

/** Why a run stopped at its time limit has no PDF. */
function timedOutAfter(timeoutMs: number): RunEnd {
  return { failure: `it did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`, timedOut: true };
}

/** Stops a process and the processes it started (found through /proc where there is one, as on Linux). */
function stop(pid: number | undefined): void {
  if (pid !== undefined) send([pid, ...descendants(pid)], 'SIGKILL');
}

/** Sends a signal to each process that is still there. */
function send(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const each of pids) {
    try {
      process.kill(each, signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Stops the conversions running in this process and removes their folders: for a process that
 * is about to stop (a signal). LibreOffice first: a SIGTERM reaches this process alone (Ctrl-C
 * reaches the whole group), and a conversion left running writes its profile folder again after
 * it was removed.
 */
export function stopConversions(): void {
  Atomics.store(stopFlag, STOPPING, 1);
  waitForStarters();
  stopStarted();
  // Looked for again until none is left, for two seconds at most: on a loaded machine a folder could not be emptied at
  // the first try (a process just killed still finishing a write), and was left behind (CI, 2026-12-06).
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + 2000;
  let left = ownRunFolders();
  while (left.length) {
    // Each on its own: one that cannot be removed (an office that outlived the wait still writing into it) leaves the others removed.
    for (const folder of left) {
      try {
        removeRunFolder(folder);
      } catch {
        // Tried again below, while there is time: stopping matters more.
      }
    }
    left = ownRunFolders();
    if (!left.length || Date.now() >= until) return;
    // Any office that outlived the first stop is stopped again, and what is left removed after a pause.
    stopStarted();
    Atomics.wait(pause, 0, 0, 50);
  }
}

/** The conversion folders of this process in the temporary folder (none where it cannot be read). */
function ownRunFolders(): string[] {
  try {
    return readdirSync(temporaryFolder())
      .filter((name) => name.startsWith(folderPrefix()))
      .map((name) => join(temporaryFolder(), name));
  } catch {
    return [];
  }
}

/** Waits (two seconds at most) until no thread is between making a conversion's folder and starting its office. */
function waitForStarters(): void {
  const until = Date.now() + 2000;
  for (let now = Atomics.load(stopFlag, STARTING); now > 0 && Date.now() < until; now = Atomics.load(stopFlag, STARTING)) {
    Atomics.wait(stopFlag, STARTING, now, 50);
  }
}

/**
 * Stops every process this one started (the conversions of every thread), and waits up to a
 * second in all until none of them runs: one that is still running could write into a folder after
 * it is removed. A stopped process that its parent has not yet collected (a zombie) no longer runs.
 */
function stopStarted(): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let waited = 0;
  // Again until none runs: one may have started another (the office its main program) meanwhile.
  for (let round = 0; round < 5; round++) {
    // Held first (SIGSTOP), until no new one appears: a held process starts no other, so none is
    // orphaned by its parent's end before it is in the list (an orphan is no longer ours to find).
    let started = descendants(process.pid).filter(runs);
    if (!started.length) return;
    for (let hold = 0; hold < 10; hold++) {
      send(started, 'SIGSTOP');
      const now = descendants(process.pid).filter(runs);
      if (now.every((pid) => started.includes(pid))) break;
      started = [...new Set([...started, ...now])];
    }
    send(started, 'SIGKILL');
    for (; waited < 1000 && started.some(runs); waited += 10) Atomics.wait(pause, 0, 0, 10);
  }
}

/** Whether a process runs: it is there and not a zombie (read from /proc; where there is none, taken as not running). */
function runs(pid: number): boolean {
  const state = processState(pid);
  return state !== undefined && state !== 'Z';
}

/** The processes started by `pid`, at any depth; none where /proc cannot be read. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const entry of entries) {
    try {
      // The parent is the second field after the command name, which is in parentheses and may hold anything.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Ended meanwhile.
    }
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length; ) {
    const next = queue.flatMap((each) => children.get(each) ?? []);
    found.push(...next);
    queue = next;
  }
  return found;
}
