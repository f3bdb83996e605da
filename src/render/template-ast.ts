/**
 * Reading a parsed Handlebars template (its AST): what kind a node is, and a walk over every
 * statement and sub-expression. Shared by the checks of a template (./template-checks.ts)
 * and its compilation (./template.ts).
 */

/** A node that may call a helper. */
export type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;

/** Visits every statement and sub-expression of a template, depth first, in the order they are written. */
export function walk(program: hbs.AST.Program | undefined, visit: (node: hbs.AST.Node) => void): void {
  const arguments_ = (call: Call) => {
    for (const expression of argumentsOf(call)) {
      if (isCall(expression)) {
        visit(expression);
        arguments_(expression);
      }
    }
  };
  for (const statement of program?.body ?? []) {
    visit(statement);
    if (isCall(statement)) arguments_(statement);
    if (hasPrograms(statement)) {
      walk(statement.program, visit);
      walk(statement.inverse, visit);
    }
  }
}

/** A call's parameters and hash values, in order. */
export function argumentsOf(call: Call): hbs.AST.Expression[] {
  return [...call.params, ...(call.hash?.pairs.map((pair) => pair.value) ?? [])];
}

export function isCall(node: hbs.AST.Node): node is Call {
  return node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression';
}

export function isBlock(node: hbs.AST.Node): node is hbs.AST.BlockStatement {
  return node.type === 'BlockStatement';
}

/** Text of the template itself, between its mustaches. */
export function isContent(node: hbs.AST.Node): node is hbs.AST.ContentStatement {
  return node.type === 'ContentStatement';
}

export function isPath(expression: hbs.AST.Node): expression is hbs.AST.PathExpression {
  return expression.type === 'PathExpression';
}

export function isPartial(node: hbs.AST.Node): node is hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement {
  return node.type === 'PartialStatement' || node.type === 'PartialBlockStatement';
}

/** A block, a partial block or a decorator block: a statement with a program (and an inverse) inside. */
export function hasPrograms(node: hbs.AST.Node): node is hbs.AST.BlockStatement {
  return node.type === 'BlockStatement' || node.type === 'PartialBlockStatement' || node.type === 'DecoratorBlock';
}

/** A Handlebars comment, `{{!-- … --}}` or `{{! … }}` (global: for `replace` and `matchAll`). */
export const TEMPLATE_COMMENT = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g;

/** A comment, or the start of an expression with its mark (`#`, `^`, `/`) and what follows. */
const COMMENT_OR_EXPRESSION = new RegExp(`${TEMPLATE_COMMENT.source}|\\{\\{~?\\s*([#^/]?)(\\*?)(\\S*)`, 'g');

/** The most `{{#…}}` blocks a template may nest: real templates nest a few, and parsing goes deeper on the stack with each. */
export const MAX_BLOCK_DEPTH = 100;
/** The most `{{…}}` a template may hold: compiling takes tens of kilobytes for each. */
export const MAX_EXPRESSIONS = 5000;

/**
 * Why a template's text is too complex to parse and compile, found by reading its text (no
 * parse, whose stack and memory are what it would exhaust): blocks nested too deeply, or more
 * expressions than a template needs. Comments are skipped; the place is that of the first
 * `{{` past the limit.
 */
export function tooComplex(source: string): { offset: number; message: string; hint: string } | undefined {
  let depth = 0;
  let expressions = 0;
  for (const match of source.matchAll(COMMENT_OR_EXPRESSION)) {
    if (match[0].startsWith('{{!')) continue;
    expressions += 1;
    if (expressions > MAX_EXPRESSIONS) {
      return { offset: match.index, message: `The template holds more than ${MAX_EXPRESSIONS} {{…}} expressions, more than briefing compiles.`, hint: 'Split it into partials, or repeat text with {{#each}} instead of writing it out.' };
    }
    const [, mark, , rest = ''] = match;
    // `{{^}}` alone is an else; `{{^name}}` opens a block, as `{{#name}}` does.
    if (mark === '#' || (mark === '^' && rest !== '' && !rest.startsWith('}}'))) depth += 1;
    else if (mark === '/') depth -= 1;
    if (depth > MAX_BLOCK_DEPTH) {
      return { offset: match.index, message: `The template nests {{#…}} blocks more than ${MAX_BLOCK_DEPTH} deep.`, hint: 'Close blocks sooner, or move the inner part into a partial.' };
    }
  }
  return undefined;
}

/** One option given to a helper by name, `{{#if x __branch="…"}}` or `inline=true`: from its options' hash; undefined when absent. */
export function hashOption(options: unknown, key: string): unknown {
  const hash: unknown = typeof options === 'object' && options !== null ? Reflect.get(options, 'hash') : undefined;
  return typeof hash === 'object' && hash !== null ? Reflect.get(hash, key) : undefined;
}
