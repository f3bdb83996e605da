import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { positionCopy } from '../helpers/meetings.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

// Two files whose names differ only in case pass on Linux and in CI; a colleague on a Mac or Windows checks out one of them.
const OTHER_CASE = 'positions/educ/Equity-Reforms.yaml';
const OTHER_MEETING = EXAMPLE_MEETING.replace('educ', 'EDUC');

function projectWithTwins(): string {
  return exampleProject({
    [OTHER_CASE]: positionCopy('equity-reforms', 'equity-reforms-b'),
    [OTHER_MEETING]: exampleFile(EXAMPLE_MEETING).replace(/^file_code: .*$/m, 'file_code: IZMzin_other'),
  });
}

function clashes(result: Awaited<ReturnType<typeof check>>): string[][] {
  return result.diagnostics.filter((d) => d.ruleId === 'file/case-clash').map((d) => [d.file, d.severity, d.message, d.hint ?? '']);
}

test('a position or meeting file whose name differs only in case from another is a warning on each, naming the other', async () => {
  const dir = projectWithTwins();
  const said = (path: string, other: string, what: string, convention = '') => [
    path,
    'warning',
    `This file's name differs only in case from ${other}: on macOS and Windows, and on most network shares, the two are one file, and a checkout there keeps only one of them — that computer has no ${what} of the other.`,
    `Rename one of them so that no two names differ only in case: \`git mv ${path} ${path.slice(0, path.lastIndexOf('/'))}/<new name>.yaml\`${convention}.`,
  ];
  const convention = ' (a position’s file is by convention named by its id)';
  const result = await check({ cwd: dir, paths: [], final: false });
  expect(clashes(result)).toEqual([
    said(OTHER_MEETING, EXAMPLE_MEETING, 'meeting'),
    said(EXAMPLE_MEETING, OTHER_MEETING, 'meeting'),
    said(OTHER_CASE, 'positions/educ/equity-reforms.yaml', 'position', convention),
    said('positions/educ/equity-reforms.yaml', OTHER_CASE, 'position', convention),
  ]);
  expect(result.exitCode).toBe(0);
});

test('a check of one file (a pre-commit hook) says it of that file alone, finding its twin among the files not checked', async () => {
  const dir = projectWithTwins();
  expect(clashes(await check({ cwd: dir, paths: [OTHER_CASE], final: false })).map(([file]) => file)).toEqual([OTHER_CASE]);
  expect(clashes(await check({ cwd: dir, paths: [OTHER_MEETING], final: false })).map(([file]) => file)).toEqual([OTHER_MEETING]);
});

test('names alike in other ways are no clash: another name, or the same letters composed and decomposed (told apart by the rules they clash in)', async () => {
  const dir = exampleProject({
    'positions/educ/equity-reforms-2.yaml': positionCopy('equity-reforms', 'equity-reforms-2'),
    'positions/izglītība/a.yaml': positionCopy('equity-reforms', 'a'),
    ['positions/izglītība/a.yaml'.normalize('NFD')]: positionCopy('equity-reforms', 'b'),
  });
  expect(clashes(await check({ cwd: dir, paths: [], final: false }))).toEqual([]);
});

// A ministry's templates too (customize run): `informative-report.LV.md.hbs` beside the lower-case one is one file on a Mac.
test('a template or partial of the project whose name differs only in case from another is said of each, with its kind of name in the hint', async () => {
  const template = exampleFile('templates/informative-report.lv.md.hbs');
  const dir = exampleProject({
    'templates/informative-report.lv.md.hbs': template,
    'templates/informative-report.LV.md.hbs': template,
    'templates/partials/note.hbs': 'Piezīme.',
    'templates/partials/Note.hbs': 'Piezīme.',
  });
  const result = await check({ cwd: dir, paths: [], final: false });
  expect(clashes(result).map(([file, , , hint]) => [file, hint])).toEqual([
    ['templates/informative-report.LV.md.hbs', 'Rename one of them so that no two names differ only in case: `git mv templates/informative-report.LV.md.hbs templates/<new name>.md.hbs` (or delete the one no meeting names).'],
    ['templates/informative-report.lv.md.hbs', 'Rename one of them so that no two names differ only in case: `git mv templates/informative-report.lv.md.hbs templates/<new name>.md.hbs` (or delete the one no meeting names).'],
    ['templates/partials/Note.hbs', 'Rename one of them so that no two names differ only in case: `git mv templates/partials/Note.hbs templates/partials/<new name>.hbs` (or delete the one no meeting names).'],
    ['templates/partials/note.hbs', 'Rename one of them so that no two names differ only in case: `git mv templates/partials/note.hbs templates/partials/<new name>.hbs` (or delete the one no meeting names).'],
  ]);
  expect(clashes(result)[0]?.[2]).toContain('that computer has no copy of the other.');
});
