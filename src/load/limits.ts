import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The largest input file briefing reads: 16 MiB. A position of 5 MB builds in a few
 * seconds; a file many times larger is almost always a mistake (a pasted export, a log),
 * and would hold the whole build up, so it is refused before it is parsed.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** How many alias expansions one file may make; bounds "billion laughs" inputs. */
export const MAX_ALIAS_COUNT = 100;

/** `file/too-large`: the message for a file over {@link MAX_FILE_BYTES}, or undefined when it is within. */
export function fileTooLarge(path: string, text: string): Diagnostic | undefined {
  if (text.length * 3 <= MAX_FILE_BYTES) return undefined;
  const bytes = Buffer.byteLength(text);
  if (bytes <= MAX_FILE_BYTES) return undefined;
  const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return diagnostic(
    path,
    undefined,
    'error',
    'file/too-large',
    `The file is ${megabytes(bytes)}; briefing reads files up to ${megabytes(MAX_FILE_BYTES)}.`,
    'Split the text, or move long annexes out of the report and link to them.',
  );
}
