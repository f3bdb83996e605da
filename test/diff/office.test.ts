import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { diff } from '../../src/commands/diff.js';
import { exampleProject, REPO, tempDir } from '../helpers/project.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find((path) => existsSync(path));
const REQUIRED = process.env.REQUIRE_OFFICE === '1';

/** Converts with a private LibreOffice profile, so parallel tests do not share one. */
function convert(file: string, to: string): string {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) is required here (REQUIRE_OFFICE=1) but was not found');
  const dir = tempDir('briefing-office-');
  const run = spawnSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
  const output = join(dir, file.replace(/^.*\//, '').replace(/\.docx$/, `.${to}`));
  if (run.status !== 0 || !existsSync(output)) throw new Error(`soffice could not convert ${file} to ${to}: ${run.stderr}`);
  return output;
}

test.skipIf(!SOFFICE && !REQUIRED)('LibreOffice opens the redline, sees each tracked change with its author, and has track changes on', async () => {
  const fixture = (file: string) => readFileSync(join(REPO, 'test/fixtures/diff/item-added', file), 'utf8');
  const cwd = exampleProject({ 'a.yaml': fixture('before.yaml'), 'b.yaml': fixture('after.yaml') });
  const result = await diff({ cwd, files: ['a.yaml', 'b.yaml'], format: 'docx', stat: false, whitespace: false, colour: false, author: 'Recenzents', sourceDateEpoch: 1613692800 });
  if (!(result.output instanceof Uint8Array)) throw new Error('expected DOCX bytes');
  const docx = join(cwd, 'review.docx');
  writeFileSync(docx, result.output);

  const pdf = convert(docx, 'pdf');
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

  const content = strFromU8(unzipSync(readFileSync(convert(docx, 'odt')))['content.xml'] ?? new Uint8Array());
  const tracked = /<text:tracked-changes([^>]*)>([\s\S]*?)<\/text:tracked-changes>/.exec(content);
  expect(tracked?.[1]).not.toContain('track-changes="false"');
  const regions = [...(tracked?.[2] ?? '').matchAll(/<text:(insertion|deletion)>[\s\S]*?<dc:creator>([^<]*)<\/dc:creator><dc:date>([^<]*)<\/dc:date>/g)];
  // "trim" → "četriem", "." → ";", and the inserted item 4 (LibreOffice joins its text and its paragraph mark).
  expect(regions.map((r) => r[1]).sort()).toEqual(['deletion', 'deletion', 'insertion', 'insertion']);
  expect(new Set(regions.map((r) => `${r[2]} ${r[3]?.slice(0, 10)}`))).toEqual(new Set(['Recenzents 2021-02-19']));
  expect(content).toContain('četriem');
});
