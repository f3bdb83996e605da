import { parse } from 'yaml';
import { layoutSchema, type Layout } from '../model/config.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isRecord } from '../util/record.js';

/** A template's own layout: the keys it sets, and their checked values (defaults filled in). */
export interface LayoutOverride {
  given: ReadonlySet<string>;
  givenMargins: ReadonlySet<string>;
  value: Layout;
}

/** A template's text with its front matter taken out, and the layout that front matter sets. */
export interface TemplateSource {
  /** The template as Handlebars reads it: the front matter became a comment of as many lines. */
  body: string;
  layout?: LayoutOverride;
  diagnostics: Diagnostic[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits off a template's front matter, a YAML block between `---` lines at the very top:
 *
 *     ---
 *     layout: { font_size_pt: 14, paragraph_spacing_pt: 12 }
 *     ---
 *
 * Its `layout` takes the keys of the config's `layout` and replaces those it names, for
 * reports built with this template only. The block becomes a Handlebars comment with the
 * same number of lines, so template problems keep their line numbers.
 */
export function splitFrontMatter(source: string, path: string): TemplateSource {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { body: source, diagnostics: [] };
  const block = match[0];
  const lines = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
  const body = `{{!--${'\n'.repeat(Math.max(0, lines - 1))}--}}${block.endsWith('\n') ? '\n' : ''}${source.slice(block.length)}`;
  const problem = (message: string) => ({ body, diagnostics: [diagnostic(path, { line: 1, column: 1 }, 'error', 'template/front-matter', message, FRONT_MATTER_HINT)] });

  let data: unknown;
  try {
    data = parse(match[1] ?? '');
  } catch (error) {
    return problem(`The front matter is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (data === null || data === undefined) return { body, diagnostics: [] };
  if (!isRecord(data)) return problem('The front matter must be a mapping, e.g. `layout: { font_size_pt: 14 }`.');
  const unknown = Object.keys(data).filter((key) => key !== 'layout');
  if (unknown.length) return problem(`The front matter may only hold \`layout\`, not ${unknown.map((key) => `\`${key}\``).join(', ')}.`);
  const raw = data['layout'] ?? {};
  const checked = layoutSchema.safeParse(raw);
  if (!isRecord(raw) || !checked.success) {
    const issue = checked.error?.issues[0];
    return problem(`The front matter's layout${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'must be a mapping'}.`);
  }
  const margins = raw['margins_mm'];
  return {
    body,
    layout: { given: new Set(Object.keys(raw)), givenMargins: new Set(isRecord(margins) ? Object.keys(margins) : []), value: checked.data },
    diagnostics: [],
  };
}

/** The template without its front matter (for reading its leading comment). */
export function withoutFrontMatter(source: string): string {
  return source.replace(FRONT_MATTER, '');
}

/** The config's layout with the keys a template sets replaced. */
export function layoutFor(base: Layout, override: LayoutOverride | undefined): Layout {
  if (!override) return base;
  const own = <K extends keyof Layout>(key: K): Layout[K] => (override.given.has(key) ? override.value[key] : base[key]);
  const margin = (side: keyof Layout['margins_mm']) => (override.givenMargins.has(side) ? override.value.margins_mm[side] : base.margins_mm[side]);
  return {
    paper: own('paper'),
    margins_mm: { left: margin('left'), right: margin('right'), top: margin('top'), bottom: margin('bottom') },
    font: own('font'),
    font_size_pt: own('font_size_pt'),
    first_line_indent_mm: own('first_line_indent_mm'),
    line_spacing: own('line_spacing'),
    paragraph_spacing_pt: own('paragraph_spacing_pt'),
    page_numbers: own('page_numbers'),
    footer_file_code: own('footer_file_code'),
    ...referenceOf(own('reference_docx')),
  };
}

function referenceOf(path: string | undefined): Pick<Layout, 'reference_docx'> {
  return path === undefined ? {} : { reference_docx: path };
}

const FRONT_MATTER_HINT = 'Write it between two `---` lines at the top of the template, with the keys of `layout` in briefing.config.yaml.';
