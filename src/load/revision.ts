import { dirname, join } from 'node:path';
import { configSchema } from '../model/config.js';
import { MANIFEST_FORMAT, manifestSchema, type Manifest, type ManifestFile } from '../model/manifest.js';
import { UsageError } from '../diagnostics/errors.js';
import { projectPath, readText, sha256 } from './files.js';
import { hasNoCommit, isShallowClone, listFiles, missingAtCommit, namesAt, readBlobBytes, readBlobs, repositoryPath, showFile, type Commit, type Repository } from './git.js';
import { UNSHALLOW_HINT } from './git-failures.js';
import { spelledAsThere } from './letter-forms.js';
import { memoryFiles } from './memory-files.js';
import type { ProjectFiles } from './project-files.js';
import { CONFIG_FILE, findProjectRoot } from './project-root.js';
import { NPM, packageManagerIn } from './package-manager.js';
import { parseYaml } from './yaml.js';
import { isRecord } from '../util/record.js';
import { shellWord } from '../util/shell.js';
import type * as z from 'zod';

/**
 * The project as it was at a commit — config, ministries registry, the meeting, every
 * position and the templates — read from git into memory (nothing is written); a file read as
 * bytes (the reference DOCX the config or a template names) is read from that commit when asked.
 */
export function projectAtCommit(repo: Repository, commit: Commit, projectRoot: string, meetingPath: string): ProjectFiles {
  const prefix = projectFolderAt(repo, commit, repositoryPath(repo, projectRoot), meetingPath);
  const inRepo = (path: string) => (prefix ? `${prefix}/${path}` : path);
  const configText = showFile(repo, commit, inRepo(CONFIG_FILE));
  if (configText === undefined) throw new UsageError(`There is no ${CONFIG_FILE} at ${commit.label}.`, 'Pick a revision from after the project was set up.');
  const paths = configSchema.safeParse(parseYaml(CONFIG_FILE, configText).data).data?.paths ?? configSchema.shape.paths.parse(undefined);
  const meeting = inRepo(meetingPath);
  const folders = [paths.ministries, paths.positions, paths.templates];
  const listed = listFiles(repo, commit, [meeting, ...folders.map(inRepo)]);
  // The config's values are read composed; a folder committed from a Mac may be named decomposed: looked for so when nothing was listed.
  const unlisted = folders.filter((folder) => !listed.some((file) => file.path === inRepo(folder) || file.path.startsWith(`${inRepo(folder)}/`)));
  const tree = treeAt(repo, commit, prefix);
  const respelled = unlisted.map((folder) => spelledAsThere(tree, folder)).filter((folder, index) => folder !== unlisted[index]);
  if (respelled.length) listed.push(...listFiles(repo, commit, respelled.map(inRepo)));
  if (!listed.some((file) => file.path === meeting)) throw missingAtCommit(repo, commit, meeting, join(repo.top, meeting), projectRoot, meetingPath);
  const blobs = readBlobs(repo, listed.map((file) => file.blob));
  const files = new Map<string, string>([[CONFIG_FILE, configText]]);
  for (const file of listed) {
    const text = blobs.get(file.blob);
    if (text !== undefined) files.set(prefix ? file.path.slice(prefix.length + 1) : file.path, text);
  }
  // A file read as bytes (the reference DOCX) committed from a Mac may be named decomposed too: looked for so when not there as named.
  const bytesOf = (path: string) => readBlobBytes(repo, `${commit.hash}:${inRepo(path)}`);
  return memoryFiles(commit.hash, files, (path) => {
    const bytes = bytesOf(path);
    if (bytes !== undefined) return bytes;
    const spelled = spelledAsThere(tree, path);
    return spelled === path ? undefined : bytesOf(spelled);
  });
}

/** A commit's tree under the project's folder (`prefix`), as much of it as {@link spelledAsThere} asks: each folder listed once. */
function treeAt(repo: Repository, commit: Commit, prefix: string): Pick<ProjectFiles, 'kind' | 'names'> {
  const listed = new Map<string, string[]>();
  const names = (folder: string): string[] => {
    let found = listed.get(folder);
    if (!found) {
      found = namesAt(repo, commit, prefix && folder ? `${prefix}/${folder}` : prefix || folder);
      listed.set(folder, found);
    }
    return found;
  };
  const kind = (path: string): 'file' | undefined => {
    const slash = path.lastIndexOf('/');
    return names(slash < 0 ? '' : path.slice(0, slash)).includes(path.slice(slash + 1)) ? 'file' : undefined;
  };
  return { kind, names };
}

/**
 * The project's folder in the repository at a commit: where it is now (`current`), or, where the project
 * was moved since (`git mv eu/briefings eu/zinojumi`), the one folder that held a config and this meeting
 * then. A usage error naming the configs there when none or several could be it.
 */
function projectFolderAt(repo: Repository, commit: Commit, current: string, meetingPath: string): string {
  const elsewhere = projectsElsewhere(repo, commit, current);
  if (!elsewhere) return current;
  const { held, configs, folders } = elsewhere;
  const withMeeting = folders.filter((folder) => held.has(inFolder(folder, meetingPath)));
  const [moved] = withMeeting;
  if (withMeeting.length === 1 && moved !== undefined) return moved;
  if (!configs.length) throw new UsageError(`There is no ${CONFIG_FILE} at ${commit.label}.`, 'Pick a revision from after the project was set up.');
  throw new UsageError(
    `There is no ${CONFIG_FILE} at ${commit.label} in ${current || 'the top folder'}, where the project is now; there ${configs.length === 1 ? 'was' : 'were'} ${configs.sort().join(' and ')}.`,
    `Compare the two files as they are: \`git show ${commit.label}:<old path of the meeting> > old.yaml\`, then \`briefing diff old.yaml ${shellWord(meetingPath)}\`.`,
  );
}

/** Where projects were at a commit, when the project's folder now held no config there: {@link projectsElsewhere}. */
interface ProjectsThen {
  /** Every file of the commit, from the repository's top. */
  held: ReadonlySet<string>;
  /** The configs it had. */
  configs: string[];
  /** The folders that held them (empty for the top). */
  folders: string[];
}

/**
 * Undefined when the project's folder now (`current`, from the repository's top) held its config at the
 * commit; else every folder that held a config then, one of which is the project's when it was moved
 * since (`git mv eu/briefings eu/zinojumi`).
 */
function projectsElsewhere(repo: Repository, commit: Commit, current: string): ProjectsThen | undefined {
  if (showFile(repo, commit, inFolder(current, CONFIG_FILE)) !== undefined) return undefined;
  const paths = listFiles(repo, commit, ['.']).map((file) => file.path);
  const configs = paths.filter((path) => path === CONFIG_FILE || path.endsWith(`/${CONFIG_FILE}`));
  const folders = configs.map((path) => path.slice(0, -CONFIG_FILE.length).replace(/\/$/, ''));
  return { held: new Set(paths), configs, folders };
}

/**
 * The folders a moved project may have been in (see {@link projectsElsewhere}): the one that held the file
 * `named` (from the project's folder) when one alone did, so that another project's position of the same
 * id is not taken for it; else every one. Undefined when the project was where it is now.
 */
function projectsThen(elsewhere: ProjectsThen | undefined, named: string): string[] | undefined {
  if (!elsewhere) return undefined;
  const holding = elsewhere.folders.filter((folder) => elsewhere.held.has(inFolder(folder, named)));
  return holding.length === 1 ? holding : elsewhere.folders;
}

/** `path` inside `folder` (from the repository's top; empty for the top). */
function inFolder(folder: string, path: string): string {
  return [folder, path].filter(Boolean).join('/');
}

/**
 * One file as it was at a commit, in memory, under its path from the repository's folder:
 * a usage error, naming it from `projectRoot`, when it did not exist there. Read with the commit when it was, else now.
 */
export function fileAtCommit(repo: Repository, commit: Commit, absolutePath: string, projectRoot: string): { files: ProjectFiles; path: string } {
  const text = commit.files.has(absolutePath) ? commit.files.get(absolutePath) : showFile(repo, commit, repositoryPath(repo, absolutePath));
  if (text === undefined) throw missingAtCommit(repo, commit, repositoryPath(repo, absolutePath), absolutePath, projectRoot);
  const path = projectPath(repo.cwd, absolutePath);
  return { files: memoryFiles(commit.hash, new Map([[path, text]])), path };
}

/**
 * The one position file with this id in the project's positions folder (`positions`, from `projectRoot`;
 * `named`: the position's file now, from there) at a commit, in memory as {@link fileAtCommit} gives a file: a position renamed since (`git mv`) keeps
 * its id, so its version there is found under its name there. Where the project's folder was moved since
 * (`git mv eu/briefings eu/zinojumi`), the positions folder of each folder that then held a config is
 * looked in, and the file is named as it was in the project. Undefined when no file, or more than one, has the id.
 */
export function positionAtCommit(repo: Repository, commit: Commit, at: { projectRoot: string; positions: string; named: string }, id: string): { files: ProjectFiles; path: string; absolutePath: string } | undefined {
  const { projectRoot, positions, named } = at;
  const current = repositoryPath(repo, projectRoot);
  const projects = projectsThen(projectsElsewhere(repo, commit, current), named) ?? [current];
  const positionsOf = (project: string) => inFolder(project, positions) || '.';
  const listed = listFiles(repo, commit, projects.map(positionsOf)).filter((file) => /\.ya?ml$/i.test(file.path));
  const blobs = readBlobs(repo, listed.map((file) => file.blob));
  const found = listed.flatMap((file) => {
    const text = blobs.get(file.blob);
    if (text === undefined || !text.includes(id)) return [];
    const data: unknown = parseYaml(file.path, text).data;
    return typeof data === 'object' && data !== null && 'id' in data && data.id === id ? [{ ...file, text }] : [];
  });
  const [only] = found;
  if (!only || found.length > 1) return undefined;
  // The project it was in: the deepest of those whose positions folder holds it.
  const holds = (project: string) => positionsOf(project) === '.' || only.path.startsWith(`${positionsOf(project)}/`);
  const project = projects.filter(holds).sort((a, b) => b.length - a.length)[0] ?? current;
  const absolutePath = join(projectRoot, project ? only.path.slice(project.length + 1) : only.path);
  const path = projectPath(repo.cwd, absolutePath);
  return { files: memoryFiles(commit.hash, new Map([[path, only.text]])), path, absolutePath };
}

/** Reads and checks a build manifest; a usage error when it is not one. */
export function readManifest(absolutePath: string, shownAs: string): Manifest {
  const text = readText(absolutePath, shownAs);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`${shownAs} is not valid JSON.`, 'Pass the <file_code>.manifest.json that briefing build wrote.');
  }
  const checked = manifestSchema.safeParse(data);
  if (!checked.success) throw notReadManifest(shownAs, data, checked.error.issues, projectCommand(absolutePath));
  const { template } = checked.data;
  return { ...checked.data, template: { ...template, files: template.files.map(olderBuiltIn) } };
}

/** Where briefing installed in the project keeps its files: versions before 3 December 2026 recorded a built-in template by this path, unmarked. */
const PROJECT_INSTALL = 'node_modules/briefing/';

/** A template file as this version records it: one an older version recorded under the project's node_modules/briefing is the tool's, built in. */
function olderBuiltIn(file: ManifestFile): ManifestFile {
  return !file.built_in && file.path.startsWith(PROJECT_INSTALL) ? { ...file, path: file.path.slice(PROJECT_INSTALL.length), built_in: true } : file;
}

/**
 * Why a JSON file is not a manifest this version reads: one of another format, or of this format with
 * a key it does not know or a value it does not take (written by another version of briefing, or
 * edited), is named so; only a file without `briefing_manifest` is no manifest at all.
 */
function notReadManifest(shownAs: string, data: unknown, issues: readonly z.core.$ZodIssue[], command: string): UsageError {
  const rebuild = `Run the version of briefing that wrote it (the project’s own, \`${command}\`), or build the report again to write one this version reads.`;
  if (!isRecord(data) || !('briefing_manifest' in data)) return new UsageError(`${shownAs} is not a briefing build manifest.`, 'Pass the <file_code>.manifest.json that briefing build wrote.');
  const format = data.briefing_manifest;
  if (typeof format === 'number' && format !== MANIFEST_FORMAT) return new UsageError(`${shownAs} is a build manifest of format ${JSON.stringify(format)}, written by another version of briefing; this one reads format ${MANIFEST_FORMAT}.`, rebuild);
  const [first] = issues;
  const where = (path: readonly PropertyKey[]) => path.map(String).join('.');
  const what = first?.code === 'unrecognized_keys' ? `\`${where([...first.path, first.keys[0] ?? ''])}\`: unknown key` : `\`${where(first?.path ?? [])}\`: ${first?.message ?? 'not as written'}`;
  return new UsageError(`${shownAs} is a build manifest this version of briefing cannot read (${what}), written by another version or edited.`, rebuild);
}

/** How the project a manifest lies in runs its own briefing (`pnpm exec briefing` where pnpm installs it); `npx briefing` outside a project. */
function projectCommand(manifestPath: string): string {
  try {
    return packageManagerIn(findProjectRoot(dirname(manifestPath))).exec;
  } catch {
    return NPM.exec;
  }
}

/** A relative, `/`-separated path that stays inside the project: no `..`, no empty or absolute parts. */
function isProjectPath(path: string): boolean {
  return !path.includes('\\') && !/^[A-Za-z]:/.test(path) && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * The project as a manifest recorded it: each recorded file fetched from git by its
 * blob id into memory, so it works even when the commit the build came from is unknown.
 * Built-in files (template, registry) come from the installed briefing.
 */
export function projectFromManifest(repo: Repository, manifest: Manifest, shownAs: string): ProjectFiles {
  const reference = manifest.reference_docx;
  const recorded = [manifest.meeting, ...manifest.positions, ...manifest.settings, ...manifest.template.files, ...(reference ? [reference] : [])].filter((file) => !file.built_in);
  const stray = recorded.find((file) => !isProjectPath(file.path));
  if (stray) {
    throw new UsageError(`${shownAs} records the file \`${stray.path}\`, which is not a path inside the project; nothing is compared.`, 'Pass the <file_code>.manifest.json that briefing build wrote, unedited.');
  }
  const texts = recorded.filter((file) => file !== reference);
  const blobs = readBlobs(repo, texts.flatMap((file) => [file.git_blob, ...(file.git_blob_lf ? [file.git_blob_lf] : [])]));
  const files = new Map<string, string>();
  for (const file of texts) {
    // Built in a checkout with CRLF ends whose repository stores LF: the stored text, with the ends the build read.
    const stored = file.git_blob_lf === undefined ? undefined : blobs.get(file.git_blob_lf)?.replaceAll('\n', '\r\n');
    const text = [blobs.get(file.git_blob), stored].find((candidate) => candidate !== undefined && sha256(candidate) === file.sha256);
    if (text === undefined) throw notInRepository(repo, file.path, shownAs);
    files.set(file.path, text);
  }
  // The reference DOCX is bytes: read as text, a Word file is mangled.
  const referenceBytes = reference && !reference.built_in ? readBlobBytes(repo, reference.git_blob) : undefined;
  if (reference && !reference.built_in && referenceBytes === undefined) throw notInRepository(repo, reference.path, shownAs);
  return memoryFiles(`manifest-${sha256(JSON.stringify(manifest)).slice(0, 16)}`, files, (path) => (path === reference?.path ? referenceBytes : undefined));
}

/** The error that a file as a manifest recorded it is not in git: built from uncommitted changes, or beyond a shallow clone's history. */
function notInRepository(repo: Repository, path: string, shownAs: string): UsageError {
  // A shallow clone holds only the newest commits' files: the build's may well be in the history it lacks.
  if (isShallowClone(repo)) return new UsageError(`The version of ${path} recorded in ${shownAs} is not in this shallow clone, whose history may stop short of it.`, UNSHALLOW_HINT);
  if (hasNoCommit(repo)) {
    return new UsageError(`The version of ${path} recorded in ${shownAs} is not in the git repository, which has no commit yet.`, 'Commit the files first (git add, then git commit), and build again: --since then compares with that build.');
  }
  // The manifest names blobs, not a commit: a blob no commit holds is an edit never committed, or history since rewritten (a force-push in CI, whose cache kept the manifest).
  return new UsageError(
    `The version of ${path} recorded in ${shownAs} is not in the git repository.`,
    'It was built from changes never committed, or from commits this repository no longer holds (amended or rebased away and pruned, or not fetched into this clone): compare with a commit instead, --from <revision>.',
  );
}
