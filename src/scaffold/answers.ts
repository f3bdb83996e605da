import type * as z from 'zod';
import { choiceOf, type Choice, type Prompter } from '../prompt/prompter.js';
import type { Ministries } from '../model/index.js';
import { existsOn, nameOn } from '../model/ministries.js';
import { UsageError } from '../diagnostics/errors.js';
import { suggest } from '../util/suggest.js';
import { typedTextProblem } from '../load/characters.js';
import { signatory } from '../model/common.js';

/**
 * The registry's ministries as prompt choices: `AM – Ārlietu ministrija`. Given a meeting's date,
 * only those that exist on it (see `established`), each named as it was called then.
 */
export function ministryChoices(ministries: Ministries, date?: string): Choice<string>[] {
  return Object.entries(ministries).flatMap(([code, m]) =>
    date !== undefined && !existsOn(m, date) ? [] : [{ value: code, name: `${code} – ${date === undefined ? m.nominative : nameOn(m, date).nominative}` }],
  );
}

/** How one field of a new file is filled: from its flag, by asking, or from a default. */
export interface FieldSource<T> {
  /** The flag that sets it, e.g. `--topic`: named when it is missing. */
  flag: string;
  /** What the flag gave, if anything. */
  given: T | undefined;
  message: string;
  default?: T | undefined;
  /** Why nothing is offered where a user would expect a default: said with the question, and with the flag where it is missing. */
  noDefaultBecause?: string | undefined;
  /** Writes a value typed another usual way as the file wants it (`9:00` → `9.00`), before it is checked. */
  normalise?: (value: string) => string;
}

/**
 * Collects the fields of a new file. A flag always wins; on a terminal the user is asked
 * (the default pre-filled); otherwise the default is taken, and a field with neither is
 * remembered as missing, so that one error can name every flag to add.
 */
export class Answers {
  private readonly missing: string[] = [];
  private readonly prompter: Prompter | undefined;

  constructor(prompter: Prompter | undefined) {
    this.prompter = prompter;
  }

  /** A line of text, checked against `schema` whether it came from a flag or an answer. */
  async text(field: FieldSource<string>, schema: z.ZodType, optional = false): Promise<string | undefined> {
    const normalise = field.normalise ?? ((value: string) => value);
    const problem = (value: string): true | string => {
      if (value === '') return optional ? true : 'an answer is needed';
      return typedTextProblem(normalise(value), schema) ?? true;
    };
    // An optional field's flag given empty (`--place ''`) says "none", as an empty answer does.
    if (field.given !== undefined) return normalise(this.checked(field.flag, field.given, problem)) || undefined;
    if (this.prompter) {
      const message = field.noDefaultBecause === undefined ? field.message : `${field.message} — ${field.noDefaultBecause}`;
      const answer = await this.prompter.text({
        message: optional ? `${message} (optional)` : message,
        ...(field.default !== undefined ? { default: field.default } : {}),
        validate: (value) => problem(value.trim()),
      });
      const trimmed = normalise(composed(answer));
      return trimmed === '' && optional ? undefined : trimmed;
    }
    if (field.default !== undefined || optional) return field.default;
    this.missing.push(field.noDefaultBecause === undefined ? field.flag : `${field.flag} (${field.noDefaultBecause})`);
    return undefined;
  }

  /** One option out of `choices`. */
  async select<T extends string>(field: FieldSource<string>, choices: readonly Choice<T>[]): Promise<T | undefined> {
    const find = (value: string | undefined) => choices.find((c) => c.value === value)?.value;
    if (field.given !== undefined) {
      const found = choiceOf(choices, field.given);
      if (found === undefined) {
        const values = choices.map((c) => c.value);
        const nearest = suggest(field.given, values);
        throw new UsageError(`${field.flag}: \`${field.given}\` is not one of ${values.join(', ')}.`, nearest === undefined ? undefined : `Did you mean ${nearest}?`);
      }
      return found;
    }
    const fallback = find(field.default);
    if (this.prompter) return this.prompter.select({ message: field.message, choices, ...(fallback !== undefined ? { default: fallback } : {}) });
    if (fallback !== undefined) return fallback;
    this.missing.push(field.flag);
    return undefined;
  }

  /** Any number of options out of `choices` (given as a comma-separated flag). */
  async checkbox<T extends string>(field: FieldSource<readonly string[]>, choices: readonly Choice<T>[]): Promise<T[]> {
    const given = field.given;
    if (given !== undefined) {
      const found = given.map((value) => {
        const choice = choiceOf(choices, value);
        if (choice === undefined) {
          // `AM LM` or `AM;LM`: codes, but not separated as the flag takes them.
          const codes = value.trim().split(/[\s;]+/);
          const separated = codes.length > 1 && codes.every((code) => choiceOf(choices, code) !== undefined);
          const nearest = separated ? undefined : suggest(value.trim(), choices.map((c) => c.value));
          throw new UsageError(
            `${field.flag}: \`${value}\` is not one of ${choices.map((c) => c.value).join(', ')}.`,
            separated ? `Separate them with commas: ${field.flag} ${given.join(',').split(/[\s;]+/).join(',')}` : nearest === undefined ? undefined : `Did you mean ${nearest}?`,
          );
        }
        return choice;
      });
      const twice = found.find((value, index) => found.indexOf(value) !== index);
      if (twice !== undefined) throw new UsageError(`${field.flag}: \`${twice}\` is named twice; nothing written.`, 'Name each once.');
      return found;
    }
    const fallback = choices.filter((c) => field.default?.includes(c.value)).map((c) => c.value);
    if (this.prompter) return this.prompter.checkbox({ message: field.message, choices, default: fallback });
    return fallback;
  }

  /** Throws one usage error naming every flag that was needed and not given. */
  assertComplete(command: string): void {
    if (!this.missing.length) return;
    throw new UsageError(
      `Missing ${this.missing.join(', ')}: standard input is not a terminal, so ${command} cannot ask for ${this.missing.length === 1 ? 'it' : 'them'}.`,
      `Give ${this.missing.length === 1 ? 'the flag' : 'these flags'}, or run the command in a terminal to be asked. See \`briefing ${command} --help\`.`,
    );
  }

  private checked(flag: string, value: string, problem: (value: string) => true | string): string {
    const result = problem(value.trim());
    if (result !== true) throw new UsageError(`${flag}: ${result} (got \`${value}\`).`);
    return composed(value);
  }
}

/**
 * Fills a new file once from its flags alone, before `prompter` asks anything: a flag's problem (a
 * taken `--file-code`, an unknown ministry code) stops the command before the first question. It was
 * said only where its field came, after the answers typed before it, which were lost. What is
 * missing is left for the questions, which follow; without a prompter there is nothing to do first.
 */
export async function checkFlagsBeforeAsking(prompter: Prompter | undefined, fill: (answers: Answers) => Promise<unknown>): Promise<void> {
  if (prompter) await fill(new Answers(undefined));
}

/**
 * A typed or pasted text as the file gets it: trimmed, its letters composed (NFC). Text copied
 * from a PDF, or on macOS, may write "ā" as "a" and a combining macron; the file would then
 * hold two forms of the same letters, which look alike in an editor but not to a search.
 */
export function composed(text: string): string {
  return text.trim().normalize('NFC');
}

/** Who signs or endorses a report. */
type Signatory = z.output<typeof signatory>;

/** One signatory's flags (`--signature-role`, `--signature-name`, or the visa's), questions and offered answer. */
export interface SignatoryField {
  kind: 'signature' | 'visa';
  role: string | undefined;
  name: string | undefined;
  questions: { role: string; name: string };
  fallback?: Signatory | undefined;
}

/**
 * Who signs (or endorses) the reports: role and name, both or neither. Left without a role,
 * there is none; once either is given, the other is needed, asked for on a terminal, else an
 * error naming its flag. A role given alone was dropped without a word before, as was a name;
 * and a role other than the config's was paired with the config's name, another person's.
 */
export async function askSignatory(answers: Answers, field: SignatoryField): Promise<Signatory | undefined> {
  const [roleFlag, nameFlag] = [`--${field.kind}-role`, `--${field.kind}-name`];
  const role = await answers.text(
    { flag: roleFlag, given: field.role, message: field.questions.role, default: field.fallback?.role, noDefaultBecause: field.name === undefined ? undefined : `${nameFlag} is given` },
    signatory.shape.role,
    field.name === undefined,
  );
  if (role === undefined) return undefined;
  // Another role than the config's is another person's (a deputy, "p.i."): the config's name is not offered for it.
  const otherRole = field.role !== undefined && field.role !== field.fallback?.role;
  const name = await answers.text(
    { flag: nameFlag, given: field.name, message: field.questions.name, default: otherRole ? undefined : field.fallback?.name, noDefaultBecause: field.role === undefined ? undefined : `${roleFlag} is given` },
    signatory.shape.name,
  );
  return name === undefined ? undefined : { role, name };
}
