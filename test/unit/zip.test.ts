import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkDocx } from '../../src/docx/index.js';
import { documentParts } from '../../src/docx/ooxml/document.js';
import { zipEntries, type ZipEntry } from '../../src/docx/zip.js';
import { layoutSchema } from '../../src/model/index.js';
import { REPO } from '../helpers/project.js';

const MTIME = new Date(1980, 0, 1, 12, 0, 0);

/** What fflate's zipSync makes of the same entries: the bytes zipEntries must give. */
function reference(entries: readonly ZipEntry[]): Uint8Array {
  const zippable: Zippable = {};
  for (const entry of entries) zippable[entry.name] = entry.data ?? strToU8(entry.text);
  return zipSync(zippable, { level: 6, mtime: MTIME });
}

/** The parts of the example report's DOCX, straight from the compiler. */
function exampleDocxEntries(): ZipEntry[] {
  const markdown = readFileSync(join(REPO, 'test/fixtures/example/IZMzin_190221_EDUC.md'), 'utf8');
  const meta = { subject: 'tēma', creator: 'ministrija', keywords: 'EYCS', footerText: 'KODS', draftMark: null, customProperties: [], layout: layoutSchema.parse({}) };
  const document = unified().use(remarkParse).use(remarkGfm).use(remarkDocx, meta).processSync(markdown).result;
  return Object.entries(documentParts(document)).map(([name, data]) => ({ name, data: strToU8(data), text: data }));
}

describe('zipEntries', () => {
  it('gives exactly the bytes of fflate’s zipSync for the parts of the example’s DOCX', () => {
    const entries = exampleDocxEntries();
    expect(entries.length).toBeGreaterThan(10);
    expect(Buffer.from(zipEntries(entries, MTIME)).equals(Buffer.from(reference(entries)))).toBe(true);
  });

  it('gives the same bytes for entries given as text only, encoded as UTF-8 when they are zipped', () => {
    const entries = exampleDocxEntries().map((e): ZipEntry => ({ name: e.name, text: e.text ?? '' }));
    const withBytes = entries.map((e): ZipEntry => ({ name: e.name, data: strToU8(e.text ?? ''), text: `${e.text ?? ''}x` }));
    zipEntries(withBytes, MTIME); // another text last time under each name: nothing may be reused
    expect(Buffer.from(zipEntries(entries, MTIME)).equals(Buffer.from(reference(entries)))).toBe(true);
    expect(Buffer.from(zipEntries([{ name: 'ā.xml', text: '<a>ķ</a>' }], MTIME)).equals(Buffer.from(reference([{ name: 'ā.xml', data: strToU8('<a>ķ</a>') }])))).toBe(true);
  });

  it('gives the same bytes for a non-ASCII name, a binary entry and a large one', () => {
    const entries: ZipEntry[] = [
      { name: 'word/media/attēls.bin', data: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256) },
      { name: 'word/ļoti-garš.xml', data: strToU8('<a>ā</a>'.repeat(20_000)), text: '<a>ā</a>'.repeat(20_000) },
      { name: 'x', data: new Uint8Array(1) },
    ];
    expect(Buffer.from(zipEntries(entries, MTIME)).equals(Buffer.from(reference(entries)))).toBe(true);
  });

  it('reuses what it deflated only for the same name and the same text', () => {
    const entries = exampleDocxEntries();
    zipEntries(entries, MTIME);
    // The same parts again, one of them changed: still exactly what zipSync gives.
    const changed = entries.map((e) => (e.name === 'word/styles.xml' ? { ...e, data: strToU8(`${e.text ?? ''} `), text: `${e.text ?? ''} ` } : e));
    expect(Buffer.from(zipEntries(changed, MTIME)).equals(Buffer.from(reference(changed)))).toBe(true);
    const renamed = entries.map((e) => (e.name === 'word/theme/theme1.xml' ? { ...e, name: 'word/theme/theme2.xml' } : e));
    expect(Buffer.from(zipEntries(renamed, MTIME)).equals(Buffer.from(reference(renamed)))).toBe(true);
  });
});
