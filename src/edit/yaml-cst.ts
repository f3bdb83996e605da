import { CST, parse, Parser } from 'yaml';

/**
 * Minimal edits of YAML text through the yaml library's concrete syntax tree: every
 * byte the edit does not touch (comments, blank lines, folding, quoting) stays as it was.
 */

/** The tokens of a YAML text; `toText` turns them back into text. */
export function cstOf(text: string): CST.Token[] {
  return [...new Parser().parse(text)];
}

/** Text of the tokens, edited or not. */
export function toText(tokens: readonly CST.Token[]): string {
  return tokens.map((token) => CST.stringify(token)).join('');
}

/** The top-level block mapping of the file's single document, if it has one. */
export function topMap(tokens: readonly CST.Token[]): CST.BlockMap | undefined {
  const document = tokens.find((t): t is CST.Document => t.type === 'document');
  return document?.value?.type === 'block-map' ? document.value : undefined;
}

/** The item of a block mapping whose key is the plain or quoted text `key`. */
export function itemOf(map: CST.BlockMap, key: string): CST.BlockMap['items'][number] | undefined {
  return map.items.find((item) => item.key && CST.resolveAsScalar(item.key)?.value === key);
}

/**
 * Removes `key:` and its scalar value from a block mapping; false when its value is not a scalar
 * or comments sit on its line or before it (they would go with it).
 */
export function removeScalar(map: CST.BlockMap, key: string): boolean {
  const index = map.items.findIndex((item) => item.key && CST.resolveAsScalar(item.key)?.value === key);
  const item = map.items[index];
  if (!item) return true;
  if (!item.value || CST.resolveAsScalar(item.value) === null) return false;
  if (CST.stringify({ type: 'block-map', offset: 0, indent: map.indent, items: [item] }).includes('#')) return false;
  map.items.splice(index, 1);
  return true;
}

/** The value of `key` as a block mapping, if it is one. */
export function blockMapAt(map: CST.BlockMap, key: string): CST.BlockMap | undefined {
  const value = itemOf(map, key)?.value;
  return value?.type === 'block-map' ? value : undefined;
}

/**
 * Sets `key: value` in a block mapping: replaces the scalar in place, or appends a new
 * line after the last entry. Returns false when the existing value is not a scalar.
 */
export function setScalar(map: CST.BlockMap, key: string, value: string | number): boolean {
  const item = itemOf(map, key);
  if (item?.value) {
    if (CST.resolveAsScalar(item.value) === null) return false;
    CST.setScalarValue(item.value, String(value), { afterKey: true, type: typeof value === 'number' ? 'PLAIN' : scalarType(value, item.value) });
    return true;
  }
  map.items.push(newItem(map.indent, key, CST.createScalarToken(String(value), { indent: map.indent + 2, type: typeof value === 'number' ? 'PLAIN' : scalarType(value) })));
  return true;
}

/** Appends `key:` with an empty block mapping under it, and returns that mapping. */
export function appendMap(map: CST.BlockMap, key: string): CST.BlockMap {
  const inner: CST.BlockMap = { type: 'block-map', offset: 0, indent: map.indent + 2, items: [] };
  const item = newItem(map.indent, key, inner);
  item.sep = [token('map-value-ind', ':'), token('newline', '\n')];
  map.items.push(item);
  return inner;
}

/** True when the mapping's text ends with a line break, so a line can be appended after it. */
export function endsWithNewline(map: CST.BlockMap): boolean {
  return CST.stringify(map).endsWith('\n');
}

function newItem(indent: number, key: string, value: CST.Token): CST.BlockMap['items'][number] {
  return {
    start: indent ? [token('space', ' '.repeat(indent))] : [],
    key: CST.createScalarToken(key, { indent, implicitKey: true, end: [] }),
    sep: [token('map-value-ind', ':'), token('space', ' ')],
    value,
  };
}

function token<T extends CST.SourceToken['type']>(type: T, source: string): CST.SourceToken {
  return { type, offset: 0, indent: 0, source };
}

/** Plain when the text reads back as the same string, double-quoted otherwise ("123", "a: b", "#1"). */
function scalarType(value: string, existing?: CST.Token): 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' {
  const current = existing ? CST.resolveAsScalar(existing)?.type : undefined;
  if (current === 'QUOTE_DOUBLE' || current === 'QUOTE_SINGLE') return current;
  let readBack: unknown;
  try {
    readBack = parse(value, { schema: 'core' });
  } catch {
    return 'QUOTE_DOUBLE';
  }
  return readBack === value && !value.includes('\n') ? 'PLAIN' : 'QUOTE_DOUBLE';
}
