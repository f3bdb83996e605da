import { strToU8, zipSync } from 'fflate';

/** A paragraph of a report written by hand in Word: its text (a `\t` is a tab), and how Word numbers or sets it. */
export interface HandParagraph {
  text: string;
  /** An item of the Word list `numId` (see {@link handWrittenDocx}'s `lists`), at `level` (0 by default). */
  list?: { numId: number; level?: number };
  bold?: boolean;
}

/** A table of one row, its cells' text, as a signature is often set: the role in one cell, the name in the next. */
export interface HandRow {
  row: string[];
}

/** A table of several rows, each its cells' paragraphs (a cell's paragraphs given as an array, one as XML too), as questions and answers are sometimes set. */
export interface HandTable {
  rows: (string | HandParagraph | HandXml | (string | HandParagraph | HandXml)[])[][];
}

/** Body (or cell) XML written as it is: what the other shapes do not cover (a picture, a text box, a footnote reference). */
export interface HandXml {
  xml: string;
}

/** A Word list: its id (`w:numId`) and how its first level writes the number (`%1.`, `%1)`), starting from `start`. */
export interface HandList {
  numId: number;
  marker: string;
  start?: number;
  /** Its second level bulleted (`w:numFmt` bullet) instead of lettered `a)`, as a list of LibreOffice's or Word's may be. */
  bulletsBelow?: boolean;
}

/** What a hand-written report has besides its body. */
export interface HandParts {
  lists?: readonly HandList[];
  /** The creation date of its core properties (`2022-03-30T12:00:00Z`). */
  created?: string;
  /** Its footnotes' text, `w:id` 1, 2, …, for a `w:footnoteReference` in the body to name. */
  footnotes?: readonly string[];
  /** Its endnotes' text, likewise, for a `w:endnoteReference`. */
  endnotes?: readonly string[];
  /** The inside of its `w:styles`: `<w:style …>` elements. */
  styles?: string;
  /** The text of its footers (`word/footer1.xml`, `word/footer2.xml`, …), one paragraph each. */
  footers?: readonly string[];
  /** The text of its headers (`word/header1.xml`, …), one paragraph each. */
  headers?: readonly string[];
}

/** One block of a hand-written report's body. */
export type HandBlock = string | HandParagraph | HandRow | HandTable | HandXml;

/**
 * The smallest DOCX Word opens that holds `paragraphs`, as a ministry officer typed them: only
 * what import reads (the body, and what `parts` gives: lists, footnotes, endnotes, styles,
 * the creation date), so a test shows the
 * case it is about in a few lines instead of a converter's output.
 */
export function handWrittenDocx(paragraphs: readonly HandBlock[], { lists = [], created, footnotes = [], endnotes = [], styles, footers = [], headers = [] }: HandParts = {}): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = paragraphs.map((p) => (typeof p === 'string' ? paragraphXml({ text: p }) : 'row' in p ? rowXml(p.row) : 'rows' in p ? tableXml(p.rows) : 'xml' in p ? p.xml : paragraphXml(p))).join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  if (lists.length) {
    const definitions = lists
      .map(
        (list) =>
          `<w:abstractNum w:abstractNumId="${list.numId}"><w:lvl w:ilvl="0"><w:start w:val="${list.start ?? 1}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${list.marker}"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>${list.bulletsBelow ? '<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>' : '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/>'}<w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>`,
      )
      .join('');
    const nums = lists.map((list) => `<w:num w:numId="${list.numId}"><w:abstractNumId w:val="${list.numId}"/></w:num>`).join('');
    files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>${definitions}${nums}</w:numbering>`);
  }
  if (styles) files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>${styles}</w:styles>`);
  for (const [kind, texts] of [['footnote', footnotes], ['endnote', endnotes]] as const) {
    if (!texts.length) continue;
    const notes = texts.map((text, index) => `<w:${kind} w:id="${index + 1}"><w:p><w:r><w:${kind}Ref/></w:r><w:r><w:t xml:space="preserve"> ${escaped(text)}</w:t></w:r></w:p></w:${kind}>`).join('');
    files[`word/${kind}s.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${kind}s ${W}>${notes}</w:${kind}s>`);
  }
  for (const [kind, texts] of [['ftr', footers], ['hdr', headers]] as const) {
    texts.forEach((text, index) => {
      files[`word/${kind === 'ftr' ? 'footer' : 'header'}${index + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${kind} ${W}>${paragraphXml({ text })}</w:${kind}>`);
    });
  }
  if (created) {
    files['docProps/core.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created></cp:coreProperties>`,
    );
  }
  return zipSync(files);
}

function paragraphXml({ text, list, bold }: HandParagraph): string {
  const numbering = list ? `<w:pPr><w:numPr><w:ilvl w:val="${list.level ?? 0}"/><w:numId w:val="${list.numId}"/></w:numPr></w:pPr>` : '';
  const rPr = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  const runs = text
    .split('\t')
    .map((part) => (part ? `<w:r>${rPr}<w:t xml:space="preserve">${escaped(part)}</w:t></w:r>` : ''))
    .join(`<w:r>${rPr}<w:tab/></w:r>`);
  return `<w:p>${numbering}${runs}</w:p>`;
}

function rowXml(cells: readonly string[]): string {
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr>${cells.map((text) => `<w:tc>${paragraphXml({ text })}</w:tc>`).join('')}</w:tr></w:tbl>`;
}

function tableXml(rows: HandTable['rows']): string {
  const cellXml = (cell: HandTable['rows'][number][number]): string =>
    `<w:tc>${(Array.isArray(cell) ? cell : [cell]).map((p) => (typeof p === 'string' ? paragraphXml({ text: p }) : 'xml' in p ? p.xml : paragraphXml(p))).join('')}</w:tc>`;
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((row) => `<w:tr>${row.map(cellXml).join('')}</w:tr>`).join('')}</w:tbl>`;
}

function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
