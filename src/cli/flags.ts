import { UsageError } from '../report/errors.js';

/** The formats `build` writes. */
export type BuildFormat = 'md' | 'docx' | 'pdf';

/** `--format md,docx,pdf` → the formats to build; anything else is a usage error. */
export function parseFormats(value: string): BuildFormat[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const result: BuildFormat[] = [];
  for (const format of formats) {
    if (format !== 'md' && format !== 'docx' && format !== 'pdf') throw new UsageError(`Unknown format \`${format}\`.`, 'Use md, docx, pdf or a list such as md,docx,pdf.');
    result.push(format);
  }
  if (!result.length) throw new UsageError('No format given.', 'Use md, docx, pdf or a list such as md,docx,pdf.');
  return result;
}

/** `--jobs <n>` → a whole number of worker threads, at least 1. */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs needs a whole number of threads, at least 1, not \`${value}\`.`);
  return Number(value);
}

/** `--clearances AM,LM` → the ministry codes, blanks dropped. */
export function parseCodes(value: string): string[] {
  return value.split(',').map((code) => code.trim()).filter(Boolean);
}
