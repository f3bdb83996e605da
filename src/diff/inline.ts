import { diffArrays } from 'diff';
import type { PhrasingContent } from 'mdast';
import { tokenize, type Mark, type Token } from './tokens.js';

type Op = 'equal' | 'insert' | 'delete';

/**
 * Word-level diff of two pieces of Markdown inline content, as one merged piece in
 * which removed words sit in `deletion` nodes and added words in `insertion` nodes.
 * Dropping the deletions gives the new content; dropping the insertions, the old.
 */
export function mergeInline(before: readonly PhrasingContent[], after: readonly PhrasingContent[], whitespace: boolean): PhrasingContent[] {
  const oldTokens = tokenize(before, whitespace);
  const newTokens = tokenize(after, whitespace);
  const changes = diffArrays(
    oldTokens.map((t) => t.key),
    newTokens.map((t) => t.key),
  );
  const steps: { op: Op; old: Token[]; new: Token[] }[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    if (change.removed) {
      steps.push({ op: 'delete', old: oldTokens.slice(i, i + change.count), new: [] });
      i += change.count;
    } else if (change.added) {
      steps.push({ op: 'insert', old: [], new: newTokens.slice(j, j + change.count) });
      j += change.count;
    } else {
      steps.push({ op: 'equal', old: oldTokens.slice(i, i + change.count), new: newTokens.slice(j, j + change.count) });
      i += change.count;
      j += change.count;
    }
  }
  return build(readable(steps));
}

/** Wraps whole inline content as inserted or deleted. */
export function markInline(nodes: readonly PhrasingContent[], op: 'insert' | 'delete'): PhrasingContent[] {
  if (!nodes.length) return [];
  return [{ type: op === 'insert' ? 'insertion' : 'deletion', children: [...nodes] }];
}

/**
 * Makes a word diff read as a reviewer would write it: whitespace kept between two
 * changes joins them, and within a run of changes all deletions come before all
 * insertions ("[-old words-]{+new words+}" rather than alternating word by word).
 */
function readable(steps: { op: Op; old: Token[]; new: Token[] }[]): { op: Op; tokens: Token[] }[] {
  const result: { op: Op; tokens: Token[] }[] = [];
  let deleted: Token[] = [];
  let inserted: Token[] = [];
  const flush = () => {
    if (deleted.length) result.push({ op: 'delete', tokens: deleted });
    if (inserted.length) result.push({ op: 'insert', tokens: inserted });
    deleted = [];
    inserted = [];
  };
  steps.forEach((step, index) => {
    const between = index > 0 && index < steps.length - 1 && steps[index - 1]?.op !== 'equal' && steps[index + 1]?.op !== 'equal';
    if (step.op === 'equal' && !(between && step.new.every((t) => t.kind === 'text' && t.space))) {
      flush();
      result.push({ op: 'equal', tokens: step.new });
      return;
    }
    deleted.push(...step.old);
    inserted.push(...step.new);
  });
  flush();
  return result;
}

/** Rebuilds inline nodes from tokens: text runs joined, formatting wrapped back around them. */
function build(runs: { op: Op; tokens: Token[] }[]): PhrasingContent[] {
  return runs.flatMap(({ op, tokens }) => {
    const nodes = groupByMarks(tokens).flatMap(({ marks, tokens: group }) => wrap(marks, contentOf(group)));
    return op === 'equal' ? nodes : markInline(nodes, op);
  });
}

function groupByMarks(tokens: readonly Token[]): { marks: Mark[]; tokens: Token[] }[] {
  const groups: { marks: Mark[]; key: string; tokens: Token[] }[] = [];
  for (const token of tokens) {
    const key = JSON.stringify(token.marks);
    const last = groups.at(-1);
    if (last && last.key === key) last.tokens.push(token);
    else groups.push({ marks: token.marks, key, tokens: [token] });
  }
  return groups;
}

function contentOf(tokens: readonly Token[]): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  for (const token of tokens) {
    const last = nodes.at(-1);
    if (token.kind === 'atom') nodes.push(token.node);
    else if (last?.type === 'text') last.value += token.text;
    else nodes.push({ type: 'text', value: token.text });
  }
  return nodes;
}

function wrap(marks: readonly Mark[], children: PhrasingContent[]): PhrasingContent[] {
  return marks.reduceRight((nodes, mark) => [withChildren(mark, nodes)], children);
}

function withChildren(mark: Mark, children: PhrasingContent[]): PhrasingContent {
  switch (mark.type) {
    case 'strong':
      return { ...mark, children };
    case 'emphasis':
      return { ...mark, children };
    case 'delete':
      return { ...mark, children };
    case 'link':
      return { ...mark, children };
    case 'linkReference':
      return { ...mark, children };
  }
}
