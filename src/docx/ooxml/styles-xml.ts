import { namespaceAttributes } from './namespaces.js';
import { DECLARATION_STANDALONE, element, parseXml, serialize, type XmlChild, type XmlElement } from './xml.js';
import type { BaseStyleOptions, BorderOptions, ParagraphOptions, ParagraphStyleOptions, RunOptions, StylesOptions } from './types.js';

/**
 * `word/styles.xml` exactly as `docx` 9.15.2 writes it for `new Document({ styles: options,
 * externalStyles: external })`.
 *
 * What docx does, and so what this does:
 * - It starts from its default styles (Normal, Normal Table, the document defaults, Title,
 *   Heading 1–6, Strong, List Paragraph, Caption, Bibliography, TOC 1–9, Hyperlink, the footnote
 *   and endnote styles, Line Number), `document`, `title` and `heading2` taken from `options.default`.
 * - Without `external` the paragraph styles follow the defaults. With it, the reference's root
 *   attributes are used and its children put between the defaults not given in `options.default`
 *   and those given; the paragraph styles come last.
 * - Then, when written: only the last `w:docDefaults` and the last `w:latentStyles` are kept, right
 *   after the root attributes; of styles with the same id only the last is kept (in its place); a
 *   default TOC style is dropped where another paragraph style has its name (case-insensitive);
 *   and when no paragraph style is the default, the Normal paragraph style gets `w:default="1"`
 *   (a Normal with nothing in it is then written `<w:style …></w:style>`, not self-closing).
 * - The reference is read as docx reads it (see {@link parseXml}): whitespace between elements,
 *   comments, CDATA and processing instructions are dropped, entities decoded and written again
 *   with docx's escaping (`'` and `"` in text too), empty elements self-closing.
 * - Text in braces that names a concrete numbering (`{reference-instance}`) is replaced with its
 *   numId, as docx replaces it in every part it writes: give `numbering` (from numbering-xml's
 *   `concreteNumberings`) when the document has lists; without it only docx's own default
 *   bullet list (`{default-bullet-numbering-0}` → 1) is known.
 * Throws where docx throws: XML it cannot read, a reference without `w:styles` or whose `w:styles`
 * has no attributes, a colour that is not six hex digits, a negative size.
 */
export function stylesXml(options: StylesOptions, external?: string, numbering?: ReadonlyMap<string, number>): string {
  const given = options.default ?? {};
  const defaults = defaultStyles(given);
  let root: XmlElement['attributes'];
  let children: XmlChild[];
  if (external === undefined) {
    root = DEFAULT_ROOT_ATTRIBUTES;
    children = defaults.map(({ node }) => node);
  } else {
    const styles = parseXml(external)
      .filter((node) => node.name === 'w:styles')
      .pop();
    if (!styles) throw new Error('can not find styles element');
    // docx writes the root's attributes from `attributes`, which an element without any lacks: it throws.
    if (styles.attributes.length === 0) throw new Error('The styles element of the reference has no attributes');
    root = styles.attributes;
    const isGiven = (key: DefaultKey): boolean => (key === 'document' || key === 'title' || key === 'heading2') && given[key] !== undefined;
    children = [
      ...defaults.filter(({ key }) => !isGiven(key)).map(({ node }) => node),
      ...styles.children,
      ...defaults.filter(({ key }) => isGiven(key)).map(({ node }) => node),
    ];
  }
  children.push(...(options.paragraphStyles ?? []).map(paragraphStyle));
  const { language } = options;
  const kept = written(children);
  const xml = DECLARATION_STANDALONE + serialize({ name: 'w:styles', attributes: root, children: language ? kept.map((child) => inLanguage(child, language)) : kept });
  return replaceNumberingKeys(xml, numbering ?? DEFAULT_NUMBERING);
}

const DEFAULT_NUMBERING: ReadonlyMap<string, number> = new Map([['default-bullet-numbering-0', 1]]);

/** Replaces `{key}` with its numId where `key` names a concrete numbering, as docx's NumberingReplacer does. */
function replaceNumberingKeys(xml: string, numbering: ReadonlyMap<string, number>): string {
  if (numbering.size === 0) return xml;
  return xml.replace(/\{([^{}]+)\}/g, (placeholder, key: string) => {
    const numId = numbering.get(key);
    return numId === undefined ? placeholder : String(numId);
  });
}

const DEFAULT_ROOT_ATTRIBUTES: XmlElement['attributes'] = [['mc:Ignorable', 'w14 w15'], ...namespaceAttributes('mc r w w14 w15')];

/** The children of `w:styles` as docx's `Styles.prepForXml` leaves them. */
function written(children: XmlChild[]): XmlChild[] {
  const nameOf = (child: XmlChild): string | undefined => (typeof child === 'string' ? undefined : child.name);
  const last = (name: string): XmlChild[] => children.filter((child) => nameOf(child) === name).slice(-1);
  const ids = children.map((child) => (isStyle(child) ? attribute(child, 'w:styleId') : undefined));
  const unique = children.filter((child, index) => {
    const name = nameOf(child);
    if (name === 'w:docDefaults' || name === 'w:latentStyles') return false;
    const id = ids[index];
    return id === undefined || ids.lastIndexOf(id) === index;
  });
  const otherNames = new Set(unique.filter((child) => isParagraphStyle(child) && !isTableOfContents(child)).map(styleNameOf));
  const kept = unique.filter((child) => !isTableOfContents(child) || !otherNames.has(styleNameOf(child)));
  const styles = kept.some(isDefaultParagraphStyle)
    ? kept
    : kept.map((child) => (isParagraphStyle(child) && attribute(child, 'w:styleId') === 'Normal' ? markedAsDefault(child) : child));
  return [...last('w:docDefaults'), ...last('w:latentStyles'), ...styles];
}

/** What follows `w:lang` in run properties (CT_RPr's sequence): a `w:lang` put in goes before them, as Word wants the order. */
const AFTER_LANGUAGE = new Set(['w:eastAsianLayout', 'w:specVanish', 'w:oMath']);

/**
 * The styles' text in the language `language`: the document defaults' `w:lang` set (its East Asian
 * and complex-script languages kept), or put in, and the `w:lang` a style has set too. A reference
 * DOCX's styles are written as they are (docx's rule), and a reference saved by an English Word says
 * `en-US` in its defaults, one saved by LibreOffice its language in Normal as well: a Latvian report
 * was spelling-checked as English, and an English one built with a Latvian reference as Latvian,
 * whatever `layout.language` said. Other children pass unchanged; nothing shared is changed in place.
 */
function inLanguage(child: XmlChild, language: string): XmlChild {
  if (typeof child === 'string') return child;
  if (child.name === 'w:style') {
    const rPr = childNamed(child, 'w:rPr');
    return rPr && childNamed(rPr, 'w:lang') ? withChild(child, 'w:rPr', () => runInLanguage(rPr, language)) : child;
  }
  if (child.name !== 'w:docDefaults') return child;
  return withChild(child, 'w:rPrDefault', (rPrDefault = element('w:rPrDefault')) => withChild(rPrDefault, 'w:rPr', (rPr = element('w:rPr')) => runInLanguage(rPr, language)));
}

/** Run properties with their `w:lang`'s value `language`, or a `w:lang` of it put in its place. */
function runInLanguage(rPr: XmlElement, language: string): XmlElement {
  const found = childNamed(rPr, 'w:lang');
  if (found) return withChild(rPr, 'w:lang', () => ({ ...found, attributes: [['w:val', language], ...found.attributes.filter(([key]) => key !== 'w:val')] }));
  const before = rPr.children.findIndex((c) => typeof c !== 'string' && AFTER_LANGUAGE.has(c.name));
  const children = [...rPr.children];
  children.splice(before === -1 ? children.length : before, 0, element('w:lang', { 'w:val': language }));
  return { ...rPr, children };
}

function childNamed(node: XmlElement, name: string): XmlElement | undefined {
  return node.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/**
 * A copy of `node` with its child `name` replaced by `update` of it; when it has none, `update`'s
 * element goes first (where rPrDefault and rPr stand in their parents' schema order).
 */
function withChild(node: XmlElement, name: string, update: (found: XmlElement | undefined) => XmlElement): XmlElement {
  const at = node.children.findIndex((c) => typeof c !== 'string' && c.name === name);
  const found = childNamed(node, name);
  const children = [...node.children];
  if (at === -1 || found === undefined) children.unshift(update(undefined));
  else children[at] = update(found);
  return { ...node, children };
}

function isStyle(child: XmlChild): child is XmlElement {
  return typeof child !== 'string' && child.name === 'w:style';
}

function attribute(node: XmlElement, name: string): string | undefined {
  return node.attributes.find(([key]) => key === name)?.[1];
}

function isParagraphStyle(child: XmlChild): child is XmlElement {
  return isStyle(child) && (attribute(child, 'w:type') ?? 'paragraph') === 'paragraph';
}

function isDefaultParagraphStyle(child: XmlChild): boolean {
  if (!isParagraphStyle(child)) return false;
  const value = attribute(child, 'w:default');
  return value !== undefined && !['0', 'false', 'off'].includes(value);
}

/**
 * A style's name, lower-cased, as docx reads it: the `w:val` of its first `w:name`, and only
 * when that `w:name` has attributes and nothing in it (docx looks at its prepared form).
 */
function styleNameOf(child: XmlChild): string | undefined {
  if (typeof child === 'string') return undefined;
  const name = child.children.find((part) => typeof part !== 'string' && part.name === 'w:name');
  if (name === undefined || typeof name === 'string' || name.children.length > 0) return undefined;
  return attribute(name, 'w:val')?.toLowerCase();
}

function markedAsDefault(style: XmlElement): XmlElement {
  // Only attributes docx sees: a style without any keeps none.
  if (style.attributes.length === 0) return style;
  const attributes: XmlElement['attributes'] = style.attributes.map(([key, value]) => [key, key === 'w:default' ? '1' : value]);
  if (!attributes.some(([key]) => key === 'w:default')) attributes.push(['w:default', '1']);
  // docx rebuilds the style's parts as a list, and a list with only attributes is not written self-closing.
  return { ...style, attributes, neverSelfClosing: true };
}

/** The TOC styles docx adds itself: only these are dropped for a style of the same name. */
const TABLE_OF_CONTENTS = new WeakSet<XmlElement>();

function isTableOfContents(child: XmlChild): boolean {
  return typeof child !== 'string' && TABLE_OF_CONTENTS.has(child);
}

type DefaultKey = 'document' | 'title' | 'heading2' | 'other';

/** docx's default styles in its order, each with its key in `options.default` where it can be given. */
function defaultStyles(given: NonNullable<StylesOptions['default']>): { key: DefaultKey; node: XmlElement }[] {
  const other = (node: XmlElement): { key: DefaultKey; node: XmlElement } => ({ key: 'other', node });
  const size = given.document?.run?.size;
  const levelIndent = size === undefined ? 200 : Math.round(size * 10);
  const tableOfContents: XmlElement[] = [];
  for (let level = 1; level <= 9; level++) {
    const toc = style(
      { id: `TOC${level}`, name: `toc ${level}`, basedOn: 'Normal', next: 'Normal', uiPriority: 39, semiHidden: true, unhideWhenUsed: true },
      { spacing: { after: 100 }, ...(level > 1 ? { indent: { left: (level - 1) * levelIndent } } : {}) },
      undefined,
    );
    TABLE_OF_CONTENTS.add(toc);
    tableOfContents.push(toc);
  }
  const heading = (id: string, name: string, options: BaseStyleOptions): XmlElement =>
    style({ id, name, basedOn: 'Normal', next: 'Normal', quickFormat: true }, options.paragraph, options.run);
  return [
    other(style({ id: 'Normal', name: 'Normal', quickFormat: true }, undefined, undefined)),
    other(fixed().normalTable),
    { key: 'document', node: documentDefaults(given.document ?? {}) },
    { key: 'title', node: heading('Title', 'Title', { run: { size: 56 }, ...given.title }) },
    other(fixed().heading1),
    { key: 'heading2', node: heading('Heading2', 'Heading 2', { run: { color: '2E74B5', size: 26 }, ...given.heading2 }) },
    ...fixed().middle.map(other),
    ...tableOfContents.map(other),
    ...fixed().tail.map(other),
  ];
}

function documentDefaults(options: BaseStyleOptions): XmlElement {
  const run = runProperties(options.run);
  const paragraph = paragraphProperties(options.paragraph);
  return element('w:docDefaults', {}, [element('w:rPrDefault', {}, run ? [run] : []), element('w:pPrDefault', {}, paragraph ? [paragraph] : [])]);
}

/** A paragraph style of the document's own, as docx's `StyleForParagraph` writes it. */
function paragraphStyle(options: ParagraphStyleOptions): XmlElement {
  return style(options, options.paragraph, options.run);
}

interface StyleHead {
  id: string;
  name?: string;
  basedOn?: string;
  next?: string;
  uiPriority?: number;
  semiHidden?: boolean;
  unhideWhenUsed?: boolean;
  quickFormat?: boolean;
}

function style(head: StyleHead, paragraph: ParagraphOptions | undefined, run: RunOptions | undefined): XmlElement {
  const children: XmlElement[] = [];
  if (head.name) children.push(element('w:name', { 'w:val': head.name }));
  if (head.basedOn && head.basedOn !== head.id) children.push(element('w:basedOn', { 'w:val': head.basedOn }));
  if (head.next) children.push(element('w:next', { 'w:val': head.next }));
  if (head.uiPriority !== undefined) children.push(element('w:uiPriority', { 'w:val': decimalNumber(head.uiPriority) }));
  if (head.semiHidden !== undefined) children.push(onOff('w:semiHidden', head.semiHidden));
  if (head.unhideWhenUsed !== undefined) children.push(onOff('w:unhideWhenUsed', head.unhideWhenUsed));
  if (head.quickFormat !== undefined) children.push(onOff('w:qFormat', head.quickFormat));
  const paragraphXml = paragraphProperties(paragraph);
  const runXml = runProperties(run);
  if (paragraphXml) children.push(paragraphXml);
  if (runXml) children.push(runXml);
  return element('w:style', { 'w:type': 'paragraph', 'w:styleId': head.id }, children);
}

/** An on/off element as docx writes it: bare when true, `w:val="false"` when false. */
function onOff(name: string, value: boolean): XmlElement {
  return element(name, value ? {} : { 'w:val': false });
}

/** docx's `decimalNumber`: an integer, rounded down. */
export function decimalNumber(value: number): number {
  if (!Number.isFinite(value)) throw new Error(`Invalid value '${value}' specified. Must be an integer.`);
  return Math.floor(value);
}

function unsignedDecimalNumber(value: number): number {
  const integer = decimalNumber(value);
  if (integer < 0) throw new Error(`Invalid value '${value}' specified. Must be a positive integer.`);
  return integer;
}

function hexColor(value: string): string {
  if (value === 'auto') return value;
  const hex = value.startsWith('#') ? value.slice(1) : value;
  if (hex.length !== 6 || isNaN(Number(`0x${hex}`))) throw new Error(`Invalid hex value '${hex}'. Expected 6 digit hex value`);
  return hex;
}

/** Run properties (`w:rPr`) as docx's `RunProperties` writes them; undefined when empty (docx leaves the element out). */
export function runProperties(run: RunOptions | undefined): XmlElement | undefined {
  if (!run) return undefined;
  const children: XmlElement[] = [];
  if (run.font) children.push(element('w:rFonts', { 'w:ascii': run.font, 'w:cs': run.font, 'w:eastAsia': run.font, 'w:hAnsi': run.font }));
  if (run.bold !== undefined) children.push(onOff('w:b', run.bold), onOff('w:bCs', run.bold));
  if (run.italics !== undefined) children.push(onOff('w:i', run.italics), onOff('w:iCs', run.italics));
  if (run.color) children.push(element('w:color', { 'w:val': hexColor(run.color) }));
  if (run.size !== undefined) children.push(element('w:sz', { 'w:val': unsignedDecimalNumber(run.size) }));
  if (run.size) children.push(element('w:szCs', { 'w:val': unsignedDecimalNumber(run.size) }));
  if (run.language) {
    const { value, eastAsia, bidirectional } = run.language;
    children.push(element('w:lang', { 'w:val': value, 'w:eastAsia': eastAsia, 'w:bidi': bidirectional }));
  }
  return children.length ? element('w:rPr', {}, children) : undefined;
}

/** Paragraph properties (`w:pPr`) of a style or list level, as docx writes them; undefined when empty. */
export function paragraphProperties(paragraph: ParagraphOptions | undefined): XmlElement | undefined {
  if (!paragraph) return undefined;
  const children: XmlElement[] = [];
  if (paragraph.keepNext !== undefined) children.push(onOff('w:keepNext', paragraph.keepNext));
  if (paragraph.keepLines !== undefined) children.push(onOff('w:keepLines', paragraph.keepLines));
  if (paragraph.border) {
    const { top, left, bottom, right, between } = paragraph.border;
    const sides = Object.entries({ top, left, bottom, right, between }).flatMap(([side, border]) => (border ? [borderElement(`w:${side}`, border)] : []));
    if (sides.length) children.push(element('w:pBdr', {}, sides));
  }
  const { spacing, indent } = paragraph;
  if (spacing) children.push(element('w:spacing', { 'w:after': spacing.after, 'w:before': spacing.before, 'w:line': spacing.line, 'w:lineRule': spacing.lineRule }));
  if (indent) {
    children.push(
      element('w:ind', {
        'w:left': indent.left === undefined ? undefined : decimalNumber(indent.left),
        'w:right': indent.right === undefined ? undefined : decimalNumber(indent.right),
        'w:hanging': indent.hanging === undefined ? undefined : unsignedDecimalNumber(indent.hanging),
        'w:firstLine': indent.firstLine === undefined ? undefined : unsignedDecimalNumber(indent.firstLine),
      }),
    );
  }
  if (paragraph.alignment) children.push(element('w:jc', { 'w:val': paragraph.alignment }));
  if (paragraph.outlineLevel !== undefined) children.push(element('w:outlineLvl', { 'w:val': decimalNumber(paragraph.outlineLevel) }));
  return children.length ? element('w:pPr', {}, children) : undefined;
}

function borderElement(name: string, border: BorderOptions): XmlElement {
  return element(name, {
    'w:val': border.style,
    'w:color': border.color === undefined ? undefined : hexColor(border.color),
    'w:sz': border.size === undefined ? undefined : unsignedDecimalNumber(border.size),
    'w:space': border.space === undefined ? undefined : unsignedDecimalNumber(border.space),
  });
}

interface FixedStyles {
  normalTable: XmlElement;
  heading1: XmlElement;
  middle: XmlElement[];
  tail: XmlElement[];
}

let fixedStyles: FixedStyles | undefined;

/** docx's default styles that no option of ours changes, as docx writes them (parsed once). */
function fixed(): FixedStyles {
  if (fixedStyles) return fixedStyles;
  const parse = (xml: string): XmlElement[] => parseXml(`<w:styles>${xml}</w:styles>`)[0]?.children.filter((child) => typeof child !== 'string') ?? [];
  const [normalTable, heading1] = parse(NORMAL_TABLE + HEADING_1);
  if (!normalTable || !heading1) throw new Error('the fixed default styles do not parse');
  fixedStyles = { normalTable, heading1, middle: parse(MIDDLE_STYLES), tail: parse(TAIL_STYLES) };
  return fixedStyles;
}

const NORMAL_TABLE =
  '<w:style w:type="table" w:styleId="TableNormal" w:default="true"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:type="dxa" w:w="0"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="108"/></w:tblCellMar></w:tblPr></w:style>';

const HEADING_1 =
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="Heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="2E74B5"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>';

/** Heading 3 to Bibliography. */
const MIDDLE_STYLES = [
  '<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="Heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="1F4D78"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="Heading 4"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:i/><w:iCs/><w:color w:val="2E74B5"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading5"><w:name w:val="Heading 5"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="2E74B5"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading6"><w:name w:val="Heading 6"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="1F4D78"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Strong"><w:name w:val="Strong"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:bCs/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:semiHidden/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="44546A" w:themeColor="dark2"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Bibliography"><w:name w:val="Bibliography"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="37"/><w:unhideWhenUsed/></w:style>',
].join('');

/** Hyperlink to Line Number. */
const TAIL_STYLES = [
  '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>',
  '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
  '<w:style w:type="character" w:styleId="FootnoteTextChar"><w:name w:val="Footnote Text Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="FootnoteText"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
  '<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/><w:basedOn w:val="Normal"/><w:link w:val="EndnoteTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
  '<w:style w:type="character" w:styleId="EndnoteTextChar"><w:name w:val="Endnote Text Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="EndnoteText"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>',
  '<w:style w:type="character" w:styleId="LineNumber"><w:name w:val="line number"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
].join('');
