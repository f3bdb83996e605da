import { ADVANCES, MEASURED, UNITS_PER_EM } from './font-metrics.js';

/** How a piece of text is set: its font, bold and italic. */
export interface Face {
  font: string;
  bold: boolean;
  italic: boolean;
}

/** The measured fonts a font name has the widths of (metric twins count as the same). */
type Family = 'serif' | 'sans' | 'mono';

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
};

/** Every character of Courier New is 0.6 em wide (1229 of 2048 units). */
const MONO_ADVANCE = 1229;

const INDEX = new Map([...MEASURED].map((character, index) => [character, index]));

/**
 * How wide a text is set in a font, at a size in half-points, in twips (1/20 pt): the sum of its
 * characters' advance widths, as Word and LibreOffice lay them out (no kerning). Exact for Times
 * New Roman, Arial and Courier New (the widths are those of their metric twins, the Liberation
 * fonts); any other font is taken to be as wide as the wider of Times New Roman and Arial,
 * character by character. A character outside the measured ones is as wide as the letter it is
 * made from (ǖ as u), or else an em.
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
  const serif = ADVANCES.serif[style][index] ?? UNITS_PER_EM;
  const sans = ADVANCES.sans[style][index] ?? UNITS_PER_EM;
  return family === 'serif' ? serif : family === 'sans' ? sans : Math.max(serif, sans);
}
