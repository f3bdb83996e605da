import type { Root, Text } from 'mdast';
import { parseMarkdownTree, reportLineOf } from './fields.js';
import { unclosedAtEnd } from '../util/unclosed.js';
import { commentOpenedAsText, isListEnd, walk } from '../util/markdown.js';
import { PLACEHOLDER, PLACEHOLDER_CHARS, type ReportSource } from '../render/fields.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';

/** A line that may open a construct only its own end marker closes. */
const MAY_OPEN = /^ {0,3}(?:<[!?]|<(?:script|pre|style|textarea)(?=[\s>]|$)|`{3,}|~{3,})/im;
/** A `<` that may start HTML: plain text the template prints has its `<` escaped, `\<`. */
const MAY_BE_HTML = /(?<!\\)<[A-Za-z!?/]/;

/** The template a report was rendered with, as these checks read it: its file and its partials' texts. */
interface TemplateText {
  path: string;
  files: readonly { path: string; text: string }[];
}

/** The template's files as the checks search them: their lines, Handlebars comments blanked. */
interface TemplateLines {
  path: string;
  files: readonly TemplateFileLines[];
}

interface TemplateFileLines {
  path: string;
  lines: readonly string[];
  /** The lines (1-based) inside a branch of a block the render did not take: they printed nothing. */
  unreached?: ReadonlySet<number> | undefined;
}

/** A line of the template or a partial that holds a text. */
interface Written {
  file: string;
  place: Place;
}

/**
 * Problems of the report's text outside its Markdown fields (the skeleton: the template's own
 * text, and the plain texts it prints), said at the template: `template/unclosed`,
 * `template/html` and `template/joined-lines`. A skeleton with no line that could hold any of
 * them is not parsed.
 */
export function templateTextProblems(source: ReportSource, template: TemplateText, unreachedLines?: () => ReadonlyMap<string, ReadonlySet<number>>): Diagnostic[] {
  const mayOpen = MAY_OPEN.test(source.skeleton);
  const mayBeHtml = MAY_BE_HTML.test(source.skeleton);
  const mayJoin = MAY_JOIN_TAB_LINE.test(source.skeleton);
  if (!mayOpen && !mayBeHtml && !mayJoin) return [];
  const tree = parseMarkdownTree(source.skeleton);
  const unreached = unreachedLines?.();
  const files = template.files.map((file) => ({ path: file.path, lines: withoutHandlebarsComments(file.text).split(/\r?\n/), unreached: unreached?.get(file.path) }));
  const read = { path: template.path, files };
  return [
    ...(mayOpen ? unclosedTemplateText(source, read, tree) : []),
    ...(mayBeHtml ? htmlInTemplateText(source, read, tree) : []),
    ...(mayJoin ? joinedTabLines(source, read, tree) : []),
  ];
}

/** A line with a tab next to another line of text, with no blank line between. */
const MAY_JOIN_TAB_LINE = /\t[^\n]*\n[ \t]*\S|\S[^\n]*\n[^\n]*\t/;

/**
 * `template/joined-lines`: a line of the template's text aligned with a tab (a signature or visa
 * line: role, tab, name flush right) next to another line with no blank line between. Markdown
 * joins them into one paragraph, so the DOCX prints them on one line ("… L. Lejiņa Vīza: …")
 * and the second name is pushed to a line of its own. Found where a partial of one line is
 * included right under another one's last. Said at the line joined on (the later one), else the
 * earlier one, else the template with the line of the generated Markdown; a line break written
 * (`\` or two spaces at the end) is not said.
 */
function joinedTabLines(source: ReportSource, template: TemplateLines, tree: Root): Diagnostic[] {
  const said = new Map<string, Diagnostic>();
  const nextLine = lineAfterLine(template.files);
  walk(tree, (node) => {
    if (node.type !== 'paragraph' || node.position?.start.offset === undefined || node.position.end.offset === undefined) return;
    const lines = source.skeleton.slice(node.position.start.offset, node.position.end.offset).split('\n');
    for (let index = 1; index < lines.length; index++) {
      const before = lines[index - 1] ?? '';
      const after = lines[index] ?? '';
      if (!before.includes('\t') && !after.includes('\t')) continue;
      if (/(?:\\| {2,})$/.test(before) || A_PLACEHOLDER.test(before) || A_PLACEHOLDER.test(after)) continue;
      const written = nextLine(after.trim()) ?? nextLine(before.trim());
      const key = placeKey(written);
      if (said.has(key)) continue;
      const shown = (line: string) => `“${line.trim().replace(/\t+/g, ' ')}”`;
      const where = written ? '' : ` (line ${reportLineOf(source, (node.position.start.line ?? 1) + index)} of the generated Markdown)`;
      const message = `The line ${shown(after)} follows the line ${shown(before)} with no blank line between${where}: Markdown joins them into one paragraph, and the DOCX prints them on one line, the tab that aligns them in the middle.`;
      const hint = 'Leave a blank line between them (after a partial such as {{> signature}} too) so that each is a paragraph of its own; or end the first with `\\` for a line break within one paragraph.';
      said.set(key, diagnostic(written?.file ?? template.path, written?.place, 'warning', 'template/joined-lines', message, hint));
    }
  });
  return [...said.values()];
}

/**
 * `template/unclosed`: the skeleton ending inside a construct only its own end marker closes — an
 * HTML comment, a code fence, `<pre>`, … — which swallows the rest of the report: the questions,
 * the clearance line and the signature vanish from a Markdown viewer and print as raw text or
 * program code in the DOCX. Said at the line of the template or partial that opens it; when no
 * line of theirs holds it (a plain text printed with `{{{…}}}` brought it), at the template, with
 * the line of the generated Markdown.
 */
function unclosedTemplateText(source: ReportSource, template: TemplateLines, tree: Root): Diagnostic[] {
  const found = unclosedAtEnd(source.skeleton, tree);
  if (!found) return [];
  const opening = (source.skeleton.split('\n')[found.line - 1] ?? '').trim();
  const openingShown = withFieldsElided(opening);
  const holding = linesHolding(opening, template.files);
  // The last such line of the first file that has one: a construct left open is the report's last, and a fence's closing line reads as its opening does.
  const written = holding.findLast((line) => line.file === holding[0]?.file);
  const message = (opens: string) => `${opens} that is never closed: it swallows the rest of the report, which a Markdown viewer hides and the DOCX prints as ${found.what.startsWith('a code block') ? 'program code' : 'raw text'}.`;
  if (written) return [diagnostic(written.file, written.place, 'error', 'template/unclosed', message(`The template's text opens ${found.what}`), `Close it with ${found.close} where it should end, or remove it.`)];
  return [
    diagnostic(
      template.path,
      undefined,
      'error',
      'template/unclosed',
      message(`The report opens ${found.what} outside its Markdown fields (line ${reportLineOf(source, found.line)} of the generated Markdown: “${openingShown.slice(0, 40)}”)`),
      BRACES_HINT,
    ),
  ];
}

/**
 * `template/html`: HTML in the template's own text, which the DOCX prints as written, tags and
 * all (a comment too, though a Markdown viewer hides it), as `markdown/html` says of a field.
 * A warning at each line of the template or partial that has it, however often the report
 * prints that line; HTML no line of theirs holds (a plain text printed with `{{{…}}}`), once, at
 * the template. An empty comment (`<!-- -->`, which ends a list), a closing tag and a comment
 * never closed (`template/unclosed`) are not said.
 */
function htmlInTemplateText(source: ReportSource, template: TemplateLines, tree: Root): Diagnostic[] {
  const said = new Map<string, Diagnostic>();
  const nextLine = lineAfterLine(template.files);
  /** A `<!--` within a line that nothing closes: Markdown reads no comment, and prints it as text. */
  const sayCommentAsText = (text: string, line: number): void => {
    const written = nextLine(text);
    const key = placeKey(written);
    if (said.has(key)) return;
    const where = written ? "The template's text" : `The report, outside its Markdown fields (line ${reportLineOf(source, line)} of the generated Markdown),`;
    const message = `${where} opens an HTML comment (\`<!--\`) within a line and never closes it in that paragraph: Markdown reads no comment there, so the report prints \`<!--\` and the words after it as text, in a Markdown viewer too.`;
    const hint = written ? "Close it with `-->` in the same paragraph, or write a note for the template's authors as a Handlebars comment, {{!-- … --}}, which prints nothing." : BRACES_HINT;
    said.set(key, diagnostic(written?.file ?? template.path, written?.place, 'warning', 'template/html', message, hint));
  };
  walk(tree, (node) => {
    if (node.type === 'text') {
      const opened = openedCommentInText(source.skeleton, node);
      if (opened) sayCommentAsText(opened.text, opened.line);
      return;
    }
    if (node.type !== 'html' || node.value.startsWith('</') || isListEnd(node)) return;
    const comment = node.value.startsWith('<!--');
    if (comment && !node.value.includes('-->')) return;
    const firstLine = (node.value.split('\n')[0] ?? '').trim();
    const written = nextLine(firstLine);
    const shown = withFieldsElided(firstLine);
    const key = placeKey(written);
    if (said.has(key)) return;
    const what = comment ? 'an HTML comment' : `HTML (\`${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}\`)`;
    const where = written ? '' : ` outside its Markdown fields (line ${reportLineOf(source, node.position?.start.line ?? 1)} of the generated Markdown)`;
    const message = `The ${written ? "template's text" : 'report'} has ${what}${where}, which the DOCX prints as written${comment ? ', though a Markdown viewer hides it' : ', tags and all'}.`;
    const hint = !written
      ? BRACES_HINT
      : comment
        ? "Write a note for the template's authors as a Handlebars comment, {{!-- … --}}, which prints nothing."
        : 'Write the formatting in Markdown (**bold**, *italic*, [text](address)); a `<` meant as text is written `\\<`.';
    said.set(key, diagnostic(written?.file ?? template.path, written?.place, 'warning', 'template/html', message, hint));
  });
  return [...said.values()];
}

/** The skeleton's line (its text trimmed, and its number) where a text node holds a `<!--` Markdown prints as text (see {@link commentOpenedAsText}). */
function openedCommentInText(skeleton: string, node: Text): { text: string; line: number } | undefined {
  const at = commentOpenedAsText(skeleton, node);
  if (at === undefined) return undefined;
  const lineStart = skeleton.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = skeleton.indexOf('\n', at);
  return { text: skeleton.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim(), line: (skeleton.slice(0, lineStart).match(/\n/g)?.length ?? 0) + 1 };
}

/** Where a line of the template stands, as a key: each is said once; '' for a text no line holds. */
function placeKey(written: Written | undefined): string {
  return written ? `${written.file}:${written.place.line}:${written.place.column}` : '';
}

/** What to do about Markdown a plain text brought into the report. */
const BRACES_HINT = 'It is in no line of the template: a plain text printed as Markdown with three braces, {{{…}}}, brings it. Print plain text with two braces, {{…}}, which prints its marks as written.';

/** One placeholder of a field in the skeleton. */
const A_PLACEHOLDER = /\uE000\d+\uE001/;

/** A skeleton text as a message shows it: each field printed in it as `…`. */
function withFieldsElided(text: string): string {
  return text.replace(PLACEHOLDER, '…');
}

/**
 * For each HTML node in report order, the line of the template or a partial that wrote it: the
 * nth node with a text goes to the nth line holding it, in file order, so that each such line is
 * said; when the report prints the lines more often than they are written (a loop), it starts
 * from the first again.
 */
function lineAfterLine(files: readonly TemplateFileLines[]): (text: string) => Written | undefined {
  const previous = new Map<string, number>();
  return (text) => {
    const holding = linesHolding(text, files);
    const next = (previous.get(text) ?? -1) + 1;
    const index = next < holding.length ? next : 0;
    previous.set(text, index);
    return holding[index];
  };
}

/**
 * Every line of the template and its partials, in file order, that holds `text`, leaving out the
 * lines of a branch this render did not take (they printed nothing) unless no other holds it. A
 * text that prints fields is looked for by its longest stretch between them, which the template
 * wrote; the place is where the text starts.
 */
function linesHolding(text: string, files: readonly TemplateFileLines[]): Written[] {
  const all = linesHoldingAnywhere(text, files);
  const reached = all.filter((written) => !files.find((file) => file.path === written.file)?.unreached?.has(written.place.line));
  return reached.length ? reached : all;
}

/** Every line of the template and its partials that holds `text`, reached by the render or not (see {@link linesHolding}). */
function linesHoldingAnywhere(text: string, files: readonly TemplateFileLines[]): Written[] {
  const pieces = text.split(A_PLACEHOLDER);
  const longest = pieces.reduce((best, piece) => (piece.trim().length > best.trim().length ? piece : best), '');
  if (longest.trim() === '' || PLACEHOLDER_CHARS.test(longest)) return [];
  const first = pieces[0] ?? '';
  return files.flatMap((file) =>
    file.lines.flatMap((line, index) => {
      const at = line.indexOf(longest);
      if (at === -1) return [];
      const start = first === '' || first === longest ? at : line.lastIndexOf(first, at);
      return [{ file: file.path, place: { line: index + 1, column: (start === -1 ? at : start) + 1 } }];
    }),
  );
}

/** A template's text with its Handlebars comments, which print nothing, blanked: its lines and columns kept. */
function withoutHandlebarsComments(text: string): string {
  return text.replace(/\{\{~?!--[\s\S]*?--~?\}\}|\{\{~?![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\r\n]/g, ' '));
}
