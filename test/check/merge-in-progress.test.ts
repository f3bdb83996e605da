import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, conflictIn, git, initRepository, REAL_GIT } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli, tempDir } from '../helpers/project.js';

/** Two desk officers' edits of one file, merged with git in a real repository: what the commands say while the merge is not resolved. */
const POSITION = 'positions/educ/equity-reforms.yaml';

/** The example, committed, with a merge stopped at a conflict in a line of the position's `body`. */
function conflictInBody(): { dir: string; conflicted: string } {
  const dir = exampleProject();
  initRepository(dir);
  const conflicted = conflictIn(dir, POSITION, /^ {2}Tuvākajā laikā prioritāri paredzēts:$/m, '  Tuvākajā laikā vispirms paredzēts:', '  Tuvākajā laikā galvenokārt paredzēts:');
  return { dir, conflicted };
}

describe('a merge conflict half resolved', () => {
  it('names the `=======` left when the other two markers were deleted, not an indentation to add (a heading underline in the body)', () => {
    const { dir, conflicted } = conflictInBody();
    const half = conflicted.replace(/^<<<<<<< HEAD\n/m, '').replace(/^>>>>>>> theirs\n/m, '');
    writeFileSync(join(dir, POSITION), half);
    const line = half.split('\n').indexOf('=======') + 1;
    const run = runCli(['check', POSITION], dir);
    expect(run.stdout).toContain(`${POSITION}:${line}:1  error  This line is a marker \`=======\` git writes around a merge conflict, left in the file.`);
    expect(run.stdout).not.toContain('yaml/indent');
    expect(run.status).toBe(1);
    const build = runCli(['build', EXAMPLE_MEETING], dir);
    expect(build.status).toBe(1);
    expect(build.stdout + build.stderr).toContain('file/merge-conflict');
    expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(half);
  });
});

describe('list meetings while a position the meeting uses holds a conflict', () => {
  it('names the position it cannot read and shows the meeting’s cleared count as unknown, not one cleared position fewer; exit 1', () => {
    const { dir } = conflictInBody();
    const run = runCli(['list', 'meetings'], dir);
    expect(run.stderr).toMatch(
      new RegExp(`^${POSITION}:\\d+:1  error  This position cannot be read \\(Git could not merge this file: .*\\), so the list cannot tell whether the meetings using it are cleared \\(shown \\?\\)\\. Run \`briefing check ${POSITION}\` and fix the file\\.  list/unreadable-position$`, 'm'),
    );
    expect(run.stdout).toMatch(/ {10}3 {6}\?\/3  not built\n/);
    expect(run.status).toBe(1);
    const json = runCli(['list', 'meetings', '--json'], dir);
    expect(JSON.parse(json.stdout)).toMatchObject([{ positions: 3, cleared: null, uncleared: true }]);
    expect(json.status).toBe(1);
    expect(runCli(['list', 'meetings', '--uncleared'], dir).stdout).toContain('?/3');
  });
});

describe('list while a position holds a conflict', () => {
  it('marks its clearances as not known, not as not asked', () => {
    const { dir } = conflictInBody();
    const run = runCli(['list'], dir);
    const row = run.stdout.split('\n').find((line) => line.startsWith('equity-reforms '));
    expect(row).toMatch(/ \?  invalid  [A-Z]+\? [A-Z]+\?/);
    expect(row).not.toContain('–');
    expect(run.stdout).toContain('? not known: the file cannot be read');
    expect(run.status).toBe(1);
    // A list with every file readable keeps its legend as it was.
    expect(runCli(['list'], exampleProject()).stdout).not.toContain('not known');
  });
});

describe('a conflict left by git pull, two desk officers’ clones of one repository', () => {
  it('names the commit pulled in by its short id in the hint, as git log shows it', () => {
    const anna = exampleProject();
    initRepository(anna);
    const origin = tempDir('briefing-origin-');
    git(origin, ['init', '-q', '--bare', '-b', 'main']);
    git(anna, ['remote', 'add', 'origin', origin]);
    git(anna, ['push', '-q', 'origin', 'main']);
    const janis = join(tempDir('briefing-clone-'), 'janis');
    git(origin, ['clone', '-q', origin, janis]);
    const edit = (dir: string, words: string) => {
      const text = readFileSync(join(dir, POSITION), 'utf8');
      writeFileSync(join(dir, POSITION), text.replace('Tuvākajā laikā prioritāri paredzēts:', `Tuvākajā laikā ${words} paredzēts:`));
      commitAll(dir, words);
    };
    edit(janis, 'galvenokārt');
    git(janis, ['push', '-q', 'origin', 'main']);
    const pulled = git(janis, ['rev-parse', 'HEAD']).trim();
    edit(anna, 'vispirms');
    expect(() => git(anna, ['pull', '-q', '--no-rebase', 'origin', 'main'])).toThrow();
    const run = runCli(['check', POSITION], anna);
    expect(run.stdout).toContain(`between the conflict markers \`<<<<<<< HEAD\` and \`>>>>>>> ${pulled}\`.`);
    expect(run.stdout).toContain(`(the lines of HEAD after \`<<<<<<<\`, those of commit ${pulled.slice(0, 7)} after \`=======\`; or join them)`);
    expect(run.status).toBe(1);
  });
});

describe('the copies git mergetool leaves beside a file it merges', () => {
  it('are named as such, with what to do, not as positions to give ids of their own', () => {
    const { dir } = conflictInBody();
    // A merge tool that fails, with its copies kept: what a merge tool quit half-way (or still open) leaves.
    expect(() => git(dir, ['-c', 'mergetool.stub.cmd=false', '-c', 'mergetool.stub.trustExitCode=true', '-c', 'mergetool.keepTemporaries=true', 'mergetool', '--tool=stub', '--no-prompt'])).toThrow();
    const copies = readdirSync(join(dir, 'positions/educ')).filter((name) => /^equity-reforms_(BASE|LOCAL|REMOTE)_\d+\.yaml$/.test(name));
    expect(copies).toHaveLength(3);
    const run = runCli(['check'], dir);
    for (const copy of copies) {
      expect(run.stdout).toContain(
        `positions/educ/${copy}:7:5  error  The position id \`equity-reforms\` is already used by ${POSITION}. positions/educ/${copy} is a copy git mergetool makes of ${POSITION} while it merges it: finish or quit the merge tool, which deletes its copies, or delete positions/educ/${copy}.  position/duplicate-id`,
      );
    }
    expect(run.status).toBe(1);
  });

  it('beside a meeting whose conflict is not resolved: each copy named in the file-code clash the copies make', () => {
    const dir = exampleProject();
    initRepository(dir);
    conflictIn(dir, EXAMPLE_MEETING, /^participants: .*$/m, 'participants: ES ministri', 'participants: ES izglītības ministri un komisāre');
    expect(() => git(dir, ['-c', 'mergetool.stub.cmd=false', '-c', 'mergetool.stub.trustExitCode=true', '-c', 'mergetool.keepTemporaries=true', 'mergetool', '--tool=stub', '--no-prompt'])).toThrow();
    const run = runCli(['check'], dir);
    const clashes = run.stdout.split('\n').filter((line) => line.endsWith('meeting/duplicate-file-code'));
    expect(clashes).toHaveLength(3);
    for (const line of clashes) {
      const copy = line.slice(0, line.indexOf(':'));
      expect(line).toContain(`${copy} is a copy git mergetool makes of ${EXAMPLE_MEETING} while it merges it: finish or quit the merge tool, which deletes its copies, or delete ${copy}.`);
    }
    expect(run.stdout).toContain(`${EXAMPLE_MEETING}:`);
    expect(run.stdout).toContain('file/merge-conflict');
  });
});

describe('a merge that stopped where one side deleted a position the other changed', () => {
  /** The example, committed; `colleague` deletes the position while `main` changes it (or the other way round), then main merges. */
  function modifyDelete(deletedBy: 'them' | 'us'): string {
    const dir = exampleProject();
    initRepository(dir);
    const change = () => {
      writeFileSync(join(dir, POSITION), readFileSync(join(dir, POSITION), 'utf8').replace('vēl 150 skolām', 'vēl 160 skolām'));
      commitAll(dir, 'change');
    };
    const remove = () => {
      git(dir, ['rm', '-q', POSITION]);
      commitAll(dir, 'delete');
    };
    git(dir, ['checkout', '-q', '-b', 'colleague']);
    (deletedBy === 'them' ? remove : change)();
    git(dir, ['checkout', '-q', 'main']);
    (deletedBy === 'them' ? change : remove)();
    expect(() => git(dir, ['merge', '-q', 'colleague'])).toThrow();
    return dir;
  }

  it('is named by check, with both ways to finish it, though the file in the working tree reads well', () => {
    const theirs = runCli(['check'], modifyDelete('them'));
    expect(theirs.stdout).toContain(
      `${POSITION}  warning  Git has not finished merging this file: the other side deleted it, and HEAD changed it; it is read as HEAD has it. Keep it, with HEAD's changes: \`git add ${POSITION}\`; or delete it, as the other side did: \`git rm ${POSITION}\`.  file/merge-unfinished`,
    );
    expect(theirs.status).toBe(0);
    const ours = runCli(['check'], modifyDelete('us'));
    expect(ours.stdout).toContain(
      `${POSITION}  warning  Git has not finished merging this file: HEAD deleted it, and the other side changed it; it is read as the other side has it. Keep it, with the other side's changes: \`git add ${POSITION}\`; or delete it, as HEAD did: \`git rm ${POSITION}\`.  file/merge-unfinished`,
    );
  });

  it('in a git hook, which sets GIT_DIR, is named as well, and a check with no merge stopped asks git nothing more (found by the read-only review)', () => {
    expect(runCli(['check'], modifyDelete('them'), { GIT_DIR: '.git' }).stdout).toContain('file/merge-unfinished');
    const clean = exampleProject();
    initRepository(clean);
    const bin = tempDir();
    const log = join(bin, 'runs.log');
    writeFileSync(log, '');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${REAL_GIT}' "$@"\n`, { mode: 0o755 });
    expect(runCli(['check'], clean, { GIT_DIR: '.git', PATH: `${bin}:${process.env.PATH ?? ''}` }).status).toBe(0);
    expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).not.toContain('ls-files');
    expect(readFileSync(log, 'utf8')).toContain('diff');
  });

  it('is not said of a file both sides changed, whose conflict markers are named instead', () => {
    const { dir } = conflictInBody();
    const run = runCli(['check'], dir);
    expect(run.stdout).toContain('file/merge-conflict');
    expect(run.stdout).not.toContain('file/merge-unfinished');
  });

  it('says nothing once the merge is finished', () => {
    const dir = modifyDelete('them');
    git(dir, ['add', POSITION]);
    commitAll(dir, 'merged');
    expect(runCli(['check'], dir).stdout).not.toContain('file/merge-unfinished');
  });
});
