import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema, ministriesSchema, type Config, type Ministries } from '../model/index.js';
import { diagnostic, type Diagnostic } from '../report/diagnostic.js';
import { UsageError } from '../report/errors.js';
import { checkSchema } from '../validate/schema.js';
import { projectPath, readText, sha256 } from './files.js';
import { LazyPosition, scanPositionFiles, type LoadedPosition, type PositionFile } from './position-files.js';
import { parseYaml, type YamlFile } from './yaml.js';

/** The name of the file that marks a project root. */
export const CONFIG_FILE = 'briefing.config.yaml';

export type { LoadedPosition, PositionFile } from './position-files.js';

/** Everything a build shares across meetings: settings, registry, positions, templates. */
export interface Project {
  root: string;
  config: Config;
  configFile: YamlFile;
  ministries: Ministries;
  ministriesFile: YamlFile;
  /** Positions by id; a duplicated id keeps the first file and reports the second. */
  positions: Map<string, LoadedPosition>;
  /** Every position file, sorted by path, with its hash and the id it claims (duplicates included). */
  positionFiles: PositionFile[];
  /** Problems in the config and the registry: they stop the whole run (exit 2). */
  setupDiagnostics: Diagnostic[];
  /** Folders searched for templates, the project's first, then the built-in ones. */
  templateDirs: string[];
  /** Hashes of the config and registry, part of every build's identity. */
  settingsHash: string;
}

/** Finds the project root: the nearest folder at or above `cwd` holding `briefing.config.yaml`. */
export function findProjectRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new UsageError(
        `No ${CONFIG_FILE} found in ${resolve(cwd)} or any folder above it.`,
        `Run briefing inside a briefing project, or pass --cwd <project folder>.`,
      );
    }
    dir = parent;
  }
}

/** The folder this package is installed in (holds the built-in templates and registry). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('briefing: cannot find its own package folder');
    dir = parent;
  }
  return dir;
}

/** How to find the positions: scan the positions folder (the default), or take a scan already made. */
export interface LoadProjectOptions {
  /**
   * The position files as found by an earlier scan of this project (e.g. by the main
   * thread of a batch): they are not scanned again, and each is parsed on first use.
   */
  positionFiles?: readonly PositionFile[];
  /**
   * Ids of position files by content hash, learnt by an earlier run: such a file is not
   * parsed until used. Given this, a file parsed only to learn its id is not kept either.
   */
  knownPositionIds?: ReadonlyMap<string, string>;
}

/**
 * Loads the config, the ministries registry and every position file of the project.
 * Problems are collected; only an unreadable config throws.
 */
export function loadProject(cwd: string, options: LoadProjectOptions = {}): Project {
  const root = findProjectRoot(cwd);
  const configFile = parseYaml(CONFIG_FILE, readText(join(root, CONFIG_FILE), CONFIG_FILE));
  const configChecked = checkSchema(configFile, configSchema, 'config');
  const setupDiagnostics = [...configFile.diagnostics, ...configChecked.diagnostics];
  const config = configChecked.value ?? configSchema.parse({ issuing_ministry: 'IZM' });

  const { file: ministriesFile, ministries, diagnostics: registryDiagnostics } = loadMinistries(root, config);
  setupDiagnostics.push(...registryDiagnostics);
  if (configChecked.value && Object.keys(ministries).length && !ministries[config.issuing_ministry]) {
    setupDiagnostics.push(
      diagnostic(
        CONFIG_FILE,
        configFile.locate(['issuing_ministry']),
        'error',
        'config/unknown-ministry',
        `The issuing ministry \`${config.issuing_ministry}\` is not in the ministries registry.`,
        `Add it to ${config.paths.ministries}, or use one of: ${Object.keys(ministries).join(', ')}.`,
      ),
    );
  }

  const { positions, positionFiles } = loadPositions(root, config, options);
  const packageTemplates = join(packageRoot(), 'templates');
  const projectTemplates = join(root, config.paths.templates);
  const templateDirs = [...new Set([projectTemplates, packageTemplates])];
  return {
    root,
    config,
    configFile,
    ministries,
    ministriesFile,
    positions,
    positionFiles,
    setupDiagnostics,
    templateDirs,
    settingsHash: sha256(configFile.text + '\u0000' + ministriesFile.text),
  };
}

function loadMinistries(root: string, config: Config) {
  const own = join(root, config.paths.ministries);
  const absolute = existsSync(own) ? own : join(packageRoot(), 'ministries.yaml');
  const shown = existsSync(own) ? projectPath(root, own) : 'ministries.yaml (built-in)';
  const file = parseYaml(shown, readText(absolute, shown));
  const checked = checkSchema(file, ministriesSchema, 'ministries registry');
  return { file, ministries: checked.value ?? {}, diagnostics: [...file.diagnostics, ...checked.diagnostics] };
}

/**
 * Reads and checks every `*.yaml` under the positions folder, sorted by path. A second
 * file with an id already taken is reported on the first one's record, so every
 * meeting that uses the id sees the conflict.
 */
function loadPositions(root: string, config: Config, options: LoadProjectOptions) {
  // A batch passes the ids it knows and parses lazily: a file parsed only to learn its id is then dropped.
  const parsed = new Map<string, LoadedPosition>();
  const keep = options.knownPositionIds ? undefined : (file: PositionFile, loaded: LoadedPosition) => parsed.set(file.path, loaded);
  const positionFiles = options.positionFiles
    ? [...options.positionFiles]
    : scanPositionFiles(root, join(root, config.paths.positions), options.knownPositionIds, keep);
  const positions = new Map<string, LazyPosition>();
  for (const file of positionFiles) {
    const loaded = new LazyPosition(root, file, parsed.get(file.path));
    const earlier = positions.get(file.id);
    if (earlier) {
      earlier.report(
        diagnostic(
          file.path,
          loaded.file.locate(['id']),
          'error',
          'position/duplicate-id',
          `The position id \`${file.id}\` is already used by ${earlier.path}.`,
          'Give each position its own id; by convention the id is the file name.',
        ),
      );
      continue;
    }
    positions.set(file.id, loaded);
  }
  return { positions, positionFiles };
}
