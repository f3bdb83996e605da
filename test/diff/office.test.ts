import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { diff } from '../../src/commands/diff.js';
import { convertWithOffice, itWithOffice } from '../helpers/docx.js';
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
