import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { fieldSpans } from '../../src/docx/fields.js';
import { fieldPlaceholder } from '../../src/render/fields.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

const REFORMS = 'positions/educ/equity-reforms.yaml';

/** The 1-based line of `file` that starts with `start`, and the column where `what` is on it. */
function placeOf(file: string, start: string, what: string): [number, number] {
  const lines = file.split('\n');
  const index = lines.findIndex((line) => line.startsWith(start));
  expect(index).toBeGreaterThanOrEqual(0);
  return [index + 1, (lines[index] ?? '').indexOf(what) + 1];
}

test('what the DOCX cannot show is said at its line and column in the field’s file, not by the generated Markdown’s line', async () => {
  const body = exampleFile(REFORMS).replace(/^body: \|\n/m, 'body: |\n  Pirmā rindkopa.\n\n  Otrā rindkopa ar tekstu\n  un attēlu ![Shēma](shema.png) rindas vidū.\n\n');
  // A folded scalar (`>`) joins its lines: the line is found by its text.
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^background: \|\n/m, 'background: >\n  Ievads.\n\n  Vēl ![Karte](karte.png) šeit.\n\n  Turpinājums:\n');
  const dir = exampleProject({ [REFORMS]: body, [EXAMPLE_MEETING]: meeting });
  const result = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
  const images = result.diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.column, d.message]);
  expect(images).toEqual([
    [EXAMPLE_MEETING, ...placeOf(meeting, '  Vēl ', '!['), 'In the DOCX, from `background`: an image is not placed, its alternative text is printed in its place. Say in words what it shows; a picture the report needs is put into the copy sent, in Word.'],
    [REFORMS, ...placeOf(body, '  un attēlu', '!['), 'In the DOCX, from `body`: an image is not placed, its alternative text is printed in its place. Say in words what it shows; a picture the report needs is put into the copy sent, in Word.'],
  ]);
});

test('a position answering two questions is placed in its own file for each of its places in the report', async () => {
  const body = exampleFile(REFORMS)
    .replace(/^body: \|\n/m, 'body: |\n  Ar ![attēlu](a.png).\n\n')
    .replace(/^questions:\n/m, 'questions:\n  - ES sadarbības loma vienlīdzības, iekļaušanas un panākumu veicināšanā izglītībā ilgtermiņā\n');
  const meeting = exampleFile(EXAMPLE_MEETING).replace('position: equity-eu-cooperation', 'position: equity-reforms');
  const result = await check({ cwd: exampleProject({ [REFORMS]: body, [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
  const images = result.diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.column]);
  // The same place, said once.
  expect(images).toEqual([[REFORMS, ...placeOf(body, '  Ar ', '![')]]);
});

test('an abbreviation first used in a position is said there, with the meeting whose report it is', async () => {
  const config = exampleFile('briefing.config.yaml').replace('    short: ES\n', '    short: ES\n  - term: Eiropas Komisija\n    short: EK\n');
  const body = exampleFile(REFORMS).replace(/^body: \|\n/m, 'body: |\n  Latvija atbalsta\n  EK priekšlikumu.\n\n');
  const result = await check({ cwd: exampleProject({ 'briefing.config.yaml': config, [REFORMS]: body }), paths: [EXAMPLE_MEETING], final: false });
  expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.message])).toEqual([
    [
      REFORMS,
      ...placeOf(body, '  EK priekšlikumu', 'EK'),
      'meeting/abbreviation-not-introduced',
      `The report of ${EXAMPLE_MEETING} never introduces it: “EK” should first appear as “Eiropas Komisija (turpmāk – EK)”; it first appears here, in \`body\`.`,
    ],
  ]);
});

test('an abbreviation in the template’s own text on a line a field ends is the template’s, not the field’s', async () => {
  // The opening line prints the meeting's name (template text) and then `outcome` (a field) at its end.
  const shortName = exampleFile(EXAMPLE_MEETING).replace(/^( {2}nominative: ).*$/m, '$1ES izglītības ministru tiešsaistes sanāksme');
  const result = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: shortName }), paths: [EXAMPLE_MEETING], final: false });
  expect(result.diagnostics.map((d) => [d.file, d.line, d.message])).toEqual([
    [EXAMPLE_MEETING, undefined, 'The report never introduces it: “ES” should first appear as “Eiropas Savienības (turpmāk – ES)” (it first appears on line 5 of the generated Markdown).'],
  ]);
});

test('fieldSpans: where each field lies in the report, with fields sharing lines with the template and each other', () => {
  const p = (index: number) => fieldPlaceholder(index);
  const source = {
    skeleton: `Title\n\nA ${p(0)} b ${p(1)} c\n${p(2)}\n`,
    fields: [
      { ref: { kind: 'meeting' as const, id: 'm', field: 'a', file: 'm.yaml' }, text: 'one\ntwo' },
      { ref: { kind: 'meeting' as const, id: 'm', field: 'b', file: 'm.yaml' }, text: 'xy' },
      { ref: { kind: 'meeting' as const, id: 'm', field: 'c', file: 'm.yaml' }, text: 'p\n\nq' },
    ],
  };
  // "A one" / "two b xy c" / "p" / "" / "q"
  expect(fieldSpans(source)).toEqual([
    { index: 0, first: 3, column: 3, last: 4, end: 4 },
    { index: 1, first: 4, column: 7, last: 4, end: 9 },
    { index: 2, first: 5, column: 1, last: 7, end: 2 },
  ]);
});

test('an abbreviation in an `outcome` written on its key’s line is placed at its column there, plain or quoted; one on the second line of a literal outcome too', async () => {
  const config = exampleFile('briefing.config.yaml').replace('    short: ES\n', '    short: ES\n  - term: Eiropas Komisija\n    short: EK\n');
  const withOutcome = (outcome: string) => exampleFile(EXAMPLE_MEETING).replace(/^outcome: >-\n.*\n.*\n/m, `outcome: ${outcome}\n`);
  const placed = async (meeting: string) =>
    (await check({ cwd: exampleProject({ 'briefing.config.yaml': config, [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false })).diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId]);
  for (const outcome of ['Rezultātus izmantos EK darbā.', '"Rezultātus izmantos EK darbā."', "'Rezultātus izmantos EK darbā.'"]) {
    const meeting = withOutcome(outcome);
    expect(await placed(meeting)).toEqual([[EXAMPLE_MEETING, ...placeOf(meeting, 'outcome: ', 'EK'), 'meeting/abbreviation-not-introduced']]);
  }
  // A plain outcome continued on the lines under its key is printed as one line: the place is on the line it is on.
  const plain = withOutcome('Rezultātus izmantos\n  darbā, un\n  tos EK vērtēs.');
  expect(await placed(plain)).toEqual([[EXAMPLE_MEETING, ...placeOf(plain, '  tos EK', 'EK'), 'meeting/abbreviation-not-introduced']]);
  // The outcome starts in the middle of the report's line; its second line starts a line of its own.
  const literal = withOutcome('|-\n  Rezultātus izmantos\n  darbā, un EK vērtēs.');
  expect(await placed(literal)).toEqual([[EXAMPLE_MEETING, ...placeOf(literal, '  darbā, un EK', 'EK'), 'meeting/abbreviation-not-introduced']]);
});

test('DOCX warnings after a run of blank lines, on the line before one, and on a field’s last line are placed at their own lines', async () => {
  // The report makes the run of blank lines one: the lines after it are further down in the file than in the report.
  const image = '  Teksts ar ![attēlu](a.png).';
  const body = exampleFile(REFORMS)
    .replace(/^body: \|\n/m, `body: |\n${image}\n\n\n\n\n${image}\n${image}\n\n`)
    .replace('  nākotnē.\n', '  nākotnē. Arī ![shēma](b.png).\n');
  const result = await check({ cwd: exampleProject({ [REFORMS]: body }), paths: [EXAMPLE_MEETING], final: false });
  const lines = body.split('\n');
  const at = (text: string, from = 0) => lines.indexOf(text, from) + 1;
  expect(result.diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.column])).toEqual([
    [REFORMS, at(image), 13],
    [REFORMS, at(image, at(image)), 13],
    [REFORMS, at(image, at(image, at(image))), 13],
    [REFORMS, ...placeOf(body, '  nākotnē. Arī', '![')],
  ]);
});

test('a place in a paragraph that a folded scalar (`>`) writes over several lines is said at the line and column where it is', async () => {
  const config = exampleFile('briefing.config.yaml').replace('    short: ES\n', '    short: ES\n  - term: Eiropas Komisija\n    short: EK\n');
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^outcome: >-\n.*\n.*\n/m, 'outcome: >-\n  Rezultātus izmantos\n  darbā, un EK vērtēs.\n');
  const abbreviation = await check({ cwd: exampleProject({ 'briefing.config.yaml': config, [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
  expect(abbreviation.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual([[EXAMPLE_MEETING, ...placeOf(meeting, '  darbā, un EK', 'EK'), 'meeting/abbreviation-not-introduced']]);
  // An image on the third line of a folded paragraph of the background, the same words on a line above it.
  const folded = exampleFile(EXAMPLE_MEETING).replace(/^background: \|\n/m, 'background: >\n  Ievads.\n\n  Karte ir\n  pievienota, un\n  ![Karte](karte.png) rāda to.\n\n  Karte ir\n');
  const image = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: folded }), paths: [EXAMPLE_MEETING], final: false });
  expect(image.diagnostics.filter((d) => d.ruleId === 'docx/unsupported').map((d) => [d.file, d.line, d.column])).toEqual([[EXAMPLE_MEETING, ...placeOf(folded, '  ![Karte]', '![')]]);
});
