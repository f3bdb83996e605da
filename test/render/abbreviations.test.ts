import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/** All but the term written out again after its introduction, which tests of other rules leave to its own. */
const notWrittenOut = (d: Diagnostic) => d.ruleId !== 'meeting/abbreviation-written-out';

test('a report that uses an abbreviation of the config but never introduces it warns (the example introduces ES at its name)', async () => {
  expect((await check({ cwd: exampleProject(), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
  const shortName = exampleFile(EXAMPLE_MEETING).replace(/^( {2}nominative: ).*$/m, '$1ES izglītības ministru tiešsaistes sanāksme');
  const result = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: shortName }), paths: [EXAMPLE_MEETING], final: false });
  expect(result.diagnostics.map((d) => [d.file, d.severity, d.ruleId, d.message])).toEqual([
    [EXAMPLE_MEETING, 'warning', 'meeting/abbreviation-not-introduced', 'The report never introduces it: “ES” should first appear as “Eiropas Savienības (turpmāk – ES)” (it first appears on line 5 of the generated Markdown).'],
  ]);
});

test('ES used before its introduction warns; ES only in an address or in code does not count', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING);
  // The title (the locative name) comes before the opening paragraph, which introduces ES.
  const early = meeting.replace(/^( {2}locative: ).*$/m, '$1neformālajā ES izglītības ministru tiešsaistes sanāksmē');
  const before = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: early }), paths: [EXAMPLE_MEETING], final: false });
  expect(before.diagnostics.map((d) => d.message)).toEqual(['The report uses it before it introduces it: “ES” should first appear as “Eiropas Savienības (turpmāk – ES)” (it first appears on line 2 of the generated Markdown).']);
  // An abbreviation printed nowhere but in a link's address and in code is not used.
  const config = exampleFile('briefing.config.yaml').replace('    short: ES\n', '    short: ES\n  - term: Padomes secinājumi\n    short: PS\n');
  const hidden = meeting.replace(
    /^background: \|\n/m,
    'background: |\n  Skatīt [dokumentu](https://example.eu/PS/doc) un `PS` kodu, <https://example.eu/PS>, rakstīt uz PS@example.eu un (sekretariats.PS@example.eu).\n\n',
  );
  const quiet = await check({ cwd: exampleProject({ 'briefing.config.yaml': config, [EXAMPLE_MEETING]: hidden }), paths: [EXAMPLE_MEETING], final: false });
  expect(quiet.diagnostics).toEqual([]);
  const shown = meeting.replace(/^background: \|\n/m, 'background: |\n  PS ir gatavi.\n\n');
  const used = await check({ cwd: exampleProject({ 'briefing.config.yaml': config, [EXAMPLE_MEETING]: shown }), paths: [EXAMPLE_MEETING], final: false });
  // First used in a Markdown field: said at its place in the file, not by the generated Markdown's line.
  const at = shown.split('\n').findIndex((line) => line.startsWith('  PS ir gatavi.')) + 1;
  expect(used.diagnostics.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
    [EXAMPLE_MEETING, at, 3, 'The report never introduces it: “PS” should first appear as “Padomes secinājumi (turpmāk – PS)”; it first appears here, in `background`.'],
  ]);
});

test('an abbreviation of the meeting (its own `abbreviations`) is held to its introduction as the config’s are', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(
    /^background: \|\n/m,
    'abbreviations:\n  - term: Eiropas Komisijas\n    short: EK\nbackground: |\n  EK priekšlikums ir gaidāms.\n\n',
  );
  const result = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
  const at = meeting.split('\n').findIndex((line) => line.startsWith('  EK priekšlikums')) + 1;
  expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.message])).toEqual([
    [EXAMPLE_MEETING, at, 3, 'meeting/abbreviation-not-introduced', 'The report never introduces it: “EK” should first appear as “Eiropas Komisijas (turpmāk – EK)”; it first appears here, in `background`.'],
  ]);
  // Introduced at its first mention, and used after: nothing to say (the example's background writes “Eiropas Komisija” out further on: abbreviation-written-out's to say).
  const introduced = meeting.replace('  EK priekšlikums ir gaidāms.', '  Eiropas Komisijas (turpmāk – EK) priekšlikums ir gaidāms; EK to publicēs martā.');
  expect((await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: introduced }), paths: [EXAMPLE_MEETING], final: false })).diagnostics.filter(notWrittenOut)).toEqual([]);
});

test('an abbreviation introduced a second time warns at the second introduction: after the template’s, in the background; in a second position', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^background: \|\n/m, 'background: |\n  Eiropas Savienības (turpmāk – ES) dalībvalstis vienojās.\n\n');
  const twice = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
  const at = meeting.split('\n').findIndex((line) => line.startsWith('  Eiropas Savienības (turpmāk')) + 1;
  expect(twice.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.message])).toEqual([
    [EXAMPLE_MEETING, at, 22, 'meeting/abbreviation-introduced-twice', 'The report introduces “ES” a second time, here, in `background`: “(turpmāk – ES)” belongs at its first mention only.'],
  ]);
  // The example's first answer introduces ESF; the second answer introducing it again is said in its own file.
  const reforms = 'positions/educ/equity-reforms.yaml';
  const second = exampleFile(reforms).replace(/^body: \|\n/m, 'body: |\n  Eiropas Sociālā fonda (turpmāk – ESF) atbalsts turpināsies.\n\n');
  const again = await check({ cwd: exampleProject({ [reforms]: second }), paths: [EXAMPLE_MEETING], final: false });
  const line = second.split('\n').findIndex((text) => text.startsWith('  Eiropas Sociālā fonda (turpmāk')) + 1;
  expect(again.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.message])).toEqual([
    [reforms, line, 25, 'meeting/abbreviation-introduced-twice', `The report of ${EXAMPLE_MEETING} introduces “ESF” a second time, here, in \`body\`: “(turpmāk – ESF)” belongs at its first mention only.`],
  ]);
});

test('a short form that is a word of its own term ("Eiropas Komisija (turpmāk – Komisija)") is introduced by that term, not used before it', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(
    /^background: \|\n/m,
    'abbreviations:\n  - term: Eiropas Komisija\n    short: Komisija\nbackground: |\n  Eiropas Komisija (turpmāk – Komisija) publicēja plānu, un Komisija to atbalsta.\n\n',
  ).replace('septembrī Eiropas Komisija publicēja', 'septembrī Komisija publicēja');
  expect((await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
  // "(turpmāk tekstā – …)", as legal drafting also writes it, introduces it too.
  const inText = meeting.replace('(turpmāk – Komisija)', '(turpmāk tekstā – Komisija)');
  expect((await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: inText }), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
  // The term wrapped across two lines of the field is the term still.
  const wrapped = meeting.replace('  Eiropas Komisija (turpmāk', '  Eiropas\n  Komisija (turpmāk');
  expect((await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: wrapped }), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
  // The short form alone before the introduction is still a use before it.
  const early = meeting.replace('  Eiropas Komisija (turpmāk', '  Komisija ziņo. Eiropas Komisija (turpmāk');
  const at = early.split('\n').findIndex((line) => line.startsWith('  Komisija ziņo.')) + 1;
  expect((await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: early }), paths: [EXAMPLE_MEETING], final: false })).diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
    [at, 3, 'The report uses it before it introduces it: “Komisija” should first appear as “Eiropas Komisija (turpmāk – Komisija)”; it first appears here, in `background`.'],
  ]);
});

test('a position that answers two questions prints its introduction twice, which no one wrote twice: no warning; another position introducing it again still warns', async () => {
  const achievements = 'positions/educ/equity-achievements.yaml';
  const twoQuestions = exampleFile(achievements).replace(/^questions:\n(  - .*\n)/m, 'questions:\n$1  - Otrais jautājums, uz kuru atbild tā pati pozīcija\n');
  const meeting = exampleFile(EXAMPLE_MEETING).replace('    position: equity-reforms', '    position: equity-achievements');
  const again = await check({ cwd: exampleProject({ [achievements]: twoQuestions, [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
  expect(again.diagnostics).toEqual([]);
  // Written a second time in the third answer, it is warned about there.
  const cooperation = 'positions/educ/equity-eu-cooperation.yaml';
  const third = exampleFile(cooperation).replace(/^body: \|\n/m, 'body: |\n  Eiropas Sociālā fonda (turpmāk – ESF) atbalsts turpināsies.\n\n');
  const written = await check({ cwd: exampleProject({ [achievements]: twoQuestions, [EXAMPLE_MEETING]: meeting, [cooperation]: third }), paths: [EXAMPLE_MEETING], final: false });
  const line = third.split('\n').findIndex((text) => text.startsWith('  Eiropas Sociālā fonda (turpmāk')) + 1;
  expect(written.diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([[cooperation, line, 'meeting/abbreviation-introduced-twice']]);
});

test('the second introduction is placed at its column also in a line the report prints otherwise: a date (its day kept with its month), letters written decomposed (macOS, a PDF), a year escaped at the line start', async () => {
  const reforms = 'positions/educ/equity-reforms.yaml';
  const lines = [
    '2021. gada 19. februārī Eiropas Sociālā fonda (turpmāk – ESF) atbalsts turpināsies.',
    'Eiropas Sociālā fonda (turpmāk – ESF) atbalsts turpināsies 19. februārī.'.normalize('NFD'),
    'Kopš 3. maija Eiropas Sociālā fonda (turpmāk – ESF) atbalsts turpināsies.',
  ];
  for (const written of lines) {
    const second = exampleFile(reforms).replace(/^body: \|\n/m, `body: |\n  ${written}\n\n`);
    const again = await check({ cwd: exampleProject({ [reforms]: second }), paths: [EXAMPLE_MEETING], final: false });
    const line = second.split('\n').findIndex((text) => text === `  ${written}`) + 1;
    // The column of "(turpmāk" as an editor counts it in the file: combining marks count.
    const column = `  ${written}`.indexOf('(turpm') + 1;
    expect(again.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual([[reforms, line, column, 'meeting/abbreviation-introduced-twice']]);
  }
});

// A short form introduced and never used is a flaw of Latvian drafting the tool saw nowhere (the IeM run of 2026-12-07).
test('an abbreviation a field introduces and the report never uses after warns at the introduction; a use in any position, or an inflected word, is a use', async () => {
  const reforms = 'positions/educ/equity-reforms.yaml';
  const position = exampleFile(reforms).replace(/^body: \|\n/m, 'body: |\n  Tiek ieviesta Ieceļošanas/izceļošanas sistēma (turpmāk – IIS).\n\n');
  const line = position.split('\n').findIndex((text) => text.startsWith('  Tiek ieviesta')) + 1;
  const unused = await check({ cwd: exampleProject({ [reforms]: position }), paths: [EXAMPLE_MEETING], final: false });
  expect(unused.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.message, d.hint])).toEqual([
    [
      reforms,
      line,
      49,
      'meeting/abbreviation-unused',
      'The report of meetings/2021-02-19-educ-informal.yaml introduces “IIS” here, in `body`, and never uses it after: “(turpmāk – IIS)” is for a short form the text goes on to use.',
      'Leave out “(turpmāk – IIS)”, or write “IIS” where the report mentions the term again.',
    ],
  ]);
  // Used later in another position of the report: nothing to say.
  const cooperation = 'positions/educ/equity-eu-cooperation.yaml';
  const usedLater = exampleFile(cooperation).replace(/^body: \|\n/m, 'body: |\n  IIS darbosies no 2022. gada.\n\n');
  expect((await check({ cwd: exampleProject({ [reforms]: position, [cooperation]: usedLater }), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
  // Only before the introduction, or inside a second introduction, is no use: said at the first introduction (the second warns as one).
  const introducedAgain = exampleFile(cooperation).replace(/^body: \|\n/m, 'body: |\n  Sistēma (turpmāk – IIS) darbosies.\n\n');
  const again = await check({ cwd: exampleProject({ [reforms]: position, [cooperation]: introducedAgain }), paths: [EXAMPLE_MEETING], final: false });
  expect(again.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
    [cooperation, 'meeting/abbreviation-introduced-twice'],
    [reforms, 'meeting/abbreviation-unused'],
  ]);
  // A short form that is a word is used in any of its cases: "Stratēģija" introduced, "Stratēģijas" after.
  const word = exampleFile(reforms).replace(/^body: \|\n/m, 'body: |\n  Jaunā izglītības attīstības stratēģija (turpmāk – Stratēģija) ir pieņemta. Stratēģijas mērķi ir skaidri.\n\n');
  expect((await check({ cwd: exampleProject({ [reforms]: word }), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
  const wordUnused = word.replace(' Stratēģijas mērķi ir skaidri.', ' Mērķi ir skaidri.');
  expect((await check({ cwd: exampleProject({ [reforms]: wordUnused }), paths: [EXAMPLE_MEETING], final: false })).diagnostics.map((d) => d.ruleId)).toEqual(['meeting/abbreviation-unused']);
  // A short form of three letters with a small one ("IeM") stands alone as an acronym does: "Iekšlietu" after it is no use of it.
  const ministry = exampleFile(reforms).replace(/^body: \|\n/m, 'body: |\n  Iekšlietu ministrija (turpmāk – IeM) piedalās. Iekšlietu jomā pārmaiņu nav.\n\n');
  expect((await check({ cwd: exampleProject({ [reforms]: ministry }), paths: [EXAMPLE_MEETING], final: false })).diagnostics.map((d) => d.ruleId)).toEqual(['meeting/abbreviation-unused']);
  expect((await check({ cwd: exampleProject({ [reforms]: ministry.replace('Iekšlietu jomā', 'IeM jomā') }), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
});

test('a short form that is the first word of its term ("Erasmus programma (turpmāk – Erasmus)") is the term there, not a use before the introduction', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(
    /^background: \|\n/m,
    'abbreviations:\n  - term: Erasmus programma\n    short: Erasmus\nbackground: |\n  Erasmus programma (turpmāk – Erasmus) turpinās, un Erasmus atbalsta skolas.\n\n',
  );
  expect((await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
});

// "Eiropas Savienības" written out again after "(turpmāk – ES)": what a ministry's reviewer marks first (the LM run of 2026-12-07).
test('a term written out in full after the report introduced its short form warns, once for each field, at its first such mention, in any case of the term', async () => {
  const reforms = 'positions/educ/equity-reforms.yaml';
  const body = 'body: |\n  Latvija uzskata, ka Eiropas Savienības līmenī ir jārīkojas.\n  Eiropas Savienībā un Eiropas Savienību vieno kopīgi mērķi.\n\n';
  const position = exampleFile(reforms).replace(/^body: \|\n/m, body);
  const line = position.split('\n').findIndex((text) => text.startsWith('  Latvija uzskata, ka')) + 1;
  const result = await check({ cwd: exampleProject({ [reforms]: position }), paths: [EXAMPLE_MEETING], final: false });
  expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.ruleId, d.message, d.hint])).toEqual([
    [
      reforms,
      line,
      23,
      'warning',
      'meeting/abbreviation-written-out',
      `The report of ${EXAMPLE_MEETING} writes “Eiropas Savienības” in full here, in \`body\` (and 2 more times in this field), after it has introduced “ES” for it: “(turpmāk – ES)” promises the short form from there on.`,
      'Write “ES” in its place. A name that holds the term is left as it is: in quotes (an act\'s title), or followed by a capitalised word (“Eiropas Savienības Tiesa”).',
    ],
  ]);
  // In the background too, said at the meeting's file.
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^background: \|\n/m, 'background: |\n  Eiropas\n  Savienības dalībvalstis vienojās.\n\n');
  const inBackground = await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false });
  const at = meeting.split('\n').findIndex((text) => text === '  Eiropas') + 1;
  expect(inBackground.diagnostics.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
    [EXAMPLE_MEETING, at, 3, 'The report writes “Eiropas Savienības” in full here, in `background`, after it has introduced “ES” for it: “(turpmāk – ES)” promises the short form from there on.'],
  ]);
});

test('a name that holds the term is not the term written out: quoted titles, an institution, a treaty, a second introduction (said as such); nor the term before the introduction', async () => {
  const reforms = 'positions/educ/equity-reforms.yaml';
  const names = [
    'Padome pieņēma “Eiropas Savienības stratēģiju jaunatnei” un «Eiropas Savienības plānu».',
    'Padome pieņēma „Eiropas Savienības stratēģiju“ un "Eiropas Savienības plānu".',
    'Lietu izskatīs Eiropas Savienības Tiesa, kā paredz Līgums par Eiropas Savienības darbību un Līguma par Eiropas Savienību 5. pants.',
    'Lietu izskatīs Eiropas Savienības **Tiesa**.',
  ];
  for (const text of names) {
    const position = exampleFile(reforms).replace(/^body: \|\n/m, `body: |\n  ${text}\n\n`);
    expect((await check({ cwd: exampleProject({ [reforms]: position }), paths: [EXAMPLE_MEETING], final: false })).diagnostics.filter((d) => d.ruleId !== "markdown/straight-quote"), text).toEqual([]);
  }
  // After a quoted title is closed, the term is written out again.
  const afterQuote = exampleFile(reforms).replace(/^body: \|\n/m, 'body: |\n  Padome pieņēma „Eiropas Savienības stratēģiju“, ko Eiropas Savienības dalībvalstis atbalsta.\n\n');
  const column = afterQuote.split('\n').find((text) => text.startsWith('  Padome pieņēma „'))?.indexOf('Eiropas Savienības dalībvalstis');
  expect((await check({ cwd: exampleProject({ [reforms]: afterQuote }), paths: [EXAMPLE_MEETING], final: false })).diagnostics.map((d) => [d.column, d.ruleId])).toEqual([[(column ?? 0) + 1, 'meeting/abbreviation-written-out']]);
  const again = exampleFile(reforms).replace(/^body: \|\n/m, 'body: |\n  Eiropas Savienības (turpmāk – ES) dalībvalstis vienojās.\n\n');
  expect((await check({ cwd: exampleProject({ [reforms]: again }), paths: [EXAMPLE_MEETING], final: false })).diagnostics.map((d) => d.ruleId)).toEqual(['meeting/abbreviation-introduced-twice']);
  // A term of the meeting that the background writes out before it introduces it: the first mention, not a repeat.
  const meeting = exampleFile(EXAMPLE_MEETING).replace(
    /^background: \|\n/m,
    'abbreviations:\n  - term: Eiropas Komisija\n    short: Komisija\nbackground: |\n  Eiropas Komisija (turpmāk – Komisija) publicēja plānu, un Komisija to atbalsta.\n\n',
  ).replace('septembrī Eiropas Komisija publicēja', 'septembrī Komisija publicēja');
  expect((await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: meeting }), paths: [EXAMPLE_MEETING], final: false })).diagnostics).toEqual([]);
  // Written out after it, in another case: a short form that is a word is declined.
  const declined = meeting.replace('un Komisija to atbalsta.', 'un Eiropas Komisijas priekšsēdētāja to atbalsta.');
  expect((await check({ cwd: exampleProject({ [EXAMPLE_MEETING]: declined }), paths: [EXAMPLE_MEETING], final: false })).diagnostics.map((d) => [d.ruleId, d.message, d.hint])).toEqual([
    [
      'meeting/abbreviation-written-out',
      'The report writes “Eiropas Komisijas” in full here, in `background`, after it has introduced “Komisija” for it: “(turpmāk – Komisija)” promises the short form from there on.',
      'Write “Komisija” in the case the sentence needs in its place. A name that holds the term is left as it is: in quotes (an act\'s title), or followed by a capitalised word (“Eiropas Savienības Tiesa”).',
    ],
  ]);
});
