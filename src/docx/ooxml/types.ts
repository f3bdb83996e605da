/**
 * The options our OOXML writer takes for styles and numbering: the subset of `docx`'s option
 * shapes that src/docx/styles.ts and numbering.ts build, with the same names and the same string
 * values, so that those files can build them without `docx`.
 */

/** Paragraph alignment (`w:jc`), the values of docx's `AlignmentType`. */
export const AlignmentType = {
  START: 'start',
  CENTER: 'center',
  END: 'end',
  BOTH: 'both',
  MEDIUM_KASHIDA: 'mediumKashida',
  DISTRIBUTE: 'distribute',
  NUM_TAB: 'numTab',
  HIGH_KASHIDA: 'highKashida',
  LOW_KASHIDA: 'lowKashida',
  THAI_DISTRIBUTE: 'thaiDistribute',
  LEFT: 'left',
  RIGHT: 'right',
  JUSTIFIED: 'both',
} as const;
export type AlignmentType = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Border line styles (`w:val` of a border), the values of docx's `BorderStyle`. */
export const BorderStyle = {
  SINGLE: 'single',
  DASH_DOT_STROKED: 'dashDotStroked',
  DASHED: 'dashed',
  DASH_SMALL_GAP: 'dashSmallGap',
  DOT_DASH: 'dotDash',
  DOT_DOT_DASH: 'dotDotDash',
  DOTTED: 'dotted',
  DOUBLE: 'double',
  DOUBLE_WAVE: 'doubleWave',
  INSET: 'inset',
  NIL: 'nil',
  NONE: 'none',
  OUTSET: 'outset',
  THICK: 'thick',
  THICK_THIN_LARGE_GAP: 'thickThinLargeGap',
  THICK_THIN_MEDIUM_GAP: 'thickThinMediumGap',
  THICK_THIN_SMALL_GAP: 'thickThinSmallGap',
  THIN_THICK_LARGE_GAP: 'thinThickLargeGap',
  THIN_THICK_MEDIUM_GAP: 'thinThickMediumGap',
  THIN_THICK_SMALL_GAP: 'thinThickSmallGap',
  THIN_THICK_THIN_LARGE_GAP: 'thinThickThinLargeGap',
  THIN_THICK_THIN_MEDIUM_GAP: 'thinThickThinMediumGap',
  THIN_THICK_THIN_SMALL_GAP: 'thinThickThinSmallGap',
  THREE_D_EMBOSS: 'threeDEmboss',
  THREE_D_ENGRAVE: 'threeDEngrave',
  TRIPLE: 'triple',
  WAVE: 'wave',
} as const;
export type BorderStyle = (typeof BorderStyle)[keyof typeof BorderStyle];

/** Number formats of a list level (`w:numFmt`), those of docx's `LevelFormat` that briefing can use. */
export const LevelFormat = {
  DECIMAL: 'decimal',
  UPPER_ROMAN: 'upperRoman',
  LOWER_ROMAN: 'lowerRoman',
  UPPER_LETTER: 'upperLetter',
  LOWER_LETTER: 'lowerLetter',
  ORDINAL: 'ordinal',
  CARDINAL_TEXT: 'cardinalText',
  ORDINAL_TEXT: 'ordinalText',
  DECIMAL_ZERO: 'decimalZero',
  BULLET: 'bullet',
  NONE: 'none',
} as const;
export type LevelFormat = (typeof LevelFormat)[keyof typeof LevelFormat];

/** What follows a list number (`w:suff`), the values of docx's `LevelSuffix`. */
export const LevelSuffix = {
  NOTHING: 'nothing',
  SPACE: 'space',
  TAB: 'tab',
} as const;
export type LevelSuffix = (typeof LevelSuffix)[keyof typeof LevelSuffix];

/** Tab stop kinds (`w:tab`), the values of docx's `TabStopType`. */
export const TabStopType = {
  LEFT: 'left',
  RIGHT: 'right',
  CENTER: 'center',
  BAR: 'bar',
  CLEAR: 'clear',
  DECIMAL: 'decimal',
  END: 'end',
  NUM: 'num',
  START: 'start',
} as const;
export type TabStopType = (typeof TabStopType)[keyof typeof TabStopType];

/** Units of a table width (`w:type`), the values of docx's `WidthType`. */
export const WidthType = {
  AUTO: 'auto',
  DXA: 'dxa',
  NIL: 'nil',
  PERCENTAGE: 'pct',
} as const;
export type WidthType = (typeof WidthType)[keyof typeof WidthType];

/** Run properties (`w:rPr`): sizes in half-points, colours as six hex digits (or `auto`). */
export interface RunOptions {
  font?: string;
  size?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  language?: { value?: string; eastAsia?: string; bidirectional?: string };
}

/** One side of a paragraph border: size in eighths of a point, space in points. */
export interface BorderOptions {
  style: BorderStyle;
  size?: number;
  color?: string;
  space?: number;
}

/** Paragraph properties (`w:pPr`): lengths in twips, line spacing in 240ths of a line. */
export interface ParagraphOptions {
  alignment?: AlignmentType;
  indent?: { left?: number; right?: number; hanging?: number; firstLine?: number };
  spacing?: { before?: number; after?: number; line?: number };
  border?: { top?: BorderOptions; left?: BorderOptions; bottom?: BorderOptions; right?: BorderOptions; between?: BorderOptions };
  keepNext?: boolean;
  keepLines?: boolean;
}

/** A style's run and paragraph properties, as docx's `document`, `title` and `heading2` defaults take them. */
export interface BaseStyleOptions {
  run?: RunOptions;
  paragraph?: ParagraphOptions;
}

/** A paragraph style of the document's own (docx's `IParagraphStyleOptions`, the part briefing uses). */
export interface ParagraphStyleOptions extends BaseStyleOptions {
  id: string;
  name?: string;
  basedOn?: string;
  next?: string;
  quickFormat?: boolean;
}

/** The document's styles (docx's `IStylesOptions`, the part briefing uses). */
export interface StylesOptions {
  default?: {
    document?: BaseStyleOptions;
    title?: BaseStyleOptions;
    heading2?: BaseStyleOptions;
  };
  paragraphStyles?: ParagraphStyleOptions[];
}

/** One level of a list (docx's `ILevelsOptions`, the part briefing uses). */
export interface LevelOptions {
  level: number;
  format?: LevelFormat;
  text?: string;
  start?: number;
  alignment?: AlignmentType;
  suffix?: LevelSuffix;
  style?: { paragraph?: ParagraphOptions; run?: RunOptions };
}

/** A numbering definition: the levels of lists with the given reference. */
export interface NumberingDefinition {
  reference: string;
  levels: LevelOptions[];
}
