import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectPath } from '../load/files.js';
import { packageRoot } from '../load/project.js';

/** The schema files, one per kind of file. */
export type SchemaKind = 'meeting' | 'position';

/**
 * The first line of a new file: tells editors with the YAML language server which JSON
 * Schema to use, by a path relative to the file. The project's own `schema/` folder when
 * it has one (as this repository does), else those of the tool installed in the project
 * (`../node_modules/briefing/schema/meeting.schema.json` in a ministry's repository), else
 * those of the running tool.
 */
export function schemaLine(root: string, file: string, kind: SchemaKind): string {
  const name = `${kind}.schema.json`;
  const candidates = [join(root, 'schema', name), join(root, 'node_modules', 'briefing', 'schema', name)];
  const target = candidates.find((path) => existsSync(path)) ?? join(packageRoot(), 'schema', name);
  return `# yaml-language-server: $schema=${projectPath(dirname(file), target)}`;
}
