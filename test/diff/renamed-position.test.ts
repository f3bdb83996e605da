import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { docxParts, paragraphTexts, part } from '../helpers/docx.js';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli, writeFile } from '../helpers/project.js';

const OLD = 'positions/educ/equity-reforms.yaml';
const NEW = 'positions/educ/equity-investments.yaml';

/**
 * The example project in git (its report built first with `built`), then its position equity-reforms renamed
 * (git mv) equity-investments, one word changed, its meeting pointed to it.
 */
function renamedProject(built = false): string {
  const dir = exampleProject();
  initRepository(dir);
  if (built) expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  git(dir, ['mv', OLD, NEW]);
  const text = exampleFile(OLD).replace(/^id: equity-reforms$/m, 'id: equity-investments').replace(/^version: 2$/m, 'version: 3').replace('600 jaunas', '650 jaunas');
  writeFile(dir, NEW, text);
  writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('position: equity-reforms', 'position: equity-investments'));
  return dir;
}

interface MeetingDiff {
  metadata: { subject: string; field: string; from: string | null; to: string | null }[];
  stat: { subject: string; from: string | null; to: string | null; inserted: number; deleted: number }[];
}

// A position renamed with a new id (git mv), its meeting pointed to it: the meeting's diff listed the old one
// gone from the report and the new one come into it, the whole answer deleted and inserted (--stat: −288, +288).
test.each([
  ['not yet committed, against HEAD', ['--from', 'HEAD'], false],
  ['committed, between two commits', ['--from', 'HEAD~1', '--to', 'HEAD'], true],
])('a meeting diff shows a position renamed with a new id (%s) as one position, its id changed and its words diffed', (_, revisions, commit) => {
  const dir = renamedProject();
  if (commit) commitAll(dir, 'equity-reforms renamed equity-investments');
  const json = runCli(['diff', EXAMPLE_MEETING, ...revisions, '--format', 'json'], dir);
  expect(json.status, json.stderr).toBe(1);
  const diff: MeetingDiff = JSON.parse(json.stdout);
  expect(diff.metadata).toEqual([
    { subject: 'equity-investments', field: 'id', label: 'id', from: 'equity-reforms', to: 'equity-investments' },
    { subject: 'equity-investments', field: 'version', label: 'version', from: 'v2', to: 'v3' },
  ]);
  expect(diff.stat.find((line) => line.subject === 'equity-investments')).toEqual({ subject: 'equity-investments', from: 'v2', to: 'v3', inserted: 1, deleted: 1, blocks: 1, metadata: 2 });
  expect(diff.stat.map((line) => line.subject)).not.toContain('equity-reforms');
  const stat = runCli(['diff', EXAMPLE_MEETING, ...revisions, '--stat'], dir);
  expect(stat.stdout).toMatch(/equity-investments +v2 → v3 +\+1 −1 words, 1 paragraph, 2 status changes/);
  const md = runCli(['diff', EXAMPLE_MEETING, ...revisions, '--format', 'md'], dir);
  expect(md.stdout).toContain('- equity-investments — id: equity-reforms → equity-investments');
  expect(md.stdout).not.toContain('in the report');
  expect(md.stdout).toContain('{~~600~>650~~} jaunas');
  // The redline's comment says the same.
  const out = join(dir, 'redline.docx');
  expect(runCli(['diff', EXAMPLE_MEETING, ...revisions, '--out', out], dir).status).toBe(1);
  const comment = paragraphTexts(part(docxParts(readFileSync(out)), 'word/comments.xml')).join('\n');
  expect(comment).toContain('equity-investments — id: equity-reforms → equity-investments');
  expect(comment).not.toContain('in the report');
});

// Another position put in its place (a new file, the old one deleted, not alike) is still one out and one in.
test('a position replaced by a new one of other words is listed as gone from the report and come into it', () => {
  const dir = exampleProject();
  initRepository(dir);
  git(dir, ['rm', '-q', OLD]);
  const other = exampleFile('positions/educ/equity-achievements.yaml').replace(/^id: equity-achievements$/m, 'id: equity-investments').replace(/^questions:\n(  - .*\n)+/m, 'questions:\n  - Nepieciešamie pasākumi un reformas, pilnībā izmantojot ES un valsts finansējumu\n');
  writeFile(dir, NEW, other);
  git(dir, ['add', NEW]);
  writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('position: equity-reforms', 'position: equity-investments'));
  const json = runCli(['diff', EXAMPLE_MEETING, '--format', 'json'], dir);
  expect(json.status, json.stderr).toBe(1);
  const diff: MeetingDiff = JSON.parse(json.stdout);
  expect(diff.metadata.filter((change) => change.field === 'included').map((change) => change.subject)).toEqual(['equity-reforms', 'equity-investments']);
});

// What the report does not print of it was not compared at all, the two taken for two positions.
test('a meeting diff lists a reworded speaking point of a position renamed with a new id', () => {
  const dir = renamedProject();
  writeFile(dir, NEW, readFileSync(join(dir, NEW), 'utf8').replace('viens no mērķiem', 'viens no galvenajiem mērķiem'));
  const json = runCli(['diff', EXAMPLE_MEETING, '--format', 'json'], dir);
  expect(json.status, json.stderr).toBe(1);
  const diff: MeetingDiff = JSON.parse(json.stdout);
  expect(diff.metadata).toContainEqual({ subject: 'equity-investments', field: 'speaking_points', label: 'speaking points', from: '3 points', to: '3 points, reworded' });
});

// `--since` the build's manifest, which names no commit: the file is followed from it as git follows a file moved.
test.each([
  ['not yet committed', false],
  ['committed', true],
])('a meeting diff since a build shows a position renamed with a new id since (%s) as one position', (_, commit) => {
  const dir = renamedProject(true);
  if (commit) commitAll(dir, 'equity-reforms renamed equity-investments');
  const json = runCli(['diff', EXAMPLE_MEETING, '--since', 'out/IZMzin_190221_EDUC.manifest.json', '--format', 'json'], dir);
  expect(json.status, json.stderr).toBe(1);
  const diff: MeetingDiff = JSON.parse(json.stdout);
  expect(diff.metadata.map((change) => [change.subject, change.field, change.from, change.to])).toEqual([
    ['equity-investments', 'id', 'equity-reforms', 'equity-investments'],
    ['equity-investments', 'version', 'v2', 'v3'],
  ]);
});
