import type { Root } from 'mdast';
import { offsetInText, placeInText } from '../load/characters.js';
import { composedText } from '../util/composed.js';
import type { YamlFile } from '../load/yaml.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';
import { commentOpenedAsText, isListEnd, startsWithDate, walk } from '../util/markdown.js';
import { headingLevelWords, tooDeepHeadingLines } from '../util/heading-level.js';
import { parseAsBuilt } from '../util/markdown-pieces.js';
import { toString as mdastToString } from 'mdast-util-to-string';

/**
 * A `[^label]` that GFM left as text: no definition in the field. A `\[` escapes it. A label holds
 * no bracket, and stopping at one keeps a long run of `[^` linear (it took 20 s for 100,000).
 */
const UNRESOLVED = /(?<!\\)\[\^([^[\]\s]+)\]/g;

/**
 * The footnotes of one Markdown field that do not pair up, as warnings at their place in
 * the YAML file. Each field is parsed alone (its footnotes are its own, see
 * `resolve/markdown-field.ts`), so a reference needs a definition in the same field:
 *
 * - `markdown/undefined-footnote`: a `[^9]` with no `[^9]:` is printed as written.
 * - `markdown/unused-footnote`: a `[^9]:` that nothing refers to is left out of the report.
 */
function footnoteProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  if (!text.includes('[^')) return [];
  const name = field.join('.');
  const referenced = new Set<string>();
  const again: { label: string; offset: number }[] = [];
  const definitions: { identifier: string; label: string; offset: number }[] = [];
  const unresolved: { label: string; offset: number }[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'footnoteReference') {
      if (referenced.has(node.identifier)) again.push({ label: node.label ?? node.identifier, offset: start });
      referenced.add(node.identifier);
    }
    else if (node.type === 'footnoteDefinition') definitions.push({ identifier: node.identifier, label: node.label ?? node.identifier, offset: start });
    else if (node.type === 'text') {
      for (const match of text.slice(start, end).matchAll(UNRESOLVED)) unresolved.push({ label: match[1] ?? '', offset: start + match.index });
    }
  });
  const problems = unresolved.map(({ label, offset }) =>
    diagnostic(
      file.path,
      place(offset, `[^${label}]`),
      'warning',
      'markdown/undefined-footnote',
      `The footnote reference \`[^${label}]\` in \`${name}\` has no definition in that field: the report prints it as written.`,
      `Define it in \`${name}\`, on a line of its own: \`[^${label}]: the note's text\`; or remove the reference.`,
    ),
  );
  for (const { label, offset } of again) {
    problems.push(
      diagnostic(
        file.path,
        place(offset, `[^${label}]`),
        'warning',
        'markdown/footnote-reused',
        `The footnote \`[^${label}]\` is referred to again here: the report prints a footnote at each reference, so its text appears twice.`,
        `Refer to it once; for the second place write a note of its own (e.g. \`[^${label}-2]: Turpat.\`).`,
      ),
    );
  }
  for (const { identifier, label, offset } of definitions) {
    if (referenced.has(identifier)) continue;
    problems.push(
      diagnostic(
        file.path,
        place(offset, `[^${label}]:`),
        'warning',
        'markdown/unused-footnote',
        `The footnote \`[^${label}]\` is defined in \`${name}\` but never referred to: the report leaves it out.`,
        `Refer to it in the text of \`${name}\` with \`[^${label}]\`, or remove the definition.`,
      ),
    );
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** The checks of each Markdown field given (not nested too deep, footnotes paired, no raw HTML), for the fields that have text. */
export function markdownFieldProblems(file: YamlFile, fields: readonly (readonly [string, string | undefined])[]): Diagnostic[] {
  return fields.flatMap(([name, text]) => {
    if (text === undefined) return [];
    const place = placer(file, [name], text);
    // Read before anything parses the field: such a text takes the parser minutes and overflows the compilers.
    const unparseable = beforeParse(file, [name], text, place);
    if (unparseable) return [unparseable];
    // Parsed once for the checks, and only when the text has what one of them looks for.
    if (!TREE_CHECKS.some((check) => check.mayFind(text))) return [];
    // As the build reads it: a line that starts with a year or a date is no list item.
    const tree = parseAsBuilt(text);
    return TREE_CHECKS.flatMap((check) => check.find(file, [name], text, tree, place));
  });
}

/** A check of a field's syntax tree, with what a text must have for it to find anything, read without a parse. */
interface TreeCheck {
  mayFind(text: string): boolean;
  find(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[];
}

/** The checks of a parsed field, in the order their problems are listed. */
const TREE_CHECKS: readonly TreeCheck[] = [
  { mayFind: (text) => text.includes('[^'), find: footnoteProblems },
  { mayFind: (text) => text.includes('<'), find: htmlProblems },
  { mayFind: (text) => SUSPECT_LINK.test(text), find: linkProblems },
  { mayFind: (text) => BRACKETS_WITHOUT_WORDS.test(text), find: linkTextProblems },
  { mayFind: (text) => INDENTED_LINE.test(text), find: indentedCodeProblems },
  { mayFind: (text) => mayRenumber(text), find: listNumberProblems },
  { mayFind: (text) => PASTED_MARK_LINE.test(text), find: pastedBulletProblems },
  { mayFind: (text) => ITEM_WITHOUT_TEXT.test(text), find: emptyItemProblems },
  { mayFind: (text) => SPACED_HYPHEN.test(text), find: spacedHyphenProblems },
  { mayFind: (text) => SPLIT_WORD.test(text), find: splitWordProblems },
  { mayFind: (text) => text.includes('—'), find: emDashProblems },
  { mayFind: (text) => HEADING_MAY_INTERRUPT.test(text), find: headingInParagraphProblems },
  { mayFind: (text) => TOO_MANY_MARKS.test(text), find: headingLevelProblems },
  { mayFind: (text) => text.includes('  \n'), find: hardBreakProblems },
  { mayFind: (text) => text.includes('"'), find: straightQuoteProblems },
  { mayFind: (text) => text.includes('][^'), find: adjacentNoteProblems },
  { mayFind: (text) => DELIMITER_ROW.test(text), find: extraCellProblems },
  { mayFind: (text) => text.includes(']['), find: undefinedLinkLabelProblems },
  { mayFind: (text) => SPACED_ADDRESS.test(text) || SPACED_LINK.test(text), find: spacedAddressProblems },
];

/**
 * `markdown/too-deep` and `markdown/too-complex` alone, for the fields given: what must hold
 * before anything parses them (diff reads versions with it).
 */
export function unparseableProblems(file: YamlFile, fields: readonly (readonly [string, string | undefined])[]): Diagnostic[] {
  return fields.flatMap(([name, text]) => (text === undefined ? [] : (beforeParse(file, [name], text, placer(file, [name], text)) ?? [])));
}

/** What keeps a field from being parsed at all, read from its text: nesting first, then marks. */
function beforeParse(file: YamlFile, field: readonly PropertyKey[], text: string, place: Placer): Diagnostic | undefined {
  return nestingProblem(file, field, text, place) ?? marksProblem(file, field, text, place);
}

/**
 * The most emphasis, strikethrough and link marks (`*`, `_`, `~`, `[`, `]`) one paragraph may
 * hold. The Markdown parser pairs them up at a cost that grows with the square of their number in
 * a paragraph: 25,000 `*a` in one took it 3 minutes, 2,000 take 30 ms. A report's paragraph has a
 * few dozen.
 */
export const MAX_MARKS = 2000;

/**
 * `markdown/too-complex`: the first paragraph of a field with more than {@link MAX_MARKS} marks,
 * read from its text without parsing it. A paragraph ends at a blank line, so what is counted
 * holds every paragraph, list item and table cell the parser would make of those lines: never
 * fewer marks than the parser pairs up. Escaped marks count too (the count stays a bound). Link
 * definitions that open a block (see {@link isUncountedDefinition}) are not counted: a list of sources
 * written `[x]: url` line under line is no paragraph, and nothing in it is paired; one above a line
 * that may be a table's delimiter row is, as the parser takes it for the table's head.
 */
function marksProblem(file: YamlFile, field: readonly PropertyKey[], text: string, place: Placer): Diagnostic | undefined {
  let offset = 0;
  let start = -1;
  let marks = 0;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      start = -1;
      marks = 0;
    } else if (start !== -1 || !isUncountedDefinition(line, lines[index + 1])) {
      if (start === -1) start = offset;
      for (let i = 0; i < line.length; i++) {
        const code = line.charCodeAt(i);
        if (code === 42 || code === 95 || code === 126 || code === 91 || code === 93) marks++; // * _ ~ [ ]
      }
      if (marks > MAX_MARKS) {
        return errorAtLine(
          file,
          place,
          start,
          lineFrom(text, start),
          'markdown/too-complex',
          `\`${field.join('.')}\` has a paragraph with more than ${MAX_MARKS.toLocaleString('en')} emphasis and link marks (* _ ~ [ ]) from here; a report cannot show it.`,
          'Split it into paragraphs with blank lines, or remove the marks that are not formatting: a paragraph of a report has a few dozen.',
        );
      }
    }
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * A whole link definition on one line, `[x]: https://… "Title"`, in a form the parser always takes
 * for one where a block may start (a definition cannot interrupt a paragraph: after a line of text
 * it is text). Stricter than Markdown (no parentheses nested in the address, no title on its own
 * line): what it refuses is counted, which keeps the count a bound.
 */
function isDefinitionLine(line: string): boolean {
  const found = DEFINITION_LINE.exec(line);
  const label = found?.[1] ?? '';
  return label.length <= 999 && /\S/.test(label);
}

/**
 * Whether a line that opens a block is a link definition the count leaves out: one that is not
 * above a line that may be a table's delimiter row. Exported for the property test.
 */
export function isUncountedDefinition(line: string, next: string | undefined): boolean {
  return isDefinitionLine(line) && !MAY_DELIMIT_TABLE.test(next ?? '');
}

/**
 * A line that may be a table's delimiter row (`| - |`, `:-:|--`), or one much like it: the line
 * above it is then the table's head, not a definition (`[a]: u` over `| -` is a table of one cell).
 */
const MAY_DELIMIT_TABLE = /^[ \t|:-]*-[ \t|:-]*$/;

/** `[label]: destination "title"` alone on a line: a label of up to 999 characters without brackets, an address in `<…>` or without blanks. */
const DEFINITION_LINE =
  /^ {0,3}\[(?!\^)((?:[^\\[\]]|\\[^\n])+)\]:[ \t]*(?:<[^<>\n\\]*>|(?:[^\s<>()\\]|\([^\s()\\]*\))+)(?:[ \t]+(?:"[^"\\]*"|'[^'\\]*'|\([^()\\]*\)))?[ \t]*$/;

/**
 * The deepest nesting of quotes and lists a Markdown field may have. A report shows a few
 * levels at most (Word numbers nine); a few thousand overflow the DOCX compiler's stack, and
 * a few hundred lines that each nest one level deeper take the Markdown parser minutes.
 */
export const MAX_NESTING = 20;

/** One marker that opens a quote, a list item or a footnote. */
const OPENER = />|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|\[\^[^\]\s]+\]:/g;
/** The markers at the start of a line, each with the blanks after it. */
const OPENERS = new RegExp(`^[ \\t]*(?:(?:${OPENER.source})[ \\t]*)+`);
/** `- - -`, `* * *`: a rule across the page, not lists. */
const THEMATIC_BREAK = /^ {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$/;

/**
 * The most quotes, lists and footnotes a line can have open, read from its text: one per marker
 * at its start and one per two columns of blanks — all of those before the first marker, which
 * may continue list items of the lines above, and those after each marker beyond its first (a tab
 * counts four). Exported for the property test that holds it to the parser.
 */
export function nestingLevels(line: string): number {
  const lead = OPENERS.exec(line)?.[0];
  if (lead === undefined || THEMATIC_BREAK.test(line)) return 0;
  // The blanks before the first marker, then those after each marker: one column after a marker is the marker's own.
  const [indent = '', ...afterMarkers] = lead.split(OPENER);
  const free = width(indent) + afterMarkers.reduce((sum, blanks) => sum + Math.max(0, width(blanks) - 1), 0);
  return afterMarkers.length + Math.floor(free / 2);
}

/** Columns of blanks, a tab counted as the most it can stand for (4). */
function width(blanks: string): number {
  let columns = 0;
  for (const char of blanks) columns += char === '\t' ? 4 : 1;
  return columns;
}

/**
 * `markdown/too-deep`: the first line of a field that may open more than {@link MAX_NESTING}
 * quotes and lists, read from its text without parsing it. A line opens at most one level per
 * marker at its start (`>`, `-`, `1.`) and, since a list nests by indentation, one per two
 * columns of blanks beyond the one after each marker: never less than the parser would make.
 */
function nestingProblem(file: YamlFile, field: readonly PropertyKey[], text: string, place: Placer): Diagnostic | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    if (nestingLevels(line) > MAX_NESTING) {
      return errorAtLine(
        file,
        place,
        offset,
        line,
        'markdown/too-deep',
        `\`${field.join('.')}\` nests quotes and lists more than ${MAX_NESTING} levels deep here; a report cannot show it.`,
        'Write the text with a few levels of lists at most: look for `>` or list markers repeated at the start of the line, or indentation that runs away.',
      );
    }
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * Raw HTML in one Markdown field (`markdown/html`), as warnings at its place in the YAML file:
 * the DOCX prints it as written, tags and all, while the Markdown report passes it on as HTML,
 * so the two outputs say different things (a comment is hidden in one, printed in the other).
 */
function htmlProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  if (!text.includes('<')) return [];
  const name = field.join('.');
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    const opened = commentOpenedAsText(text, node);
    if (opened !== undefined) {
      problems.push(
        diagnostic(
          file.path,
          place(opened, '<!--'),
          'warning',
          'markdown/html',
          `\`${name}\` opens an HTML comment (\`<!--\`) within a line and never closes it in that paragraph: Markdown reads no comment there, so the report prints \`<!--\` and the words after it as text.`,
          'Remove it; notes for the authors belong in YAML comments (# …) outside the text. A `<` meant as text is written `\\<`.',
        ),
      );
    }
    const start = node.position?.start.offset;
    // A closing tag belongs to the opening one, which is reported.
    // An empty comment (`<!-- -->`, which ends a list) prints nothing anywhere.
    if (node.type !== 'html' || start === undefined || node.value.startsWith('</') || isListEnd(node)) return;
    const shown = node.value.split('\n')[0] ?? '';
    const comment = node.value.startsWith('<!--');
    // A comment never closed swallows the rest of the field: markdown/unclosed says so, as an error.
    if (comment && !node.value.includes('-->')) return;
    problems.push(
      diagnostic(
        file.path,
        place(start, shown),
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

/** Addresses a reader's copy can open from anywhere: a text whose links all have one is not parsed for this check. */
const READER_SCHEMES = 'https?|mailto|tel|ftps?';
/** Schemes of addresses on the web: a site's name follows their `//`. */
const WEB_SCHEME = 'https?|ftps?';
/** An ellipsis as a placeholder address has it, also percent-escaped (see {@link isPlaceholderAddress}). */
const ELLIPSIS = '(?:…|%E2%80%A6|(?:\\.|%2E){3})';

/**
 * A link (`](…)`) or link definition (`]: …`) whose address does not start with one of
 * {@link READER_SCHEMES}, or with a web one not followed by `//` and a site's name, or one or a web
 * autolink with an ellipsis (`https://…`, a placeholder), or an autolink (`<…:…>`) with a scheme that
 * runs or embeds something: only such a text needs the parse that tells a link from text that looks like one.
 */
const SUSPECT_LINK = new RegExp(
  `\\](?:\\(|:)[ \\t]*<?(?:(?!(?:${READER_SCHEMES}):)|(?:${WEB_SCHEME}):(?!//[^/?#\\s)>])|[^\\s)>]*${ELLIPSIS})|<(?:javascript|vbscript|data|file):|<(?:${WEB_SCHEME}):[^\\s>]*${ELLIPSIS}`,
  'i',
);
/** Schemes that run code or carry a document inside the link: never in a report. */
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/i;

/**
 * Links whose address a reader of the DOCX cannot open, as problems at their place in the YAML file:
 *
 * - `markdown/link-unsafe` (error): `javascript:`, `vbscript:` or `data:`, which run code or open
 *   a document carried in the link when clicked; a report never needs one.
 * - `markdown/link-address` (warning): an address with no scheme (`www.izm.gov.lv`, which Word
 *   opens as a file beside the report, `../annex.pdf`, `#part`, or none), a web one with no site
 *   after it (`https://` left to be filled in, `https:/www…`), a placeholder (`https://…`, `<url>`),
 *   or a file on one computer (`file:`, `C:\…`): the link opens nothing for whoever receives the report.
 */
function linkProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const name = field.join('.');
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const problem = addressProblem(node.url.trim());
    if (!problem) return;
    const source = text.slice(start, end).split('\n')[0] ?? '';
    const shown = source.length > 60 ? `${source.slice(0, 60)}…` : source;
    const at = place(start, source);
    problems.push(
      problem.unsafe
        ? diagnostic(file.path, at, 'error', 'markdown/link-unsafe', `The link \`${shown}\` in \`${name}\` ${problem.what}; a report never carries one.`, 'Link to a web page (https://…), or write the text without a link.')
        : diagnostic(file.path, at, 'warning', 'markdown/link-address', `The link \`${shown}\` in \`${name}\` ${problem.what}.`, problem.hint),
    );
  });
  return problems;
}

/** Brackets with no letter or digit between them (`[]`, `[ ]`, `[**  **]`): only a text with them can hold a link with no text. */
const BRACKETS_WITHOUT_WORDS = /\[[^\]\p{L}\p{N}]*\]/u;

/**
 * `markdown/link-text` (warning): a link with no text to read (`[](https://…)`, an image without
 * alternative text as its text): the DOCX prints nothing where it stands, so the reader can neither see
 * nor follow it, and a screen reader announces a link with no name.
 */
function linkTextProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'linkReference') return;
    if (mdastToString(node).trim() !== '') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const source = text.slice(start, end).split('\n')[0] ?? '';
    const shown = source.length > 60 ? `${source.slice(0, 60)}…` : source;
    problems.push(
      diagnostic(
        file.path,
        place(start, source),
        'warning',
        'markdown/link-text',
        `The link \`${shown}\` in \`${field.join('.')}\` has no text: the report prints nothing where it stands, so the reader can neither see nor follow it, and a screen reader says only “link”.`,
        'Write what the link leads to between the brackets, e.g. `[Padomes secinājumi](https://…)`, or give the address itself in angle brackets, `<https://…>`.',
      ),
    );
  });
  return problems;
}

/** An address with a web scheme (see {@link WEB_SCHEME}). */
const WEB_ADDRESS = new RegExp(`^(?:${WEB_SCHEME}):`, 'i');
/**
 * A web address written whole: `//` and a site's name after the scheme. Browsers mend `https:/x`
 * and `https:///x`; the URI parser a .NET program opens a DOCX with need not, and refuses a
 * `https://` left to be filled in.
 */
const WHOLE_WEB_ADDRESS = new RegExp(`^(?:${WEB_SCHEME})://[^/?#\\s)>]`, 'i');

/** Words that stand for an address to be filled in (`[r]: <url>`), not for one. */
const PLACEHOLDER_WORDS = new Set(['url', 'uri', 'link', 'address', 'adrese', 'saite', 'href']);

/**
 * An address left to be filled in, as a hint or a template shows one: an ellipsis (`https://…`,
 * `...`, `https://eur-lex.europa.eu/…`) where the rest of it should be, or a word for one (`<url>`).
 * The parser keeps the address as written; its percent-escapes are read back too, so that an
 * ellipsis copied escaped (`https://…` as `https://%E2%80%A6`, as some browsers copy it) is one as well.
 */
function isPlaceholderAddress(url: string): boolean {
  const written = decodedAddress(url);
  return /…|\.\.\./.test(written) || PLACEHOLDER_WORDS.has(written.toLowerCase());
}

/** An address as it was written, its percent-escapes read back; as it is where they do not decode. */
function decodedAddress(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** What is wrong with a link's address for a reader of the report, if anything. */
function addressProblem(url: string): { unsafe: boolean; what: string; hint?: string } | undefined {
  if (UNSAFE_SCHEME.test(url)) return { unsafe: true, what: `would ${/^data:/i.test(url) ? 'open a document carried in the link' : 'run code'} when clicked in the DOCX` };
  if (isPlaceholderAddress(url)) {
    return {
      unsafe: false,
      what: 'is a placeholder, not an address: the report links to nothing the reader can open',
      hint: 'Write the whole address in its place (copy it from the browser’s address bar), or write the text without a link.',
    };
  }
  if (/^file:|^[a-z]:[\\/]|^\\\\/i.test(url)) {
    return { unsafe: false, what: 'points to a file on one computer: nobody who receives the report can open it', hint: 'Link to where the document is published (https://…), or name it in the text.' };
  }
  if (WEB_ADDRESS.test(url) && !WHOLE_WEB_ADDRESS.test(url)) {
    return {
      unsafe: false,
      what: 'is not a whole web address (no site’s name after the //): in the DOCX it may open nothing, and a document system built on Microsoft’s Open XML SDK may refuse the whole file for it (“Malformed URI”)',
      hint: 'Write the whole address, e.g. `https://www.izm.gov.lv/…`, or write the text without a link.',
    };
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(url)) return undefined; // a scheme of its own (https:, mailto:, tel:, …): the reader's programs know it
  if (url === '') return { unsafe: false, what: 'has no address: it opens nothing', hint: 'Give the whole address (https://…), or write the text without a link.' };
  const host = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?=[/?#]|$)/i.exec(url)?.[0];
  if (host && (host.startsWith('www.') || !/\.(?:docx?|pdf|xlsx?|pptx?|odt|txt|html?)$/i.test(host))) {
    return { unsafe: false, what: `has no https:// in front: Word opens it as a file named “${url}” beside the report, not as the website`, hint: `Write the whole address: \`https://${url}\`.` };
  }
  return { unsafe: false, what: 'has no web address: in the DOCX it opens nothing the reader has', hint: 'Give the whole address (https://…), or write the text without a link.' };
}

/** An error of a field's text read before it is parsed, placed at the first words of the line that starts at `lineStart`. */
function errorAtLine(file: YamlFile, place: Placer, lineStart: number, line: string, ruleId: RuleId, message: string, hint: string): Diagnostic {
  return diagnostic(file.path, placeAtWords(place, lineStart, line, 20), 'error', ruleId, message, hint);
}

/** The place of the first words (up to `length` characters) of the line that starts at `lineStart`. */
function placeAtWords(place: Placer, lineStart: number, line: string, length: number): Place | undefined {
  const shown = line.trim().slice(0, length);
  return place(lineStart + line.indexOf(shown), shown);
}

/** The text from `offset` to the end of its line. */
function lineFrom(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end === -1 ? undefined : end);
}

/** A line that starts with a tab or four spaces: only a text with one can hold an indented code block. */
const INDENTED_LINE = /(?:^|\n)(?: {4}|\t| {1,3}\t)/;

/**
 * `markdown/indented-code`: a paragraph indented by a tab or four spaces, which Markdown reads as
 * program code and the report prints in a fixed-width font, unjustified. Text pasted from Word
 * brings such a tab along with its first-line indent; a report never holds program code by
 * accident. A fenced block (```) is code on purpose and is not reported.
 */
function indentedCodeProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    if (node.type !== 'code' || start === undefined || /^[ \t]*(?:```|~~~)/.test(text.slice(start, start + 40))) return;
    const lineStart = text.lastIndexOf('\n', start) + 1;
    problems.push(
      diagnostic(
        file.path,
        placeAtWords(place, lineStart, lineFrom(text, lineStart), 30),
        'warning',
        'markdown/indented-code',
        `This paragraph of \`${field.join('.')}\` starts with a tab or four spaces, so it is printed as program code: in a fixed-width font, not justified.`,
        'Remove the blanks at the start of its lines; the report indents the first line of each paragraph itself. (Program code meant as such goes between ``` lines.)',
      ),
    );
  });
  return problems;
}

/** A number and `.` or `)` among the marks that open a line (see `OPENERS`): a numbered list item. */
const NUMBERED_MARK = /(?<![\d^])(\d{1,9})([.)])(?=[ \t]|$)/g;

/**
 * Whether a text may hold a list item printed with another number than written, read without
 * parsing it. It may not when the numbered marks that open its lines are one to a line, with no
 * tab before them, and each list's items (one kind of mark, one column) go on one by one from the
 * number the list starts with. A list ends at a line after a blank line that starts no further
 * left than its marks and is not another of its items (a line that starts with a year or a date,
 * which the build keeps a paragraph, is such a line). Exported for the property test that holds
 * it to the parser.
 */
export function mayRenumber(text: string): boolean {
  const open = new Map<string, { number: number; column: number }>();
  let afterBlank = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      afterBlank = true;
      continue;
    }
    const lead = startsWithDate(line) ? undefined : OPENERS.exec(line)?.[0];
    const marks = lead === undefined ? [] : [...lead.matchAll(NUMBERED_MARK)];
    // Two on a line nest; a tab's column depends on where it stands.
    if (marks.length > 1 || (marks.length === 1 && lead?.includes('\t'))) return true;
    const [found] = marks;
    const mark = found?.[2];
    if (afterBlank) {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      for (const [kind, list] of open) if (kind !== mark && indent <= list.column && !line.startsWith('\t')) open.delete(kind);
    }
    afterBlank = false;
    if (!found || !mark || lead === undefined) continue;
    const number = Number(found[1]);
    const column = width(lead.slice(0, found.index));
    const before = open.get(mark);
    if (before !== undefined && (number !== before.number + 1 || column !== before.column)) return true;
    open.set(mark, { number, column });
  }
  return false;
}

/**
 * `markdown/list-number`: an item of a numbered list written with another number than the one
 * it is printed with. A numbered list counts on from its first item, whatever the others say:
 * "12. panta …" and then "3. februārī …" (a date that does not start a line as a date would)
 * printed "13. februārī". A list whose items all repeat the first number (`1.`, `1.`, `1.`) is
 * numbered that way on purpose and is not reported.
 */
function listNumberProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    if (node.type !== 'list' || !node.ordered) return;
    const start = node.start ?? 1;
    const written = node.children.map((item) => {
      const at = item.position?.start.offset;
      const found = at === undefined ? undefined : /^(\d{1,9})([.)])/.exec(text.slice(at, at + 12));
      return found && at !== undefined ? { at, number: Number(found[1]), marker: found[0] } : undefined;
    });
    if (written.every((item) => item?.number === start)) return;
    written.forEach((item, index) => {
      if (!item || item.number === start + index) return;
      const printed = `${start + index}${item.marker.slice(-1)}`;
      const line = lineFrom(text, item.at);
      const shown = line.length > 30 ? `${line.slice(0, 30)}…` : line;
      problems.push(
        diagnostic(
          file.path,
          place(item.at, line.slice(0, 20)),
          'warning',
          'markdown/list-number',
          `The list item written \`${item.marker}\` in \`${field.join('.')}\` is printed as \`${printed}\`: a numbered list counts on from its first item (\`${start}${item.marker.slice(-1)}\`).`,
          `If “${shown}” does not go on with the list, write its mark as \`${item.number}\\${item.marker.slice(-1)}\`; if it does, number the items in order.`,
        ),
      );
    });
  });
  return problems;
}

/** Bullet characters Word and PDF readers put before list items, which Markdown does not read as list marks. */
const BULLETS = '•◦▪▫●○■□·∙‣⁃';

/**
 * `markdown/pasted-bullet`: a list pasted from Word or a PDF, its items starting with "•" rather
 * than a Markdown list mark, or with a mark Word types as text: a dash, the "o" of its second
 * level, "a)" or "(i)". Markdown reads them as lines of one paragraph and joins them: the report
 * printed "Latvija atbalsta: • pirmo pasākumu; • otro pasākumu." on one line. Reported once per
 * paragraph, at its first such line after the first.
 */
function pastedBulletProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'paragraph' || start === undefined || end === undefined) return;
    const found = pastedMark(text.slice(start, end));
    if (!found) return;
    const at = start + found.at;
    problems.push(
      diagnostic(
        file.path,
        place(at, lineFrom(text, at).slice(0, 20)),
        'warning',
        'markdown/pasted-bullet',
        `This line of \`${field.join('.')}\` ${found.what}.`,
        found.lettered
          ? 'Number the items “1)”, “2)” as a list, each on its own line, after a blank line below the text that introduces it; or, to keep the letters, put a blank line before each item, which makes it a paragraph of its own.'
          : 'Start each item on its own line with “- ” (or “1) ” for a numbered list), after a blank line below the text that introduces the list.',
      ),
    );
  });
  return problems;
}

/**
 * A line after another that starts with one of {@link BULLETS}: only a text with one can have such a
 * line joined to the one above. Groups: the blanks before the bullet, the bullet.
 */
const BULLET_LINE = new RegExp(`\\n([ \\t]*)([${BULLETS}])[ \\t]`);
/** A line after another that starts with a mark of a pasted list: a field without one holds none. */
const PASTED_MARK_LINE = new RegExp(`\\n[ \\t]*(?:[${BULLETS}–—o]|\\(?[a-z]{1,4}\\))[ \\t]`);
/** A mark Word or a PDF gives a list item as text, at a line's start: a dash or Word's "o" (group 1), or letters in brackets or after them (group 2), "a)" or "(ii)". */
const TEXT_MARK = /^[ \t]*(?:([–—o])|(\(?[a-z]{1,4}\)))(?=[ \t])/;
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];

/**
 * Where a paragraph holds a pasted list, and what to say: a line after the first that starts with
 * a bullet; else two lines that start with the same dash or "o", or with letters or Roman numbers
 * one after the other ("a)" … "b)"), said at the first of them after the paragraph's first line.
 * One dash or one "a)" at a line's start goes on with a sentence: a reference wrapped before
 * "a) apakšpunktu" is no list.
 */
function pastedMark(paragraph: string): { at: number; what: string; lettered: boolean } | undefined {
  const bullet = BULLET_LINE.exec(paragraph);
  if (bullet) {
    return { at: bullet.index + 1 + (bullet[1]?.length ?? 0), what: `starts with “${bullet[2] ?? ''}”, which Markdown does not read as a list item: it is joined to the line above, into one paragraph`, lettered: false };
  }
  // Each marked line with how the line above it ends ("" for the paragraph's first).
  const lines: { at: number; mark: string; kind: 'same' | 'letter' | 'roman'; above: string }[] = [];
  let offset = 0;
  let above = '';
  for (const line of paragraph.split('\n')) {
    const found = TEXT_MARK.exec(line);
    const blanks = line.length - line.trimStart().length;
    const [, same, letters] = found ?? [];
    if (same) lines.push({ at: offset + blanks, mark: same, kind: 'same', above });
    // "(i)" may be a letter or a Roman number: what follows it tells.
    if (letters && /^\(?[a-z]\)$/.test(letters)) lines.push({ at: offset + blanks, mark: letters, kind: 'letter', above });
    if (letters && ROMAN.includes(letters.replace(/[()]/g, ''))) lines.push({ at: offset + blanks, mark: letters, kind: 'roman', above });
    offset += line.length + 1;
    above = line.trimEnd();
  }
  // A list opens the paragraph or follows a line ending in ":" or ";", and its items end in a mark: text that wrapped so that two
  // dashes of a sentence ("(turpmāk – paziņojums)" / "– tā sauktā …, kas" / "– saskaņā ar …") or a reference ("3. punkta" / "a)
  // apakšpunktu un 4. punkta" / "b) apakšpunktu") start lines is no list.
  const opens = (item: { at: number; above: string }) => item.at === 0 || item.above === '' || /[:;]$/.test(item.above);
  const goesOn = (item: { above: string }) => /[;,.:!?]$/.test(item.above);
  for (const [index, first] of lines.entries()) {
    if (!opens(first)) continue;
    const second = lines.slice(index + 1).find((other) => other.at !== first.at && follows(first, other) && goesOn(other));
    if (!second) continue;
    const [at, mark] = first.at > 0 ? [first.at, first.mark] : [second.at, second.mark];
    if (first.kind === 'same') {
      return { at, what: `starts with “${mark}”, as a line ${first.at > 0 ? 'below' : 'above'} it does: Markdown does not read it as a list item, and joins the lines into one paragraph`, lettered: false };
    }
    const said = first.at > 0 ? `starts with “${first.mark}”, and a line below it with “${second.mark}”` : `starts with “${second.mark}”, after a line that starts with “${first.mark}”`;
    return { at, what: `${said}: Markdown has no lettered lists, so it joins the lines into one paragraph`, lettered: true };
  }
  return undefined;
}

/** Whether `second` goes on with the list `first` starts: the same dash, or the next letter or Roman number, bracketed alike. */
function follows(first: { mark: string; kind: string }, second: { mark: string; kind: string }): boolean {
  if (first.kind !== second.kind) return false;
  if (first.kind === 'same') return first.mark === second.mark;
  const bare = (mark: string) => mark.replace(/[()]/g, '');
  if (first.mark.startsWith('(') !== second.mark.startsWith('(')) return false;
  if (first.kind === 'roman') return ROMAN.indexOf(bare(second.mark)) === ROMAN.indexOf(bare(first.mark)) + 1;
  return bare(second.mark).charCodeAt(0) === bare(first.mark).charCodeAt(0) + 1;
}

/** A line that is a list item's mark alone (`2)`), or a mark right after another (`3) - a`), as an item with no text of its own first is written. */
const ITEM_WITHOUT_TEXT = /^[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]*$|[ \t]+(?:[-+*]|\d{1,9}[.)])[ \t])/m;

/**
 * `markdown/empty-item`: a list item with no paragraph first — nothing in it (`2)` on a line of its
 * own, most often a line left when an item was moved), or a list or a code block first (`3) - a`).
 * The report prints its number on a line of its own, with nothing after it or above its first block.
 */
function emptyItemProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    if (node.type !== 'listItem' || node.children[0]?.type === 'paragraph' || start === undefined) return;
    const mark = /^\s*(?:[-+*]|\d{1,9}[.)])/.exec(text.slice(start))?.[0].trim() ?? '';
    const first = node.children[0];
    const block = first?.type === 'list' ? 'list' : first?.type === 'code' ? 'code block' : 'block';
    // A bullet list (`-`) has no numbers to shift when the item goes.
    const bullet = /^[-+*]$/.test(mark);
    const sign = bullet ? 'bullet' : 'number';
    const what = first === undefined ? `is empty: the report prints its ${sign} with nothing after it` : `starts with a ${block}: the report prints its ${sign} on a line of its own, above the ${block}`;
    problems.push(
      diagnostic(
        file.path,
        place(start, mark),
        'warning',
        'markdown/empty-item',
        `The list item \`${mark}\` in \`${field.join('.')}\` ${what}.`,
        first === undefined
          ? `Write its text after the mark, or delete the line${bullet ? '' : ' (the items after it are then numbered one less)'}.`
          : 'Write a line of text after the mark first (e.g. what the list below is about), or make the list the item itself.',
      ),
    );
  });
  return problems;
}

/** A hyphen, or two, with a space on each side between two words: in Latvian text, a dash typed as hyphens. */
const SPACED_HYPHEN = /(?<=\S) --? (?=\S)/;
const SPACED_HYPHENS = new RegExp(SPACED_HYPHEN.source, 'g');

/**
 * `markdown/spaced-hyphen`: a hyphen (or two, "--", as some type a dash) with a space on each side
 * in running text ("kvalitāte - tas ir…", "(turpmāk -- ES)"), which Latvian writes with a spaced en
 * dash " – " and the report prints as typed. Said once a field, at the first, with how many more
 * there are; code is left alone.
 */
function spacedHyphenProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  return spacedHyphenWarning(file, field, text, runningTextMatches(text, tree, SPACED_HYPHENS), place);
}

/** The `markdown/spaced-hyphen` warning of a field whose spaced hyphens were `found` (offsets in `text`), at the first. */
function spacedHyphenWarning(file: YamlFile, field: readonly PropertyKey[], text: string, found: readonly number[], place: Placer): Diagnostic[] {
  const [first] = found;
  if (first === undefined) return [];
  // "-" or "--", as typed; two words on each side, on its line.
  const hyphens = text.startsWith('--', first + 1) ? '--' : '-';
  const before = text.slice(text.lastIndexOf('\n', first) + 1, first).split(/\s+/).slice(-2).join(' ');
  const after = lineFrom(text, first + hyphens.length + 2).split(/\s+/).slice(0, 2).join(' ');
  const more = moreInField(found.length);
  return [
    diagnostic(
      file.path,
      place(first + 1, hyphens),
      'warning',
      'markdown/spaced-hyphen',
      `${fieldLabel(field)} has ${hyphens === '-' ? 'a hyphen' : 'two hyphens'} between spaces, “${before} ${hyphens} ${after}”${more}: the report prints ${hyphens === '-' ? 'it' : 'them'} as typed, where Latvian writes a dash.`,
      'Write an en dash with a space on each side, “ – ” (e.g. “(turpmāk – ES)”); a range is written with an en dash and no spaces, “2021–2027”.',
    ),
  ];
}

/**
 * Where `pattern` (global) matches in the running text of a field (its text nodes, as written): not in
 * code, a link's address or an HTML tag. Offsets in `text`, in order.
 */
function runningTextMatches(text: string, tree: Root, pattern: RegExp): number[] {
  const found: number[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'text' || start === undefined || end === undefined) return;
    for (const match of text.slice(start, end).matchAll(pattern)) found.push(start + match.index);
  });
  return found;
}

/**
 * A word broken at a line's end with a hyphen, as a PDF breaks words to fit its lines and keeps
 * the hyphen when its text is copied: two small letters, the hyphen, and a small letter opening the
 * next line. Not before a conjunction, where the hyphen leaves a word for later ("pirms- un
 * pēcskolas").
 */
// The hyphen first, its letters looked behind from it: a pattern that opened with the look-behind tried two letter classes at every character.
const SPLIT_WORD = new RegExp(`-(?<=\\p{Ll}\\p{Ll}-)\\n[ \\t]*${splitWordEnd()}`, 'u');
const SPLIT_WORDS = new RegExp(SPLIT_WORD.source, 'gu');

/** The same in a plain (folded) value, whose line ends YAML has made spaces: "izglī- tībai". */
const SPLIT_WORDS_FOLDED = new RegExp(`-(?<=\\p{Ll}\\p{Ll}-) ${splitWordEnd()}`, 'gu');

/** What follows a broken word's hyphen: a small letter, not a conjunction. */
function splitWordEnd(): string {
  return '(?=\\p{Ll})(?!(?:un|vai|ne|nevis|kā|and|or|nor|to)(?!\\p{L}))';
}

/**
 * `markdown/split-word`: a word broken across two lines with a hyphen ("izglī-" and "tībai"), as
 * text copied from a PDF keeps it. Markdown joins a paragraph's lines with a space, so the report
 * printed "izglī- tībai". Said once a field, at the first, with how many more there are; code is
 * left alone.
 */
function splitWordProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  return splitWordWarning(file, field, text, runningTextMatches(text, tree, SPLIT_WORDS), place, 'Markdown joins the lines of a paragraph so');
}

/** The `markdown/split-word` warning of a field whose broken words were `found` (offsets of their hyphens in `text`), at the first; `joins` says who put the space there. */
function splitWordWarning(file: YamlFile, field: readonly PropertyKey[], text: string, found: readonly number[], place: Placer, joins: string): Diagnostic[] {
  const [first] = found;
  if (first === undefined) return [];
  const head = /\S*$/.exec(text.slice(0, first))?.[0] ?? '';
  const tail = /^\s*(\S*?)[.,;:!?)]*(?:\s|$)/.exec(text.slice(first + 1))?.[1] ?? '';
  const more = moreInField(found.length);
  return [
    diagnostic(
      file.path,
      // The word with its hyphen: a hyphen alone is found first in `>-` before a folded value.
      place(first - head.length, `${head}-`, head.length),
      'warning',
      'markdown/split-word',
      `${fieldLabel(field)} has a word broken at a line’s end, “${head}-” and “${tail}”${more}: the report prints it “${head}- ${tail}”, with a space, as ${joins}.`,
      `Write the word on one line: “${head}${tail}” where a PDF broke it only to fit its line, “${head}-${tail}” where the hyphen is the word’s own (“long-term”).`,
    ),
  ];
}

/** Seven or more "#" before a space or a line's end: whether a line of a paragraph, a list item or a quote starts with them, the tree decides. */
const TOO_MANY_MARKS = /#{7,}(?=[ \t\n]|$)/;

/**
 * `markdown/heading-level`: a line of a paragraph that starts with seven or more "#": the writer
 * meant a heading deeper than Markdown has, and the report prints the marks as text. Code, and marks
 * written as text (`\#######`), are not said.
 */
function headingLevelProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'paragraph' || start === undefined || end === undefined) return;
    for (const { at, marks, title } of tooDeepHeadingLines(text.slice(start, end))) {
      const words = headingLevelWords(marks, title);
      problems.push(diagnostic(file.path, place(start + at, marks), 'warning', 'markdown/heading-level', `This line of \`${field.join('.')}\` ${words.message}`, words.hint));
    }
  });
  return problems;
}

/**
 * A line that a heading may be: one that starts with "#", or a row of "-" or "=". Only whether the field
 * may hold one (the tree decides): it asks nothing of the line before, as a pattern that did (`\S[^\n]*\n`)
 * scanned each line again from every character of it, 7 s for a field of two lines of 98,000 characters.
 */
const HEADING_MAY_INTERRUPT = /\n[ \t]*(?:#{1,6}(?:[ \t]|$)|-+[ \t]*$|=+[ \t]*$)/m;

/**
 * `markdown/heading-in-paragraph`: a line of a paragraph that Markdown reads as a heading, with no
 * blank line above it: one that starts with "# " (a pasted "# prioritāti."), or a row of "-" or
 * "=" under a line of text (an e-mail's separator under the signature), which underlines that text
 * into a heading. The report printed a heading of its own in the middle of an answer.
 */
function headingInParagraphProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'heading' || start === undefined || end === undefined) return;
    const written = text.slice(start, end);
    if (written.startsWith('#')) {
      const above = /(?:^|\n)([^\n]*)\n[ \t>]*$/.exec(text.slice(0, start))?.[1] ?? '';
      if (above.trim() === '' || /^[ \t>]*#{1,6}(?:[ \t]|$)/.test(above)) return;
      const title = written.replace(/^#+[ \t]*/, '').replace(/[ \t]+#+[ \t]*$/, '');
      const mark = /^#+/.exec(written)?.[0] ?? '#';
      problems.push(
        diagnostic(
          file.path,
          place(start, `${mark} `),
          'warning',
          'markdown/heading-in-paragraph',
          `This line of \`${field.join('.')}\` starts with “${mark} ”, which Markdown reads as a heading: the paragraph above ends there, and the report prints “${title}” as a heading of its own.`,
          `If the line goes on with the paragraph, write the # as \`\\#\` (or join the line to the one above); if it is meant as a heading, leave a blank line above it.`,
        ),
      );
      return;
    }
    const underline = written.lastIndexOf('\n') + 1;
    if (underline === 0) return;
    const row = written.slice(underline).trim();
    const at = start + underline + (written.length - underline - written.slice(underline).trimStart().length);
    const above = written.slice(0, underline).split('\n').map((line) => line.trim()).join(' ').trim();
    problems.push(
      diagnostic(
        file.path,
        place(at, row),
        'warning',
        'markdown/heading-in-paragraph',
        `The line of \`${field.join('.')}\` under “${above}” is a row of “${row.charAt(0)}”, which Markdown reads as underlining a heading: the report prints the text above it as a heading.`,
        'If the row is meant as a line across the page, leave a blank line above it; if the text above is meant as a heading, write “## ” before it and a blank line after it; else delete the row.',
      ),
    );
  });
  return problems;
}

/**
 * `markdown/hard-break`: a line of a paragraph that ends with two spaces or more, which Markdown
 * takes for a line break: the report breaks the line there, inside the paragraph. Text pasted from an
 * e-mail or a PDF brings such spaces unseen. Said once a field, at the first, with how many more there
 * are; a break written with a backslash is meant and not reported.
 */
function hardBreakProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const found: number[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    if (node.type === 'break' && start !== undefined && text.charAt(start) === ' ') found.push(start);
  });
  const [first] = found;
  if (first === undefined) return [];
  const spaces = /^ +/.exec(text.slice(first))?.[0].length ?? 2;
  const line = text.slice(text.lastIndexOf('\n', first) + 1, first);
  const before = line.split(/\s+/).slice(-2).join(' ');
  // The spaces alone are found everywhere a line is indented: the word before them finds the line.
  const word = /\S*$/.exec(line)?.[0] ?? '';
  const after = lineFrom(text, first + spaces + 1).trim().split(/\s+/).slice(0, 3).join(' ');
  const more = moreInField(found.length);
  return [
    diagnostic(
      file.path,
      place(first - word.length, word + ' '.repeat(spaces), word.length),
      'warning',
      'markdown/hard-break',
      `${fieldLabel(field)} has a line that ends with ${spaces} spaces, “${before}”, before “${after}”${more}: Markdown takes them for a line break, so the report breaks the line there, inside the paragraph.`,
      'Delete the spaces at the end of the line (text pasted from an e-mail or a PDF brings them). If the line break is meant, end the line with a backslash `\\` instead, which shows it.',
    ),
  ];
}

/** An em dash, as English text and Word's AutoCorrect write a dash. */
const EM_DASHES = /—/g;

/**
 * `markdown/em-dash`: an em dash in the running text of a Latvian field ("viedoklis — tas ir",
 * "2021—2027"), which Latvian writes as an en dash, spaced in a sentence and unspaced in a range,
 * and the report prints as typed. Said once a field, at the first, with how many more there are;
 * code, and an English field (`…_en`), are left alone.
 */
function emDashProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  if (isEnglish(field)) return [];
  return emDashWarning(file, field, text, runningTextMatches(text, tree, EM_DASHES), place);
}

/** The `markdown/em-dash` warning of a field whose em dashes were `found` (offsets in `text`), at the first. */
function emDashWarning(file: YamlFile, field: readonly PropertyKey[], text: string, found: readonly number[], place: Placer): Diagnostic[] {
  const [first] = found;
  if (first === undefined) return [];
  const before = text.slice(text.lastIndexOf('\n', first - 1) + 1, first).split(/\s+/).slice(-2).join(' ');
  const after = lineFrom(text, first + 1).split(/\s+/).slice(0, 3).join(' ');
  const more = moreInField(found.length);
  return [
    diagnostic(
      file.path,
      place(first, '—'),
      'warning',
      'markdown/em-dash',
      `${fieldLabel(field)} has an em dash, “${`${before}—${after}`.trim()}”${more}: the report prints it as typed, where Latvian writes an en dash.`,
      'Write an en dash, “–”: with a space on each side in a sentence (“viedoklis – tas ir”), without spaces in a range (“2021–2027”).',
    ),
  ];
}

/** A typewriter double quotation mark, as a keyboard types it. */
const STRAIGHT_QUOTES = /"/g;

/**
 * `markdown/straight-quote`: a typewriter quotation mark `"` in the running text of a Latvian field
 * (`"Skola 2030"`), which the report prints as typed beside its own “…” (or „…“, the config's
 * `quotes`): a Latvian keyboard has no curly quotes, so a pasted or typed title gets these. Said once
 * a field, at the first, with how many more there are; code, and an English field (`…_en`), are left alone.
 */
function straightQuoteProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  if (isEnglish(field)) return [];
  return straightQuoteWarning(file, field, text, runningTextMatches(text, tree, STRAIGHT_QUOTES), place);
}

/** The `markdown/straight-quote` warning of a field whose typewriter quotes were `found` (offsets in `text`), at the first. */
function straightQuoteWarning(file: YamlFile, field: readonly PropertyKey[], text: string, found: readonly number[], place: Placer): Diagnostic[] {
  const [first] = found;
  if (first === undefined) return [];
  // The quoted words: up to the next mark on the line, or the few words after this one.
  const line = lineFrom(text, first);
  const close = line.indexOf('"', 1);
  const shown = close === -1 ? line.split(/\s+/).slice(0, 3).join(' ') : line.slice(0, close + 1);
  const more = found.length > 1 ? ` (${found.length} in this field)` : '';
  return [
    diagnostic(
      file.path,
      place(first, '"'),
      'warning',
      'markdown/straight-quote',
      `${fieldLabel(field)} has typewriter quotation marks, \`${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}\`${more}: the report prints them as typed, beside its own “…”.`,
      'Write Latvian quotation marks, “…” as the model report has them (or „…“, where `quotes: low-high` in briefing.config.yaml sets those), e.g. “Skola 2030”.',
    ),
  ];
}

/** How a warning said once a field counts the rest of what it found: " (and 2 more in this field)"; "" for one. */
function moreInField(count: number): string {
  return count > 1 ? ` (and ${count - 1} more in this field)` : '';
}

/** A field as a message names it: `` `body` ``, `` `name.locative` ``; a question’s text by the number the report gives it, “Question 3”. */
function fieldLabel(field: readonly PropertyKey[]): string {
  const [list, index, key] = field;
  if (list === 'questions' && typeof index === 'number' && key === 'text') return `Question ${index + 1}`;
  return `\`${field.map(String).join('.')}\``;
}

/**
 * `markdown/adjacent-footnotes`: two footnote marks side by side (`[^2][^3]`), whose numbers the report
 * sets as one raised number, “²³”, which a reader takes for note 23. Said once a field, at the first
 * pair, with how many there are; marks parted by a space or a word are not reported.
 */
function adjacentNoteProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const pairs: number[] = [];
  walk(tree, (node) => {
    if (!('children' in node)) return;
    node.children.forEach((child, index) => {
      const next = node.children[index + 1];
      const at = next?.position?.start.offset;
      if (child.type === 'footnoteReference' && next?.type === 'footnoteReference' && at !== undefined) pairs.push(at);
    });
  });
  const [first] = pairs.sort((a, b) => a - b);
  if (first === undefined) return [];
  const marks = /^\[\^[^\]]*\]/.exec(text.slice(first))?.[0] ?? '[^';
  const before = text.slice(0, first).match(/\[\^[^\]]*\]$/)?.[0] ?? '';
  const more = moreInField(pairs.length);
  return [
    diagnostic(
      file.path,
      place(first, marks),
      'warning',
      'markdown/adjacent-footnotes',
      `${fieldLabel(field)} has two footnote marks side by side, \`${before}${marks}\`${more}: the report sets their numbers together, as one raised number (“²³” reads as note 23).`,
      'Put each mark after the word it is about, or write one note that says both; marks parted by a comma, `[^2],[^3]`, print “²,³”.',
    ),
  ];
}

/** Whether a field is one of a text's English (`body_en`, `topic_en`, `name.english`): English writes its own quotes. */
function isEnglish(field: readonly PropertyKey[]): boolean {
  const last = String(field.at(-1));
  return last.endsWith('_en') || last === 'english';
}

/**
 * `markdown/spaced-hyphen` and `markdown/straight-quote` in plain-text fields the report prints as
 * they are (a meeting's topic, names and questions): all their text is running text.
 */
export function plainTextTypographyProblems(file: YamlFile, fields: readonly (readonly [readonly PropertyKey[], string | undefined])[]): Diagnostic[] {
  return fields.flatMap(([field, text]) => {
    if (text === undefined || isEnglish(field)) return [];
    const place = placer(file, field, text);
    const offsets = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match.index);
    return [
      ...spacedHyphenWarning(file, field, text, offsets(SPACED_HYPHENS), place),
      ...emDashWarning(file, field, text, offsets(EM_DASHES), place),
      ...straightQuoteWarning(file, field, text, offsets(STRAIGHT_QUOTES), place),
      ...splitWordWarning(file, field, text, offsets(SPLIT_WORDS_FOLDED), place, 'YAML joins the lines of a value so'),
    ];
  });
}

/** A table's delimiter row with a `|` after its first cell (`|---|---|`, `--- | ---`), also in a quote or list item: only a text with one holds a table. */
const DELIMITER_ROW = /(?:^|\n)[ \t>]*\|?[ \t]*:?-+:?[ \t]*\|/;

/**
 * `markdown/table-extra-cells`: a table row with more cells than the header row. GFM leaves the
 * cells past the header's out of the report, silently: a `|` meant as text splits a cell in two,
 * also inside `code` (`` `A|B` ``), and the last cell of the row is lost.
 */
function extraCellProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    if (node.type !== 'table') return;
    const columns = node.children[0]?.children.length ?? 0;
    for (const row of node.children.slice(1)) {
      const start = row.position?.start.offset;
      if (start === undefined || row.children.length <= columns) continue;
      const lost = row.children.slice(columns).map((cell) => {
        const from = cell.position?.start.offset;
        const to = cell.position?.end.offset;
        return from === undefined || to === undefined ? '' : text.slice(from, to).replace(/^\|/, '').replace(/\|$/, '').trim();
      });
      const line = lineFrom(text, start);
      const inCode = /`[^`]*\|[^`]*`/.test(line);
      problems.push(
        diagnostic(
          file.path,
          place(start, line.slice(0, 20)),
          'warning',
          'markdown/table-extra-cells',
          `This table row of \`${field.join('.')}\` has ${row.children.length} cells and the header row ${columns}: the report leaves out ${lost.length > 1 ? `the last ${lost.length}` : 'the last'} (${lost.map((cell) => `“${cell.length > 30 ? `${cell.slice(0, 30)}…` : cell}”`).join(', ')}).`,
          inCode
            ? 'A `|` inside `code` still divides a table’s cells: write it `\\|` there (the report prints `|`); or give the header row as many cells.'
            : 'Give the header row as many cells, or remove the extra ones; a `|` meant as text is written `\\|`.',
        ),
      );
    }
  });
  return problems;
}

/** `[text][label]` and `[text][]` left as text (GFM found no definition for it); a `\[` escapes it; `[text][^1]` is a footnote's. */
const UNRESOLVED_REFERENCE = /(?<!\\)\[((?:[^[\]\\]|\\.)*)\]\[(?!\^)((?:[^[\]\\]|\\.)*)\]/g;

/**
 * `markdown/undefined-link`: a link written `[text][label]` (or `[text][]`) whose label has no
 * definition `[label]: address` in the field: GFM prints it as written, both pairs of brackets
 * and all, with no link. Each field's definitions are its own, as its footnotes are.
 */
function undefinedLinkLabelProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const name = field.join('.');
  const problems: Diagnostic[] = [];
  // An address written as the link (`<https://…>`, `www.…`, an e-mail) is one: its brackets are the address's.
  // (The walk reaches a link before the text in it.)
  const addresses: [number, number][] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'link') {
      const written = text.slice(start, end);
      if (written.startsWith('<') || !written.startsWith('[')) addresses.push([start, end]);
      return;
    }
    if (node.type !== 'text' || addresses.some(([from, to]) => from <= start && end <= to)) return;
    for (const match of text.slice(start, end).matchAll(UNRESOLVED_REFERENCE)) {
      const written = match[0];
      const label = match[2] === '' ? (match[1] ?? '') : (match[2] ?? '');
      const needle = written.split('\n')[0] ?? written;
      problems.push(
        diagnostic(
          file.path,
          place(start + match.index, needle),
          'warning',
          'markdown/undefined-link',
          `The link \`${written.replace(/\s*\n\s*/g, ' ')}\` in \`${name}\` refers to \`[${label}]\`, which is not defined in that field: the report prints it as written, brackets and all, with no link.`,
          `Define it in \`${name}\`, on a line of its own: \`[${label}]: https://…\`; or give the link its address: \`[${match[1] ?? ''}](https://…)\`.`,
        ),
      );
    }
  });
  return problems;
}

/** `[text](address with a space)` on one line, the brackets not escaped: no link in CommonMark, unless the part after the space is a title. */
const SPACED_ADDRESS = /(?<!\\)\[((?:[^[\]\\\n]|\\.)+)\]\(([^()\s<]+(?:[ \t]+[^()\s]+)+)\)/;

/** `[text] (https://…)`: a space between the brackets and an address in parentheses, which makes them no link. */
const SPACED_LINK = /(?<!\\)\[((?:[^[\]\\\n]|\\.)+)\][ \t]+\(((?:https?|mailto|tel|ftps?):[^()\s]+|www\.[^()\s]+)\)/i;

/**
 * `markdown/link-space`: a link whose address has a space (`[e-pasts](mailto:x@y.lv?subject=ES jautājums)`,
 * a web address typed with one) is no link in CommonMark: the report prints it as written, brackets,
 * address and all. Said where its `[` stands as text in the tree, so a link with a title after the
 * address (`[a](https://… "Virsraksts")`), which is one, and code are left alone.
 */
function spacedAddressProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const name = field.join('.');
  // The text nodes outside links: where a `[` stands as written.
  const plain: [number, number][] = [];
  const links: [number, number][] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'link' || node.type === 'linkReference') links.push([start, end]);
    else if (node.type === 'text' && !links.some(([from, to]) => from <= start && end <= to)) plain.push([start, end]);
  });
  const asText = (offset: number) => plain.some(([from, to]) => from <= offset && offset < to);
  const found = (pattern: RegExp, say: (written: string, label: string, address: string) => [string, string]) =>
    [...text.matchAll(new RegExp(pattern, `${pattern.flags}g`))].flatMap((match) => {
      const [written, label = '', address = ''] = match;
      if (!asText(match.index)) return [];
      const [message, hint] = say(written, label, address);
      return [diagnostic(file.path, place(match.index, written), 'warning', 'markdown/link-space', message, hint)];
    });
  return [
    ...found(SPACED_ADDRESS, (written, label, address) => [
      `The link \`${written}\` in \`${name}\` is no link: its address has a space, so the report prints it as written, brackets and all.`,
      `Write each space in the address as %20 (\`${address.replace(/[ \t]+/g, '%20')}\`), or put the address in angle brackets: \`[${label}](<${address}>)\`.`,
    ]),
    ...found(SPACED_LINK, (written, label, address) => [
      `The link \`${written}\` in \`${name}\` is no link: a space stands between \`]\` and \`(\`, so the report prints the brackets and the address as written.`,
      `Write it without the space: \`[${label}](${address})\`.`,
    ]),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Each file's text composed, with the offsets as written (see {@link composedFile}). */
const COMPOSED_FILES = new WeakMap<YamlFile, { text: string; offsets: number[] } | undefined>();

/** A file's text composed, with the offsets as written, when it holds decomposed letters; undefined when it is composed already. Worked out once a file. */
function composedFile(file: YamlFile): { text: string; offsets: number[] } | undefined {
  if (!COMPOSED_FILES.has(file)) COMPOSED_FILES.set(file, file.text.normalize('NFC') === file.text ? undefined : composedText(file.text));
  return COMPOSED_FILES.get(file);
}

/**
 * Where an offset of a field's text stands in its YAML file (see {@link placer}): the place of `needle`,
 * found at `offset` of the field's text, in the file; `within` characters into the needle, where the place is not its start.
 */
type Placer = (offset: number, needle: string, within?: number) => Place | undefined;

/**
 * Places in the YAML file for one field: `needle`, found at `offset` of the field's text, is the
 * same occurrence of it after the value's start. That holds for every scalar style (a block
 * scalar's indentation, a folded or quoted value's line breaks); where it is not found (an escape
 * inside a quoted value), the value's start. Each needle's count carries on from where it was
 * last asked for, so a field's problems, asked for in the order of the text, cost one pass
 * over it, not one each (12,800 HTML tags in a paragraph took 4 s).
 */
function placer(file: YamlFile, field: readonly PropertyKey[], text: string): Placer {
  const value = file.locate(field);
  if (!value) return () => undefined;
  // The field's text is composed (NFC); a file written with decomposed letters is searched composed, and placed as written.
  const composed = composedFile(file);
  const written = offsetInText(file.text, value);
  const start = composed ? composed.offsets.findIndex((offset) => offset >= written) : written;
  const inFileText = placeInText(file.text);
  const placeAt = composed ? (offset: number) => inFileText(composed.offsets[offset] ?? file.text.length) : inFileText;
  const haystack = composed?.text ?? file.text;
  /** For each needle: the text counted up to `counted`, and where the search in the file goes on (-1: not there). */
  const cursors = new Map<string, { counted: number; at: number }>();
  return (offset, needle, within = 0) => {
    let cursor = cursors.get(needle);
    if (!cursor || offset < cursor.counted) cursor = { counted: 0, at: start };
    for (let found = text.indexOf(needle, cursor.counted); found !== -1 && found + needle.length <= offset && cursor.at !== -1; found = text.indexOf(needle, cursor.counted)) {
      cursor.counted = found + needle.length;
      const inFile = haystack.indexOf(needle, cursor.at);
      cursor.at = inFile === -1 ? -1 : inFile + needle.length;
    }
    cursors.set(needle, cursor);
    const at = cursor.at === -1 ? -1 : haystack.indexOf(needle, cursor.at);
    return at === -1 ? value : placeAt(at + within);
  };
}
