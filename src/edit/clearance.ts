import { isDeepStrictEqual } from 'node:util';
import { isMap, parseDocument } from 'yaml';
import { appendMap, blockMapAt, cstOf, endsWithNewline, setScalar, toText, topMap } from './yaml-cst.js';

/** The clearance fields `briefing clear` sets, in file order. */
export const CLEARANCE_FIELDS = ['status', 'date', 'ref', 'note'] as const;
type Field = (typeof CLEARANCE_FIELDS)[number];

/** What to record for one ministry; fields left undefined stay as they are. */
export type ClearanceValues = Partial<Record<Field, string>>;

/** One field that changed: `clearance.AM.status`, from what to what. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string;
}

/** The edited text, what changed, and whether the minimal edit had to give way. */
export interface ClearanceEdit {
  text: string;
  changes: FieldChange[];
}

/**
 * Records `values` under `clearance.<ministry>` of a position's YAML text. The edit is
 * made on the concrete syntax tree, so every comment, blank line and the key order stay
 * exactly as they were; the result is checked against the same edit made with the
 * Document API (`setIn`). A layout the minimal edit cannot handle (a flow-style
 * `clearance: {…}`, say) is rewritten through the Document API, comments still kept.
 */
export function editClearance(text: string, ministry: string, values: ClearanceValues): ClearanceEdit {
  const doc = parseDocument(text);
  const changes: FieldChange[] = [];
  for (const field of CLEARANCE_FIELDS) {
    const after = values[field];
    if (after === undefined) continue;
    const current: unknown = doc.getIn(['clearance', ministry, field]);
    const before = current === undefined || current === null ? null : String(current);
    if (before !== after) changes.push({ field: `clearance.${ministry}.${field}`, before, after });
  }
  if (!changes.length) return { text, changes };

  const expected = doc.clone();
  for (const field of CLEARANCE_FIELDS) {
    const value = values[field];
    if (value !== undefined) expected.setIn(['clearance', ministry, field], value);
  }
  const wanted: unknown = expected.toJS();
  const minimal = minimalEdit(text, ministry, values);
  if (minimal !== undefined && readsAs(minimal, wanted)) return { text: minimal, changes };

  const clearance = expected.get('clearance', true);
  if (isMap(clearance)) clearance.flow = false;
  return { text: expected.toString({ lineWidth: 0, flowCollectionPadding: false }), changes };
}

function minimalEdit(text: string, ministry: string, values: ClearanceValues): string | undefined {
  const tokens = cstOf(text);
  const top = topMap(tokens);
  const clearance = top && blockMapAt(top, 'clearance');
  if (!clearance || !endsWithNewline(clearance)) return undefined;
  const entry = blockMapAt(clearance, ministry) ?? appendMap(clearance, ministry);
  if (!endsWithNewline(entry) && entry.items.length) return undefined;
  for (const field of CLEARANCE_FIELDS) {
    const value = values[field];
    if (value !== undefined && !setScalar(entry, field, value)) return undefined;
  }
  return toText(tokens);
}

function readsAs(text: string, wanted: unknown): boolean {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), wanted);
}
