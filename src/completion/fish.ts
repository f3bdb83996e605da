import { PROJECT_WORDS_COMMAND, spellings, type CommandSpec, type Completion, type OptionSpec } from './spec.js';

/** A fish completion script: one `complete` line per subcommand, option and argument. */
export function fishCompletion(program: CommandSpec): string {
  const name = program.name;
  const cwd = program.options.find((o) => o.long === '--cwd');
  const fn = `__${ident(name)}`;
  const lines = [
    `# fish completion for ${name}: save it as ~/.config/fish/completions/${name}.fish`,
    '',
    `# The folder ${cwd ? spellings(cwd).join('/') : 'the command line'} names, if given (the last one counts), without the slashes at its end.`,
    `function ${fn}_dir`,
    '    set -l tokens (commandline -opc)',
    '    set -l dir',
    '    for i in (seq 2 (count $tokens))',
    `        contains -- $tokens[(math $i - 1)] ${cwd ? spellings(cwd).join(' ') : '--'}; and set dir $tokens[$i]`,
    // Written onto the option, as commander takes it too: -C<dir>, --cwd=<dir>.
    ...(cwd ? [`        set -l onto (string match -r -- ${quote(`^(?:${attached(cwd)})(.+)$`)} $tokens[$i]); and set dir $onto[2]`] : []),
    '    end',
    '    test -n "$dir"; or return 1',
    '    string replace -r \'^~(?=/|$)\' $HOME -- $dir | string replace -r \'(.)/+$\' \'$1\'',
    '    return 0',
    'end',
    '',
    `# Words only the project knows ($argv[1]: position-ids, position-folders, template-names), asked of`,
    `# ${name} itself, in that folder if given.`,
    `function ${fn}_project`,
    '    set -l tokens (commandline -opc)',
    '    set -l at',
    `    set -l dir (${fn}_dir); and set at -C $dir`,
    // fish itself says "Unknown command" of a program not found, whatever the redirection.
    '    command -q $tokens[1]; or return 0',
    `    $tokens[1] $at ${PROJECT_WORDS_COMMAND} $argv[1] 2>/dev/null`,
    'end',
    '',
    `# File names from that folder: fish's own (-F) come from the current folder, which is not where the command runs.`,
    `function ${fn}_files`,
    `    set -l dir (${fn}_dir)`,
    '    set -l prefix (string replace -r \'/?$\' / -- $dir)',
    '    for path in (__fish_complete_path $prefix(commandline -ct | string unescape))',
    '        string sub -s (math (string length -- $prefix) + 1) -- $path',
    '    end',
    'end',
    '',
    `# True while no command is typed yet: options, and the value of one that takes a value (-C <dir>), are none.`,
    `function ${fn}_needs_command`,
    '    set -l tokens (commandline -opc)',
    '    set -l skip',
    '    for token in $tokens[2..-1]',
    '        if set -q skip[1]',
    '            set -e skip',
    `        else if contains -- $token ${program.options.filter((o) => o.value.kind !== 'none').flatMap(spellings).join(' ') || '--'}`,
    '            set skip 1',
    "        else if not string match -q -- '-*' $token",
    '            return 1',
    '        end',
    '    end',
    '    return 0',
    'end',
    '',
    `complete -c ${name} -f`,
  ];
  // What completes file names differs with -C given or not: each such line is written twice, one for each case.
  const complete = (here: string, body: (inFolder: boolean) => string, files: boolean): string[] =>
    files && cwd
      ? [`complete -c ${name} -n ${quote(`${here}; and not ${fn}_dir >/dev/null`)}${body(false)}`, `complete -c ${name} -n ${quote(`${here}; and ${fn}_dir >/dev/null`)}${body(true)}`]
      : [`complete -c ${name} -n ${quote(here)}${body(false)}`];
  const walk = (spec: CommandSpec, path: readonly string[]): void => {
    const here = condition(fn, path, spec.subcommands.map((s) => s.name));
    // -C's own folder is named from the current folder, whatever an earlier -C said.
    for (const option of spec.options) lines.push(...complete(here, (inFolder) => `${optionFlags(option, fn, inFolder)} -d ${quote(option.description)}`, option !== cwd && takesFiles(option.value)));
    for (const sub of spec.subcommands) {
      lines.push(`complete -c ${name} -n ${quote(here)} -a ${quote(sub.name)} -d ${quote(sub.description)}`);
      walk(sub, [...path, sub.name]);
    }
    if (!spec.subcommands.length && path.length) lines.push(...complete(here, (inFolder) => argument(spec.argument, fn, inFolder), takesFiles(spec.argument)));
  };
  walk(program, []);
  return `${lines.join('\n')}\n`;
}

/** How an option's value is written onto it, as a regular expression's alternatives: `-C|--cwd=`. */
function attached(option: OptionSpec): string {
  return [option.short, option.long === undefined ? undefined : `${option.long}=`].filter((s): s is string => s !== undefined).join('|');
}

/** True while the words typed so far are exactly `path`, and none of its subcommands yet (`fn`: the script's function prefix). */
function condition(fn: string, path: readonly string[], subcommands: readonly string[]): string {
  // Not fish's __fish_use_subcommand, which takes the folder of `-C <dir>` for the command.
  if (!path.length) return `${fn}_needs_command`;
  const seen = path.map((word) => `__fish_seen_subcommand_from ${word}`).join('; and ');
  return subcommands.length ? `${seen}; and not __fish_seen_subcommand_from ${subcommands.join(' ')}` : seen;
}

/** Whether what completes the word differs with -C given: file and folder names come from its folder then. */
function takesFiles(completion: Completion): boolean {
  return completion.kind === 'files' || completion.kind === 'folders' || (completion.kind === 'project' && completion.files);
}

/** The option's names and value; `inFolder`: -C is given, so file names come from its folder (`fn`: the script's function prefix). */
function optionFlags(option: OptionSpec, fn: string, inFolder: boolean): string {
  const names = `${option.short ? ` -s ${option.short.replace(/^-/, '')}` : ''}${option.long ? ` -l ${option.long.replace(/^--/, '')}` : ''}`;
  // -r lets fish offer files for the value, -x (exclusive) only what -a lists.
  const kind = option.value.kind;
  return `${names}${kind === 'none' ? '' : kind === 'files' && !inFolder ? ' -r -F' : ` -x${argument(option.value, fn, inFolder)}`}`;
}

function argument(completion: Completion, fn: string, inFolder: boolean): string {
  switch (completion.kind) {
    case 'files':
      return inFolder ? ` -a ${quote(`(${fn}_files)`)}` : ' -F';
    case 'folders':
      return inFolder ? ` -a ${quote(`(${fn}_files | string match -r -- '^.*/(?:\\t.*)?$')`)}` : " -a '(__fish_complete_directories)'";
    case 'choices':
      return ` -a ${quote(completion.values.join(' '))}`;
    case 'project':
      // One -a: of two, fish keeps the last.
      if (completion.files && inFolder) return ` -a ${quote(`(${fn}_project ${completion.words}) (${fn}_files)`)}`;
      return ` -a ${quote(`(${fn}_project ${completion.words})`)}${completion.files ? ' -F' : ''}`;
    case 'text':
    case 'none':
      return '';
  }
}

function ident(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
