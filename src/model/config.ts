import * as z from 'zod';
import { abbreviation, matchingNone, ministryCode, signatory } from './common.js';
import { ABSOLUTE_START, BACKSLASH, SAME_FOLDER, UP_SEGMENT } from './paths.js';

const millimetres = z.number().min(0).max(100);

/** A page margin: `side` says which ("left", …). */
const margin = (side: string, fallback: number) => millimetres.default(fallback).meta({ description: `The ${side} margin in millimetres, 0 to 100.` });

/** A language tag, `lv-LV`: a language's two or three small letters, a dash, a country's two capitals. */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}-[A-Z]{2}$/;

/** The output formats a report can be built in. */
export const formatSchema = z.enum(['md', 'docx', 'pdf']);
/** An output format: `md`, `docx` or `pdf`. */
export type Format = z.output<typeof formatSchema>;

/** Page layout of the DOCX; defaults follow common Latvian ministry practice. */
export const layoutSchema = z.strictObject({
  paper: z.enum(['A4', 'Letter']).default('A4').meta({ description: 'Paper size: A4, or Letter.' }),
  margins_mm: z
    .strictObject({
      left: margin('left', 30),
      right: margin('right', 20),
      top: margin('top', 20),
      bottom: margin('bottom', 20),
    })
    .default({ left: 30, right: 20, top: 20, bottom: 20 })
    .meta({ description: 'Page margins in millimetres; together they must leave the text at least 50 mm across and down.' }),
  font: z.string().min(1).default('Times New Roman').meta({ description: 'The font of the text, as Word names it, e.g. "Times New Roman".' }),
  font_size_pt: z.number().min(6).max(36).default(12).meta({ description: 'Font size of the text in points, 6 to 36.' }),
  first_line_indent_mm: z.number().min(0).max(50).default(12.5).meta({ description: 'Indent of each paragraph\'s first line in millimetres, 0 to 50.' }),
  line_spacing: z.number().min(1).max(3).default(1).meta({ description: 'Line spacing, from 1 (single) to 3.' }),
  paragraph_spacing_pt: z.number().min(0).max(36).default(0).meta({ description: 'Space after each paragraph in points, 0 to 36.' }),
  page_numbers: z.boolean().default(true).meta({ description: 'Page number centred at the top from page 2.' }),
  footer_file_code: z.boolean().default(true).meta({ description: 'Document file code in the footer.' }),
  language: z
    .string()
    .regex(LANGUAGE_TAG_PATTERN, 'a language tag such as lv-LV or en-GB')
    .default('lv-LV')
    .meta({
      description: 'The language of the text, which Word checks the spelling in: lv-LV, en-GB, …; the English templates set en-GB.',
      patternErrorMessage: 'A language tag such as lv-LV or en-GB.',
    }),
  reference_docx: z
    .string()
    .min(1)
    .optional()
    .meta({
      description:
        'A Word file (relative to the project root) whose styles, page set-up and first-page header and footer the DOCX takes; start from `briefing reference-docx`.',
      // Refused where it is read (load/reference-docx.ts), links followed; the editors are told the part a name shows.
      ...matchingNone(UP_SEGMENT, ABSOLUTE_START, BACKSLASH),
    }),
  })
  // Margins each within their bounds may still leave no page: a column of text a word or two wide, or none.
  .superRefine((layout, context) => {
    const left = textArea(PAPER_MM[layout.paper], layout.margins_mm);
    if (left < MIN_TEXT_MM) {
      context.addIssue({
        code: 'custom',
        path: ['margins_mm'],
        message: `the margins leave ${Math.round(left)} mm of the ${layout.paper} page for the text; at least ${MIN_TEXT_MM} mm across and down are needed`,
        params: { ruleId: 'schema/invalid', hint: 'Make the margins smaller.' },
      });
    }
  });

/** Each paper's width and height in millimetres. */
export const PAPER_MM = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } } as const;
/** The least width and height of a page's text area, in millimetres. */
export const MIN_TEXT_MM = 50;

/** The smaller of a page's text width and height: what its margins leave (in the page's unit). */
export function textArea(page: { width: number; height: number }, margins: { left: number; right: number; top: number; bottom: number }): number {
  return Math.min(page.width - margins.left - margins.right, page.height - margins.top - margins.bottom);
}

/** A path of the project, inside it: refused where the config is read (load/project-paths.ts), links followed; the editors are told the part a name shows. */
const projectPath = (fallback: string, description: string) => z.string().min(1).default(fallback).meta({ description, ...matchingNone(UP_SEGMENT, ABSOLUTE_START, BACKSLASH) });

/** Where the project keeps its files, relative to the config file. */
export const pathsSchema = z.strictObject({
  meetings: projectPath('meetings', 'The folder of the meeting files, sub-folders too.'),
  positions: projectPath('positions', 'The folder of the position files, sub-folders too.'),
  templates: projectPath('templates', 'The folder of your own templates (`<name>.md.hbs`), which replace the built-in ones of the same name.'),
  ministries: projectPath('ministries.yaml', 'The ministries registry; without the file, the one built into briefing.'),
});

/** The project config: `briefing.config.yaml` at the project root. */
export const configSchema = z
  .strictObject({
    issuing_ministry: ministryCode.meta({ description: 'The ministry that issues the reports, e.g. IZM.' }),
    locale: z.enum(['lv', 'en']).default('lv').meta({ description: 'Handed to templates as `settings.locale`, for a template of your own that reads it; the built-in ones do not.' }),
    quotes: z
      .enum(['curly', 'low-high'])
      .default('curly')
      .meta({ description: 'curly: “…” (as in the model report); low-high: „…“.' }),
    output: z
      .string()
      .min(1)
      .default('out')
      // As paths above; absolute (on any system) and the project folder itself are refused too.
      .meta({ description: 'Output folder for built reports, inside the project.', ...matchingNone(UP_SEGMENT, ABSOLUTE_START, SAME_FOLDER, BACKSLASH) }),
    formats: z
      .array(formatSchema)
      .min(1)
      .default(['md', 'docx'])
      .meta({ description: 'Formats built when --format is not given; pdf needs LibreOffice.' }),
    pdf_a: z.boolean().default(false).meta({ description: 'Write PDFs as PDF/A-2b, for archiving.' }),
    paths: pathsSchema.default({
      meetings: 'meetings',
      positions: 'positions',
      templates: 'templates',
      ministries: 'ministries.yaml',
    }).meta({ description: 'Where the project keeps its files, relative to this file and inside the project.' }),
    signature: signatory.optional().meta({ description: 'Who signs the reports by default: `briefing new meeting` offers it.' }),
    visa: signatory.optional().meta({ description: 'Who endorses the reports (visa) by default: `briefing new meeting` offers it.' }),
    abbreviations: z.array(abbreviation).default([]).meta({ description: 'Abbreviations introduced at first mention in every report.' }),
    layout: layoutSchema.default(layoutSchema.parse({})).meta({ description: 'Page layout of the DOCX (and the PDF made from it).' }),
  })
  .meta({ title: 'briefing config', description: 'Project settings for briefing.' });

/** Project settings, defaults applied. */
export type Config = z.output<typeof configSchema>;
/** DOCX page layout, defaults applied. */
export type Layout = z.output<typeof layoutSchema>;
