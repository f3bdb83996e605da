import { expect, test } from 'vitest';
import { diff } from '../../src/commands/diff.js';
import { docxParts, part } from '../helpers/docx.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

/** 2025-03-05 00:00 UTC, after VARAM's renaming on 2023-01-01; and 2021-02-19, before it. */
const AFTER_RENAMING = 1741132800;
const BEFORE_RENAMING = 1613692800;

/** The example meeting's positions. */
const POSITIONS = ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'].map((id) => `positions/educ/${id}.yaml`);

/** A position of VARAM's, cleared by KEM or not yet. */
function position(version: number, kem: string): string {
  return `id: p\nversion: ${version}\nstatus: draft\nowner: { ministry: VARAM, unit: Klimata departaments }\nquestions: [Q]\nbody: |\n  Teksts.\nclearance:\n  AM: { status: cleared, date: 2021-02-01 }\n  VARAM: ${kem}\n`;
}

async function run(format: 'md' | 'docx', sourceDateEpoch: number) {
  const cwd = exampleProject({ 'review/before.yaml': position(1, '{ status: pending }'), 'review/after.yaml': position(2, '{ status: cleared, date: 2021-02-03 }') });
  return (await diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format, stat: false, whitespace: false, colour: false, sourceDateEpoch })).output;
}

test('a position diff names a renamed ministry as it is called on the newer version’s day, in its lines and as the redline’s author', async () => {
  expect(String(await run('md', AFTER_RENAMING))).toContain('- Viedās administrācijas un reģionālās attīstības ministrija: pending → cleared 2021-02-03\n');
  expect(String(await run('md', BEFORE_RENAMING))).toContain('- Vides aizsardzības un reģionālās attīstības ministrija: pending → cleared 2021-02-03\n');
  const docx = await run('docx', AFTER_RENAMING);
  if (!(docx instanceof Uint8Array)) throw new Error('expected DOCX bytes');
  expect(part(docxParts(docx), 'docProps/core.xml')).toContain('<dc:creator>Viedās administrācijas un reģionālās attīstības ministrija</dc:creator>');
});

test('a meeting diff names a renamed ministry as it is called on the meeting’s day', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace('date: 2021-02-19', 'date: 2025-03-05');
  // Each position asked VARAM, as a meeting requiring it needs.
  const asked = Object.fromEntries(POSITIONS.map((file) => [file, exampleFile(file).replace('\nclearance:\n', '\nclearance:\n  VARAM:\n    status: pending\n')]));
  const cwd = exampleProject({ ...asked, 'review/before.yaml': meeting, 'review/after.yaml': meeting.replace('required_clearances: [AM, LM]', 'required_clearances: [AM, LM, VARAM]') });
  const result = await diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format: 'md', stat: false, whitespace: false, colour: false, sourceDateEpoch: AFTER_RENAMING });
  const { output } = result;
  expect(String(output)).toContain('- required clearances: Ārlietu ministrija, Labklājības ministrija → Ārlietu ministrija, Labklājības ministrija, Viedās administrācijas un reģionālās attīstības ministrija\n');
});
