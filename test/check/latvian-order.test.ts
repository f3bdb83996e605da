import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { list } from '../../src/commands/list.js';
import { templates } from '../../src/commands/templates.js';
import { baseProject, baseText as base } from '../helpers/corpus.js';

const MEETING = 'meetings/2021-05-17-youth.yaml';

/** The `n`th position, under `folder`, whose `version` is a word: one schema error at its line 2. */
function brokenPosition(folder: string, n: number): [string, string] {
  return [`positions/${folder}/udens-${n}.yaml`, `id: udens-${n}\nversion: nulle\nstatus: draft\nowner: { ministry: IZM }\nquestions: [Q]\nbody: Teksts.\n`];
}

// Code points put every letter with a mark after z: check listed positions/ārlietas/ and positions/čehija/
// after positions/zāles/, where no Latvian reader looks for them.
test('check lists problems by file in the order of the Latvian alphabet: ā after a, č after c, ē after e, before the next letter', async () => {
  const folders = ['zāles', 'čehija', 'b', 'ēka', 'ārlietas', 'cz', 'az', 'Ārējie', 'A'];
  const dir = baseProject(Object.fromEntries(folders.map((folder, n) => brokenPosition(folder, n))));
  const files = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'schema/type').map((d) => d.file.split('/')[1]);
  expect(files).toEqual(['A', 'Ārējie', 'az', 'ārlietas', 'b', 'cz', 'čehija', 'ēka', 'zāles']);
});

test('list meetings puts meetings of one day in the order of the Latvian alphabet of their files', async () => {
  const day = (slug: string, code: string): [string, string] => [`meetings/2021-05-17-${slug}.yaml`, base(MEETING).replace('IZMzin_170521_EYCS', code)];
  const dir = baseProject(Object.fromEntries([day('zinatne', 'A_1'), day('ārkārtas', 'A_2'), day('budzets', 'A_3'), day('aizsardziba', 'A_4')]));
  const result = await list({ cwd: dir, what: 'meetings', uncleared: false });
  expect(result.rows.map((row) => row.file)).toEqual([
    'meetings/2021-05-17-aizsardziba.yaml',
    'meetings/2021-05-17-ārkārtas.yaml',
    'meetings/2021-05-17-budzets.yaml',
    MEETING,
    'meetings/2021-05-17-zinatne.yaml',
  ]);
});

test('templates lists the project’s own templates in the order of the Latvian alphabet among the built-in ones', () => {
  const own = (name: string): [string, string] => [`templates/${name}.md.hbs`, '{{!-- Īss ziņojums. --}}\n# {{meeting.topic}}\n'];
  const dir = baseProject(Object.fromEntries([own('zinatne'), own('ārkārtas'), own('budzets'), own('čempionāts')]));
  expect(templates({ cwd: dir }).templates.map((t) => t.name)).toEqual([
    'ārkārtas',
    'budzets',
    'čempionāts',
    'informative-report.en',
    'informative-report.lv',
    'speaking-points.en',
    'speaking-points.lv',
    'zinatne',
  ]);
});

test('a clearance two meetings require names them in the order of the Latvian alphabet', async () => {
  const meeting = (slug: string, code: string): [string, string] => [`meetings/2021-05-17-${slug}.yaml`, base(MEETING).replace('IZMzin_170521_EYCS', code).replace('required_clearances: [AM, LM]', 'required_clearances: [AM, LM, ZM]')];
  const position = ['positions/youth/youth-participation.yaml', base('positions/youth/youth-participation.yaml').replace('clearance:\n', 'clearance:\n  ZM:\n    status: pending\n')];
  const dir = baseProject(Object.fromEntries([meeting('budzets', 'A_1'), meeting('ārkārtas', 'A_2'), position]));
  const missing = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'clearance/missing').map((d) => d.message.replace(/^.*; /, ''));
  expect(missing[0]).toBe('meetings/2021-05-17-ārkārtas.yaml and meetings/2021-05-17-budzets.yaml require it.');
});
