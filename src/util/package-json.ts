import { withoutBom } from './byte-order-mark.js';

/**
 * A package.json's data, read as npm reads it: a byte-order mark at its start (Notepad saves "UTF-8 with
 * BOM") is not JSON, and npm passes over it. Throws, as `JSON.parse`, when the text is not JSON.
 */
export function parsePackageJson(text: string): unknown {
  return JSON.parse(withoutBom(text));
}
