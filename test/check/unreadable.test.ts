import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectWithMeetings } from '../helpers/meetings.js';
import { EXAMPLE_MEETING, exampleFile, REPO, tempDir, writeFile } from '../helpers/project.js';

/** Root reads any file: as root the CLI runs as `nobody` (setpriv), for whom a file with mode 000 is unreadable. */
const AS_ROOT = process.getuid?.() === 0;
const SETPRIV = spawnSync('setpriv', ['--version']).status === 0;
/**
 * Whether that user can reach the tool at all: a clone made with `mktemp -d` (mode 0700, as the README's
 * check from a fresh clone makes one) is its owner's alone, and the CLI could not even start.
 */
const OTHER_USER_REACHES_TOOL = !AS_ROOT || (SETPRIV && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'test', '-r', join(REPO, 'bin/briefing.js')]).status === 0);

/** Runs the built CLI as a user who cannot read files with mode 000. */
function runAsUser(args: readonly string[], cwd: string) {
  const home = tempDir();
  for (const dir of [home, cwd]) chmodSync(dir, 0o777);
  const command = AS_ROOT ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
  const result = spawnSync(command[0] ?? '', [...command.slice(1), join(REPO, 'bin/briefing.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, HOME: home, NO_COLOR: '1' } });
  return { status: result.status, out: result.stdout + result.stderr };
}

/** Lets every user into the project's folders (a temporary folder is its owner's alone). */
function openFolders(dir: string): void {
  chmodSync(dir, 0o777);
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (statSync(join(dir, name)).isDirectory()) chmodSync(join(dir, name), 0o777);
  }
}

describe('a meeting file that cannot be read', () => {
  it.skipIf(AS_ROOT && (!SETPRIV || !OTHER_USER_REACHES_TOOL))('is one message in check, which still checks the other meetings, and exits 2 as build does', () => {
    const spec = { positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'] } as const;
    const dir = projectWithMeetings({ 'meetings/m1.yaml': { ...spec, fileCode: 'M1' }, 'meetings/m2.yaml': { ...spec, fileCode: 'M2' } });
    writeFile(dir, 'meetings/m2.yaml', exampleFile(EXAMPLE_MEETING).replace('kind: informal', 'kind: casual').replace(/^file_code: .*$/m, 'file_code: M2'));
    openFolders(dir);
    chmodSync(join(dir, 'meetings/m1.yaml'), 0o000);
    const checked = runAsUser(['check'], dir);
    expect(checked.status, checked.out).toBe(2);
    expect(checked.out).toContain('meetings/m1.yaml  error  meetings/m1.yaml: not allowed to read this file.  input/unreadable');
    // The others are still checked: m2's own error is found.
    expect(checked.out).toMatch(/meetings\/m2\.yaml:\d+:\d+ +error .*schema\/enum/);
    expect(checked.out).toContain('Checked 3 meetings');
    // A check of another meeting alone is not stopped by it.
    expect(runAsUser(['check', EXAMPLE_MEETING], dir).status).toBe(0);
    const built = runAsUser(['build', '--all', '--format', 'md'], dir);
    expect(built.status, built.out).toBe(2);
    expect(built.out).toContain('meetings/m1.yaml  error  meetings/m1.yaml: not allowed to read this file.  input/unreadable');
  });
});

describe('a position file that cannot be read', () => {
  it.skipIf(AS_ROOT && (!SETPRIV || !OTHER_USER_REACHES_TOOL))('fails only the meetings that use it, named on that file; the others build, check goes on, and both exit 2', () => {
    // m1 uses the example's positions; m2 uses a copy of one under another id instead of equity-eu-cooperation.
    const dir = projectWithMeetings({
      'meetings/m1.yaml': { positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'], fileCode: 'M1' },
      'meetings/m2.yaml': { positions: ['equity-achievements', 'equity-reforms', 'other-cooperation'], fileCode: 'M2' },
    });
    openFolders(dir);
    chmodSync(join(dir, 'positions/educ/equity-eu-cooperation.yaml'), 0o000);
    const problem = 'positions/educ/equity-eu-cooperation.yaml  error  positions/educ/equity-eu-cooperation.yaml: not allowed to read this file.  input/unreadable';

    const built = runAsUser(['build', '--all', '--format', 'md', '--json'], dir);
    expect(built.status, built.out).toBe(2);
    const report: unknown = JSON.parse(built.out.slice(0, built.out.lastIndexOf('}') + 1));
    expect(report).toMatchObject({
      exitCode: 2,
      summary: { built: 1, failed: 2 },
      messages: [],
      meetings: [
        { meeting: EXAMPLE_MEETING, status: 'failed', messages: [{ file: 'positions/educ/equity-eu-cooperation.yaml', ruleId: 'input/unreadable', message: 'positions/educ/equity-eu-cooperation.yaml: not allowed to read this file.' }] },
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
  it.skipIf(AS_ROOT && (!SETPRIV || !OTHER_USER_REACHES_TOOL))('is named as the file that may hold the position, not answered with another id (exit 2)', () => {
    const dir = projectWithMeetings({});
    writeFile(dir, 'meetings/m1.yaml', exampleFile(EXAMPLE_MEETING).replace('position: equity-eu-cooperation', 'position: eu-cooperation').replace(/^file_code: .*$/m, 'file_code: M1'));
    const file = 'positions/educ/equity-eu-cooperation.yaml';
    writeFile(dir, file, exampleFile(file).replace(/^id: .*$/m, 'id: eu-cooperation'));
    openFolders(dir);
    chmodSync(join(dir, file), 0o000);
    const built = runAsUser(['build', 'meetings/m1.yaml', '--format', 'md'], dir);
    expect(built.status, built.out).toBe(2);
    expect(built.out).toContain(`Question 3 points to the position \`eu-cooperation\`, which no position file that could be read has; ${file} cannot be read, and may hold it.`);
    expect(built.out).toContain(`${file}  error  ${file}: not allowed to read this file.  input/unreadable`);
    expect(built.out).not.toContain('Did you mean');
  });
});

describe('a template file that cannot be read', () => {
  it.skipIf(AS_ROOT && (!SETPRIV || !OTHER_USER_REACHES_TOOL))('fails the meetings that use it, at that file, after a build that filled the cache too; check says it at the file; both exit 2', () => {
    const dir = projectWithMeetings({ 'meetings/m1.yaml': { positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'], fileCode: 'M1' } });
    writeFile(dir, 'templates/partials/signature.hbs', exampleFile('templates/partials/signature.hbs'));
    openFolders(dir);
    // The cache knows every meeting: the next build looks at the template to tell whether they changed.
    expect(runAsUser(['build', '--all', '--format', 'md'], dir).status).toBe(0);
    chmodSync(join(dir, 'templates/partials/signature.hbs'), 0o000);
    const unreadable = { file: 'templates/partials/signature.hbs', ruleId: 'input/unreadable', message: 'templates/partials/signature.hbs: not allowed to read this file.' };

    const built = runAsUser(['build', '--all', '--format', 'md', '--json'], dir);
    expect(built.status, built.out).toBe(2);
    const report: unknown = JSON.parse(built.out.slice(0, built.out.lastIndexOf('}') + 1));
    expect(report).toMatchObject({ exitCode: 2, summary: { built: 0, failed: 2 }, messages: [], meetings: [{ messages: [unreadable] }, { messages: [unreadable] }] });

    const checked = runAsUser(['check'], dir);
    expect(checked.status, checked.out).toBe(2);
    expect(checked.out).toContain('templates/partials/signature.hbs  error  templates/partials/signature.hbs: not allowed to read this file.  input/unreadable');
  });

  it.skipIf(AS_ROOT && (!SETPRIV || !OTHER_USER_REACHES_TOOL))('fails no meeting when it is a partial no template includes; check still says it at the file', () => {
    const dir = projectWithMeetings({ 'meetings/m1.yaml': { positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'], fileCode: 'M1' } });
    writeFile(dir, 'templates/partials/unused.hbs', 'Nekur neiekļauts.\n');
    openFolders(dir);
    chmodSync(join(dir, 'templates/partials/unused.hbs'), 0o000);
    const built = runAsUser(['build', '--all', '--format', 'md', '--json'], dir);
    expect(built.status, built.out).toBe(0);
    expect(JSON.parse(built.out.slice(0, built.out.lastIndexOf('}') + 1))).toMatchObject({ exitCode: 0, summary: { built: 2, failed: 0 } });
    const checked = runAsUser(['check'], dir);
    expect(checked.status, checked.out).toBe(2);
    expect(checked.out).toContain('templates/partials/unused.hbs  error  templates/partials/unused.hbs: not allowed to read this file.  input/unreadable');
  });
});
