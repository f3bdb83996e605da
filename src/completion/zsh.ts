import { spellings, type CommandSpec, type Completion, type OptionSpec } from './spec.js';

/**
 * A zsh completion script on `_arguments`: one function per command, describing its
 * options and subcommands, and dispatching to the subcommand's function.
 */
export function zshCompletion(program: CommandSpec): string {
  const functions: string[] = [];
  const top = `_${ident(program.name)}`;
  const define = (spec: CommandSpec, fn: string): void => {
    const options = spec.options.map((option) => optionSpec(top, option));
    if (spec.subcommands.length) {
      const names = spec.subcommands.map((s) => `'${quote(`${s.name.replace(/:/g, '\\:')}:${s.description}`)}'`);
      functions.push(`${fn}() {
  local curcontext="$curcontext" state line
  typeset -A opt_args
  _arguments -C \\
${[...options, "'(- *)'{-h,--help}'[display help]'", "'1: :->command'", "'*:: :->args'"].map((o) => `    ${o}`).join(' \\\n')}
  case $state in
    command)
      local -a commands
      commands=(${names.join(' ')})
      _describe -t commands 'command' commands ;;
    args)
      case $line[1] in
${spec.subcommands.map((s) => `        ${s.name}) ${fn}_${ident(s.name)} ;;`).join('\n')}
      esac ;;
  esac
}`);
      for (const sub of spec.subcommands) define(sub, `${fn}_${ident(sub.name)}`);
    } else {
      functions.push(`${fn}() {
  _arguments \\
${[...options, "'(- *)'{-h,--help}'[display help]'", `'*: :${action(top, spec.argument)}'`].map((o) => `    ${o}`).join(' \\\n')}
}`);
    }
  };
  define(program, top);
  return `#compdef ${program.name}
# zsh completion for ${program.name}: save it as _${program.name} in a folder on $fpath,
# or load it with: source <(${program.name} completion zsh)

# Values offered in capitals or not: clear --ministry am is clear --ministry AM. (_arguments puts
# its compadd options before the values.)
${top}_choices() {
  compadd -M 'm:{a-zA-Z}={A-Za-z}' "$@"
}

${functions.join('\n\n')}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _${ident(program.name)} "$@"
else
  compdef _${ident(program.name)} ${program.name}
fi
`;
}

function optionSpec(top: string, option: OptionSpec): string {
  const names = spellings(option);
  const description = `[${escape(option.description)}]`;
  const value = option.value.kind === 'none' ? '' : `:${escape(option.long?.replace(/^--/, '') ?? 'value')}:${action(top, option.value)}`;
  if (names.length === 1) return `'${names[0]}${quote(description + value)}'`;
  return `'(${names.join(' ')})'{${names.join(',')}}'${quote(description + value)}'`;
}

/** The action of an option's value or an argument (`top` names the script's helpers). */
function action(top: string, completion: Completion): string {
  switch (completion.kind) {
    case 'files':
      return '_files';
    case 'folders':
      return '_files -/';
    case 'choices':
      return `${top}_choices ${completion.values.join(' ')}`;
    case 'text':
    case 'none':
      return ' ';
  }
}

/** Inside `[…]` and after `:`, brackets and colons would end the field. */
function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/([[\]:])/g, '\\$1');
}

/** For single-quoted shell words. */
function quote(text: string): string {
  return text.replace(/'/g, `'\\''`);
}

function ident(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}
