import { describe, expect, it } from 'vitest';
import { savedCopyOf } from '../../src/load/saved-copies.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli } from '../helpers/project.js';

/** Copies a desk officer's file manager or browser leaves beside a file: read as positions or meetings, they clash with the file they copy. */
const POSITION = 'positions/educ/equity-reforms.yaml';

describe('savedCopyOf', () => {
  it.each([
    ['positions/educ/Copy of x.yaml', 'positions/educ/x.yaml'],
    ['positions/educ/Copy (2) of x.yaml', 'positions/educ/x.yaml'],
    ['positions/educ/x - Copy.yaml', 'positions/educ/x.yaml'],
    ['positions/educ/x - Copy (2).yaml', 'positions/educ/x.yaml'],
    ['positions/educ/x - Kopija.yaml', 'positions/educ/x.yaml'],
    ['positions/educ/x (1).yaml', 'positions/educ/x.yaml'],
    ['meetings/2021-02-19-educ (3).yml', 'meetings/2021-02-19-educ.yml'],
    ['positions/educ/x copy.yaml', 'positions/educ/x.yaml'],
    ['positions/educ/x copy 2.yaml', 'positions/educ/x.yaml'],
  ])('takes %s for a copy of %s', (copy, original) => expect(savedCopyOf(copy)).toBe(original));

  it.each(['positions/educ/x.yaml', 'positions/educ/x (draft).yaml', 'positions/educ/copy.yaml', 'positions/educ/x-copy.yaml'])('takes %s for no copy', (path) => expect(savedCopyOf(path)).toBeUndefined());
});

describe('check on a copy Windows or a browser named', () => {
  it('says `Copy of …` is the copy to delete, also at the original, which sorts after it, not to give the original another id', () => {
    const copy = 'positions/educ/Copy of equity-reforms.yaml';
    const dir = exampleProject({ [copy]: exampleFile(POSITION) });
    const run = runCli(['check'], dir);
    const atOriginal = run.stdout.split('\n').find((line) => line.startsWith(`${POSITION}:7:5  error`));
    expect(atOriginal).toBe(
      `${POSITION}:7:5  error  The position id \`equity-reforms\` is already used by ${copy}. ${copy} is a copy of ${POSITION}, named as Windows, a browser's download or a Mac names copies: keep the text you want in ${POSITION} (\`briefing diff ${POSITION} '${copy}'\` shows how they differ) and delete ${copy}, or move it out of the project.  position/duplicate-id`,
    );
    expect(run.stdout).not.toContain('Give each position its own id');
    expect(run.status).toBe(1);
  });

  it('says a `- Copy` of a meeting is the copy, at both meetings that share the file code', () => {
    const copy = 'meetings/2021-02-19-educ-informal - Copy.yaml';
    const dir = exampleProject({ [copy]: exampleFile(EXAMPLE_MEETING) });
    const run = runCli(['check'], dir);
    const lines = run.stdout.split('\n').filter((line) => line.includes('meeting/duplicate-file-code'));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toContain(`${copy} is a copy of ${EXAMPLE_MEETING}, named as Windows`);
    expect(run.stdout).not.toContain('Give each meeting its own file_code');
  });

  it('list meetings says the copy too, and exits 1: its row was a second one alike in every column, and neither report is built', () => {
    const copy = 'meetings/Copy of 2021-02-19-educ-informal.yaml';
    const dir = exampleProject({ [copy]: exampleFile(EXAMPLE_MEETING) });
    const run = runCli(['list', 'meetings'], dir);
    const said = run.stderr.split('\n').filter((line) => line.includes('meeting/duplicate-file-code'));
    expect(said.map((line) => line.split('  ')[0])).toEqual([`${EXAMPLE_MEETING}:102:12`, `${copy}:102:12`]);
    expect(said[0]).toContain(`${copy} is a copy of ${EXAMPLE_MEETING}`);
    expect(run.status).toBe(1);
  });

  it('clear given the id says which files are the copies to delete, not to name one of the three files', () => {
    const copies = ['positions/educ/Copy of equity-reforms.yaml', 'positions/educ/equity-reforms (1).yaml'];
    const dir = exampleProject(Object.fromEntries(copies.map((copy) => [copy, exampleFile(POSITION)])));
    const run = runCli(['clear', 'equity-reforms', '--ministry', 'AM'], dir);
    expect(run.stderr).toContain(
      `  ${copies[0]} and ${copies[1]} are copies of ${POSITION}, named as Windows, a browser's download or a Mac names copies: keep the text you want in ${POSITION}, delete the copies, then clear again.`,
    );
    expect(run.stderr).not.toContain('Name the file to clear instead of the id');
    expect(run.status).toBe(2);
  });

  it('keeps the plain hint when the file named as a copy copies another file than the one it clashes with', () => {
    const dir = exampleProject({ 'positions/educ/other (1).yaml': exampleFile(POSITION) });
    const run = runCli(['check'], dir);
    expect(run.stdout).toContain('The position id `equity-reforms` is already used by positions/educ/equity-reforms.yaml. Give each position its own id; by convention the id is the file name.');
    expect(run.stdout).not.toContain('is a copy of');
  });
});
