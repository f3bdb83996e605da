import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { parseJobs, parseVersion } from '../../src/cli/flags.js';
import { MAX_FILE_BYTES } from '../../src/load/limits.js';
import { parseYaml } from '../../src/load/yaml.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';

describe('limits', () => {
  test('a file over the size limit is refused with a message, before it is parsed, and nothing is written', async () => {
    const dir = exampleProject();
    const text = readFileSync(join(dir, POSITION), 'utf8');
    const padding = `  ${'Ļoti gara rindkopa. '.repeat(50)}\n\n`;
    const big = text.replace(/^body: \|\n/m, `body: |\n${padding.repeat(Math.ceil(MAX_FILE_BYTES / Buffer.byteLength(padding)))}`);
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_FILE_BYTES);
    writeFileSync(join(dir, POSITION), big);

    const checked = await check({ cwd: dir, paths: [], final: false });
    const tooLarge = checked.diagnostics.filter((d) => d.ruleId === 'file/too-large');
    expect(tooLarge.map((d) => [d.file, d.severity])).toEqual([[POSITION, 'error']]);
    expect(tooLarge[0]?.message).toMatch(/^The file is 16\.\d MB; briefing reads files up to 16\.0 MB\.$/);
    expect(checked.exitCode).toBe(1);

    const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, out: 'out', formats: ['md', 'docx'] });
    expect(built.exitCode).toBe(1);
    expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.md'))).toBe(false);
  }, 60_000);

  test('keys met twice in a large mapping are found by our own check: 5,000 keys, two of them twice, each said where it is met again', () => {
    // The parser's own check compared each key with every one before it in its mapping: 300,000 keys (4 MB) held check up for the
    // better part of an hour. Ours keeps one set per mapping; how long it takes is measured, not asserted (docs/performance.md, no timed tests).
    const keys = Array.from({ length: 5_000 }, (_, index) => `  k${index}: v\n`).join('');
    const text = `id: x\nextra:\n${keys}  k7: again\n  inner: { a: 1, a: 2 }\nid: y\n`;
    const parsed = parseYaml(POSITION, text);
    const duplicates = parsed.diagnostics.filter((d) => d.ruleId === 'yaml/duplicate-key');
    expect(duplicates.map((d) => [d.line, d.column, d.message])).toEqual([
      [5_003, 3, 'The key `k7` appears twice in the same mapping.'],
      [5_004, 18, 'The key `a` appears twice in the same mapping.'],
      [5_005, 1, 'The key `id` appears twice in the same mapping.'],
    ]);
    expect(parsed.data).toBeUndefined();
  });

  test('--jobs is capped at four threads per core', () => {
    expect(parseJobs('8', 2)).toBe(8);
    // Spaces around it, as a CI matrix's variable may leave them (--shard " 1/2" is read so too).
    expect(parseJobs(' 2 ', 2)).toBe(2);
    expect(parseVersion(' 3')).toBe(3);
    expect(() => parseJobs('2 2', 2)).toThrow('--jobs needs a whole number of threads, at least 1, not `2 2`.');
    expect(() => parseJobs('9', 2)).toThrow('--jobs 9 is more than this machine can use: at most 8 (4 per core, 2 cores).');
    const run = runCli(['build', '--all', '--jobs', String(4 * availableParallelism() + 1)], exampleProject());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is more than this machine can use');
  });
});
