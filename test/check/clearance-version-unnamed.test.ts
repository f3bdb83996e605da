import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { commitAll, initRepository } from '../helpers/git.js';
import { exampleProject } from '../helpers/project.js';

/** The rule `clearance/version-unnamed`, against a real git repository in a temporary folder. */
const REFORMS = 'positions/educ/equity-reforms.yaml';

/** The example (its clearances written by hand, naming no version) committed in February. */
function february(): string {
  const dir = exampleProject();
  initRepository(dir, { author: 'Referente', date: '2021-02-17T10:00:00Z' });
  return dir;
}

/** `equity-reforms` revised for May: a new answer, version 2 raised to 3, its clearances as they were. */
function revise(dir: string, entries: (text: string) => string = (text) => text): void {
  const path = join(dir, REFORMS);
  const text = readFileSync(path, 'utf8').replace(/^version: 2$/m, 'version: 3').replace(/^body: \|\n/m, 'body: |\n  Maijā Latvija piedāvā jaunu pieeju.\n\n');
  writeFileSync(path, entries(text));
}

async function unnamed(dir: string, final = false, base?: string) {
  const result = await check({ cwd: dir, paths: [], final, ...(base ? { base } : {}) });
  return result.diagnostics.filter((d) => d.ruleId === 'clearance/version-unnamed').map((d) => [d.file, d.line, d.severity, d.message, d.hint]);
}

describe('a clearance naming no version, in a position whose version went up', () => {
  test('is warned about at the entry, and is an error under --final: version 2 cleared is not version 3 cleared', async () => {
    const dir = february();
    revise(dir);
    const message = (code: string) =>
      `\`version\` went up from 2 (at git HEAD) to 3, but the clearance by ${code} names no version, so it is counted for version 3: the report would say ${code} cleared a text it may not have seen.`;
    const hint = (code: string) =>
      `Record ${code}'s answer on version 3 with \`briefing clear equity-reforms --ministry ${code} --date <the day>\`; or, if ${code} cleared version 2, add \`version: 2\` to the entry.`;
    expect(await unnamed(dir)).toEqual([
      [REFORMS, 52, 'warning', message('AM'), hint('AM')],
      [REFORMS, 56, 'warning', message('LM'), hint('LM')],
    ]);
    expect((await unnamed(dir, true)).map((row) => row[2])).toEqual(['error', 'error']);
  });

  test('is found in a pull request once committed, against the branch it goes into (--base)', async () => {
    const dir = february();
    revise(dir);
    commitAll(dir, 'equity-reforms for May', { author: 'Referente', date: '2021-04-20T10:00:00Z' });
    expect(await unnamed(dir)).toEqual([]);
    expect((await unnamed(dir, false, 'HEAD~1')).map((row) => row[1])).toEqual([52, 56]);
  });

  test('is not said of an entry that names its version, nor when the version stayed', async () => {
    const dir = february();
    // The answer changed but still version 2, its entries naming none: version-not-raised says so; no version went up.
    const path = join(dir, REFORMS);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^body: \|\n/m, 'body: |\n  Maijā Latvija piedāvā jaunu pieeju.\n\n'));
    expect(await unnamed(dir)).toEqual([]);
    expect((await check({ cwd: dir, paths: [], final: false })).diagnostics.map((d) => d.ruleId)).toContain('position/version-not-raised');
    execFileSync('git', ['checkout', '--quiet', '--', REFORMS], { cwd: dir });
    // AM's answer on version 3 recorded as `clear` records it; LM's marked as of version 2 (and so missing).
    revise(dir, (text) => text.replace(/(  AM:\n    status: cleared\n)/, '$1    version: 3\n').replace(/(  LM:\n    status: cleared\n)/, '$1    version: 2\n'));
    expect(await unnamed(dir)).toEqual([]);
    const missing = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'clearance/missing');
    expect(missing.map((d) => d.message)).toEqual([
      'The position `equity-reforms` is not cleared by Labklājības ministrija (LM): the clearance is of version 2, and the position is now version 3; meetings/2021-02-19-educ-informal.yaml requires it.',
    ]);
  });

  // An entry written by hand after the raise is the ministry's answer on the new text (found by the read-only review).
  test('is said only of an entry the committed text had so, not of one written after the raise', async () => {
    const dir = february();
    revise(dir, (text) => text.replace(/(clearance:\n)/, '$1  FM:\n    status: cleared\n    date: 2021-04-21\n    ref: "FM e-pasts par 3. versiju"\n'));
    expect((await unnamed(dir)).map((row) => (row[3] as string).match(/clearance by (\w+)/)?.[1])).toEqual(['AM', 'LM']);
  });
});
