import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { errorCode } from '../load/files.js';
import { isSnap, OFFICE_PACKAGE } from './office.js';
import { folderPrefix, profileUrl, removeAbandonedFolders, removeRunFolder, temporaryFolder } from './run-folder.js';
import { pdfSettings } from './export-settings.js';
import { type RunEnd, run } from './office-run.js';
import { isStopping, unlessStopping, STOPPED } from './conversion-stop.js';

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
  const full = code === 'ENOSPC' || code === 'EDQUOT';
  const why = full
    ? code === 'ENOSPC' ? 'the disk is full' : 'your disk quota is used up'
    : aFile
      ? 'it is a file, not a folder'
      : code === 'ENOENT' || code === 'ENOTDIR'
        ? 'there is no such folder'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'it cannot be written'
          : code === 'ELOOP'
            ? 'a symbolic link on its way leads back to itself'
            : `it cannot be used (${code ?? String(error)})`;
  const fix = full ? 'Free some space there' : 'Set TMPDIR to a folder that exists and can be written (or unset it)';
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
  // A PDF ends with %%EOF (within its last 1,024 bytes, where readers look for it). One cut short, as a disk that filled up or an
  // office stopped while it wrote leaves it, opened in no reader, and was published as built: LibreOffice may end well all the same.
  if (!Buffer.from(bytes.subarray(-1024)).toString('latin1').includes('%%EOF')) {
    return {
      failure: 'LibreOffice wrote a PDF cut short, without the end every PDF has (%%EOF): the disk may have filled up, or the office was stopped, while it wrote',
      hint: `Free some space if the disk of the temporary folder (${temporaryFolder()}) is full, then build again.`,
    };
  }
  return { bytes };
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
