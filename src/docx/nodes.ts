import type { Parent, PhrasingContent } from 'mdast';
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

/** Whether a whole block was added or removed: its paragraph mark is tracked too. */
export type BlockRevision = 'insert' | 'delete';

declare module 'mdast' {
  interface PhrasingContentMap {
    insertion: Insertion;
    deletion: Deletion;
  }
  interface RootContentMap {
    insertion: Insertion;
    deletion: Deletion;
  }
  interface Data {
    /** Set on a block that exists in only one of two versions (see `src/diff/`). */
    revision?: BlockRevision;
  }
  interface FootnoteDefinitionData {
    /**
     * In a redline, on both copies of a footnote whose definition was deleted whole in one place
     * and inserted whole in another: the note from the old copy to the new, the changed words
     * tracked. A reference found in both versions prints it (see `src/diff/merge.ts`).
     */
    merged?: FootnoteDefinition['children'];
  }
  interface ListData {
    /** The list's marker kind, recorded when the tree no longer matches its source text. */
    listKind?: ListKind;
  }
}
