import { Option, type Command } from 'commander';
import { statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { DiffFormat, DiffResult } from '../commands/diff.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { formatJsonReport } from '../diagnostics/json.js';
import { shellWord } from '../util/shell.js';
import { dashAsStandardOutput, documentText, nonEmpty } from './flags.js';
import { PROBLEMS_ON_STDERR, printProblems, sourceDateEpoch, type Io } from './io.js';
import { helpNotes } from './help-notes.js';

/** The flags of `briefing diff`, as commander parses them. */
interface DiffFlags {
  from?: string;
  to?: string;
  since?: string;
  format?: DiffFormat;
  stat: boolean;
  out?: string;
  author?: string;
  whitespace: boolean;
}

/** `briefing diff <files...>`: what changed in a position or a report, between revisions or two files. */
export function registerDiff(program: Command, io: Io): void {
  program
    .command('diff')
    .description('Show what changed in a position or a whole report between two versions.')
    .argument('<files...>', 'a meeting or position file (compared between revisions), or two files (compared with each other)')
    .option('--from <rev>', 'older version: a git revision (default: HEAD)', nonEmpty('--from', 'a revision (a commit, a branch, a tag)'))
    .option('--to <rev>', 'newer version: a git revision (default: the working tree)', nonEmpty('--to', 'a revision (a commit, a branch, a tag)'))
    .option('--since <manifest>', 'older version: the inputs of the build that wrote this <file_code>.manifest.json', nonEmpty('--since', 'the <file_code>.manifest.json a build wrote'))
    .addOption(new Option('-f, --format <format>', 'terminal, md, docx or json (default: terminal on a terminal, else md; or from --out’s extension)').choices(['terminal', 'md', 'docx', 'json']))
    .option('--stat', 'one line per position instead of the text', false)
    .option('-o, --out <file>', 'write the output to a file instead of printing it (-: print it)', nonEmpty('--out', 'a file name'))
    .option('--author <name>', 'author of the tracked changes in the DOCX (default: the newer revision’s author)', documentText('--author', 'a name'))
    .option('--whitespace', 'count changes of whitespace alone', false)
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing diff positions/educ/equity-achievements.yaml --from HEAD~1
  $ briefing diff meetings/2021-02-19-educ-informal.yaml --from HEAD~1 --format docx --out review.docx
  $ briefing diff meetings/2021-02-19-educ-informal.yaml --since out/IZMzin_190221_EDUC.manifest.json --stat
  $ briefing diff old.yaml new.yaml --format md

Exit codes: 0 no changes, 1 changes found, 2 could not compare.`),
    )
    .action(async (named: string[], given: DiffFlags) => {
      const flags = { ...given, out: dashAsStandardOutput(given.out) };
      // `-` is standard input, as diff(1) reads it (`git show v2:positions/x.yaml | briefing diff - positions/x.yaml`); it was "No such file".
      const { diff, STANDARD_INPUT } = await import('../commands/diff.js');
      const files = named.map((file) => (file === '-' ? STANDARD_INPUT : file));
      const format = outputFormat(flags, io.cwd());
      const result = await diff({
        cwd: io.cwd(),
        files,
        format,
        stat: flags.stat,
        whitespace: flags.whitespace,
        colour: io.stdoutColour,
        ...(flags.from ? { from: flags.from } : {}),
        ...(flags.to ? { to: flags.to } : {}),
        ...(flags.since ? { since: flags.since } : {}),
        ...(flags.author ? { author: flags.author } : {}),
        ...(flags.out ? { out: flags.out } : {}),
        ...sourceDateEpoch(),
      });
      await printDiff(io, result, format === 'json' && flags.out === undefined);
    });
}

/**
 * --format, else --out's extension, else terminal on a terminal and md in a pipe; never DOCX to a
 * terminal. A file whose name says another format, or none diff writes, is refused: `-o review.pdf`
 * wrote Markdown under that name.
 */
function outputFormat(flags: DiffFlags, cwd: string): DiffFormat {
  const named = flags.out === undefined ? undefined : formatOf(flags.out);
  const shell = flags.out === undefined ? '' : shellWord(flags.out);
  // A folder (`-o out --format docx`, the build's output folder) got the writer's words for a folder in a file's place:
  // "Move or remove that folder, or choose another folder with --out", where --out takes a file.
  if (flags.out !== undefined && isFolder(resolve(cwd, flags.out), flags.out)) {
    const extension = flags.format === 'docx' || flags.format === 'json' ? flags.format : 'md';
    throw new UsageError(`--out ${shell} is a folder; nothing written.`, `Name the file to write in it, e.g. --out ${shellWord(join(flags.out, `changes.${extension}`))}.`);
  }
  const other = flags.out === undefined ? undefined : OTHER_KINDS.exec(basename(flags.out))?.[1];
  if (other !== undefined) {
    throw new UsageError(
      `--out ${shell}: the name says a .${other.toLowerCase()} file, which diff does not write (it writes Markdown, a Word redline or JSON).`,
      'Name the file .md, .docx or .json.',
    );
  }
  if (flags.out !== undefined && flags.format === undefined && named === undefined) {
    throw new UsageError(
      `--out ${shell}: diff writes Markdown (.md), a Word redline (.docx) or JSON (.json), and this name says none of them.`,
      'Name the file .md, .docx or .json, or say which to write with --format md, docx or json.',
    );
  }
  if (flags.format !== undefined && named !== undefined && named !== flags.format) {
    const kinds = { md: 'a Markdown file', docx: 'a Word redline', json: 'JSON', terminal: 'the terminal' } as const;
    throw new UsageError(
      `--out ${shell} names ${kinds[named]}, but --format asks for ${kinds[flags.format]}.`,
      flags.format === 'terminal' ? 'Leave out --format: the file name decides.' : `Leave out --format (the file name decides), or name the file .${flags.format}.`,
    );
  }
  const format = flags.format ?? named ?? (process.stdout.isTTY ? 'terminal' : 'md');
  if (format === 'docx' && !flags.out && process.stdout.isTTY) {
    throw new UsageError('A DOCX is not for the terminal.', 'Add --out review.docx (or redirect the output to a file).');
  }
  return format;
}

/** Whether `path` (`typed` as given) is a folder: one that exists, or a name that ends as a folder's does (`reviews/`). */
function isFolder(path: string, typed: string): boolean {
  if (/[\\/]$/.test(typed)) return true;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Extensions of files diff never writes: a name with one would say the wrong kind of file, whatever
 * --format says. The project's own sources (YAML, templates) are among them: `--format md -o` a
 * position's name wrote the diff over the position, uncommitted edits and all.
 */
const OTHER_KINDS = /\.(pdf|doc|dot|dotx|docm|odt|rtf|xls|xlsx|ods|ppt|pptx|odp|html?|png|jpe?g|zip|ya?ml|hbs)$/i;

/** The format a file's extension names: `.md` (or `.markdown`), `.docx`, `.json`; undefined for any other. */
function formatOf(out: string): 'md' | 'docx' | 'json' | undefined {
  const extension = basename(out).toLowerCase().split('.').slice(1).at(-1);
  if (extension === 'markdown') return 'md';
  return extension === 'docx' || extension === 'json' || extension === 'md' ? extension : undefined;
}

/**
 * The problems on stderr; the difference on stdout (bytes for a DOCX), or where it was written.
 * With JSON on stdout, a comparison that could not be made prints the JSON report instead.
 */
async function printDiff(io: Io, result: DiffResult, jsonOnStdout: boolean): Promise<void> {
  await printProblems(io, result, PROBLEMS_ON_STDERR);
  if (result.output !== undefined) process.stdout.write(result.output);
  else if (jsonOnStdout && result.exitCode !== ExitCode.ok) console.log(formatJsonReport(result));
  if (result.written) console.error(io.err.dim(`wrote ${result.written}`));
  process.exitCode = result.exitCode;
}
