import { Argument, type Command } from 'commander';
import type { Shell } from '../commands/completion.js';

/** `briefing completion <shell>`: a script read off `program` itself, so it lists every command and option. */
export function registerCompletion(program: Command): void {
  program
    .command('completion')
    .description('Print a shell completion script for bash, zsh or fish.')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      `
Examples:
  $ briefing completion bash > ~/.local/share/bash-completion/completions/briefing
  $ briefing completion zsh > "\${fpath[1]}/_briefing"
  $ briefing completion fish > ~/.config/fish/completions/briefing.fish`,
    )
    .action(async (shell: Shell) => {
      const { completion } = await import('../commands/completion.js');
      process.stdout.write(completion(program, shell));
    });
}
