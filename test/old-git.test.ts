import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { commitAll, git, initRepository, REAL_GIT } from './helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli, tempDir } from './helpers/project.js';

/**
 * git before 2.21 does not know the date format `%cs` and prints it as it stands (Debian 10 has 2.20).
 * A `git` first on the PATH that hands `%%cs` on for each `%cs` makes the real git do the same.
 */
function oldGitPath(): string {
  const bin = tempDir('briefing-old-git-');
  writeFileSync(join(bin, 'git'), `#!/bin/bash\nargs=(); for a in "$@"; do args+=("\${a//%cs/%%cs}"); done\nexec '${REAL_GIT}' "\${args[@]}"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return `${bin}:${process.env.PATH ?? ''}`;
}

const TOO_OLD =
  'briefing: git is older than briefing needs: it printed the date format `%cs` as it stands, where git 2.21 and later write the date. briefing needs git 2.25 or later.\n' +
  '  Install a newer git (`git --version` shows the version this one is), then run briefing again.\n';

test('list with a git older than 2.21 stops saying the git needed, not dating positions `%cs`', () => {
  const dir = exampleProject();
  initRepository(dir);
  const run = runCli(['list'], dir, { PATH: oldGitPath() });
  expect(run.stdout).not.toContain('%cs');
  expect(run).toMatchObject({ status: 2, stderr: TOO_OLD });
  // A git that knows %cs dates them.
  expect(runCli(['list'], dir).stdout).toContain('2021-02-10');
});

test('check of a version reverted, with a git older than 2.21, stops saying the git needed, not naming the commit of `%cs`', () => {
  const dir = exampleProject();
  initRepository(dir);
  const position = 'positions/educ/equity-reforms.yaml';
  const text = readFileSync(join(dir, position), 'utf8');
  writeFileSync(join(dir, position), text.replace('version: 2', 'version: 3').replace('Latvijas rīcību turpmākajos', 'Latvijas rīcību nākamajos'));
  commitAll(dir, 'version 3');
  git(dir, ['revert', '-n', 'HEAD']);
  expect(runCli(['check', EXAMPLE_MEETING], dir).stdout).toContain('position/version-restored');
  const run = runCli(['check', EXAMPLE_MEETING], dir, { PATH: oldGitPath() });
  expect(run.stdout).not.toContain('%cs)');
  expect(run).toMatchObject({ status: 2, stderr: TOO_OLD });
});
