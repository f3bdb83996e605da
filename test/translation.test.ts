import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli, writeFile } from './helpers/project.js';
import { WordEdit } from './helpers/word-edit.js';
import { docxParts, part } from './helpers/docx.js';
import { commitAll, initRepository } from './helpers/git.js';

const TRANSLATED = 'positions/educ/equity-reforms.yaml';

/** The example project with one position translated, and the meeting's template set to `template`. */
function project(template: string): string {
  const position = `${exampleFile(TRANSLATED)}
body_en: |
  Latvia will follow its Education Development Guidelines 2021–2027, which put quality and inclusive
  education for everyone at the centre.
speaking_points_en:
  - "Quality and inclusive education for everyone is at the centre of our guidelines."
`;
  const meeting = exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', `template: ${template}`);
  return exampleProject({ [TRANSLATED]: position, [EXAMPLE_MEETING]: meeting });
}

/** The report built in `dir`, as a reviewer of AM changed `old` to `changed` inside `context` with track changes, accepted with review --accept. */
function acceptReview(dir: string, context: string, old: string, changed: string) {
  const edit = new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).replace(context, old, changed, { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' });
  const path = join(dir, 'out/reviewed.docx');
  writeFileSync(path, edit.bytes());
  return runCli(['review', path, '--accept'], dir);
}

describe('positions in English', () => {
  it('the English note prints body_en and speaking_points_en, and marks each answer without them', () => {
    const dir = project('informative-report.en');
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md'], dir).status).toBe(0);
    const note = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    expect(note).toContain('Latvia will follow its Education Development Guidelines 2021–2027');
    expect(note).toContain('- Quality and inclusive education for everyone is at the centre of our guidelines.');
    expect(note).not.toContain('Position “equity-reforms” has no English text');
    expect(note).not.toContain('Latvijas rīcību turpmākajos gados noteiks');
    expect(note).toContain('> **Not translated yet.** Position “equity-achievements” has no English text; its Latvian text follows.');
    expect(note).toContain('> **Not translated yet.** Position “equity-eu-cooperation” has no English text; its Latvian text follows.');
  });

  it('the English note’s DOCX is marked English (en-GB), so Word checks its spelling as English; the Latvian report stays lv-LV', () => {
    const dir = project('informative-report.en');
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'docx'], dir).status).toBe(0);
    const styles = part(docxParts(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))), 'word/styles.xml');
    expect(styles.match(/<w:lang [^>]*>/g)).toEqual(['<w:lang w:val="en-GB"/>']);
    const latvian = project('informative-report.lv');
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'docx'], latvian).status).toBe(0);
    expect(part(docxParts(readFileSync(join(latvian, 'out/IZMzin_190221_EDUC.docx'))), 'word/styles.xml').match(/<w:lang [^>]*>/g)).toEqual(['<w:lang w:val="lv-LV"/>']);
  });

  it('marks the Latvian text an English note prints untranslated as Latvian (lv-LV), its notes too, so Word checks its spelling and a screen reader reads it as Latvian', () => {
    const dir = project('informative-report.en');
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'docx'], dir).status).toBe(0);
    const parts = docxParts(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')));
    const paragraphWith = (xml: string, text: string) => xml.split('</w:p>').find((paragraph) => paragraph.includes(text)) ?? '';
    // Each run of text's language (the space after a note's number, no text, left out).
    const runLanguages = (paragraph: string) =>
      [...paragraph.matchAll(/<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t[^>]*>([^<]*)/g)].filter(([, text = '']) => text.trim()).map(([run]) => /<w:lang w:val="([^"]+)"/.exec(run)?.[1] ?? 'none');
    const document = part(parts, 'word/document.xml');
    // A position without body_en, its bold and italic runs too; the background's paragraph; a note of the background.
    expect(new Set(runLanguages(paragraphWith(document, 'Kopš 2019. gada pirmsskolā')))).toEqual(new Set(['lv-LV']));
    expect(new Set(runLanguages(paragraphWith(document, 'Portugāles prezidentūra neformālo')))).toEqual(new Set(['lv-LV']));
    expect(new Set(runLanguages(paragraphWith(part(parts, 'word/footnotes.xml'), 'Eiropas Komisijas 2020. gada')))).toEqual(new Set(['lv-LV']));
    // The English answer and the template's own text: the document's language, en-GB, from the styles.
    expect(new Set(runLanguages(paragraphWith(document, 'Latvia will follow')))).toEqual(new Set(['none']));
    expect(new Set(runLanguages(paragraphWith(document, 'Not translated yet.')))).toEqual(new Set(['none']));
    // The Latvian report marks no run: all of it is in the styles' lv-LV.
    const latvian = project('informative-report.lv');
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'docx'], latvian).status).toBe(0);
    expect(part(docxParts(readFileSync(join(latvian, 'out/IZMzin_190221_EDUC.docx'))), 'word/document.xml')).not.toContain('<w:lang ');
  });

  it('review --accept writes a reviewer’s change to the English answer into body_en', () => {
    const dir = project('informative-report.en');
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const run = acceptReview(dir, 'which put quality and inclusive', 'quality', 'high quality');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Not applicable');
    const position = parseDocument(readFileSync(join(dir, TRANSLATED), 'utf8')).toJS();
    expect(position.body_en).toContain('which put high quality and inclusive');
    expect(position.body).toBe(parseDocument(exampleFile(TRANSLATED)).toJS().body);
  });

  it('review --accept of a change to the English answer alone says why the ministries that cleared it are asked again: a clearance covers body and body_en', () => {
    const dir = project('informative-report.en');
    initRepository(dir);
    for (const code of ['AM', 'LM']) expect(runCli(['clear', TRANSLATED, '--ministry', code, '--date', '2021-02-15', '--ref', 'e-pasts'], dir).status).toBe(0);
    commitAll(dir, 'Cleared');
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const run = acceptReview(dir, 'which put quality and inclusive', 'quality', 'high quality');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'note: only the English answer (`body_en`) changed, the Latvian one is as it was, but a clearance covers the answer in both languages (`body` and `body_en`): LM’s clearance is now of version 2, so ask LM to clear version 3\n  written as version 3\n  recorded clearance AM objected',
    );
    // As the note says: LM's clearance is of version 2, and check asks for version 3.
    const check = runCli(['check', EXAMPLE_MEETING], dir).stdout;
    expect(check).toContain('not cleared by Labklājības ministrija (LM): the clearance is of version 2, and the position is now version 3');
  });

  it('review --accept of a change to the Latvian answer says nothing of the English one', () => {
    const dir = project('informative-report.lv');
    initRepository(dir);
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const run = acceptReview(dir, 'Latvijas rīcību turpmākajos gados noteiks', 'turpmākajos', 'nākamajos');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('written as version 3');
    expect(run.stdout).not.toContain('English answer');
  });

  it('check warns about each untranslated position of a meeting built with an English template', () => {
    const run = runCli(['check', EXAMPLE_MEETING], project('informative-report.en'));
    expect(run.status).toBe(0);
    const warnings = run.stdout.split('\n').filter((line) => line.endsWith('position/untranslated'));
    expect(warnings.map((line) => line.split(' ')[0])).toEqual([
      'positions/educ/equity-achievements.yaml:16:7',
      'positions/educ/equity-achievements.yaml:62:3',
      'positions/educ/equity-eu-cooperation.yaml:16:7',
      'positions/educ/equity-eu-cooperation.yaml:59:3',
    ]);
    expect(warnings[0]).toContain('The position `equity-achievements` has no English text (`body_en`), and meetings/2021-02-19-educ-informal.yaml is built with the English template `informative-report.en`');
  });

  it('says what a project’s own English template does with a position without body_en, not what the built-in one does', async () => {
    const { check } = await import('../src/commands/check.js');
    const untranslated = async (template: string) => {
      const dir = project('note.en');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(dir, 'templates'), { recursive: true });
      writeFileSync(join(dir, 'templates/note.en.md.hbs'), template);
      const result = await check({ cwd: dir, paths: [EXAMPLE_MEETING], final: false });
      expect(result.exitCode).toBe(0);
      return result.diagnostics.filter((d) => d.ruleId === 'position/untranslated' && d.file === 'positions/educ/equity-achievements.yaml' && d.line === 16);
    };
    const prefix = 'The position `equity-achievements` has no English text (`body_en`), and meetings/2021-02-19-educ-informal.yaml is built with the English template `note.en`';
    // Printed as it is: empty, so the answer is left out (and the template's line is warned about too, template/empty-value).
    const direct = await untranslated('{{#each questions}}\n{{number}}. {{text}}\n\n{{{position.bodyEn}}}\n\n{{/each}}\n');
    expect(direct.map((d) => d.message)).toEqual([`${prefix}, which prints \`position.bodyEn\`, empty for this position: its answer is left out of the note.`]);
    expect(direct[0]?.hint).toBe('Add the translation under `body_en: |`; or have the template print the Latvian answer when there is none: {{#if position.bodyEn}}{{{position.bodyEn}}}{{else}}{{{position.body}}}{{/if}}.');
    // Printed only when it is there, nothing in its place.
    expect((await untranslated('{{#each questions}}\n{{number}}. {{text}}\n\n{{#if position.bodyEn}}\n{{{position.bodyEn}}}\n{{/if}}\n\n{{/each}}\n')).map((d) => d.message)).toEqual([
      `${prefix}, which prints \`position.bodyEn\` only when it is there: this answer is left out of the note.`,
    ]);
    // The Latvian answer in its place, with no note of its own: not said to be marked.
    expect((await untranslated('{{#each questions}}\n{{number}}. {{text}}\n\n{{#if position.bodyEn}}\n{{{position.bodyEn}}}\n{{else}}\n{{{position.body}}}\n{{/if}}\n\n{{/each}}\n')).map((d) => d.message)).toEqual([
      `${prefix}, which prints its Latvian answer (\`position.body\`) in its place.`,
    ]);
    // Its {{else}} printing `position.bodyEn` again (copied from above, where `position.body` was meant): printed there, it is empty.
    expect((await untranslated('{{#each questions}}\n{{number}}. {{text}}\n\n{{#if position.bodyEn}}\n{{{position.bodyEn}}}\n{{else}}\n{{{position.bodyEn}}}\n{{/if}}\n\n{{/each}}\n')).map((d) => d.message)).toEqual([
      `${prefix}, which prints \`position.bodyEn\`, empty for this position: its answer is left out of the note.`,
    ]);
    // A template that never prints position.bodyEn has nothing to say about it.
    expect(await untranslated('{{#each questions}}\n{{number}}. {{text}}\n\n{{{position.body}}}\n\n{{/each}}\n')).toEqual([]);
    // Nor, about the English speaking points, one that never prints them.
    const pointsDir = project('note.en');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(pointsDir, 'templates'), { recursive: true });
    const pointsSaid = async (template: string) => {
      writeFileSync(join(pointsDir, 'templates/note.en.md.hbs'), template);
      const result = await check({ cwd: pointsDir, paths: [EXAMPLE_MEETING], final: false });
      return result.diagnostics.filter((d) => d.ruleId === 'position/untranslated' && d.message.includes('speaking_points_en')).length;
    };
    expect(await pointsSaid('{{#each questions}}\n{{number}}. {{text}}\n\n{{{position.body}}}\n\n{{/each}}\n')).toBe(0);
    expect(await pointsSaid('{{#each questions}}\n{{number}}. {{text}}\n\n{{{position.body}}}\n\n{{#each position.speakingPointsEn}}\n- {{this}}\n{{/each}}\n\n{{/each}}\n')).toBeGreaterThan(0);
  });

  it('check warns about a place without its English name in a meeting built with an English template, and the note then says not where', () => {
    const inLisbon = (template: string, place: string) =>
      exampleProject({
        [EXAMPLE_MEETING]: exampleFile(EXAMPLE_MEETING)
          .replace('template: informative-report.lv', `template: ${template}`)
          .replace('mode: videoconference', 'mode: in-person')
          .replace(/^time: .*$/m, (time) => `${time}\nplace: ${place}`),
      });
    const placeWarnings = (dir: string) => runCli(['check', EXAMPLE_MEETING], dir).stdout.split('\n').filter((line) => line.endsWith('meeting/place-untranslated'));
    const untranslated = inLisbon('informative-report.en', '{ locative: Lisabonā }');
    expect(placeWarnings(untranslated)).toEqual([
      "meetings/2021-02-19-educ-informal.yaml:13:20  warning  The meeting's `place`, Lisabonā, has no `english`, and it is built with the English template `informative-report.en`: the note does not say where the meeting is held. Add the place's English name: `place: { locative: Lisabonā, english: … }`.  meeting/place-untranslated",
    ]);
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md'], untranslated).status).toBe(0);
    expect(readFileSync(join(untranslated, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('- **Format:** Informal meeting, in person\n');
    // A Council seat's English name is known: the hint gives it.
    expect(placeWarnings(inLisbon('informative-report.en', '{ locative: Luksemburgā }'))[0]).toContain("Add the place's English name: `place: { locative: Luksemburgā, english: Luxembourg }`.");
    expect(placeWarnings(inLisbon('informative-report.en', '{ locative: Lisabonā, english: Lisbon }'))).toEqual([]);
    expect(placeWarnings(inLisbon('informative-report.lv', '{ locative: Lisabonā }'))).toEqual([]);
  });

  it('says nothing about translations for a Latvian template', () => {
    const run = runCli(['check', EXAMPLE_MEETING], project('informative-report.lv'));
    expect(run.stdout + run.stderr).not.toContain('position/untranslated');
    expect(run.stdout + run.stderr).not.toContain('meeting/untranslated');
  });
});

describe('the meeting in English', () => {
  /** The example project built with the English note, its meeting given `topic_en`, `background_en` and `text_en` as `english` says. */
  const translated = (english: { topic?: boolean; outcome?: boolean; background?: boolean; questions?: number[] }) => {
    let meeting = exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', 'template: informative-report.en');
    if (english.topic) meeting = meeting.replace(/^topic: .*$/m, (topic) => `${topic}\ntopic_en: Equal access to education`);
    if (english.outcome) meeting = meeting.replace(/^outcome: >-$/m, 'outcome_en: The presidency will draw on the debate for Council conclusions in May 2021.\noutcome: >-');
    if (english.background) meeting = meeting.replace(/^background: \|$/m, 'background_en: |\n  The Portuguese presidency devotes the debate to equal access to education[^1].\n\n  [^1]: The presidency’s discussion paper.\nbackground: |');
    let question = 0;
    meeting = meeting.replace(/^ {4}position: (.*)$/gm, (line, id: string) => ((english.questions ?? []).includes(++question) ? `    text_en: Question ${question} in English (${id})?\n${line}` : line));
    return exampleProject({ [EXAMPLE_MEETING]: meeting });
  };
  const warnings = (dir: string) => runCli(['check', EXAMPLE_MEETING], dir).stdout.split('\n').filter((line) => line.endsWith('meeting/untranslated'));

  it('the English note prints topic_en, background_en and each question’s text_en', () => {
    const dir = translated({ topic: true, outcome: true, background: true, questions: [1, 2, 3] });
    expect(warnings(dir)).toEqual([]);
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md'], dir).status).toBe(0);
    const note = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    expect(note).toContain('- **Topic:** “Equal access to education”\n');
    expect(note).toContain('- **Outcome:** The presidency will draw on the debate for Council conclusions in May 2021.\n');
    expect(note).toContain('Background\n----------\n\nThe Portuguese presidency devotes the debate to equal access to education[^background-en-1].\n\n[^background-en-1]: The presidency’s discussion paper.\n');
    expect(note).toContain('1. **Question 1 in English (equity-achievements)?**');
    expect(note).toContain('3. **Question 3 in English (equity-eu-cooperation)?**');
    expect(note).not.toContain('Portugāles prezidentūra');
    expect(note).not.toContain('The background has no English text');
    // The Latvian report is as it was.
    const latvian = exampleProject({ [EXAMPLE_MEETING]: readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace('template: informative-report.en', 'template: informative-report.lv') });
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md'], latvian).status).toBe(0);
    const report = readFileSync(join(latvian, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    expect(report).toContain('Portugāles prezidentūra');
    expect(report).not.toContain('in English');
  });

  it('titles a meeting with no English name by its Council configuration: "… for the meeting of the … Council", "… for the informal meeting of … ministers"', () => {
    const titled = (kind: string, formation: string) => {
      const meeting = exampleFile(EXAMPLE_MEETING)
        .replace('template: informative-report.lv', 'template: informative-report.en')
        .replace(/^ {2}english: .*\n/m, '')
        .replace(/^kind: .*$/m, `kind: ${kind}`)
        .replace(/^formation: .*$/m, `formation: ${formation}`);
      const dir = exampleProject({ [EXAMPLE_MEETING]: meeting });
      expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md'], dir).status).toBe(0);
      // The date is kept on one line: a no-break space between the day and the month.
      return readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8').split('\n').find((line) => /, 19\sFebruary 2021$/.test(line))?.replace('\u00A0', ' ');
    };
    expect(titled('formal', 'AGRIFISH')).toBe('meeting of the Agriculture and Fisheries Council, 19 February 2021');
    expect(titled('informal', 'EYCS')).toBe('informal meeting of Education, Youth, Culture and Sport ministers, 19 February 2021');
    expect(titled('formal', 'Padome')).toBe('Padome meeting, 19 February 2021');
  });

  it('the English speaking points print speaking_points_en under each question in English, and say where there are none', () => {
    const dir = translated({ topic: true, questions: [1, 2, 3] });
    writeFileSync(join(dir, TRANSLATED), `${exampleFile(TRANSLATED)}\nspeaking_points_en:\n  - "Quality and inclusive education for everyone."\n  - "EU funds for lasting investment."\n`);
    const run = runCli(['build', EXAMPLE_MEETING, '--template', 'speaking-points.en', '--format', 'md,docx'], dir);
    expect(run.status, run.stderr).toBe(0);
    const points = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.speaking-points.en.md'), 'utf8');
    // When and where, as the Latvian points' opening says: the day, the time, the place in person.
    expect(points).toContain('\n19\u00A0February 2021, 10.00. Topic: “Equal access to education”.');
    expect(points).toContain('2. **Question 2 in English (equity-reforms)?**\n\n1) Quality and inclusive education for everyone.\n2) EU funds for lasting investment.\n');
    expect(points).toContain('> No speaking points in English yet: the position “equity-achievements” has no speaking\\_points\\_en.');
    expect(run.stderr).toContain('The position `equity-achievements` has speaking points but no `speaking_points_en`, and meetings/2021-02-19-educ-informal.yaml is built with the English template `speaking-points.en`: it prints none for this position.');
    const styles = part(docxParts(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.speaking-points.en.docx'))), 'word/styles.xml');
    expect(styles.match(/<w:lang [^>]*>/g)).toEqual(['<w:lang w:val="en-GB"/>']);
    // In person, it says where (the place's English name), as the English note does.
    writeFileSync(join(dir, EXAMPLE_MEETING), readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace('mode: videoconference', 'mode: in-person').replace(/^time: .*$/m, (time) => `${time}\nplace: { locative: Briselē, english: Brussels }`));
    const inPerson = runCli(['build', EXAMPLE_MEETING, '--template', 'speaking-points.en', '--format', 'md'], dir);
    expect(inPerson.stderr).not.toContain('meeting/place-not-printed');
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.speaking-points.en.md'), 'utf8')).toContain('\n19\u00A0February 2021, 10.00, in Brussels. Topic: “Equal access to education”.');
  });

  it('says nothing of a background not translated where the meeting has none yet (a new meeting)', () => {
    const dir = translated({ topic: true, outcome: true, questions: [1, 2, 3] });
    writeFileSync(join(dir, EXAMPLE_MEETING), readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace(/^background: \|\n(?: {2}.*\n|\n)*/m, 'background: |\n\n'));
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md'], dir).status).toBe(0);
    const note = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    expect(note).not.toContain('Portugāles prezidentūra');
    expect(note).not.toContain('The background has no English text');
    expect(warnings(dir)).toEqual([]);
  });

  it('says of a project’s own English template only that the note has no English text there, in the singular for one text', () => {
    const dir = translated({});
    writeFile(dir, 'templates/note.en.md.hbs', 'Topic: {{#if meeting.topicEn}}{{meeting.topicEn}}{{else}}{{meeting.topic}}{{/if}}\n');
    writeFileSync(join(dir, EXAMPLE_MEETING), readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace('template: informative-report.en', 'template: note.en'));
    expect(warnings(dir)).toEqual([
      'meetings/2021-02-19-educ-informal.yaml:25:8  warning  The meeting has no English text for `topic_en`, and it is built with the English template `note.en`: the note has no English text for it. Add the translation beside the Latvian: `topic_en:` under `topic`.  meeting/untranslated',
    ]);
  });

  it('marks the pages of a draft English note DRAFT, not PROJEKTS', () => {
    const dir = translated({ topic: true });
    const position = 'positions/educ/equity-reforms.yaml';
    writeFileSync(join(dir, position), exampleFile(position).replace(/(  LM:\n    status: )cleared/, '$1pending'));
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'docx'], dir).status).toBe(0);
    const parts = docxParts(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')));
    const headers = [...parts.keys()].filter((name) => /^word\/header\d*\.xml$/.test(name)).map((name) => part(parts, name)).join('');
    expect(headers).toContain('>DRAFT<');
    expect(headers).not.toContain('PROJEKTS');
  });

  it('check reads background_en as Markdown, as it reads background', () => {
    const dir = translated({ topic: true, outcome: true, background: true, questions: [1, 2, 3] });
    writeFileSync(join(dir, EXAMPLE_MEETING), readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace('equal access to education[^1].', 'equal access to education[^2].'));
    const lines = runCli(['check', EXAMPLE_MEETING], dir).stdout.split('\n');
    expect(lines.filter((line) => line.endsWith('markdown/undefined-footnote'))).toEqual([expect.stringContaining('The footnote reference `[^2]` in `background_en` has no definition in that field')]);
    expect(lines.filter((line) => line.endsWith('markdown/unused-footnote'))).toEqual([expect.stringContaining('The footnote `[^1]` is defined in `background_en` but never referred to')]);
  });

  it('review --accept writes a reviewer’s change to the English background into background_en', () => {
    const dir = translated({ topic: true, outcome: true, background: true, questions: [1, 2, 3] });
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const edit = new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).replace('devotes the debate', 'devotes', 'dedicates', { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' });
    const path = join(dir, 'out/reviewed.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`meeting ${EXAMPLE_MEETING} background_en`);
    const meeting = parseDocument(readFileSync(join(dir, EXAMPLE_MEETING), 'utf8')).toJS();
    expect(meeting.background_en).toBe('The Portuguese presidency dedicates the debate to equal access to education[^1].\n\n[^1]: The presidency’s discussion paper.\n');
    expect(meeting.background).toBe(parseDocument(exampleFile(EXAMPLE_MEETING)).toJS().background);
  });

  it('check warns once for the meeting, at the first text missing, naming those the note prints in Latvian', () => {
    expect(warnings(translated({}))).toEqual([
      'meetings/2021-02-19-educ-informal.yaml:25:8  warning  The meeting has no English text for `topic_en`, `outcome_en`, `background_en` and `text_en` of questions 1, 2 and 3, and it is built with the English template `informative-report.en`: the note prints the Latvian text in their place. Add the translations beside the Latvian: `topic_en:` under `topic`, `outcome_en:` under `outcome`, `background_en: |` under `background` and `text_en:` under each question’s `text`.  meeting/untranslated',
    ]);
    const [one] = warnings(translated({ topic: true, outcome: true, background: true, questions: [1, 3] }));
    expect(one).toMatch(/^meetings\/2021-02-19-educ-informal\.yaml:\d+:\d+  warning  The meeting has no English text for `text_en` of question 2, and .*: the note prints the Latvian text in its place\. Add the translation beside the Latvian: `text_en:` under the question’s `text`\.  meeting\/untranslated$/);
    const dir = translated({ topic: true, outcome: true, questions: [1, 2, 3] });
    expect(warnings(dir)[0]).toContain('no English text for `background_en`, and');
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('> **Not translated yet.** The background has no English text; its Latvian text follows.\n\nPortugāles prezidentūra');
  });
});
