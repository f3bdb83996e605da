import { applyPatch, reversePatch, structuredPatch, type StructuredPatchHunk } from 'diff';

/** A change the reviewer made that no longer fits the current text. */
export interface Conflict {
  /** The reviewer's change as diff lines (`-old`, `+new`). */
  lines: string[];
}

/** The merged text and the reviewer's changes that could not be placed. */
export interface Rebased {
  text: string;
  conflicts: Conflict[];
}

/**
 * Three-way merge of a field: the reviewer's changes (from `base`, the text the DOCX was
 * built from, to `theirs`, the accepted text) carried onto `ours`, the field as it is
 * now. Each changed stretch of lines is placed on its own, where its context still
 * matches (jsdiff's patch application); the ones that do not fit are conflicts and are
 * left out of the text. A stretch the current text already holds as the reviewer left it
 * (the same DOCX accepted before for another ministry that reviewed it) is no conflict: it
 * stays as it is; so is a current text that is the accepted one whole.
 */
export function rebaseText(base: string, theirs: string, ours: string): Rebased {
  if (ours === theirs) return { text: ours, conflicts: [] };
  const patch = structuredPatch('base', 'theirs', base, theirs, '', '', { context: 1 });
  let text = ours;
  const conflicts: Conflict[] = [];
  for (const hunk of patch.hunks) {
    const one = { ...patch, hunks: [hunk] };
    const applied = applyPatch(text, one);
    if (applied !== false) text = applied;
    else if (!alreadyWritten(text, one)) conflicts.push({ lines: changedLines(hunk) });
  }
  return { text, conflicts };
}

/**
 * Whether `text` holds a one-hunk patch's change as made: the lines it adds, between its context.
 * A hunk that only deletes leaves nothing to find (its context alone, a blank line and the next
 * paragraph's first, stands in any text), so it never counts as written: a paragraph the reviewer
 * deleted and someone reworded since is a conflict, not a deletion already made.
 */
function alreadyWritten(text: string, patch: ReturnType<typeof structuredPatch>): boolean {
  const adds = patch.hunks.some((hunk) => hunk.lines.some((line) => line.startsWith('+')));
  return adds && applyPatch(text, reversePatch(patch)) !== false;
}

function changedLines(hunk: StructuredPatchHunk): string[] {
  return hunk.lines.filter((line) => line.startsWith('-') || line.startsWith('+'));
}
