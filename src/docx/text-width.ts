import { ADVANCES, MEASURED, UNITS_PER_EM } from './font-metrics.js';

/** How a piece of text is set: its font, bold and italic. */
export interface Face {
  font: string;
  bold: boolean;
  italic: boolean;
}

/** The measured fonts a font name has the widths of (metric twins count as the same). */
type Family = keyof typeof ADVANCES | 'mono';

const FAMILIES: Record<string, Family> = {
  'times new roman': 'serif',
  times: 'serif',
  'liberation serif': 'serif',
  tinos: 'serif',
  arial: 'sans',
  helvetica: 'sans',
  'liberation sans': 'sans',
  arimo: 'sans',
  'courier new': 'mono',
  courier: 'mono',
  'liberation mono': 'mono',
  cousine: 'mono',
  calibri: 'carlito',
  carlito: 'carlito',
  cambria: 'caladea',
  caladea: 'caladea',
  'dejavu sans': 'dejavuSans',
  'dejavu serif': 'dejavuSerif',
};

/** A face's style, as the tables are kept by. */
type Style = keyof (typeof ADVANCES)['serif'];

/** A style's advances in a font none of the tables is: each character's widest in them, made on first use. */
const widestOf = new Map<Style, number[]>();

function widest(style: Style): number[] {
  let advances = widestOf.get(style);
  if (!advances) {
    const tables = Object.values(ADVANCES).map((table) => table[style]);
    advances = [...MEASURED].map((_, index) => Math.max(...tables.map((table) => table[index] ?? 0)));
    widestOf.set(style, advances);
  }
  return advances;
}

/** Every character of Courier New is 0.6 em wide (1229 of 2048 units). */
const MONO_ADVANCE = 1229;

const INDEX = new Map([...MEASURED].map((character, index) => [character, index]));

/**
 * How wide a text is set in a font, at a size in half-points, in twips (1/20 pt): the sum of its
 * characters' advance widths, as Word and LibreOffice lay them out (no kerning). Exact for Times
 * New Roman, Arial, Calibri, Cambria, DejaVu Sans and Serif and Courier New (the widths are those
 * of their metric twins, the Liberation fonts, Carlito and Caladea); any other font is taken to be
 * as wide as the widest of the proportional ones, character by character, so that a word measured
 * to fit is not broken for a font wider than Times New Roman. A character outside the measured ones
 * is as wide as the letter it is made from (ǖ as u), or else an em; one a measured font lacks (Caladea
 * has no Ţ), as the widest of the fonts that have it.
 */
export function textWidth(text: string, face: Face, halfPoints: number): number {
  const family = FAMILIES[face.font.trim().toLowerCase()];
  let units = 0;
  for (const character of text) units += advance(character, family, face);
  return (units * halfPoints * 10) / UNITS_PER_EM;
}

function advance(character: string, family: Family | undefined, face: Face): number {
  if (family === 'mono') return MONO_ADVANCE;
  const index = INDEX.get(character) ?? INDEX.get(character.normalize('NFD').charAt(0));
  if (index === undefined) return UNITS_PER_EM;
  const style = face.bold ? (face.italic ? 'boldItalic' : 'bold') : face.italic ? 'italic' : 'regular';
  const own = family === undefined ? 0 : (ADVANCES[family][style][index] ?? 0);
  // 0: another font, or a character this one lacks (Word takes it from another font).
  return own > 0 ? own : (widest(style)[index] ?? 0);
}
