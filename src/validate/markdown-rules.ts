import type { Root } from 'mdast';
import type { YamlFile } from '../load/yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { commentOpenedAsText, isListEnd, walk } from '../util/markdown.js';
import { headingLevelWords, tooDeepHeadingLines } from '../util/heading-level.js';
import { parseAsBuilt } from '../util/markdown-pieces.js';
import { placeAtWords, lineFrom, moreInField, fieldLabel, type Placer, placer } from './markdown-rule-place.js';
import { beforeParse } from './markdown-limits.js';
import { SUSPECT_LINK, linkProblems, BRACKETS_WITHOUT_WORDS, linkTextProblems, undefinedLinkLabelProblems, SPACED_ADDRESS, SPACED_LINK, spacedAddressProblems } from './markdown-link-rules.js';
import { mayRenumber, listNumberProblems, pastedBulletProblems, PASTED_MARK_LINE, ITEM_WITHOUT_TEXT, emptyItemProblems } from './markdown-list-rules.js';
import { SPACED_HYPHEN, spacedHyphenProblems, SPLIT_WORD, splitWordProblems, emDashProblems, straightQuoteProblems, adjacentNoteProblems, rangeHyphenProblems, percentFormProblems, timeFormProblems, digitGroupProblems } from './markdown-typography-rules.js';

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
  { mayFind: (text) => /\d\.?-\d/.test(text), find: rangeHyphenProblems },
  { mayFind: (text) => text.includes('%'), find: percentFormProblems },
  { mayFind: (text) => /lkst\./.test(text), find: timeFormProblems },
  { mayFind: (text) => /\d{5}/.test(text), find: digitGroupProblems },
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
