import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli, writeFile } from '../helpers/project.js';

// A European Council (`formation: EUCO`) is a meeting of heads of state or government: the built-in templates said
// "kurā ministri diskutēs" and "ministri … aicināti atbildēt", and the English note "Council meeting", "Council
// configuration: EUCO" and "EUCO meeting" in its title (found by the meeting-variety run).
function europeanCouncil(): string {
  const meeting = exampleFile(EXAMPLE_MEETING)
    .replace(/^formation: .*$/m, 'formation: EUCO')
    .replace(/^kind: .*$/m, 'kind: formal')
    .replace(/^mode: .*$/m, 'mode: in-person\nplace: { locative: Briselē, english: Brussels }')
    .replace(/^ {2}english: .*\n/m, '');
  return exampleProject({ [EXAMPLE_MEETING]: meeting });
}

function built(dir: string, template?: string): string {
  const run = runCli(['build', EXAMPLE_MEETING, '--format', 'md', ...(template ? ['--template', template] : [])], dir);
  expect(run.stderr).not.toContain('error');
  const name = template ? `IZMzin_190221_EDUC.${template}.md` : 'IZMzin_190221_EDUC.md';
  // A date's day and month are kept together by a no-break space.
  return readFileSync(join(dir, 'out', name), 'utf8').replaceAll('\u00a0', ' ');
}

test('the Latvian report of a European Council says heads of state or government, not ministers, and its dates stay unescaped', () => {
  const text = built(europeanCouncil());
  expect(text).toMatch(/notiks .*, kurā valstu vai valdību vadītāji diskutēs par tēmu/);
  expect(text).toContain('Ņemot vērā augstākminēto, valstu vai valdību vadītāji 2021. gada 19. februāra sanāksmē aicināti atbildēt');
  expect(text).not.toMatch(/\bministri\b/);
});

test('the English note of a European Council names it so, with no Council configuration line', () => {
  const text = built(europeanCouncil(), 'informative-report.en');
  expect(text).toContain('Briefing note for the\\\nmeeting of the European Council, 19 February 2021');
  expect(text).toContain('- **Format:** European Council meeting, in person in Brussels');
  expect(text).not.toContain('Council configuration');
});

test('a Council meeting still says ministers, and its configuration', () => {
  const dir = exampleProject();
  expect(built(dir)).toContain('Ņemot vērā augstākminēto, ministri 2021. gada 19. februāra sanāksmē aicināti atbildēt');
  expect(built(dir, 'informative-report.en')).toContain('- **Council configuration:** Education, Youth, Culture and Sport (EYCS)');
});

// A value printed after a block that prints text whichever way it goes follows text: it was escaped as at a line's
// start ("2021\\. gada" in the .md), as a value after `{{/if}}` could be.
test('a value after an if/else that prints text either way is not escaped as at a line start; after an if without else it is', () => {
  const dir = exampleProject();
  writeFile(dir, 'templates/mans.lv.md.hbs', 'A: {{#if meeting.time}}ar laiku{{else}}bez laika{{/if}} {{date meeting.date "locative"}}\n\n{{#if meeting.time}}ar laiku{{/if}} {{date meeting.date "locative"}}\n');
  const text = built(dir, 'mans.lv');
  expect(text).toContain('A: ar laiku 2021. gada 19. februārī');
  expect(text).toContain('ar laiku 2021\\. gada 19. februārī');
});

// `euco` was a European Council in any case, but `eycs` or `Ecofin` (as EU texts often write it) no configuration:
// the English note printed "Council configuration: Ecofin" and a title "Ecofin meeting", though `new meeting` had
// written "Council configuration: ECOFIN = Economic and Financial Affairs" above the same `formation` (locale run).
test('a configuration written in small letters is known as the one in capitals: its English name in the note', () => {
  const meeting = (formation: string) => exampleFile(EXAMPLE_MEETING).replace(/^formation: .*$/m, `formation: ${formation}`).replace(/^ {2}english: .*\n/m, '');
  const small = built(exampleProject({ [EXAMPLE_MEETING]: meeting('eycs') }), 'informative-report.en');
  expect(small).toContain('- **Council configuration:** Education, Youth, Culture and Sport (eycs)');
  expect(small).toContain('Briefing note for the\\\ninformal meeting of Education, Youth, Culture and Sport ministers, 19 February 2021');
  expect(built(exampleProject({ [EXAMPLE_MEETING]: meeting('Ecofin') }), 'informative-report.en')).toContain('- **Council configuration:** Economic and Financial Affairs (Ecofin)');
});
