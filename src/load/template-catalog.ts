import { join } from 'node:path';
import { UsageError } from '../diagnostics/errors.js';
import { suggest } from '../util/suggest.js';
import { projectPath } from './files.js';
import { withoutFrontMatter } from './front-matter.js';
import { builtInTemplatesDir } from './package-folder.js';
import type { Project } from './project.js';
import { listTemplates, partialsOnPath, strayTemplateHint, templatesIn } from './templates.js';
import { compareText } from '../util/text-order.js';

/** A template a meeting can name, and where it comes from. */
export interface TemplateInfo {
  name: string;
  /** First line of the template's leading `{{!-- … --}}` comment. */
  description: string;
  source: 'project' | 'built-in';
  /** Project-relative path, or the path inside the package for built-in ones. */
  path: string;
  /** A project template that replaces a built-in one of the same name. */
  overrides: boolean;
  /** The partials it includes by name, directly or through another, as found on the template path. */
  partials: PartialInfo[];
}

/** A partial a template includes, and where it comes from. */
export interface PartialInfo {
  name: string;
  source: 'project' | 'built-in';
  /** Project-relative path, or the path inside the package for built-in ones. */
  path: string;
  /** A project partial that replaces a built-in one of the same name. */
  overrides: boolean;
}

/** The names of the partials a template's text includes (the render stage parses them). */
export type PartialNames = (text: string) => string[];

/**
 * Every template the project can use: its own (from `paths.templates` in the config)
 * first, then the built-in ones it does not replace, each with the partials it includes
 * (found by `includes`) and where those come from. Sorted by name.
 */
export function describeTemplates(project: Project, includes: PartialNames): TemplateInfo[] {
  const builtIn = builtInTemplatesDir();
  const sourceOf = (dir: string) => (dir === builtIn ? 'built-in' : 'project');
  const onPath = new Map(partialsOnPath(project.templateDirs, project.files).map((partial) => [partial.name, partial]));
  const builtInPartials = new Set(partialsOnPath([builtIn], project.files).map((partial) => partial.name));
  const used = (text: string): PartialInfo[] => {
    const names = new Set<string>();
    const visit = (from: string) => {
      for (const name of includes(from)) {
        const partial = onPath.get(name);
        if (names.has(name) || !partial) continue;
        names.add(name);
        visit(partial.read());
      }
    };
    visit(text);
    return [...names].sort(compareText).flatMap((name) => {
      const partial = onPath.get(name);
      if (!partial) return [];
      const source = sourceOf(partial.dir);
      const path = source === 'built-in' ? `templates/partials/${name}.hbs` : partial.path;
      return [{ name, source, path, overrides: source === 'project' && builtInPartials.has(name) }];
    });
  };
  const found = new Map<string, TemplateInfo>();
  for (const dir of project.templateDirs) {
    const source = sourceOf(dir);
    for (const { name, file: entry, read } of templatesIn(project.files, dir)) {
      const earlier = found.get(name);
      if (earlier) {
        earlier.overrides = earlier.overrides || source === 'built-in';
        continue;
      }
      const path = source === 'built-in' ? `templates/${entry}` : projectPath(project.root, join(dir, entry));
      const text = read(path);
      found.set(name, { name, description: leadingComment(text), source, path, overrides: false, partials: used(text) });
    }
  }
  return [...found.values()].sort((a, b) => compareText(a.name, b.name));
}

/** Throws a usage error, with the nearest name, when `--template` names no template. */
export function assertTemplateExists(project: Project, name: string): void {
  const names = listTemplates(project.templateDirs, project.files);
  if (names.includes(name.normalize('NFC'))) return;
  const nearest = suggest(name, names);
  const stray = strayTemplateHint(name, project.templateDirs, project.files);
  throw new UsageError(`No template named \`${name}\`.`, stray ?? (nearest ? `Did you mean ${nearest}? See \`briefing templates\`.` : `Available: ${names.join(', ')}.`));
}

/** The first non-empty line of a leading Handlebars comment, or "" when there is none. */
export function leadingComment(source: string): string {
  const match = /^\s*\{\{!(?:--([\s\S]*?)--|([^}]*))\}\}/.exec(withoutFrontMatter(source));
  const body = match?.[1] ?? match?.[2] ?? '';
  return body.split('\n').map((line) => line.trim()).find(Boolean) ?? '';
}
