/** What a DOCX carries besides its Markdown body, as the compiler is given it: properties, header, footer, layout, a reference DOCX, a redline's author. */

import type { Layout } from '../model/index.js';
import type { ReferenceDocx } from '../model/reference-docx.js';

/** What the DOCX carries besides the Markdown body: properties, header, footer, layout. */
export interface DocxMeta {
  /** Document title property; defaults to the text of the first level-1 heading. */
  title?: string;
  subject?: string;
  creator: string;
  description?: string;
  keywords?: string;
  /** Printed in the footer of every page, e.g. `IZMzin_190221_EDUC`; null for none. */
  footerText: string | null;
  /** Printed at the top right of every page while the document is a draft; null when final. */
  draftMark: string | null;
  /** Custom document properties: included positions and their versions, hashes. */
  customProperties: { name: string; value: string }[];
  layout: Layout;
  /** A ministry's reference DOCX: its styles, page set-up and first-page header and footer are used. */
  reference?: ReferenceDocx | undefined;
  /** Adds the optional styles (question, sub-item) with built-in looks: for `briefing reference-docx`. */
  starterStyles?: boolean;
  /**
   * Only for a redline: tracked changes are stamped with this author and date (ISO 8601),
   * Word opens with track changes on, and `summary` (if any) becomes a comment on the first paragraph.
   */
  revisions?: { author: string; date: string; summary: string[] };
}
