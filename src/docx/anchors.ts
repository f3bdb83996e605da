import { fieldRefSchema, type FieldRef } from '../model/field.js';

/**
 * Field anchors: each run of top-level blocks that came from one Markdown field is wrapped
 * in a hidden Word bookmark (`_Bf1`, `_Bf2`, …: hidden because the name starts with `_`),
 * and the bookmark → field mapping is stored in the DOCX's custom properties as
 * `Briefing.Field._Bf1` = the FieldRef as JSON. `briefing review` reads both back, so an
 * edit made in Word lands in the field it was made in, whatever formatting the reviewer changed.
 */

/** The custom property name prefix of a field anchor. */
export const ANCHOR_PROPERTY_PREFIX = 'Briefing.Field.';

/** What every field anchor's bookmark name starts with. */
export const ANCHOR_NAME_PREFIX = '_Bf';

/** The bookmark name of the n-th field anchor (1-based): short, hidden, ≤ 40 characters. */
export function anchorName(n: number): string {
  return `${ANCHOR_NAME_PREFIX}${n}`;
}

/** One anchor as built: bookmark name and the field it covers. */
export interface FieldAnchor {
  name: string;
  field: FieldRef;
}

/** The custom property recording an anchor. */
export function anchorProperty(anchor: FieldAnchor): { name: string; value: string } {
  return { name: `${ANCHOR_PROPERTY_PREFIX}${anchor.name}`, value: JSON.stringify(anchor.field) };
}

/** True when two field references name the same field of the same file. */
export function sameField(a: FieldRef | undefined, b: FieldRef | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.id === b.id && a.field === b.field && a.file === b.file && a.version === b.version;
}

/** A FieldRef read back from a custom property value, or undefined when it is not one. */
export function parseFieldRef(value: string): FieldRef | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const result = fieldRefSchema.safeParse(parsed);
  if (!result.success) return undefined;
  const { kind, id, version, field, file } = result.data;
  return { kind, id, field, file, ...(version !== undefined ? { version } : {}) };
}
