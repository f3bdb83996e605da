import { isMap, isScalar, type Document, type Scalar } from 'yaml';

/**
 * Sets a key at the top of a YAML document and places it next to another key: right after
 * `after` or right before `before` (where a skeleton's comment about it stands), so a file a
 * command writes keeps its fields in the order a reader expects. Left where `setIn` puts it
 * (at the end, or where it was) when the other key is not there.
 */
export function setBeside(doc: Document, key: string, value: unknown, beside: { after: string } | { before: string }): void {
  doc.setIn([key], value);
  const top = doc.contents;
  if (!isMap(top)) return;
  const items = top.items;
  const keyOf = (pair: (typeof items)[number]): unknown => (isScalar(pair.key) ? pair.key.value : pair.key);
  const [moved] = items.splice(
    items.findIndex((pair) => keyOf(pair) === key),
    1,
  );
  const other = items.findIndex((pair) => keyOf(pair) === ('after' in beside ? beside.after : beside.before));
  if (!moved) return;
  items.splice(other < 0 ? items.length : 'after' in beside ? other + 1 : other, 0, moved);
}

/** The key `name` at the top of a YAML document, as a node (its comment above it with it); undefined when the document has none. */
export function topKey(doc: Document, name: string): Scalar | undefined {
  const top = doc.contents;
  const key = isMap(top) ? top.items.find((item) => isScalar(item.key) && item.key.value === name)?.key : undefined;
  return isScalar(key) ? key : undefined;
}
