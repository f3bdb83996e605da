import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CHECK_BASE } from '../helpers/corpus.js';
import { git } from '../helpers/git.js';
import { REPO, tempDir } from '../helpers/project.js';

const POSITION = 'positions/youth/youth-participation.yaml';

test('a pre-commit hook running `briefing -C <project> check` in a linked worktree (git sets GIT_DIR for it) compares with HEAD, and stops a changed answer under the same version', () => {
  const repo = tempDir('briefing-hook-');
  cpSync(CHECK_BASE, join(repo, 'sub'), { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'first']);
  const hook = join(repo, '.git/hooks/pre-commit');
  writeFileSync(hook, `#!/bin/sh\nexec '${process.execPath}' '${join(REPO, 'bin/briefing.js')}' -C sub check --final\n`);
  chmodSync(hook, 0o755);
  const worktree = join(tempDir('briefing-hook-'), 'side');
  git(repo, ['worktree', 'add', '-q', '-b', 'side', worktree]);
  const file = join(worktree, 'sub', POSITION);
  const text = readFileSync(file, 'utf8');
  const body = /^body: \|\n {2}(\S+)/m.exec(text);
  expect(body?.[1]).toBeDefined();
  writeFileSync(file, text.replace(`body: |\n  ${body?.[1]}`, `body: |\n  Changed ${body?.[1]}`));
  const commit = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-a', '-m', 'change'], { cwd: worktree, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(commit.stdout + commit.stderr).toContain(`${POSITION}:2:10  error  The answer changed since git HEAD, but \`version\` is still 2`);
  expect(commit.status).toBe(1);
  expect(git(worktree, ['log', '--oneline']).trim().split('\n')).toHaveLength(1);
});
