import { loadProject } from '../load/project.js';
import { describeTemplates, type TemplateInfo } from '../load/template-catalog.js';
import { partialsIncluded } from '../render/template-checks.js';

/** Options of `briefing templates`. */
export interface TemplatesOptions {
  cwd: string;
}

/** The templates a meeting (or `--template`) can choose, the project's own first in precedence. */
export function templates(options: TemplatesOptions): TemplateInfo[] {
  return describeTemplates(loadProject(options.cwd), (text) => partialsIncluded(text).map((include) => include.name));
}
