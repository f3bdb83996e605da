/** Handlebars' parse and render failures said as diagnostics at the template's line and column, and the render's step limit. */

import { offsetInText, placeInText } from '../load/characters.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { helpersHint, PARTIALS_HINT } from './template-checks.js';
import { HELPERS, HelperUsageError } from './helpers.js';
import { escapeRegExp } from '../util/regexp.js';
import { suggest } from '../util/suggest.js';
import { fieldFailure, type FieldFailure } from './strict-paths.js';
import { TEMPLATE_COMMENT } from './template-ast.js';

/**
 * The most steps one render may take: items `{{#each}}` goes through and partials included,
 * counted together. A report of 10,000 questions takes a few tens of thousands. A template that
 * includes a partial twice, which includes another twice, thirty deep (or nests `{{#each}}` over one
 * list thirty deep) asks for a billion: a template from another ministry's pull request held
 * `check` and `build` for as long as they were let run (a CI job till its time-out).
 */
export const MAX_RENDER_STEPS = 1_000_000;

/** Thrown when a render goes past {@link MAX_RENDER_STEPS}. */
export class RenderTooLargeError extends Error {
  override readonly name = 'RenderTooLargeError';
}

/** A template that Handlebars cannot parse, said as a `template/syntax` error at the place the mistake is: an unclosed quote or block, a block closed with another name, a partial named with `\`, a stray `{{`. */
export function syntaxDiagnostic(error: unknown, path: string, source: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /^(?:Parse|Lexical) error/.test(message) ? unclosedQuote(source) : undefined;
  if (quoted) {
    return diagnostic(
      path,
      placeInText(source)(quoted.offset),
      'error',
      'template/syntax',
      `Template syntax error: the quoted text \`${quoted.excerpt}\` is not closed before its \`${quoted.close}\`.`,
      `End it with \`${quoted.mark}\` before the \`${quoted.close}\`, e.g. ${quoted.close === '}}}' ? '{{{lookup position "body"}}}' : '{{date meeting.date "locative"}}'}.`,
    );
  }
  const unclosed = /got '?EOF/.test(message) ? unclosedBlock(source) : undefined;
  if (unclosed) {
    return diagnostic(
      path,
      unclosed,
      'error',
      'template/syntax',
      `Template syntax error: \`{{#${unclosed.name}}}\` is never closed.`,
      `Add \`{{/${unclosed.name}}}\` where the block should end.`,
    );
  }
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) {
    const [, opened = '', closed = ''] = mismatch;
    return diagnostic(
      path,
      closingTag(source, exceptionPlace(error), closed) ?? exceptionPlace(error),
      'error',
      'template/syntax',
      `Template syntax error: \`{{/${closed}}}\` closes the block \`{{#${opened}}}\`; a block ends with its own name.`,
      `Write \`{{/${opened}}}\` here, or open the block as \`{{#${closed}}}\`.`,
    );
  }
  const parse = /^Parse error on line (\d+):\n(.*)\n(-*)\^\n(?:Expecting (.*), got '?([A-Z_]+)'?|Unexpected (.*))$/.exec(message);
  if (parse) {
    const line = Number(parse[1]);
    // A partial named with `\` between its folders, as on Windows: Handlebars reads no `\` in a name.
    const backslashed = /\{\{~?#?>\s*([^\s}~]*\\[^\s}~]*)/.exec(source.split('\n')[line - 1] ?? '');
    if (backslashed) {
      const name = backslashed[1] ?? '';
      return diagnostic(
        path,
        { line, column: backslashed.index + 1 },
        'error',
        'template/syntax',
        `Template syntax error: the partial \`${name}\` is named with \`\\\` between its folders, which Handlebars does not read in a name.`,
        `Write \`/\` between the folders: \`{{> ${name.replaceAll('\\', '/')}}}\`.`,
      );
    }
    const found = parse[5] ? (TOKENS[parse[5]] ?? parse[5].toLowerCase()) : (parse[6] ?? 'input');
    return diagnostic(
      path,
      { line, column: parseColumn(source, line, parse[2] ?? '', (parse[3] ?? '').length) },
      'error',
      'template/syntax',
      `Template syntax error: ${found} was not expected here.`,
      'Each `{{` needs its `}}` (three for `{{{`), each `(` its `)`, and each `{{#block}}` its `{{/block}}` after any `{{else}}`.',
    );
  }
  const lexical = /^Lexical error on line (\d+)\. [^\n]*\n(.*)\n(-*)\^$/.exec(message);
  if (lexical) {
    const line = Number(lexical[1]);
    // The lexer's excerpt may end inside the `{{` it could not read: then the unclosed comment's own start is the place.
    const text = source.split('\n')[line - 1] ?? '';
    const opening = text.lastIndexOf('{{!--') >= 0 ? text.lastIndexOf('{{!--') : text.lastIndexOf('{{');
    const found = parseColumn(source, line, lexical[2] ?? '', (lexical[3] ?? '').length);
    return diagnostic(
      path,
      { line, column: found === 1 && opening >= 0 ? opening + 1 : found },
      'error',
      'template/syntax',
      'Template syntax error: Handlebars cannot read the text here (a `{{!--` comment never closed with `--}}`, or a stray `{{`).',
      'Close the comment with `--}}`; a `{{` meant as text is written `\\{{`.',
    );
  }
  const place = exceptionPlace(error);
  return diagnostic(path, place, 'error', 'template/syntax', `Template syntax error: ${firstLine(message).replace(/\.+$/, '')}.`);
}

/**
 * The first text in quotes inside a `{{…}}` that runs past the `}}` it was meant to end
 * before (`{{date meeting.date "locative}}`: Handlebars reads on to the next quote, anywhere
 * below, and reports the error there): the offset of its opening mark, the mark, and its start.
 */
function unclosedQuote(source: string): { offset: number; mark: string; excerpt: string; close: string } | undefined {
  const text = source.replace(TEMPLATE_COMMENT, (comment) => comment.replace(/[^\n]/g, ' '));
  for (let open = text.indexOf('{{'); open !== -1; open = text.indexOf('{{', open + 2)) {
    if (text[open - 1] === '\\') continue;
    const close = text.startsWith('{{{', open) ? '}}}' : '}}';
    let at = open + 2;
    while (at < text.length && !text.startsWith('}}', at)) {
      const mark = text[at];
      if (mark !== '"' && mark !== "'") {
        at += 1;
        continue;
      }
      let end = at + 1;
      while (end < text.length && text[end] !== mark) end += text[end] === '\\' ? 2 : 1;
      const stop = (close === '}}}' ? /\}\}\}|\n/ : /\}\}|\n/).exec(text.slice(at + 1, end));
      if (stop) return { offset: at, mark, close, excerpt: text.slice(at, at + 1 + stop.index + (stop[0] === '\n' ? 0 : close.length)) };
      at = end + 1;
    }
    open = at;
  }
  return undefined;
}

/** Where the `{{/name}}` that closes the block opened at `opened` stands: the first after it. */
function closingTag(source: string, opened: { line: number; column: number } | undefined, name: string): { line: number; column: number } | undefined {
  if (!opened) return undefined;
  const pattern = new RegExp(`\\{\\{~?\\s*/\\s*${escapeRegExp(name)}\\s*~?\\}\\}`, 'g');
  pattern.lastIndex = offsetInText(source, opened);
  const match = pattern.exec(source);
  return match ? placeInText(source)(match.index) : undefined;
}

/** What Handlebars' parser tokens are, in the words of a template's author. */
const TOKENS: Record<string, string> = {
  INVALID: 'a character Handlebars does not read here (a lone `}` or `{`, or a `}}` missing)',
  CLOSE: '`}}`',
  CLOSE_UNESCAPED: '`}}}`',
  CLOSE_SEXPR: '`)`',
  OPEN_SEXPR: '`(`',
  INVERSE: '`{{else}}`',
  OPEN_INVERSE_CHAIN: '`{{else …}}`',
  OPEN_ENDBLOCK: 'a closing `{{/…}}`',
  OPEN: '`{{`',
  OPEN_BLOCK: '`{{#…}}`',
  OPEN_INVERSE: '`{{^…}}`',
  OPEN_UNESCAPED: '`{{{`',
  OPEN_PARTIAL: 'a partial, `{{>`',
  OPEN_PARTIAL_BLOCK: 'a partial block, `{{#>`',
  OPEN_RAW_BLOCK: '`{{{{`',
  CLOSE_RAW_BLOCK: '`}}}}`',
  END_RAW_BLOCK: 'a closing `{{{{/…}}}}`',
  OPEN_BLOCK_PARAMS: '`as |`',
  CLOSE_BLOCK_PARAMS: 'a closing `|`',
  EQUALS: '`=` (an option is written name=value, after the helper’s name)',
  ID: 'a name',
  SEP: '`.` or `/`',
  DATA: 'an `@` name',
  STRING: 'a text in quotes',
  NUMBER: 'a number',
  BOOLEAN: '`true` or `false`',
  UNDEFINED: '`undefined`',
  NULL: '`null`',
  COMMENT: 'a comment',
  CONTENT: 'text',
  EOF: 'the end of the template',
};

/**
 * The column of a parse error: Handlebars shows the text around it with the line breaks taken
 * out (`...` before when it is long) and a caret under the place; that text is found again in
 * the line. Column 1 when it cannot be.
 */
function parseColumn(source: string, line: number, excerpt: string, caret: number): number {
  const lines = source.split('\n');
  const shown = excerpt.startsWith('...') ? excerpt.slice(3) : excerpt;
  const before = shown.slice(0, caret - (excerpt.length - shown.length));
  const after = shown.slice(before.length).replace(/\.\.\.$/, '');
  const upToLine = lines.slice(0, line - 1).join('');
  const text = lines[line - 1] ?? '';
  const rest = lines.slice(line).join('');
  for (let column = text.length; column >= 0; column--) {
    if ((upToLine + text.slice(0, column)).endsWith(before) && (text.slice(column) + rest).startsWith(after)) return column + 1;
  }
  return 1;
}

/** The innermost block opened and never closed, with the place it was opened. */
function unclosedBlock(source: string): { name: string; line: number; column: number } | undefined {
  const open: { name: string; offset: number }[] = [];
  for (const match of source.matchAll(/\{\{~?\s*(#\*?|\/)\s*([^\s}~]+)/g)) {
    if (match[1] === '/') open.pop();
    else open.push({ name: match[2] ?? '', offset: match.index });
  }
  const last = open.at(-1);
  if (!last) return undefined;
  const before = source.slice(0, last.offset).split('\n');
  return { name: last.name, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * A field looked up in a text or a number (`{{#if meeting.topic.length}}`), which Handlebars' strict
 * lookup failed on with JavaScript's own words and no place: said in the template's terms, at the
 * lookup that failed (see `readField`).
 */
export function lookupInText(error: unknown, path: string): Diagnostic | undefined {
  const failure = fieldFailure(error);
  if (!failure?.inText) return undefined;
  const key = failure.path.at(-1) ?? '';
  const field = `${failure.data ? '@' : ''}${failure.path.slice(0, -1).join('.')}`;
  const hint = key === 'length' ? `To test whether it is empty, use it alone: {{#if ${field}}} is false for an empty text.` : 'Check the path against the template data described in the README.';
  return diagnostic(path, exceptionPlace(error), 'error', 'template/missing-field', `\`${field}.${key}\`: \`${field}\` is a text, which has no field \`${key}\`.`, hint);
}

/** A render that failed, said as an error at the template's line: a field the data does not have (or leaves out), a partial or helper that does not exist, a helper misused, a render too large or too deep. */
export function runtimeDiagnostic(error: unknown, path: string, source?: string): Diagnostic {
  const place = exceptionPlace(error);
  const message = error instanceof Error ? firstLine(error.message).replace(/ - \d+:\d+$/, '') : String(error);
  const failure = fieldFailure(error);
  const missing = failure && /^"([^"]+)" not defined in /.exec(message);
  // Looked up in a value that is not there: an optional part of the data this meeting leaves out (`meeting.signature`).
  const absent = missing && failure.owner === undefined && failure.path.length > 1 ? failure.path.join('.') : undefined;
  if (absent) {
    const parent = absent.slice(0, absent.lastIndexOf('.'));
    // The registry leaves out no ministry but one established after the meeting's date (resolve/report.ts): say so, not "give the data its KEM".
    const later = /^registry\.([^.]+)$/.exec(parent)?.[1];
    if (later !== undefined) {
      return diagnostic(
        path,
        place,
        'error',
        'template/missing-field',
        `\`${absent}\`: ${later} is empty in \`registry\` for this meeting, established after its date (\`established\` in the ministries registry), so \`${missing?.[1] ?? ''}\` cannot be printed.`,
        `Print it only when it is there, {{#if ${parent}}}…{{/if}}, or name the ministry of the time.`,
      );
    }
    return diagnostic(
      path,
      place,
      'error',
      'template/missing-field',
      `\`${absent}\`: this meeting has no \`${parent}\` (it may be left out), so \`${missing?.[1] ?? ''}\` cannot be printed.`,
      `Print it only when it is there: {{#if ${parent}}}…{{/if}}; or give the data its \`${parent.split('.').at(-1) ?? parent}\`.`,
    );
  }
  if (missing) {
    const meant = meantField(failure, source);
    return diagnostic(
      path,
      place,
      'error',
      'template/missing-field',
      `The template uses \`${missing[1]}\`, which the data does not have.`,
      meant ? `Did you mean \`${meant}\`?` : 'Check the spelling against the template data described in the README (`meeting`, `questions`, `clearance`, …).',
    );
  }
  const partial = /^The partial (.+) could not be found/.exec(message);
  if (partial) {
    // A partial named by an expression (`{{> (lookup meeting "formation")}}`) is looked up as the template runs, where Handlebars
    // gives no place: the template's first such call is where it came from, when it has one.
    const chosen = place ?? (source === undefined ? undefined : chosenPartialPlace(source));
    const by = place === undefined && chosen !== undefined ? ', named by the expression here,' : '';
    return diagnostic(path, chosen, 'error', 'template/missing-partial', `The partial \`${partial[1]}\`${by} does not exist.`, PARTIALS_HINT);
  }
  const decorator = /^Missing decorator: "?([^"]+)"?/.exec(message);
  if (decorator) {
    const name = decorator[1] ?? '';
    const opened = source === undefined ? undefined : new RegExp(`\\{\\{~?#\\*\\s*${escapeRegExp(name)}(?![\\w-])`).exec(source);
    const argument = opened && source ? /^\s*"([^"]*)"/.exec(source.slice(opened.index + opened[0].length))?.[1] : undefined;
    return diagnostic(
      path,
      place ?? (opened && source ? placeInText(source)(opened.index) : undefined),
      'error',
      'template/unknown-helper',
      `The template opens \`{{#*${name}}}\`, a decorator Handlebars does not have: \`{{#*inline "name"}}\` is the only one, which defines a partial.`,
      `To define a partial, write \`{{#*inline "${argument ?? 'name'}"}}…{{/inline}}\`; a block of a helper opens with \`#\` alone, \`{{#if …}}\`.`,
    );
  }
  const helper = /^Missing helper: "?([^"]+)"?/.exec(message);
  if (helper) {
    return diagnostic(path, place, 'error', 'template/unknown-helper', `The template calls \`${helper[1]}\`, which is not a helper.`, helpersHint(helper[1] ?? '', Object.keys(HELPERS)));
  }
  if (error instanceof RenderTooLargeError) {
    return diagnostic(
      path,
      place,
      'error',
      'template/render',
      `The template takes more than ${MAX_RENDER_STEPS.toLocaleString('en')} steps to render (partials included and items of {{#each}}, counted together): its report would never be done.`,
      'Look for a partial included more than once by one that is itself included more than once, or {{#each}} blocks nested in each other over the same list.',
    );
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return diagnostic(path, place, 'error', 'template/render', 'The template nests partials or blocks too deeply to render.', 'Look for a partial that includes itself through another, e.g. {{> (name)}} built from data.');
  }
  if (error instanceof HelperUsageError) return diagnostic(path, place, 'error', 'template/helper', `${capitalise(message)}.`, error.hint ?? HELPERS_HINT);
  return diagnostic(path, place, 'error', 'template/render', `${capitalise(message)}.`);
}

/** Where a helper's use is written down, for a misuse whose message says all the call shows. */
const HELPERS_HINT = 'The README lists each helper and what it takes (“Helpers”).';

/**
 * The path a misspelt one most likely meant: a meeting file's keys are spelt in camelCase in the
 * data (`end_date` is `meeting.endDate`), else a close name among the fields of what the name was
 * looked up in (`meeting.place.locativ`, `{{nuber}}` in `{{#each questions}}`), or, for a path's
 * first name, among the template's block parameters (`qq.text` for `q.text`).
 */
function meantField(failure: FieldFailure, source: string | undefined): string | undefined {
  const key = failure.path.at(-1) ?? '';
  // Handlebars' own data (`@index`, `@root`) keeps more than a template may name (`_parent`).
  const fields = failure.owner === undefined || Array.isArray(failure.owner) ? [] : Object.keys(failure.owner).filter((field) => !(failure.data && field.startsWith('_')));
  if (failure.path.length === 1 && !failure.data && source !== undefined) fields.push(...blockParameters(source));
  const camel = key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const found = fields.includes(camel) ? camel : suggest(key, fields);
  return found === undefined ? undefined : `${failure.data ? '@' : ''}${[...failure.path.slice(0, -1), found, ...failure.rest].join('.')}`;
}

/** The names a template's blocks give their parameters (`q` and `i` of `{{#each questions as |q i|}}`). */
function blockParameters(source: string): string[] {
  return [...source.matchAll(/\sas\s+\|([^|]*)\|/g)].flatMap((match) => (match[1] ?? '').trim().split(/\s+/)).filter(Boolean);
}

/** Where a template first names a partial by an expression, `{{> (…)}}` or `{{#> (…)}}`; undefined when it has none. */
function chosenPartialPlace(source: string): { line: number; column: number } | undefined {
  const found = /\{\{~?#?>\s*\(/.exec(source);
  return found ? placeInText(source)(found.index) : undefined;
}

function exceptionPlace(error: unknown): { line: number; column: number } | undefined {
  if (error instanceof Error && 'lineNumber' in error && typeof error.lineNumber === 'number') {
    const column = 'column' in error && typeof error.column === 'number' ? error.column + 1 : 1;
    return { line: error.lineNumber, column };
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
