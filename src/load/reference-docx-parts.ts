import { notAZip } from '../util/not-a-zip.js';
import { fflate } from '../util/on-first-use.js';
import { unzipWithin, type Unzipped } from '../util/unzip.js';
import { referenceTextFace, styleDefinitions } from './reference-text-face.js';
import { Style, type ReferenceDocx, type ReferencePage } from '../model/reference-docx.js';
import { RESAVE, partText, attributes, wordPrefixed, notWordPrefixed, declaresType, typeDeclared, notWellFormed } from './reference-xml.js';
import { unusedParts, bodyPictures, sectionsOf, partReferences, relationshipTargets } from './reference-relationships.js';
import { numberingElements, moveNumberingIds, notParagraphStyles, styleTabs, styleIdsIn, ourStyleIds, withStyleIds } from './reference-styles.js';
import { referencePart, shownProperties } from './reference-letterhead.js';

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
  const { files, tooLarge, twice } = unzipped;
  // No hint of their own had them told to save the file "not as a Word 97–2003 document", which it is not.
  if (tooLarge?.together) return { unreadable: `its parts would unpack to more than ${MAX_TOTAL_BYTES / 2 ** 20} MB together (up to ${tooLarge.name}), which no reference needs`, hint: RESAVE };
  if (tooLarge) return { unreadable: `its ${tooLarge.name} would unpack to more than ${MAX_PART_BYTES / 2 ** 20} MB, which no Word document's part needs`, hint: RESAVE };
  // Word shows one of the two and the reports would take the other (the last): the styles seen in Word are not guessed.
  if (twice !== undefined) return { unreadable: `its ${twice} is in the zip twice (a package holds one part of a name), so which of the two Word shows cannot be told`, hint: RESAVE };
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
