import { AlignmentType, BorderStyle, type IStylesOptions } from 'docx';
import type { Layout } from '../model/index.js';
import type { PageGeometry } from './layout.js';

/** Paragraph style ids the compiler assigns; Word users can restyle the document through them. */
export const Style = {
  body: 'Normal',
  title: 'Title',
  heading: 'Heading2',
  note: 'BriefingNote',
  signature: 'BriefingSignature',
  code: 'BriefingCode',
  tableText: 'BriefingTableText',
  header: 'Header',
  footer: 'Footer',
  footnote: 'FootnoteText',
} as const;

/** The document's styles: Times New Roman 12 pt, justified body with a first-line indent, centred bold title. */
export function documentStyles(layout: Layout, geometry: PageGeometry): IStylesOptions {
  const small = Math.max(16, geometry.fontSize - 4);
  return {
    default: {
      document: {
        run: { font: layout.font, size: geometry.fontSize, language: { value: 'lv-LV' } },
        paragraph: { spacing: { line: geometry.line, before: 0, after: 0 } },
      },
      title: {
        run: { font: layout.font, size: geometry.fontSize, bold: true, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240 }, keepNext: true, keepLines: true },
      },
      heading2: {
        run: { font: layout.font, size: geometry.fontSize, bold: true, italics: false, color: '000000' },
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 240, after: 120 }, keepNext: true },
      },
    },
    paragraphStyles: [
      {
        id: Style.body,
        name: 'Normal',
        quickFormat: true,
        run: { font: layout.font, size: geometry.fontSize },
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: geometry.firstLineIndent },
          spacing: { line: geometry.line, before: 0, after: geometry.after },
        },
      },
      {
        id: Style.note,
        name: 'Briefing Note',
        basedOn: Style.body,
        run: { italics: true },
        paragraph: {
          indent: { left: geometry.firstLineIndent, right: geometry.firstLineIndent, firstLine: 0 },
          spacing: { before: 120, after: 120 },
          border: {
            left: { style: BorderStyle.SINGLE, size: 12, color: '808080', space: 6 },
          },
        },
      },
      {
        id: Style.signature,
        name: 'Briefing Signature',
        basedOn: Style.body,
        paragraph: {
          alignment: AlignmentType.LEFT,
          indent: { firstLine: 0 },
          spacing: { before: 480 },
          keepNext: true,
        },
      },
      {
        id: Style.code,
        name: 'Briefing Code',
        basedOn: Style.body,
        run: { font: 'Courier New', size: small },
        paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, left: geometry.firstLineIndent } },
      },
      {
        id: Style.tableText,
        name: 'Briefing Table Text',
        basedOn: Style.body,
        paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, spacing: { after: 0 } },
      },
      {
        id: Style.header,
        name: 'Header',
        basedOn: Style.body,
        paragraph: {
          alignment: AlignmentType.LEFT,
          indent: { firstLine: 0 },
        },
      },
      {
        id: Style.footer,
        name: 'Footer',
        basedOn: Style.body,
        run: { size: small },
        paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 } },
      },
      {
        id: Style.footnote,
        name: 'footnote text',
        basedOn: Style.body,
        run: { size: small },
        paragraph: { indent: { firstLine: 0 }, spacing: { after: 0 } },
      },
    ],
  };
}
