/**
 * A problem found in the user's data or templates. Problems are data: every stage
 * collects them, nothing throws them, and the reporter prints them together.
 */
import { compareText } from '../util/text-order.js';
import type { RuleId } from './rules.js';

export type Severity = 'error' | 'warning';

/** One problem, located as precisely as the input allows. */
export interface Diagnostic {
  /** Path of the file, relative to the project root, with `/` separators. */
  file: string;
  /** 1-based line; absent when the problem concerns the whole file. */
  line?: number;
  /** 1-based column, counted in UTF-16 code units as editors do. */
  column?: number;
  severity: Severity;
  /** Stable rule id such as `yaml/syntax` or `clearance/missing` (the list: `rules.ts`). */
  ruleId: RuleId;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it, when the tool can say. */
  hint?: string;
}

/** A place in a file. */
export interface Place {
  line: number;
  column: number;
}

/** Builds a diagnostic; `place` may be undefined for whole-file problems. */
export function diagnostic(
  file: string,
  place: Place | undefined,
  severity: Severity,
  ruleId: RuleId,
  message: string,
  hint?: string,
): Diagnostic {
  const result: Diagnostic = { file, severity, ruleId, message };
  if (place) {
    result.line = place.line;
    result.column = place.column;
  }
  if (hint) result.hint = hint;
  return result;
}

/** True when any diagnostic is an error (fatal for the meeting it belongs to). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** True when a file could not be read (`input/unreadable`): a failure of the run (exit 2), not a problem in the data. */
export function hasUnreadable(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.ruleId === 'input/unreadable');
}

/** Sorts by file (in the order of the Latvian alphabet, {@link compareText}), then line, then column, then rule id; stable for equal keys. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.ruleId, b.ruleId),
  );
}

/**
 * Each problem once: the same rule at the same place with the same words is one problem. When it
 * is found as a warning and as an error (a rule that `--final` makes stricter, found once for the
 * file alone and once for a meeting built with it), the error is kept, where the first was.
 */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const result: Diagnostic[] = [];
  const at = new Map<string, number>();
  for (const d of diagnostics) {
    const key = [d.file, d.line, d.column, d.ruleId, d.message].join('\u0000');
    const index = at.get(key);
    if (index === undefined) {
      at.set(key, result.push(d) - 1);
    } else if (d.severity === 'error' && result[index]?.severity !== 'error') {
      result[index] = d;
    }
  }
  return result;
}
