import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it, vi } from 'vitest';
import { init } from '../src/commands/init.js';
import { updateProject } from '../src/commands/init-update.js';
import { UsageError } from '../src/diagnostics/errors.js';
import { REPO, runCli, tempDir } from './helpers/project.js';
import { commitAll, git } from './helpers/git.js';

const FLAGS = { ministry: 'ZM', signatureRole: 'Zemkopības ministrs', signatureName: 'K. Gerhards', tool: 'file:vendor/briefing-0.1.0.tgz' };
const WORKFLOW = '.github/workflows/briefings.yml';
/** A PATH of Node.js and the system's programs alone: a `briefing` installed globally on the machine the tests run on would add its warning (init/global-runs-itself) to what each run says. */
const SYSTEM_PATH = { PATH: [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].filter((folder) => !existsSync(join(folder, 'briefing'))).join(delimiter) };

/** A project as init makes it, committed: what a ministry has after its first day. */
async function madeProject(): Promise<string> {
  const dir = tempDir();
  expect((await init({ cwd: dir, flags: FLAGS })).exitCode).toBe(0);
  committed(dir);
  return dir;
}

/** `dir` made a git repository with all in it committed, its .gitignore init's. */
function committed(dir: string): void {
  git(dir, ['init', '-q', '-b', 'main']);
  commitAll(dir, 'Briefings');
}

/** Every file under `dir` but git's, with its text: what a run wrote is told by comparing two of these. */
function snapshot(dir: string): Map<string, string> {
  return new Map(globSync('**', { cwd: dir, dot: true, ignore: ['.git/**'] }).sort().map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

describe('briefing init --update', () => {
  it('in a project as this version of init made it, changes nothing and says it is up to date', async () => {
    const dir = await madeProject();
    const before = snapshot(dir);
    const run = runCli(['init', '--update'], dir, SYSTEM_PATH);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe("Up to date: the files init writes are as briefing 0.1.0 writes them (briefing.config.yaml and README.md are the project's own).\n");
    expect(snapshot(dir)).toEqual(before);
    expect(git(dir, ['status', '--porcelain'])).toBe('');
  });

  // Installed with pnpm or Yarn 2, init writes their workflow and .gitignore: --update compared them with npm's, and
  // wrote an npm workflow beside the project's (`briefings.yml.new`, which `npm ci` would fail in) and npm's .gitignore lines.
  it('in a project installed with pnpm or Yarn 2 as this version of init made it, changes nothing', async () => {
    for (const [lockFile, text] of [
      ['pnpm-lock.yaml', "lockfileVersion: '9.0'\n"],
      ['yarn.lock', '__metadata:\n  version: 8\n'],
    ] as const) {
      const dir = tempDir();
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, packageManager: lockFile === 'yarn.lock' ? 'yarn@4.18.1' : 'pnpm@10.34.9', devDependencies: { briefing: 'file:vendor/briefing-0.1.0.tgz' } }));
      writeFileSync(join(dir, lockFile), text);
      expect((await init({ cwd: dir, flags: FLAGS })).exitCode).toBe(0);
      committed(dir);
      const before = snapshot(dir);
      const run = runCli(['init', '--update'], dir, SYSTEM_PATH);
      expect([run.status, run.stderr, run.stdout.slice(0, 11)]).toEqual([0, '', 'Up to date:']);
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it('after an upgrade: adds the files, lines and package.json keys the project lacks, and writes this version of a file that differs beside it', async () => {
    const dir = await madeProject();
    const fresh = snapshot(dir);
    // What an older init wrote, or the project changed since: both look the same from here.
    const older = (fresh.get(WORKFLOW) ?? '').replace(/node-version: 22/g, 'node-version: 20');
    writeFileSync(join(dir, WORKFLOW), older);
    rmSync(join(dir, '.vscode/settings.json'));
    writeFileSync(join(dir, '.gitignore'), (fresh.get('.gitignore') ?? '').replace(/^out\/\n/m, ''));
    const packageJson = JSON.parse(fresh.get('package.json') ?? '{}');
    delete packageJson.scripts.check;
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
    const ownConfig = `${fresh.get('briefing.config.yaml') ?? ''}# Mūsu piezīme.\n`;
    writeFileSync(join(dir, 'briefing.config.yaml'), ownConfig);
    writeFileSync(join(dir, 'README.md'), '# Mūsu ziņojumi\n');

    vi.stubEnv('PATH', SYSTEM_PATH.PATH);
    const result = updateProject({ cwd: dir, flags: {} });
    vi.unstubAllEnvs();
    expect(result).toMatchObject({ exitCode: 0, created: ['.vscode/settings.json'], updated: ['scripts.check'], diagnostics: [] });
    expect(result.merged.filter(({ added }) => added.length)).toEqual([{ path: '.gitignore', added: ['out/'] }]);
    expect(result.update).toEqual({ renewed: [WORKFLOW], current: ['templates/README.md', 'examples/meeting.yaml', 'examples/position.yaml'] });
    const after = snapshot(dir);
    // The workflow is kept; this version's, as a fresh init writes it, is beside it.
    expect(after.get(WORKFLOW)).toBe(older);
    expect(after.get(`${WORKFLOW}.new`)).toBe(fresh.get(WORKFLOW));
    expect(after.get('.vscode/settings.json')).toBe(fresh.get('.vscode/settings.json'));
    expect(after.get('.gitignore')?.split('\n')).toContain('out/');
    expect(JSON.parse(after.get('package.json') ?? '{}').scripts).toEqual({ build: 'briefing build --all', check: 'briefing check' });
    // The project's own files are never touched.
    expect(after.get('briefing.config.yaml')).toBe(ownConfig);
    expect(after.get('README.md')).toBe('# Mūsu ziņojumi\n');

    // Run again: nothing more to add; the workflow still differs, and its .new is this version's again.
    writeFileSync(join(dir, `${WORKFLOW}.new`), 'stale');
    const again = runCli(['init', '--update'], dir, SYSTEM_PATH);
    expect([again.status, again.stderr]).toEqual([0, '']);
    expect(again.stdout).toContain(`differs ${WORKFLOW}: kept; this version's is ${WORKFLOW}.new`);
    expect(again.stdout).toContain(`git diff --no-index ${WORKFLOW} ${WORKFLOW}.new     what this version writes otherwise\n`);
    expect(again.stdout).not.toMatch(/^(created|updated)/m);
    expect(readFileSync(join(dir, `${WORKFLOW}.new`), 'utf8')).toBe(fresh.get(WORKFLOW));
  });

  // Ctrl-C or a full disk in the middle of init left package.json, the config and meetings/.gitkeep: init again refused
  // (a project already), and --update wrote neither positions/ nor README.md, so neither command finished the project.
  it('after an init cut short: init again names --update, which writes every file init would have, byte for byte', async () => {
    const dir = tempDir();
    expect((await init({ cwd: dir, flags: FLAGS })).exitCode).toBe(0);
    const whole = snapshot(dir);
    for (const path of whole.keys()) if (!['package.json', 'briefing.config.yaml', 'meetings/.gitkeep'].includes(path)) rmSync(join(dir, path));
    for (const folder of ['.github', '.vscode', 'examples', 'templates']) rmSync(join(dir, folder), { recursive: true });
    // Cut between making the folder and writing its .gitkeep: git keeps no empty folder, so it is filled too.
    expect(readdirSync(join(dir, 'positions'))).toEqual([]);

    const again = await init({ cwd: dir, flags: FLAGS });
    expect([again.exitCode, again.diagnostics.map((d) => d.hint)]).toEqual([
      1,
      ['An init cut short (Ctrl-C, a full disk) or an upgrade of briefing: `briefing init --update` adds what init writes and the folder lacks. Otherwise carry on with `briefing new meeting` there, or run init in an empty folder (or a fresh clone) for another project.'],
    ]);
    const run = runCli(['init', '--update'], dir, SYSTEM_PATH);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('created '))).toEqual(
      ['positions/.gitkeep', 'README.md', 'templates/README.md', '.vscode/settings.json', WORKFLOW, 'examples/meeting.yaml', 'examples/position.yaml', '.gitignore', '.gitattributes', '.npmrc'].map((path) => `created ${path}`),
    );
    expect(snapshot(dir)).toEqual(whole);

    // A meetings folder with meetings in it and no .gitkeep, and a README the project removed on purpose later: the first is
    // left as it is, the second written again (a README that is there is the project's own).
    rmSync(join(dir, 'meetings/.gitkeep'));
    writeFileSync(join(dir, 'meetings/notes.txt'), 'Sanāksmes.\n');
    rmSync(join(dir, 'README.md'));
    vi.stubEnv('PATH', SYSTEM_PATH.PATH);
    const later = updateProject({ cwd: dir, flags: {} });
    vi.unstubAllEnvs();
    expect([later.exitCode, later.created]).toEqual([0, ['README.md']]);
    expect(existsSync(join(dir, 'meetings/.gitkeep'))).toBe(false);
  });

  it('leaves a package.json with nothing to add byte for byte as the project wrote it, and names as current only the files that do not differ', async () => {
    const dir = await madeProject();
    const fresh = snapshot(dir);
    // Every key init adds is there, in the project's own layout (four spaces, as some editors write JSON).
    const ownPackage = `${JSON.stringify(JSON.parse(fresh.get('package.json') ?? '{}'), null, 4)}\n`;
    writeFileSync(join(dir, 'package.json'), ownPackage);
    const ownWorkflow = `${fresh.get(WORKFLOW) ?? ''}# Mūsu piezīme.\n`;
    writeFileSync(join(dir, WORKFLOW), ownWorkflow);
    writeFileSync(join(dir, 'templates/README.md'), '# Mūsu veidnes\n');

    vi.stubEnv('PATH', SYSTEM_PATH.PATH);
    const result = updateProject({ cwd: dir, flags: {} });
    vi.unstubAllEnvs();
    expect(result).toMatchObject({ exitCode: 0, created: [], updated: [], diagnostics: [] });
    expect(result.update).toEqual({ renewed: ['templates/README.md', WORKFLOW], current: ['.vscode/settings.json', 'examples/meeting.yaml', 'examples/position.yaml'] });
    const after = snapshot(dir);
    expect(after.get('package.json')).toBe(ownPackage);
    expect(after.get(WORKFLOW)).toBe(ownWorkflow);
    expect(after.get('templates/README.md')).toBe('# Mūsu veidnes\n');
    expect(after.get('templates/README.md.new')).toBe(fresh.get('templates/README.md'));
  });

  it('finds the workflow init wrote at the top of the repository the project is a folder of, beside another project’s', async () => {
    const top = tempDir();
    git(top, ['init', '-q', '-b', 'main']);
    for (const folder of ['eu', 'other']) {
      mkdirSync(join(top, folder));
      expect((await init({ cwd: top, folder, flags: FLAGS })).exitCode).toBe(0);
    }
    // The first took briefings.yml, the second, finding that name taken, briefings-other.yml.
    expect(readFileSync(join(top, WORKFLOW), 'utf8')).toContain('working-directory: "eu"');
    expect(readFileSync(join(top, '.github/workflows/briefings-other.yml'), 'utf8')).toContain('working-directory: "other"');
    const before = snapshot(top);
    // Each is its own project's: not a second workflow for eu as briefings-eu.yml, nor eu's taken for other's.
    for (const folder of ['eu', 'other']) {
      const run = runCli(['init', '--update', folder], top, SYSTEM_PATH);
      expect([run.status, run.stderr, run.stdout]).toEqual([0, '', "Up to date: the files init writes are as briefing 0.1.0 writes them (briefing.config.yaml and README.md are the project's own).\n"]);
    }
    expect(snapshot(top)).toEqual(before);
  });

  // README's step 1 puts `briefing` on PATH globally; one from a package made before 3 December runs itself, not the
  // project's copy, so after the upgrade `briefing build` went on building the old version's reports, and its --version said 0.1.0 as the new one's.
  it.skipIf(process.platform === 'win32')('warns of a briefing on PATH whose launcher does not hand commands to the project’s copy, and not of one that does', async () => {
    const dir = await madeProject();
    const global = tempDir();
    const launcher = (name: string, text: string) => {
      mkdirSync(join(global, name, 'lib/node_modules/briefing/bin'), { recursive: true });
      mkdirSync(join(global, name, 'bin'));
      writeFileSync(join(global, name, 'lib/node_modules/briefing/bin/briefing.js'), text, { mode: 0o755 });
      symlinkSync('../lib/node_modules/briefing/bin/briefing.js', join(global, name, 'bin/briefing'));
      return join(global, name, 'bin');
    };
    const older = launcher('older', "#!/usr/bin/env node\n// the launcher of 2 December\nimport('../dist/cli.js');\n");
    const newer = launcher('newer', readFileSync(join(REPO, 'bin/briefing.js'), 'utf8'));
    // npx puts the project's node_modules/.bin first: what a shell finds when `briefing` is typed comes after it.
    const npxBin = join(dir, 'node_modules/.bin');
    const path = (folder: string) => [npxBin, folder, process.env['PATH'] ?? ''].join(delimiter);
    const run = runCli(['init', '--update'], dir, { PATH: path(older) });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      `${join(older, 'briefing')}  warning  The briefing on PATH is from a package made before 10:30 UTC on 3 December 2026 (${join(global, 'older/lib/node_modules/briefing')}): ` +
        'typed as `briefing …`, it runs that version itself, not the one this project installs. ' +
        'Install this version there too, once: `npm install -g --loglevel=error ./vendor/briefing-0.1.0.tgz`; or type `npx briefing …`.  init/global-runs-itself\n',
    );
    expect(run.stdout).toMatch(/^Up to date/);
    const current = runCli(['init', '--update'], dir, { PATH: path(newer) });
    expect([current.status, current.stderr]).toEqual([0, '']);
  });

  // init before 21:30 UTC on 5 December 2026 wrote `branches: [main]`, and `git init` (README's step 2) names the branch master: GitHub never built a report.
  it('warns when the kept workflow builds on pushes to branches that are not the one checked out', async () => {
    const dir = await madeProject();
    writeFileSync(join(dir, WORKFLOW), readFileSync(join(dir, WORKFLOW), 'utf8').replace('branches: [main, master]', 'branches: [main]'));
    commitAll(dir, 'workflow of an older init');
    const onMain = runCli(['init', '--update'], dir, SYSTEM_PATH);
    expect([onMain.status, onMain.stderr]).toEqual([0, '']);
    git(dir, ['branch', '-m', 'master']);
    const run = runCli(['init', '--update'], dir, SYSTEM_PATH);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      `${WORKFLOW}  warning  The workflow builds the reports on a push to main, but this repository's branch is master: on GitHub, a push to it builds no report. ` +
        `Take the branches from ${WORKFLOW}.new, which builds on main and master, or write master into \`branches\`.  init/workflow-branch\n`,
    );
    expect(run.stdout).toContain(`differs ${WORKFLOW}: kept; this version's is ${WORKFLOW}.new`);
  });

  it('leaves the ministry’s own templates alone, and names each that replaces a built-in one this version has otherwise, with the diff to compare them', async () => {
    const dir = await madeProject();
    const builtIn = (path: string) => readFileSync(join(REPO, 'templates', path), 'utf8');
    mkdirSync(join(dir, 'templates/partials'), { recursive: true });
    // Changed as a ministry's house style; a partial copied and left as it is; a template of the ministry's own name; one saved with Windows line ends.
    writeFileSync(join(dir, 'templates/informative-report.lv.md.hbs'), builtIn('informative-report.lv.md.hbs').replace('Informatīvais ziņojums par', 'INFORMATĪVAIS ZIŅOJUMS par'));
    writeFileSync(join(dir, 'templates/partials/signature.hbs'), builtIn('partials/signature.hbs'));
    writeFileSync(join(dir, 'templates/speaking-points.lv.md.hbs'), builtIn('speaking-points.lv.md.hbs').replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'templates/runas-punkti.lv.md.hbs'), '{{!-- Mūsu --}}\nTeksts\n');
    commitAll(dir, 'House style');
    const before = snapshot(dir);
    const run = runCli(['init', '--update'], dir, SYSTEM_PATH);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(1, 3)).toEqual(['own templates/informative-report.lv.md.hbs: kept; it replaces the built-in one, which this version has otherwise', 'Compare, and take what you want from the built-in one into yours:']);
    expect(lines[3]).toMatch(/^ {2}git diff --no-index \S*templates\/informative-report\.lv\.md\.hbs templates\/informative-report\.lv\.md\.hbs$/);
    expect(lines).toHaveLength(4);
    expect(snapshot(dir)).toEqual(before);
    // The templates/README.md init wrote says so to the one who makes the copy.
    expect(readFileSync(join(dir, 'templates/README.md'), 'utf8').replace(/\s+/g, ' ')).toContain('after an upgrade of briefing, `briefing init --update` names each template and partial here whose built-in original this version has changed');
  });

  it('in a folder that is no project, or given answers it takes from the config, writes nothing', async () => {
    const empty = tempDir();
    const none = updateProject({ cwd: empty, flags: {} });
    expect(none.exitCode).toBe(1);
    expect(none.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual([
      'briefing.config.yaml init/not-a-project There is no briefing.config.yaml here: --update brings a project init made up to this version; nothing written.',
    ]);
    expect(readdirSync(empty)).toEqual([]);
    const dir = await madeProject();
    const before = snapshot(dir);
    expect(() => updateProject({ cwd: dir, flags: { ministry: 'IZM', signatureName: 'X' } })).toThrow(UsageError);
    const run = runCli(['init', '--update', '--ministry', 'IZM'], dir, SYSTEM_PATH);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--update takes the issuing ministry and who signs from briefing.config.yaml');
    expect(snapshot(dir)).toEqual(before);
  });

  it('stops at a config with errors, at its line, writing nothing', async () => {
    const dir = await madeProject();
    writeFileSync(join(dir, 'briefing.config.yaml'), readFileSync(join(dir, 'briefing.config.yaml'), 'utf8').replace('issuing_ministry: ZM', 'issuing_ministry: QQ'));
    rmSync(join(dir, '.vscode/settings.json'));
    const run = runCli(['init', '--update'], dir, SYSTEM_PATH);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^briefing\.config\.yaml:\d+:\d+ {2}error {2}The issuing ministry `QQ` is not in the built-in ministries registry\./m);
    expect(existsSync(join(dir, '.vscode/settings.json'))).toBe(false);
  });

  // npx puts the project's node_modules/.bin first, holding the project's own (new) launcher: the one a shell finds is past it, past folders with no briefing.
  it.skipIf(process.platform === 'win32')('looks for the briefing a shell finds past node_modules/.bin and folders without one, in a .bin of another kind too', async () => {
    const dir = await madeProject();
    const launcherIn = (folder: string, text: string) => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'briefing'), text, { mode: 0o755 });
      return folder;
    };
    const npxBin = launcherIn(join(dir, 'node_modules/.bin'), readFileSync(join(REPO, 'bin/briefing.js'), 'utf8'));
    const none = tempDir();
    const global = tempDir();
    const older = launcherIn(join(global, 'tools/.bin'), "#!/usr/bin/env node\nimport('../dist/cli.js');\n");
    vi.stubEnv('PATH', [npxBin, none, older, SYSTEM_PATH.PATH].join(delimiter));
    const result = updateProject({ cwd: dir, flags: {} });
    vi.unstubAllEnvs();
    expect(result.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual([`${join(older, 'briefing')} init/global-runs-itself`]);
    expect(result.diagnostics[0]?.hint).toContain('`npm install -g --loglevel=error ./vendor/briefing-0.1.0.tgz`');
    // Installed from a git URL, the project's package.json names that: the hint installs it as it stands.
    const data = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    data.devDependencies.briefing = 'git+https://example.org/zm/briefing.git#v0.2.0';
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(data, null, 2)}\n`);
    vi.stubEnv('PATH', [npxBin, none, older, SYSTEM_PATH.PATH].join(delimiter));
    const fromGit = updateProject({ cwd: dir, flags: {} });
    vi.unstubAllEnvs();
    expect(fromGit.diagnostics.map((d) => d.hint)).toEqual(['Install this version there too, once: `npm install -g --loglevel=error git+https://example.org/zm/briefing.git#v0.2.0`; or type `npx briefing …`.']);
    // Saved by Notepad with a byte-order mark, which npm reads past: the same.
    writeFileSync(join(dir, 'package.json'), `\uFEFF${JSON.stringify(data, null, 2)}\n`);
    vi.stubEnv('PATH', [npxBin, none, older, SYSTEM_PATH.PATH].join(delimiter));
    const withMark = updateProject({ cwd: dir, flags: {} });
    vi.unstubAllEnvs();
    expect(withMark.diagnostics.map((d) => d.hint)).toEqual(fromGit.diagnostics.map((d) => d.hint));
  });

  it('says nothing of a kept workflow that names no branches under push, or in a folder that is no git repository', async () => {
    const dir = await madeProject();
    const text = readFileSync(join(dir, WORKFLOW), 'utf8');
    writeFileSync(join(dir, WORKFLOW), text.replace(/^( *)push:\n *branches: \[main, master\]\n/m, '$1workflow_dispatch:\n'));
    expect(readFileSync(join(dir, WORKFLOW), 'utf8')).not.toContain('branches:');
    const plain = tempDir();
    expect((await init({ cwd: plain, flags: FLAGS })).exitCode).toBe(0);
    writeFileSync(join(plain, WORKFLOW), text.replace('branches: [main, master]', 'branches: [main]'));
    for (const folder of [dir, plain]) {
      vi.stubEnv('PATH', SYSTEM_PATH.PATH);
      const result = updateProject({ cwd: folder, flags: {} });
      vi.unstubAllEnvs();
      expect(result).toMatchObject({ exitCode: 0, diagnostics: [], update: { renewed: [WORKFLOW] } });
    }
  });

  it('writes again the workflow at the top of the repository the project is a folder of, where it was deleted', async () => {
    const top = tempDir();
    git(top, ['init', '-q', '-b', 'main']);
    mkdirSync(join(top, 'eu'));
    expect((await init({ cwd: top, folder: 'eu', flags: FLAGS })).exitCode).toBe(0);
    const workflow = readFileSync(join(top, WORKFLOW), 'utf8');
    rmSync(join(top, WORKFLOW));
    vi.stubEnv('PATH', SYSTEM_PATH.PATH);
    const result = updateProject({ cwd: top, folder: 'eu', flags: {} });
    vi.unstubAllEnvs();
    expect(result).toMatchObject({ exitCode: 0, created: [`../${WORKFLOW}`], diagnostics: [] });
    expect(readFileSync(join(top, WORKFLOW), 'utf8')).toBe(workflow);
  });

  // A ministry's package.json in its own layout (four spaces or tabs, Windows line ends): a key added rewrote the whole
  // file with two spaces and LF, every line a change in git.
  it('adds a key to a package.json in the project’s own layout: its indent and line ends kept', async () => {
    for (const [indent, newline] of [['    ', '\r\n'], ['\t', '\n'], ['  ', '\n']] as const) {
      const dir = await madeProject();
      const wanted = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const own = structuredClone(wanted);
      delete own.scripts.check;
      const laidOut = (data: unknown) => `${JSON.stringify(data, null, indent).replaceAll('\n', newline)}${newline}`;
      writeFileSync(join(dir, 'package.json'), laidOut(own));
      vi.stubEnv('PATH', SYSTEM_PATH.PATH);
      const result = updateProject({ cwd: dir, flags: {} });
      vi.unstubAllEnvs();
      expect(result).toMatchObject({ exitCode: 0, updated: ['scripts.check'], diagnostics: [] });
      expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(laidOut(wanted));
    }
    // All on one line, as a script wrote it: two spaces, as npm writes a new one.
    const dir = await madeProject();
    const own = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    delete own.private;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(own));
    vi.stubEnv('PATH', SYSTEM_PATH.PATH);
    expect(updateProject({ cwd: dir, flags: {} }).updated).toEqual(['private']);
    vi.unstubAllEnvs();
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(`${JSON.stringify({ ...own, private: true }, null, 2)}\n`);
  });

  it('takes briefing and node as runtime dependencies for what they are, allowing node’s install script, and writes a package.json that was deleted', async () => {
    const dir = await madeProject();
    const own = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    own.dependencies = { briefing: own.devDependencies.briefing, node: '24.11.1' };
    own.devDependencies = {};
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(own, null, 2)}\n`);
    vi.stubEnv('PATH', SYSTEM_PATH.PATH);
    const result = updateProject({ cwd: dir, flags: {} });
    vi.unstubAllEnvs();
    // Not briefing again as a development dependency.
    expect(result).toMatchObject({ exitCode: 0, created: [], updated: ['allowScripts.node'], diagnostics: [] });
    const written = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect([written.devDependencies, written.dependencies, Object.keys(written.allowScripts)]).toEqual([{}, own.dependencies, ['node']]);

    // Without a devDependencies key, none is added empty (it had been written as `"devDependencies": {}`).
    delete own.devDependencies;
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(own, null, 2)}\n`);
    vi.stubEnv('PATH', SYSTEM_PATH.PATH);
    expect(updateProject({ cwd: dir, flags: {} })).toMatchObject({ exitCode: 0, created: [], updated: ['allowScripts.node'] });
    vi.unstubAllEnvs();
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')))).not.toContain('devDependencies');

    rmSync(join(dir, 'package.json'));
    vi.stubEnv('PATH', SYSTEM_PATH.PATH);
    const again = updateProject({ cwd: dir, flags: {} });
    vi.unstubAllEnvs();
    expect(again).toMatchObject({ exitCode: 0, created: ['package.json'], updated: [] });
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts).toEqual({ build: 'briefing build --all', check: 'briefing check' });
  });
});
