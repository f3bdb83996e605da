/**
 * What a reference DOCX (a ministry's Word template) is to briefing: the style ids the
 * compiler gives its paragraphs, which a reference should define, and the parts of the
 * reference a build takes. Read by src/load/reference-docx.ts, used by src/docx/.
 */

/** The font of code: code blocks (their style) and inline code (its runs); `review` reads text in it back as code. */
export const CODE_FONT = 'Courier New';

/** Paragraph style ids the compiler assigns; Word users can restyle the document through them. */
export const Style = {
  body: 'Normal',
  title: 'Title',
  heading: 'Heading2',
  note: 'BriefingNote',
  signature: 'BriefingSignature',
  code: 'BriefingCode',
  tableText: 'BriefingTableText',
  header: 'Header',
  footer: 'Footer',
  footnote: 'FootnoteText',
} as const;

/**
 * Character style ids the compiler gives runs: links and footnote references. Their look is the
 * layout's, like a paragraph style's; a reference DOCX may make links bold, and `review` does not
 * read that as the text's bold.
 */
export const CharacterStyle = {
  link: 'Hyperlink',
  noteReference: 'FootnoteReference',
} as const;

/**
 * The ids of the other styles every report's `word/styles.xml` defines (src/docx/ooxml/styles-xml.ts
 * writes them, as the docx library did): Word's built-in headings, list paragraph, caption, tables
 * of contents and notes, by the ids an English Word gives them. A reference's style of the same
 * built-in name under another id (a Latvian Word's `Virsraksts1`, named "heading 1") takes that id
 * when read, so it replaces ours: a report has one style of each name, the ministry's.
 */
export const WRITER_STYLE_IDS: readonly string[] = [
  'Heading1',
  'Heading3',
  'Heading4',
  'Heading5',
  'Heading6',
  'Strong',
  'ListParagraph',
  'Caption',
  'Bibliography',
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => `TOC${level}`),
  'FootnoteTextChar',
  'EndnoteReference',
  'EndnoteText',
  'EndnoteTextChar',
  'LineNumber',
];

/** The ids LibreOffice gives some of our styles when it saves a DOCX (by lower-case id). */
export const SAVED_AS: Readonly<Record<string, string>> = { internetlink: CharacterStyle.link, footnoteanchor: CharacterStyle.noteReference, footnotecharacters: CharacterStyle.noteReference };

/** Whether `id` is one of {@link CharacterStyle}, under our id or the one LibreOffice saves it as. */
export function isLayoutCharacterStyle(id: string): boolean {
  const ours: readonly string[] = Object.values(CharacterStyle);
  return ours.includes(id) || ours.includes(SAVED_AS[id.toLowerCase()] ?? '');
}

/**
 * Paragraph styles used only where the reference DOCX defines them (and in the starter
 * `briefing reference-docx` writes); elsewhere such paragraphs are Normal, as they always were.
 */
export const OptionalStyle = {
  /** Items of `1.` lists: the questions. */
  question: 'BriefingQuestion',
  /** Items of `1)` and `-` lists: the sub-items of an answer. */
  subItem: 'BriefingSubItem',
} as const;

/** The styles the compiler needs that a reference DOCX does not define: the built-in ones are used for them. */
export function missingStyles(reference: ReferenceDocx): string[] {
  const defined = new Set(reference.styleIds);
  return Object.values(Style).filter((id) => !defined.has(id));
}

/**
 * What a reference DOCX (a ministry's Word template) gives the documents built with it:
 * its styles, numbering definitions, theme, page set-up and first-page header and footer.
 * Read from the file's bytes by `readReferenceDocx` (src/load); plain data, so it can cross
 * to worker threads.
 */
export interface ReferenceDocx {
  /** The reference's `word/styles.xml`, its numbering ids moved past ours (by `NUMBERING_OFFSET`, src/load). */
  styles: string;
  /** The ids of the styles it defines (paragraph, character, table, numbering). */
  styleIds: string[];
  /** Its `w:abstractNum` and `w:num` elements, ids moved like those in `styles`; empty without numbering. */
  numbering: { abstract: string[]; instances: string[] };
  /** Its `word/theme/theme1.xml`, so theme fonts in its styles mean what they meant there. */
  theme: string | undefined;
  /** Page size and margins of its last section, in twips. */
  page: ReferencePage | undefined;
  /** The header of its first page (the letterhead), when its section has a distinct first page. */
  firstHeader: ReferencePart | undefined;
  /** The footer of its first page, likewise. */
  firstFooter: ReferencePart | undefined;
  /**
   * Its other headers and footers that print something (text or a picture), which a build does not
   * take: those of every page, of the pages after the first, of even pages; and its body when it
   * holds a picture (a logo set at the top of the text). Named as a warning says them, e.g. `the
   * header of every page (word/header1.xml)`.
   */
  unusedParts: string[];
  /**
   * Paragraph styles of ours ({@link Style}, {@link OptionalStyle}) it defines as another type of
   * style (`character`, `table`, `numbering`): Word ignores a paragraph's style of another type, so
   * those paragraphs look like Normal.
   */
  notParagraphStyles: { id: string; type: string }[];
  /**
   * The positions (twips) of the tab stops its `Header` style sets, with the styles it is based on:
   * the header of the pages after the first puts its page number and draft mark at stops of its own,
   * at the centre and the right edge of the text, and clears these, or the draft mark would stop at
   * the style's next one (a Letter page's centre, 4680, just after the number).
   */
  headerTabs: number[];
  /**
   * The font and size its `BriefingTableText` style sets, through the styles it is based on and the
   * document defaults: table columns are sized for what they print in, not for `layout.font`.
   */
  tableText: ReferenceTextFace;
  /**
   * Its custom document properties that a field of its first-page header or footer shows
   * (`DOCPROPERTY`), each by its name as the XML writes it and its value element (`<vt:lpwstr>…`):
   * put into each report's, so the letterhead shows what it showed in the template.
   */
  properties: { name: string; xml: string }[];
}

/** A font and a size in half-points, each undefined where the reference names none. */
export interface ReferenceTextFace {
  font: string | undefined;
  halfPoints: number | undefined;
}

/** Page size and margins in twips, as a `w:sectPr` gives them. */
export interface ReferencePage {
  width: number;
  height: number;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Mirrored margins (Word's settings, `w:mirrorMargins`): `left` is the inside of the page, `right` its outside, for two-sided printing. */
  mirrored?: boolean;
}

/** A header or footer part with the relationships and media (a logo) it needs. */
export interface ReferencePart {
  xml: string;
  /** Its relationships file, media targets renamed to the names in `media`. */
  rels: string | undefined;
  /** Media files by their path in the built package (`word/media/…`). */
  media: Record<string, Uint8Array>;
  /** The content type the reference declares for each of `media`, by the same path; none where it declares none. */
  mediaTypes: Record<string, string>;
}
