import type { Root } from 'mdast';
import { fieldText, parseField } from '../docx/fields.js';
import type { YamlFile } from '../load/yaml.js';
import type { FieldRef } from '../model/field.js';
import type { MarkdownField } from '../render/fields.js';
import { diagnostic, type Diagnostic, type Place } from '../report/diagnostic.js';

/** A Markdown field with the file it was written in and its text as written there. */
export interface FieldSource {
  file: YamlFile;
  /** The field's value as loaded, before the report's normalisation. */
  raw: string;
}

/** A construct that runs to the end of its field and would run on into what follows it. */
interface Unclosed {
  /** Line and column in the field's text as the report prints it. */
  line: number;
  column: number;
  what: string;
  close: string;
}

/**
 * `markdown/unclosed`: a field that ends inside a fenced code block, an HTML comment or
 * another HTML block that only its own end marker closes. In the Markdown report it would
 * swallow the questions, the clearance line and the signature after it, so it is an error
 * at the line where the construct opens. Each field is reported once.
 */
export function unclosedFieldProblems(
  fields: readonly MarkdownField[],
  sourceOf: (ref: FieldRef) => FieldSource | undefined,
): Diagnostic[] {
  const seen = new Set<string>();
  const problems: Diagnostic[] = [];
  for (const { ref, text } of fields) {
    const key = `${ref.file}\u0000${ref.field}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const printed = fieldText(text);
    const found = unclosedAtEnd(printed, parseField(printed));
    if (!found) continue;
    const source = sourceOf(ref);
    const place = source ? placeInFile(source, ref.field, originalLine(text, found.line), found.column) : undefined;
    problems.push(
      diagnostic(
        ref.file,
        place,
        'error',
        'markdown/unclosed',
        `\`${ref.field}\` ends inside ${found.what} that is never closed; it would swallow the rest of the report.`,
        `Close it with ${found.close} before the end of \`${ref.field}\`, or remove it.`,
      ),
    );
  }
  return problems;
}

const HTML_BLOCKS: { open: RegExp; close: RegExp; what: string; closeText: string }[] = [
  { open: /^ {0,3}<!--/, close: /-->/, what: 'an HTML comment (`<!--`)', closeText: '`-->`' },
  { open: /^ {0,3}<\?/, close: /\?>/, what: 'an HTML processing instruction (`<?`)', closeText: '`?>`' },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/, what: 'a CDATA section (`<![CDATA[`)', closeText: '`]]>`' },
  { open: /^ {0,3}<![A-Za-z]/, close: /^<![^]*>/, what: 'an HTML declaration (`<!`)', closeText: '`>`' },
  {
    open: /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i,
    close: /<\/(script|pre|style|textarea)>/i,
    what: 'a raw HTML block (`<script>`, `<pre>`, `<style>` or `<textarea>`)',
    closeText: 'its closing tag',
  },
];

/** The last top-level construct of a field, when it is one that only its own end marker closes and has none. */
function unclosedAtEnd(text: string, tree: Root): Unclosed | undefined {
  const last = tree.children.at(-1);
  const start = last?.position?.start;
  if (!last || !start || start.offset === undefined) return undefined;
  const raw = text.slice(start.offset, last.position?.end.offset);
  const at = { line: start.line, column: start.column };
  if (last.type === 'code') {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (!fence) return undefined;
    const lines = raw.split('\n');
    const closing = /^ {0,3}(`+|~+)[ \t]*$/.exec(lines.at(-1) ?? '')?.[1];
    const closed = lines.length > 1 && closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length;
    return closed ? undefined : { ...at, what: `a code block (\`${fence}\`)`, close: `a line \`${fence}\`` };
  }
  if (last.type === 'html') {
    const kind = HTML_BLOCKS.find((block) => block.open.test(raw));
    if (kind && !kind.close.test(raw.replace(/^ {0,3}/, ''))) return { ...at, what: kind.what, close: kind.closeText };
  }
  return undefined;
}

/** Line `line` of the printed field (runs of blank lines made one) → line of the field as normalised. */
function originalLine(normalised: string, line: number): number {
  let removed = 0;
  for (const run of normalised.matchAll(/\n{3,}/g)) {
    const runLine = lineAt(normalised, run.index) - removed;
    if (runLine >= line) break;
    removed += run[0].length - 2;
  }
  return line + removed;
}

/**
 * Where line `line`, column `column` of a field's text sits in its YAML file. Lines of a
 * block scalar (`|`, `>`) are found under its indicator; other scalars point at their start.
 */
function placeInFile(source: FieldSource, field: string, line: number, column: number): Place | undefined {
  const value = source.file.locate(field.split('.').map((step) => (/^\d+$/.test(step) ? Number(step) : step)));
  if (!value) return undefined;
  const fileLines = source.file.text.split(/\r?\n/);
  const indicator = fileLines[value.line - 1]?.slice(value.column - 1) ?? '';
  if (!/^[|>]/.test(indicator)) return line === 1 ? { line: value.line, column: value.column + column } : value;
  const leadingNewlines = /^\n*/.exec(source.raw.replace(/\r\n?/g, '\n'))?.[0].length ?? 0;
  const fileLine = value.line + leadingNewlines + line;
  const indent = /^ */.exec(fileLines[fileLine - 1] ?? '')?.[0].length ?? 0;
  return { line: fileLine, column: indent + column };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
