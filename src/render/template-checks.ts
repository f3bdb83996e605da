import Handlebars from 'handlebars';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { MARKDOWN_FIELDS } from '../model/field.js';
import { argumentsOf, hasPrograms, isCall, isContent, isPartial, isPath, tooComplex, walk } from './template-ast.js';
import { suggest } from '../util/suggest.js';
import { arityProblem, helperArity } from './helpers.js';
import { headingLevelWords, tooDeepHeadingLines } from '../util/heading-level.js';
import { blankFrontMatter } from '../load/front-matter.js';

/** What a template may call: the registered helpers and partials. */
export interface TemplateNames {
  helpers: ReadonlySet<string>;
  partials: ReadonlySet<string>;
  /** The `key=` options each of briefing's own helpers takes (Handlebars' `if`, `each`, … are not listed). */
  options: Readonly<Record<string, readonly string[]>>;
}

/**
 * Problems found by reading a template, before any data is rendered, each at its line:
 * a partial written as a path (refused, so no template reaches outside the partials folders),
 * a partial that does not exist, and a call of a helper that does not exist.
 * Syntax errors are left to the compiler.
 */
export function staticTemplateProblems(written: string, path: string, names: TemplateNames): Diagnostic[] {
  // Too complex to parse: compiling it says so (template/too-complex).
  if (tooComplex(written)) return [];
  // The front matter is YAML, not the report's text: its `#comments` are no headings.
  const source = blankFrontMatter(written);
  const fenced = fencedLines(source);
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parseWithoutProcessing(source);
  } catch {
    return [];
  }
  const problems: Diagnostic[] = [];
  const at = (node: hbs.AST.Node) => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });
  const blockParams = blockParamReads(ast);
  // Partials the template defines itself: {{#*inline "name"}}…{{/inline}}.
  const inline = new Set<string>();
  walk(ast, (node) => {
    if (node.type !== 'DecoratorBlock') return;
    const block = node as hbs.AST.BlockStatement;
    const name: unknown = Reflect.get(block.params[0] ?? {}, 'value');
    if (isPath(block.path) && block.path.original === 'inline' && typeof name === 'string') inline.add(name);
  });
  walk(ast, (node) => {
    if (isPartial(node)) {
      const name = partialName(node.name);
      if (name === undefined || name.startsWith('@')) return;
      if (/(^|[/\\])\.\.?([/\\]|$)|^[/\\]|^[A-Za-z]:/.test(name)) {
        problems.push(
          diagnostic(path, at(node), 'error', 'template/partial-outside-folder', `The partial \`${name}\` is written as a path; partials are only taken from the partials/ folder.`, 'Write the partial’s name alone, e.g. {{> signature}}, and keep its file in partials/.'),
        );
      } else if (node.type === 'PartialStatement' && !names.partials.has(name) && !inline.has(name)) {
        const known = [...names.partials].sort();
        problems.push(
          diagnostic(path, at(node), 'error', 'template/missing-partial', `The partial \`${name}\` does not exist.`, known.length ? `Partials: ${known.join(', ')}.` : PARTIALS_HINT),
        );
      }
      return;
    }
    if (isContent(node)) problems.push(...headingLevelInText(node, path).filter((problem) => !fenced.has(problem.line ?? 0)));
    for (const found of pathsOf(node)) {
      const internal = found.parts.find((part) => PROTOTYPE_NAMES.has(part));
      if (internal !== undefined) {
        problems.push(
          diagnostic(path, at(found), 'error', 'template/prototype-access', `\`${found.original}\` reaches into JavaScript internals (\`${internal}\`), not into the data.`, 'Use the fields of the template data described in the README.'),
        );
      }
    }
    const called = helperName(node);
    const allowed = called === undefined ? undefined : names.options[called];
    if (allowed !== undefined && isCall(node)) {
      for (const pair of node.hash?.pairs ?? []) {
        if (allowed.includes(pair.key)) continue;
        const nearest = suggest(pair.key, allowed);
        problems.push(
          diagnostic(path, at(pair), 'error', 'template/helper', `The helper \`${called}\` has no option \`${pair.key}=\`.`, allowed.length ? `${nearest ? `Did you mean ${nearest}=? ` : ''}It takes ${allowed.map((key) => `${key}=`).join(', ')}.` : 'It takes no options.'),
        );
      }
    }
    const markdown = markdownAsText(node, source);
    if (markdown !== undefined) {
      problems.push(
        diagnostic(
          path,
          at(node),
          'warning',
          'template/markdown-as-text',
          `\`{{${markdown}}}\` prints a Markdown field as plain text: its paragraphs run together, and its emphasis, lists, footnotes and links show as the marks they are written with.`,
          `Write {{{${markdown}}}} (three braces) to print it as Markdown.`,
        ),
      );
    }
    const field = fieldCalled(node);
    if (field !== undefined) {
      problems.push(
        diagnostic(path, at(node), 'error', 'template/unknown-helper', `\`${field}\` is a field of the data, not a helper: it takes no arguments.`, `To print it in a form, give it to a helper, e.g. {{date ${field} "genitive"}}; a field alone is written {{${field}}}.`),
      );
    }
    const arity = blockParams.has(node) ? undefined : wrongArity(node);
    if (arity !== undefined) {
      problems.push(diagnostic(path, at(node), 'error', 'template/helper', `${arity.message}.`, arity.hint));
    }
    const notBlock = blockOfValue(node, names);
    if (notBlock !== undefined) {
      const use = notBlock === 'eq' ? `{{#if (eq …)}}…{{/if}} to choose text by it` : `{{${notBlock} …}}, without \`#\` and \`{{/${notBlock}}}\``;
      problems.push(
        diagnostic(path, at(node), 'error', 'template/helper', `\`${notBlock}\` gives a value and is no block: \`{{#${notBlock}}}\` prints that value and drops the text inside the block.`, `Write ${use}.`),
      );
    }
    const hook = pathsOf(node).find((found) => INTERNAL_HELPERS.has(found.original));
    const helper = hook?.original ?? called;
    if (helper !== undefined && (hook !== undefined || !names.helpers.has(helper))) {
      problems.push(
        diagnostic(path, at(node), 'error', 'template/unknown-helper', `The template calls \`${helper}\`, which is not a helper.`, helpersHint(helper, [...names.helpers].filter((h) => !h.startsWith('helper') && !h.startsWith('block')).sort())),
      );
    }
  });
  return problems;
}

/** The lines (1-based) of a code fence in the template's text, its fence lines among them: printed as code, whatever they start with. */
function fencedLines(source: string): Set<number> {
  const lines = new Set<number>();
  let fence: string | undefined;
  source.split('\n').forEach((line, index) => {
    const mark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && mark !== undefined) fence = mark;
    else if (fence !== undefined && mark !== undefined && mark[0] === fence[0] && mark.length >= fence.length && line.trim() === mark) fence = undefined;
    else if (fence === undefined) return;
    lines.add(index + 1);
  });
  return lines;
}

/**
 * `template/heading-level`: a line of the template's own text that starts with seven or more "#"
 * (after spaces, or a quote's `>`): a heading deeper than Markdown has, which the report prints
 * as text, marks and all; or, after up to three spaces, with one to six marks and a letter right
 * after them (`#Fons`), a heading without the space Markdown needs. Read from the text, so a line in
 * a branch this meeting does not reach is said too: another meeting prints it. Lines of a code fence
 * and of the front matter are not said (see {@link staticTemplateProblems}).
 */
function headingLevelInText(content: hbs.AST.ContentStatement, path: string): Diagnostic[] {
  const text = content.value;
  const start = content.loc.start;
  const found = [
    ...tooDeepHeadingLines(text).map(({ at, lead, marks, title }) => ({ at, lead, words: headingLevelWords(marks, title) })),
    // After up to three spaces (four make code) or a quote's `>`.
    ...[...text.matchAll(/(^|\n)( {0,3}(?:>[ \t]*)*)(#{1,6})(\p{L}[^\n]*)/gu)].map((line) => {
      const lead = line[2] ?? '';
      const marks = line[3] ?? '';
      const title = (line[4] ?? '').trim();
      const written = `${marks}${/^\S*/u.exec(title)?.[0] ?? ''}`;
      return {
        at: line.index + (line[1] ?? '').length + lead.length,
        lead,
        words: {
          message: `starts with “${written}”: Markdown reads a heading only where a space follows its marks, so the report prints the line as text, the marks and all.`,
          hint: `For a heading, write a space after the marks (“${marks} ${title}”); if the mark is meant as text, write it as \`\\#\`.`,
        },
      };
    }),
  ];
  return found
    .sort((a, b) => a.at - b.at)
    .flatMap(({ at, lead, words }) => {
      const before = text.slice(0, at).match(/\n/g)?.length ?? 0;
      // The content's first line starts a line only where the content does.
      if (before === 0 && start.column !== 0) return [];
      return [diagnostic(path, { line: start.line + before, column: lead.length + 1 }, 'warning', 'template/heading-level', `This line of the template ${words.message}`, words.hint)];
    });
}

/**
 * A call of one of briefing's helpers with too few or too many arguments (`{{date a "b" "c"}}`,
 * or `{{time}}` inside `{{#with meeting}}`, which calls the helper rather than printing the field):
 * what is wrong and how to write it; undefined otherwise. Blocks are left to {@link blockOfValue}.
 */
function wrongArity(node: hbs.AST.Node): { message: string; hint: string } | undefined {
  if (node.type !== 'MustacheStatement' && node.type !== 'SubExpression') return undefined;
  if (!isCall(node) || !isPath(node.path) || !isPlainName(node.path)) return undefined;
  const name = node.path.original;
  const signature = helperArity(name);
  const problem = arityProblem(name, node.params.length);
  if (!signature || problem === undefined) return undefined;
  const message = problem.charAt(0).toUpperCase() + problem.slice(1);
  const example = `Write it as ${signature[2]}.`;
  if (node.params.length > 0) return { message, hint: example };
  const written = node.type === 'SubExpression' ? `(${name})` : `{{${name}}}`;
  const field = node.type === 'SubExpression' ? `(this.${name})` : `{{this.${name}}}`;
  return { message: `${message}: \`${written}\` calls the helper, not a field of that name`, hint: `${example} For the field \`${name}\` of the value around it (in {{#with}} or {{#each}}), write ${field}.` };
}

/**
 * The mustaches and sub-expressions that name a block parameter in scope (`{{date}}` inside
 * `{{#with meeting.date as |date|}}`): Handlebars reads the parameter there, not the helper of
 * that name, so they call no helper.
 */
function blockParamReads(program: hbs.AST.Program | undefined, scope: ReadonlySet<string> = new Set()): Set<hbs.AST.Node> {
  const found = new Set<hbs.AST.Node>();
  const visit = (expression: hbs.AST.Node) => {
    if (!isCall(expression)) return;
    if (isPath(expression.path) && !expression.path.data && scope.has(expression.path.parts[0] ?? '')) found.add(expression);
    for (const argument of argumentsOf(expression)) visit(argument);
  };
  for (const statement of program?.body ?? []) {
    visit(statement);
    if (!hasPrograms(statement)) continue;
    for (const inner of [statement.program, statement.inverse]) {
      const params = inner?.blockParams ?? [];
      for (const read of blockParamReads(inner, params.length ? new Set([...scope, ...params]) : scope)) found.add(read);
    }
  }
  return found;
}

/** Handlebars' helpers that take a block: every other helper gives a value. */
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);

/** The name of a helper that gives a value (briefing's own, `lookup`) written as a block, `{{#eq …}}…{{/eq}}`; undefined otherwise. */
function blockOfValue(node: hbs.AST.Node, names: TemplateNames): string | undefined {
  if (node.type !== 'BlockStatement') return undefined;
  const block = node as hbs.AST.BlockStatement;
  if (!isPath(block.path)) return undefined;
  const name = block.path.original;
  return names.helpers.has(name) && !BLOCK_HELPERS.has(name) ? name : undefined;
}

/** The names of the template data's Markdown fields: the files' Markdown fields as the data names them (`body_en` is `bodyEn`). */
export const MARKDOWN_MODEL_KEYS = new Set(Object.values(MARKDOWN_FIELDS).flatMap((keys) => keys.map((key) => key.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()))));

/**
 * What is written between the braces of a mustache that prints a Markdown field with two
 * braces (as plain text): the field alone (`meeting.background`), looked up
 * (`lookup position "body"`), or given to a helper whose text is printed (`upperFirst
 * position.body`, `quote (lookup position "body")`); undefined for anything else.
 */
function markdownAsText(node: hbs.AST.Node, source: string): string | undefined {
  if (node.type !== 'MustacheStatement') return undefined;
  const mustache = node as hbs.AST.MustacheStatement;
  if (!mustache.escaped || !isPath(mustache.path)) return undefined;
  const plain = !mustache.params.length && !mustache.hash?.pairs.length;
  if (plain) return MARKDOWN_MODEL_KEYS.has(mustache.path.parts.at(-1) ?? '') ? mustache.path.original : undefined;
  // `eq` prints true or false, not the field.
  if (mustache.path.original === 'eq' || !givesMarkdownField(mustache)) return undefined;
  return /^\{\{~?\s*([\s\S]*?)\s*~?\}\}$/.exec(textOf(source, mustache.loc))?.[1]?.replace(/\s+/g, ' ');
}

/** Whether a call is given a Markdown field: a path to one, or `lookup` of one, as an argument or in a sub-expression among them. */
export function givesMarkdownField(call: hbs.AST.MustacheStatement | hbs.AST.SubExpression): boolean {
  const literal = (expression: hbs.AST.Expression | undefined) => (expression?.type === 'StringLiteral' ? (expression as hbs.AST.StringLiteral).value : undefined);
  if (isPath(call.path) && call.path.original === 'lookup' && MARKDOWN_MODEL_KEYS.has(literal(call.params[1]) ?? '')) return true;
  return argumentsOf(call).some((argument) =>
    isPath(argument) ? MARKDOWN_MODEL_KEYS.has(argument.parts.at(-1) ?? '') : argument.type === 'SubExpression' && givesMarkdownField(argument as hbs.AST.SubExpression),
  );
}

/** The text of a template at a node's place. */
export function textOf(source: string, loc: hbs.AST.SourceLocation): string {
  const lines = source.split('\n');
  const offset = (position: hbs.AST.Position) => lines.slice(0, position.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + position.column;
  return source.slice(offset(loc.start), offset(loc.end));
}

/** Where partials are looked for, said when one is missing. */
export const PARTIALS_HINT = 'Partials are <name>.hbs files in the partials/ folder of your templates folder, then of the built-in templates.';

/** Handlebars' own hooks: they exist as helpers but are not for templates to call. */
const INTERNAL_HELPERS = new Set(['helperMissing', 'blockHelperMissing']);

/** One file of a template: the template itself (no partial name) or one of its partials. */
export interface TemplateSource {
  path: string;
  text: string;
  /** The name `{{> name}}` uses, for a partial. */
  partial?: string;
}

/**
 * Partials that include themselves, directly or through others: rendering would never
 * end. Reported at the `{{> name}}` that closes the circle, with the circle spelt out.
 */
export function partialCycles(sources: readonly TemplateSource[]): Diagnostic[] {
  const includes = new Map<string, { name: string; line: number; column: number }[]>();
  for (const source of sources) {
    if (source.partial !== undefined) includes.set(source.partial, partialsIncluded(source.text));
  }
  const problems: Diagnostic[] = [];
  const reported = new Set<string>();
  // A partial whose includes have all been followed: reached again, it closes no circle the first visit did not find.
  // Followed anew on every path, partials that include the next twice, thirty deep, took a billion visits: check never ended.
  const followed = new Set<string>();
  const visit = (name: string, trail: readonly string[]) => {
    const chain = [...trail, name];
    for (const include of includes.get(name) ?? []) {
      const at = chain.indexOf(include.name);
      if (at < 0) {
        if (includes.has(include.name) && !followed.has(include.name)) visit(include.name, chain);
        continue;
      }
      const path = sources.find((source) => source.partial === name)?.path ?? name;
      if (reported.has(`${path}:${include.line}:${include.column}`)) continue;
      reported.add(`${path}:${include.line}:${include.column}`);
      const circle = [...chain.slice(at), include.name].join(' → ');
      problems.push(
        diagnostic(path, include, 'error', 'template/partial-cycle', `The partial \`${include.name}\` is included inside itself (${circle}): rendering would never end.`, 'Remove the include, or move the shared text into a partial that includes no other.'),
      );
    }
    followed.add(name);
  };
  for (const name of includes.keys()) if (!followed.has(name)) visit(name, []);
  return problems;
}

/** The partials a text includes by name (`{{> name}}`, `{{#> name}}`), each at its place; dynamic ones cannot be named. */
export function partialsIncluded(text: string): { name: string; line: number; column: number }[] {
  if (tooComplex(text)) return [];
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parseWithoutProcessing(text);
  } catch {
    return [];
  }
  const found: { name: string; line: number; column: number }[] = [];
  walk(ast, (node) => {
    if (!isPartial(node)) return;
    const name = partialName(node.name);
    if (name !== undefined) found.push({ name, line: node.loc.start.line, column: node.loc.start.column + 1 });
  });
  return found;
}

/** Names that lead from data to JavaScript internals; Handlebars denies them at run time, the check names them. */
const PROTOTYPE_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** The paths a statement or call uses directly: its own path and its arguments' (sub-expressions are visited on their own). */
function pathsOf(node: hbs.AST.Node): hbs.AST.PathExpression[] {
  if (!isCall(node)) return [];
  return [node.path, ...argumentsOf(node)].filter(isPath);
}

/** What a node calls: a sub-expression always calls something, a mustache or block only with arguments. */
function calledPath(node: hbs.AST.Node): hbs.AST.PathExpression | undefined {
  if (!isCall(node)) return undefined;
  const hasArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  if (node.type !== 'SubExpression' && !hasArguments) return undefined;
  return isPath(node.path) ? node.path : undefined;
}

/** Whether a path is a plain name (`date`), as a helper is called, not a field (`meeting.date`, `@root.x`, `../y`). */
function isPlainName(path: hbs.AST.PathExpression): boolean {
  return !path.data && path.depth === 0 && path.parts.length === 1;
}

/** A field of the data called like a helper: given arguments, or in a `(…)` of its own. */
function fieldCalled(node: hbs.AST.Node): string | undefined {
  const path = calledPath(node);
  return path && !isPlainName(path) ? path.original : undefined;
}

/** The helper a node calls. */
function helperName(node: hbs.AST.Node): string | undefined {
  const path = calledPath(node);
  return path && isPlainName(path) ? path.original : undefined;
}

/** The partial's name as written: `{{> name}}` or `{{> "name"}}`; undefined for a dynamic `{{> (expr)}}`. */
function partialName(name: hbs.AST.PathExpression | hbs.AST.SubExpression): string | undefined {
  if (name.type === 'PathExpression' && 'original' in name) return name.original;
  const literal: unknown = Reflect.get(name, 'value');
  return typeof literal === 'string' ? literal : undefined;
}

/**
 * What a template prints for a position with no English text (`position.bodyEn` null), read
 * from its files: `none`, it never prints `bodyEn`; `latvian`, it prints `bodyEn` only under
 * `{{#if …bodyEn}}` whose `{{else}}` prints the Latvian `body`; `left-out`, only under such a
 * test, with no Latvian answer in its place; `empty`, somewhere without a test, where it prints
 * nothing. With several places, the one that loses most.
 */
export type EnglishAnswer = 'none' | 'latvian' | 'left-out' | 'empty';

export function englishAnswerOf(sources: readonly string[]): EnglishAnswer {
  const rank: readonly EnglishAnswer[] = ['none', 'latvian', 'left-out', 'empty'];
  let worst: EnglishAnswer = 'none';
  const found = (kind: EnglishAnswer) => {
    if (rank.indexOf(kind) > rank.indexOf(worst)) worst = kind;
  };
  const endsIn = (expression: hbs.AST.Node | undefined, name: string) => expression !== undefined && isPath(expression) && expression.parts.at(-1) === name;
  const printsIn = (program: hbs.AST.Program | undefined, name: string) => {
    let prints = false;
    walk(program, (node) => {
      if (node.type === 'MustacheStatement' && endsIn((node as hbs.AST.MustacheStatement).path, name)) prints = true;
    });
    return prints;
  };
  const visit = (program: hbs.AST.Program | undefined, guard: EnglishAnswer) => {
    for (const statement of program?.body ?? []) {
      if (statement.type === 'MustacheStatement' && endsIn((statement as hbs.AST.MustacheStatement).path, 'bodyEn')) found(guard);
      if (statement.type !== 'BlockStatement') continue;
      const block = statement as hbs.AST.BlockStatement;
      const name = isPath(block.path) ? block.path.original : '';
      const tests = endsIn(block.params[0], 'bodyEn');
      if (tests && (name === 'if' || name === 'with')) {
        visit(block.program, guard === 'empty' ? (printsIn(block.inverse, 'body') ? 'latvian' : 'left-out') : guard);
        visit(block.inverse, 'empty');
      } else if (tests && name === 'unless') {
        visit(block.program, 'empty');
        visit(block.inverse, guard === 'empty' ? (printsIn(block.program, 'body') ? 'latvian' : 'left-out') : guard);
      } else {
        visit(block.program, guard);
        visit(block.inverse, guard);
      }
    }
  };
  for (const source of sources) {
    if (tooComplex(source)) continue;
    try {
      visit(Handlebars.parseWithoutProcessing(source), 'empty');
    } catch {
      // A syntax error is reported by compiling.
    }
  }
  return worst;
}

/** The hint of `template/unknown-helper`: the helper a misspelt name comes close to (`ministires`: `ministries`), then every helper. */
export function helpersHint(called: string, helpers: readonly string[]): string {
  const meant = suggest(called, helpers);
  return `${meant === undefined ? '' : `Did you mean \`${meant}\`? `}Helpers: ${helpers.join(', ')}.`;
}
