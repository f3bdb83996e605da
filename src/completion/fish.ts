import type { CommandSpec, Completion, OptionSpec } from './spec.js';

/** A fish completion script: one `complete` line per subcommand, option and argument. */
export function fishCompletion(program: CommandSpec): string {
  const name = program.name;
  const lines = [`# fish completion for ${name}: save it as ~/.config/fish/completions/${name}.fish`, `complete -c ${name} -f`];
  const walk = (spec: CommandSpec, path: readonly string[]): void => {
    const here = condition(path, spec.subcommands.map((s) => s.name));
    for (const option of spec.options) lines.push(`complete -c ${name} -n ${quote(here)}${optionFlags(option)} -d ${quote(option.description)}`);
    for (const sub of spec.subcommands) {
      lines.push(`complete -c ${name} -n ${quote(here)} -a ${quote(sub.name)} -d ${quote(sub.description)}`);
      walk(sub, [...path, sub.name]);
    }
    if (!spec.subcommands.length && path.length) lines.push(`complete -c ${name} -n ${quote(here)}${argument(spec.argument)}`);
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

function optionFlags(option: OptionSpec): string {
  const names = `${option.short ? ` -s ${option.short.replace(/^-/, '')}` : ''}${option.long ? ` -l ${option.long.replace(/^--/, '')}` : ''}`;
  // -r lets fish offer files for the value, -x (exclusive) only what -a lists.
  const kind = option.value.kind;
  return `${names}${kind === 'none' ? '' : kind === 'files' ? ' -r -F' : ` -x${argument(option.value)}`}`;
}

function argument(completion: Completion): string {
  switch (completion.kind) {
    case 'files':
      return ' -F';
    case 'folders':
      return " -a '(__fish_complete_directories)'";
    case 'choices':
      return ` -a ${quote(completion.values.join(' '))}`;
    case 'text':
    case 'none':
      return '';
  }
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
