import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { exampleProject, writeFile } from '../helpers/project.js';

/** `position/translation-stale`: the Latvian answer changed since git HEAD while its English one stayed. */
const POSITION = 'positions/educ/equity-achievements.yaml';

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
}

function commit(dir: string): void {
  git(dir, 'add', '--all');
  git(dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '--quiet', '--no-gpg-sign', '-m', 'change');
}

const ENGLISH = 'body_en: |\n  Latvia’s main achievements rest on three directions.\n\n';

/** The example in a fresh repository, its first position translated and committed. */
function translated(): { dir: string; text: string } {
  const dir = exampleProject();
  const text = readFileSync(join(dir, POSITION), 'utf8').replace(/^# Clearance by ministry code/m, `${ENGLISH}$&`);
  writeFile(dir, POSITION, text);
  git(dir, 'init', '--quiet');
  commit(dir);
  return { dir, text };
}

const stale = async (dir: string) =>
  (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'position/translation-stale').map((d) => [d.file, d.line, d.column, d.severity, d.message]);

test('a Latvian answer changed since git HEAD under an English one left as it was is a warning at body_en', async () => {
  const { dir, text } = translated();
  const changed = text.replace('trim savstarpēji papildinošiem virzieniem:', 'četriem savstarpēji papildinošiem virzieniem:').replace('version: 3', 'version: 4');
  writeFile(dir, POSITION, changed);
  const line = changed.split('\n').indexOf('body_en: |') + 1;
  expect(await stale(dir)).toEqual([
    [POSITION, line, 1, 'warning', '`body` changed since git HEAD, but its English, `body_en`, did not: an English note (informative-report.en) prints the translation of the earlier answer.'],
  ]);
});

test('nothing is said when the English changed too, when only the English changed, when there is no English, or when the answer is as committed', async () => {
  const { dir, text } = translated();
  const both = text.replace('trim savstarpēji', 'četriem savstarpēji').replace('three directions', 'four directions');
  writeFile(dir, POSITION, both);
  expect(await stale(dir)).toEqual([]);
  writeFile(dir, POSITION, text.replace('three directions', 'the three directions'));
  expect(await stale(dir)).toEqual([]);
  writeFile(dir, POSITION, text.replace('version: 3', 'version: 4'));
  expect(await stale(dir)).toEqual([]);
  // A Latvian answer re-wrapped is the same answer.
  writeFile(dir, POSITION, text.replace('saistīti ar\n  trim', 'saistīti ar trim\n  '.trimEnd()));
  expect(await stale(dir)).toEqual([]);
  const untranslated = exampleProject();
  git(untranslated, 'init', '--quiet');
  commit(untranslated);
  writeFile(untranslated, POSITION, readFileSync(join(untranslated, POSITION), 'utf8').replace('trim savstarpēji', 'četriem savstarpēji'));
  expect(await stale(untranslated)).toEqual([]);
});
