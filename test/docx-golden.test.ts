import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { EXAMPLE_MEETING, REPO, tempDir } from './helpers/project.js';

/**
 * The example's DOCX, part by part, as a golden file a reviewer can read in a diff. The Markdown
 * golden (build.test.ts) does not see the DOCX's own bytes: a column width, a run's properties or a
 * style written otherwise passed every test while the Markdown stayed the same (a mutation audit
 * found two such changes). Reports already sent must come out byte for byte the same when built
 * again, so any change here is either intended — UPDATE_GOLDEN=1 rewrites the file; read its diff
 * before committing — or a regression.
 */


/** Each XML part on lines a diff can show: a line after each paragraph, table row, style and list definition. */
function readable(xml: string): string {
  return xml.replace(/(<\/w:p>|<\/w:tr>|<\/w:style>|<\/w:abstractNum>|<\/w:num>|<\/w:docDefaults>|<\/w:font>|\/>(?=<(?:Relationship|Override|Default|property)\b)|<\/property>)/g, '$1\n');
}

/** The DOCX as text: its SHA-256, then every part in the zip's order under a `=== name` line. */
function docxAsText(bytes: Uint8Array): string {
  const parts = unzipSync(bytes);
  const lines = [`sha256 ${createHash('sha256').update(bytes).digest('hex')}`, `${bytes.length} bytes, ${Object.keys(parts).length} parts`];
  for (const [name, data] of Object.entries(parts)) lines.push('', `=== ${name}`, /\.(xml|rels)$/.test(name) ? readable(strFromU8(data)) : `(${data.length} bytes, sha256 ${createHash('sha256').update(data).digest('hex')})`);
  return `${lines.join('\n')}\n`;
}

/** The examples this repository builds: the informative report on the built-in styles, and one on a ministry's reference DOCX (its letterhead, styles and numbering joined with ours). */
const CASES = [
  { name: 'the example report', cwd: REPO, meeting: EXAMPLE_MEETING, golden: 'test/fixtures/example/IZMzin_190221_EDUC.docx.txt' },
  { name: 'examples/ministry-style, on its reference DOCX', cwd: join(REPO, 'examples/ministry-style'), meeting: 'meetings/2021-05-18-educ-council.yaml', golden: 'test/fixtures/example/ministry-style.docx.txt' },
];

describe.each(CASES)('$name as a DOCX', ({ cwd, meeting, golden: goldenFile }) => {
  it('is the golden file part by part and byte for byte (UPDATE_GOLDEN=1 rewrites it; review the diff)', async () => {
    const out = tempDir();
    const result = await build({ cwd, inputs: [meeting], out, final: false, formats: ['docx'] });
    expect(result.exitCode).toBe(0);
    const [docx] = readdirSync(out).filter((name) => name.endsWith('.docx'));
    const actual = docxAsText(readFileSync(join(out, docx ?? 'no DOCX was written')));
    const path = join(REPO, goldenFile);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
    const golden = readFileSync(path, 'utf8');
    // The parts first, where a difference can be read; the bytes after, for what the zip alone changes.
    expect(actual.split('\n').slice(2)).toEqual(golden.split('\n').slice(2));
    expect(actual.split('\n').slice(0, 2)).toEqual(golden.split('\n').slice(0, 2));
  });
});
