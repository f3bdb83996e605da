import type { Definition, Delete, Emphasis, Heading, Image, Link, LinkReference, Nodes, Paragraph, PhrasingContent, Root, Strong, TableCell } from 'mdast';
import { firstDefinitions, walk } from '../util/markdown.js';

/**
 * Writes each reference link and image of a tree (`[text][label]`, `![alt][label]`) as a link or an
 * image with its definition's address and title, in place. A reader follows the address, not the
 * label: an address changed in its definition alone is then a change of the links to it, shown as
 * a link to another address is, and the diff's Markdown keeps every address without the definitions.
 */
export function resolveReferences(tree: Root): void {
  const definitions = firstDefinitions(tree);
  walk(tree, (node) => {
    if (holdsPhrasing(node)) node.children = node.children.map((child) => resolved(child, definitions));
  });
}

type PhrasingParent = Paragraph | Heading | TableCell | Emphasis | Strong | Delete | Link | LinkReference;

function holdsPhrasing(node: Nodes): node is PhrasingParent {
  return ['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference'].includes(node.type);
}

/** A reference as the link or image its definition makes it; anything else as it is. */
function resolved(node: PhrasingContent, definitions: ReadonlyMap<string, Definition>): PhrasingContent {
  if (node.type !== 'linkReference' && node.type !== 'imageReference') return node;
  const definition = definitions.get(node.identifier);
  if (!definition) return node;
  const target = { url: definition.url, title: definition.title ?? null };
  if (node.type === 'imageReference') return { type: 'image', ...target, alt: node.alt ?? null } satisfies Image;
  return { type: 'link', ...target, children: node.children } satisfies Link;
}
