import { existsSync } from 'node:fs';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { fileURLToPath } from 'node:url';
import { configSchema, type Config } from '../model/config.js';
import { ministriesSchema, type Ministries } from '../model/ministries.js';
import { answerFingerprint } from '../model/position.js';
import { positionTextFingerprints } from '../model/translation.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../diagnostics/errors.js';
import { checkSchema } from './shape.js';
import { projectPath, readOrUnreadable, readText, sha256 } from './files.js';
import { diskFiles, type ProjectFiles } from './project-files.js';
import { joinList } from '../util/join-list.js';
import { mergeToolCopyHint, mergeToolCopyOf } from './merge-conflicts.js';
import { SAME_NAME_COPY_HINT, sameNameOtherLetters, spelledAsThere, spelledOnDisk } from './letter-forms.js';
import { changedSinceHead, changesSince, type ChangesSince, readCommittedTexts } from './git-changes.js';
import { isShallowClone, repositoryAt } from './git.js';
import { checkoutTop, inGitCheckout, repositoryState } from './git-state.js';
import { type GitFailedError, GitRefusedError, GitUnlinkedError } from './git-failures.js';
import { committedTexts } from './history.js';
import { committedMeetings, type CommittedMeeting } from './committed-meetings.js';
import { linkProblems } from './links.js';
import { setBounded } from '../util/bounded.js';
import { LazyPosition, scanHolder, scanPositionFiles, type CommittedFields, type LoadedPosition, type PositionFile } from './position-files.js';
import { projectLocations } from './project-paths.js';
import { loadReferenceDocx } from './reference-docx.js';
import type { ReferenceDocx } from '../model/reference-docx.js';
import type { ManifestFile } from '../model/manifest.js';
import { parseYaml, type YamlFile } from './yaml.js';
import { isRecord } from '../util/record.js';
import { suggest } from '../util/suggest.js';
import { writtenAnotherWay } from './letter-forms.js';
import { shellWord } from '../util/shell.js';

/** The name of the file that marks a project root. */
export const CONFIG_FILE = 'briefing.config.yaml';

export { positionIdKey, type LoadedPosition, type PositionFile } from './position-files.js';
export type { CommittedMeeting } from './committed-meetings.js';

/** Everything a build shares across meetings: settings, registry, positions, templates. */
export interface Project {
  root: string;
  /** Where the project's files are read: the disk, or a past version in memory. */
  files: ProjectFiles;
  config: Config;
  configFile: YamlFile;
  ministries: Ministries;
  ministriesFile: YamlFile;
  /** Positions by id; a duplicated id keeps the first file and reports the second. */
  positions: Map<string, LoadedPosition>;
  /** Every position file, sorted by path, with its hash and the id it claims (duplicates included). */
  positionFiles: PositionFile[];
  /** Problems in the config and the registry: they stop the whole run (exit 1, nothing built). */
  setupDiagnostics: Diagnostic[];
  /** Folders searched for templates, the project's first, then the built-in ones. */
  templateDirs: string[];
  /** The config's `layout.reference_docx`, read: the DOCX takes its styles, page set-up and letterhead. */
  reference?: ReferenceDocx | undefined;
  /** That reference DOCX as a report's manifest records it. */
  referenceFile?: ManifestFile | undefined;
  /** Hashes of the config, registry (and which file it is) and reference DOCX, part of every build's identity. */
  settingsHash: string;
  /** How messages name the commit `committedVersion` comes from: `git HEAD`, or the revision given (`check --base`). */
  versionsFrom: string;
  /** With `committedVersions`: the meeting files changed since that commit, with their committed texts' fingerprints (`meeting/translation-stale`). */
  committedMeetings: readonly CommittedMeeting[];
}

/** What a meeting file (project-relative) had committed, when it changed since (see {@link Project.committedMeetings}). */
export function committedMeetingAt(project: Pick<Project, 'committedMeetings'>, path: string): CommittedMeeting | undefined {
  return project.committedMeetings.find((meeting) => meeting.path === path);
}

/** The nearest folder at or above `dir` that exists. */
function existingAbove(dir: string): string {
  return existsSync(dir) || dirname(dir) === dir ? dir : existingAbove(dirname(dir));
}

/** Finds the project root: the nearest folder at or above `cwd` holding `briefing.config.yaml`. */
export function findProjectRoot(cwd: string): string {
  let dir = resolve(cwd);
  if (!existsSync(dir)) {
    const another = writtenAnotherWay(existingAbove(dir), dir);
    if (another) throw new UsageError(`The folder ${dir} does not exist as typed, ${another.message}`, another.hint);
    throw new UsageError(`The folder ${dir} does not exist.`, 'Check the path given to --cwd (-C), or run briefing inside the project.');
  }
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw noProjectError(resolve(cwd));
    dir = parent;
  }
}

/**
 * No project at or above `cwd`. In a git repository that holds one in a folder below (a monorepo's
 * `eu/briefings`, and a hook starts at the repository's top), that folder is named: `briefing init`
 * there would start a second project rather than find the first.
 */
function noProjectError(cwd: string): UsageError {
  const below = projectsBelow(cwd);
  const [first] = below;
  if (first === undefined) {
    return new UsageError(
      `No ${CONFIG_FILE} found in ${cwd} or any folder above it.`,
      // Under -C, the CLI gives the command as `briefing -C <folder> init`, which starts the project in that folder, not where it was typed.
      `Run briefing inside a briefing project, or pass --cwd <project folder>; to start one in that folder: \`briefing init\`.`,
    );
  }
  const where = below.length === 1 ? `the project below it is in ${first}` : `the projects below it are in ${below.join(', ')}`;
  return new UsageError(
    `No ${CONFIG_FILE} found in ${cwd} or any folder above it; ${where}.`,
    `Run briefing there: \`cd ${shellWord(first)}\` (in a git hook too, which starts at the top of the repository), or give briefing \`-C ${shellWord(first)}\`.`,
  );
}

/** The folders below `dir` holding a project, when `dir` is in a git checkout (a few levels down; not in node_modules nor hidden folders). */
function projectsBelow(dir: string): string[] {
  if (checkoutTop(dir) === undefined) return [];
  const found = globSync(`**/${CONFIG_FILE}`, { cwd: dir, deep: 5, ignore: ['**/node_modules/**'], followSymbolicLinks: false });
  return found.map((path) => posix.dirname(path)).sort();
}

/**
 * An empty config is said with what to write in it: the general hint for an empty file, "or delete it",
 * would leave the folder no project at all.
 */
function emptyConfigHint(problem: Diagnostic): Diagnostic {
  if (problem.ruleId !== 'yaml/empty') return problem;
  return { ...problem, hint: 'Write in it the ministry that issues the reports, e.g. `issuing_ministry: IZM`: the other settings have defaults. Removing the file would leave the folder no briefing project.' };
}

let ownRoot: string | undefined;

/**
 * The folder this package is installed in (holds the built-in templates and registry). Found
 * once per thread: every report's manifest asks, and the search walks up with `existsSync`.
 */
export function packageRoot(): string {
  if (ownRoot !== undefined) return ownRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('briefing: cannot find its own package folder');
    dir = parent;
  }
  ownRoot = dir;
  return dir;
}

/** The folder of the built-in templates, in the installed package. */
export function builtInTemplatesDir(): string {
  return join(packageRoot(), 'templates');
}

/** Whether a template file (project-relative, `../…` for the package's) is one of the built-in templates. */
export function isBuiltInTemplate(root: string, path: string): boolean {
  return resolve(root, path).startsWith(builtInTemplatesDir() + sep);
}

/** A commit other than HEAD that positions' versions are compared with: its hash, and how messages name it. */
export interface VersionBase {
  /** The commit's full hash: what git is asked, the same answer however the revision was written. */
  hash: string;
  /** The revision as the user wrote it (`origin/main`, `HEAD^1`). */
  label: string;
}

/** How to find the positions: scan the positions folder (the default), or take a scan already made. */
export interface LoadProjectOptions {
  /**
   * The position files as found by an earlier scan of this project (e.g. by the main
   * thread of a batch): they are not scanned again, and each is parsed on first use.
   */
  positionFiles?: readonly PositionFile[];
  /**
   * Ids of position files learnt by an earlier run (keyed by `positionIdKey`): such a file
   * is not parsed until used. Given this, a file parsed only to learn its id is not kept either.
   */
  knownPositionIds?: ReadonlyMap<string, string>;
  /**
   * Look up each changed position's version at git HEAD, for the rule that a version may
   * not go down and for the build cache's key (default false: only build, check and
   * watch need it, and it costs git processes).
   */
  committedVersions?: boolean;
  /** With `committedVersions`: the commit versions are compared with, when not git HEAD (`check --base`). */
  versionsFrom?: VersionBase;
  /** The changed meetings' committed texts as an earlier load found them (a batch's main thread): not asked of git again. */
  committedMeetings?: readonly CommittedMeeting[];
  /**
   * Leave the positions folder unread: `positions` and `positionFiles` are empty (default
   * false). For a command that reads one position file on its own, such as the diff of a
   * position; {@link withPositions} reads them if they turn out to be needed after all.
   */
  skipPositions?: boolean;
}

/**
 * Loads the config, the ministries registry and every position file of the project on the
 * disk that holds `cwd`. Problems are collected; only an unreadable config throws.
 */
export function loadProject(cwd: string, options: LoadProjectOptions = {}): Project {
  return loadProjectFrom(diskFiles(findProjectRoot(cwd)), options);
}

/**
 * Loads a project from its files (the disk, or a version held in memory): config,
 * ministries registry, positions. Built-in templates and registry come from the installed
 * package. Problems are collected; only an unreadable config throws.
 */
export function loadProjectFrom(files: ProjectFiles, options: LoadProjectOptions = {}): Project {
  const root = files.root;
  if (files.kind(CONFIG_FILE) === 'folder') {
    // As a container's volume makes it of a file that was not there to mount: "give the path of a file" told to give a path nobody gave.
    throw new UsageError(`${CONFIG_FILE} is a folder, not a file: briefing reads the project's settings from a file of that name.`, `Move the folder out of the way, and write the settings in a file ${CONFIG_FILE} in its place (\`issuing_ministry: IZM\` is enough: the other settings have defaults).`);
  }
  const configFile = parseYaml(CONFIG_FILE, files.readText(CONFIG_FILE));
  const configChecked = checkSchema(configFile, configSchema, 'config');
  const setupDiagnostics = [...configFile.diagnostics.map(emptyConfigHint), ...configChecked.diagnostics];
  const config = withPathsAsThere(files, configChecked.value ?? configSchema.parse({ issuing_ministry: 'IZM' }));

  const { locations, diagnostics: pathDiagnostics } = projectLocations(files, config, configFile);
  setupDiagnostics.push(...pathDiagnostics);
  const { file: ministriesFile, ministries, diagnostics: registryDiagnostics } = loadMinistries(files, locations.ministries);
  setupDiagnostics.push(...registryDiagnostics);
  if (ministriesFile.path !== BUILT_IN_REGISTRY && !hasErrors(registryDiagnostics)) setupDiagnostics.push(...renamingsMissing(ministriesFile, ministries));
  if (configChecked.value && Object.keys(ministries).length && !ministries[config.issuing_ministry]) {
    setupDiagnostics.push(
      diagnostic(
        CONFIG_FILE,
        configFile.locate(['issuing_ministry']),
        'error',
        'config/unknown-ministry',
        `The issuing ministry \`${config.issuing_ministry}\` is not in the ${ministriesFile.path === BUILT_IN_REGISTRY ? 'built-in ' : ''}ministries registry.`,
        issuerHint(config.issuing_ministry, Object.keys(ministries), ministriesFile.path === BUILT_IN_REGISTRY ? undefined : config.paths.ministries),
      ),
    );
  }

  const referencePath = config.layout.reference_docx;
  const loadedReference = referencePath === undefined ? undefined : loadReferenceDocx(files, referencePath, CONFIG_FILE, configFile.locate(['layout', 'reference_docx']), config.layout.paper);
  setupDiagnostics.push(...(loadedReference?.diagnostics ?? []));

  setupDiagnostics.push(...linkProblems(files, [locations.meetings, locations.positions, locations.templates]));
  // What changed since the commit compared with, in the positions and the meetings: one git process for both, run if either asks.
  const base = options.versionsFrom?.hash ?? 'HEAD';
  const diff = options.committedVersions ? changesSince(root, base, [locations.positions, locations.meetings].filter((folder) => folder !== undefined)) : undefined;
  const { positions, positionFiles, problems } = options.skipPositions
    ? { positions: new Map<string, LoadedPosition>(), positionFiles: [], problems: [] }
    : loadPositions(files, locations.positions, options, diff);
  setupDiagnostics.push(...problems);
  const committed =
    options.committedMeetings ??
    (diff && locations.meetings !== undefined ? committedMeetings(files, projectPath(root, locations.meetings), base, diff, (failed) => setupDiagnostics.push(unreadTextsProblem(failed, 'meetings'))) : []);
  const packageTemplates = builtInTemplatesDir();
  const templateDirs = [...new Set([...(locations.templates ? [locations.templates] : []), packageTemplates])];
  return {
    root,
    files,
    config,
    configFile,
    ministries,
    ministriesFile,
    positions,
    positionFiles,
    setupDiagnostics,
    templateDirs,
    ...(loadedReference?.reference ? { reference: loadedReference.reference, referenceFile: loadedReference.file } : {}),
    // The registry's path too: the built-in one and a project's copy of it have one text, but each report's manifest names which it was.
    settingsHash: sha256([configFile.text, ministriesFile.path, ministriesFile.text, ...(loadedReference ? [loadedReference.hash] : [])].join('\u0000')),
    versionsFrom: options.versionsFrom ? `\`${options.versionsFrom.label}\`` : 'git HEAD',
    committedMeetings: committed,
  };
}

/** A project loaded with `skipPositions`, with its positions read after all (`knownPositionIds` as {@link loadProject} takes it). */
export function withPositions(project: Project, options: Pick<LoadProjectOptions, 'knownPositionIds'> = {}): Project {
  const { locations } = projectLocations(project.files, project.config, project.configFile);
  return { ...project, ...loadPositions(project.files, locations.positions, options) };
}

/** The project's registry, or the built-in one when the project has none (or names one it cannot use). */
function loadMinistries(files: ProjectFiles, own: string | undefined) {
  const path = own === undefined ? undefined : projectPath(files.root, own);
  const file = path !== undefined && files.kind(path) !== undefined ? parseYaml(path, files.readText(path)) : builtInMinistriesFile();
  const checked = checkSchema(file, ministriesSchema, 'ministries registry');
  return { file, ministries: checked.value ?? {}, diagnostics: [...file.diagnostics, ...checked.diagnostics] };
}

/**
 * A project's own registry, copied before briefing knew of a ministry's later name (VARAM's of 2023):
 * each ministry the built-in registry gives a name from a day on that this one does not, at its code.
 * The reports of meetings from that day would print the earlier name. Likewise a ministry whose
 * `established` day (KEM's) this one lacks: meetings before it could require its clearance.
 */
function renamingsMissing(file: YamlFile, own: Ministries): Diagnostic[] {
  const builtInText = builtInMinistriesText();
  // A byte copy of the built-in registry (as the example has) lacks nothing of it: not parsed a second time.
  if (file.text === builtInText) return [];
  const builtIn = checkSchema(parseYaml(BUILT_IN_REGISTRY, builtInText), ministriesSchema, 'ministries registry').value ?? {};
  return Object.entries(own).flatMap(([code, ministry]) => {
    const outdated = outdatedEntry(code, ministry, builtIn[code]);
    if (outdated === undefined) return [];
    const hint = `${outdated.add} as node_modules/briefing/ministries.yaml has it (a copy of the registry made before briefing knew it), or delete ${file.path} to use the built-in one.`;
    return [diagnostic(file.path, file.locate([code], 'key'), 'warning', 'config/registry-outdated', outdated.message, hint)];
  });
}

/** What a project's entry for `code` lacks that the built-in one has: a later name, else the day it was established; undefined when nothing. */
function outdatedEntry(code: string, own: Ministries[string], builtIn: Ministries[string] | undefined): { message: string; add: string } | undefined {
  const known = new Set([own.nominative, ...(own.renamed ?? []).map((name) => name.nominative)]);
  const missing = (builtIn?.renamed ?? []).find((name) => !known.has(name.nominative));
  if (missing !== undefined) {
    return { message: `\`${code}\` has no later name here, but the registry built into briefing names it ${missing.nominative} from ${missing.from}: a report of a meeting from that day would print its earlier name.`, add: 'Add the renaming under `renamed:`' };
  }
  // The day a ministry was established (KEM's, 2023-01-01), which keeps a clearance by it from an earlier meeting.
  const established = builtIn?.established;
  if (established === undefined || own.established !== undefined) return undefined;
  return { message: `\`${code}\` has no \`established\` day here, but the registry built into briefing says it was established on ${established}: a meeting before that day may require its clearance without a word.`, add: `Add \`established: ${established}\` under \`${code}\`` };
}

/** The codes of the registry that comes with briefing (AM, FM, IZM, …), in its order. */
export function builtInMinistryCodes(): string[] {
  const data = builtInMinistriesFile().data;
  return typeof data === 'object' && data !== null ? Object.keys(data) : [];
}

/** The registry that comes with briefing: read from the installed package, whatever the project's files are. */
export function builtInMinistriesFile(): YamlFile {
  return parseYaml(BUILT_IN_REGISTRY, builtInMinistriesText());
}

/** The text of the registry that comes with briefing. */
function builtInMinistriesText(): string {
  return readText(join(packageRoot(), 'ministries.yaml'), BUILT_IN_REGISTRY);
}

/** How messages and manifests name the registry that comes with briefing (its file's path, for a project's own). */
export const BUILT_IN_REGISTRY = 'ministries.yaml (built-in)';

/**
 * What to do about an issuing ministry the registry lacks: the nearest code; a project's own registry
 * may have it added, but the built-in one lists every ministry, so a new ministries.yaml with it alone
 * would only replace them all.
 */
function issuerHint(code: string, codes: readonly string[], ownRegistry: string | undefined): string {
  if (ownRegistry !== undefined) return `Add it to ${ownRegistry}, or use one of: ${codes.join(', ')}.`;
  const nearest = suggest(code, codes);
  return `${nearest ? `Did you mean \`${nearest}\`? ` : ''}The built-in registry lists every ministry; use one of: ${codes.join(', ')}.`;
}

/**
 * The files that claim a position id, in path order. More than one is a `position/duplicate-id`
 * error; a command that reads or writes a position by its id must then not pick one of them.
 */
export function filesClaiming(project: Pick<Project, 'positionFiles'>, id: string): string[] {
  return project.positionFiles.filter((file) => file.id === id).map((file) => file.path);
}

/**
 * Reads every `*.yaml` under the positions folder, sorted by path; each is checked when
 * first used. A second file with an id already taken is reported on the first one's
 * record, so every meeting that uses the id sees the conflict.
 */
function loadPositions(files: ProjectFiles, absoluteFolder: string | undefined, options: LoadProjectOptions, diff?: ChangesSince) {
  const root = files.root;
  const folder = absoluteFolder === undefined ? undefined : projectPath(root, absoluteFolder);
  // A batch passes the ids it knows and parses lazily: a file parsed only to learn its id is then dropped, but for a long one, held until used.
  const parsed = new Map<string, LoadedPosition>();
  const holds = scanHolder();
  const held = new Set<string>();
  const keep = options.knownPositionIds
    ? (file: PositionFile, loaded: LoadedPosition) => {
        if (!holds(loaded)) return;
        parsed.set(file.path, loaded);
        held.add(file.path);
      }
    : (file: PositionFile, loaded: LoadedPosition) => parsed.set(file.path, loaded);
  const problems: Diagnostic[] = [];
  const positionFiles =
    options.positionFiles !== undefined
      ? [...options.positionFiles]
      : folder === undefined
        ? []
        : options.committedVersions
          ? withCommittedVersions(files, join(root, folder), scanPositionFiles(files, folder, options.knownPositionIds, keep), problems, options.versionsFrom?.hash, diff)
          : scanPositionFiles(files, folder, options.knownPositionIds, keep);
  const positions = new Map<string, LazyPosition>();
  for (const file of positionFiles) {
    const loaded = new LazyPosition(files, file, parsed.get(file.path), held.has(file.path));
    const earlier = positions.get(file.id);
    if (earlier) {
      earlier.report(
        diagnostic(
          file.path,
          loaded.file.locate(['id']),
          'error',
          'position/duplicate-id',
          `The position id \`${file.id}\` is already used by ${earlier.path}${sameNameOtherLetters(file.path, earlier.path) ?? ''}.`,
          duplicateIdHint(file.path, earlier.path),
        ),
      );
      continue;
    }
    positions.set(file.id, loaded);
  }
  return { positions, positionFiles, problems };
}

/**
 * The folder a build writes into: `--out` (`out`, from the folder the command ran in: `cwd`), a folder
 * typed with composed letters being the one there written decomposed (made on a Mac), not a second one
 * beside it; else the config's `output`.
 */
export function outputFolder(project: Pick<Project, 'root' | 'config'>, cwd: string, out: string | undefined): string {
  return out === undefined ? resolve(project.root, project.config.output) : spelledOnDisk(resolve(cwd, out));
}

/** The config with the paths it names (folders, registry, output, reference DOCX) written as the project's files write them ({@link spelledAsThere}). */
function withPathsAsThere(files: ProjectFiles, config: Config): Config {
  const there = (path: string) => spelledAsThere(files, path);
  const { meetings, positions, templates, ministries } = config.paths;
  const reference = config.layout.reference_docx;
  return {
    ...config,
    output: there(config.output),
    paths: { meetings: there(meetings), positions: there(positions), templates: there(templates), ministries: there(ministries) },
    layout: reference === undefined ? config.layout : { ...config.layout, reference_docx: there(reference) },
  };
}

/** What to do about a second file claiming an id: give it its own, unless it is a copy git mergetool left, or one whose name writes its letters another way. */
function duplicateIdHint(path: string, earlier: string): string {
  const original = mergeToolCopyOf(path);
  if (original !== undefined) return mergeToolCopyHint(path, original);
  return sameNameOtherLetters(path, earlier) === undefined ? 'Give each position its own id; by convention the id is the file name.' : SAME_NAME_COPY_HINT;
}

/**
 * Adds the version at git HEAD to each position file whose text differs from the one
 * committed there. A file as committed has its committed version by definition, so only
 * the changed ones are read from git and parsed: none on a clean checkout.
 */
function withCommittedVersions(project: ProjectFiles, folder: string, files: PositionFile[], problems: Diagnostic[], base = 'HEAD', diff?: ChangesSince): PositionFile[] {
  const root = project.root;
  // Asked of git once per state of the repository and the files, in a process that loads the project again and again.
  const state = repositoryState(folder);
  const key = state === undefined ? undefined : JSON.stringify([state, base, root, folder, files.map((file) => [file.path, file.hash, file.id])]);
  const known = key === undefined ? undefined : committedByState.get(key);
  if (known) return known.map((file) => ({ ...file }));
  const { files: found, kept } = versionsAtHead(project, folder, files, problems, base, diff);
  // Files moved without git are paired through what git leaves untracked, which .gitignore files decide: asked every time.
  if (key !== undefined && kept && !problems.length) setBounded(committedByState, key, found.map((file) => ({ ...file })), KEPT_STATES);
  return found;
}

/** How many states {@link withCommittedVersions} keeps (a watch or a server sees one project at a time, mostly). */
const KEPT_STATES = 8;
/**
 * The position files with their versions at HEAD, by the repository's state ({@link repositoryState})
 * and the files' paths, hashes and ids: running git takes a few milliseconds, most of them the fork
 * of a process as large as a long-lived one (a watch, the resident server).
 */
const committedByState = new Map<string, PositionFile[]>();

/** The files with their versions at HEAD, asking git; `kept` when the answer rests only on what {@link repositoryState} stamps. */
function versionsAtHead(project: ProjectFiles, folder: string, files: PositionFile[], problems: Diagnostic[], base: string, diff?: ChangesSince): { files: PositionFile[]; kept: boolean } {
  const root = project.root;
  const { changed, noGit, gap, gone = [], untracked = [] } = changedSinceHead(root, folder, files.map((file) => file.path), base, diff);
  // In a git checkout without git to run, one git refuses, or one whose repository is not there, "not raised" cannot be told: say so rather than pass every position.
  if (noGit && inGitCheckout(root)) problems.push(noGitProblem());
  if (gap) problems.push(gitGapProblem(gap));
  const paired = gone.length && untracked.length ? pairById(root, files, changed, gone, untracked, base) : undefined;
  const { texts: committed, failed: unread = paired } = readCommittedTexts(root, files.flatMap((file) => changed.get(file.path) ?? []), base);
  // git worked for the diff, then failed reading a committed text (a damaged object): the rules that compare with it are said to be skipped.
  if (unread && !gap) problems.push(unreadTextsProblem(unread));
  const versioned = files.map((file) => {
    const at = changed.get(file.path);
    const before = at === undefined ? undefined : committedFacts(committed.get(at), file.path);
    if (at === undefined || before === undefined) return file;
    const text = readOrUnreadable(() => project.readText(file.path), file.path);
    const now = typeof text === 'string' ? committedFacts(text, file.path) : undefined;
    // Only a lowered version asks for the file's history: a revert to a text cleared before.
    const lowered = now !== undefined && now.version < before.version;
    const restored = lowered ? restoredFrom(root, at, base, now) : undefined;
    // A shallow clone (CI fetches a commit or two) may lack the commit a revert brings back: the refusal says so.
    const cut = lowered && !restored && isShallowClone(repositoryAt(root));
    return { ...file, committedVersion: before.version, committedAnswer: before.answer, committedUnnamed: before.unnamed, committedFields: before.fields, ...(restored ? { restoredFrom: restored } : {}), ...(cut ? { historyCut: true as const } : {}) };
  });
  return { files: versioned, kept: !noGit && !gap && !unread && !gone.length };
}

/**
 * A position moved to a new name without git (`mv`, a file manager): git sees a deleted file and a
 * new one it does not track. The new one is paired with the deleted one that had its id at HEAD,
 * so a changed answer under a new name still has its committed version to be compared with.
 * git's failure reading the deleted ones' texts (a damaged object) is given back.
 */
function pairById(root: string, files: readonly PositionFile[], changed: Map<string, string>, gone: readonly string[], untracked: readonly string[], base: string): GitFailedError | undefined {
  const { texts, failed } = readCommittedTexts(root, [...gone], base);
  const byId = new Map<string, string>();
  for (const path of gone) {
    const data = parseYaml(path, texts.get(path) ?? '').data;
    if (typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string' && !byId.has(data.id)) byId.set(data.id, path);
  }
  const fresh = new Set(untracked);
  for (const file of files) {
    const from = fresh.has(file.path) ? byId.get(file.id) : undefined;
    if (from !== undefined) changed.set(file.path, from);
  }
  return failed;
}

/**
 * The commit at which the file (at `path` in `base`) last had the version `now` has, when it had
 * `now`'s answer there too: a lower version brought back with the text it named, as `git revert`
 * does, whose clearances were given. Undefined when that version last named another answer, or
 * never was committed. One walk of the file's history.
 */
function restoredFrom(root: string, path: string, base: string, now: { version: number; answer: string }): { commit: string; date: string } | undefined {
  const last = committedTexts(root, path, base)
    .map(({ commit, date, text }) => ({ commit, date, facts: committedFacts(text, path) }))
    .find(({ facts }) => facts?.version === now.version);
  return last?.facts?.answer === now.answer ? { commit: last.commit, date: last.date } : undefined;
}

/**
 * The `version` of a position's text (committed, or now), its answer's fingerprint and the ministries
 * whose clearance in it is written by hand, cleared naming neither version nor answer, if that text
 * is readable and has a version.
 */
function committedFacts(text: string | undefined, path: string): { version: number; answer: string; unnamed: string[]; fields: CommittedFields } | undefined {
  if (text === undefined) return undefined;
  const data = parseYaml(path, text).data;
  if (isRecord(data) && Number.isInteger(data.version)) {
    const clearance = isRecord(data.clearance) ? Object.entries(data.clearance) : [];
    const unnamed = clearance.flatMap(([code, entry]) => (isRecord(entry) && entry.status === 'cleared' && !('version' in entry) && !('answer' in entry) ? [code] : []));
    return { version: Number(data.version), answer: answerFingerprint(data), unnamed, fields: positionTextFingerprints(data) };
  }
  return undefined;
}

/** The rules that compare positions, and meetings, with their committed texts: without those texts they are not checked. */
const POSITION_RULES_UNCOMPARED = ['position/version-not-raised', 'position/version-decreased', 'position/translation-stale', 'clearance/version-unnamed'];
const MEETING_RULES_UNCOMPARED = ['meeting/translation-stale'];
/** "A, B and C are not checked" of `rules`. */
function notChecked(rules: readonly string[]): string {
  return `${joinList(rules, 'and')} ${rules.length === 1 ? 'is' : 'are'} not checked`;
}
/** Every one of them, which a project whose git cannot be read goes without. */
const UNCOMPARED = notChecked([...POSITION_RULES_UNCOMPARED, ...MEETING_RULES_UNCOMPARED]);

/**
 * git cannot answer in the project's repository: it refuses it (another user's, `input/git-refused`),
 * the checkout's `.git` names a repository folder that is not there (`input/git-unlinked`), or git
 * failed there for a reason of its own (`input/git-failed`). What cannot be known then, and the
 * error's own hint for what to do.
 */
export function gitGapProblem(gap: GitRefusedError | GitUnlinkedError | GitFailedError): Diagnostic {
  const rule = gap instanceof GitRefusedError ? 'input/git-refused' : gap instanceof GitUnlinkedError ? 'input/git-unlinked' : 'input/git-failed';
  return diagnostic(
    '.',
    undefined,
    'warning',
    rule,
    `${gap.message.replace(/\.$/, '')}, so versions cannot be compared with the committed ones (${UNCOMPARED}), nor last changes dated.`,
    gap.hint,
  );
}

/**
 * git told which files changed, but failed reading their committed texts (a damaged object under
 * .git/objects, as `git cat-file` meets it): the rules that compare a position with its committed
 * text cannot run, which is said rather than passed; the error's hint says how to find and mend it.
 */
export function unreadTextsProblem(failed: GitFailedError, what: 'positions' | 'meetings' = 'positions'): Diagnostic {
  const rules = notChecked(what === 'positions' ? POSITION_RULES_UNCOMPARED : MEETING_RULES_UNCOMPARED);
  return diagnostic('.', undefined, 'warning', 'input/git-failed', `${failed.message.replace(/\.$/, '')}, so the committed texts of the changed ${what} could not be read (${rules}).`, failed.hint);
}

/** The project is a git checkout, but git cannot be run: what cannot be known then. */
export function noGitProblem(): Diagnostic {
  return diagnostic(
    '.',
    undefined,
    'warning',
    'input/no-git',
    `git is not installed or not on the PATH, though this project is a git repository: versions cannot be compared with the committed ones (${UNCOMPARED}), nor last changes dated.`,
    'Install git and put it on the PATH (on Windows, Git for Windows; the git inside GitHub Desktop is not on the PATH).',
  );
}
