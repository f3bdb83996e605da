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
  /** The field's key path in its YAML file, dot-joined: `body`, `background`, `outcome` (see {@link MARKDOWN_FIELDS}). */
  field: z.string().min(1),
  /** Project-relative path of the YAML file. */
  file: z.string().min(1),
});

/**
 * The Markdown fields a report prints apart from its template text, by the kind of file they are in
 * (`render/fields.ts` anchors them): the only fields a DOCX's anchors can name, so the only ones
 * `review` reads back and `review --accept` writes.
 */
export const MARKDOWN_FIELDS = {
  meeting: ['outcome', 'outcome_en', 'background', 'background_en'],
  position: ['body', 'body_en'],
} as const;

/** A Markdown field of a meeting (see {@link MARKDOWN_FIELDS}). */
export type MeetingMarkdownField = (typeof MARKDOWN_FIELDS.meeting)[number];

/**
 * True when `field` is one of the Markdown fields of a file of this kind. A DOCX comes back from
 * outside: one whose anchor named `status` or `file_code` had `review --accept` write the
 * reviewer's text into that key.
 */
export function isMarkdownField(kind: FieldRef['kind'], field: string): boolean {
  const fields: readonly string[] = MARKDOWN_FIELDS[kind];
  return fields.includes(field);
}

/** Whether a language tag (`layout.language`, `lv-LV`) is Latvian, in any case. */
export function isLatvian(tag: string): boolean {
  return tag.toLowerCase().startsWith('lv');
}

/**
 * The language tag of the text a field holds: the `_en` fields (`body_en`, `background_en`) English,
 * the others Latvian. An English note prints a field not yet translated in Latvian.
 */
export function fieldLanguageTag(field: string): 'en-GB' | 'lv-LV' {
  return /_en(\.|$)/.test(field) ? 'en-GB' : 'lv-LV';
}

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
