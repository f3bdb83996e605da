import { join, resolve } from 'node:path';
import { configSchema, type Config } from '../model/config.js';
import type { Ministries } from '../model/ministries.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../diagnostics/errors.js';
import { checkSchema } from './shape.js';
import { projectPath, sha256 } from './files.js';
import { diskFiles, type ProjectFiles } from './project-files.js';
import { mergeToolCopyHint, mergeToolCopyOf } from './merge-conflicts.js';
import { savedCopyHint, savedCopyOf } from './saved-copies.js';
import { SAME_NAME_COPY_HINT, sameNameOtherLetters, spelledAsThere, spelledOnDisk } from './letter-forms.js';
import { changesSince, type ChangesSince } from './git-changes.js';
import { committedMeetings, type CommittedMeeting } from './committed-meetings.js';
import { linkProblems, unlistedFolderProblems } from './links.js';
import { textExtensionProblems } from './text-extension.js';
import { LazyPosition, scanHolder, scanPositionFiles, type LoadedPosition, type PositionFile } from './position-files.js';
import { projectLocations } from './project-paths.js';
import { loadReferenceDocx } from './reference-docx.js';
import type { ReferenceDocx } from '../model/reference-docx.js';
import type { ManifestFile } from '../model/manifest.js';
import { parseYaml, type YamlFile } from './yaml.js';
import { CONFIG_FILE, findProjectRoot } from './project-root.js';
import { builtInTemplatesDir } from './package-folder.js';
import { loadMinistries, renamingsMissing, BUILT_IN_REGISTRY, issuerHint } from './ministries-registry.js';
import { withCommittedVersions, unreadTextsProblem } from './committed-versions.js';

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

/**
 * An empty config is said with what to write in it: the general hint for an empty file, "or delete it",
 * would leave the folder no project at all.
 */
function emptyConfigHint(problem: Diagnostic): Diagnostic {
  if (problem.ruleId !== 'yaml/empty') return problem;
  return { ...problem, hint: 'Write in it the ministry that issues the reports, e.g. `issuing_ministry: IZM`: the other settings have defaults. Removing the file would leave the folder no briefing project.' };
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
  setupDiagnostics.push(...unlistedFolderProblems(files, [locations.meetings, locations.positions, locations.templates]));
  setupDiagnostics.push(...textExtensionProblems(files, [locations.meetings, locations.positions]));
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
          duplicateIdHint(file.path, earlier.path, filesClaiming({ positionFiles }, file.id)),
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

/**
 * What to do about a second file claiming an id: give it its own, unless it is a copy git mergetool left, a
 * copy Windows, a browser or a Mac named of another file claiming it (`Copy of x.yaml` sorts before `x.yaml`:
 * either may be the copy), or one whose name writes its letters another way.
 */
function duplicateIdHint(path: string, earlier: string, claiming: readonly string[]): string {
  const original = mergeToolCopyOf(path);
  if (original !== undefined) return mergeToolCopyHint(path, original);
  for (const copy of [path, earlier]) {
    const copied = savedCopyOf(copy);
    if (copied !== undefined && claiming.includes(copied)) return savedCopyHint(copy, copied);
  }
  return sameNameOtherLetters(path, earlier) === undefined ? 'Give each position its own id; by convention the id is the file name.' : SAME_NAME_COPY_HINT;
}
