import type { Command } from 'commander';
import { bashCompletion } from '../completion/bash.js';
import { fishCompletion } from '../completion/fish.js';
import { projectWords } from '../completion/project-words.js';
import { commandSpec, type ProjectWords } from '../completion/spec.js';
import { zshCompletion } from '../completion/zsh.js';
import { builtInMinistryCodes } from '../load/ministries-registry.js';

/** The shells `briefing completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
/** One of {@link SHELLS}. */
export type Shell = (typeof SHELLS)[number];

/** The completion script for `shell`, read off the program's own commands and options. */
export function completion(program: Command, shell: Shell): string {
  const spec = commandSpec(program, { 'ministry-codes': builtInMinistryCodes });
  if (shell === 'bash') return bashCompletion(spec);
  if (shell === 'zsh') return zshCompletion(spec);
  return fishCompletion(spec);
}

/**
 * The words of the project a shell offers while completing, one a line (`briefing __complete
 * position-ids`). Outside a project, or where it cannot be read, none: a completion says nothing.
 */
export function projectWordsText(cwd: string, words: ProjectWords): string {
  try {
    return projectWords(cwd, words).map((word) => `${word}\n`).join('');
  } catch {
    return '';
  }
}
