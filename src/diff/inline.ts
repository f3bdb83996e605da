import { alignKeys } from './align.js';
import type { PhrasingContent } from 'mdast';
import { tokenize, type Mark, type Token } from './tokens.js';

type Op = 'equal' | 'insert' | 'delete';

/**
 * Word-level diff of two pieces of Markdown inline content, as one merged piece in
 * which removed words sit in `deletion` nodes and added words in `insertion` nodes.
 * Dropping the deletions gives the new content; dropping the insertions, the old.
 */
export function mergeInline(before: readonly PhrasingContent[], after: readonly PhrasingContent[], whitespace: boolean): PhrasingContent[] {
  const oldUnits = units(tokenize(before, whitespace));
  const newUnits = units(tokenize(after, whitespace));
  // Words are aligned first; the whitespace before each kept word is compared afterwards,
  // so that a re-spaced sentence never pairs spaces instead of words.
  const changes = alignKeys(
    oldUnits.map((u) => u.key),
    newUnits.map((u) => u.key),
  );
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      const old = change.added ? undefined : oldUnits[i++];
      const now = change.removed ? undefined : newUnits[j++];
      if (old && !now) steps.push({ op: 'delete', old: old.tokens, new: [] });
      else if (now && !old) steps.push({ op: 'insert', old: [], new: now.tokens });
      else if (old && now) {
        if (old.spaceKey === now.spaceKey) steps.push({ op: 'equal', old: old.tokens, new: now.tokens });
        else {
          steps.push({ op: 'delete', old: old.space, new: [] }, { op: 'insert', old: [], new: now.space });
          steps.push({ op: 'equal', old: old.word, new: now.word });
        }
      }
    }
  }
  return build(readable(steps));
}

interface Step {
  op: Op;
  old: Token[];
  new: Token[];
}

/** A word (or punctuation mark, or atom) with the whitespace before it; the last unit may be whitespace alone. */
interface Unit {
  space: Token[];
  word: Token[];
  tokens: Token[];
  key: string;
  spaceKey: string;
}

function units(tokens: readonly Token[]): Unit[] {
  const result: Unit[] = [];
  let space: Token[] = [];
  const push = (word: Token[]) => {
    result.push({
      space,
      word,
      tokens: [...space, ...word],
      key: word.map((t) => t.key).join('') || '\u0000end',
      spaceKey: space.map((t) => t.key).join(''),
    });
    space = [];
  };
  for (const token of tokens) {
    if (token.kind === 'text' && token.space) {
      if (space.length) push([]);
      space = [token];
    } else push([token]);
  }
  if (space.length) push([]);
  return result;
}

/** Wraps whole inline content as inserted or deleted. */
export function markInline(nodes: readonly PhrasingContent[], op: 'insert' | 'delete'): PhrasingContent[] {
  if (!nodes.length) return [];
  return [{ type: op === 'insert' ? 'insertion' : 'deletion', children: [...nodes] }];
}

/**
 * Makes a word diff read as a reviewer would write it: whitespace kept between two
 * changes joins them, within a run of changes all deletions come before all
 * insertions ("[-old words-]{+new words+}" rather than alternating word by word), and
 * a space that starts both stays outside them.
 */
function readable(steps: readonly Step[]): { op: Op; tokens: Token[] }[] {
  const result: { op: Op; tokens: Token[] }[] = [];
  let deleted: Token[] = [];
  let inserted: Token[] = [];
  const flush = () => {
    const [firstDeleted] = deleted;
    const [firstInserted] = inserted;
    if (firstDeleted?.kind === 'text' && firstDeleted.space && firstInserted?.kind === 'text' && firstInserted.key === firstDeleted.key) {
      result.push({ op: 'equal', tokens: [firstInserted] });
      deleted = deleted.slice(1);
      inserted = inserted.slice(1);
    }
    if (deleted.length) result.push({ op: 'delete', tokens: deleted });
    if (inserted.length) result.push({ op: 'insert', tokens: inserted });
    deleted = [];
    inserted = [];
  };
  steps.forEach((step, index) => {
    const between = index > 0 && index < steps.length - 1 && steps[index - 1]?.op !== 'equal' && steps[index + 1]?.op !== 'equal';
    if (step.op === 'equal' && !step.new.length && !step.old.length) return;
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

/**
 * Rebuilds inline nodes from tokens. Formatting that unchanged words share with the
 * changes beside them is wrapped around the whole span, the changes inside it
 * (`*a {++new ++}b*`), so that the emphasis of several words stays one span; formatting
 * found on changed words only stays inside the change (`{--*old*--}{++new++}`).
 */
function build(runs: readonly { op: Op; tokens: Token[] }[]): PhrasingContent[] {
  return nest(
    runs.flatMap(({ op, tokens }) => tokens.map((token) => ({ op, token }))),
    0,
  );
}

/** Rebuilds the tokens whose formatting from `depth` on is still to be wrapped. */
function nest(items: readonly { op: Op; token: Token }[], depth: number): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let loose: { op: Op; token: Token }[] = [];
  for (const span of spansByMark(items, depth)) {
    const mark = span.items[0]?.token.marks[depth];
    if (mark && span.items.some((item) => item.op === 'equal')) {
      nodes.push(...byOp(loose, depth), withChildren(mark, nest(span.items, depth + 1)));
      loose = [];
    } else loose.push(...span.items);
  }
  nodes.push(...byOp(loose, depth));
  return nodes;
}

/** Consecutive tokens under the same formatting at `depth` (or under none). */
function spansByMark(items: readonly { op: Op; token: Token }[], depth: number): { items: { op: Op; token: Token }[] }[] {
  const spans: { key: string; items: { op: Op; token: Token }[] }[] = [];
  for (const item of items) {
    const mark = item.token.marks[depth];
    const key = mark ? JSON.stringify(mark) : '';
    const last = spans.at(-1);
    if (last && last.key === key) last.items.push(item);
    else spans.push({ key, items: [item] });
  }
  return spans;
}

/** Tokens as runs of one op each, the formatting from `depth` on inside each run. */
function byOp(items: readonly { op: Op; token: Token }[], depth: number): PhrasingContent[] {
  const runs: { op: Op; tokens: Token[] }[] = [];
  for (const { op, token } of items) {
    const last = runs.at(-1);
    if (last && last.op === op) last.tokens.push(token);
    else runs.push({ op, tokens: [token] });
  }
  return runs.flatMap(({ op, tokens }) => {
    const nodes = groupByMarks(tokens, depth).flatMap(({ marks, tokens: group }) => wrap(marks, contentOf(group)));
    return op === 'equal' ? nodes : markInline(nodes, op);
  });
}

function groupByMarks(tokens: readonly Token[], depth: number): { marks: Mark[]; tokens: Token[] }[] {
  const groups: { marks: Mark[]; key: string; tokens: Token[] }[] = [];
  for (const token of tokens) {
    const marks = token.marks.slice(depth);
    const key = JSON.stringify(marks);
    const last = groups.at(-1);
    if (last && last.key === key) last.tokens.push(token);
    else groups.push({ marks, key, tokens: [token] });
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

/** A formatting node again, around new children. */
export function withChildren(mark: Mark, children: PhrasingContent[]): PhrasingContent {
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

/** Whether inline content holds a tracked change (an insertion or deletion), at any depth. */
export function hasChanges(nodes: readonly PhrasingContent[]): boolean {
  return nodes.some((node) => node.type === 'insertion' || node.type === 'deletion' || ('children' in node && hasChanges(node.children)));
}
