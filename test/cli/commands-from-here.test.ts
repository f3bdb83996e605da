import { expect, it } from 'vitest';
import { commandsTypedHere } from '../../src/cli/io.js';

const AWAY = { briefing: 'briefing -C proj', git: 'git -C proj' };

it('types a hint’s briefing and git commands as from where the user is, a git command inside $(…) too', () => {
  expect(commandsTypedHere('Run `briefing clear x --ministry AM`, then `git add positions/x.yaml`.', AWAY)).toBe('Run `briefing -C proj clear x --ministry AM`, then `git -C proj add positions/x.yaml`.');
  // The inner command ran where the user is: outside the repository it printed nothing, and the worktree was of HEAD.
  expect(commandsTypedHere('`git worktree add ../2021-02-19 $(git rev-list -1 --before=2021-02-19T23:59 HEAD)`', AWAY)).toBe(
    '`git -C proj worktree add ../2021-02-19 $(git -C proj rev-list -1 --before=2021-02-19T23:59 HEAD)`',
  );
  // A command that names its folder already is left as it is.
  expect(commandsTypedHere('`git -C ../moved worktree repair`', AWAY)).toBe('`git -C ../moved worktree repair`');
});
