import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectWithMeetings } from '../helpers/meetings.js';
import { EXAMPLE_MEETING, exampleFile, writeFile } from '../helpers/project.js';
import { MODES_COUNT, openFolders, runAsUser } from '../helpers/other-user.js';

describe('a meeting file that cannot be read', () => {
  it.skipIf(!MODES_COUNT)('is one message in check, which still checks the other meetings, and exits 2 as build does', () => {
    const spec = { positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'] } as const;
    const dir = projectWithMeetings({ 'meetings/m1.yaml': { ...spec, fileCode: 'M1' }, 'meetings/m2.yaml': { ...spec, fileCode: 'M2' } });
    writeFile(dir, 'meetings/m2.yaml', exampleFile(EXAMPLE_MEETING).replace('kind: informal', 'kind: casual').replace(/^file_code: .*$/m, 'file_code: M2'));
    openFolders(dir);
    chmodSync(join(dir, 'meetings/m1.yaml'), 0o000);
    const checked = runAsUser(['check'], dir);
    expect(checked.status, checked.out).toBe(2);
    expect(checked.out).toContain('meetings/m1.yaml  error  Not allowed to read this file. Ask its owner (`ls -l` names them) to let you read it, or run briefing as a user who may.  input/unreadable');
    // The others are still checked: m2's own error is found.
    expect(checked.out).toMatch(/meetings\/m2\.yaml:\d+:\d+ +error .*schema\/enum/);
    expect(checked.out).toContain('Checked 3 meetings');
    // A check of another meeting alone is not stopped by it.
    expect(runAsUser(['check', EXAMPLE_MEETING], dir).status).toBe(0);
    const built = runAsUser(['build', '--all', '--format', 'md'], dir);
    expect(built.status, built.out).toBe(2);
    expect(built.out).toContain('meetings/m1.yaml  error  Not allowed to read this file. Ask its owner (`ls -l` names them) to let you read it, or run briefing as a user who may.  input/unreadable');
  });
});

describe('a position file that cannot be read', () => {
  it.skipIf(!MODES_COUNT)('fails only the meetings that use it, named on that file; the others build, check goes on, and both exit 2', () => {
    // m1 uses the example's positions; m2 uses a copy of one under another id instead of equity-eu-cooperation.
    const dir = projectWithMeetings({
      'meetings/m1.yaml': { positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'], fileCode: 'M1' },
      'meetings/m2.yaml': { positions: ['equity-achievements', 'equity-reforms', 'other-cooperation'], fileCode: 'M2' },
    });
    openFolders(dir);
    chmodSync(join(dir, 'positions/educ/equity-eu-cooperation.yaml'), 0o000);
    const problem = 'positions/educ/equity-eu-cooperation.yaml  error  Not allowed to read this file. Ask its owner (`ls -l` names them) to let you read it, or run briefing as a user who may.  input/unreadable';

    const built = runAsUser(['build', '--all', '--format', 'md', '--json'], dir);
    expect(built.status, built.out).toBe(2);
    const report: unknown = JSON.parse(built.out.slice(0, built.out.lastIndexOf('}') + 1));
    expect(report).toMatchObject({
      exitCode: 2,
      summary: { built: 1, failed: 2 },
      messages: [],
      meetings: [
        { meeting: EXAMPLE_MEETING, status: 'failed', messages: [{ file: 'positions/educ/equity-eu-cooperation.yaml', ruleId: 'input/unreadable', message: 'Not allowed to read this file.' }] },
        { meeting: 'meetings/m1.yaml', status: 'failed' },
        { meeting: 'meetings/m2.yaml', status: 'built' },
      ],
    });

    const checked = runAsUser(['check'], dir);
    expect(checked.status, checked.out).toBe(2);
    expect(checked.out).toContain(problem);
    expect(checked.out).toContain('Checked 3 meetings');
  });
});

describe('a position file that cannot be read, whose id is not its file name', () => {
  it.skipIf(!MODES_COUNT)('is named as the file that may hold the position, not answered with another id (exit 2)', () => {
    const dir = projectWithMeetings({});
    writeFile(dir, 'meetings/m1.yaml', exampleFile(EXAMPLE_MEETING).replace('position: equity-eu-cooperation', 'position: eu-cooperation').replace(/^file_code: .*$/m, 'file_code: M1'));
    const file = 'positions/educ/equity-eu-cooperation.yaml';
    writeFile(dir, file, exampleFile(file).replace(/^id: .*$/m, 'id: eu-cooperation'));
    openFolders(dir);
    chmodSync(join(dir, file), 0o000);
    const built = runAsUser(['build', 'meetings/m1.yaml', '--format', 'md'], dir);
    expect(built.status, built.out).toBe(2);
    expect(built.out).toContain(`Question 3 points to the position \`eu-cooperation\`, which no position file that could be read has; ${file} cannot be read, and may hold it.`);
    expect(built.out).toContain(`${file}  error  Not allowed to read this file. Ask its owner (\`ls -l\` names them) to let you read it, or run briefing as a user who may.  input/unreadable`);
    expect(built.out).not.toContain('Did you mean');
  });
});

describe('a template file that cannot be read', () => {
  it.skipIf(!MODES_COUNT)('fails the meetings that use it, at that file, after a build that filled the cache too; check says it at the file; both exit 2', () => {
    const dir = projectWithMeetings({ 'meetings/m1.yaml': { positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'], fileCode: 'M1' } });
    writeFile(dir, 'templates/partials/signature.hbs', exampleFile('templates/partials/signature.hbs'));
    openFolders(dir);
    // The cache knows every meeting: the next build looks at the template to tell whether they changed.
    expect(runAsUser(['build', '--all', '--format', 'md'], dir).status).toBe(0);
    chmodSync(join(dir, 'templates/partials/signature.hbs'), 0o000);
    const unreadable = { file: 'templates/partials/signature.hbs', ruleId: 'input/unreadable', message: 'Not allowed to read this file.' };

    const built = runAsUser(['build', '--all', '--format', 'md', '--json'], dir);
    expect(built.status, built.out).toBe(2);
    const report: unknown = JSON.parse(built.out.slice(0, built.out.lastIndexOf('}') + 1));
    expect(report).toMatchObject({ exitCode: 2, summary: { built: 0, failed: 2 }, messages: [], meetings: [{ messages: [unreadable] }, { messages: [unreadable] }] });

    const checked = runAsUser(['check'], dir);
    expect(checked.status, checked.out).toBe(2);
    expect(checked.out).toContain('templates/partials/signature.hbs  error  Not allowed to read this file. Ask its owner (`ls -l` names them) to let you read it, or run briefing as a user who may.  input/unreadable');
  });

  it.skipIf(!MODES_COUNT)('fails no meeting when it is a partial no template includes; check still says it at the file', () => {
    const dir = projectWithMeetings({ 'meetings/m1.yaml': { positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'], fileCode: 'M1' } });
    writeFile(dir, 'templates/partials/unused.hbs', 'Nekur neiekļauts.\n');
    openFolders(dir);
    chmodSync(join(dir, 'templates/partials/unused.hbs'), 0o000);
    const built = runAsUser(['build', '--all', '--format', 'md', '--json'], dir);
    expect(built.status, built.out).toBe(0);
    expect(JSON.parse(built.out.slice(0, built.out.lastIndexOf('}') + 1))).toMatchObject({ exitCode: 0, summary: { built: 2, failed: 0 } });
    const checked = runAsUser(['check'], dir);
    expect(checked.status, checked.out).toBe(2);
    expect(checked.out).toContain('templates/partials/unused.hbs  error  Not allowed to read this file. Ask its owner (`ls -l` names them) to let you read it, or run briefing as a user who may.  input/unreadable');
  });
});

// A folder its owner keeps to themselves (mode 700, a copy from another user's checkout) was passed over in silence: check
// said "Checked 0 meetings" and exit 0, a position in it "was deleted since the last commit", and a build took the
// built-in template for the project's own.
describe('a folder of the project that cannot be listed', () => {
  const problem = (folder: string) =>
    `${folder}  error  Not allowed to list this folder, so none of the files in it can be read. Ask its owner (\`ls -ld\` names them) to let you read it, or run briefing as a user who may.  input/unreadable`;

  it.skipIf(!MODES_COUNT)('is said at the folder by check and build, which build nothing (exit 2): meetings, a folder of positions', () => {
    const dir = projectWithMeetings({});
    openFolders(dir);
    chmodSync(join(dir, 'meetings'), 0o000);
    const checked = runAsUser(['check'], dir);
    expect(checked.out).toContain(problem('meetings'));
    expect(checked.status, checked.out).toBe(2);
    chmodSync(join(dir, 'meetings'), 0o777);

    chmodSync(join(dir, 'positions/educ'), 0o000);
    const built = runAsUser(['build', EXAMPLE_MEETING, '--format', 'md'], dir);
    expect(built.out).toContain(problem('positions/educ'));
    expect(built.out).not.toContain('was deleted');
    expect(built.status, built.out).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);

    // list says it too, and not, after it, that there are no positions yet and to write the first.
    chmodSync(join(dir, 'positions/educ'), 0o777);
    chmodSync(join(dir, 'positions'), 0o000);
    const listed = runAsUser(['list'], dir);
    expect(listed.out).toContain(problem('positions'));
    expect(listed.out).not.toContain('No positions yet');
    expect(listed.status, listed.out).toBe(1);
  });

  it.skipIf(!MODES_COUNT)('is said at the folder of templates too: the built-in template is not taken for the project’s own', () => {
    const dir = projectWithMeetings({});
    writeFile(dir, 'templates/partials/signature.hbs', `${exampleFile('templates/partials/signature.hbs')}Sagatavoja: projekta paraksts\n`);
    openFolders(dir);
    chmodSync(join(dir, 'templates/partials'), 0o000);
    const built = runAsUser(['build', EXAMPLE_MEETING, '--format', 'md'], dir);
    expect(built.out).toContain(problem('templates/partials'));
    expect(built.status, built.out).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
