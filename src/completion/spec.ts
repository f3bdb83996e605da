import type { Command } from 'commander';

/** Words only the project knows, which a completion script asks briefing for as it completes (`briefing __complete <words>`). */
export const PROJECT_WORDS = ['position-ids', 'position-folders', 'template-names'] as const;
/** One of {@link PROJECT_WORDS}: the project's position ids, the folders under its positions folder, its template names. */
export type ProjectWords = (typeof PROJECT_WORDS)[number];

/** The hidden command the scripts run for {@link ProjectWords}. */
export const PROJECT_WORDS_COMMAND = '__complete';

/** What a word on the command line may be completed with; `project` words are asked of briefing, with file names beside them when `files`. */
export type Completion =
  | { kind: 'files' }
  | { kind: 'folders' }
  | { kind: 'choices'; values: string[] }
  | { kind: 'project'; words: ProjectWords; files: boolean }
  | { kind: 'text' }
  | { kind: 'none' };

/** One option of a command, as the completion scripts need it. */
export interface OptionSpec {
  short?: string;
  long?: string;
  description: string;
  /** What follows the option; `none` for a switch. */
  value: Completion;
}

/** A command and what may follow it. */
export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  subcommands: CommandSpec[];
  /** What its arguments are completed with. */
  argument: Completion;
}

/** Values known only when the script is written (the built-in ministry codes), by name. */
export type OfferedSource = 'ministry-codes';

/**
 * Values a shell may offer for an option or argument that commander leaves free (a list of
 * formats, a ministry code of a registry a project may extend): offered, never enforced.
 */
const offered = new WeakMap<object, readonly string[] | OfferedSource>();

/** Words of the project to offer for an option or argument (and whether file names too), asked for while completing. */
const fromProject = new WeakMap<object, { words: ProjectWords; files: boolean }>();

/** Marks `target` (a commander Option or Argument) with the values to offer; returns it. */
export function offer<T extends object>(target: T, values: readonly string[] | OfferedSource): T {
  offered.set(target, values);
  return target;
}

/** Marks `target` with words only the project knows (`clear <position>`: its ids, beside file names); returns it. */
export function offerFromProject<T extends object>(target: T, words: ProjectWords, options: { files: boolean }): T {
  fromProject.set(target, { words, files: options.files });
  return target;
}

/** The values offered for `target`, with the named sources looked up through `sources`. */
function offeredFor(target: object, sources: Record<OfferedSource, () => readonly string[]>): Completion | undefined {
  const project = fromProject.get(target);
  if (project) return { kind: 'project', ...project };
  const values = offered.get(target);
  if (values === undefined) return undefined;
  return { kind: 'choices', values: [...(typeof values === 'string' ? sources[values]() : values)] };
}

/** Arguments that name files; the others (a date, an id) are typed. */
const FILE_ARGUMENTS = new Set(['meetings', 'meeting', 'position', 'file', 'files', 'paths', 'docx']);

/** The option's value placeholder says what it is: a file (`<file>`, diff's `--since <manifest>`), `<dir>`, or free text. */
function valueOf(flags: string): Completion {
  const placeholder = flags.split(' ').pop() ?? '';
  if (placeholder === '<file>' || placeholder === '<manifest>') return { kind: 'files' };
  if (placeholder === '<dir>' || placeholder === '<folder>') return { kind: 'folders' };
  return { kind: 'text' };
}

/**
 * Reads the commands, options and arguments off the commander program, so that the
 * completion scripts cannot drift from the real command line.
 */
export function commandSpec(command: Command, sources: Record<OfferedSource, () => readonly string[]>): CommandSpec {
  const argument = command.registeredArguments[0];
  const visible = command.createHelp().visibleCommands(command);
  const named = visible.filter((c) => c.name() !== 'help');
  return {
    name: command.name(),
    description: firstSentence(command.description()),
    options: [...command.options]
      .filter((o) => !o.hidden)
      .map((o) => ({
        ...(o.short ? { short: o.short } : {}),
        ...(o.long ? { long: o.long } : {}),
        description: firstSentence(o.description),
        value: !o.required && !o.optional ? { kind: 'none' } : o.argChoices ? { kind: 'choices', values: [...o.argChoices] } : (offeredFor(o, sources) ?? valueOf(o.flags)),
      })),
    // Help lists the commands a person types; the hidden one the scripts run is left out, as from help.
    // The program's `help <command>` offers its commands (a subcommand's own help command is left out: --help serves).
    subcommands: [...named.map((c) => commandSpec(c, sources)), ...(command.parent === null && named.length < visible.length ? [helpSpec(named)] : [])],
    argument: !argument
      ? { kind: 'none' }
      : argument.argChoices
        ? { kind: 'choices', values: [...argument.argChoices] }
        : (offeredFor(argument, sources) ?? (FILE_ARGUMENTS.has(argument.name())
          ? { kind: 'files' }
          : argument.name() === 'folder'
            ? { kind: 'folders' }
            : { kind: 'text' })),
  };
}

/** `help <command>`, commander's help command, as a command whose argument is one of `commands`. */
function helpSpec(commands: readonly Command[]): CommandSpec {
  return { name: 'help', description: 'display help for command', options: [], subcommands: [], argument: { kind: 'choices', values: commands.map((c) => c.name()) } };
}

/** Every option that takes a value, anywhere in the tree: a completer must skip the value. */
export function valueOptions(spec: CommandSpec): OptionSpec[] {
  return [...spec.options.filter((o) => o.value.kind !== 'none'), ...spec.subcommands.flatMap(valueOptions)];
}

/** The option's spellings: `-o`, `--out`. */
export function spellings(option: OptionSpec): string[] {
  return [option.short, option.long].filter((s): s is string => s !== undefined);
}

function firstSentence(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.replace(/\.$/, '');
}
