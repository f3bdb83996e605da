import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** How to make a PDF: which LibreOffice, and whether to make PDF/A-2b. */
export interface PdfOptions {
  office: string;
  pdfA: boolean;
}

/** The outcome of one conversion: the PDF's bytes, or why there are none. */
export type PdfResult = { bytes: Uint8Array } | { failure: string };

/**
 * Turns DOCX bytes into PDF bytes with LibreOffice headless. Each conversion runs in its
 * own temporary folder with its own LibreOffice profile (`-env:UserInstallation`), so
 * conversions running side by side (worker threads of a batch, two builds at once) never
 * share a profile, which LibreOffice does not allow; the folder is removed afterwards.
 */
export async function convertToPdf(docx: Uint8Array, options: PdfOptions): Promise<PdfResult> {
  const folder = mkdtempSync(join(tmpdir(), 'briefing-pdf-'));
  try {
    const input = join(folder, 'report.docx');
    writeFileSync(input, docx);
    const filter = options.pdfA ? 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}' : 'pdf:writer_pdf_Export';
    const args = [`-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', folder, input];
    try {
      await run(options.office, args, { timeout: 120_000, windowsHide: true });
    } catch (error) {
      return { failure: reason(error) };
    }
    try {
      return { bytes: new Uint8Array(readFileSync(join(folder, 'report.pdf'))) };
    } catch {
      return { failure: 'LibreOffice finished without writing a PDF' };
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The last thing LibreOffice said on stderr, or how it ended. */
function reason(error: unknown): string {
  const said = error instanceof Error && 'stderr' in error && typeof error.stderr === 'string' ? error.stderr.trim().split('\n').at(-1) : undefined;
  if (said) return said;
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'the program could not be started';
  return 'it stopped with an error';
}
