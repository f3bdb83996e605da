import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli, tempDir } from '../helpers/project.js';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { docxParts, part } from '../helpers/docx.js';
import { paragraphs, revisions } from '../helpers/redline.js';

const POSITION = 'positions/educ/equity-achievements.yaml';
const LAST_PARAGRAPH = 'Šie pasākumi palīdzēja nodrošināt mācību nepārtrauktību';
const ANNA = { author: 'Anna Bērziņa', date: '2021-02-15T10:30:00Z' };
const JANIS = { author: 'Jānis Ozols', date: '2021-02-17T08:00:00Z' };

function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
}

/** The example project in a git repository with three commits of one position. */
function threeVersions(): string {
  const dir = exampleProject();
  initRepository(dir);
  const first = exampleFile(POSITION);
  const second = replace(replace(first, 'version: 3', 'version: 4'), 'ar\n  trim savstarpēji', 'ar\n  četriem savstarpēji');
  writeFileSync(join(dir, POSITION), second);
  commitAll(dir, 'four directions', ANNA);
  const paragraphStart = second.indexOf(`  ${LAST_PARAGRAPH}`);
  const third = replace(
    second.slice(0, paragraphStart) + second.slice(second.indexOf('# Clearance')),
    'version: 4',
    'version: 5',
  ).replace(/AM:\n    status: cleared\n    date: 2021-02-15/, 'AM:\n    status: withdrawn\n    date: 2021-02-17');
  writeFileSync(join(dir, POSITION), third);
  commitAll(dir, 'withdrawn', JANIS);
  return dir;
}

function json(stdout: string) {
  const value: unknown = JSON.parse(stdout);
  if (typeof value !== 'object' || value === null) throw new Error('not a JSON object');
  return value;
}

describe('versions from a real git repository with three commits', () => {
  test('--from and --to pick the two commits named', () => {
    const dir = threeVersions();
    const hashes = git(dir, ['log', '--format=%H']).trim().split('\n');
    const run = runCli(['diff', POSITION, '--from', 'HEAD~2', '--to', 'HEAD~1', '--format', 'md'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`From \`HEAD~2\` (${hashes[2]?.slice(0, 7)}, 2021-02-10) to \`HEAD~1\` (${hashes[1]?.slice(0, 7)}, 2021-02-15).`);
    expect(run.stdout).toContain('{~~trim~>četriem~~}');
    expect(run.stdout).toContain('- version: v3 → v4');
    expect(run.stdout).not.toContain('withdrawn');
    expect(run.stdout).not.toContain('{--Šie');
  });

  test('--from alone compares with the working tree, which is the last commit here', () => {
    const dir = threeVersions();
    const run = runCli(['diff', POSITION, '--from', 'HEAD~1', '--format', 'md'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('to working tree');
    expect(run.stdout).toContain('- Ārlietu ministrija: cleared 2021-02-15 → withdrawn 2021-02-17');
    expect(run.stdout).toContain(`{--${LAST_PARAGRAPH}`);
    expect(run.stdout).not.toContain('trim');
  });

  test('without flags, HEAD is compared with the working tree: equal, exit 0', () => {
    const dir = threeVersions();
    const hashes = git(dir, ['log', '--format=%H']).trim().split('\n');
    const run = runCli(['diff', POSITION, '--format', 'json'], dir);
    expect(run.status).toBe(0);
    expect(json(run.stdout)).toMatchObject({ equal: true, from: { label: 'HEAD', commit: hashes[0] }, to: { label: 'working tree', commit: null } });
  });

  test('the DOCX redline carries the later commit’s author and date, or --author', () => {
    const dir = threeVersions();
    const out = join(dir, 'review.docx');
    const run = runCli(['diff', POSITION, '--from', 'HEAD~2', '--to', 'HEAD~1', '--out', out], dir);
    expect(run.status).toBe(1);
    const found = revisions(readFileSync(out));
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(new Set(found.map((r) => `${r.author} ${r.date}`))).toEqual(new Set(['Anna Bērziņa 2021-02-15T10:30:00Z']));
    runCli(['diff', POSITION, '--from', 'HEAD~2', '--to', 'HEAD~1', '--out', out, '--author', 'Ārlietu ministrija'], dir);
    expect(new Set(revisions(readFileSync(out)).map((r) => r.author))).toEqual(new Set(['Ārlietu ministrija']));
  });

  test('--out decides the format by its extension, and a name that says no format diff writes, or another than --format, is refused (exit 2, nothing written)', () => {
    const dir = threeVersions();
    const args = ['diff', POSITION, '--from', 'HEAD~2', '--to', 'HEAD~1'];
    const pdf = runCli([...args, '--out', 'review.pdf'], dir);
    expect(pdf).toMatchObject({
      status: 2,
      stderr: 'briefing: --out review.pdf: the name says a .pdf file, which diff does not write (it writes Markdown, a Word redline or JSON).\n  Name the file .md, .docx or .json.\n',
    });
    expect(runCli([...args, '--out', 'review'], dir)).toMatchObject({
      status: 2,
      stderr:
        'briefing: --out review: diff writes Markdown (.md), a Word redline (.docx) or JSON (.json), and this name says none of them.\n  Name the file .md, .docx or .json, or say which to write with --format md, docx or json.\n',
    });
    // A document kind diff never writes is refused even with --format.
    expect(runCli([...args, '--out', 'review.pdf', '--format', 'md'], dir)).toMatchObject({
      status: 2,
      stderr: 'briefing: --out review.pdf: the name says a .pdf file, which diff does not write (it writes Markdown, a Word redline or JSON).\n  Name the file .md, .docx or .json.\n',
    });
    expect(runCli([...args, '--out', 'review.md', '--format', 'docx'], dir)).toMatchObject({
      status: 2,
      stderr: 'briefing: --out review.md names a Markdown file, but --format asks for a Word redline.\n  Leave out --format (the file name decides), or name the file .docx.\n',
    });
    expect(existsSync(join(dir, 'review.pdf')) || existsSync(join(dir, 'review.md'))).toBe(false);
    // Said outright, any name will do; .markdown and capitals are read as they are meant.
    expect(runCli([...args, '--out', 'notes.txt', '--format', 'md'], dir).status).toBe(1);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toContain('{~~trim~>četriem~~}');
    expect(runCli([...args, '--out', 'R.DOCX'], dir).status).toBe(1);
    expect(readFileSync(join(dir, 'R.DOCX')).subarray(0, 2).toString()).toBe('PK');
  });

  test('--out naming a folder (the output folder, or a name ending in /) is said to be one, with a file to name in it (exit 2, the folder left as it was)', () => {
    const dir = threeVersions();
    mkdirSync(join(dir, 'out'));
    const args = ['diff', POSITION, '--from', 'HEAD~2', '--to', 'HEAD~1'];
    // It was "a folder stands where this file should be. Move or remove that folder, or choose another folder with --out".
    expect(runCli([...args, '--out', 'out', '--format', 'docx'], dir)).toMatchObject({
      status: 2,
      stderr: 'briefing: --out out is a folder; nothing written.\n  Name the file to write in it, e.g. --out out/changes.docx.\n',
    });
    expect(runCli([...args, '--out', 'reviews/'], dir)).toMatchObject({
      status: 2,
      stderr: 'briefing: --out reviews/ is a folder; nothing written.\n  Name the file to write in it, e.g. --out reviews/changes.md.\n',
    });
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
    expect(existsSync(join(dir, 'reviews'))).toBe(false);
  });

  test('--out never names a file diff reads: the position compared (its uncommitted edit kept), another source, the other file of two (exit 2)', () => {
    const dir = threeVersions();
    const edited = replace(readFileSync(join(dir, POSITION), 'utf8'), 'version: 5', 'version: 6');
    writeFileSync(join(dir, POSITION), edited);
    expect(runCli(['diff', POSITION, '--format', 'md', '--out', POSITION], dir)).toMatchObject({
      status: 2,
      stdout: '',
      stderr: `briefing: --out ${POSITION}: the name says a .yaml file, which diff does not write (it writes Markdown, a Word redline or JSON).\n  Name the file .md, .docx or .json.\n`,
    });
    expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(edited);
    expect(runCli(['diff', POSITION, '--format', 'md', '--out', 'templates/informative-report.lv.md.hbs'], dir).status).toBe(2);
    // Whatever its name, a file compared is not written over: here two files, the newer one named again by another path.
    writeFileSync(join(dir, 'newer.txt'), edited);
    const twoFiles = runCli(['diff', POSITION, 'newer.txt', '--format', 'json', '--out', './positions/../newer.txt'], dir);
    expect(twoFiles).toMatchObject({
      status: 2,
      stderr: 'briefing: --out ./positions/../newer.txt is a file diff reads: writing the diff there would replace it.\n  Name another file for the diff, e.g. --out review.md.\n',
    });
    expect(readFileSync(join(dir, 'newer.txt'), 'utf8')).toBe(edited);
  });

  test('an unknown revision is a one-line error and exit 2', () => {
    const dir = threeVersions();
    const run = runCli(['diff', POSITION, '--from', 'v99'], dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe('briefing: Unknown revision `v99`.');
  });

  test('a revision a shallow clone does not hold, or any in a repository with no commit yet, says why and what to do', () => {
    const source = threeVersions();
    git(source, ['branch', 'feature', 'HEAD~1']);
    git(source, ['tag', 'v1', 'HEAD~2']);
    const clone = join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--single-branch', `file://${source}`, clone]);
    const shallow = runCli(['diff', POSITION, '--from', 'HEAD~1'], clone);
    expect(shallow).toMatchObject({
      status: 2,
      stderr:
        'briefing: Unknown revision `HEAD~1`: this is a shallow clone, whose history stops short of it.\n' +
        '  Fetch the whole history: git fetch --unshallow (in GitHub Actions, actions/checkout with fetch-depth: 0).\n',
    });
    const fresh = exampleProject();
    git(fresh, ['init', '-q']);
    const none = runCli(['diff', POSITION], fresh);
    expect(none.status).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('briefing: Unknown revision `HEAD`: this repository has no commit yet.');
    // The command last in the hint, in backticks: copied with the full stop, `<new.yaml>.` would be no file.
    expect(none.stderr).toContain('two files can be compared: `briefing diff <old.yaml> <new.yaml>`.');
    // A branch or tag name the shallow clone never fetched is no question of history, but of fetching it (or of a typo).
    const branch = runCli(['diff', POSITION, '--from', 'nosuch'], clone);
    expect(branch).toMatchObject({
      status: 2,
      stderr:
        'briefing: Unknown revision `nosuch`: this shallow clone has no branch or tag of that name.\n' +
        '  Check the name; if it is another branch, fetch it as the remote\'s and write origin/nosuch: `git fetch origin nosuch:refs/remotes/origin/nosuch`; if it is a tag, fetch it: `git fetch origin tag nosuch` (or fetch every branch with its history: `git fetch --unshallow`; in GitHub Actions, actions/checkout with fetch-depth: 0).\n',
    });
    // A tag of years ago, which a shallow clone lacks: the hint's command for a tag, followed, works.
    expect(runCli(['diff', POSITION, '--from', 'v1'], clone).stderr).toContain('if it is a tag, fetch it: `git fetch origin tag v1`');
    execFileSync('git', ['fetch', '-q', 'origin', 'tag', 'v1'], { cwd: clone });
    expect(runCli(['diff', POSITION, '--from', 'v1', '--format', 'json'], clone).status).toBe(1);
    // The hint, followed, works: the branch fetched as the remote's, named so (fetched as `git fetch origin feature`, only FETCH_HEAD had it).
    expect(runCli(['diff', POSITION, '--from', 'feature'], clone).status).toBe(2);
    execFileSync('git', ['fetch', '-q', 'origin', 'feature:refs/remotes/origin/feature'], { cwd: clone });
    // (1: the versions differ, as diff says of a change.)
    expect(runCli(['diff', POSITION, '--from', 'origin/feature', '--format', 'json'], clone).status).toBe(1);
    // Elsewhere the hint no longer offers the very revision it refused.
    const unknown = runCli(['diff', POSITION, '--from', 'HEAD~9'], threeVersions());
    expect(unknown.stderr).toBe('briefing: Unknown revision `HEAD~9`.\n  Use a commit, a branch or a tag that `git log --oneline` lists.\n');
  });

  test('on a new branch with no commit (git checkout --orphan) beside branches that have them, diff says so and names --from with one of them', () => {
    const dir = threeVersions();
    git(dir, ['checkout', '-q', '--orphan', 'fresh']);
    expect(runCli(['diff', POSITION], dir)).toMatchObject({
      status: 2,
      stderr:
        'briefing: Unknown revision `HEAD`: the branch `fresh` checked out has no commit yet (a new branch, as `git checkout --orphan` makes); other branches have commits.\n' +
        '  Compare with a commit of another branch: --from main (`git branch` lists them); or commit the files on this branch first.\n',
    });
    // The hint, followed, works.
    expect(runCli(['diff', POSITION, '--from', 'main'], dir).status).toBe(0);
    // A revision that is not HEAD is still told unknown as such.
    expect(runCli(['diff', POSITION, '--from', 'v99'], dir).stderr.split('\n')[0]).toBe('briefing: Unknown revision `v99`.');
    // check --base names its own flag.
    expect(runCli(['check', '--base', 'HEAD'], dir).stderr).toContain('  Compare with a commit of another branch: --base main');
  });

  test('on a new branch with no commit, the branch the hint names is main where there is one, though another was committed to later', () => {
    const dir = threeVersions();
    git(dir, ['checkout', '-q', '-b', 'later']);
    git(dir, ['commit', '-q', '--allow-empty', '-m', 'later'], { author: 'Briefing Tests', date: '2030-01-01T00:00:00Z' });
    git(dir, ['checkout', '-q', '--orphan', 'fresh']);
    expect(runCli(['diff', POSITION], dir).stderr.split('\n')[1]).toBe('  Compare with a commit of another branch: --from main (`git branch` lists them); or commit the files on this branch first.');
    // Without main (nor master), the branch committed to last.
    git(dir, ['branch', '-q', '-m', 'main', 'older']);
    expect(runCli(['diff', POSITION], dir).stderr.split('\n')[1]).toBe('  Compare with a commit of another branch: --from later (`git branch` lists them); or commit the files on this branch first.');
  });

  test('a submodule committed in the positions folder (a gitlink, no file) is passed over when the project is read at a commit', () => {
    const dir = threeVersions();
    const head = git(dir, ['rev-parse', 'HEAD']).trim();
    git(dir, ['update-index', '--add', '--cacheinfo', `160000,${head},positions/educ/shared`]);
    git(dir, ['commit', '-q', '-m', 'a submodule among the positions']);
    const run = runCli(['diff', EXAMPLE_MEETING, '--from', 'HEAD~1', '--to', 'HEAD'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  test('a partial clone (git clone --filter=blob:none) away from its remote says that git could not fetch the older text, and what to do', () => {
    const source = threeVersions();
    git(source, ['config', 'uploadpack.allowFilter', 'true']);
    const clone = join(tempDir(), 'partial');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${source}`, clone]);
    // Online, git fetches the older text as it is asked for it.
    expect(runCli(['diff', POSITION, '--from', 'HEAD~2', '--format', 'json'], clone).status).toBe(1);
    const away = join(tempDir(), 'partial-away');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${source}`, away]);
    git(away, ['remote', 'set-url', 'origin', `file://${join(tempDir(), 'gone')}`]);
    expect(runCli(['diff', POSITION, '--from', 'HEAD~2'], away)).toMatchObject({
      status: 2,
      stderr:
        'briefing: git could not fetch older versions of files from the remote: this is a partial clone (git clone --filter), which fetches them only when they are needed, and the remote could not be read.\n' +
        '  Connect to the remote (the network, a VPN) and run briefing again; `git fetch` says what stands in the way.\n',
    });
  });

  test('a branch only the remote has (a CI checkout of a pull request has no local main) is named as the remote’s', () => {
    const source = threeVersions();
    git(source, ['branch', 'release/2021']);
    // Another of the remote's branches, whose name is as long, is not taken for it too (which would leave the name unsaid).
    git(source, ['branch', 'winter-draft']);
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', `file://${source}`, clone]);
    const run = runCli(['diff', POSITION, '--from', 'release/2021'], clone);
    expect(run).toMatchObject({
      status: 2,
      stderr:
        "briefing: Unknown revision `release/2021`: there is no branch of that name here, but the remote's is `origin/release/2021`.\n" +
        '  Write origin/release/2021 (a clone has a branch of its own only for what it checked out).\n',
    });
    expect(runCli(['diff', POSITION, '--from', 'origin/release/2021', '--format', 'json'], clone).status).toBe(0);
  });

  test('an empty --from, --to, --since, --out or --author (a variable left unset) is refused, not taken for no flag', () => {
    const dir = threeVersions();
    // `--from "$BASE"` with BASE unset compared HEAD with the working tree and said "No changes", exit 0.
    for (const flag of ['--from', '--to', '--since', '--out', '--author']) {
      const run = runCli(['diff', POSITION, flag, ''], dir);
      expect(run.status, flag).toBe(2);
      expect(run.stderr.split('\n')[0], flag).toBe(`briefing: ${flag} was given an empty value.`);
    }
    expect(runCli(['diff', POSITION, '--from', ' '], dir).stderr).toBe('briefing: --from was given an empty value.\n  Give a revision (a commit, a branch, a tag), or drop --from.\n');
  });

  test('an --author with a character a Word document cannot hold is refused, not left out of the name without a word', () => {
    const dir = threeVersions();
    for (const [name, code] of [['Anna\u0001 Ozola', 'U+0001'], ['Anna\uFFFE', 'U+FFFE']]) {
      const run = runCli(['diff', POSITION, '--from', 'HEAD~1', '--format', 'docx', '--out', 'redline.docx', '--author', name ?? ''], dir);
      expect(run.status, code).toBe(2);
      expect(run.stderr, code).toBe(`briefing: --author holds the character ${code}, which a Word document cannot contain.\n  Give a name without it.\n`);
      expect(existsSync(join(dir, 'redline.docx')), code).toBe(false);
    }
  });

  test('an unknown --to is reported before an unknown --from, as they were resolved before', () => {
    const run = runCli(['diff', POSITION, '--from', 'v98', '--to', 'v99'], threeVersions());
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('briefing: Unknown revision `v99`.');
  });

  test.skipIf(process.platform === 'win32')('a position between two revisions is read with one git process', () => {
    const dir = threeVersions();
    const bin = tempDir();
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${join(bin, 'calls')}'\nexec '${real}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const run = runCli(['diff', POSITION, '--from', 'HEAD~2', '--to', 'HEAD', '--format', 'md'], dir, { PATH: `${bin}:${process.env.PATH ?? ''}` });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('{~~trim~>četriem~~}');
    expect(readFileSync(join(bin, 'calls'), 'utf8')).toBe('cat-file --batch\n');
  });

  test('without git, comparing revisions is a one-line error and exit 2', () => {
    const run = runCli(['diff', POSITION, '--from', 'HEAD~1'], threeVersions(), { PATH: tempDir() });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('briefing: git is not installed or not on the PATH.\n  Versions come from git; install it, or compare two files.\n');
  });

  test('a file that did not exist at the revision is an error, exit 2', () => {
    const dir = threeVersions();
    writeFileSync(join(dir, 'positions/educ/new.yaml'), exampleFile(POSITION).replace('id: equity-achievements', 'id: new'));
    const run = runCli(['diff', 'positions/educ/new.yaml'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'positions/educ/new.yaml does not exist at HEAD.\n  It was never committed: commit it first, or compare two files (`briefing diff old.yaml new.yaml`).\n',
    );
  });

  test('a position renamed (git mv) since the revision is found there by its id, under its old name', () => {
    const dir = threeVersions();
    git(dir, ['mv', POSITION, 'positions/educ/renamed.yaml']);
    writeFileSync(join(dir, 'positions/educ/renamed.yaml'), replace(readFileSync(join(dir, 'positions/educ/renamed.yaml'), 'utf8'), 'četriem savstarpēji', 'pieciem savstarpēji'));
    git(dir, ['commit', '-qam', 'rename']);
    const renamed = runCli(['diff', 'positions/educ/renamed.yaml', '--from', 'HEAD~1', '--format', 'terminal'], dir);
    expect(renamed).toMatchObject({ status: 1, stderr: '' });
    expect(renamed.stdout).toContain(`diff ${POSITION} → positions/educ/renamed.yaml\n`);
    expect(renamed.stdout).toContain('[-četriem-]{+pieciem+} savstarpēji');
    // Named by its old name between two commits, the newer of which has it under the new one: the same.
    const old = runCli(['diff', POSITION, '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'terminal'], dir);
    expect(old.status).toBe(1);
    expect(old.stdout).toContain(`diff ${POSITION} → positions/educ/renamed.yaml\n`);
    expect(old.stdout).toContain('[-četriem-]{+pieciem+} savstarpēji');
    // A position whose id no file had at the revision is still new there.
    writeFileSync(join(dir, 'positions/educ/other.yaml'), exampleFile(POSITION).replace('id: equity-achievements', 'id: other'));
    git(dir, ['add', '.']);
    git(dir, ['commit', '-qm', 'other']);
    const added = runCli(['diff', 'positions/educ/other.yaml', '--from', 'HEAD~1'], dir);
    expect(added.status).toBe(2);
    expect(added.stderr).toBe(
      'briefing: positions/educ/other.yaml does not exist at HEAD~1.\n  It was added after HEAD~1, or came to this path by a rename: `git log --follow --oneline -- positions/educ/other.yaml` lists its commits, under earlier names too. A position renamed since is found there by its id, unless its id changed as well.\n',
    );
    // From a subfolder, the file is named from the project, and the hint's git command runs there.
    const fromSubfolder = runCli(['diff', 'educ/other.yaml', '--from', 'HEAD~1'], join(dir, 'positions')).stderr;
    expect(fromSubfolder).toContain('briefing: positions/educ/other.yaml does not exist at HEAD~1.');
    expect(fromSubfolder).toContain('`git -C .. log --follow --oneline -- positions/educ/other.yaml`');
  });

  test('from a subfolder, takes the path as every message names it (from the project root), as check and clear do', () => {
    const dir = threeVersions();
    const fromRoot = runCli(['diff', POSITION, '--from', 'HEAD~1', '--format', 'md'], dir);
    expect(fromRoot.status).toBe(1);
    // Pasted in positions/educ from a line of check there, and named from there.
    expect(runCli(['diff', POSITION, '--from', 'HEAD~1', '--format', 'md'], join(dir, 'positions/educ'))).toEqual(fromRoot);
    expect(runCli(['diff', 'equity-achievements.yaml', '--from', 'HEAD~1', '--format', 'md'], join(dir, 'positions/educ'))).toEqual(fromRoot);
  });

  test('--out - prints the diff, as most tools read -, and writes no file', () => {
    const dir = threeVersions();
    const printed = runCli(['diff', POSITION, '--from', 'HEAD~1'], dir);
    expect(printed.status).toBe(1);
    expect(runCli(['diff', POSITION, '--from', 'HEAD~1', '--out', '-'], dir)).toEqual(printed);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  test('a position removed since the revision gets the hint its history calls for, not "commit the file first"', () => {
    const dir = threeVersions();
    git(dir, ['rm', '-q', POSITION]);
    git(dir, ['commit', '-qm', 'remove']);
    const removed = runCli(['diff', POSITION, '--from', 'HEAD~1', '--to', 'HEAD'], dir);
    expect(removed.status).toBe(2);
    expect(removed.stderr).toContain(`It is not in the working tree either (removed or renamed): \`git log --oneline -- ${POSITION}\` lists the commits that had it`);
  });

  test('a version nested too deep to compare is refused at its line, as build refuses it, not an overflow of the comparison', () => {
    const dir = threeVersions();
    // Three thousand quotes inside each other overflowed the comparison's stack (an internal error).
    writeFileSync(join(dir, POSITION), replace(exampleFile(POSITION), 'version: 3', 'version: 6').replace(/^body: \|\n/m, `body: |\n  ${'>'.repeat(3000)} citāts\n\n`));
    const run = runCli(['diff', POSITION], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^positions\/educ\/equity-achievements\.yaml:\d+:3 {2}error {2}`body` nests quotes and lists more than 20 levels deep here; a report cannot show it\. .* {2}markdown\/too-deep$/m);
    expect(run.stderr).not.toContain('internal');
  });

  test('a version committed with a merge’s conflict markers in it is named at that revision with what to do there, not a `git add` of `HEAD:<file>`', () => {
    const dir = threeVersions();
    writeFileSync(join(dir, POSITION), replace(exampleFile(POSITION), 'version: 3', 'version: 6').replace(/^body: \|\n/m, 'body: |\n<<<<<<< HEAD\n  Mūsu teikums.\n=======\n  Viņu teikums.\n>>>>>>> side\n'));
    commitAll(dir, 'merged, markers and all', JANIS);
    for (const args of [[POSITION, '--from', 'HEAD~1', '--to', 'HEAD'], [EXAMPLE_MEETING, '--from', 'HEAD~1', '--to', 'HEAD']]) {
      const run = runCli(['diff', ...args], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`HEAD:${POSITION}:17:1  error  Git could not merge this file: lines 17–21 hold two versions, between the conflict markers \`<<<<<<< HEAD\` and \`>>>>>>> side\`. The markers were committed so at \`HEAD\`: keep the text that should stand and delete the marker lines in the working tree, commit that, and compare with the new commit; or compare other revisions.  file/merge-conflict`);
      expect(run.stderr).not.toContain('git add');
    }
  });

  test('a version with more marks in a paragraph than the parser can pair in time is refused the same way', () => {
    const dir = threeVersions();
    // 25,000 `*a` in one paragraph took the parser minutes.
    writeFileSync(join(dir, POSITION), replace(exampleFile(POSITION), 'version: 3', 'version: 6').replace(/^body: \|\n/m, `body: |\n  ${'*a'.repeat(25_000)}\n\n`));
    const run = runCli(['diff', POSITION], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^positions\/educ\/equity-achievements\.yaml:\d+:3 {2}error {2}`body` has a paragraph with more than 2,000 emphasis and link marks .* {2}markdown\/too-complex$/m);
  });

  test('a file outside the project is named as such before git is asked, exit 2', () => {
    const dir = threeVersions();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'x.yaml'), exampleFile(POSITION));
    for (const named of [join(elsewhere, 'x.yaml'), '../elsewhere/x.docx']) {
      const run = runCli(['diff', named], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(
        'error  This file is outside the project folder; diff reads its earlier versions from the project’s git repository. ' +
          'Run briefing in the project the file belongs to (-C <folder>), or compare two files as they are: `briefing diff <older file> <newer file>`.  input/outside-project\n',
      );
      expect(run.stderr).not.toContain('cat-file');
    }
    // Two files are read as they are, wherever they lie.
    expect(runCli(['diff', POSITION, join(elsewhere, 'x.yaml'), '--format', 'md'], dir).status).toBe(1);
    expect(runCli(['diff', POSITION, join(elsewhere, 'y.yaml')], dir).stderr).toBe(
      `${join(elsewhere, 'y.yaml')}  error  No such file. Check the path; paths are relative to the current folder.  input/not-found\n`,
    );
  });

  test('two files of different kinds are refused in one line, not read as each other (exit 2)', () => {
    const dir = exampleProject();
    const run = runCli(['diff', POSITION, EXAMPLE_MEETING], dir);
    expect([run.status, run.stderr]).toEqual([
      2,
      `briefing: ${POSITION} is a position and ${EXAMPLE_MEETING} a meeting: diff compares two versions of one kind of file.\n  Name two meetings, or two positions.\n`,
    ]);
  });

  test('a folder, or a file the working tree does not have, is said so with what to do, exit 2', () => {
    const dir = threeVersions();
    const folder = runCli(['diff', 'positions/educ'], dir);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe(
      'briefing: positions/educ is a folder; diff compares one file between revisions, or two files.\n' +
        '  Name a meeting or a position file, e.g. positions/<folder>/<id>.yaml; `briefing list positions` shows them.\n',
    );
    const missing = runCli(['diff', 'positions/educ/nonexist.yaml'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      'positions/educ/nonexist.yaml  error  No such file in the working tree, whose version diff compares with an earlier one. ' +
        'Check the path; paths are relative to the current folder. For a file deleted since, name both revisions: --from <revision> --to <revision>.  input/not-found\n',
    );
    // Between two revisions the working tree is not read: a deleted file is still compared.
    git(dir, ['rm', '-q', POSITION]);
    expect(runCli(['diff', POSITION, '--from', 'HEAD~2', '--to', 'HEAD', '--format', 'md'], dir).status).toBe(1);
  });
});

test('outside a git repository, comparing revisions is a one-line error and exit 2', () => {
  const dir = exampleProject();
  const run = runCli(['diff', POSITION], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^briefing: .* is not inside a git repository\.\n/);
});

test('two files are compared without git', () => {
  const dir = exampleProject({ 'b.yaml': exampleFile(POSITION).replace('version: 3', 'version: 4') });
  const run = runCli(['diff', POSITION, 'b.yaml', '--format', 'terminal'], dir);
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('• version: v3 → v4');
  expect(runCli(['diff', POSITION, POSITION], dir).status).toBe(0);
});

describe('the day a version was made, as its maker\'s calendar said', () => {
  test('a commit made just after midnight in Riga is of that day, as git log shows it, not the day before in UTC', () => {
    const dir = exampleProject();
    initRepository(dir);
    writeFileSync(join(dir, POSITION), replace(exampleFile(POSITION), 'ar\n  trim savstarpēji', 'ar\n  četriem savstarpēji'));
    commitAll(dir, 'after midnight', { author: 'Anna Bērziņa', date: '2021-02-16T00:30:00+02:00' });
    expect(git(dir, ['log', '-1', '--format=%cs']).trim()).toBe('2021-02-16');
    const run = runCli(['diff', POSITION, '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'json'], dir, { TZ: 'UTC' });
    expect(run.stderr).toBe('');
    const shown = runCli(['diff', POSITION, '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'md'], dir, { TZ: 'UTC' });
    expect(shown.stdout).toMatch(/to `HEAD` \([0-9a-f]{7}, 2021-02-16\)\./);
    // The moment itself is the same one, in UTC.
    expect(json(run.stdout)).toMatchObject({ to: { date: '2021-02-15T22:30:00Z', localTime: '2021-02-16T00:30:00' } });
  });

  test('the redline dates its changes at the committer\'s wall clock, as Word stamps its own and as Word and LibreOffice show the stamp', () => {
    const dir = exampleProject();
    initRepository(dir);
    writeFileSync(join(dir, POSITION), replace(exampleFile(POSITION), 'ar\n  trim savstarpēji', 'ar\n  četriem savstarpēji'));
    commitAll(dir, 'after midnight', { author: 'Anna Bērziņa', date: '2021-02-16T00:30:00+02:00' });
    const out = join(dir, 'review.docx');
    runCli(['diff', POSITION, '--from', 'HEAD~1', '--to', 'HEAD', '--out', out], dir, { TZ: 'UTC' });
    expect(new Set(revisions(readFileSync(out)).map((r) => r.date))).toEqual(new Set(['2021-02-16T00:30:00Z']));
    const comments = strFromU8(unzipSync(readFileSync(out))['word/comments.xml'] ?? new Uint8Array());
    expect(comments).toMatch(/w:date="2021-02-16T00:30:00(?:\.000)?Z"/);
  });

  test('a file saved just after midnight in Riga is of that day in the working tree label (the local time zone)', () => {
    const dir = exampleProject();
    initRepository(dir);
    writeFileSync(join(dir, POSITION), replace(exampleFile(POSITION), 'ar\n  trim savstarpēji', 'ar\n  četriem savstarpēji'));
    const saved = new Date('2021-02-16T00:40:00+02:00');
    utimesSync(join(dir, POSITION), saved, saved);
    const run = runCli(['diff', POSITION, '--format', 'md'], dir, { TZ: 'Europe/Riga' });
    expect(run.stdout).toContain('to working tree (2021-02-16).');
    // SOURCE_DATE_EPOCH is a moment for reproducible output: its day is UTC's, the same in every time zone.
    const pinned = runCli(['diff', POSITION, '--format', 'md'], dir, { TZ: 'Europe/Riga', SOURCE_DATE_EPOCH: String(saved.getTime() / 1000) });
    expect(pinned.stdout).toContain('to working tree (2021-02-15).');
  });
});

describe('an empty list item added or removed between two commits', () => {
  const ORDERED = '  1) pāreju uz kompetencēs balstītu mācību saturu un pieeju;\n';
  const BULLETS = '\n  - skolām;\n  - pašvaldībām.\n';

  /** The example position, then the same with an empty item (`2)`, `- `) between two items of each of its lists. */
  function emptyItemAdded(): string {
    const dir = exampleProject();
    const first = replace(exampleFile(POSITION), 'pārtraukt mācības.\n', `pārtraukt mācības.\n${BULLETS}`);
    writeFileSync(join(dir, POSITION), first);
    initRepository(dir);
    const renumbered = replace(replace(first, '  3) mērķtiecīgu', '  4) mērķtiecīgu'), '  2) pedagogu', '  3) pedagogu');
    writeFileSync(join(dir, POSITION), replace(replace(renumbered, ORDERED, `${ORDERED}  2)\n`), '  - skolām;\n', '  - skolām;\n  - \n'));
    commitAll(dir, 'two empty items', ANNA);
    return dir;
  }

  test('every format shows it: Markdown, terminal and JSON mark the item, the DOCX tracks its paragraph', () => {
    const dir = emptyItemAdded();
    const args = ['diff', POSITION, '--from', 'HEAD~1', '--to', 'HEAD'];
    const md = runCli([...args, '--format', 'md'], dir);
    expect(md.status).toBe(1);
    expect(md.stdout).not.toContain('No changes.');
    expect(md.stdout).toContain('1) pāreju uz kompetencēs balstītu mācību saturu un pieeju;\n2) {>>empty item added<<}\n3) pedagogu profesionālās');
    expect(md.stdout).toContain('- skolām;\n- {>>empty item added<<}\n- pašvaldībām.');
    const terminal = runCli([...args, '--format', 'terminal'], dir).stdout;
    expect(terminal).toContain('\n2) (empty item added)\n');
    expect(terminal).toContain('\n– (empty item added)\n');
    const report = json(runCli([...args, '--format', 'json'], dir).stdout);
    expect(report).toMatchObject({ equal: false, stat: [{ blocks: 2, inserted: 0, deleted: 0 }] });
    const changed = 'blocks' in report && Array.isArray(report.blocks) ? report.blocks.filter((block: { status?: string }) => block.status !== 'equal') : [];
    expect(changed).toEqual([
      { status: 'inserted', kind: 'item', depth: 0, marker: '2)', segments: [] },
      { status: 'inserted', kind: 'item', depth: 0, marker: '–', segments: [] },
    ]);
    const out = join(dir, 'review.docx');
    expect(runCli([...args, '--out', out], dir).status).toBe(1);
    expect(revisions(readFileSync(out)).map((r) => r.kind)).toEqual(['ins', 'ins']);
    // Each a numbered paragraph of no text whose mark is tracked as inserted, after the item before it.
    const body = part(docxParts(readFileSync(out)), 'word/document.xml');
    const tracked = [...body.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:numPr>(?:(?!<\/w:p>).)*?<\/w:p>/g)].map(([p]) => p).filter((p) => p.includes('<w:ins '));
    expect(tracked).toHaveLength(2);
    for (const paragraph of tracked) expect(paragraph).not.toContain('<w:r>');
    expect(paragraphs(readFileSync(out), 'reject')).not.toContain('');
  });

  test('removed, it is marked removed and tracked as deleted', () => {
    const dir = emptyItemAdded();
    const args = ['diff', POSITION, '--from', 'HEAD', '--to', 'HEAD~1'];
    const md = runCli([...args, '--format', 'md'], dir);
    expect(md.status).toBe(1);
    expect(md.stdout).toContain('1) pāreju uz kompetencēs balstītu mācību saturu un pieeju;\n2) {>>empty item removed<<}\n2) pedagogu profesionālās');
    expect(md.stdout).toContain('- skolām;\n- {>>empty item removed<<}\n- pašvaldībām.');
    expect(runCli([...args, '--format', 'terminal'], dir).stdout).toContain('\n2) (empty item removed)\n');
    const out = join(dir, 'review.docx');
    expect(runCli([...args, '--out', out], dir).status).toBe(1);
    expect(revisions(readFileSync(out)).map((r) => r.kind)).toEqual(['del', 'del']);
    expect(paragraphs(readFileSync(out), 'accept')).not.toContain('');
  });
});

test('a file compared with another that Notepad saved as UTF-16 ("Unicode") is said to be UTF-16, not a file of no known kind', () => {
  const dir = exampleProject();
  const other = join(tempDir(), 'equity-reforms.yaml');
  writeFileSync(other, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exampleFile('positions/educ/equity-reforms.yaml'), 'utf16le')]));
  const run = runCli(['diff', 'positions/educ/equity-reforms.yaml', other], dir);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('is a meeting or a position: The file is UTF-16 (“Unicode”), not UTF-8: it cannot be read.');
  expect(run.stderr).toContain('Save the file as UTF-8');
});

test('a report between two revisions is made with each revision’s own copy of a project template: its change in the text is shown', () => {
  const dir = exampleProject({
    'templates/note.lv.md.hbs': 'Ziņojums par {{meeting.topic}}.\n',
    [EXAMPLE_MEETING]: replace(exampleFile(EXAMPLE_MEETING), 'template: informative-report.lv', 'template: note.lv'),
  });
  initRepository(dir);
  writeFileSync(join(dir, 'templates/note.lv.md.hbs'), 'Informatīvais ziņojums par {{meeting.topic}}.\n');
  commitAll(dir, 'the note reworded', ANNA);
  const run = runCli(['diff', EXAMPLE_MEETING, '--from', 'HEAD~1', '--to', 'HEAD', '--format', 'md'], dir);
  expect(run.stdout.split('\n').filter((line) => line.includes('ziņojums') || line.includes('Ziņojums'))).toEqual([
    '{~~Ziņojums~>Informatīvais ziņojums~~} par Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība.',
  ]);
  expect(run.status).toBe(1);
});
