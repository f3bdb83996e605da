import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { sha256 } from '../src/load/files.js';
import { gitBlobId } from '../src/load/files.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from './helpers/project.js';

const meeting = exampleFile(EXAMPLE_MEETING);

/** Builds the example meeting with a template of the test's own, returning the Markdown or the problems. */
async function renderWith(template: string, files: Record<string, string> = {}) {
  const dir = exampleProject({
    'templates/test.md.hbs': template,
    [EXAMPLE_MEETING]: meeting.replace('template: informative-report.lv', 'template: test'),
    ...files,
  });
  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
  const markdown = result.exitCode === 0 ? readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8') : undefined;
  return { markdown, diagnostics: result.diagnostics, exitCode: result.exitCode, dir };
}

describe('templates', () => {
  it('prints plain values literally: a topic with * or a leading # is not formatting', async () => {
    const { markdown } = await renderWith('{{meeting.topic}}\n', {
      [EXAMPLE_MEETING]: meeting
        .replace('template: informative-report.lv', 'template: test')
        .replace(/^topic: .*$/m, 'topic: "# Izglītība *visiem* un [saite](x)"'),
    });
    expect(markdown).toBe('\\# Izglītība \\*visiem\\* un \\[saite\\](x)\n');
  });

  it('inserts Markdown fields as Markdown on purpose', async () => {
    const { markdown } = await renderWith('{{{questions.0.position.body}}}\n');
    expect(markdown).toContain('\n1) pāreju uz kompetencēs balstītu mācību saturu un pieeju;\n');
    expect(markdown).toContain('**“Skola 2030”**');
  });

  it('warns where a Markdown field is printed with two braces, as plain text, and still writes the report (a warning is no reason to leave it out)', async () => {
    const template = '{{meeting.topic}}\n\n{{meeting.background}}\n\n{{#each questions}}\n{{{position.body}}}\n\n{{this.position.body}}\n{{/each}}\n';
    const { markdown, diagnostics, exitCode } = await renderWith(template);
    expect(exitCode).toBe(0);
    expect(markdown).toContain('Vienlīdzīga piekļuve izglītībai');
    const warned = diagnostics.filter((d) => d.ruleId === 'template/markdown-as-text');
    expect(warned.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`)).toEqual(['templates/test.md.hbs:3:1 warning', 'templates/test.md.hbs:8:1 warning']);
    expect(warned[0]?.message).toBe(
      '`{{meeting.background}}` prints a Markdown field as plain text: its paragraphs run together, and its emphasis, lists, footnotes and links show as the marks they are written with.',
    );
    expect(warned[1]?.hint).toBe('Write {{{this.position.body}}} (three braces) to print it as Markdown.');
  });

  it('warns where a plain text printed with three braces reads as Markdown for this meeting, at the mustache, and not where it prints as written (templates run)', async () => {
    const withTopic = (topic: string, question = 'Kādi ir nozīmīgākie ES') => ({
      [EXAMPLE_MEETING]: meeting.replace('template: informative-report.lv', 'template: test').replace(/^topic: .*$/m, `topic: "${topic}"`).replace('Kādi ir nozīmīgākie ES', question),
    });
    const template = 'Tēma: {{{meeting.topic}}}\n\n{{{lookup meeting "presidency"}}}\n\n{{#each questions}}\n{{{text}}}\n\n{{/each}}\n';
    const found = async (topic: string, question?: string) => {
      const { diagnostics, markdown } = await renderWith(template, withTopic(topic, question));
      return { markdown, warned: diagnostics.filter((d) => d.ruleId === 'template/text-as-markdown').map((d) => [d.file, d.line, d.column, d.severity, d.message, d.hint]) };
    };
    const formatted = await found('1. *Vienlīdzīga* __piekļuve__ izglītībai');
    expect(formatted.markdown).toContain('Tēma: 1. *Vienlīdzīga* __piekļuve__ izglītībai\n');
    expect(formatted.warned).toEqual([
      [
        'templates/test.md.hbs',
        1,
        7,
        'warning',
        '`{{{meeting.topic}}}` prints a plain text as Markdown, and for meetings/2021-02-19-educ-informal.yaml it reads as formatting: “1. *Vienlīdzīga* __piekļuve__ izglītībai” is not printed as written.',
        'Write {{meeting.topic}} (two braces), which prints a plain text as written, its marks and all; three braces are for the Markdown fields (background, outcome, body).',
      ],
    ]);
    // A question's text at the start of a line: `1.` makes it a list item.
    const listed = await found('Vienlīdzīga piekļuve', '1. Kādi ir nozīmīgākie ES');
    expect(listed.warned.map(([, line, column, , message]) => [line, column, message])).toEqual([
      [6, 1, '`{{{text}}}` prints a plain text as Markdown, and for meetings/2021-02-19-educ-informal.yaml it reads as formatting: “1. Kādi ir nozīmīgākie ES, valsts, reģio…” is not printed as written.'],
    ]);
    // Marks Markdown leaves as they are, and a `1.` within a line, say nothing.
    expect((await found('Izglītība 2 * 3 un 1. posms_a')).warned).toEqual([]);
    // A helper's text made of plain texts too; one given a Markdown field prints Markdown on purpose.
    const quoted = await renderWith('x {{{quote meeting.topic}}}\n\n{{{upperFirst questions.0.position.body}}}\n', withTopic('Izglītība *visiem*'));
    expect(quoted.diagnostics.filter((d) => d.ruleId === 'template/text-as-markdown').map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [
        1,
        3,
        '`{{{quote meeting.topic}}}` prints a plain text as Markdown, and for meetings/2021-02-19-educ-informal.yaml it reads as formatting: ““Izglītība *visiem*”” is not printed as written.',
        'Write {{quote meeting.topic}} (two braces), which prints a plain text as written, its marks and all; three braces are for the Markdown fields (background, outcome, body).',
      ],
    ]);
  });

  it('warns at a line of the template that starts with seven or more “#”, which Markdown prints as text, in a branch the meeting does not reach too (templates run)', async () => {
    const template = 'Teksts.\n\n####### Virsraksts\n\n{{#if meeting.place}}\n  ######## {{meeting.topic}}\n{{/if}}\n\n###### Sestais\n\nTeksts ####### vidū.\n\n{{!-- ####### komentārā --}}\n\n#######\nzem\n';
    const { diagnostics, markdown } = await renderWith(template);
    expect(markdown).toContain('\n####### Virsraksts\n');
    expect(diagnostics.filter((d) => d.ruleId === 'template/heading-level').map((d) => [d.file, d.line, d.column, d.severity, d.message, d.hint])).toEqual([
      [
        'templates/test.md.hbs',
        3,
        1,
        'warning',
        'This line of the template starts with “#######”, 7 marks: Markdown has headings of six levels at most, so the report prints the line as text, the marks and all.',
        'For a heading, write six marks at most (“###### Virsraksts”); if the marks are meant as text, write the first as `\\#`.',
      ],
      ['templates/test.md.hbs', 6, 3, 'warning', 'This line of the template starts with “########”, 8 marks: Markdown has headings of six levels at most, so the report prints the line as text, the marks and all.', 'For a heading, write six marks at most (“###### …”); if the marks are meant as text, write the first as `\\#`.'],
      ['templates/test.md.hbs', 15, 1, 'warning', 'This line of the template starts with “#######”, 7 marks: Markdown has headings of six levels at most, so the report prints the line as text, the marks and all.', 'For a heading, write six marks at most (“###### …”); if the marks are meant as text, write the first as `\\#`.'],
    ]);
  });

  it('warns at a line of the template that starts with “#” and a letter (`#Fons`), a heading without the space Markdown needs, which the report prints as text', async () => {
    const template = 'Teksts.\n\n#Fons\n\n{{#if meeting.place}}\n  ##Nostāja {{meeting.topic}}\n{{/if}}\n\n# Virsraksts\n\n#1 nav virsraksts\n\nTeksts #Fons vidū.\n';
    const { diagnostics, markdown } = await renderWith(template);
    expect(markdown).toContain('\n#Fons\n');
    expect(diagnostics.filter((d) => d.ruleId === 'template/heading-level').map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [3, 1, 'This line of the template starts with “#Fons”: Markdown reads a heading only where a space follows its marks, so the report prints the line as text, the marks and all.', 'For a heading, write a space after the marks (“# Fons”); if the mark is meant as text, write it as `\\#`.'],
      [6, 3, 'This line of the template starts with “##Nostāja”: Markdown reads a heading only where a space follows its marks, so the report prints the line as text, the marks and all.', 'For a heading, write a space after the marks (“## Nostāja”); if the mark is meant as text, write it as `\\#`.'],
    ]);
    // The template's first line is a line's start; a text right after a mustache is not.
    const first = await renderWith('#Fons {{meeting.topic}}\n\n{{meeting.formation}}#Sastāvs\n');
    expect(first.diagnostics.filter((d) => d.ruleId === 'template/heading-level').map((d) => [d.line, d.column, d.message.split(':')[0]])).toEqual([[1, 1, 'This line of the template starts with “#Fons”']]);
  });

  it('says nothing of a `#` and a letter in the front matter (a YAML comment), in a code fence or in indented code, which print no heading (found by the read-only review)', async () => {
    const template = '---\n#piezīme: mūsu veidne\nlayout:\n  font: Arial\n---\nTeksts.\n\n```\n#include x\n####### kods\n```\n\n    #indented kods\n\n#Fons\n';
    const { diagnostics } = await renderWith(template);
    expect(diagnostics.filter((d) => d.ruleId === 'template/heading-level').map((d) => [d.line, d.column, d.message.split(':')[0]])).toEqual([[15, 1, 'This line of the template starts with “#Fons”']]);
  });

  it('warns too where a Markdown field reaches two braces through lookup or a helper, at the mustache, with the three-brace form of what is written', async () => {
    const template = '{{#each questions}}\n{{lookup position "body"}}\n\n{{upperFirst position.body}}\n\n{{quote   (lookup this.position \'body\')}}\n\n{{{upperFirst position.body}}}\n\n{{quote position.id}} {{#if (eq position.body "x")}}x{{/if}}\n{{/each}}\n{{lowerFirst @root.meeting.background}}\n';
    const { diagnostics } = await renderWith(template);
    const warned = diagnostics.filter((d) => d.ruleId === 'template/markdown-as-text');
    expect(warned.map((d) => `${d.line}:${d.column} ${d.message.split(' prints')[0]} | ${d.hint}`)).toEqual([
      '2:1 `{{lookup position "body"}}` | Write {{{lookup position "body"}}} (three braces) to print it as Markdown.',
      '4:1 `{{upperFirst position.body}}` | Write {{{upperFirst position.body}}} (three braces) to print it as Markdown.',
      "6:1 `{{quote (lookup this.position 'body')}}` | Write {{{quote (lookup this.position 'body')}}} (three braces) to print it as Markdown.",
      '12:1 `{{lowerFirst @root.meeting.background}}` | Write {{{lowerFirst @root.meeting.background}}} (three braces) to print it as Markdown.',
    ]);
    expect(warned[0]?.message).toBe(
      '`{{lookup position "body"}}` prints a Markdown field as plain text: its paragraphs run together, and its emphasis, lists, footnotes and links show as the marks they are written with.',
    );
  });

  it('treats {{…}} inside a position as text, never as template code', async () => {
    const position = exampleFile('positions/educ/equity-reforms.yaml').replace(
      'Latvijas rīcību turpmākajos gados',
      'Latvijas {{meeting.topic}} {{#each questions}}X{{/each}} rīcību turpmākajos gados',
    );
    const { markdown } = await renderWith('{{{questions.1.position.body}}}\n', { 'positions/educ/equity-reforms.yaml': position });
    expect(markdown).toContain('Latvijas {{meeting.topic}} {{#each questions}}X{{/each}} rīcību');
  });

  it('reports a field the data does not have at the template’s line (strict)', async () => {
    const { diagnostics, exitCode } = await renderWith('Virsraksts\n\n{{meeting.titel}}\n');
    expect(exitCode).toBe(1);
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'templates/test.md.hbs', line: 3, ruleId: 'template/missing-field', message: expect.stringContaining('`titel`') }),
    ]);
  });

  it.each([
    ['{{#each question}}x{{/each}}', 'question', 9],
    ['{{#if meeting.tiem}}x{{/if}}', 'tiem', 7],
    ['{{#unless meeting.tiem}}x{{/unless}}', 'tiem', 11],
    ['{{#with meeting}}{{#if tiem}}x{{/if}}{{/with}}', 'tiem', 24],
    ['{{#if (eq meeting.kiind "formal")}}x{{/if}}', 'kiind', 11],
    ['{{#each questions}}{{#if position.bodyEnn}}x{{/if}}{{/each}}', 'bodyEnn', 26],
    ['{{{upperFirst meeting.tpic}}}', 'tpic', 15],
  ])('reports a misspelt field given to a helper or block, %s, as a missing field at its place', async (call, field, column) => {
    const { diagnostics, exitCode } = await renderWith(`Virsraksts\n\n${call}\n`);
    expect(exitCode).toBe(1);
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.message])).toEqual([
      ['templates/test.md.hbs', 3, column, 'template/missing-field', `The template uses \`${field}\`, which the data does not have.`],
    ]);
  });

  it('reports a misspelt field of a block parameter ({{#each questions as |q|}}…{{q.txt}}) as a missing field, not as an empty one that prints nothing', async () => {
    const { diagnostics, exitCode } = await renderWith('{{#each questions as |q i|}}\n{{q.number}}. {{q.txt}}\n{{/each}}\n');
    expect(exitCode).toBe(1);
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId, d.message])).toEqual([
      ['templates/test.md.hbs', 2, 17, 'template/missing-field', 'The template uses `txt`, which the data does not have.'],
    ]);
    const { markdown, exitCode: fine } = await renderWith('{{#each questions as |q i|}}\n{{i}} {{q.number}}. {{q.text}}{{#if q.position.bodyEn}} EN{{/if}}\n\n{{/each}}\n{{#with meeting as |m|}}{{m.presidency}}{{/with}}\n');
    expect(fine).toBe(0);
    expect(markdown).toContain('0 1. Kādi ir nozīmīgākie ES, valsts');
    expect(markdown).toContain('Portugāle');
  });

  it.each([
    ['{{date meeting.date "locative" until=meeting.end_date}}', 'end_date', 38, 'Did you mean `meeting.endDate`?'],
    ['{{meeting.name.short_locativ}}', 'short_locativ', 3, 'Did you mean `meeting.name.short_locative`?'],
    ['{{meeting.tiem}}', 'tiem', 3, 'Did you mean `meeting.time`?'],
    // Inside a block, among the fields of what it goes through.
    ['{{#each questions}}{{position.bodyEnn}}{{/each}}', 'bodyEnn', 22, 'Did you mean `position.bodyEn`?'],
    ['{{#each questions}}{{nuber}}{{/each}}', 'nuber', 22, 'Did you mean `number`?'],
    ['{{#each question}}x{{/each}}', 'question', 9, 'Did you mean `questions`?'],
    // A misspelt name before the last: it was "Cannot read properties of undefined (reading 'name')", with no line.
    ['{{meting.name.short_locative}}', 'meting', 3, 'Did you mean `meeting.name.short_locative`?'],
    ['{{#if meeting.nme.locative}}x{{/if}}', 'nme', 7, 'Did you mean `meeting.name.locative`?'],
    ['{{#each questions as |q|}}{{qq.number}}{{/each}}', 'qq', 29, 'Did you mean `q.number`?'],
    ['{{#each questions as |q|}}{{q.positon.id}}{{/each}}', 'positon', 29, 'Did you mean `q.position.id`?'],
    ['{{@root.meeting.topc}}', 'topc', 3, 'Did you mean `@root.meeting.topic`?'],
    ['{{#each questions}}{{@indx}}{{/each}}', 'indx', 22, 'Did you mean `@index`?'],
    ['{{frob.x.y}}', 'frob', 3, 'Check the spelling against the template data described in the README (`meeting`, `questions`, `clearance`, …).'],
  ])('names the field a misspelt one most likely meant, %s (a meeting file’s end_date is meeting.endDate)', async (call, field, column, hint) => {
    const { diagnostics } = await renderWith(`Virsraksts\n\n${call}\n`);
    expect(diagnostics.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([[3, column, `The template uses \`${field}\`, which the data does not have.`, hint]]);
  });

  it('an optional field the meeting leaves out is only false in a block, not an error', async () => {
    const withoutTime = meeting.replace('template: informative-report.lv', 'template: test').replace(/^time: .*\n/m, '').replace(/^visa:\n(  .*\n)+/m, '');
    expect(withoutTime).not.toMatch(/^(time|visa):/m);
    const { markdown, diagnostics } = await renderWith('{{#if meeting.time}}laiks{{else}}bez laika{{/if}}{{#unless meeting.visa}}, bez vīzas{{/unless}}\n', {
      [EXAMPLE_MEETING]: withoutTime,
    });
    expect(diagnostics).toEqual([]);
    expect(markdown).toBe('bez laika, bez vīzas\n');
  });

  it('a template and partials saved with Windows line ends (CRLF) give the same report as with LF', async () => {
    const crlf = (path: string) => exampleFile(path).replace(/\n/g, '\r\n');
    const template = crlf('templates/informative-report.lv.md.hbs');
    const { markdown, diagnostics, dir } = await renderWith(template, {
      'templates/partials/draft-banner.hbs': crlf('templates/partials/draft-banner.hbs'),
      'templates/partials/signature.hbs': crlf('templates/partials/signature.hbs'),
    });
    expect(diagnostics).toEqual([]);
    expect(markdown).not.toContain('\r');
    expect(markdown).toBe(exampleFile('test/fixtures/example/IZMzin_190221_EDUC.md'));
    // The manifest still records the file's own bytes, and the id of the LF text git may store instead, so `diff` finds that version in git.
    const manifest: unknown = JSON.parse(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      template: { files: expect.arrayContaining([{ path: 'templates/test.md.hbs', sha256: sha256(template), git_blob: gitBlobId(template), git_blob_lf: gitBlobId(template.replaceAll('\r\n', '\n')) }]) },
    });
  });

  it('a template and partials saved by Notepad as UTF-8 with a byte-order mark (and CRLF) give the same report, and no warning of an invisible character at 1:1', async () => {
    const notepad = (path: string) => `\uFEFF${exampleFile(path).replace(/\n/g, '\r\n')}`;
    const { markdown, diagnostics } = await renderWith(notepad('templates/informative-report.lv.md.hbs'), {
      'templates/partials/draft-banner.hbs': notepad('templates/partials/draft-banner.hbs'),
      'templates/partials/signature.hbs': notepad('templates/partials/signature.hbs'),
    });
    expect(diagnostics).toEqual([]);
    expect(markdown).toBe(exampleFile('test/fixtures/example/IZMzin_190221_EDUC.md'));
  });

  it('a project written in decomposed letters (NFD: "a" and a combining macron, as some Mac programs and PDFs paste them) gives the same report as in composed ones', async () => {
    const nfd = (path: string) => exampleFile(path).normalize('NFD');
    const paths = [
      'templates/partials/draft-banner.hbs',
      'templates/partials/signature.hbs',
      'positions/educ/equity-achievements.yaml',
      'positions/educ/equity-reforms.yaml',
      'positions/educ/equity-eu-cooperation.yaml',
      'briefing.config.yaml',
      'ministries.yaml',
    ];
    expect(paths.every((path) => nfd(path) !== exampleFile(path))).toBe(true);
    const { markdown, diagnostics } = await renderWith(nfd('templates/informative-report.lv.md.hbs'), {
      ...Object.fromEntries(paths.map((path) => [path, nfd(path)])),
      [EXAMPLE_MEETING]: meeting.replace('template: informative-report.lv', 'template: test').normalize('NFD'),
    });
    expect(diagnostics).toEqual([]);
    // Letter for letter the composed report: the abbreviation's first mention ("Eiropas Savienības (turpmāk – ES)") found too.
    expect(markdown).toBe(exampleFile('test/fixtures/example/IZMzin_190221_EDUC.md'));
  });

  it('reports a syntax error at its line', async () => {
    const { diagnostics } = await renderWith('a\n{{#if draft}}\nb\n');
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'templates/test.md.hbs', line: 2, column: 1, ruleId: 'template/syntax', message: 'Template syntax error: `{{#if}}` is never closed.' }),
    ]);
    const broken = await renderWith('a {{meeting.topic b\n');
    expect(broken.diagnostics).toEqual([expect.objectContaining({ line: 1, ruleId: 'template/syntax' })]);
  });

  it('says what was not expected, in a template author’s words, at its line and column', async () => {
    const stray = await renderWith('Virsraksts\n\nTeksts {{meeting.topic}} un {{ quote ( }} beigas.\n');
    expect(stray.diagnostics).toEqual([
      expect.objectContaining({ line: 3, column: 40, ruleId: 'template/syntax', message: 'Template syntax error: `}}` was not expected here.' }),
    ]);
    const single = await renderWith('a {{meeting.topic}\n');
    expect(single.diagnostics).toEqual([expect.objectContaining({ line: 1, column: 18, message: expect.stringContaining('a lone `}` or `{`') })]);
    const twice = await renderWith('{{#if draft}}\na\n{{else}}\nb\n{{else}}\nc\n{{/if}}\n');
    expect(twice.diagnostics).toEqual([expect.objectContaining({ line: 5, column: 1, message: 'Template syntax error: `{{else}}` was not expected here.' })]);
    // Handlebars' own token names (open_partial, equals, string) never reach the message.
    const unclosed = await renderWith('a {{meeting.topic\n{{> signature}}\n');
    expect(unclosed.diagnostics).toEqual([expect.objectContaining({ line: 1, column: 18, message: 'Template syntax error: a partial, `{{>` was not expected here.' })]);
    // A quote not closed: Handlebars read on to the next quote, lines below, and blamed that place.
    const quoted = await renderWith('Sanāksme {{date meeting.date "locative}} notiks.\n\n{{!-- "komentārs" --}}\nTēma: {{quote "tēma"}} un "citāts".\n');
    expect(quoted.diagnostics.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [1, 30, 'Template syntax error: the quoted text `"locative}}` is not closed before its `}}`.', 'End it with `"` before the `}}`, e.g. {{date meeting.date "locative"}}.'],
    ]);
    const triple = await renderWith('Atbilde: {{{lookup position "body}}}\n\nTeksts "x".\n');
    expect(triple.diagnostics.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [1, 29, 'Template syntax error: the quoted text `"body}}}` is not closed before its `}}}`.', 'End it with `"` before the `}}}`, e.g. {{{lookup position "body"}}}.'],
    ]);
    const singleQuote = await renderWith("a {{ministry 'IZM\n}} b 'c'\n");
    expect(singleQuote.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([[1, 14, "Template syntax error: the quoted text `'IZM` is not closed before its `}}`."]]);
    const option = await renderWith('Tēma: {{quote meeting.topic=}}\n');
    expect(option.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^Template syntax error: (`=` \(an option is written name=value, after the helper’s name\)|`}}`) was not expected here\.$/)]);
    for (const text of ['a {{meeting.topic\n{{> signature}}\n', 'Tēma: {{quote meeting.topic=}}\n', 'a {{quote "x" "y"=}}\n', 'a {{#if}}{{else if}}{{/if}}\n']) {
      const { diagnostics } = await renderWith(text);
      for (const d of diagnostics) expect(d.message).not.toMatch(/[a-z]+_[a-z]+|\b(equals|string|id|sep)\b was/);
    }
  });

  it('places an unclosed comment, and a {{#if}} without its value, at their line and column', async () => {
    const comment = await renderWith('a\nTeksts {{!-- piezīme\nb\n');
    expect(comment.diagnostics).toEqual([
      expect.objectContaining({ line: 2, column: 8, ruleId: 'template/syntax', message: expect.stringContaining('a `{{!--` comment never closed with `--}}`') }),
    ]);
    const bare = await renderWith('a\n\n  {{#if}}x{{/if}}\n');
    expect(bare.diagnostics).toEqual([expect.objectContaining({ line: 3, column: 3, ruleId: 'template/helper', message: '`{{#if}}` takes exactly one value, given 0.' })]);
    const two = await renderWith('{{#each questions meeting}}x{{/each}}\n');
    expect(two.diagnostics).toEqual([expect.objectContaining({ line: 1, column: 1, message: '`{{#each}}` takes exactly one value, given 2.' })]);
  });

  it('names a partial written with `\\` between its folders (as on Windows), with its `/` form, rather than a character Handlebars does not read', async () => {
    const { diagnostics } = await renderWith('a\n\nParaksts: {{> ministry\\signature}}\n');
    expect(diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message, d.hint])).toEqual([
      [
        3,
        11,
        'template/syntax',
        'Template syntax error: the partial `ministry\\signature` is named with `\\` between its folders, which Handlebars does not read in a name.',
        'Write `/` between the folders: `{{> ministry/signature}}`.',
      ],
    ]);
  });

  it('names a block closed by another name, at the closing tag', async () => {
    const { diagnostics } = await renderWith('a\n{{#each questions}}\nb\n{{/eachx}}\n');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 4,
        column: 1,
        ruleId: 'template/syntax',
        message: 'Template syntax error: `{{/eachx}}` closes the block `{{#each}}`; a block ends with its own name.',
        hint: 'Write `{{/each}}` here, or open the block as `{{#eachx}}`.',
      }),
    ]);
  });

  it('the built-in report leaves out the invitation to answer when the meeting has no questions yet (a sentence ending in a colon and nothing after it)', async () => {
    const noQuestions = meeting.replace(/^questions:\n(?: .*\n|\n)*/m, 'questions: []\n');
    expect(noQuestions).toContain('questions: []');
    const dir = exampleProject({ [EXAMPLE_MEETING]: noQuestions });
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('meeting/no-questions');
    const markdown = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    expect(markdown).not.toContain('aicināti atbildēt');
    expect(markdown).toContain('Vīza:');
    // The English note leaves out its heading of the questions too.
    const english = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'], template: 'informative-report.en', out: 'en' });
    expect(english.exitCode).toBe(0);
    expect(english.diagnostics.map((d) => d.ruleId)).not.toContain('meeting/abbreviation-not-introduced');
    const note = readFileSync(join(dir, 'en/IZMzin_190221_EDUC.informative-report.en.md'), 'utf8');
    expect(note).toContain('No questions yet.');
    expect(note).not.toContain('Questions to the ministers');
    // The draft's banners in the speaking points say so too, in Latvian and in English (the English points did not).
    for (const [template, sentence] of [['speaking-points.lv', 'Jautājumi vēl nav norādīti.'], ['speaking-points.en', 'No questions yet.']] as const) {
      await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'], template, out: 'points' });
      expect(readFileSync(join(dir, `points/IZMzin_190221_EDUC.${template}.md`), 'utf8'), template).toContain(`>\n> ${sentence}\n`);
    }
  });

  it('the built-in report keeps the capital of a ministry’s name that starts the visa role, and lower-cases a plain role', async () => {
    const visa = (role: string) => meeting.replace(/^visa:\n {2}role: .*$/m, `visa:\n  role: "${role}"`);
    expect(visa('X')).toMatch(/^visa:\n {2}role: "X"$/m);
    const read = async (role: string) => {
      const dir = exampleProject({ [EXAMPLE_MEETING]: visa(role) });
      expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] })).exitCode).toBe(0);
      return readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    };
    expect(await read('Izglītības un zinātnes ministrijas valsts sekretāre')).toContain('Vīza: Izglītības un zinātnes ministrijas valsts sekretāre\tL. Lejiņa');
    expect(await read('Valsts sekretāra vietniece')).toContain('Vīza: valsts sekretāra vietniece\tL. Lejiņa');
  });

  it('the built-in report invites to answer “šādu jautājumu” (singular) when the meeting has one question, “šādiem jautājumiem” when more', async () => {
    const one = meeting.replace(/^questions:\n(  - text: [\s\S]*?position: equity-achievements\n)[\s\S]*?(?=\n\S)/m, 'questions:\n$1');
    expect(one.match(/^ {4}position: /gm)).toHaveLength(1);
    const dir = exampleProject({ [EXAMPLE_MEETING]: one });
    expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] })).exitCode).toBe(0);
    const markdown = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    expect(markdown).toContain('ministri 2021. gada 19.\u00A0februāra sanāksmē aicināti atbildēt uz šādu jautājumu:\n');
    const three = exampleProject();
    await build({ cwd: three, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(readFileSync(join(three, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('aicināti atbildēt uz šādiem jautājumiem:\n');
  });

  it('a helper given what it does not take is said with a hint, as every error is (a fuzzer found these with the parser’s words alone)', async () => {
    const { diagnostics } = await renderWith('{{date meeting.date "genitiv"}}\n\n{{ministries 5}}\n');
    expect(diagnostics.map((d) => [d.line, d.ruleId, d.message, d.hint])).toEqual([
      [1, 'template/helper', 'The helper `date` takes one of nominative, genitive, locative, got genitiv.', 'Did you mean "genitive"? Write the choice in quotes: {{date … "genitive"}}.'],
    ]);
    const second = await renderWith('{{ministries 5}}\n');
    expect(second.diagnostics.map((d) => [d.line, d.ruleId, d.hint])).toEqual([[1, 'template/helper', 'The README lists each helper and what it takes (“Helpers”).']]);
  });

  it('refuses {{#each}} over a text at its line (it went through nothing and printed nothing)', async () => {
    const { diagnostics, exitCode } = await renderWith('x\n\n{{#each meeting.formation}}- {{this}}\n{{/each}}\n');
    expect(exitCode).toBe(1);
    expect(diagnostics.map((d) => [d.line, d.ruleId, d.message])).toEqual([[3, 'template/helper', '{{#each}} goes through a list (or a mapping), and was given the text “EYCS”.']]);
    // A list and a mapping still go through.
    expect((await renderWith('{{#each questions}}{{@index}}{{/each}} {{#each meeting.name}}{{@key}} {{/each}}\n')).markdown).toMatch(/^012 nominative /);
    // A switch of the data (`draft`), true or false, is no list either.
    const yesNo = await renderWith('x\n{{#each draft}}- {{this}}\n{{/each}}\n');
    expect(yesNo.diagnostics.map((d) => [d.line, d.ruleId, d.message])).toEqual([[2, 'template/helper', '{{#each}} goes through a list (or a mapping), and was given the boolean false.']]);
    // A long text is quoted by its first 40 characters.
    const long = await renderWith('x\n{{#each meeting.topic}}- {{this}}\n{{/each}}\n');
    expect(long.diagnostics.map((d) => d.message)).toEqual(['{{#each}} goes through a list (or a mapping), and was given the text “Vienlīdzīga piekļuve izglītībai – iekļau…”.']);
  });

  it('refuses a helper that gives a value written as a block, which printed the value and dropped the block’s text', async () => {
    const { diagnostics, markdown } = await renderWith('x\n\n{{#eq meeting.kind "informal"}}Neformāla.{{else}}Formāla.{{/eq}}\nTēma: {{#quote meeting.topic}}pazūd{{/quote}}\n');
    expect(markdown).toBeUndefined();
    expect(diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message, d.hint])).toEqual([
      [3, 1, 'template/helper', '`eq` gives a value and is no block: `{{#eq}}` prints that value and drops the text inside the block.', 'Write {{#if (eq …)}}…{{/if}} to choose text by it.'],
      [4, 7, 'template/helper', '`quote` gives a value and is no block: `{{#quote}}` prints that value and drops the text inside the block.', 'Write {{quote …}}, without `#` and `{{/quote}}`.'],
    ]);
    // As the hint says, and Handlebars' own blocks, are fine.
    const fixed = await renderWith('x\n\n{{#if (eq meeting.kind "informal")}}Neformāla.{{else}}Formāla.{{/if}} {{#with meeting}}{{topic}}{{/with}}\n');
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.markdown).toContain('Neformāla. Vienlīdzīga piekļuve');
  });

  it('says a field of an optional part the meeting leaves out is not there, rather than asking to check the spelling', async () => {
    const unsigned = meeting.replace('template: informative-report.lv', 'template: test').replace(/^signature:\n(?: {2}.*\n)+/m, '');
    expect(unsigned).not.toMatch(/^signature:/m);
    const { diagnostics } = await renderWith('Paraksts: {{meeting.signature.role}}\n', { [EXAMPLE_MEETING]: unsigned });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.ruleId, d.message, d.hint])).toEqual([
      [1, 'template/missing-field', '`meeting.signature.role`: this meeting has no `meeting.signature` (it may be left out), so `role` cannot be printed.', 'Print it only when it is there: {{#if meeting.signature}}…{{/if}}; or give the data its `signature`.'],
    ]);
    // A misspelt field is still a misspelt field.
    const typo = await renderWith('Paraksts: {{meeting.signature.rol}}\n');
    expect(typo.diagnostics.map((d) => d.message)).toEqual(['The template uses `rol`, which the data does not have.']);
  });

  it('gives a ministry the abbreviation of the meeting’s day: a renaming that brings a new one has it from its day, else the one before stays', async () => {
    const renamed = (from: string, abbreviation: string) =>
      exampleFile('ministries.yaml').replace(
        '  abbreviation: LM\n',
        `  abbreviation: LM\n  renamed:\n    - from: ${from}\n      nominative: Sociālās drošības ministrija\n      genitive: Sociālās drošības ministrijas\n      accusative: Sociālās drošības ministriju\n      english: Ministry of Social Security\n${abbreviation}`,
      );
    const template = 'x\n\n{{registry.LM.abbreviation}}: {{ministry registry.LM}}\n';
    const after = await renderWith(template, { 'ministries.yaml': renamed('2021-01-01', '      abbreviation: SDM\n') });
    expect(after.markdown).toContain('\n\nSDM: Sociālās drošības ministrija\n');
    const before = await renderWith(template, { 'ministries.yaml': renamed('2021-03-01', '      abbreviation: SDM\n') });
    expect(before.markdown).toContain('\n\nLM: Labklājības ministrija\n');
    const kept = await renderWith(template, { 'ministries.yaml': renamed('2021-01-01', '') });
    expect(kept.markdown).toContain('\n\nLM: Sociālās drošības ministrija\n');
  });

  it('names no ministry of the registry that did not exist yet on the meeting’s date: registry.KEM in a 2021 report is an error at its line, {{#if registry.KEM}} passes over it (it printed “Klimata un enerģētikas ministrija”, established in 2023)', async () => {
    const named = await renderWith('x\n\nPar enerģētiku atbild {{ministry registry.KEM}}.\n');
    expect(named.markdown).toBeUndefined();
    expect(named.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.ruleId, d.message])).toEqual([
      [
        3,
        'template/helper',
        'The helper `ministry` got an empty value, not a ministry: KEM is empty in `registry` for a meeting on 2021-02-19, established after it (`established` in the ministries registry). Print such a ministry only when it is there, {{#if registry.KEM}}…{{/if}}, or name the ministry of the time.',
      ],
    ]);
    // Its fields looked up by path say the same, not that the data should be given a KEM.
    const field = await renderWith('x\n\nPar enerģētiku atbild {{registry.KEM.nominative}}.\n');
    expect(field.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.ruleId, d.message, d.hint])).toEqual([
      [
        3,
        'template/missing-field',
        '`registry.KEM.nominative`: KEM is empty in `registry` for this meeting, established after its date (`established` in the ministries registry), so `nominative` cannot be printed.',
        'Print it only when it is there, {{#if registry.KEM}}…{{/if}}, or name the ministry of the time.',
      ],
    ]);
    const guarded = '{{#if registry.KEM}}{{ministry registry.KEM}}{{else}}{{ministry registry.EM}}{{/if}} ({{#each registry}}{{@key}} {{/each}})\n';
    expect((await renderWith(guarded)).markdown).toMatch(/^Ekonomikas ministrija \(.*KEM .*\)\n$/);
    // From its first day on, it is there, as the other ministries are.
    const later = meeting.replace('template: informative-report.lv', 'template: test').replace(/^date: 2021-02-19$/m, 'date: 2023-01-01');
    expect((await renderWith(guarded, { [EXAMPLE_MEETING]: later })).markdown).toMatch(/^Klimata un enerģētikas ministrija \(.*KEM .*\)\n$/);
  });

  it('reports a helper used wrongly at its line', async () => {
    const { diagnostics } = await renderWith('x\n\n{{date meeting.date "dative"}}\n');
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 3, ruleId: 'template/helper', message: expect.stringContaining('nominative, genitive, locative') }),
    ]);
  });

  it('names a field called like a helper, a text asked for its length, and a mapping or list printed as text, each at its line (they gave JavaScript’s words and no place)', async () => {
    const called = await renderWith('x\n\n{{meeting.date "genitive"}}\n');
    expect(called.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message])).toEqual([
      [3, 1, 'template/unknown-helper', '`meeting.date` is a field of the data, not a helper: it takes no arguments.'],
    ]);
    const inner = await renderWith('{{date meeting.date (meeting.topic)}}\n');
    expect(inner.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([[1, 21, '`meeting.topic` is a field of the data, not a helper: it takes no arguments.']]);
    const length = await renderWith('x\n\n{{#each questions}}\n{{#if text.length}}{{text}}{{/if}}\n{{/each}}\n');
    expect(length.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message, d.hint])).toEqual([
      [4, 7, 'template/missing-field', '`text.length`: `text` is a text, which has no field `length`.', 'To test whether it is empty, use it alone: {{#if text}} is false for an empty text.'],
    ]);
    // The place is the lookup that failed, not the first like it in the text: one inside a branch this meeting does not reach named the wrong line (templates review).
    const branch = await renderWith('{{#if meeting.place}}\nVieta: {{meeting.topic.length}}\n{{/if}}\n\nGarums: {{meeting.topic.length}}\n\n{{#each questions}}{{#if @first}}{{text.length}}{{/if}}{{/each}}\n');
    expect(branch.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message])).toEqual([[5, 11, 'template/missing-field', '`meeting.topic.length`: `meeting.topic` is a text, which has no field `length`.']]);
    const item = await renderWith('{{#each questions}}{{#if @last}}{{text.length}}{{/if}}{{/each}}\n\n{{#each questions}}\n{{text.length}}{{/each}}\n');
    expect(item.diagnostics.map((d) => [d.line, d.column])).toEqual([[1, 35]]);
    const mapping = await renderWith('x\n\n  {{meeting.name}}\n');
    expect(mapping.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [3, 3, '`meeting.name` is a mapping, which cannot be printed as text: print one of its fields (`meeting.name.nominative`, `meeting.name.genitive`, `meeting.name.locative`, `meeting.name.short_locative`).'],
    ]);
    const list = await renderWith('x {{questions}}\n');
    expect(list.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([[1, 3, '`questions` is a list, which cannot be printed as text: go through it with {{#each questions}}.']]);
    // Given to a helper that needs text, they say so too, in the same words.
    const quoted = async (template: string) => (await renderWith(template)).diagnostics.map((d) => [d.line, d.message]);
    expect(await quoted('x {{quote meeting.name}}\n')).toEqual([[1, 'The helper `quote` needs text, got a mapping: give it one of its fields (nominative, genitive, locative, short_locative, english).']]);
    expect(await quoted('x {{quote questions}}\n')).toEqual([[1, 'The helper `quote` needs text, got a list: go through it with {{#each}} and give the helper a field of each item.']]);
    // A list's length is there: the built-in draft banner tests it.
    expect((await renderWith('{{#if questions.length}}jautājumi{{/if}}\n')).markdown).toBe('jautājumi\n');
  });

  it('refuses a template with no text, or one that renders nothing for the meeting: no blank report is written', async () => {
    for (const template of ['', '\n\n', '{{!-- vēl jāuzraksta --}}\n']) {
      const { diagnostics, exitCode } = await renderWith(template);
      expect(exitCode).toBe(1);
      expect(diagnostics.map((d) => [d.file, d.line, d.ruleId, d.message])).toEqual([['templates/test.md.hbs', 1, 'template/empty', 'The template has no text: every report made with it would be empty.']]);
    }
    const nothing = await renderWith('{{#unless meeting}}Nav sanāksmes.{{/unless}}\n');
    expect(nothing.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['template/empty', 'The template renders nothing for this meeting: its report would be empty.']]);
  });

  it('refuses, before parsing, blocks nested deeper than 100 or more than 5,000 expressions (parsing ran out of stack, compiling out of memory)', async () => {
    const deep = await renderWith(`${'{{#if meeting}}'.repeat(3000)}x${'{{/if}}'.repeat(3000)}\n`);
    expect(deep.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message])).toEqual([[1, 1501, 'template/too-complex', 'The template nests {{#…}} blocks more than 100 deep.']]);
    const flat = await renderWith(`${'{{#if meeting}}x{{/if}}\n'.repeat(100)}`);
    expect(flat.exitCode).toBe(0);
    const big = await renderWith(`${'Teksts {{meeting.formation}}.\n'.repeat(5001)}`);
    expect(big.diagnostics.map((d) => [d.line, d.ruleId, d.message])).toEqual([[5001, 'template/too-complex', 'The template holds more than 5000 {{…}} expressions, more than briefing compiles.']]);
    // Said once, not with a problem of each of its expressions besides (a misspelt helper on every line).
    const misspelt = await renderWith(`${'Teksts {{ministires meeting.formation}}.\n'.repeat(5001)}`);
    expect(misspelt.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[5001, 'template/too-complex']]);
  });

  it('refuses an option a helper does not take, and a misspelt field given to a partial (both were ignored without a word)', async () => {
    const option = await renderWith('x\n\n{{date meeting.date "locative" yaer="none"}}\n');
    expect(option.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message, d.hint])).toEqual([[3, 32, 'template/helper', 'The helper `date` has no option `yaer=`.', 'Did you mean year=? It takes year=, until=, at=.']]);
    const none = await renderWith('{{quote meeting.topic style="low-high"}}\n');
    expect(none.diagnostics.map((d) => [d.ruleId, d.message, d.hint])).toEqual([['template/helper', 'The helper `quote` has no option `style=`.', 'It takes no options.']]);
    const partial = await renderWith('x\n\n{{> signature role=meeting.topik}}\n');
    expect(partial.diagnostics.map((d) => [d.line, d.ruleId, d.message])).toEqual([[3, 'template/missing-field', 'The template uses `topik`, which the data does not have.']]);
    expect((await renderWith('Sanāksme {{date meeting.date "locative" year="none"}}\n')).markdown).toBe('Sanāksme 19.\u00A0februārī\n');
    // Each helper that takes options, with those it takes: until= for the numeric dates, until= and at= for the English, quote= for join.
    const takers: [helper: string, argument: string, takes: string][] = [['dateNumeric', 'meeting.date', 'until='], ['dateEn', 'meeting.date', 'until=, at='], ['join', 'meeting.questions', 'quote=']];
    for (const [helper, argument, takes] of takers) {
      const call = `${helper} ${argument}`;
      const wrong = await renderWith(`{{${call} yaer="none"}}\n`);
      expect(wrong.diagnostics.map((d) => [d.ruleId, d.message, d.hint]), helper).toEqual([['template/helper', `The helper \`${helper}\` has no option \`yaer=\`.`, `It takes ${takes}.`]]);
    }
  });

  it('refuses every call of a helper with too few or too many arguments before rendering, each at its place (only the first was found, by rendering)', async () => {
    const result = await renderWith('x\n\n{{date meeting.date "locative" "x"}} {{quote}}\n{{#with meeting}}{{time}}{{/with}} {{#if (eq meeting.kind)}}y{{/if}}\n');
    expect(result.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message, d.hint])).toEqual([
      [3, 1, 'template/helper', 'The helper `date` takes 1 or 2 arguments, got 3.', 'Write it as {{date meeting.date "locative"}}.'],
      [3, 38, 'template/helper', 'The helper `quote` takes 1 or 2 arguments, got 0: `{{quote}}` calls the helper, not a field of that name.', 'Write it as {{quote meeting.topic}}. For the field `quote` of the value around it (in {{#with}} or {{#each}}), write {{this.quote}}.'],
      [4, 18, 'template/helper', 'The helper `time` takes one argument, got 0: `{{time}}` calls the helper, not a field of that name.', 'Write it as {{time meeting.time}}. For the field `time` of the value around it (in {{#with}} or {{#each}}), write {{this.time}}.'],
      [4, 42, 'template/helper', 'The helper `eq` takes 2 arguments, got 1.', 'Write it as {{#if (eq meeting.kind "informal")}}.'],
    ]);
    const sub = await renderWith('{{#with meeting}}{{#if (time)}}x{{/if}}{{/with}}\n');
    expect(sub.diagnostics.map((d) => [d.message, d.hint])).toEqual([
      ['The helper `time` takes one argument, got 0: `(time)` calls the helper, not a field of that name.', 'Write it as {{time meeting.time}}. For the field `time` of the value around it (in {{#with}} or {{#each}}), write (this.time).'],
    ]);
    const fixed = await renderWith('{{#with meeting}}Sākums {{time this.time}}, {{this.time}}{{/with}}\n');
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.markdown).toBe('Sākums plkst.\u00A010.00, 10.00\n');
  });

  it('takes a block parameter named like a helper ({{#with meeting.date as |date|}}{{date}}) as the parameter, as Handlebars does, not as a call without arguments', async () => {
    const result = await renderWith('{{#with meeting.date as |date|}}Diena: {{date}}, {{quote date}}{{/with}}\n{{#each questions as |time|}}{{time.number}}{{/each}} {{time meeting.time}}\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.markdown).toBe('Diena: 2021-02-19, “2021-02-19”\n123 plkst.\u00A010.00\n');
    // Outside the block the name is the helper again.
    const outside = await renderWith('{{#with meeting.date as |date|}}{{date}}{{/with}} {{date}}\n');
    expect(outside.diagnostics.map((d) => [d.line, d.column, d.ruleId])).toEqual([[1, 51, 'template/helper']]);
  });

  it('takes a partial the template defines itself ({{#*inline}}); one it does not define is still missing', async () => {
    const inline = await renderWith('{{#*inline "galva"}}Sanāksme: {{meeting.topic}}{{/inline}}\n{{> galva}}\n');
    expect(inline.diagnostics).toEqual([]);
    expect(inline.markdown).toBe('Sanāksme: Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība\n');
    const missing = await renderWith('{{#*inline "galva"}}x{{/inline}}\n{{> kaja}}\n');
    expect(missing.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[2, 'template/missing-partial']]);
    // Only {{#*inline}} defines one: another name after `*` is no partial of the template's.
    const other = await renderWith('Teksts\n{{#*paraksts "sig"}}x{{/paraksts}}\n{{> sig}}\n');
    expect(other.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message])).toEqual([[3, 1, 'template/missing-partial', 'The partial `sig` does not exist.']]);
  });

  it('a decorator other than {{#*inline}} is said at its place, as no helper (it failed the render with Handlebars\' "Missing decorator" and no line: mutation18)', async () => {
    const alone = await renderWith('Teksts\n\n{{#*paraksts "sig"}}x{{/paraksts}}\n');
    expect(alone.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message, d.hint])).toEqual([
      [3, 1, 'template/unknown-helper', 'The template opens `{{#*paraksts}}`, a decorator Handlebars does not have: `{{#*inline "name"}}` is the only one, which defines a partial.', 'To define a partial, write `{{#*inline "sig"}}…{{/inline}}`; a block of a helper opens with `#` alone, `{{#if …}}`.'],
    ]);
  });

  it('holds @root paths to the model as strictly as plain ones (a misspelling printed nothing)', async () => {
    const valid = await renderWith('{{#each questions}}{{inc @index}}) {{@root.meeting.topic}}\n{{/each}}');
    expect(valid.diagnostics).toEqual([]);
    expect(valid.markdown?.split('\n')[0]).toBe('1) Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība');
    for (const [template, field] of [
      ['Tēma: {{@root.meeting.tpoic}}\n', 'tpoic'],
      ['{{#each questions}}{{#if @root.meeting.tiem}}x{{/if}}{{/each}}\n', 'tiem'],
    ] as const) {
      const { diagnostics } = await renderWith(template);
      expect(diagnostics, template).toEqual([expect.objectContaining({ line: 1, ruleId: 'template/missing-field', message: `The template uses \`${field}\`, which the data does not have.` })]);
    }
  });

  it('refuses text that is no date, no time or no list of ministries in the helpers that need one, at its line (it printed NaN, nothing, or blamed nested partials)', async () => {
    const cases: [string, string][] = [
      ['{{date meeting.topic "genitive"}}', 'The helper `date` needs a date written YYYY-MM-DD (such as meeting.date), got `Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība`.'],
      ['{{dateNumeric "2021-13-45"}}', 'The helper `dateNumeric` got `2021-13-45`, which is not a real calendar date.'],
      ['{{date "2021-02-30" "locative"}}', 'The helper `date` got `2021-02-30`, which is not a real calendar date.'],
      ['{{dateEn "x"}}', 'The helper `dateEn` needs a date written YYYY-MM-DD (such as meeting.date), got `x`.'],
      ['{{time "25.99"}}', 'The helper `time` needs a time written HH.MM (such as meeting.time), got `25.99`.'],
      ['{{ministries meeting.topic "accusative"}}', 'The helper `ministries` needs a list of ministries (such as clearance.cleared).'],
    ];
    for (const [call, message] of cases) {
      const { diagnostics } = await renderWith(`x\n\n${call}\n`);
      expect(diagnostics, call).toEqual([expect.objectContaining({ line: 3, column: 1, ruleId: 'template/helper', message })]);
    }
    expect((await renderWith('{{time meeting.time}}, sanāksme {{date meeting.date "genitive"}}\n')).markdown).toBe('plkst.\u00A010.00, sanāksme 2021. gada 19.\u00A0februāra\n');
  });

  it('gives a partial the data of the place it is included at: @root, and @index inside a block', async () => {
    const partials = { 'templates/partials/item.hbs': '{{@index}}: {{position.id}} ({{@root.meeting.presidency}})' };
    const { markdown, diagnostics } = await renderWith('{{#each questions}}\n{{> item}}\n\n{{/each}}\n', partials);
    expect(diagnostics).toEqual([]);
    expect(markdown?.split('\n').filter(Boolean)).toEqual(['0: equity-achievements (Portugāle)', '1: equity-reforms (Portugāle)', '2: equity-eu-cooperation (Portugāle)']);
  });

  it('resolves partials only from the template’s own partials folder', async () => {
    const ok = await renderWith('{{> note}}\n', { 'templates/partials/note.hbs': 'Piezīme: {{meeting.presidency}}' });
    expect(ok.markdown).toBe('Piezīme: Portugāle\n');
    const escaping = await renderWith('{{> ../../briefing.config}}\n');
    expect(escaping.diagnostics).toEqual([expect.objectContaining({ ruleId: 'template/partial-outside-folder' })]);
    // A path from a Windows drive, not a partial that happens to be missing.
    const drive = await renderWith('Teksts\n{{> "C:/veidnes/note"}}\n');
    expect(drive.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message])).toEqual([[2, 1, 'template/partial-outside-folder', 'The partial `C:/veidnes/note` is written as a path; partials are only taken from the partials/ folder.']]);
  });

  it('takes a partial named by an expression of a field ({{> (lookup meeting "formation")}}) from the partials folder, though no template names it (every render failed: `Unexpected token \',\'`, with no line)', async () => {
    const { markdown, diagnostics } = await renderWith('Sastāvs: {{> (lookup meeting "formation")}}\n', { 'templates/partials/EYCS.hbs': 'izglītība, jaunatne, kultūra un sports' });
    expect(diagnostics).toEqual([]);
    expect(markdown).toBe('Sastāvs: izglītība, jaunatne, kultūra un sports\n');
    // Named so, and missing: said at the expression, which Handlebars gives no place for (left by mutation18).
    const missing = await renderWith('# Virsraksts\n\nSastāvs: {{> (lookup meeting "formation")}}\n');
    expect(missing.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message])).toEqual([[3, 10, 'template/missing-partial', 'The partial `EYCS`, named by the expression here, does not exist.']]);
  });

  it('names a partial in a folder under partials/ by its path there (it was said not to exist)', async () => {
    const nested = await renderWith('{{> ministry/note}} {{> "ministry/note"}}\n', { 'templates/partials/ministry/note.hbs': 'Piezīme: {{meeting.presidency}}' });
    expect(nested.diagnostics).toEqual([]);
    expect(nested.markdown).toBe('Piezīme: Portugāle Piezīme: Portugāle\n');
    const missing = await renderWith('{{> note}}\n', { 'templates/partials/ministry/note.hbs': 'x' });
    expect(missing.diagnostics.map((d) => [d.ruleId, d.message, d.hint])).toEqual([['template/missing-partial', 'The partial `note` does not exist.', 'Partials: draft-banner, english-draft-banner, english-meeting-name, ministry/note, signature.']]);
  });

  it('names the templates that exist when the meeting asks for one that does not', async () => {
    const dir = exampleProject({ [EXAMPLE_MEETING]: meeting.replace('template: informative-report.lv', 'template: report.lv') });
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ file: EXAMPLE_MEETING, line: 101, ruleId: 'template/missing', hint: expect.stringContaining('informative-report.lv') }),
    ]);
    expect(result.diagnostics[0]?.message).toBe('No template named `report.lv` (looked for report.lv.md.hbs in templates/ and the built-in templates).');
  });
});

describe('a helper name misspelt', () => {
  it('is named with the helper it comes close to, before the list of helpers', async () => {
    const misspelt = await renderWith('Saskaņots ar {{ministires clearance.cleared "accusative"}}.\n');
    expect(misspelt.diagnostics.map((d) => [d.ruleId, d.line, d.message, d.hint?.split(' Helpers:')[0]])).toEqual([['template/unknown-helper', 1, 'The template calls `ministires`, which is not a helper.', 'Did you mean `ministries`?']]);
    const far = await renderWith('{{kalendars meeting.date}}\n');
    expect(far.diagnostics[0]?.hint).toMatch(/^Helpers: clearanceStatus, date, /);
  });
});

describe('templates cannot misuse Handlebars internals', () => {
  it('{{log}} is not a helper: it would write to stdout and break --json', async () => {
    const result = await renderWith('a {{log "hi"}} b\n');
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([['template/unknown-helper', 1, 'The template calls `log`, which is not a helper.']]);
  });

  it('{{lookup}} of a field the value does not have is an error, as strict as a plain path', async () => {
    const result = await renderWith('Tēma: {{lookup meeting "topik"}}\n');
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([['template/helper', 1, 'The value given to `lookup` has no field `topik`.']]);
    expect((await renderWith('Tēma: {{lookup meeting "topic"}}\n')).markdown).toContain('Tēma: Vienlīdzīga piekļuve izglītībai');
    // A list's item by its number, written as a number: Handlebars gives it as one, not as a text.
    expect((await renderWith('{{#with (lookup questions 1)}}{{number}}. {{position.id}}{{/with}}\n')).markdown).toBe('2. equity-reforms\n');
  });

  it.each(['{{helperMissing}}', '{{helperMissing "x"}}', '{{#blockHelperMissing}}x{{/blockHelperMissing}}'])('%s is reported as no helper, not as a JavaScript error', async (call) => {
    const result = await renderWith(`Teksts\n${call}\n`);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['template/unknown-helper', 2]]);
    expect(result.diagnostics[0]?.message).toMatch(/^The template calls `(block)?[hH]elperMissing`, which is not a helper\.$/);
  });

  it('a partial that includes itself, directly or through another, is named at its line', async () => {
    const direct = await renderWith('{{> self}}\n', { 'templates/partials/self.hbs': 'a\n{{> self}}\n' });
    expect(direct.diagnostics.map((d) => [d.file, d.line, d.ruleId, d.message])).toEqual([
      ['templates/partials/self.hbs', 2, 'template/partial-cycle', 'The partial `self` is included inside itself (self → self): rendering would never end.'],
    ]);
    const through = await renderWith('{{> one}}\n', { 'templates/partials/one.hbs': '{{> two}}\n', 'templates/partials/two.hbs': 'x\n{{> one}}\n' });
    expect(through.diagnostics.map((d) => [d.file, d.line, d.ruleId])).toContainEqual(['templates/partials/two.hbs', 2, 'template/partial-cycle']);
    expect(through.diagnostics.every((d) => !d.message.includes('call stack'))).toBe(true);
  });
});
