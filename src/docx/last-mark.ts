import { Paragraph, Table, type ChangeStamp, type Element, type ParagraphOptions } from './ooxml/body.js';
import { Style } from './styles.js';

type FileChild = Paragraph | Table;

/** The properties a paragraph takes from its mark that a redline's paragraphs differ in. */
type MarkProperties = Pick<ParagraphOptions, 'style' | 'numbering' | 'indent'>;

/**
 * A redline body whose last paragraph mark is tracked no more. Word and LibreOffice keep the
 * last paragraph mark of a document whatever is accepted or rejected, so a last paragraph that
 * only one version has (its mark tracked as inserted or deleted) would leave an empty paragraph
 * behind: after "accept all" where the newer version ends earlier, after "reject all" where it
 * ends later. Where the paragraphs at the end are of one version only, the mark of the last
 * paragraph the other version keeps is tracked in its place (it then joins the last paragraph,
 * the only mark left); where both versions end in paragraphs of their own, the last of each are
 * made one paragraph, the older's words deleted and the newer's inserted. The last paragraph
 * takes the newer version's style, list and indent, the older's tracked as a change of them
 * (`w:pPrChange`): whichever mark survives a join, accepting gives the newer paragraphs and
 * rejecting the older. A table between them cannot join; the body is then left as it is.
 */
export function settleLastMark(children: readonly FileChild[], stamp: () => ChangeStamp): FileChild[] {
  const trailing = trailingTracked(children);
  const revisions = trailing.map(({ paragraph }) => onlyRevision(paragraph));
  if (!trailing.length || revisions.includes(undefined) || trailing.some(({ paragraph }) => paragraph.options.styleChange)) return [...children];
  const older = trailing.findLast((_, index) => revisions[index] === 'deletion');
  const newer = trailing.findLast((_, index) => revisions[index] === 'insertion');
  if (older && newer) return [...children.filter((_, index) => index !== older.index && index !== newer.index), joined(older, newer, stamp)];
  const [revision, first, last] = [revisions[0], trailing[0], trailing.at(-1)];
  const kept = first ? children[first.index - 1] : undefined;
  if (!revision || !first || !last || !(kept instanceof Paragraph)) return [...children];
  const result = [...children];
  result[first.index - 1] = reparagraph({ ...kept.options, run: { ...kept.options.run, [revision]: stamp() } }, kept.children);
  const [inNewer, inOlder] = revision === 'insertion' ? [last.paragraph, kept] : [kept, last.paragraph];
  result[last.index] = reparagraph(lastMark(inNewer, inOlder, stamp), last.paragraph.children);
  return result;
}

interface Indexed {
  paragraph: Paragraph;
  index: number;
}

/** The paragraphs at the end of the body whose marks are tracked, in order. */
function trailingTracked(children: readonly FileChild[]): Indexed[] {
  const found: Indexed[] = [];
  for (let index = children.length - 1; index >= 0; index--) {
    const paragraph = children[index];
    if (!(paragraph instanceof Paragraph) || !(paragraph.options.run?.insertion || paragraph.options.run?.deletion)) break;
    found.unshift({ paragraph, index });
  }
  return found;
}

/** The last paragraph of each version made one, in the order they stood, its mark kept by both. */
function joined(older: Indexed, newer: Indexed, stamp: () => ChangeStamp): Paragraph {
  const [first, second] = older.index < newer.index ? [older, newer] : [newer, older];
  return reparagraph(lastMark(newer.paragraph, older.paragraph, stamp), [...first.paragraph.children, ...second.paragraph.children]);
}

/** The options of a last paragraph, whose mark both versions keep: untracked, the newer's properties, the older's tracked as a change of them. */
function lastMark(newer: Paragraph, older: Paragraph, stamp: () => ChangeStamp): ParagraphOptions {
  const { run: _run, styleChange: _change, children: _children, ...options } = newer.options;
  if (same(propertiesOf(newer), propertiesOf(older))) return options;
  return { ...options, styleChange: { stamp: stamp(), ...withStyle(propertiesOf(older)) } };
}

function onlyRevision(paragraph: Paragraph): 'insertion' | 'deletion' | undefined {
  const { insertion, deletion } = paragraph.options.run ?? {};
  if (insertion && !deletion) return 'insertion';
  if (deletion && !insertion) return 'deletion';
  return undefined;
}

function propertiesOf(paragraph: Paragraph): MarkProperties {
  const { style, numbering, indent } = paragraph.options;
  return { style, numbering, indent };
}

function withStyle(properties: MarkProperties): MarkProperties & { style: string } {
  return { ...properties, style: properties.style ?? Style.body };
}

function same(a: MarkProperties, b: MarkProperties): boolean {
  return JSON.stringify([a.style ?? Style.body, a.numbering, a.indent]) === JSON.stringify([b.style ?? Style.body, b.numbering, b.indent]);
}

/** A paragraph of other options with the children given (a paragraph's own, with a bookmark's end added after it was made). */
function reparagraph(options: ParagraphOptions, children: readonly Element[]): Paragraph {
  const result = new Paragraph({ ...options, children: [] });
  for (const child of children) result.addChildElement(child);
  return result;
}
