import type { Node, Parent, PhrasingContent } from 'mdast';
import type { ListKind } from './list-kind.js';

/** Text added between two versions: becomes a Word tracked insertion (`w:ins`). */
export interface Insertion extends Parent {
  type: 'insertion';
  children: PhrasingContent[];
}

/** Text removed between two versions: becomes a Word tracked deletion (`w:del`). */
export interface Deletion extends Parent {
  type: 'deletion';
  children: PhrasingContent[];
}

/**
 * In a redline, the box of a task list item (`- [x] …`), moved from the item into the start of its
 * first paragraph: ticking it is then a change of that paragraph's text, deleted and inserted as
 * words are. Printed as the item's box is (see `task-box.ts`).
 */
export interface TaskBox extends Node {
  type: 'taskBox';
  checked: boolean;
}

/** Whether a whole block was added or removed: its paragraph mark is tracked too. */
export type BlockRevision = 'insert' | 'delete';

declare module 'mdast' {
  interface PhrasingContentMap {
    insertion: Insertion;
    deletion: Deletion;
    taskBox: TaskBox;
  }
  interface RootContentMap {
    insertion: Insertion;
    deletion: Deletion;
    taskBox: TaskBox;
  }
  interface Data {
    /** Set on a block that exists in only one of two versions (see `src/diff/`). */
    revision?: BlockRevision;
    /**
     * Set on a paragraph in both versions whose mark alone was added or removed (see `src/diff/split.ts`):
     * `insert` where the newer version splits a paragraph after it, `delete` where it joins the next one to it.
     */
    paragraphMark?: BlockRevision;
  }
  interface FootnoteDefinitionData {
    /**
     * In a redline, a footnote whose definition changed, as each kind of reference prints it:
     * `deleted`, the old version's note, every word deleted, for a deleted reference;
     * `inserted`, the new version's, every word inserted, for an inserted one; `merged`, the old
     * note merged with the new, the changed words tracked, for a reference in both versions.
     * Set on a definition paired with its old self, and on both copies of one deleted whole in
     * one place and inserted whole in another (see `src/diff/merge.ts`).
     */
    notes?: Record<'deleted' | 'inserted' | 'merged', FootnoteDefinition['children']>;
  }
  interface HeadingData {
    /** In a redline, the level a heading had in the older version, when it has another now (`##` made `###`). */
    depthBefore?: Heading['depth'];
  }
  interface ListData {
    /** The list's marker kind, recorded when the tree no longer matches its source text. */
    listKind?: ListKind;
    /**
     * In a redline, the number an ordered list started at in the older version, when it starts at
     * another now (`1) a` made `2) a`): the items found in the older version are numbered from it
     * when the changes are rejected.
     */
    startBefore?: number;
  }
}
