import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli, tempDir } from '../helpers/project.js';

const RENAMED = 'meetings/2021-02-19-educ-council.yaml';
const MANIFEST = 'out/IZMzin_190221_EDUC.manifest.json';

it('a meeting renamed since (git mv) is compared with its earlier name at a commit and in a build’s manifest, as a renamed position is', () => {
  const dir = exampleProject();
  initRepository(dir);
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  git(dir, ['mv', EXAMPLE_MEETING, RENAMED]);
  commitAll(dir, 'renamed');
  writeFileSync(join(dir, RENAMED), readFileSync(join(dir, RENAMED), 'utf8').replace('topic: Vienlīdzīga', 'topic: Taisnīga'));
  const header = `# Changes in \`${EXAMPLE_MEETING} → ${RENAMED}\``;
  const changed = 'report                     +1 −1 words, 1 paragraph';
  for (const args of [['--from', 'HEAD~1'], ['--since', MANIFEST]]) {
    const run = runCli(['diff', RENAMED, ...args, '--stat', '--format', 'md'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(header);
    expect(run.stdout).toContain(changed);
  }
  // Between two commits, neither of them the working tree.
  commitAll(dir, 'topic');
  const commits = runCli(['diff', RENAMED, '--from', 'HEAD~2', '--to', 'HEAD', '--stat', '--format', 'md'], dir);
  expect(commits.stdout).toContain(header);
  expect(commits.stdout).toContain(changed);
  // A manifest of a meeting that is still there is another meeting's: refused, with what to pass.
  git(dir, ['checkout', '-q', 'HEAD~2', '--', EXAMPLE_MEETING]);
  expect(runCli(['diff', RENAMED, '--since', MANIFEST], dir)).toMatchObject({
    status: 2,
    stderr: `briefing: ${MANIFEST} describes the build of ${EXAMPLE_MEETING}, not of ${RENAMED}.\n  Name that meeting, or pass the manifest of ${RENAMED}'s build (<file_code>.manifest.json in the output folder).\n`,
  });
});

it('a meeting added after the revision, not renamed, is said not to exist there, with how to list its commits: not taken for a path typed wrong', () => {
  const dir = exampleProject();
  initRepository(dir);
  const added = 'meetings/2021-03-19-educ-informal.yaml';
  writeFileSync(join(dir, added), readFileSync(join(dir, EXAMPLE_MEETING), 'utf8').replaceAll('2021-02-19', '2021-03-19').replace('topic: Vienlīdzīga', 'topic: Taisnīga'));
  commitAll(dir, 'added');
  expect(runCli(['diff', added, '--from', 'HEAD~1'], dir)).toMatchObject({
    status: 2,
    stderr: `briefing: ${added} does not exist at HEAD~1.\n  It was added after HEAD~1, or came to this path by a rename: \`git log --follow --oneline -- ${added}\` lists its commits, under earlier names too. A position renamed since is found there by its id, unless its id changed as well.\n`,
  });
});

it('a project whose folder was moved since (git mv eu/briefings eu/zinojumi) is compared with itself where it was at that commit', () => {
  const top = tempDir();
  initRepository(top);
  cpSync(exampleProject(), join(top, 'eu/briefings'), { recursive: true });
  commitAll(top, 'briefings');
  git(top, ['mv', 'eu/briefings', 'eu/zinojumi']);
  commitAll(top, 'moved');
  const project = join(top, 'eu/zinojumi');
  writeFileSync(join(project, EXAMPLE_MEETING), readFileSync(join(project, EXAMPLE_MEETING), 'utf8').replace('topic: Vienlīdzīga', 'topic: Taisnīga'));
  const run = runCli(['diff', EXAMPLE_MEETING, '--from', 'HEAD~1', '--stat', '--format', 'md'], project);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('report                     +1 −1 words, 1 paragraph');
  // Where the project at that commit cannot be told (two of them hold the meeting), it says where the configs were.
  cpSync(project, join(top, 'other'), { recursive: true });
  commitAll(top, 'another project');
  git(top, ['mv', 'eu/zinojumi', 'eu/ziņojumi']);
  commitAll(top, 'moved again');
  const twice = runCli(['diff', EXAMPLE_MEETING, '--from', 'HEAD~1'], join(top, 'eu/ziņojumi'));
  expect(twice.status).toBe(2);
  expect(twice.stderr).toBe(
    'briefing: There is no briefing.config.yaml at HEAD~1 in eu/ziņojumi, where the project is now; there were eu/zinojumi/briefing.config.yaml and other/briefing.config.yaml.\n' +
      '  Compare the two files as they are: `git show HEAD~1:<old path of the meeting> > old.yaml`, then `briefing diff old.yaml meetings/2021-02-19-educ-informal.yaml`.\n',
  );
});

it('a position of a project whose folder was moved since is compared with itself where the project was at that commit, renamed there too', () => {
  const top = tempDir();
  const position = 'positions/educ/equity-achievements.yaml';
  initRepository(top);
  cpSync(exampleProject(), join(top, 'eu/briefings'), { recursive: true });
  commitAll(top, 'briefings');
  const raise = (folder: string, from: number) => writeFileSync(join(folder, position), readFileSync(join(folder, position), 'utf8').replace(`version: ${from}`, `version: ${from + 1}`));
  raise(join(top, 'eu/briefings'), 3);
  commitAll(top, 'version 4');
  git(top, ['mv', 'eu/briefings', 'eu/zinojumi']);
  commitAll(top, 'moved');
  const project = join(top, 'eu/zinojumi');
  raise(project, 4);
  const run = runCli(['diff', position, '--from', 'HEAD~1', '--format', 'terminal'], project);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(run.stdout).toContain(`diff ${position}\n`);
  expect(run.stdout).toContain('• version: v4 → v5');
  // Between two commits from before the move: found in both by the id it has in the working tree.
  const before = runCli(['diff', position, '--from', 'HEAD~2', '--to', 'HEAD~1', '--format', 'terminal'], project);
  expect(before.stderr).toBe('');
  expect(before.stdout).toContain(`diff ${position}\n`);
  expect(before.stdout).toContain('• version: v3 → v4');
  // Renamed as well since (git mv), it is found in the folder it was in by its id, under its name there.
  git(project, ['mv', position, 'positions/educ/achievements.yaml']);
  commitAll(top, 'renamed');
  const renamed = runCli(['diff', 'positions/educ/achievements.yaml', '--from', 'HEAD~2', '--format', 'terminal'], project);
  expect(renamed.stderr).toBe('');
  expect(renamed.status).toBe(1);
  expect(renamed.stdout).toContain(`diff ${position} → positions/educ/achievements.yaml\n`);
  expect(renamed.stdout).toContain('• version: v4 → v5');
});

it('a position renamed since in a project moved since is named as it was in its own project at that commit, not in another project of the repository then', () => {
  const top = tempDir();
  const position = 'positions/educ/equity-achievements.yaml';
  initRepository(top);
  cpSync(exampleProject(), join(top, 'eu/izm'), { recursive: true });
  // Another ministry's project beside it, with a longer folder name and no position of that id.
  cpSync(exampleProject(), join(top, 'eu/other-ministry'), { recursive: true });
  rmSync(join(top, 'eu/other-ministry', position));
  commitAll(top, 'two projects');
  git(top, ['mv', 'eu/izm', 'eu/zinojumi']);
  git(top, ['mv', `eu/zinojumi/${position}`, 'eu/zinojumi/positions/educ/achievements.yaml']);
  commitAll(top, 'moved and renamed');
  const project = join(top, 'eu/zinojumi');
  writeFileSync(join(project, 'positions/educ/achievements.yaml'), readFileSync(join(project, 'positions/educ/achievements.yaml'), 'utf8').replace('version: 3', 'version: 4'));
  const run = runCli(['diff', 'positions/educ/achievements.yaml', '--from', 'HEAD~1', '--format', 'terminal'], project);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  expect(run.stdout).toContain(`diff ${position} → positions/educ/achievements.yaml\n`);
  expect(run.stdout).toContain('• version: v3 → v4');
});
