import * as z from 'zod';
import { FORBIDDEN_CHARACTER, jsonPattern } from './common.js';
import { configSchema } from './config.js';
import { meetingSchema } from './meeting.js';
import { ministriesSchema } from './ministries.js';
import { positionSchema } from './position.js';

/** The file kinds that have a JSON Schema, by the name `briefing schema <kind>` takes. */
export const SCHEMAS = {
  meeting: meetingSchema,
  position: positionSchema,
  ministries: ministriesSchema,
  config: configSchema,
} as const;

/** A kind of file with a schema: `meeting`, `position`, `ministries` or `config`. */
export type SchemaKind = keyof typeof SCHEMAS;

/** True for the names of {@link SCHEMAS}. */
export function isSchemaKind(value: string): value is SchemaKind {
  return Object.hasOwn(SCHEMAS, value);
}

/**
 * The JSON Schema of one file kind, generated from the zod schema that also types and
 * validates it. Draft 7, the newest the YAML language server (VS Code's YAML extension)
 * supports; it describes the file as written, so fields with defaults are optional.
 */
export function jsonSchemaText(kind: SchemaKind): string {
  const schema = z.toJSONSchema(SCHEMAS[kind], {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      // Checked in the whole file as it is read, not by zod: every text of the schema says it.
      if (jsonSchema.type === 'string' && jsonSchema.enum === undefined) jsonSchema.not = { pattern: jsonPattern(FORBIDDEN_CHARACTER) };
    },
  });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
