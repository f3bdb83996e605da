/** Why init writes nothing in a folder: a briefing project there already, or one whose meetings, positions or templates folder holds it. */

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInside, projectPath, readText } from '../load/files.js';
import { CONFIG_FILE } from '../load/project-root.js';
import { loadProject, type Project } from '../load/project.js';
import { projectLocations } from '../load/project-paths.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isRecord } from '../util/record.js';
import { parseYaml } from '../load/yaml.js';

/**
 * A folder that is a project already (init run twice, or in the wrong folder): one line says so, not one per
 * file it holds. Run for another ministry (`--ministry ZM` where the config says IZM), it names the line to change.
 */
export function projectAlready(root: string, folder: string, ministry: string | undefined): Diagnostic[] {
  const config = join(root, CONFIG_FILE);
  if (!existsSync(config)) return [];
  if (statSync(config).isDirectory()) {
    return [diagnostic(join(folder, CONFIG_FILE), undefined, 'error', 'output/exists', `This is a folder, where init writes the project's settings; init wrote nothing.`, 'Move the folder out of the way (or remove it, if it is empty), then run init again.')];
  }
  const data = parseYaml(CONFIG_FILE, readText(config, join(folder, CONFIG_FILE))).data;
  const current = isRecord(data) && typeof data['issuing_ministry'] === 'string' ? data['issuing_ministry'] : undefined;
  const wanted = ministry?.trim().toUpperCase();
  const other =
    current !== undefined && wanted !== undefined && wanted !== '' && wanted !== current.toUpperCase()
      ? `Its reports are issued as ${current} (\`issuing_ministry: ${current}\` in ${CONFIG_FILE}): to issue them as ${wanted}, change that line. To carry on, \`briefing new meeting\` there; for another project, init in an empty folder.`
      : undefined;
  return [
    diagnostic(
      join(folder, CONFIG_FILE),
      undefined,
      'error',
      'output/exists',
      'This folder is a briefing project already; init wrote nothing.',
      other ?? 'An init cut short (Ctrl-C, a full disk) or an upgrade of briefing: `briefing init --update` adds what init writes and the folder lacks. Otherwise carry on with `briefing new meeting` there, or run init in an empty folder (or a fresh clone) for another project.',
    ),
  ];
}

/**
 * The project above `root` whose meetings, positions or templates folder holds it (`briefing init` typed in
 * `meetings/`): that project would read the new one's examples and workflow as meetings or templates of
 * its own, and its check would fail on them. A project beside those folders (an example kept in
 * `examples/`) is no concern.
 */
export function insideProject(root: string, cwd: string): Diagnostic[] {
  const outer = projectAbove(dirname(root));
  if (outer === undefined) return [];
  let project: Project;
  try {
    project = loadProject(outer, { skipPositions: true });
  } catch {
    return [];
  }
  const { locations } = projectLocations(project.files, project.config, project.configFile);
  const kind = (['meetings', 'positions', 'templates'] as const).find((key) => {
    const location = locations[key];
    return location !== undefined && (resolve(location) === root || isInside(location, root));
  });
  if (kind === undefined) return [];
  return [
    diagnostic(
      projectPath(cwd, root) || '.',
      undefined,
      'error',
      'init/inside-project',
      `This folder lies in the ${kind} folder of another briefing project (its config: ${projectPath(cwd, join(outer, CONFIG_FILE))}), which would read the files of a project here as its own ${kind}; init wrote nothing.`,
      'Run init in a folder outside that project (or beside its meetings, positions and templates), or carry on in that project: briefing new meeting …',
    ),
  ];
}

/** The nearest folder at or above `dir` that holds a project's config. */
function projectAbove(dir: string): string | undefined {
  for (let folder = dir; ; folder = dirname(folder)) {
    if (existsSync(join(folder, CONFIG_FILE))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}
