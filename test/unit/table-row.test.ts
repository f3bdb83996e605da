import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellSpans, columnWidths, fitted, modelledRow, patchedRow } from '../../src/review/table-row.js';
import { parseMarkdownText } from '../../src/util/markdown.js';

/** Cell texts, some with a pipe escaped (in inline code too), a backslash, emphasis or nothing. */
const CELLS = ['a', 'Valsts budžets', '120', '`a \\| b`', 'x\\|y', '**ļoti**', '\\\\', '`kods`', '', '2021.–2022.'];
const PAD = ['', ' ', '  ', '    '];

/** Each cell of the table's first body row as the parser read it: the source from its first inline to its last, '' when empty. */
function parsedCells(markdown: string): string[] {
  const [top] = parseMarkdownText(markdown).children;
  const table = top?.type === 'blockquote' ? top.children[0] : top;
  if (table?.type !== 'table') return [];
  return (table.children[1]?.children ?? []).map((cell) => {
    const start = cell.children[0]?.position?.start.offset;
    const end = cell.children.at(-1)?.position?.end.offset;
    return start === undefined || end === undefined ? '' : markdown.slice(start, end);
  });
}

const row = fc.record({
  cells: fc.array(fc.record({ text: fc.constantFrom(...CELLS), before: fc.constantFrom(...PAD), after: fc.constantFrom(...PAD) }), { minLength: 2, maxLength: 2 }),
  opening: fc.boolean(),
  closing: fc.boolean(),
  lead: fc.constantFrom('', '  ', '> '),
});

describe('a table row of a field’s source', () => {
  it('splits into the cells GFM reads, with and without the border pipes, in a quote too', () => {
    fc.assert(
      fc.property(row, ({ cells, opening, closing, lead }) => {
        // Without a border pipe, a first cell needs text, and indented 4 spaces the line is code.
        fc.pre(opening || (cells[0]?.text !== '' && (cells[0]?.before.length ?? 0) < 2));
        const line = `${lead}${opening ? '|' : ''}${cells.map(({ text, before, after }) => `${before}${text}${after}`).join('|')}${closing ? '|' : ''}`;
        const markdown = `${lead}| A | B |\n${lead}| --- | --- |\n${line}\n`;
        const body = markdown.split('\n')[2] ?? '';
        const spans = cellSpans(body).map(({ start, end }) => body.slice(start, end).trim());
        expect(spans).toEqual(parsedCells(markdown));
      }),
      { numRuns: 300 },
    );
  });

  it('changes only the cell it is given, which GFM then reads as the new text', () => {
    const line = '  | Valsts budžets |  120 |   135 | `a \\| b`           |';
    const widths = columnWidths(['  | Avots          | 2021 |  2022 | Piezīme            |', '  |:---------------|-----:|------:|:------------------:|', line]);
    expect(widths).toEqual([16, 6, 7, 20]);
    expect(patchedRow(line, new Map([[1, '99']]), widths)).toBe('  | Valsts budžets |   99 |   135 | `a \\| b`           |');
    expect(patchedRow(line, new Map([[3, '`c \\| d`']]), widths)).toBe('  | Valsts budžets |  120 |   135 | `c \\| d`           |');
    expect(patchedRow(line, new Map([[4, 'x']]), widths)).toBeUndefined();
  });

  it('lines a cell up to its column only when every row has the column as wide: not to the first row’s width, nor where a row lacks the cell', () => {
    const lines = ['| Avots | 2021 |', '|---|---|', '| Valsts budžets |  120 |', '| ES fondi |'];
    expect(columnWidths(lines)).toEqual([undefined, undefined]);
    expect(columnWidths(['| A | 1 |', '| B |'])).toEqual([3, undefined]);
    // The column not lined up, the changed cell keeps its own padding, not the first row's width.
    expect(patchedRow('| Valsts budžets |  120 |', new Map([[1, '99']]), columnWidths(lines))).toBe('| Valsts budžets |   99 |');
  });

  it('fits a text to its column: on the side the source padded it, overflowing when too long; where the column is not lined up, to the cell’s own width when the source padded it', () => {
    expect(fitted('9', '  120 ', 6)).toBe('    9 ');
    expect(fitted('ab', '  x  ', 6)).toBe('  ab  ');
    expect(fitted('pašvaldības', ' REACT-EU ', 10)).toBe(' pašvaldības ');
    expect(fitted('Otra', ' Viena ', undefined)).toBe(' Otra ');
    expect(fitted('b', 'a', undefined)).toBe('b');
    // A column not lined up in every row: a cell the source padded keeps its own width, on its side.
    expect(fitted('150', '  120 ', undefined)).toBe('  150 ');
    expect(fitted('9', '  120 ', undefined)).toBe('    9 ');
    expect(fitted('1500', '  120 ', undefined)).toBe(' 1500 ');
    expect(fitted('x', ' Skolēni    ', undefined)).toBe(' x          ');
  });
});

describe('a row the reviewer adds', () => {
  it('is written like the row above it: its lead, its border pipes or none, its padding', () => {
    expect(modelledRow('Ā21 | 666', ['Ā22', '888'], [undefined, undefined])).toBe('Ā22 | 888');
    expect(modelledRow('| Ā21 | 666 |', ['Ā22', '888'], [undefined, undefined])).toBe('| Ā22 | 888 |');
    expect(modelledRow('> | Ā21 | 666', ['Ā22', '888'], [undefined, undefined])).toBe('> | Ā22 | 888');
    expect(modelledRow('  Ā21 |  666 |', ['Ā22', '8'], [undefined, 6])).toBe('  Ā22 |    8 |');
  });
});
