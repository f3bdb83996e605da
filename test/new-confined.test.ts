import { existsSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build } from '../src/commands/build.js';
import { newMeeting, newPosition } from '../src/commands/new.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, tempDir } from './helpers/project.js';

const MEETING_FLAGS = {
  formation: 'EYCS',
  participants: 'ES izglītības ministri',
  topic: 'Digitālās prasmes',
  name: 'ES Izglītības padomes sanāksme',
  nameLocative: 'ES Izglītības padomes sanāksmē',
  clearances: ['AM', 'LM'],
};


describe('new writes only inside the project', () => {
  test.each(['../../x', 'educ/../../..', '/tmp/briefing-absolute'])('new position --dir %s is refused before anything is written', async (dir) => {
    const root = exampleProject();
    // An id of this run's own: the places looked at are outside the test's folder, shared with other runs (a mutant that wrote there once).
    const id = `escaped-${basename(root).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    await expect(newPosition({ cwd: root, id, dir, flags: { question: 'Kā?' } })).rejects.toThrow(/^--dir: `.*` leads out of positions\/; nothing written\.$/);
    for (const place of [join(dirname(root), 'x'), dirname(root), '/tmp/briefing-absolute', join(root, 'positions/tmp/briefing-absolute')]) {
      expect(existsSync(join(place, `${id}.yaml`))).toBe(false);
    }
  });

  test('new position --dir educ/sub still works', async () => {
    const root = exampleProject();
    const result = await newPosition({ cwd: root, id: 'nested', dir: 'educ/sub', flags: { question: 'Kā?' } });
    expect(result.file).toBe('positions/educ/sub/nested.yaml');
  });

  test('new meeting --clearances AM,AM is refused, nothing written', async () => {
    const root = exampleProject();
    await expect(newMeeting({ cwd: root, date: '2021-05-18', slug: 'twice', flags: { ...MEETING_FLAGS, clearances: ['AM', 'AM'] } })).rejects.toThrow(
      '--clearances: `AM` is named twice; nothing written.',
    );
    expect(existsSync(join(root, 'meetings/2021-05-18-twice.yaml'))).toBe(false);
  });

  test('config output: a folder in the project that is a link out of it is named as a link, with where it leads', async () => {
    const root = exampleProject();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, join(root, 'out'));
    const result = await build({ cwd: root, inputs: [EXAMPLE_MEETING], final: false });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['config/path-outside-project', `\`output\` is \`out\`, a link to ${realpathSync(elsewhere)}, outside the project folder; nothing is written there.`]]);
    expect(readdirSync(elsewhere)).toEqual([]);
    // A plain path out of the project says no more than before.
    writeFileSync(join(root, 'briefing.config.yaml'), exampleFile('briefing.config.yaml').replace(/^output: .*$/m, 'output: ../x'));
    expect((await build({ cwd: root, inputs: [EXAMPLE_MEETING], final: false })).diagnostics[0]?.message).toBe('`output` is `../x`, outside the project folder; nothing is written there.');
  });

  test('new meeting --template ../../x is refused, nothing written', async () => {
    const root = exampleProject();
    await expect(newMeeting({ cwd: root, date: '2021-05-18', slug: 'tmpl', flags: { ...MEETING_FLAGS, template: '../../x' } })).rejects.toThrow('No template named `../../x`.');
    expect(existsSync(join(root, 'meetings/2021-05-18-tmpl.yaml'))).toBe(false);
  });

  test.each([
    ['../', 'outside the project folder'],
    ['/tmp/', 'an absolute path'],
  ])('config output: %s… is an error at its line; nothing is built', async (start, words) => {
    const root = exampleProject();
    const output = `${start}${basename(root)}-out`;
    writeFileSync(join(root, 'briefing.config.yaml'), `${exampleFile('briefing.config.yaml').replace(/^output: .*$/m, `output: ${output}`)}`);
    const result = await build({ cwd: root, inputs: [EXAMPLE_MEETING], final: false });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: 'briefing.config.yaml', ruleId: 'config/path-outside-project', line: expect.any(Number) })]);
    expect(result.diagnostics[0]?.message).toContain(words);
    expect(existsSync(join(dirname(root), `${basename(root)}-out`))).toBe(false);
  });

  test('build --out may name any folder: the person running it chose it', async () => {
    const root = exampleProject();
    const elsewhere = join(tempDir(), 'reports');
    const result = await build({ cwd: root, inputs: [EXAMPLE_MEETING], final: false, out: elsewhere });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(elsewhere, 'IZMzin_190221_EDUC.docx'))).toBe(true);
  });
});
