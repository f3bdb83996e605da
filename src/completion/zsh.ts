import { PROJECT_WORDS_COMMAND, spellings, type CommandSpec, type Completion, type OptionSpec } from './spec.js';

/**
 * A zsh completion script on `_arguments`: one function per command, describing its
 * options and subcommands, and dispatching to the subcommand's function.
 */
export function zshCompletion(program: CommandSpec): string {
  const functions: string[] = [];
  const top = `_${ident(program.name)}`;
  const cwd = program.options.find((o) => o.long === '--cwd');
  const define = (spec: CommandSpec, fn: string): void => {
    const options = spec.options.map((option) => optionSpec(top, option));
    if (spec.subcommands.length) {
      const names = spec.subcommands.map((s) => `'${quote(`${s.name.replace(/:/g, '\\:')}:${s.description}`)}'`);
      // The program's own function keeps the command as typed and the folder of -C, for the helpers below.
      const keep =
        fn === top
          ? `
  local ${top}_program=$words[1] ${top}_dir
  [[ $words[1] == '~/'* ]] && ${top}_program=$HOME\${words[1]#\\~}`
          : '';
      // opt_args holds the word as typed with its backslashes doubled: one (Q) undoes that, the other the
      // word's own quoting (-C my\ folder and -C "my folder" alike), which one (Q) left as `my\ folder`.
      const found = fn === top && cwd ? `
  ${top}_dir=\${(Q)\${(Q)\${opt_args[${spellings(cwd).join(']:-$opt_args[')}]}}}
  [[ $${top}_dir == '~' || $${top}_dir == '~/'* ]] && ${top}_dir=$HOME\${${top}_dir#\\~}` : '';
      functions.push(`${fn}() {
  local curcontext="$curcontext" state line
  typeset -A opt_args${keep}
  _arguments -C \\
${[...options, "'(- *)'{-h,--help}'[display help]'", "'1: :->command'", "'*:: :->args'"].map((o) => `    ${o}`).join(' \\\n')}${found}
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

# File names, from the folder of -C if given (-W takes it absolute).
${top}_files() {
  _files \${${top}_dir:+-W} \${${top}_dir:+\${${top}_dir:a}} "$@"
}

# Words only the project knows ($1: position-ids, position-folders, template-names), asked of
# ${program.name} itself; with $2 = files, file names beside them.
${top}_project() {
  local -a found
  found=(\${(f)"$(\${${top}_program:-${program.name}} \${${top}_dir:+-C} \${${top}_dir:+$${top}_dir} ${PROJECT_WORDS_COMMAND} $1 2>/dev/null)"})
  compadd -M 'm:{a-zA-Z}={A-Za-z}' -a found
  [[ $2 == files ]] && ${top}_files
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
  const takesValue = option.value.kind !== 'none';
  // As commander reads them: a short option's value also written onto it (-Cdir), a long one's after `=` (--cwd=dir).
  const written = takesValue ? names.map((name) => `${name}${name.startsWith('--') ? '=' : '+'}`) : names;
  const description = `[${escape(option.description)}]`;
  const value = takesValue ? `:${escape(option.long?.replace(/^--/, '') ?? 'value')}:${action(top, option.value)}` : '';
  if (names.length === 1) return `'${written[0]}${quote(description + value)}'`;
  return `'(${names.join(' ')})'{${written.join(',')}}'${quote(description + value)}'`;
}

/** The action of an option's value or an argument, by the helpers the script defines (`top` names them). */
function action(top: string, completion: Completion): string {
  switch (completion.kind) {
    case 'files':
      return `${top}_files`;
    case 'folders':
      return `${top}_files -/`;
    case 'choices':
      return `${top}_choices ${completion.values.join(' ')}`;
    case 'project':
      // In braces: run as written, without the compadd options _arguments puts after a command's name.
      return `{${top}_project ${completion.words}${completion.files ? ' files' : ''}}`;
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
