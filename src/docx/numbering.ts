import { AlignmentType, LevelFormat, LevelSuffix, type LevelOptions, type NumberingDefinition } from './ooxml/types.js';
import type { ListKind } from './list-kind.js';
import type { PageGeometry } from './layout.js';

/**
 * The deepest list level Word numbers (`w:ilvl` 0–8): a list nested deeper is printed at this
 * level (the compiler warns), since a paragraph at a level its numbering does not define gets
 * another list's marker, or none.
 */
export const DEEPEST_LIST_LEVEL = 8;

/**
 * A numbering definition for one list kind and start number, with all nine levels Word has.
 * Lists are laid out as ministry documents number their points: the number sits at the
 * first-line indent like the start of a paragraph, followed by a space; wrapped lines return
 * to the margin, one first-line indent further in at each level.
 */
export function numberingDefinition(kind: ListKind, start: number, geometry: PageGeometry, inItem = false, older = false): NumberingDefinition {
  const levels: LevelOptions[] = [];
  for (let level = 0; level <= DEEPEST_LIST_LEVEL; level++) {
    levels.push({
      level,
      format: kind === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
      text: kind === 'bullet' ? '–' : kind === 'period' ? `%${level + 1}.` : `%${level + 1})`,
      // A definition serves the lists of one kind and start, at whatever level they are nested: each level starts there.
      start,
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.SPACE,
      style: {
        paragraph: {
          indent: { left: level * geometry.firstLineIndent, firstLine: geometry.firstLineIndent },
        },
      },
    });
  }
  return { reference: numberingReference(kind, start, inItem, older), levels };
}

/**
 * The reference name of a numbering definition, e.g. `paren-1`; `paren-1-in-item` for a list in a
 * quote (or another block) inside a list item. That one is a definition of its own: lists of one
 * definition share their count in LibreOffice (and may in Word), so a quoted list numbered with the
 * item's definition made the items after it go on from the quoted ones (1), 1), 2), 3) for 1), 1), 2), 2)).
 * A redline's list of the older version's numbers (`older`, `paren-1-older`) has one of its own too: sharing the
 * newer lists' definition, LibreOffice's Reject All numbered its items on from the newer list's count (1), 1) for 1), 2)).
 */
export function numberingReference(kind: ListKind, start: number, inItem = false, older = false): string {
  return `${kind}-${start}${inItem ? '-in-item' : ''}${older ? '-older' : ''}`;
}

