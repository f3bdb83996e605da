import { dirname, join, relative, sep } from 'node:path';

/** The schema files, one per kind of file, under `schema/` at the project root. */
export type SchemaKind = 'meeting' | 'position';

/**
 * The first line of a new file: tells editors with the YAML language server which JSON
 * Schema to use, by a path relative to the file (`../schema/meeting.schema.json`).
 */
export function schemaLine(root: string, file: string, kind: SchemaKind): string {
  const target = relative(dirname(file), join(root, 'schema', `${kind}.schema.json`)).split(sep).join('/');
  return `# yaml-language-server: $schema=${target}`;
}
