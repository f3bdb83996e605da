/** Joins "A", "A un B", "A, B un C"; `conjunction` may be "and" for English. */
export function joinList(items: readonly string[], conjunction = 'un'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
