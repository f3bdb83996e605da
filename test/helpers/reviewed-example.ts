import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { initRepository } from './git.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from './project.js';
import { WordEdit } from './word-edit.js';

/**
 * The example project in a git repository with its report built, and that report as reviewers send it back:
 * `out/<name>.docx`, the built DOCX with `edits` made in it as Word makes them.
 */
export function reviewedExample(name: string, edits: (report: WordEdit) => WordEdit): { dir: string; docx: string } {
  const dir = exampleProject();
  initRepository(dir);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const docx = join(dir, `out/${name}.docx`);
  writeFileSync(docx, edits(new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')))).bytes());
  return { dir, docx };
}
