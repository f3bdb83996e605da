import { printedPieces, type Element, type Paragraph } from './ooxml/body.js';
import { textWidth, type Face } from './text-width.js';

/** The type a table's text is set in: the font and size of its style, in half-points. */
export interface TableType {
  font: string;
  halfPoints: number;
}

/**
 * What a column needs besides its text, in twips: Word's default cell margins (108 on each side,
 * the `TableNormal` style), half of each border line (½ pt, so a quarter point a side) and a few
 * twips for rounding, so a word measured to fit does not break.
 */
const CELL_ROOM = 2 * 108 + 10 + 12;

/** A piece of a cell's printed text and how it is set. */
interface Piece {
  text: string;
  face: Face;
}

/** A table's column widths (twips), and the columns among them too narrow to hold a letter of their text. */
export interface ColumnWidths {
  widths: number[];
  /**
   * The columns (from 0) whose width, less the cell's margins, is narrower than the widest
   * character of their text: so many columns share the width that a letter does not fit,
   * and LibreOffice prints it past the cell's edge, or leaves the cell blank.
   */
  cramped: number[];
  /**
   * The columns (from 0), besides the cramped ones, narrower than their longest word or figure with the
   * cell's margins, each with that word: it breaks inside, across two lines of its cell ("Programm" / "a").
   */
  broken: { column: number; word: string }[];
}

/**
 * The widths of a table's columns (twips), summing to `total`. Each column is at least as wide as
 * the longest run of its text that cannot break across lines (a word, or a figure joined by
 * non-breaking spaces such as "11 352" or "53,5 %"), set in the table's font and size, bold where
 * the text is bold (the header row), plus the cell's margins; the rest of the width goes to the
 * columns whose text would need more lines, by how much wider than that their longest line is, or,
 * when every text fits on one line with room to spare, to the narrowest columns, making them alike
 * (a short header of a few words does not take the whole rest of the page's width).
 * When even the unbreakable runs do not fit, the narrow columns keep theirs and the widest share the rest.
 * `rows` are the cells' paragraphs as the compiler made them, so what is measured is what is printed.
 */
export function columnWidths(rows: readonly (readonly Paragraph[])[], columns: number, total: number, type: TableType): ColumnWidths {
  const longestRun = Array.from({ length: columns }, () => 0);
  const longestWord = Array.from({ length: columns }, () => '');
  const longestLine = Array.from({ length: columns }, () => 0);
  const widestLetter = Array.from({ length: columns }, () => 0);
  for (const row of rows) {
    row.slice(0, columns).forEach((cell, index) => {
      const measured = measure(printedLines(cell.children, { font: type.font, bold: false, italic: false }), type.halfPoints);
      if (measured.run > (longestRun[index] ?? 0)) longestWord[index] = measured.word;
      longestRun[index] = Math.max(longestRun[index] ?? 0, measured.run);
      longestLine[index] = Math.max(longestLine[index] ?? 0, measured.line);
      widestLetter[index] = Math.max(widestLetter[index] ?? 0, measured.letter);
    });
  }
  const least = longestRun.map((width) => Math.ceil(width) + CELL_ROOM);
  const wanted = longestLine.map((width, index) => Math.max(0, Math.ceil(width) + CELL_ROOM - (least[index] ?? 0)));
  const leastSum = least.reduce((sum, width) => sum + width, 0);
  const wantedSum = wanted.reduce((sum, width) => sum + width, 0);
  // Every column as wide as its longest line: each text on one line.
  const lines = least.map((width, index) => width + (wanted[index] ?? 0));
  const exact =
    leastSum >= total
      ? capped(least, total)
      : leastSum + wantedSum > total
        ? least.map((width, index) => width + ((total - leastSum) * (wanted[index] ?? 0)) / wantedSum)
        : levelled(lines, total);
  const widths = exact.map((width) => Math.floor(width));
  widths[columns - 1] = (widths[columns - 1] ?? 0) + total - widths.reduce((sum, width) => sum + width, 0);
  const cramped = widths.flatMap((width, index) => (width < Math.ceil(widestLetter[index] ?? 0) + CELL_ROOM ? [index] : []));
  const broken = widths.flatMap((width, column) => (width < (least[column] ?? 0) && !cramped.includes(column) ? [{ column, word: longestWord[column] ?? '' }] : []));
  return { widths, cramped, broken };
}

/**
 * The unbreakable runs do not all fit: the narrow columns keep their width (a year, a figure stays
 * whole) and the widest ones share what is left alike, down to an even share each when nothing fits
 * (their long words, such as a web address, break there instead).
 */
function capped(least: readonly number[], total: number): number[] {
  const narrowest = [...least].sort((a, b) => a - b);
  let left = total;
  let cap = total / least.length;
  for (let index = 0; index < narrowest.length; index++) {
    cap = left / (narrowest.length - index);
    const width = narrowest[index] ?? 0;
    if (width > cap) break;
    left -= width;
  }
  return least.map((width) => Math.min(width, cap));
}

/**
 * Every cell's text fits on one line: the columns made alike, as far as the widest leave
 * room (the narrower ones widened to one width, the sum `total`).
 */
function levelled(least: readonly number[], total: number): number[] {
  // The widest columns keep their width while it is more than an even share of what is left.
  const widest = [...least].sort((a, b) => b - a);
  let left = total;
  let level = 0;
  for (let index = 0; index < widest.length; index++) {
    level = left / (widest.length - index);
    const width = widest[index] ?? 0;
    if (width <= level) break;
    left -= width;
  }
  return least.map((width) => Math.max(width, level));
}

/** The widest unbreakable run (and its text), the widest line and the widest character of a cell's text, in twips. */
function measure(lines: readonly Piece[][], halfPoints: number): { run: number; word: string; line: number; letter: number } {
  let run = 0;
  let word = '';
  let line = 0;
  let letter = 0;
  for (const pieces of lines) {
    let inRun = 0;
    let runText = '';
    let inLine = 0;
    for (const { text, face } of pieces) {
      // A line breaks at a space or a tab; a non-breaking space holds what it joins together.
      for (const part of text.split(/([ \t])/)) {
        if (part === '') continue;
        const width = textWidth(part === '\t' ? ' ' : part, face, halfPoints);
        inLine += width;
        if (part === ' ' || part === '\t') {
          inRun = 0;
          runText = '';
        } else {
          inRun += width;
          runText += part;
          if (inRun > run) [run, word] = [inRun, runText];
        }
        for (const character of part) letter = Math.max(letter, textWidth(character, face, halfPoints));
      }
    }
    line = Math.max(line, inLine);
  }
  return { run, word, line, letter };
}

/** A paragraph's printed text, line by line (a line break starts a new one), each piece with its face. */
function printedLines(children: readonly Element[], face: Face): Piece[][] {
  const lines: Piece[][] = [[]];
  for (const { text, kind, run } of printedPieces(children)) {
    if (kind === 'break') lines.push([]);
    // A footnote's number is measured at full size though it is set smaller, raised.
    else lines[lines.length - 1]?.push({ text, face: { font: run.font ?? face.font, bold: run.bold ?? face.bold, italic: run.italics ?? face.italic } });
  }
  return lines;
}
