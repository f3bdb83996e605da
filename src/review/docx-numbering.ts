/** How a reviewed DOCX numbers its lists: each numbering's kind and format, and the lists its styles carry. */

import { StyleSheet } from './styles.js';
import { child, descendants, elements, type XmlElement } from './xml.js';

/** How one Word list (`w:num`) writes each level (bullet or number, and its number text), and how it counts each level. */
export interface NumberingKind {
  /** Level → bulleted or numbered, and the number text (`%1.`, '' for a bullet): a list may number its first level and bullet the next. */
  formats: Map<number, ListFormat>;
  definition: string;
  /** Level → the definition's first number (`w:start`). */
  starts: Map<number, number>;
  /** Level → the list's own first number (`w:startOverride`). */
  restarts: Map<number, number>;
  /** Level → where its number stands from the margin (twips: `w:ind` left plus first line, or less hanging). */
  numberAt: Map<number, number>;
}

/** Whether a list level is bulleted or numbered, and how it writes its number (`%1.`; '' for a bullet). */
interface ListFormat {
  kind: 'number' | 'bullet';
  marker: string;
}

/** numId → whether each level is a bullet or a number, its number text (`%1.`), and how its levels count. */
export function numberingKinds(numbering: XmlElement | undefined): Map<string, NumberingKind> {
  const result = new Map<string, NumberingKind>();
  if (!numbering) return result;
  const abstract = new Map<string, Omit<NumberingKind, 'restarts'>>();
  for (const definition of descendants(numbering, 'w:abstractNum')) {
    const levels = elements(definition, 'w:lvl');
    const formats = new Map(
      levels.flatMap((level): [number, ListFormat][] => {
        const at = Number(level.attributes['w:ilvl'] ?? '');
        if (!Number.isInteger(at)) return [];
        const bullet = child(level, 'w:numFmt')?.attributes['w:val'] === 'bullet';
        return [[at, bullet ? { kind: 'bullet', marker: '' } : { kind: 'number', marker: child(level, 'w:lvlText')?.attributes['w:val'] ?? '' }]];
      }),
    );
    const id = definition.attributes['w:abstractNumId'] ?? '';
    const starts = new Map(levels.flatMap((level) => numbered(level.attributes['w:ilvl'], child(level, 'w:start')?.attributes['w:val'])));
    const numberAt = new Map(levels.flatMap((level) => numbered(level.attributes['w:ilvl'], String(numberPosition(child(child(level, 'w:pPr'), 'w:ind'))))));
    abstract.set(id, { formats, definition: id, starts, numberAt });
  }
  for (const num of descendants(numbering, 'w:num')) {
    const numId = num.attributes['w:numId'] ?? '';
    const abstractId = child(num, 'w:abstractNumId')?.attributes['w:val'] ?? '';
    const restarts = new Map(elements(num, 'w:lvlOverride').flatMap((override) => numbered(override.attributes['w:ilvl'], child(override, 'w:startOverride')?.attributes['w:val'])));
    // A list whose definition is missing counts on its own.
    result.set(numId, { ...(abstract.get(abstractId) ?? { formats: new Map(), definition: `num ${numId}`, starts: new Map(), numberAt: new Map() }), restarts });
  }
  return result;
}

/** The list a paragraph style puts its paragraphs in (`w:numPr` in the style): its Word list and level, each when the style says. */
export interface StyleList {
  numId?: string;
  ilvl?: string;
}

/**
 * Paragraph style → the list it puts its paragraphs in, its bases' when it says nothing itself:
 * Word's "List Number" style, or a numbered heading style, numbers a paragraph that has no
 * `w:numPr` of its own.
 */
export function styleNumbering(styles: StyleSheet): Map<string, StyleList> {
  const result = new Map<string, StyleList>();
  for (const style of styles.all()) {
    if (style.type !== 'paragraph') continue;
    const list: StyleList = {};
    // The style's own first, then its bases'.
    for (const level of styles.chain(style.id).reverse()) {
      const numPr = child(level.paragraph, 'w:numPr');
      list.numId ??= child(numPr, 'w:numId')?.attributes['w:val'];
      list.ilvl ??= child(numPr, 'w:ilvl')?.attributes['w:val'];
    }
    if (list.numId !== undefined) result.set(style.id, list);
  }
  return result;
}

/** Where an indent (`w:ind`) puts a paragraph's first line from the margin, in twips; NaN when it sets none. */
function numberPosition(indent: XmlElement | undefined): number {
  if (!indent) return Number.NaN;
  const twips = (name: string) => Number(indent.attributes[name] ?? 0);
  return twips('w:left') + twips('w:firstLine') - twips('w:hanging');
}

/** `[[level, number]]` when both are whole numbers, else nothing. */
function numbered(level: string | undefined, value: string | undefined): [number, number][] {
  const [l, v] = [Number(level), Number(value)];
  return level !== undefined && value !== undefined && Number.isInteger(l) && Number.isInteger(v) ? [[l, v]] : [];
}
