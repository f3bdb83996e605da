import { parseMarkdownTree, printedText } from './fields.js';
import { unclosedAtEnd, type Unclosed } from '../util/unclosed.js';
import { PLACEHOLDER, PLACEHOLDER_CHARS, type ReportSource } from '../render/fields.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';

/** A line that may open a construct only its own end marker closes; a skeleton without one is not parsed. */
const MAY_OPEN = /^ {0,3}(?:<[!?]|<(?:script|pre|style|textarea)(?=[\s>]|$)|`{3,}|~{3,})/im;

/**
 * `template/unclosed`: the report's text outside its Markdown fields (the skeleton: the
 * template's own text, and the plain texts it prints) ending inside a construct only its own
 * end marker closes — an HTML comment, a code fence, `<pre>`, … — which swallows the rest of
 * the report: the questions, the clearance line and the signature vanish from a Markdown
 * viewer and print as raw text or program code in the DOCX. Said at the line of the template
 * or partial (`files`) that opens it; when no line of theirs holds it (a plain text printed with
 * `{{{…}}}` brought it), at the template, with the line of the generated Markdown.
 */
export function unclosedTemplateText(source: ReportSource, template: { path: string; files: readonly { path: string; text: string }[] }): Diagnostic[] {
  if (!MAY_OPEN.test(source.skeleton)) return [];
  const found = unclosedAtEnd(source.skeleton, parseMarkdownTree(source.skeleton));
  if (!found) return [];
  const opening = (source.skeleton.split('\n')[found.line - 1] ?? '').trim();
  const written = writtenAt(opening, template.files);
  const message = (opens: string) => `${opens} that is never closed: it swallows the rest of the report, which a Markdown viewer hides and the DOCX prints as ${found.what.startsWith('a code block') ? 'program code' : 'raw text'}.`;
  if (written) return [diagnostic(written.file, written.place, 'error', 'template/unclosed', message(`The template's text opens ${found.what}`), `Close it with ${found.close} where it should end, or remove it.`)];
  return [
    diagnostic(
      template.path,
      undefined,
      'error',
      'template/unclosed',
      message(`The report opens ${found.what} outside its Markdown fields (line ${reportLine(source, found)} of the generated Markdown: “${opening.slice(0, 40)}”)`),
      'It is in no line of the template: a plain text printed as Markdown with three braces, {{{…}}}, brings it. Print plain text with two braces, {{…}}, which prints its marks as written.',
    ),
  ];
}

/**
 * The template file or partial, and the place in it, of the line that holds `opening`: the last
 * such line of the first file that has one, as the construct left open is the report's last (a
 * fence's closing line reads as its opening does).
 */
function writtenAt(opening: string, files: readonly { path: string; text: string }[]): { file: string; place: Place } | undefined {
  if (opening === '' || PLACEHOLDER_CHARS.test(opening)) return undefined;
  for (const file of files) {
    const lines = file.text.split(/\r?\n/);
    const index = lines.findLastIndex((line) => line.includes(opening));
    const line = lines[index];
    if (line !== undefined) return { file: file.path, place: { line: index + 1, column: line.indexOf(opening) + 1 } };
  }
  return undefined;
}

/** The line of the rendered report that skeleton line `found.line` is: each field before it takes its own lines. */
function reportLine(source: ReportSource, found: Unclosed): number {
  let lineStart = 0;
  for (let line = 1; line < found.line; line++) lineStart = source.skeleton.indexOf('\n', lineStart) + 1;
  let added = 0;
  for (const match of source.skeleton.slice(0, lineStart).matchAll(PLACEHOLDER)) {
    const field = source.fields[Number(match[1])];
    if (field) added += printedText(field).split('\n').length - 1;
  }
  return found.line + added;
}
