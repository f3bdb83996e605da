import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type NumberingDefinition } from 'docx';
import type { ListKind } from '../../src/docx/list-kind.js';
import type { PageGeometry } from '../../src/docx/layout.js';

const LEVELS = 4;

/**
 * A numbering definition for one list kind and start number. Lists are laid out as
 * ministry documents number their points: the number sits at the first-line indent
 * like the start of a paragraph, followed by a space; wrapped lines return to the margin.
 */
export function numberingDefinition(kind: ListKind, start: number, geometry: PageGeometry): NumberingDefinition {
  const levels: ILevelsOptions[] = [];
  for (let level = 0; level < LEVELS; level++) {
    levels.push({
      level,
      format: kind === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
      text: kind === 'bullet' ? '–' : kind === 'period' ? `%${level + 1}.` : `%${level + 1})`,
      start: level === 0 ? start : 1,
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.SPACE,
      style: {
        paragraph: {
          indent: { left: level * geometry.firstLineIndent, firstLine: geometry.firstLineIndent },
        },
      },
    });
  }
  return { reference: numberingReference(kind, start), levels };
}

/** The reference name of a numbering definition, e.g. `paren-1`. */
export function numberingReference(kind: ListKind, start: number): string {
  return `${kind}-${start}`;
}

