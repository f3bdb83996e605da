import { child, descendants, type XmlElement } from './xml.js';

/** A style of `word/styles.xml`: its id and kind, the style it is based on, its own paragraph (`w:pPr`) and run (`w:rPr`) properties. */
export interface Style {
  id: string;
  type: string | undefined;
  basedOn: string | undefined;
  paragraph: XmlElement | undefined;
  run: XmlElement | undefined;
}

/**
 * A document's styles, read once for every reader that follows a style to its bases: the run
 * fonts and character formats (`run-fonts.ts`) and the lists paragraph styles number in.
 */
export class StyleSheet {
  private readonly styles = new Map<string, Style>();
  /** The paragraph style of a paragraph that names none (`w:default`); '' when there is none. */
  readonly defaultParagraph: string;
  /** The document's default run fonts (`w:docDefaults/w:rPrDefault/w:rPr/w:rFonts`). */
  readonly defaultFonts: XmlElement | undefined;

  /** `styles`: the `word/styles.xml` part, if the document has one. */
  constructor(styles: XmlElement | undefined) {
    let defaultParagraph = '';
    for (const style of styles ? descendants(styles, 'w:style') : []) {
      const id = style.attributes['w:styleId'] ?? '';
      const type = style.attributes['w:type'];
      this.styles.set(id, { id, type, basedOn: child(style, 'w:basedOn')?.attributes['w:val'], paragraph: child(style, 'w:pPr'), run: child(style, 'w:rPr') });
      if (type === 'paragraph' && isTrue(style.attributes['w:default'])) defaultParagraph = id;
    }
    this.defaultParagraph = defaultParagraph;
    this.defaultFonts = child(child(child(styles ? descendants(styles, 'w:docDefaults')[0] : undefined, 'w:rPrDefault'), 'w:rPr'), 'w:rFonts');
  }

  /** Every style, in the order of the part. */
  all(): IterableIterator<Style> {
    return this.styles.values();
  }

  /** A style and its bases, the furthest base first; none for an id no style has (a loop of bases is read once round). */
  chain(id: string): Style[] {
    const levels: Style[] = [];
    const seen = new Set<string>();
    for (let level = this.styles.get(id); level && !seen.has(level.id); level = this.styles.get(level.basedOn ?? '')) {
      seen.add(level.id);
      levels.unshift(level);
    }
    return levels;
  }
}

/** `"1"`, `"true"` or `"on"`, as OOXML writes a true value. */
function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'on';
}
