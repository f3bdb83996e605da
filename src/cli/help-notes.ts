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

/** How far a description put under its flag is indented. */
const UNDER_INDENT = 6;

/**
 * Commander's line of an option, argument or command with its description; but on a terminal too
 * narrow for a column of descriptions (Commander then gives up wrapping, and a description ran on for
 * 140 columns at COLUMNS=60), the description goes under its flag, wrapped to the terminal's width.
 */
export function formatHelpItem(term: string, termWidth: number, description: string, helper: Help): string {
  const width = helper.helpWidth ?? 80;
  // Commander's own layout: 2 columns of indent, the terms' column, 2 columns between.
  const column = width - termWidth - 4;
  if (!description || column >= helper.minWidthToWrap || helper.preformatted(description)) return Help.prototype.formatItem.call(helper, term, termWidth, description, helper);
  const indent = ' '.repeat(UNDER_INDENT);
  return `  ${term}\n${indent}${helper.boxWrap(description, width - UNDER_INDENT).replace(/\n/g, `\n${indent}`)}`;
}
