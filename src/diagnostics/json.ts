import type { Diagnostic } from './diagnostic.js';

/** Version of the JSON report's shape; raised only when a field changes meaning or goes away. */
export const JSON_REPORT_VERSION = 1;

/** One problem in the JSON report: every field present, `null` when unknown. */
export interface JsonDiagnostic {
  file: string;
  line: number | null;
  column: number | null;
  severity: Diagnostic['severity'];
  ruleId: string;
  message: string;
  hint: string | null;
}

/** The JSON report printed by `briefing check --format json` (documented in docs/json-report.md). */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  /** False when any error was found. */
  ok: boolean;
  exitCode: number;
  summary: { errors: number; warnings: number };
  /** Project-relative paths of the files looked at, when the command reports them. */
  checked: Record<string, string | string[]> | null;
  diagnostics: JsonDiagnostic[];
}

/** Builds the JSON report: a stable shape for CI scripts and editors. */
export function toJsonReport(result: {
  diagnostics: readonly Diagnostic[];
  exitCode: number;
  checked?: Record<string, string | string[]>;
}): JsonReport {
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    version: JSON_REPORT_VERSION,
    ok: errors === 0,
    exitCode: result.exitCode,
    summary: { errors, warnings: result.diagnostics.length - errors },
    checked: result.checked ?? null,
    diagnostics: result.diagnostics.map(jsonDiagnostic),
  };
}

/**
 * The JSON report as printed: `check --format json`'s document, and the one every other command
 * with JSON output but `build` (`list`, `templates`, `diff`) prints in place of its result when
 * it could not run (exit 2), so a script reads `.exitCode` and `.diagnostics` alike from each
 * (docs/json-report.md).
 */
export function formatJsonReport(result: { diagnostics: readonly Diagnostic[]; exitCode: number; checked?: Record<string, string | string[]> }): string {
  return JSON.stringify(toJsonReport(result), null, 2);
}

/** One problem as every JSON output gives it (`check --format json`, `build --json`): every field present, `null` when unknown. */
export function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return { file: d.file, line: d.line ?? null, column: d.column ?? null, severity: d.severity, ruleId: d.ruleId, message: d.message, hint: d.hint ?? null };
}
