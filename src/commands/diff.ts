import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DocumentDiff } from '../diff/compare.js';
import { formatJson } from '../diff/format/json.js';
import { formatMarkdown } from '../diff/format/markdown.js';
import { formatTerminal } from '../diff/format/terminal.js';
import { comparePositions } from '../diff/positions.js';
import { fileOf, shownFile, type Compared, type Source } from '../diff/sides.js';
import { OutputError, writeAtomic } from '../emit/write.js';
import { BROKEN_LINK_HINT, brokenLink, isInside, namedPath, projectPath } from '../load/files.js';
import { namedFileProblem, type OutsideWords } from '../load/links.js';
import { openRepository, repositoryAt, resolveCommits, type Repository, type RepositoryAdvice } from '../load/git.js';
import { loadProject, withPositions, type Project } from '../load/project.js';
import { parseYaml } from '../load/yaml.js';
import { paint } from '../diagnostics/human.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { shellWord } from '../util/shell.js';
import { spelledOnDisk, writtenAnotherWay } from '../load/letter-forms.js';

/** Output formats of `briefing diff`. */
export type DiffFormat = 'terminal' | 'md' | 'docx' | 'json';

/** Options of `briefing diff`, as the CLI parsed them. */
export interface DiffOptions {
  cwd: string;
  /** One meeting or position file (compared between revisions), or two files (compared with each other). */
  files: readonly string[];
  /** Older revision; default HEAD. */
  from?: string;
  /** Newer revision; default the working tree. */
  to?: string;
  /** A build manifest: compare with the inputs of that build. */
  since?: string;
  format: DiffFormat;
  /** A one-line-per-position summary instead of the text. */
  stat: boolean;
  /** Count whitespace-only changes. */
  whitespace: boolean;
  /** Author of the tracked changes; default the later revision's author. */
  author?: string;
  /** Write the output to this file instead of returning it. */
  out?: string;
  /** Colour the terminal format. */
  colour: boolean;
  /** From SOURCE_DATE_EPOCH: the date of working-tree versions. */
  sourceDateEpoch?: number;
}

/** The outcome: 0 equal, 1 different, 2 could not compare. */
export interface DiffResult {
  exitCode: number;
  diagnostics: Diagnostic[];
  /** What to print, unless it was written to `--out`. */
  output?: string | Uint8Array;
  /** Where the output went, project-relative. */
  written?: string;
  diff?: DocumentDiff;
}

/**
 * Compares two versions of a position or of a whole report and formats the
 * difference. Versions come from git (`--from`, `--to`), from a build manifest
 * (`--since`) or from two files.
 */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  const settings = loadProject(options.cwd, { skipPositions: true });
  if (hasErrors(settings.setupDiagnostics)) return { exitCode: ExitCode.failure, diagnostics: sortDiagnostics(settings.setupDiagnostics) };
  // From the current folder, else from the root as every message names them (check's line pasted in a subfolder).
  const files = options.files.map((file) => namedPath(settings.root, options.cwd, file));
  const [first, second] = files;
  if (!first || files.length > 2) throw new UsageError('Name one file to compare between revisions, or two files to compare.', 'For example: briefing diff positions/educ/equity-achievements.yaml --from HEAD~1');
  if (second && (options.from || options.to || options.since)) throw new UsageError('Two files are compared as they are: --from, --to and --since need a single file.');
  if (options.since && options.from) throw new UsageError('Use either --since or --from, not both.');
  if (options.stat && options.format === 'docx') throw new UsageError('--stat prints a summary; it has no DOCX form.', 'Use --format terminal, md or json with --stat.');
  const since = options.since === undefined ? undefined : namedPath(settings.root, options.cwd, options.since);
  if (options.out) refuseReadFile(options.cwd, options.out, since ? [...files, since] : files);
  // Each named file is checked before git is asked: a path git cannot name, or a folder, would fail there.
  const workingTree = second ? files : options.to ? [] : [first];
  const unusable = files.flatMap((file) => namedFileProblems(settings, file, workingTree.includes(file), second !== undefined));
  if (unusable.length) return { exitCode: ExitCode.failure, diagnostics: unusable };

  // A position is compared on its own: the project's other positions are read only for a report (and the build cache, with its schema, loaded only then).
  const byFolder = folderKind(settings, first);
  const project = byFolder === 'position' ? settings : withPositions(settings, { knownPositionIds: (await import('../batch/cache.js')).knownPositionIds(options.cwd) });

  // Both revisions, and a position's text at each, come from one git process, and nothing is
  // asked of git before it. `--since` alone names no revision: the repository is checked up front.
  const toRevision = second || !options.to ? undefined : options.to;
  const fromRevision = second || options.since ? undefined : (options.from ?? 'HEAD');
  const revisions = [toRevision, fromRevision].filter((revision) => revision !== undefined);
  const repo = second ? undefined : revisions.length ? repositoryAt(options.cwd, REPOSITORY_ADVICE) : openRepository(options.cwd, REPOSITORY_ADVICE);
  const commits = new Map((repo ? resolveCommits(repo, revisions, byFolder === 'meeting' ? [] : [first]) : []).map((commit) => [commit.label, commit]));
  const toCommit = toRevision === undefined ? undefined : commits.get(toRevision);
  const fromCommit = fromRevision === undefined ? undefined : commits.get(fromRevision);
  const to: Source = toCommit ? { kind: 'commit', commit: toCommit } : { kind: 'file', label: second ? shownFile(project, second) : 'working tree' };
  const from: Source = fromCommit
    ? { kind: 'commit', commit: fromCommit }
    : since
      ? { kind: 'manifest', label: projectPath(project.root, since), path: since }
      : { kind: 'file', label: shownFile(project, first) };

  const kind = byFolder ?? fileKind(project, first, repo, to, from);
  if (second) {
    // Two files of different kinds have nothing to compare: say so, not the one's schema errors as the other.
    const other = folderKind(project, second) ?? fileKind(project, second, repo, to, { kind: 'file', label: shownFile(project, second) });
    if (other !== kind) {
      throw new UsageError(
        `${shownFile(project, first)} is a ${kind} and ${shownFile(project, second)} a ${other}: diff compares two versions of one kind of file.`,
        'Name two meetings, or two positions.',
      );
    }
  }
  if (options.since && kind !== 'meeting') throw new UsageError('--since compares a meeting’s report with the build a manifest describes; name the meeting file.');
  const sides = { project, repo, from, to, first, second: second ?? first, options };
  // A whole report goes through the pipeline, and a redline through the DOCX compiler: loaded
  // only for those, so a position's diff in the terminal starts without them.
  const compared = kind === 'position' ? comparePositions(sides) : await (await import('../diff/meetings.js')).compareMeetings(sides);
  if ('diagnostics' in compared) return { exitCode: ExitCode.failure, diagnostics: sortDiagnostics(compared.diagnostics) };

  const output = await render(compared, options);
  const result: DiffResult = { exitCode: compared.diff.equal ? ExitCode.ok : ExitCode.problems, diagnostics: [], diff: compared.diff };
  if (options.out) {
    // A folder typed with composed letters is the one there written decomposed (made on a Mac), not a second one beside it.
    const target = spelledOnDisk(resolve(options.cwd, options.out));
    const shown = projectPath(project.root, target);
    try {
      writeAtomic(target, output, shown, { again: 'run diff again', elsewhere: 'with --out' });
    } catch (error) {
      if (error instanceof OutputError) throw new UsageError(error.message, error.hint);
      throw error;
    }
    result.written = shown;
  } else result.output = output;
  return result;
}

/**
 * An `--out` that names a file diff reads is refused: the diff would be written over the very
 * file compared (its uncommitted edits lost), or over the manifest `--since` names. The same file
 * is found through links and other spellings of its path too.
 */
function refuseReadFile(cwd: string, out: string, read: readonly string[]): void {
  const target = resolve(cwd, out);
  if (!read.some((file) => sameFile(file, target))) return;
  throw new UsageError(`--out ${shellWord(out)} is a file diff reads: writing the diff there would replace it.`, 'Name another file for the diff, e.g. --out review.md.');
}

/** Whether two paths name one file: the same path, or the same file on disk (a link to it, another case on a case-blind disk). */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [one, other] = [statSync(a), statSync(b)];
    return one.dev === other.dev && one.ino === other.ino;
  } catch {
    return false;
  }
}

/** With one file named, its versions come from git: what to do without a repository or a commit. */
const REPOSITORY_ADVICE: RepositoryAdvice = {
  outside: 'Versions come from git: run briefing diff inside the repository, or compare two files.',
  noCommit: 'Commit the files first (git add, then git commit); until then two files can be compared: `briefing diff <old.yaml> <new.yaml>`.',
  revisionFlag: '--from',
};

/** With one file named, its versions come from the project's repository: what to say of one outside. */
const OUTSIDE_WORDS: OutsideWords = {
  message: 'This file is outside the project folder; diff reads its earlier versions from the project’s git repository.',
  hint: 'Run briefing in the project the file belongs to (-C <folder>), or compare two files as they are: `briefing diff <older file> <newer file>`.',
};

/**
 * Why a file named on the command line cannot be compared. With one file, its versions come
 * from this project's git repository, so it must lie inside the project (not through a link
 * out of it either); two files are read as they are, wherever they are. Either way a folder is
 * a usage error, like a wrong flag, and so is a file missing from the working tree when its
 * working-tree version is one of the sides.
 */
function namedFileProblems(project: Project, file: string, inWorkingTree: boolean, twoFiles: boolean): Diagnostic[] {
  const inside = isInside(project.root, file);
  const path = inside ? projectPath(project.root, file) : resolve(file) === resolve(project.root) ? '.' : file;
  const outside = twoFiles || path === '.' ? undefined : namedFileProblem(project.root, file, OUTSIDE_WORDS);
  if (outside) return [outside];
  const kind = existsSync(file) ? (statSync(file).isDirectory() ? 'folder' : 'file') : undefined;
  if (kind === 'folder') {
    throw new UsageError(`${path} is a folder; diff compares one file between revisions, or two files.`, `Name a meeting or a position file, e.g. ${project.config.paths.positions}/<folder>/<id>.yaml; \`briefing list positions\` shows them.`);
  }
  if (kind === undefined && inWorkingTree) {
    const link = brokenLink(file);
    if (link) return [diagnostic(path, undefined, 'error', 'input/not-found', `This is ${link}: there is no file to compare.`, BROKEN_LINK_HINT)];
    const another = writtenAnotherWay(project.root, resolve(file));
    if (another) return [diagnostic(path, undefined, 'error', 'input/not-found', `No such file as typed, ${another.message}`, another.hint)];
    const message = twoFiles ? 'No such file.' : 'No such file in the working tree, whose version diff compares with an earlier one.';
    const deleted = twoFiles ? '' : ' For a file deleted since, name both revisions: --from <revision> --to <revision>.';
    return [diagnostic(path, undefined, 'error', 'input/not-found', message, `Check the path; paths are relative to the current folder.${deleted}`)];
  }
  return [];
}

/** The file `-` on the command line stands for, as diff(1) takes it: standard input. */
export const STANDARD_INPUT = '/dev/stdin';

/** Meeting or position by the folder the file is in; undefined elsewhere. */
function folderKind(project: Project, file: string): 'meeting' | 'position' | undefined {
  const path = projectPath(project.root, file);
  const { meetings, positions } = project.config.paths;
  if (path.startsWith(`${meetings}/`)) return 'meeting';
  if (path.startsWith(`${positions}/`)) return 'position';
  return undefined;
}

/** Meeting or position, for a file outside both folders: by the file's keys. */
function fileKind(project: Project, file: string, repo: Repository | undefined, to: Source, from: Source): 'meeting' | 'position' {
  const path = projectPath(project.root, file);
  const { meetings, positions } = project.config.paths;
  const commit = to.kind === 'commit' ? to.commit : from.kind === 'commit' ? from.commit : undefined;
  const source: Source = project.files.kind(path) !== undefined || !commit || to.kind === 'file' ? { kind: 'file', label: path } : { kind: 'commit', commit };
  const found = fileOf(project, repo, source, file);
  const parsed = parseYaml(path, found.files.readText(found.path, path));
  const data = parsed.data;
  if (typeof data === 'object' && data !== null) {
    if ('questions' in data && 'date' in data) return 'meeting';
    if ('body' in data) return 'position';
  }
  // A file outside the project (`-`, read as /dev/stdin) named where it is: it was `../../../dev/stdin`.
  const shown = shownFile(project, file);
  const piped = file === STANDARD_INPUT;
  if (parsed.diagnostics.some((problem) => problem.ruleId === 'yaml/empty')) {
    throw new UsageError(
      `${shown} is empty: there is no version to compare.`,
      piped ? `Pipe the version in, e.g. \`git show HEAD~1:${positions}/<folder>/<id>.yaml | briefing diff - ${positions}/<folder>/<id>.yaml\`.` : 'Name the file that holds the version to compare.',
    );
  }
  // Saved as UTF-16 or in a code page, its keys cannot be read: that is why, not where it lies.
  const unreadable = parsed.diagnostics.find((problem) => problem.ruleId === 'file/encoding');
  if (unreadable) throw new UsageError(`Cannot tell whether ${shown} is a meeting or a position: ${unreadable.message}`, unreadable.hint);
  throw new UsageError(
    `Cannot tell whether ${shown} is a meeting or a position.`,
    piped ? 'A meeting has `date` and `questions`, a position `body`: pipe in the text of one of them.' : `Meetings live in ${meetings}/ and positions in ${positions}/.`,
  );
}

async function render(compared: Compared, options: DiffOptions): Promise<string | Uint8Array> {
  const { diff: result } = compared;
  switch (options.format) {
    case 'docx':
      return (await import('../diff/format/docx.js')).formatDocx(result, compared.meta, options.author ?? result.to.author, compared.created);
    case 'json':
      return formatJson(result, options.stat);
    case 'md':
      return formatMarkdown(result, options.stat);
    case 'terminal':
      return formatTerminal(result, options.stat, paint(options.colour));
  }
}
