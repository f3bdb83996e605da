import type { Config } from '../model/index.js';
import type { Format } from '../model/index.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PdfOptions } from './convert.js';
import { findOffice, OFFICE_PACKAGE } from './office.js';

/** The formats a build can write, how to make its PDF, and the problem when it cannot. */
export interface PdfPlan {
  formats: readonly Format[];
  pdf?: PdfOptions;
  problem?: Diagnostic;
}

/**
 * Decides how a build makes its PDF. `office` is the LibreOffice to use (null: none
 * installed; undefined: look on PATH and in the usual places). Without LibreOffice the
 * PDF is dropped from the formats, so the others are still written, and one error says
 * what to install (the build then exits with 1).
 */
export function planPdf(formats: readonly Format[], config: Config, fromConfig: boolean, office?: string | null): PdfPlan {
  if (!formats.includes('pdf')) return { formats };
  const found = office === undefined ? findOffice(process.env['PATH']) : office;
  if (found !== null) return { formats, pdf: { office: found, pdfA: config.pdf_a } };
  const others = formats.filter((format) => format !== 'pdf');
  const problem = diagnostic(
    fromConfig ? 'briefing.config.yaml' : '--format pdf',
    undefined,
    'error',
    'output/no-office',
    `No PDF written: LibreOffice is not installed (no soffice or libreoffice on PATH, nor where its installers put it); ${others.length ? 'the other formats were written' : 'the PDF was the only format asked for, so nothing was built'}.`,
    `Install it (Debian/Ubuntu: apt-get install ${OFFICE_PACKAGE}; elsewhere from libreoffice.org) and build again.`,
  );
  return { formats: others, problem };
}
