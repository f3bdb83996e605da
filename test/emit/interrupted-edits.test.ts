import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIDE_FILE_AGE_MS } from '../../src/emit/write.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

/** The id of a process that has ended: what a briefing killed outright left its side files under. */
async function endedProcess(): Promise<number> {
  const ended = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => ended.once('exit', resolve));
  return ended.pid ?? 0;
}

/** Writes the side files a write killed between its temporary file and its rename left, a while ago. */
function leftBehind(folder: string, names: readonly string[]): void {
  const old = new Date(Date.now() - 2 * SIDE_FILE_AGE_MS);
  for (const name of names) {
    writeFileSync(join(folder, name), 'half of a file');
    utimesSync(join(folder, name), old, old);
  }
}

describe('the side files of an edit killed half-way', () => {
  it('go with the next clear, review --accept or build that writes in that folder (they showed in git status for good)', async () => {
    const dir = exampleProject();
    const pid = await endedProcess();
    const positions = join(dir, 'positions/educ');
    const names = [`.equity-reforms.yaml.${pid}.0badc0de.tmp`, `.equity-achievements.yaml.${pid}.0badc0de.old`];
    leftBehind(positions, names);
    expect(runCli(['clear', 'positions/educ/equity-reforms.yaml', '--ministry', 'AM', '--date', '2021-02-18'], dir).status).toBe(0);
    expect(readdirSync(positions).sort()).toEqual(['equity-achievements.yaml', 'equity-eu-cooperation.yaml', 'equity-reforms.yaml']);

    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const cache = join(dir, '.briefing-cache');
    leftBehind(cache, [`.build.json.${pid}.0badc0de.tmp`]);
    writeFileSync(join(dir, EXAMPLE_MEETING), readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replace(/^topic: .*$/m, 'topic: Cita tēma'));
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    expect(readdirSync(cache)).toEqual(['build.json']);

    leftBehind(positions, names);
    const reviewed = new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' });
    writeFileSync(join(dir, 'out/reviewed.docx'), reviewed.bytes());
    const accepted = runCli(['review', 'out/reviewed.docx', '--accept'], dir);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(readdirSync(positions).sort()).toEqual(['equity-achievements.yaml', 'equity-eu-cooperation.yaml', 'equity-reforms.yaml']);
  });
});
