/** Where a project's root is: the folder above holding briefing.config.yaml, or why there is none with the projects below that were meant. */

import { existsSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { UsageError } from '../diagnostics/errors.js';
import { checkoutTop } from './git-state.js';
import { writtenAnotherWay } from './letter-forms.js';
import { shellWord } from '../util/shell.js';

/** The name of the file that marks a project root. */
export const CONFIG_FILE = 'briefing.config.yaml';

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
