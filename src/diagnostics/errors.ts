/**
 * Failures that stop the tool itself (exit code 2): bad flags, a missing project,
 * an unreadable file. Problems in the user's data are diagnostics, not these.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** Optional advice printed under the message. */
  readonly hint: string | undefined;
  /** The exit code, when not {@link ExitCode.failure}: 130 for a question answered with Ctrl-C, as a command stopped by it ends. */
  readonly exitCode: number | undefined;

  constructor(message: string, hint?: string, exitCode?: number) {
    super(message);
    this.hint = hint;
    this.exitCode = exitCode;
  }
}

/** Exit codes, each with one meaning. */
export const ExitCode = {
  /** Everything built or checked cleanly (warnings allowed). */
  ok: 0,
  /** Problems in the user's data: at least one error diagnostic. */
  problems: 1,
  /** The tool could not run: bad flags, missing config, internal error. */
  failure: 2,
} as const;
