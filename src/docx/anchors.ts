import { fieldRefSchema, isMarkdownField, type FieldRef } from '../model/field.js';

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

/** Characters of a custom text property Word keeps: the first 255 (its dialog allows no more). */
export const PROPERTY_TEXT_LIMIT = 255;

/**
 * The custom properties recording an anchor: `Briefing.Field._Bf1`, its JSON, which a long file
 * name or position id can take past {@link PROPERTY_TEXT_LIMIT} (the file's path is in it twice for
 * a meeting's field), so a longer one goes on in `Briefing.Field._Bf1.2`, `.3`, … — never splitting
 * a character written as two UTF-16 units. Read back by {@link recordedAnchors}.
 */
export function anchorProperties(anchor: FieldAnchor): { name: string; value: string }[] {
  const name = `${ANCHOR_PROPERTY_PREFIX}${anchor.name}`;
  const json = JSON.stringify(anchor.field);
  const pieces: string[] = [];
  for (let at = 0; at < json.length; ) {
    let end = Math.min(at + PROPERTY_TEXT_LIMIT, json.length);
    if (end < json.length && /[\uD800-\uDBFF]/.test(json.charAt(end - 1))) end--;
    pieces.push(json.slice(at, end));
    at = end;
  }
  return pieces.map((value, index) => ({ name: index ? `${name}.${index + 1}` : name, value }));
}

/** The field anchors a DOCX's custom properties record, by bookmark name (see {@link anchorProperties}). */
export function recordedAnchors(properties: ReadonlyMap<string, string>): Map<string, FieldRef> {
  const anchors = new Map<string, FieldRef>();
  for (const [name, value] of properties) {
    const bookmark = name.startsWith(ANCHOR_PROPERTY_PREFIX) ? name.slice(ANCHOR_PROPERTY_PREFIX.length) : undefined;
    // A bookmark's name has no dot: `_Bf1.2` goes on the text of `_Bf1`.
    if (bookmark === undefined || bookmark.includes('.')) continue;
    let text = value;
    for (let part = 2; properties.has(`${name}.${part}`); part++) text += properties.get(`${name}.${part}`) ?? '';
    const field = parseFieldRef(text);
    if (field) anchors.set(bookmark, field);
  }
  return anchors;
}

/** True when two field references name the same field of the same file. */
export function sameField(a: FieldRef | undefined, b: FieldRef | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.id === b.id && a.field === b.field && a.file === b.file && a.version === b.version;
}

/**
 * A FieldRef read back from a custom property value, or undefined when it is not one: not JSON of
 * that shape, or naming a field that is none of the report's Markdown fields (see `isMarkdownField`).
 */
export function parseFieldRef(value: string): FieldRef | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const result = fieldRefSchema.safeParse(parsed);
  if (!result.success || !isMarkdownField(result.data.kind, result.data.field)) return undefined;
  const { kind, id, version, field, file } = result.data;
  return { kind, id, field, file, ...(version !== undefined ? { version } : {}) };
}
