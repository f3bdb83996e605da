import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { BODY_POSITION as POSITION, withBackgroundLine, withBodyLine } from '../helpers/fields.js';
import { EXAMPLE_MEETING as MEETING, exampleFile, exampleProject } from '../helpers/project.js';

const htmlProblems = async (dir: string) =>
  (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/html').map((d) => [d.file, d.line, d.column, d.message]);

test('raw HTML in an answer is a warning at its opening tag: the DOCX prints it as written, the Markdown passes it on', async () => {
  expect(await htmlProblems(exampleProject(withBodyLine('Teksts ar <b>treknu</b> vārdu, un a < b paliek teksts.')))).toEqual([
    [POSITION, 19, 13, 'HTML in `body` (`<b>`) is printed in the DOCX as written, tags and all, and passed on as HTML in the Markdown.'],
  ]);
});

test('an HTML comment is named as one: Markdown viewers hide it, the DOCX would print it', async () => {
  expect(await htmlProblems(exampleProject(withBodyLine('Teksts. <!-- pārbaudīt skaitli -->')))).toEqual([
    [POSITION, 19, 11, 'An HTML comment in `body` is printed in the DOCX as written, though Markdown viewers hide it.'],
  ]);
});

test('a `<!--` within a line that its paragraph never closes is a warning at it: Markdown reads no comment, and the report prints it and the words after it as text', async () => {
  const message =
    '`body` opens an HTML comment (`<!--`) within a line and never closes it in that paragraph: Markdown reads no comment there, so the report prints `<!--` and the words after it as text.';
  expect(await htmlProblems(exampleProject(withBodyLine('Teksts <!-- piezīme: pārbaudīt skaitli\n\n  Nākamā rindkopa -->.')))).toEqual([[POSITION, 19, 10, message]]);
  // Closed in its paragraph it is a comment (the message above); written `\<!--`, or in code, it is text as meant.
  expect(await htmlProblems(exampleProject(withBodyLine('Teksts \\<!-- kā teksts un `<!--` kodā.')))).toEqual([]);
});

test('the meeting’s background is checked too, and autolinks and an escaped \\< are not HTML', async () => {
  const background = withBackgroundLine('<div>bloks</div>');
  const dir = exampleProject({ ...withBodyLine('Skat. <https://www.izm.gov.lv> un \\<b\\> kā teksts.'), ...background.files });
  const line = background.line;
  expect(await htmlProblems(dir)).toEqual([[MEETING, line, 3, 'HTML in `background` (`<div>bloks</div>`) is printed in the DOCX as written, tags and all, and passed on as HTML in the Markdown.']]);
});

test('HTML is shown in its warning whole up to 40 characters, and longer by its first 40 and …', async () => {
  const forty = `<div>${'a'.repeat(29)}</div>`;
  const longer = `<div>${'b'.repeat(30)}</div>`;
  const said = (shown: string) => `HTML in \`body\` (\`${shown}\`) is printed in the DOCX as written, tags and all, and passed on as HTML in the Markdown.`;
  expect((await htmlProblems(exampleProject(withBodyLine(`${forty}\n\n  ${longer}`)))).map(([, , , message]) => message)).toEqual([said(forty), said(`${longer.slice(0, 40)}…`)]);
});

/** The problems of one rule that `check` finds in the example with `lines` put into a position's body: line, column, message. */
const bodyProblems = (rule: string) => async (lines: string) =>
  (await check({ cwd: exampleProject(withBodyLine(lines)), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === rule).map((d) => [d.line, d.column, d.message]);

/** As {@link bodyProblems}, with `lines` the body's only text (file line 17): what the rest of the body holds opens no parse that `lines` alone would not. */
const aloneProblems = (rule: string) => async (lines: string) => {
  const position = exampleFile(POSITION).replace(/^body: \|\n(?:(?: {2}.*)?\n)*/m, `body: |\n  ${lines}\n\n`);
  return (await check({ cwd: exampleProject({ [POSITION]: position }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === rule).map((d) => [d.line, d.column, d.message]);
};

test('a paragraph indented by a tab or four spaces (pasted from Word) is a warning: it would print as program code', async () => {
  const problems = bodyProblems('markdown/indented-code');
  const message = 'This paragraph of `body` starts with a tab or four spaces, so it is printed as program code: in a fixed-width font, not justified.';
  expect(await problems('\tTeksts no Word ar tabulāciju.')).toEqual([[19, 4, message]]);
  expect(await problems('    Teksts ar četrām atstarpēm.')).toEqual([[19, 7, message]]);
  // A warning, as check prints it: the report still builds.
  const report = await check({ cwd: exampleProject(withBodyLine('\tTeksts no Word ar tabulāciju.')), paths: [], final: false });
  expect(report.diagnostics.filter((d) => d.ruleId === 'markdown/indented-code').map((d) => d.severity)).toEqual(['warning']);
  // Code between ``` lines is meant; a list item's paragraph indented under it is no code.
  expect(await problems('```\n  kods\n  ```')).toEqual([]);
  expect(await problems('1. punkts\n\n      turpinājums punktā')).toEqual([]);
});

test('a numbered list item printed with another number than it is written with is a warning that says which', async () => {
  const problems = bodyProblems('markdown/list-number');
  expect(await problems('12. panta pirmā daļa nosaka.\n\n  3. punkts nosaka citu.')).toEqual([
    [21, 3, 'The list item written `3.` in `body` is printed as `13.`: a numbered list counts on from its first item (`12.`).'],
  ]);
  // In order, all the same number, or a date after the list: nothing to say.
  expect(await problems('1. viens;\n  2. divi;\n  3. trīs.')).toEqual([]);
  expect(await problems('1. viens\n  1. divi\n  1. trīs')).toEqual([]);
  expect(await problems('12. panta pirmā daļa nosaka.\n\n  3. februārī ministri tikās.')).toEqual([]);
  // A mark of two digits (a mutant that survived, mutation14); a nested list of another mark on its item's line.
  expect(await problems('1. viens;\n  12. divi.')).toEqual([[20, 3, 'The list item written `12.` in `body` is printed as `2.`: a numbered list counts on from its first item (`1.`).']]);
  // An item back at its list's column after a nested list, in a field with nothing else to parse for (a mutant of the look before the parse that survived, mutation14).
  expect(await aloneProblems('markdown/list-number')('5. pieci;\n     6. seši;\n  7. septiņi.')).toEqual([
    [19, 3, 'The list item written `7.` in `body` is printed as `6.`: a numbered list counts on from its first item (`5.`).'],
  ]);
  expect(await problems('1. pirmais punkts;\n    2. 5) iekšējais;\n       7) otrais iekšējais.')).toEqual([
    [21, 8, 'The list item written `7)` in `body` is printed as `6)`: a numbered list counts on from its first item (`5)`).'],
  ]);
});

test('a list pasted with "•" bullets, which Markdown joins into one paragraph, is a warning at its first joined line', async () => {
  const problems = bodyProblems('markdown/pasted-bullet');
  expect(await problems('Latvija atbalsta:\n  •\tpirmo pasākumu;\n  •\totro pasākumu.')).toEqual([
    [20, 3, 'This line of `body` starts with “•”, which Markdown does not read as a list item: it is joined to the line above, into one paragraph.'],
  ]);
  // A Markdown list, and a dash that goes on with a sentence, are not reported.
  expect(await problems('Latvija atbalsta:\n\n  - pirmo pasākumu;\n  - otro pasākumu.')).toEqual([]);
  expect(await problems('Latvija atbalsta reformu\n  – tā ir svarīga.')).toEqual([]);
  // Indented further than the line above, it is said at the bullet (a mutant that survived, mutation14).
  expect((await problems('Latvija atbalsta:\n      •\tpirmo pasākumu;\n      •\totro pasākumu.')).map(([line, column]) => [line, column])).toEqual([[20, 7]]);
  // Copied from a PDF, the bullet glued to its word: said too, with nothing else in the field to check.
  expect(await aloneProblems('markdown/pasted-bullet')('Latvija atbalsta:\n  •pirmo pasākumu;\n  •otro pasākumu.')).toEqual([
    [18, 3, 'This line of `body` starts with “•”, which Markdown does not read as a list item: it is joined to the line above, into one paragraph.'],
  ]);
  // A bullet glued to a number or a sign is no item: "•5" is no list.
  expect(await aloneProblems('markdown/pasted-bullet')('Latvija atbalsta:\n  ·5 gadi.')).toEqual([]);
});

test('a list pasted with its marks as text — dashes, Word’s “o”, lettered or Roman items — which Markdown joins into one paragraph, is a warning at its first joined line', async () => {
  const problems = bodyProblems('markdown/pasted-bullet');
  const joined = (mark: string) => `This line of \`body\` starts with “${mark}”, as a line below it does: Markdown does not read it as a list item, and joins the lines into one paragraph.`;
  expect(await problems('Latvija atbalsta:\n  – pirmo pasākumu;\n  – otro pasākumu.')).toEqual([[20, 3, joined('–')]]);
  expect(await problems('Latvija atbalsta:\n  o\tpirmo pasākumu;\n  o\totro pasākumu.')).toEqual([[20, 3, joined('o')]]);
  // The list's first item may open the paragraph: the line joined to it is said.
  expect(await problems('— pirmo pasākumu;\n  — otro pasākumu.')).toEqual([[20, 3, 'This line of `body` starts with “—”, as a line above it does: Markdown does not read it as a list item, and joins the lines into one paragraph.']]);
  const lettered = (mark: string, next: string) => `This line of \`body\` starts with “${mark}”, and a line below it with “${next}”: Markdown has no lettered lists, so it joins the lines into one paragraph.`;
  expect(await problems('Latvija atbalsta:\n  a) pirmo pasākumu,\n  kas turpinās;\n  b) otro pasākumu;\n  c) trešo.')).toEqual([[20, 3, lettered('a)', 'b)')]]);
  expect(await problems('Latvija atbalsta:\n  (i) pirmo pasākumu;\n  (ii) otro pasākumu.')).toEqual([[20, 3, lettered('(i)', '(ii)')]]);
  // "(v)" is a letter and a Roman number both: after "(iv)" it is the next Roman one.
  expect(await problems('Latvija atbalsta:\n  (iv) ceturto pasākumu;\n  (v) piekto pasākumu.')).toEqual([[20, 3, lettered('(iv)', '(v)')]]);
  expect(await problems('(i) pirmo pasākumu;\n  (ii) otro pasākumu.')).toEqual([[20, 3, 'This line of `body` starts with “(ii)”, after a line that starts with “(i)”: Markdown has no lettered lists, so it joins the lines into one paragraph.']]);
  // A Roman number of three letters, a list after a line that ends in ";", items that end in "," (mutants that survived, mutation14).
  expect(await problems('Latvija atbalsta:\n  (iii) trešo pasākumu;\n  (iv) ceturto pasākumu.')).toEqual([[20, 3, lettered('(iii)', '(iv)')]]);
  expect(await problems('Latvija atbalsta šo;\n  – pirmo pasākumu;\n  – otro pasākumu.')).toEqual([[20, 3, joined('–')]]);
  expect(await problems('Latvija atbalsta:\n  – pirmo pasākumu,\n  – otro pasākumu.')).toEqual([[20, 3, joined('–')]]);
  // Letters bracketed otherwise, or not one after the other, are no list.
  expect(await problems('Latvija atbalsta:\n  (a) pirmo pasākumu;\n  b) otro pasākumu.')).toEqual([]);
  expect(await problems('Latvija atbalsta:\n  a) pirmo pasākumu;\n  c) trešo pasākumu.')).toEqual([]);
  // One dash or one letter at a line's start goes on with a sentence (a reference wrapped before "a) apakšpunktu"); Markdown lists are lists.
  expect(await problems('Latvija atbalsta reformu\n  – tā ir svarīga, kā nosaka 5. panta\n  a) apakšpunkts un o zīme.')).toEqual([]);
  expect(await problems('Latvija atbalsta:\n\n  1) pirmo;\n  2) otro.')).toEqual([]);
  // Nor two dashes of a sentence, or a reference's letters, that wrapped to the start of lines (found by the read-only review).
  expect(await problems('Komisija publicēja paziņojumu (turpmāk – paziņojums)\n  – tā sauktā Eiropas izglītības telpa, kas\n  – saskaņā ar paziņojumu – jāizveido līdz 2025. gadam.')).toEqual([]);
  expect(await problems('Kā nosaka noteikumu Nr. 123 3. punkta\n  a) apakšpunktu un 4. punkta\n  b) apakšpunktu pašvaldības sniedz atbalstu.')).toEqual([]);
});

// A bullet's empty item was said as a number's, and an empty `2)` in a field with nothing else to parse for was not said at all (mutants that survived, mutation14).
test('a list item with nothing after its mark is a warning that says whether a bullet or a number is printed alone, in a field with no other reason to be parsed', async () => {
  const problems = bodyProblems('markdown/empty-item');
  expect(await problems('* pirmais;\n  *\n  * trešais.')).toEqual([[20, 3, 'The list item `*` in `body` is empty: the report prints its bullet with nothing after it.']]);
  expect(await aloneProblems('markdown/empty-item')('1) pirmais;\n  2)\n  3) trešais.')).toEqual([[18, 3, 'The list item `2)` in `body` is empty: the report prints its number with nothing after it.']]);
});

test('a word broken at a line’s end with a hyphen, as text copied from a PDF keeps it, is a warning once a field at the first, counting the rest: the report prints “izglī- tībai”', async () => {
  const problems = bodyProblems('markdown/split-word');
  expect(await problems('Latvija atbalsta vienlīdzīgu piekļuvi izglī-\n  tībai un iekļaujošai izglī-\n  tībai.')).toEqual([
    [19, 46, '`body` has a word broken at a line’s end, “izglī-” and “tībai” (and 1 more in this field): the report prints it “izglī- tībai”, with a space, as Markdown joins the lines of a paragraph so.'],
  ]);
  // A hyphen that leaves a word for later ("pirms- un pēcskolas"), a hyphen after a number or a capital, a dash, and code are not reported.
  expect(await problems('Atbalsts pirms-\n  un pēcskolas izglītībai, ES-\n  līmenī, 2021-\n  2027, teksts –\n  turpinās.\n\n  ```\n  a-\n  b\n  ```')).toEqual([]);
  // A word whose end starts as a conjunction does ("projek-" / "tos"), and a next line indented further, are broken words too (mutants that survived, mutation14).
  expect(await problems('Atbalsts projek-\n  tos ieviešanai.')).toEqual([
    [19, 18, '`body` has a word broken at a line’s end, “projek-” and “tos”: the report prints it “projek- tos”, with a space, as Markdown joins the lines of a paragraph so.'],
  ]);
  expect((await problems('Atbalsts izglī-\n    tībai.')).map(([line, column]) => [line, column])).toEqual([[19, 17]]);
});

test('a line of a paragraph that ends with two spaces, which Markdown takes for a line break, is a warning once a field at the first: the report breaks the line there', async () => {
  const problems = bodyProblems('markdown/hard-break');
  expect(await problems('Latvija atbalsta kopīgu  \n  pieeju un ES  \n  mērķus.')).toEqual([
    [19, 26, '`body` has a line that ends with 2 spaces, “atbalsta kopīgu”, before “pieeju un ES” (and 1 more in this field): Markdown takes them for a line break, so the report breaks the line there, inside the paragraph.'],
  ]);
  // A break written with a backslash is meant; spaces at a paragraph's end, or one space, break nothing.
  expect(await problems('Adrese: Vaļņu iela 2,\\\n  Rīga.  \n\n  Teksts ar vienu \n  atstarpi.')).toEqual([]);
});

test('a field whose letters are written decomposed (“a” and a combining macron, as macOS and PDFs paste them) is placed at the line and column of each problem, as a composed one is', async () => {
  const cases: [string, string, string][] = [
    ['markdown/pasted-bullet', 'Ārējā atbalsta:\n  – pirmo pasākumu;\n  – otro pasākumu.', '– pirmo'],
    ['markdown/list-number', '12. pantā pirmā daļa nosaka.\n\n  3. pārējais punkts nosaka citu.', '3. pārējais'],
    ['markdown/hard-break', 'Ārējā atbalsta kopīgu  \n  pieeju.', '  \n'],
  ];
  for (const [rule, lines, at] of cases) {
    const file = withBodyLine(lines.normalize('NFD'))[POSITION] ?? '';
    const offset = file.indexOf(at.normalize('NFD'));
    const line = file.slice(0, offset).split('\n').length;
    const column = offset - file.lastIndexOf('\n', offset - 1);
    const found = (await check({ cwd: exampleProject({ [POSITION]: file }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === rule);
    expect(found.map((d) => [d.ruleId, d.line, d.column])).toEqual([[rule, line, column]]);
  }
});

test('a line of a paragraph that Markdown reads as a heading — “# ” at its start, or a row of “-” or “=” under it — is a warning: the report prints a heading there', async () => {
  const problems = bodyProblems('markdown/heading-in-paragraph');
  expect(await problems('Latvija atbalsta\n  #ES2030 iniciatīvu un\n  # prioritāti.')).toEqual([
    [21, 3, 'This line of `body` starts with “# ”, which Markdown reads as a heading: the paragraph above ends there, and the report prints “prioritāti.” as a heading of its own.'],
  ]);
  expect(await problems('Ar cieņu,\n  Jānis Bērziņš\n  -----------')).toEqual([
    [21, 3, 'The line of `body` under “Ar cieņu, Jānis Bērziņš” is a row of “-”, which Markdown reads as underlining a heading: the report prints the text above it as a heading.'],
  ]);
  // A heading with a blank line above it is meant; a row of dashes after a blank line is a line across the page.
  expect(await problems('Latvija atbalsta.\n\n  ## Apakšvirsraksts\n\n  Teksts.\n\n  ---\n\n  Beigas.')).toEqual([]);
});

test('a hyphen between spaces, where Latvian writes a dash, is a warning once a field, at the first, counting the rest', async () => {
  const problems = bodyProblems('markdown/spaced-hyphen');
  expect(await problems('Eiropas Sociālā fonda (turpmāk - ESF) atbalsts - tas ir svarīgi; 2021 - 2027.')).toEqual([
    [19, 34, '`body` has a hyphen between spaces, “fonda (turpmāk - ESF) atbalsts” (and 2 more in this field): the report prints it as typed, where Latvian writes a dash.'],
  ]);
  // Two hyphens typed for a dash are printed as typed too ("--" was not reported).
  expect(await problems('Eiropas Sociālā fonda (turpmāk -- ESF) atbalsts.')).toEqual([
    [19, 34, '`body` has two hyphens between spaces, “fonda (turpmāk -- ESF) atbalsts.”: the report prints them as typed, where Latvian writes a dash.'],
  ]);
  // Beside bold, a link or code too: the text node there starts or ends at the hyphen's space, and the hyphen was not seen (mutation14).
  expect(await problems('Atbalsta **ES** - tas ir svarīgi; [COM(2021) 12](https://eur-lex.europa.eu/) - paziņojums; `a` - b; c - **d**.')).toEqual([
    [19, 19, '`body` has a hyphen between spaces, “Atbalsta **ES** - tas ir” (and 3 more in this field): the report prints it as typed, where Latvian writes a dash.'],
  ]);
  // The dash itself, a hyphen inside a word or a range, a list mark, and code are not reported.
  expect(await problems('Reforma – tā ir svarīga; sociāli ekonomiskais; 2021-2027; --help.\n\n  - punkts\n  - `a -- b` un\n\n  ```\n  x - y\n  ```')).toEqual([]);
});

test('an em dash, as English text and Word’s AutoCorrect write it, is a warning once a field in a Latvian text, at the first, counting the rest; code and English fields are not reported', async () => {
  const problems = bodyProblems('markdown/em-dash');
  expect(await problems('Viedoklis — tas ir svarīgs; periods 2021—2027.')).toEqual([
    [19, 13, '`body` has an em dash, “Viedoklis — tas ir” (and 1 more in this field): the report prints it as typed, where Latvian writes an en dash.'],
  ]);
  expect(await problems('Viedoklis – tas ir svarīgs; periods 2021–2027; `a — b`.')).toEqual([]);
  // At a line's end: the words before it (a mutant that survived, mutation14).
  expect(await problems('Viedoklis —\n  tas ir svarīgs.')).toEqual([[19, 13, '`body` has an em dash, “Viedoklis —”: the report prints it as typed, where Latvian writes an en dash.']]);
  const english = exampleFile(POSITION).replace(/\nclearance:/, '\nbody_en: |\n  The view — it matters.\n\nclearance:');
  expect((await check({ cwd: exampleProject({ [POSITION]: english }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/em-dash')).toEqual([]);
});

test('typewriter quotation marks in running text are a warning once a field, at the first, counting them; code and English fields are not reported', async () => {
  const problems = bodyProblems('markdown/straight-quote');
  expect(await problems('Projekts "Skola 2030" un "Tava klase" turpinās.')).toEqual([
    [19, 12, '`body` has typewriter quotation marks, `"Skola 2030"` (4 in this field): the report prints them as typed, beside its own “…”.'],
  ]);
  // Latvian quotation marks, an apostrophe, and code are not reported.
  expect(await problems('Projekts “Skola 2030” un „Tava klase“; O\'Brien; `a = "b"`.\n\n  ```\n  x = "y"\n  ```')).toEqual([]);
  // One mark with no pair: the words after it, and no count (mutants that survived, mutation14).
  expect(await problems('Projekts "Skola 2030 turpinās.')).toEqual([[19, 12, '`body` has typewriter quotation marks, `"Skola 2030 turpinās.`: the report prints them as typed, beside its own “…”.']]);
  // An English answer writes its own quotes.
  const english = exampleFile(POSITION).replace(/\nclearance:/, '\nbody_en: |\n  The "School 2030" project.\n\nclearance:');
  const found = (await check({ cwd: exampleProject({ [POSITION]: english }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/straight-quote');
  expect(english).toContain('body_en');
  expect(found).toEqual([]);
});

// A question folded over lines (`>-`) with a word a PDF broke printed "izglī- tībai" too: YAML joins its lines with a space (left by the pasted-text run).
test('a word broken at a line’s end in a question folded over lines is markdown/split-word too, said as YAML’s joining', async () => {
  const meeting = exampleFile(MEETING).replace('      Kā ES sadarbība ilgtermiņā', '      Kā ES sadar-\n      bība ilgtermiņā');
  const lines = meeting.split('\n');
  const line = lines.findIndex((one) => one.endsWith('sadar-')) + 1;
  const found = (await check({ cwd: exampleProject({ [MEETING]: meeting }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/split-word');
  expect(found.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
    [MEETING, line, (lines[line - 1] ?? '').indexOf('-') + 1, 'Question 3 has a word broken at a line’s end, “sadar-” and “bība”: the report prints it “sadar- bība”, with a space, as YAML joins the lines of a value so.'],
  ]);
  // A hyphen that leaves a word for later is no broken word.
  const later = exampleFile(MEETING).replace('      Kā ES sadarbība ilgtermiņā', '      Kā pirms-\n      un pēcskolas sadarbība ilgtermiņā');
  expect((await check({ cwd: exampleProject({ [MEETING]: later }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/split-word')).toEqual([]);
});

test('the meeting’s topic, names and questions, printed as typed, are checked for a hyphen between spaces and typewriter quotes too; their English is not', async () => {
  const meeting = exampleFile(MEETING)
    .replace('topic: Vienlīdzīga piekļuve izglītībai – iekļaujoša', 'topic_en: The "equity" topic\ntopic: Vienlīdzīga piekļuve izglītībai - "iekļaujoša"')
    .replace('      Kā ES sadarbība ilgtermiņā', '      Kā "ES sadarbība" ilgtermiņā');
  const lines = meeting.split('\n');
  const topicLine = lines.findIndex((line) => line.startsWith('topic:')) + 1;
  const questionLine = lines.findIndex((line) => line.includes('Kā "ES sadarbība"')) + 1;
  const found = (await check({ cwd: exampleProject({ [MEETING]: meeting }), paths: [], final: false })).diagnostics
    .filter((d) => d.ruleId === 'markdown/spaced-hyphen' || d.ruleId === 'markdown/straight-quote')
    .map((d) => [d.line, d.column, d.message]);
  expect(found).toEqual([
    [topicLine, 40, '`topic` has a hyphen between spaces, “piekļuve izglītībai - "iekļaujoša" un”: the report prints it as typed, where Latvian writes a dash.'],
    [topicLine, 42, '`topic` has typewriter quotation marks, `"iekļaujoša"` (2 in this field): the report prints them as typed, beside its own “…”.'],
    [questionLine, 10, 'Question 3 has typewriter quotation marks, `"ES sadarbība"` (2 in this field): the report prints them as typed, beside its own “…”.'],
  ]);
  // The English name neither (`topic_en` above is not among the fields looked at; the name is) (a mutant that survived, mutation14).
  const named = exampleFile(MEETING).replace('  english: informal videoconference of EU education ministers', '  english: informal videoconference - "Equity" - 2021-2027, 53.5%');
  expect((await check({ cwd: exampleProject({ [MEETING]: named }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId.startsWith('markdown/'))).toEqual([]);
});

test('two footnote marks side by side, printed as one raised number, are a warning once a field at the second mark; marks parted by a space or a comma are not', async () => {
  const problems = bodyProblems('markdown/adjacent-footnotes');
  const notes = '\n\n  [^a]: Pirmā.\n  [^b]: Otrā.\n  [^c]: Trešā.';
  expect(await problems(`Pamatnostādnes[^a][^b] un plāns[^c].${notes}`)).toEqual([
    [19, 21, '`body` has two footnote marks side by side, `[^a][^b]`: the report sets their numbers together, as one raised number (“²³” reads as note 23).'],
  ]);
  expect(await problems(`Pamatnostādnes[^a],[^b] un plāns [^c].${notes}`)).toEqual([]);
  // A pair inside emphasis is the first in the text, though the walk reaches it after a pair outside (a mutant that survived, mutation14).
  expect(await problems(`*Pamatnostādnes[^a][^b]* un plāns[^c][^d].${notes}\n  [^d]: Ceturtā.`)).toEqual([
    [19, 22, '`body` has two footnote marks side by side, `[^a][^b]` (and 1 more in this field): the report sets their numbers together, as one raised number (“²³” reads as note 23).'],
  ]);
});

test('a line starting with seven or more “#” is a warning: Markdown has six levels of headings, and the report prints the marks as text (templates run)', async () => {
  const problems = bodyProblems('markdown/heading-level');
  const message = 'This line of `body` starts with “#######”, 7 marks: Markdown has headings of six levels at most, so the report prints the line as text, the marks and all.';
  expect(await problems('Teksts.\n\n  ####### Apakšvirsraksts\n\n  Teksts.')).toEqual([[21, 3, message]]);
  // Within a paragraph, and in a list item, too; never in code, nor six marks, nor marks written as text.
  expect((await problems('Teksts\n  ######## astoņas\n\n  1) ####### punktā\n\n  #######\n  zem')).map(([line, column]) => [line, column])).toEqual([[20, 3], [22, 6], [24, 3]]);
  // A list item alone, with no other such line in the field (found by the read-only review).
  expect((await problems('- ####### Saraksta punkts')).map(([line, column]) => [line, column])).toEqual([[19, 5]]);
  expect(await problems('Teksts.\n\n  ###### Sestais līmenis\n\n  \\####### kā teksts, #######\n\n  ```\n  ####### kods\n  ```')).toEqual([]);
});

// A range of years typed with the keyboard's hyphen printed "2021-2027", where Latvian writes "2021–2027" (grammar run).
test('a hyphen between two years is a warning once a field in a Latvian text, at the first, counting the rest; a date, code and English fields are not reported', async () => {
  const problems = bodyProblems('markdown/range-hyphen');
  expect(await problems('Pamatnostādnes 2021-2027 un plāns 2021.-2027. gadam.')).toEqual([
    [19, 22, '`body` has a hyphen between two years, “2021-2027” (and 1 more in this field): the report prints it as typed, where Latvian writes a range with an en dash.'],
  ]);
  // The en dash; a date written YYYY-MM-DD; years the wrong way round or a number of three parts (a document's); code.
  expect(await problems('Periods 2021–2027, 2021.–2027. gadam; 2021-02-19; 2027-2021; Nr. 2021-2022-1; `2021-2027`.')).toEqual([]);
  // After a slash (a document's number), or one year twice (mutants that survived, mutation14).
  expect(await problems('Dokuments Nr. 12/2021-2022; 2021-2021.')).toEqual([]);
  const english = exampleFile(POSITION).replace(/\nclearance:/, '\nbody_en: |\n  The period 2021-2027.\n\nclearance:');
  expect((await check({ cwd: exampleProject({ [POSITION]: english }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/range-hyphen')).toEqual([]);
  // A meeting's topic, printed as typed, too.
  const meeting = exampleFile(MEETING).replace('topic: Vienlīdzīga piekļuve izglītībai', 'topic: Izglītība 2021-2030 un vienlīdzīga piekļuve izglītībai');
  const topic = (await check({ cwd: exampleProject({ [MEETING]: meeting }), paths: [MEETING], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/range-hyphen');
  expect(topic.map((d) => [d.message, d.hint])).toEqual([
    ['`topic` has a hyphen between two years, “2021-2030”: the report prints it as typed, where Latvian writes a range with an en dash.', 'Write an en dash without spaces: “2021–2030”.'],
  ]);
  // Read as the reader reads it, across emphasis (left by mutation14): placed at the hyphen in the file; a link, code or a note's mark between parts the years.
  expect(await problems('Plāns *2021*-2027 un **2022.**-**2028.** gadam.')).toEqual([
    [19, 15, '`body` has a hyphen between two years, “2021-2027” (and 1 more in this field): the report prints it as typed, where Latvian writes a range with an en dash.'],
  ]);
  expect(await problems('Plāns [2021](https://example.lv/a)-2027; `2021`-2027; 2021[^1]-2027.\n\n  [^1]: Avots.')).toEqual([]);
  // At the topic's very start too (a mutant that survived, mutation14).
  const opening = exampleFile(MEETING).replace('topic: Vienlīdzīga piekļuve izglītībai', 'topic: 2021-2030 vienlīdzīga piekļuve izglītībai');
  const first = (await check({ cwd: exampleProject({ [MEETING]: opening }), paths: [MEETING], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/range-hyphen');
  expect(first.map((d) => [d.column, d.message])).toEqual([[12, '`topic` has a hyphen between two years, “2021-2030”: the report prints it as typed, where Latvian writes a range with an en dash.']]);
});

// A per cent typed as English writes it printed "53,5%" or "53.5 %", where Latvian writes "53,5 %" (grammar run).
test('a per cent without a space before its sign, or with a decimal point, is a warning once a field in a Latvian text, at the first; code and English fields are not reported', async () => {
  const problems = bodyProblems('markdown/percent-form');
  expect(await problems('Piedalījās 53,5% pedagogu un 28 % ar augstām prasmēm; 5.3 % skolēnu.')).toEqual([
    [19, 14, '`body` writes a per cent with no space before the per cent sign, “53,5%” (and 1 more in this field): the report prints it as typed, where Latvian writes “53,5 %”.'],
  ]);
  expect(await problems('Nodrošināti 5.3 % skolēnu.')).toEqual([[19, 15, '`body` writes a per cent with a decimal point, “5.3 %”: the report prints it as typed, where Latvian writes “5,3 %”.']]);
  // A bold number with its sign after the bold (left by mutation14): placed at the number, the message gives it as the report prints it.
  expect(await problems('Piedalījās **53,5**% pedagogu.')).toEqual([[19, 16, '`body` writes a per cent with no space before the per cent sign, “53,5%”: the report prints it as typed, where Latvian writes “53,5 %”.']]);
  // With a no-break space, as Latvian writes it, a decimal point is still one (a mutant that survived, mutation14).
  expect(await problems('Nodrošināti 5.3\u00A0% skolēnu.')).toEqual([[19, 15, '`body` writes a per cent with a decimal point, “5.3\u00A0%”: the report prints it as typed, where Latvian writes “5,3 %”.']]);
  // The hint writes the number as Latvian does, and says what to change in it.
  const hinted = (await check({ cwd: exampleProject({ [POSITION]: exampleFile(POSITION).replace(/^body: \|\n/m, 'body: |\n  Nodrošināti 5.3% skolēnu.\n\n') }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/percent-form');
  expect(hinted.map((d) => d.hint)).toEqual(['Write “5,3 %”: a decimal comma, and a space before the per cent sign (the report keeps the number and its sign on one line).']);
  expect(await problems('Piedalījās 53,5 % pedagogu (80 %), 100 % skolu; `50%`; [saite](https://example.lv/a%20b); https://example.lv/50%20x.')).toEqual([]);
  const english = exampleFile(POSITION).replace(/\nclearance:/, '\nbody_en: |\n  Of teachers, 53.5% took part.\n\nclearance:');
  expect((await check({ cwd: exampleProject({ [POSITION]: english }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/percent-form')).toEqual([]);
  const meeting = exampleFile(MEETING).replace('topic: Vienlīdzīga piekļuve izglītībai', 'topic: 9% mērķis un vienlīdzīga piekļuve izglītībai');
  const topic = (await check({ cwd: exampleProject({ [MEETING]: meeting }), paths: [MEETING], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/percent-form');
  expect(topic.map((d) => [d.message, d.hint])).toEqual([
    ['`topic` writes a per cent with no space before the per cent sign, “9%”: the report prints it as typed, where Latvian writes “9 %”.', 'Write “9 %”: a space before the per cent sign (the report keeps the number and its sign on one line).'],
  ]);
});

// A number typed without its groups, "12400", printed so beside the model report's "11 352".
test('a number of five or more digits without its groups is a warning once a field in a Latvian text, at the first; its hint writes the number grouped', async () => {
  const problems = bodyProblems('markdown/digit-group');
  expect(await problems('Atbalstu saņēma 12400 personas, kopā 5000000 EUR.')).toEqual([
    [19, 19, '`body` writes a number of 5 digits without grouping them, “12400” (and 1 more in this field): the report prints it as typed, where Latvian groups the digits in threes with a space, “12 400”.'],
  ]);
  // Half of it bold is still one number.
  expect(await problems('Atbalstu saņēma **12**400 personas.')).toEqual([[19, 21, '`body` writes a number of 5 digits without grouping them, “12400”: the report prints it as typed, where Latvian groups the digits in threes with a space, “12 400”.']]);
  const hinted = (await check({ cwd: exampleProject({ [POSITION]: exampleFile(POSITION).replace(/^body: \|\n/m, 'body: |\n  Kopā 2500000,50 EUR.\n\n') }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/digit-group');
  expect(hinted.map((d) => d.hint)).toEqual(['Write “2 500 000” (the report keeps the groups on one line). A number that is an identifier rather than an amount (a registration or document number) can stay as it is: write “Nr.” before it.']);
  // Grouped, a year, a code or reference, a number after "Nr.", "tālr." or a calling code, a leading zero, code: left alone.
  expect(await problems('Kopā 12 400 personu 2021. gadā; dokuments 13587/21; LV-10500; 32021R0241; Nr. 12345; tālr. 67047800; +371 67047800; 012345; `12400`; 1.23456.')).toEqual([]);
  const english = exampleFile(POSITION).replace(/\nclearance:/, '\nbody_en: |\n  Some 12400 people.\n\nclearance:');
  expect((await check({ cwd: exampleProject({ [POSITION]: english }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/digit-group')).toEqual([]);
  const meeting = exampleFile(MEETING).replace('topic: Vienlīdzīga piekļuve izglītībai', 'topic: Vienlīdzīga piekļuve izglītībai 100000 skolēnu');
  const topic = (await check({ cwd: exampleProject({ [MEETING]: meeting }), paths: [MEETING], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/digit-group');
  expect(topic.map((d) => d.message)).toEqual(['`topic` writes a number of 6 digits without grouping them, “100000”: the report prints it as typed, where Latvian groups the digits in threes with a space, “100 000”.']);
});

// A time typed as a clock shows it, "plkst. 9:00", printed so beside the meeting's own "plkst. 10.00".
test('a time after "plkst." with a colon, a leading zero or no space is a warning once a field in a Latvian text, at the first; its hint writes the time as the report does', async () => {
  const problems = bodyProblems('markdown/time-form');
  expect(await problems('Sanāksme sāksies plkst. 9:00, pārtraukums plkst. 12.30, noslēgums plkst. 09.45.')).toEqual([
    [19, 20, '`body` writes a time as “plkst. 9:00” (and 1 more in this field): the report prints it as typed, where Latvian writes “plkst. 9.00”, as the report prints the meeting\'s own time.'],
  ]);
  expect(await problems('Sākums *plkst. 9:00*. Beigas plkst. *17:00*.')).toEqual([
    [19, 11, '`body` writes a time as “plkst. 9:00” (and 1 more in this field): the report prints it as typed, where Latvian writes “plkst. 9.00”, as the report prints the meeting\'s own time.'],
  ]);
  expect(await problems('Sākums Plkst.14.00.')).toEqual([[19, 10, '`body` writes a time as “Plkst.14.00”: the report prints it as typed, where Latvian writes “Plkst. 14.00”, as the report prints the meeting\'s own time.']]);
  const hinted = (await check({ cwd: exampleProject({ [POSITION]: exampleFile(POSITION).replace(/^body: \|\n/m, 'body: |\n  Sākums plkst. 08:30.\n\n') }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/time-form');
  expect(hinted.map((d) => d.hint)).toEqual(['Write “plkst. 8.30”: a space after “plkst.”, the hour without a leading zero, and a full stop before the minutes.']);
  // As the report writes it, in code, a time of three parts, a time without "plkst." and what is no time are left alone.
  expect(await problems('No plkst. 9.00 līdz plkst. 17.30; `plkst. 9:00`; plkst. 10:00:30; attiecība 3:10; plkst. 9:75.')).toEqual([]);
  const english = exampleFile(POSITION).replace(/\nclearance:/, '\nbody_en: |\n  It opens at plkst. 9:00.\n\nclearance:');
  expect((await check({ cwd: exampleProject({ [POSITION]: english }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/time-form')).toEqual([]);
  const meeting = exampleFile(MEETING).replace('topic: Vienlīdzīga piekļuve izglītībai', 'topic: Vienlīdzīga piekļuve izglītībai (sākums plkst. 09.00)');
  const topic = (await check({ cwd: exampleProject({ [MEETING]: meeting }), paths: [MEETING], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/time-form');
  expect(topic.map((d) => d.message)).toEqual(['`topic` writes a time as “plkst. 09.00”: the report prints it as typed, where Latvian writes “plkst. 9.00”, as the report prints the meeting\'s own time.']);
});
