/**
 * The build of one meeting, one stage after another:
 *
 *   load → validate → resolve → render → compile (DOCX, PDF) → manifest → emit
 *
 * `buildMeeting` runs the whole chain; `generateReport` is the chain from validate to the
 * manifest, in memory. `batch/` and `watch/` only schedule it (which meetings, the cache,
 * worker threads, debouncing); `check` runs it without emit. `watch` runs the whole chain;
 * a batch runs it without emit on its worker threads and emits each report on the main
 * thread (`emitReport`, from batch/outcome.ts) once no other meeting can share its file code.
 * The helpers each stage calls are in ./report-parts.ts.
 */
import { sha256 } from '../load/files.js';
import { loadMeeting, type LoadedMeeting } from '../load/meeting.js';
import type { Project } from '../load/project.js';
import { lastDayOf, type Format, type Position } from '../model/index.js';
import { clearedOnlyAfter, type ClearedLater } from '../model/draft.js';
import type { GeneratedFile } from '../model/output.js';
import { diagnostic, hasErrors, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';
import { checkMeeting } from '../validate/meeting-rules.js';
import { includedPositions, isArchived } from '../validate/meeting-rule-context.js';
import { lastDayPrinted, placePrinted } from '../validate/meeting-date-rules.js';
import { fieldsInReportOrder, fieldTreeProblems, placeOfReportLine, type FieldPlace } from '../docx/field-problems.js';
import { untranslatedMeeting, untranslatedPlace, untranslatedPositions } from '../validate/translation-rules.js';
import { speakingPointsMissing } from '../validate/speaking-points-rules.js';
import { resolveReport } from '../resolve/report.js';
import { cachedTemplate, type Template } from '../render/template.js';
import { INTRODUCTION_START } from '../render/latvian.js';
import { layoutFor } from '../load/front-matter.js';
import type { ReportSource } from '../render/fields.js';
import { templateTextProblems } from '../docx/template-text-problems.js';
import { templateLineHolding, unfinishedText } from './unfinished-text.js';
import { checkReportDocx, compileReportDocx, keepListsApart, parseReportFields, reportMarkdown, type DocxMeta, type FieldAnchor } from '../docx/index.js';
import { convertToPdf, type PdfOptions } from '../pdf/convert.js';
import { withDocumentDate } from '../pdf/document-date.js';
import { charactersDrawnBlank } from '../pdf/blank-glyphs.js';
import { fontsPutInForOthers } from '../pdf/fonts.js';
import { emitReport, type EmitOptions, type EmittedReport } from '../emit/report.js';
import { reportManifest, type ReportInputs } from './manifest.js';
import { atTemplateField, docxMeta, docxWarning, docxWarningPlace, documentDate, fieldSource, MEETING_TEMPLATE_RULES, misplacedField, pdfBlankWarnings, pdfFailure, pdfFontWarning, placeIn, referenceFor, reportSource, templateLanguageWarning } from './report-parts.js';
import { escapeRegExp } from '../util/regexp.js';
import { reportName, sharedReportName } from '../load/report-names.js';
import { isLatvian } from '../model/field.js';

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
  /**
   * Only the problems are wanted (`check`): the DOCX is compiled and serialised as for a
   * build, for its warnings, but not zipped, and no files are kept.
   */
  checkOnly?: boolean;
}

/**
 * One meeting's report generated in memory: the files to write (none when any error was
 * found), every problem, and what went into it. Without `rendered` it is plain data, the one
 * shape that crosses from a worker thread.
 */
export interface GeneratedReport {
  meetingPath: string;
  fileCode: string | null;
  /** Where `file_code` is written, for messages about it. */
  fileCodePlace?: Place | undefined;
  /** The meeting's last day (its `date`, or its `end_date` when it is held over several): whether it is over decides a warning. */
  date: string | null;
  /** The template used (`--template`, else the meeting's); with `inputs`, what the cache key is made of. */
  template: string | null;
  draft: boolean;
  /**
   * The meeting is over and its report was final for it, its positions revised since (see `isArchived`): a run of
   * the whole project leaves out its `meeting/past-draft` (see `quietArchived`). Set only when it is, never with `--final`.
   */
  archived?: true;
  /**
   * The positions of a final report that were cleared only after the meeting (see `clearedOnlyAfter`): built
   * after it, the report prints their later text. Not set for a draft, nor before the meeting is resolved.
   */
  clearedLater?: ClearedLater[];
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  inputs: ReportInputs;
  /** The meeting could not be generated at all (an unreadable file, a bug): a build exits with 2. */
  crashed: boolean;
  /** Time spent on this meeting, in milliseconds (set by whoever timed it). */
  ms: number;
  /**
   * The rendered report and how its DOCX is laid out: present once rendering succeeded (used by
   * `diff`). `source` is the same report in parts (skeleton and Markdown fields): see `reportTree`.
   */
  rendered?: { markdown: string; source: ReportSource; meta: DocxMeta; date: Date };
  /** The SHA-256 of the report's Markdown, written or not, as its manifest records it (`text_sha256`); set when the files were made. */
  textSha256?: string;
  /**
   * The settings and the template as the thread that generated the report read them (see batch/job.ts): a worker
   * thread reads them after the main thread made its keys, and a file saved in between must not be keyed as the other.
   */
  fingerprints?: { settings: string; template: string | null };
}

/** Compiled templates by name, shared by the meetings of one run. */
export type TemplateCache = Map<string, { template?: Template; diagnostics: Diagnostic[] }>;

/** One meeting built: the report generated in memory and, when asked and it had no error, what writing it did. */
export interface MeetingBuild {
  report: GeneratedReport;
  emitted?: EmittedReport;
}

/**
 * The whole chain for one meeting file: load, generate in memory, and — when `emit` is
 * given and no error was found — write the report's files. `emit` as a function may find
 * an error of its own in the report (another meeting's file code) and add it to the
 * report's problems: nothing is written then. A meeting file that cannot be read throws a
 * UsageError, as loading does.
 */
export async function buildMeeting(
  project: Project,
  absolutePath: string,
  options: GenerateOptions,
  templates: TemplateCache,
  emit?: EmitOptions | ((report: GeneratedReport) => EmitOptions),
): Promise<MeetingBuild> {
  // load
  const loaded = loadMeeting(project.root, absolutePath);
  // validate → resolve → render → compile → manifest
  const report = await generateReport(project, loaded, options, templates);
  // emit
  if (!emit || hasErrors(report.diagnostics)) return { report };
  const emitOptions = typeof emit === 'function' ? emit(report) : emit;
  if (hasErrors(report.diagnostics)) return { report };
  return { report, emitted: emitReport(report.files, emitOptions) };
}

/**
 * Runs one loaded meeting through validate → resolve → render → compile, in memory.
 * Writes nothing: the caller decides whether to emit, so `check` can reuse it.
 */
export async function generateReport(project: Project, loaded: LoadedMeeting, options: GenerateOptions, templates: TemplateCache): Promise<GeneratedReport> {
  const result: GeneratedReport = {
    meetingPath: loaded.path,
    fileCode: loaded.meeting?.file_code ?? null,
    fileCodePlace: loaded.file.locate(['file_code']),
    date: loaded.meeting ? lastDayOf(loaded.meeting) : null,
    template: loaded.meeting ? (options.template ?? loaded.meeting.template) : null,
    draft: false,
    files: [],
    diagnostics: [...loaded.diagnostics],
    inputs: { meeting: { path: loaded.path, hash: loaded.hash }, positions: [], template: null },
    crashed: false,
    ms: 0,
  };
  const meeting = loaded.meeting;
  if (!meeting) return result;
  const command = options.checkOnly ? 'check' : 'build';

  // validate: the meeting's cross-file rules, its template, translations
  // Under --final a report must rest on the clearances of today: its errors and warnings stay.
  const archived = !options.final && isArchived(project, meeting, options.today);
  if (archived) result.archived = true;
  result.diagnostics.push(...checkMeeting({ project, loaded, meeting, final: options.final, command, archived, ...(options.today ? { today: options.today } : {}) }));
  const included = includedPositions(project, meeting);
  result.inputs.positions = included.flatMap((p) =>
    p.position ? [{ id: p.id, version: p.position.version, hash: p.hash, path: p.file.path }] : [],
  );
  const templateName = options.template ?? meeting.template;
  // Another template's report sits beside the meeting's own; one in a sub-folder (`ministry/report`) not in a folder of its own.
  const baseName = templateName === meeting.template ? meeting.file_code : `${meeting.file_code}.${reportName(templateName)}`;
  if (baseName !== meeting.file_code) result.diagnostics.push(...sharedReportName(project, templateName, meeting.file_code));
  const compiled = cachedTemplate(templates, templateName, project.templateDirs, project.files);
  result.diagnostics.push(...compiled.diagnostics.map((d) => (MEETING_TEMPLATE_RULES.has(d.ruleId) && !options.template ? atTemplateField(d, loaded) : d)));
  const template = compiled.template;
  if (hasErrors(result.diagnostics) || !template) return result;
  result.inputs.template = template.path;
  result.diagnostics.push(...untranslatedMeeting(project, loaded, meeting, templateName, template));
  result.diagnostics.push(...untranslatedPositions(project, loaded, meeting, templateName, template, options.final, command));
  result.diagnostics.push(...untranslatedPlace(loaded, meeting, templateName, template));
  result.diagnostics.push(...speakingPointsMissing(project, loaded, meeting, templateName, template, options.final, command));
  result.diagnostics.push(...lastDayPrinted(loaded, meeting, template));
  result.diagnostics.push(...placePrinted(loaded, meeting, template));

  // resolve: the model the template renders
  const positions = new Map<string, Position>();
  for (const p of included) if (p.position) positions.set(p.id, p.position);
  const model = resolveReport({ meeting, positions, ministries: project.ministries, config: project.config });
  result.draft = model.draft;
  if (!model.draft) result.clearedLater = clearedOnlyAfter([...positions.values()], meeting.required_clearances, lastDayOf(meeting));

  // render: the Markdown, and the same report in parts for the DOCX
  const rendered = template.render(model, loaded.path, options.final);
  result.diagnostics.push(...rendered.diagnostics);
  if (rendered.markdown === undefined) return result;
  // "(turpmāk – ES)" is Latvian typography: a note in another language (the English template) prints the Latvian texts as written.
  const layout = layoutFor(project.config.layout, template.layout);
  result.diagnostics.push(...templateLanguageWarning(template, layout));
  const parts = reportSource(template, model, rendered.markdown, { meeting: loaded.path, positions: new Map(included.map((p) => [p.id, p.file.path])) });
  const placeOf = (line: number, column: number) => placeOfReportLine(parts, { line, column }, (ref) => fieldSource(project, loaded, ref));
  // The printed text (addresses and code blanked), read by the abbreviation rules and for unfinished work: made once.
  const printed = printedText(rendered.markdown);
  if (isLatvian(layout.language)) {
    // The meeting's own abbreviations are introduced as the config's are.
    result.diagnostics.push(...abbreviationsNotIntroduced(loaded.path, printed, model.abbreviations, placeOf));
    result.diagnostics.push(...abbreviationsIntroducedTwice(loaded.path, printed, placeOf));
    result.diagnostics.push(...abbreviationsNeverUsed(loaded.path, printed, placeOf));
    result.diagnostics.push(...termsWrittenOutAgain(loaded.path, printed, model.abbreviations, parts, placeOf));
  }
  result.diagnostics.push(...unfinishedText(loaded.path, printed, template, placeOf, options.final));
  const fieldTrees = parseReportFields(parts);
  // A field's list kept from running on into the list beside it, as the DOCX has it.
  const source = keepListsApart(parts, fieldTrees);
  const markdown = source === parts ? rendered.markdown : reportMarkdown(source);
  result.diagnostics.push(...fieldTreeProblems(source.fields, fieldTrees, (ref) => fieldSource(project, loaded, ref)));
  result.diagnostics.push(...templateTextProblems(parts, template, rendered.unreached));
  if (hasErrors(result.diagnostics)) return result;
  const date = documentDate(model, options);
  const reference = referenceFor(project, template, layout);
  result.diagnostics.push(...reference.diagnostics);
  if (hasErrors(reference.diagnostics)) return result;
  const meta = docxMeta(layout, reference.reference, model, result.inputs);
  result.rendered = { markdown, source, meta, date };
  if (options.formats.includes('md') && !options.checkOnly) {
    result.files.push({ format: 'md', name: `${baseName}.md`, data: markdown, sha256: sha256(markdown) });
  }

  // A DOCX warning about the template's own text (an image in it), at the line of the template or partial that holds it.
  const markdownLines = markdown.split('\n');
  const inTemplate = (warning: { line?: number | undefined; field?: unknown }) =>
    warning.field || !warning.line ? undefined : templateLineHolding(template, (markdownLines[warning.line - 1] ?? '').trim());
  // compile: the DOCX, and the PDF made from it (so the DOCX and its warnings come even when only the PDF is wanted)
  const pdf = options.formats.includes('pdf') ? options.pdf : undefined;
  let anchors: FieldAnchor[] | undefined;
  if (options.checkOnly) {
    if (options.formats.includes('docx') || options.formats.includes('pdf')) {
      const checked = checkReportDocx(source, meta, fieldTrees);
      result.diagnostics.push(...checked.misplaced.flatMap((found) => misplacedField(project, loaded, source, template, found) ?? []));
      result.diagnostics.push(...checked.warnings.map((warning) => docxWarning(loaded.path, warning, docxWarningPlace(project, loaded, source, warning), inTemplate(warning))));
    }
    return result;
  }
  if (options.formats.includes('docx') || options.formats.includes('pdf')) {
    const docx = compileReportDocx(source, meta, date, fieldTrees);
    anchors = docx.anchors;
    result.diagnostics.push(...docx.misplaced.flatMap((found) => misplacedField(project, loaded, source, template, found) ?? []));
    result.diagnostics.push(...docx.warnings.map((warning) => docxWarning(loaded.path, warning, docxWarningPlace(project, loaded, source, warning), inTemplate(warning))));
    // The .md and the DOCX would say different things: neither is written.
    if (hasErrors(result.diagnostics)) {
      result.files = [];
      return result;
    }
    if (options.formats.includes('docx')) {
      result.files.push({ format: 'docx', name: `${baseName}.docx`, data: docx.bytes, sha256: sha256(docx.bytes) });
    }
    if (pdf) {
      const converted = await convertToPdf(docx.bytes, pdf);
      if ('failure' in converted) {
        result.diagnostics.push(pdfFailure(loaded.path, converted, pdf.office, `${baseName}.docx`));
        result.files = [];
        return result;
      }
      // Dated as the DOCX is, not at the moment of the conversion: the same report, the same PDF.
      const bytes = withDocumentDate(converted.bytes, date);
      const putIn = fontsPutInForOthers(docx.bytes, bytes);
      if (putIn.used.length) result.diagnostics.push(pdfFontWarning(loaded.path, putIn));
      result.diagnostics.push(...pdfBlankWarnings({ path: loaded.path, text: loaded.file.text }, rendered.markdown, charactersDrawnBlank(bytes), placeOf));
      result.files.push({ format: 'pdf', name: `${baseName}.pdf`, data: bytes, sha256: sha256(bytes) });
    }
  }

  // manifest: what went into the files, and their hashes
  if (result.files.length) {
    // The .md's hash when it is written (a 5 MB report is 6–10 ms of hashing), else worked out.
    result.textSha256 = result.files.find((file) => file.format === 'md')?.sha256 ?? sha256(markdown);
    const manifest = reportManifest({ project, loaded, included, template: template, draft: model.draft, documentDate: date, outputs: result.files, textSha256: result.textSha256, anchors, reference: reference.file });
    const data = `${JSON.stringify(manifest, null, 2)}\n`;
    result.files.push({ format: 'manifest', name: `${baseName}.manifest.json`, data, sha256: sha256(data) });
  }
  return result;
}

/**
 * An abbreviation of the config or the meeting the report uses before introducing it, or never introduces:
 * "(turpmāk – ES)" is added where the template asks (`{{introduce}}`, at the meeting's name), so a
 * name written with the short form, and the full term only further on, leaves "ES" unexplained.
 * Only the printed text counts (`printed`, see {@link printedText}): not link addresses, e-mail addresses or code.
 */
function abbreviationsNotIntroduced(
  meetingPath: string,
  printed: string,
  abbreviations: readonly { term: string; short: string }[],
  placeOf: (line: number, column: number) => FieldPlace | undefined,
): Diagnostic[] {
  // Entries with one short form (a term in two cases) are one abbreviation, said once, with its first term.
  const shorts = [...new Set(abbreviations.map((entry) => entry.short))];
  return shorts.flatMap((short) => {
    const terms = abbreviations.filter((entry) => entry.short === short).map((entry) => entry.term);
    const term = terms[0] ?? short;
    const escaped = escapeRegExp(short);
    // The short form inside its own term ("Eiropas Komisija (turpmāk – Komisija)") is the term, not a use of the abbreviation; a term may be wrapped across lines.
    const inTerm = terms.flatMap((each) =>
      [...printed.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(each).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'gu'))].map((found) => ({
        start: found.index,
        end: found.index + found[0].length,
      })),
    );
    const first = [...printed.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))]
      .map((found) => found.index)
      .find((index) => !inTerm.some(({ start, end }) => index >= start && index < end));
    if (first === undefined) return [];
    const introduced = introductionOf(printed, short)?.index;
    if (introduced !== undefined && introduced < first) return [];
    const when = introduced === undefined ? 'never introduces it' : 'uses it before it introduces it';
    const { field, line } = placeIn(printed, first, placeOf);
    const where = field?.place ? `; it first appears here, in \`${field.ref.field}\`` : ` (it first appears on line ${line} of the generated Markdown)`;
    return [
      reportWarning(
        meetingPath,
        field,
        'meeting/abbreviation-not-introduced',
        `${when}: “${short}” should first appear as “${term} (turpmāk – ${short})”${where}.`,
        `Write the meeting's name with “${term}” (the template introduces the abbreviation there), or write “${term} (turpmāk – ${short})” where the report first mentions it: the meeting, its background or a position.`,
      ),
    ];
  });
}

/**
 * A warning about the report's text at the field it comes from (else at the meeting): "The report
 * <what>", naming the meeting when the field is a position's.
 */
function reportWarning(meetingPath: string, field: { ref: { file: string }; place?: Place | undefined } | undefined, ruleId: RuleId, what: string, hint: string): Diagnostic {
  const whose = field?.place && field.ref.file !== meetingPath ? `The report of ${meetingPath}` : 'The report';
  return diagnostic(field?.place ? field.ref.file : meetingPath, field?.place, 'warning', ruleId, `${whose} ${what}`, hint);
}

/**
 * The first introduction of `short` in the printed text, "(turpmāk – ES)", in bold or not: written with an en dash, as
 * the templates write it; a hyphen or an em dash counts too.
 */
function introductionOf(printed: string, short: string): RegExpExecArray | null {
  return new RegExp(`${INTRODUCTION_START}\\*{0,2}${escapeRegExp(short)}\\*{0,2}\\)`, 'u').exec(printed);
}

/** Each introduction of an abbreviation, "(turpmāk – ESF)", the short form in group 1 (in bold or not). */
const INTRODUCTIONS = new RegExp(`${INTRODUCTION_START}\\*{0,2}([^()*\\n]+?)\\*{0,2}\\)`, 'gu');

/**
 * An abbreviation the report introduces a second time ("(turpmāk – ES)" at the meeting's name and
 * again in a position, or two positions that each introduce "ESF"): a report introduces each once.
 * Said at the second introduction.
 */
function abbreviationsIntroducedTwice(meetingPath: string, printed: string, placeOf: (line: number, column: number) => FieldPlace | undefined): Diagnostic[] {
  // Each short form's introductions so far, by where they were written.
  const seen = new Map<string, Set<string>>();
  return [...printed.matchAll(INTRODUCTIONS)].flatMap((match) => {
    const short = (match[1] ?? '').trim();
    const { field, line } = placeIn(printed, match.index, placeOf);
    const written = field?.place ? `${field.ref.file}:${field.place.line}:${field.place.column}` : `${line}:${match.index}`;
    const before = seen.get(short);
    if (!before) {
      seen.set(short, new Set([written]));
      return [];
    }
    // The same words printed again (a position that answers two questions) are no second introduction anyone wrote.
    if (before.has(written)) return [];
    before.add(written);
    const where = field?.place ? `, here, in \`${field.ref.field}\`` : ` on line ${line} of the generated Markdown`;
    return [
      reportWarning(
        meetingPath,
        field,
        'meeting/abbreviation-introduced-twice',
        `introduces “${short}” a second time${where}: “(turpmāk – ${short})” belongs at its first mention only.`,
        `Leave out “(turpmāk – ${short})” here (the report has introduced it before), and write “${short}” instead of the full term if you like.`,
      ),
    ];
  });
}

/**
 * An abbreviation a field introduces ("(turpmāk – IIS)" in a position or the background) that the report never uses after:
 * Latvian introduces a short form only for the mentions that follow. Said at the introduction. A short form written as a
 * word ("Eiropas Komisija (turpmāk – Komisija)") is used in any of its cases ("Komisijas", "Komisijai"); an acronym as it
 * is. What the template introduces (`{{introduce}}` at the meeting's name) is not the desk officer's to leave out: not said.
 */
function abbreviationsNeverUsed(meetingPath: string, printed: string, placeOf: (line: number, column: number) => FieldPlace | undefined): Diagnostic[] {
  const introductions = [...printed.matchAll(INTRODUCTIONS)].map((match) => ({ short: (match[1] ?? '').trim(), start: match.index, end: match.index + match[0].length }));
  const firsts = introductions.filter((intro, index) => introductions.findIndex((other) => other.short === intro.short) === index);
  return firsts.flatMap(({ short, start, end }) => {
    const { field } = placeIn(printed, start, placeOf);
    if (!field?.place || !short) return [];
    // A word is inflected: its stem with any ending; an acronym (no small letter) stands alone.
    const stem = /\p{Ll}/u.test(short) && short.length > 3 ? `${escapeRegExp(short.slice(0, -1))}\\p{L}*` : escapeRegExp(short);
    const uses = [...printed.slice(end).matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${stem}(?![\\p{L}\\p{N}])`, 'gu'))].map((use) => end + use.index);
    if (uses.some((at) => !introductions.some((intro) => at >= intro.start && at < intro.end))) return [];
    return [
      reportWarning(
        meetingPath,
        field,
        'meeting/abbreviation-unused',
        `introduces “${short}” here, in \`${field.ref.field}\`, and never uses it after: “(turpmāk – ${short})” is for a short form the text goes on to use.`,
        `Leave out “(turpmāk – ${short})”, or write “${short}” where the report mentions the term again.`,
      ),
    ];
  });
}

/**
 * A term of the config or the meeting written out in full in a field (the background, a position) after the report has
 * introduced its short form: "(turpmāk – ES)" says the report writes "ES" from there on. Any case of the term counts
 * ("Eiropas Savienībā" for "Eiropas Savienības"). Left alone, as names a report quotes: the term in quotes (the title of
 * an act), followed by a capitalised word (an institution's name, "Eiropas Savienības Tiesa"), in a treaty's name
 * ("Līgums par Eiropas Savienības darbību"), in a footnote (which cites documents), and a second introduction (said as such). Said once for each place written,
 * at its first such mention, with how many more the field has.
 */
function termsWrittenOutAgain(
  meetingPath: string,
  printed: string,
  abbreviations: readonly { term: string; short: string }[],
  parts: ReportSource,
  placeOf: (line: number, column: number) => FieldPlace | undefined,
): Diagnostic[] {
  // By field (file and key): where it was first written out, or null when that place is not in a file to name.
  const said = new Map<string, { field: FieldPlace; term: string; short: string; more: number } | null>();
  for (const short of new Set(abbreviations.map((entry) => entry.short))) {
    const introduced = introductionOf(printed, short);
    if (!introduced) continue;
    const from = introduced.index + introduced[0].length;
    for (const term of new Set(abbreviations.filter((entry) => entry.short === short).map((entry) => entry.term))) {
      // The matches come in report order: the quotes, lines and fields are read once, however often a field writes the term.
      const quoted = quotedNames(printed);
      const fieldAt = fieldsInReportOrder(parts);
      let line = 1;
      let lineStart = 0;
      let counted = 0;
      for (const found of printed.slice(from).matchAll(termInAnyCase(term))) {
        const at = from + found.index;
        if (quoted(at, at + found[0].length)) continue;
        for (; counted < at; counted += 1) {
          if (printed[counted] === '\n') {
            line += 1;
            lineStart = counted + 1;
          }
        }
        const ref = parts.fields[fieldAt({ line, column: at - lineStart + 1 }) ?? -1]?.ref;
        if (!ref) continue;
        const key = `${ref.file}\0${ref.field}`;
        const before = said.get(key);
        if (before) before.more += 1;
        else if (before === undefined) {
          const field = placeOf(line, at - lineStart + 1);
          said.set(key, field?.place ? { field, term: found[0].replace(/\s+/g, ' '), short, more: 0 } : null);
        }
      }
    }
  }
  return [...said.values()].flatMap((first) => {
    if (!first) return [];
    const { field, term, short, more } = first;
    const others = more ? ` (and ${more} more time${more === 1 ? '' : 's'} in this field)` : '';
    const declined = /\p{Ll}/u.test(short) ? ' in the case the sentence needs' : '';
    return [
      reportWarning(
        meetingPath,
        field,
        'meeting/abbreviation-written-out',
        `writes “${term}” in full here, in \`${field.ref.field}\`${others}, after it has introduced “${short}” for it: “(turpmāk – ${short})” promises the short form from there on.`,
        `Write “${short}”${declined} in its place. A name that holds the term is left as it is: in quotes (an act's title), or followed by a capitalised word (“Eiropas Savienības Tiesa”).`,
      ),
    ];
  });
}

/** A term as a whole phrase in any of its cases: its last word's ending may change ("Savienības", "Savienībā", "Savienību"); any space between its words. */
function termInAnyCase(term: string): RegExp {
  const words = term.trim().split(/\s+/);
  const last = words.pop() ?? '';
  const stem = last.length > 3 ? last.replace(/(?:[aeiouāēīū]+s?|s)$/u, '') : last;
  const ending = stem === last ? '' : '\\p{Ll}{0,4}';
  const phrase = [...words.map(escapeRegExp), `${escapeRegExp(stem)}${ending}`].join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * Whether a term found in `printed` belongs to a name the report quotes: inside quotes in its paragraph, before a
 * capitalised word or "(turpmāk", in a treaty's name, or in a footnote. Asked with offsets that only grow, it reads each
 * character once: a paragraph of megabytes that writes the term at every line costs its length, not its square.
 */
function quotedNames(printed: string): (start: number, end: number) => boolean {
  let at = 0;
  let paragraph = 0;
  let line = 0;
  // The quotation marks open here: “…”, „…“ or «…», “ closing a „ and opening otherwise; straight ones counted.
  let open: string[] = [];
  let straight = 0;
  return (start, end) => {
    for (; at < start; at += 1) {
      const char = printed[at];
      if (char === '\n') line = at + 1;
      if (char === '\n' && printed[at + 1] === '\n') {
        open = [];
        straight = 0;
        paragraph = at + 1;
      } else if (char === '„' || char === '«' || (char === '“' && open.at(-1) !== '„')) open.push(char);
      else if (char === '“' || char === '”' || char === '»') open.pop();
      else if (char === '"') straight += 1;
    }
    if (open.length || straight % 2 === 1) return true;
    // A footnote cites documents by their authors' and titles' full names.
    const footnote = /^\s*\[\^[^\]\s]+\]:/u;
    if (footnote.test(printed.slice(paragraph, Math.min(start, paragraph + 200))) || footnote.test(printed.slice(line, Math.min(start, line + 200)))) return true;
    if (/Līgum\p{L}*\s+par\s+$/u.test(printed.slice(Math.max(paragraph, start - 40), start))) return true;
    return /^[ \t]*\n?[ \t]*(?:[*_]{1,2})?(?:\p{Lu}|\(turpmāk)/u.test(printed.slice(end, end + 40));
  };
}

/** The report's Markdown with what is not printed text (code, link and e-mail addresses) blanked, line breaks kept, so an offset in it is one in the Markdown. */
function printedText(markdown: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  const linksBlanked = markdown
    .replace(/```[\s\S]*?```|~~~[\s\S]*?~~~/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    // Each pattern stops where another match of it could start, so a long run of `<`, `](` or `@` costs its length, not its square.
    .replace(/\]\([^)\]\s]*(?:\s+"[^"]*")?\)/g, (link) => `]${blank(link.slice(1))}`)
    .replace(/<[^<>\s]+>/g, blank);
  // Without an `@` there is no e-mail address, and the web addresses alone are found in a third of the time.
  return linksBlanked.replace(linksBlanked.includes('@') ? ADDRESS : WEB_ADDRESS, blank);
}

/** A web address, or an e-mail address (a word with an `@`). */
const ADDRESS = /(?:https?:\/\/|www\.)\S+|(?<!\S)[^\s@]+@[^\s@]+/g;
/** A web address: {@link ADDRESS} in a text without an `@`. */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)\S+/g;

