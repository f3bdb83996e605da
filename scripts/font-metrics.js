// Writes src/docx/font-metrics.ts: the advance widths of the characters a report is written in,
// regular, bold, italic and bold italic, in free fonts made with the same metrics as the fonts
// ministries write in (each character exactly as wide): Liberation Serif and Sans (Times New Roman,
// Arial), Carlito (Calibri), Caladea (Cambria), and DejaVu Sans and Serif themselves. These are the
// widths Word gives a text in those fonts, and the widths LibreOffice uses for them on Linux. The
// DOCX compiler sizes table columns with them (src/docx/text-width.ts); the file is committed, so
// only whoever runs this needs the fonts. Run again only to add characters or fonts:
// `node scripts/font-metrics.js [folder of the fonts' folders] [output]` (the fonts are Debian's and
// Ubuntu's fonts-liberation2, fonts-crosextra-carlito, fonts-crosextra-caladea, fonts-dejavu-core and
// fonts-dejavu-extra, under /usr/share/fonts/truetype; the test that checks the committed file is
// current writes elsewhere).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fonts = process.argv[2] ?? '/usr/share/fonts/truetype';
const target = process.argv[3] ?? join(root, 'src/docx/font-metrics.ts');

/** Basic Latin, Latin-1, Latin Extended-A (Latvian, Lithuanian, …), and the punctuation Latvian typography uses. */
const CODES = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0x17f),
  ...[0x2009, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2022, 0x2026, 0x2030, 0x2032, 0x2033, 0x2039, 0x203a, 0x20ac, 0x2116, 0x2122, 0x2212],
];

const FACES = ['regular', 'bold', 'italic', 'boldItalic'];
/**
 * Each family's fonts, regular, bold, italic and bold italic, under the fonts' folder. The first two
 * decide which characters are measured (those both have in every face), as they did before the others
 * were added, so a text in Times New Roman or Arial is measured as it was.
 */
const FAMILIES = {
  serif: faces('liberation2/LiberationSerif', ['Regular', 'Bold', 'Italic', 'BoldItalic']),
  sans: faces('liberation2/LiberationSans', ['Regular', 'Bold', 'Italic', 'BoldItalic']),
  carlito: faces('crosextra/Carlito', ['Regular', 'Bold', 'Italic', 'BoldItalic']),
  caladea: faces('crosextra/Caladea', ['Regular', 'Bold', 'Italic', 'BoldItalic']),
  dejavuSans: ['dejavu/DejaVuSans.ttf', 'dejavu/DejaVuSans-Bold.ttf', 'dejavu/DejaVuSans-Oblique.ttf', 'dejavu/DejaVuSans-BoldOblique.ttf'],
  dejavuSerif: ['dejavu/DejaVuSerif.ttf', 'dejavu/DejaVuSerif-Bold.ttf', 'dejavu/DejaVuSerif-Italic.ttf', 'dejavu/DejaVuSerif-BoldItalic.ttf'],
};
/** The widths are written in this many units an em (a font of another, Caladea's 1000, is scaled, rounded up). */
const UNITS = 2048;

function faces(stem, suffixes) {
  return suffixes.map((suffix) => `${stem}-${suffix}.ttf`);
}

function range(from, to) {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** A TrueType font's units per em and the advance width of a character (undefined when it has no glyph for it). */
function readFont(path) {
  const bytes = readFileSync(path);
  const tables = {};
  for (let index = 0; index < bytes.readUInt16BE(4); index++) {
    const at = 12 + index * 16;
    tables[bytes.toString('latin1', at, at + 4)] = bytes.readUInt32BE(at + 8);
  }
  const unitsPerEm = bytes.readUInt16BE(tables.head + 18);
  const metrics = bytes.readUInt16BE(tables.hhea + 34);
  const advance = (glyph) => bytes.readUInt16BE(tables.hmtx + 4 * Math.min(glyph, metrics - 1));
  // The Windows Unicode BMP character map, format 4: segments of codes mapped by a delta or an offset.
  let map;
  for (let index = 0; index < bytes.readUInt16BE(tables.cmap + 2); index++) {
    const at = tables.cmap + 4 + index * 8;
    if (bytes.readUInt16BE(at) === 3 && bytes.readUInt16BE(at + 2) === 1) map = tables.cmap + bytes.readUInt32BE(at + 4);
  }
  if (map === undefined || bytes.readUInt16BE(map) !== 4) throw new Error(`${path}: no format 4 Unicode character map`);
  const segments = bytes.readUInt16BE(map + 6) / 2;
  const ends = map + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  const glyphOf = (code) => {
    for (let segment = 0; segment < segments; segment++) {
      if (code > bytes.readUInt16BE(ends + 2 * segment)) continue;
      const start = bytes.readUInt16BE(starts + 2 * segment);
      if (code < start) return 0;
      const delta = bytes.readInt16BE(deltas + 2 * segment);
      const offset = bytes.readUInt16BE(offsets + 2 * segment);
      if (offset === 0) return (code + delta) & 0xffff;
      const glyph = bytes.readUInt16BE(offsets + 2 * segment + offset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  return { unitsPerEm, width: (code) => (glyphOf(code) === 0 ? undefined : advance(glyphOf(code))) };
}

const read = Object.fromEntries(
  Object.entries(FAMILIES).map(([family, files]) => [family, Object.fromEntries(FACES.map((face, index) => [face, readFont(join(fonts, files[index]))]))]),
);
// A code the Liberation fonts have a glyph for in every face; the others are left out (measured as the text-width module says).
const codes = CODES.filter((code) => [read.serif, read.sans].every((faces) => Object.values(faces).every((font) => font.width(code) !== undefined)));
/** A character's width in {@link UNITS}, or 0 where the font has no glyph for it (Word then takes it from another font). */
const width = (font, code) => {
  const units = font.width(code);
  return units === undefined ? 0 : font.unitsPerEm === UNITS ? units : Math.ceil((units * UNITS) / font.unitsPerEm);
};
// Written as themselves, but for the quote, the backslash and the blanks and the soft hyphen, which a reader would not see.
const escaped = (code) => ([0x27, 0x5c, 0xa0, 0xad, 0x2009].includes(code) ? `\\u${code.toString(16).padStart(4, '0')}` : String.fromCodePoint(code));
const rows = (numbers) => numbers.reduce((lines, number, index) => (index % 24 ? ((lines[lines.length - 1] += `, ${number}`), lines) : [...lines, `      ${number}`]), []).join(',\n');

const text = `// Generated by scripts/font-metrics.js from Liberation Serif and Sans, Carlito, Caladea and DejaVu Sans and Serif: do not edit by hand.

/** The font units the widths are in: this many make an em (the font size). */
export const UNITS_PER_EM = ${UNITS};

/** The characters measured, in the order of the widths below. */
export const MEASURED = '${codes.map(escaped).join('')}';

/**
 * Advance widths in font units of each character of {@link MEASURED}, in each face: Liberation Serif
 * (as wide as Times New Roman), Liberation Sans (as wide as Arial), Carlito (as wide as Calibri),
 * Caladea (as wide as Cambria), DejaVu Sans and DejaVu Serif. 0 for a character the font lacks.
 */
export const ADVANCES = {
${Object.entries(read)
  .map(
    ([family, faces]) =>
      `  ${family}: {\n${Object.entries(faces)
        .map(([face, font]) => `    ${face}: [\n${rows(codes.map((code) => width(font, code)))},\n    ],`)
        .join('\n')}\n  },`,
  )
  .join('\n')}
} as const;
`;
writeFileSync(target, text);
console.log(`wrote ${target}: ${codes.length} characters`);
