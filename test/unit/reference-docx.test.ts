import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { referenceDocx } from '../../src/commands/reference-docx.js';
import { withReferenceParts } from '../../src/docx/reference-parts.js';
import { readReferenceDocx } from '../../src/load/reference-docx-parts.js';
import { RESAVE } from '../../src/load/reference-xml.js';
import { CharacterStyle, Style, WRITER_STYLE_IDS, type ReferenceDocx } from '../../src/model/reference-docx.js';
import { stylesXml } from '../../src/docx/ooxml/styles-xml.js';
import { claimUnpackedSize } from '../helpers/docx.js';

/** The starter reference with a logo in its first page's header and a style numbered by its numbering. */
async function referenceWithLogo(): Promise<Uint8Array> {
  const parts = unzipSync(referenceDocx().bytes);
  const text = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
  const firstId = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(text('word/document.xml'))?.[1];
  const target = new RegExp(`Id="${firstId}"[^>]*Target="([^"]+)"`).exec(text('word/_rels/document.xml.rels'))?.[1] ?? '';
  parts[`word/_rels/${target}.rels`] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/logo.emf"/></Relationships>',
  );
  parts['word/media/logo.emf'] = new Uint8Array([1, 2, 3]);
  parts['word/styles.xml'] = strToU8(
    text('word/styles.xml').replace('<w:name w:val="Heading 2"/>', '<w:name w:val="Heading 2"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr>').replace('<w:name w:val="Title"/>', '<w:name w:val="Title"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'),
  );
  return zipSync(parts);
}

function read(bytes: Uint8Array): ReferenceDocx {
  const reference = readReferenceDocx(bytes);
  if ('unreadable' in reference) throw new Error(reference.unreadable);
  return reference;
}

describe('reading a reference DOCX', () => {
  it('takes the first page header with its media, renamed so it cannot replace ours', async () => {
    const reference = read(await referenceWithLogo());
    expect(reference.firstHeader?.rels).toContain('Target="media/reference-header-logo.emf"');
    expect(Object.keys(reference.firstHeader?.media ?? {})).toEqual(['word/media/reference-header-logo.emf']);
    expect(reference.page).toEqual({ width: 11906, height: 16838, margins: { left: 1701, right: 1134, top: 1134, bottom: 1134, header: 567, footer: 567 } });
  });

  it('moves numbering ids by 1000, but leaves numId 0 ("no numbering") alone', async () => {
    const reference = read(await referenceWithLogo());
    expect(reference.styles).toContain('<w:numId w:val="1002"/>');
    expect(reference.styles).toContain('<w:numId w:val="0"/>');
    expect(reference.numbering.abstract.every((element) => /^<w:abstractNum w:abstractNumId="10\d\d"/.test(element))).toBe(true);
  });

  it('takes a reference saved as Strict Open XML in the Transitional namespaces the report is written in', async () => {
    const parts = unzipSync(await referenceWithLogo());
    for (const [name, data] of Object.entries(parts)) {
      if (/\.(xml|rels)$/.test(name)) parts[name] = strToU8(strFromU8(data).replaceAll('http://schemas.openxmlformats.org/wordprocessingml/2006/', 'http://purl.oclc.org/ooxml/wordprocessingml/').replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/', 'http://purl.oclc.org/ooxml/officeDocument/'));
    }
    expect(strFromU8(parts['word/styles.xml'] ?? new Uint8Array())).toContain('xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"');
    const reference = read(zipSync(parts));
    expect(reference.styles).toContain('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"');
    expect(reference.firstHeader?.xml).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    expect(reference.firstHeader?.rels).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"');
    expect([reference.styles, reference.firstHeader?.xml, reference.firstHeader?.rels, ...reference.numbering.abstract].join('')).not.toContain('purl.oclc.org');
  });

  it('takes the style ids a Word in another language writes (Galvene for Header) as ours in the letterhead and the numbering too, not only in the styles', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const text = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
    const latvian = (xml: string) => xml.replaceAll('w:val="Header"', 'w:val="Galvene"').replaceAll('w:val="Heading2"', 'w:val="Virsraksts2"');
    parts['word/styles.xml'] = strToU8(latvian(text('word/styles.xml').replace('w:styleId="Header"><w:name w:val="Header"/>', 'w:styleId="Galvene"><w:name w:val="header"/>').replace('w:styleId="Heading2"', 'w:styleId="Virsraksts2"')));
    parts['word/header2.xml'] = strToU8(latvian(text('word/header2.xml')).replace('</w:pPr></w:p>', '</w:pPr><w:r><w:t>IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA</w:t></w:r></w:p>'));
    parts['word/numbering.xml'] = strToU8(text('word/numbering.xml').replace('<w:numFmt w:val="decimal"/>', '<w:numFmt w:val="decimal"/><w:pStyle w:val="Virsraksts2"/>'));
    const reference = read(zipSync(parts));
    expect(reference.styleIds).toEqual(expect.arrayContaining(['Header', 'Heading2']));
    expect(reference.styleIds).not.toEqual(expect.arrayContaining(['Galvene']));
    expect(reference.firstHeader?.xml).toContain('<w:pStyle w:val="Header"/><w:tabs>');
    expect(reference.firstHeader?.xml).not.toContain('Galvene');
    expect(reference.numbering.abstract.join('')).toContain('<w:pStyle w:val="Heading2"/>');
    expect(reference.numbering.abstract.join('')).not.toContain('Virsraksts2');
  });

  it('takes the letterhead of a section before a section break, which the last section links to (Word writes it no header of its own)', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const text = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
    const document = text('word/document.xml');
    const last = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)?.[0] ?? '';
    const linked = last.replace(/<w:(?:header|footer)Reference [^>]*\/>/g, '');
    // The first section, its letterhead and all, ends at a section break; the last has "Link to Previous" on.
    parts['word/document.xml'] = strToU8(document.replace('<w:body>', `<w:body><w:p><w:pPr>${last}</w:pPr></w:p>`).replace(`${last}</w:body>`, `${linked}</w:body>`));
    parts['word/header2.xml'] = strToU8(text('word/header2.xml').replace('</w:pPr></w:p>', '</w:pPr><w:r><w:t>IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA</w:t></w:r></w:p>'));
    parts['word/header1.xml'] = strToU8(text('word/header1.xml').replace('<w:r><w:tab/></w:r>', '<w:r><w:t>IZM</w:t></w:r>'));
    const reference = read(zipSync(parts));
    expect(reference.firstHeader?.xml).toContain('IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA');
    expect(reference.firstFooter).toBeDefined();
    expect(reference.unusedParts).toEqual(['the header of the pages after the first (word/header1.xml)']);
  });

  it('leaves out the anchors of the comments in the letterhead, whose comments a report does not take (LibreOffice could not open it)', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const commented =
      '<w:commentRangeStart w:id="0"/><w:r><w:t>IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA</w:t></w:r><w:commentRangeEnd w:id="0"/>' +
      '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>';
    parts['word/header2.xml'] = strToU8(strFromU8(parts['word/header2.xml'] ?? new Uint8Array()).replace('</w:pPr></w:p>', `</w:pPr>${commented}</w:p>`));
    const header = read(zipSync(parts)).firstHeader?.xml ?? '';
    expect(header).toContain('</w:pPr><w:r><w:t>IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA</w:t></w:r></w:p>');
    expect(header).not.toMatch(/comment/i);
  });

  it('refuses a letterhead with tracked changes, which every report would show as changes, and says how to accept them', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const inserted = '<w:ins w:id="7" w:author="Anna Bērziņa" w:date="2021-01-01T00:00:00Z"><w:r><w:t>IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA</w:t></w:r></w:ins>';
    parts['word/header2.xml'] = strToU8(strFromU8(parts['word/header2.xml'] ?? new Uint8Array()).replace('</w:pPr></w:p>', `</w:pPr>${inserted}</w:p>`));
    expect(readReferenceDocx(zipSync(parts))).toEqual({
      unreadable: 'its first-page header (word/header2.xml) has tracked changes (by Anna Bērziņa), which every report would show as changes in its letterhead',
      hint: 'Open it in Word, accept or reject the changes (Review → Accept → Accept All Changes; LibreOffice: Edit → Track Changes → Manage → Accept All), and save it again.',
    });
  });

  it('names a picture in the body of the reference (a logo set at the top of the text, not in the header), which no report has', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const logo = '<w:p><w:r><w:drawing><wp:inline><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/></wp:inline></w:drawing></w:r></w:p>';
    parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml'] ?? new Uint8Array()).replace('<w:body>', `<w:body>${logo}`));
    expect(read(zipSync(parts)).unusedParts).toEqual(['the body of the document, a picture or text box (word/document.xml)']);
    // The starter's body is text alone, which is a sample: nothing to warn about.
    expect(read(referenceDocx().bytes).unusedParts).toEqual([]);
  });

  it('names a letterhead in a section of its own before the last, which no report has (a first page set as a section of its own)', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const text = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
    const document = text('word/document.xml');
    const last = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(document)?.[0] ?? '';
    // The first page is a section whose every-page header is the letterhead (header2.xml); the last section has its own, the page number.
    const first = last.replace(/<w:headerReference w:type="default" r:id="[^"]+"\/><w:headerReference w:type="first" r:id="([^"]+)"\/>/, '<w:headerReference w:type="default" r:id="$1"/>').replace(/<w:footerReference [^>]*\/>/g, '').replace('<w:titlePg/>', '');
    parts['word/document.xml'] = strToU8(document.replace('<w:body>', `<w:body><w:p><w:pPr>${first}</w:pPr></w:p>`).replace(last, last.replace(/<w:headerReference w:type="first" [^>]*\/>/, '').replace('<w:titlePg/>', '')));
    parts['word/header2.xml'] = strToU8(text('word/header2.xml').replace('</w:pPr></w:p>', '</w:pPr><w:r><w:t>IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA</w:t></w:r></w:p>'));
    const reference = read(zipSync(parts));
    expect(reference.firstHeader).toBeUndefined();
    expect(reference.unusedParts).toEqual(['the header of an earlier section (word/header2.xml)']);
  });

  it('leaves out the picture bullet a level of the reference’s numbering names, whose picture a report does not have', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const picture = '<w:numPicBullet w:numPicBulletId="0"><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"/></w:pict></w:numPicBullet>';
    const numbering = strFromU8(parts['word/numbering.xml'] ?? new Uint8Array()).replace('<w:abstractNum ', `${picture}<w:abstractNum `).replace('<w:lvlText w:val="●"/>', '<w:lvlText w:val="●"/><w:lvlPicBulletId w:val="0"/>');
    parts['word/numbering.xml'] = strToU8(numbering);
    // A list may override a level with one of its own, picture and all.
    const override = '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/><w:lvlPicBulletId w:val="0"/></w:lvl></w:lvlOverride>';
    parts['word/numbering.xml'] = strToU8(numbering.replace(/(<w:num w:numId="1"[^>]*>[\s\S]*?)<\/w:num>/, `$1${override}</w:num>`));
    const lists = read(zipSync(parts)).numbering;
    const abstract = lists.abstract.join('');
    expect(numbering).toContain('<w:lvlPicBulletId w:val="0"/>');
    expect(abstract).toContain('<w:lvlText w:val="●"/><w:lvlJc');
    expect(abstract).not.toMatch(/PicBullet/);
    expect(lists.instances.join('')).toContain('<w:lvlText w:val="●"/></w:lvl></w:lvlOverride>');
  });

  it('refuses a chart in the letterhead, whose own parts a report would lack, and says to paste it as a picture', () => {
    const parts = unzipSync(referenceDocx().bytes);
    parts['word/_rels/header2.xml.rels'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart1.xml"/></Relationships>',
    );
    parts['word/charts/chart1.xml'] = strToU8('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    parts['word/charts/_rels/chart1.xml.rels'] = strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
    expect(readReferenceDocx(zipSync(parts))).toEqual({
      unreadable: 'its first-page header (word/header2.xml) holds word/charts/chart1.xml, which has parts of its own (a chart or a diagram) that a report does not take',
      hint: 'Open it in Word, replace that object in the first page’s header with a picture of it (copy it, then Home → Paste → Paste Special → Picture), and save it.',
    });
  });

  it('gives a localized Word’s built-in styles the ids the report’s own styles of that name have, so the report has one of each name (the ministry’s)', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const styles = strFromU8(parts['word/styles.xml'] ?? new Uint8Array())
      .replace('w:styleId="Heading1"><w:name w:val="Heading 1"/>', 'w:styleId="Virsraksts1"><w:name w:val="heading 1"/>')
      .replace('w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>', 'w:styleId="Sarakstarindkopa"><w:name w:val="List Paragraph"/>');
    parts['word/styles.xml'] = strToU8(styles);
    const reference = read(zipSync(parts));
    expect(reference.styleIds).toEqual(expect.arrayContaining(['Heading1', 'ListParagraph']));
    expect(reference.styleIds).not.toEqual(expect.arrayContaining(['Virsraksts1']));
    expect(reference.styleIds).not.toEqual(expect.arrayContaining(['Sarakstarindkopa']));
  });

  it('knows every style the writer puts in a report besides ours (WRITER_STYLE_IDS is what styles-xml writes)', () => {
    const written = [...stylesXml({}).matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1] ?? '');
    const ours: string[] = [...Object.values(Style), ...Object.values(CharacterStyle), 'TableNormal'];
    expect(written.filter((id) => !ours.includes(id)).sort()).toEqual([...WRITER_STYLE_IDS].sort());
  });

  it('keeps the gutter of the reference’s page (room for binding) in the margin it widens, the left or, as the settings may say, the top', () => {
    const parts = unzipSync(referenceDocx().bytes);
    parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml'] ?? new Uint8Array()).replace('w:left="1701" w:header="567" w:footer="567" w:gutter="0"', 'w:left="1134" w:header="567" w:footer="567" w:gutter="567"'));
    expect(read(zipSync(parts)).page?.margins).toMatchObject({ left: 1701, top: 1134 });
    const settings = strFromU8(parts['word/settings.xml'] ?? new Uint8Array());
    parts['word/settings.xml'] = strToU8(settings.replace(/(<w:settings\b[^>]*>)/, '$1<w:gutterAtTop/>'));
    expect(read(zipSync(parts)).page?.margins).toMatchObject({ left: 1134, top: 1701 });
  });

  it('keeps the reference’s mirrored margins (a page set for two-sided printing), which the report’s settings then say', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const settings = strFromU8(parts['word/settings.xml'] ?? new Uint8Array());
    parts['word/settings.xml'] = strToU8(settings.replace(/(<w:settings\b[^>]*>)/, '$1<w:mirrorMargins/>'));
    const reference = read(zipSync(parts));
    expect(reference.page?.mirrored).toBe(true);
    const built = withReferenceParts(unzipSync(referenceDocx().bytes), reference)['word/settings.xml'];
    expect(typeof built === 'string' ? built : strFromU8(built ?? new Uint8Array())).toContain('<w:displayBackgroundShape/><w:mirrorMargins/><w:defaultTabStop');
    expect(read(referenceDocx().bytes).page?.mirrored).toBeUndefined();
  });

  it('reads the page as it is, not as a tracked change of it says it was (a different first page turned off with track changes on)', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const was = '<w:sectPrChange w:id="9" w:author="Anna" w:date="2021-01-01T00:00:00Z"><w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:titlePg/></w:sectPr></w:sectPrChange>';
    const document = strFromU8(parts['word/document.xml'] ?? new Uint8Array());
    parts['word/document.xml'] = strToU8(document.replace('<w:titlePg/>', '').replace('</w:sectPr></w:body>', `${was}</w:sectPr></w:body>`));
    const reference = read(zipSync(parts));
    expect(reference.firstHeader).toBeUndefined();
    expect(reference.page).toMatchObject({ width: 11906, height: 16838 });
  });

  it('refuses a reference whose styles or letterhead name Word’s elements without the w: prefix (valid XML, but not read), rather than fail on it in every build', () => {
    const unprefixed = (xml: string) => xml.replace('xmlns:w="', 'xmlns="').replace(/<(\/?)w:/g, '<$1').replace(/ w:([A-Za-z]+)=/g, ' $1=');
    const hint = 'Open it in Word, which repairs what it can, and save it again; or start again from `briefing reference-docx`.';
    for (const name of ['word/styles.xml', 'word/header2.xml']) {
      const parts = unzipSync(referenceDocx().bytes);
      parts[name] = strToU8(unprefixed(strFromU8(parts[name] ?? new Uint8Array())));
      expect(readReferenceDocx(zipSync(parts))).toEqual({ unreadable: `its ${name} names Word's elements with another prefix than w: (or none), as the program that wrote it chose, which briefing does not read`, hint });
    }
    // The w: prefix declared in single quotes, with spaces around "=", is the w: prefix (found by the read-only review: refused).
    const parts = unzipSync(referenceDocx().bytes);
    parts['word/styles.xml'] = strToU8(strFromU8(parts['word/styles.xml'] ?? new Uint8Array()).replace(/xmlns:w="([^"]*)"/, "xmlns:w = '$1'"));
    expect(strFromU8(parts['word/styles.xml'] ?? new Uint8Array())).toContain("xmlns:w = 'http");
    expect(readReferenceDocx(zipSync(parts))).not.toHaveProperty('unreadable');
  });

  it('puts the custom properties the letterhead’s fields show (DOCPROPERTY) into the report, which Word would print an error for', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const fields =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DOCPROPERTY  Numurs  \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1-12/345</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:fldSimple w:instr=" DOCPROPERTY &quot;Dokumenta datums&quot; "><w:r><w:t>19.02.2021</w:t></w:r></w:fldSimple>';
    parts['word/header2.xml'] = strToU8(strFromU8(parts['word/header2.xml'] ?? new Uint8Array()).replace('</w:pPr></w:p>', `</w:pPr>${fields}</w:p>`));
    const property = (pid: number, name: string, value: string) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${name}">${value}</property>`;
    parts['docProps/custom.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        `${property(2, 'Numurs', '<vt:lpwstr>1-12/345</vt:lpwstr>')}${property(3, 'Nodaļa', '<vt:lpwstr>IZM</vt:lpwstr>')}${property(4, 'Dokumenta datums', '<vt:filetime>2021-02-19T00:00:00Z</vt:filetime>')}</Properties>`,
    );
    const reference = read(zipSync(parts));
    expect(reference.properties).toEqual([
      { name: 'Numurs', xml: '<vt:lpwstr>1-12/345</vt:lpwstr>' },
      { name: 'Dokumenta datums', xml: '<vt:filetime>2021-02-19T00:00:00Z</vt:filetime>' },
    ]);
    const ours = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${property(2, 'Briefing.Meeting', '<vt:lpwstr>m.yaml</vt:lpwstr>')}</Properties>`;
    const built = withReferenceParts({ ...unzipSync(referenceDocx().bytes), 'docProps/custom.xml': ours }, reference)['docProps/custom.xml'];
    expect(built).toBe(ours.replace('</Properties>', `${property(3, 'Numurs', '<vt:lpwstr>1-12/345</vt:lpwstr>')}${property(4, 'Dokumenta datums', '<vt:filetime>2021-02-19T00:00:00Z</vt:filetime>')}</Properties>`));
  });

  it('refuses a reference whose custom properties, shown in its letterhead, are not well-formed XML, as every report would take them', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const field = '<w:fldSimple w:instr=" DOCPROPERTY Numurs "><w:r><w:t>1</w:t></w:r></w:fldSimple>';
    const header = strFromU8(parts['word/header2.xml'] ?? new Uint8Array());
    const custom = (value: string) =>
      strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
          `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Numurs"><vt:lpwstr>${value}</vt:lpwstr></property></Properties>`,
      );
    const withField = { ...parts, 'word/header2.xml': strToU8(header.replace('</w:pPr></w:p>', `</w:pPr>${field}</w:p>`)) };
    const broken = readReferenceDocx(zipSync({ ...withField, 'docProps/custom.xml': custom('IZM & LM') }));
    expect(broken).toMatchObject({ unreadable: expect.stringMatching(/^its docProps\/custom\.xml is not well-formed XML \(line 1, column \d+: /) });
    expect(readReferenceDocx(zipSync({ ...withField, 'docProps/custom.xml': custom('IZM &amp; LM') }))).toMatchObject({ properties: [{ name: 'Numurs', xml: '<vt:lpwstr>IZM &amp; LM</vt:lpwstr>' }] });
    const typed = strToU8(strFromU8(custom('IZM')).replace('?><Properties', '?><!DOCTYPE Properties [<!ENTITY a "IZM">]><Properties'));
    expect(readReferenceDocx(zipSync({ ...withField, 'docProps/custom.xml': typed }))).toMatchObject({ unreadable: 'its docProps/custom.xml declares a document type (<!DOCTYPE …>), which Word does not allow in a DOCX and LibreOffice refuses to open' });
    // Properties no field shows are not taken, so a fault in them does not matter to a report.
    expect(readReferenceDocx(zipSync({ ...parts, 'docProps/custom.xml': custom('IZM & LM') }))).toMatchObject({ properties: [] });
  });

  it('says why bytes that are not a DOCX cannot be used', () => {
    expect(readReferenceDocx(strToU8('plain text'))).toEqual({ unreadable: 'it is plain text, not a Word document', hint: 'Open it in Word or LibreOffice and save it as a Word document (.docx).' });
    expect(readReferenceDocx(Uint8Array.from([1, 2, 3]))).toEqual({ unreadable: 'it is not a zip file, as a DOCX is', hint: 'Open it in Word or LibreOffice and save it as a Word document (.docx).' });
    expect(readReferenceDocx(zipSync({ 'a.txt': strToU8('a') }))).toEqual({ unreadable: 'it has no word/styles.xml, so it is not a Word document' });
    // A LibreOffice template (.ott) or text (.odt) is said to be one, with the Save As that makes a Word file of it.
    const odt = (type: string) => readReferenceDocx(zipSync({ mimetype: strToU8(type), 'content.xml': strToU8('<office:document-content/>') }));
    const saveAs = 'Open it in LibreOffice and save a copy as Word: File → Save As, file type “Word 2007–365 (.docx)”, Keep Current Format; name that copy in `reference_docx`.';
    expect(odt('application/vnd.oasis.opendocument.text-template')).toEqual({ unreadable: "it is an OpenDocument template (.ott), LibreOffice's own format, not a Word document", hint: saveAs });
    expect(odt('application/vnd.oasis.opendocument.text')).toEqual({ unreadable: "it is an OpenDocument text (.odt), LibreOffice's own format, not a Word document", hint: saveAs });
  });

  it('puts the header, its media and the media’s content type into a built package', async () => {
    const reference = read(await referenceWithLogo());
    const built = unzipSync(referenceDocx().bytes);
    const parts = withReferenceParts(built, reference);
    expect(parts['word/media/reference-header-logo.emf']).toEqual(new Uint8Array([1, 2, 3]));
    const types = parts['[Content_Types].xml'];
    expect(typeof types === 'string' ? types : strFromU8(types ?? new Uint8Array())).toContain('<Default ContentType="image/x-emf" Extension="emf"/>');
  });

  it('declares an embedded object of the letterhead (a coat of arms as an OLE object) with the content type the reference gives it, not as any binary', () => {
    const parts = unzipSync(referenceDocx().bytes);
    const text = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
    parts['word/_rels/header2.xml.rels'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/></Relationships>',
    );
    parts['word/embeddings/oleObject1.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]);
    parts['[Content_Types].xml'] = strToU8(text('[Content_Types].xml').replace('<Default ', '<Default ContentType="application/vnd.openxmlformats-officedocument.oleObject" Extension="bin"/><Default '));
    const built = withReferenceParts(unzipSync(referenceDocx().bytes), read(zipSync(parts)));
    const types = built['[Content_Types].xml'];
    expect(built['word/media/reference-header-oleObject1.bin']).toEqual(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    expect(typeof types === 'string' ? types : strFromU8(types ?? new Uint8Array())).toContain('<Default ContentType="application/vnd.openxmlformats-officedocument.oleObject" Extension="bin"/>');
  });
});

it('refuses a reference DOCX a part of which would unpack to more than 64 MB (a zip bomb), without unpacking it', () => {
  const bytes = referenceDocx().bytes;
  claimUnpackedSize(bytes, 'word/styles.xml', 100 * 2 ** 20);
  expect(readReferenceDocx(bytes)).toEqual({ unreadable: "its word/styles.xml would unpack to more than 64 MB, which no Word document's part needs", hint: RESAVE });
});

it('refuses a reference DOCX whose parts would unpack to more than 256 MB together, each within 64 MB, without unpacking them', () => {
  // Each part alone was all that was counted: a reference of many such pictures took their gigabytes.
  const parts = unzipSync(referenceDocx().bytes);
  for (let n = 1; n <= 5; n++) parts[`word/media/picture${n}.png`] = new Uint8Array([n]);
  const bytes = zipSync(parts);
  for (let n = 1; n <= 5; n++) claimUnpackedSize(bytes, `word/media/picture${n}.png`, 60 * 2 ** 20);
  expect(readReferenceDocx(bytes)).toEqual({ unreadable: 'its parts would unpack to more than 256 MB together (up to word/media/picture5.png), which no reference needs', hint: RESAVE });
});

it('refuses a reference DOCX holding a part twice in its zip, by one name or two that differ in case only: which styles Word shows cannot be told', () => {
  // zipSync takes one entry a name: the second is written under a stand-in of the same length, renamed in the bytes.
  const parts = unzipSync(referenceDocx().bytes);
  const withPart = (name: string) => {
    const zip = Buffer.from(zipSync({ ...parts, 'word/stylez.xml': parts['word/styles.xml'] ?? new Uint8Array() }));
    const from = Buffer.from('word/stylez.xml');
    for (let at = zip.indexOf(from); at !== -1; at = zip.indexOf(from, at + 1)) Buffer.from(name).copy(zip, at);
    return new Uint8Array(zip);
  };
  for (const name of ['word/styles.xml', 'word/Styles.xml']) {
    expect(readReferenceDocx(withPart(name))).toEqual({ unreadable: `its ${name} is in the zip twice (a package holds one part of a name), so which of the two Word shows cannot be told`, hint: RESAVE });
  }
});
