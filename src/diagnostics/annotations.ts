import type { Diagnostic } from './diagnostic.js';

/** True when running as a GitHub Actions step, where workflow commands become annotations. */
export function inGitHubActions(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/**
 * One GitHub workflow command per problem (`::error file=…,line=…,col=…,title=…::…`),
 * so each shows inline on the pull request. `workspacePath` turns a project-relative
 * path into one relative to the repository checkout, or undefined when it is not a file there.
 */
export function formatAnnotation(d: Diagnostic, workspacePath: (file: string) => string | undefined): string {
  const file = workspacePath(d.file);
  const properties = [
    ...(file !== undefined ? [`file=${escapeProperty(file)}`] : []),
    ...(file !== undefined && d.line !== undefined ? [`line=${d.line}`, `col=${d.column ?? 1}`] : []),
    `title=${escapeProperty(`briefing ${d.ruleId}`)}`,
  ];
  const text = d.hint ? `${d.message} ${d.hint}` : d.message;
  return `::${d.severity} ${properties.join(',')}::${escapeData(file === undefined ? `${d.file}: ${text}` : text)}`;
}

/** Escapes the message part of a workflow command. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command, where `:` and `,` are separators. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
