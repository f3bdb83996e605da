import { Style, type ReferenceTextFace } from '../model/reference-docx.js';

/**
 * The font and size (half-points) the text of a reference's paragraph style is set in: from its
 * own run properties or those of the styles it is based on, else from the document defaults, as
 * Word resolves them. A theme font (`w:asciiTheme`) is the theme's typeface; a font or size found
 * nowhere is left undefined, and the layout's is used.
 * `definitions`: the styles by id, when the caller has mapped them already.
 */
export function referenceTextFace(
  styles: string,
  id: string,
  theme: string | undefined,
  definitions: ReadonlyMap<string, string> = styleDefinitions(styles),
): ReferenceTextFace {
  // A style of ours the reference lacks is added as built in, based on Normal; without Normal either, ours sets the layout's font.
  const start = definitions.has(id) ? id : definitions.has(Style.body) ? Style.body : undefined;
  if (start === undefined) return { font: undefined, halfPoints: undefined };
  const runs = [...styleChain(definitions, start).map(ownRunProperties), /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)?.[0] ?? ''];
  const fonts = runs.map((run) => fontOf(run, theme));
  const font = fonts.find((found) => found !== null) ?? undefined;
  const halfPoints = runs.map(sizeOf).find((size) => size !== undefined);
  return { font, halfPoints };
}

/** Each style's definition (its whole `w:style` element) by its id. */
export function styleDefinitions(styles: string): Map<string, string> {
  return new Map([...styles.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/w:style>)/g)].map((m) => [m[1] ?? '', m[0]]));
}

/** A style's definition and those of the styles it is based on, nearest first (a loop is cut). */
export function styleChain(definitions: ReadonlyMap<string, string>, id: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = /<w:basedOn w:val="([^"]+)"/.exec(definitions.get(at) ?? '')?.[1]) {
    seen.add(at);
    const style = definitions.get(at);
    if (style !== undefined) chain.push(style);
  }
  return chain;
}

/** A style's run properties, not those of its paragraph mark (`w:pPr`'s own `w:rPr`). */
function ownRunProperties(style: string): string {
  return /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(style.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ''))?.[0] ?? '';
}

/**
 * The font run properties name for Latin text: a typeface (`w:ascii`), or a theme's (`w:asciiTheme`,
 * undefined where the theme gives none); null where they name neither, so a style further up decides.
 */
function fontOf(run: string, theme: string | undefined): string | undefined | null {
  const tag = /<w:rFonts\b[^>]*>/.exec(run)?.[0] ?? '';
  const themed = /\sw:asciiTheme="(major|minor)[^"]*"/.exec(tag)?.[1];
  if (themed !== undefined) return new RegExp(`<a:${themed}Font>\\s*<a:latin typeface="([^"]+)"`).exec(theme ?? '')?.[1];
  return /\sw:ascii="([^"]+)"/.exec(tag)?.[1] ?? null;
}

/** The size run properties set (`w:sz`), in half-points. */
function sizeOf(run: string): number | undefined {
  const value = /<w:sz w:val="(\d+)"/.exec(run)?.[1];
  return value === undefined ? undefined : Number(value);
}
