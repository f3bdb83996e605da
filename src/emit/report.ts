import { basename, extname, join } from 'node:path';
import { projectPath } from '../load/files.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { GeneratedFile } from '../model/output.js';
import { OutputError, writeAllAtomic, writeAtomic } from './write.js';

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
  /** Writes one file in `write-beside` mode; `writeAtomic` unless a test replaces it. */
  write?: typeof writeAtomic;
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
}

/** The one place a report's files are written: see {@link EmitOptions.heldOpen}. */
export function emitReport(files: readonly GeneratedFile[], options: EmitOptions): EmittedReport {
  return options.heldOpen === 'fail' ? writeAsSet(files, options) : writeEachBeside(files, options);
}

/** An output that could not be written, as the message every command gives. */
export function writeProblem(error: OutputError, hint = error.hint): Diagnostic {
  return diagnostic(error.file, undefined, 'error', 'output/write', error.message, hint);
}

/** Writes one file atomically; the `output/write` error when it cannot be written. */
export function writeOrProblem(target: string, data: string | Uint8Array, shownAs: string): Diagnostic | undefined {
  try {
    writeAtomic(target, data, shownAs);
    return undefined;
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    return writeProblem(error);
  }
}

/** The DOCX and the PDF first (Word or a viewer may hold them open: then nothing is replaced), the manifest last. */
const WRITE_ORDER: Record<GeneratedFile['format'], number> = { docx: 0, pdf: 1, md: 2, manifest: 3 };

function writeAsSet(files: readonly GeneratedFile[], { root, outDir }: EmitOptions): EmittedReport {
  const ordered = [...files].sort((a, b) => WRITE_ORDER[a.format] - WRITE_ORDER[b.format]);
  const outputs = ordered.map((file) => {
    const target = join(outDir, file.name);
    return { target, data: file.data, shownAs: projectPath(root, target) };
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

function writeEachBeside(files: readonly GeneratedFile[], { root, outDir, write = writeAtomic }: EmitOptions): EmittedReport {
  const result: EmittedReport = { ok: false, written: [], outputs: [], heldOpen: [], diagnostics: [] };
  for (const file of files) {
    const target = join(outDir, file.name);
    const shown = projectPath(root, target);
    try {
      write(target, file.data, shown);
      result.outputs.push(shown);
      result.written.push({ path: shown, sha256: file.sha256 });
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      if (error.code !== 'EBUSY' && error.code !== 'EPERM') {
        result.diagnostics.push(writeProblem(error));
        return result;
      }
      const beside = join(outDir, `${basename(file.name, extname(file.name))}.new${extname(file.name)}`);
      const besideShown = projectPath(root, beside);
      try {
        write(beside, file.data, besideShown);
      } catch (besideError) {
        if (!(besideError instanceof OutputError)) throw besideError;
        result.diagnostics.push(writeProblem(error, `${besideShown} is held open too. ${error.hint}`));
        return result;
      }
      result.outputs.push(besideShown);
      result.written.push({ path: besideShown, sha256: file.sha256 });
      result.heldOpen.push({ target: shown, writtenTo: besideShown });
    }
  }
  result.ok = true;
  return result;
}
