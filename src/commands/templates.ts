import { hasErrors, sortDiagnostics, uniqueDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode } from '../diagnostics/errors.js';
import { builtInTemplatesDir } from '../load/package-folder.js';
import { loadProject, type Project } from '../load/project.js';
import { layoutFor } from '../load/front-matter.js';
import { loadReferenceDocx } from '../load/reference-docx.js';
import { strayTemplateWarnings } from '../load/templates.js';
import { reportNameClash, reportNameClashes } from '../load/report-names.js';
import { describeTemplates, type TemplateInfo } from '../load/template-catalog.js';
import { loadTemplate, ownReferenceDocx, type Template } from '../render/template.js';
import { partialsIncluded } from '../render/template-checks.js';

/** Options of `briefing templates`. */
export interface TemplatesOptions {
  cwd: string;
}

/** A template as `briefing templates` lists it: where it comes from, and whether a meeting can use it. */
export interface ListedTemplate extends TemplateInfo {
  /** False when the template or a partial it includes has an error: every meeting that names it fails. */
  usable: boolean;
  /** How many errors it has (printed with the listing). */
  errors: number;
}

/** The templates, and the problems of those that cannot be used (exit 1 when there are any). */
export interface TemplatesResult {
  templates: ListedTemplate[];
  diagnostics: Diagnostic[];
  exitCode: number;
}

/**
 * The templates a meeting (or `--template`) can choose, the project's own first in
 * precedence, each compiled as a build would compile it: one that cannot be used is listed
 * as such, with its errors, rather than offered like the others.
 */
export function templates(options: TemplatesOptions): TemplatesResult {
  const project = loadProject(options.cwd, { skipPositions: true });
  const found = describeTemplates(project, (text) => partialsIncluded(text).map((include) => include.name));
  const errors: Diagnostic[] = [];
  const listed = found.map((template) => {
    const loaded = loadTemplate(template.name, project.templateDirs, project.files);
    const problems = [...loaded.diagnostics, ...(loaded.template ? ownReferenceProblems(project, loaded.template) : [])].filter((d) => d.severity === 'error');
    errors.push(...problems);
    return { ...template, usable: !problems.length, errors: problems.length };
  });
  const builtIn = builtInTemplatesDir();
  const strays = strayTemplateWarnings(project.templateDirs, project.files, builtIn);
  // Two templates whose reports take one name (`ministry/report`, `ministry.report`): a build with one replaces the other's.
  const clashes = reportNameClashes(project.files, project.root, project.templateDirs, builtIn).map((group) => reportNameClash(group));
  const diagnostics = sortDiagnostics(uniqueDiagnostics([...project.setupDiagnostics, ...errors, ...clashes, ...strays]));
  return { templates: listed, diagnostics, exitCode: hasErrors(diagnostics) ? ExitCode.problems : ExitCode.ok };
}

/**
 * The problems of the reference DOCX a template's front matter names: one that is missing or no
 * DOCX fails every build with the template, so the template is listed as one that cannot be used.
 */
function ownReferenceProblems(project: Project, template: Template): Diagnostic[] {
  const path = ownReferenceDocx(template);
  if (path === undefined) return [];
  return loadReferenceDocx(project.files, path, template.path, { line: 1, column: 1 }, layoutFor(project.config.layout, template.layout).paper).diagnostics;
}
