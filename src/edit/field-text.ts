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
  const written = item?.value && CST.resolveAsScalar(item.value);
  if (!top || !item?.value || !written) return undefined;
  CST.setScalarValue(item.value, inLettersOf(markdown, written.value), { afterKey: true, type: 'BLOCK_LITERAL' });
  if (newVersion !== undefined) {
    const version = itemOf(top, 'version');
    if (!version?.value || CST.resolveAsScalar(version.value) === null) return undefined;
    CST.setScalarValue(version.value, String(newVersion), { afterKey: true, type: 'PLAIN' });
  }
  return toText(tokens);
}

/**
 * The new text of a field in the letters its file was written in. The text to write is composed
 * (NFC), as the YAML loader reads every value, while a file pasted on a Mac or from a PDF may write
 * "ā" as "a" and a combining macron: a line the edit leaves alone keeps its bytes, so that `git diff`
 * shows the lines that changed, not every line with a Latvian letter; a changed line is written
 * decomposed when the field was written so throughout.
 */
function inLettersOf(markdown: string, written: string): string {
  if (written.normalize('NFC') === written) return markdown;
  const before = new Map(written.split('\n').map((line) => [line.normalize('NFC'), line]));
  const decomposed = written.normalize('NFD') === written;
  return markdown
    .split('\n')
    .map((line) => before.get(line) ?? (decomposed ? line.normalize('NFD') : line))
    .join('\n');
}
