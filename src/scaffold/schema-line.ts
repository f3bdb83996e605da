import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { projectPath } from '../load/files.js';
import { packageRoot } from '../load/package-folder.js';
import { isRecord } from '../util/record.js';
import { parsePackageJson } from '../util/package-json.js';

/** The schema files, one per kind of file. */
export type SchemaKind = 'meeting' | 'position';

/**
 * The first line of a new file: tells editors with the YAML language server which JSON
 * Schema to use, by a path relative to the file. The project's own `schema/` folder when
 * it has one (as this repository does), else those of the tool installed in the project
 * (`../node_modules/briefing/schema/meeting.schema.json` in a ministry's repository) or in a
 * folder above it (npm workspaces), also before `npm install` when its package.json names
 * briefing, else those of the running tool.
 */
export function schemaLine(root: string, file: string, kind: SchemaKind): string {
  const name = `${kind}.schema.json`;
  const own = join(root, 'schema', name);
  const installed = join(root, 'node_modules', 'briefing', 'schema', name);
  const tool = join(packageRoot(), 'schema', name);
  const target = existsSync(own) ? own : existsSync(installed) ? installed : installedAbove(root) ? tool : namesBriefing(root) ? installed : tool;
  return `# yaml-language-server: $schema=${projectPath(dirname(file), target)}`;
}

/** Whether the running tool is installed in the node_modules of a folder that holds the project (npm workspaces put it there), so every checkout finds it at the same place. */
function installedAbove(root: string): boolean {
  const tool = packageRoot();
  return basename(dirname(tool)) === 'node_modules' && `${root}${sep}`.startsWith(`${dirname(dirname(tool))}${sep}`);
}

/**
 * Whether the project's package.json lists briefing among its dependencies: the line then names the
 * folder `npm install` puts it in, the same on every desk officer's machine, not the running tool's.
 */
function namesBriefing(root: string): boolean {
  try {
    const data: unknown = parsePackageJson(readFileSync(join(root, 'package.json'), 'utf8'));
    return isRecord(data) && ['dependencies', 'devDependencies'].some((key) => isRecord(data[key]) && Object.hasOwn(data[key], 'briefing'));
  } catch {
    return false;
  }
}
