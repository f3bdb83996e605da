import type { FootnoteDefinition, FootnoteReference, Nodes, Root } from 'mdast';
import { walk } from '../util/markdown.js';
import { alignKeys } from './align.js';
import { REWORDED, similarity } from './similarity.js';
import { blockWords, nodeKey } from './tokens.js';

/** A footnote whose label changed between the versions while it stayed the same note (`[^1]` → `[^avots]`). */
export interface FootnoteLabelChange {
  /** The label in the older version, as written. */
  from: string;
  /** The label in the newer version, as written. */
  to: string;
}

/**
 * Finds the footnotes of `before` that are the same notes as footnotes of `after` under another
 * label, and gives them their newer label in `before` (the tree is changed in place), so the
 * comparison sees no change where the printed document has none: a label is not printed, Word
 * numbers the notes by their references. Notes are matched by their references in reading order:
 * those whose text is the same pair first, in order; between two such pairs, a label found only in
 * the older version pairs with a label found only in the newer one, in order, when their notes
 * share as many words as a reworded paragraph does (the note at that place was relabelled and
 * reworded, and is compared word by word). Returns the labels changed.
 */
export function matchFootnoteLabels(before: Root, after: Root, whitespace: boolean): FootnoteLabelChange[] {
  const old = footnotesOf(before);
  const now = footnotesOf(after);
  const renames = new Map<string, Label>();
  const key = (notes: Footnotes, identifier: string) => nodeKey(notes.definitions.get(identifier)?.children ?? [], whitespace);
  const changes = alignKeys(
    old.order.map((identifier) => key(old, identifier)),
    now.order.map((identifier) => key(now, identifier)),
  );
  let i = 0;
  let j = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const pairOrphans = () => {
    const orphans = { removed: removed.filter((id) => !now.definitions.has(id)), added: added.filter((id) => !old.definitions.has(id)) };
    orphans.removed.forEach((id, index) => {
      const to = orphans.added[index];
      if (to !== undefined && reworded(old.definitions.get(id), now.definitions.get(to))) pair(id, to);
    });
    removed = [];
    added = [];
  };
  const pair = (from: string | undefined, to: string | undefined) => {
    const definition = to === undefined ? undefined : now.definitions.get(to);
    if (from === undefined || !definition || renames.has(from)) return;
    // `[^A]` and `[^a]` are one footnote, but a reference keeps its label as written.
    if (from !== to || old.definitions.get(from)?.label !== definition.label) renames.set(from, labelOf(definition));
  };
  for (const change of changes) {
    if (change.removed) removed.push(...old.order.slice(i, (i += change.count)));
    else if (change.added) added.push(...now.order.slice(j, (j += change.count)));
    else {
      pairOrphans();
      for (let k = 0; k < change.count; k++) pair(old.order[i + k], now.order[j + k]);
      i += change.count;
      j += change.count;
    }
  }
  pairOrphans();
  const changed = [...renames].map(([from, label]) => ({ from: old.definitions.get(from)?.label ?? from, to: label.label }));
  setAside(renames, old);
  rename(before, renames);
  return changed;
}

/** A footnote's identifier (how references find it) and its label as written. */
interface Label {
  identifier: string;
  label: string;
}

function labelOf(node: FootnoteDefinition): Label {
  return { identifier: node.identifier, label: node.label ?? node.identifier };
}

/** Whether two notes share enough words to be one note reworded, as two paragraphs must. */
function reworded(before: FootnoteDefinition | undefined, after: FootnoteDefinition | undefined): boolean {
  return before !== undefined && after !== undefined && similarity(blockWords(before), blockWords(after)) >= REWORDED;
}

/** A version's footnote definitions by identifier, and the identifiers its text refers to, each once, in reading order. */
interface Footnotes {
  definitions: Map<string, FootnoteDefinition>;
  order: string[];
}

function footnotesOf(tree: Root): Footnotes {
  const definitions = new Map<string, FootnoteDefinition>();
  const references: FootnoteReference[] = [];
  walk(tree, (node) => {
    if (node.type === 'footnoteDefinition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if (node.type === 'footnoteReference') references.push(node);
  });
  // A note's own references are printed after the text's: they are not the text's order.
  const inNotes = new Set<Nodes>();
  for (const definition of definitions.values()) walk(definition, (node) => inNotes.add(node));
  const order = [...new Set(references.filter((node) => !inNotes.has(node) && definitions.has(node.identifier)).map((node) => node.identifier))];
  return { definitions, order };
}

/**
 * A note of the older version whose label another note takes (`[^1]` deleted, `[^2]` renumbered
 * `[^1]`) keeps its label as written but gets an identifier no version has, so the two are not
 * taken for one note: the old note is then deleted, not reworded into the other. (A label holds no
 * whitespace, so none has the space this identifier has.)
 */
function setAside(renames: Map<string, Label>, old: Footnotes): void {
  for (const { identifier } of [...renames.values()]) {
    const kept = old.definitions.get(identifier);
    if (kept && !renames.has(identifier)) renames.set(identifier, { identifier: `${identifier} (older)`, label: kept.label ?? identifier });
  }
}

/** Gives every reference and definition of a renamed footnote its new identifier and label. */
function rename(tree: Root, renames: ReadonlyMap<string, Label>): void {
  walk(tree, (node) => {
    if (node.type !== 'footnoteReference' && node.type !== 'footnoteDefinition') return;
    const renamed = renames.get(node.identifier);
    if (!renamed) return;
    node.identifier = renamed.identifier;
    node.label = renamed.label;
  });
}
