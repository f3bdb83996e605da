import { cpSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { baseProject } from '../helpers/corpus.js';
import { initRepository } from '../helpers/git.js';
import { runCli, tempDir } from '../helpers/project.js';

// A folder made on a Mac, or named by a pasted text, may have its Latvian letters written decomposed ("i" and a
// combining macron for "ī"); typed composed, its path was "No such file or folder" though `ls` shows that very name.
test('a path typed with composed letters where the folder is written decomposed is not found, and the message says why', async () => {
  const dir = baseProject({});
  const folder = 'positions/izglītība'.normalize('NFD');
  cpSync(join(dir, 'positions/youth'), join(dir, folder), { recursive: true });
  const typed = 'positions/izglītība/youth-participation.yaml';
  const found = (await check({ cwd: dir, paths: [typed], final: false })).diagnostics.filter((d) => d.ruleId === 'input/not-found');
  expect(found.map((d) => [d.file, d.message, d.hint])).toEqual([
    [
      typed,
      `No such file or folder as typed, but \`${folder}\` is there with its letters written another way: “ī” as a letter and a combining mark, or the other way round, which looks the same.`,
      'Type the path with the shell’s Tab completion, which takes the name as it is written; and rename the folder with its letters as typed, so that the two ways do not stay side by side.',
    ],
  ]);
});

test('diff and clear of such a path say the same, not that the file is missing from the working tree or was never a position', () => {
  const dir = baseProject({});
  const folder = 'positions/izglītība'.normalize('NFD');
  cpSync(join(dir, 'positions/youth'), join(dir, folder), { recursive: true });
  initRepository(dir);
  const typed = 'positions/izglītība/youth-participation.yaml';
  const said = `but \`${folder}\` is there with its letters written another way`;
  const diff = runCli(['diff', typed], dir);
  expect(diff.status).toBe(2);
  expect(diff.stderr).toContain(said);
  const clear = runCli(['clear', typed, '--ministry', 'AM', '--date', '10.02.2021', '--ref', 'e-pasts'], dir);
  expect(clear.status).toBe(2);
  expect(clear.stderr).toContain(said);
});

test('build of a meeting in such a folder says the same, not only that there is no such meeting file', () => {
  const dir = baseProject({});
  const folder = 'meetings/izglītība'.normalize('NFD');
  const [meeting = ''] = readdirSync(join(dir, 'meetings')).filter((name) => name.endsWith('.yaml'));
  mkdirSync(join(dir, folder));
  renameSync(join(dir, 'meetings', meeting), join(dir, folder, meeting));
  const run = runCli(['build', `meetings/izglītība/${meeting}`], dir);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`No such meeting file as typed, but \`${folder}\` is there with its letters written another way`);
});

test('-C naming a project folder typed with composed letters, written decomposed on the disk, says so', () => {
  const dir = baseProject({});
  // A temporary folder of its own: one made beside the project was left behind in /tmp by every run.
  const parent = tempDir();
  const folder = 'brīfingi'.normalize('NFD');
  renameSync(dir, join(parent, folder));
  const run = runCli(['-C', 'brīfingi', 'check'], parent);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`does not exist as typed, but \`${folder}\` is there with its letters written another way`);
});
