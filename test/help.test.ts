import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { formatHelpItem } from '../src/cli/help-notes.js';
import { REPO, runCli, tempDir } from './helpers/project.js';

/** The program and every command its help lists (new's two too): each has examples. */
const COMMANDS = [
  [],
  ['init'],
  ['build'],
  ['check'],
  ['diff'],
  ['new'],
  ['new', 'meeting'],
  ['new', 'position'],
  ['clear'],
  ['review'],
  ['import'],
  ['list'],
  ['templates'],
  ['schema'],
  ['reference-docx'],
  ['completion'],
  ['server'],
];

describe('help and mistakes', () => {
  it.each(COMMANDS.map((c) => [c.join(' ') || '(program)', c] as const))('%s --help shows real examples', (_name, command) => {
    const run = runCli([...command, '--help'], REPO);
    expect(run.status).toBe(0);
    const examples = run.stdout.split('Examples:\n')[1]?.split('\n').filter((line) => line.startsWith('  $ briefing ')) ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.length).toBeLessThanOrEqual(4);
    expect(examples.some((example) => example.startsWith(`  $ briefing ${command.join(' ')}`))).toBe(true);
  });

  it('lists among the commands above every command its help lists', () => {
    const listed = (command: string[]) =>
      [...(runCli([...command, '--help'], REPO).stdout.split('Commands:\n')[1]?.split('\n\n')[0] ?? '').matchAll(/^ {2}([a-z-]+)/gm)]
        .map((m) => [...command, m[1] ?? ''].join(' '))
        .filter((name) => !name.endsWith('help'));
    expect([...listed([]), ...listed(['new'])].filter((name) => !COMMANDS.some((command) => command.join(' ') === name))).toEqual([]);
  });

  it('says how to have plain output, for a screen reader or a terminal that shows control sequences as text: TERM=dumb, NO_COLOR and list --json, named in the help a user reads first', () => {
    const help = runCli(['--help'], REPO).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('Plain output (a screen reader, Emacs\' shell): with TERM=dumb, new and init ask each question on a line of its own, its choices numbered, and nothing is coloured or redrawn (no progress line);');
    expect(help).toContain('NO_COLOR=1 (or --no-color) turns colours off alone, as nothing is told by colour alone;');
    expect(help).toContain('list --json names each clearance\'s state in words.');
  });

  it('states its exit codes in every command that prints JSON, each code with what it means there', () => {
    for (const command of ['build', 'check', 'diff', 'list', 'templates']) {
      const help = runCli([command, '--help'], REPO).stdout;
      // Wrapped at 80 columns into a pipe: a space may be a line break.
      expect(help, command).toMatch(/\nExit\scodes:\s0\s[^,]+,\s1\s[^,]+(\([^)]*\))?[^,]*,\s2\scould\snot\s[a-z]+\.\n/);
    }
  });

  it('wraps its notes at 80 columns into a pipe, as the options above them, and keeps each example whole to be copied', () => {
    for (const command of [...COMMANDS, ['check'], ['diff'], ['init'], ['server']]) {
      const help = runCli([...command, '--help'], REPO).stdout;
      const notes = help.split('\n').filter((line) => /^\S/.test(line));
      for (const line of notes) expect([...line].length, `${command.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
    }
    const init = runCli(['init', '--help'], REPO).stdout;
    expect(init).toContain('\n  $ briefing init eu-briefings --ministry IZM --signature-role "Izglītības un zinātnes ministre" --signature-name "I. Šuplinska"\n');
    expect(init).toContain('\nNever replaces a file. A .gitignore, .gitattributes or .npmrc that is there gets\nthe lines it lacks,');
    expect(runCli(['list', '--help'], REPO).stdout).toContain('\nExit codes: 0 listed, 1 listed but not completely (a file that cannot be read, a\nposition missing');
  });

  it('on a terminal too narrow for a column of descriptions (COLUMNS=60), puts each under its flag, wrapped, not on one long line', () => {
    const help = new Help();
    help.helpWidth = 60;
    const description = "the version the answer was given on, when earlier than the position's version now (it then does not count for the text now)";
    // Commander gives up wrapping when the column left is under 40 wide: the line was 146 columns on a 60-column terminal.
    const item = formatHelpItem('--on-version <n>', 21, description, help);
    for (const line of item.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
    expect(item.split('\n')[0]).toBe('  --on-version <n>');
    expect(item.replace(/\s+/g, ' ')).toContain(description);
    // Wide enough, the item is as Commander lays it out.
    help.helpWidth = 80;
    expect(formatHelpItem('--on-version <n>', 21, description, help)).toBe(new Help().formatItem('--on-version <n>', 21, description, help));
  });

  it('names a flag’s default only when it says something: no "(default: false)" after each switch, in any command', () => {
    for (const command of [['build'], ['check'], ['diff'], ['review'], ['list'], ['new', 'meeting']]) {
      const help = runCli([...command, '--help'], REPO).stdout;
      expect(help, command.join(' ')).not.toContain('(default: false)');
    }
    const build = runCli(['build', '--help'], REPO).stdout;
    expect(build).toMatch(/--final +refuse to build unless every required ministry cleared\n/);
    expect(build).toContain('(default: the config’s `output`, usually');
  });

  it.each([
    [['bild'], "briefing: unknown command 'bild'\n  Did you mean build?"],
    [['new', 'meting'], "briefing: unknown command 'meting'\n  Did you mean meeting?"],
    [['list', '--uncleard'], "briefing: unknown option '--uncleard'\n  Did you mean --uncleared?"],
    [['new', 'position', 'x', '--questoin', 'y'], "briefing: unknown option '--questoin'\n  Did you mean --question?"],
    [['clear', 'x', '-m', 'AM', '--withdrew'], "briefing: unknown option '--withdrew'\n  Did you mean --withdraw?"],
    [['clear', 'x'], "briefing: required option '-m, --ministry <code>' not specified\n  See briefing clear --help."],
    [['-C', '.', 'new', 'meeting', '2021-05-18'], "briefing: missing required argument 'slug'\n  See briefing new meeting --help."],
    [['-C', 'list', 'check', '--bogus'], "briefing: unknown option '--bogus'\n  See briefing check --help."],
    [['--colour'], "briefing: unknown option '--colour'\n  Did you mean --color?"],
    [['check', '--json'], "briefing: unknown option '--json'\n  check prints JSON with --format json."],
    [['list', '--format', 'json'], "briefing: unknown option '--format'\n  list prints JSON with --json."],
    [['templates', '--format=json'], "briefing: unknown option '--format=json'\n  templates prints JSON with --json."],
    // The answer typed as the position file writes it.
    [['clear', 'x', '-m', 'EM', '--status', 'objected'], "briefing: unknown option '--status'\n  clear takes the answer as a flag: none for cleared, --pending, --object or --withdraw (e.g. --object --note \"what it objects to\")."],
    // A value that is none of the choices: the nearest one.
    [['list', 'meetngs'], "briefing: command-argument value 'meetngs' is invalid for argument 'what'. Allowed choices are positions, meetings.\n  Did you mean meetings?"],
    [['list', '--status', 'draf'], "briefing: option '--status <status>' argument 'draf' is invalid. Allowed choices are draft, cleared.\n  Did you mean draft?"],
    [['server', 'stat'], "briefing: command-argument value 'stat' is invalid for argument 'action'. Allowed choices are status, start, stop.\n  Did you mean status?"],
    [['completion', 'powershell'], "briefing: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n  See briefing completion --help."],
    // Help for a command there is not: the mistake, not the whole help.
    [['help', 'bild'], "briefing: unknown command 'bild'\n  Did you mean `briefing help build`?"],
    [['-C', 'help', 'help', 'zzzzzz'], "briefing: unknown command 'zzzzzz'\n  See briefing --help for the commands."],
  ])('%j says what is wrong as every message does (briefing:, then a hint such as the nearest name) and exits 2', (args, message) => {
    const run = runCli(args, REPO);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(message);
  });
});

it.each([[[]], [['new']]])('%j without its command shows the help on stderr and exits 2, as a mistake (a script with an empty command must not pass)', (args) => {
  const run = runCli(args, REPO);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`Usage: briefing ${args.join(' ')}`.trimEnd());
  // Help asked for is no mistake.
  expect(runCli([...args, '--help'], REPO).status).toBe(0);
  expect(runCli(['help', ...args], REPO).status).toBe(0);
});

it('an unknown option that is a file here says how to name the file (./-x.yaml or after --), from -C too, exit 2', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '-x.yaml'), 'id: x\n');
  const run = runCli(['build', '-x.yaml'], dir);
  expect(run).toMatchObject({ status: 2, stdout: '' });
  expect(run.stderr).toBe("briefing: unknown option '-x.yaml'\n  -x.yaml is a file here: name it ./-x.yaml, or put -- before the files (briefing build -- -x.yaml).\n");
  expect(runCli(['-C', dir, 'check', '-x.yaml'], REPO).stderr).toContain('(briefing check -- -x.yaml)');
  // No such file: the nearest flag, as before.
  expect(runCli(['check', '-formt'], dir).stderr).not.toContain('is a file here');
});

it.each([['help', 'build'], ['-C', 'help', 'help', 'list']])('%j shows the help of that command, exit 0', (...args) => {
  const run = runCli(args, REPO);
  expect(run).toMatchObject({ status: 0, stderr: '' });
  expect(run.stdout).toMatch(/^Usage: briefing /);
});
