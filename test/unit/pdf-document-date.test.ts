import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { withDocumentDate } from '../../src/pdf/document-date.js';
import { REPO } from '../helpers/project.js';

/**
 * Two PDF/A-2b files LibreOffice 7.4 made of the same text file a few seconds apart, one under
 * TZ=America/New_York and one under TZ=UTC: they differ in the dates of the document information, of
 * the XMP metadata (a local time with its offset, so of another length) and of the colour profile's
 * header, and in the `/ID` and `/DocChecksum` made of that time.
 */
const NEW_YORK = readFileSync(join(REPO, 'test/fixtures/pdf/pdf-a-new-york.pdf'));
const UTC = readFileSync(join(REPO, 'test/fixtures/pdf/pdf-a-utc.pdf'));
const DATE = new Date('2021-02-17T00:00:00Z');

/** The PDF as text, one character a byte. */
function latin1(pdf: Uint8Array): string {
  return Buffer.from(pdf).toString('latin1');
}

/** Where the cross-reference table says each object starts, checked against the file: the objects not found there. */
function misplacedObjects(pdf: Uint8Array): number[] {
  const text = latin1(pdf);
  const at = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const table = /^xref\s+(\d+)\s+(\d+)\s*\n/.exec(text.slice(at));
  expect(table).not.toBeNull();
  const first = Number(table?.[1]);
  const lines = text.slice(at + (table?.[0].length ?? 0)).match(/^\d{10} \d{5} [nf]/gm)?.slice(0, Number(table?.[2])) ?? [];
  return lines.flatMap((line, index) => (line.endsWith('n') && !text.startsWith(`${first + index} 0 obj`, Number(line.slice(0, 10))) ? [first + index] : []));
}

/** Each stream's `/Length` (given or in an object of its own) checked against where its `endstream` is: the streams whose length is wrong. */
function wrongLengths(pdf: Uint8Array): string[] {
  const text = latin1(pdf);
  return [...text.matchAll(/(\d+) 0 obj\s*<<((?:(?!>>\s*stream)[^])*)>>\s*stream\r?\n/g)].flatMap((found) => {
    const given = /\/Length\s+(\d+)(\s+0\s+R)?/.exec(found[2] ?? '');
    const length = given?.[2] ? Number(new RegExp(`\\n${given[1]} 0 obj\\s*(\\d+)`).exec(text)?.[1]) : Number(given?.[1]);
    const end = (found.index ?? 0) + found[0].length + length;
    return /^\r?\n?endstream/.test(text.slice(end, end + 12)) ? [] : [found[1] ?? ''];
  });
}

/** The date in the header of the PDF/A's colour profile (the output intent's ICC profile), as YYYY-MM-DD HH:MM:SS. */
function profileDate(pdf: Uint8Array): string {
  const text = latin1(pdf);
  const number = /\/DestOutputProfile\s+(\d+)\s+0\s+R/.exec(text)?.[1];
  const start = text.indexOf('stream\n', text.indexOf(`\n${number} 0 obj`)) + 7;
  const icc = inflateSync(Buffer.from(pdf).subarray(start, text.indexOf('endstream', start)));
  const [year, month, day, hour, minute, second] = [0, 1, 2, 3, 4, 5].map((index) => String(icc.readUInt16BE(24 + 2 * index)).padStart(2, '0'));
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

describe('withDocumentDate', () => {
  it('gives the same bytes for two runs of LibreOffice at different times in different time zones (they differed in dates and /ID)', () => {
    expect(Buffer.compare(NEW_YORK, UTC)).not.toBe(0);
    const a = withDocumentDate(NEW_YORK, DATE);
    const b = withDocumentDate(UTC, DATE);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // Dated again with the same date, it is as it was: nothing else is made of the time.
    expect(Buffer.from(withDocumentDate(a, DATE)).equals(Buffer.from(a))).toBe(true);
  });

  it('dates the document information, the XMP metadata and the colour profile with the report’s date, in UTC', () => {
    expect(latin1(NEW_YORK)).toMatch(/\/CreationDate\(D:\d{14}-05'00'\)/);
    expect(latin1(NEW_YORK)).toMatch(/<xmp:CreateDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-05:00<\/xmp:CreateDate>/);
    const dated = withDocumentDate(NEW_YORK, DATE);
    const text = latin1(dated);
    expect(text.match(/\/CreationDate\([^)]*\)/g)).toEqual(['/CreationDate(D:20210217000000Z)']);
    expect(text.match(/<xmp:CreateDate>[^<]*</g)).toEqual(['<xmp:CreateDate>2021-02-17T00:00:00Z<']);
    expect(profileDate(dated)).toBe('2021-02-17 00:00:00');
    // Still a PDF/A-2b, and its /ID made of its content, not of the time.
    expect(text).toContain('<pdfaid:part>2</pdfaid:part>');
    const id = /\/ID\s*\[\s*<([0-9A-F]{32})>\s*<([0-9A-F]{32})>\s*\]/.exec(text);
    expect(id?.[1]).toBe(id?.[2]);
    expect(/\/ID\s*\[\s*<([0-9A-F]{32})>/.exec(latin1(NEW_YORK))?.[1]).not.toBe(id?.[1]);
  });

  it('keeps the file whole: each object where the cross-reference table says, each stream as long as its /Length, though the XMP and the profile changed length', () => {
    for (const pdf of [NEW_YORK, UTC]) {
      const dated = withDocumentDate(pdf, DATE);
      expect(dated.length).not.toBe(pdf.length);
      expect(misplacedObjects(dated)).toEqual([]);
      expect(wrongLengths(dated)).toEqual([]);
    }
  });

  it('leaves the file as it is when its XMP metadata holds a date it cannot change: the document information would then disagree with it, which PDF/A forbids', () => {
    // The same date written as an attribute, as XMP allows, of the same length so that the file stays whole.
    const text = latin1(UTC);
    const element = /<xmp:CreateDate>([^<]*)<\/xmp:CreateDate>/.exec(text);
    const attribute = `<xmp:X xmp:CreateDate="${element?.[1] ?? ''}"/>`.padEnd(element?.[0].length ?? 0, ' ');
    expect(attribute.length).toBe(element?.[0].length);
    const other = Buffer.from(text.replace(element?.[0] ?? '', attribute), 'latin1');
    expect(withDocumentDate(other, DATE)).toBe(other);
  });

  it('leaves a file it cannot read so as it is (no cross-reference table, an update appended)', () => {
    const plain = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<</CreationDate(D:20261206)>>\nendobj\n');
    expect(withDocumentDate(plain, DATE)).toBe(plain);
    const updated = Buffer.from(latin1(UTC).replace(/trailer\s*<</, 'trailer\n<</Prev 9 '), 'latin1');
    expect(withDocumentDate(updated, DATE)).toBe(updated);
  });
});
