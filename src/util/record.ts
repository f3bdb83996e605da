/** True for a plain mapping (an object that is not an array): what parsed YAML or JSON holds for `{…}`. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
