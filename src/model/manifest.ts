import * as z from 'zod';
import { fieldRefSchema } from './field.js';

/** One input file of a build, identified by content. */
export const manifestFileSchema = z.strictObject({
  /** Project-relative path, `/`-separated; for a built-in file, its name in the briefing package. */
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The id git gives the same content (`git hash-object`): finds this exact version in the repository. */
  git_blob: z.string().regex(/^[0-9a-f]{40}$/),
  /**
   * For a file with Windows line ends (CRLF): the id of the same content with LF ends, which is what
   * git stores when it converts line ends (`core.autocrlf`, or `eol` in .gitattributes).
   */
  git_blob_lf: z.string().regex(/^[0-9a-f]{40}$/).optional(),
  /** A file that comes with briefing rather than with the project. */
  built_in: z.boolean().optional(),
});

/** The format of manifest this version of briefing writes and reads (`briefing_manifest`): another one was written by another version. */
export const MANIFEST_FORMAT = 1;

/**
 * What went into one built report: `<file_code>.manifest.json`, written beside the
 * outputs. `briefing diff --since` rebuilds the report as it was from it.
 */
export const manifestSchema = z.strictObject({
  briefing_manifest: z.literal(MANIFEST_FORMAT),
  file_code: z.string().min(1),
  draft: z.boolean(),
  /** The date stamped into the DOCX, derived from the inputs (or SOURCE_DATE_EPOCH). */
  document_date: z.string(),
  meeting: manifestFileSchema,
  positions: z.array(manifestFileSchema.extend({ id: z.string().min(1), version: z.int().min(1) })),
  /** The config file and the ministries registry. */
  settings: z.array(manifestFileSchema),
  template: z.strictObject({ name: z.string().min(1), files: z.array(manifestFileSchema) }),
  /** The reference DOCX the report took its styles, page set-up and letterhead from (the config's or the template's); absent when it had none. */
  reference_docx: manifestFileSchema.optional(),
  outputs: z.array(z.strictObject({ name: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  /**
   * The SHA-256 of the report's text: the Markdown it was compiled from, written or not. What tells
   * a later build of the meeting that its report reads otherwise, in a project that writes no
   * Markdown too (the DOCX's bytes change with a comment in an input). Absent in older manifests.
   */
  text_sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /**
   * The DOCX's field anchors: each hidden bookmark and the Markdown field it wraps, so
   * `briefing review` maps a reviewer's change to its field. Absent in older manifests.
   */
  anchors: z
    .array(fieldRefSchema.extend({ bookmark: z.string().min(1) }))
    .optional(),
});

/** A build manifest as written and read. */
export type Manifest = z.output<typeof manifestSchema>;
/** One input file recorded in a manifest. */
export type ManifestFile = z.output<typeof manifestFileSchema>;

/** The meeting (project-relative path) a manifest's text says its report was built from; undefined for a text that says none. */
export function manifestMeeting(text: string): string | undefined {
  try {
    const manifest: unknown = JSON.parse(text);
    if (typeof manifest !== 'object' || manifest === null || !('meeting' in manifest)) return undefined;
    const { meeting } = manifest;
    return typeof meeting === 'object' && meeting !== null && 'path' in meeting && typeof meeting.path === 'string' ? meeting.path : undefined;
  } catch {
    return undefined;
  }
}
