import type { PhrasingContent } from 'mdast';
import type { Container, DiffBlock } from '../blocks.js';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

/**
 * The blocks with a label of its own for each footnote, so that every reference of the Markdown
 * reaches its own note. Two notes can share a written label: a note deleted while another was
 * renumbered into its label (`[^2]` now `[^1]`) keeps its label as written under an identifier of
 * its own. The note whose label leads back to it keeps the label; the other gets `<label>-old`
 * (or `-old-2` …), a label no other note has.
 */
export function withUniqueLabels(blocks: readonly DiffBlock[]): DiffBlock[] {
  const written = new Map<string, string>();
  const note = (identifier: string, label: string) => {
    if (!written.has(identifier)) written.set(identifier, label);
  };
  const visit = (nodes: readonly PhrasingContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'footnoteReference') note(node.identifier, node.label ?? node.identifier);
      else if ('children' in node) visit(node.children);
    }
  };
  for (const block of blocks) {
    for (const container of block.within ?? []) if (container.kind === 'footnote') note(container.identifier, container.label);
    visit(block.content);
  }
  const taken = new Set(written.keys());
  const labels = new Map<string, string>();
  for (const [identifier, label] of written) {
    if (identifierOf(label) === identifier) continue;
    let fresh = `${label}-old`;
    for (let count = 2; taken.has(identifierOf(fresh)); count++) fresh = `${label}-old-${count}`;
    taken.add(identifierOf(fresh));
    labels.set(identifier, fresh);
  }
  if (!labels.size) return [...blocks];
  const relabel = (nodes: readonly PhrasingContent[]): PhrasingContent[] =>
    nodes.map((node) => {
      if (node.type === 'footnoteReference') {
        const label = labels.get(node.identifier);
        return label === undefined ? node : { ...node, label };
      }
      return 'children' in node ? { ...node, children: relabel(node.children) } : node;
    });
  const containers = new Map<Container, Container>();
  const container = (found: Container): Container => {
    const label = found.kind === 'footnote' ? labels.get(found.identifier) : undefined;
    if (label === undefined) return found;
    const copy = containers.get(found) ?? { ...found, label };
    containers.set(found, copy);
    return copy;
  };
  return blocks.map((block) => {
    const within = block.within?.map(container);
    const note = within?.find((found) => found.kind === 'footnote');
    return {
    ...block,
    ...(block.label !== undefined && note?.kind === 'footnote' ? { label: note.label } : {}),
    content: relabel(block.content),
    ...(block.rows ? { rows: block.rows.map((row) => ({ ...row, cells: row.cells.map(relabel) })) } : {}),
    ...(within ? { within } : {}),
    };
  });
}

/** The identifier the parser gives a label (micromark's folding, whitespace collapsed and case folded, lower-cased as mdast has it), so labels match as they do when the Markdown is read. */
export function identifierOf(label: string): string {
  return normalizeIdentifier(label).toLowerCase();
}
