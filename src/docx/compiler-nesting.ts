/** Where the DOCX compiler sets nested blocks: a list's numbering, the indents of list items, quotes and code, a quote past the deepest indent, and tables. */

import {
  AlignmentType,
  BorderStyle,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type ParagraphOptions,
} from './ooxml/body.js';
import type { AlignType, List, Nodes } from 'mdast';
import type { BlockRevision } from './nodes.js';
import type { ListKind } from './list-kind.js';
import { numberingDefinition, numberingReference } from './numbering.js';
import { columnWidths } from './table-widths.js';
import { Style } from './styles.js';
import { CompilerState, type BlockNode, type ListState } from './compiler-state.js';

/** Where nested blocks stand: list numbering, the indents of items, quotes and code, and tables. */
export abstract class NestingCompiler extends CompilerState {
  /**
   * The style and numbering of an item's numbered paragraph: in its list, or in a redline's list that starts at
   * another number now (`older`, see `list`), a deleted item in the older version's list, a kept one in the newer
   * one with the older one tracked as its list before (`w:pPrChange`, a change of its own each time).
   */
  protected itemNumbering(revision: BlockRevision | undefined, style: string, level: number, list: ListState, older: ListState | undefined): Pick<ParagraphOptions, 'style' | 'numbering' | 'styleChange'> {
    const numberingIn = ({ reference, instance }: ListState) => ({ reference, level, instance, custom: true });
    if (!older || revision === 'insert') return { style, numbering: numberingIn(list) };
    if (revision === 'delete') return { style, numbering: numberingIn(older) };
    return { style, numbering: numberingIn(list), styleChange: { stamp: this.stamp(), style, numbering: numberingIn(older) } };
  }

  /** A list that numbers its items from `start` on, with a numbering definition of its kind and start (made at its first use; `older`: a redline's list of the older version's numbers, whose definition is apart). */
  protected newList(kind: ListKind, start: number, inItem: boolean, older = false): ListState {
    const reference = numberingReference(kind, start, inItem, older);
    if (!this.numbering.has(reference)) this.numbering.set(reference, numberingDefinition(kind, start, this.geometry, inItem, older));
    const instance = (this.instances.get(reference) ?? 0) + 1;
    this.instances.set(reference, instance);
    return { kind, reference, instance, next: start };
  }

  /**
   * A quoted list's items: at the quote's left edge, where its bar is (a line further in would
   * read as a quote in the quote), the number one first-line indent further in at each level, as
   * the list's levels set it from the margin. The list level's own indents put every level's
   * number one indent in from the quote's edge, the nested items no further in than the others.
   */
  protected quotedListIndent(node: List, ilvl: number): Pick<ParagraphOptions, 'indent'> {
    const quotes = this.quoteEdge();
    // Its levels counted from the quote's: a list in a quote in an item starts at the item's level.
    const inQuote = ilvl - this.quoteItemLevel;
    // Said once, at the list that goes past it; a quote nested past it has said so already.
    if (this.quoteDepth + this.quoteItemLevel <= this.deepest && quotes + inQuote === this.deepest + 1) {
      this.warn(`a list nested this deep in a quote (\`>\`) is printed no further in than a quote nested ${this.deepest} deep, so that its text keeps a third of the width between the margins`, node);
    }
    const levels = Math.min(quotes + inQuote, this.deepest) - quotes;
    const { firstLineIndent } = this.geometry;
    return { indent: { left: quotes * firstLineIndent, firstLine: (levels + 1) * firstLineIndent } };
  }

  /**
   * A paragraph of a quote inside a quote: one first-line indent further in for each quote it is
   * in beyond the first, whose indent the note style gives (the nested quote read as the outer one).
   * A quote in a list item stands under the item's number, as the note style sets one in a
   * top-level item: in a nested item one indent further in at each level (it stood at one indent,
   * left of the item's own lines).
   */
  protected quoteIndent(style: string): Pick<ParagraphOptions, 'indent'> {
    const edge = this.quoteEdge();
    if (style !== Style.note || edge < 2) return {};
    return { indent: { left: edge * this.geometry.firstLineIndent } };
  }

  /**
   * How many first-line indents in the quote being compiled stands, where its rule is: one for each
   * quote and one for each level of the item the outermost quote is in, no further in than the deepest.
   */
  private quoteEdge(): number {
    return Math.min(this.quoteDepth + this.quoteItemLevel, this.deepest);
  }

  /**
   * Said once, at the quote that first goes past the deepest indent: nested in other quotes, or in
   * a list item nested so deep that the quote could not stand under the item's number.
   */
  protected warnQuotePastDeepest(node: Nodes): void {
    const past = (depth: number) => depth + this.quoteItemLevel > this.deepest;
    if (!past(this.quoteDepth) || (this.quoteDepth > 1 && past(this.quoteDepth - 1))) return;
    if (this.quoteItemLevel === 0) {
      this.warn(`a quote nested more than ${this.deepest} deep is printed as far in as the ${ordinal(this.deepest)}, so that its text keeps a third of the width between the margins`, node);
    } else {
      this.warn(
        `a quote in a list item nested this deep is printed as far in as the ${ordinal(this.deepest)} indent, short of the item’s number, so that its text keeps a third of the width between the margins. Put the quote after the list, or nest the list less deep`,
        node,
      );
    }
  }

  /**
   * A paragraph of a list item after its first (a blank line, then indented under the item in the
   * Markdown): its lines as far in as the item's own wrapped lines, its first line as far again as its
   * style sets it (the body's, where the item's number sits). It stood at the margin under a nested
   * item, as though the item had ended. A quoted list's items, and so their paragraphs, keep the
   * quote's edge (`quotedListIndent`, `quoteIndent`).
   */
  protected itemIndent(style: string): Pick<ParagraphOptions, 'indent'> {
    if (style === Style.note || !this.itemLevel) return {};
    return { indent: { left: this.itemLevel * this.geometry.firstLineIndent } };
  }

  /**
   * A code block's lines in a list item: under the item's number, where the code style's own indent
   * sets them under a top-level item (under a nested one they stood left of the item's lines), and
   * no further in than the deepest indent, as a table there (they went on past it, unsaid).
   */
  protected codeIndent(node: Nodes): Pick<ParagraphOptions, 'indent'> {
    if (!this.itemLevel) return {};
    return { indent: { left: this.underItemNumber(node, false, 'code block') * this.geometry.firstLineIndent } };
  }

  /**
   * How many first-line indents in a block of a list item starts: under the item's number, one
   * level's indent further in than the item's wrapped lines (and the quote's when the list is
   * quoted), 0 outside a list. No further in than the deepest indent, so that the block keeps a
   * third of the width: in an item nested deeper it stands short of the number, which is said at
   * each such block, as at a quote held back so.
   */
  private underItemNumber(node: Nodes, quoted: boolean, block: string): number {
    const underNumber = this.itemLevel === undefined ? 0 : (quoted ? Math.min(this.quoteDepth, this.deepest) : 0) + this.itemLevel + 1;
    const steps = Math.min(underNumber, this.deepest);
    if (underNumber > steps) {
      this.warn(
        `a ${block} in a list item nested this deep starts at the ${ordinal(steps)} indent, short of the item’s number, so that it keeps a third of the width between the margins. Put the ${block} after the list, or nest the list less deep`,
        node,
      );
    }
    return steps;
  }

  /**
   * A table; in a list item, its left edge under the item's number (`underItemNumber`), and its
   * right edge at the margin still.
   */
  protected table(node: Extract<BlockNode, { type: 'table' }>, quoted: boolean): Table {
    const indent = this.underItemNumber(node, quoted, 'table') * this.geometry.firstLineIndent;
    const width = this.geometry.textWidth - indent;
    // As GFM reads a table: the header row sets the columns; a row's cells beyond them are left out.
    const columns = Math.max(1, node.children[0]?.children.length ?? 0);
    // Each cell's paragraph first, row by row (tracked changes are numbered in that order), then the columns sized to what they print.
    // In a redline a row may be tracked alone (added or removed in a table found in both versions), or with its whole table.
    const lastRow = node.children.length - 1;
    const rows = node.children.map((row, rowIndex) => ({
      revision: this.rowRevision(row.data?.revision ?? node.data?.revision),
      cells: Array.from({ length: columns }, (_, cellIndex) => {
        const cell = row.children[cellIndex];
        return this.paragraph(row.data?.revision ? row : node, {
          style: Style.tableText,
          ...cellAlignment(node.align?.[cellIndex]),
          // Word and LibreOffice keep a row whose paragraphs are kept with the next on the page of the paragraph after the table.
          ...(rowIndex === lastRow && this.beforeSignature.has(node) ? { keepNext: true } : {}),
          children: cell ? this.runs(cell.children, rowIndex === 0) : [],
        });
      }),
    }));
    const { widths, cramped, broken } = columnWidths(
      rows.map(({ cells }) => cells),
      columns,
      width,
      { font: this.meta.reference?.tableText.font ?? this.meta.layout.font, halfPoints: this.meta.reference?.tableText.halfPoints ?? this.geometry.fontSize },
    );
    if (cramped.length > 0) {
      const which = cramped.length === columns ? 'its columns are' : `${cramped.length} of its columns are`;
      this.warn(`a table of ${columns} columns is too wide for the page: ${which} too narrow to hold a letter of their text, which is then printed past the cell or not at all. Split it into tables of fewer columns`, node);
    } else if (broken.length > 0) {
      this.warn(brokenWordsReason(columns, broken), node);
    }
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    const table = new Table({
      width: { size: width, type: WidthType.DXA },
      ...(indent > 0 ? { indent: { size: indent, type: WidthType.DXA } } : {}),
      columnWidths: widths,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: rows.map(
        ({ revision, cells }, rowIndex) =>
          new TableRow({
            // Whole on one page: a row broken across a page read as two rows, the header repeated between its halves.
            cantSplit: true,
            tableHeader: rowIndex === 0,
            ...revision,
            children: cells.map((paragraph, cellIndex) => new TableCell({ width: { size: widths[cellIndex] ?? 0, type: WidthType.DXA }, children: [paragraph] })),
          }),
      ),
    });
    const revision = node.data?.revision;
    if (revision) this.tableRevisions.set(table, revision);
    return table;
  }
}


/**
 * What is said of a table whose columns cannot all hold their longest word: those words break inside,
 * a letter or two on a line of their own ("Programm" / "a"), which a reader takes for a typing error.
 */
function brokenWordsReason(columns: number, broken: readonly { column: number; word: string }[]): string {
  const shown = broken.slice(0, 3).map(({ column, word }) => `“${word.length > 40 ? `${word.slice(0, 40)}…` : word}” (column ${column + 1})`);
  const more = broken.length > 3 ? ` and ${broken.length - 3} more` : '';
  const address = broken.some(({ word }) => /^\(?(?:https?:\/\/|www\.)/.test(word));
  return (
    `a table of ${columns} columns is too wide for its words: ${shown.join(', ')}${more} ${broken.length > 1 ? 'are' : 'is'} wider than ${broken.length > 1 ? 'their columns' : 'its column'} and break${broken.length > 1 ? '' : 's'} inside, across two lines. ` +
    `Split it into tables of fewer columns, or shorten those words (a heading may be abbreviated and explained below the table)${address ? '; write a web address as a link with a short text, [vietne](https://…)' : ''}`
  );
}

/** A column's alignment from the table's delimiter row (`:--`, `:-:`, `--:`); left is the style's own. */
function cellAlignment(align: AlignType | undefined): Pick<ParagraphOptions, 'alignment'> {
  if (align === 'center') return { alignment: AlignmentType.CENTER };
  if (align === 'right') return { alignment: AlignmentType.RIGHT };
  return {};
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
