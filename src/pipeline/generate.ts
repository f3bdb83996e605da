import { sha256 } from '../load/files.js';
import type { LoadedMeeting } from '../load/meeting.js';
import type { Project } from '../load/project.js';
import type { Layout, Position } from '../model/index.js';
import { compileReportDocx, parseReportFields, type DocxMeta, type FieldAnchor } from '../docx/index.js';
import { fieldText } from '../docx/fields.js';
import { convertToPdf, type PdfOptions } from '../pdf/convert.js';
import { reportManifest } from './manifest.js';
import { diagnostic, hasErrors, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { resolveReport, type ReportModel } from '../resolve/report.js';
import { layoutFor } from '../load/front-matter.js';
import { PLACEHOLDER, PLACEHOLDER_CHARS, skeletonModel, type FieldFiles, type ReportSource } from '../render/fields.js';
import { loadReferenceDocx, type LoadedReference } from '../load/reference-docx.js';
import type { ReferenceDocx } from '../model/reference-docx.js';
import { cachedTemplate, type Template } from '../render/template.js';
import { unclosedFieldProblems, type FieldSource } from '../docx/field-problems.js';
import { checkMeeting, includedPositions } from '../validate/meeting-rules.js';
import { untranslatedPositions } from '../validate/translation-rules.js';
import type { FieldRef } from '../model/field.js';

/** Output formats. */
export type Format = 'md' | 'docx' | 'pdf';

/** How to generate: final or draft, which formats, which date to stamp. */
export interface GenerateOptions {
  final: boolean;
  formats: readonly Format[];
  /** Seconds since 1970 from SOURCE_DATE_EPOCH, read at the edge; overrides the inputs' date. */
  sourceDateEpoch: number | undefined;
  /**
   * A template to use instead of the meeting's own (`--template`). Its output files get the
   * template's name after the file code, so they do not replace the meeting's report.
   */
  template?: string | undefined;
  /** Today's date (YYYY-MM-DD), read at the edge: for warnings such as a past meeting still in draft. */
  today?: string;
  /** How to make the PDF; without it `pdf` in `formats` is left out (as `check` does). */
  pdf?: PdfOptions | undefined;
}

/** One generated file, still in memory. */
export interface GeneratedFile {
  format: Format | 'manifest';
  /** File name without folder: `<file_code>.<format>`, `<file_code>.manifest.json`. */
  name: string;
  data: string | Uint8Array;
  /** SHA-256 of `data`, computed once where the file is made (the manifest and the cache record it). */
  sha256: string;
}

/** What went into a report: enough to tell later whether it changed. */
export interface ReportInputs {
  meeting: { path: string; hash: string };
  positions: { id: string; version: number; hash: string; path: string }[];
  template: string | null;
}

/** The outcome for one meeting: files to write (none when any error was found) and every problem. */
export interface GeneratedReport {
  meetingPath: string;
  fileCode: string | null;
  /** Where `file_code` is written, for messages about it. */
  fileCodePlace?: Place | undefined;
  draft: boolean;
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  inputs: ReportInputs;
  /**
   * The rendered report and how its DOCX is laid out: present once rendering succeeded (used by
   * `diff`). `source` is the same report in parts (skeleton and Markdown fields): see `reportTree`.
   */
  rendered?: { markdown: string; source: ReportSource; meta: DocxMeta; date: Date };
}

/** Compiled templates by name, shared by the meetings of one run. */
export type TemplateCache = Map<string, { template?: Template; diagnostics: Diagnostic[] }>;

/**
 * Runs one meeting through validate → resolve → render → compile, in memory.
 * Writes nothing: the caller decides whether to emit, so `check` can reuse it.
 */
export async function generateReport(
  project: Project,
  loaded: LoadedMeeting,
  options: GenerateOptions,
  templates: TemplateCache,
): Promise<GeneratedReport> {
  const result: GeneratedReport = {
    meetingPath: loaded.path,
    fileCode: loaded.meeting?.file_code ?? null,
    fileCodePlace: loaded.file.locate(['file_code']),
    draft: false,
    files: [],
    diagnostics: [...loaded.diagnostics],
    inputs: { meeting: { path: loaded.path, hash: loaded.hash }, positions: [], template: null },
  };
  const meeting = loaded.meeting;
  if (!meeting) return result;

  result.diagnostics.push(...checkMeeting({ project, loaded, meeting, final: options.final, ...(options.today ? { today: options.today } : {}) }));
  const included = includedPositions(project, meeting);
  result.inputs.positions = included.flatMap((p) =>
    p.position ? [{ id: p.id, version: p.position.version, hash: p.hash, path: p.file.path }] : [],
  );
  const templateName = options.template ?? meeting.template;
  const baseName = templateName === meeting.template ? meeting.file_code : `${meeting.file_code}.${templateName}`;
  const compiled = cachedTemplate(templates, templateName, project.templateDirs, project.files);
  result.diagnostics.push(...compiled.diagnostics.map((d) => (MEETING_TEMPLATE_RULES.has(d.ruleId) && !options.template ? atTemplateField(d, loaded) : d)));
  if (hasErrors(result.diagnostics) || !compiled.template) return result;
  result.inputs.template = compiled.template.path;
  result.diagnostics.push(...untranslatedPositions(project, loaded, meeting, templateName));

  const positions = new Map<string, Position>();
  for (const p of included) if (p.position) positions.set(p.id, p.position);
  const model = resolveReport({ meeting, positions, ministries: project.ministries, config: project.config });
  result.draft = model.draft;

  const rendered = compiled.template.render(model);
  result.diagnostics.push(...rendered.diagnostics);
  if (rendered.markdown === undefined) return result;
  const source = reportSource(compiled.template, model, rendered.markdown, { meeting: loaded.path, positions: new Map(included.map((p) => [p.id, p.file.path])) });
  const fieldTrees = parseReportFields(source);
  result.diagnostics.push(...unclosedFieldProblems(source.fields, fieldTrees, (ref) => fieldSource(project, loaded, ref)));
  if (hasErrors(result.diagnostics)) return result;
  const date = documentDate(model, options);
  const layout = layoutFor(project.config.layout, compiled.template.layout);
  const reference = referenceFor(project, compiled.template, layout);
  result.diagnostics.push(...reference.diagnostics);
  if (hasErrors(reference.diagnostics)) return result;
  const meta = docxMeta(layout, reference.reference, model, result.inputs);
  result.rendered = { markdown: rendered.markdown, source, meta, date };

  if (options.formats.includes('md')) {
    result.files.push({ format: 'md', name: `${baseName}.md`, data: rendered.markdown, sha256: sha256(rendered.markdown) });
  }
  // The PDF is made from the DOCX: compiled (and its warnings given) even when only the PDF is wanted.
  const pdf = options.formats.includes('pdf') ? options.pdf : undefined;
  let anchors: FieldAnchor[] | undefined;
  if (options.formats.includes('docx') || options.formats.includes('pdf')) {
    const docx = await compileReportDocx(source, meta, date, fieldTrees);
    anchors = docx.anchors;
    for (const warning of docx.warnings) {
      result.diagnostics.push(
        diagnostic(
          loaded.path,
          undefined,
          'warning',
          'docx/unsupported',
          `In the DOCX: ${warning.reason}${warning.line ? ` (line ${warning.line} of the generated Markdown)` : ''}.`,
        ),
      );
    }
    if (options.formats.includes('docx')) {
      result.files.push({ format: 'docx', name: `${baseName}.docx`, data: docx.bytes, sha256: sha256(docx.bytes) });
    }
    if (pdf) {
      const converted = await convertToPdf(docx.bytes, pdf);
      if ('failure' in converted) {
        result.diagnostics.push(
          diagnostic(loaded.path, undefined, 'error', 'output/pdf', `LibreOffice could not make the PDF: ${converted.failure}.`, 'Try `soffice --headless --convert-to pdf` on the DOCX to see why.'),
        );
        result.files = [];
        return result;
      }
      result.files.push({ format: 'pdf', name: `${baseName}.pdf`, data: converted.bytes, sha256: sha256(converted.bytes) });
    }
  }
  if (result.files.length) {
    const manifest = reportManifest({ project, loaded, included, template: compiled.template, draft: model.draft, documentDate: date, outputs: result.files, anchors });
    const data = `${JSON.stringify(manifest, null, 2)}\n`;
    result.files.push({ format: 'manifest', name: `${baseName}.manifest.json`, data, sha256: sha256(data) });
  }
  return result;
}

const templateReferences = new WeakMap<Template, LoadedReference>();

/**
 * The reference DOCX a report takes its styles from: the one its template's front matter
 * names (read once per template and run, problems reported at the template's first line),
 * else the config's, read with the project.
 */
export function referenceFor(project: Project, template: Template, layout: Layout): { reference?: ReferenceDocx | undefined; diagnostics: Diagnostic[] } {
  if (layout.reference_docx === undefined || layout.reference_docx === project.config.layout.reference_docx) return { reference: project.reference, diagnostics: [] };
  let loaded = templateReferences.get(template);
  if (!loaded) {
    loaded = loadReferenceDocx(project.files, layout.reference_docx, template.path, { line: 1, column: 1 });
    templateReferences.set(template, loaded);
  }
  return loaded;
}

/**
 * The report in parts: the skeleton (the template rendered with a placeholder for each
 * Markdown field) and the fields. The parts must give back the `.md` exactly; when they do
 * not (text that already holds the placeholders' private-use characters, a template helper
 * that changes a field), the whole report is the skeleton, with no fields of its own, and
 * is parsed as one text as before.
 */
function reportSource(template: Template, model: ReportModel, markdown: string, files: FieldFiles): ReportSource {
  if (!PLACEHOLDER_CHARS.test(markdown)) {
    const parts = skeletonModel(model, files);
    const skeleton = template.render(parts.model).markdown;
    const texts = parts.fields.map((field) => fieldText(field.text));
    const rebuilt = skeleton?.replace(PLACEHOLDER, (_match, index: string) => texts[Number(index)] ?? '');
    if (skeleton !== undefined && rebuilt === markdown) return { skeleton, fields: parts.fields };
  }
  return { skeleton: markdown, fields: [] };
}

/** SOURCE_DATE_EPOCH when given, else the model's document date at midnight UTC: never the clock. */
export function documentDate(model: ReportModel, options: Pick<GenerateOptions, 'sourceDateEpoch'>): Date {
  if (options.sourceDateEpoch !== undefined) return new Date(options.sourceDateEpoch * 1000);
  return new Date(`${model.documentDate}T00:00:00Z`);
}

function docxMeta(layout: Layout, reference: ReferenceDocx | undefined, model: ReportModel, inputs: ReportInputs): DocxMeta {
  const customProperties = [
    { name: 'Briefing.Meeting', value: inputs.meeting.path },
    { name: 'Briefing.MeetingHash', value: `sha256:${inputs.meeting.hash}` },
    { name: 'Briefing.Draft', value: model.draft ? 'true' : 'false' },
    ...inputs.positions.flatMap((p) => [
      { name: `Briefing.Position.${p.id}`, value: `v${p.version}` },
      { name: `Briefing.PositionHash.${p.id}`, value: `sha256:${p.hash}` },
    ]),
  ];
  return {
    subject: model.meeting.topic,
    creator: model.issuingMinistry.nominative,
    keywords: [model.meeting.formation, model.meeting.presidency, model.meeting.date].join(', '),
    footerText: model.meeting.fileCode,
    draftMark: model.draft ? 'PROJEKTS' : null,
    customProperties,
    layout,
    ...(reference ? { reference } : {}),
  };
}

/** The file a Markdown field was written in, and its value there. */
function fieldSource(project: Project, loaded: LoadedMeeting, ref: FieldRef): FieldSource | undefined {
  if (ref.kind === 'position') {
    const position = project.positions.get(ref.id);
    return position?.position ? { file: position.file, raw: position.position.body } : undefined;
  }
  const raw = ref.field === 'outcome' ? loaded.meeting?.outcome : loaded.meeting?.background;
  return raw === undefined ? undefined : { file: loaded.file, raw };
}

/** Template problems caused by the meeting's `template` field, so reported there. */
const MEETING_TEMPLATE_RULES = new Set(['template/missing', 'template/outside-folder']);

function atTemplateField(d: Diagnostic, loaded: LoadedMeeting): Diagnostic {
  const place = loaded.file.locate(['template']);
  return { ...d, file: loaded.path, ...(place ? { line: place.line, column: place.column } : {}) };
}
