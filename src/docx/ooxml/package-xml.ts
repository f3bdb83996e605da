import { NAMESPACES, namespaces, WORD_NAMESPACES } from './namespaces.js';
import { DECLARATION, DECLARATION_STANDALONE, element, escapeAttribute, serialize, type XmlElement } from './xml.js';

/*
 * The package's parts other than the body, styles and numbering, each exactly as `docx` 9.15.2
 * writes it for what src/docx/compile.ts gives `new Document(...)`.
 */

const COMMENT_NAMESPACES = 'wpc cx cx1 cx2 cx3 cx4 cx5 cx6 cx7 cx8 mc aink am3d o r m v wp14 wp w10 w w14 w15 w16cex w16cid w16 w16sdtdh w16se wpg wpi wne wps';

/**
 * The document's core properties, as compile.ts gives them to docx. Empty ones are left out;
 * as in docx, `creator` and `lastModifiedBy` not given are `Un-named`, `revision` not given is 1.
 */
export interface CoreProperties {
  title?: string;
  subject?: string;
  creator?: string;
  keywords?: string;
  description?: string;
  lastModifiedBy?: string;
  revision?: number;
}

/**
 * `docProps/core.xml`. docx writes the time of writing as `dcterms:created` and `modified`
 * (`toISOString`, with milliseconds); here both are `date`, and src/docx/pack.ts replaces them
 * with the build's date either way.
 */
export function coreXml(properties: CoreProperties, date: Date): string {
  const { title, subject, keywords, description } = properties;
  const creator = properties.creator ?? 'Un-named';
  const lastModifiedBy = properties.lastModifiedBy ?? 'Un-named';
  const revision = properties.revision ?? 1;
  const children: XmlElement[] = [];
  const text = (name: string, value: string | undefined): void => {
    if (value) children.push(element(name, {}, [value]));
  };
  text('dc:title', title);
  text('dc:subject', subject);
  text('dc:creator', creator);
  text('cp:keywords', keywords);
  text('dc:description', description);
  text('cp:lastModifiedBy', lastModifiedBy);
  if (revision) text('cp:revision', String(revision));
  const stamp = date.toISOString();
  children.push(element('dcterms:created', { 'xsi:type': 'dcterms:W3CDTF' }, [stamp]));
  children.push(element('dcterms:modified', { 'xsi:type': 'dcterms:W3CDTF' }, [stamp]));
  const attributes: XmlElement['attributes'] = 'cp dc dcterms dcmitype xsi'.split(' ').map((prefix) => [`xmlns:${prefix}`, NAMESPACES[prefix] ?? '']);
  return DECLARATION_STANDALONE + serialize({ name: 'cp:coreProperties', attributes, children });
}

/** `docProps/app.xml`: docx writes no extended properties. */
export function appXml(): string {
  return `${DECLARATION_STANDALONE}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>`;
}

/** `docProps/custom.xml`: each property a string (`vt:lpwstr`), pids from 2 in the given order. */
export function customXml(properties: readonly { name: string; value: string }[]): string {
  const children = properties.map(({ name, value }, index) =>
    element('property', { fmtid: '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}', pid: index + 2, name }, [element('vt:lpwstr', {}, [value])]),
  );
  const attributes: XmlElement['attributes'] = [
    ['xmlns', 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties'],
    ['xmlns:vt', 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes'],
  ];
  return DECLARATION_STANDALONE + serialize({ name: 'Properties', attributes, children });
}

/**
 * `word/settings.xml`. `trackRevisions` undefined leaves the element out (docx's `features`
 * not given); false writes `w:val="false"`. docx always writes `w:evenAndOddHeaders` false.
 */
export function settingsXml(options: { trackRevisions?: boolean; doNotExpandShiftReturn?: boolean }): string {
  const track = options.trackRevisions === undefined ? '' : options.trackRevisions ? '<w:trackRevisions/>' : '<w:trackRevisions w:val="false"/>';
  const shiftReturn = options.doNotExpandShiftReturn ? '<w:doNotExpandShiftReturn/>' : '';
  return (
    `${DECLARATION_STANDALONE}<w:settings${namespaces(WORD_NAMESPACES, 'w14 w15 wp14')}>` +
    `<w:displayBackgroundShape/>${track}<w:defaultTabStop w:val="720"/><w:evenAndOddHeaders w:val="false"/>` +
    `<w:compat>${shiftReturn}<w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat></w:settings>`
  );
}

/**
 * `[Content_Types].xml` of a document with one section: the fixed parts, then comments when
 * there are any, then headers 1… and footers 1… (docx adds them as it makes them: comments with
 * the default relationships, then a section's headers, then its footers).
 */
export function contentTypesXml(options: { headers: number; footers: number; comments: boolean }): string {
  const defaults = [
    ['image/png', 'png'],
    ['image/jpeg', 'jpeg'],
    ['image/jpeg', 'jpg'],
    ['image/bmp', 'bmp'],
    ['image/gif', 'gif'],
    ['image/svg+xml', 'svg'],
    ['application/vnd.openxmlformats-package.relationships+xml', 'rels'],
    ['application/xml', 'xml'],
    ['application/vnd.openxmlformats-officedocument.obfuscatedFont', 'odttf'],
  ];
  const word = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  const overrides = [
    [`${word}.document.main+xml`, '/word/document.xml'],
    [`${word}.styles+xml`, '/word/styles.xml'],
    ['application/vnd.openxmlformats-package.core-properties+xml', '/docProps/core.xml'],
    ['application/vnd.openxmlformats-officedocument.custom-properties+xml', '/docProps/custom.xml'],
    ['application/vnd.openxmlformats-officedocument.extended-properties+xml', '/docProps/app.xml'],
    [`${word}.numbering+xml`, '/word/numbering.xml'],
    [`${word}.footnotes+xml`, '/word/footnotes.xml'],
    [`${word}.endnotes+xml`, '/word/endnotes.xml'],
    [`${word}.settings+xml`, '/word/settings.xml'],
    [`${word}.fontTable+xml`, '/word/fontTable.xml'],
    ['application/vnd.openxmlformats-officedocument.theme+xml', '/word/theme/theme1.xml'],
  ];
  if (options.comments) overrides.push([`${word}.comments+xml`, '/word/comments.xml']);
  for (let index = 1; index <= options.headers; index++) overrides.push([`${word}.header+xml`, `/word/header${index}.xml`]);
  for (let index = 1; index <= options.footers; index++) overrides.push([`${word}.footer+xml`, `/word/footer${index}.xml`]);
  return (
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    defaults.map(([type, extension]) => `<Default ContentType="${type}" Extension="${extension}"/>`).join('') +
    overrides.map(([type, part]) => `<Override ContentType="${type}" PartName="${part}"/>`).join('') +
    '</Types>'
  );
}

/** `_rels/.rels`: the document, core, app and custom properties (docx always relates all four). */
export function rootRelsXml(): string {
  const relationship = (id: number, type: string, target: string): string => `<Relationship Id="rId${id}" Type="${type}" Target="${target}"/>`;
  return (
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    relationship(1, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', 'word/document.xml') +
    relationship(2, 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
    relationship(3, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties', 'docProps/app.xml') +
    relationship(4, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties', 'docProps/custom.xml') +
    '</Relationships>'
  );
}

/** A relationships part with none in it: those of the footnotes, endnotes, comments and font table. */
export function emptyRelsXml(): string {
  return `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`;
}

/** `word/fontTable.xml` of a document that embeds no fonts: empty. */
export function fontTableXml(): string {
  const ignorable = 'w14 w15 w16se w16cid w16 w16cex w16sdtdh';
  return `${DECLARATION_STANDALONE}<w:fonts${namespaces('mc r w w14 w15 w16cex w16cid w16 w16sdtdh w16se', ignorable)}/>`;
}

/** `word/theme/theme1.xml`: docx's Office theme, the same in every document. */
export function themeXml(): string {
  return DECLARATION_STANDALONE + THEME;
}

/** The separator and continuation separator notes (ids -1 and 0) that docx puts first in footnotes and endnotes. */
function separators(kind: 'footnote' | 'endnote'): string {
  const reference = kind === 'footnote' ? 'FootnoteReference' : 'EndnoteReference';
  const note = (type: string, id: number): string =>
    `<w:${kind} w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:r><w:rPr><w:rStyle w:val="${reference}"/></w:rPr><w:${kind}Ref/></w:r><w:r><w:${type}/></w:r></w:p></w:${kind}>`;
  return note('separator', -1) + note('continuationSeparator', 0);
}

/** `word/endnotes.xml`: only the separators (briefing writes no endnotes); docx writes it without `standalone`. */
export function endnotesXml(): string {
  return `${DECLARATION}<w:endnotes${namespaces(WORD_NAMESPACES, 'w14 w15 wp14')}>${separators('endnote')}</w:endnotes>`;
}

/**
 * `word/footnotes.xml`: the separators, then note 1, 2, … with the given inner XML (the note's
 * paragraphs, already serialised, the first with its `w:footnoteRef` run as docx puts it in).
 * A note with nothing in it is self-closing, as docx writes it.
 */
export function footnotesXml(notes: readonly string[]): string {
  const written = notes.map((inner, index) => (inner === '' ? `<w:footnote w:id="${index + 1}"/>` : `<w:footnote w:id="${index + 1}">${inner}</w:footnote>`));
  return `${DECLARATION_STANDALONE}<w:footnotes${namespaces(WORD_NAMESPACES, 'w14 w15 wp14')}>${separators('footnote')}${written.join('')}</w:footnotes>`;
}

/** A comment: `date` as `Date.toISOString` writes it (docx's form), `paragraphsXml` its serialised paragraphs. */
export interface CommentPart {
  id: number;
  author: string;
  initials?: string;
  date: string;
  paragraphsXml: string;
}

/**
 * `word/comments.xml` (docx writes it only when there is a comment). The attributes are
 * `w:id`, `w:initials` (when given), `w:author`, `w:date`.
 */
export function commentsXml(comments: readonly CommentPart[]): string {
  const written = comments.map(({ id, author, initials, date, paragraphsXml }) => {
    const open = `<w:comment w:id="${id}"${initials === undefined ? '' : ` w:initials="${escapeAttribute(initials)}"`} w:author="${escapeAttribute(author)}" w:date="${escapeAttribute(date)}"`;
    return paragraphsXml === '' ? `${open}/>` : `${open}>${paragraphsXml}</w:comment>`;
  });
  return `${DECLARATION_STANDALONE}<w:comments${namespaces(COMMENT_NAMESPACES, 'w14 w15 wp14')}>${written.join('')}</w:comments>`;
}

/** docx's Office theme (its Theme with no options), as it writes it after the declaration. */
const THEME =
  '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light" panose="020F0302020204030204"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="游ゴシック Light"/><a:font script="Hang" typeface="맑은 고딕"/><a:font script="Hans" typeface="等线 Light"/><a:font script="Hant" typeface="新細明體"/><a:font script="Arab" typeface="Times New Roman"/><a:font script="Hebr" typeface="Times New Roman"/><a:font script="Thai" typeface="Angsana New"/><a:font script="Ethi" typeface="Nyala"/><a:font script="Beng" typeface="Vrinda"/><a:font script="Gujr" typeface="Shruti"/><a:font script="Khmr" typeface="MoolBoran"/><a:font script="Knda" typeface="Tunga"/><a:font script="Guru" typeface="Raavi"/><a:font script="Cans" typeface="Euphemia"/><a:font script="Cher" typeface="Plantagenet Cherokee"/><a:font script="Yiii" typeface="Microsoft Yi Baiti"/><a:font script="Tibt" typeface="Microsoft Himalaya"/><a:font script="Thaa" typeface="MV Boli"/><a:font script="Deva" typeface="Mangal"/><a:font script="Telu" typeface="Gautami"/><a:font script="Taml" typeface="Latha"/><a:font script="Syrc" typeface="Estrangelo Edessa"/><a:font script="Orya" typeface="Kalinga"/><a:font script="Mlym" typeface="Kartika"/><a:font script="Laoo" typeface="DokChampa"/><a:font script="Sinh" typeface="Iskoola Pota"/><a:font script="Mong" typeface="Mongolian Baiti"/><a:font script="Viet" typeface="Times New Roman"/><a:font script="Uigh" typeface="Microsoft Uighur"/><a:font script="Geor" typeface="Sylfaen"/><a:font script="Armn" typeface="Arial"/><a:font script="Bugi" typeface="Leelawadee UI"/><a:font script="Bopo" typeface="Microsoft JhengHei"/><a:font script="Java" typeface="Javanese Text"/><a:font script="Lisu" typeface="Segoe UI"/><a:font script="Mymr" typeface="Myanmar Text"/><a:font script="Nkoo" typeface="Ebrima"/><a:font script="Olck" typeface="Nirmala UI"/><a:font script="Osma" typeface="Ebrima"/><a:font script="Phag" typeface="Phagspa"/><a:font script="Syrn" typeface="Estrangelo Edessa"/><a:font script="Syrj" typeface="Estrangelo Edessa"/><a:font script="Syre" typeface="Estrangelo Edessa"/><a:font script="Sora" typeface="Nirmala UI"/><a:font script="Tale" typeface="Microsoft Tai Le"/><a:font script="Talu" typeface="Microsoft New Tai Lue"/><a:font script="Tfng" typeface="Ebrima"/></a:majorFont><a:minorFont><a:latin typeface="Calibri" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="游明朝"/><a:font script="Hang" typeface="맑은 고딕"/><a:font script="Hans" typeface="等线"/><a:font script="Hant" typeface="新細明體"/><a:font script="Arab" typeface="Arial"/><a:font script="Hebr" typeface="Arial"/><a:font script="Thai" typeface="Cordia New"/><a:font script="Ethi" typeface="Nyala"/><a:font script="Beng" typeface="Vrinda"/><a:font script="Gujr" typeface="Shruti"/><a:font script="Khmr" typeface="DaunPenh"/><a:font script="Knda" typeface="Tunga"/><a:font script="Guru" typeface="Raavi"/><a:font script="Cans" typeface="Euphemia"/><a:font script="Cher" typeface="Plantagenet Cherokee"/><a:font script="Yiii" typeface="Microsoft Yi Baiti"/><a:font script="Tibt" typeface="Microsoft Himalaya"/><a:font script="Thaa" typeface="MV Boli"/><a:font script="Deva" typeface="Mangal"/><a:font script="Telu" typeface="Gautami"/><a:font script="Taml" typeface="Latha"/><a:font script="Syrc" typeface="Estrangelo Edessa"/><a:font script="Orya" typeface="Kalinga"/><a:font script="Mlym" typeface="Kartika"/><a:font script="Laoo" typeface="DokChampa"/><a:font script="Sinh" typeface="Iskoola Pota"/><a:font script="Mong" typeface="Mongolian Baiti"/><a:font script="Viet" typeface="Arial"/><a:font script="Uigh" typeface="Microsoft Uighur"/><a:font script="Geor" typeface="Sylfaen"/><a:font script="Armn" typeface="Arial"/><a:font script="Bugi" typeface="Leelawadee UI"/><a:font script="Bopo" typeface="Microsoft JhengHei"/><a:font script="Java" typeface="Javanese Text"/><a:font script="Lisu" typeface="Segoe UI"/><a:font script="Mymr" typeface="Myanmar Text"/><a:font script="Nkoo" typeface="Ebrima"/><a:font script="Olck" typeface="Nirmala UI"/><a:font script="Osma" typeface="Ebrima"/><a:font script="Phag" typeface="Phagspa"/><a:font script="Syrn" typeface="Estrangelo Edessa"/><a:font script="Syrj" typeface="Estrangelo Edessa"/><a:font script="Syre" typeface="Estrangelo Edessa"/><a:font script="Sora" typeface="Nirmala UI"/><a:font script="Tale" typeface="Microsoft Tai Le"/><a:font script="Talu" typeface="Microsoft New Tai Lue"/><a:font script="Tfng" typeface="Ebrima"/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:gradFill rotWithShape="true"><a:gsLst><a:gs pos="0"><a:schemeClr val="phClr"><a:lumMod val="110000"/><a:satMod val="105000"/><a:tint val="67000"/></a:schemeClr></a:gs><a:gs pos="50000"><a:schemeClr val="phClr"><a:lumMod val="105000"/><a:satMod val="103000"/><a:tint val="73000"/></a:schemeClr></a:gs><a:gs pos="100000"><a:schemeClr val="phClr"><a:lumMod val="105000"/><a:satMod val="109000"/><a:tint val="81000"/></a:schemeClr></a:gs></a:gsLst><a:lin ang="5400000" scaled="false"/></a:gradFill><a:gradFill rotWithShape="true"><a:gsLst><a:gs pos="0"><a:schemeClr val="phClr"><a:satMod val="103000"/><a:lumMod val="102000"/><a:tint val="94000"/></a:schemeClr></a:gs><a:gs pos="50000"><a:schemeClr val="phClr"><a:satMod val="110000"/><a:lumMod val="100000"/><a:shade val="100000"/></a:schemeClr></a:gs><a:gs pos="100000"><a:schemeClr val="phClr"><a:lumMod val="99000"/><a:satMod val="120000"/><a:shade val="78000"/></a:schemeClr></a:gs></a:gsLst><a:lin ang="5400000" scaled="false"/></a:gradFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln><a:ln w="12700" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln><a:ln w="19050" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst><a:outerShdw blurRad="57150" dist="19050" dir="5400000" algn="ctr" rotWithShape="false"><a:srgbClr val="000000"><a:alpha val="63000"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/><a:satMod val="170000"/></a:schemeClr></a:solidFill><a:gradFill rotWithShape="true"><a:gsLst><a:gs pos="0"><a:schemeClr val="phClr"><a:tint val="93000"/><a:satMod val="150000"/><a:shade val="98000"/><a:lumMod val="102000"/></a:schemeClr></a:gs><a:gs pos="50000"><a:schemeClr val="phClr"><a:tint val="98000"/><a:satMod val="130000"/><a:shade val="90000"/><a:lumMod val="103000"/></a:schemeClr></a:gs><a:gs pos="100000"><a:schemeClr val="phClr"><a:shade val="63000"/><a:satMod val="120000"/></a:schemeClr></a:gs></a:gsLst><a:lin ang="5400000" scaled="false"/></a:gradFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>';
