import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleProject } from '../helpers/project.js';

/**
 * Random mutations of the valid example files — a key deleted, a value of the wrong
 * type, the file cut short, random bytes spliced in, lines shuffled — must never crash
 * `check`: each run ends with exit 0 or 1, and every problem is a well-formed message.
 * FUZZ_RUNS sets the number of mutations (default 1,000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const FILES = [
  EXAMPLE_MEETING,
  'positions/educ/equity-achievements.yaml',
  'positions/educ/equity-reforms.yaml',
  'briefing.config.yaml',
  'ministries.yaml',
];

/**
 * Shapes an adversarial run found (issue 10): each turns a whole file into a known hard
 * case — line ends, encodings, YAML features briefing files never need — at a random line.
 */
const SHAPES: Record<string, (text: string, line: number) => string | Buffer> = {
  crlf: (text) => text.replaceAll('\n', '\r\n'),
  utf16: (text) => Buffer.from(text, 'utf16le'),
  proto: (text, line) => insertAt(text, line, '__proto__: { polluted: true }'),
  'complex-key': (text, line) => insertAt(text, line, '? [a, b]\n: c'),
  'binary-tag': (text, line) => insertAt(text, line, 'x: !!binary aGVsbG8='),
  'timestamp-tag': (text) => text.replace(/: (\d{4}-\d{2}-\d{2})/, ': !!timestamp $1'),
  alias: (text) => text.replace(/^(\w+): (.+)$/m, '$1: &shared $2').replace(/\n(\w+): [^\n&]+$/m, '\n$1: *shared'),
  deep: (text, line) => insertAt(text, line, `deep: ${'['.repeat(5000)}${']'.repeat(5000)}`),
  'reserved-code': (text) => text.replace(/^file_code: .*$/m, 'file_code: Lpt9'),
  'long-code': (text) => text.replace(/^file_code: .*$/m, `file_code: ${'A'.repeat(300)}`),
  'impossible-date': (text) => text.replace(/\d{4}-\d{2}-\d{2}/, '2021-02-30'),
  'duplicate-list-item': (text) => text.replace(/\[(\w+), (\w+)\]/, '[$1, $2, $1]'),
};

function insertAt(text: string, line: number, inserted: string): string {
  const lines = text.split('\n');
  lines.splice(line % (lines.length + 1), 0, inserted);
  return lines.join('\n');
}

const anyValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
);

/** Shapes that once broke a report from inside one field: unclosed constructs, characters XML forbids, shared labels. */
const MARKDOWN_SHAPES = [
  '<!-- ', '```', '~~~~', '<pre>', '<?x', '<![CDATA[', '<!DOCTYPE', '<script>', '\uFFFE', '\uFFFF', '\u0000', '\u0001', '\u000B',
  '[x]: https://example.com', '[x]', '[^1]', '[^1]: piezīme', '> ', '1. ', '   ', '\\',
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-key' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('wrong-type' as const), pick: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('lines' as const), from: fc.nat(), to: fc.nat(), op: fc.constantFrom('delete', 'duplicate', 'swap', 'tab') }),
  fc.record({ kind: fc.constant('shape' as const), shape: fc.constantFrom(...Object.keys(SHAPES)), at: fc.nat() }),
  fc.record({ kind: fc.constant('markdown' as const), at: fc.nat(), snippet: fc.constantFrom(...MARKDOWN_SHAPES) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Paths of every value in a YAML document, for picking one to delete or replace. */
function valuePaths(text: string): (string | number)[][] {
  const doc = parseDocument(text);
  const paths: (string | number)[][] = [];
  visit(doc, {
    Pair(_key, pair, path) {
      const steps: (string | number)[] = [];
      for (const [index, node] of path.entries()) {
        if (isPair(node) && isScalar(node.key)) steps.push(String(node.key.value));
        if (isSeq(node)) steps.push(node.items.findIndex((item) => item === (path[index + 1] ?? pair)));
      }
      if (isScalar(pair.key)) paths.push([...steps, String(pair.key.value)]);
    },
  });
  return paths;
}

function mutate(text: string, m: Mutation): string | Buffer {
  switch (m.kind) {
    case 'delete-key':
    case 'wrong-type': {
      const paths = valuePaths(text);
      const path = paths[m.pick % paths.length] ?? [];
      const doc = parseDocument(text);
      if (m.kind === 'delete-key') doc.deleteIn(path);
      else doc.setIn(path, m.value);
      return String(doc);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'bytes': {
      const bytes = Buffer.from(text);
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    }
    case 'shape':
      return SHAPES[m.shape]?.(text, m.at) ?? text;
    case 'markdown': {
      // At the start of a line inside a block scalar (indented), where Markdown fields are written.
      const lines = text.split('\n');
      const indented = lines.flatMap((line, index) => (/^ {2}\S/.test(line) ? [index] : []));
      const index = indented[m.at % Math.max(1, indented.length)] ?? 0;
      lines[index] = `  ${m.snippet}${(lines[index] ?? '').trimStart()}`;
      return lines.join('\n');
    }
    case 'lines': {
      const lines = text.split('\n');
      const from = m.from % lines.length;
      const to = m.to % lines.length;
      if (m.op === 'delete') lines.splice(from, 1);
      else if (m.op === 'duplicate') lines.splice(to, 0, lines[from] ?? '');
      else if (m.op === 'tab') lines[from] = `\t${lines[from] ?? ''}`;
      else [lines[from], lines[to]] = [lines[to] ?? '', lines[from] ?? ''];
      return lines.join('\n');
    }
  }
}

test(`${RUNS} random mutations of the example files never crash check`, async () => {
  const dir = exampleProject();
  const originals = new Map(FILES.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
  const seenRules = new Set<string>();
  let failing = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...FILES), mutation, fc.boolean(), async (file, m, final) => {
      const original = originals.get(file) ?? '';
      writeFileSync(join(dir, file), mutate(original, m));
      try {
        const result = await check({ cwd: dir, paths: [], final, today: '2021-02-01' });
        expect([0, 1]).toContain(result.exitCode);
        expect(result.exitCode === 1).toBe(result.diagnostics.some((d) => d.severity === 'error'));
        for (const d of result.diagnostics) {
          expect(d.ruleId).toMatch(/^[a-z]+\/[a-z-]+$/);
          expect(d.message.trim()).not.toBe('');
          expect(d.message).not.toContain('\u0000'); // never NUL bytes on the terminal (a UTF-16 file)
          expect(d.message).not.toMatch(/Maximum call stack|Cannot read properties/); // never the JavaScript engine's words
          expect(d.file).not.toBe('');
          if (d.line !== undefined) expect(d.line).toBeGreaterThan(0);
          if (d.column !== undefined) expect(d.column).toBeGreaterThan(0);
          seenRules.add(d.ruleId);
        }
        if (result.exitCode === 1) failing++;
      } finally {
        writeFileSync(join(dir, file), original);
      }
    }),
    { numRuns: RUNS },
  );
  // The mutations must actually break things, or the test proves nothing.
  expect(failing).toBeGreaterThan(RUNS / 4);
  expect(seenRules.size).toBeGreaterThan(5);
}, 600_000);
