import Handlebars from 'handlebars';
import { offsetInText, placeInText } from '../load/characters.js';
import type { LayoutOverride } from '../load/front-matter.js';
import type { ProjectFiles } from '../load/project-files.js';
import { readPartialAlone, readTemplate, type PartialsRead, type TemplateTexts } from '../load/templates.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportModel } from '../resolve/report.js';
import { englishAnswerOf, givesMarkdownField, helpersHint, MARKDOWN_MODEL_KEYS, PARTIALS_HINT, textOf, partialCycles, partialsIncluded, staticTemplateProblems, type EnglishAnswer } from './template-checks.js';
import { escapeMarkdown, tidyLines } from './escape.js';
import { readsAsMarkdown, textAsMarkdownWarnings, type MarkdownPrint } from './text-as-markdown.js';
import { isBranching, markBranches, noteBranch, unreachedLines, type BranchLines } from './branches.js';
import { HELPER_OPTIONS, HELPERS, HelperUsageError, locateHelperErrors } from './helpers.js';
import { setBounded } from '../util/bounded.js';
import { escapeRegExp } from '../util/regexp.js';
import { suggest } from '../util/suggest.js';
import { FIELD_HELPER, fieldFailure, readField, strictPathsCompiler, type FieldFailure } from './strict-paths.js';
import { argumentsOf, hashOption, hasPrograms, isBlock, isCall, isContent, isPartial, isPath, TEMPLATE_COMMENT, tooComplex, walk } from './template-ast.js';

const ESCAPE_HELPER = '__escapeMarkdown';
const ESCAPE_INLINE_HELPER = '__escapeMarkdownInline';
/** `{{{field}}}` becomes `{{{__raw field}}}`: the value unchanged, an absent one noted (see {@link EmptyPrint}). */
const RAW_HELPER = '__raw';
/** `{{{quote meeting.topic}}}` becomes `{{{__rawCall (quote meeting.topic)}}}`: the helper's text unchanged, noted when it reads as Markdown. */
const RAW_CALL_HELPER = '__rawCall';
/** Handlebars' own helpers a template may call; `log` is removed (it would write to stdout) and `lookup` is strict. */
const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'];

/** A compiled template, ready to render models. */
export interface Template {
  name: string;
  /** Project-relative path of the template file. */
  path: string;
  /** The template file and its partials, project-relative paths (`../…` for built-in ones) with their texts. */
  files: { path: string; text: string }[];
  /** The layout its front matter sets, replacing those keys of the config's `layout`. */
  layout?: LayoutOverride | undefined;
  /** What it prints for a position with no English text (see {@link EnglishAnswer}). */
  englishAnswer: EnglishAnswer;
  /**
   * Renders a model. `meeting` (the meeting file's path) names the meeting in the warnings
   * about a field printed while it is empty.
   */
  render(model: ReportModel, meeting?: string): RenderResult;
}

/** A template's render: the Markdown (none when it failed), its problems, and the lines it did not reach. */
export interface RenderResult {
  markdown?: string;
  diagnostics: Diagnostic[];
  /**
   * The lines of each file (template or partial) inside a branch of `{{#if}}`, `{{#each}}` … this render
   * did not take: worked out when asked, as only a template whose own text may hold HTML or a fence asks.
   */
  unreached?: () => ReadonlyMap<string, ReadonlySet<number>>;
}

/** The reference DOCX the template's front matter names (relative to the project root), if it names one of its own. */
export function ownReferenceDocx(template: Template): string | undefined {
  return template.layout?.given.has('reference_docx') ? template.layout.value.reference_docx : undefined;
}

/** A field printed as text (`{{meeting.time}}`, `{{{position.bodyEn}}}`) while the data leaves it out (null): it prints nothing. */
interface EmptyPrint {
  /** The template file or partial it is written in. */
  file: string;
  line: number;
  /** 1-based. */
  column: number;
  /** The path as written, `meeting.time`. */
  field: string;
  /** The mustache as written, `{{meeting.time}}` or `{{{position.bodyEn}}}`. */
  written: string;
  /** The position whose field it is (its id), when the field is a position's. */
  position?: string;
}

/**
 * Finds, reads and compiles a template by name, searching `dirs` in order (see
 * {@link readTemplate}). Problems (a missing template, a syntax error) become diagnostics
 * at the template's line.
 */
export function loadTemplate(name: string, dirs: readonly string[], files: ProjectFiles): { template?: Template; diagnostics: Diagnostic[] } {
  const read = readTemplate(name, dirs, files);
  return read.texts ? compileTemplate(read.texts) : { diagnostics: read.diagnostics };
}

/**
 * The problems of a partial compiled alone, as a template that only includes it would: a partial
 * no template includes is compiled with none of them (see {@link partialsReached}), and `check` of
 * it must still find what is wrong in it.
 */
export function partialAloneProblems(name: string, read: PartialsRead): Diagnostic[] {
  const { texts, diagnostics } = readPartialAlone(name, read);
  // Not through compileTemplate's cache: each partial is compiled alone once, and the cache's key, the texts of
  // every partial on the path, made checking each of 2,000 partials alone grow with their square.
  return texts ? compileTexts(texts).diagnostics : diagnostics;
}

/** How many compiled templates a process keeps (a project has a few; a long-lived process sees their versions). */
const KEPT_COMPILED = 32;
/** Compiled templates by everything they are compiled from (see {@link compileTemplate}). */
const compiledByTexts = new Map<string, { template?: Template; diagnostics: Diagnostic[] }>();

/**
 * Compiles a template from its texts (pure: nothing is read). Partials are registered under their names.
 * The same texts give the same result, which is kept: `check` compiles a project's templates and then
 * each meeting's again, and the resident server (src/cli/server.ts) compiles them on every command.
 * Each caller gets its own list of diagnostics; the template itself is shared, as a batch shares it.
 */
export function compileTemplate(texts: TemplateTexts): { template?: Template; diagnostics: Diagnostic[] } {
  const key = JSON.stringify(texts);
  const compiled = compiledByTexts.get(key) ?? compileTexts(texts);
  // The most recently used stays longest.
  setBounded(compiledByTexts, key, compiled, KEPT_COMPILED);
  return { ...(compiled.template ? { template: compiled.template } : {}), diagnostics: compiled.diagnostics.map((problem) => ({ ...problem })) };
}

const STRICT_PATHS_COMPILER = strictPathsCompiler();

function compileTexts(texts: TemplateTexts): { template?: Template; diagnostics: Diagnostic[] } {
  const { name, file } = texts;
  const partials = partialsReached(texts.body, texts.partials);
  const path = file.path;
  const env = Handlebars.create();
  Reflect.set(env, 'JavaScriptCompiler', STRICT_PATHS_COMPILER);
  env.registerHelper(FIELD_HELPER, readField as unknown as Handlebars.HelperDelegate);
  const known = new Set([...BUILT_IN_HELPERS, ...Object.keys(HELPERS)]);
  for (const [helper, fn] of Object.entries(HELPERS)) env.registerHelper(helper, locateHelperErrors(fn));
  // The fields printed empty during the render under way (rendering is synchronous: one at a time).
  let printedEmpty: EmptyPrint[] = [];
  const noteEmpty = (value: unknown, options: unknown, raw: boolean) => {
    if (value !== null && value !== undefined) return;
    const found = emptyPrint(options, raw);
    if (found) printedEmpty.push(found);
  };
  env.registerHelper(ESCAPE_HELPER, locateHelperErrors((value, options) => (noteEmpty(value, options, false), escapeValue(env, value, true, options))));
  env.registerHelper(ESCAPE_INLINE_HELPER, locateHelperErrors((value, options) => (noteEmpty(value, options, false), escapeValue(env, value, false, options))));
  // The plain texts printed with three braces that read as Markdown, in the render under way.
  let printedAsMarkdown: MarkdownPrint[] = [];
  const noteMarkdown = (value: unknown, options: unknown) => {
    if (typeof value !== 'string') return;
    const found = emptyPrint(options, true);
    // A Markdown field is printed so on purpose; a path with no name of its own (`{{{this}}}`) may be one.
    const key = found?.field.split('.').at(-1);
    if (!found || key === undefined || key === 'this' || MARKDOWN_MODEL_KEYS.has(key)) return;
    if (readsAsMarkdown(value, !printedInline(options))) printedAsMarkdown.push({ ...found, text: value });
  };
  env.registerHelper(RAW_HELPER, (value: unknown, options: unknown) => (noteEmpty(value, options, true), noteMarkdown(value, options), value));
  env.registerHelper(RAW_CALL_HELPER, (value: unknown, options: unknown) => (noteMarkdown(value, options), value));
  env.unregisterHelper('log');
  env.registerHelper('lookup', locateHelperErrors(strictLookup));
  // The steps of the render under way (see MAX_RENDER_STEPS).
  let steps = 0;
  const step = (count: number) => {
    steps += count;
    if (steps > MAX_RENDER_STEPS) throw new RenderTooLargeError();
  };
  // Handlebars' {{#each}} goes through nothing when given a text: a slip (a field that is no list) the strict data must not hide.
  const each = env.helpers['each'] as (this: unknown, ...args: unknown[]) => unknown;
  env.registerHelper(
    'each',
    locateHelperErrors(function (this: unknown, ...args: unknown[]) {
      const [value] = args;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        throw new HelperUsageError(`{{#each}} goes through a list (or a mapping), and was given ${typeof value === 'string' ? `the text “${value.length > 40 ? `${value.slice(0, 40)}…` : value}”` : `the ${typeof value} ${String(value)}`}`);
      }
      step(1 + (Array.isArray(value) ? value.length : typeof value === 'object' && value !== null ? Object.keys(value).length : 0));
      return each.apply(this, args);
    }),
  );

  // The branches of the blocks the render under way took (see branches.ts).
  let taken = new Set<string>();
  for (const name of Object.keys(env.helpers).filter(isBranching)) {
    const helper: unknown = env.helpers[name];
    if (typeof helper !== 'function') continue;
    env.registerHelper(name, function (this: unknown, ...args: unknown[]): unknown {
      noteBranch(args.at(-1), taken);
      return Reflect.apply(helper, this, args);
    });
  }
  const branches: BranchLines[] = [];

  const diagnostics: Diagnostic[] = [];
  for (const partial of partials) {
    diagnostics.push(...partial.diagnostics);
    const compiled = compileSource(env, partial.source, partial.path, known);
    diagnostics.push(...compiled.diagnostics);
    branches.push(...(compiled.branches ?? []));
    const fn = compiled.fn;
    // With the options it is included with: its data (`@root`, `@index` of the block it stands in) is the includer's.
    if (fn) env.registerPartial(partial.name, (context: unknown, options?: Handlebars.RuntimeOptions) => failingIn(partial.path, () => (step(1), fn(context, options))));
  }
  const files = [{ path, text: file.text }, ...partials.map((partial) => ({ path: partial.path, text: partial.text }))];
  const sources = new Map([[path, texts.body], ...partials.map((partial): [string, string] => [partial.path, partial.source])]);
  const compiled = compileSource(env, texts.body, path, known);
  branches.push(...(compiled.branches ?? []));
  diagnostics.push(...file.diagnostics, ...compiled.diagnostics);
  if (!/\S/.test(texts.body.replace(TEMPLATE_COMMENT, ''))) diagnostics.push(emptyReport(path, 'has no text: every report made with it would be empty'));
  const options = Object.fromEntries(Object.keys(HELPERS).map((helper) => [helper, HELPER_OPTIONS[helper] ?? []]));
  const names = { helpers: known, partials: new Set([...texts.partials, ...(texts.unreadablePartials ?? [])].map((partial) => partial.name)), options };
  diagnostics.push(...unreadablePartialsIncluded(texts, partials));
  for (const one of [file, ...partials]) diagnostics.push(...staticTemplateProblems(one.source, one.path, names));
  diagnostics.push(...partialCycles([{ path, text: file.source }, ...partials.map((partial) => ({ path: partial.path, text: partial.source, partial: partial.name }))]));
  const fn = compiled.fn;
  if (!fn || hasErrors(diagnostics)) return { diagnostics };
  return {
    diagnostics,
    template: {
      name,
      path,
      files,
      layout: texts.layout,
      englishAnswer: englishAnswerOf([texts.body, ...partials.map((partial) => partial.source)]),
      render(model, meeting) {
        printedEmpty = [];
        printedAsMarkdown = [];
        taken = new Set();
        steps = 0;
        try {
          const markdown = tidyMarkdown(fn(model));
          // A template emptied by mistake, or whose blocks all turn out false, must not make blank reports.
          if (markdown === '\n') return { diagnostics: [emptyReport(path, 'renders nothing for this meeting: its report would be empty')] };
          // This render's branches, kept: the next render notes its own in a set of its own.
          const reached = taken;
          return { markdown, diagnostics: [...emptyValueWarnings(printedEmpty, meeting), ...textAsMarkdownWarnings(printedAsMarkdown, meeting)], unreached: () => unreachedLines(branches, reached) };
        } catch (error) {
          const file = (typeof error === 'object' && error !== null && failedIn.get(error)) || path;
          return { diagnostics: [lookupInText(error, file) ?? runtimeDiagnostic(error, file, sources.get(file))] };
        }
      },
    },
  };
}

/**
 * The most steps one render may take: items `{{#each}}` goes through and partials included,
 * counted together. A report of 10,000 questions takes a few tens of thousands. A template that
 * includes a partial twice, which includes another twice, thirty deep (or nests `{{#each}}` over one
 * list thirty deep) asks for a billion: a template from another ministry's pull request held
 * `check` and `build` for as long as they were let run (a CI job till its time-out).
 */
const MAX_RENDER_STEPS = 1_000_000;

/** Thrown when a render goes past {@link MAX_RENDER_STEPS}. */
class RenderTooLargeError extends Error {
  override readonly name = 'RenderTooLargeError';
}

/** A partial included by an expression (`{{> (lookup . "name")}}`): which one cannot be known before rendering. */
const DYNAMIC_PARTIAL = /\{\{~?#?>\s*\(/;

/**
 * The partials a template includes, and those they include in turn: only these are compiled
 * with it, so a broken partial that no template includes breaks none (it broke every one,
 * the built-in templates too). All of them when one is included by an expression.
 */
function partialsReached<T extends { name: string; source: string }>(body: string, partials: readonly T[]): readonly T[] {
  const byName = new Map(partials.map((partial) => [partial.name, partial]));
  const reached = new Set<string>();
  const texts = [body];
  for (let text = texts.pop(); text !== undefined; text = texts.pop()) {
    if (DYNAMIC_PARTIAL.test(text)) return partials;
    for (const { name } of partialsIncluded(text)) {
      const partial = byName.get(name);
      if (!partial || reached.has(name)) continue;
      reached.add(name);
      texts.push(partial.source);
    }
  }
  return partials.filter((partial) => reached.has(partial.name));
}

/**
 * The problems of the partials that cannot be read which the template, or a partial it reaches,
 * includes: a partial nobody includes fails no template, as a broken one does not.
 */
function unreadablePartialsIncluded(texts: TemplateTexts, reached: readonly { source: string }[]): Diagnostic[] {
  const unreadable = texts.unreadablePartials ?? [];
  if (!unreadable.length) return [];
  const sources = [texts.body, ...reached.map((partial) => partial.source)];
  if (sources.some((source) => DYNAMIC_PARTIAL.test(source))) return unreadable.map((partial) => partial.diagnostic);
  const included = new Set(sources.flatMap((source) => partialsIncluded(source).map((partial) => partial.name)));
  return unreadable.filter((partial) => included.has(partial.name)).map((partial) => partial.diagnostic);
}

function emptyReport(path: string, what: string): Diagnostic {
  return diagnostic(path, { line: 1, column: 1 }, 'error', 'template/empty', `The template ${what}.`, 'Write the report’s text in it, or choose another template; `briefing templates` lists them.');
}

/** A template from the run's cache, read and compiled the first time a meeting names it. */
export function cachedTemplate(
  templates: Map<string, { template?: Template; diagnostics: Diagnostic[] }>,
  name: string,
  dirs: readonly string[],
  files: ProjectFiles,
): { template?: Template; diagnostics: Diagnostic[] } {
  let compiled = templates.get(name);
  if (!compiled) {
    compiled = loadTemplate(name, dirs, files);
    templates.set(name, compiled);
  }
  return compiled;
}

/** A compiled template or partial; a partial is given the options it is included with (its `@root`, `@index` …). */
type TemplateFn = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

/** The partial an error was thrown in (the innermost): its line and column are that file's, not the template's. */
const failedIn = new WeakMap<object, string>();

function failingIn(path: string, render: () => string): string {
  try {
    return render();
  } catch (error) {
    if (typeof error === 'object' && error !== null && !failedIn.has(error)) failedIn.set(error, path);
    throw error;
  }
}

function compileSource(
  env: typeof Handlebars,
  source: string,
  path: string,
  knownHelpers: ReadonlySet<string>,
): { fn?: TemplateFn; diagnostics: Diagnostic[]; branches?: BranchLines[] } {
  const complex = tooComplex(source);
  if (complex) {
    const before = source.slice(0, complex.offset);
    const place = { line: before.split('\n').length, column: complex.offset - before.lastIndexOf('\n') };
    return { diagnostics: [diagnostic(path, place, 'error', 'template/too-complex', complex.message, complex.hint)] };
  }
  let ast: hbs.AST.Program;
  try {
    ast = env.parseWithoutProcessing(source);
  } catch (error) {
    return { diagnostics: [syntaxDiagnostic(error, path, source)] };
  }
  const arity = blockArity(ast, path);
  if (arity) return { diagnostics: [arity] };
  escapePlainMustaches(ast, knownHelpers, path, source);
  strictArguments(ast);
  const branches = markBranches(ast, path);
  try {
    const compiled = env.compile(ast, { strict: true, noEscape: true, preventIndent: true });
    return { fn: (context, options) => compiled(context, options), diagnostics: [], branches };
  } catch (error) {
    return { diagnostics: [syntaxDiagnostic(error, path, source)] };
  }
}

/**
 * `{{value}}` must print plain text literally in Markdown, `{{{value}}}` inserts Markdown.
 * Handlebars only knows HTML escaping, so every escaped mustache is rewritten into a call
 * of the Markdown-escaping helper: `{{x}}` → `{{__escapeMarkdown x}}`,
 * `{{date d "locative"}}` → `{{__escapeMarkdown (date d "locative")}}`.
 */
function escapePlainMustaches(program: hbs.AST.Program, knownHelpers: ReadonlySet<string>, file: string, source: string): void {
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
function printedInline(options: unknown): boolean {
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

/** What {@link fieldPairs} names, with the mustache's place; undefined for a value that is no field (a helper's result). */
function emptyPrint(options: unknown, raw: boolean): EmptyPrint | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const hash: unknown = Reflect.get(options, 'hash');
  const loc: unknown = Reflect.get(options, 'loc');
  if (typeof hash !== 'object' || hash === null || typeof loc !== 'object' || loc === null) return undefined;
  const field: unknown = Reflect.get(hash, 'field');
  const file: unknown = Reflect.get(hash, 'file');
  const start: unknown = Reflect.get(loc, 'start');
  if (typeof field !== 'string' || field === '' || typeof file !== 'string' || typeof start !== 'object' || start === null) return undefined;
  const line: unknown = Reflect.get(start, 'line');
  const column: unknown = Reflect.get(start, 'column');
  if (typeof line !== 'number' || typeof column !== 'number') return undefined;
  const owner: unknown = Reflect.get(hash, 'owner');
  const id: unknown = typeof owner === 'object' && owner !== null && 'body' in owner && 'version' in owner ? Reflect.get(owner, 'id') : undefined;
  const written: unknown = Reflect.get(hash, 'written');
  return { file, line, column: column + 1, field, written: typeof written === 'string' ? written : raw ? `{{{${field}}}}` : `{{${field}}}`, ...(typeof id === 'string' ? { position: id } : {}) };
}

/**
 * One warning for each place a field was printed empty (a field of positions: naming each
 * position it was empty for), in the order they were printed.
 */
function emptyValueWarnings(found: readonly EmptyPrint[], meeting: string | undefined): Diagnostic[] {
  const places = new Map<string, EmptyPrint[]>();
  for (const one of found) {
    const key = `${one.file}:${one.line}:${one.column}`;
    const known = places.get(key);
    if (known) known.push(one);
    else places.set(key, [one]);
  }
  return [...places.values()].map((all) => {
    const [first] = all as [EmptyPrint, ...EmptyPrint[]];
    const positions = [...new Set(all.flatMap((one) => (one.position === undefined ? [] : [one.position])))];
    const whose = positions.length
      ? `for the position${positions.length > 1 ? 's' : ''} ${positions.map((id) => `\`${id}\``).join(', ')}${meeting ? ` of ${meeting}` : ''}`
      : /^(?:@root\.)?meeting\./.test(first.field)
        ? `for ${meeting ?? 'this meeting'}`
        : `in the data of ${meeting ?? 'this meeting'}`;
    const key = dataKey(first.field);
    const where = positions.length ? `the position’s file` : 'the meeting’s file';
    return diagnostic(
      first.file,
      { line: first.line, column: first.column },
      'warning',
      'template/empty-value',
      `\`${first.field}\` is empty ${whose} (left out of the data), so \`${first.written}\` prints nothing here.`,
      `Print it only when it is there: {{#if ${first.field}}}…${first.written}…{{/if}}; or fill it in${key ? ` (\`${key}\` in ${where})` : ''}.`,
    );
  });
}

/** The key of the YAML file a model field comes from: `meeting.name.genitive` → `name.genitive`, `position.bodyEn` → `body_en`. */
function dataKey(field: string): string | undefined {
  const rest = /^(?:@root\.)?(?:meeting|(?:\.\.\/)*position)\.(.+)$/.exec(field)?.[1];
  return rest?.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
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
function strictArguments(program: hbs.AST.Program): void {
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

/** The blocks that test or walk one value; Handlebars says only `#if requires exactly one argument`, with no line. */
const ONE_VALUE_BLOCKS = new Set(['if', 'unless', 'with', 'each']);

/** The first `{{#if}}`, `{{#each a b}}`, … not given exactly one value, at its place. */
function blockArity(program: hbs.AST.Program, path: string): Diagnostic | undefined {
  let found: Diagnostic | undefined;
  walk(program, (node) => {
    if (found || !isBlock(node) || !isPath(node.path) || !ONE_VALUE_BLOCKS.has(node.path.original) || node.params.length === 1) return;
    const name = node.path.original;
    found = diagnostic(
      path,
      { line: node.loc.start.line, column: node.loc.start.column + 1 },
      'error',
      'template/helper',
      `\`{{#${name}}}\` takes exactly one value, given ${node.params.length}.`,
      name === 'each' ? 'Name the list to walk, e.g. `{{#each questions}}`.' : `Name the value, e.g. \`{{#${name} meeting.time}}\`.`,
    );
  });
  return found;
}

function isMustache(statement: hbs.AST.Statement): statement is hbs.AST.MustacheStatement {
  return statement.type === 'MustacheStatement';
}

/**
 * `{{lookup object "field"}}` as strict as a plain path: a field the value does not have
 * is an error, not an empty string. Only the value's own fields are reachable.
 */
function strictLookup(...args: unknown[]): unknown {
  const [object, field] = args;
  if (args.length !== 3) throw new HelperUsageError('lookup takes a value and the name of one of its fields');
  const key = typeof field === 'number' ? String(field) : field;
  if (typeof key !== 'string') throw new HelperUsageError('lookup takes the name of a field as its second argument');
  if (typeof object === 'object' && object !== null && Object.hasOwn(object, key)) {
    const found: unknown = Reflect.get(object, key);
    return found;
  }
  throw new HelperUsageError(`the value given to \`lookup\` has no field \`${key}\``);
}

function escapeValue(env: typeof Handlebars, value: unknown, atLineStart: boolean, options: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof env.SafeString) return value.toString();
  if (typeof value === 'object') {
    const field = hashOption(options, 'field');
    const kind = Array.isArray(value) ? 'a list' : 'a mapping';
    const fields = Array.isArray(value) ? '' : Object.keys(value).slice(0, 4).map((key) => `\`${field}.${key}\``).join(', ');
    if (typeof field !== 'string' || field === '') throw new HelperUsageError(`${kind} cannot be printed as text; print one of its fields`);
    throw new HelperUsageError(Array.isArray(value) ? `\`${field}\` is a list, which cannot be printed as text: go through it with {{#each ${field}}}` : `\`${field}\` is a mapping, which cannot be printed as text: print one of its fields (${fields})`);
  }
  return escapeMarkdown(String(value), atLineStart);
}

/** Collapses the blank lines that block helpers leave, and ends with one newline. */
function tidyMarkdown(markdown: string): string {
  return `${tidyLines(markdown).trim()}\n`;
}

function syntaxDiagnostic(error: unknown, path: string, source: string): Diagnostic {
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
function lookupInText(error: unknown, path: string): Diagnostic | undefined {
  const failure = fieldFailure(error);
  if (!failure?.inText) return undefined;
  const key = failure.path.at(-1) ?? '';
  const field = `${failure.data ? '@' : ''}${failure.path.slice(0, -1).join('.')}`;
  const hint = key === 'length' ? `To test whether it is empty, use it alone: {{#if ${field}}} is false for an empty text.` : 'Check the path against the template data described in the README.';
  return diagnostic(path, exceptionPlace(error), 'error', 'template/missing-field', `\`${field}.${key}\`: \`${field}\` is a text, which has no field \`${key}\`.`, hint);
}

function runtimeDiagnostic(error: unknown, path: string, source?: string): Diagnostic {
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
    return diagnostic(path, place, 'error', 'template/missing-partial', `The partial \`${partial[1]}\` does not exist.`, PARTIALS_HINT);
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
