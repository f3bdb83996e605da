import { describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { check } from '../src/commands/check.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from './helpers/project.js';

const meeting = exampleFile(EXAMPLE_MEETING);

/** The example meeting without every optional field the template data holds as null: time, name.genitive, name.english, outcome, signature, visa. */
const bareMeeting = meeting
  .replace(/^time: .*\n/m, '')
  .replace(/^ {2}genitive: .*\n/m, '')
  .replace(/^ {2}english: .*\n/m, '')
  .replace(/^outcome: >-\n(?: {2}.*\n)+/m, '')
  .replace(/^signature:\n(?: {2}.*\n)+/m, '')
  .replace(/^visa:\n(?: {2}.*\n)+/m, '');

function emptyValues(diagnostics: readonly Diagnostic[]) {
  return diagnostics.filter((d) => d.ruleId === 'template/empty-value').map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} ${d.hint ?? ''}`);
}

async function checkWith(template: string, meetingText: string, files: Record<string, string> = {}) {
  const dir = exampleProject({ 'templates/test.md.hbs': template, [EXAMPLE_MEETING]: meetingText.replace('template: informative-report.lv', 'template: test'), ...files });
  return check({ cwd: dir, paths: [], final: false });
}

describe('a field the data leaves out, printed as text (template/empty-value)', () => {
  it('the bare meeting really leaves the optional fields out', () => {
    expect(bareMeeting).not.toMatch(/^time:|^ {2}genitive:|^ {2}english:|^outcome:|^signature:|^visa:/m);
    expect(bareMeeting).toMatch(/^ {2}locative:/m);
  });

  it('warns at the template’s line and column, naming the field and the meeting, with the way to guard it', async () => {
    const template = 'Ziņojums par {{date meeting.date "genitive"}} {{meeting.name.genitive}} jautājumiem\n\nSākums (plkst. {{meeting.time}}).\n';
    const result = await checkWith(template, bareMeeting);
    expect(result.exitCode).toBe(0);
    expect(emptyValues(result.diagnostics)).toEqual([
      'templates/test.md.hbs:1:47 warning `meeting.name.genitive` is empty for meetings/2021-02-19-educ-informal.yaml (left out of the data), so `{{meeting.name.genitive}}` prints nothing here. Print it only when it is there: {{#if meeting.name.genitive}}…{{meeting.name.genitive}}…{{/if}}; or fill it in (`name.genitive` in the meeting’s file).',
      'templates/test.md.hbs:3:16 warning `meeting.time` is empty for meetings/2021-02-19-educ-informal.yaml (left out of the data), so `{{meeting.time}}` prints nothing here. Print it only when it is there: {{#if meeting.time}}…{{meeting.time}}…{{/if}}; or fill it in (`time` in the meeting’s file).',
    ]);
  });

  it('says nothing where the template prints the field only inside a block that tests it, or the meeting has it', async () => {
    const template = 'Sākums{{#if meeting.time}} (plkst. {{meeting.time}}){{/if}}.\n\n{{#if meeting.outcome}}{{{meeting.outcome}}}{{else}}Nav.{{/if}}\n\n{{#with meeting.signature}}{{role}}{{/with}}\n\n{{meeting.name.english}}\n';
    // Only the last line, printed unguarded, is warned about.
    expect(emptyValues((await checkWith(template, bareMeeting)).diagnostics).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['templates/test.md.hbs:7:1 warning `meeting.name.english`']);
    expect(emptyValues((await checkWith(template, meeting)).diagnostics)).toEqual([]);
  });

  it('warns about a field printed with three braces, and names each position it is empty for once', async () => {
    const template = '{{#each questions}}\n{{number}}. {{text}}\n\n{{{position.bodyEn}}}\n\n{{/each}}\n';
    const result = await checkWith(template, meeting);
    expect(emptyValues(result.diagnostics)).toEqual([
      'templates/test.md.hbs:4:1 warning `position.bodyEn` is empty for the positions `equity-achievements`, `equity-reforms`, `equity-eu-cooperation` of meetings/2021-02-19-educ-informal.yaml (left out of the data), so `{{{position.bodyEn}}}` prints nothing here. Print it only when it is there: {{#if position.bodyEn}}…{{{position.bodyEn}}}…{{/if}}; or fill it in (`body_en` in the position’s file).',
    ]);
  });

  it('warns about a field read with lookup, quoting the mustache as written', async () => {
    const template = 'Sākums (plkst. {{lookup meeting "time"}}); {{{lookup meeting.name "genitive"}}}.\n\n{{#if (lookup meeting "time")}}{{lookup meeting "time"}}{{/if}}\n';
    const result = await checkWith(template, bareMeeting);
    expect(emptyValues(result.diagnostics)).toEqual([
      'templates/test.md.hbs:1:16 warning `meeting.time` is empty for meetings/2021-02-19-educ-informal.yaml (left out of the data), so `{{lookup meeting "time"}}` prints nothing here. Print it only when it is there: {{#if meeting.time}}…{{lookup meeting "time"}}…{{/if}}; or fill it in (`time` in the meeting’s file).',
      'templates/test.md.hbs:1:44 warning `meeting.name.genitive` is empty for meetings/2021-02-19-educ-informal.yaml (left out of the data), so `{{{lookup meeting.name "genitive"}}}` prints nothing here. Print it only when it is there: {{#if meeting.name.genitive}}…{{{lookup meeting.name "genitive"}}}…{{/if}}; or fill it in (`name.genitive` in the meeting’s file).',
    ]);
    expect(emptyValues((await checkWith(template, meeting)).diagnostics)).toEqual([]);
  });

  it('places a field printed in a partial at the partial’s line', async () => {
    const result = await checkWith('Teksts.\n\n{{> laiks}}\n', bareMeeting, { 'templates/partials/laiks.hbs': '{{!-- Laiks. --}}\nplkst. {{meeting.time}}\n' });
    expect(emptyValues(result.diagnostics).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['templates/partials/laiks.hbs:2:8 warning `meeting.time`']);
  });

  it('a field reached otherwise than from meeting or position is said to be empty in the meeting’s data, with no key to fill in', async () => {
    const result = await checkWith('{{#with meeting.name}}Sanāksmes {{genitive}}.{{/with}}\n', bareMeeting);
    expect(emptyValues(result.diagnostics)).toEqual([
      'templates/test.md.hbs:1:33 warning `genitive` is empty in the data of meetings/2021-02-19-educ-informal.yaml (left out of the data), so `{{genitive}}` prints nothing here. Print it only when it is there: {{#if genitive}}…{{genitive}}…{{/if}}; or fill it in.',
    ]);
  });

  it('leaves the report as it was: the field still prints nothing, and the warning does not stop the build', async () => {
    const dir = exampleProject({ 'templates/test.md.hbs': 'A{{meeting.time}}B {{{meeting.outcome}}}C\n', [EXAMPLE_MEETING]: bareMeeting.replace('template: informative-report.lv', 'template: test') });
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(result.exitCode).toBe(0);
    expect(emptyValues(result.diagnostics)).toHaveLength(2);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${dir}/out/IZMzin_190221_EDUC.md`, 'utf8')).toBe('AB C\n');
  });

  it('is an error under --final: build --final writes no report with the hole, and check --final fails', async () => {
    // A note of the ministry's own whose answers are English texts no position has yet: under --final it printed '1.' and nothing under it.
    const template = '{{#each questions}}\n{{number}}. {{text}}\n\n{{{position.bodyEn}}}\n\n{{/each}}\n';
    const dir = exampleProject({ 'templates/test.md.hbs': template, [EXAMPLE_MEETING]: meeting.replace('template: informative-report.lv', 'template: test') });
    const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: true, formats: ['md'] });
    expect(emptyValues(built.diagnostics).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['templates/test.md.hbs:4:1 error `position.bodyEn`']);
    expect(built.exitCode).toBe(1);
    const { existsSync } = await import('node:fs');
    expect(existsSync(`${dir}/out/IZMzin_190221_EDUC.md`)).toBe(false);
    const checked = await check({ cwd: dir, paths: [], final: true });
    expect(emptyValues(checked.diagnostics).map((line) => line.split(' ')[1])).toEqual(['error']);
    expect(checked.exitCode).toBe(1);
  });

  // A guard of the warning's precision: passes without it too.
  it.each(['informative-report.lv', 'informative-report.en', 'speaking-points.lv', 'speaking-points.en'])('the built-in template %s says nothing, for the example meeting and for one without any optional field', async (name) => {
    for (const text of [meeting, bareMeeting]) {
      const dir = exampleProject({ [EXAMPLE_MEETING]: text.replace('template: informative-report.lv', `template: ${name}`) });
      const result = await check({ cwd: dir, paths: [], final: false });
      expect(result.exitCode).toBe(0);
      expect(result.diagnostics.filter((d) => d.ruleId.startsWith('template/'))).toEqual([]);
    }
  });
});
