import { Help, type AddHelpTextContext } from 'commander';

/**
 * The text after a command's options (examples, notes, exit codes), wrapped as Commander wraps the
 * options above it: to the terminal's width, or 80 columns into a pipe or a file. Each line of
 * `text` is a paragraph; an indented line (an example to copy, its continuation) is kept whole.
 */
export function helpNotes(text: string): (context: AddHelpTextContext) => string {
  return ({ error }) => {
    const stream = error ? process.stderr : process.stdout;
    const width = stream.isTTY && stream.columns ? stream.columns : 80;
    const help = new Help();
    return text
      .split('\n')
      .map((line) => (/^\s/.test(line) ? line : help.boxWrap(line, width)))
      .join('\n');
  };
}
