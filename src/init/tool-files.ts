/** The files init writes that are the tool's rather than the project's, and where the workflow goes in the repository the folder lies in. */

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { projectPath } from '../load/files.js';
import { checkoutTop } from '../load/git-state.js';
import type { Ministries } from '../model/index.js';
import * as files from './files.js';
import type { PackageManager } from '../load/package-manager.js';
import { asciiSlug } from '../util/ascii.js';
import { EXAMPLES, exampleText } from './examples.js';

/**
 * The files init writes that are the tool's rather than the project's (paths from the project's folder, and text): the
 * templates' README, the lines of `.gitignore`, `.gitattributes` and `.npmrc` ({@link MERGED_FILES}), the editor's
 * settings, the workflow and the examples. `init --update` brings a project's up to this version from the same list.
 */
export function toolFiles(
  chosen: files.InitAnswers,
  at: { spec: string; manager: PackageManager; workflow: { path: string; file: string; below?: string }; ministries: Ministries },
): { settings: [string, string][]; examples: [string, string][] } {
  return {
    settings: [
      ['templates/README.md', files.TEMPLATES_README],
      ['.gitignore', files.gitignore(at.manager)],
      ['.gitattributes', files.GITATTRIBUTES],
      ['.npmrc', files.npmrc(at.spec)],
      ['.vscode/settings.json', files.vscodeSettings()],
      [at.workflow.path, files.workflow(at.workflow.below, at.workflow.file, at.manager)],
    ],
    examples: EXAMPLES.map((example): [string, string] => [example.to, exampleText(example.from, example.schema, chosen, at.ministries)]),
  };
}

/** Where GitHub reads a repository's workflows, from its top folder. */
const WORKFLOWS = '.github/workflows';
/** A folder's VS Code settings. */
const VSCODE_SETTINGS = '.vscode/settings.json';

/** The user's home folder, resolved; undefined when there is none. */
function homeFolder(): string | undefined {
  try {
    return resolve(homedir());
  } catch {
    // No home folder (HOME unset, no entry in the user database).
    return undefined;
  }
}

/**
 * Where init writes the workflow (a path from `root`, with `/`), and the project's folder from the
 * top of the repository it lies in, when below it (`eu/briefings`). GitHub runs only the workflows
 * at a repository's top: there, as `briefings.yml`, or, where one of that name is there already
 * (another project's), as `briefings-<folder>.yml`. Not into a repository at the home folder (a
 * checkout of the user's settings), which is no repository of the project's. With it, where the top
 * has no VS Code settings, the path of those init writes there (`topSettings`).
 */
export function workflowPlace(root: string): { path: string; file: string; below?: string; topSettings?: string } {
  const top = checkoutTop(root);
  if (top === undefined || top === root || top === homeFolder()) return { path: `${WORKFLOWS}/briefings.yml`, file: 'briefings.yml' };
  const below = projectPath(top, root);
  const fromRoot = (path: string) => projectPath(root, join(top, path));
  const file = existsSync(join(top, WORKFLOWS, 'briefings.yml')) ? `briefings-${asciiSlug(below)}.yml` : 'briefings.yml';
  // VS Code opened at the repository's top reads only the top's settings: the schemas go there too, unless it has settings of its own.
  const settings = existsSync(join(top, VSCODE_SETTINGS)) ? {} : { topSettings: fromRoot(VSCODE_SETTINGS) };
  return { path: fromRoot(`${WORKFLOWS}/${file}`), file, below, ...settings };
}
