import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../src/review/accepted.js';
import { splitByField } from '../../src/review/fields.js';
import { readReviewedDocx } from '../../src/review/read-docx.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const FIELD = (id: string) => `{"kind":"position","id":"${id}","version":1,"field":"body","file":"positions/${id}.yaml"}`.replace(/"/g, '&quot;');

function docx(body: string): Uint8Array {
  const custom = `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property name="Briefing.Field._Bf1"><vt:lpwstr>${FIELD('a')}</vt:lpwstr></property><property name="Briefing.Field._Bf2"><vt:lpwstr>${FIELD('b')}</vt:lpwstr></property></Properties>`;
  return zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`), 'docProps/custom.xml': strToU8(custom) });
}

const p = (inner: string) => `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('reading a reviewed DOCX', () => {
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

  it('reads a tracked move as a deletion where the text was and an insertion where it went', () => {
    const body = p(`<w:bookmarkStart w:id="0" w:name="_Bf1"/><w:moveFrom w:id="7" w:author="X" w:date="2021-02-16T00:00:00Z">${r('Moved. ')}</w:moveFrom>${r('Stays.')}<w:moveTo w:id="8" w:author="X" w:date="2021-02-16T00:00:00Z">${r(' Moved.')}</w:moveTo><w:bookmarkEnd w:id="0"/>`);
    const [paragraph] = readReviewedDocx(docx(body)).paragraphs;
    if (!paragraph) throw new Error('no paragraph');
    expect(textOf(paragraph, 'accept')).toBe('Stays. Moved.');
    expect(textOf(paragraph, 'reject')).toBe('Moved. Stays.');
  });
});
