import { localDay } from '../model/date.js';
import { notADocx } from './docx-beside.js';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseDocument, Scalar, type Document } from 'yaml';
import { setBeside, topKey } from '../util/yaml-document.js';
import { createFiles } from '../emit/create.js';
import { fileCodeFor, isSlug, unusedFileCode } from '../scaffold/meeting.js';
import { fileCodeDate } from '../model/date.js';
import { fileCodesInUse } from '../load/meetings.js';
import { projectPath, readBytesWithin } from '../load/files.js';
import { filesClaiming, loadProject, type Project } from '../load/project.js';
import { ministriesInList } from '../import/cleared-with.js';
import { joinList } from '../util/join-list.js';
import { formationNamed } from '../import/formation.js';
import { parseReport } from '../import/report-parts.js';
import type { ImportedReport } from '../import/imported-report.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { commentThreads, type ReviewComment, type ReviewedDocument } from '../review/reviewed-docx.js';
import { DamagedDocxError, NotADocxError } from '../review/docx-errors.js';
import { MAX_DOCX_FILE_BYTES, readReviewedDocx } from '../review/read-docx.js';
import { revisionsOf } from '../review/fields.js';
import { textOf } from '../review/paragraph-groups.js';
import { schemaLine } from '../scaffold/schema-line.js';
import { presidencyDefault } from '../scaffold/presidencies.js';
import { MEETING_SKELETON, POSITION_SKELETON } from '../scaffold/skeletons.js';
import { asciiSlug } from '../util/ascii.js';
import { meetingSchema } from '../model/meeting.js';
import { WINDOWS_RESERVED } from '../model/common.js';

/** Options of `briefing import <report.docx>`. */
export interface ImportOptions {
  cwd: string;
  docx: string;
  /** The meeting's slug (file `meetings/<date>-<slug>.yaml`, positions `<slug>-1`, …); from the file name when not given. */
  slug?: string;
}

/** The files `import` wrote and what it could not place. */
export interface ImportResult {
  docx: string;
  written: string[];
  /** Fields filled with a placeholder, for the user to complete. */
  missing: string[];
  unplaced: string[];
  notes: string[];
  diagnostics: Diagnostic[];
  exitCode: number;
}

/**
 * Turns an existing Word report of the informative-report kind into a meeting file and
 * one draft position per answer, best effort: what it cannot place is listed, and
 * fields it cannot find are filled with `x` for the user to complete (`check` finds them).
 */
export function importReport(options: ImportOptions): ImportResult {
  const project = loadProject(options.cwd);
  const absolute = resolve(options.cwd, options.docx);
  const shown = projectPath(project.root, absolute);
  const result: ImportResult = { docx: shown, written: [], missing: [], unplaced: [], notes: [], diagnostics: [...project.setupDiagnostics], exitCode: ExitCode.ok };
  if (hasErrors(result.diagnostics)) return finish(result);
  const bytes = readBytesWithin(absolute, shown, MAX_DOCX_FILE_BYTES, 'a DOCX');
  let document;
  try {
    document = readReviewedDocx(bytes);
  } catch (error) {
    if (error instanceof DamagedDocxError) {
      result.diagnostics.push(diagnostic(shown, undefined, 'error', 'import/not-a-report', error.message, error.hint));
      return finish(result);
    }
    if (!(error instanceof NotADocxError)) throw error;
    const said = notADocx(absolute, shown, error);
    result.diagnostics.push(diagnostic(shown, undefined, 'error', 'import/not-a-report', said.message, said.hint));
    return finish(result);
  }
  const report = parseReport(document);
  // A report without questions is one still (the template prints it, and check only warns): the date is what makes one.
  // What the parts of a file that is none would say is not told: the one line of the refusal is what to read.
  if (!report.date && report.impossibleDays !== undefined) {
    const message = `The report dates the meeting “${report.impossibleDays}”, a day the calendar does not have, and gives no other date: nothing was imported.`;
    result.diagnostics.push(diagnostic(shown, undefined, 'error', 'import/not-a-report', message, 'Correct the date in the title and the opening paragraph of the DOCX, then import it again.'));
    return finish(result);
  }
  if (!report.date) {
    result.diagnostics.push(diagnostic(shown, undefined, 'error', 'import/not-a-report', 'This does not read as an informative report: no meeting date (title or opening paragraph) found.', 'import reads a Latvian informative report laid out as `briefing build` lays one out (template informative-report.lv): title, opening, background, numbered questions with answers, clearance line. Speaking points and the English note are not read back: import the informative report of the same meeting.'));
    return finish(result);
  }
  result.unplaced = report.unplaced;
  result.notes = [...report.notes, ...underReview(document)];
  if (options.slug !== undefined && !isSlug(options.slug)) {
    throw new UsageError(`--slug: \`${options.slug}\` is not a usable name: use the letters a–z (no ā or š), digits and dashes.`, 'For example: --slug educ-informal');
  }
  if (options.slug !== undefined && WINDOWS_RESERVED.test(options.slug)) {
    throw new UsageError(`--slug: \`${options.slug}\` is a name Windows keeps for a device: a colleague on Windows could not check out the folder ${project.config.paths.positions}/${options.slug}/ the positions go in.`, `For example: --slug ${options.slug}-informal`);
  }
  const slug = options.slug ?? slugOf(basename(absolute), report.date);
  const keywords = keywordsOf(document.core.get('keywords') ?? '');
  const files = new Map<string, string>();
  const meetingPath = join(project.config.paths.meetings, `${report.date}-${slug}.yaml`);
  const positionIds = report.questions.map((_, index) => `${slug}-${index + 1}`);
  const { codes, unknown } = ministriesInList(report.clearedWith ?? '', project.ministries);
  for (const name of unknown) result.notes.push(`the clearance line names “${name}”, which is not in the ministries registry: add it to required_clearances by hand`);
  // A draft's clearance line names only the ministries that cleared every position: those its note names are required too, none recorded as cleared.
  const waiting = report.draft ? ministriesInList(report.draft.ministries.join(' un '), project.ministries, 'nominative') : { codes: [], unknown: [] };
  const required = [...new Set([...codes, ...waiting.codes])];
  if (report.draft) {
    const missing = waiting.codes.filter((code) => !codes.includes(code));
    const names = missing.map((code) => project.ministries[code]?.nominative ?? code);
    const requests = missing.map((code) => `\`briefing clear ${positionIds.join(' ')} --ministry ${code} --pending\``);
    result.notes.push(
      `the report is a draft: ${names.length ? `its note names ${joinList(names, 'and')} as not having cleared it (in required_clearances, with no clearance recorded: record each request, ${joinList(requests, 'and')}, or the answer given), and ` : ''}its positions are drafts: set \`status: cleared\` once a position is final`,
    );
    for (const name of waiting.unknown) result.notes.push(`the draft note names “${name}”, which is not in the ministries registry: add it to required_clearances by hand`);
  }
  // The report's own code (its footer or header, else its file's name), else the usual one; another meeting's code would make both fail to build.
  const wanted = reportFileCode(document.marginTexts, basename(absolute), report.date) ?? fileCodeFor(project.config.issuing_ministry, report.date, slug);
  const taken = fileCodesInUse(project);
  const fileCode = unusedFileCode(wanted, taken);
  if (fileCode !== wanted) {
    result.notes.push(`the file code ${wanted} is already used by ${taken.get(wanted.toLowerCase()) ?? 'another meeting'}: the imported meeting got ${fileCode}; if this report replaces that meeting, remove one of the two and give the other ${wanted}`);
  }
  const formation = formationOf(keywords, report, result.notes);
  files.set(meetingPath, meetingYaml(project, meetingPath, report, { positionIds, codes: required, fileCode, keywords, formation }, result.missing) + unplacedComment(report.unplacedMarkdown) + reviewersComments(document));
  for (const key of ['signature', 'visa'] as const) if (result.missing.includes(key)) result.notes.push(SIGNATORY_NOTES[key]);
  // Without a clearance line the positions are drafts: no clearance to date.
  const clearanceDate = codes.length ? clearedOn(createdDay(document.core.get('created') ?? ''), report.date, result.notes) : '';
  report.questions.forEach((question, index) => {
    const id = positionIds[index] ?? '';
    const path = join(project.config.paths.positions, slug, `${id}.yaml`);
    files.set(path, positionYaml(project, path, id, question, codes, clearanceDate, shown, report.draft !== undefined));
  });
  for (const path of files.keys()) {
    if (existsSync(join(project.root, path))) result.diagnostics.push(diagnostic(path, undefined, 'error', 'import/exists', `${path} exists already; import writes new files only.`, 'Pass another --slug, or move the existing file away.'));
    else if (hiddenBySparseCheckout(project, path)) {
      // Written there, it would show in git as a change of the file the sparse checkout leaves out.
      result.diagnostics.push(diagnostic(path, undefined, 'error', 'import/exists', `${path} exists already in the git repository, though this sparse checkout leaves it out; import writes new files only.`, 'Pass another --slug.'));
    }
  }
  // A file of another name may claim the id: two positions with one id fail every meeting that uses it.
  positionIds.forEach((id, index) => {
    const claiming = filesClaiming(project, id);
    const path = join(project.config.paths.positions, slug, `${id}.yaml`);
    if (claiming.length && !claiming.includes(path)) {
      result.diagnostics.push(diagnostic(path, undefined, 'error', 'import/exists', `The position id \`${id}\` (question ${index + 1}) is already used by ${claiming.join(', ')}; import writes new positions only.`, 'Pass another --slug.'));
    }
  });
  if (hasErrors(result.diagnostics)) return finish(result);
  // New files only, made as one set: one that appeared meanwhile is not replaced, and a failure removes the rest.
  createFiles([...files].map(([path, text]) => ({ target: join(project.root, path), text, shownAs: path })));
  result.written.push(...files.keys());
  return finish(result);
}

/**
 * The text import could not place, whole, as comments at the end of the meeting file: the
 * terminal shows each paragraph shortened, and a paragraph left out of every file would be lost.
 */
function unplacedComment(markdown: string | undefined): string {
  if (!markdown) return '';
  const lines = markdown.trimEnd().split('\n').map((line) => (line ? `#   ${line}` : '#'));
  return `\n# Text of the report import could not place: move what belongs to a field into it, then delete these lines.\n${lines.join('\n')}\n`;
}

/**
 * What a report still under review holds that import does not carry over as such: its tracked
 * changes, which are read as if every one were accepted (as Word prints the report with
 * markup off), and its comments, which are kept at the end of the meeting file. Said, so that
 * text nobody agreed to is not taken for the report's.
 */
function underReview(document: ReviewedDocument): string[] {
  const paragraphs = [...document.paragraphs, ...[...document.footnotes.values()].flat()];
  const revisions = paragraphs.flatMap(revisionsOf);
  const notes: string[] = [];
  if (revisions.length) {
    const authors = [...new Set(revisions.map((revision) => revision.author).filter(Boolean))];
    notes.push(
      `the report has tracked changes${authors.length ? ` (by ${authors.join(', ')})` : ''}, read as if all were accepted: check the positions' text, or accept or reject the changes in Word and import again`,
    );
  }
  const count = document.comments.size;
  if (count) notes.push(`the report has ${count === 1 ? 'a comment' : `${count} comments`}, kept at the end of the meeting file: none is in a position's text`);
  return notes;
}

/** The reviewers' comments of the report, each with its author, day and the words it is anchored at, as comments at the end of the meeting file. */
function reviewersComments(document: ReviewedDocument): string {
  if (!document.comments.size) return '';
  const anchored = new Map<string, string>();
  for (const paragraph of document.paragraphs) {
    const words = textOf(paragraph, 'accept').replace(/\s+/g, ' ').trim();
    for (const id of paragraph.comments) if (!anchored.has(id)) anchored.set(id, words.length > 60 ? `${words.slice(0, 60)}…` : words);
  }
  const said = (comment: ReviewComment) => {
    const who = [comment.author, comment.date.slice(0, 10)].filter(Boolean).join(', ');
    return `${who ? `${who}: ` : ''}${comment.text.replace(/\s+/g, ' ').trim()}`;
  };
  // Each thread together, as the review listing shows it: the comment (resolved or not), where it is, then its replies.
  const lines = commentThreads([...document.comments.values()]).flatMap(({ comment, replies }) => {
    const at = anchored.get(comment.id);
    return [
      `#   ${said(comment)}${comment.resolved ? ' (resolved)' : ''}`,
      ...(at ? [`#     at “${at}”`] : []),
      ...replies.map((reply) => `#     reply by ${said(reply)}`),
    ];
  });
  return `\n# Comments in the report, not imported: act on them, then delete these lines.\n${lines.join('\n')}\n`;
}

function finish(result: ImportResult): ImportResult {
  result.diagnostics = sortDiagnostics(result.diagnostics);
  if (hasErrors(result.diagnostics)) result.exitCode = ExitCode.problems;
  return result;
}

/**
 * The day a DOCX was created, as the calendar where it is imported shows it: Word writes the moment
 * in UTC, and 22:30 UTC is the next day in Riga. briefing writes its document's date at midnight UTC,
 * a day rather than a moment: kept as written, as are a day without a time and a time that does not read.
 */
function createdDay(created: string): string {
  const moment = new Date(created);
  if (/^\d{4}-\d{2}-\d{2}$|T00:00:00(?:\.0+)?Z$/.test(created) || Number.isNaN(moment.getTime())) return created.slice(0, 10);
  return localDay(moment);
}

/**
 * The day the positions count as cleared: the DOCX's creation date, when it is a day before the
 * meeting's or that day; else the meeting's, with a note (a report converted or saved anew after
 * the meeting carries that day, and a clearance after the meeting is one check warns about).
 */
function clearedOn(created: string, meetingDate: string, notes: string[]): string {
  if (!created || created <= meetingDate) return created || meetingDate;
  notes.push(`the DOCX was created on ${created}, after the meeting: the clearances are dated ${meetingDate}, the meeting's day; write the real dates if you know them`);
  return meetingDate;
}

/**
 * `IZMzin_190221_EDUC.docx` → `izmzin-190221-educ`, without the date when the name starts with it,
 * and no longer than {@link SLUG_MAX} (cut at a dash when there is one): a report's file name may
 * be a sentence, and the slug names a folder, files and every position's id.
 */
function slugOf(fileName: string, date: string): string {
  const whole = asciiSlug(fileName.replace(/\.docx$/i, '')).replace(new RegExp(`^${date}-`), '');
  const cut = whole.slice(0, SLUG_MAX + 1);
  const slug = whole.length <= SLUG_MAX ? whole || 'imported' : (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, SLUG_MAX)).replace(/-$/, '');
  // `con.docx` from another system, or `aux-<a long word>.docx` cut at its dash: a folder positions/con/ could not be checked out on Windows.
  return WINDOWS_RESERVED.test(slug) ? `${slug}-imported` : slug;
}

const SLUG_MAX = 40;

function block(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = 'BLOCK_LITERAL';
  return scalar;
}

function stringify(project: Project, path: string, kind: 'meeting' | 'position', doc: Document): string {
  return `${schemaLine(project.root, join(project.root, path), kind)}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

function meetingYaml(
  project: Project,
  path: string,
  report: ImportedReport,
  found: { positionIds: string[]; codes: string[]; fileCode: string; keywords: string[]; formation: string | undefined },
  missing: string[],
): string {
  const doc = parseDocument(MEETING_SKELETON);
  const set = (key: string[], value: unknown, placeholder = 'x'): void => {
    if (value === undefined || value === '') {
      missing.push(key.join('.'));
      doc.setIn(key, placeholder);
    } else doc.setIn(key, value);
  };
  const nominative = report.name.nominative ?? '';
  set(['date'], report.date);
  if (report.endDate !== undefined) setBeside(doc, 'end_date', report.endDate, { after: 'date' });
  if (report.place !== undefined) setBeside(doc, 'place', doc.createNode(report.place, { flow: true }), { after: report.endDate !== undefined ? 'end_date' : 'date' });
  if (report.time) doc.setIn(['time'], report.time);
  else doc.deleteIn(['time']);
  doc.setIn(['kind'], /neformāl/.test(nominative) ? 'informal' : 'formal');
  doc.setIn(['mode'], /tiešsaist|videokonferenc/.test(nominative) ? 'videoconference' : 'in-person');
  // A report built by briefing carries formation, presidency and date as its keywords.
  const [, presidency, keywordDate] = found.keywords;
  const fromKeywords = keywordDate === report.date;
  set(['formation'], found.formation);
  // Else the presidency in office on the meeting's day, as `new meeting` offers it: a fact of the date.
  set(['presidency'], fromKeywords ? presidency : presidencyDefault(report.date ?? ''));
  set(['topic'], report.topic);
  set(['name', 'nominative'], report.name.nominative);
  set(['name', 'locative'], report.name.locative);
  set(['name', 'short_locative'], report.name.short_locative);
  if (report.outcome) {
    // Where the skeleton's comment about `outcome` stands: just before `background`.
    setBeside(doc, 'outcome', report.outcome.includes('\n') ? block(report.outcome) : report.outcome, { before: 'background' });
  }
  set(['background'], report.background ? block(report.background) : undefined);
  doc.setIn(['questions'], doc.createNode(report.questions.map((q, index) => ({ text: q.text, position: found.positionIds[index] })), { flow: false }));
  doc.setIn(['required_clearances'], doc.createNode(found.codes, { flow: true }));
  doc.setIn(['template'], 'informative-report.lv');
  doc.setIn(['file_code'], found.fileCode);
  // Not found, the skeleton's `{ role: x, name: x }` stays: the signer of an older report is not the config's of today.
  for (const key of ['signature', 'visa'] as const) {
    const signatory = report[key];
    if (signatory) doc.setIn([key], doc.createNode(signatory, { flow: false }));
    else missing.push(key);
  }
  describeSignatories(doc);
  return stringify(project, path, 'meeting', doc);
}

/**
 * The comment above `signature` and `visa` says what is true of an imported meeting: they are the report's, and
 * a visa deleted is no visa line (the skeleton's comment tells of the config's defaults, which `new meeting` offers).
 */
function describeSignatories(doc: Document): void {
  const key = topKey(doc, 'signature');
  if (key) key.commentBefore = IMPORTED_SIGNATORIES_COMMENT;
}

const IMPORTED_SIGNATORIES_COMMENT = [
  ' Who signed the report (the signature block) and who endorsed it (the visa line), as the report prints them.',
  ' An x is one the report did not say: write the role and name (the config\'s are today\'s, not this report\'s),',
  ' or delete `visa` (the report then prints no visa line).',
].join('\n');

/** What to do about a signature or visa the report did not give (see {@link IMPORTED_SIGNATORIES_COMMENT}). */
const SIGNATORY_NOTES = {
  signature: 'signature: write who signed the report (role and name): the config\'s `signature` is not taken, as an older report\'s signer may be another',
  visa: 'visa: write who endorsed the report (role and name), or delete `visa` from the meeting: without it the report prints no visa line',
} as const;

function positionYaml(project: Project, path: string, id: string, question: { text: string; body: string }, codes: string[], date: string, source: string, draft: boolean): string {
  const doc = parseDocument(POSITION_SKELETON);
  doc.setIn(['id'], id);
  doc.setIn(['version'], 1);
  doc.setIn(['status'], codes.length && !draft ? 'cleared' : 'draft');
  doc.setIn(['owner', 'ministry'], project.config.issuing_ministry);
  doc.deleteIn(['owner', 'unit']);
  doc.setIn(['questions', 0], question.text);
  doc.setIn(['body'], block(question.body));
  if (codes.length) {
    const entries = Object.fromEntries(codes.map((code) => [code, { status: 'cleared', date, ref: `importēts no ${source}` }]));
    doc.setIn(['clearance'], doc.createNode(entries, { flow: false }));
  }
  return stringify(project, path, 'position', doc);
}

/**
 * The meeting's formation: the DOCX keywords' when briefing wrote them (their date the meeting's), else
 * the configuration the meeting's Latvian name names ("… Vispārējo lietu padomes sanāksme" → GAC), with
 * a note, as that is a guess; undefined when neither says.
 */
function formationOf(keywords: readonly string[], report: ImportedReport, notes: string[]): string | undefined {
  const [formation, , keywordDate] = keywords;
  if (keywordDate === report.date) return formation;
  const named = formationNamed([report.name.locative, report.name.nominative].filter((name) => name !== undefined));
  if (named) notes.push(`formation ${named} is guessed from the meeting’s name: check it`);
  return named;
}

/**
 * The formation, presidency and date the DOCX keywords hold: `EYCS, Portugāle, 2021-02-19` as the
 * build writes them, or without commas (`EYCS Portugāle 2021-02-19`), as LibreOffice saves them.
 */
function keywordsOf(text: string): string[] {
  if (text.includes(',')) return text.split(',').map((s) => s.trim());
  const spaced = /^(\S+)\s+(.+?)\s+(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  return spaced ? [spaced[1] ?? '', spaced[2] ?? '', spaced[3] ?? ''] : [text.trim()];
}

/**
 * The report's own file code: the first footer or header (footers first) that is one, as the build
 * writes it, or holds a word shaped like one (`Datne: IZMzin_050422_EDUC; lpp. 1`); else the file's
 * name when it is a code of the meeting's day (`KMzin_050422_EYCS.docx`), as ministries name their
 * reports; undefined when none holds one.
 */
function reportFileCode(marginTexts: readonly string[], fileName: string, date: string): string | undefined {
  for (const text of marginTexts) {
    const code = fileCodeIn(text);
    if (code) return code;
  }
  const name = fileName.replace(/\.docx$/i, '');
  return isFileCode(name) && name.includes(fileCodeDate(date)) ? name : undefined;
}

/** The text itself when it is a file code, else the first word of it that is one; undefined when none is. */
function fileCodeIn(text: string): string | undefined {
  if (isFileCode(text)) return text;
  return text.split(/[\s;:,.]+/).find(isFileCode);
}

/**
 * A code has an underscore between its parts (IZMzin_190221_EDUC): a footer of one other word ("DRAFT", "2") is none;
 * and it is one a meeting may have (no longer than the files it names may be).
 */
function isFileCode(text: string): boolean {
  return text.includes('_') && meetingSchema.shape.file_code.safeParse(text).success;
}

/** Whether git has the file at `path` (a project path) but a sparse checkout leaves it out of the working tree. */
function hiddenBySparseCheckout(project: Project, path: string): boolean {
  const slash = path.lastIndexOf('/');
  const absent = project.files.absent?.(path.slice(0, Math.max(slash, 0)), path.slice(slash + 1).replace(/\.ya?ml$/i, ''), false);
  return absent?.how === 'sparse' && absent.path === path;
}
