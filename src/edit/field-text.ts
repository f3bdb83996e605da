import { CST } from 'yaml';
import { usesCrlf } from './line-ends.js';
import { cstOf, itemOf, toText, topMap } from './yaml-cst.js';

/**
 * Replaces a top-level Markdown field (`body`, `background`) with new text written as a
 * literal block (`|`), and, for a position, raises `version` by one: through the YAML
 * concrete syntax tree, so every comment and the rest of the layout stay as they were.
 * Returns undefined when the file's layout does not allow the edit (no such key, a
 * nested field, a non-scalar value). A file with CRLF line ends keeps them.
 */
export function editFieldText(text: string, field: string, markdown: string, newVersion?: number): string | undefined {
  // A file whose every line ends in CRLF is edited as LF and written back with CRLF: the new lines end as the others do.
  if (usesCrlf(text)) return editLf(text.replaceAll('\r\n', '\n'), field, markdown, newVersion)?.replaceAll('\n', '\r\n');
  return editLf(text, field, markdown, newVersion);
}

function editLf(text: string, field: string, markdown: string, newVersion?: number): string | undefined {
  if (field.includes('.')) return undefined;
  const tokens = cstOf(text);
  const top = topMap(tokens);
  const item = top && itemOf(top, field);
  if (!top || !item?.value || CST.resolveAsScalar(item.value) === null) return undefined;
  CST.setScalarValue(item.value, markdown, { afterKey: true, type: 'BLOCK_LITERAL' });
  if (newVersion !== undefined) {
    const version = itemOf(top, 'version');
    if (!version?.value || CST.resolveAsScalar(version.value) === null) return undefined;
    CST.setScalarValue(version.value, String(newVersion), { afterKey: true, type: 'PLAIN' });
  }
  return toText(tokens);
}
