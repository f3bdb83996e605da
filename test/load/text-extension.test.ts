import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli } from '../helpers/project.js';

/** Files Windows named `x.yaml.txt` while it showed them as `x.yaml`: a text document renamed in File Explorer, or saved by Notepad as one (encodings run). */
describe('a file named x.yaml.txt in the positions or meetings folder', () => {
  it('is said by check, with the name to give it, where it was left out without a word', () => {
    const dir = exampleProject({
      'positions/educ/digital-skills.yaml.txt': exampleFile('positions/educ/equity-reforms.yaml').replace('id: equity-reforms', 'id: digital-skills'),
      'positions/educ/notes.txt': 'Piezīmes.\n',
    });
    const run = runCli(['check'], dir);
    expect(run.stdout.split('\n').filter((line) => line.includes('input/txt-extension'))).toEqual([
      'positions/educ/digital-skills.yaml.txt  warning  This file is named digital-skills.yaml.txt, with .txt after .yaml, so it is left out: only .yaml files are read. Windows hides the .txt (File Explorer shows the name as digital-skills.yaml). Rename it to digital-skills.yaml: `git mv positions/educ/digital-skills.yaml.txt positions/educ/digital-skills.yaml` (or `mv`, if git does not have it yet), or in File Explorer with View → Show → File name extensions ticked; in Notepad, save it with “Save as type: All files”.  input/txt-extension',
    ]);
    expect(run.status).toBe(0);
  });

  it('is said by list and by build --all, which found no meeting', () => {
    const dir = exampleProject();
    renameSync(join(dir, EXAMPLE_MEETING), join(dir, `${EXAMPLE_MEETING}.txt`));
    for (const args of [['list', 'meetings'], ['build', '--all', '--format', 'md']]) {
      const run = runCli(args, dir);
      expect(run.stdout + run.stderr).toContain(`${EXAMPLE_MEETING}.txt  warning  This file is named 2021-02-19-educ-informal.yaml.txt, with .txt after .yaml, so it is left out`);
    }
  });

  it("names itself in the error of a meeting whose position it holds, with the rename, not 'deleted: git restore' or 'create it'", () => {
    const dir = exampleProject();
    const position = 'positions/educ/equity-reforms.yaml';
    renameSync(join(dir, position), join(dir, `${position}.txt`));
    const run = runCli(['check'], dir);
    expect(run.stdout.split('\n').filter((line) => line.includes('meeting/unknown-position'))).toEqual([
      `${EXAMPLE_MEETING}:89:15  error  Question 2 points to the position \`equity-reforms\`, which does not exist. ${position}.txt may hold it, but is not read: its name ends in .txt after .yaml. Rename it: \`git mv ${position}.txt ${position}\` (or \`mv\`, if git does not have it yet).  meeting/unknown-position`,
    ]);
  });
});
