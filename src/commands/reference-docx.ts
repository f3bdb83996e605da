import { compileDocx } from '../docx/index.js';
import { layoutSchema } from '../model/index.js';

/** The starter's date: fixed, so the file is the same byte for byte on every run. */
const STARTER_DATE = new Date('2021-01-01T00:00:00Z');

/**
 * A short document with a paragraph in each style the compiler uses, so that each can
 * be seen, and changed, in Word. Every paragraph names its style id.
 */
const STARTER_MARKDOWN = `Informatīvais ziņojums par\\
paraugu, kurā redzams katrs stils (Title)
==========================================

Pamatteksts: rindkopa ar atkāpi pirmajā rindā, izlīdzināta pēc abām malām (Normal). Vārdi **treknrakstā**, *kursīvā* un saite uz [skoluinternets.lv](https://skoluinternets.lv); zemsvītras piezīme.[^1]

## Virsraksts sadaļai (Heading2)

> Piezīme, piemēram, par to, ka dokuments ir projekts (BriefingNote).

1. Jautājums, uz kuru ministri aicināti atbildēt (BriefingQuestion)?

Atbilde: pamatteksts ar apakšpunktiem.

1) pirmais apakšpunkts (BriefingSubItem);
2) otrais apakšpunkts (BriefingSubItem).

2. Otrais jautājums turpina numerāciju (BriefingQuestion)?

| Tabulas galvene | Tabulas teksts (BriefingTableText) |
|---|---|
| 2021–2027 | 10 miljoni eiro |

    Koda rinda (BriefingCode)

Ministre\tV. Uzvārds (BriefingSignature)

[^1]: Zemsvītras piezīmes teksts (FootnoteText).
`;

/** The built-in reference DOCX, as bytes. */
export interface ReferenceDocxResult {
  bytes: Uint8Array;
}

/**
 * The built-in styles as a reference DOCX to start a ministry's own from (as pandoc's
 * `--print-default-data-file reference.docx`): the default layout, every style the
 * compiler uses, and the optional question and sub-item styles.
 */
export function referenceDocx(): ReferenceDocxResult {
  const meta = {
    title: 'briefing reference DOCX',
    creator: 'briefing',
    description: 'Change the styles, page set-up and first-page header, then name this file in layout.reference_docx.',
    footerText: null,
    draftMark: null,
    customProperties: [],
    layout: layoutSchema.parse({}),
    starterStyles: true,
  };
  const { bytes } = compileDocx(STARTER_MARKDOWN, meta, STARTER_DATE);
  return { bytes };
}
