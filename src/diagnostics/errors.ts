/**
 * Failures that stop the tool itself (exit code 2): bad flags, a missing project,
 * an unreadable file. Problems in the user's data are diagnostics, not these.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** Optional advice printed under the message. */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
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
