import { PROJECT_WORDS_COMMAND, spellings, valueOptions, type CommandSpec, type Completion } from './spec.js';

/**
 * A bash completion script: finds the (sub)command typed so far, skipping options and
 * their values, then offers its options, subcommands, choices, file names, or words only the
 * project knows (asked of briefing itself). Every candidate is one line, never split at its
 * spaces; the word typed is read without its quotes and backslashes, and matched in any case.
 */
export function bashCompletion(program: CommandSpec): string {
  const fn = `_${program.name}`;
  const values = valueOptions(program);
  const cases = (specs: readonly CommandSpec[], prefix: string): string[] =>
    specs.flatMap((spec) => {
      const path = prefix ? `${prefix} ${spec.name}` : spec.name;
      const words = [...spec.subcommands.map((s) => s.name), ...spec.options.flatMap(spellings), '-h', '--help'];
      return [`    "${path}") words="${words.join(' ')}"; args=(${offerWords(spec.subcommands.length ? { kind: 'none' } : spec.argument)}) ;;`, ...cases(spec.subcommands, path)];
    });
  const top = [...program.subcommands.map((s) => s.name), ...program.options.flatMap(spellings), '-h', '--help'];
  // Keyed by command and option: `check --format` and `diff --format` take different values.
  const valueCases = (specs: readonly CommandSpec[], prefix: string): string[] =>
    specs.flatMap((spec) => {
      const path = prefix ? `${prefix} ${spec.name}` : spec.name;
      const own = spec.options.filter((o) => o.value.kind !== 'none').map((o) => valueCase(fn, spellings(o).map((s) => `"${path}:${s}"`), o.value));
      return [...own, ...valueCases(spec.subcommands, path)];
    });
  const globalCases = program.options.filter((o) => o.value.kind !== 'none').map((o) => valueCase(fn, spellings(o).map((s) => `*:${s}`), o.value));
  const nested = new Set(program.subcommands.filter((s) => s.subcommands.length).map((s) => s.name));
  // The global option that runs briefing in another folder: file names and project words are read from there.
  const cwd = program.options.find((o) => o.long === '--cwd');
  const cwdSpellings = cwd ? spellings(cwd) : [];
  return `# bash completion for ${program.name}: source it, or save it as
# ~/.local/share/bash-completion/completions/${program.name}

# The word as typed, without its quotes and backslashes: the name it stands for.
${fn}_dequote() {
  local word=$1 out="" i
  case $word in
    \\'*) word=\${word#\\'}; printf '%s' "\${word%\\'}"; return ;;
    \\"*) word=\${word#\\"}; printf '%s' "\${word%\\"}"; return ;;
  esac
  for ((i = 0; i < \${#word}; i++)); do
    [[ \${word:i:1} == \\\\ ]] && ((i++))
    out+=\${word:i:1}
  done
  printf '%s' "$out"
}

# Adds each line read that starts with $1, in capitals or not, to COMPREPLY: one candidate a line,
# spaces and all. (clear --ministry am is clear --ministry AM.)
${fn}_matching() {
  local line restore
  restore=$(shopt -p nocasematch)
  shopt -s nocasematch
  while IFS= read -r line; do
    [[ -n $line && $line == "$1"* ]] && COMPREPLY+=("$line")
  done
  $restore
}

# Offers the candidates of one kind for the word typed ($cur), from the folder of -C ($dir) if given.
${fn}_offer() {
  case $1 in
    words) ${fn}_matching "$cur" < <(printf '%s\\n' $2) ;;
    files | folders)
      local only=-f i
      [[ $1 == folders ]] && only=-d
      ${fn}_matching "$cur" < <(cd -- "\${dir:-.}" 2>/dev/null && compgen $only -- "$cur")
      if [[ -n $dir ]]; then
        # readline tells folders by the current folder: under -C they are marked here.
        for ((i = 0; i < \${#COMPREPLY[@]}; i++)); do
          [[ -d $dir/\${COMPREPLY[i]} ]] && COMPREPLY[i]+=/
        done
        [[ \${#COMPREPLY[@]} == 1 && \${COMPREPLY[0]} == */ ]] && compopt -o nospace 2>/dev/null
      fi ;;
    project)
      ${fn}_matching "$cur" < <("$program" \${dir:+${cwdSpellings[0] ?? '--cwd'} "$dir"} ${PROJECT_WORDS_COMMAND} "$2" 2>/dev/null)
      [[ \${3-} == files ]] && ${fn}_offer files ;;
  esac
}

${fn}() {
  local cur prev path="" dir="" program word skip="" i words args
  cur=$(${fn}_dequote "\${COMP_WORDS[COMP_CWORD]}")
  prev=\${COMP_WORDS[COMP_CWORD-1]}
  # --status=d: bash makes the \`=\` a word of its own (the one completed while nothing follows it); the option is the word before it.
  if [[ $cur == = ]]; then cur=""
  elif [[ $prev == = && \${COMP_WORDS[COMP_CWORD-2]} == -* ]]; then prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  program=\${COMP_WORDS[0]}
  [[ $program == "~/"* ]] && program=$HOME\${program:1}
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if [[ -n $skip ]]; then
      [[ $word == = ]] && continue
      case "$skip" in
        ${cwdSpellings.join('|') || '--'}) dir=$(${fn}_dequote "$word") ;;
      esac
      skip=""
      continue
    fi
    case "$word" in
      ${[...new Set(values.flatMap(spellings))].join('|') || '--'}) skip=$word ;;${cwd?.short ? `
      ${cwd.short}?*) dir=$(${fn}_dequote "\${word#${cwd.short}}") ;;` : ''}
      -*) ;;
      *)
        if [[ -z $path ]]; then path=$word
        elif [[ ${[...nested].map((n) => `$path == "${n}"`).join(' || ') || 'false'} ]]; then path="$path $word"
        else break
        fi ;;
    esac
  done
  [[ $dir == "~" || $dir == "~/"* ]] && dir=$HOME\${dir:1}
  case "$path:$prev" in
${[...valueCases(program.subcommands, ''), ...globalCases].join('\n')}
  esac
  case "$path" in
    "") words="${top.join(' ')}"; args=(none) ;;
${cases(program.subcommands, '').join('\n')}
    *) words=""; args=(files) ;;
  esac
  if [[ $cur == -* || \${args[0]} == none ]]; then
    ${fn}_offer words "$words"
  else
    ${fn}_offer "\${args[@]}"
  fi
}
complete -o filenames -F ${fn} ${program.name}
`;
}

/** One line of the value case: what the word after this option is completed with (by the script's `<fn>_offer`). */
function valueCase(fn: string, patterns: readonly string[], value: Completion): string {
  const offered = offerWords(value);
  return `    ${patterns.join('|')}) ${offered === 'none' ? '' : `${fn}_offer ${offered}; `}return ;;`;
}

/** The arguments of `_briefing_offer` for a completion, or `none`. */
function offerWords(completion: Completion): string {
  switch (completion.kind) {
    case 'choices':
      return `words "${completion.values.join(' ')}"`;
    case 'files':
      return 'files';
    case 'folders':
      return 'folders';
    case 'project':
      return `project ${completion.words}${completion.files ? ' files' : ''}`;
    case 'text':
    case 'none':
      return 'none';
  }
}
