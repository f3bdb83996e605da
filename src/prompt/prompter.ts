/**
 * Questions asked on a terminal. Commands receive a `Prompter` (or none, when standard
 * input is not a terminal) so that tests can answer in-process, and CI never waits.
 */

/** One option of a choice question. */
export interface Choice<T extends string> {
  value: T;
  /** What the user sees. */
  name: string;
}

/** A question answered with a line of text. */
export interface TextQuestion {
  message: string;
  default?: string;
  /** Returns `true`, or the sentence explaining what is wrong with the answer. */
  validate?: (answer: string) => true | string;
}

/** A question answered by picking one option. */
export interface SelectQuestion<T extends string> {
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
}

/** A question answered by ticking any number of options. */
export interface CheckboxQuestion<T extends string> {
  message: string;
  choices: readonly Choice<T>[];
  default?: readonly T[];
}

/** Asks the user; each method resolves with a valid answer. */
export interface Prompter {
  text(question: TextQuestion): Promise<string>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  checkbox<T extends string>(question: CheckboxQuestion<T>): Promise<T[]>;
}

/** The choice a value names: as written, else in any case (`am` is `AM`, as `clear -m am` takes it). */
export function choiceOf<T extends string>(choices: readonly Choice<T>[], value: string): T | undefined {
  const trimmed = value.trim();
  return (choices.find((c) => c.value === trimmed) ?? choices.find((c) => c.value.toLowerCase() === trimmed.toLowerCase()))?.value;
}
