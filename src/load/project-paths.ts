import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Config } from '../model/index.js';
import { ABSOLUTE_START, BACKSLASH, SAME_FOLDER, UP_SEGMENT } from '../model/paths.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { projectPath } from './files.js';
import { inAnotherCase, thereInAnotherCase, writeOrRename } from './letter-forms.js';
import type { ProjectFiles } from './project-files.js';
import type { YamlFile } from './yaml.js';

/** The project locations the config names under `paths`. */
export type PathKey = keyof Config['paths'];

const FOLDERS: readonly PathKey[] = ['meetings', 'positions', 'templates'];

/** Absolute locations of the project's folders and registry; `undefined` when the config's value cannot be used. */
export type ProjectLocations = Record<PathKey, string | undefined>;

/**
 * Resolves the config's `paths` and checks each one: it must lie inside the project (data is
 * never read from elsewhere), be a folder or a file as expected, and exist when the config
 * names it explicitly. A path with a problem is reported at its line and not used.
 */
export function projectLocations(files: ProjectFiles, config: Config, configFile: YamlFile): { locations: ProjectLocations; diagnostics: Diagnostic[] } {
  const root = files.root;
  const diagnostics: Diagnostic[] = [];
  const locations: ProjectLocations = { meetings: undefined, positions: undefined, templates: undefined, ministries: undefined };
  for (const key of [...FOLDERS, 'ministries'] satisfies PathKey[]) {
    const value = config.paths[key];
    const absolute = join(root, value);
    const inProject = projectPath(root, absolute);
    const place = configFile.locate(['paths', key]);
    const folder = key !== 'ministries';
    // Absolute (on any system): read from the project folder it would name a folder that is not there, and a config in git is read on other machines.
    if (ABSOLUTE_START.test(value) || isAbsolute(value)) {
      diagnostics.push(
        diagnostic(configFile.path, place, 'error', 'config/path', `\`paths.${key}\` is \`${value}\`, an absolute path; the project's paths are relative to the folder that holds briefing.config.yaml.`, `Write it relative to that folder (e.g. \`${key === 'ministries' ? 'ministries.yaml' : key}\`).`),
      );
      continue;
    }
    const outside = absolute !== root && !files.isInside('', inProject);
    // Refused by its name too (`a/../b`), as the editors' schema can tell it.
    if (outside || UP_SEGMENT.test(value)) {
      diagnostics.push(
        diagnostic(configFile.path, place, 'error', 'config/path-outside-project', `\`paths.${key}\` is \`${value}\`, ${outside ? `${linkedTo(root, absolute)}outside the project folder` : 'named through a folder above (`..`)'}; it is not read.`, 'Keep meetings, positions, templates and the registry inside the folder that holds briefing.config.yaml.'),
      );
      continue;
    }
    if (BACKSLASH.test(value)) {
      diagnostics.push(backslashed(configFile.path, place, `\`paths.${key}\` is \`${value}\`,`, value));
      continue;
    }
    const kind = files.kind(inProject);
    if (kind !== undefined) {
      if ((kind === 'folder') !== folder) {
        diagnostics.push(
          diagnostic(configFile.path, place, 'error', 'config/path', `\`paths.${key}\` is \`${value}\`, which is a ${folder ? 'file' : 'folder'}, not a ${folder ? 'folder' : 'file'}.`, `Name the ${folder ? 'folder that holds the' : 'registry'} ${folder ? key : 'file'}.`),
        );
        continue;
      }
    } else if (hasPath(configFile.data, key)) {
      diagnostics.push(missingPath(files, configFile.path, place, key, value, inProject));
      continue;
    }
    locations[key] = absolute;
  }
  const output = outputProblem(files, config, configFile);
  if (output) diagnostics.push(output);
  return { locations, diagnostics };
}

/**
 * `config/path` for a path under `paths` that is not there; when it is there with its name in another case
 * (`Positions` for `positions`), which a Mac and Windows find and Linux and CI do not, the message says so.
 */
function missingPath(files: ProjectFiles, file: string, place: Place | undefined, key: PathKey, value: string, inProject: string): Diagnostic {
  const other = inAnotherCase(files, inProject);
  if (other === undefined) return diagnostic(file, place, 'error', 'config/path', `\`paths.${key}\` is \`${value}\`, which does not exist.`, 'Check the spelling, or remove the line to use the default.');
  return diagnostic(
    file,
    place,
    'error',
    'config/path',
    `\`paths.${key}\` is \`${value}\`, which does not exist: ${thereInAnotherCase(`\`${other}\``)}.`,
    writeOrRename(`Write the name as it is there, \`${other}\``, 'it'),
  );
}

/**
 * The config's `output` must be a relative path to a folder inside the project: a config
 * shared in git never writes elsewhere on a colleague's machine. (`build --out` may name
 * any folder: the person running it chose it.)
 */
function outputProblem(files: ProjectFiles, config: Config, configFile: YamlFile): Diagnostic | undefined {
  const value = config.output;
  const absolute = resolve(files.root, value);
  // By its name first (absolute on any system, `..`, the project folder itself), as the editors' schema tells it; then where links lead.
  const named = ABSOLUTE_START.test(value) || isAbsolute(value) ? 'an absolute path; the output folder must lie inside the project' : SAME_FOLDER.test(value) || absolute === files.root ? 'the project folder itself; the output folder must lie inside it' : undefined;
  const outside = named === undefined && !files.isInside('', projectPath(files.root, absolute));
  if (named === undefined && !outside && !UP_SEGMENT.test(value)) return BACKSLASH.test(value) ? backslashed(configFile.path, configFile.locate(['output']), `\`output\` is \`${value}\`,`, value) : undefined;
  return diagnostic(
    configFile.path,
    configFile.locate(['output']),
    'error',
    'config/path-outside-project',
    `\`output\` is \`${value}\`, ${named ?? (outside ? `${linkedTo(files.root, absolute)}outside the project folder; nothing is written there` : 'named through a folder above (`..`); nothing is written there')}.`,
    'Name a folder inside the project (e.g. `out`); to write elsewhere once, use `build --out <folder>`.',
  );
}

/**
 * `config/path` for a path of a shared file written with `\\` between its folders (`out\\reports`):
 * Windows reads it, Linux, a Mac and CI take it for one name (a folder `out\\reports` beside
 * `out`, a reference DOCX not found); `subject` names the path and is followed by the reason.
 */
export function backslashed(file: string, place: Place | undefined, subject: string, value: string): Diagnostic {
  return diagnostic(
    file,
    place,
    'error',
    'config/path',
    `${subject} written with a backslash, which only Windows reads between folders; elsewhere it is part of one name.`,
    `Write \`/\` between the folders, \`${value.replaceAll('\\', '/')}\`: Windows reads that too.`,
  );
}

function hasPath(data: unknown, key: PathKey): boolean {
  if (typeof data !== 'object' || data === null || !('paths' in data)) return false;
  const paths: unknown = data.paths;
  return typeof paths === 'object' && paths !== null && key in paths;
}

/** "a link to <where>, " when a path inside the project names a link (or lies under one) that leads out of it; else nothing. */
function linkedTo(root: string, absolute: string): string {
  try {
    const real = realpathSync(absolute);
    // Links above the project (macOS's /tmp) are not the project's doing.
    return real === join(realpathSync(root), relative(root, absolute)) ? '' : `a link to ${real}, `;
  } catch {
    return '';
  }
}
