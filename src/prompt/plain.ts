import { createInterface, type Interface } from 'node:readline';
import { UsageError } from '../diagnostics/errors.js';
import { choiceOf, type Choice, type Prompter } from './prompter.js';

/**
 * Questions as lines of plain text, for a terminal that says `TERM=dumb` (Emacs' `M-x shell`, some
 * IDE consoles): the arrow-key lists of {@link inquirerPrompter} redraw themselves with control
 * sequences, which such a terminal prints as text, so a choice was a screen of `^[[2K^[[1A`. Here a
 * choice is a numbered list, answered by its number or its value (`IZM`), several of them with
 * commas; Enter alone takes the default, and `-` gives none where an answer may be empty. The input closing (Ctrl-D) cancels with nothing written, as Ctrl-C does.
 */
export function plainPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompter {
  const lines = lineReader(input, output);
  const ask = async (prompt: string) => {
    // Listening first (for the line, and for Ctrl-C), then the question: a Ctrl-C pressed as it appears is heard.
    const answer = lines();
    output.write(prompt);
    return answer;
  };
  return {
    async text(question) {
      // An answer that may be empty, offered a default: Enter takes the default, so a dash says none (the other prompter's Backspace).
      const noneAllowed = Boolean(question.default) && (question.validate?.('') ?? true) === true;
      const offered = question.default ? ` (${question.default}${noneAllowed ? '; - for none' : ''})` : '';
      for (;;) {
        const typed = await ask(`? ${question.message}${offered}: `);
        const answer = typed.trim() === '' ? (question.default ?? '') : noneAllowed && typed.trim() === '-' ? '' : typed;
        const verdict = question.validate ? question.validate(answer) : true;
        if (verdict === true) return answer;
        output.write(`  ${verdict}\n`);
      }
    },
    async select(question) {
      output.write(`? ${question.message}\n${numbered(question.choices, question.default === undefined ? [] : [question.default])}`);
      for (;;) {
        const typed = (await ask(`  Number or value${question.default === undefined ? '' : ` (${question.default})`}: `)).trim();
        if (typed === '' && question.default !== undefined) return question.default;
        const [picked, ...more] = picks(question.choices, typed) ?? [];
        if (picked !== undefined && !more.length) return picked;
        output.write(`  Type one number from 1 to ${question.choices.length}, or one of the values listed.\n`);
      }
    },
    async checkbox(question) {
      const ticked = question.default ?? [];
      output.write(`? ${question.message}\n${numbered(question.choices, ticked)}`);
      for (;;) {
        const typed = (await ask(`  Numbers or values, separated by commas; - for none${ticked.length ? ` (${ticked.join(', ')})` : ''}: `)).trim();
        if (typed === '') return [...ticked];
        if (typed === '-') return [];
        const picked = picks(question.choices, typed);
        if (picked !== undefined) return [...new Set(picked)];
        output.write(`  Type numbers from 1 to ${question.choices.length} or values listed, e.g. 1, 3 or ${question.choices.slice(0, 2).map((c) => c.value).join(', ')}.\n`);
      }
    },
  };
}

/** The choices one to a line, numbered from 1, those in `marked` (the defaults) with a `*`. */
function numbered(choices: readonly Choice<string>[], marked: readonly string[]): string {
  const width = String(choices.length).length;
  return choices.map((choice, n) => `${marked.includes(choice.value) ? '*' : ' '} ${String(n + 1).padStart(width)}) ${choice.name}\n`).join('');
}

/** The choices an answer names, by number or value (any case), separated by commas or spaces; undefined when one is neither. */
export function picks<T extends string>(choices: readonly Choice<T>[], typed: string): T[] | undefined {
  const words = typed.split(/[\s,;]+/).filter(Boolean);
  const found = words.map((word) => (/^\d+$/.test(word) ? choices[Number(word) - 1]?.value : choiceOf(choices, word)));
  return words.length && found.every((value) => value !== undefined) ? found.filter((value) => value !== undefined) : undefined;
}

/**
 * The lines of `input`, one per call, as they are typed (or piped: several may come at once). Between
 * questions the input is paused, so a command does not wait for more after its last answer. Ctrl-C
 * while a question waits cancels as the other prompter does, saying so (exit 130): the terminal
 * turned it into SIGINT, which ended the command with `^C` and not a word.
 */
function lineReader(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): () => Promise<string> {
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  const ready: string[] = [];
  let closed = false;
  let reader: Interface | undefined;
  const cancelled = (exitCode?: number) => new UsageError('Cancelled; nothing written.', undefined, exitCode);
  const interrupted = () => {
    // The terminal echoed `^C` where the answer was being typed: the message goes on a line of its own.
    output.write('\n');
    for (const next of waiting.splice(0)) next.reject(cancelled(130));
    reader?.close();
  };
  return () => {
    const line = ready.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (closed) return Promise.reject(cancelled());
    reader ??= createInterface({ input, terminal: false, crlfDelay: Infinity })
      .on('line', (text) => {
        const next = waiting.shift();
        if (next) next.resolve(text);
        else ready.push(text);
        if (!waiting.length) {
          reader?.pause();
          process.off('SIGINT', interrupted);
        }
      })
      .on('close', () => {
        closed = true;
        process.off('SIGINT', interrupted);
        // Ctrl-D where an answer was awaited: the question's line ends, as at Ctrl-C, so the message is not read as part of it.
        if (waiting.length) output.write('\n');
        for (const next of waiting.splice(0)) next.reject(cancelled());
      });
    reader.resume();
    if (!waiting.length) process.once('SIGINT', interrupted);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
}
