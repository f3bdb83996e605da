import type { Definition, Root } from 'mdast';
import { imageText } from '../docx/printed-text.js';
import { identifierOf } from '../diff/format/unique-labels.js';
import { firstDefinitions, walk } from '../util/markdown.js';
import { linkKey } from './formatting.js';

/*
 * A paragraph `review --accept` writes anew from the DOCX is written as its source writes
 * Markdown, where that is cheap to tell and safe: its marks for bold and italic, its reference
 * links, and lines on one line when the source does not wrap them.
 */

/** How wide a paragraph written anew is wrapped, unless its source is on one line. */
export const WIDTH = 110;

/** The characters bold and italic are written with: `**` or `__`, `*` or `_`. */
export interface EmphasisMarks {
  strong: '**' | '__';
  emphasis: '*' | '_';
}

/** Bold and italic in asterisks, as CommonMark reads them anywhere (underscores not inside a word). */
export const STARS: EmphasisMarks = { strong: '**', emphasis: '*' };

/** A link the source writes as a reference to a definition of the field: `[text][label]`, `[label][]` or `[label]`. */
export interface LinkReference {
  /** The definition's label as written. */
  label: string;
  /** The forms the source writes references to it in (none: a definition only, written in full). */
  forms: ReadonlySet<'full' | 'collapsed' | 'shortcut'>;
}

/**
 * How the source writes an inline link to an address: as `<address>`, or with the destination as
 * written after `](` (its title, its `<…>` form, its escapes: all of which the DOCX does not keep).
 */
export type InlineLink = { angle: true } | { destination: string };

/** How a paragraph written anew is written as its source was. */
export interface SourceStyle extends EmphasisMarks {
  /** The width lines are wrapped at: Infinity for a paragraph on one line. */
  width: number;
  /** A link's address (as `linkKey` reads it) → the reference the source writes it with. */
  references: ReadonlyMap<string, LinkReference>;
  /** A link's address (as `linkKey` reads it) → how the source writes it inline, the paragraph's own first, then the field's. */
  links: ReadonlyMap<string, InlineLink>;
  /**
   * What the DOCX prints as text for Markdown it cannot hold, in order: an image's `[alt]`, raw
   * HTML as written; with the Markdown that printed it, to write that again (see `withLiterals`).
   */
  literals: readonly { printed: string; markdown: string }[];
}

/** With no source to follow: asterisks, lines of 110 characters, links inline. */
export const DEFAULT_STYLE: SourceStyle = { ...STARS, width: WIDTH, references: new Map(), links: new Map(), literals: [] };

/** A stretch of the field written as one paragraph of the DOCX: where it stands, and whether it is wrapped text (a paragraph, an item's own one). */
export interface Stretch {
  start: number;
  end: number;
  slice: string;
  prose?: boolean;
}

/**
 * How the field writes Markdown (`field`, for a paragraph the reviewer added), and how each of its
 * stretches does (`of`): a stretch's own first bold and italic give their marks, else the field's
 * first; a link to an address the field defines is a reference, in the form the stretch writes it
 * (else in full); an inline link with a title, or written `<address>`, as the stretch (or else the field)
 * writes it; a paragraph on one line stays on one when it is longer than {@link WIDTH} or
 * another of the field's is (the field is not wrapped), else lines are wrapped at that width.
 */
export function sourceStyles(tree: Root, source: string, stretches: readonly Stretch[], definitions: ReadonlyMap<string, Definition> = firstDefinitions(tree)): { field: SourceStyle; of: (stretch: Stretch) => SourceStyle } {
  const emphases: { type: 'strong' | 'emphasis'; at: number; underscore: boolean }[] = [];
  const references: { at: number; url: string; label: string; form: 'full' | 'collapsed' | 'shortcut' }[] = [];
  const literals: { at: number; printed: string; markdown: string }[] = [];
  const inline: { at: number; url: string; form: InlineLink }[] = [];
  walk(tree, (node) => {
    const at = node.position?.start.offset;
    if (at === undefined) return;
    const markdown = source.slice(at, node.position?.end.offset ?? at);
    if (node.type === 'image' || node.type === 'imageReference') literals.push({ at, printed: imageText(node), markdown });
    if (node.type === 'html') literals.push({ at, printed: node.value, markdown });
    if (node.type === 'strong' || node.type === 'emphasis') emphases.push({ type: node.type, at, underscore: source[at] === '_' });
    const definition = node.type === 'linkReference' ? definitions.get(node.identifier) : undefined;
    if (node.type === 'link') {
      const textEnd = node.children.at(-1)?.position?.end.offset;
      if (markdown.startsWith('<')) inline.push({ at, url: linkKey(node.url), form: { angle: true } });
      else if (textEnd !== undefined && source.startsWith('](', textEnd)) inline.push({ at, url: linkKey(node.url), form: { destination: source.slice(textEnd + 2, at + markdown.length - 1) } });
    }
    if (node.type === 'linkReference' && definition) references.push({ at, url: linkKey(definition.url), label: node.label ?? definition.label ?? definition.identifier, form: node.referenceType });
  });
  const within = (start: number, end: number) => ({ at }: { at: number }) => at >= start && at < end;
  const marksIn = (start: number, end: number): Partial<EmphasisMarks> => {
    const found: Partial<EmphasisMarks> = {};
    for (const mark of emphases.filter(within(start, end))) {
      if (mark.type === 'strong') found.strong ??= mark.underscore ? '__' : '**';
      else found.emphasis ??= mark.underscore ? '_' : '*';
    }
    return found;
  };
  // Every address the field defines, as a full reference; the stretch's own references to it (the first's label) in their forms.
  const defined = new Map<string, LinkReference>();
  for (const { url, label, identifier } of [...definitions.values()].reverse()) defined.set(linkKey(url), { label: label ?? identifier, forms: new Set() });
  const referencesIn = (start: number, end: number): Map<string, LinkReference> => {
    const own = references.filter(within(start, end));
    const found = new Map(defined);
    for (const { url, label } of [...own].reverse()) found.set(url, { label, forms: new Set(own.filter((reference) => reference.url === url).map(({ form }) => form)) });
    return found;
  };
  const inlineIn = (start: number, end: number, over: ReadonlyMap<string, InlineLink> = new Map()): Map<string, InlineLink> => {
    const found = new Map(over);
    for (const { url, form } of inline.filter(within(start, end)).reverse()) found.set(url, form);
    return found;
  };
  const fieldLinks = inlineIn(0, source.length);
  const oneLine = (stretch: Stretch): boolean => Boolean(stretch.prose) && !stretch.slice.includes('\n');
  const width = wrapWidth(stretches.filter((stretch) => stretch.prose));
  const unwrapped = stretches.some((stretch) => oneLine(stretch) && stretch.slice.length > width);
  const field: SourceStyle = { ...STARS, ...marksIn(0, source.length), width: unwrapped ? Infinity : width, references: defined, links: fieldLinks, literals: [] };
  return {
    field,
    of: (stretch) => ({
      ...field,
      ...marksIn(stretch.start, stretch.end),
      width: oneLine(stretch) && (unwrapped || stretch.slice.length > width) ? Infinity : width,
      references: referencesIn(stretch.start, stretch.end),
      links: inlineIn(stretch.start, stretch.end, fieldLinks),
      literals: literals.filter(within(stretch.start, stretch.end)).map(({ printed, markdown }) => ({ printed, markdown })),
    }),
  };
}

/** How many wrapped lines the field must have before their width is taken for its own: one or two may be broken by hand. */
const MIN_BREAKS = 3;

/** Widths an editor's setting is likely to be, in the order they are taken when the source's lines allow several. */
const USUAL_WIDTHS = [WIDTH, 80, 100, 120, 72, 90, 79, 78, 76, 70, 60];

/**
 * The width the field's paragraphs are wrapped at, as their lines show it: every line fits in it,
 * and no line's next word would have (lines ended by a hard break aside). {@link WIDTH} when the
 * paragraphs have fewer than {@link MIN_BREAKS} such lines, when they allow no width in common (wrapped by hand, at sentences), or
 * when the longest line comes within ten characters of it; else of the widths all the paragraphs
 * allow a usual one (80, 100 …), or the least. A paragraph written anew is then wrapped as the
 * others are, where 110 would rewrap a field kept at 80 whenever one of its paragraphs changed.
 */
function wrapWidth(stretches: readonly Stretch[]): number {
  let low = 0;
  let high = Infinity;
  let breaks = 0;
  for (const { slice } of stretches) {
    const lines = slice.split('\n');
    if (lines.length < 2) continue;
    lines.forEach((line, index) => {
      low = Math.max(low, line.length);
      const next = lines[index + 1];
      if (next === undefined || /(?:\\| {2})$/.test(line)) return;
      // The next line's first word, after the indentation or `>` that puts it under its item or quote.
      const word = next.replace(/^[\s>]*/, '').split(/\s/, 1)[0] ?? '';
      high = Math.min(high, line.length + word.length);
      breaks++;
    });
  }
  // Too few breaks to tell a width from a line broken by hand; lines that come within a word of it were wrapped at it.
  if (breaks < MIN_BREAKS || low > high || (low <= WIDTH && low > WIDTH - 10)) return WIDTH;
  return USUAL_WIDTHS.find((width) => width >= low && width <= high) ?? low;
}

/**
 * A link whose text is `text` (as Markdown) written as the reference `reference`: when the text
 * is the label, in a short form the source uses (`[label]`, `[label][]`), else in full.
 * `next`: the character after it, before which a shortcut `[label]` would read otherwise.
 */
export function referenceLink(text: string, reference: LinkReference, next: string): string {
  const { label, forms } = reference;
  if (identifierOf(text) !== identifierOf(label)) return `[${text}][${label}]`;
  if (forms.has('shortcut') && !/^[([:]/.test(next)) return `[${text}]`;
  return forms.has('collapsed') || forms.has('shortcut') ? `[${text}][]` : `[${text}][${label}]`;
}
