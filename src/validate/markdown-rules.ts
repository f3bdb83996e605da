import type { Root } from 'mdast';
import { offsetInText, placeInText } from '../load/characters.js';
import type { YamlFile } from '../load/yaml.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { parseMarkdownText, walk } from '../util/markdown.js';

/** A `[^label]` that GFM left as text: no definition in the field. A `\[` escapes it. */
const UNRESOLVED = /(?<!\\)\[\^([^\]\s]+)\]/g;

/**
 * The footnotes of one Markdown field that do not pair up, as warnings at their place in
 * the YAML file. Each field is parsed alone (its footnotes are its own, see
 * `resolve/markdown-field.ts`), so a reference needs a definition in the same field:
 *
 * - `markdown/undefined-footnote`: a `[^9]` with no `[^9]:` is printed as written.
 * - `markdown/unused-footnote`: a `[^9]:` that nothing refers to is left out of the report.
 */
function footnoteProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root): Diagnostic[] {
  if (!text.includes('[^')) return [];
  const name = field.join('.');
  const referenced = new Set<string>();
  const definitions: { identifier: string; label: string; offset: number }[] = [];
  const unresolved: { label: string; offset: number }[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'footnoteReference') referenced.add(node.identifier);
    else if (node.type === 'footnoteDefinition') definitions.push({ identifier: node.identifier, label: node.label ?? node.identifier, offset: start });
    else if (node.type === 'text') {
      for (const match of text.slice(start, end).matchAll(UNRESOLVED)) unresolved.push({ label: match[1] ?? '', offset: start + match.index });
    }
  });
  const problems = unresolved.map(({ label, offset }) =>
    diagnostic(
      file.path,
      placeOf(file, field, text, offset, `[^${label}]`),
      'warning',
      'markdown/undefined-footnote',
      `The footnote reference \`[^${label}]\` in \`${name}\` has no definition in that field: the report prints it as written.`,
      `Define it in \`${name}\`, on a line of its own: \`[^${label}]: the note's text\`; or remove the reference.`,
    ),
  );
  for (const { identifier, label, offset } of definitions) {
    if (referenced.has(identifier)) continue;
    problems.push(
      diagnostic(
        file.path,
        placeOf(file, field, text, offset, `[^${label}]:`),
        'warning',
        'markdown/unused-footnote',
        `The footnote \`[^${label}]\` is defined in \`${name}\` but never referred to: the report leaves it out.`,
        `Refer to it in the text of \`${name}\` with \`[^${label}]\`, or remove the definition.`,
      ),
    );
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** The checks of each Markdown field given (footnotes paired, no raw HTML), for the fields that have text. */
export function markdownFieldProblems(file: YamlFile, fields: readonly (readonly [string, string | undefined])[]): Diagnostic[] {
  return fields.flatMap(([name, text]) => {
    // Parsed once for both checks, and only when the text has what either looks for.
    if (text === undefined || (!text.includes('[^') && !text.includes('<'))) return [];
    const tree = parseMarkdownText(text);
    return [...footnoteProblems(file, [name], text, tree), ...htmlProblems(file, [name], text, tree)];
  });
}

/**
 * Raw HTML in one Markdown field (`markdown/html`), as warnings at its place in the YAML file:
 * the DOCX prints it as written, tags and all, while the Markdown report passes it on as HTML,
 * so the two outputs say different things (a comment is hidden in one, printed in the other).
 */
function htmlProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root): Diagnostic[] {
  if (!text.includes('<')) return [];
  const name = field.join('.');
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    // A closing tag belongs to the opening one, which is reported.
    if (node.type !== 'html' || start === undefined || node.value.startsWith('</')) return;
    const shown = node.value.split('\n')[0] ?? '';
    const comment = node.value.startsWith('<!--');
    // A comment never closed swallows the rest of the field: markdown/unclosed says so, as an error.
    if (comment && !node.value.includes('-->')) return;
    problems.push(
      diagnostic(
        file.path,
        placeOf(file, field, text, start, shown),
        'warning',
        'markdown/html',
        comment
          ? `An HTML comment in \`${name}\` is printed in the DOCX as written, though Markdown viewers hide it.`
          : `HTML in \`${name}\` (\`${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}\`) is printed in the DOCX as written, tags and all, and passed on as HTML in the Markdown.`,
        comment
          ? 'Remove it; notes for the authors belong in YAML comments (# …) outside the text.'
          : 'Write it in Markdown (**bold**, *italic*, [text](address)); a `<` meant as text is written `\\<`.',
      ),
    );
  });
  return problems;
}

/**
 * Where `needle`, found at `offset` of the field's text, stands in the YAML file: the same
 * occurrence of it after the value's start. That holds for every scalar style (a block
 * scalar's indentation, a folded or quoted value's line breaks); where it is not found (an
 * escape inside a quoted value), the value's start.
 */
function placeOf(file: YamlFile, field: readonly PropertyKey[], text: string, offset: number, needle: string): Place | undefined {
  const value = file.locate(field);
  if (!value) return undefined;
  let at = offsetInText(file.text, value);
  for (let seen = text.slice(0, offset).split(needle).length - 1; at !== -1; seen--) {
    at = file.text.indexOf(needle, at);
    if (at === -1 || seen === 0) break;
    at += needle.length;
  }
  return at === -1 ? value : placeInText(file.text)(at);
}
