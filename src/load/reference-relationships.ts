/** Which parts of a reference DOCX its document uses and how they are linked: sections, header and footer references, relationships, content types, parts that print something but are not taken. */

import { posix } from 'node:path';
import { fflate } from '../util/on-first-use.js';
import { attributes } from './reference-xml.js';

/**
 * The headers and footers that print something but are not taken: a build takes only the last
 * section's first page's, and only when that section has a distinct first page. A ministry's name
 * put in Word's ordinary header, or a letterhead in a section of its own before a section break,
 * would otherwise vanish from every report without a word.
 */
export function unusedParts(files: Record<string, Uint8Array>, targets: ReadonlyMap<string, string>, sections: readonly string[], firstPage: boolean): string[] {
  const references = partReferences(sections);
  const described = (reference: PartReference, pages: string) => {
    const target = targets.get(reference.id);
    const data = target === undefined ? undefined : files[`word/${target}`];
    return target === undefined || data === undefined || !printsSomething(fflate().strFromU8(data)) ? [] : [`the ${reference.kind} of ${pages} (word/${target})`];
  };
  return [
    ...references.flatMap((reference) => {
      const { type } = reference;
      if (type === 'first' && firstPage) return [];
      return described(reference, type === 'even' ? 'even pages' : type === 'first' ? 'the first page (the section has no distinct first page)' : firstPage ? 'the pages after the first' : 'every page');
    }),
    ...earlierReferences(sections, references).flatMap((reference) => described(reference, 'an earlier section')),
  ];
}

/**
 * The document's body when it holds a picture, a text box or an object, which a build does not take
 * (its text is a sample): a ministry's logo put at the top of the template's first page, rather
 * than in its header, would otherwise vanish from every report without a word.
 */
export function bodyPictures(document: string): string[] {
  return /<w:(?:drawing|pict|object)\b/.test(document) ? ['the body of the document, a picture or text box (word/document.xml)'] : [];
}

/**
 * True when a header or footer shows text or a picture besides fields: a page number is ours to
 * print, and LibreOffice writes the number it last showed into the field.
 */
function printsSomething(xml: string): boolean {
  const withoutFields = xml
    .replace(/<w:fldChar\b[^>]*w:fldCharType="begin"[\s\S]*?w:fldCharType="end"[^>]*>/g, '')
    .replace(/<w:fldSimple\b[\s\S]*?<\/w:fldSimple>/g, '');
  return /<w:t(?:\s[^>]*)?>[^<]*\S[^<]*<\/w:t>|<w:(?:drawing|pict|object)\b/.test(withoutFields);
}

/**
 * The document's sections' properties (`w:sectPr`), in order: those a section break puts in a
 * paragraph, then the final one, which is the last section's. What a tracked change of them
 * (`w:sectPrChange`) says they were before is left out: a different first page turned off with
 * track changes on is off.
 */
export function sectionsOf(document: string): string[] {
  const current = document.replace(/<w:sectPrChange\b[\s\S]*?<\/w:sectPrChange>/g, '');
  return current.match(/<w:sectPr\b(?:[^>]*\/>|[\s\S]*?<\/w:sectPr>)/g) ?? [];
}

/** A header or footer a section prints on some of its pages: `type` `default`, `first` or `even`; `id` its relationship. */
export interface PartReference {
  kind: 'header' | 'footer';
  type: string;
  id: string;
}

/**
 * The headers and footers of the last section: its own, and for each kind and type it names none
 * of, the nearest earlier section's, as Word links a section's header to the one before it (Word's
 * "Link to Previous", on for every new section, writes no reference). A template whose letterhead
 * lies in its first section, before a section break, still has it.
 */
export function partReferences(sections: readonly string[]): PartReference[] {
  const found = new Map<string, PartReference>();
  for (const reference of [...sections].reverse().flatMap(referencesIn)) {
    const key = `${reference.kind} ${reference.type}`;
    if (!found.has(key)) found.set(key, reference);
  }
  return [...found.values()];
}

/**
 * The headers and footers of the sections before the last that the last does not use (their own,
 * not linked to): one of them may hold a letterhead, as a program that sets the first page in a
 * section of its own writes it.
 */
function earlierReferences(sections: readonly string[], used: readonly PartReference[]): PartReference[] {
  const seen = new Set(used.map((reference) => reference.id));
  const earlier: PartReference[] = [];
  for (const reference of sections.slice(0, -1).flatMap(referencesIn)) {
    if (seen.has(reference.id)) continue;
    seen.add(reference.id);
    earlier.push(reference);
  }
  return earlier;
}

/** The header and footer references a section's properties name, in their order. */
function referencesIn(section: string): PartReference[] {
  return [...section.matchAll(/<w:(header|footer)Reference\b[^>]*>/g)].map((m) => {
    const values = attributes(m[0]);
    return { kind: m[1] === 'footer' ? 'footer' : 'header', type: values.get('w:type') ?? 'default', id: values.get('r:id') ?? '' };
  });
}

/**
 * The content type a package's `[Content_Types].xml` gives the part `name` (`word/media/logo.png`):
 * its own (an Override), or that of its extension (a Default); both compared without case, as OPC
 * names are. An embedded object (`oleObject1.bin`) is no picture, and Word reads it by this type.
 */
export function declaredType(types: string, name: string): string | undefined {
  const tags = (element: string) => (types.match(new RegExp(`<${element}\\b[^>]*>`, 'g')) ?? []).map(attributes);
  const own = tags('Override').find((values) => values.get('PartName')?.toLowerCase() === `/${name}`.toLowerCase());
  const extension = name.split('.').pop()?.toLowerCase();
  return (own ?? tags('Default').find((values) => values.get('Extension')?.toLowerCase() === extension))?.get('ContentType');
}

/**
 * The zip entry a relationship of a part in `word/` names: its target is relative to `word/`
 * (`media/logo.png`, `../customXml/item1.xml`) or, written with a leading slash, to the package's
 * root (`/word/media/logo.png`, as some programs write it).
 */
export function partPath(target: string): string {
  return posix.normalize(target.startsWith('/') ? target.slice(1) : posix.join('word', target));
}

/** The zip entry of a part's own relationships: `word/charts/chart1.xml` → `word/charts/_rels/chart1.xml.rels`. */
export function relationshipsPath(name: string): string {
  return posix.join(posix.dirname(name), '_rels', `${posix.basename(name)}.rels`);
}

/** Relationship id → target, from a `.rels` file. */
export function relationshipTargets(rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const values = attributes(tag);
    const id = values.get('Id');
    const target = values.get('Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.replace(/^\/word\//, ''));
  }
  return targets;
}
