import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';
import { configSchema, ministriesSchema, positionSchema, type Config, type Ministries, type Position } from '../model/index.js';
import { diagnostic, type Diagnostic } from '../report/diagnostic.js';
import { UsageError } from '../report/errors.js';
import { checkSchema } from '../validate/schema.js';
import { projectPath, readText, sha256 } from './files.js';
import { readCommittedTexts } from './git.js';
import { projectLocations } from './project-paths.js';
import { parseYaml, type YamlFile } from './yaml.js';

/** The name of the file that marks a project root. */
export const CONFIG_FILE = 'briefing.config.yaml';

/** A position file, loaded and checked. */
export interface LoadedPosition {
  /** The id from the file, or the file's base name when the id cannot be read. */
  id: string;
  file: YamlFile;
  /** Present only when the file passed its schema. */
  position?: Position;
  /** SHA-256 of the file's text. */
  hash: string;
  /** The `version` the file has at git HEAD, when it is committed there with a readable one. */
  committedVersion?: number;
  diagnostics: Diagnostic[];
}

/** Everything a build shares across meetings: settings, registry, positions, templates. */
export interface Project {
  root: string;
  config: Config;
  configFile: YamlFile;
  ministries: Ministries;
  ministriesFile: YamlFile;
  /** Positions by id; a duplicated id keeps the first file and reports the second. */
  positions: Map<string, LoadedPosition>;
  /** Problems in the config and the registry: they stop the whole run (exit 1, nothing built). */
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

/**
 * Loads the config, the ministries registry and every position file of the project.
 * Problems are collected; only an unreadable config throws.
 */
export function loadProject(cwd: string): Project {
  const root = findProjectRoot(cwd);
  const configFile = parseYaml(CONFIG_FILE, readText(join(root, CONFIG_FILE), CONFIG_FILE));
  const configChecked = checkSchema(configFile, configSchema, 'config');
  const setupDiagnostics = [...configFile.diagnostics, ...configChecked.diagnostics];
  const config = configChecked.value ?? configSchema.parse({ issuing_ministry: 'IZM' });

  const { locations, diagnostics: pathDiagnostics } = projectLocations(root, config, configFile);
  setupDiagnostics.push(...pathDiagnostics);
  const { file: ministriesFile, ministries, diagnostics: registryDiagnostics } = loadMinistries(root, locations.ministries);
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

  const positions = loadPositions(root, locations.positions);
  const packageTemplates = join(packageRoot(), 'templates');
  const templateDirs = [...new Set([...(locations.templates ? [locations.templates] : []), packageTemplates])];
  return {
    root,
    config,
    configFile,
    ministries,
    ministriesFile,
    positions,
    setupDiagnostics,
    templateDirs,
    settingsHash: sha256(configFile.text + '\u0000' + ministriesFile.text),
  };
}

/** The project's registry, or the built-in one when the project has none (or names one it cannot use). */
function loadMinistries(root: string, own: string | undefined) {
  const usable = own !== undefined && existsSync(own);
  const absolute = usable ? own : join(packageRoot(), 'ministries.yaml');
  const shown = usable ? projectPath(root, own) : 'ministries.yaml (built-in)';
  const file = parseYaml(shown, readText(absolute, shown));
  const checked = checkSchema(file, ministriesSchema, 'ministries registry');
  return { file, ministries: checked.value ?? {}, diagnostics: [...file.diagnostics, ...checked.diagnostics] };
}

/**
 * Reads and checks every `*.yaml` under the positions folder, sorted by path. A second
 * file with an id already taken is reported on the first one's record, so every
 * meeting that uses the id sees the conflict.
 */
function loadPositions(root: string, folder: string | undefined): Map<string, LoadedPosition> {
  const files = folder !== undefined && existsSync(folder)
    ? globSync(['**/*.yaml', '**/*.yml'], { cwd: folder, absolute: true, dot: false }).sort()
    : [];
  const positions = new Map<string, LoadedPosition>();
  const committed = readCommittedTexts(root, files.map((absolute) => projectPath(root, absolute)));
  for (const absolute of files) {
    const shown = projectPath(root, absolute);
    const text = readText(absolute, shown);
    const file = parseYaml(shown, text);
    const checked = checkSchema(file, positionSchema, 'position');
    const id = checked.value?.id ?? idFromData(file.data) ?? basename(absolute, extname(absolute));
    const loaded: LoadedPosition = {
      id,
      file,
      hash: sha256(text),
      diagnostics: [...file.diagnostics, ...checked.diagnostics],
    };
    if (checked.value) loaded.position = checked.value;
    const committedVersion = versionIn(committed.get(shown), shown);
    if (committedVersion !== undefined) loaded.committedVersion = committedVersion;
    const earlier = positions.get(id);
    if (earlier) {
      earlier.diagnostics.push(
        diagnostic(
          shown,
          file.locate(['id']),
          'error',
          'position/duplicate-id',
          `The position id \`${id}\` is already used by ${earlier.file.path}.`,
          'Give each position its own id; by convention the id is the file name.',
        ),
      );
      continue;
    }
    positions.set(id, loaded);
  }
  return positions;
}

/** The `version` of a position's committed text, if that text is readable and has one. */
function versionIn(text: string | undefined, path: string): number | undefined {
  if (text === undefined) return undefined;
  const data = parseYaml(path, text).data;
  if (typeof data === 'object' && data !== null && 'version' in data && Number.isInteger(data.version)) {
    return Number(data.version);
  }
  return undefined;
}

function idFromData(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string') return data.id;
  return undefined;
}
