import { isLayoutCharacterStyle } from '../model/reference-docx.js';
import type { StyleSheet } from './styles.js';
import { child, descendants, type XmlElement } from './xml.js';

/** A run's fonts that may draw text: `ascii` for the ASCII characters (`w:ascii`), `other` for the rest (`w:hAnsi`). */
export interface RunFonts {
  ascii: string | undefined;
  other: string | undefined;
}

/**
 * What a run's styles give it. Its fonts, as Word finds them: the document's defaults, then the
 * paragraph's style, then the run's character style (`w:rStyle`), each after the styles it is
 * based on, then the run's own `w:rFonts`. Each level's font for a slot replaces the one before;
 * a theme font (`w:asciiTheme="minorHAnsi"`) is the theme's minor or major Latin font. A symbol
 * font set anywhere on the way draws the run's text as well as one on the run itself. And the
 * run properties of its character style alone (see {@link characterStyleLevels}).
 */
export class RunFontReader {
  private readonly styles: StyleSheet;
  /** The theme's Latin fonts: `major` (headings), `minor` (body). */
  private readonly theme: { major?: string; minor?: string };
  /** Paragraph style and character style → the fonts they give, before the run's own. */
  private readonly cache = new Map<string, RunFonts>();
  /** Character style → its run properties that count (see {@link characterStyleLevels}). */
  private readonly characterLevels = new Map<string, XmlElement[]>();

  /** `theme`: the document's theme part, if it has one. */
  constructor(styles: StyleSheet, theme: XmlElement | undefined) {
    this.styles = styles;
    const latin = (name: string) => child(theme ? descendants(theme, name)[0] : undefined, 'a:latin')?.attributes.typeface || undefined;
    this.theme = { major: latin('a:majorFont'), minor: latin('a:minorFont') };
  }

  /** The fonts of a run with properties `properties` (`w:rPr`) in a paragraph of style `paragraphStyle` ('' for none). */
  fontsOf(paragraphStyle: string, properties: XmlElement | undefined): RunFonts {
    const characterStyle = child(properties, 'w:rStyle')?.attributes['w:val'] ?? '';
    const key = `${paragraphStyle}\u0000${characterStyle}`;
    let inherited = this.cache.get(key);
    if (!inherited) {
      const { styles } = this;
      const levels = [styles.defaultFonts, ...[...styles.chain(paragraphStyle || styles.defaultParagraph), ...styles.chain(characterStyle)].map((level) => child(level.run, 'w:rFonts'))];
      inherited = levels.reduce<RunFonts>((fonts, level) => this.over(fonts, level), { ascii: undefined, other: undefined });
      this.cache.set(key, inherited);
    }
    return this.over(inherited, child(properties, 'w:rFonts'));
  }

  /**
   * The run properties (`w:rPr`) the character style of a run with properties `properties` sets,
   * its bases' first: what the run's own properties do not set, they do (Word's *Strong* is bold,
   * LibreOffice's *Emphasis* italic). The paragraph style's are not among them: a heading's or a
   * question's bold is the layout's, not the text's. Nor are those of the character styles the
   * compiler gives links and footnote references, whose look the layout (a reference DOCX) sets.
   */
  characterStyleLevels(properties: XmlElement | undefined): XmlElement[] {
    const characterStyle = child(properties, 'w:rStyle')?.attributes['w:val'] ?? '';
    // Asked for every run of the document (twice for a run whose formatting was changed): worked out once per style.
    let levels = this.characterLevels.get(characterStyle);
    if (!levels) {
      levels = this.styles.chain(characterStyle).flatMap((level) => (level.run && !isLayoutCharacterStyle(level.id) ? [level.run] : []));
      this.characterLevels.set(characterStyle, levels);
    }
    return levels;
  }

  /** `fonts` with what `rFonts` sets put over them: a theme font before a named one, as Word reads them. */
  private over(fonts: RunFonts, rFonts: XmlElement | undefined): RunFonts {
    if (!rFonts) return fonts;
    const slot = (name: string) => this.themeFont(rFonts.attributes[`w:${name}Theme`]) ?? rFonts.attributes[`w:${name}`];
    return { ascii: slot('ascii') ?? fonts.ascii, other: slot('hAnsi') ?? fonts.other };
  }

  /** The font a theme font name stands for (`minorHAnsi` → the theme's minor Latin font), if the theme gives one. */
  private themeFont(name: string | undefined): string | undefined {
    const latin = /^(major|minor)(?:Ascii|HAnsi)$/.exec(name ?? '')?.[1];
    return latin === 'major' ? this.theme.major : latin === 'minor' ? this.theme.minor : undefined;
  }
}

/** The theme part `relationships` (the document's `.rels`) names, as a path in the zip, if they name one. */
export function themePartName(relationships: XmlElement | undefined): string | undefined {
  const target = (relationships ? descendants(relationships, 'Relationship') : []).find((node) => node.attributes.Type?.endsWith('/theme'))?.attributes.Target;
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : `word/${target}`;
}
