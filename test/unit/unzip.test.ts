import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { unzipWithin } from '../../src/util/unzip.js';
import { claimUnpackedSize } from '../helpers/docx.js';

const LIMITS = { part: 1000, together: 1500 };

describe('unzipWithin', () => {
  // fflate copies a stored entry (no compression) at its packed size, whatever size it claims: one that claimed
  // 0 bytes was counted as nothing, so a file of stored entries claiming 0 (or pointing at the same data) went
  // past both limits (a 20 MB DOCX took 1.27 GB).
  it('counts a stored entry by the bytes it holds, not by the size it claims', () => {
    const stored = zipSync({ 'word/theme/theme1.xml': [new Uint8Array(800), { level: 0 }], 'word/theme/theme2.xml': [new Uint8Array(800), { level: 0 }] });
    claimUnpackedSize(stored, 'word/theme/theme1.xml', 0);
    claimUnpackedSize(stored, 'word/theme/theme2.xml', 0);
    const read = unzipWithin(stored, LIMITS);
    expect(Object.keys(read.files)).toEqual(['word/theme/theme1.xml']);
    expect(read.tooLarge).toEqual({ name: 'word/theme/theme2.xml', size: 800, together: true });

    const large = zipSync({ 'word/document.xml': [new Uint8Array(1200), { level: 0 }] });
    claimUnpackedSize(large, 'word/document.xml', 10);
    expect(unzipWithin(large, LIMITS).tooLarge).toEqual({ name: 'word/document.xml', size: 1200 });
  });

  it('counts a deflated entry by the size it claims (what fflate unpacks it into), and unpacks entries within the limits', () => {
    const deflated = zipSync({ 'a.xml': new Uint8Array(900), 'b.xml': new Uint8Array(500) });
    expect(Object.keys(unzipWithin(deflated, LIMITS).files)).toEqual(['a.xml', 'b.xml']);
    claimUnpackedSize(deflated, 'b.xml', 700);
    expect(unzipWithin(deflated, LIMITS).tooLarge).toEqual({ name: 'b.xml', size: 700, together: true });
  });

  it('unpacks a part of exactly the part limit, and parts of exactly the limit together', () => {
    const atLimits = zipSync({ 'a.xml': new Uint8Array(1000), 'b.xml': new Uint8Array(500) });
    const read = unzipWithin(atLimits, LIMITS);
    expect(Object.keys(read.files)).toEqual(['a.xml', 'b.xml']);
    expect(read.tooLarge).toBeUndefined();
  });

  it('neither unpacks nor counts an entry it is not asked for', () => {
    const zip = zipSync({ 'a.xml': new Uint8Array(900), 'media/image1.png': new Uint8Array(900), 'b.xml': new Uint8Array(600) });
    const read = unzipWithin(zip, LIMITS, (name) => name.endsWith('.xml'));
    expect(Object.keys(read.files)).toEqual(['a.xml', 'b.xml']);
    expect(read.tooLarge).toBeUndefined();
  });

  it('names in twice the first wanted entry named as one before it, ASCII case aside, and no entry it is not asked for', () => {
    const zip = zipSync({ 'a.xml': strToU8('1'), 'A.xml': strToU8('2'), 'b.xml': strToU8('3'), 'B.xml': strToU8('4') });
    expect(unzipWithin(zip, LIMITS).twice).toBe('A.xml');
    expect(unzipWithin(zip, LIMITS, (name) => name.startsWith('b') || name.startsWith('B')).twice).toBe('B.xml');
    expect(unzipWithin(zip, LIMITS, (name) => name === 'c.xml')).not.toHaveProperty('twice');
  });
});
