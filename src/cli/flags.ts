import { availableParallelism } from 'node:os';
import { UsageError } from '../diagnostics/errors.js';

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

/** How many worker threads `--jobs` may ask for, per core: each holds reports in memory, and more only wait. */
export const JOBS_PER_CORE = 4;

/**
 * `--jobs <n>` → a whole number of worker threads, from 1 to {@link JOBS_PER_CORE} × the
 * cores. More would not build faster, only take more memory (64 threads took 5 GB).
 */
export function parseJobs(value: string, cores = availableParallelism()): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs needs a whole number of threads, at least 1, not \`${value}\`.`);
  const most = JOBS_PER_CORE * cores;
  if (Number(value) > most) {
    throw new UsageError(
      `--jobs ${value} is more than this machine can use: at most ${most} (${JOBS_PER_CORE} per core, ${cores} ${cores === 1 ? 'core' : 'cores'}).`,
      'Leave --jobs out to use one thread per core, or give a smaller number.',
    );
  }
  return Number(value);
}

/** `--clearances AM,LM` → the ministry codes, blanks dropped. */
export function parseCodes(value: string): string[] {
  return value.split(',').map((code) => code.trim()).filter(Boolean);
}

/**
 * The parser of a flag whose value must say something: `--from "$BASE"` with the variable unset
 * passes an empty one, which was taken for no flag at all, so the wrong versions were compared
 * without a word (`what`: what the flag names, as the message says it).
 */
export function nonEmpty(flag: string, what: string): (value: string) => string {
  return (value) => {
    if (value.trim()) return value;
    throw new UsageError(`${flag} was given an empty value.`, `Give ${what}, or drop ${flag}.`);
  };
}
