import { Argument, type Command } from 'commander';
import type { Shell } from '../commands/completion.js';
import { PROJECT_WORDS, PROJECT_WORDS_COMMAND, type ProjectWords } from '../completion/spec.js';
import type { Io } from './io.js';
import { helpNotes } from './help-notes.js';

/** `briefing completion <shell>`: a script read off `program` itself, so it lists every command and option. */
export function registerCompletion(program: Command, io: Io): void {
  program
    .command('completion')
    .description('Print a shell completion script for bash, zsh or fish.')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing completion bash > ~/.local/share/bash-completion/completions/briefing
  $ briefing completion zsh > "\${fpath[1]}/_briefing"
  $ briefing completion fish > ~/.config/fish/completions/briefing.fish`),
    )
    .action(async (shell: Shell) => {
      const { completion } = await import('../commands/completion.js');
      process.stdout.write(completion(program, shell));
    });

  // What the scripts ask while completing: words only the project knows, one a line. Not for people, so not in help.
  program
    .command(PROJECT_WORDS_COMMAND, { hidden: true })
    .addArgument(new Argument('<words>').choices(PROJECT_WORDS))
    .action(async (words: ProjectWords) => {
      const { projectWordsText } = await import('../commands/completion.js');
      process.stdout.write(projectWordsText(io.cwd(), words));
    });
}
