import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { UsageError } from '../diagnostics/errors.js';
import { codePointName, forbiddenCharacterOffsets } from '../load/characters.js';

/** The formats `build` writes. */
export type BuildFormat = 'md' | 'docx' | 'pdf';

/** `--format md,docx,pdf` → the formats to build; anything else is a usage error. */
export function parseFormats(value: string): BuildFormat[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const result: BuildFormat[] = [];
  for (const format of formats) {
    if (format !== 'md' && format !== 'docx' && format !== 'pdf') throw new UsageError(`Unknown format \`${format}\`.`, unknownFormatHint(format));
    result.push(format);
  }
  if (!result.length) throw new UsageError('No format given.', 'Use md, docx, pdf or a list such as md,docx,pdf.');
  return result;
}

/** What to write instead of an unknown format; `json`, as `check --format json` takes it, is build's `--json`. */
function unknownFormatHint(format: string): string {
  const formats = 'Use md, docx, pdf or a list such as md,docx,pdf.';
  return format === 'json' ? `${formats} build prints its report as JSON with --json.` : formats;
}

/** How many worker threads `--jobs` may ask for, per core: each holds reports in memory, and more only wait. */
export const JOBS_PER_CORE = 4;

/**
 * `--jobs <n>` → a whole number of worker threads, from 1 to {@link JOBS_PER_CORE} × the
 * cores. More would not build faster, only take more memory (64 threads took 5 GB).
 */
export function parseJobs(given: string, cores = availableParallelism()): number {
  // Spaces around it, as a CI matrix's variable may leave them, as --shard takes them.
  const value = given.trim();
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs needs a whole number of threads, at least 1, not \`${given}\`.`);
  const most = JOBS_PER_CORE * cores;
  if (Number(value) > most) {
    throw new UsageError(
      `--jobs ${value} is more than this machine can use: at most ${most} (${JOBS_PER_CORE} per core, ${cores} ${cores === 1 ? 'core' : 'cores'}).`,
      'Leave --jobs out to use one thread per core, or give a smaller number.',
    );
  }
  return Number(value);
}

/** `clear --on-version <n>` → the position's version a ministry answered on: a whole number from 1, as `version` is. */
export function parseVersion(given: string): number {
  const value = given.trim();
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) throw new UsageError(`--on-version needs a position's version, a whole number from 1, not \`${given}\`.`);
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

/**
 * The parser of a flag whose text goes into a Word document (`diff --author`): a value that says
 * something, without a character a DOCX cannot hold (U+0001, U+FFFE …), which the writer would
 * leave out without a word, as files with one are refused (`file/forbidden-char`).
 */
export function documentText(flag: string, what: string): (value: string) => string {
  const given = nonEmpty(flag, what);
  return (value) => {
    const offset = forbiddenCharacterOffsets(value)[0];
    if (offset !== undefined) {
      throw new UsageError(`${flag} holds the character ${codePointName(value.charAt(offset))}, which a Word document cannot contain.`, `Give ${what} without it.`);
    }
    return given(value);
  };
}

/**
 * The value of a flag naming the file a command writes instead of printing it, with `-` read as
 * standard output, as most tools read it: the same as no flag. diff refused it ("this name says
 * none of them") and reference-docx took it for a name ("name it so, e.g. -o -.docx").
 */
export function dashAsStandardOutput(value: string | undefined): string | undefined {
  return value === '-' ? undefined : value;
}

/**
 * The parser of a flag naming the folder a command writes its files into: a value that says
 * something, and not `-`, which means standard output to most tools and which build took for a
 * folder of that name (`build --out -` wrote `./-/IZMzin_190221_EDUC.md`, printing nothing).
 */
export function outputFolder(flag: string): (value: string) => string {
  const given = nonEmpty(flag, 'a folder');
  return (value) => {
    if (value === '-') {
      throw new UsageError(
        `${flag} - : ${flag} names the folder the files are written into; it cannot be standard output (-), as a report is several files.`,
        `Give a folder, e.g. ${flag} out/ (a folder named - is ${flag} ./-).`,
      );
    }
    return given(value);
  };
}

/** Two values of a list flag as one list, each item once (`am,lm` and `AM` → `am,lm`): a code named twice is refused. */
function joinedList(first: string, second: string): string {
  const items = new Map<string, string>();
  for (const item of parseCodes(`${first},${second}`)) {
    if (!items.has(item.toLowerCase())) items.set(item.toLowerCase(), item);
  }
  return [...items.values()].join(',');
}

/**
 * Makes every option of `command` and its subcommands that takes a value refuse a second,
 * different value. Left alone, the last one counts and the first is dropped without a word:
 * `clear x -m LM -m AM` would record AM's answer alone while the user believes both are
 * recorded. The same value twice changes nothing and passes.
 */
export function refuseRepeatedOptions(command: Command): void {
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.variadic) continue;
    const parse = option.parseArg;
    // A flag that takes a comma-separated list (build --format, --clearances) holds both values in one.
    const takesList = parse === parseFormats || parse === parseCodes;
    const flag = option.long ?? option.flags;
    let first: string | undefined;
    option.argParser((value: string, previous: unknown) => {
      if (first !== undefined && value !== first) {
        throw new UsageError(
          `${flag} is given twice, as \`${first}\` and as \`${value}\`: only one can count, so nothing was done.`,
          takesList ? `Give it once, with both in its list: ${flag} ${joinedList(first, value)}.` : 'Give it once. For several values, run the command once for each.',
        );
      }
      first = value;
      return parse ? parse(value, previous) : value;
    });
  }
  for (const subcommand of command.commands) refuseRepeatedOptions(subcommand);
}
