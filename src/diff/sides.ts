import { existsSync, statSync } from 'node:fs';
import { projectPath } from '../load/files.js';
import { localTimeOf, utcSeconds } from '../model/date.js';
import { fileAtCommit } from '../load/revision.js';
import { userName, type Commit, type Repository } from '../load/git.js';
import type { ProjectFiles } from '../load/project-files.js';
import type { Project } from '../load/project.js';
import { sameNameOtherLetters } from '../load/letter-forms.js';
import type { DocxMeta } from '../docx/index.js';
import type { DocumentDiff, Version } from './compare.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** One version of the compared file: the working tree, a commit, or what a manifest recorded. */
export type Source = { kind: 'file'; label: string } | { kind: 'commit'; commit: Commit } | { kind: 'manifest'; label: string; path: string };

/** How two versions are compared and dated. */
export interface CompareOptions {
  /** Count whitespace-only changes. */
  whitespace: boolean;
  /** From SOURCE_DATE_EPOCH: the date of working-tree versions. */
  sourceDateEpoch?: number | undefined;
}

/** The two sides of a comparison: the current project, where each version comes from, and which files. */
export interface Sides {
  project: Project;
  repo: Repository | undefined;
  from: Source;
  to: Source;
  /** The file of the older version (the only file, unless two were given). */
  first: string;
  /** The file of the newer version. */
  second: string;
  options: CompareOptions;
}

/** What the comparison of two versions produced, before formatting. */
export interface Compared {
  diff: DocumentDiff;
  meta: DocxMeta;
  created: Date;
}

/** One file of a version, through the loader's files: the working tree's, or the commit's in memory. */
export function fileOf(project: Project, repo: Repository | undefined, source: Source, file: string): { files: ProjectFiles; path: string } {
  if (source.kind === 'commit') return fileAtCommit(requireRepo(repo), source.commit, file, project.root);
  return { files: project.files, path: projectPath(project.root, file) };
}

/** The version's label, date and author, as the diff's header shows them. */
export function versionOf(source: Source, repo: Repository | undefined, files: readonly string[], options: CompareOptions): Version {
  if (source.kind === 'commit') return { label: source.commit.label, commit: source.commit.hash, date: source.commit.date, localTime: source.commit.localTime, author: source.commit.author };
  const { date, localTime } = modified(source.kind === 'manifest' ? [source.path] : files, options);
  // The configured git user is asked only when the author is shown (JSON, a DOCX redline), once a run.
  return {
    label: source.label,
    commit: null,
    date,
    localTime,
    get author(): string {
      return userHere(repo);
    },
  };
}

/**
 * The user asked of git, by the run's repository: each command opens its own, so a process that runs
 * many commands (the resident server, watch) asks again on the next, after `git config user.name`
 * may have changed; keyed by the folder, its redlines kept the first name for as long as it lived.
 */
const configuredUsers = new WeakMap<Repository, string>();

/** Who commits in this repository (`git config user.name`), else `briefing`; asked of git once a run. */
function userHere(repo: Repository | undefined): string {
  if (!repo) return 'briefing';
  let user = configuredUsers.get(repo);
  if (user === undefined) {
    user = userName(repo) ?? 'briefing';
    configuredUsers.set(repo, user);
  }
  return user;
}

/**
 * SOURCE_DATE_EPOCH when set, else the latest modification time of the files: a working-tree version's
 * date, and its local time: the computer's clock when a file was saved (at 00:40 in Riga, that day, not
 * the evening before in UTC), and UTC's for SOURCE_DATE_EPOCH, which gives the same output in every zone.
 */
function modified(files: readonly string[], options: CompareOptions): { date: string; localTime: string } {
  if (options.sourceDateEpoch !== undefined) {
    const date = utcSeconds(new Date(options.sourceDateEpoch * 1000));
    return { date, localTime: date.slice(0, 19) };
  }
  const saved = new Date(Math.floor(Math.max(0, ...files.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0))) / 1000) * 1000);
  return { date: utcSeconds(saved), localTime: localTimeOf(saved) };
}

/**
 * A problem of a version the source holds, with the hint that version calls for: a conflict's markers
 * committed in it are mended in the working tree and committed again, not with `git add` of the file
 * the loader named `HEAD~1:<file>`, which git takes for no file; any other problem as it is.
 */
export function atSource(problem: Diagnostic, source: Source): Diagnostic {
  if (source.kind !== 'commit' || problem.ruleId !== 'file/merge-conflict') return problem;
  return {
    ...problem,
    hint: `The markers were committed so at \`${source.commit.label}\`: keep the text that should stand and delete the marker lines in the working tree, commit that, and compare with the new commit; or compare other revisions.`,
  };
}

/** The prefix that marks messages about a past version (`HEAD~1:`), or null for the working tree. */
export function sourceLabel(source: Source): string | null {
  return source.kind === 'commit' ? source.commit.label : source.kind === 'manifest' ? source.label : null;
}

/**
 * The compared file, or both files when two were given (or the file was renamed); two paths that differ
 * only in how a letter is written, composed or decomposed (a folder back from a Mac), are told apart.
 */
export function fileLabel(project: Project, first: string, second: string): string {
  if (first === second) return shownFile(project, first);
  const older = shownFile(project, first);
  const newer = shownFile(project, second);
  return `${older} → ${newer}${sameNameOtherLetters(newer, older, 'in the newer') ?? ''}`;
}

/**
 * A compared file as the output names it: from the project's folder, or where it is when that is
 * outside the project (`/tmp/old.yaml`, the pipe `/dev/fd/63` of `diff <(git show …) x.yaml`), not
 * as `../../dev/fd/63`.
 */
export function shownFile(project: Project, file: string): string {
  const path = projectPath(project.root, file);
  return path === '..' || path.startsWith('../') ? file : path;
}

/** The repository, which a version from git or a manifest needs. */
export function requireRepo(repo: Repository | undefined): Repository {
  if (!repo) throw new Error('diff: a git repository was expected');
  return repo;
}
