import { AlignmentType, BorderStyle, type ParagraphStyleOptions, type StylesOptions } from './ooxml/types.js';
import type { Layout } from '../model/index.js';
import type { PageGeometry } from './layout.js';
import { CODE_FONT, OptionalStyle, Style, type ReferenceDocx } from '../model/reference-docx.js';

export { OptionalStyle, Style } from '../model/reference-docx.js';

/** Where the styles come from: the built-in ones, the starter reference, or a ministry's reference DOCX. */
export type StyleSource = { kind: 'built-in' } | { kind: 'starter' } | { kind: 'reference'; reference: ReferenceDocx };

/**
 * The document's styles. Built in: Times New Roman 12 pt, justified body with a first-line
 * indent, centred bold title. With a reference DOCX its styles are used (see `externalStyles`
 * in compile.ts) and only the built-in styles it lacks are added.
 */
export function documentStyles(layout: Layout, geometry: PageGeometry, source: StyleSource): StylesOptions {
  const builtIn = builtInStyles(layout, geometry);
  if (source.kind === 'built-in') return builtIn;
  const optional: ParagraphStyleOptions[] = [
    { id: OptionalStyle.question, name: 'Briefing Question', basedOn: Style.body, quickFormat: true },
    { id: OptionalStyle.subItem, name: 'Briefing Sub-item', basedOn: Style.body, quickFormat: true },
  ];
  if (source.kind === 'starter') return { ...builtIn, paragraphStyles: [...(builtIn.paragraphStyles ?? []), ...optional] };
  const defined = new Set(source.reference.styleIds);
  const defaults = builtIn.default ?? {};
  return {
    default: {
      ...(defined.has(Style.title) ? {} : { title: defaults.title }),
      ...(defined.has(Style.heading) ? {} : { heading2: defaults.heading2 }),
    },
    paragraphStyles: (builtIn.paragraphStyles ?? []).filter((style) => !defined.has(style.id)),
    // The reference's document defaults are kept, but the text is in the report's language, not the one its Word was set to.
    language: layout.language,
  };
}

function builtInStyles(layout: Layout, geometry: PageGeometry): StylesOptions {
  const small = Math.max(16, geometry.fontSize - 4);
  return {
    language: layout.language,
    default: {
      document: {
        run: { font: layout.font, size: geometry.fontSize, language: { value: layout.language } },
        paragraph: { spacing: { line: geometry.line, lineRule: 'auto', before: 0, after: 0 } },
      },
      // The title is the first level of the document's outline and a heading of a position's text the second (`w:outlineLvl`, as
      // Word's own Heading 2 has it): without it LibreOffice took both for paragraphs, and its PDF had no heading tags nor bookmarks.
      title: {
        run: { font: layout.font, size: geometry.fontSize, bold: true, color: '000000' },
        // No first-line indent of Normal's: its first line stood half of one right of the centre.
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 0, after: 240 }, keepNext: true, keepLines: true, outlineLevel: 0 },
      },
      heading2: {
        run: { font: layout.font, size: geometry.fontSize, bold: true, italics: false, color: '000000' },
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 1 },
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
          spacing: { line: geometry.line, lineRule: 'auto', before: 0, after: geometry.after },
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
        run: { font: CODE_FONT, size: small },
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
