import type { ReviewedParagraph } from '../review/reviewed-docx.js';
import { startsWithDate } from '../util/markdown.js';

/**
 * A top-level numbered paragraph of the questions and answers: its number as shown, its mark (`.` or `)`),
 * its Word list ('' when typed), whether the number is all it holds, and whether its text ends as a
 * sentence or a list's item does (`.`, `;`, `:`, `,`), which a question's heading does not.
 */
export interface NumberedItem {
  number: number;
  mark: string;
  listId: string;
  bare: boolean;
  sentence: boolean;
}

/**
 * The paragraph as a top-level item numbered `1.` or `1)`: by Word's numbering (`shown`, the number
 * Word shows), or typed ("3. Kā …", "3." alone), but not a date ("2020. gada …", "3. februārī …").
 */
export function numberedItem(paragraph: ReviewedParagraph, text: string, shown: number): NumberedItem | undefined {
  if (paragraph.list === 'number') {
    return paragraph.level === 0 && /[.)]$/.test(paragraph.listMarker) ? { number: shown, mark: paragraph.listMarker.slice(-1), listId: paragraph.listId, bare: !text, sentence: SENTENCE_END.test(text) } : undefined;
  }
  const typed = /^(\d+)([.)])(\s+\S|$)/.exec(text);
  if (!typed || startsWithDate(text)) return undefined;
  return { number: Number(typed[1]), mark: typed[2] ?? '', listId: '', bare: typed[3] === '', sentence: SENTENCE_END.test(text) };
}

const SENTENCE_END = /[.;:,]["”“»)\]’'\s]*$/;

/**
 * A question of the report: the first paragraph after the invitation, whatever it looks like; then
 * a top-level numbered item (`1.` or `1)`, by Word's numbering or typed) that reads as a question —
 * it ends with a question mark (and closing quotes or brackets), or is bold throughout, as the
 * report prints its questions, and numbered as one — or is numbered as the next question (see {@link QuestionCount}).
 * An answer's own numbered list ("1. pirmais pasākums;") asks nothing. A question's number is not
 * held to the count when it asks: a report made of several Word lists may show every question as "1)".
 */
export function isQuestion(paragraph: ReviewedParagraph, text: string, item: NumberedItem | undefined, count: QuestionCount): boolean {
  if (count.count === 0) return true;
  // Questions not numbered at all: one that asks, bold as the last question was or was not, follows it.
  if (!item) return count.unnumbered !== undefined && asks(text) && allBold(paragraph) === count.unnumbered.bold;
  if (!item.bare && asks(text)) return true;
  // Bold, it is a question when numbered as one: an answer's bold items ("1. Digitālā izglītība") are its headings.
  if (!item.bare && allBold(paragraph) && count.fits(item)) return true;
  return count.isNext(item);
}

/** Whether every word of the paragraph is bold, as the report prints its questions. */
function allBold(paragraph: ReviewedParagraph): boolean {
  const words = paragraph.pieces.filter((piece) => piece.text.trim() !== '' && piece.footnote === undefined);
  return words.length > 0 && words.every((piece) => piece.bold);
}

/**
 * The numbering of the questions so far and of the current answer's own lists, to know a question
 * that neither asks nor is bold ("2. Latvijas nostāja", or "3." with nothing after it) by its number.
 */
export class QuestionCount {
  count = 0;
  /** The last question when it had no number: whether it was bold. */
  unnumbered: { bold: boolean } | undefined;
  /** The last question's number, when it had one. */
  private last: NumberedItem | undefined;
  /** The numbered items of the current answer. */
  private answerItems: NumberedItem[] = [];

  /**
   * Whether `item` is the next question: an item of the Word list the last question is in, or one
   * numbered next after it with the same mark that continues no list of the answer (an item of a
   * Word list the answer has items of, or "2)" after "1) pirmais;", does). A typed number counts alone, or before a heading: "3. Latvijas nostāja" is
   * a question, "3. punktā noteikts, ka …." the answer's.
   */
  isNext(item: NumberedItem): boolean {
    if (this.last?.listId && item.listId === this.last.listId) return true;
    if (item.number !== this.count + 1 || (this.last && item.mark !== this.last.mark)) return false;
    if (item.listId && this.answerItems.some((earlier) => earlier.listId === item.listId)) return false;
    if (this.answerItems.findLast((earlier) => earlier.mark === item.mark)?.number === item.number - 1) return false;
    return item.listId !== '' || item.bare || !item.sentence;
  }

  /** Whether `item` is numbered as a question: with the last question's mark, the next number or the last question's again (every question its own Word list, each "1)"). */
  fits(item: NumberedItem): boolean {
    if (this.last && item.mark !== this.last.mark) return false;
    return item.number === this.count + 1 || item.number === this.last?.number;
  }

  /** A question was read, numbered `item` when it was numbered. */
  asked(item: NumberedItem | undefined, paragraph: ReviewedParagraph): void {
    this.count += 1;
    this.last = item;
    this.unnumbered = item ? undefined : { bold: allBold(paragraph) };
    this.answerItems = [];
  }

  /** A paragraph of the current answer was read, numbered `item` when it is a numbered item. */
  inAnswer(item: NumberedItem | undefined): void {
    if (item) this.answerItems.push(item);
  }
}

const QUESTION_END = /\?["”“»«)\]’'\s]*$/;

/** Whether the text ends with a question mark (closing quotes or brackets after it allowed), as a question does. */
export function asks(text: string): boolean {
  return QUESTION_END.test(text);
}
