import fc from 'fast-check';
import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { acceptedText } from '../../src/review/accepted.js';
import { readReviewedDocx } from '../../src/review/read-docx.js';
import { compileDocx } from '../../src/docx/index.js';
import { configSchema } from '../../src/model/index.js';
import { parseMarkdownText } from '../../src/util/markdown.js';
import { WordEdit } from '../helpers/word-edit.js';

const LAYOUT = configSchema.parse({ issuing_ministry: 'IZM' }).layout;
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };

/** Each cell's text as the GFM parser reads the field's first table: inline code as its value. */
function cellTexts(markdown: string): string[][] {
  const table = parseMarkdownText(markdown).children.find((node): node is Table => node.type === 'table');
  return (table?.children ?? []).map((row) => row.children.map((cell) => cell.children.map((inline) => ('value' in inline ? inline.value : '')).join('')));
}

/** The table's cell texts: words of their own, so that a reviewer's edit finds its one cell. */
function words(rows: number, columns: number): string[][] {
  return Array.from({ length: rows + 1 }, (_, row) => Array.from({ length: columns }, (_, column) => `w${row}x${column}${'z'.repeat((row * 7 + column * 3) % 5)}`));
}

const table = fc
  .record({ columns: fc.integer({ min: 2, max: 4 }), rows: fc.integer({ min: 1, max: 4 }), padded: fc.boolean(), code: fc.boolean() })
  .chain(({ columns, rows, padded, code }) =>
    fc.record({
      cells: fc.constant(words(rows, columns)),
      padded: fc.constant(padded),
      code: fc.constant(code),
      row: fc.integer({ min: 0, max: rows }),
      column: fc.integer({ min: 0, max: columns - 1 }),
      now: fc.constantFrom('jauns', 'ļoti garš jauns teksts šūnā', 'x'),
    }),
  );

describe('review --accept of a table with one cell changed', () => {
  it('changes that cell’s row only, the other lines kept as written, and GFM reads the new text in that cell', () => {
    fc.assert(
      fc.property(table, ({ cells, padded, code, row, column, now }) => {
        // The first body row's last cell holds a pipe in inline code when `code`.
        const texts = cells.map((line, r) => line.map((text, c) => (code && r === 1 && c === line.length - 1 ? `\`${text} \\| b\`` : text)));
        const widths = texts[0]?.map((_, c) => Math.max(3, ...texts.map((line) => line[c]?.length ?? 0))) ?? [];
        const line = (cellsOfRow: readonly string[]) => `|${cellsOfRow.map((text, c) => ` ${padded ? text.padEnd(widths[c] ?? 0) : text} `).join('|')}|`;
        const delimiter = `|${widths.map((width) => ` ${padded ? '-'.repeat(width) : '---'} `).join('|')}|`;
        const [header = [], ...body] = texts;
        const source = `${[line(header), delimiter, ...body.map(line)].join('\n')}\n`;
        const built = compileDocx(source, { creator: 'IZM', footerText: null, draftMark: null, customProperties: [], layout: LAYOUT }, new Date(0)).bytes;
        const was = cells[row]?.[column] ?? '';
        const reviewed = new WordEdit(built).replace(was, was, now, ANNA).bytes();
        const accepted = acceptedText(readReviewedDocx(reviewed).paragraphs, source);
        expect(accepted.matched).toBe(true);
        const before = source.split('\n');
        const after = accepted.markdown.split('\n');
        const changedLine = row === 0 ? 0 : row + 1;
        expect(after.filter((_, index) => index !== changedLine)).toEqual(before.filter((_, index) => index !== changedLine));
        const expected = cellTexts(source).map((cellsOfRow, r) => cellsOfRow.map((text, c) => (r === row && c === column ? text.replace(was, now) : text)));
        expect(cellTexts(accepted.markdown)).toEqual(expected);
        // Lined up, it stays lined up where the new text fits.
        if (padded && now.length <= was.length) expect(after[changedLine]?.length).toBe(before[changedLine]?.length);
      }),
      { numRuns: 60 },
    );
  });
});
