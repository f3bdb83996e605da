import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli } from '../helpers/project.js';

const TEMPLATE = 'templates/informative-report.lv.md.hbs';
const builtIn = readFileSync(join(REPO, TEMPLATE), 'utf8');
const partials = Object.fromEntries(['draft-banner', 'signature'].map((name) => [`templates/partials/${name}.hbs`, readFileSync(join(REPO, `templates/partials/${name}.hbs`), 'utf8')]));

/** The example project with the built-in template copied in, changed by `change`. */
function withTemplate(change: (text: string) => string, files: Record<string, string> = {}): string {
  const changed = change(builtIn);
  expect(changed).not.toBe(builtIn);
  return exampleProject({ [TEMPLATE]: changed, ...partials, ...files });
}

async function problems(dir: string): Promise<string[][]> {
  const result = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
  return result.diagnostics.filter((d) => d.ruleId === 'template/field-placement').map((d) => [d.file, d.message]);
}

test('a template whose text runs on right after a field of several paragraphs is an error at each such field, and nothing is written', async () => {
  // One blank line removed: the next question (or the clearance line) would follow the answer's first paragraph in the DOCX, its last in the .md.
  const dir = withTemplate((text) => text.replace('{{{position.body}}}\n\n{{/each}}', '{{{position.body}}}\n{{/each}}'));
  const found = await problems(dir);
  expect(found.map(([file]) => file)).toEqual(['positions/educ/equity-achievements.yaml', 'positions/educ/equity-eu-cooperation.yaml', 'positions/educ/equity-reforms.yaml']);
  expect(found[0]?.[1]).toMatch(/^`body` has \d+ paragraphs or other blocks \(footnotes count\), and the template templates\/informative-report\.lv\.md\.hbs \(or a partial it includes\) goes on with more text right where it ends \(line \d+ of the generated Markdown\): the Markdown would join that text to its last paragraph or footnote, the DOCX to its first paragraph\.$/);
  // The line is where the answer ends, and the next question follows.
  const line = Number(/line (\d+) of the generated/.exec(found[0]?.[1] ?? '')?.[1]);
  const markdown = runCli(['build', EXAMPLE_MEETING, '--format', 'md', '--out', 'md-only'], dir);
  expect(markdown.status).toBe(0);
  expect(readFileSync(join(dir, 'md-only/IZMzin_190221_EDUC.md'), 'utf8').split('\n')[line]).toMatch(/^2\. \*\*/);
  const run = runCli(['build', EXAMPLE_MEETING], dir);
  expect(run.status).toBe(1);
  expect(run.stdout + run.stderr).toContain('Leave a blank line after the field in the template.');
  expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.md'))).toBe(false);
  expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).toBe(false);
});

test('a field of several paragraphs inside a quote or formatting is an error; of one paragraph it is not', async () => {
  const quoted = withTemplate((text) => text.replace('{{{position.body}}}', '> {{{position.body}}}'));
  expect((await problems(quoted)).map(([, message]) => message)).toEqual([
    expect.stringMatching(/^`body` has \d+ paragraphs or other blocks \(footnotes count\), and the template templates\/informative-report\.lv\.md\.hbs \(or a partial it includes\) puts it inside a heading, a quote, a list item, a table cell or formatting/),
    expect.stringMatching(/puts it inside a heading, a quote/),
    expect.stringMatching(/puts it inside a heading, a quote/),
  ]);
  const bold = withTemplate((text) => text.replace('{{{position.body}}}', '**{{{position.body}}}**'));
  expect(await problems(bold)).toHaveLength(3);
  // One paragraph (with a footnote) inside a quote: the .md and the DOCX agree.
  const short = 'positions/educ/equity-reforms.yaml';
  const oneParagraph = exampleFile(short).replace(/^body: \|\n[\s\S]*?(?=^\S)/m, 'body: |\n  Latvija atbalsta[^1] priekšlikumu.\n\n  [^1]: Piezīme.\n\n');
  const fine = withTemplate((text) => text.replace('{{{position.body}}}', '> {{{position.body}}}'), { [short]: oneParagraph });
  expect((await problems(fine)).map(([file]) => file)).not.toContain(short);
});

test('a field that starts with a list within a line of the template’s text is an error (the built-in outcome at the end of the opening sentence)', async () => {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(/^outcome: >-\n(?: {2}.*\n)+/m, 'outcome: |\n  1) pirmais;\n  2) otrais.\n');
  const dir = exampleProject({ [EXAMPLE_MEETING]: meeting });
  const found = await problems(dir);
  expect(found).toEqual([[EXAMPLE_MEETING, expect.stringMatching(/^`outcome` starts with a list, and the built-in template informative-report\.lv \(or a partial it includes\) prints it within a line of other text/)]]);
});

test('a field right after a field of several paragraphs, a footnote definition within a line, a field in a heading: each an error', async () => {
  // Answers one after another with no blank line between: the second ran into the first's first paragraph in the DOCX.
  const runOn = withTemplate((text) => text.replace('{{number}}. **{{text}}**\n\n{{{position.body}}}\n\n{{/each}}', '{{{position.body}}}\n{{/each}}\n'));
  expect((await problems(runOn)).map(([file, message]) => [file, /goes on with more text right where it ends/.test(message ?? '')])).toEqual([
    ['positions/educ/equity-achievements.yaml', true],
    ['positions/educ/equity-reforms.yaml', true],
  ]);
  // A body that starts with a footnote definition, printed after "Atbilde: ".
  const noteFirst = 'positions/educ/equity-reforms.yaml';
  const startsWithNote = exampleFile(noteFirst).replace(/^body: \|\n/m, 'body: |\n  [^0]: Piezīme pirmajā vietā.\n\n  Teksts ar atsauci[^0].\n\n');
  const inline = withTemplate((text) => text.replace('\n{{{position.body}}}\n', '\nAtbilde: {{{position.body}}}\n'), { [noteFirst]: startsWithNote });
  expect((await problems(inline)).find(([file]) => file === noteFirst)?.[1]).toMatch(/^`body` starts with a footnote definition, and the template .* prints it within a line of other text/);
  // One paragraph and a footnote in bold: the `.md` closes the bold after the footnote's text.
  const outcome = exampleFile(EXAMPLE_MEETING).replace(/^outcome: >-\n(?: {2}.*\n)+/m, 'outcome: |\n  Rezultāti maijā[^o].\n\n  [^o]: Padomes sanāksme.\n');
  const bold = withTemplate((text) => text.replace('{{{meeting.outcome}}}', '**{{{meeting.outcome}}}**'), { [EXAMPLE_MEETING]: outcome });
  expect((await problems(bold)).map(([file, message]) => [file, /^`outcome` has 2 paragraphs or other blocks \(footnotes count\).* puts it inside a heading/.test(message ?? '')])).toEqual([[EXAMPLE_MEETING, true]]);
  const heading = withTemplate((text) => text.replace('\n{{{meeting.background}}}\n', '\n## {{{meeting.background}}}\n'));
  expect((await problems(heading)).map(([file]) => file)).toEqual([EXAMPLE_MEETING]);
});

test('the example and fields on lines of their own are not errors', async () => {
  expect(await problems(exampleProject())).toEqual([]);
  // The outcome (one paragraph) at the end of the opening sentence, as the built-in template has it.
  expect(exampleFile(EXAMPLE_MEETING)).toMatch(/^outcome: /m);
});
