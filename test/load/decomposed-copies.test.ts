import { cpSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { sameNameOtherLetters } from '../../src/load/letter-forms.js';
import { baseProject } from '../helpers/corpus.js';
import { initRepository } from '../helpers/git.js';
import { runCli } from '../helpers/project.js';

// A folder copied back from a Mac or a network share may come with its name written decomposed ("i" and a combining
// macron for "ī") beside the composed one: two names that look the same. The messages about the clash named a path
// alike to the file's own ("already used by positions/izglītība/x.yaml", said of positions/izglītība/x.yaml).
const COMPOSED = 'positions/izglītība';
const DECOMPOSED = COMPOSED.normalize('NFD');

/** The base project with its positions folder named composed, and a copy of it named decomposed. */
function projectWithCopy(): string {
  const dir = baseProject({});
  renameSync(join(dir, 'positions/youth'), join(dir, COMPOSED));
  cpSync(join(dir, COMPOSED), join(dir, DECOMPOSED), { recursive: true });
  return dir;
}

test('position/duplicate-id of two copies whose names differ in letters alone tells the two apart, and says one is a copy', async () => {
  const dir = projectWithCopy();
  const found = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'position/duplicate-id');
  expect(found.length).toBeGreaterThan(0);
  for (const said of found) {
    // The decomposed name sorts first, so the clash is said at the composed copy.
    expect(said.message).toContain(', the same path with “ī” written as a letter and a combining mark, as a Mac writes names (here as one letter).');
    expect(said.hint).toContain('One file is a copy of the other, made on a Mac or through a network share');
  }
});

test('meeting/duplicate-file-code of a meeting and its copy named with decomposed letters tells them apart', async () => {
  const dir = baseProject({});
  const [meeting] = readdirSync(join(dir, 'meetings'));
  const named = join(dir, 'meetings', '2021-02-19-sanāksme.yaml');
  renameSync(join(dir, 'meetings', meeting ?? ''), named);
  cpSync(named, named.normalize('NFD'));
  const found = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'meeting/duplicate-file-code');
  expect(found.map((d) => d.message.includes('the same path with “ā” written as'))).toEqual([true, true]);
  expect(found.map((d) => d.hint)).toEqual([expect.stringContaining('One file is a copy of the other'), expect.stringContaining('One file is a copy of the other')]);
});

test('clear by the id of such a copied position tells the two files apart', () => {
  const dir = projectWithCopy();
  const run = runCli(['clear', 'youth-participation', '--ministry', 'AM', '--date', '10.02.2021', '--ref', 'e-pasts'], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('the same path with “ī” written as');
  expect(run.stderr).toContain('One file is a copy of the other');
});

/** `clear` by the id the copies claim, in the project with the copy and a third file `third` claiming the id too. */
function clearWithThirdClaimant(third: string) {
  const dir = projectWithCopy();
  cpSync(join(dir, COMPOSED, 'youth-participation.yaml'), join(dir, third));
  return runCli(['clear', 'youth-participation', '--ministry', 'AM', '--date', '10.02.2021', '--ref', 'e-pasts'], dir);
}

test('clear by an id a third file claims too keeps the advice to name the file, which that file still needs', () => {
  const run = clearWithThirdClaimant('positions/youth-participation-draft.yaml');
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('claimed by 3 position files');
  // It said only that one file is a copy of the other: true of two of them, not of the third.
  expect(run.stderr).toContain('Name the file to clear instead of the id');
  expect(run.stderr).toContain('One file is a copy of the other');
});

// The copies were compared with the first file alone: a third file that sorts first hid that the other two are one name.
test('clear by an id a third file claims too, one that sorts before the two copies, still tells the copies apart', () => {
  const run = clearWithThirdClaimant('positions/a-youth-participation.yaml');
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`claimed by 3 position files: positions/a-youth-participation.yaml, ${DECOMPOSED}/youth-participation.yaml, ${COMPOSED}/youth-participation.yaml, the same path with “ī” written as one letter (in the second as a letter and a combining mark, as a Mac writes names).`);
  expect(run.stderr).toContain('Name the file to clear instead of the id');
  expect(run.stderr).toContain('One file is a copy of the other');
});

test('the letter named is the one written otherwise, not the first letter with a mark', () => {
  const composed = 'positions/ēka/izglītība.yaml';
  const partly = `positions/ēka/${'izglītība'.normalize('NFD')}.yaml`;
  expect(sameNameOtherLetters(composed, partly)).toBe(', the same path with “ī” written as a letter and a combining mark, as a Mac writes names (here as one letter)');
  expect(sameNameOtherLetters(composed, 'positions/eka/izglītība.yaml')).toBeUndefined();
  expect(sameNameOtherLetters(composed, composed)).toBeUndefined();
});

test('diff of a position whose folder came back from a Mac with its name decomposed says the two paths differ in that letter alone', () => {
  const dir = baseProject({});
  renameSync(join(dir, 'positions/youth'), join(dir, COMPOSED));
  initRepository(dir);
  renameSync(join(dir, COMPOSED), join(dir, DECOMPOSED));
  const run = runCli(['diff', `${DECOMPOSED}/youth-participation.yaml`, '--from', 'HEAD', '--format', 'md'], dir);
  // It said "Changes in `positions/izglītība/youth-participation.yaml → positions/izglītība/youth-participation.yaml`": a rename that looks like none.
  expect(run.stdout).toContain(`→ ${DECOMPOSED}/youth-participation.yaml, the same path with “ī” written as one letter (in the newer as a letter and a combining mark, as a Mac writes names)`);
});
