import { cpSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { clear } from '../../src/commands/clear.js';
import { describeTemplates } from '../../src/load/template-catalog.js';
import { loadProject } from '../../src/load/project.js';
import { CHECK_BASE } from '../helpers/corpus.js';
import { runCli, tempDir } from '../helpers/project.js';

const POSITION = 'positions/youth/youth-organisations.yaml';
const MEETING = 'meetings/2021-05-17-youth.yaml';

function project(): string {
  const dir = tempDir();
  cpSync(CHECK_BASE, dir, { recursive: true });
  return dir;
}

/** Moves a project file out of the project and leaves a symbolic link to it in its place. */
function linkOut(dir: string, path: string): string {
  const outside = join(tempDir('briefing-outside-'), path.split('/').pop() ?? 'x');
  cpSync(join(dir, path), outside, { recursive: true });
  rmSync(join(dir, path), { recursive: true });
  symlinkSync(outside, join(dir, path));
  return outside;
}

describe('symbolic links out of the project are named and not followed', () => {
  test('a position file linked to outside: check and build refuse it, naming where it points', async () => {
    const dir = project();
    const outside = linkOut(dir, POSITION);
    const checked = await check({ cwd: dir, paths: [], final: false });
    expect(checked.exitCode).toBe(1);
    expect(checked.diagnostics).toContainEqual(
      expect.objectContaining({ file: POSITION, ruleId: 'input/link-outside', message: `This is a symbolic link to ${outside}, outside the project; briefing does not read or write through it.` }),
    );
    // Only the link is left out: the position beside it is still read.
    expect(loadProject(dir).positionFiles.map((file) => file.path)).toEqual(['positions/youth/youth-participation.yaml']);
    const built = await build({ cwd: dir, inputs: [MEETING], final: false, out: 'out' });
    expect(built.exitCode).toBe(1);
    expect(built.meetings.filter((m) => m.status === 'built')).toEqual([]);
  });

  test('a positions sub-folder linked to outside is named as the link, and its files are not read', async () => {
    const dir = project();
    const outside = linkOut(dir, 'positions/youth');
    const loaded = loadProject(dir);
    expect(loaded.positionFiles).toEqual([]);
    expect(loaded.setupDiagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([
      ['positions/youth', 'input/link-outside', `This is a symbolic link to ${outside}, outside the project; briefing does not read or write through it.`],
    ]);
  });

  test('a meeting named on the command line that links outside is refused', async () => {
    const dir = project();
    linkOut(dir, MEETING);
    const built = await build({ cwd: dir, inputs: [MEETING], final: false, out: 'out' });
    expect(built.exitCode).toBe(1);
    expect(built.diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual([MEETING, 'input/link-outside']);
    const checked = await check({ cwd: dir, paths: [MEETING], final: false });
    expect(checked.diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual([MEETING, 'input/link-outside']);
  });

  test('a file named on the command line that lies outside through a link of its own, or through a linked folder on its way, is refused naming that link, outside the folders check walks', async () => {
    const dir = project();
    const file = tempDir('briefing-outside-');
    cpSync(join(dir, MEETING), join(file, 'linked.yaml'));
    symlinkSync(join(file, 'linked.yaml'), join(dir, 'linked.yaml'));
    const folder = tempDir('briefing-outside-');
    cpSync(join(dir, MEETING), join(folder, 'shared.yaml'));
    symlinkSync(folder, join(dir, 'shared'));
    const checked = await check({ cwd: dir, paths: ['linked.yaml', 'shared/shared.yaml'], final: false });
    expect(checked.diagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([
      ['linked.yaml', 'input/link-outside', `This is a symbolic link to ${realpathSync(join(file, 'linked.yaml'))}, outside the project; briefing does not read or write through it.`],
      ['shared', 'input/link-outside', `This is a symbolic link to ${realpathSync(folder)}, outside the project; briefing does not read or write through it.`],
    ]);
  });

  test('a link in the meetings folder back to the project is named once, not followed round and round (two such ran out of memory)', async () => {
    const dir = project();
    symlinkSync('..', join(dir, 'meetings/up'));
    const checked = await check({ cwd: dir, paths: [], final: false });
    expect(checked.diagnostics.filter((d) => d.ruleId === 'input/link-outside').map((d) => [d.file, d.message])).toEqual([
      ['meetings/up', `This is a symbolic link to ${realpathSync(dir)}, the project folder itself; briefing does not read or write through it.`],
    ]);
  });

  test('a meeting file linked to a file that is gone is named in a warning by check and build --all, not passed over in silence', async () => {
    const dir = project();
    symlinkSync('../shared/2021-06-01-youth.yaml', join(dir, 'meetings/2021-06-01-youth.yaml'));
    const expected = {
      file: 'meetings/2021-06-01-youth.yaml',
      severity: 'warning',
      ruleId: 'input/link-dangling',
      message: 'This is a symbolic link to ../shared/2021-06-01-youth.yaml, which does not exist; it is left out.',
    };
    const checked = await check({ cwd: dir, paths: [], final: false });
    expect(checked.diagnostics).toContainEqual(expect.objectContaining(expected));
    const built = await build({ cwd: dir, inputs: [], all: true, final: false, out: 'out', formats: ['md'] });
    expect(built.runDiagnostics).toContainEqual(expect.objectContaining(expected));
    expect(built.meetings.map((m) => m.meeting)).not.toContain('meetings/2021-06-01-youth.yaml');
  });

  test('an editor\'s lock beside a file being edited (Emacs: .#<name>.yaml, a link to nothing) is no warning: files whose name starts with a dot are never read', async () => {
    const dir = project();
    symlinkSync('anna@desk.4242:1733380000', join(dir, 'meetings/.#2021-05-17-youth.yaml'));
    symlinkSync('anna@desk.4242:1733380000', join(dir, 'positions/youth/.#youth-organisations.yaml'));
    mkdirSync(join(dir, 'positions/.drafts'));
    symlinkSync('/nowhere/old.yaml', join(dir, 'positions/.drafts/old.yaml'));
    const checked = await check({ cwd: dir, paths: [], final: false });
    expect(checked.diagnostics.filter((d) => d.ruleId.startsWith('input/link'))).toEqual([]);
    const built = await build({ cwd: dir, inputs: [MEETING], final: false, out: 'out', formats: ['md'] });
    expect(built.diagnostics.filter((d) => d.ruleId.startsWith('input/link'))).toEqual([]);
    expect(built.exitCode).toBe(0);
  });

  test('a plain file whose name starts with a dot (the ._<name>.yaml a Mac leaves beside each file it copies to a shared drive) is not read as a meeting or a position', async () => {
    const dir = project();
    writeFileSync(join(dir, 'meetings/._2021-05-17-youth.yaml'), Buffer.from([0, 5, 22, 7, 0, 2, 0, 0, 77, 97, 99]));
    writeFileSync(join(dir, 'positions/youth/.youth-organisations.yaml'), 'id: youth-organisations\n');
    const checked = await check({ cwd: dir, paths: [], final: false });
    expect(checked.diagnostics.map((d) => d.file).filter((file) => file.includes('/.'))).toEqual([]);
    expect(checked.exitCode).toBe(0);
    const built = await build({ cwd: dir, inputs: [], all: true, final: false, out: 'out', formats: ['md'] });
    expect(built.meetings.map((m) => m.meeting)).toEqual([MEETING]);
    expect(built.exitCode).toBe(0);
  });

  test('`templates` does not list a template linked from outside the templates folder', () => {
    const dir = project();
    const elsewhere = join(tempDir('briefing-outside-'), 'evil.md.hbs');
    writeFileSync(elsewhere, '{{!-- from elsewhere --}}\nx\n');
    symlinkSync(elsewhere, join(dir, 'templates/evil.md.hbs'));
    expect(describeTemplates(loadProject(dir), () => []).map((t) => t.name)).not.toContain('evil');
  });

  test('check templates/evil.md.hbs reports the link that build refuses to follow', async () => {
    const dir = project();
    const elsewhere = join(tempDir('briefing-outside-'), 'evil.md.hbs');
    writeFileSync(elsewhere, '{{!-- from elsewhere --}}\nx\n');
    symlinkSync(elsewhere, join(dir, 'templates/evil.md.hbs'));
    const named = await check({ cwd: dir, paths: ['templates/evil.md.hbs'], final: false });
    expect(named.exitCode).toBe(1);
    expect(named.diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual(['templates/evil.md.hbs', 'input/link-outside']);
    const built = await build({ cwd: dir, inputs: [MEETING], final: false, out: 'out', template: 'evil' });
    expect(built.exitCode).toBe(1);
    expect(built.diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual(['templates/evil.md.hbs', 'input/link-outside']);
  });

  test('a template linked to a file of the project outside templates/ is refused, not read: the link is no link out of the project, so only the template path says so', async () => {
    const dir = project();
    writeFileSync(join(dir, 'notes.md.hbs'), 'Piezīme: {{meeting.topic}}\n');
    symlinkSync('../notes.md.hbs', join(dir, 'templates/notes.md.hbs'));
    writeFileSync(join(dir, MEETING), `${readFileSync(join(dir, MEETING), 'utf8')}template: notes\n`);
    const built = await build({ cwd: dir, inputs: [MEETING], final: false, out: 'out', formats: ['md'] });
    expect(built.exitCode).toBe(1);
    expect(built.diagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([[MEETING, 'template/outside-folder', 'The template `notes` lies outside the templates folder; it is not read.']]);
  });

  test('clear refuses a position file that links outside, and leaves the link a link', () => {
    const dir = project();
    const outside = linkOut(dir, POSITION);
    const before = readFileSync(outside, 'utf8');
    const result = clear({ cwd: dir, position: POSITION, ministry: 'LM', date: '2021-05-10', status: 'cleared' });
    expect(result.exitCode).not.toBe(0);
    expect(result.written).toBe(false);
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('input/link-outside');
    expect(lstatSync(join(dir, POSITION)).isSymbolicLink()).toBe(true);
    expect(readFileSync(outside, 'utf8')).toBe(before);
  });

  test('clear writes through a link to a file inside the project: the link stays a link', () => {
    const dir = project();
    mkdirSync(join(dir, 'shared'));
    cpSync(join(dir, POSITION), join(dir, 'shared/youth-organisations.yaml'));
    rmSync(join(dir, POSITION));
    symlinkSync('../../shared/youth-organisations.yaml', join(dir, POSITION));
    const result = clear({ cwd: dir, position: POSITION, ministry: 'LM', date: '2021-05-10', status: 'cleared' });
    expect(result.exitCode).toBe(0);
    expect(result.written).toBe(true);
    expect(lstatSync(join(dir, POSITION)).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'shared/youth-organisations.yaml'), 'utf8')).toContain('date: 2021-05-10');
  });
});

describe('a symbolic link named on the command line that leads nowhere', () => {
  test('is said to be one by every command, in the words of the warning, not "no such file" of a name a listing shows, nor as the system code ELOOP', () => {
    const dir = project();
    // Two links that point at each other, as a link moved onto its own target's name leaves them, and one to a file gone.
    symlinkSync('2021-06-02-youth.yaml', join(dir, 'meetings/2021-06-01-youth.yaml'));
    symlinkSync('2021-06-01-youth.yaml', join(dir, 'meetings/2021-06-02-youth.yaml'));
    symlinkSync('reply-old.docx', join(dir, 'reply.docx'));
    symlinkSync('reply.docx', join(dir, 'reply-old.docx'));
    symlinkSync('../gone/position.yaml', join(dir, 'positions/youth/moved.yaml'));
    const loop = 'a symbolic link to 2021-06-02-youth.yaml, which leads back to itself';
    const hint = 'Point the link at the file where it is now, or remove the link.';
    const meeting = 'meetings/2021-06-01-youth.yaml';
    const said = (args: string[]) => {
      const run = runCli(args, dir);
      return { status: run.status, lines: `${run.stdout}${run.stderr}`.split('\n').filter((line) => !line.includes('input/link-dangling')) };
    };
    expect(said(['check', meeting])).toEqual({ status: 1, lines: expect.arrayContaining([`${meeting}  error  This is ${loop}: there is no file to read. ${hint}  input/not-found`]) });
    expect(said(['build', meeting])).toEqual({ status: 1, lines: expect.arrayContaining([`${meeting}  error  This is ${loop}: there is no meeting file to read. ${hint}  input/not-found`]) });
    expect(said(['diff', meeting])).toEqual({ status: 2, lines: expect.arrayContaining([`${meeting}  error  This is ${loop}: there is no file to compare. ${hint}  input/not-found`]) });
    expect(said(['list', '--meeting', meeting])).toEqual({ status: 2, lines: expect.arrayContaining([`briefing: ${meeting}: is ${loop}: there is no meeting file to list.`, `  ${hint}`]) });
    expect(said(['clear', 'positions/youth/moved.yaml', '--ministry', 'AM', '--date', '2021-05-10'])).toEqual({
      status: 2,
      lines: expect.arrayContaining(['briefing: positions/youth/moved.yaml: is a symbolic link to ../gone/position.yaml, which does not exist: there is no position file to clear; nothing written.', `  ${hint}`]),
    });
    for (const command of ['review', 'import']) {
      expect(said([command, 'reply.docx'])).toEqual({ status: 2, lines: expect.arrayContaining(['briefing: reply.docx: is a symbolic link to reply-old.docx, which leads back to itself: there is no file to read.', `  ${hint}`]) });
    }
  });
});
