import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli, tempDir } from '../helpers/project.js';

interface Recorded {
  path: string;
  sha256: string;
  git_blob: string;
  built_in?: boolean;
}

test('the manifest records each input as git stores it, byte-order marks included', async () => {
  const dir = exampleProject();
  // Saved by an editor that writes a byte-order mark: the config and one position.
  writeFileSync(join(dir, 'briefing.config.yaml'), `\uFEFF${exampleFile('briefing.config.yaml')}`);
  writeFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), `\uFEFF${exampleFile('positions/educ/equity-reforms.yaml')}`);
  initRepository(dir);
  expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false })).exitCode).toBe(0);

  const manifest: { meeting: Recorded; positions: Recorded[]; settings: Recorded[] } = JSON.parse(
    readFileSync(join(dir, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8'),
  );
  const records = [manifest.meeting, ...manifest.positions, ...manifest.settings];
  expect(records.map((r) => r.path)).toEqual([
    EXAMPLE_MEETING,
    'positions/educ/equity-achievements.yaml',
    'positions/educ/equity-reforms.yaml',
    'positions/educ/equity-eu-cooperation.yaml',
    'briefing.config.yaml',
    'ministries.yaml',
  ]);
  for (const record of records) {
    expect(record.git_blob, record.path).toBe(git(dir, ['hash-object', record.path]).trim());
    expect(record.sha256, record.path).toBe(createHash('sha256').update(readFileSync(join(dir, record.path))).digest('hex'));
  }
});

test.each(['../../../tmp/briefing-escape.yaml', '/etc/briefing.yaml', 'positions/../../x.yaml'])(
  'diff --since a manifest whose recorded path is %s: a clear error, not an internal one',
  async (crafted) => {
    const dir = exampleProject();
    initRepository(dir);
    expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false })).exitCode).toBe(0);
    const path = join(dir, 'out/IZMzin_190221_EDUC.manifest.json');
    const manifest: { positions: Recorded[] } = JSON.parse(readFileSync(path, 'utf8'));
    const first = manifest.positions[0];
    if (first) first.path = crafted;
    writeFileSync(path, JSON.stringify(manifest));
    const run = runCli(['diff', EXAMPLE_MEETING, '--since', 'out/IZMzin_190221_EDUC.manifest.json'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toContain(`out/IZMzin_190221_EDUC.manifest.json records the file \`${crafted}\`, which is not a path inside the project`);
  },
);

test('a report built in a Windows checkout (CRLF, which git stores as LF) is found again by its manifest, and its review by its hashes', () => {
  const origin = exampleProject();
  initRepository(origin);
  const dir = join(tempDir(), 'windows-checkout');
  git(origin, ['clone', '-q', '-c', 'core.autocrlf=true', origin, dir]);
  expect(readFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), 'utf8')).toContain('\r\n');
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const manifest: { positions: (Recorded & { git_blob_lf?: string })[] } = JSON.parse(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8'));
  // The id of what git stores: `git hash-object` converts the ends as a commit would.
  for (const record of manifest.positions) expect(record.git_blob_lf, record.path).toBe(git(dir, ['hash-object', record.path]).trim());
  const position = join(dir, 'positions/educ/equity-reforms.yaml');
  const built = readFileSync(position, 'utf8');
  writeFileSync(position, built.replace('Tuvākajā laikā', 'Tuvākajā laikā noteikti'));
  // It said the report was built from uncommitted changes.
  const since = runCli(['diff', EXAMPLE_MEETING, '--since', 'out/IZMzin_190221_EDUC.manifest.json', '--format', 'md'], dir);
  expect(since.status, since.stderr).toBe(1);
  expect(since.stdout).toContain('Tuvākajā laikā{++ noteikti++} prioritāri');
  // review finds the text the DOCX was built from by the hash of the CRLF text, and merges into the changed position.
  const run = runCli(['review', 'out/IZMzin_190221_EDUC.docx', '--rebase'], dir);
  expect(run.stderr).not.toContain('review/no-base');
  expect(run.status, run.stderr).toBe(0);
});

test('diff --since in a shallow clone that lacks the build\'s files says so and how to fetch them, not that the build was uncommitted', () => {
  const origin = exampleProject();
  initRepository(origin);
  expect(runCli(['build', EXAMPLE_MEETING], origin).status).toBe(0);
  const position = join(origin, 'positions/educ/equity-reforms.yaml');
  writeFileSync(position, readFileSync(position, 'utf8').replace('Tuvākajā laikā', 'Tuvākajā laikā noteikti'));
  commitAll(origin, 'reworded');
  // CI checks out the newest commit alone; the manifest of the older build comes along as an artifact.
  const clone = join(tempDir(), 'shallow');
  git(origin, ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
  const manifest = join(clone, 'built.manifest.json');
  writeFileSync(manifest, readFileSync(join(origin, 'out/IZMzin_190221_EDUC.manifest.json')));
  const run = runCli(['diff', EXAMPLE_MEETING, '--since', 'built.manifest.json'], clone);
  expect(run).toMatchObject({
    status: 2,
    stderr:
      'briefing: The version of positions/educ/equity-reforms.yaml recorded in built.manifest.json is not in this shallow clone, whose history may stop short of it.\n' +
      '  Fetch the whole history: git fetch --unshallow (in GitHub Actions, actions/checkout with fetch-depth: 0).\n',
  });
  // Once fetched, the same command compares.
  git(clone, ['fetch', '-q', '--unshallow']);
  expect(runCli(['diff', EXAMPLE_MEETING, '--since', 'built.manifest.json', '--format', 'md'], clone).stdout).toContain('Tuvākajā laikā{++ noteikti++}');
});

test('diff --since a manifest another version of briefing wrote says so, and what is not as this one writes it, not that it is no manifest', async () => {
  const dir = exampleProject();
  initRepository(dir);
  expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false })).exitCode).toBe(0);
  const path = join(dir, 'out/IZMzin_190221_EDUC.manifest.json');
  const written: Record<string, unknown> = JSON.parse(readFileSync(path, 'utf8'));
  const since = (manifest: Record<string, unknown>) => {
    writeFileSync(path, JSON.stringify(manifest));
    return runCli(['diff', '--since', 'out/IZMzin_190221_EDUC.manifest.json', EXAMPLE_MEETING], dir);
  };
  const newer = since({ ...written, briefing_manifest: 2 });
  expect(newer.status).toBe(2);
  expect(newer.stderr).toContain('out/IZMzin_190221_EDUC.manifest.json is a build manifest of format 2, written by another version of briefing; this one reads format 1.');
  expect(newer.stderr).toContain('Run the version of briefing that wrote it (the project’s own, `npx briefing`)');
  // A project pnpm installs runs its own briefing so.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, packageManager: 'pnpm@10.4.1' }));
  expect(since({ ...written, briefing_manifest: 2 }).stderr).toContain('Run the version of briefing that wrote it (the project’s own, `pnpm exec briefing`)');
  rmSync(join(dir, 'package.json'));
  const unknownKey = since({ ...written, built_by: 'briefing 0.2.0' });
  expect(unknownKey.status).toBe(2);
  expect(unknownKey.stderr).toContain('out/IZMzin_190221_EDUC.manifest.json is a build manifest this version of briefing cannot read (`built_by`: unknown key), written by another version or edited.');
  const other = since({ name: 'x' });
  expect(other.stderr).toContain('out/IZMzin_190221_EDUC.manifest.json is not a briefing build manifest.');
});
