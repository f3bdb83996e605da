import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { check } from '../src/commands/check.js';
import { templates } from '../src/commands/templates.js';
import { leadingComment } from '../src/load/template-catalog.js';
import { docxParts, paragraphTexts, part } from './helpers/docx.js';
import { TEMPLATES_README } from '../src/init/files.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir, writeFile } from './helpers/project.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/templates');

function expectGolden(actual: string, name: string): void {
  const path = join(FIXTURES, name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

async function render(dir: string, template: string | undefined): Promise<string> {
  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'], ...(template ? { template } : {}) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const [output] = result.meetings[0]?.outputs ?? [];
  return readFileSync(join(dir, output ?? ''), 'utf8');
}

describe('templates', () => {
  it.each(['informative-report.lv', 'informative-report.en', 'speaking-points.lv', 'speaking-points.en'])('%s renders the example meeting', async (name) => {
    const dir = exampleProject();
    const markdown = await render(dir, name === 'informative-report.lv' ? undefined : name);
    expectGolden(markdown, `${name}.md`);
  });

  it.each(['informative-report.lv', 'speaking-points.lv'])('%s builds the example without a warning (the speaking points never introduced ES)', async (name) => {
    const result = await build({ cwd: exampleProject(), inputs: [EXAMPLE_MEETING], final: false, formats: ['md', 'docx'], template: name });
    expect(result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  });

  it('a broken partial that no template includes breaks no template: the example builds, and check still reports the partial at its line', async () => {
    const dir = exampleProject({ 'templates/partials/melnraksts.hbs': 'Teksts\n{{#if meeting.time}}nav aizvērts\n' });
    const built = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(built.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toBe(exampleFile('test/fixtures/example/IZMzin_190221_EDUC.md'));
    expect(templates({ cwd: dir }).templates.map((t) => [t.name, t.usable])).toEqual([
      ['informative-report.en', true],
      ['informative-report.lv', true],
      ['speaking-points.en', true],
      ['speaking-points.lv', true],
    ]);
    for (const paths of [[], ['templates/partials/melnraksts.hbs']]) {
      const checked = await check({ cwd: dir, paths, final: false });
      expect(checked.diagnostics.map((d) => [d.file, d.line, d.ruleId, d.message]), paths.join()).toEqual([
        ['templates/partials/melnraksts.hbs', 2, 'template/syntax', 'Template syntax error: `{{#if}}` is never closed.'],
      ]);
    }
    // Once a template includes it, that template cannot be built, as before.
    const including = exampleProject({ 'templates/partials/melnraksts.hbs': 'Teksts\n{{#if meeting.time}}nav aizvērts\n', 'templates/test.md.hbs': 'x\n\n{{> melnraksts}}\n' });
    expect(templates({ cwd: including }).templates.map((t) => [t.name, t.usable])).toContainEqual(['test', false]);
  });

  it('--template names its output after the template, beside the meeting’s own report', async () => {
    const dir = exampleProject();
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md', 'docx'], template: 'speaking-points.lv' });
    // The manifest follows the template's name too, so the report's own manifest is not overwritten.
    expect(result.meetings[0]?.outputs).toEqual([
      'out/IZMzin_190221_EDUC.speaking-points.lv.md',
      'out/IZMzin_190221_EDUC.speaking-points.lv.docx',
      'out/IZMzin_190221_EDUC.speaking-points.lv.manifest.json',
    ]);
    expect(runCli(['build', EXAMPLE_MEETING, '--template', 'speaking-point.lv'], dir)).toMatchObject({
      status: 2,
      stderr: 'briefing: No template named `speaking-point.lv`.\n  Did you mean speaking-points.lv? See `briefing templates`.\n',
    });
  });

  it('the speaking points say so when a position has none', async () => {
    const file = 'positions/educ/equity-reforms.yaml';
    const dir = exampleProject({ [file]: exampleFile(file).replace(/\n# Short points[\s\S]*$/, '\n') });
    const markdown = await render(dir, 'speaking-points.lv');
    expect(markdown).toContain('2. **Kādi pasākumi');
    expect(markdown).toContain('> Runas punkti vēl nav sagatavoti: pozīcijā “equity-reforms” nav aizpildīts lauks speaking\\_points.');
  });

  it('the speaking points warn of a position with none (an error under --final), in Latvian and in English; the informative report does not', async () => {
    const file = 'positions/educ/equity-reforms.yaml';
    const dir = exampleProject({ [file]: exampleFile(file).replace(/\n# Short points[\s\S]*$/, '\n') });
    const said = async (template: string, final: boolean) =>
      (await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final, formats: ['md'], template })).diagnostics
        .filter((d) => d.ruleId === 'position/no-speaking-points')
        .map((d) => [d.file, d.severity, d.message]);
    expect(await said('speaking-points.lv', false)).toEqual([
      [file, 'warning', 'The position `equity-reforms` has no `speaking_points`, and meetings/2021-02-19-educ-informal.yaml is built with `speaking-points.lv`, which prints speaking points: the minister gets none under its question.'],
    ]);
    expect(await said('speaking-points.lv', true)).toEqual([[file, 'error', expect.any(String)]]);
    // English: a position with neither English nor Latvian points (one with Latvian points alone is position/untranslated's).
    expect(await said('speaking-points.en', false)).toEqual([
      [file, 'warning', 'The position `equity-reforms` has no `speaking_points_en`, and meetings/2021-02-19-educ-informal.yaml is built with `speaking-points.en`, which prints speaking points: the minister gets none under its question.'],
    ]);
    // The informative report prints the answer; its points are extra.
    expect(await said('informative-report.lv', true)).toEqual([]);
    expect(await said('informative-report.en', true)).toEqual([]);
  });

  it('the English speaking points of a position with Latvian points only: a warning, an error under --final (a note stands in their place); in the English report, where points are optional, a warning', async () => {
    let dir = '';
    const untranslated = async (template: string, final: boolean) => {
      dir = exampleProject();
      const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final, formats: ['md'], template });
      return { said: result.diagnostics.filter((d) => d.ruleId === 'position/untranslated' && d.message.includes('speaking_points_en')).map((d) => [d.file, d.severity, d.hint]), outputs: result.meetings[0]?.outputs ?? [] };
    };
    const draft = await untranslated('speaking-points.en', false);
    expect(draft.said).toHaveLength(3);
    expect(draft.said[0]).toEqual(['positions/educ/equity-achievements.yaml', 'warning', 'Add the translated points under `speaking_points_en:`.']);
    // --final built the minister's English points with "No speaking points in English yet" under every question, exit 0.
    const final = await untranslated('speaking-points.en', true);
    expect(final.said.map(([, severity]) => severity)).toEqual(['error', 'error', 'error']);
    expect(final.said[0]?.[2]).toBe('Add the translated points under `speaking_points_en:`, or build without --final.');
    expect(final.outputs).toEqual([]);
    expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.speaking-points.en.md'))).toBe(false);
    // A project's own English points that fall back to the Latvian points print points all the same: still warnings.
    const own = exampleProject({
      'templates/speaking-points.en.md.hbs': '{{#each questions}}{{number}}. {{text}}\n\n{{#if position.speakingPointsEn.length}}{{#each position.speakingPointsEn}}- {{this}}\n{{/each}}{{else}}{{#each position.speakingPoints}}- {{this}}\n{{/each}}{{/if}}\n{{/each}}',
    });
    const fallback = await build({ cwd: own, inputs: [EXAMPLE_MEETING], final: true, formats: ['md'], template: 'speaking-points.en' });
    expect(fallback.diagnostics.filter((d) => d.ruleId === 'position/untranslated').map((d) => d.severity)).toEqual(['warning', 'warning', 'warning']);
    // The English informative report prints the points beside the answer, where they are optional: still warnings.
    expect((await untranslated('informative-report.en', true)).said.map(([, severity]) => severity)).toEqual(['warning', 'warning', 'warning']);
  });

  it.each(['speaking-points.lv', 'speaking-points.en'])('%s prints a point that starts with a year, a dash or a # as written, not as a list or heading inside its item', async (template) => {
    const file = 'positions/educ/equity-reforms.yaml';
    const points = ['2021. gadā Latvija sāka reformu.', '- ar domuzīmi sākts punkts', '# ar restīti sākts punkts'];
    const list = (key: string) => `${key}:\n${points.map((point) => `  - "${point}"`).join('\n')}\n`;
    const dir = exampleProject({ [file]: `${exampleFile(file).replace(/\n# Short points[\s\S]*$/, '\n')}${list('speaking_points')}${list('speaking_points_en')}` });
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md', 'docx'], template });
    expect(result.diagnostics.filter((d) => d.ruleId.startsWith('docx/'))).toEqual([]);
    const paragraphs = paragraphTexts(part(docxParts(readFileSync(join(dir, `out/IZMzin_190221_EDUC.${template}.docx`))), 'word/document.xml'));
    // Each point whole in one paragraph: no number, dash or # taken away as a list's or a heading's mark.
    for (const point of points) expect(paragraphs.filter((text) => text.replace(/\u00A0/g, ' ').includes(point.slice(2)))).toEqual([expect.stringMatching(new RegExp(`^${point.slice(0, 2)}`))]);
    expect(readFileSync(join(dir, `out/IZMzin_190221_EDUC.${template}.md`), 'utf8')).toContain('1) 2021\\. gadā Latvija sāka reformu.\n2) \\- ar domuzīmi sākts punkts\n3) \\# ar restīti sākts punkts\n');
  });

  it('the speaking points quote a position without points in the configured quotation marks, as the topic above it', async () => {
    const file = 'positions/educ/equity-reforms.yaml';
    const dir = exampleProject({
      [file]: exampleFile(file).replace(/\n# Short points[\s\S]*$/, '\n'),
      'briefing.config.yaml': exampleFile('briefing.config.yaml').replace('quotes: curly', 'quotes: low-high'),
    });
    const markdown = await render(dir, 'speaking-points.lv');
    expect(markdown).toContain('Tēma: „Vienlīdzīga piekļuve izglītībai');
    expect(markdown).toContain('> Runas punkti vēl nav sagatavoti: pozīcijā „equity-reforms“ nav aizpildīts lauks speaking\\_points.');
  });

  // quotes: low-high is how a Latvian text quotes; the English note and speaking points printed their topic „…“ too.
  it.each(['informative-report.en', 'speaking-points.en'])('%s quotes in English, “…”, whatever the Latvian quotes setting', async (template) => {
    const dir = exampleProject({ 'briefing.config.yaml': exampleFile('briefing.config.yaml').replace('quotes: curly', 'quotes: low-high') });
    const markdown = await render(dir, template);
    expect(markdown).toMatch(/Topic:\*{0,2} “Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība”/);
    expect(markdown).not.toContain('„');
  });

  it('the English note names missing clearances in English', async () => {
    const file = 'positions/educ/equity-reforms.yaml';
    const dir = exampleProject({ [file]: exampleFile(file).replace(/(  LM:\n    status: )cleared/, '$1pending') });
    const markdown = await render(dir, 'informative-report.en');
    expect(markdown.split('\n').slice(0, 3)).toEqual(['> **DRAFT.** Not yet fully cleared.', '>', '> Position “equity-reforms”: Ministry of Welfare – no answer yet.']);
    expect(markdown).toContain('Cleared with: Ministry of Foreign Affairs.');
  });

  // The banner is shared by the report and the speaking points: "Ziņojums vēl nav saskaņots" called the minister's speaking points a report.
  it('the Latvian speaking points’ draft banner does not call them a report', async () => {
    const file = 'positions/educ/equity-reforms.yaml';
    const dir = exampleProject({ [file]: exampleFile(file).replace(/(  LM:\n    status: )cleared/, '$1pending') });
    const markdown = await render(dir, 'speaking-points.lv');
    expect(markdown.split('\n')[0]).toBe('> **PROJEKTS.** Vēl nav saskaņots pilnībā.');
    expect(markdown).not.toContain('Ziņojums');
  });

  it.each(['informative-report.en', 'speaking-points.en'])('%s groups the draft note in English, with “…” whatever the Latvian quotes setting', async (template) => {
    const pending = (file: string) => exampleFile(file).replace(/(  AM:\n    status: )cleared/, '$1pending').replace(/(  LM:\n    status: )cleared/, '$1pending');
    const dir = exampleProject({
      'briefing.config.yaml': exampleFile('briefing.config.yaml').replace('quotes: curly', 'quotes: low-high'),
      'positions/educ/equity-achievements.yaml': pending('positions/educ/equity-achievements.yaml').replace('status: cleared #', 'status: draft #'),
      'positions/educ/equity-eu-cooperation.yaml': pending('positions/educ/equity-eu-cooperation.yaml'),
    });
    const markdown = await render(dir, template);
    expect(markdown.split('\n\n')[0]?.split('\n')).toEqual([
      '> **DRAFT.** Not yet fully cleared.',
      '>',
      '> Positions “equity-achievements” and “equity-eu-cooperation”: Ministry of Foreign Affairs and Ministry of Welfare – no answer yet.',
      '>',
      '> Position “equity-achievements” is still a draft.',
    ]);
  });

  // The title's line break is a space in the document's title property: "Briefing note Informal videoconference …" read as two titles run together.
  it.each([
    ['informative-report.en', 'Briefing note for the informal videoconference of EU education ministers, 19 February 2021'],
    ['speaking-points.en', 'Speaking points for the informal videoconference of EU education ministers, 19 February 2021'],
  ])('%s has a title property that reads as one phrase', async (template, title) => {
    const out = tempDir();
    const result = await build({ cwd: exampleProject(), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['docx'], template });
    expect(result.exitCode).toBe(0);
    const [docx] = readdirSync(out).filter((name) => name.endsWith('.docx'));
    expect(part(docxParts(readFileSync(join(out, docx ?? ''))), 'docProps/core.xml')).toContain(`<dc:title>${title}</dc:title>`);
  });

  it('lists every template with its description; a project template replaces a built-in one, and partials are found along the template path', async () => {
    const dir = exampleProject({
      'briefing.config.yaml': `${exampleFile('briefing.config.yaml')}\npaths:\n  templates: my-templates\n`,
      'my-templates/speaking-points.lv.md.hbs': '{{!-- Our own speaking points. --}}\n{{> heading}}\n',
      'my-templates/partials/heading.hbs': 'Mūsu runas punkti: {{meeting.topic}}\n',
      'my-templates/note.md.hbs': '{{! A one-line note. }}\nPiezīme.\n\n{{> signature}}',
    });
    expect(templates({ cwd: dir }).templates.map((t) => [t.name, t.source, t.description, t.overrides, t.partials.map((p) => `${p.name} ${p.source}`)])).toEqual([
      ['informative-report.en', 'built-in', "Briefing note in English: the report's structure, English dates and ministry names.", false, ['english-draft-banner built-in', 'english-meeting-name built-in']],
      ['informative-report.lv', 'built-in', 'Informatīvais ziņojums (Latvian informative report) for an EU Council meeting.', false, ['draft-banner built-in', 'signature built-in']],
      ['note', 'project', 'A one-line note.', false, ['signature built-in']],
      ['speaking-points.en', 'built-in', 'Speaking points in English: short numbered points per question, for an intervention in English.', false, ['english-draft-banner built-in', 'english-meeting-name built-in']],
      ['speaking-points.lv', 'project', 'Our own speaking points.', true, ['heading project']],
    ]);
    expect(await render(dir, 'speaking-points.lv')).toBe('Mūsu runas punkti: Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība\n');
    // A project template finds the built-in partials after its own folder's.
    expect(await render(dir, 'note')).toBe('Piezīme.\n\nIzglītības un zinātnes ministre\tI. Šuplinska\n\nVīza: valsts sekretāre\tL. Lejiņa\n');
    const run = runCli(['templates'], dir);
    expect(run.stdout).toContain('speaking-points.lv     Our own speaking points. (my-templates/speaking-points.lv.md.hbs, replaces the built-in one)\n');
    expect(run.stdout).toContain('note                   A one-line note. (my-templates/note.md.hbs; with the built-in partial signature)\n');
  });

  it('lists each template within the width it is given, its words never split: beside the name, or under it on a narrow terminal; in a pipe, one line each', () => {
    const dir = exampleProject();
    const whole = runCli(['templates'], dir).stdout;
    const lines = whole.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(Math.max(...lines.map((line) => line.length))).toBeGreaterThan(100);
    const words = (text: string) => text.split(/\s+/).filter(Boolean);
    for (const columns of [80, 40]) {
      const run = runCli(['templates'], dir, { COLUMNS: String(columns) });
      const wrapped = run.stdout.trimEnd().split('\n');
      expect(Math.max(...wrapped.map((line) => line.length)), `${columns} columns`).toBeLessThanOrEqual(columns);
      expect(words(run.stdout)).toEqual(words(whole));
    }
    const at80 = runCli(['templates'], dir, { COLUMNS: '80' }).stdout.split('\n');
    expect(at80.slice(0, 2)).toEqual([
      "informative-report.en  Briefing note in English: the report's structure, English",
      '                       dates and ministry names. (built-in)',
    ]);
    expect(runCli(['templates'], dir, { COLUMNS: '40' }).stdout.split('\n').slice(0, 4)).toEqual([
      'informative-report.en',
      '    Briefing note in English: the',
      "    report's structure, English dates",
      '    and ministry names. (built-in)',
    ]);
  });

  it('a template copied alone into the project builds with the built-in partials; one partial copied alone replaces the built-in one', async () => {
    const dir = exampleProject();
    // Exactly the step templates/README.md (written by init) describes.
    expect(TEMPLATES_README).toContain('cp node_modules/briefing/templates/informative-report.lv.md.hbs templates/');
    cpSync(join(REPO, 'templates/informative-report.lv.md.hbs'), join(dir, 'templates/informative-report.lv.md.hbs'), { recursive: true });
    expect(await render(dir, undefined)).toBe(exampleFile('test/fixtures/example/IZMzin_190221_EDUC.md'));
    expect(runCli(['check'], dir)).toMatchObject({ status: 0 });

    writeFile(dir, 'templates/partials/signature.hbs', 'Paraksts: {{meeting.signature.name}}\n');
    expect(await render(dir, undefined)).toMatch(/\n\nParaksts: I\. Šuplinska\n$/);
    // The manifest names each file the report was built from, and where it came from.
    const manifest: unknown = JSON.parse(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      template: {
        files: [
          expect.objectContaining({ path: 'templates/informative-report.lv.md.hbs' }),
          expect.objectContaining({ path: 'templates/partials/draft-banner.hbs', built_in: true }),
          expect.not.objectContaining({ built_in: true }),
        ],
      },
    });
    expect(runCli(['templates'], dir).stdout).toContain('(templates/informative-report.lv.md.hbs, replaces the built-in one; with the built-in partial draft-banner)\n');
    // Without the copied template, the built-in one uses the project's partial.
    rmSync(join(dir, 'templates/informative-report.lv.md.hbs'));
    expect(await render(dir, undefined)).toMatch(/\n\nParaksts: I\. Šuplinska\n$/);
    expect(runCli(['templates'], dir).stdout).toContain(' for an EU Council meeting. (built-in; with your partial templates/partials/signature.hbs)\n');
    // A broken project partial is reported by check at its own line, also as the built-in templates use it.
    writeFile(dir, 'templates/partials/signature.hbs', 'Paraksts:\n{{meeting.signature.nme}}\n');
    const checked = runCli(['check'], dir);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('templates/partials/signature.hbs:2:');
    expect(checked.stdout).toContain('The template uses `nme`, which the data does not have.');
  });

  it('check of a partial in a folder under partials/ alone finds its problems, as check of one directly in partials/ does', async () => {
    const broken = '{{!-- Paraksts. --}}\n{{date meeting.date "locative" "x"}}\n';
    const dir = exampleProject({ 'templates/partials/ministry/sign.hbs': broken, 'templates/partials/sign.hbs': broken });
    const problems = async (path: string) => (await check({ cwd: dir, paths: [path], final: false })).diagnostics.map((d) => [d.file, d.line, d.ruleId, d.message]);
    for (const path of ['templates/partials/ministry/sign.hbs', 'templates/partials/sign.hbs']) {
      expect(await problems(path)).toEqual([[path, 2, 'template/helper', 'The helper `date` takes 1 or 2 arguments, got 3.']]);
    }
  });

  it('warns about a Handlebars file in templates/ that is neither a template nor a partial, and names it when a meeting or --template asks for it', async () => {
    const dir = exampleProject({ 'templates/mans.lv.hbs': '{{!-- Mans --}}\nTeksts\n', 'templates/signature.hbs': 'IZM\n', 'templates/piezimes.md': '# Piezīmes\n' });
    const listed = templates({ cwd: dir });
    expect(listed.exitCode).toBe(0);
    expect(listed.templates.map((t) => t.name)).not.toContain('mans.lv');
    expect(listed.diagnostics.map((d) => [d.file, d.severity, d.ruleId, d.message, d.hint])).toEqual([
      ['templates/mans.lv.hbs', 'warning', 'template/stray-file', "`templates/mans.lv.hbs` is neither a template nor a partial, so nothing uses it: a template's file name ends in `.md.hbs`, and partials lie in `templates/partials/`.", 'Rename it `templates/mans.lv.md.hbs` for the template `mans.lv`, or move it into templates/partials/ if it is a partial.'],
      ['templates/signature.hbs', 'warning', 'template/stray-file', "`templates/signature.hbs` is neither a template nor a partial, so nothing uses it: a template's file name ends in `.md.hbs`, and partials lie in `templates/partials/`.", 'Move it into templates/partials/ to replace the partial `signature` there.'],
    ]);
    const meeting = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'], template: 'mans.lv' }).catch((error: unknown) => error);
    expect(meeting).toMatchObject({ hint: "`templates/mans.lv.hbs` is there, but a template's file name ends in `.md.hbs`. Rename it `templates/mans.lv.md.hbs` for the template `mans.lv`." });
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', 'template: mans.lv'));
    const named = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(named.diagnostics.find((d) => d.ruleId === 'template/missing')?.hint).toBe("`templates/mans.lv.hbs` is there, but a template's file name ends in `.md.hbs`. Rename it `templates/mans.lv.md.hbs` for the template `mans.lv`.");
    expect(templates({ cwd: exampleProject() }).diagnostics).toEqual([]);
  });

  it('warns about a template or partial Notepad saved as a text document (.md.hbs.txt), naming the file used in its place', async () => {
    // The ministry's edits, saved by Notepad as a text document beside the template the meetings go on using.
    const dir = exampleProject({
      'templates/informative-report.lv.md.hbs': '{{!-- Mūsu --}}\nVecais teksts\n',
      'templates/informative-report.lv.md.hbs.txt': '{{!-- Mūsu --}}\nJaunais teksts\n',
      'templates/runas-punkti.lv.md.hbs.txt': '{{!-- Runas punkti --}}\nTeksts\n',
      'templates/partials/signature.hbs.txt': 'VARAM\n',
    });
    const listed = templates({ cwd: dir });
    expect(listed.diagnostics.map((d) => [d.file, d.severity, d.ruleId, d.message, d.hint])).toEqual([
      [
        'templates/informative-report.lv.md.hbs.txt',
        'warning',
        'template/stray-file',
        '`templates/informative-report.lv.md.hbs.txt` is a text document, not a template: it was saved with `.txt` added to its name (Notepad does so, and File Explorer hides the ending), so nothing uses it, and `templates/informative-report.lv.md.hbs`, beside it, is used in its place.',
        'Compare the two, keep the text you want in `templates/informative-report.lv.md.hbs` and delete the .txt file.',
      ],
      [
        'templates/partials/signature.hbs.txt',
        'warning',
        'template/stray-file',
        '`templates/partials/signature.hbs.txt` is a text document, not a partial: it was saved with `.txt` added to its name (Notepad does so, and File Explorer hides the ending), so nothing uses it, and the built-in partial `signature`, if there is one, is used in its place.',
        'Rename it `templates/partials/signature.hbs` (git mv). In Notepad\'s Save As, choose "All files (*.*)" so that no .txt is added.',
      ],
      [
        'templates/runas-punkti.lv.md.hbs.txt',
        'warning',
        'template/stray-file',
        '`templates/runas-punkti.lv.md.hbs.txt` is a text document, not a template: it was saved with `.txt` added to its name (Notepad does so, and File Explorer hides the ending), so nothing uses it, and the built-in template `runas-punkti.lv`, if there is one, is used in its place.',
        'Rename it `templates/runas-punkti.lv.md.hbs` (git mv). In Notepad\'s Save As, choose "All files (*.*)" so that no .txt is added.',
      ],
    ]);
    const checked = await check({ cwd: dir, paths: [], final: false });
    expect(checked.diagnostics.filter((d) => d.ruleId === 'template/stray-file').map((d) => d.file)).toEqual(['templates/informative-report.lv.md.hbs.txt', 'templates/partials/signature.hbs.txt', 'templates/runas-punkti.lv.md.hbs.txt']);
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', 'template: runas-punkti.lv'));
    const named = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(named.diagnostics.find((d) => d.ruleId === 'template/missing')?.hint).toBe("`templates/runas-punkti.lv.md.hbs.txt` is there, but a template's file name ends in `.md.hbs`. Rename it `templates/runas-punkti.lv.md.hbs` for the template `runas-punkti.lv`.");
  });

  it('names the template a stray file is a Windows copy of (x.md - Copy.hbs), not a name to rename it to', () => {
    const dir = exampleProject({ 'templates/informative-report.lv.md.hbs': '{{!-- Mūsu --}}\nVecais\n', 'templates/informative-report.lv.md - Copy.hbs': '{{!-- Mūsu --}}\nTeksts\n', 'templates/speaking-points.lv.md - Copy.hbs': '{{!-- Mūsu --}}\nTeksts\n' });
    expect(templates({ cwd: dir }).diagnostics.map((d) => [d.file, d.ruleId, d.message, d.hint])).toEqual([
      [
        'templates/informative-report.lv.md - Copy.hbs',
        'template/stray-file',
        '`templates/informative-report.lv.md - Copy.hbs` is a copy of `templates/informative-report.lv.md.hbs`, named as Windows names copies, and no template: its name does not end in `.md.hbs`, so nothing uses it, and `templates/informative-report.lv.md.hbs` is used in its place.',
        "Keep the text you want in templates/informative-report.lv.md.hbs (`git diff --no-index templates/informative-report.lv.md.hbs 'templates/informative-report.lv.md - Copy.hbs'` shows how they differ) and delete the copy.",
      ],
      [
        'templates/speaking-points.lv.md - Copy.hbs',
        'template/stray-file',
        '`templates/speaking-points.lv.md - Copy.hbs` is a copy of `templates/speaking-points.lv.md.hbs`, named as Windows names copies, and no template: its name does not end in `.md.hbs`, so nothing uses it, and the built-in template `speaking-points.lv`, if there is one, is used in its place.',
        'Rename it `templates/speaking-points.lv.md.hbs` (git mv) if it is to replace the built-in template.',
      ],
    ]);
  });

  it('says a template Windows named as a copy of another (Copy of x.md.hbs) that no meeting names: edits to it change no report', async () => {
    const template = exampleFile('templates/informative-report.lv.md.hbs');
    const dir = exampleProject({ 'templates/informative-report.lv.md.hbs': template, 'templates/Copy of informative-report.lv.md.hbs': template });
    const copies = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'template/stray-file');
    expect(copies.map((d) => [d.file, d.message, d.hint])).toEqual([
      [
        'templates/Copy of informative-report.lv.md.hbs',
        "`templates/Copy of informative-report.lv.md.hbs` is a copy of `templates/informative-report.lv.md.hbs`, named as Windows, a browser's download or a Mac names copies: a template of its own, `Copy of informative-report.lv`, which no meeting names, so editing it changes no report.",
        "Keep the text you want in templates/informative-report.lv.md.hbs (`git diff --no-index templates/informative-report.lv.md.hbs 'templates/Copy of informative-report.lv.md.hbs'` shows how they differ) and delete the copy; or give it a name of its own and name that in a meeting's `template`.",
      ],
    ]);
    // A meeting that names the copy uses it: nothing to say.
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', 'template: Copy of informative-report.lv'));
    expect((await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'template/stray-file')).toEqual([]);
  });

  it('names the template that is there in another case (a Mac and Windows find it, Linux and CI do not)', async () => {
    const dir = exampleProject({ 'templates/Mans.lv.md.hbs': '{{!-- Mans --}}\nTeksts\n' });
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', 'template: mans.lv'));
    const named = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(named.diagnostics.find((d) => d.ruleId === 'template/missing')?.hint).toBe(
      'The template `Mans.lv` (templates/Mans.lv.md.hbs) is there, its name in another case, which a Mac and Windows take for the same and Linux, git and CI do not. Write `template: Mans.lv`; or rename the file (`git mv`) to the name written.',
    );
    // A built-in one is named without a path: its file is none of the project's.
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', 'template: Informative-Report.lv'));
    const builtIn = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(builtIn.diagnostics.find((d) => d.ruleId === 'template/missing')?.hint).toMatch(/^The template `informative-report\.lv` is there, its name in another case/);
  });

  it('lists a template whose front matter names a reference DOCX that cannot be read as one that cannot be used, with the error', () => {
    const dir = exampleProject({ 'templates/runa.lv.md.hbs': '---\nlayout: { reference_docx: styles/nav.docx }\n---\n{{!-- Runa --}}\nTeksts\n' });
    const listed = templates({ cwd: dir });
    expect(listed.exitCode).toBe(1);
    expect(listed.templates.find((t) => t.name === 'runa.lv')).toMatchObject({ usable: false, errors: 1 });
    expect(listed.diagnostics.map((d) => [d.file, d.line, d.ruleId, d.message])).toEqual([['templates/runa.lv.md.hbs', 1, 'config/reference-docx-missing', 'The reference DOCX `styles/nav.docx` cannot be read.']]);
  });

  it('check says so too when no meeting uses that template, as its first build would (it said no problems)', async () => {
    const dir = exampleProject({ 'templates/runa.lv.md.hbs': '---\nlayout: { reference_docx: styles/nav.docx }\n---\n{{!-- Runa --}}\nTeksts\n' });
    const checked = await check({ cwd: dir, paths: [], final: false });
    expect(checked.exitCode).toBe(1);
    expect(checked.diagnostics.map((d) => [d.file, d.line, d.ruleId])).toEqual([['templates/runa.lv.md.hbs', 1, 'config/reference-docx-missing']]);
  });

  it('warns at a template named for one language whose text is marked as another (a Latvian copy translated without a front matter)', async () => {
    const body = '{{!-- Briefing note --}}\n# Briefing note\n\nOn {{dateEn meeting.date}}.\n';
    const dir = exampleProject({ 'templates/note.en.md.hbs': body, 'templates/marked.en.md.hbs': `---\nlayout: { language: en-US }\n---\n${body}`, 'templates/notes.old.md.hbs': body });
    const run = async (template: string) => (await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'], template })).diagnostics.filter((d) => d.ruleId === 'template/language');
    expect((await run('note.en')).map((d) => [d.file, d.line, d.severity, d.message, d.hint])).toEqual([
      [
        'templates/note.en.md.hbs',
        1,
        'warning',
        'The template `note.en` is named as written in `en`, but its text is marked lv-LV (`layout.language`): Word checks its spelling as that language, and the Latvian abbreviation checks run on it.',
        'Give the template a front matter at its very top: ---, then layout: { language: en-GB }, then ---.',
      ],
    ]);
    expect(await run('marked.en')).toEqual([]);
    expect(await run('notes.old')).toEqual([]);
    expect(await run('informative-report.en')).toEqual([]);
    // check says it once, and of a project with no meeting yet to render the template with too.
    const checked = async (cwd: string) => (await check({ cwd, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'template/language').map((d) => d.file);
    expect(await checked(dir)).toEqual(['templates/note.en.md.hbs']);
    rmSync(join(dir, 'meetings'), { recursive: true });
    expect(await checked(dir)).toEqual(['templates/note.en.md.hbs']);
  });

  it('lists a template that cannot be used as such, with its errors at their lines, and exits 1', () => {
    const dir = exampleProject({
      'templates/broken.md.hbs': '{{!-- Our own note. --}}\n# {{meeting.topic}}\n\n{{#if meeting.questions}}\nJautājumi.\n',
      'templates/lost.md.hbs': '{{!-- Uses a partial nobody wrote. --}}\n{{> no-such-partial}}\n',
    });
    const run = runCli(['templates'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('broken                 Our own note. (templates/broken.md.hbs) cannot be used: 1 error\n');
    expect(run.stdout).toContain('lost                   Uses a partial nobody wrote. (templates/lost.md.hbs) cannot be used: 1 error\n');
    // The usable ones are listed as before.
    expect(run.stdout).toMatch(/informative-report\.lv +Informatīvais ziņojums .*\(built-in\)\n/);
    expect(run.stdout).not.toMatch(/informative-report\.lv.*cannot be used/);
    expect(run.stderr).toMatch(/templates\/broken\.md\.hbs:4:\d+ +error/);
    expect(run.stderr).toMatch(/templates\/lost\.md\.hbs:2:\d+ +error .*no-such-partial/);
    const json = JSON.parse(runCli(['templates', '--json'], dir).stdout) as { name: string; usable: boolean }[];
    expect(json.map((t) => [t.name, t.usable])).toEqual([
      ['broken', false],
      ['informative-report.en', true],
      ['informative-report.lv', true],
      ['lost', false],
      ['speaking-points.en', true],
      ['speaking-points.lv', true],
    ]);
    // Mended, it is offered like the others, and the exit code is 0.
    writeFile(dir, 'templates/broken.md.hbs', '{{!-- Our own note. --}}\n# {{meeting.topic}}\n\n{{#if meeting.questions}}\nJautājumi.\n{{/if}}\n');
    rmSync(join(dir, 'templates/lost.md.hbs'));
    expect(runCli(['templates'], dir)).toMatchObject({ status: 0, stderr: '' });
  });

  it('in colour (a terminal, --color), dims where a template comes from, its control characters still escaped', () => {
    const dir = exampleProject({ 'templates/note.md.hbs': '{{! A note\u0007 that rings. }}\nPiezīme.\n' });
    const run = runCli(['templates', '--color'], dir);
    expect(run.stdout).toContain('Ministra runas punkti (Latvian speaking points): short numbered points per question. \u001b[2m(built-in)\u001b[22m\n');
    expect(run.stdout).toContain('note                   A note\\u0007 that rings. \u001b[2m(templates/note.md.hbs');
    expect(run.stdout).not.toContain('\\u001b');
  });

  it('finds a template and a partial whose file names have their Latvian letters decomposed (copied from a Mac) by the composed name', async () => {
    const dir = exampleProject({
      ['templates/ziņojums.lv.md.hbs'.normalize('NFD')]: '{{!-- Mūsu ziņojums. --}}\n# {{meeting.topic}}\n\n{{> paraksts-ņ}}\n',
      ['templates/partials/paraksts-ņ.hbs'.normalize('NFD')]: 'Paraksts.\n',
    });
    expect(templates({ cwd: dir }).templates.map((t) => t.name)).toContain('ziņojums.lv');
    const run = runCli(['build', EXAMPLE_MEETING, '--template', 'ziņojums.lv', '--format', 'md'], dir);
    expect(run.stderr).toContain('1 built');
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.ziņojums.lv.md'), 'utf8')).toBe('# Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība\n\nParaksts.\n');
  });

  it('check renders a project template no meeting uses with one of the project’s meetings, so a misspelt field shows before the first build with it', () => {
    const dir = exampleProject({ 'templates/short-note.lv.md.hbs': '{{!-- Short. --}}\n# {{meeting.name.lokative}}\n' });
    for (const args of [['check'], ['check', 'templates/short-note.lv.md.hbs']]) {
      const run = runCli(args, dir);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`templates/short-note.lv.md.hbs:2:5  error  The template uses \`lokative\`, which the data does not have (found rendering it for ${EXAMPLE_MEETING}: no meeting of this check uses the template).`);
    }
    // A message that names the meeting already is not told it twice.
    writeFile(dir, 'templates/short-note.lv.md.hbs', '{{!-- Short. --}}\n# {{meeting.name.locative}}\n\nPlkst. {{meeting.time}}\n');
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace(/^time: .*\n/m, ''));
    const empty = runCli(['check'], dir).stdout.split('\n').find((line) => line.includes('template/empty-value')) ?? '';
    expect(empty.split(EXAMPLE_MEETING)).toHaveLength(2);
    expect(empty).toContain('(rendered for that meeting, as no meeting of this check uses the template)');
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING));
    writeFile(dir, 'templates/short-note.lv.md.hbs', '{{!-- Short. --}}\n# {{meeting.name.locative}}\n');
    expect(runCli(['check'], dir)).toMatchObject({ status: 0 });
    // A template one of the newest meetings renders is usable: an old meeting without a signature does not fail it.
    writeFile(dir, 'templates/short-note.lv.md.hbs', '{{!-- Short. --}}\n{{meeting.signature.role}}\n');
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace(/^signature:\n(?: {2}.*\n)+/m, ''));
    writeFile(dir, 'meetings/2021-05-18-educ-council.yaml', exampleFile(EXAMPLE_MEETING).replace('file_code: IZMzin_190221_EDUC', 'file_code: IZMzin_180521_EDUC').replace(/^date: .*$/m, 'date: 2021-05-18'));
    const signed = runCli(['check'], dir);
    expect(signed.stdout).not.toContain('short-note');
    // With only the unsigned meeting, it fails, said with that meeting.
    rmSync(join(dir, 'meetings/2021-05-18-educ-council.yaml'));
    expect(runCli(['check'], dir).stdout).toContain(`templates/short-note.lv.md.hbs:2:3  error  \`meeting.signature.role\`: this meeting has no \`meeting.signature\``);
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING));
    writeFile(dir, 'templates/short-note.lv.md.hbs', '{{!-- Short. --}}\n# {{meeting.name.locative}}\n');
    // A template a meeting uses is checked with that meeting, once.
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', 'template: short-note.lv').replace(/^locative: .*$/m, ''));
    writeFile(dir, 'templates/short-note.lv.md.hbs', '{{!-- Short. --}}\n# {{meeting.name.lokative}}\n');
    const used = runCli(['check'], dir);
    expect(used.stdout.match(/lokative/g)).toHaveLength(1);
    expect(used.stdout).not.toContain('no meeting of this check uses the template');
  });

  it('check of the whole project compiles a template in a sub-folder of templates/ as a build does, with the built-in partials', () => {
    const dir = exampleProject({
      'templates/ministry/report.md.hbs': readFileSync(join(REPO, 'templates/informative-report.lv.md.hbs'), 'utf8'),
      [EXAMPLE_MEETING]: exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', 'template: ministry/report'),
    });
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    expect(runCli(['check'], dir)).toMatchObject({ status: 0, stdout: expect.not.stringContaining('does not exist') });
    // Its own errors are still found.
    writeFile(dir, 'templates/ministry/report.md.hbs', '{{!-- Broken. --}}\n{{> no-such-partial}}\n');
    expect(runCli(['check'], dir).stdout).toMatch(/templates\/ministry\/report\.md\.hbs:2:1 +error +The partial `no-such-partial` does not exist\./);
  });

  it('build --template names a template in a sub-folder of templates/ as a meeting’s `template` does', () => {
    const dir = exampleProject({ 'templates/ministry/report.md.hbs': readFileSync(join(REPO, 'templates/informative-report.lv.md.hbs'), 'utf8') });
    const built = runCli(['build', EXAMPLE_MEETING, '--template', 'ministry/report', '--format', 'md'], dir);
    expect(built).toMatchObject({ status: 0, stderr: expect.stringContaining('1 built') });
    // Beside the report, as another template's report is, not in a folder named after half the template's path.
    expect(built.stdout).toContain('→ out/IZMzin_190221_EDUC.ministry.report.md, out/IZMzin_190221_EDUC.ministry.report.manifest.json');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC.ministry.report.manifest.json', 'IZMzin_190221_EDUC.ministry.report.md']);
    // A name that is no file is still refused before anything is built.
    expect(runCli(['build', EXAMPLE_MEETING, '--template', 'ministry/raport', '--format', 'md'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('No template named `ministry/raport`.') });
  });

  it('two templates whose reports take one name (ministry/report, ministry.report) are an error of `templates` and of a build with either, which writes nothing', () => {
    const text = readFileSync(join(REPO, 'templates/informative-report.lv.md.hbs'), 'utf8');
    const dir = exampleProject({ 'templates/ministry/report.md.hbs': text, 'templates/ministry.report.md.hbs': text });
    const clash = (files: string) =>
      'templates/ministry.report.md.hbs  error  `templates/ministry.report.md.hbs` (template `ministry.report`) and `templates/ministry/report.md.hbs` (template `ministry/report`) write their reports to the same files, ' +
      `${files}.md, .docx, .pdf and .manifest.json (a \`/\` in a template's name becomes \`.\` there): a build with one replaces the other's report. ` +
      "Rename `templates/ministry.report.md.hbs` (to `templates/ministry-report.md.hbs`, say), and write its new name where a meeting's `template:` or a `--template` names it.  template/report-name-clash";
    const listed = runCli(['templates'], dir);
    expect(listed.status).toBe(1);
    expect(listed.stderr).toContain(clash('<file_code>.ministry.report'));
    for (const template of ['ministry/report', 'ministry.report']) {
      const built = runCli(['build', EXAMPLE_MEETING, '--template', template, '--format', 'md'], dir);
      expect(built.status).toBe(1);
      expect(built.stderr).toContain(clash('IZMzin_190221_EDUC.ministry.report'));
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }
    // The meeting's own template names its report after the file code alone, which no other template takes.
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', 'template: ministry/report'));
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md'], dir).status).toBe(0);
    // A template of the project's own whose report takes a built-in one's name: the built-in template is named, and the project's file to rename.
    rmSync(join(dir, 'templates/ministry.report.md.hbs'));
    writeFile(dir, 'templates/speaking-points/en.md.hbs', text);
    expect(runCli(['templates'], dir).stderr).toContain(
      'templates/speaking-points/en.md.hbs  error  The built-in template `speaking-points.en` and `templates/speaking-points/en.md.hbs` (template `speaking-points/en`) write their reports to the same files, <file_code>.speaking-points.en.md',
    );
  });

  it('a meeting naming a template in a sub-folder with a backslash, as on Windows, is told to write `/`', () => {
    const dir = exampleProject({ 'templates/ministry/report.md.hbs': readFileSync(join(REPO, 'templates/informative-report.lv.md.hbs'), 'utf8') });
    writeFile(dir, EXAMPLE_MEETING, exampleFile(EXAMPLE_MEETING).replace('template: informative-report.lv', 'template: ministry\\report'));
    const run = runCli(['check', EXAMPLE_MEETING], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('No template named `ministry\\report`');
    expect(run.stdout).toContain('Write `/` between the folders, `ministry/report`: Windows reads that too, where Linux, a Mac and CI take `\\` for part of the name.');
  });

  it('briefing templates, completion and check list a template in a sub-folder, but no partial', () => {
    const dir = exampleProject({
      'templates/ministry/report.md.hbs': readFileSync(join(REPO, 'templates/informative-report.lv.md.hbs'), 'utf8'),
      'templates/partials/ministry-footer.md.hbs': 'A partial, though its name ends as a template’s.\n',
    });
    const listed = runCli(['templates'], dir);
    expect(listed.stdout).toMatch(/^ministry\/report +Informatīvais ziņojums .*\(templates\/ministry\/report\.md\.hbs;/m);
    expect(listed.stdout).not.toContain('ministry-footer');
    expect(runCli(['__complete', 'template-names'], dir).stdout.split('\n')).toContain('ministry/report');
    // No meeting uses it, and check of the whole project still reads it and finds its errors.
    writeFile(dir, 'templates/ministry/report.md.hbs', '{{!-- Broken. --}}\n{{> no-such-partial}}\n');
    expect(runCli(['check'], dir).stdout).toMatch(/templates\/ministry\/report\.md\.hbs:2:1 +error +The partial `no-such-partial` does not exist\./);
  });

  it('reads the description from the leading comment', () => {
    expect(leadingComment('{{!--\n\n  First line.\n  Second.\n--}}\nbody')).toBe('First line.');
    expect(leadingComment('{{! Short. }}')).toBe('Short.');
    expect(leadingComment('No comment {{!-- later --}}')).toBe('');
    expect(leadingComment('---\nlayout: { font_size_pt: 14 }\n---\n{{!-- After the front matter. --}}\nbody')).toBe('After the front matter.');
    expect(readFileSync(join(REPO, 'templates/speaking-points.lv.md.hbs'), 'utf8')).toMatch(/^---\n[\s\S]*?\n---\n\{\{!--/);
  });
});

describe('a template’s own layout (front matter)', () => {
  const normalStyle = (bytes: Uint8Array) => /<w:style [^>]*w:styleId="Normal"[^>]*>[\s\S]*?<\/w:style>/.exec(part(docxParts(bytes), 'word/styles.xml'))?.[0] ?? '';

  it('answers a `description:` in the front matter with where a template’s description goes: its leading comment', () => {
    const dir = exampleProject({ 'templates/notes.md.hbs': '---\ndescription: Mans\n---\n# {{meeting.topic}}\n' });
    const listed = templates({ cwd: dir });
    expect(listed.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.hint ?? ''}`)).toEqual([
      'templates/notes.md.hbs:2:1 template/front-matter A template is described by the first line of a `{{!-- … --}}` comment at its top (under the front matter), which `briefing templates` shows.',
    ]);
  });

  it('reads a front matter after a byte-order mark (Notepad writes one), as without it', async () => {
    const out = tempDir();
    const dir = exampleProject({ 'templates/notes.md.hbs': '\uFEFF---\nlayout: { font_size_pt: 14 }\n---\n# {{meeting.topic}}\n' });
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], out, final: false, formats: ['md', 'docx'], template: 'notes' });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(out, 'IZMzin_190221_EDUC.notes.md'), 'utf8')).toMatch(/^# Vienlīdzīga piekļuve/);
    expect(normalStyle(readFileSync(join(out, 'IZMzin_190221_EDUC.notes.docx')))).toContain('<w:sz w:val="28"/>');
  });

  it('sets the speaking points at 14 pt with 12 pt between points; the report keeps the config’s 12 pt', async () => {
    const out = tempDir();
    const project = exampleProject();
    await build({ cwd: project, inputs: [EXAMPLE_MEETING], out, final: false, formats: ['docx'], template: 'speaking-points.lv' });
    await build({ cwd: project, inputs: [EXAMPLE_MEETING], out, final: false, formats: ['docx'] });
    const points = normalStyle(readFileSync(join(out, 'IZMzin_190221_EDUC.speaking-points.lv.docx')));
    expect(points).toContain('<w:sz w:val="28"/>');
    expect(points).toMatch(/<w:spacing [^>]*w:after="240"/);
    const report = normalStyle(readFileSync(join(out, 'IZMzin_190221_EDUC.docx')));
    expect(report).toContain('<w:sz w:val="24"/>');
    expect(report).toMatch(/<w:spacing [^>]*w:after="0"/);
  });

  it('refuses a front matter below the first line (under the leading comment, after a blank line), which would be printed into the report', async () => {
    for (const [text, line] of [
      ['{{!-- Our notes. --}}\n---\nlayout: { font_size_pt: 13 }\n---\n# {{meeting.topic}}\n', 2],
      ['{{!--\n  Our notes.\n--}}\n\n---\nlayout:\n  font_size_pt: 13\n---\n# {{meeting.topic}}\n', 5],
      ['\n---\nlayout: { font_size_pt: 13 }\n---\n# {{meeting.topic}}\n', 2],
    ] as const) {
      const dir = exampleProject({ 'templates/notes.md.hbs': text });
      const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], out: tempDir(), final: false, formats: ['md'], template: 'notes' });
      expect(result.diagnostics.map((d) => [d.file, d.line, d.ruleId, d.message])).toEqual([
        ['templates/notes.md.hbs', line, 'template/front-matter', `A front matter must start on the template's first line; this one starts on line ${line}, after a comment or a blank line, so it would be printed at the top of every report and its layout not used.`],
      ]);
      expect(result.summary.built).toBe(0);
    }
    // A rule across the page (`---`) under a comment, with no layout in what follows, is the template's text.
    const rule = exampleProject({ 'templates/notes.md.hbs': '{{!-- Notes. --}}\n---\n# {{meeting.topic}}\n\n---\n' });
    expect((await build({ cwd: rule, inputs: [EXAMPLE_MEETING], out: tempDir(), final: false, formats: ['md'], template: 'notes' })).exitCode).toBe(0);
  });

  it('reports each problem of a front matter at its line and column, as the config’s are worded, and keeps the template’s line numbers', async () => {
    const bad = exampleProject({ 'templates/notes.md.hbs': '---\nlayout: { font_size_pt: huge }\n---\n{{!-- Notes. --}}\n# {{meeting.topic}}\n' });
    const result = await build({ cwd: bad, inputs: [EXAMPLE_MEETING], out: tempDir(), final: false, formats: ['md'], template: 'notes' });
    expect(result.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual([['templates/notes.md.hbs', 2, 25, 'template/front-matter']]);
    expect(result.diagnostics[0]?.message).toBe('The front matter: `layout.font_size_pt` should be a number, not "huge".');
    const typos = exampleProject({ 'templates/notes.md.hbs': '---\nlayout:\n  font_sise_pt: 14\n  paper: A5\n---\n# {{meeting.topic}}\n' });
    const both = await build({ cwd: typos, inputs: [EXAMPLE_MEETING], out: tempDir(), final: false, formats: ['md'], template: 'notes' });
    expect(both.diagnostics.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [3, 3, 'The front matter: unknown field `layout.font_sise_pt` in this template.', 'Did you mean `font_size_pt`?'],
      [4, 10, 'The front matter: `layout.paper` is "A5", which is not one of: A4, Letter.', 'Did you mean `A4`?'],
    ]);
    // A front matter never closed would print at the top of the report.
    const open = exampleProject({ 'templates/notes.md.hbs': '---\nlayout:\n  font_size_pt: 14\n# {{meeting.topic}}\n' });
    const never = await build({ cwd: open, inputs: [EXAMPLE_MEETING], out: tempDir(), final: false, formats: ['md'], template: 'notes' });
    expect(never.diagnostics.map((d) => [d.line, d.ruleId, d.message])).toEqual([[1, 'template/front-matter', 'The front matter is never closed: no `---` line ends it.']]);
    // An empty one (two `---` lines, the layout not written yet) is closed: it sets nothing, and the line numbers stay.
    const empty = exampleProject({ 'templates/notes.md.hbs': '---\n---\n# {{meeting.topik}}\n' });
    const nothing = await build({ cwd: empty, inputs: [EXAMPLE_MEETING], out: tempDir(), final: false, formats: ['md'], template: 'notes' });
    expect(nothing.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[3, 'template/missing-field']]);
    const unclosed = exampleProject({ 'templates/notes.md.hbs': '---\nlayout: [1\n---\n# {{meeting.topic}}\n' });
    const yaml = await build({ cwd: unclosed, inputs: [EXAMPLE_MEETING], out: tempDir(), final: false, formats: ['md'], template: 'notes' });
    expect(yaml.diagnostics.map((d) => [d.line, d.column, d.ruleId])).toEqual([[2, 9, 'template/front-matter']]);
    const typo = exampleProject({ 'templates/notes.md.hbs': '---\nlayout: { font_size_pt: 14 }\n---\n{{!-- Notes. --}}\n# {{meeting.topik}}\n' });
    const second = await build({ cwd: typo, inputs: [EXAMPLE_MEETING], out: tempDir(), final: false, formats: ['md'], template: 'notes' });
    expect(second.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[5, 'template/missing-field']]);
  });
});
