import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
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
