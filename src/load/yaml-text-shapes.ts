/** The lines around a YAML parser error read as text: a field without its colon, a block scalar's indentation, a quote left open, where a confused block ends. */

/**
 * A field written `key: value` on the line at `lineStart` whose next line (blank and comment lines
 * aside) is indented further and starts a field or a list item: its key, its value and where the
 * value starts. Undefined when the line is not so (a block scalar's `|` or `>`, a quoted value, a
 * flow collection or an anchor can be followed by indented lines).
 */
export function valueAndFields(text: string, lineStart: number): { key: string; value: string; offset: number } | undefined {
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const field = /^( *)(?:- )?([^\s:#"'][^:#]*?):[ \t]+([^\s|>"'[{&!*#][^#]*?)[ \t]*(?:#.*?)?\r?$/.exec(line);
  if (!field || lineEnd < 0) return undefined;
  const [, indent = '', key = '', value = ''] = field;
  const next = text
    .slice(lineEnd + 1)
    .split('\n')
    .find((each) => each.trim() !== '' && !each.trimStart().startsWith('#'));
  const nextIndent = /^ */.exec(next ?? '')?.[0].length ?? 0;
  // A list item's field starts after its `- `: a field in that column is the item's next field, not one under it.
  if (next === undefined || nextIndent <= line.indexOf(key, indent.length) || !/^ *(?:- |[^\s:#][^:#]*:(?:\s|$))/.test(next)) return undefined;
  return { key, value, offset: lineStart + line.indexOf(value, indent.length + key.length + 1) };
}

/**
 * A field written `key: []` (or `key: {}`, or with a quoted value, `key: "…"`) on the nearest line
 * of content above the one at `lineStart`, which is indented under it or is a list item at its
 * column (YAML's other way of writing a key's list): entries given a field that already holds an
 * empty collection or a text. Its key, what it was written with and where that starts; undefined
 * for any other line.
 */
export function entriesUnderValue(text: string, lineStart: number): { key: string; written: string; offset: number } | undefined {
  const above = text.slice(0, Math.max(0, lineStart - 1)).split('\n');
  const index = above.findLastIndex((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const field = /^( *)(?:- )?([^\s:#"'][^:#]*?):[ \t]+(\[[ \t]*\]|\{[ \t]*\}|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*(?:#.*?)?\r?$/.exec(above[index] ?? '');
  if (!field) return undefined;
  const [line = '', indent = '', key = '', written = ''] = field;
  const column = line.indexOf(key, indent.length);
  const current = text.slice(lineStart, text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart));
  const currentIndent = /^ */.exec(current)?.[0].length ?? 0;
  if (currentIndent < column || (currentIndent === column && !current.trimStart().startsWith('- '))) return undefined;
  const lineOffset = above.slice(0, index).reduce((sum, each) => sum + each.length + 1, 0);
  return { key, written, offset: lineOffset + line.lastIndexOf(written) };
}

/**
 * The line at `lineStart` when it is a field's name written without its colon (`version 1`,
 * `  LM` over the lines of its mapping), the commonest slip in a file edited by hand: its
 * indentation, name and value. Undefined for any other line.
 */
export function withoutColon(text: string, lineStart: number): { indent: number; line: string; name: string; value: string } | undefined {
  const end = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, end < 0 ? text.length : end).replace(/\s+$/, '');
  const found = /^( *(?:- )?)([A-Za-z_][\w.-]*)(?:[ \t]+([^:#]*))?$/.exec(line);
  if (!found) return undefined;
  const [, indent = '', name = '', value = ''] = found;
  return { indent: indent.length, line: line.trim(), name, value: value.trim() };
}

/** The offset of the first line after the one at `offset` that is indented no deeper than it; the end of the text when none is. */
export function blockEnd(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^ */.exec(text.slice(lineStart))?.[0].length ?? 0;
  const line = /\n( *)(?=\S)/g;
  line.lastIndex = lineStart;
  for (let found = line.exec(text); found; found = line.exec(text)) {
    if ((found[1]?.length ?? 0) <= indent) return found.index + 1;
  }
  return text.length;
}

/** The offset of the next line after `offset` that starts a field at the left edge (`name:`); the end of the text when none does. */
export function nextField(text: string, offset: number): number {
  const pattern = /\n[A-Za-z_][\w-]*:(?=\s|$)/g;
  pattern.lastIndex = offset;
  const found = pattern.exec(text);
  return found ? found.index + 1 : text.length;
}

/**
 * The block scalar (`key: |` or `key: >`) that the line at `lineStart` would belong to: the
 * nearest line above with such a header, with only indented or blank lines between; its key,
 * indicator and the indentation of its first line. Undefined when there is none.
 */
export function blockAbove(text: string, lineStart: number): { key: string; indicator: string; spaces: number } | undefined {
  const lines = text.slice(0, Math.max(0, lineStart - 1)).split('\n');
  let spaces = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const header = /^\s*(?:- )?([^\s:#\p{Cc}][^:#\p{Cc}]*?):[ \t]+([|>][-+0-9]*)[ \t]*(?:#.*?)?\r?$/u.exec(line);
    if (header) return spaces > 0 ? { key: header[1] ?? '', indicator: header[2] ?? '', spaces } : undefined;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (indent === 0) return undefined;
    spaces = indent;
  }
  return undefined;
}

/**
 * A block scalar (`key: |`, no indentation digit) whose first line is indented further than a later
 * line still meant for it: the first non-blank line at or after `lineStart`, indented past the key but
 * less than that first line (a body that starts with an indented line, or a code block). YAML took the
 * block's indentation from its first line and ended it there. Where the first line starts, how far each
 * is indented, the later line's number and the key's column; undefined when the lines are not so.
 */
export function shallowerThanFirstLine(
  text: string,
  lineStart: number,
): { key: string; indicator: string; first: number; firstSpaces: number; spaces: number; line: number; keyColumn: number } | undefined {
  const lines = text.split('\n');
  let index = text.slice(0, lineStart).split('\n').length - 1;
  while (index < lines.length && (lines[index] ?? '').trim() === '') index++;
  const spaces = /^ */.exec(lines[index] ?? '')?.[0].length ?? 0;
  let first: number | undefined;
  for (let above = index - 1; above >= 0; above--) {
    const line = (lines[above] ?? '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    const header = /^(\s*(?:- )?)([^\s:#\p{Cc}][^:#\p{Cc}]*?):[ \t]+([|>][-+]?)[ \t]*(?:#.*?)?$/u.exec(line);
    if (header) {
      const keyColumn = header[1]?.length ?? 0;
      const firstSpaces = first === undefined ? 0 : (/^ */.exec(lines[first] ?? '')?.[0].length ?? 0);
      if (first === undefined || spaces <= keyColumn || spaces >= firstSpaces) return undefined;
      const offset = lines.slice(0, first).reduce((sum, one) => sum + one.length + 1, 0);
      return { key: header[2] ?? '', indicator: header[3] ?? '', first: offset, firstSpaces, spaces, line: index + 1, keyColumn };
    }
    if (!line.startsWith(' ')) return undefined;
    first = above;
  }
  return undefined;
}

/**
 * The file's first line of content (not a comment or blank), when it is indented and the line at
 * `at`, where the parser stopped, starts at the left edge: the first line is the mistake.
 */
export function indentedFirstLine(text: string, at: number): { offset: number; spaces: number } | undefined {
  const first = /^(?:[ \t]*(?:#.*)?\r?\n|---[ \t]*\r?\n)*( +)\S/.exec(text);
  const spaces = first?.[1]?.length;
  if (!first || spaces === undefined) return undefined;
  const offset = first.index + first[0].length - 1 - spaces;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return at > offset && /^\S/.test(text.slice(lineStart)) ? { offset, spaces } : undefined;
}

/** Offset of the last `quote` mark in `text` that is not escaped, if any. */
export function lastUnescaped(text: string, quote: string): number | undefined {
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"' && text[i - 1] === '\\') continue;
    if (quote === "'" && text[i - 1] === "'") {
      i--;
      continue;
    }
    return i;
  }
  return undefined;
}
