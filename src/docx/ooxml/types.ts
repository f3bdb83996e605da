/**
 * The options our OOXML writer takes for styles and numbering: the subset of `docx`'s option
 * shapes that src/docx/styles.ts and numbering.ts build, with the same names and the same string
 * values, so that those files can build them without `docx`.
 */

/** Paragraph alignment (`w:jc`), the values briefing writes (docx's names for them). */
export const AlignmentType = {
  START: 'start',
  CENTER: 'center',
  END: 'end',
  LEFT: 'left',
  RIGHT: 'right',
  JUSTIFIED: 'both',
} as const;
export type AlignmentType = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Border line styles (`w:val` of a border), the values of docx's `BorderStyle`. */
export const BorderStyle = {
  SINGLE: 'single',
  DOUBLE: 'double',
  NONE: 'none',
} as const;
export type BorderStyle = (typeof BorderStyle)[keyof typeof BorderStyle];

/** Number formats of a list level (`w:numFmt`), those of docx's `LevelFormat` that briefing can use. */
export const LevelFormat = {
  DECIMAL: 'decimal',
  UPPER_ROMAN: 'upperRoman',
  LOWER_LETTER: 'lowerLetter',
  BULLET: 'bullet',
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
  CLEAR: 'clear',
} as const;
export type TabStopType = (typeof TabStopType)[keyof typeof TabStopType];

/** Units of a table width (`w:type`), the values of docx's `WidthType`. */
export const WidthType = {
  DXA: 'dxa',
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
  spacing?: { before?: number; after?: number; line?: number; lineRule?: 'auto' | 'exact' | 'atLeast' };
  border?: { top?: BorderOptions; left?: BorderOptions; bottom?: BorderOptions; right?: BorderOptions; between?: BorderOptions };
  keepNext?: boolean;
  keepLines?: boolean;
  /** The level in the document's outline, 0 for the first (`w:outlineLvl`): what makes a paragraph a heading for LibreOffice, a PDF's tags and bookmarks. */
  outlineLevel?: number;
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
  /**
   * The language of the text (`lv-LV`), put into the document defaults that are written, a
   * reference DOCX's too: what Word checks the spelling in. Not docx's: docx has no such option.
   */
  language?: string;
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
