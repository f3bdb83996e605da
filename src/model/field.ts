import * as z from 'zod';

/**
 * Where a block of the report came from: one Markdown field of one input file. The one
 * definition of it: the type, and the check where it is read back (a DOCX's custom
 * properties, a manifest's anchors).
 */
export const fieldRefSchema = z.strictObject({
  /** `position` or `meeting`. */
  kind: z.enum(['position', 'meeting']),
  /** The position id, or the meeting file's project-relative path. */
  id: z.string().min(1),
  /** The position's version (positions only). */
  version: z.int().min(1).optional(),
  /** The field's key path in its YAML file, dot-joined: `body`, `background`, `outcome`, `speaking_points.0`. */
  field: z.string().min(1),
  /** Project-relative path of the YAML file. */
  file: z.string().min(1),
});

/** A field's key path in its YAML file from its dot-joined form: `speaking_points.0` → `['speaking_points', 0]`. */
export function fieldKeyPath(field: string): (string | number)[] {
  return field.split('.').map((step) => (/^\d+$/.test(step) ? Number(step) : step));
}

/** Where a block of the report came from (see {@link fieldRefSchema}). */
export type FieldRef = z.output<typeof fieldRefSchema>;

declare module 'mdast' {
  interface Data {
    /** Set on each top-level block spliced in from a Markdown field: which field it came from. */
    field?: FieldRef;
  }
}
