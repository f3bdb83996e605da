/** What a reviewed DOCX is read into: its paragraphs as pieces of text with their format and tracked changes, its lists, table cells and comments. */

import type { RunMarks } from '../docx/printed-text.js';

/** A tracked change: who made it and when. */
export interface Revision {
  kind: 'ins' | 'del';
  author: string;
  /** ISO 8601 as Word writes it, or '' when the application wrote none or no real date (see {@link dateOf}). */
  date: string;
}

/**
 * The formatting of a run that Markdown can write: bold, italic, struck (`w:strike` or `w:dstrike`:
 * GFM's `~~…~~`), in the font inline code is written in (`CODE_FONT`). A link is the piece's own.
 */
export type CharacterFormat = Omit<RunMarks, 'link'>;

/** A piece of a paragraph's text with its formatting and tracked change, if any. */
export interface Piece extends CharacterFormat {
  text: string;
  /** The target of the hyperlink the text is in. */
  link?: string;
  /** A footnote or endnote reference: the note's id among {@link ReviewedDocument.footnotes} (the text is then empty). */
  footnote?: string;
  /**
   * A character of a symbol font (a `w:sym`, or text in Symbol or Wingdings) that briefing knows
   * no Unicode character for: the font and the code, `Wingdings F0A0`. The text is then
   * {@link UNKNOWN_SYMBOL}, which shows where it stands.
   */
  symbol?: string;
  revision: Revision | null;
  /**
   * The reviewer changed the formatting with track changes on (`w:rPrChange`), and so what
   * Markdown writes of it (see {@link CharacterFormat}): a font, size or colour alone is none.
   */
  formatChanged: Revision | null;
  /**
   * With {@link formatChanged}: the formatting before that change (the `w:rPr` inside `w:rPrChange`);
   * absent when the change does not say, as LibreOffice writes a change it recorded itself (see
   * {@link formatBeforeUnknown}).
   */
  formatBefore?: CharacterFormat;
  /**
   * The formatting was changed with track changes on, but what it was before is not recorded: a
   * `w:rPrChange` without a `w:rPr`, as LibreOffice writes one, which keeps only that the
   * formatting changed. The field's text says what it was (see `withSourceFormatting`).
   */
  formatBeforeUnknown?: true;
}

/** The text of a piece that is a symbol briefing cannot read (see {@link Piece.symbol}): U+FFFD, the replacement character. */
export const UNKNOWN_SYMBOL = '\uFFFD';

/** One paragraph of the body as the reviewer left it. */
export interface ReviewedParagraph {
  pieces: Piece[];
  /** The paragraph mark is a tracked insertion (a split) or deletion (a join). */
  mark: Revision | null;
  /**
   * The mark one reviewer inserted ({@link mark}, a split) another deleted again (a join): Word keeps
   * both on it. It is in neither reading, so the paragraph is one with the next in both.
   */
  markDeleted?: Revision;
  /** Text one reviewer inserted and another deleted again (`w:del` in `w:ins`): in neither reading, kept to name both. */
  withdrawn?: { inserted: Revision; deleted: Revision; text: string }[];
  /** The reviewer changed the paragraph's own properties with track changes on (`w:pPrChange`): its numbering, level or style. */
  layoutChanged: Revision | null;
  /** Numbered or bulleted, as its numbering definition says of its level; null when not in a list. */
  list: 'number' | 'bullet' | null;
  /** How the list writes its number at the paragraph's level, from the numbering definition (`%1.`, `%1)`, `%2.`); '' when not numbered. */
  listMarker: string;
  /** The list level (`w:ilvl`): 0 for a top-level item, 1 for an item of a list inside it, …; 0 when not in a list. */
  level: number;
  /** For a list item, where its number stands from the margin (twips), as its list level's indents set it; absent when they set none. */
  numberAt?: number;
  /** The Word list (`w:numId`) the paragraph is an item of: the compiler writes one for each Markdown list, LibreOffice may write one for each item; '' when not in a list. */
  listId: string;
  /** How Word counts the item, from the numbering definition (see `ItemNumbers`); absent when not in a list or the DOCX has no numbering part. */
  counting?: ListCounting;
  /** The paragraph style's id (`w:pStyle`), '' when it has none. */
  style: string;
  /** The paragraph's own alignment (`w:jc`: `center`, `right`, …), '' when the style's holds. */
  alignment: string;
  /** A bottom border of its own (`w:pBdr/w:bottom`): with no text, the line the compiler draws for a thematic break. */
  rule?: boolean;
  /** Bookmark names open anywhere in the paragraph. */
  bookmarks: string[];
  /** Ids of comments anchored in the paragraph. */
  comments: string[];
  /**
   * Pictures, charts, text boxes and embedded objects in the paragraph (`w:drawing`, `w:pict`,
   * `w:object`), which are not read as text: for each, the text a text box in it holds, '' for none.
   */
  pictures?: string[];
  /** Where the paragraph sits when it is in a table cell: the table (numbered in the body from 1), row and column (from 0). */
  cell?: TableCell;
}

/**
 * How Word counts a list item. A Word list (`w:num`) is made from a definition
 * (`w:abstractNum`), and lists made from one definition share its count at each level: an
 * item continues it, unless its list gives the level a first number of its own
 * (`w:startOverride`), which the list's first item at that level starts from.
 */
export interface ListCounting {
  /** The definition whose count the item continues (`w:abstractNumId`). */
  definition: string;
  /** The level's first number in the definition (`w:start`, 1 when it gives none). */
  start: number;
  /** The list's own first number for the level (`w:startOverride`), if it gives one. */
  restart?: number;
}

/** A paragraph's place in a table. */
export interface TableCell {
  table: number;
  row: number;
  column: number;
  /** The whole row is a tracked insertion or deletion (`w:trPr/w:ins`, `w:trPr/w:del`). */
  rowChange?: 'ins' | 'del';
  /** How far the table is set in from the margin (`w:tblInd`, twips), when it is: the compiler sets a table in a list item in to the item's number. */
  indent?: number;
  /** For a table set in a cell of another (a report written in Word may have one; a built one has none): that cell. */
  outer?: TableCell;
}

/** A comment: author, date and text. */
export interface ReviewComment {
  id: string;
  author: string;
  /** As {@link Revision.date}. */
  date: string;
  text: string;
  /** For a reply, the id of the comment that begins its thread (word/commentsExtended.xml's `w15:paraIdParent`). */
  replyTo?: string;
  /** Marked done (Word's *Resolve*, `w15:done="1"`): on a thread's first comment, the whole thread. */
  resolved?: boolean;
}

/**
 * Comments as threads, in their order: each comment that begins one (a reply whose comment is not
 * among them begins its own), with the replies to it (see {@link ReviewComment.replyTo}).
 */
export function commentThreads(comments: readonly ReviewComment[]): { comment: ReviewComment; replies: ReviewComment[] }[] {
  const ids = new Set(comments.map((comment) => comment.id));
  return comments
    .filter((comment) => comment.replyTo === undefined || !ids.has(comment.replyTo))
    .map((comment) => ({ comment, replies: comments.filter((reply) => reply.replyTo === comment.id) }));
}

/** What `review` reads from a DOCX: custom properties, body paragraphs and comments. */
export interface ReviewedDocument {
  properties: Map<string, string>;
  /** Core properties by element name without prefix: `created`, `keywords`, `title`. */
  core: Map<string, string>;
  paragraphs: ReviewedParagraph[];
  comments: Map<string, ReviewComment>;
  /** Footnotes by id (the `w:id` a body's footnote reference names; an endnote's, read as a footnote, `endnote <w:id>`), each its paragraphs as the reviewer left them. */
  footnotes: Map<string, ReviewedParagraph[]>;
  /** The text of each footer that has any, then of each header that has any: where a report prints its file code. */
  marginTexts: string[];
}
