/**
 * The parts the stages of ./build-meeting.ts call on: the reference DOCX, the report in
 * parts, the document date and metadata, and how their problems are worded.
 */
import { memberStateInEnglish } from '../model/member-states.js';
import { codePointName } from '../load/characters.js';
import type { LoadedMeeting } from '../load/meeting.js';
import { isBuiltInTemplate } from '../load/package-folder.js';
import type { Project } from '../load/project.js';
import type { Layout, ManifestFile } from '../model/index.js';
import { fieldKeyPath, isLatvian, type FieldRef } from '../model/field.js';
import type { ReferenceDocx } from '../model/reference-docx.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { placeOfReportLine, type FieldPlace, type FieldSource } from '../docx/field-problems.js';
import type { ReportModel } from '../resolve/report.js';
import { PLACEHOLDER_CHARS, skeletonModel, type FieldFiles, type ReportSource } from '../render/fields.js';
import type { Template } from '../render/template.js';
import { loadReferenceDocx, type LoadedReference } from '../load/reference-docx.js';
import { fieldSpans, reportMarkdown } from '../docx/fields.js';
import type { DocxMeta, DocxWarning, Misplaced } from '../docx/index.js';
import type { ReportInputs } from './manifest.js';
import { programCall, shellWord } from '../util/shell.js';

// By project, then template: a project is loaded afresh for each run, while a compiled template outlives it
// (kept by its texts in a long-lived process: `build --watch`, the resident server), and the DOCX it names may have been saved since.
const templateReferences = new WeakMap<Project, Map<Template, LoadedReference>>();

/**
 * The reference DOCX the template's front matter names as this run read it for a report, when one
 * was built with it: the build cache keys the reports by these bytes, not by the file as it is later.
 */
export function referenceAsRead(project: Project, template: Template): LoadedReference | undefined {
  return templateReferences.get(project)?.get(template);
}

/**
 * The reference DOCX a report takes its styles from: the one its template's front matter
 * names (read once per template and run, problems reported at the template's first line),
 * else the config's, read with the project.
 */
export function referenceFor(project: Project, template: Template, layout: Layout): { reference?: ReferenceDocx | undefined; file?: ManifestFile | undefined; diagnostics: Diagnostic[] } {
  if (layout.reference_docx === undefined || layout.reference_docx === project.config.layout.reference_docx) return { reference: project.reference, file: project.referenceFile, diagnostics: [] };
  let ofRun = templateReferences.get(project);
  if (!ofRun) templateReferences.set(project, (ofRun = new Map()));
  let loaded = ofRun.get(template);
  if (!loaded) {
    loaded = loadReferenceDocx(project.files, layout.reference_docx, template.path, { line: 1, column: 1 }, layout.paper);
    ofRun.set(template, loaded);
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
export function reportSource(template: Template, model: ReportModel, markdown: string, files: FieldFiles): ReportSource {
  if (!PLACEHOLDER_CHARS.test(markdown)) {
    const parts = skeletonModel(model, files);
    const skeleton = template.render(parts.model).markdown;
    if (skeleton !== undefined && reportMarkdown({ skeleton, fields: parts.fields }) === markdown) return { skeleton, fields: parts.fields };
  }
  return { skeleton: markdown, fields: [] };
}

/** SOURCE_DATE_EPOCH when given, else the model's document date at midnight UTC: never the clock. */
export function documentDate(model: ReportModel, options: { sourceDateEpoch: number | undefined }): Date {
  if (options.sourceDateEpoch !== undefined) return new Date(options.sourceDateEpoch * 1000);
  return new Date(`${model.documentDate}T00:00:00Z`);
}

/**
 * The DOCX's properties (which its PDF carries as title, author, subject and keywords) and page
 * furniture. A report in another language than Latvian (the English template) names the ministry,
 * the topic and, in its keywords, the presidency in English where they are known (its PDF said
 * "Izglītības un zinātnes ministrija" as the author of an English briefing note, and "Portugāle"),
 * and marks a draft "DRAFT".
 */
export function docxMeta(layout: Layout, reference: ReferenceDocx | undefined, model: ReportModel, inputs: ReportInputs): DocxMeta {
  const latvian = isLatvian(layout.language);
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
    subject: latvian ? model.meeting.topic : (model.meeting.topicEn ?? model.meeting.topic),
    creator: latvian ? model.issuingMinistry.nominative : model.issuingMinistry.english,
    keywords: [model.meeting.formation, latvian ? model.meeting.presidency : (memberStateInEnglish(model.meeting.presidency) ?? model.meeting.presidency), model.meeting.date].join(', '),
    footerText: model.meeting.fileCode,
    // The page header's mark in the report's language: "PROJEKTS" at the top of an English note's every page read as a slip.
    draftMark: model.draft ? (latvian ? 'PROJEKTS' : 'DRAFT') : null,
    customProperties,
    layout,
    ...(reference ? { reference } : {}),
  };
}

/** The file a Markdown field was written in, and its value there. */
export function fieldSource(project: Project, loaded: LoadedMeeting, ref: FieldRef): FieldSource | undefined {
  const position = ref.kind === 'position' ? project.positions.get(ref.id) : undefined;
  const [file, data] = ref.kind === 'position' ? [position?.file, position?.position] : [loaded.file, loaded.meeting];
  // The field's key path, dot-joined: `body`, `background`, `speaking_points.0`.
  const raw = fieldKeyPath(ref.field).reduce<unknown>((value, step) => (typeof value === 'object' && value !== null ? Reflect.get(value, step) : undefined), data);
  return file && typeof raw === 'string' ? { file, raw } : undefined;
}

/** The EU's official languages by ISO 639-1 code, with the language tag Word would be given for each. */
const EU_LANGUAGE_TAGS: Readonly<Record<string, string>> = {
  bg: 'bg-BG', cs: 'cs-CZ', da: 'da-DK', de: 'de-DE', el: 'el-GR', en: 'en-GB', es: 'es-ES', et: 'et-EE', fi: 'fi-FI', fr: 'fr-FR', ga: 'ga-IE', hr: 'hr-HR',
  hu: 'hu-HU', it: 'it-IT', lt: 'lt-LT', lv: 'lv-LV', mt: 'mt-MT', nl: 'nl-NL', pl: 'pl-PL', pt: 'pt-PT', ro: 'ro-RO', sk: 'sk-SK', sl: 'sl-SI', sv: 'sv-SE',
};

/**
 * `template/language`: a template named for one language (`briefing-note.en`, as the built-in ones
 * are) whose text is marked as another (`layout.language`, lv-LV unless its front matter or the
 * config says otherwise). A copy of the Latvian template translated into English kept lv-LV: Word
 * marked every word as misspelt, and the Latvian abbreviation checks ran on the note.
 */
export function templateLanguageWarning(template: Template, layout: Layout): Diagnostic[] {
  const code = /\.([a-z]{2})$/.exec(template.name)?.[1];
  const tag = code === undefined ? undefined : EU_LANGUAGE_TAGS[code];
  if (code === undefined || tag === undefined || layout.language.toLowerCase().startsWith(`${code}-`)) return [];
  return [
    diagnostic(
      template.path,
      { line: 1, column: 1 },
      'warning',
      'template/language',
      `The template \`${template.name}\` is named as written in \`${code}\`, but its text is marked ${layout.language} (\`layout.language\`): Word checks its spelling as that language${isLatvian(layout.language) ? ', and the Latvian abbreviation checks run on it' : ''}.`,
      `Give the template a front matter at its very top: ---, then layout: { language: ${tag} }, then ---.`,
    ),
  ];
}

/** Template problems caused by the meeting's `template` field, so reported there. */
export const MEETING_TEMPLATE_RULES = new Set(['template/missing', 'template/outside-folder']);

/** A template problem moved to the meeting's `template` field. */
export function atTemplateField(d: Diagnostic, loaded: LoadedMeeting): Diagnostic {
  const place = loaded.file.locate(['template']);
  return { ...d, file: loaded.path, ...(place ? { line: place.line, column: place.column } : {}) };
}

/**
 * A construct the DOCX cannot show, as a warning at its place in the field's file (`place`, from
 * {@link placeOfReportLine}); in the template's own text, at the line of the template or partial
 * that holds it (`inTemplate`), else on the meeting, with the line of the generated Markdown.
 */
export function docxWarning(
  meetingPath: string,
  warning: { reason: string; line?: number | undefined; field?: { file: string; field: string } | undefined },
  place?: FieldPlace,
  inTemplate?: { file: string; place: Place },
): Diagnostic {
  // The field before the reason: after it, ", in `body`" read as part of the reason's advice ("write its rows as a list in the note, in `body`").
  const where = warning.field ? `, from \`${warning.field.field}\`` : '';
  if (place?.place) return diagnostic(place.ref.file, place.place, 'warning', 'docx/unsupported', `In the DOCX${where}: ${warning.reason}.`);
  if (inTemplate) return diagnostic(inTemplate.file, inTemplate.place, 'warning', 'docx/unsupported', `In the DOCX, from the template's text: ${warning.reason}.`);
  return diagnostic(
    warning.field?.file ?? meetingPath,
    undefined,
    'warning',
    'docx/unsupported',
    `In the DOCX${where}${warning.line ? ` (line ${warning.line} of the generated Markdown)` : ''}: ${warning.reason}.`,
  );
}

/** Where a DOCX warning's place in the report was written, when a Markdown field printed it. */
export function docxWarningPlace(project: Project, loaded: LoadedMeeting, source: ReportSource, warning: DocxWarning): FieldPlace | undefined {
  if (!warning.field || !warning.line) return undefined;
  return placeOfReportLine(source, { line: warning.line, column: warning.column ?? 1, fieldColumn: true, field: warning.field }, (ref) => fieldSource(project, loaded, ref));
}

/**
 * LibreOffice could not convert the DOCX. The message names the program that was run (a stray
 * `soffice` earlier on PATH is then seen at once); the hint says how to see LibreOffice's own
 * complaint, on the DOCX a build of that format alone writes (this build writes nothing of the
 * meeting), unless the conversion gave a hint of its own.
 */
export function pdfFailure(meetingPath: string, failure: { failure: string; hint?: string }, office: string, docx: string, platform: NodeJS.Platform = process.platform): Diagnostic {
  const program = programCall(office, platform);
  const hint = `Build the DOCX alone (--format docx) and run \`${program.word} --headless --convert-to pdf ${shellWord(docx, platform)}\`${program.note} in the output folder to see why.`;
  return diagnostic(meetingPath, undefined, 'error', 'output/pdf', `LibreOffice (${office}) could not make the PDF: ${failure.failure}.`, failure.hint ?? hint);
}

/**
 * The PDF is set partly in fonts the DOCX does not name (see `fontsPutInForOthers`): it looks and
 * breaks its pages otherwise than the DOCX in Word, and a letter may be in another font than its word.
 */
export function pdfFontWarning(meetingPath: string, fonts: { used: readonly string[]; named: readonly string[] }): Diagnostic {
  const [one] = fonts.used;
  return diagnostic(
    meetingPath,
    undefined,
    'warning',
    'output/pdf-font',
    `The PDF is set partly in ${fonts.used.join(', ')}, which the DOCX does not name: LibreOffice put ${one !== undefined && fonts.used.length === 1 ? 'it' : 'them'} in for a font it does not have on this machine, or for letters (ā, š, ž …) a font lacks.`,
    `The DOCX names ${fonts.named.join(', ') || 'no font'}. Install those fonts where the PDFs are made (fonts-liberation stands in for Times New Roman, Arial and Courier New), or name fonts that are there in the reference DOCX or \`layout.font\`.`,
  );
}

/**
 * `output/pdf-glyph`: characters the PDF shows as blank space or an empty box (see `charactersDrawnBlank`), no font
 * LibreOffice found on this machine having them. Said once for each Markdown field that holds them, at the
 * first of them in its file (`placeOf` a line and column of the report's Markdown); characters of a
 * plain field of the meeting (its topic, a question), at their first place in the meeting's file; any
 * other (the template's own text), on the meeting, with the Markdown's line.
 */
export function pdfBlankWarnings(
  meeting: { path: string; text: string },
  markdown: string,
  characters: readonly string[],
  placeOf: (line: number, column: number) => FieldPlace | undefined,
): Diagnostic[] {
  const found = new Map<string, { file: string; place: Place | undefined; where: string; characters: string[] }>();
  for (const character of characters) {
    const offset = markdown.indexOf(character);
    const { field, line } = offset < 0 ? { field: undefined, line: 0 } : placeIn(markdown, offset, placeOf);
    const inMeeting = field ? undefined : placeOfText(meeting.text, character);
    // The report's Markdown writes a character otherwise (an entity, an escape): only the PDF has it.
    const [key, group] = field
      ? [`${field.ref.file}\0${field.ref.field}`, { file: field.ref.file, place: field.place, where: ` in \`${field.ref.field}\`` }]
      : inMeeting
        ? ['meeting', { file: meeting.path, place: inMeeting, where: '' }]
        : ['', { file: meeting.path, place: undefined, where: offset < 0 ? '' : ` (line ${line} of the generated Markdown)` }];
    const each = found.get(key) ?? { ...group, characters: [] };
    each.characters.push(character);
    found.set(key, each);
  }
  return [...found.values()].map(({ file, place, where, characters: here }) => {
    // A few, then how many more: a page of Chinese is not a list of 150 characters.
    const shown = here.slice(0, LISTED_CHARACTERS).map((character) => `${/\p{C}/u.test(character) ? '' : `${character} `}(${[...character].map(codePointName).join(' ')})`);
    const listed = `${shown.join(', ')}${here.length > LISTED_CHARACTERS ? ` and ${here.length - LISTED_CHARACTERS} more` : ''}`;
    const message = `The PDF shows ${listed}${where} as blank space or an empty box: neither the report's font nor any other font LibreOffice found on this machine has ${here.length === 1 ? 'this character' : 'these characters'}.`;
    return diagnostic(file, place, 'warning', 'output/pdf-glyph', message, glyphHint(here));
  });
}

/** Where `character` first stands in a YAML file's text, outside comment lines (column in UTF-16 units, as editors count). */
function placeOfText(text: string, character: string): Place | undefined {
  for (const [index, line] of text.split('\n').entries()) {
    const column = line.indexOf(character);
    if (column >= 0 && !line.trimStart().startsWith('#')) return { line: index + 1, column: column + 1 };
  }
  return undefined;
}

/** How many characters an `output/pdf-glyph` message lists by name. */
const LISTED_CHARACTERS = 8;

/**
 * What to do about characters no font has: the Debian packages of fonts for emoji, Chinese, Japanese
 * and Korean, and the other scripts and signs. A character for private use (what Word's Symbol-font
 * bullets paste as) or an invisible one (a control character, a Hangul filler) is in no font: it is
 * to be deleted, or typed as the character meant.
 */
function glyphHint(characters: readonly string[]): string {
  if (characters.every((character) => /\p{Co}|\p{Cc}|[\u115F\u1160\u3164\uFFA0]/u.test(character))) {
    return 'Delete them: they are pasted characters no font shows (a bullet of Word’s Symbol font, a control character or an invisible filler); type the character meant (•, –) where there was one.';
  }
  const packages = new Set<string>();
  for (const character of characters) {
    if (/\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(character)) packages.add('fonts-noto-color-emoji for emoji');
    else if (/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|\p{Script=Bopomofo}/u.test(character)) packages.add('fonts-noto-cjk for Chinese, Japanese and Korean');
    else packages.add('fonts-noto-core or fonts-dejavu for other scripts and signs');
  }
  return `Install a font that has them where the PDFs are made (Debian/Ubuntu: apt-get install ${[...packages].join('; ')}) and build again, or write the text without them.`;
}

/** Names of a field's first block, as a desk officer would call it. */
const BLOCK_NAMES: Record<string, string> = { footnoteDefinition: 'a footnote definition', definition: 'a link definition', list: 'a list', table: 'a table', blockquote: 'a quote', heading: 'a heading', code: 'a code block', html: 'HTML', thematicBreak: 'a line across the page' };

/**
 * `template/field-placement`: a Markdown field the template puts where the `.md` and the DOCX
 * would read it differently (see {@link Misplaced}); said at the field in its file, naming the template.
 */
export function misplacedField(project: Project, loaded: LoadedMeeting, source: ReportSource, template: Template, found: Misplaced): Diagnostic | undefined {
  const ref = source.fields[found.index]?.ref;
  if (!ref) return undefined;
  const builtIn = isBuiltInTemplate(project.root, template.path);
  // The field may stand in a partial the template includes: both are named.
  const partials = template.files.length > 1 ? ' (or a partial it includes)' : '';
  const templatePath = `${builtIn ? `the built-in template ${template.name}` : `the template ${template.path}`}${partials}`;
  const name = `\`${ref.field}\``;
  // Where the field ends, for text that runs on after it; where it starts, otherwise.
  const span = fieldSpans(source).find((one) => one.index === found.index && (found.line === undefined || one.first >= found.line));
  const line = found.how === 'runs-on' ? span?.last : found.line;
  const where = line === undefined ? '' : ` (line ${line} of the generated Markdown)`;
  const blocks = found.blocks === 1 ? 'one block' : `${found.blocks} paragraphs or other blocks (footnotes count)`;
  const [message, hint] =
    found.how === 'runs-on'
      ? [
          `${name} has ${blocks}, and ${templatePath} goes on with more text right where it ends${where}: the Markdown would join that text to its last paragraph or footnote, the DOCX to its first paragraph.`,
          'Leave a blank line after the field in the template.',
        ]
      : found.how === 'mid-line'
        ? [
            `${name} starts with ${BLOCK_NAMES[found.first] ?? `a ${found.first}`}, and ${templatePath} prints it within a line of other text${where}: the Markdown would read it as part of that line, the DOCX would set it apart.`,
            `Put the field on a line of its own in the template, with a blank line before and after it; or start ${name} with a sentence.`,
          ]
        : [
            `${name} has ${blocks}, and ${templatePath} puts it inside a heading, a quote, a list item, a table cell or formatting${where}: in the Markdown only its first paragraph would be inside, in the DOCX all of it.`,
            `Put the field on a line of its own in the template, with a blank line before and after it; or write ${name} as one paragraph.`,
          ];
  const file = fieldSource(project, loaded, ref)?.file;
  const place = file?.locate(fieldKeyPath(ref.field));
  return diagnostic(ref.file, place, 'error', 'template/field-placement', message, hint);
}

/** Where an offset of the printed text is: its line in the Markdown, and the field (a position, the background) when one printed it. */
export function placeIn(printed: string, offset: number, placeOf: (line: number, column: number) => FieldPlace | undefined): { field: FieldPlace | undefined; line: number } {
  const before = printed.slice(0, offset);
  const line = before.split('\n').length;
  return { field: placeOf(line, offset - before.lastIndexOf('\n')), line };
}
