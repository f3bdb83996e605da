import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { projectPath } from './files.js';
import type { ProjectFiles } from './project-files.js';
import { builtInTemplatesDir } from './package-folder.js';
import type { Project } from './project.js';
import { TEMPLATE_SUFFIX, templatesIn } from './templates.js';

/**
 * The part of a report's file names a template other than the meeting's own adds after the file code:
 * its name, a sub-folder's `/` written `.` (`ministry/report` → `IZMzin_190221_EDUC.ministry.report.md`),
 * so that the report sits beside the meeting's own rather than in a folder of its own.
 */
export function reportName(template: string): string {
  return template.replaceAll('/', '.');
}

/** A template as {@link reportNameClashes} names it: where its file is (project-relative), or that it is built in. */
export interface NamedTemplate {
  name: string;
  path: string;
  builtIn: boolean;
}

/**
 * The templates on the template path (`dirs`, the project's first; `builtIn` the folder of the built-in
 * ones) that share a report name with another (`ministry/report` and `ministry.report`): each group of
 * two or more, by name. The first of a name on the path is the one used, so a project template that
 * replaces a built-in one of its name is no clash.
 */
export function reportNameClashes(files: ProjectFiles, root: string, dirs: readonly string[], builtIn: string): NamedTemplate[][] {
  const byName = new Map<string, NamedTemplate>();
  for (const dir of dirs) {
    for (const { name, file } of templatesIn(files, dir)) {
      if (byName.has(name)) continue;
      const isBuiltIn = dir === builtIn;
      byName.set(name, { name, path: isBuiltIn ? `templates/${file}` : projectPath(root, join(dir, file)), builtIn: isBuiltIn });
    }
  }
  const byReport = new Map<string, NamedTemplate[]>();
  for (const template of [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const key = reportName(template.name);
    byReport.set(key, [...(byReport.get(key) ?? []), template]);
  }
  return [...byReport.values()].filter((group) => group.length > 1);
}

/**
 * The error of a build with `template` (not the meeting's own, so its report is named after it) when
 * another template's report takes the same name; none when no other does.
 */
export function sharedReportName(project: Pick<Project, 'files' | 'root' | 'templateDirs'>, template: string, fileCode: string): Diagnostic[] {
  const group = clashesOf(project).find((clash) => clash.some((one) => one.name === template));
  return group ? [reportNameClash(group, fileCode)] : [];
}

/** The clashes of a loaded project's templates, listed once (a build with `--template` asks of every meeting). */
const clashesByProject = new WeakMap<Pick<Project, 'files'>, NamedTemplate[][]>();

/** The clash groups of `project`, from {@link clashesByProject} once worked out. */
function clashesOf(project: Pick<Project, 'files' | 'root' | 'templateDirs'>): NamedTemplate[][] {
  const known = clashesByProject.get(project);
  if (known) return known;
  const clashes = reportNameClashes(project.files, project.root, project.templateDirs, builtInTemplatesDir());
  clashesByProject.set(project, clashes);
  return clashes;
}

/**
 * The error that the templates of `group` write their reports to the same files, so a build with one
 * replaces the other's report without a word: at the project template to rename (the one with the
 * fewest `/`, whose dots took their place), with a name that no longer shares. `fileCode`: the meeting's,
 * in a build; without it the file names are given with `<file_code>`.
 */
export function reportNameClash(group: readonly NamedTemplate[], fileCode?: string): Diagnostic {
  const [first] = group;
  const shared = `${fileCode ?? '<file_code>'}.${reportName(first?.name ?? '')}`;
  const named = (template: NamedTemplate) => (template.builtIn ? `the built-in template \`${template.name}\`` : `\`${template.path}\` (template \`${template.name}\`)`);
  const own = group.filter((template) => !template.builtIn).sort((a, b) => slashes(a.name) - slashes(b.name));
  const rename = own[0] ?? first;
  const names = group.map(named);
  const listed = `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''} write their reports to the same files, ${shared}.md, .docx, .pdf and .manifest.json (a \`/\` in a template's name becomes \`.\` there): a build with one replaces the other's report.`;
  const message = `${listed.charAt(0).toUpperCase()}${listed.slice(1)}`;
  const suggestion = rename ? renamed(rename, group) : undefined;
  return diagnostic(
    rename?.path ?? '',
    undefined,
    'error',
    'template/report-name-clash',
    message,
    `Rename ${rename ? `\`${rename.path}\`` : 'one of them'}${suggestion ? ` (to \`${suggestion}\`, say)` : ''}, and write its new name where a meeting's \`template:\` or a \`--template\` names it.`,
  );
}

/** How many folders deep a template's name is. */
function slashes(name: string): number {
  return name.split('/').length - 1;
}

/**
 * The path `template` could be renamed to so it shares no report name with the others of `group`:
 * each `.` where another's name has a `/` written `-` (`ministry.report` → `ministry-report`).
 */
function renamed(template: NamedTemplate, group: readonly NamedTemplate[]): string | undefined {
  const others = group.filter((other) => other !== template);
  const name = [...template.name].map((char, at) => (char === '.' && others.some((other) => other.name[at] === '/') ? '-' : char)).join('');
  if (name === template.name || group.some((other) => reportName(other.name) === reportName(name))) return undefined;
  return `${template.path.slice(0, -(template.name.length + TEMPLATE_SUFFIX.length))}${name}${TEMPLATE_SUFFIX}`;
}
