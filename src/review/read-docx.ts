import { fflate } from '../util/on-first-use.js';
import { unzipWithin, type Unzipped } from '../util/unzip.js';
import { RunFontReader, themePartName } from './run-fonts.js';
import { StyleSheet } from './styles.js';
import { descendants, elements, MAX_ELEMENT_ATTRIBUTES, MAX_ELEMENT_DEPTH, parseXml, plainText, XmlSyntaxError, XmlTooDeepError, XmlTooLargeError, XmlTooManyAttributesError, type XmlElement } from './xml.js';
import type { ReviewedParagraph, ReviewComment, ReviewedDocument } from './reviewed-docx.js';
import { NotADocxError, notADocx, DamagedDocxError, partText } from './docx-errors.js';
import { numberingKinds, styleNumbering } from './docx-numbering.js';
import { ENDNOTE_ID, BodyReader, dateOf } from './body-reader.js';

/** The parts of a DOCX that review and import read, besides its footers and headers. */
const READ_PARTS = new Set([
  'word/document.xml',
  // An OpenDocument file names its kind here: said when it is given for a DOCX.
  'mimetype',
  'word/_rels/document.xml.rels',
  'word/numbering.xml',
  'word/styles.xml',
  'word/footnotes.xml',
  'word/_rels/footnotes.xml.rels',
  'word/endnotes.xml',
  'word/_rels/endnotes.xml.rels',
  'word/comments.xml',
  'word/commentsExtended.xml',
  'docProps/custom.xml',
  'docProps/core.xml',
]);
const FOOTER_PART = /^word\/footer\d*\.xml$/;
const HEADER_PART = /^word\/header\d*\.xml$/;
/** The theme (its fonts, which a style or run may name as `minorHAnsi`): the document's relationships say which. */
const THEME_PART = /^word\/theme\/[^/]+\.xml$/;

/**
 * The largest DOCX file `review` and `import` read: twice the parts they unpack, for the pictures
 * a report may hold besides its text.
 */
export const MAX_DOCX_FILE_BYTES = 512 * 2 ** 20;

/**
 * The most the parts of a reviewed DOCX that are read may unpack to, one or all together: several
 * times what a report with 10,000 questions unpacks to (a document.xml of 43 MB, 59 MB in all).
 */
const MAX_READ_BYTES = 256 * 2 ** 20;

/**
 * The most elements the parts of a reviewed DOCX may hold together: twice the 1.26 million of a
 * report with 10,000 questions, whose review takes 1.5 GB. Bytes alone do not bound the memory:
 * 256 MB of empty paragraphs are 44 million elements.
 */
const MAX_ELEMENTS = 2_500_000;

/**
 * The most attributes the parts of a reviewed DOCX may hold together: four for each element
 * {@link MAX_ELEMENTS} allows; a report as briefing builds it has about one for each element,
 * and Word adds a few to a paragraph (its revision ids).
 */
const MAX_ATTRIBUTES = 4 * MAX_ELEMENTS;

/**
 * Reads a DOCX as a reviewer left it, tracked changes and comments included. The zip is
 * opened with fflate and each part parsed with saxes: mammoth and its kind resolve
 * tracked changes away, and review needs them.
 */
export function readReviewedDocx(bytes: Uint8Array): ReviewedDocument {
  let unzipped: Unzipped;
  // Only the parts read below are unpacked, and none larger than a report's part can be.
  try {
    unzipped = unzipWithin(bytes, { part: MAX_READ_BYTES, together: MAX_READ_BYTES }, (name) => READ_PARTS.has(name) || FOOTER_PART.test(name) || HEADER_PART.test(name) || THEME_PART.test(name));
  } catch {
    throw notADocx(bytes);
  }
  const { files, tooLarge, twice } = unzipped;
  // Word and LibreOffice may show one of the two, and review would read the other: a reviewer's text is not guessed.
  if (twice !== undefined) throw new DamagedDocxError(twice, 'is in the zip twice (a package holds one part of a name), so which of the two the reviewer saw cannot be told');
  if (tooLarge) {
    const megabytes = `${Math.round(tooLarge.size / 2 ** 20)} MB`;
    throw new DamagedDocxError(
      tooLarge.name,
      tooLarge.together
        ? `would unpack to ${megabytes}, which takes the parts briefing reads past ${MAX_READ_BYTES / 2 ** 20} MB together`
        : `would unpack to ${megabytes}, more than the ${MAX_READ_BYTES / 2 ** 20} MB briefing reads of one part`,
    );
  }
  // Each part parsed once, however many readers ask (the document's relationships are asked for its links and its theme).
  const parsed = new Map<string, XmlElement | undefined>();
  const allowance = { elements: MAX_ELEMENTS, attributes: MAX_ATTRIBUTES };
  const part = (name: string): XmlElement | undefined => {
    if (parsed.has(name)) return parsed.get(name);
    const entry = files[name];
    try {
      const element = entry ? parseXml(partText(name, entry), allowance) : undefined;
      parsed.set(name, element);
      return element;
    } catch (error) {
      if (error instanceof XmlSyntaxError) throw new DamagedDocxError(name, error);
      if (error instanceof XmlTooDeepError) {
        throw new DamagedDocxError(name, `nests its elements more than ${MAX_ELEMENT_DEPTH} levels deep at line ${error.line}, column ${error.column}, deeper than Word writes`);
      }
      if (error instanceof XmlTooManyAttributesError) {
        throw new DamagedDocxError(name, `has an element with more than ${MAX_ELEMENT_ATTRIBUTES.toLocaleString('en')} attributes at line ${error.line}, column ${error.column}, where Word writes a few dozen at most`);
      }
      if (error instanceof XmlTooLargeError && error.counted === 'attributes') {
        throw new DamagedDocxError(name, `takes the parts briefing reads past ${MAX_ATTRIBUTES.toLocaleString('en')} XML attributes together (at line ${error.line}, column ${error.column}), four for each XML element briefing reads`);
      }
      if (error instanceof XmlTooLargeError) {
        throw new DamagedDocxError(name, `takes the parts briefing reads past ${MAX_ELEMENTS.toLocaleString('en')} XML elements together (at line ${error.line}, column ${error.column}), twice what a report of 10,000 questions has`);
      }
      throw error;
    }
  };
  const document = part('word/document.xml');
  if (!document) throw new NotADocxError(files.mimetype && fflate().strFromU8(files.mimetype).startsWith('application/vnd.oasis.opendocument') ? 'it is an OpenDocument file (.odt)' : 'a zip with no word/document.xml in it');
  // Each part has its own relationships: a link in a footnote is in footnotes.xml.rels.
  const relationshipsOf = (name: string) => new Map(descendants(part(`word/_rels/${name}.rels`) ?? emptyPart(), 'Relationship').map((r) => [r.attributes.Id ?? '', r.attributes.Target ?? '']));
  const relationships = relationshipsOf('document.xml');
  const numbering = numberingKinds(part('word/numbering.xml'));
  const theme = themePartName(part('word/_rels/document.xml.rels'));
  const styles = new StyleSheet(part('word/styles.xml'));
  const fonts = new RunFontReader(styles, theme ? part(theme) : undefined);
  const styleLists = styleNumbering(styles);
  const body = descendants(document, 'w:body')[0] ?? emptyPart();
  const footnotes = new Map<string, ReviewedParagraph[]>();
  // Endnotes are read as footnotes (briefing writes only those), under ids of their own: a report written in Word may use either.
  for (const [kind, prefix] of [['footnote', ''], ['endnote', ENDNOTE_ID]] as const) {
    const noteRelationships = relationshipsOf(`${kind}s.xml`);
    for (const note of descendants(part(`word/${kind}s.xml`) ?? emptyPart(), `w:${kind}`)) {
      if (note.attributes['w:type'] && note.attributes['w:type'] !== 'normal') continue;
      footnotes.set(`${prefix}${note.attributes['w:id'] ?? ''}`, new BodyReader(noteRelationships, numbering, fonts, styleLists).read(note));
    }
  }
  const margins = [FOOTER_PART, HEADER_PART].flatMap((kind) => Object.keys(files).filter((name) => kind.test(name)).sort());
  return {
    properties: customProperties(part('docProps/custom.xml')),
    core: coreProperties(part('docProps/core.xml')),
    paragraphs: new BodyReader(relationships, numbering, fonts, styleLists).read(body),
    comments: comments(part('word/comments.xml'), part('word/commentsExtended.xml')),
    footnotes,
    marginTexts: margins.map((name) => plainText(part(name) ?? emptyPart()).trim()).filter(Boolean),
  };
}

function emptyPart(): XmlElement {
  return { name: '#empty', attributes: {}, children: [] };
}

function customProperties(custom: XmlElement | undefined): Map<string, string> {
  const result = new Map<string, string>();
  if (!custom) return result;
  for (const property of descendants(custom, 'property')) {
    const value = elements(property)[0];
    const text = value ? value.children.filter((c): c is string => typeof c === 'string').join('') : '';
    result.set(property.attributes.name ?? '', text);
  }
  return result;
}

function coreProperties(core: XmlElement | undefined): Map<string, string> {
  const result = new Map<string, string>();
  for (const element of elements(elements(core ?? emptyPart())[0] ?? emptyPart())) {
    result.set(element.name.replace(/^[^:]*:/, ''), element.children.filter((c): c is string => typeof c === 'string').join(''));
  }
  return result;
}

/**
 * The comments by id. Word keeps a comment's thread apart, in word/commentsExtended.xml: an entry for
 * each comment, named by the `w14:paraId` of the comment's last paragraph, gives a reply the paragraph
 * of the comment it answers (`w15:paraIdParent`) and says whether the comment is resolved (`w15:done`).
 */
function comments(part: XmlElement | undefined, extended: XmlElement | undefined): Map<string, ReviewComment> {
  const result = new Map<string, ReviewComment>();
  if (!part) return result;
  const threads = new Map(descendants(extended ?? emptyPart(), 'w15:commentEx').map((entry) => [entry.attributes['w15:paraId'] ?? '', entry]));
  const byParagraph = new Map<string, string>();
  const parents = new Map<string, string>();
  for (const comment of descendants(part, 'w:comment')) {
    const id = comment.attributes['w:id'] ?? '';
    const paragraph = descendants(comment, 'w:p').at(-1)?.attributes['w14:paraId'] ?? '';
    const thread = paragraph ? threads.get(paragraph) : undefined;
    if (paragraph) byParagraph.set(paragraph, id);
    const parent = thread?.attributes['w15:paraIdParent'];
    if (parent) parents.set(id, parent);
    const resolved = ['1', 'true', 'on'].includes(thread?.attributes['w15:done'] ?? '');
    result.set(id, { id, author: comment.attributes['w:author'] ?? '', date: dateOf(comment), text: plainText(comment).trim(), ...(resolved ? { resolved } : {}) });
  }
  // A thread is one comment and its replies: a reply to a reply (as LibreOffice may name it) is the thread's
  // too, under its first comment. Replies that name each other in a circle (no editor writes them) stand on their own.
  for (const id of parents.keys()) {
    const comment = result.get(id);
    const first = threadStart(id, (at) => byParagraph.get(parents.get(at) ?? ''));
    if (comment && first !== undefined) comment.replyTo = first;
  }
  return result;
}

/** The first comment of the thread comment `id` answers, following `parentOf` up; undefined when the way up is a circle or leads to no comment. */
function threadStart(id: string, parentOf: (id: string) => string | undefined): string | undefined {
  const seen = new Set([id]);
  let at = parentOf(id);
  while (at !== undefined) {
    if (seen.has(at)) return undefined;
    seen.add(at);
    const up = parentOf(at);
    if (up === undefined) return at;
    at = up;
  }
  return undefined;
}
