import { posix } from 'node:path';
import { notAZip } from '../util/not-a-zip.js';
import { fflate, saxes } from '../util/on-first-use.js';
import { unzipWithin, type Unzipped } from '../util/unzip.js';
import { referenceTextFace, styleChain, styleDefinitions } from './reference-text-face.js';
import { CharacterStyle, OptionalStyle, SAVED_AS, Style, WRITER_STYLE_IDS, type ReferenceDocx, type ReferencePage, type ReferencePart } from '../model/reference-docx.js';

/**
 * Added to the reference's numbering ids (`w:numId`, `w:abstractNumId`) so they cannot meet
 * the ones the compiler gives its own lists, which count from 1.
 */
export const NUMBERING_OFFSET = 1000;

/** What to do about a reference damaged inside (a part that is not XML): saving it is no matter of .doc or .docx. */
const RESAVE = 'Open it in Word, which repairs what it can, and save it again; or start again from `briefing reference-docx`.';
/** What to do about a letterhead whose picture is not in the file. */
const RESAVE_PICTURE = 'Open it in Word, put the picture into the first page’s header again (Insert → Pictures), and save it.';

/** What to do about a chart or a diagram in a letterhead. */
const AS_PICTURE = 'Open it in Word, replace that object in the first page’s header with a picture of it (copy it, then Home → Paste → Paste Special → Picture), and save it.';

/** What to do about a letterhead with tracked changes. */
const ACCEPT_CHANGES = 'Open it in Word, accept or reject the changes (Review → Accept → Accept All Changes; LibreOffice: Edit → Track Changes → Manage → Accept All), and save it again.';

/** What to do about a letterhead that shows a picture or object from an address outside the file. */
const EMBED_PICTURE = 'Open it in Word, insert the picture into the first page’s header from a file (Insert → Pictures → This Device, then Insert, not Link to File), and save it.';

/** The most one part of a reference DOCX may unpack to, and all its parts together (pictures too). */
const MAX_PART_BYTES = 64 * 2 ** 20;
const MAX_TOTAL_BYTES = 256 * 2 ** 20;

/** Reads a reference DOCX; a reason instead when the bytes are not a Word document. */
export function readReferenceDocx(bytes: Uint8Array): ReferenceDocx | { unreadable: string; hint?: string } {
  let unzipped: Unzipped;
  try {
    unzipped = unzipWithin(bytes, { part: MAX_PART_BYTES, together: MAX_TOTAL_BYTES });
  } catch {
    const instead = notAZip(bytes);
    return { unreadable: instead.what, hint: instead.hint ?? 'Open it in Word or LibreOffice and save it as a Word document (.docx).' };
  }
  const { files, tooLarge } = unzipped;
  if (tooLarge?.together) return { unreadable: `its parts would unpack to more than ${MAX_TOTAL_BYTES / 2 ** 20} MB together (up to ${tooLarge.name}), which no reference needs` };
  if (tooLarge) return { unreadable: `its ${tooLarge.name} would unpack to more than ${MAX_PART_BYTES / 2 ** 20} MB, which no Word document's part needs` };
  const part = (name: string) => (files[name] ? partText(files[name]) : undefined);
  const styles = part('word/styles.xml');
  if (styles === undefined) return openDocument(files['mimetype']) ?? { unreadable: 'it has no word/styles.xml, so it is not a Word document' };
  // Its parts go into every report: one that is not well-formed XML would make each build fail on it.
  for (const name of ['word/styles.xml', 'word/numbering.xml', 'word/theme/theme1.xml']) {
    const text = part(name);
    if (text !== undefined && declaresType(text)) return typeDeclared(name);
    const problem = text === undefined ? undefined : notWellFormed(text);
    if (problem) return { unreadable: `its ${name} is not well-formed XML (${problem})`, hint: RESAVE };
    if (name === 'word/theme/theme1.xml') continue;
    if (text !== undefined && !wordPrefixed(text)) return notWordPrefixed(name);
  }
  const document = part('word/document.xml') ?? '';
  const sections = sectionsOf(document);
  const section = sections.at(-1);
  // The document's relationships name its headers and footers, the ones taken and the ones not.
  const targets = relationshipTargets(part('word/_rels/document.xml.rels') ?? '');
  const references = partReferences(sections);
  const firstPage = section !== undefined && /<w:titlePg(?:\s*\/>|\s+w:val="(?:1|true|on)")/.test(section);
  // Word in another language writes its own ids for built-in styles (Latvian `Galvene` for Header): renamed to ours in every part taken, so the letterhead keeps its style.
  const renames = ourStyleIds(styles);
  const firstPart = (kind: 'header' | 'footer') =>
    firstPage ? referencePart(files, targets, references, kind, renames, part('[Content_Types].xml') ?? '') : undefined;
  const firstHeader = firstPart('header');
  const firstFooter = firstPart('footer');
  for (const found of [firstHeader, firstFooter]) if (found && 'unreadable' in found) return found;
  const ours = withStyleIds(styles, renames);
  const definitions = styleDefinitions(ours);
  const letterhead = [firstHeader, firstFooter].flatMap((found) => (found && !('unreadable' in found) ? [found.xml] : []));
  const custom = part('docProps/custom.xml') ?? '';
  const properties = shownProperties(custom, letterhead);
  // The properties the letterhead shows go into every report's own docProps/custom.xml: read from a part that is not well-formed XML, they would break each report.
  if (properties.length && declaresType(custom)) return typeDeclared('docProps/custom.xml');
  const customProblem = properties.length ? notWellFormed(custom) : undefined;
  if (customProblem) return { unreadable: `its docProps/custom.xml is not well-formed XML (${customProblem})`, hint: RESAVE };
  return {
    styles: moveNumberingIds(ours),
    styleIds: styleIdsIn(ours),
    notParagraphStyles: notParagraphStyles(ours),
    headerTabs: styleTabs(definitions, Style.header),
    tableText: referenceTextFace(ours, Style.tableText, part('word/theme/theme1.xml'), definitions),
    numbering: numberingElements(withStyleIds(part('word/numbering.xml') ?? '', renames)),
    theme: part('word/theme/theme1.xml'),
    page: section === undefined ? undefined : pageSetup(section, part('word/settings.xml') ?? ''),
    firstHeader: firstHeader && !('unreadable' in firstHeader) ? firstHeader : undefined,
    firstFooter: firstFooter && !('unreadable' in firstFooter) ? firstFooter : undefined,
    unusedParts: [...bodyPictures(document), ...unusedParts(files, targets, sections, firstPage)],
    properties,
  };
}

/**
 * What a zip that is an OpenDocument file (LibreOffice's own .odt, or its template, .ott) is, by the
 * `mimetype` entry it begins with, and how to save it as Word's: a ministry working in LibreOffice
 * keeps its template so, and "not a Word document" alone does not say which Save As makes one.
 */
function openDocument(mimetype: Uint8Array | undefined): { unreadable: string; hint: string } | undefined {
  const type = mimetype === undefined ? '' : fflate().strFromU8(mimetype).trim();
  if (!type.startsWith('application/vnd.oasis.opendocument.')) return undefined;
  const what = type.endsWith('.text') ? 'an OpenDocument text (.odt)' : type.endsWith('.text-template') ? 'an OpenDocument template (.ott)' : `an OpenDocument file (${type})`;
  return { unreadable: `it is ${what}, LibreOffice's own format, not a Word document`, hint: 'Open it in LibreOffice and save a copy as Word: File → Save As, file type “Word 2007–365 (.docx)”, Keep Current Format; name that copy in `reference_docx`.' };
}

/**
 * A part's text, its namespaces Transitional. Word's "Strict Open XML Document" names the same
 * elements and relationship types under `http://purl.oclc.org/ooxml/<area>/…` where Transitional,
 * which the rest of a report is written in, has `http://schemas.openxmlformats.org/<area>/2006/…`
 * (`wordprocessingml/main`, `officeDocument/relationships/image`, `drawingml/main` …). Copied as
 * they are, a report would mix the two: a logo's Strict relationship type is none Word looks for in
 * a Transitional package.
 */
function partText(data: Uint8Array): string {
  return fflate().strFromU8(data).replace(/http:\/\/purl\.oclc\.org\/ooxml\/([A-Za-z]+)\//g, 'http://schemas.openxmlformats.org/$1/2006/');
}

/**
 * The headers and footers that print something but are not taken: a build takes only the last
 * section's first page's, and only when that section has a distinct first page. A ministry's name
 * put in Word's ordinary header, or a letterhead in a section of its own before a section break,
 * would otherwise vanish from every report without a word.
 */
function unusedParts(files: Record<string, Uint8Array>, targets: ReadonlyMap<string, string>, sections: readonly string[], firstPage: boolean): string[] {
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
function bodyPictures(document: string): string[] {
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
function sectionsOf(document: string): string[] {
  const current = document.replace(/<w:sectPrChange\b[\s\S]*?<\/w:sectPrChange>/g, '');
  return current.match(/<w:sectPr\b(?:[^>]*\/>|[\s\S]*?<\/w:sectPr>)/g) ?? [];
}

/** A header or footer a section prints on some of its pages: `type` `default`, `first` or `even`; `id` its relationship. */
interface PartReference {
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
function partReferences(sections: readonly string[]): PartReference[] {
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
 * The page size and margins of a section. Its gutter (the room left for binding, `w:gutter`) goes
 * into the margin it widens, the left one, or the top one when the settings say so
 * (`w:gutterAtTop`): the report's margins have no gutter of their own, and without it the text
 * would take the room the ministry keeps for binding. Mirrored margins (`w:mirrorMargins`, a page
 * set for two-sided printing, whose gutter is inside) are said so.
 */
function pageSetup(section: string, settings: string): ReferencePage | undefined {
  const size = attributes(/<w:pgSz\b[^>]*>/.exec(section)?.[0] ?? '');
  const margin = attributes(/<w:pgMar\b[^>]*>/.exec(section)?.[0] ?? '');
  const twips = (values: Map<string, string>, name: string) => Math.abs(Number.parseInt(values.get(name) ?? '', 10));
  const width = twips(size, 'w:w');
  const height = twips(size, 'w:h');
  const margins = {
    left: twips(margin, 'w:left'),
    right: twips(margin, 'w:right'),
    top: twips(margin, 'w:top'),
    bottom: twips(margin, 'w:bottom'),
    header: twips(margin, 'w:header'),
    footer: twips(margin, 'w:footer'),
  };
  if (![width, height, ...Object.values(margins)].every(Number.isFinite)) return undefined;
  const gutter = twips(margin, 'w:gutter') || 0;
  const setting = (name: string) => new RegExp(`<w:${name}(?:\\s*\\/>|\\s+w:val="(?:1|true|on)")`).test(settings);
  const page = { width, height, margins: setting('gutterAtTop') ? { ...margins, top: margins.top + gutter } : { ...margins, left: margins.left + gutter } };
  return setting('mirrorMargins') ? { ...page, mirrored: true } : page;
}

function referencePart(
  files: Record<string, Uint8Array>,
  targets: ReadonlyMap<string, string>,
  references: readonly PartReference[],
  kind: 'header' | 'footer',
  renames: ReadonlyMap<string, string>,
  types: string,
): ReferencePart | { unreadable: string; hint: string } | undefined {
  const reference = references.find((found) => found.kind === kind && found.type === 'first');
  const target = targets.get(reference?.id ?? '');
  const data = target === undefined ? undefined : files[`word/${target}`];
  if (target === undefined || data === undefined) return undefined;
  const relsData = files[`word/_rels/${target}.rels`];
  const media: Record<string, Uint8Array> = {};
  const mediaTypes: Record<string, string> = {};
  let rels = relsData === undefined ? undefined : partText(relsData);
  const xml = withoutComments(partText(data));
  for (const [name, text] of [[`word/${target}`, xml], [`word/_rels/${target}.rels`, rels]] as const) {
    if (text === undefined) continue;
    if (declaresType(text)) return typeDeclared(name);
    // Copied as it is: a part that is not XML would make every report one Word calls damaged and LibreOffice does not open.
    const problem = notWellFormed(text);
    if (problem) return { unreadable: `its ${name} is not well-formed XML (${problem})`, hint: RESAVE };
  }
  if (!wordPrefixed(xml)) return notWordPrefixed(`word/${target}`);
  const revision = /<w:(?:ins|del|moveFrom|moveTo|[a-zA-Z]+Change|cellIns|cellDel|cellMerge)\b[^>]*>/.exec(xml)?.[0];
  if (revision !== undefined) {
    const author = attributes(revision).get('w:author');
    const by = author ? ` (by ${author})` : '';
    return { unreadable: `its first-page ${kind} (word/${target}) has tracked changes${by}, which every report would show as changes in its letterhead`, hint: ACCEPT_CHANGES };
  }
  const reaching = fieldTypes(xml).find((type) => REACHING_FIELDS.has(type));
  if (reaching !== undefined)
    return {
      unreadable: `its first-page ${kind} (word/${target}) has ${/^[AEIOU]/.test(reaching) ? 'an' : 'a'} ${reaching} field, which fetches from outside the file or asks another program, and Word would do so in every report as it updates the field`,
      hint: `Open it in Word, delete the field from the first page’s ${kind} (a picture: insert it from a file; a text: type it), and save it.`,
    };
  // A Packager object is a file of any kind (a program too) wrapped to be opened with a double click: every report would carry it.
  const packaged = [...xml.matchAll(/<o:OLEObject\b[^>]*>/g)].map((m) => attributes(m[0]).get('ProgID') ?? '').find((id) => /^Package/i.test(id));
  if (packaged !== undefined)
    return {
      unreadable: `its first-page ${kind} (word/${target}) holds a file embedded as a Packager object (ProgID ${packaged}), which every report would carry and a reader could open, or run, with a double click`,
      hint: `Open it in Word, delete that object from the first page’s ${kind} (put a picture in its place if one is needed), and save it.`,
    };
  // A picture (a logo) the part names must be in the file: copied without it, Word finds the report damaged.
  const defined = relationshipTargets(rels ?? '');
  const missing = [...xml.matchAll(/\br:(?:embed|id|link|pict)="([^"]+)"/g)].map((m) => m[1] ?? '').find((id) => !defined.has(id));
  if (missing !== undefined) return { unreadable: `its first-page ${kind} (word/${target}) uses a picture or link ${missing} that the file does not have`, hint: RESAVE_PICTURE };
  let gone: string | undefined;
  let nested: string | undefined;
  let outside: { what: string; address: string } | undefined;
  if (rels !== undefined) {
    rels = rels.replace(/<Relationship\b[^>]*>/g, (tag) => {
      const values = attributes(tag);
      const linked = values.get('Target');
      if (linked === undefined) return tag;
      if (values.get('TargetMode') === 'External') {
        // A hyperlink is followed when clicked; a picture or object linked by address is fetched as the report opens.
        const type = values.get('Type')?.split('/').pop() ?? '';
        if (type !== 'hyperlink') outside ??= { what: type === 'image' ? 'a picture' : 'an object', address: linked };
        return tag;
      }
      const bytes = files[partPath(linked)];
      if (bytes === undefined) {
        gone ??= partPath(linked);
        return tag;
      }
      if (files[relationshipsPath(partPath(linked))] !== undefined) nested ??= partPath(linked);
      const renamed = `media/reference-${kind}-${linked.split('/').pop() ?? 'part'}`;
      media[`word/${renamed}`] = bytes;
      const type = declaredType(types, partPath(linked));
      if (type !== undefined) mediaTypes[`word/${renamed}`] = type;
      return tag.replace(`Target="${linked}"`, `Target="${renamed}"`);
    });
  }
  if (outside !== undefined)
    return {
      unreadable: `its first-page ${kind} (word/${target}) shows ${outside.what} from outside the file, ${outside.address}, which Word and LibreOffice would fetch from there whenever a report is opened`,
      hint: EMBED_PICTURE,
    };
  if (gone !== undefined) return { unreadable: `its first-page ${kind} (word/${target}) uses ${gone}, which the file does not have`, hint: RESAVE_PICTURE };
  // Such a part (a chart, a diagram) is copied alone, its own relationships not: they would name parts the report does not have.
  if (nested !== undefined) return { unreadable: `its first-page ${kind} (word/${target}) holds ${nested}, which has parts of its own (a chart or a diagram) that a report does not take`, hint: AS_PICTURE };
  return { xml: withStyleIds(xml, renames), rels, media, mediaTypes };
}

/**
 * The reference's custom document properties (`docProps/custom.xml`) that a field of its letterhead
 * shows (`DOCPROPERTY Numurs`): a report has none of the template's own, and Word, which updates a
 * header's fields as it lays the page out, would print an error in their place. Each as its
 * `property` element's name (as written in the XML) and its value element (`<vt:lpwstr>…`).
 */
function shownProperties(custom: string, parts: readonly string[]): ReferenceDocx['properties'] {
  const instructions = parts.map((xml) => [...xml.matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>|\bw:instr="([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '').join('')).join(' ');
  const named = new Set([...instructions.replaceAll('&quot;', '"').matchAll(/\bDOCPROPERTY\s+(?:"([^"]+)"|([^\s"\\]+))/gi)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase()));
  if (!named.size) return [];
  return [...custom.matchAll(/<property\b([^>]*)>([\s\S]*?)<\/property>/g)].flatMap((m) => {
    const name = attributes(m[1] ?? '').get('name') ?? '';
    return named.has(name.toLowerCase()) ? [{ name, xml: (m[2] ?? '').trim() }] : [];
  });
}

/**
 * A header's or footer's text without the anchors of its comments (`w:commentRangeStart`, `…End`,
 * the run of a `w:commentReference`): the comments are the template's authors' notes, in its own
 * comments part, which a report does not take. Left in, they name comments the report does not
 * have: LibreOffice cannot open such a report at all, and Word finds it damaged.
 */
function withoutComments(xml: string): string {
  return xml
    .replace(/<w:commentRange(?:Start|End)\b[^>]*?(?:\/>|>\s*<\/w:commentRange(?:Start|End)>)/g, '')
    .replace(/<w:r\b[^>]*>(?:(?!<\/w:r>)[\s\S])*?<w:commentReference\b[\s\S]*?<\/w:r>/g, '')
    .replace(/<w:commentReference\b[^>]*\/>/g, '');
}

/**
 * The content type a package's `[Content_Types].xml` gives the part `name` (`word/media/logo.png`):
 * its own (an Override), or that of its extension (a Default); both compared without case, as OPC
 * names are. An embedded object (`oleObject1.bin`) is no picture, and Word reads it by this type.
 */
function declaredType(types: string, name: string): string | undefined {
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
function partPath(target: string): string {
  return posix.normalize(target.startsWith('/') ? target.slice(1) : posix.join('word', target));
}

/** The zip entry of a part's own relationships: `word/charts/chart1.xml` → `word/charts/_rels/chart1.xml.rels`. */
function relationshipsPath(name: string): string {
  return posix.join(posix.dirname(name), '_rels', `${posix.basename(name)}.rels`);
}

/** Relationship id → target, from a `.rels` file. */
function relationshipTargets(rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const values = attributes(tag);
    const id = values.get('Id');
    const target = values.get('Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.replace(/^\/word\//, ''));
  }
  return targets;
}

/**
 * The `w:abstractNum` and `w:num` elements of a numbering part, ids moved and foreign attributes
 * dropped. So is a level's picture bullet (`w:lvlPicBulletId`, in a definition or in a list's
 * override of a level): the pictures (`w:numPicBullet`, and their images) are not taken, and a
 * level would name one the report does not have; the level's text, the character Word keeps for
 * the picture, is its bullet instead.
 */
function numberingElements(numbering: string): ReferenceDocx['numbering'] {
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
function moveNumberingIds(xml: string): string {
  const move = (value: string) => String(Number(value) + NUMBERING_OFFSET);
  return xml
    .replace(/(<w:numId\s+w:val=")(\d+)"/g, (_, start: string, id: string) => `${start}${id === '0' ? id : move(id)}"`)
    .replace(/(<w:abstractNumId\s+w:val=")(\d+)"/g, (_, start: string, id: string) => `${start}${move(id)}"`)
    .replace(/(\sw:(?:abstractNumId|numId)=")(\d+)"/g, (_, start: string, id: string) => `${start}${move(id)}"`);
}

/** The attributes of one start tag, by qualified name. */
function attributes(tag: string): Map<string, string> {
  const values = new Map<string, string>();
  // XML quotes a value with " or ' and allows spaces around "=": xmlns:w='…' is a w: part too.
  for (const [, name, double, single] of tag.matchAll(/\s([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) if (name !== undefined) values.set(name, double ?? single ?? '');
  return values;
}

/** The WordprocessingML namespace, bound to `w` in every part Word writes. */
const WORD_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * True when a part's root element is named with the `w:` prefix, bound on it to WordprocessingML,
 * as Word and LibreOffice write every part: the parts taken are copied as text beside ours, which
 * name their elements `w:…`, and a reference's styles, numbering or letterhead under another prefix
 * (or none, its namespace the default) would not be read as Word's.
 */
function wordPrefixed(xml: string): boolean {
  const root = /<(?![?!])([^\s/>]+)[^>]*>/.exec(xml);
  return root !== null && (root[1] ?? '').startsWith('w:') && attributes(root[0]).get('xmlns:w') === WORD_NAMESPACE;
}

/** The reason a part whose elements are not `w:…` cannot be taken, and what to do. */
function notWordPrefixed(name: string): { unreadable: string; hint: string } {
  return { unreadable: `its ${name} names Word's elements with another prefix than w: (or none), as the program that wrote it chose, which briefing does not read`, hint: RESAVE };
}

/**
 * Fields that take their result from outside the document: a picture or text from a file or an address
 * (`INCLUDEPICTURE`, `INCLUDETEXT`, `IMPORT`), an object linked from another file (`LINK`), or data asked of
 * another program, which `DDEAUTO` starts as the document opens (`DDE`, `DDEAUTO`).
 */
const REACHING_FIELDS = new Set(['INCLUDEPICTURE', 'INCLUDETEXT', 'IMPORT', 'LINK', 'DDE', 'DDEAUTO']);

/**
 * The type (the first word, in capitals) of each field in a part: a simple one's `w:instr`, and a complex one's
 * instruction, its `w:instrText` runs from its `begin` to the next field character (a nested field is one too).
 */
function fieldTypes(xml: string): string[] {
  const simple = [...xml.matchAll(/<w:fldSimple\b[^>]*>/g)].map((m) => attributes(m[0]).get('w:instr') ?? '');
  const complex = xml
    .split(/<w:fldChar\b[^>]*\bw:fldCharType="begin"[^>]*>/)
    .slice(1)
    .map((after) => [...(after.split('<w:fldChar')[0] ?? '').matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1] ?? '').join(''));
  return [...simple, ...complex].map((instruction) => (instruction.trim().split(/\s+/)[0] ?? '').toUpperCase());
}

/** True when a part declares a document type (`<!DOCTYPE …>`, with entities perhaps), which no part Word writes does. */
function declaresType(text: string): boolean {
  return /<!DOCTYPE\b/i.test(text);
}

/**
 * The reason a part with a document type declaration cannot be taken: copied into a report, Word,
 * which allows none in a DOCX, finds it damaged, and LibreOffice does not open it (so no PDF).
 */
function typeDeclared(name: string): { unreadable: string; hint: string } {
  return { unreadable: `its ${name} declares a document type (<!DOCTYPE …>), which Word does not allow in a DOCX and LibreOffice refuses to open`, hint: RESAVE };
}

/** Why a part is not well-formed XML, with the line and column; undefined when it is. */
function notWellFormed(text: string): string | undefined {
  const { SaxesParser } = saxes();
  const parser = new SaxesParser();
  try {
    parser.write(text).close();
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const place = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/.exec(message);
    return place ? `line ${place[1]}, column ${place[2]}: ${(place[3] ?? '').replace(/\.$/, '')}` : message;
  }
}

/** The style ids the compiler gives paragraphs and runs, which a reference DOCX should define. */
const WANTED_IDS: string[] = [...Object.values(Style), ...Object.values(OptionalStyle), ...Object.values(CharacterStyle)];
/** The ids a reference's style takes when its id is another but its name one of these (see `ourStyleIds`). */
const RENAMED_IDS: readonly string[] = [...WANTED_IDS, ...WRITER_STYLE_IDS];

/** Our paragraph styles that `styles` defines as another type (see `ReferenceDocx.notParagraphStyles`). */
function notParagraphStyles(styles: string): { id: string; type: string }[] {
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
function styleTabs(definitions: ReadonlyMap<string, string>, id: string): number[] {
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

function styleIdsIn(styles: string): string[] {
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
function ourStyleIds(styles: string): Map<string, string> {
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
function withStyleIds(xml: string, renames: ReadonlyMap<string, string>): string {
  if (!renames.size) return xml;
  return xml.replace(/(w:styleId="|<w:(?:basedOn|next|link|pStyle|rStyle) w:val=")([^"]+)"/g, (whole, start: string, id: string) => {
    const ours = renames.get(id);
    return ours ? `${start}${ours}"` : whole;
  });
}
