import { joinList } from '../../util/join-list.js';
import type { DiffBlock } from '../blocks.js';
import type { UnshownChange, Version } from '../compare.js';
import { describeChange, type MetadataChange } from '../metadata.js';

/** "HEAD~1 (1a2b3c4, 2021-02-15)", "working tree (2021-02-17)", a file path; `name` formats the revision or path. */
export function versionLabel(version: Version, name: (label: string) => string = (label) => label): string {
  const day = version.localTime.slice(0, 10);
  const label = version.label === 'working tree' ? version.label : name(version.label);
  return version.commit ? `${label} (${version.commit.slice(0, 7)}, ${day})` : `${label} (${day})`;
}

/** A metadata change as a line; changes of a position in a report name the position first. */
export function changeLine(change: MetadataChange, kind: 'meeting' | 'position'): string {
  return kind === 'meeting' && change.subject !== 'report' ? `${change.subject} — ${describeChange(change)}` : describeChange(change);
}

/**
 * Indices of the blocks to show around changes: every changed block, the unchanged one before each
 * run of changes, and the unchanged one after a paragraph split or joined there (the other part).
 */
export function blocksInView(blocks: readonly DiffBlock[]): { index: number; context: boolean; gap: boolean }[] {
  const shown: { index: number; context: boolean; gap: boolean }[] = [];
  let last = -1;
  blocks.forEach((block, index) => {
    if (block.status === 'equal') {
      if (blocks[index - 1]?.paragraphMark && last === index - 1) {
        shown.push({ index, context: true, gap: false });
        last = index;
      }
      return;
    }
    const previous = blocks[index - 1];
    if (index - 1 > last && previous?.status === 'equal') {
      shown.push({ index: index - 1, context: true, gap: last >= 0 && index - 2 > last });
      last = index - 1;
    }
    shown.push({ index, context: false, gap: last >= 0 && index - 1 > last });
    last = index;
  });
  return shown;
}

/**
 * What a block's words cannot show, said beside them: a paragraph that moved (its words are the
 * same in both places), an item the list now numbers otherwise, or an empty list item added or
 * removed (`2)` alone on its line: no words to mark).
 */
export function blockNote(block: DiffBlock): string | undefined {
  if (block.moved === 'from') return 'moved elsewhere';
  if (block.moved === 'to') return 'moved here';
  // A list made to start at another number prints every item with another: the words alone would say "unchanged".
  if (block.markerBefore !== undefined) return `numbered ${block.markerBefore} before`;
  if (block.kind === 'item' && !block.content.length && block.status !== 'equal') return block.status === 'deleted' ? 'empty item removed' : 'empty item added';
  return undefined;
}

/** What "No changes." is followed by for a file whose text changed in nothing compared (see `unshownChange`). */
export function unshownNote(unshown: UnshownChange | undefined, code: (text: string) => string = (text) => text, files: readonly string[] = []): string[] {
  // A meeting's diff names the files (the meeting's own, its positions'); a position's is of one file.
  const subject = files.length ? `The text of ${joinList(files.map(code), 'and')}` : "The file's text";
  switch (unshown) {
    case 'composition':
      return [`${subject} differs only in how letters are written: composed (ā) or decomposed (a and a combining macron, as a Mac or a PDF gives them). The report reads both as the same letters.`];
    case 'whitespace':
      return [`${subject} differs only in spaces, tabs or line ends, which the report does not show (${code('--whitespace')} counts a re-wrapped line or a doubled space in the text).`];
    case 'form':
      return [`${subject} differs only in how it is written (YAML comments, quoting or the order of fields, Markdown marks that mean the same, such as ${code('*')} or ${code('_')} for italics), not in anything the report or its clearance shows.`];
    default:
      return [];
  }
}
