import Handlebars from 'handlebars';
import type { LayoutOverride } from '../load/front-matter.js';
import type { ProjectFiles } from '../load/project-files.js';
import { readPartialAlone, readTemplate, type PartialsRead, type TemplateTexts } from '../load/templates.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportModel } from '../resolve/report.js';
import { englishAnswerOf, MARKDOWN_MODEL_KEYS, partialCycles, partialsIncluded, staticTemplateProblems, type EnglishAnswer } from './template-checks.js';
import { escapeMarkdown, tidyLines } from './escape.js';
import { readsAsMarkdown, textAsMarkdownWarnings, type MarkdownPrint } from './text-as-markdown.js';
import { isBranching, markBranches, noteBranch, unreachedLines, type BranchLines } from './branches.js';
import { HELPER_OPTIONS, HELPERS, HelperUsageError, locateHelperErrors } from './helpers.js';
import { setBounded } from '../util/bounded.js';
import { FIELD_HELPER, readField, strictPathsCompiler } from './strict-paths.js';
import { hashOption, isBlock, isPath, TEMPLATE_COMMENT, tooComplex, walk } from './template-ast.js';
import { ESCAPE_HELPER, ESCAPE_INLINE_HELPER, RAW_HELPER, RAW_CALL_HELPER, escapePlainMustaches, printedInline, strictArguments } from './template-rewrite.js';
import { type EmptyPrint, emptyPrint, emptyValueWarnings } from './empty-values.js';
import { MAX_RENDER_STEPS, RenderTooLargeError, syntaxDiagnostic, lookupInText, runtimeDiagnostic } from './template-errors.js';

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
   * about a field printed while it is empty; under `final` (`--final`) they are errors.
   */
  render(model: ReportModel, meeting?: string, final?: boolean): RenderResult;
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
      render(model, meeting, final) {
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
          return { markdown, diagnostics: [...emptyValueWarnings(printedEmpty, meeting, final), ...textAsMarkdownWarnings(printedAsMarkdown, meeting)], unreached: () => unreachedLines(branches, reached) };
        } catch (error) {
          const file = (typeof error === 'object' && error !== null && failedIn.get(error)) || path;
          return { diagnostics: [lookupInText(error, file) ?? runtimeDiagnostic(error, file, sources.get(file))] };
        }
      },
    },
  };
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
