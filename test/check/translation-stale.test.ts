import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { exampleProject, writeFile } from '../helpers/project.js';
import { committedMeetings } from '../../src/load/committed-meetings.js';
import { diskFiles } from '../../src/load/project-files.js';
import { textFingerprint } from '../../src/model/translation.js';

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

/** `meeting/translation-stale`: the meeting's Latvian texts changed since git HEAD while their English ones stayed. */
const MEETING = 'meetings/2021-02-19-educ-informal.yaml';

/** The example in a fresh repository, its meeting's topic, outcome, background and questions translated and committed. */
function meetingTranslated(): { dir: string; text: string } {
  const dir = exampleProject();
  const text = readFileSync(join(dir, MEETING), 'utf8')
    .replace(/^(topic: .*\n)/m, '$1topic_en: Equal access to education\n')
    .replace(/^# Markdown\. The desk officer/m, 'outcome_en: The presidency will use the results for Council conclusions.\n\nbackground_en: |\n  The Portuguese presidency devotes the discussion to equal access to education.\n\n$&')
    .replace('    position: equity-achievements\n', '    text_en: What are the main achievements?\n    position: equity-achievements\n')
    .replace('    position: equity-reforms\n', '    text_en: What measures and reforms are needed?\n    position: equity-reforms\n');
  writeFile(dir, MEETING, text);
  git(dir, 'init', '--quiet');
  commit(dir);
  return { dir, text };
}

const meetingStale = async (dir: string, base?: string) =>
  (await check({ cwd: dir, paths: [], final: false, ...(base ? { base } : {}) })).diagnostics.filter((d) => d.ruleId === 'meeting/translation-stale').map((d) => [d.file, d.line, d.column, d.message]);

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

test("a meeting's Latvian topic, outcome, background or question changed under an English one left as it was is a warning at that English text", async () => {
  const { dir, text } = meetingTranslated();
  const changed = text
    .replace('topic: Vienlīdzīga piekļuve', 'topic: Taisnīga piekļuve')
    .replace('Diskusijas rezultātus Portugāles', 'Diskusijas secinājumus Portugāles')
    .replace('neformālo ministru diskusiju veltī', 'ministru diskusiju veltī')
    .replace('Kādi ir nozīmīgākie ES', 'Kādi ir svarīgākie ES');
  writeFile(dir, MEETING, changed);
  expect(await meetingStale(dir)).toEqual([
    [MEETING, lineOf(changed, 'topic_en: Equal access to education'), 1, '`topic` changed since git HEAD, but its English, `topic_en`, did not: an English note (informative-report.en) prints the translation of the earlier text.'],
    [MEETING, lineOf(changed, 'outcome_en: The presidency will use the results for Council conclusions.'), 1, '`outcome` changed since git HEAD, but its English, `outcome_en`, did not: an English note (informative-report.en) prints the translation of the earlier text.'],
    [MEETING, lineOf(changed, 'background_en: |'), 1, '`background` changed since git HEAD, but its English, `background_en`, did not: an English note (informative-report.en) prints the translation of the earlier text.'],
    [MEETING, lineOf(changed, '    text_en: What are the main achievements?'), 5, 'The `text` of question 1 changed since git HEAD, but its English, `text_en`, did not: an English note (informative-report.en) prints the translation of the earlier question.'],
  ]);
  // Committed: compared with the new HEAD, nothing changed; against the first commit (check --base), it did.
  commit(dir);
  expect(await meetingStale(dir)).toEqual([]);
  expect((await meetingStale(dir, 'HEAD~1')).map(([, line]) => line)).toEqual([lineOf(changed, 'topic_en: Equal access to education'), lineOf(changed, 'outcome_en: The presidency will use the results for Council conclusions.'), lineOf(changed, 'background_en: |'), lineOf(changed, '    text_en: What are the main achievements?')]);
});

test('a meeting moved into a sub-folder without git (no `git mv`) is compared with its committed text under its old path: its Latvian topic changed under the English is still said', async () => {
  const { dir, text } = meetingTranslated();
  const moved = 'meetings/2021/2021-02-19-educ-informal.yaml';
  const changed = text.replace('topic: Vienlīdzīga piekļuve', 'topic: Taisnīga piekļuve');
  writeFile(dir, moved, changed);
  rmSync(join(dir, MEETING));
  expect(await meetingStale(dir)).toEqual([
    [moved, lineOf(changed, 'topic_en: Equal access to education'), 1, '`topic` changed since git HEAD, but its English, `topic_en`, did not: an English note (informative-report.en) prints the translation of the earlier text.'],
  ]);
  // Moved only, its text as committed: nothing changed.
  writeFile(dir, moved, text);
  expect(await meetingStale(dir)).toEqual([]);
});

test('nothing is said of a meeting whose English changed too, whose text was only re-wrapped, or whose questions were reordered or moved to other positions', async () => {
  const { dir, text } = meetingTranslated();
  writeFile(dir, MEETING, text.replace('topic: Vienlīdzīga piekļuve', 'topic: Taisnīga piekļuve').replace('topic_en: Equal access', 'topic_en: Fair access'));
  expect(await meetingStale(dir)).toEqual([]);
  writeFile(dir, MEETING, text.replace('neformālo ministru diskusiju veltī vienlīdzīgai piekļuvei izglītībai un iekļaujošai,\n  uz', 'neformālo ministru diskusiju veltī vienlīdzīgai\n  piekļuvei izglītībai un iekļaujošai, uz'));
  expect(await meetingStale(dir)).toEqual([]);
  // The first two questions swapped, each with its English: matched by the position that answers it.
  const [head = '', first = '', second = '', ...rest] = text.split(/(?=^ {2}- text: )|(?=^\n# Ministries)/m);
  const swapped = [head, second, first, ...rest].join('');
  expect(swapped).not.toBe(text);
  writeFile(dir, MEETING, swapped);
  expect(await meetingStale(dir)).toEqual([]);
  // The two questions' positions swapped: the texts now answer other positions, their English with them.
  writeFile(dir, MEETING, text.replace('position: equity-achievements', 'position: x-swap').replace('position: equity-reforms', 'position: equity-achievements').replace('position: x-swap', 'position: equity-reforms'));
  expect(await meetingStale(dir)).toEqual([]);
  // A question without English is position/untranslated's and meeting/untranslated's to speak of.
  writeFile(dir, MEETING, text.replace('Kā ES sadarbība ilgtermiņā', 'Kā ES sadarbība turpmāk'));
  expect(await meetingStale(dir)).toEqual([]);
});

test("a position's Latvian speaking points changed under English ones left as they were is a warning at speaking_points_en", async () => {
  const dir = exampleProject();
  const text = readFileSync(join(dir, POSITION), 'utf8').replace(/^speaking_points:/m, 'speaking_points_en:\n  - The competence approach lets teaching fit each pupil.\n\n$&');
  writeFile(dir, POSITION, text);
  git(dir, 'init', '--quiet');
  commit(dir);
  const changed = text.replace('ļauj pielāgot mācību procesu', 'ļauj vēl labāk pielāgot mācību procesu');
  writeFile(dir, POSITION, changed);
  expect(await stale(dir)).toEqual([
    [POSITION, lineOf(changed, 'speaking_points_en:'), 1, 'warning', '`speaking_points` changed since git HEAD, but their English, `speaking_points_en`, did not: English speaking points (speaking-points.en) print the translation of the earlier points.'],
  ]);
  writeFile(dir, POSITION, changed.replace('fit each pupil', 'fit each pupil better'));
  expect(await stale(dir)).toEqual([]);
  // A point re-wrapped is the same point.
  writeFile(dir, POSITION, text.replace('palīdzēja nodrošināt pedagogu digitālās prasmes, viedierīces skolēniem\n    un', 'palīdzēja nodrošināt pedagogu digitālās prasmes,\n    viedierīces skolēniem un'));
  expect(await stale(dir)).toEqual([]);
});

test('a build says the stale English as check does, and no more once the change is committed: the cache does not bring it back', async () => {
  const { dir, text } = meetingTranslated();
  writeFile(dir, MEETING, text.replace('topic: Vienlīdzīga piekļuve', 'topic: Taisnīga piekļuve'));
  const built = async () => (await build({ cwd: dir, inputs: [MEETING], final: false, formats: ['md'], office: null, jobs: 1 })).diagnostics.filter((d) => d.ruleId === 'meeting/translation-stale').map((d) => d.line);
  const line = lineOf(text, 'topic_en: Equal access to education');
  expect(await built()).toEqual([line]);
  expect(await built()).toEqual([line]);
  commit(dir);
  expect(await built()).toEqual([]);
});

// git stores a file checked out with CRLF (core.autocrlf, Git for Windows' default) with LF: compared byte for byte, every
// meeting of such a checkout counted as changed since HEAD, and was parsed again on every load (from the read-only review).
test('a meeting checked out with CRLF line ends is no change since git HEAD', async () => {
  const { dir } = translated();
  const meeting = 'meetings/2021-02-19-educ-informal.yaml';
  writeFile(dir, meeting, readFileSync(join(dir, meeting), 'utf8').replace(/\n/g, '\r\n'));
  git(dir, 'config', 'core.autocrlf', 'true');
  expect(committedMeetings(diskFiles(dir), 'meetings')).toEqual([]);
  // A real change still counts.
  writeFile(dir, meeting, readFileSync(join(dir, meeting), 'utf8').replace('topic: ', 'topic: Jauna '));
  expect(committedMeetings(diskFiles(dir), 'meetings').map((m) => m.path)).toEqual([meeting]);
});

test('no speaking points written as an empty list or not written at all are the same text', () => {
  expect(textFingerprint([])).toBe(textFingerprint(undefined));
  expect(textFingerprint(['Viens.'])).not.toBe(textFingerprint(undefined));
});

test("a meeting's Latvian name or place changed under an English one left as it was is a warning at name.english or place.english", async () => {
  const { dir, text } = meetingTranslated();
  const inPerson = text.replace('mode: videoconference', 'mode: in-person').replace(/^time: .*\n/m, '$&place: { locative: Briselē, english: Brussels }\n');
  writeFile(dir, MEETING, inPerson);
  commit(dir);
  const changed = inPerson
    .replace('\nplace: { locative: Briselē,', '\nplace: { locative: Luksemburgā,')
    .replace('  nominative: neformālā Eiropas Savienības izglītības ministru tiešsaistes sanāksme', '  nominative: neformālā Eiropas Savienības izglītības un sporta ministru tiešsaistes sanāksme')
    .replace('  locative: neformālajā Eiropas Savienības izglītības ministru tiešsaistes sanāksmē', '  locative: neformālajā Eiropas Savienības izglītības un sporta ministru tiešsaistes sanāksmē');
  writeFile(dir, MEETING, changed);
  expect(await meetingStale(dir)).toEqual([
    [MEETING, lineOf(changed, 'place: { locative: Luksemburgā, english: Brussels }'), 33, '`place` changed since git HEAD, but its English, `place.english`, did not: an English note (informative-report.en) prints the translation of the earlier place.'],
    [MEETING, lineOf(changed, '  english: informal videoconference of EU education ministers'), 3, '`name` changed since git HEAD, but its English, `name.english`, did not: an English note (informative-report.en) prints the translation of the earlier name.'],
  ]);
  // Translated too: nothing to say; the genitive or the short locative alone changed: no other name.
  writeFile(dir, MEETING, changed.replace('Luksemburgā, english: Brussels', 'Luksemburgā, english: Luxembourg').replace('english: informal videoconference of EU education ministers', 'english: informal videoconference of EU education and sport ministers'));
  expect(await meetingStale(dir)).toEqual([]);
  writeFile(dir, MEETING, inPerson.replace('  short_locative: sanāksmē', '  short_locative: videokonferencē'));
  expect(await meetingStale(dir)).toEqual([]);
});

// From the read of committedFacts (project.ts) beside the rule: both sides must fingerprint each text alike, or a re-wrap speaks.
test('the answer and its English are each compared re-wrapping and spaces aside: a re-wrapped answer under a new English says nothing, a changed answer under a re-wrapped English is stale', async () => {
  const { dir, text } = translated();
  const rewrapped = text.replace('saistīti ar\n  trim', 'saistīti ar trim\n  '.trimEnd());
  expect(rewrapped).not.toBe(text);
  writeFile(dir, POSITION, rewrapped.replace('three directions', 'the three directions'));
  expect(await stale(dir)).toEqual([]);
  writeFile(dir, POSITION, text.replace('saistīti ar', 'saistīti\u00a0ar'));
  expect(await stale(dir)).toEqual([]);
  const changed = text.replace('trim savstarpēji', 'četriem savstarpēji').replace('rest on three directions.', 'rest on\n  three  directions.');
  writeFile(dir, POSITION, changed);
  expect((await stale(dir)).map(([, line]) => line)).toEqual([lineOf(changed, 'body_en: |')]);
});

test('an English answer in a project outside git has no committed text to follow: nothing to say, and check runs to its end', async () => {
  const dir = exampleProject();
  writeFile(dir, POSITION, readFileSync(join(dir, POSITION), 'utf8').replace(/^# Clearance by ministry code/m, `${ENGLISH}$&`));
  const result = await check({ cwd: dir, paths: [], final: false });
  expect(result.diagnostics.filter((d) => d.ruleId === 'position/translation-stale')).toEqual([]);
  expect(result.exitCode).toBe(0);
});
