import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from './diagnostic.js';
import { isCapableTerminal } from './terminal.js';

/**
 * Whether to colour output: as `--color`/`--no-color` asks; never when NO_COLOR is set to anything but
 * the empty string (no-color.org: an empty NO_COLOR is as if unset, so a script that clears it with
 * `NO_COLOR=` keeps the colours); as FORCE_COLOR says when it is set (`0` or `false` none, any other
 * value colours, piped too: the variable Node.js, chalk and most CI setups use, which was ignored, so
 * FORCE_COLOR=0 still coloured a terminal); else only on a terminal that is not TERM=dumb.
 */
export function useColour(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>, asked?: boolean): boolean {
  if (asked !== undefined) return asked;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.trim().toLowerCase());
  return isCapableTerminal(isTTY, env);
}

/**
 * What the command line asks of colours, read before commander parses it (the streams are set up
 * first): the last of `--color` and `--no-color` before a `--`, else undefined (decided by the terminal).
 */
export function colourAsked(argv: readonly string[]): boolean | undefined {
  let asked: boolean | undefined;
  for (const arg of argv) {
    if (arg === '--') break;
    if (arg === '--color') asked = true;
    else if (arg === '--no-color') asked = false;
  }
  return asked;
}

/**
 * Text for one line of output: line breaks and other control characters, which a message can
 * quote from a file, shown as escapes (`\n`). A line break in a value would otherwise start a line
 * of its own, and in a CI log a line that starts with `::` is a command to the runner (GitHub's
 * `::error`, `::add-mask::`, `::stop-commands::`): a file must not be able to write one.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/g, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A chalk instance that colours or not, as decided by {@link useColour}. */
export function paint(colour: boolean): ChalkInstance {
  return new Chalk({ level: colour ? 1 : 0 });
}

/**
 * One line per problem: `path:line:col  severity  message hint  rule-id`, the form
 * editors and CI logs turn into links.
 */
export function formatDiagnostic(d: Diagnostic, chalk: ChalkInstance): string {
  const place = `${oneLine(d.file)}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}`;
  const severity = d.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
  const text = d.hint ? `${oneLine(d.message)} ${chalk.dim(oneLine(d.hint))}` : oneLine(d.message);
  return `${chalk.bold(place)}  ${severity}  ${text}  ${chalk.dim(d.ruleId)}`;
}

/** "2 errors, 1 warning" — or "no problems". */
export function countProblems(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [];
  if (errors) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.length ? parts.join(', ') : 'no problems';
}
