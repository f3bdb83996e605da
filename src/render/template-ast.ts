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
