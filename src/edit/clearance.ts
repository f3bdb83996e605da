import { isDeepStrictEqual } from 'node:util';
import { Document, isAlias, isMap, isNode, parseDocument, visit } from 'yaml';
import { appendMap, blockMapAt, cstOf, endsWithNewline, removeScalar, setScalar, toText, topMap } from './yaml-cst.js';
import { usesCrlf } from './line-ends.js';

/** The clearance fields `briefing clear` sets, in file order. */
export const CLEARANCE_FIELDS = ['status', 'date', 'version', 'answer', 'ref', 'note'] as const;
type Field = (typeof CLEARANCE_FIELDS)[number];

/**
 * What to record for one ministry; fields left undefined stay as they are, `null` ones are removed
 * (an earlier answer's record). `version` is a number, the rest text.
 */
export type ClearanceValues = Partial<Record<Exclude<Field, 'version'>, string | null>> & { version?: number };

/** One field that changed: `clearance.AM.status`, from what to what. */
export interface FieldChange {
  field: string;
  before: string | null;
  /** Null when the field was removed. */
  after: string | null;
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
 * Document API (`setIn`). A flow-style `{…}` mapping on the way (`AM: { status: pending }`)
 * is rewritten alone, in flow style, leaving every other line as it was. A layout neither
 * edit can handle is rewritten through the Document API, comments still kept.
 *
 * A file whose every line ends in CRLF is edited as LF and written back with CRLF, so
 * the new lines match the old ones.
 */
export function editClearance(text: string, ministry: string, values: ClearanceValues): ClearanceEdit {
  if (!usesCrlf(text)) return editLf(text, ministry, values);
  const edit = editLf(text.replaceAll('\r\n', '\n'), ministry, values);
  return edit.changes.length ? { text: edit.text.replaceAll('\n', '\r\n'), changes: edit.changes } : { text, changes: edit.changes };
}

function editLf(text: string, ministry: string, values: ClearanceValues): ClearanceEdit {
  const doc = parseDocument(text);
  const changes: FieldChange[] = [];
  for (const field of CLEARANCE_FIELDS) {
    const after = values[field];
    if (after === undefined) continue;
    const current: unknown = doc.getIn(['clearance', ministry, field]);
    const before = current === undefined || current === null ? null : String(current);
    if (after === null ? before !== null : before !== String(after)) changes.push({ field: `clearance.${ministry}.${field}`, before, after: after === null ? null : String(after) });
  }
  if (!changes.length) return { text, changes };

  const expected = doc.clone();
  for (const field of CLEARANCE_FIELDS) {
    const value = values[field];
    if (value === null) expected.deleteIn(['clearance', ministry, field]);
    else if (value !== undefined) expected.setIn(['clearance', ministry, field], value);
  }
  const wanted: unknown = expected.toJS();
  const minimal = minimalEdit(text, ministry, values);
  if (minimal !== undefined && readsAs(minimal, wanted)) return { text: minimal, changes };
  const flow = flowEdit(text, expected, ministry);
  if (flow !== undefined && readsAs(flow, wanted)) return { text: flow, changes };

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
    if (value === null ? !removeScalar(entry, field) : value !== undefined && !setScalar(entry, field, value)) return undefined;
  }
  return toText(tokens);
}

/**
 * Replaces the first flow-style mapping on the path (`clearance: {…}` or `AM: {…}`) by its
 * edited version, written in flow style on its own: only the text of that mapping changes.
 */
function flowEdit(text: string, expected: Document, ministry: string): string | undefined {
  const doc = parseDocument(text);
  for (const path of [['clearance'], ['clearance', ministry]]) {
    const node: unknown = doc.getIn(path, true);
    if (!isMap(node) || !node.flow || !node.range) continue;
    if (!node.items.length) return undefined; // `clearance: {}` becomes a block (below)
    const edited: unknown = expected.getIn(path, true);
    if (!isMap(edited)) return undefined;
    // The mapping's own comments (`AM: {…}  # asked`) lie outside its range and stay in the text: not written twice.
    const mapping = edited.clone() as typeof edited;
    mapping.comment = null;
    mapping.commentBefore = null;
    const alone = new Document();
    alone.contents = mapping;
    const padded = /^\{\s/.test(text.slice(node.range[0]));
    const written = alone.toString({ lineWidth: 0, flowCollectionPadding: padded }).replace(/\n$/, '');
    return text.slice(0, node.range[0]) + written + text.slice(node.range[1]);
  }
  return undefined;
}

function readsAs(text: string, wanted: unknown): boolean {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), wanted);
}

/** A value on the way to the edited fields that YAML shares with another place (`&anchor` / `*alias`). */
export interface SharedValue {
  /** The key path of the shared value, e.g. `['clearance', 'LM']`. */
  path: string[];
  /** `*name` when the path holds an alias, `&name` when it holds an anchor that an alias repeats. */
  mark: string;
}

/**
 * The first value on the path to `clearance.<ministry>.<field>` that an anchor and alias
 * share with another place: editing through it would change that place too (or, for an
 * alias, cannot be done in place), so `clear` refuses instead of guessing.
 */
export function sharedValueOnPath(text: string, ministry: string): SharedValue | undefined {
  const doc = parseDocument(text, { merge: false });
  const used = new Set<string>();
  visit(doc, {
    Alias(_key, node) {
      used.add(node.source);
    },
  });
  const paths = [['clearance'], ['clearance', ministry], ...CLEARANCE_FIELDS.map((field) => ['clearance', ministry, field])];
  for (const path of paths) {
    const node: unknown = doc.getIn(path, true);
    if (isAlias(node)) return { path, mark: `*${node.source}` };
    if (isNode(node) && node.anchor && used.has(node.anchor)) return { path, mark: `&${node.anchor}` };
  }
  return undefined;
}
