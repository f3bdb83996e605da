import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { acceptedText } from '../../src/review/accepted.js';
import { textOf } from '../../src/review/paragraph-groups.js';
import { splitByField, takenBackChanges, withdrawnNotes } from '../../src/review/fields.js';
import { commentThreads } from '../../src/review/reviewed-docx.js';
import { DamagedDocxError } from '../../src/review/docx-errors.js';
import { readReviewedDocx } from '../../src/review/read-docx.js';
import { parseXml, XmlTooLargeError, XmlTooManyAttributesError } from '../../src/review/xml.js';
import { compileDocx } from '../../src/docx/index.js';
import { configSchema } from '../../src/model/index.js';
import { claimUnpackedSize } from '../helpers/docx.js';
import { WordEdit } from '../helpers/word-edit.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const FIELD = (id: string) => `{"kind":"position","id":"${id}","version":1,"field":"body","file":"positions/${id}.yaml"}`.replace(/"/g, '&quot;');

/** `parts`: more parts of the zip by name (styles, a theme and the relationships naming it). */
function docx(body: string, numbering?: string, parts: Record<string, string> = {}): Uint8Array {
  const custom = `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property name="Briefing.Field._Bf1"><vt:lpwstr>${FIELD('a')}</vt:lpwstr></property><property name="Briefing.Field._Bf2"><vt:lpwstr>${FIELD('b')}</vt:lpwstr></property></Properties>`;
  return zipSync({
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
    'docProps/custom.xml': strToU8(custom),
    ...(numbering ? { 'word/numbering.xml': strToU8(`<w:numbering ${W}>${numbering}</w:numbering>`) } : {}),
    ...Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])),
  });
}

const p = (inner: string) => `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${inner}</w:p>`;
/** A list item of Word list `numId` at level 0. */
const item = (numId: number, inner: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('reading a reviewed DOCX', () => {
  it('reads a line break Word writes as w:br or w:cr as one, and a non-breaking hyphen as a hyphen', () => {
    const run = (inner: string) => `<w:r>${inner}</w:r>`;
    const body = p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('a')}${run('<w:cr/>')}${r('b')}${run('<w:br/>')}${r('c')}${run('<w:noBreakHyphen/>')}${r('d')}<w:bookmarkEnd w:id="0"/>`);
    const split = splitByField(readReviewedDocx(docx(body)));
    expect(split.fields.map((f) => f.paragraphs.map((x) => textOf(x, 'accept')))).toEqual([['a\nb\nc-d']]);
  });

  it('reads a drawing, a text box and an embedded object as pictures, and the marks Word writes in runs (a page break it laid out, a soft hyphen) as none', () => {
    const run = (inner: string) => `<w:r>${inner}</w:r>`;
    const box = '<w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:txbxContent><w:p><w:r><w:t>Kaste</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing>';
    const object = '<w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="_x0000_i1025"/></w:object>';
    const body = [
      p(`${r('Lap')}${run('<w:lastRenderedPageBreak/>')}${run('<w:softHyphen/>')}${r('pa.')}`),
      p(`${r('Attēls: ')}${run(box)}${run(object)}${run('<w:pict><v:rect xmlns:v="urn:schemas-microsoft-com:vml"/></w:pict>')}`),
    ].join('');
    const paragraphs = readReviewedDocx(docx(body)).paragraphs;
    expect(paragraphs.map((paragraph) => [textOf(paragraph, 'accept'), paragraph.pictures])).toEqual([
      ['Lappa.', undefined],
      ['Attēls: ', ['Kaste', '', '']],
    ]);
  });

  it('puts comments into threads: each reply under its comment once, a reply whose comment is not among them beginning a thread of its own', () => {
    const comment = (id: string, replyTo?: string) => ({ id, author: 'Līga Ķēniņa (LM)', date: '', text: `Komentārs ${id}.`, ...(replyTo ? { replyTo } : {}) });
    const threads = commentThreads([comment('1'), comment('2', '1'), comment('3', '9'), comment('4', '1')]);
    expect(threads.map(({ comment: first, replies }) => [first.id, replies.map((reply) => reply.id)])).toEqual([
      ['1', ['2', '4']],
      ['3', []],
    ]);
  });

  it('reads the text around a field’s separator or end whose beginning is not in the document, as Word shows it', () => {
    const run = (inner: string) => `<w:r>${inner}</w:r>`;
    const body = p(`${r('Pirms ')}${run('<w:fldChar w:fldCharType="separate"/>')}${r('vidū')}${run('<w:fldChar w:fldCharType="end"/>')}${r(' pēc.')}`);
    expect(readReviewedDocx(docx(body)).paragraphs.map((paragraph) => textOf(paragraph, 'accept'))).toEqual(['Pirms vidū pēc.']);
  });

  it('keeps a field open across paragraphs when LibreOffice wrote its bookmark as a start without an end', () => {
    const body = [
      p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('A one.')}`),
      p(`<w:bookmarkStart w:id="1" w:name="_Bf1"/>${r('A two.')}<w:bookmarkEnd w:id="1"/>`),
      p(r('Generated.')),
      p(`<w:bookmarkStart w:id="2" w:name="_Bf2"/>${r('B one.')}<w:ins w:id="5" w:author="X" w:date="2021-02-16T00:00:00Z">${r(' More.')}</w:ins><w:bookmarkEnd w:id="2"/>`),
    ].join('');
    const document = readReviewedDocx(docx(body));
    const split = splitByField(document);
    expect(split.fields.map((f) => [f.field.id, f.paragraphs.map((x) => textOf(x, 'accept')), f.revisions.length])).toEqual([
      ['a', ['A one.', 'A two.'], 0],
      ['b', ['B one. More.'], 1],
    ]);
    expect(document.paragraphs[2]?.bookmarks).toEqual([]);
  });

  it('keeps a paragraph the reviewer added inside a field’s bookmark in that field when the next field follows it at once', () => {
    const ins = (text: string) => `<w:ins w:id="5" w:author="X" w:date="2021-02-16T00:00:00Z">${r(text)}</w:ins>`;
    const body = [
      p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('A one.')}`),
      `<w:p><w:pPr><w:rPr><w:ins w:id="4" w:author="X" w:date="2021-02-16T00:00:00Z"/></w:rPr></w:pPr>${ins('A added.')}<w:bookmarkEnd w:id="0"/></w:p>`,
      p(`<w:bookmarkStart w:id="1" w:name="_Bf2"/>${r('B one.')}<w:bookmarkEnd w:id="1"/>`),
    ].join('');
    const split = splitByField(readReviewedDocx(docx(body)));
    expect(split.fields.map((f) => [f.field.id, f.paragraphs.map((x) => textOf(x, 'accept'))])).toEqual([
      ['a', ['A one.', 'A added.']],
      ['b', ['B one.']],
    ]);
  });

  it('reads a field whose footnote reference names a note the DOCX does not hold as the field’s text, without the note', () => {
    const body = p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('Teksts')}<w:r><w:footnoteReference w:id="9"/></w:r>${r('.')}<w:bookmarkEnd w:id="0"/>`);
    const split = splitByField(readReviewedDocx(docx(body)));
    expect(split.fields.map((f) => [f.field.id, f.paragraphs.map((x) => textOf(x, 'accept')), [...f.footnotes.keys()], f.revisions])).toEqual([['a', ['Teksts.'], [], []]]);
  });

  it('shortens a change outside the fields whose mark would be cut in two at the excerpt’s end to the text before the mark', () => {
    // 56 characters: the mark of the change after them stands at the 57th and 58th, where the excerpt ends.
    const before = 'Teksts ārpus laukiem, ko veidne liek pirms šīm atbildēm ';
    const stamp = 'w:id="5" w:author="X" w:date="2021-02-16T00:00:00Z"';
    const body = [
      p(`${r(before)}<w:ins ${stamp}>${r('un vēl pievienots teksts.')}</w:ins>`),
      p(`${r(before)}<w:del ${stamp}><w:r><w:delText>un izdzēsts teksts.</w:delText></w:r></w:del>`),
    ].join('');
    expect(before.length).toBe(56);
    expect(splitByField(readReviewedDocx(docx(body))).outside.map((change) => change.text)).toEqual([`${before}…`, `${before}…`]);
  });

  it('leaves a table right before a field’s first paragraph outside the field when the DOCX records no printed keys (a report built before them)', () => {
    const body = [`<w:tbl><w:tr><w:tc>${p(r('Šūna.'))}</w:tc></w:tr></w:tbl>`, p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('A one.')}<w:bookmarkEnd w:id="0"/>`)].join('');
    const split = splitByField(readReviewedDocx(docx(body)));
    expect(split.fields.map((f) => [f.field.id, f.paragraphs.map((x) => textOf(x, 'accept'))])).toEqual([['a', ['A one.']]]);
  });

  it('reads tables nested 330 deep, and refuses a part nested deeper than 1,000 elements as damaged, where it goes too deep (its readers recurse)', () => {
    const nested = (levels: number) => `${'<w:tbl><w:tr><w:tc>'.repeat(levels)}${p(r('Iekšā.'))}${'</w:tc></w:tr></w:tbl>'.repeat(levels)}`;
    expect(readReviewedDocx(docx(nested(330))).paragraphs.map((x) => textOf(x, 'accept'))).toEqual(['Iekšā.']);
    const deep = () => readReviewedDocx(docx(nested(5000)));
    expect(deep).toThrow(DamagedDocxError);
    // <w:document> and <w:body> are two levels, so the 1,001st element is the 333rd table's cell: the place is its tag's `>`.
    const column = `<w:document ${W}><w:body>`.length + '<w:tbl><w:tr><w:tc>'.length * 333;
    expect(deep).toThrow(`This DOCX cannot be read: its word/document.xml nests its elements more than 1000 levels deep at line 1, column ${column}, deeper than Word writes.`);
  });

  it('refuses a DOCX whose parts would unpack to more than 256 MB together, each within the limit of one part, without unpacking them', () => {
    // Each part alone was all that was counted: twenty themes of 200 MB took 4 GB and 21 s.
    const bytes = docx(p(r('Teksts.')), undefined, { 'word/theme/theme1.xml': '<a/>', 'word/theme/theme2.xml': '<b/>' });
    claimUnpackedSize(bytes, 'word/theme/theme1.xml', 200 * 2 ** 20);
    claimUnpackedSize(bytes, 'word/theme/theme2.xml', 200 * 2 ** 20);
    expect(() => readReviewedDocx(bytes)).toThrow('This DOCX cannot be read: its word/theme/theme2.xml would unpack to 200 MB, which takes the parts briefing reads past 256 MB together.');
  });

  it('refuses a DOCX whose parts hold more than 2,500,000 elements together, where they go past, and reads one just within', () => {
    // 250 MB of empty paragraphs, a few hundred kilobytes zipped, ran the process out of memory after a minute.
    const empty = (count: number) => '<w:p/>'.repeat(count);
    // <w:document> and <w:body> count too, and the five elements of docProps/custom.xml.
    expect(readReviewedDocx(docx(empty(2_500_000 - 7))).paragraphs).toHaveLength(2_500_000 - 7);
    const over = () => readReviewedDocx(docx(empty(2_500_000)));
    expect(over).toThrow(DamagedDocxError);
    // The 2,500,001st element is the 2,499,999th paragraph: the place is its tag's `>`.
    const column = `<w:document ${W}><w:body>`.length + '<w:p/>'.length * 2_499_999;
    expect(over).toThrow(`This DOCX cannot be read: its word/document.xml takes the parts briefing reads past 2,500,000 XML elements together (at line 1, column ${column}), twice what a report of 10,000 questions has.`);
  });

  it('refuses a DOCX whose parts hold more than 10,000,000 attributes together, where they go past, though no element has more than 1,000', () => {
    const paragraph = `<w:p${Array.from({ length: 1000 }, (_, index) => ` x${index}="1"`).join('')}/>`;
    const over = () => readReviewedDocx(docx(paragraph.repeat(10_000)));
    expect(over).toThrow(DamagedDocxError);
    // word/document.xml is read first and <w:document> has one attribute: the 10,000,001st is the last of the 10,000th paragraph, the place the end of its value.
    const column = `<w:document ${W}><w:body>`.length + paragraph.length * 10_000 - '/>'.length;
    expect(over).toThrow(`This DOCX cannot be read: its word/document.xml takes the parts briefing reads past 10,000,000 XML attributes together (at line 1, column ${column}), four for each XML element briefing reads.`);
  });

  it('refuses a DOCX holding a part it reads twice, by one name or two that differ in case only, naming the part: which one the reviewer saw cannot be told', () => {
    // fflate kept the last of two word/document.xml, where Word or LibreOffice may show the first: --accept wrote text the reviewer never saw.
    const shown = docx(p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('Redzētais.')}<w:bookmarkEnd w:id="0"/>`));
    const hidden = strToU8(`<w:document ${W}><w:body>${p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('Slēptais.')}<w:bookmarkEnd w:id="0"/>`)}</w:body></w:document>`);
    const withPart = (name: string) => {
      // zipSync takes one entry a name: the second is written under a stand-in of the same length, renamed in the bytes.
      const zip = Buffer.from(zipSync({ ...unzipSync(shown), 'word/documenX.xml': hidden }));
      const from = Buffer.from('word/documenX.xml');
      for (let at = zip.indexOf(from); at !== -1; at = zip.indexOf(from, at + 1)) Buffer.from(name).copy(zip, at);
      return new Uint8Array(zip);
    };
    expect(() => readReviewedDocx(withPart('word/document.xml'))).toThrow('This DOCX cannot be read: its word/document.xml is in the zip twice (a package holds one part of a name), so which of the two the reviewer saw cannot be told.');
    expect(() => readReviewedDocx(withPart('word/Document.xml'))).toThrow('This DOCX cannot be read: its word/Document.xml is in the zip twice');
    // A part it does not read, given twice, is no matter of review's.
    expect(splitByField(readReviewedDocx(withPart('word/documenY.xml'))).fields.map((f) => f.paragraphs.map((x) => textOf(x, 'accept')))).toEqual([['Redzētais.']]);
  });

  it('refuses an element with more than 1,000 attributes as soon as it has the 1,001st, where it is, and reads one with 1,000', () => {
    // One start tag of 20 million attributes (a 40 MB DOCX) held review up for more than eight minutes and 3.6 GB.
    const attributes = (count: number) => Array.from({ length: count }, (_, index) => ` x${index}="1"`).join('');
    const within = readReviewedDocx(docx(`<w:p${attributes(1000)}>${r('Teksts.')}</w:p>`));
    expect(within.paragraphs.map((x) => textOf(x, 'accept'))).toEqual(['Teksts.']);
    const over = () => readReviewedDocx(docx(`<w:p${attributes(20_000)}>${r('Teksts.')}</w:p>`));
    expect(over).toThrow(DamagedDocxError);
    // The place is the end of the 1,001st attribute's value.
    const column = `<w:document ${W}><w:body><w:p`.length + attributes(1001).length;
    expect(over).toThrow(`This DOCX cannot be read: its word/document.xml has an element with more than 1,000 attributes at line 1, column ${column}, where Word writes a few dozen at most.`);
  });

  it('counts the attributes of the first element a part has from none, as those of every element after it', () => {
    const attributes = (count: number) => Array.from({ length: count }, (_, index) => ` x${index}="1"`).join('');
    const root = parseXml(`<a${attributes(1000)}/>`).children[0];
    expect(typeof root === 'string' ? root : Object.keys(root!.attributes).length).toBe(1000);
    const over = () => parseXml(`<a${attributes(1001)}/>`);
    expect(over).toThrow(XmlTooManyAttributesError);
    expect(over).toThrow(`1:${`<a${attributes(1001)}`.length}: an element with more than 1000 attributes`);
  });

  it('counts the attributes of every element against one allowance, as the elements, and stops where they go past it', () => {
    const allowance = { elements: Infinity, attributes: 5 };
    parseXml('<a x="1" y="2"><b z="3"/></a>', allowance);
    expect(allowance.attributes).toBe(2);
    // Two of the three attributes of <c> are within what is left; the third is where it stops.
    const over = () => parseXml('<c x="1" y="2" z="3"/>', { ...allowance });
    expect(over).toThrow(XmlTooLargeError);
    expect(over).toThrow('1:20: more attributes than allowed');
  });

  it('reads a comment thread from word/commentsExtended.xml, and a thread that points in a circle as comments of their own, not as replies to each other that no listing shows', () => {
    const W14 = `${W} xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"`;
    const comment = (id: number, para: string) => `<w:comment w:id="${id}" w:author="A (AM)" w:date="2021-02-16T00:00:00Z"><w:p w14:paraId="${para}"><w:r><w:t>c${id}</w:t></w:r></w:p></w:comment>`;
    const body = p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/><w:commentRangeStart w:id="1"/>${r('A.')}<w:commentRangeEnd w:id="1"/><w:bookmarkEnd w:id="0"/>`);
    const parts = {
      'word/comments.xml': `<w:comments ${W14}>${comment(1, '01')}${comment(2, '02')}${comment(3, '03')}${comment(4, '04')}</w:comments>`,
      // 2 answers 1 (resolved thread), 5 answers 2 (a reply to a reply); 3 and 4 answer each other, as no editor writes.
      'word/commentsExtended.xml': `<w15:commentsEx ${W14}><w15:commentEx w15:paraId="01" w15:done="1"/><w15:commentEx w15:paraId="02" w15:paraIdParent="01" w15:done="1"/><w15:commentEx w15:paraId="03" w15:paraIdParent="04"/><w15:commentEx w15:paraId="04" w15:paraIdParent="03"/><w15:commentEx w15:paraId="05" w15:paraIdParent="02"/></w15:commentsEx>`,
    };
    parts['word/comments.xml'] = parts['word/comments.xml'].replace('</w:comments>', `${comment(5, '05')}</w:comments>`);
    const document = readReviewedDocx(docx(body, undefined, parts));
    expect([...document.comments.values()].map((c) => [c.id, c.replyTo, c.resolved])).toEqual([
      ['1', undefined, true],
      ['2', '1', true],
      ['3', undefined, undefined],
      ['4', undefined, undefined],
      ['5', '1', undefined],
    ]);
    expect(splitByField(document).fields[0]?.comments.map((c) => c.id)).toEqual(['1', '2', '5']);
  });

  it('names who inserted text another deleted again, and who deleted it, as unknown where the change names no author', () => {
    const del = (author: string) => `<w:del w:id="6" ${author} w:date="2021-02-17T00:00:00Z"><w:r><w:delText>ļoti </w:delText></w:r></w:del>`;
    const body = [
      p(`${r('Tas ir ')}<w:ins w:id="5" w:date="2021-02-16T00:00:00Z">${del('w:author="Pēteris Liepa (LM)"')}</w:ins>${r('svarīgi.')}`),
      p(`${r('Tas ir ')}<w:ins w:id="7" w:author="Anna Ozola (AM)" w:date="2021-02-16T00:00:00Z">${del('')}</w:ins>${r('svarīgi.')}`),
    ].join('');
    expect(withdrawnNotes(readReviewedDocx(docx(body)).paragraphs)).toEqual([
      'text unknown inserted and Pēteris Liepa (LM) deleted again: “ļoti ”',
      'text Anna Ozola (AM) inserted and unknown deleted again: “ļoti ”',
    ]);
  });

  it('takes no change for one taken back where the reviewer deleted a word and typed it back with a footnote reference or a symbol briefing cannot read', () => {
    const stamp = (id: number) => `w:id="${id}" w:author="Anna Ozola (AM)" w:date="2021-02-16T09:30:00Z"`;
    const retyped = (inserted: string) => p(`${r('Tas ir ')}<w:del ${stamp(1)}><w:r><w:delText>svarīgi</w:delText></w:r></w:del><w:ins ${stamp(2)}>${r('svarīgi')}${inserted}</w:ins>${r('.')}`);
    const body = [retyped(''), retyped('<w:r><w:footnoteReference w:id="1"/></w:r>'), retyped('<w:r><w:sym w:font="Webdings" w:char="F021"/></w:r>')].join('');
    const paragraphs = readReviewedDocx(docx(body)).paragraphs;
    // Retyped as it was, the pair is taken back; with a note or a symbol added, it is a change.
    expect(paragraphs.map((paragraph) => takenBackChanges([paragraph]).length)).toEqual([2, 0, 0]);
  });

  it('reads a tracked move as a deletion where the text was and an insertion where it went', () => {
    const body = p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/><w:moveFrom w:id="7" w:author="X" w:date="2021-02-16T00:00:00Z">${r('Moved. ')}</w:moveFrom>${r('Stays.')}<w:moveTo w:id="8" w:author="X" w:date="2021-02-16T00:00:00Z">${r(' Moved.')}</w:moveTo><w:bookmarkEnd w:id="0"/>`);
    const [paragraph] = readReviewedDocx(docx(body)).paragraphs;
    if (!paragraph) throw new Error('no paragraph');
    expect(textOf(paragraph, 'accept')).toBe('Stays. Moved.');
    expect(textOf(paragraph, 'reject')).toBe('Moved. Stays.');
  });

  it('reads a paragraph mark moved away with the text before it as a mark deleted (what stays joins the next paragraph), and one moved in as a mark inserted', () => {
    const stamp = 'w:author="X" w:date="2021-02-16T00:00:00Z"';
    const body = [
      `<w:p><w:pPr><w:rPr><w:moveFrom w:id="3" ${stamp}/></w:rPr></w:pPr><w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('Pirmā ')}<w:moveFrom w:id="4" ${stamp}>${r('daļa.')}</w:moveFrom></w:p>`,
      p(r('Otrā.')),
      `<w:p><w:pPr><w:rPr><w:moveTo w:id="5" ${stamp}/></w:rPr></w:pPr><w:moveTo w:id="6" ${stamp}>${r('Daļa.')}</w:moveTo><w:bookmarkEnd w:id="0"/></w:p>`,
    ].join('');
    const [field] = splitByField(readReviewedDocx(docx(body))).fields;
    if (!field) throw new Error('no field');
    expect(acceptedText(field.paragraphs, 'Pirmā daļa.\n\nOtrā.\n').markdown).toBe('Pirmā Otrā.\n\nDaļa.\n');
    // Moved into a paragraph, after its first sentence, the text ends it there: the paragraph's mark moved in with it is an inserted one, which rejected joins the rest again.
    const into = [
      `<w:p><w:pPr><w:rPr><w:moveTo w:id="5" ${stamp}/></w:rPr></w:pPr><w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('Pirmā daļa. ')}<w:moveTo w:id="6" ${stamp}>${r('Pārvietotā.')}</w:moveTo></w:p>`,
      p(r('Otrā daļa.')),
      `<w:p><w:pPr><w:rPr><w:moveFrom w:id="3" ${stamp}/></w:rPr></w:pPr><w:moveFrom w:id="4" ${stamp}>${r('Pārvietotā.')}</w:moveFrom></w:p>`,
      p(`${r('Beigas.')}<w:bookmarkEnd w:id="0"/>`),
    ].join('');
    const [moved] = splitByField(readReviewedDocx(docx(into))).fields;
    if (!moved) throw new Error('no field');
    expect(acceptedText(moved.paragraphs, 'Pirmā daļa. Otrā daļa.\n\nPārvietotā.\n\nBeigas.\n')).toMatchObject({ matched: true, markdown: 'Pirmā daļa. Pārvietotā.\n\nOtrā daļa.\n\nBeigas.\n' });
  });

  it('writes a paragraph whose every word the reviewer deleted, its mark kept, as none: no thematic break in its place', () => {
    const deleted = '<w:del w:id="5" w:author="Anna Ozola (AM)" w:date="2021-02-16T09:30:00Z"><w:r><w:delText>Otrā.</w:delText></w:r></w:del>';
    const body = [p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('Pirmā.')}`), p(deleted), p(`${r('Trešā.')}<w:bookmarkEnd w:id="0"/>`)].join('');
    const [field] = splitByField(readReviewedDocx(docx(body))).fields;
    if (!field) throw new Error('no field');
    expect(acceptedText(field.paragraphs, 'Pirmā.\n\nOtrā.\n\nTrešā.\n')).toMatchObject({ matched: true, markdown: 'Pirmā.\n\nTrešā.\n' });
  });

  it('counts a Word list from the first number its definition gives (w:start), not from 1', () => {
    const numbering = '<w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num>';
    const source = 'Punkti:\n\n3. viens;\n4. divi.\n';
    const body = [p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('Punkti:')}`), item(7, r('viens;')), item(7, `${r('divi.')}<w:bookmarkEnd w:id="0"/>`)].join('');
    const [field] = splitByField(readReviewedDocx(docx(body, numbering))).fields;
    if (!field) throw new Error('no field');
    expect(acceptedText(field.paragraphs, source)).toMatchObject({ matched: true, markdown: source });
  });

  it('counts list items as Word does when LibreOffice wrote a Word list for each item, only the first restarting the count', () => {
    // Definition 2 numbers `1)`, `2)`, …; lists 6 and 12 give it their own first number, 9, 10 and 13 carry its count on.
    const numbering = [
      '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>',
      ...[6, 9, 10, 12, 13].map((id) => `<w:num w:numId="${id}"><w:abstractNumId w:val="2"/>${id === 6 || id === 12 ? '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' : ''}</w:num>`),
    ].join('');
    const source = 'Virzieni:\n\n1) viens;\n2) divi;\n3) trīs.\n\nVēl divi:\n\n1) četri;\n2) pieci.\n';
    const body = [
      p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/>${r('Virzieni:')}`),
      item(6, r('viens;')),
      item(9, r('divi;')),
      item(10, r('trīs.')),
      p(r('Vēl divi:')),
      item(12, r('četri;')),
      item(13, `${r('pieci.')}<w:bookmarkEnd w:id="0"/>`),
    ].join('');
    const [field] = splitByField(readReviewedDocx(docx(body, numbering))).fields;
    if (!field) throw new Error('no field');
    expect(acceptedText(field.paragraphs, source)).toMatchObject({ matched: true, markdown: source });
    // An item deleted: the items after it in that list move up, the next list still starts at 1.
    const stamp = 'w:author="X" w:date="2021-02-16T00:00:00Z"';
    const deletedItem = `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr><w:rPr><w:del w:id="3" ${stamp}/></w:rPr></w:pPr><w:del w:id="4" ${stamp}><w:r><w:delText>divi;</w:delText></w:r></w:del></w:p>`;
    const deleted = body.replace(item(9, r('divi;')), deletedItem);
    const [edited] = splitByField(readReviewedDocx(docx(deleted, numbering))).fields;
    if (!edited) throw new Error('no field');
    expect(acceptedText(edited.paragraphs, source).markdown).toBe('Virzieni:\n\n1) viens;\n2) trīs.\n\nVēl divi:\n\n1) četri;\n2) pieci.\n');
  });
  it('writes a change in a note printed once into its definition, with no word of a note printed twice and changed differently', () => {
    const layout = configSchema.parse({ issuing_ministry: 'IZM' }).layout;
    const source = 'Teksts ar piezīmi[^1].\n\n[^1]: Piezīmes teksts.\n';
    const built = compileDocx(source, { creator: 'IZM', footerText: null, draftMark: null, customProperties: [], layout }, new Date(0)).bytes;
    const edited = readReviewedDocx(new WordEdit(built, 'word/footnotes.xml').replace('Piezīmes teksts.', 'teksts', 'saturs', { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' }).bytes());
    expect(acceptedText(edited.paragraphs, source, edited.footnotes)).toMatchObject({ markdown: 'Teksts ar piezīmi[^1].\n\n[^1]: Piezīmes saturs.\n', notes: [], lost: [], matched: true });
  });

  it('refuses a footnote the reviewer added in Word, saying so, and writes the rest of the paragraph', () => {
    const reference = '<w:ins w:id="5" w:author="Anna Ozola (AM)" w:date="2021-02-16T09:30:00Z"><w:r><w:footnoteReference w:id="1"/></w:r></w:ins>';
    const [paragraph] = readReviewedDocx(docx(p(`${r('Teksts ar piezīmi')}${reference}${r('.')}`))).paragraphs;
    const sentence = 'a footnote the reviewer added cannot be carried over: add it to the YAML by hand';
    expect(acceptedText(paragraph ? [paragraph] : [], 'Teksts ar piezīmi.\n')).toMatchObject({ markdown: 'Teksts ar piezīmi.\n', notes: [sentence], lost: [sentence], matched: true });
  });

  it('reads a note’s text without the space or tab that parts it from the note’s number mark', () => {
    // As our writer makes a note (a space run after w:footnoteRef, as Word does) …
    const layout = configSchema.parse({ issuing_ministry: 'IZM' }).layout;
    const built = compileDocx('Teksts ar piezīmi[^1].\n\n[^1]: Piezīmes teksts.\n', { creator: 'IZM', footerText: null, draftMark: null, customProperties: [], layout }, new Date(0)).bytes;
    const [note] = readReviewedDocx(built).footnotes.get('1') ?? [];
    expect(note && textOf(note, 'accept')).toBe('Piezīmes teksts.');
    // … and as Word or LibreOffice may save one: the separator a tab, or a space in a run with its own properties.
    const mark = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>';
    // Word's separator lines are notes of their own kind, not read; a note may say it is a normal one.
    const separators = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';
    const notes = `<w:footnotes ${W}>${separators}<w:footnote w:id="1"><w:p>${mark}<w:r><w:tab/></w:r>${r('Pirmā.')}</w:p></w:footnote><w:footnote w:type="normal" w:id="2"><w:p>${mark}<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> Otrā </w:t></w:r>${r('piezīme.')}</w:p></w:footnote></w:footnotes>`;
    const saved = zipSync({ ...unzipSync(docx(p(r('Teksts.')))), 'word/footnotes.xml': strToU8(notes) });
    const read = readReviewedDocx(saved).footnotes;
    expect([...read].map(([id, [first]]) => [id, first && textOf(first, 'accept')])).toEqual([['1', 'Pirmā.'], ['2', 'Otrā piezīme.']]);
  });

  it('reads a symbol font’s characters as what they draw: a w:sym, and text in Wingdings at its own codes (F020–F0FF)', () => {
    const wingdings = '<w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>';
    const body = p(`${r('Gatavs ')}<w:r><w:sym w:font="Wingdings" w:char="f0fc"/></w:r>${r(' un ')}<w:r>${wingdings}<w:t>\uf0e8\uf0fe</w:t></w:r><w:r><w:sym w:font="Webdings" w:char="F021"/></w:r>`);
    const [paragraph] = readReviewedDocx(docx(body)).paragraphs;
    expect(paragraph ? textOf(paragraph, 'accept') : '').toBe('Gatavs ✔ un \u{1f87a}\u{1f5f9}\ufffd');
    expect(paragraph?.pieces.at(-1)?.symbol).toBe('Webdings F021');
  });

  it('reads text in a symbol font named only as w:ascii at the private-use codes Word writes, from F020 to F0FF: each one the font draws, or one briefing does not know', () => {
    const body = p(`<w:r><w:rPr><w:rFonts w:ascii="Symbol"/></w:rPr><w:t xml:space="preserve">\uf061\uf020\uf0ff\uf100</w:t></w:r>`);
    const [paragraph] = readReviewedDocx(docx(body)).paragraphs;
    // F0FF is the font's last code (0xFF), which Symbol leaves empty; F100 is beyond its codes, a character as it is.
    expect(paragraph?.pieces.map((piece) => [piece.text, piece.symbol])).toEqual([
      ['α ', undefined],
      ['\ufffd', 'Symbol F0FF'],
      ['\uf100', undefined],
    ]);
    // A Latin-1 character (§, °) is drawn in the w:hAnsi font, which is not Symbol here: it is as it is.
    const latin = p(`<w:r><w:rPr><w:rFonts w:ascii="Symbol"/></w:rPr><w:t xml:space="preserve">a § 5°</w:t></w:r>`);
    expect(readReviewedDocx(docx(latin)).paragraphs.map((paragraph) => textOf(paragraph, 'accept'))).toEqual(['α § 5°']);
  });

  it('reads text set in a symbol font as the font draws it: at the font’s own codes too (a in Symbol is α), in the font w:hAnsi names for the codes Word writes (F0B7)', () => {
    const run = (fonts: string, text: string) => `<w:r><w:rPr><w:rFonts ${fonts}/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const body = [
      p(run('w:ascii="Symbol" w:hAnsi="Symbol"', 'a ≤ b ā')),
      p(run('w:ascii="Wingdings" w:hAnsi="Wingdings"', 'J')),
      p(run('w:hAnsi="Symbol"', 'x \uf0b7 \u00b3')),
      p(run('w:ascii="Wingdings"', 'a')),
    ].join('');
    const paragraphs = readReviewedDocx(docx(body)).paragraphs;
    // White space, and characters beyond the font's codes (≤, ā), are as they are; an ASCII letter is drawn in the w:ascii font only.
    expect(paragraphs.map((paragraph) => textOf(paragraph, 'accept'))).toEqual(['α ≤ β ā', '☺', 'x • ≥', '\ufffd']);
    expect(paragraphs[3]?.pieces[0]?.symbol).toBe('Wingdings 0061');
  });

  it('reads text as a symbol font draws it when the font comes from a style (the paragraph’s, the run’s character style, their bases) or the theme, the run’s own fonts over them', () => {
    const style = (type: string, id: string, inner: string) => `<w:style w:type="${type}" w:styleId="${id}">${inner}</w:style>`;
    const styles = `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr></w:rPrDefault></w:docDefaults>${[
      style('paragraph', 'Normal', '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr>'),
      style('paragraph', 'Greek', '<w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'),
      style('character', 'SymbolBase', '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'),
      style('character', 'Letters', '<w:basedOn w:val="SymbolBase"/><w:rPr><w:b/></w:rPr>'),
      style('character', 'Ticks', '<w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr>'),
    ].join('')}</w:styles>`;
    const theme = '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme><a:majorFont><a:latin typeface="Cambria"/></a:majorFont><a:minorFont><a:latin typeface="Wingdings"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>';
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>';
    const run = (properties: string, text: string) => `<w:r><w:rPr>${properties}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const body = [
      `<w:p><w:pPr><w:pStyle w:val="Greek"/></w:pPr>${r('a b')}</w:p>`,
      p(run('<w:rStyle w:val="Letters"/>', 'a')),
      p(run('<w:rStyle w:val="Letters"/><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>', 'a')),
      p(run('<w:rStyle w:val="Ticks"/>', '\uf0fc')),
      p(run('<w:rFonts w:ascii="Symbol" w:asciiTheme="majorAscii"/>', 'a')),
      // No paragraph style: the document's defaults hold, here the theme's body font.
      `<w:p>${r('J')}</w:p>`,
      p(r('a')),
    ].join('');
    const paragraphs = readReviewedDocx(docx(body, undefined, { 'word/styles.xml': styles, 'word/theme/theme1.xml': theme, 'word/_rels/document.xml.rels': rels })).paragraphs;
    // The run's own fonts win over its style's; a theme font over a named one in the same w:rFonts.
    expect(paragraphs.map((paragraph) => textOf(paragraph, 'accept'))).toEqual(['α β', 'α', 'a', '✔', 'a', '☺', 'a']);
    // A paragraph that names no style is in the default one (w:default).
    const greekDefault = styles.replace('w:styleId="Greek"', 'w:styleId="Greek" w:default="1"');
    const [plain] = readReviewedDocx(docx(`<w:p>${r('a')}</w:p>`, undefined, { 'word/styles.xml': greekDefault })).paragraphs;
    expect(plain ? textOf(plain, 'accept') : '').toBe('α');
  });

  it('reads a row inserted or deleted as its own mark says (w:trPr), its unmarked text with it; text inserted in a row deleted after is in neither reading', () => {
    const stamp = 'w:id="1" w:author="Anna" w:date="2021-02-16T09:30:00Z"';
    const row = (change: string, inner: string) => `<w:tr><w:trPr>${change}</w:trPr><w:tc><w:p>${inner}</w:p></w:tc></w:tr>`;
    const body = `<w:tbl>${row('', r('Paliek'))}${row(`<w:ins ${stamp}/>`, r('Jauna'))}${row(`<w:del ${stamp}/>`, `${r('Veca')}<w:ins ${stamp}>${r(' un pielikta')}</w:ins>`)}</w:tbl>`;
    const cells = readReviewedDocx(docx(body)).paragraphs;
    expect(cells.map((cell) => [textOf(cell, 'reject'), textOf(cell, 'accept'), cell.mark?.kind, cell.cell?.rowChange])).toEqual([
      ['Paliek', 'Paliek', undefined, undefined],
      ['', 'Jauna', 'ins', 'ins'],
      ['Veca', '', 'del', 'del'],
    ]);
  });
});
