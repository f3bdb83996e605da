import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { corpusCases, corpusProject } from './helpers/corpus.js';
import { initRepository } from './helpers/git.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir } from './helpers/project.js';

const STACK = /\n\s+at .+:\d+:\d+/;

describe('the briefing command', () => {
  it('under -C, the briefing commands a problem’s hint gives keep the -C, so they run in that project when pasted', () => {
    const testCase = corpusCases('invalid').find((one) => one.name === 'meeting-clearance-never-requested');
    if (!testCase) throw new Error('the corpus case is missing');
    const top = tempDir();
    cpSync(corpusProject(testCase), join(top, 'Ārlietu darbi/proj ā'), { recursive: true });
    const run = runCli(['-C', 'Ārlietu darbi/proj ā', 'check'], top);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("record the request in each position: `briefing -C 'Ārlietu darbi/proj ā' clear youth-participation youth-organisations --ministry ZM --pending`.");
    // From inside the project the command stays as it was.
    expect(runCli(['check'], join(top, 'Ārlietu darbi/proj ā')).stdout).toContain('position: `briefing clear youth-participation');
  });

  it('the git commands a problem’s hint gives run where briefing was typed: from a folder of the project, under -C, in a folder of a bigger repository', () => {
    const top = tempDir();
    const project = join(top, 'ministrija', 'proj');
    for (const entry of ['briefing.config.yaml', 'ministries.yaml', 'meetings', 'positions']) cpSync(join(REPO, entry), join(project, entry), { recursive: true });
    initRepository(join(top, 'ministrija'));
    const deleted = 'positions/educ/equity-eu-cooperation.yaml';
    rmSync(join(project, deleted));
    const restore = (run: { stdout: string }): string => /`(git [^`]*restore [^`]*)`/.exec(run.stdout)?.[1] ?? '';
    // Typed in the project's own folder, the command stays as it was.
    expect(restore(runCli(['check'], project))).toBe(`git restore ${deleted}`);
    // From its positions folder, and from outside the repository under -C: git is told the project's folder.
    const fromPositions = restore(runCli(['check'], join(project, 'positions')));
    expect(fromPositions).toBe(`git -C .. restore ${deleted}`);
    const fromOutside = restore(runCli(['-C', 'ministrija/proj', 'check'], top));
    expect(fromOutside).toBe(`git -C ministrija/proj restore ${deleted}`);
    // Pasted where it was typed, it brings the file back.
    execFileSync('sh', ['-c', fromOutside], { cwd: top });
    expect(existsSync(join(project, deleted))).toBe(true);
  });

  it('an error that stops the command gives its commands as typed from where briefing was, and names files from the project, on the terminal and in JSON', () => {
    const top = tempDir();
    const project = join(top, 'ministrija', 'proj');
    for (const entry of ['briefing.config.yaml', 'ministries.yaml', 'meetings', 'positions']) cpSync(join(REPO, entry), join(project, entry), { recursive: true });
    initRepository(join(top, 'ministrija'));
    const copy = 'positions/educ/copy-x.yaml';
    writeFileSync(join(project, copy), exampleFile('positions/educ/equity-achievements.yaml').replace('id: equity-achievements', 'id: copy-x'));
    const diffCopy = ['-C', 'ministrija/proj', 'diff', copy, '--from', 'HEAD'];
    // Never committed: the briefing command of the hint keeps the -C.
    expect(runCli(diffCopy, top).stderr).toContain('(`briefing -C ministrija/proj diff old.yaml new.yaml`)');
    execFileSync('sh', ['-c', 'git -C ministrija add . && git -C ministrija commit -qm copy'], { cwd: top });
    const added = runCli([...diffCopy.slice(0, -1), 'HEAD~1'], top);
    expect(added.status).toBe(2);
    expect(added.stderr).toContain(`briefing: ${copy} does not exist at HEAD~1.\n`);
    const command = /`(git [^`]*log --follow[^`]*)`/.exec(added.stderr)?.[1] ?? '';
    expect(command).toBe(`git -C ministrija/proj log --follow --oneline -- ${copy}`);
    // Pasted where briefing was typed, it finds the file's commit.
    expect(execFileSync('sh', ['-c', command], { cwd: top, encoding: 'utf8' })).toMatch(/^[0-9a-f]+ copy\n/);
    const [problem] = JSON.parse(runCli([...diffCopy.slice(0, -1), 'HEAD~1', '--format', 'json'], top).stdout).diagnostics;
    expect(problem.message).toBe(`${copy} does not exist at HEAD~1.`);
    expect(problem.hint).toContain(`\`${command}\``);
  });

  it('prints its version', () => {
    const run = runCli(['--version'], REPO);
    expect(run).toMatchObject({ status: 0, stdout: `${packageJson.version}\n` });
  });

  it('shows real examples in the help of build', () => {
    const run = runCli(['build', '--help'], REPO);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('$ briefing build meetings/2021-02-19-educ-informal.yaml');
    expect(run.stdout).toContain('--final');
  });

  it('help names no folder of the machine it runs on; -C defaults to the current folder', () => {
    const dir = tempDir();
    const run = runCli(['--help'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(' -C, --cwd <dir> run as if started in <dir> (default: the current folder) ');
    expect(run.stdout).not.toContain(dir);
  });

  it('-C runs the command in another folder', () => {
    const dir = exampleProject();
    const run = runCli(['-C', dir, 'list', 'meetings', '--json'], tempDir());
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ file: EXAMPLE_MEETING })]);
  });

  it('builds the example and says what it wrote', () => {
    const dir = exampleProject();
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`built  ${EXAMPLE_MEETING} → out/IZMzin_190221_EDUC.md, out/IZMzin_190221_EDUC.docx, out/IZMzin_190221_EDUC.manifest.json\n`);
    expect(run.stderr).toBe('1 meeting: 1 built, 0 unchanged, 0 failed; no problems.\n');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['IZMzin_190221_EDUC.docx', 'IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md']);
  });

  it('reports broken YAML with file, line and column, exit 1, no stack trace', () => {
    const dir = exampleProject({
      [EXAMPLE_MEETING]: exampleFile(EXAMPLE_MEETING).replace('kind: informal', 'kind: informal\n\tmode: x'),
    });
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${EXAMPLE_MEETING}:16:1  error  .+  yaml/tab$`, 'm'));
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stdout).toBe(`failed ${EXAMPLE_MEETING}: nothing written\n`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a broken config is a problem in the data for every command that reads the project: exit 1, as build and check give (diff: 2, could not compare)', () => {
    const dir = exampleProject({ 'briefing.config.yaml': `${exampleFile('briefing.config.yaml')}formats: [md, dox]\n` });
    const position = 'positions/educ/equity-reforms.yaml';
    const before = readFileSync(join(dir, position), 'utf8');
    for (const args of [['build', EXAMPLE_MEETING], ['check'], ['list'], ['templates'], ['clear', 'equity-reforms', '-m', 'AM'], ['new', 'position', 'fresh', '--question', 'Q']]) {
      const run = runCli(args, dir);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr + run.stdout, args.join(' ')).toMatch(/^briefing\.config\.yaml:\d+:\d+ +error /m);
    }
    // diff's 1 says "the versions differ": a diff that could not compare gives 2.
    expect(runCli(['diff', position, position], dir).status).toBe(2);
    expect(readFileSync(join(dir, position), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'positions/fresh.yaml'))).toBe(false);
  });

  it('--final names the position and the ministry that has not cleared it, exit 1, nothing written', () => {
    const dir = exampleProject({
      'positions/educ/equity-eu-cooperation.yaml': exampleFile('positions/educ/equity-eu-cooperation.yaml').replace(
        /(  AM:\n    status: )cleared/,
        '$1objected',
      ),
    });
    const run = runCli(['build', EXAMPLE_MEETING, '--final'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^positions\/educ\/equity-eu-cooperation\.yaml:\d+:\d+  error  The position `equity-eu-cooperation` is not cleared by Ārlietu ministrija \(AM\): the clearance was refused: AM objected; .+  clearance\/missing$/m,
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('names a missing meeting file, exit 1', () => {
    const run = runCli(['build', 'meetings/2099-01-01-nothing.yaml'], exampleProject());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('meetings/2099-01-01-nothing.yaml  error  No such meeting file.');
  });

  it('answers a file of another kind in one line, before parsing it as a meeting, exit 1', () => {
    const dir = exampleProject({ 'README.md': '# Projekts\n\nŠeit ir ziņojumi.\n' });
    const position = runCli(['build', 'positions/educ/equity-reforms.yaml'], dir);
    expect(position.status).toBe(1);
    expect(position.stderr).toBe(
      'positions/educ/equity-reforms.yaml  error  This is a position, not a meeting: build takes meeting files. ' +
        'Build a meeting that includes it (`briefing list meetings` shows them), or check the position alone: briefing check positions/educ/equity-reforms.yaml  input/wrong-kind\n' +
        'Nothing built; 1 error.\n',
    );
    const readme = runCli(['build', 'README.md'], dir);
    expect(readme.status).toBe(1);
    expect(readme.stderr).toContain(
      'README.md  error  This is not a briefing file: build takes meeting files (.yaml). Meeting files are the .yaml files under meetings/, e.g. meetings/<date>-<slug>.yaml.  input/unknown-kind\n',
    );
    expect(runCli(['build', 'ministries.yaml'], dir).stderr).toContain('ministries.yaml  error  This is the ministries registry, not a meeting');
    // A position outside the positions folder (init's examples/position.yaml) is a position too, by its `id`.
    mkdirSync(join(dir, 'examples'));
    writeFileSync(join(dir, 'examples/position.yaml'), exampleFile('positions/educ/equity-reforms.yaml'));
    expect(runCli(['build', 'examples/position.yaml'], dir).stderr).toContain('examples/position.yaml  error  This is a position, not a meeting: build takes meeting files.');
    // A folder stands for the meetings in it: the project folder builds its one meeting.
    const folder = runCli(['build', '.'], dir);
    expect(folder.status).toBe(0);
    expect(folder.stderr).toContain('1 meeting: 1 built');
    expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.md'))).toBe(true);
  });

  it('says where it looked when there is no project, exit 2', () => {
    const dir = tempDir();
    const run = runCli(['build', 'x.yaml'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`briefing: No briefing.config.yaml found in ${dir} or any folder above it.`);
    expect(run.stderr).not.toMatch(STACK);
    // A --cwd that does not exist is named as such, not searched for a project.
    const missing = runCli(['-C', join(dir, 'no-such-folder'), 'check'], dir);
    expect([missing.status, missing.stderr]).toEqual([2, `briefing: The folder ${join(dir, 'no-such-folder')} does not exist.\n  Check the path given to --cwd (-C), or run briefing inside the project.\n`]);
 
    // Under -C, the folder that has no project is not the one the command was typed in: `briefing init` alone would start one there.
    mkdirSync(join(dir, 'jauns projekts'));
    const elsewhere = runCli(['-C', 'jauns projekts', 'check'], dir);
    expect(elsewhere.stderr).toContain("to start one in that folder: `briefing -C 'jauns projekts' init`.");
    expect(run.stderr).toContain('to start one in that folder: `briefing init`.');
  });

  it('says that briefing.config.yaml is a folder, as a container’s volume makes it, and what to write there instead, not to give the path of a file (exit 2)', () => {
    const dir = exampleProject();
    rmSync(join(dir, 'briefing.config.yaml'));
    mkdirSync(join(dir, 'briefing.config.yaml'));
    const said =
      "briefing: briefing.config.yaml is a folder, not a file: briefing reads the project's settings from a file of that name.\n" +
      '  Move the folder out of the way, and write the settings in a file briefing.config.yaml in its place (`issuing_ministry: IZM` is enough: the other settings have defaults).\n';
    for (const command of [['check'], ['build', EXAMPLE_MEETING], ['list']]) {
      const run = runCli(command, dir);
      expect([run.status, run.stderr]).toEqual([2, said]);
    }
  });

  it('names the project a repository holds in a folder below, rather than saying to start one (a hook runs at the top)', () => {
    const top = tempDir();
    initRepository(top);
    writeFileSync(join(top, 'package.json'), '{ "private": true }\n');
    mkdirSync(join(top, 'eu/briefings'), { recursive: true });
    writeFileSync(join(top, 'eu/briefings/briefing.config.yaml'), 'issuing_ministry: ZM\n');
    // Another tool's copy in node_modules is no project of this repository.
    mkdirSync(join(top, 'node_modules/x'), { recursive: true });
    writeFileSync(join(top, 'node_modules/x/briefing.config.yaml'), 'issuing_ministry: ZM\n');
    const run = runCli(['check'], top);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `briefing: No briefing.config.yaml found in ${top} or any folder above it; the project below it is in eu/briefings.\n` +
        '  Run briefing there: `cd eu/briefings` (in a git hook too, which starts at the top of the repository), or give briefing `-C eu/briefings`.\n',
    );
    // From a folder beside it, the way down is named from there.
    mkdirSync(join(top, 'eu/other'));
    expect(runCli(['check'], join(top, 'eu')).stderr).toContain('the project below it is in briefings.\n  Run briefing there: `cd briefings`');
  });

  it('suggests the nearest flag or command, exit 2', () => {
    const flag = runCli(['build', EXAMPLE_MEETING, '--finl'], REPO);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('  Did you mean --final?');
    const command = runCli(['buidl'], REPO);
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('  Did you mean build?');
  });

  it('refuses an option given twice with two values (the first was dropped without a word), exit 2, nothing written', () => {
    const dir = exampleProject();
    const file = 'positions/educ/equity-reforms.yaml';
    const before = readFileSync(join(dir, file), 'utf8');
    const twice = runCli(['clear', 'equity-reforms', '-m', 'LM', '--ministry', 'AM'], dir);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('briefing: --ministry is given twice, as `LM` and as `AM`: only one can count, so nothing was done.');
    expect(twice.stderr).toContain('  Give it once. For several values, run the command once for each.\n');
    expect(readFileSync(join(dir, file), 'utf8')).toBe(before);
    // Every command's options, a validated one too; the same value twice is no conflict. A flag that takes a list says how.
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md', '--format', 'docx'], dir).stderr).toBe(
      'briefing: --format is given twice, as `md` and as `docx`: only one can count, so nothing was done.\n  Give it once, with both in its list: --format md,docx.\n',
    );
    expect(runCli(['list', '--status', 'draft', '--status', 'draft'], dir).status).toBe(0);
    // The joined list names each value once: `--clearances am,lm,AM`, pasted, stopped at `AM` named twice.
    const codes = runCli(['new', 'meeting', '2021-05-20', 'x', '--clearances', 'am,lm', '--clearances', 'AM'], dir);
    expect(codes.stderr).toContain('  Give it once, with both in its list: --clearances am,lm.\n');
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md,docx', '--format', 'docx,pdf'], dir).stderr).toContain('  Give it once, with both in its list: --format md,docx,pdf.\n');
  });

  it('refuses build --out - (standard output to most tools; it made a folder named -), exit 2, nothing written; ./- is that folder', () => {
    const dir = exampleProject();
    const run = runCli(['build', EXAMPLE_MEETING, '--format', 'md', '--out', '-'], dir);
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe(
      'briefing: --out - : --out names the folder the files are written into; it cannot be standard output (-), as a report is several files.\n' +
        '  Give a folder, e.g. --out out/ (a folder named - is --out ./-).\n',
    );
    expect(existsSync(join(dir, '-'))).toBe(false);
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md', '--out', './-'], dir).status).toBe(0);
    expect(existsSync(join(dir, '-', 'IZMzin_190221_EDUC.md'))).toBe(true);
  });

  // util-linux's script gives the command a terminal of its own.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('draws the progress of a batch on a terminal, not on one that cannot move the cursor (TERM=dumb)', () => {
    const dir = exampleProject();
    const meeting = readFileSync(join(dir, EXAMPLE_MEETING), 'utf8');
    writeFileSync(join(dir, 'meetings/2021-02-20-educ-informal.yaml'), meeting.replace(/^date: .*$/m, 'date: 2021-02-20').replace(/^file_code: .*$/m, 'file_code: IZMzin_200221_EDUC'));
    const onTerminal = (term: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env, TERM: term, NO_COLOR: '1', BRIEFING_SERVER: 'off' };
      delete env.CI;
      const command = `"${process.execPath}" "${join(REPO, 'bin/briefing.js')}" build --all --force --format md`;
      return spawnSync('script', ['-qc', command, '/dev/null'], { cwd: dir, env, encoding: 'utf8' });
    };
    const drawn = onTerminal('xterm');
    expect(drawn.stdout).toContain('] 2/2 meetings/');
    expect(drawn.stdout).toContain('\u001b[K');
    const dumb = onTerminal('dumb');
    expect(dumb.stdout).toContain('built  meetings/2021-02-20-educ-informal.yaml');
    expect(dumb.stdout).not.toContain('\u001b');
    expect(dumb.stdout).not.toContain('2/2');
  });

  it('from a subfolder, takes a path as the messages name it (from the project root): list --meeting, new meeting --from, review, diff --since', () => {
    const dir = exampleProject();
    initRepository(dir);
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md,docx'], dir).status).toBe(0);
    const sub = join(dir, 'positions/educ');
    expect(runCli(['list', '--meeting', EXAMPLE_MEETING], sub)).toMatchObject({ status: 0, stderr: '', stdout: expect.stringContaining('equity-reforms') });
    const from = runCli(['new', 'meeting', '2021-07-01', 'next', '--from', EXAMPLE_MEETING, '--topic', 'T'], sub);
    expect(from.stderr).toBe('');
    expect(existsSync(join(dir, 'meetings/2021-07-01-next.yaml'))).toBe(true);
    expect(runCli(['review', 'out/IZMzin_190221_EDUC.docx'], sub)).toMatchObject({ status: 0, stdout: 'out/IZMzin_190221_EDUC.docx: no tracked changes or comments\n' });
    expect(runCli(['diff', EXAMPLE_MEETING, '--since', 'out/IZMzin_190221_EDUC.manifest.json', '--format', 'md'], sub)).toMatchObject({ status: 0, stderr: '' });
  });

  it('rejects an unknown output format, exit 2', () => {
    const run = runCli(['build', EXAMPLE_MEETING, '--format', 'rtf'], exampleProject());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown format `rtf`.');
  });

  it('points `build --format json`, as check writes it, to --json', () => {
    const run = runCli(['build', '--all', '--format', 'json'], exampleProject());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown format `json`.');
    expect(run.stderr).toContain('build prints its report as JSON with --json');
  });

  it('rejects a malformed SOURCE_DATE_EPOCH with one line, exit 2', () => {
    const dir = exampleProject();
    const run = runCli(['build', EXAMPLE_MEETING], dir, { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('SOURCE_DATE_EPOCH must be whole seconds since 1970');
    // Past the year 9999 it was an internal error for every meeting.
    for (const value of ['253402300800', '8640000000001']) {
      const late = runCli(['build', EXAMPLE_MEETING], dir, { SOURCE_DATE_EPOCH: value });
      expect(late).toMatchObject({ status: 2, stdout: '' });
      expect(late.stderr).toBe(`briefing: SOURCE_DATE_EPOCH \`${value}\` is after the year 9999, which a document's date cannot hold.\n  Give the seconds since 1970 of a day up to 9999-12-31, e.g. \`date +%s\` prints now.\n`);
    }
    expect(runCli(['build', EXAMPLE_MEETING, '--format', 'md'], dir, { SOURCE_DATE_EPOCH: '253402300799' }).status).toBe(0);
  });
});
