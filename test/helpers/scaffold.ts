import { join } from 'node:path';
import { loadMeeting } from '../../src/load/meeting.js';
import { loadProject } from '../../src/load/project.js';
import { generateReport } from '../../src/pipeline/build-meeting.js';
import type { Choice, Prompter } from '../../src/prompt/prompter.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

/**
 * Everything `briefing build` would say about one meeting of a project, without writing:
 * the project's setup problems and the meeting's, including its positions'.
 */
export async function problemsOf(dir: string, meetingPath: string): Promise<Diagnostic[]> {
  const project = loadProject(dir);
  const loaded = loadMeeting(project.root, join(project.root, meetingPath));
  const report = await generateReport(project, loaded, { final: false, formats: ['md'], sourceDateEpoch: undefined }, new Map());
  return [...project.setupDiagnostics, ...report.diagnostics];
}

/** The rule ids of the errors among `diagnostics`. */
export function errorRules(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.message}`);
}

/**
 * A prompter that answers from a script, by question message, and records what it was
 * asked: tests drive the interactive path without a terminal.
 */
export function scriptedPrompter(answers: Record<string, string | string[]>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const answer = (message: string, fallback: string | readonly string[] | undefined): string | string[] => {
    asked.push(message);
    const key = Object.keys(answers).find((k) => message.startsWith(k));
    const value = key === undefined ? fallback : answers[key];
    if (value === undefined) throw new Error(`no scripted answer for "${message}"`);
    return typeof value === 'string' ? value : [...value];
  };
  const one = (value: string | string[]) => (typeof value === 'string' ? value : (value[0] ?? ''));
  return {
    asked,
    async text(q) {
      const value = one(answer(q.message, q.default));
      const valid = q.validate?.(value) ?? true;
      if (valid !== true) throw new Error(`scripted answer "${value}" rejected: ${valid}`);
      return value;
    },
    async select<T extends string>(q: { message: string; choices: readonly Choice<T>[]; default?: T }) {
      const value = one(answer(q.message, q.default));
      const found = q.choices.find((c) => c.value === value);
      if (!found) throw new Error(`"${value}" is not a choice of "${q.message}"`);
      return found.value;
    },
    async checkbox<T extends string>(q: { message: string; choices: readonly Choice<T>[]; default?: readonly T[] }) {
      const value = answer(q.message, q.default ?? []);
      const list = typeof value === 'string' ? value.split(',').filter(Boolean) : value;
      return q.choices.filter((c) => list.includes(c.value)).map((c) => c.value);
    },
  };
}
