/** The folder briefing itself is installed in, and its built-in templates there. */

import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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
