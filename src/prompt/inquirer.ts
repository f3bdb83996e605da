import { UsageError } from '../diagnostics/errors.js';
import { isCapableTerminal } from '../diagnostics/terminal.js';
import { BRACKETED_PASTE, linePrompt } from './line-prompt.js';
import { codeCheckbox } from './code-checkbox.js';
import { codeSelect } from './code-select.js';
import type { CheckboxQuestion, Prompter, SelectQuestion } from './prompter.js';

/** Where the prompts read keys and write: the terminal, unless a test gives streams of its own. */
type PromptContext = Parameters<typeof codeSelect>[1];

/** The terminal prompter, on prompts of our own made with @inquirer/core. Ctrl-C cancels with nothing written. */
export const inquirerPrompter: Prompter = promptsOn();

/** The prompter on `context` (a test's streams); the terminal without one. */
export function promptsOn(context?: PromptContext): Prompter {
  return {
    text: (question) =>
      withBracketedPaste(context?.output ?? process.stdout, () =>
        cancellable(
          linePrompt(
            {
              message: question.message,
              ...(question.default !== undefined ? { default: question.default } : {}),
              ...(question.validate ? { validate: question.validate } : {}),
            },
            context,
          ),
        ),
      ),
    // Not @inquirer/select: a code typed there that named nothing ("imz") left the cursor where it was, and Enter took that option.
    select: async <T extends string>(question: SelectQuestion<T>) => {
      const value = await cancellable(codeSelect({ message: question.message, choices: question.choices, ...(question.default !== undefined ? { default: question.default } : {}) }, context));
      const picked = question.choices.find((c) => c.value === value);
      if (picked === undefined) throw new Error(`select: \`${value}\` is none of the choices`);
      return picked.value;
    },
    // Not @inquirer/checkbox: codes typed there ("am, lm") ticked every ministry (the `a` shortcut), or the one under the cursor (the space).
    checkbox: async <T extends string>(question: CheckboxQuestion<T>) => {
      const values = await cancellable(codeCheckbox({ message: question.message, choices: question.choices, ...(question.default ? { default: question.default } : {}) }, context));
      return question.choices.filter((c) => values.includes(c.value)).map((c) => c.value);
    },
  };
}

async function cancellable<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    // Ctrl-C ends the command as it ends any other (128 + SIGINT); the input closing (Ctrl-D) is a command that could not run.
    if (error instanceof Error && error.name === 'ExitPromptError') throw new UsageError('Cancelled; nothing written.', undefined, /SIGINT/.test(error.message) ? 130 : undefined);
    throw error;
  }
}

/**
 * Runs `ask` with the terminal marking pasted text, so that a paste of several lines is one answer
 * (see {@link linePrompt}); off again however the question ends, Ctrl-C too. Not on a dumb terminal,
 * nor on a stream that is no terminal (a test's), which would print the sequence as text.
 */
async function withBracketedPaste<T>(output: NodeJS.WritableStream, ask: () => Promise<T>): Promise<T> {
  const terminal = isCapableTerminal('isTTY' in output && output.isTTY === true, process.env);
  if (terminal) output.write(BRACKETED_PASTE.on);
  try {
    return await ask();
  } finally {
    if (terminal) output.write(BRACKETED_PASTE.off);
  }
}
