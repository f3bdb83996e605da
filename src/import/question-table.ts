import { textOf } from '../review/paragraph-groups.js';
import type { ReviewedParagraph } from '../review/reviewed-docx.js';
import { outermostCell, outOfOutermostTable } from './nested-tables.js';
import { asks } from './questions.js';

/** A row of a table of questions and answers: the question's paragraphs, its text (without a typed number), and the answer's paragraphs, out of the table. */
export interface TableQuestion {
  paragraphs: ReviewedParagraph[];
  text: string;
  answer: ReviewedParagraph[];
}

/** A table read as questions and answers: its heading row's paragraphs (none when it has none), and one question a row. */
export interface QuestionTable {
  heading: ReviewedParagraph[];
  questions: TableQuestion[];
}

/**
 * The questions of a table that sets each in a row, its answer in the next cell ("Jautājums |
 * Latvijas nostāja", or with a column of numbers first: "Nr. | Jautājums | Pozīcija"), as some
 * ministries lay their reports out; undefined when the table is no such (a table of figures in an
 * answer). A table of questions has a question in every row but its first (which may be the
 * heading), and at least one of them asks or is numbered; a row whose question does not ask has
 * an answer beside it (a table of one column, each question over its answer, is none).
 */
export function questionTable(paragraphs: readonly ReviewedParagraph[]): QuestionTable | undefined {
  const rows = rowsOf(paragraphs).map(splitRow);
  const [first, ...rest] = rows;
  if (!first) return undefined;
  const firstAsks = first.question.length > 0 && rowAsks(first);
  const questionRows = firstAsks ? rows : rest;
  // A row that neither asks nor has an answer beside it is no question's: the table is of another kind (a question and its answer in rows one under the other).
  if (!questionRows.length || !questionRows.every((row) => row.question.length > 0 && (row.answer.length > 0 || rowAsks(row))) || !questionRows.some(rowAsks)) return undefined;
  if (!firstAsks && !first.answer.length) return undefined;
  return {
    heading: firstAsks ? [] : [...first.numbers, ...first.question, ...first.answer],
    questions: questionRows.map((row) => ({ paragraphs: row.question, text: questionText(row), answer: row.answer.map(outOfOutermostTable) })),
  };
}

/** A row's cells: those before the question that hold only a number ("1.", "Nr."), the question's, and the answer's (all after it). */
interface SplitRow {
  numbers: ReviewedParagraph[];
  numbered: boolean;
  question: ReviewedParagraph[];
  answer: ReviewedParagraph[];
}

function rowsOf(paragraphs: readonly ReviewedParagraph[]): ReviewedParagraph[][][] {
  const rows = new Map<number, Map<number, ReviewedParagraph[]>>();
  for (const paragraph of paragraphs) {
    // A table set in a cell is that cell's: an answer's table of figures.
    const { row = 0, column = 0 } = outermostCell(paragraph) ?? {};
    const columns = rows.get(row) ?? new Map<number, ReviewedParagraph[]>();
    columns.set(column, [...(columns.get(column) ?? []), paragraph]);
    rows.set(row, columns);
  }
  return [...rows.values()].map((columns) => [...columns.values()]);
}

function splitRow(cells: ReviewedParagraph[][]): SplitRow {
  // A cell with a picture or a footnote mark alone is no number's: a question set as a picture is there, though
  // import cannot read it, and a mark stands on a question (the note kept with it).
  const at = cells.findIndex((cell) => !NUMBER_CELL.test(cellText(cell)) || cell.some((paragraph) => paragraph.pictures?.length || hasFootnote(paragraph)));
  const numbers = (at < 0 ? cells : cells.slice(0, at)).flat();
  return {
    numbers,
    numbered: numbers.some((paragraph) => /\d/.test(plain(paragraph)) || paragraph.list === 'number'),
    question: at < 0 ? [] : (cells[at] ?? []),
    answer: at < 0 ? [] : cells.slice(at + 1).flat(),
  };
}

/** Whether the row's question asks (ends with a question mark), or is numbered: in a cell of its own, by Word or typed. */
function rowAsks(row: SplitRow): boolean {
  const [first] = row.question;
  return row.numbered || asks(cellText(row.question)) || first?.list === 'number' || TYPED_NUMBER.test(cellText(row.question));
}

/** The question's text: without its typed number, unless a column of numbers holds that ("2. | 1. pīlāra finansējums?" keeps "1. pīlāra"). */
function questionText(row: SplitRow): string {
  const text = cellText(row.question);
  return row.numbered ? text : text.replace(TYPED_NUMBER, '');
}

function cellText(cell: readonly ReviewedParagraph[]): string {
  return cell.map(plain).filter(Boolean).join(' ');
}

/** Whether a footnote (or endnote) is marked in the paragraph. */
export function hasFootnote(paragraph: ReviewedParagraph): boolean {
  return paragraph.pieces.some((piece) => piece.footnote !== undefined);
}

/** A paragraph's text as accepted, its no-break spaces plain, trimmed: how import reads a paragraph's words. */
export function plain(paragraph: ReviewedParagraph): string {
  return textOf(paragraph, 'accept').replace(/\u00a0/g, ' ').trim();
}

/** A cell that holds only a question's number, or is the heading of a column of them: "1.", "2)", "Nr.", "Nr. p. k.", or nothing; not a year ("2021") of a table of figures. */
const NUMBER_CELL = /^(?:\d{1,3}[.)]?|Nr\.(?:\s*p\.\s*k\.)?|)$/iu;

const TYPED_NUMBER = /^\d+[.)]\s+/;
