import { createHash } from 'node:crypto';
import { PROPERTY_TEXT_LIMIT } from './anchors.js';

/*
 * The text a report prints outside every field (the title, the opening, the questions, the
 * clearance line, the signature), recorded in the DOCX so that `review` can tell when a
 * reviewer edited it with track changes off: such an edit is written back nowhere, and would
 * otherwise be lost without a word. One short key per paragraph, in document order; the
 * compiler records them (`printed-outside.ts`) and `review` compares (`review/printed-edits.ts`).
 */

/** The custom properties the keys are written in: `Briefing.Printed.1`, `.2`, … */
export const PRINTED_PROPERTY_PREFIX = 'Briefing.Printed.';

/** Characters per key: 24 bits of a SHA-256, enough to tell a paragraph from the few dozen others of its report. */
const KEY_LENGTH = 4;

/** Keys per property: as many as Word keeps of a text property. */
const KEYS_PER_PROPERTY = Math.floor(PROPERTY_TEXT_LIMIT / KEY_LENGTH);

/**
 * A paragraph's key: a hash of its letters and digits alone, so that how a writer of the file
 * spaces, tabs or breaks the text, or punctuates it, does not count; undefined for a paragraph
 * with none (an empty one, a rule), which is not recorded.
 */
export function printedKey(text: string): string | undefined {
  const letters = text.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '');
  if (!letters) return undefined;
  return createHash('sha256').update(letters).digest('base64url').slice(0, KEY_LENGTH);
}

/** The custom properties that record `keys`. */
export function printedProperties(keys: readonly string[]): { name: string; value: string }[] {
  const properties: { name: string; value: string }[] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_PROPERTY) {
    properties.push({ name: `${PRINTED_PROPERTY_PREFIX}${properties.length + 1}`, value: keys.slice(start, start + KEYS_PER_PROPERTY).join('') });
  }
  return properties;
}

/** The keys a DOCX records, in order; undefined when it records none (built before they were, or by another program). */
export function recordedKeys(properties: ReadonlyMap<string, string>): string[] | undefined {
  const keys: string[] = [];
  for (let part = 1; properties.has(`${PRINTED_PROPERTY_PREFIX}${part}`); part++) {
    const value = properties.get(`${PRINTED_PROPERTY_PREFIX}${part}`) ?? '';
    for (let at = 0; at + KEY_LENGTH <= value.length; at += KEY_LENGTH) keys.push(value.slice(at, at + KEY_LENGTH));
  }
  return keys.length ? keys : undefined;
}
