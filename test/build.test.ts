import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { check } from '../src/commands/check.js';
import { SIDE_FILE_AGE_MS } from '../src/emit/write.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, tempDir } from './helpers/project.js';

const GOLDEN = join(REPO, 'test/fixtures/example/IZMzin_190221_EDUC.md');

describe('briefing build on the example meeting', () => {
  it('writes the Markdown of the golden file (UPDATE_GOLDEN=1 rewrites it; review the diff)', async () => {
    const out = tempDir();
    const result = await build({ cwd: REPO, inputs: [EXAMPLE_MEETING], out, final: true, formats: ['md'] });
    expect(result.diagnostics).toEqual([]);
    expect(result.exitCode).toBe(0);
    const markdown = readFileSync(join(out, 'IZMzin_190221_EDUC.md'), 'utf8');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, markdown);
    expect(markdown).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('dates the report by its latest clearance up to the meeting’s day: one recorded since, for a later meeting, does not date it after the meeting', async () => {
    const file = 'positions/educ/equity-reforms.yaml';
    // The position used again in May, and cleared then by VM, which the February meeting does not require.
    const later = exampleFile(file).replace(/^clearance:\n/m, 'clearance:\n  VM:\n    status: cleared\n    date: 2021-05-10\n');
    const dated = async (files: Record<string, string>) => {
      const dir = exampleProject(files);
      const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
      expect(result.exitCode).toBe(0);
      return JSON.parse(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8')).document_date;
    };
    expect(await dated({})).toBe('2021-02-17T00:00:00Z');
    expect(await dated({ [file]: later })).toBe('2021-02-17T00:00:00Z');
    // Every clearance after the meeting: the meeting's day.
    const allLater = exampleFile(EXAMPLE_MEETING).replace(/^date: 2021-02-19$/m, 'date: 2021-02-11').replace(/^file_code: .*$/m, 'file_code: IZMzin_190221_EDUC');
    expect(await dated({ [EXAMPLE_MEETING]: allLater })).toBe('2021-02-11T00:00:00Z');
  });

  it('dates the report by the clearances meeting/document-date checks it against: a request, an objection or a clearance the meeting does not need does not date it; one on the meeting’s day does', async () => {
    const reforms = 'positions/educ/equity-reforms.yaml';
    const dated = async (files: Record<string, string>) => {
      const dir = exampleProject(files);
      const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
      expect(result.exitCode).toBe(0);
      const date = String(JSON.parse(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8')).document_date).slice(0, 10);
      // Written as the meeting's document_date, the day the report would take is no warning, and the day before it is one, when a clearance dates it.
      const warned = async (day: string) => {
        const meeting = { ...files, [EXAMPLE_MEETING]: (files[EXAMPLE_MEETING] ?? exampleFile(EXAMPLE_MEETING)).replace(/^date: (.*)$/m, `date: $1\ndocument_date: ${day}`) };
        const checked = await check({ cwd: exampleProject(meeting), paths: [EXAMPLE_MEETING], final: false });
        return checked.diagnostics.some((d) => d.ruleId === 'meeting/document-date');
      };
      return { date, warnedOnIt: await warned(date), warnedDayBefore: await warned(dayBefore(date)) };
    };
    // LM's clearance on the meeting's day dates it that day.
    const onTheDay = exampleFile(reforms).replace('date: 2021-02-17', 'date: 2021-02-19');
    expect(await dated({ [reforms]: onTheDay })).toEqual({ date: '2021-02-19', warnedOnIt: false, warnedDayBefore: true });
    // A request sent to VM the day before, FM's objection: neither is a clearance the report is built on. It was dated 2021-02-18, check warning of nothing.
    const asked = exampleFile(reforms).replace(/^clearance:\n/m, 'clearance:\n  VM:\n    status: pending\n    date: 2021-02-18\n  FM:\n    status: objected\n    date: 2021-02-18\n');
    expect(await dated({ [reforms]: asked })).toEqual({ date: '2021-02-17', warnedOnIt: false, warnedDayBefore: true });
    // LM's clearance of an earlier text, recorded the day before: it does not count for this one.
    const stale = exampleFile(reforms).replace(/( {2}LM:\n {4}status: cleared\n {4}date: )2021-02-17/, '$12021-02-18\n    version: 1');
    expect(await dated({ [reforms]: stale })).toEqual({ date: '2021-02-16', warnedOnIt: false, warnedDayBefore: true });
  });

  it('names in the clearance line no ministry that owns every position: it cleared none of them', async () => {
    // AM owns the three positions; its entry in one, left from before (clearance/by-owner warns of it), is a request never answered.
    const ids = ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'];
    const files = Object.fromEntries(
      ids.map((id, index) => {
        const text = exampleFile(`positions/educ/${id}.yaml`).replace('  ministry: IZM', '  ministry: AM');
        return [`positions/educ/${id}.yaml`, index === 0 ? text.replace(/( {2}AM:\n {4}status: )cleared/, '$1pending') : text.replace(/ {2}AM:\n(?: {4}.*\n)+/, '')];
      }),
    );
    const dir = exampleProject(files);
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(result.exitCode).toBe(0);
    const markdown = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    // It said "saskaņots ar Ārlietu ministriju un Labklājības ministriju": AM cleared nothing, its own positions.
    expect(markdown).toContain('Informatīvā ziņojuma projekts saskaņots ar Labklājības ministriju.');
  });

  it('follows the anatomy of the model report, in order', async () => {
    const markdown = readFileSync(GOLDEN, 'utf8');
    const landmarks = [
      'Informatīvais ziņojums par\\\n2021\\. gada 19.\u00A0februāra neformālajā Eiropas Savienības izglītības ministru tiešsaistes sanāksmē izskatāmajiem jautājumiem\n===',
      '2021\\. gada 19.\u00A0februārī plkst.\u00A010.00 notiks neformālā Eiropas Savienības (turpmāk\u00A0– ES) izglītības ministru tiešsaistes sanāksme',
      'par tēmu “Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība”.',
      'Ņemot vērā augstākminēto, ministri 2021. gada 19.\u00A0februāra sanāksmē aicināti atbildēt uz šādiem jautājumiem:',
      '\n1. **Kādi ir nozīmīgākie',
      '\n1) pāreju uz kompetencēs balstītu mācību saturu',
      '\n2. **Kādi pasākumi un reformas',
      '\n3. **Kā ES sadarbība ilgtermiņā',
      'Informatīvā ziņojuma projekts saskaņots ar Ārlietu ministriju un Labklājības ministriju.',
      'Izglītības un zinātnes ministre\tI. Šuplinska',
      'Vīza: valsts sekretāre\tL. Lejiņa',
    ];
    let from = 0;
    for (const landmark of landmarks) {
      const at = markdown.indexOf(landmark, from);
      expect(at, `expected after position ${from}: ${landmark}`).toBeGreaterThanOrEqual(0);
      from = at + landmark.length;
    }
    expect(markdown).not.toContain('PROJEKTS');
  });

  it('marks a draft visibly and names what is missing', async () => {
    const dir = exampleProject({
      'positions/educ/equity-reforms.yaml': exampleFile('positions/educ/equity-reforms.yaml').replace(
        /(  LM:\n    status: )cleared/,
        '$1pending',
      ),
    });
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(result.exitCode).toBe(0);
    expect(result.meetings[0]).toMatchObject({ status: 'built', draft: true });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.file])).toEqual([
      ['clearance/missing', 'warning', 'positions/educ/equity-reforms.yaml'],
    ]);
    const markdown = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    expect(markdown.split('\n').slice(0, 4)).toEqual([
      '> **PROJEKTS.** Vēl nav saskaņots pilnībā.',
      '>',
      '> Pozīcija “equity-reforms”: Labklājības ministrija – atbilde vēl nav saņemta.',
      '',
    ]);
    // The clearance line names only the ministry that cleared everything.
    expect(markdown).toContain('Informatīvā ziņojuma projekts saskaņots ar Ārlietu ministriju.');
  });

  it('names each missing clearance once: the positions that lack the same ministries in the same state share one sentence', async () => {
    const pending = (file: string, codes: string[]) =>
      codes.reduce((text, code) => text.replace(new RegExp(`(  ${code}:\\n    status: )cleared`), '$1pending'), exampleFile(file));
    const dir = exampleProject({
      'positions/educ/equity-achievements.yaml': pending('positions/educ/equity-achievements.yaml', ['AM', 'LM']).replace('status: cleared #', 'status: draft #'),
      'positions/educ/equity-reforms.yaml': pending('positions/educ/equity-reforms.yaml', ['LM']),
      'positions/educ/equity-eu-cooperation.yaml': pending('positions/educ/equity-eu-cooperation.yaml', ['AM', 'LM']).replace('status: cleared #', 'status: draft #'),
    });
    expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] })).exitCode).toBe(0);
    const markdown = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    expect(markdown.split('\n\n')[0]?.split('\n')).toEqual([
      '> **PROJEKTS.** Vēl nav saskaņots pilnībā.',
      '>',
      '> Pozīcijas “equity-achievements” un “equity-eu-cooperation”: Ārlietu ministrija un Labklājības ministrija – atbilde vēl nav saņemta.',
      '>',
      '> Pozīcija “equity-reforms”: Labklājības ministrija – atbilde vēl nav saņemta.',
      '>',
      '> Pozīcijas “equity-achievements” un “equity-eu-cooperation” vēl ir projekta stadijā.',
    ]);
  });

  it('quotes the position ids of the draft note as the config’s `quotes` says, like every other quotation', async () => {
    const dir = exampleProject({
      'briefing.config.yaml': exampleFile('briefing.config.yaml').replace('quotes: curly', 'quotes: low-high'),
      'positions/educ/equity-reforms.yaml': exampleFile('positions/educ/equity-reforms.yaml').replace(/(  LM:\n    status: )cleared/, '$1pending').replace('status: cleared', 'status: draft'),
    });
    expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] })).exitCode).toBe(0);
    const markdown = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');
    expect(markdown).toContain('> Pozīcija „equity-reforms“: Labklājības ministrija – atbilde vēl nav saņemta.');
    expect(markdown).toContain('> Pozīcija „equity-reforms“ vēl ir projekta stadijā.');
    expect(markdown).not.toContain('“equity-reforms”');
  });

  it('--final refuses a report with a missing clearance, names position and ministry, writes nothing', async () => {
    const dir = exampleProject({
      'positions/educ/equity-reforms.yaml': exampleFile('positions/educ/equity-reforms.yaml').replace(
        /  LM:\n    status: cleared\n    date: [0-9-]+\n    ref: "[^"]*"\n/,
        '',
      ),
    });
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: true });
    expect(result.exitCode).toBe(1);
    expect(result.meetings).toEqual([expect.objectContaining({ meeting: EXAMPLE_MEETING, status: 'failed', outputs: [] })]);
    const [problem] = result.diagnostics;
    expect(result.diagnostics).toHaveLength(1);
    expect(problem).toMatchObject({ ruleId: 'clearance/missing', severity: 'error', file: 'positions/educ/equity-reforms.yaml' });
    expect(problem?.message).toContain('equity-reforms');
    expect(problem?.message).toContain('Labklājības ministrija (LM)');
    expect(problem?.line).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('leaves an earlier good output untouched when a meeting now has errors', async () => {
    const dir = exampleProject();
    await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false });
    const before = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'));
    writeFileSync(
      join(dir, 'positions/educ/equity-reforms.yaml'),
      exampleFile('positions/educ/equity-reforms.yaml').replace('version: 2', 'version: two'),
    );
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'schema/type', line: expect.any(Number) });
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC.docx', 'IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md']);
  });

  it('removes what a killed build left beside the reports, even when every meeting is unchanged and nothing is written', async () => {
    const dir = exampleProject();
    const first = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(first.summary).toEqual({ built: 1, unchanged: 0, failed: 0 });
    // A temporary file of a write stopped by SIGKILL, older than a minute (this process's id: no write of its own is under way).
    const side = join(dir, 'out', `.IZMzin_190221_EDUC.md.${process.pid}.0badc0de.tmp`);
    writeFileSync(side, 'half a report');
    const old = new Date(Date.now() - 2 * SIDE_FILE_AGE_MS);
    utimesSync(side, old, old);
    const again = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, formats: ['md'] });
    expect(again.summary).toEqual({ built: 0, unchanged: 1, failed: 0 });
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md']);
  });

  it('builds the other meetings when one of them is broken', async () => {
    const meeting = exampleFile(EXAMPLE_MEETING);
    const dir = exampleProject({
      'meetings/2021-05-18-broken.yaml': meeting.replace('file_code: IZMzin_190221_EDUC', 'file_code: IZMzin_180521_EDUC').replace('kind: informal', 'kind: informall'),
    });
    const result = await build({ cwd: dir, inputs: ['meetings/*.yaml'], final: false, formats: ['md'] });
    expect(result.exitCode).toBe(1);
    expect(result.meetings.map((m) => [m.meeting, m.status])).toEqual([
      [EXAMPLE_MEETING, 'built'],
      ['meetings/2021-05-18-broken.yaml', 'failed'],
    ]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'schema/enum', hint: 'Did you mean `informal`?', line: 15, column: 7 }),
    ]);
  });
});

/** The day before `day` (YYYY-MM-DD). */
function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
