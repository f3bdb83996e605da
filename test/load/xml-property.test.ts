import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { CHECK_BASE } from '../helpers/corpus.js';
import { tempDir } from '../helpers/project.js';

const MEETING = 'meetings/2021-05-17-youth.yaml';
const POSITION = 'positions/youth/youth-participation.yaml';
const base = (path: string) => readFileSync(join(CHECK_BASE, path), 'utf8');

/** Fields a user writes text into, and how to put a (JSON-quoted, so any character can be written) value there. */
const FIELDS: { name: string; put: (value: string) => Record<string, string> }[] = [
  { name: 'topic', put: (v) => ({ [MEETING]: base(MEETING).replace(/^topic: .*$/m, `topic: ${v}`) }) },
  { name: 'participants', put: (v) => ({ [MEETING]: base(MEETING).replace(/^participants: .*$/m, `participants: ${v}`) }) },
  { name: 'background', put: (v) => ({ [MEETING]: base(MEETING).replace(/^background: \|\n {2}.*$/m, `background: ${v}`) }) },
  { name: 'outcome', put: (v) => ({ [MEETING]: `${base(MEETING)}outcome: ${v}\n` }) },
  { name: 'question', put: (v) => ({ [MEETING]: base(MEETING).replace(/- text: Kā dalībvalstis.*$/m, `- text: ${v}`) }) },
  { name: 'body', put: (v) => ({ [POSITION]: base(POSITION).replace(/^body: \|\n {2}.*$/m, `body: ${v}`) }) },
];

const awkward = fc.constantFrom(
  '\u0000', '\u0001', '\u000B', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\uD83D\uDE00', '\u0085', '\u2028',
  '<', '>', '&', '"', "'", ']]>', '<!--', '-->', '```', '~~~', '<pre>', '<?x', '[x]: /y', '[^1]', '[^1]: n', '\n', '\n\n', '\t', '\r', '*', '_', '|', '\\',
);
const text = fc.array(fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 12 })), { maxLength: 12 }).map((parts) => parts.join(''));

/** Throws when a part is not well-formed XML 1.0 (saxes checks every character too). */
function parseXml(name: string, xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw new Error(`${name}: ${error.message}`);
  });
  parser.write(xml).close();
}

test('any text that passes check, in any field, gives a DOCX whose every XML part parses', async () => {
  const dir = tempDir();
  let passed = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...FIELDS), text, async (field, value) => {
      cpSync(CHECK_BASE, dir, { recursive: true });
      for (const [path, content] of Object.entries(field.put(JSON.stringify(value)))) writeFileSync(join(dir, path), content);
      const checked = await check({ cwd: dir, paths: [], final: false });
      if (checked.exitCode !== 0) return;
      passed++;
      const built = await build({ cwd: dir, inputs: [MEETING], final: false, out: 'out', formats: ['docx'] });
      expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const parts = unzipSync(readFileSync(join(dir, 'out/IZMzin_170521_EYCS.docx')));
      for (const [name, data] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) parseXml(name, strFromU8(data));
    }),
    { numRuns: 60, seed: 20261124 },
  );
  expect(passed).toBeGreaterThan(10);
}, 120_000);
