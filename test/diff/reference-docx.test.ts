import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { referenceDocx } from '../../src/commands/reference-docx.js';
import { commitAll, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli } from '../helpers/project.js';

/** The example project with its own reference DOCX, committed, and a report built from it. */
function projectWithReference(): string {
  const config = exampleFile('briefing.config.yaml').replace('  # reference_docx: reference.docx', '  reference_docx: styles/reference.docx');
  const dir = exampleProject({ 'briefing.config.yaml': config });
  expect(config).toContain('  reference_docx: styles/reference.docx');
  mkdirSync(join(dir, 'styles'));
  writeFileSync(join(dir, 'styles/reference.docx'), referenceDocx().bytes);
  initRepository(dir);
  const built = runCli(['build', EXAMPLE_MEETING, '--format', 'md'], dir);
  expect(built.status, built.stderr).toBe(0);
  return dir;
}

// Read from git as text, the Word file was mangled (or not read at all): every diff of a meeting in a
// project with its own reference DOCX stopped at config/reference-docx-missing with exit 2.
test('diff of a meeting compares a project whose config names a reference DOCX committed in git', () => {
  const dir = projectWithReference();
  const position = 'positions/educ/equity-reforms.yaml';
  writeFileSync(join(dir, position), readFileSync(join(dir, position), 'utf8').replace('Tuvākajā laikā', 'Tuvākajā nākotnē'));
  const run = runCli(['diff', EXAMPLE_MEETING, '--format', 'md'], dir);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('Tuvākajā {~~laikā~>nākotnē~~}');
  // And from the build's manifest, which records the reference DOCX by its blob.
  const since = runCli(['diff', EXAMPLE_MEETING, '--since', 'out/IZMzin_190221_EDUC.manifest.json', '--format', 'md'], dir);
  expect(since.stderr).toBe('');
  expect(since.status).toBe(1);
  expect(since.stdout).toContain('Tuvākajā {~~laikā~>nākotnē~~}');
  commitAll(dir, 'Reworded');
  expect(runCli(['diff', EXAMPLE_MEETING, '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'md'], dir).stdout).toContain('Tuvākajā {~~laikā~>nākotnē~~}');
});

test('diff of a meeting whose reference DOCX was never committed says so, as of any file the build read', () => {
  const dir = projectWithReference();
  execFileSync('git', ['rm', '-q', '--cached', 'styles/reference.docx'], { cwd: dir });
  writeFileSync(join(dir, '.gitignore'), 'out/\nstyles/\n');
  commitAll(dir, 'The reference is kept out of git');
  // Changed since, so no version git ever had: its page is Letter-wide.
  const parts = unzipSync(readFileSync(join(dir, 'styles/reference.docx')));
  parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml'] ?? new Uint8Array()).replace(/w:w="11906"/, 'w:w="11900"'));
  writeFileSync(join(dir, 'styles/reference.docx'), zipSync(parts));
  const built = runCli(['build', EXAMPLE_MEETING, '--format', 'md', '--force'], dir);
  expect(built.status, built.stderr).toBe(0);
  const since = runCli(['diff', EXAMPLE_MEETING, '--since', 'out/IZMzin_190221_EDUC.manifest.json', '--format', 'md'], dir);
  expect(since.status).toBe(2);
  expect(since.stderr).toContain('briefing: The version of styles/reference.docx recorded in out/IZMzin_190221_EDUC.manifest.json is not in the git repository.');
  const head = runCli(['diff', EXAMPLE_MEETING, '--format', 'md'], dir);
  expect(head.status).toBe(2);
  expect(head.stdout + head.stderr).toContain('and commit the file (`diff` reads past versions from git)');
});
