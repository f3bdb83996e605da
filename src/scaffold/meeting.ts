import { parseDocument, Scalar, type Document } from 'yaml';
import { setBeside, topKey } from '../util/yaml-document.js';
import type { Project } from '../load/project.js';
import { signatory } from '../model/common.js';
import { configurationName, meetingNameSchema, meetingSchema, placeSchema, type Meeting } from '../model/meeting.js';
import { councilPlaceOn, placeNamed } from '../model/places.js';
import { fileCodeDate } from '../model/date.js';
import type { Choice } from '../prompt/prompter.js';
import type * as z from 'zod';
import { UsageError } from '../diagnostics/errors.js';
import { Answers, askSignatory, ministryChoices } from './answers.js';
import { presidencyDefault } from './presidencies.js';
import { FORMATION_COMMENT, MEETING_SKELETON } from './skeletons.js';
import { escapeRegExp } from '../util/regexp.js';
import { nameContradictions } from '../model/meeting-name.js';

/** Values for a new meeting given as flags; anything missing is asked or defaulted. */
export interface MeetingFlags {
  kind?: string;
  mode?: string;
  time?: string;
  /** Where an in-person meeting is held, locative ("Briselē"). */
  place?: string;
  /** The last day of a meeting held over several days, YYYY-MM-DD (read and checked by the command). */
  endDate?: string | undefined;
  formation?: string;
  participants?: string;
  presidency?: string;
  topic?: string;
  name?: string;
  nameLocative?: string;
  shortLocative?: string;
  clearances?: readonly string[];
  fileCode?: string;
  template?: string;
  signatureRole?: string;
  signatureName?: string;
  visaRole?: string;
  visaName?: string;
}

/** Who signs or endorses a report. */
type Signatory = z.output<typeof signatory>;

/** An earlier meeting whose structure a new one copies (`--from`). */
export interface EarlierMeeting {
  text: string;
  meeting: Meeting;
}

const KINDS: readonly Choice<Meeting['kind']>[] = [
  { value: 'formal', name: 'formal – a Council meeting' },
  { value: 'informal', name: 'informal – an informal meeting of ministers' },
];
const MODES: readonly Choice<Meeting['mode']>[] = [
  { value: 'in-person', name: 'in person' },
  { value: 'videoconference', name: 'videoconference' },
];

/**
 * The YAML document of a new meeting on `date`: the commented skeleton, or the earlier
 * meeting with its content emptied (questions, background, outcome, time, dates) and its
 * structure kept (kind, names — a new nominative takes none of its other forms —, ministries, template; its signature and visa only where the config
 * names none, as the config says who signs now). Fields come from flags,
 * answers or defaults; `answers.assertComplete` must be called afterwards. The file code is
 * one no meeting in `taken` has: the default gets a suffix, a flag or answer that names a taken
 * code is refused.
 */
export async function scaffoldMeeting(
  project: Project,
  date: string,
  slug: string,
  flags: MeetingFlags,
  answers: Answers,
  taken: TakenFileCodes,
  earlier?: EarlierMeeting,
): Promise<Document> {
  const before = earlier?.meeting;
  const shape = meetingSchema.shape;
  const kind = await answers.select({ flag: '--kind', given: flags.kind, message: 'Kind of meeting', default: before?.kind ?? 'formal' }, KINDS);
  const mode = await answers.select({ flag: '--mode', given: flags.mode, message: 'How is it held?', default: before?.mode ?? 'in-person' }, MODES);
  // Asked before the place, which depends on it: the European Council meets in Brussels in any month.
  const formation = await answers.text(
    { flag: '--formation', given: flags.formation, message: 'Council configuration (e.g. EYCS)', default: before?.formation },
    shape.formation,
  );
  // A formal Council meeting in person is in Brussels or Luxembourg by its month; an informal one in the presidency's country, which only the user knows.
  const usualPlace = kind === 'formal' && mode === 'in-person' ? councilPlaceOn(date, formation).locative : undefined;
  const place =
    mode === 'videoconference' && flags.place === undefined
      ? undefined
      : await answers.text(
          { flag: '--place', given: flags.place, message: 'Where it is held, locative (e.g. Briselē)', ...(usualPlace !== undefined ? { default: usualPlace } : {}) },
          placeSchema.shape.locative,
          true,
        );
  const time = await answers.text({ flag: '--time', given: flags.time, message: 'Start time, HH.MM', normalise: latvianTime }, shape.time, true);
  // Who met is offered only for the same Council configuration: the education ministers copied into a meeting of AGRIFISH would be wrong.
  const sameFormation = before !== undefined && before.formation.trim().toUpperCase() === formation?.trim().toUpperCase();
  const participants = await answers.text(
    { flag: '--participants', given: flags.participants, message: 'Who meets (e.g. "ES izglītības ministri"; no built-in template prints it)', default: sameFormation ? before.participants : undefined },
    shape.participants,
    true,
  );
  const offeredPresidency = presidencyDefault(date, before);
  const presidency = await answers.text(
    {
      flag: '--presidency',
      given: flags.presidency,
      message: 'Presidency',
      default: offeredPresidency,
      noDefaultBecause: offeredPresidency === undefined && before !== undefined ? `the earlier meeting's, ${before.presidency}, held it in another half-year` : undefined,
    },
    shape.presidency,
  );
  const topic = await answers.text({ flag: '--topic', given: flags.topic, message: 'Topic of the discussion' }, shape.topic);
  // The earlier name is offered only where it fits the new meeting: "neformālā … tiešsaistes sanāksme" kept for a formal Council in person would title the report as another meeting.
  const unfit = before === undefined ? [] : nameContradictions(before.name, kind, mode);
  const nominative = await answers.text(
    {
      flag: '--name',
      given: flags.name,
      message: 'Name of the meeting, nominative ("… notiks <name>")',
      // Nor for another Council configuration: "… izglītības ministru … sanāksme" would title a meeting of AGRIFISH.
      default: unfit.length || !sameFormation ? undefined : before?.name.nominative,
      noDefaultBecause: unfit.length
        ? `the earlier meeting's name says ${unfit.map(({ word }) => `“${word}”`).join(' and ')}, which ${unfit.length === 1 ? 'does' : 'do'} not fit ${unfit.map(({ field }) => `${field}: ${field === 'kind' ? kind : mode}`).join(', ')}`
        : before !== undefined && !sameFormation
          ? `the earlier meeting was of another Council configuration, ${before.formation}`
          : undefined,
    },
    meetingNameSchema.shape.nominative,
  );
  // The earlier locative is offered only for the earlier name: a new name's title would otherwise name the earlier meeting.
  const sameName = before !== undefined && before.name.nominative === nominative;
  const locative = await answers.text(
    { flag: '--name-locative', given: flags.nameLocative, message: 'Name, locative ("<name> izskatāmajiem jautājumiem")', default: sameName ? before.name.locative : undefined },
    meetingNameSchema.shape.locative,
  );
  const shortLocative = await answers.text(
    { flag: '--short-locative', given: flags.shortLocative, message: 'Short name, locative', default: before !== undefined && !nameContradictions({ short_locative: before.name.short_locative }, kind, mode).length ? before.name.short_locative : 'sanāksmē' },
    meetingNameSchema.shape.short_locative,
  );
  const ministries = ministryChoices(project.ministries, date);
  const later = flags.clearances?.map((code) => code.trim().toUpperCase()).find((code) => !ministries.some((choice) => choice.value === code) && project.ministries[code]?.established !== undefined);
  if (later !== undefined) {
    throw new UsageError(
      `--clearances: ${later} was established on ${project.ministries[later]?.established ?? ''}, after the meeting on ${date}; the report cannot be cleared with it. Nothing written.`,
      'Leave it out: the ministry that held its work then clears instead.',
    );
  }
  const clearances = await answers.checkbox(
    { flag: '--clearances', given: flags.clearances, message: 'Ministries that must clear every position', default: before?.required_clearances ?? [] },
    ministries,
  );
  const owner = flags.fileCode === undefined ? undefined : taken.get(flags.fileCode.trim().toLowerCase());
  if (flags.fileCode !== undefined && owner !== undefined) {
    throw new UsageError(
      `--file-code: \`${flags.fileCode.trim()}\` is already the file code of ${owner}; two meetings with one code would write the same files. Nothing written.`,
      `Give another code, e.g. --file-code ${unusedFileCode(flags.fileCode.trim(), taken)}, or leave the flag out for a free one.`,
    );
  }
  const fileCode = await answers.text(
    {
      flag: '--file-code',
      given: flags.fileCode,
      message: 'File code (names the output files)',
      default: unusedFileCode(fileCodeFor(project.config.issuing_ministry, date, slug), taken),
    },
    shape.file_code.refine((code) => !taken.has(code.toLowerCase()), {
      error: (issue) => `already the file code of ${taken.get(String(issue.input).toLowerCase()) ?? 'another meeting'}`,
    }),
  );
  const template = flags.template ?? before?.template ?? 'informative-report.lv';
  // The config says who signs now; an earlier meeting only says who signed then (a minister may have changed since).
  const signature = await askSignatory(answers, {
    kind: 'signature',
    role: flags.signatureRole,
    name: flags.signatureName,
    questions: SIGNATORY_QUESTIONS.signature,
    fallback: project.config.signature ?? before?.signature,
  });
  const visa = await askSignatory(answers, { kind: 'visa', role: flags.visaRole, name: flags.visaName, questions: SIGNATORY_QUESTIONS.visa, fallback: project.config.visa ?? before?.visa });

  const doc = parseDocument(earlier ? earlier.text : MEETING_SKELETON);
  const set = (path: string[], value: unknown) => doc.setIn(path, value);
  set(['date'], date);
  // An earlier meeting's last day belongs to its own dates.
  doc.deleteIn(['end_date']);
  if (flags.endDate !== undefined) setBeside(doc, 'end_date', flags.endDate, { after: 'date' });
  // An earlier meeting's place was its own.
  doc.deleteIn(['place']);
  if (place !== undefined) setBeside(doc, 'place', doc.createNode(placeNamed(place), { flow: true }), { after: flags.endDate !== undefined ? 'end_date' : 'date' });
  if (time === undefined) doc.deleteIn(['time']);
  else set(['time'], time);
  set(['kind'], kind);
  set(['mode'], mode);
  set(['formation'], formation);
  if (before !== undefined && !sameFormation && formation !== undefined) describeFormation(doc, before.formation, formation);
  if (participants === undefined) doc.deleteIn(['participants']);
  else setBeside(doc, 'participants', participants, { after: 'formation' });
  set(['presidency'], presidency);
  set(['topic'], topic);
  // The earlier topic's and background's English were theirs: the new ones are written with the new texts.
  doc.deleteIn(['topic_en']);
  doc.deleteIn(['background_en']);
  set(['name', 'nominative'], nominative);
  set(['name', 'locative'], locative);
  set(['name', 'short_locative'], shortLocative);
  if (before && !sameName) {
    // The other forms belonged to the earlier name.
    doc.deleteIn(['name', 'genitive']);
    doc.deleteIn(['name', 'english']);
  }
  doc.deleteIn(['outcome']);
  doc.deleteIn(['outcome_en']);
  doc.deleteIn(['document_date']);
  set(['background'], emptyBlock());
  set(['questions'], doc.createNode([], { flow: true }));
  set(['required_clearances'], doc.createNode(clearances, { flow: true }));
  if (before !== undefined) describeClearances(doc, before.required_clearances, clearances);
  set(['template'], template);
  set(['file_code'], fileCode);
  setOrDelete(doc, 'signature', signature);
  setOrDelete(doc, 'visa', visa);
  return doc;
}

/**
 * An earlier meeting's file explains its own configuration above `formation` (the example's
 * "EYCS = Education, Youth, Culture and Sport"): kept above AGRIFISH, the comment would misname
 * the new meeting's. A comment that names the earlier configuration is replaced by one for the
 * new configuration; any other is the desk officer's and stays.
 */
function describeFormation(doc: Document, earlier: string, formation: string): void {
  const key = topKey(doc, 'formation');
  if (key === undefined || key.commentBefore === undefined || key.commentBefore === null) return;
  const code = earlier.trim();
  if (!code || !new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(code)}($|[^\\p{L}\\p{N}])`, 'iu').test(key.commentBefore)) return;
  const english = configurationName(formation.trim().toUpperCase());
  key.commentBefore = english === null ? FORMATION_COMMENT : ` Council configuration: ${formation.trim().toUpperCase()} = ${english}.`;
}

/**
 * The example explains `required_clearances` with its own clearance line ("… saskaņots ar Ārlietu
 * ministriju un Labklājības ministriju."): kept above other ministries, the comment would misname the
 * new meeting's. The quoted line loses its names when the ministries are others; the rest stays.
 */
function describeClearances(doc: Document, earlier: readonly string[], clearances: readonly string[]): void {
  const same = earlier.length === clearances.length && earlier.every((code) => clearances.includes(code));
  const key = topKey(doc, 'required_clearances');
  if (same || key === undefined || typeof key.commentBefore !== 'string') return;
  // Closed by " or ”, or by “ as „…“ (the other `quotes` setting) closes it.
  key.commentBefore = key.commentBefore.replace(/saskaņots ar [^"“”\n]+?\.(?=["”“])/u, 'saskaņots ar …');
}

function setOrDelete(doc: Document, key: string, value: Signatory | undefined): void {
  if (value) doc.setIn([key], doc.createNode(value, { flow: true }));
  else doc.deleteIn([key]);
}

/** The questions for who signs (or endorses) the report: role and name, both or neither. */
const SIGNATORY_QUESTIONS = {
  signature: { role: 'Signed by: role (e.g. "Izglītības un zinātnes ministre")', name: 'Signed by: name (e.g. "I. Šuplinska")' },
  visa: { role: 'Visa: role (e.g. "Valsts sekretāre")', name: 'Visa: name (e.g. "L. Lejiņa")' },
};

/**
 * How much of the slug's first word a file code takes: a code names every output file, and a
 * slug of one long word would otherwise make a code longer than a file code may be.
 */
const FILE_CODE_WORD_MAX = 20;

/** `IZMzin_180521_EDUC`: issuing ministry, "zin" (ziņojums), DDMMYY, the slug's first word (at most {@link FILE_CODE_WORD_MAX} letters). */
export function fileCodeFor(issuingMinistry: string, date: string, slug: string): string {
  const word = (slug.split('-')[0] ?? slug).replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, FILE_CODE_WORD_MAX);
  return `${issuingMinistry}zin_${fileCodeDate(date)}${word ? `_${word}` : ''}`;
}

/**
 * The file codes the project's meetings use, lower-cased (on Windows and macOS codes that
 * differ only in case name the same files), each with the meeting that uses it.
 */
export type TakenFileCodes = ReadonlyMap<string, string>;

/**
 * `code` when no meeting uses it, else the first of `code_2`, `code_3`, … that is free: a
 * second meeting of the same day and name word gets its own files, predictably.
 */
export function unusedFileCode(code: string, taken: TakenFileCodes): string {
  let candidate = code;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${code}_${n}`;
  return candidate;
}

/** An empty `|` block: the user types the paragraphs under it. */
export function emptyBlock(): Scalar {
  const scalar = new Scalar('');
  scalar.type = 'BLOCK_LITERAL';
  return scalar;
}

/** Whether a meeting's short name can name its file and its positions: lower-case letters, digits and dashes. */
export function isSlug(text: string): boolean {
  return /^[a-z0-9][a-z0-9-]*$/.test(text);
}

/** A time typed with a colon, `9:00` or `09:30`, as a meeting file writes it: `9.00`, `09.30`; anything else as typed. */
function latvianTime(value: string): string {
  return value.replace(/^(\d{1,2}):(\d{2})$/, '$1.$2');
}
