import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileSha256, isInside, projectPath, sha256 } from '../load/files.js';
import { isRecord } from '../util/record.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { GeneratedFile } from '../model/output.js';
import { manifestMeeting } from '../model/manifest.js';
import { heldOpen, OutputError, writeAllAtomic, writeAtomic, type WriteAdvice } from './write.js';

/** How a report's files are written. */
export interface EmitOptions {
  /** The project root: paths in messages and results are relative to it. */
  root: string;
  /** The output folder, absolute. */
  outDir: string;
  /**
   * What to do when another program holds an output open (Word on Windows). `fail` (build):
   * the files are written as one set, so nothing is replaced. `write-beside` (watch): each file
   * is written on its own, and one held open gets its new version beside it as
   * `<name>.new.<ext>`, which is reported.
   */
  heldOpen: 'fail' | 'write-beside';
  /** Writes the set in `write-beside` mode; `writeAllAtomic` unless a test replaces it. */
  write?: typeof writeAllAtomic;
  /**
   * The files the meeting's last build wrote (project-relative, with their hashes), as the build
   * cache remembers them: those under another name (a file code changed since) are removed too,
   * when still as written then and while their manifest still names this meeting.
   */
  former?: readonly { path: string; sha256: string }[];
}

/** What a meeting's last build wrote: the build cache's entry, or (in watch) the build before. */
export interface FormerBuild {
  fileCode: string | null;
  template: string | null;
  outputs: readonly { path: string; sha256: string }[];
}

/**
 * The files of the meeting's last build, when it wrote them under another file code with the same
 * template (a report and its speaking points are two sets of files, both current): what
 * {@link EmitOptions.former} takes. None when the code is the same or nothing was built before.
 */
function formerBuildFiles(former: FormerBuild | undefined, report: { fileCode: string | null; template: string | null }): FormerBuild['outputs'] | undefined {
  if (!former || former.template !== report.template || !former.fileCode || !report.fileCode) return undefined;
  return former.fileCode.toLowerCase() === report.fileCode.toLowerCase() ? undefined : former.outputs;
}

/**
 * What {@link EmitOptions.former} takes for a build of a meeting: its last build's files under another
 * file code ({@link formerBuildFiles}), and those its builds with other templates wrote under another
 * file code (`build --template informative-report.en`: `<code>.informative-report.en.*`). No build
 * writes a report under the code the meeting had then again, so those would stay beside the new ones,
 * out of date, with nothing to say so.
 */
export function formerCodeFiles(own: FormerBuild | undefined, others: readonly FormerBuild[], report: { fileCode: string | null; template: string | null }): FormerBuild['outputs'] | undefined {
  const code = report.fileCode?.toLowerCase();
  const otherCode = others.flatMap((other) => (code && other.fileCode && other.fileCode.toLowerCase() !== code ? other.outputs : []));
  const files = [...(formerBuildFiles(own, report) ?? []), ...otherCode];
  return files.length ? files : undefined;
}

/** An output another program held open, and where the new version went instead. */
export interface HeldOpen {
  target: string;
  writtenTo: string;
}

/** A file now on disk with its new version: project-relative path and content hash. */
export interface WrittenFile {
  path: string;
  sha256: string;
}

/** What writing a report did: the files written, those held open, and why it failed if it did. */
export interface EmittedReport {
  ok: boolean;
  /** On success every file, in the report's order. */
  written: WrittenFile[];
  /** Project-relative paths now holding the new version; after a failure, those that could not be put back (or were written before it). */
  outputs: string[];
  heldOpen: HeldOpen[];
  /** `output/write` errors, empty on success. */
  diagnostics: Diagnostic[];
  /** Project-relative paths of earlier outputs of the report this build removed (see {@link emitReport}). */
  removed?: string[];
  /** Earlier outputs it did not write again and left: changed since, or held (they are out of date). */
  left?: string[];
}

/**
 * The one place a report's files are written: see {@link EmitOptions.heldOpen}. Once they are,
 * a file the report's earlier build wrote and this one does not (a PDF, before `--format`
 * left it out) is removed when it is still as that build wrote it: the folder never holds an
 * older version of a report beside a newer one.
 */
export function emitReport(files: readonly GeneratedFile[], options: EmitOptions): EmittedReport {
  const earlier = [...earlierOutputs(files, options.outDir), ...formerOutputs(files, options)];
  const result = options.heldOpen === 'fail' ? writeAsSet(files, options) : writeEachBeside(files, options);
  if (result.ok) Object.assign(result, removeStale(earlier, files, options));
  return result;
}

/** The outputs the report's manifest in the folder names (its earlier build), with their hashes. */
function earlierOutputs(files: readonly GeneratedFile[], outDir: string): { name: string; sha256: string }[] {
  const manifest = files.find((file) => file.format === 'manifest');
  if (!manifest) return [];
  try {
    return manifestOutputs(readFileSync(join(outDir, manifest.name), 'utf8'));
  } catch {
    return [];
  }
}

/** The outputs a manifest names (file names in its own folder) with their hashes; none when it cannot be read. */
function manifestOutputs(text: string): { name: string; sha256: string }[] {
  try {
    const data: unknown = JSON.parse(text);
    const outputs = isRecord(data) && Array.isArray(data['outputs']) ? data['outputs'] : [];
    return outputs.flatMap((output: unknown) =>
      isRecord(output) && typeof output['name'] === 'string' && typeof output['sha256'] === 'string' && basename(output['name']) === output['name'] ? [{ name: output['name'], sha256: output['sha256'] }] : [],
    );
  } catch {
    return [];
  }
}

/**
 * The files of the meeting's earlier builds under another file code (see {@link EmitOptions.former}):
 * in this output folder, each named by a manifest there that still names the meeting this build's
 * manifest names (or that manifest itself).
 */
function formerOutputs(files: readonly GeneratedFile[], { root, outDir, former = [] }: EmitOptions): { name: string; sha256: string }[] {
  const manifest = files.find((file) => file.format === 'manifest');
  // In any case: on Windows and macOS `M1.docx` and `m1.docx` are one file, which this build has just written.
  const names = new Set(files.map((file) => file.name.toLowerCase()));
  const inFolder = former.flatMap(({ path, sha256: recorded }) => {
    const target = join(root, path);
    return dirname(target) === outDir && !names.has(basename(target).toLowerCase()) ? [{ name: basename(target), sha256: recorded }] : [];
  });
  if (!manifest) return [];
  const meeting = manifestMeeting(typeof manifest.data === 'string' ? manifest.data : new TextDecoder().decode(manifest.data));
  if (meeting === undefined) return [];
  // Each earlier report's manifest, with the files it names: only those of a manifest that still names this meeting.
  const named = new Set<string>();
  for (const formerManifest of inFolder.filter((output) => output.name.endsWith('.manifest.json'))) {
    let formerText: string;
    try {
      formerText = readFileSync(join(outDir, formerManifest.name), 'utf8');
    } catch {
      continue;
    }
    if (manifestMeeting(formerText) !== meeting) continue;
    named.add(formerManifest.name);
    for (const output of manifestOutputs(formerText)) named.add(output.name);
  }
  return inFolder.filter((output) => named.has(output.name));
}

/**
 * Removes the earlier outputs this build did not write again, when unchanged since: their
 * project paths, and those of the ones left (changed since, or that could not be removed).
 */
function removeStale(earlier: readonly { name: string; sha256: string }[], files: readonly GeneratedFile[], { root, outDir }: EmitOptions): { removed: string[]; left: string[] } {
  const now = new Set(files.map((file) => file.name));
  const removed: string[] = [];
  const left: string[] = [];
  for (const { name, sha256: recorded } of earlier) {
    if (now.has(name)) continue;
    const target = join(outDir, name);
    const fate = removeIfAsWritten(target, recorded);
    if (fate === 'removed') removed.push(projectPath(root, target));
    if (fate === 'left') left.push(projectPath(root, target));
  }
  return { removed, left };
}

/**
 * Removes an earlier output when it still has the bytes that build wrote: one edited since (or
 * held open, so it cannot be removed) is `left`, and one no longer there is `gone`.
 */
function removeIfAsWritten(target: string, recorded: string): 'removed' | 'left' | 'gone' {
  let data: Buffer;
  try {
    data = readFileSync(target);
  } catch {
    return 'gone';
  }
  try {
    if (sha256(data) !== recorded) return 'left';
    rmSync(target);
    return 'removed';
  } catch {
    return 'left';
  }
}

/** What was done with the outputs of a meeting whose file is gone (see {@link removeOrphanedReport}). */
export interface OrphanedReport {
  /** Project-relative path of the meeting file that no longer exists. */
  meeting: string;
  removed: string[];
  left: string[];
}

/**
 * Removes the files the last build of a meeting wrote, now that the meeting file is gone: the
 * output folder would otherwise keep (and a CI that publishes it, publish) the report of a meeting
 * no longer in the project. Only while the report's manifest still names that meeting (a meeting
 * renamed or given the same file code has written its own since), only files still as that build
 * wrote them, only the manifest (inside the project) and the files it names in its folder, and
 * never one in `keep` (written by this run). Undefined when nothing was there.
 */
export function removeOrphanedReport(root: string, meeting: string, outputs: readonly WrittenFile[], keep: ReadonlySet<string>): OrphanedReport | undefined {
  const manifest = outputs.find((output) => output.path.endsWith('.manifest.json'));
  // Only inside the project: a cache that names a manifest elsewhere (edited, or restored from someone else's) removes nothing there.
  if (!manifest || !isInside(root, join(root, manifest.path))) return undefined;
  let manifestText: string;
  try {
    manifestText = readFileSync(join(root, manifest.path), 'utf8');
  } catch {
    return undefined;
  }
  if (manifestMeeting(manifestText) !== meeting) return undefined;
  // Only the manifest and files it names beside it: a cache edited by hand (or by anyone who can write the CI's cache) removes nothing else.
  const folder = dirname(manifest.path);
  const named = new Set(manifestOutputs(manifestText).map((output) => output.name));
  const reports = outputs.filter((output) => dirname(output.path) === folder && named.has(basename(output.path)));
  const result: OrphanedReport = { meeting, removed: [], left: [] };
  // The manifest last: a run stopped half way still finds it, and removes the rest next time.
  for (const output of [...reports, manifest]) {
    if (keep.has(output.path)) continue;
    const fate = removeIfAsWritten(join(root, output.path), output.sha256);
    if (fate !== 'gone') result[fate].push(output.path);
  }
  return result.removed.length || result.left.length ? result : undefined;
}

/** An output that could not be written, as the message every command gives: the diagnostic names the file, the message says what went wrong. */
export function writeProblem(error: Pick<OutputError, 'file' | 'reason'> & { hint?: string | undefined }, hint = error.hint): Diagnostic {
  return diagnostic(error.file, undefined, 'error', 'output/write', error.reason.charAt(0).toUpperCase() + error.reason.slice(1), hint);
}

/** Writes one file atomically; the `output/write` error when it cannot be written. */
export function writeOrProblem(target: string, data: string | Uint8Array, shownAs: string, advice?: WriteAdvice): Diagnostic | undefined {
  try {
    writeAtomic(target, data, shownAs, advice);
    return undefined;
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    return writeProblem(error);
  }
}

/** The DOCX and the PDF first (Word or a viewer may hold them open: then nothing is replaced), the manifest last. */
const WRITE_ORDER: Record<GeneratedFile['format'], number> = { docx: 0, pdf: 1, md: 2, manifest: 3 };

/** The files of a report in the order they are written ({@link WRITE_ORDER}). */
function inWriteOrder(files: readonly GeneratedFile[]): GeneratedFile[] {
  return [...files].sort((a, b) => WRITE_ORDER[a.format] - WRITE_ORDER[b.format]);
}

/** Writes a report's files as one set (see writeAllAtomic), but for those that already hold their new bytes. */
function writeAsSet(files: readonly GeneratedFile[], { root, outDir }: EmitOptions): EmittedReport {
  const outputs = inWriteOrder(files).flatMap((file) => {
    const target = join(outDir, file.name);
    // A file that already holds these bytes is left as it is: its time stays, for the tools that go by it (make, rsync, a CI's cache).
    return fileSha256(target) === file.sha256 ? [] : [{ target, data: file.data, shownAs: projectPath(root, target) }];
  });
  try {
    writeAllAtomic(outputs);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    return { ok: false, written: [], outputs: [...error.replaced], heldOpen: [], diagnostics: [writeProblem(error)] };
  }
  const written = files.map((file) => ({ path: projectPath(root, join(outDir, file.name)), sha256: file.sha256 }));
  return { ok: true, written, outputs: written.map((file) => file.path), heldOpen: [], diagnostics: [] };
}

/**
 * Writes the files as one set, in the same order as {@link writeAsSet} (the DOCX first: held open, it
 * fails before anything is replaced), except that one another program holds open gets its new version
 * beside it (`<name>.new.<ext>`) and the set is written again with that name in its place. Any other
 * failure leaves every file as it was (a watch once wrote them one by one, and a DOCX that could not
 * be written left the Markdown before it new and the manifest old, a set of two builds).
 */
function writeEachBeside(files: readonly GeneratedFile[], { root, outDir, write = writeAllAtomic }: EmitOptions): EmittedReport {
  const result: EmittedReport = { ok: false, written: [], outputs: [], heldOpen: [], diagnostics: [] };
  const targets = inWriteOrder(files).map((file) => ({ file, target: join(outDir, file.name), beside: false }));
  const shown = (target: string) => projectPath(root, target);
  for (;;) {
    try {
      write(targets.map(({ file, target }) => ({ target, data: file.data, shownAs: shown(target) })));
      break;
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      const held = targets.find((each) => shown(each.target) === error.file);
      if (!held || held.beside || !heldOpen(error.code)) {
        const hint = held?.beside ? `${error.file} is held open too. ${error.hint}` : error.hint;
        result.diagnostics.push(writeProblem(error, hint));
        result.outputs.push(...error.replaced);
        return result;
      }
      held.target = join(outDir, `${basename(held.file.name, extname(held.file.name))}.new${extname(held.file.name)}`);
      held.beside = true;
    }
  }
  // Listed in the build's order, as writeAsSet lists them.
  for (const { file, target, beside } of files.flatMap((file) => targets.filter((each) => each.file === file))) {
    result.outputs.push(shown(target));
    result.written.push({ path: shown(target), sha256: file.sha256 });
    if (beside) result.heldOpen.push({ target: shown(join(outDir, file.name)), writtenTo: shown(target) });
  }
  result.ok = true;
  return result;
}

/**
 * What a failed build of a meeting left written, for its line: "nothing written", or the files it
 * had already replaced when a later one failed (a set whose old versions could not all be put back).
 */
export function failedWritesNote(outputs: readonly string[]): string {
  return outputs.length ? `only partly written (${outputs.join(', ')} replaced)` : 'nothing written';
}

/** What a build line adds about an earlier build's outputs this one did not write: those removed, and those left out of date. */
export function staleOutputsNote(removed: readonly string[] = [], left: readonly string[] = [], outputs: readonly string[] = []): string {
  // Of this report's name: a format not asked for this time. Of another: the file code changed since.
  const stem = (path: string) => path.replace(/(\.manifest)?\.[^./]+$/, '');
  const stems = new Set(outputs.map(stem));
  const why = removed.some((path) => stems.has(stem(path))) ? 'which this one did not write: name every format you want kept with --format' : 'under the file code the meeting had then';
  return (
    (removed.length ? `; removed ${removed.join(', ')} (an earlier build's, ${why})` : '') +
    (left.length ? `; ${left.join(', ')} is an earlier build's, out of date, and was changed since or is held open: left as it is` : '')
  );
}
