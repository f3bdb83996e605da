/** A parsed template rewritten before it is compiled: plain prints through the Markdown-escaping helper, raw prints noted, every field path strict. */

import { givesMarkdownField, textOf } from './template-checks.js';
import { HELPERS } from './helpers.js';
import { argumentsOf, hashOption, hasPrograms, isBlock, isCall, isContent, isPartial, isPath, walk } from './template-ast.js';

/** `{{value}}` at the start of a line becomes `{{__escapeMarkdown value}}`: the value escaped so that it starts no Markdown block either. */
export const ESCAPE_HELPER = '__escapeMarkdown';
/** `{{value}}` after text on its line becomes `{{__escapeMarkdownInline value}}`: the value escaped as text inside a line (see {@link followsText}). */
export const ESCAPE_INLINE_HELPER = '__escapeMarkdownInline';
/** `{{{field}}}` becomes `{{{__raw field}}}`: the value unchanged, an absent one noted (see {@link EmptyPrint}). */
export const RAW_HELPER = '__raw';
/** `{{{quote meeting.topic}}}` becomes `{{{__rawCall (quote meeting.topic)}}}`: the helper's text unchanged, noted when it reads as Markdown. */
export const RAW_CALL_HELPER = '__rawCall';

/**
 * `{{value}}` must print plain text literally in Markdown, `{{{value}}}` inserts Markdown.
 * Handlebars only knows HTML escaping, so every escaped mustache is rewritten into a call
 * of the Markdown-escaping helper: `{{x}}` → `{{__escapeMarkdown x}}`,
 * `{{date d "locative"}}` → `{{__escapeMarkdown (date d "locative")}}`.
 */
export function escapePlainMustaches(program: hbs.AST.Program, knownHelpers: ReadonlySet<string>, file: string, source: string): void {
  program.body.forEach((statement, index) => {
    const looked = isMustache(statement) && !statement.escaped ? lookedUp(statement) : undefined;
    // `{{{field}}}`: the value as it is, through a helper that notes a field printed while it is empty.
    if (isMustache(statement) && !statement.escaped && isPath(statement.path) && !statement.params.length && !(statement.hash?.pairs.length ?? 0) && !knownHelpers.has(statement.path.original)) {
      const { path, loc } = statement;
      statement.path = { type: 'PathExpression', data: false, depth: 0, parts: [RAW_HELPER], original: RAW_HELPER, loc };
      statement.params = [strictPath(path)];
      statement.hash = { type: 'Hash', pairs: [...fieldPairs(path, file, loc), inlinePair(followsText(program.body, index), loc)], loc };
    } else if (looked && isMustache(statement) && isPath(statement.path)) {
      // `{{{lookup meeting "time"}}}`: as `{{{meeting.time}}}`.
      const { path, params, hash, loc } = statement;
      const call: hbs.AST.SubExpression = { type: 'SubExpression', path, params: params.map(strictPath), hash, loc };
      statement.path = { type: 'PathExpression', data: false, depth: 0, parts: [RAW_HELPER], original: RAW_HELPER, loc };
      statement.params = [call];
      statement.hash = { type: 'Hash', pairs: [...fieldPairs(looked.field, file, loc, `{{{${looked.written}}}}`), inlinePair(followsText(program.body, index), loc)], loc };
    } else if (isMustache(statement) && !statement.escaped && isPath(statement.path) && Object.hasOwn(HELPERS, statement.path.original) && statement.path.original !== 'eq' && !givesMarkdownField(statement)) {
      printThroughRawCall(statement, statement.path, file, source, followsText(program.body, index));
    } else if (isMustache(statement) && statement.escaped) {
      const helper = followsText(program.body, index) ? ESCAPE_INLINE_HELPER : ESCAPE_HELPER;
      const { path, params, hash, loc } = statement;
      const isHelperCall =
        params.length > 0 || (hash?.pairs.length ?? 0) > 0 || (isPath(path) && knownHelpers.has(path.original));
      let argument: hbs.AST.Expression = strictPath(path);
      if (isHelperCall && isPath(path)) {
        const call: hbs.AST.SubExpression = { type: 'SubExpression', path, params: params.map(strictPath), hash, loc };
        argument = call;
      }
      statement.path = { type: 'PathExpression', data: false, depth: 0, parts: [helper], original: helper, loc };
      statement.params = [argument];
      // The field's name, for the message when it holds a list or mapping, or is printed empty.
      const lookup = isPath(argument) ? undefined : lookedUp(argument);
      statement.hash = { type: 'Hash', pairs: isPath(argument) ? fieldPairs(argument, file, loc) : lookup ? fieldPairs(lookup.field, file, loc, `{{${lookup.written}}}`) : [], loc };
      statement.escaped = false;
    }
    if (hasPrograms(statement)) {
      if (statement.program) escapePlainMustaches(statement.program, knownHelpers, file, source);
      if (statement.inverse) escapePlainMustaches(statement.inverse, knownHelpers, file, source);
    }
  });
}

/**
 * The options a printed field's helper is given to name it: `field` (the path as written),
 * `file` (the template file or partial) and `owner` (the value the field is read from, lax:
 * a position is named by its id).
 */
function fieldPairs(path: hbs.AST.PathExpression, file: string, loc: hbs.AST.SourceLocation, written?: string): hbs.AST.HashPair[] {
  const text = (value: string): hbs.AST.StringLiteral => ({ type: 'StringLiteral', value, original: value, loc });
  const pairs: hbs.AST.HashPair[] = [
    { type: 'HashPair', key: 'field', value: text(path.original), loc },
    { type: 'HashPair', key: 'file', value: text(file), loc },
    ...(written === undefined ? [] : [{ type: 'HashPair' as const, key: 'written', value: text(written), loc }]),
  ];
  if (path.parts.length === 0) return pairs;
  const parts = path.parts.slice(0, -1);
  const original = parts.length === 0 ? (path.data ? '' : 'this') : path.original.slice(0, path.original.lastIndexOf('.'));
  if (original === '') return pairs;
  const owner: hbs.AST.PathExpression = { type: 'PathExpression', data: path.data, depth: path.depth, parts, original, loc };
  return [...pairs, { type: 'HashPair', key: 'owner', value: owner, loc }];
}

/**
 * `{{{quote meeting.topic}}}`, a helper's text made of plain texts printed with three braces, made
 * `{{{__rawCall (quote meeting.topic)}}}`: printed as it is, and noted as a plain text printed so is
 * (`template/text-as-markdown`), named by the mustache as written.
 */
function printThroughRawCall(statement: hbs.AST.MustacheStatement, path: hbs.AST.PathExpression, file: string, source: string, inline: boolean): void {
  const { params, hash, loc } = statement;
  const call: hbs.AST.SubExpression = { type: 'SubExpression', path, params: params.map(strictPath), hash, loc };
  const text = (value: string): hbs.AST.StringLiteral => ({ type: 'StringLiteral', value, original: value, loc });
  statement.path = { type: 'PathExpression', data: false, depth: 0, parts: [RAW_CALL_HELPER], original: RAW_CALL_HELPER, loc };
  statement.params = [call];
  const written = textOf(source, loc).replace(/\s+/g, ' ');
  statement.hash = {
    type: 'Hash',
    pairs: [
      { type: 'HashPair', key: 'field', value: text(path.original), loc },
      { type: 'HashPair', key: 'file', value: text(file), loc },
      { type: 'HashPair', key: 'written', value: text(written), loc },
      inlinePair(inline, loc),
    ],
    loc,
  };
}

/** The option `inline` a printed field's helper is given: whether text comes before it on its line (see {@link followsText}). */
function inlinePair(value: boolean, loc: hbs.AST.SourceLocation): hbs.AST.HashPair {
  const literal: hbs.AST.BooleanLiteral = { type: 'BooleanLiteral', value, original: value, loc };
  return { type: 'HashPair', key: 'inline', value: literal, loc };
}

/** Whether a printed field's helper was given `inline` true (see {@link inlinePair}). */
export function printedInline(options: unknown): boolean {
  return hashOption(options, 'inline') === true;
}

/**
 * The field a call of `lookup` with a path and a literal name reads (`lookup meeting "time"`
 * reads `meeting.time`), with the call as written; undefined for any other call.
 */
function lookedUp(call: hbs.AST.MustacheStatement | hbs.AST.Expression): { field: hbs.AST.PathExpression; written: string } | undefined {
  if (call.type !== 'MustacheStatement' && call.type !== 'SubExpression') return undefined;
  if (!('params' in call) || !('path' in call) || !isPath(call.path) || call.path.original !== 'lookup' || (call.hash?.pairs.length ?? 0) > 0) return undefined;
  const [owner, key] = call.params;
  if (call.params.length !== 2 || !owner || !isPath(owner) || !key) return undefined;
  const name = key.type === 'StringLiteral' || key.type === 'NumberLiteral' ? String(Reflect.get(key, 'value')) : undefined;
  if (name === undefined || !/^[\w-]+$/.test(name)) return undefined;
  const original = owner.parts.length === 0 && !owner.data ? name : `${owner.original}.${name}`;
  const field: hbs.AST.PathExpression = { type: 'PathExpression', data: owner.data, depth: owner.depth, parts: [...owner.parts, name], original, loc: owner.loc };
  return { field, written: `lookup ${owner.original} ${key.type === 'StringLiteral' ? `"${name}"` : name}` };
}

/** A line's list item or block quote marks and the blanks after them (`- `, `1) `, `> `): the text after them starts a block. */
const BLOCK_MARKS = /^[ \t]*(?:(?:[-+*>]|\d{1,9}[.)])[ \t]+)+$/;

/** After a mustache that prints a list item's number (`{{inc @index}}) `, `{{number}}. `), the rest of its mark. */
const NUMBER_MARK_END = /^[.)][ \t]+$/;

/**
 * True when the statements before the mustache at `index` of `body` leave the line with text on
 * it, so the mustache's value cannot start a Markdown block: text, a mustache, or a block whose
 * every branch ends with text (with blanks after it). Unknown cases count as a line start, and so
 * does a list item's or block quote's mark: a speaking point "2021. gadā …" printed after
 * `{{inc @index}}) ` would otherwise open a list of its own inside the item, "- …" a bullet, "# …" a heading.
 */
function followsText(body: readonly hbs.AST.Statement[], index: number): boolean {
  const previous = body[index - 1];
  if (!previous) return false;
  if (isContent(previous)) {
    const lineBreak = previous.value.lastIndexOf('\n');
    const line = previous.value.slice(lineBreak + 1);
    if (lineBreak >= 0 ? BLOCK_MARKS.test(line) : NUMBER_MARK_END.test(line)) return false;
    if (/\S[ \t]*$/.test(previous.value)) return true;
    // Blanks after a block that leaves text on the line whichever way it goes: `{{#if a}}x{{else}}y{{/if}} {{date …}}`.
    const before = body[index - 2];
    return lineBreak < 0 && before !== undefined && isBlock(before) && endsWithText(before);
  }
  return isMustache(previous) || (isBlock(previous) && endsWithText(previous));
}

/** Whether a block leaves text on its last line whichever branch it takes: it has an `{{else}}`, and each branch ends with text ({@link followsText}). */
function endsWithText(block: hbs.AST.BlockStatement): boolean {
  return [block.program, block.inverse].every((branch) => branch !== undefined && followsText(branch.body, branch.body.length));
}

/**
 * Handlebars' strict mode checks a mustache's own path but not a helper's parameters.
 * Since every `{{x}}` becomes a helper call, its paths are marked strict again, so a
 * misspelt field is still an error rather than an empty string.
 */
function strictPath(expression: hbs.AST.Expression): hbs.AST.Expression {
  // Data paths too: `@root.meeting.topic` reaches the model from inside a block, and a misspelling there is as wrong.
  return isPath(expression) ? Object.assign(expression, { strict: true }) : expression;
}

/**
 * Marks strict every field path given to a helper, at any depth: `{{#each questions}}`,
 * `{{#if meeting.time}}`, `{{#if (eq meeting.kind "formal")}}`, `{{{md meeting.outcome}}}`.
 * Handlebars leaves them lax, so a misspelt field would be an empty list or a false
 * condition and the report would silently lose that part. A field the model has but a
 * meeting leaves out is `null`, never absent (see ReportModel), so it still passes.
 */
export function strictArguments(program: hbs.AST.Program): void {
  walk(program, (node) => {
    // A sub-expression's own arguments are marked when the walk reaches it.
    if (isCall(node)) for (const argument of argumentsOf(node)) if (argument.type !== 'SubExpression') strictPath(argument);
    // A partial's arguments (`{{> signature role=meeting.visa.role}}`) too, and those of calls among them.
    if (isPartial(node)) strictAll([...node.params, ...(node.hash?.pairs.map((pair) => pair.value) ?? [])]);
  });
}

function strictAll(expressions: readonly hbs.AST.Expression[]): void {
  for (const expression of expressions) {
    if (expression.type === 'SubExpression' && isCall(expression)) strictAll(argumentsOf(expression));
    else strictPath(expression);
  }
}

function isMustache(statement: hbs.AST.Statement): statement is hbs.AST.MustacheStatement {
  return statement.type === 'MustacheStatement';
}
