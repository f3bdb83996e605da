import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadedWith } from '../helpers/imports.js';
import { exampleFile, exampleProject, REPO, runCli } from '../helpers/project.js';
import { commitAll, initRepository } from '../helpers/git.js';

test('the diff command loads the DOCX compiler only for a redline or a report, not for a position in the terminal', () => {
  const { files, packages } = loadedWith('commands/diff.ts');
  expect(files.has('diff/positions.ts')).toBe(true);
  expect(files.has('docx/index.ts')).toBe(false);
  expect(packages.has('docx')).toBe(false);
});

test('the diff command does not load the build: no report stage, template or PDF module, nor Handlebars, to read the build cache', () => {
  // It reads the ids the last build learnt (batch/cache.ts), by the running tool's fingerprint alone, for a meeting's diff.
  for (const start of ['commands/diff.ts', 'batch/cache.ts']) {
    const { files, packages } = loadedWith(start);
    const stages = [...files].filter((file) => /^(pipeline|pdf)\//.test(file) || ['batch/fingerprint.ts', 'render/template.ts', 'docx/fields.ts'].includes(file));
    expect(stages, start).toEqual([]);
    expect(packages.has('handlebars'), start).toBe(false);
  }
});

// The meetings' schema (1–2 ms of its start) came with the models' index, imported for a position's schema or a ministry's name.
test('a position’s diff does not load the meetings’ schema', () => {
  const { files } = loadedWith('commands/diff.ts');
  expect(files.has('model/position.ts')).toBe(true);
  expect(files.has('model/meeting.ts')).toBe(false);
});

// A position's diff, and a check of the whole project, read no build cache: its schemas (2 ms of their start) came with them.
test('diff and check load the build cache only when they read it, for a meeting or for files named', () => {
  for (const command of ['commands/diff.ts', 'commands/check.ts']) expect(loadedWith(command).files.has('batch/cache.ts'), command).toBe(false);
});

// The reference DOCX's reader is reached through the project loader, which every command uses; its packages start when a
// reference DOCX is read (or a DOCX zipped or unzipped), through util/on-first-use.ts: 4–6 ms of every diff and check before.
test('diff and check do not start the reference DOCX reader’s packages (fflate, saxes) with the command', () => {
  for (const command of ['commands/diff.ts', 'commands/check.ts']) {
    const { files, packages } = loadedWith(command);
    expect(files.has('load/reference-docx-parts.ts'), command).toBe(true);
    expect([...packages].filter((name) => name === 'fflate' || name === 'saxes'), command).toEqual([]);
  }
});

/**
 * The built command run with NODE_DEBUG=module, in a project whose position was reworded in a second commit (the bench's
 * row 6): whether fflate started, which its start shows by requiring node:worker_threads (nothing else in a diff or a
 * check asks for that module).
 */
function startsFflate(args: readonly string[], withReference: boolean): boolean {
  const config = exampleFile('briefing.config.yaml');
  const dir = exampleProject(withReference ? { 'briefing.config.yaml': `${config}  reference_docx: ref.docx\n` } : {});
  if (withReference) writeFileSync(join(dir, 'ref.docx'), spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'reference-docx']).stdout);
  initRepository(dir);
  const position = 'positions/educ/equity-reforms.yaml';
  writeFileSync(join(dir, position), exampleFile(position).replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajos mēnešos prioritāri paredzēts:'));
  commitAll(dir, 'reworded');
  const run = runCli(args, dir, { BRIEFING_SERVER: 'off', NODE_DEBUG: 'module' });
  expect(run.status, run.stderr.slice(-2000)).toBeLessThan(2);
  expect(run.stdout, args.join(' ')).not.toContain('reference DOCX');
  return /REQUEST (node:)?worker_threads /.test(run.stderr);
}

describe('the built command starts fflate only when it reads or writes a zip', () => {
  const diff = ['diff', 'positions/educ/equity-reforms.yaml', '--from', 'HEAD~1', '--to', 'HEAD'];
  test('not for diff or check of a project that names no reference DOCX', () => {
    expect(startsFflate(diff, false)).toBe(false);
    expect(startsFflate(['check'], false)).toBe(false);
  });

  test('for diff and check of a project that names one: they read and check it as before', () => {
    expect(startsFflate(diff, true)).toBe(true);
    expect(startsFflate(['check'], true)).toBe(true);
  });
});
