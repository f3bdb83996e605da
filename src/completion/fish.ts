import { PROJECT_WORDS_COMMAND, spellings, type CommandSpec, type Completion, type OptionSpec } from './spec.js';

/** A fish completion script: one `complete` line per subcommand, option and argument. */
export function fishCompletion(program: CommandSpec): string {
  const name = program.name;
  const cwd = program.options.find((o) => o.long === '--cwd');
  const lines = [
    `# fish completion for ${name}: save it as ~/.config/fish/completions/${name}.fish`,
    '',
    `# Words only the project knows ($argv[1]: position-ids, position-folders, template-names), asked of`,
    `# ${name} itself, in the folder of ${cwd ? spellings(cwd).join('/') : 'the command line'} if given.`,
    `function __${ident(name)}_project`,
    '    set -l tokens (commandline -opc)',
    '    set -l dir',
    '    for i in (seq 2 (count $tokens))',
    `        contains -- $tokens[(math $i - 1)] ${cwd ? spellings(cwd).join(' ') : '--'}; and set dir -C $tokens[$i]`,
    '    end',
    `    $tokens[1] $dir ${PROJECT_WORDS_COMMAND} $argv[1] 2>/dev/null`,
    'end',
    '',
    `complete -c ${name} -f`,
  ];
  const walk = (spec: CommandSpec, path: readonly string[]): void => {
    const here = condition(path, spec.subcommands.map((s) => s.name));
    for (const option of spec.options) lines.push(`complete -c ${name} -n ${quote(here)}${optionFlags(option, name)} -d ${quote(option.description)}`);
    for (const sub of spec.subcommands) {
      lines.push(`complete -c ${name} -n ${quote(here)} -a ${quote(sub.name)} -d ${quote(sub.description)}`);
      walk(sub, [...path, sub.name]);
    }
    if (!spec.subcommands.length && path.length) lines.push(`complete -c ${name} -n ${quote(here)}${argument(spec.argument, name)}`);
  };
  walk(program, []);
  return `${lines.join('\n')}\n`;
}

/** True while the words typed so far are exactly `path`, and none of its subcommands yet. */
function condition(path: readonly string[], subcommands: readonly string[]): string {
  if (!path.length) return '__fish_use_subcommand';
  const seen = path.map((word) => `__fish_seen_subcommand_from ${word}`).join('; and ');
  return subcommands.length ? `${seen}; and not __fish_seen_subcommand_from ${subcommands.join(' ')}` : seen;
}

function optionFlags(option: OptionSpec, name: string): string {
  const names = `${option.short ? ` -s ${option.short.replace(/^-/, '')}` : ''}${option.long ? ` -l ${option.long.replace(/^--/, '')}` : ''}`;
  // -r lets fish offer files for the value, -x (exclusive) only what -a lists.
  const kind = option.value.kind;
  return `${names}${kind === 'none' ? '' : kind === 'files' ? ' -r -F' : ` -x${argument(option.value, name)}`}`;
}

function argument(completion: Completion, name: string): string {
  switch (completion.kind) {
    case 'files':
      return ' -F';
    case 'folders':
      return " -a '(__fish_complete_directories)'";
    case 'choices':
      return ` -a ${quote(completion.values.join(' '))}`;
    case 'project':
      return ` -a ${quote(`(__${ident(name)}_project ${completion.words})`)}${completion.files ? ' -F' : ''}`;
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
