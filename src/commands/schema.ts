import { isSchemaKind, jsonSchemaText, SCHEMAS } from '../model/json-schema.js';
import { UsageError } from '../diagnostics/errors.js';
import { suggest } from '../util/suggest.js';

/** Options of `briefing schema <kind>`. */
export interface SchemaOptions {
  kind: string;
}

/** The JSON Schema text of one file kind, as committed under schema/. */
export interface SchemaResult {
  text: string;
}

/** Gives the JSON Schema editors use for one kind of file: meeting, position, ministries or config. */
export function schema(options: SchemaOptions): SchemaResult {
  if (!isSchemaKind(options.kind)) {
    const kinds = Object.keys(SCHEMAS);
    const nearest = suggest(options.kind, kinds);
    throw new UsageError(`No schema for \`${options.kind}\`.`, nearest ? `Did you mean \`${nearest}\`?` : `Use one of: ${kinds.join(', ')}.`);
  }
  return { text: jsonSchemaText(options.kind) };
}
