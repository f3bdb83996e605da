import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli } from '../helpers/project.js';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { paragraphs, revisions } from '../helpers/redline.js';

const POSITION = 'positions/educ/equity-eu-cooperation.yaml';
const MANIFEST = 'out/IZMzin_190221_EDUC.manifest.json';
const DOCX = 'out/IZMzin_190221_EDUC.docx';
const REVIEWER = { author: 'Līga Kalniņa', date: '2021-02-18T14:00:00Z' };

let dir = '';
let before: Uint8Array = new Uint8Array();

/**
 * The example project committed, built (the reviewer's cleared version), then a
 * second commit: a reworded sentence, a new "6)" item and a withdrawn clearance.
 */
beforeEach(() => {
  dir = exampleProject();
  initRepository(dir);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  before = readFileSync(join(dir, DOCX));
  const text = exampleFile(POSITION)
    .replace('version: 2', 'version: 3')
    .replace('ar vienreizējiem\n  krīzes pasākumiem', 'ar vienreizējiem\n  ārkārtas pasākumiem')
    .replace(
      '     laikus.\n',
      '     laikus;\n  6) digitālās izglītības resursi – atvērti un bez maksas pieejami mācību materiāli visās ES valodās.\n',
    )
    .replace(/AM:\n    status: cleared\n    date: 2021-02-12/, 'AM:\n    status: withdrawn\n    date: 2021-02-18');
  writeFileSync(join(dir, POSITION), text);
  commitAll(dir, 'reworded, one point added; AM withdrew', REVIEWER);
});

test('the whole report between two revisions: accepting every change gives the current build, rejecting gives the earlier one', () => {
  const run = runCli(['diff', EXAMPLE_MEETING, '--from', 'HEAD~1', '--format', 'docx', '--out', 'review.docx'], dir);
  expect(run.status).toBe(1);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const redline = readFileSync(join(dir, 'review.docx'));
  const after = readFileSync(join(dir, DOCX));
  expect(paragraphs(redline, 'accept')).toEqual(paragraphs(after, 'as-is'));
  expect(paragraphs(redline, 'reject')).toEqual(paragraphs(before, 'as-is'));
  expect(paragraphs(redline, 'accept', 'footnotes')).toEqual(paragraphs(after, 'as-is', 'footnotes'));
  // The newer version is the working tree: the changes are the configured git user's.
  expect(new Set(revisions(redline).map((r) => r.author))).toEqual(new Set(['Darba Kopija']));
  // The clearance line changes, the draft banner appears: both are report text, so both are tracked.
  const inserted = paragraphs(redline, 'accept').filter((p) => !paragraphs(redline, 'reject').includes(p));
  expect(inserted.some((p) => p.startsWith('PROJEKTS.'))).toBe(true);
  expect(inserted.some((p) => p.startsWith('6) ') || p.startsWith('digitālās izglītības resursi'))).toBe(true);
});

test('against a commit, the tracked changes carry its author and date', () => {
  const run = runCli(['diff', EXAMPLE_MEETING, '--from', 'HEAD~1', '--to', 'HEAD', '--out', 'review.docx'], dir);
  expect(run.status).toBe(1);
  const found = revisions(readFileSync(join(dir, 'review.docx')));
  expect(found.length).toBeGreaterThan(4);
  expect(new Set(found.map((r) => `${r.author} ${r.date}`))).toEqual(new Set(['Līga Kalniņa 2021-02-18T14:00:00Z']));
});

test('--since a manifest shows the changes since that build, as --from the revision it was built from does', () => {
  const since = runCli(['diff', EXAMPLE_MEETING, '--since', MANIFEST, '--format', 'md'], dir);
  const from = runCli(['diff', EXAMPLE_MEETING, '--from', 'HEAD~1', '--format', 'md'], dir);
  expect(since.stderr).toBe('');
  expect(since.status).toBe(1);
  const text = (md: string) => md.slice(md.indexOf('## Status and clearance'));
  expect(text(since.stdout)).toBe(text(from.stdout));
  expect(since.stdout).toContain('- report: final → draft');
  expect(since.stdout).toContain('- equity-eu-cooperation — Ārlietu ministrija: cleared 2021-02-12 → withdrawn 2021-02-18');
  expect(since.stdout).toContain('{~~krīzes~>ārkārtas~~}');
  expect(since.stdout).toContain('6) {++digitālās izglītības resursi');
  expect(since.stdout).toContain('Informatīvā ziņojuma projekts saskaņots ar{-- Ārlietu ministriju un--} Labklājības ministriju.');
});

test('--stat gives one line per position and one for the report', () => {
  const run = runCli(['diff', EXAMPLE_MEETING, '--since', MANIFEST, '--stat', '--format', 'terminal'], dir);
  const lines = run.stdout.split('\n').slice(4, 8);
  expect(lines.map((line) => line.split(/\s{2,}/)[0])).toEqual(['equity-achievements', 'equity-reforms', 'equity-eu-cooperation', 'report']);
  expect(lines[0]).toMatch(/unchanged$/);
  expect(lines[2]).toMatch(/^equity-eu-cooperation\s+v2 → v3\s+\+14 −1 words, 3 paragraphs, 2 status changes$/);
});

test('--since a manifest of a version before 3 December, which recorded a built-in template as node_modules/briefing/…, reads it as the tool\'s', () => {
  const current = runCli(['diff', EXAMPLE_MEETING, '--since', MANIFEST, '--format', 'md'], dir);
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { template: { files: { path: string; built_in?: boolean }[] } };
  manifest.template.files = manifest.template.files.map(({ built_in: _, ...file }) => ({ ...file, path: `node_modules/briefing/${file.path}` }));
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
  const older = runCli(['diff', EXAMPLE_MEETING, '--since', MANIFEST, '--format', 'md'], dir);
  expect(older.stderr).toBe('');
  expect(older.status).toBe(1);
  expect(older.stdout).toBe(current.stdout);
  expect(older.stdout).toContain('{~~krīzes~>ārkārtas~~}');
});

test('a manifest of a build from uncommitted files cannot be traced in git: exit 2', () => {
  writeFileSync(join(dir, POSITION), exampleFile(POSITION).replace('version: 2', 'version: 9'));
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const run = runCli(['diff', EXAMPLE_MEETING, '--since', MANIFEST], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`The version of ${POSITION} recorded in ${MANIFEST} is not in the git repository.`);
  expect(run.stderr).toContain('It was built from changes never committed, or from commits this repository no longer holds (amended or rebased away and pruned, or not fetched into this clone): compare with a commit instead, --from <revision>.');
});

test('a manifest of a build in a repository with no commit yet says so, not to compare with a revision, which there is none of: exit 2', () => {
  const fresh = exampleProject();
  git(fresh, ['init', '-q', '-b', 'main']);
  expect(runCli(['build', EXAMPLE_MEETING], fresh).status).toBe(0);
  const run = runCli(['diff', EXAMPLE_MEETING, '--since', MANIFEST], fresh);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`briefing: The version of ${EXAMPLE_MEETING} recorded in ${MANIFEST} is not in the git repository, which has no commit yet.`);
  expect(run.stderr).toContain('Commit the files first (git add, then git commit), and build again: --since then compares with that build.');
  expect(run.stderr).not.toContain('--from');
});

test('on a new branch with no commit yet (git checkout --orphan) beside one that has commits, the repository is not said to have none', () => {
  git(dir, ['checkout', '-q', '--orphan', 'fresh']);
  writeFileSync(join(dir, POSITION), exampleFile(POSITION).replace('version: 2', 'version: 9'));
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const run = runCli(['diff', EXAMPLE_MEETING, '--since', MANIFEST], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(`briefing: The version of ${POSITION} recorded in ${MANIFEST} is not in the git repository.\n`);
  expect(run.stderr).not.toContain('no commit yet');
});

test('the manifest is the same on every build and records what went in', () => {
  const first = readFileSync(join(dir, MANIFEST), 'utf8');
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const second = readFileSync(join(dir, MANIFEST), 'utf8');
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  expect(readFileSync(join(dir, MANIFEST), 'utf8')).toBe(second);
  expect(second).not.toBe(first);
  const manifest: unknown = JSON.parse(second);
  expect(manifest).toMatchObject({
    briefing_manifest: 1,
    file_code: 'IZMzin_190221_EDUC',
    draft: true,
    meeting: { path: EXAMPLE_MEETING },
    positions: [
      { id: 'equity-achievements', version: 3 },
      { id: 'equity-reforms', version: 2 },
      { id: 'equity-eu-cooperation', version: 3, path: POSITION },
    ],
    outputs: [{ name: 'IZMzin_190221_EDUC.md' }, { name: 'IZMzin_190221_EDUC.docx' }],
  });
});
