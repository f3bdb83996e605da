import { ExternalHyperlink, FootnoteReferenceRun, Tab, TextRun, type ParagraphChild } from 'docx';
import type { PhrasingContent } from 'mdast';

/** Character formatting carried down the inline tree. */
export interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
}

/** What inline conversion needs from the document being built. */
export interface InlineContext {
  /** Word footnote number for a Markdown footnote label, or undefined if it has no definition. */
  footnote(label: string): number | undefined;
  /** URL of a reference-style link definition. */
  definition(identifier: string): string | undefined;
  /** Reports something the DOCX cannot show as written. */
  warn(reason: string, node: PhrasingContent): void;
}

/** Converts Markdown inline content (text, emphasis, links, footnotes) into DOCX runs. */
export function inlineRuns(nodes: readonly PhrasingContent[], context: InlineContext, marks: Marks = {}): ParagraphChild[] {
  return nodes.flatMap((node) => inlineRun(node, context, marks));
}

function inlineRun(node: PhrasingContent, context: InlineContext, marks: Marks): ParagraphChild[] {
  switch (node.type) {
    case 'text':
      return textRuns(node.value, marks);
    case 'strong':
      return inlineRuns(node.children, context, { ...marks, bold: true });
    case 'emphasis':
      return inlineRuns(node.children, context, { ...marks, italics: true });
    case 'delete':
      return inlineRuns(node.children, context, { ...marks, strike: true });
    case 'inlineCode':
      return textRuns(node.value, { ...marks, code: true });
    case 'break':
      return [new TextRun({ break: 1 })];
    case 'link':
      return [hyperlink(node.url, inlineRuns(node.children, context, { ...marks, link: true }))];
    case 'linkReference': {
      const url = context.definition(node.identifier);
      const children = inlineRuns(node.children, context, url ? { ...marks, link: true } : marks);
      return url ? [hyperlink(url, children)] : children;
    }
    case 'footnoteReference': {
      const id = context.footnote(node.identifier);
      if (id === undefined) {
        context.warn(`footnote [^${node.label ?? node.identifier}] has no definition`, node);
        return textRuns(`[^${node.label ?? node.identifier}]`, marks);
      }
      return [new FootnoteReferenceRun(id)];
    }
    case 'html':
      return textRuns(node.value, marks);
    case 'image':
    case 'imageReference':
      context.warn('images are not placed in the DOCX; the alternative text is printed instead', node);
      return textRuns(node.alt ? `[${node.alt}]` : '[attēls]', marks);
    default:
      return [];
  }
}

/** A run per tab-separated piece; soft line breaks become spaces, as Markdown renders them. */
function textRuns(value: string, marks: Marks): TextRun[] {
  const text = value.replace(/[ \t]*\n[ \t]*/g, ' ');
  if (!text) return [];
  const children: (string | Tab)[] = [];
  text.split('\t').forEach((piece, index) => {
    if (index > 0) children.push(new Tab());
    if (piece) children.push(piece);
  });
  return [
    new TextRun({
      children,
      bold: marks.bold,
      italics: marks.italics,
      strike: marks.strike,
      ...(marks.code ? { font: 'Courier New' } : {}),
      ...(marks.link ? { style: 'Hyperlink' } : {}),
    }),
  ];
}

function hyperlink(url: string, children: ParagraphChild[]): ExternalHyperlink {
  return new ExternalHyperlink({ link: url, children });
}
