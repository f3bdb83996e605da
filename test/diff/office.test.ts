import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { diff } from '../../src/commands/diff.js';
import { convertWithOffice, itWithOffice } from '../helpers/docx.js';
import { officeParagraphs, type OfficeReading } from '../helpers/office-resolve.js';
import { exampleProject, REPO, tempDir } from '../helpers/project.js';

itWithOffice('LibreOffice opens the redline, sees each tracked change with its author, and has track changes on', async () => {
  const fixture = (file: string) => readFileSync(join(REPO, 'test/fixtures/diff/item-added', file), 'utf8');
  const cwd = exampleProject({ 'a.yaml': fixture('before.yaml'), 'b.yaml': fixture('after.yaml') });
  const result = await diff({ cwd, files: ['a.yaml', 'b.yaml'], format: 'docx', stat: false, whitespace: false, colour: false, author: 'Recenzents', sourceDateEpoch: 1613692800 });
  if (!(result.output instanceof Uint8Array)) throw new Error('expected DOCX bytes');
  const docx = join(cwd, 'review.docx');
  writeFileSync(docx, result.output);

  const pdf = convertWithOffice(docx, 'pdf', tempDir('briefing-office-'));
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

  const content = strFromU8(unzipSync(readFileSync(convertWithOffice(docx, 'odt', tempDir('briefing-office-'))))['content.xml'] ?? new Uint8Array());
  const tracked = /<text:tracked-changes([^>]*)>([\s\S]*?)<\/text:tracked-changes>/.exec(content);
  expect(tracked?.[1]).not.toContain('track-changes="false"');
  const regions = [...(tracked?.[2] ?? '').matchAll(/<text:(insertion|deletion)>[\s\S]*?<dc:creator>([^<]*)<\/dc:creator><dc:date>([^<]*)<\/dc:date>/g)];
  // "trim" → "četriem", "." → ";", and the inserted item 4 (LibreOffice joins its text and its paragraph mark).
  expect(regions.map((r) => r[1]).sort()).toEqual(['deletion', 'deletion', 'insertion', 'insertion']);
  expect(new Set(regions.map((r) => `${r[2]} ${r[3]?.slice(0, 10)}`))).toEqual(new Set(['Recenzents 2021-02-19']));
  expect(content).toContain('četriem');
});

const readAsIs = new Map<string, string[]>();

/** The body of the position redline from `before` to `after` as LibreOffice reads it, the changes left, accepted or rejected. */
async function officeRedline(before: string, after: string, reading: OfficeReading): Promise<string[]> {
  // A version compared with itself (no change) is read once: LibreOffice takes a second or two each time.
  const key = before === after && reading === 'as-is' ? before : undefined;
  const known = key === undefined ? undefined : readAsIs.get(key);
  if (known) return known;
  const read = await officeRedlineRead(before, after, reading);
  if (key !== undefined) readAsIs.set(key, read);
  return read;
}

async function officeRedlineRead(before: string, after: string, reading: OfficeReading): Promise<string[]> {
  const cwd = exampleProject({ 'a.yaml': before, 'b.yaml': after });
  const result = await diff({ cwd, files: ['a.yaml', 'b.yaml'], format: 'docx', stat: false, whitespace: false, colour: false, author: 'Recenzents', sourceDateEpoch: 1613692800 });
  if (!(result.output instanceof Uint8Array)) throw new Error('expected DOCX bytes');
  return officeParagraphs(result.output, reading);
}

const LAST_PARAGRAPH_CASES: [string, (body: string) => string][] = [
  ['the last paragraph deleted', (body) => body.replace(/\n\n {2}Skolēniem[^\n]*\n/, '\n')],
  ['the last two paragraphs deleted', (body) => body.replace(/\n\n {2}Pēdējo[\s\S]*$/, '\n')],
  ['the paragraph after the list deleted with all that follows', (body) => body.replace(/\n\n {2}Līdz 2021[\s\S]*$/, '\n')],
  ['the last paragraph replaced by other words', (body) => body.replace(/Skolēniem, kuriem[^\n]*/, 'Pavisam citi vārdi par mācību grāmatām.')],
  ['a list made the last block', (body) => body.replace(/\n\n {2}Skolēniem[^\n]*\n/, '\n\n  - viens punkts;\n  - otrs punkts.\n')],
];

describe('LibreOffice accepting every change of a redline gives the newer text, rejecting the older, where the last paragraph changed', () => {
  const fixture = readFileSync(join(REPO, 'test/fixtures/diff/item-added/before.yaml'), 'utf8');
  for (const [name, edit] of LAST_PARAGRAPH_CASES) {
    const edited = edit(fixture);
    itWithOffice(`${name}`, async () => {
      expect(edited).not.toBe(fixture);
      expect(await officeRedline(fixture, edited, 'accept')).toEqual(await officeRedline(edited, edited, 'as-is'));
      expect(await officeRedline(fixture, edited, 'reject')).toEqual(await officeRedline(fixture, fixture, 'as-is'));
    });
    it(`${name}: the last paragraph mark, which no application removes, is tracked neither way`, async () => {
      for (const [older, newer] of [[fixture, edited], [edited, fixture]] as const) {
        const cwd = exampleProject({ 'a.yaml': older, 'b.yaml': newer });
        const result = await diff({ cwd, files: ['a.yaml', 'b.yaml'], format: 'docx', stat: false, whitespace: false, colour: false, author: 'Recenzents', sourceDateEpoch: 1613692800 });
        if (!(result.output instanceof Uint8Array)) throw new Error('expected DOCX bytes');
        const body = strFromU8(unzipSync(result.output)['word/document.xml'] ?? new Uint8Array());
        const last = body.slice(body.lastIndexOf('<w:p>'));
        expect(last).not.toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:(ins|del) /);
      }
    });
    itWithOffice(`${name}, the other way round (inserted at the end)`, async () => {
      expect(await officeRedline(edited, fixture, 'accept')).toEqual(await officeRedline(fixture, fixture, 'as-is'));
      expect(await officeRedline(edited, fixture, 'reject')).toEqual(await officeRedline(edited, edited, 'as-is'));
    });
  }
});
