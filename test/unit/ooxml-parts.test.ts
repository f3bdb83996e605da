import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Document, Footer, Header, Packer, Paragraph, TextRun, type IPropertiesOptions } from 'docx';
import { describe, expect, it } from 'vitest';
import { referenceDocx } from '../../src/commands/reference-docx.js';
import { pageGeometry } from '../../src/docx/layout.js';
import { numberingDefinition, numberingReference } from '../../src/docx/numbering.js';
import { documentStyles } from '../../src/docx/styles.js';
import { concreteNumberings, numberingIds, numberingXml, numIdOf, type NumberingUse } from '../../src/docx/ooxml/numbering-xml.js';
import {
  appXml,
  commentsXml,
  contentTypesXml,
  coreXml,
  customXml,
  emptyRelsXml,
  endnotesXml,
  fontTableXml,
  footnotesXml,
  rootRelsXml,
  settingsXml,
  themeXml,
} from '../../src/docx/ooxml/package-xml.js';
import { stylesXml } from '../../src/docx/ooxml/styles-xml.js';
import { AlignmentType, BorderStyle, LevelFormat, LevelSuffix, type NumberingDefinition, type StylesOptions } from '../../src/docx/ooxml/types.js';
import { DECLARATION, DECLARATION_STANDALONE, escapeAttribute, escapeText, parseXml, serialize } from '../../src/docx/ooxml/xml.js';
import { readReferenceDocx } from '../../src/load/reference-docx-parts.js';
import { FORBIDDEN_CHARACTER } from '../../src/model/common.js';
import { layoutSchema } from '../../src/model/index.js';

/*
 * A differential test: each part our writer makes is compared, byte for byte, with the part
 * docx 9.15.2 makes for the same options, taken from its compiler as src/docx/pack.ts takes it.
 */

type Options = Omit<IPropertiesOptions, 'sections'> & { sections?: IPropertiesOptions['sections'] };

/** docx's parts of a document with the given options (one section with `children` unless given). */
function docxParts(options: Options, children: Paragraph[] = [new Paragraph('x')]): Map<string, string> {
  const document = new Document({ sections: [{ children }], ...options });
  const compiler: unknown = Reflect.get(Packer, 'compiler');
  if (typeof compiler !== 'object' || compiler === null || !('compile' in compiler) || typeof compiler.compile !== 'function') {
    throw new Error('docx has no compiler');
  }
  const files: unknown = compiler.compile(document, undefined, []);
  if (!(files instanceof Map)) throw new Error('the compiler gave no map');
  const parts = new Map<string, string>();
  for (const [path, data] of files) if (typeof path === 'string' && typeof data === 'string') parts.set(path, data);
  return parts;
}

function part(parts: Map<string, string>, path: string): string {
  const data = parts.get(path);
  if (data === undefined) throw new Error(`docx wrote no ${path}`);
  return data;
}

/** Text with everything docx escapes or drops: markup characters, quotes, control characters, Latvian letters. */
const NASTY = `A & B <c> "d" 'e' ā č ē ģ ī ķ ļ ņ š ū ž Ā Ž \u0001\u0008\u000b\u000c\u001f\t tab\nline {x}`;

/** Strings of every kind fast-check makes, control characters and astral code points included. */
const anyText = fc.string({ unit: 'binary', maxLength: 30 });

describe('xml', () => {
  it('escapes attributes and text as docx writes them (w:t text goes through escapeAll)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const body = part(docxParts({}, [new Paragraph({ children: [new TextRun(text)] })]), 'word/document.xml');
        expect(body).toContain(`<w:t xml:space="preserve">${escapeText(text)}</w:t>`);
      }),
      { numRuns: 60 },
    );
    expect(escapeAttribute(NASTY)).toBe(`A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; ā č ē ģ ī ķ ļ ņ š ū ž Ā Ž \t tab\nline {x}`);
    expect(escapeText(NASTY)).toBe(escapeAttribute(NASTY));
  });

  it('leaves out every character XML 1.0 does not allow: U+FFFE, U+FFFF and lone surrogates too, which docx let through', () => {
    expect(escapeText('a\uFFFEb\uFFFFc\uD800d\uDC00e\u{1F600}f\u0001')).toBe('abcde\u{1F600}f');
    expect(escapeAttribute('\uDBFFx\uDFFF"')).toBe('x&quot;');
  });

  it('escapes or leaves out each code unit that calls for it, between letters or alone, and leaves every other one as it is', () => {
    const entities = new Map([['&', '&amp;'], ['"', '&quot;'], ["'", '&apos;'], ['<', '&lt;'], ['>', '&gt;']]);
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      const written = entities.get(char) ?? (FORBIDDEN_CHARACTER.test(char) ? '' : char);
      if (escapeAttribute(`a${char}b`) !== `a${written}b` || escapeAttribute(char) !== written) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
    // A pair of surrogates is one character, and stays.
    expect(escapeAttribute('a\u{1F600}b')).toBe('a\u{1F600}b');
  });

  it('writes the declarations docx writes', () => {
    const parts = docxParts({});
    expect(part(parts, 'word/styles.xml').startsWith(DECLARATION_STANDALONE)).toBe(true);
    expect(part(parts, '_rels/.rels').startsWith(`${DECLARATION}<`)).toBe(true);
  });

  it('keeps the xml package quirk: text takes the place of the element just before it', () => {
    const [root] = parseXml('<a><b/>one<c/>two<d x="1"/><e></e></a>');
    expect(root && serialize(root)).toBe('<a>onetwo<d x="1"/><e/></a>');
  });

  it('reads a start tag of 20,000 attributes, keeping the first value of a name given twice', () => {
    // Each name was looked for in the list of those before it: a reference DOCX whose styles had one start tag of
    // 2 million attributes (4 MB zipped) held every build up for hours. Names are now kept in a set; the time is measured, not asserted.
    const names = Array.from({ length: 20_000 }, (_, index) => `a${index}`);
    const [root] = parseXml(`<w:docDefaults ${names.map((name) => `${name}="1"`).join(' ')} a7="2"/>`);
    expect(root?.attributes).toHaveLength(20_000);
    expect(root?.attributes[7]).toEqual(['a7', '1']);
    expect(root?.attributes.at(-1)).toEqual(['a19999', '1']);
  });
});

const layout = layoutSchema.parse({});

/** Style options as src/docx/styles.ts makes them, for a layout with the given font and size. */
function builtInStyles(font: string, sizePt: number, indentMm: number): StylesOptions {
  const custom = layoutSchema.parse({ font, font_size_pt: sizePt, first_line_indent_mm: indentMm });
  return documentStyles(custom, pageGeometry(custom), { kind: 'built-in' });
}

const runArbitrary = fc.record(
  {
    font: fc.string({ maxLength: 12 }),
    size: fc.integer({ min: 0, max: 96 }),
    bold: fc.boolean(),
    italics: fc.boolean(),
    color: fc.constantFrom('000000', '#808080', 'auto', 'A1b2C3'),
    language: fc.record({ value: fc.constantFrom('lv-LV', 'en-GB') }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const borderArbitrary = fc.record(
  {
    style: fc.constantFrom(BorderStyle.SINGLE, BorderStyle.DOUBLE, BorderStyle.NONE),
    size: fc.integer({ min: 0, max: 48 }),
    color: fc.constantFrom('808080', 'auto'),
    space: fc.integer({ min: 0, max: 31 }),
  },
  { requiredKeys: ['style'] },
);

const paragraphArbitrary = fc.record(
  {
    alignment: fc.constantFrom(AlignmentType.LEFT, AlignmentType.CENTER, AlignmentType.JUSTIFIED, AlignmentType.RIGHT),
    indent: fc.record({ left: fc.integer({ min: -500, max: 2000 }), right: fc.integer({ min: 0, max: 2000 }), firstLine: fc.integer({ min: 0, max: 2000 }) }, { requiredKeys: [] }),
    spacing: fc.record({ before: fc.integer({ min: 0, max: 600 }), after: fc.integer({ min: 0, max: 600 }), line: fc.integer({ min: 200, max: 480 }) }, { requiredKeys: [] }),
    border: fc.record({ top: borderArbitrary, left: borderArbitrary, bottom: borderArbitrary, right: borderArbitrary }, { requiredKeys: [] }),
    keepNext: fc.boolean(),
    keepLines: fc.boolean(),
  },
  { requiredKeys: [] },
);

const styleArbitrary = fc.record({ run: runArbitrary, paragraph: paragraphArbitrary }, { requiredKeys: [] });

const stylesArbitrary: fc.Arbitrary<StylesOptions> = fc.record(
  {
    default: fc.record({ document: styleArbitrary, title: styleArbitrary, heading2: styleArbitrary }, { requiredKeys: [] }),
    paragraphStyles: fc.array(
      fc.record(
        {
          id: fc.constantFrom('Normal', 'Title', 'TOC1', 'BriefingNote', 'Mine', 'Heading2', 'Other'),
          name: fc.constantFrom('Normal', 'toc 1', 'TOC 2', 'Briefing Note', '', 'A & "b"'),
          basedOn: fc.constantFrom('Normal', 'Mine', ''),
          next: fc.constantFrom('Normal', ''),
          quickFormat: fc.boolean(),
          run: runArbitrary,
          paragraph: paragraphArbitrary,
        },
        { requiredKeys: ['id'] },
      ),
      { maxLength: 5 },
    ),
  },
  { requiredKeys: [] },
);

/** A hand-made reference styles.xml: whitespace, comments, entities, `'` quotes, CDATA, a PI, duplicate ids, a `toc 1`. */
const HAND_MADE = `\uFEFF<?xml version='1.0' encoding='UTF-8' standalone='yes'?>
<!DOCTYPE styles [ <!ENTITY x "y"> ]>
<!-- a comment before the root -->
<w:styles xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"  mc:Ignorable = 'w14'>
  <w:docDefaults>
    <w:rPrDefault><w:rPr><w:rFonts w:ascii="Cambria &amp; Co" w:hAnsi='It&apos;s'/><w:lang w:val="lv-LV"/></w:rPr></w:rPrDefault>
  </w:docDefaults>
  <w:latentStyles w:count="1"><w:lsdException w:name="Normal" w:qFormat="1"/></w:latentStyles>
  <w:latentStyles w:count="2"/>
  <?mso-application progid="Word.Document"?>
  <w:style w:type="paragraph" w:default="0" w:styleId="Normal" w:styleId="Ignored">
    <w:name w:val="Normal"/>
    <!-- comment inside a style -->
    <w:rPr><w:sz w:val="22" /></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Inhalt1"><w:name w:val="TOC 1"/><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote &#x201C;&#8220;&quot;"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote again"/></w:style>
  <w:style w:type="character" w:styleId="Title"><w:name w:val="Title Char"/></w:style>
  <w:style w:styleId="NoType"><w:name>text name</w:name></w:style>
  <w:unknown>  spaced text &amp; "quotes" 'apos' <![CDATA[cdata <dropped>]]></w:unknown>
  <w:mixed><w:a/>first<w:b/>second<w:c/></w:mixed>
  <w:empty></w:empty>
</w:styles>
<!-- a comment after the root -->
`;

describe('styles.xml', () => {
  it('matches docx for the built-in styles of varied layouts', () => {
    for (const [font, size, indent] of [
      ['Times New Roman', 12, 12.5],
      [NASTY, 11.5, 0],
      ['Ārija {default-bullet-numbering-0}', 36, 20.3],
    ] as const) {
      const options = builtInStyles(font, size, indent);
      expect(stylesXml(options)).toBe(part(docxParts({ styles: options }), 'word/styles.xml'));
    }
  });

  it('matches docx for the starter styles and for no options at all', () => {
    const starter = documentStyles(layout, pageGeometry(layout), { kind: 'starter' });
    expect(stylesXml(starter)).toBe(part(docxParts({ styles: starter }), 'word/styles.xml'));
    expect(stylesXml({})).toBe(part(docxParts({ styles: {} }), 'word/styles.xml'));
  });

  it('matches docx for any options of our subset', () => {
    fc.assert(
      fc.property(stylesArbitrary, (options) => {
        expect(stylesXml(options)).toBe(part(docxParts({ styles: options }), 'word/styles.xml'));
      }),
      { numRuns: 150 },
    );
  });

  it('matches docx with a reference: the starter, a hand-made one, and pandoc’s where installed', async () => {
    const starter = readReferenceDocx(referenceDocx().bytes);
    if ('unreadable' in starter) throw new Error(starter.unreadable);
    const references = [starter.styles, HAND_MADE];
    const pandoc = '/usr/share/pandoc/data/docx/word/styles.xml';
    if (existsSync(pandoc)) references.push(readFileSync(pandoc, 'utf8'));
    for (const external of references) {
      const styleIds = [...external.matchAll(/w:styleId="([^"]+)"/g)].map((match) => match[1] ?? '');
      const fromReference = documentStyles(layout, pageGeometry(layout), { kind: 'reference', reference: { ...starter, styles: external, styleIds } });
      // `language` is ours (docx has no such option): it is compared apart, below.
      for (const options of [{ ...fromReference, language: undefined }, {}, { ...builtInStyles(NASTY, 10, 5), language: undefined }]) {
        expect(stylesXml(options, external)).toBe(part(docxParts({ styles: options, externalStyles: external }), 'word/styles.xml'));
      }
    }
  });

  it('matches docx with a reference for any options of our subset', () => {
    fc.assert(
      fc.property(stylesArbitrary, (options) => {
        expect(stylesXml(options, HAND_MADE)).toBe(part(docxParts({ styles: options, externalStyles: HAND_MADE }), 'word/styles.xml'));
      }),
      { numRuns: 60 },
    );
  });

  it('matches docx for small references at the edges of its rules', () => {
    const root = '<w:styles xmlns:w="w">';
    const references = [
      `${root}<w:style w:type="paragraph" w:default="off" w:styleId="Normal"/></w:styles>`,
      `${root}<w:style w:type="paragraph" w:default="0" w:styleId="Normal"/><w:style w:type="paragraph" w:styleId="Normal" w:default="false"><w:name w:val="N"/></w:style></w:styles>`,
      `${root}<w:style w:type="paragraph" w:default="yes" w:styleId="Body"/></w:styles>`,
      `${root}<w:style w:type="table" w:default="1" w:styleId="T"/><w:style><w:name w:val="toc 3"/></w:style></w:styles>`,
      `${root}<w:style w:type="character" w:styleId="C"><w:name w:val="toc 4"/></w:style><w:style w:styleId="X"><w:name w:val="toc 5">t</w:name></w:style></w:styles>`,
      `${root}text at the top<w:docDefaults/>more text</w:styles>`,
      `${root}</w:styles>`,
    ];
    for (const external of references) {
      for (const options of [{}, builtInStyles('Arial', 12, 10)]) {
        expect(stylesXml(options, external)).toBe(part(docxParts({ styles: options, externalStyles: external }), 'word/styles.xml'));
      }
    }
  });

  it('puts `language` into the document defaults written, a reference’s too, in the schema’s place', () => {
    const root = '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">';
    const defaultsOf = (external: string | undefined, options: StylesOptions = { language: 'lv-LV' }): string =>
      /<w:docDefaults>.*?<\/w:docDefaults>/.exec(stylesXml(options, external))?.[0] ?? '';
    // A reference's w:lang: its value set, its East Asian and complex-script languages kept.
    const word = `${root}<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial"/><w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults></w:styles>`;
    expect(defaultsOf(word)).toBe('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial"/><w:lang w:val="lv-LV" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>');
    // None there: put in before the elements CT_RPr orders after it.
    const withoutLanguage = `${root}<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/><w:specVanish/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`;
    expect(defaultsOf(withoutLanguage)).toBe('<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/><w:lang w:val="lv-LV"/><w:specVanish/></w:rPr></w:rPrDefault></w:docDefaults>');
    // A style that sets a language (LibreOffice writes it into Normal) is in the report's language too; one that sets none is left so.
    const libreOffice = `${root}<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:rPr><w:lang w:val="lv-LV" w:eastAsia="zh-CN" w:bidi="hi-IN"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:rPr><w:i/></w:rPr></w:style></w:styles>`;
    const styles = stylesXml({ language: 'en-GB' }, libreOffice);
    expect(styles).toContain('<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:rPr><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="hi-IN"/></w:rPr></w:style>');
    expect(styles).toContain('<w:style w:type="paragraph" w:styleId="Quote"><w:rPr><w:i/></w:rPr></w:style>');
    expect(styles).not.toContain('lv-LV');
    // No defaults in the reference: docx's empty ones get it, rPrDefault before pPrDefault.
    expect(defaultsOf(`${root}<w:style w:type="paragraph" w:styleId="X"/></w:styles>`)).toBe('<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="lv-LV"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>');
    // The built-in styles already say it: the same bytes as docx writes.
    const builtIn = builtInStyles('Times New Roman', 12, 10);
    expect(builtIn.language).toBe('lv-LV');
    expect(stylesXml(builtIn)).toBe(stylesXml({ ...builtIn, language: undefined }));
  });

  it('throws where docx throws', () => {
    for (const external of ['<w:styles>', '<w:other a="1"/>', '<w:styles a="&nbsp;"/>', '<w:styles/>']) {
      expect(() => docxParts({ externalStyles: external })).toThrow();
      expect(() => stylesXml({}, external)).toThrow();
    }
  });

  it('puts numIds in place of numbering keys in braces, as docx does in every part', () => {
    const definitions = [numberingDefinition('period', 1, pageGeometry(layout))];
    const uses = [{ reference: numberingReference('period', 1), instance: 3 }];
    const options = builtInStyles('{period-1-3} {default-bullet-numbering-0} {nothing-0}', 12, 10);
    const children = uses.map((use) => new Paragraph({ text: 'x', numbering: { ...use, level: 0 } }));
    const expected = part(docxParts({ styles: options, numbering: { config: definitions } }, children), 'word/styles.xml');
    expect(expected).toContain('w:ascii="2 1 {nothing-0}"');
    expect(stylesXml(options, undefined, numberingIds(concreteNumberings(definitions, uses)))).toBe(expected);
  });
});

describe('numbering.xml', () => {
  const geometry = pageGeometry(layout);
  const kinds = ['period', 'paren', 'bullet'] as const;

  it('matches docx, numIds in order of first use, for definitions as src/docx/numbering.ts makes them', () => {
    const useArbitrary = fc.record({ kind: fc.constantFrom(...kinds), start: fc.integer({ min: 1, max: 4 }), instance: fc.integer({ min: 0, max: 5 }) });
    const definitionArbitrary = fc.record({ kind: fc.constantFrom(...kinds), start: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.array(definitionArbitrary, { maxLength: 6 }), fc.array(useArbitrary, { maxLength: 12 }), (defined, used) => {
        const definitions = defined.map(({ kind, start }) => numberingDefinition(kind, start, geometry));
        const uses: NumberingUse[] = used.map(({ kind, start, instance }) => ({ reference: numberingReference(kind, start), instance }));
        const children = uses.map((use) => new Paragraph({ text: 'x', numbering: { ...use, level: 0 } }));
        const parts = docxParts({ numbering: { config: definitions } }, children);
        expect(numberingXml(definitions, uses)).toBe(part(parts, 'word/numbering.xml'));
        // The numId docx gives each paragraph: the mapping the body needs.
        const written = [...part(parts, 'word/document.xml').matchAll(/<w:numId w:val="([^"]+)"\/>/g)].map((match) => match[1]);
        const concrete = concreteNumberings(definitions, uses);
        expect(written).toEqual(uses.map((use) => String(numIdOf(concrete, use) ?? `{${use.reference}-${use.instance}}`)));
      }),
      { numRuns: 120 },
    );
  });

  it('matches docx for hand-made definitions: every level option, a reference defined twice, no levels', () => {
    const definitions: NumberingDefinition[] = [
      {
        reference: 'all & "every"',
        levels: [
          { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1 & <x>', start: 7.6, alignment: AlignmentType.CENTER, suffix: LevelSuffix.TAB },
          { level: 1, format: LevelFormat.LOWER_LETTER, alignment: AlignmentType.RIGHT, suffix: LevelSuffix.NOTHING, style: { paragraph: { indent: { left: 10.7, hanging: 300 } }, run: { bold: true, font: 'Ā' } } },
          { level: 2, text: '', alignment: AlignmentType.END },
          { level: 9, format: LevelFormat.BULLET, text: '•' },
        ],
      },
      { reference: 'twice', levels: [{ level: 0, start: 2 }] },
      { reference: 'empty', levels: [] },
      { reference: 'twice', levels: [{ level: 0, start: 5 }, { level: 1 }] },
    ];
    const uses = [
      { reference: 'twice', instance: 0 },
      { reference: 'all & "every"', instance: 1 },
      { reference: 'empty', instance: 0 },
      { reference: 'twice', instance: 0 },
      { reference: 'twice', instance: 2 },
    ];
    const children = uses.map((use) => new Paragraph({ text: 'x', numbering: { ...use, level: 0 } }));
    expect(numberingXml(definitions, uses)).toBe(part(docxParts({ numbering: { config: definitions } }, children), 'word/numbering.xml'));
    expect(numberingXml([], [])).toBe(part(docxParts({ numbering: { config: [] } }), 'word/numbering.xml'));
  });
});

describe('package parts', () => {
  const date = new Date('2024-02-29T13:14:15.678Z');
  /** core.xml with both dates made the same, as src/docx/pack.ts replaces them. */
  const withoutDates = (xml: string): string => xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, '$1DATE$3');

  it('core.xml matches docx, dates aside', () => {
    const cases = [
      { title: 'Ziņojums & <draft>', subject: NASTY, creator: 'Ministrija', lastModifiedBy: 'Ministrija', description: 'd "q"', keywords: 'EDUC', revision: 1 },
      { title: '', subject: undefined, creator: 'c', revision: 0 },
      {},
    ];
    for (const properties of cases) {
      const expected = part(docxParts(properties), 'docProps/core.xml');
      const ours = coreXml(properties, date);
      expect(ours).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${date.toISOString()}</dcterms:created>`);
      expect(withoutDates(ours)).toBe(withoutDates(expected));
      expect(withoutDates(ours)).not.toBe(ours);
    }
  });

  it('custom.xml matches docx for 0, 2 and 5 properties and any text', () => {
    for (const count of [0, 2, 5]) {
      const properties = Array.from({ length: count }, (_, index) => ({ name: `${NASTY}${index}`, value: index === 1 ? '' : `{"field":"a&b"} ${NASTY}` }));
      expect(customXml(properties)).toBe(part(docxParts({ customProperties: properties }), 'docProps/custom.xml'));
    }
    fc.assert(
      fc.property(fc.array(fc.record({ name: anyText, value: anyText }), { maxLength: 4 }), (properties) => {
        expect(customXml(properties)).toBe(part(docxParts({ customProperties: properties }), 'docProps/custom.xml'));
      }),
      { numRuns: 60 },
    );
  });

  it('settings.xml matches docx for tracked revisions on, off and not given, with and without doNotExpandShiftReturn', () => {
    for (const trackRevisions of [true, false, undefined]) {
      for (const doNotExpandShiftReturn of [true, false, undefined]) {
        const expected = part(
          docxParts({ ...(trackRevisions === undefined ? {} : { features: { trackRevisions } }), compatibility: { doNotExpandShiftReturn } }),
          'word/settings.xml',
        );
        expect(settingsXml({ trackRevisions, doNotExpandShiftReturn })).toBe(expected);
      }
    }
  });

  it('[Content_Types].xml matches docx for headers, footers and comments', () => {
    const header = () => new Header({ children: [new Paragraph('h')] });
    const footer = () => new Footer({ children: [new Paragraph('f')] });
    const kinds = ['default', 'first', 'even'] as const;
    for (const headers of [0, 1, 2, 3]) {
      for (const footers of [0, 2, 3]) {
        for (const comments of [false, true]) {
          const options: Options = {
            sections: [
              {
                headers: Object.fromEntries(kinds.slice(0, headers).map((kind) => [kind, header()])),
                footers: Object.fromEntries(kinds.slice(0, footers).map((kind) => [kind, footer()])),
                children: [new Paragraph('x')],
              },
            ],
            comments: { children: comments ? [{ id: 0, author: 'a', date, children: [new Paragraph('c')] }] : [] },
          };
          const parts = docxParts(options);
          expect(contentTypesXml({ headers, footers, comments })).toBe(part(parts, '[Content_Types].xml'));
          expect(parts.has('word/comments.xml')).toBe(comments);
        }
      }
    }
  });

  it('the constant parts match docx: app, root and empty rels, font table, theme, endnotes', () => {
    const parts = docxParts({ footnotes: { 1: { children: [new Paragraph('n')] } }, comments: { children: [{ id: 0, author: 'a', children: [] }] } });
    expect(appXml()).toBe(part(parts, 'docProps/app.xml'));
    expect(rootRelsXml()).toBe(part(parts, '_rels/.rels'));
    expect(fontTableXml()).toBe(part(parts, 'word/fontTable.xml'));
    expect(themeXml()).toBe(part(parts, 'word/theme/theme1.xml'));
    expect(endnotesXml()).toBe(part(parts, 'word/endnotes.xml'));
    for (const rels of ['word/_rels/footnotes.xml.rels', 'word/_rels/endnotes.xml.rels', 'word/_rels/comments.xml.rels', 'word/_rels/fontTable.xml.rels']) {
      expect(emptyRelsXml()).toBe(part(parts, rels));
    }
  });

  it('footnotes.xml matches docx around the notes’ own XML', () => {
    for (const texts of [[], ['one & <two>'], [NASTY, 'b', 'c']]) {
      const footnotes = Object.fromEntries(texts.map((text, index) => [index + 1, { children: [new Paragraph(text), new Paragraph({ children: [new TextRun({ text, bold: true })] })] }]));
      const expected = part(docxParts({ footnotes }), 'word/footnotes.xml');
      const inner = texts.map((_, index) => new RegExp(`<w:footnote w:id="${index + 1}">([\\s\\S]*?)</w:footnote>`).exec(expected)?.[1] ?? 'missing');
      expect(footnotesXml(inner)).toBe(expected);
    }
    const empty = part(docxParts({ footnotes: { 1: { children: [] } } }), 'word/footnotes.xml');
    expect(footnotesXml([''])).toBe(empty);
  });

  it('comments.xml matches docx around the comment’s own XML', () => {
    const cases = [
      { id: 0, author: 'Jānis & "Co" <x>', date: new Date('2024-05-06T07:08:09Z'), texts: ['Kopsavilkums & <x>', 'second'] },
      { id: 3, author: NASTY, initials: 'J&B', date: new Date(0), texts: [] },
    ];
    for (const { texts, ...comment } of cases) {
      const children = texts.map((text) => new Paragraph({ style: 'BriefingTableText', children: [new TextRun(text)] }));
      const expected = part(docxParts({ comments: { children: [{ ...comment, children }] } }), 'word/comments.xml');
      const paragraphsXml = /<w:comment [^>]*>([\s\S]*)<\/w:comment>/.exec(expected)?.[1] ?? '';
      expect(paragraphsXml === '').toBe(texts.length === 0);
      expect(commentsXml([{ ...comment, date: comment.date.toISOString(), paragraphsXml }])).toBe(expected);
    }
  });
});
