import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

/** The example meeting (an informal videoconference) with its `name` forms replaced and made a formal Council in person. */
function formalInPerson(forms: Record<string, string>): string {
  let text = exampleFile(EXAMPLE_MEETING).replace(/^kind: .*$/m, 'kind: formal').replace(/^mode: .*$/m, 'mode: in-person');
  for (const [form, value] of Object.entries(forms)) text = text.replace(new RegExp(`^( {2}${form}: ).*$`, 'm'), `$1${value}`);
  return text;
}

const mismatches = async (meeting: string) =>
  (await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false })).diagnostics
    .filter((d) => d.ruleId === 'meeting/name-kind-mismatch')
    .map((d) => d.message);

const LATVIAN_FORMAL = {
  nominative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksme',
  locative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē',
  genitive: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmes',
};

test('the English name and the short locative say the kind and mode too: a formal Council in person still named "informal videoconference" in English, or "videokonferencē" in the invitation, warns', async () => {
  expect(await mismatches(formalInPerson(LATVIAN_FORMAL))).toEqual([
    'The meeting is `kind: formal`, but its name says “informal”: the report\'s title and opening would describe another meeting.',
    'The meeting is `mode: in-person`, but its name says “videoconference”: the report\'s title and opening would describe another meeting.',
  ]);
  expect(await mismatches(formalInPerson({ ...LATVIAN_FORMAL, english: 'meeting of the Education, Youth, Culture and Sport Council', short_locative: 'videokonferencē' }))).toEqual([
    'The meeting is `mode: in-person`, but its name says “videokonferencē”: the report\'s title and opening would describe another meeting.',
  ]);
  expect(await mismatches(formalInPerson({ ...LATVIAN_FORMAL, english: 'meeting of the Education, Youth, Culture and Sport Council' }))).toEqual([]);
});

test('a meeting in person whose name says it is held online as well (klātienē un tiešsaistē, hibrīdsanāksme, hybrid) contradicts no mode', async () => {
  const hybrid = {
    nominative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksme klātienē un tiešsaistē',
    locative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes hibrīdsanāksmē tiešsaistē',
    genitive: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmes klātienē un tiešsaistē',
    english: 'hybrid meeting (in person and by videoconference) of the Education, Youth, Culture and Sport Council',
  };
  expect(await mismatches(formalInPerson(hybrid))).toEqual([]);
  // Said online only, it is still a contradiction.
  expect(await mismatches(formalInPerson({ ...hybrid, nominative: 'Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes tiešsaistes sanāksme' }))).toEqual([
    'The meeting is `mode: in-person`, but its name says “tiešsaistes”: the report\'s title and opening would describe another meeting.',
  ]);
});
