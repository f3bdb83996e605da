import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { corpusCases, corpusProject, readGolden, type CorpusCase } from '../helpers/corpus.js';
import { runCli } from '../helpers/project.js';

/**
 * Each case is the small valid project with one mistake. `briefing check` must print
 * exactly the golden messages (UPDATE_GOLDEN=1 rewrites them), and `build` must write
 * nothing for it. Warnings alone still build.
 */
async function runCase(testCase: CorpusCase, expectedExit: number) {
  const dir = corpusProject(testCase);
  const run = runCli(['check', ...testCase.args], dir);
  const actual = `${run.stdout}exit ${run.status}\n`;
  expect(actual).toBe(readGolden(testCase.expectedFile, actual));
  expect(run.status).toBe(expectedExit);
  expect(run.stderr).toBe('');

  const paths = testCase.args.filter((arg) => !arg.startsWith('--'));
  const built = await build({
    cwd: dir,
    inputs: paths.length ? paths : ['meetings/*.yaml'],
    final: testCase.args.includes('--final'),
    out: 'out',
  });
  expect(built.exitCode).toBe(expectedExit);
  expect(existsSync(join(dir, 'out'))).toBe(expectedExit === 0);
}

describe('invalid inputs: check reports each mistake and exits 1; build writes nothing', () => {
  const cases = corpusCases('invalid');
  test('the corpus covers at least 40 mistakes', () => expect(cases.length).toBeGreaterThanOrEqual(40));
  test.each(cases)('$name', (testCase) => runCase(testCase, 1));
});

describe('inputs that only look wrong: check warns and exits 0; build still writes', () => {
  test.each(corpusCases('warnings'))('$name', (testCase) => runCase(testCase, 0));
});
