import { checkbox, input, select } from '@inquirer/prompts';
import { UsageError } from '../diagnostics/errors.js';
import type { Prompter } from './prompter.js';

/** The terminal prompter, on @inquirer/prompts. Ctrl-C cancels with nothing written. */
export const inquirerPrompter: Prompter = {
  text: (question) =>
    cancellable(
      input({
        message: question.message,
        ...(question.default !== undefined ? { default: question.default } : {}),
        ...(question.validate ? { validate: question.validate } : {}),
      }),
    ),
  select: (question) =>
    cancellable(
      select({
        message: question.message,
        choices: question.choices.map((c) => ({ value: c.value, name: c.name })),
        ...(question.default !== undefined ? { default: question.default } : {}),
      }),
    ),
  checkbox: (question) =>
    cancellable(
      checkbox({
        message: question.message,
        choices: question.choices.map((c) => ({ value: c.value, name: c.name, checked: question.default?.includes(c.value) ?? false })),
      }),
    ),
};

async function cancellable<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new UsageError('Cancelled; nothing written.');
    throw error;
  }
}
