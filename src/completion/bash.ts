import { spellings, valueOptions, type CommandSpec, type Completion } from './spec.js';

/**
 * A bash completion script: finds the (sub)command typed so far, skipping options and
 * their values, then offers its options, subcommands, choices or file names.
 */
export function bashCompletion(program: CommandSpec): string {
  const fn = `_${program.name}`;
  const values = valueOptions(program);
  const cases = (specs: readonly CommandSpec[], prefix: string): string[] =>
    specs.flatMap((spec) => {
      const path = prefix ? `${prefix} ${spec.name}` : spec.name;
      const words = [...spec.subcommands.map((s) => s.name), ...spec.options.flatMap(spellings), '-h', '--help'];
      return [`    "${path}") words="${words.join(' ')}"; args=${argKind(spec.subcommands.length ? { kind: 'none' } : spec.argument)} ;;`, ...cases(spec.subcommands, path)];
    });
  const top = [...program.subcommands.map((s) => s.name), ...program.options.flatMap(spellings), '-h', '--help'];
  // Keyed by command and option: `check --format` and `diff --format` take different values.
  const valueCases = (specs: readonly CommandSpec[], prefix: string): string[] =>
    specs.flatMap((spec) => {
      const path = prefix ? `${prefix} ${spec.name}` : spec.name;
      const own = spec.options.filter((o) => o.value.kind !== 'none').map((o) => valueCase(spellings(o).map((s) => `"${path}:${s}"`), o.value));
      return [...own, ...valueCases(spec.subcommands, path)];
    });
  const globalCases = program.options.filter((o) => o.value.kind !== 'none').map((o) => valueCase(spellings(o).map((s) => `*:${s}`), o.value));
  const nested = new Set(program.subcommands.filter((s) => s.subcommands.length).map((s) => s.name));
  return `# bash completion for ${program.name}: source it, or save it as
# ~/.local/share/bash-completion/completions/${program.name}
${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local path="" word skip=0 i words args
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if ((skip)); then skip=0; continue; fi
    case "$word" in
      ${[...new Set(values.flatMap(spellings))].join('|') || '--'}) skip=1 ;;
      -*) ;;
      *)
        if [[ -z $path ]]; then path=$word
        elif [[ ${[...nested].map((n) => `$path == "${n}"`).join(' || ') || 'false'} ]]; then path="$path $word"
        else break
        fi ;;
    esac
  done
  case "$path:$prev" in
${[...valueCases(program.subcommands, ''), ...globalCases].join('\n')}
  esac
  case "$path" in
    "") words="${top.join(' ')}"; args=none ;;
${cases(program.subcommands, '').join('\n')}
    *) words=""; args=files ;;
  esac
  if [[ $cur == -* || $args == none ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  elif [[ $args == files ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$args" -- "$cur"))
  fi
}
complete -o filenames -F ${fn} ${program.name}
`;
}

/** One line of the value case: what the word after this option is completed with. */
function valueCase(patterns: readonly string[], value: Completion): string {
  const pattern = patterns.join('|');
  switch (value.kind) {
    case 'choices':
      return `    ${pattern}) COMPREPLY=($(compgen -W "${value.values.join(' ')}" -- "$cur")); return ;;`;
    case 'folders':
      return `    ${pattern}) COMPREPLY=($(compgen -d -- "$cur")); return ;;`;
    case 'files':
      return `    ${pattern}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`;
    default:
      return `    ${pattern}) COMPREPLY=(); return ;;`;
  }
}

function argKind(completion: Completion): string {
  if (completion.kind === 'choices') return `"${completion.values.join(' ')}"`;
  return completion.kind === 'files' || completion.kind === 'folders' ? 'files' : 'none';
}
