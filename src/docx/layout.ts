import type { Layout } from '../model/index.js';
import { PAPER_MM } from '../model/config.js';
import type { ReferencePage } from '../model/reference-docx.js';

/** Page geometry in twips (1/20 pt), derived from the configured layout. */
export interface PageGeometry {
  width: number;
  height: number;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Width between the margins: where centre and right tab stops go. */
  textWidth: number;
  firstLineIndent: number;
  /** Font size in half-points, as Word stores it. */
  fontSize: number;
  /** Line spacing in 240ths of a line ("auto" rule). */
  line: number;
  /** Space after each body paragraph, in twips. */
  after: number;
}

/**
 * Converts the layout settings into the numbers DOCX needs. A reference DOCX's page
 * (size and margins) takes the place of `paper` and `margins_mm`.
 */
export function pageGeometry(layout: Layout, page?: ReferencePage): PageGeometry {
  const paper = PAPER_MM[layout.paper];
  // 1 mm = 1440/25.4 twips; rounded (not floored) so A4 is Word's own 11906 × 16838.
  const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
  const margins = layout.margins_mm;
  const built = {
    width: twip(paper.width),
    height: twip(paper.height),
    margins: {
      left: twip(margins.left),
      right: twip(margins.right),
      top: twip(margins.top),
      bottom: twip(margins.bottom),
      header: twip(Math.min(10, margins.top / 2)),
      footer: twip(Math.min(10, margins.bottom / 2)),
    },
    textWidth: twip(paper.width - margins.left - margins.right),
    firstLineIndent: twip(layout.first_line_indent_mm),
    fontSize: Math.round(layout.font_size_pt * 2),
    line: Math.round(240 * layout.line_spacing),
    after: Math.round(layout.paragraph_spacing_pt * 20),
  };
  if (!page) return built;
  return { ...built, width: page.width, height: page.height, margins: page.margins, textWidth: page.width - page.margins.left - page.margins.right };
}

/**
 * The most first-line indents a quote's text is set in, and a list or a table in a quote or a
 * list item: as many as leave it a third of the width between the margins (a quote's text gives up
 * one more on the right). Each quote in a quote goes one indent further in, and a dozen of them
 * ran the text past the right margin; one nested deeper is printed at this depth, as a list nested
 * deeper than Word's nine levels is printed at the ninth.
 */
export function deepestIndent(geometry: PageGeometry): number {
  const { textWidth, firstLineIndent } = geometry;
  if (firstLineIndent <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(1, Math.floor(((textWidth * 2) / 3 - firstLineIndent) / firstLineIndent));
}
