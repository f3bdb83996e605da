/**
 * Which branches of a template's blocks a render took: `{{#if}}`, `{{#unless}}`, `{{#with}}` and
 * `{{#each}}` each note the branch they print (their block, or their `{{else}}`), so that a check
 * that finds a text in the report by the template's lines holding it (`template/html`,
 * `template/unclosed`) can leave out the lines of a branch this meeting did not reach.
 */
import { hashOption, isBlock, isPath, walk } from './template-ast.js';

/** The hash option each block is given to name itself: the file, line and column of its `{{#…}}`. */
const BRANCH_OPTION = '__branch';

/** The blocks whose branches are noted. */
const BRANCHING = new Set(['if', 'unless', 'with', 'each']);

/** The lines of one branch of a block, inside it: from the line after its `{{#…}}` (or `{{else}}`) to the line before its end. */
export interface BranchLines {
  file: string;
  /** The branch, as {@link noteBranch} names it when it is taken. */
  key: string;
  from: number;
  to: number;
}

/**
 * Gives each branching block of a parsed template the option naming it, and returns the lines of
 * each of its branches. A branch's first and last lines are left out (they hold the block's own
 * `{{#…}}`, `{{else}}` or `{{/…}}`, and text of the other branch when written on one line).
 */
export function markBranches(program: hbs.AST.Program, file: string): BranchLines[] {
  const lines: BranchLines[] = [];
  walk(program, (node) => {
    if (!isBlock(node) || !isPath(node.path) || !BRANCHING.has(node.path.original)) return;
    const at = `${file}\u0000${node.loc.start.line}:${node.loc.start.column}`;
    const literal: hbs.AST.StringLiteral = { type: 'StringLiteral', value: at, original: at, loc: node.loc };
    node.hash = { type: 'Hash', pairs: [...(node.hash?.pairs ?? []), { type: 'HashPair', key: BRANCH_OPTION, value: literal, loc: node.loc }], loc: node.loc };
    for (const [branch, inner] of [['fn', node.program], ['inverse', node.inverse]] as const) {
      if (inner?.loc) lines.push({ file, key: `${at}\u0000${branch}`, from: inner.loc.start.line + 1, to: inner.loc.end.line - 1 });
    }
  });
  return lines;
}

/**
 * Notes, in `taken`, the branch a block's helper prints, by wrapping the `fn` and `inverse` of its
 * options (given by the block marked in {@link markBranches}) before the helper runs.
 */
export function noteBranch(options: unknown, taken: Set<string>): void {
  if (typeof options !== 'object' || options === null) return;
  const at = hashOption(options, BRANCH_OPTION);
  if (typeof at !== 'string') return;
  for (const branch of ['fn', 'inverse'] as const) {
    const print: unknown = Reflect.get(options, branch);
    // `unless` hands its options to `if` with fn and inverse swapped, the mark kept: noted once, by the block's own names.
    if (typeof print !== 'function' || NOTING.has(print)) continue;
    const noting = function (this: unknown, ...args: unknown[]): unknown {
      taken.add(`${at}\u0000${branch}`);
      return Reflect.apply(print, this, args);
    };
    NOTING.add(noting);
    Reflect.set(options, branch, noting);
  }
}

/** The functions {@link noteBranch} made: a branch wrapped already is not wrapped again. */
const NOTING = new WeakSet<object>();

/** Whether a block helper's branches are noted (see {@link noteBranch}). */
export function isBranching(name: string): boolean {
  return BRANCHING.has(name);
}

/** The lines of each file inside a branch the render did not take, none of it printed. */
export function unreachedLines(branches: readonly BranchLines[], taken: ReadonlySet<string>): Map<string, Set<number>> {
  const unreached = new Map<string, Set<number>>();
  for (const branch of branches) {
    if (taken.has(branch.key) || branch.from > branch.to) continue;
    const lines = unreached.get(branch.file) ?? new Set<number>();
    for (let line = branch.from; line <= branch.to; line++) lines.add(line);
    unreached.set(branch.file, lines);
  }
  return unreached;
}
