import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it, test } from 'vitest';
import { parse } from 'yaml';
import { init } from '../src/commands/init.js';
import { ACTIONS, configFile, signatureExamples } from '../src/init/files.js';
import { newMeeting } from '../src/commands/new.js';
import { UsageError } from '../src/diagnostics/errors.js';
import { REPO, runCli, tempDir } from './helpers/project.js';
import { git, initRepository } from './helpers/git.js';
import { scriptedPrompter } from './helpers/scaffold.js';

// Not the model report's minister (I. Šuplinska): what init writes must come from these answers.
const SIGNED = { ministry: 'izm', signatureRole: 'Izglītības un zinātnes ministre', signatureName: 'A. Muižniece' };

describe('briefing init', () => {
  it('creates a repository whose files the tool reads: config, folders, examples, CI and editor settings', async () => {
    const dir = tempDir();
    const result = await init({ cwd: dir, folder: 'eu-briefings', flags: { ...SIGNED, tool: 'file:../briefing-0.1.0.tgz' } });
    expect(result.exitCode).toBe(0);
    const root = join(dir, 'eu-briefings');
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    expect(result.created).toEqual([
      'package.json',
      'briefing.config.yaml',
      'meetings/.gitkeep',
      'positions/.gitkeep',
      'templates/README.md',
      '.gitignore',
      '.gitattributes',
      '.npmrc',
      '.vscode/settings.json',
      '.github/workflows/briefings.yml',
      'README.md',
      'examples/meeting.yaml',
      'examples/position.yaml',
    ]);
    expect(JSON.parse(read('package.json'))).toEqual({
      name: 'eu-briefings',
      private: true,
      scripts: { build: 'briefing build --all', check: 'briefing check' },
      devDependencies: { briefing: 'file:../briefing-0.1.0.tgz' },
    });
    expect(parse(read('briefing.config.yaml'))).toMatchObject({
      issuing_ministry: 'IZM',
      signature: { role: 'Izglītības un zinātnes ministre', name: 'A. Muižniece' },
      formats: ['md', 'docx'],
    });
    expect(parse(read('briefing.config.yaml'))).not.toHaveProperty('visa');
    expect(read('.gitignore').split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'out/', '.briefing-cache/']));
    expect(JSON.parse(read('.vscode/settings.json'))['yaml.schemas']).toMatchObject({
      './node_modules/briefing/schema/meeting.schema.json': ['meetings/**/*.yaml', 'examples/meeting.yaml'],
      './node_modules/briefing/schema/position.schema.json': ['positions/**/*.yaml', 'examples/position.yaml'],
    });
    // The editor saves as git keeps the files and briefing reads them: LF, a final newline, YAML indented by two spaces.
    expect(JSON.parse(read('.vscode/settings.json'))).toMatchObject({ 'files.insertFinalNewline': true, 'files.eol': '\n', '[yaml]': { 'editor.tabSize': 2, 'editor.insertSpaces': true } });
    expect(read('examples/meeting.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/briefing/schema/meeting.schema.json');
    expect(read('.github/workflows/briefings.yml')).toContain('npx briefing check');
    // Pull requests are held to the branch they go into (the merge commit's first parent, fetched with it); a push to main has no base to rely on.
    const workflow = parse(read('.github/workflows/briefings.yml'));
    // Today is Riga's day on GitHub's UTC runners too: at 01:00 in Riga a meeting of the day before is past, as on the desk.
    expect(workflow.env).toEqual({ TZ: 'Europe/Riga' });
    const check = workflow.jobs.check;
    expect(check.steps[0]).toEqual({ uses: ACTIONS.checkout.uses, with: { 'fetch-depth': 2, 'persist-credentials': false } });
    expect(check.steps.at(-1).run).toBe('npx briefing check ${GITHUB_BASE_REF:+--base HEAD^1}');
    // The build job keeps the cache with the outputs it vouches for, and publishes only reports that built.
    const build = parse(read('.github/workflows/briefings.yml')).jobs.build;
    const steps: { name?: string; uses?: string; run?: string; if?: string; with?: { path?: string; key?: string; 'restore-keys'?: string } }[] = build.steps;
    const restore = steps.findIndex((step) => step.uses === ACTIONS.cacheRestore.uses);
    const save = steps.findIndex((step) => step.uses === ACTIONS.cacheSave.uses);
    const building = steps.findIndex((step) => step.run?.startsWith('npx briefing build') === true);
    expect(steps[restore]?.with).toMatchObject({ path: '.briefing-cache\nout\n', key: 'briefings-${{ github.sha }}', 'restore-keys': 'briefings-' });
    // Saved after the build, and also when it exits with 1 (a meeting failed): actions/cache saves only after a job that passed.
    expect(steps[save]).toMatchObject({ if: 'always()', with: { path: '.briefing-cache\nout\n', key: 'briefings-${{ github.sha }}' } });
    expect(restore < building && building < save).toBe(true);
    expect(steps.map((step) => step.run ?? '').join('\n')).toMatch(/npx briefing build --all --json > build-report\.json[\s\S]*select\(\.status != "failed"\)/);
    // LibreOffice without its recommended packages has no font in Times New Roman's place: the PDF's would be named.
    const office = steps.find((step) => step.run?.includes('libreoffice-writer-nogui'))?.run ?? '';
    expect(office.split(/\s+/)).toEqual(expect.arrayContaining(['--no-install-recommends', 'fonts-liberation2', 'fonts-crosextra-carlito', 'fonts-crosextra-caladea']));
    // Installed only for a config whose formats include pdf: the step run as written, with a `sudo` that notes what it was asked.
    const installs = (config: string) => {
      const at = tempDir();
      mkdirSync(join(at, 'bin'));
      writeFileSync(join(at, 'bin/sudo'), '#!/bin/sh\necho "$*" >> "$(dirname "$0")/asked"\n', { mode: 0o755 });
      writeFileSync(join(at, 'briefing.config.yaml'), config);
      execFileSync('bash', ['-eo', 'pipefail', '-c', office], { cwd: at, env: { ...process.env, PATH: `${join(at, 'bin')}:${process.env.PATH ?? ''}` } });
      return existsSync(join(at, 'bin/asked')) && readFileSync(join(at, 'bin/asked'), 'utf8').includes('libreoffice-writer-nogui');
    };
    expect(installs(read('briefing.config.yaml'))).toBe(false);
    expect(installs(read('briefing.config.yaml').replace('formats: [md, docx]', 'formats: [md, docx, pdf]'))).toBe(true);
    expect(installs('issuing_ministry: IZM\nformats:\n  - docx\n  - pdf\n')).toBe(true);
    expect(installs('issuing_ministry: IZM\n# formats: [pdf]\nformats: [docx]\npdf_a: true\n')).toBe(false);
    // Its collect step, run as written, copies the reports of an output folder whose name has a space (xargs split it).
    const collect = steps.find((step) => step.name === 'collect the reports')?.run ?? '';
    const collected = (folder: string) => {
      const ran = tempDir();
      const runnerTemp = tempDir();
      mkdirSync(join(ran, folder));
      writeFileSync(join(ran, folder, 'IZMzin_190221_EDUC.docx'), 'docx');
      writeFileSync(join(ran, folder, 'IZMzin_190222_EDUC.docx'), 'old');
      const report = { meetings: [{ status: 'built', outputs: [`${folder}/IZMzin_190221_EDUC.docx`] }, { status: 'failed', outputs: [`${folder}/IZMzin_190222_EDUC.docx`] }] };
      writeFileSync(join(ran, 'build-report.json'), JSON.stringify(report));
      execFileSync('bash', ['-eo', 'pipefail', '-c', collect], { cwd: ran, env: { ...process.env, RUNNER_TEMP: runnerTemp } });
      return readdirSync(join(runnerTemp, 'briefings'), { recursive: true }).sort();
    };
    expect(collected('Ziņojumi ES')).toEqual(['build-report.json', 'reports', 'reports/IZMzin_190221_EDUC.docx']);
    // An output folder named as the artifact's (`output: reports`): cp copied each report onto itself, and failed.
    expect(collected('reports')).toEqual(['build-report.json', 'reports', 'reports/IZMzin_190221_EDUC.docx']);
    expect(steps.find((step) => step.uses === ACTIONS.uploadArtifact.uses)?.with?.path).toBe('${{ runner.temp }}/briefings/');

    // The new repository works: the registry and templates come from the tool, the example serves --from.
    mkdirSync(join(root, 'node_modules/briefing/schema'), { recursive: true });
    writeFileSync(join(root, 'node_modules/briefing/schema/meeting.schema.json'), '{}');
    const made = await newMeeting({ cwd: root, date: '2021-05-18', slug: 'educ-council', from: 'examples/meeting.yaml', flags: { topic: 'Digitālā izglītība' } });
    expect(made).toMatchObject({ file: 'meetings/2021-05-18-educ-council.yaml', exitCode: 0 });
    expect(read('meetings/2021-05-18-educ-council.yaml').split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/briefing/schema/meeting.schema.json');
    // The example, and a meeting made from it, sign as init was told: not as the model report (I. Šuplinska, with a visa).
    expect(parse(read('examples/meeting.yaml'))).toMatchObject({ signature: { role: 'Izglītības un zinātnes ministre', name: 'A. Muižniece' } });
    expect(parse(read('examples/meeting.yaml'))).not.toHaveProperty('visa');
    const meeting = parse(read('meetings/2021-05-18-educ-council.yaml'));
    expect(meeting.signature).toEqual({ role: 'Izglītības un zinātnes ministre', name: 'A. Muižniece' });
    expect(meeting).not.toHaveProperty('visa');
  });

  // What a ministry's IT security officer reads before the workflow may run in its GitHub organisation.
  it('writes a workflow with least privilege: pinned actions, no token left in the checkout, no expression in a script, artifacts kept 30 days', async () => {
    const dir = tempDir();
    expect((await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:../briefing-0.1.0.tgz' } })).exitCode).toBe(0);
    const text = readFileSync(join(dir, '.github/workflows/briefings.yml'), 'utf8');
    const workflow = parse(text);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
    const steps: Step[] = ['check', 'build'].flatMap((job) => workflow.jobs[job].steps);
    // A tag can be moved to other code; a commit cannot. Each pin says its release, for the reader and for Dependabot.
    const used = steps.flatMap((step) => (step.uses === undefined ? [] : [step.uses]));
    expect(used.length).toBeGreaterThan(0);
    for (const action of used) expect(action).toMatch(/^[\w-]+\/[\w/-]+@[0-9a-f]{40}$/);
    for (const line of text.split('\n').filter((line) => line.includes('uses: '))) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    // The job token is not written into .git/config, where every install script that npm ci runs could read it.
    const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkouts).toHaveLength(2);
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
    // No ${{ … }} is pasted into a shell script (a branch name or a title could be, in another workflow).
    expect(steps.filter((step) => step.run?.includes('${{'))).toEqual([]);
    // The check run as written: the base branch for a pull request (GITHUB_BASE_REF set), none on a push (set empty).
    const check = workflow.jobs.check.steps.at(-1).run;
    const args = (baseRef: string) => {
      const bin = tempDir();
      writeFileSync(join(bin, 'npx'), '#!/bin/sh\nprintf "%s|" "$@"\n', { mode: 0o755 });
      return execFileSync('bash', ['-eo', 'pipefail', '-c', check], { encoding: 'utf8', env: { ...process.env, GITHUB_BASE_REF: baseRef, PATH: `${bin}:${process.env.PATH ?? ''}` } });
    };
    expect(args('main')).toBe('briefing|check|--base|HEAD^1|');
    expect(args('')).toBe('briefing|check|');
    // One run per branch at a time: a newer push to a pull request stops the older run; on main they queue (the cache is saved in order).
    expect(workflow.concurrency).toEqual({ group: '${{ github.workflow }}-${{ github.ref }}', 'cancel-in-progress': "${{ github.event_name == 'pull_request' }}" });
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))?.with?.['retention-days']).toBe(30);
  });

  it('builds on a push to the branch `git init && git add . && git commit`, as init says next, makes without settings, as well as on main', async () => {
    const dir = tempDir();
    expect((await init({ cwd: dir, flags: { ...SIGNED, tool: 'file:x.tgz' } })).exitCode).toBe(0);
    // git's own default, whatever this machine's settings say (git 2 names it master; GitHub and GitLab propose main).
    const plain = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
    execFileSync('git', ['init', '-q'], { cwd: dir, env: plain });
    const branch = execFileSync('git', ['symbolic-ref', '--short', 'HEAD'], { cwd: dir, env: plain, encoding: 'utf8' }).trim();
    const workflow = parse(readFileSync(join(dir, '.github/workflows/briefings.yml'), 'utf8'));
    expect(workflow.on.push.branches).toEqual(expect.arrayContaining([branch, 'main']));
    expect(workflow.jobs.build.if).toBe("github.event_name == 'push'");
  });

  it('names the package after a folder with Latvian letters and spaces by its letters, not without them', async () => {
    const dir = tempDir();
    expect((await init({ cwd: dir, folder: 'Ārlietu ES mape', flags: { ministry: 'IZM' } })).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'Ārlietu ES mape/package.json'), 'utf8')).name).toBe('arlietu-es-mape');
  });

  // ŽM and ĶM, a letter with a mark where the code has none, were offered AM: the first code one letter away.
  it('suggests the code of a ministry written as the report prints it (ĀM), with a mark (ŽM, ĶM) or with a typo, nothing written', async () => {
    for (const [given, nearest] of [['ĀM', 'AM'], ['ŽM', 'ZM'], ['ĶM', 'KM'], ['IZN', 'IZM']]) {
      const dir = tempDir();
      await expect(init({ cwd: dir, flags: { ministry: given } })).rejects.toMatchObject({ message: expect.stringContaining(`--ministry: \`${given}\` is not one of `), hint: `Did you mean ${nearest}?` });
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('refuses an empty --tool, which would install the registry\'s "briefing" (another package), and writes nothing', async () => {
    const dir = tempDir();
    await expect(init({ cwd: dir, folder: 'x', flags: { ministry: 'IZM', tool: ' ' } })).rejects.toMatchObject({
      message: '--tool is empty: package.json would name no briefing to install; nothing written.',
    });
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('needs the name of who signs once the role is given, rather than leaving both out', async () => {
    const dir = tempDir();
    await expect(init({ cwd: dir, folder: 'x', flags: { ministry: 'IZM', signatureRole: 'Ministre' } })).rejects.toThrow(/^Missing --signature-name \(--signature-role is given\)/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('writes who signs with a comma in the role or name whole: the config is read back as typed, and a new meeting signs so', async () => {
    const dir = tempDir();
    const signatureRole = 'Ministru prezidents, izglītības un zinātnes ministra p.i.';
    const flags = { ministry: 'IZM', signatureRole, signatureName: 'A. Kariņš', visaRole: 'Valsts sekretāre', visaName: 'Lejiņa, L.' };
    expect((await init({ cwd: dir, flags })).exitCode).toBe(0);
    const config = readFileSync(join(dir, 'briefing.config.yaml'), 'utf8');
    expect(config).toContain(`\nsignature: { role: "${signatureRole}", name: A. Kariņš }\nvisa: { role: Valsts sekretāre, name: "Lejiņa, L." }\n`);
    expect(parse(config)).toMatchObject({ signature: { role: signatureRole, name: 'A. Kariņš' }, visa: { role: 'Valsts sekretāre', name: 'Lejiņa, L.' } });
    const flagsOfMeeting = { kind: 'formal', mode: 'videoconference', formation: 'EYCS', presidency: 'Portugāle', topic: 'T', name: 'sanāksme', nameLocative: 'sanāksmē', clearances: [] };
    const meeting = await newMeeting({ cwd: dir, date: '2021-05-18', slug: 'educ', flags: flagsOfMeeting });
    expect(meeting.exitCode).toBe(0);
    expect(parse(readFileSync(join(dir, meeting.file ?? ''), 'utf8'))).toMatchObject({ signature: { role: signatureRole, name: 'A. Kariņš' }, visa: { role: 'Valsts sekretāre', name: 'Lejiņa, L.' } });
  });

  it('refuses who signs with a character that did not arrive as UTF-8 (U+FFFD), rather than writing � into the config', async () => {
    const dir = tempDir();
    await expect(init({ cwd: dir, folder: 'x', flags: { ministry: 'IZM', signatureRole: 'Minis\uFFFDtre', signatureName: 'A. B.' } })).rejects.toThrow(
      /^--signature-role: holds a character that did not arrive as UTF-8/,
    );
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  // The questions came first: a desk officer answered them all, to be told the folder was a project already.
  it('on a terminal, says the folder is a project already, or a flag is wrong, before the first question', async () => {
    const dir = tempDir();
    expect((await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:x.tgz' } })).exitCode).toBe(0);
    const prompter = scriptedPrompter({});
    const again = await init({ cwd: dir, flags: {}, prompter });
    expect(again.diagnostics.map((d) => `${d.file} ${d.ruleId}`)).toEqual(['briefing.config.yaml output/exists']);
    await expect(init({ cwd: tempDir(), flags: { visaRole: 'a\u0007' }, prompter })).rejects.toThrow(/^--visa-role: holds the character U\+0007/);
    expect(prompter.asked).toEqual([]);
  });

  it('maps every meeting and position briefing reads to its schema in VS Code, those in sub-folders too', async () => {
    const dir = tempDir();
    expect((await init({ cwd: dir, folder: 'repo', flags: { ministry: 'IZM' } })).exitCode).toBe(0);
    const root = join(dir, 'repo');
    const files = { meeting: ['meetings/2021-05-18-educ.yaml', 'meetings/2021/2021-06-01-educ.yaml'], position: ['positions/educ-x.yaml', 'positions/educ/youth/educ-y.yaml'] };
    for (const path of [...files.meeting, ...files.position]) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), '');
    }
    const schemas: Record<string, string | string[]> = JSON.parse(readFileSync(join(root, '.vscode/settings.json'), 'utf8'))['yaml.schemas'];
    // The YAML extension reads each pattern as a glob in which `*` stays within a folder, as tinyglobby does.
    const mapped = (kind: string) => globSync([schemas[`./node_modules/briefing/schema/${kind}.schema.json`] ?? []].flat(), { cwd: root }).sort();
    expect(mapped('meeting')).toEqual(['examples/meeting.yaml', ...files.meeting].sort());
    expect(mapped('position')).toEqual(['examples/position.yaml', ...files.position].sort());
  });

  it('pins line ends in git: a Windows checkout (core.autocrlf) has the same bytes, so it builds the same reports', async () => {
    const dir = tempDir();
    expect((await init({ cwd: dir, folder: 'repo', flags: { ...SIGNED, tool: 'file:../briefing-0.1.0.tgz' } })).exitCode).toBe(0);
    const repo = join(dir, 'repo');
    initRepository(repo);
    const clone = join(dir, 'windows');
    git(dir, ['clone', '-q', '-c', 'core.autocrlf=true', repo, clone]);
    for (const path of ['examples/meeting.yaml', 'examples/position.yaml', 'briefing.config.yaml', 'README.md']) {
      expect(readFileSync(join(clone, path), 'utf8'), path).toBe(readFileSync(join(repo, path), 'utf8'));
    }
    expect(readFileSync(join(clone, 'examples/meeting.yaml'), 'utf8')).not.toContain('\r');
    expect(JSON.parse(readFileSync(join(repo, '.vscode/settings.json'), 'utf8'))['files.eol']).toBe('\n');
  });

  it('shows, while nobody signs yet, an example of who signs that fits the ministry: its own minister, not the education ministry’s', async () => {
    const config = async (ministry: string) => {
      const dir = tempDir();
      expect((await init({ cwd: dir, flags: { ministry } })).exitCode).toBe(0);
      return readFileSync(join(dir, 'briefing.config.yaml'), 'utf8');
    };
    const agriculture = await config('ZM');
    expect(agriculture).toContain('# signature: { role: Zemkopības ministrs, name: V. Uzvārds }\n# visa: { role: Valsts sekretārs, name: V. Uzvārds }\n');
    expect(agriculture).not.toMatch(/Izglītības|Šuplinska|Lejiņa/);
    expect(await config('IZM')).toContain('# signature: { role: Izglītības un zinātnes ministre, name: I. Šuplinska }');
  });

  it('leaves the issuing ministry out of the example meeting’s clearances, so a meeting made --from it asks none of its own', async () => {
    const example = async (ministry: string) => {
      const dir = tempDir();
      expect((await init({ cwd: dir, flags: { ministry } })).exitCode).toBe(0);
      return readFileSync(join(dir, 'examples/meeting.yaml'), 'utf8');
    };
    const welfare = await example('LM');
    expect(parse(welfare)).toMatchObject({ required_clearances: ['AM'] });
    expect(welfare).toContain('# They are named in the last line: "… saskaņots ar Ārlietu ministriju."\nrequired_clearances: [AM]\n');
    const foreign = await example('AM');
    expect(parse(foreign)).toMatchObject({ required_clearances: ['LM'] });
    expect(foreign).toContain('# They are named in the last line: "… saskaņots ar Labklājības ministriju."\nrequired_clearances: [LM]\n');
    // Another ministry's example is the model's, as it was.
    expect(await example('ZM')).toContain('# They are named in the last line: "… saskaņots ar Ārlietu ministriju un Labklājības ministriju."\nrequired_clearances: [AM, LM]\n');
  });

  // No ministry init offers today is such a body (the State Chancellery is named above): a registry that adds one gets its head, not "… ministrs" cut from its name.
  it('shows for a body that is not a ministry its head signing, and for one with no names known a plain minister', () => {
    const centre = signatureExamples('PKC', { nominative: 'Pārresoru koordinācijas centrs', genitive: 'Pārresoru koordinācijas centra' });
    expect(centre).toEqual({ signature: '{ role: Pārresoru koordinācijas centra vadītājs, name: V. Uzvārds }', visa: '{ role: Valsts sekretārs, name: V. Uzvārds }' });
    expect(signatureExamples('ZM', undefined).signature).toBe('{ role: Ministrs, name: V. Uzvārds }');
    expect(configFile({ issuingMinistry: 'ZM' })).toContain('\n# signature: { role: Ministrs, name: V. Uzvārds }\n');
  });

  it('shows for the State Chancellery, which has no minister nor state secretary, the Prime Minister signing and its director endorsing', async () => {
    const dir = tempDir();
    expect((await init({ cwd: dir, flags: { ministry: 'VK' } })).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'briefing.config.yaml'), 'utf8')).toContain(
      '# signature: { role: Ministru prezidents, name: V. Uzvārds }\n# visa: { role: Valsts kancelejas direktors, name: V. Uzvārds }\n',
    );
  });

  it('names a renamed ministry as it is called on the day init runs: VARAM’s minister since 2023, also from the command line', async () => {
    const config = async (today: string) => {
      const dir = tempDir();
      expect((await init({ cwd: dir, flags: { ministry: 'VARAM' }, today })).exitCode).toBe(0);
      return readFileSync(join(dir, 'briefing.config.yaml'), 'utf8');
    };
    expect(await config('2026-12-05')).toContain('# signature: { role: Viedās administrācijas un reģionālās attīstības ministrs, name: V. Uzvārds }\n');
    expect(await config('2022-12-31')).toContain('# signature: { role: Vides aizsardzības un reģionālās attīstības ministrs, name: V. Uzvārds }\n');
    const dir = tempDir();
    expect(runCli(['init', '--ministry', 'VARAM', '--tool', 'file:../briefing-0.1.0.tgz'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'briefing.config.yaml'), 'utf8')).toContain('# signature: { role: Viedās administrācijas un reģionālās attīstības ministrs,');
    // And so the choices on a terminal name it.
    const scripted = scriptedPrompter({ 'Issuing ministry': 'VARAM', 'Who signs the reports: role': '', Visa: '' });
    const offered: string[] = [];
    const prompter: typeof scripted = { ...scripted, select: async (question) => (offered.push(...question.choices.map((choice) => choice.name)), scripted.select(question)) };
    await init({ cwd: tempDir(), flags: {}, prompter, today: '2026-12-05' });
    expect(offered).toContain('VARAM – Viedās administrācijas un reģionālās attīstības ministrija');
  });

  it('keeps the package.json npm wrote when installing briefing, adding only the scripts', async () => {
    const dir = tempDir();
    const installed = { devDependencies: { briefing: 'file:../briefing-0.1.0.tgz' }, scripts: { test: 'echo ok' } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(installed));
    const result = await init({ cwd: dir, flags: { ministry: 'LM' } });
    expect(result).toMatchObject({ exitCode: 0, updated: ['scripts.build', 'scripts.check', 'private'] });
    expect(result.created).not.toContain('package.json');
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({
      devDependencies: { briefing: 'file:../briefing-0.1.0.tgz' },
      scripts: { test: 'echo ok', build: 'briefing build --all', check: 'briefing check' },
      private: true,
    });
  });

  it('keeps a build or check script of the folder’s own, and says so (npm run build is not briefing’s then)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ devDependencies: { briefing: 'file:../briefing-0.1.0.tgz' }, scripts: { build: 'make docs', check: 'briefing check' } }));
    const run = runCli(['init', '--ministry', 'LM', '--tool', 'file:../briefing-0.1.0.tgz'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("kept    package.json scripts.build (yours; briefing's own not written)");
    expect(run.stdout).not.toContain('scripts.check (yours');
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts).toEqual({ build: 'make docs', check: 'briefing check' });
  });

  it('allows the install script of the `node` package the project depends on (npm 12 skips it otherwise), unless package.json already decides', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ devDependencies: { briefing: 'file:../briefing-0.1.0.tgz', node: '^24.21.0' }, allowScripts: { esbuild: true } }));
    const result = await init({ cwd: dir, flags: { ministry: 'LM' } });
    expect(result).toMatchObject({ exitCode: 0, updated: ['scripts.build', 'scripts.check', 'allowScripts.node', 'private'] });
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toMatchObject({ allowScripts: { esbuild: true, node: true } });

    const denied = tempDir();
    writeFileSync(join(denied, 'package.json'), JSON.stringify({ devDependencies: { briefing: 'file:../briefing-0.1.0.tgz', node: '^24.21.0' }, allowScripts: { 'node@24.21.0': false } }));
    expect(await init({ cwd: denied, flags: { ministry: 'LM' } })).toMatchObject({ exitCode: 0, updated: ['scripts.build', 'scripts.check', 'private'] });
    expect(JSON.parse(readFileSync(join(denied, 'package.json'), 'utf8')).allowScripts).toEqual({ 'node@24.21.0': false });
  });

  it('says to run npm install when it added briefing to a package.json of the repository’s own, not only to a new one', () => {
    const own = tempDir();
    writeFileSync(join(own, 'package.json'), JSON.stringify({ name: 'eu-unit', scripts: { lint: 'eslint .' }, devDependencies: { eslint: '^9.0.0' } }));
    const run = runCli(['init', '--ministry', 'ZM', '--tool', 'file:vendor/briefing-0.1.0.tgz'], own);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('updated package.json (scripts.build, scripts.check, devDependencies.briefing, private)');
    expect(run.stdout).toContain('\n  npm install                    installs the briefing package.json names\n');
    // Where npm wrote package.json as it installed briefing, briefing is there: no install to do.
    const installed = tempDir();
    writeFileSync(join(installed, 'package.json'), JSON.stringify({ private: true, devDependencies: { briefing: 'file:vendor/briefing-0.1.0.tgz' } }));
    const after = runCli(['init', '--ministry', 'ZM'], installed);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).not.toContain('npm install');
  });

  // A ministry whose IT installs with pnpm, Yarn or Bun has their lockfile and no package-lock.json: the workflow's
  // setup-node (cache: npm) stopped at "Dependencies lock file is not found", and `npm ci` needs package-lock.json too.
  test.each([
    {
      files: { 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", 'node_modules/.modules.yaml': '{\n  "packageManager": "pnpm@10.34.9"\n}\n' },
      before: [{ uses: ACTIONS.pnpm.uses, with: { version: 10 } }],
      cache: 'pnpm',
      ci: 'pnpm install --frozen-lockfile',
      exec: 'pnpm exec briefing',
    },
    { files: { 'yarn.lock': '# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n' }, before: [], cache: 'yarn', ci: 'yarn install --frozen-lockfile', exec: 'yarn --silent briefing' },
    {
      files: { 'yarn.lock': '__metadata:\n  version: 8\n  cacheKey: 10c0\n', '.yarnrc.yml': 'nodeLinker: pnp\n' },
      packageManager: 'yarn@4.18.1',
      before: [{ run: 'corepack enable' }],
      cache: 'yarn',
      ci: 'yarn install --immutable',
      exec: 'yarn briefing',
    },
    { files: { 'bun.lock': '{\n  "lockfileVersion": 1\n}\n' }, before: [{ uses: ACTIONS.bun.uses }], cache: undefined, ci: 'bun install --frozen-lockfile', exec: 'bunx briefing' },
  ])('installs and runs briefing in CI and the README with the package manager whose lockfile is there: $ci', async ({ files, packageManager, before, cache, ci, exec }) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, ...(packageManager ? { packageManager } : {}), devDependencies: { briefing: 'file:vendor/briefing-0.1.0.tgz' } }));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const result = await init({ cwd: dir, flags: { ministry: 'IZM' } });
    expect(result.exitCode).toBe(0);
    const text = readFileSync(join(dir, '.github/workflows/briefings.yml'), 'utf8');
    expect(text).not.toMatch(/npm ci|npx |cache: npm/);
    const workflow = parse(text);
    for (const job of ['check', 'build']) {
      const steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] = workflow.jobs[job].steps;
      const node = steps.findIndex((step) => step.uses === ACTIONS.setupNode.uses);
      expect(steps.slice(1, node)).toEqual(before);
      expect(steps[node]?.with).toEqual({ 'node-version': 22, ...(cache ? { cache } : {}) });
      expect(steps.filter((step) => /^\w+ install/.test(step.run ?? '')).map((step) => step.run)).toEqual([ci]);
    }
    expect(workflow.jobs.check.steps.at(-1).run).toBe(`${exec} check \${GITHUB_BASE_REF:+--base HEAD^1}`);
    expect(workflow.jobs.build.steps.map((step: { run?: string }) => step.run)).toContain(`${exec} build --all --json > build-report.json`);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`sh\n${ci}\n\`\`\`\n\ninstalls the briefing this repository pins. Run it as \`${exec} …\``);
  });

  it('takes pnpm’s version from package.json in a folder of a larger repository, and keys the cache by the folder’s lockfile', async () => {
    const top = tempDir();
    initRepository(top);
    const dir = join(top, 'eu briefings');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, packageManager: 'pnpm@9.15.9', devDependencies: { briefing: 'file:vendor/briefing-0.1.0.tgz' } }));
    writeFileSync(join(dir, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    expect((await init({ cwd: dir, flags: { ministry: 'IZM' } })).exitCode).toBe(0);
    const steps = parse(readFileSync(join(top, '.github/workflows/briefings.yml'), 'utf8')).jobs.check.steps;
    // pnpm's action reads the version from the top's package.json unless told which, and refuses two versions given.
    expect(steps[1]).toEqual({ uses: ACTIONS.pnpm.uses, with: { package_json_file: 'eu briefings/package.json' } });
    expect(steps[2].with).toEqual({ 'node-version': 22, cache: 'pnpm', 'cache-dependency-path': 'eu briefings/pnpm-lock.yaml' });
  });

  it('warns a Yarn 2 repository that names no Yarn version: corepack on GitHub would bring Yarn 1', async () => {
    const yarnRepository = (settings: string) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, devDependencies: { briefing: 'file:vendor/briefing-0.1.0.tgz' } }));
      writeFileSync(join(dir, 'yarn.lock'), '__metadata:\n  version: 8\n  cacheKey: 10c0\n');
      writeFileSync(join(dir, '.yarnrc.yml'), settings);
      return dir;
    };
    const unpinned = await init({ cwd: yarnRepository('nodeLinker: node-modules\n'), flags: { ministry: 'IZM' } });
    expect(unpinned.exitCode).toBe(0);
    expect(unpinned.diagnostics).toMatchObject([
      { file: 'package.json', severity: 'warning', ruleId: 'init/yarn-unpinned', hint: 'Name the version this repository uses: npm pkg set packageManager=yarn@$(yarn --version), and commit package.json.' },
    ]);
    // Yarn 1 hands every command to the release .yarnrc.yml names.
    const released = await init({ cwd: yarnRepository('yarnPath: .yarn/releases/yarn-4.18.1.cjs\n'), flags: { ministry: 'IZM' } });
    expect(released.diagnostics).toEqual([]);
  });

  // Under Plug'n'Play briefing runs from Yarn's zip, templates and registry too, but no editor finds node_modules/briefing/schema.
  it("warns a Yarn repository installed with Plug'n'Play that the editor finds no schemas, and not one with node_modules", async () => {
    const yarnRepository = (withNodeModules: boolean) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, packageManager: 'yarn@4.18.1', devDependencies: { briefing: 'file:vendor/briefing-0.1.0.tgz' } }));
      writeFileSync(join(dir, 'yarn.lock'), '__metadata:\n  version: 8\n');
      writeFileSync(join(dir, '.pnp.cjs'), '');
      if (withNodeModules) mkdirSync(join(dir, 'node_modules/briefing/schema'), { recursive: true });
      return dir;
    };
    const pnp = await init({ cwd: yarnRepository(false), flags: { ministry: 'IZM' } });
    expect(pnp.exitCode).toBe(0);
    expect(pnp.diagnostics).toMatchObject([{ file: '.yarnrc.yml', severity: 'warning', ruleId: 'init/plug-and-play', hint: 'Write `nodeLinker: node-modules` into .yarnrc.yml and run yarn install: briefing runs either way.' }]);
    expect((await init({ cwd: yarnRepository(true), flags: { ministry: 'IZM' } })).diagnostics).toEqual([]);
  });

  // `git add .`, as init says next, committed Yarn's install state and Plug'n'Play's loader, which every install writes anew.
  it('keeps out of git what Yarn 2 or later writes at each install, and keeps the Yarn release the repository pins', async () => {
    const dir = tempDir();
    initRepository(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, packageManager: 'yarn@4.18.1', devDependencies: { briefing: 'file:vendor/briefing-0.1.0.tgz' } }));
    writeFileSync(join(dir, 'yarn.lock'), '__metadata:\n  version: 8\n');
    expect((await init({ cwd: dir, flags: { ministry: 'IZM' } })).exitCode).toBe(0);
    const isIgnored = (path: string) => spawnSync('git', ['check-ignore', '--no-index', '-q', path], { cwd: dir }).status === 0;
    expect(['.pnp.cjs', '.pnp.loader.mjs', '.yarn/install-state.gz', '.yarn/unplugged/x/package.json'].filter(isIgnored)).toHaveLength(4);
    expect(['.yarn/releases/yarn-4.18.1.cjs', '.yarn/plugins/x.cjs', 'yarn.lock', 'package.json'].filter(isIgnored)).toEqual([]);
  });

  // pnpm keeps the tool in node_modules/.pnpm/<id>/node_modules/briefing, where it runs from: `init ../other` pinned that
  // folder inside the first project. Yarn and Bun write a tarball's path `./vendor/…`, not `file:vendor/…`: it was copied
  // as it was, naming a vendor/ of the new folder that is not there.
  test.each([
    { layout: 'pnpm', at: 'node_modules/.pnpm/briefing@file+vendor+briefing-0.1.0.tgz/node_modules/briefing', spec: 'file:vendor/briefing-0.1.0.tgz', lockFile: 'pnpm-lock.yaml', install: 'pnpm install' },
    { layout: 'Yarn 1', at: 'node_modules/briefing', spec: './vendor/briefing-0.1.0.tgz', lockFile: 'yarn.lock', install: 'yarn install' },
  ])('init of another folder from a project installed with $layout names the tarball that project installed, and its manager', ({ at, spec, lockFile, install }) => {
    const dir = tempDir();
    const project = join(dir, 'eu');
    const tool = join(project, at);
    for (const path of ['package.json', 'bin', 'dist', 'templates', 'schema', 'ministries.yaml', 'meetings/2021-02-19-educ-informal.yaml', 'positions/educ/equity-achievements.yaml']) {
      cpSync(join(REPO, path), join(tool, path), { recursive: true });
    }
    if (at !== 'node_modules/briefing') symlinkSync(join(project, at), join(project, 'node_modules/briefing'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ private: true, devDependencies: { briefing: spec } }));
    writeFileSync(join(project, lockFile), lockFile === 'yarn.lock' ? '# yarn lockfile v1\n' : "lockfileVersion: '9.0'\n");
    const run = spawnSync(process.execPath, [join(project, 'node_modules/briefing/bin/briefing.js'), 'init', '../other', '--ministry', 'IZM'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'other/package.json'), 'utf8')).devDependencies).toEqual({ briefing: 'file:../eu/vendor/briefing-0.1.0.tgz' });
    expect(run.stderr).toContain('Copy briefing-0.1.0.tgz into the repository, e.g. into vendor/');
    expect(run.stdout).toContain(`\n  ${install.padEnd(30)} installs the briefing package.json names\n`);
  });

  it('says to install with the package manager whose lockfile is there when it added briefing to package.json', () => {
    const own = tempDir();
    writeFileSync(join(own, 'package.json'), JSON.stringify({ name: 'eu-unit', devDependencies: { eslint: '^9.0.0' } }));
    writeFileSync(join(own, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    const run = runCli(['init', '--ministry', 'ZM', '--tool', 'file:vendor/briefing-0.1.0.tgz'], own);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('\n  pnpm install                   installs the briefing package.json names\n');
  });

  // npm 12 fetches a git or web dependency only where .npmrc allows it: the repository's colleagues and CI run `npm ci` there.
  test.each([
    ['file:../briefing-0.1.0.tgz', ''],
    ['vendor/briefing-0.1.0.tgz', ''],
    ['^0.1.0', ''],
    ['git+https://git.izm.lv/eu/briefing.git#v0.1.0', 'allow-git=root\n'],
    ['git+ssh://git@github.com/izm-lv/briefing.git', 'allow-git=root\n'],
    ['github:izm-lv/briefing', 'allow-git=root\n'],
    ['izm-lv/briefing#v0.1.0', 'allow-git=root\n'],
    ['https://github.com/izm-lv/briefing', 'allow-git=root\n'],
    ['https://files.izm.lv/briefing-0.1.0.tgz', 'allow-remote=root\n'],
  ])('.npmrc for the tool from %s', async (tool, allowed) => {
    const dir = tempDir();
    expect((await init({ cwd: dir, flags: { ministry: 'IZM', tool } })).exitCode).toBe(0);
    // npm's audit of what it installs stays on: its findings are what an install should say, quiet or not.
    expect(readFileSync(join(dir, '.npmrc'), 'utf8')).toBe(`fund=false\nloglevel=error\nupdate-notifier=false\n${allowed}`);
  });

  it('warns of a meetings or positions folder the repository had, whose YAML files briefing would read as its own', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'meetings/2020'), { recursive: true });
    writeFileSync(join(dir, 'meetings/coreper-agenda.yml'), 'title: Coreper I\n');
    writeFileSync(join(dir, 'meetings/2020/notes.yaml'), 'room: 3\n');
    writeFileSync(join(dir, 'meetings/minutes.md'), '# Minutes\n');
    mkdirSync(join(dir, 'positions'));
    writeFileSync(join(dir, 'positions/notes.txt'), 'not read\n');
    mkdirSync(join(dir, 'other/positions'), { recursive: true });
    writeFileSync(join(dir, 'other/positions/old.yaml'), 'title: x\n');
    const result = await init({ cwd: dir, folder: 'other', flags: { ministry: 'IZM', tool: 'file:x.tgz' } });
    expect(result.exitCode).toBe(0);
    expect(result.diagnostics.map((d) => [d.file, d.severity, d.ruleId, d.message, d.hint])).toEqual([
      [
        'other/positions',
        'warning',
        'init/folder-in-use',
        'positions/ holds 1 YAML file of this repository (positions/old.yaml): briefing reads every one there as a position, so check fails on it.',
        'Move it out of positions/, or keep the positions in a folder of their own, made for them: `paths: { positions: <folder> }` in briefing.config.yaml.',
      ],
    ]);
    const here = await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:x.tgz' } });
    expect(here.exitCode).toBe(0);
    expect(here.diagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([
      [
        'meetings',
        'init/folder-in-use',
        'meetings/ holds 2 YAML files of this repository (meetings/2020/notes.yaml, meetings/coreper-agenda.yml): briefing reads every one there as a meeting, so check and build --all fail on them.',
      ],
    ]);
    // Nothing of the folder's own is touched.
    expect(readFileSync(join(dir, 'meetings/coreper-agenda.yml'), 'utf8')).toBe('title: Coreper I\n');
  });

  it('names the first three YAML files of a folder in use, and says there are more', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'positions'));
    for (const name of ['a', 'b', 'c', 'd']) writeFileSync(join(dir, `positions/${name}.yaml`), 'title: x\n');
    const result = await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:x.tgz' } });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'positions/ holds 4 YAML files of this repository (positions/a.yaml, positions/b.yaml, positions/c.yaml, …): briefing reads every one there as a position, so check fails on them.',
    ]);
    // Three are named whole.
    const three = tempDir();
    mkdirSync(join(three, 'positions'));
    for (const name of ['a', 'b', 'c']) writeFileSync(join(three, `positions/${name}.yaml`), 'title: x\n');
    const named = await init({ cwd: three, flags: { ministry: 'IZM', tool: 'file:x.tgz' } });
    expect(named.diagnostics.map((d) => d.message)).toEqual([
      'positions/ holds 3 YAML files of this repository (positions/a.yaml, positions/b.yaml, positions/c.yaml): briefing reads every one there as a position, so check fails on them.',
    ]);
  });

  it('gives one `paths` line for both folders when both are in use, as two `paths:` lines would be a duplicate key', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'meetings'));
    writeFileSync(join(dir, 'meetings/agenda.yaml'), 'title: Coreper I\n');
    mkdirSync(join(dir, 'positions'));
    writeFileSync(join(dir, 'positions/old.yml'), 'title: x\n');
    const result = await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:x.tgz' } });
    expect(result.diagnostics.map((d) => [d.file, d.hint])).toEqual([
      ['meetings', 'Move it out of meetings/, or keep the meetings in a folder of their own, made for them: `paths: { meetings: <folder>, positions: <folder> }` in briefing.config.yaml (one line for both folders).'],
      ['positions', 'Move it out of positions/, or keep the positions in a folder of their own, made for them: `paths: { meetings: <folder>, positions: <folder> }` in briefing.config.yaml (one line for both folders).'],
    ]);
  });

  it('in a folder whose config is empty or names no ministry, says it is a project already, with no line to change', async () => {
    for (const config of ['', '# TODO\n', 'issuing_ministry: 12\n']) {
      const dir = tempDir();
      writeFileSync(join(dir, 'briefing.config.yaml'), config);
      const result = await init({ cwd: dir, flags: { ministry: 'ZM' } });
      expect([result.exitCode, result.diagnostics.map((d) => `${d.ruleId} ${d.hint}`)]).toEqual([
        1,
        ['output/exists An init cut short (Ctrl-C, a full disk) or an upgrade of briefing: `briefing init --update` adds what init writes and the folder lacks. Otherwise carry on with `briefing new meeting` there, or run init in an empty folder (or a fresh clone) for another project.'],
      ]);
    }
  });

  it('never replaces a file: it names each one that exists, writes nothing and exits with 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'briefing.config.yaml'), 'issuing_ministry: AM\n');
    writeFileSync(join(dir, 'README.md'), '# Mūsu repozitorijs\n');
    writeFileSync(join(dir, '.gitignore'), 'dist/\n');
    const result = await init({ cwd: dir, flags: { ministry: 'IZM' } });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => [d.file, d.severity, d.ruleId])).toEqual([['briefing.config.yaml', 'error', 'output/exists']]);
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'README.md', 'briefing.config.yaml']);
    expect(readFileSync(join(dir, 'briefing.config.yaml'), 'utf8')).toBe('issuing_ministry: AM\n');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('dist/\n');
  });

  // An init cut short, its config then removed to start again: init refused meetings/.gitkeep, an empty file it writes itself.
  it('goes on around the files it would write that are there with the very bytes it writes, refusing one that differs', async () => {
    const dir = tempDir();
    const flags = { ...SIGNED, tool: 'file:x.tgz' };
    expect((await init({ cwd: dir, flags })).exitCode).toBe(0);
    const files = () => new Map(globSync('**', { cwd: dir, dot: true }).sort().map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
    const whole = files();
    for (const path of whole.keys()) if (!['package.json', 'meetings/.gitkeep', 'positions/.gitkeep', 'README.md'].includes(path)) rmSync(join(dir, path));
    const again = await init({ cwd: dir, flags });
    expect([again.exitCode, again.diagnostics, again.same, again.kept]).toEqual([0, [], ['meetings/.gitkeep', 'positions/.gitkeep', 'README.md'], []]);
    expect(again.created).toEqual(['briefing.config.yaml', 'templates/README.md', '.gitignore', '.gitattributes', '.npmrc', '.vscode/settings.json', '.github/workflows/briefings.yml', 'examples/meeting.yaml', 'examples/position.yaml']);
    expect(files()).toEqual(whole);

    // Printed as kept, as init writes them; a keeper with a line of the user's in it is theirs, and stops init.
    rmSync(join(dir, 'briefing.config.yaml'));
    rmSync(join(dir, 'examples'), { recursive: true });
    const run = runCli(['init', '--ministry', 'IZM', '--tool', 'file:x.tgz'], dir);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain('kept    meetings/.gitkeep (as init writes it)\n');
    rmSync(join(dir, 'briefing.config.yaml'));
    rmSync(join(dir, 'examples'), { recursive: true });
    writeFileSync(join(dir, 'positions/.gitkeep'), 'x\n');
    const refused = await init({ cwd: dir, flags });
    expect([refused.exitCode, refused.diagnostics.map((d) => `${d.file} ${d.ruleId}`)]).toEqual([1, ['positions/.gitkeep output/exists']]);
  });

  it('refuses a folder inside the meetings, positions or templates of a project above, whose files that project would read as its own', async () => {
    const dir = tempDir();
    expect((await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:x.tgz' } })).exitCode).toBe(0);
    writeFileSync(join(dir, 'briefing.config.yaml'), `${readFileSync(join(dir, 'briefing.config.yaml'), 'utf8')}paths:\n  positions: atbildes\n`);
    mkdirSync(join(dir, 'atbildes'));
    for (const inside of ['meetings', 'atbildes/educ', 'templates']) {
      const result = await init({ cwd: dir, folder: inside, flags: { ministry: 'IZM', tool: 'file:x.tgz' } });
      expect(result.exitCode).toBe(1);
      const kind = inside.split('/')[0] === 'atbildes' ? 'positions' : inside;
      expect(result.diagnostics.map((d) => [d.severity, d.ruleId, d.message, d.hint])).toEqual([
        [
          'error',
          'init/inside-project',
          `This folder lies in the ${kind} folder of another briefing project (its config: briefing.config.yaml), which would read the files of a project here as its own ${kind}; init wrote nothing.`,
          'Run init in a folder outside that project (or beside its meetings, positions and templates), or carry on in that project: briefing new meeting …',
        ],
      ]);
    }
    expect(readdirSync(join(dir, 'meetings'))).toEqual(['.gitkeep']);
    expect(existsSync(join(dir, 'atbildes/educ'))).toBe(false);
    // A project beside them, as this repository keeps examples/ministry-style, is made.
    expect((await init({ cwd: dir, folder: 'examples/ministry-style', flags: { ministry: 'IZM', tool: 'file:x.tgz' } })).exitCode).toBe(0);
  });

  it('in a folder where briefing.config.yaml is a folder (a container’s volume), says so, not "give the path of a file" (exit 1, nothing written)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'briefing.config.yaml'));
    const run = await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:x.tgz' } });
    expect(run.exitCode).toBe(1);
    expect(run.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message} ${d.hint}`)).toEqual([
      "briefing.config.yaml output/exists This is a folder, where init writes the project's settings; init wrote nothing. Move the folder out of the way (or remove it, if it is empty), then run init again.",
    ]);
    expect(readdirSync(dir)).toEqual(['briefing.config.yaml']);
  });

  it('run again in a project, says so in one line rather than one per file (exit 1, nothing written)', async () => {
    const dir = tempDir();
    expect((await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:x.tgz' } })).exitCode).toBe(0);
    const again = await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:x.tgz' } });
    expect(again.exitCode).toBe(1);
    expect(again.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual(['briefing.config.yaml output/exists This folder is a briefing project already; init wrote nothing.']);
    // Run again for another ministry: the line to change is named, and nothing is asked first on a terminal.
    const prompter = scriptedPrompter({});
    const other = await init({ cwd: dir, flags: { ministry: 'zm' }, prompter });
    expect([other.exitCode, other.diagnostics[0]?.hint]).toEqual([
      1,
      'Its reports are issued as IZM (`issuing_ministry: IZM` in briefing.config.yaml): to issue them as ZM, change that line. To carry on, `briefing new meeting` there; for another project, init in an empty folder.',
    ]);
    const asked = await init({ cwd: dir, flags: {}, prompter });
    expect([asked.exitCode, prompter.asked]).toEqual([1, []]);
  });

  it('keeps the VS Code settings and the templates/README.md a repository had, saying how to map the schemas, rather than stopping', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode/settings.json'), '{\n    // ESLint on save\n    "editor.formatOnSave": true\n}\n');
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates/README.md'), '# Vēstuļu veidnes\n');
    const run = runCli(['init', '--ministry', 'IZM', '--tool', 'file:x.tgz'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')).toBe('{\n    // ESLint on save\n    "editor.formatOnSave": true\n}\n');
    expect(readFileSync(join(dir, 'templates/README.md'), 'utf8')).toBe('# Vēstuļu veidnes\n');
    expect(run.stdout).toContain(
      "kept    .vscode/settings.json (yours; briefing's own not written: for completion in meetings and positions, add its \"yaml.schemas\" from node_modules/briefing/docs/editor.md)\n",
    );
    expect(run.stdout).toContain("kept    templates/README.md (yours; briefing's own not written)\n");
    expect(existsSync(join(dir, 'briefing.config.yaml'))).toBe(true);
  });

  it('adds to a .gitattributes of the repository’s own without overriding its rules: line ends of .bat files, Git LFS for .docx', async () => {
    const dir = tempDir();
    initRepository(dir);
    const own = '*.bat text eol=crlf\n*.docx filter=lfs diff=lfs merge=lfs -text\n';
    writeFileSync(join(dir, '.gitattributes'), own);
    const result = await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:x.tgz' } });
    expect(result.merged).toContainEqual({ path: '.gitattributes', added: ['* text=auto eol=lf', '*.pdf binary'] });
    // The rule for every file goes first, so the repository's own rules after it still decide for their files.
    expect(readFileSync(join(dir, '.gitattributes'), 'utf8')).toBe(`# Added by briefing init\n* text=auto eol=lf\n\n${own}\n# Added by briefing init\n*.pdf binary\n`);
    const attributes = git(dir, ['check-attr', 'text', 'eol', 'diff', 'filter', '--', 'run.bat', 'letter.docx', 'meetings/x.yaml', 'out/x.pdf']);
    expect(attributes.split('\n').filter(Boolean)).toEqual([
      'run.bat: text: set',
      'run.bat: eol: crlf',
      'run.bat: diff: unspecified',
      'run.bat: filter: unspecified',
      'letter.docx: text: unset',
      'letter.docx: eol: lf',
      'letter.docx: diff: lfs',
      'letter.docx: filter: lfs',
      'meetings/x.yaml: text: auto',
      'meetings/x.yaml: eol: lf',
      'meetings/x.yaml: diff: unspecified',
      'meetings/x.yaml: filter: unspecified',
      'out/x.pdf: text: unset',
      'out/x.pdf: eol: lf',
      'out/x.pdf: diff: unset',
      'out/x.pdf: filter: unspecified',
    ]);
    // A rule for every file that says less (no eol) is kept, after briefing's, which pins the line ends it leaves open.
    const plain = tempDir();
    initRepository(plain);
    writeFileSync(join(plain, '.gitattributes'), '* text=auto\n');
    expect((await init({ cwd: plain, flags: { ministry: 'IZM', tool: 'file:x.tgz' } })).exitCode).toBe(0);
    expect(readFileSync(join(plain, '.gitattributes'), 'utf8')).toBe('# Added by briefing init\n* text=auto eol=lf\n\n* text=auto\n\n# Added by briefing init\n*.docx binary\n*.pdf binary\n');
    expect(git(plain, ['check-attr', 'eol', '--', 'meetings/x.yaml'])).toBe('meetings/x.yaml: eol: lf\n');
  });

  it('leaves a .gitignore rule that keeps out/ in the repository (!out/) the last word: no out/ added after it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.gitignore'), '*\n!out/\n');
    const result = await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:vendor/briefing-0.1.0.tgz' } });
    expect(result.exitCode).toBe(0);
    // `out/` was added after `!out/`: git lets the later line decide, so the repository's rule was undone.
    expect(result.merged).toEqual(expect.arrayContaining([{ path: '.gitignore', added: ['node_modules/', '.briefing-cache/'] }]));
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('*\n!out/\n\n# Added by briefing init\nnode_modules/\n.briefing-cache/\n');
  });

  it('works in a fresh clone of a new repository: its README is kept, its .gitignore, .gitattributes and .npmrc get the lines they lack', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), '# ES briefings\n\nMūsu repozitorijs.\n');
    writeFileSync(join(dir, '.gitignore'), '# Node\r\nnode_modules\r\n/out/\r\n*.log');
    writeFileSync(join(dir, '.gitattributes'), '* text=auto eol=lf\n*.docx binary\n');
    writeFileSync(join(dir, '.npmrc'), 'loglevel=warn\nfund=false\n');
    // A file init does not write, as GitHub adds a LICENSE to a new repository, is no reason to stop.
    writeFileSync(join(dir, 'LICENSE'), 'MIT License\n');
    const result = await init({ cwd: dir, flags: { ministry: 'IZM', tool: 'file:vendor/briefing-0.1.0.tgz' } });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe('MIT License\n');
    expect(result.kept).toEqual(['README.md']);
    expect(result.merged).toEqual([
      { path: '.gitignore', added: ['.briefing-cache/'] },
      { path: '.gitattributes', added: ['*.pdf binary'] },
      { path: '.npmrc', added: ['update-notifier=false'] },
    ]);
    expect(result.created).toContain('briefing.config.yaml');
    expect(result.created).not.toContain('README.md');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# ES briefings\n\nMūsu repozitorijs.\n');
    // Added at the end, in the file's own line ends; what the user set (loglevel=warn) stays as it was.
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('# Node\r\nnode_modules\r\n/out/\r\n*.log\r\n\r\n# Added by briefing init\r\n.briefing-cache/\r\n');
    expect(readFileSync(join(dir, '.npmrc'), 'utf8')).toBe('loglevel=warn\nfund=false\n\n# Added by briefing init\nupdate-notifier=false\n');
    // A second run finds every file there: it refuses, and changes none of them.
    const again = await init({ cwd: dir, flags: { ministry: 'IZM' } });
    expect(again.exitCode).toBe(1);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('.briefing-cache/\r\n');
    // The CLI says what it did with each.
    const other = tempDir();
    writeFileSync(join(other, 'README.md'), '# x\n');
    writeFileSync(join(other, '.gitignore'), 'node_modules/\nout/\n.briefing-cache/\n');
    const run = runCli(['init', '--ministry', 'IZM', '--tool', 'file:x.tgz'], other);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("kept    README.md (yours; briefing's own not written)");
    expect(run.stdout).toContain('kept    .gitignore (it has what briefing needs)');
    expect(run.stdout).toContain('\n  git init && git add . && git commit -m "Briefings"');
    // In a clone, which is a repository already, the next step leaves out `git init`.
    const clone = tempDir();
    mkdirSync(join(clone, '.git'));
    const inClone = runCli(['init', '--ministry', 'IZM', '--tool', 'file:x.tgz'], clone);
    expect(inClone.status, inClone.stderr).toBe(0);
    expect(inClone.stdout).toContain('\n  git add . && git commit -m "Briefings"');
    // In a folder inside a repository, `git init` would start a second repository in the first. GitHub runs only the
    // workflows at the repository's top: the workflow goes there, its steps running in the folder (it was written in
    // the folder, where GitHub never ran it, with a note to move it and edit its steps by hand).
    const shared = tempDir();
    mkdirSync(join(shared, '.git'));
    const below = runCli(['init', 'eu briefings', '--ministry', 'IZM', '--tool', 'file:x.tgz'], shared);
    expect(below.status, below.stderr).toBe(0);
    expect(below.stdout).not.toContain('git init');
    expect(below.stdout).toContain('created .github/workflows/briefings.yml\n');
    expect(existsSync(join(shared, 'eu briefings/.github'))).toBe(false);
    // `git add .` in the folder would leave the workflow and the top's VS Code settings out.
    expect(below.stdout).toContain('\n  git add . ../.github/workflows/briefings.yml ../.vscode/settings.json && git commit -m "Briefings"\n');
    // VS Code opened at the repository's top reads only the top's settings: the schemas, from the top (it was a note to do it by hand).
    expect(JSON.parse(readFileSync(join(shared, '.vscode/settings.json'), 'utf8'))).toEqual({
      'yaml.schemas': {
        './eu briefings/node_modules/briefing/schema/meeting.schema.json': ['eu briefings/meetings/**/*.yaml', 'eu briefings/examples/meeting.yaml'],
        './eu briefings/node_modules/briefing/schema/position.schema.json': ['eu briefings/positions/**/*.yaml', 'eu briefings/examples/position.yaml'],
        './eu briefings/node_modules/briefing/schema/ministries.schema.json': 'eu briefings/ministries.yaml',
        './eu briefings/node_modules/briefing/schema/config.schema.json': 'eu briefings/briefing.config.yaml',
      },
    });
    expect(below.stdout).toContain("VS Code opened at the repository's top reads only .vscode/settings.json: the schemas of meetings and positions are there too, their paths starting 'eu briefings/'.\n");
    expect(below.stdout).toContain("GitHub runs only the workflows at its top, so the workflow is .github/workflows/briefings.yml, its steps running in 'eu briefings'.\n");
    const atTop = parse(readFileSync(join(shared, '.github/workflows/briefings.yml'), 'utf8'));
    for (const trigger of ['pull_request', 'push']) expect(atTop.on[trigger].paths).toEqual(['eu briefings/**', '.github/workflows/briefings.yml']);
    for (const job of ['check', 'build']) {
      expect(atTop.jobs[job].defaults).toEqual({ run: { 'working-directory': 'eu briefings' } });
      expect(atTop.jobs[job].steps.find((step: { uses?: string }) => step.uses === ACTIONS.setupNode.uses).with['cache-dependency-path']).toBe('eu briefings/package-lock.json');
    }
    const paths = atTop.jobs.build.steps.filter((step: { with?: { path?: string } }) => step.with?.path !== undefined).map((step: { with: { path: string } }) => step.with.path);
    expect(paths).toEqual(['eu briefings/.briefing-cache\neu briefings/out\n', 'eu briefings/.briefing-cache\neu briefings/out\n', '${{ runner.temp }}/briefings/']);
    // A repository with a briefings.yml at its top already (the clone's own project): the folder's goes beside it under
    // a name of its own, named in its paths and its name (it was written in the folder, to be moved and edited by hand).
    const inside = runCli(['init', 'eu briefings', '--ministry', 'IZM', '--tool', 'file:x.tgz'], clone);
    expect(inside.status, inside.stderr).toBe(0);
    expect(inside.stdout).toContain('created .github/workflows/briefings-eu-briefings.yml\n');
    expect(inside.stdout).toContain('\n  git add . ../.github/workflows/briefings-eu-briefings.yml && git commit -m "Briefings"\n');
    const second = parse(readFileSync(join(clone, '.github/workflows/briefings-eu-briefings.yml'), 'utf8'));
    expect(second.name).toBe('briefings (eu briefings)');
    expect(second.on.push.paths).toEqual(['eu briefings/**', '.github/workflows/briefings-eu-briefings.yml']);
    expect(second.jobs.check.defaults).toEqual({ run: { 'working-directory': 'eu briefings' } });
    expect(parse(readFileSync(join(clone, '.github/workflows/briefings.yml'), 'utf8')).name).toBe('briefings');
    // A folder whose name holds a pattern's characters is matched as written by the path filters and cache paths.
    const patterned = runCli(['init', 'eu [2025]', '--ministry', 'IZM', '--tool', 'file:x.tgz'], shared);
    expect(patterned.status, patterned.stderr).toBe(0);
    const third = parse(readFileSync(join(shared, '.github/workflows/briefings-eu-2025.yml'), 'utf8'));
    expect(third.on.pull_request.paths[0]).toBe('eu \\[2025\\]/**');
    expect(third.jobs.build.defaults.run['working-directory']).toBe('eu [2025]');
    // VS Code reads the settings of the folder it opens: the repository's top, as a rule.
    expect(inside.stdout).toContain(
      "VS Code takes 'eu briefings/.vscode/settings.json' only when it opens 'eu briefings' itself: opening the repository, put its \"yaml.schemas\" into .vscode/settings.json there, each path and pattern starting 'eu briefings/'.\n",
    );
  });

  it('leaves nothing behind when a file cannot be written half way, so that it can run again', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.vscode'), 'a file where init makes a folder\n');
    await expect(init({ cwd: dir, flags: { ministry: 'IZM' } })).rejects.toThrow('.vscode/settings.json cannot be written: .vscode is a file, not a folder; nothing written.');
    expect(readdirSync(dir)).toEqual(['.vscode']);
    rmSync(join(dir, '.vscode'));
    expect((await init({ cwd: dir, flags: { ministry: 'IZM' } })).exitCode).toBe(0);
  });

  it('takes a package.json saved by Notepad, with a byte-order mark (as npm does), and adds its scripts', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), '\uFEFF{\r\n  "private": true\r\n}\r\n');
    expect((await init({ cwd: dir, flags: { ministry: 'IZM' } })).exitCode).toBe(0);
    const written: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(written).toMatchObject({ private: true, scripts: { build: expect.any(String), check: expect.any(String) } });
  });

  it('refuses a package.json that is not JSON, before writing anything', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), '{bad');
    await expect(init({ cwd: dir, flags: { ministry: 'IZM' } })).rejects.toThrow('package.json is not valid JSON at line 1, column 2; nothing written.');
    expect(readdirSync(dir)).toEqual(['package.json']);
    // A comma before the closing brace, as JavaScript allows and npm does not: said where it is.
    writeFileSync(join(dir, 'package.json'), '{\n  "name": "x",\n  "scripts": { "lint": "eslint ." },\n}\n');
    await expect(init({ cwd: dir, flags: { ministry: 'IZM' } })).rejects.toMatchObject({
      message: 'package.json is not valid JSON at line 4, column 1; nothing written.',
      hint: 'Fix it there (JSON has no comments, nor a comma after the last entry: npm could not read it either), and run init again.',
    });
  });

  it('prints a cd that a shell can run, for a folder name with a space', () => {
    const dir = tempDir();
    const run = runCli(['init', 'ES sanāksmes', '--ministry', 'IZM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("  cd 'ES sanāksmes'\n");
    // A name that starts with - (given after --): `cd -dash` is an option of cd.
    const dash = runCli(['init', '--ministry', 'IZM', '--', '-dash'], dir);
    expect(dash.status, dash.stderr).toBe(0);
    expect(dash.stdout).toContain('  cd ./-dash\n');
  });

  it('asks for the ministry and the signatory on a terminal, and needs --ministry without one', async () => {
    const dir = tempDir();
    const prompter = scriptedPrompter({ 'Issuing ministry': 'ZM', 'Who signs the reports: role': 'Zemkopības ministrs', 'Who signs the reports: name': 'A. Bērziņš', Visa: '' });
    await init({ cwd: dir, flags: {}, prompter });
    expect(parse(readFileSync(join(dir, 'briefing.config.yaml'), 'utf8'))).toMatchObject({ issuing_ministry: 'ZM', signature: { role: 'Zemkopības ministrs', name: 'A. Bērziņš' } });
    await expect(init({ cwd: tempDir(), flags: {} })).rejects.toThrow(UsageError);
    await expect(init({ cwd: tempDir(), flags: {} })).rejects.toThrow('Missing --ministry');
  });
});

test('under -C, the folder to cd into is named from where the command was typed', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'a'));
  const run = runCli(['-C', 'a', 'init', 'sub', '--ministry', 'IZM'], dir);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('\n  cd a/sub\n');
});

test('run from a briefing installed outside the new folder (globally), says that package.json names a path a clone cannot install, and how to vendor it', () => {
  const dir = tempDir();
  const run = runCli(['init', '--ministry', 'IZM', '--signature-role', 'Ministre', '--signature-name', 'A. Muižniece'], dir);
  expect(run.status, run.stderr).toBe(0);
  const spec = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).devDependencies.briefing as string;
  expect(spec.startsWith('file:')).toBe(true);
  expect(run.stderr).toContain(`package.json  warning  package.json names briefing as \`${spec}\`, a folder outside this repository: a clone of the repository cannot install it.`);
  expect(run.stderr).toContain(`Make the package (npm pack ${REPO}) and copy briefing-0.1.0.tgz into the repository`);
  expect(run.stderr).toContain('npm install -D ./vendor/briefing-0.1.0.tgz');
  // Installed from a package file outside (npm install ../briefing-h.tgz): that file, by its name.
  const packed = join(tempDir(), 'project');
  mkdirSync(packed);
  writeFileSync(join(packed, 'package.json'), JSON.stringify({ name: 'project', devDependencies: { briefing: 'file:../briefing-h.tgz' } }));
  const fromFile = runCli(['init', '--ministry', 'IZM', '--signature-role', 'Ministre', '--signature-name', 'A. Muižniece'], packed);
  expect(fromFile.stderr).toContain(
    'package.json names briefing as `file:../briefing-h.tgz`, a package file outside this repository: a clone of the repository cannot install it. Copy briefing-h.tgz into the repository, e.g. into vendor/, and install it from there: npm install -D ./vendor/briefing-h.tgz (or give init --tool).',
  );
  // Named on purpose with --tool: no warning.
  const chosen = tempDir();
  expect(runCli(['init', '--ministry', 'IZM', '--signature-role', 'Ministre', '--signature-name', 'A. Muižniece', '--tool', 'file:vendor/briefing-0.1.0.tgz'], chosen).stderr).toBe('');
});
