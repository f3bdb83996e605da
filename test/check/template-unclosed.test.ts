import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO } from '../helpers/project.js';

const TEMPLATE = 'templates/informative-report.lv.md.hbs';
const builtIn = readFileSync(join(REPO, TEMPLATE), 'utf8');

/** The example project with the built-in template copied in, changed by `change`. */
function withTemplate(change: (text: string) => string, files: Record<string, string> = {}): string {
  const changed = change(builtIn);
  expect(changed).not.toBe(builtIn);
  return exampleProject({ [TEMPLATE]: changed, ...files });
}

const unclosed = (diagnostics: readonly { ruleId: string; file: string; line?: number; column?: number; message: string }[]) =>
  diagnostics.filter((d) => d.ruleId === 'template/unclosed').map((d) => [d.file, d.line, d.column, d.message]);

async function checkAndBuild(dir: string, formats: ('md' | 'docx')[] = ['md', 'docx']) {
  const checked = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
  const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, out: 'out', formats });
  const written = existsSync(join(dir, 'out/IZMzin_190221_EDUC.md')) || existsSync(join(dir, 'out/IZMzin_190221_EDUC.docx'));
  return { checked, built, written };
}

test.each([
  ['an HTML comment', '<!-- piezīme: pārbaudīt', 'an HTML comment (`<!--`)'],
  ['a code fence', '```', 'a code block ('],
])('the template’s own text opening %s it never closes is an error at its line, and nothing is written', async (_name, line, what) => {
  // Under the background: the questions, the clearance line and the signature would be swallowed.
  const dir = withTemplate((text) => text.replace('{{{meeting.background}}}\n', `{{{meeting.background}}}\n\n${line}\n`));
  const templateLine = readFileSync(join(dir, TEMPLATE), 'utf8').split('\n').indexOf(line) + 1;
  for (const formats of [['md', 'docx'], ['md']] as const) {
    const { checked, built, written } = await checkAndBuild(dir, [...formats]);
    expect(unclosed(checked.diagnostics)).toEqual([[TEMPLATE, templateLine, 1, expect.stringContaining(`opens ${what}`)]]);
    expect(checked.exitCode).toBe(1);
    expect(unclosed(built.diagnostics)).toHaveLength(1);
    expect(built.exitCode).toBe(1);
    expect(written).toBe(false);
  }
});

test('a plain text printed as Markdown with three braces that opens a comment is an error at the template, naming where it stands in the report', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^topic: /m, 'topic: <!-- ');
  const dir = withTemplate((text) => text.replace('{{{meeting.background}}}\n', '{{{meeting.background}}}\n\n{{{meeting.topic}}}\n'), { [EXAMPLE_MEETING]: meeting });
  const { checked, written } = await checkAndBuild(dir);
  expect(unclosed(checked.diagnostics)).toEqual([[TEMPLATE, undefined, undefined, expect.stringMatching(/line \d+ of the generated Markdown/)]]);
  expect(written).toBe(false);
});

test('closed comments and fences in the template’s text are fine', async () => {
  const dir = withTemplate((text) => text.replace('{{{meeting.background}}}\n', '{{{meeting.background}}}\n\n<!-- piezīme -->\n\n```\nkods\n```\n'));
  const { checked, built } = await checkAndBuild(dir);
  expect(unclosed(checked.diagnostics)).toEqual([]);
  expect(built.exitCode).toBe(0);
});

const html = (diagnostics: readonly { ruleId: string; file: string; line?: number; column?: number; message: string }[]) =>
  diagnostics.filter((d) => d.ruleId === 'template/html').map((d) => [d.file, d.line, d.column, d.message]);

test('HTML in the template’s own text, which the DOCX prints tags and all (a comment too), is a warning at its line, once however often the report prints it', async () => {
  const dir = withTemplate((text) =>
    text
      .replace('{{{meeting.background}}}\n', '{{{meeting.background}}}\n\n<!-- piezīme: pārbaudīt ar juristiem -->\n')
      .replace('{{number}}. **{{text}}**', '{{number}}. <b>{{text}}</b>'),
  );
  const lines = readFileSync(join(dir, TEMPLATE), 'utf8').split('\n');
  const { checked, built } = await checkAndBuild(dir);
  expect(html(checked.diagnostics)).toEqual([
    [TEMPLATE, lines.indexOf('<!-- piezīme: pārbaudīt ar juristiem -->') + 1, 1, expect.stringContaining('The template\'s text has an HTML comment, which the DOCX prints as written')],
    [TEMPLATE, lines.indexOf('{{number}}. <b>{{text}}</b>') + 1, 13, expect.stringContaining('The template\'s text has HTML (`<b>`), which the DOCX prints as written, tags and all')],
  ]);
  expect(checked.exitCode).toBe(0);
  expect(html(built.diagnostics)).toHaveLength(2);
});

test('the example’s template and a < written in plain text give no such warning', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^topic: /m, 'topic: <b> un ');
  const dir = exampleProject({ [EXAMPLE_MEETING]: meeting });
  const { checked } = await checkAndBuild(dir);
  expect(html(checked.diagnostics)).toEqual([]);
});

test('a `<!--` within a line of the template that nothing closes, which Markdown prints as text, is a warning at that line; one a plain text brings, at the template with the report’s line', async () => {
  const dir = withTemplate((text) => text.replace('{{{meeting.background}}}\n', '{{{meeting.background}}}\n\nTeksts pirms <!-- piezīme: pārbaudīt\n'));
  const lines = readFileSync(join(dir, TEMPLATE), 'utf8').split('\n');
  const { checked, built } = await checkAndBuild(dir, ['md']);
  expect(html(checked.diagnostics)).toEqual([
    [
      TEMPLATE,
      lines.indexOf('Teksts pirms <!-- piezīme: pārbaudīt') + 1,
      1,
      "The template's text opens an HTML comment (`<!--`) within a line and never closes it in that paragraph: Markdown reads no comment there, so the report prints `<!--` and the words after it as text, in a Markdown viewer too.",
    ],
  ]);
  expect(unclosed(checked.diagnostics)).toEqual([]);
  expect(built.exitCode).toBe(0);
  expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('\nTeksts pirms <!-- piezīme: pārbaudīt\n');
  // A topic printed as Markdown with three braces brings one; printed with two, it is escaped, and fine.
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^topic: /m, 'topic: Tēma <!-- ');
  const brought = withTemplate((text) => text.replace('{{{meeting.background}}}\n', '{{{meeting.background}}}\n\nTēma: {{{meeting.topic}}}\n'), { [EXAMPLE_MEETING]: meeting });
  expect(html((await checkAndBuild(brought, ['md'])).checked.diagnostics)).toEqual([[TEMPLATE, undefined, undefined, expect.stringMatching(/^The report, outside its Markdown fields \(line \d+ of the generated Markdown\), opens an HTML comment/)]]);
  const escaped = withTemplate((text) => text.replace('{{{meeting.background}}}\n', '{{{meeting.background}}}\n\nTēma: {{meeting.topic}}\n'), { [EXAMPLE_MEETING]: meeting });
  expect(html((await checkAndBuild(escaped, ['md'])).checked.diagnostics)).toEqual([]);
});

test('HTML on a template line that also prints a field is said at that line, its field shown as …', async () => {
  const dir = withTemplate((text) => text.replace('{{{meeting.background}}}\n', '<div class="x">{{{meeting.background}}}</div>\n'));
  const lines = readFileSync(join(dir, TEMPLATE), 'utf8').split('\n');
  const { checked } = await checkAndBuild(dir);
  const said = html(checked.diagnostics);
  expect(said).toEqual([[TEMPLATE, lines.indexOf('<div class="x">{{{meeting.background}}}</div>') + 1, 1, expect.stringContaining('has HTML (`<div class="x">…</div>`)')]]);
  expect(JSON.stringify(said)).not.toMatch(/[\uE000\uE001]/);
});

test('an unclosed <pre> on a template line that also prints a field is said at that line, its field shown as …', async () => {
  const dir = withTemplate((text) => text.replace('{{{meeting.background}}}\n', '<pre>{{{meeting.background}}}\n'));
  const lines = readFileSync(join(dir, TEMPLATE), 'utf8').split('\n');
  const { checked } = await checkAndBuild(dir, ['md']);
  const said = unclosed(checked.diagnostics);
  expect(said).toEqual([[TEMPLATE, lines.indexOf('<pre>{{{meeting.background}}}') + 1, 1, expect.stringContaining("The template's text opens")]]);
  expect(JSON.stringify(said)).not.toMatch(/[\uE000\uE001]/);
});

test('the same HTML on several lines of the template is said at each of them, never at a Handlebars comment', async () => {
  const added = '{{!-- piezīme: <b> nelietot --}}\n\n<!-- piezīme -->\n\nA\n\n<!-- piezīme -->\n\n<b>B</b>\n\n<b>B</b>\n\n';
  const dir = withTemplate((text) => text.replace('{{{meeting.background}}}\n', `{{{meeting.background}}}\n\n${added}`));
  const lines = readFileSync(join(dir, TEMPLATE), 'utf8').split('\n');
  const at = (line: string, from = 0) => lines.indexOf(line, from) + 1;
  const comment = at('<!-- piezīme -->');
  const bold = at('<b>B</b>');
  const { checked } = await checkAndBuild(dir, ['md']);
  expect(html(checked.diagnostics).map(([file, line, column]) => [file, line, column])).toEqual([
    [TEMPLATE, comment, 1],
    [TEMPLATE, at('<!-- piezīme -->', comment), 1],
    [TEMPLATE, bold, 1],
    [TEMPLATE, at('<b>B</b>', bold), 1],
  ]);
});

test('HTML a plain text printed with three braces brings is said with the line of the generated Markdown that has it', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^topic: /m, 'topic: <b>svarīgi</b> ');
  const dir = withTemplate((text) => text.replace('{{{meeting.background}}}\n', '{{{meeting.background}}}\n\n{{{meeting.topic}}}\n'), { [EXAMPLE_MEETING]: meeting });
  const { checked, written } = await checkAndBuild(dir, ['md']);
  expect(written).toBe(true);
  const said = html(checked.diagnostics);
  expect(said).toEqual([[TEMPLATE, undefined, undefined, expect.stringMatching(/line \d+ of the generated Markdown/)]]);
  const line = Number(/line (\d+) of the generated Markdown/.exec(String(said[0]?.[3]))?.[1]);
  expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8').split('\n')[line - 1]).toContain('<b>svarīgi</b>');
});

// A line in a branch this meeting does not reach holds the same text as the one it prints: that line was named (templates run).
test('HTML and an unclosed fence are said at the line the report printed, not at a line alike in a branch the meeting does not reach', async () => {
  const added = '{{#if meeting.place}}\n<u>vieta</u>\n{{else}}\n<u>vieta</u>\n{{/if}}\n\n';
  const dir = withTemplate((text) => text.replace('{{{meeting.background}}}\n', `{{{meeting.background}}}\n\n${added}`));
  const lines = readFileSync(join(dir, TEMPLATE), 'utf8').split('\n');
  const { checked } = await checkAndBuild(dir, ['md']);
  // The example is a videoconference, with no place: the {{else}} branch prints.
  expect(html(checked.diagnostics).map(([, line]) => line)).toEqual([lines.indexOf('<u>vieta</u>', lines.indexOf('{{else}}')) + 1]);
  // `unless` hands its branches to `if`, swapped: only the one it prints counts as reached (found by the read-only review).
  const unless = '{{#unless meeting.background}}\n<u>fons</u>\n{{/unless}}\n{{#unless meeting.place}}\n<i>x</i>\n{{else}}\n<i>x</i>\n{{/unless}}\n{{#if meeting.background}}\n<u>fons</u>\n{{/if}}\n\n';
  const inverted = withTemplate((text) => text.replace('{{{meeting.background}}}\n', `{{{meeting.background}}}\n\n${unless}`));
  const invertedLines = readFileSync(join(inverted, TEMPLATE), 'utf8').split('\n');
  expect(html((await checkAndBuild(inverted, ['md'])).checked.diagnostics).map(([, line]) => line)).toEqual([
    invertedLines.indexOf('<i>x</i>') + 1,
    invertedLines.lastIndexOf('<u>fons</u>') + 1,
  ]);
  const fence = exampleProject({ [TEMPLATE]: builtIn.replace('{{> signature}}', '{{> signature}}\n\n```\n\n{{#if meeting.place}}\n```\nkods\n```\n{{/if}}\n') });
  const fenceLines = readFileSync(join(fence, TEMPLATE), 'utf8').split('\n');
  expect(unclosed((await checkAndBuild(fence, ['md'])).checked.diagnostics).map(([, line]) => line)).toEqual([fenceLines.indexOf('```') + 1]);
});
