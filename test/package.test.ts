import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itWithOffice } from './helpers/docx.js';
import { REPO, tempDir } from './helpers/project.js';

// The machine's own Node.js, as a user has it: npm puts this repository's node_modules/.bin (and
// with it the pinned Node 24) first on the tests' PATH, so that is taken out again. On a Node.js
// older than 22.12 the installed command runs under the `node` package the ministry's repository
// adds, as the README and the command's own message say.
const PATH = (process.env['PATH'] ?? '').split(delimiter).filter((dir) => !dir.startsWith(join(REPO, 'node_modules'))).join(delimiter);
const ENV = { ...process.env, PATH, NO_COLOR: '1', CI: '1', GITHUB_ACTIONS: '' };
const MACHINE_NODE = spawnSync('node', ['--version'], { env: ENV, encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
const OLD_NODE = !satisfiesToolNode(MACHINE_NODE);

/** Whether a Node.js version is one the tool runs on directly (22.12 or later). */
function satisfiesToolNode(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** Runs a program in `cwd` as a user would in a terminal-less shell; fails the test on a non-zero exit. */
function run(cwd: string, program: string, args: readonly string[]): string {
  const result = spawnSync(program, args, { cwd, env: ENV, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout + result.stderr;
}

describe('the tool as a package, in a ministry’s own repository', () => {
  itWithOffice(
    'npm pack → install in an empty folder → init → new meeting --from → new position → clear → build md,docx,pdf',
    () => {
      const packed = tempDir('briefing-pack-');
      // dist/ is built by pretest; --ignore-scripts keeps pack from rebuilding it under the other tests.
      run(REPO, 'npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed]);
      const tarball = readdirSync(packed).find((name) => name.endsWith('.tgz')) ?? '';
      const repo = tempDir('briefing-ministry-');
      // As the README says: without a package.json, npm installs into the nearest folder above with a node_modules or package.json.
      writeFileSync(join(repo, 'package.json'), '{ "private": true }\n');
      run(repo, 'npm', ['install', '-D', '--no-audit', '--no-fund', '--prefer-offline', join(packed, tarball)]);
      const briefing = join(repo, 'node_modules/.bin/briefing');
      // What the README and the messages point to is in the package: the documents and the example ministry style.
      const installed = join(repo, 'node_modules/briefing');
      const linked = [...new Set([...readFileSync(join(installed, 'README.md'), 'utf8').matchAll(/\]\(((?:docs|examples)\/[^)#\s]+)/g)].map((m) => m[1] ?? ''))];
      expect(linked).toContain('docs/reference-docx.md');
      expect(linked.filter((path) => !existsSync(join(installed, path)))).toEqual([]);
      if (OLD_NODE) {
        const refused = spawnSync(briefing, ['--help'], { cwd: repo, env: ENV, encoding: 'utf8' });
        expect(refused.status).toBe(2);
        expect(refused.stderr).toContain('npm install -D node@24');
        run(repo, 'npm', ['install', '-D', '--no-audit', '--no-fund', '--prefer-offline', 'node@24']);
      }

      // init of another folder names the tool as this project got it (the tarball, from there), and the Node.js it added.
      const other = tempDir('briefing-other-');
      run(repo, briefing, ['init', other, '--ministry', 'IZM']);
      const otherPackage = JSON.parse(readFileSync(join(other, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; allowScripts?: Record<string, boolean> };
      expect(otherPackage.devDependencies['briefing']).toBe(`file:${relative(other, join(packed, tarball)).split(sep).join('/')}`);
      if (OLD_NODE) expect(otherPackage.devDependencies['node']).toMatch(/24/);
      // npm 12 runs the `node` package's install script (which fetches the program) only when package.json allows it.
      if (OLD_NODE) expect(otherPackage.allowScripts).toEqual({ node: true });

      expect(run(repo, briefing, ['init', '--ministry', 'IZM', '--signature-role', 'Izglītības un zinātnes ministre', '--signature-name', 'I. Šuplinska'])).toContain(
        'created briefing.config.yaml',
      );
      run(repo, briefing, ['new', 'meeting', '2021-05-18', 'educ-council', '--from', 'examples/meeting.yaml', '--topic', 'Digitālā izglītība']);
      const meetingFile = join(repo, 'meetings/2021-05-18-educ-council.yaml');
      const meeting = readFileSync(meetingFile, 'utf8')
        .replace('questions: []', 'questions:\n  - text: Kā stiprināt digitālās prasmes skolās?\n    position: educ-digital-skills')
        .replace(/^background: \|\n/m, 'background: |\n  Prezidentūra aicina apspriest digitālās izglītības rīcības plānu.\n');
      writeFileSync(meetingFile, meeting);
      run(repo, briefing, ['new', 'position', 'educ-digital-skills', '--dir', 'educ']);
      const positionFile = join(repo, 'positions/educ/educ-digital-skills.yaml');
      writeFileSync(positionFile, readFileSync(positionFile, 'utf8').replace(/^body: .*$/m, 'body: |\n  Latvija atbalsta kopīgu pieeju digitālo prasmju stiprināšanai.'));
      expect(run(repo, briefing, ['clear', 'educ-digital-skills', '--ministry', 'am', '--date', '10.05.2021'])).toContain('clearance.AM.date     (none) → 2021-05-10');
      run(repo, briefing, ['clear', 'educ-digital-skills', '--ministry', 'LM', '--date', '2021-05-11']);
      run(repo, briefing, ['build', 'meetings/2021-05-18-educ-council.yaml', '--format', 'md,docx,pdf']);

      expect(readdirSync(join(repo, 'out')).sort()).toEqual([
        'IZMzin_180521_EDUC.docx',
        'IZMzin_180521_EDUC.manifest.json',
        'IZMzin_180521_EDUC.md',
        'IZMzin_180521_EDUC.pdf',
      ]);
      const pdf = join(repo, 'out/IZMzin_180521_EDUC.pdf');
      const pages = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' }).match(/Page +\d+ size: .*/g) ?? [];
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) expect(page).toContain('(A4)');
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('Kā stiprināt digitālās prasmes skolās?');
      expect(text).toContain('Latvija atbalsta kopīgu pieeju digitālo prasmju stiprināšanai.');
      expect(text).toContain('I. Šuplinska');

      // The manifest records the built-in template as the tool's (it sits in node_modules, which git
      // ignores), so `diff --since` finds everything else in the project's git history.
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, stdio: 'pipe' });
      git('init', '--quiet');
      git('add', '--all');
      git('commit', '--quiet', '--no-gpg-sign', '-m', 'first');
      writeFileSync(positionFile, readFileSync(positionFile, 'utf8').replace('kopīgu pieeju', 'vienotu pieeju'));
      git('commit', '--quiet', '--no-gpg-sign', '--all', '-m', 'reword');
      const since = spawnSync(briefing, ['diff', 'meetings/2021-05-18-educ-council.yaml', '--since', 'out/IZMzin_180521_EDUC.manifest.json', '--stat'], { cwd: repo, env: ENV, encoding: 'utf8' });
      expect(since.stderr).toBe('');
      expect(since.status).toBe(1);
      expect(since.stdout).toContain('educ-digital-skills');
    },
    300_000,
  );

  // `briefing init` run by a global install names that folder (`file:…/lib/node_modules/briefing`) and says to run
  // `npm install`; npm runs a folder dependency's `prepare`, as `npm pack <folder>` does. The installed package has
  // no src/ to build, and prepare ended in MODULE_NOT_FOUND: npm install failed.
  it('the installed package’s prepare script leaves its built dist/ as it is', () => {
    const packed = tempDir('briefing-pack-');
    run(REPO, 'npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packed]);
    const tarball = readdirSync(packed).find((name) => name.endsWith('.tgz')) ?? '';
    execFileSync('tar', ['-xzf', join(packed, tarball), '-C', packed]);
    const installed = join(packed, 'package');
    const before = readFileSync(join(installed, 'dist/build.json'), 'utf8');
    run(installed, 'npm', ['run', 'prepare', '--silent']);
    expect(readFileSync(join(installed, 'dist/build.json'), 'utf8')).toBe(before);
  }, 60_000);

  // The README's first step is `npm pack` (or `npm link`) in a clone; both run `prepare`, which builds dist/ with
  // esbuild, a development dependency. In a fresh clone, before `npm ci`, that ended in Node.js's stack trace of
  // ERR_MODULE_NOT_FOUND for esbuild.
  it('prepare in a clone without its development dependencies says to run npm ci, in one line', () => {
    const clone = tempDir('briefing-clone-');
    mkdirSync(join(clone, 'src'));
    mkdirSync(join(clone, 'scripts'));
    copyFileSync(join(REPO, 'scripts/build.js'), join(clone, 'scripts/build.js'));
    writeFileSync(join(clone, 'package.json'), '{ "type": "module" }\n');
    const result = spawnSync('node', ['scripts/build.js'], { cwd: clone, env: ENV, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'briefing: building dist/ needs the development dependencies (esbuild), which this clone does not have yet: run `npm ci` here first, then `npm pack` or `npm link` again.\n',
    );
    expect(existsSync(join(clone, 'dist'))).toBe(false);
  });
});
