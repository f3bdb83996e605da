import { dirname, join } from 'node:path';
import { projectPath } from '../load/files.js';

/** The schema files, one per kind of file, under `schema/` at the project root. */
export type SchemaKind = 'meeting' | 'position';

/**
 * The first line of a new file: tells editors with the YAML language server which JSON
 * Schema to use, by a path relative to the file (`../schema/meeting.schema.json`).
 */
export function schemaLine(root: string, file: string, kind: SchemaKind): string {
  const target = projectPath(dirname(file), join(root, 'schema', `${kind}.schema.json`));
  return `# yaml-language-server: $schema=${target}`;
}
