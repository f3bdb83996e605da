/** A reference DOCX's styles and numbering made ready to sit beside ours: numbering ids moved, style ids renamed, the styles a report needs and their tabs. */

import { styleChain } from './reference-text-face.js';
import { CharacterStyle, OptionalStyle, SAVED_AS, Style, WRITER_STYLE_IDS, type ReferenceDocx } from '../model/reference-docx.js';
import { attributes } from './reference-xml.js';

/**
 * Added to the reference's numbering ids (`w:numId`, `w:abstractNumId`) so they cannot meet
 * the ones the compiler gives its own lists, which count from 1.
 */
export const NUMBERING_OFFSET = 1000;

/**
 * The `w:abstractNum` and `w:num` elements of a numbering part, ids moved and foreign attributes
 * dropped. So is a level's picture bullet (`w:lvlPicBulletId`, in a definition or in a list's
 * override of a level): the pictures (`w:numPicBullet`, and their images) are not taken, and a
 * level would name one the report does not have; the level's text, the character Word keeps for
 * the picture, is its bullet instead.
 */
export function numberingElements(numbering: string): ReferenceDocx['numbering'] {
  const clean = (element: string) =>
    moveNumberingIds(element.replace(/<w:lvlPicBulletId\b[^>]*\/>/g, '').replace(/^(<w:[A-Za-z]+)((?:\s+[^>]*?)?)(\/?>)/, (_, open: string, attrs: string, close: string) => `${open}${onlyWordAttributes(attrs)}${close}`));
  return {
    abstract: (numbering.match(/<w:abstractNum\b[\s\S]*?<\/w:abstractNum>/g) ?? []).map(clean),
    instances: (numbering.match(/<w:num[\s>][\s\S]*?<\/w:num>/g) ?? []).map(clean),
  };
}

/** Keeps the `w:` attributes of a start tag: others (w15:, w16cid:) need namespaces our parts may not declare. */
function onlyWordAttributes(attrs: string): string {
  return [...attrs.matchAll(/\s+(w:[A-Za-z]+)="([^"]*)"/g)].map((m) => ` ${m[1]}="${m[2]}"`).join('');
}

/** Adds {@link NUMBERING_OFFSET} to every numbering id an XML text mentions; `w:numId` 0 ("no numbering") stays. */
export function moveNumberingIds(xml: string): string {
  const move = (value: string) => String(Number(value) + NUMBERING_OFFSET);
  return xml
    .replace(/(<w:numId\s+w:val=")(\d+)"/g, (_, start: string, id: string) => `${start}${id === '0' ? id : move(id)}"`)
    .replace(/(<w:abstractNumId\s+w:val=")(\d+)"/g, (_, start: string, id: string) => `${start}${move(id)}"`)
    .replace(/(\sw:(?:abstractNumId|numId)=")(\d+)"/g, (_, start: string, id: string) => `${start}${move(id)}"`);
}

/** The style ids the compiler gives paragraphs and runs, which a reference DOCX should define. */
const WANTED_IDS: string[] = [...Object.values(Style), ...Object.values(OptionalStyle), ...Object.values(CharacterStyle)];
/** The ids a reference's style takes when its id is another but its name one of these (see `ourStyleIds`). */
const RENAMED_IDS: readonly string[] = [...WANTED_IDS, ...WRITER_STYLE_IDS];

/** Our paragraph styles that `styles` defines as another type (see `ReferenceDocx.notParagraphStyles`). */
export function notParagraphStyles(styles: string): { id: string; type: string }[] {
  const paragraphIds: string[] = [...Object.values(Style), ...Object.values(OptionalStyle)];
  return [...styles.matchAll(/<w:style\b[^>]*>/g)].flatMap((m) => {
    const values = attributes(m[0]);
    const id = values.get('w:styleId') ?? '';
    const type = values.get('w:type') ?? 'paragraph';
    return paragraphIds.includes(id) && type !== 'paragraph' ? [{ id, type }] : [];
  });
}

/**
 * The positions of the tab stops the paragraph style `id` sets, with those of the styles it is based
 * on (a stop a style clears is not one), in twips.
 */
export function styleTabs(definitions: ReadonlyMap<string, string>, id: string): number[] {
  const positions = new Set<number>();
  for (const style of styleChain(definitions, id)) {
    for (const tab of style.match(/<w:tab\b[^>]*\/>/g) ?? []) {
      const values = attributes(tab);
      const position = Number.parseInt(values.get('w:pos') ?? '', 10);
      if (Number.isFinite(position) && values.get('w:val') !== 'clear') positions.add(position);
    }
  }
  return [...positions].sort((a, b) => a - b);
}

/** The style ids a styles part defines (`w:styleId`), in its order. */
export function styleIdsIn(styles: string): string[] {
  return [...styles.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/**
 * The styles with our ids where a program that saved the reference changed them, by the id it
 * wrote: LibreOffice writes `BriefingSubitem` for `BriefingSubItem`, `Footnote` (named "Footnote
 * Text") for `FootnoteText`, `InternetLink` for `Hyperlink`; Word in another language its own ids
 * for built-in styles (Latvian `Galvene`, named "header", for `Header`; `Virsraksts1` for the
 * `Heading1` every report has, {@link WRITER_STYLE_IDS}). A style is taken as ours by its id in
 * another case, by its name (spaces aside), or by the names LibreOffice gives, unless the reference
 * has our id as well.
 */
export function ourStyleIds(styles: string): Map<string, string> {
  const present = styleIdsIn(styles);
  const names = new Map([...styles.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>(?:(?!<\/w:style>)[\s\S])*?<w:name w:val="([^"]*)"/g)].map((m) => [m[1] ?? '', (m[2] ?? '').replace(/\s+/g, '').toLowerCase()]));
  const renames = new Map<string, string>();
  for (const id of present) {
    if (RENAMED_IDS.includes(id)) continue;
    const key = id.toLowerCase();
    const target = RENAMED_IDS.find((wanted) => wanted.toLowerCase() === key || wanted.toLowerCase() === names.get(id)) ?? SAVED_AS[key];
    if (target && !present.includes(target) && ![...renames.values()].includes(target)) renames.set(id, target);
  }
  return renames;
}

/**
 * A part's text with the style ids `renames` gives written as ours wherever it names a style: the
 * styles themselves, and the paragraphs, runs and list levels of the styles, numbering, header and
 * footer that refer to them (a letterhead naming `Galvene` would otherwise name no style at all).
 */
export function withStyleIds(xml: string, renames: ReadonlyMap<string, string>): string {
  if (!renames.size) return xml;
  return xml.replace(/(w:styleId="|<w:(?:basedOn|next|link|pStyle|rStyle) w:val=")([^"]+)"/g, (whole, start: string, id: string) => {
    const ours = renames.get(id);
    return ours ? `${start}${ours}"` : whole;
  });
}
