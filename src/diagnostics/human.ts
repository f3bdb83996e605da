import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from './diagnostic.js';

/** Whether to colour output: only on a terminal, and never when NO_COLOR is set. */
export function useColour(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>, asked?: boolean): boolean {
  if (asked !== undefined) return asked;
  return Boolean(isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
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

/** A chalk instance that colours or not, as decided by {@link useColour}. */
export function paint(colour: boolean): ChalkInstance {
  return new Chalk({ level: colour ? 1 : 0 });
}

/**
 * One line per problem: `path:line:col  severity  message hint  rule-id`, the form
 * editors and CI logs turn into links.
 */
export function formatDiagnostic(d: Diagnostic, chalk: ChalkInstance): string {
  const place = `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}`;
  const severity = d.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
  const text = d.hint ? `${d.message} ${chalk.dim(d.hint)}` : d.message;
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
