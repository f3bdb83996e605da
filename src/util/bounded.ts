/**
 * Sets `key` in a map kept to at most `limit` entries, a cache of a long-lived process: when it is
 * full the entry set longest ago goes, and setting a key again makes it the newest.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  if (map.size >= limit) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}
