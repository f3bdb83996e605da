import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_KINDS } from '../src/cli/schema.js';
import { SCHEMAS } from '../src/model/json-schema.js';
import { exampleProject, REPO, runCli, tempDir, writeFile } from './helpers/project.js';

function installed(shell: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
}

/** Writes `briefing completion <shell>` to a file and returns its path. */
function script(shell: string): string {
  const run = runCli(['completion', shell], REPO);
  expect(run.status).toBe(0);
  const path = join(tempDir(), `briefing.${shell}`);
  writeFileSync(path, run.stdout);
  return path;
}

/**
 * A copy of the example project with a meeting file and a positions folder whose names have
 * spaces, and a PATH on which `briefing` is this build: the scripts ask it for the project's words.
 */
function projectToComplete(): { root: string; env: NodeJS.ProcessEnv } {
  const root = exampleProject({ 'meetings/my meeting.yaml': '' });
  mkdirSync(join(root, 'positions/educ/sub dir'), { recursive: true });
  const bin = tempDir();
  writeFile(bin, 'briefing', `#!/bin/sh\nexec '${process.execPath}' '${join(REPO, 'bin/briefing.js')}' "$@"\n`);
  chmodSync(join(bin, 'briefing'), 0o755);
  return { root, env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` } };
}

/** Completes the last of `words` (as bash has them in COMP_WORDS, quotes and backslashes kept) with the script at `path`, in `cwd`. */
function bashComplete(path: string, cwd: string, env: NodeJS.ProcessEnv, ...words: string[]): string[] {
  const program = `source ${path}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _briefing; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['-c', program], { cwd, env, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return run.stdout.split('\n').filter(Boolean).sort();
}

/**
 * Types `line` and a Tab into an interactive zsh (on a terminal of its own: util-linux's script) that
 * loaded the script at `path` as its completion, in `cwd`; returns the words of the line as completed.
 */
function zshComplete(path: string, cwd: string, env: NodeJS.ProcessEnv, line: string): string[] {
  const folder = tempDir();
  writeFileSync(join(folder, '_briefing'), readFileSync(path));
  const setUp = `fpath=(${folder} $fpath); autoload -Uz compinit; compinit -u -D; bindkey -e; PS1='> '`;
  // Ctrl-A goes back to the start of the line, which then prints its words one a line after a mark.
  const input = `${setUp}\r${line}\t\u0001print -rl -- '<<<' \rexit\r`;
  const run = spawnSync('script', ['-qc', 'zsh -f -i', '/dev/null'], { cwd, env: { ...env, TERM: 'xterm' }, input, encoding: 'utf8', timeout: 20000 });
  const lines = run.stdout.replace(/\r/g, '').split('\n');
  const mark = lines.lastIndexOf('<<<');
  const words: string[] = [];
  for (const word of lines.slice(mark + 1)) {
    if (word.includes('> ') || word === '') break;
    words.push(word);
  }
  return words;
}

describe('briefing completion', () => {
  it.skipIf(!installed('bash'))('bash: passes bash -n and completes commands, subcommands, options and choices', () => {
    const path = script('bash');
    expect(spawnSync('bash', ['-n', path], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    const complete = (...words: string[]) => {
      const cword = words.length - 1;
      const program = `source ${path}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${cword}; _briefing; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return spawnSync('bash', ['-c', program], { encoding: 'utf8' }).stdout.trim().split('\n');
    };
    expect(complete('briefing', 'li')).toEqual(['list']);
    expect(complete('briefing', 'new', '')).toEqual(['meeting', 'position', '-h', '--help']);
    expect(complete('briefing', 'new', 'meeting', '--na')).toEqual(['--name', '--name-locative']);
    expect(complete('briefing', 'list', '--status', 'd')).toEqual(['draft']);
    expect(complete('briefing', '-C', 'somewhere', 'list', 'me')).toEqual(['meetings']);
    expect(complete('briefing', 'completion', 'f')).toEqual(['fish']);
    // The help command, listed by --help, and the commands it explains.
    expect(complete('briefing', 'he')).toEqual(['help']);
    expect(complete('briefing', 'help', 're')).toEqual(['review', 'reference-docx']);
    // The same option name takes different values in different commands.
    expect(complete('briefing', 'check', '--format', '')).toEqual(['human', 'json']);
    expect(complete('briefing', 'diff', '--format', '')).toEqual(['terminal', 'md', 'docx', 'json']);
    // Values offered but not enforced: the built-in registry's codes, the formats, the schema kinds.
    expect(complete('briefing', 'clear', 'x.yaml', '--ministry', 'V')).toEqual(['VARAM', 'VM', 'VK']);
    expect(complete('briefing', 'review', 'r.docx', '-m', 'L')).toEqual(['LM']);
    expect(complete('briefing', 'new', 'position', 'x', '--owner', 'IZ')).toEqual(['IZM']);
    expect(complete('briefing', 'build', '--format', 'md')).toEqual(['md', 'md,docx', 'md,docx,pdf']);
    expect(complete('briefing', 'schema', 'm')).toEqual(['meeting', 'ministries']);
    // check and diff take files, and so does diff --since (a build's manifest).
    expect(complete('briefing', 'diff', 'READM')).toEqual(['README.md']);
    expect(complete('briefing', 'diff', 'x.yaml', '--since', 'READM')).toEqual(['README.md']);
    expect(complete('briefing', 'check', 'READM')).toEqual(['README.md']);
  });

  it.skipIf(!installed('bash'))('bash: a name with spaces is one candidate, whether the word is typed plain, with a backslash or in quotes', () => {
    const path = script('bash');
    const { root, env } = projectToComplete();
    for (const typed of ['meetings/my', 'meetings/my\\ m', '"meetings/my m', 'meetings/m']) {
      expect(bashComplete(path, root, env, 'briefing', 'build', typed)).toEqual(['meetings/my meeting.yaml']);
    }
    expect(bashComplete(path, root, env, 'briefing', '-C', 'positions/educ/s')).toEqual(['positions/educ/sub dir']);
  });

  it.skipIf(!installed('bash'))('bash: values match in small letters too (clear --ministry am is AM)', () => {
    const path = script('bash');
    const { root, env } = projectToComplete();
    expect(bashComplete(path, root, env, 'briefing', 'clear', 'x', '--ministry', 'iz')).toEqual(['IZM']);
    expect(bashComplete(path, root, env, 'briefing', 'review', 'r.docx', '-m', 'v')).toEqual(['VARAM', 'VK', 'VM']);
    expect(bashComplete(path, root, env, 'briefing', 'list', '--status', 'D')).toEqual(['draft']);
  });

  it.skipIf(!installed('bash'))('bash: clear completes the project’s position ids beside file names; new position --dir the folders of the positions folder', () => {
    const path = script('bash');
    const { root, env } = projectToComplete();
    expect(bashComplete(path, root, env, 'briefing', 'clear', 'equity-r')).toEqual(['equity-reforms']);
    expect(bashComplete(path, root, env, 'briefing', 'clear', 'positions/educ/equity-r')).toEqual(['positions/educ/equity-reforms.yaml']);
    // From a folder of the project, as briefing finds the project from there.
    expect(bashComplete(path, join(root, 'meetings'), env, 'briefing', 'clear', 'eq')).toEqual(['equity-achievements', 'equity-eu-cooperation', 'equity-reforms']);
    // Folders under positions/, not of the current folder (which has meetings/ and positions/).
    expect(bashComplete(path, root, env, 'briefing', 'new', 'position', 'x', '--dir', '')).toEqual(['educ', 'educ/sub dir']);
    expect(bashComplete(path, root, env, 'briefing', 'build', '--template', 'spe')).toEqual(['speaking-points.en', 'speaking-points.lv']);
    // Outside a project there is nothing to offer, and nothing is said.
    expect(bashComplete(path, tempDir(), env, 'briefing', 'clear', 'eq')).toEqual([]);
  });

  it.skipIf(!installed('bash'))('bash: after -C <dir>, file names and the project’s words come from that folder', () => {
    const path = script('bash');
    const { root, env } = projectToComplete();
    const elsewhere = tempDir();
    expect(bashComplete(path, elsewhere, env, 'briefing', '-C', root, 'build', 'meetings/my')).toEqual(['meetings/my meeting.yaml']);
    expect(bashComplete(path, elsewhere, env, 'briefing', '-C', root, 'build', 'meet')).toEqual(['meetings/']);
    expect(bashComplete(path, elsewhere, env, 'briefing', '--cwd', root, 'clear', 'equity-a')).toEqual(['equity-achievements']);
    expect(bashComplete(path, elsewhere, env, 'briefing', '-C', root, 'new', 'position', 'x', '--dir', 'e')).toEqual(['educ', 'educ/sub dir']);
  });

  it.skipIf(!installed('bash'))('bash: an option’s value written after `=` (--status=d), and -C’s folder written onto it (--cwd=<dir>, -C<dir>)', () => {
    const path = script('bash');
    const { root, env } = projectToComplete();
    const elsewhere = tempDir();
    // bash makes the `=` a word of its own, and the word being completed while nothing follows it.
    expect(bashComplete(path, root, env, 'briefing', 'list', '--status', '=', 'd')).toEqual(['draft']);
    expect(bashComplete(path, root, env, 'briefing', 'list', '--status', '=')).toEqual(['cleared', 'draft']);
    expect(bashComplete(path, elsewhere, env, 'briefing', '--cwd', '=', root, 'clear', 'equity-a')).toEqual(['equity-achievements']);
    expect(bashComplete(path, elsewhere, env, 'briefing', '--cwd', '=', root, 'build', 'meetings/my')).toEqual(['meetings/my meeting.yaml']);
    expect(bashComplete(path, elsewhere, env, 'briefing', `-C${root}`, 'clear', 'equity-a')).toEqual(['equity-achievements']);
  });

  it.skipIf(!installed('bash'))('bash: completes in a shell that runs with `set -u` (nounset), without a word on stderr', () => {
    const path = script('bash');
    const { root, env } = projectToComplete();
    const lines = [['new', 'position', 'x', '--dir', 'e'], ['clear', 'equity-r'], ['build', '--template', 'spe'], ['list', '--status', '=', 'd'], ['-C', '.', 'build', 'meetings/my']];
    for (const words of lines) {
      const program = `set -u; source ${path}; COMP_WORDS=(briefing ${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length}; _briefing; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const run = spawnSync('bash', ['-c', program], { cwd: root, env, encoding: 'utf8' });
      expect({ words, stderr: run.stderr, found: run.stdout !== '' }).toEqual({ words, stderr: '', found: true });
    }
  });

  it('the project’s words come from a command help does not list; outside a project it prints nothing', () => {
    const { root } = projectToComplete();
    expect(runCli(['__complete', 'position-ids'], root)).toEqual({ status: 0, stdout: 'equity-achievements\nequity-eu-cooperation\nequity-reforms\n', stderr: '' });
    expect(runCli(['__complete', 'position-folders'], join(root, 'meetings'))).toEqual({ status: 0, stdout: 'educ\neduc/sub dir\n', stderr: '' });
    expect(runCli(['__complete', 'template-names'], root).stdout).toBe('informative-report.en\ninformative-report.lv\nspeaking-points.en\nspeaking-points.lv\n');
    expect(runCli(['__complete', 'position-ids'], tempDir())).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(runCli(['--help'], root).stdout).not.toContain('__complete');
  });

  it.skipIf(!installed('zsh'))('zsh: passes zsh -n', () => {
    const path = script('zsh');
    expect(spawnSync('zsh', ['-n', path], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
  });

  it.skipIf(!installed('zsh') || !installed('script'))('zsh: after -C <dir> typed with backslashes, quotes or none, file names and the project’s words come from that folder', () => {
    const path = script('zsh');
    const { root, env } = projectToComplete();
    // The project, in a folder whose name has a space and a Latvian letter.
    const here = tempDir();
    symlinkSync(root, join(here, 'sp ā'));
    for (const dir of ['sp\\ ā', '"sp ā"', "'sp ā'"]) {
      expect(zshComplete(path, here, env, `briefing -C ${dir} build meetings/my`), dir).toEqual(['briefing', '-C', 'sp ā', 'build', 'meetings/my meeting.yaml']);
      expect(zshComplete(path, here, env, `briefing -C ${dir} clear equity-r`), dir).toEqual(['briefing', '-C', 'sp ā', 'clear', 'equity-reforms']);
    }
    expect(zshComplete(path, here, env, 'briefing help bu')).toEqual(['briefing', 'help', 'build']);
  });

  it.skipIf(!installed('zsh') || !installed('script'))('zsh: an option’s value written after `=`, and -C’s folder written onto it (--cwd=<dir>, -C<dir>)', () => {
    const path = script('zsh');
    const { root, env } = projectToComplete();
    const here = tempDir();
    symlinkSync(root, join(here, 'sp ā'));
    expect(zshComplete(path, here, env, 'briefing --cwd=sp\\ ā clear equity-r')).toEqual(['briefing', '--cwd=sp ā', 'clear', 'equity-reforms']);
    expect(zshComplete(path, here, env, 'briefing -Csp\\ ā clear equity-r')).toEqual(['briefing', '-Csp ā', 'clear', 'equity-reforms']);
    expect(zshComplete(path, root, env, 'briefing list --status=d')).toEqual(['briefing', 'list', '--status=draft']);
  });

  it.skipIf(!installed('fish'))('fish: passes fish -n and completes', () => {
    const path = script('fish');
    expect(spawnSync('fish', ['-n', path], { encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${path}; complete -C '${line}'`], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    expect(complete('briefing cl')).toEqual(['clear']);
    expect(complete('briefing list --status ')).toEqual(['cleared', 'draft']);
    expect(complete('briefing new ')).toEqual(['meeting', 'position']);
    expect(complete('briefing help bu')).toEqual(['build']);
    expect(complete('briefing diff x.yaml --since READM')).toEqual(['README.md']);
  });

  it.skipIf(!installed('fish'))('fish: clear completes the project’s position ids, new position --dir its positions folders', () => {
    const path = script('fish');
    const { root, env } = projectToComplete();
    const complete = (line: string, cwd = root) =>
      spawnSync('fish', ['--no-config', '-c', `source ${path}; complete -C '${line}'`], { cwd, env, encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    expect(complete('briefing clear equity-r')).toEqual(['equity-reforms']);
    expect(complete('briefing new position x --dir ed')).toEqual(['educ', 'educ/sub dir']);
    expect(complete(`briefing -C ${root} clear equity-a`, tempDir())).toEqual(['equity-achievements']);
  });

  it.skipIf(!installed('fish'))('fish: after -C <dir> (with a space and a Latvian letter, quoted or not), file names come from that folder', () => {
    const path = script('fish');
    const { root, env } = projectToComplete();
    const here = tempDir();
    symlinkSync(root, join(here, 'sp ā'));
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${path}; complete -C ${JSON.stringify(line)}`], { cwd: here, env, encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    for (const dir of ['sp\\ ā', "'sp ā'", 'sp\\ ā/']) {
      expect(complete(`briefing -C ${dir} build meetings/my`), dir).toEqual(['meetings/my meeting.yaml']);
      expect(complete(`briefing -C ${dir} clear positions/educ/equity-r`), dir).toEqual(['positions/educ/equity-reforms.yaml']);
      expect(complete(`briefing -C ${dir} clear equity-r`), dir).toEqual(['equity-reforms']);
      expect(complete(`briefing -C ${dir} new meeting 2021-07-01 next --from meetings/my`), dir).toEqual(['meetings/my meeting.yaml']);
    }
    // Without -C, fish's own file names, from the current folder.
    expect(complete("briefing build 'sp ā/meetings/my")).toEqual(['sp ā/meetings/my meeting.yaml']);
  });

  it.skipIf(!installed('fish'))('fish: -C’s folder written onto it (--cwd=<dir>, -C<dir>) is where the project’s words and file names come from', () => {
    const path = script('fish');
    const { root, env } = projectToComplete();
    const here = tempDir();
    symlinkSync(root, join(here, 'sp ā'));
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${path}; complete -C ${JSON.stringify(line)}`], { cwd: here, env, encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    for (const given of ['--cwd=sp\\ ā', "--cwd='sp ā'", '-Csp\\ ā']) {
      expect(complete(`briefing ${given} clear equity-r`), given).toEqual(['equity-reforms']);
      expect(complete(`briefing ${given} build meetings/my`), given).toEqual(['meetings/my meeting.yaml']);
    }
  });

  it.skipIf(!installed('fish'))('fish: a folder (build -o) is completed from -C’s folder, as bash and zsh do', () => {
    const path = script('fish');
    const { root, env } = projectToComplete();
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${path}; complete -C ${JSON.stringify(line)}`], { cwd: tempDir(), env, encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    expect(complete(`briefing -C ${root} build -o posi`)).toEqual(['positions/']);
    expect(complete(`briefing -C ${root} build --out positions/ed`)).toEqual(['positions/educ/']);
  });

  it.skipIf(!installed('fish'))('fish: completes the command after -C <dir>, whose folder is no command', () => {
    const path = script('fish');
    const { root, env } = projectToComplete();
    const complete = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${path}; complete -C ${JSON.stringify(line)}`], { cwd: tempDir(), env, encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.split('\t')[0]);
    expect(complete(`briefing -C ${root} cl`)).toEqual(['clear']);
    expect(complete(`briefing --cwd ${root} li`)).toEqual(['list']);
    expect(complete(`briefing --no-color -C ${root} --no-color che`)).toEqual(['check']);
    // Once the command is there, its subcommands and arguments, not the commands again.
    expect(complete(`briefing -C ${root} list me`)).toEqual(['meetings']);
  });

  it.skipIf(!installed('fish'))('fish: says nothing when the briefing typed is not installed (the script kept after an uninstall)', () => {
    const path = script('fish');
    const { root } = projectToComplete();
    const run = spawnSync('fish', ['--no-config', '-c', `source ${path}; complete -C 'briefing clear eq'`], { cwd: root, env: { ...process.env, PATH: '/usr/bin:/bin' }, encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('offers the schema kinds there are', () => {
    expect(SCHEMA_KINDS).toEqual(Object.keys(SCHEMAS));
  });

  it('refuses an unknown shell, naming the choices (exit 2)', () => {
    const run = runCli(['completion', 'powershell'], REPO);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Allowed choices are bash, zsh, fish.");
  });
});
