import * as z from 'zod';
import { layoutSchema, type Layout } from '../model/config.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isRecord } from '../util/record.js';
import { checkSchema } from './shape.js';
import { parseYaml } from './yaml.js';

/** What a front matter may hold: the config's `layout` keys, under `layout`. */
const frontMatterSchema = z.strictObject({ layout: layoutSchema.optional() });

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

/** Two `---` lines at the top and the YAML between them (group 1; none for an empty block, `---` right under `---`). */
const FRONT_MATTER = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

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
  if (!match) {
    // A first line `---` with no closing one: the block would be printed at the top of the report.
    if (/^---[ \t]*\n/.test(source)) {
      return {
        body: source,
        diagnostics: [diagnostic(path, { line: 1, column: 1 }, 'error', 'template/front-matter', 'The front matter is never closed: no `---` line ends it.', FRONT_MATTER_HINT)],
      };
    }
    const late = lateFrontMatter(source);
    if (late !== undefined) {
      return {
        body: source,
        diagnostics: [
          diagnostic(
            path,
            { line: late, column: 1 },
            'error',
            'template/front-matter',
            `A front matter must start on the template's first line; this one starts on line ${late}, after a comment or a blank line, so it would be printed at the top of every report and its layout not used.`,
            'Move the `---` block to the very top of the template, above the comment.',
          ),
        ],
      };
    }
    return { body: source, diagnostics: [] };
  }
  const block = match[0];
  const lines = block.split('\n').length - (block.endsWith('\n') ? 1 : 0);
  const body = `{{!--${'\n'.repeat(Math.max(0, lines - 1))}--}}${block.endsWith('\n') ? '\n' : ''}${source.slice(block.length)}`;
  // An empty block (the layout not written yet) sets nothing: not "the file is empty".
  if (!match[1]?.trim()) return { body, diagnostics: [] };
  // The front matter is read and checked as the config's `layout` is, each problem at its own
  // line and column in the template (the block starts on line 2, after its `---`).
  const file = parseYaml(path, match[1]);
  const inTemplate = (d: Diagnostic): Diagnostic => ({
    ...d,
    ruleId: 'template/front-matter',
    message: `The front matter: ${d.message.charAt(0).toLowerCase()}${d.message.slice(1)}`,
    hint: d.hint ?? FRONT_MATTER_HINT,
    ...(d.line === undefined ? { line: 1, column: 1 } : { line: d.line + 1 }),
  });
  if (file.diagnostics.length) return { body, diagnostics: file.diagnostics.map(inTemplate) };
  const data = file.data;
  if (data === null || data === undefined) return { body, diagnostics: [] };
  if (!isRecord(data)) {
    return { body, diagnostics: [diagnostic(path, { line: 2, column: 1 }, 'error', 'template/front-matter', 'The front matter must be a mapping, e.g. `layout: { font_size_pt: 14 }`.', FRONT_MATTER_HINT)] };
  }
  const checked = checkSchema(file, frontMatterSchema, 'template');
  if (!checked.value) return { body, diagnostics: checked.diagnostics.map(describedByComment).map(inTemplate) };
  const raw = isRecord(data['layout']) ? data['layout'] : {};
  const margins = raw['margins_mm'];
  return {
    body,
    layout: { given: new Set(Object.keys(raw)), givenMargins: new Set(isRecord(margins) ? Object.keys(margins) : []), value: checked.value.layout ?? layoutSchema.parse({}) },
    diagnostics: [],
  };
}

/**
 * A `description:` in the front matter (as other tools take one): the unknown field says where
 * a template's description is written instead, its leading comment, which `briefing templates` shows.
 */
function describedByComment(d: Diagnostic): Diagnostic {
  if (d.ruleId !== 'schema/unknown-key' || !/`description`/.test(d.message)) return d;
  return { ...d, hint: 'A template is described by the first line of a `{{!-- … --}}` comment at its top (under the front matter), which `briefing templates` shows.' };
}

/** Comments and blank lines at the top of a template, before its first text. */
const LEADING = /^(?:[ \t]*\{\{!--[\s\S]*?--\}\}|[ \t]*\{\{![^}]*\}\}|[ \t]*\r?\n)*/;

/**
 * The line of a front matter written below the template's first line (under its leading comment,
 * or after a blank line): a `---` line as the first text, with `layout:` in the block it opens.
 */
function lateFrontMatter(source: string): number | undefined {
  const lead = LEADING.exec(source)?.[0] ?? '';
  if (!lead) return undefined;
  // The comment's closing `}}` may leave the rest of its line: the `---` must start a line of its own.
  const start = lead.endsWith('\n') ? lead.length : source.indexOf('\n', lead.length) + 1;
  if (start === 0) return undefined;
  const block = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source.slice(start));
  if (!block || !/^layout[ \t]*:/m.test(block[1] ?? '')) return undefined;
  return source.slice(0, start).split('\n').length;
}

/** The template with its front matter's lines left empty: its text's lines and columns kept, its YAML (`#comment`s and all) out of the checks of the text. */
export function blankFrontMatter(source: string): string {
  return source.replace(FRONT_MATTER, (block) => block.replace(/[^\r\n]/g, ''));
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
    language: own('language'),
    ...referenceOf(own('reference_docx')),
  };
}

function referenceOf(path: string | undefined): Pick<Layout, 'reference_docx'> {
  return path === undefined ? {} : { reference_docx: path };
}

const FRONT_MATTER_HINT = 'Write it between two `---` lines at the top of the template, with the keys of `layout` in briefing.config.yaml.';
