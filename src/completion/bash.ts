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
  const byValue = (kind: Completion['kind']) => [...new Set(values.filter((o) => o.value.kind === kind).flatMap(spellings))];
  const choiceCases = [...new Map(values.map((o) => [spellings(o).join('|'), o])).values()].flatMap((o) => (o.value.kind === 'choices' ? [`    ${spellings(o).join('|')}) COMPREPLY=($(compgen -W "${o.value.values.join(' ')}" -- "$cur")); return ;;`] : []));
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
  case "$prev" in
${choiceCases.join('\n')}
    ${byValue('folders').join('|') || '--'}) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    ${byValue('files').join('|') || '--'}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    ${byValue('text').join('|') || '--'}) COMPREPLY=(); return ;;
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

function argKind(completion: Completion): string {
  if (completion.kind === 'choices') return `"${completion.values.join(' ')}"`;
  return completion.kind === 'files' || completion.kind === 'folders' ? 'files' : 'none';
}
