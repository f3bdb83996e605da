import type { ChalkInstance } from 'chalk';
import { formatAnnotation, inGitHubActions } from './annotations.js';
import type { Diagnostic } from './diagnostic.js';
import { formatDiagnostic } from './human.js';
import { formatJsonReport } from './json.js';

/** How `check` prints its findings. */
export type MessageFormat = 'human' | 'json';

/** Where the reporter's lines go; the CLI owns the streams. */
export interface ReportedLines {
  /** The report itself: human lines, or one JSON document. */
  report: string[];
  /** GitHub workflow commands, printed besides the report when running in GitHub Actions. */
  annotations: string[];
}

/** What the reporter needs to know beyond the problems themselves. */
export interface ReporterOptions {
  format: MessageFormat;
  chalk: ChalkInstance;
  env: Readonly<Record<string, string | undefined>>;
  /** Project-relative path → path relative to the repository checkout (undefined: not a file there). */
  workspacePath: (file: string) => string | undefined;
}

/**
 * Turns problems into the lines every command prints, so `build` and `check` report
 * alike: `path:line:col  severity  message  rule-id` for people, a JSON document for
 * machines, and GitHub annotations when GITHUB_ACTIONS=true.
 */
export function reportProblems(
  result: { diagnostics: readonly Diagnostic[]; exitCode: number; checked?: Record<string, string | string[]> },
  options: ReporterOptions,
): ReportedLines {
  const report =
    options.format === 'json'
      ? [formatJsonReport(result)]
      : result.diagnostics.map((d) => formatDiagnostic(d, options.chalk));
  const annotations = inGitHubActions(options.env) ? result.diagnostics.map((d) => formatAnnotation(d, options.workspacePath)) : [];
  return { report, annotations };
}
